"""Tests for cleannews.parse: quirky input, limits, entity safety, non-mutation."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import lxml.etree as etree
import lxml.html

import pytest
from bs4 import BeautifulSoup

from cleannews.errors import InputError
from cleannews.parse import copy_tree, parse_html, strip_non_content, to_root

_text = etree.XPath("string(.)")  # parse_html returns plain lxml.etree elements

ARTICLE = """<!DOCTYPE html><html lang="ja"><head>
<meta charset="utf-8"><title>経済対策</title>
<link rel="canonical" href="https://example.com/a/1">
<script type="application/ld+json">{"@type": "NewsArticle"}</script>
<style>p {color: red}</style>
</head><body><!-- comment --><article><h1>経済対策を閣議決定</h1>
<p>政府は１５日<script>track()</script>、新たな経済対策を<b>閣議決定</b>した。</p>
<noscript>enable js</noscript><iframe src="/ad"></iframe><svg><text>logo</text></svg>
<form><input name="q"><button>検索</button>送信<select><option>a</option></select></form>
<p>首相は記者会見で述べた。</p></article></body></html>"""


def max_depth(root: etree._Element) -> int:
    deepest, stack = 0, [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node)
    return deepest


def serialize(node: etree._Element) -> str:
    return etree.tostring(node, encoding="unicode")


# --- basics ---------------------------------------------------------------------------

def test_parses_article_keeping_head_and_dropping_comments() -> None:
    root = parse_html(ARTICLE)
    assert isinstance(root, etree._Element) and root.tag == "html"
    assert root.findtext("head/title") == "経済対策"
    assert root.find("head/link[@rel='canonical']").get("href") == "https://example.com/a/1"
    assert root.find("head/script[@type='application/ld+json']") is not None
    assert root.find("body//script") is not None  # scripts stay until strip_non_content
    assert not root.xpath("//comment()")
    assert len(root.findall("body/article/p")) == 2


def test_xml_declaration_in_str_is_stripped() -> None:
    text = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>本文</p></body></html>'
    with pytest.raises(ValueError):
        lxml.html.document_fromstring(text)  # what we are protecting against
    for variant in (text, "\ufeff" + text, "  \n" + text, text.replace('"', "'")):
        assert parse_html(variant).findtext("body/p") == "本文"


def test_nul_characters_are_stripped() -> None:
    root = parse_html("<p>a\x00b</p>\x00<p>c</p>")
    assert [p.text for p in root.iter("p")] == ["ab", "c"]


def test_nul_and_space_only_input_gives_an_empty_body() -> None:
    for text in ("\x00", " \x00\n", "\x00\u3000"):
        root = parse_html(text)
        assert root.tag == "html" and len(root) == 1 and len(root[0]) == 0 and not root[0].text


def test_lone_surrogate_does_not_truncate_document() -> None:
    root = parse_html("<p>a\ud800b</p><p>after</p>")
    assert [p.text for p in root.iter("p")] == ["a\ufffdb", "after"]


@pytest.mark.parametrize("text", ["", "   \n\t ", "<!-- only a comment -->", "<?php echo 1 ?>",
                                  "<html></html>", "<head><title>t</title></head>"])
def test_empty_documents_still_have_html_and_body(text: str) -> None:
    root = parse_html(text)
    assert root.tag == "html"
    body = root.find("body")
    assert body is not None and len(body) == 0 and not (body.text or "").strip()


def test_plain_text_ends_up_in_body() -> None:
    root = parse_html("just some text, no markup")
    assert _text(root.find("body")) == "just some text, no markup"


@pytest.mark.parametrize("text", ["<", "<<<>>>", "</p></div>", "<div", "&#0;&#xD800;&bogus;",
                                  "<\x01\x02>", "]]>", "<![CDATA[x]]>", "<html><html><body><body>"])
def test_weird_input_never_raises(text: str) -> None:
    root = parse_html(text)
    assert root.tag == "html" and root.find("body") is not None


def test_bytes_are_rejected_with_input_error() -> None:
    with pytest.raises(InputError):
        parse_html(b"<p>x</p>")  # type: ignore[arg-type]


# --- entities ---------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p><p>&xxe;</p><p>ok</p></body></html>"""


