"""Value forms of real news that were misread (issue 13, fourth round): scores and records of
play, a game's clock, ages after a word for a person, spans of two times, calibres of arms,
vague amounts of a scale, weekdays that recur and datelines. Every sentence is made up for the
test."""

from __future__ import annotations

from datetime import date

import pytest

from corroborator.claims.dates import find_dates
from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import NumberMention, find_numbers, find_scores, neutral_masks
from corroborator.claims.times import find_times
from test_quantities_news_forms import run, values

EN = get_lexicon("en")
PUB = date(2025, 4, 2)  # a Wednesday


def numbers(text: str) -> list[NumberMention]:
    return find_numbers(text, 0, len(text), EN, neutral_masks(text, 0, len(text)))


# ------------------------------------------------------------------ scores and records


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("The Hawks beat the Owls 20-13 on Sunday.", "20-13"),
        ("The Hawks took a 13-3 lead after a field goal.", "13-3"),
        ("The team finished with a 9-5 record.", "9-5"),
        ("They went 8-1 in one-score games this year.", "8-1"),
        ("The Hawks are 6-2 this season.", "6-2"),
        ("The Hawks improved after a 2-13 season.", "2-13"),
        ("The Owls led 17-14 at halftime.", "17-14"),
        ("The court upheld the law in a 5-4 vote.", "5-4"),
        ("Ramos fought to a 22-6-1 record.", "22-6-1"),
        ("Jones shot 13-for-20 from the field.", "13-for-20"),
        ("The senate voted 52-48 to confirm her.", "52-48"),
    ],
)
def test_a_score_is_one_pair_of_figures(text: str, score: str) -> None:
    (sc,) = find_scores(text, 0, len(text))
    assert text[sc.start : sc.end] == score
    assert sc.figures == tuple(int(x) for x in score.split("-") if x != "for")


@pytest.mark.parametrize(
    "text",
    [
        "The Hawks beat the Owls 20-13 on Sunday.",
        "The Hawks took a 13-3 lead after a 36-yard field goal.",
        "They went 8-1 in one-score games this year.",
        "The Hawks improved after a 2-13 season.",
        "The Hawks, who went 2-13 last season, hired a coach.",
        "Their 2-13 season in 2024 was the worst in team history.",
        "The Hawks outscored the Owls 17-3 in the second half.",
        "Jones shot 13-for-20 from the field.",
    ],
)
def test_a_score_is_no_count_range_or_duration(text: str) -> None:
    for nm in numbers(text):
        assert nm.head != "age"
        assert not (isinstance(nm.raw_value, tuple) and set(nm.raw_value) & {2.0, 13.0, 3.0})
        assert nm.kind != "duration"
        assert nm.raw_value not in (13.0, 3.0, 20.0, 8.0, 17.0, 2.0)


def test_a_score_does_not_hide_the_other_figures() -> None:
    got = {(nm.raw_value, nm.head) for nm in numbers("He threw for 312 yards in a 31-17 win.")}
    assert {v for v, _h in got} == {312.0}


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 2-3% in the quarter.",
        "The 5-10 minute walk was closed.",
        "Between 20-30 people were hurt.",
    ],
)
def test_no_score_without_a_cue(text: str) -> None:
    assert find_scores(text, 0, len(text)) == []


# ------------------------------------------------------------------ the clock of a game


@pytest.mark.parametrize(
    "text",
    [
        "Jones scored with 10:03 to play.",
        "There were 6:00 remaining in the third quarter when he was hurt.",
        "Smith kicked the winner at 2:41 left in the game.",
        "The Owls had the ball at 4:12 on the clock.",
    ],
)
def test_a_game_clock_is_no_time_of_day_and_no_count(text: str) -> None:
    assert find_times(text, 0, len(text), EN) == []
    clock = text.index(":")
    near = [nm for nm in numbers(text) if nm.start <= clock + 2 and clock - 2 <= nm.end]
    # since session 15 "with 10:03 to play" is the time left, a duration
    # (tests/test_quantities_news_forms7.py); never a count
    assert all(nm.kind == "duration" and nm.head == "clock" for nm in near)


def test_a_time_of_day_is_still_read() -> None:
    (t,) = find_times("The crash happened at 6:40 p.m. on Friday.", 0, 42, EN)
    assert t.value == "18:40"


# ------------------------------------------------------------------ ages


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Her daughter, 11, was taken to hospital.", [11.0]),
        ("Her daughter, 11, and her son, 9, were not hurt.", [11.0, 9.0]),
        ("His daughters, 11 and 9, were in the car.", [11.0, 9.0]),
        ("A woman, 34, and her daughter, 11, were hurt.", [34.0, 11.0]),
        ("Smith, 42, said the fire started at night.", [42.0]),
    ],
)
def test_an_age_after_a_word_for_a_person(text: str, ages: list[float]) -> None:
    got = [nm for nm in numbers(text)]
    assert [nm.raw_value for nm in got] == ages
    assert {nm.head for nm in got} == {"age"}


