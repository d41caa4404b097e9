"""_jsonld: tolerant parsing of JSON-LD blocks and the object index."""

from __future__ import annotations

import pytest

from cleannews._jsonld import JsonLd, parse_blocks, texts


@pytest.mark.parametrize("raw, expected", [
    ('{"a": 1}', [{"a": 1}]),
    ('{"a": 1,}', [{"a": 1}]),
    ('{"a": [1, 2,],}', [{"a": [1, 2]}]),
    ('{"a": "line\nbreak\ttab"}', [{"a": "line\nbreak\ttab"}]),
    ('<!--\n{"a": 1}\n-->', [{"a": 1}]),
    ('// <![CDATA[\n{"a": 1}\n// ]]>', [{"a": 1}]),
    ('{"a": 1}{"b": 2}', [{"a": 1}, {"b": 2}]),
    ('{"a": 1},\n{"b": 2};', [{"a": 1}, {"b": 2}]),
    ('{"a": 1} garbage', [{"a": 1}]),
    ('not json at all', []),
    ("", []),
])
def test_parse_blocks(raw, expected):
    assert parse_blocks(raw) == expected


def test_articles_first_graph_flattened_and_references_resolved():
    ld = JsonLd([{"@graph": [
        {"@type": "WebSite", "name": "Site"},
        {"@type": "Person", "@id": "#p", "name": "Maya Okafor", "url": "/maya"},
        {"@type": ["schema:NewsArticle"], "headline": "H", "author": [{"@id": "#p"}, "Li Wei"]},
    ]}])
    assert [o.get("headline") for o in ld.articles] == ["H"]
    assert ld.first("name") == "Site"
    assert ld.first("name", articles_only=True) is None
    assert ld.names(ld.first("author", articles_only=True)) == ["Maya Okafor", "Li Wei"]


def test_main_entity_is_unwrapped():
    ld = JsonLd([{"@type": "WebPage", "mainEntity": {"@type": "BlogPosting", "headline": "H"}}])
    assert ld.first("headline", articles_only=True) == "H"


def test_unknown_reference_stays_as_it_is():
    ld = JsonLd([{"@type": "Article", "author": {"@id": "#nobody"}}])
    assert ld.names(ld.first("author")) == []


@pytest.mark.parametrize("value, expected", [
    ("a", ["a"]), (["a", "", None, 3], ["a", "3"]), ({"@value": "v"}, ["v"]),
    ({"url": "/i.jpg"}, ["/i.jpg"]), ([{"name": "n"}], ["n"]), (True, []), (None, []),
])
def test_texts(value, expected):
    assert texts(value) == expected
