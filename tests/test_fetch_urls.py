"""URL lists: reading, refusing and de-duplicating."""

from __future__ import annotations

import pytest

from cleannews.fetch._urls import check_url, host_key, read_url_lines, url_key


def test_read_url_lines_skips_blanks_and_comments():
    lines = ["\ufeffhttp://a/1\n", "  \n", "# comment\n", "  http://a/2  \n", "#http://a/3"]
    assert list(read_url_lines(lines)) == ["http://a/1", "http://a/2"]


@pytest.mark.parametrize("url", ["http://example.com/", "https://example.com:8443/a?b=c#d",
                                 "http://127.0.0.1:8000/x", "http://[::1]:8080/", "HTTPS://Example.COM"])
def test_fetchable(url):
    assert check_url(url) is None


@pytest.mark.parametrize("url,kind", [
    ("example.com", "invalid_url"),
    ("//example.com/x", "invalid_url"),
    ("http://", "invalid_url"),
    ("http:///path", "invalid_url"),
    ("http://exa mple.com", "invalid_url"),
    ("http://example.com:port/", "invalid_url"),
    ("http://example.com:70000/", "invalid_url"),
    ("http://[::1/", "invalid_url"),
    ("file:///etc/passwd", "unsupported_scheme"),
    ("FILE:///etc/passwd", "unsupported_scheme"),
    ("ftp://example.com/", "unsupported_scheme"),
    ("mailto:a@b.c", "unsupported_scheme"),
    ("data:text/html,hi", "unsupported_scheme"),
])
def test_refused(url, kind):
    problem = check_url(url)
    assert problem is not None and problem[0] == kind and problem[1]


def test_url_key_identity():
    assert url_key("HTTP://Example.com:80/a?x=1#top") == url_key("http://example.com/a?x=1")
    assert url_key("https://example.com") == url_key("https://example.com:443/")
    assert url_key("http://example.com/a?x=1") != url_key("http://example.com/a?x=2")
    assert url_key("http://example.com/A") != url_key("http://example.com/a")
    assert url_key("not a url") == "not a url"


def test_host_key():
    assert host_key("http://Example.com/a") == "http://example.com"
    assert host_key("https://user:pw@example.com:8443/x") == "https://example.com:8443"
    assert host_key("http://127.0.0.1:80/") != host_key("http://localhost:80/")
