"""Value forms of real news that were misread or missed (issue 13, part 2): tolls with no noun
after the level, headline counts, race names, mixed fractions, wire-style currency words, and
hours of the day in French and Spanish. Every sentence is made up for the test."""

from __future__ import annotations

import re

import pytest

from corroborator.claims import extract_claims
from corroborator.model import Extraction, Sentence


def split(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9])", text):
        out.append(Sentence(start, m.start(), text[start : m.start()]))
        start = m.end()
    if start < len(text):
        out.append(Sentence(start, len(text), text[start:]))
    return out


def run(text: str, lang: str = "en") -> list[Extraction]:
    return extract_claims(text, split(text), lang, "2025-04-02")


def values(text: str, kind: str, lang: str = "en") -> list[tuple[float | str | None, str]]:
    return [(e.value, e.key) for e in run(text, lang) if e.kind == kind]


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("The death toll from the landslide rose to 14, officials said.", 14.0, "person killed"),
        ("The death toll stood at 9 on Friday.", 9.0, "person killed"),
        ("Officials said the toll had risen to 31.", 31.0, "person killed"),
        ("Heavy rain raised the death toll to 15.", 15.0, "person killed"),
        ("The number of injured climbed to 52.", 52.0, "person injured"),
        ("The number of people killed reached 7.", 7.0, "person killed"),
        ("The ferry disaster has a death toll of 23.", 23.0, "person killed"),
    ],
)
def test_toll_level_is_a_count(text: str, value: float, key: str) -> None:
    assert (value, key) in values(text, "quantity")


def test_toll_keeps_its_hedge() -> None:
    (e,) = [e for e in run("The toll rose to more than 100.") if e.kind == "quantity"]
    assert (e.value, e.low, e.high) == (100.0, 100.0, None)


@pytest.mark.parametrize(
    "text",
    ["The toll booth at exit 12 was closed.", "The toll road to Vella opened 3 lanes."],
)
def test_toll_road_is_no_count_of_dead(text: str) -> None:
    assert not [k for _v, k in values(text, "quantity") if k == "person killed"]


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        # A headline glued to its stamp: the participle ends the count.
        ("Ferry sinks off Marova, 4 dead Tue Jun 3, 2025 8:10am BST", 4.0, "person killed"),
        ("Bus plunges into river, 12 injured Monday", 12.0, "person injured"),
        # Title-case headlines: a capitalised number word before a plural and its verb.
        ("Ten People Killed In Valley Flood", 10.0, "person killed"),
        ("Island of Velta Six people were killed and some 25 injured.", 6.0, "person killed"),
        ("TWO PEOPLE HAVE DIED IN A WAREHOUSE FIRE at the depot.", 2.0, "person killed"),
        ("Two Men Arrested After Dock Raid", 2.0, "man arrested"),
        # An event verb before the number, then the next headline word in capitals.
        ("Depot blast kills 2, injures 4 POSTED: 0915 GMT", 4.0, "person injured"),
    ],
)
def test_headline_counts(text: str, value: float, key: str) -> None:
    assert (value, key) in values(text, "quantity")


@pytest.mark.parametrize("text", ["He watched BBC One on Sunday.", "Formula One teams met."])
def test_capitalised_names_stay_names(text: str) -> None:
    assert values(text, "quantity") == []


@pytest.mark.parametrize(
    "text",
    [
        "She won the 400m hurdles in 53 seconds.",
        "He swam the 200m freestyle at the trials.",
        "She set a record in the 400-metre hurdles.",
        "He qualified for the 100 metres final.",
    ],
)
def test_race_names_are_not_distances(text: str) -> None:
    found = [e for e in run(text) if e.kind == "quantity"]
    assert found == [], found


def test_race_time_is_still_read() -> None:
    assert values("She won the 400m hurdles in 53 seconds.", "duration")[0][0] == 53.0


@pytest.mark.parametrize(
    "text",
    ["He fell 600m down a gully.", "The storm left 2m people without power."],
)
def test_metres_and_millions_still_read(text: str) -> None:
    assert values(text, "quantity")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The talks lasted 2 1/2 years.", "duration", 2.5 * 365 * 86400),
        ("The ban lasts 3-1/2 years.", "duration", 3.5 * 365 * 86400),
        ("The meeting took 2½ hours.", "duration", 9000.0),
        ("A 1½-hour delay followed.", "duration", 5400.0),
        ("They walked 2 1/2 miles to the shelter.", "quantity", 2.5 * 1609.344),
        ("Rates were cut to 5 3/4%.", "percentage", 5.75),
    ],
)
def test_mixed_fractions(text: str, kind: str, value: float) -> None:
    got = [e.value for e in run(text) if e.kind == kind]
    assert got and got[0] == pytest.approx(value)


