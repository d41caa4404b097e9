"""Batch processing: many inputs in, one `Record` per input out, streaming.

Errors never escape as exceptions: a missing file, an unreadable, empty, binary, non-HTML
or oversized input, and even a crash inside `clean()`, all become a `Record` whose
`error` is a one-line message and whose `error_kind` is machine-readable:

    ``not_found``, ``unreadable``, ``empty``, ``binary``, ``not_html``, ``too_large``,
    ``internal``, and with worker processes ``timeout`` and ``worker_crash``.

A page that is HTML but has no article body is *not* an error: its record carries an
`Article` with ``is_article=False``.

    >>> for record in run_batch(iter_inputs(["pages/"]), Options()):
    ...     print(record.source, record.error or record.article.title)

``run_batch(..., workers=N)`` cleans in N processes (`cleannews.pool`): a page that runs
past `page_timeout` or kills its worker becomes an error record and the batch goes on.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from ._api import clean
from .article import Article
from .errors import InputTooLarge
from .options import Options

__all__ = [
    "ERROR_KINDS",
    "HTML_SUFFIXES",
    "InputItem",
    "Record",
    "clean_one",
    "iter_inputs",
    "one_line",
    "run_batch",
    "sniff",
]

#: Suffixes (case-insensitive) of the files taken when walking a folder.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

#: Every value `Record.error_kind` can take.
ERROR_KINDS = ("not_found", "unreadable", "empty", "binary", "not_html", "too_large", "internal",
               "timeout", "worker_crash")

_SNIFF_BINARY = 8 * 1024
_SNIFF_MARKUP = 64 * 1024
_MAGIC = (
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # ZIP (also docx, epub, ...)
    b"\x1f\x8b",  # gzip
)
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")  # also covers the UTF-32 LE BOM prefix
_MARKUP = re.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*(?=[\s/>])|!|/[A-Za-z]|\?xml)")


@dataclass(frozen=True)
class InputItem:
    """One input to clean: a file, standard input, or in-memory bytes.

    Attributes:
        source: how the input is named in records and messages (the path, or ``"-"``).
        path: the file to read, or ``None`` for stdin / in-memory data.
        data: in-memory bytes to clean instead of reading a file.
        stdin: read the bytes from ``sys.stdin.buffer`` when cleaned.
        error: set when the input is already known to be unusable (e.g. missing).
        error_kind: the machine-readable kind of `error` (see `ERROR_KINDS`).
    """

    source: str
    path: str | None = None
    data: bytes | None = None
    stdin: bool = False
    error: str | None = None
    error_kind: str | None = None


@dataclass(frozen=True)
class Record:
    """The outcome for one input: an `Article`, or a one-line `error` and its `error_kind`."""

    source: str
    article: Article | None = None
    error: str | None = None
    error_kind: str | None = None

    @property
    def ok(self) -> bool:
        """True when the input was cleaned (even if it turned out not to be an article)."""
        return self.error is None

    def to_dict(self, *, include_removed: bool = False) -> dict[str, Any]:
        """``{"source", **article.to_dict()}`` or ``{"source", "error": {"kind", "message"}}``."""
        if self.article is None:
            return {"source": self.source,
                    "error": {"kind": self.error_kind or "internal", "message": self.error or ""}}
        return {"source": self.source, **self.article.to_dict(include_removed=include_removed)}


# --------------------------------------------------------------------------- inputs

def iter_inputs(paths: Iterable[str]) -> Iterator[InputItem]:
    """Expand command-line style `paths` into `InputItem`s, lazily and in a stable order.

    * ``-`` is standard input (read when the item is cleaned).
    * An explicit file is always taken, whatever its name.
    * A folder is walked recursively in sorted order, taking only files whose suffix is in
      `HTML_SUFFIXES`; hidden entries (names starting with ``.``) and symlinked folders
      are skipped.  A folder without any such file yields one ``empty`` error item.
    * A missing path yields a ``not_found`` error item; nothing is raised.
    """
    for path in paths:
        if path == "-":
            yield InputItem(source="-", stdin=True)
        elif os.path.isdir(path):
            yield from _walk_folder(path)
        elif os.path.lexists(path) and not os.path.exists(path):
            yield InputItem(source=path, error="not found (broken symlink)", error_kind="not_found")
        elif not os.path.exists(path):
            yield InputItem(source=path, error="not found", error_kind="not_found")
        else:
            yield InputItem(source=path, path=path)


def _walk_folder(folder: str) -> Iterator[InputItem]:
    """The HTML files under `folder`, or one error item when there are none."""
    found = False
    for item in _scan(folder):
        found = found or item.error is None
        yield item
    if not found:
        yield InputItem(source=folder, error="no HTML files in directory", error_kind="empty")


def _scan(folder: str) -> Iterator[InputItem]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield InputItem(source=folder, error=_os_message(exc), error_kind="unreadable")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _scan(entry.path)
        elif os.path.splitext(entry.name)[1].lower() in HTML_SUFFIXES and entry.is_file():
            yield InputItem(source=entry.path, path=entry.path)


# --------------------------------------------------------------------------- cleaning

def clean_one(item: InputItem, options: Options | None = None) -> Record:
    """Clean one input into a `Record`; never raises (except `KeyboardInterrupt` & co)."""
    options = options or Options()
    if item.error is not None:
        return Record(item.source, error=item.error, error_kind=item.error_kind or "internal")
    try:
        data = _read(item, options.max_input_bytes)
    except _Refused as refusal:
        return Record(item.source, error=refusal.message, error_kind=refusal.kind)
    problem = sniff(data)
    if problem is not None:
        return Record(item.source, error=problem[1], error_kind=problem[0])
    return _clean_bytes(item.source, data, options)


def _clean_bytes(source: str, data: bytes, options: Options) -> Record:
    try:
        article = clean(data, options=options)
    except InputTooLarge:
        return Record(source, error=_too_large(len(data), options.max_input_bytes),
                      error_kind="too_large")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        return Record(source, error=one_line(f"{type(exc).__name__}: {exc}"), error_kind="internal")
    return Record(source, article=article)


def run_batch(items: Iterable[InputItem], options: Options | None = None, *, workers: int = 1,
              ordered: bool = False, page_timeout: float | None = None,
              chunksize: int = 4, subprocess_workers: bool = False) -> Iterator[Record]:
    """Clean `items`, yielding each `Record` as soon as it is ready.

    A generator that holds at most a few pages at a time, so it suits huge folders and
    pipes.  Errors come out as records (see `Record.error_kind`).

    With ``workers=1`` and no `page_timeout` the pages are cleaned here, one after the
    other, in input order.  Otherwise `workers` processes clean them (files are read by
    the workers; standard input is read here first): a page past `page_timeout` seconds
    gives a ``timeout`` record, one that kills its worker a ``worker_crash`` record, and
    the batch goes on.  Records come in completion order unless `ordered`.
    `subprocess_workers` starts the workers as fresh interpreters (see `cleannews.pool`):
    what a Dask task does, as Dask workers may not fork.
    """
    options = options or Options()
    if workers <= 1 and page_timeout is None:
        for item in items:
            yield clean_one(item, options)
        return
    from .pool import imap_isolated  # multiprocessing machinery only when asked for

    yield from imap_isolated(functools.partial(clean_one, options=options),
                             (_load_stdin(item, options.max_input_bytes) for item in items),
                             on_failure=_failure_record, workers=workers, ordered=ordered,
                             timeout=page_timeout, chunksize=chunksize,
                             subprocess_workers=subprocess_workers)


def _load_stdin(item: InputItem, limit: int) -> InputItem:
    """Standard input is this process's: read it here, so a worker gets the bytes."""
    if not item.stdin:
        return item
    try:
        return replace(item, stdin=False, data=_read_stdin(limit))
    except _Refused as refusal:
        return replace(item, stdin=False, error=refusal.message, error_kind=refusal.kind)


