"""Value forms of real news (issue 13, fifth round): statistics of play written as
abbreviations, "m.p.h.", the denominators of rates, a headline's quake magnitude, and TimeML
readings of "Now" and decades. Every sentence is made up for the test."""

from __future__ import annotations

from datetime import date

import pytest

from corroborator.claims.dates import find_dates
from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import NumberMention, find_numbers, neutral_masks
from corroborator.claims.timex import find_timex
from corroborator.units import canonical_unit

EN = get_lexicon("en")
PUB = date(2025, 4, 2)


def numbers(text: str) -> list[NumberMention]:
    return find_numbers(text, 0, len(text), EN, neutral_masks(text, 0, len(text)))


def unit(nm: NumberMention) -> str:
    head = nm.head or ""
    return f"{head} per {nm.per}" if nm.per else head


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("Okafor averaged 21.4 ppg for the Comets last season.", 21.4, "point per game"),
        ("She added 9.8 rpg off the bench.", 9.8, "rebound per game"),
        ("The guard led the league with 7.1 apg.", 7.1, "assist per game"),
        ("The shortstop was worth 4.6 WAR in his first full year.", 4.6, "win above replacement"),
        ("Okafor averaged 21.4 points per game.", 21.4, "point per game"),
        ("The sedan reached 142 m.p.h. on the test track.", 142, "mile per hour"),
    ],
)
def test_statistics_of_play_and_speeds_name_their_unit(text: str, value: float, head: str) -> None:
    found = [n for n in numbers(text) if n.raw_value == value]
    assert len(found) == 1
    assert unit(found[0]) == head


def test_war_is_a_unit_only_in_capitals() -> None:
    assert canonical_unit("WAR") == "win above replacement"
    assert canonical_unit("war") is None


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("Sea levels at the harbour rose 3 feet per century.", 3, "foot per century"),
        ("The coating withstood 14 kV per centimetre.", 14, "kilovolt per centimetre"),
        ("The rookie scored 18 points a game in March.", 18, "point per game"),
        ("Inflation ran at 20 percent a decade.", 20, "percentage per decade"),
    ],
)
def test_rate_denominators(text: str, value: float, name: str) -> None:
    found = [n for n in numbers(text) if n.raw_value == value]
    assert len(found) == 1
    nm = found[0]
    got = "percentage" if nm.kind == "percentage" else (nm.head or "")
    if nm.per:
        got = f"{got} per {nm.per}" if " per " not in got else got
    assert got == name


def test_a_decade_ago_is_no_rate() -> None:
    found = numbers("The plant cost $40 million a decade ago.")
    assert [n.per for n in found if n.kind == "money"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "5.7 Earthquake Rocks Northern Valley",
        "Strong 6.3 Quake Hits Island Chain",
        "09:45 GMT 5. 7 Earthquake Shakes Coastal Town",
    ],
)
def test_headline_decimal_before_quake_is_its_magnitude(text: str) -> None:
    found = [n for n in numbers(text) if n.head == "magnitude"]
    assert len(found) == 1
    assert found[0].raw_value in (5.7, 6.3)


def test_a_count_of_quakes_stays_a_count() -> None:
    found = numbers("Two Quakes Hit Island Chain, and 3 quakes shook the coast.")
    assert all(n.head != "magnitude" for n in found)
    assert [n.raw_value for n in found if n.head == "quake"] == [3]


def timex(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.value) for r in find_timex(text, 0, len(text), EN, PUB)]


def test_sentence_initial_now_is_present_unless_a_discourse_marker() -> None:
    assert ("Now", "PRESENT_REF") in timex("Now officials are reviewing the ferry contract.")
    assert timex("Now, the harbour board has a choice to make.") == []


def test_the_mid_decade_is_a_decade() -> None:
    text = "Ferry traffic fell in the mid-1990s."
    found = find_dates(text, 0, len(text), EN, PUB)
    assert [(text[d.start : d.end], d.value) for d in found] == [("1990s", "199X")]
    text = "Ferry traffic fell between 1980-1990s levels."
    assert all(d.value != "199X" for d in find_dates(text, 0, len(text), EN, PUB))


@pytest.mark.parametrize(
    ("text", "value", "head", "phrase"),
    [
        ("The union raised one particular demand on Friday.", 1, "demand", "particular demand"),
        ("The airline ordered two new Falcon jets.", 2, "jet", "new Falcon jet"),
        ("The club won six straight games in May.", 6, "game", "straight game"),
        ("The region has 20 decently sized power plants.", 20, "plant", None),
        ("Three young men were questioned.", 3, "man", None),
    ],
)
def test_an_adjective_after_the_number_is_no_head(
    text: str, value: float, head: str, phrase: str | None
) -> None:
    found = [n for n in numbers(text) if n.raw_value == value]
    assert len(found) == 1
    assert found[0].head == head
    if phrase is not None:
        assert found[0].phrase == phrase


def test_an_adjective_with_no_noun_after_it_stays_the_head() -> None:
    found = numbers("The airline ordered two new 737 jets.")
    assert [n.head for n in found if n.raw_value == 2] == ["new"]


