#!/usr/bin/env python
"""Fetch benchmark (issue 4 §4): `cleannews fetch` and `trafilatura -i` on one URL file.

A local server (loopback only, its own process) serves N news pages on H ports of
127.0.0.1 (each port is a host for both tools' per-host rules), about 3% of them failing
(404, 500, connection closed without an answer, image/png).  Then, in the same run:

1. ``cleannews fetch urls.txt -o out.jsonl --concurrency 64`` (defaults otherwise:
   per-host 2, robots.txt read, retries 3, one cleaning process per core);
2. the same with ``--per-host 1`` (trafilatura's one-request-per-host politeness);
3. ``trafilatura -i urls.txt -o DIR --parallel 64`` with a config file that sets
   ``SLEEP_TIME`` (default here 0; its own default is 5 s between two requests to a
   host) and ``SSRF_PROTECTION = off`` (else it refuses 127.0.0.1).

Each run is timed (wall clock) and its process tree's RSS sampled every 0.1 s (sum of
VmRSS over the tree: worker processes included, shared pages counted in each).  The
cleannews output is checked: every URL exactly once, errors by kind as planned.
The report (Markdown) goes to ``benchmarks/FETCH.md`` (``--out``) and stdout.

    python benchmarks/fetch_bench.py                       # 2,000 URLs, ~2-3 minutes
    python benchmarks/fetch_bench.py --urls 300 --out -    # a quick look

Pages come from ``../shared/eval/dev/*.jsonl.gz`` at run time (never copied into the
repo), or are synthetic with ``--synthetic`` (or when the eval folder is missing).
The server stops by itself after ``--max-seconds`` or when this script ends.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAIL_KINDS = ("404", "500", "reset", "png")  # planned failures, in turn
EXPECTED_KIND = {"404": "http_error", "500": "http_error", "reset": "network_error", "png": "not_html"}


# --------------------------------------------------------------------------- the plan


def fail_plan(n: int, rate: float, seed: int = 4) -> dict[int, str]:
    """Page index -> planned failure, for round(n * rate) pages chosen at random."""
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(n), round(n * rate)))
    return {i: FAIL_KINDS[k % len(FAIL_KINDS)] for k, i in enumerate(chosen)}


def url_of(i: int, ports: list[int], folder: str = "news") -> str:
    """URL i: /news/ follows the failure plan, /ok/ serves the same page and never fails."""
    return f"http://127.0.0.1:{ports[i % len(ports)]}/{folder}/{i}.html"


# --------------------------------------------------------------------------- the server


def load_pages(n: int, eval_dir: str | None) -> list[bytes]:
    """n pages as UTF-8 bytes: round robin over the eval sets, else synthetic."""
    files = sorted(glob.glob(os.path.join(eval_dir, "*.jsonl.gz"))) if eval_dir else []
    if not files:
        return [synthetic_page(i) for i in range(n)]
    per_set = -(-n // len(files))
    pools: list[list[bytes]] = []
    for path in files:
        pool = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                html = json.loads(line).get("html")
                if html:
                    pool.append(html.encode("utf-8", "replace"))
                if len(pool) >= per_set:
                    break
        pools.append(pool)
    pages: list[bytes] = []
    for k in range(per_set):
        pages.extend(pool[k] for pool in pools if k < len(pool))
    while len(pages) < n:
        pages.append(synthetic_page(len(pages)))
    return pages[:n]


def synthetic_page(i: int) -> bytes:
    rng = random.Random(i)
    words = ("harbour storm ferry council budget school river market station bridge "
             "minister report season players museum rain festival").split()
    paras = "".join("<p>" + " ".join(rng.choice(words) for _ in range(rng.randint(30, 80))) + ".</p>"
                    for _ in range(rng.randint(4, 12)))
    nav = "".join(f'<li><a href="/s/{k}">Section {k}</a></li>' for k in range(30))
    related = "".join(f'<li><a href="/news/{k}.html">Related story {k}</a></li>' for k in range(15))
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Story {i} | Example"
            f"</title></head><body><header><nav><ul>{nav}</ul></nav></header><main><article>"
            f"<h1>Story {i}</h1>{paras}</article><aside><h2>Related</h2><ul>{related}</ul></aside>"
            f"</main><footer>© Example News</footer></body></html>").encode()


def serve(args: argparse.Namespace) -> None:
    """The server process: H listening ports, keep-alive HTTP/1.1, stops by itself."""
    pages = load_pages(args.urls, None if args.synthetic else args.eval_dir)
    gz = [gzip.compress(p, 6) for p in pages]
    plan = fail_plan(args.urls, args.fail_rate)
    robots = b"User-agent: *\nAllow: /\n"
    served = Counter()

    def response(status: str, ctype: str, body: bytes, extra: str = "") -> bytes:
        return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                f"{extra}\r\n").encode() + body

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                served["requests"] += 1
                if served["requests"] > args.max_requests:
                    break
                line, *headers = head.decode("latin-1").split("\r\n")
                path = line.split(" ")[1] if line.count(" ") >= 2 else "/"
                gzip_ok = any(h.lower().startswith("accept-encoding:") and "gzip" in h.lower()
                              for h in headers)
                if path == "/robots.txt":
                    writer.write(response("200 OK", "text/plain", robots))
                elif path.startswith(("/news/", "/ok/")) and path.endswith(".html"):
                    i = int(path[path.index("/", 1) + 1:-5])
                    kind = plan.get(i) if path.startswith("/news/") else None  # /ok/ never fails
                    if kind == "reset":
                        break  # close without an answer
                    if kind == "404":
                        writer.write(response("404 Not Found", "text/html", b"<h1>not found</h1>"))
                    elif kind == "500":
                        writer.write(response("500 Internal Server Error", "text/html", b"<h1>oops</h1>"))
                    elif kind == "png":
                        writer.write(response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 2000))
                    elif gzip_ok:
                        writer.write(response("200 OK", "text/html; charset=utf-8", gz[i],
                                              "Content-Encoding: gzip\r\n"))
                    else:
                        writer.write(response("200 OK", "text/html; charset=utf-8", pages[i]))
                else:
                    writer.write(response("404 Not Found", "text/plain", b"no"))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, ValueError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, "127.0.0.1", 0) for _ in range(args.hosts)]
        ports = [s.sockets[0].getsockname()[1] for s in servers]
        print(json.dumps({"ports": ports}), flush=True)
        loop = asyncio.get_running_loop()
        stop = loop.create_future()
        # stop when the parent closes our stdin (or dies), or after max_seconds
        threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(
            lambda: stop.done() or stop.set_result(None))), daemon=True).start()
        try:
            await asyncio.wait_for(stop, args.max_seconds)
        except asyncio.TimeoutError:
            print("server: max seconds reached, stopping", file=sys.stderr)
        for s in servers:
            s.close()

    asyncio.run(main())


# --------------------------------------------------------------------------- measuring


def tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum of VmRSS over `root` and its descendants, VmRSS of `root`) in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, own, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        kb = int(line.split()[1])
                        total += kb
                        own = kb if pid == root else own
        except OSError:
            pass
    return total, own


def run_measured(cmd: list[str], cwd: Path, progress: callable, log: Path) -> dict:
    """Run `cmd`, sampling its tree's RSS and `progress()` every 0.1 s."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                stdin=subprocess.DEVNULL)
        samples = []  # (seconds, done, tree_kb, own_kb)
        while proc.poll() is None:
            tree, own = tree_rss_kb(proc.pid)
            samples.append((time.perf_counter() - start, progress(), tree, own))
            time.sleep(0.1)
    seconds = time.perf_counter() - start
    return {"cmd": cmd, "seconds": seconds, "load": load, "returncode": proc.returncode, "samples": samples,
            "peak_tree_mb": max((s[2] for s in samples), default=0) / 1024,
            "peak_main_mb": max((s[3] for s in samples), default=0) / 1024}


