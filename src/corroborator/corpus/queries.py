"""Queries over a corpus store: the `stories` listing and one story's full report.

Both read what ingest stored (verdicts are computed at ingest time, per touched story); a
story whose verdicts are stale (an interrupted run) is analysed on the fly for `report`.
"""

from __future__ import annotations

from typing import Any

from corroborator import __version__
from corroborator.corpus.analyse import analyse_rows
from corroborator.embed import Embedder, default_embedder
from corroborator.model import Report
from corroborator.report.json import from_dict
from corroborator.store.base import Store, StoryFilter, StoryRow, iso_day


class UnknownStory(LookupError):
    """No story with that id in the store; the message says what to do."""


def story_summary(row: StoryRow, with_claims: bool = False) -> dict[str, Any]:
    """The story object of the report contract plus corpus fields (size, dates, languages).

    `claims` and `omissions` are included only with `with_claims` (listings stay small).
    """
    payload = row.payload or {}
    out: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "articles": list(payload.get("articles", [])),
        "independent_groups": [list(g) for g in payload.get("independent_groups", [])],
        "independent_sources": row.independent_sources,
        "size": row.size,
        "first_published": iso_day(row.first_day),
        "last_published": iso_day(row.last_day),
        "languages": list(row.languages),
        "conflicts": row.conflicts,
        "claim_count": row.claims,
        "analysed": (row.analysed_size == row.size and bool(payload) and "error" not in payload),
    }
    if with_claims:
        out["claims"] = list(payload.get("claims", []))
        out["omissions"] = list(payload.get("omissions", []))
    return out


def list_stories(
    store: Store, filters: StoryFilter | None = None, with_claims: bool = False
) -> list[dict[str, Any]]:
    """Stories matching `filters`, most recent first (see `Store.stories`)."""
    return [story_summary(r, with_claims) for r in store.stories(filters or StoryFilter())]


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
            "schema_version": "1",
            "generator": {"name": "corroborator", "version": __version__},
            "articles": [by_id[i].to_dict() for i in payload["articles"] if i in by_id],
            "stories": [payload],
            "skipped": [],
        }
    )