def test_billion_laughs_and_external_entities_do_not_expand() -> None:
    root = parse_html(BILLION_LAUGHS)
    text = _text(root)
    assert "lollol" not in text
    assert "root:" not in text
    assert [_text(p) for p in root.iter("p")] == ["&lol9;", "&xxe;", "ok"]
    assert "]>" not in text  # the internal subset does not leak into the body


# --- depth and size guards ---------------------------------------------------------------

def test_20000_deep_nesting_returns_with_text_and_following_content() -> None:
    text = "<p>before</p>" + "<div>" * 20000 + "deep" + "</div>" * 20000 + "<p>after</p>"
    root = parse_html(text)
    content = _text(root)
    assert "before" in content and "deep" in content and "after" in content
    assert max_depth(root) <= 256


@pytest.mark.parametrize("nest", ["<div>", "<b>", "<a>", "<table><tr><td>", "<ul><li>", "<svg><g>", "<template><div>"])
def test_libxml2_builds_nothing_deeper_than_the_parser_depth(nest: str) -> None:
    # parse_html skips its depth pass for max_depth >= _PARSER_DEPTH: no parse may be deeper.
    from cleannews.parse import _PARSER_DEPTH, _parse
    for repeat in (100, 127, 128, 250, 255, 256, 257, 1000):
        root, as_parsed = _parse("<p>x</p>" + nest * repeat + "text")
        assert as_parsed and max_depth(root) <= (_PARSER_DEPTH or 10**9)


def test_unclosed_containers_do_not_lose_the_rest_of_the_article() -> None:
    paragraphs = [f"段落{i}です。" for i in range(600)]
    text = "<html><body>" + "".join(f'<div class="row"><p>{p}</p>' for p in paragraphs)
    root = parse_html(text + "<p>末尾</p></body></html>")
    assert [p.text for p in root.iter("p")] == [*paragraphs, "末尾"]


def test_unclosed_inline_tags_keep_text() -> None:
    root = parse_html("<p>x</p>" + "<b>" * 20000 + "text" + "<p>after</p>")
    assert "text" in _text(root) and "after" in _text(root)


def test_max_depth_flattens_deeper_subtrees_into_text() -> None:
    text = ("<div>" * 30 + "<p>a<b>b<i>c</i></b>d<script>x()</script></p>e" + "</div>" * 30
            + "<p>after</p>")
    root = parse_html(text, max_depth=10)
    assert max_depth(root) == 10
    flattened = root.xpath("/".join(["*"] * 10))[0]
    assert flattened.text == "abcde"
    assert root.xpath("string(body/p)") == "after"


def test_max_elements_drops_the_excess_in_document_order() -> None:
    text = "<html><head><title>t</title></head><body>" + "".join(
        f"<div><p>p{i}</p></div>" for i in range(100)) + "</body></html>"
    root = parse_html(text, max_elements=25)
    elements = list(root.iter())
    assert len(elements) == 25
    assert [p.text for p in root.iter("p")] == [f"p{i}" for i in range(10)]
    assert root.find("body") is not None
    assert len(list(parse_html(text).iter())) == 4 + 200


def test_max_elements_cut_inside_head_keeps_a_body() -> None:
    root = parse_html("<head>" + "<meta name=a>" * 50 + "</head><body><p>x</p></body>",
                      max_elements=5)
    assert len(root.find("head")) == 3
    assert root.find("body") is not None


# --- strip_non_content ----------------------------------------------------------------------

def test_strip_non_content_keeps_head_and_tails() -> None:
    root = parse_html(ARTICLE)
    strip_non_content(root)
    body = root.find("body")
    for tag in ("script", "style", "noscript", "iframe", "svg", "input", "button", "select"):
        assert body.find(f".//{tag}") is None, tag
    assert root.find("head/script") is not None and root.find("head/style") is not None
    first, second = body.findall(".//p")
    assert _text(first) == "政府は１５日、新たな経済対策を閣議決定した。"
    assert second.text == "首相は記者会見で述べた。"
    assert _text(body.find(".//form")) == "送信"
    assert "logo" not in _text(body) and "enable js" not in _text(body)


def test_strip_non_content_on_a_fragment_root() -> None:
    div = lxml.html.fragment_fromstring("<div>a<script>x</script>b<textarea>t</textarea>c</div>")
    strip_non_content(div)
    assert serialize(div) == "<div>abc</div>"


