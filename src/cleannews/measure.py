"""Element measures: visible text size and text inside links, cached per page.

Sizes come from libxml2 through compiled XPath (`string-length(normalize-space(.))`), so a
large subtree is measured in C without building Python strings.  A `Measure` belongs to
one page and one stage of the pipeline; after elements are removed, start a new one.
Not thread-safe by itself, and never shared: each `clean()` call makes its own.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["Measure", "element_text"]

_CHARS = etree.XPath("string-length(normalize-space(.))")
# An ``<a name>`` without href is a target, not a link: nothing to click.  Old pages put
# one before each story of a long page, or leave one unclosed around the rest of the page.
_LINK_TEXTS = etree.XPath("descendant-or-self::a[@href or not(@name)]//text()", smart_strings=False)
element_text = etree.XPath("string(.)", smart_strings=False)


class Measure:
    """Cached `chars` (visible characters, runs of spaces counted once) and `link_chars`
    (the characters inside ``<a>`` elements; a named anchor without href is no link)."""

    __slots__ = ("_chars", "_links", "_above")

    def __init__(self) -> None:
        self._chars: dict[HtmlElement, int] = {}
        self._links: dict[HtmlElement, int] = {}
        self._above: set[HtmlElement] = set()  # the ancestors of the elements measured by XPath

    def chars(self, el: HtmlElement) -> int:
        n = self._chars.get(el)
        if n is None:
            n = self._chars[el] = int(_CHARS(el))
        return n

    def link_chars(self, el: HtmlElement) -> int:
        n = self._links.get(el)
        if n is None:
            n = self._links[el] = self._link_chars(el)
        return n

    def _link_chars(self, el: HtmlElement) -> int:
        """The link text's words joined by single spaces, counted.  An element that is no
        link and holds an element already measured (a climb from a node up through its
        ancestors) adds up its children's counts: each link sits in one child, so the words
        are the children's words, and each child that has any adds its count plus the space
        before the next.  (libxml2 merges every link's text nodes into the result with a
        duplicate check against all nodes gathered so far: quadratic in the links, ~35 M
        instructions for a list of 3,800, which each level of a climb used to pay again.)"""
        if el.tag != "a" and el in self._above:
            total = 0
            links = self._links
            for child in el:
                tag = child.tag  # (read once)
                if isinstance(tag, str):
                    n = links.get(child)
                    if n is None:
                        n = links[child] = self._child_link_chars(child, tag)
                    if n:
                        total += n + 1
            return max(total - 1, 0)
        above = self._above
        for ancestor in el.iterancestors():
            if ancestor in above:
                break  # (and so are its ancestors)
            above.add(ancestor)
        return len(" ".join(" ".join(_LINK_TEXTS(el)).split()))

    def _child_link_chars(self, child: HtmlElement, tag: str) -> int:
        """`_link_chars` of a child of an element in `_above`: its ancestors are all there
        already (no walk up), and a leaf that is no link holds no link text (no XPath call)."""
        if tag != "a":
            if child in self._above:
                return self._link_chars(child)
            if not len(child):
                return 0
        return len(" ".join(" ".join(_LINK_TEXTS(child)).split()))

    def link_density(self, el: HtmlElement) -> float:
        chars = self.chars(el)
        return min(self.link_chars(el) / chars, 1.0) if chars else 0.0
