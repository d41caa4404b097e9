#!/usr/bin/env python3
"""Side-by-side benchmark: cleannews vs trafilatura vs readability-lxml on the shared eval sets.

Not a test.  Every page is extracted by every selected tool in the same process, one page at a
time (page 1 with all tools, then page 2, ...; the tool order rotates per page), so machine noise
hits all tools alike.  Only the extraction call is timed (``time.perf_counter``), not the loading.
Quality is scored with the eval's own ``score.py`` (imported from the eval dir, never copied).

    python benchmarks/run.py                                  # all sets, all tools -> BENCHMARKS.md
    python benchmarks/run.py --limit 20 --out benchmarks/out/quick.md
    python benchmarks/run.py --sets ja-news --save-preds benchmarks/out/preds --worst 5

See benchmarks/README.md for what every metric means.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime
import gzip
import importlib.util
import json
import logging
import os
import platform
import re
import resource
import shlex
import signal
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval" / "dev"
ALL_TOOLS = ("cleannews", "trafilatura", "readability")
TOOL_LABEL = {"cleannews": "cleannews", "trafilatura": "trafilatura", "readability": "readability-lxml"}
REF = "trafilatura"  # speed ratios are tool_total / trafilatura_total
SET_ORDER = ("readability", "trafilatura-snippets", "cleaneval", "l3s-gn1", "daniel",
             "wcxb-dev", "wcxb-dev-listings", "ja-news")
BREAKDOWN_SETS = {"daniel": "lang"}  # per-group bag F1 table (daniel: zh subset & co.)

# The issue's targets, checked against cleannews: (set, metric, op, value).
TARGETS = [
    ("readability", "f1", ">=", 0.97),
    ("trafilatura-snippets", "snip_f1", ">=", 0.94),
    ("trafilatura-snippets", "leak", "<=", 0.06),
    ("cleaneval", "f1", ">=", 0.90),
    ("l3s-gn1", "f1", ">=", 0.93),
    ("daniel", "f1", ">=", 0.91),
    ("wcxb-dev", "f1", ">=", 0.95),
    ("wcxb-dev", "leak", "<=", 0.03),
    ("wcxb-dev-listings", "rejected", ">=", 0.80),
    ("ja-news", "f1", ">=", 0.95),
    ("ja-news", "leak", "<=", 0.01),
    ("*", "time_ratio", "<=", 1 / 3),
]
# trafilatura 2.3.1 as measured in /work/shared/eval/README.md: a sanity check of this harness.
README_TRAFILATURA = {
    ("readability", "f1"): 0.938, ("trafilatura-snippets", "snip_f1"): 0.926,
    ("cleaneval", "f1"): 0.877, ("l3s-gn1", "f1"): 0.899, ("daniel", "f1"): 0.855,
    ("wcxb-dev", "f1"): 0.933, ("wcxb-dev", "leak"): 0.052, ("wcxb-dev-listings", "rejected"): 0.0,
    ("ja-news", "f1"): 0.899,
}
METRIC_LABEL = {"f1": "bag F1", "snip_f1": "snippet F1", "leak": "leak", "rejected": "rejected",
                "time_ratio": "total time / trafilatura"}


# ============================================================================ scorer import

def load_scorer(eval_dir: Path, explicit: str | None):
    cands = [Path(explicit)] if explicit else [eval_dir / "score.py", eval_dir.parent / "score.py"]
    for p in cands:
        if p.is_file():
            spec = importlib.util.spec_from_file_location("eval_score", p)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            for fn in ("score", "snippet_counts", "snippet_metrics", "tokenize"):
                if not hasattr(mod, fn):
                    sys.exit(f"{p}: missing function {fn}()")
            return mod, p
    sys.exit("score.py not found (looked at: {}); pass --score-py".format(", ".join(map(str, cands))))


# ============================================================================ tools (run in the worker)

_BLOCK = frozenset("""p div h1 h2 h3 h4 h5 h6 li tr br blockquote pre td th ul ol dl dt dd table
    thead tbody tfoot caption section article header footer aside nav main figure figcaption
    hr address form fieldset details summary body html""".split())
_SKIP = frozenset(("script", "style", "noscript", "template", "head"))


def _html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one block per line (used for readability-lxml)."""
    import lxml.etree
    import lxml.html
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except lxml.etree.ParserError:  # "Document is empty"
        return ""
    out: list[str] = []
    stack = [(root, False)]
    while stack:  # iterative walk: deep nesting must not hit the recursion limit
        el, closing = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                out.append("\n")
            if el.tail and el is not root:
                out.append(el.tail)
            continue
        if not tag or tag in _SKIP:  # comment / processing instruction / invisible element
            if el.tail and el is not root:
                out.append(el.tail)
            continue
        if tag in _BLOCK:
            out.append("\n")
        if el.text:
            out.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (" ".join(ln.split()) for ln in "".join(out).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _run_cleannews(html, url):
    """(body text, metadata): the metadata comes with the same timed `clean()` call."""
    import cleannews
    art = cleannews.clean(html, url=url)
    meta = {"title": art.title, "authors": list(art.authors), "site": art.site_name,
            "date": art.published.isoformat() if art.published else None}
    return ((art.text or "") if art.is_article else ""), meta


def _run_trafilatura(html, url):
    import trafilatura
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def _run_readability(html, url):
    from readability import Document
    return _html_to_text(Document(html).summary())


def _meta_trafilatura(html, url):
    """trafilatura's metadata (`bare_extraction(..., with_metadata=True)`); untimed, only on
    pages with metadata gold, so that its body timing stays the one of `extract()`."""
    import trafilatura
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "authors": authors, "site": doc.sitename, "date": doc.date}


