"""Claim frames (holder, participants, background year, modality, label) and the matcher."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from corroborator.claims import extract_claims
from corroborator.compare.align import align_story, omissions_for
from corroborator.compare.matcher import (
    FEATURE_NAMES,
    MatcherModel,
    MatchItem,
    default_model,
    log_ratio,
    pair_features,
)
from corroborator.model import Article, Extraction, Sentence


def split(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9])", text):
        out.append(Sentence(start, m.start(), text[start : m.start()]))
        start = m.end()
    out.append(Sentence(start, len(text), text[start:]))
    return out


def claims_of(text: str, published: str | None = "2026-05-02", lang: str = "en") -> list:
    return extract_claims(text, split(text), lang, published)


def test_the_attribution_is_the_holder_and_names_are_participants() -> None:
    text = "Nine people were injured in Talvik on Saturday, police said."
    (count,) = [e for e in claims_of(text) if e.kind == "quantity"]
    assert count.value == 9 and count.holder == "police"
    assert count.participants[0] == "talvik"
    assert count.label == "people injured"
    assert not [e for e in claims_of(text) if e.kind == "attribution"]


def test_a_year_other_than_the_articles_marks_a_background_event() -> None:
    text = (
        "The quake killed 12 people on Saturday. "
        "A quake in the same region killed 600 people in 2005."
    )
    counts = sorted((e for e in claims_of(text) if e.kind == "quantity"), key=lambda e: e.start)
    assert [(e.value, e.event_year) for e in counts] == [(12, None), (600, 2005)]


def test_a_month_long_before_publication_marks_a_background_event() -> None:
    # published 2 May: "in January" is an earlier event of the same year, and "It killed"
    # goes on about it; "since April" beside today's figure does not make it background
    text = (
        "The flood on Friday forced 300 people from their homes, the worst since April. "
        "The last big flood, in January, cut off 12 villages. "
        "It displaced 4,000 people. "
        "It is home to 9,000 people."
    )
    counts = sorted((e for e in claims_of(text) if e.kind == "quantity"), key=lambda e: e.start)
    assert [(e.value, e.event_year) for e in counts] == [
        (300, None),
        (12, 2026),
        (4000, 2026),
        (9000, None),
    ]


def test_a_recent_month_is_no_background() -> None:
    (count,) = [
        e for e in claims_of("In April the fire destroyed 40 homes.") if e.kind == "quantity"
    ]
    assert count.event_year is None


def test_a_weekday_named_event_day_is_recorded() -> None:
    got = [
        (e.event_date, e.event_weekday)
        for e in claims_of("On Thursday a storm cut power to 800 homes.")
        if e.kind == "quantity"
    ]
    assert got == [("2026-04-30", True)]
    got = [
        (e.event_date, e.event_weekday)
        for e in claims_of("On 30 April a storm cut power to 800 homes.")
        if e.kind == "quantity"
    ]
    assert got == [("2026-04-30", False)]


def test_background_year_without_a_publication_date_uses_the_latest_year() -> None:
    text = "In March 2026 the storm destroyed 40 homes. A storm in 2019 destroyed 12 homes."
    counts = sorted(
        (e for e in claims_of(text, None) if e.kind == "quantity"), key=lambda e: e.start
    )
    assert [e.event_year for e in counts] == [None, 2019]


def test_negation_and_hedging_are_recorded() -> None:
    (neg,) = [
        e for e in claims_of("The council did not approve 300 new homes.") if e.kind == "quantity"
    ]
    assert neg.modality == "negated"
    hedged = [e for e in claims_of("The strike could last three days.") if e.kind == "duration"]
    assert hedged and hedged[0].modality == "hedged"


def _item(aid: str, group: int, e: Extraction, context: frozenset[str] = frozenset()) -> MatchItem:
    return MatchItem(aid, group, e, "en", "", context)


def _ext(value: float, key: str, head: str, **kw: object) -> Extraction:
    return Extraction(
        kind="quantity", key=key, start=0, end=1, text=str(value), value=value, head=head, **kw
    )  # type: ignore[arg-type]


def test_pair_features_read_the_frame() -> None:
    a = _item("a1", 0, _ext(12, "person killed", "person", participants=("talvik",)))
    b = _item("a2", 1, _ext(9, "person killed", "person", participants=("talvik",)))
    c = _item("a3", 2, _ext(9, "person injured", "person", participants=("orvala",)))
    f_ab = dict(zip(FEATURE_NAMES, pair_features(a, b, False), strict=True))
    f_ac = dict(zip(FEATURE_NAMES, pair_features(a, c, False), strict=True))
    assert f_ab["key_equal"] == 1 and f_ab["verb_equal"] == 1 and f_ab["near_name_equal"] == 1
    assert f_ac["verb_differ"] == 1 and f_ac["near_name_differ"] == 1
    assert f_ab["log_ratio"] == pytest.approx(np.log(12 / 9))
    # the shipped model prefers the same fact over a look-alike one
    model = default_model("full")
    p = model.probabilities(np.vstack([pair_features(a, b, False), pair_features(a, c, False)]))
    assert p[0] > p[1]


def test_a_pair_another_article_tells_apart_is_weighed_down() -> None:
    # `apart_elsewhere` (some article states both values as two facts) lowers the link of a
    # disagreeing pair in both shipped variants; agreeing pairs never carry it
    a = _item("a1", 0, _ext(12, "person injured", "person"))
    b = _item("a2", 1, _ext(18, "person injured", "person"))
    for variant in ("full", "plain"):
        model = default_model(variant)
        told, free = model.probabilities(
            np.vstack([pair_features(a, b, False, True), pair_features(a, b, False, False)])
        )
        assert told < free / 2
    assert (
        dict(zip(FEATURE_NAMES, pair_features(a, b, False, True), strict=True))["apart_elsewhere"]
        == 1
    )


def test_log_ratio_of_dates_and_times() -> None:
    d1 = Extraction(kind="date", key="d", start=0, end=1, text="", value="2026-05-02")
    d2 = Extraction(kind="date", key="d", start=0, end=1, text="", value="2026-05-09")
    assert log_ratio(d1, d2) == pytest.approx(np.log1p(7))
    t1 = Extraction(kind="time", key="t", start=0, end=1, text="", value="10:20")
    t2 = Extraction(kind="time", key="t", start=0, end=1, text="", value="10:50")
    assert log_ratio(t1, t2) == pytest.approx(np.log1p(0.5))  # hours: 30 minutes apart


def test_weights_round_trip_and_refuse_another_feature_set() -> None:
    model = default_model("full")
    again = MatcherModel.from_dict(json.loads(json.dumps(model.to_dict())))
    x = np.ones((1, len(FEATURE_NAMES)))
    assert again.probabilities(x) == pytest.approx(model.probabilities(x), abs=1e-6)
    bad = model.to_dict()
    bad["features"] = bad["features"][:-1]
    with pytest.raises(ValueError, match="another feature set"):
        MatcherModel.from_dict(bad)


def _article(aid: str, text: str) -> Article:
    return Article(aid, aid, aid, "en", "2026-05-02", text, sentences=split(text))


def test_an_article_stating_the_fact_with_another_value_does_not_omit_it() -> None:
    arts = {
        "a1": _article("a1", "The repair cost 4.2 million euros, the city said."),
        "a2": _article(
            "a2", "The bridge was shut for five weeks. The repair cost 4.5 million euros."
        ),
    }
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    groups = [["a1"], ["a2"]]
    claims = align_story(groups, ext, arts, None)
    for n, c in enumerate(claims, 1):
        c.id = f"c{n}"
    money = [c for c in claims if c.kind == "money"]
    assert money
    omitted = {(o.claim, tuple(o.articles)) for o in omissions_for(claims, groups)}
    for c in money:
        assert not any(claim == c.id for claim, _ in omitted)
    for c in claims:
        assert c.label and c.explanation


def test_lengths_in_different_units_are_one_distance() -> None:
    (miles,) = [
        e for e in claims_of("The quake struck 36 miles from the coast.") if e.kind == "quantity"
    ]
    (km,) = [e for e in claims_of("The quake struck 58 km from the coast.") if e.kind == "quantity"]
    assert (miles.head, miles.unit, km.head, km.unit) == ("distance", "m", "distance", "m")
    assert miles.value == pytest.approx(57936.384)
    from corroborator.compare.align import values_agree

    assert values_agree(miles, km)  # 36 miles is 57.9 km, printed as 58
    (feet,) = [e for e in claims_of("He fell 600 feet.") if e.kind == "quantity"]
    (metres,) = [e for e in claims_of("He fell 120 metres.") if e.kind == "quantity"]
    assert not values_agree(feet, metres)


def test_the_vectorised_feature_matrix_is_pair_features(demo_paths) -> None:  # type: ignore[no-untyped-def]
    from corroborator.compare.align import _agreement, _Item, match_items
    from corroborator.compare.matcher import pair_feature_matrix
    from corroborator.ingest.readers import read_path
    from corroborator.pipeline import prepare_all

    corpus = prepare_all(r for p in demo_paths for r in read_path(p))
    arts = {a.id: a for a in corpus.articles}
    items = [
        _Item(a.id, g, e)
        for g, a in enumerate(corpus.articles)
        for e in extract_claims(a.text, a.sentences, a.language, a.published)
        if e.kind == "quantity"
    ]
    mitems = match_items(items, arts)
    rng = np.random.default_rng(3)
    for m in mitems:
        m.vec, m.svec = rng.normal(size=4), rng.normal(size=4)
    agree = _agreement(items)
    ia, ib = np.triu_indices(len(items), 1)
    matrix = pair_feature_matrix(mitems, ia, ib, agree[ia, ib])
    for k, (a, b) in enumerate(zip(ia, ib, strict=True)):
        assert matrix[k] == pytest.approx(pair_features(mitems[a], mitems[b], agree[a, b]))


def test_values_of_different_days_never_make_one_fact() -> None:
    a1 = _article("a1", "On March 1 the quake injured two people in Port Alder.")
    a2 = _article("a2", "On March 2 an aftershock injured five people in Port Alder.")
    arts = {"a1": a1, "a2": a2}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    counts = [e for es in ext.values() for e in es if e.kind == "quantity"]
    assert sorted(e.event_date or "" for e in counts) == ["2026-03-01", "2026-03-02"]
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    assert not [c for c in claims if c.kind == "quantity" and len(c.sides) > 1]


# ------------------------------------------------------------------ end to end, own fixtures

CASES = Path(__file__).parent / "data" / "claims" / "cases"


def _report(*names: str):  # type: ignore[no-untyped-def]
    from corroborator.ingest.readers import read_path
    from corroborator.pipeline import build_report

    return build_report(r for n in names for r in read_path(CASES / n))


def _values(claim) -> set:  # type: ignore[no-untyped-def]
    return {m.value for m in claim.mentions}


def test_durations_of_one_call_conflict_and_neither_article_omits_it() -> None:
    # "a three-hour phone call" against "spoke for about 45 minutes"
    report = _report("call1.txt", "call2.txt")
    (story,) = report.stories
    (call,) = [c for c in story.claims if c.kind == "duration"]
    assert call.verdict in ("conflicting", "possible_conflict")
    assert _values(call) == {10800, 2700}
    assert not [o for o in story.omissions if o.claim == call.id]


def test_injured_counts_conflict_across_languages_and_with_zero() -> None:
    # "Zwölf Menschen wurden verletzt" / "Nine people were injured" / "No one was hurt"
    report = _report("inj_de.txt", "inj_en.txt", "inj_zero.txt")
    (story,) = report.stories
    assert story.independent_sources == 3
    injured = [c for c in story.claims if {12, 9} & _values(c)]
    assert len(injured) == 1
    assert injured[0].verdict == "conflicting"
    assert _values(injured[0]) == {12, 9, 0}


def test_a_background_quake_and_a_buyers_revenue_are_different_facts() -> None:
    report = _report("quake_today.txt", "quake_today2.txt")
    (story,) = report.stories
    killed = [c for c in story.claims if 4 in _values(c) and c.kind == "quantity"]
    assert len(killed) == 1 and killed[0].verdict == "corroborated"
    assert 212 not in _values(killed[0])  # the 2009 quake's toll is another fact
    assert not [c for c in story.claims if c.verdict == "conflicting"]
    report = _report("takeover1.txt", "takeover2.txt")
    (story,) = report.stories
    (price,) = [c for c in story.claims if c.kind == "money" and 2.1e9 in _values(c)]
    assert price.verdict == "corroborated" and 5.4e9 not in _values(price)
    assert not [c for c in story.claims if c.verdict in ("conflicting", "possible_conflict")]


# ------------------------------------------------------------------ sources within a sentence


def test_two_sources_in_one_sentence_each_hold_their_own_value() -> None:
    text = (
        "The national seismic centre said the tremor was of magnitude 5.7, while the Global "
        "Quake Survey in Port Alder, Vestland, reported a magnitude 6.0 quake."
    )
    mags = sorted((e for e in claims_of(text) if e.kind == "quantity"), key=lambda e: e.start)
    assert [(e.value, e.holder) for e in mags] == [(5.7, "centre"), (6.0, "survey")]


def test_possessive_subjects_and_estimate_verbs_name_the_holder() -> None:
    text = (
        "Vestland's state radio says a magnitude 4.8 tremor has hurt two people. "
        "The Global Quake Survey put its size at magnitude 4.9."
    )
    got = sorted((e.value, e.holder) for e in claims_of(text) if e.kind == "quantity")
    assert got == [(2, "radio"), (4.8, "radio"), (4.9, "survey")]


def test_a_value_before_the_source_is_not_the_sources() -> None:
    text = "Two people died and the mayor said the town would rebuild 40 homes."
    got = sorted((e.value, e.holder) for e in claims_of(text) if e.kind == "quantity")
    assert got == [(2, None), (40, "mayor")]


def test_a_value_written_like_a_year_is_no_background_year() -> None:
    (fall,) = [e for e in claims_of("The climber fell around 2000ft near the hut.")]
    assert fall.event_year is None


def test_counts_of_people_injured_and_arrested_are_different_facts() -> None:
    a1 = _article("a1", "Police said 9 people were hurt in the clashes in Port Alder.")
    a2 = _article("a2", "Police said 9 people were arrested after the clashes in Port Alder.")
    arts = {"a1": a1, "a2": a2}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    counts = [c for c in claims if c.kind == "quantity"]
    assert counts and all(len({m.article for m in c.mentions}) == 1 for c in counts)


def test_an_article_giving_two_sources_figures_is_a_conflict() -> None:
    # one article: centre 5.7 but survey 6.0; the other: survey 6.0
    report = _report("mag_two_sources.txt", "mag_one_source.txt")
    (story,) = report.stories
    (mag,) = [c for c in story.claims if 5.7 in _values(c)]
    assert mag.verdict in ("conflicting", "possible_conflict")
    assert _values(mag) == {5.7, 6.0}


def test_an_acronym_plural_is_one_head() -> None:
    text = "He has 37 KOs. His rival has 39 KO's. A third has 41 knockouts."
    heads = {e.value: e.head for e in claims_of(text)}
    assert heads == {37: "knockout", 39: "knockout", 41: "knockout"}


def test_two_rounded_figures_far_apart_do_not_agree() -> None:
    from corroborator.compare.align import numbers_agree

    (a,) = [e for e in claims_of("The climber fell about 600 metres.") if e.kind == "quantity"]
    (b,) = [e for e in claims_of("The climber fell some 700 metres.") if e.kind == "quantity"]
    (c,) = [e for e in claims_of("The climber fell around 650 metres.") if e.kind == "quantity"]
    assert not numbers_agree(a, b)  # bands overlap, but neither figure is in the other's band
    assert numbers_agree(a, c) and numbers_agree(b, c)


def test_shots_written_as_a_plural_noun_are_no_people_shot() -> None:
    def counts(text: str) -> list[tuple[object, str]]:
        sents = split(text)
        return [
            (e.value, e.key)
            for e in extract_claims(text, sents, "en", None)
            if e.kind == "quantity"
        ]

    assert counts("Neighbours heard three shots.") == [(3.0, "shot")]
    assert counts("Three shot dead in the square.") == [(3.0, "person killed")]


def test_a_rate_keeps_its_word_beside_the_denominator_head() -> None:
    # a sum per one thing has the denominator for head ("$15 a month" -> "month") and keeps the
    # word near it in its key; the matcher's verb stays "amount per month", so a rate and a
    # plain sum of another thing differ as they did ("less than 850 euros a month" of one
    # pensioner / "290 euros" of another)
    from corroborator.compare.matcher import verb_of

    rate = Extraction(
        kind="money", key="pass amount per month", start=0, end=1, text="$15", value=15.0,
        head="month", per="month",
    )  # fmt: skip
    plain = Extraction(
        kind="money", key="tallis amount", start=0, end=1, text="290", value=290.0,
        head="tallis",
    )  # fmt: skip
    assert verb_of(rate) == "amount per month"
    assert verb_of(plain) == "amount"
    features = dict(
        zip(
            FEATURE_NAMES,
            pair_features(_item("a1", 0, rate), _item("a2", 1, plain), True),
            strict=True,
        )
    )
    assert features["verb_differ"] == 1 and features["head_equal"] == 0
