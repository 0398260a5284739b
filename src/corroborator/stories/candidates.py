"""Candidate stories for a batch of articles: exact search, or an HNSW index at scale.

Story assignment (`stories.incremental`) scores each new article against a shortlist of open
stories: the `k` whose centroids are closest by cosine (and inside the article's time
window). Two interchangeable ways to find them:

* `ExactSearch`: one matrix product of the batch against every open centroid. Exact, no
  state, and the cheapest choice while the window holds a few thousand stories (a BLAS call
  of batch x stories x 512).
* `HnswSearch`: an approximate nearest-neighbour index (USearch's HNSW graph, `usearch` on
  PyPI, maintained by Unum) over the open centroids, kept in step with the window: a story
  whose centroid moved since the last batch is removed and re-added, an evicted story is
  removed, and the graph is rebuilt (in story-id order) when removed entries outnumber live
  ones. Cost per article is logarithmic in the number of open stories instead of linear.

`auto` (the default) searches exactly below `ANN_MIN_OPEN` open stories and with HNSW from
there on. Measured on 2 cores (bench/ann_recall.py): HNSW keeps recall@8 >= 0.999, but a
batch moves up to 256 centroids and re-adding them costs more than the exact product saves
(per batch of 256 at 20k open stories: exact 224 ms, HNSW 313 ms + 414 ms upkeep; at 100k:
exact 1,578 ms, HNSW 701 + 1,006 ms). So `auto` stays exact up to 200,000 open stories,
beyond the default window cap (`StoryParams.max_open` = 20,000): HNSW is there for windows
raised far past that, and `search="hnsw"` forces it. The HNSW search asks for `OVERSAMPLE` times more
neighbours than needed and keeps the k best inside the time window, and the final decision
always re-scores the shortlisted stories exactly, so the index only decides which stories
are looked at. Its recall of the exact top-k is measured by bench/ann_recall.py.

Determinism: USearch is driven with one thread and a fixed insertion order (the order of
batches, sorted story ids within a batch), so the same input gives the same stories. One
caveat, documented in the README: an HNSW graph depends on its insertion history, so a run
resumed after a crash (which rebuilds the graph from the stored open stories) can, in rare
near-ties, shortlist differently from an uninterrupted run; exact search has no history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from corroborator.store.base import StoryRow

#: Open stories from which `auto` switches from exact search to the HNSW index.
ANN_MIN_OPEN = 200_000
#: HNSW neighbours fetched per wanted candidate (the rest is filtered by the time window).
OVERSAMPLE = 4
#: HNSW graph parameters (USearch names): links per node, beam width when adding/searching.
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128


def unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def _day_bounds(rows: Sequence[StoryRow]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First and last day of each story (NaN when undated) and which are undated."""
    first = np.array([np.nan if r.first_day is None else r.first_day for r in rows])
    last = np.array([np.nan if r.last_day is None else r.last_day for r in rows])
    return first, last, np.isnan(first) | np.isnan(last)


def _inside(
    bounds: tuple[np.ndarray, np.ndarray, np.ndarray], day: int | None, window: int
) -> np.ndarray | None:
    """Which stories an article of `day` may join (None: all, the article is undated)."""
    if day is None:
        return None
    first, last, undated = bounds
    return undated | ((first - window <= day) & (day <= last + window))


class CandidateSearch(Protocol):
    name: str

    def shortlist(
        self,
        stories: Mapping[str, StoryRow],
        vectors: np.ndarray,
        days: Sequence[int | None],
        k: int,
        window: int,
    ) -> list[list[str]]:
        """For each query vector, up to `k` open story ids (sorted) inside its window."""
        ...

    def changed(self, story_id: str) -> None:
        """The story's centroid moved (or it was opened)."""
        ...


class ExactSearch:
    """Every open centroid, one matrix product per batch (see the module docstring)."""

    name = "exact"

    def shortlist(
        self,
        stories: Mapping[str, StoryRow],
        vectors: np.ndarray,
        days: Sequence[int | None],
        k: int,
        window: int,
    ) -> list[list[str]]:
        ids = sorted(stories)
        if not ids or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        rows = [stories[i] for i in ids]
        matrix = np.stack([unit(r.vector_sum) for r in rows])
        sims = vectors @ matrix.T
        k = min(k, len(ids))
        bounds = _day_bounds(rows)
        out = []
        for n, day in enumerate(days):
            row = sims[n].copy()
            inside = _inside(bounds, day, window)
            if inside is not None:
                row[~inside] = -np.inf
            top = np.argpartition(-row, k - 1)[:k] if k < len(ids) else np.arange(len(ids))
            out.append([ids[j] for j in sorted(top) if np.isfinite(row[j])])
        return out

    def changed(self, story_id: str) -> None:
        return None


