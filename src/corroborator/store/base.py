"""Record types and the `Store` protocol shared by every storage backend."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from corroborator.model import Article, Derivation, Sentence, Skip

if TYPE_CHECKING:
    from corroborator.embed import VectorCache


class StoreError(Exception):
    """The store cannot be opened or written; the message is the one-line reason for users."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group())
    # A byte of a file name that is not UTF-8 (Python's surrogateescape) -> '\xff'.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def storable(text: str | None) -> str | None:
    """`text` as SQLite can store it (UTF-8): lone surrogates, which Python uses for the bytes
    of a file name that are not valid UTF-8, become visible, reversible escapes ('\\xff')."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escape_surrogate, text)
    return text


def day_of(published: str | None) -> int | None:
    """Proleptic ordinal of the publication day ('2026-03-02...' -> int), None if unknown."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def iso_day(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day is not None else None


@dataclass
class ArticleRow:
    """One stored article: the cleaned Article plus what corpus mode computed for it.

    `vector` is the title+lead embedding (one per article, see `corroborator.corpus`);
    `minhash` the near-duplicate signature (uint32 array as bytes); `extractions` the claim
    extractions as JSON-ready dicts (None until the article's story was first analysed).
    """

    id: str
    source: str
    title: str
    language: str
    published: str | None
    text: str
    removed: list[str]
    sentences: list[tuple[int, int]]
    vector: np.ndarray
    minhash: bytes
    anchors: list[str]
    story_id: str
    url: str | None = None
    outlet: str | None = None
    seq: int = 0
    derived_from: dict[str, Any] | None = None
    machine_score: float | None = None
    machine_evidence: list[str] = field(default_factory=list)
    extractions: list[dict[str, Any]] | None = None

    @property
    def day(self) -> int | None:
        return day_of(self.published)

    @classmethod
    def from_article(
        cls,
        article: Article,
        vector: np.ndarray,
        minhash: bytes,
        anchors: Iterable[str],
        story_id: str,
    ) -> ArticleRow:
        return cls(
            id=article.id,
            source=article.source,
            title=article.title,
            language=article.language,
            published=article.published,
            text=article.text,
            removed=list(article.removed),
            sentences=[(s.start, s.end) for s in article.sentences],
            vector=np.asarray(vector, dtype=np.float32),
            minhash=minhash,
            anchors=sorted(anchors),
            story_id=story_id,
            url=article.url,
            outlet=article.outlet,
        )

    def to_article(self) -> Article:
        """The Article as `compare` would have built it (sentences sliced from the text)."""
        derived = None
        if self.derived_from:
            d = self.derived_from
            derived = Derivation(
                article=d["article"],
                relation=d["relation"],
                score=float(d["score"]),
                evidence=d["evidence"],
                direction=d.get("direction", "derived"),
                alignment=[list(p) for p in d.get("alignment", [])],
            )
        return Article(
            id=self.id,
            source=self.source,
            title=self.title,
            language=self.language,
            published=self.published,
            text=self.text,
            removed=list(self.removed),
            sentences=[Sentence(s, e, self.text[s:e]) for s, e in self.sentences],
            url=self.url,
            outlet=self.outlet,
            derived_from=derived,
            machine_score=self.machine_score,
            machine_evidence=list(self.machine_evidence),
        )


@dataclass
class StoryRow:
    """One story: its running centroid and anchors (for assignment) and its last analysis.

    `vector_sum` is the sum of the member vectors (the centroid is its direction), `anchors`
    counts how many members carry each anchor term. `payload` is the story object of the
    report contract (claims, groups, omissions) from the last analysis, or None before it.
    """

    id: str
    title: str
    size: int
    first_day: int | None
    last_day: int | None
    vector_sum: np.ndarray
    anchors: dict[str, int]
    languages: list[str] = field(default_factory=list)
    independent_sources: int = 1
    conflicts: int = 0
    claims: int = 0
    payload: dict[str, Any] | None = None
    analysed_size: int = 0  # size at the last analysis; != size means verdicts are stale
    seq: int = 0


def listing_fields(payload: dict[str, Any] | None) -> dict[str, Any] | None:
    """The part of a story payload that a story listing shows, None without a payload.

    `articles` and `independent_groups` as in the payload; `usable` is whether the payload is
    a real analysis (not empty, not an analysis error). Stores keep this next to the payload
    so that `Store.story_summaries` never has to read the claims.
    """
    if payload is None:
        return None
    return {
        "articles": list(payload.get("articles", [])),
        "independent_groups": [list(g) for g in payload.get("independent_groups", [])],
        "usable": bool(payload) and "error" not in payload,
    }


