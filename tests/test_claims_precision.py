"""Verdict precision guards and head normalisation (fictional reports written for these tests).

On real multi-outlet coverage most wrong conflicts set two different measured things against
each other, read a conflict inside one article, a round figure against a precise one, or a
weekday resolved in another week; these tests pin each guard, and the head forms that let one
fact land in one claim ("Three die" / "three people were killed").
"""

from __future__ import annotations

from dataclasses import replace

from corroborator.claims import extract_claims
from corroborator.compare.align import (
    _fold_same_day,
    _Item,
    _Slot,
    align_story,
    dates_agree,
    numbers_agree,
    significant_digits,
    times_agree,
)
from corroborator.model import Article, Claim, Extraction, Sentence
from corroborator.text.sentences import split_sentences
from english_articles import english_story as _align


def split(text: str) -> list[Sentence]:
    return split_sentences(text, "en")


def claims_of(text: str, published: str | None = "2026-05-02") -> list[Extraction]:
    return extract_claims(text, split(text), "en", published)


def heads_of(text: str, kind: str) -> dict[str, str | None]:
    """The head of each `kind` claim of `text`, by its span's text."""
    return {e.text: e.head for e in claims_of(text) if e.kind == kind}


def _value(v: float, kind: str = "money") -> Extraction:
    return Extraction(kind=kind, key="k", start=0, end=1, text=str(v), value=v)  # type: ignore[arg-type]


# --- heads: one counted thing, one head -------------------------------------------------


def test_deaths_and_die_count_people_killed() -> None:
    heads = {e.text: e.key for e in claims_of("Three die in bank fire. There were two deaths.")}
    assert heads == {"Three die": "person killed", "two deaths": "person killed"}
    (e,) = claims_of("Three people were killed in the fire.")
    assert e.key == "person killed"


def test_population_forms_share_one_head() -> None:
    text = (
        "The island is home to about 120,000 people. It has a population of 100,000. "
        "The valley has 200,000 residents. Some 300 residents were evacuated."
    )
    keys = {e.value: e.key for e in claims_of(text)}
    assert keys[120000] == keys[100000] == keys[200000] == "population"
    assert keys[300] == "resident evacuated"  # residents something happened to stay residents


def test_a_verb_with_its_particle_is_the_verb_not_the_head() -> None:
    (t, _d) = claims_of("The fire broke out at about 9.25pm on Thursday.")
    assert t.kind == "time" and t.head == "fire"
    (t,) = claims_of("The raid took place around 5:15 a.m. local time.")
    assert t.head == "raid"


def test_labels_name_counted_things_in_the_plural() -> None:
    labels = {e.text: e.label for e in claims_of("Two climbers were killed. One man was hurt.")}
    assert labels == {"Two climbers": "climbers killed", "One man": "man injured"}
    (e,) = claims_of("A 5,000-strong crowd gathered.")
    assert e.label == "strong"  # an adjective as written is not made plural


def test_a_place_after_a_name_is_not_the_owner() -> None:
    (e,) = claims_of("Emil Tarnow of Crestline Heights, 48, was shot.")
    assert e.owner == "Tarnow"
    (e,) = claims_of("A man from Dover, 48, was shot.")
    assert e.owner is None
    # ... unless the run before "of" is itself a place: the person is the one named after it
    (e,) = [
        x
        for x in claims_of("The shooting in Lanmark of Tomas Brill, 15, was filmed.")
        if x.kind == "quantity"
    ]
    assert e.owner == "Brill"


# --- values: wording is no disagreement ---------------------------------------------------


def test_significant_digits() -> None:
    assert [significant_digits(v) for v in (163e6, 38350, 10000, 5.9, 0.05, 7264.38)] == [
        3,
        4,
        1,
        2,
        1,
        6,
    ]


def test_a_round_figure_agrees_with_the_precise_one_it_rounds() -> None:
    assert numbers_agree(_value(38350), _value(38000))
    assert numbers_agree(_value(52480), _value(52000))
    assert not numbers_agree(_value(163e6), _value(161e6))  # same precision: a real gap
    assert not numbers_agree(_value(12, "quantity"), _value(10, "quantity"))  # small counts
    assert not numbers_agree(_value(1150), _value(1000))  # 15 % is more than rounding


def test_a_converted_measure_has_no_precision_to_round() -> None:
    # "36 miles" is kept as 57,936.384 m: those digits are the conversion's, not the article's,
    # so "60km" is no rounding of it (the two are 3.5 % apart: a different distance)
    def metres(v: float) -> Extraction:
        return Extraction(
            kind="quantity", key="distance", start=0, end=1, text="d", value=v, unit="m"
        )

    assert not numbers_agree(metres(57936.384), metres(60000.0))
    assert numbers_agree(_value(57936), _value(60000))  # a bare count or a sum is as written


def test_midnight_and_one_minute_past_are_one_deadline() -> None:
    t = [
        Extraction(kind="time", key="k", start=0, end=1, text=v, value=v)
        for v in ("00:00", "00:01", "00:05")
    ]
    assert times_agree(t[0], t[1])
    assert not times_agree(t[0], t[2])


# --- verdicts -------------------------------------------------------------------------------


