"""Corpus ingest with worker processes: same store as in-process, near-duplicates reuse their
original's vector, and a dying worker or a failing article never stops the run."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
from pathlib import Path

import numpy as np
import pytest

import corroborator.corpus.work as work
from corroborator.corpus import IngestOptions, ingest, list_stories
from corroborator.model import RawDocument, Skip
from corroborator.store import open_store

ROOT = Path(__file__).parent.parent
MIXED = Path(__file__).parent / "data" / "corpus" / "mixed"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(MIXED, folder / "mixed")
    shutil.copytree(ROOT / "examples" / "ferry", folder / "ferry")
    shutil.copytree(ROOT / "examples" / "fire", folder / "fire")
    return folder


def _dump(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        articles = con.execute(
            "SELECT id, story_id, hex(vector), hex(minhash), anchors, extractions, "
            "derived_from, machine_score FROM articles ORDER BY seq"
        ).fetchall()
        stories = con.execute(
            "SELECT id, title, size, hex(vector_sum), anchors, independent_sources, conflicts, "
            "claims, payload FROM stories ORDER BY id"
        ).fetchall()
    finally:
        con.close()
    return articles, stories


@pytest.mark.parametrize("now_max", [8, 0])  # 0: every story is analysed by `finish`
def test_two_workers_write_the_same_store_as_none(tmp_path: Path, now_max: int) -> None:
    folder = _corpus(tmp_path)
    dumps = []
    for workers in (0, 2):
        db = tmp_path / f"w{workers}.db"
        st = open_store(db)
        options = IngestOptions(
            batch_size=4, analysis="fast", workers=workers, analyse_now_max=now_max
        )
        summary = ingest([folder], st, options=options)
        st.close()
        assert summary.added >= 15 and not summary.warnings
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]
    assert len(dumps[0][0]) >= 15


def test_near_duplicate_reuses_its_originals_vector(tmp_path: Path) -> None:
    text = (MIXED / "fire-ledger.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "original.txt").write_text(text, encoding="utf-8")
    # A later syndicated copy with its own headline and one edited phrase.
    edited = "Silo blaze: wire copy\n\n" + text.replace(
        "regional fire service", "county fire service"
    )
    (second / "copy.txt").write_text(edited, encoding="utf-8")
    db = tmp_path / "c.db"
    st = open_store(db)
    ingest([first], st, options=IngestOptions(workers=0, analysis="fast"))
    summary = ingest([second], st, options=IngestOptions(workers=0, analysis="fast"))
    st.close()
    assert summary.near_duplicates == 1
    con = sqlite3.connect(db)
    rows = con.execute("SELECT title, vector, story_id FROM articles ORDER BY seq").fetchall()
    con.close()
    (t1, v1, s1), (t2, v2, s2) = rows
    assert t1 != t2 and s1 == s2
    assert v1 == v2  # not embedded again: the original's vector, bit for bit
    own = work.embed_leads([f"{t2}. {edited[:200]}"])[0]
    assert not np.array_equal(np.frombuffer(v2, dtype="<f4"), own)


def test_an_article_that_breaks_preparation_is_a_recorded_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(raw: RawDocument, article_id: str) -> object:
        if "ribbon" in (raw.text or ""):
            raise ValueError("odd text")
        return real(raw, article_id)

    real = work.prepare
    monkeypatch.setattr(work, "prepare", broken)
    st = open_store(tmp_path / "c.db")
    summary = ingest([MIXED / "sub"], st, options=IngestOptions(workers=0, analysis="fast"))
    skips = st.skips()
    st.close()
    reasons = [s.reason for s in skips if "could not prepare" in s.reason]
    assert reasons and "ValueError('odd text')" in reasons[0]
    assert summary.added + len(reasons) == summary.read


def test_a_killed_worker_falls_back_to_this_process(tmp_path: Path) -> None:
    raws = [
        RawDocument(source=p.name, text=p.read_text(encoding="utf-8"))
        for p in sorted(MIXED.iterdir())
        if p.suffix == ".txt"
    ]
    items = [(r, f"a{i}") for i, r in enumerate(raws)]
    expected = [p.article for p in work.Preparer(0).results(work.Preparer(0).submit(items))]
    with work.Preparer(1) as prep:
        warm = prep.submit(items[:1])
        list(prep.results(warm))  # the worker is up
        pool = prep._pool
        assert pool is not None
        for pid in list(pool._processes):  # type: ignore[attr-defined]
            os.kill(pid, signal.SIGKILL)
        got = [p.article for p in prep.results(prep.submit(items))]
        vectors = prep.embeddings(prep.submit_embed(["one lead", "another lead"]), 512)
        assert prep.broken and "worker pool broke" in prep.broken
    assert [a.id for a in got if not isinstance(a, Skip)] == [
        a.id for a in expected if not isinstance(a, Skip)
    ]
    assert vectors.shape == (2, 512)


def test_stories_listing_after_worker_ingest(tmp_path: Path) -> None:
    st = open_store(tmp_path / "c.db")
    ingest([MIXED], st, options=IngestOptions(workers=2))
    stories = list_stories(st)
    st.close()
    assert sorted(s["size"] for s in stories) == [1, 2, 3]
