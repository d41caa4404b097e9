"""The article's strongest markers, found before any rule runs, and the elements that hold them.

No boilerplate rule may remove an element that holds one of them (a page wrapper named
'page-banner', a content column named 'leftcol'), and the structural rules of the renderer
never drop one.  Markers: ``itemprop=articleBody``, ``<main>``, the ``<article>`` with the most
text (when the page has few), the ``<h1>`` that carries the headline, the prose center and
the element named like a post body (`named_body`).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .measure import element_text
from .rules import attribute_signature
from .rules._base import HEADING_TAGS
from .rules.comments import COMMENTS
from .rules.hidden import hidden_reason

__all__ = ["page_markers", "protected_elements", "prose_center"]

PROSE_CENTER_MIN_CHARS = 300
# The prose center is not trusted inside a reader comment or a consent manager: their text
# is never the article, however much of it there is.  'comment' may stand inside a word
# ('commentsDiv', 'userComments'); 'commentary' names an opinion piece.
_NOT_ARTICLE_SIGNATURE_RE = re.compile(
    r" \^?(?:disqus[a-z0-9]*|respond|reply|replies|onetrust[a-z0-9]*|didomi[a-z0-9]*|"
    r"cookie[a-z0-9]*|consent[a-z0-9]*|gdpr[a-z0-9]*) ")
_COMMENT_IN_WORD_RE = re.compile(r"comment(?!ary)")  # searched only in signatures that hold 'comment'


def _names_not_article(signature: str) -> bool:
    """The class/id signature names a reader comment or a consent manager.  Cost: a substring
    test, and one or two short regex searches."""
    if "comment" in signature and _COMMENT_IN_WORD_RE.search(signature):
        return True
    return _NOT_ARTICLE_SIGNATURE_RE.search(signature) is not None
# libxml2 evaluates an XPath predicate at about 1,000 instructions per element
# (``.//*[@itemprop='articleBody']`` cost ~2 M instructions on a typical page); stepping to
# the attributes and back to their elements costs a tenth of that.  So these XPaths only
# gather the attributes, and Python tests their values.
_ITEMPROP_XPATH = etree.XPath("descendant::*/@itemprop/..")
_CLASS_ID_XPATH = etree.XPath("descendant::*/@class | descendant::*/@id")  # values, document order
# Class/id names blog engines and CMSs give the post's own text: 'post-body entry-content',
# 'article__body', 'story_body', 'td-post-content'.  A case-sensitive substring test on the
# raw class and id prefilters (`_body_named_elements`); the regex decides on the signature
# (words split on - _ and case changes, see `attribute_signature`).
_BODY_NAME_RE = re.compile(r"[ ^](?:post|entry|article|story|blog|news)\s*(?:body|content|text)(?= )")
BODY_NAME_MIN_CHARS = 200
# A heading longer than this is a headline, not a thread's title ('Comments (12)', 'Opinie').
THREAD_HEADING_MAX_CHARS = 40


def protected_elements(body: HtmlElement, title: str | None) -> frozenset[HtmlElement]:
    """The article's strongest markers and all their ancestors: no rule may remove these
    (`page_markers` without its prose center)."""
    return page_markers(body, title)[0]


def page_markers(body: HtmlElement, title: str | None) -> tuple[frozenset[HtmlElement], HtmlElement | None]:
    """(The article's strongest markers and all their ancestors: no rule may remove these;
    the prose center, or None.)

    Markers: ``itemprop=articleBody``, ``<main>``, the ``<article>`` with the most text (when
    the page has few of them), the ``<h1>`` that carries the headline, and the element whose
    paragraphs hold the most text (`prose_center`; `named_body` when there is none).  Blocks of
    the same kind beside the prose center's block are protected too (`_sections_beside`).
    Cost: one text read per ``<p>``; the name search's XPath only when no prose center.
    """
    markers = [el for el in _ITEMPROP_XPATH(body) if el.get("itemprop") == "articleBody"]
    markers.extend(body.iter("main"))
    articles = list(body.iter("article"))
    if 0 < len(articles) <= 3:
        markers.append(max(articles, key=lambda a: len(element_text(a))))
    if title:
        flat = title.casefold()
        markers.extend(h for h in body.iter("h1") if " ".join(element_text(h).split()).casefold() == flat)
    center = prose_center(body)
    # The name search costs an XPath over every element: only when the paragraphs found nothing.
    found = center if center is not None else named_body(body)
    if found is not None:
        markers.append(found)
    protected: set[HtmlElement] = set(_sections_beside(center) if center is not None else ())
    for marker in markers:
        protected.add(marker)
        protected.update(marker.iterancestors())
    return frozenset(protected), center


def prose_center(body: HtmlElement) -> HtmlElement | None:
    """The element whose ``<p>`` children (or ``<br>``-separated lines) hold the most text:
    where the article's paragraphs sit, nearly always.  None when no such element holds
    `PROSE_CENTER_MIN_CHARS` outside reader comments (skipped).  Cost: one text read per
    ``<p>``, one string length per ``<br>``.
    """
    totals: dict[HtmlElement, int] = {}
    for p in body.iter("p"):
        # A <p> without children (half of them) is its .text: no XPath call (~7 k instructions).
        chars = len(element_text(p)) if len(p) else len(p.text or "")
        if chars >= 40:
            parent = p.getparent()
            if parent is not None:
                totals[parent] = totals.get(parent, 0) + chars
    # Blog engines and older pages write paragraphs as lines between <br> tags, straight
    # into the post's element: the text after each <br> counts for that element.
    for br in body.iter("br"):
        tail = br.tail
        if tail and len(tail) >= 40 and len(chars := tail.strip()) >= 40:
            parent = br.getparent()
            if parent is not None:
                totals[parent] = totals.get(parent, 0) + len(chars)
    if not totals:
        return None
    # Reader comments and consent managers may hold more paragraphs than the article: skip them.
    seen: dict[HtmlElement, bool] = {}
    ranked = [el for el in sorted(totals, key=totals.__getitem__, reverse=True)[:6]
              if not _in_comments(el, seen)][:3]
    if not ranked:
        return None
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
    return center


SECTION_CLIMB = 4  # levels above the prose center searched for repeated section blocks


def _sections_beside(center: HtmlElement) -> list[HtmlElement]:
    """Blocks of the same kind as the one holding the prose center, side by side with it:
    an article built of repeated section blocks ('skip-item', 'widgetWrapper') whose names
    read like page furniture.  The center's branch up to `SECTION_CLIMB` levels is compared
    (tag and class) with its siblings; at least two alike make them sections of one article.
    Cost: a sibling scan at each of a few levels.
    """
    branch = center
    for _ in range(SECTION_CLIMB):
        parent = branch.getparent()
        if parent is None or parent.tag == "body":
            return []
        kind = (branch.tag, branch.get("class"))
        if kind[1]:
            alike = [el for el in parent if el is not branch and (el.tag, el.get("class")) == kind]
            if len(alike) >= 2:
                return alike
        branch = parent
    return []


def named_body(body: HtmlElement) -> HtmlElement | None:
    """The element with the most text among those named like a post body ('entry-content',
    'post-body', 'article__body'), when it holds `BODY_NAME_MIN_CHARS`, its name is not
    repeated (list items) and it is not part of a comment thread.  Catches posts written as
    ``<br>`` lines inside containers that rules would drop ('widget Blog').
    Cost: one XPath in C, a substring test per element with a class or id, one signature
    per element that passes it.
    """
    signatures = {el: attribute_signature(el) for el in _body_named_elements(body)}
    named = [el for el, sig in signatures.items() if _BODY_NAME_RE.search(sig)]
    if not named:
        return None
    best = max(named, key=lambda el: len(element_text(el)))
    if sum(1 for el in named if signatures[el] == signatures[best]) > 2:
        return None  # a repeated name marks the items of a list (comments, teasers), not the post
    if len(element_text(best)) < BODY_NAME_MIN_CHARS:
        return None
    return None if _in_comments(best) else best


def _body_named_elements(body: HtmlElement) -> list[HtmlElement]:
    """Elements below `body` whose class or id holds 'ody', 'ontent' or 'ext' (case-sensitive),
    in document order.  Cost: one XPath over the class and id values, three substring tests
    per value (half the cost of reading both attributes of each element from Python)."""
    found: list[HtmlElement] = []
    for value in _CLASS_ID_XPATH(body):
        if "ody" in value or "ontent" in value or "ext" in value:
            el = value.getparent()
            if not found or found[-1] is not el:  # class and id of one element are adjacent
                found.append(el)
    return found


def _in_comments(el: HtmlElement, seen: dict[HtmlElement, bool] | None = None) -> bool:
    """`el` sits in a reader comment or a consent manager (by its or its ancestors' names;
    not ``<body>``'s or ``<html>``'s, whose classes are page-state flags like 'cookies-not-set'),
    or in a thread a comment heading titles (`_after_thread_heading`).
    `seen` keeps the answers for the elements on the way up, for callers that ask about
    several elements of one page (they share most ancestors)."""
    chain: list[HtmlElement] = []
    node: HtmlElement | None = el
    found = False
    while node is not None:
        if seen is not None and node in seen:
            found = seen[node]
            break
        chain.append(node)
        if node.tag not in ("body", "html") and (_names_not_article(attribute_signature(node))
                                                  or _after_thread_heading(node)):
            found = True
            break
        node = node.getparent()
    if seen is not None:
        seen.update(dict.fromkeys(chain, found))
    return found


def _after_thread_heading(el: HtmlElement) -> bool:
    """The nearest ``<h1>``-``<h6>`` before `el` among its siblings is a short comment-thread
    title ('Comments', 'Opinie', 'Leave a reply'): the comments rule takes what follows such a
    heading, so its paragraphs are a thread, not the article.  Cost: a scan of the earlier
    siblings up to the first heading, one phrase search when there is one.
    """
    for sib in el.itersiblings(preceding=True):
        tag = sib.tag
        if tag in HEADING_TAGS:
            text = " ".join("".join(sib.itertext()).split())
            return 0 < len(text) <= THREAD_HEADING_MAX_CHARS and COMMENTS.names(text)
    return False


def _inside_hidden(el: HtmlElement) -> bool:
    """`el` or one of its ancestors is hidden (attribute, inline style or hiding class)."""
    return any(hidden_reason(node) for node in (el, *el.iterancestors()))
