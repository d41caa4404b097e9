"""A stand-in for `clean` that hangs on one page and kills its worker process on another.

Tests monkeypatch it over the ``clean`` a module calls; forked worker processes inherit it.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from typing import Any

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
