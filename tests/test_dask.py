"""`cleannews.dask` on a real `dask.distributed` cluster (two worker processes on loopback):
the same records as the local run, shards that read back, and a page that hangs or kills its
process turned into the local pool's error record."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc")
distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from cleannews import batch, cli, warc  # noqa: E402
from cleannews.batch import iter_inputs, run_batch  # noqa: E402
from cleannews.cli import main  # noqa: E402
from cleannews.dask import cluster_records, records_bag, write_records  # noqa: E402
from cleannews.records import TIMING_FIELDS  # noqa: E402
from cleannews.warc import file_error_record, iter_warc_pages, page_record, WarcFileError, WarcWriter  # noqa: E402

from bad_pages import CRASH, HANG, BadPageOptions, hanging_or_crashing  # noqa: E402
from warc_pages import article, corrupt_gzip, html_exchange, mixed_warc  # noqa: E402


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  scheduler_port=0, dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("warcs")
    mixed_warc(folder / "a.warc.gz", 0, 4)
    mixed_warc(folder / "b.warc", 10, 3)
    mixed_warc(folder / "c.warc.gz", 20, 12)
    corrupt_gzip(folder / "c.warc.gz")
    return [str(folder / name) for name in ("a.warc.gz", "b.warc", "c.warc.gz")]


def untimed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in TIMING_FIELDS} for row in rows]


def local_records(paths: list[str]) -> list[dict[str, Any]]:
    return [file_error_record(p) if isinstance(p, WarcFileError) else page_record(p)
            for p in iter_warc_pages(paths)]


def test_the_cluster_gives_exactly_the_records_of_the_local_run(cluster: Any, warcs: list[str]) -> None:
    local = local_records(warcs)
    assert any(not r["ok"] for r in local) and sum(r["ok"] for r in local) > 7  # the corrupt file counts too
    remote = list(cluster_records(warcs, cluster.scheduler_address, ordered=True))
    assert untimed(remote) == untimed(local)


def test_warc_cli_with_dask_matches_the_local_pool(cluster: Any, warcs: list[str], tmp_path: Path) -> None:
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["warc", *warcs, "-o", str(local), "--workers", "1"]) == 1  # the corrupt file
    assert main(["warc", *warcs, "-o", str(remote), "--dask", cluster.scheduler_address]) == 1

    def rows(path: Path) -> list[dict[str, Any]]:
        out = untimed([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
        return sorted(out, key=lambda r: (r["warc_file"], r["warc_record_id"] or ""))

    assert rows(remote) == rows(local)


def test_shards_read_back_as_the_records(cluster: Any, warcs: list[str], tmp_path: Path) -> None:
    expected = untimed(local_records(warcs))
    with distributed.Client(cluster.scheduler_address):
        bag = records_bag(warcs, page_timeout=None)  # cleaned in the Dask workers' threads
        assert bag.npartitions == 3
        jsonl = write_records(bag, str(tmp_path / "jsonl"))
        parquet = write_records(bag, str(tmp_path / "parquet"), format="parquet")
    assert [Path(p).name for p in parquet] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [Path(p).name for p in jsonl] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    from_jsonl = [json.loads(line) for p in jsonl for line in Path(p).read_text(encoding="utf-8").splitlines()]
    assert untimed(from_jsonl) == expected
    table = pq.read_table(str(tmp_path / "parquet"))
    assert table.num_rows == len(expected)
    rows = sorted(table.to_pylist(), key=lambda r: (r["warc_file"], r["warc_record_id"] or ""))
    want = sorted(expected, key=lambda r: (r["warc_file"], r["warc_record_id"] or ""))
    assert [(r["warc_record_id"], r["title"], r["text"], r["error"]) for r in rows] == \
        [(r["warc_record_id"], r["title"], r["text"], r["error"]) for r in want]


def test_html_files_make_the_records_of_clean_jsonl(cluster: Any, tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"p{n}.html").write_text(article(n), encoding="utf-8")
    (tmp_path / "empty.html").write_text("")
    expected = [r.to_dict() for r in run_batch(iter_inputs([str(tmp_path)]))]
    with distributed.Client(cluster.scheduler_address):
        got = records_bag([str(tmp_path)], files_per_partition=2).compute()
    assert got == expected
    assert any("error" in r for r in got)


def test_warc_and_html_paths_do_not_mix(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not both"):
        records_bag(["a.warc.gz", "page.html"])


def test_clean_cli_with_dask_matches_the_local_run(cluster: Any, tmp_path: Path) -> None:
    for n in range(4):
        (tmp_path / f"p{n}.html").write_text(article(n), encoding="utf-8")
    (tmp_path / "empty.html").write_text("")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["clean", str(tmp_path), "-f", "jsonl", "-o", str(local), "--workers", "1"]) == 1
    assert main(["clean", str(tmp_path), "-f", "jsonl", "-o", str(remote), "--dask", cluster.scheduler_address,
                 "--ordered"]) == 1
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    assert main(["clean", "-", "-f", "jsonl", "--dask", cluster.scheduler_address]) == 2
    assert main(["clean", str(tmp_path), "--dask", cluster.scheduler_address]) == 2  # text output


# --------------------------------------------------------------------------- pages that hang or crash

def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _patch_for_bad_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make marked pages hang or crash wherever they are cleaned: the local pool's forked
    workers inherit a patched cleaner; the Dask workers and their worker subprocesses patch
    theirs when they unpickle the CLI's options (`BadPageOptions`)."""
    monkeypatch.setattr(warc, "clean", hanging_or_crashing(warc.clean))
    monkeypatch.setattr(batch, "clean", hanging_or_crashing(batch.clean))
    real = cli.options_from_args
    monkeypatch.setattr(cli, "options_from_args", lambda args: BadPageOptions(**dataclasses.asdict(real(args))))


