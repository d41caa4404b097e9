"""The article's lead paragraph (standfirst, dek, intro) when it sits apart from the body.

Many pages put the lead in the article header, next to the headline, and the body in a
separate container below it (``<header><h1>…</h1><p class="lead">…</p></header><div
class="article-body">…</div>``).  The body selection scores paragraphs and takes the body
container, so the lead, alone in its header, is left out.  It is found by its name: the
nearest element before the body, within a few levels of it, whose class/id calls it a lead
('lead', 'intro', 'standfirst', 'dek', 'excerpt', 'summary', 'abstract', 'subheadline',
'bajada', 'chapo', 'entradilla', 'epigraph'), holding prose without links; or by its place:
the unnamed ``<p>``/``<h2>`` of prose right under the headline ``<h1>`` (a dek).

Cost: a bounded walk over the elements before the body's first node (at most
`MAX_VISITED`), one attribute read each; text is read only for the named ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from lxml.html import HtmlElement

from .measure import Measure, element_text
from .rules import attribute_signature
from .text import weight

__all__ = ["LEAD_WORDS", "find_lead"]

# Class/id words that name a lead paragraph (whole words of the signature).
LEAD_WORDS = frozenset({
    "lead", "leadtext", "lede", "intro", "introduction", "introtext", "standfirst", "dek", "deck", "excerpt",
    "summary", "abstract", "subheadline", "subhead", "subheading", "subtitle", "bajada", "chapo", "chapeau",
    "entradilla", "sumario", "epigraph", "teaser", "sapo", "kicker", "lead-in", "leadin", "descripcion",
})
# Tags a lead is written in.
LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "section", "span"})
# How far up from the body's first node the lead's branch may join it.
MAX_LEVELS = 4
# Elements looked at, at most, before giving up (a page header can be large).
MAX_VISITED = 400
MIN_LEAD_WEIGHT = 40.0
MAX_LEAD_WEIGHT = 1200.0
# An unnamed dek: a <p> or <h2> right under the headline <h1>.  Measured on the dev sets:
# snippets +16 pages; daniel, l3s, cleaneval, wcxb-dev better on balance (the Guardian pages
# of daniel and Readability's fixtures leave the standfirst out).
DEK_TAGS = frozenset({"p", "h2"})
# Class/id words of lines under a headline that are no dek (captions, bylines, bios, notices).
NOT_DEK_WORDS = frozenset({"caption", "photo", "image", "img", "credit", "byline", "author", "date", "meta", "time",
                           "warning", "notice", "bio"})
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")  # '8:08 AM', '21:15': a dateline, not a dek


@lru_cache(maxsize=4096)
def _names_a_lead(signature: str) -> bool:
    return any(w.lstrip("^") in LEAD_WORDS for w in signature.split())


def find_lead(nodes: Sequence[HtmlElement], measure: Measure) -> HtmlElement | None:
    """The lead paragraph just before the body `nodes`, or None.

    Looks at the preceding siblings of the first node and of its ancestors (up to
    `MAX_LEVELS` levels), nearest first, for an element named like a lead whose text is prose
    (`MIN_LEAD_WEIGHT`..`MAX_LEAD_WEIGHT`) without links, or, once the walk reaches the
    headline ``<h1>``, for the unnamed prose line (`DEK_TAGS`) that sits right under it.
    """
    if not nodes:
        return None
    visited = 0
    node = nodes[0]
    dek = None  # the unnamed prose line nearest the headline seen so far (walking backwards)
    for _ in range(MAX_LEVELS):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str):
                continue
            for el in _reverse_iter(sib):
                visited += 1
                if visited > MAX_VISITED:
                    return None
                tag = el.tag
                if tag == "h1":
                    if dek is not None and _is_headline(el, measure):
                        return None if _repeated(dek, nodes[0]) else dek
                    dek = None
                elif tag in DEK_TAGS and _is_dek(el, measure):
                    dek = el
                if tag in LEAD_TAGS and (el.get("class") or el.get("id")) and _is_lead(el, measure):
                    return None if _repeated(el, nodes[0]) else el
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def _reverse_iter(el: HtmlElement) -> Iterator[HtmlElement]:
    """`el` and its descendants, nearest to the body (last in document order) first; an
    element comes before its ancestors, so the innermost named element wins.  Lazy: the
    caller's `MAX_VISITED` bounds the work even under a large sibling (a whole menu)."""
    stack: list[tuple[HtmlElement, bool]] = [(el, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            yield node
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in node if isinstance(child.tag, str))


def _repeated(lead: HtmlElement, first: HtmlElement) -> bool:
    """The body opens with the lead's words again (agencies repeat the lead as the first paragraph)."""
    key = " ".join(element_text(lead).split())[:60]
    head = " ".join(element_text(first)[:4000].split())
    return key in head


def _is_dek(el: HtmlElement, measure: Measure) -> bool:
    """An unnamed line of prose without links that is not a caption, a bio or a dateline."""
    signature = attribute_signature(el)
    if signature and any(w.lstrip("^") in NOT_DEK_WORDS for w in signature.split()):
        return False
    text = element_text(el)
    if not MIN_LEAD_WEIGHT <= weight(text) <= MAX_LEAD_WEIGHT or _CLOCK.search(text):
        return False
    return measure.link_chars(el) == 0 and next(el.iterancestors("figure", "figcaption"), None) is None


def _is_headline(el: HtmlElement, measure: Measure) -> bool:
    """An ``<h1>`` that reads as a headline: some text, no link (a logo's <h1> links home)."""
    return weight(element_text(el)) >= 10 and measure.link_chars(el) == 0


def _is_lead(el: HtmlElement, measure: Measure) -> bool:
    signature = attribute_signature(el)
    if not signature or not _names_a_lead(signature):
        return False
    if measure.link_chars(el) > 0 or any(True for _ in el.iterancestors("a")):
        return False
    w = weight(element_text(el))
    return MIN_LEAD_WEIGHT <= w <= MAX_LEAD_WEIGHT
