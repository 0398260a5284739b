"""`corroborator export`: flat tables of a corpus store that csv, json and pyarrow read
directly, streamed one story at a time, the same bytes for the same store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import corroborator
from corroborator import export
from corroborator.cli import app
from corroborator.export import COLUMNS, WHATS
from corroborator.store import open_store

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
FIRE = ROOT / "examples" / "fire"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "fire.db"
    done = runner.invoke(app, ["ingest", str(FIRE), "--db", str(path), "--workers", "0"])
    assert done.exit_code == 0, done.output
    return path


def _export(db: Path, what: str, fmt: str, *extra: str) -> Any:
    result = runner.invoke(app, ["export", "--db", str(db), "--what", what, "-f", fmt, *extra])
    assert result.exit_code == 0, result.output
    return result


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_and_jsonl_have_the_documented_columns(db: Path) -> None:
    for what in WHATS:
        names = [c.name for c in COLUMNS[what]]
        text = _export(db, what, "csv").stdout
        header = next(csv.reader(io.StringIO(text)))
        assert header == names
        lines = _export(db, what, "jsonl").stdout.splitlines()
        records = [json.loads(line) for line in lines]
        assert all(list(r) == names for r in records)
        assert len(records) == len(_csv_rows(text)) > 0


def test_tables_match_the_store(db: Path) -> None:
    stories = _csv_rows(_export(db, "stories", "csv").stdout)
    listed = json.loads(runner.invoke(app, ["stories", "--db", str(db), "-f", "json"]).stdout)
    assert sorted(s["story_id"] for s in stories) == sorted(s["id"] for s in listed["stories"])
    assert [s["story_id"] for s in stories] == sorted(s["story_id"] for s in stories)
    fire = next(s for s in stories if s["size"] == "4")
    assert (fire["independent_sources"], fire["languages"], fire["analysed"]) == (
        "3",
        "de;en",
        "true",
    )
    articles = [json.loads(x) for x in _export(db, "articles", "jsonl").stdout.splitlines()]
    assert len(articles) == 5 and all(a["chars"] == len(a["text"]) for a in articles)
    links = _csv_rows(_export(db, "links", "csv").stdout)
    by_source = {a["article_id"]: Path(a["source"]).name for a in articles}
    assert [(by_source[x["article_id"]], by_source[x["original_id"]]) for x in links] == [
        ("03-wire-syndication.jsonl:1", "01-northshore-ledger.txt")
    ]
    assert links[0]["relation"] in ("copy", "syndication")


def test_claims_rows_are_the_report_mentions(db: Path) -> None:
    claims = [json.loads(x) for x in _export(db, "claims", "jsonl").stdout.splitlines()]
    for story_id in sorted({c["story_id"] for c in claims}):
        shown = runner.invoke(app, ["report", story_id, "--db", str(db), "-f", "json"])
        story = json.loads(shown.stdout)["stories"][0]
        expected = [
            (c["id"], c["verdict"], m["article"], m["text"], m["start"])
            for c in story["claims"]
            for m in c["mentions"]
        ]
        got = [
            (c["claim_id"], c["verdict"], c["article_id"], c["text"], c["start"])
            for c in claims
            if c["story_id"] == story_id
        ]
        assert got == expected
    conflicts = {c["number"] for c in claims if c["verdict"] == "conflicting"}
    assert {12.0, 8.0} <= conflicts  # the demo's planted firefighter counts
    assert all(isinstance(c["approximate"], bool) for c in claims)


def test_same_store_same_bytes_and_pages_do_not_matter(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = {w: _export(db, w, "csv").stdout for w in WHATS}
    monkeypatch.setattr(export, "_ID_PAGE", 1)  # one story id per query
    assert {w: _export(db, w, "csv").stdout for w in WHATS} == first


def test_rows_are_streamed(db: Path) -> None:
    store = open_store(db, create=False)
    try:
        it = export.rows(store, "articles")
        assert iter(it) is it  # a generator: nothing read until asked
        assert next(it)["article_id"].startswith("a")
    finally:
        store.close()


def test_parquet_reads_back_with_pyarrow(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip(
        "pyarrow.parquet", reason="pyarrow not installed (pip install 'corroborator[parquet]')"
    )
    for what in WHATS:
        out = tmp_path / f"{what}.parquet"
        _export(db, what, "parquet", "-o", str(out))
        table = pq.read_table(out)
        assert table.column_names == [c.name for c in COLUMNS[what]]
        lines = _export(db, what, "jsonl").stdout.splitlines()
        assert table.to_pylist() == [json.loads(x) for x in lines]
        assert not (tmp_path / f"{what}.parquet.part").exists()


def test_file_output_and_api(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "claims.csv"
    result = _export(db, "claims", "csv", "-o", str(out))
    n = len(_csv_rows(out.read_text(encoding="utf-8")))
    assert f"wrote {n} claims rows to {out} (csv)" in result.stderr
    again = tmp_path / "api.csv"
    assert corroborator.Corpus(db).export("claims", "csv", again) == n
    assert again.read_bytes() == out.read_bytes()


def test_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "no.db"), "--what", "claims"])
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no database")
    binary = runner.invoke(app, ["export", "--db", str(db), "--what", "claims", "-f", "parquet"])
    assert binary.exit_code == 1 and "give -o PATH" in binary.stderr
    bad = runner.invoke(app, ["export", "--db", str(db), "--what", "verdicts"])
    assert bad.exit_code == 2 and "is not one of" in bad.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    args = ["export", "--db", str(db), "--what", "claims", "-o", str(blocker / "c.csv")]
    unwritable = runner.invoke(app, args)
    assert unwritable.exit_code == 1 and "cannot write" in unwritable.stderr
    assert "Traceback" not in unwritable.output
