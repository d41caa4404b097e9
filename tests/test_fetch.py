"""`cleannews.fetch` against a real HTTP server on 127.0.0.1 (pytest-httpserver, no mocks)."""

from __future__ import annotations

import asyncio
import gzip
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import zlib

import brotli
import pytest
from fetch_pages import EN_PHRASE, FAST, JA_PHRASE, by_url, en_page, fetch_all, ja_page
from werkzeug import Request, Response

from cleannews.fetch import DEFAULT_USER_AGENT, ERROR_KINDS, FetchOptions, Fetcher, fetch_and_clean

HTML = "text/html; charset=utf-8"


def serve(server, path: str, body: str | bytes = "", status: int = 200,
          content_type: str | None = HTML, headers: dict[str, str] | None = None) -> str:
    server.expect_request(path).respond_with_data(body, status=status, content_type=content_type,
                                                  headers=headers)
    return server.url_for(path)


def hits(server, path: str) -> list[Request]:
    return [req for req, _ in server.log if req.path == path]


# --------------------------------------------------------------------------- success


def test_fetches_and_cleans_a_page(server):
    url = serve(server, "/news/1", en_page(1))
    (record,) = fetch_all([url])
    assert record.ok and record.error_kind is None
    assert record.status == 200 and record.final_url == url and record.url == url
    assert record.article is not None and record.article.is_article
    assert EN_PHRASE in record.article.text
    assert record.article.title and "Harbour reopens" in record.article.title
    assert record.attempts == 1 and record.elapsed_ms >= 0
    assert record.fetched_at.endswith("Z")
    d = record.to_dict()
    assert d["ok"] is True and d["error"] is None and d["text"] == record.article.text
    assert {"url", "final_url", "status", "ok", "error", "fetched_at", "elapsed_ms",
            "title", "text", "is_article", "published", "authors", "lang"} <= set(d)


def test_default_user_agent_names_cleannews_and_can_be_overridden(server):
    url = serve(server, "/ua", en_page())
    fetch_all([url])
    fetch_all([url], FAST.replace(user_agent="MyBot/2.0 (+mailto:me@example.com)"))
    agents = [req.headers.get("User-Agent") for req in hits(server, "/ua")]
    assert agents == [DEFAULT_USER_AGENT, "MyBot/2.0 (+mailto:me@example.com)"]
    assert DEFAULT_USER_AGENT.startswith("cleannews/")


def test_gzip_and_brotli_bodies_are_decoded(server):
    page = en_page(7).encode()
    serve(server, "/gz", gzip.compress(page), headers={"Content-Encoding": "gzip"})
    serve(server, "/br", brotli.compress(page), headers={"Content-Encoding": "br"})
    serve(server, "/deflate", zlib.compress(page), headers={"Content-Encoding": "deflate"})
    records = by_url(fetch_all([server.url_for(p) for p in ("/gz", "/br", "/deflate")]))
    for record in records.values():
        assert record.ok, record
        assert EN_PHRASE in record.article.text
    accept = hits(server, "/br")[0].headers["Accept-Encoding"]
    assert "gzip" in accept and "br" in accept


def test_keep_alive_reuses_connections():
    # werkzeug closes every connection, so this uses the standard library's HTTP/1.1
    # server; the server counts the distinct client ports it sees.
    ports: list[int] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            ports.append(self.client_address[1])
            body = en_page().encode()
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        port = httpd.server_address[1]
        records = fetch_all([f"http://127.0.0.1:{port}/k{i}" for i in range(5)],
                            FAST.replace(concurrency=1, per_host=1))
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert all(r.ok for r in records) and len(ports) == 5
    assert len(set(ports)) == 1


# --------------------------------------------------------------------------- redirects


def test_redirects_are_followed_and_final_url_reported(server):
    serve(server, "/old", status=301, headers={"Location": "/mid"})
    serve(server, "/mid", status=302, headers={"Location": "/new"})
    target = serve(server, "/new", en_page())
    (record,) = fetch_all([server.url_for("/old")])
    assert record.ok and record.final_url == target and record.status == 200
    assert record.url == server.url_for("/old")


def test_redirect_limit(server):
    for i in range(4):
        serve(server, f"/r{i}", status=302, headers={"Location": f"/r{i + 1}"})
    serve(server, "/r4", en_page())
    ok, = fetch_all([server.url_for("/r0")], FAST.replace(max_redirects=4))
    assert ok.ok
    (record,) = fetch_all([server.url_for("/r0")], FAST.replace(max_redirects=3))
    assert record.error_kind == "too_many_redirects"


