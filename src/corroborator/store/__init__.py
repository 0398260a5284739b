"""Corpus storage behind a small protocol; SQLite (WAL) is the embedded default.

The ingest job talks to a `Store` only, so another backend (Postgres, DuckDB) can be added
by implementing the protocol and passing the same contract tests (tests/test_store.py).
`open_store(path)` picks the backend from the path (today: always SQLite).

Row types (`ArticleRow`, `StoryRow`) are plain dataclasses; the store never decides
anything: story assignment, provenance and verdicts are computed in `corroborator.corpus`
and written here, one batch per transaction.
"""

from __future__ import annotations

from pathlib import Path

from corroborator.store.base import (
    ArticleRow,
    BatchWrite,
    Store,
    StoreError,
    StoryFilter,
    StoryRow,
    StorySummaryRow,
)
from corroborator.store.sqlite import SCHEMA_VERSION, SQLiteStore


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """Open (and migrate) the store at `path`; raises StoreError with a one-line reason."""
    return SQLiteStore(path, create=create)


__all__ = [
    "SCHEMA_VERSION",
    "ArticleRow",
    "BatchWrite",
    "SQLiteStore",
    "Store",
    "StoreError",
    "StoryFilter",
    "StoryRow",
    "StorySummaryRow",
    "open_store",
]
