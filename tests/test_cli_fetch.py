"""``cleannews fetch`` run as a real subprocess against a real server on 127.0.0.1."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import subprocess
import struct
import sys
import termios
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from fetch_pages import EN_PHRASE, en_page
from werkzeug import Request, Response

HTML = "text/html; charset=utf-8"
FAST_FLAGS = ["--ignore-robots", "--workers", "0", "--timeout", "5", "--backoff", "0.05",
              "--connect-timeout", "2", "--read-timeout", "2"]


def _default_sigint() -> None:
    """Ctrl-C must reach the child even when the test run itself ignores SIGINT (a shell
    starts background jobs, CI runners included, with SIGINT ignored; Python keeps that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleannews.cli", "fetch", *args]


def run(*args: str, cwd: Path, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cli(*args), cwd=cwd, input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def pages(server, n: int, path: str = "/p", delay: float = 0.0) -> list[str]:
    def handler(request: Request) -> Response:
        if delay:
            time.sleep(delay)
        return Response(en_page(int(request.args.get("n", 0))), content_type=HTML)

    server.expect_request(path).respond_with_handler(handler)
    return [server.url_for(f"{path}?n={i}") for i in range(n)]


def write_list(tmp_path: Path, urls: list[str], name: str = "urls.txt") -> Path:
    path = tmp_path / name
    path.write_text("# my list\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- basics


def test_fetch_writes_one_record_per_distinct_url(server, tmp_path):
    urls = pages(server, 4)
    server.expect_request("/gone").respond_with_data("no", status=404)
    listed = [*urls, urls[0], server.url_for("/gone"), "file:///etc/passwd", "   "]
    proc = run(str(write_list(tmp_path, listed)), "-o", "out.jsonl", *FAST_FLAGS, cwd=tmp_path)
    assert proc.returncode == 1  # some failed
    out = records(tmp_path / "out.jsonl")
    assert Counter(r["url"] for r in out) == Counter([*urls, server.url_for("/gone"), "file:///etc/passwd"])
    good = [r for r in out if r["ok"]]
    assert len(good) == 4 and all(EN_PHRASE in r["text"] and r["status"] == 200 for r in good)
    assert all(r["error"] is None for r in good)
    errors = {r["url"]: r["error"] for r in out if not r["ok"]}
    assert errors[server.url_for("/gone")]["kind"] == "http_error"
    assert errors["file:///etc/passwd"]["kind"] == "unsupported_scheme"
    assert all(isinstance(e["message"], str) and e["message"] for e in errors.values())
    for r in out:
        assert {"url", "final_url", "status", "ok", "error", "fetched_at", "elapsed_ms",
                "title", "text", "is_article"} <= set(r)
    # the summary: counts by outcome and by error kind
    assert "fetched 6 URLs" in proc.stderr and "4 ok (4 articles, 0 not articles), 2 failed" in proc.stderr
    assert "errors by kind:" in proc.stderr and "http_error 1" in proc.stderr
    assert "unsupported_scheme 1" in proc.stderr and "404 ×1" in proc.stderr


def test_exit_status_0_when_every_url_succeeded(server, tmp_path):
    urls = pages(server, 2)
    proc = run(str(write_list(tmp_path, urls)), "-o", "out.jsonl", *FAST_FLAGS, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(records(tmp_path / "out.jsonl")) == 2


def test_stdin_list_and_stdout_output(server, tmp_path):
    urls = pages(server, 3)
    proc = run("-", "-o", "-", *FAST_FLAGS, cwd=tmp_path, stdin="\n".join(urls) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(r["url"] for r in out) == sorted(urls)
    assert "fetched 3 URLs" in proc.stderr  # progress and summary stay off stdout


def test_empty_list(tmp_path):
    (tmp_path / "urls.txt").write_text("# nothing\n\n", encoding="utf-8")
    proc = run("urls.txt", "-o", "out.jsonl", *FAST_FLAGS, cwd=tmp_path)
    assert proc.returncode == 0 and records(tmp_path / "out.jsonl") == []
    assert "fetched 0 URLs" in proc.stderr


@pytest.mark.parametrize("args,message", [
    (["missing.txt", "-o", "out.jsonl"], "cannot read URL list"),
    (["urls.txt", "-o", "-", "--resume"], "--resume needs an output file"),
    (["urls.txt", "-o", "taken.jsonl"], "exists: use --resume"),
    (["urls.txt", "-o", "out.jsonl", "--concurrency", "0"], "must be >= 1"),
    (["urls.txt", "-o", "out.jsonl", "--delay", "-1"], "must be a finite number >= 0"),
    (["urls.txt"], "required: -o"),
])
def test_usage_errors_exit_2(tmp_path, args, message):
    (tmp_path / "urls.txt").write_text("http://127.0.0.1:9/\n", encoding="utf-8")
    (tmp_path / "taken.jsonl").write_text('{"url": "x"}\n', encoding="utf-8")
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert (tmp_path / "taken.jsonl").read_text(encoding="utf-8") == '{"url": "x"}\n'


def test_overwrite_replaces_an_existing_output(server, tmp_path):
    urls = pages(server, 1)
    (tmp_path / "out.jsonl").write_text('{"url": "old"}\n', encoding="utf-8")
    proc = run(str(write_list(tmp_path, urls)), "-o", "out.jsonl", "--overwrite", *FAST_FLAGS, cwd=tmp_path)
    assert proc.returncode == 0
    assert [r["url"] for r in records(tmp_path / "out.jsonl")] == urls


def test_save_raw(server, tmp_path):
    urls = pages(server, 2)
    proc = run(str(write_list(tmp_path, urls)), "-o", "out.jsonl", "--save-raw", "raw", *FAST_FLAGS,
               cwd=tmp_path)
    assert proc.returncode == 0
    for r in records(tmp_path / "out.jsonl"):
        raw = Path(r["raw_file"])
        assert raw.parent == Path("raw")
        assert EN_PHRASE.encode() in (tmp_path / raw).read_bytes()


def test_extraction_flags_reach_the_cleaner(server, tmp_path):
    urls = pages(server, 1)
    proc = run(str(write_list(tmp_path, urls)), "-o", "out.jsonl", "--min-body-chars", "100000",
               *FAST_FLAGS, cwd=tmp_path)
    assert proc.returncode == 0
    (record,) = records(tmp_path / "out.jsonl")
    assert record["ok"] and record["is_article"] is False


def test_worker_processes_clean(server, tmp_path):
    urls = pages(server, 3)
    flags = [f for f in FAST_FLAGS]
    flags[flags.index("--workers") + 1] = "2"
    proc = run(str(write_list(tmp_path, urls)), "-o", "out.jsonl", *flags, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert all(EN_PHRASE in r["text"] for r in records(tmp_path / "out.jsonl"))


# --------------------------------------------------------------------------- resume


def _wait_for_lines(path: Path, n: int, proc: subprocess.Popen, limit: float = 30) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        assert proc.poll() is None, "finished before it could be interrupted"
        time.sleep(0.02)
    raise AssertionError(f"fewer than {n} records after {limit} s")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_resume_after_a_killed_run_loses_nothing_and_duplicates_nothing(server, tmp_path, sig):
    urls = pages(server, 30, delay=0.05)
    listed = write_list(tmp_path, urls)
    out = tmp_path / "out.jsonl"
    args = cli(str(listed), "-o", str(out), *FAST_FLAGS, "--concurrency", "2", "--no-progress")
    proc = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_default_sigint)
    _wait_for_lines(out, 6, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130 and b"interrupted after" in err
    first = out.read_bytes()
    assert first.endswith(b"\n")  # whole lines only
    done_before = [json.loads(line)["url"] for line in first.splitlines()]
    assert 6 <= len(done_before) < 30
    # a run killed in the middle of a write leaves a cut-off line: add one by hand
    with open(out, "ab") as fh:
        fh.write(b'{"url": "' + urls[-1].encode() + b'", "final_')
    hits_before = Counter(req.full_path for req, _ in server.log)

    proc2 = run(str(listed), "-o", str(out), "--resume", *FAST_FLAGS, cwd=tmp_path)
    assert proc2.returncode == 0, proc2.stderr
    assert "cut-off last line" in proc2.stderr
    assert f"{len(done_before)} skipped" in proc2.stderr
    final = out.read_bytes()
    assert final.startswith(first)  # nothing written before was touched
    got = [json.loads(line)["url"] for line in final.splitlines()]  # every line is JSON
    assert Counter(got) == Counter(urls)  # no loss, no duplicates
    # URLs with a record were not fetched again
    hits_after = Counter(req.full_path for req, _ in server.log)
    for url in done_before:
        path = url.split(str(server.port), 1)[1]
        assert hits_after[path] == hits_before[path] == 1


def test_resume_of_a_finished_run_fetches_nothing(server, tmp_path):
    urls = pages(server, 3)
    listed = write_list(tmp_path, urls)
    assert run(str(listed), "-o", "out.jsonl", *FAST_FLAGS, cwd=tmp_path).returncode == 0
    server.clear_log()
    proc = run(str(listed), "-o", "out.jsonl", "--resume", *FAST_FLAGS, cwd=tmp_path)
    assert proc.returncode == 0 and server.log == []
    assert len(records(tmp_path / "out.jsonl")) == 3
    assert "fetched 0 URLs" in proc.stderr and "3 skipped" in proc.stderr


# --------------------------------------------------------------------------- progress


def test_plain_progress_lines_without_a_terminal(server, tmp_path):
    urls = pages(server, 8, delay=0.05)
    proc = run(str(write_list(tmp_path, urls)), "-o", "out.jsonl", "--log-every", "0.01",
               "--concurrency", "1", *FAST_FLAGS, cwd=tmp_path)
    lines = [line for line in proc.stderr.splitlines() if "progress:" in line]
    assert lines and all(line.startswith("cleannews: progress: ") for line in lines)
    assert "/8 done, 0 errors" in lines[-1] and "pages/s" in lines[-1]
    assert "\r" not in proc.stderr


def test_progress_bar_on_a_terminal(server, tmp_path):
    urls = pages(server, 5)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a 120-column terminal
    proc = subprocess.Popen(cli(str(write_list(tmp_path, urls)), "-o", "out.jsonl", *FAST_FLAGS),
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    end = time.monotonic() + 60
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "fetch: 100%" in screen and "5/5" in screen and "errors=0" in screen
    assert "page/s" in screen
    assert "progress:" not in screen  # the bar, not the log lines


def test_cli_module_does_not_need_httpx_for_clean(tmp_path):
    # `cleannews clean` must work without the fetch extra: httpx is imported only by fetch.
    code = ("import sys; import cleannews, cleannews.cli; "
            "assert 'httpx' not in sys.modules, 'httpx imported'; "
            "cleannews.clean_response; print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_interrupt_during_slow_requests_ends_promptly(server, tmp_path):
    release, arrived = threading.Event(), threading.Event()

    def slow(request: Request) -> Response:
        arrived.set()
        release.wait(10)
        return Response(en_page(), content_type=HTML)

    server.expect_request("/slow").respond_with_handler(slow)
    listed = write_list(tmp_path, [server.url_for(f"/slow?{i}") for i in range(4)])
    flags = [*FAST_FLAGS, "--read-timeout", "30", "--timeout", "60", "--workers", "1"]
    proc = subprocess.Popen(cli(str(listed), "-o", "out.jsonl", *flags),
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_sigint)
    try:
        assert arrived.wait(30)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=8)  # well before the server would answer
    finally:
        release.set()
    assert proc.returncode == 130, err
    assert b"interrupted after 0 URLs" in err
    assert b"Traceback" not in err  # nor from the cleaning worker process
    assert (tmp_path / "out.jsonl").read_bytes() == b""
