"""A claim is shown in the unit its sources wrote ("238 yd", "30 mph", "4,200 t") when all its
mentions wrote one unit, and in the base unit it was compared in when they wrote different
units ("12 miles" / "19 km"). Reports of our own, made up for these tests."""

from __future__ import annotations

from corroborator.model import Claim
from english_articles import english_story as _align


def _numeric(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "quantity"]


def test_yards_written_by_every_source_are_shown_in_yards_on_both_sides() -> None:
    claims = _numeric(
        _align(
            {
                "a": "Quarterback Ivo Marsh threw for 238 yards on Sunday.",
                "b": "Ivo Marsh passed for 247 yards on Sunday.",
            }
        )
    )
    (c,) = [c for c in claims if c.verdict == "conflicting"]
    assert sorted((s["value"], s["unit"]) for s in c.sides) == [(238, "yd"), (247, "yd")]
    assert sorted((m.value, m.unit, m.low, m.high) for m in c.mentions) == [
        (238, "yd", 238, 238),
        (247, "yd", 247, 247),
    ]


def test_one_written_unit_is_kept_for_weights_and_speeds() -> None:
    claims = _numeric(
        _align(
            {
                "a": "The 4,200-tonne freighter Lina Bay reached 30 mph near Ostend.",
                "b": "The Lina Bay, a 4,200-tonne freighter, reached 30 mph near Ostend.",
            }
        )
    )
    shown = {(m.value, m.unit) for c in claims for m in c.mentions}
    assert (4200, "t") in shown
    assert (30, "mph") in shown
    assert not {u for _, u in shown} & {"kg", "km/h"}


def test_different_written_units_stay_in_the_base_unit() -> None:
    claims = _numeric(
        _align(
            {
                "a": "The Ostend ferry Lina Bay sailed 12 miles before it turned back.",
                "b": "The Ostend ferry Lina Bay sailed about 19 km before it turned back.",
            }
        )
    )
    (c,) = [c for c in claims if len(c.mentions) == 2]
    assert {m.unit for m in c.mentions} == {"m"}
    assert c.verdict == "corroborated"  # 12 miles is 19.3 km: one value, not a conflict


def test_a_hedged_value_keeps_its_band_in_the_written_unit() -> None:
    claims = _numeric(
        _align(
            {
                "a": "Rescuers searched about 40 miles of the Vel river coast.",
                "b": "Rescuers searched about 40 miles of the Vel river coast, officials said.",
            }
        )
    )
    (m, *_) = [m for c in claims for m in c.mentions if m.unit == "mi"]
    assert m.value == 40 and m.low is not None and m.high is not None
    assert m.low < 40 < m.high


def test_one_unit_under_two_names_is_shown_in_it() -> None:
    claims = _numeric(
        _align(
            {
                "a": "The 4,200-ton freighter Lina Bay docked at Ostend.",
                "b": "The 4,200-tonne freighter Lina Bay docked at Ostend.",
            }
        )
    )
    assert {(m.value, m.unit) for c in claims for m in c.mentions} == {(4200, "t")}


def test_a_large_figure_keeps_every_digit_in_its_unit() -> None:
    claims = _numeric(_align({"a": "The field produced 10,483,216 barrels last year."}))
    assert {(m.value, m.unit) for c in claims for m in c.mentions} == {(10483216, "bbl")}
