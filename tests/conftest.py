"""Shared fixtures: a real HTTP server on 127.0.0.1 for the fetch tests (no mocks)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest_httpserver = pytest.importorskip("pytest_httpserver")


@pytest.fixture(scope="session")
def _shared_server() -> Iterator[pytest_httpserver.HTTPServer]:
    # One server for the session: stopping werkzeug takes 0.5 s, too long per test.
    srv = pytest_httpserver.HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    if srv.is_running():
        srv.stop()


@pytest.fixture
def server(_shared_server: pytest_httpserver.HTTPServer) -> Iterator[pytest_httpserver.HTTPServer]:
    """A threaded pytest-httpserver on 127.0.0.1 (a free port) with no handlers and an
    empty log, so slow handlers do not block each other and server-side counts start at 0."""
    _shared_server.clear()
    yield _shared_server
    _shared_server.clear()
