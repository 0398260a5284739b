"""Frames that decide what a figure is: win-loss records and whose figure a value is
(`claims.records`, `Extraction.owner`), near misses, rates with their period and temperatures in
one scale."""

from __future__ import annotations

from corroborator.claims import extract_claims
from corroborator.claims.records import find_records, owner_before_value
from corroborator.compare.align import align_story
from corroborator.model import Sentence
from corroborator.text.sentences import split_sentences
from english_articles import english_article as _article


def split(text: str) -> list[Sentence]:
    return split_sentences(text, "en")


def _records(text: str) -> list[tuple[str, int, int, int | None, str]]:
    return [
        (text[r.start : r.end], r.wins, r.losses, r.draws, r.owner)
        for r in find_records(text, 0, len(text), [])
    ]


def test_records_after_a_name_in_parentheses_or_commas() -> None:
    text = "Oleg Varga (41-2, 30 KOs) beat Sam Roth (22-5-1) in Riga."
    assert _records(text) == [("41-2", 41, 2, None, "Varga"), ("22-5-1", 22, 5, 1, "Roth")]
    text = "Champion Oleg Varga, 41-2, 30 KOs, stopped Sam Roth."
    assert _records(text) == [("41-2", 41, 2, None, "Varga")]


def test_records_after_a_cue_belong_to_the_possessor_or_the_subject() -> None:
    assert _records("The win took Varga's record to 41-2.")[0][1:] == (41, 2, None, "Varga")
    text = (
        "Roth, the former champion, could not reach the taller Varga's chin and dropped to 22-6-1."
    )
    assert _records(text) == [("22-6-1", 22, 6, 1, "Roth")]
    text = "The stoppage in Varga's fifth defence improved the Latvian-born fighter to 42-2."
    assert _records(text)[0][4] == "Varga"
    assert _records("He carries a 17-0 record into the bout.")[0][1:3] == (17, 0)


def test_scores_ranges_and_money_are_not_records() -> None:
    for text in (
        "Harbour United won 2-1 on Sunday.",
        "Between 10-15 people were hurt.",
        "Prices rose 3-4 percent.",
        "The fund grew to $40-50 million.",
        "The meeting ran 9-11 March.",
    ):
        assert _records(text) == [], text


def test_owner_of_a_figure_by_position() -> None:
    text = "Sam Roth, 33, said he would fight again."
    start = text.index("33")
    assert owner_before_value(text, 0, start, start + 2) == "Roth"
    text = "In Riga, 30 people were hurt."
    start = text.index("30")
    assert owner_before_value(text, 0, start, start + 9) == ""


def test_record_claims_carry_owner_and_a_readable_label() -> None:
    text = "Oleg Varga (41-2, 30 KOs) beat Sam Roth (22-5-1) in Riga on Saturday."
    found = extract_claims(text, split(text), "en", "2026-05-02")
    wins = [(e.value, e.owner, e.label) for e in found if e.head == "win"]
    assert wins == [(41.0, "Varga", "Varga's wins"), (22.0, "Roth", "Roth's wins")]


