"""The ``cleannews`` command line: arguments -> `Options` -> `run_batch` -> output.

    cleannews clean PATH... [--format text|markdown|json|jsonl|html] [--output DIR]
                            [--explain] [--include-comments] [--include-links]
                            [--include-images] [--no-tables]
                            [--disable-rule NAME]... [--min-body-chars N]
    cleannews fetch URLS -o OUT.jsonl [--resume] [--concurrency N] [--per-host N] ...
                            (needs the 'fetch' extra; see `cleannews fetch --help`)

Exit status: 0 when every input was cleaned (non-articles included), 1 when any input
failed (or the output pipe closed early), 2 for usage errors.  Every failure is one line
on stderr, ``cleannews: error: PATH: message``; stdout only ever carries documents.

    cleannews warc FILE.warc[.gz]... -o OUT.jsonl [--resume] [--dask SCHEDULER_ADDRESS]

``clean`` and ``warc`` clean in ``--workers N`` processes (default: one per core), each
page under ``--page-timeout``; output comes as pages complete unless ``--ordered``.  With
``--dask`` the cluster cleans, each page under ``--page-timeout`` all the same.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .article import Article
from .batch import Record, iter_inputs, one_line, run_batch
from .jsonl import JsonlWriter, resume_keys
from .options import Options
from .pool import DEFAULT_PAGE_TIMEOUT as POOL_PAGE_TIMEOUT
from .pool import default_workers
from .rules import rule_names

__all__ = [
    "FORMATS",
    "build_parser",
    "explain_lines",
    "main",
    "options_from_args",
    "render_document",
]

#: Output formats, and the file suffix `--output` gives each.
FORMATS = {"text": "txt", "markdown": "md", "json": "json", "jsonl": "json", "html": "html"}

PROG = "cleannews"


# --------------------------------------------------------------------------- arguments

def build_parser() -> argparse.ArgumentParser:
    """The argument parser, one sub-parser per command (``clean`` today)."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn noisy news pages into clean article bodies.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_clean_command(commands)
    _add_warc_command(commands)
    _add_fetch_command(commands)
    return parser


def _add_clean_command(commands: Any) -> None:
    cmd = commands.add_parser(
        "clean", help="clean local HTML files, folders or stdin",
        description="Clean HTML files (folders are walked for *.html, *.htm, *.xhtml, "
                    "*.shtml; '-' reads stdin) and print the article bodies.")
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    cmd.add_argument("-f", "--format", choices=list(FORMATS), default="text",
                     help="output format (default: text)")
    cmd.add_argument("-o", "--output", metavar="DIR",
                     help="write one file per input into DIR instead of stdout; with -f jsonl, "
                          "a name ending in .jsonl is one JSONL file")
    cmd.add_argument("--explain", action="store_true",
                     help="list removed blocks on stderr; add 'removed' to JSON output")
    cmd.add_argument("--resume", action="store_true",
                     help="with -f jsonl -o OUT.jsonl: skip inputs already in OUT.jsonl and append")
    _add_pool_flags(cmd)
    _add_option_flags(cmd)
    cmd.set_defaults(handler=_cmd_clean)


def _add_warc_command(commands: Any) -> None:
    cmd = commands.add_parser(
        "warc", help="clean the HTML responses of WARC files into JSONL",
        description="Read WARC files (plain or gzip) and write one JSONL record per HTML "
                    "response with status 200, with the fields of 'cleannews fetch' records "
                    "plus warc_file, warc_record_id and warc_date (url is the WARC-Target-URI). "
                    "Other responses are skipped and counted; an unreadable file is one error "
                    "record.  Needs the 'warc' extra.  Exit status 0 when every page was "
                    "cleaned, 1 when some failed, 2 for usage errors.")
    cmd.add_argument("paths", nargs="+", metavar="FILE.warc[.gz]", help="WARC files")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.jsonl",
                     help="JSONL file to write (- for stdout)")
    cmd.add_argument("--resume", action="store_true",
                     help="skip WARC records already in OUT.jsonl and append the rest")
    cmd.add_argument("--overwrite", action="store_true", help="replace an existing OUT.jsonl")
    _add_pool_flags(cmd)
    _add_option_flags(cmd)
    cmd.set_defaults(handler=_cmd_warc)


#: ``--page-timeout`` when worker processes run (or --dask) and none is given.
DEFAULT_PAGE_TIMEOUT = POOL_PAGE_TIMEOUT


