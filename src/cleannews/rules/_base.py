"""The machinery every boilerplate rule shares: attribute signatures, matches, the walk.

A rule is data (`AttributeRule`: class/id words, tags, roles, heading words) plus at most a
small predicate.  `apply_rules` walks the page once, asks each active rule in order whether an
element is boilerplate, then removes what matched, oldest ancestor first, recording a `Removal`
for each.  Cost: one pass over the elements; text is measured only for elements that match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lxml.html import HtmlElement

from ..article import Removal
from ..text import excerpt, visible_len

__all__ = [
    "AttributeRule",
    "Match",
    "PageFacts",
    "Rule",
    "apply_rules",
    "attribute_signature",
    "element_path",
    "link_chars",
]

_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_TAXONOMY_CLASS_RE = re.compile(r"(?:tag|category|categories|cat)-")


def attribute_signature(el: HtmlElement) -> str:
    """Class and id words, lower-cased and space separated: 'mostRead-box' -> ' most read box '.

    CamelCase and -/_ separators split into words, so rule words match whole words only.
    Returns '' for elements with neither attribute.  Cost: two attribute reads, one split.
    """
    attrs = el.attrib
    classes = attrs.get("class", "")
    if "tag-" in classes or "category-" in classes:
        # WordPress lists the post's tags and categories as classes ('tag-comments').
        classes = " ".join(c for c in classes.split() if not _TAXONOMY_CLASS_RE.match(c))
    raw = classes + " " + attrs.get("id", "")
    if raw == " ":
        return ""
    words = _SPLIT_RE.split(_CAMEL_RE.sub(" ", raw).lower())
    return " " + " ".join(w for w in words if w) + " "


def link_chars(el: HtmlElement) -> int:
    """Visible characters inside `<a>` descendants (and `el` itself if it is a link)."""
    return sum(visible_len(a.text_content()) for a in el.iter("a"))


def element_path(el: HtmlElement) -> str:
    """A short, readable location such as 'body/div[2]/aside[1]'.  Cost: O(depth × siblings)."""
    parts: list[str] = []
    node: HtmlElement | None = el
    while node is not None and node.tag not in ("html",):
        parent = node.getparent()
        if parent is None or node.tag == "body":
            parts.append(str(node.tag))
            break
        same = [c for c in parent if c.tag == node.tag]
        parts.append(f"{node.tag}[{same.index(node) + 1}]" if len(same) > 1 else str(node.tag))
        node = parent
    return "/".join(reversed(parts))


@dataclass(frozen=True)
class PageFacts:
    """What the rules may know about the whole page; computed once per page.

    Attributes:
        body_chars: visible characters in `<body>` after non-content tags were stripped.
        protected: elements that contain the article's strongest markers (the headline, an
            `articleBody`, `<main>`); no rule may remove them.
    """

    body_chars: int
    protected: frozenset[HtmlElement] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Match:
    """A rule's verdict on one element: remove `targets` (often just the element itself).

    A titled widget may name its container, or its heading plus the link lists after it.
    """

    targets: tuple[HtmlElement, ...]
    reason: str


class Rule(Protocol):
    """A named kind of boilerplate.  `match` returns a `Match` or None; it must not mutate."""

    name: str

    def match(self, el: HtmlElement, signature: str, facts: PageFacts) -> Match | None: ...


def _words_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """' word ' matching for signatures: entries ending in '*' match as prefixes."""
    alts = []
    for w in words:
        w = w.lower()
        alts.append(re.escape(w[:-1]) + r"[a-z0-9]*" if w.endswith("*") else re.escape(w))
    return re.compile(r" (?:%s) " % "|".join(alts)) if alts else None


def heading_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """Matches a whole short heading that starts with one of `phrases` (case-insensitive)."""
    alts = [re.escape(p) for p in phrases]
    if not alts:
        return None
    return re.compile(r"^\W*(?:%s)" % "|".join(alts), re.IGNORECASE)


@dataclass(frozen=True)
class AttributeRule:
    """A rule expressed as data: tags, ARIA roles and class/id words that mark boilerplate.

    `words` are matched as whole words of the class/id signature ('share*' is a prefix).
    `max_share`: an element holding more than this share of the page's text, with little of it
    in links, is prose, not boilerplate, and is kept (a wrapper named 'has-sidebar', say).
    """

    name: str
    description: str
    words: Sequence[str] = ()
    tags: Sequence[str] = ()
    roles: Sequence[str] = ()
    max_share: float = 0.4
    _words_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_words_re", _words_regex(self.words))

    def match(self, el: HtmlElement, signature: str, facts: PageFacts) -> Match | None:
        reason = None
        if el.tag in self.tags:
            reason = f"<{el.tag}> element"
        elif self.roles and el.get("role") in self.roles:
            reason = f"role={el.get('role')}"
        elif signature and self._words_re is not None:
            found = self._words_re.search(signature)
            if found:
                reason = f"class/id word '{found.group().strip()}'"
        if reason is None:
            return None
        return Match((el,), reason)


def _too_central(el: HtmlElement, facts: PageFacts, max_share: float) -> bool:
    """True when `el` holds so much low-link prose that it must be the article, not a widget."""
    if max_share >= 1.0 or facts.body_chars == 0:
        return False
    chars = visible_len(el.text_content())
    if chars < max_share * facts.body_chars:
        return False
    return link_chars(el) < 0.5 * chars


_SKIP_TAGS = frozenset({"html", "body"})


def apply_rules(body: HtmlElement, rules: Sequence[Rule], facts: PageFacts) -> list[Removal]:
    """Remove every element some rule matches; return what was removed, in document order.

    One walk over the elements; an element inside an already matched subtree is not asked
    again.  Protected elements and elements too central to be boilerplate are kept.
    """
    matched: list[tuple[Match, Rule]] = []
    claimed: set[HtmlElement] = set()
    for el in body.iter():
        if el.tag in _SKIP_TAGS or not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if parent in claimed:
            claimed.add(el)
            continue
        if el in facts.protected:
            continue
        signature = attribute_signature(el)
        for rule in rules:
            m = rule.match(el, signature, facts)
            if m is None or any(t in facts.protected or t in claimed for t in m.targets):
                continue
            max_share = getattr(rule, "max_share", 0.4)
            if any(_too_central(t, facts, max_share) for t in m.targets):
                continue
            matched.extend((t, m.reason, rule.name) for t in m.targets)
            claimed.update(m.targets)
            if el in claimed:
                break
    return _remove(matched, claimed)


def _remove(matched: list[tuple[HtmlElement, str, str]], claimed: set[HtmlElement]) -> list[Removal]:
    removals: list[Removal] = []
    for target, reason, rule_name in matched:
        if any(anc in claimed for anc in target.iterancestors()):
            continue  # an ancestor goes anyway; report the outermost removal only
        text = target.text_content()
        removals.append(Removal(rule_name, reason, excerpt(text), element_path(target)))
    for target, _, _ in matched:
        if target.getparent() is not None:
            target.drop_tree()
    return removals
