"""`cleannews._misdecoded`: a page decoded with the wrong charset is read again from its bytes."""

from __future__ import annotations

import cleannews
from cleannews._misdecoded import repair_misdecoded

UTF8_PAGE = ('<html><head><meta charset="utf-8"><title>Café</title></head><body><p>We’ve tested the café’s '
             'crème brûlée — it’s great.</p></body></html>')
GBK_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
            '<body><p>意大利游轮运营商认定船长负有责任。</p></body></html>')


def test_utf8_page_read_as_cp1252_is_repaired():
    misread = UTF8_PAGE.encode("utf-8").decode("cp1252")
    assert "Weâ€™ve" in misread
    assert repair_misdecoded(misread) == UTF8_PAGE


def test_utf8_page_read_as_latin1_is_repaired():
    """ISO-8859-1 keeps bytes 0x80-0x9F as C1 controls (requests' default for text/html)."""
    assert repair_misdecoded(UTF8_PAGE.encode("utf-8").decode("latin-1")) == UTF8_PAGE


def test_cjk_page_read_as_latin1_is_decoded_by_its_declaration():
    misread = GBK_PAGE.encode("gb2312").decode("latin-1")
    assert repair_misdecoded(misread) == GBK_PAGE


def test_clean_reads_a_misdecoded_string_page():
    article = cleannews.clean(UTF8_PAGE.encode("utf-8").decode("cp1252"))
    assert "We’ve tested the café’s crème brûlée" in article.text


def test_correct_text_is_left_alone():
    for text in (UTF8_PAGE, GBK_PAGE, "<p>Grüße aus Köln, la señora está aquí.</p>", "<p>plain ascii</p>",
                 "<p>Ã© is how 'é' looks when misread; voilà\u00a0!</p>"):  # Latin-1 that is no UTF-8
        assert repair_misdecoded(text) is text
