"""trim.py: the headline and boilerplate lines at the two ends of the body go; prose stays."""

from __future__ import annotations

import pytest

from cleannews.article import Block
from cleannews.trim import trim_blocks

PROSE = [Block("paragraph", "The council approved the plan on Tuesday after a long debate about costs, "
                            "routes and the needs of riders in the northern districts of the city, where buses "
                            "run only twice an hour after nine in the evening.")] * 3


def texts(blocks):
    return [b.text for b in blocks]


def test_drops_repeated_headline_and_keeps_prose():
    blocks = [Block("heading", "Council approves bus plan", level=1), *PROSE]
    kept, removed = trim_blocks(blocks, "Council approves bus plan")
    assert texts(kept) == texts(PROSE)
    assert removed[0].rule == "headline"


@pytest.mark.parametrize("line", [
    "Home > News > Schools",
    "By Ruth Ann Dwyer, Courier Staff Writer",
    "Published March 17, 2025",
    "Aktualisiert: 11.04.2020, 10:27",
    "2025年9月11日 06:00 更新 北陽日報社",
    "Members of the team test their robot. (Courier photo)",
])
def test_drops_leading_furniture_lines(line):
    kept, removed = trim_blocks([Block("paragraph", line), *PROSE], None)
    assert line not in texts(kept) and len(kept) == len(PROSE)
    assert removed and removed[0].rule == "boilerplate_line"


@pytest.mark.parametrize("line", [
    "Email this story | Print",
    "Tags: transit, city council",
    "Copyright 2008 The Associated Press. All rights reserved.",
    "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
    "This entry was posted in Allgemein. Bookmark the permalink.",
    "Telefon: +49 40 300 30 1141",
])
def test_drops_trailing_furniture_lines(line):
    kept, removed = trim_blocks([*PROSE, Block("paragraph", line)], None)
    assert texts(kept) == texts(PROSE)
    assert removed[0].reason.endswith("after the body")


def test_keeps_a_matching_line_between_prose_paragraphs():
    middle = Block("paragraph", "Tags: this line sits between two paragraphs of prose")
    blocks = [PROSE[0], middle, PROSE[1]]
    kept, removed = trim_blocks(blocks, None)
    assert texts(kept) == texts(blocks) and not removed


def test_disabled_rule_keeps_lines():
    blocks = [Block("paragraph", "By Jane Doe"), *PROSE]
    kept, _ = trim_blocks(blocks, None, disabled=frozenset({"boilerplate_line"}))
    assert texts(kept) == texts(blocks)
