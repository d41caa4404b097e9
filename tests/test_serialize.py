"""`cleannews.serialize`: body nodes → Blocks, with the structural rules `link_dense` and `teaser_list`."""

from __future__ import annotations

import lxml.html

import cleannews
from cleannews.measure import Measure
from cleannews.serialize import render_blocks

BODY = (
    "The council voted on Tuesday to extend late-night bus service on three busy routes, pushing the last "
    "departures back by half an hour.",
    "Transit officials said ridership after ten in the evening rose by roughly a fifth last year, driven by hospital "
    "staff and restaurant workers.",
    "The extra service is expected to cost about eight hundred thousand dollars a year, and fares will not change, "
    "officials said.",
)


def render(inner: str, **kw):
    root = lxml.html.document_fromstring(f"<html><body><div id='top'>{inner}</div></body></html>")
    top = root.find("body/div")
    return render_blocks([top], measure=Measure(), **kw)


def kinds(blocks) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_paragraphs_and_headings():
    blocks, removed = render("<h2>The vote</h2><p>First <b>bold</b> and <em>em</em> text.</p><h3>Sub</h3>"
                             "<p>Second<br>third</p><h1>Top</h1>")
    assert kinds(blocks) == [("heading", "The vote"), ("paragraph", "First bold and em text."), ("heading", "Sub"),
                             ("paragraph", "Second"), ("paragraph", "third"), ("heading", "Top")]
    assert [b.level for b in blocks if b.kind == "heading"] == [2, 3, 1]
    assert removed == []


def test_nested_lists():
    blocks, _ = render("<ol><li>one<ul><li>sub a</li><li>sub b<ol><li>deep</li></ol></li></ul></li><li>two</li></ol>"
                       "<ul><li>plain</li></ul>")
    assert [(b.kind, b.text, b.level, b.ordered) for b in blocks] == [
        ("list_item", "one", 1, True), ("list_item", "sub a", 2, False), ("list_item", "sub b", 2, False),
        ("list_item", "deep", 3, True), ("list_item", "two", 1, True), ("list_item", "plain", 1, False)]


def test_data_table_rows():
    blocks, _ = render("<table><caption>Last buses</caption><thead><tr><th>Route</th><th>Last bus</th></tr></thead>"
                       "<tbody><tr><td>14</td><td>00:30</td></tr><tr><td>22</td><td> 00:45 </td></tr></tbody></table>")
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [(b.cells, b.header) for b in rows] == [(("Route", "Last bus"), True), (("14", "00:30"), False),
                                                   (("22", "00:45"), False)]
    assert rows[1].text == "14 | 00:30"


def test_table_without_header_but_grid_shape_is_data():
    blocks, _ = render("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>")
    assert [b.kind for b in blocks] == ["table_row", "table_row"]


def test_layout_table_renders_as_paragraphs():
    blocks, _ = render(f"<table><tr><td><p>{BODY[0]}</p></td></tr><tr><td><p>{BODY[1]}</p></td></tr></table>")
    assert kinds(blocks) == [("paragraph", BODY[0]), ("paragraph", BODY[1])]


def test_include_tables_false():
    blocks, _ = render("<table><tr><th>Route</th><th>Last bus</th></tr><tr><td>14</td><td>00:30</td></tr></table>",
                       include_tables=False)
    assert all(b.kind != "table_row" for b in blocks)
    assert [b.text for b in blocks] == ["Route", "Last bus", "14", "00:30"]


def test_line_breaks_in_table_cells_separate_words():
    blocks, _ = render("<table><tr><th>Last<br>bus</th><th>Days</th></tr><tr><td>00:30</td><td>Mon<br>Fri</td></tr>"
                       "</table>")
    assert blocks[0].cells == ("Last bus", "Days")
    assert blocks[1].cells == ("00:30", "Mon Fri")


def test_quotes():
    blocks, _ = render("<blockquote><p>It is about time.</p><p>Finally.</p></blockquote>"
                       "<blockquote>Plain quote<br>second line</blockquote>")
    assert kinds(blocks) == [("quote", "It is about time."), ("quote", "Finally."), ("quote", "Plain quote"),
                             ("quote", "second line")]


def test_code_block_keeps_lines_and_indentation():
    blocks, _ = render("<pre><code>\ndef f():\n    return  1\n</code></pre><p>after</p>")
    assert kinds(blocks) == [("code", "def f():\n    return  1"), ("paragraph", "after")]


