"""Dates and times, second round of issue 13 (fictional sentences): years read out in words,
publication stamps in feed form, vague spans between two events, and the issue's forms
(relative days alike across languages and stamp forms, datelines, zones)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.dates import parse_published
from corroborator.claims.lang import get_lexicon
from corroborator.claims.timex import find_timex
from corroborator.model import Sentence


def claims(text: str, lang: str = "en", published: str | None = "1998-01-15") -> list:
    return extract_claims(text, [Sentence(0, len(text), text)], lang, published)


def spans(text: str, kind: str, lang: str = "en", published: str | None = "1998-01-15") -> dict:
    return {text[e.start : e.end]: e.value for e in claims(text, lang, published) if e.kind == kind}


# ------------------------------------------------------------------ years read out in words


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mayor was first elected in nineteen ninety-one.", "nineteen ninety-one", "1991"),
        ("Dunmore, nineteen ninety-six: a flood swept the park.", "nineteen ninety-six", "1996"),
        ("It recalled a nineteen eighty flood.", "nineteen eighty", "1980"),
        ("The dam opened in June nineteen ninety-seven.", "June nineteen ninety-seven", "1997-06"),
        (
            "The dam opened in January of nineteen sixty-two.",
            "January of nineteen sixty-two",
            "1962-01",
        ),
    ],
)
def test_spelled_out_years_are_dates(text: str, span: str, value: str) -> None:
    assert spans(text, "date") == {span: value}
    assert spans(text, "quantity") == {}  # no count of 115 or 99


@pytest.mark.parametrize(
    "text",
    [
        "Twenty five people were hurt.",  # 20 + 5: a count
        "Nineteen hundred people marched.",  # a count, not 1900
        "They may nineteen times try.",  # 'may' is no month
    ],
)
def test_counts_in_words_stay_counts(text: str) -> None:
    assert spans(text, "date") == {}


# ------------------------------------------------------------------ publication stamps


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2026-03-04", "2026-03-04"),
        ("2026-03-04T23:30:00-05:00", "2026-03-04"),
        ("Wed, 04 Mar 2026 23:30:00 -0500", "2026-03-04"),  # RSS / RFC 2822
        ("04 Mar 2026 08:00 GMT", "2026-03-04"),
    ],
)
def test_published_stamp_forms(stamp: str, day: str) -> None:
    got = parse_published(stamp)
    assert got is not None and got.isoformat() == day


@pytest.mark.parametrize("stamp", ["yesterday", "Wed, 31 Feb 2026 10:00:00 GMT", "", "2026-13-01"])
def test_bad_published_stamps_are_none(stamp: str) -> None:
    assert parse_published(stamp) is None


@pytest.mark.parametrize(
    ("en_stamp", "de_stamp"),
    [
        ("2026-03-04T22:00:00-05:00", "2026-03-04T07:00:00+01:00"),
        ("Wed, 04 Mar 2026 22:00:00 -0500", "2026-03-04"),
        ("Thu, 05 Mar 2026 06:00:00 GMT", "Thu, 05 Mar 2026 09:00:00 +0100"),
    ],
)
def test_wednesday_and_mittwoch_same_day_any_stamp(en_stamp: str, de_stamp: str) -> None:
    en = spans("The ferry sank on Wednesday.", "date", "en", en_stamp)
    de = spans("Die Fähre sank am Mittwoch.", "date", "de", de_stamp)
    assert list(en.values()) == list(de.values()) == ["2026-03-04"]


# ------------------------------------------------------------------ datelines and zones


@pytest.mark.parametrize(
    ("text", "lang", "claim"),
    [
        ("LIMA, March 3 (Wire) - A strong quake struck the coast on Wednesday.", "en", "Wednesday"),
        ("PARIS, 3 mars (Agence) - Un séisme a frappé la côte mercredi.", "fr", "mercredi"),
        ("BERLIN, 3. März (Dienst) - Ein Beben traf am Mittwoch die Küste.", "de", "Mittwoch"),
        # a month cut short, which the tables leave out ("sept" is also seven in French)
        ("Madrid, 3 mar (Agencia).- Un sismo sacudió la costa el miércoles.", "es", "miércoles"),
        ("PARIS, 3 sept (Agence) - Un séisme a frappé la côte mercredi.", "fr", "mercredi"),
        ("LIMA, Mar 3 (Wire) - A strong quake struck the coast on Wednesday.", "en", "Wednesday"),
    ],
)
def test_dateline_is_no_claim(text: str, lang: str, claim: str) -> None:
    got = claims(text, lang, "2026-03-05")
    assert [text[e.start : e.end] for e in got if e.kind == "date"] == [claim]
    assert [e for e in got if e.kind == "quantity"] == []


def test_abbreviated_month_without_a_dateline_is_no_date() -> None:
    assert spans("Compró 3 mar (sic) bolsas.", "date", "es", "2026-03-05") == {}


@pytest.mark.parametrize(
    ("text", "lang", "value", "zone"),
    [
        ("The blast came at 10:35 a.m. local time.", "en", "10:35", "local"),
        ("The blast came at 0735 GMT on Friday.", "en", "07:35", "GMT"),
        ("Die Explosion war um 6.10 Uhr MEZ.", "de", "06:10", "MEZ"),
        ("La explosión fue a las 6.10 hora local.", "es", "06:10", "local"),
        ("The blast came at 3 p.m. EST.", "en", "15:00", "EST"),
        ("L'explosion a eu lieu à 17h30 GMT.", "fr", "17:30", "GMT"),
        ("La explosión fue a las 18 h 30 GMT.", "es", "18:30", "GMT"),
    ],
)
def test_times_keep_their_stated_zone(text: str, lang: str, value: str, zone: str) -> None:
    (t,) = [e for e in claims(text, lang, "2026-03-05") if e.kind == "time"]
    assert (t.value, t.unit) == (value, zone)


# ------------------------------------------------------------------ vague spans (TimeML only)


def timex(text: str) -> dict[str, str]:
    from datetime import date

    got = find_timex(text, 0, len(text), get_lexicon("en"), date(1998, 1, 15))
    return {text[r.start : r.end]: r.value for r in got}


def test_a_few_days_later_is_a_vague_duration() -> None:
    assert timex("A few days later, the council voted.") == {"A few days": "PXD"}
    assert timex("He had left several months before the vote.") == {"several months": "PXM"}


def test_bare_days_later_and_years_ago_are_not() -> None:
    assert timex("Days later, the council voted.") == {}
    assert timex("Several years ago the mill closed.") == {}


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Le séisme a eu lieu à 6h10 mercredi.", "fr", "06:10"),
        ("El sismo ocurrió a las 18 h 30.", "es", "18:30"),
    ],
)
def test_hour_h_minute_is_a_time(text: str, lang: str, value: str) -> None:
    assert list(spans(text, "time", lang, "2026-03-05").values()) == [value]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Il a couru le marathon en 2h10.", "fr"), ("She ran the marathon in 2h10 on Sunday.", "en")],
)
def test_hour_h_minute_race_times_are_not_times(text: str, lang: str) -> None:
    assert spans(text, "time", lang, "2026-03-05") == {}


# ------------------------------------------------------------------ a weekday before its day


@pytest.mark.parametrize(
    ("text", "lang", "span", "value"),
    [
        ("The vote is on Tuesday, April 28, officials said.", "en", "Tuesday, April 28", "04-28"),
        ("The paper wrote on Saturday, April 25: it erred.", "en", "Saturday, April 25", "04-25"),
        ("The vote was on Sunday, the 19th of April.", "en", "Sunday, the 19th of April", "04-19"),
        ("Die Wahl fand am Sonntag, 19. April statt.", "de", "Sonntag, 19. April", "04-19"),
    ],
)
def test_weekday_before_its_day_is_one_date(text: str, lang: str, span: str, value: str) -> None:
    assert spans(text, "date", lang, "1998-04-24") == {span: f"1998-{value}"}


def test_weekday_and_a_later_day_stay_two_dates() -> None:
    got = spans("They met Monday, and on April 28 they voted.", "date", "en", "1998-04-24")
    assert got == {"Monday": "1998-04-20", "April 28": "1998-04-28"}


def test_for_now_is_present_ref_from_now_is_not() -> None:
    assert timex("The road stays closed for now.") == {"now": "PRESENT_REF"}
    assert timex("The road reopens a week from now.") == {}


def test_the_recent_event_is_no_past_ref() -> None:
    assert timex("He blamed the recent collapse of the bank.") == {}
    assert timex("He blamed recent floods.") == {"recent": "PAST_REF"}


def test_weekday_before_a_page_stamp_leaves_the_headline_alone() -> None:
    text = (
        "Ferry sinks off the coast at the weekend Monday 14 September 2026 03:31 BST "
        "A ferry sank off the coast on Saturday, the coastguard said."
    )
    got = spans(text, "date", "en", None)
    assert got == {"the weekend": "2026-W37-WE", "Saturday": "2026-09-12"}
