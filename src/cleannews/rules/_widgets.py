"""Rules that recognise boilerplate by its visible text rather than its markup.

`TitledWidget`: a short heading ('アクセスランキング', 'Most read', '相关阅读') over a block
that is mostly links.  The rule climbs from the heading to the largest ancestor that is
still mostly links, or, when the heading sits inside the article itself, takes the heading
and the link lists that follow it.  `TextBlock`: a short element whose whole text says what
it is ('コメント 12件', 'この記事は有料会員限定です'), widened to its small container.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from lxml.html import HtmlElement

from ..text import visible_len
from ._base import HEADING_TAGS, SHORT_BLOCK_TAGS, SHORT_HEADING_TAGS, ElementView, Match, PageFacts, is_heading_like

__all__ = ["TextBlock", "TextIndex", "TitledWidget", "block_children", "has_own_text", "link_on_own_line", "reads_block", "title_text"]

MAX_HEADING_CHARS = 30
# A follow_all title whose text stands this often on the page labels each item of a list
# (a 'Comment' link under every post of a blog front); a thread has one title.
MIN_ITEM_LABELS = 3


def _phrase_regex(phrases: Sequence[str], exact: bool, anchored: bool = False,
                  whole: Sequence[str] = ()) -> re.Pattern[str]:
    """Latin phrases must open the heading as whole words ('Related', not 'Unrelated');
    phrases in scripts without spaces may stand anywhere in it ('[IT・テック] ランキング'),
    unless `anchored`: a rule that takes everything after its heading must not fire on an
    in-body subheading that merely ends with its word ('市長のコメント').  `whole` phrases
    must be the heading's whole text, a count aside ('Opinie (36)', not 'Opinie ekspertów')."""
    latin = "|".join(re.escape(p) for p in phrases if p.isascii())
    other = "|".join(re.escape(p) for p in phrases if not p.isascii())
    if exact:
        return re.compile(rf"^\W*(?:{'|'.join(filter(None, (latin, other)))})\W*$", re.IGNORECASE)
    parts = [rf"^\W*(?:{latin})\b"] if latin else []
    if other:
        parts.append(rf"^\W*(?:{other})" if anchored else f"(?:{other})")
    if whole:
        parts.append(rf"^\W*(?:{'|'.join(re.escape(p) for p in whole)})\W*(?:\d+\W*)?$")
    return re.compile("|".join(parts), re.IGNORECASE)


def title_text(view: ElementView, facts: PageFacts) -> str | None:
    """The text of a heading-like element when it is short enough to title a widget
    (`MAX_HEADING_CHARS` visible characters), else None.  A leaf's own text bounds its size,
    so a short leaf is never measured."""
    el = view.el
    if (len(el) or len(el.text or "") > MAX_HEADING_CHARS * 2) and facts.measure.chars(el) > MAX_HEADING_CHARS * 2:
        return None
    text = view.text
    return text if 0 < visible_len(text) <= MAX_HEADING_CHARS else None


def reads_block(el: HtmlElement, tag: str | None = None, children: int | None = None) -> bool:
    """Whether the text-block rules read `el`: a short block with at most a few children, or
    an <h2>-<h6> holding one text node and no child element (a teaser's headline link in an
    <h3> is never read, which keeps the cost down on pages with hundreds of them).
    `tag`, `children`: its tag and number of children, when the caller has them."""
    if tag is None:
        tag = el.tag  # (an lxml tag read builds a new string: read once)
    return (len(el) if children is None else children) <= block_children(tag)


def block_children(tag: str) -> int:
    """The most children an element of `tag` may have for the text-block rules to read it
    (-1: never read)."""
    if tag in SHORT_HEADING_TAGS:
        return 0
    return 4 if tag in SHORT_BLOCK_TAGS else -1


