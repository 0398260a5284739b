"""Rates keep their period and temperatures compare in one scale (`claims.frames`)."""

from __future__ import annotations

from tests.test_records import _align, split

from corroborator.claims import extract_claims


def test_fahrenheit_and_celsius_are_one_temperature() -> None:
    text = "It was 82 degrees Fahrenheit in the shade. The lake was at 4 degrees Celsius."
    temps = [e for e in extract_claims(text, split(text), "en", "2026-05-02") if e.unit == "°C"]
    assert [round(float(e.value), 1) for e in temps] == [27.8, 4.0]
    assert {e.head for e in temps} == {"temperature"}
    claims = _align(
        {
            "a1": "The heat reached 82 degrees Fahrenheit in Port Alder on Sunday.",
            "a2": "The heat reached 28 degrees Celsius in Port Alder on Sunday.",
        }
    )
    (temp,) = [c for c in claims if c.label == "temperature"]
    assert temp.verdict == "corroborated"


def test_rates_of_different_periods_are_two_facts() -> None:
    claims = _align(
        {
            "a1": "The new pass costs $15 a month, the operator said.",
            "a2": "The new pass costs $180 a year, the operator said.",
        }
    )
    money = [c for c in claims if c.kind == "money"]
    assert sorted(c.label for c in money) == ["pass amount per month", "pass amount per year"]
    assert not [c for c in money if c.verdict in ("conflicting", "possible_conflict")]
