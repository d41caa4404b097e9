"""The README's PySpark recipe (`mapPartitions` over WARC paths with `warc_records`) on a
local Spark: the same records as a local run.  Skipped where PySpark or Java is missing
(neither is in the ``test`` extra: PySpark is a 300+ MB download and needs a JVM)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastwarc")
pyspark_sql = pytest.importorskip("pyspark.sql")
if shutil.which("java") is None:
    pytest.skip("PySpark needs Java", allow_module_level=True)

from cleannews.records import TIMING_FIELDS  # noqa: E402
from cleannews.warc import warc_records  # noqa: E402

from warc_pages import corrupt_gzip, mixed_warc  # noqa: E402


def untimed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in TIMING_FIELDS} for row in rows]


def test_map_partitions_over_warc_paths_gives_the_local_records(tmp_path: Path) -> None:
    mixed_warc(tmp_path / "a.warc.gz", 0, 3)
    mixed_warc(tmp_path / "b.warc", 10, 2)
    mixed_warc(tmp_path / "c.warc.gz", 20, 12)
    corrupt_gzip(tmp_path / "c.warc.gz")
    paths = [str(tmp_path / n) for n in ("a.warc.gz", "b.warc", "c.warc.gz")]
    spark = (pyspark_sql.SparkSession.builder.master("local[2]").appName("cleannews-test")
             .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
    try:
        # the README recipe
        rdd = spark.sparkContext.parallelize(paths, len(paths)).mapPartitions(warc_records)
        remote = rdd.collect()
    finally:
        spark.stop()
    local = list(warc_records(paths))
    assert any(not r["ok"] for r in local) and len(local) > 5
    assert untimed(remote) == untimed(local)
