"""WARC files in and out: the HTML responses of an archive as pages, and pages as records.

Reading uses FastWARC, writing uses warcio (both from the ``warc`` extra).  Measured on a
WARC of the 5,079 eval pages (536 MB of HTML, request + response records), reading every
response with its headers and body: FastWARC 4,700 records/s (495 MB/s) from .warc.gz and
13,800/s from .warc; warcio 2,400/s and 5,800/s.  FastWARC is 2-2.4x faster and, on a
corrupt gzip member, stops with one OSError where warcio prints an error per record and
goes on silently.  Either is far faster than cleaning (~35 pages/s per core), so the
reader's speed matters less than its errors.  warcio writes: its writer is the reference
one (per-record gzip members, digests, request/response pairs with WARC-Concurrent-To).

    counts = WarcCounts()
    for page in iter_warc_pages(["crawl.warc.gz"], counts=counts):
        record = page_record(page) if isinstance(page, WarcPage) else file_error_record(page)

A bad file (missing, not a WARC, corrupt or truncated gzip) gives one `WarcFileError` at
the point where reading failed; the records before it are kept and the next file goes on.
"""

from __future__ import annotations

import io
import os
import re
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from ._api import clean
from .batch import one_line, sniff
from .errors import InputTooLarge
from .options import Options
from .records import article_record, error_record

__all__ = [
    "HTML_TYPES",
    "WARC_ERROR_KINDS",
    "WarcCounts",
    "WarcFileError",
    "WarcPage",
    "WarcWriter",
    "file_error_record",
    "item_failure_record",
    "item_record",
    "iter_warc_pages",
    "page_error_record",
    "page_record",
    "record_key",
    "warc_records",
    "write_warc_exchange",
]

#: Media types taken as HTML (a response without Content-Type is sniffed).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: Error kinds of WARC records, besides those of `cleannews.pool.FAILURE_KINDS`.
WARC_ERROR_KINDS = {
    "bad_warc": "the file cannot be read as a WARC (missing, not a WARC, corrupt gzip)",
    "truncated": "the record's body is shorter than its Content-Length (a cut-off file)",
    "too_large": "the body is over Options.max_input_bytes",
    "clean_error": "cleannews.clean failed on the page",
}

_EXTRA_HINT = "WARC support needs the 'warc' extra: pip install 'cleannews[warc]'"
_ENCODING_HEADERS = ("content-encoding", "transfer-encoding")


def _fastwarc() -> Any:
    try:
        from fastwarc import warc
    except ImportError as exc:
        raise ImportError(f"{_EXTRA_HINT} ({exc})") from None
    return warc


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class WarcPage:
    """One HTML response with status 200, ready to clean (picklable, for worker processes).

    Attributes:
        warc_file: the file it came from, as given.
        record_id: its WARC-Record-ID, e.g. ``<urn:uuid:...>``.
        url: its WARC-Target-URI.
        date: its WARC-Date (ISO 8601).
        status: the HTTP status (200).
        content_type: the HTTP Content-Type header, or None.
        body: the payload, with Content- and Transfer-Encoding undone.
        truncated: the body is shorter than the record says (a cut-off file).
    """

    warc_file: str
    record_id: str | None
    url: str | None
    date: str | None
    status: int | None
    content_type: str | None
    body: bytes
    truncated: bool = False

    def extra(self) -> dict[str, Any]:
        """The WARC keys of its record."""
        return {"warc_file": self.warc_file, "warc_record_id": self.record_id, "warc_date": self.date}


@dataclass(frozen=True)
class WarcFileError:
    """A file that could not be read (further); `records` responses came before the error."""

    warc_file: str
    message: str
    records: int = 0


