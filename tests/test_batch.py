"""Unit tests of `cleannews.batch` (no subprocesses)."""

from __future__ import annotations

import inspect
import io
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleannews import batch
from cleannews.article import Article
from cleannews.batch import InputItem, Record, clean_one, iter_inputs, run_batch, sniff
from cleannews.errors import InputTooLarge
from cleannews.options import Options

PAGE = (
    b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Harbour</title></head>"
    b"<body><article><h1>Harbour reopens after storm</h1>"
    b"<p>The harbour of Port Example reopened on Tuesday morning after a week-long closure "
    b"caused by the storm, officials said.</p>"
    b"<p>Fishing boats returned to the docks before dawn, and the first ferry left at nine "
    b"o'clock with more than two hundred passengers on board.</p>"
    b"</article></body></html>"
)


def write(path: Path, data: bytes = PAGE) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def sources(items: Iterator[InputItem]) -> list[str]:
    return [item.source for item in items]


# --------------------------------------------------------------------------- iter_inputs

def test_folder_is_walked_recursively_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ["b.html", "a.HTM", "sub/c.xhtml", "sub/d.shtml", "sub/z/e.html",
                 "notes.txt", "README", "page.php", ".hidden.html", ".git/f.html"]:
        write(tmp_path / name)
    got = sources(iter_inputs([str(tmp_path)]))
    assert got == [str(tmp_path / n) for n in
                   ["a.HTM", "b.html", "sub/c.xhtml", "sub/d.shtml", "sub/z/e.html"]]


def test_explicit_files_are_taken_whatever_their_name(tmp_path: Path) -> None:
    paths = [write(tmp_path / "README"), write(tmp_path / "page.php")]
    items = list(iter_inputs(paths))
    assert [(i.source, i.path, i.error) for i in items] == [(p, p, None) for p in paths]


def test_missing_path_is_an_item_not_an_exception(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.html")
    (item,) = iter_inputs([missing])
    assert (item.source, item.error_kind, item.error) == (missing, "not_found", "not found")


def test_folder_without_html_is_one_empty_error_item(tmp_path: Path) -> None:
    write(tmp_path / "notes.txt")
    (item,) = iter_inputs([str(tmp_path)])
    assert item.error_kind == "empty" and item.source == str(tmp_path)


def test_dash_is_stdin() -> None:
    (item,) = iter_inputs(["-"])
    assert item.stdin and item.source == "-"


def test_iter_inputs_is_lazy(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html")
    first = next(iter_inputs(itertools.chain([path], itertools.repeat(path))))
    assert first.source == path


# --------------------------------------------------------------------------- clean_one

def test_good_file_gives_an_article(tmp_path: Path) -> None:
    record = clean_one(InputItem(source="x", path=write(tmp_path / "a.html")), Options())
    assert record.ok and record.error_kind is None
    assert "Fishing boats returned" in record.article.text


def test_in_memory_data(tmp_path: Path) -> None:
    record = clean_one(InputItem(source="mem", data=PAGE))
    assert record.ok and record.source == "mem"


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE)))
    record = clean_one(InputItem(source="-", stdin=True))
    assert record.ok and "Fishing boats returned" in record.article.text


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE)))
    record = clean_one(InputItem(source="-", stdin=True), Options(max_input_bytes=100))
    assert record.error_kind == "too_large" and "0.0 MB limit" in record.error


@pytest.mark.parametrize("data, kind, message", [
    (b"", "empty", "empty file"),
    (b"  \n\t\n", "empty", "empty file"),
    (b"<html>\x00\x00\x00", "binary", "binary file (not HTML)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary file (not HTML)"),
    (b"\xff\xd8\xff\xe0JFIF", "binary", "binary file (not HTML)"),
    (b"GIF89a<html>", "binary", "binary file (not HTML)"),
    (b"%PDF-1.7 <html>", "binary", "binary file (not HTML)"),
    (b"PK\x03\x04<html>", "binary", "binary file (not HTML)"),
    (b"\x1f\x8b\x08<html>", "binary", "binary file (not HTML)"),
    (b"Just some plain prose, with no markup at all.\n", "not_html", "not HTML (no markup found)"),
    (b"if a < b then c > d", "not_html", "not HTML (no markup found)"),
])
def test_unusable_bytes(tmp_path: Path, data: bytes, kind: str, message: str) -> None:
    record = clean_one(InputItem(source="f", path=write(tmp_path / "f.html", data)))
    assert (record.article, record.error_kind, record.error) == (None, kind, message)