def test_two_different_measured_things_never_conflict() -> None:
    claims = _align(
        {
            "a1": "The bloc said its steel exports are worth $9 billion a year.",
            "a2": "The bloc's retaliation list is worth $4 billion, officials said.",
        }
    )
    assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]


def test_a_disagreement_inside_one_article_is_possible_at_most() -> None:
    claims = _align(
        {
            "a1": "The storm killed 12 people in the port. Later the storm killed 15 people.",
            "a2": "A storm hit the port town on Tuesday.",
        }
    )
    assert not [c for c in claims if c.verdict == "conflicting"]


def test_two_outlets_with_different_tolls_conflict() -> None:
    claims = _align(
        {
            "a1": "The storm killed 12 people in the port town of Varna on Tuesday.",
            "a2": "The storm killed 15 people in the port town of Varna on Tuesday.",
        }
    )
    (toll,) = [c for c in claims if c.label == "people killed"]
    assert toll.verdict == "conflicting"


def test_a_round_figure_and_a_precise_one_are_no_near_miss() -> None:
    claims = _align(
        {
            "a1": "The couple spent $10,000 on garden furniture, prosecutors said.",
            "a2": "The couple spent $9,587.64 on garden furniture, prosecutors said.",
        }
    )
    assert not [c for c in claims if c.verdict == "conflicting"]


def test_one_as_a_word_counts_nothing_unless_something_happened_to_it() -> None:
    assert not [e for e in claims_of("At one point the crowd cheered.") if e.kind == "quantity"]
    assert not [e for e in claims_of("One appeared to be damaged.") if e.kind == "quantity"]
    (e,) = claims_of("One man was injured.")
    assert e.key == "man injured"


def test_a_range_and_a_bound_inside_it_agree() -> None:
    (a,) = [
        e for e in claims_of("His net worth is between $14 and $17 million.") if e.kind == "money"
    ]
    (b,) = [e for e in claims_of("He earned nearly $15 million.") if e.kind == "money"]
    assert numbers_agree(a, b)


def test_equal_counts_of_unrelated_things_are_not_corroborated() -> None:
    from corroborator.embed import default_embedder

    texts = {
        "a1": "Police said the escaped inmate had stolen three guns from the farm on Monday.",
        "a2": "The escaped inmate was serving three life sentences, police said on Monday.",
    }
    claims = _align(texts, embedder=default_embedder())
    threes = [c for c in claims if c.kind == "quantity" and {m.value for m in c.mentions} == {3.0}]
    assert threes and all(c.verdict == "single_source" for c in threes)


def test_written_ranges_agree_with_what_falls_inside_them() -> None:
    texts = {
        "a1": "Chief Ana Diaz said 25 to 30 volunteer firefighters fought the barn fire.",
        "a2": "Chief Ana Diaz said 20 to 30 volunteer firefighters fought the barn fire.",
        "a3": "About 30 volunteer firefighters fought the barn fire, Chief Ana Diaz said.",
    }
    claims = [c for c in _align(texts) if c.kind == "quantity"]
    assert [(c.verdict, c.support) for c in claims] == [("corroborated", 3)]
    (a,) = [e for e in claims_of(texts["a2"]) if e.kind == "quantity"]
    (b,) = [e for e in claims_of(texts["a3"]) if e.kind == "quantity"]
    assert numbers_agree(a, b)  # 25, the range's middle, is outside "about 30"; 20-30 is not


def test_unnamed_figures_of_a_stat_sheet_are_not_set_against_each_other() -> None:
    """Three or more unnamed lengths in every article (a game's yards): which play each one is
    is not read, so their differences are no conflict (the price: a real disagreement about
    one play is missed too)."""
    from corroborator.embed import default_embedder

    texts = {
        "a1": "Reyes ran for 12 yards early. Later he gained 40 yards. He added 7 yards late.",
        "a2": "Reyes ran for 15 yards early. Later he gained 40 yards. He added 9 yards late.",
    }
    claims = [c for c in _align(texts, embedder=default_embedder()) if c.kind == "quantity"]
    assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]
    assert [c.support for c in claims if c.verdict == "corroborated"] == [2]  # the 40 yards


def test_equal_small_counts_need_near_synonym_heads() -> None:
    """ "Two" is said of many things in one story: an equal small count corroborates only when
    the counted things are near synonyms, and "people" / "men" name any group of people."""
    from corroborator.embed import default_embedder

    def verdicts(texts: dict[str, str]) -> list[tuple[str, int]]:
        claims = _align(texts, embedder=default_embedder())
        return [(c.verdict, len(c.mentions)) for c in claims if c.kind == "quantity"]

    related = {
        "a1": "Coast guard officers seized two rifles from the smugglers' boat on Monday.",
        "a2": "Coast guard officers seized two grenades from the smugglers' boat on Monday.",
    }
    assert verdicts(related) == [("single_source", 1), ("single_source", 1)]
    synonyms = {
        "a1": "Two boats chased the ferry near the harbour on Sunday.",
        "a2": "Two speedboats chased the ferry near the harbour on Sunday.",
    }
    assert verdicts(synonyms) == [("corroborated", 2)]
    people = {
        "a1": "Four men robbed the jeweller on Main Street on Friday, police said.",
        "a2": "Four robbers raided the jeweller on Main Street on Friday, police said.",
    }
    assert verdicts(people) == [("corroborated", 2)]


