"""``cleannews clean`` with worker processes: --workers, --ordered, --page-timeout, and
``-f jsonl -o OUT.jsonl --resume``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleannews import batch
from cleannews.cli import main

from bad_pages import CRASH, HANG, hanging_or_crashing

PAGE = """<html><head><title>Harbour reopens {n}</title></head><body><article><h1>Harbour reopens {n}</h1>
<p>The harbour of Port Example reopened on Tuesday morning after a week-long closure caused by
the storm, officials said, and the first ferry left at nine with two hundred passengers.</p>
<p>Repairs to the northern breakwater will continue through the spring, said the authority {n}.</p>
</article></body></html>"""


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(12):
        (folder / f"p{n:02d}.html").write_text(PAGE.format(n=n), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_file_output_with_workers(pages: Path) -> None:
    assert main(["clean", "pages", "-f", "jsonl", "-o", "out.jsonl", "--workers", "2", "--ordered"]) == 0
    assert sources(Path("out.jsonl")) == [f"pages/p{n:02d}.html" for n in range(12)]
    assert not Path("out.jsonl").is_dir()


def test_resume_skips_inputs_already_written(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "pages", "-f", "jsonl", "-o", "full.jsonl", "--workers", "1"]) == 0
    lines = Path("full.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    Path("out.jsonl").write_text("".join(lines[:4]) + lines[4][:30], encoding="utf-8")  # killed mid-line
    assert main(["clean", "pages", "-f", "jsonl", "-o", "out.jsonl", "--resume", "--workers", "2"]) == 0
    done = sources(Path("out.jsonl"))
    assert done[:4] == [f"pages/p{n:02d}.html" for n in range(4)]
    assert sorted(done) == [f"pages/p{n:02d}.html" for n in range(12)]  # once each


def test_resume_needs_a_jsonl_file(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "pages", "--resume"]) == 2
    assert "--resume needs -f jsonl and -o OUT.jsonl" in capsys.readouterr().err


def test_workers_must_be_positive(pages: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["clean", "pages", "--workers", "0"])
    assert exc.value.code == 2


@pytest.mark.parametrize("workers", ["1", "2"])
def test_page_timeout_and_crash_are_error_lines(pages: Path, workers: str, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (pages / "p03.html").write_text(PAGE.format(n=3).replace("<body>", "<body>" + HANG), encoding="utf-8")
    (pages / "p07.html").write_text(PAGE.format(n=7).replace("<body>", "<body>" + CRASH), encoding="utf-8")
    monkeypatch.setattr(batch, "clean", hanging_or_crashing(batch.clean))  # the forked workers inherit it
    status = main(["clean", "pages", "-f", "jsonl", "-o", "out.jsonl", "--workers", workers,
                   "--page-timeout", "1"])
    assert status == 1
    rows = {json.loads(line)["source"]: json.loads(line) for line in Path("out.jsonl").read_text().splitlines()}
    assert len(rows) == 12
    assert rows["pages/p03.html"]["error"]["kind"] == "timeout"
    assert rows["pages/p07.html"]["error"]["kind"] == "worker_crash"
    assert sum("error" in row for row in rows.values()) == 2
    err = capsys.readouterr().err
    assert "cleannews: error: pages/p03.html: page timeout" in err
    assert "cleannews: error: pages/p07.html: worker process killed by SIGKILL" in err
