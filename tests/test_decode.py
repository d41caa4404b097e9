"""Tests for cleannews.decode: real encoded bytes, declarations, lies, detection."""

from __future__ import annotations

import codecs
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.decode import Decoded, codec_for_label, decode
from cleannews.errors import InputError

JA_NEWS = (
    "政府は１５日、新たな経済対策を閣議決定した。物価高騰に対応するため、低所得世帯への給付金や"
    "電気・ガス料金の補助を盛り込んだ。首相は記者会見で「国民生活を守るため、あらゆる手段を講じる」と"
    "述べた。対策の規模は総額２０兆円を超える見通しで、財源の多くは国債の追加発行でまかなう。"
    "野党からは「選挙目当てのばらまきだ」との批判も出ている。経済界は一定の評価を示しつつも、"
    "中長期的な成長戦略の具体化を求めた。日本銀行の総裁は同日、金融政策決定会合後の記者会見で、"
    "現在の大規模な金融緩和を当面続ける考えを改めて示した。市場では円安が進み、一時１ドル＝"
    "１５０円台をつけた。専門家は「家計への支援は必要だが、効果の検証が欠かせない」と指摘している。"
)
ZH_HANS = ("国务院总理今天主持召开国务院常务会议，研究部署进一步扩大内需、"
           "促进经济持续回升向好的政策措施。会议指出，今年以来我国经济运行总体回升向好，但也面临一些困难和挑战。")
ZH_HANT = ("行政院今日召開院會，通過明年度中央政府總預算案，總額約新台幣三兆元。"
           "行政院長表示，預算將優先用於社會福利、國防及經濟發展。立法院將於下月開始審查預算案。")
KO_NEWS = ("정부는 15일 국무회의를 열고 새로운 경제 대책을 의결했다. 물가 상승에 대응하기 위해 "
           "저소득 가구에 대한 지원금 지급과 전기 요금 보조 등을 포함했다.")
RU_NEWS = "Правительство утвердило новый пакет экономических мер в среду."


def page(body: str, head: str = "", title: str = "ニュース") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head>"
            f"<body><div class=\"nav\"><a href=\"/\">Home</a></div><article><h1>{title}</h1>"
            f"<p>{body}</p></article></body></html>")


def meta(label: str) -> str:
    return f'<meta charset="{label}">'


