"""`cleannews warc`: WARC files in, one JSONL record per HTML response out.

The CLI's handler calls `run_warc`; this module picks the engine (the local process pool,
or a Dask cluster), resumes, writes records as they come and prints the summary.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from .batch import one_line
from .jsonl import JsonlWriter, resume_keys
from .options import Options
from .warc import WarcCounts, WarcFileError, WarcPage, item_failure_record, item_record, iter_warc_pages, record_key

__all__ = ["UsageError", "run_warc", "warc_line"]

Item = WarcPage | WarcFileError
Line = tuple[str, str | None]  # (JSON line, error kind or None)


class UsageError(Exception):
    """The command line asks for something impossible (exit status 2)."""


def run_warc(paths: Sequence[str], out_path: str, *, options: Options, workers: int = 1,
             ordered: bool = False, page_timeout: float | None = None, resume: bool = False,
             overwrite: bool = False, dask_address: str | None = None,
             stderr: TextIO | None = None) -> int:
    """Clean every HTML 200 response of the WARC files `paths` into `out_path` (``-``: stdout).

    Returns the exit status: 0 when every page was cleaned (skipped responses are not
    failures), 1 when some record is an error.  Raises `UsageError` for ``--resume`` with
    stdout or an existing output without ``--resume``/``--overwrite``.  Cost: one page per
    worker in flight (plus the set of done record ids when resuming); records are written
    and flushed one by one.
    """
    err = stderr or sys.stderr
    done = _prepare_output(out_path, resume=resume, overwrite=overwrite, err=err)
    try:
        writer = JsonlWriter(out_path, append=resume)
    except OSError as exc:
        raise UsageError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    counts = WarcCounts()
    failed: Counter[str] = Counter()
    written = 0
    try:
        if dask_address:
            lines = _cluster_lines(paths, dask_address, options, done, ordered, page_timeout)
        else:
            lines = _local_lines(paths, options, done, counts, workers, ordered, page_timeout)
        for line, kind in lines:
            writer.write_line(line)
            written += 1
            if kind is not None:
                failed[kind] += 1
                _say(err, f"error: {_failure(line)}")
    finally:
        writer.close()
        _summary(err, counts if not dask_address else None, written, failed, len(done))
    return 1 if failed else 0


def warc_line(item: Item, options: Options | None = None) -> Line:
    """The JSON line of one page (or of one unreadable file) and its error kind, if any.
    This is the task the worker processes run."""
    return _dump(item_record(item, options))


def _failed_line(item: Item, kind: str, message: str) -> Line:
    return _dump(item_failure_record(item, kind, message))


def _dump(record: dict[str, Any]) -> Line:
    error = record.get("error")
    return json.dumps(record, ensure_ascii=False), error["kind"] if error else None


def _failure(line: str) -> str:
    """``URL: message`` of an error record (a bad file's message names the file)."""
    record = json.loads(line)
    message = record["error"]["message"]
    return one_line(f"{record['url']}: {message}" if record.get("url") else message, limit=1000)


def _item_key(item: Item) -> str:
    if isinstance(item, WarcFileError):
        return f"file:{item.warc_file}"
    return item.record_id or ""


def _local_lines(paths: Sequence[str], options: Options, done: set[str], counts: WarcCounts,
                 workers: int, ordered: bool, page_timeout: float | None) -> Iterator[Line]:
    items = (item for item in iter_warc_pages(paths, counts=counts, max_bytes=options.max_input_bytes)
             if _item_key(item) not in done)
    task = functools.partial(warc_line, options=options)
    if workers <= 1 and page_timeout is None:
        return map(task, items)
    from .pool import imap_isolated

    return imap_isolated(task, items, on_failure=_failed_line, workers=workers, ordered=ordered,
                         timeout=page_timeout)


def _cluster_lines(paths: Sequence[str], address: str, options: Options, done: set[str],
                   ordered: bool, page_timeout: float | None) -> Iterator[Line]:
    try:
        from .dask import cluster_records
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    for record in cluster_records(paths, address, options=options, ordered=ordered, page_timeout=page_timeout):
        if record_key(record) not in done:
            yield _dump(record)


def _prepare_output(out_path: str, *, resume: bool, overwrite: bool, err: TextIO) -> set[str]:
    """The record keys already in `out_path` when resuming (else none)."""
    if out_path == "-":
        if resume:
            raise UsageError("--resume needs an output file, not standard output")
        return set()
    if not resume:
        if os.path.exists(out_path) and os.path.getsize(out_path) > 0 and not overwrite:
            raise UsageError(f"{out_path} exists: use --resume to continue it or --overwrite")
        return set()
    done, bad, cut = resume_keys(out_path, record_key)
    if cut:
        _say(err, f"{out_path}: dropped a cut-off last line (its page is cleaned again)")
    if bad:
        _say(err, f"{out_path}: skipped {bad} unreadable line(s)")
    return done


def _summary(err: TextIO, counts: WarcCounts | None, written: int, failed: Counter[str],
             skipped: int) -> None:
    if counts is not None:
        _say(err, counts.summary())
    kinds = ", ".join(f"{kind} {n}" for kind, n in failed.most_common())
    resumed = f"; {skipped} already in the output" if skipped else ""
    _say(err, f"{written} records written, {sum(failed.values())} failed{f' ({kinds})' if kinds else ''}{resumed}")


def _say(err: TextIO, line: str) -> None:
    err.write(f"cleannews: {line}\n")
    err.flush()
