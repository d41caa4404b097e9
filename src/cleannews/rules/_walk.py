"""The walk that applies the boilerplate rules to a page, once.

Attribute rules are merged into one index (dictionary lookups per class word, cached per
tag/class/role shape); the text rules are asked only about the elements they can match
(heading-like elements, lone labels, small blocks with their own text).  What matched is
removed afterwards, outermost first, with a `Removal` for each.

Cost: one pass over the elements outside already claimed subtrees and inside paragraphs of
prose; text is read only for the few elements a text rule may match, and for what matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from lxml.html import HtmlElement

from ..article import Removal
from ..text import excerpt
from ._base import (
    CLASS_RULE_TAGS,
    HEADING_WORDS,
    MAX_LABEL_CHARS,
    AttributeRule,
    ElementView,
    Match,
    PageFacts,
    Rule,
    _signature,
    drop_element,
    element_path,
    heading_shape,
    label_key,
    spaced_text,
)
from ._widgets import block_children, has_own_text, link_on_own_line, title_text

__all__ = ["apply_rules"]


_MISS = object()
_NO_ATTRIBUTES: dict[str, str] = {}  # (never written to)
_MEMO_LIMIT = 50_000


class _AttributeIndex:
    """Several `AttributeRule`s answered with dictionary lookups per class word (first rule wins).

    Cost per element: one split of its signature and two or three dict lookups per word,
    instead of one regex search per rule.
    """

    def __init__(self, rules: Sequence[AttributeRule]) -> None:
        self.rules = tuple(rules)
        self.by_tag: dict[str, int] = {}
        self.by_role: dict[str, int] = {}
        self.exact: dict[str, int] = {}
        self.prefixes: dict[str, list[tuple[str, int]]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}  # first word -> (words, rule)
        # Signature word -> `_word_rule`.  Shared by threads: dict reads and writes are atomic
        # in CPython and a lost write only costs a recomputation.
        self._words: dict[str, int | None] = {}
        for i, rule in enumerate(self.rules):
            for tag in rule.tags:
                self.by_tag.setdefault(tag, i)
            for role in rule.roles:
                self.by_role.setdefault(role, i)
            for word in rule.words:
                self._add_word(word, i)

    def _add_word(self, word: str, i: int) -> None:
        head_only = word.startswith("^")
        word = word.lstrip("^")
        if " " in word:  # consecutive words, e.g. 'site search', 'about the author'
            words = tuple(word.split())
            self.phrases.setdefault(words[0], []).append((words, i))
        elif word.endswith("*"):
            stem = word[:-1]
            keys = ["^" + stem] if head_only else ["^" + stem, stem]
            for key in keys:
                self.prefixes.setdefault(key[:3], []).append((key, i))
        else:
            self.exact.setdefault("^" + word, i)
            if not head_only:
                self.exact.setdefault(word, i)

    def _word_rule(self, token: str) -> int | None:
        """The first rule naming the signature word `token` (cached per word: words repeat
        across pages, the signatures with unique ids that hold them do not)."""
        found = self._words.get(token, _MISS)
        if found is _MISS:
            if len(self._words) > _MEMO_LIMIT:
                self._words.clear()
            found = self._words[token] = self._find_word_rule(token)
        return found  # type: ignore[return-value]

    def _find_word_rule(self, token: str) -> int | None:
        best = self.exact.get(token)
        for prefix, i in self.prefixes.get(token[:3], ()):
            if token.startswith(prefix) and (best is None or i < best):
                best = i
        return best

    def match(self, view: ElementView) -> tuple[AttributeRule, str] | None:
        """`find` for an element's view (uncached; the walk caches per shape)."""
        return self.find(view.el.tag, view.signature, view.get("role"))

    def find(self, tag: str, signature: str, role: str | None) -> tuple[AttributeRule, str] | None:
        """The first rule matching an element's tag, role or class/id words, and why (callers
        cache the answer per element shape: see `_Shapes`)."""
        best: tuple[int, str] | None = None
        i = self.by_tag.get(tag)
        if i is not None:
            best = (i, f"<{tag}> element")
        if role and role in self.by_role and (best is None or self.by_role[role] < best[0]):
            best = (self.by_role[role], f"role={role}")
        if signature and tag in CLASS_RULE_TAGS:
            tokens = signature.split()
            words = [t.lstrip("^") for t in tokens]
            for n, token in enumerate(tokens):
                i = self._word_rule(token)
                if i is not None and (best is None or i < best[0]):
                    best = (i, f"class/id word '{words[n]}'")
                for phrase, i in self.phrases.get(words[n], ()):
                    if tuple(words[n:n + len(phrase)]) == phrase and (best is None or i < best[0]):
                        best = (i, f"class/id words '{' '.join(phrase)}'")
        if best is None:
            return None
        return self.rules[best[0]], best[1]


