"""Derivation detection on a fictional story: copies, syndication, a spin, translations into
German and Polish, partial reuse, and two independent reports (English, German) that share a
quote and the facts."""

from __future__ import annotations

import pytest

from corroborator.embed import default_embedder
from corroborator.model import Article
from corroborator.provenance import (
    Link,
    apply_derivations,
    detect_derivations,
    independence_groups,
)
from provenance_data import load


@pytest.fixture(scope="module")
def ferry_links() -> list[Link]:
    return detect_derivations(load(), default_embedder())


def _relation(links: list[Link], x: str, y: str) -> Link | None:
    for link in links:
        if {link.original, link.derivative} == {x, y}:
            return link
    return None


def test_each_kind_of_derivation_is_found_with_its_relation(ferry_links: list[Link]) -> None:
    expected = {
        ("a1", "a2"): "copy",
        ("a1", "a3"): "syndication",
        ("a1", "a4"): "rewrite",
        ("a1", "a5"): "translation",
        ("a1", "a9"): "translation",
        ("a1", "a8"): "partial",
    }
    for (x, y), relation in expected.items():
        link = _relation(ferry_links, x, y)
        assert link is not None, (x, y)
        assert link.relation == relation, (x, y, link.evidence)
        assert 0.0 < link.score <= 1.0


def test_independent_reports_sharing_a_quote_are_not_linked(ferry_links: list[Link]) -> None:
    for independent in ("a6", "a7"):
        assert [k for k in ferry_links if independent in (k.original, k.derivative)] == []


def test_direction_by_time_subset_and_unknown(ferry_links: list[Link]) -> None:
    rewrite = _relation(ferry_links, "a1", "a4")
    assert rewrite and (rewrite.original, rewrite.direction) == ("a1", "derived")
    assert "published earlier" in rewrite.evidence
    polish = _relation(ferry_links, "a1", "a9")  # no date, same length, no artefacts
    assert polish and polish.direction == "unknown"


def test_structured_evidence_pairs_index_original_then_derivative(
    ferry_links: list[Link],
) -> None:
    partial = _relation(ferry_links, "a1", "a8")
    assert partial is not None and partial.original == "a1"
    # sentences 3-5 of the original were reused as sentences 3-5 of the council story
    assert partial.pairs == ((2, 2), (3, 3), (4, 4))
    translation = _relation(ferry_links, "a1", "a5")
    assert translation is not None
    assert all(i == j for i, j in translation.pairs) and len(translation.pairs) >= 8


def test_groups_and_derived_from(ferry_links: list[Link]) -> None:
    arts = load()
    ids = [a.id for a in arts]
    groups = independence_groups(ids, ferry_links)
    assert groups == [["a1", "a2", "a3", "a4", "a5", "a8", "a9"], ["a6"], ["a7"]]
    apply_derivations(arts, ferry_links)
    by_id = {a.id: a for a in arts}
    assert by_id["a1"].derived_from is None
    assert by_id["a6"].derived_from is None and by_id["a7"].derived_from is None
    d2 = by_id["a2"].derived_from
    assert d2 and (d2.article, d2.relation, d2.direction) == ("a1", "copy", "derived")
    d8 = by_id["a8"].derived_from
    assert d8 and d8.relation == "partial" and d8.alignment == [[2, 2], [3, 3], [4, 4]]
    assert by_id["a5"].derived_from and by_id["a5"].derived_from.relation == "translation"
    # Every member of the family points at the earliest dated original, not at a sibling
    # (the spin a4 also aligns with the German and Polish translations of a1).
    parents = {aid: by_id[aid].derived_from for aid in ("a3", "a4", "a5", "a8", "a9")}
    assert {aid: (d.article, d.relation) for aid, d in parents.items() if d} == {
        "a3": ("a1", "syndication"),
        "a4": ("a1", "rewrite"),
        "a5": ("a1", "translation"),
        "a8": ("a1", "partial"),
        "a9": ("a1", "translation"),
    }


def test_empty_and_tiny_inputs_do_not_fail() -> None:
    emb = default_embedder()
    assert detect_derivations([], emb) == []
    tiny = [
        Article(id="x", source="x", title="", language="en", published=None, text="Hi."),
        Article(id="y", source="y", title="", language="und", published="bad", text="?"),
    ]
    assert detect_derivations(tiny, emb) == []