@dataclass
class StorySummaryRow:
    """What a story listing needs of one story (`corpus.queries.story_summary`): the
    `StoryRow` without its centroid, anchors and claim payload; `articles`,
    `independent_groups` and `usable` are the payload's `listing_fields`.
    """

    id: str
    title: str
    size: int
    first_day: int | None
    last_day: int | None
    languages: list[str]
    independent_sources: int
    conflicts: int
    claims: int
    analysed_size: int
    articles: list[str] = field(default_factory=list)
    independent_groups: list[list[str]] = field(default_factory=list)
    usable: bool = False  # the payload is a complete analysis (see `listing_fields`)
    seq: int = 0

    @classmethod
    def of(cls, row: StoryRow) -> StorySummaryRow:
        """The summary of a full row (what `Store.story_summaries` returns for it)."""
        fields = listing_fields(row.payload) or {}
        return cls(
            id=row.id,
            title=row.title,
            size=row.size,
            first_day=row.first_day,
            last_day=row.last_day,
            languages=list(row.languages),
            independent_sources=row.independent_sources,
            conflicts=row.conflicts,
            claims=row.claims,
            analysed_size=row.analysed_size,
            articles=list(fields.get("articles", [])),
            independent_groups=[list(g) for g in fields.get("independent_groups", [])],
            usable=bool(fields.get("usable", False)),
            seq=row.seq,
        )


@dataclass
class StoryFilter:
    """Filters of `corroborator stories`; days are ordinals (see `day_of`)."""

    since: int | None = None
    until: int | None = None
    language: str | None = None
    min_sources: int = 1
    conflicts_only: bool = False
    limit: int | None = None


@dataclass
class BatchWrite:
    """Everything one ingest batch changes, written in one transaction by `Store.write_batch`."""

    new_articles: list[ArticleRow] = field(default_factory=list)
    # article id -> (story id, derived_from, machine_score, machine_evidence, extractions)
    article_updates: dict[str, tuple[str, dict[str, Any] | None, float | None, list[str], Any]] = (
        field(default_factory=dict)
    )
    stories: list[StoryRow] = field(default_factory=list)
    lsh_keys: list[tuple[int, int, str]] = field(default_factory=list)  # (band, key, article)
    skips: list[Skip] = field(default_factory=list)


class Store(Protocol):
    """What corpus mode needs from storage. Every method is safe to call on a fresh store."""

    path: str

    def known_articles(self, ids: Sequence[str]) -> set[str]:
        """The ids among `ids` already stored (idempotent re-ingest)."""
        ...

    def write_batch(self, batch: BatchWrite) -> None:
        """Apply one batch atomically: all of it is stored, or (on a crash) none of it."""
        ...

    def articles(self, ids: Sequence[str]) -> list[ArticleRow]:
        """Stored articles by id, in the order given (unknown ids are left out)."""
        ...

    def story_articles(self, story_id: str) -> list[ArticleRow]:
        """Members of one story in ingest order."""
        ...

    def lsh_lookup(self, keys: Sequence[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
        """Stored article ids per (band, key) of the near-duplicate index."""
        ...

    def signatures(self, ids: Sequence[str]) -> dict[str, tuple[bytes, str]]:
        """(minhash signature, story id) of stored articles."""
        ...

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Title+lead embeddings of stored articles (near-duplicates reuse their original's)."""
        ...

    def holds_text_vectors(self) -> bool:
        """Whether the store already keeps text vectors (without creating their table)."""
        ...

    def text_vectors(self) -> VectorCache:
        """Sentence and claim-phrase embeddings kept with the store, by (model name,
        `embed.text_key`): the `disk` of a `CachedEmbedder` (`embed.with_vectors`)."""
        ...

    def active_stories(self, since_day: int | None, limit: int) -> list[StoryRow]:
        """Stories still open for new articles: last seen on or after `since_day` (undated
        stories by recency), most recent first, at most `limit`."""
        ...

    def pending_stories(self, limit: int) -> list[str]:
        """Ids of stories whose verdicts are older than their membership (sorted)."""
        ...

    def story(self, story_id: str) -> StoryRow | None: ...

    def stories(self, filters: StoryFilter) -> list[StoryRow]:
        """Whole stories (with the claim payload) matching `filters`, most recent first:
        by last day (undated last), then size (largest first), then id."""
        ...

    def story_summaries(self, filters: StoryFilter) -> list[StorySummaryRow]:
        """`StorySummaryRow.of` of each of `stories(filters)`, same order, without reading
        the payloads (listings of large stores)."""
        ...

    def skips(self) -> list[Skip]: ...

    def counts(self) -> dict[str, int]:
        """Numbers of articles, stories and skips."""
        ...

    def close(self) -> None: ...
