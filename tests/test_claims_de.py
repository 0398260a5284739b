"""Minimal German: heads and keys in English canonical form, slots in German."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.lang import get_lexicon
from corroborator.model import Extraction, Sentence


def run(text: str) -> list[Extraction]:
    return extract_claims(text, [Sentence(0, len(text), text)], "de", "2025-04-02")


@pytest.mark.parametrize(
    ("text", "seconds", "approx"),
    [
        ("Die Sitzung dauerte zwei Stunden.", 7200, False),
        ("Die Sitzung dauerte 90 Minuten.", 5400, False),
        ("Die Sitzung dauerte eineinhalb Stunden.", 5400, False),
        ("Das Feuer brannte zwei Tage.", 172800, False),
        ("Das Feuer brannte etwa 30 Stunden.", 108000, True),
        ("Das dauerte eine halbe Stunde.", 1800, False),
    ],
)
def test_durations(text: str, seconds: float, approx: bool) -> None:
    (e,) = [e for e in run(text) if e.kind == "duration"]
    assert e.value == pytest.approx(seconds)
    assert e.approximate is approx
    assert text[e.start : e.end] == e.text


def test_duration_head_is_english() -> None:
    (e,) = [e for e in run("Das Feuer brannte zwei Tage.") if e.kind == "duration"]
    assert e.key == "fire duration"
    assert e.slot == "Feuer brannte"


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("Rund 300 Einwohner wurden evakuiert.", 300, "resident evacuated"),
        ("Zwölf Feuerwehrleute wurden verletzt.", 12, "firefighter injured"),
        ("Es gab 12 Verletzte.", 12, "person injured"),
        ("Mehr als 1.200 Menschen kamen.", 1200, "person"),
        ("Drei Häuser brannten.", 3, "home"),
    ],
)
def test_counts(text: str, value: float, key: str) -> None:
    (e,) = [e for e in run(text) if e.kind == "quantity"]
    assert e.value == pytest.approx(value)
    assert e.key == key


def test_money_and_percent() -> None:
    out = run("Der Schaden beträgt 1,2 Millionen Euro, die Quote stieg auf 5,2 Prozent.")
    money = next(e for e in out if e.kind == "money")
    assert (money.value, money.unit, money.key) == (1.2e6, "EUR", "damage amount")
    pct = next(e for e in out if e.kind == "percentage")
    assert (pct.value, pct.unit) == (5.2, "%")


def test_quote_with_speaker() -> None:
    (q,) = [
        e for e in run("„Wir tun alles, was wir können“, sagte Anna Novak.") if e.kind == "quote"
    ]
    assert q.key == "quote: novak"
    assert q.text.startswith("„") and q.value == "Wir tun alles, was wir können"


def test_duration_head_of_a_verb_final_clause() -> None:
    text = (
        "In der Hafenstadt Dunmore hat ein Feuer in der Textillagerhalle der Firma Hartwell "
        "rund 30 Stunden lang gebrannt, bevor die Feuerwehr es unter Kontrolle brachte."
    )
    (e,) = [e for e in run(text) if e.kind == "duration"]
    assert (e.key, e.value, e.approximate) == ("fire duration", 108000, True)


@pytest.mark.parametrize("noun", ["Feuer", "Brand", "Großbrand"])
def test_fire_synonyms(noun: str) -> None:
    (e,) = [e for e in run(f"Der {noun} dauerte zwei Tage.") if e.kind == "duration"]
    assert e.key == "fire duration"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "300 Anwohner wurden evakuiert, weil dichter Rauch über das Viertel zog.",
            "resident evacuated",
        ),
        ("Zwölf Feuerwehrleute wurden verletzt, teilte die Feuerwehr mit.", "firefighter injured"),
    ],
)
def test_counts_in_longer_sentences(text: str, key: str) -> None:
    (e,) = [e for e in run(text) if e.kind == "quantity"]
    assert e.key == key


def test_time_frame_is_not_a_duration() -> None:
    assert [
        e for e in run("Das war der schwerste Brand seit zehn Jahren.") if e.kind == "duration"
    ] == []
    (e,) = [e for e in run("Die Firma besteht seit zehn Jahren.") if e.kind == "duration"]
    assert e.value == 10 * 365 * 86400


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("hunderttausend", 100_000.0),
        ("zweihundertfünfzigtausend", 250_000.0),
        ("einundzwanzig", 21.0),
        ("hunderteinundzwanzig", 121.0),
        ("eintausend", 1_000.0),
        ("dreieinhalb", 3.5),
    ],
)
def test_number_words(words: str, value: float) -> None:
    lex = get_lexicon("de")
    assert lex is not None
    assert lex.parse_number_words(words) == value
