"""Run by tests/test_exec_ray.py in a fresh process: one local Ray cluster (2 CPUs) for the
executor checks and `corroborator ingest --executor ray`; prints one JSON object.

A separate process because `ray.init` aborts a process that loaded usearch before Ray (see
`corroborator.exec.ray`), and the test session loads usearch in other test modules.

Usage: python tests/ray_driver.py CORPUS_FOLDER WORK_FOLDER
"""

from __future__ import annotations

import json
import os
import sys
from functools import partial
from pathlib import Path

import ray  # before anything loads usearch

from corroborator.exec.ray import RayExecutor


def times_ten(chunk: list[int]) -> list[int]:
    return [x * 10 for x in chunk]


def tagged(chunk: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [x * 10 for x in chunk]


def dies_once(marker: str, chunk: list[int]) -> list[int]:
    """Kills its worker the first time it sees 7 (Ray retries the task on another worker)."""
    if 7 in chunk and not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)
    return [x * 10 for x in chunk]


def dies_in_a_worker(parent: int, chunk: list[int]) -> list[int]:
    """Kills every worker it runs in (retries fail too); fine in `parent`."""
    if os.getpid() != parent and 7 in chunk:
        os._exit(1)
    return [x * 10 for x in chunk]


def main() -> None:
    corpus, work = Path(sys.argv[1]), Path(sys.argv[2])
    out: dict[str, object] = {}
    with RayExecutor(2) as ex:
        first = ex.submit(tagged, list(range(25)), 4)
        second = ex.submit(times_ten, [100, 200], 1)
        out["second"] = [x for part in ex.results(second) for x in part]
        got = list(ex.results(first))
        out["order"] = [x for _, part in got for x in part]
        out["in_workers"] = all(pid != os.getpid() for pid, _ in got)
        out["retried"] = [
            x
            for part in ex.map(partial(dies_once, str(work / "marker")), list(range(20)), 3)
            for x in part
        ]
        out["broken_after_retry"] = ex.broken
        with RayExecutor(2) as lost:  # the same session: not shut down by this executor
            out["lost"] = [
                x
                for part in lost.map(partial(dies_in_a_worker, os.getpid()), list(range(20)), 3)
                for x in part
            ]
            out["broken_after_loss"] = lost.broken
        out["still_running"] = ray.is_initialized() and ex.map(times_ten, [1], 1) == [[10]]

        from typer.testing import CliRunner

        from corroborator.cli import app

        db = work / "ray.db"
        args = ["ingest", str(corpus), "--db", str(db), "--batch-size", "3"]
        res = CliRunner().invoke(app, [*args, "--executor", "ray", "--workers", "2"])
        out["ingest_exit"] = res.exit_code
        out["ingest_output"] = res.output
    out["shut_down"] = not ray.is_initialized()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
