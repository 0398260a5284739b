"""English claim extraction: every kind, hedges, negatives, span exactness, ordering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborator.claims import extract_claims, supported_languages
from corroborator.model import Extraction, Sentence

DATA = Path(__file__).parent / "data" / "claims"


def split(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?\"”])\s+(?=[A-Z\"“0-9])", text):
        out.append(Sentence(start, m.start(), text[start : m.start()]))
        start = m.end()
    if start < len(text):
        out.append(Sentence(start, len(text), text[start:]))
    return out


def run(text: str, published: str | None = "2025-04-02", lang: str = "en") -> list[Extraction]:
    return extract_claims(text, split(text), lang, published)


def one(text: str, kind: str) -> Extraction:
    found = [e for e in run(text) if e.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "seconds", "key"),
    [
        ("The talks took two and a half hours.", 9000, "talk duration"),
        ("The meeting lasted 90 minutes.", 5400, "meeting duration"),
        ("It ended after an hour and a half.", 5400, None),
        ("They waited three quarters of an hour.", 2700, None),
        ("The meeting lasted 45 minutes.", 2700, "meeting duration"),
        ("It was a two-hour meeting.", 7200, "meeting duration"),
        ("The fire burned for two days.", 172800, "fire duration"),
        ("The rescue took half an hour.", 1800, "rescue duration"),
        ("The flight lasted 1.5 hours.", 5400, "flight duration"),
        ("The strike lasted a week.", 604800, "strike duration"),
        ("He served for 10 years.", 10 * 365 * 86400, None),
        ("The road was closed for three hours.", 10800, "road closure duration"),
        ("The vote took two hours and 30 minutes.", 9000, "vote duration"),
    ],
)
def test_durations(text: str, seconds: float, key: str | None) -> None:
    e = one(text, "duration")
    assert e.value == pytest.approx(seconds)
    assert e.unit == "s"
    assert text[e.start : e.end] == e.text
    if key:
        assert e.key == key


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("Police evacuated 300 residents.", 300, "resident evacuated"),
        ("300 residents were evacuated.", 300, "resident evacuated"),
        ("The evacuation of 300 residents began.", 300, "resident evacuated"),
        ("12 firefighters were injured.", 12, "firefighter injured"),
        ("There were 12 injured firefighters.", 12, "firefighter injured"),
        ("Three people died.", 3, "person killed"),
        ("Some 40 homes burned.", 40, "home burned"),
        ("A dozen children watched.", 12, "child watched"),
        ("Two thousand fans came.", 2000, "fan"),
        ("The town has 1,200 voters.", 1200, "voter"),
        ("Nearly 1.2 million people voted.", 1.2e6, "person voted"),
    ],
)
def test_counts(text: str, value: float, key: str) -> None:
    e = one(text, "quantity")
    assert e.value == pytest.approx(value)
    assert e.key == key
    assert e.unit is None
    assert text[e.start : e.end] == e.text


def test_count_span_is_reader_visible() -> None:
    e = one("Police evacuated some 300 residents on Monday.", "quantity")
    assert e.text == "some 300 residents"
    assert e.slot == "evacuated residents"


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2014.",
        "The meeting starts at 10:30 a.m. today.",
        "Call 555-123-4567 for details.",
        "He lives at 12 Main Street.",
        "One of the men spoke.",
        "Flight 370 vanished.",
        "She finished 3rd in the race.",
        "1. Bring water.",
        "No one could say which one was worse.",
        "It happens three times a day.",
    ],
)
def test_count_negatives(text: str) -> None:
    assert [e for e in run(text) if e.kind == "quantity"] == []


def test_age_is_a_quantity_with_head_age() -> None:
    e = one("A 34-year-old man was arrested.", "quantity")
    assert (e.value, e.key) == (34, "age")


@pytest.mark.parametrize(
    ("text", "approx", "low", "high"),
    [
        ("About 300 people left.", True, 270, 330),
        ("Approximately 300 people left.", True, 270, 330),
        ("Around 300 people left.", True, 270, 330),
        ("Roughly 300 people left.", True, 270, 330),
        ("An estimated 300 people left.", True, 270, 330),
        ("Nearly 300 people left.", True, 255, 300),
        ("Almost 300 people left.", True, 255, 300),
        ("Close to 300 people left.", True, 255, 300),
        ("More than 300 people left.", False, 300, None),
        ("Over 300 people left.", False, 300, None),
        ("At least 300 people left.", False, 300, None),
        ("Fewer than 300 people left.", False, None, 300),
        ("Less than 300 people left.", False, None, 300),
        ("Up to 300 people left.", False, None, 300),
        ("At most 300 people left.", False, None, 300),
        ("300 people left.", False, 300, 300),
        ("Between 200 and 400 people left.", True, 200, 400),
    ],
)
def test_hedges(text: str, approx: bool, low: float | None, high: float | None) -> None:
    e = one(text, "quantity")
    assert e.approximate is approx
    assert e.low == (pytest.approx(low) if low is not None else None)
    assert e.high == (pytest.approx(high) if high is not None else None)
    assert e.text.lower().startswith(text.split()[0].lower())  # hedge inside the span


def test_post_hedges_and_duration_tolerance() -> None:
    e = one("It took 30-odd minutes.", "duration")
    assert e.approximate and e.text == "30-odd minutes"
    e = one("The fire burned for about 30 hours.", "duration")
    assert e.low == pytest.approx(30 * 3600 * 0.85)


@pytest.mark.parametrize(
    ("text", "value", "unit", "key"),
    [
        ("Damage was estimated at $1.2 million.", 1.2e6, "USD", "damage amount"),
        ("It caused $1.2 million in damage.", 1.2e6, "USD", "damage amount"),
        ("They paid a fine of €40,000.", 40000, "EUR", "fine amount"),
        ("The plan has a $3bn budget.", 3e9, "USD", "budget amount"),
        ("He lost 1.2 million dollars.", 1.2e6, "USD", None),
        ("It cost £500.", 500, "GBP", None),
        ("It cost 500 euros.", 500, "EUR", None),
        ("The bill was 2,000 zł.", 2000, "PLN", None),
        ("It cost CHF 300.", 300, "CHF", None),
        ("It cost ¥5000.", 5000, "JPY", None),
    ],
)
def test_money(text: str, value: float, unit: str, key: str | None) -> None:
    e = one(text, "money")
    assert e.value == pytest.approx(value)
    assert e.unit == unit
    if key:
        assert e.key == key
    assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("Unemployment rose to 5.2%.", 5.2, "unemployment percentage"),
        ("There was a 12 percent increase in prices.", 12, "price increase percentage"),
        ("Turnout was 61 per cent of voters.", 61, None),
        # the noun the share is of: "a premium of 31 percent" is the premium
        ("Harbor is paying a premium of 31 percent.", 31, "premium percentage"),
        ("It reported a turnout of about 64 percent.", 64, "turnout percentage"),
    ],
)
def test_percentages(text: str, value: float, key: str | None) -> None:
    e = one(text, "percentage")
    assert e.value == pytest.approx(value)
    assert e.unit == "%"
    if key:
        assert e.key == key


def test_quotes_speakers_and_pronouns() -> None:
    text = (DATA / "fire_en.txt").read_text(encoding="utf-8").strip()
    quotes = [e for e in run(text) if e.kind == "quote"]
    assert [q.key for q in quotes] == ["quote: novak", "quote: novak"]
    assert quotes[0].text.startswith('"') and quotes[0].text.endswith('"')
    assert quotes[0].value == "We have never seen a blaze like this,"
    assert quotes[1].speaker == "Anna Novak"  # "she said" resolved


def test_quote_forms() -> None:
    e = one('Novak said: "The fire is out and everyone is safe."', "quote")
    assert e.key == "quote: novak"
    e = one("“Two sentences here. And more,” Novak said.", "quote")
    assert e.value == "Two sentences here. And more,"


def test_scare_quotes_are_not_quotes() -> None:
    assert [e for e in run('The so-called "safe zone" was empty.') if e.kind == "quote"] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The ministry said the fire burned for 30 hours.", "ministry"),
        ("According to officials, 12 people were injured.", "official"),
        ("Twelve people were injured, police said.", "police"),
        ("Officials told reporters that 300 residents were evacuated.", "official"),
        ("Anna Novak confirmed that the road was closed for three hours.", "novak"),
    ],
)
def test_attributions_become_the_holder_of_the_sentences_values(text: str, source: str) -> None:
    found = run(text)
    assert not [e for e in found if e.kind == "attribution"]
    values = [e for e in found if e.kind in ("duration", "quantity")]
    assert values, found
    assert {e.holder for e in values} == {source}


def test_reported_speech_without_a_value_is_not_a_claim() -> None:
    assert run("The ministry said the fire was contained.") == []


def test_article_fixture_sorted_and_exact() -> None:
    text = (DATA / "fire_en.txt").read_text(encoding="utf-8").strip()
    sents = split(text)
    out = extract_claims(text, sents, "en", "2025-04-02")
    assert out == sorted(out, key=lambda e: (e.start, e.end, e.kind))
    for e in out:
        assert text[e.start : e.end] == e.text
        s = sents[e.sentence_index]
        assert s.start <= e.start < s.end
        assert e.slot or e.kind in ("date",)
    keys = {e.key for e in out}
    assert {"fire duration", "resident evacuated", "firefighter injured"} <= keys
    assert "damage amount" in keys and "road closure duration" in keys


def test_unknown_language_is_neutral_only() -> None:
    text = "Le feu a duré 30 heures; 300 habitants, 5,2 %, 12% et €40,000, le 2025-03-03."
    out = extract_claims(text, split(text), "xx", "2025-04-02")
    # a count before a word (no duration without a lexicon: "heures" is a unit of time)
    assert sorted(e.kind for e in out) == ["date", "money", "percentage", "quantity"]
    assert [e.head for e in out if e.kind == "quantity"] == ["habitants"]


def test_empty_and_bad_input() -> None:
    assert extract_claims("", [], "en", None) == []
    assert extract_claims("Nothing to see here.", [], "en", "not a date") == []
    out = extract_claims("300 residents fled.", [Sentence(5, 2, "")], "en", None)
    assert [e.key for e in out] == ["resident fled"]


def test_supported_languages() -> None:
    assert supported_languages() == ["de", "en", "es", "fr", "pl", "ru"]


# --- Known misreads fixed (issue 4 follow-up): each failed before the fix. ---


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "A fire at the Hartwell textile warehouse in Dunmore burned for about 30 hours.",
            "fire duration",
        ),
        ("The blaze at the Hartwell textile warehouse burned for two days.", "fire duration"),
        ("Flames raged for six hours.", "fire duration"),
        (
            "The council approved the budget after a debate that lasted two and a half hours.",
            "debate duration",
        ),
        (
            "The coastal road next to the warehouse was closed for three hours.",
            "road closure duration",
        ),
    ],
)
def test_duration_head_is_the_subject(text: str, key: str) -> None:
    assert one(text, "duration").key == key


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We did what we could," said fire chief Marta Kovacs.', "Marta Kovacs"),
        ('"We did what we could," said the mayor, Ilse Brandt.', "Ilse Brandt"),
        ('"We did what we could," Kovacs, the fire chief, said.', "Kovacs"),
        ('According to fire chief Marta Kovacs: "We did what we could."', "Marta Kovacs"),
    ],
)
def test_quote_speaker_after_lowercase_role(text: str, speaker: str) -> None:
    q = one(text, "quote")
    assert q.speaker == speaker
    assert q.key == f"quote: {speaker.split()[-1].lower()}"


@pytest.mark.parametrize(
    "text",
    [
        "This was the most difficult blaze we have fought in a decade.",
        "It snowed in April for the first time in 20 years.",
        "It was the worst flood in decades.",
        "It has not rained here in a decade.",
    ],
)
def test_time_frames_are_not_durations(text: str) -> None:
    assert [e for e in run(text) if e.kind == "duration"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The line will carry 18,000 passengers a day.",
        "The committee meets twice a week.",
        "Subscribe for €1 a week.",
        "Trains run every hour.",
    ],
)
def test_rates_are_not_durations(text: str) -> None:
    assert [e for e in run(text) if e.kind == "duration"] == []


def test_time_frame_rule_keeps_real_durations() -> None:
    assert one("The fire was put out in three hours.", "duration").value == 10800
