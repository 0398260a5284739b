"""Verbatim copy and syndication detection, direction, and independence groups.

Two cleaned bodies are compared as sets of word 5-gram shingles (lower-cased, punctuation
dropped). *Containment* |A ∩ B| / min(|A|, |B|) is high when one body is the other, or a
truncated or lightly edited version of it; Jaccard |A ∩ B| / |A ∪ B| tells a full copy from
a truncated one. Independent reports of one event share names, numbers and even quotes,
but almost never long runs of identical wording, so 5-grams keep them apart: a shared
quote of 20 words contributes ~16 shingles out of several hundred.

Thresholds (documented where they are used):
- COPY_CONTAINMENT: 0.6 of the shorter body's shingles appear in the other. Light edits
  (a changed word every ~10 words) still keep about half of the shingles; two independent
  articles stay far below 0.1 in practice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from corroborator.model import Article, Derivation

SHINGLE = 5
COPY_CONTAINMENT = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = SHINGLE) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {hash(" ".join(words))} if words else set()
    return {hash(" ".join(words[i : i + n])) for i in range(len(words) - n + 1)}


@dataclass(frozen=True)
class CopyLink:
    original: str
    derivative: str
    relation: str  # "copy" or "syndication"
    containment: float
    jaccard: float
    direction: str  # "derived" when the evidence says which is the original, else "unknown"
    evidence: str


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _orient(a: Article, b: Article, len_a: int, len_b: int) -> tuple[Article, Article, str, str]:
    """Return (original, derivative, direction, why)."""
    ta, tb = _parse_time(a.published), _parse_time(b.published)
    if (
        ta
        and tb
        and ta.date() == tb.date()
        and min(len(a.published or ""), len(b.published or "")) <= 10
    ):
        ta = tb = None  # same day, and one has no time of day: the dates cannot order them
    if ta and tb and ta != tb:
        return (
            (a, b, "derived", "published earlier")
            if ta < tb
            else (b, a, "derived", "published earlier")
        )
    if len_a != len_b and min(len_a, len_b) < 0.9 * max(len_a, len_b):
        # The derivative is usually the shortened one (syndicated excerpts, truncation).
        return (
            (a, b, "derived", "the other is a subset")
            if len_a > len_b
            else (b, a, "derived", "the other is a subset")
        )
    return a, b, "unknown", "no date or length evidence"


def find_copies(articles: Sequence[Article]) -> list[CopyLink]:
    """All copy/syndication links among `articles` (pairwise: for a handful of articles).

    Corpus mode uses MinHash/LSH candidates instead of all pairs; the decision rule is the
    same function.
    """
    sets = [shingles(a.text) for a in articles]
    links: list[CopyLink] = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            link = compare_pair(articles[i], articles[j], sets[i], sets[j])
            if link:
                links.append(link)
    return links


def compare_pair(a: Article, b: Article, sa: set[int], sb: set[int]) -> CopyLink | None:
    if not sa or not sb:
        return None
    inter = len(sa & sb)
    containment = inter / min(len(sa), len(sb))
    if containment < COPY_CONTAINMENT:
        return None
    jaccard = inter / len(sa | sb)
    original, derivative, direction, why = _orient(a, b, len(sa), len(sb))
    same_dress = (a.title or "").strip().lower() == (
        b.title or ""
    ).strip().lower() and a.removed == b.removed
    relation = "copy" if same_dress else "syndication"
    evidence = (
        f"{containment:.0%} of the shorter body's 5-word shingles appear in the other "
        f"(Jaccard {jaccard:.2f}); original chosen because {why}"
    )
    return CopyLink(original.id, derivative.id, relation, containment, jaccard, direction, evidence)


def independence_groups(ids: Sequence[str], links: Sequence[CopyLink]) -> list[list[str]]:
    """Connected components of the derivation graph; each group lists its ids in input order."""
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
                parent[max(ra, rb, key=ids.index)] = min(ra, rb, key=ids.index)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: ids.index(g[0]))


def apply_derivations(articles: Sequence[Article], links: Sequence[CopyLink]) -> None:
    """Set `derived_from` on each derivative (the strongest link wins when there are several)."""
    by_id = {a.id: a for a in articles}
    for link in sorted(links, key=lambda k: (-k.containment, k.original, k.derivative)):
        target = by_id[link.derivative]
        if target.derived_from is None:
            target.derived_from = Derivation(
                article=link.original,
                relation="copy" if link.relation == "copy" else "syndication",
                score=link.containment,
                evidence=link.evidence,
                direction=link.direction,
            )