RUNNERS = {"cleannews": _run_cleannews, "trafilatura": _run_trafilatura, "readability": _run_readability}
# Metadata of tools whose body runner does not return it (called outside the timed region).
META_RUNNERS = {"trafilatura": _meta_trafilatura}
_WARMUP_HTML = ("<html><head><title>Warm up</title></head><body><nav><a href='/'>Home</a></nav>"
                "<article><h1>Warm up</h1>" + "<p>This paragraph only warms the extractors up, "
                "so that lazy imports and caches are not charged to the first page.</p>" * 6
                + "</article><footer>Footer</footer></body></html>")


class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException so that library `except Exception` cannot swallow it."""


def _on_alarm(signum, frame):
    raise _Timeout()


_WORKER = {"tools": (), "timeout": 0.0, "done": 0, "rss_every": 500}


def worker_init(tools, timeout, rss_every):
    for name in ("trafilatura", "readability", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # keep stderr for progress lines
    _WORKER.update(tools=tuple(tools), timeout=float(timeout or 0), done=0, rss_every=rss_every)
    if _WORKER["timeout"] > 0:
        signal.signal(signal.SIGALRM, _on_alarm)
    for t in tools:  # import + first call outside the timed region
        try:
            RUNNERS[t](_WARMUP_HTML, "https://example.com/warmup")
        except Exception:
            pass


def rss_kb() -> int:
    """Current resident set size in KiB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return peak_rss_kb(resource.RUSAGE_SELF)


def peak_rss_kb(who) -> int:
    v = resource.getrusage(who).ru_maxrss
    return v // 1024 if sys.platform == "darwin" else v  # bytes on macOS, KiB on Linux


def extract_page(job):
    """Run every tool on one page, in this process.  job = (index, html, url, want_meta).

    Per tool: (text, seconds, error, metadata dict or None)."""
    index, html, url, want_meta = job
    tools = _WORKER["tools"]
    k = index % len(tools)
    order = tools[k:] + tools[:k]  # rotate the order per page
    res = {}
    for t in order:
        err = None
        text = ""
        meta = None
        if _WORKER["timeout"] > 0:
            signal.setitimer(signal.ITIMER_REAL, _WORKER["timeout"])
        t0 = time.perf_counter()
        try:
            text = RUNNERS[t](html, url)
        except _Timeout:
            err = "Timeout(>{:g}s)".format(_WORKER["timeout"])
        except Exception as e:  # noqa: BLE001 -- any failure = empty output + one error
            err = f"{type(e).__name__}: {str(e)[:200]}"
        finally:
            dt = time.perf_counter() - t0
            if _WORKER["timeout"] > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
        if isinstance(text, tuple):
            text, meta = text
        if not isinstance(text, str):
            err = err or f"TypeError: output is {type(text).__name__}, not str"
            text = ""
        if want_meta and meta is None and t in META_RUNNERS:
            try:
                meta = META_RUNNERS[t](html, url)
            except Exception:  # noqa: BLE001 -- a failure = no metadata
                meta = {}
        res[t] = (text, dt, err, meta if want_meta else None)
    _WORKER["done"] += 1
    rss = rss_kb() if _WORKER["done"] % _WORKER["rss_every"] == 0 else None
    return res, os.getpid(), _WORKER["done"], rss


# ============================================================================ data + scoring

def is_false(v) -> bool:
    return v is False or (isinstance(v, str) and v.strip().lower() in ("false", "0", "no"))


def iter_pages(path: Path, limit: int | None, info: dict):
    """Rows of one set; sets info["complete"] = True when the whole file was read."""
    info["complete"] = False
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for ln in f:
            if not ln.strip():
                continue
            if limit and n >= limit:
                return  # there is at least one more page: a partial run
            yield json.loads(ln)
            n += 1
    info["complete"] = True


class SetStats:
    """Aggregates of one eval set (per tool), plus compact per-page records."""

    def __init__(self, name, tools):
        self.name, self.tools = name, tools
        self.pages = 0
        self.total_pages = None  # known only when the whole file was read
        self.text_pages = 0
        self.nonarticle_pages = 0
        self.snippet_pages = 0
        self.n_with = self.n_without = 0
        self.prf = {t: [] for t in tools}                       # (p, r, f1) per text page
        self.groups = collections.defaultdict(lambda: {t: [] for t in tools})  # breakdown -> f1s
        self.snip = {t: [0, 0, 0, 0] for t in tools}            # tp fp fn tn (micro)
        self.rejected = {t: 0 for t in tools}                   # non-article pages answered empty
        self.empty_on_article = {t: 0 for t in tools}           # article pages answered empty
        self.errors = {t: [] for t in tools}                    # (id, message)
        self.times = {t: [] for t in tools}                     # seconds per page
        self.records = []
        self.elapsed = 0.0
        self.meta = {t: collections.defaultdict(lambda: [0, 0]) for t in tools}  # field -> [hits, pages]