def test_a_count_of_other_things_is_not_the_total() -> None:
    """ "two other rifles" (besides the pistols) is a part of what was found, never set against
    another outlet's total."""
    part = "Besides the pistols, the patrol found two other rifles in the van on Tuesday."
    claims = _align({"a1": part, "a2": "The patrol found nine rifles in the van on Tuesday."})
    assert [c.verdict for c in claims if c.kind == "quantity"] == ["single_source"] * 2
    claims = _align({"a1": part, "a2": "The patrol found two rifles in the van on Tuesday."})
    assert [c.verdict for c in claims if c.kind == "quantity"] == ["corroborated"]


def test_a_quote_of_an_unknown_speaker_joins_a_named_one_on_more_than_one_word() -> None:
    named = 'Mayor Lina Ortiz said on Monday: "The harbour has a future, and a new wall is what the town needs most."'

    def quotes(other: str) -> list[tuple[str, int]]:
        claims = _align({"a1": named, "a2": "The storm hit on Sunday. " + other})
        return [(c.verdict, len(c.mentions)) for c in claims if c.kind == "quote"]

    # one shared word ("future") is no shared statement
    assert quotes('The money would arrive "far off in the future".') == [
        ("single_source", 1),
        ("single_source", 1),
    ]
    # a fragment of the named quote is the same statement
    assert quotes('A new wall is "what the town needs most".') == [("corroborated", 2)]


def test_times_in_two_zones_neither_agree_nor_conflict() -> None:
    texts = {
        "a1": "The raid began at 5:15 a.m. local time, or 22:15 GMT, police said.",
        "a2": "Police said the raid began at 22:15 GMT, or 5:15 a.m. local time.",
        "a3": "Police said the raid began at about 5:15 a.m.",
    }
    times = sorted((c.verdict, c.support) for c in _align(texts) if c.kind == "time")
    assert times == [("corroborated", 2), ("corroborated", 3)]


def test_alignment_thresholds_come_from_the_settings_tree(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "a1": "The couple spent $38,350 on a gold watch, prosecutors said.",
        "a2": "The couple spent $38,000 on a gold watch, prosecutors said.",
    }

    def verdicts() -> set[str]:
        return {c.verdict for c in _align(texts) if c.kind == "money"}

    monkeypatch.delenv("CORROBORATOR_ALIGN_ROUNDING_SHARE", raising=False)
    monkeypatch.setenv("CORROBORATOR_CONFIG", str(tmp_path / "none.toml"))
    assert verdicts() == {"corroborated"}  # the round figure is the precise one, rounded
    (tmp_path / "c.toml").write_text("[align]\nrounding_share = 0.001\n")
    monkeypatch.setenv("CORROBORATOR_CONFIG", str(tmp_path / "c.toml"))
    assert "corroborated" not in verdicts()
    monkeypatch.setenv("CORROBORATOR_ALIGN_ROUNDING_SHARE", "0.05")  # environment beats file
    assert verdicts() == {"corroborated"}


def test_labels_do_not_show_letters_of_abbreviations_or_repeat_the_kind() -> None:
    (e,) = claims_of("Norland accounted for about 4 percent of U.K. timber imports.")
    assert e.label == "percentage"
    labels = [e.label for e in claims_of("The duration lasted three days.")]
    assert "duration duration" not in labels


def test_quotes_share_content_words_not_function_words() -> None:
    from corroborator.compare.align import texts_overlap

    # two statements of one speaker that share only "an" and "is" are two quotes
    assert texts_overlap("One view is that it was an undersea quake,", "an attack is unlikely") == 0
    # a quote cut shorter by one outlet is still the same quote
    assert texts_overlap("We will rebuild", "We will rebuild the town") == 1.0
    # stop words of four letters and more ("will", "about") are function words too
    assert texts_overlap("So we will think hard about it.", "It will be about building anew") == 0


def test_a_quote_with_an_unknown_speaker_joins_the_same_words_of_a_named_one() -> None:
    claims = _align(
        {
            "a1": 'Mayor Ilse Brandt said: "The harbour will reopen before the summer season."',
            "a2": 'The harbour "will reopen before the summer season," he said, and left.',
        }
    )
    quotes = [c for c in claims if c.kind == "quote"]
    assert [(c.verdict, sorted({m.article for m in c.mentions})) for c in quotes] == [
        ("corroborated", ["a1", "a2"])
    ]


def test_an_ordinal_second_and_an_age_in_months_are_no_durations() -> None:
    assert not [
        e for e in claims_of("He made a second payment to the firm.") if e.kind == "duration"
    ]
    assert not [e for e in claims_of("Their 6-month-old son was unhurt.") if e.kind == "duration"]
    (d,) = [e for e in claims_of("She waited a second before answering.") if e.kind == "duration"]
    assert d.value == 1.0


def test_is_to_and_scheduled_for_point_a_weekday_forward() -> None:
    # 2026-05-02 is a Saturday
    (d,) = [e for e in claims_of("Trading is to resume on Tuesday.") if e.kind == "date"]
    assert d.value == "2026-05-05"
    (d,) = [e for e in claims_of("The hearing is scheduled for Wednesday.") if e.kind == "date"]
    assert d.value == "2026-05-06"


