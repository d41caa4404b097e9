"""Hidden elements: what a browser would not show is not part of the article.

Removes: ``<div hidden>``, ``style="display:none"``, ``visibility:hidden``,
``aria-hidden="true"``, and class words such as ``sr-only``/``visually-hidden``/``d-none``.
Keeps: everything visible, including ``<details>`` bodies (collapsed, but readable), and
the collapsed panels of an accordion or FAQ (class/id 'accordion', 'faq' on the
panel or its parent) when they read as prose: the answers a reader opens with one click.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from ..measure import Measure
from ._base import ElementView, Match, PageFacts, attribute_signature

__all__ = ["HIDDEN", "hidden_reason"]

_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Whole class names only: 'elementor-hidden-tablet' or 'hidden-xs' hide on some screens,
# 'bricks-lazy-hidden' until scrolled to; all of those are shown to desktop readers.
HIDING_CLASSES = frozenset({"hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden",
                            "screen-reader-text", "screenreader-text", "screen-reader-only", "invisible",
                            "is-hidden", "u-hidden", "u-hide", "hidden-all", "display-none", "offscreen",
                            # Webflow's class for a CMS block whose show-if condition is false
                            "w-condition-invisible"})
# Bootstrap 'd-md-block' and Tailwind 'lg:block' show the element again on larger screens.
_RESPONSIVE_SHOW_RE = re.compile(r"^(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)(?:block|flex|inline|grid|table|contents)")
# Class/id words of a collapsed accordion or FAQ panel (prefixes of a signature word).
PANEL_WORDS = ("accordion", "faq")
_PANEL_RE = re.compile(r" \^?(?:" + "|".join(PANEL_WORDS) + ")")
# A collapsed panel with more of its text in links than this is a menu, not an answer.
PANEL_MAX_LINK_DENSITY = 0.3


class HiddenRule:
    """Elements hidden by attribute, inline style or a well-known hiding class."""

    name = "hidden"
    description = "hidden elements (hidden attribute, display:none, aria-hidden, sr-only)"
    max_share = 1.0  # hidden text is never shown, however much of it there is (but see _base._claim_hidden)
    # The walk asks only about elements with one of these attributes or a hiding class (`shape_gate`).
    gate_attributes = frozenset({"hidden", "aria-hidden", "style"})
    shape_words: frozenset[str] = frozenset()  # the signature words `shape_gate` reads: none (it reads the classes)

    def applies(self, facts: PageFacts) -> bool:
        return True

    def shape_gate(self, tag: str, classes: str | None, signature: str) -> bool:
        """Whether the element's classes hold a hiding class (the walk asks once per shape)."""
        return bool(classes) and _hiding_class(classes) is not None

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        attrs = view.attrs  # (read once by the walk; else direct reads, no attribute-dict proxy)
        get = el.get if attrs is None else attrs.get
        if get("hidden") is not None:
            return Match((el,), "hidden attribute")
        if get("aria-hidden") == "true":
            return Match((el,), "aria-hidden=true")
        style = get("style")
        if style and _STYLE_RE.search(style):
            return None if _collapsed_panel(el, facts) else Match((el,), "inline style hides it")
        classes = get("class")
        if classes:
            hiding = _hiding_class(classes)
            if hiding:
                return None if _collapsed_panel(el, facts) else Match((el,), f"hiding class '{hiding}'")
        return None


def _collapsed_panel(el: HtmlElement, facts: PageFacts) -> bool:
    """A collapsed accordion/FAQ panel of prose (see the module doc).  Cost: two signature
    lookups; the link density (a subtree read) only for an element so named."""
    parent = el.getparent()
    names = attribute_signature(el) + (attribute_signature(parent) if parent is not None else "")
    if not _PANEL_RE.search(names):
        return False
    measure = Measure() if facts is _NO_FACTS else facts.measure  # (the shared facts keep no cache)
    return measure.chars(el) > 0 and measure.link_density(el) <= PANEL_MAX_LINK_DENSITY


@lru_cache(maxsize=8192)
def _hiding_class(classes: str) -> str | None:
    """The hiding class among `classes`, unless a responsive class shows it on some screens."""
    names = classes.lower().split()
    hiding = HIDING_CLASSES.intersection(names)
    if hiding and not any(_RESPONSIVE_SHOW_RE.match(n) for n in names):
        return min(hiding)
    return None


HIDDEN = HiddenRule()
_NO_FACTS = PageFacts(body_chars=0)


def hidden_reason(el: HtmlElement) -> str | None:
    """Why `el` is hidden (the hidden rule's reason), or None; for checks outside the rule walk."""
    found = HIDDEN.match(ElementView(el, ""), _NO_FACTS)
    return found.reason if found is not None else None
