"""`cleannews.rules.navigation`: skip links, menus, breadcrumbs, pagers and footers go."""

from __future__ import annotations

import pytest

import cleannews
from cleannews.rules import navigation

SKIP_LINKS = [
    ("ja-main-content", "ja", '<a class="skip" href="#main">メインコンテンツへスキップ</a>', "メインコンテンツへスキップ"),
    ("ja-in-paragraph", "ja", '<p><a href="#main">メインコンテンツへスキップ</a></p>', "メインコンテンツへスキップ"),
    ("ja-honbun", "ja", '<div class="x"><a href="#main">本文へ移動</a></div>', "本文へ移動"),
    ("en-skip-to-content", "en", '<div class="x"><a href="#main">Skip to content</a></div>', "Skip to content"),
    ("en-skip-navigation", "en", '<p><a href="#main">Skip navigation</a></p>', "Skip navigation"),
    ("zh-tiaozhuan", "ja", '<p><a href="#main">跳转到主要内容</a></p>', "跳转到主要内容"),
]


@pytest.mark.parametrize("lang,prefix,dropped", [c[1:] for c in SKIP_LINKS], ids=[c[0] for c in SKIP_LINKS])
def test_removes_skip_link(pages, lang, prefix, dropped):
    article = pages.clean_snippet("", lang=lang, body_prefix=prefix)
    removal = pages.assert_removed(article, "skip_links", dropped, lang=lang)
    assert removal.excerpt == dropped


def test_skip_link_inside_the_body_container(pages):
    article = pages.clean_snippet('<p><a href="#main">メインコンテンツへスキップ</a></p>', where="inside")
    pages.assert_removed(article, "skip_links", "メインコンテンツへスキップ")


def test_skip_link_with_skip_class_is_credited_to_skip_links(pages):
    article = pages.clean_snippet("", lang="en",
                                  body_prefix='<div class="skip-link"><a href="#main">Skip to content</a></div>')
    pages.assert_removed(article, "skip_links", "Skip to content", lang="en")


NAVIGATION = [
    ("nav-tag", "ja", "before", '<nav><ul><li><a href="/">トップ</a></li><li><a href="/local">地域</a></li>'
     '<li><a href="/sports">スポーツ</a></li></ul></nav>', "トップ"),
    ("gnav", "ja", "before", '<div class="gnav"><ul><li><a href="/">トップ</a></li><li><a href="/local">地域</a></li>'
     "</ul></div>", "トップ"),
    ("breadcrumb", "ja", "inside", '<div class="breadcrumb"><a href="/">ホーム</a> &gt; <a href="/local">地域</a> &gt; '
     "交通</div>", "ホーム > 地域 > 交通"),
    ("topicpath", "ja", "inside", '<ol id="topicpath"><li><a href="/">ホーム</a></li><li><a href="/l">地域</a></li></ol>',
     "ホーム"),
    ("pankuzu", "ja", "inside", '<div class="pankuzu"><a href="/">ホーム</a> ＞ 地域</div>', "ホーム"),
    ("role-navigation", "en", "before", '<div role="navigation"><a href="/">Home</a> <a href="/local">Local</a></div>',
     "Home Local"),
    ("pagination", "en", "inside", '<div class="pagination"><a href="?p=1">1</a> <a href="?p=2">2</a> '
     '<a href="?p=2">Next page</a></div>', "1 2 Next page"),
    ("search-form", "en", "before", '<form class="search-form"><label>Search this site</label></form>',
     "Search this site"),
    ("menu", "en", "before", '<ul class="menu-main"><li><a href="/">News</a></li><li><a href="/s">Sport</a></li></ul>',
     "News"),
]


@pytest.mark.parametrize("lang,where,snippet,dropped", [c[1:] for c in NAVIGATION], ids=[c[0] for c in NAVIGATION])
def test_removes_navigation(pages, lang, where, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where=where)
    pages.assert_removed(article, "navigation", dropped, lang=lang)


FOOTERS = [
    ("footer-tag", "ja", "after", "<footer><p>Copyright © Example News. All rights reserved.</p></footer>",
     "Copyright © Example News."),
    ("site-footer", "en", "after", '<div class="site-footer"><p>© 2024 Example News Inc.</p>'
     '<a href="/privacy">Privacy</a></div>', "© 2024 Example News Inc."),
    ("copyright-in-body", "en", "inside", '<div class="copyright">© 2024 Example News Inc. All rights reserved.</div>',
     "© 2024 Example News Inc."),
    ("contentinfo", "ja", "after", '<div role="contentinfo"><p>無断転載を禁じます。</p></div>', "無断転載を禁じます。"),
]


@pytest.mark.parametrize("lang,where,snippet,dropped", [c[1:] for c in FOOTERS], ids=[c[0] for c in FOOTERS])
def test_removes_footer(pages, lang, where, snippet, dropped):
    article = pages.clean_snippet(snippet, lang=lang, where=where)
    pages.assert_removed(article, "footer", dropped, lang=lang)


