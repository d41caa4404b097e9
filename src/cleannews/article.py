"""`Article`, `Block` and `Removal`: what `clean()` returns, and its renderings.

All three are frozen dataclasses.  Rendering (`to_dict`, `to_markdown`, `to_html`) costs
time linear in the body size and never touches the original page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["Article", "Block", "Removal"]


@dataclass(frozen=True)
class Removal:
    """One block the cleaner dropped, and why.

    Attributes:
        rule: name of the rule that dropped it, e.g. ``"ranking"``.
        reason: a short human explanation, e.g. ``"heading 'アクセスランキング' over 10 links"``.
        excerpt: the first ~80 characters of the dropped text.
        path: where it sat in the page, e.g. ``"body/div[2]/aside[1]"``.
    """

    rule: str
    reason: str
    excerpt: str
    path: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "reason": self.reason, "excerpt": self.excerpt, "path": self.path}


BLOCK_KINDS = ("paragraph", "heading", "list_item", "quote", "code", "table_row")


@dataclass(frozen=True)
class Block:
    """One line of the body, with the structure Markdown and HTML renderings need.

    Attributes:
        kind: one of ``paragraph``, ``heading``, ``list_item``, ``quote``, ``code``, ``table_row``.
        text: the visible text (for ``table_row`` the cells joined by `` | ``).
        level: heading level (2-6) or list nesting depth (1 = top level).
        ordered: for list items, whether the list is numbered.
        cells: for table rows, the cell texts.
        header: for table rows, whether this is a header row.
    """

    kind: str
    text: str
    level: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()
    header: bool = False


@dataclass(frozen=True)
class Article:
    """The clean article body of one page, with its metadata.

    `text` holds the body, one paragraph per line, without the headline (that is `title`).
    A page without an article body (a listing, a teaser grid, a paywall stub, an empty or
    non-HTML input) has ``is_article=False``, empty `text` and a `reason`.
    """

    text: str = ""
    title: str | None = None
    is_article: bool = False
    reason: str = ""
    removed: tuple[Removal, ...] = ()
    blocks: tuple[Block, ...] = ()
    url: str | None = None
    canonical_url: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str | None = None
    lang: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    page_type: str = "other"
    comments: str | None = None
    extras: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self, *, include_removed: bool = False) -> dict[str, Any]:
        """A JSON-ready dict with stable keys; datetimes become ISO 8601 strings."""
        out: dict[str, Any] = {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "text": self.text,
            "is_article": self.is_article,
            "reason": self.reason,
            "page_type": self.page_type,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "modified": self.modified.isoformat() if self.modified else None,
            "site_name": self.site_name,
            "lang": self.lang,
            "description": self.description,
            "image": self.image,
            "tags": list(self.tags),
            "categories": list(self.categories),
            "comments": self.comments,
        }
        if include_removed:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out

    def to_markdown(self, *, with_title: bool = True) -> str:
        """The body as Markdown: headings, lists, tables, block quotes and code blocks."""
        lines: list[str] = []
        if with_title and self.title:
            lines += [f"# {self.title}", ""]
        prev: Block | None = None
        for block in self.blocks:
            if prev is not None and not _same_group(prev, block):
                lines.append("")
            lines.extend(_markdown_lines(block, prev))
            prev = block
        return "\n".join(lines).strip() + "\n"

    def to_html(self) -> str:
        """The body as minimal semantic HTML (no scripts, styles or attributes)."""
        parts: list[str] = []
        if self.title:
            parts.append(f"<h1>{html.escape(self.title)}</h1>")
        open_list: str | None = None
        in_table = False
        for block in self.blocks:
            want_list = ("ol" if block.ordered else "ul") if block.kind == "list_item" else None
            if open_list and want_list != open_list:
                parts.append(f"</{open_list}>")
                open_list = None
            if in_table and block.kind != "table_row":
                parts.append("</table>")
                in_table = False
            text = html.escape(block.text)
            if block.kind == "heading":
                level = min(max(block.level, 2), 6)
                parts.append(f"<h{level}>{text}</h{level}>")
            elif block.kind == "list_item":
                if open_list is None:
                    open_list = want_list
                    parts.append(f"<{open_list}>")
                parts.append(f"<li>{text}</li>")
            elif block.kind == "quote":
                parts.append(f"<blockquote><p>{text}</p></blockquote>")
            elif block.kind == "code":
                parts.append(f"<pre><code>{text}</code></pre>")
            elif block.kind == "table_row":
                if not in_table:
                    parts.append("<table>")
                    in_table = True
                tag = "th" if block.header else "td"
                cells = "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in block.cells)
                parts.append(f"<tr>{cells}</tr>")
            else:
                parts.append(f"<p>{text}</p>")
        if open_list:
            parts.append(f"</{open_list}>")
        if in_table:
            parts.append("</table>")
        return "<article>" + "".join(parts) + "</article>"


def _same_group(prev: Block, block: Block) -> bool:
    """Consecutive list items and table rows render without a blank line between them."""
    return prev.kind == block.kind and block.kind in ("list_item", "table_row", "quote")


def _markdown_lines(block: Block, prev: Block | None) -> list[str]:
    text = block.text
    if block.kind == "heading":
        return ["#" * min(max(block.level, 2), 6) + " " + text]
    if block.kind == "list_item":
        indent = "  " * max(block.level - 1, 0)
        return [f"{indent}{'1.' if block.ordered else '-'} {text}"]
    if block.kind == "quote":
        return ["> " + text]
    if block.kind == "code":
        return ["```", text, "```"]
    if block.kind == "table_row":
        cells = [c.replace("|", "\\|") for c in (block.cells or (text,))]
        row = ["| " + " | ".join(cells) + " |"]
        if prev is None or prev.kind != "table_row":
            row.append("|" + "---|" * len(cells))
        return row
    return [text]
