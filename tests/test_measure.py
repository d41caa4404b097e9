"""`cleannews.measure`: visible characters and link characters of an element."""

from __future__ import annotations

import cleannews
from cleannews.measure import Measure
from cleannews.parse import parse_html

STORY = "The council approved the new bus network after a long debate on Tuesday evening. "


def _div(html: str):
    return parse_html(f"<html><body><div>{html}</div></body></html>").find("body/div")


def test_links_count_and_named_anchors_do_not():
    m = Measure()
    el = _div('<a href="/a">Read more</a> <a name="story-2">Second story</a> <a onclick="go()">Open</a>')
    assert m.chars(el) == len("Read more Second story Open")
    assert m.link_chars(el) == len("Read more Open")  # the anchor target is nothing to click


def test_unclosed_named_anchor_does_not_make_the_page_a_link():
    """Old markup leaves an ``<a name>`` open around the rest of the page: its prose is no link text."""
    m = Measure()
    el = _div(f'<a name="top"><p>{STORY * 3}</p><p>{STORY * 3}</p>')
    assert m.link_density(el) == 0.0
    page = ("<html><body><div><a name='top'><h1>Bus network</h1>"
            + "".join(f"<p>{STORY * 3}</p>" for _ in range(5)) + "</div></body></html>")
    article = cleannews.clean(page)
    assert article.is_article and STORY.strip() in article.text


def test_summed_link_chars_of_an_ancestor_equal_a_fresh_count():
    """An ancestor of measured elements adds up its children (leaves without links count 0
    without an XPath call): the same count as a fresh `Measure` gives in one read."""
    html = ('<div><p>Intro <a href="/a">one link</a> and <span>plain</span></p><hr><img src="x.png">'
            '<ul><li><a href="/b">Second</a></li><li><a name="t">target</a><i>x</i></li></ul>'
            '<p><a href="/c">third <b>bold</b></a> tail</p><br></div>')
    summed = Measure()
    el = _div(html)
    for a in el.iter("a"):
        summed.link_chars(a)  # the ancestors are now known to hold measured links
    fresh = Measure()
    for node in el.iter():
        assert summed.link_chars(node) == fresh.link_chars(node), node.tag
    assert fresh.link_chars(el) == len("one link Second third bold")
