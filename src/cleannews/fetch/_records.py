"""`FetchRecord`: the outcome of one URL, and the error kinds it can carry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..records import article_record, error_record, utc_now

__all__ = ["ERROR_KINDS", "FetchError", "FetchRecord", "RETRYABLE_KINDS", "utc_now"]

#: Every value `FetchRecord.error_kind` can take, with what it means.
ERROR_KINDS: dict[str, str] = {
    "invalid_url": "the line is not a URL (no host, spaces, bad port, ...)",
    "unsupported_scheme": "not http or https (file:, ftp:, data:, ... are refused)",
    "robots_disallowed": "robots.txt forbids this URL to our User-Agent",
    "robots_unreachable": "robots.txt answered 5xx or could not be fetched (RFC 9309: "
                          "complete disallow)",
    "connect_error": "no connection (refused, reset, DNS failure)",
    "timeout": "connect, read or total timeout",
    "network_error": "the connection broke or the server spoke broken HTTP",
    "too_many_redirects": "more redirects than allowed, or a redirect loop",
    "http_error": "status 4xx or 5xx (see `status`)",
    "not_html": "the Content-Type is not HTML",
    "too_large": "the body (after decompression) is over the size limit",
    "bad_encoding": "a Content-Encoding that is unknown or does not decode",
    "clean_error": "cleannews.clean failed on the page",
    "internal": "a bug in cleannews: please report it",
}

#: Kinds worth another attempt (plus ``http_error`` with status 429 or 5xx).
RETRYABLE_KINDS = frozenset({"connect_error", "timeout", "network_error"})


class FetchError(Exception):
    """One attempt failed; carries the record's error kind and what a retry needs to know."""

    def __init__(self, kind: str, message: str, *, status: int | None = None,
                 final_url: str | None = None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.final_url = final_url
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        if self.kind == "http_error":
            return self.status is not None and (self.status == 429 or self.status >= 500)
        return self.kind in RETRYABLE_KINDS


_EMPTY = Article()


@dataclass(frozen=True)
class FetchRecord:
    """What happened to one URL.  ``ok`` means fetched and cleaned (article or not).

    Attributes:
        url: the URL as listed (first spelling, when a URL is listed twice).
        final_url: the URL after redirects (None when no response came).
        status: the last HTTP status (None when no response came).
        error_kind, error_message: why it failed (see `ERROR_KINDS`), or None.
        fetched_at: when the outcome was known, ISO 8601 UTC.
        elapsed_ms: from the first request (robots.txt excluded) to the outcome,
            retries and waits included.
        attempts: requests made for this URL (0 when refused before any request).
        content_type: the response's Content-Type header.
        article: the cleaned page, when ``ok``.
        raw_file: where ``FetchOptions.save_raw`` put the body.
    """

    url: str
    final_url: str | None = None
    status: int | None = None
    error_kind: str | None = None
    error_message: str | None = None
    fetched_at: str = ""
    elapsed_ms: int = 0
    attempts: int = 0
    content_type: str | None = None
    article: Article | None = None
    raw_file: str | None = None

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    def to_dict(self) -> dict[str, Any]:
        """One JSONL record: the fetch fields, then every `Article.to_dict` field.

        Error records carry the Article fields too (empty), so every record has the same
        keys.  The Article's own ``url`` is the `final_url` and is not repeated.
        """
        common: dict[str, Any] = {
            "url": self.url, "final_url": self.final_url, "status": self.status, "fetched_at": self.fetched_at,
            "elapsed_ms": self.elapsed_ms, "attempts": self.attempts, "content_type": self.content_type,
            "extra": {"raw_file": self.raw_file} if self.raw_file is not None else None,
        }
        if self.ok:  # the shared schema of cleannews.records, as `clean` and `warc` write it
            return article_record(self.article or _EMPTY, **common)
        return error_record(self.error_kind or "", self.error_message or "", **common)
