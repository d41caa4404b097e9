"""Hidden elements: what a browser would not show is not part of the article.

Removes: ``<div hidden>``, ``style="display:none"``, ``visibility:hidden``,
``aria-hidden="true"``, and class words such as ``sr-only``/``visually-hidden``/``d-none``.
Keeps: everything visible, including ``<details>`` bodies (collapsed, but readable).
"""

from __future__ import annotations

import re

from ._base import ElementView, Match, PageFacts

__all__ = ["HIDDEN"]

_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CLASS_RE = re.compile(r" (?:hidden|hide|d none|sr only|visually hidden|screen reader text|screenreader|invisible|is hidden|u hidden) ")


class HiddenRule:
    """Elements hidden by attribute, inline style or a well-known hiding class."""

    name = "hidden"
    description = "hidden elements (hidden attribute, display:none, aria-hidden, sr-only)"
    max_share = 1.0  # hidden text is never shown, however much of it there is

    def applies(self, facts: PageFacts) -> bool:
        return True

    def match(self, view: ElementView, facts: PageFacts) -> Match | None:
        el = view.el
        signature = view.signature
        attrs = el.attrib
        if "hidden" in attrs:
            return Match((el,), "hidden attribute")
        if attrs.get("aria-hidden") == "true":
            return Match((el,), "aria-hidden=true")
        style = attrs.get("style")
        if style and _STYLE_RE.search(style):
            return Match((el,), "inline style hides it")
        if signature and _CLASS_RE.search(signature):
            return Match((el,), "hiding class")
        return None


HIDDEN = HiddenRule()
