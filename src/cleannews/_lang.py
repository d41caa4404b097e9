"""Language of a page: the markup's tag, checked against the script of the text.

Cost: a few regex counts over the first `_SAMPLE` characters; no language model.
"""

from __future__ import annotations

import re

__all__ = ["lang_code", "settle_lang"]

_LANG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_]|\s*$)")
_KANA_RE = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_EN_WORDS_RE = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was|on|it|as|are|be|this)\b", re.I)
# Languages not written in Latin script: Latin text cannot confirm them.
_NON_LATIN = frozenset("ja zh ko ru uk bg mk be kk ky tg mn sr el he yi ar fa ur ps hi bn th ka hy ta "
                       "te ml kn mr gu pa si my km lo am ne".split())
_CYRILLIC_LANGS = frozenset("ru uk bg mk be kk ky tg mn sr".split())
_SAMPLE = 3000  # characters of text looked at


def settle_lang(lang: str | None, text: str) -> str | None:
    """The markup's language (`lang`) checked against the text's script: a page marked ``en``
    written in Japanese is ``ja``; kana means ja, Hangul ko, Han without kana zh.  Latin text
    confirms a Latin-script language; for any other it gives ``en`` only when English function
    words are frequent, else None.  Too little text: `lang` as it is.
    Cost: five regex counts over the first 3,000 characters."""
    sample = text[:_SAMPLE]
    kana, han = len(_KANA_RE.findall(sample)), len(_HAN_RE.findall(sample))
    hangul = len(_HANGUL_RE.findall(sample))
    latin, cyrillic = len(_LATIN_RE.findall(sample)) / 4, len(_CYRILLIC_RE.findall(sample)) / 4
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
        if lang and lang not in _NON_LATIN:
            return lang
        words = len(sample.split()) or 1
        return "en" if len(_EN_WORDS_RE.findall(sample)) >= 0.08 * words else None
    return lang


def lang_code(value: str | None) -> str | None:
    """'en-US', 'ja_JP', 'zh-Hans' -> 'en', 'ja', 'zh' (the primary subtag, lower case)."""
    m = _LANG_RE.match(value or "")
    return m.group(1).lower() if m else None
