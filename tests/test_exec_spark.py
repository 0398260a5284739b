"""`ingest --executor spark` on local[2] writes the same store as the local executor: the
same `report` JSON for every story, byte for byte. One Spark session for the module (the JVM
starts once); skipped only when the `spark` extra is not installed."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from equivalence_corpus import canonical_export, write_corpus

pytest.importorskip("pyspark", reason="the spark extra is not installed: pip install -e '.[spark]'")

from pyspark import cloudpickle

from corroborator.exec.spark import SparkExecutor

# Spark's Python workers cannot import this test module: ship its functions by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkExecutor]:
    """A local[2] session shared by the module's tests (executors made meanwhile reuse it)."""
    with SparkExecutor(2) as ex:
        yield ex


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("spark") / "in")


def dies_in_a_worker(parent: int, chunk: list[int]) -> list[int]:
    """Kills the Spark Python worker it runs in; fine in `parent` (this process)."""
    if os.getpid() != parent and 7 in chunk:
        os._exit(1)
    return [x * 10 for x in chunk]


def times_ten(chunk: list[int]) -> list[int]:
    return [x * 10 for x in chunk]


def test_chunks_come_back_in_order_from_spark(spark: SparkExecutor) -> None:
    first = spark.submit(times_ten, list(range(25)), 4)
    second = spark.submit(times_ten, [100, 200], 1)
    assert [x for part in spark.results(second) for x in part] == [1000, 2000]
    assert [x for part in spark.results(first) for x in part] == [x * 10 for x in range(25)]
    assert spark.broken is None and spark.master == "local[2]"


def test_a_killed_spark_worker_loses_and_duplicates_nothing(spark: SparkExecutor) -> None:
    with SparkExecutor(2) as ex:  # the module's session, not stopped by this executor
        got = ex.map(partial(dies_in_a_worker, os.getpid()), list(range(20)), 3)
        assert ex.broken is not None and "spark executor failed" in ex.broken
    assert [x for part in got for x in part] == [x * 10 for x in range(20)]
    assert spark.map(times_ten, [1], 1) == [[10]]  # the session still runs


def test_ingest_on_spark_gives_the_local_reports_byte_for_byte(
    spark: SparkExecutor, corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    exports = {}
    for executor, workers in (("local", "0"), ("spark", "2")):
        db = tmp_path / f"{executor}.db"
        args = ["ingest", str(corpus), "--db", str(db), "--batch-size", "3"]
        res = runner.invoke(app, [*args, "--executor", executor, "--workers", workers])
        assert res.exit_code == 0, res.output
        assert "added 7" in res.output and "went on in the main process" not in res.output
        exports[executor] = canonical_export(db, tmp_path / executor)
    assert exports["spark"] == exports["local"]
    assert '"relation": "translation"' in exports["spark"]