def _links_away(heading: HtmlElement, facts: PageFacts) -> bool:
    """The heading's whole text is a link to another page (not a '#fragment' on this one): the
    entry of a menu or a teaser's headline, which names a section elsewhere.  A thread's title
    is plain text (or a jump link to the thread).  Cost: two cached sizes, one link lookup."""
    if facts.measure.link_chars(heading) < facts.measure.chars(heading):
        return False
    link = heading if heading.tag == "a" else next(heading.iter("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    return bool(href) and not href.startswith(("#", "javascript:"))


def _mostly_links(chars: int, links: int, slack: int) -> bool:
    """Text outside links is at most `slack` characters or under half of the text."""
    rest = chars - links
    return rest <= slack or links >= 0.5 * chars


@dataclass(frozen=True, eq=False)
class TitledWidget:
    """A widget recognised by its title: a heading matching `phrases` over a list of links.

    `exact=True` requires the heading to be the phrase alone (for 'PR', '広告', 'AD').
    `follow_all=True`: when the heading sits in prose, everything after it in its container
    goes too (comment threads are prose, not links).
    """

    name: str
    description: str
    phrases: Sequence[str]
    exact: bool = False
    follow_all: bool = False
    max_share: float = 0.5
    whole: Sequence[str] = ()  # phrases that must be the whole heading (a count aside), see `_phrase_regex`
    _re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrases", tuple(self.phrases))
        object.__setattr__(self, "whole", tuple(self.whole))
        object.__setattr__(self, "_re", _phrase_regex(self.phrases, self.exact, anchored=self.follow_all,
                                                      whole=self.whole))

    gate = "heading"  # asked only about heading-like elements and lone short labels

    def names(self, heading_text: str) -> bool:
        """`heading_text` is one of this widget's titles ('Comments (12)', 'Opinie').  Cost: one
        regex search."""
        return self._re.search(heading_text.strip()) is not None

    def applies(self, facts: PageFacts) -> bool:
        return True

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        if is_heading_like(el, view.signature):
            text = title_text(view, facts)
            if text is None:
                return None
        elif self.exact and len(el) == 0 and el.text and len(el.text) <= MAX_HEADING_CHARS:
            text = el.text  # a lone label such as <span>PR</span>: no text read needed
        else:
            return None
        chars = visible_len(text)
        if chars == 0 or chars > MAX_HEADING_CHARS or not self._re.search(text.strip()):
            return None
        if self.follow_all and _links_away(el, facts):
            return None  # a menu entry ('評論訪談' over its sub-menu), not a thread's title
        reason = f"heading '{' '.join(text.split())}'"
        container, wrapper = self._widget_container(el, chars, facts)
        if container is not el:
            return Match((container,), reason + " over a block of links")
        if self.follow_all and facts.label_count(el, text) >= MIN_ITEM_LABELS:
            return None  # a label under every post of a front ('Comment'), not a thread's title
        followers = self._followers(wrapper, facts)
        if not followers:
            # A lone 'PR' or '広告' label is noise by itself (its ad is usually a script).
            return Match((wrapper,), reason + " (a label alone)") if self.exact else None
        return Match((wrapper, *followers), reason + f" and {len(followers)} block(s) after it")

    def _widget_container(self, heading: HtmlElement, heading_chars: int, facts: PageFacts
                          ) -> tuple[HtmlElement, HtmlElement]:
        """(the largest ancestor made of the heading plus links, or the heading if none is;
        the largest ancestor holding only the heading, e.g. <div class="hd"><h2>…</h2></div>)."""
        node = container = wrapper = heading
        limit = self.max_share * facts.body_chars
        while True:
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html") or parent in facts.protected:
                break
            chars = facts.measure.chars(parent)
            if chars > limit and chars > 200:
                break
            links = facts.measure.link_chars(parent)
            rest = chars - heading_chars
            if links == 0 and rest <= 2 and container is heading:
                node = wrapper = parent  # holds nothing but the heading
                continue
            if links == 0 or not _mostly_links(rest, links, slack=20):
                break
            node = container = parent
        return container, wrapper

    def _followers(self, heading: HtmlElement, facts: PageFacts) -> list[HtmlElement]:
        """Siblings after the heading that belong to its widget (stops at prose or a heading)."""
        out: list[HtmlElement] = []
        for sib in heading.itersiblings():
            if not isinstance(sib.tag, str) or sib.tag in HEADING_TAGS:
                break
            if not self.follow_all:
                chars = facts.measure.chars(sib)
                if chars and not _mostly_links(chars, facts.measure.link_chars(sib), slack=10):
                    break
            out.append(sib)
        return out


@dataclass(frozen=True, eq=False)
class TextBlock:
    """A short element whose whole text matches `patterns`, widened to its small container.

    `keys` are plain substrings, one of which any match must contain: an element whose text
    holds none of them is not searched with the patterns.  A key that starts with a Latin
    letter must start a word of the text (name 'weiterlesen' as well as 'lesen').  Only elements with at most a few
    children are read.
    """

    name: str
    description: str
    patterns: Sequence[str]
    max_chars: int = 200
    keys: Sequence[str] = ()
    max_share: float = 0.3
    headings: bool = True  # also asked about <h2>-<h6> (a credit line is never a heading)
    _re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "patterns", tuple(self.patterns))
        object.__setattr__(self, "_re", re.compile("|".join(f"(?:{p})" for p in self.patterns), re.IGNORECASE))
        object.__setattr__(self, "keys", tuple(k.casefold() for k in self.keys))

    gate = "short_block"  # asked only about small block elements

    def applies(self, facts: PageFacts) -> bool:
        return True

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        if not reads_block(el) or (not self.headings and el.tag in SHORT_HEADING_TAGS):
            return None
        flat = " ".join(view.text.split())
        if not flat or len(flat) > self.max_chars:
            return None
        found = self._re.search(flat)
        return self.widen(view, facts, found.group()) if found else None

    def widen(self, view: ElementView, facts: PageFacts, found: str) -> Match:
        """The match for `view`, widened to the container holding only this prompt and links."""
        target = view.el
        chars = visible_len(view.text)
        while True:
            parent = target.getparent()
            if parent is None or parent.tag in ("body", "html") or parent in facts.protected:
                break
            pchars = facts.measure.chars(parent)
            if pchars > self.max_chars * 1.5 or (
                    pchars - chars > 40 and not _mostly_links(pchars - chars, facts.measure.link_chars(parent), 40)):
                break
            target = parent
        return Match((target,), f"text '{found}'")


def has_own_text(text: str | None, children: Iterable[HtmlElement]) -> bool:
    """Non-blank text directly inside an element: its own `text` or the tail of one of its
    `children` (a wrapper of blocks has none).  Cost: O(children)."""
    if text and not text.isspace():
        return True
    for child in children:
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


# The first three letters of every word (a word starts after a non-word character, so
# '(photo' and 'x-photo' offer 'pho'); found in C, intersected with the keys' heads.  A match
# takes its whole word (the scan then never stands inside a word of 3+ letters): the same
# heads as '(?<!\w)\w{3}' for a sixth less, without a look-behind at every character.
_WORD_HEAD_RE = re.compile(r"(\w{3})\w*")
_MEMO_LIMIT = 5_000  # texts whose candidate rules are remembered (then forgotten at once)
# In ASCII text the word characters are letters, digits and '_' (as for the regex's \w): the
# others become spaces, the words come from bytes.split (both in C, a byte at a time).
_ASCII_WORDS = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))
_HEAD = itemgetter(slice(3))


