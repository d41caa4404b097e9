"""Body nodes → `Block`s (one per paragraph, heading, list item, quote, code block, table row).

While walking the chosen body, two structural, language-independent rules drop what the
page-level rules could not name: `link_dense` (a container whose text is mostly links) and
`teaser_list` (a list of similar items that are mostly links).  Both record a `Removal`.

Cost: one walk over the body; one text read per container, so O(size × depth) in C.
Inline markup (emphasis; links and images when asked) is recorded only for the lines that
hold it: a line of plain text costs nothing extra (see `_inline.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ._inline import InlineTracker
from .article import Block, Removal
from .measure import Measure, element_text
from .rules._base import element_path
from .rules.hidden import hidden_reason
from .text import LETTER_RE, collapse_space, excerpt, visible_len, weight

__all__ = ["render_blocks"]

BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "figure", "figcaption", "hr", "address", "center", "form", "fieldset", "details", "summary",
    "caption", "body", "html", "hgroup", "legend", "noscript", "menu", "dir", "listing", "xmp", "plaintext",
})
_KIND_OF = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
            "li": "list_item", "blockquote": "quote", "pre": "code", "dt": "paragraph", "dd": "paragraph"}
_PRUNABLE = frozenset({"div", "section", "ul", "ol", "dl", "table", "form", "figure", "aside", "article",
                       "header", "footer", "center", "font", "fieldset", "details", "tbody", "span", "p", "li"})
# A container holding this share of the selected body's text is never pruned as link-dense.
BODY_CORE_SHARE = 0.8
# A line whose text is at least this share links, over two or more links, is dropped.
LINK_LINE_SHARE = 0.8
_BARE_URL_RE = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
                      "select", "textarea", "button", "input", "option", "head", "title", "meta", "link"})


@dataclass(slots=True)  # (slots: the walk reads its fields once per element)
class _Writer:
    """Accumulates inline text into blocks; one instance per page (not shared)."""

    include_tables: bool
    disabled: frozenset[str]
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    kinds: list[tuple[str, int, bool]] = field(default_factory=lambda: [("paragraph", 0, False)])
    list_depth: int = 0
    tops: frozenset[HtmlElement] = frozenset()
    keep: frozenset[HtmlElement] = frozenset()  # holds the article's markers: never pruned
    body_chars: int = 0  # visible characters of all the body nodes
    measure: Measure = field(default_factory=Measure)
    line_links: list[HtmlElement] = field(default_factory=list)  # links that started in this line
    inline: InlineTracker = field(default_factory=InlineTracker)

    def flush(self) -> None:
        if not self.buf:
            if self.inline.events:  # images of an empty line go with the next one
                self.inline.line_done(self.buf, "")
            return
        kind, level, ordered = self.kinds[-1]
        raw = "".join(self.buf)
        links, self.line_links = self.line_links, []
        if kind == "code":
            text = raw.strip("\n")
            self.inline.line_done(self.buf, None)
            self.buf.clear()
            if text.strip():
                self.blocks.append(Block("code", text))
            return
        text = collapse_space(raw)
        if text and ((len(links) >= 2 and kind in ("paragraph", "quote") and self._link_line(text, links))
                     or (kind in ("paragraph", "list_item") and self._bare_url(text))):
            self.inline.line_done(self.buf, None)
            self.buf.clear()
            return
        spans = self.inline.line_done(self.buf, text)
        self.buf.clear()
        if text:
            self.blocks.append(Block(kind, text, level=level, ordered=ordered, inline=spans))

    def _link_line(self, text: str, links: list[HtmlElement]) -> bool:
        """A short line made of several links ('Email this story | Print | Letters') is a tool bar."""
        if "link_dense" in self.disabled or weight(text) > 200:
            return False
        link_chars = sum(visible_len(element_text(a)) for a in links)
        if link_chars < LINK_LINE_SHARE * visible_len(text):
            return False
        self.removed.append(Removal("link_dense", f"a line of {len(links)} links", excerpt(text), "text line"))
        return True

    def _bare_url(self, text: str) -> bool:
        """A line that is only a web address (a reference list's link, a 'source' under a
        picture): no sentence of the article; code and quotes keep theirs."""
        if "boilerplate_line" in self.disabled or not _BARE_URL_RE.match(text):
            return False
        self.removed.append(Removal("boilerplate_line", "a line that is only a web address", excerpt(text), "text line"))
        return True

    def walk(self, el: HtmlElement, top: bool = False) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            self._tail(el)
            return
        if tag == "br":
            self.flush()
            self._tail(el)
            return
        if tag not in BLOCK_TAGS:
            if el.attrib and self._hidden(el):
                self._tail(el)
                return
            self._inline(el, tag)
            return
        if not top and tag in _PRUNABLE and el not in self.keep and self._prune(el):
            self._tail(el)
            return
        if tag == "table" and self._data_table(el):
            self.flush()
            self._table(el)
            self._tail(el)
            return
        self.flush()
        self._enter(tag)
        text = el.text
        if text:
            self.buf.append(text)
        walk = self.walk
        for child in el:
            walk(child)
        self.flush()
        self._leave(tag)
        self._tail(el)

    def _enter(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.list_depth += 1
            self.kinds.append((self.kinds[-1][0], self.list_depth, tag == "ol"))
        elif tag == "li":
            self.kinds.append(("list_item", max(self.list_depth, 1), self.kinds[-1][2]))
        elif tag in _KIND_OF:
            level = int(tag[1]) if _KIND_OF[tag] == "heading" else 0
            self.kinds.append((_KIND_OF[tag], level, False))
        else:
            self.kinds.append(self.kinds[-1])

    def _leave(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.list_depth -= 1
        self.kinds.pop()

    def _hidden(self, el: HtmlElement) -> bool:
        """An inline element the page hides (the page rules do not look inside paragraphs)."""
        if "hidden" in self.disabled:
            return False
        reason = hidden_reason(el)
        if reason is None:
            return False
        self.removed.append(Removal("hidden", reason, excerpt(element_text(el)), element_path(el)))
        return True

    def _inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "a":
            self.line_links.append(el)
        marked = tag in self.inline.marked and self.inline.enter(el, self.buf)
        text = el.text
        if text:
            self.buf.append(text)
        walk = self.walk
        for child in el:
            walk(child)
        if marked:
            self.inline.leave(self.buf)
        self._tail(el)

    def _tail(self, el: HtmlElement) -> None:
        tail = el.tail
        if tail and el not in self.tops:  # the text after a body node is outside the body
            self.buf.append(tail)

    def _prune(self, el: HtmlElement) -> bool:
        """Apply the structural rules to a container; True when it was dropped."""
        has_links = next(el.iter("a"), None) is not None
        # Emptiness of a block without links is found without measuring the whole subtree:
        # most blocks show text in their first text node.
        if not (self.measure.chars(el) if has_links else _shows_text(el)):
            return el.find(".//img") is None and el.tag not in ("p", "li")  # an empty block
        if not has_links:
            return False  # both structural rules need links
        chars = self.measure.chars(el)
        if chars >= BODY_CORE_SHARE * self.body_chars:
            return False  # the selection judged this the body; a link-rich post is still the post
        density = self.measure.link_density(el)
        if density <= 0.25:
            return False
        text = element_text(el)  # read only for blocks dense enough to be judged
        tag = el.tag
        rule = reason = None
        if tag in ("ul", "ol") and _items_open_with_words(el):
            return False  # 'Ankush Dua <a>fixed an issue with …</a>': links inside sentences
        if tag in ("ul", "ol", "dl") and density > 0.5 and len(el) >= 3 and "teaser_list" not in self.disabled:
            rule, reason = "teaser_list", f"list of {len(el)} items, {density:.0%} of its text in links"
        elif tag in ("p", "li", "span"):
            if density > 0.9 and weight(text) < 100 and "link_dense" not in self.disabled and tag != "li":
                rule, reason = "link_dense", f"short paragraph that is all link ({density:.0%})"
        elif "link_dense" not in self.disabled and (
            (density > 0.5 and not _link_card(el, chars)) or weight(text) < 60
        ):
            rule, reason = "link_dense", f"<{tag}> block with {density:.0%} of its text in links"
        if rule is None:
            return False
        self.removed.append(Removal(rule, reason, excerpt(text), element_path(el)))
        return True

    def _data_table(self, el: HtmlElement) -> bool:
        """A table of data (render row by row) rather than a layout grid (render as blocks)."""
        if not self.include_tables or el.find(".//table") is not None:
            return False
        if el.find(".//th") is not None or el.find("caption") is not None or el.find("thead") is not None:
            return True
        rows = el.findall(".//tr")
        if len(rows) < 2:
            return False
        cells = [c for r in rows for c in r if c.tag in ("td", "th")]
        if len(cells) < 2 * len(rows):
            return False
        return all(weight(element_text(c)) <= 200 and c.find(".//p") is None and c.find(".//div") is None for c in cells)

    def _table(self, el: HtmlElement) -> None:
        for row in el.iter("tr"):
            cells = tuple(collapse_space(" ".join(c.itertext())) for c in row if c.tag in ("td", "th"))
            if any(cells):
                header = all(c.tag == "th" for c in row if c.tag in ("td", "th"))
                self.blocks.append(Block("table_row", " | ".join(cells), cells=cells, header=header))


_XML_SPACE = " \t\r\n"  # what XPath's normalize-space() (and so `Measure.chars`) drops


def _shows_text(el: HtmlElement) -> bool:
    """Whether `el` holds visible text, i.e. ``Measure.chars(el) > 0`` (stops at the first)."""
    return any(piece.strip(_XML_SPACE) for piece in el.itertext())


def _link_card(el: HtmlElement, chars: int) -> bool:
    """One long link wrapping a title and a summary (a blog card quoting a story) is content."""
    links = el.findall(".//a")
    return len(links) == 1 and chars >= 80


def render_blocks(nodes: Sequence[HtmlElement], *, measure: Measure, include_tables: bool = True,
                  disabled_rules: frozenset[str] = frozenset(), keep: frozenset[HtmlElement] = frozenset(),
                  base_url: str | None = None, include_links: bool = False, include_images: bool = False,
                  include_formatting: bool = True) -> tuple[list[Block], list[Removal]]:
    """Walk the body nodes in order and return their blocks and the structural removals.

    `keep`: elements that hold the article's markers (see `markers.protected_elements`); the
    structural rules never drop them, however many links surround the article inside them.
    `include_links` / `include_images`: record link targets and images (resolved against
    `base_url`) in `Block.inline`; `include_formatting`: record bold and italic there too.
    Block texts never change.
    """
    writer = _Writer(include_tables=include_tables, disabled=disabled_rules, tops=frozenset(nodes),
                     measure=measure, keep=keep, body_chars=sum(measure.chars(n) for n in nodes),
                     inline=InlineTracker(base_url=base_url, links=include_links, images=include_images,
                                          emphasis=include_formatting))
    for node in nodes:
        writer.walk(node, top=True)
        writer.flush()
    writer.inline.attach_leftover_images(writer.blocks)
    return writer.blocks, writer.removed



def _items_open_with_words(el: HtmlElement) -> bool:
    """Most items of the list start with words of their own before their first link (a
    name, a sentence's subject), as items of prose do; a teaser's item starts with its
    headline link (or a bullet, a number, a date).  Cost: each item's text, once."""
    items = [li for li in el if li.tag == "li"]
    worded = 0
    for li in items:
        link = next(li.iter("a"), None)
        if link is None:
            continue
        text = "".join(li.itertext())
        first = "".join(link.itertext())
        at = text.find(first) if first else -1
        if at > 0 and LETTER_RE.search(text, 0, at):
            worded += 1
    return worded * 2 > len(items)
