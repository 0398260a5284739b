"""The one story assignment rule, for a stream of batches (corpus mode) or one batch (`compare`).

`StoryIndex.assign` takes a batch of articles (`score.Candidate`) and places each one:

1. the batch's event keys are added to the key statistics first (`score.KeyWeights`), so a
   batch is weighed the same whether it is all the input (`compare`) or one step of a
   stream;
2. the articles are taken in date order (undated last, ties in input order); each is scored
   (`corroborator.stories.score`) against the open stories within its time window and joins
   the best one scoring at least `threshold`, or starts a new story. Open stories from
   earlier batches are shortlisted by centroid cosine (`top_k` of them, `corroborator.stories.candidates`:
   exact, or HNSW at scale), every story opened in this batch is scored;
3. *refinement* (`refine_passes`, 2): each article of the batch is taken out of its story and
   placed again where it now scores best (its own story included), so an early article is
   not stuck with the choice it made before the rest of the batch was seen (the greedy pass
   alone depends on the order); stops early when nothing moves;
4. *attach stage*: a story opened in this batch with at most `fragment_size` members (a
   fragment) joins the larger open story it fits best on average over its members, if that
   average reaches `attach_threshold` (below `threshold`); the best (fragment, story) pair
   goes first, fragments never join each other and larger stories never merge. Why: each
   outlet adds names no other report has, so a one-event pile of reports often has a lone
   report or two just under the bar, and a split costs more than a merge (values in
   different stories are never compared; claim alignment keeps the values of different
   events in one story apart). Measured on the claims dev gold: without this stage 42 of 111
   facts had their articles in different stories of one `compare` run.

Confirmed near-duplicates skip the search (`forced`: article -> stored story of its
original; `follow`: article -> an earlier article of the batch).

Cost (corpus mode): only *open* stories are searched: those whose last article is within
`window_days` of the newest publication day seen, at most `max_open` of them, so memory and
time per article are bounded by the window, not by the corpus.

Ids: a story is named after the article that started it ("s" + that article's id without
its first character), so ids are stable across re-ingest and independent of batch boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from corroborator.store.base import StoryRow
from corroborator.stories.candidates import make_search
from corroborator.stories.score import (
    DEFAULT_PARAMS,
    Candidate,
    KeyWeights,
    Scored,
    StoryParams,
    StorySide,
    in_window,
    prepare,
    score,
    story_side,
)

__all__ = ["MAX_STORY_ANCHORS", "MAX_STORY_SIZE", "Candidate", "StoryIndex", "StoryParams"]

MAX_STORY_ANCHORS = 300

MAX_STORY_SIZE = DEFAULT_PARAMS.max_size
"""A story stops accepting members at this size; the next matching article opens a new story.

