"""robots.txt: fetched once per host, parsed with `urllib.robotparser`, per RFC 9309.

* 2xx: the rules apply, with ``Crawl-delay`` / ``Request-rate`` as the host's delay;
* 4xx (404 and also 401/403): no rules, everything allowed;
* 5xx, a network error or a timeout: the host is unreachable, everything disallowed
  (`fetch_robots` raises `FetchError`; the caller retries like a page, then gives up).
Only the first 500 KiB are read (RFC 9309's minimum).  Redirects are followed.
"""

from __future__ import annotations

import urllib.robotparser
from dataclasses import dataclass

import httpx

from ._body import read_limited
from ._client import parse_retry_after, transport_error
from ._records import FetchError

__all__ = ["Robots", "fetch_robots", "parse_robots"]

_MAX_ROBOTS_BYTES = 500 * 1024


@dataclass(frozen=True)
class Robots:
    """What one host's robots.txt says to our User-Agent."""

    parser: urllib.robotparser.RobotFileParser | None = None  # None: everything allowed
    delay: float = 0.0
    unreachable: str | None = None  # why everything is disallowed
    unreachable_kind: str = "robots_unreachable"  # the error kind of its pages' records

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.unreachable is not None:
            return False
        return self.parser is None or self.parser.can_fetch(user_agent, url)


def parse_robots(text: str, user_agent: str) -> Robots:
    """Rules of a robots.txt body; the delay is ``Crawl-delay`` or ``Request-rate``'s gap.

    `urllib.robotparser` reads only whole-second Crawl-delays, so the delay is read here
    (``Crawl-delay: 0.5`` is common): from the group naming our agent, else from ``*``.
    """
    lines = text.splitlines()
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(lines)
    delay = _crawl_delay(lines, user_agent)
    try:
        rate = parser.request_rate(user_agent)
    except (ValueError, TypeError):  # a malformed value
        rate = None
    if rate and rate.requests:
        delay = max(delay, rate.seconds / rate.requests)
    return Robots(parser=parser, delay=delay)


def _crawl_delay(lines: list[str], user_agent: str) -> float:
    token = user_agent.split("/")[0].strip().lower()
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in lines:
        key, _, value = raw.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:  # a new group starts
                agents, in_rules = [], False
            agents.append(value.lower())
        elif key:
            in_rules = True
            if key == "crawl-delay":
                try:
                    seconds = float(value)
                except ValueError:
                    continue
                if seconds >= 0 and seconds != float("inf"):
                    for agent in agents:
                        delays.setdefault(agent, seconds)
    for agent, seconds in delays.items():
        if agent != "*" and agent and agent in token:
            return seconds
    return delays.get("*", 0.0)


async def fetch_robots(client: httpx.AsyncClient, host: str, user_agent: str) -> Robots:
    """The robots.txt of `host` (``scheme://name[:port]``): one GET.

    Raises `FetchError` when it is unreachable: ``http_error`` for a 5xx (with its
    Retry-After), ``connect_error``, ``timeout`` or ``network_error`` otherwise.
    """
    url = f"{host}/robots.txt"
    try:
        async with client.stream("GET", url, follow_redirects=True) as response:
            status = response.status_code
            if status >= 500:
                raise FetchError("http_error", f"robots.txt answered {status}", status=status,
                                 retry_after=parse_retry_after(response.headers.get("retry-after")))
            if status >= 400 or status < 200:
                return Robots()
            body = await read_limited(response.aiter_raw(), response.headers.get("content-encoding"),
                                      _MAX_ROBOTS_BYTES, truncate=True)
    except FetchError:
        raise
    except httpx.HTTPError as exc:
        raise transport_error(exc, prefix="robots.txt: ") from None
    return parse_robots(body.decode("utf-8", errors="replace"), user_agent)
