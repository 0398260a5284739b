"""End to end on examples/ferry: an original, a copy, a syndicated copy, a spin, German and
Polish translations, partial reuse, and independent reports in English and German.

Derivatives must collapse into one independence group pointing at the original, the
independent reports must stay separate, and no claim may gain support from a derivative.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corroborator.ingest.readers import read_inputs
from corroborator.pipeline import build_report

FERRY = Path(__file__).resolve().parents[1] / "examples" / "ferry" / "ferry.jsonl"


@pytest.fixture(scope="module")
def report() -> Any:
    return build_report(read_inputs([FERRY]))


def test_family_is_one_group_and_independents_stay_apart(report: Any) -> None:
    main = next(s for s in report.stories if "a1" in s.articles)
    assert ["a1", "a2", "a3", "a4", "a5", "a8", "a9"] in main.independent_groups
    assert ["a6"] in main.independent_groups
    assert all("a7" not in g or g == ["a7"] for s in report.stories for g in s.independent_groups)


def test_each_derivative_points_at_the_original_with_its_relation(report: Any) -> None:
    by_id = {a.id: a for a in report.articles}
    got = {
        aid: (a.derived_from.article, a.derived_from.relation)
        for aid, a in by_id.items()
        if a.derived_from is not None
    }
    assert got == {
        "a2": ("a1", "copy"),
        "a3": ("a1", "syndication"),
        "a4": ("a1", "rewrite"),
        "a5": ("a1", "translation"),
        "a8": ("a1", "partial"),
        "a9": ("a1", "translation"),
    }
    # a9 has no publication date: which side came first is not claimed.
    assert by_id["a9"].derived_from.direction == "unknown"
    assert by_id["a2"].derived_from.direction == "derived"


def test_derivatives_never_inflate_support(report: Any) -> None:
    main = next(s for s in report.stories if "a1" in s.articles)
    group_of = {aid: g for g, members in enumerate(main.independent_groups) for aid in members}
    for claim in main.claims:
        groups = {group_of[m.article] for m in claim.mentions}
        assert claim.support <= len(groups)
    # "212 people on board" (the family, 6 articles in 3 languages), "more than two hundred
    # passengers" (a6) and the independent German report's "mehr als 200 Passagieren" (a7):
    # three independent sources, not eight mentions' worth.
    aboard = next(
        c for c in main.claims if c.kind == "quantity" and 212 in {m.value for m in c.mentions}
    )
    assert aboard.verdict == "corroborated" and aboard.support == 3
    assert len(aboard.mentions) > aboard.support
