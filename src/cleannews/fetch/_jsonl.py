"""The JSONL output of `cleannews fetch`: whole lines, flushed one by one, and resuming.

A record is one ``os.write`` of one complete line to a file opened in append mode, so a
run killed at any moment (SIGKILL included) leaves every finished record intact and at
most one cut-off last line, which `resume_keys` drops before the next run appends.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, BinaryIO

from ._urls import url_key

__all__ = ["JsonlWriter", "resume_keys"]


def resume_keys(path: str) -> tuple[set[str], int, bool]:
    """``(keys, bad_lines, cut)`` of an earlier output: the `url_key` of every URL it has
    a record for, the number of unreadable lines skipped, and whether a cut-off last line
    was removed (the file is truncated to its last newline).  A missing file is empty.

    Cost: reads the file once (line by line).
    """
    keys: set[str] = set()
    bad = 0
    try:
        fh = open(path, "r+b")
    except FileNotFoundError:
        return keys, 0, False
    with fh:
        good_end = 0
        for line in fh:
            if not line.endswith(b"\n"):
                break  # cut off mid-write: dropped below
            good_end += len(line)
            url = _url_of(line)
            if url is None:
                bad += int(bool(line.strip()))
            else:
                keys.add(url_key(url))
        cut = fh.seek(0, os.SEEK_END) > good_end
        if cut:
            fh.truncate(good_end)
    return keys, bad, cut


def _url_of(line: bytes) -> str | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    url = record.get("url") if isinstance(record, dict) else None
    return url if isinstance(url, str) else None


class JsonlWriter:
    """Appends records to `path` (``-``: standard output), one flushed line each."""

    def __init__(self, path: str, *, append: bool) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._fd: int | None = None
        if path == "-":
            self._stream = sys.stdout.buffer
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(path, flags, 0o644)
            if append:
                os.lseek(self._fd, 0, os.SEEK_END)

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as one line; it is on disk (in the OS) when this returns."""
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")
        if self._stream is not None:
            self._stream.write(data)
            self._stream.flush()
            return
        assert self._fd is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        elif self._stream is not None:
            self._stream.flush()
