"""Store contract tests (run against every backend; today SQLite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corroborator.model import Skip
from corroborator.store import (
    SCHEMA_VERSION,
    ArticleRow,
    BatchWrite,
    StoreError,
    StoryFilter,
    StoryRow,
    open_store,
)


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