# --- copies ----------------------------------------------------------------------------------

def test_copy_tree_is_independent_and_drops_tail() -> None:
    root = parse_html("<div><p id=a>x<b>y</b></p>tail</div>")
    original = serialize(root)
    clone = copy_tree(root.find(".//p"))
    clone.find("b").text = "changed"
    clone.set("id", "changed")
    assert clone.tail is None
    assert serialize(root) == original
    assert isinstance(clone, etree._Element)


def test_to_root_never_mutates_callers_lxml_tree() -> None:
    doc = lxml.html.document_fromstring("<html><body><!-- c --><p>x</p><script>s</script>"
                                        "</body></html>")
    tree = doc.getroottree()
    before = serialize(doc)
    for obj in (doc, tree):
        root = to_root(obj)
        assert root is not doc
        strip_non_content(root)
        root.find("body/p").text = "mutated"
        root.find("body").append(lxml.html.Element("div"))
        assert serialize(doc) == before
        assert not root.xpath("//comment()")  # comments dropped like parse_html does


def test_to_root_wraps_a_subtree_element() -> None:
    doc = lxml.html.document_fromstring("<html><body><div id=x><p>p</p></div>tail</body></html>")
    before = serialize(doc)
    root = to_root(doc.find(".//div[@id='x']"))
    assert root.tag == "html"
    assert serialize(root.find("body")) == '<body><div id="x"><p>p</p></div></body>'
    root.find("body/div").clear()
    assert serialize(doc) == before


def test_to_root_accepts_xml_parsed_xhtml() -> None:
    xml = etree.fromstring('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p>'
                           '<div/><p>y</p></body></html>')
    root = to_root(xml)
    assert isinstance(root, etree._Element)
    assert [p.text for p in root.iter("p")] == ["x", "y"]
    assert root.find("body/div") is not None and len(root.find("body/div")) == 0


def test_to_root_accepts_beautifulsoup() -> None:
    soup = BeautifulSoup(ARTICLE, "html.parser")
    root = to_root(soup)
    assert isinstance(root, etree._Element) and root.tag == "html"
    assert root.findtext("head/title") == "経済対策"
    assert root.find("body/article/h1").text == "経済対策を閣議決定"
    tag_root = to_root(soup.find("article"))
    assert tag_root.find("body/article/h1").text == "経済対策を閣議決定"
    assert str(soup) == str(BeautifulSoup(ARTICLE, "html.parser"))  # soup untouched


def test_to_root_rejects_other_types() -> None:
    with pytest.raises(InputError):
        to_root(42)
    with pytest.raises(InputError):
        to_root("<p>str is not a tree</p>")


def test_to_root_applies_limits() -> None:
    doc = lxml.html.document_fromstring("<html><body>" + "<p>x</p>" * 50 + "</body></html>")
    assert len(list(to_root(doc, max_elements=10).iter())) == 10
    assert len(list(doc.iter())) == 52


