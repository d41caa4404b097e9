"""`cleannews.clean()`: input types, encodings, headline, limits, thread safety, reading order."""

from __future__ import annotations

import copy
from concurrent.futures import ThreadPoolExecutor

import lxml.etree
import lxml.html
import pytest
from bs4 import BeautifulSoup

import cleannews
from cleannews import InputError, InputTooLarge, Options

TITLE = "市営バス、来春から深夜便を増便へ"
BODY = (
    "市交通局は十二日、市営バスの深夜便を来年四月から増便すると発表した。利用者の多い駅前と住宅地を結ぶ三路線で、"
    "平日の最終便を三十分ほど遅らせる。",
    "同局によると、昨年度の深夜帯の利用者数は前年度より二割ほど増えた。飲食店や病院で働く人からの要望が多く、"
    "運転手の確保にめどが立ったという。",
    "増便に伴う費用は年間およそ八千万円を見込む。運賃は据え置き、車内の混雑状況を知らせる案内表示を停留所に新たに設ける。",
)
NOISE = ('<nav><a href="/">トップ</a> <a href="/local">地域</a></nav>'
         '<div class="ranking"><h3>アクセスランキング</h3><ol><li><a href="/1">新駅の開業日が決定</a></li>'
         '<li><a href="/2">県内の公立高校で入試出願始まる</a></li><li><a href="/3">老舗旅館が百周年</a></li></ol></div>')


def page(meta: str = '<meta charset="utf-8">', body: tuple[str, ...] = BODY, title: str = TITLE) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f'<!DOCTYPE html><html lang="ja"><head>{meta}<title>{title}｜例新聞</title>'
            '<link rel="canonical" href="/news/2024/bus.html"></head>'
            f'<body>{NOISE}<div id="main"><article><h1>{title}</h1>{paras}</article></div></body></html>')


EXPECTED_TEXT = "\n".join(BODY)


def check(article: cleannews.Article) -> None:
    assert article.is_article, article.reason
    assert article.title == TITLE
    assert article.text == EXPECTED_TEXT
    assert "アクセスランキング" not in article.text and "トップ" not in article.text


# --- input types ---------------------------------------------------------------------------------


def test_str():
    check(cleannews.clean(page()))


def test_utf8_bytes_bytearray_memoryview():
    raw = page().encode("utf-8")
    check(cleannews.clean(raw))
    check(cleannews.clean(bytearray(raw)))
    check(cleannews.clean(memoryview(raw)))


def test_bytes_with_bom_and_no_declaration():
    check(cleannews.clean(b"\xef\xbb\xbf" + page(meta="").encode("utf-8")))


@pytest.mark.parametrize("label", ["Shift_JIS", "shift-jis", "x-sjis", "windows-31j"])
def test_shift_jis_bytes_with_meta(label):
    raw = page(meta=f'<meta http-equiv="Content-Type" content="text/html; charset={label}">').encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    check(cleannews.clean(raw))


def test_euc_jp_bytes_with_content_type_header():
    raw = page(meta="").encode("euc_jp")
    check(cleannews.clean(raw, content_type="text/html; charset=EUC-JP"))


def test_content_type_header_beats_missing_meta_but_bom_wins():
    raw = page(meta="").encode("utf-8")
    check(cleannews.clean(b"\xef\xbb\xbf" + raw, content_type="text/html; charset=EUC-JP"))


def test_lxml_element_and_element_tree():
    root = lxml.html.document_fromstring(page())
    check(cleannews.clean(root))
    check(cleannews.clean(root.getroottree()))
    tree = lxml.html.parse(__import__("io").StringIO(page()))
    check(cleannews.clean(tree))


def test_lxml_subtree_body():
    root = lxml.html.document_fromstring(page())
    article = cleannews.clean(root.find("body"))
    assert article.is_article
    assert article.text.endswith(EXPECTED_TEXT)  # no <head>, so no title to recognise the <h1> by
    assert "アクセスランキング" not in article.text


