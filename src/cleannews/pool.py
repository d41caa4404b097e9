"""`imap_isolated`: run a function over a stream of items in worker processes, surviving
items that hang or kill their worker.

Each worker process gets a chunk of items at a time and sends back one result per item as
soon as it is done, so the parent always knows which item a worker is on and since when.
An item that runs past `timeout`, or whose worker dies (a segfault, the OOM killer, an
``os.kill``), becomes ``on_failure(item, kind, message)`` with kind ``"timeout"`` or
``"worker_crash"``; the worker is replaced and the rest of its chunk goes on.

Why not a library: `concurrent.futures.ProcessPoolExecutor` breaks entirely when one
worker dies, and `multiprocessing.Pool` hangs on it.  `pebble.ProcessPool` survives both,
but its timeouts apply per task, so chunked work would lose a whole chunk (and could not
tell which page was at fault) to one bad page, while one task per page pays a round trip
through its manager thread per page.  The loop below is small, and is what
`multiprocessing.connection.wait` is for.

Costs: a worker start (a ``fork`` on Linux: ~10 ms; a replaced worker the same), one pickle
of each item and of each result.  At most ``workers * chunksize`` items are in flight, plus
results held back to keep the input order (`ordered`); nothing else is kept.

``subprocess_workers=True`` starts each worker as a fresh interpreter with `subprocess`
instead of `multiprocessing`, talking over a socket pair with the same messages.  This is
for callers inside a process that `multiprocessing` will not fork from: a Dask worker is a
*daemonic* process (``daemonic processes are not allowed to have children``) and runs tasks
in threads, where ``fork`` is unsafe.  It costs an interpreter start plus the imports `func`
needs (~0.3-0.5 s with cleannews and lxml) per worker, and again per replaced worker.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

__all__ = ["DEFAULT_PAGE_TIMEOUT", "FAILURE_KINDS", "default_workers", "imap_isolated"]

T = TypeVar("T")
R = TypeVar("R")

#: The kinds `on_failure` is called with.
FAILURE_KINDS = ("timeout", "worker_crash", "internal")

#: The page timeout (seconds) of the command line when worker processes run and none is given.
DEFAULT_PAGE_TIMEOUT = 60.0

_STOP = None
_START_TIMEOUT = 120.0  # seconds a subprocess worker may take to import and report ready
_MAX_IDLE_DEATHS = 10  # workers dying with no item to blame, in a row: give up


def default_workers() -> int:
    """The number of cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def imap_isolated(func: Callable[[T], R], items: Iterable[T], *,
                  on_failure: Callable[[T, str, str], R], workers: int | None = None,
                  ordered: bool = False, timeout: float | None = None, chunksize: int = 4,
                  mp_context: BaseContext | None = None, subprocess_workers: bool = False) -> Iterator[R]:
    """Yield ``func(item)`` for every item, computed in `workers` processes.

    Args:
        func: a picklable function (defined at module level, or a `functools.partial` of
            one); it should catch its own errors.  One that escapes becomes an
            ``"internal"`` failure; the worker carries on.
        items: consumed lazily, as workers need work.
        on_failure: called in this process as ``on_failure(item, kind, message)`` for an
            item that failed (see `FAILURE_KINDS`); its return value is yielded instead.
        workers: processes (default: `default_workers`).
        ordered: yield in the order of `items`; otherwise as results come.  Ordered output
            holds back results behind a slow item (at most ``workers * chunksize * 16``).
        timeout: seconds one item may take before its worker is killed (None: no limit).
        chunksize: items sent to a worker at a time.
        mp_context: the `multiprocessing` context (default: ``fork`` where it exists, so
            workers start fast and see the parent's modules; else ``spawn``).  Forking is
            safe from a single-threaded process such as the CLI; a threaded application
            may prefer ``multiprocessing.get_context("forkserver")``.
        subprocess_workers: start workers as fresh interpreters with `subprocess` (POSIX
            only; `mp_context` is then unused): the way to isolate pages from inside a Dask
            worker or any daemonic or threaded process (see the module docstring for the
            cost).  `func` must then be importable by a fresh interpreter; it gets this
            process's ``sys.path``.

    Closing the generator early (or an exception in the consumer) stops the workers.
    Raises `RuntimeError` when workers keep dying before they take any item, or when a
    subprocess worker cannot start (e.g. cannot import `func`).
    """
    pool = _Pool(func, on_failure, workers or default_workers(), timeout, max(1, chunksize),
                 mp_context or _default_context(), subprocess_workers)
    return pool.run(iter(items), ordered)


def _default_context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


# --------------------------------------------------------------------------- worker side

