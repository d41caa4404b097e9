"""`cleannews.rules.hidden`: what a browser would not show goes; responsive classes do not hide."""

from __future__ import annotations

import pytest

from cleannews.rules import hidden

NOTE = "Internal editor note: check the ridership numbers again."
VISIBLE = "Officials added that the timetable will be published online in February, with printed copies at major stops."

HIDES = [
    ("hidden-attr", f"<div hidden><p>{NOTE}</p></div>", "hidden attribute"),
    ("display-none", f'<div style="display: none"><p>{NOTE}</p></div>', "inline style hides it"),
    ("display-none-important", f'<p style="color:red;DISPLAY:NONE !important">{NOTE}</p>', "inline style hides it"),
    ("visibility-hidden", f'<p style="visibility:hidden">{NOTE}</p>', "inline style hides it"),
    ("aria-hidden", f'<div aria-hidden="true"><p>{NOTE}</p></div>', "aria-hidden=true"),
    ("sr-only-span", f'<span class="sr-only">{NOTE}</span>', "hiding class 'sr-only'"),
    ("visually-hidden-p", f'<p class="visually-hidden">{NOTE}</p>', "hiding class 'visually-hidden'"),
    ("screen-reader-text", f'<p class="screen-reader-text">{NOTE}</p>', "hiding class 'screen-reader-text'"),
    ("d-none", f'<div class="d-none"><p>{NOTE}</p></div>', "hiding class 'd-none'"),
    ("hidden-class", f'<div class="note hidden"><p>{NOTE}</p></div>', "hiding class 'hidden'"),
    # Webflow: a CMS block whose show-if condition is false ships hidden by this class.
    ("webflow-condition", f'<div class="rich-text w-richtext w-condition-invisible"><p>{NOTE}</p></div>',
     "hiding class 'w-condition-invisible'"),
]


@pytest.mark.parametrize("snippet,reason", [c[1:] for c in HIDES], ids=[c[0] for c in HIDES])
def test_removes_hidden_element(pages, snippet, reason):
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    removal = pages.assert_removed(article, "hidden", NOTE, lang="en")
    assert removal.reason == reason


def test_hidden_rule_ignores_max_share(pages):
    """Hidden text is never shown, however much of it there is."""
    big = "".join(f"<p>{p}</p>" for p in pages.EN_BODY) * 3
    article = pages.clean_snippet(f'<div style="display:none">{big.replace("The ", "Hidden ")}</div>', lang="en",
                                  where="after")
    pages.assert_body_kept(article, "en")
    assert pages.removals_by(article, "hidden")
    assert "Hidden city council" not in article.text


KEEPS = [
    ("elementor-hidden-tablet", "elementor-hidden-tablet"),
    ("elementor-hidden-mobile", "elementor-hidden-mobile elementor-widget"),
    ("hidden-xs", "hidden-xs"),
    ("hidden-sm-down", "hidden-sm-down"),
    ("bricks-lazy-hidden", "bricks-lazy-hidden"),
    ("d-none-d-md-block", "d-none d-md-block"),
    ("hiddenText-camel", "hiddenText"),
]


