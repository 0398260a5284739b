"""Value forms of real news that were missed (issue 13, session 14), every sentence made up."""

from __future__ import annotations

import pytest

from corroborator.claims.extract import extract_claims
from corroborator.claims.records import find_records
from corroborator.text.sentences import split_sentences


def _counts(text: str) -> list[tuple[float, str | None]]:
    return [
        (float(e.value), e.head)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "quantity"
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Marsh's 14 rebounds led the Gulls.", [(14.0, "rebound")]),
        ("Dvorak’s 9 assists were a career best.", [(9.0, "assist")]),
        # a capitalised word glued to the number is still a name's number
        ("The crew of Flight 370 was never found.", []),
    ],
)
def test_a_possessive_before_a_count_owns_it(
    text: str, counts: list[tuple[float, str | None]]
) -> None:
    assert _counts(text) == counts


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Baron Dies at 81 Published: May 3, 2025",
        "Harbour baron dies in a prison hospital at 81 Tuesday, May 3.",
    ],
)
def test_an_age_at_death_before_a_capitalised_word(text: str) -> None:
    assert (81.0, "age") in _counts(text)


def test_a_number_after_died_at_before_a_street_is_no_age() -> None:
    assert _counts("He died at 12 Alder Street on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The jury deadlocked at 8-4 on the sentence.",
        "The jurors reported their 8-4 deadlock to the judge.",
        "The jury split 8-4.",
    ],
)
def test_a_jury_split_is_a_tally(text: str) -> None:
    assert _counts(text) == [(8.0, "vote"), (4.0, "vote")]


def test_one_charge_is_named_by_the_word_before_it() -> None:
    text = "He was arraigned on two arson charges and one kidnapping charge."
    assert _counts(text) == [(2.0, "arson charge"), (1.0, "kidnapping charge")]


@pytest.mark.parametrize(
    "text",
    ["The Gulls beat visiting Hawks, 88-70.", "The Gulls routed the Hawks, 88-70, on Friday."],
)
def test_a_score_after_a_team_and_a_comma_is_the_result(text: str) -> None:
    assert _counts(text) == [(88.0, "score"), (70.0, "score")]


def test_a_record_after_a_beaten_boxer_stays_a_record() -> None:
    assert _counts("Varga (41-2) beat Brandt, 35-6, on points.") == [(41.0, "win"), (35.0, "win")]


# ------------------------------------------------------------------ found by review


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 60-65 percent, officials said.",
        "Temperatures were 20-25 degrees on Monday.",
        "Okafor is 6-8 and weighs 240 pounds.",
        "Dunmore were 2-1 at halftime.",
        "Dunmore were 2-0 in front.",
        "Halftime was 1-1.",
        "Fans celebrated the 3-0 Dunmore win over Leeds.",
        "It was the 1-0 season opener.",
    ],
)
def test_a_range_a_height_or_a_score_is_no_record(text: str) -> None:
    assert find_records(text, 0, len(text), []) == []


@pytest.mark.parametrize(
    "text",
    [
        "Profits will be shared in a 70-30 split.",
        "Okafor broke the 1-1 deadlock in the 70th minute.",
        "The teams split 2-2 in a thriller.",
    ],
)
def test_a_split_or_a_deadlock_without_a_body_that_votes_is_no_tally(text: str) -> None:
    assert [h for _, h in _counts(text)].count("vote") == 0


@pytest.mark.parametrize(
    "text",
    ["Boeing's 737 Max jets were grounded again.", "The Velden's 911 Turbo sold out."],
)
def test_a_possessive_before_a_model_number_keeps_it_a_name(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    "text", ["The man died at 4 Elm Court on Tuesday.", "He died at 12 Alder Street on Monday."]
)
def test_an_address_after_died_at_is_no_age(text: str) -> None:
    assert (4.0, "age") not in _counts(text) and (12.0, "age") not in _counts(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("It took 2 hours 5 minutes 3 seconds.", 7503.0),
        ("He served 10 years 3 months and 2 days.", (10 * 365 + 3 * 30 + 2) * 86400.0),
    ],
)
def test_a_duration_in_three_units_is_one_amount(text: str, seconds: float) -> None:
    found = [
        float(e.value)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "duration"
    ]
    assert found == [pytest.approx(seconds, rel=1e-3)]
