"""`cleannews.warc`: reading HTML responses from WARC files, their records, and the writer."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

pytest.importorskip("fastwarc")
pytest.importorskip("warcio")

from warcio.archiveiterator import ArchiveIterator  # noqa: E402 - after the skip
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from cleannews.options import Options  # noqa: E402
from cleannews.records import HEAD_FIELDS  # noqa: E402
from cleannews.warc import (WarcCounts, WarcFileError, WarcPage, WarcWriter, file_error_record,  # noqa: E402
                            iter_warc_pages, page_record, record_key, write_warc_exchange)

from warc_pages import JA_PHRASE, article, corrupt_gzip, html_exchange, mixed_warc, truncate_gzip  # noqa: E402

ARTICLE_KEYS = ["canonical_url", "title", "text", "is_article", "reason", "page_type", "authors", "published",
                "modified", "site_name", "lang", "description", "image", "tags", "categories", "comments"]


def read(paths: list[Path], **kwargs: object) -> tuple[list[WarcPage | WarcFileError], WarcCounts]:
    counts = WarcCounts()
    items = list(iter_warc_pages([str(p) for p in paths], counts=counts, **kwargs))  # type: ignore[arg-type]
    return items, counts


def raw_warc(path: Path, responses: list[tuple[str, list[tuple[str, str]], bytes]]) -> None:
    """A WARC written with warcio directly, headers exactly as given (no clean-up)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for status, headers, body in responses:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://news.example/raw", "response",
                                                          payload=io.BytesIO(body), http_headers=http))


# --------------------------------------------------------------------------- reading

@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_200_responses_are_pages_and_the_rest_is_counted(tmp_path: Path, name: str) -> None:
    ids = mixed_warc(tmp_path / name)
    items, counts = read([tmp_path / name])
    assert [p.record_id for p in items if isinstance(p, WarcPage)] == ids
    assert [p.url for p in items] == [f"https://news.example/en/{n}" for n in range(4)]  # type: ignore[union-attr]
    assert (counts.files, counts.responses, counts.pages, counts.skipped_status, counts.skipped_not_html,
            counts.bad_files) == (1, 7, 4, 2, 1, 0)
    assert "skipped 2 non-200, 1 non-HTML" in counts.summary()


def test_the_header_charset_decodes_the_page(tmp_path: Path) -> None:
    path = tmp_path / "ja.warc.gz"
    with WarcWriter(str(path)) as out:
        html_exchange(out, 1, lang="ja", charset="shift_jis")  # no <meta charset>: the header only
    ((page,), _) = read([path])
    assert isinstance(page, WarcPage) and page.content_type == "text/html; charset=shift_jis"
    record = page_record(page)
    assert record["ok"] and JA_PHRASE in record["text"]


def test_content_and_transfer_encodings_are_undone(tmp_path: Path) -> None:
    html = article(7).encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(html), html)
    raw_warc(tmp_path / "enc.warc.gz", [
        ("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], gzip.compress(html)),
        ("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunked),
    ])
    items, _ = read([tmp_path / "enc.warc.gz"])
    assert [p.body for p in items] == [html, html]  # type: ignore[union-attr]
    assert all(not p.truncated for p in items)  # type: ignore[union-attr]


def test_a_response_without_content_type_is_sniffed(tmp_path: Path) -> None:
    raw_warc(tmp_path / "bare.warc", [("200 OK", [], article(1).encode()),
                                      ("200 OK", [], b"%PDF-1.7 binary")])
    items, counts = read([tmp_path / "bare.warc"])
    assert len(items) == 1 and counts.skipped_not_html == 1


def test_a_body_over_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    raw_warc(tmp_path / "big.warc", [("200 OK", [("Content-Type", "text/html")], b"<p>" + b"x" * 5000)])
    (page,), _ = read([tmp_path / "big.warc"], max_bytes=1000)
    assert isinstance(page, WarcPage) and len(page.body) == 1001 and not page.truncated
    record = page_record(page, Options(max_input_bytes=1000))
    assert record["error"]["kind"] == "too_large" and not record["ok"]


# --------------------------------------------------------------------------- bad files

@pytest.mark.parametrize("keep", [0.2, 0.45, 0.6, 0.75, 0.9, 0.99])
def test_a_truncated_gzip_keeps_the_records_before_the_cut_and_says_so(tmp_path: Path, keep: float) -> None:
    path = tmp_path / "cut.warc.gz"
    ids = mixed_warc(path, count=8)
    truncate_gzip(path, keep=keep)
    items, _ = read([path])
    pages = [p for p in items if isinstance(p, WarcPage) and not p.truncated]
    assert 0 < len(pages) <= 8 and [p.record_id for p in pages] == ids[: len(pages)]
    problems = [p for p in items if isinstance(p, WarcFileError) or p.truncated]
    assert len(problems) == 1 and problems[0] is items[-1]


def test_a_truncated_plain_warc_marks_its_last_record(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    mixed_warc(path, count=3)
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"Repairs to the northern")])
    items, _ = read([path])
    assert [p.truncated for p in items] == [False, False, True]  # type: ignore[union-attr]
    record = page_record(items[-1])  # type: ignore[arg-type]
    assert record["error"]["kind"] == "truncated"


def test_a_plain_warc_cut_inside_record_headers_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    ids = mixed_warc(path, count=3)
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"WARC-Target-URI")])
    items, _ = read([path])
    assert isinstance(items[-1], WarcFileError) and "truncated" in items[-1].message
    assert [p.record_id for p in items[:-1]] == ids[: len(items) - 1]  # type: ignore[union-attr]


