"""The `ingest` job: stream inputs into a corpus store, batch by batch.

Per batch of `batch_size` raw documents (one transaction each):

    read -> content-hash id (exact duplicates and re-ingested files stop here)
         -> prepare (clean, title, date, language, sentences)
         -> one embedding per article (title + lead), in one batched call
         -> MinHash signature; LSH lookup of near-duplicates (store + batch)
         -> story assignment in the open time window (`corpus.assign`)
         -> analysis (provenance, claims, verdicts) of touched stories up to
            `analyse_now_max` articles; larger ones are marked stale
         -> write articles, stories, LSH keys and skips in one transaction

After the last batch every stale story is analysed once (`finish`), in transactions of
`finish_batch` stories. A run killed at any point leaves every committed batch in the store;
re-running the same ingest skips the stored articles, adds the rest and analyses what is
stale, so it completes the interrupted run.
"""

from __future__ import annotations

import hashlib
import json
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corroborator.corpus.analyse import analyse_rows
from corroborator.corpus.assign import DEFAULT_ASSIGN, AssignParams, Candidate, StoryIndex
from corroborator.corpus.minhash import (
    NEAR_DUPLICATE_JACCARD,
    band_keys,
    from_bytes,
    jaccard,
    signature,
    to_bytes,
)
from corroborator.embed import Embedder, default_embedder
from corroborator.ingest.walk import walk_inputs
from corroborator.model import Article, RawDocument, Skip
from corroborator.pipeline import prepare
from corroborator.store.base import ArticleRow, BatchWrite, Store, StoryRow, day_of
from corroborator.stories.cluster import anchor_terms, lead_text


def content_id(raw: RawDocument) -> str:
    """Stable article id: 'a' + 16 hex digits of SHA-1 over the content and its metadata.

    The same file ingested twice gives the same id (idempotent); the same text under another
    URL, outlet or title is another article (syndication is provenance, not a duplicate).
    """
    key = json.dumps(
        [raw.html if raw.html is not None else raw.text, raw.title, raw.url, raw.outlet],
        ensure_ascii=False,
    )
    return "a" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class IngestOptions:
    """`analysis`: "full" gives each story the verdicts `compare` would give (provenance by
    sentence alignment embeds every sentence of a story: costly on big crawls); "fast"
    embeds nothing beyond one vector per article (copies and syndication only, see
    `corroborator.pipeline.analyse_story`)."""

    batch_size: int = 256
    analysis: str = "full"
    analyse_now_max: int = 8
    finish_batch: int = 64
    assign: AssignParams = DEFAULT_ASSIGN