def test_a_count_of_children_stays_a_count() -> None:
    (nm,) = numbers("The couple has 11 daughters.")
    assert (nm.raw_value, nm.head) == (11.0, "daughter")


# ------------------------------------------------------------------ spans of two times


@pytest.mark.parametrize(
    ("text", "values_"),
    [
        ("The shop is open from 9 a.m. until 5 p.m. on weekdays.", ["09:00", "17:00"]),
        ("Polls are open between 7 a.m. and 8 p.m. local time.", ["07:00", "20:00"]),
        ("The office opens 9am-5pm.", ["09:00", "17:00"]),
    ],
)
def test_two_times_of_a_span_are_each_a_value(text: str, values_: list[str]) -> None:
    got = find_times(text, 0, len(text), EN)
    assert [t.value for t in got] == values_
    assert [t.span_role for t in got] == ["from", "until"]
    assert [v for v, _k in values(text, "time")] == values_


def test_two_moments_are_no_span() -> None:
    text = "Buses left at 9 a.m. and 5 p.m."
    assert [t.span_role for t in find_times(text, 0, len(text), EN)] == [None, None]


# ------------------------------------------------------------------ calibres


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("He was shot with a .357 Magnum.", [(0.357, "calibre")]),
        ("Police found a 9mm pistol in the car.", []),
        ("The boy had a .22-calibre rifle.", [(0.22, "calibre")]),
        (
            "Officers recovered a .45-caliber handgun and a 12-gauge shotgun.",
            [(0.45, "calibre"), (12.0, "gauge")],
        ),
        ("He bought a 9-mm Glock at a gun show.", []),
        ("The army fired 155mm shells at the ridge.", []),
        # bad HTML splits the dot off: "a. 38-caliber" is .38, not 38 of anything
        ("Voss had a loaded. 38-caliber revolver.", [(0.38, "calibre")]),
        ("Police found a 40-calibre handgun.", [(0.4, "calibre")]),
    ],
)
def test_a_calibre_is_its_own_measure_never_a_count_or_length(
    text: str, read: list[tuple[float, str]]
) -> None:
    got = numbers(text)
    assert [(nm.raw_value, nm.unit) for nm in got] == read
    assert all(nm.head == nm.unit for nm in got)


def test_a_count_of_guns_is_still_read() -> None:
    (nm,) = numbers("Police seized 40 pistols and rifles.")
    assert (nm.raw_value, nm.head) == (40.0, "pistol")


@pytest.mark.parametrize(
    ("text", "value", "head", "calibre"),
    [
        ("Police seized two 9mm pistols.", 2.0, "pistol", None),
        ("He bought two .40-caliber pistols.", 2.0, "pistol", (0.4, "calibre")),
        ("Officers took three 12-gauge shotguns.", 3.0, "shotgun", (12.0, "gauge")),
    ],
)
def test_a_count_reaches_over_a_calibre_to_its_noun(
    text: str, value: float, head: str, calibre: tuple[float, str] | None
) -> None:
    got = numbers(text)
    counts = [nm for nm in got if nm.unit is None]
    (nm,) = counts
    assert (nm.raw_value, nm.head) == (value, head)
    assert [(c.raw_value, c.unit) for c in got if c.unit] == ([calibre] if calibre else [])


def test_a_length_in_millimetres_is_still_read() -> None:
    (nm,) = numbers("The rain gauge recorded 9mm of rain overnight.")
    assert nm.raw_value == 9.0


# ------------------------------------------------------------------ vague amounts


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The virus infected millions of computers.", 2e6, 1e7 - 1),
        ("Hackers defaced thousands of sites.", 2e3, 1e4 - 1),
        ("Several thousand people marched.", 2e3, 1e4 - 1),
        ("A few hundred protesters gathered.", 200.0, 999.0),
        ("The firm lost a couple of million dollars.", 2e6, 3e6 - 1),
    ],
)
def test_a_vague_amount_is_an_interval(text: str, low: float, high: float) -> None:
    (e,) = [e for e in run(text) if e.kind in ("quantity", "money")]
    assert (e.low, e.high, e.approximate) == (low, high, True)


# ------------------------------------------------------------------ recurring weekdays