def test_a_list_after_including_is_no_head() -> None:
    found = numbers("The leak exposed 87 million Americans including private messages.")
    assert [(n.raw_value, n.head) for n in found] == [(87_000_000, "american")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The screen measures 25.5″ across.", 25.5, "inch"),
        ("The mast is 12′ tall.", 12, "foot"),
    ],
)
def test_primes_are_feet_and_inches(text: str, value: float, unit: str) -> None:
    assert [(n.raw_value, n.head) for n in numbers(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ferry crossing takes 40min.", 40, "minute"),
        ("The ferry crossing takes 25-40min.", (25, 40), "minute"),
        ("The ferry crossing takes 25 – 40min.", (25, 40), "minute"),
        ("The climb took 2hrs.", 2, "hour"),
    ],
)
def test_glued_duration_abbreviations(text: str, value: object, unit: str) -> None:
    found = numbers(text)
    assert [(n.kind, n.raw_value, n.raw_unit) for n in found] == [("duration", value, unit)]


def test_a_word_that_starts_like_an_abbreviation_is_no_duration() -> None:
    assert numbers("The 40mina sculpture stood there.") == []


@pytest.mark.parametrize(
    ("text", "value", "head", "phrase"),
    [
        ("The plant built 41,000 Falcon 9 rockets.", 41_000, "rocket", "Falcon 9 rocket"),
        ("The brewery sold 3.4 million 12-litre cases.", 3_400_000, "case", "12-litre case"),
        ("The dairy sold 8 million 250 ml bottles.", 8_000_000, "bottle", "250 ml bottle"),
    ],
)
def test_a_count_before_a_model_name_or_a_measure(
    text: str, value: float, head: str, phrase: str
) -> None:
    found = [n for n in numbers(text) if n.raw_value == value]
    assert [(n.head, n.phrase) for n in found] == [(head, phrase)]


def test_the_measure_inside_is_read_on_its_own() -> None:
    found = numbers("The dairy sold 8 million 250 ml bottles.")
    assert (250, "millilitre") in [(n.raw_value, n.head) for n in found]


@pytest.mark.parametrize(
    "text", ["The firm sold 12 to a rival.", "The town built 40 Main Street flats."]
)
def test_things_sold_or_built_are_no_people(text: str) -> None:
    assert all(n.head != "person" for n in numbers(text))


def test_people_hurt_with_no_noun_stay_people() -> None:
    found = numbers("Gunman kills 2, wounds 3")
    assert [(n.raw_value, n.head) for n in found] == [(2, "person"), (3, "person")]


def dates(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.value) for d in find_dates(text, 0, len(text), EN, PUB)]


@pytest.mark.parametrize(
    "text",
    [
        "Phones matter to today's youth.",
        "In today's world, ferries are slow.",
        "Most of today's personal computers use the chip.",
    ],
)
def test_todays_age_is_no_day(text: str) -> None:
    assert dates(text) == []


def test_todays_event_is_the_day() -> None:
    assert dates("Today's vote was delayed.") == [("Today", "2025-04-02")]


def test_both_years_after_one_preposition() -> None:
    assert dates("Profits will fall in both 2026 and 2027.") == [("2026", "2026"), ("2027", "2027")]


@pytest.mark.parametrize(
    ("text", "raw", "unit", "years"),
    [
        ("An 18-month-old girl was rescued.", 18, "month of age", 1.5),
        ("An 18 month-old girl was rescued.", 18, "month of age", 1.5),
        ("A six-week-old foal was found.", 6, "week of age", 0.115),
    ],
)
def test_an_age_in_months_or_weeks(text: str, raw: float, unit: str, years: float) -> None:
    found = numbers(text)
    assert [(n.head, n.raw_value, n.raw_unit, n.bounds.value) for n in found] == [
        ("age", raw, unit, years)
    ]


def test_an_age_in_years_is_unchanged() -> None:
    found = numbers("A 3-year-old boy was rescued.")
    assert [(n.head, n.raw_value, n.raw_unit) for n in found] == [("age", 3, "year of age")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The port board has until 9 a.m. Thursday to reply.", "2025-04-03"),
        ("The board gave the firms until 8 a.m. CST Thursday.", "2025-04-03"),
        ("The offer will stay open until midnight Friday.", "2025-04-04"),
        ("The ferry left at 9 a.m. Monday.", "2025-03-31"),
    ],
)
def test_a_deadline_with_its_clock_time_looks_forward(text: str, day: str) -> None:
    assert [v for _, v in dates(text)] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "She could one day lead the party.",
        "He hopes he one day follows his father into orbit.",
        "The family hopes to one day return to the valley.",
    ],
)
def test_some_day_is_no_duration(text: str) -> None:
    assert [n for n in numbers(text) if n.kind == "duration"] == []


@pytest.mark.parametrize("text", ["The strike lasted one day.", "They stayed for one day."])
def test_one_day_that_lasted_is_a_duration(text: str) -> None:
    assert [(n.kind, n.raw_value) for n in numbers(text)] == [("duration", 1)]


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Gas futures rose to $3.10 per MMBtu.", "mega british thermal unit"),
        ("The bid is C$5.25 per common share.", "share"),
        ("Rents reached $40 per sq m.", "square metre"),
        ("He took a £30,000-a-year post.", "year"),
    ],
)
def test_rates_of_money(text: str, per: str) -> None:
    found = numbers(text)
    assert [(n.kind, n.per) for n in found] == [("money", per)]


