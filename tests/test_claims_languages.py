"""Claim extraction in fr, es, pl and ru: values, hedges, English canonical keys, non-claims,
dates, quotes, and full coverage of the planted values in tests/data/claims/<lang>_orlen.txt.

One table per concern, one row per language and case, so a new language is a few rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.claims import extract_claims
from corroborator.model import Extraction, Sentence
from corroborator.text.sentences import split_sentences

DATA = Path(__file__).parent / "data" / "claims"
LANGS = ("fr", "es", "pl", "ru")


def run(text: str, lang: str, published: str = "2026-04-02") -> list[Extraction]:
    return extract_claims(text, [Sentence(0, len(text), text)], lang, published)


VALUES = [
    # fr
    ("fr", "L'incendie a duré environ 30 heures.", "duration", 108000, "s", "fire duration"),
    ("fr", "La réunion a duré deux heures et demie.", "duration", 9000, "s", "meeting duration"),
    (
        "fr",
        "Quatre-vingt-dix-neuf personnes ont été évacuées.",
        "quantity",
        99,
        None,
        "person evacuated",
    ),
    ("fr", "Le débat a duré une heure et demie.", "duration", 5400, "s", "debate duration"),
    ("fr", "Quelque 300 habitants ont été évacués.", "quantity", 300, None, "resident evacuated"),
    ("fr", "Douze pompiers ont été blessés.", "quantity", 12, None, "firefighter injured"),
    (
        "fr",
        "Les dégâts sont estimés à 1,2 million d'euros.",
        "money",
        1.2e6,
        "EUR",
        "damage amount",
    ),
    ("fr", "Le chômage a atteint 12 %.", "percentage", 12, "%", "unemployment percentage"),
    ("fr", "Plus de deux cents voitures.", "quantity", 200, None, "car"),
    # es
    ("es", "El incendio duró unas 30 horas.", "duration", 108000, "s", "fire duration"),
    ("es", "La reunión duró dos horas y media.", "duration", 9000, "s", "meeting duration"),
    ("es", "El debate duró hora y media.", "duration", 5400, "s", "debate duration"),
    ("es", "Unos 300 vecinos fueron evacuados.", "quantity", 300, None, "resident evacuated"),
    ("es", "Doce bomberos resultaron heridos.", "quantity", 12, None, "firefighter injured"),
    (
        "es",
        "Los daños se estiman en 4,5 millones de euros.",
        "money",
        4.5e6,
        "EUR",
        "damage amount",
    ),
    (
        "es",
        "El desempleo subió al 12 por ciento.",
        "percentage",
        12,
        "%",
        "unemployment percentage",
    ),
    ("es", "Más de trescientas cincuenta personas.", "quantity", 350, None, "person"),
    # pl
    ("pl", "Pożar trwał około 30 godzin.", "duration", 108000, "s", "fire duration"),
    ("pl", "Posiedzenie trwało półtorej godziny.", "duration", 5400, "s", "meeting duration"),
    ("pl", "Debata trwała dwie i pół godziny.", "duration", 9000, "s", "debate duration"),
    ("pl", "Ewakuowano około 300 mieszkańców.", "quantity", 300, None, "resident evacuated"),
    ("pl", "Dwunastu strażaków zostało rannych.", "quantity", 12, None, "firefighter injured"),
    ("pl", "Szkody wyniosły 2,5 mln zł.", "money", 2.5e6, "PLN", "damage amount"),
    ("pl", "Bezrobocie wzrosło do 12 procent.", "percentage", 12, "%", "unemployment percentage"),
    ("pl", "Trzysta osób i dwóch policjantów.", "quantity", 300, None, "person"),
    # ru
    ("ru", "Пожар продолжался около 30 часов.", "duration", 108000, "s", "fire duration"),
    ("ru", "Заседание длилось полтора часа.", "duration", 5400, "s", "meeting duration"),
    ("ru", "Дебаты длились два с половиной часа.", "duration", 9000, "s", "debate duration"),
    ("ru", "Около 300 жителей были эвакуированы.", "quantity", 300, None, "resident evacuated"),
    ("ru", "Двенадцать пожарных получили ранения.", "quantity", 12, None, "firefighter injured"),
    ("ru", "Ущерб оценивается в 3 млн рублей.", "money", 3e6, "RUB", "damage amount"),
    (
        "ru",
        "Безработица выросла до 12 процентов.",
        "percentage",
        12,
        "%",
        "unemployment percentage",
    ),
    ("ru", "Эвакуировали двадцать пять человек.", "quantity", 25, None, "person evacuated"),
]


@pytest.mark.parametrize(("lang", "text", "kind", "value", "unit", "key"), VALUES)
def test_values_and_keys(
    lang: str, text: str, kind: str, value: float, unit: str | None, key: str
) -> None:
    found = [e for e in run(text, lang) if e.kind == kind]
    assert found, run(text, lang)
    e = found[0]
    assert e.value == pytest.approx(value)
    assert (e.unit, e.key) == (unit, key)
    assert text[e.start : e.end] == e.text


NOT_CLAIMS = [
    ("fr", "C'est le pire incendie en dix ans."),
    ("fr", "Ils se réunissent deux fois par semaine."),
    ("es", "Es el peor incendio en una década."),
    ("es", "Se reúnen dos veces por semana."),
    ("pl", "To najgorszy pożar od dziesięciu lat."),
    ("pl", "Spotykają się dwa razy w tygodniu."),
    ("ru", "Это худший пожар за десять лет."),
    ("ru", "Они встречаются два раза в неделю."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_CLAIMS)
def test_time_frames_and_rates_are_not_claims(lang: str, text: str) -> None:
    assert [e for e in run(text, lang) if e.kind in ("duration", "quantity")] == []


DATES = [
    ("fr", "L'incendie a éclaté le 12 mars 2026.", "2026-03-12"),
    ("fr", "Il est arrivé il y a deux jours.", "2026-03-31"),
    ("es", "El incendio comenzó el 12 de marzo de 2026.", "2026-03-12"),
    ("es", "Llegó hace dos días.", "2026-03-31"),
    ("pl", "Pożar wybuchł 12 marca 2026 r.", "2026-03-12"),
    ("pl", "Przyjechał dwa dni temu.", "2026-03-31"),
    ("ru", "Пожар начался 12 марта 2026 года.", "2026-03-12"),
    ("ru", "Он приехал два дня назад.", "2026-03-31"),
]


@pytest.mark.parametrize(("lang", "text", "iso"), DATES)
def test_dates(lang: str, text: str, iso: str) -> None:
    assert [e.value for e in run(text, lang) if e.kind == "date"] == [iso]


QUOTES = [
    ("fr", "« Nous avons tout fait », a déclaré la cheffe des pompiers Marta Kovacs."),
    ("es", "«Hicimos todo lo posible», dijo la jefa de bomberos Marta Kovacs."),
    ("pl", "„Zrobiliśmy wszystko” – powiedziała komendantka straży Marta Kovacs."),
    ("ru", "«Мы сделали всё», — сказала начальник пожарной охраны Марта Ковач."),
]


@pytest.mark.parametrize(("lang", "text"), QUOTES)
def test_quote_speaker(lang: str, text: str) -> None:
    (q,) = [e for e in run(text, lang) if e.kind == "quote"]
    assert q.speaker is not None and q.speaker.split()[0] in ("Marta", "Марта")


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_coverage(lang: str) -> None:
    text = (DATA / f"{lang}_orlen.txt").read_text(encoding="utf-8").strip()
    gold = json.loads((DATA / f"{lang}_orlen.gold.json").read_text(encoding="utf-8"))
    found = extract_claims(text, split_sentences(text, lang), lang, gold["published"])
    got = {
        (e.kind, e.unit, str(round(e.value, 2)) if isinstance(e.value, float) else e.value, e.key)
        for e in found
    }
    for g in gold["claims"]:
        value = g["value"] if g["kind"] == "date" else str(round(float(g["value"]), 2))
        assert (g["kind"], g["unit"], value, g["key"]) in got, g


def test_spanish_amounts_with_a_currency_symbol_after_de() -> None:
    from corroborator.claims import extract_claims
    from corroborator.text.sentences import split_sentences

    text = "La empresa pagó 2.100 millones de US$ por la compra y 30 millones de € más."
    got = [
        (e.kind, e.value, e.unit)
        for e in extract_claims(text, split_sentences(text, "es"), "es", None)
    ]
    assert ("money", 2.1e9, "USD") in got and ("money", 3e7, "EUR") in got
