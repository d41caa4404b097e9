"""`cleannews.Article`, `Block`, `Removal`: frozen results and their renderings."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import lxml.html
import pytest

import cleannews
from cleannews import Article, Block, Removal

DICT_KEYS = ["url", "canonical_url", "title", "text", "is_article", "reason", "page_type", "authors", "published",
             "modified", "site_name", "lang", "description", "image", "tags", "categories", "comments"]

BLOCKS = (
    Block("paragraph", "The council voted on Tuesday."),
    Block("heading", "What changes", level=2),
    Block("list_item", "Route 1 runs later", level=1),
    Block("list_item", "weekdays only", level=2),
    Block("list_item", "Route 2 runs later", level=1),
    Block("paragraph", "Steps:"),
    Block("list_item", "first step", level=1, ordered=True),
    Block("list_item", "second step", level=1, ordered=True),
    Block("table_row", "Route | Last bus", cells=("Route", "Last bus"), header=True),
    Block("table_row", "1 | 00:30", cells=("1", "00:30")),
    Block("quote", "It is about time."),
    Block("quote", "Finally."),
    Block("code", 'route = 1\nlast = "00:30"'),
    Block("heading", "Deep", level=5),
    Block("paragraph", "The end."),
)


def make(**kw) -> Article:
    base = dict(text="\n".join(b.text for b in BLOCKS), title="Bus plan", is_article=True, blocks=BLOCKS,
                url="https://example.com/a", page_type="article")
    base.update(kw)
    return Article(**base)


# --- frozen dataclasses ------------------------------------------------------------------------


@pytest.mark.parametrize("obj,field", [(Article(), "text"), (Block("paragraph", "x"), "text"),
                                       (Removal("ads", "r", "e"), "rule")])
def test_frozen(obj, field):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, "changed")


def test_defaults_describe_a_non_article():
    a = Article()
    assert a.text == "" and a.is_article is False and a.title is None
    assert a.removed == () and a.blocks == () and a.authors == () and a.page_type == "other"


def test_equality_ignores_extras():
    assert make(extras={"a": 1}) == make(extras={"b": 2})
    assert make() != make(text="other")


def test_removal_to_dict():
    r = Removal("ranking", "heading 'アクセスランキング' over a block of links", "アクセスランキング…", "body/div[2]")
    assert r.to_dict() == {"rule": "ranking", "reason": "heading 'アクセスランキング' over a block of links",
                           "excerpt": "アクセスランキング…", "path": "body/div[2]"}
    assert Removal("a", "b", "c").path == ""


# --- to_dict -----------------------------------------------------------------------------------


def test_to_dict_keys_are_stable_and_json_ready():
    d = make().to_dict()
    assert list(d) == DICT_KEYS
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["authors"] == [] and d["tags"] == [] and d["categories"] == []
    assert "removed" not in d and "blocks" not in d and "extras" not in d


def test_to_dict_dates_are_iso_8601():
    jst = timezone(timedelta(hours=9))
    a = make(published=datetime(2024, 4, 1, 9, 30, tzinfo=jst), modified=datetime(2024, 4, 2, 12, 0))
    d = a.to_dict()
    assert d["published"] == "2024-04-01T09:30:00+09:00"
    assert d["modified"] == "2024-04-02T12:00:00"
    assert datetime.fromisoformat(d["published"]) == a.published
    assert make().to_dict()["published"] is None


def test_to_dict_removed_only_on_request():
    removed = (Removal("ads", "class/id word 'ad'", "Buy now", "body/div"),
               Removal("ranking", "heading", "Most read", "body/aside"))
    a = make(removed=removed, authors=("Jane Doe",), tags=("bus",))
    assert "removed" not in a.to_dict()
    d = a.to_dict(include_removed=True)
    assert list(d) == DICT_KEYS + ["removed"]
    assert d["removed"] == [r.to_dict() for r in removed]
    assert d["authors"] == ["Jane Doe"] and d["tags"] == ["bus"]


def test_to_dict_of_a_cleaned_page():
    page = ('<html lang="en"><head><title>Bus plan</title></head><body><article><h1>Bus plan</h1>'
            "<p>The council voted on Tuesday to extend late-night bus service on three busy routes, officials said.</p>"
            "<p>Ridership after ten in the evening rose by roughly a fifth last year, driven by hospital staff.</p>"
            '<div class="share"><a href="#">Share</a></div></article></body></html>')
    d = cleannews.clean(page, "https://example.com/bus").to_dict(include_removed=True)
    assert d["url"] == "https://example.com/bus" and d["title"] == "Bus plan" and d["lang"] == "en"
    assert d["is_article"] is True and d["page_type"] == "article"
    assert any(r["rule"] == "share" for r in d["removed"])
    json.dumps(d)


# --- to_markdown -------------------------------------------------------------------------------


def test_to_markdown():
    md = make().to_markdown()
    lines = md.split("\n")
    assert lines[0] == "# Bus plan" and lines[1] == ""
    assert "## What changes" in lines
    assert "##### Deep" in lines
    assert md.endswith("The end.\n")
    i = lines.index("- Route 1 runs later")
    assert lines[i + 1] == "  - weekdays only"  # nested list indented under its parent
    assert lines[i + 2] == "- Route 2 runs later"
    j = lines.index("1. first step")
    assert lines[j + 1] == "1. second step"  # CommonMark numbers them in order
    k = lines.index("| Route | Last bus |")
    assert lines[k + 1] == "|---|---|"  # header separator right after the first row
    assert lines[k + 2] == "| 1 | 00:30 |"
    q = lines.index("> It is about time.")
    assert lines[q + 1:q + 3] == [">", "> Finally."]  # two quoted paragraphs, not one
    c = lines.index("```")
    assert lines[c:c + 4] == ["```", "route = 1", 'last = "00:30"', "```"]


def test_to_markdown_blank_lines_between_groups_only():
    md = make().to_markdown(with_title=False)
    assert not md.startswith("#")
    assert "The council voted on Tuesday.\n\n## What changes\n\n- Route 1" in md
    assert "\n\n\n" not in md


def test_to_markdown_escapes_pipes_in_cells():
    a = make(blocks=(Block("table_row", "a|b | c", cells=("a|b", "c")),))
    assert "| a\\|b | c |" in a.to_markdown()


def test_to_markdown_heading_levels_are_clamped():
    a = make(title=None, blocks=(Block("heading", "Top", level=1), Block("heading", "Low", level=9)))
    assert a.to_markdown() == "## Top\n\n###### Low\n"


def test_to_markdown_of_an_empty_article():
    assert Article().to_markdown() == "\n"
    assert Article(title="Only a title").to_markdown() == "# Only a title\n"


# --- to_html -----------------------------------------------------------------------------------


def test_to_html_structure():
    out = make().to_html()
    assert out.startswith("<article><h1>Bus plan</h1><p>The council voted on Tuesday.</p><h2>What changes</h2>")
    assert out.endswith("<p>The end.</p></article>")
    assert "<ul><li>Route 1 runs later<ul><li>weekdays only</li></ul></li><li>Route 2 runs later</li></ul>" in out
    assert "<ol><li>first step</li><li>second step</li></ol>" in out
    assert "<table><tr><th>Route</th><th>Last bus</th></tr><tr><td>1</td><td>00:30</td></tr></table>" in out
    assert "<blockquote><p>It is about time.</p></blockquote>" in out
    assert "<pre><code>route = 1\nlast = &quot;00:30&quot;</code></pre>" in out
    assert "<h5>Deep</h5>" in out


def test_to_html_is_well_formed_and_has_no_attributes():
    out = make().to_html()
    root = lxml.html.fragment_fromstring(out)
    assert root.tag == "article"
    assert all(not el.attrib for el in root.iter())
    assert {el.tag for el in root.iter()} == {"article", "h1", "h2", "h5", "p", "ul", "ol", "li", "table", "tr", "th",
                                              "td", "blockquote", "pre", "code"}
    assert [el.text for el in root.iter("li")] == ["Route 1 runs later", "weekdays only", "Route 2 runs later",
                                                   "first step", "second step"]


def test_to_html_escapes_text():
    evil = '<script>alert("x")</script> & <b onclick="y">'
    a = Article(title=evil, is_article=True, text=evil, blocks=(
        Block("paragraph", evil), Block("heading", evil, level=2), Block("list_item", evil, level=1),
        Block("quote", evil), Block("code", evil), Block("table_row", evil, cells=(evil,), header=True)))
    out = a.to_html()
    assert "<script" not in out and "onclick=" not in out.replace("onclick=&quot;", "")
    root = lxml.html.fragment_fromstring(out)
    assert not list(root.iter("script", "b"))
    assert all(not el.attrib for el in root.iter())
    texts = [t for t in root.itertext()]
    assert texts.count(evil) == 7  # title + six blocks, each intact as text


def test_to_html_closes_open_lists_and_tables():
    a = make(title=None, blocks=(Block("list_item", "a", level=1), Block("table_row", "x", cells=("x",))))
    assert a.to_html() == "<article><ul><li>a</li></ul><table><tr><td>x</td></tr></table></article>"
    b = make(title=None, blocks=(Block("list_item", "a", level=1), Block("list_item", "b", level=1, ordered=True)))
    assert b.to_html() == "<article><ul><li>a</li></ul><ol><li>b</li></ol></article>"
    assert Article().to_html() == "<article></article>"
