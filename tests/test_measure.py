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