def test_a_street_block_number_is_no_year() -> None:
    assert not claims_of("Police found the car in the 1800 block of Main Street.")


def test_french_times_keep_their_local_zone_and_hedge() -> None:
    text = "L'incendie s'est déclaré vers 21h30 heure locale."
    (t,) = [
        e
        for e in extract_claims(text, split_sentences(text, "fr"), "fr", "2026-05-02")
        if e.kind == "time"
    ]
    assert (t.value, t.unit, t.approximate) == ("21:30", "local", True)


def test_a_count_that_says_what_happened_does_not_join_a_bare_count() -> None:
    # "about 10" would take 9 into its band; the injured are another fact than those guided out
    claims = _align(
        {
            "a1": "About 10 more fans had to be guided to the exits at Brenn stadium.",
            "a2": "Stewards said 9 fans had been injured at Brenn stadium.",
            "a3": "Stewards said 6 fans were injured at Brenn stadium.",
        }
    )
    (hurt,) = [c for c in claims if {m.value for m in c.mentions} >= {6.0, 9.0}]
    assert {m.article for m in hurt.mentions} == {"a2", "a3"}
    assert hurt.verdict in ("conflicting", "possible_conflict")


def test_the_whole_of_a_partitive_count_keeps_no_verb() -> None:
    # "two of the five victims died": the five did not all die
    whole = [e for e in claims_of("Two of the five victims died in hospital.") if e.value == 5.0]
    assert [e.key for e in whole] == ["victim"]
    (e,) = [e for e in claims_of("Five victims died in hospital.") if e.value == 5.0]
    assert e.key == "victim killed"


def test_a_figure_for_part_of_a_match_is_not_the_whole_match() -> None:
    from corroborator.compare.align import scope_of

    part = "Varga threw 41 punches during the round, while Roth threw 12."
    whole = "Varga threw 512 punches, while Roth threw 298."
    claims = _align({"a1": part, "a2": whole})
    assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]
    (e,) = [e for e in claims_of(part) if e.value == 41.0]
    art = Article("a1", "a1", "a1", "en", "2026-05-02", part, sentences=split(part))
    assert scope_of(e, art) == "round"
    # "around" is no round
    text = "The crew filled four tanks of around 900 litres."
    (e,) = [e for e in claims_of(text) if e.value == 4.0]
    assert (
        scope_of(e, Article("a", "a", "a", "en", "2026-05-02", text, sentences=split(text))) == ""
    )
    # the same figure for the whole match from two outlets still conflicts
    claims = _align(
        {
            "a1": "Varga threw 60 punches in the fight against Roth in Sofia.",
            "a2": "Varga threw 52 punches in the fight against Roth in Sofia.",
        }
    )
    assert [c for c in claims if c.verdict == "conflicting"]


def test_dates_are_labelled_by_what_they_date_or_by_a_whole_name() -> None:
    labels = {
        e.text: e.label
        for e in claims_of(
            "The court set a June 3 hearing. Fans gathered in Port Elora on Sunday. "
            "The talks ended on Friday afternoon."
        )
    }
    assert labels["June 3"] == "hearing date"
    assert labels["Sunday"] == "Port Elora date"  # not "port date"
    # a title-case headline names nothing; a name keeps no article or initials around it
    (e,) = [e for e in claims_of("Mayor Quits Over Harbour Plan On Monday") if e.kind == "date"]
    assert "Mayor" not in e.label and "Harbour" not in e.label
    (e,) = [
        e for e in claims_of("The Harbour Rovers on Sunday sacked their coach.") if e.kind == "date"
    ]
    assert e.label == "Harbour Rovers date"
    assert "afternoon" not in labels["Friday"]


def test_a_compound_counts_its_last_noun_and_money_skips_adverbs() -> None:
    keys = {
        e.text: e.head for e in claims_of("Three police officers were hurt. Ten fire engines came.")
    }
    assert keys == {"Three police officers": "officer", "Ten fire engines": "engine"}
    heads = heads_of(
        "Thieves took paintings valued at $7.3 million early on Saturday. "
        "They also took $1.1 million worth of watches.",
        "money",
    )
    assert heads == {"$7.3 million": "painting", "$1.1 million": "watch"}


def test_a_quake_strength_is_its_magnitude() -> None:
    heads = heads_of(
        "A 6.2-strength quake hit the coast. Another was a 5.1-degree tremor. "
        "It was 30 degrees in the shade.",
        "quantity",
    )
    assert heads == {"6.2-strength": "magnitude", "5.1-degree": "magnitude", "30 degrees": "degree"}


def test_an_ordinal_second_and_a_zero_day_are_no_durations() -> None:
    text = (
        "He worked in a second-floor office. The zero day flaw was patched. "
        "It was a second-hand car. A second later the roof fell. It took zero days."
    )
    assert [e.text for e in claims_of(text) if e.kind == "duration"] == ["A second", "zero days"]


def test_a_score_takes_no_unit_from_the_figure_before_it() -> None:
    text = "Diaz kicked a 41-yard field goal and a 10-3 halftime lead followed."
    assert [e.text for e in claims_of(text) if e.kind == "quantity"] == ["41-yard"]


