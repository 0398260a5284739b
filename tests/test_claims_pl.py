"""Claim extraction in 'pl': values, hedges, English canonical keys, non-claims, dates, quotes,
and full coverage of the planted values in tests/data/claims/pl_orlen.txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.claims import extract_claims
from corroborator.model import Extraction, Sentence
from corroborator.text.sentences import split_sentences

LANG = "pl"
DATA = Path(__file__).parent / "data" / "claims"


def run(text: str, published: str = "2026-04-02") -> list[Extraction]:
    return extract_claims(text, [Sentence(0, len(text), text)], LANG, published)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "key"),
    [
        ("Pożar trwał około 30 godzin.", "duration", 108000, "s", "fire duration"),
        ("Posiedzenie trwało półtorej godziny.", "duration", 5400, "s", "meeting duration"),
        ("Debata trwała dwie i pół godziny.", "duration", 9000, "s", "debate duration"),
        ("Ewakuowano około 300 mieszkańców.", "quantity", 300, None, "resident evacuated"),
        ("Dwunastu strażaków zostało rannych.", "quantity", 12, None, "firefighter injured"),
        ("Szkody wyniosły 2,5 mln zł.", "money", 2.5e6, "PLN", "damage amount"),
        ("Bezrobocie wzrosło do 12 procent.", "percentage", 12, "%", "unemployment percentage"),
        ("Trzysta osób i dwóch policjantów.", "quantity", 300, None, "person"),
    ],
)
def test_values_and_keys(text: str, kind: str, value: float, unit: str | None, key: str) -> None:
    found = [e for e in run(text) if e.kind == kind]
    assert found, run(text)
    e = found[0]
    assert e.value == pytest.approx(value)
    assert (e.unit, e.key) == (unit, key)
    assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "text", ["To najgorszy pożar od dziesięciu lat.", "Spotykają się dwa razy w tygodniu."]
)
def test_time_frames_and_rates_are_not_claims(text: str) -> None:
    assert [e for e in run(text) if e.kind in ("duration", "quantity")] == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Pożar wybuchł 12 marca 2026 r.", "2026-03-12"), ("Przyjechał dwa dni temu.", "2026-03-31")],
)
def test_dates(text: str, iso: str) -> None:
    assert [e.value for e in run(text) if e.kind == "date"] == [iso]


def test_quote_speaker() -> None:
    (q,) = [
        e
        for e in run("„Zrobiliśmy wszystko” – powiedziała komendantka straży Marta Kovacs.")
        if e.kind == "quote"
    ]
    assert q.speaker is not None and q.speaker.split()[0] in ("Marta", "Марта")


def test_fixture_coverage() -> None:
    text = (DATA / f"{LANG}_orlen.txt").read_text(encoding="utf-8").strip()
    gold = json.loads((DATA / f"{LANG}_orlen.gold.json").read_text(encoding="utf-8"))
    found = extract_claims(text, split_sentences(text, LANG), LANG, gold["published"])
    got = {
        (e.kind, e.unit, str(round(e.value, 2)) if isinstance(e.value, float) else e.value, e.key)
        for e in found
    }
    for g in gold["claims"]:
        value = g["value"] if g["kind"] == "date" else str(round(float(g["value"]), 2))
        assert (g["kind"], g["unit"], value, g["key"]) in got, g
