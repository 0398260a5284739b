"""SQLite store: one file, WAL journal, versioned schema with forward-only migrations.

Durability: WAL with `synchronous=NORMAL` survives a killed process (kill -9) without losing
a committed transaction (only a power cut can lose the last few); each ingest batch is one
`BEGIN IMMEDIATE ... COMMIT`, so a crash leaves every earlier batch intact and none of the
interrupted one. Readers (the `stories` and `report` commands, the web app) can run while an
ingest writes.

Migrations: `MIGRATIONS[v]` turns schema v-1 into v, each applied in its own transaction and
recorded in `schema_version`; a step is an SQL statement or a function of the connection
(data backfills). A file written by a newer corroborator is refused (we cannot know its
meaning), as is a file that is not a corroborator database.

Schema versions: 1, the first; 2 adds `stories.listing`, the payload's `listing_fields` as
JSON (NULL exactly when `payload` is), so that story listings (`story_summaries`) never read
and parse the claim payloads (140 MB on a 20,000-article store); migrating a version-1 file
fills it from the stored payloads once. 3: story payloads follow report contract version 2
(claims with `label` and `explanation`), and claim extractions made before claim frames are
cleared so that the next analysis of their story extracts them again.

`text_vectors` (outside the versioned schema: created by the first `text_vectors()` call, so
a file without it, older or only read, stays as it is and older versions still open it):
sentence and claim-phrase embeddings by (model name, SHA-1 of the text), the vectors the full
analysis compares (the `disk` of a `CachedEmbedder`, `embed.with_vectors`), so that
`reanalyse` and a resumed ingest do not embed them again. They are held in memory until the
next `write_batch` and written in its transaction, beside the articles and stories whose
analysis embedded them: a process killed before that commit leaves neither. `ingest` keeps
them when the setting `ingest.store_vectors` is on (off by default: they nearly double the
store for a gain in `reanalyse` and resume only); `reanalyse` reads and adds to them when the
setting is on or the store already has them (`holds_text_vectors`).

A new store file made while `ingest.store_vectors` is on gets 16 KB pages (`PAGE_SIZE`);
otherwise SQLite's 4 KB. A file keeps the page size it was made with.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from corroborator.config import settings
from corroborator.model import Skip
from corroborator.store.base import (
    ArticleRow,
    BatchWrite,
    StoreError,
    StoryFilter,
    StoryRow,
    StorySummaryRow,
    listing_fields,
    storable,
)

SCHEMA_VERSION = 3
#: Page size of a store file made while `ingest.store_vectors` is on: a 2 KB sentence vector
#: takes a whole 4 KB page, a quarter of a 16 KB one (bench/RESULTS.md, corpus_throughput:
#: the 1k store with vectors takes 90 MB with 16 KB pages, 128 MB with 4 KB; without vectors
#: 16 KB pages make it 34 MB instead of 30, so a store without vectors keeps SQLite's 4 KB).
PAGE_SIZE = 16384


def _map_payloads(db: sqlite3.Connection, column: str, fn: Callable[[Any], Any]) -> None:
    """Set `stories.<column>` to `fn(payload)` for every story with a stored payload, 500
    payloads at a time (they can be large). `column` is one of ours, never user input."""
    last = -1
    while True:
        rows = db.execute(
            "SELECT seq, payload FROM stories WHERE seq > ? AND payload IS NOT NULL "
            "ORDER BY seq LIMIT 500",
            (last,),
        ).fetchall()
        if not rows:
            return
        db.executemany(
            f"UPDATE stories SET {column}=? WHERE seq=?",
            [(_json(fn(json.loads(p) if p else None)), seq) for seq, p in rows],
        )
        last = rows[-1][0]


def _fill_listings(db: sqlite3.Connection) -> None:
    """Schema 2: `stories.listing` of every story already stored (from its payload)."""
    _map_payloads(db, "listing", listing_fields)


def _migrate_payloads(db: sqlite3.Connection) -> None:
    """Schema 3: stored story payloads follow report contract version 2 (every claim has a
    `label` and an `explanation`; see `report.json.migrate`)."""
    from corroborator.report.json import migrate_story

    _map_payloads(db, "payload", migrate_story)


MIGRATIONS: dict[int, list[str | Callable[[sqlite3.Connection], None]]] = {
    1: [
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL, url TEXT, outlet TEXT,
            title TEXT NOT NULL, language TEXT NOT NULL, published TEXT, day INTEGER,
            text TEXT NOT NULL, removed TEXT NOT NULL, sentences TEXT NOT NULL,
            vector BLOB NOT NULL, minhash BLOB NOT NULL, anchors TEXT NOT NULL,
            story_id TEXT NOT NULL,
            derived_from TEXT, machine_score REAL, machine_evidence TEXT, extractions TEXT)""",
        "CREATE INDEX articles_story ON articles(story_id, seq)",
        """CREATE TABLE stories (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL, size INTEGER NOT NULL,
            first_day INTEGER, last_day INTEGER,
            vector_sum BLOB NOT NULL, anchors TEXT NOT NULL, languages TEXT NOT NULL,
            independent_sources INTEGER NOT NULL, conflicts INTEGER NOT NULL,
            claims INTEGER NOT NULL, payload TEXT, analysed INTEGER NOT NULL,
            updated INTEGER NOT NULL)""",
        "CREATE INDEX stories_last_day ON stories(last_day, updated)",
        "CREATE INDEX stories_updated ON stories(updated)",
        "CREATE INDEX stories_pending ON stories(analysed, size)",
        "CREATE TABLE lsh (band INTEGER NOT NULL, key INTEGER NOT NULL, article TEXT NOT NULL)",
        "CREATE INDEX lsh_key ON lsh(band, key)",
        """CREATE TABLE skips (source TEXT NOT NULL, reason TEXT NOT NULL,
            batch INTEGER NOT NULL, PRIMARY KEY (source, reason))""",
        """CREATE TABLE batches (id INTEGER PRIMARY KEY AUTOINCREMENT, finished TEXT NOT NULL,
            articles INTEGER NOT NULL, skips INTEGER NOT NULL)""",
    ],
    2: [
        "ALTER TABLE stories ADD COLUMN listing TEXT",
        _fill_listings,
    ],
    3: [
        _migrate_payloads,
        # extractions made before claim frames: recomputed at the story's next analysis
        "UPDATE articles SET extractions = NULL",
    ],
}