def test_parse_html_is_thread_safe() -> None:
    pages = [f"<html><body><h1>t{i}</h1>" + "<p>x</p>" * 200 + "</body></html>" for i in range(40)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        titles = list(pool.map(lambda page: parse_html(page).findtext("body/h1"), pages))
    assert titles == [f"t{i}" for i in range(40)]


def test_strip_non_content_keeps_a_page_swallowed_by_an_unclosed_button() -> None:
    # libxml2 nests everything after an unclosed <button> inside it; the page must survive.
    page = ("<html><body><header><button class='menu'>Menu<div><h1>Headline</h1>"
            "<p>The article text that must not vanish with the button.</p></div></header></body></html>")
    root = parse_html(page)
    strip_non_content(root)
    assert "must not vanish" in _text(root)
    assert root.find(".//button") is None  # the control itself is gone, its content kept


def test_noscript_goes_whole_even_with_page_structure() -> None:
    # <noscript> is the page without scripts: its blocks repeat or replace the page (measured
    # on the dev sets), so unlike a swallowing <button> its content is not kept.
    page = ("<html><body><noscript><div><p>Please enable JavaScript to read this site.</p></div></noscript>"
            "<p>The article text.</p></body></html>")
    root = parse_html(page)
    strip_non_content(root)
    assert "enable JavaScript" not in _text(root) and "The article text." in _text(root)


def test_unclosed_title_does_not_swallow_the_page() -> None:
    # A mangled page whose <title> is never closed: libxml2 makes the whole rest of the
    # document the title's text; the page is re-parsed with the title closed.
    article = "<p>" + "Seoul golfer wins the open by three shots in strong winds. " * 30 + "</p>"
    page = "<html><head><title>Golfer wins(The Times)ntById('x');\n" + "var a = 1;\n" * 50 + \
           "</head><body><div>" + article + "</div></body></html>"
    root = parse_html(page)
    assert "wins the open" in _text(root.find("body"))
    assert len(root.findtext(".//title")) < 300


def test_post_shipped_in_a_script_template_is_unwrapped() -> None:
    page = ("<html><body><div class='post-body'><script type='text/template'>"
            "<p>Over the past few years we have seen threats becoming sophisticated.</p>"
            "</script></div><script>var x = '<p>not content</p>';</script></body></html>")
    root = parse_html(page)
    strip_non_content(root)
    text = _text(root.find("body"))
    assert "threats becoming sophisticated" in text and "not content" not in text


@pytest.mark.parametrize("data", ['{"caption": "<p>Ellen Fetter in 1963.<\\/p>"}',
                                  '<![CDATA[ [{"caption": "<p>Ellen Fetter in 1963.</p>"}] ]]>'])
def test_a_template_of_json_data_is_not_unwrapped(data) -> None:
    page = f"<html><body><p>Body.</p><script type='text/template'>{data}</script></body></html>"
    root = parse_html(page)
    strip_non_content(root)
    assert "Ellen" not in _text(root.find("body"))


def test_content_after_an_early_body_end_stays_in_the_body():
    """A page pasted from fragments closes </body> early: libxml2 puts the rest beside <body>;
    browsers keep one body, and so do we."""
    page = ("<table><tr><td>Menu</td></tr></table></body><br><table><tr><td><p>The pasted page's own "
            "paragraph.</p></td></tr></table><p>After the table.</p></body></html>")
    root = parse_html(page)
    assert [child.tag for child in root] == ["body"]
    text = _text(root.find("body"))
    assert "Menu" in text and "The pasted page's own paragraph." in text and "After the table." in text


def test_ruby_annotations_are_dropped_and_the_base_text_kept() -> None:
    root = parse_html("<html><body><p><ruby>地震<rp>（</rp><rt>じしん</rt><rp>）</rp></ruby>が<ruby>起<rt>お</rt>"
                      "</ruby>きました。<rt>外</rt>あと</p></body></html>")
    strip_non_content(root)
    assert _text(root.find("body")) == "地震が起きました。あと"
    assert next(root.iter("rt", "rp"), None) is None and root.find(".//ruby") is not None


def test_layout_after_an_early_document_end_joins_the_body():
    """A template that prints ``</body></html>`` after its header and the article after that:
    libxml2 makes the rest a second <html> beside the root.  A browser shows it in the body;
    so do we.  A bare ``<font>`` of text after the end (an old page's hidden keywords) stays out."""
    page = ("<html><body><header><nav><a href='/'>Home</a></nav></header></body></html>"
            "<div class='post'><h1>Six kinds of outsourcing</h1><p>The first kind of outsourcing "
            "is the oldest one.</p></div><font color='#eee'>cheap archery bows cheap arrows</font>")
    root = parse_html(page)
    text = _text(root.find("body"))
    assert "Home" in text and "The first kind of outsourcing is the oldest one." in text
    assert "cheap archery" not in text


def test_react_streamed_parts_are_moved_into_their_places():
    """React streams a late part as ``<div hidden id="S:0">`` at the end, moved by ``$RC`` into
    the ``<template id="B:0">`` boundary, and a nested segment by ``$RS`` into its
    ``<template id="P:1">`` slot.  The parts end up where the browser shows them, no longer
    hidden; the hidden div is gone."""
    page = ("<html><body><main><h1>Cloud stocks</h1><template id='B:0'></template><div>Loading…</div>"
            "<p>Closing words.</p></main>"
            "<div hidden id='S:0'><p>Amazon runs the largest cloud.</p><template id='P:1'></template></div>"
            "<script>$RC('B:0','S:0')</script>"
            "<div hidden id='S:1'><p>Microsoft comes second.</p></div>"
            '<script>$RC("B:0","S:0");$RS("S:1","P:1")</script></body></html>')
    root = parse_html(page)
    main = root.find("body/main")
    assert [el.text for el in main.iter("p")] == [
        "Amazon runs the largest cloud.", "Microsoft comes second.", "Closing words."]
    assert root.find("body/div[@hidden]") is None and root.find(".//template") is None


def test_react_streamed_parts_of_a_page_saved_without_scripts_go_by_number():
    """A saved page whose scripts were stripped keeps React's pairs by number: the hidden
    ``S:2`` part fills ``<template id="B:2">``, ``S:5`` fills ``<template id="P:5">``.  A hidden
    div of another name stays where it is."""
    page = ("<html><body><article><h1>Index funds</h1><template id='B:2'></template>"
            "<p>Closing words.</p></article><div hidden id='note'><p>Draft.</p></div>"
            "<div hidden id='S:2'><p>An index fund tracks an index.</p><template id='P:5'></template></div>"
            "<div hidden id='S:5'><p>Its costs are low.</p></div></body></html>")
    root = parse_html(page)
    assert [el.text for el in root.find("body/article").iter("p")] == [
        "An index fund tracks an index.", "Its costs are low.", "Closing words."]
    assert [el.get("id") for el in root.find("body").iter("div")] == ["note"]


def test_react_streamed_fallback_goes_when_its_part_arrives():
    """React's script removes a boundary's fallback ('Loading paragraph...') when the part
    arrives: the nodes up to the ``<!--/$-->`` marker go; a page saved without comments loses
    the one 'Loading…' line after the slot.  The text after the boundary stays."""
    marked = ("<html><body><article><h1>Index funds</h1><!--$?--><template id='B:0'></template>"
              "<div>Loading <!-- -->paragraph<!-- -->...</div><!--/$--><p>Closing words.</p></article>"
              "<div hidden id='S:0'><p>An index fund tracks an index.</p></div>"
              "<script>$RC('B:0','S:0')</script></body></html>")
    unmarked = ("<html><body><article><h1>Index funds</h1><template id='B:0'></template><div>Loading image...</div>"
                "<template id='B:1'></template><div>Loading paragraph...</div><div>Short real line.</div>"
                "<p>Closing words.</p></article><div hidden id='S:0'><p>An index fund tracks an index.</p></div>"
                "<div hidden id='S:1'><p>Its costs are low.</p></div></body></html>")
    text = _text(parse_html(marked).find("body"))
    assert "Loading" not in text
    assert "An index fund tracks an index." in text and "Closing words." in text
    text = _text(parse_html(unmarked).find("body"))
    assert "Loading" not in text
    assert "Its costs are low." in text and "Short real line." in text and "Closing words." in text


def test_a_short_line_after_a_streamed_slot_is_not_a_fallback():
    """Without the end marker, only a 'Loading…' line is taken for the fallback: a slot whose
    fallback was empty is followed by the page's own text, which stays."""
    page = ("<html><body><article><h1>Index funds</h1><template id='B:0'></template><div>Costs matter.</div>"
            "</article><div hidden id='S:0'><p>An index fund tracks an index.</p></div></body></html>")
    text = _text(parse_html(page).find("body"))
    assert "Costs matter." in text and "An index fund tracks an index." in text


def test_unknown_element_in_head_starts_the_body():
    # libxml2 keeps a page under <head> after an unknown element there; a browser shows it as the body.
    page = ("<html><head><title>Council vote</title><meta name=robots content=all><mbox>"
            "<div><p>The council voted on Tuesday to extend the late bus service.</p></div></mbox>"
            "</head><body></body></html>")
    root = parse_html(page)
    assert root.find("head/title").text == "Council vote"  # the head keeps its own elements
    body = root.find("body")
    assert body.findtext(".//p") == "The council voted on Tuesday to extend the late bus service."
    assert root.find("head").find(".//p") is None


def test_body_with_content_keeps_odd_head_elements_where_they_are():
    root = parse_html("<html><head><mbox>x</mbox></head><body><p>Story text.</p></body></html>")
    assert [el.tag for el in root.find("body")] == ["p"]
