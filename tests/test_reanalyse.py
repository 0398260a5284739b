"""`corroborator reanalyse`: a store ingested with one analysis and re-analysed with another
gives the `report` JSON of a fresh ingest with that analysis, byte for byte; the store
records the analysis used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from corroborator.corpus.reanalyse import stored_settings
from corroborator.store import open_store
from equivalence_corpus import canonical_export, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("reanalyse") / "in")


def _ingest(corpus: Path, db: Path, analysis: str) -> None:
    res = CliRunner().invoke(
        app,
        [
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--workers",
            "0",
            "--batch-size",
            "3",
            "--analysis",
            analysis,
        ],
    )
    assert res.exit_code == 0, res.output
    assert "added 7" in res.output


def _settings(db: Path) -> dict[str, str]:
    store = open_store(db)
    try:
        return stored_settings(store)
    finally:
        store.close()


def test_fast_store_reanalysed_full_equals_a_fresh_full_ingest(
    corpus: Path, tmp_path: Path
) -> None:
    fresh, switched = tmp_path / "full.db", tmp_path / "fast.db"
    _ingest(corpus, fresh, "full")
    _ingest(corpus, switched, "fast")
    assert _settings(switched)["analysis"] == "fast"
    before = canonical_export(switched, tmp_path / "before")
    expected = canonical_export(fresh, tmp_path / "fresh")
    assert before != expected  # fast finds no rewrite or translation: something must change
    assert '"relation": "translation"' in expected
    res = CliRunner().invoke(
        app, ["reanalyse", "--db", str(switched), "--analysis", "full", "-f", "json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["analysis"] == "full" and out["failed"] == 0 and out["articles"] == 7
    assert canonical_export(switched, tmp_path / "after") == expected
    assert _settings(switched)["analysis"] == "full"


def test_reanalyse_defaults_to_the_stored_analysis_and_ingest_warns_on_a_switch(
    corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "fast.db"
    _ingest(corpus, db, "fast")
    expected = canonical_export(db, tmp_path / "fresh")
    res = CliRunner().invoke(app, ["reanalyse", "--db", str(db), "--batch", "2", "--log-json"])
    assert res.exit_code == 0, res.output
    assert "with --analysis fast" in res.stdout
    events = [json.loads(line) for line in res.stderr.splitlines()]
    assert [(e["event"], e.get("stories")) for e in events] == [
        ("progress", 2),
        ("progress", 3),
        ("summary", 3),
    ]
    assert events[0]["total"] == 3 and events[0]["eta_s"] is not None
    assert canonical_export(db, tmp_path / "again") == expected  # the same settings: no change
    res = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "0"])
    assert res.exit_code == 0, res.output
    assert "was analysed with --analysis fast" in res.output
    assert "reanalyse" in res.output
    assert _settings(db)["analysis"] == "fast"  # the stories still hold fast verdicts


def test_reanalyse_of_a_missing_store_is_one_line(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["reanalyse", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert res.output.strip().startswith("error: no database at")
    assert "Traceback" not in res.output


def test_corpus_reanalyse_from_python(corpus: Path, tmp_path: Path) -> None:
    from corroborator import Corpus

    db = Corpus(tmp_path / "api.db")
    db.ingest([corpus], analysis="fast")
    assert _settings(tmp_path / "api.db") == {"analysis": "fast", "version": _version()}
    ticks: list[int] = []
    summary = db.reanalyse(progress=lambda s: ticks.append(s.done))
    assert (summary.analysis, summary.done, summary.articles, summary.failed) == ("fast", 3, 7, 0)
    assert ticks == [3]


def _version() -> str:
    from corroborator import __version__

    return __version__


def test_settings_never_create_a_database_file(tmp_path: Path) -> None:
    """A store whose file is removed while open: recording its settings is an error, not
    a new file holding only the settings table."""
    from corroborator.corpus.reanalyse import ReanalyseError, record_settings

    path = tmp_path / "gone.db"
    store = open_store(path)
    try:
        for f in tmp_path.glob("gone.db*"):
            f.unlink()
        with pytest.raises(ReanalyseError, match="cannot open"):
            record_settings(store, "full")
        assert not path.exists()
    finally:
        store.close()
