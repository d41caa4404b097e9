"""Retry policy and header parsing (no network: pure functions of `_client`)."""

from __future__ import annotations

import random
from email.utils import formatdate

import pytest

from cleannews.fetch import FetchOptions
from cleannews.fetch._client import is_html, parse_retry_after, retry_wait
from cleannews.fetch._records import FetchError

OPTS = FetchOptions(retries=3, backoff=1.0, max_backoff=10.0)


def test_retryable_kinds():
    assert FetchError("http_error", "", status=503).retryable
    assert FetchError("http_error", "", status=429).retryable
    assert not FetchError("http_error", "", status=404).retryable
    assert not FetchError("http_error", "", status=403).retryable
    assert FetchError("timeout", "").retryable and FetchError("connect_error", "").retryable
    assert not FetchError("not_html", "").retryable and not FetchError("too_large", "").retryable


def test_exponential_backoff_with_jitter():
    rng = random.Random(1)
    error = FetchError("connect_error", "refused")
    waits = [retry_wait(error, attempt, OPTS, rng) for attempt in (1, 2, 3)]
    for attempt, wait in zip((1, 2, 3), waits, strict=True):
        base = 2 ** (attempt - 1)
        assert wait is not None and 0.5 * base <= wait < 1.5 * base
    assert retry_wait(error, 4, OPTS, rng) is None  # retries used up
    spread = {round(retry_wait(error, 1, OPTS, rng), 6) for _ in range(20)}
    assert len(spread) > 1  # jitter


def test_backoff_is_capped():
    error = FetchError("timeout", "")
    assert retry_wait(error, 3, OPTS.replace(backoff=100.0), random.Random(0)) == 10.0


def test_retry_after_wins_and_too_long_means_no_retry():
    assert retry_wait(FetchError("http_error", "", status=503, retry_after=7.0), 1, OPTS) == 7.0
    assert retry_wait(FetchError("http_error", "", status=503, retry_after=60.0), 1, OPTS) is None
    assert retry_wait(FetchError("http_error", "", status=404, retry_after=1.0), 1, OPTS) is None


def test_parse_retry_after():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    now = 1_700_000_000.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30, abs=1)
    assert parse_retry_after(formatdate(now - 30, usegmt=True), now=now) == 0.0


@pytest.mark.parametrize("value,expected", [
    ("text/html", True), ("text/html; charset=Shift_JIS", True), ("TEXT/HTML", True),
    ("application/xhtml+xml", True), (None, True), ("", True),
    ("application/json", False), ("image/png", False), ("text/plain", False),
    ("application/pdf", False), ("text/xml", False),
])
def test_is_html(value, expected):
    assert is_html(value) is expected
