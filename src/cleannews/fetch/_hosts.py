"""Per-host scheduling: which queued URL may start now, under per-host limits and delays.

Pure bookkeeping, no I/O and no asyncio: the crawler asks `pick()` for work, reports
`release()` when a request to a host is over, and sleeps `wait_time()` when nothing is
ready.  Hosts take turns (round robin), so one big host never starves the others.
Every operation is O(log hosts).
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["HostScheduler", "HostState"]

T = TypeVar("T")


@dataclass(eq=False)
class HostState(Generic[T]):
    """One host: its queue, the requests open to it and when the next one may start."""

    key: str
    delay: float
    queue: deque[T] = field(default_factory=deque)
    active: int = 0
    deferred: int = 0  # items waiting in the deferred heap
    next_start: float = 0.0
    blocked: bool = False  # e.g. while its robots.txt is being fetched
    listed: bool = False  # in the ready deque or the sleeping heap
    data: object = None  # the crawler's per-host data (robots rules)


class HostScheduler(Generic[T]):
    """Queues items per host and hands them out under `per_host` and the host's delay."""

    def __init__(self, *, per_host: int, delay: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_host = per_host
        self.delay = delay
        self.clock = clock
        self.hosts: dict[str, HostState[T]] = {}
        self._ready: deque[HostState[T]] = deque()
        self._sleeping: list[tuple[float, int, HostState[T]]] = []
        self._deferred: list[tuple[float, int, HostState[T], T]] = []
        self._seq = itertools.count()
        self.queued = 0  # items waiting (deferred ones included)

    def host(self, key: str) -> tuple[HostState[T], bool]:
        """The state of host `key`, and whether it was just created."""
        state = self.hosts.get(key)
        if state is not None:
            return state, False
        state = self.hosts[key] = HostState(key=key, delay=self.delay)
        return state, True

    def add(self, host: HostState[T], item: T, *, front: bool = False) -> None:
        """Queue `item` for `host` (at the front for an item that was already started)."""
        if front:
            host.queue.appendleft(item)
        else:
            host.queue.append(item)
        self.queued += 1
        self._relist(host)

    def defer(self, host: HostState[T], item: T, not_before: float) -> None:
        """Queue `item` again, at the front of its host, once the clock reaches `not_before`."""
        self.queued += 1
        host.deferred += 1
        heapq.heappush(self._deferred, (not_before, next(self._seq), host, item))

    def hold(self, host: HostState[T], until: float) -> None:
        """Start nothing on `host` before `until` (a Retry-After, a Crawl-delay)."""
        host.next_start = max(host.next_start, until)

    def block(self, host: HostState[T]) -> None:
        host.blocked = True

    def unblock(self, host: HostState[T], *, delay: float | None = None) -> None:
        """Let `host` run again; `delay` (if given) replaces its delay between requests."""
        host.blocked = False
        if delay is not None:
            host.delay = delay
            self.hold(host, self.clock() + delay)
        self._relist(host)

    def release(self, host: HostState[T]) -> None:
        """A request to `host` is over: its slot is free."""
        host.active -= 1
        self._relist(host)

    def pick(self) -> tuple[HostState[T], T] | None:
        """The next item allowed to start now, its host slot taken; None when none is."""
        now = self.clock()
        while self._deferred and self._deferred[0][0] <= now:
            _, _, host, item = heapq.heappop(self._deferred)
            self.queued -= 1
            host.deferred -= 1
            self.add(host, item, front=True)
        while self._sleeping and self._sleeping[0][0] <= now:
            host = heapq.heappop(self._sleeping)[2]
            host.listed = False
            self._relist(host)
        while self._ready:
            host = self._ready.popleft()
            host.listed = False
            if not self._can_start(host) or host.next_start > now:
                self._relist(host)  # to the sleeping heap, or dropped until released
                continue
            item = host.queue.popleft()
            self.queued -= 1
            host.active += 1
            host.next_start = now + host.delay
            self._relist(host)
            return host, item
        return None

    def idle(self, host: HostState[T]) -> bool:
        """Nothing open, queued or deferred for `host`."""
        return host.active == 0 and not host.queue and host.deferred == 0

    def wait_time(self) -> float | None:
        """Seconds until a waiting host or deferred item becomes ready; None if none waits."""
        times = [heap[0][0] for heap in (self._sleeping, self._deferred) if heap]
        if not times:
            return None
        return max(0.0, min(times) - self.clock())

    def _can_start(self, host: HostState[T]) -> bool:
        return bool(host.queue) and not host.blocked and host.active < self.per_host

    def _relist(self, host: HostState[T]) -> None:
        if host.listed or not self._can_start(host):
            return
        host.listed = True
        if host.next_start <= self.clock():
            self._ready.append(host)
        else:
            heapq.heappush(self._sleeping, (host.next_start, next(self._seq), host))
