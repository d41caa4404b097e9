"""`cleannews.jsonl`: whole lines, and resuming from a file a killed run left."""

from __future__ import annotations

import json
from pathlib import Path

from cleannews.jsonl import JsonlWriter, resume_keys


def test_resume_keys_drop_a_cut_off_line_and_count_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a"}\nnot json\n{"other": 1}\n{"id": "b"}\n{"id": "c", "te', encoding="utf-8")
    keys, bad, cut = resume_keys(str(path), lambda r: r.get("id"))
    assert (keys, bad, cut) == ({"a", "b"}, 1, True)
    assert path.read_text(encoding="utf-8").endswith('{"id": "b"}\n')  # ready to append to
    assert resume_keys(str(tmp_path / "missing.jsonl"), lambda r: r.get("id")) == (set(), 0, False)


def test_the_writer_appends_whole_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(str(path), append=False) as out:
        out.write({"id": "a", "text": "港"})
    with JsonlWriter(str(path), append=True) as out:
        out.write_line(json.dumps({"id": "b"}))
    assert [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()] == ["a", "b"]
    with JsonlWriter(str(path), append=False) as out:
        out.write({"id": "c"})
    assert path.read_text(encoding="utf-8") == '{"id": "c"}\n'
