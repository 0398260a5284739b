"""Derivation links between two articles, independence groups and `derived_from`.

A `Link` says that `derivative` was made from `original` (copied, syndicated, rewritten,
translated, or partly reused). `direction` is "derived" when the evidence tells which one
came first and "unknown" when it does not; in that case `original` is simply the earlier
article in input order. Independence groups are the connected components of the link graph,
whatever the direction: a copy and its original are one source either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from corroborator.model import Article, Derivation, Relation


@dataclass(frozen=True)
class Link:
    """One derivation between two articles of a story.

    `score` is in [0, 1] and means "how much of the derivative is explained by the original"
    (shingle containment for copies, aligned-sentence coverage times mean similarity for
    rewrites, translations and partial reuse). `pairs` holds the aligned sentences as
    (index in the original, index in the derivative); `metrics` the raw figures behind the
    decision, for audit and benchmarks.
    """

    original: str
    derivative: str
    relation: Relation
    score: float
    direction: str  # "derived" or "unknown"
    evidence: str
    pairs: tuple[tuple[int, int], ...] = ()
    metrics: dict[str, float] = field(default_factory=dict, compare=False, hash=False)


def independence_groups(ids: Sequence[str], links: Sequence[Link]) -> list[list[str]]:
    """Connected components of the derivation graph; each group lists its ids in input order."""
    order = {i: n for n, i in enumerate(ids)}
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        if link.original in parent and link.derivative in parent:
            ra, rb = find(link.original), find(link.derivative)
            if ra != rb:
                keep, drop = sorted((ra, rb), key=order.__getitem__)
                parent[drop] = keep
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: order[g[0]])


_RELATION_RANK = {"copy": 0, "syndication": 1, "translation": 2, "rewrite": 3, "partial": 4}


#: When choosing each article's single `derived_from`, links scoring within this margin of
#: the article's best link compete on publication time (see apply_derivations).
PARENT_SCORE_MARGIN = 0.25


def _when(article: Article | None) -> tuple[int, str]:
    """Sort key: dated articles first, earliest first (ISO strings sort chronologically
    within one precision; a date-only value sorts before times of that day)."""
    if article is None or not article.published:
        return (1, "")
    return (0, article.published)


def apply_derivations(articles: Sequence[Article], links: Sequence[Link]) -> None:
    """Set `derived_from` on each derivative.

    A family of copies, rewrites and translations links every member to every other at
    similar scores, so the highest score alone picks siblings as parents (an English spin
    "translated" from the German translation of its own original). Among the links to one
    derivative, whole-body relations win over partial reuse; then every link within
    PARENT_SCORE_MARGIN of the best competes on the original's publication time (the
    earliest dated original is the likeliest source); then the higher score, a known
    direction, the closer relation (copy before syndication, translation, rewrite), ids.
    """
    by_id = {a.id: a for a in articles}
    by_derivative: dict[str, list[Link]] = {}
    for link in links:
        by_derivative.setdefault(link.derivative, []).append(link)
    for derivative, candidates in sorted(by_derivative.items()):
        target = by_id.get(derivative)
        if target is None or target.derived_from is not None:
            continue
        whole = [k for k in candidates if k.relation != "partial"] or candidates
        best = max(k.score for k in whole)
        close = [k for k in whole if k.score >= best - PARENT_SCORE_MARGIN]
        link = min(
            close,
            key=lambda k: (
                _when(by_id.get(k.original)),
                -round(k.score, 6),
                k.direction != "derived",
                _RELATION_RANK[k.relation],
                k.original,
            ),
        )
        target.derived_from = Derivation(
            article=link.original,
            relation=link.relation,
            score=max(0.0, min(1.0, link.score)),
            evidence=link.evidence,
            direction=link.direction,
            alignment=[[i, j] for i, j in link.pairs],
        )
