"""Verbatim copy and syndication detection from word 5-gram shingles.

Two cleaned bodies are compared as sets of word 5-gram shingles (lower-cased, punctuation
dropped). *Containment* |A ∩ B| / min(|A|, |B|) is high when one body is the other, or a
truncated or lightly edited version of it; Jaccard |A ∩ B| / |A ∪ B| tells a full copy from
a truncated one. Independent reports of one event share names, numbers and even quotes,
but almost never long runs of identical wording, so 5-grams keep them apart: a shared
quote of 20 words contributes ~16 shingles out of several hundred.

Thresholds:
- COPY_CONTAINMENT: 0.6 of the shorter body's shingles appear in the other (setting
  `provenance.copy_containment`, `corroborator.config`). Light edits
  (a changed word every ~10 words) still keep about half of the shingles; two independent
  articles stay far below 0.1 in practice.
- MIN_SHINGLES: bodies with fewer shingles than this (under ~12 words) are too short for the
  ratio to mean anything; they are left to the sentence alignment.

`copy` means the same body under the same dress (title and removed furniture); `syndication`
the same body under another outlet's title, byline or furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import datetime
from functools import lru_cache

from corroborator.config import ProvenanceSettings
from corroborator.model import Article, Relation
from corroborator.provenance.links import Link

SHINGLE = 5
COPY_CONTAINMENT = ProvenanceSettings().copy_containment
MIN_SHINGLES = 8
_WORD = re.compile(r"\w+", re.UNICODE)

CopyLink = Link  # the name earlier versions used


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    """The set of word n-grams of `text` (lower-cased, punctuation dropped)."""
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


@lru_cache(maxsize=512)  # corpus mode compares a story's members again at each re-analysis
def shingle_set(text: str) -> frozenset[str]:
    """`shingles(text)`, cached and immutable."""
    return frozenset(shingles(text))


def parse_time(value: str | None) -> datetime | None:
    """A naive datetime from an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def order_by_time(a: Article, b: Article) -> tuple[Article, Article] | None:
    """(earlier, later) when the publication times tell them apart, else None.

    Two dates of the same day cannot order articles when either lacks a time of day.
    """
    ta, tb = parse_time(a.published), parse_time(b.published)
    if not ta or not tb or ta == tb:
        return None
    if ta.date() == tb.date() and min(len(a.published or ""), len(b.published or "")) <= 10:
        return None
    return (a, b) if ta < tb else (b, a)


def same_dress(a: Article, b: Article) -> bool:
    """Same title and same removed furniture: a plain copy rather than syndication."""
    return (a.title or "").strip().lower() == (b.title or "").strip().lower() and sorted(
        a.removed
    ) == sorted(b.removed)


def _orient(a: Article, b: Article, len_a: int, len_b: int) -> tuple[Article, Article, str, str]:
    """Return (original, derivative, direction, why)."""
    timed = order_by_time(a, b)
    if timed:
        return timed[0], timed[1], "derived", "published earlier"
    if min(len_a, len_b) < 0.9 * max(len_a, len_b):
        # The derivative is usually the shortened one (syndicated excerpts, truncation).
        big, small = (a, b) if len_a > len_b else (b, a)
        return big, small, "derived", "the other is a subset"
    return a, b, "unknown", "no date or length evidence"


def compare_pair(
    a: Article,
    b: Article,
    sa: AbstractSet[str],
    sb: AbstractSet[str],
    min_containment: float = COPY_CONTAINMENT,
) -> Link | None:
    """A copy/syndication link between `a` and `b`, or None (containment below
    `min_containment`)."""
    if min(len(sa), len(sb)) < MIN_SHINGLES:
        return None
    inter = len(sa & sb)
    containment = inter / min(len(sa), len(sb))
    if containment < min_containment:
        return None
    jaccard = inter / len(sa | sb)
    original, derivative, direction, why = _orient(a, b, len(sa), len(sb))
    relation: Relation = "copy" if same_dress(a, b) else "syndication"
    evidence = (
        f"{containment:.0%} of the shorter body's 5-word shingles appear in the other "
        f"(Jaccard {jaccard:.2f}); original chosen because {why}"
    )
    return Link(
        original.id,
        derivative.id,
        relation,
        containment,
        direction,
        evidence,
        metrics={"containment": containment, "jaccard": jaccard},
    )


def find_copies(
    articles: Sequence[Article], min_containment: float = COPY_CONTAINMENT
) -> list[Link]:
    """All copy/syndication links among `articles` (pairwise: for the articles of one story)."""
    sets = [shingle_set(a.text) for a in articles]
    links: list[Link] = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            link = compare_pair(articles[i], articles[j], sets[i], sets[j], min_containment)
            if link:
                links.append(link)
    return links