class _Shape(NamedTuple):
    """The walk's page-independent answers for one shape of element: tag, class, id and role."""

    signature: str
    # The rules asked about every element (`_Gated.every`) that may match such an element, each
    # with the attribute names one of which the element must have for it to be asked (None: asked).
    asks: tuple[tuple[Rule, frozenset[str] | None], ...]
    hit: tuple[AttributeRule, str] | None  # the attribute rule matching it, and why
    heading_like: bool  # see `is_heading_like`
    block_children: int  # see `block_children`


class _Shapes:
    """`_Shape`s cached per (tag, class, id, role): one dictionary lookup per element instead
    of a signature, an index lookup, a heading test and each rule's own shape test.
    Shared by threads like `_AttributeIndex`'s memo."""

    def __init__(self, index: _AttributeIndex, gated: _Gated) -> None:
        self.index = index
        self.gated = gated
        self._gates = [(r, getattr(r, "shape_gate", None), getattr(r, "gate_attributes", None)) for r in gated.every]
        self._memo: dict[tuple[str, str | None, str | None, str | None], _Shape] = {}
        # Signature words that nothing reads: no index word or phrase, no heading word, no word
        # of a gate's `shape_words`.  None when some gate reads any word (no fast path).
        gate_words = [getattr(r, "shape_words", None) for r, gate, _ in self._gates if gate is not None]
        self._read_words = None if None in gate_words else HEADING_WORDS.union(index.phrases, *gate_words)
        self._plain: set[str] = set()

    def get(self, tag: str, classes: str | None, ident: str | None, role: str | None) -> _Shape:
        key = (tag, classes, ident, role)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[key] = self._shape(tag, classes, ident, role)
        return found

    def _shape(self, tag: str, classes: str | None, ident: str | None, role: str | None) -> _Shape:
        signature = _signature(classes or "", ident or "") if classes or ident else ""
        read = signature if signature and not self._all_plain(signature.split()) else ""
        asks = []
        for rule, shape_gate, names in self._gates:
            if shape_gate is None or shape_gate(tag, classes, read):
                asks.append((rule, None))
            elif names:
                asks.append((rule, names))
        # (the index's own memo is skipped: a shape is asked once, and its signature seldom again)
        return _Shape(signature, tuple(asks), self.index.find(tag, read, role), heading_shape(tag, read),
                      block_children(tag))

    def _all_plain(self, tokens: list[str]) -> bool:
        """Whether no rule, heading test or gate reads any of the signature words `tokens`:
        then the shape is answered as for an element without class or id (its tag and role
        decide).  Cost: one set test; a few dict lookups per word not seen before."""
        plain = self._plain
        if plain.issuperset(tokens):
            return True
        read = self._read_words
        if read is None:
            return False
        if len(plain) > _MEMO_LIMIT:
            plain.clear()
        found = True
        for token in tokens:
            if token not in plain:
                if self.index._word_rule(token) is None and token.lstrip("^") not in read:
                    plain.add(token)
                else:
                    found = False
        return found


