"""Claim extraction in 'ru': values, hedges, English canonical keys, non-claims, dates, quotes,
and full coverage of the planted values in tests/data/claims/ru_orlen.txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.claims import extract_claims
from corroborator.model import Extraction, Sentence
from corroborator.text.sentences import split_sentences

LANG = "ru"
DATA = Path(__file__).parent / "data" / "claims"


def run(text: str, published: str = "2026-04-02") -> list[Extraction]:
    return extract_claims(text, [Sentence(0, len(text), text)], LANG, published)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "key"),
    [
        ("Пожар продолжался около 30 часов.", "duration", 108000, "s", "fire duration"),
        ("Заседание длилось полтора часа.", "duration", 5400, "s", "meeting duration"),
        ("Дебаты длились два с половиной часа.", "duration", 9000, "s", "debate duration"),
        ("Около 300 жителей были эвакуированы.", "quantity", 300, None, "resident evacuated"),
        ("Двенадцать пожарных получили ранения.", "quantity", 12, None, "firefighter injured"),
        ("Ущерб оценивается в 3 млн рублей.", "money", 3e6, "RUB", "damage amount"),
        ("Безработица выросла до 12 процентов.", "percentage", 12, "%", "unemployment percentage"),
        ("Эвакуировали двадцать пять человек.", "quantity", 25, None, "person evacuated"),
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
    "text", ["Это худший пожар за десять лет.", "Они встречаются два раза в неделю."]
)
def test_time_frames_and_rates_are_not_claims(text: str) -> None:
    assert [e for e in run(text) if e.kind in ("duration", "quantity")] == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Пожар начался 12 марта 2026 года.", "2026-03-12"),
        ("Он приехал два дня назад.", "2026-03-31"),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert [e.value for e in run(text) if e.kind == "date"] == [iso]


def test_quote_speaker() -> None:
    (q,) = [
        e
        for e in run("«Мы сделали всё», — сказала начальник пожарной охраны Марта Ковач.")
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
