"""cleannews on Dask: WARC files or HTML files as a `dask.bag` of records, written as shards.

Needs the ``dask`` extra (``pip install 'cleannews[dask]'``: dask[bag], distributed,
pyarrow and the WARC readers); the core never imports this module.

    from dask.distributed import Client
    from cleannews.dask import records_bag, write_records

    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    bag = records_bag(["a.warc.gz", "b.warc.gz"])     # one partition per WARC file
    write_records(bag, "out/", format="parquet")      # out/part-00000.parquet, ...

The same code runs on a laptop (no Client: Dask's default scheduler) or on a cluster.
Records are those of `cleannews warc` (see `cleannews.records`) or, for HTML files, those
of ``cleannews clean -f jsonl``.

Isolation is that of the local pool (`cleannews.pool`): a page still running after
`page_timeout` seconds (default 60) becomes a ``timeout`` error record, one that kills the
process cleaning it a ``worker_crash`` record, with the local pool's error text, and the
partition goes on.  How: each partition's task reads its WARC file (or lists its HTML
files) in the Dask worker and hands the pages, a few at a time, to one worker subprocess
of its own, through `cleannews.pool.imap_isolated`, which kills and replaces that
subprocess when a page overruns.  Why a subprocess: a page cannot be stopped inside the
Dask worker itself (a thread cannot be killed, and signals/alarms only reach the main
thread, while Dask runs tasks in a thread pool), and `multiprocessing` refuses to start
children there (Dask workers are daemonic processes) and should not ``fork`` a threaded
process; so the worker is a fresh interpreter started with `subprocess`.  Cost: one
interpreter start with cleannews' imports per partition (~0.3-0.5 s; once more per page
that times out or crashes), and one pickle of each page and of each record between the
two processes, small next to cleaning a WARC file's pages.  ``page_timeout=None`` cleans
in the Dask worker's thread as before: no subprocess, no timeout, and a page that kills
the worker fails its partition after Dask's own retries.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator, Sequence
from typing import Any

try:
    import dask
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - depends on the install
    raise ImportError(f"cleannews.dask needs the 'dask' extra: pip install 'cleannews[dask]' ({exc})") from None

from .batch import InputItem, clean_one, iter_inputs, run_batch
from .options import Options
from .pool import DEFAULT_PAGE_TIMEOUT, imap_isolated
from .warc import item_failure_record, item_record, iter_warc_pages, warc_records

__all__ = ["WARC_SUFFIXES", "cluster_records", "record_schema", "records_bag", "write_records"]

#: File names taken as WARC files (others are HTML files or folders of them).
WARC_SUFFIXES = (".warc", ".warc.gz")


def records_bag(paths: Sequence[str], *, options: Options | None = None,
                files_per_partition: int = 64,
                page_timeout: float | None = DEFAULT_PAGE_TIMEOUT) -> db.Bag:
    """A bag of one record per HTML page of `paths`, computed lazily.

    Paths ending in `WARC_SUFFIXES` are WARC files (one partition each; their records are
    those of `cleannews warc`); any other path is an HTML file or a folder walked like
    ``cleannews clean`` does (on this machine, now), `files_per_partition` files per
    partition.  Give WARC files or HTML paths, not both.  Cost here: the folder walk only;
    the cleaning happens when the bag is computed, where the scheduler runs it.

    A page still running after `page_timeout` seconds becomes a ``timeout`` error record
    (and one that kills its process a ``worker_crash`` record): each partition cleans in a
    worker subprocess of its own (see the module docstring for why, and what it costs).
    ``None`` cleans in the Dask worker itself, unguarded.
    """
    options = options or Options()
    warcs = [p for p in paths if p.endswith(WARC_SUFFIXES)]
    if warcs and len(warcs) != len(paths):
        raise ValueError("give either WARC files or HTML files/folders, not both")
    if warcs:
        return db.from_sequence(warcs, npartitions=len(warcs)).map_partitions(_warc_partition, options,
                                                                              page_timeout)
    items = list(iter_inputs(paths))
    if any(item.stdin for item in items):
        raise ValueError("'-' (standard input) cannot be cleaned on a cluster: give files")
    if not items:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(items, partition_size=files_per_partition).map_partitions(_html_partition, options,
                                                                                      page_timeout)


def _warc_partition(paths: Sequence[str], options: Options, page_timeout: float | None) -> list[dict[str, Any]]:
    if page_timeout is None:
        return list(warc_records(paths, options=options))
    pages = iter_warc_pages(paths, max_bytes=options.max_input_bytes)
    return list(imap_isolated(functools.partial(item_record, options=options), pages,
                              on_failure=item_failure_record, workers=1, ordered=True,
                              timeout=page_timeout, subprocess_workers=True))


def _html_partition(items: Sequence[InputItem], options: Options,
                    page_timeout: float | None) -> list[dict[str, Any]]:
    if page_timeout is None:
        return [clean_one(item, options).to_dict() for item in items]
    return [record.to_dict() for record in run_batch(items, options, workers=1, ordered=True,
                                                     page_timeout=page_timeout, subprocess_workers=True)]


def write_records(bag: db.Bag, folder: str, *, format: str = "jsonl", compute: bool = True) -> list[str]:
    """Write `bag` as one shard per partition into `folder`: ``part-00000.jsonl`` (UTF-8
    JSON lines) or ``part-00000.parquet`` (`record_schema`).  Returns the shard paths.

    Each shard is written by the worker that computed its partition; nothing passes through
    this process.  With ``compute=False`` nothing runs and the paths are those to come.
    """
    if format not in ("jsonl", "parquet"):
        raise ValueError(f"format must be 'jsonl' or 'parquet', not {format!r}")
    os.makedirs(folder, exist_ok=True)
    parts = bag.to_delayed()
    paths = [os.path.join(folder, f"part-{i:05d}.{format}") for i in range(len(parts))]
    writer = _write_jsonl if format == "jsonl" else _write_parquet
    tasks = [dask.delayed(writer)(part, path) for part, path in zip(parts, paths, strict=True)]
    if compute:
        dask.compute(*tasks)
    return paths


def _write_jsonl(records: list[dict[str, Any]], path: str) -> str:
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _write_parquet(records: list[dict[str, Any]], path: str) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(records, schema=record_schema()), path)
    return path


def record_schema() -> Any:
    """The Arrow schema of the Parquet shards: every key of a `cleannews warc` record, and
    ``source`` for records of HTML files (a key a record lacks is null)."""
    import pyarrow as pa

    text, strings = pa.string(), pa.list_(pa.string())
    return pa.schema([
        ("source", text), ("url", text), ("final_url", text), ("status", pa.int32()), ("ok", pa.bool_()),
        ("error", pa.struct([("kind", text), ("message", text)])), ("fetched_at", text),
        ("elapsed_ms", pa.int64()), ("attempts", pa.int32()), ("content_type", text),
        ("warc_file", text), ("warc_record_id", text), ("warc_date", text),
        ("canonical_url", text), ("title", text), ("text", text), ("is_article", pa.bool_()),
        ("reason", text), ("page_type", text), ("authors", strings), ("published", text),
        ("modified", text), ("site_name", text), ("lang", text), ("description", text),
        ("image", text), ("tags", strings), ("categories", strings), ("comments", text),
    ])


def cluster_records(paths: Sequence[str], address: str, *, options: Options | None = None,
                    ordered: bool = False,
                    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT) -> Iterator[dict[str, Any]]:
    """Run `records_bag` on the Dask scheduler at `address` and yield its records here,
    partition by partition (in completion order unless `ordered`); `page_timeout` as there.

    Cost here: one partition's records at a time (a WARC file's worth).
    """
    from dask.distributed import Client, as_completed

    with Client(address) as client:  # as_completed needs it as the default client
        futures = client.compute(records_bag(paths, options=options, page_timeout=page_timeout).to_delayed())
        stream = futures if ordered else as_completed(futures)
        for future in stream:
            records = future.result()
            future.release()
            yield from records
