"""Rules that recognise boilerplate by its visible text rather than its markup.

`TitledWidget`: a short heading ('アクセスランキング', 'Most read', '相关阅读') over a block
that is mostly links.  The rule climbs from the heading to the largest ancestor that is
still mostly links, or, when the heading sits inside the article itself, takes the heading
and the link lists that follow it.  `TextBlock`: a short element whose whole text says what
it is ('コメント 12件', 'この記事は有料会員限定です'), widened to its small container.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ..text import visible_len
from ._base import ElementView, Match, PageFacts

__all__ = ["HEADING_TAGS", "TextBlock", "TitledWidget", "is_heading_like"]

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Class/id words that mark a non-<hN> element as a heading ('c-hd', 'ttl', 'section-title').
_HEADING_WORDS = re.compile(r" (?:title|ttl|heading|head|hd|hdr|header|headline|label|caption|tit) ")
_HEADING_PARTS = frozenset({"div", "span", "p", "dt", "strong", "b", "header", "summary", "a", "em"})
MAX_HEADING_CHARS = 30


def is_heading_like(el: HtmlElement, signature: str) -> bool:
    """An `<hN>`, or a short element whose class/id calls it a title or heading."""
    if el.tag in HEADING_TAGS:
        return True
    return el.tag in _HEADING_PARTS and bool(signature) and bool(_HEADING_WORDS.search(signature))


def _phrase_regex(phrases: Sequence[str], exact: bool) -> re.Pattern[str]:
    """Latin phrases must open the heading as whole words ('Related', not 'Unrelated');
    phrases in scripts without spaces may stand anywhere in it ('[IT・テック] ランキング')."""
    latin = "|".join(re.escape(p) for p in phrases if p.isascii())
    other = "|".join(re.escape(p) for p in phrases if not p.isascii())
    if exact:
        return re.compile(rf"^\W*(?:{'|'.join(filter(None, (latin, other)))})\W*$", re.IGNORECASE)
    parts = [rf"^\W*(?:{latin})\b"] if latin else []
    if other:
        parts.append(f"(?:{other})")
    return re.compile("|".join(parts), re.IGNORECASE)


def _mostly_links(chars: int, links: int, slack: int) -> bool:
    """Text outside links is at most `slack` characters or under half of the text."""
    rest = chars - links
    return rest <= slack or links >= 0.5 * chars


@dataclass(frozen=True)
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
    _re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrases", tuple(self.phrases))
        object.__setattr__(self, "_re", _phrase_regex(self.phrases, self.exact))

    def applies(self, facts: PageFacts) -> bool:
        return True

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        if is_heading_like(el, view.signature):
            if facts.measure.chars(el) > MAX_HEADING_CHARS * 2:
                return None
            text = view.text
        elif self.exact and len(el) == 0 and el.text and len(el.text) <= MAX_HEADING_CHARS:
            text = el.text  # a lone label such as <span>PR</span>: no text read needed
        else:
            return None
        chars = visible_len(text)
        if chars == 0 or chars > MAX_HEADING_CHARS or not self._re.search(text.strip()):
            return None
        reason = f"heading '{' '.join(text.split())}'"
        container = self._widget_container(el, chars, facts)
        if container is not el:
            return Match((container,), reason + " over a block of links")
        followers = self._followers(el, facts)
        if not followers:
            return None
        return Match((el, *followers), reason + f" and {len(followers)} block(s) after it")

    def _widget_container(self, heading: HtmlElement, heading_chars: int, facts: PageFacts) -> HtmlElement:
        """The largest ancestor made of the heading plus links (the heading if none is)."""
        node = heading
        limit = self.max_share * facts.body_chars
        while True:
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html") or parent in facts.protected:
                return node
            chars = facts.measure.chars(parent)
            if chars > limit and chars > 200:
                return node
            links = facts.measure.link_chars(parent)
            if not _mostly_links(chars - heading_chars, links, slack=20):
                return node
            node = parent

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


_BLOCKISH = frozenset({"p", "div", "span", "li", "section", "aside", "dd", "td", "a", "small", "strong", "b", "em", "font"})


@dataclass(frozen=True)
class TextBlock:
    """A short element whose whole text matches `patterns`, widened to its small container.

    `keys` are plain substrings, one of which any match must contain: a page whose text holds
    none of them is skipped without a walk.  Only elements with at most a few children are read.
    """

    name: str
    description: str
    patterns: Sequence[str]
    max_chars: int = 200
    keys: Sequence[str] = ()
    max_share: float = 0.3
    _re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "patterns", tuple(self.patterns))
        object.__setattr__(self, "_re", re.compile("|".join(f"(?:{p})" for p in self.patterns), re.IGNORECASE))
        object.__setattr__(self, "keys", tuple(k.casefold() for k in self.keys))

    def applies(self, facts: PageFacts) -> bool:
        """Only pages whose text holds one of the `keys` are walked (substring tests, no regex)."""
        text = facts.folded_text
        return any(k in text for k in self.keys)

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        if el.tag not in _BLOCKISH or len(el) > 4 or facts.measure.chars(el) > self.max_chars * 2:
            return None
        text = view.text
        chars = visible_len(text)
        if chars == 0 or chars > self.max_chars:
            return None
        found = self._re.search(" ".join(text.split()))
        if not found:
            return None
        target = el
        while True:  # widen to the container that holds nothing but this prompt and its links
            parent = target.getparent()
            if parent is None or parent.tag in ("body", "html") or parent in facts.protected:
                break
            pchars = facts.measure.chars(parent)
            if pchars > self.max_chars * 1.5 or (
                    pchars - chars > 40 and not _mostly_links(pchars - chars, facts.measure.link_chars(parent), 40)):
                break
            target = parent
        return Match((target,), f"text '{found.group()}'")