def _worker_main(conn: Connection, func: Callable[[Any], Any]) -> None:
    """Loop: receive a chunk of ``(seq, item)``, send ``(seq, ok, result_or_message)`` each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is _STOP:
            return
        for seq, item in chunk:
            try:
                message = (seq, True, func(item))
            except Exception as exc:  # noqa: BLE001 - reported as an "internal" failure
                message = (seq, False, f"{type(exc).__name__}: {exc}")
            try:
                conn.send(message)
            except (EOFError, OSError):
                return
            except Exception as exc:  # noqa: BLE001 - e.g. a result that does not pickle
                conn.send((seq, False, f"cannot send the result: {type(exc).__name__}: {exc}"))


def _subprocess_main(fd: int, parent_pid: int) -> None:
    """A subprocess worker: receive the task function on `fd`, say ready, then `_worker_main`."""
    _die_with_parent(parent_pid)
    conn = Connection(fd)
    try:
        func = conn.recv()
    except (EOFError, OSError):
        return
    except Exception as exc:  # noqa: BLE001 - e.g. the function's module is not importable here
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    _worker_main(conn, func)


def _die_with_parent(parent_pid: int) -> None:
    """On Linux, have the kernel kill this worker when the thread that started it ends (a Dask
    worker killed by its nanny would otherwise leave a worker stuck on a page running)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 # pragma: no cover - no prctl here: rely on EOF
        return
    if os.getppid() != parent_pid:  # the parent died before prctl
        os._exit(1)


_SUBPROCESS_BOOT = ("import sys; from cleannews.pool import _subprocess_main; "
                    "_subprocess_main(int(sys.argv[1]), int(sys.argv[2]))")


# --------------------------------------------------------------------------- parent side

@dataclass(eq=False)
class _Worker(Generic[T]):
    proc: Any  # multiprocessing.Process of the context
    conn: Connection
    pending: deque[tuple[int, T]] = field(default_factory=deque)
    started: float = 0.0  # monotonic time the current item started

    @property
    def busy(self) -> bool:
        return bool(self.pending)


class _ChildProcess:
    """A subprocess worker, with what `_Pool` uses of `multiprocessing.Process`."""

    def __init__(self, popen: subprocess.Popen[bytes], conn: Connection) -> None:
        self.popen = popen
        self.pid = popen.pid
        self._pidfd: int | None = None
        try:
            self._pidfd = os.pidfd_open(popen.pid)  # readable once the process has ended
        except (AttributeError, OSError):  # not Linux >= 5.3: its socket's EOF tells as much
            pass
        self.sentinel: Any = self._pidfd if self._pidfd is not None else conn

    @property
    def exitcode(self) -> int | None:
        return self.popen.poll()

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    def kill(self) -> None:
        self.popen.kill()

    def join(self, timeout: float | None = None) -> None:
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            pass

    def close(self) -> None:
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None