def _add_pool_flags(cmd: argparse.ArgumentParser) -> None:
    """--workers, --ordered, --page-timeout (commands that clean many pages)."""
    group = cmd.add_argument_group("worker processes")
    group.add_argument("--workers", type=_positive_int, default=default_workers(), metavar="N",
                       help="processes that clean pages (default: one per core, here "
                            f"{default_workers()}); 1 cleans in this process")
    group.add_argument("--ordered", action="store_true",
                       help="output in input order (default: as pages complete)")
    group.add_argument("--page-timeout", type=_positive_float, metavar="S",
                       help="a page still running after S seconds is stopped (its worker is "
                            f"replaced) and becomes an error record (default: {DEFAULT_PAGE_TIMEOUT:g} "
                            "with --workers > 1 or --dask; with --workers 1 it runs one worker process; "
                            "with --dask each partition cleans in a worker subprocess)")
    group.add_argument("--dask", metavar="SCHEDULER_ADDRESS",
                       help="clean on this Dask cluster (e.g. tcp://10.0.0.5:8786) instead of local "
                            "processes; its workers must see the input files; JSONL output only; "
                            "needs the 'dask' extra")


def _page_timeout(args: argparse.Namespace) -> float | None:
    if args.page_timeout is not None:
        return float(args.page_timeout)
    return DEFAULT_PAGE_TIMEOUT if args.workers > 1 or args.dask else None


def _add_fetch_command(commands: Any) -> None:
    cmd = commands.add_parser(
        "fetch", help="fetch a list of URLs and clean them into JSONL",
        description="Fetch every URL of a list (one per line; blank lines and # comments "
                    "skipped; '-' reads stdin), politely and concurrently, and write one "
                    "JSONL record per distinct URL as it completes: url, final_url, status, "
                    "ok, error {kind, message}, fetched_at, elapsed_ms and the article fields. "
                    "Exit status 0 when every URL succeeded, 1 when some failed, 2 for usage "
                    "errors.")
    cmd.add_argument("urls", metavar="URLS", help="file with one URL per line, or - for stdin")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.jsonl",
                     help="JSONL file to write (- for stdout)")
    cmd.add_argument("--resume", action="store_true",
                     help="skip URLs already in OUT.jsonl and append the rest")
    cmd.add_argument("--overwrite", action="store_true", help="replace an existing OUT.jsonl")
    net = cmd.add_argument_group("politeness and limits")
    net.add_argument("--concurrency", type=_positive_int, default=16, metavar="N",
                     help="URLs in flight at once (default: 16)")
    net.add_argument("--per-host", type=_positive_int, default=2, metavar="N",
                     help="open requests per host (default: 2)")
    net.add_argument("--delay", type=_non_negative_float, default=0.0, metavar="S",
                     help="seconds between requests to one host (default: 0; robots.txt "
                          "Crawl-delay wins when longer)")
    net.add_argument("--ignore-robots", action="store_true", help="do not read robots.txt")
    net.add_argument("--user-agent", metavar="UA", help="User-Agent header (default: cleannews/VERSION ...)")
    net.add_argument("--retries", type=_non_negative_int, default=3, metavar="N",
                     help="retries on connection errors, timeouts, 429 and 5xx (default: 3)")
    net.add_argument("--backoff", type=_non_negative_float, default=0.5, metavar="S",
                     help="first retry wait, doubled each time, with jitter (default: 0.5)")
    net.add_argument("--timeout", type=_positive_float, default=120.0, metavar="S",
                     help="total seconds per URL, retries included (default: 120)")
    net.add_argument("--connect-timeout", type=_positive_float, default=10.0, metavar="S",
                     help="seconds to connect (default: 10)")
    net.add_argument("--read-timeout", type=_positive_float, default=30.0, metavar="S",
                     help="seconds without data while reading (default: 30)")
    net.add_argument("--max-bytes", type=_positive_int, default=10_000_000, metavar="N",
                     help="largest body, decompressed (default: 10000000)")
    net.add_argument("--max-redirects", type=_non_negative_int, default=10, metavar="N",
                     help="redirects followed per URL (default: 10)")
    run = cmd.add_argument_group("output and progress")
    run.add_argument("--save-raw", metavar="DIR",
                     help="also save every fetched HTML body in DIR (record field raw_file)")
    run.add_argument("--warc", metavar="OUT.warc.gz",
                     help="also archive every fetched HTML page in this WARC file (request + "
                          "response records; appended to with --resume); needs the 'warc' extra")
    run.add_argument("--workers", type=_non_negative_int, default=os.cpu_count() or 1,
                     metavar="N", help="processes that clean pages (0: a thread; "
                                       "default: the number of CPUs)")
    run.add_argument("--no-progress", action="store_true",
                     help="no progress bar or progress lines (the summary stays)")
    run.add_argument("--log-every", type=_positive_float, default=10.0, metavar="S",
                     help="without a terminal, a progress line every S seconds (default: 10)")
    _add_option_flags(cmd)
    cmd.set_defaults(handler=_cmd_fetch)