def test_the_two_of_a_named_pair_is_no_count() -> None:
    text = "Talks between the two Koreas resumed. The two Sudans signed a deal. The two men fled."
    assert [e.text for e in claims_of(text) if e.kind == "quantity"] == ["two men"]


def test_a_capitalised_plural_before_its_verb_is_what_is_counted() -> None:
    heads = heads_of(
        "Three Democrats voted against it. Seven European countries signed. Five Americans died.",
        "quantity",
    )
    assert heads == {
        "Three Democrats": "democrat",
        "Seven European countries": "country",
        "Five Americans died": "person",  # a toll, as any other
    }


def test_a_fortnight_is_two_weeks() -> None:
    (e,) = claims_of("The strike lasted a fortnight.")
    assert (e.kind, e.value) == ("duration", 14 * 86400.0)


def test_a_day_without_a_year_or_publication_date_is_still_a_date() -> None:
    from corroborator.report.units import format_date

    text = "The hearing is set for July 13. The vote is on 29 February."
    days = [e.value for e in claims_of(text, None) if e.kind == "date"]
    assert days == ["XXXX-07-13", "XXXX-02-29"]
    assert format_date("XXXX-07-13") == "13 Jul"
    texts = {
        "a1": "The hearing in the Varna bribery case is set for July 13, the court said.",
        "a2": "A judge set the hearing in the Varna bribery case for 13 July.",
        "a3": "The court set July 13 for the hearing in the Varna bribery case.",
    }
    claims = _align(texts, published=None)
    (day,) = [c for c in claims if c.kind == "date"]
    assert (day.verdict, day.support) == ("corroborated", 3)
    # the same day of a stated year agrees; another day does not
    (dated,) = claims_of("The hearing is set for July 13, 2027.")
    (other,) = claims_of("The hearing is set for July 15, 2027.")
    (yearless,) = claims_of(texts["a1"], None)
    assert dates_agree(yearless, dated)
    assert not dates_agree(yearless, other)


def test_a_weekday_without_a_publication_date_corroborates_the_same_weekday_only() -> None:
    from corroborator.report.units import format_date

    texts = {
        "a1": "The Varna council voted on the harbour budget on Tuesday.",
        "a2": "On Tuesday the Varna council voted on the harbour budget.",
        "a3": "The Varna council voted on the harbour budget on Wednesday, July 13.",
    }
    assert [e.value for e in claims_of(texts["a1"], None) if e.kind == "date"] == ["XXXX-WXX-2"]
    claims = [c for c in _align(texts, published=None) if c.kind == "date"]
    verdicts = sorted((c.verdict, tuple(sorted({m.article for m in c.mentions}))) for c in claims)
    assert verdicts == [("corroborated", ("a1", "a2")), ("single_source", ("a3",))]
    assert format_date("XXXX-WXX-2") == "Tue"
    # a weekday of an unknown week that one report alone gives is no claim
    claims = _align({"a1": texts["a1"], "a3": texts["a3"]}, published=None)
    assert [m.value for c in claims if c.kind == "date" for m in c.mentions] == ["XXXX-07-13"]


