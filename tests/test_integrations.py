"""`clean_response` with real httpx, requests and Scrapy responses from a server on
127.0.0.1, the Scrapy item pipeline, and a real Scrapy crawl."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import httpx
import pytest
from fetch_pages import EN_PHRASE, JA_PHRASE, en_page, ja_page

import cleannews
from cleannews import InputError, Options
from cleannews.integrations import CleannewsPipeline, clean_response, response_parts

SJIS = "text/html; charset=Shift_JIS"


def serve_pages(server) -> tuple[str, str]:
    server.expect_request("/en").respond_with_data(en_page(), content_type="text/html")
    server.expect_request("/ja").respond_with_data(ja_page().encode("shift_jis"), content_type=SJIS)
    return server.url_for("/en"), server.url_for("/ja")


def test_clean_response_is_exported():
    assert cleannews.clean_response is clean_response and "clean_response" in cleannews.__all__


def test_httpx_response(server):
    en, ja = serve_pages(server)
    article = clean_response(httpx.get(en))
    assert EN_PHRASE in article.text and article.url == en
    article = clean_response(httpx.get(ja))  # charset only in the header
    assert JA_PHRASE in article.text


def test_httpx_async_response_and_overrides(server):
    import asyncio

    en, _ = serve_pages(server)

    async def get() -> httpx.Response:
        async with httpx.AsyncClient() as client:
            return await client.get(en)

    response = asyncio.run(get())
    assert EN_PHRASE in clean_response(response).text
    assert clean_response(response, min_body_chars=100_000).is_article is False
    assert clean_response(response, options=Options(min_body_chars=100_000)).is_article is False


def test_requests_response(server):
    requests = pytest.importorskip("requests")
    en, ja = serve_pages(server)
    assert EN_PHRASE in clean_response(requests.get(en, timeout=10)).text
    response = requests.get(ja, timeout=10)
    assert JA_PHRASE in clean_response(response).text
    assert response_parts(response)[2] == SJIS


def test_scrapy_response_object(server):
    http = pytest.importorskip("scrapy.http")
    _, ja = serve_pages(server)
    body = httpx.get(ja).content
    response = http.HtmlResponse(url=ja, body=body, headers={"Content-Type": SJIS})
    parts = response_parts(response)
    assert parts == (body, ja, SJIS)
    assert JA_PHRASE in clean_response(response).text


def test_not_a_response():
    with pytest.raises(InputError):
        clean_response(object())


def test_unread_streaming_httpx_response_is_an_input_error(server):
    en, _ = serve_pages(server)
    with httpx.Client() as client, client.stream("GET", en) as response:
        with pytest.raises(InputError):
            clean_response(response)


def test_pipeline_cleans_items_with_html_and_passes_others():
    pipeline = CleannewsPipeline()
    item = {"url": "http://example.com/ja", "html": ja_page().encode("shift_jis"),
            "content_type": SJIS.encode("latin-1"), "source": "mine"}
    out = pipeline.process_item(item)
    assert "html" not in out and out["source"] == "mine" and out["url"] == "http://example.com/ja"
    assert out["content_type"] == SJIS
    assert JA_PHRASE in out["text"] and out["is_article"] is True
    other = {"url": "http://example.com/x", "price": 3}
    assert pipeline.process_item(dict(other)) == other


def test_pipeline_reads_options_from_settings():
    scrapy_settings = pytest.importorskip("scrapy.settings")

    class Crawler:
        settings = scrapy_settings.Settings({"CLEANNEWS_OPTIONS": {"min_body_chars": 100_000}})

    pipeline = CleannewsPipeline.from_crawler(Crawler())
    assert pipeline.options.min_body_chars == 100_000
    out = pipeline.process_item({"html": en_page()})
    assert out["is_article"] is False


SPIDER = textwrap.dedent('''
    import os
    import scrapy
    import cleannews

    class NewsSpider(scrapy.Spider):
        name = "news"
        start_urls = os.environ["CLEANNEWS_TEST_URLS"].split()
        custom_settings = {
            "ITEM_PIPELINES": {"cleannews.integrations.CleannewsPipeline": 300},
            "COOKIES_ENABLED": False,
            "ROBOTSTXT_OBEY": False,
            "TELNETCONSOLE_ENABLED": False,
            "REMOTE_CONTROL_ENABLED": False,
            "LOG_LEVEL": "WARNING",
        }

        def parse(self, response):
            # recipe 1: clean in the callback
            yield {"how": "callback", "url": response.url,
                   **cleannews.clean_response(response).to_dict()}
            # recipe 2: hand the raw page to the pipeline
            yield {"how": "pipeline", "url": response.url, "html": response.body,
                   "content_type": response.headers.get("Content-Type")}
''')


def test_real_scrapy_crawl(server, tmp_path):
    pytest.importorskip("scrapy")
    en, ja = serve_pages(server)
    (tmp_path / "spider.py").write_text(SPIDER, encoding="utf-8")
    env = {**os.environ, "CLEANNEWS_TEST_URLS": f"{en} {ja}"}
    proc = subprocess.run([sys.executable, "-m", "scrapy", "runspider", "spider.py", "-o", "out.jsonl"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    items = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((i["how"], i["url"]) for i in items) == sorted(
        (how, url) for how in ("callback", "pipeline") for url in (en, ja))
    for item in items:
        assert "html" not in item and item["is_article"] is True
        assert (EN_PHRASE if item["url"] == en else JA_PHRASE) in item["text"]
    paths = sorted(req.path for req, _ in server.log)
    assert paths == ["/en", "/ja"]  # the crawl really went through the local server