@dataclass
class WarcCounts:
    """What reading found: responses seen, HTML pages given out, and what was skipped."""

    files: int = 0
    responses: int = 0
    pages: int = 0
    skipped_status: int = 0
    skipped_not_html: int = 0
    bad_files: int = 0

    def summary(self) -> str:
        """One line, e.g. ``2 files, 120 responses: 100 HTML pages; skipped 12 non-200, 8 non-HTML``."""
        bad = f", {self.bad_files} unreadable" if self.bad_files else ""
        return (f"{self.files} WARC file(s){bad}, {self.responses} responses: {self.pages} HTML pages; "
                f"skipped {self.skipped_status} non-200, {self.skipped_not_html} non-HTML")


def iter_warc_pages(paths: Iterable[str], *, counts: WarcCounts | None = None,
                    max_bytes: int = Options().max_input_bytes) -> Iterator[WarcPage | WarcFileError]:
    """The HTML 200 responses of the WARC files `paths` (plain or gzip), in file order.

    Non-200 and non-HTML responses are skipped and counted in `counts`; other record types
    (request, metadata, ...) are not looked at.  A body larger than `max_bytes` is read only
    up to ``max_bytes + 1`` bytes (cleaning then refuses it as too large).  Never raises for
    a bad file: it yields a `WarcFileError` and goes on with the next.  Raises `ImportError`
    without the ``warc`` extra.  Cost: FastWARC's read, ~500 MB/s from gzip; one page in
    memory at a time.
    """
    warc = _fastwarc()
    counts = counts if counts is not None else WarcCounts()
    for path in paths:
        counts.files += 1
        before = counts.responses
        try:
            with open(path, "rb") as fh:
                yield from _read_file(warc, fh, path, counts, max_bytes)
        except Exception as exc:  # noqa: BLE001 - any reading failure ends this file only
            counts.bad_files += 1
            yield WarcFileError(path, _read_error(exc), counts.responses - before)


def _read_file(warc: Any, fh: IO[bytes], path: str, counts: WarcCounts,
               max_bytes: int) -> Iterator[WarcPage]:
    records = warc.ArchiveIterator(fh, record_types=warc.WarcRecordType.response, parse_http=True,
                                   auto_decode="all")
    last_truncated = False
    for rec in records:
        counts.responses += 1
        http = rec.http_headers
        status = http.status_code if http is not None else None
        content_type = http.get("Content-Type") if http is not None else None
        if status != 200:
            counts.skipped_status += 1
            continue
        media = (content_type or "").split(";", 1)[0].strip().lower()
        if media and media not in HTML_TYPES:
            counts.skipped_not_html += 1
            continue
        body = rec.reader.read(max_bytes + 1)
        if not media and sniff(body) is not None:
            counts.skipped_not_html += 1
            continue
        counts.pages += 1
        encoded = any(http.get(name) for name in _ENCODING_HEADERS)
        truncated = last_truncated = not encoded and len(body) < rec.content_length and len(body) <= max_bytes
        yield WarcPage(warc_file=path, record_id=rec.record_id, url=rec.headers.get("WARC-Target-URI"),
                       date=rec.headers.get("WARC-Date"), status=status, content_type=content_type,
                       body=body, truncated=truncated)
    # FastWARC ends quietly where a file was cut off inside a record's headers: look at the tail.
    if not last_truncated and _ends_inside_a_record(fh):
        raise EOFError("cut off")


_GZIP_MEMBER = b"\x1f\x8b\x08"
_TAIL_LIMIT = 64 << 20  # give up past this much tail (e.g. a whole file in one gzip member)


def _ends_inside_a_record(fh: IO[bytes]) -> bool:
    """True when the file ends inside its last record: for gzip, inside its last member (the
    last member is found by scanning back for one that decodes to ``WARC/``); for a plain
    file, before the end its last record's Content-Length promises.  Cost: reading and
    decoding the last record again (usually a few kB)."""
    fh.seek(0)
    gzipped = fh.read(3) == _GZIP_MEMBER
    size = fh.seek(0, os.SEEK_END)
    window = 1 << 16
    while True:
        start = max(0, size - window)
        fh.seek(start)
        tail = fh.read()
        verdict = _gzip_tail_cut(tail) if gzipped else _plain_tail_cut(tail)
        if verdict is not None or start == 0 or window >= _TAIL_LIMIT:
            return bool(verdict)
        window = min(window * 8, _TAIL_LIMIT)


