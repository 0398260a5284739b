"""Quantities whose unit is written elsewhere or folded away: a bare number set against the
quantity before it, currencies of text that lost its non-ASCII signs, spaced dollar prefixes,
pressure and folded degree units (fictional sentences)."""

from __future__ import annotations

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import NumberMention, find_numbers, neutral_masks

EN = get_lexicon("en")


def numbers(text: str) -> list[NumberMention]:
    return find_numbers(text, 0, len(text), EN, neutral_masks(text, 0, len(text)))


def one_at(text: str, raw: float) -> NumberMention:
    found = [nm for nm in numbers(text) if nm.raw_value == raw]
    assert len(found) == 1, numbers(text)
    return found[0]


# ------------------------------------------------------------------ the unit left out


@pytest.mark.parametrize(
    ("text", "raw", "kind", "unit", "head"),
    [
        (
            "Some 68,400 residents have been waiting and 95,800 who waited longer.",
            95800,
            "quantity",
            None,
            "resident",
        ),
        (
            "About 310 cars were stolen in Dunmore this year, compared with 48 last year.",
            48,
            "quantity",
            None,
            "car",
        ),
        (
            "Sales rose to 2.7 million bikes, up from 1.9 million in 2021.",
            1.9e6,
            "quantity",
            None,
            "bike",
        ),
        (
            "The highest estimate is 91.20 cents, while the lowest is 78.35.",
            78.35,
            "money",
            "USD",
            None,
        ),
        (
            "The cheese index rose 2 percent but the bread index fell by 1.",
            1,
            "percentage",
            "%",
            None,
        ),
        ("The fund raised $40 million in May and 12 million in June.", 12e6, "money", "USD", None),
    ],
)
def test_a_bare_number_takes_the_unit_it_is_set_against(
    text: str, raw: float, kind: str, unit: str | None, head: str | None
) -> None:
    nm = one_at(text, raw)
    assert nm.kind == kind
    assert nm.unit == unit
    if head is not None:
        assert nm.head == head


def test_a_part_of_a_count_takes_its_noun() -> None:
    nm = one_at("More than 5 million homes, including 1.2 million in the city, lost power.", 1.2e6)
    assert nm.head == "home"


def test_the_elided_count_keeps_the_event() -> None:
    nm = one_at("Police said 300 people were evacuated on Monday and 500 on Tuesday.", 500)
    assert (nm.head, nm.verb) == ("person", "evacuated")


@pytest.mark.parametrize(
    "text",
    [
        # another number between them, a bracket, a clause break, no connective
        "The 12 boats left at dawn; 40 came back.",
        "It had 12 boats (40 in 2019 and more later).",
        "There were 12 boats in the bay, he said 40.",
        # a name's number after the connective
        "The Nasdaq rose 0.3% and the S&P 500 may follow.",
    ],
)
def test_no_elided_unit_without_a_plain_connective(text: str) -> None:
    assert [nm.raw_value for nm in numbers(text)] in ([12], [0.3], [12, 2019])


def test_a_duration_lends_no_unit() -> None:
    assert [nm.kind for nm in numbers("They talked for 3 hours and 40 was the score.")] == [
        "duration"
    ]


# ------------------------------------------------------------------ folded and spaced currencies


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The chief executive's package was worth up to PS1.9m.", 1.9e6, "GBP"),
        ("Passengers paid a total of PS18,350 for the flights.", 18350, "GBP"),
        ("The takeover was valued at PS6.4bn.", 6.4e9, "GBP"),
        ("In Tokyo, Dunmore Games fell 3 percent to Y=21,460.", 21460, "JPY"),
        ("The firm expects a net profit of Y=410 billion.", 4.1e11, "JPY"),
        ("Passengers paid HK $184,310 for the flights.", 184310, "HKD"),
        ("The offer was C $7 a share.", 7, "CAD"),
        ("The brothers moved almost S $2mil for the gang.", 2e6, "SGD"),
        ("The fraud moved RM4.18mil through three accounts.", 4.18e6, "MYR"),
        ("Gas traded at US $3.17 per unit.", 3.17, "USD"),
    ],
)
def test_currencies_of_folded_text(text: str, value: float, unit: str) -> None:
    (nm,) = [n for n in numbers(text) if n.kind == "money"]
    assert nm.bounds.value == pytest.approx(value)
    assert nm.unit == unit


@pytest.mark.parametrize(
    "text",
    ["He queued all night for a PS5.", "A $5 fine was imposed.", "Grade A $5 tickets sold out."],
)
def test_no_folded_currency_in_names_or_capitals(text: str) -> None:
    assert [(n.kind, n.unit) for n in numbers(text) if n.kind == "money"] in (
        [],
        [("money", "USD")],
    )


# ------------------------------------------------------------------ units of the table


