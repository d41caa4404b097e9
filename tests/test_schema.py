"""The JSON output validates against the shipped schema (issue 3 §4 round-trip tests)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import cleannews
from cleannews import Article, Removal
from cleannews.batch import Record
from cleannews.cli import render_document
from cleannews.records import article_record, error_record
from cleannews.schema import json_schema

jsonschema = pytest.importorskip("jsonschema")

SAMPLES = sorted(p for p in (Path(__file__).parent.parent / "samples").iterdir() if (p / "source.html").exists())


def validator(kind: str):
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


ARTICLE, DOCUMENT, RECORD = validator("article"), validator("document"), validator("record")


def errors(v, obj) -> list[str]:
    return [e.message for e in v.iter_errors(obj)]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_validates(sample):
    raw = (sample / "source.html").read_bytes()
    article = cleannews.clean(raw, "https://example.com/" + sample.name, include_comments=True)
    for include_removed in (False, True):
        d = json.loads(json.dumps(article.to_dict(include_removed=include_removed), ensure_ascii=False))
        assert errors(ARTICLE, d) == []
    record = Record(str(sample / "source.html"), article)
    for fmt in ("json", "jsonl"):
        doc = json.loads(render_document(record, fmt, explain=True))
        assert errors(DOCUMENT, doc) == []
    rec = article_record(article, url="https://example.com/x", final_url="https://example.com/x", status=200,
                         fetched_at="2024-04-01T00:00:00.000Z", elapsed_ms=3, attempts=1,
                         content_type="text/html", extra={"warc_file": "a.warc.gz", "warc_record_id": "<urn:uuid:1>",
                                                          "warc_date": "2024-04-01T00:00:00Z"})
    assert errors(RECORD, json.loads(json.dumps(rec))) == []


def test_dates_and_removed_validate():
    jst = timezone(timedelta(hours=9))
    a = Article(text="x", is_article=True, page_type="article", published=datetime(2024, 4, 1, 9, 30, tzinfo=jst),
                modified=datetime(2024, 4, 2, 12, 0, 5, 120), comments="a\nb",
                removed=(Removal("comments", "class/id word 'comments'", "Great news", "body/div"),))
    assert errors(ARTICLE, a.to_dict(include_removed=True)) == []


def test_error_documents_and_records_validate():
    assert errors(DOCUMENT, Record("a.html", error="boom", error_kind="decode").to_dict()) == []
    assert errors(RECORD, error_record("timeout", "no answer", url="https://e.com/")) == []


def test_fetch_records_validate():
    fetch = pytest.importorskip("cleannews.fetch")
    ok = fetch.FetchRecord(url="https://e.com/a", final_url="https://e.com/a", status=200,
                           fetched_at="2024-04-01T00:00:00.000Z", elapsed_ms=5, attempts=1,
                           content_type="text/html", article=Article(text="x", is_article=True), raw_file="raw/1.html")
    failed = fetch.FetchRecord(url="https://e.com/b", error_kind="timeout", error_message="no answer")
    for rec in (ok, failed):
        assert errors(RECORD, json.loads(json.dumps(rec.to_dict()))) == []


@pytest.mark.parametrize("change", [
    lambda d: d.pop("title"),                               # a key missing
    lambda d: d.update(extra_key=1),                        # an undocumented key
    lambda d: d.update(published="April 1, 2024"),          # not ISO 8601
    lambda d: d.update(page_type="blog"),                   # not one of the page types
    lambda d: d.update(authors="Jane"),                     # a list, not a string
    lambda d: d.update(removed=[{"rule": "ads"}]),          # an incomplete removal
])
def test_schema_rejects_what_is_not_the_format(change):
    d = Article(text="x", is_article=True, page_type="article").to_dict()
    assert errors(ARTICLE, d) == []
    change(d)
    assert errors(ARTICLE, d) != []


def test_record_needs_its_head_fields():
    rec = error_record("timeout", "no answer", url="https://e.com/")
    del rec["status"]
    assert errors(RECORD, rec) != []
    assert errors(ARTICLE, error_record("timeout", "x", url=None)) != []  # records are not bare articles


def test_unknown_kind():
    with pytest.raises(ValueError):
        json_schema("nope")
