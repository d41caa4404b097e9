"""``cleannews fetch --warc``: what was fetched is archived as request + response records
that ``cleannews warc`` cleans again into the same articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("httpx")
pytest.importorskip("fastwarc")
warcio_iter = pytest.importorskip("warcio.archiveiterator")

from warc_pages import JA_PHRASE, article  # noqa: E402

FLAGS = ["--ignore-robots", "--workers", "0", "--timeout", "5", "--retries", "0", "--no-progress"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "cleannews.cli", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_fetched_pages_are_archived_and_clean_again_the_same(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server.expect_request("/en/1").respond_with_data(article(1), content_type="text/html; charset=utf-8")
    server.expect_request("/ja/2").respond_with_data(article(2, "ja").encode("shift_jis"),
                                                     content_type="text/html; charset=Shift_JIS")
    server.expect_request("/missing").respond_with_data("gone", status=404, content_type="text/html")
    urls = [server.url_for(p) for p in ("/en/1", "/ja/2", "/missing")]
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n")
    fetched = cli("fetch", "urls.txt", "-o", "fetched.jsonl", "--warc", "crawl.warc.gz", *FLAGS, cwd=tmp_path)
    assert fetched.returncode == 1  # the 404
    with open(tmp_path / "crawl.warc.gz", "rb") as fh:
        kinds = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in warcio_iter.ArchiveIterator(fh)]
    assert kinds[0][0] == "warcinfo"
    assert sorted(kinds[1:]) == sorted([("request", urls[0]), ("response", urls[0]),
                                        ("request", urls[1]), ("response", urls[1])])
    again = cli("warc", "crawl.warc.gz", "-o", "again.jsonl", "--workers", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    by_url = {r["url"]: r for r in rows(tmp_path / "fetched.jsonl") if r["ok"]}
    for record in rows(tmp_path / "again.jsonl"):
        first = by_url[record["url"]]
        assert (record["title"], record["text"]) == (first["title"], first["text"])
    assert JA_PHRASE in by_url[urls[1]]["text"]


def test_an_existing_warc_needs_resume_or_overwrite(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server.expect_request("/en/1").respond_with_data(article(1), content_type="text/html")
    (tmp_path / "urls.txt").write_text(server.url_for("/en/1") + "\n")
    (tmp_path / "crawl.warc.gz").write_bytes(b"old")
    refused = cli("fetch", "urls.txt", "-o", "out.jsonl", "--warc", "crawl.warc.gz", *FLAGS, cwd=tmp_path)
    assert refused.returncode == 2 and "use --resume" in refused.stderr
    done = cli("fetch", "urls.txt", "-o", "out.jsonl", "--warc", "crawl.warc.gz", "--overwrite", *FLAGS, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "crawl.warc.gz").read_bytes()[:2] == b"\x1f\x8b"