def test_equal_common_counts_need_a_stronger_link(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An equal count of at most `common_count` things is said of many things in one story
    ("three jurors" / "three other people"): it shares a side only when linked at least
    `common_join`, unless the counted things are near synonyms ("workers" / "employees").
    Larger counts keep the matcher's own bar."""
    from corroborator.embed import default_embedder

    lead1 = "The Hawks beat the Owls 70-61 in the semifinal in Dunmore on Friday night. "
    lead2 = "Dunmore hosted the semifinal on Friday night, and the Hawks won it. "

    def corroborated(one: str, two: str, common_join: float) -> list[list[str]]:
        monkeypatch.setenv("CORROBORATOR_ALIGN_COMMON_JOIN", str(common_join))
        claims = _align({"a1": lead1 + one, "a2": lead2 + two}, embedder=default_embedder())
        return [
            [m.text for m in c.mentions]
            for c in claims
            if c.verdict == "corroborated" and c.kind == "quantity"
        ]

    jurors = (
        "According to three jurors, the decision was quick.",
        "He tried to kill three other people, the prosecutor said.",
    )
    assert corroborated(*jurors, 0.2) == [["three jurors", "three other people"]]
    assert corroborated(*jurors, 0.9) == []
    many = tuple(s.replace("three", "300") for s in jurors)
    assert corroborated(*many, 0.9) == [["300 jurors", "300 other people"]]
    workers = (
        "Five other workers were hiding inside a storeroom.",
        "Five employees were trapped close to the gunman.",
    )
    assert corroborated(*workers, 0.9) == [["Five other workers", "Five employees"]]


def test_common_counts_are_whole_counts_of_things() -> None:
    from corroborator.compare.align import _common_value

    def common(text: str) -> list[tuple[str, bool]]:
        return [(e.text, _common_value(e)) for e in claims_of(text) if e.kind == "quantity"]

    assert common("Three jurors spoke to reporters.") == [("Three jurors", True)]
    assert common("The Otters (11-4) won again.") == [("11-4", False)]  # a record, not a count
    assert common("Officers arrested 120 protesters.") == [("120 protesters", False)]
    assert not any(c for _, c in common("A magnitude 5.6 earthquake struck the coast."))
    # a vague amount agrees with most others: as weak as a small count
    assert common("Dozens of deputies packed the court.") == [("Dozens of deputies", True)]
    assert common("About 300 deputies packed the court.") == [("About 300 deputies", False)]


def test_one_speakers_different_remarks_are_different_quotes() -> None:
    """Two remarks of one speaker on one event share a topic word or two ("anger", "the
    town"): they are one quote only as a fragment of the other or with three content words
    in common."""
    said = 'Mayor Lina Ortiz said on Monday: "{}"'

    def quotes(one: str, two: str) -> list[int]:
        claims = _align({"a1": said.format(one), "a2": "The storm hit. " + said.format(two)})
        return sorted(len(c.mentions) for c in claims if c.kind == "quote")

    anger = "The anger here is real."
    assert quotes(anger, "We saw the anger of young people boil over in this town.") == [1, 1]
    assert quotes(
        "We have a duty to our supporters and the town of Dunmore.",
        "Okafor has played here in Dunmore and knows what the town wants.",
    ) == [1, 1]
    assert quotes(anger, "Believe me, the anger here is real.") == [2]
    assert quotes(
        "The harbour wall will be rebuilt before the winter storms.",
        "The harbour wall must be rebuilt before the next winter.",
    ) == [2]


def test_ages_in_reports_of_different_years_are_an_update() -> None:
    """A person is 27 in a 2005 report and 29 in a 2007 one: one fact whose value changed with
    time, shown as a conflict explained as an update with each side's publication day (the
    dev gold counts such ages as conflicts, noted as evolving)."""

    def age_claims(published: tuple[str, str]) -> list[Claim]:
        arts = {
            "a1": ("Deputy Brandl was shot by Marco Ruiz, 27, a gang member.", published[0]),
            "a2": ("Marco Ruiz, 29, was convicted of killing Deputy Brandl.", published[1]),
        }
        articles = {
            aid: Article(aid, aid, aid, "en", pub, t, sentences=split(t))
            for aid, (t, pub) in arts.items()
        }
        ext = {
            aid: extract_claims(a.text, a.sentences, "en", a.published)
            for aid, a in articles.items()
        }
        claims = align_story([["a1"], ["a2"]], ext, articles, None)
        return [c for c in claims if c.kind == "quantity"]

    (same_week,) = age_claims(("2007-03-01", "2007-03-02"))
    assert same_week.verdict == "conflicting"
    assert "update" not in same_week.explanation
    (years_apart,) = age_claims(("2005-06-27", "2007-03-21"))
    assert years_apart.verdict == "conflicting"
    assert "an update, not a dispute" in years_apart.explanation
    assert [s["published"] for s in years_apart.sides] == ["2005-06-27", "2007-03-21"]


def test_heights_of_players_not_named_as_one_are_only_a_possible_conflict() -> None:
    """A height or weight is one person's: two values with no one person named on every side
    may be two players' ("the 6-foot-9 centre" / "the 6-foot-8 forward")."""
    texts = {
        "a1": "The Hawks beat the Owls in Dunmore on Friday. The 6-foot-9 centre scored 20 points.",
        "a2": "The Hawks beat the Owls in Dunmore on Friday. The 6-foot-8 forward scored 20 points.",
    }
    heights = [c for c in _align(texts) if c.label == "height"]
    assert [(c.verdict, len(c.mentions)) for c in heights] == [("possible_conflict", 2)]
    assert [e.key for e in claims_of("He is 6 feet 1 inch tall.")] == ["height"]
    assert [e.key for e in claims_of("The climber fell 200 feet.")] == ["distance"]


def test_a_year_in_a_relative_clause_after_the_figure_does_not_date_it() -> None:
    """ "now has 1,874 points, 9 more than Reyes, who set the record in 2004": 2004 is the
    record's year, the points are today's; a year in the figure's own clause still dates it."""
    pub = "2013-03-08"
    now = "Okafor now has 1,874 points, 9 more than Reyes, who set the record in 2004."
    (e,) = [e for e in claims_of(now, pub) if e.value == 1874]
    assert e.event_year is None
    then = "Reyes scored 1,865 points in 2004, a record at the time."
    (e,) = [e for e in claims_of(then, pub) if e.value == 1865]
    assert e.event_year == 2004


def test_an_adverb_before_the_verb_is_no_subject() -> None:
    """ "The film has already taken in $212 million": the sum is not "already"'s."""
    (e,) = claims_of("The film has already taken in over $212 million.")
    assert e.head != "already" and not e.key.startswith("already")


def test_one_day_as_some_day_is_no_duration() -> None:
    """ "boasted of killing a deputy one day", "One day, ...", "one day at a time": when, not
    how long; "lasted one day", "for one day", "one day later" stay durations."""
    for text in (
        "He boasted about killing a deputy one day.",
        "One day, he said, the town will rebuild the wall.",
        "She was learning to live one day at a time.",
    ):
        assert [e for e in claims_of(text) if e.kind == "duration"] == []
    for text in (
        "The strike lasted one day.",
        "The fair runs for one day.",
        "Talks resumed one day later.",
    ):
        assert [e.value for e in claims_of(text) if e.kind == "duration"] == [86400]


def test_a_prison_term_measures_the_sentence() -> None:
    """ "was sentenced to seven years", "sentenced him to 20 years", "jailed for ten years":
    the sentence's length, whoever the subject, as in "a five-year sentence"."""
    for text in (
        "Ruiz was sentenced to seven years in prison.",
        "The judge sentenced him to 20 years.",
        "Ruiz was jailed for ten years.",
        "He received a five-year sentence.",
    ):
        assert [e.key for e in claims_of(text) if e.kind == "duration"] == ["sentence duration"]


def test_a_bare_number_after_she_was_is_an_age() -> None:
    """An obituary's "She was 91." is the person's age; a length or a score is not."""

    def ages(text: str) -> list[float]:
        return [e.value for e in claims_of(text) if e.key == "age"]  # type: ignore[misc]

    assert ages("Esther Reyes died on Thursday. She was 91.") == [91]
    assert ages("He was 75 when he died in Dunmore.") == [75]
    assert ages("Reyes, who was 19 and unarmed, was shot twice.") == [19]
    assert ages("The tree was 75 feet tall.") == []
    assert ages("The final score was 75.") == []


def test_a_scope_phrase_limits_a_figure_only_where_the_parse_hangs_it_above_it() -> None:
    # "in the fourth quarter" belongs to the closing, not to the price or the premium
    import pytest

    from corroborator.compare.owners import scope_attached
    from corroborator.nlp.registry import get_parser, spacy_available

    if not spacy_available("en"):
        pytest.skip("English spaCy pipeline absent")
    parser = get_parser("en", entities=False, lemmas=False)

    def attached(sentence: str, scope: str, value: str) -> bool:
        doc = parser.parse(sentence)
        at = sentence.index(value)
        return scope_attached(doc, sentence.index(scope), at, at + len(value))

    deal = (
        "The deal, expected to close in the fourth quarter, values Crestline at $42 a share, "
        "a 28 percent premium."
    )
    assert not attached(deal, "in the fourth quarter", "28 percent")
    assert not attached(deal, "in the fourth quarter", "$42")
    assert attached("Varga landed 41 punches in the fifth round.", "in the fifth", "41 punches")
    assert attached(
        "Varga landed 31 of his 74 punches thrown during the round.", "during", "74 punches"
    )
    assert attached("In the fourth quarter, revenue rose to $2 billion.", "In the", "$2 billion")


def test_a_takeovers_premium_and_price_per_share_conflict() -> None:
    # two outlets' premiums for one takeover disagree; the quarter the deal closes in is no
    # part of a whole that either premium is limited to
    claims = _align(
        {
            "a1": "Harbor Foods agreed on Monday to buy Crestline Brands. The deal, expected to "
            "close in the fourth quarter, values Crestline at $42 a share, a 28 percent premium.",
            "a2": "Harbor Foods will acquire Crestline Brands, the companies said Monday. Harbor "
            "is paying $44 per share, a premium of 31 percent.",
        }
    )
    (premium,) = [c for c in claims if c.kind == "percentage"]
    assert premium.verdict in ("conflicting", "possible_conflict")
    assert sorted(s["value"] for s in premium.sides) == [28, 31]
    # the price per share too: a sum per one thing is measured by what it is per, not by the
    # verb ("values ... at $42 a share") or the subject ("Harbor is paying $44 per share")
    (price,) = [c for c in claims if c.kind == "money"]
    assert price.verdict in ("conflicting", "possible_conflict")
    assert sorted(s["value"] for s in price.sides) == [42, 44]


def test_claims_sharing_a_label_are_told_apart_by_whose_figure_they_are() -> None:
    # most mentions say only "age"; one report names whose age each is
    claims = _align(
        {
            "a1": "A 41-year-old gunman shot a 29-year-old clerk at the depot on Monday.",
            "a2": "The 41-year-old man opened fire and wounded a 29-year-old woman.",
            "a3": "Dvorak, 41, had shot Varga, 29, at the depot, police said.",
        }
    )
    ages = {c.label: c.verdict for c in claims if c.kind == "quantity"}
    assert ages == {"Dvorak's age": "corroborated", "Varga's age": "corroborated"}


def test_what_a_count_suffered_is_what_happened_to_it() -> None:
    """ "212 shops suffering heavy damage" is a count of damaged shops: set against "168
    damaged shops" from another report, not a bare count of shops kept apart from it."""
    heads = {e.text: e.key for e in claims_of("Police said 212 shops suffered heavy damage.")}
    assert heads == {"212 shops": "shop damaged"}
    claims = _align(
        {
            "a1": "The riots left 168 damaged shops in the city centre, the chamber said.",
            "a2": "There were 212 shops suffering heavy damage in the city centre.",
        }
    )
    (shops,) = [c for c in claims if c.kind == "quantity"]
    assert shops.verdict == "conflicting"


def test_relative_dates_of_pages_dated_only_by_their_stamps_may_name_one_day_apart() -> None:
    """Two pages with no publication date, stamped on different days: each "this morning"
    was resolved against its own stamp, so the two days are no disagreement."""
    claims = _align(
        {
            "a1": "Harbour fire Published: July 21, 2031 A hearing was held this morning "
            "at the crown court in Port Alder.",
            "a2": "Harbour fire Published: July 24, 2031 A hearing was held this morning "
            "at the crown court in Port Alder.",
        },
        published=None,
    )
    assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]


