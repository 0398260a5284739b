"""Queries over a corpus store: the `stories` listing and one story's full report.

Both read what ingest stored (verdicts are computed at ingest time, per touched story); a
story whose verdicts are stale (an interrupted run) is analysed on the fly for `report`.
"""

from __future__ import annotations

from typing import Any

from corroborator import __version__
from corroborator.corpus.analyse import analyse_rows
from corroborator.embed import Embedder, default_embedder
from corroborator.model import REPORT_SCHEMA_VERSION, Report
from corroborator.report.json import from_dict
from corroborator.store.base import Store, StoryFilter, StoryRow, StorySummaryRow, iso_day


class UnknownStory(LookupError):
    """No story with that id in the store; the message says what to do."""


def story_summary(row: StoryRow | StorySummaryRow, with_claims: bool = False) -> dict[str, Any]:
    """The story object of the report contract plus corpus fields (size, dates, languages).

    `claims` and `omissions` are included only with `with_claims` (listings stay small), which
    needs the full `StoryRow`; without, a `StorySummaryRow` (`Store.story_summaries`, no
    payload read) gives the same object.
    """
    s = row if isinstance(row, StorySummaryRow) else StorySummaryRow.of(row)
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "articles": list(s.articles),
        "independent_groups": [list(g) for g in s.independent_groups],
        "independent_sources": s.independent_sources,
        "size": s.size,
        "first_published": iso_day(s.first_day),
        "last_published": iso_day(s.last_day),
        "languages": list(s.languages),
        "conflicts": s.conflicts,
        "claim_count": s.claims,
        "analysed": s.analysed_size == s.size and s.usable,
    }
    if with_claims:
        if not isinstance(row, StoryRow):
            raise TypeError("claims need the whole StoryRow (Store.stories), not a summary")
        payload = row.payload or {}
        out["claims"] = list(payload.get("claims", []))
        out["omissions"] = list(payload.get("omissions", []))
    return out


def list_stories(
    store: Store, filters: StoryFilter | None = None, with_claims: bool = False
) -> list[dict[str, Any]]:
    """Stories matching `filters`, most recent first (see `Store.stories`). Without claims
    only the summaries are read (`Store.story_summaries`), not the claim payloads."""
    filters = filters or StoryFilter()
    if with_claims:
        return [story_summary(r, True) for r in store.stories(filters)]
    return [story_summary(r) for r in store.story_summaries(filters)]


def story_report(store: Store, story_id: str, embedder: Embedder | None = None) -> Report:
    """The `compare` report contract for one stored story (its articles, one story)."""
    row = store.story(story_id)
    if row is None:
        raise UnknownStory(
            f"no story {story_id!r} in {store.path} (list them with `corroborator stories`)"
        )
    members = store.story_articles(story_id)
    if not members:
        raise UnknownStory(f"story {story_id!r} has no articles in {store.path}")
    by_id = {m.id: m.to_article() for m in members}
    payload = row.payload
    if payload is None or "error" in payload or row.analysed_size != len(members):
        payload = analyse_rows(row, members, embedder or default_embedder()).to_dict()
        by_id = {m.id: m.to_article() for m in members}  # with fresh provenance
    # The stored story object goes through the contract reader (validated like any report).
    return from_dict(
        {
            "schema_version": REPORT_SCHEMA_VERSION,
            "generator": {"name": "corroborator", "version": __version__},
            "articles": [by_id[i].to_dict() for i in payload["articles"] if i in by_id],
            "stories": [payload],
            "skipped": [],
        }
    )