def test_xml_parsed_element():
    xml_root = lxml.etree.fromstring(
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>")
    assert cleannews.clean(xml_root).text == EXPECTED_TEXT


def test_beautifulsoup():
    check(cleannews.clean(BeautifulSoup(page(), "html.parser")))


def test_input_objects_are_not_mutated():
    root = lxml.html.document_fromstring(page())
    before = lxml.html.tostring(root)
    soup = BeautifulSoup(page(), "html.parser")
    soup_before = str(soup)
    cleannews.clean(root)
    cleannews.clean(root.getroottree())
    cleannews.clean(soup)
    assert lxml.html.tostring(root) == before
    assert str(soup) == soup_before


@pytest.mark.parametrize("bad", [None, 12345, 1.5, ["<p>x</p>"], {"html": "x"}, object()])
def test_unsupported_types_raise_input_error(bad):
    with pytest.raises(InputError):
        cleannews.clean(bad)


@pytest.mark.parametrize("data", ["", b"", "   ", b"\x00\x01\x02", "<html></html>", "<!-- only a comment -->",
                                  "<?xml version='1.0'?><rss/>", "<html><body><p>\x01\x02</p></body></html>",
                                  "<script>var x = 1;</script><style>p{}</style>"])
def test_empty_and_non_html_inputs_are_not_articles(data):
    article = cleannews.clean(data)
    assert not article.is_article
    assert article.text == "" and article.blocks == ()
    assert article.reason


@pytest.mark.parametrize("char", ["\x0c", "\x1f", "\x08", "\ufffe"], ids=["form-feed", "x1f", "backspace", "ufffe"])
@pytest.mark.parametrize("markup", ["<nav><a href='/'>Home</a></nav>{c}", "<p>a<span hidden>b</span>{c}c</p>"],
                         ids=["after-nav", "after-hidden-span"])
def test_control_character_after_removed_element(char, markup):
    html = page().replace('<div id="main">', '<div id="main">' + markup.format(c=char))
    article = cleannews.clean(html)
    assert article.text.endswith(BODY[-1])


# --- title / url ---------------------------------------------------------------------------------


def test_headline_goes_to_title_not_text():
    article = cleannews.clean(page())
    assert article.title == TITLE
    assert TITLE not in article.text
    assert all(b.text != TITLE for b in article.blocks)


def test_headline_from_og_title_when_the_h1_differs_in_site_suffix():
    html = page().replace(f"<title>{TITLE}｜例新聞</title>", f'<title>例新聞</title><meta property="og:title" '
                                                                  f'content="{TITLE} | 例新聞">')
    article = cleannews.clean(html)
    assert article.title == TITLE
    assert TITLE not in article.text


def test_url_and_canonical():
    article = cleannews.clean(page(), "https://example.jp/news/x?utm=1")
    assert article.url == "https://example.jp/news/x?utm=1"
    assert article.canonical_url == "https://example.jp/news/2024/bus.html"
    assert article.lang == "ja"
    assert cleannews.clean(page()).url is None


# --- limits --------------------------------------------------------------------------------------


def test_input_too_large_bytes_and_str():
    data = page()
    raw = data.encode("utf-8")
    with pytest.raises(InputTooLarge):
        cleannews.clean(raw, max_input_bytes=len(raw) - 1)
    with pytest.raises(InputTooLarge):
        cleannews.clean("x" * 1001, options=Options(max_input_bytes=1000))
    check(cleannews.clean(raw, max_input_bytes=len(raw)))
    assert issubclass(InputTooLarge, InputError) and issubclass(InputTooLarge, ValueError)


def test_deeply_nested_page_returns():
    depth = 20_000
    html = (page().replace('<div id="main">', '<div id="main">' + "<div>" * depth + "<span>深い入れ子</span>"
                           + "</div>" * depth))
    article = cleannews.clean(html)
    assert isinstance(article, cleannews.Article)
    assert article.title == TITLE
    for para in BODY:
        assert para in article.text


def test_deep_nesting_without_closing_tags():
    html = "<html><body>" + "<div><b>" * 10_000 + "".join(f"<p>{p}</p>" for p in BODY)
    article = cleannews.clean(html)
    assert article.is_article
    assert BODY[0] in article.text


def test_max_elements_drops_the_rest_of_a_str_page():
    html = page(body=BODY + tuple(f"追加の段落その{i}。" * 3 for i in range(50)))
    full = cleannews.clean(html)
    cut = cleannews.clean(html, max_elements=30)
    assert "追加の段落その49" in full.text
    assert "追加の段落その49" not in cut.text


@pytest.mark.parametrize("kind", ["lxml", "bs4"])
def test_element_limits_apply_to_tree_inputs(kind):
    html = page(body=BODY + tuple(f"追加の段落その{i}。" * 3 for i in range(50)))
    tree = lxml.html.document_fromstring(html) if kind == "lxml" else BeautifulSoup(html, "html.parser")
    assert cleannews.clean(tree, max_elements=30).text == cleannews.clean(html, max_elements=30).text


# --- structure and reading order -----------------------------------------------------------------


def test_in_body_structure_is_kept_in_reading_order():
    inner = ("<p>" + BODY[0] + "</p><h2>変更点</h2><ul><li>駅前線は最終便を三十分遅らせる</li>"
             "<li>住宅地線は最終便を二十分遅らせる</li></ul><p>" + BODY[1] + "</p>"
             "<table><thead><tr><th>路線</th><th>最終便</th></tr></thead><tbody><tr><td>駅前線</td><td>0時30分</td></tr>"
             "</tbody></table><blockquote><p>ようやく帰りの心配がなくなる、と利用者は話した。</p></blockquote><p>"
             + BODY[2] + "</p>")
    html = page().replace("".join(f"<p>{p}</p>" for p in BODY), inner)
    article = cleannews.clean(html)
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["paragraph", "heading", "list_item", "list_item", "paragraph", "table_row", "table_row",
                     "quote", "paragraph"]
    assert article.blocks[1].text == "変更点" and article.blocks[1].level == 2
    assert article.blocks[5].header and article.blocks[5].cells == ("路線", "最終便")
    assert article.blocks[7].text == "ようやく帰りの心配がなくなる、と利用者は話した。"
    assert article.text.split("\n")[0] == BODY[0] and article.text.split("\n")[-1] == BODY[2]


def test_removed_lists_what_was_dropped():
    article = cleannews.clean(page())
    rules = {r.rule for r in article.removed}
    assert {"navigation", "ranking"} <= rules
    for r in article.removed:
        assert r.reason and isinstance(r.excerpt, str) and len(r.excerpt) <= 80


# --- threads -------------------------------------------------------------------------------------


def _variants() -> list[object]:
    pages: list[object] = []
    for i in range(16):
        body = tuple(f"{p}（その{i}）" for p in BODY)
        html = page(body=body, title=f"{TITLE}{i}")
        if i % 4 == 0:
            pages.append(html)
        elif i % 4 == 1:
            pages.append(html.encode("utf-8"))
        elif i % 4 == 2:
            pages.append(html.replace('charset="utf-8"', 'charset="shift_jis"').encode("cp932"))
        else:
            pages.append(lxml.html.document_fromstring(html))
    return pages


def test_thread_safety_matches_serial_runs():
    pages = _variants()
    serial = [cleannews.clean(p) for p in pages]
    assert len({a.title for a in serial}) == len(pages)
    trees = [copy.deepcopy(p) if not isinstance(p, (str, bytes)) else p for p in pages for _ in range(3)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(cleannews.clean, trees))
    for i, article in enumerate(parallel):
        assert article == serial[i // 3]


def test_clean_is_deterministic():
    html = page()
    assert cleannews.clean(html) == cleannews.clean(html)


def test_near_empty_page_logs_each_removal_once():
    """The near-empty-page fallback renders the whole body again; its removals replace the
    first rendering's instead of repeating them in `removed` / `--explain`."""
    page = ('<html><body><div><p>See: <a href="/a">A headline link here</a> '
            '<a href="/b">another link here</a></p></div></body></html>')
    article = cleannews.clean(page)
    assert [r.rule for r in article.removed] == ["link_dense"]
    assert article.removed[0].excerpt == "See: A headline link here another link here"
