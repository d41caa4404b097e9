"""The JSONL record of one page, shared by `cleannews fetch`, `cleannews warc` and Dask.

One record per page, every record with the same keys, in this order:

    url           the page's URL as given (fetch: the listed URL; WARC: WARC-Target-URI)
    final_url     the URL the body came from (after redirects), or None when none came
    status        the HTTP status, or None when no response came
    ok            True when the page was fetched/read and cleaned (article or not)
    error         None, or {"kind": machine-readable kind, "message": one line}
    fetched_at    ISO 8601 UTC time of the response (WARC: the WARC-Date)
    elapsed_ms    milliseconds spent on the page (fetch: network + cleaning; WARC: cleaning)
    attempts      requests made (fetch), or None when unknown (WARC input)
    content_type  the response's Content-Type header, or None
    ...extra      command-specific keys, e.g. warc_file, warc_record_id, warc_date
    ...article    every `Article.to_dict` key except ``url`` (``final_url`` holds it):
                  canonical_url, title, text, is_article, reason, page_type, authors,
                  published, modified, site_name, lang, description, image, tags,
                  categories, comments

Error records carry the article keys too (empty values), so a JSONL file loads into one
table.  Building a record costs one small dict; nothing here parses or cleans.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from .article import Article

__all__ = ["HEAD_FIELDS", "TIMING_FIELDS", "article_record", "error_record", "utc_now"]

#: The keys every record starts with, in order.
HEAD_FIELDS = ("url", "final_url", "status", "ok", "error", "fetched_at", "elapsed_ms",
               "attempts", "content_type")

#: Keys that differ between two runs over the same input (drop them to compare runs).
TIMING_FIELDS = frozenset({"elapsed_ms"})

_EMPTY_ARTICLE = Article()


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. ``2025-01-31T12:00:00.123Z``."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def article_record(article: Article, *, url: str | None, final_url: str | None = None,
                   status: int | None = None, fetched_at: str = "", elapsed_ms: int = 0,
                   attempts: int | None = None, content_type: str | None = None,
                   extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record of a cleaned page (``ok`` true, ``error`` None); see the module docstring."""
    return _record(article, None, url=url, final_url=final_url, status=status,
                   fetched_at=fetched_at, elapsed_ms=elapsed_ms, attempts=attempts,
                   content_type=content_type, extra=extra)


def error_record(kind: str, message: str, *, url: str | None, final_url: str | None = None,
                 status: int | None = None, fetched_at: str = "", elapsed_ms: int = 0,
                 attempts: int | None = None, content_type: str | None = None,
                 extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record of a page that failed (``ok`` false, ``error`` {kind, message})."""
    return _record(None, {"kind": kind, "message": message}, url=url, final_url=final_url,
                   status=status, fetched_at=fetched_at, elapsed_ms=elapsed_ms,
                   attempts=attempts, content_type=content_type, extra=extra)


def _record(article: Article | None, error: dict[str, str] | None, *, url: str | None,
            final_url: str | None, status: int | None, fetched_at: str, elapsed_ms: int,
            attempts: int | None, content_type: str | None,
            extra: Mapping[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "url": url,
        "final_url": final_url,
        "status": status,
        "ok": error is None,
        "error": error,
        "fetched_at": fetched_at,
        "elapsed_ms": elapsed_ms,
        "attempts": attempts,
        "content_type": content_type,
    }
    if extra:
        out.update(extra)
    fields = (article or _EMPTY_ARTICLE).to_dict()
    fields.pop("url", None)
    out.update(fields)
    return out