def test_a_rate_of_a_material_keeps_its_period_and_no_duration() -> None:
    found = numbers("The mine digs 3 million tonnes of coal a year.")
    assert [(n.kind, n.head) for n in found] == [("quantity", "tonne per year")]


def test_the_sum_of_a_rate_names_what_follows_the_denominator() -> None:
    found = numbers("The firm paid $5 per share in dividends.")
    assert [(n.head, n.per) for n in found] == [("dividend", "share")]


def clock(text: str) -> list[tuple[str, str]]:
    from corroborator.claims.times import find_times

    return [(text[t.start : t.end], t.value) for t in find_times(text, 0, len(text), EN)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry will sail at 5 in the morning.", "5 in the morning", "05:00"),
        ("The fire broke out at 11 at night.", "11 at night", "23:00"),
        ("The market closed at 3 in the afternoon.", "3 in the afternoon", "15:00"),
        ("Police arrived at 6 o'clock in the evening.", "6 o'clock in the evening", "18:00"),
        ("The shots were heard at 2 at night.", "2 at night", "02:00"),
    ],
)
def test_an_hour_with_its_part_of_the_day_in_words(text: str, span: str, value: str) -> None:
    assert clock(text) == [(span, value)]


def test_a_count_before_a_morning_session_is_no_time() -> None:
    assert clock("She scored 4 in the morning session.") == []


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("The port cost ILS 280 million.", "ILS", 280_000_000),
        ("The port cost 280 million ILS.", "ILS", 280_000_000),
        ("Sales reached SEK5bn.", "SEK", 5_000_000_000),
        ("The fine was 1,000 ZAR.", "ZAR", 1000),
    ],
)
def test_iso_codes_of_currencies_in_use(text: str, code: str, value: float) -> None:
    found = numbers(text)
    assert [(n.kind, n.unit, n.raw_value) for n in found] == [("money", code, value)]


@pytest.mark.parametrize("text", ["TOP 10 FILMS OF THE YEAR", "PEN 15 was signed."])
def test_codes_that_are_words_are_no_currency(text: str) -> None:
    assert all(n.kind != "money" for n in numbers(text))


def test_a_years_quarter_in_an_earnings_report() -> None:
    text = "In the 2024 period, the ferry line earned $2 million."
    assert [v for _, v in dates(text)] == ["2024-Q1"]  # published in Q2 2025: Q1 reported
    text = "The ferry line earned $2 million in the 2024 quarter."
    assert [v for _, v in dates(text)] == ["2024-Q1"]


def test_a_years_election_stays_the_year() -> None:
    assert [v for _, v in dates("It peaked in the 2024 election.")] == ["2024"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # "N-pound" as one adjective before a noun: a weight
        ("The 6-foot-10, 245-pound centre lifted his game.", "quantity", 245),
        ("Okafor, a 220-pound forward, scored 14 points.", "quantity", 220),
        ("He carried a 5-pound bag of flour.", "quantity", 5),
        # ... but sterling where the noun is a sum, or without the hyphen
        ("The court handed her a 500-pound fine.", "money", 500),
        ("He found a 10-pound note in the street.", "money", 10),
        ("The ticket cost 40 pounds.", "money", 40),
        # pounds right after a person's height: the person's weight
        ("Police said the suspect is 6-foot-1, 180 pounds, with a tattoo.", "quantity", 180),
        ("He is 6 feet 2 inches tall and 200 pounds.", "quantity", 200),
        ("The tower is 40 feet high and cost 20 pounds to visit.", "money", 20),
    ],
)
def test_pound_adjective_is_a_weight(text: str, kind: str, value: float) -> None:
    (nm,) = [n for n in numbers(text) if "pound" in text[n.start : n.end]]
    assert (nm.kind, nm.unit == "GBP", nm.raw_value) == (kind, kind == "money", value)


def test_a_height_and_a_weight_are_no_spaced_thousands() -> None:
    """ "6-2, 220-pound" is a height then a weight, not "6" to "2,220"; "30, 000 people"
    (a stray space from bad HTML) is still thirty thousand."""
    assert [n.kind for n in numbers("The 6-2, 220-pound guard signed.")] == ["quantity"]
    assert [n.raw_value for n in numbers("About 30, 000 people marched.")] == [30000]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("He is survived by two daughters, ages 4 and 11.", [4, 11]),
        ("Two girls, age 5 and 9, saw the crash.", [5, 9]),
        ("Three children aged 4, 7 and 9 were rescued.", [4, 7, 9]),
        ("He retired at age 65 after a long career.", [65]),
        # "in ages", "for ages": a long time, no age
        ("It was the first time in ages 3 people came.", []),
    ],
)
def test_every_number_of_an_age_list_is_an_age(text: str, ages: list[int]) -> None:
    assert [n.raw_value for n in numbers(text) if n.head == "age"] == ages
