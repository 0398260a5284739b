"""Per-story verdicts in corpus mode: the `compare` analysis, run on one stored story.

Claim extractions are computed once per article and kept in the store; provenance,
independence groups, alignment and omissions are recomputed for the whole story each time
its membership changes (stories are small: tens of articles), through
`corroborator.analysis.analyse_story`, so a story's verdicts in corpus mode are the ones
`compare` would give on the same articles.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import asdict

from corroborator.analysis import analyse_story
from corroborator.claims import extract_claims
from corroborator.embed import Embedder
from corroborator.model import Extraction, Skip, Story
from corroborator.provenance.derive import lead_vectors
from corroborator.store.base import ArticleRow, BatchWrite, StoryRow


def extractions_of(row: ArticleRow, parse_quotes: bool = True) -> list[Extraction]:
    """The article's claim extractions, computed and cached on the row when missing."""
    if row.extractions is None:
        article = row.to_article()
        found = extract_claims(
            article.text, article.sentences, article.language, row.published, parse_quotes
        )
        row.extractions = [asdict(e) for e in found]
    return [Extraction(**d) for d in row.extractions]


def analyse_rows(
    story: StoryRow, rows: list[ArticleRow], embedder: Embedder, fast: bool = False
) -> Story:
    """Analyse the members `rows` (ingest order) of `story`; updates rows and story in place.

    Rows get `derived_from`, machine score and extractions; the story gets its verdict
    summary (`independent_sources`, `conflicts`, `claims`), its `payload` (the story object of
    the report contract) and `analysed_size`.
    """
    articles = [r.to_article() for r in rows]
    for a in articles:
        a.derived_from = None  # recomputed from scratch with the new members
    extractions = {r.id: extractions_of(r, parse_quotes=not fast) for r in rows}
    # The candidate gate of provenance reads the title+lead vectors already stored (a
    # near-duplicate row holds its original's).
    with lead_vectors({r.id: r.vector for r in rows}):
        result = analyse_story(story.id, articles, extractions, embedder, fast=fast)
    for row, art in zip(rows, articles, strict=True):
        row.derived_from = art.derived_from.to_dict() if art.derived_from else None
        row.machine_score = art.machine_score
        row.machine_evidence = list(art.machine_evidence)
    story.title = result.title
    story.size = len(rows)
    story.independent_sources = result.independent_sources
    story.conflicts = sum(1 for c in result.claims if c.verdict == "conflicting")
    story.claims = len(result.claims)
    story.payload = result.to_dict()
    story.analysed_size = len(rows)
    return result


def record_analysis(
    story: StoryRow,
    members: list[ArticleRow],
    error: tuple[str, str] | None,
    batch: BatchWrite,
    fresh: Set[str] = frozenset(),
) -> None:
    """Put an analysed story's results into `batch`: its members' provenance, machine score
    and extractions (but `fresh` members', written whole as new rows); or, when the analysis
    failed with `error` (the exception's repr, where it was raised), a skip naming it and an
    error payload, so that `corroborator report` retries the story. The story row itself is
    the caller's to add."""
    if error is not None:
        reason = f"analysis failed: {error[0]} at {error[1]}; `corroborator report` retries it"
        batch.skips.append(Skip(f"story {story.id}", reason))
        story.payload = {"id": story.id, "error": error[0]}
        story.analysed_size = story.size
        return
    for row in members:
        if row.id not in fresh:
            batch.article_updates[row.id] = (
                row.story_id,
                row.derived_from,
                row.machine_score,
                row.machine_evidence,
                row.extractions,
            )
