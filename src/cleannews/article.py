"""`Article`, `Block` and `Removal`: what `clean()` returns, and its renderings.

All three are frozen dataclasses.  Rendering (`to_dict`, `to_markdown`, `to_html`) costs
time linear in the body size and never touches the original page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["Article", "Block", "Removal", "Span"]


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


@dataclass(frozen=True)
class Span:
    """A run of a block's text in one style, or an image (`src` set; `text` is its alt).

    Attributes:
        text: the run's text, whitespace collapsed (an image: its alt text).
        strong: inside ``<strong>``/``<b>``.
        em: inside ``<em>``/``<i>``.
        href: the absolute link target (only with `Options.include_links`).
        src: the absolute image URL (only with `Options.include_images`).
    """

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None
    src: str | None = None


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
        inline: the text as styled `Span`s (their texts, images aside, join to `text`), or
            None when the line is plain text.  Table cells and code are always plain.
    """

    kind: str
    text: str
    level: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()
    header: bool = False
    inline: tuple[Span, ...] | None = None


@dataclass(frozen=True)
class Article:
    """The clean article body of one page, with its metadata.

    `text` holds the body, one paragraph per line, without the headline (that is `title`).
    A page without an article body (a listing, a teaser grid, a paywall stub, an empty or
    non-HTML input) has ``is_article=False``, empty `text` and a `reason`.
    `comments` holds the reader comments, one paragraph per line, only when the page was
    cleaned with ``include_comments=True`` (else None); they are never part of `text`.
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
        """The body as Markdown: headings, nested and numbered lists, tables, block quotes,
        code blocks and **bold**/*italic*; ``[text](url)`` and ``![alt](src)`` when the
        article was cleaned with `include_links` / `include_images`.  Cost: linear in the body."""
        from .render import to_markdown

        return to_markdown(self, with_title=with_title)

    def to_html(self) -> str:
        """The body as minimal semantic HTML: no scripts, styles or attributes other than
        ``href`` (links) and ``src``/``alt`` (images).  Cost: linear in the body."""
        from .render import to_html

        return to_html(self)
