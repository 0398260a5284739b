"""Corpus mode end to end: ingest, idempotence, stories, report, skips, crash safety."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from corroborator.corpus import IngestOptions, ingest, list_stories, story_report
from corroborator.corpus.queries import story_summary
from corroborator.report.json import validate
from corroborator.store import StoryFilter, StoryRow, open_store
from corroborator.store.base import iso_day

MIXED = Path(__file__).parent / "data" / "corpus" / "mixed"
runner = CliRunner()


def _memberships(db: Path) -> dict[str, list[str]]:
    st = open_store(db, create=False)
    try:
        return {s["id"]: sorted(s["articles"]) for s in list_stories(st)}
    finally:
        st.close()


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "c.db"
    result = runner.invoke(app, ["ingest", str(MIXED), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["read"] == 6 and summary["added"] == 6 and summary["duplicates"] == 0
    # empty, binary, pdf, bad JSON line, broken feed (noted) and its contentless entry
    assert summary["skipped"] == 6
    return db


def test_stories_group_the_events(mixed_db: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", str(mixed_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)["stories"]
    sizes = sorted(s["size"] for s in stories)
    assert sizes == [1, 2, 3]  # ferry notice; bridge x2; silo fire (txt + html + feed)
    fire = max(stories, key=lambda s: s["size"])
    assert "Talvik" in fire["title"] or "silo" in fire["title"]
    assert fire["independent_sources"] == 3
    assert fire["conflicts"] >= 1  # 14 hours vs 20 hours
    assert all(s["analysed"] for s in stories)
    bridge = next(s for s in stories if s["size"] == 2)
    assert bridge["first_published"] == "2026-05-03"


def _summary_from_payload(row: StoryRow) -> dict[str, Any]:
    """`story_summary` as it was when it read the whole payload (the reference)."""
    payload = row.payload or {}
    return {
        "id": row.id,
        "title": row.title,
        "articles": list(payload.get("articles", [])),
        "independent_groups": [list(g) for g in payload.get("independent_groups", [])],
        "independent_sources": row.independent_sources,
        "size": row.size,
        "first_published": iso_day(row.first_day),
        "last_published": iso_day(row.last_day),
        "languages": list(row.languages),
        "conflicts": row.conflicts,
        "claim_count": row.claims,
        "analysed": (row.analysed_size == row.size and bool(payload) and "error" not in payload),
    }


def test_listing_reads_summaries_only_and_matches_the_payload(mixed_db: Path) -> None:
    st = open_store(mixed_db, create=False)
    try:
        for f in (StoryFilter(), StoryFilter(min_sources=2), StoryFilter(conflicts_only=True)):
            expected = [_summary_from_payload(r) for r in st.stories(f)]
            assert expected and list_stories(st, f) == expected
            assert [story_summary(r) for r in st.story_summaries(f)] == expected
            # Same JSON, key order included (what `corroborator stories -f json` prints).
            assert json.dumps(list_stories(st, f)) == json.dumps(expected)
            with_claims = list_stories(st, f, with_claims=True)
            assert [{k: s[k] for k in expected[0]} for s in with_claims] == expected
            assert all("claims" in s and "omissions" in s for s in with_claims)
        with pytest.raises(TypeError):
            story_summary(st.story_summaries(StoryFilter())[0], with_claims=True)
    finally:
        st.close()


def test_story_filters_from_cli(mixed_db: Path) -> None:
    def ids(*args: str) -> list[str]:
        r = runner.invoke(app, ["stories", "--db", str(mixed_db), "-f", "json", *args])
        assert r.exit_code == 0, r.output
        return [s["id"] for s in json.loads(r.stdout)["stories"]]

    assert len(ids("--conflicts-only")) >= 1
    assert len(ids("--min-sources", "2")) == 2
    assert ids("--since", "2026-05-03") == ids("--min-sources", "2", "--since", "2026-05-03")
    assert ids("--language", "fr") == []
    bad = runner.invoke(app, ["stories", "--db", str(mixed_db), "--since", "yesterday-ish"])
    assert bad.exit_code == 2 and "date like" in bad.output


def test_report_is_the_compare_contract(mixed_db: Path) -> None:
    st = open_store(mixed_db, create=False)
    conflicting = list_stories(st, StoryFilter(conflicts_only=True))
    st.close()
    # the silo fire (14 vs 20 hours); the bridge story's repair cost (4.2 vs 4.5 million
    # euros) conflicts too
    fire = next(s for s in conflicting if "Talvik" in s["title"] or "silo" in s["title"])
    result = runner.invoke(app, ["report", fire["id"], "--db", str(mixed_db), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate(data)
    assert [s["id"] for s in data["stories"]] == [fire["id"]]
    assert sorted(a["id"] for a in data["articles"]) == sorted(fire["articles"])
    kinds = {c["kind"] for c in data["stories"][0]["claims"] if c["verdict"] == "conflicting"}
    assert "duration" in kinds
    for fmt, marker in (("md", "# "), ("html", "<!DOCTYPE html>"), ("text", "Independent")):
        r = runner.invoke(app, ["report", fire["id"], "--db", str(mixed_db), "-f", fmt])
        assert r.exit_code == 0 and marker in r.stdout
    missing = runner.invoke(app, ["report", "s0000", "--db", str(mixed_db)])
    assert missing.exit_code == 1 and "no story" in missing.output


def test_skipped_lists_reasons(mixed_db: Path) -> None:
    result = runner.invoke(app, ["skipped", "--db", str(mixed_db), "-f", "json"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)["skipped"]
    reasons = {Path(s["source"].split(":")[0]).name: s["reason"] for s in found}
    assert set(reasons) == {
        "empty.txt",
        "archive.txt",
        "notes.pdf",
        "broken.rss",
        "broken.rss#1",
        "bridge.jsonl",
    }
    assert "malformed feed XML" in reasons["broken.rss"]


def test_reingest_adds_nothing_and_bad_input_loses_nothing(mixed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(mixed_db, db)
    before = _memberships(db)
    again = runner.invoke(app, ["ingest", str(MIXED), "--db", str(db), "--json"])
    summary = json.loads(again.stdout)
    assert summary["added"] == 0 and summary["duplicates"] == 6
    assert summary["stories_touched"] == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.jsonl").write_text('{"text": 1}\n{oops\n', encoding="utf-8")
    (bad / "y.html.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    r = runner.invoke(app, ["ingest", str(bad), "--db", str(db), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["skipped"] == 3
    assert _memberships(db) == before


def test_same_files_same_stories_and_near_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(MIXED, folder)
    text = (MIXED / "fire-ledger.txt").read_text(encoding="utf-8")
    (folder / "fire-wire-copy.txt").write_text(
        text.replace("regional fire service", "county fire service"), encoding="utf-8"
    )
    runs = []
    for name in ("one.db", "two.db"):
        st = open_store(tmp_path / name)
        summary = ingest([folder], st, options=IngestOptions(batch_size=3))
        st.close()
        assert summary.near_duplicates == 1
        runs.append(_memberships(tmp_path / name))
    assert runs[0] == runs[1]
    assert sorted(len(v) for v in runs[0].values()) == [1, 2, 4]
    st = open_store(tmp_path / "one.db", create=False)
    fire = next(sid for sid, members in runs[0].items() if len(members) == 4)
    rep = story_report(st, fire)
    st.close()
    copies = [a for a in rep.articles if a.derived_from is not None]
    assert [a.derived_from.relation for a in copies] == ["copy"]  # type: ignore[union-attr]
    assert rep.stories[0].independent_sources == 3


def test_stale_story_is_analysed_by_report(tmp_path: Path) -> None:
    st = open_store(tmp_path / "c.db")
    ingest([MIXED / "sub"], st, options=IngestOptions(analyse_now_max=0, finish_batch=1))
    st.close()
    st = open_store(tmp_path / "c.db", create=False)
    story = list_stories(st)[0]
    assert story["analysed"] and story["size"] == 2
    rep = story_report(st, story["id"])
    st.close()
    assert len(rep.articles) == 2


SYNTH = """{place} harbour crane collapse injures {n} workers

