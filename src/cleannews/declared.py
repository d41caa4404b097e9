"""The page's own summary as evidence for a short post.

A page that declares itself an article (og:type, JSON-LD) usually repeats its first words
in its description; for a one-line blog post or a short notice the description *is* the
post.  Two uses: `is_declared_summary` lets `judge_article` keep a body shorter than
`Options.min_body_chars` when it is exactly that text, and `summary_candidates` finds the
element holding it when the scorer picked something else (a post of three short lines
loses to a "12 bloggers like this" line).

Texts are compared on their letters and digits only (``\\w``), so quotes, dashes, ellipses
and spacing that differ between the ``<meta>`` copy and the page do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lxml import etree
from lxml.html import HtmlElement

from .article import Block
from .measure import element_text

__all__ = ["MIN_KEY_CHARS", "is_declared_summary", "summary_candidates", "summary_key"]

MIN_KEY_CHARS = 10  # a shorter description proves nothing
MAX_EXTRA = 1.34  # a description cut short: the body may add at most a third to it
MAX_CLIMB = 6  # levels from the first words' text node to the element holding the whole post
MAX_CONTEXT = 2.0  # a candidate's text may be twice the summary's (headline, date, category)…
CONTEXT_SLACK = 120  # …plus this many characters

_NON_WORD = re.compile(r"[\W_]+")
_TEXT_NODES = etree.XPath("descendant::text()")


def summary_key(text: str) -> str:
    """`text` reduced to its word characters, case-folded: what the comparisons use."""
    return _NON_WORD.sub("", text).casefold()


def is_declared_summary(blocks: Sequence[Block], summary: str | None) -> bool:
    """True when the body's text is the declared summary (cut with an ellipsis or not)."""
    if not summary:
        return False
    want = summary_key(summary)
    have = summary_key("".join(b.text for b in blocks))
    return len(want) >= MIN_KEY_CHARS and _is_summary(have, want)


def _is_summary(have: str, want: str) -> bool:
    """`have` is the summary `want`, or starts with it and adds at most `MAX_EXTRA` (keys)."""
    return have == want or (have.startswith(want) and len(have) <= MAX_EXTRA * len(want))


def summary_candidates(body: HtmlElement, summary: str | None) -> Iterator[HtmlElement]:
    """Elements that may hold the declared summary as their whole text, smallest first.

    From each text node holding the summary's first words, the ancestors up to `MAX_CLIMB`
    levels whose text contains the whole summary and is at most `MAX_CONTEXT` times longer
    (the post's own headline and date may sit beside it; the caller renders and trims each
    candidate and checks it with `is_declared_summary`).  Cost: one pass over the text
    nodes plus a few climbs; call it only for short bodies.
    """
    if not summary:
        return
    want = summary_key(summary)
    if len(want) < MIN_KEY_CHARS:
        return
    head = want[:MIN_KEY_CHARS]
    seen: set[HtmlElement] = set()
    for node in _TEXT_NODES(body):
        if head not in summary_key(node):
            continue
        el = node.getparent()
        for _ in range(MAX_CLIMB):
            if el is None or el in seen:
                break
            seen.add(el)
            have = summary_key(element_text(el))
            if len(have) > MAX_CONTEXT * len(want) + CONTEXT_SLACK:
                break
            if want in have or (len(have) >= MIN_KEY_CHARS and want.startswith(have)):
                yield el
            el = el.getparent()
