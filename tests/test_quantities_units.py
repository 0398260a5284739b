"""Units of measure after a number (corroborator.units): glued and spaced symbols, English
names, rates, and the number never cut before its decimals (fictional sentences)."""

from __future__ import annotations

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import NumberMention, find_numbers, neutral_masks
from corroborator.units import UNIT_NAMES, UNIT_SYMBOLS, canonical_unit


def numbers(text: str, lang: str = "en") -> list[NumberMention]:
    return find_numbers(text, 0, len(text), get_lexicon(lang), neutral_masks(text, 0, len(text)))


def only(text: str) -> NumberMention:
    found = numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The new tablet ships with 256GB of storage.", 256, "gigabyte"),
        ("The base model keeps 128 GB of storage.", 128, "gigabyte"),
        ("Each flat gets a 5kW rooftop system.", 5, "kilowatt"),
        ("The scooter carries a 5.5kWh battery pack.", 5.5, "kilowatt hour"),
        ("The old router only works at 2.4Ghz.", 2.4, "gigahertz"),
        ("The village now has a 50Mbps line.", 50, "megabit per second"),
        ("Each sample weighed about 45g.", 45, "gram"),
        ("The engine makes 296 hp at full throttle.", 296, "horsepower"),
        ("The coupe's engine makes 640bhp.", 640, "brake horsepower"),
        ("The sedan has a 1.6 liter engine.", 1.6, "litre"),
        ("The car reached 120 mph on the test track.", 120, "mile per hour"),
        ("Gusts of 90 km/h were recorded at the pier.", 90, "kilometre per hour"),
        ("The pump moves 12 metres per second of water.", 12, "metre per second"),
        ("Temperatures reached 41°C in the valley.", 41, "celsius"),
        ("The lake froze at minus 5 degrees Celsius overnight.", -5, "celsius"),
        ("The new chip is built on a 3 nm process.", 3, "nanometre"),
        ("The office covers 2,400 square feet.", 2400, "square foot"),
        ("The engine delivers 450 Nm of torque.", 450, "newton metre"),
        ("The phone has a 4,500mAh battery.", 4500, "milliampere-hour"),
        ("The field now pumps 80,000 barrels per day.", 80000, "barrel per day"),
    ],
)
def test_unit_after_a_number(text: str, value: float, unit: str) -> None:
    nm = only(text)
    assert nm.kind == "quantity"
    assert nm.raw_value == pytest.approx(value)
    assert nm.head == unit
    assert nm.raw_unit == unit


def test_unit_span_covers_the_unit() -> None:
    text = "Engineers fitted a 5.5kWh battery."
    nm = only(text)
    assert text[nm.start : nm.end] == "5.5kWh"


def test_a_day_after_a_unit_is_a_rate_not_a_duration() -> None:
    found = numbers("The field pumps 80,000 barrels a day.")
    assert [(n.kind, n.raw_value, n.head) for n in found] == [
        ("quantity", 80000.0, "barrel per day")
    ]


def test_range_with_a_glued_unit() -> None:
    nm = only("Engineers used a 3-8W laser to warm the samples.")
    assert (nm.raw_value, nm.head) == ((3.0, 8.0), "watt")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Britain can now borrow at 1.47pc, the bank said.", 1.47),
        ("The shares trade at a 19pc discount.", 19.0),
    ],
)
def test_glued_pc_is_percent(text: str, value: float) -> None:
    nm = only(text)
    assert (nm.kind, nm.raw_value, nm.unit) == ("percentage", value, "%")


def test_number_is_never_cut_before_its_decimals() -> None:
    # "1.87degF": no unit we know glued to it; it must not be read as 1.
    assert all(n.raw_value != 1.0 for n in numbers("Waters warmed by 1.87degF last year."))


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The plan costs $12.99 a month.", "month"),
        ("Oil traded at $75 per barrel on Friday.", "barrel"),
        ("The shares were priced at $62 per share.", "share"),
        ("Rents reached $18.40 per square foot.", "square foot"),
    ],
)
def test_money_rate_denominator(text: str, per: str) -> None:
    money = [n for n in numbers(text) if n.kind == "money"]
    assert len(money) == 1, money
    assert money[0].per == per


def test_money_without_rate_has_no_denominator() -> None:
    (nm,) = [n for n in numbers("The council paid $2 million for the bridge.") if n.kind == "money"]
    assert nm.per is None


@pytest.mark.parametrize(
    "text",
    [
        "2m people watched the final.",  # millions, not metres
        "The Model 3 went on sale in 2017.",
        "She ran the 5k in under twenty minutes.",
    ],
)
def test_no_unit_where_none_is_written(text: str) -> None:
    assert all(n.head not in set(UNIT_NAMES.values()) for n in numbers(text))


def test_canonical_unit_names() -> None:
    assert canonical_unit("km") == "kilometre"
    assert canonical_unit("Kilometers") == "kilometre"
    assert canonical_unit("miles per hour") == "mile per hour"
    assert canonical_unit("square feet") == "square foot"
    assert canonical_unit("degrees Celsius") == "celsius"
    assert canonical_unit("MW") == "megawatt"
    assert canonical_unit("mW") is None  # case matters for symbols
    assert canonical_unit("banana") is None
    # every canonical name reads back as itself
    for name in set(UNIT_SYMBOLS.values()) | set(UNIT_NAMES.values()):
        assert canonical_unit(name) == name, name


def test_speeds_in_two_units_convert_to_one_property() -> None:
    from corroborator.units import PHYSICAL_UNITS

    mph = only("The car reached 62 mph on the bridge.")
    kmh = only("The car reached 100 km/h on the bridge.")
    base_a, f_a, prop_a = PHYSICAL_UNITS[mph.head or ""]
    base_b, f_b, prop_b = PHYSICAL_UNITS[kmh.head or ""]
    assert (base_a, prop_a) == (base_b, prop_b) == ("km/h", "speed")
    assert 62 * f_a == pytest.approx(100 * f_b, rel=0.01)


@pytest.mark.parametrize("text", ["It is 10 kİlometres away.", "0Mı °C", "The 5 Mİ run."])
def test_non_ascii_letters_in_a_unit_never_raise(text: str) -> None:
    # "İ"/"ı" match "i" case-insensitively but lower-case to other strings: no unit, no error.
    for lang in ("en", "de", "fr"):
        found = numbers(text, lang)
        assert all(n.head not in ("kilometre", "mile") for n in found)