def _gzip_tail_cut(tail: bytes) -> bool | None:
    pos = len(tail)
    while (pos := tail.rfind(_GZIP_MEMBER, 0, pos)) >= 0:
        member = zlib.decompressobj(31)
        try:
            if not member.decompress(tail[pos:pos + 4096], 5).startswith(b"WARC/"):
                continue
            rest = member.unconsumed_tail + tail[pos + 4096:]
            while rest and not member.eof:  # decode in bounded steps: the output is thrown away
                member.decompress(rest, 1 << 20)
                rest = member.unconsumed_tail
        except zlib.error:
            continue
        return not member.eof
    return None


def _plain_tail_cut(tail: bytes) -> bool | None:
    pos = tail.rfind(b"WARC/1.")
    while pos > 0 and tail[pos - 1:pos] != b"\n":
        pos = tail.rfind(b"WARC/1.", 0, pos)
    if pos < 0:
        return None
    end = tail.find(b"\r\n\r\n", pos)
    if end < 0:
        return True
    match = re.search(rb"\r\ncontent-length:\s*(\d+)", tail[pos:end], re.I)
    return match is None or end + 4 + int(match.group(1)) > len(tail)


def _read_error(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "not found"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, EOFError):
        return "truncated file (unexpected end of data)"
    return one_line(f"cannot read as WARC: {exc}")


# --------------------------------------------------------------------------- records

def page_record(page: WarcPage, options: Options | None = None) -> dict[str, Any]:
    """Clean `page` into its record (see `cleannews.records`); never raises.

    Cost: one `cleannews.clean` (a few ms to tens of ms per page).
    """
    if page.truncated:
        return page_error_record(page, "truncated",
                                 f"record cut off: {len(page.body)} bytes of body, fewer than declared")
    started = time.perf_counter()
    try:
        article = clean(page.body, url=page.url, content_type=page.content_type, options=options)
    except InputTooLarge as exc:
        return page_error_record(page, "too_large", one_line(str(exc)))
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        return page_error_record(page, "clean_error", one_line(f"{type(exc).__name__}: {exc}"))
    return article_record(article, url=page.url, final_url=page.url, status=page.status,
                          fetched_at=page.date or "", elapsed_ms=round((time.perf_counter() - started) * 1000),
                          content_type=page.content_type, extra=page.extra())


def warc_records(paths: Iterable[str], *, options: Options | None = None) -> Iterator[dict[str, Any]]:
    """The record of every HTML page of the WARC files `paths`, one after the other, and one
    error record per unreadable file: what one Dask or Spark partition computes.

        rdd = spark.sparkContext.parallelize(paths, len(paths)).mapPartitions(warc_records)

    Cost: one `page_record` per page; one page in memory at a time.
    """
    options = options or Options()
    for item in iter_warc_pages(paths, max_bytes=options.max_input_bytes):
        yield item_record(item, options)


def item_record(item: WarcPage | WarcFileError, options: Options | None = None) -> dict[str, Any]:
    """The record of what `iter_warc_pages` gave: a page's (`page_record`) or an unreadable
    file's (`file_error_record`).  What a worker process runs for each item."""
    return file_error_record(item) if isinstance(item, WarcFileError) else page_record(item, options)


def item_failure_record(item: WarcPage | WarcFileError, kind: str, message: str) -> dict[str, Any]:
    """The record of an item whose worker failed (``timeout``, ``worker_crash``, ``internal``)."""
    if isinstance(item, WarcFileError):  # pragma: no cover - file errors are not slow
        return file_error_record(item)
    return page_error_record(item, kind, message)


def page_error_record(page: WarcPage, kind: str, message: str) -> dict[str, Any]:
    """The error record of `page` (e.g. a timeout or crash reported by the pool)."""
    return error_record(kind, one_line(message), url=page.url, final_url=page.url, status=page.status,
                        fetched_at=page.date or "", content_type=page.content_type, extra=page.extra())


