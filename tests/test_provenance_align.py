"""Sentence alignment on hand-made vectors: coverage, order, contiguity, runs."""

from __future__ import annotations

import numpy as np

from corroborator.provenance.align import align


def _unit(rows: list[list[float]]) -> np.ndarray:
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


EYE = np.eye(6, dtype=np.float32)


def test_identical_order_is_one_run() -> None:
    al = align(EYE[:5], EYE[:5], [10] * 5, [10] * 5, t=0.8)
    assert al.pairs == tuple((i, i) for i in range(5))
    assert al.coverage_a == al.coverage_b == 1.0
    assert al.order == 1.0 and al.contiguity == 1.0 and len(al.longest_run) == 5


def test_scrambled_order_breaks_the_chain() -> None:
    b = EYE[[4, 2, 0, 3, 1]]
    al = align(EYE[:5], b, [10] * 5, [10] * 5, t=0.8)
    assert al.coverage_a == 1.0
    assert al.order < 0.7


def test_truncated_side_is_a_subset_by_characters() -> None:
    al = align(EYE[:4], EYE[:2], [10, 10, 40, 40], [10, 10], t=0.8)
    assert al.coverage_b == 1.0 and abs(al.coverage_a - 0.2) < 1e-6


def test_merged_sentence_covers_both_parts() -> None:
    a = EYE[:3]
    b = _unit([[1, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0]])  # first two merged into one
    al = align(a, b, [10] * 3, [20, 10], t=0.7)
    assert al.coverage_a == 1.0 and al.coverage_b == 1.0


def test_empty_sides() -> None:
    al = align(EYE[:0], EYE[:3], [], [1, 1, 1], t=0.8)
    assert al.pairs == () and al.coverage_a == 0.0