class HnswSearch:
    """USearch HNSW index over the open centroids (see the module docstring)."""

    name = "hnsw"

    def __init__(self, dim: int):
        self.dim = dim
        self._index: Any = None
        self._key: dict[str, int] = {}  # story id -> key of its live entry
        self._sid: dict[int, str] = {}
        self._next = 0
        self._dirty: set[str] = set()
        self._removed = 0

    def _new_index(self) -> Any:
        from usearch.index import Index

        return Index(
            ndim=self.dim,
            metric="cos",
            dtype="f32",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )

    def changed(self, story_id: str) -> None:
        self._dirty.add(story_id)

    def __len__(self) -> int:
        return len(self._key)

    def sync(self, stories: Mapping[str, StoryRow]) -> None:
        """Bring the index in line with the open stories (moved, new and closed ones)."""
        if self._index is None:
            self._index = self._new_index()
        gone = sorted(s for s in self._key if s not in stories)
        moved = sorted(s for s in self._dirty if s in stories and s in self._key)
        stale = [self._key[s] for s in [*gone, *moved]]
        if stale:
            self._index.remove(np.array(stale, dtype=np.uint64), threads=1)
            self._removed += len(stale)
            for s in [*gone, *moved]:
                del self._sid[self._key.pop(s)]
        if self._removed > max(len(self._key), 1024):
            self._rebuild(stories)
            return
        fresh = sorted(s for s in stories if s not in self._key)
        self._add(fresh, stories)
        self._dirty.clear()

    def _rebuild(self, stories: Mapping[str, StoryRow]) -> None:
        self._index = self._new_index()
        self._key.clear()
        self._sid.clear()
        self._removed = 0
        self._dirty.clear()
        self._add(sorted(stories), stories)

    def _add(self, sids: list[str], stories: Mapping[str, StoryRow]) -> None:
        if not sids:
            return
        keys = np.arange(self._next, self._next + len(sids), dtype=np.uint64)
        self._next += len(sids)
        vecs = np.stack([unit(stories[s].vector_sum) for s in sids]).astype(np.float32)
        self._index.add(keys, vecs, threads=1)
        for s, key in zip(sids, keys.tolist(), strict=True):
            self._key[s] = key
            self._sid[key] = s

    def shortlist(
        self,
        stories: Mapping[str, StoryRow],
        vectors: np.ndarray,
        days: Sequence[int | None],
        k: int,
        window: int,
    ) -> list[list[str]]:
        self.sync(stories)
        if not self._key or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        want = min(len(self._key), k * OVERSAMPLE)
        found = self._index.search(np.asarray(vectors, dtype=np.float32), want, threads=1)
        if np.ndim(found.keys) == 1:  # one query: usearch answers with Matches, not a batch
            all_keys, all_dist = [np.asarray(found.keys)], [np.asarray(found.distances)]
        else:
            counts = np.asarray(found.counts)
            all_keys = [found.keys[n][: counts[n]] for n in range(len(vectors))]
            all_dist = [found.distances[n][: counts[n]] for n in range(len(vectors))]
        out = []
        for n, day in enumerate(days):
            keys, dist = all_keys[n], all_dist[n]
            sids = [self._sid[int(key)] for key in keys]
            mask = _inside(_day_bounds([stories[s] for s in sids]), day, window)
            # (cosine distance, id): a deterministic order among equally distant stories
            ranked = sorted(
                (float(d), s)
                for i, (d, s) in enumerate(zip(dist, sids, strict=True))
                if mask is None or mask[i]
            )
            out.append(sorted(s for _, s in ranked[:k]))
        return out


class AutoSearch:
    """Exact below `min_open` open stories, HNSW from there on (when usearch imports)."""

    def __init__(self, dim: int, min_open: int = ANN_MIN_OPEN):
        self.min_open = min_open
        self.exact = ExactSearch()
        self.hnsw: HnswSearch | None = HnswSearch(dim) if _usearch_available() else None
        self.name = "auto"
        self.last = "exact"  # which one served the latest batch

    def changed(self, story_id: str) -> None:
        if self.hnsw is not None:
            self.hnsw.changed(story_id)

    def shortlist(
        self,
        stories: Mapping[str, StoryRow],
        vectors: np.ndarray,
        days: Sequence[int | None],
        k: int,
        window: int,
    ) -> list[list[str]]:
        if self.hnsw is None or len(stories) < self.min_open:
            self.last = "exact"
            return self.exact.shortlist(stories, vectors, days, k, window)
        self.last = "hnsw"
        return self.hnsw.shortlist(stories, vectors, days, k, window)


def _usearch_available() -> bool:
    try:
        import usearch.index  # noqa: F401
    except ImportError:
        return False
    return True


def make_search(kind: str, dim: int) -> CandidateSearch:
    """`exact`, `hnsw` or `auto` (see the module docstring)."""
    if kind == "exact":
        return ExactSearch()
    if kind == "hnsw":
        if not _usearch_available():
            raise RuntimeError("the hnsw candidate search needs usearch: pip install usearch")
        return HnswSearch(dim)
    if kind == "auto":
        return AutoSearch(dim)
    raise ValueError(f"unknown candidate search {kind!r}; choose exact, hnsw or auto")