def file_error_record(error: WarcFileError) -> dict[str, Any]:
    """The one error record of a file that could not be read (``url`` is None)."""
    return error_record("bad_warc", f"{error.warc_file}: {error.message} (after {error.records} responses)",
                        url=None, extra={"warc_file": error.warc_file, "warc_record_id": None, "warc_date": None})


def record_key(record: dict[str, Any]) -> str | None:
    """What identifies a WARC record in an output file, for resuming: its WARC-Record-ID,
    or ``file:PATH`` for the error record of an unreadable file."""
    rid = record.get("warc_record_id")
    if isinstance(rid, str):
        return rid
    path = record.get("warc_file")
    return f"file:{path}" if isinstance(path, str) else None


# --------------------------------------------------------------------------- writing

class WarcWriter:
    """A WARC file being written (gzip per record when the name ends in ``.gz``).

        with WarcWriter("crawl.warc.gz") as out:
            write_warc_exchange(out, url=..., status=200, response_headers=[...], body=b"...")

    Starts with a ``warcinfo`` record naming cleannews; ``append=True`` continues an
    existing file (a resumed crawl).  Raises `ImportError` without the ``warc`` extra and
    `OSError` when the file cannot be created.
    """

    def __init__(self, path: str, *, gzip: bool | None = None, append: bool = False) -> None:
        try:
            from warcio.warcwriter import WARCWriter
        except ImportError as exc:
            raise ImportError(f"{_EXTRA_HINT} ({exc})") from None
        from . import __version__

        self.path = path
        self._fh = open(path, "ab" if append else "wb")
        self.writer = WARCWriter(self._fh, gzip=path.endswith(".gz") if gzip is None else gzip)
        info = self.writer.create_warcinfo_record(path.rsplit("/", 1)[-1], {
            "software": f"cleannews/{__version__}", "format": "WARC File Format 1.1"})
        self.writer.write_record(info)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_warc_exchange(out: WarcWriter, *, url: str, status: int, body: bytes,
                        response_headers: Sequence[tuple[str, str]] = (), reason: str = "",
                        method: str = "GET", request_headers: Sequence[tuple[str, str]] = (),
                        http_version: str = "HTTP/1.1", date: str | None = None) -> str:
    """Write one fetched page as a ``request`` + ``response`` record pair; returns the
    response's WARC-Record-ID.

    `body` is the payload as the client returned it, i.e. already decoded (httpx undoes
    gzip/brotli and chunking): Content-Encoding and Transfer-Encoding are therefore
    dropped from the stored headers and Content-Length is set to ``len(body)``, so any WARC
    reader gets the same bytes back.  `date` is an ISO 8601 WARC-Date (default: now).
    Cost: one gzip of the body when the file is gzipped; the file is flushed after the pair.
    """
    from urllib.parse import urlsplit

    from warcio.statusandheaders import StatusAndHeaders

    writer = out.writer
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    req_headers = list(request_headers)
    if not any(name.lower() == "host" for name, _ in req_headers):
        req_headers.insert(0, ("Host", parts.netloc))
    warc_headers = {"WARC-Date": date} if date else None
    request = writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), warc_headers_dict=warc_headers,
        http_headers=StatusAndHeaders(f"{method} {target} {http_version}", req_headers, is_http_request=True))
    kept = [(k, v) for k, v in response_headers
            if k.lower() not in _ENCODING_HEADERS and k.lower() != "content-length"]
    kept.append(("Content-Length", str(len(body))))
    status_line = f"{status} {reason or _reason(status)}".strip()
    response = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), warc_headers_dict=warc_headers,
        http_headers=StatusAndHeaders(status_line, kept, protocol=http_version))
    writer.write_request_response_pair(request, response)
    out._fh.flush()
    return str(response.rec_headers.get_header("WARC-Record-ID"))


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""

