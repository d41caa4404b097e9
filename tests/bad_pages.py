"""A stand-in for `clean` that hangs on one page and kills its worker process on another.

Tests monkeypatch it over the ``clean`` a module calls; forked worker processes inherit it.
Processes that are not forked (Dask workers, their worker subprocesses) get it through
`BadPageOptions`.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from cleannews.options import Options

HANG = "HANG-HERE"  # a page containing this sleeps for a minute
CRASH = "CRASH-HERE"  # a page containing this kills its process with SIGKILL


def hanging_or_crashing(real_clean: Callable[..., Any]) -> Callable[..., Any]:
    """`real_clean`, except on pages marked with `HANG` or `CRASH`."""

    def clean(data: object, **kwargs: Any) -> Any:
        assert isinstance(data, bytes)
        if HANG.encode() in data:
            time.sleep(60)
        if CRASH.encode() in data:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_clean(data, **kwargs)

    return clean


def patch_cleaners() -> None:
    """Swap the ``clean`` that `cleannews.batch` and `cleannews.warc` call for
    `hanging_or_crashing`, in this process, once."""
    from cleannews import batch, warc

    for module in (batch, warc):
        if not getattr(module.clean, "hangs_on_marked_pages", False):
            module.clean = hanging_or_crashing(module.clean)
            module.clean.hangs_on_marked_pages = True  # type: ignore[attr-defined]


@dataclass(frozen=True)
class BadPageOptions(Options):
    """`Options` that bring `patch_cleaners` along wherever they are unpickled.

    Dask workers and the worker subprocesses of a Dask task are fresh interpreters: they do
    not inherit a monkeypatch, but they do unpickle the task's options (and can import this
    module: a spawned process gets its parent's ``sys.path``).  In this process, making
    them patches nothing.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickle_bad_page_options, ({f.name: getattr(self, f.name) for f in fields(self)},)


def _unpickle_bad_page_options(values: dict[str, Any]) -> BadPageOptions:
    patch_cleaners()
    return BadPageOptions(**values)
