"""`cleannews.rules.page_furniture`: sidebars, widgets, tag lists and author boxes go; the body stays."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.rules import page_furniture

SIDEBARS = [
    ("aside", "ja", "<aside><h3>お知らせ</h3><ul>{JL}</ul></aside>", "お知らせ"),
    ("sidebar-class", "ja", '<div class="sidebar"><p>市の広報誌は毎月一日発行です。</p></div>', "市の広報誌は毎月一日発行です。"),
    ("widget-area", "ja", '<div class="widget-area"><p>市の広報誌は毎月一日発行です。</p></div>',
     "市の広報誌は毎月一日発行です。"),
    ("complementary", "en", '<div role="complementary"><p>Weather: sunny, high of 18.</p></div>',
     "Weather: sunny, high of 18."),
    ("right-rail", "en", '<div class="right-rail"><p>Weather: sunny, high of 18.</p></div>', "Weather: sunny"),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in SIDEBARS], ids=[c[0] for c in SIDEBARS])
def test_removes_sidebar(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="inside")
    pages.assert_removed(article, "sidebar", dropped, lang=lang)


@pytest.mark.parametrize("cls", ["elementor-widget elementor-widget-text-editor", "c-sidemark", "has-secondary-color"])
def test_keeps_body_inside_layout_classes(pages, cls):
    """'^widget' matches only the head word of a class: page builders put 'widget' on content too."""
    article = pages.keeps_extra_sentence(f'<div class="{cls}"><p>{{sentence}}</p></div>')
    assert not pages.removals_by(article, "sidebar")


def test_elementor_widget_holding_the_whole_body_is_kept(pages):
    body = "".join(f"<p>{p}</p>" for p in pages.EN_BODY)
    page = (f"<html><head><title>{pages.EN_TITLE}</title></head><body><div class=\"elementor-section\">"
            f'<div class="elementor-widget elementor-widget-heading"><h1>{pages.EN_TITLE}</h1></div>'
            f'<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">'
            f"{body}</div></div></div></body></html>")
    article = cleannews.clean(page)
    pages.assert_body_kept(article, "en")
    assert not pages.removals_by(article, "sidebar")


TAGS = [
    ("tags-class", "ja", '<div class="tags"><a href="/t/1">交通政策</a> <a href="/t/2">路線バス</a> <a href="/t/3">市議会</a></div>',
     "交通政策"),
    ("post-tags", "en", '<div class="post-tags"><a href="/t/1">Public transport</a> <a href="/t/2">City council</a></div>',
     "Public transport"),
    ("keywords", "ja", '<ul class="keywords"><li><a href="/t/1">交通政策</a></li><li><a href="/t/2">路線バス</a></li></ul>',
     "交通政策"),
    ("tags-titled-ja", "ja", '<div class="box"><h3>タグ</h3><ul><li><a href="/t/1">交通政策</a></li>'
     '<li><a href="/t/2">路線バス</a></li></ul></div>', "タグ"),
    ("keyword-titled-ja", "ja", '<div class="box"><h3>キーワード</h3><a href="/t/1">交通政策</a> <a href="/t/2">路線バス</a></div>',
     "キーワード"),
    ("topics-titled-en", "en", '<div class="box"><h4>Topics</h4><a href="/t/1">Public transport</a> '
     '<a href="/t/2">City council</a></div>', "Topics"),
    ("zh-biaoqian", "ja", '<div class="box"><h4>标签</h4><a href="/t/1">交通政策</a> <a href="/t/2">公交车</a></div>', "标签"),
    ("author-box-class", "ja", '<div class="author-box"><p>山田太郎　社会部記者。交通行政を担当。</p></div>', "山田太郎"),
    ("author-bio-class", "en", '<div class="author-bio"><p>Jane Doe covers transportation.</p></div>',
     "Jane Doe covers transportation."),
]


@pytest.mark.parametrize("lang,snippet,dropped", [c[1:] for c in TAGS], ids=[c[0] for c in TAGS])
def test_removes_tag_list_and_author_box(pages, lang, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where="inside")
    pages.assert_removed(article, "tags", dropped, lang=lang)


@pytest.mark.parametrize("cls", ["tag-list", "tag-cloud", "category-list"])
def test_removes_tag_list_named_with_a_dash(pages, cls):
    snippet = f'<div class="{cls}"><a href="/t/1">交通政策</a> <a href="/t/2">路線バス</a> <a href="/t/3">市議会</a></div>'
    article = pages.clean_snippet(snippet, where="inside")
    pages.assert_removed(article, "tags", "交通政策")


# Author-box plugins and theme cards name their box without 'author-box' or 'author-bio'.
AUTHOR_BOX_CLASSES = ["saboxplugin-wrap", "abh_box abh_box_down", "author_detail_box clearfix",
                      "author_little_author_card__x1", "post__author", "sno-story-contributor-box",
                      "blog__contributorwrapper", "author-description"]


@pytest.mark.parametrize("cls", AUTHOR_BOX_CLASSES)
def test_removes_author_box_named_by_its_plugin(pages, cls):
    snippet = (f'<div class="{cls}"><p>Jane Doe is a freelance writer who covers transportation and city hall '
               "for Example News.</p></div>")
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "tags", "Jane Doe is a freelance writer", lang="en")


@pytest.mark.parametrize("cls", ["contributor-notes", "post-content author-note", "detail-card"])
def test_keeps_prose_whose_class_only_mentions_an_author(pages, cls):
    article = pages.keeps_extra_sentence(f'<div class="{cls}"><p>{{sentence}}</p></div>')
    assert not pages.removals_by(article, "tags")


def test_removes_about_the_author_class(pages):
    snippet = '<div class="about-the-author"><p>Jane Doe covers transportation.</p></div>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "tags", "Jane Doe covers transportation.", lang="en")


AUTHORS = [
    ("kono-kiji-wo-kaita-hito", "ja", '<div class="box"><h3>この記事を書いた人</h3><p>山田太郎　社会部記者。'
     "二〇一五年入社、交通行政を担当。</p></div>", "この記事を書いた人", "二〇一五年入社"),
    ("chosha-profile", "ja", '<div class="box"><h3>著者プロフィール</h3><p>山田太郎　社会部記者。</p></div>',
     "著者プロフィール", "社会部記者"),
    ("about-the-author", "en", '<div class="box"><h3>About the author</h3><p>Jane Doe covers transportation and '
     "city hall for Example News.</p></div>", "About the author", "Jane Doe covers"),
]


@pytest.mark.parametrize("lang,snippet,dropped,also", [c[1:] for c in AUTHORS], ids=[c[0] for c in AUTHORS])
def test_removes_titled_author_box(pages, lang, snippet, dropped, also):
    article = pages.clean_snippet(snippet, lang=lang, where="inside")
    pages.assert_removed(article, "author_box", dropped, lang=lang, absent=(also,))


def test_byline_in_article_header_is_not_body_text(pages):
    """The article's own header stays in place (headline → title); its byline is furniture, not body.

    (The module docstring says it 'keeps a byline inside the article's own header'; the golden
    samples expect the byline out of `text`, which is what this checks.)"""
    page = pages.make_page(lang="en").replace(
        f"<h1>{pages.EN_TITLE}</h1>",
        f'<header><h1>{pages.EN_TITLE}</h1><div class="byline">By Jane Doe, transport reporter</div></header>')
    article = cleannews.clean(page)
    assert article.title == pages.EN_TITLE
    pages.assert_removed(article, "tags", "By Jane Doe", lang="en")


def test_profile_subheading_in_body_keeps_following_paragraphs(pages):
    snippet = "<h3>運転手プロフィール</h3><p>田中一郎さん。市交通局で二十年以上バスを運転している。</p>"
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_body_kept(article)


def test_wordpress_taxonomy_classes_do_not_make_tags(pages):
    snippet = ('<div class="post-12 tag-tags category-sidebar"><p>Officials added that the timetable will be '
               "published online in February, with printed copies at major stops.</p></div>")
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, "Officials added that the timetable", lang="en")
    assert not pages.content_removals(article)


@pytest.mark.parametrize("rule", ["sidebar", "tags", "author_box"])
def test_disabled_furniture_rules(pages, rule):
    snippets = {"sidebar": '<div class="sidebar"><p>Officials also published the new timetable online.</p></div>',
                "tags": '<div class="tags"><p>Officials also published the new timetable online.</p></div>',
                "author_box": "<h3>About the author</h3><p>Officials also published the new timetable online.</p>"}
    on = pages.clean_snippet(snippets[rule], lang="en", where="inside")
    assert pages.removals_by(on, rule)
    off = pages.clean_snippet(snippets[rule], lang="en", where="inside", disabled_rules={rule})
    assert not pages.removals_by(off, rule)
    assert "Officials also published the new timetable online." in off.text


def test_rule_metadata():
    assert page_furniture.SIDEBAR.name == "sidebar"
    assert page_furniture.TAGS.name == page_furniture.TAGS_TITLED.name == "tags"
    assert page_furniture.AUTHOR_TITLED.name == "author_box"


def test_tag_is_a_head_word_only(pages):
    """'tag' inside a longer name ('intext_content_tag') is not a tag list; 'tag-list' is."""
    from cleannews.rules._base import ElementView, attribute_signature
    from cleannews.rules._walk import _index_for
    from cleannews.rules import DEFAULT_RULES
    import lxml.html

    index = _index_for(DEFAULT_RULES)[0]
    content = lxml.html.fromstring('<div id="intext_content_tag">x</div>')
    assert index.match(ElementView(content, attribute_signature(content))) is None
    tags = lxml.html.fromstring('<div class="tag-list">x</div>')
    assert index.match(ElementView(tags, attribute_signature(tags)))[0].name == "tags"


@pytest.mark.parametrize("title", ["Über den Autor", "Sobre el autor", "About the Reviewer", "About the contributor",
                                   "About the authors", "Meet the author", "The Author"])
def test_removes_author_box_titled_in_other_languages(pages, title):
    snippet = f'<div class="box"><h3>{title}</h3><p>Jane Doe covers transportation for Example News.</p></div>'
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "author_box", title, lang="en", absent=("Jane Doe covers",))


@pytest.mark.parametrize("link", ["View all posts by Jane Doe", "Zeige alle Beiträge von Jane Doe"])
def test_removes_author_box_closed_by_all_posts_link(pages, link):
    snippet = (f'<div class="bio"><p>Jane Doe covers transportation and city hall. <a href="/author/jd">{link}</a>'
               "</p></div>")
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(article, "author_box", "Jane Doe covers transportation", lang="en", absent=(link,))


@pytest.mark.parametrize("title", ["The authority's budget", "Reviewers disagree"])
def test_subheading_that_starts_like_an_author_title_keeps_its_section(pages, title):
    pages.keeps_extra_sentence(f"<h3>{title}</h3><p>{{sentence}}</p>")


def test_keeps_prose_that_mentions_posts_by_someone(pages):
    sentence = ("The agency said it would review all posts by the former director before deciding whether "
                "to publish the archive next year.")
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


def test_page_builder_blocks_of_the_article_are_kept_other_widgets_go(pages):
    """A page builder (HubSpot 'widget-span', SiteOrigin 'so-panel widget') cuts the article
    inside <main> into blocks named like widgets: a block holding a share of the page's prose
    stays; a widget of links beside it (recent posts) still goes."""
    cells = "".join(f'<div class="span12 widget-span widget-type-cell"><h2>Part {i}</h2><p>{p}</p></div>'
                    for i, p in enumerate(pages.EN_BODY, 1))
    recent = ('<div class="widget widget_recent_entries"><h3>Recent posts</h3><ul>'
              + "".join(f'<li><a href="/p/{i}">Another story number {i} from this week</a></li>' for i in range(5))
              + "</ul></div>")
    page = (f"<html><head><title>{pages.EN_TITLE}</title></head><body><main><h1>{pages.EN_TITLE}</h1>"
            f"{cells}{recent}</main></body></html>")
    article = cleannews.clean(page)
    pages.assert_body_kept(article, "en")
    assert "Part 2" in article.text
    assert "Another story number" not in article.text
    assert [r.excerpt[:12] for r in pages.removals_by(article, "sidebar")] == ["Recent posts"]
