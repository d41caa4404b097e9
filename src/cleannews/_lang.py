"""Language of a page: the markup's tag, checked against the script of the text.

Cost: one `str.translate` and a few counts over the first `_SAMPLE` characters; no language model.
"""

from __future__ import annotations

import re

__all__ = ["lang_code", "settle_lang"]

_LANG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_]|\s*$)")
# The scripts counted, as code point ranges (all in the BMP, none overlapping).
_SCRIPTS = {
    "k": ((0x3040, 0x30FF), (0xFF66, 0xFF9F)),  # kana
    "h": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)),  # Han
    "g": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),  # Hangul
    "l": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F)),  # Latin
    "c": ((0x0400, 0x04FF),),  # Cyrillic
}


def _script_table() -> str:
    """A `str.translate` table over the BMP: each character to its script's letter above, the
    others to a space (characters beyond the BMP are left as they are: none is a letter here)."""
    table = [" "] * 0x10000
    for letter, ranges in _SCRIPTS.items():
        for first, last in ranges:
            table[first:last + 1] = letter * (last - first + 1)
    return "".join(table)


_SCRIPT_TABLE = _script_table()
_EN_WORDS = frozenset("the and of to in is that for with was on it as are be this".split())
_PUNCT = ".,;:!?\"'()[]“”‘’"
# Languages not written in Latin script: Latin text cannot confirm them.
_NON_LATIN = frozenset("ja zh ko ru uk bg mk be kk ky tg mn sr el he yi ar fa ur ps hi bn th ka hy ta "
                       "te ml kn mr gu pa si my km lo am ne".split())
_CYRILLIC_LANGS = frozenset("ru uk bg mk be kk ky tg mn sr".split())
_SAMPLE = 800  # characters of text looked at
# Share of words that are English function words: English prose has about a quarter.
_EN_CONFIRM, _EN_DENY, _MIN_WORDS = 0.08, 0.03, 30
_MIN_ASCII = 60  # characters of ASCII text needed to judge it


def settle_lang(lang: str | None, text: str) -> str | None:
    """The markup's language (`lang`) checked against the text's script: a page marked ``en``
    written in Japanese is ``ja``; kana means ja, Hangul ko, Han without kana zh.  Latin text
    confirms a Latin-script language (``en`` only if some English function words occur: a
    Polish page marked ``en`` gets None); for any other it gives ``en`` only when English
    function words are frequent, else None.  Too little text: `lang` as it is.
    Cost: for ASCII text one split; else a `str.translate` of the first 800 characters and
    five counts (~0.3 M instructions)."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return _latin(lang, sample) if len(sample) >= _MIN_ASCII else lang
    # One translate and five counts: a third of the cost of five regex passes.
    scripts = sample.translate(_SCRIPT_TABLE)
    kana, han, hangul = scripts.count("k"), scripts.count("h"), scripts.count("g")
    latin, cyrillic = scripts.count("l") / 4, scripts.count("c") / 4
    units = kana + han + hangul + latin + cyrillic  # a CJK character ~ four letters
    if units < 15:
        return lang
    if kana >= 5 and kana >= 0.1 * (kana + han) and kana + han >= 0.3 * units:
        return "ja"
    if hangul >= 0.3 * units:
        return "ko"
    if han >= 0.3 * units:
        return "zh"
    if cyrillic >= 0.5 * units:
        return lang if lang in _CYRILLIC_LANGS else None
    if latin >= 0.5 * units:
        return _latin(lang, sample)
    return lang


def _latin(lang: str | None, sample: str) -> str | None:
    """The verdict on Latin-script text: a Latin-script `lang` stands (``en`` only if some English
    function words occur); otherwise ``en`` when they are frequent, else None."""
    words = sample.lower().split()
    english = sum(w.strip(_PUNCT) in _EN_WORDS for w in words) / (len(words) or 1)
    if lang == "en" and len(words) >= _MIN_WORDS and english < _EN_DENY:
        return None  # marked English, but hardly an English function word: unknown
    if lang and lang not in _NON_LATIN:
        return lang
    return "en" if english >= _EN_CONFIRM else None


def lang_code(value: str | None) -> str | None:
    """'en-US', 'ja_JP', 'zh-Hans' -> 'en', 'ja', 'zh' (the primary subtag, lower case)."""
    m = _LANG_RE.match(value or "")
    return m.group(1).lower() if m else None
