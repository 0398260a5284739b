"""Value forms of real news that were misread or missed (issue 13, session 15), every sentence
made up: spaced fractions from bad HTML, a player's height and weight in parentheses, the game
clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.claims.extract import extract_claims
from corroborator.text.sentences import split_sentences


def _values(text: str) -> list[tuple[str, float, str]]:
    return [
        (e.kind, round(float(e.value), 4), e.key)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind in ("quantity", "duration")
    ]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("He served 3-1 / 2 months in a state prison.", 3.5),
        ("He got a 3-1 / 2-month jail term.", 3.5),
        ("He served 3 1/2 months in a state prison.", 3.5),
    ],
)
def test_a_mixed_number_with_a_spaced_slash_is_one_value(text: str, months: float) -> None:
    ((kind, seconds, _),) = _values(text)
    assert kind == "duration" and seconds == pytest.approx(months * 2_592_000, rel=0.02)


def test_a_spaced_slash_after_a_score_is_no_fraction() -> None:
    assert _values("The vote was 7-1 / 2 in favour.") == []


def test_a_players_height_and_weight_in_parentheses_are_no_record() -> None:
    values = _values("Running back Dale Quill (5-10, 230) played at Harlow State.")
    assert [(k, key) for k, _, key in values] == [("quantity", "height"), ("quantity", "weight")]
    height, weight = values[0][1], values[1][1]
    assert height == pytest.approx((5 * 12 + 10) * 0.0254, abs=1e-3)
    assert weight == pytest.approx(230 * 0.45359237, abs=1e-2)
    assert _values("Quill (6-2, 205 pounds) signed on Tuesday.")[0][2] == "height"
    # a team's record and a fighter's record with knockouts stay records
    assert _values("The Otters (5-11) lost again.") == [("quantity", 5.0, "win")]
    assert ("quantity", 41.0, "win") in _values("Varga (41-2, 30 KOs) won the title.")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("The Otters led 45-40 with 8:17 to go.", 497.0),
        ("Quill tied the game with 5: 00 minutes remaining in the second quarter.", 300.0),
        ("Quill hit a jumper with 12:35 left in the first half.", 755.0),
        ("Vance scored with just 0:52 on the clock.", 52.0),
    ],
)
def test_the_game_clock_is_the_time_left(text: str, seconds: float) -> None:
    assert _values(text)[-1:] == [("duration", seconds, "time left")]


@pytest.mark.parametrize(
    "text", ["The train left at 8:17 to go to Harlow.", "The ratio was 8:17 in the sample."]
)
def test_a_clock_time_without_its_cue_is_no_game_clock(text: str) -> None:
    assert not [v for v in _values(text) if v[0] == "duration"]


def test_two_reports_of_one_game_clock_are_labelled_by_the_play(tmp_path: Path) -> None:
    from corroborator.nlp import spacy_available

    if not spacy_available("en"):
        pytest.skip("English spaCy pipeline absent")
    from typer.testing import CliRunner

    from corroborator.cli import app

    rows = [
        {
            "url": "https://a.example/1",
            "title": "Otters edge Falcons",
            "text": "The Harlow Otters beat the Falcons 70-68 on Sunday. Dale Quill hit the "
            "winning jumper with 8:17 to go in the game.",
        },
        {
            "url": "https://b.example/2",
            "title": "Falcons fall to Otters",
            "text": "Harlow beat the visiting Falcons 70-68 on Sunday night. Dale Quill hit "
            "the winning jumper with 8:17 left.",
        },
    ]
    src = tmp_path / "g.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "r.json"
    res = CliRunner().invoke(app, ["compare", str(src), "-f", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    claims = [c for s in json.loads(out.read_text())["stories"] for c in s["claims"]]
    (clock,) = [c for c in claims if c["kind"] == "duration"]
    assert clock["verdict"] == "corroborated"
    assert clock["label"].startswith("time left when")


def _counted(text: str) -> list[tuple[float, str | None, float | None, float | None]]:
    return [
        (float(e.value), e.head, e.low, e.high)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "quantity"
    ]


def test_a_nationality_before_a_group_noun_is_no_gang_name() -> None:
    assert [c[:2] for c in _counted("Marines detained 31 Sudanese crew on the skiffs.")] == [
        (31.0, "crew")
    ]
    # a number that is part of a gang's name stays no count
    assert _counted("Police arrested 8 Block gang members.") == []


def test_dead_at_an_age_is_the_age_at_death() -> None:
    assert [c[:2] for c in _counted("Harbour actor Dale Quill dead at 88.")] == [(88.0, "age")]
    assert _counted("He was found dead at 4 Elm Court.") == []


def test_no_children_is_a_count_of_zero_children() -> None:
    assert [c[:2] for c in _counted("The couple had no children.")] == [(0.0, "child")]
    assert [c[:2] for c in _counted("He has no sons.")] == [(0.0, "son")]
    # a zero of anything else still needs an event
    assert _counted("They had no money.") == []
    assert _counted("They have no reason to stay.") == []


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("The 40-plus victims were named.", 40.0, "victim"),
        ("He spent four-plus seasons in Harlow.", 4.0, "season"),
    ],
)
def test_a_number_plus_is_a_lower_bound_of_the_noun_after(
    text: str, value: float, head: str
) -> None:
    ((v, h, low, high),) = _counted(text)
    assert (v, h, high) == (value, head, None)
    assert low == value


def test_game_clocks_agree_only_to_the_second() -> None:
    from corroborator.compare.align import values_agree

    def clock(text: str):  # type: ignore[no-untyped-def]
        (e,) = [
            e
            for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
            if e.kind == "duration"
        ]
        return e

    a, b = clock("Quill scored with 8:17 to go."), clock("Quill scored with 8:18 to go.")
    assert not values_agree(a, b)
    assert values_agree(a, clock("Quill scored with 8:17 left."))
    # other durations keep the relative tolerance of unit conversions
    c, d = clock("The talks lasted 461 seconds."), clock("The talks lasted 462 seconds.")
    assert values_agree(c, d)


@pytest.mark.parametrize(
    ("text", "times", "key"),
    [
        ("It was the third time he chaired the panel.", 3.0, "time chaired"),
        ("It marks the fifth time the Otters have won the title.", 5.0, "time won"),
    ],
)
def test_the_nth_time_before_its_clause_counts_how_often(text: str, times: float, key: str) -> None:
    assert [(v, k) for _, v, k in _values(text)] == [(times, key)]


@pytest.mark.parametrize(
    "text",
    ["It was the second time around for the band.", "The last time she sang was in Harlow."],
)
def test_the_nth_time_with_no_event_after_it_is_no_count(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The game was dead even at 21.",
        "Quill finished dead last at 40.",
        "Shares were dead flat at 102.",
        "Quill and her husband had no children together.",
        "The bus had no children aboard when it crashed.",
        "We have no kids in the program yet, the director said.",
        "Turnout among voters in the 65-plus age group rose.",
        "The 40-plus crowd cheered.",
        "Ruiz led the marathon with 1:05 left after a late surge.",
        "Polls closed with 10:45 remaining on the count.",
    ],
)
def test_the_new_forms_read_nothing_that_is_not_there(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a past verb before the day wins over a "will" after it
        ("The envoys issued a joint statement Friday saying the towns will join.", "1999-03-12"),
        # a fronted "Until Thursday," reads the tense of its main clause
        ("Until Thursday, they had not called him a suspect.", "1999-03-11"),
        # the future still reads forward
        ("The ministers will meet Thursday in Harlow.", "1999-03-18"),
        ("Officials said the talks will resume Thursday.", "1999-03-18"),
        ("The deadline runs until Thursday, officials said.", "1999-03-18"),
    ],
)
def test_a_weekday_takes_the_tense_of_its_own_verb(text: str, day: str) -> None:
    (date,) = [
        e.value
        for e in extract_claims(text, split_sentences(text, "en"), "en", "1999-03-13")
        if e.kind == "date"
    ]
    assert date == day