def test_one_uncommon_figure_with_and_without_its_verb_is_one_fact() -> None:
    """ "23 armed pirates" and "23 pirates were arrested": the bare count and the count with
    what happened to it give the same uncommon figure, one fact; a small equal count stays
    apart ("7 fans were injured" / "7 fans")."""
    claims = _align(
        {
            "a1": "There were 23 armed pirates in five skiffs near the gulf on Friday.",
            "a2": "Officials said 23 pirates were arrested by the navy near the gulf.",
        }
    )
    (pirates,) = [c for c in claims if c.label == "pirates"]
    assert pirates.verdict == "corroborated"
    assert {m.article for m in pirates.mentions} == {"a1", "a2"}


def test_an_average_is_no_total_of_one_season() -> None:
    # "has averaged ... 100 runs" is a figure per season; "112 runs last season" a total
    from corroborator.compare.align import scope_of

    avg = "Ferro has averaged more than 20 goals and 95 assists over his career."
    total = "Ferro had 112 assists last season."
    claims = _align({"a1": avg, "a2": total})
    assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]
    art = Article("a1", "a1", "a1", "en", "2026-05-02", avg, sentences=split(avg))
    assert {scope_of(e, art) for e in claims_of(avg) if e.kind == "quantity"} == {"average"}
    # two totals still conflict
    claims = _align({"a1": "Ferro had 95 assists last season.", "a2": total})
    assert [c.verdict for c in claims if c.verdict in ("conflicting", "possible_conflict")]