def _add_option_flags(cmd: argparse.ArgumentParser) -> None:
    """Flags that map onto `Options` (shared by every command that cleans pages)."""
    cmd.add_argument("--include-comments", action="store_true",
                     help="collect reader comments (JSON 'comments'; never in the text)")
    cmd.add_argument("--include-links", action="store_true",
                     help="keep the body's links, made absolute (markdown [text](url), html <a href>)")
    cmd.add_argument("--include-images", action="store_true",
                     help="keep the body's images, made absolute (markdown ![alt](src), html <img>)")
    cmd.add_argument("--no-tables", action="store_true", help="drop tables from the body")
    cmd.add_argument("--disable-rule", action="append", default=[], metavar="NAME", type=_rule_list,
                     help="switch off a boilerplate rule (repeatable, or comma-separated): "
                          + ", ".join(sorted(rule_names())))
    cmd.add_argument("--min-body-chars", type=_non_negative_int, metavar="N",
                     help=f"body characters needed to count as an article "
                          f"(default: {Options().min_body_chars})")


def _rule_list(value: str) -> str:
    """A comma-separated list of rule names, each one `--explain` shows (else a usage error)."""
    unknown = sorted({n.strip() for n in value.split(",") if n.strip()} - rule_names())
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown rule(s): {', '.join(unknown)} "
                                         f"(known: {', '.join(sorted(rule_names()))})")
    return value


def _non_negative_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0: {value}")
    return number


def _positive_int(value: str) -> int:
    number = _non_negative_int(value)
    if number == 0:
        raise argparse.ArgumentTypeError("must be >= 1")
    return number


def _non_negative_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0: {value}")
    return number


def _positive_float(value: str) -> float:
    number = _non_negative_float(value)
    if number == 0:
        raise argparse.ArgumentTypeError("must be > 0")
    return number


def options_from_args(args: argparse.Namespace) -> Options:
    """The `Options` the parsed arguments ask for (absent flags keep the defaults)."""
    changes: dict[str, Any] = {
        "include_comments": bool(getattr(args, "include_comments", False)),
        "include_tables": not getattr(args, "no_tables", False),
        "include_links": bool(getattr(args, "include_links", False)),
        "include_images": bool(getattr(args, "include_images", False)),
        # bold/italic only where the output shows them
        "include_formatting": getattr(args, "format", "text") in ("markdown", "html"),
    }
    names = [n.strip() for arg in getattr(args, "disable_rule", None) or [] for n in arg.split(",")]
    if any(names):
        changes["disabled_rules"] = frozenset(n for n in names if n)
    if getattr(args, "min_body_chars", None) is not None:
        changes["min_body_chars"] = args.min_body_chars
    return Options().replace(**changes)


# --------------------------------------------------------------------------- rendering