KEEPS = [
    ("highlight-search-target-p", '<p class="highLightSearchTarget">運行ダイヤの詳細は、来年二月に市のホームページで'
     "公表される予定だ。</p>"),
    ("highlight-search-target-div", '<div class="highLightSearchTarget">運行ダイヤの詳細は、来年二月に市のホームページで'
     "公表される予定だ。</div>"),
    ("table-wrap", '<div class="table-wrap"><p>運行ダイヤの詳細は、来年二月に市のホームページで公表される予定だ。</p></div>'),
    ("search-word-on-paragraph", '<p class="search-target">運行ダイヤの詳細は、来年二月に市のホームページで公表される予定だ。</p>'),
    ("canvas-class", '<div class="canvas-text"><p>運行ダイヤの詳細は、来年二月に市のホームページで公表される予定だ。</p></div>'),
]


@pytest.mark.parametrize("snippet", [c[1] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_keeps_body_paragraphs_with_nav_like_classes(pages, snippet):
    article = pages.clean_snippet(snippet, where="middle")
    pages.assert_kept(article, "運行ダイヤの詳細は、来年二月に市のホームページで公表される予定だ。")
    assert not pages.content_removals(article)


def test_keeps_article_header_with_headline(pages):
    """The article's own <header> (headline and dek) is not site navigation."""
    dek = "三路線で最終便を三十分遅らせる。"
    page = pages.make_page().replace(f"<h1>{pages.JA_TITLE}</h1>",
                                     f'<header class="article-header"><h1>{pages.JA_TITLE}</h1><p>{dek}</p></header>')
    article = cleannews.clean(page)
    assert article.title == pages.JA_TITLE
    assert pages.JA_TITLE not in article.text
    pages.assert_kept(article, dek)


def test_skip_link_text_in_prose_is_kept(pages):
    sentence = "Skipping the last bus used to mean a forty-dollar taxi ride, one nurse said."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="middle")
    pages.assert_kept(article, sentence, lang="en")


@pytest.mark.parametrize("rule,snippet,kept", [
    ("navigation", '<div class="breadcrumb"><p>Officials also published the new timetable online.</p></div>',
     "Officials also published the new timetable online."),
    ("footer", '<div class="footer-note"><p>Officials also published the new timetable online.</p></div>',
     "Officials also published the new timetable online."),
    ("skip_links", '<p><span>Skip to content</span></p>', "Skip to content"),
])
def test_disabled_navigation_rules(pages, rule, snippet, kept):
    on = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_removed(on, rule, kept, lang="en")
    off = pages.clean_snippet(snippet, lang="en", where="inside", disabled_rules={rule})
    assert not pages.removals_by(off, rule)
    pages.assert_kept(off, kept, lang="en")


def test_rule_metadata():
    assert navigation.SKIP_LINKS.name == "skip_links"
    assert navigation.NAVIGATION.name == "navigation"
    assert navigation.FOOTER.name == "footer"


@pytest.mark.parametrize("label", ["zurück zur Listenansicht", "Sorted by:", "Rezept drucken", "Back to top",
                                   "Wie bewerten Sie diesen Artikel?", "ページの先頭へ", "War der Artikel nützlich?",
                                   "Pin this for later!", "Inhaltsverzeichnis", "Table of Contents", "目次"])
def test_removes_control_labels(pages, label):
    article = pages.clean_snippet(f"<p>{label}</p>", lang="en", where="after")
    assert label not in article.text
    pages.assert_body_kept(article, "en")


def test_keeps_a_sentence_that_mentions_printing(pages):
    sentence = "The printing plant will close next year, the company said on Monday afternoon."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="after")
    assert sentence in article.text


def test_keeps_a_sentence_about_contents(pages):
    sentence = "The table of contents of the new timetable lists every stop, the agency said."
    article = pages.clean_snippet(f"<p>{sentence}</p>", lang="en", where="after")
    assert sentence in article.text


def test_skip_names_mean_skip_links_not_sections():
    from cleannews.rules.navigation import NAVIGATION

    assert NAVIGATION._words_re.search(" ^skip link ") and NAVIGATION._words_re.search(" ^skip to content ")
    assert not NAVIGATION._words_re.search(" ^skip item ")


def test_jump_names_mean_jump_menus_not_the_sections_they_jump_to():
    from cleannews.rules.navigation import NAVIGATION

    assert NAVIGATION._words_re.search(" ^jump link menu ") and NAVIGATION._words_re.search(" ^jumplinks ")
    assert not NAVIGATION._words_re.search(" ^cws jump section ")
    assert not NAVIGATION._words_re.search(" ^paragraph type jump link content ")


@pytest.mark.parametrize("label", ["Wie bewerten Sie diesen Artikel?", "Inhaltsverzeichnis", "Back to top"])
@pytest.mark.parametrize("tag", ["h2", "h4", "h6"])
def test_removes_control_labels_set_as_headings(pages, label, tag):
    article = pages.clean_snippet(f"<{tag}>{label}</{tag}>", lang="en", where="middle")
    assert label not in article.text
    assert any(r.rule == "navigation" and r.excerpt.startswith(label) for r in article.removed)
    pages.assert_body_kept(article, "en")


@pytest.mark.parametrize("heading", ["How the routes were chosen", "Contents of the new timetable",
                                     "Printing the tickets"])
def test_keeps_subheadings_that_are_no_prompts(pages, heading):
    snippet = f"<h2>{heading}</h2><p>Officials looked at ridership data from the last two years.</p>"
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    assert heading in article.text


def test_removes_a_control_label_in_a_form_label(pages):
    snippet = '<div><label for="sort">Sorted by:</label><select id="sort"><option>Date</option></select></div>'
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_removed(article, "navigation", "Sorted by:", lang="en")
