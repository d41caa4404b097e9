"""Markdown and minimal HTML renderings of an `Article`'s blocks.

Both read `Article.blocks` only (never the page) and cost time linear in the body size.
Plain lines are written as they are; lines with inline markup (`Block.inline`) get their
emphasis, links and images, with Markdown's special characters escaped in them.
"""

from __future__ import annotations

import html
from dataclasses import replace
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .article import Article, Block, Span

__all__ = ["to_html", "to_markdown"]


# --------------------------------------------------------------------------- shared

def _list_levels(blocks: Iterable[Block]) -> Iterator[tuple[Block, int]]:
    """Each block with its list depth: at most one deeper than the item before it, so a
    list whose outer level the cleaner dropped still nests validly (0 for non-list blocks)."""
    depth = 0
    for block in blocks:
        depth = min(max(block.level, 1), depth + 1) if block.kind == "list_item" else 0
        yield block, depth


def _heading_level(block: Block) -> int:
    return min(max(block.level, 2), 6)  # the title is the page's only <h1>


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]"})
_URL_SPECIAL = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})


def to_markdown(article: Article, *, with_title: bool = True) -> str:
    """The body as Markdown (CommonMark with pipe tables), ending with one newline."""
    lines: list[str] = []
    if with_title and article.title:
        lines += [f"# {article.title}", ""]
    prev: Block | None = None
    widths: list[int] = []  # marker width of each open list level (the children's indent)
    for block, depth in _list_levels(article.blocks):
        if prev is not None and not _same_group(prev, block):
            lines.append("")
        if block.kind == "list_item":
            del widths[depth - 1:]
            marker = "1." if block.ordered else "-"  # CommonMark numbers '1.' items in order
            lines.append(" " * sum(widths) + f"{marker} {_md_inline(block)}")
            widths.append(len(marker) + 1)
        else:
            widths.clear()
            lines.extend(_markdown_lines(block, prev))
        prev = block
    return "\n".join(lines).strip() + "\n"


def _same_group(prev: Block, block: Block) -> bool:
    """Consecutive list items and table rows render without a blank line between them."""
    return prev.kind == block.kind and block.kind in ("list_item", "table_row", "quote")


def _markdown_lines(block: Block, prev: Block | None) -> list[str]:
    if block.kind == "heading":
        return ["#" * _heading_level(block) + " " + _md_inline(block)]
    if block.kind == "quote":  # '>' between quoted paragraphs keeps them apart
        return ([">"] if prev is not None and prev.kind == "quote" else []) + ["> " + _md_inline(block)]
    if block.kind == "code":
        fence = "~~~" if "```" in block.text else "```"
        return [fence, block.text, fence]
    if block.kind == "table_row":
        cells = [c.replace("|", "\\|") for c in (block.cells or (block.text,))]
        row = ["| " + " | ".join(cells) + " |"]
        if prev is None or prev.kind != "table_row":
            row.append("|" + "---|" * len(cells))
        return row
    images, block = _leading_images(block)
    return [_md_image(i) for i in images] + ([""] if images else []) + [_md_inline(block)]


def _leading_images(block: Block) -> tuple[tuple[Span, ...], Block]:
    """A paragraph's leading images (a figure before it) apart from its text."""
    spans = block.inline
    if not spans or spans[0].src is None:
        return (), block
    n = next(i for i, s in enumerate(spans) if s.src is None)  # a block always has text
    rest = spans[n:]
    plain = len(rest) == 1 and not (rest[0].strong or rest[0].em or rest[0].href)
    return spans[:n], replace(block, inline=None if plain else rest)


def _md_image(span: Span) -> str:
    return f"![{span.text.translate(_MD_SPECIAL)}]({(span.src or '').translate(_URL_SPECIAL)})"


def _md_inline(block: Block) -> str:
    if block.inline is None:
        return block.text
    out: list[str] = []
    spans = block.inline
    i = 0
    while i < len(spans):
        span = spans[i]
        if span.src is not None:
            out.append(_md_image(span))
            i += 1
            continue
        j = i
        while j < len(spans) and spans[j].src is None and spans[j].href == span.href:
            j += 1
        inner = "".join(_md_emphasis(s) for s in spans[i:j])
        if span.href:
            lead, core, trail = _split_space(inner)
            inner = f"{lead}[{core}]({span.href.translate(_URL_SPECIAL)}){trail}"
        out.append(inner)
        i = j
    return "".join(out)


def _md_emphasis(span: Span) -> str:
    text = span.text.translate(_MD_SPECIAL)
    mark = "***" if span.strong and span.em else "**" if span.strong else "*" if span.em else ""
    if not mark:
        return text
    lead, core, trail = _split_space(text)
    return f"{lead}{mark}{core}{mark}{trail}" if core else text


def _split_space(text: str) -> tuple[str, str, str]:
    """Leading space, the rest, trailing space: emphasis markers must touch the words."""
    core = text.strip(" ")
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


# --------------------------------------------------------------------------- HTML

def to_html(article: Article) -> str:
    """``<article>`` holding the title as ``<h1>`` and the blocks; lists nest as the page's did."""
    parts: list[str] = []
    if article.title:
        parts.append(f"<h1>{html.escape(article.title)}</h1>")
    lists: list[str] = []  # open list tags, innermost last; each level's last <li> is open
    in_table = False
    for block, depth in _list_levels(article.blocks):
        if block.kind == "list_item":
            want = "ol" if block.ordered else "ul"
            while len(lists) > depth or (len(lists) == depth and lists[-1] != want):
                parts.append(f"</li></{lists.pop()}>")
            if len(lists) == depth:
                parts.append("</li>")
            while len(lists) < depth:
                lists.append(want)
                parts.append(f"<{want}>")
            parts.append(f"<li>{_html_inline(block)}")
            continue
        while lists:
            parts.append(f"</li></{lists.pop()}>")
        if in_table and block.kind != "table_row":
            parts.append("</table>")
            in_table = False
        if block.kind == "heading":
            level = _heading_level(block)
            parts.append(f"<h{level}>{_html_inline(block)}</h{level}>")
        elif block.kind == "quote":
            parts.append(f"<blockquote><p>{_html_inline(block)}</p></blockquote>")
        elif block.kind == "code":
            parts.append(f"<pre><code>{html.escape(block.text)}</code></pre>")
        elif block.kind == "table_row":
            if not in_table:
                parts.append("<table>")
                in_table = True
            tag = "th" if block.header else "td"
            parts.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in block.cells) + "</tr>")
        else:
            images, block = _leading_images(block)
            parts.extend(f"<p>{_html_image(i)}</p>" for i in images)
            parts.append(f"<p>{_html_inline(block)}</p>")
    while lists:
        parts.append(f"</li></{lists.pop()}>")
    if in_table:
        parts.append("</table>")
    return "<article>" + "".join(parts) + "</article>"


def _html_image(span: Span) -> str:
    return f'<img src="{html.escape(span.src or "")}" alt="{html.escape(span.text)}">'


def _html_inline(block: Block) -> str:
    if block.inline is None:
        return html.escape(block.text)
    out: list[str] = []
    for span in block.inline:
        if span.src is not None:
            out.append(_html_image(span))
            continue
        text = html.escape(span.text)
        if span.em:
            text = f"<em>{text}</em>"
        if span.strong:
            text = f"<strong>{text}</strong>"
        if span.href:
            text = f'<a href="{html.escape(span.href)}">{text}</a>'
        out.append(text)
    return "".join(out)