def _align(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    arts = {aid: _article(aid, t) for aid, t in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    return align_story([[aid] for aid in arts], ext, arts, None)


def test_two_reports_of_one_record_conflict_and_two_owners_never_corroborate() -> None:
    claims = _align(
        {
            "a1": "Oleg Varga (41-2, 30 KOs) stopped Sam Roth (22-5-1) in Riga.",
            "a2": "Oleg Varga (42-2, 31 KOs) stopped Sam Roth (22-5-1) in Riga.",
            "a3": "Oleg Varga (41-2) beat Ivo Kallas (22-3) in the co-main event in Riga.",
        }
    )
    wins = [c for c in claims if c.kind == "quantity" and c.label.endswith("wins")]
    varga = [c for c in wins if c.label.startswith("Varga")]
    assert len(varga) == 1
    assert {m.value for m in varga[0].mentions} == {41.0, 42.0}
    assert varga[0].verdict in ("conflicting", "possible_conflict")
    # Roth's 22 and Kallas's 22 are two facts, however equal
    roth = [c for c in wins if c.label.startswith("Roth")]
    kallas = [c for c in wins if c.label.startswith("Kallas")]
    assert [{m.article for m in c.mentions} for c in roth] == [{"a1", "a2"}]
    assert [{m.article for m in c.mentions} for c in kallas] == [{"a3"}]


def test_a_small_discrepancy_on_one_fact_is_a_conflict_not_a_possible_one() -> None:
    claims = _align(
        {
            "a1": "Oleg Varga (41-2, 30 KOs) stopped Sam Roth in Riga.",
            "a2": "The stoppage took Varga's record to 42-2 in front of 9,000 fans.",
        }
    )
    (varga,) = [c for c in claims if c.label == "Varga's wins"]
    assert {m.value for m in varga.mentions} == {41.0, 42.0}
    assert varga.verdict == "conflicting"
    assert "within 10% of each other" in varga.explanation


def test_an_age_before_a_name_belongs_to_it_only_when_the_name_is_a_surname() -> None:
    text = "The 33-year-old Roth lost. Sam Roth had won before. The 32-year-old Englishman fell."
    ages = [(e.value, e.owner) for e in extract_claims(text, split(text), "en", "2026-05-02")]
    assert ages == [(33.0, "Roth"), (32.0, None)]
    claims = _align(
        {
            "a1": "The 33-year-old Ivo Kallas was stopped by the 32-year-old Oleg Varga.",
            "a2": "Oleg Varga, 33, stopped Ivo Kallas in Riga.",
        }
    )
    varga = [c for c in claims if c.label == "Varga's age"]
    assert [sorted(m.value for m in c.mentions) for c in varga] == [[32.0, 33.0]]
    assert not [
        c for c in claims if {m.value for m in c.mentions} == {33.0} and len(c.mentions) > 1
    ]


def test_near_misses_with_a_hedged_value_stay_possible() -> None:
    from corroborator.compare.align import _Item, _near_miss, _Slot
    from corroborator.model import Extraction

    def item(value: float, approximate: bool = False) -> _Item:
        e = Extraction("quantity", "distance", 0, 4, "x", value, approximate=approximate)
        return _Item("a", 0, e)

    assert _near_miss(_Slot([item(56.3), item(59.1)]))
    # a round figure beside a precise one is an approximation, no confident near miss
    assert not _near_miss(_Slot([item(56.3), item(60.0)]))
    assert not _near_miss(_Slot([item(58.0, approximate=True), item(60.0)]))
    assert not _near_miss(_Slot([item(50.0), item(60.0)]))
    assert not _near_miss(_Slot([item(0.0), item(0.0)]))


def test_a_near_miss_counts_the_unhedged_values_of_each_side() -> None:
    """ "6.1" and "about 6.0" on one side, "5.9" on the other: the hedged value leaves the
    near miss of the two plain figures a near miss; a side stated only with hedges has no
    plain figure to set against the other's."""
    from corroborator.compare.align import _Item, _near_miss, _Slot
    from corroborator.model import Extraction

    def item(value: float, approximate: bool = False) -> _Item:
        e = Extraction("quantity", "magnitude", 0, 4, "x", value, approximate=approximate)
        return _Item("a", 0, e)

    assert _near_miss(_Slot([item(6.1), item(6.0, approximate=True), item(5.9)]))
    assert not _near_miss(_Slot([item(6.1), item(5.9, approximate=True)]))
    assert not _near_miss(_Slot([item(6.1), item(6.0, approximate=True), item(4.9)]))


def test_fahrenheit_and_celsius_are_one_temperature() -> None:
    text = "It was 82 degrees Fahrenheit in the shade. The lake was at 4 degrees Celsius."
    temps = [e for e in extract_claims(text, split(text), "en", "2026-05-02") if e.unit == "°C"]
    assert [round(float(e.value), 1) for e in temps] == [27.8, 4.0]
    assert {e.head for e in temps} == {"temperature"}
    claims = _align(
        {
            "a1": "The heat reached 82 degrees Fahrenheit in Port Alder on Sunday.",
            "a2": "The heat reached 28 degrees Celsius in Port Alder on Sunday.",
        }
    )
    (temp,) = [c for c in claims if c.label == "temperature"]
    assert temp.verdict == "corroborated"


def test_rates_of_different_periods_are_two_facts() -> None:
    claims = _align(
        {
            "a1": "The new pass costs $15 a month, the operator said.",
            "a2": "The new pass costs $180 a year, the operator said.",
        }
    )
    money = [c for c in claims if c.kind == "money"]
    assert sorted(c.label for c in money) == ["pass amount per month", "pass amount per year"]
    assert not [c for c in money if c.verdict in ("conflicting", "possible_conflict")]


def test_a_toll_that_grows_from_one_report_to_the_next_is_an_update() -> None:
    texts = {
        "a1": ("2026-03-01", "Floods killed four people in Varenna, officials said."),
        "a2": ("2026-03-02", "Floods killed 12 people in Varenna, officials said."),
    }
    for stamps in (("2026-03-01", "2026-03-02"), ("2026-03-01T08:10", "2026-03-01T20:45")):
        arts = {
            aid: _article(aid, text, stamp)
            for (aid, (_, text)), stamp in zip(texts.items(), stamps, strict=True)
        }
        ext = {a: extract_claims(x.text, x.sentences, "en", x.published) for a, x in arts.items()}
        (toll,) = [
            c for c in align_story([["a1"], ["a2"]], ext, arts, None) if c.kind == "quantity"
        ]
        assert "an update, not a dispute" in toll.explanation
        assert [d["value"] for d in toll.sides] == [4, 12]
        assert [d["published"] for d in toll.sides] == list(stamps)
    # the same two figures on one day without times cannot be ordered
    arts = {aid: _article(aid, text, "2026-03-01") for aid, (_, text) in texts.items()}
    ext = {a: extract_claims(x.text, x.sentences, "en", x.published) for a, x in arts.items()}
    (toll,) = [c for c in align_story([["a1"], ["a2"]], ext, arts, None) if c.kind == "quantity"]
    assert "update" not in toll.explanation
