"""`cleannews fetch`: a URL list in, a JSONL file out.  The CLI's `fetch` handler calls
`run_fetch`; this module reads the list, resumes, writes records and reports progress."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import TextIO

from ..jsonl import JsonlWriter, resume_keys
from ..options import Options
from ._fetcher import Fetcher
from ._options import FetchOptions
from ._progress import Progress
from ._urls import read_url_lines, url_key

__all__ = ["UsageError", "run_fetch"]


class UsageError(Exception):
    """The command line asks for something impossible (exit status 2)."""


def run_fetch(urls_path: str, out_path: str, *, fetch_options: FetchOptions,
              options: Options, resume: bool = False, overwrite: bool = False,
              progress: bool = True, log_every: float = 10.0,
              stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit status: 0 every URL succeeded, 1 some failed.

    Raises `UsageError` for a missing list, ``--resume`` with stdout, or an existing
    output without ``--resume``/``--overwrite``.  Cost: the URL list and a set of done
    keys stay in memory; each record is written as soon as it completes.
    """
    err = stderr or sys.stderr
    urls = _read_urls(urls_path)
    done: set[str] = set()
    if out_path == "-":
        if resume:
            raise UsageError("--resume needs an output file, not standard output")
    elif resume:
        done, bad, cut = resume_keys(out_path, _record_key)
        if cut:
            _say(err, f"{out_path}: dropped a cut-off last line (its URL is fetched again)")
        if bad:
            _say(err, f"{out_path}: skipped {bad} unreadable line(s)")
    elif os.path.exists(out_path) and os.path.getsize(out_path) > 0 and not overwrite:
        raise UsageError(f"{out_path} exists: use --resume to continue it or --overwrite")
    todo, skipped, seen = [], 0, set()
    for url in urls:
        key = url_key(url)
        if key in seen:
            continue
        seen.add(key)
        if key in done:
            skipped += 1
        else:
            todo.append(url)
    try:
        writer = JsonlWriter(out_path, append=resume)
    except OSError as exc:
        raise UsageError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    bar = Progress(len(todo), err, enabled=progress, every=log_every)
    interrupted = True
    try:
        asyncio.run(_fetch_all(todo, fetch_options, options, writer, bar))
        interrupted = False
    finally:
        writer.close()
        bar.close()
        for line in bar.tally.summary_lines(bar.elapsed, skipped, interrupted):
            _say(err, line)
    return 1 if bar.tally.failed else 0


async def _fetch_all(urls: list[str], fetch_options: FetchOptions, options: Options,
                     writer: JsonlWriter, bar: Progress) -> None:
    async with Fetcher(fetch_options=fetch_options, options=options) as fetcher:
        async for record in fetcher.fetch_many(urls):
            writer.write(record.to_dict())
            bar.update(record)


def _record_key(record: dict) -> str | None:
    """The `url_key` of an output record's URL (what --resume skips)."""
    url = record.get("url")
    return url_key(url) if isinstance(url, str) else None


def _read_urls(path: str) -> list[str]:
    if path == "-":
        return list(read_url_lines(sys.stdin))
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return list(read_url_lines(fh))
    except OSError as exc:
        raise UsageError(f"cannot read URL list {path}: {exc.strerror or exc}") from None


def _say(stream: TextIO, line: str) -> None:
    stream.write(f"cleannews: {line}\n")
    stream.flush()
