"""TimeML readings that are not claims (claims/timex.py), and month years read per clause.

Fictional sentences; 2025-04-02 is a Wednesday."""

from __future__ import annotations

from datetime import date

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.dates import find_dates
from corroborator.claims.lang import get_lexicon
from corroborator.claims.timex import find_timex
from corroborator.model import Sentence

PUB = date(2025, 4, 2)


def readings(
    text: str, lang: str = "en", published: date | None = PUB
) -> list[tuple[str, str, str]]:
    lex = get_lexicon(lang)
    return [
        (text[r.start : r.end], r.type, r.value)
        for r in find_timex(text, 0, len(text), lex, published)
    ]


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        ("The mayor is now in charge of the port.", "now", "DATE", "PRESENT_REF"),
        ("The bridge is currently closed.", "currently", "DATE", "PRESENT_REF"),
        ("The ferry recently changed hands.", "recently", "DATE", "PAST_REF"),
        ("Floods were rare in the past.", "the past", "DATE", "PAST_REF"),
        ("Tolls may rise in the near future.", "the near future", "DATE", "FUTURE_REF"),
        ("The valley has been dry for years.", "years", "DURATION", "PXY"),
        ("The strike lasted several months.", "several months", "DURATION", "PXM"),
        ("Talks went on for a few days.", "a few days", "DURATION", "PXD"),
        ("Storms have grown stronger in recent years.", "recent years", "DATE", "PAST_REF"),
        ("The ferry sails daily to the island.", "daily", "SET", "P1D"),
        ("The council meets every week.", "every week", "SET", "P1W"),
        ("The market opens each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"),
        ("The fair is held each July.", "each July", "SET", "XXXX-07"),
        ("The inspectors come twice a year.", "a year", "SET", "P1Y"),
        ("The tower was built in the 14th century.", "the 14th century", "DATE", "13"),
        ("The abbey dates from the twelfth century.", "the twelfth century", "DATE", "11"),
        ("Sales for the full year rose.", "the full year", "DATE", "2025"),
        ("Profit fell in the year ended June 30.", "the year", "DURATION", "P1Y"),
        ("Jobs will double by the year two thousand.", "the year two thousand", "DATE", "2000"),
    ],
)
def test_timeml_readings(text: str, span: str, typ: str, value: str) -> None:
    assert (span, typ, value) in readings(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The fire broke out on Monday night.", "Monday night", "2025-03-31TNI"),
        ("The ferry left on Tuesday morning.", "Tuesday morning", "2025-04-01TMO"),
        ("The vote was held this morning.", "this morning", "2025-04-02TMO"),
        ("The talks ended Friday evening.", "Friday evening", "2025-03-28TEV"),
    ],
)
def test_parts_of_the_day_refine_the_day(text: str, span: str, value: str) -> None:
    lex = get_lexicon("en")
    (r,) = [r for r in find_timex(text, 0, len(text), lex, PUB) if r.refines]
    assert (text[r.start : r.end], r.type, r.value) == (span, "TIME", value)


@pytest.mark.parametrize(
    "text",
    [
        "Now, the council must decide.",  # discourse "now"
        "The plan starts a week from now.",  # "for now" is PRESENT_REF: see test_dates_round2
        "The boy is 12 years old.",
        "The average daily volume was 3 million shares.",
        "The strike lasted five years.",  # a counted duration: a claim, not a TimeML reading
        "In the past two months the river rose.",
    ],
)
def test_not_a_timeml_reading(text: str) -> None:
    spans = [s for s, _, _ in readings(text)]
    assert not {"now", "Now", "years", "daily", "the past"} & set(spans), spans


def test_other_languages_and_missing_lexicon_read_nothing() -> None:
    assert readings("Der Bürgermeister ist jetzt im Amt.", "de") == []
    assert find_timex("It is now.", 0, 10, None, PUB) == []


def test_without_publication_date_only_undated_readings() -> None:
    got = readings("Sales for the full year rose, and the ferry sails daily.", published=None)
    assert [v for _, _, v in got] == ["P1D"]


def test_timeml_readings_never_become_claims() -> None:
    text = "The ferry now sails daily, as it has for years, and it did so in the 19th century."
    kinds = {
        e.kind for e in extract_claims(text, [Sentence(0, len(text), text)], "en", "2025-04-02")
    }
    assert not kinds & {"date", "duration", "time"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "plans to" makes the sentence future, but the clause with the month is past.
        ("In September, the firm announced plans to buy the mill.", "2024-09"),
        ("The firm plans to open the mill in September.", "2025-09"),
        ("In May, the firm will open the mill.", "2025-05"),
    ],
)
def test_month_year_follows_the_clause(text: str, value: str) -> None:
    lex = get_lexicon("en")
    (d,) = find_dates(text, 0, len(text), lex, PUB)
    assert d.value == value
