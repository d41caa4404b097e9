"""Text measures that work for scripts written without spaces.

Counting whitespace-separated words is meaningless for Japanese or Chinese, so every
measure here counts characters.  A CJK character carries roughly as much information as
a short English word fragment; `weight()` counts it as `CJK_WEIGHT` Latin characters so
that thresholds written once ("a paragraph of 25 characters") suit both kinds of text.

All functions are O(len(text)) and allocate little; they run on every paragraph.
"""

from __future__ import annotations

import re

__all__ = [
    "CJK_WEIGHT",
    "LETTER_RE",
    "cjk_count",
    "cjk_ratio",
    "collapse_space",
    "excerpt",
    "link_density",
    "lowered_for_keys",
    "may_hold",
    "punctuation_count",
    "visible_len",
    "weight",
]

CJK_WEIGHT = 2.5
# A letter of any script (not a digit, an underscore, punctuation or a bullet).
LETTER_RE = re.compile(r"[^\W\d_]")

# Han, Hiragana, Katakana, Hangul and their extensions (the same classes the scorer uses).
_CJK_CLASS = (
    "\u1100-\u11ff\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff"
    "\uff66-\uff9f\uffa0-\uffdc\U00020000-\U0003134f"
)
_CJK_RE = re.compile(f"[{_CJK_CLASS}]")
# Runs of everything but CJK: removing them leaves the CJK characters, one string in all
# (about half the cost of one string per CJK run, on the page texts `cjk_count` sees).
_NON_CJK_RUN_RE = re.compile(f"[^{_CJK_CLASS}]+")
# Sentence and clause punctuation, Western and CJK (full-width) forms.
_PUNCT_RE = re.compile(r"[,.;:!?、。，．！？；：]")
# ASCII text drops its punctuation / its whitespace (what `str.split` splits on) as bytes, by
# bytes.translate (one C loop over the bytes; str.translate looks each new character up in a
# dict, a regex or split tests each character in a slower loop).
_ASCII_PUNCT = ",.;:!?"
_ASCII_PUNCT_BYTES = _ASCII_PUNCT.encode()
_ASCII_SPACE_BYTES = bytes(c for c in range(128) if chr(c).isspace())
_TRANSLATE_MIN_CHARS = 64  # below this the regex's fixed cost is lower (for punctuation)


def visible_len(text: str) -> int:
    """Number of non-whitespace characters."""
    if text.isascii():
        return len(text.encode().translate(None, _ASCII_SPACE_BYTES))
    return len("".join(text.split()))


def cjk_count(text: str) -> int:
    """Number of CJK characters (Han, kana, Hangul).  O(1) for ASCII text."""
    return 0 if text.isascii() else len(_NON_CJK_RUN_RE.sub("", text))


def cjk_ratio(text: str) -> float:
    """Share of the visible characters that are CJK (0.0 for empty text)."""
    n = visible_len(text)
    return cjk_count(text) / n if n else 0.0


def weight(text: str) -> float:
    """Visible characters with each CJK character counted as `CJK_WEIGHT`."""
    return visible_len(text) + (CJK_WEIGHT - 1.0) * cjk_count(text)


def punctuation_count(text: str) -> int:
    """Commas, full stops and the like, Western and CJK (、。，！？ count)."""
    if len(text) >= _TRANSLATE_MIN_CHARS and text.isascii():
        return len(text) - len(text.encode().translate(None, _ASCII_PUNCT_BYTES))
    return len(_PUNCT_RE.findall(text))


# Letters that a case-insensitive regex takes for other letters than their lower case: 'İ',
# 'ı', 'ſ' and Kelvin 'K' for ASCII ones, the rounded Cyrillic forms (U+1C80-U+1C88) for 'в',
# 'с', 'т' and the like (enough for keys in Latin, Cyrillic and CJK scripts; not Greek).
_CASE_TWINS_RE = re.compile("[\u0130\u0131\u017f\u212a\u1c80-\u1c88]")


def may_hold(text: str, keys: tuple[str, ...]) -> bool:
    """Whether `text` may match a case-insensitive pattern every match of which holds one of
    `keys` (lower-case literals): a pre-check for slow patterns.  Exact: never False for a
    text the pattern matches (a text with a letter in `_CASE_TWINS_RE` is always True).
    Cost: one lower() and one substring search per key."""
    lowered = lowered_for_keys(text)
    return lowered is None or any(key in lowered for key in keys)


def lowered_for_keys(text: str) -> str | None:
    """`text` lower-cased for `may_hold`-style checks, or None when it holds a letter that a
    case-insensitive regex takes for an ASCII one (then no check is exact).  Cost: O(1) test
    for ASCII text (no such letter in it), else one regex scan, then one lower()."""
    if text.isascii():
        return text.lower()
    return None if _CASE_TWINS_RE.search(text) is not None else text.lower()


def link_density(link_chars: float, total_chars: float) -> float:
    """Share of the text that sits inside links (0.0 when there is no text)."""
    return link_chars / total_chars if total_chars > 0 else 0.0


def collapse_space(text: str) -> str:
    """Runs of whitespace to one space, ends stripped."""
    return " ".join(text.split())


def excerpt(text: str, limit: int = 80) -> str:
    """The first `limit` characters of `text` with whitespace collapsed, '…' when cut."""
    text = text.lstrip()
    head = text[: limit * 4]  # whitespace runs may shrink it; never read the rest of a long text
    flat = collapse_space(head)
    if len(flat) <= limit and (len(head) == len(text) or not text[len(head):].strip()):
        return flat
    return flat[: limit - 1] + "…"