def test_a_fraction_alone_is_no_mixed_number() -> None:
    # "3/4" after a word is no whole-and-fraction: nothing is read as 3.75.
    assert all(e.value != 3.75 for e in run("The vote was 3/4 in favour."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lenders agreed a euro110 billion rescue of the bank.", 110e9),
        ("Parliament passed the loan of euro 22 billion on Friday.", 22e9),
        ("The ticket costs a euro5 fee.", 5.0),
    ],
)
def test_wire_style_euro(text: str, value: float) -> None:
    got = [(e.value, e.unit) for e in run(text) if e.kind == "money"]
    assert (value, "EUR") in got


def test_spaced_euro_before_a_small_number_is_no_price() -> None:
    # no EUR 2: the 2 US cents the euro gained
    found = [(e.value, e.unit) for e in run("The euro was 2 cents higher.") if e.kind == "money"]
    assert found == [(pytest.approx(0.02), "USD")]


@pytest.mark.parametrize(
    ("text", "lang", "hhmm"),
    [
        ("La réunion a commencé à 14 heures.", "fr", "14:00"),
        ("Le conseil se réunira vers 9 heures demain.", "fr", "09:00"),
        ("Le magasin reste ouvert jusqu'à 22 heures.", "fr", "22:00"),
        ("La reunión empezó a las 14 horas.", "es", "14:00"),
    ],
)
def test_hour_word_after_a_time_preposition_is_a_time(text: str, lang: str, hhmm: str) -> None:
    assert [e.value for e in run(text, lang) if e.kind == "time"] == [hhmm]
    assert values(text, "duration", lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les pompiers ont lutté pendant 14 heures.", "fr"),
        ("Le feu brûle depuis 14 heures.", "fr"),
        ("Il a travaillé environ 14 heures.", "fr"),
        ("El incendio duró 14 horas.", "es"),
    ],
)
def test_hour_word_as_a_span_stays_a_duration(text: str, lang: str) -> None:
    assert [v for v, _k in values(text, "duration", lang)] == [50400.0]
    assert [e for e in run(text, lang) if e.kind == "time"] == []


def test_a_sum_spread_over_a_period_keeps_the_period() -> None:
    text = "The Harriers bid $90 million over six years for the striker."
    got = {e.kind: e for e in run(text)}
    assert got["money"].value == 90e6 and got["money"].key != "six amount"
    d = got["duration"]
    assert (d.value, d.low, d.high) == (6 * 365 * 86400.0,) * 3  # exact: "over" is no "more than"
    assert d.text == "six years"


def test_over_a_duration_alone_is_still_more_than() -> None:
    (d,) = [e for e in run("The fire burned for over eight hours.") if e.kind == "duration"]
    assert (d.low, d.high) == (28800.0, None)


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("He won 3 Oscars and 2 BAFTAs.", 2.0, "bafta"),
        ("He finished with 94 RBI last season.", 94.0, "rbi"),
        ("Storm Lashes Coast, 12 Homes Destroyed", 12.0, "home"),
    ],
)
def test_capitalised_heads(text: str, value: float, head: str) -> None:
    assert [e.head for e in run(text) if e.kind == "quantity" and e.value == value] == [head]


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [("The fee is 1,000 JPY.", 1000.0, "JPY"), ("Sales hit 5 million HKD.", 5e6, "HKD")],
)
def test_iso_code_after_the_number_is_money(text: str, value: float, code: str) -> None:
    assert [(e.value, e.unit) for e in run(text) if e.kind == "money"] == [(value, code)]


def test_number_word_after_a_page_stamp_starts_a_sentence() -> None:
    text = "Published: June 12, 2025 8:40am BST Two people, one of them a child, were hurt."
    assert [e.value for e in run(text) if e.kind == "quantity"] == [2.0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The deal was worth $2.8 bln.", 2.8e9, "USD"),
        ("The fine was $2.8 mln.", 2.8e6, "USD"),
        ("Exports hit 1.2 trn yen.", 1.2e12, "JPY"),
        ("The plan costs 40 mln euros.", 4e7, "EUR"),
        ("Profit hit Rs 500 crore.", 5e9, "INR"),
        ("The trust raised Rs 2 lakh.", 2e5, "INR"),
    ],
)
def test_wire_scale_abbreviations_keep_the_scale(text: str, value: float, unit: str) -> None:
    assert [(e.value, e.unit) for e in run(text) if e.kind == "money"] == [(value, unit)]