Why: a story's analysis (pairwise provenance + claim alignment, see `corpus.analyse`) is
quadratic in its size and reruns whenever members join, and drift lets a few stories absorb
hundreds of loosely related articles (400-985 on the 20k throughput benchmark, where their
analysis alone ran for many minutes). Real single-event stories in the evaluation data stay
far below 200 articles. Trade-off: an event covered by more than 200 articles in one window is
split into several stories (each still analysed on its own, so cross-split corroboration is
not seen), in exchange for analysis cost bounded by 200² pairs per story.
"""


@dataclass
class _Fresh:
    """A story opened in the current batch: its members (batch positions)."""

    sid: str
    members: list[int]


class StoryIndex:
    """The open stories of the window and the assignment rule (see the module docstring)."""

    def __init__(self, params: StoryParams = DEFAULT_PARAMS, dim: int = 512):
        self.params = params
        self.dim = dim
        self.open: dict[str, StoryRow] = {}
        self._recency: dict[str, int] = {}
        self._clock = 0
        self.newest_day: int | None = None
        self.keys = KeyWeights()
        self._side: dict[str, StorySide] = {}
        self.search = make_search(params.search, dim)

    def load(self, rows: Iterable[StoryRow]) -> None:
        """Open stories read from the store (most recent first); they seed the key weights."""
        rows = list(rows)
        for rank, row in enumerate(reversed(rows)):
            self.open[row.id] = row
            self.search.changed(row.id)
            self._recency[row.id] = rank - len(rows)
            self.keys.docs += row.size
            self.keys.df.update(row.anchors)
            if row.last_day is not None and (
                self.newest_day is None or row.last_day > self.newest_day
            ):
                self.newest_day = row.last_day

    def add_story(self, row: StoryRow) -> None:
        """Re-open a stored story (a near-duplicate of one of its articles arrived)."""
        self.open[row.id] = row
        self.search.changed(row.id)
        self._recency.setdefault(row.id, self._clock)

    def _allowed(self, row: StoryRow, day: int | None) -> bool:
        p = self.params
        return row.size < p.max_size and in_window(day, row, p.window_days, p.max_span_days)

    def assign(
        self,
        batch: Sequence[Candidate],
        forced: dict[str, str] | None = None,
        follow: dict[str, str] | None = None,
    ) -> list[tuple[str, bool]]:
        """(story id, is_new) for each article of the batch, in order; updates the index."""
        forced = forced or {}
        follow = follow or {}
        p = self.params
        self._clock += 1
        self._side.clear()
        for cand in batch:
            self.keys.add(cand.anchors, cand.language)
        scored = [prepare(c, self.keys, p) for c in batch]
        shortlist = self.search.shortlist(
            self.open,
            np.stack([c.vector for c in batch]) if batch else np.zeros((0, self.dim)),
            [c.day for c in batch],
            p.top_k,
            p.window_days,
        )
        order = sorted(
            range(len(batch)),
            key=lambda n: (batch[n].day is None, batch[n].day or 0, n),
        )
        fresh: dict[str, _Fresh] = {}
        placed: dict[str, str] = {}
        story_of: list[str] = [""] * len(batch)
        for n in order:
            cand = batch[n]
            target = forced.get(cand.id)
            if cand.id in follow:
                target = placed.get(follow[cand.id])
            if target is not None and (target not in self.open or self._full(target)):
                target = None
            if target is None:
                target = self._best(scored[n], [*shortlist[n], *fresh], p.threshold)
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
                fresh[target] = _Fresh(target, [])
            if target in fresh:
                fresh[target].members.append(n)
            self._add_member(self.open[target], cand)
            self._recency[target] = self._clock
            placed[cand.id] = target
            story_of[n] = target
        pinned = {n for n, c in enumerate(batch) if c.id in forced or c.id in follow}
        for _ in range(p.refine_passes):
            if not self._refine(batch, scored, shortlist, fresh, story_of, order, pinned):
                break
        self._attach(batch, scored, shortlist, fresh, story_of)
        started = {f.sid for f in fresh.values() if f.sid in self.open}
        out: list[tuple[str, bool]] = []
        for sid in story_of:
            out.append((sid, sid in started))
            started.discard(sid)
        return out

    def _refine(
        self,
        batch: Sequence[Candidate],
        scored: list[Scored],
        shortlist: list[list[str]],
        fresh: dict[str, _Fresh],
        story_of: list[str],
        order: list[int],
        pinned: set[int],
    ) -> int:
        """One pass: each article of the batch, taken out of its story, goes where it scores
        best (its own story included); returns how many moved."""
        moved = 0
        for n in order:
            if n in pinned:
                continue
            cur = story_of[n]
            self._remove_member(self.open[cur], batch[n])
            others = [s for s in [*shortlist[n], *fresh] if s in self.open and self.open[s].size]
            best = self._best(scored[n], others, self.params.threshold)
            if best is None or best == cur:
                self._add_member(self.open[cur], batch[n])
                continue
            moved += 1
            self._add_member(self.open[best], batch[n])
            story_of[n] = best
            if cur in fresh:
                fresh[cur].members.remove(n)
            if best in fresh:
                fresh[best].members.append(n)
            if not self.open[cur].size:
                del self.open[cur]
                self._recency.pop(cur, None)
                fresh.pop(cur, None)
        return moved

    def _side_of(self, row: StoryRow) -> StorySide:
        side = self._side.get(row.id)
        if side is None:
            side = self._side[row.id] = story_side(row, self.keys, self.params)
        return side

    def _remove_member(self, row: StoryRow, cand: Candidate) -> None:
        """Undo `_add_member` (the day range is kept: a story's days only widen)."""
        self.search.changed(row.id)
        self._side.pop(row.id, None)
        row.size -= 1
        row.vector_sum = (row.vector_sum - cand.vector).astype(np.float32)
        for t in cand.anchors:
            left = row.anchors.get(t, 0) - 1
            if left > 0:
                row.anchors[t] = left
            else:
                row.anchors.pop(t, None)

    def _best(self, x: Scored, sids: Iterable[str], bar: float) -> str | None:
        best, best_score = None, bar
        rows = [self.open[sid] for sid in sids]
        rows = [r for r in rows if self._allowed(r, x.cand.day)]
        for row in rows:
            sid = row.id
            s = score(x, row, self.params, self._side_of(row))
            if s >= best_score and (best is None or s > best_score or sid < best):
                best, best_score = sid, s
        return best

    def _attach(
        self,
        batch: Sequence[Candidate],
        scored: list[Scored],
        shortlist: list[list[str]],
        fresh: dict[str, _Fresh],
        story_of: list[str],
    ) -> None:
        """Fragments opened in this batch join a larger story (see the module docstring)."""
        p = self.params
        if p.fragment_size < 1 or p.attach_threshold >= p.threshold:
            return
        fragments = sorted(s for s, f in fresh.items() if len(f.members) <= p.fragment_size)
        if not fragments:
            return

        def larger(sid: str) -> bool:
            return self.open[sid].size > p.fragment_size

        def link(frag: str, sid: str) -> float:
            row = self.open[sid]
            members = fresh[frag].members
            if row.size >= p.max_size or not all(self._allowed(row, batch[m].day) for m in members):
                return -np.inf
            side = self._side_of(row)
            return sum(score(scored[m], row, p, side) for m in members) / len(members)

        targets: dict[str, list[str]] = {}
        for frag in fragments:
            near = {s for m in fresh[frag].members for s in shortlist[m]}
            near.update(s for s in fresh if s not in fragments)
            targets[frag] = sorted(s for s in near if s in self.open and larger(s))
        links = {(f, s): link(f, s) for f in fragments for s in targets[f]}
        while links:
            # ties: the first pair in (fragment, story) id order (links is built sorted)
            (frag, sid), best = max(links.items(), key=lambda kv: kv[1])
            if best < p.attach_threshold:
                break
            del self.open[frag]
            self._recency.pop(frag, None)
            for m in fresh[frag].members:
                self._add_member(self.open[sid], batch[m])
                story_of[m] = sid
            self._recency[sid] = self._clock
            self.search.changed(sid)
            links = {k: v for k, v in links.items() if k[0] != frag}
            for key in links:
                if key[1] == sid:
                    links[key] = link(*key)

    def _full(self, sid: str) -> bool:
        """Whether the open story `sid` has reached `max_size` (closed to new members)."""
        row = self.open.get(sid)
        return row is not None and row.size >= self.params.max_size

    def _add_member(self, row: StoryRow, cand: Candidate) -> None:
        self.search.changed(row.id)
        self._side.pop(row.id, None)
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
