"""Candidate search for story assignment: exact vs HNSW (usearch), updates, determinism."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.corpus.ann import AutoSearch, ExactSearch, HnswSearch, make_search
from corroborator.corpus.assign import AssignParams, Candidate, StoryIndex
from corroborator.store.base import StoryRow

pytest.importorskip("usearch")

DIM = 64


def _story(sid: str, vec: np.ndarray, day: int | None = 10) -> StoryRow:
    return StoryRow(
        id=sid,
        title=sid,
        size=1,
        first_day=day,
        last_day=day,
        vector_sum=vec.astype(np.float32),
        anchors={},
    )


def _unit_rows(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_hnsw_finds_the_exact_top_k_and_follows_updates() -> None:
    rng = np.random.default_rng(7)
    centres = _unit_rows(rng, 600)
    stories = {f"s{i:04d}": _story(f"s{i:04d}", c) for i, c in enumerate(centres)}
    hnsw, exact = HnswSearch(DIM), ExactSearch()
    for sid in stories:
        hnsw.changed(sid)
    queries = centres[:50] + 0.05 * _unit_rows(rng, 50)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    days = [10] * len(queries)
    got = hnsw.shortlist(stories, queries, days, 5, 7)
    want = exact.shortlist(stories, queries, days, 5, 7)
    recall = np.mean([len(set(g) & set(w)) / 5 for g, w in zip(got, want, strict=True)])
    assert recall >= 0.98
    assert all(f"s{i:04d}" in got[i] for i in range(50))  # each query's own story
    # A story moves: the index must see its new centroid, not the old one.
    stories["s0000"].vector_sum = centres[1].copy()
    hnsw.changed("s0000")
    top = hnsw.shortlist(stories, centres[1:2], [10], 2, 7)[0]
    assert top == ["s0000", "s0001"]
    # Closed stories (left the window) are never returned.
    del stories["s0001"]
    assert "s0001" not in hnsw.shortlist(stories, centres[1:2], [10], 3, 7)[0]
    assert len(hnsw) == len(stories)


def test_hnsw_respects_the_time_window() -> None:
    rng = np.random.default_rng(3)
    v = _unit_rows(rng, 2)
    stories = {"old": _story("old", v[0], day=1), "new": _story("new", v[0] * 0.9 + v[1] * 0.1)}
    hnsw = HnswSearch(DIM)
    assert hnsw.shortlist(stories, v[:1], [30], 2, 7) == [[]]
    assert hnsw.shortlist(stories, v[:1], [12], 2, 7) == [["new"]]
    assert hnsw.shortlist(stories, v[:1], [None], 2, 7) == [["new", "old"]]


def test_same_input_same_shortlists() -> None:
    runs = []
    for _ in range(2):
        rng = np.random.default_rng(11)
        centres = _unit_rows(rng, 400)
        stories: dict[str, StoryRow] = {}
        hnsw = HnswSearch(DIM)
        out = []
        for start in range(0, 400, 50):  # batches: add, move a few, search
            for i in range(start, start + 50):
                stories[f"s{i:04d}"] = _story(f"s{i:04d}", centres[i])
                hnsw.changed(f"s{i:04d}")
            for i in range(0, start, 7):
                stories[f"s{i:04d}"].vector_sum += 0.1 * centres[(i + 1) % 400]
                hnsw.changed(f"s{i:04d}")
            out.append(hnsw.shortlist(stories, centres[start : start + 20], [10] * 20, 4, 7))
        runs.append(out)
    assert runs[0] == runs[1]


def test_auto_switches_to_hnsw_at_its_threshold() -> None:
    rng = np.random.default_rng(5)
    centres = _unit_rows(rng, 40)
    auto = AutoSearch(DIM, min_open=30)
    stories = {f"s{i:02d}": _story(f"s{i:02d}", c) for i, c in enumerate(centres[:20])}
    auto.shortlist(stories, centres[:1], [10], 3, 7)
    assert auto.last == "exact"
    stories.update({f"s{i:02d}": _story(f"s{i:02d}", centres[i]) for i in range(20, 40)})
    assert auto.shortlist(stories, centres[35:36], [10], 1, 7) == [["s35"]]
    assert auto.last == "hnsw"
    with pytest.raises(ValueError):
        make_search("kd-tree", DIM)


def test_story_assignment_is_the_same_with_exact_and_hnsw_search() -> None:
    rng = np.random.default_rng(1)
    events = _unit_rows(rng, 120)
    stream = []
    for n in range(720):  # six reports of each event, interleaved, each a bit noisy
        e = events[(n * 37) % 120]
        v = e + 0.25 * _unit_rows(rng, 1)[0]
        stream.append(
            Candidate(
                id=f"a{n:04d}",
                vector=v / np.linalg.norm(v),
                anchors=frozenset(),
                day=10 + n // 100,
                title=f"t{n}",
                language="en",
            )
        )
    placements = []
    for kind in ("exact", "hnsw"):
        index = StoryIndex(AssignParams(search=kind), DIM)
        got = []
        for start in range(0, len(stream), 64):
            got += index.assign(stream[start : start + 64])
            index.evict()
        placements.append(got)
    assert placements[0] == placements[1]
    assert len({sid for sid, _ in placements[0]}) <= 200