def test_definition_lists_and_figures():
    blocks, _ = render("<dl><dt>Route 14</dt><dd>Runs until half past midnight.</dd></dl>"
                       "<figure><img src='/a.jpg'><figcaption>The new bus, on Tuesday.</figcaption></figure>")
    assert kinds(blocks) == [("paragraph", "Route 14"), ("paragraph", "Runs until half past midnight."),
                             ("paragraph", "The new bus, on Tuesday.")]


def test_scripts_and_form_controls_are_skipped():
    blocks, _ = render("<p>Keep <script>var x = 1;</script>this<button>Click</button> text.</p>"
                       "<textarea>typed</textarea><select><option>opt</option></select>")
    assert kinds(blocks) == [("paragraph", "Keep this text.")]


def test_text_after_the_top_node_is_not_part_of_it():
    root = lxml.html.document_fromstring(f"<html><body><div id='a'><p>{BODY[0]}</p></div>tail text</body></html>")
    blocks, _ = render_blocks([root.find("body/div")], measure=Measure())
    assert [b.text for b in blocks] == [BODY[0]]


# --- structural rules ------------------------------------------------------------------------


def test_link_dense_container_is_dropped_with_a_removal():
    blocks, removed = render(f"<p>{BODY[0]}</p><div class='x'><a href='/1'>One linked story here</a> "
                             f"<a href='/2'>Another linked story here</a></div><p>{BODY[1]}</p>")
    assert kinds(blocks) == [("paragraph", BODY[0]), ("paragraph", BODY[1])]
    assert len(removed) == 1
    r = removed[0]
    assert r.rule == "link_dense" and r.excerpt.startswith("One linked story here")
    assert "links" in r.reason and r.path.endswith("div/div")


def test_short_paragraph_that_is_all_link_is_dropped():
    blocks, removed = render(f"<p>{BODY[0]}</p><p><a href='/pdf'>市の発表資料（PDF）</a></p>")
    assert kinds(blocks) == [("paragraph", BODY[0])]
    assert [(r.rule, r.excerpt) for r in removed] == [("link_dense", "市の発表資料（PDF）")]


def test_paragraph_with_an_inline_link_is_kept():
    text = "See the council report for more details on the plan, its budget and the routes it covers."
    blocks, removed = render("<p>See <a href='/r'>the council report</a> for more details on the plan, its budget "
                             "and the routes it covers.</p>")
    assert kinds(blocks) == [("paragraph", text)]
    assert removed == []


def test_teaser_list_is_dropped_with_a_removal():
    items = "".join(f"<li><a href='/{i}'>Linked story number {i}</a></li>" for i in range(4))
    blocks, removed = render(f"<p>{BODY[0]}</p><ul>{items}</ul><p>{BODY[1]}</p>")
    assert kinds(blocks) == [("paragraph", BODY[0]), ("paragraph", BODY[1])]
    assert [r.rule for r in removed] == ["teaser_list"]
    assert removed[0].excerpt.startswith("Linked story number 0")
    assert removed[0].reason.startswith("list of 4 items")


def test_list_whose_items_open_with_words_before_their_links_is_prose():
    """'Ankush Dua <a>fixed an issue with …</a>': the link is the middle of a sentence; a
    teaser item opens with its headline link, after a bullet or a number at most."""
    prose = ("<ul><li>🌟 Ankush Dua <a href='/1'>fixed an issue with revoked permissions for extensions</a></li>"
             "<li>Gero <a href='/2'>removed an attribute from dialogs where it was not needed</a></li>"
             "<li>Neil <a href='/3'>has patches up to improve the behaviour of the tab unloader</a></li></ul>")
    teasers = "<ol>" + "".join(f"<li>{i}. <a href='/s{i}'>Linked story number {i}</a></li>" for i in range(4)) + "</ol>"
    blocks, removed = render(f"<p>{BODY[0]}</p>{prose}{teasers}")
    assert [b.text for b in blocks][1:] == ["🌟 Ankush Dua fixed an issue with revoked permissions for extensions",
                                            "Gero removed an attribute from dialogs where it was not needed",
                                            "Neil has patches up to improve the behaviour of the tab unloader"]
    assert [r.rule for r in removed] == ["teaser_list"]


