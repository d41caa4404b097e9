"""lead.py: a lead paragraph named as such, or the prose line right under the headline, just before
the body, joins the body; nothing else does."""

from __future__ import annotations

import lxml.html

from cleannews.lead import find_lead
from cleannews.measure import Measure

BODY = "".join(
    f"<p>Paragraph {i} of the story: the council debated the plan for hours, weighing costs, routes and the "
    f"needs of riders in the northern districts, where buses run only twice an hour after nine.</p>"
    for i in range(6))
LEAD = "Late buses will run on three more routes from April, the council decided on Tuesday."


def lead_of(header: str, body: str = BODY, headline: str = "<h1>Council extends night buses</h1>") -> str | None:
    """The lead found before the page's `div.article-body`, as text (None when none is)."""
    root = lxml.html.fromstring(
        f"<html><body><nav><a href='/'>Home</a></nav><div class='page'><header>{headline}{header}</header>"
        f"<div class='columns'><div class='article-body'>{body}</div></div></div></body></html>")
    body_node = root.find_class("article-body")[0]
    lead = find_lead((body_node,), Measure())
    return None if lead is None else lead.text_content()


def test_finds_a_lead_named_as_such():
    for cls in ("article-lead", "standfirst", "intro", "c-dek", "texto-bajada", "entry-excerpt"):
        assert lead_of(f'<p class="{cls}">{LEAD}</p>') == LEAD, cls


def test_the_innermost_named_element_wins():
    assert lead_of(f'<div class="intro-box"><span>Photo</span><p class="lead">{LEAD}</p></div>') == LEAD


def test_ignores_unnamed_text_without_a_headline_above_it_and_linked_or_short_text():
    assert lead_of(f"<p>{LEAD}</p>", headline="") is None
    assert lead_of(f"<p>{LEAD}</p>", headline="<h1><a href='/'>Metro News</a></h1>") is None  # a logo
    assert lead_of(f'<p class="lead"><a href="/other">{LEAD}</a></p>') is None
    assert lead_of('<p class="lead">Updated</p>') is None


def test_the_unnamed_prose_line_under_the_headline_is_the_dek():
    assert lead_of(f"<p>{LEAD}</p>") == LEAD
    assert lead_of(f"<hgroup><h2>{LEAD}</h2></hgroup><div class='meta'>By Ann Lee</div>") == LEAD
    # the line nearest the headline, not a later one
    assert lead_of(f"<p>{LEAD}</p><p>An unrelated line of text placed before the story body.</p>") == LEAD


def test_a_caption_dateline_or_bio_under_the_headline_is_no_dek():
    assert lead_of(f"<figure><img src='a.jpg'><figcaption><p>{LEAD}</p></figcaption></figure>") is None
    assert lead_of(f"<p class='photo-essay'>{LEAD}</p>") is None
    assert lead_of(f"<p class='author-bio'>{LEAD}</p>") is None
    assert lead_of("<p>Posted: 8:08 AM, last updated one hour and forty-nine minutes ago by the desk</p>") is None


def test_a_lead_the_body_repeats_is_not_taken_twice():
    assert lead_of(f'<p class="lead">{LEAD}</p>', body=f"<p>{LEAD} More words follow.</p>{BODY}") is None
    assert lead_of(f"<p>{LEAD}</p>", body=f"<p>{LEAD} More words follow.</p>{BODY}") is None


def test_no_nodes_no_lead():
    assert find_lead((), Measure()) is None
