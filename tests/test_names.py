"""_names: author names out of bylines and author values."""

from __future__ import annotations

import pytest

from cleannews._names import author_names, looks_like_byline


@pytest.mark.parametrize("raw, expected", [
    ("By Jane Doe", ["Jane Doe"]),
    ("BY: JOE WEE", ["JOE WEE"]),
    ("Written by Rob Ewaschuk Edited by Betsy Beyer", ["Rob Ewaschuk", "Betsy Beyer"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Stella Kim, Jennifer Jett", ["Stella Kim", "Jennifer Jett"]),
    ("Jong, Michiel de", ["Jong, Michiel de"]),  # "Last, First" stays one name
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("Ben Silverman Games Editor", ["Ben Silverman"]),
    ("Tech Industry by Steven Musil", ["Steven Musil"]),
    ("by Lucas Nolan22 Dec 2016651", ["Lucas Nolan"]),
    ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"]),
    ("James Akinaka • 8h", ["James Akinaka"]),
    ("Par Sébastien Farcis", ["Sébastien Farcis"]),
    ("Von Anna Schmidt", ["Anna Schmidt"]),
    ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"]),
    ("Bruno (Henrique Zecchin) Rodrigues", ["Bruno (Henrique Zecchin) Rodrigues"]),
    ("jane@example.com Jane Doe", ["Jane Doe"]),
    ("記者：陈晨", ["陈晨"]),
    ("山田太郎記者", ["山田太郎"]),
    ("文／佐藤花子", ["佐藤花子"]),
    ("社会部　石田真央", ["石田真央"]),
    ("科学部・川原悠", ["川原悠"]),
    ("作者：周晓雯", ["周晓雯"]),
    ("山田太郎、鈴木花子", ["山田太郎", "鈴木花子"]),
    ("https://www.facebook.com/someone", []),
    ("Staff", []), ("編集部", []), ("CC7567", []), ("", []), (None, []),
    ("This sentence is far too long to be the name of any single person at all", []),
])
def test_author_names(raw, expected):
    assert author_names(raw) == expected


@pytest.mark.parametrize("line, expected", [
    ("By Jane Doe", True), ("Par Sébastien Farcis", True), ("記者：陈晨", True), ("山田太郎 記者", True),
    ("社会部　石田真央", True), ("Stand by me", False), ("2021年10月13日", False), ("Jane Doe", False),
    ("By " + "x" * 100, False),
])
def test_looks_like_byline(line, expected):
    assert looks_like_byline(line) is expected
