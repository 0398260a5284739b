"""Alignment rules: slots by what a value is about, intervals, support by independence group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from corroborator.compare.align import align_story, numbers_agree, omissions_for
from corroborator.model import Article, Claim, Extraction, Sentence
from english_articles import english_story


def _art(aid: str, text: str = "x") -> Article:
    return Article(
        id=aid,
        source=aid,
        title=aid,
        language="en",
        published=None,
        text=text,
        sentences=[Sentence(0, len(text), text)],
    )


def _q(
    value: float,
    head: str,
    key: str,
    *,
    approx: bool = False,
    low: float | None = None,
    high: float | None = None,
    kind: str = "quantity",
    unit: str | None = None,
    slot: str = "",
) -> Extraction:
    return Extraction(
        kind=kind,  # type: ignore[arg-type]
        key=key,
        start=0,
        end=1,
        text=f"{value} {head}",
        value=value,
        unit=unit,
        approximate=approx,
        low=low,
        high=high,
        head=head,
        slot=slot or key,
        sentence_index=0,
    )


def _dur(seconds: float, head: str = "fire", **kw: object) -> Extraction:
    return _q(seconds, head, f"{head} duration", kind="duration", unit="s", **kw)  # type: ignore[arg-type]


def _run(groups: Sequence[Sequence[str]], ext: dict[str, list[Extraction]], embedder=None):  # type: ignore[no-untyped-def]
    arts = {a: _art(a) for g in groups for a in g}
    return align_story(groups, ext, arts, embedder)


def test_hedged_durations_agree_and_conflict() -> None:
    about_90 = _dur(5400, approx=True)
    hour_and_half = _dur(5400)
    assert numbers_agree(about_90, hour_and_half)
    assert numbers_agree(_dur(2700), _dur(2700))  # "45 minutes" = "three quarters of an hour"
    two_days, about_30h = _dur(172800), _dur(108000, approx=True)
    assert not numbers_agree(two_days, about_30h)
    more_than_300 = _q(300, "person", "person evacuated", low=300)
    assert numbers_agree(more_than_300, _q(340, "person", "person evacuated"))
    assert not numbers_agree(more_than_300, _q(250, "person", "person evacuated"))


def test_corroboration_counts_groups_not_articles() -> None:
    groups = [["a1", "a3"], ["a2"]]  # a3 is a copy of a1
    ext = {
        "a1": [_q(300, "resident", "resident evacuated")],
        "a2": [_q(300, "person", "person evacuated", approx=True)],
        "a3": [_q(300, "resident", "resident evacuated")],
    }
    (claim,) = _run(groups, ext)
    assert claim.verdict == "corroborated"
    assert claim.support == 2
    assert [m.article for m in claim.mentions] == ["a1", "a3", "a2"]


def test_copy_alone_is_single_source() -> None:
    (claim,) = _run([["a1", "a2"]], {"a1": [_dur(7200)], "a2": [_dur(7200)]})
    assert claim.verdict == "single_source" and claim.support == 1


def test_conflict_has_sides_with_values_and_articles() -> None:
    groups = [["a1"], ["a2"], ["a3"]]
    ext = {
        "a1": [_q(12, "firefighter", "firefighter injured")],
        "a2": [_q(8, "firefighter", "firefighter injured")],
        "a3": [_q(12, "firefighter", "firefighter injured")],
    }
    (claim,) = _run(groups, ext)
    assert claim.verdict == "conflicting"
    assert [(s["value"], s["articles"], s["support"]) for s in claim.sides] == [
        (12, ["a1", "a3"], 2),
        (8, ["a2"], 1),
    ]


def test_counts_of_different_things_never_conflict() -> None:
    ext = {
        "a1": [_q(12, "firefighter", "firefighter injured")],
        "a2": [
            _q(3, "resident", "resident injured"),
            _q(40, "firefighter", "firefighter deployed"),
        ],
    }
    claims = _run([["a1"], ["a2"]], ext)
    assert sorted(c.verdict for c in claims) == ["single_source"] * 3


def test_weak_match_never_creates_a_confident_conflict() -> None:
    # A count without its verb is weak evidence of the same fact: the two bare counts are at
    # most a possible conflict, and the count whose verb says what happened to the residents
    # (evacuated) is neither set against them nor corroborated by them.
    ext = {
        "a1": [_q(300, "resident", "resident evacuated")],
        "a2": [_q(120, "resident", "resident")],
        "a3": [_q(300, "resident", "resident")],
    }
    claims = _run([["a1"], ["a2"], ["a3"]], ext)
    assert not any(c.verdict == "conflicting" for c in claims)
    (evacuated,) = [c for c in claims if "a1" in {m.article for m in c.mentions}]
    assert {m.article for m in evacuated.mentions} == {"a1"}
    assert evacuated.verdict == "single_source"


def test_money_in_different_currencies_is_not_compared() -> None:
    ext = {
        "a1": [_q(4.5e6, "damage", "damage cost", kind="money", unit="EUR")],
        "a2": [_q(5e6, "damage", "damage cost", kind="money", unit="USD")],
    }
    claims = _run([["a1"], ["a2"]], ext)
    assert [c.verdict for c in claims] == ["single_source", "single_source"]


class _FakeEmbedder:
    """Maps slot phrases to fixed vectors: lets the test pin what is "similar"."""

    name = "fake"
    dim = 2

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        table = {
            "Brand dauerte": [1.0, 0.0],
            "fire burned": [0.96, 0.28],
            "road closed": [0.0, 1.0],
        }
        return np.array([table.get(t, [0.6, 0.8]) for t in texts], dtype=np.float32)


def test_cross_lingual_weak_match_by_slot_embedding() -> None:
    ext = {
        "a1": [_dur(108000, head="fire", approx=True, slot="fire burned")],
        "a2": [_dur(108000, head="event", approx=True, slot="Brand dauerte")],
        "a3": [_dur(10800, head="road", slot="road closed")],
    }
    claims = _run([["a1"], ["a2"], ["a3"]], ext, _FakeEmbedder())
    by_key = {c.key: c for c in claims}
    assert by_key["fire duration"].verdict == "corroborated"
    assert by_key["fire duration"].support == 2
    assert by_key["road duration"].verdict == "single_source"


def _quote(text: str, speaker: str) -> Extraction:
    return Extraction(
        kind="quote",
        key=f"quote: {speaker.lower()}",
        start=0,
        end=len(text),
        text=f'"{text}"',
        value=text,
        speaker=speaker,
        sentence_index=0,
    )


def test_quotes_corroborate_by_speaker_and_words_and_never_conflict() -> None:
    ext = {
        "a1": [_quote("This was the hardest fire in a decade", "kovacs")],
        "a2": [
            _quote("this was the hardest fire in a decade", "kovacs"),
            _quote("We will rebuild", "kovacs"),
        ],
    }
    claims = _run([["a1"], ["a2"]], ext)
    assert [(c.verdict, c.support) for c in claims] == [("corroborated", 2), ("single_source", 1)]


def test_the_same_words_under_two_named_speakers_are_one_statement() -> None:
    # one report names the minister, the other her title; a third gives a stock phrase to
    # another speaker, which stays apart, as does a short common run of words
    ext = {
        "a1": [_quote("Healthy forests are critical to the safety of every valley town", "Okafor")],
        "a2": [
            _quote("healthy forests are critical to the safety of every valley town", "minister"),
            _quote("lasting peace for the region", "Brandt"),
        ],
        "a3": [_quote("We want a lasting peace for the region and its people", "Lindqvist")],
    }
    claims = _run([["a1"], ["a2"], ["a3"]], ext)
    (same,) = [c for c in claims if c.verdict == "corroborated"]
    assert same.support == 2
    assert same.explanation == (
        "the same quoted words, attributed to Okafor and minister by different reports"
    )
    # five words found inside a longer quote (three content words) are a stock phrase
    assert [c.verdict for c in claims].count("single_source") == 2


def test_conflicts_come_first_and_omissions_list_missing_groups() -> None:
    groups = [["a1", "a3"], ["a2"]]
    ext = {
        "a1": [_q(4.5e6, "damage", "damage cost", kind="money", unit="EUR"), _dur(7200)],
        "a2": [_dur(3600)],
    }
    claims = _run(groups, ext)
    assert [c.verdict for c in claims] == ["conflicting", "single_source"]
    for i, c in enumerate(claims, start=1):
        c.id = f"c{i}"
    omissions = omissions_for(claims, groups)
    assert [(o.claim, o.articles) for o in omissions] == [("c2", ["a2"])]


def test_cross_lingual_mention_joins_its_side_of_a_conflict() -> None:
    ext = {
        "a1": [_dur(108000, head="fire", approx=True, slot="fire burned")],
        "a2": [_dur(172800, head="fire", slot="fire burned")],
        "a3": [_dur(108000, head="event", approx=True, slot="Brand dauerte")],
    }
    arts = {a: _art(a) for a in ("a1", "a2", "a3")}
    arts["a3"].language = "de"  # its head is a German word as written, no English head
    claims = align_story([["a1"], ["a2"], ["a3"]], ext, arts, _FakeEmbedder())
    conflict = next(c for c in claims if len(c.sides) > 1)
    assert conflict.verdict in ("conflicting", "possible_conflict")
    assert [(s["value"], s["articles"]) for s in conflict.sides] == [
        (108000, ["a1", "a3"]),
        (172800, ["a2"]),
    ]
    assert conflict.explanation.startswith("grouped by")


def test_generic_slots_are_not_reported_as_omissions() -> None:
    ext = {"a1": [_q(3, "event", "event date", kind="date")], "a2": []}
    claims = _run([["a1"], ["a2"]], ext)
    claims[0].id = "c1"
    assert omissions_for(claims, [["a1"], ["a2"]]) == []


def test_relative_dates_from_differently_dated_articles_do_not_conflict() -> None:
    def thursday(value: str) -> Extraction:
        return Extraction(
            kind="date",
            key="crossing date",
            start=0,
            end=8,
            text="Thursday",
            value=value,
            unit="date",
            head="crossing",
            sentence_index=0,
        )

    arts = {
        "a1": _art("a1"),
        "a2": _art("a2"),
        "a3": _art("a3"),
    }
    arts["a1"].published, arts["a2"].published, arts["a3"].published = (
        "2026-03-04",
        "2026-03-05",
        "2026-03-04",
    )
    ext = {
        "a1": [thursday("2026-03-05")],
        "a2": [thursday("2026-03-12")],
        "a3": [thursday("2026-03-12")],
    }
    claims = align_story([["a1"], ["a2"], ["a3"]], ext, arts, None)
    # a1 vs a2: same words, different reference days -> no conflict;
    # a1 vs a3: same reference day, different days -> a real conflict.
    conflict = next(c for c in claims if len(c.sides) > 1)
    assert conflict.verdict in ("conflicting", "possible_conflict")
    sides = {s["value"]: s["articles"] for s in conflict.sides}
    assert sides == {"2026-03-05": ["a1", "a2"], "2026-03-12": ["a3"]}


def test_two_weekday_names_from_differently_dated_articles_are_two_days() -> None:
    # "on Thursday" in one report and "on Friday" in another, published a day apart: the
    # slack for relative dates read against two publication days never makes two different
    # weekdays one day
    def day(text: str, value: str) -> Extraction:
        return Extraction(
            kind="date",
            key="attack date",
            start=0,
            end=len(text),
            text=text,
            value=value,
            unit="date",
            head="attack",
            sentence_index=0,
        )

    arts = {"a1": _art("a1"), "a2": _art("a2")}
    arts["a1"].published, arts["a2"].published = "2026-03-06", "2026-03-07"
    ext = {"a1": [day("Thursday", "2026-03-05")], "a2": [day("Friday", "2026-03-06")]}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    assert not [c for c in claims if c.verdict == "corroborated"]
    # a relative day without a weekday name ("yesterday") keeps the slack
    ext = {"a1": [day("Thursday", "2026-03-05")], "a2": [day("yesterday", "2026-03-06")]}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    assert [c.verdict for c in claims] == ["corroborated"]
    # a named day that does not move with the publication day ("Thanksgiving", read as a
    # Thursday two days before its report) is no Monday, however near
    arts["a1"].published, arts["a2"].published = "2026-03-07", "2026-03-09"
    ext = {"a1": [day("Thanksgiving", "2026-03-05")], "a2": [day("Monday", "2026-03-09")]}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    assert not [c for c in claims if c.verdict == "corroborated"]


def test_counts_dated_to_two_weekday_names_are_two_facts() -> None:
    # "Sunday's quake killed ten" / "on Saturday a quake elsewhere killed twelve": two weekday
    # names are two days, so the counts are two facts, not a conflict
    def killed(value: float, day: str, weekday: bool) -> Extraction:
        return replace(
            _q(value, "person", "person killed"),
            event_date=day,
            event_weekday=weekday,
        )

    arts = {"a1": _art("a1"), "a2": _art("a2"), "a3": _art("a3")}
    ext = {
        "a1": [killed(10, "2026-03-08", True)],
        "a2": [killed(10, "2026-03-08", True)],
        "a3": [killed(12, "2026-03-07", True)],
    }
    claims = align_story([["a1"], ["a2"], ["a3"]], ext, arts, None)
    assert not [c for c in claims if c.verdict in ("conflicting", "possible_conflict")]
    # the same two days written without weekday names ("yesterday" read against two
    # publication days) may be one day: the counts are set against each other
    ext["a3"] = [killed(12, "2026-03-07", False)]
    claims = align_story([["a1"], ["a2"], ["a3"]], ext, arts, None)
    assert claims[0].verdict in ("conflicting", "possible_conflict")


def test_a_bare_count_restating_a_toll_joins_the_toll() -> None:
    # "three people" in articles that also say three people were killed is the toll again,
    # not a row of its own
    def toll() -> Extraction:
        return _q(3, "person", "person killed")

    def bare() -> Extraction:
        return _q(3, "person", "person")

    ext = {"a1": [toll(), bare()], "a2": [toll(), bare()], "a3": [toll()]}
    (claim,) = _run([["a1"], ["a2"], ["a3"]], ext)
    assert claim.verdict == "corroborated" and claim.key == "person killed"
    assert "bare count" in claim.explanation
    assert sorted(m.article for m in claim.mentions) == ["a1", "a1", "a2", "a2", "a3"]
    # a bare count that an article gives without the toll may be another fact: both rows stay
    ext["a4"] = [bare()]
    claims = _run([["a1"], ["a2"], ["a3"], ["a4"]], ext)
    assert sorted(c.key for c in claims) == ["person", "person killed"]
    assert not any("bare count" in c.explanation for c in claims)


def test_times_of_day_compare_as_minutes_with_zone_and_hedge() -> None:
    from corroborator.compare.align import times_agree

    def t(value: str, unit: str | None = None, approx: bool = False) -> Extraction:
        return Extraction(
            kind="time",
            key="quake time",
            start=0,
            end=5,
            text=value,
            value=value,
            unit=unit,
            approximate=approx,
        )

    assert times_agree(t("20:45", "GMT", approx=True), t("20:55", "GMT"))
    assert not times_agree(t("20:45", "GMT"), t("21:45", "GMT"))
    # zones differ: not comparable, so neither one value nor a conflict (`_pair_relations`)
    assert not times_agree(t("02:00", "local"), t("01:00", "GMT"))
    assert times_agree(t("23:55", approx=True), t("00:05"))  # across midnight
    assert not times_agree(t("10:20"), t("10:50"))


def test_a_rising_toll_reported_at_different_times_is_an_update() -> None:
    groups = [["a1"], ["a2"]]
    arts = {a: _art(a) for a in ("a1", "a2")}
    arts["a1"].published, arts["a2"].published = "2026-05-02T08:00:00", "2026-05-02T19:00:00"
    ext = {
        "a1": [_q(4, "person", "person killed")],
        "a2": [_q(12, "person", "person killed")],
    }
    claims = align_story(groups, ext, arts, None)
    (claim,) = [c for c in claims if len(c.sides) > 1]
    assert [(s["value"], s["published"]) for s in claim.sides] == [
        (4, "2026-05-02T08:00:00"),
        (12, "2026-05-02T19:00:00"),
    ]
    assert "update" in claim.explanation


def test_dates_agree_when_their_periods_overlap() -> None:
    from corroborator.compare.align import dates_agree

    def d(value: str) -> Extraction:
        return Extraction(kind="date", key="d", start=0, end=1, text=value, value=value)

    assert dates_agree(d("2026-Q1"), d("2026-02-14"))
    assert not dates_agree(d("2026-Q1"), d("2026-04"))
    assert dates_agree(d("199X"), d("1995-06"))
    assert not dates_agree(d("199X"), d("2001"))
    assert dates_agree(d("2025-WI"), d("2026-01-10"))  # winter runs into the next year
    assert dates_agree(d("2026-W11"), d("2026-03-12"))
    assert not dates_agree(d("2026-03-14"), d("2026-03-16"))


def test_vectorised_agreement_is_the_pairwise_rule() -> None:
    from corroborator.compare.align import _agreement, _Item

    rng = np.random.default_rng(7)
    exts = []
    for k in range(40):
        v = float(rng.choice([100, 101, 120, 300, 0, 1e6]))
        kw: dict[str, object] = {}
        if k % 3 == 0:
            kw["approx"] = True
        if k % 5 == 0:
            kw["low"] = v
        if k % 7 == 0:
            kw["high"] = v * 1.2
            kw["low"] = None
        exts.append(_q(v, "person", "person killed", **kw))  # type: ignore[arg-type]
    # rounded figures (a hedge's band on both sides) and round / precise pairs: the two rules
    # of `numbers_agree` beyond overlapping intervals ("about 600" / "some 700" differ although
    # their bands overlap; "36,000" / "36,280" agree although they do not)
    for v in (600.0, 700.0, 650.0, 36000.0, 36280.0, 36000.0, 47000.0):
        exts.append(_q(v, "metres", "distance", approx=True, low=v * 0.9, high=v * 1.1))
        exts.append(_q(v, "metres", "distance"))
    items = [_Item(f"a{k}", k, e) for k, e in enumerate(exts)]
    matrix = _agreement(items)
    assert not matrix[40, 42] and numbers_agree(exts[40], exts[42]) is False
    for a in range(len(items)):
        for b in range(len(items)):
            if a != b:
                assert matrix[a, b] == numbers_agree(exts[a], exts[b]), (exts[a], exts[b])


def _reference_linkage(clusters, values, counted, blocked, threshold, needed=None):  # type: ignore[no-untyped-def]
    """The merging rule of `_linkage`, written plainly: recompute every pair each round."""
    import math

    groups = [sorted(c) for c in clusters]
    weakest = [math.inf] * len(groups)
    while True:
        best = None
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                pairs = [(a, b) for a in groups[i] for b in groups[j]]
                cnt = sum(counted[a, b] for a, b in pairs)
                if not cnt or any(blocked[a, b] for a, b in pairs):
                    continue
                if needed is not None and not any(needed[a, b] for a, b in pairs):
                    continue
                score = sum(values[a, b] for a, b in pairs if counted[a, b]) / cnt
                if score >= threshold and (best is None or score > best[0] + 1e-12):
                    best = (score, i, j)
        if best is None:
            return groups, weakest
        score, i, j = best
        groups[i] = sorted(groups[i] + groups[j])
        weakest[i] = min(weakest[i], weakest[j], score)
        del groups[j], weakest[j]


def test_linkage_merges_like_the_plain_rule() -> None:
    import numpy as np

    from corroborator.compare.align import _linkage

    rng = np.random.default_rng(7)
    for _ in range(60):
        n = int(rng.integers(2, 18))
        values = rng.random((n, n))
        values = (values + values.T) / 2
        counted = rng.random((n, n)) < 0.8
        counted = counted | counted.T
        np.fill_diagonal(counted, False)
        blocked = rng.random((n, n)) < 0.05
        blocked = blocked | blocked.T
        needed = rng.random((n, n)) < 0.7
        needed = needed | needed.T
        threshold = float(rng.choice([0.2, 0.4, 0.6]))
        start = [[x] for x in range(n)]
        got, low = _linkage(start, values, counted, blocked, threshold, needed)
        want, want_low = _reference_linkage(start, values, counted, blocked, threshold, needed)
        assert got == want
        assert np.allclose(low, want_low)


def test_a_weak_disagreement_inside_one_article_is_two_facts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Every link weak (possible): two sources' values inside one article are then two facts
    # (an article seldom contradicts itself), while the same pair across articles stays a
    # possible conflict.
    import dataclasses

    from corroborator.compare import align

    strict = dataclasses.replace(align.default_model(), possible=0.0, conflict=1.01)
    monkeypatch.setattr(align, "default_model", lambda *a, **k: strict)
    monkeypatch.setenv("CORROBORATOR_ALIGN_POSSIBLE_FLOOR", "0")  # every weak link is shown
    one = {
        "a1": [
            dataclasses.replace(_q(120, "resident", "resident"), holder="police"),
            dataclasses.replace(_q(300, "resident", "resident"), holder="mayor"),
        ]
    }
    assert [c.verdict for c in _run([["a1"]], one)] == ["single_source", "single_source"]
    two = {"a1": one["a1"][:1], "a2": one["a1"][1:]}
    assert [c.verdict for c in _run([["a1"], ["a2"]], two)] == ["possible_conflict"]


def test_a_possible_conflict_linked_below_the_floor_is_shown_as_its_sides(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A disagreement whose sides the matcher links only weakly is more often two facts than
    # one (two figures of different things that read alike): below `align.possible_floor`
    # each side is its own claim; above it, the pair stays a possible conflict.
    import dataclasses

    from corroborator.compare import align

    strict = dataclasses.replace(align.default_model(), possible=0.0, conflict=1.01)
    monkeypatch.setattr(align, "default_model", lambda *a, **k: strict)
    two = {
        "a1": [dataclasses.replace(_q(120, "resident", "resident"), holder="police")],
        "a2": [dataclasses.replace(_q(300, "resident", "resident"), holder="mayor")],
    }
    monkeypatch.setenv("CORROBORATOR_ALIGN_POSSIBLE_FLOOR", "0")
    assert [c.verdict for c in _run([["a1"], ["a2"]], two)] == ["possible_conflict"]
    monkeypatch.setenv("CORROBORATOR_ALIGN_POSSIBLE_FLOOR", "1")
    claims = _run([["a1"], ["a2"]], two)
    assert [c.verdict for c in claims] == ["single_source", "single_source"]
    assert "too weakly" in claims[0].explanation


def test_a_vague_amount_does_not_confirm_a_figure() -> None:
    # "dozens of arrests" is compatible with "64 arrests" but confirms no figure: 64 is one
    # source's; two vague amounts still corroborate each other
    def arrests(value: float, vague: bool) -> Extraction:
        e = _q(value, "person", "person arrested", approx=vague)
        return replace(e, low=24.0, high=119.0) if vague else e

    claims = _run([["a1"], ["a2"]], {"a1": [arrests(64, False)], "a2": [arrests(24, True)]})
    (claim,) = claims
    assert (claim.verdict, claim.support) == ("single_source", 1)
    assert "vague amount" in claim.explanation
    claims = _run([["a1"], ["a2"]], {"a1": [arrests(24, True)], "a2": [arrests(24, True)]})
    assert [(c.verdict, c.support) for c in claims] == [("corroborated", 2)]


def test_a_label_opening_with_a_fragment_falls_back_to_its_kind() -> None:
    # "at 9:40am on Sunday" gave the rule label "40am date", "p.m." gave "p.m. date": a
    # fragment names nothing, so the label is the kind alone; a named label is kept
    def day(label: str) -> Extraction:
        return replace(
            _q(0, "event", "event date", kind="date", unit="date"), value="2026-03-08", label=label
        )

    for bad in ("40am date", "p.m. date", "m. date"):
        (claim,) = _run([["a1"], ["a2"]], {"a1": [day(bad)], "a2": [day(bad)]})
        assert claim.label == "date"
    (claim,) = _run([["a1"], ["a2"]], {"a1": [day("40am date")], "a2": [day("hearing date")]})
    assert claim.label == "hearing date"


def _story(texts: dict[str, str]) -> list[Claim]:
    """Claims of one story of English articles published on 2026-03-14, aligned without the
    sentence model."""
    return english_story(texts, "2026-03-14")


def test_two_times_of_one_start_told_90_minutes_apart_conflict() -> None:
    # how far apart two times of day are is weighed in hours: "about 9pm" / "shortly after
    # 10.30pm" for one fire's start is a plain disagreement, as "40" / "100" firefighters
    claims = _story(
        {
            "a1": "A fire broke out at a warehouse in Dunmore on Friday night. "
            "The blaze started at about 9pm, the fire service said.",
            "a2": "Flames tore through a Dunmore warehouse on Friday. "
            "The fire began shortly after 10.30pm, according to the fire service.",
        }
    )
    (start,) = [c for c in claims if c.kind == "time"]
    assert start.verdict == "conflicting"
    assert sorted(s["value"] for s in start.sides) == ["21:00", "22:30"]


def test_a_bare_count_of_responders_meets_their_deployment() -> None:
    # "40 firefighters were sent" (no verb of the table) and "around 60 firefighters were
    # deployed": a bare count of responders is how many were deployed, so the two disagree;
    # a bare count beside an injury stays another fact ("7 fans were injured" / "10 fans")
    claims = _story(
        {
            "a1": "Fire chief Ana Ruiz said 40 firefighters were sent to the warehouse fire.",
            "a2": "Around 60 firefighters were deployed to the warehouse fire, chief Ana Ruiz said.",
        }
    )
    (crews,) = [c for c in claims if c.kind == "quantity"]
    assert crews.verdict in ("conflicting", "possible_conflict")
    claims = _story(
        {
            "a1": "Seven fans were injured at the stadium, police said.",
            "a2": "About 10 fans were led out of the stadium, police said.",
        }
    )
    assert all(len(c.sides) < 2 for c in claims)


def test_near_synonym_heads_are_one_measured_thing_for_a_conflict() -> None:
    # "40,000 households" / "50,000 homes", "three boats" / "two speedboats": heads from the
    # noun tables that differ keep two counts from ever conflicting, unless their words embed
    # nearly alike (`_alike_heads`, the bar that lets equal counts of them corroborate)
    from corroborator.compare.align import _Item, _pair_relations

    block = [
        _Item("a1", 0, _q(50000, "home", "home")),
        _Item("a2", 1, _q(40000, "household", "household left")),
    ]
    _, _, apart, _ = _pair_relations(block)
    assert apart[0, 1]
    _, _, apart, _ = _pair_relations(block, np.array([[True, True], [True, True]]))
    assert not apart[0, 1]


def test_values_an_article_states_as_two_facts_are_apart_elsewhere() -> None:
    # a3 states both rounds in one voice ("knocked down in the sixth, stopped in the
    # seventh"): a1's "sixth round" and a2's "seventh round" are two facts, not a
    # disagreement. Two voices in one article ("5.9, the centre said; 6.1, the survey said")
    # do not mark anything, nor do values of another measured thing ("18 injured and 12
    # arrested" says nothing about "12 injured").
    from corroborator.compare.align import _agreement, _Item, _pair_relations, apart_elsewhere

    def marks(block: list[_Item]) -> np.ndarray:
        agree = _agreement(block)
        _, one_voice, frames_differ, _ = _pair_relations(block)
        return apart_elsewhere(block, agree, one_voice, frames_differ)

    rounds = [
        _Item("a1", 0, _q(6, "round", "round knocked")),
        _Item("a2", 1, _q(7, "round", "round stopped")),
        _Item("a3", 2, _q(6, "round", "round knocked")),
        _Item("a3", 2, _q(7, "round", "round stopped")),
    ]
    m = marks(rounds)
    assert m[0, 1] and m[1, 0]
    assert m[2, 3]  # the article's own two values
    assert not m[0, 2]  # agreeing values are never marked
    voices = [
        _Item("a1", 0, _q(5.9, "magnitude", "magnitude")),
        _Item("a2", 1, _q(6.1, "magnitude", "magnitude")),
        _Item("a3", 2, replace(_q(5.9, "magnitude", "magnitude"), holder="centre")),
        _Item("a3", 2, replace(_q(6.1, "magnitude", "magnitude"), holder="survey")),
    ]
    assert not marks(voices).any()
    events = [
        _Item("a1", 0, _q(12, "person", "person injured")),
        _Item("a2", 1, _q(18, "person", "person injured")),
        _Item("a3", 2, _q(18, "person", "person injured")),
        _Item("a3", 2, _q(12, "person", "person arrested")),
    ]
    assert not marks(events)[0, 1]
    assert marks(events)[2, 3]  # "18 injured and 12 arrested" are two facts of a3


def test_a_figure_pair_another_report_tells_apart_is_no_conflict() -> None:
    # Two reports of a storm: 12 injured in one town, 18 in another. Alone they read as a
    # disagreement about one toll (the frame has no place). A third report states both, one
    # voice, as two facts, and the story shows two corroborated tolls instead of a conflict:
    # here because the third report's mentions join the two sides, which its one voice then
    # keeps apart; where they do not join (other wording, another language), the matcher's
    # `apart_elsewhere` lowers the link between the first two
    # (test_frames.test_a_pair_another_article_tells_apart_is_weighed_down).
    texts = {
        "a1": "Twelve people were injured when the storm hit Harlow on Friday.",
        "a2": "Eighteen people were injured when the storm hit Medrin on Friday.",
    }
    both = (
        "Twelve people were injured in Harlow and eighteen people were injured in Medrin "
        "when the storm hit on Friday."
    )
    (alone,) = [c for c in _story(texts) if c.kind == "quantity"]
    assert alone.verdict == "conflicting"  # the reading the third report corrects
    told = [c for c in _story({**texts, "a3": both}) if c.kind == "quantity"]
    assert sorted(c.verdict for c in told) == ["corroborated", "corroborated"]
    assert sorted(m.article for c in told for m in c.mentions) == ["a1", "a2", "a3", "a3"]
