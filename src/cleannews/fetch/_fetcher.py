"""`Fetcher`: many URLs fetched politely and cleaned, one `FetchRecord` each.

One dispatcher task hands queued URLs to `HostScheduler`, which enforces `per_host` and
the host delay; `concurrency` bounds the URLs in flight (fetch and clean).  A host's
robots.txt is fetched before its first page.  A retry goes back to the scheduler (its
slots are freed while it waits), so a slow host never holds the others up.  Cleaning runs
in a thread or in worker processes, never on the event loop.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import time
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import httpx

from ..options import Options
from ._clean import clean_body, raw_name
from ._client import ClientPool, Page, fetch_page, retry_wait
from ._hosts import HostScheduler, HostState
from ._options import FetchOptions
from ._records import FetchError, FetchRecord, utc_now
from ._robots import Robots, fetch_robots
from ._urls import check_url, host_key, url_key

__all__ = ["Fetcher", "fetch_and_clean", "fetch_many"]

Sink = Callable[[FetchRecord], None]


@dataclass(eq=False)
class _Item:
    url: str
    sink: Sink
    attempts: int = 0
    started: float | None = None  # monotonic time of the first request


class Fetcher:
    """An async session that fetches and cleans pages; use it as ``async with``.

        async with Fetcher(fetch_options=FetchOptions(per_host=1)) as fetcher:
            record = await fetcher.fetch("https://example.com/news/1")
            async for record in fetcher.fetch_many(urls):
                ...

    Every URL given to one `Fetcher` shares its connection pool, robots.txt cache,
    per-host limits and `concurrency`, however many `fetch` calls run at once.

    Args:
        fetch_options: how to fetch (`FetchOptions`; defaults if None).
        options: how to clean (`cleannews.Options`; defaults if None).
        client: an `httpx.AsyncClient` to send requests with (proxies, auth, ...); it is
            not closed here.  Default: one built from `fetch_options`.
    """

    def __init__(self, *, fetch_options: FetchOptions | None = None,
                 options: Options | None = None, client: httpx.AsyncClient | None = None) -> None:
        self.fetch_options = fetch_options or FetchOptions()
        self.options = options or Options()
        self._clients = ClientPool(self.fetch_options, shared=client)
        self._sched: HostScheduler[_Item] = HostScheduler(
            per_host=self.fetch_options.per_host, delay=self.fetch_options.delay)
        self._robots_wanted: list[HostState[_Item]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._executor: Executor | None = None
        self._warc: Any = None  # a cleannews.warc.WarcWriter when FetchOptions.warc is set
        self._dispatcher: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Fetcher:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def start(self) -> None:
        """Open the client and the cleaning workers (`__aenter__` does this)."""
        if self._dispatcher is not None:
            return
        opts = self.fetch_options
        if opts.save_raw:
            os.makedirs(opts.save_raw, exist_ok=True)
        if opts.warc and self._warc is None:
            from ..warc import WarcWriter

            self._warc = WarcWriter(opts.warc, append=True)
        if opts.clean_workers > 0:
            self._executor = ProcessPoolExecutor(
                max_workers=opts.clean_workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_ignore_sigint)
        else:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cleannews")
        self._dispatcher = asyncio.create_task(self._dispatch())

    async def aclose(self) -> None:
        """Stop: requests in flight are cancelled (they get no record), resources freed."""
        tasks = [t for t in (self._dispatcher, *self._tasks) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._dispatcher = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        await self._clients.aclose()
        if self._warc is not None:
            self._warc.close()
            self._warc = None

    # ------------------------------------------------------------------ public

    async def fetch(self, url: str) -> FetchRecord:
        """Fetch and clean one URL.  Never raises for a bad URL or a failed fetch: the
        record says what happened.  Waits for robots.txt, per-host limits and delays."""
        future: asyncio.Future[FetchRecord] = asyncio.get_running_loop().create_future()
        self.submit(url, lambda record: future.done() or future.set_result(record))
        return await future

    async def fetch_many(self, urls: Iterable[str]) -> AsyncIterator[FetchRecord]:
        """One record per distinct URL (see `url_key`), in completion order.

        All URLs are queued at once (the strings stay in memory); records wait in a queue
        until taken, so a slow consumer holds them.
        """
        queue: asyncio.Queue[FetchRecord] = asyncio.Queue()
        seen: set[str] = set()
        for url in urls:
            key = url_key(url)
            if key not in seen:
                seen.add(key)
                self.submit(url, queue.put_nowait)
        for _ in range(len(seen)):
            yield await queue.get()

    def submit(self, url: str, sink: Sink) -> None:
        """Queue `url`; `sink` gets its record (called on the event loop)."""
        if self._dispatcher is None:
            raise RuntimeError("Fetcher is not started: use 'async with Fetcher(...)'")
        problem = check_url(url)
        if problem is not None:
            sink(FetchRecord(url=url, error_kind=problem[0], error_message=problem[1],
                             fetched_at=utc_now()))
            return
        item = _Item(url=url, sink=sink)
        host, new = self._sched.host(host_key(url))
        if new and self.fetch_options.respect_robots:
            self._sched.block(host)
            self._robots_wanted.append(host)
        robots = host.data
        if isinstance(robots, Robots) and not self._allowed(robots, item):
            return
        self._sched.add(host, item)
        self._wake.set()

    # ------------------------------------------------------------------ dispatching

    async def _dispatch(self) -> None:
        while True:
            self._start_ready()
            self._wake.clear()
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._sched.wait_time())

    def _start_ready(self) -> None:
        limit = self.fetch_options.concurrency
        while len(self._tasks) < limit:
            if self._robots_wanted:
                self._spawn(self._robots(self._robots_wanted.pop(0)))
                continue
            picked = self._sched.pick()
            if picked is None:
                return
            self._spawn(self._page(*picked))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._wake.set()

    # ------------------------------------------------------------------ work

    async def _robots(self, host: HostState[_Item]) -> None:
        """Fetch the host's robots.txt (retried like a page), then let its URLs run."""
        opts = self.fetch_options
        client = self._clients.get(host.key)
        started, attempt = time.monotonic(), 0
        while True:
            attempt += 1
            try:
                robots = await asyncio.wait_for(fetch_robots(client, host.key, opts.user_agent),
                                                opts.timeout)
                break
            except asyncio.TimeoutError:
                error = FetchError("timeout", f"robots.txt: no answer within {opts.timeout:g} s")
            except FetchError as exc:
                error = exc
            wait = retry_wait(error, attempt, opts)
            if wait is None or time.monotonic() + wait > started + opts.timeout:
                kind = "robots_unreachable" if error.kind == "http_error" else error.kind
                robots = Robots(unreachable=error.message, unreachable_kind=kind)
                break
            await asyncio.sleep(wait)
        host.data = robots
        kept = [item for item in host.queue if self._allowed(robots, item)]
        self._sched.queued -= len(host.queue) - len(kept)
        host.queue.clear()
        host.queue.extend(kept)
        self._sched.unblock(host, delay=max(opts.delay, robots.delay))
        await self._host_done(host)

    def _allowed(self, robots: Robots, item: _Item) -> bool:
        """True if robots.txt lets `item` through; else its error record is sent."""
        if robots.allowed(item.url, self.fetch_options.user_agent):
            return True
        kind = robots.unreachable_kind if robots.unreachable else "robots_disallowed"
        item.sink(FetchRecord(url=item.url, error_kind=kind,
                              error_message=robots.unreachable or "disallowed by robots.txt",
                              fetched_at=utc_now()))
        return False

    async def _page(self, host: HostState[_Item], item: _Item) -> None:
        try:
            await self._page_attempt(host, item)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must still give the URL its record
            item.sink(self._record(item, error=FetchError("internal", f"{type(exc).__name__}: {exc}")))
        await self._host_done(host)

    async def _host_done(self, host: HostState[_Item]) -> None:
        """Mark the host's connections reusable-or-closable once it has nothing to do."""
        if self._sched.idle(host) and not host.blocked:
            await self._clients.idle(host.key)

    async def _page_attempt(self, host: HostState[_Item], item: _Item) -> None:
        opts = self.fetch_options
        now = time.monotonic()
        if item.started is None:
            item.started = now
        deadline = item.started + opts.timeout
        item.attempts += 1
        error: FetchError | None = None
        try:
            page = await asyncio.wait_for(fetch_page(self._clients.get(host.key), item.url, opts),
                                          max(0.001, deadline - now))
        except asyncio.TimeoutError:
            error = FetchError("timeout", f"no complete answer within {opts.timeout:g} s")
        except FetchError as exc:
            error = exc
        finally:
            self._sched.release(host)
            self._wake.set()
        if error is not None:
            wait = retry_wait(error, item.attempts, opts)
            now = time.monotonic()
            if wait is not None and now + wait < deadline:
                if error.retry_after is not None:
                    self._sched.hold(host, now + wait)
                self._sched.defer(host, item, now + wait)
                return
            item.sink(self._record(item, error=error))
            return
        item.sink(await self._clean(item, page))

    async def _clean(self, item: _Item, page: Page) -> FetchRecord:
        if self._warc is not None:  # written here, on the loop's thread: one writer, no lock
            from ..warc import write_warc_exchange

            write_warc_exchange(self._warc, url=page.final_url, status=page.status, body=page.body,
                                response_headers=page.headers, request_headers=page.request_headers)
        raw_path = None
        if self.fetch_options.save_raw:
            raw_path = os.path.join(self.fetch_options.save_raw, raw_name(url_key(item.url)))
        loop = asyncio.get_running_loop()
        call = (clean_body, page.body, page.final_url, page.content_type, self.options, raw_path)
        try:
            article, kind, message = await loop.run_in_executor(self._executor, *call)
        except BrokenProcessPool:
            # A worker died (killed, out of memory) or could not start (spawn needs an
            # importable __main__): clean in a thread from now on.
            if isinstance(self._executor, ProcessPoolExecutor):
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cleannews")
            article, kind, message = await loop.run_in_executor(self._executor, *call)
        error = FetchError(kind, message or "") if kind is not None else None
        return self._record(item, page=page, error=error, article=article,
                            raw_file=raw_path if error is None or kind == "clean_error" else None)

    def _record(self, item: _Item, *, page: Page | None = None, error: FetchError | None = None,
                article: Any = None, raw_file: str | None = None) -> FetchRecord:
        started = item.started if item.started is not None else time.monotonic()
        return FetchRecord(
            url=item.url,
            final_url=page.final_url if page else (error.final_url if error else None),
            status=page.status if page else (error.status if error else None),
            error_kind=error.kind if error else None,
            error_message=error.message if error else None,
            fetched_at=utc_now(),
            elapsed_ms=round((time.monotonic() - started) * 1000),
            attempts=item.attempts,
            content_type=page.content_type if page else None,
            article=article,
            raw_file=raw_file,
        )


