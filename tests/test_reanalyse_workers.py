"""`corroborator reanalyse --workers/--executor`: the store is the same whatever the number
of worker processes (0: all in this process), with either analysis, and equals a fresh
ingest with that analysis."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from equivalence_corpus import canonical_export, write_corpus


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh ingest of the equivalence corpus with each analysis."""
    root = tmp_path_factory.mktemp("reanalyse-workers")
    corpus = write_corpus(root / "in")
    out = {}
    for analysis in ("full", "fast"):
        db = root / f"{analysis}.db"
        res = CliRunner().invoke(
            app,
            ["ingest", str(corpus), "--db", str(db), "--workers", "0", "--analysis", analysis],
        )
        assert res.exit_code == 0, res.output
        out[analysis] = db
    return out


def _reanalyse(db: Path, analysis: str, workers: int) -> dict[str, object]:
    res = CliRunner().invoke(
        app,
        [
            "reanalyse",
            "--db",
            str(db),
            "--analysis",
            analysis,
            "--workers",
            str(workers),
            "--executor",
            "local",
            "--batch",
            "2",
            "-f",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    return dict(json.loads(res.stdout))


@pytest.mark.parametrize("analysis", ["full", "fast"])
def test_workers_0_and_2_give_the_same_store(
    stores: dict[str, Path], analysis: str, tmp_path: Path
) -> None:
    fresh = canonical_export(stores[analysis], tmp_path / "fresh")
    exports = []
    for workers in (0, 2):
        db = tmp_path / f"w{workers}.db"
        # re-analysed with the other analysis first, so that every story really changes
        shutil.copy(stores["fast" if analysis == "full" else "full"], db)
        out = _reanalyse(db, analysis, workers)
        assert out["failed"] == 0 and out["articles"] == 7 and out["analysis"] == analysis
        exports.append(canonical_export(db, tmp_path / f"w{workers}"))
    assert exports[0] == exports[1] == fresh


def test_reanalyse_address_needs_its_executor(stores: dict[str, Path]) -> None:
    res = CliRunner().invoke(
        app, ["reanalyse", "--db", str(stores["fast"]), "--ray-address", "auto"]
    )
    assert res.exit_code == 2
    assert "--ray-address needs --executor ray" in res.output
