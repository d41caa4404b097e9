"""``cleannews warc``: WARC files in, JSONL out, with worker processes, bad pages and resuming."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc")
pytest.importorskip("warcio")

from cleannews import warc  # noqa: E402
from cleannews.cli import main  # noqa: E402
from cleannews.records import TIMING_FIELDS  # noqa: E402
from cleannews.warc import WarcWriter  # noqa: E402

from bad_pages import CRASH, HANG, hanging_or_crashing  # noqa: E402
from warc_pages import corrupt_gzip, html_exchange, mixed_warc  # noqa: E402


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def untimed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in TIMING_FIELDS} for row in rows]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "cleannews.cli", *args], cwd=cwd, capture_output=True,
                          timeout=120)
    out = subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    assert "Traceback" not in out.stderr, out.stderr
    return out


@pytest.fixture
def two_warcs(tmp_path: Path) -> tuple[list[str], list[str]]:
    """Two WARC files of 4 + 3 pages (plus skipped responses); their names and page ids."""
    ids = mixed_warc(tmp_path / "a.warc.gz", 0, 4) + mixed_warc(tmp_path / "b.warc", 10, 3)
    return ["a.warc.gz", "b.warc"], ids


def test_one_record_per_html_page_and_a_summary(tmp_path: Path, two_warcs: tuple[list[str], list[str]]) -> None:
    names, ids = two_warcs
    result = run_cli("warc", *names, "-o", "out.jsonl", "--workers", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = records(tmp_path / "out.jsonl")
    assert sorted(r["warc_record_id"] for r in rows) == sorted(ids)
    assert all(r["ok"] and r["is_article"] and r["status"] == 200 for r in rows)
    assert {r["warc_file"] for r in rows} == set(names)
    assert "2 WARC file(s), 13 responses: 7 HTML pages; skipped 4 non-200, 2 non-HTML" in result.stderr
    assert "7 records written, 0 failed" in result.stderr


def test_workers_and_order_do_not_change_the_records(tmp_path: Path, two_warcs: tuple[list[str], list[str]],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    names, ids = two_warcs
    monkeypatch.chdir(tmp_path)
    assert main(["warc", *names, "-o", str(tmp_path / "one.jsonl"), "--workers", "1"]) == 0
    assert main(["warc", *names, "-o", str(tmp_path / "two.jsonl"), "--workers", "2", "--ordered"]) == 0
    one, two = records(tmp_path / "one.jsonl"), records(tmp_path / "two.jsonl")
    assert [r["warc_record_id"] for r in one] == ids
    assert untimed(two) == untimed(one)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_bad_file_is_one_error_record_and_exit_1(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed_warc(in_tmp / "bad.warc.gz", 0, 12)
    corrupt_gzip(in_tmp / "bad.warc.gz")
    good = mixed_warc(in_tmp / "good.warc.gz", 20, 2)
    assert main(["warc", "bad.warc.gz", "good.warc.gz", "-o", "out.jsonl", "--ordered"]) == 1
    rows = records(in_tmp / "out.jsonl")
    errors = [r for r in rows if not r["ok"]]
    assert [(r["error"]["kind"], r["warc_file"]) for r in errors] == [("bad_warc", "bad.warc.gz")]
    assert [r["warc_record_id"] for r in rows if r["warc_file"] == "good.warc.gz"] == good
    err = capsys.readouterr().err
    assert "1 failed (bad_warc 1)" in err
    assert "cleannews: error: bad.warc.gz: cannot read as WARC" in err


def test_a_hanging_and_a_crashing_page_become_error_records(in_tmp: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with WarcWriter(str(in_tmp / "x.warc.gz")) as out:
        for n in range(8):
            html_exchange(out, n, marker={2: HANG, 5: CRASH}.get(n, ""))
    monkeypatch.setattr(warc, "clean", hanging_or_crashing(warc.clean))  # the forked workers inherit it
    assert main(["warc", "x.warc.gz", "-o", "out.jsonl", "--workers", "2", "--page-timeout", "1", "--ordered"]) == 1
    rows = records(in_tmp / "out.jsonl")
    assert [r["url"].rsplit("/", 1)[1] for r in rows] == [str(n) for n in range(8)]
    assert [r["error"]["kind"] if r["error"] else None for r in rows] == \
        [None, None, "timeout", None, None, "worker_crash", None, None]
    assert rows[2]["warc_record_id"] and rows[2]["text"] == "" and not rows[2]["ok"]
    err = capsys.readouterr().err
    assert "cleannews: error: https://news.example/en/2: page timeout" in err
    assert "cleannews: error: https://news.example/en/5: worker process killed by SIGKILL" in err


def test_an_existing_output_needs_resume_or_overwrite(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed_warc(in_tmp / "a.warc.gz", 0, 1)
    (in_tmp / "out.jsonl").write_text('{"url": "x"}\n')
    assert main(["warc", "a.warc.gz", "-o", "out.jsonl"]) == 2
    assert "use --resume" in capsys.readouterr().err
    assert main(["warc", "a.warc.gz", "-o", "out.jsonl", "--overwrite"]) == 0
    assert len(records(in_tmp / "out.jsonl")) == 1
    assert main(["warc", "a.warc.gz", "-o", "-", "--resume"]) == 2


def test_records_go_to_stdout(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = mixed_warc(in_tmp / "a.warc.gz", 0, 2)
    assert main(["warc", "a.warc.gz", "-o", "-", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert [json.loads(line)["warc_record_id"] for line in out.splitlines()] == ids


def test_resume_drops_a_cut_off_line_and_skips_what_is_done(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = mixed_warc(in_tmp / "a.warc.gz", 0, 5)
    assert main(["warc", "a.warc.gz", "-o", "full.jsonl", "--workers", "1"]) == 0
    lines = (in_tmp / "full.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (in_tmp / "out.jsonl").write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")
    assert main(["warc", "a.warc.gz", "-o", "out.jsonl", "--resume", "--ordered"]) == 0
    rows = records(in_tmp / "out.jsonl")
    assert [r["warc_record_id"] for r in rows] == ids
    err = capsys.readouterr().err
    assert "dropped a cut-off last line" in err and "3 records written" in err


SLOW_RUN = """
import sys, time
from cleannews import warc
real = warc.clean
def slow(*args, **kwargs):
    time.sleep(0.2)
    return real(*args, **kwargs)
warc.clean = slow
from cleannews.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    with WarcWriter(str(tmp_path / "big.warc.gz")) as out:
        ids = [html_exchange(out, n) for n in range(30)]
    args = [sys.executable, "-c", SLOW_RUN, "warc", "big.warc.gz", "-o", "out.jsonl", "--workers", "2"]
    proc = subprocess.Popen(args, cwd=tmp_path, stderr=subprocess.DEVNULL)
    out = tmp_path / "out.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 5):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    before = out.read_bytes().count(b"\n")
    assert 5 <= before < 30  # killed halfway
    resumed = subprocess.run(args + ["--resume"], cwd=tmp_path, capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    rows = records(out)
    assert sorted(r["warc_record_id"] for r in rows) == sorted(ids)  # each page exactly once
    assert f"{30 - before} records written" in resumed.stderr.decode()
