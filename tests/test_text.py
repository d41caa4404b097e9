"""`cleannews.text`: character measures that work for scripts written without spaces."""

from __future__ import annotations

import re

import pytest

from cleannews.text import (CJK_WEIGHT, cjk_count, cjk_ratio, collapse_space, excerpt, link_density, lowered_for_keys,
                            may_hold, punctuation_count, visible_len, weight)


@pytest.mark.parametrize("text,n", [
    ("", 0), ("   \n\t", 0), ("abc", 3), ("a b  c", 3), ("市営 バス", 4), ("全角\u3000空白", 4), ("a\xa0b", 2),
    ("line\r\nbreak", 9), ("。、！？", 4),
])
def test_visible_len_counts_non_whitespace(text, n):
    assert visible_len(text) == n


@pytest.mark.parametrize("text", [
    "a\x1cb\x1dc\x1ed\x1fe\x0bf\x0cg", "word " * 20, " lead and trail ", "tabs\tand\nlines\r\n" * 5,
    "no-space-at-all", "市営 バス\u3000x\xa0y",
])
def test_visible_len_drops_what_split_splits_on(text):
    """ASCII text is counted from its bytes: the whitespace dropped is exactly what `str.split`
    splits on (the ASCII separators \x1c-\x1f included), short or long."""
    assert visible_len(text) == len("".join(text.split()))


@pytest.mark.parametrize("text,n", [
    ("", 0), ("abc", 0), ("市営バス", 4), ("ひらがなカタカナ漢字", 10), ("한국어", 3), ("中文新闻", 4),
    ("々〆", 2), ("ｶﾀｶﾅ", 4), ("バス停 bus stop 12", 3), ("。、「」！", 0), ("ＡＢＣ１２３", 0),
])
def test_cjk_count(text, n):
    assert cjk_count(text) == n


def test_cjk_ratio():
    assert cjk_ratio("") == 0.0
    assert cjk_ratio("   ") == 0.0
    assert cjk_ratio("市営バス") == 1.0
    assert cjk_ratio("ab市営") == 0.5
    assert cjk_ratio("a b 市 営") == 0.5  # spaces do not count


def test_weight_counts_cjk_characters_heavier():
    assert CJK_WEIGHT == 2.5
    assert weight("") == 0.0
    assert weight("abcd") == 4.0
    assert weight("市営バス") == 4 * CJK_WEIGHT
    assert weight("bus 市営") == 3 + 2 * CJK_WEIGHT
    assert weight("  a  ") == 1.0
    # a Japanese sentence weighs about as much as an English one that says the same
    ja = "市営バスの深夜便を来年四月から増便する。"
    en = "City buses will run later at night from next April."
    assert 0.6 < weight(ja) / weight(en) < 1.6


@pytest.mark.parametrize("text,n", [
    ("", 0), ("no punctuation here", 0), ("a, b. c; d: e! f?", 6), ("、。，！？", 5), ("．；：", 3),
    ("発表した。利用者は、増えた！本当？", 4), ("「」『』・（）", 0), ("1,000.5", 2),
])
def test_punctuation_count(text, n):
    assert punctuation_count(text) == n


def test_link_density():
    assert link_density(0, 0) == 0.0
    assert link_density(5, 0) == 0.0
    assert link_density(0, 10) == 0.0
    assert link_density(5, 10) == 0.5
    assert link_density(10, 10) == 1.0
    assert link_density(3.0, 12.0) == 0.25


@pytest.mark.parametrize("text,out", [
    ("", ""), ("  a \n\t b  ", "a b"), ("市営\u3000バス", "市営 バス"), ("one\xa0two", "one two"),
])
def test_collapse_space(text, out):
    assert collapse_space(text) == out


def test_excerpt_short_text_is_whole():
    assert excerpt("  アクセス\nランキング  ") == "アクセス ランキング"
    assert excerpt("") == ""


def test_excerpt_cuts_at_limit_with_ellipsis():
    text = "あ" * 200
    out = excerpt(text)
    assert len(out) == 80 and out.endswith("…") and out[:-1] == "あ" * 79
    assert excerpt("x" * 80) == "x" * 80  # exactly at the limit: not cut
    assert excerpt("abcdefghij", limit=5) == "abcd…"


def test_excerpt_collapses_whitespace_before_counting():
    text = "word   " * 30
    out = excerpt(text, limit=20)
    assert out == "word word word word…"


@pytest.mark.xfail(strict=True, reason="BUG: excerpt() reads only text[:limit*4] before collapsing whitespace, so a "
                                       "subtree whose text starts with >320 whitespace characters (pretty-printed "
                                       "nested markup) gets an empty Removal.excerpt, and a cut one lacks the '…'")
def test_excerpt_after_long_leading_whitespace():
    text = ("\n" + " " * 16) * 30 + "おすすめ記事 新駅の開業日が決定"
    assert excerpt(text) == "おすすめ記事 新駅の開業日が決定"
    assert excerpt("a" + " " * 400 + "b") == "a b"


def test_ascii_fast_paths_count_like_the_general_ones() -> None:
    # Long ASCII text is counted by str.translate; the counts are those of split/join and the regexes.
    spaces = "".join(c for c in map(chr, range(128)) if c.isspace())  # \x1c-\x1f split words too
    line = f"Hello, world; it said: ok!{spaces}Is it? Yes. {spaces}" * 4
    assert len(line) >= 64 and line.isascii()
    assert visible_len(line) == len("".join(line.split()))
    assert punctuation_count(line) == len(re.findall(r"[,.;:!?]", line)) == 24
    assert punctuation_count("Short, but. Counted!") == 3
    assert cjk_count("東京都、大阪府。𠀀 and 한국어") == 10


def test_may_hold_is_a_pre_check_that_never_misses() -> None:
    # Upper case and accented letters hold the lower-cased key; letters that a case-insensitive
    # regex takes for another ('ı' for 'i', 'ſ' for 's') make the check pass whatever the keys.
    assert may_hold("ALL RIGHTS RESERVED", ("rights reserved",))
    assert may_hold("Tous droits RÉSERVÉS", ("réservés",))
    assert not may_hold("A story about bridges", ("rights reserved", "©"))
    for twin in ("AFFılIATE", "ſhop", "\u212aeystone", "\u0130stanbul", "\u1c80се"):
        assert re.search("affiliate|shop|keystone|istanbul|все", twin, re.IGNORECASE) or twin == "\u0130stanbul"
        assert may_hold(twin, ("nothing",))
    assert lowered_for_keys("ſ") is None and lowered_for_keys("Photo: X") == "photo: x"