def _ignore_sigint() -> None:
    """Worker processes leave Ctrl-C to the parent, which stops them (no traceback spam)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


async def fetch_and_clean(url: str, *, fetch_options: FetchOptions | None = None,
                          options: Options | None = None,
                          client: httpx.AsyncClient | None = None) -> FetchRecord:
    """Fetch and clean one page; a `FetchRecord` whatever happens.

    Costs a robots.txt request per call (unless `respect_robots` is off) and, without
    `client`, a new connection pool: for many URLs use `fetch_many` or one `Fetcher`.
    """
    async with Fetcher(fetch_options=fetch_options, options=options, client=client) as fetcher:
        return await fetcher.fetch(url)


async def fetch_many(urls: Iterable[str], *, fetch_options: FetchOptions | None = None,
                     options: Options | None = None,
                     client: httpx.AsyncClient | None = None) -> AsyncIterator[FetchRecord]:
    """Fetch and clean `urls`: one `FetchRecord` per distinct URL, in completion order.

        async for record in fetch_many(urls, fetch_options=FetchOptions(concurrency=32)):
            print(record.url, record.ok, record.article and record.article.title)
    """
    async with Fetcher(fetch_options=fetch_options, options=options, client=client) as fetcher:
        async for record in fetcher.fetch_many(urls):
            yield record
