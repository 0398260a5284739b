"""Wire-copy forms of magnitudes, lengths of time and the day a figure belongs to (fictional
sentences written for these tests)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.compare.align import align_story
from corroborator.model import Article, Extraction
from corroborator.text.sentences import split_sentences


def claims_of(text: str, published: str | None = "2026-05-10") -> list[Extraction]:
    return extract_claims(text, split_sentences(text, "en"), "en", published)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("An earthquake measuring 6.4 shook the coast of Norland.", 6.4),
        ("The tremor, registering 5.8, was felt in Velt.", 5.8),
        ("The quake, which measured about 6.0, hit at dawn.", 6.0),
        ("A quake rated 5.1 struck the valley.", 5.1),
    ],
)
def test_a_magnitude_given_by_a_participle_after_the_quake(text: str, value: float) -> None:
    (e,) = [e for e in claims_of(text) if e.kind == "quantity"]
    assert (e.value, e.head) == (value, "magnitude")


def test_a_measure_after_a_quake_that_is_no_magnitude_keeps_its_unit() -> None:
    (e,) = [e for e in claims_of("The quake's rupture measured 120 km.") if e.kind == "quantity"]
    assert (e.unit, e.head) == ("m", "distance")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Residents said the shaking lasted a full minute.", 60),
        ("The search took a whole day.", 86400),
        ("Police spent two full days at the scene.", 172800),
        ("The talks ran for three whole weeks.", 1814400),
    ],
)
def test_full_and_whole_say_nothing_of_a_length(text: str, seconds: int) -> None:
    (e,) = [e for e in claims_of(text) if e.kind == "duration"]
    assert e.value == seconds


def test_a_figure_belongs_to_the_day_nearest_it() -> None:
    # "searched on Sunday after Saturday's magnitude 6.2 quake": the magnitude is Saturday's,
    # so it meets another report's Saturday quake of magnitude 6.4 as one disagreement
    texts = {
        "a1": "An earthquake measuring 6.4 shook the coast of Norland on Saturday.",
        "a2": "Rescuers searched the rubble on Sunday after Saturday's magnitude 6.2 quake.",
    }
    arts = {
        aid: Article(aid, aid, aid, "en", "2026-05-11", t, sentences=split_sentences(t, "en"))
        for aid, t in texts.items()
    }
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    (mag,) = [e for e in ext["a2"] if e.kind == "quantity"]
    assert mag.event_date == "2026-05-09"
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    (magnitude,) = [c for c in claims if c.kind == "quantity"]
    assert magnitude.verdict in ("conflicting", "possible_conflict")
    assert sorted(s["value"] for s in magnitude.sides) == [6.2, 6.4]


def test_court_report_forms() -> None:
    # the prison term with the convicted person's name between verb and term, a fine given by
    # its verb, a day and month with the year named relative to the report
    text = (
        "A court sentenced former mayor Piet Arlen to 12 years in prison on Tuesday. "
        "He was also fined $5,000. Arlen, 61, was arrested on March 3 last year."
    )
    got = {e.text: e for e in claims_of(text, published="2026-09-15")}
    assert got["12 years"].key == "sentence duration"
    assert got["$5,000"].key == "fine amount"
    assert got["March 3 last year"].value == "2025-03-03"
    # a clause break keeps another clause's verb off the term
    (e,) = [
        e
        for e in claims_of("Arlen, who was jailed in 2001, served 4 years as mayor.")
        if e.kind == "duration"
    ]
    assert e.key != "sentence duration"