def rss_curve(samples: list, total: int, column: int = 2) -> str:
    """RSS (MB; column 2 the tree, 3 the main process) when 10%, 25%, 50%, 75% and 90%
    of the pages were done."""
    points = []
    for share in (0.10, 0.25, 0.50, 0.75, 0.90):
        hit = next((s for s in samples if s[1] >= share * total), None)
        points.append(f"{hit[column] / 1024:.0f}" if hit else "–")
    return " / ".join(points)


def count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder)) if folder.exists() else 0


# --------------------------------------------------------------------------- main


def trafilatura_config(path: Path, sleep: float) -> None:
    import trafilatura
    base = Path(trafilatura.__file__).with_name("settings.cfg").read_text(encoding="utf-8")
    out = []
    for line in base.splitlines():
        key = line.split("=")[0].strip()
        if key == "SLEEP_TIME":
            line = f"SLEEP_TIME = {sleep}"
        elif key == "SSRF_PROTECTION":
            line = "SSRF_PROTECTION = off"
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def check_cleannews(out: Path, urls: list[str], plan: dict[int, str]) -> dict:
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    got = Counter(r["url"] for r in records)
    want = {u: plan.get(i) for i, u in enumerate(urls)}
    wrong_kind = [r["url"] for r in records
                  if (want.get(r["url"]) is None) != r["ok"]
                  or (not r["ok"] and want.get(r["url"]) and r["error"]["kind"] != EXPECTED_KIND[want[r["url"]]])]
    return {
        "records": len(records),
        "distinct": len(got),
        "missing": len(set(urls) - set(got)),
        "duplicated": sum(1 for n in got.values() if n > 1),
        "ok": sum(r["ok"] for r in records),
        "articles": sum(bool(r["ok"] and r["is_article"]) for r in records),
        "errors": Counter(r["error"]["kind"] for r in records if not r["ok"]),
        "unexpected": len(wrong_kind),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--urls", type=int, default=2000)
    ap.add_argument("--hosts", type=int, default=32, help="ports on 127.0.0.1, one 'host' each")
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--fail-rate", type=float, default=0.03)
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--synthetic", action="store_true", help="synthetic pages, not the eval sets")
    ap.add_argument("--traf-sleep", type=float, default=0.0, help="trafilatura SLEEP_TIME (its default: 5)")
    ap.add_argument("--tools", default="cleannews,cleannews-per-host-1,trafilatura")
    ap.add_argument("--without-failures", action="store_true",
                    help="also run cleannews and trafilatura on a list where no URL fails")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "FETCH.md"), help="report file, - for none")
    ap.add_argument("--keep", metavar="DIR", help="keep outputs in DIR (default: a temp dir, removed)")
    ap.add_argument("--max-seconds", type=float, default=1800, help="the server stops after this")
    ap.add_argument("--max-requests", type=int, default=100_000, help="the server stops answering after this")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args)
        return 0

    work = Path(args.keep or tempfile.mkdtemp(prefix="fetch-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    server_cmd = [sys.executable, __file__, "--serve", "--urls", str(args.urls), "--hosts", str(args.hosts),
                  "--fail-rate", str(args.fail_rate), "--eval-dir", args.eval_dir,
                  "--max-seconds", str(args.max_seconds), "--max-requests", str(args.max_requests)]
    if args.synthetic:
        server_cmd.append("--synthetic")
    t0 = time.perf_counter()
    server = subprocess.Popen(server_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ports = json.loads(server.stdout.readline())["ports"]
        print(f"server ready in {time.perf_counter() - t0:.1f} s on {len(ports)} ports", file=sys.stderr)
        urls = [url_of(i, ports) for i in range(args.urls)]
        plan = fail_plan(args.urls, args.fail_rate)
        (work / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
        ok_urls = [url_of(i, ports, "ok") for i in range(args.urls)]
        (work / "urls-ok.txt").write_text("\n".join(ok_urls) + "\n", encoding="utf-8")
        runs = [(t.strip(), "urls.txt") for t in args.tools.split(",") if t.strip()]
        if args.without_failures:
            runs += [(t, "urls-ok.txt") for t in ("cleannews", "trafilatura")]
        results = {}
        for tool, listed in runs:
            label = tool if listed == "urls.txt" else f"{tool}, no failures"
            stem = label.replace(", ", "-").replace(" ", "-")
            print(f"running {label} ...", file=sys.stderr)
            if tool.startswith("cleannews"):
                out = work / f"{stem}.jsonl"
                cmd = [sys.executable, "-m", "cleannews.cli", "fetch", listed, "-o", out.name,
                       "--overwrite", "--concurrency", str(args.concurrency)]
                if tool == "cleannews-per-host-1":
                    cmd += ["--per-host", "1"]
                res = run_measured(cmd, work, lambda out=out: count_lines(out), work / f"{stem}.err")
                res["check"] = check_cleannews(out, urls if listed == "urls.txt" else ok_urls,
                                               plan if listed == "urls.txt" else {})
                res["done"] = res["check"]["records"]
            else:
                outdir = work / f"{stem}-out"
                shutil.rmtree(outdir, ignore_errors=True)
                trafilatura_config(work / "trafilatura.cfg", args.traf_sleep)
                exe = shutil.which("trafilatura") or "trafilatura"
                cmd = [exe, "-i", listed, "-o", outdir.name, "--parallel", str(args.concurrency),
                       "--config-file", "trafilatura.cfg"]
                res = run_measured(cmd, work, lambda outdir=outdir: count_files(outdir), work / f"{stem}.err")
                res["done"] = count_files(outdir)
            res["pages_per_s"] = args.urls / res["seconds"]
            res["failing_list"] = listed == "urls.txt"
            results[label] = res
            print(f"  {res['seconds']:.1f} s, {res['pages_per_s']:.1f} URLs/s, peak RSS "
                  f"{res['peak_tree_mb']:.0f} MB, {res['done']} outputs", file=sys.stderr)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    report = render(args, results, work)
    print(report)
    if args.out != "-":
        Path(args.out).write_text(report, encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def render(args: argparse.Namespace, results: dict, work: Path) -> str:
    import cleannews
    try:
        import trafilatura
        traf_version = trafilatura.__version__
    except ImportError:
        traf_version = "not installed"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "?"
    source = "synthetic pages" if args.synthetic else "pages of the shared eval sets (round robin over the sets)"
    lines = [
        "# Fetch benchmark",
        "",
        f"`benchmarks/fetch_bench.py` at {commit}: {args.urls} URLs on a local server (127.0.0.1, "
        f"{args.hosts} ports = {args.hosts} hosts, keep-alive, gzip), {source}; "
        f"{args.fail_rate:.0%} of the URLs fail on purpose (404, 500, connection closed without an "
        f"answer, image/png, in turn). Concurrency {args.concurrency}. Machine: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; the server runs in its own process on the same cores. "
        f"cleannews {cleannews.__version__}, trafilatura {traf_version}.",
        "",
        "| run | wall s | URLs/s | × trafilatura | peak RSS MB (tree / main) | tree RSS MB at 10/25/50/75/90 % "
        "| main RSS MB at 10/25/50/75/90 % | outputs | load before |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    traf = results.get("trafilatura")
    for tool, res in results.items():
        ref = traf if res["failing_list"] else results.get("trafilatura, no failures")
        ratio = f"{res['pages_per_s'] / ref['pages_per_s']:.1f}" if ref else "–"
        lines.append(f"| {tool} | {res['seconds']:.1f} | {res['pages_per_s']:.1f} | {ratio} | "
                     f"{res['peak_tree_mb']:.0f} / {res['peak_main_mb']:.0f} | "
                     f"{rss_curve(res['samples'], args.urls)} | {rss_curve(res['samples'], args.urls, 3)} | "
                     f"{res['done']} | {res['load']:.1f} |")
    lines.append("")
    for tool, res in results.items():
        check = res.get("check")
        if check:
            errs = ", ".join(f"{k} {n}" for k, n in check["errors"].most_common())
            lines.append(f"- {tool}: {check['records']} records for {check['distinct']} distinct URLs "
                         f"(missing {check['missing']}, duplicated {check['duplicated']}); "
                         f"{check['ok']} ok ({check['articles']} articles); errors: {errs}; "
                         f"records whose outcome differs from the plan: {check['unexpected']}; "
                         f"exit status {res['returncode']}.")
    for tool, res in results.items():
        if tool.startswith("trafilatura"):
            lines.append(f"- {tool}: {res['done']} text files written (it writes nothing for a failed "
                         f"or empty page), exit status {res['returncode']}.")
    lines += [
        "",
        "How each tool ran:",
        f"- `cleannews fetch urls.txt -o out.jsonl --concurrency {args.concurrency}`: defaults otherwise "
        "(per-host 2, robots.txt fetched once per host, retries 3 with backoff 0.5 s, "
        f"`--workers` {os.cpu_count()} cleaning processes), writing every record (text + metadata) as JSONL. "
        "`cleannews-per-host-1` adds `--per-host 1`, trafilatura's one request at a time per host.",
        f"- `trafilatura -i urls.txt -o DIR --parallel {args.concurrency} --config-file trafilatura.cfg`: "
        f"its defaults (txt output, no metadata) except `SLEEP_TIME = {args.traf_sleep:g}` and "
        "`SSRF_PROTECTION = off` (it refuses loopback addresses otherwise). Its list mode takes one URL "
        "per host per round and waits `SLEEP_TIME` between two requests to one host (default 5 s: "
        f"{args.urls} URLs on {args.hosts} hosts would take at least "
        f"{args.urls / args.hosts * 5:.0f} s); downloads run in threads, extraction in the main thread. "
        "It does not read robots.txt.",
        "- Neither tool waits between requests to a host here (cleannews `--delay` 0, no Crawl-delay).",
        "- \"no failures\" rows (`--without-failures`): the same pages under /ok/ URLs that never fail; "
        "their ratio is against trafilatura on that list. On the failing list trafilatura's rounds (one "
        "URL per host, 32 at a time) each wait for their slowest download, urllib3's retries with "
        "backoff on the 500s and dropped connections included; cleannews retries a URL without holding "
        "up the others.",
        "- load before = the 1-minute load average when the run started (other work on the machine "
        "slows every run; the runs are back to back in one process).",
        "- URLs/s = all URLs (failures included) / wall time, process start to exit. RSS: VmRSS summed over "
        "the process tree (cleannews' worker processes included, shared pages counted once per process), "
        "sampled every 0.1 s.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
