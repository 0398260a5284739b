"""Corpus mode: ingest a news crawl into a store and keep its stories up to date.

`ingest(paths, store)` streams files into the store (see `corpus.job`); `list_stories` and
`story_report` answer the `stories` and `report` commands from the store (see
`corpus.queries`).
"""

from corroborator.corpus.job import IngestOptions, IngestSummary, content_id, ingest
from corroborator.corpus.queries import list_stories, story_report

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "content_id",
    "ingest",
    "list_stories",
    "story_report",
]
