"""Incremental, time-windowed story assignment for corpus mode.

Each new article either joins the most similar *open* story or starts a new one. A story is
represented by the running sum of its members' title+lead embeddings (its centroid is the
direction of that sum) and by how many members carry each anchor (names and numbers, see
`corroborator.stories.cluster.anchor_terms`). The score of article x against story S is

    score = cos(x, centroid(S)) + anchor_weight * (overlap - anchor_base)

where `overlap` is the share of x's anchors that some member of S carries (the term is left
out when either side has none). x joins the best story with score >= threshold.

Cost: only *open* stories are searched: those whose last article is within `window_days` of
the newest publication day seen (undated stories by recency), at most `max_open` of them, so
memory and time per article are bounded by the window, not by the corpus. Within the window,
the candidates are the `top_k` stories by cosine, found by `corpus.ann` (an exact matrix
product per batch while the window holds fewer than a few thousand stories, an HNSW
approximate-nearest-neighbour index beyond); they are then re-scored exactly against their
current centroids, so articles earlier in the same batch count. Stories created inside the
batch are scored too. A confirmed near-duplicate (MinHash, see `corpus.minhash`) joins its
original's story directly.

Ids: a story is named after the article that started it ("s" + that article's content-hash
id), so ids are stable across re-ingest and independent of batch boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from corroborator.corpus.ann import make_search, unit
from corroborator.store.base import StoryRow

MAX_STORY_ANCHORS = 300

MAX_STORY_SIZE = 200
"""A story stops accepting members at this size; the next matching article opens a new story.