class _Pool(Generic[T, R]):
    def __init__(self, func: Callable[[T], R], on_failure: Callable[[T, str, str], R], workers: int,
                 timeout: float | None, chunksize: int, ctx: BaseContext, subprocess_workers: bool = False) -> None:
        self.func, self.on_failure = func, on_failure
        self.size, self.timeout, self.chunksize, self.ctx = workers, timeout, chunksize, ctx
        self.subprocess_workers = subprocess_workers
        self.workers: list[_Worker[T]] = []
        self.retry: deque[tuple[int, T]] = deque()  # items of a dead worker's chunk, to resend
        self.idle_deaths = 0

    # -- lifecycle

    def _spawn(self) -> _Worker[T]:
        if self.subprocess_workers:
            return self._spawn_subprocess()
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, args=(child, self.func), daemon=True,  # type: ignore[attr-defined]
                                name="cleannews-worker")
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _spawn_subprocess(self) -> _Worker[T]:
        """Start ``python -c _SUBPROCESS_BOOT`` on one end of a socket pair, send it `func`
        and wait for it to say it is ready (so a broken environment fails here, loudly, and
        is not blamed on the pages).  Its stdout and stderr are ours."""
        ours, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        try:
            popen = subprocess.Popen([sys.executable, "-c", _SUBPROCESS_BOOT,
                                      str(theirs.fileno()), str(os.getpid())],
                                     pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        conn = Connection(ours.detach())
        worker: _Worker[T] = _Worker(_ChildProcess(popen, conn), conn)
        try:
            conn.send(self.func)
            if not conn.poll(_START_TIMEOUT):
                raise RuntimeError(f"a worker process did not start within {_START_TIMEOUT:g} s")
            status, detail = conn.recv()
            if status != "ready":
                raise RuntimeError(f"a worker process could not load its task: {detail}")
        except (EOFError, OSError):
            self._stop(worker)
            raise RuntimeError(f"a worker process could not start ({_death_message(worker.proc)})") from None
        except BaseException:
            self._stop(worker)
            raise
        return worker

    def _stop(self, worker: _Worker[T]) -> None:
        """Kill `worker` if it still runs, reap it and free its pipe."""
        if worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join()
        worker.conn.close()
        if isinstance(worker.proc, _ChildProcess):
            worker.proc.close()

    def _replace(self, worker: _Worker[T]) -> None:
        self._stop(worker)
        self.workers[self.workers.index(worker)] = self._spawn()

    def _shutdown(self) -> None:
        for worker in self.workers:
            if worker.busy:
                worker.proc.kill()
            else:
                try:
                    worker.conn.send(_STOP)
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + 2.0
        for worker in self.workers:
            worker.proc.join(max(0.0, deadline - time.monotonic()))
            self._stop(worker)
        self.workers = []

    # -- the loop

    def run(self, items: Iterator[T], ordered: bool) -> Iterator[R]:
        window = self.size * self.chunksize * 16
        held: dict[int, R] = {}  # ordered mode: results waiting for an earlier one
        next_out = 0  # ordered mode: the next seq to yield
        seq = 0  # the seq of the next new item
        exhausted = False
        try:
            self.workers = []
            for _ in range(self.size):
                self.workers.append(self._spawn())
            while True:
                for worker in self.workers:
                    if worker.busy:
                        continue
                    chunk: list[tuple[int, T]] = []
                    while self.retry and len(chunk) < self.chunksize:
                        chunk.append(self.retry.popleft())
                    while not exhausted and len(chunk) < self.chunksize and \
                            not (ordered and seq - next_out >= window):
                        try:
                            chunk.append((seq, next(items)))
                        except StopIteration:
                            exhausted = True
                            break
                        seq += 1
                    if chunk:
                        self._send(worker, chunk)
                if not any(w.busy for w in self.workers):
                    if exhausted and not self.retry:
                        return
                    if not self.retry and ordered and seq - next_out >= window:
                        raise AssertionError("ordered window full with nothing in flight")  # pragma: no cover
                for done_seq, result in self._collect():
                    if not ordered:
                        yield result
                        continue
                    held[done_seq] = result
                    while next_out in held:
                        yield held.pop(next_out)
                        next_out += 1
        finally:
            self._shutdown()

    def _send(self, worker: _Worker[T], chunk: list[tuple[int, T]]) -> None:
        worker.pending.extend(chunk)
        worker.started = time.monotonic()
        try:
            worker.conn.send(chunk)
        except (OSError, ValueError):
            pass  # the worker is dead: `_collect` sees its sentinel and resends the chunk

    def _collect(self) -> list[tuple[int, R]]:
        """Wait until some worker reports (or a deadline passes); the results it brought."""
        busy = [w for w in self.workers if w.busy]
        wait_for: list[Any] = [w.conn for w in busy] + [w.proc.sentinel for w in self.workers]
        wait(wait_for, timeout=self._next_deadline(busy))
        out: list[tuple[int, R]] = []
        now = time.monotonic()
        for worker in list(self.workers):
            dead = self._drain(worker, out)
            if dead or not worker.proc.is_alive():
                self._drain(worker, out)  # what it sent before dying
                self._fail_current(worker, "worker_crash", _death_message(worker.proc), out)
                continue
            if worker.busy and self.timeout is not None and now - worker.started > self.timeout:
                self._fail_current(worker, "timeout", f"page timeout: still running after {self.timeout:g} s "
                                                      f"(worker stopped)", out)
        return out

    def _drain(self, worker: _Worker[T], out: list[tuple[int, R]]) -> bool:
        """Read every message waiting from `worker`; True when its pipe is closed."""
        try:
            while worker.conn.poll():
                seq, ok, payload = worker.conn.recv()
                item = self._pop(worker, seq)
                out.append((seq, payload if ok else self.on_failure(item, "internal", str(payload))))
                worker.started = time.monotonic()
                self.idle_deaths = 0
        except (EOFError, OSError):
            return True
        return False

    def _pop(self, worker: _Worker[T], seq: int) -> T:
        head_seq, item = worker.pending.popleft()
        if head_seq != seq:  # pragma: no cover - workers answer in order
            raise AssertionError(f"worker answered {seq}, expected {head_seq}")
        return item

    def _fail_current(self, worker: _Worker[T], kind: str, message: str, out: list[tuple[int, R]]) -> None:
        """Blame the item `worker` is on, requeue the rest of its chunk, replace it."""
        if worker.pending:
            seq, item = worker.pending.popleft()
            out.append((seq, self.on_failure(item, kind, message)))
            self.retry.extendleft(reversed(worker.pending))
            worker.pending.clear()
            self.idle_deaths = 0
        else:
            self.idle_deaths += 1
            if self.idle_deaths > _MAX_IDLE_DEATHS:
                raise RuntimeError(f"worker processes keep dying before taking work ({_death_message(worker.proc)})")
        self._replace(worker)

    def _next_deadline(self, busy: list[_Worker[T]]) -> float | None:
        if self.timeout is None or not busy:
            return None
        soonest = min(w.started for w in busy) + self.timeout
        return max(0.0, soonest - time.monotonic()) + 0.01


def _death_message(proc: Any) -> str:
    proc.join(0.5)
    code = proc.exitcode
    if code is None:
        return "worker process stopped answering"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process killed by {name}"
    return f"worker process exited with status {code}"
