"""lead.py: a lead paragraph named as such, just before the body, joins the body; nothing else does."""

from __future__ import annotations

import lxml.html

from cleannews.lead import find_lead
from cleannews.measure import Measure

BODY = "".join(
    f"<p>Paragraph {i} of the story: the council debated the plan for hours, weighing costs, routes and the "
    f"needs of riders in the northern districts, where buses run only twice an hour after nine.</p>"
    for i in range(6))
LEAD = "Late buses will run on three more routes from April, the council decided on Tuesday."


def lead_of(header: str, body: str = BODY) -> str | None:
    """The lead found before the page's `div.article-body`, as text (None when none is)."""
    root = lxml.html.fromstring(
        f"<html><body><nav><a href='/'>Home</a></nav><div class='page'><header><h1>Council extends night "
        f"buses</h1>{header}</header><div class='columns'><div class='article-body'>{body}</div></div></div>"
        f"</body></html>")
    body_node = root.find_class("article-body")[0]
    lead = find_lead((body_node,), Measure())
    return None if lead is None else lead.text_content()


def test_finds_a_lead_named_as_such():
    for cls in ("article-lead", "standfirst", "intro", "c-dek", "texto-bajada", "entry-excerpt"):
        assert lead_of(f'<p class="{cls}">{LEAD}</p>') == LEAD, cls


def test_the_innermost_named_element_wins():
    assert lead_of(f'<div class="intro-box"><span>Photo</span><p class="lead">{LEAD}</p></div>') == LEAD


def test_ignores_unnamed_linked_or_short_header_text():
    assert lead_of(f"<p>{LEAD}</p>") is None
    assert lead_of(f'<p class="lead"><a href="/other">{LEAD}</a></p>') is None
    assert lead_of('<p class="lead">Updated</p>') is None


def test_a_lead_the_body_repeats_is_not_taken_twice():
    assert lead_of(f'<p class="lead">{LEAD}</p>', body=f"<p>{LEAD} More words follow.</p>{BODY}") is None


def test_no_nodes_no_lead():
    assert find_lead((), Measure()) is None
