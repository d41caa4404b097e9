"""`FetchOptions`: the one way to configure fetching (extraction stays `cleannews.Options`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..options import replace_checked

__all__ = ["DEFAULT_USER_AGENT", "FetchOptions"]

#: Sent unless `FetchOptions.user_agent` says otherwise; robots.txt groups match "cleannews".
DEFAULT_USER_AGENT = f"cleannews/{__version__} (news article fetcher; python-httpx)"


@dataclass(frozen=True, kw_only=True)
class FetchOptions:
    """Settings for fetching pages.  Frozen and safe to share; the CLI builds one from its flags.

    Attributes:
        concurrency: URLs in flight at once (fetching and cleaning), over all hosts.
        per_host: requests open at once to one host (scheme, name and port).
        delay: seconds between the starts of two requests to one host; a robots.txt
            ``Crawl-delay`` (or ``Request-rate``) that asks for more wins.
        respect_robots: fetch each host's robots.txt once (before its first page), obey
            it and its ``Crawl-delay``.  RFC 9309: a 4xx robots.txt allows everything, an
            unreachable one (5xx, network error) forbids everything.
        user_agent: the ``User-Agent`` header, and the name matched in robots.txt.
        retries: extra attempts after a connection error, a timeout, a 429 or a 5xx.
            Other 4xx answers are final at once.
        backoff: seconds before the first retry; each retry doubles it, times a random
            factor in [0.5, 1.5) (jitter).  A ``Retry-After`` header replaces it.
        max_backoff: no single wait is longer; a ``Retry-After`` above it is not waited
            for (the URL gets its error record).
        connect_timeout: seconds to open a connection.
        read_timeout: seconds to wait for any bytes while a response is read.
        timeout: seconds one URL may take in total, from its first request to its last
            byte, redirects, retries and waits between them included.
        max_bytes: a body longer than this (after decompression, counted while streaming)
            is abandoned with a ``too_large`` error; memory per response stays below it.
        max_redirects: redirects followed per request; one more is ``too_many_redirects``.
        http2: offer HTTP/2 (used on https when the server agrees and ``h2`` is installed).
        clean_workers: processes that run `cleannews.clean` beside the network loop.  0
            cleans in a thread of this process (no start-up cost, one core); 1 or more
            starts that many worker processes (about 0.3 s each) to use more cores.
        save_raw: a folder to write every fetched HTML body into (decompressed, as
            served), named by URL hash; the record's ``raw_file`` names the file.
        warc: a WARC file (``.warc.gz``: gzip) to append every fetched HTML page to, as a
            request + response record pair (`cleannews.warc.write_warc_exchange`: the final
            response of a URL, body decoded); needs the ``warc`` extra.
    """

    concurrency: int = 16
    per_host: int = 2
    delay: float = 0.0
    respect_robots: bool = True
    user_agent: str = DEFAULT_USER_AGENT
    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 60.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    timeout: float = 120.0
    max_bytes: int = 10_000_000
    max_redirects: int = 10
    http2: bool = True
    clean_workers: int = 0
    save_raw: str | None = None
    warc: str | None = None

    def __post_init__(self) -> None:
        for name in ("concurrency", "per_host"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("retries", "max_redirects", "clean_workers", "max_bytes"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")
        for name in ("delay", "backoff", "max_backoff"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")
        for name in ("connect_timeout", "read_timeout", "timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be > 0")

    def replace(self, **changes: Any) -> FetchOptions:
        """Return a copy with `changes` applied; unknown names raise `TypeError`."""
        return replace_checked(self, changes, what="fetch option")
