"""HTTP: the shared httpx client, one attempt at one page, and the retry policy.

One attempt streams the response, checks status and Content-Type before reading any of
the body, and reads at most `FetchOptions.max_bytes` (decoded).  Every failure becomes a
`FetchError` with a kind from `ERROR_KINDS`; `retry_wait` says whether and when to retry.
"""

from __future__ import annotations

import email.utils
import random
import re
import ssl
import time
from collections import OrderedDict
from dataclasses import dataclass

import httpx

from ._body import ACCEPT_ENCODING, read_limited
from ._options import FetchOptions
from ._records import FetchError

__all__ = ["ClientPool", "Page", "fetch_page", "is_html", "make_client", "parse_retry_after", "retry_wait",
           "transport_error"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MIME = re.compile(r"^\s*([^;\s]+)")


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: the decoded (decompressed) body and what came with it."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()  # the response's, as received
    request_headers: tuple[tuple[str, str], ...] = ()  # those of the last request sent


def make_client(opts: FetchOptions, *, max_connections: int | None = None,
                verify: ssl.SSLContext | bool = True) -> httpx.AsyncClient:
    """An httpx client with our headers, timeouts and redirect limit; keep-alive pool of
    `max_connections` (default `concurrency`); HTTP/2 offered when `h2` is installed."""
    try:
        import h2  # noqa: F401
        http2 = opts.http2
    except ImportError:  # pragma: no cover - depends on the installation
        http2 = False
    size = max_connections or opts.concurrency
    return httpx.AsyncClient(
        http2=http2,
        verify=verify,
        follow_redirects=True,
        max_redirects=opts.max_redirects,
        timeout=httpx.Timeout(opts.read_timeout, connect=opts.connect_timeout,
                              pool=opts.timeout),
        limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
        headers={"User-Agent": opts.user_agent, "Accept-Encoding": ACCEPT_ENCODING,
                 "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
        trust_env=False,
    )


class ClientPool:
    """One small httpx client per host, or the caller's one client for every host.

    httpcore's connection pool scans all its connections (pairwise, in 1.0) on every
    request event, so one pool of `concurrency` keep-alive connections costs several ms
    of CPU per request; a pool per host holds `per_host` + 2 connections and costs
    little.  Clients of hosts with nothing to do (`idle`) stay open for reuse, the
    `concurrency` most recent ones; older ones are closed.  One TLS context is shared.
    """

    def __init__(self, opts: FetchOptions, shared: httpx.AsyncClient | None = None) -> None:
        self.opts = opts
        self.shared = shared
        self.clients: dict[str, httpx.AsyncClient] = {}
        self._idle: OrderedDict[str, None] = OrderedDict()
        self._tls: ssl.SSLContext | None = None

    def get(self, host: str) -> httpx.AsyncClient:
        if self.shared is not None:
            return self.shared
        self._idle.pop(host, None)
        client = self.clients.get(host)
        if client is None:
            if self._tls is None:
                self._tls = _tls_context()
            client = self.clients[host] = make_client(
                self.opts, max_connections=self.opts.per_host + 2, verify=self._tls)
        return client

    async def idle(self, host: str) -> None:
        """`host` has nothing to do now: keep its client for a while, close the oldest."""
        if host not in self.clients:
            return
        self._idle[host] = None
        self._idle.move_to_end(host)
        while len(self._idle) > self.opts.concurrency:
            old, _ = self._idle.popitem(last=False)
            client = self.clients.pop(old, None)
            if client is not None:
                await client.aclose()

    async def aclose(self) -> None:
        clients, self.clients = list(self.clients.values()), {}
        self._idle.clear()
        for client in clients:
            await client.aclose()


def _tls_context() -> ssl.SSLContext:
    try:
        import certifi
        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - httpx brings certifi
        return ssl.create_default_context()


def is_html(content_type: str | None) -> bool:
    """Whether a Content-Type may hold a web page (a missing one may: we let it through)."""
    if not content_type or not content_type.strip():
        return True
    match = _MIME.match(content_type)
    mime = match.group(1).lower() if match else ""
    return mime in _HTML_TYPES


async def fetch_page(client: httpx.AsyncClient, url: str, opts: FetchOptions) -> Page:
    """One GET of `url`, redirects included.  Raises `FetchError` for every failure.

    Cost: one request per redirect hop; the body is read only for a 2xx HTML answer
    (error answers are closed unread).  The caller bounds the total time.
    """
    try:
        async with client.stream("GET", url, follow_redirects=True) as response:
            final_url = str(response.url)
            status = response.status_code
            content_type = response.headers.get("content-type")
            if status >= 400:
                raise FetchError("http_error", f"HTTP {status} {response.reason_phrase}".rstrip(),
                                 status=status, final_url=final_url,
                                 retry_after=parse_retry_after(response.headers.get("retry-after")))
            if status >= 300:  # a redirect without a usable Location
                raise FetchError("http_error", f"HTTP {status} without a usable Location",
                                 status=status, final_url=final_url)
            if not is_html(content_type):
                raise FetchError("not_html", f"Content-Type {content_type!r} is not HTML",
                                 status=status, final_url=final_url)
            declared = _content_length(response)
            if declared is not None and declared > opts.max_bytes:
                raise FetchError("too_large", f"Content-Length {declared} over the "
                                 f"{opts.max_bytes} byte limit", status=status, final_url=final_url)
            try:
                body = await read_limited(response.aiter_raw(),
                                          response.headers.get("content-encoding"), opts.max_bytes)
            except FetchError as exc:
                exc.status, exc.final_url = status, final_url
                raise
            return Page(url=url, final_url=final_url, status=status,
                        content_type=content_type, body=body,
                        headers=tuple(response.headers.multi_items()),
                        request_headers=tuple(response.request.headers.multi_items()))
    except FetchError:
        raise
    except httpx.HTTPError as exc:
        raise transport_error(exc) from None


def transport_error(exc: httpx.HTTPError, prefix: str = "") -> FetchError:
    """The `FetchError` for an httpx exception (kind by exception class)."""
    if isinstance(exc, httpx.TooManyRedirects):
        kind = "too_many_redirects"
    elif isinstance(exc, httpx.TimeoutException):
        kind = "timeout"
    elif isinstance(exc, httpx.ConnectError):
        kind = "connect_error"
    elif isinstance(exc, httpx.UnsupportedProtocol):  # e.g. a redirect to file: or ftp:
        kind = "unsupported_scheme"
    else:
        kind = "network_error"
    return FetchError(kind, f"{prefix}{type(exc).__name__}: {_message(exc)}")


def retry_wait(error: FetchError, attempt: int, opts: FetchOptions,
               rng: random.Random | None = None) -> float | None:
    """Seconds to wait before attempt ``attempt + 1``, or None when not to retry.

    Exponential backoff with jitter: ``backoff * 2**(attempt-1) * U[0.5, 1.5)``, capped
    at `max_backoff`.  A ``Retry-After`` replaces it; one above `max_backoff` means no retry.
    """
    if not error.retryable or attempt > opts.retries:
        return None
    if error.retry_after is not None:
        return error.retry_after if error.retry_after <= opts.max_backoff else None
    factor = (rng or random).uniform(0.5, 1.5)
    return min(opts.max_backoff, opts.backoff * 2 ** (attempt - 1) * factor)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` value (delta seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers.get("content-length", ""))
    except ValueError:
        return None


def _message(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
