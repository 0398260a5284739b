"""Acceptance test on our own demo corpus: every planted verdict, exact spans, no false conflict.

The corpus (examples/fire) is a fictional warehouse fire told by four outlets in English and
German, one of them a syndicated copy with different furniture, plus an unrelated story.
"""

from __future__ import annotations

from typing import Any

from corroborator.report import to_json, validate


def _story(report: Any, article_id: str) -> Any:
    return next(s for s in report.stories if article_id in s.articles)


def _claims(story: Any, verdict: str) -> list[Any]:
    return [c for c in story.claims if c.verdict == verdict]


def test_stories_and_independent_sources(demo_report: Any) -> None:
    fire, council = _story(demo_report, "a1"), _story(demo_report, "a5")
    assert fire is not council
    assert fire.articles == ["a1", "a2", "a3", "a4"]
    assert council.articles == ["a5"]
    assert fire.independent_groups == [["a1", "a3"], ["a2"], ["a4"]]
    assert fire.independent_sources == 3
    by_id = {a.id: a for a in demo_report.articles}
    d = by_id["a3"].derived_from
    assert d is not None and d.article == "a1" and d.relation in ("copy", "syndication")
    assert by_id["a4"].language == "de" and by_id["a1"].language == "en"


def test_planted_conflicts_with_both_values(demo_report: Any) -> None:
    fire = _story(demo_report, "a1")
    conflicts = {c.kind: c for c in _claims(fire, "conflicting")}
    assert set(conflicts) == {"duration", "quantity"}, [c.key for c in fire.claims]
    duration = conflicts["duration"]
    # keyed by the event the parse ties it to ("burned for 30 hours"), labelled by its clause
    assert duration.key == "burn duration" or "fire" in duration.key
    assert "fire" in duration.label or "blaze" in duration.label
    sides = {s["value"]: set(s["articles"]) for s in duration.sides}
    assert sides == {108000: {"a1", "a3", "a4"}, 172800: {"a2"}}
    count = conflicts["quantity"]
    assert "firefighter" in count.key
    assert {s["value"]: set(s["articles"]) for s in count.sides} == {
        12: {"a1", "a3", "a4"},
        8: {"a2"},
    }


def test_planted_corroborations_count_groups_not_copies(demo_report: Any) -> None:
    fire = _story(demo_report, "a1")
    corroborated = _claims(fire, "corroborated")
    evacuated = next(c for c in corroborated if c.kind == "quantity")
    assert {m.value for m in evacuated.mentions} == {300}
    assert evacuated.support == 3  # a1, a2, a4: the copy a3 adds a mention, not support
    assert {m.article for m in evacuated.mentions} == {"a1", "a2", "a3", "a4"}
    quote = next(c for c in corroborated if c.kind == "quote")
    assert "kovacs" in quote.key and quote.support == 2


def test_single_source_facts(demo_report: Any) -> None:
    fire = _story(demo_report, "a1")
    single = _claims(fire, "single_source")
    damage = next(c for c in single if c.kind == "money")
    assert damage.mentions[0].value == 4_500_000 and damage.mentions[0].unit == "EUR"
    assert {m.article for m in damage.mentions} == {"a1", "a3"}
    road = next(c for c in single if c.kind == "duration" and c.mentions[0].value == 10800)
    assert road.mentions[0].article == "a2" and road.mentions[0].text == "three hours"
    omitted = {o.claim: o.articles for o in fire.omissions}
    assert omitted[damage.id] == ["a2", "a4"]


def test_every_span_is_exact(demo_report: Any) -> None:
    texts = {a.id: a.text for a in demo_report.articles}
    for story in demo_report.stories:
        for claim in story.claims:
            for m in claim.mentions:
                assert texts[m.article][m.start : m.end] == m.text
                assert m.text in m.sentence


def test_furniture_is_removed_and_recorded(demo_report: Any) -> None:
    by_id = {a.id: a for a in demo_report.articles}
    for art in demo_report.articles:
        for junk in (
            "Share on",
            "newsletter",
            "All rights reserved",
            "Photo:",
            "Foto:",
            "Leave a reply",
            "Lesen Sie auch",
            "Read also",
            "cookies",
        ):
            assert junk.lower() not in art.text.lower(), (art.id, junk)
    assert by_id["a1"].title == "Warehouse fire in Dunmore brought under control after 30 hours"
    assert by_id["a1"].published == "2026-03-14"
    assert by_id["a2"].published.startswith("2026-03-15")
    assert by_id["a2"].outlet == "Coastal Daily"
    assert any("Photo: Dunmore Fire Service" in r for r in by_id["a1"].removed)
    assert "Body text" not in by_id["a4"].removed


def test_report_json_is_valid_and_stable(demo_report: Any) -> None:
    import json

    text = to_json(demo_report)
    validate(json.loads(text))
    assert to_json(demo_report) == text
