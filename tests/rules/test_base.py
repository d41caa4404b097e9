"""`cleannews.rules._base` and `_walk`: class/id signatures, attribute rules, and the one-walk `apply_rules`."""

from __future__ import annotations

import dataclasses

import lxml.html
import pytest

from cleannews.article import Removal
from cleannews.rules import AttributeRule, Match, PageFacts, apply_rules, attribute_signature
from cleannews.rules._base import ElementView, drop_element, element_path
from cleannews.text import visible_len


def make_facts(body, protected: frozenset = frozenset()) -> PageFacts:
    """PageFacts as `clean()` builds them (plus the page text, for versions that take it)."""
    text = body.text_content()
    extra = {"folded_text": text.casefold()} if "folded_text" in PageFacts.__dataclass_fields__ else {}
    return PageFacts(body_chars=visible_len(text), protected=protected, **extra)



def el(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(markup)


# --- attribute_signature -----------------------------------------------------------------


@pytest.mark.parametrize("markup,signature", [
    ('<div class="share-bar mostRead"></div>', " ^share bar ^mostread "),
    ('<div class="share_bar"></div>', " ^share bar "),
    ('<div id="main-content"></div>', " ^main content "),
    ('<div class="a-b" id="c"></div>', " ^a b ^c "),
    ('<div class="  elementor-widget   elementor-widget-text-editor "></div>',
     " ^elementor widget ^elementor widget text editor "),
    ('<p class="highLightSearchTarget"></p>', " ^highlightsearchtarget "),
    ('<div class="SideBar"></div>', " ^sidebar "),
    # BEM double separators split like single ones
    ('<div class="article__ad--top"></div>', " ^article ad top "),
    ('<div class="c-ad__slot"></div>', " ^c ad slot "),
])
def test_signature_words_and_head_marker(markup, signature):
    assert attribute_signature(el(markup)) == signature


@pytest.mark.parametrize("markup", ["<div></div>", '<div class=""></div>', '<div class="   "></div>',
                                    '<div id=""></div>'])
def test_signature_empty_without_class_or_id(markup):
    assert attribute_signature(el(markup)) == ""


def test_signature_marks_only_the_first_word_of_each_class_name():
    sig = attribute_signature(el('<div class="widget-area elementor-widget-text"></div>'))
    words = sig.split()
    assert words.count("^widget") == 1  # head of 'widget-area'
    assert "widget" in words  # inside 'elementor-widget-text': not a head word
    assert words[0] == "^widget" and words[2] == "^elementor"


@pytest.mark.parametrize("classes,expected", [
    ("post-12 post type-post tag-comments category-share entry-content", " ^post 12 ^post ^type post ^entry content "),
    ("hentry tag-sidebar category-ranking", " ^hentry "),
    ("tag-list", " ^tag list "),  # no post classes: a real tag list, kept
    ("hentry category-news-and-ads", " ^hentry "),
])
def test_signature_ignores_wordpress_taxonomy_classes(classes, expected):
    sig = attribute_signature(el(f'<article class="{classes}"></article>'))
    assert sig.strip() == expected.strip()


def test_taxonomy_filter_keeps_the_id():
    assert attribute_signature(el('<div class="hentry tag-comments" id="comments"></div>')).split() == ["^hentry", "^comments"]


# --- AttributeRule -------------------------------------------------------------------------


def test_attribute_rule_phrase_matches_across_bem_separators():
    rule = AttributeRule(name="x", description="x", words=("ad slot",))
    node = el('<div class="teaser__ad--slot">Anzeige</div>')
    view = ElementView(node, attribute_signature(node))
    assert rule.match(view, PageFacts(body_chars=1000)) is not None

RULE = AttributeRule(name="demo", description="demo rule", tags=("aside",), roles=("navigation",),
                     words=("share*", "^widget*", "site search", "ad"))
FACTS = PageFacts(body_chars=0)


def ask(markup: str, rule: AttributeRule = RULE) -> Match | None:
    node = el(markup)
    return rule.match(ElementView(node, attribute_signature(node)), FACTS)


@pytest.mark.parametrize("markup,reason", [
    ("<aside></aside>", "<aside> element"),
    ('<div role="navigation"></div>', "role=navigation"),
    ('<div class="share-bar"></div>', "class/id word 'share'"),
    ('<div class="sharebar"></div>', "class/id word 'sharebar'"),
    ('<div class="post-shares"></div>', "class/id word 'shares'"),
    ('<div class="widget-area"></div>', "class/id word 'widget'"),
    ('<div class="widgets"></div>', "class/id word 'widgets'"),
    ('<form id="site-search"></form>', None),
    ('<div class="ad"></div>', "class/id word 'ad'"),
])
def test_attribute_rule_matches(markup, reason):
    m = ask(markup)
    assert m is not None
    assert m.targets[0].tag == el(markup).tag
    if reason:
        assert m.reason == reason
    else:
        assert "site" in m.reason and "search" in m.reason


@pytest.mark.parametrize("markup", [
    '<div class="elementor-widget elementor-widget-text-editor"></div>',  # '^widget' is head-only
    '<div class="address"></div>', '<div class="header"></div>', '<div class="shadow"></div>',
    '<div class="site-main-search"></div>',  # 'site search' needs the two words together
    '<p class="share-bar"></p>',  # class words count on containers only
    '<span class="ad"></span>',
    '<div class="post type-post tag-share"></div>',  # a WordPress post's tag, not a share bar
    '<div role="main"></div>',
    "<div></div>",
])
def test_attribute_rule_does_not_match(markup):
    assert ask(markup) is None


def test_attribute_rule_is_frozen_and_hashable():
    rule = AttributeRule(name="x", description="d", words=["a", "b"], tags=["nav"])
    assert rule.words == ("a", "b") and rule.tags == ("nav",)
    assert {rule: 1}[rule] == 1  # usable as a cache key
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.name = "y"  # type: ignore[misc]


def test_element_view_reads_text_lazily_and_once():
    node = el("<div>one <b>two</b></div>")
    view = ElementView(node, "")
    node.text = "uno "  # not read yet: the view sees the current text
    assert view.text == "uno two"
    node.text = "changed "
    assert view.text == "uno two"  # cached


# --- apply_rules ---------------------------------------------------------------------------

PAGE = """<html><body>
<div id="page">
  <div class="share-bar"><a href="#">Share</a> <div class="share-inner">inner share</div></div>
  <div id="story">
    <p>The first paragraph of the story is long enough to count as prose, with a comma, and a full stop.</p>
    <p>The second paragraph continues the story, adding detail, context and a quote from an official.</p>
    <div class="ad">Buy now</div>after-ad tail
  </div>
  <aside>Sidebar text</aside>
</div>
</body></html>"""


def run(page: str, rules, protected_xpath: str | None = None) -> tuple[lxml.html.HtmlElement, list[Removal]]:
    root = lxml.html.document_fromstring(page)
    body = root.find("body")
    protected: frozenset = frozenset()
    if protected_xpath:
        marker = body.xpath(protected_xpath)[0]
        protected = frozenset([marker, *marker.iterancestors()])
    facts = make_facts(body, protected)
    return body, apply_rules(body, rules, facts)


def test_apply_rules_removes_and_reports_outermost_in_document_order():
    body, removed = run(PAGE, [RULE])
    text = body.text_content()
    assert "Share" not in text and "inner share" not in text and "Buy now" not in text and "Sidebar" not in text
    assert "The first paragraph" in text
    assert [r.rule for r in removed] == ["demo", "demo", "demo"]  # share-inner is inside share-bar: not reported
    assert [r.excerpt for r in removed] == ["Share inner share", "Buy now", "Sidebar text"]
    assert [r.path for r in removed] == ["body/div/div[1]", "body/div/div[2]/div", "body/div/aside"]


def test_apply_rules_keeps_tail_text_of_removed_elements():
    body, _ = run(PAGE, [RULE])
    assert "after-ad tail" in body.text_content()


def test_apply_rules_never_removes_protected_elements():
    page = PAGE.replace('<div id="story">', '<div id="story" class="share-story">')
    body, removed = run(page, [RULE], protected_xpath="//div[@id='story']")
    assert "The first paragraph" in body.text_content()
    assert all("The first paragraph" not in r.excerpt for r in removed)
    assert "Buy now" not in body.text_content()  # inside the protected element, rules still apply


def test_apply_rules_keeps_an_element_too_central_to_be_boilerplate():
    page = PAGE.replace('<div id="story">', '<div id="story" class="share-story">')
    body, removed = run(page, [RULE])
    assert "The first paragraph" in body.text_content()  # 'share' word, but most of the page's prose
    unlimited = dataclasses.replace(RULE, max_share=1.0)
    body, removed = run(page, [unlimited])
    assert "The first paragraph" not in body.text_content()


def test_apply_rules_first_rule_is_credited():
    first = AttributeRule(name="first", description="d", words=("ad",))
    second = AttributeRule(name="second", description="d", words=("ad",))
    _, removed = run(PAGE, [first, second])
    assert [r.rule for r in removed] == ["first"]
    _, removed = run(PAGE, [second, first])
    assert [r.rule for r in removed] == ["second"]


def test_apply_rules_with_no_rules_changes_nothing():
    before = lxml.html.tostring(lxml.html.document_fromstring(PAGE))
    body, removed = run(PAGE, [])
    assert removed == []
    assert lxml.html.tostring(body.getroottree().getroot()) == before


def test_drop_element_keeps_tail_after_previous_sibling_or_in_parent():
    parent = el("<p>a<b>x</b>b<i>y</i>c</p>")
    drop_element(parent[1])  # <i>y</i>, tail 'c' goes to <b>'s tail
    assert parent.text_content() == "axbc"
    drop_element(parent[0])  # <b>x</b>, tail 'bc' goes to the parent's text
    assert parent.text_content() == "abc"
    assert len(parent) == 0
    orphan = el("<div>solo</div>")
    drop_element(orphan)  # no parent: nothing happens
    assert orphan.text == "solo"


def test_element_path():
    root = lxml.html.document_fromstring("<html><body><div><p>a</p><p>b</p></div></body></html>")
    assert element_path(root.xpath("//p")[1]) == "body/div/p[2]"


def test_removal_excerpt_separates_block_texts():
    page = ('<html><body><div class="ranking"><h3>Most read</h3><ol><li><a href="/1">Storm knocks out power</a></li>'
            '<li><a href="/2">Local bakery wins award</a></li></ol></div></body></html>')
    _, removed = run(page, [AttributeRule(name="ranking", description="d", words=("ranking",))])
    assert removed[0].excerpt == "Most read Storm knocks out power Local bakery wins award"


def test_apply_rules_asks_a_block_nested_in_a_paragraph_but_not_its_inline_children():
    """A long <p> is prose: its links are not asked; a block a broken page nested in it is."""
    page = ("<html><body><div id='story'><p>The first paragraph of the story is long enough to count as prose, "
            "with a comma, and a full stop, and more words after it.<span class='ad'>inline ad</span>"
            "</p></div></body></html>")
    root = lxml.html.document_fromstring(page)
    body = root.find("body")
    paragraph = body.find(".//p")
    nested = lxml.html.fragment_fromstring("<section class='ad'>Teaser: another story</section>")
    paragraph.append(nested)  # as the parser leaves <p>…<section>…</section></p> on some pages
    removed = apply_rules(body, [RULE], make_facts(body, frozenset()))
    assert [r.excerpt for r in removed] == ["Teaser: another story"]
    assert "inline ad" in body.text_content()  # a <span> inside prose is never asked


@pytest.mark.parametrize("shape", [
    ("div", "col-md-6 wrapper", "item-12345", None),  # words nothing reads
    ("div", "col-md-6", "sidebar", None),  # an index word in the id
    ("div", "site", "search", None),  # a phrase across class and id ('site search')
    ("span", "story-title", None, None),  # a heading word
    ("div", "img-author", None, None),  # a caption gate's words (a credit block)
    ("figcaption", "x1", None, None),  # a caption by its tag
    ("div", "note hidden", None, "navigation"),  # a hiding class, a role
    ("p", None, None, None),
])
def test_plain_words_fast_path_gives_the_full_shape(shape):
    """The walk answers a shape whose signature words no rule, heading test or gate reads as
    one without class or id; every shape comes out as the full computation's."""
    from cleannews.rules import DEFAULT_RULES
    from cleannews.rules._walk import _gate_groups, _index_for, _Shapes

    index, others = _index_for(tuple(DEFAULT_RULES))
    gated = _gate_groups(others)
    fast, full = _Shapes(index, gated), _Shapes(index, gated)
    full._read_words = None  # (no word is known plain: always the full computation)
    assert fast._read_words is not None
    for _ in range(2):  # (the second time its words are known)
        assert fast._shape(*shape) == full._shape(*shape)
    assert fast._all_plain(["^col", "md", "6", "^wrapper", "12345"])
    assert not fast._all_plain(["^sidebar"]) and not fast._all_plain(["^story", "title"])


@pytest.mark.parametrize("html,signature", [
    ('<div class="share-bar c_ad" id="u:hide"></div>', " ^share bar ^c ad ^u hide "),
    ('<div class="ñews-bar top.1" id="x_y"></div>', " ^ñews bar ^top 1 ^x y "),  # non-ASCII: str.translate
    ('<div class="a--b  c" id="d"></div>', " ^a b ^c ^d "),
])
def test_signature_splits_ascii_and_other_names_alike(html, signature):
    """Class/id names split at the same separators whether they are ASCII (a bytes table) or not."""
    assert attribute_signature(lxml.html.fragment_fromstring(html)) == signature