def test_an_age_now_or_then_is_not_set_against_a_plain_age() -> None:
    now = "The suspect, Dario Pell, now 19, denied the charge in court on Monday."
    then = "The suspect, the then 18-year-old Dario Pell, denied the charge in court on Monday."
    plain18 = "The suspect, Dario Pell, 18, denied the charge in court on Monday."
    plain19 = "The suspect, Dario Pell, 19, denied the charge in court on Monday."
    for a, b in ((now, plain18), (then, plain19)):
        claims = _align({"a1": a, "a2": b})
        assert len([c for c in claims if c.key == "age"]) == 2, (a, b)  # both read
        assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]
    # two plain ages that differ still conflict
    claims = _align({"a1": plain18, "a2": plain19})
    assert [c.verdict for c in claims if c.key == "age"] == ["conflicting"]


def test_places_in_a_series_that_disagree_are_only_a_possible_conflict() -> None:
    # "the fifth patrol" / "the sixth patrol": the series (this year, since May, in the
    # cutter's history) is not read, so two places may belong to two series
    claims = _align(
        {
            "a1": "It was the fifth anti-smuggling patrol of the cutter Vasa, the navy said.",
            "a2": "It was the sixth anti-smuggling patrol of the cutter Vasa, the navy said.",
        }
    )
    places = [c for c in claims if c.key == "patrol number"]
    assert [c.verdict for c in places] == ["possible_conflict"]
    # a round of a fight is a series of its own (its disagreements are not doubted)
    from corroborator.claims.quantities import generic_place

    assert generic_place("patrol number") and not generic_place("round number")
    assert not generic_place("patrol")


def _dated(article: str, day: str, key: str, approximate: bool = False) -> _Item:
    e = Extraction(kind="date", key=key, start=0, end=5, text=day, value=day)
    return _Item(article, int(article[1:]), replace(e, approximate=approximate))


def test_claims_of_one_day_in_different_reports_are_one_fact() -> None:
    # "arrested on May 3" / "detained on May 3": the verbs differ, the day is one fact's
    same = [
        (_Slot([_dated("a1", "2026-05-03", "arrest date")]), "a"),
        (_Slot([_dated("a2", "2026-05-03", "detain date")]), "b"),
        (_Slot([_dated("a3", "2026-05-04", "hearing date")]), "c"),
    ]
    out = _fold_same_day(same)
    assert [len(slot.items) for slot, _ in out] == [2, 1]
    assert "same day (2026-05-03)" in out[0][1]
    # an article that gives the day to two events tells them apart: nothing joins
    told_apart = [
        *same[:2],
        (_Slot([_dated("a2", "2026-05-03", "fire date")]), "d"),
    ]
    assert [len(slot.items) for slot, _ in _fold_same_day(told_apart)] == [1, 1, 1]
    # a bare year, a month or an approximate day is the date of many facts
    loose = [
        (_Slot([_dated("a1", "2026", "arrest date")]), "a"),
        (_Slot([_dated("a2", "2026", "detain date")]), "b"),
        (_Slot([_dated("a1", "2026-05", "open date")]), "c"),
        (_Slot([_dated("a2", "2026-05", "close date")]), "d"),
        (_Slot([_dated("a1", "2026-05-09", "vote date", approximate=True)]), "e"),
        (_Slot([_dated("a2", "2026-05-09", "count date")]), "f"),
    ]
    assert [len(slot.items) for slot, _ in _fold_same_day(loose)] == [1] * 6
