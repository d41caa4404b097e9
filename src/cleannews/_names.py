"""Author names out of bylines: "By Jane Doe and John Roe" -> ("Jane Doe", "John Roe").

Drops the decoration around names in several languages (By, Par, Von, Por, 文／, 記者：,
…記者, 特派員), e-mail addresses, URLs, handles and trailing dates, then splits lists of
names.  A value that is not a plausible name (a URL, a sentence, a date, "Staff") gives
nothing.  Cost: a few regex passes over a short string.
"""

from __future__ import annotations

import re

from .dates import is_month_name
from .text import LETTER_RE, cjk_count, collapse_space

__all__ = ["author_names", "looks_like_byline"]

# Words before the names ("By", "Written by", "文：", "記者 ").  Case-insensitive.
_PREFIX_RE = re.compile(
    r"^(?:(?:written|posted|reported|text|story|photos?|words|published|compiled|edited)\s+by\b"
    r"|by\b|par\b|von\b|por\b|di\b|door\b|av\b|de\b(?=\s+[A-ZÀ-Ý])|autor(?:in)?\b|author\b|reporter\b"
    r"|作者|撰文|撰稿|编辑|責任編集|记者|記者|文|写真|筆者|投稿者|著者|取材|執筆)"
    r"\s*[:：/／|｜=]?\s*", re.I)
# Words after the names: roles and desks ("山田太郎記者", "Jane Doe, Staff Writer").
_SUFFIX_RE = re.compile(
    r"(?:(?:\s*[,|｜/／]\s*(?:[^\W\d_]+\s+){0,2}|\s+(?:[^\W\d_]+\s+)?)"
    r"(?:writer|reporter|correspondent|editor|contributor|columnist)s?\b.*"
    r"|\s*(?:記者|特派員|編集委員|論説委員|通信員|撮影|报道|記)\s*$)", re.I)
# A newsroom desk before a Japanese/Chinese name: "社会部　石田真央", "北京支局 王芳".
_DESK_RE = re.compile(r"^[^\s\d]{1,8}(?:部|局|支社|編集室|编辑部)(?:\s+|・)(?=\S)")
_NOISE_RE = re.compile(r"\S+@\S+\.\w+|https?://\S+|www\.\S+|@\w+|\s*(?:\([^)]*\)|（[^）]*）)\s*$")
_LABEL_BY_RE = re.compile(r"^.*?\s(?:by|par|von|por)\s+(?=\S)", re.I)  # "Tech Industry by Jane Doe"
_SPLIT_RE = re.compile(
    r"\s*(?:;|\b(?:edited|photos?|illustrations?)\s+by\b|、|，|／|\band\b|\bund\b|\bet\b|&|\+|\|)\s*", re.I)
_NOT_NAMES = frozenset(
    "staff admin administrator editor editors unknown anonymous guest author authors reporter "
    "contributor newsroom team redaktion rédaction redacción 編集部 编辑部 follow facebook twitter".split())
_DATE_WORDS = frozenset("on at updated published posted le am el the | - – — • · ·".split())
_DIGIT_RE = re.compile(r"\d")
_BYLINE_RE = re.compile(
    r"^\s*(?:by|par|von|por|written by)\s+\S|^\s*(?:作者|撰文|记者|記者|文)\s*[:：/／]|\S\s*記者\s*$"
    r"|^[^\s\d]{1,6}(?:部|支局|総局)(?:\s+|・)[\u3400-\u9fff\u3040-\u30ff]{2,6}$", re.I)  # "社会部　石田真央"


def looks_like_byline(text: str) -> bool:
    """A short line that names its author explicitly ("By …", "記者：…", "… 記者")."""
    return len(text) <= 80 and bool(_BYLINE_RE.search(text))


def author_names(raw: str | None) -> list[str]:
    """The person names in one author value or byline, decoration removed ([] if none)."""
    if not raw:
        return []
    text = collapse_space(_NOISE_RE.sub(" ", raw))
    if not text or len(text) > 200:
        return []
    text = _LABEL_BY_RE.sub("", _cut_date(text))
    for _ in range(2):  # "By: 記者 …" has two prefixes
        text = _PREFIX_RE.sub("", text).strip(" :：,.-–—|")
    text = _DESK_RE.sub("", _SUFFIX_RE.sub("", text)).strip(" :：,.-–—|")
    parts = [p for p in _SPLIT_RE.split(text) if p] if text else []
    if len(parts) == 1 and text.count(",") and all(len(p.split()) >= 2 for p in text.split(",")):
        parts = text.split(",")  # "Jane Doe, John Roe" (but not "Doe, Jane")
    names: list[str] = []
    for part in parts:
        name = _SUFFIX_RE.sub("", _PREFIX_RE.sub("", part.strip())).strip(" :：,.-–—|")
        if _plausible(name) and name not in names:
            names.append(name)
    return names


def _cut_date(text: str) -> str:
    """Text before the first digit, less date words ("by Jane Doe, March 11, 2015" -> "by Jane Doe").

    Names hold no digits, so whatever follows one is a date, a count or an address."""
    m = _DIGIT_RE.search(text)
    if not m or " " not in text[:m.start()].strip():
        return text  # no digit, or a one-word handle such as "CC7567"
    words = text[:m.start()].split()
    while words and (is_month_name(words[-1].strip(".,")) or words[-1].strip(".,:").lower() in _DATE_WORDS):
        words.pop()
    return " ".join(words)


def _plausible(name: str) -> bool:
    """A name: letters, not a sentence, not a role word, not too long."""
    if not name or _DIGIT_RE.search(name) or not LETTER_RE.search(name):
        return False
    if name.casefold() in _NOT_NAMES:
        return False
    cjk = cjk_count(name)
    if cjk:
        return cjk <= 12 and len(name) <= 20
    words = name.split()
    return len(words) <= 5 and len(name) <= 50 and any(w[:1].isupper() for w in words)
