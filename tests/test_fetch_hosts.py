"""`HostScheduler`: per-host limits, delays, round robin and deferred retries (fake clock)."""

from __future__ import annotations

from cleannews.fetch._hosts import HostScheduler


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make(per_host: int = 1, delay: float = 0.0) -> tuple[HostScheduler[str], Clock]:
    clock = Clock()
    return HostScheduler(per_host=per_host, delay=delay, clock=clock), clock


def drain(sched: HostScheduler[str]) -> list[str]:
    out = []
    while (picked := sched.pick()) is not None:
        out.append(picked[1])
    return out


def test_per_host_limit_and_release():
    sched, _ = make(per_host=2)
    a, _ = sched.host("http://a")
    for i in range(5):
        sched.add(a, f"a{i}")
    assert drain(sched) == ["a0", "a1"]
    assert a.active == 2 and sched.queued == 3
    sched.release(a)
    assert drain(sched) == ["a2"]
    sched.release(a)
    sched.release(a)
    assert drain(sched) == ["a3", "a4"] and sched.queued == 0


def test_hosts_take_turns():
    sched, _ = make(per_host=10)
    a, _ = sched.host("http://a")
    b, _ = sched.host("http://b")
    for i in range(3):
        sched.add(a, f"a{i}")
    sched.add(b, "b0")
    assert drain(sched) == ["a0", "b0", "a1", "a2"]


def test_delay_between_starts_on_one_host():
    sched, clock = make(per_host=5, delay=2.0)
    a, _ = sched.host("http://a")
    b, _ = sched.host("http://b")
    for i in range(3):
        sched.add(a, f"a{i}")
    sched.add(b, "b0")
    assert drain(sched) == ["a0", "b0"]
    assert sched.wait_time() == 2.0
    clock.now += 1.9
    assert sched.pick() is None
    clock.now += 0.1
    assert drain(sched) == ["a1"]
    clock.now += 2.0
    assert drain(sched) == ["a2"] and sched.wait_time() is None


def test_blocked_host_waits_and_unblock_sets_its_delay():
    sched, clock = make(per_host=5)
    a, new = sched.host("http://a")
    assert new and sched.host("http://a") == (a, False)
    sched.block(a)
    sched.add(a, "a0")
    sched.add(a, "a1")
    assert sched.pick() is None
    sched.unblock(a, delay=3.0)  # e.g. robots.txt said Crawl-delay: 3
    assert sched.pick() is None and sched.wait_time() == 3.0
    clock.now += 3.0
    assert drain(sched) == ["a0"]
    clock.now += 3.0
    assert drain(sched) == ["a1"]


def test_deferred_item_comes_back_first_and_hold_pauses_the_host():
    sched, clock = make(per_host=1)
    a, _ = sched.host("http://a")
    sched.add(a, "a0")
    sched.add(a, "a1")
    assert drain(sched) == ["a0"]
    sched.release(a)
    sched.hold(a, clock.now + 5)  # Retry-After: 5
    sched.defer(a, "a0", clock.now + 5)
    assert sched.queued == 2
    assert sched.pick() is None and sched.wait_time() == 5.0
    clock.now += 5
    assert drain(sched) == ["a0"]  # the retry goes before a1
    sched.release(a)
    assert drain(sched) == ["a1"] and sched.queued == 0