def test_redirect_loop_is_an_error_and_not_retried(server):
    serve(server, "/a", status=302, headers={"Location": "/b"})
    serve(server, "/b", status=302, headers={"Location": "/a"})
    (record,) = fetch_all([server.url_for("/a")], FAST.replace(max_redirects=5))
    assert record.error_kind == "too_many_redirects" and not record.ok
    assert record.attempts == 1
    assert len(hits(server, "/a")) + len(hits(server, "/b")) == 6  # the first + 5 redirects


def test_redirect_to_a_local_scheme_is_refused(server):
    serve(server, "/to-file", status=302, headers={"Location": "file:///etc/passwd"})
    (record,) = fetch_all([server.url_for("/to-file")])
    assert record.error_kind == "unsupported_scheme"


# --------------------------------------------------------------------------- HTTP errors


def test_404_is_final_at_once(server):
    serve(server, "/missing", "not here", status=404)
    (record,) = fetch_all([server.url_for("/missing")])
    assert record.error_kind == "http_error" and record.status == 404
    assert record.attempts == 1 and len(hits(server, "/missing")) == 1
    assert record.to_dict()["error"]["kind"] == "http_error"


def test_500_is_retried_then_reported(server):
    serve(server, "/broken", "oops", status=500)
    (record,) = fetch_all([server.url_for("/broken")], FAST.replace(retries=2))
    assert record.error_kind == "http_error" and record.status == 500
    assert record.attempts == 3 and len(hits(server, "/broken")) == 3


def test_503_with_retry_after_waits_that_long(server):
    arrivals: list[float] = []
    answers = iter([Response("busy", status=503, headers={"Retry-After": "1"})])

    def handler(request: Request) -> Response:
        arrivals.append(time.monotonic())
        return next(answers, None) or Response(en_page(), content_type=HTML)

    server.expect_request("/busy").respond_with_handler(handler)
    (record,) = fetch_all([server.url_for("/busy")])
    assert record.ok and record.attempts == 2
    assert len(arrivals) == 2
    assert arrivals[1] - arrivals[0] >= 0.95  # the server asked for 1 s (FAST backoff is 0.05 s)


def test_503_retry_after_beyond_the_limit_is_not_waited_for(server):
    serve(server, "/later", "busy", status=503, headers={"Retry-After": "3600"})
    (record,) = fetch_all([server.url_for("/later")])
    assert record.status == 503 and record.attempts == 1


def test_429_then_success(server):
    answers = iter([Response("slow down", status=429, headers={"Retry-After": "0"}),
                    Response("slow down", status=429)])

    def handler(request: Request) -> Response:
        return next(answers, None) or Response(en_page(), content_type=HTML)

    server.expect_request("/limited").respond_with_handler(handler)
    (record,) = fetch_all([server.url_for("/limited")])
    assert record.ok and record.status == 200 and record.attempts == 3
    assert EN_PHRASE in record.article.text


def test_no_retries_when_retries_is_zero(server):
    serve(server, "/503", "x", status=503)
    (record,) = fetch_all([server.url_for("/503")], FAST.replace(retries=0))
    assert record.attempts == 1 and len(hits(server, "/503")) == 1


# --------------------------------------------------------------------------- timeouts, refused


def test_slow_server_past_the_timeout(server):
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(5)
        return Response(en_page(), content_type=HTML)

    server.expect_request("/slow").respond_with_handler(slow)
    try:
        (record,) = fetch_all([server.url_for("/slow")],
                              FAST.replace(read_timeout=0.3, timeout=1.0, retries=5))
    finally:
        release.set()
    assert record.error_kind == "timeout" and not record.ok
    assert 1 <= record.attempts < 6  # the 1 s total cut the 1 + 5 attempts of 0.3 s short


def test_connection_refused_is_retried_then_reported():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (record,) = fetch_all([f"http://127.0.0.1:{port}/x"], FAST.replace(retries=2))
    assert record.error_kind == "connect_error"
    assert record.attempts == 3 and record.status is None


# --------------------------------------------------------------------------- bodies


