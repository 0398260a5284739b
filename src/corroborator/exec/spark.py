"""Spark executor: the chunks of one submission are one Spark job, one partition per chunk,
run with `mapPartitions` (`pip install 'corroborator[spark]'`).

With no master, `local[workers]` runs in this process's JVM (started here, stopped on
`close`; the web UI off, Spark bound to the loopback interface); `master` (e.g.
`spark://host:7077`) is the user's cluster. A Spark session already active in this process is
used and left running. Spark's Python workers run this interpreter (`PYSPARK_PYTHON` is set
to it unless the user set it), and the cluster's workers must be able to import
corroborator (the same version).

`read_dataset` reads a Parquet or JSON Lines dataset (a file or a folder, on any file system
Spark reads: a local path, hdfs://, s3a://) for the ingest process, as (file, JSON text) rows
in a fixed order: files in path order, rows in file order.

Spark's Python workers are reused between tasks, so a model a step loads on first use is
loaded once per worker. A job is started from a background thread, so `submit` returns at
once and this process keeps working meanwhile. A failed job (a worker lost) is computed in
this process (see `corroborator.exec.base`); an error raised by the step itself is then
raised again here, by the same step.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from corroborator.exec.base import Executor, ExecutorError, Wait

T = TypeVar("T")
R = TypeVar("R")


def _apply_all(fn: Callable[[list[T]], R], chunks: Iterable[list[T]]) -> Iterator[R]:
    for chunk in chunks:
        yield fn(chunk)


#: What `read_dataset` reads: "parquet" (one row per record, its columns as a JSON object) or
#: "jsonl" (text files, one JSON object per line, `.gz` read as such).
DATASET_FORMATS = ("parquet", "jsonl")
_GLOBS = {"parquet": "*.parquet", "jsonl": "*.jsonl*"}


def dataset_format(path: str) -> str:
    """The format of a dataset path: "parquet" for a `.parquet` file or a local folder of
    them, else "jsonl"."""
    if path.rstrip("/").endswith(".parquet"):
        return "parquet"
    if "://" not in path and os.path.isdir(path):
        for _, _, files in os.walk(path):
            if any(f.endswith(".parquet") for f in files):
                return "parquet"
    return "jsonl"


def _nth(job: Future[list[Any]], n: int) -> Any:
    return job.result()[n]


class SparkExecutor(Executor):
    kind = "spark"

    def __init__(self, workers: int = 2, master: str | None = None):
        super().__init__(max(1, workers))
        try:
            from pyspark.sql import SparkSession
        except ImportError as exc:
            raise ExecutorError(
                "the spark executor needs PySpark: pip install 'corroborator[spark]'"
            ) from exc
        self.master = master or f"local[{self.workers}]"
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        if self.master.startswith("local"):
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        active = SparkSession.getActiveSession()
        self._owned = active is None
        try:
            self.spark: Any = active or (
                SparkSession.builder.master(self.master)
                .appName("corroborator")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate()
            )
        except Exception as exc:
            raise ExecutorError(f"could not start Spark on {self.master}: {exc}") from exc
        if self._owned:
            self.spark.sparkContext.setLogLevel("ERROR")
        self._jobs: ThreadPoolExecutor | None = ThreadPoolExecutor(1, "spark-jobs")

    def _run(self, fn: Callable[[list[T]], R], chunks: list[list[T]]) -> list[R]:
        rdd = self.spark.sparkContext.parallelize(chunks, len(chunks))
        out: list[R] = rdd.mapPartitions(partial(_apply_all, fn)).collect()
        if len(out) != len(chunks):
            raise RuntimeError(f"spark returned {len(out)} results for {len(chunks)} chunks")
        return out

    def _launch(self, fn: Callable[[list[T]], R], chunks: list[list[T]]) -> list[Wait | None]:
        if self._jobs is None:
            return [None] * len(chunks)
        job = self._jobs.submit(self._run, fn, chunks)
        return [partial(_nth, job, n) for n in range(len(chunks))]

    def _lost(self, exc: BaseException) -> bool:
        return True  # any failed job: its chunks are computed here (a step's bug raises again)

    def _shutdown(self, now: bool) -> None:
        if self._jobs is not None:
            self._jobs.shutdown(wait=not now, cancel_futures=True)
            self._jobs = None
        if self._owned:
            self.spark.stop()
            self._owned = False

    def read_dataset(
        self, path: str, fmt: str, columns: tuple[str, ...]
    ) -> Iterator[tuple[str, str]]:
        """(file URI, record as JSON text) for each record of the dataset at `path`: files
        in path order (sub-folders included; for a folder, only `*.parquet` or `*.jsonl*`
        files), records in file order, streamed to this process a partition at a time.

        Parquet: the record is a JSON object of the row's `columns` that the dataset has
        (other columns are not read), each value as text, nulls left out; a dataset with none
        of them raises ExecutorError. JSON Lines: the record is the line as it is (blank and
        malformed lines included: the reader of the lines decides). A path Spark cannot read
        raises ExecutorError with Spark's one-line reason."""
        from pyspark.sql import functions as F

        if fmt not in DATASET_FORMATS:
            raise ExecutorError(
                f"unknown dataset format {fmt!r}: choose one of {', '.join(DATASET_FORMATS)}"
            )
        reader = self.spark.read.option("recursiveFileLookup", "true")
        if not path.rstrip("/").endswith((".parquet", ".jsonl", ".jsonl.gz")):
            reader = reader.option("pathGlobFilter", _GLOBS[fmt])
        try:
            if fmt == "parquet":
                df = reader.parquet(path)
                have = [c for c in columns if c in df.columns]
                if not have:
                    raise ExecutorError(
                        f"{path}: the dataset has none of the columns {', '.join(columns)}"
                    )
                fields = [F.col(c).cast("string").alias(c) for c in have]
                value = F.to_json(F.struct(*fields))
            else:
                df = reader.text(path)
                value = F.col("value")
            rows = df.select(
                F.input_file_name().alias("file"),
                F.monotonically_increasing_id().alias("row"),
                value.alias("record"),
            ).orderBy("file", "row")
            for r in rows.toLocalIterator():
                yield r["file"], r["record"]
        except ExecutorError:
            raise
        except Exception as exc:  # Spark's AnalysisException, a Py4J error
            reason = " ".join(str(exc).split("\n")[0].split())
            raise ExecutorError(f"Spark cannot read {path}: {reason}") from None

    def describe(self) -> str:
        return f"spark, mapPartitions on {self.master}"