@pytest.mark.parametrize(
    ("text", "raw", "name"),
    [
        ("The sheet held up to 57.2 MPa before it cracked.", 57.2, "megapascal"),
        ("The coating reached 113 GPa on the hardness test.", 113, "gigapascal"),
        ("The panel failed at 9 ksi.", 9, "kilopound per square inch"),
        ("Tyres are set to 32 psi.", 32, "pound per square inch"),
        ("It was 1.87degF warmer than the average.", 1.87, "fahrenheit"),
        ("It was 1.04deg C warmer than the average.", 1.04, "celsius"),
        ("The grid frequency dropped to 49.61 HZ on Monday.", 49.61, "hertz"),
        ("The 2716sq m plot was offered for sale.", 2716, "square metre"),
    ],
)
def test_units_of_pressure_and_folded_signs(text: str, raw: float, name: str) -> None:
    nm = one_at(text, raw)
    assert (nm.kind, nm.head) == ("quantity", name)


# ------------------------------------------------------------------ counts of some, of times


@pytest.mark.parametrize(
    ("text", "raw", "head"),
    [
        # Headline title case and initialisms: the number's own noun, not the one before it.
        ("Storm Kills 4; 30 Hurt and 5 Farms Flooded", 5, "farm"),
        ("He hit 27 homers and 94 RBI last season.", 94, "rbi"),
    ],
)
def test_capitalised_noun_of_its_own(text: str, raw: float, head: str) -> None:
    assert [nm.head for nm in numbers(text) if nm.raw_value == raw] == [head]


@pytest.mark.parametrize(
    ("text", "raw", "head"),
    [
        ("Two of Novak's deputies were fired on Friday.", 2, "deputy"),
        ("Three of the victims were children.", 3, "victim"),
        ("Police fired 30 times at the car.", 30, "time"),
        ("The probe has circled the moon more than 3,200 times.", 3200, "time"),
    ],
)
def test_counts_of_some_and_of_times(text: str, raw: float, head: str) -> None:
    assert one_at(text, raw).head == head


def test_the_times_of_a_count_keep_their_verb() -> None:
    assert one_at("Police fired 30 times at the car.", 30).verb == "fired"


@pytest.mark.parametrize(
    "text",
    [
        "One of the victims was a child.",  # "one of": no count of one
        "The stock trades at 8.5 times earnings.",  # a multiplier
        "There were three times as many boats.",
        "The pulsar spins nearly 52,000 times a minute.",  # a rate
    ],
)
def test_no_count_of_one_of_or_of_a_multiplier(text: str) -> None:
    assert numbers(text) == []


def test_a_multiplier_of_a_named_measure_is_its_factor_not_a_count_of_times() -> None:
    # session 16: "four times the number" is a factor of 4, measured as "times the number"
    (nm,) = numbers("Sales were four times the number of last year.")
    assert (nm.bounds.value, nm.head) == (4.0, "times the number")


def test_the_age_of() -> None:
    assert one_at("Only members over the age of 30 may join.", 30).head == "age"


# ------------------------------------------------------------------ changes, pence, names


def test_a_change_by_then_the_level_is_no_range() -> None:
    found = [
        (nm.raw_value, nm.unit)
        for nm in numbers("The deficit increased by $31.8 billion to $287.4 billion.")
    ]
    assert found == [(31.8e9, "USD"), (287.4e9, "USD")]
    level = numbers("The deficit increased by $31.8 billion to $287.4 billion.")[1]
    assert level.head == "deficit"


def test_a_range_after_to_stays_a_range() -> None:
    (nm,) = numbers("Prices rose from 5% to 10% last year.")
    assert nm.raw_value == (5, 10)
    assert nm.head == "price"  # "last" names nothing


@pytest.mark.parametrize(
    ("text", "raw"), [("Shares rose 4.2% to 131p.", 131), ("At 97.5p, the shares fell.", 97.5)]
)
def test_pence(text: str, raw: float) -> None:
    nm = one_at(text, raw)
    assert (nm.kind, nm.unit, nm.raw_unit) == ("money", "GBP", "p")
    assert nm.bounds.value == pytest.approx(raw / 100)


@pytest.mark.parametrize("text", ["The film streams in 1080p.", "Crews ran 2,000 COVID -19 tests."])
def test_video_lines_and_badly_spaced_names(text: str) -> None:
    assert [nm for nm in numbers(text) if nm.kind == "money" or nm.raw_value in (19, -19)] == []


# ------------------------------------------------------------------ shares written as fractions


@pytest.mark.parametrize(
    ("text", "share", "head"),
    [
        ("A third of those tested were obese.", 1 / 3, "tested"),
        ("Nearly two-thirds of the 3.6M sales came from discs.", 2 / 3, "sale"),
        ("Half the flats have sold.", 1 / 2, "flat"),
        ("About half of the 300 residents fled.", 1 / 2, "resident"),
        ("One out of four tenants has a damp problem.", 1 / 4, "tenant"),
        ("One in five voters backed the plan.", 1 / 5, "voter"),
        ("One fourth of the town is flooded.", 1 / 4, "town"),
        ("Half of the entrance roof collapsed.", 1 / 2, "roof"),
    ],
)
def test_fractions_are_shares(text: str, share: float, head: str) -> None:
    (nm,) = [n for n in numbers(text) if n.kind == "percentage"]
    assert nm.raw_value == pytest.approx(share)
    assert nm.bounds.value == pytest.approx(100 * share)
    assert (nm.unit, nm.head) == ("%", head)


