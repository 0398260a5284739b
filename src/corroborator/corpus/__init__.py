"""Corpus mode: ingest a news crawl into a store and keep its stories up to date.

`ingest(paths, store)` streams files into the store (see `corroborator.jobs.ingest`);
`list_stories` and `story_report` answer the `stories` and `report` commands from the store
(see `corpus.queries`). The names are imported on first use: the ingest job imports modules
of this package, so importing it here would be circular.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corroborator.corpus.queries import list_stories, story_report
    from corroborator.jobs.ingest import IngestOptions, IngestSummary, content_id, ingest

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "content_id",
    "ingest",
    "list_stories",
    "story_report",
]


def __getattr__(name: str) -> Any:
    if name in ("list_stories", "story_report"):
        from corroborator.corpus import queries

        return getattr(queries, name)
    if name in __all__:
        from corroborator.jobs import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'corroborator.corpus' has no attribute {name!r}")
