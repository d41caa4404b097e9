"""URL lists: reading them, refusing what cannot be fetched, and telling duplicates apart."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

__all__ = ["check_url", "host_key", "read_url_lines", "url_key"]

_FETCHABLE = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BAD_CHARS = re.compile(r"[\x00-\x20\x7f<>\"\\^`{|}]")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def read_url_lines(lines: Iterable[str]) -> Iterator[str]:
    """The URLs of a list: one per line, stripped; blank lines and ``#`` comments skipped."""
    for line in lines:
        url = line.strip().lstrip("\ufeff")
        if url and not url.startswith("#"):
            yield url


def check_url(url: str) -> tuple[str, str] | None:
    """``(error_kind, message)`` when `url` cannot be fetched, else None.  Cheap: no I/O."""
    scheme = _SCHEME.match(url)
    if scheme is None:
        return "invalid_url", "not an absolute URL (no scheme)"
    name = scheme.group(1).lower()
    if name not in _FETCHABLE:
        return "unsupported_scheme", f"unsupported scheme {name!r} (only http and https)"
    if _BAD_CHARS.search(url):
        return "invalid_url", "white space or a character not allowed in URLs"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError as exc:
        return "invalid_url", f"malformed URL: {exc}"
    if not parts.hostname:
        return "invalid_url", "no host name"
    if port == 0:
        return "invalid_url", "port 0"
    return None


def url_key(url: str) -> str:
    """The identity of a URL for de-duplication and `--resume`.

    Scheme and host lower-cased, a default port and the ``#fragment`` dropped; the path
    and query are kept as written.  Unparsable strings are their own key.
    """
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url
    if not scheme or not host:
        return url
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_key(url: str) -> str:
    """``scheme://host[:port]``: the unit of per-host limits, delays and robots.txt."""
    parts = urlsplit(url_key(url))
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"
