"""Store contract tests (run against every backend; today SQLite)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corroborator.model import Skip
from corroborator.store import (
    SCHEMA_VERSION,
    ArticleRow,
    BatchWrite,
    SQLiteStore,
    StoreError,
    StoryFilter,
    StoryRow,
    StorySummaryRow,
    open_store,
)
from corroborator.store.sqlite import MIGRATIONS


def _article(aid: str, story: str, day: str | None = "2026-05-02") -> ArticleRow:
    text = f"Body of {aid}. Second sentence."
    return ArticleRow(
        id=aid,
        source=f"{aid}.txt",
        title=f"Title {aid}",
        language="en",
        published=day,
        text=text,
        removed=["Share this"],
        sentences=[(0, text.index(".") + 1)],
        vector=np.ones(4, dtype=np.float32) / 2,
        minhash=b"\x01\x02",
        anchors=["talvik"],
        story_id=story,
    )


def _story(sid: str, size: int, day: int | None, conflicts: int = 0, sources: int = 1) -> StoryRow:
    return StoryRow(
        id=sid,
        title=f"Story {sid}",
        size=size,
        first_day=day,
        last_day=day,
        vector_sum=np.ones(4, dtype=np.float32),
        anchors={"talvik": size},
        languages=["en", "de"],
        independent_sources=sources,
        conflicts=conflicts,
        claims=2,
        payload={"id": sid, "articles": []},
        analysed_size=size,
    )


@pytest.fixture(params=["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    st = open_store(tmp_path / "c.db")
    yield st
    st.close()


def test_round_trip_articles_and_stories(store) -> None:  # type: ignore[no-untyped-def]
    d = 739738
    analysed = _article("a2", "s1", None)
    analysed.derived_from = {
        "article": "a1",
        "relation": "copy",
        "score": 0.9,
        "evidence": "same text",
        "direction": "derived",
        "alignment": [[0, 0]],
    }
    analysed.machine_score = 0.1
    analysed.extractions = [{"kind": "quantity", "key": "people"}]
    store.write_batch(
        BatchWrite(
            new_articles=[_article("a1", "s1"), analysed],
            stories=[_story("s1", 2, d, conflicts=1, sources=2)],
            lsh_keys=[(0, 42, "a1"), (0, 42, "a2"), (1, -7, "a1")],
            skips=[Skip("bad.txt", "empty input")],
        )
    )
    assert store.known_articles(["a1", "a3"]) == {"a1"}
    rows = store.story_articles("s1")
    assert [r.id for r in rows] == ["a1", "a2"]
    art = rows[0].to_article()
    assert art.sentences[0].text == "Body of a1."
    assert rows[0].removed == ["Share this"]
    assert rows[1].derived_from == analysed.derived_from and rows[1].machine_score == 0.1
    assert rows[1].extractions == analysed.extractions and rows[0].extractions is None
    assert rows[1].to_article().derived_from is not None
    assert np.allclose(rows[0].vector, 0.5)
    assert store.lsh_lookup([(0, 42), (1, -7), (2, 1)]) == {(0, 42): ["a1", "a2"], (1, -7): ["a1"]}
    assert store.signatures(["a2"]) == {"a2": (b"\x01\x02", "s1")}
    s = store.story("s1")
    assert s is not None and s.size == 2 and s.languages == ["de", "en"] and s.conflicts == 1
    assert store.skips() == [Skip("bad.txt", "empty input")]
    assert store.counts() == {"articles": 2, "stories": 1, "skipped": 1, "batches": 1}


def test_rewrite_is_idempotent_and_unanalysed_update_keeps_verdicts(store) -> None:  # type: ignore[no-untyped-def]
    batch = BatchWrite(new_articles=[_article("a1", "s1")], stories=[_story("s1", 1, None)])
    batch.skips.append(Skip("x", "why"))
    store.write_batch(batch)
    store.write_batch(batch)
    assert store.counts()["articles"] == 1 and store.counts()["skipped"] == 1
    grown = _story("s1", 2, None)
    grown.payload = None  # membership changed, not analysed yet
    store.write_batch(BatchWrite(stories=[grown]))
    s = store.story("s1")
    assert s is not None and s.payload == {"id": "s1", "articles": []} and s.size == 2
    assert store.pending_stories(10) == ["s1"]


def test_story_filters(store) -> None:  # type: ignore[no-untyped-def]
    store.write_batch(
        BatchWrite(
            stories=[
                _story("old", 1, 739700),
                _story("new", 3, 739740, conflicts=2, sources=3),
                _story("undated", 1, None),
            ]
        )
    )
    ids = lambda f: [s.id for s in store.stories(f)]  # noqa: E731
    assert ids(StoryFilter()) == ["new", "old", "undated"]
    assert ids(StoryFilter(since=739720)) == ["new"]
    assert ids(StoryFilter(until=739720)) == ["old"]
    assert ids(StoryFilter(min_sources=2)) == ["new"]
    assert ids(StoryFilter(conflicts_only=True)) == ["new"]
    assert ids(StoryFilter(language="fr")) == []
    assert ids(StoryFilter(language="de", limit=1)) == ["new"]
    assert [s.id for s in store.active_stories(None, 2)] == ["undated", "new"]


def test_schema_version_and_refusals(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="another program"):
        open_store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable"):
        open_store(junk)
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "missing.db", create=False)


def _summaries_match(store, filters: StoryFilter) -> list[StorySummaryRow]:  # type: ignore[no-untyped-def]
    got = store.story_summaries(filters)
    assert got == [StorySummaryRow.of(r) for r in store.stories(filters)]
    return got  # type: ignore[no-any-return]


def test_story_summaries_are_the_rows_without_payload(store) -> None:  # type: ignore[no-untyped-def]
    full = _story("full", 2, 739740, conflicts=1, sources=2)
    full.payload = {
        "id": "full",
        "articles": ["a2", "a1"],
        "independent_groups": [["a2"], ["a1"]],
        "claims": [{"id": "c1"}],
    }
    failed = _story("failed", 1, 739700)
    failed.payload = {"id": "failed", "error": "ValueError()"}
    empty = _story("empty", 1, 739701)
    empty.payload = {}
    pending = _story("pending", 1, None)
    pending.payload = None
    store.write_batch(BatchWrite(stories=[full, failed, empty, pending]))
    got = {s.id: s for s in _summaries_match(store, StoryFilter())}
    assert got["full"].articles == ["a2", "a1"] and got["full"].usable
    assert got["full"].independent_groups == [["a2"], ["a1"]]
    assert not got["failed"].usable and not got["empty"].usable
    assert not got["pending"].usable and got["pending"].articles == []
    # A grown, not yet analysed story keeps its last listing, as it keeps its payload.
    grown = _story("full", 3, 739741)
    grown.payload = None
    store.write_batch(BatchWrite(stories=[grown]))
    got = {s.id: s for s in _summaries_match(store, StoryFilter())}
    assert got["full"].articles == ["a2", "a1"] and got["full"].size == 3
    for f in (
        StoryFilter(since=739720),
        StoryFilter(until=739720),
        StoryFilter(min_sources=2),
        StoryFilter(conflicts_only=True),
        StoryFilter(language="de", limit=2),
    ):
        _summaries_match(store, f)


def test_schema_1_store_migrates(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
    for statement in MIGRATIONS[1]:
        assert isinstance(statement, str)
        db.execute(statement)
    db.execute("INSERT INTO schema_version VALUES (1, '2026-11-01T00:00:00+00:00')")
    v1_claim = {
        "id": "c1",
        "kind": "duration",
        "key": "fire duration",
        "verdict": "single_source",
        "support": 1,
        "sides": [],
        "mentions": [],
    }
    payload = {
        "id": "s1",
        "articles": ["a1", "a2"],
        "independent_groups": [["a1", "a2"]],
        "claims": [v1_claim],
    }
    stories = [
        ("s1", 2, 739740, json.dumps(payload), 2),
        ("s2", 1, 739700, json.dumps({"id": "s2", "error": "boom"}), 1),
        ("s3", 3, None, None, 0),  # never analysed
    ]
    for sid, size, day, body, analysed in stories:
        db.execute(
            "INSERT INTO stories (id, title, size, first_day, last_day, vector_sum, anchors, "
            "languages, independent_sources, conflicts, claims, payload, analysed, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, '{}', ',en,', 1, 0, 0, ?, ?, 1)",
            (
                sid,
                f"Story {sid}",
                size,
                day,
                day,
                np.ones(4, dtype="<f4").tobytes(),
                body,
                analysed,
            ),
        )
    db.close()
    st = open_store(path)
    try:
        assert isinstance(st, SQLiteStore) and st.schema_version() == SCHEMA_VERSION == 3
        got = _summaries_match(st, StoryFilter())
        assert [(s.id, s.articles, s.usable) for s in got] == [
            ("s1", ["a1", "a2"], True),
            ("s2", [], False),
            ("s3", [], False),
        ]
        assert got[0].independent_groups == [["a1", "a2"]]
        # schema 3: stored claims follow report contract version 2
        row = st.story("s1")
        assert row is not None and row.payload is not None
        (claim,) = row.payload["claims"]
        assert {"label", "explanation"} <= set(claim)
        assert claim["label"] == "fire duration" and claim["explanation"]
        st.write_batch(BatchWrite(stories=[_story("s4", 1, 739750)]))
        assert st.story_summaries(StoryFilter(limit=1))[0].id == "s4"
    finally:
        st.close()
    open_store(path).close()  # reopening a migrated file changes nothing
    db = sqlite3.connect(path)
    assert [v for (v,) in db.execute("SELECT version FROM schema_version")] == [1, 2, 3]
    db.close()


def test_schema_3_migration_leaves_odd_payloads_alone() -> None:
    from corroborator.report.json import migrate_story

    assert migrate_story(None) is None
    assert migrate_story({"id": "s2", "error": "boom"}) == {"id": "s2", "error": "boom"}
    assert migrate_story([1, 2]) == [1, 2]
