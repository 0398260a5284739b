"""Relative days resolve against the publication date alike in every language (fictional
sentences). 2026-03-04 is a Wednesday."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.model import Sentence

PAST = {
    "en": ("The quake struck on Wednesday.", "They met last Wednesday.", "It happened yesterday."),
    "de": (
        "Das Beben ereignete sich am Mittwoch.",
        "Sie trafen sich letzten Mittwoch.",
        "Es geschah gestern.",
    ),
    "fr": (
        "Le séisme a frappé mercredi.",
        "Ils se sont rencontrés mercredi dernier.",
        "C'est arrivé hier.",
    ),
    "es": (
        "El terremoto ocurrió el miércoles.",
        "Se reunieron el miércoles pasado.",
        "Ocurrió ayer.",
    ),
    "ru": (
        "Землетрясение произошло в среду.",
        "Они встретились в прошлую среду.",
        "Это случилось вчера.",
    ),
    "pl": (
        "Trzęsienie ziemi nastąpiło w środę.",
        "Spotkali się w zeszłą środę.",
        "Stało się to wczoraj.",
    ),
}
NEXT = {
    "en": "The summit is next Wednesday.",
    "de": "Der Gipfel ist nächsten Mittwoch.",
    "fr": "Le sommet aura lieu mercredi prochain.",
    "es": "La cumbre será el próximo miércoles.",
    "ru": "Саммит пройдет в следующую среду.",
    "pl": "Szczyt odbędzie się w przyszłą środę.",
}


def date_values(text: str, lang: str, published: str) -> list[object]:
    out = extract_claims(text, [Sentence(0, len(text), text)], lang, published)
    return [e.value for e in out if e.kind == "date"]


@pytest.mark.parametrize("published", ["2026-03-02", "2026-03-04", "2026-03-06"])
@pytest.mark.parametrize("k", [0, 1, 2])
def test_past_days_resolve_alike(published: str, k: int) -> None:
    got = {lang: date_values(texts[k], lang, published) for lang, texts in PAST.items()}
    assert len({tuple(v) for v in got.values()}) == 1, got
    assert len(got["en"]) == 1


@pytest.mark.parametrize("published", ["2026-03-02", "2026-03-04", "2026-03-06"])
def test_next_weekday_resolves_alike(published: str) -> None:
    got = {lang: date_values(text, lang, published) for lang, text in NEXT.items()}
    assert len({tuple(v) for v in got.values()}) == 1, got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met on Friday last week.", "2026-02-27"),
        ("The vote is on Monday next week.", "2026-03-09"),
        ("The vote is on Thursday this week.", "2026-03-05"),
    ],
)
def test_weekday_of_a_named_week(text: str, value: str) -> None:
    assert value in date_values(text, "en", "2026-03-04")


def test_last_week_after_a_weekday_stays_a_week() -> None:
    text = "They met on Friday last week."
    out = extract_claims(text, [Sentence(0, len(text), text)], "en", "2026-03-04")
    assert sorted(e.text for e in out if e.kind == "date") == ["Friday", "last week"]


FUTURE = {
    "en": "The minister will visit the town on Wednesday.",
    "fr": "Le ministre visitera la ville mercredi.",
    "es": "El ministro visitará la ciudad el miércoles.",
}


@pytest.mark.parametrize("published", ["2026-03-02", "2026-03-05", "2026-03-06"])
def test_a_future_tense_verb_points_a_weekday_forward(published: str) -> None:
    got = {lang: date_values(text, lang, published) for lang, text in FUTURE.items()}
    assert len({tuple(v) for v in got.values()}) == 1, got
    (value,) = got["en"]
    assert str(value) >= published
