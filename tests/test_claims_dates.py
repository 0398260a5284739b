"""Dates resolved against the publication date (2025-04-02 is a Wednesday)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.model import Sentence

PUB = "2025-04-02"


def dates(
    text: str, published: str | None = PUB, lang: str = "en"
) -> list[tuple[str, object, bool]]:
    out = extract_claims(text, [Sentence(0, len(text), text)], lang, published)
    return [(e.text, e.value, e.approximate) for e in out if e.kind == "date"]


@pytest.mark.parametrize(
    ("text", "span", "value", "approx"),
    [
        ("The fire started on Tuesday.", "Tuesday", "2025-04-01", False),
        ("They met last Tuesday.", "last Tuesday", "2025-04-01", False),
        ("They met on Wednesday.", "Wednesday", "2025-04-02", False),
        ("They will meet on Tuesday.", "Tuesday", "2025-04-08", False),
        ("It happened yesterday.", "yesterday", "2025-04-01", False),
        ("It happened today.", "today", "2025-04-02", False),
        ("It happened this morning.", "this morning", "2025-04-02", False),
        ("It happened last week.", "last week", "2025-03-24", True),
        ("It happened last month.", "last month", "2025-03", True),
        ("Elections are due next February.", "next February", "2026-02", True),
        ("The law passed in 2014.", "2014", "2014", True),
        ("It opened on March 3.", "March 3", "2025-03-03", False),
        ("It opened on 3 March 2024.", "3 March 2024", "2024-03-03", False),
        ("It opened on 2025-03-03.", "2025-03-03", "2025-03-03", False),
        ("It opened two days ago.", "two days ago", "2025-03-31", False),
        ("It closed in May 2020.", "May 2020", "2020-05", True),
    ],
)
def test_resolution(text: str, span: str, value: str, approx: bool) -> None:
    assert dates(text) == [(span, value, approx)]


def test_date_head() -> None:
    text = "The fire started on Tuesday."
    out = extract_claims(text, [Sentence(0, len(text), text)], "en", PUB)
    assert [e.key for e in out if e.kind == "date"] == ["fire start date"]


def test_relative_dates_need_a_publication_date() -> None:
    assert dates("It happened yesterday, on Tuesday.", published=None) == []
    assert dates("It opened on 3 March 2024.", published=None) == [
        ("3 March 2024", "2024-03-03", False)
    ]


def test_year_is_not_a_count() -> None:
    text = "In 2014 the mill closed."
    out = extract_claims(text, [Sentence(0, len(text), text)], "en", PUB)
    assert [e.kind for e in out] == ["date"]


def test_iso_dates_for_any_language() -> None:
    assert dates("Spotkanie 2025-03-03.", lang="pl") == [("2025-03-03", "2025-03-03", False)]


def test_may_the_verb_is_not_a_month() -> None:
    assert dates("Prices may rise.") == []


def test_until_and_would_point_forward() -> None:
    from corroborator.claims import extract_claims
    from corroborator.model import Sentence

    def dates(text: str, lang: str = "en") -> list[object]:
        found = extract_claims(text, [Sentence(0, len(text), text)], lang, "2026-03-04")
        return [e.value for e in found if e.kind == "date"]

    # 2026-03-04 is a Wednesday.
    assert dates("The operator said it would cancel all crossings until Thursday.") == [
        "2026-03-05"
    ]
    assert dates("Die Straße bleibt bis Donnerstag gesperrt.", "de") == ["2026-03-05"]
    assert dates("He was arrested on Thursday.") == ["2026-02-26"]