def test_prose_list_is_kept_and_short_link_list_is_link_dense():
    blocks, removed = render("<ul><li>Route 14 runs later</li><li>Route 22 runs later</li><li>Route 31 unchanged</li>"
                             "</ul><ul><li><a href='/a'>Route 14 timetable</a></li><li><a href='/b'>Route 22</a></li>"
                             "</ul>")
    assert [b.text for b in blocks] == ["Route 14 runs later", "Route 22 runs later", "Route 31 unchanged"]
    assert [r.rule for r in removed] == ["link_dense"]  # two items: not a teaser list, but all links


def test_disabling_link_dense_keeps_link_blocks():
    dense = "<div><a href='/1'>One linked story here</a> <a href='/2'>Another linked story here</a></div>"
    blocks, removed = render(f"<p>{BODY[0]}</p>{dense}", disabled_rules=frozenset({"link_dense"}))
    assert removed == []
    assert [b.text for b in blocks] == [BODY[0], "One linked story here Another linked story here"]


def test_disabling_teaser_list_leaves_the_list_to_link_dense():
    items = "".join(f"<li><a href='/{i}'>Linked story number {i}</a></li>" for i in range(4))
    blocks, removed = render(f"<p>{BODY[0]}</p><ul>{items}</ul>", disabled_rules=frozenset({"teaser_list"}))
    assert [r.rule for r in removed] == ["link_dense"]
    blocks, removed = render(f"<p>{BODY[0]}</p><ul>{items}</ul>",
                             disabled_rules=frozenset({"teaser_list", "link_dense"}))
    assert removed == []
    assert [b.text for b in blocks][-1] == "Linked story number 3"


def test_structural_removals_through_clean():
    items = "".join(f"<li><a href='/{i}'>Linked story number {i}</a></li>" for i in range(4))
    page = (f"<html><body><article><p>{BODY[0]}</p><div class='x'><a href='/1'>One linked story here</a> "
            f"<a href='/2'>Another linked story here</a></div><p>{BODY[1]}</p><ul>{items}</ul><p>{BODY[2]}</p>"
            "</article></body></html>")
    article = cleannews.clean(page)
    assert article.text.split("\n") == list(BODY)
    rules = [r.rule for r in article.removed]
    assert "link_dense" in rules and "teaser_list" in rules
    off = cleannews.clean(page, disabled_rules={"link_dense", "teaser_list"})
    assert "One linked story here" in off.text and "Linked story number 3" in off.text


def test_empty_containers_leave_no_blocks():
    blocks, removed = render("<div></div><div><span> </span></div><p></p><ul><li></li></ul>")
    assert blocks == [] and removed == []


def test_link_rich_post_that_is_the_whole_body_is_kept():
    """A link-blog post (mostly links) that holds nearly all of the selected body stays."""
    post = ('<div class="top"><h2>Links of the day</h2><div class="entry">'
            + "".join(f'<p><a href="/x{i}">Press subsidy study doubts state support, part {i}</a> via example.org</p>'
                      for i in range(6))
            + "</div></div>")
    root = lxml.html.fromstring(post)
    blocks, removed = render_blocks([root], measure=Measure())
    assert any("Press subsidy study" in b.text for b in blocks)
    assert not any(r.rule == "link_dense" and r.excerpt.startswith("Press subsidy") for r in removed)


def test_a_line_that_is_only_a_web_address_is_dropped():
    """A reference list's bare link or a 'source' line is no sentence of the article: dropped
    (credited to boilerplate_line); a sentence that names an address and code keep theirs."""
    inner = (f"<p>{BODY[0]}</p><ul><li>https://pmc.ncbi.nlm.nih.gov/articles/PMC5094759/</li></ul>"
             "<p>Source: <br>www.example.org/report</p>"
             "<p>The full timetable is at www.example.org/buses from Monday.</p>"
             "<pre>curl https://example.org/api</pre>")
    blocks, removed = render(inner)
    assert kinds(blocks) == [("paragraph", BODY[0]), ("paragraph", "Source:"),
                             ("paragraph", "The full timetable is at www.example.org/buses from Monday."),
                             ("code", "curl https://example.org/api")]
    assert [(r.rule, r.excerpt) for r in removed] == [
        ("boilerplate_line", "https://pmc.ncbi.nlm.nih.gov/articles/PMC5094759/"),
        ("boilerplate_line", "www.example.org/report")]
    blocks, _ = render(inner, disabled_rules=frozenset({"boilerplate_line"}))
    assert len(blocks) == 6
