"""Hidden elements: what a browser would not show is not part of the article.

Removes: ``<div hidden>``, ``style="display:none"``, ``visibility:hidden``,
``aria-hidden="true"``, and class words such as ``sr-only``/``visually-hidden``/``d-none``.
Keeps: everything visible, including ``<details>`` bodies (collapsed, but readable).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from ._base import ElementView, Match, PageFacts

__all__ = ["HIDDEN", "hidden_reason"]

_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Whole class names only: 'elementor-hidden-tablet' or 'hidden-xs' hide on some screens,
# 'bricks-lazy-hidden' until scrolled to; all of those are shown to desktop readers.
HIDING_CLASSES = frozenset({"hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden",
                            "screen-reader-text", "screenreader-text", "screen-reader-only", "invisible",
                            "is-hidden", "u-hidden", "u-hide", "hidden-all", "display-none", "offscreen"})
# Bootstrap 'd-md-block' and Tailwind 'lg:block' show the element again on larger screens.
_RESPONSIVE_SHOW_RE = re.compile(r"^(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)(?:block|flex|inline|grid|table|contents)")


class HiddenRule:
    """Elements hidden by attribute, inline style or a well-known hiding class."""

    name = "hidden"
    description = "hidden elements (hidden attribute, display:none, aria-hidden, sr-only)"
    max_share = 1.0  # hidden text is never shown, however much of it there is (but see _base._claim_hidden)
    attributes_only = True  # an element without attributes is never hidden (the walk skips asking)

    def applies(self, facts: PageFacts) -> bool:
        return True

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        get = el.get  # (direct reads: no attribute-dict proxy per element)
        if get("hidden") is not None:
            return Match((el,), "hidden attribute")
        if get("aria-hidden") == "true":
            return Match((el,), "aria-hidden=true")
        style = get("style")
        if style and _STYLE_RE.search(style):
            return Match((el,), "inline style hides it")
        classes = get("class")
        if classes:
            hiding = _hiding_class(classes)
            if hiding:
                return Match((el,), f"hiding class '{hiding}'")
        return None


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
