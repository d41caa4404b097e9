"""dates.parse_date / url_date: every supported form, time zones, and what must stay empty."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cleannews.dates import is_month_name, parse_date, url_date

JST = timezone(timedelta(hours=9))
UTC = timezone.utc


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize("text, expected", [
    # ISO 8601
    ("2021-10-13", datetime(2021, 10, 13)),
    ("2021-10-13T16:03:00+09:00", datetime(2021, 10, 13, 16, 3, tzinfo=JST)),
    ("2021-10-13T16:03:00+0900", datetime(2021, 10, 13, 16, 3, tzinfo=JST)),
    ("2021-10-13T07:03:00.000Z", datetime(2021, 10, 13, 7, 3, tzinfo=UTC)),
    ("2017-11-03 03:01:00.000000", datetime(2017, 11, 3, 3, 1)),
    ("2018-04-05T06:00", datetime(2018, 4, 5, 6, 0)),
    ("2021-10-13T16:03:00-05:00", datetime(2021, 10, 13, 16, 3, tzinfo=tz(-5))),
    ("20211013T160300Z", datetime(2021, 10, 13)),  # basic format: the day is certain
    # RFC 2822
    ("Wed, 13 Oct 2021 16:03:00 +0900", datetime(2021, 10, 13, 16, 3, tzinfo=JST)),
    ("Wed, 13 Oct 2021 07:03:00 GMT", datetime(2021, 10, 13, 7, 3, tzinfo=UTC)),
    # Japanese
    ("2021年10月13日 16時03分", datetime(2021, 10, 13, 16, 3)),
    ("2021年10月13日(水) 16時03分 配信", datetime(2021, 10, 13, 16, 3)),
    ("2021年10月13日 午後4時3分", datetime(2021, 10, 13, 16, 3)),
    ("２０２１年１０月１３日", datetime(2021, 10, 13)),  # full-width digits
    ("2021/10/13 16:03", datetime(2021, 10, 13, 16, 3)),
    ("2021.10.13 16:03", datetime(2021, 10, 13, 16, 3)),
    ("2021年10月13日 16時03分 JST", datetime(2021, 10, 13, 16, 3, tzinfo=JST)),
    ("令和3年10月13日", datetime(2021, 10, 13)),
    ("平成元年1月8日", datetime(1989, 1, 8)),
    ("平成31年4月30日", datetime(2019, 4, 30)),
    ("昭和64年1月7日", datetime(1989, 1, 7)),
    ("R3.10.13", datetime(2021, 10, 13)),
    # Chinese
    ("2021年10月13日 16:03", datetime(2021, 10, 13, 16, 3)),
    ("2021-10-13 16:03:36 北京时间", datetime(2021, 10, 13, 16, 3, 36, tzinfo=tz(8))),
    ("2021年10月13日 下午4:03", datetime(2021, 10, 13, 16, 3)),
    ("发布时间：2021-10-13", datetime(2021, 10, 13)),
    # English and other European forms
    ("October 13, 2021", datetime(2021, 10, 13)),
    ("Oct. 13th, 2021 at 4:30 p.m. EDT", datetime(2021, 10, 13, 16, 30, tzinfo=tz(-4))),
    ("March 11, 2015 3:46 PM", datetime(2015, 3, 11, 15, 46)),
    ("April 28, 2019 at 12:05 am", datetime(2019, 4, 28, 0, 5)),
    ("13 Oct 2021", datetime(2021, 10, 13)),
    ("Published 13 October 2021 16:03 BST", datetime(2021, 10, 13, 16, 3, tzinfo=tz(1))),
    ("13.10.2021", datetime(2021, 10, 13)),
    ("13 de octubre de 2021", datetime(2021, 10, 13)),
    ("1er mai 2020", datetime(2020, 5, 1)),
    ("13/04/2021", datetime(2021, 4, 13)),  # day-first: 13 cannot be a month
    ("04/13/2021", datetime(2021, 4, 13)),  # month-first
    ("2021-10-13 16:03 UTC+8", datetime(2021, 10, 13, 16, 3, tzinfo=tz(8))),
    ("28-11-2011, 17:38", datetime(2011, 11, 28, 17, 38)),
    # Russian, Polish, Greek month names
    ("28 ноября 2011, 14:15", datetime(2011, 11, 28, 14, 15)),
    ("12 listopada 2011", datetime(2011, 11, 12)),
    ("28 Νοεμβρίου 2011", datetime(2011, 11, 28)),
])
def test_forms(text, expected):
    got = parse_date(text)
    assert got == expected
    assert (got.tzinfo is None) == (expected.tzinfo is None)
    if expected.tzinfo is not None:
        assert got.utcoffset() == expected.utcoffset()


def test_first_date_in_a_line_wins():
    assert parse_date("Posted on 2021-10-13 by x, updated 2021-10-14") == datetime(2021, 10, 13)


@pytest.mark.parametrize("text", [
    "", None, "3 hours ago", "yesterday", "昨日", "2021年10月",  # no day
    "03/04/2021", "03-04-2021",  # March 4 or 3 April: ambiguous
    "2021-02-30", "2021年13月1日",  # no such day
    "October 2021", "version 2.10.13", "call 10/13",
    "10月13日", "（10/13 16:03）", "10/13(水) 16:03配信",  # year-less: no trusted year given
])
def test_untrusted_is_empty(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text, expected", [
    ("10月13日", datetime(2021, 10, 13)),
    ("（10/13 16:03）", datetime(2021, 10, 13, 16, 3)),
    ("10/13(水) 16:03配信", datetime(2021, 10, 13, 16, 3)),
    ("10月13日 16時03分", datetime(2021, 10, 13, 16, 3)),
])
def test_year_less_forms_take_a_trusted_year(text, expected):
    assert parse_date(text, year=2021) == expected


def test_a_given_year_does_not_override_a_written_one():
    assert parse_date("2019年10月13日", year=2021) == datetime(2019, 10, 13)


def test_unknown_or_ambiguous_zone_stays_naive():
    assert parse_date("2021-10-13 16:03 CST").tzinfo is None  # China or US Central?
    assert parse_date("2021-10-13 16:03 XYZ").tzinfo is None


def test_invalid_time_keeps_the_day():
    assert parse_date("2021-10-13 25:61") == datetime(2021, 10, 13)


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/2021/10/13/story", datetime(2021, 10, 13)),
    ("https://example.com/news/20211013/a.html", datetime(2021, 10, 13)),
    ("https://example.com/2021-10-13-story", datetime(2021, 10, 13)),
    ("https://example.com/story/12345", None),
    ("https://example.com/2021/13/45/x", None),
    (None, None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected


def test_month_names():
    assert is_month_name("March") and is_month_name("Okt") and is_month_name("décembre")
    assert not is_month_name("Monday")


def test_month_trie_matches_like_the_flat_list_of_names() -> None:
    import re

    from cleannews.dates import _MONTH_ALT, _MONTHS
    flat = re.compile("(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?P<rest>\.?\s*\d*)", re.I)
    trie = re.compile("(?P<mon>" + _MONTH_ALT + r")(?P<rest>\.?\s*\d*)", re.I)
    texts = [f(n) + tail for n in _MONTHS for f in (str, str.upper, str.title)
             for tail in ("", " 5", ". 12", "x 3", "ember 3")]
    texts += [n.replace("σ", "ς").replace("i", "ı") for n in _MONTHS] + ["Marzo 3", "MAYO 2", "Julyx", "octobre"]
    for text in texts:
        a, b = flat.search(text), trie.search(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text
