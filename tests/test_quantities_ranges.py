"""Ranges with the unit or currency written twice, signed numbers and glued currency codes
(fictional sentences)."""

from __future__ import annotations

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import NumberMention, find_numbers, neutral_masks


def numbers(text: str) -> list[NumberMention]:
    return find_numbers(text, 0, len(text), get_lexicon("en"), neutral_masks(text, 0, len(text)))


def only(text: str) -> NumberMention:
    found = numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "pair"),
    [
        ("Bakers expect prices to rise 5% to 10% next spring.", "percentage", (5.0, 10.0)),
        ("Rents could climb between 4% and 6% this year.", "percentage", (4.0, 6.0)),
        ("Fees run from 2 per cent to 2.5 per cent a year.", "percentage", (2.0, 2.5)),
        ("Tickets will sell for between $54 and $59 each.", "money", (54.0, 59.0)),
        ("The flats cost $650,000 to $1.1 million each.", "money", (650_000.0, 1_100_000.0)),
        ("The speaker plays tones between 14kHz and 16kHz.", "quantity", (14.0, 16.0)),
        ("The new battery extends the range from 250 miles to 290 miles.", "quantity", (250, 290)),
        ("There are six to seven thousand people in the square.", "quantity", (6000, 7000)),
    ],
)
def test_range_with_repeated_unit(text: str, kind: str, pair: tuple[float, float]) -> None:
    nm = only(text)
    assert nm.kind == kind
    assert nm.raw_value == pytest.approx(pair)


def test_different_units_are_not_a_range() -> None:
    found = numbers("The index fell 2% to 7,400 points.")
    assert [n.raw_value for n in found] == [2.0, 7400.0]


def test_years_are_not_a_range_of_counts() -> None:
    assert numbers("Between 2014 and 2017 the club won nothing.") == []
    found = numbers("Sales rose in 2022 to 2.7 million headsets.")
    assert [n.raw_value for n in found] == [2_700_000.0]


def test_words_make_a_range_only_upwards() -> None:
    assert all(not isinstance(n.raw_value, tuple) for n in numbers("They met one to one."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In Europe the FTSE closed -0.8% on Friday.", -0.8),
        ("The team lost (-7 yards) on the play.", -7.0),
    ],
)
def test_minus_sign(text: str, value: float) -> None:
    assert only(text).raw_value == value


def test_a_hyphen_after_a_name_is_not_a_minus() -> None:
    found = numbers("The clinic bought 300 COVID -19 tests.")
    assert all(n.raw_value != -19.0 for n in found)


@pytest.mark.parametrize(
    ("text", "currency", "value"),
    [
        ("The firm's revenue came to EUR38m last year.", "EUR", 38_000_000.0),
        ("The plan now costs RM64 for each user.", "MYR", 64.0),
        ("Global debt was about $US97 trillion in May.", "USD", 97e12),
    ],
)
def test_glued_currency_code(text: str, currency: str, value: float) -> None:
    nm = only(text)
    assert (nm.kind, nm.unit) == ("money", currency)
    assert nm.raw_value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("The port handled 9.6m tonnes of grain last year.", 9_600_000.0, "tonne"),
        ("Organisers said 2m people watched the parade.", 2_000_000.0, "person"),
    ],
)
def test_glued_m_before_a_counted_noun_is_millions(text: str, value: float, head: str) -> None:
    nm = only(text)
    assert (nm.raw_value, nm.head) == (value, head)


def test_glued_m_alone_is_metres() -> None:
    nm = only("The hikers fell 450m down a gully.")
    assert (nm.raw_value, nm.head) == (450.0, "metre")


def test_glued_b_with_a_currency_is_billions() -> None:
    nm = only("The airline wants $3.6b from the state.")
    assert (nm.kind, nm.raw_value) == ("money", 3.6e9)
    assert numbers("Her flat is number 5b on the left.") == []


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The Dunmore index rose 0.4 percent to 5,418.20 on Friday.", 5418.2),
        ("The index lost 62.3 points to close at 6,918.42.", 6918.42),
    ],
)
def test_level_after_a_change(text: str, level: float) -> None:
    found = numbers(text)
    assert found[-1].raw_value == level
    assert found[-1].head == "index"


def test_no_level_without_a_change() -> None:
    assert numbers("The walkers went to 10 Downing Street.") == []


def test_number_words_end_at_a_word_boundary() -> None:
    assert numbers("The tenants met in the hall.") == []


def test_ordinal_with_th_states_its_number() -> None:
    # "stopped in the seventh round": the round is a fact reports agree or disagree on
    nm = only("The champion was stopped in the seventh round.")
    assert (nm.raw_value, nm.head, nm.ordinal) == (7.0, "round number", True)


@pytest.mark.parametrize(
    "text", ["The match was shown on BBC One tonight.", "Apple One's basic plan got dearer."]
)
def test_word_number_in_a_name_is_not_a_count(text: str) -> None:
    assert numbers(text) == []


def test_headline_verb_before_a_number_word_is_not_a_name() -> None:
    nm = only("Dunmore Fire Kills Three")
    assert (nm.raw_value, nm.head) == (3.0, "person")


def test_spaced_minus_word() -> None:
    nm = only("Nights there fall to minus 40 degrees.")
    assert (nm.raw_value, nm.head) == (-40.0, "degree")


def test_decimal_without_leading_zero() -> None:
    nm = only("The false alarm rate fell to .003 per cent last month.")
    assert (nm.kind, nm.raw_value) == ("percentage", 0.003)
