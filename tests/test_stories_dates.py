"""Event dates and member agreement in the story scorer: look-alike events of one year apart
by their months, follow-ups across a month boundary together, a name one member of many
carries weighs less than a name every member carries.

Fixtures are fictional events written for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.embed import default_embedder
from corroborator.model import Article
from corroborator.stories.cluster import anchor_terms, cluster_stories
from corroborator.stories.events import event_dates
from corroborator.stories.incremental import StoryIndex
from corroborator.stories.score import Candidate, StoryParams, prepare, score, story_side
from corroborator.text.sentences import split_sentences


def test_event_dates_need_a_day_or_a_year_next_to_the_month() -> None:
    lines = [
        "The dam burst on 3 March 2025 near Velmora.",
        "Officials may reopen the road; crowds march to the square.",
        "Repairs began Dec. 11 and end in May.",
    ]
    assert event_dates(lines) == {"@2025-03", "@12"}


def test_event_dates_read_month_names_of_the_article_language() -> None:
    assert event_dates(["La diga è crollata il 16 dicembre 2008."], "it") == {"@2008-12"}
    assert event_dates(["Der Damm brach am 16. Dezember."], "de") == {"@12"}
    # English month names are read in any language (datelines, agency copy)
    assert event_dates(["Kostrin, 4 July"], "nl") == {"@07"}


def test_anchor_terms_carry_the_event_dates() -> None:
    text = "A dam burst near Velmora on 3 March 2025, flooding two villages."
    art = Article(
        id="a1",
        source="a1",
        title="Dam bursts near Velmora",
        language="en",
        published=None,
        text=text,
        sentences=split_sentences(text, "en"),
    )
    assert "@2025-03" in anchor_terms(art)


def _cand(aid: str, vec: list[float], anchors: tuple[str, ...]) -> Candidate:
    v = np.zeros(8, dtype=np.float32)
    v[: len(vec)] = vec
    return Candidate(aid, v / np.linalg.norm(v), frozenset(anchors), None, aid, "en")


def _only(**over: float) -> StoryParams:
    """Scorer parameters with every term but the named ones switched off."""
    base = {
        "anchor_weight": 0.0,
        "word_weight": 0.0,
        "story_side": 0.0,
        "year_penalty": 0.0,
        "month_penalty": 0.0,
        "member_weight": 0.0,
        "cohesion_weight": 0.0,
        "min_df": 1,
    }
    return StoryParams(**{**base, **over})  # type: ignore[arg-type]


def test_months_that_disagree_cost_the_month_penalty() -> None:
    params = _only(month_penalty=0.3)
    index = StoryIndex(params, dim=8)
    index.assign([_cand("a1", [1.0], ("@03", "velmora"))])
    row = index.open["s1"]
    side = story_side(row, index.keys, params)
    same = prepare(_cand("a2", [1.0], ("@2025-03",)), index.keys, params)
    next_month = prepare(_cand("a3", [1.0], ("@04",)), index.keys, params)  # a month on
    far = prepare(_cand("a4", [1.0], ("@09",)), index.keys, params)
    none = prepare(_cand("a5", [1.0], ()), index.keys, params)
    december = prepare(_cand("a6", [1.0], ("@2024-12",)), index.keys, params)
    assert score(same, row, params, side) == pytest.approx(1.0)
    assert score(next_month, row, params, side) == pytest.approx(1.0)
    assert score(far, row, params, side) == pytest.approx(0.7)
    assert score(none, row, params, side) == pytest.approx(1.0)  # no month named: no evidence
    assert score(december, row, params, side) == pytest.approx(0.7)
    # months wrap around the year: January is next to December
    index.assign([_cand("b7", [0.0, 1.0], ("@01", "mirant"))])
    jan = index.open["s7"]
    late_december = prepare(_cand("a8", [0.0, 1.0], ("@2024-12",)), index.keys, params)
    side = story_side(jan, index.keys, params)
    assert score(late_december, jan, params, side) == pytest.approx(1.0)


def test_member_weight_counts_how_many_members_carry_a_name() -> None:
    """A name that one of four members carries (a bridge between two events) weighs less
    than one every member carries."""
    any_member = _only(anchor_weight=1.0, anchor_base=0.0)
    by_member = _only(anchor_weight=1.0, anchor_base=0.0, member_weight=1.0)
    index = StoryIndex(any_member, dim=8)
    index.assign(
        [
            _cand(f"a{n}", [1.0, 0.1 * n], ("velmora", "kostrin" if n == 0 else "velmora"))
            for n in range(4)
        ]
    )
    row = index.open["s0"]
    assert row.size == 4
    side = story_side(row, index.keys, any_member)
    everyone = prepare(_cand("x1", [1.0], ("velmora",)), index.keys, any_member)
    one = prepare(_cand("x2", [1.0], ("kostrin",)), index.keys, any_member)
    cos_one = float(one.cand.vector @ row.vector_sum) / row.size
    assert score(one, row, any_member, side) == pytest.approx(cos_one + 1.0)
    assert score(one, row, by_member, side) == pytest.approx(cos_one + 0.25)
    assert score(everyone, row, by_member, side) == pytest.approx(
        score(everyone, row, any_member, side)
    )


def test_names_no_other_article_has_do_not_dilute_the_share() -> None:
    """With min_df 2 a report's own names (a witness, a street) are left out of its share;
    a report whose names nobody else has still pays anchor_base."""
    every_key = _only(anchor_weight=1.0, anchor_base=0.2, min_df=1)
    shared_keys = _only(anchor_weight=1.0, anchor_base=0.2, min_df=2)
    index = StoryIndex(shared_keys, dim=8)
    index.assign([_cand("a1", [1.0], ("velmora", "pelisar"))])
    row = index.open["s1"]
    x = _cand("x1", [1.0], ("velmora", "pelisar", "grund street", "ivo marsk"))
    loner = _cand("x2", [1.0], ("osk",))
    index.keys.add(x.anchors, "en")
    index.keys.add(loner.anchors, "en")
    side = story_side(row, index.keys, shared_keys)
    diluted = score(prepare(x, index.keys, every_key), row, every_key, side)
    shared = score(prepare(x, index.keys, shared_keys), row, shared_keys, side)
    assert 1.0 < diluted < shared
    assert shared == pytest.approx(1.8)  # every name another article has is in the story
    assert score(prepare(loner, index.keys, shared_keys), row, shared_keys, side) == (
        pytest.approx(0.8)
    )


def test_cohesion_weight_measures_a_report_against_the_story_members() -> None:
    """A report as close to the story as its members are to each other loses nothing; one
    further away loses cohesion_weight times the difference."""
    params = _only(cohesion_weight=2.0)
    index = StoryIndex(params, dim=8)
    index.assign([_cand("a1", [1.0, 0.2], ()), _cand("a2", [1.0, -0.2], ())])
    row = index.open["s1"]
    side = story_side(row, index.keys, params)
    assert side.cohesion is not None
    close = prepare(_cand("x1", [1.0], ()), index.keys, params)
    far = prepare(_cand("x2", [1.0, 1.0], ()), index.keys, params)
    cos_close = float(close.cand.vector @ row.vector_sum) / 2
    cos_far = float(far.cand.vector @ row.vector_sum) / 2
    assert cos_close > side.cohesion  # the centre of the story
    assert score(far, row, params, side) == pytest.approx(cos_far + 2.0 * (cos_far - side.cohesion))
    assert score(far, row, params, side) < cos_far < cos_close < score(close, row, params, side)


def test_cohesion_is_not_used_for_languages_outside_the_embedding() -> None:
    """Within a language USE does not cover any two texts look alike, so the story's
    cohesion says nothing there: the score is the same with and without the term."""
    params = _only(cohesion_weight=2.0, threshold=0.0)
    off = _only(threshold=0.0)
    index = StoryIndex(params, dim=8)  # threshold 0: both cs reports form one story
    v1, v2 = _cand("a1", [1.0, 0.2], ()).vector, _cand("a2", [1.0, -0.2], ()).vector
    index.assign(
        [
            Candidate("a1", v1, frozenset(), None, "a1", "cs"),
            Candidate("a2", v2, frozenset(), None, "a2", "cs"),
        ]
    )
    row = index.open["s1"]
    assert row.size == 2
    side = story_side(row, index.keys, params)
    x = prepare(
        Candidate("x1", _cand("x1", [1.0, 1.0], ()).vector, frozenset(), None, "x1", "cs"),
        index.keys,
        params,
    )
    assert score(x, row, params, side) == pytest.approx(score(x, row, off, side))
    assert score(x, row, params, side) == pytest.approx(params.uncovered_same_language_cosine)
    english = Candidate("x2", x.cand.vector, frozenset(), None, "x2", "en")
    y = prepare(english, index.keys, params)  # across languages the cosine is rescaled
    cos = float(y.cand.vector @ row.vector_sum) / row.size
    assert cos < side.cohesion  # type: ignore[operator]
    assert score(y, row, params, side) == pytest.approx(score(y, row, off, side))
    assert score(y, row, params, side) == pytest.approx(
        min(1.0, cos / params.uncovered_cosine_scale)
    )


def _article(aid: str, title: str, text: str, published: str | None = None) -> Article:
    return Article(
        id=aid,
        source=aid,
        title=title,
        language="en",
        published=published,
        text=text,
        sentences=split_sentences(text, "en"),
    )


# Two floods of one river in one year, months apart, in neighbouring towns: no publication
# dates, no years; the months in the text and the places tell them apart.
FLOOD_SPRING = [
    (
        "fs1",
        "Arlen river floods Tessby",
        "The Arlen river burst its banks at Tessby on 14 April, flooding forty homes. Mayor "
        "Ivo Marsk said the pumping station failed overnight.",
    ),
    (
        "fs2",
        "Tessby residents bail out after Arlen flood",
        "Residents of Tessby spent Sunday, 15 April, bailing water from cellars after the "
        "Arlen flood. Mayor Ivo Marsk promised new pumps.",
    ),
    (
        "fs3",
        "Pumping station blamed for Tessby flood",
        "A failed pumping station let the Arlen river into forty Tessby homes on 14 April, "
        "engineers told Mayor Ivo Marsk.",
    ),
]
FLOOD_AUTUMN = [
    (
        "fa1",
        "Arlen river floods Grenholm",
        "The Arlen river flooded the old town of Grenholm on 2 October after three days of "
        "rain. Council leader Petra Ovist said sixty shops were damaged.",
    ),
    (
        "fa2",
        "Grenholm shops count losses after Arlen flood",
        "Shopkeepers in Grenholm counted their losses on 3 October, a day after the Arlen "
        "flood. Council leader Petra Ovist asked for emergency funds.",
    ),
    (
        "fa3",
        "Grenholm old town under water",
        "Sixty shops in the old town of Grenholm were under water on 2 October as the Arlen "
        "river rose. Petra Ovist, the council leader, closed the market.",
    ),
]


def test_look_alike_events_of_one_year_stay_apart() -> None:
    arts = [_article(*r) for r in FLOOD_SPRING + FLOOD_AUTUMN]
    stories = cluster_stories(arts, default_embedder())
    assert stories == [[a for a, _, _ in FLOOD_SPRING], [a for a, _, _ in FLOOD_AUTUMN]]


# One event's follow-ups across a month boundary: each report names its own day.
ACROSS_MONTHS = [
    (
        "m1",
        "2026-05-29",
        "Ferry Kalla runs aground off Tessby",
        "The ferry Kalla ran aground off Tessby on 29 May with 120 passengers on board. "
        "Captain Ruben Stoll said nobody was hurt.",
    ),
    (
        "m2",
        "2026-05-31",
        "Ferry Kalla towed free off Tessby",
        "Tugs towed the ferry Kalla free on 31 May, two days after it ran aground off "
        "Tessby. Captain Ruben Stoll was questioned by investigators.",
    ),
    (
        "m3",
        "2026-06-03",
        "Kalla captain suspended after Tessby grounding",
        "The operator suspended Captain Ruben Stoll on 3 June, after the ferry Kalla ran "
        "aground off Tessby last week.",
    ),
]


def test_follow_ups_across_a_month_boundary_join() -> None:
    arts = [_article(a, t, x, d) for a, d, t, x in ACROSS_MONTHS]
    stories = cluster_stories(arts, default_embedder())
    assert stories == [["m1", "m2", "m3"]]