@pytest.mark.parametrize("data", [
    "<html><body><p>本文</p></body></html>".encode("shift_jis"),
    "<html><body><p>text</p></body></html>".encode("utf-16"),  # BOM + NUL bytes
    b"<!-- just a comment -->",
    b"<?xml version='1.0'?><rss></rss>",
])
def test_sniff_accepts_markup(data: bytes) -> None:
    assert sniff(data) is None


def test_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "big.html", b"<p>" + b"x" * 3_000_000)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(batch, "open", no_open, raising=False)
    record = clean_one(InputItem(source=path, path=path), Options(max_input_bytes=2_000_000))
    assert record.error_kind == "too_large"
    assert record.error == "too large: 3.0 MB > 2.0 MB limit"


def test_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.html")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(batch, "open", denied, raising=False)
    record = clean_one(InputItem(source=path, path=path))
    assert (record.error_kind, record.error) == ("unreadable", "permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_chmod_000_is_unreadable(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html")
    os.chmod(path, 0)
    try:
        record = clean_one(InputItem(source=path, path=path))
    finally:
        os.chmod(path, 0o644)
    assert (record.error_kind, record.error) == ("unreadable", "permission denied")


def test_directory_as_file_is_unreadable(tmp_path: Path) -> None:
    record = clean_one(InputItem(source="d", path=str(tmp_path)))
    assert record.error_kind == "unreadable" and record.error == "is a directory"


def test_file_vanishing_is_not_found(tmp_path: Path) -> None:
    record = clean_one(InputItem(source="gone", path=str(tmp_path / "gone.html")))
    assert (record.error_kind, record.error) == ("not_found", "not found")


def test_crash_in_clean_is_an_internal_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> Article:
        raise ValueError("bad\nthing   happened")

    monkeypatch.setattr(batch, "clean", boom)
    record = clean_one(InputItem(source="m", data=PAGE))
    assert (record.error_kind, record.error) == ("internal", "ValueError: bad thing happened")


def test_input_too_large_from_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> Article:
        raise InputTooLarge("too big")

    monkeypatch.setattr(batch, "clean", refuse)
    assert clean_one(InputItem(source="m", data=PAGE)).error_kind == "too_large"


def test_options_reach_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Options] = []

    def spy(data: bytes, url: str | None = None, *, options: Options, **kw: object) -> Article:
        seen.append(options)
        return Article()

    monkeypatch.setattr(batch, "clean", spy)
    opts = Options(disabled_rules={"ranking"})
    clean_one(InputItem(source="m", data=PAGE), opts)
    assert seen == [opts]


def test_deep_nesting_does_not_crash() -> None:
    data = b"<html><body>" + b"<div>" * 20000 + b"<p>deep</p>" + b"</div>" * 20000
    record = clean_one(InputItem(source="deep", data=data))
    assert record.source == "deep" and (record.ok or record.error_kind == "internal")


# --------------------------------------------------------------------------- run_batch

def test_run_batch_streams(tmp_path: Path) -> None:
    path = write(tmp_path / "a.html")
    endless = (InputItem(source=path, path=path) for _ in itertools.count())
    records = run_batch(endless, Options())
    assert inspect.isgenerator(records)
    assert [r.ok for r in itertools.islice(records, 3)] == [True, True, True]


def test_run_batch_goes_on_after_errors(tmp_path: Path) -> None:
    good = write(tmp_path / "good.html")
    paths = [str(tmp_path / "missing.html"), write(tmp_path / "empty.html", b""), good]
    kinds = [r.error_kind for r in run_batch(iter_inputs(paths))]
    assert kinds == ["not_found", "empty", None]


# --------------------------------------------------------------------------- Record

def test_record_to_dict() -> None:
    assert Record("x", error="not found", error_kind="not_found").to_dict() == {
        "source": "x", "error": {"kind": "not_found", "message": "not found"}}
    ok = Record("y", article=Article(text="t", is_article=True)).to_dict(include_removed=True)
    assert ok["source"] == "y" and ok["text"] == "t" and ok["removed"] == []
