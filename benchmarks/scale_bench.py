"""Scale benchmark (issue 5): pages/s on one core and on all cores, for cleannews and for
trafilatura driven by the same worker pool, peak memory, the Dask LocalCluster rate, and
memory over a 50,000-page run.  Writes its section to benchmarks/SCALE.md.

The input is a WARC built at run time from the eval pages (../shared/eval/dev/*.jsonl.gz)
in a temporary folder (never committed): every page as a request + 200 text/html response,
split into several files so that Dask has partitions.  Every run reads the WARC files in
this process and cleans in worker processes (`cleannews.pool.imap_isolated`), exactly as
``cleannews warc --workers N`` does; trafilatura runs as ``trafilatura.extract(body)`` in
the same pool.  It is a benchmark, not a test: it never fails on bad numbers.

    pip install -e '.[bench,dask]'
    python benchmarks/scale_bench.py                    # everything (~25 min on 2 cores)
    python benchmarks/scale_bench.py --limit 300 --memory-pages 3000 --out -   # a quick look
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from cleannews.options import Options
from cleannews.pool import default_workers, imap_isolated
from cleannews.warc import WarcPage, WarcWriter, iter_warc_pages, write_warc_exchange
from cleannews.warc_run import warc_line

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


# --------------------------------------------------------------------------- input

def build_warcs(eval_dir: Path, folder: Path, *, files: int, limit: int | None) -> tuple[list[str], int]:
    """Write the eval pages into `files` WARC files; returns their paths and the page count."""
    paths = [str(folder / f"eval-{i:02d}.warc.gz") for i in range(files)]
    writers = [WarcWriter(p) for p in paths]
    n = 0
    for set_file in sorted(eval_dir.glob("*.jsonl.gz")):
        with gzip.open(set_file, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= limit:
                    break
                page = json.loads(line)
                url = page.get("url") or ""
                if not url.startswith(("http://", "https://")):
                    url = f"https://eval.invalid/{set_file.name.split('.')[0]}/{page['id']}"
                write_warc_exchange(writers[n % files], url=url, status=200, body=page["html"].encode("utf-8"),
                                    response_headers=[("Content-Type", "text/html; charset=utf-8")])
                n += 1
    for writer in writers:
        writer.close()
    return paths, n


# --------------------------------------------------------------------------- tasks (run in workers)

def trafilatura_task(page: WarcPage) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(page.body) or ""
    return json.dumps({"url": page.url, "text": text}, ensure_ascii=False), None


def _failed(page: WarcPage, kind: str, message: str) -> tuple[str, str | None]:
    return json.dumps({"url": page.url, "error": kind}), kind


# --------------------------------------------------------------------------- measuring

class TreeRss:
    """Samples the resident memory of this process and its children every `every` seconds."""

    def __init__(self, every: float = 0.2) -> None:
        self.every = every
        self.peak_total = self.peak_parent = self.peak_worker = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> tuple[int, int]:
        """(this process, this process + children) RSS in bytes, now."""
        me = psutil.Process()
        parent = me.memory_info().rss
        total = parent
        for child in me.children(recursive=True):
            try:
                rss = child.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            self.peak_worker = max(self.peak_worker, rss)
        self.peak_parent = max(self.peak_parent, parent)
        self.peak_total = max(self.peak_total, total)
        return parent, total

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()


def run_pool(task: Callable[[WarcPage], tuple[str, str | None]], paths: list[str], workers: int,
             *, checkpoints: int = 0, rss: TreeRss | None = None) -> dict[str, Any]:
    """Clean every page of `paths` in `workers` processes; rate, failures, RSS trend."""
    pages = (p for p in iter_warc_pages(paths) if isinstance(p, WarcPage))
    trend: list[tuple[int, float, float]] = []
    n = failed = 0
    load_before, cpu_before = os.getloadavg()[0], _cpu_seconds()
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for line, kind in imap_isolated(task, pages, on_failure=_failed, workers=workers, timeout=60.0):
            sink.write(line + "\n")
            n += 1
            failed += kind is not None
            if checkpoints and rss is not None and n % checkpoints == 0:
                parent, total = rss.sample()
                trend.append((n, parent / 2**20, total / 2**20))
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before  # workers are joined by now, so their CPU time counts
    return {"pages": n, "failed": failed, "seconds": seconds, "rate": n / seconds, "trend": trend,
            "cpu_ms": 1000 * cpu / max(1, n), "load": max(load_before, os.getloadavg()[0])}


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(label: str, task: Callable[[WarcPage], tuple[str, str | None]], paths: list[str],
            workers: int) -> dict[str, Any]:
    with TreeRss() as rss:
        result = run_pool(task, paths, workers)
    result.update(label=label, workers=workers, peak_total=rss.peak_total / 2**20,
                  peak_worker=rss.peak_worker / 2**20, peak_parent=rss.peak_parent / 2**20)
    print(f"{label:12s} workers={workers}: {result['pages']} pages in {result['seconds']:.1f} s = "
          f"{result['rate']:.1f} pages/s; {result['cpu_ms']:.1f} CPU ms/page; load {result['load']:.1f}; "
          f"peak RSS {result['peak_total']:.0f} MB", file=sys.stderr, flush=True)
    return result


def measure_dask(paths: list[str], workers: int) -> dict[str, Any]:
    from dask.distributed import Client, LocalCluster

    from cleannews.dask import records_bag

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster):
        started = time.perf_counter()
        n = records_bag(paths).count().compute()
        seconds = time.perf_counter() - started
    print(f"dask         workers={workers}: {n} pages in {seconds:.1f} s = {n / seconds:.1f} pages/s",
          file=sys.stderr, flush=True)
    return {"pages": n, "seconds": seconds, "rate": n / seconds, "workers": workers}


def memory_run(paths: list[str], workers: int, pages: int, per_pass: int) -> dict[str, Any]:
    """The WARC files read again and again until `pages` pages went through the pool."""
    repeat = max(1, -(-pages // max(1, per_pass)))
    task = functools.partial(warc_line, options=Options())
    with TreeRss() as rss:
        result = run_pool(task, paths * repeat, workers, checkpoints=max(1, pages // 10), rss=rss)
    result.update(peak_total=rss.peak_total / 2**20, peak_worker=rss.peak_worker / 2**20,
                  peak_parent=rss.peak_parent / 2**20)
    print(f"memory run: {result['pages']} pages, trend {result['trend']}", file=sys.stderr, flush=True)
    return result


# --------------------------------------------------------------------------- report

def report(results: dict[str, Any], args: argparse.Namespace, n_pages: int, cores: int) -> str:
    def row(name: str) -> dict[str, Any]:
        return results[name]

    c1, cn, t1, tn = row("cleannews-1"), row("cleannews-n"), row("trafilatura-1"), row("trafilatura-n")
    speedup_c, speedup_t = cn["rate"] / c1["rate"], tn["rate"] / t1["rate"]
    lines = [
        "## Scale: WARC input, worker processes, Dask (issue 5)",
        "",
        f"From `python benchmarks/scale_bench.py` at {_commit()} on {time.strftime('%Y-%m-%d')}: "
        f"{cores} cores, Python {platform.python_version()}, {_versions()}.  Input: a WARC built at run time "
        f"from the eval pages ({n_pages} pages in {args.files} .warc.gz files, request + response records). "
        "Every rate is wall-clock for the whole run: reading the WARC in the parent process, cleaning in "
        "worker processes (`cleannews.pool`, as `cleannews warc --workers N`), records serialized to JSON.",
        "",
        "| extractor | pages/s, 1 worker | pages/s, " + f"{cores} workers | speed-up | target |",
        "|---|---:|---:|---:|---|",
        f"| cleannews | {c1['rate']:.1f} | {cn['rate']:.1f} | {speedup_c:.2f}x | >= {0.8 * cores:.1f}x |",
        f"| trafilatura `extract(html)`, same pool | {t1['rate']:.1f} | {tn['rate']:.1f} | {speedup_t:.2f}x | |",
        f"| cleannews / trafilatura | {c1['rate'] / t1['rate']:.2f}x | {cn['rate'] / tn['rate']:.2f}x | | >= 3x |",
        "",
        "trafilatura gets the same body bytes (`trafilatura.extract(body)`: it decodes them itself, as "
        "cleannews does from the bytes and the Content-Type header).  "
        f"Failed pages (timeouts, crashes, clean errors): cleannews {cn['failed']}, trafilatura {tn['failed']}.",
        "",
        "CPU time per page (parent + workers; does not depend on other load on the machine): cleannews "
        f"{c1['cpu_ms']:.1f} ms with 1 worker, {cn['cpu_ms']:.1f} ms with {cores}; trafilatura {t1['cpu_ms']:.1f} ms "
        f"and {tn['cpu_ms']:.1f} ms.  The machine is shared: its 1-minute load average reached "
        f"{max(r['load'] for r in (c1, cn, t1, tn)):.1f} during these runs, and a load above {cores} takes "
        "cores away from the workers, which shows in the wall-clock rates and the speed-up.  On free cores the "
        f"speed-up would be about {cores} x (CPU ms/page with 1 worker) / (CPU ms/page with {cores}): "
        f"{cores * c1['cpu_ms'] / cn['cpu_ms']:.2f}x for cleannews, {cores * t1['cpu_ms'] / tn['cpu_ms']:.2f}x for "
        "trafilatura (an upper bound: it assumes the parent process never holds the workers up).",
        "",
        f"Peak memory (RSS, sampled every 0.2 s), {cores} workers: cleannews {cn['peak_total']:.0f} MB in all "
        f"(parent {cn['peak_parent']:.0f} MB, largest worker {cn['peak_worker']:.0f} MB); trafilatura "
        f"{tn['peak_total']:.0f} MB in all (largest worker {tn['peak_worker']:.0f} MB).",
        "",
    ]
    dask_row = results.get("dask")
    if dask_row:
        lines += [f"Dask LocalCluster ({dask_row['workers']} worker processes, 1 thread each, "
                  f"`cleannews.dask.records_bag`, one partition per WARC file): {dask_row['rate']:.1f} pages/s "
                  f"({dask_row['rate'] / cn['rate']:.2f}x the local pool).", ""]
    mem = results.get("memory")
    if mem:
        lines += [f"Memory over {mem['pages']:,} pages (the WARC files read {mem['pages'] // max(1, n_pages)} times, "
                  f"{cores} workers, {mem['rate']:.1f} pages/s): RSS at intervals, MB", "",
                  "| pages | parent | parent + workers |", "|---:|---:|---:|"]
        lines += [f"| {n:,} | {parent:.0f} | {total:.0f} |" for n, parent, total in mem["trend"]]
        lines += ["", f"Peak over the run: {mem['peak_total']:.0f} MB in all, parent {mem['peak_parent']:.0f} MB.", ""]
    return "\n".join(lines)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(unknown commit)"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("trafilatura", "fastwarc", "dask"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            pass
    return ", ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    parser.add_argument("--limit", type=int, help="first N pages of every eval set (default: all)")
    parser.add_argument("--files", type=int, default=8, help="WARC files to split the pages into (default: 8)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="'all cores' (default: the cores)")
    parser.add_argument("--memory-pages", type=int, default=50_000, help="pages of the memory run (0: skip)")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--out", default=str(HERE / "SCALE.md"), help="report file (- for stdout only)")
    args = parser.parse_args()
    cores = args.workers
    with tempfile.TemporaryDirectory(prefix="cleannews-scale-") as tmp:
        paths, n_pages = build_warcs(args.eval_dir, Path(tmp), files=args.files, limit=args.limit)
        print(f"built {len(paths)} WARC files with {n_pages} pages", file=sys.stderr, flush=True)
        clean_task = functools.partial(warc_line, options=Options())
        results: dict[str, Any] = {
            "cleannews-1": measure("cleannews", clean_task, paths, 1),
            "cleannews-n": measure("cleannews", clean_task, paths, cores),
            "trafilatura-1": measure("trafilatura", trafilatura_task, paths, 1),
            "trafilatura-n": measure("trafilatura", trafilatura_task, paths, cores),
        }
        if not args.no_dask:
            results["dask"] = measure_dask(paths, cores)
        if args.memory_pages:
            results["memory"] = memory_run(paths, cores, args.memory_pages, n_pages)
    text = report(results, args, n_pages, cores)
    print(text)
    if args.out != "-":
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