Why: a story's analysis (pairwise provenance + claim alignment, see `corpus.analyse`) is
quadratic in its size and reruns whenever members join, and centroid drift lets a few stories
absorb hundreds of loosely related articles (400-985 on the 20k throughput benchmark, where
their analysis alone ran for many minutes). Real single-event stories in the evaluation data
stay far below 200 articles. Trade-off: an event covered by more than 200 articles in one
window is split into several stories (each still analysed on its own, so cross-split
corroboration is not seen), in exchange for analysis cost bounded by 200² pairs per story.
"""


@dataclass(frozen=True)
class AssignParams:
    """Knobs of story assignment (best B³ F1 on ECB+ train, see bench/corpus_stories.py;
    threshold and anchor_base trade one for one, so 0.7 / 0.3 decides identically).

    threshold: minimum score to join a story (cosine scale: titles+leads of one event sit
    at 0.6-0.9 against their story's centroid, same-kind different events at 0.4-0.6).
    anchor_weight / anchor_base: how much shared names move the score; an article whose
    names all occur in the story gains weight * (1 - base); one sharing none loses
    weight * base. window_days: how long a story stays open after its last article.
    """

    threshold: float = 0.6
    anchor_weight: float = 1.0
    anchor_base: float = 0.4
    window_days: int = 7
    max_open: int = 20_000
    top_k: int = 8
    search: str = "auto"  # candidate search: exact, hnsw or auto (see corpus.ann)


DEFAULT_ASSIGN = AssignParams()


@dataclass
class Candidate:
    """What the index needs to know about one new article."""

    id: str
    vector: np.ndarray
    anchors: frozenset[str]
    day: int | None
    title: str
    language: str


class StoryIndex:
    """The open stories of the window and the assignment rule (see the module docstring)."""

    def __init__(self, params: AssignParams = DEFAULT_ASSIGN, dim: int = 512):
        self.params = params
        self.dim = dim
        self.open: dict[str, StoryRow] = {}
        self._recency: dict[str, int] = {}
        self._clock = 0
        self.newest_day: int | None = None
        self.search = make_search(params.search, dim)

    def load(self, rows: Iterable[StoryRow]) -> None:
        """Open stories read from the store (most recent first)."""
        rows = list(rows)
        for rank, row in enumerate(reversed(rows)):
            self.open[row.id] = row
            self.search.changed(row.id)
            self._recency[row.id] = rank - len(rows)
            if row.last_day is not None and (
                self.newest_day is None or row.last_day > self.newest_day
            ):
                self.newest_day = row.last_day

    def add_story(self, row: StoryRow) -> None:
        """Re-open a stored story (a near-duplicate of one of its articles arrived)."""
        self.open[row.id] = row
        self.search.changed(row.id)
        self._recency.setdefault(row.id, self._clock)

    def _in_window(self, row: StoryRow, day: int | None) -> bool:
        if day is None or row.last_day is None or row.first_day is None:
            return True
        w = self.params.window_days
        return row.first_day - w <= day <= row.last_day + w

    def score(self, cand: Candidate, row: StoryRow) -> float:
        p = self.params
        cos = float(cand.vector @ unit(row.vector_sum))
        if cand.anchors and row.anchors:
            overlap = sum(1 for t in cand.anchors if t in row.anchors) / len(cand.anchors)
            cos += p.anchor_weight * (overlap - p.anchor_base)
        return cos

    def assign(
        self,
        batch: Sequence[Candidate],
        forced: dict[str, str] | None = None,
        follow: dict[str, str] | None = None,
    ) -> list[tuple[str, bool]]:
        """(story id, is_new) for each article of the batch, in order; updates the index.

        Confirmed near-duplicates skip the search: `forced` maps article id -> the stored
        story of its original, `follow` article id -> an earlier article of this batch.
        """
        forced = forced or {}
        follow = follow or {}
        placed: dict[str, str] = {}
        self._clock += 1
        shortlist = self.search.shortlist(
            self.open,
            np.stack([c.vector for c in batch]) if batch else np.zeros((0, self.dim)),
            [c.day for c in batch],
            self.params.top_k,
            self.params.window_days,
        )
        fresh: list[str] = []
        out: list[tuple[str, bool]] = []
        for n, cand in enumerate(batch):
            target = forced.get(cand.id)
            if cand.id in follow:
                target = placed.get(follow[cand.id])
            if target is not None and self._full(target):
                target = None
            if target is None or target not in self.open:
                best, best_score = None, self.params.threshold
                for sid in [*shortlist[n], *fresh]:
                    row = self.open[sid]
                    if row.size >= MAX_STORY_SIZE or not self._in_window(row, cand.day):
                        continue
                    s = self.score(cand, row)
                    if s >= best_score and (best is None or s > best_score or sid < best):
                        best, best_score = sid, s
                target = best
            if target is None:
                target = "s" + cand.id[1:]
                self.open[target] = StoryRow(
                    id=target,
                    title=cand.title,
                    size=0,
                    first_day=None,
                    last_day=None,
                    vector_sum=np.zeros(self.dim, dtype=np.float32),
                    anchors={},
                )
                fresh.append(target)
                out.append((target, True))
            else:
                out.append((target, False))
            self._add_member(self.open[target], cand)
            self._recency[target] = self._clock
            placed[cand.id] = target
        return out

    def _full(self, sid: str) -> bool:
        """Whether the open story `sid` has reached MAX_STORY_SIZE (closed to new members)."""
        row = self.open.get(sid)
        return row is not None and row.size >= MAX_STORY_SIZE

    def _add_member(self, row: StoryRow, cand: Candidate) -> None:
        self.search.changed(row.id)
        row.size += 1
        row.vector_sum = (row.vector_sum + cand.vector).astype(np.float32)
        for t in cand.anchors:
            row.anchors[t] = row.anchors.get(t, 0) + 1
        if len(row.anchors) > MAX_STORY_ANCHORS:
            keep = sorted(row.anchors.items(), key=lambda kv: (-kv[1], kv[0]))
            row.anchors = dict(keep[:MAX_STORY_ANCHORS])
        if cand.language not in row.languages:
            row.languages = sorted([*row.languages, cand.language])
        if cand.day is not None:
            row.first_day = cand.day if row.first_day is None else min(row.first_day, cand.day)
            row.last_day = cand.day if row.last_day is None else max(row.last_day, cand.day)
            if self.newest_day is None or cand.day > self.newest_day:
                self.newest_day = cand.day

    def evict(self) -> list[str]:
        """Close stories outside the window (and the least recent beyond `max_open`)."""
        closed = []
        if self.newest_day is not None:
            limit = self.newest_day - self.params.window_days
            closed = sorted(
                sid
                for sid, row in self.open.items()
                if row.last_day is not None and row.last_day < limit
            )
        for sid in closed:
            del self.open[sid]
            self._recency.pop(sid, None)
        extra = len(self.open) - self.params.max_open
        if extra > 0:
            oldest = sorted(self.open, key=lambda s: (self._recency.get(s, 0), s))[:extra]
            for sid in oldest:
                del self.open[sid]
                self._recency.pop(sid, None)
            closed += oldest
        return closed