def _ascii_word_heads(text: str) -> Iterator[bytes]:
    """`_WORD_HEAD_RE`'s heads of an ASCII `text`, as bytes (a shorter word gives itself)."""
    return map(_HEAD, text.encode("ascii").translate(_ASCII_WORDS).split())


class TextIndex:
    """Several `TextBlock`s asked together about each small block.

    Each rule's `keys` say which literal strings its patterns need.  A block is searched only
    with the patterns of the rules whose keys it holds: Latin keys are looked up by the first
    three letters of each word (one regex pass and a set intersection) and then tested as
    substrings, the others (CJK, '=') are found by one alternation.
    The patterns themselves, slow alternations, run on a few blocks per page.
    """

    gate = "short_block"

    def __init__(self, rules: Sequence[TextBlock]) -> None:
        self.rules = tuple(rules)
        self.name = "text"
        self.max_share = min(r.max_share for r in rules)
        self.max_chars = max(r.max_chars for r in rules)
        self._by_head: dict[str, list[tuple[str, int]]] = {}  # 'com' -> [('commission', rule), ...]
        self._by_key: dict[str, set[int]] = {}
        for i, rule in enumerate(self.rules):
            for key in rule.keys:
                if key[:1].isascii() and key[:1].isalpha():
                    self._by_head.setdefault(key[:3], []).append((key, i))
                else:
                    self._by_key.setdefault(key, set()).add(i)
        self._heads = frozenset(self._by_head)
        # The same for ASCII texts, by the heads' bytes (3-letter heads only, as the regex finds).
        self._by_ascii_head = {h.encode(): keys for h, keys in self._by_head.items() if len(h) == 3 and h.isascii()}
        self._ascii_heads = frozenset(self._by_ascii_head)
        others = sorted((k for k in self._by_key if not k.isascii()), key=len, reverse=True)
        self._other_re = re.compile("|".join(re.escape(k) for k in others)) if others else None
        self._ascii_symbols = tuple(k for k in self._by_key if k.isascii())  # '(c)', '=': plain substring tests
        self._memo: dict[str, tuple[int, ...]] = {}

    def _candidates(self, folded: str) -> tuple[int, ...]:
        """Indexes of the rules one of whose keys `folded` holds (a Latin key at a word start),
        in rule order.  Cached per text: menus, labels and bylines repeat within and across
        pages (shared by threads like `_AttributeIndex`'s cache: a lost write costs a recount)."""
        found = self._memo.get(folded)
        if found is None:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[folded] = tuple(sorted(self._keys_in(folded)))
        return found

    def _keys_in(self, folded: str) -> set[int]:
        found: set[int] = set()
        if folded.isascii():  # (three quarters of the texts; a third cheaper than the regex)
            by_head: dict[Any, list[tuple[str, int]]] = self._by_ascii_head
            heads: Iterable[Any] = self._ascii_heads.intersection(_ascii_word_heads(folded))
        else:
            by_head = self._by_head
            heads = self._heads.intersection(_WORD_HEAD_RE.findall(folded))
        for head in heads:
            for key, i in by_head[head]:  # the head only narrows the keys down: 'pro' of 'provide'
                if i not in found and key in folded:
                    found.add(i)
        for key in self._ascii_symbols:
            if key in folded:
                found |= self._by_key[key]
        if self._other_re is not None and not folded.isascii():
            for key in self._other_re.findall(folded):
                found |= self._by_key[key]
        return found

    def match_text(self, view: ElementView, facts: PageFacts) -> tuple[TextBlock, Match] | None:
        """The first text rule (in rule order) matching `view`, with its (widened) match; for an
        element the caller found to hold text of its own (`has_own_text`)."""
        text = view.text
        if len(text) > self.max_chars * 4:
            return None
        flat = " ".join(text.split())
        if not flat or len(flat) > self.max_chars:
            return None
        heading = view.tag in HEADING_TAGS
        for i in self._candidates(flat.casefold()):
            rule = self.rules[i]
            if len(flat) <= rule.max_chars and (rule.headings or not heading):
                found = rule._re.search(flat)
                if found is not None:
                    return rule, rule.widen(view, facts, found.group())
        return None


