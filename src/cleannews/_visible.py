"""The last metadata source: bylines and dates as the reader sees them, near the headline.

Two looks, both bounded: explicit byline markup anywhere (``rel=author``, ``itemprop=author``,
a class or id naming the author or byline, outside comment sections), then the short lines
right around the headline (up to `_ZONE_ELEMENTS` elements after it and a few before, until the
first long paragraph), which catch div-soup bylines ("記者：陈晨", "By Jane Doe") and dates.
Cost: one compiled XPath over the page plus a few dozen short `string()` calls.
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

__all__ = ["header_zone", "visible_authors", "visible_date"]

_BYLINE_MARKUP = etree.XPath(
    "//*[(@rel='author' or @itemprop='author' or contains(@class,'author') or contains(@class,'Author')"
    " or contains(@class,'byline') or contains(@class,'Byline') or contains(@class,'by-line')"
    " or contains(@id,'author') or contains(@id,'byline') or contains(@class,'writer')"
    " or contains(@class,'reporter')) and not(ancestor-or-self::*[contains(@class,'comment')"
    " or contains(@id,'comment') or self::footer or self::aside])]")
_DATE_MARKUP = etree.XPath(
    "//*[contains(@class,'date') or contains(@class,'Date') or contains(@class,'time')"
    " or contains(@class,'publish') or contains(@class,'posted') or contains(@id,'date')"
    " or contains(@class,'dateline')][not(ancestor::*[contains(@class,'comment') or self::aside])]")
_ZONE_ELEMENTS = 40  # elements looked at after the headline
_ZONE_BEFORE = 3  # siblings looked at before it (a date or kicker above the headline)
_LONG_TEXT = 200  # a text this long is the body: the header zone ends
_LINE_MAX = 120  # longer texts are not a byline or date line
_UPDATE_RE = re.compile(r"updated|update|更新|修正|更正|aktualisiert|mis à jour|actualizado|修改", re.I)


def header_zone(headline: HtmlElement | None) -> list[str]:
    """Short text lines around the headline, in page order (empty without a headline)."""
    if headline is None:
        return []
    lines = [t for el in reversed(list(headline.itersiblings(preceding=True))[:_ZONE_BEFORE])
             if (t := _short_text(el))]
    for el in _following(headline):
        text = collapse_space(element_text(el)) if len(el) <= 6 else ""
        if len(text) > _LONG_TEXT:
            break
        if text and len(text) <= _LINE_MAX and (not lines or lines[-1] != text):
            lines.append(text)
    return lines


def _following(headline: HtmlElement) -> Iterator[HtmlElement]:
    """Elements after the headline in document order (its ancestors' later siblings too)."""
    count, el = 0, headline
    for _ in range(4):
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


def _short_text(el: HtmlElement) -> str:
    text = collapse_space(element_text(el)) if isinstance(el.tag, str) else ""
    return text if len(text) <= _LINE_MAX else ""


def visible_authors(root: HtmlElement, zone: list[str]) -> list[str]:
    """Authors from byline markup, else from an explicit byline line in the header zone."""
    for el in _BYLINE_MARKUP(root)[:8]:
        text = _short_text(el)
        names = author_names(text) if text else []
        if names:
            return names
    for line in zone:
        if looks_like_byline(line) and (names := author_names(line)):
            return names
    return []


def visible_date(root: HtmlElement, zone: list[str], year: int | None) -> datetime | None:
    """The publication date written near the headline (an update stamp only if nothing else)."""
    found = [(d, bool(_UPDATE_RE.search(line))) for line in zone if (d := parse_date(line, year=year))]
    if not found:
        lines = (t for el in _DATE_MARKUP(root)[:6] if (t := _short_text(el)))
        found = [(d, bool(_UPDATE_RE.search(line))) for line in lines if (d := parse_date(line, year=year))]
    for date, is_update in found:
        if not is_update:
            return date
    return found[0][0] if found else None
