"""JSONL output that survives being killed, and resuming it.

Each record is one ``os.write`` of one complete line to a file opened for appending, so a
run killed at any moment (SIGKILL included) keeps every finished record and leaves at
most one cut-off last line, which `resume_keys` removes before the next run appends.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

__all__ = ["JsonlWriter", "resume_keys"]

KeyOf = Callable[[dict[str, Any]], "str | None"]


def resume_keys(path: str, key: KeyOf) -> tuple[set[str], int, bool]:
    """``(keys, bad_lines, cut)`` of an earlier output file.

    `keys` holds ``key(record)`` of every readable record (records for which `key` gives
    None are not counted as done); `bad_lines` counts unreadable lines skipped; `cut` tells
    that a cut-off last line (no newline) was removed by truncating the file to its last
    newline.  A missing file gives no keys.  Cost: one read of the file, line by line; the
    keys stay in memory (about 100 bytes each).
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
                break  # cut off mid-write: truncated below
            good_end += len(line)
            try:
                record = json.loads(line)
            except ValueError:
                bad += int(bool(line.strip()))
                continue
            name = key(record) if isinstance(record, dict) else None
            if name is not None:
                keys.add(name)
        cut = fh.seek(0, os.SEEK_END) > good_end
        if cut:
            fh.truncate(good_end)
    return keys, bad, cut


class JsonlWriter:
    """Writes records to `path` (``-``: standard output), one flushed line each.

    ``append=True`` continues an existing file (for resuming); otherwise it is replaced.
    """

    def __init__(self, path: str, *, append: bool) -> None:
        self.path = path
        self._stream: BinaryIO | None = None
        self._fd: int | None = None
        if path == "-":
            self._stream = sys.stdout.buffer
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(path, flags, 0o644)

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as one line; it is in the OS's hands when this returns."""
        self.write_line(json.dumps(record, ensure_ascii=False))

    def write_line(self, line: str) -> None:
        """Write one already-serialized record (no newline inside `line`)."""
        data = (line + "\n").encode("utf-8", "surrogatepass")
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

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