_ARTICLE_COLS = (
    "seq, id, source, url, outlet, title, language, published, text, removed, sentences, "
    "vector, minhash, anchors, story_id, derived_from, machine_score, machine_evidence, "
    "extractions"
)
_STORY_COLS = (
    "seq, id, title, size, first_day, last_day, vector_sum, anchors, languages, "
    "independent_sources, conflicts, claims, payload, analysed"
)
_SUMMARY_COLS = (
    "seq, id, title, size, first_day, last_day, languages, independent_sources, conflicts, "
    "claims, analysed, listing"
)


def _vec(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").astype(np.float32)


def _blob(vec: np.ndarray) -> bytes:
    return np.asarray(vec, dtype="<f4").tobytes()


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


class TextVectors:
    """A store's `text_vectors` table with the interface of `embed.DiskCache` (`get_many`,
    `put_many`), so a `CachedEmbedder` can sit on it. Unbounded (the store keeps what its
    stories compare); vectors are stored as little-endian float32, exactly as computed.

    `put_many` only holds the vectors: the store's next `write_batch` writes them in its own
    transaction, beside the articles and stories whose analysis embedded them, so a process
    killed before that commit leaves neither (`flush` writes what is held in a transaction of
    its own; `SQLiteStore.close` calls it). `get_many` sees the held vectors too."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._pending: dict[tuple[str, bytes], bytes] = {}
        db.execute(
            "CREATE TABLE IF NOT EXISTS text_vectors (model TEXT NOT NULL, key BLOB NOT NULL, "
            "vector BLOB NOT NULL, PRIMARY KEY (model, key))"
        )

    def get_many(self, model: str, dim: int, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        unique: list[bytes] = []
        for key in sorted(set(keys)):
            held = self._pending.get((model, key))
            if held is None:
                unique.append(key)
            elif len(held) == 4 * dim:
                found[key] = np.frombuffer(held, dtype="<f4").astype(np.float32)
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            rows = self._db.execute(
                "SELECT key, vector FROM text_vectors WHERE model=? AND key IN "
                f"({','.join('?' * len(chunk))})",
                (model, *chunk),
            ).fetchall()
            for key, data in rows:
                if isinstance(data, bytes) and len(data) == 4 * dim:
                    found[bytes(key)] = np.frombuffer(data, dtype="<f4").astype(np.float32)
        return found

    def put_many(self, model: str, items: dict[bytes, np.ndarray]) -> None:
        for k, v in items.items():
            self._pending.setdefault((model, bytes(k)), np.asarray(v, dtype="<f4").tobytes())

    @property
    def held(self) -> int:
        """Vectors held for the next write."""
        return len(self._pending)

    def write_held(self) -> None:
        """Insert the held vectors (inside the caller's transaction; `done_held` after its
        commit forgets them)."""
        self._db.executemany(
            "INSERT OR IGNORE INTO text_vectors VALUES (?, ?, ?)",
            [(m, k, v) for (m, k), v in sorted(self._pending.items())],
        )

    def done_held(self) -> None:
        self._pending.clear()

    def flush(self) -> None:
        """Write the held vectors in a transaction of their own."""
        if not self._pending:
            return
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            self.write_held()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self.done_held()

    def __len__(self) -> int:
        stored = int(self._db.execute("SELECT COUNT(*) FROM text_vectors").fetchone()[0])
        new = sum(
            1
            for m, k in self._pending
            if self._db.execute(
                "SELECT 1 FROM text_vectors WHERE model=? AND key=?", (m, k)
            ).fetchone()
            is None
        )
        return stored + new


class SQLiteStore:
    """The default `Store` (see module docstring)."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = str(path)
        p = Path(path)
        if not create and not p.exists():
            raise StoreError(f"no database at {path} (run `corroborator ingest` first)")
        if p.exists() and p.is_dir():
            raise StoreError(f"{path} is a directory, not a database file")
        try:
            if create:
                p.parent.mkdir(parents=True, exist_ok=True)
            new = not p.exists() or p.stat().st_size == 0
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            if new and settings().ingest.store_vectors:  # before the first table
                self._db.execute(f"PRAGMA page_size={PAGE_SIZE}")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            self._text_vectors: TextVectors | None = None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path} is not a usable corroborator database: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot open {path}: {exc.strerror or exc}") from None

    # -- schema -----------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self._db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return 0
        value = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        return int(value or 0)

    def _migrate(self) -> None:
        current = self.schema_version()
        if current == 0:
            others = self._db.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type='table'"
            ).fetchone()[0]
            if others:
                raise StoreError(f"{self.path} is an SQLite file of another program")
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
            )
            self._db.execute("COMMIT")
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this corroborator "
                f"understands ({SCHEMA_VERSION}); upgrade corroborator"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version() >= version:  # another connection was quicker
                    self._db.execute("COMMIT")
                    continue
                for step in MIGRATIONS[version]:
                    if callable(step):
                        step(self._db)
                    else:
                        self._db.execute(step)
                self._db.execute(
                    "INSERT INTO schema_version VALUES (?, ?)",
                    (version, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # -- writes -----------------------------------------------------------------------------

    def write_batch(self, batch: BatchWrite) -> None:
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            cur = db.execute(
                "INSERT INTO batches (finished, articles, skips) VALUES (?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    len(batch.new_articles),
                    len(batch.skips),
                ),
            )
            batch_id = cur.lastrowid
            db.executemany(
                "INSERT OR IGNORE INTO articles (id, source, url, outlet, title, language, "
                "published, day, text, removed, sentences, vector, minhash, anchors, story_id, "
                "derived_from, machine_score, machine_evidence, extractions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        a.id,
                        storable(a.source),
                        storable(a.url),
                        storable(a.outlet),
                        storable(a.title),
                        a.language,
                        a.published,
                        a.day,
                        storable(a.text),
                        _json(a.removed),
                        _json(a.sentences),
                        _blob(a.vector),
                        a.minhash,
                        _json(a.anchors),
                        a.story_id,
                        _json(a.derived_from),
                        a.machine_score,
                        _json(a.machine_evidence),
                        _json(a.extractions),
                    )
                    for a in batch.new_articles
                ],
            )
            db.executemany(
                "UPDATE articles SET story_id=?, derived_from=?, machine_score=?, "
                "machine_evidence=?, extractions=? WHERE id=?",
                [
                    (sid, _json(der), score, _json(evid), _json(ext), aid)
                    for aid, (sid, der, score, evid, ext) in sorted(batch.article_updates.items())
                ],
            )
            db.executemany(
                "INSERT INTO stories (id, title, size, first_day, last_day, vector_sum, anchors, "
                "languages, independent_sources, conflicts, claims, payload, analysed, updated, "
                "listing) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "title=excluded.title, size=excluded.size, first_day=excluded.first_day, "
                "last_day=excluded.last_day, vector_sum=excluded.vector_sum, "
                "anchors=excluded.anchors, languages=excluded.languages, "
                "updated=excluded.updated, "
                # A row written without analysis keeps the last verdicts (marked stale by
                # analysed != size) instead of wiping them.
                "independent_sources=CASE WHEN excluded.payload IS NULL "
                "THEN stories.independent_sources ELSE excluded.independent_sources END, "
                "conflicts=CASE WHEN excluded.payload IS NULL "
                "THEN stories.conflicts ELSE excluded.conflicts END, "
                "claims=CASE WHEN excluded.payload IS NULL "
                "THEN stories.claims ELSE excluded.claims END, "
                "analysed=CASE WHEN excluded.payload IS NULL "
                "THEN stories.analysed ELSE excluded.analysed END, "
                "payload=COALESCE(excluded.payload, stories.payload), "
                "listing=COALESCE(excluded.listing, stories.listing)",
                [
                    (
                        s.id,
                        s.title,
                        s.size,
                        s.first_day,
                        s.last_day,
                        _blob(s.vector_sum),
                        _json(s.anchors),
                        "," + ",".join(sorted(s.languages)) + ",",
                        s.independent_sources,
                        s.conflicts,
                        s.claims,
                        _json(s.payload),
                        s.analysed_size,
                        batch_id,
                        _json(listing_fields(s.payload)),
                    )
                    for s in batch.stories
                ],
            )
            db.executemany("INSERT INTO lsh VALUES (?, ?, ?)", batch.lsh_keys)
            db.executemany(
                "INSERT OR IGNORE INTO skips VALUES (?, ?, ?)",
                [(storable(s.source), storable(s.reason), batch_id) for s in batch.skips],
            )
            if self._text_vectors is not None:  # the vectors this batch's analysis embedded
                self._text_vectors.write_held()
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from None
        if self._text_vectors is not None:
            self._text_vectors.done_held()

    # -- reads ------------------------------------------------------------------------------

    def _by_ids(self, columns: str, ids: Sequence[str]) -> Iterator[Sequence[Any]]:
        """`SELECT columns FROM articles` for the given ids (any number: queried 500 at a
        time, under SQLite's limit on bound parameters), in no particular order."""
        unique = sorted(set(ids))
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(
                f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk
            )

    def known_articles(self, ids: Sequence[str]) -> set[str]:
        return {r[0] for r in self._by_ids("id", ids)}

    @staticmethod
    def _article(row: Sequence[Any]) -> ArticleRow:
        (seq, aid, source, url, outlet, title, language, published, text, removed, sentences) = row[
            :11
        ]
        vector, minhash, anchors, story_id, derived, score, evidence, extractions = row[11:]
        return ArticleRow(
            id=aid,
            source=source,
            title=title,
            language=language,
            published=published,
            text=text,
            removed=json.loads(removed),
            sentences=[(int(s), int(e)) for s, e in json.loads(sentences)],
            vector=_vec(vector),
            minhash=bytes(minhash),
            anchors=json.loads(anchors),
            story_id=story_id,
            url=url,
            outlet=outlet,
            seq=seq,
            derived_from=json.loads(derived) if derived else None,
            machine_score=score,
            machine_evidence=json.loads(evidence) if evidence else [],
            extractions=json.loads(extractions) if extractions is not None else None,
        )

    def articles(self, ids: Sequence[str]) -> list[ArticleRow]:
        by_id: dict[str, ArticleRow] = {}
        for row in self._by_ids(_ARTICLE_COLS, ids):
            art = self._article(row)
            by_id[art.id] = art
        return [by_id[i] for i in ids if i in by_id]

    def story_articles(self, story_id: str) -> list[ArticleRow]:
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE story_id=? ORDER BY seq", (story_id,)
        )
        return [self._article(r) for r in rows]

    def lsh_lookup(self, keys: Sequence[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
        out: dict[tuple[int, int], list[str]] = {}
        for band, key in sorted(set(keys)):
            rows = self._db.execute(
                "SELECT article FROM lsh WHERE band=? AND key=? ORDER BY rowid", (band, key)
            ).fetchall()
            if rows:
                out[(band, key)] = [r[0] for r in rows]
        return out

    def signatures(self, ids: Sequence[str]) -> dict[str, tuple[bytes, str]]:
        return {
            aid: (bytes(sig), sid) for aid, sig, sid in self._by_ids("id, minhash, story_id", ids)
        }

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        return {aid: _vec(vec) for aid, vec in self._by_ids("id, vector", ids)}

    def holds_text_vectors(self) -> bool:
        """Whether this file has a `text_vectors` table (made by an earlier `text_vectors()`)."""
        row = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='text_vectors'"
        ).fetchone()
        return row is not None

    def text_vectors(self) -> TextVectors:
        """The embeddings of sentences and claim phrases kept in this store (see the module
        docstring; the table is created on the first call). One object per store: the
        vectors it holds are written by the next `write_batch`."""
        if self._text_vectors is None:
            self._text_vectors = TextVectors(self._db)
        return self._text_vectors

    @staticmethod
    def _story(row: Sequence[Any]) -> StoryRow:
        (seq, sid, title, size, first, last, vsum, anchors, langs, indep, conf, claims) = row[:12]
        payload, analysed = row[12:]
        return StoryRow(
            id=sid,
            title=title,
            size=size,
            first_day=first,
            last_day=last,
            vector_sum=_vec(vsum),
            anchors=json.loads(anchors),
            languages=[x for x in langs.split(",") if x],
            independent_sources=indep,
            conflicts=conf,
            claims=claims,
            payload=json.loads(payload) if payload else None,
            analysed_size=analysed,
            seq=seq,
        )

    def active_stories(self, since_day: int | None, limit: int) -> list[StoryRow]:
        cols = _STORY_COLS.replace("payload", "NULL")  # verdicts are not needed to assign
        if since_day is None:
            rows = self._db.execute(
                f"SELECT {cols} FROM stories ORDER BY updated DESC, seq DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = self._db.execute(
                f"SELECT {cols} FROM stories WHERE last_day IS NULL OR last_day >= ? "
                "ORDER BY updated DESC, seq DESC LIMIT ?",
                (since_day, limit),
            )
        return [self._story(r) for r in rows]

    def pending_stories(self, limit: int) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM stories WHERE analysed != size ORDER BY id LIMIT ?", (limit,)
        )
        return [r[0] for r in rows]

    def story(self, story_id: str) -> StoryRow | None:
        row = self._db.execute(
            f"SELECT {_STORY_COLS} FROM stories WHERE id=?", (story_id,)
        ).fetchone()
        return self._story(row) if row else None

    @staticmethod
    def _filtered(cols: str, filters: StoryFilter) -> tuple[str, list[int | str]]:
        """The SELECT of `cols` from stories matching `filters`, in listing order."""
        where: list[str] = ["independent_sources >= ?"]
        args: list[int | str] = [filters.min_sources]
        if filters.since is not None:
            where.append("last_day >= ?")
            args.append(filters.since)
        if filters.until is not None:
            where.append("first_day <= ?")
            args.append(filters.until)
        if filters.language:
            where.append("languages LIKE ?")
            args.append(f"%,{filters.language.lower()},%")
        if filters.conflicts_only:
            where.append("conflicts > 0")
        sql = (
            f"SELECT {cols} FROM stories WHERE {' AND '.join(where)} "
            "ORDER BY last_day IS NULL, last_day DESC, size DESC, id"
        )
        if filters.limit is not None:
            sql += f" LIMIT {int(filters.limit)}"
        return sql, args

    def stories(self, filters: StoryFilter) -> list[StoryRow]:
        sql, args = self._filtered(_STORY_COLS, filters)
        return [self._story(r) for r in self._db.execute(sql, args)]

    def story_summaries(self, filters: StoryFilter) -> list[StorySummaryRow]:
        sql, args = self._filtered(_SUMMARY_COLS, filters)
        out: list[StorySummaryRow] = []
        for row in self._db.execute(sql, args):
            (seq, sid, title, size, first, last, langs, indep, conf, claims, analysed) = row[:11]
            fields = json.loads(row[11]) if row[11] else {}
            out.append(
                StorySummaryRow(
                    id=sid,
                    title=title,
                    size=size,
                    first_day=first,
                    last_day=last,
                    languages=[x for x in langs.split(",") if x],
                    independent_sources=indep,
                    conflicts=conf,
                    claims=claims,
                    analysed_size=analysed,
                    articles=fields.get("articles", []),
                    independent_groups=fields.get("independent_groups", []),
                    usable=bool(fields.get("usable", False)),
                    seq=seq,
                )
            )
        return out

    def skips(self) -> list[Skip]:
        rows = self._db.execute("SELECT source, reason FROM skips ORDER BY batch, source, reason")
        return [Skip(s, r) for s, r in rows]

    def counts(self) -> dict[str, int]:
        def one(sql: str) -> int:
            return int(self._db.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "stories": one("SELECT COUNT(*) FROM stories"),
            "skipped": one("SELECT COUNT(*) FROM skips"),
            "batches": one("SELECT COUNT(*) FROM batches"),
        }

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file ('ok' when sound)."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        try:
            if self._text_vectors is not None:
                self._text_vectors.flush()
        except sqlite3.Error:
            pass  # a cache: what could not be written is embedded again next time
        self._db.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r}, schema {SCHEMA_VERSION})"
