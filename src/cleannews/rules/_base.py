"""What every boilerplate rule is made of: element views, class/id signatures, matches,
page facts and `AttributeRule` (rules as data: tags, ARIA roles, class/id words).

The walk that applies the rules lives in `_walk.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from lxml import etree
from lxml.html import HtmlElement

from ..measure import Measure, element_text

__all__ = [
    "AttributeRule",
    "CLASS_RULE_TAGS",
    "ElementView",
    "HEADING_TAGS",
    "HEADING_WORDS",
    "MAX_LABEL_CHARS",
    "Match",
    "PageFacts",
    "Rule",
    "SHORT_BLOCK_TAGS",
    "SHORT_HEADING_TAGS",
    "attribute_signature",
    "drop_element",
    "element_path",
    "heading_shape",
    "is_heading_like",
    "label_key",
    "spaced_text",
]

# Punctuation that joins words inside class names ('share-bar', 'c_ad', 'u:hide', 'col.2').
_SEPARATOR_CHARS = "-_:./@#[]()!,;=+~*'\"%&|"
_SEPARATORS = str.maketrans({c: " " for c in _SEPARATOR_CHARS})
# The same for ASCII text as a bytes table (bytes.translate: a table lookup per byte, where
# str.translate looks each character up in the dict; ~1/10 of the instructions).
_ASCII_SEPARATORS = bytes.maketrans(_SEPARATOR_CHARS.encode(), b" " * len(_SEPARATOR_CHARS))
_TAXONOMY_CLASS_RE = re.compile(r"(?:tag|category|categories|cat)-")
_POST_CLASS_RE = re.compile(r"(?:^|\s)(?:hentry|type-\w+|post-\d+|postid-\d+|status-publish|format-\w+)(?:\s|$)")


def attribute_signature(el: HtmlElement) -> str:
    """Class and id words, lower-cased, space separated: 'share-bar mostRead' → ' ^share bar ^mostread '.

    Words split at '-', '_' (also doubled, as in BEM 'block__elem--mod') and spaces only: camelCase names stay whole ('highLightSearchTarget'
    is one word), so rules name their words as prefixes ('related*' for 'relatedArticles').
    '^' marks the first word of each class name.  Returns '' for elements with neither
    attribute.  Cost: two attribute reads; the rest is cached per distinct class/id pair.
    """
    attrs = el.attrib
    classes = attrs.get("class")
    ident = attrs.get("id")
    if not classes and not ident:
        return ""
    return _signature(classes or "", ident or "")


@lru_cache(maxsize=8192)
def _signature(classes: str, ident: str) -> str:
    if ("tag-" in classes or "category-" in classes) and _POST_CLASS_RE.search(classes):
        # WordPress lists a post's own tags and categories as classes of its container
        # ('post type-post tag-comments'); they say nothing about the container itself.
        classes = " ".join(c for c in classes.split() if not _TAXONOMY_CLASS_RE.match(c))
    names = (classes + " " + ident).lower().split()
    if not names:
        return ""
    # BEM names ('article__ad--top') leave two spaces between words: one is enough, so that
    # consecutive words ('ad slot') match in 'c-ad__slot' as in 'c-ad-slot'.
    signature = " ^" + " ^".join(names) + " "
    if signature.isascii():
        signature = signature.encode().translate(_ASCII_SEPARATORS).decode()
    else:
        signature = signature.translate(_SEPARATORS)
    return _DOUBLE_SPACE_RE.sub(" ", signature) if "  " in signature else signature  # (most have none)


_DOUBLE_SPACE_RE = re.compile(r"  +")


def spaced_text(el: HtmlElement, limit: int = 400) -> str:
    """About the first `limit` characters of the element's text, its text nodes joined by
    spaces so that 'Most read' and the first headline below it stay apart (for excerpts)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= limit:
            break
    return " ".join(parts)


def element_path(el: HtmlElement) -> str:
    """Where the element sits, e.g. 'body/div[2]/aside'.  Cost: one C call."""
    path = el.getroottree().getpath(el)
    return path[6:] if path.startswith("/html/") else path.lstrip("/")


