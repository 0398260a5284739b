"""Per-article work of an ingest batch, as steps run by an executor.

Everything an article needs that depends on the article alone (cleaning, title, date,
language, sentences, claim extractions, MinHash signature, anchors and the lead text to embed)
is computed by `prepare_one`, a pure function of the raw document (the `PrepareArticles`
step). The title+lead embedding (the costliest step: ~30-45 ms per article on one core,
against ~10 ms for all the rest) is computed by `embed_leads` (the `EmbedLeads` step), after
the main process has found which articles are near-duplicates (they reuse their original's
vector and are not embedded).

`Preparer` runs both on an executor (`corroborator.exec`: local processes, Ray or Spark). The
ingest loop (`corpus.job`) submits a batch's embeddings first and the next batch's
preparation right after, then assigns, analyses and writes the batch while the workers
prepare the next one: the embedding is spread over every worker and the main process's work
overlaps the workers'.

Determinism: results are collected in submission order, and both steps depend on nothing but
their input (the embedding of a chunk always runs on one BLAS thread, in chunks cut the same
way whatever the executor and the number of workers), so a run on any executor, with any
number of workers (0 = in the main process) and any preparation chunk size, writes the same
store (tests/test_equivalence.py).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache, partial
from typing import Any, ClassVar, TypeVar

import numpy as np

from corroborator.claims.extract import extract_claims_steps
from corroborator.corpus.minhash import signature
from corroborator.embed import Embedder, USEEmbedder
from corroborator.exec.base import Executor, Submitted, make_executor
from corroborator.exec.local import LocalExecutor
from corroborator.model import Article, Extraction, RawDocument, Skip
from corroborator.nlp.batch import Parsing, run_parses, run_parses_many
from corroborator.step import Counters, Step, run_chunk
from corroborator.store.base import ArticleRow, StoryRow
from corroborator.stories.cluster import anchor_terms, lead_text
from corroborator.text.prepare import prepare

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
    return run_parses(prepare_steps(raw, article_id, parse_quotes))


def prepare_many(
    items: Sequence[tuple[RawDocument, str]], parse_quotes: bool = True
) -> list[Prepared]:
    """`prepare_one` of each (raw document, id), the same results, with the quote parses of
    all the articles made together: one parser call per phase of the quote speakers instead
    of one per article (`corroborator.nlp.batch`)."""
    return run_parses_many([prepare_steps(raw, aid, parse_quotes) for raw, aid in items])


def prepare_steps(
    raw: RawDocument, article_id: str, parse_quotes: bool = True
) -> Parsing[Prepared]:
    """`prepare_one` as a generator of its parse requests."""
    try:
        art = prepare(raw, article_id)
        if isinstance(art, Skip):
            return Prepared(art)
        found = yield from extract_claims_steps(
            art.text, art.sentences, art.language, art.published, parse_quotes
        )
        return Prepared(
            article=art,
            lead=lead_text(art),
            signature=signature(art.text),
            anchors=frozenset(anchor_terms(art)),
            extractions=[_fields(e) for e in found],
        )
    except Exception as exc:
        return Prepared(Skip(raw.source, f"could not prepare the article: {exc!r}"))


_PLAIN = (str, int, float, bool, type(None))


def _fields(e: Extraction) -> dict[str, Any]:
    """`asdict(e)`: the same dict, without asdict's deep copy when every field is a plain
    value or a tuple of them (every field of `Extraction` today; about 0.5 ms per article)."""
    out = dict(vars(e))
    for v in out.values():
        if not isinstance(v, _PLAIN) and not (
            isinstance(v, tuple) and all(isinstance(x, _PLAIN) for x in v)
        ):
            return asdict(e)
    return out


@dataclass
class PrepareArticles(Step[tuple[RawDocument, str], Prepared]):
    """The per-article step: (raw document, id) -> Prepared (`prepare_one`); an unusable
    document gives a Prepared holding its Skip."""

    name: ClassVar[str] = "prepare"
    requires: ClassVar[tuple[str, ...]] = ("raw document", "content id")
    parse_quotes: bool = True

    def process(self, record: tuple[RawDocument, str]) -> Prepared:
        return prepare_one(record[0], record[1], self.parse_quotes)

    def process_batch(self, records: Sequence[tuple[RawDocument, str]]) -> list[Prepared | Skip]:
        return [*prepare_many(records, self.parse_quotes)]

    def skipped(self, output: Prepared | Skip) -> bool:
        return isinstance(output, Skip) or isinstance(output.article, Skip)


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


@dataclass
class EmbedLeads(Step[str, np.ndarray]):
    """Title+lead texts -> their USE vectors (one batched call per chunk)."""

    name: ClassVar[str] = "embed leads"
    requires: ClassVar[tuple[str, ...]] = ("lead text",)

    def process_batch(self, records: Sequence[str]) -> list[np.ndarray | Skip]:
        return list(embed_leads(records))


#: Articles per sentence-embedding task (an article is 10-40 sentences).
SENTENCE_CHUNK = 4


def embed_sentences(texts: Sequence[str]) -> np.ndarray:
    """USE vectors of one article's sentences, in one model call on one BLAS thread: the
    vectors depend on the texts sent together and nothing else (not on the executor, the
    worker or the worker count; the model's micro-batches change the last bits)."""
    return _lead_model().encode(list(texts))


@dataclass
class EmbedSentences(Step[tuple[str, ...], np.ndarray]):
    """One article's sentence texts -> their USE vectors (one model call per article).

    Full analysis compares the sentences of every two members of a story; the ingest
    process sends each member's sentences that it has no vector for to the executor (the
    workers are otherwise idle while it analyses) and analyses with the vectors that come
    back. Which sentences lack a vector depends only on the order of the ingest process's
    own work, so the vectors, and the store, do not depend on the executor."""

    name: ClassVar[str] = "embed sentences"
    requires: ClassVar[tuple[str, ...]] = ("sentence texts",)

    def process(self, record: tuple[str, ...]) -> np.ndarray:
        return embed_sentences(record)


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


@dataclass
class AnalyseFast(Step[tuple[StoryRow, list[ArticleRow]], "AnalysedStory"]):
    """`--analysis fast` verdicts of one story (`analyse_story_rows`)."""

    name: ClassVar[str] = "analyse (fast)"
    requires: ClassVar[tuple[str, ...]] = ("story", "members")

    def process(self, record: tuple[StoryRow, list[ArticleRow]]) -> AnalysedStory:
        return analyse_story_rows(*record)


AnalysedStory = tuple[StoryRow, list[ArticleRow], Failure | None]
Out = TypeVar("Out")
Handle = Submitted[tuple[RawDocument, str], tuple[list[Prepared | Skip], Counters]]
EmbedHandle = Submitted[str, tuple[list[np.ndarray | Skip], Counters]]


class Preparer:
    """Runs the per-article steps for batches of documents on an executor
    (`corroborator.exec`): `local` with `workers` processes (0: in this process), `ray` or
    `spark` (`address`: the cluster; none: a local one with `workers` CPUs).

    `submit` returns a handle at once; `results(handle)` waits for that batch and yields its
    Prepared items in input order. Items go to the executor in chunks of `chunk` articles
    (`EMBED_CHUNK` leads), cut the same way on every executor. A backend that loses a chunk
    (a worker killed, out of memory) does not stop the run: that chunk and everything after
    it are computed in this process, slower, with the same results (`broken` says so).
    `counters` holds each step's counters (in, out, skipped, seconds of work).
    """

    def __init__(
        self,
        workers: int = 0,
        parse_quotes: bool = True,
        executor: str = "local",
        address: str | None = None,
        chunk: int = CHUNK,
    ):
        self.executor: Executor = make_executor(executor, workers, address)
        self.workers = self.executor.workers
        self.chunk = max(1, chunk)
        self._prepare = partial(run_chunk, PrepareArticles(parse_quotes))
        self._embed = partial(run_chunk, EmbedLeads())
        self._analyse = partial(run_chunk, AnalyseFast())
        self._sentences = partial(run_chunk, EmbedSentences())
        self.counters: dict[str, Counters] = {}

    @property
    def broken(self) -> str | None:
        return self.executor.broken

    @property
    def _pool(self) -> ProcessPoolExecutor | None:
        """The local executor's process pool (None: in-process, or another executor)."""
        return self.executor.pool if isinstance(self.executor, LocalExecutor) else None

    def _outputs(self, name: str, parts: Iterator[tuple[list[Out], Counters]]) -> Iterator[Out]:
        total = self.counters.setdefault(name, Counters())
        for out, counters in parts:
            total.add(counters)
            yield from out

    def submit(self, items: Sequence[tuple[RawDocument, str]]) -> Handle:
        return self.executor.submit(self._prepare, items, self.chunk)

    def results(self, handle: Handle) -> Iterator[Prepared]:
        for item in self._outputs(PrepareArticles.name, self.executor.results(handle)):
            yield item if isinstance(item, Prepared) else Prepared(item)

    def submit_embed(self, leads: Sequence[str]) -> EmbedHandle:
        return self.executor.submit(self._embed, leads, EMBED_CHUNK)

    def embeddings(self, handle: EmbedHandle, dim: int) -> np.ndarray:
        """The vectors of `submit_embed`'s leads, in order (waits for them)."""
        rows = [
            r
            for r in self._outputs(EmbedLeads.name, self.executor.results(handle))
            if not isinstance(r, Skip)  # EmbedLeads skips nothing
        ]
        return np.vstack(rows) if rows else np.zeros((0, dim), dtype=np.float32)

    def sentence_vectors(self, articles: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """`embed_sentences` of each article's sentence texts, on the executor, in order
        (waits for them)."""
        handle = self.executor.submit(self._sentences, [tuple(a) for a in articles], SENTENCE_CHUNK)
        return [
            v
            for v in self._outputs(EmbedSentences.name, self.executor.results(handle))
            if not isinstance(v, Skip)  # EmbedSentences skips nothing
        ]

    def analyse_fast(
        self, jobs: Sequence[tuple[StoryRow, list[ArticleRow]]]
    ) -> list[AnalysedStory]:
        """`analyse_story_rows` for each (story, members), on the executor, in order."""
        done = self._outputs(
            AnalyseFast.name, self.executor.results(self.executor.submit(self._analyse, jobs, 1))
        )
        return [d for d in done if not isinstance(d, Skip)]

    def close(self) -> None:
        self.executor.close()

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
