"""`corroborator reanalyse`: run the per-story analysis of a whole store again.

After an upgrade (new claim rules, a new provenance model) or to switch a store from
`--analysis fast` to `full` (or back), every story is analysed again from its stored members,
as `ingest` analyses a story: claim extractions are computed again from the stored text (the
quote parser runs with `full` only, as in `ingest`), then provenance, independence groups,
claims and verdicts. Story membership, article ids and vectors do not change. A store
re-analysed with an analysis gives the same `report` JSON, byte for byte, as a fresh ingest of
the same inputs with that analysis (tests/test_reanalyse.py).

Stories are read and written `batch` at a time, one transaction per batch, in story id order;
an interrupted reanalyse leaves every committed batch done and can simply be run again.

The analysis settings of a store (the analysis of its first `ingest` or last `reanalyse`,
and the corroborator version that ran it) are kept in a small table of the store's SQLite file
(`corpus_settings`), read by `stored_settings`: `ingest` warns when it adds articles with
another analysis than the store's, and `reanalyse` with no `--analysis` uses the stored one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborator.config import settings
from corroborator.corpus.analyse import extractions_of, record_analysis
from corroborator.corpus.prime import prime
from corroborator.corpus.work import Failure, Preparer, analyse_or_failure
from corroborator.embed import Embedder, default_embedder, with_vectors
from corroborator.exec.base import preload
from corroborator.store.base import ArticleRow, BatchWrite, Store, StoryRow

ANALYSES = ("full", "fast")
#: Stories per transaction.
BATCH = 64
_TABLE = "corpus_settings"


class ReanalyseError(Exception):
    """The store cannot be re-analysed; the message is the one-line reason for users."""


# -- the store's analysis settings ----------------------------------------------------------


def _connect(store: Store) -> sqlite3.Connection:
    """A connection of its own to the store's file; never creates one (a store whose file
    was removed meanwhile gets an error, not a new file holding only the settings)."""
    path = getattr(store, "path", None)
    if not path:
        raise ReanalyseError("analysis settings are kept in SQLite stores only")
    uri = Path(path).resolve().as_uri() + "?mode=rw"
    try:
        return sqlite3.connect(uri, uri=True, timeout=30.0)
    except sqlite3.Error as exc:
        raise ReanalyseError(f"cannot open {path}: {exc}") from None


def stored_settings(store: Store) -> dict[str, str]:
    """The analysis settings recorded in `store` ({} for a store made before they were)."""
    con = _connect(store)
    try:
        found = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name=?", (_TABLE,)
        ).fetchone()
        if found is None:
            return {}
        return {k: v for k, v in con.execute(f"SELECT key, value FROM {_TABLE} ORDER BY key")}
    finally:
        con.close()


def record_settings(store: Store, analysis: str) -> None:
    """Record that `store`'s stories were last analysed with `analysis` by this version."""
    from corroborator import __version__

    con = _connect(store)
    try:
        with con:
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            con.executemany(
                f"INSERT INTO {_TABLE} VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                [("analysis", analysis), ("version", __version__)],
            )
    except sqlite3.Error as exc:
        raise ReanalyseError(f"cannot record the analysis settings: {exc}") from None
    finally:
        con.close()


def settings_warning(before: str | None, analysis: str, db: str) -> str | None:
    """A warning when `ingest --analysis analysis` adds to a store analysed with `before`."""
    if before is None or before == analysis:
        return None
    return (
        f"{db} was analysed with --analysis {before}; stories touched now get "
        f"--analysis {analysis} verdicts, the others keep theirs: run `corroborator reanalyse "
        f"--db {db} --analysis {analysis}` for one analysis throughout"
    )


# -- reanalysis ------------------------------------------------------------------------------


@dataclass
class ReanalyseSummary:
    """Counters of one reanalyse run (the one-line summary and the progress line)."""

    analysis: str
    total: int = 0
    done: int = 0
    failed: int = 0
    articles: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        return (
            f"reanalysed {self.done} stories ({self.articles} articles) with --analysis "
            f"{self.analysis}, {self.failed} failed, {self.seconds:.1f} s "
            f"({rate:.1f} stories/s)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "analysis": self.analysis,
            "stories": self.done,
            "articles": self.articles,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "failures": self.failures,
        }