def page_kind(row) -> str:
    if is_false(row.get("expect_article")) or is_false(row.get("has_article")):
        return "non-article"
    return "article"


def score_page(sc, row, results, st: SetStats, group_field):
    """Score one page for every tool, update `st`, return the per-page record."""
    kind = page_kind(row)
    truth = row.get("text")
    has_text = kind == "article" and truth is not None
    with_, without = row.get("with") or [], row.get("without") or []
    has_snip = bool(with_ or without)
    st.pages += 1
    st.text_pages += has_text
    st.nonarticle_pages += kind == "non-article"
    if has_snip:
        st.snippet_pages += 1
        st.n_with += len(with_)
        st.n_without += len(without)
    rec = {"id": row.get("id"), "lang": row.get("lang"), "kind": kind, "url": row.get("url"),
           "truth_chars": len(truth) if isinstance(truth, str) else None, "tools": {}}
    gkey = str(row.get(group_field) or "?") if group_field else None
    gold = meta_gold(st.name, row)
    for t in st.tools:
        text, dt, err, meta = results[t]
        empty = not text.strip()
        r = {"ms": round(dt * 1000, 3), "chars": len(text), "error": err}
        st.times[t].append(dt)
        if err:
            st.errors[t].append((row.get("id"), err))
        if has_text:
            p, rc, f = sc.score(text, truth)
            st.prf[t].append((p, rc, f))
            if gkey is not None:
                st.groups[gkey][t].append(f)
            r.update(p=round(p, 4), r=round(rc, 4), f1=round(f, 4))
        if has_snip:
            c = sc.snippet_counts(text, with_, without)
            st.snip[t] = [a + b for a, b in zip(st.snip[t], c, strict=False)]
            r["snip"] = list(c)
        if kind == "non-article":
            st.rejected[t] += empty
            r["rejected"] = empty
        elif empty:
            st.empty_on_article[t] += 1
        # one comparable per-page number for --worst and the CSV
        if has_text:
            r["page_score"] = r["f1"]
        elif kind == "non-article":
            r["page_score"] = 1.0 if empty else 0.0
        elif has_snip:
            tp, fp, fn, _ = c
            r["page_score"] = round(2 * tp / (2 * tp + fp + fn), 4) if (2 * tp + fp + fn) else 1.0
        else:
            r["page_score"] = None
        if gold:
            hits = score_meta(gold, meta or {})
            for field, hit in hits.items():
                st.meta[t][field][0] += hit
                st.meta[t][field][1] += 1
            r["meta"] = hits
            r["meta_pred"] = meta
        rec["tools"][t] = r
    refs = [(rec["tools"][t]["page_score"], t) for t in st.tools
            if t != "cleannews" and rec["tools"][t]["page_score"] is not None]
    if refs and "cleannews" in rec["tools"] and rec["tools"]["cleannews"]["page_score"] is not None:
        best, bt = max(refs)
        rec["best_ref"], rec["best_ref_score"] = bt, best
        rec["gap"] = round(best - rec["tools"]["cleannews"]["page_score"], 4)
    st.records.append(rec)
    return rec


def set_metrics(sc, st: SetStats, t: str) -> dict:
    m = {}
    if st.prf[t]:
        n = len(st.prf[t])
        m["p"], m["r"], m["f1"] = (sum(x[i] for x in st.prf[t]) / n for i in range(3))
    if st.snippet_pages:
        sm = sc.snippet_metrics(*st.snip[t])
        m["snip_p"], m["snip_r"], m["snip_f1"] = sm["precision"], sm["recall"], sm["f1"]
        tp, fp, fn, tn = st.snip[t]
        m["leak"] = fp / (fp + tn) if fp + tn else None
    if st.nonarticle_pages:
        m["rejected"] = st.rejected[t] / st.nonarticle_pages
    m["time"] = sum(st.times[t])
    m["median_ms"] = statistics.median(st.times[t]) * 1000 if st.times[t] else None
    return m


# ============================================================================ metadata

# Which rows carry metadata gold: readability's `meta` (Readability's expected output) and
# ja-news's hand-annotated `title`.  Fields: title, author (byline), date, site.
META_FIELDS = ("title", "author", "date", "site")
META_GOLD_KEYS = {"title": "title", "author": "byline", "date": "publishedTime", "site": "siteName"}
META_TARGETS = [("ja-news", "title", 0.95), ("readability", "title", 0.90),
                ("*", "date", 0.95), ("*", "author", 0.80)]
# Readability keeps or drops a site part by heuristic: its titles match up to a trailing
# " - Site" part (separators as in Readability's own title cleaning, plus "::", "_", "·").
_TRAILING_PART = re.compile(r"\s*(?:[-|–—\\/>»_·｜]|::)")


