"""`cleannews.records`: one schema for every JSONL record."""

from __future__ import annotations

import re

from cleannews.article import Article
from cleannews.records import HEAD_FIELDS, article_record, error_record, utc_now


def test_article_and_error_records_have_the_same_keys_in_the_same_order() -> None:
    article = Article(text="Body.", title="T", is_article=True, url="https://a.example/final")
    ok = article_record(article, url="https://a.example/", final_url="https://a.example/final", status=200,
                        fetched_at="2025-01-01T00:00:00Z", elapsed_ms=12, extra={"warc_record_id": "<urn:x>"})
    bad = error_record("timeout", "too slow", url="https://a.example/", extra={"warc_record_id": "<urn:y>"})
    assert list(ok) == list(bad)
    assert list(ok)[: len(HEAD_FIELDS)] == list(HEAD_FIELDS)
    assert (ok["ok"], ok["error"], ok["title"], ok["text"], ok["warc_record_id"]) == (True, None, "T", "Body.", "<urn:x>")
    assert (bad["ok"], bad["error"], bad["title"], bad["text"]) == (False, {"kind": "timeout", "message": "too slow"},
                                                                     None, "")
    assert "url" in ok and ok["url"] == "https://a.example/"  # the Article's own url is final_url's


def test_utc_now_is_iso_with_milliseconds() -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", utc_now())