def http_equiv(label: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'


# --- declared charsets -------------------------------------------------------------

def test_shift_jis_meta_decodes_as_cp932_including_nec_specials() -> None:
    text = JA_NEWS + "①㈱"  # cp932-only characters (not in plain Shift_JIS)
    result = decode(page(text, meta("Shift_JIS")).encode("cp932"))
    assert result == Decoded(result.text, "cp932", "meta")
    assert text in result.text


def test_euc_jp_http_equiv_uses_euc_jis_2004_for_nec_row_13() -> None:
    text = JA_NEWS + "①～∥"  # NEC row 13 / eucJP-ms characters Python's euc_jp rejects
    data = page(text, http_equiv("EUC-JP")).encode("euc_jis_2004")
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc_jp")
    result = decode(data)
    assert (result.encoding, result.source) == ("euc_jis_2004", "meta")
    assert text in result.text


def test_euc_jp_with_jis_x_0212_still_decodes() -> None:
    text = JA_NEWS + "丂"  # JIS X 0212 (0x8F prefix): euc_jis_2004 decodes it too
    result = decode(page(text, http_equiv("x-euc-jp")).encode("euc_jp"))
    assert (result.encoding, result.source) == ("euc_jis_2004", "meta")
    assert text in result.text


def test_iso_2022_jp_with_half_width_katakana() -> None:
    text = JA_NEWS + "ｶﾀｶﾅ"
    result = decode(page(text, meta("ISO-2022-JP")).encode("iso2022_jp_ext"))
    assert (result.encoding, result.source) == ("iso2022_jp_ext", "meta")
    assert text in result.text


def test_gb2312_label_decodes_gb18030_bytes() -> None:
    text = ZH_HANS + "镕€"  # 镕 is GBK-only, € is GB18030-only
    result = decode(page(text, meta("gb2312"), title="新闻").encode("gb18030"))
    assert (result.encoding, result.source) == ("gb18030", "meta")
    assert text in result.text


def test_big5_label_decodes_hkscs() -> None:
    text = ZH_HANT + "嘅"  # HKSCS character
    result = decode(page(text, meta("big5"), title="新聞").encode("big5hkscs"))
    assert (result.encoding, result.source) == ("big5hkscs", "meta")
    assert text in result.text


def test_euc_kr_label_decodes_cp949_extension() -> None:
    text = KO_NEWS + "똠방각하"  # 똠 is outside KS X 1001, only in cp949 (UHC)
    result = decode(page(text, http_equiv("EUC-KR"), title="뉴스").encode("cp949"))
    assert (result.encoding, result.source) == ("cp949", "meta")
    assert text in result.text


def test_charset_only_in_content_type_header() -> None:
    data = page(JA_NEWS).encode("cp932")
    result = decode(data, content_type='text/html; charset="Shift_JIS"')
    assert (result.encoding, result.source) == ("cp932", "http")
    assert JA_NEWS in result.text
    assert decode(data, content_type="text/html").source != "http"


def test_header_wins_over_meta() -> None:
    data = page(RU_NEWS, meta("koi8-r"), title="Новости").encode("cp1251")
    result = decode(data, content_type="text/html; charset=windows-1251")
    assert (result.encoding, result.source) == ("cp1251", "http")
    assert RU_NEWS in result.text
    assert decode(data).encoding == "koi8-r"  # without the header the meta is obeyed


def test_bom_wins_over_header_and_meta() -> None:
    body = page(JA_NEWS, meta("Shift_JIS"))
    for bom, codec in [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")]:
        result = decode(bom + body.encode(codec), content_type="text/html; charset=euc-jp")
        assert (result.encoding, result.source) == (codec, "bom")
        assert result.text == body  # BOM itself not in the text


def test_meta_utf16_means_utf8() -> None:
    result = decode(page(JA_NEWS, meta("utf-16")).encode("utf-8"))
    assert (result.encoding, result.source) == ("utf-8", "meta")
    assert JA_NEWS in result.text


def test_meta_inside_comment_is_ignored() -> None:
    html = "<!-- <meta charset=\"koi8-r\"> -->" + page(RU_NEWS, meta("windows-1251"), "Новости")
    result = decode(html.encode("cp1251"))
    assert (result.encoding, result.source) == ("cp1251", "meta")


# --- lying declarations -------------------------------------------------------------

@pytest.mark.parametrize("label", ["utf-8", "iso-8859-1", "windows-1252"])
def test_lying_meta_with_shift_jis_bytes(label: str) -> None:
    result = decode(page(JA_NEWS, meta(label), title="経済対策").encode("cp932"))
    assert result.encoding == "cp932"
    assert result.source == "detected"
    assert JA_NEWS in result.text and "経済対策" in result.text


def test_latin1_label_on_euc_jp_bytes_is_not_mojibake() -> None:
    data = page(JA_NEWS, meta("iso-8859-1"), title="経済対策").encode("euc_jis_2004")
    data.decode("cp1252")  # decodes "fine" as mojibake: no strict error to notice
    result = decode(data)
    assert (result.encoding, result.source) == ("euc_jis_2004", "detected")
    assert JA_NEWS in result.text


NAV = "".join(f'<li><a href="/section/{i}" class="nav">Section {i}</a></li>' for i in range(150))
SCRIPT = "<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>" * 20


def markup_heavy_page(label: str) -> str:
    """Mostly-ASCII page like real news sites: markup outweighs the article text."""
    return page(JA_NEWS[:200], meta(label) + SCRIPT, title="経済対策").replace(
        '<div class="nav">', f'<div class="nav"><ul>{NAV}</ul>')


@pytest.mark.parametrize("codec", ["euc_jis_2004", "cp932"])
def test_lying_latin1_on_markup_heavy_cjk_page(codec: str) -> None:
    data = markup_heavy_page("iso-8859-1").encode(codec)
    assert data.count(b"<") > 300 and len(data) > 10 * len(JA_NEWS[:200].encode(codec))
    result = decode(data)
    assert (result.encoding, result.source) == (codec, "detected")
    assert JA_NEWS[:200] in result.text


def test_utf8_label_on_cp1251_bytes_is_not_accepted_with_errors() -> None:
    data = page(RU_NEWS * 3, meta("utf-8"), title="Новости").encode("cp1251")
    result = decode(data)
    assert (result.encoding, result.source) == ("cp1251", "detected")
    assert RU_NEWS in result.text


def test_shift_jis_label_on_euc_jp_bytes() -> None:
    data = markup_heavy_page("Shift_JIS").encode("euc_jis_2004")
    assert data.decode("cp932", "replace").count("\ufffd") * 20 < len(data)  # "few" errors
    result = decode(data)
    assert (result.encoding, result.source) == ("euc_jis_2004", "detected")
    assert JA_NEWS[:200] in result.text


def test_lying_utf8_on_markup_heavy_shift_jis_page() -> None:
    result = decode(markup_heavy_page("utf-8").encode("cp932"))
    assert (result.encoding, result.source) == ("cp932", "detected")
    assert JA_NEWS[:200] in result.text


def test_declared_pages_never_run_charset_normalizer(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    calls: list[int] = []
    original = charset_normalizer.from_bytes

    def counting(data: bytes, **kwargs: Any) -> Any:
        calls.append(len(data))
        return original(data, **kwargs)

    monkeypatch.setattr(charset_normalizer, "from_bytes", counting)
    assert decode(page(JA_NEWS, meta("shift_jis")).encode("cp932")).encoding == "cp932"
    assert decode(page(JA_NEWS).encode("utf-8")).encoding == "utf-8"
    assert decode(page(RU_NEWS, meta("windows-1251"), "Новости").encode("cp1251")).source == "meta"
    assert calls == []
    assert decode(page(JA_NEWS * 200).encode("cp932")).encoding == "cp932"
    assert calls and max(calls) <= 65536  # detection sees at most the first 64 KB


def test_lying_header_falls_back_to_working_meta() -> None:
    data = page(JA_NEWS, meta("euc-jp")).encode("euc_jis_2004")
    result = decode(data, content_type="text/html; charset=utf-8")
    assert (result.encoding, result.source) == ("euc_jis_2004", "meta")
    assert JA_NEWS in result.text


@pytest.mark.parametrize("text", ["Café déjà vu — “quoted” naïve façade",
                                  "Café déjà vu, naïve façade, Größe"])  # cp1252-decodable
def test_latin1_label_on_utf8_bytes_prefers_utf8(text: str) -> None:
    result = decode(page(text, meta("iso-8859-1"), title="News").encode("utf-8"),
                    content_type="text/html; charset=ISO-8859-1")
    assert result.encoding == "utf-8"
    assert text in result.text


def test_real_latin1_page_keeps_cp1252() -> None:
    text = "Café déjà vu, naïve façade, Größe, €5"
    result = decode(page(text, meta("iso-8859-1"), title="News").encode("cp1252"))
    assert (result.encoding, result.source) == ("cp1252", "meta")
    assert text in result.text


def test_english_utf8_page_with_a_stray_cp1252_byte_stays_utf8() -> None:
    text = "The mayor’s “green corridor” plan — café owners say it’s naïve. " * 8
    data = page(text, meta("utf-8"), title="News").encode("utf-8").replace(b"<h1>", b"<h1>\x93")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the label "fails", so detection gets a say
    result = decode(data)
    assert (result.encoding, result.source) == ("utf-8", "meta")
    assert text in result.text and result.text.count("\ufffd") == 1


FR_NEWS = "Le président a annoncé mercredi une réforme très contestée des retraites. " * 10


@pytest.mark.parametrize("head", ["", meta("utf-8")])
def test_french_utf8_page_with_a_stray_byte_is_not_cp932(head: str) -> None:
    data = page(FR_NEWS, head, title="Actualités").encode("utf-8").replace(b"<h1>", b"<h1>\x93")
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.source == ("meta" if head else "detected")
    assert FR_NEWS in result.text and result.text.count("\ufffd") == 1


def test_utf8_page_with_a_few_stray_bytes_stays_utf8() -> None:
    data = page(JA_NEWS, meta("utf-8")).encode("utf-8").replace(b"<h1>", b"<h1>\x93x\x94")
    result = decode(data)
    assert (result.encoding, result.source) == ("utf-8", "meta")
    assert JA_NEWS in result.text
    assert result.text.count("\ufffd") == 2


# --- no declaration: detection --------------------------------------------------------

@pytest.mark.parametrize("codec", ["cp932", "euc_jis_2004", "iso2022_jp_ext"])
def test_undeclared_japanese_is_detected(codec: str) -> None:
    result = decode(page(JA_NEWS, title="経済対策を閣議決定").encode(codec))
    assert result.source == "detected"
    assert result.encoding == codec
    assert JA_NEWS in result.text


def test_undeclared_utf8_is_detected_without_charset_normalizer() -> None:
    result = decode(page(JA_NEWS).encode("utf-8"))
    assert (result.encoding, result.source) == ("utf-8", "detected")
    assert JA_NEWS in result.text


def test_ascii_without_declaration_is_default_utf8() -> None:
    assert decode(b"<p>hello</p>") == Decoded("<p>hello</p>", "utf-8", "default")
    assert decode(b"") == Decoded("", "utf-8", "default")


def test_big_page_detection_uses_prefix_and_decodes_everything() -> None:
    html = page(JA_NEWS * 300 + "終わり").encode("cp932")
    assert len(html) > 100_000
    result = decode(html)
    assert result.encoding == "cp932"
    assert result.text.endswith("終わり</p></article></body></html>")


# --- robustness --------------------------------------------------------------------------

def test_utf8_bytes_with_conflicting_labels_report_the_agreeing_source() -> None:
    data = page(JA_NEWS, meta("utf-8")).encode("utf-8")
    result = decode(data, content_type="text/html; charset=Shift_JIS")
    assert (result.encoding, result.source) == ("utf-8", "meta")
    assert JA_NEWS in result.text


def test_bytearray_and_memoryview_are_accepted_but_str_is_not() -> None:
    data = page(JA_NEWS, meta("shift_jis")).encode("cp932")
    assert decode(bytearray(data)) == decode(memoryview(data)) == decode(data)
    with pytest.raises(InputError):
        decode(page(JA_NEWS))  # type: ignore[arg-type]


def test_nul_characters_are_removed() -> None:
    result = decode(b"<p>a\x00b</p>", content_type="text/html; charset=utf-8")
    assert result.text == "<p>ab</p>"
    assert "\x00" not in decode("<p>a\x00b</p>".encode("utf-16-le")).text


@pytest.mark.parametrize("data", [
    b"\xff\xfe", b"\xfe\xff\x00", codecs.BOM_UTF8, b"\x00" * 50, b"\x1b$B\x1b",
    b"<meta charset=utf-16>\x00\xff", b"<meta charset=bogus>\x81\x82\x83",
    b"<meta charset=\"", b"\x8f\xa1" * 100, bytes(range(256)) * 10,
])
def test_odd_bytes_never_raise(data: bytes) -> None:
    for content_type in (None, "text/html; charset=utf-16", "charset=", "text/html; charset=x"):
        result = decode(data, content_type)
        assert isinstance(result.text, str) and "\x00" not in result.text
        assert result.source in {"bom", "http", "meta", "detected", "default"}
        codecs.lookup(result.encoding)


def test_random_garbage_never_raises() -> None:
    rng = random.Random(1234)
    for size in (1, 7, 100, 5000, 70_000):
        data = rng.randbytes(size)
        result = decode(data)
        assert "\x00" not in result.text
        declared = decode(data, "text/html; charset=shift_jis")
        assert "\x00" not in declared.text
        codecs.lookup(declared.encoding)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([None, "text/html; charset=euc-jp",
                                                  "text/html; charset=utf-8"]))
def test_decode_total_on_arbitrary_bytes(data: bytes, content_type: str | None) -> None:
    result = decode(data, content_type)
    assert "\x00" not in result.text
    if data.isascii() and b"\x00" not in data and b"\x1b" not in data:
        assert result.text == data.decode("ascii")


# --- labels ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "codec"), [
    ("Shift_JIS", "cp932"), ("  sjis ", "cp932"), ("windows-31j", "cp932"), ("MS_Kanji", "cp932"),
    ("x-sjis", "cp932"), ("csShiftJIS", "cp932"), ("EUC-JP", "euc_jis_2004"),
    ("x-euc-jp", "euc_jis_2004"), ("iso-2022-jp", "iso2022_jp_ext"), ("GB2312", "gb18030"),
    ("gbk", "gb18030"), ("x-gbk", "gb18030"), ("chinese", "gb18030"), ("csgb2312", "gb18030"),
    ("big5", "big5hkscs"), ("Big5-HKSCS", "big5hkscs"), ("euc-kr", "cp949"),
    ("ks_c_5601-1987", "cp949"), ("korean", "cp949"), ("ISO-8859-1", "cp1252"),
    ("latin1", "cp1252"), ("US-ASCII", "cp1252"), ("ascii", "cp1252"), ("utf8", "utf-8"),
    ("unicode-1-1-utf-8", "utf-8"), ("UTF-16", "utf-16-le"), ("utf-16be", "utf-16-be"),
    ("windows-1251", "cp1251"), ("koi8-r", "koi8-r"), ("KOI8-U", "koi8-u"),
    ("iso-8859-2", "iso8859-2"), ("ISO-8859-15", "iso8859-15"), ("'tis-620'", "cp874"),
])
def test_codec_for_label(label: str, codec: str) -> None:
    assert codec_for_label(label) == codec


@pytest.mark.parametrize("label", ["", "bogus", "utf-7", "iso-2022-kr", "hz-gb-2312"])
def test_codec_for_unknown_label_is_none(label: str) -> None:
    assert codec_for_label(label) is None
