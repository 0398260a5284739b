"""The analysis of ONE story, the same code in both modes: `compare` (`jobs.compare`) runs it
on each story it groups, corpus mode (`corpus.analyse.analyse_rows`, from `jobs.ingest` and
`reanalyse`) on each stored story whose members changed.

    members -> provenance (copies, syndication, rewrites, translations; machine-text score)
            -> independence groups -> aligned claims and verdicts -> omissions -> Story

Provenance decides with the `[provenance]` settings (`corroborator.config`), read once per
call when the caller passes none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corroborator.compare.align import align_story, omissions_for
from corroborator.config import ProvenanceSettings, settings
from corroborator.embed import Embedder
from corroborator.model import Article, Extraction, Story
from corroborator.provenance import (
    apply_derivations,
    detect_derivations,
    independence_groups,
    score_machine_text,
)
from corroborator.provenance.copies import find_copies
from corroborator.provenance.derive import DEFAULT_THRESHOLDS, Thresholds
from corroborator.provenance.machine import FLAG_THRESHOLD


def analyse_story(
    story_id: str,
    members: Sequence[Article],
    extractions: dict[str, list[Extraction]],
    embedder: Embedder,
    first_claim_no: int = 1,
    fast: bool = False,
    provenance: ProvenanceSettings | None = None,
) -> Story:
    """Provenance, independence groups, aligned claims and omissions of one story.

    Sets `derived_from` and the machine-text score on `members`. Claims are numbered from
    `first_claim_no` (`build_report` numbers them across stories, corpus mode per story).
    Shared by `compare` and corpus mode (which re-analyses the stories a batch touched).

    `fast` (corpus mode's `--analysis fast`) embeds nothing: provenance is verbatim copy and
    syndication only (word 5-gram containment), so rewrites and translations count as
    independent sources, and claims are aligned without slot embeddings.

    `provenance`: the thresholds (None: the settings in force, `corroborator.config`).
    """
    p = provenance or settings().provenance
    member_ids = [a.id for a in members]
    by_id = {a.id: a for a in members}
    if fast:
        links = find_copies(members, p.copy_containment)
    else:
        links = detect_derivations(members, embedder, thresholds(p))
    apply_derivations(members, links)
    score_machine_text(members)
    groups = independence_groups(member_ids, links)
    claims = align_story(groups, extractions, by_id, None if fast else embedder)
    for number, claim in enumerate(claims, start=first_claim_no):
        claim.id = f"c{number}"
    return Story(
        id=story_id,
        title=story_title(members),
        articles=member_ids,
        independent_groups=groups,
        claims=claims,
        omissions=omissions_for(claims, groups),
    )


def thresholds(p: ProvenanceSettings) -> Thresholds:
    """The decision thresholds of `provenance.derive` with the `[provenance]` settings."""
    return replace(
        DEFAULT_THRESHOLDS,
        same_language_t=p.same_language,
        cross_language_t=p.cross_language,
        coverage=p.coverage,
        cross_p=p.cross_p,
        cross_run_p=p.cross_run_p,
    )


def story_title(members: Sequence[Article]) -> str:
    """The title of the first member that is neither derived from another nor flagged as
    machine-made (a spun copy's garbled headline never titles a story), else the first
    member's."""
    for a in members:
        if a.title and a.derived_from is None and (a.machine_score or 0.0) < FLAG_THRESHOLD:
            return a.title
    return members[0].title if members else ""
