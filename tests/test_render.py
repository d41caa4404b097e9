"""Output renderings (issue 3 §2): inline emphasis, links, images, nested lists, the HTML
attribute whitelist, reader comments, and Markdown tables/lists of the samples."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

import cleannews
from cleannews import Article, Block
from cleannews.article import Span

SAMPLES = sorted(p for p in (Path(__file__).parent.parent / "samples").iterdir() if (p / "source.html").exists())
URL = "https://news.example.com/city/2024/bus.html"
PROSE = ("The council voted on Tuesday to extend late-night bus service on three busy routes, officials said. "
         "Ridership after ten in the evening rose by roughly a fifth last year, driven by hospital staff.")


def page(body: str, after: str = "") -> str:
    return (f'<html lang="en"><head><title>Bus plan</title></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>Bus plan</h1><p>{PROSE}</p>{body}<p>{PROSE}</p></article>{after}</body></html>")


LINKED = page('<p>Read the <a href="../docs/plan.pdf" onclick="track()">full plan</a> and '
              '<a href="javascript:void(0)">vote here</a> or see <a href="https://other.example.org/x?a=1">the map</a>, '
              "which the transit agency published on its website together with a long list of stops.</p>")


# --- emphasis ----------------------------------------------------------------------------------


def test_emphasis_in_markdown_and_html():
    a = cleannews.clean(page("<p>Service starts <strong>on 1 April</strong>, with <em>three</em> routes and "
                             "<b><i>no</i></b> fare rise for riders who travel after ten in the evening.</p>"), URL,
                        include_formatting=True)
    line = next(b for b in a.blocks if b.text.startswith("Service starts"))
    assert line.text == ("Service starts on 1 April, with three routes and no fare rise for riders who travel "
                         "after ten in the evening.")
    md = a.to_markdown()
    assert "Service starts **on 1 April**, with *three* routes and ***no*** fare rise" in md
    out = a.to_html()
    assert ("<p>Service starts <strong>on 1 April</strong>, with <em>three</em> routes and "
            "<strong><em>no</em></strong> fare rise") in out
    # off by default (plain text does not use it), as in trafilatura: the renderings are plain
    plain = cleannews.clean(page("<p>Service starts <strong>on 1 April</strong>, with three routes and no "
                                 "fare rise for riders who travel after ten in the evening.</p>"), URL)
    assert "**" not in plain.to_markdown() and "<strong>" not in plain.to_html()


def test_emphasis_markers_touch_the_words_and_specials_are_escaped():
    a = Article(is_article=True, blocks=(Block("paragraph", "a bold* b", inline=(
        Span("a "), Span("bold* ", strong=True), Span("b"))),))
    assert a.to_markdown() == "a **bold\\*** b\n"


def test_plain_lines_have_no_inline_spans():
    a = cleannews.clean(page(""), URL)
    assert a.blocks and all(b.inline is None for b in a.blocks)


# --- links -------------------------------------------------------------------------------------


def test_links_absolute_and_javascript_dropped():
    a = cleannews.clean(LINKED, URL, include_links=True)
    md = a.to_markdown()
    assert "[full plan](https://news.example.com/city/docs/plan.pdf)" in md
    assert "[the map](https://other.example.org/x?a=1)" in md
    assert "javascript" not in md and "[vote here]" not in md and "vote here" in md
    root = lxml.html.fragment_fromstring(a.to_html())
    assert [x.get("href") for x in root.iter("a")] == ["https://news.example.com/city/docs/plan.pdf",
                                                       "https://other.example.org/x?a=1"]
    assert [x.text for x in root.iter("a")] == ["full plan", "the map"]


def test_links_off_by_default_and_text_unchanged():
    plain = cleannews.clean(LINKED, URL)
    linked = cleannews.clean(LINKED, URL, include_links=True)
    assert "](" not in plain.to_markdown() and "<a " not in plain.to_html()
    assert "Read the full plan and vote here or see the map, which" in plain.to_markdown()
    assert linked.text == plain.text
    assert [b.text for b in linked.blocks] == [b.text for b in plain.blocks]


# --- images ------------------------------------------------------------------------------------


IMAGES = page('<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/bus.jpg" alt="A night bus">'
              "</figure><p>Drivers welcomed the plan, which adds about forty shifts a week across the three "
              'routes.<img src="chart.png" alt="Riders by hour"></p>'
              '<p>Tracking pixel <img src="javascript:alert(1)" alt="x"> ignored in the rest of this line of text.</p>')


def test_images_lazy_and_relative_made_absolute():
    a = cleannews.clean(IMAGES, URL, include_images=True)
    md = a.to_markdown()
    assert "![A night bus](https://news.example.com/img/bus.jpg)\n\nDrivers welcomed the plan" in md
    assert "routes.![Riders by hour](https://news.example.com/city/2024/chart.png)" in md
    assert "data:image" not in md and "javascript" not in md
    root = lxml.html.fragment_fromstring(a.to_html())
    assert [(i.get("src"), i.get("alt")) for i in root.iter("img")] == [
        ("https://news.example.com/img/bus.jpg", "A night bus"),
        ("https://news.example.com/city/2024/chart.png", "Riders by hour")]
    plain = cleannews.clean(IMAGES, URL)
    assert plain.text == a.text and "![" not in plain.to_markdown() and "<img" not in plain.to_html()


def test_images_and_links_together():
    a = cleannews.clean(page('<p>See <a href="/m"><img src="/i.png" alt="map"> the route map</a> online, '
                             "the agency said, adding that printed copies are on every bus.</p>"), URL,
                        include_images=True, include_links=True)
    md = a.to_markdown()
    assert "See ![map](https://news.example.com/i.png)[the route map](https://news.example.com/m) online" in md


# --- lists -------------------------------------------------------------------------------------


NESTED = page("<ul><li>Route 1 runs later<ol><li>weekdays until 1 a.m.</li><li>Sundays until midnight</li></ol>"
              "</li><li>Route 2 runs later</li><li>Route 3 is unchanged for now</li></ul>")


def test_nested_lists_markdown():
    md = cleannews.clean(NESTED, URL).to_markdown()
    assert ("- Route 1 runs later\n  1. weekdays until 1 a.m.\n  1. Sundays until midnight\n"
            "- Route 2 runs later\n- Route 3 is unchanged for now\n") in md


def test_nested_lists_html():
    out = cleannews.clean(NESTED, URL).to_html()
    assert ("<ul><li>Route 1 runs later<ol><li>weekdays until 1 a.m.</li><li>Sundays until midnight</li></ol></li>"
            "<li>Route 2 runs later</li><li>Route 3 is unchanged for now</li></ul>") in out
    root = lxml.html.fragment_fromstring(out)
    assert [li.getparent().tag for li in root.iter("li")] == ["ul", "ol", "ol", "ul", "ul"]


def test_list_nested_under_a_numbered_item_is_indented_to_its_text():
    a = Article(is_article=True, blocks=(Block("list_item", "one", level=1, ordered=True),
                                         Block("list_item", "inner", level=3), Block("list_item", "two", level=1)))
    assert a.to_markdown() == "1. one\n   - inner\n- two\n"  # a level jump nests one level only


# --- HTML whitelist ----------------------------------------------------------------------------


def test_html_has_only_href_src_alt_attributes():
    evil = page('<p style="color:red" class="lead" onclick="x()">Riders <a href="/a" class="c" target="_blank" '
                'rel="nofollow" onmouseover="y()">can read</a> more <img src="/p.png" alt="p" width="10" '
                'onerror="z()"> and <span style="font-weight:bold">bold</span> news about the '
                "night service plan here.</p><script>alert(1)</script><style>p{}</style>")
    for opts in ({}, {"include_links": True, "include_images": True}):
        root = lxml.html.fragment_fromstring(cleannews.clean(evil, URL, **opts).to_html())
        allowed = {"a": {"href"}, "img": {"src", "alt"}}
        assert all(set(el.attrib) <= allowed.get(el.tag, set()) for el in root.iter())
        assert not list(root.iter("script", "style", "span"))
        assert "alert" not in lxml.html.tostring(root, encoding="unicode")
    assert root.find(".//a") is not None and root.find(".//img") is not None


def test_html_escapes_urls():
    a = Article(is_article=True, blocks=(Block("paragraph", "x", inline=(
        Span("x", href='https://e.com/?a=1&b="2"'), Span("i", src="https://e.com/i.png?x=<y>"))),))
    root = lxml.html.fragment_fromstring(a.to_html())
    assert root.find(".//a").get("href") == 'https://e.com/?a=1&b="2"'
    assert root.find(".//img").get("src") == "https://e.com/i.png?x=<y>"


# --- comments ----------------------------------------------------------------------------------


THREAD = ('<section id="comments" class="comments-area"><h2 class="comments-title">3 Comments</h2>'
          '<ol class="comment-list"><li class="comment"><div class="comment-author">Ann Lee</div>'
          "<p>Great news for night workers, finally.</p>"
          '<div class="reply"><a class="comment-reply-link" href="#r">Reply</a></div>'
          '<ol class="children"><li class="comment"><p>Agreed, the last bus was far too early.</p></li></ol></li>'
          '<li class="comment"><p>What about Route 4?</p></li></ol>'
          '<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>'
          '<form class="comment-form"><p class="comment-notes">Your email address will not be published.</p>'
          '<label>Comment</label><textarea></textarea><button>Post Comment</button></form>'
          '<p class="must-log-in">You must be logged in to post a comment.</p></div></section>')


def test_include_comments_collects_the_thread_apart_from_the_text():
    a = cleannews.clean(page("", after=THREAD), URL, include_comments=True)
    assert a.comments == ("Ann Lee\nGreat news for night workers, finally.\n"
                          "Agreed, the last bus was far too early.\nWhat about Route 4?")
    for chrome in ("Reply", "Leave a", "Post Comment", "logged in", "email address", "3 Comments"):
        assert chrome not in a.comments
    assert "Great news" not in a.text and "Route 4" not in a.text and "Great news" not in a.to_markdown()
    assert a.to_dict()["comments"] == a.comments


def test_comments_none_when_off_or_absent():
    off = cleannews.clean(page("", after=THREAD), URL)
    assert off.comments is None and "Great news" not in off.text
    assert off.text == cleannews.clean(page("", after=THREAD), URL, include_comments=True).text
    assert cleannews.clean(page(""), URL, include_comments=True).comments is None


# --- samples -----------------------------------------------------------------------------------


def test_markdown_renders_the_table_and_list_of_a_sample():
    a = cleannews.clean((Path(__file__).parent.parent / "samples/ja_utf8_structured_tourism/source.html").read_bytes())
    md = a.to_markdown()
    assert "| 区分 | 2023年 | 2024年 | 前年比 |\n|---|---|---|---|\n| 延べ宿泊者数（全体） | 1,121万人 | 1,280万人 | 14.2％増 |" in md
    assert "| 観光消費額 | 2,870億円 | 3,410億円 | 18.8％増 |" in md
    assert "- 国際線の定期便が3路線新たに就航し、台湾、韓国との直行便が週42便に増えたこと\n- 大型クルーズ船の寄港が" in md
    assert "## 訪日客はアジアからが7割" in md
    out = a.to_html()
    assert "<tr><th>区分</th><th>2023年</th><th>2024年</th><th>前年比</th></tr>" in out
    assert "<ul><li>国際線の定期便が3路線新たに就航し" in out


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_lists_and_tables_reach_markdown(sample):
    a = cleannews.clean((sample / "source.html").read_bytes(), include_links=True, include_images=True)
    md = a.to_markdown()
    lines = md.split("\n")
    items = [x for x in lines if re.match(r" *(?:-|1\.) \S", x)]
    assert len(items) == sum(b.kind == "list_item" for b in a.blocks)
    for block in a.blocks:
        if block.kind == "list_item" and block.inline is None:
            assert any(x.endswith(" " + block.text) for x in items)
        elif block.kind == "table_row":
            assert "| " + " | ".join(c.replace("|", "\\|") for c in block.cells) + " |" in lines
        if block.inline is not None:  # spans always spell the block's text
            assert "".join(s.text for s in block.inline if s.src is None) == block.text
    plain = cleannews.clean((sample / "source.html").read_bytes())
    assert plain.text == a.text  # links and images never change the text


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_flags_drive_the_same_options(tmp_path, capsys):
    from cleannews.cli import build_parser, main, options_from_args

    args = build_parser().parse_args(["clean", "x.html", "--include-links", "--include-images", "--include-comments"])
    opts = options_from_args(args)
    assert (opts.include_links, opts.include_images, opts.include_comments) == (True, True, True)
    assert options_from_args(build_parser().parse_args(["clean", "x.html"])) == cleannews.Options()
    path = tmp_path / "bus.html"
    path.write_text(LINKED.replace("</article>", "</article>" + THREAD))
    assert main(["clean", str(path), "-f", "markdown", "--include-links", "--workers", "1"]) == 0
    md = capsys.readouterr().out
    assert "[full plan](../docs/plan.pdf)" in md  # no page URL: the href as written
    assert main(["clean", str(path), "-f", "json", "--include-comments", "--workers", "1"]) == 0
    doc = __import__("json").loads(capsys.readouterr().out)
    assert "Great news for night workers" in doc["comments"] and "Great news" not in doc["text"]


def test_comment_chrome_lines_dropped():
    thread = ('<div class="comments"><h3>コメント</h3><span class="count">384</span><p>古い順 | 新しい順</p>'
              "<p>いつも楽しく読んでいます。</p><p>コメントを投稿</p></div>")
    a = cleannews.clean(page("", after=thread), URL, include_comments=True)
    assert a.comments == "いつも楽しく読んでいます。"