def _failure_record(item: InputItem, kind: str, message: str) -> Record:
    return Record(item.source, error=one_line(message), error_kind=kind)


# --------------------------------------------------------------------------- helpers

class _Refused(Exception):
    """Internal: the input cannot be read; carries the record's error."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def _read(item: InputItem, limit: int) -> bytes:
    """The bytes of `item`, refusing oversized files before reading them."""
    if item.data is not None:
        data = item.data
    elif item.stdin:
        data = _read_stdin(limit)
    else:
        data = _read_file(item.path or item.source, limit)
    if len(data) > limit:
        raise _Refused("too_large", _too_large(len(data), limit))
    return data


def _read_file(path: str, limit: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise _Refused("too_large", _too_large(size, limit))
        with open(path, "rb") as fh:
            return _read_limited(fh, limit)
    except FileNotFoundError:
        raise _Refused("not_found", "not found") from None
    except OSError as exc:
        raise _Refused("unreadable", _os_message(exc)) from None


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise _Refused("unreadable", "standard input is not available")
    try:
        return _read_limited(stream, limit)
    except OSError as exc:
        raise _Refused("unreadable", _os_message(exc)) from None


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes, enough to tell that a stream is too large."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _Refused("too_large", f"too large: over the {limit / 1e6:.1f} MB limit")
    return data


def sniff(data: bytes) -> tuple[str, str] | None:
    """``(error_kind, message)`` when `data` is plainly not an HTML page, else ``None``."""
    if not data.strip():
        return "empty", "empty file"
    head = data[:_SNIFF_BINARY]
    if head.startswith(_MAGIC) or (b"\x00" in head and not head.startswith(_UTF16_32_BOMS)):
        return "binary", "binary file (not HTML)"
    if not _MARKUP.search(_lenient_text(data[:_SNIFF_MARKUP])):
        return "not_html", "not HTML (no markup found)"
    return None


def _lenient_text(data: bytes) -> str:
    """Enough of a decode to look for ``<tag``: UTF-16 by BOM, else byte-per-char."""
    if data.startswith(_UTF16_32_BOMS):
        return data.decode("utf-16", "replace")
    return data.decode("latin-1")


def _too_large(size: int, limit: int) -> str:
    return f"too large: {size / 1e6:.1f} MB > {limit / 1e6:.1f} MB limit"


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, NotADirectoryError):
        return "not a directory"
    return one_line(f"cannot read: {exc.strerror or exc}")


def one_line(message: str, limit: int = 300) -> str:
    """Collapse whitespace (newlines included) and cap the length of a message."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
