"""What a person watching `cleannews fetch` sees: a progress bar on a terminal (tqdm), plain
periodic log lines otherwise, and a summary by outcome and error kind at the end."""

from __future__ import annotations

import time
from collections import Counter
from typing import TextIO

from ._records import FetchRecord

__all__ = ["Progress", "Tally"]


class Tally:
    """Counts of outcomes: articles, pages that are no article, errors by kind."""

    def __init__(self) -> None:
        self.articles = 0
        self.not_articles = 0
        self.errors: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()

    def add(self, record: FetchRecord) -> None:
        if record.ok:
            if record.article is not None and record.article.is_article:
                self.articles += 1
            else:
                self.not_articles += 1
        else:
            self.errors[record.error_kind or "internal"] += 1
            if record.error_kind == "http_error" and record.status is not None:
                self.statuses[record.status] += 1

    @property
    def done(self) -> int:
        return self.articles + self.not_articles + self.failed

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def summary_lines(self, seconds: float, skipped: int = 0, interrupted: bool = False) -> list[str]:
        rate = self.done / seconds if seconds > 0 else 0.0
        head = (f"{'interrupted after' if interrupted else 'fetched'} {self.done} URL"
                f"{'' if self.done == 1 else 's'} in {seconds:.1f} s ({rate:.1f}/s): "
                f"{self.articles + self.not_articles} ok ({self.articles} articles, "
                f"{self.not_articles} not articles), {self.failed} failed")
        if skipped:
            head += f", {skipped} skipped (already in the output)"
        lines = [head]
        if self.errors:
            kinds = ", ".join(f"{kind} {n}" for kind, n in self.errors.most_common())
            lines.append(f"errors by kind: {kinds}")
        if self.statuses:
            codes = ", ".join(f"{code} ×{n}" for code, n in sorted(self.statuses.items()))
            lines.append(f"HTTP errors by status: {codes}")
        return lines


class Progress:
    """Shows progress on `stream`: tqdm when it is a terminal, else a line every `every` s.

    `enabled=False` shows nothing (the summary is separate: `Tally.summary_lines`).
    """

    def __init__(self, total: int, stream: TextIO, *, enabled: bool = True,
                 every: float = 10.0, prefix: str = "cleannews: ") -> None:
        self.total, self.stream, self.every, self.prefix = total, stream, every, prefix
        self.tally = Tally()
        self.started = self._last = time.monotonic()
        self._bar = None
        self.enabled = enabled
        if enabled and _isatty(stream):
            from tqdm import tqdm
            self._bar = tqdm(total=total, file=stream, unit="page", dynamic_ncols=True,
                             desc="fetch", smoothing=0.1)

    def update(self, record: FetchRecord) -> None:
        self.tally.add(record)
        if self._bar is not None:
            self._bar.set_postfix(errors=self.tally.failed, refresh=False)
            self._bar.update(1)
        elif self.enabled and time.monotonic() - self._last >= self.every:
            self._log()

    def _log(self) -> None:
        self._last = now = time.monotonic()
        done, elapsed = self.tally.done, now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = f", ETA {(self.total - done) / rate:.0f} s" if rate > 0 and done < self.total else ""
        self.stream.write(f"{self.prefix}progress: {done}/{self.total} done, "
                          f"{self.tally.failed} errors, {rate:.1f} pages/s{eta}\n")
        self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