@dataclass
class IngestSummary:
    """Counters of one ingest run (the one-line summary)."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    skipped: int = 0
    new_stories: int = 0
    stories_touched: set[str] = field(default_factory=set)
    analysed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        return (
            f"read {self.read}, added {self.added}, duplicates {self.duplicates} "
            f"(near-duplicates joined their original's story: {self.near_duplicates}), "
            f"skipped {self.skipped}, stories touched {len(self.stories_touched)} "
            f"({self.new_stories} new), {self.seconds:.1f} s ({rate:.0f} articles/s)"
        )

    def to_dict(self) -> dict[str, float | int]:
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "skipped": self.skipped,
            "stories_touched": len(self.stories_touched),
            "new_stories": self.new_stories,
            "analysed": self.analysed,
            "seconds": round(self.seconds, 3),
        }


def _batches(
    records: Iterable[RawDocument | Skip], size: int
) -> Iterator[tuple[list[RawDocument], list[Skip]]]:
    raws: list[RawDocument] = []
    skips: list[Skip] = []
    for rec in records:
        if isinstance(rec, Skip):
            skips.append(rec)
        else:
            raws.append(rec)
        if len(raws) >= size or len(skips) >= size * 4:
            yield raws, skips
            raws, skips = [], []
    if raws or skips:
        yield raws, skips


class CorpusIngest:
    """One ingest run against one store (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        embedder: Embedder | None = None,
        options: IngestOptions | None = None,
    ):
        self.store = store
        self.embedder = embedder or default_embedder()
        self.options = options or IngestOptions()
        self.index = StoryIndex(self.options.assign, self.embedder.dim)
        self.index.load(store.active_stories(None, self.options.assign.max_open))
        self.index.evict()
        self.summary = IngestSummary()

    def run(
        self,
        paths: Iterable[str | Path],
        progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        start = time.perf_counter()
        for raws, skips in _batches(walk_inputs(paths), self.options.batch_size):
            self.ingest_batch(raws, skips)
            self.summary.seconds = time.perf_counter() - start
            if progress:
                progress(self.summary)
        self.finish(progress)
        self.summary.seconds = time.perf_counter() - start
        return self.summary

    def ingest_batch(self, raws: list[RawDocument], skips: list[Skip]) -> None:
        s = self.summary
        s.read += len(raws)
        batch = BatchWrite(skips=list(skips))
        ids = [content_id(r) for r in raws]
        known = self.store.known_articles(ids)
        articles: list[Article] = []
        seen: set[str] = set()
        for raw, aid in zip(raws, ids, strict=True):
            if aid in known or aid in seen:
                s.duplicates += 1
                continue
            seen.add(aid)
            art = prepare(raw, aid)
            if isinstance(art, Skip):
                batch.skips.append(art)
            else:
                articles.append(art)
        s.skipped += len(batch.skips)
        if articles:
            self._place(articles, batch)
        self.store.write_batch(batch)
        self.index.evict()

    def _place(self, articles: list[Article], batch: BatchWrite) -> None:
        s = self.summary
        vectors = self.embedder.encode([lead_text(a) for a in articles])
        sigs = [signature(a.text) for a in articles]
        bands = [band_keys(sig) for sig in sigs]
        stored = self.store.lsh_lookup([k for b in bands for k in b])
        stored_sigs = self.store.signatures(sorted({i for ids in stored.values() for i in ids}))
        local: dict[tuple[int, int], list[int]] = {}
        forced: dict[str, str] = {}
        follow: dict[str, str] = {}
        for n, (art, sig) in enumerate(zip(articles, sigs, strict=True)):
            best: tuple[float, str, str | None] | None = None  # (J, article, stored story)
            for key in bands[n]:
                for other in stored.get(key, []):
                    j = jaccard(sig, from_bytes(stored_sigs[other][0]))
                    if j >= NEAR_DUPLICATE_JACCARD and (best is None or (j, other) > best[:2]):
                        best = (j, other, stored_sigs[other][1])
                for m in local.get(key, []):
                    j = jaccard(sig, sigs[m])
                    if j >= NEAR_DUPLICATE_JACCARD and (best is None or j > best[0]):
                        best = (j, articles[m].id, None)
                local.setdefault(key, []).append(n)
            if best is not None:
                s.near_duplicates += 1
                if best[2] is None:
                    follow[art.id] = best[1]
                else:
                    forced[art.id] = best[2]
                    if best[2] not in self.index.open:
                        row = self.store.story(best[2])
                        if row is not None:
                            row.payload = None
                            self.index.add_story(row)
        cands = [
            Candidate(
                id=a.id,
                vector=vectors[n],
                anchors=frozenset(anchor_terms(a)),
                day=day_of(a.published),
                title=a.title,
                language=a.language,
            )
            for n, a in enumerate(articles)
        ]
        placed = self.index.assign(cands, forced, follow)
        rows: list[ArticleRow] = []
        by_story: dict[str, list[ArticleRow]] = {}
        for n, (art, (sid, new)) in enumerate(zip(articles, placed, strict=True)):
            s.new_stories += new
            arow = ArticleRow.from_article(
                art, vectors[n], to_bytes(sigs[n]), cands[n].anchors, sid
            )
            rows.append(arow)
            by_story.setdefault(sid, []).append(arow)
            batch.lsh_keys.extend((b, k, art.id) for b, k in bands[n])
        s.added += len(rows)
        s.stories_touched.update(by_story)
        for sid in sorted(by_story):
            story = self.index.open[sid]
            story.payload = None
            if story.size <= self.options.analyse_now_max:
                members = self.store.story_articles(sid) + by_story[sid]
                self._analyse(story, members, batch, fresh={r.id for r in by_story[sid]})
            batch.stories.append(story)
        batch.new_articles = rows

    def _analyse(
        self, story: StoryRow, members: list[ArticleRow], batch: BatchWrite, fresh: set[str]
    ) -> None:
        try:
            analyse_rows(story, members, self.embedder, fast=self.options.analysis == "fast")
        except Exception as exc:  # a bug on odd text must not stop a crawl: record it
            where = traceback.extract_tb(exc.__traceback__)[-1]
            batch.skips.append(
                Skip(
                    f"story {story.id}",
                    f"analysis failed: {exc!r} at {Path(where.filename).name}:{where.lineno}; "
                    "`corroborator report` retries it",
                )
            )
            self.summary.skipped += 1
            story.payload = {"id": story.id, "error": repr(exc)}
            story.analysed_size = story.size
            return
        self.summary.analysed += 1
        for row in members:
            if row.id not in fresh:
                batch.article_updates[row.id] = (
                    row.story_id,
                    row.derived_from,
                    row.machine_score,
                    row.machine_evidence,
                    row.extractions,
                )

    def finish(self, progress: Callable[[IngestSummary], None] | None = None) -> None:
        """Analyse every story whose verdicts are stale (larger stories, interrupted runs)."""
        while True:
            pending = self.store.pending_stories(self.options.finish_batch)
            if not pending:
                return
            batch = BatchWrite()
            for sid in pending:
                story = self.store.story(sid)
                if story is None:
                    continue
                members = self.store.story_articles(sid)
                story.size = len(members)
                self._analyse(story, members, batch, fresh=set())
                batch.stories.append(story)
            self.store.write_batch(batch)
            if progress:
                progress(self.summary)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    embedder: Embedder | None = None,
    options: IngestOptions | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into `store`; returns the run's counters."""
    return CorpusIngest(store, embedder, options).run(paths, progress)
