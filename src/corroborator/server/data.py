"""Read access to a corpus store for the web app: listings, one story, one article.

Why a layer between the routes and the `Store`:

* Threads. FastAPI runs plain (`def`) routes in a thread pool, and an SQLite connection may
  only be used by the thread that opened it, so every worker thread opens its own read
  connection (`open_store(path, create=False)`), closed together on shutdown.
* Speed. `Store.story_summaries` returns the listing fields of every story (no claim
  payloads; a few tenths of a second for 20,000 articles) in recency order and has no
  offset, text search or other sort orders. The story list is therefore kept as a small
  in-memory index of summaries (no claims), built once at a time (concurrent requests wait
  for the build in progress) and rebuilt only when the store changed:
  `Store.counts()` (articles, stories, skips and ingest batches, four COUNT queries) is
  compared at most once per `CHECK_SECONDS`; any ingest batch bumps `batches`, so a stale
  index is never served for longer than that. Filtering, sorting and pagination of a
  20,000-article store then cost well under a millisecond.
* Read-only. Nothing here writes; the app only writes when ingest through the API is enabled
  (see `corroborator.server.app`), through a separate connection under a lock.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from corroborator import __version__
from corroborator.corpus.queries import UnknownStory, story_report, story_summary
from corroborator.model import Article, Report
from corroborator.report.json import _story as story_from_dict  # contract dict -> Story
from corroborator.store import Store, StoreError, StoryFilter, open_store

Sort = Literal["recency", "sources", "conflicts"]
SORTS: tuple[Sort, ...] = ("recency", "sources", "conflicts")

# How often (seconds) the story index asks the store whether anything changed. A request in
# between is served from the index as it is; one second keeps the check off the hot path
# under load while a freshly ingested batch still shows up almost at once.
CHECK_SECONDS = 1.0

MAX_PER_PAGE = 100


class NotFound(LookupError):
    """No story or article with that id; the message is safe to show to users."""


@dataclass(frozen=True)
class ListQuery:
    """The story-list filters shared by `GET /api/stories` and the list page.

    `q` matches stories whose title (or id) contains every word of it, case-insensitively.
    `since`/`until` keep stories with an article published on/after and on/before the day
    (same meaning as `corroborator stories`). Pages count from 1.
    """

    q: str = ""
    since: date | None = None
    until: date | None = None
    language: str | None = None
    min_sources: int = 1
    conflicts_only: bool = False
    sort: Sort = "recency"
    page: int = 1
    per_page: int = 25


@dataclass
class Page:
    stories: list[dict[str, Any]]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {
            "stories": self.stories,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
        }


@dataclass
class _Entry:
    summary: dict[str, Any]
    words: str  # casefolded title + id, for search
    first: str  # ISO day or "" (sorts first)
    last: str


@dataclass
class _Index:
    stamp: dict[str, int]
    entries: list[_Entry]  # in the store's recency order
    languages: list[str]
    checked: float = field(default_factory=time.monotonic)


def _recency_key(e: _Entry) -> tuple[bool, str]:
    return (e.last == "", e.last)


class CorpusReader:
    """Thread-safe, read-only view of one store (see module docstring)."""

    def __init__(self, db: str | Path):
        self.db = Path(db)
        self.name = self.db.name  # shown to users instead of the full path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()  # one index build at a time
        self._stores: list[Store] = []
        self._index: _Index | None = None
        self._store()  # fail now, with the store's own reason, if the file is unusable

    # -- connections --------------------------------------------------------------------------

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, create=False)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._stores = self._stores, []
        for s in stores:
            # SQLite refuses to close another thread's connection; those are released when
            # the worker threads and the process end, which is when `close` is called.
            with contextlib.suppress(sqlite3.ProgrammingError):
                s.close()

    # -- story index --------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return self._store().counts()

    def _build(self, stamp: dict[str, int]) -> _Index:
        entries: list[_Entry] = []
        languages: set[str] = set()
        for row in self._store().story_summaries(StoryFilter()):
            summary = story_summary(row)
            languages.update(summary["languages"])
            entries.append(
                _Entry(
                    summary=summary,
                    words=f"{row.title} {row.id}".casefold(),
                    first=summary["first_published"] or "",
                    last=summary["last_published"] or "",
                )
            )
        return _Index(stamp=stamp, entries=entries, languages=sorted(languages))

    def index(self) -> _Index:
        current = self._index
        now = time.monotonic()
        if current is not None and now - current.checked < CHECK_SECONDS:
            return current
        stamp = self.counts()
        if current is not None and current.stamp == stamp:
            current.checked = now
            return current
        # Requests arriving while the index is built (the start-up build, or a rebuild after
        # an ingest) wait for that build instead of running their own alongside it.
        with self._build_lock:
            current = self._index
            if current is not None and current.stamp == stamp:
                return current
            fresh = self._build(stamp)
            self._index = fresh
            return fresh

    def languages(self) -> list[str]:
        return list(self.index().languages)

    def list_stories(self, query: ListQuery) -> Page:
        """One page of stories matching `query` (summaries without claims)."""
        entries = self.index().entries
        words = query.q.casefold().split()
        since = query.since.isoformat() if query.since else None
        until = query.until.isoformat() if query.until else None
        lang = query.language.lower() if query.language else None
        found = [
            e
            for e in entries
            if e.summary["independent_sources"] >= query.min_sources
            and (not query.conflicts_only or e.summary["conflicts"] > 0)
            and (lang is None or lang in e.summary["languages"])
            and (since is None or (e.last != "" and e.last >= since))
            and (until is None or (e.first != "" and e.first <= until))
            and all(w in e.words for w in words)
        ]
        # `entries` is already in recency order; the stable sorts keep it as the tie-break.
        if query.sort == "sources":
            found.sort(key=lambda e: -int(e.summary["independent_sources"]))
        elif query.sort == "conflicts":
            found.sort(key=lambda e: -int(e.summary["conflicts"]))
        per_page = max(1, min(query.per_page, MAX_PER_PAGE))
        start = (max(1, query.page) - 1) * per_page
        return Page(
            stories=[dict(e.summary) for e in found[start : start + per_page]],
            total=len(found),
            page=max(1, query.page),
            per_page=per_page,
        )

    # -- one story, one article ---------------------------------------------------------------

    def story(self, story_id: str) -> Report:
        """The report contract of one story (stale verdicts are recomputed, not stored).

        A story analysed at ingest is read straight from its stored payload and rows. It is
        not re-validated against the JSON Schema as `corpus.queries.story_report` does:
        validation is 85 % of that call's time (about 120 ms for a ten-article story), and
        the payload was written by our own ingest. Stale or failed analyses still go through
        `story_report`, which analyses them on the fly.
        """
        store = self._store()
        row = store.story(story_id)
        if row is None:
            raise NotFound(f"no story {story_id!r} in {self.name}")
        payload = row.payload
        members = store.story_articles(story_id)
        if payload is None or "error" in payload or row.analysed_size != len(members):
            try:
                return story_report(store, story_id)
            except UnknownStory:
                raise NotFound(f"no story {story_id!r} in {self.name}") from None
        by_id = {m.id: m.to_article() for m in members}
        return Report(
            articles=[by_id[i] for i in payload.get("articles", []) if i in by_id],
            stories=[story_from_dict(payload)],
            skipped=[],
            generator_version=__version__,
        )

    def needs_analysis(self, story_id: str) -> bool:
        """Whether serving the story will run the analysis (its verdicts are stale)."""
        row = self._store().story(story_id)
        return row is not None and (
            row.payload is None or "error" in row.payload or row.analysed_size != row.size
        )

    def article(
        self, article_id: str, story: Callable[[str], Report] | None = None
    ) -> tuple[Article, Report]:
        """One article (with provenance as last analysed) and its story's report.

        `story` gives a story's report by id (default `self.story`); the app passes one that
        runs a stale story's analysis in its worker pool (see `needs_analysis`).
        """
        rows = self._store().articles([article_id])
        if not rows:
            raise NotFound(f"no article {article_id!r} in {self.name}")
        row = rows[0]
        report = (story or self.story)(row.story_id)
        for a in report.articles:
            if a.id == article_id:
                return a, report
        return row.to_article(), report


def open_reader(db: str | Path) -> CorpusReader:
    """A reader over an existing store; raises StoreError with a one-line reason."""
    path = Path(db)
    if not path.exists():
        raise StoreError(f"no database at {db} (build one with `corroborator ingest`)")
    return CorpusReader(path)


def derivatives_of(article_id: str, report: Report) -> list[Article]:
    """Articles of the report that were derived from `article_id` (copies, rewrites, …)."""
    return [
        a
        for a in report.articles
        if a.derived_from is not None and a.derived_from.article == article_id
    ]


def article_payload(article: Article, report: Report) -> dict[str, Any]:
    """`GET /api/articles/{id}`: the contract's article object plus where it sits.

    Adds `story` (id and title), `derivatives` (ids derived from it) and `claims`: every
    claim of its story that this article mentions, with only this article's mentions.
    """
    out = article.to_dict()
    story = report.stories[0] if report.stories else None
    out["story"] = {"id": story.id, "title": story.title} if story else None
    out["derivatives"] = [
        {"article": a.id, "relation": a.derived_from.relation if a.derived_from else None}
        for a in derivatives_of(article.id, report)
    ]
    claims = []
    for c in story.claims if story else []:
        mine = [m.to_dict() for m in c.mentions if m.article == article.id]
        if mine:
            claims.append(
                {"id": c.id, "kind": c.kind, "key": c.key, "verdict": c.verdict, "mentions": mine}
            )
    out["claims"] = claims
    return out


def story_job(db: str, story_id: str) -> Report:
    """A story whose verdicts are stale, analysed in a worker (`corroborator.server.workers`)
    over the worker's own read-only connection; raises NotFound for an unknown id."""
    store = open_store(db, create=False)
    try:
        return story_report(store, story_id)
    except UnknownStory:
        raise NotFound(f"no story {story_id!r} in {Path(db).name}") from None
    finally:
        store.close()
