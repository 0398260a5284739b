"""The two ends of one period of time are keyed as its start and its end (`claims.extract`)."""

from __future__ import annotations

from corroborator.claims import extract_claims
from corroborator.text.sentences import split_sentences


def test_the_ends_of_a_span_are_its_start_and_end_times() -> None:
    text = "The library was open from 9 a.m. until 5 p.m. on Saturday."
    times = [
        e for e in extract_claims(text, split_sentences(text, "en"), "en", None) if e.kind == "time"
    ]
    assert [(e.value, e.key) for e in times] == [
        ("09:00", "library start time"),
        ("17:00", "library end time"),
    ]


def test_a_lone_time_keeps_its_key() -> None:
    text = "The library opened at 9 a.m. on Saturday."
    (time,) = [
        e for e in extract_claims(text, split_sentences(text, "en"), "en", None) if e.kind == "time"
    ]
    assert "start" not in time.key and "end" not in time.key
