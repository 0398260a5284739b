"""The step contract and the executor contract on the local executor (in this process and a
process pool): results in input order, chunks cut alike, a killed worker loses and
duplicates nothing; executors import no domain code; the CLI's executor options."""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from corroborator.exec import ExecutorError, make_executor
from corroborator.exec.base import chunked
from corroborator.exec.local import LocalExecutor
from corroborator.model import Skip
from corroborator.step import Counters, Step, run_chunk

EXEC = Path(__file__).resolve().parents[1] / "src" / "corroborator" / "exec"


@dataclass
class Halve(Step[int, int]):
    """Even numbers halved; odd ones skipped."""

    name: ClassVar[str] = "halve"

    def process(self, record: int) -> int | Skip:
        return record // 2 if record % 2 == 0 else Skip(str(record), "odd")


def tagged(chunk: list[int]) -> tuple[int, list[int]]:
    """A chunk's items with the process that computed them."""
    return os.getpid(), [x * 10 for x in chunk]


def dies_in_a_worker(parent: int, chunk: list[int]) -> list[int]:
    """Kills the worker process it runs in (a worker killed mid-batch); fine in `parent`."""
    if os.getpid() != parent and 7 in chunk:
        os._exit(1)
    return [x * 10 for x in chunk]


def test_run_chunk_counts_records_in_out_and_skipped() -> None:
    out, counters = run_chunk(Halve(), [2, 3, 4, 5, 6])
    assert out == [1, Skip("3", "odd"), 2, Skip("5", "odd"), 3]
    assert (counters.records_in, counters.records_out, counters.skipped) == (5, 3, 2)
    assert counters.seconds >= 0
    total = Counters()
    total.add(counters)
    total.add(counters)
    assert total.to_dict()["in"] == 10 and total.to_dict()["skipped"] == 4


def test_a_step_that_loses_a_record_is_an_error() -> None:
    @dataclass
    class Drops(Step[int, int]):
        def process_batch(self, records: object) -> list[int | Skip]:
            return []

    with pytest.raises(RuntimeError, match="0 outputs for 2"):
        run_chunk(Drops(), [1, 2])


def test_chunks_are_cut_alike_whatever_the_executor() -> None:
    assert chunked(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert chunked([], 3) == []
    assert chunked([1, 2], 0) == [[1], [2]]


def test_in_process_executor_runs_here_in_order() -> None:
    with make_executor("local", 0) as ex:
        assert isinstance(ex, LocalExecutor) and ex.pool is None
        got = ex.map(tagged, list(range(10)), 3)
    assert [pid for pid, _ in got] == [os.getpid()] * 4
    assert [x for _, part in got for x in part] == [x * 10 for x in range(10)]


def test_pool_executor_runs_in_workers_in_order() -> None:
    with make_executor("local", 2) as ex:
        first = ex.submit(tagged, list(range(10)), 3)
        second = ex.submit(partial(run_chunk, Halve()), [4, 5], 1)
        got = list(ex.results(first))
        halves = list(ex.results(second))
    assert all(pid != os.getpid() for pid, _ in got)
    assert [x for _, part in got for x in part] == [x * 10 for x in range(10)]
    assert [out for out, _ in halves] == [[2], [Skip("5", "odd")]]
    assert ex.broken is None


def test_a_killed_worker_loses_and_duplicates_nothing() -> None:
    items = list(range(20))
    with make_executor("local", 2) as ex:
        got = ex.map(partial(dies_in_a_worker, os.getpid()), items, 3)
        assert ex.broken is not None and "worker pool broke" in ex.broken
        # Once broken, later work runs in this process.
        assert ex.map(tagged, [1], 1) == [(os.getpid(), [10])]
    assert [x for part in got for x in part] == [x * 10 for x in items]


def test_executors_import_no_domain_code() -> None:
    for path in sorted(EXEC.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.startswith("corroborator"):
                    assert name.startswith("corroborator.exec"), f"{path.name} imports {name}"


def test_unknown_executor_and_misplaced_address_are_clear_errors() -> None:
    with pytest.raises(ExecutorError, match="unknown executor 'dask'"):
        make_executor("dask", 1)
    with pytest.raises(ExecutorError, match="takes no cluster address"):
        make_executor("local", 1, "ray://head:10001")


def test_cli_refuses_an_address_for_another_executor(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    res = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--ray-address", "auto"])
    assert res.exit_code == 2 and "--ray-address needs --executor ray" in res.output
    res = runner.invoke(
        app, ["ingest", str(tmp_path), "--db", db, "--executor", "ray", "--spark-master", "x"]
    )
    assert res.exit_code == 2 and "--spark-master needs --executor spark" in res.output
    res = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--executor", "dask"])
    assert res.exit_code == 2 and "dask" in res.output


def test_preparer_counts_each_step() -> None:
    from corroborator.corpus.work import Preparer
    from corroborator.model import RawDocument

    text = (
        "The Skerra ferry will resume on Monday after a two-month pause. The operator said "
        "the new vessel can carry 300 passengers."
    )
    items = [
        (RawDocument(source="a.txt", text=text, title="Ferry to resume"), "a1"),
        (RawDocument(source="b.txt", text="   "), "a2"),
    ]
    with Preparer(0, chunk=1) as prep:
        got = list(prep.results(prep.submit(items)))
        vectors = prep.embeddings(prep.submit_embed([got[0].lead]), 512)
    assert isinstance(got[1].article, Skip) and not isinstance(got[0].article, Skip)
    prepare, embed = prep.counters["prepare"], prep.counters["embed leads"]
    assert (prepare.records_in, prepare.records_out, prepare.skipped) == (2, 1, 1)
    assert (embed.records_in, embed.records_out) == (1, 1) and vectors.shape == (1, 512)
