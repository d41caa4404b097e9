"""The CPU side of a fetch: clean one fetched body (and save it raw).  Runs in a worker
thread or process, so it takes and returns only picklable values."""

from __future__ import annotations

import hashlib
import os

from .._api import clean
from ..article import Article
from ..batch import one_line, sniff
from ..errors import InputTooLarge
from ..options import Options

__all__ = ["clean_body", "raw_name"]


def raw_name(url: str) -> str:
    """The `save_raw` file name of a URL: 20 hex digits of its SHA-1, then ``.html``."""
    return hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:20] + ".html"


def clean_body(body: bytes, url: str, content_type: str | None, options: Options,
               raw_path: str | None = None) -> tuple[Article | None, str | None, str | None]:
    """``(article, None, None)``, or ``(None, error_kind, message)``; never raises.

    A body without a Content-Type must look like markup (`batch.sniff`).  The charset
    comes from `content_type` through the core decoder.  Cost: one `cleannews.clean`
    call (a few ms per 100 KB), plus one file write with `raw_path`.
    """
    if not content_type:
        problem = sniff(body)
        if problem is not None:
            return None, "not_html", f"no Content-Type and {problem[1]}"
    if raw_path is not None:
        try:
            _write_atomic(raw_path, body)
        except OSError as exc:
            return None, "internal", f"cannot save raw page to {raw_path}: {exc.strerror or exc}"
    try:
        return clean(body, url=url, content_type=content_type, options=options), None, None
    except InputTooLarge as exc:
        return None, "too_large", one_line(str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
        return None, "clean_error", one_line(f"{type(exc).__name__}: {exc}")


def _write_atomic(path: str, data: bytes) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
