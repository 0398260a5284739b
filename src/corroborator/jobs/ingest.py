"""The `ingest` job: stream inputs into a corpus store, batch by batch.

Per batch of `batch_size` raw documents (one transaction each):

    stage            where                  what
    read             this process           walk inputs (`ingest.walk`), or records given
    identify         this process           content-hash id (`content_id`): exact duplicates
                                            and re-ingested files stop here
    prepare          executor (step)        `corpus.work.PrepareArticles`: clean, title, date,
                                            language, sentences, claim extractions, MinHash
                                            signature, anchors, lead text
    near-duplicates  this process, in order `corpus.neardup`: LSH lookup in store + batch
    embed leads      executor (step)        `corpus.work.EmbedLeads`: title + lead of each
                                            article with no near-duplicate (a near-duplicate
                                            reuses its original's vector)
    assign           this process, in order `stories.incremental.StoryIndex` in the open
                                            time window (`corpus.assign`)
    prime            executor (step)        `corpus.prime`: the sentences the analysis will
                                            embed (`corpus.work.EmbedSentences`)
    analyse          this process, in order `analysis.analyse_story` (via
                                            `corpus.analyse.analyse_rows`) of touched stories
                                            up to `analyse_now_max` articles; larger ones
                                            are marked stale
    write            this process           articles, stories, LSH keys and skips in one
                                            transaction

The executor (`corroborator.exec`: local processes, Ray or Spark) prepares batch N+1 while
this process assigns, analyses and writes batch N, so the two halves overlap on a multi-core
machine. Results do not depend on the executor or the number of workers.

After the last batch every stale story is analysed once (`finish`), in transactions of
`finish_batch` stories (`--analysis fast`: on the executor, `corpus.work.AnalyseFast`). A run
killed at any point leaves every committed batch in the store; re-running the same ingest
skips the stored articles, adds the rest and analyses what is stale, so it completes the
interrupted run (`corpus.resume`).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corroborator.config import IngestSettings, Settings, settings
from corroborator.corpus.analyse import record_analysis
from corroborator.corpus.assign import DEFAULT_ASSIGN, AssignParams, Candidate, StoryIndex
from corroborator.corpus.minhash import NEAR_DUPLICATE_JACCARD, to_bytes
from corroborator.corpus.neardup import NearDuplicates, find_near_duplicates
from corroborator.corpus.prime import prime
from corroborator.corpus.work import (
    CHUNK,
    EmbedHandle,
    Failure,
    Handle,
    Prepared,
    Preparer,
    analyse_or_failure,
    default_workers,
)
from corroborator.embed import CachedEmbedder, Embedder, default_embedder, with_vectors
from corroborator.exec.base import preload
from corroborator.ingest.walk import walk_inputs
from corroborator.model import Article, RawDocument, Skip
from corroborator.store.base import ArticleRow, BatchWrite, Store, StoryRow, day_of
from corroborator.stories.score import from_settings as stories_params


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


_INGEST = IngestSettings()


@dataclass
class IngestOptions:
    """How one ingest runs. `IngestOptions()` holds the built-in defaults (those of
    `corroborator.config`); `IngestOptions.from_settings()` the settings in force (config
    file, environment) with the flags given, which is what `ingest` and the CLI use.

    `analysis`: "full" gives each story the verdicts `compare` would give (provenance by
    sentence alignment embeds every sentence of a story: costly on big crawls); "fast"
    embeds nothing beyond one vector per article (copies and syndication only, see
    `corroborator.analysis.analyse_story`)."""

    batch_size: int = _INGEST.batch_size
    analysis: str = _INGEST.analysis
    analyse_now_max: int = _INGEST.analyse_now_max
    finish_batch: int = _INGEST.finish_batch
    assign: AssignParams = DEFAULT_ASSIGN
    # Worker processes for per-article work and embeddings (0: all in this process). The
    # CLI gives one per core; the library default stays 0 because worker processes are
    # started with `spawn`, which re-imports the caller's main module: a script calling
    # `ingest` with workers must guard its entry point with `if __name__ == "__main__":`.
    workers: int = 0
    # Where the per-article steps run (`corroborator.exec`): "local", "ray" or "spark";
    # `address` is the Ray address or Spark master (None: a local cluster of `workers`
    # CPUs); `chunk`: articles per task. None of them changes the store.
    executor: str = "local"
    address: str | None = None
    chunk: int = CHUNK
    # MinHash Jaccard at which an article is a near-duplicate (`corpus.neardup`).
    near_duplicate: float = NEAR_DUPLICATE_JACCARD

    @classmethod
    def from_settings(
        cls,
        cfg: Settings | None = None,
        *,
        per_core: bool = False,
        batch_size: int | None = None,
        analysis: str | None = None,
        workers: int | None = None,
        executor: str | None = None,
        address: str | None = None,
    ) -> IngestOptions:
        """The settings `cfg` (None: those in force, `corroborator.config`), then each flag
        that is not None. Workers, when neither a flag nor `exec.workers` gives them: one
        per core with `per_core` (the CLI), else 0."""
        cfg = cfg or settings()
        i, x = cfg.ingest, cfg.exec
        if workers is None:
            workers = x.workers if x.workers >= 0 else (default_workers() if per_core else 0)
        return cls(
            batch_size=batch_size or i.batch_size,
            analysis=analysis or i.analysis,
            analyse_now_max=i.analyse_now_max,
            finish_batch=i.finish_batch,
            assign=stories_params(cfg.stories, DEFAULT_ASSIGN),
            workers=workers,
            executor=executor or x.executor,
            address=address or x.address or None,
            chunk=x.chunk,
            near_duplicate=cfg.provenance.near_duplicate,
        )


#: Exact duplicates listed by source in an ingest summary (all are counted).
MAX_LISTED = 1000


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
    warnings: list[str] = field(default_factory=list)
    #: the first MAX_LISTED exact duplicates: (source read, id of the article it duplicates)
    duplicate_of: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        return (
            f"read {self.read}, added {self.added}, duplicates {self.duplicates} "
            f"(near-duplicates joined their original's story: {self.near_duplicates}), "
            f"skipped {self.skipped}, stories touched {len(self.stories_touched)} "
            f"({self.new_stories} new), {self.seconds:.1f} s ({rate:.0f} articles/s)"
        )

    def to_dict(self) -> dict[str, Any]:
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
            "duplicate_of": [{"source": src, "article": aid} for src, aid in self.duplicate_of],
        }


@dataclass
class _Pending:
    """A batch sent to the workers: its read errors, the ids sent and the results handle."""

    skips: list[Skip]
    ids: list[str]
    handle: Handle


@dataclass
class _Placing:
    """A batch between near-duplicate detection and its transaction (see `run`)."""

    job: _Pending
    batch: BatchWrite
    prepared: list[Prepared] = field(default_factory=list)
    dups: NearDuplicates = field(default_factory=NearDuplicates)
    stored_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    need: list[int] = field(default_factory=list)  # batch indexes to embed
    embedding: EmbedHandle | None = None
    vectors: np.ndarray | None = None

    @property
    def articles(self) -> list[Article]:
        return [p.article for p in self.prepared if isinstance(p.article, Article)]


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
        if settings().ingest.store_vectors:  # sentence vectors kept for reanalyse / resume
            self.embedder = with_vectors(self.embedder, store.text_vectors())
        self.options = options or IngestOptions.from_settings()
        preload(self.options.executor)  # before the story index loads usearch (exec.base)
        self.index = StoryIndex(self.options.assign, self.embedder.dim)
        self.index.load(store.active_stories(None, self.options.assign.max_open))
        self.index.evict()
        self.summary = IngestSummary()
        self._in_flight: set[str] = set()
        # The default model runs in the workers (`corpus.work.embed_leads`); an embedder
        # given by the caller is used here, in this process.
        self._embed_in_workers = embedder is None

    def run(
        self,
        paths: Iterable[str | Path],
        progress: Callable[[IngestSummary], None] | None = None,
        records: Iterable[RawDocument | Skip] | None = None,
    ) -> IngestSummary:
        """Batches flow through a short pipeline (`corpus.work`): batch N's embeddings go to
        the workers, then batch N+1's preparation; batch N is then assigned, analysed and
        written here while the workers prepare batch N+1. `records`, when given, are read
        instead of `paths` (a dataset that Spark reads, `corpus.datasets`)."""
        source = walk_inputs(paths) if records is None else records
        start = time.perf_counter()
        current: _Pending | None = None
        # Fast analysis reads quote speakers by rules: the parser costs more than the rest of
        # an article's preparation (bench/RESULTS.md, corpus_throughput).
        parse = self.options.analysis != "fast"
        with self._preparer(self.options.workers, parse) as preparer:
            for raws, skips in _batches(source, self.options.batch_size):
                if current is None:
                    current = self._submit(preparer, raws, skips)
                    continue
                placing = self._detect(preparer, current)
                current = self._submit(preparer, raws, skips)
                self._settle(preparer, placing)
                self.summary.seconds = time.perf_counter() - start
                if progress:
                    progress(self.summary)
            if current is not None:
                self._settle(preparer, self._detect(preparer, current))
                self.summary.seconds = time.perf_counter() - start
                if progress:
                    progress(self.summary)
            self.finish(progress, preparer)
            if preparer.broken:
                self.summary.warnings.append(preparer.broken)
        self.summary.seconds = time.perf_counter() - start
        return self.summary

    def ingest_batch(self, raws: list[RawDocument], skips: list[Skip]) -> None:
        """One batch, start to end, in this process."""
        preparer = Preparer(0, self.options.analysis != "fast", chunk=self.options.chunk)
        self._settle(preparer, self._detect(preparer, self._submit(preparer, raws, skips)))

    def _preparer(self, workers: int, parse_quotes: bool) -> Preparer:
        o = self.options
        return Preparer(workers, parse_quotes, o.executor, o.address, o.chunk)

    def _submit(self, preparer: Preparer, raws: list[RawDocument], skips: list[Skip]) -> _Pending:
        """Count exact duplicates (stored, or read earlier in this run) and send the rest
        to the workers."""
        s = self.summary
        s.read += len(raws)
        ids = [content_id(r) for r in raws]
        known = self.store.known_articles(ids)
        todo: list[tuple[RawDocument, str]] = []
        for raw, aid in zip(raws, ids, strict=True):
            if aid in known or aid in self._in_flight:
                s.duplicates += 1
                if len(s.duplicate_of) < MAX_LISTED:
                    s.duplicate_of.append((raw.source, aid))
                continue
            self._in_flight.add(aid)
            todo.append((raw, aid))
        return _Pending(
            skips=list(skips), ids=[aid for _, aid in todo], handle=preparer.submit(todo)
        )

    def _detect(self, preparer: Preparer, job: _Pending) -> _Placing:
        """Collect a batch's prepared articles, find its near-duplicates (store + batch) and
        send the leads that need a vector to be embedded."""
        s = self.summary
        out = _Placing(job=job, batch=BatchWrite(skips=job.skips))
        for item in preparer.results(job.handle):
            if isinstance(item.article, Skip):
                out.batch.skips.append(item.article)
            else:
                out.prepared.append(item)
        s.skipped += len(out.batch.skips)
        articles = out.articles
        sigs = [p.signature for p in out.prepared if p.signature is not None]
        out.dups = find_near_duplicates(self.store, articles, sigs, self.options.near_duplicate)
        s.near_duplicates += out.dups.count
        # A near-duplicate takes its original's vector: it joins the original's story
        # whatever its own vector says, and the vector only moves that story's centroid. So
        # only articles with no near-duplicate are embedded; on a crawl full of syndicated
        # copies that is most of the embedding work.
        original = out.dups.original
        out.stored_vectors = self.store.vectors(
            sorted({o for o in original.values() if isinstance(o, str)})
        )
        out.need = [
            n
            for n in range(len(articles))
            if not (isinstance(original.get(n), int) or original.get(n) in out.stored_vectors)
        ]
        leads = [out.prepared[n].lead for n in out.need]
        if self._embed_in_workers:
            out.embedding = preparer.submit_embed(leads)
        else:
            out.vectors = self.embedder.encode(leads)
        return out

    def _settle(self, preparer: Preparer, p: _Placing) -> None:
        """Vectors, story assignment, analysis of small touched stories, one transaction."""
        if p.prepared:
            self._place(p, self._vectors(preparer, p), preparer)
        self.store.write_batch(p.batch)
        self._in_flight.difference_update(p.job.ids)
        self.index.evict()

    def _vectors(self, preparer: Preparer, p: _Placing) -> np.ndarray:
        dim = self.embedder.dim
        fresh = p.vectors if p.embedding is None else preparer.embeddings(p.embedding, dim)
        out = np.zeros((len(p.prepared), dim), dtype=np.float32)
        if p.need:
            out[p.need] = fresh
        for n in range(len(p.prepared)):  # batch originals come first: they are already set
            o = p.dups.original.get(n)
            if isinstance(o, int):
                out[n] = out[o]
            elif isinstance(o, str) and o in p.stored_vectors:
                out[n] = p.stored_vectors[o]
        return out

    def _parallel_analysis(self, preparer: Preparer | None) -> bool:
        """Stale stories are analysed in the workers with `--analysis fast` and the default
        model (full analysis embeds sentences with this process's embedder)."""
        return (
            preparer is not None
            and preparer.workers > 0
            and self.options.analysis == "fast"
            and self._embed_in_workers
        )

    def _prime(self, preparer: Preparer | None, stories: Iterable[list[ArticleRow]]) -> None:
        """`corpus.prime` before a full analysis, with the default model only (the workers
        hold the same one)."""
        if (
            preparer is None
            or self.options.analysis == "fast"
            or not self._embed_in_workers
            or not isinstance(self.embedder, CachedEmbedder)
        ):
            return
        prime(preparer, self.embedder, stories)

    def _place(self, p: _Placing, vectors: np.ndarray, preparer: Preparer | None = None) -> None:
        s = self.summary
        batch = p.batch
        articles = p.articles
        for sid in sorted(set(p.dups.forced.values())):
            if sid not in self.index.open:  # an original's story closed: reopen it
                row = self.store.story(sid)
                if row is not None:
                    row.payload = None
                    self.index.add_story(row)
        cands = [
            Candidate(
                id=a.id,
                vector=vectors[n],
                anchors=p.prepared[n].anchors,
                day=day_of(a.published),
                title=a.title,
                language=a.language,
            )
            for n, a in enumerate(articles)
        ]
        placed = self.index.assign(cands, p.dups.forced, p.dups.follow)
        rows: list[ArticleRow] = []
        by_story: dict[str, list[ArticleRow]] = {}
        for n, (art, (sid, new)) in enumerate(zip(articles, placed, strict=True)):
            s.new_stories += new
            sig = p.prepared[n].signature
            assert sig is not None
            arow = ArticleRow.from_article(art, vectors[n], to_bytes(sig), cands[n].anchors, sid)
            arow.extractions = p.prepared[n].extractions
            rows.append(arow)
            by_story.setdefault(sid, []).append(arow)
            batch.lsh_keys.extend((b, k, art.id) for b, k in p.dups.bands[n])
        s.added += len(rows)
        s.stories_touched.update(by_story)
        # Touched stories are analysed here, not in the workers: tried, and shipping the
        # members to a worker cost what the parallelism saved (5k/20k: 138/523 s against
        # 131/498 s), since the workers are busy preparing the next batch meanwhile.
        now: dict[str, list[ArticleRow]] = {}
        for sid in sorted(by_story):
            if self.index.open[sid].size <= self.options.analyse_now_max:
                now[sid] = self.store.story_articles(sid) + by_story[sid]
        self._prime(preparer, now.values())
        for sid in sorted(by_story):
            story = self.index.open[sid]
            story.payload = None
            if sid in now:
                self._analyse(story, now[sid], batch, fresh={r.id for r in by_story[sid]})
            batch.stories.append(story)
        batch.new_articles = rows

    def _analyse(
        self, story: StoryRow, members: list[ArticleRow], batch: BatchWrite, fresh: set[str]
    ) -> None:
        fast = self.options.analysis == "fast"
        error = analyse_or_failure(story, members, self.embedder, fast)
        self._record(story, members, batch, fresh, error)

    def _record(
        self,
        story: StoryRow,
        members: list[ArticleRow],
        batch: BatchWrite,
        fresh: set[str],
        error: Failure | None,
    ) -> None:
        """Put an analysed story's results (or its failure) into the batch to write."""
        record_analysis(story, members, error, batch, fresh)
        if error is None:
            self.summary.analysed += 1
        else:
            self.summary.skipped += 1

    def finish(
        self,
        progress: Callable[[IngestSummary], None] | None = None,
        preparer: Preparer | None = None,
    ) -> None:
        """Analyse every story whose verdicts are stale (larger stories, interrupted runs).

        With `--analysis fast` and the default model the stories are analysed in the worker
        processes, `finish_batch` at a time, each batch written in one transaction."""
        parallel = self._parallel_analysis(preparer)
        while True:
            pending = self.store.pending_stories(self.options.finish_batch)
            if not pending:
                return
            batch = BatchWrite()
            jobs: list[tuple[StoryRow, list[ArticleRow]]] = []
            for sid in pending:
                story = self.store.story(sid)
                if story is None:
                    continue
                members = self.store.story_articles(sid)
                story.size = len(members)
                jobs.append((story, members))
            if parallel and preparer is not None:
                for story, members, error in preparer.analyse_fast(jobs):
                    self._record(story, members, batch, set(), error)
                    batch.stories.append(story)
            else:
                self._prime(preparer, (members for _, members in jobs))
                for story, members in jobs:
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
    """Ingest files and folders into `store`; returns the run's counters. `options`: None
    for the settings in force (`IngestOptions.from_settings`)."""
    return CorpusIngest(store, embedder, options).run(paths, progress)