@pytest.mark.parametrize("cls", [c[1] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_responsive_classes_are_not_hidden(pages, cls):
    article = pages.clean_snippet(f'<div class="{cls}"><p>{VISIBLE}</p></div>', lang="en", where="middle")
    pages.assert_kept(article, VISIBLE, lang="en")
    assert not pages.removals_by(article, "hidden")


@pytest.mark.parametrize("snippet", [
    f'<details><summary>Timetable</summary><p>{VISIBLE}</p></details>',
    f'<div aria-hidden="false"><p>{VISIBLE}</p></div>',
    f'<div style="display:block"><p>{VISIBLE}</p></div>',
    f'<div data-hidden="true"><p>{VISIBLE}</p></div>',
], ids=["details-body", "aria-hidden-false", "display-block", "data-attribute"])
def test_visible_elements_are_kept(pages, snippet):
    article = pages.clean_snippet(snippet, lang="en", where="middle")
    pages.assert_kept(article, VISIBLE, lang="en")
    assert not pages.removals_by(article, "hidden")


def test_tailwind_responsive_show_is_not_hidden(pages):
    article = pages.clean_snippet(f'<div class="hidden lg:block"><p>{VISIBLE}</p></div>', lang="en", where="middle")
    pages.assert_kept(article, VISIBLE, lang="en")


@pytest.mark.parametrize("cls", ["ad-slot", "share"])
def test_hidden_is_credited_before_later_rules(pages, cls):
    article = pages.clean_snippet(f'<div class="{cls}" hidden><p>{NOTE}</p></div>', lang="en", where="middle")
    pages.assert_removed(article, "hidden", NOTE, lang="en")


def test_hidden_element_is_dropped_with_other_rules_disabled(pages):
    off = {"ads", "share"}
    article = pages.clean_snippet(f'<div class="ad-slot" hidden><p>{NOTE}</p></div>', lang="en", where="middle",
                                  disabled_rules=off)
    pages.assert_removed(article, "hidden", NOTE, lang="en")


def test_disabled_hidden_keeps_hidden_text(pages):
    article = pages.clean_snippet(f'<div style="display:none"><p>{NOTE}</p></div>', lang="en", where="middle",
                                  disabled_rules={"hidden"})
    pages.assert_kept(article, NOTE, lang="en")


def test_rule_metadata():
    assert hidden.HIDDEN.name == "hidden"
    assert hidden.HIDDEN.max_share == 1.0
    assert {"sr-only", "visually-hidden", "d-none", "hidden"} <= hidden.HIDING_CLASSES


def test_hidden_root_wrapper_of_the_whole_page_is_kept():
    """'<div class="root hide">' hides the page until a script shows it: the article is kept."""
    import cleannews

    body = "".join(f"<p>{'The council approved the new bus network after a long debate. ' * 4}</p>" for _ in range(5))
    page = f'<html><body><div class="root hide"><article><h1>Buses</h1>{body}</article></div></body></html>'
    article = cleannews.clean(page)
    assert article.is_article and "council approved" in article.text


ANSWER = "Most riders can renew the pass online; the office on Main Street also takes renewals in person."
PANELS = [
    ("accordion-class", f'<div class="accordion"><button>Can I renew?</button>'
                        f'<div class="accordion-content hidden"><p>{ANSWER}</p></div></div>'),
    ("faq-parent-style", f'<div class="faq-item"><h3>Can I renew?</h3>'
                         f'<div style="display:none"><p>{ANSWER}</p></div></div>'),
]


@pytest.mark.parametrize("snippet", [c[1] for c in PANELS], ids=[c[0] for c in PANELS])
def test_collapsed_faq_answer_is_kept(pages, snippet):
    """A collapsed accordion/FAQ panel of prose is one click away: it is part of the page's text."""
    article = pages.clean_snippet(snippet, lang="en", where="inside")
    pages.assert_kept(article, ANSWER, lang="en")
    assert not pages.removals_by(article, "hidden")


def test_collapsed_accordion_menu_and_unnamed_panel_still_go(pages):
    """A collapsed panel of links is a menu; a hidden block without accordion/FAQ names still goes."""
    menu = "".join(f'<li><a href="/s/{i}">Section number {i}</a></li>' for i in range(8))
    article = pages.clean_snippet(f'<div class="accordion"><div class="hidden"><ul>{menu}</ul></div></div>'
                                  f'<div class="question"><div class="hidden"><p>{NOTE}</p></div></div>',
                                  lang="en", where="middle")
    assert "Section number 3" not in article.text
    pages.assert_removed(article, "hidden", NOTE, lang="en")


GATE_CASES = [
    '<div class="note hidden">x</div>', '<div class="note">x</div>', '<div style="display:none">x</div>',
    '<div style="color:red">x</div>', '<div hidden>x</div>', '<div aria-hidden="true">x</div>',
    '<div aria-hidden="false" class="d-md-block d-none">x</div>', '<div class="hidden-xs">x</div>', "<div>x</div>",
    '<div id="hidden">x</div>',
]


@pytest.mark.parametrize("snippet", GATE_CASES)
def test_walk_gate_never_skips_a_hidden_element(snippet):
    """The walk asks the rule only about elements with one of its `gate_attributes` or a
    hiding class (`shape_gate`): every element the rule hides passes that gate."""
    from lxml import html as lxml_html

    from cleannews.rules._base import ElementView, PageFacts

    el = lxml_html.fragment_fromstring(snippet)
    attrs = dict(el.items())
    gated = not hidden.HIDDEN.gate_attributes.isdisjoint(attrs) or hidden.HIDDEN.shape_gate(
        el.tag, attrs.get("class"), "")
    found = hidden.HIDDEN.match(ElementView(el, "", attrs), PageFacts(body_chars=100))
    assert gated or found is None
    assert hidden.HIDDEN.shape_gate("div", "note hidden", "") and not hidden.HIDDEN.shape_gate("div", "note", "")
