"""Inline markup of body lines: emphasis, and links and images when asked.

`serialize._Writer` tells an `InlineTracker` where marked inline elements (``strong``/``b``,
``em``/``i``, ``a``, ``img``) start and end in its text buffer; when the line is flushed the
tracker turns the buffer into `Span`s whose texts join to exactly the block's text.

Cost: one set lookup per inline element; a line with no marked element costs one method
call.  Links and images are not even looked at unless asked for.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from .article import Block, Span
from .text import collapse_space

__all__ = ["MARKED_TAGS", "InlineTracker", "resolve_url"]

_STRONG = frozenset({"strong", "b"})
_EM = frozenset({"em", "i"})
#: The inline tags the tracker looks at; the writer asks it about no others.
MARKED_TAGS = _STRONG | _EM | {"a", "img"}
# Lazy-loading attributes first: when one is set, `src` is usually a placeholder.
_IMAGE_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-url", "src")
_SRCSET_ATTRS = ("data-srcset", "srcset")
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_IMAGE_SCHEMES = frozenset({"http", "https"})

# (strong, em, href): the style of a run of text.
_Style = tuple[bool, bool, "str | None"]
_PLAIN: _Style = (False, False, None)


def resolve_url(value: str | None, base_url: str | None, schemes: frozenset[str]) -> str | None:
    """`value` made absolute against `base_url`; None when empty, a bare '#' or another scheme
    (``javascript:``, ``data:``).  Without a base URL a relative value is kept as written."""
    value = (value or "").strip()
    if not value or value == "#":
        return None
    url = urljoin(base_url, value) if base_url else value
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # a malformed IPv6 host, say
        return None
    if scheme in schemes or (not scheme and not base_url):
        return url
    return None


class InlineTracker:
    """Style changes and images of the current line, by position in the writer's buffer.

    One per page, not shared.  Styles carry over line breaks: a ``<strong>`` wrapping two
    paragraphs marks both.
    """

    __slots__ = ("base_url", "links", "images", "marked", "events", "style", "line_style", "stack", "pending")

    def __init__(self, *, base_url: str | None = None, links: bool = False, images: bool = False,
                 emphasis: bool = True) -> None:
        self.base_url = base_url
        self.links = links
        self.images = images
        #: the tags the writer asks about: none at all for plain text output
        self.marked: frozenset[str] = frozenset(
            (_STRONG | _EM if emphasis else set()) | ({"a"} if links else set()) | ({"img"} if images else set()))
        self.events: list[tuple[int, _Style | Span]] = []  # (buffer index, new style or image)
        self.style: _Style = _PLAIN
        self.line_style: _Style = _PLAIN  # the style the current line started with
        self.stack: list[_Style] = []
        self.pending: list[Span] = []  # images of empty lines, waiting for the next block

    def enter(self, el: HtmlElement, buf: list[str]) -> bool:
        """Note an element of `MARKED_TAGS` starting at the end of `buf`; True when `leave`
        must follow."""
        tag = el.tag
        if tag == "img":
            if self.images and (image := self._image(el)) is not None:
                self.events.append((len(buf), image))
            return False
        strong, em, href = self.style
        if tag == "a":
            if not self.links:
                return False
            href = resolve_url(el.get("href"), self.base_url, _LINK_SCHEMES)
        else:
            strong, em = strong or tag in _STRONG, em or tag in _EM
        self.stack.append(self.style)
        self._set((strong, em, href), len(buf))
        return True

    def leave(self, buf: list[str]) -> None:
        """The element `enter` accepted last ends at the end of `buf`."""
        self._set(self.stack.pop(), len(buf))

    def _set(self, style: _Style, at: int) -> None:
        if style != self.style:
            self.events.append((at, style))
            self.style = style

    def _image(self, el: HtmlElement) -> Span | None:
        get = el.get
        for attr in _IMAGE_ATTRS:
            if (src := resolve_url(get(attr), self.base_url, _IMAGE_SCHEMES)) is not None:
                break
        else:
            srcset = next((v for a in _SRCSET_ATTRS if (v := get(a))), "")
            src = resolve_url(srcset.split(",")[0].strip().split(" ")[0], self.base_url, _IMAGE_SCHEMES)
            if src is None:
                return None
        return Span(collapse_space(get("alt") or ""), src=src)

    def line_done(self, buf: list[str], text: str | None) -> tuple[Span, ...] | None:
        """The spans of the line in `buf` whose collapsed text is `text`, or None when the
        line is plain.  `text` None: the line was dropped (its images go too); ``""``: an
        empty line (its images wait for the next block)."""
        events, self.events = self.events, []
        start, self.line_style = self.line_style, self.style
        if not events and not self.pending and start == _PLAIN:
            return None
        if text is None:
            return None
        if not text:
            self.pending.extend(e for _, e in events if isinstance(e, Span))
            return None
        spans = _spans(buf, events, start, self.pending)
        self.pending = []
        if "".join(s.text for s in spans if s.src is None) != text:
            return None  # never expected; plain text is the safe rendering
        if len(spans) == 1 and spans[0].src is None and not (spans[0].strong or spans[0].em or spans[0].href):
            return None
        return spans

    def attach_leftover_images(self, blocks: list[Block]) -> None:
        """Images after the last text of the body join the last block."""
        if not self.pending or not blocks:
            return
        last = blocks[-1]
        spans = last.inline or (Span(last.text),)
        blocks[-1] = Block(last.kind, last.text, level=last.level, ordered=last.ordered, cells=last.cells,
                           header=last.header, inline=spans + tuple(self.pending))
        self.pending = []


def _spans(buf: list[str], events: list[tuple[int, _Style | Span]], style: _Style,
           images: list[Span]) -> tuple[Span, ...]:
    """Runs of equal style, whitespace collapsed across runs exactly like `collapse_space`."""
    raw: list[tuple[str, _Style] | Span] = list(images)
    n = 0
    for i, piece in enumerate(buf):
        while n < len(events) and events[n][0] <= i:
            style = _apply(events[n][1], style, raw)
            n += 1
        raw.append((piece, style))
    for _, event in events[n:]:
        style = _apply(event, style, raw)
    out: list[Span] = []
    at_space = True  # leading space of the line is dropped
    for item in raw:
        if isinstance(item, Span):
            out.append(item)
            continue
        piece, (strong, em, href) = item
        words = piece.split()
        if not words:
            piece = " " if piece else ""
        else:
            piece = (" " if piece[0].isspace() else "") + " ".join(words) + (" " if piece[-1].isspace() else "")
        if at_space and piece.startswith(" "):
            piece = piece[1:]
        if not piece:
            continue
        at_space = piece.endswith(" ")
        prev = out[-1] if out else None
        if prev is not None and prev.src is None and (prev.strong, prev.em, prev.href) == (strong, em, href):
            out[-1] = Span(prev.text + piece, strong, em, href)
        else:
            out.append(Span(piece, strong, em, href))
    for i in range(len(out) - 1, -1, -1):  # the line's trailing space goes (images stay)
        span = out[i]
        if span.src is not None:
            continue
        text = span.text.rstrip(" ")
        if text:
            out[i] = Span(text, span.strong, span.em, span.href)
            break
        del out[i]
    return tuple(out)


def _apply(event: _Style | Span, style: _Style, raw: list) -> _Style:
    if isinstance(event, Span):
        raw.append(event)
        return style
    return event
