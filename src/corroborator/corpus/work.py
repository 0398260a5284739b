"""Per-article work of an ingest batch, in worker processes.

Everything an article needs that depends on the article alone (cleaning, title, date,
language, sentences, claim extractions, MinHash signature, anchors and the lead text to embed)
is computed by `prepare_one`, a pure function of the raw document. The title+lead embedding
(the costliest step: ~30-45 ms per article on one core, against ~10 ms for all the rest) is
computed by `embed_leads`, after the main process has found which articles are
near-duplicates (they reuse their original's vector and are not embedded).

`Preparer` runs both in a pool of worker processes. The ingest loop (`corpus.job`) submits a
batch's embeddings first and the next batch's preparation right after, then assigns,
analyses and writes the batch while the workers prepare the next one: the embedding is
spread over every core and the main process's work overlaps the workers'.

Determinism: results are collected in submission order, and both functions depend on nothing
but their input (the embedding of a chunk always runs on one BLAS thread, in chunks cut the
same way whatever the number of workers), so a run with any number of workers (0 = in the
main process) writes the same store. Workers are started with the `spawn` method: the main
process may hold a loaded model and BLAS threads, which `fork` would copy in an unknown state.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from functools import lru_cache, partial
from multiprocessing import get_context
from typing import Any, TypeVar

import numpy as np

from corroborator.claims import extract_claims
from corroborator.corpus.minhash import signature
from corroborator.embed import Embedder, USEEmbedder
from corroborator.model import Article, RawDocument, Skip
from corroborator.pipeline import prepare
from corroborator.store.base import ArticleRow, StoryRow
from corroborator.stories.cluster import anchor_terms, lead_text

#: Articles per task sent to a worker: large enough that pickling is a small share, small
#: enough that both workers stay busy to the end of a batch.
CHUNK = 16


@dataclass
class Prepared:
    """One raw document after the per-article work (`article` is a Skip when unusable)."""

    article: Article | Skip
    lead: str = ""
    signature: np.ndarray | None = None
    anchors: frozenset[str] = frozenset()
    extractions: list[dict[str, Any]] | None = None


def prepare_one(raw: RawDocument, article_id: str, parse_quotes: bool = True) -> Prepared:
    """Clean `raw` and compute everything about it that needs no other article.

    A bug met on odd text must not stop a crawl: it becomes a Skip that names the error.
    `parse_quotes=False` (fast analysis) finds quote speakers by rules, without the parser.
    """
    try:
        art = prepare(raw, article_id)
        if isinstance(art, Skip):
            return Prepared(art)
        found = extract_claims(art.text, art.sentences, art.language, art.published, parse_quotes)
        return Prepared(
            article=art,
            lead=lead_text(art),
            signature=signature(art.text),
            anchors=frozenset(anchor_terms(art)),
            extractions=[asdict(e) for e in found],
        )
    except Exception as exc:
        return Prepared(Skip(raw.source, f"could not prepare the article: {exc!r}"))


def _prepare_chunk(
    items: Sequence[tuple[RawDocument, str]], parse_quotes: bool = True
) -> list[Prepared]:
    return [prepare_one(raw, aid, parse_quotes) for raw, aid in items]


#: Leads per embedding task (about 5 of the model's token-budget micro-batches).
EMBED_CHUNK = 32


@lru_cache(maxsize=1)
def _lead_model() -> USEEmbedder:
    """This process's model for leads: one BLAS thread (the workers are the parallelism).

    The limit needs threadpoolctl (a dependency for this reason): without it OpenBLAS runs
    one thread per core in every worker, and two workers on two cores then took twice as
    long as one process (1,024 leads: 15.9 s against 6.3 s with the limit)."""
    return USEEmbedder(threads=1)


def embed_leads(leads: Sequence[str]) -> np.ndarray:
    """USE title+lead vectors of one chunk (see the module docstring on determinism)."""
    return _lead_model().encode(list(leads))


def _watch_parent(parent: int) -> None:
    """Worker initializer: exit when the ingest process is gone (killed with -9, say), so no
    orphaned worker is left behind holding a model in memory."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


Failure = tuple[str, str]  # (repr of the exception, file:line where it was raised)