def _story_ids(store: Store) -> Iterator[str]:
    from corroborator.export import ExportError, story_ids

    try:
        yield from story_ids(store)
    except ExportError as exc:
        raise ReanalyseError(str(exc)) from None


def _record(
    story: StoryRow, members: list[ArticleRow], error: Failure | None, batch: BatchWrite
) -> str | None:
    """Put one re-analysed story (or its failure) into `batch`; the failure's one-line
    reason, if any."""
    record_analysis(story, members, error, batch)
    batch.stories.append(story)
    return None if error is None else f"story {story.id}: {error[0]}"


def _fresh(story: StoryRow, members: list[ArticleRow]) -> None:
    for row in members:
        row.extractions = None  # computed again: the claim rules may have changed
    story.size = len(members)


def reanalyse_story(
    story: StoryRow, members: list[ArticleRow], embedder: Embedder, analysis: str, batch: BatchWrite
) -> str | None:
    """Analyse one story again into `batch`; the failure's one-line reason, if any."""
    _fresh(story, members)
    return _record(
        story, members, analyse_or_failure(story, members, embedder, analysis == "fast"), batch
    )


def _analyse_page(
    jobs: list[tuple[StoryRow, list[ArticleRow]]],
    model: Embedder,
    analysis: str,
    preparer: Preparer | None,
) -> list[tuple[StoryRow, list[ArticleRow], Failure | None]]:
    """One page of stories analysed again, in story order. With a `preparer` (the default
    model): `fast` stories are analysed on the executor; for `full` the claims are extracted
    here, then what the analysis will embed is embedded on the executor (`corpus.prime`) and
    the stories are analysed here, as `ingest` does."""
    for story, members in jobs:
        _fresh(story, members)
    if preparer is not None and analysis == "fast":
        return preparer.analyse_fast(jobs)
    if preparer is not None:
        for _, members in jobs:
            for row in members:
                extractions_of(row)
        prime(preparer, model, (members for _, members in jobs))
    return [
        (story, members, analyse_or_failure(story, members, model, analysis == "fast"))
        for story, members in jobs
    ]


def reanalyse(
    store: Store,
    analysis: str | None = None,
    embedder: Embedder | None = None,
    batch: int = BATCH,
    progress: Callable[[ReanalyseSummary], None] | None = None,
    workers: int = 0,
    executor: str = "local",
    address: str | None = None,
) -> ReanalyseSummary:
    """Analyse every story of `store` again with `analysis` (None: the store's recorded
    analysis, else "full"); records the analysis used (see the module docstring).

    With the default model (no `embedder`) the work is spread as in `ingest`: on `executor`
    ("local" with `workers` processes, 0 for this process only; "ray" or "spark", `address`
    their cluster), see `_analyse_page`. The store is the same for any executor and number
    of workers."""
    chosen = analysis or stored_settings(store).get("analysis") or "full"
    if chosen not in ANALYSES:
        raise ReanalyseError(f"unknown analysis {chosen!r}; choose one of {', '.join(ANALYSES)}")
    model = embedder or default_embedder()
    if settings().ingest.store_vectors or store.holds_text_vectors():  # no embedding again
        model = with_vectors(model, store.text_vectors())
    start = time.perf_counter()
    summary = ReanalyseSummary(chosen, total=store.counts().get("stories", 0))
    ids = _story_ids(store)
    preparer = None
    if embedder is None:
        preload(executor)  # before anything loads usearch (`exec.base.preload`)
        preparer = Preparer(workers, chosen != "fast", executor, address)
    try:
        while True:
            page = [sid for _, sid in zip(range(max(1, batch)), ids, strict=False)]
            if not page:
                break
            jobs = []
            for sid in page:
                story = store.story(sid)
                if story is not None:
                    jobs.append((story, store.story_articles(sid)))
            write = BatchWrite()
            for story, members, error in _analyse_page(jobs, model, chosen, preparer):
                failure = _record(story, members, error, write)
                summary.done += 1
                summary.articles += len(members)
                if failure is not None:
                    summary.failed += 1
                    summary.failures.append(failure)
            store.write_batch(write)
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary)
        if preparer is not None and preparer.broken:
            summary.warnings.append(preparer.broken)
    finally:
        if preparer is not None:
            preparer.close()
    record_settings(store, chosen)
    summary.seconds = time.perf_counter() - start
    return summary
