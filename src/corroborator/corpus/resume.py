"""Resuming an interrupted ingest: how many articles a run found already stored.

An ingest commits one transaction per batch (`jobs.ingest`): a run killed at any point (even
with `kill -9`) leaves every committed batch in the store and nothing of the batch it was in.
Running the same ingest again reads the inputs again; an article's id is a hash of its content
and metadata, so the stored ones are recognised by one indexed query per batch and dropped
before any per-article work (no cleaning, no embedding, no analysis), the others are added in
the same batches as the first run would have, and the stories the killed run left stale are
analysed at the end. The store is then the one an uninterrupted run writes
(tests/test_resume.py, with a run killed by SIGKILL after a committed batch).

`ResumeCounter` wraps a store for one run and counts the articles read that were already in
the store before the run started (an article repeated within the run is a duplicate, not a
resumed one), for the summary line ("N already in store").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborator.store.base import BatchWrite, Store


class ResumeCounter:
    """`store`, counting the articles looked up that it held before this run."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._added: set[str] = set()
        self._hits: list[str] = []

    def known_articles(self, ids: Sequence[str]) -> set[str]:
        known = self.store.known_articles(ids)
        self._hits.extend(i for i in ids if i in known)
        return known

    def write_batch(self, batch: BatchWrite) -> None:
        self.store.write_batch(batch)
        self._added.update(a.id for a in batch.new_articles)

    @property
    def already_stored(self) -> int:
        """Articles read in this run that were in the store before it (each time read)."""
        return sum(1 for i in self._hits if i not in self._added)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)
