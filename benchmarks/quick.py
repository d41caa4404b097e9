"""Quality-only pass over the dev sets, for checking a rule change in ~30 s (no timing, no references).

    python benchmarks/quick.py OUT.json [--eval-dir ../shared/eval/dev] [--jobs 2]
    python benchmarks/quick.py --diff BEFORE.json AFTER.json   # pages that got better or worse

Writes per-page results (bag P/R/F1, empty truths included as in run.py; snippet counts, rejected) to OUT.json and prints the
per-set summary (same scorer and sets as `run.py`, whose numbers are the ones to quote: they
can differ in the third decimal).  Run it before
and after a change and diff: general rules move many pages a little; a rule that moves one page
a lot is tuned to that page.  Time ratios come from `run.py` only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from multiprocessing import Pool
from pathlib import Path

import cleannews

SETS = ("readability", "trafilatura-snippets", "cleaneval", "l3s-gn1", "daniel", "wcxb-dev",
        "wcxb-dev-listings", "ja-news")
_score = None  # score.py, imported in each worker


def _init(score_dir: str) -> None:
    global _score
    sys.path.insert(0, score_dir)
    import score  # noqa: PLC0415 - the scorer lives beside the eval data, not in this package
    _score = score


def _one(task: tuple[str, str]) -> tuple[str, dict]:
    name, line = task
    row = json.loads(line)
    try:
        text = cleannews.clean(row["html"], url=row.get("url")).text
    except Exception:  # noqa: BLE001 - a failure scores as empty output, like run.py
        text = ""
    res: dict = {"id": row["id"]}
    if row.get("expect_article") in (False, "False") or row.get("has_article") in (False, "False"):
        res["rej"] = text.strip() == ""
        return name, res
    if row.get("text") is not None:  # an empty truth counts too (an empty answer scores 1.0), as in run.py
        res["prf"] = _score.score(text, row["text"])
    if row.get("with") or row.get("without"):
        res["sn"] = _score.snippet_counts(text, row.get("with") or [], row.get("without") or [])
    return name, res


def _tasks(eval_dir: Path):
    for name in SETS:
        path = eval_dir / f"{name}.jsonl.gz"
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    yield name, line


def summary(results: dict) -> list[str]:
    lines = []
    for name, pages in results.items():
        v = list(pages.values())
        out = f"{name:22s}"
        f1 = [x["prf"][2] for x in v if "prf" in x]
        if f1:
            out += f" F1={sum(f1) / len(f1):.4f}"
        sn = [x["sn"] for x in v if "sn" in x]
        if sn:
            tp, fp, fn, tn = (sum(c[i] for c in sn) for i in range(4))
            out += f" snipF1={2 * tp / max(2 * tp + fp + fn, 1):.4f} leak={fp / max(fp + tn, 1):.4f}"
        rej = [x["rej"] for x in v if "rej" in x]
        if rej:
            out += f" rejected={sum(rej) / len(rej):.3f}"
        lines.append(out)
    return lines


def diff(before: dict, after: dict, show: int = 6) -> list[str]:
    lines = []
    for name, pages in before.items():
        moved = []
        for pid, x in pages.items():
            y = after.get(name, {}).get(pid)
            if not y:
                continue
            if "prf" in x:
                d = y["prf"][2] - x["prf"][2]
            elif "sn" in x:
                d = (y["sn"][0] - x["sn"][0]) - (y["sn"][1] - x["sn"][1])
            elif "rej" in x:
                d = int(y["rej"]) - int(x["rej"])
            else:
                continue
            if abs(d) > 0.005:
                moved.append((d, pid))
        moved.sort()
        lines.append(f"{name}: {len(moved)} changed, {sum(d < 0 for d, _ in moved)} worse, "
                     f"{sum(d > 0 for d, _ in moved)} better")
        lines += [f"   {d:+.3f} {pid}" for d, pid in moved[:show] if d < 0]
        lines += [f"   {d:+.3f} {pid}" for d, pid in moved[::-1][:show] if d > 0]
    return lines


def main(argv: list[str] | None = None) -> None:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="per-page results file to write")
    parser.add_argument("--eval-dir", default=str(here.parent.parent / "shared" / "eval" / "dev"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.diff:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.diff)
        print("\n".join(diff(before, after)))
        return
    if not args.out:
        parser.error("give OUT.json, or --diff BEFORE AFTER")
    eval_dir = Path(args.eval_dir)
    score_dir = eval_dir if (eval_dir / "score.py").is_file() else eval_dir.parent
    results: dict = {name: {} for name in SETS}
    with Pool(args.jobs, initializer=_init, initargs=(str(score_dir),)) as pool:
        for name, res in pool.imap_unordered(_one, _tasks(eval_dir), chunksize=8):
            results[name][res["id"]] = res
    results = {k: v for k, v in results.items() if v}
    Path(args.out).write_text(json.dumps(results), encoding="utf-8")
    print("\n".join(summary(results)))


if __name__ == "__main__":
    main()
