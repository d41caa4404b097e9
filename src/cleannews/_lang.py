"""Language of a page: the markup's tag, checked against the script of the text.

Cost: a few regex counts over the first `_SAMPLE` characters; no language model.
"""

from __future__ import annotations

import re

__all__ = ["lang_code", "settle_lang"]

_LANG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_]|\s*$)")
# Runs of one script (a run is one match: counting runs, not characters, keeps it cheap).
_KANA_RE = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]+")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]+")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]+")
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
    Cost: for ASCII text one split; else up to five regex passes over the first 800
    characters (tens of microseconds)."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return _latin(lang, sample) if len(sample) >= _MIN_ASCII else lang
    kana, han, hangul = _count(_KANA_RE, sample), _count(_HAN_RE, sample), _count(_HANGUL_RE, sample)
    latin, cyrillic = _count(_LATIN_RE, sample) / 4, _count(_CYRILLIC_RE, sample) / 4
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


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters of `text` in the runs `pattern` matches."""
    return sum(map(len, pattern.findall(text)))


def lang_code(value: str | None) -> str | None:
    """'en-US', 'ja_JP', 'zh-Hans' -> 'en', 'ja', 'zh' (the primary subtag, lower case)."""
    m = _LANG_RE.match(value or "")
    return m.group(1).lower() if m else None
