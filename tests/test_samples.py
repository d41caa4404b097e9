"""Golden tests: every ``samples/<name>/`` page must clean to its expected body.

Each sample folder holds
  * ``source.html``   - the raw page bytes (UTF-8, Shift_JIS or EUC-JP),
  * ``expected.txt``  - the clean body, one paragraph per line, without the headline,
  * ``expected.json`` - title, encoding, is_article and must/must-not snippets,
  * ``expected_meta.json`` - the metadata `clean()` must report (`Article.to_dict()` keys:
    title, authors, ISO dates, site, lang, URLs, tags, categories, page_type).

The body is compared with a CJK-aware token F1 (>= 0.90), so small differences such as an
omitted in-body figure caption are tolerated; boilerplate leaking in is not (``must_not_contain``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import cleannews

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_DIRS = sorted(p for p in SAMPLES_DIR.iterdir() if p.is_dir()) if SAMPLES_DIR.is_dir() else []
F1_THRESHOLD = 0.90

# Python codec for each encoding name used in expected.json.
CODECS = {"utf-8": "utf-8", "shift_jis": "shift_jis", "euc-jp": "euc_jp"}
# charset labels a page may declare for each encoding (lower-cased).
CHARSET_LABELS = {
    "utf-8": {"utf-8", "utf8"},
    "shift_jis": {"shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms_kanji"},
    "euc-jp": {"euc-jp", "euc_jp", "x-euc-jp", "eucjp"},
}
REQUIRED_KEYS = {"title", "lang", "encoding", "is_article", "must_not_contain", "must_contain", "markup", "notes"}

# --- CJK-aware tokenizer -------------------------------------------------------------------

_CJK = (
    "\u2e80-\u2fdf"  # CJK radicals, Kangxi radicals
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b"  # 々〆〇, Hangzhou numerals
    "\u3040-\u309f"  # Hiragana
    "\u30a0-\u30ff"  # Katakana
    "\u3100-\u312f\u3190-\u31ff"  # Bopomofo, Kanbun, Katakana phonetic extensions
    "\u3130-\u318f\u1100-\u11ff\uac00-\ud7af"  # Hangul
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs + compatibility
    "\U00020000-\U0003134f"  # CJK extensions B-G
)
_TOKEN_RE = re.compile(f"[{_CJK}]|(?:(?![{_CJK}])\\w)+")


def tokenize(text: str) -> list[str]:
    """NFKC + casefold, then one token per CJK character and one per other \\w+ run."""
    return _TOKEN_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def token_f1(got: str, want: str) -> float:
    g, w = Counter(tokenize(got)), Counter(tokenize(want))
    if not g and not w:
        return 1.0
    if not g or not w:
        return 0.0
    overlap = sum((g & w).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(g.values())
    recall = overlap / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


# --- sample loading ------------------------------------------------------------------------


def load(sample: Path) -> tuple[bytes, str, dict]:
    source = (sample / "source.html").read_bytes()
    expected_text = (sample / "expected.txt").read_text(encoding="utf-8").strip("\n")
    expected = json.loads((sample / "expected.json").read_text(encoding="utf-8"))
    return source, expected_text, expected


def _ids(dirs: list[Path]) -> list[str]:
    return [d.name for d in dirs]


def _is_article(sample: Path) -> bool:
    return bool(json.loads((sample / "expected.json").read_text(encoding="utf-8"))["is_article"])


ARTICLE_DIRS = [d for d in SAMPLE_DIRS if (d / "expected.json").is_file() and _is_article(d)]

_cache: dict[Path, object] = {}


def cleaned(sample: Path, source: bytes):
    """`cleannews.clean` on the raw bytes (so the decoder is exercised), once per sample."""
    if sample not in _cache:
        _cache[sample] = cleannews.clean(source)
    return _cache[sample]


# --- sanity of the samples themselves --------------------------------------------------------


def test_samples_exist():
    assert len(SAMPLE_DIRS) >= 14, f"expected at least 14 samples in {SAMPLES_DIR}"


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_sample_files_well_formed(sample: Path):
    for name in ("source.html", "expected.txt", "expected.json"):
        assert (sample / name).is_file(), f"{sample.name}: missing {name}"
    _, expected_text, expected = load(sample)
    missing = REQUIRED_KEYS - expected.keys()
    assert not missing, f"{sample.name}: expected.json lacks {sorted(missing)}"
    assert expected["encoding"] in CODECS
    assert expected["markup"] in {"html5", "div-soup", "table-layout"}
    if expected["is_article"]:
        assert expected_text.strip(), f"{sample.name}: article sample with empty expected.txt"
        for snippet in expected["must_contain"]:
            assert snippet in expected_text, f"{sample.name}: must_contain {snippet!r} not in expected.txt"
    else:
        assert expected_text == "", f"{sample.name}: non-article sample must have empty expected.txt"
    for snippet in expected["must_not_contain"]:
        assert snippet not in expected_text, f"{sample.name}: must_not_contain {snippet!r} is in expected.txt"


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_source_encoding(sample: Path):
    """The bytes really are in the declared encoding, and non-UTF-8 pages are not valid UTF-8."""
    source, _, expected = load(sample)
    encoding = expected["encoding"]
    source.decode(CODECS[encoding])  # strict: raises if the bytes are not in that encoding
    if encoding != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            source.decode("utf-8")
    head = source[:2048].decode("ascii", "replace").lower()
    declared = re.findall(r"charset\s*=\s*[\"']?([\w.:-]+)", head)
    assert declared, f"{sample.name}: no charset declared in the first 2 KB"
    assert declared[0] in CHARSET_LABELS[encoding], (
        f"{sample.name}: page declares charset {declared[0]!r} but expected.json says {encoding!r}")


def test_tokenizer():
    assert tokenize("東京ｶﾞｽ、ABC Def-12") == ["東", "京", "ガ", "ス", "abc", "def", "12"]
    assert token_f1("今日は晴れ", "今日は晴れ") == 1.0
    assert token_f1("", "") == 1.0
    assert token_f1("abc", "") == 0.0
    assert 0.0 < token_f1("a b c d", "a b c e") < 1.0


# --- the golden tests -----------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_is_article(sample: Path):
    source, _, expected = load(sample)
    article = cleaned(sample, source)
    assert article.is_article == expected["is_article"], (
        f"{sample.name}: is_article={article.is_article!r}, expected {expected['is_article']!r} "
        f"(reason: {article.reason!r})")


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_body(sample: Path):
    source, expected_text, expected = load(sample)
    article = cleaned(sample, source)
    text = article.text or ""
    if not expected["is_article"]:
        assert text == "", f"{sample.name}: non-article page produced text:\n{text[:500]}"
        return
    f1 = token_f1(text, expected_text)
    assert f1 >= F1_THRESHOLD, (
        f"{sample.name}: token F1 {f1:.3f} < {F1_THRESHOLD}\n--- got ---\n{text[:1500]}\n"
        f"--- expected ---\n{expected_text[:1500]}")


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_must_contain(sample: Path):
    source, _, expected = load(sample)
    text = cleaned(sample, source).text or ""
    missing = [s for s in expected["must_contain"] if s not in text]
    assert not missing, f"{sample.name}: body sentences missing from output: {missing}"


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_must_not_contain(sample: Path):
    source, _, expected = load(sample)
    text = cleaned(sample, source).text or ""
    leaked = [s for s in expected["must_not_contain"] if s in text]
    assert not leaked, f"{sample.name}: boilerplate leaked into the output: {leaked}"


@pytest.mark.parametrize("sample", ARTICLE_DIRS, ids=_ids(ARTICLE_DIRS))
def test_title(sample: Path):
    source, _, expected = load(sample)
    article = cleaned(sample, source)
    assert squash(article.title or "") == squash(expected["title"])


META_FIELDS = ("title", "authors", "published", "modified", "site_name", "lang", "description",
               "canonical_url", "image", "tags", "categories", "page_type")


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_metadata(sample: Path):
    """Golden metadata: every field of ``expected_meta.json`` equals `Article.to_dict()`'s."""
    path = sample / "expected_meta.json"
    assert path.is_file(), f"{sample.name}: missing expected_meta.json"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert set(expected) == set(META_FIELDS), f"{sample.name}: expected_meta.json keys differ"
    source, _, _ = load(sample)
    got = cleaned(sample, source).to_dict()
    wrong = {f: (got[f], expected[f]) for f in META_FIELDS if got[f] != expected[f]}
    assert not wrong, f"{sample.name}: (got, expected) per field: {wrong}"


@pytest.mark.parametrize("sample", SAMPLE_DIRS, ids=_ids(SAMPLE_DIRS))
def test_metadata_title_agrees_with_expected_json(sample: Path):
    """The two golden files name the same headline (expected.json may keep a listing's site part)."""
    _, _, expected = load(sample)
    meta = json.loads((sample / "expected_meta.json").read_text(encoding="utf-8"))
    assert squash(expected["title"]).startswith(squash(meta["title"]))
