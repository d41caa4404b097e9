"""The article's strongest markers, found before any rule runs, and the elements that hold them.

No boilerplate rule may remove an element that holds one of them (a page wrapper named
'page-banner', a content column named 'leftcol'), and the structural rules of the renderer
never drop one.  Markers: ``itemprop=articleBody``, ``<main>``, the ``<article>`` with the most
text (when the page has few), the ``<h1>`` that carries the headline, and the prose center.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .measure import element_text
from .rules import attribute_signature
from .rules.hidden import hidden_reason

__all__ = ["protected_elements", "prose_center"]

PROSE_CENTER_MIN_CHARS = 300
# The prose center is not trusted inside a reader comment or a consent manager: their text
# is never the article, however much of it there is.
_NOT_ARTICLE_SIGNATURE_RE = re.compile(
    r" \^?(?:comment|comments|commentlist|disqus|respond|reply|replies|onetrust[a-z0-9]*|didomi[a-z0-9]*|"
    r"cookie[a-z0-9]*|consent[a-z0-9]*|gdpr[a-z0-9]*) ")
_ARTICLE_BODY_XPATH = etree.XPath(".//*[@itemprop='articleBody']")


def protected_elements(body: HtmlElement, title: str | None) -> frozenset[HtmlElement]:
    """The article's strongest markers and all their ancestors: no rule may remove these.

    Markers: ``itemprop=articleBody``, ``<main>``, the ``<article>`` with the most text (when
    the page has few of them), the ``<h1>`` that carries the headline, and the element whose
    paragraphs hold the most text (`_prose_center`).  Cost: one text read per ``<p>``.
    """
    markers: list[HtmlElement] = _ARTICLE_BODY_XPATH(body)
    markers.extend(body.iter("main"))
    articles = list(body.iter("article"))
    if 0 < len(articles) <= 3:
        markers.append(max(articles, key=lambda a: len(element_text(a))))
    if title:
        flat = title.casefold()
        markers.extend(h for h in body.iter("h1") if " ".join(element_text(h).split()).casefold() == flat)
    center = prose_center(body)
    if center is not None:
        markers.append(center)
    protected: set[HtmlElement] = set()
    for marker in markers:
        protected.add(marker)
        protected.update(marker.iterancestors())
    return frozenset(protected)


def prose_center(body: HtmlElement) -> HtmlElement | None:
    """The element whose ``<p>`` children hold the most text: where the article's paragraphs
    sit, nearly always.  None when no such element holds `PROSE_CENTER_MIN_CHARS`, or when it
    sits in a reader comment.  Cost: one text read per ``<p>``.
    """
    totals: dict[HtmlElement, int] = {}
    for p in body.iter("p"):
        chars = len(element_text(p))
        if chars >= 40:
            parent = p.getparent()
            if parent is not None:
                totals[parent] = totals.get(parent, 0) + chars
    if not totals:
        return None
    ranked = sorted(totals, key=totals.__getitem__, reverse=True)[:3]
    center = ranked[0]
    if totals[center] < PROSE_CENTER_MIN_CHARS:
        return None
    # A hidden block (a modal, a duplicate) may hold the most text; prefer a visible runner-up
    # that holds a fair share of it.  When the page hides all of its prose until a script
    # shows it, the hidden center stands.
    if _inside_hidden(center):
        visible = [c for c in ranked[1:] if totals[c] >= 0.3 * totals[center] and not _inside_hidden(c)]
        if visible:
            center = visible[0]
    if any(_NOT_ARTICLE_SIGNATURE_RE.search(attribute_signature(a)) for a in (center, *center.iterancestors())):
        return None
    return center


def _inside_hidden(el: HtmlElement) -> bool:
    """`el` or one of its ancestors is hidden (attribute, inline style or hiding class)."""
    return any(hidden_reason(node) for node in (el, *el.iterancestors()))
