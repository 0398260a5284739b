"""`ingest --executor spark --dataset PATH`: a JSON Lines or Parquet dataset read by Spark
gives the store a local ingest of the same records gives, byte for byte; `--parquet-out`
writes the store's tables; progress lines come from the Spark executor as from any other.
One Spark session (local[2]) for the module; skipped only without the `spark` extra."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from corroborator.export import COLUMNS, export_table
from corroborator.store import open_store
from equivalence_corpus import CRAWL_ROWS, FERRY, canonical_export

pytest.importorskip("pyspark", reason="the spark extra is not installed: pip install -e '.[spark]'")
pa = pytest.importorskip("pyarrow", reason="the parquet extra is not installed")
import pyarrow.parquet as pq  # noqa: E402

from corroborator.exec.spark import SparkExecutor, dataset_format  # noqa: E402

ROWS: list[dict[str, Any]] = [
    *CRAWL_ROWS[:3],
    {**CRAWL_ROWS[3], "language": "fr"},
    *CRAWL_ROWS[4:],
    {"title": "Skerra ferry to resume", "text": FERRY},
]
PARTS = {"part-0": ROWS[:4], "part-1": ROWS[4:]}


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkExecutor]:
    """A local[2] session shared by the module (the CLI's executors reuse it)."""
    with SparkExecutor(2) as ex:
        yield ex


def _jsonl(folder: Path, extra: bool) -> Path:
    """The rows as JSON Lines in two files; `extra`: a blank line and a line not JSON."""
    folder.mkdir(parents=True)
    for name, rows in PARTS.items():
        lines = [json.dumps(r, ensure_ascii=False) for r in rows]
        if extra and name == "part-0":
            lines.insert(2, "")
        if extra and name == "part-1":
            lines.append("{not json")
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _parquet(folder: Path) -> Path:
    """The rows as two Parquet files, with a column ingest does not read (views)."""
    folder.mkdir(parents=True)
    names = ("title", "text", "url", "outlet", "published", "language")
    for name, rows in PARTS.items():
        table = {k: pa.array([r.get(k) for r in rows], pa.string()) for k in names}
        table["views"] = pa.array([1000 + n for n in range(len(rows))], pa.int64())
        pq.write_table(pa.table(table), folder / f"{name}.parquet")
    return folder


def _ingest(*args: str) -> Any:
    res = CliRunner().invoke(app, ["ingest", "--batch-size", "3", *args])
    return res


def test_a_jsonl_dataset_read_by_spark_gives_the_local_store(
    spark: SparkExecutor, tmp_path: Path
) -> None:
    data = _jsonl(tmp_path / "crawl", extra=True)
    local, remote = tmp_path / "local.db", tmp_path / "spark.db"
    res = _ingest(str(data), "--db", str(local), "--workers", "0")
    assert res.exit_code == 0, res.output
    out = tmp_path / "tables"
    res = _ingest(
        "--dataset",
        str(data),
        "--db",
        str(remote),
        "--executor",
        "spark",
        "--workers",
        "2",
        "--parquet-out",
        str(out),
        "--log-json",
    )
    assert res.exit_code == 0, res.output
    assert "added 7" in res.stdout and "skipped 1" in res.stdout
    progress = [
        json.loads(x) for x in res.stderr.splitlines() if x.startswith('{"event": "progress"')
    ]
    assert progress and progress[-1]["read"] == 7 and progress[-1]["rate"] > 0
    expected = canonical_export(local, tmp_path / "l")
    assert f'"source": "{data}/part-1.jsonl:3"' in expected  # named as the user gave it
    assert canonical_export(remote, tmp_path / "s") == expected
    # --parquet-out: the four tables, as `export -f parquet` writes them
    store = open_store(remote)
    try:
        for what, columns in COLUMNS.items():
            table = pq.read_table(out / f"{what}.parquet")
            assert table.schema.names == [c.name for c in columns]
            export_table(store, what, "parquet", tmp_path / f"{what}.parquet")
            assert table.equals(pq.read_table(tmp_path / f"{what}.parquet"))
            assert f"wrote {table.num_rows} {what} rows to {out / what}.parquet" in res.stderr
    finally:
        store.close()


def test_a_parquet_dataset_gives_the_store_of_the_same_records_as_json_lines(
    spark: SparkExecutor, tmp_path: Path
) -> None:
    lines, parquet = _jsonl(tmp_path / "j", extra=False), _parquet(tmp_path / "p")
    assert dataset_format(str(parquet)) == "parquet" and dataset_format(str(lines)) == "jsonl"
    local, remote = tmp_path / "local.db", tmp_path / "spark.db"
    assert _ingest(str(lines), "--db", str(local), "--workers", "0").exit_code == 0
    res = _ingest("--dataset", str(parquet), "--db", str(remote), "--executor", "spark")
    assert res.exit_code == 0, res.output
    got = canonical_export(remote, tmp_path / "s")
    assert f"{parquet}/part-0.parquet:4" in got  # file and row number
    got = got.replace(f"{parquet}/", f"{lines}/").replace(".parquet:", ".jsonl:")
    assert got == canonical_export(local, tmp_path / "l")
    # a single file, given as a file
    one = tmp_path / "one.db"
    res = _ingest(
        "--dataset", str(parquet / "part-1.parquet"), "--db", str(one), "--executor", "spark"
    )
    assert res.exit_code == 0, res.output
    assert "added 3" in res.stdout


def test_dataset_errors_are_one_line(spark: SparkExecutor, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    res = _ingest("--dataset", str(tmp_path / "none"), "--db", db, "--executor", "spark")
    assert res.exit_code == 1 and res.output.startswith("error: Spark cannot read")
    assert len(res.output.strip().splitlines()) == 1 and "PATH_NOT_FOUND" in res.output
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"headline": ["a"], "body": ["b"]}), bad)
    res = _ingest("--dataset", str(bad), "--db", db, "--executor", "spark")
    assert res.exit_code == 1 and "has none of the columns text, html" in res.output
    res = _ingest("--dataset", str(bad), "--db", db)
    assert res.exit_code == 2 and "--dataset needs --executor spark" in res.output
    res = _ingest("--db", db)
    assert res.exit_code == 2 and "give files or folders" in res.output