@pytest.mark.parametrize(
    "text",
    [
        "He scored in the second half of the game.",
        "Half of them were children.",  # a share of nothing named
        "The team won 3 in 2019.",
    ],
)
def test_no_share(text: str) -> None:
    assert [n for n in numbers(text) if n.kind == "percentage"] == []


# ------------------------------------------------------------------ numbers that count nothing


@pytest.mark.parametrize(
    "text",
    [
        "The category 4 hurricane made landfall.",
        "The Owls were flawless in the fourth quarter.",
        "It was the club's third time in a final.",
        "Apple showed the iPhone 11 cameras.",
    ],
)
def test_classes_periods_and_model_names_are_no_counts(text: str) -> None:
    assert numbers(text) == []


def test_an_ordinal_round_is_a_place_not_a_count() -> None:
    nm = one_at("He won in the seventh round.", 7)
    assert (nm.head, nm.ordinal) == ("round number", True)


def test_an_age_range() -> None:
    nm = one_at("Jobs for men aged 30 to 49 rose.", (30, 49))
    assert nm.head == "age"


# ------------------------------------------------------------------ what was counted


@pytest.mark.parametrize(
    ("text", "raw", "head", "phrase"),
    [
        ("The chain cut prices on 40 different products.", 40, "product", "different product"),
        ("Some 84 Dunmore fans travelled.", 84, "fan", "Dunmore fan"),
        ("About 300 people fled.", 300, "person", None),
    ],
)
def test_the_counted_phrase_beside_its_head(
    text: str, raw: float, head: str, phrase: str | None
) -> None:
    nm = one_at(text, raw)
    assert (nm.head, nm.phrase) == (head, phrase)


def test_a_duration_per_period_is_one_duration() -> None:
    assert [(nm.kind, nm.raw_value) for nm in numbers("Nurses work 35 to 45 hours a week.")] == [
        ("duration", (35, 45))
    ]


def test_two_names_before_one_noun() -> None:
    text = "About 310 Zorin and Halvard vans were stolen this year, compared with 48 last year."
    assert [(nm.raw_value, nm.head, nm.phrase) for nm in numbers(text)] == [
        (310, "van", "Zorin Halvard van"),
        (48, "van", "Zorin Halvard van"),
    ]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("He had 38 hits, and a slugging percentage of .587.", 0.587),  # its own measure
        ("Storms hit 12 towns on the coast, and the death toll rose to 10.", 10),  # far "to"
        ("Storms hit 12 towns, and the official death toll was put at 10.", 10),  # new subject
    ],
)
def test_no_elided_unit_for_a_number_with_its_own_noun(text: str, raw: float) -> None:
    assert [nm for nm in numbers(text) if nm.raw_value == raw and nm.head != "person"] == []


@pytest.mark.parametrize(
    ("text", "raw", "head"),
    [
        ("It has a four-cylinder engine.", 4, "cylinder"),
        ("They rent a three-bed flat in Dunmore.", 3, "bed"),
        ("The three-judge panel ruled on Monday.", 3, "judge"),
    ],
)
def test_a_spelled_number_glued_to_its_noun(text: str, raw: float, head: str) -> None:
    assert one_at(text, raw).head == head


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("It comes with a 9- or 10-inch screen.", [(9, "inch"), (10, "inch")]),
        (
            "It offers four-, five- and six-cylinder engines.",
            [(4, "cylinder"), (5, "cylinder"), (6, "cylinder")],
        ),
        # "to" makes one range (an age between two and three), "or" two values
        ("The 2- to 3-year-old children played.", [((2.0, 3.0), "age")]),
    ],
)
def test_suspended_hyphens(text: str, heads: list[tuple[float, str]]) -> None:
    assert [(nm.raw_value, nm.head) for nm in numbers(text)] == heads


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("The mass of the star is about 2.47×10−30 kilograms.", 2.47e-30, "kilogram"),
        ("A mole holds 6.02 x 10^23 atoms.", 6.02e23, "atom"),
    ],
)
def test_scientific_notation(text: str, value: float, head: str) -> None:
    (nm,) = numbers(text)
    assert nm.raw_value == pytest.approx(value)
    assert nm.head == head


def test_a_price_a_change_ends_at_is_the_changed_thing() -> None:
    found = numbers("Dunmore shares rose 4.2% to 131p.")
    assert [(nm.kind, nm.head) for nm in found] == [("percentage", "share"), ("money", "share")]
