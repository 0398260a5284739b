"""`ingest --dataset PATH`: a Parquet or JSON Lines dataset that Spark reads itself.

With `--executor spark`, an input may be a dataset on any file system Spark reads (a local
path, hdfs://, s3a://): Spark reads its files, and their records stream to the ingest process
in a fixed order (files in path order, records in file order; `SparkExecutor.read_dataset`),
where they go through the same reader as a local JSON Lines file: the same fields, checks,
bounds and skips (`read_jsonl_lines`, `guarded`). An article's source is its file and record
number ("crawl/part-0001.parquet:17"), with the file named as the user gave the dataset
(`path` itself, or `path/<file in it>`), so that a JSON Lines dataset read by Spark gives the
store a local ingest of the same files gives, byte for byte (tests/test_spark_datasets.py).

Parquet columns read (any other column is ignored; at least `text` or `html`):

    text       string   plain text of the article (or)
    html       string   the article's HTML page (used when there is no text)
    title      string   title
    url        string   URL
    published  string   publication date or date-time (ISO 8601 or a date in words)
    outlet     string   outlet name
    language   string   ISO 639-1 code, when known (detected otherwise)

Values of another type are read as their text (a timestamp as "2026-03-10 08:00:00").

The per-article steps then run on the executor as for any input; story assignment, analysis
and the store stay in the ingest process (see docs/scaling.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from corroborator.ingest.files import display_name
from corroborator.ingest.readers import read_jsonl_lines
from corroborator.ingest.walk import guarded
from corroborator.model import RawDocument, Skip

if TYPE_CHECKING:
    from corroborator.exec.spark import SparkExecutor
    from corroborator.jobs.ingest import CorpusIngest, IngestSummary

#: The Parquet columns an article is read from (see the module docstring).
COLUMNS = ("text", "html", "title", "url", "published", "outlet", "language")

Record = RawDocument | Skip


def file_label(uri: str, given: str) -> str:
    """The name of a dataset file `uri` (as Spark names it) in the form the user gave the
    dataset: `given` itself, or `given/<path inside it>`; a remote URI as it is."""
    if "://" in given:
        return display_name(uri)
    parsed = urlparse(uri)
    if parsed.scheme not in ("", "file"):
        return display_name(uri)
    found = Path(unquote(parsed.path))
    root = Path(os.path.abspath(given))
    if found == root:
        return display_name(given)
    try:
        return display_name(Path(given) / found.relative_to(root))
    except ValueError:
        return display_name(uri)


def dataset_records(spark: SparkExecutor, path: str, fmt: str) -> Iterator[Record]:
    """The records of the dataset at `path` (`fmt`: "parquet" or "jsonl"), read by Spark,
    as a local JSON Lines reader gives them (see the module docstring)."""
    rows = spark.read_dataset(path, fmt, COLUMNS)
    for uri, group in groupby(rows, key=lambda r: r[0]):
        name = file_label(uri, path)
        lines = (record.encode("utf-8", "surrogatepass") for _, record in group)
        yield from guarded(read_jsonl_lines(lines, name), name)


def ingest_records(
    ingest: CorpusIngest,
    records: Iterable[Record],
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """`CorpusIngest.run` over records instead of paths: the same batches, the same overlap
    of the workers' preparation with this process's assignment and writes, the same end."""
    return ingest.run([], progress, records=records)