def test_warc_dask_page_timeout_gives_the_local_pools_records(cluster: Any, warcs: list[str], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.warc.gz"
    with WarcWriter(str(bad)) as out:
        for n in range(7):
            html_exchange(out, n, marker={2: HANG, 5: CRASH}.get(n, ""))
    paths = [warcs[0], str(bad)]
    plain = untimed(local_records(paths))  # the real cleaner, in this process: no page misbehaves
    _patch_for_bad_pages(monkeypatch)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["warc", *paths, "-o", str(local), "--workers", "2", "--page-timeout", "1", "--ordered"]) == 1
    assert main(["warc", *paths, "-o", str(remote), "--dask", cluster.scheduler_address, "--page-timeout", "1",
                 "--ordered"]) == 1
    rows = untimed(jsonl_rows(remote))
    assert rows == untimed(jsonl_rows(local))  # same records, same error kinds and messages
    kinds = [r["error"]["kind"] if r["error"] else None for r in rows if r["warc_file"] == str(bad)]
    assert kinds == [None, None, "timeout", None, None, "worker_crash", None]
    (timed_out,) = [r for r in rows if r["error"] and r["error"]["kind"] == "timeout"]
    assert (timed_out["warc_file"], timed_out["url"]) == (str(bad), "https://news.example/en/2")
    assert timed_out["error"]["message"] == "page timeout: still running after 1 s (worker stopped)"
    misbehaving = {(str(bad), "https://news.example/en/2"), (str(bad), "https://news.example/en/5")}
    assert [r for r in rows if r["ok"]] == [r for r in plain if (r["warc_file"], r["url"]) not in misbehaving]


def test_clean_dask_page_timeout_gives_the_local_pools_records(cluster: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(6):
        marker = {1: HANG, 4: CRASH}.get(n, "")
        (pages / f"p{n}.html").write_text(article(n).replace("<body>", "<body>" + marker), encoding="utf-8")
    plain = [r.to_dict() for r in run_batch(iter_inputs([str(pages)]))]
    _patch_for_bad_pages(monkeypatch)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["clean", str(pages), "-f", "jsonl", "-o", str(local), "--workers", "2", "--page-timeout", "1",
                 "--ordered"]) == 1
    assert main(["clean", str(pages), "-f", "jsonl", "-o", str(remote), "--dask", cluster.scheduler_address,
                 "--page-timeout", "1", "--ordered"]) == 1
    assert remote.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    rows = jsonl_rows(remote)
    assert [r["error"]["kind"] if "error" in r else None for r in rows] == \
        [None, "timeout", None, None, "worker_crash", None]
    assert [r for r in rows if "error" not in r] == [plain[n] for n in (0, 2, 3, 5)]
