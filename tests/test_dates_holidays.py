"""Holidays that name one day (English), resolved like a day written without its year.
Every sentence is made up for the test."""

from __future__ import annotations

import pytest

from corroborator.claims.dates import find_dates, parse_published
from corroborator.claims.lang import get_lexicon

EN = get_lexicon("en")


def dates(text: str, published: str | None = "2025-04-02") -> list[str]:
    return [d.value for d in find_dates(text, 0, len(text), EN, parse_published(published))]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The ferry sank on Christmas Day.", "2024-12-25"),
        ("The bar opened on New Year's Eve.", "2024-12-31"),
        ("The family met for Thanksgiving.", "2024-11-28"),  # the fourth Thursday
        ("The parade was held on Good Friday last year.", "2024-03-29"),
        ("The march went ahead on Easter Monday.", "2025-04-21"),
    ],
)
def test_a_holiday_is_its_day(text: str, iso: str) -> None:
    assert iso in dates(text)


def test_a_fixed_holiday_without_a_publication_date_has_no_year() -> None:
    assert dates("The ferry sank on Christmas Day.", None) == ["XXXX-12-25"]


@pytest.mark.parametrize(
    "text",
    [
        "The Good Friday Agreement ended the war.",
        "Tourists flew to Easter Island.",
        "The kids hunted for easter eggs.",
    ],
)
def test_names_and_lower_case_words_are_no_days(text: str) -> None:
    assert dates(text) == []