@lru_cache(maxsize=64)
def _shapes_for(index: _AttributeIndex, gated: _Gated) -> _Shapes:
    return _Shapes(index, gated)


@lru_cache(maxsize=64)
def _index_for(rules: tuple[Rule, ...]) -> tuple[_AttributeIndex, tuple[Rule, ...]]:
    """Split an ordered rule list into one attribute index and the remaining rules (cached)."""
    attribute_rules = [r for r in rules if isinstance(r, AttributeRule)]
    others = tuple(r for r in rules if not isinstance(r, AttributeRule))
    return _AttributeIndex(attribute_rules), others


def _too_central(el: HtmlElement, facts: PageFacts, max_share: float) -> bool:
    """True when `el` holds so much low-link prose that it must be the article, not a widget."""
    if max_share >= 1.0 or facts.body_chars == 0:
        return False
    chars = facts.measure.chars(el)
    if chars < max_share * facts.body_chars:
        return False
    return facts.measure.link_chars(el) < 0.5 * chars


# Rules whose matches are reader threads: a thread may hold more prose than the article, and
# is still no article when the page's prose center (protected, so outside the match) stands apart.
_THREAD_RULES = frozenset({"comments"})


def _kept_as_prose(el: HtmlElement, facts: PageFacts, rule_name: str, max_share: float) -> bool:
    """`_too_central`, except for a reader thread on a page whose prose center lies elsewhere."""
    if rule_name in _THREAD_RULES and facts.prose_center is not None:
        return False
    return _too_central(el, facts, max_share)


def apply_rules(body: HtmlElement, rules: Sequence[Rule], facts: PageFacts, *,
                detached: list[tuple[str, HtmlElement]] | None = None) -> list[Removal]:
    """Remove every element some rule matches; return what was removed, in document order.

    One walk over the elements; an element inside an already matched subtree is not asked
    again.  Protected elements and elements too central to be boilerplate are kept.
    `detached`: when given, receives ``(rule name, element)`` for every reported removal
    (the subtree stays readable after it left the page), e.g. to collect reader comments.
    """
    index, others = _index_for(tuple(rules))
    gated = _gate_groups(tuple(r for r in others if r.applies(facts)))
    shapes = _shapes_for(index, gated)
    matched: list[tuple[HtmlElement, str, str]] = []
    claimed: set[HtmlElement] = set()
    protected = facts.protected
    stack = list(reversed(body))  # depth-first, document order; a claimed subtree is skipped whole
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _VOID_TAGS or el in claimed:
            continue
        children = list(el) if len(el) else _NO_CHILDREN  # (read once: each read builds the proxies)
        if el in protected:
            if _claim_hidden(el, gated, facts, matched, claimed):  # a marker cannot shield hidden text
                continue
        elif _claim(el, tag, children, shapes, facts, matched, claimed):
            continue
        if children:
            if tag not in _OPAQUE_TAGS or facts.measure.chars(el) < OPAQUE_MIN_CHARS:
                stack.extend(reversed(children))
            else:  # a paragraph of prose: only a block nested in it (a teaser card, a box) is asked,
                # or a link on a line of its own (a teaser between the pre-wrapped lines of a portal's story)
                stack.extend(c for c in reversed(children) if c.tag in _NESTED_BLOCK_TAGS or link_on_own_line(c))
    return _remove(matched, claimed, detached)


_NO_CHILDREN: list[HtmlElement] = []  # (never appended to)