def drop_element(el: HtmlElement) -> None:
    """Remove `el` and its subtree, keeping the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        try:
            _append_text(prev, parent, tail)
        except ValueError:  # lxml refuses control characters that libxml2 let through
            _append_text(prev, parent, _XML_INVALID_RE.sub("", tail))
    parent.remove(el)


_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _append_text(prev: HtmlElement | None, parent: HtmlElement, text: str) -> None:
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


@dataclass(frozen=True)
class PageFacts:
    """What the rules may know about the whole page; computed once per page.

    Attributes:
        body_chars: visible characters in `<body>` after non-content tags were stripped.
        protected: elements that contain the article's strongest markers (the headline, an
            `articleBody`, `<main>`); no rule may remove them.
        measure: cached element sizes for this page (see `cleannews.measure`).
        label_counts: memo of `label_count` (filled on demand, once per text per page).
        prose_center: the element whose paragraphs hold the most text outside reader comments
            (see `markers.prose_center`; protected), or None.
    """

    body_chars: int
    protected: frozenset[HtmlElement] = field(default_factory=frozenset)
    prose_center: HtmlElement | None = field(default=None, compare=False)
    measure: Measure = field(default_factory=Measure, compare=False)
    label_counts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def label_count(self, el: HtmlElement, text: str) -> int:
        """How many text nodes of `el`'s page read `text` (spaces normalised), counted the
        first time a text is asked about, before the rules removed anything after it: a
        'Comment' link under every post of a blog front repeats, a thread title does not.
        Cost: one C-level XPath over the page's text nodes per distinct text asked."""
        key = " ".join(text.split())
        found = self.label_counts.get(key)
        if found is None:
            found = self.label_counts[key] = int(_SAME_TEXT(el.getroottree().getroot(), t=key))
        return found


_SAME_TEXT = etree.XPath("count(//text()[normalize-space() = $t])")


class ElementView:
    """One element as the rules see it: its class/id signature and, read on demand, its text.

    `attrs`: the element's attributes as a dict, when the caller has read them all at once
    (the rule walk does: one C call instead of one per attribute a rule asks for); None
    means ask the element (`get`).  `tag`: the element's tag, `text`: its whole text, when the
    caller has read them.
    """

    __slots__ = ("el", "signature", "_text", "attrs", "tag")

    def __init__(self, el: HtmlElement, signature: str, attrs: dict[str, str] | None = None,
                 tag: str | None = None, text: str | None = None) -> None:
        self.el = el
        self.signature = signature
        self.attrs = attrs
        self.tag = el.tag if tag is None else tag  # (an lxml tag read builds a new string: read once)
        self._text = text

    def get(self, name: str) -> str | None:
        """The value of attribute `name` (as `el.get`)."""
        attrs = self.attrs
        return self.el.get(name) if attrs is None else attrs.get(name)

    @property
    def text(self) -> str:
        if self._text is None:
            el = self.el  # a leaf's text is its own text: no XPath call (~2 µs) needed
            self._text = (el.text or "") if len(el) == 0 else element_text(el)
        return self._text


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
    description: str
    max_share: float

    def applies(self, facts: PageFacts) -> bool: ...

    def match(self, view: ElementView, facts: PageFacts) -> Match | None: ...


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Class/id words that mark a non-<hN> element as a heading ('c-hd', 'ttl', 'section-title').
HEADING_WORDS = frozenset({"title", "ttl", "heading", "head", "hd", "hdr", "header", "headline", "label",
                            "caption", "tit"})
_HEADING_PARTS = frozenset({"div", "span", "p", "dt", "strong", "b", "header", "summary", "a", "em"})
SHORT_BLOCK_TAGS = frozenset({"p", "div", "span", "li", "section", "aside", "dd", "dt", "td", "a", "small",
                              "strong", "b", "em", "i", "font", "figcaption", "caption", "cite", "label"})
# Headings the text rules read too ('Wie bewerten Sie diesen Artikel?', 'Share this article'),
# when they hold one text node and no child element: the headline of a teaser (a link in an
# <h3>) is never read, which keeps the cost down on pages with hundreds of them.
SHORT_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MAX_LABEL_CHARS = 30
# See `AttributeRule.min_link_density`.
PROSE_MIN_CHARS = 200


def is_heading_like(el: HtmlElement, signature: str, tag: str | None = None) -> bool:
    """An `<hN>`, or a short element whose class/id calls it a title or heading.
    `tag`: the element's tag, when the caller has read it (an lxml tag read builds a string)."""
    return heading_shape(el.tag if tag is None else tag, signature)


def heading_shape(tag: str, signature: str) -> bool:
    """`is_heading_like` for an element's tag and class/id signature."""
    if tag in HEADING_TAGS:
        return True
    if tag not in _HEADING_PARTS or not signature:
        return False
    return _names_a_heading(signature)


@lru_cache(maxsize=8192)
def _names_a_heading(signature: str) -> bool:
    return any(w.lstrip("^") in HEADING_WORDS for w in signature.split())


