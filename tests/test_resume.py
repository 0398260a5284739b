"""An ingest killed with SIGKILL mid-run and run again on the same inputs resumes: no article
lost or duplicated, the same store (every story's `report` JSON and every exported table)
as an uninterrupted run, and the summary says how many articles were already stored."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from corroborator.store import open_store
from equivalence_corpus import canonical_export, write_corpus

DRIVER = Path(__file__).parent / "resume_driver.py"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("resume") / "in")


def _drive(corpus: Path, db: Path, kill_at: int, *options: int) -> subprocess.CompletedProcess[str]:
    """The driver with (batch size, workers, analyse_now_max, finish_batch) = `options`."""
    size, workers, now_max, finish = options
    args = [str(a) for a in (corpus, db, size, kill_at, workers, now_max, finish)]
    return subprocess.run(
        [sys.executable, str(DRIVER), *args], capture_output=True, text=True, timeout=300
    )


def _articles(db: Path) -> int:
    store = open_store(db)
    try:
        return store.counts()["articles"]
    finally:
        store.close()


def test_an_ingest_killed_after_a_batch_resumes_to_the_uninterrupted_store(
    corpus: Path, tmp_path: Path
) -> None:
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    # Batches of 2 articles, one worker process: killed right after the 2nd batch committed
    # (the 3rd is being prepared in the worker meanwhile).
    run = _drive(corpus, killed, 2, 2, 1, 8, 64)
    assert run.returncode == -signal.SIGKILL, run.stderr
    stored = _articles(killed)
    assert 0 < stored < 7
    runner = CliRunner()
    args = ["--batch-size", "2", "--workers", "1"]
    res = runner.invoke(app, ["ingest", str(corpus), "--db", str(killed), *args, "-f", "json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["already_in_store"] == stored
    assert summary["added"] == 7 - stored and summary["duplicates"] == stored
    res = runner.invoke(app, ["ingest", str(corpus), "--db", str(whole), *args])
    assert res.exit_code == 0, res.output
    assert "already in store" not in res.output
    assert _articles(killed) == 7
    assert canonical_export(killed, tmp_path / "k") == canonical_export(whole, tmp_path / "w")
    # Once more: everything is there, nothing is prepared or analysed again.
    res = runner.invoke(app, ["ingest", str(corpus), "--db", str(killed), *args])
    assert res.exit_code == 0, res.output
    assert "added 0" in res.output and "7 already in store" in res.output


def test_an_ingest_killed_while_analysing_stale_stories_resumes(
    corpus: Path, tmp_path: Path
) -> None:
    """Stories above one member are left stale by the batches (analyse_now_max=1) and
    analysed at the end one per transaction: killed after the first of them."""
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    options = (4, 0, 1, 1)  # batch size, workers, analyse_now_max, finish_batch
    # 7 articles and 2 skips in batches of 4: 2 batches, then the stale stories one by one.
    run = _drive(corpus, killed, 3, *options)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert _articles(killed) == 7
    resumed = _drive(corpus, killed, 1000, *options)
    assert resumed.returncode == 0, resumed.stderr
    again = json.loads(resumed.stdout)
    assert again["added"] == 0 and again["duplicates"] == 7 and again["analysed"] >= 1
    whole_run = _drive(corpus, whole, 1000, *options)
    assert whole_run.returncode == 0, whole_run.stderr
    assert canonical_export(killed, tmp_path / "k") == canonical_export(whole, tmp_path / "w")