_SENTENCE_END = ("。", "！", "？", "!", "?", ".", "」")
_LINE_SPACE = " \t\u3000"


def link_on_own_line(el: HtmlElement, *, after_sentence: bool = False) -> bool:
    """A link (``<a href>``) on a line of its own inside its parent: after a line break
    (``<br>``, or a newline of a pre-wrapped text) or nothing, and before one or nothing but
    space.  `after_sentence`: a sentence's end before it counts as a line start too.
    Cost: a look at the neighbouring text."""
    if el.tag != "a" or el.get("href") is None:
        return False
    parent = el.getparent()
    if parent is None:
        return False
    prev = el.getprevious()
    before = (prev.tail if prev is not None else parent.text) or ""
    if not before.strip():
        starts = prev is None or prev.tag == "br"
    else:
        starts = before.rstrip(_LINE_SPACE).endswith("\n") or (after_sentence and before.rstrip().endswith(_SENTENCE_END))
    if not starts:
        return False
    after = el.tail or ""
    if after.strip():
        return after.lstrip(_LINE_SPACE).startswith("\n")
    nxt = el.getnext()
    return nxt is None or nxt.tag == "br" or not any(
        (sib.text or "").strip() or (sib.tail or "").strip() or len(sib) for sib in el.itersiblings())
