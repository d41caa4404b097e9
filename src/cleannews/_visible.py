"""The last metadata source: bylines and dates as the reader sees them, near the headline.

`header_zone` walks the elements right around the headline: a few siblings before it (a
date or kicker above the title) and up to `_ZONE_ELEMENTS` after it in page order, up to the
first long paragraph.  In that zone, `visible_authors` reads byline markup (``itemprop`` /
``rel=author``, then a class or id naming the author or byline; never inside comment
sections) and then explicit byline lines ("By …", "記者：…"), and `visible_date` reads the
first date line.  Nothing outside the zone is looked at, so the cost is bounded: about 60
elements and their short texts (tens of microseconds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from lxml import etree
from lxml.html import HtmlElement

from ._names import author_names, looks_like_byline
from .dates import parse_date
from .measure import element_text
from .text import collapse_space

_chars = etree.XPath("string-length(normalize-space(.))")

__all__ = ["Zone", "header_zone", "visible_authors", "visible_date"]

_ZONE_ELEMENTS = 100  # elements looked at after the headline
_LINE_ELEMENTS = 60  # elements whose text is read for byline and date lines (markup: all of the zone)
_ZONE_BEFORE = 3  # siblings looked at before it
_ZONE_LEVELS = 6  # ancestors whose later siblings still belong to the zone
_LONG_TEXT = 200  # a text this long is the body: the zone ends
_LINE_MAX = 120  # longer texts are not a byline or date line
_DATE_LINE_MAX, _DATE_LINE_WORDS = 80, 12  # a date line, not a sentence ("in this June 3, 2007, file photo")
_MAX_CHILDREN = 6  # an element with more children is a container: only its children are read
_INLINE = frozenset("a abbr b bdi bdo br cite code data del dfn em font i img ins kbd mark q s samp small span "
                    "strong sub sup svg time u var wbr".split())
_BYLINE_MARK_RE = re.compile(r"author|byline|by-line|writer|reporter")
_MARKED_READ = 8  # byline-marked elements read at most
_ACRONYM_RE = re.compile(r"[A-Z]{2,5}")  # AFP, AP, DPA: an agency, not a person
_DIGIT_RE = re.compile(r"\d")
_UPDATE_RE = re.compile(r"updated|update|更新|修正|更正|aktualisiert|mis à jour|actualizado|修改", re.I)

class Zone:
    """The elements around a headline, in page order, with their texts read lazily.

    Walking the zone reads no text except of ``<p>`` elements (the first long one ends it);
    `lines` reads the short texts one element at a time, so a caller that stops at the
    first byline or date pays only for the elements before it."""

    def __init__(self, headline: HtmlElement | None) -> None:
        self.elements: list[HtmlElement] = []
        self._lines: list[str] = []
        if headline is None:
            return
        before = [el for el in headline.itersiblings(preceding=True) if isinstance(el.tag, str)]
        self.elements = before[:_ZONE_BEFORE][::-1]
        for el in _following(headline):
            own = el.text
            if (own and len(own) > _LONG_TEXT) or (el.tag == "p" and _chars(el) > _LONG_TEXT):
                break  # a paragraph: the body has begun
            self.elements.append(el)

    def lines(self, limit: int = _LINE_ELEMENTS) -> Iterator[tuple[HtmlElement, str]]:
        """(element, short text) for the first `limit` elements that hold inline content only."""
        for i, el in enumerate(self.elements[:limit]):
            if i == len(self._lines):
                self._lines.append(_line(el))
            if self._lines[i]:
                yield el, self._lines[i]


def header_zone(headline: HtmlElement | None) -> Zone:
    """The zone around `headline` (empty without one)."""
    return Zone(headline)


def _line(el: HtmlElement) -> str:
    """The text of an element of inline content (at most a few children, none a block), if
    at most `_LINE_MAX` characters; else ""."""
    if not len(el):
        text = collapse_space(el.text) if el.text else ""
    elif len(el) > _MAX_CHILDREN or any(child.tag not in _INLINE for child in el):
        return ""
    else:  # inline pieces joined by spaces: "<span>By Jane Doe</span><span>Oct 6</span>"
        text = collapse_space(" ".join(el.itertext()))
    return text if len(text) <= _LINE_MAX else ""


def _following(headline: HtmlElement) -> Iterator[HtmlElement]:
    """Elements after the headline in page order (its ancestors' later siblings too)."""
    count, el = 0, headline
    for _ in range(_ZONE_LEVELS):
        for sib in el.itersiblings():
            for node in sib.iter():
                if not isinstance(node.tag, str):
                    continue
                yield node
                count += 1
                if count >= _ZONE_ELEMENTS:
                    return
        el = el.getparent()
        if el is None or el.tag == "body":
            return


def visible_authors(zone: Zone) -> list[str]:
    """Authors from byline markup in the zone (``itemprop``/``rel`` first; agency acronyms
    such as "AFP" skipped), else from the first explicit byline line ("By …", "記者：…")."""
    marked = sorted((rank, i, el) for i, el in enumerate(zone.elements)
                    if (rank := _byline_rank(el)) is not None)
    for _, _, el in marked[:_MARKED_READ]:
        text = _line(el) or _short_text(el)
        names = [n for n in author_names(text) if not _ACRONYM_RE.fullmatch(n)] if text else []
        if names:
            return names
    for _, line in zone.lines():
        if looks_like_byline(line) and (names := author_names(line)):
            return names
    return []


def _short_text(el: HtmlElement) -> str:
    text = collapse_space(element_text(el))
    return text if len(text) <= _LINE_MAX else ""


def _byline_rank(el: HtmlElement) -> int | None:
    """0: microdata or rel author; 1: a class or id naming the byline; None: neither, or a
    comment section's."""
    attrs = el.attrib
    if not attrs:
        return None  # most elements: nothing to read
    if attrs.get("itemprop") == "author" or attrs.get("rel") == "author":
        rank = 0
    else:
        marks = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
        if not _BYLINE_MARK_RE.search(marks) or "authoriz" in marks:
            return None
        rank = 1
    for node in (el, *el.iterancestors()):
        if "comment" in f"{node.get('class') or ''} {node.get('id') or ''}".lower():
            return None
    return rank


def visible_date(zone: Zone, year: int | None) -> datetime | None:
    """The first date line in the zone (a short line, not a sentence that mentions a date); an
    update stamp only when there is nothing else.
    `year` is trusted from elsewhere, for year-less dates ("10/13(水) 16:03")."""
    update = None
    for _, text in zone.lines():
        if _is_date_line(text) and (date := parse_date(text, year=year)):
            if not _UPDATE_RE.search(text):
                return date
            update = update or date
    return update


def _is_date_line(text: str) -> bool:
    """Short, few words, with a digit: a line that can state a date."""
    return len(text) <= _DATE_LINE_MAX and len(text.split()) <= _DATE_LINE_WORDS and bool(_DIGIT_RE.search(text))
