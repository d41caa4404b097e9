"""The title of a page: the visible headline that matches the most trusted reference title.

References (JSON-LD headline, og:title and the other title keys, ``<title>``) often carry the
site's name (" - Site", "｜サイト名", "Site | ") or a source tag ("（共同）"); the visible
``<h1>`` usually does not, but may be the site's logo.  `pick_title` takes the top reference
without its site part and confirms it against the page's headings; `strip_site_suffix` does
the cutting.  Cost: string work on a few short titles, and at most one `.text` scan of the
body's first `_HEADLINE_SCAN` elements when no ``<h1>`` settles it.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from .measure import element_text
from .text import collapse_space, weight

__all__ = ["pick_title", "strip_site_suffix"]

_CJK_CHAR = "\u3040-\u30ff\u3400-\u9fff\uff01-\uff60"
_SEPARATORS_RE = re.compile(
    rf"\s+[-|–—:·»/]\s+|\s*[｜|]\s*|\s*::\s*|\s+-{{2,}}\s+|(?<=\S)[_]+(?=\S)|\s+\\\s+|(?<=[{_CJK_CHAR}])-(?=[{_CJK_CHAR}])")
_HEADLINE_SCAN = 1000  # elements looked at for a headline in a plain element
# Where a title may be cut into headline and site: separators, and brackets opening a source tag.
_AFFIX_SEP_RE = re.compile(r"\s*[-_|｜:：–—·»/\\~〜・]+\s*|\s+(?=[(（【\[])")
_BRACKETED_RE = re.compile(r"\s*(?:（[^（）]{1,40}）|\([^()]{1,40}\)|〈[^〈〉]{1,40}〉|【[^【】]{1,40}】)\s*")
_TOKEN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+|\d+")
_MIN_HEADLINE = 10  # weight (CJK x2.5) of the shortest part that can be a headline


def strip_site_suffix(title: str, site_name: str | None = None, site_parts: tuple[str, ...] = (),
                      *, generic: bool = True) -> str:
    """'Headline - Site' / 'Headline｜サイト' → 'Headline'.

    A leading or trailing part equal to `site_name` or one of `site_parts` goes first.  Then,
    when `generic` and nothing was known, the last part goes if what is left is still a
    headline (weight >= `_MIN_HEADLINE`), else the first ('Site | Headline').  Cost: O(len).
    """
    known = {p.casefold() for p in (site_name, *site_parts) if p}
    stripped = False
    while known and (seps := list(_SEPARATORS_RE.finditer(title))):
        first, last = title[:seps[0].start()], title[seps[-1].end():]
        if collapse_space(last).casefold() in known:
            title = title[:seps[-1].start()]
        elif collapse_space(first).casefold() in known:
            title = title[seps[0].end():]
        else:
            break
        stripped = True
    seps = list(_SEPARATORS_RE.finditer(title))
    if seps and generic and not stripped:
        head, tail = title[:seps[-1].start()], title[seps[0].end():]
        if weight(head) >= _MIN_HEADLINE:
            title = head
        elif weight(tail) >= _MIN_HEADLINE:
            title = tail
    return collapse_space(title)


def pick_title(refs: list[str], head_title: str, site: str | None, h1s: list[HtmlElement],
               root: HtmlElement) -> tuple[str | None, HtmlElement | None]:
    """(title, headline element) from the reference titles `refs` in trust order (JSON-LD
    headline, title meta keys, ``<title>`` = `head_title`).

    The top reference without its site part is the reference; the visible headline is an
    ``<h1>`` matching it, else the element whose own text is the reference or its start or
    end.  The title is the visible form when there is one (it drops a source tag such as
    "（共同）" that only the reference carries), else the reference.  Cost: a few string
    comparisons, plus one `.text` scan of the body when no ``<h1>`` settles it."""
    refs = [r for r in refs if r and r.strip()]
    if not refs:
        return None, h1s[0] if h1s else None
    seps = list(_SEPARATORS_RE.finditer(head_title))
    head_site = (head_title[seps[-1].end():],) if seps else ()

    def core_of(ref: str) -> str:
        return strip_site_suffix(collapse_space(ref), site, () if ref is head_title else head_site,
                                 generic=ref is head_title or not head_title)

    top = core_of(refs[0])
    headings: list[tuple[str, HtmlElement]] = []
    for h1 in h1s[:6]:  # read one by one: the first usually settles it
        headings.append((_heading_text(h1), h1))
        if _covers(headings[-1][0], top):
            return headings[-1]
    # A lower source names the <h1> while the top one says something else (Wikipedia's
    # JSON-LD "headline" is a description): the page's headline is that <h1>.
    for core in map(core_of, refs[1:]):
        for text, h1 in headings:
            if _covers(text, core) and not _similar(text, top):
                return text, h1
    if headings and not _SEPARATORS_RE.search(refs[0]):
        return top, headings[0][1]  # nothing to confirm: the reference is the title
    el = _visible_headline(root, collapse_space(refs[0]), top)
    anchor = h1s[0] if h1s else el  # near the page's <h1> sit its byline and date, if it has one
    return (_heading_text(el) if el is not None else top), anchor


def _heading_text(el: HtmlElement) -> str:
    """The heading's text without a trailing permalink mark (¶, #, §)."""
    return collapse_space(element_text(el)).rstrip(" ¶#§")