def render_document(record: Record, fmt: str, *, explain: bool = False) -> str:
    """One input as `fmt`, ending with a newline unless empty.

    JSON formats render error records too; the others need ``record.article``.
    """
    if fmt == "json":
        return json.dumps(record.to_dict(include_removed=explain), ensure_ascii=False,
                          indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(record.to_dict(include_removed=explain), ensure_ascii=False) + "\n"
    article = record.article
    if article is None:
        return ""
    if fmt == "markdown":
        body = article.to_markdown()
    elif fmt == "html":
        body = article.to_html()
    else:
        body = article.text
    return body.rstrip("\n") + "\n" if body.strip() else ""


def explain_lines(source: str, article: Article) -> list[str]:
    """``path: [rule] reason — "excerpt"`` for every removed block, one line each."""
    return [one_line(f'{source}: [{r.rule}] {r.reason} — "{r.excerpt}"', limit=1000)
            for r in article.removed]


# --------------------------------------------------------------------------- sinks

class _StdoutSink:
    """Writes documents to stdout; several inputs get ``==> path <==`` headers or an array."""

    def __init__(self, out: TextIO, fmt: str, multi: bool, explain: bool) -> None:
        self.out, self.fmt, self.multi, self.explain = out, fmt, multi, explain
        self.count = 0

    def emit(self, record: Record) -> None:
        if record.article is None and self.fmt not in ("json", "jsonl"):
            return
        doc = render_document(record, self.fmt, explain=self.explain)
        self.out.write(self._frame(record.source, doc))
        self.out.flush()
        self.count += 1

    def _frame(self, source: str, doc: str) -> str:
        if not self.multi or self.fmt == "jsonl":
            return doc
        if self.fmt == "json":
            item = "  " + doc.rstrip("\n").replace("\n", "\n  ")
            return ("[\n" if self.count == 0 else ",\n") + item
        return ("\n" if self.count else "") + f"==> {source} <==\n" + doc

    def close(self) -> None:
        if self.multi and self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
        self.out.flush()


class _DirSink:
    """Writes one file per cleaned input into a folder, keeping file names unique."""

    def __init__(self, folder: Path, fmt: str, explain: bool) -> None:
        self.folder, self.fmt, self.explain = folder, fmt, explain
        self.used: set[str] = set()

    def emit(self, record: Record) -> None:
        if record.article is None:
            return
        target = self.folder / self._unique_name(record.source)
        text = render_document(record, self.fmt, explain=self.explain)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _OutputError(f"cannot write {target}: {exc.strerror or exc}") from None

    def _unique_name(self, source: str) -> str:
        stem = "stdin" if source == "-" else (Path(source).stem or "page")
        suffix, n = FORMATS[self.fmt], 1
        name = f"{stem}.{suffix}"
        while name.casefold() in self.used:
            n += 1
            name = f"{stem}-{n}.{suffix}"
        self.used.add(name.casefold())
        return name

    def close(self) -> None:
        pass


class _JsonlFileSink:
    """Appends one JSONL record per input to a file, flushed as it comes (resumable)."""

    def __init__(self, path: str, *, explain: bool, resume: bool) -> None:
        self.explain = explain
        self.done: set[str] = set()
        if resume:
            self.done, _bad, _cut = resume_keys(path, lambda r: r.get("source"))
        self.writer = JsonlWriter(path, append=resume)

    def emit(self, record: Record) -> None:
        self.writer.write(record.to_dict(include_removed=self.explain))

    def close(self) -> None:
        self.writer.close()


class _OutputError(Exception):
    """Writing the output of one input failed; the message names the target."""


# --------------------------------------------------------------------------- commands

def _cmd_clean(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    if args.resume and not _jsonl_file(args):
        _error("--resume needs -f jsonl and -o OUT.jsonl")
        return 2
    if args.dask:
        return _clean_on_dask(args, options)
    sink = _make_sink(args)
    if sink is None:
        return 1
    items = iter_inputs(args.paths)
    if isinstance(sink, _JsonlFileSink) and sink.done:
        items = (item for item in items if item.source not in sink.done)
    records = run_batch(items, options, workers=args.workers, ordered=args.ordered,
                        page_timeout=_page_timeout(args))
    try:
        failed = _drain(records, sink, args.explain, note=args.format not in ("json", "jsonl"))
    finally:
        sink.close()
    return 1 if failed else 0


def _cmd_warc(args: argparse.Namespace) -> int:
    from .warc_run import UsageError, run_warc

    try:
        return run_warc(args.paths, args.output, options=options_from_args(args), workers=args.workers,
                        ordered=args.ordered, page_timeout=_page_timeout(args), resume=args.resume,
                        overwrite=args.overwrite, dask_address=args.dask)
    except (UsageError, ImportError) as exc:
        _error(str(exc))
        return 2


def _clean_on_dask(args: argparse.Namespace, options: Options) -> int:
    """clean --dask: the cluster cleans the files; their JSONL records are written here."""
    if args.format != "jsonl" or (args.output and not _jsonl_file(args)):
        _error("--dask needs -f jsonl (to stdout, or -o OUT.jsonl)")
        return 2
    try:
        from .dask import cluster_records
    except ImportError as exc:
        _error(str(exc))
        return 2
    done = resume_keys(args.output, lambda r: r.get("source"))[0] if args.resume else set()
    failed = False
    with JsonlWriter(args.output or "-", append=args.resume) as writer:
        try:
            for record in cluster_records(args.paths, args.dask, options=options, ordered=args.ordered,
                                          page_timeout=_page_timeout(args)):
                if record.get("source") in done:
                    continue
                writer.write(record)
                if "error" in record:
                    failed = True
                    _error(f"{record['source']}: {record['error']['message']}")
        except ValueError as exc:  # e.g. '-': standard input is not for a cluster
            _error(str(exc))
            return 2
    return 1 if failed else 0


def _jsonl_file(args: argparse.Namespace) -> bool:
    return args.format == "jsonl" and (args.output or "").endswith(".jsonl")


def _cmd_fetch(args: argparse.Namespace) -> int:
    try:
        from .fetch import FetchOptions
        from .fetch._command import UsageError, run_fetch
    except ImportError as exc:
        _error(f"fetch needs the 'fetch' extra (pip install 'cleannews[fetch]'): {exc}")
        return 2
    changes: dict[str, Any] = {
        "concurrency": args.concurrency, "per_host": args.per_host, "delay": args.delay,
        "respect_robots": not args.ignore_robots, "retries": args.retries,
        "backoff": args.backoff, "timeout": args.timeout,
        "connect_timeout": args.connect_timeout, "read_timeout": args.read_timeout,
        "max_bytes": args.max_bytes, "max_redirects": args.max_redirects,
        "clean_workers": args.workers, "save_raw": args.save_raw, "warc": args.warc,
    }
    if args.user_agent:
        changes["user_agent"] = args.user_agent
    if args.warc and not _warc_output_ready(args):
        return 2
    try:
        return run_fetch(args.urls, args.output, fetch_options=FetchOptions(**changes),
                         options=options_from_args(args), resume=args.resume,
                         overwrite=args.overwrite, progress=not args.no_progress,
                         log_every=args.log_every)
    except UsageError as exc:
        _error(str(exc))
        return 2


def _warc_output_ready(args: argparse.Namespace) -> bool:
    """fetch --warc: the extra is installed; an existing file is resumed or overwritten."""
    try:
        import warcio  # noqa: F401
    except ImportError:
        _error("--warc needs the 'warc' extra: pip install 'cleannews[warc]'")
        return False
    if not args.resume and os.path.exists(args.warc) and os.path.getsize(args.warc) > 0:
        if not args.overwrite:
            _error(f"{args.warc} exists: use --resume to add to it or --overwrite")
            return False
        os.remove(args.warc)
    return True


def _make_sink(args: argparse.Namespace) -> _StdoutSink | _DirSink | _JsonlFileSink | None:
    if _jsonl_file(args):
        try:
            return _JsonlFileSink(args.output, explain=args.explain, resume=args.resume)
        except OSError as exc:
            _error(f"cannot write {args.output}: {exc.strerror or exc}")
            return None
    if args.output is None:
        multi = len(args.paths) > 1 or any(os.path.isdir(p) for p in args.paths)
        return _StdoutSink(sys.stdout, args.format, multi, args.explain)
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(f"cannot create output directory {folder}: {exc.strerror or exc}")
        return None
    return _DirSink(folder, args.format, args.explain)


def _drain(records: Iterable[Record], sink: _StdoutSink | _DirSink | _JsonlFileSink, explain: bool,
           note: bool) -> bool:
    """Emit every record; report problems on stderr.  True when any input failed."""
    failed = False
    for record in records:
        if record.error is not None:
            _error(f"{record.source}: {record.error}")
            failed = True
        try:
            sink.emit(record)
        except BrokenPipeError:
            raise
        except _OutputError as exc:
            _error(f"{record.source}: {exc}")
            failed = True
            continue
        except Exception as exc:  # noqa: BLE001 - a rendering bug must not stop the batch
            _error(f"{record.source}: {type(exc).__name__}: {exc}")
            failed = True
            continue
        if record.article is not None:
            _diagnose(record.source, record.article, explain, note)
    return failed


def _diagnose(source: str, article: Article, explain: bool, note: bool) -> None:
    for line in explain_lines(source, article) if explain else []:
        _stderr(line)
    if note and not article.is_article:
        reason = f" ({article.reason})" if article.reason else ""
        _stderr(f"{PROG}: note: {source}: not an article{reason}")


def _error(message: str) -> None:
    _stderr(f"{PROG}: error: {one_line(message, limit=1000)}")


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


# --------------------------------------------------------------------------- main

def _utf8_stdio() -> None:
    """Always speak UTF-8, whatever the locale (Japanese text under ``LC_ALL=C``)."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors=errors)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (argparse exits 2 on usage errors)."""
    _utf8_stdio()
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        _stderr(f"{PROG}: interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