@pytest.mark.parametrize(
    "text",
    [
        "Updates are released on the second Tuesday of each month.",
        "The council meets on the first Monday of every month.",
        "The group meets on the last Friday of the month.",
        "The market opens every Tuesday.",
        "Meetings are held each Monday.",
    ],
)
def test_a_recurring_weekday_is_no_date(text: str) -> None:
    assert find_dates(text, 0, len(text), EN, PUB) == []
    assert find_dates(text, 0, len(text), EN, None) == []


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("He left on the first Monday in March.", "2025-03-03", "first Monday in March"),
        ("The vote is on the last Friday of June 2024.", "2024-06-28", "last Friday of June 2024"),
    ],
)
def test_the_nth_weekday_of_a_month_is_that_day(text: str, value: str, span: str) -> None:
    (d,) = find_dates(text, 0, len(text), EN, PUB)
    assert (d.value, text[d.start : d.end]) == (value, span)


def test_a_plain_weekday_still_resolves() -> None:
    (d,) = find_dates("The fire started on Tuesday.", 0, 28, EN, PUB)
    assert d.value == "2025-04-01"


# ------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    "text",
    [
        "Sep 10 (Wire) - Three people were killed in a fire.",
        "LIMA, March 3 (Wire) - Two miners died in the collapse.",
        "TOKYO (Wire) Sep 10 - Two miners died in the collapse.",
    ],
)
def test_a_dateline_is_no_claim(text: str) -> None:
    assert [d.dateline for d in find_dates(text, 0, len(text), EN, PUB)] == [True]
    assert values(text, "date") == []


# ------------------------------------------------------------------ more forms of play


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("He hit five 3-pointers in the half.", 5.0, "pointer"),
        ("Smith scored 112 off 98 balls.", 98.0, "ball"),
    ],
)
def test_counts_of_play(text: str, value: float, head: str) -> None:
    (nm,) = numbers(text)
    assert (nm.raw_value, nm.head) == (value, head)


@pytest.mark.parametrize(
    "text", ["He hit a 3-pointer to tie it.", "He scored on 12-of-18 shooting."]
)
def test_names_and_rates_of_play_count_nothing(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The sale is held every other Saturday.",
        "It happens on the first Sunday after the vote.",
    ],
)
def test_weekdays_that_name_no_day_we_can_resolve(text: str) -> None:
    assert find_dates(text, 0, len(text), EN, PUB) == []


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("He was born on the fourth of July.", "2024-07-04", "fourth of July"),
        ("The thirty-first of March was a Monday.", "2025-03-31", "thirty-first of March"),
        ("It was the twenty-second of June.", "2024-06-22", "twenty-second of June"),
    ],
)
def test_a_spelled_ordinal_day(text: str, value: str, span: str) -> None:
    got = [(d.value, text[d.start : d.end]) for d in find_dates(text, 0, len(text), EN, PUB)]
    assert got[0] == (value, span)


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("The protest is planned between 2 and 4 p.m. on Friday.", ["14:00", "16:00"]),
        ("The clinic is open from 11 to 2 p.m.", ["11:00", "14:00"]),
        ("The curfew runs from 10 until 5 a.m.", ["22:00", "05:00"]),
    ],
)
def test_the_first_hour_of_a_span_takes_the_half_of_the_day(text: str, got: list[str]) -> None:
    times = find_times(text, 0, len(text), EN)
    assert [t.value for t in times] == got
    assert [t.span_role for t in times] == ["from", "until"]


def test_a_count_before_a_time_is_no_hour() -> None:
    text = "Between 20 and 30 people came at 4 p.m."
    assert [t.value for t in find_times(text, 0, len(text), EN)] == ["16:00"]


@pytest.mark.parametrize(
    "text",
    [
        "The Hawks are a .500 team this season.",
        "They finished above .500 for the first time.",
        "They have a .615 winning percentage.",
    ],
)
def test_a_share_of_games_won_is_a_standing(text: str) -> None:
    (nm,) = numbers(text)
    assert nm.head == "winning percentage"
    assert text[nm.start : nm.end].startswith(".")


@pytest.mark.parametrize(
    ("lang", "text", "one_day"),
    [
        ("de", "Der Markt ist jeden Dienstag geöffnet.", "Der Markt war am Dienstag geöffnet."),
        ("fr", "Le marché ouvre chaque mardi.", "Le marché a ouvert mardi."),
        ("es", "El mercado abre cada martes.", "El mercado abrió el martes."),
    ],
)
def test_a_recurring_weekday_is_no_date_in_other_languages(
    lang: str, text: str, one_day: str
) -> None:
    assert find_dates(text, 0, len(text), get_lexicon(lang), PUB) == []
    (d,) = find_dates(one_day, 0, len(one_day), get_lexicon(lang), PUB)
    assert d.value == "2025-04-01"