A crane collapsed at the {place} container terminal on {day} May 2026, injuring {n} workers,
the port authority of {place} said. Operations at berth {berth} were halted for {hours} hours.

Port director {name} said inspectors from the {place} safety board were on site.
"""


def _synthetic_corpus(folder: Path, count: int) -> None:
    places = ["Arvik", "Belmora", "Cistov", "Dornholm", "Elsby", "Farrow", "Gilden", "Hovik"]
    names = ["Ana Petrov", "Bo Lind", "Cleo Marsh", "Dag Ulf", "Eva Noor", "Finn Ray"]
    folder.mkdir()
    for i in range(count):
        text = SYNTH.format(
            place=places[i % len(places)],
            n=3 + i,
            day=1 + i % 27,
            berth=10 + i,
            hours=2 + i % 9,
            name=names[i % len(names)],
        )
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def test_kill_minus_nine_mid_ingest_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    _synthetic_corpus(folder, 60)
    db = tmp_path / "c.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "corroborator.cli", "ingest", str(folder), "--db", str(db)]
    proc = subprocess.Popen([*cmd, "--batch-size", "1"], env=env, stdout=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                    committed = con.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    committed = 0
                if committed >= 1:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be killed"
        children = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # Its worker processes notice and exit: nothing is left holding a model in memory.
    assert children, "ingest ran without worker processes"
    gone_by = time.monotonic() + 15
    while time.monotonic() < gone_by and any(Path(f"/proc/{c}").exists() for c in children):
        time.sleep(0.1)
    assert not [c for c in children if Path(f"/proc/{c}").exists()]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    batches = con.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
    con.close()
    assert batches >= committed >= 1 and 1 <= kept < 60
    done = subprocess.run([*cmd, "--json"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["duplicates"] == kept and summary["added"] == 60 - kept
    st = open_store(db, create=False)
    assert st.counts()["articles"] == 60
    assert st.pending_stories(10) == []
    st.close()
    fresh = tmp_path / "fresh.db"
    subprocess.run([*cmd[:-1], str(fresh)], env=env, check=True, capture_output=True, timeout=300)
    assert sorted(map(len, _memberships(fresh).values())) == sorted(
        map(len, _memberships(db).values())
    )


def test_corpus_report_matches_compare_on_the_demo(
    tmp_path: Path, demo_paths: list[Path], demo_report
) -> None:  # type: ignore[no-untyped-def]
    st = open_store(tmp_path / "demo.db")
    ingest(demo_paths, st)
    listed = list_stories(st)
    assert sorted(s["size"] for s in listed) == sorted(len(s.articles) for s in demo_report.stories)
    big = max(listed, key=lambda s: s["size"])
    ours = story_report(st, big["id"])
    st.close()
    theirs = max(demo_report.stories, key=lambda s: len(s.articles))
    assert ours.stories[0].independent_sources == theirs.independent_sources
    verdicts = lambda story: sorted((c.kind, c.key, c.verdict) for c in story.claims)  # noqa: E731
    assert verdicts(ours.stories[0]) == verdicts(theirs)
