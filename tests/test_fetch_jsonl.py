"""JSONL output: whole lines, and resuming after a cut-off write."""

from __future__ import annotations

import json

from cleannews.fetch._jsonl import JsonlWriter, resume_keys
from cleannews.fetch._urls import url_key


def test_writer_appends_whole_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter(str(path), append=False)
    writer.write({"url": "http://a/1", "text": "日本語\nnewline inside"})
    writer.write({"url": "http://a/2"})
    writer.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["url"] for line in lines] == ["http://a/1", "http://a/2"]
    again = JsonlWriter(str(path), append=True)
    again.write({"url": "http://a/3"})
    again.close()
    assert len(path.read_text(encoding="utf-8").splitlines()) == 3


def test_resume_keys_drops_a_cut_off_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"url": "http://A/1#x"}\n{"url": "http://a/2"}\n{"url": "http://a/3", "te')
    keys, bad, cut = resume_keys(str(path))
    assert keys == {url_key("http://a/1"), url_key("http://a/2")} and bad == 0 and cut
    assert path.read_bytes() == b'{"url": "http://A/1#x"}\n{"url": "http://a/2"}\n'
    writer = JsonlWriter(str(path), append=True)
    writer.write({"url": "http://a/3"})
    writer.close()
    assert [json.loads(line)["url"] for line in path.read_text().splitlines()][-1] == "http://a/3"


def test_resume_keys_skips_bad_lines_and_missing_files(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"url": "http://a/1"}\nnot json\n[1, 2]\n\n{"url": 5}\n')
    keys, bad, cut = resume_keys(str(path))
    assert keys == {url_key("http://a/1")} and bad == 3 and not cut
    assert resume_keys(str(tmp_path / "none.jsonl")) == (set(), 0, False)