def test_wrong_content_type_is_an_error_and_not_parsed(server):
    serve(server, "/data.json", '{"html": "<p>x</p>"}', content_type="application/json")
    serve(server, "/pic", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png")
    records = by_url(fetch_all([server.url_for("/data.json"), server.url_for("/pic")]))
    for record in records.values():
        assert record.error_kind == "not_html" and record.article is None
        assert record.status == 200


def test_missing_content_type_is_sniffed(server):
    def untyped(body: bytes):
        def handler(request: Request) -> Response:
            response = Response(body)
            del response.headers["Content-Type"]  # werkzeug would say text/plain
            return response
        return handler

    server.expect_request("/untyped").respond_with_handler(untyped(en_page().encode()))
    server.expect_request("/binary").respond_with_handler(untyped(b"\x89PNG\r\n\x1a\n" + b"\0" * 100))
    records = by_url(fetch_all([server.url_for("/untyped"), server.url_for("/binary")]))
    page, binary = records[server.url_for("/untyped")], records[server.url_for("/binary")]
    assert page.ok and page.content_type is None and EN_PHRASE in page.article.text
    assert binary.error_kind == "not_html" and binary.content_type is None


def test_oversized_body_with_content_length(server):
    serve(server, "/big", "<p>" + "x" * 5000 + "</p>")
    (record,) = fetch_all([server.url_for("/big")], FAST.replace(max_bytes=1000))
    assert record.error_kind == "too_large" and record.status == 200


def test_oversized_streamed_body_without_content_length(server):
    sent = []

    def handler(request: Request) -> Response:
        def chunks():
            for _ in range(200):  # 200 x 10 KB, no Content-Length
                sent.append(1)
                yield b"<p>" + b"y" * 10_000 + b"</p>"
        return Response(chunks(), content_type=HTML, direct_passthrough=True)

    server.expect_request("/stream").respond_with_handler(handler)
    (record,) = fetch_all([server.url_for("/stream")], FAST.replace(max_bytes=50_000))
    assert record.error_kind == "too_large"


def test_gzip_bomb_is_caught(server):
    bomb = gzip.compress(b"<p>" + b"\0" * 30_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    serve(server, "/bomb", bomb, headers={"Content-Encoding": "gzip"})
    (record,) = fetch_all([server.url_for("/bomb")], FAST.replace(max_bytes=1_000_000))
    assert record.error_kind == "too_large"
    assert "gzip" in (record.error_message or "")


def test_brotli_bomb_is_caught(server):
    bomb = brotli.compress(b"<p>" + b"a" * 30_000_000, quality=5)
    assert len(bomb) < 100_000
    serve(server, "/brbomb", bomb, headers={"Content-Encoding": "br"})
    (record,) = fetch_all([server.url_for("/brbomb")], FAST.replace(max_bytes=1_000_000))
    assert record.error_kind == "too_large"


def test_corrupt_gzip_is_bad_encoding(server):
    serve(server, "/corrupt", b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    (record,) = fetch_all([server.url_for("/corrupt")])
    assert record.error_kind == "bad_encoding"


@pytest.mark.parametrize("codec,label", [("shift_jis", "Shift_JIS"), ("euc_jp", "EUC-JP")])
def test_charset_only_in_the_header(server, codec, label):
    serve(server, f"/{codec}", ja_page().encode(codec), content_type=f"text/html; charset={label}")
    (record,) = fetch_all([server.url_for(f"/{codec}")])
    assert record.ok and record.content_type == f"text/html; charset={label}"
    assert JA_PHRASE in record.article.text
    assert record.article.title and record.article.title in ja_page()  # decoded right


# --------------------------------------------------------------------------- robots.txt


ROBOTS_ON = FAST.replace(respect_robots=True)


def test_robots_disallow(server):
    serve(server, "/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    serve(server, "/private/1", en_page())
    public = serve(server, "/public/1", en_page())
    records = by_url(fetch_all([server.url_for("/private/1"), public], ROBOTS_ON))
    assert records[server.url_for("/private/1")].error_kind == "robots_disallowed"
    assert records[server.url_for("/private/1")].attempts == 0
    assert records[public].ok
    assert hits(server, "/private/1") == []


def test_robots_group_for_cleannews_applies_to_the_default_agent(server):
    serve(server, "/robots.txt", "User-agent: cleannews\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
          content_type="text/plain")
    serve(server, "/p", en_page())
    (record,) = fetch_all([server.url_for("/p")], ROBOTS_ON)
    assert record.error_kind == "robots_disallowed"
    (other,) = fetch_all([server.url_for("/p")], ROBOTS_ON.replace(user_agent="otherbot/1.0"))
    assert other.ok


def test_robots_is_fetched_once_per_host(server):
    serve(server, "/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    server.expect_request("/n").respond_with_data(en_page(), content_type=HTML)
    records = fetch_all([server.url_for(f"/n?{i}") for i in range(6)], ROBOTS_ON)
    assert all(r.ok for r in records) and len(records) == 6
    assert len(hits(server, "/robots.txt")) == 1
    assert server.log[0][0].path == "/robots.txt"  # before any page


def test_robots_404_allows_everything_and_ignore_robots_skips_it(server):
    serve(server, "/robots.txt", "nope", status=404)
    url = serve(server, "/any", en_page())
    (record,) = fetch_all([url], ROBOTS_ON)
    assert record.ok
    server.clear_log()
    (record,) = fetch_all([url], FAST)
    assert record.ok and hits(server, "/robots.txt") == []


def test_robots_5xx_disallows_everything(server):
    serve(server, "/robots.txt", "down", status=500)
    serve(server, "/page", en_page())
    (record,) = fetch_all([server.url_for("/page")], ROBOTS_ON.replace(retries=1))
    assert record.error_kind == "robots_unreachable"
    assert hits(server, "/page") == [] and len(hits(server, "/robots.txt")) == 2


def _arrivals_after_robots(server, robots: str, n: int, opts: FetchOptions) -> list[float]:
    """Server-side arrival times of n pages on one host, minus that of its robots.txt.

    Requests may reach the server later than they start (a busy machine), never earlier,
    so the k-th arrival (sorted) is a robust lower bound's witness: it cannot come before
    the robots.txt request plus k delays if the delays were kept."""
    arrivals: dict[str, float] = {}

    def page(request: Request) -> Response:
        arrivals.setdefault(request.full_path, time.monotonic())
        return Response(en_page(), content_type=HTML)

    def robots_txt(request: Request) -> Response:
        arrivals["robots"] = time.monotonic()
        return Response(robots, content_type="text/plain")

    server.expect_request("/robots.txt").respond_with_handler(robots_txt)
    server.expect_request("/d").respond_with_handler(page)
    records = fetch_all([server.url_for(f"/d?{i}") for i in range(n)], opts)
    assert all(r.ok for r in records) and len(arrivals) == n + 1
    start = arrivals.pop("robots")
    return sorted(t - start for t in arrivals.values())


def test_crawl_delay_spaces_requests_to_a_host(server):
    after = _arrivals_after_robots(server, "User-agent: *\nCrawl-delay: 0.4\n", 4,
                                   ROBOTS_ON.replace(per_host=4))
    for k, seconds in enumerate(after, start=1):
        assert seconds >= 0.4 * k - 0.02, after


def test_delay_option_spaces_requests_to_a_host(server):
    after = _arrivals_after_robots(server, "User-agent: *\nAllow: /\n", 3,
                                   ROBOTS_ON.replace(delay=0.3, per_host=3))
    for k, seconds in enumerate(after, start=1):
        assert seconds >= 0.3 * k - 0.02, after


# --------------------------------------------------------------------------- lists


def test_duplicates_are_fetched_once(server):
    url = serve(server, "/dup", en_page())
    records = fetch_all([url, url, url + "#section", url.replace("http://", "HTTP://")])
    assert len(records) == 1 and records[0].url == url
    assert len(hits(server, "/dup")) == 1


def test_malformed_and_unsupported_urls_are_error_records(server):
    url = serve(server, "/fine", en_page())
    bad = {
        "not a url": "invalid_url",
        "example.com/no-scheme": "invalid_url",
        "http://": "invalid_url",
        "http://exa mple.com/": "invalid_url",
        "http://example.com:99999/": "invalid_url",
        "file:///etc/passwd": "unsupported_scheme",
        "ftp://example.com/x": "unsupported_scheme",
        "data:text/html,<p>hi</p>": "unsupported_scheme",
        "javascript:alert(1)": "unsupported_scheme",
    }
    records = by_url(fetch_all([*bad, url]))
    assert set(records) == {*bad, url}
    for line, kind in bad.items():
        assert records[line].error_kind == kind, line
        assert records[line].attempts == 0
    assert records[url].ok
    assert set(ERROR_KINDS) >= {r.error_kind for r in records.values() if r.error_kind}


def test_empty_list():
    assert fetch_all([]) == []


# --------------------------------------------------------------------------- limits


def _concurrency_probe(server, path: str, hold: float = 0.25):
    state = {"open": 0, "max": 0}
    lock = threading.Lock()

    def handler(request: Request) -> Response:
        with lock:
            state["open"] += 1
            state["max"] = max(state["max"], state["open"])
        time.sleep(hold)
        with lock:
            state["open"] -= 1
        return Response(en_page(), content_type=HTML)

    server.expect_request(path).respond_with_handler(handler)
    return state


@pytest.mark.parametrize("per_host", [1, 2, 3])
def test_per_host_limit_observed_by_the_server(server, per_host):
    state = _concurrency_probe(server, "/p")
    records = fetch_all([server.url_for(f"/p?{i}") for i in range(3 * per_host)],
                        FAST.replace(per_host=per_host, concurrency=16))
    assert len(records) == 3 * per_host and all(r.ok for r in records)
    assert state["max"] == per_host  # reached, never passed


def test_global_concurrency_limit_over_several_hosts(server):
    state = _concurrency_probe(server, "/c")
    port = server.port
    # 127.0.0.1 and localhost are two hosts for the scheduler, one server for the probe.
    urls = [f"http://{h}:{port}/c?{i}" for i in range(6) for h in ("127.0.0.1", "localhost")]
    records = fetch_all(urls, FAST.replace(per_host=3, concurrency=4))
    assert len(records) == 12 and all(r.ok for r in records), [r.error_message for r in records]
    assert state["max"] == 4


# --------------------------------------------------------------------------- library API


def test_save_raw_writes_the_body(server, tmp_path):
    body = ja_page().encode("shift_jis")
    url = serve(server, "/raw", body, content_type="text/html; charset=Shift_JIS")
    (record,) = fetch_all([url], FAST.replace(save_raw=str(tmp_path / "raw")))
    assert record.raw_file is not None and os.path.dirname(record.raw_file) == str(tmp_path / "raw")
    with open(record.raw_file, "rb") as fh:
        assert fh.read() == body
    assert record.to_dict()["raw_file"] == record.raw_file


def test_fetch_and_clean_one_url(server):
    url = serve(server, "/one", en_page())
    record = asyncio.run(fetch_and_clean(url, fetch_options=FAST))
    assert record.ok and EN_PHRASE in record.article.text


def test_fetcher_session_shares_robots_and_limits_across_calls(server):
    serve(server, "/robots.txt", "User-agent: *\nDisallow: /no\n", content_type="text/plain")
    state = _concurrency_probe(server, "/s")

    async def main():
        async with Fetcher(fetch_options=ROBOTS_ON.replace(per_host=2)) as fetcher:
            calls = [fetcher.fetch(server.url_for(f"/s?{i}")) for i in range(6)]
            calls.append(fetcher.fetch(server.url_for("/no")))
            return await asyncio.gather(*calls)

    records = asyncio.run(main())
    assert [r.ok for r in records] == [True] * 6 + [False]
    assert records[-1].error_kind == "robots_disallowed"
    assert state["max"] == 2 and len(hits(server, "/robots.txt")) == 1


def test_clean_workers_in_processes(server):
    urls = [serve(server, f"/w{i}", en_page(i)) for i in range(3)]
    records = fetch_all(urls, FAST.replace(clean_workers=1))
    assert all(r.ok and EN_PHRASE in r.article.text for r in records)


def test_fetch_options_are_checked():
    with pytest.raises(ValueError):
        FetchOptions(per_host=0)
    with pytest.raises(TypeError):
        FAST.replace(nope=1)
    with pytest.raises(TypeError):
        FetchOptions(16)  # keyword-only


def test_worker_processes_that_cannot_start_fall_back_to_a_thread(server):
    # spawn needs an importable __main__; a script piped to `python -` has none.
    urls = [serve(server, f"/f{i}", en_page(i)) for i in range(2)]
    code = f"""
import asyncio
from cleannews.fetch import FetchOptions, fetch_many
async def main():
    opts = FetchOptions(respect_robots=False, clean_workers=1)
    return [r async for r in fetch_many({urls!r}, fetch_options=opts)]
print(sorted((r.ok, r.article is not None and {EN_PHRASE!r} in r.article.text) for r in asyncio.run(main())))
"""
    proc = subprocess.run([sys.executable, "-"], input=code, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[(True, True), (True, True)]"


def test_client_pool_keeps_the_most_recent_idle_hosts():
    from cleannews.fetch._client import ClientPool

    async def main():
        pool = ClientPool(FAST.replace(concurrency=2))
        a, b, c = (pool.get(f"http://h{i}") for i in range(3))
        assert pool.get("http://h0") is a  # one client per host
        for host in ("http://h0", "http://h1", "http://h2"):
            await pool.idle(host)
        kept = set(pool.clients)
        assert kept == {"http://h1", "http://h2"} and a.is_closed and not c.is_closed
        assert pool.get("http://h0") is not a  # a new one when needed again
        await pool.aclose()
        assert b.is_closed and c.is_closed and pool.clients == {}

    asyncio.run(main())
