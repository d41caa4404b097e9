"""`cleannews.pool.imap_isolated` and `run_batch(workers=...)`: real worker processes, a page
that hangs, a worker that dies, a worker killed from outside."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleannews import batch
from cleannews.batch import InputItem, Record, iter_inputs, run_batch
from cleannews.pool import imap_isolated

from bad_pages import CRASH, HANG, hanging_or_crashing

PAGE = b"""<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>
<p>The harbour of Port Example reopened on Tuesday morning after a week-long closure caused by
the storm, officials said, and the first ferry left at nine with two hundred passengers.</p>
<p>Repairs to the northern breakwater will continue through the spring, said the authority.</p>
</article></body></html>"""


# --------------------------------------------------------------------------- task functions
# Module level, so that worker processes can run them.

def square(x: int) -> int:
    return x * x


def slow_on_three(x: int) -> int:
    if x == 3:
        time.sleep(60)
    return x * x


def die_on_five(x: int) -> int:
    if x == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x


def exit_on_two(x: int) -> int:
    if x == 2:
        os._exit(3)
    return x * x


def raise_on_four(x: int) -> int:
    if x == 4:
        raise ValueError("four is bad")
    return x * x


def report_pid_then_wait(x: int) -> tuple[int, int]:
    """Item 0 waits long enough to be killed from outside; the others return at once."""
    if x == 0:
        time.sleep(60)
    return x, os.getpid()


def sleep_then_square(x: int) -> int:
    time.sleep(0.01 * (x % 3))
    return x * x


def failure(item: int, kind: str, message: str) -> str:
    return f"{item}:{kind}"


# --------------------------------------------------------------------------- the pool

@pytest.mark.parametrize("workers, chunksize", [(1, 1), (2, 3), (3, 1)])
def test_ordered_results_follow_the_input(workers: int, chunksize: int) -> None:
    out = list(imap_isolated(sleep_then_square, range(40), on_failure=failure, workers=workers,
                             ordered=True, chunksize=chunksize))
    assert out == [x * x for x in range(40)]


def test_unordered_results_are_complete() -> None:
    out = list(imap_isolated(sleep_then_square, range(40), on_failure=failure, workers=2, chunksize=2))
    assert sorted(out) == sorted(x * x for x in range(40))  # type: ignore[type-var]


def test_items_are_taken_lazily() -> None:
    taken: list[int] = []

    def items() -> Iterator[int]:
        for x in range(10_000):
            taken.append(x)
            yield x

    results = imap_isolated(square, items(), on_failure=failure, workers=2, chunksize=2, ordered=True)
    assert [next(results) for _ in range(5)] == [0, 1, 4, 9, 16]
    results.close()  # type: ignore[attr-defined]
    assert len(taken) < 200


def test_a_page_past_the_timeout_fails_alone_and_the_rest_go_on() -> None:
    out = list(imap_isolated(slow_on_three, range(8), on_failure=failure, workers=2,
                             ordered=True, timeout=1.0, chunksize=4))
    assert out == [0, 1, 4, "3:timeout", 16, 25, 36, 49]  # not 9: the 60 s sleep was cut short


def test_a_worker_that_dies_fails_its_item_only_and_is_replaced() -> None:
    out = list(imap_isolated(die_on_five, range(12), on_failure=failure, workers=2,
                             ordered=True, chunksize=4))
    assert out == [x * x if x != 5 else "5:worker_crash" for x in range(12)]


def test_a_worker_that_exits_is_reported_with_its_status() -> None:
    messages: list[str] = []

    def note(item: int, kind: str, message: str) -> int:
        messages.append(message)
        return -1

    out = list(imap_isolated(exit_on_two, range(5), on_failure=note, workers=1, ordered=True, chunksize=5))
    assert out == [0, 1, -1, 9, 16]
    assert messages == ["worker process exited with status 3"]


def test_an_exception_in_the_task_is_an_internal_failure() -> None:
    out = list(imap_isolated(raise_on_four, range(6), on_failure=failure, workers=2, ordered=True))
    assert out == [0, 1, 4, 9, "4:internal", 25]


def test_a_worker_killed_from_outside_is_replaced() -> None:
    results = imap_isolated(report_pid_then_wait, range(6), on_failure=failure, workers=2,
                            ordered=False, chunksize=1)
    seen: list[object] = []
    first = next(results)  # from the worker that is not stuck on item 0
    seen.append(first)
    assert isinstance(first, tuple)
    stuck = _stuck_worker_pid(exclude=first[1])
    os.kill(stuck, signal.SIGKILL)
    seen.extend(results)
    assert "0:worker_crash" in seen
    assert sorted(x[0] for x in seen if isinstance(x, tuple)) == [1, 2, 3, 4, 5]


def _stuck_worker_pid(*, exclude: int) -> int:
    import multiprocessing

    pids = [p.pid for p in multiprocessing.active_children()
            if p.name == "cleannews-worker" and p.pid != exclude]
    assert len(pids) == 1, pids
    return pids[0]


def test_closing_early_stops_the_workers() -> None:
    import multiprocessing

    results = imap_isolated(slow_on_three, range(100), on_failure=failure, workers=2, ordered=True)
    assert next(results) == 0
    results.close()  # type: ignore[attr-defined]
    assert not [p for p in multiprocessing.active_children() if p.name == "cleannews-worker"]


def hang_or_die(x: int) -> int:
    if x == 2:
        time.sleep(60)
    if x == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    if x == 7:
        raise ValueError("seven")
    return x * x


def test_subprocess_workers_survive_a_hang_a_crash_and_an_exception() -> None:
    # Fresh interpreters (what a Dask task uses): they import this module by name.
    out = list(imap_isolated(hang_or_die, range(9), on_failure=failure, workers=2, ordered=True,
                             timeout=1.0, chunksize=3, subprocess_workers=True))
    assert out == [0, 1, "2:timeout", 9, 16, "5:worker_crash", 36, "7:internal", 64]


def test_a_subprocess_worker_that_cannot_load_its_task_fails_loudly(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    path = tmp_path / "unreachable_task.py"  # importable here, not on sys.path: not by a fresh interpreter
    path.write_text("def task(x):\n    return x\n")
    spec = importlib.util.spec_from_file_location("unreachable_task", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(sys.modules, "unreachable_task", module)
    with pytest.raises(RuntimeError, match="could not load its task: ModuleNotFoundError.*unreachable_task"):
        list(imap_isolated(module.task, range(3), on_failure=failure, workers=1, subprocess_workers=True))


# --------------------------------------------------------------------------- run_batch with workers

def _files(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"p{i:02d}.html"
        path.write_bytes(PAGE.replace(b"Harbour reopens</h1>", f"Harbour reopens {i}</h1>".encode()))
        paths.append(str(path))
    return paths


def _summary(records: list[Record]) -> list[tuple[str, str | None]]:
    return [(Path(r.source).name, r.error_kind) for r in records]


def test_workers_give_the_same_records_as_one_process(tmp_path: Path) -> None:
    paths = _files(tmp_path, 10) + [str(tmp_path / "missing.html")]
    serial = list(run_batch(iter_inputs(paths)))
    parallel = list(run_batch(iter_inputs(paths), workers=2, ordered=True))
    assert parallel == serial
    assert serial[-1].error_kind == "not_found" and serial[0].article is not None


def test_stdin_is_read_by_the_parent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE)))
    (record,) = run_batch([InputItem(source="-", stdin=True)], workers=2)
    assert record.ok and "Port Example" in record.article.text  # type: ignore[union-attr]


def test_slow_and_crashing_pages_become_error_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _files(tmp_path, 8)
    Path(paths[2]).write_bytes(PAGE.replace(b"<body>", b"<body>" + HANG.encode()))
    Path(paths[5]).write_bytes(PAGE.replace(b"<body>", b"<body>" + CRASH.encode()))
    monkeypatch.setattr(batch, "clean", hanging_or_crashing(batch.clean))  # the forked workers inherit it
    records = list(run_batch(iter_inputs(paths), workers=2, ordered=True, page_timeout=1.0))
    assert _summary(records) == [("p00.html", None), ("p01.html", None), ("p02.html", "timeout"),
                                 ("p03.html", None), ("p04.html", None), ("p05.html", "worker_crash"),
                                 ("p06.html", None), ("p07.html", None)]
    assert "1 s" in (records[2].error or "") and "SIGKILL" in (records[5].error or "")
    assert all(r.article is not None for r in records if r.ok)