def _similar(a: str, b: str) -> bool:
    """Two titles sharing at least half the words (CJK: characters) of the longer."""
    ta, tb = set(_TOKEN_RE.findall(a.casefold())), set(_TOKEN_RE.findall(b.casefold()))
    return bool(ta and tb) and 2 * len(ta & tb) >= max(len(ta), len(tb))


def _covers(text: str, core: str) -> bool:
    """A heading that is the reference title: equal, one holds most of the other (by
    `weight`; a heading that only ends the reference is its site name, not its headline), or
    the reference only adds a bracketed source tag ("…（共同）", "… (AP)")."""
    if len(text) < 4:
        return False
    if text == core or (core.startswith(text) and _BRACKETED_RE.fullmatch(core[len(text):])):
        return True
    if core in text:
        return 2 * weight(core) >= weight(text)
    # Inside the reference, but not its last part ("Headline - Blog name": the logo <h1>).
    return text in core and not core.endswith(text) and 2 * weight(text) >= weight(core)


def _visible_headline(root: HtmlElement, ref: str, core: str) -> HtmlElement | None:
    """The first body element whose own text is `core`, else the longest that starts or ends `ref`
    next to a separator (a headline in a plain ``<div>``).  Cost: one look at the ``.text``
    of each of the first `_HEADLINE_SCAN` elements (run only when no ``<h1>`` settles it)."""
    body = root.find("body")
    wanted = _affixes(ref) | {core}
    shortest = min(map(len, wanted))
    best, best_len = None, 0
    for el in islice((body if body is not None else root).iter(), _HEADLINE_SCAN):
        own = el.text
        if own is None or len(own) < shortest or not isinstance(el.tag, str):
            continue
        text = collapse_space(own)
        if text == core:
            return el
        if text in wanted and len(text) > best_len:
            best, best_len = el, len(text)
    return best


def _affixes(ref: str) -> set[str]:
    """The parts of `ref` before its separators and after them ('A - B | C' -> A, A - B, B | C, C),
    each long enough to be a headline and at least as long as every part it drops (a site's
    name is never the longest part: 'Section news | Site' does not yield 'Site')."""
    seps = list(_AFFIX_SEP_RE.finditer(ref))
    bounds = [0] + [x for sep in seps for x in (sep.start(), sep.end())] + [len(ref)]
    parts = [weight(ref[bounds[i]:bounds[i + 1]]) for i in range(0, len(bounds), 2)]
    out = set()
    for i, sep in enumerate(seps):
        head, tail = ref[:sep.start()].strip(), ref[sep.end():].strip()
        if weight(head) >= max(_MIN_HEADLINE, *parts[i + 1:]):
            out.add(head)
        if weight(tail) >= max(_MIN_HEADLINE, *parts[:i + 1]):
            out.add(tail)
    return out
