"""Story assignment rules (synthetic vectors, no model): threshold, anchors, time window."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corroborator.corpus.assign import AssignParams, Candidate, StoryIndex
from corroborator.corpus.minhash import band_keys, jaccard, signature


def _vec(*weights: float) -> np.ndarray:
    v = np.zeros(8, dtype=np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


def _cand(
    aid: str, vec: np.ndarray, day: int | None = 100, anchors: tuple[str, ...] = ()
) -> Candidate:
    return Candidate(aid, vec, frozenset(anchors), day, f"title {aid}", "en")


PARAMS = AssignParams(threshold=0.6, anchor_weight=1.0, anchor_base=0.4, window_days=7, top_k=4)


def test_similar_join_and_dissimilar_start_new() -> None:
    index = StoryIndex(PARAMS, dim=8)
    placed = index.assign(
        [
            _cand("a1", _vec(1, 0.1), anchors=("talvik",)),
            _cand("a2", _vec(1, 0.2), anchors=("talvik",)),
            _cand("a3", _vec(0, 0, 1), anchors=("orvala",)),
        ]
    )
    assert placed == [("s1", True), ("s1", False), ("s3", True)]
    again = index.assign([_cand("a4", _vec(0.1, 0, 1), day=101, anchors=("orvala",))])
    assert again == [("s3", False)]
    assert index.open["s3"].size == 2 and index.open["s3"].last_day == 101


def test_names_decide_between_close_vectors() -> None:
    index = StoryIndex(PARAMS, dim=8)
    index.assign([_cand("a1", _vec(1, 0.6), anchors=("talvik", "lindqvist"))])
    # cosine ~0.86 but no shared name: 0.86 - 0.4 < 0.6, a different event of the same kind
    out = index.assign([_cand("a2", _vec(1, 0.0), anchors=("brenn", "brandt"))])
    assert out == [("s2", True)]


def test_time_window_keeps_events_apart_and_evicts() -> None:
    index = StoryIndex(PARAMS, dim=8)
    index.assign([_cand("a1", _vec(1), day=100)])
    late = index.assign([_cand("a2", _vec(1), day=120)])
    assert late == [("s2", True)]
    closed = index.evict()
    assert closed == ["s1"] and sorted(index.open) == ["s2"]


def test_forced_and_follow_joins() -> None:
    index = StoryIndex(PARAMS, dim=8)
    index.assign([_cand("a1", _vec(1))])
    out = index.assign(
        [_cand("a2", _vec(0, 1)), _cand("a3", _vec(0, 0, 1))],
        forced={"a2": "s1"},
        follow={"a3": "a2"},
    )
    assert out == [("s1", False), ("s1", False)]


def test_max_open_bounds_memory() -> None:
    index = StoryIndex(AssignParams(max_open=2), dim=8)
    for n in range(4):
        index.assign([_cand(f"a{n}", _vec(*([0] * n + [1])), day=None)])
    index.evict()
    assert sorted(index.open) == ["s2", "s3"]


def test_minhash_near_duplicates() -> None:
    base = " ".join(f"word{i}" for i in range(200))
    edited = base.replace("word50 ", "changed ").replace("word150 ", "altered ")
    other = " ".join(f"term{i}" for i in range(200))
    a, b, c = signature(base), signature(edited), signature(other)
    assert jaccard(a, b) > 0.7 and jaccard(a, c) < 0.1
    assert set(band_keys(a)) & set(band_keys(b))
    assert not set(band_keys(a)) & set(band_keys(c))
    assert np.array_equal(signature(base), a)  # deterministic (seeded permutations)


def test_full_story_closes_and_opens_a_new_one() -> None:
    index = StoryIndex(replace(PARAMS, max_size=3), dim=8)
    first = index.assign([_cand(f"a{i}", _vec(1, 0.1 * i), anchors=("talvik",)) for i in range(3)])
    assert [sid for sid, _ in first] == ["s0", "s0", "s0"]
    # same event, but s0 is full: a new story opens and later matches join it, not s0;
    # a confirmed near-duplicate of an s0 member is redirected too
    more = index.assign(
        [_cand("a3", _vec(1, 0.1), anchors=("talvik",)), _cand("a4", _vec(1), anchors=("talvik",))]
    )
    assert more == [("s3", True), ("s3", False)]
    forced = index.assign([_cand("a5", _vec(1), anchors=("talvik",))], forced={"a5": "s0"})
    assert forced == [("s3", False)]
    assert index.open["s0"].size == 3 and index.open["s3"].size == 3
