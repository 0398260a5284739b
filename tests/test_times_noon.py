"""'noon' and 'midnight' as times of day (fictional sentences)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.lang import get_lexicon
from corroborator.claims.times import find_times
from corroborator.model import Sentence


@pytest.mark.parametrize(
    ("text", "lang", "span", "value", "approx"),
    [
        ("The polls close at noon on Friday.", "en", "noon", "12:00", False),
        ("The ferry sank shortly after midnight.", "en", "shortly after midnight", "00:00", True),
        ("The talks resume noon Thursday.", "en", "noon", "12:00", False),
        ("Die Wahllokale schließen um Mitternacht.", "de", "Mitternacht", "00:00", False),
    ],
)
def test_noon_and_midnight(text: str, lang: str, span: str, value: str, approx: bool) -> None:
    (t,) = find_times(text, 0, len(text), get_lexicon(lang))
    assert (text[t.start : t.end], t.value, t.zone, t.approximate) == (span, value, None, approx)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("They rested under the midday sun.", "en"),
        ("The midnight blue car was found.", "en"),
        ("Zu Mittag gab es Suppe.", "de"),
        ("Le vote a lieu à midi.", "fr"),  # no French entry: nothing rather than a guess
    ],
)
def test_no_time_without_a_time_preposition(text: str, lang: str) -> None:
    assert find_times(text, 0, len(text), get_lexicon(lang)) == []


def test_midnight_is_a_time_claim_not_a_count() -> None:
    text = "The bridge reopened at midnight, police said."
    out = extract_claims(text, [Sentence(0, len(text), text)], "en", "2026-03-04")
    assert [(e.kind, e.value) for e in out if e.kind in ("time", "quantity")] == [("time", "00:00")]


def test_noon_keeps_its_zone() -> None:
    text = "The polls closed at noon EDT."
    (t,) = find_times(text, 0, len(text), get_lexicon("en"))
    assert (text[t.start : t.end], t.value, t.zone) == ("noon EDT", "12:00", "EDT")


def test_the_time_a_statement_was_made_is_not_read() -> None:
    text = "'The ferry has been found,' he said just before noon EDT."
    assert find_times(text, 0, len(text), get_lexicon("en")) == []


def test_the_time_a_running_count_was_read_is_no_claim() -> None:
    # "as of 4 p.m." says when a turnout figure was read, not when anything happened: two
    # reports' readings at different hours are updates, never a disagreement about a time
    text = "Some 61 percent of voters had cast ballots as of 4 p.m., officials said."
    found = extract_claims(text, [Sentence(0, len(text), text)], "en", None)
    assert not [e for e in found if e.kind == "time"]
    text = "Polls opened at 8 a.m. and the count began at 9 p.m."
    found = extract_claims(text, [Sentence(0, len(text), text)], "en", None)
    assert [e.value for e in found if e.kind == "time"] == ["08:00", "21:00"]