def meta_gold(set_name, row) -> dict:
    """{field: gold value} for the fields this row has gold for (empty values skipped)."""
    if isinstance(row.get("meta"), dict):
        gold = {f: row["meta"].get(k) for f, k in META_GOLD_KEYS.items()}
        gold["loose_title"] = True
    elif set_name == "ja-news":
        gold = {"title": row.get("title")}
    else:
        return {}
    return {f: v.strip() if isinstance(v, str) else v for f, v in gold.items()
            if v is True or (isinstance(v, str) and v.strip())}


def has_meta_gold(set_name, row) -> bool:
    return bool(meta_gold(set_name, row))


def _mnorm(s) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(s or "")).casefold().split())


def title_match(got, gold, loose) -> bool:
    g, w = _mnorm(got), _mnorm(gold)
    if not g or g == w or not loose:
        return bool(g) and g == w
    short, long_ = sorted((g, w), key=len)
    return long_.startswith(short) and bool(_TRAILING_PART.match(long_[len(short):]))


def score_meta(gold, pred) -> dict:
    """{field: hit} for every gold field; the rules of issue 3 after NFKC + casefold + space collapse."""
    hits = {}
    if "title" in gold:
        hits["title"] = title_match(pred.get("title"), gold["title"], gold.get("loose_title", False))
    if "author" in gold:
        byline = _mnorm(gold["author"])
        hits["author"] = any(len(a) >= 2 and (a == byline or a in byline)
                             for a in map(_mnorm, pred.get("authors") or ()))
    if "date" in gold:
        hits["date"] = bool(pred.get("date")) and str(pred["date"])[:10] == gold["date"][:10]
    if "site" in gold:
        hits["site"] = bool(_mnorm(pred.get("site"))) and _mnorm(pred.get("site")) == _mnorm(gold["site"])
    return hits


def metadata_report(stats, tools) -> list:
    """The metadata section: match rate per set, field and tool, and the issue's targets."""
    msets = [s for s in stats if any(s.meta[t] for t in tools)]
    if not msets:
        return []
    mtools = [t for t in tools if t in ("cleannews", *META_RUNNERS)]
    L = ["## Metadata\n",
         ("Share of pages whose field matches the gold (after NFKC, casefold, space collapse): "
         "title equal (against Readability's titles: up to a trailing \" - Site\" part); author: a "
         "returned author equals the byline or is contained in it; date: same calendar day; site: "
         "equal.  trafilatura: `bare_extraction(html, url=url, with_metadata=True)` on the same "
         "pages (outside the timed region).\n")]
    rows = []
    for s in msets:
        for f in META_FIELDS:
            cells = [s.meta[t].get(f) for t in mtools]
            if not any(cells):
                continue
            n = next(c[1] for c in cells if c)
            rows.append([s.name, f, n] + [f3(c[0] / c[1]) if c else "–" for c in cells])
    L.append(table(["set", "field", "pages", *(TOOL_LABEL[t] for t in mtools)], rows))
    L.append("")
    if "cleannews" in tools:
        rows = []
        for sname, f, val in META_TARGETS:
            group = [s for s in msets if sname in ("*", s.name)]
            got = {t: [sum(x) for x in zip(*(s.meta[t][f] for s in group if f in s.meta[t]), strict=False)]
                   for t in mtools}
            rate = {t: (v[0] / v[1] if v and v[1] else None) for t, v in got.items()}
            cn = rate.get("cleannews")
            if cn is None:
                continue
            status = "**met**" if cn >= val - 1e-12 else "missed"
            rows.append([sname if sname != "*" else "all sets with gold", f, f">= {val:.2f}",
                         *(f3(rate[t]) for t in mtools), status])
        for s in msets:
            for f in META_FIELDS:
                if "trafilatura" in mtools and f in s.meta["cleannews"] and f in s.meta["trafilatura"]:
                    a, b = (s.meta[t][f][0] / s.meta[t][f][1] for t in ("cleannews", "trafilatura"))
                    rows.append([s.name, f, ">= trafilatura", f3(a), f3(b),
                                 "**met**" if a >= b - 1e-12 else "missed"])
        L.append(table(["set", "field", "target", *(TOOL_LABEL[t] for t in mtools), "cleannews status"],
                       rows))
        L.append("")
    return L


# ============================================================================ report

def f3(v):
    return "–" if v is None else f"{v:.3f}"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def git_info():
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return head + (" (src/ has uncommitted changes)" if dirty else "")
    except Exception:  # noqa: BLE001
        return "?"