def label_key(text: str) -> str:
    """A lone label's text, case-folded, without brackets and spaces: '[PR]' → 'pr'."""
    return text.strip(" \t\n\r\u3000[]【】()（）<>〈〉「」:：|").casefold()


# Class/id words are trusted on structural containers only: a `<p>` or `<span>` named
# 'search-target' is still a paragraph, while a `<div>` named 'search' is a widget.
CLASS_RULE_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "li", "dl", "dd", "dt", "table", "tbody",
                             "tr", "td", "header", "footer", "nav", "form", "figure", "ins", "iframe", "center",
                             "article", "details", "menu", "fieldset"})


def _word_pattern(words: Sequence[str]) -> str:
    """Alternation for whole signature words.

    'share*' matches as a prefix.  '^widget' matches only as the head word of a class name
    ('widget-area', not 'elementor-widget-text'): layout frameworks put such words in the
    middle of the classes of every element, content included.
    """
    alts = []
    for word in words:
        head = word.startswith("^")
        word = word.lstrip("^")
        pattern = re.escape(word[:-1]) + "[a-z0-9]*" if word.endswith("*") else re.escape(word)
        alts.append((r"\^" if head else r"\^?") + pattern.replace(r"\ ", r" \^?"))
    return "|".join(alts)


ARTICLE_BLOCK_MAX_LINK_DENSITY = 0.25


def _article_block(el: HtmlElement, facts: PageFacts, share: float) -> bool:
    """`el` is a block of the article: inside <main> or <article>, at least `share` of the
    page's text, under `ARTICLE_BLOCK_MAX_LINK_DENSITY` of it in links.  Cost: cached sizes,
    then a walk up the ancestors for the few elements that pass."""
    chars = facts.measure.chars(el)
    if chars < share * facts.body_chars or facts.measure.link_chars(el) >= ARTICLE_BLOCK_MAX_LINK_DENSITY * chars:
        return False
    return any(a.tag in ("main", "article") for a in el.iterancestors())


@dataclass(frozen=True, eq=False)
class AttributeRule:
    """A rule expressed as data: tags, ARIA roles and class/id words that mark boilerplate.

    `words` match whole words of the class/id signature ('share*' is a prefix; 'site search'
    is two consecutive words).  `max_share`: an element holding more than this share of the
    page's text, with little of it in links, is prose, not boilerplate, and is kept.
    """

    name: str
    description: str
    words: Sequence[str] = ()
    tags: Sequence[str] = ()
    roles: Sequence[str] = ()
    max_share: float = 0.4
    require_links: bool = False  # only elements that link somewhere (teaser cards, not a lead paragraph)
    # A widget of links (a ranking): an element of `PROSE_MIN_CHARS` or more with less of its
    # text in links than this is a section of prose that happens to carry the word; kept.
    min_link_density: float = 0.0
    # Page builders (HubSpot 'widget-span', SiteOrigin 'so-panel widget') cut the article
    # itself into blocks named like widgets: such a block inside <main> or <article> that
    # holds at least this share of the page's text, with few links, is kept (0: never).
    article_block_share: float = 0.0
    _words_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("words", "tags", "roles"):  # tuples keep the rule hashable
            object.__setattr__(self, name, tuple(getattr(self, name)))
        words_re = re.compile(rf"(?<= )(?:{_word_pattern(self.words)})(?= )") if self.words else None
        object.__setattr__(self, "_words_re", words_re)

    def applies(self, facts: PageFacts) -> bool:
        return True

    def spares(self, el: HtmlElement, facts: PageFacts) -> bool:
        """Whether a class/id match on `el` is not this rule's widget after all (`require_links`,
        `min_link_density`).  Cost: a cached size and link read, for these rules' matches only."""
        if self.require_links and facts.measure.link_chars(el) == 0:
            return True
        if self.min_link_density > 0.0:
            chars = facts.measure.chars(el)
            return chars >= PROSE_MIN_CHARS and facts.measure.link_chars(el) < self.min_link_density * chars
        if self.article_block_share > 0.0:
            return _article_block(el, facts, self.article_block_share)
        return False

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        if el.tag in self.tags:
            return Match((el,), f"<{el.tag}> element")
        role = el.get("role") if self.roles else None
        if role and role in self.roles:
            return Match((el,), f"role={role}")
        if view.signature and self._words_re is not None and el.tag in CLASS_RULE_TAGS:
            found = self._words_re.search(view.signature)
            if found:
                return Match((el,), f"class/id word '{found.group().lstrip('^')}'")
        return None
