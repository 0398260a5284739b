"""Sentence alignment between two articles from their sentence embeddings.

One routine serves rewrites (same language) and translations (any two languages the
multilingual model covers): what changes is only the similarity threshold `t`.

Given L2-normalised sentence vectors A (n x d) and B (m x d), S = A Bᵀ holds cosines.

- *Matched* sentences: a sentence of A is matched when its best cosine in B is ≥ t (and
  likewise for B). Many-to-one is allowed, so a sentence that merges two others still
  covers both.
- *Coverage* of a side: the share of its characters that lie in matched sentences (characters,
  not sentence counts, so a one-line dateline does not weigh like a paragraph).
- *Monotone chain*: the 1:1 alignment that keeps sentence order and maximises Σ (S_ij − t)
  over aligned pairs with S_ij ≥ t (an O(n·m) dynamic programme, like Needleman-Wunsch with
  free gaps). Its length over the number of matched sentences of the shorter side is
  `order`: 1.0 when the derived text follows the original's structure, low when the matches
  are a scattering of shared facts in another order, which is what independent reports of
  one event look like.
- *Contiguity*: the share of chain pairs that have a neighbour in the chain (both indices
  within 2): a translation or rewrite is one long run; the few sentences two independent
  reports share (a quote, the headline fact) are isolated pairs.
- *Longest run*: the longest stretch of the chain whose pairs are consecutive in both
  articles, allowing one skipped sentence on either side; a partial reuse of some paragraphs
  shows up as a run of three or more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[tuple[int, int], ...]  # the monotone chain, (index in A, index in B)
    sims: tuple[float, ...]  # cosine of each chain pair
    coverage_a: float  # share of A's characters in sentences matched (≥ t) anywhere in B
    coverage_b: float
    order: float  # chain length / matched sentences of the side with fewer matches
    longest_run: tuple[tuple[int, int], ...]  # the longest near-consecutive stretch of pairs
    contiguity: float = 0.0  # share of chain pairs with a chain neighbour (indices within 2)

    @property
    def mean_sim(self) -> float:
        return float(np.mean(self.sims)) if self.sims else 0.0

    def run_coverage(self, lengths_a: Sequence[int], lengths_b: Sequence[int]) -> float:
        """Share of the smaller article's characters covered by the longest run."""
        if not self.longest_run:
            return 0.0
        ca = sum(lengths_a[i] for i, _ in self.longest_run) / max(1, sum(lengths_a))
        cb = sum(lengths_b[j] for _, j in self.longest_run) / max(1, sum(lengths_b))
        return max(ca, cb)


def _monotone_chain(sim: np.ndarray, t: float) -> list[tuple[int, int]]:
    n, m = sim.shape
    gain = np.where(sim >= t, sim - t + 1e-6, -np.inf)
    dp = np.zeros((n + 1, m + 1), dtype=np.float64)
    for i in range(1, n + 1):
        row_gain = gain[i - 1]
        prev = dp[i - 1]
        cur = dp[i]
        for j in range(1, m + 1):
            best = prev[j] if prev[j] >= cur[j - 1] else cur[j - 1]
            diag = prev[j - 1] + row_gain[j - 1]
            cur[j] = diag if diag > best else best
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        if gain[i - 1, j - 1] > -np.inf and dp[i, j] == dp[i - 1, j - 1] + gain[i - 1, j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif dp[i, j] == dp[i - 1, j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def _near(p: tuple[int, int], q: tuple[int, int]) -> bool:
    return 0 < abs(p[0] - q[0]) <= 2 and 0 < abs(p[1] - q[1]) <= 2


def _contiguity(pairs: Sequence[tuple[int, int]]) -> float:
    if not pairs:
        return 0.0
    linked = sum(
        1
        for k, p in enumerate(pairs)
        if (k > 0 and _near(p, pairs[k - 1])) or (k + 1 < len(pairs) and _near(p, pairs[k + 1]))
    )
    return linked / len(pairs)


def _longest_run(pairs: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    best: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    for p in pairs:
        if cur and _near(p, cur[-1]):
            cur.append(p)
        else:
            cur = [p]
        if len(cur) > len(best):
            best = list(cur)
    return tuple(best)


def align(
    vec_a: np.ndarray,
    vec_b: np.ndarray,
    lengths_a: Sequence[int],
    lengths_b: Sequence[int],
    t: float,
) -> Alignment:
    """Align two articles' sentences at cosine threshold `t` (see the module docstring)."""
    if len(vec_a) == 0 or len(vec_b) == 0:
        return Alignment((), (), 0.0, 0.0, 0.0, ())
    return align_matrix(vec_a @ vec_b.T, lengths_a, lengths_b, t)


def align_matrix(
    sim: np.ndarray, lengths_a: Sequence[int], lengths_b: Sequence[int], t: float
) -> Alignment:
    """Align from a precomputed (n x m) sentence similarity matrix at threshold `t`.

    Same as `align`, for callers that adjust the cosines first (rewrite detection lifts the
    pairs the paraphrase classifier accepts, see `derive`).
    """
    if sim.size == 0:
        return Alignment((), (), 0.0, 0.0, 0.0, ())
    matched_a = sim.max(axis=1) >= t
    matched_b = sim.max(axis=0) >= t
    la = np.asarray(lengths_a, dtype=np.float64)
    lb = np.asarray(lengths_b, dtype=np.float64)
    cov_a = float(la[matched_a].sum() / max(1.0, la.sum()))
    cov_b = float(lb[matched_b].sum() / max(1.0, lb.sum()))
    pairs = _monotone_chain(sim, t)
    n_matched = min(int(matched_a.sum()), int(matched_b.sum()))
    order = len(pairs) / n_matched if n_matched else 0.0
    sims = tuple(float(sim[i, j]) for i, j in pairs)
    return Alignment(
        tuple(pairs), sims, cov_a, cov_b, order, _longest_run(pairs), _contiguity(pairs)
    )