# Elements with no content to judge are skipped; so is the inside of a paragraph of prose,
# whose inline children (links, emphasis) are part of its sentences.  (Hidden inline
# elements there are dropped when the body is rendered.)
_VOID_TAGS = frozenset({"br", "img", "hr", "wbr", "source", "track", "area", "col", "picture"})
_OPAQUE_TAGS = frozenset({"p", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6"})
OPAQUE_MIN_CHARS = 120
# Blocks that a broken page nests inside a <p> (the parser keeps them there): not part of its sentences.
_NESTED_BLOCK_TAGS = frozenset({"div", "section", "aside", "figure", "ul", "ol", "table", "form", "nav", "footer"})


@dataclass(frozen=True)
class _Gated:
    """The page's text rules, grouped by which elements they are worth asking about."""

    # Asked about every element, unless their `shape_gate(tag, classes, signature)` is False for
    # its shape and it has none of their `gate_attributes` (optional; see `_Shape`).
    every: tuple[Rule, ...]
    headings: tuple[Rule, ...]
    labels: tuple[Rule, ...]  # the heading rules that also read lone short labels
    label_words: frozenset[str]  # what such a label may say, see `label_key`
    blocks: Any  # a TextIndex over the small-block rules, or None
    heading_re: re.Pattern[str] | None  # any heading rule's phrase (None: ask them all)


@lru_cache(maxsize=64)
def _gate_groups(rules: tuple[Rule, ...]) -> _Gated:
    """The groups of `rules` (cached: the same rules come back for every page)."""
    blocks = tuple(r for r in rules if getattr(r, "gate", "element") == "short_block")
    index = _text_index(blocks) if blocks else None
    every = tuple(r for r in rules if getattr(r, "gate", "element") == "element")
    return _Gated(
        every=every,
        headings=tuple(r for r in rules if getattr(r, "gate", "element") == "heading"),
        labels=tuple(r for r in rules if getattr(r, "gate", "element") == "heading" and getattr(r, "exact", False)),
        label_words=frozenset(label_key(p) for r in rules if getattr(r, "exact", False) for p in r.phrases),
        blocks=index,
        heading_re=_any_heading(tuple(r for r in rules if getattr(r, "gate", "element") == "heading")),
    )


@lru_cache(maxsize=64)
def _any_heading(rules: tuple[Rule, ...]) -> re.Pattern[str] | None:
    """One search for what used to be one per heading rule: the union of their phrase patterns."""
    patterns = [getattr(r, "_re", None) for r in rules]
    if not patterns or any(p is None or not p.flags & re.IGNORECASE for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _may_be_titled(view: ElementView, facts: PageFacts, heading_re: re.Pattern[str] | None) -> bool:
    """Whether a heading-like element could be some heading rule's title (the checks every
    `TitledWidget.match` opens with, done once): short, and saying one of their phrases."""
    if heading_re is None:
        return True
    text = title_text(view, facts)
    return text is not None and heading_re.search(text.strip()) is not None


@lru_cache(maxsize=64)
def _text_index(rules: tuple[Rule, ...]) -> Any:
    from ._widgets import TextIndex

    return TextIndex(rules)  # type: ignore[arg-type]


def _accept(m: Match | None, rule_name: str, max_share: float, el: HtmlElement, facts: PageFacts,
            matched: list[tuple[HtmlElement, str, str]], claimed: set[HtmlElement]) -> bool:
    """Record a rule's match unless it touches protected, claimed or central elements."""
    if m is None or any(t in facts.protected or t in claimed for t in m.targets):
        return False
    if any(_kept_as_prose(t, facts, rule_name, max_share) for t in m.targets):
        return False
    matched.extend((t, m.reason, rule_name) for t in m.targets)
    claimed.update(m.targets)
    return True




PROTECTED_HIDDEN_MIN_CHARS = 200


def _claim_hidden(el: HtmlElement, gated: _Gated, facts: PageFacts,
                  matched: list[tuple[HtmlElement, str, str]], claimed: set[HtmlElement]) -> bool:
    """Only the rules asked about every element (the hidden rule), for protected elements.

    A protected element holds the article's markers; when it is hidden ('<div class="root
    hide">', '<div hidden>' shown by a script once the page loads) the page hides its article
    only until then, and the element is kept.  Only a hidden marker that is not the article's
    container (a hidden duplicate headline, say) goes.
    """
    for rule in gated.every:
        m = rule.match(ElementView(el, ""), facts)
        if m is not None and m.targets == (el,) and facts.measure.chars(el) < PROTECTED_HIDDEN_MIN_CHARS:
            matched.append((el, m.reason, rule.name))
            claimed.add(el)
            return True
    return False


def _claim(el: HtmlElement, tag: str, children: list[HtmlElement], shapes: _Shapes, facts: PageFacts,
           matched: list[tuple[HtmlElement, str, str]], claimed: set[HtmlElement]) -> bool:
    """Ask the rules about `el` (its `tag` and `children` read by the walk); record what they
    claim.  True when `el` itself is claimed.  The attributes are read in one call, the own
    text at most once, and the view only for an element some rule reads."""
    items = el.items()
    if items:
        attrs = dict(items)
        shape = shapes.get(tag, attrs.get("class"), attrs.get("id"), attrs.get("role"))
    else:
        attrs = _NO_ATTRIBUTES
        shape = shapes.get(tag, None, None, None)
    own = el.text if not children else _UNREAD  # a leaf's own text is its whole text
    view = None
    for rule, names in shape.asks:  # the hidden rule first in DEFAULT_RULES
        if names is not None and names.isdisjoint(attrs):
            continue
        if view is None:
            view = _view(el, shape, attrs, tag, own)
        m = rule.match(view, facts)
        if m is not None and _accept(m, rule.name, rule.max_share, el, facts, matched, claimed):
            return el in claimed
    hit = shape.hit
    if hit is not None and hit[0].spares(el, facts):
        hit = None
    if hit is not None and not _kept_as_prose(el, facts, hit[0].name, hit[0].max_share):
        matched.append((el, hit[1], hit[0].name))
        claimed.add(el)
        return True
    gated = shapes.gated
    if gated.headings:
        rules: tuple[Rule, ...] = ()
        if shape.heading_like:
            view = view or _view(el, shape, attrs, tag, own)
            if _may_be_titled(view, facts, gated.heading_re):
                rules = gated.headings
        elif own is not _UNREAD and own and len(own) <= MAX_LABEL_CHARS and label_key(own) in gated.label_words:
            rules = gated.labels  # a lone short label such as <span>PR</span>
        for rule in rules:
            view = view or _view(el, shape, attrs, tag, own)
            m = rule.match(view, facts)
            if m is not None and _accept(m, rule.name, rule.max_share, el, facts, matched, claimed):
                return el in claimed
    if gated.blocks is not None and len(children) <= shape.block_children:
        if has_own_text(el.text if own is _UNREAD else own, children):  # else a wrapper: its children are asked
            found = gated.blocks.match_text(view or _view(el, shape, attrs, tag, own), facts)
            if found is not None:
                rule, m = found
                _accept(m, rule.name, rule.max_share, el, facts, matched, claimed)
    return el in claimed


def _view(el: HtmlElement, shape: _Shape, attrs: dict[str, str], tag: str, own: object) -> ElementView:
    """The rules' view of `el`; `own`: its own text if read (a leaf's is its whole text)."""
    leaf_text = None if own is _UNREAD else own or ""
    return ElementView(el, shape.signature, attrs, tag, leaf_text)  # type: ignore[arg-type]


_UNREAD = object()  # (an element's own text not read yet)


def _remove(matched: list[tuple[HtmlElement, str, str]], claimed: set[HtmlElement],
            detached: list[tuple[str, HtmlElement]] | None) -> list[Removal]:
    removals: list[Removal] = []
    for target, reason, rule_name in matched:
        if any(anc in claimed for anc in target.iterancestors()):
            continue  # an ancestor goes anyway; report the outermost removal only
        removals.append(Removal(rule_name, reason, excerpt(spaced_text(target)), element_path(target)))
        if detached is not None:
            detached.append((rule_name, target))
    for target, _, _ in matched:
        drop_element(target)
    return removals