def analyse_or_failure(
    story: StoryRow, members: list[ArticleRow], embedder: Embedder, fast: bool
) -> Failure | None:
    """`corpus.analyse.analyse_rows` (updates story and members in place), or what went
    wrong: a bug met on odd text must not stop a crawl, the caller records it."""
    from corroborator.corpus.analyse import analyse_rows

    try:
        analyse_rows(story, members, embedder, fast=fast)
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return repr(exc), f"{os.path.basename(where.filename)}:{where.lineno}"
    return None


class _NoEmbedder:
    """Fast analysis embeds nothing; this makes sure of it."""

    name = "none"
    dim = 512

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("fast analysis must not embed")


def analyse_story_rows(
    story: StoryRow, members: list[ArticleRow]
) -> tuple[StoryRow, list[ArticleRow], Failure | None]:
    """`--analysis fast` verdicts of one story, in a worker: the analysed (pickled back)
    story and members, and the failure if any."""
    return story, members, analyse_or_failure(story, members, _NoEmbedder(), fast=True)


def default_workers() -> int:
    """One worker per core (the main process mostly waits on BLAS or on the workers)."""
    return max(1, os.cpu_count() or 1)


T = TypeVar("T")
R = TypeVar("R")
#: Chunks of a batch, each with its worker's future (None: to compute in this process).
Chunks = list[tuple[list[T], Future[R] | None]]
Handle = Chunks[tuple[RawDocument, str], list[Prepared]]
EmbedHandle = Chunks[str, np.ndarray]


class Preparer:
    """Runs `prepare_one` for batches of documents, in `workers` processes (0: in-process).

    `submit` returns a handle at once; `results(handle)` waits for that batch and yields its
    Prepared items in input order. A worker that dies (killed, out of memory) breaks the
    pool: its chunk and everything after it are then computed in the main process, so the
    run goes on, slower, with the same results.
    """

    def __init__(self, workers: int = 0, parse_quotes: bool = True):
        self.workers = max(0, workers)
        self._prepare = partial(_prepare_chunk, parse_quotes=parse_quotes)
        self.broken: str | None = None
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 0:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("spawn"),
                initializer=_watch_parent,
                initargs=(os.getpid(),),
            )

    def _submit(self, fn: Callable[[list[T]], R], items: Sequence[T], size: int) -> Chunks[T, R]:
        chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
        if self._pool is not None:
            try:
                return [(c, self._pool.submit(fn, c)) for c in chunks]
            except BrokenProcessPool as exc:
                self._broke(exc)
        return [(c, None) for c in chunks]  # computed in order by `_collect`

    def _collect(self, fn: Callable[[list[T]], R], handle: Chunks[T, R]) -> Iterator[R]:
        """Each chunk's result, in order: the worker's, or computed here when it has none or
        the pool broke."""
        for chunk, future in handle:
            if future is not None:
                try:
                    yield future.result()
                    continue
                except BrokenProcessPool as exc:
                    self._broke(exc)
            yield fn(chunk)

    def submit(self, items: Sequence[tuple[RawDocument, str]]) -> Handle:
        return self._submit(self._prepare, items, CHUNK)

    def results(self, handle: Handle) -> Iterator[Prepared]:
        for part in self._collect(self._prepare, handle):
            yield from part

    def submit_embed(self, leads: Sequence[str]) -> EmbedHandle:
        return self._submit(embed_leads, leads, EMBED_CHUNK)

    def embeddings(self, handle: EmbedHandle, dim: int) -> np.ndarray:
        """The vectors of `submit_embed`'s leads, in order (waits for them)."""
        parts = list(self._collect(embed_leads, handle))
        return np.vstack(parts) if parts else np.zeros((0, dim), dtype=np.float32)

    def analyse_fast(
        self, jobs: Sequence[tuple[StoryRow, list[ArticleRow]]]
    ) -> list[tuple[StoryRow, list[ArticleRow], Failure | None]]:
        """`analyse_story_rows` for each (story, members), in the workers, in order."""
        if self._pool is not None:
            try:
                futures = [self._pool.submit(analyse_story_rows, st, rows) for st, rows in jobs]
                return [f.result() for f in futures]
            except BrokenProcessPool as exc:
                self._broke(exc)
        return [analyse_story_rows(st, rows) for st, rows in jobs]

    def _broke(self, exc: BaseException) -> None:
        self.broken = f"worker pool broke ({exc}); went on in the main process"
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
