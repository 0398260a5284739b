"""`ingest --executor ray` on a local cluster (2 CPUs) writes the same store as the local
executor: the same `report` JSON for every story, byte for byte; Ray tasks come back in
order, a worker killed once is retried by Ray, a worker killed every time loses and
duplicates no item. Skipped only when the `ray` extra is not installed.

Ray runs in one child process for the whole module (tests/ray_driver.py: one cluster start):
`ray.init` aborts a process that loaded usearch before Ray, as this test session does."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from equivalence_corpus import canonical_export, write_corpus

if importlib.util.find_spec("ray") is None:
    pytest.skip("the ray extra is not installed: pip install -e '.[ray]'", allow_module_level=True)

DRIVER = Path(__file__).parent / "ray_driver.py"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ray")


@pytest.fixture(scope="module")
def corpus(work: Path) -> Path:
    return write_corpus(work / "in")


@pytest.fixture(scope="module")
def driven(corpus: Path, work: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(corpus), str(work)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_ray_tasks_come_back_in_order(driven: dict[str, Any]) -> None:
    assert driven["second"] == [1000, 2000]
    assert driven["order"] == [x * 10 for x in range(25)]
    assert driven["in_workers"]


def test_a_killed_ray_worker_loses_and_duplicates_nothing(driven: dict[str, Any]) -> None:
    expected = [x * 10 for x in range(20)]
    assert driven["retried"] == expected and driven["broken_after_retry"] is None
    assert driven["lost"] == expected
    assert "ray executor failed" in driven["broken_after_loss"]
    assert driven["still_running"] and driven["shut_down"]


def test_ingest_on_ray_gives_the_local_reports_byte_for_byte(
    driven: dict[str, Any], corpus: Path, work: Path
) -> None:
    assert driven["ingest_exit"] == 0, driven["ingest_output"]
    assert "added 7" in driven["ingest_output"]
    assert "went on in the main process" not in driven["ingest_output"]
    db = work / "local.db"
    args = ["ingest", str(corpus), "--db", str(db), "--batch-size", "3", "--workers", "0"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    local = canonical_export(db, work / "local")
    on_ray = canonical_export(work / "ray.db", work / "on-ray")
    assert on_ray == local
    assert '"relation": "translation"' in on_ray