def test_a_corrupt_file_is_one_error_and_the_next_file_goes_on(tmp_path: Path) -> None:
    mixed_warc(tmp_path / "bad.warc.gz", count=12)
    corrupt_gzip(tmp_path / "bad.warc.gz")
    good_ids = mixed_warc(tmp_path / "good.warc.gz", first=20, count=2)
    (tmp_path / "notes.warc").write_text("hello, not a WARC\n")
    items, counts = read([tmp_path / "bad.warc.gz", tmp_path / "missing.warc.gz", tmp_path / "notes.warc",
                          tmp_path / "good.warc.gz"])
    errors = [i for i in items if isinstance(i, WarcFileError)]
    assert [Path(e.warc_file).name for e in errors] == ["bad.warc.gz", "missing.warc.gz", "notes.warc"]
    assert errors[1].message == "not found" and "cannot read as WARC" in errors[2].message
    assert [p.record_id for p in items if isinstance(p, WarcPage) and "good" in p.warc_file] == good_ids
    assert counts.bad_files == 3
    record = file_error_record(errors[0])
    assert record["error"]["kind"] == "bad_warc" and record["url"] is None
    assert record_key(record) == f"file:{errors[0].warc_file}"


# --------------------------------------------------------------------------- records

def test_a_page_record_has_the_fetch_schema_plus_warc_keys(tmp_path: Path) -> None:
    path = tmp_path / "one.warc.gz"
    ids = mixed_warc(path, count=1)
    ((page,), _) = read([path])
    record = page_record(page)  # type: ignore[arg-type]
    assert list(record) == [*HEAD_FIELDS, "warc_file", "warc_record_id", "warc_date", *ARTICLE_KEYS]
    assert record["url"] == record["final_url"] == "https://news.example/en/0"
    assert (record["status"], record["ok"], record["error"]) == (200, True, None)
    assert record["warc_record_id"] == ids[0] == record_key(record)
    assert record["fetched_at"] == record["warc_date"] == "2025-01-01T12:00:00Z"
    assert record["title"] == "Harbour reopens 0" and record["is_article"]
    assert "Fishing boats returned" in record["text"] and "Home" not in record["text"]


# --------------------------------------------------------------------------- writing

def test_the_writer_makes_request_response_pairs_any_reader_can_read(tmp_path: Path) -> None:
    path = tmp_path / "fetched.warc.gz"
    body = article(3).encode()
    with WarcWriter(str(path)) as out:
        rid = write_warc_exchange(out, url="https://news.example/a?x=1", status=200, body=body,
                                  response_headers=[("Content-Type", "text/html; charset=utf-8"),
                                                    ("Content-Encoding", "br"), ("Content-Length", "12")],
                                  request_headers=[("User-Agent", "cleannews-test")],
                                  date="2025-02-03T04:05:06Z")
    with open(path, "rb") as fh:
        records = list(_warcio_records(fh))
    assert [r[0] for r in records] == ["warcinfo", "response", "request"]
    _, response, request = records
    assert response[1]["WARC-Record-ID"] == rid and request[1]["WARC-Concurrent-To"] == rid
    assert response[1]["WARC-Date"] == "2025-02-03T04:05:06Z"
    assert response[2].statusline == "200 OK" and response[3] == body
    assert response[2].get_header("Content-Encoding") is None
    assert response[2].get_header("Content-Length") == str(len(body))
    assert request[2].protocol == "GET" and request[2].statusline.startswith("/a?x=1")
    assert request[2].get_header("Host") == "news.example"
    assert request[2].get_header("User-Agent") == "cleannews-test"


def _warcio_records(fh: io.BufferedReader):  # type: ignore[no-untyped-def]
    for rec in ArchiveIterator(fh):
        headers = dict(rec.rec_headers.headers)
        yield rec.rec_type, headers, rec.http_headers, rec.content_stream().read()


def test_what_the_writer_wrote_reads_back_as_pages(tmp_path: Path) -> None:
    ids = mixed_warc(tmp_path / "w.warc.gz", count=2)
    items, _ = read([tmp_path / "w.warc.gz"])
    assert [p.record_id for p in items] == ids  # type: ignore[union-attr]


def test_the_core_imports_no_warc_dask_or_pool_code() -> None:
    import subprocess
    import sys

    code = ("import sys, cleannews; cleannews.clean(b'<p>x</p>'); "
            "print(sorted(m for m in ('fastwarc', 'warcio', 'dask', 'distributed', 'cleannews.warc', "
            "'cleannews.pool', 'cleannews.dask', 'multiprocessing') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize("cut", [False, True])
def test_a_warc_gzipped_as_one_member_reads_and_a_cut_is_seen(tmp_path: Path, cut: bool) -> None:
    ids = mixed_warc(tmp_path / "plain.warc", count=5)
    data = gzip.compress((tmp_path / "plain.warc").read_bytes())
    (tmp_path / "one.warc.gz").write_bytes(data[: int(len(data) * 0.8)] if cut else data)
    items, _ = read([tmp_path / "one.warc.gz"])
    pages = [p for p in items if isinstance(p, WarcPage) and not p.truncated]
    assert [p.record_id for p in pages] == ids[: len(pages)]
    problems = [p for p in items if isinstance(p, WarcFileError) or p.truncated]
    assert len(problems) == (1 if cut else 0)
    assert len(pages) < 5 if cut else len(pages) == 5