def versions():
    from importlib.metadata import PackageNotFoundError, version
    out = {}
    for pkg in ("cleannews", "trafilatura", "readability-lxml", "lxml"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    return ln.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def build_report(sc, args, stats, tools, mem, wall, interrupted, cmdline):
    L = []
    M = {s.name: {t: set_metrics(sc, s, t) for t in tools} for s in stats}
    partial = {s.name: (s.total_pages is None or s.pages < s.total_pages) for s in stats}
    v = versions()
    L.append("# cleannews benchmarks\n")
    L.append(f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    L.append(f"- cleannews commit: {git_info()}")
    L.append(f"- machine: {os.cpu_count()} CPUs ({cpu_model()}), {platform.platform()}, "
             f"Python {platform.python_version()}")
    L.append("- versions: " + ", ".join(f"{k} {val}" for k, val in v.items()))
    L.append(f"- command: `{cmdline}`")
    L.append(f"- eval data: `{args.eval_dir}`; {sum(s.pages for s in stats)} pages; "
             f"jobs={args.jobs}; wall time {wall:.0f} s")
    if args.limit:
        L.append(f"- **--limit {args.limit}: only the first {args.limit} pages per set; "
                 "numbers are not comparable with the targets.**")
    if interrupted:
        L.append("- **interrupted: the last set is incomplete.**")
    L.append("- tools run on the same `html` str, interleaved per page (rotating order), "
             "in one process per page; only the extraction call is timed.")
    L.append("")

    # ---- targets
    L.append("## Targets (from the issue) vs cleannews\n")
    rows, not_run = [], []
    names = {s.name for s in stats}
    for sname, met, op, val in TARGETS:
        if sname == "*":
            tot = {t: sum(M[s][t]["time"] for s in M) for t in tools}
            vals = {t: (tot[t] / tot[REF] if REF in tot and tot[REF] else None) for t in tools}
            label, part = "all sets run", any(partial.values())
        else:
            if sname not in names:
                not_run.append(sname)
                continue
            vals = {t: M[sname][t].get(met) for t in tools}
            label, part = sname, partial[sname]
        cn = vals.get("cleannews")
        if cn is None:
            status = "n/a"
        else:
            ok = cn >= val - 1e-12 if op == ">=" else cn <= val + 1e-12
            status = ("**met**" if ok else "missed") + (" (partial run)" if part else "")
        ref_readme = README_TRAFILATURA.get((sname, met))
        rows.append([label, METRIC_LABEL[met], f"{op} {val:.3g}",
                     *(f3(vals.get(t)) if t in tools else "–" for t in ALL_TOOLS),
                     f3(ref_readme), status])
    L.append(table(["set", "metric", "target", *(TOOL_LABEL[t] for t in ALL_TOOLS),
                    "trafilatura per eval README", "cleannews status"], rows))
    if not_run:
        L.append("\nNot run (targets not checked): " + ", ".join(dict.fromkeys(not_run)) + ".")
    L.append("")

    # ---- quality: bag of tokens
    L.append("## Quality\n")
    L.append("### Bag-of-tokens F1 (precision / recall), macro mean over pages with truth text\n")
    rows = []
    for s in stats:
        if not s.text_pages:
            continue
        rows.append([s.name, s.text_pages] + [
            f"{f3(M[s.name][t]['f1'])} ({f3(M[s.name][t]['p'])} / {f3(M[s.name][t]['r'])})"
            for t in tools])
        gf = BREAKDOWN_SETS.get(s.name)
        if gf and "zh" in s.groups:
            g = s.groups["zh"]
            rows.append([f"{s.name} ({gf}=zh)", len(g[tools[0]])] +
                        [f3(sum(g[t]) / len(g[t])) for t in tools])
    L.append(table(["set", "pages", *(TOOL_LABEL[t] + " F1 (P / R)" for t in tools)], rows))
    L.append("")
    for s in stats:
        gf = BREAKDOWN_SETS.get(s.name)
        if gf and len(s.groups) > 1:
            L.append(f"#### {s.name}: bag F1 per {gf}\n")
            rows = [[g, len(d[tools[0]])] + [f3(sum(d[t]) / len(d[t])) for t in tools]
                    for g, d in sorted(s.groups.items(), key=lambda kv: -len(kv[1][tools[0]]))]
            L.append(table([gf, "pages", *(TOOL_LABEL[t] for t in tools)], rows))
            L.append("")

    # ---- snippets
    if any(s.snippet_pages for s in stats):
        L.append("### Snippets (micro): F1 (precision / recall) and leak = share of `without` "
                 "snippets found in the output (lower is better)\n")
        rows = []
        for s in stats:
            if not s.snippet_pages:
                continue
            row = [s.name, s.snippet_pages, f"{s.n_with} / {s.n_without}"]
            for t in tools:
                m = M[s.name][t]
                row += [f"{f3(m['snip_f1'])} ({f3(m['snip_p'])} / {f3(m['snip_r'])})", f3(m["leak"])]
            rows.append(row)
        hdr = ["set", "pages", "with / without"]
        for t in tools:
            hdr += [TOOL_LABEL[t] + " F1 (P / R)", TOOL_LABEL[t] + " leak"]
        L.append(table(hdr, rows))
        L.append("")

    # ---- rejected
    if any(s.nonarticle_pages for s in stats):
        L.append("### Rejected: share of no-article pages (`expect_article`/`has_article` false) "
                 "answered with empty text (higher is better)\n")
        rows = [[s.name, s.nonarticle_pages] + [f3(M[s.name][t]["rejected"]) for t in tools]
                for s in stats if s.nonarticle_pages]
        L.append(table(["set", "no-article pages", *(TOOL_LABEL[t] for t in tools)], rows))
        L.append("")

    # ---- errors / empty outputs
    L.append("### Errors and empty outputs\n")
    L.append("Cells: exceptions (each counts as an empty output) · article pages answered with "
             "empty text.\n")
    rows = [[s.name, s.pages] + [f"{len(s.errors[t])} · {s.empty_on_article[t]}" for t in tools]
            for s in stats]
    rows.append(["**all**", sum(s.pages for s in stats)] +
                [f"{sum(len(s.errors[t]) for s in stats)} · "
                 f"{sum(s.empty_on_article[t] for s in stats)}" for t in tools])
    L.append(table(["set", "pages", *(TOOL_LABEL[t] for t in tools)], rows))
    L.append("")
    for t in tools:
        errs = [(s.name, i, e) for s in stats for i, e in s.errors[t]]
        if errs:
            kinds = collections.Counter(e.split(":", 1)[0] for _, _, e in errs)
            L.append(f"- {TOOL_LABEL[t]}: {len(errs)} errors (" +
                     ", ".join(f"{k} ×{n}" for k, n in kinds.most_common()) + "); first: " +
                     "; ".join(f"`{sn}/{i}` {e[:120]}" for sn, i, e in errs[:3]))
    L.append("")

    L.extend(metadata_report(stats, tools))

    # ---- speed
    L.append("## Speed\n")
    L.append("Total extraction seconds per set (median ms per page in brackets); ratio = "
             "tool total / trafilatura total (lower is faster).\n")
    others = [t for t in tools if t != REF]
    rows = []
    for s in stats:
        row = [s.name, s.pages] + [f"{M[s.name][t]['time']:.2f} ({M[s.name][t]['median_ms']:.1f} ms)"
                                   if M[s.name][t]["median_ms"] is not None else "–" for t in tools]
        if REF in tools:
            rt = M[s.name][REF]["time"]
            row += [f"{M[s.name][t]['time'] / rt:.2f}" if rt else "–" for t in others]
        rows.append(row)
    alltimes = {t: [x for s in stats for x in s.times[t]] for t in tools}
    tot = {t: sum(alltimes[t]) for t in tools}
    row = ["**all**", sum(s.pages for s in stats)] + [
        f"**{tot[t]:.2f}** ({statistics.median(alltimes[t]) * 1000:.1f} ms)" if alltimes[t] else "–"
        for t in tools]
    if REF in tools:
        row += [f"**{tot[t] / tot[REF]:.2f}**" if tot[REF] else "–" for t in others]
    rows.append(row)
    L.append(table(["set", "pages", *(TOOL_LABEL[t] + " s" for t in tools),
                    *((f"{TOOL_LABEL[t]} / trafilatura" for t in others) if REF in tools else ())],
                   rows))
    L.append("")
    for t in tools:
        slow = sorted(((r["tools"][t]["ms"], s.name, r["id"]) for s in stats for r in s.records),
                      reverse=True)[:3]
        if slow:
            L.append(f"- slowest pages, {TOOL_LABEL[t]}: " +
                     ", ".join(f"`{sn}/{i}` {x:.0f} ms" for x, sn, i in slow))
    L.append("")

    # ---- memory
    L.append("## Memory\n")
    L.append(f"- peak RSS (ru_maxrss): {mem['peak_kb'] / 1024:.0f} MiB"
             + (" (largest worker)" if args.jobs > 1 else ""))
    if mem["samples"]:
        for pid, ser in sorted(mem["samples"].items()):
            who = f"worker {pid}" if args.jobs > 1 else "process"
            if len(ser) >= 2:
                (n0, r0), (n1, r1) = ser[0], ser[-1]
                L.append(f"- RSS of {who} after every {args.rss_every} pages: first {r0 / 1024:.0f} MiB "
                         f"(page {n0}) → last {r1 / 1024:.0f} MiB (page {n1}), "
                         f"{(r1 - r0) / 1024:+.0f} MiB; series: "
                         + ", ".join(f"{r / 1024:.0f}" for _, r in ser))
            else:
                L.append(f"- RSS of {who}: {ser[0][1] / 1024:.0f} MiB after {ser[0][0]} pages "
                         f"(fewer than 2 samples of {args.rss_every} pages: no trend)")
    if tools != ("cleannews",):
        L.append("- RSS is the whole process with all selected tools; for cleannews alone run "
                 "with `--tools cleannews`.")
    L.append("")
    return "\n".join(L)


def print_worst(stats, n, out=sys.stdout):
    for s in stats:
        recs = [r for r in s.records if r.get("gap") is not None]
        recs.sort(key=lambda r: -r["gap"])
        recs = [r for r in recs if r["gap"] > 0][:n]
        print(f"\n## worst {n} pages for cleannews in {s.name} "
              "(page score: bag F1, else snippet F1, else rejected 1/0)", file=out)
        if not recs:
            print("(none where cleannews is below the best reference)", file=out)
            continue
        for r in recs:
            cn = r["tools"]["cleannews"]
            print(f"  {r['id']:<24} gap {r['gap']:+.3f}  cleannews {cn['page_score']:.3f} "
                  f"({cn['chars']} chars{', ' + cn['error'] if cn['error'] else ''})  "
                  f"best {TOOL_LABEL[r['best_ref']]} {r['best_ref_score']:.3f} "
                  f"({r['tools'][r['best_ref']]['chars']} chars)  "
                  f"truth {'–' if r['truth_chars'] is None else r['truth_chars']} chars  "
                  f"lang={r['lang']}  {r['url'] or ''}", file=out)


# ============================================================================ main

def parse_args(argv):
    ap = argparse.ArgumentParser(description="cleannews vs trafilatura vs readability-lxml benchmark")
    ap.add_argument("--eval-dir", default=str(DEFAULT_EVAL), help="folder of <set>.jsonl.gz (default: %(default)s)")
    ap.add_argument("--score-py", help="path of score.py (default: in --eval-dir or its parent)")
    ap.add_argument("--sets", help="comma-separated set names (default: every *.jsonl.gz)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each set")
    ap.add_argument("--tools", default=",".join(ALL_TOOLS), help="comma-separated, from: %(default)s")
    ap.add_argument("--out", default=str(REPO / "BENCHMARKS.md"),
                    help="markdown report path (default: %(default)s; '-' = stdout only)")
    ap.add_argument("--jobs", type=int, default=1,
                    help="worker processes; each page's tools still run in one worker (default 1)")
    ap.add_argument("--save-preds", metavar="DIR",
                    help="write DIR/<set>/<tool>.jsonl ({id,text}), DIR/<set>/per_page.jsonl, DIR/per_page.csv")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="print the N pages per set where cleannews is furthest below the best reference")
    ap.add_argument("--timeout", type=float, default=0,
                    help="seconds per tool per page, 0 = none (a timeout counts as an error)")
    ap.add_argument("--rss-every", type=int, default=500, help="RSS sample interval in pages (default 500)")
    a = ap.parse_args(argv)
    a.tools = tuple(t.strip() for t in a.tools.split(",") if t.strip())
    bad = [t for t in a.tools if t not in ALL_TOOLS]
    if bad or not a.tools:
        ap.error(f"unknown tool(s) {bad}; choose from {ALL_TOOLS}")
    if len(set(a.tools)) != len(a.tools):
        ap.error("duplicate tool")
    if a.jobs < 1 or a.rss_every < 1:
        ap.error("--jobs and --rss-every must be >= 1")
    return a


def discover_sets(eval_dir: Path, wanted):
    files = {p.name[: -len(".jsonl.gz")]: p for p in eval_dir.glob("*.jsonl.gz")}
    if not files:
        sys.exit(f"no *.jsonl.gz in {eval_dir}")
    if wanted:
        names = [s.strip() for s in wanted.split(",") if s.strip()]
        bad = [s for s in names if s not in files]
        if bad:
            sys.exit(f"unknown set(s) {bad}; available: {sorted(files)}")
    else:
        names = sorted(files, key=lambda n: (SET_ORDER.index(n) if n in SET_ORDER else 99, n))
    return [(n, files[n]) for n in names]


def per_page_rows(stats, tools):
    rows = []
    for st in stats:
        for r in st.records:
            row = {"set": st.name, "id": r["id"], "lang": r["lang"], "kind": r["kind"]}
            for t in tools:
                tr = r["tools"][t]
                row.update({f"{t}_score": tr["page_score"], f"{t}_f1": tr.get("f1"),
                            f"{t}_p": tr.get("p"), f"{t}_r": tr.get("r"), f"{t}_ms": tr["ms"],
                            f"{t}_chars": tr["chars"], f"{t}_error": tr["error"] or ""})
            row.update(best_ref=r.get("best_ref"), best_ref_score=r.get("best_ref_score"),
                       cleannews_gap=r.get("gap"))
            rows.append(row)
    return rows


# Benchmarks with their own scripts (they need servers or process pools); their last reports
# are carried into BENCHMARKS.md so that one file holds every number.
OTHER_REPORTS = ("FETCH.md", "SCALE.md")


def _other_benchmarks() -> str:
    """The last reports of benchmarks/fetch_bench.py and scale_bench.py, one level down."""
    parts = []
    for name in OTHER_REPORTS:
        path = Path(__file__).resolve().parent / name
        if path.is_file():
            body = path.read_text(encoding="utf-8").strip()
            body = "\n".join("#" + line if line.startswith("#") else line for line in body.splitlines())
            parts.append(f"\n\n<!-- from benchmarks/{name}, written by its own script -->\n{body}\n")
    return "".join(parts)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    eval_dir = Path(args.eval_dir).resolve()
    sc, score_path = load_scorer(eval_dir, args.score_py)
    sets = discover_sets(eval_dir, args.sets)
    tools = args.tools
    cmdline = "python benchmarks/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    cmdline = cmdline.rstrip()
    preds_dir = Path(args.save_preds) if args.save_preds else None
    tty = sys.stderr.isatty()

    print(f"scorer: {score_path}; tools: {', '.join(tools)}; sets: {', '.join(n for n, _ in sets)}"
          + (f"; limit {args.limit}" if args.limit else "") + f"; jobs {args.jobs}", file=sys.stderr)

    executor = None
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
        executor = ProcessPoolExecutor(args.jobs, initializer=worker_init,
                                       initargs=(tools, args.timeout, args.rss_every))
    else:
        worker_init(tools, args.timeout, args.rss_every)

    mem_samples = collections.defaultdict(list)  # pid -> [(pages done by it, rss kb)]
    stats: list[SetStats] = []
    t_start = time.perf_counter()
    interrupted = False
    gindex = 0
    try:
        for name, path in sets:
            st = SetStats(name, tools)
            stats.append(st)
            gfield = BREAKDOWN_SETS.get(name)
            t_set = time.perf_counter()
            pfiles = {}
            if preds_dir:
                (preds_dir / name).mkdir(parents=True, exist_ok=True)
                pfiles = {t: open(preds_dir / name / f"{t}.jsonl", "w", encoding="utf-8") for t in tools}
                pfiles["_pages"] = open(preds_dir / name / "per_page.jsonl", "w", encoding="utf-8")

            def consume(row, out, *, st=st, gfield=gfield, pfiles=pfiles, name=name, t_set=t_set):
                res, pid, done, rss = out
                if rss is not None:
                    mem_samples[pid].append((done, rss))
                rec = score_page(sc, row, res, st, gfield)
                if pfiles:
                    for t in tools:
                        pfiles[t].write(json.dumps({"id": row.get("id"), "text": res[t][0]},
                                                   ensure_ascii=False) + "\n")
                    pfiles["_pages"].write(json.dumps(rec, ensure_ascii=False) + "\n")
                if tty and st.pages % 10 == 0:
                    print(f"\r  {name}: {st.pages} pages, {time.perf_counter() - t_set:.0f} s",
                          end="", file=sys.stderr, flush=True)

            info = {}
            try:
                n_read = 0
                if executor is None:
                    for row in iter_pages(path, args.limit, info):
                        n_read += 1
                        html, url = row.pop("html", "") or "", row.get("url")
                        out = extract_page((gindex, html, url, has_meta_gold(name, row)))
                        del html
                        gindex += 1
                        consume(row, out)
                else:
                    window = collections.deque()
                    for row in iter_pages(path, args.limit, info):
                        n_read += 1
                        html, url = row.pop("html", "") or "", row.get("url")
                        window.append((row, executor.submit(extract_page, (gindex, html, url, has_meta_gold(name, row)))))
                        gindex += 1
                        if len(window) >= 4 * args.jobs:
                            r, fut = window.popleft()
                            consume(r, fut.result())
                    while window:
                        r, fut = window.popleft()
                        consume(r, fut.result())
                st.total_pages = n_read if info["complete"] else None
            finally:
                for f in pfiles.values():
                    f.close()
                st.elapsed = time.perf_counter() - t_set
            tsum = "  ".join(f"{t} {sum(st.times[t]):.1f}s" for t in tools)
            print(("\r" if tty else "") + f"{name}: {st.pages} pages"
                  + ("" if st.total_pages else " (limited)") + f" in {st.elapsed:.1f} s  [{tsum}]"
                  + "".join(f"  {t}-errors {len(st.errors[t])}" for t in tools if st.errors[t]),
                  file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        interrupted = True
        print("\ninterrupted: reporting what was done", file=sys.stderr)
        if stats and not stats[-1].pages:
            stats.pop()
    finally:
        if executor is not None:
            executor.shutdown(wait=not interrupted, cancel_futures=True)
    wall = time.perf_counter() - t_start

    if executor is None:
        ser = mem_samples[os.getpid()]
        if not ser or ser[-1][0] != gindex:
            ser.append((gindex, rss_kb()))  # a last sample at the end of the run
        peak = peak_rss_kb(resource.RUSAGE_SELF)
    else:
        peak = peak_rss_kb(resource.RUSAGE_CHILDREN)
    mem = {"peak_kb": peak, "samples": {k: v for k, v in mem_samples.items() if v}}

    if not stats:
        sys.exit("nothing was run")
    report = build_report(sc, args, stats, tools, mem, wall, interrupted, cmdline) + _other_benchmarks()
    print(report)
    if args.out and args.out != "-":
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    csv_rows = per_page_rows(stats, tools)
    if preds_dir and csv_rows:
        with open(preds_dir / "per_page.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(csv_rows[0]))
            w.writeheader()
            w.writerows(csv_rows)
        print(f"wrote predictions and per-page scores under {preds_dir}/ "
              f"(re-score: python {score_path} {preds_dir}/<set>/<tool>.jsonl {eval_dir}/<set>.jsonl.gz)",
              file=sys.stderr)
    if args.worst:
        if "cleannews" in tools and len(tools) > 1:
            print_worst(stats, args.worst)
        else:
            print("--worst needs cleannews and at least one reference tool", file=sys.stderr)
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
