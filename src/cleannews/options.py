"""`Options`: the one way to configure a run.

The library (`clean(..., **overrides)`) and the CLI both build this frozen dataclass;
nothing else configures extraction.  Unknown keyword overrides raise `TypeError`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = ["Options", "replace_checked"]


@dataclass(frozen=True)
class Options:
    """Settings for one extraction.  Frozen, hashable and safe to share between threads.

    Attributes:
        disabled_rules: names of boilerplate rules to switch off (see `cleannews.rules`).
        include_comments: collect the reader comments the ``comments`` rule removes into
            `Article.comments` (one paragraph per line, reply-form chrome dropped); they
            never enter `text`.  Off: `comments` is None and collecting costs nothing.
        include_tables: keep tables of the body (rendered row by row).
        include_links: keep the body's links, made absolute against the page URL, in
            `Block.inline` (Markdown ``[text](url)``, HTML ``<a href>``); ``javascript:`` and
            other non-web targets are dropped.  `text` is the same either way.
        include_images: keep the body's images (``src`` or lazy ``data-src``/``srcset``),
            made absolute, in `Block.inline` (Markdown ``![alt](src)``, HTML ``<img>``).
        include_formatting: keep bold and italic in `Block.inline` for `to_markdown()` /
            `to_html()` (``**bold**``, ``<em>``).  Off by default, as in trafilatura: it costs
            about 3% of the time and plain text does not use it.  The CLI turns it on for
            ``--format markdown`` and ``html``.
        min_body_chars: below this many visible characters of body text a page is not an
            article (`is_article=False`), unless that body is nearly all the page says and at
            least 1/80 of this (a one-line post, a page that says only 'Test').  Characters,
            not words, so it suits CJK text.
        max_input_bytes: larger inputs are refused without parsing (`InputTooLarge`).
        max_depth: elements nested deeper than this are flattened into their ancestor.
        max_elements: at most this many elements are examined; the rest of the page is dropped.
    """

    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    include_comments: bool = False
    include_tables: bool = True
    include_links: bool = False
    include_images: bool = False
    include_formatting: bool = False
    min_body_chars: int = 80
    max_input_bytes: int = 20_000_000
    max_depth: int = 256
    max_elements: int = 200_000

    def __post_init__(self) -> None:
        # Accept any iterable of names for convenience, store it as a frozenset.
        if isinstance(self.disabled_rules, str):  # one name, not a set of its letters
            object.__setattr__(self, "disabled_rules", frozenset({self.disabled_rules}))
        elif not isinstance(self.disabled_rules, frozenset):
            object.__setattr__(self, "disabled_rules", frozenset(self.disabled_rules))

    def replace(self, **changes: Any) -> Options:
        """Return a copy with `changes` applied; unknown names raise `TypeError`."""
        return replace_checked(self, changes, what="option")


_Frozen = TypeVar("_Frozen")


def replace_checked(options: _Frozen, changes: dict[str, Any], *, what: str) -> _Frozen:
    """`dataclasses.replace` for an options dataclass, naming unknown fields in a `TypeError`
    ("unknown {what}(s): …") instead of dataclasses' generic one."""
    unknown = set(changes) - {f.name for f in dataclasses.fields(options)}  # type: ignore[arg-type]
    if unknown:
        raise TypeError(f"unknown {what}(s): {', '.join(sorted(unknown))}")
    return dataclasses.replace(options, **changes)  # type: ignore[type-var]
