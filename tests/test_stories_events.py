"""One story scorer for both modes: look-alike events apart, follow-ups together, same stories.

Fixtures are fictional events written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from corroborator.corpus import IngestOptions, ingest, list_stories
from corroborator.embed import default_embedder
from corroborator.ingest.walk import walk_inputs
from corroborator.model import Article
from corroborator.pipeline import prepare_all
from corroborator.store import open_store
from corroborator.store.base import StoryRow
from corroborator.stories.cluster import cluster_stories
from corroborator.stories.incremental import StoryIndex
from corroborator.stories.score import Candidate, StoryParams, prepare, score, story_side
from corroborator.text.sentences import split_sentences

# Two earthquakes of the same kind, a year apart, in two different (fictional) regions;
# no publication dates: the years and places in the text must tell them apart.
QUAKE_2025 = [
    (
        "q25a",
        "Strong earthquake shakes Dravenna valley",
        "A magnitude 6.2 earthquake struck the Dravenna valley on Monday, 3 March 2025, "
        "damaging old houses in Velmora and Kostrin. The regional governor Anton Pelisar said "
        "nine people were injured. Rescue teams searched collapsed barns near Velmora.",
    ),
    (
        "q25b",
        "Velmora counts damage after 6.2 quake",
        "Residents of Velmora spent the night outdoors after the March 2025 earthquake in "
        "the Dravenna valley. Governor Anton Pelisar asked for army tents; nine injured "
        "people were taken to the hospital in Kostrin.",
    ),
    (
        "q25c",
        "Dravenna quake: schools closed in Kostrin",
        "Schools in Kostrin stay closed after Monday's 6.2 earthquake in the Dravenna "
        "valley, the town council said. Engineers are checking the bridge to Velmora.",
    ),
]
QUAKE_2026 = [
    (
        "q26a",
        "Earthquake hits Sorrel coast",
        "A magnitude 5.9 earthquake hit the Sorrel coast on Thursday, 12 March 2026, "
        "cracking walls in the port of Mirant and the village of Osk. Mayor Lenka Budin "
        "said two fishermen were hurt when a pier collapsed.",
    ),
    (
        "q26b",
        "Mirant harbour closed after 5.9 quake",
        "The harbour of Mirant on the Sorrel coast was closed after the March 2026 "
        "earthquake damaged a pier. Mayor Lenka Budin said divers would inspect the quay "
        "walls. In Osk, several chimneys fell.",
    ),
    (
        "q26c",
        "Sorrel coast quake: aftershocks rattle Osk",
        "Aftershocks rattled Osk and Mirant on Friday, a day after the 5.9 earthquake on "
        "the Sorrel coast. Mayor Lenka Budin asked residents to keep away from the pier.",
    ),
]
# One event's follow-ups over ten days: the fire, the investigation, the arrest, the
# reopening; each within the window of the story's latest report.
FOLLOW_UPS = [
    (
        "f1",
        "2026-05-04",
        "Fire destroys Harlow Mill warehouse in Brisk",
        "A fire destroyed the Harlow Mill textile warehouse in Brisk overnight. Fire chief "
        "Ona Tamsel said forty firefighters fought the blaze for six hours.",
    ),
    (
        "f2",
        "2026-05-06",
        "Harlow Mill fire in Brisk was arson, investigators say",
        "Investigators said on Wednesday that the fire at the Harlow Mill warehouse in Brisk "
        "was started deliberately. Fire chief Ona Tamsel said traces of petrol were found.",
    ),
    (
        "f3",
        "2026-05-10",
        "Man arrested over Harlow Mill warehouse fire",
        "Police in Brisk arrested a 34-year-old man over the arson at the Harlow Mill "
        "warehouse. The fire destroyed the building last week.",
    ),
    (
        "f4",
        "2026-05-14",
        "Harlow Mill staff return as Brisk warehouse fire suspect is charged",
        "The suspect in the Harlow Mill warehouse fire in Brisk was charged with arson on "
        "Thursday. Staff returned to a temporary depot ten days after the blaze.",
    ),
]
OTHER = (
    "chess",
    "Teenager wins Kalvik chess open",
    "Sixteen-year-old Mara Lindqvist won the Kalvik Chess Open on Sunday, beating three "
    "grandmasters on her way to the title. She takes home 5,000 crowns.",
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


def test_look_alike_events_a_year_apart_stay_apart() -> None:
    arts = [_article(*r) for r in QUAKE_2025 + QUAKE_2026]
    stories = cluster_stories(arts, default_embedder())
    assert stories == [[a for a, _, _ in QUAKE_2025], [a for a, _, _ in QUAKE_2026]]


def test_follow_ups_over_several_days_join() -> None:
    arts = [_article(a, t, x, d) for a, d, t, x in FOLLOW_UPS] + [_article(*OTHER)]
    stories = cluster_stories(arts, default_embedder())
    assert stories == [[a for a, _, _, _ in FOLLOW_UPS], ["chess"]]


def test_a_report_long_after_the_window_starts_a_new_story() -> None:
    late = ("f9", "2026-07-20", *FOLLOW_UPS[0][2:])  # the same text, ten weeks later
    arts = [_article(a, t, x, d) for a, d, t, x in [*FOLLOW_UPS[:2], late]]
    stories = cluster_stories(arts, default_embedder())
    assert stories == [["f1", "f2"], ["f9"]]


def _records(rows: list[tuple[str, str | None, str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "news.jsonl").open("w", encoding="utf-8") as fh:
        for aid, day, title, text in rows:
            rec = {"id": aid, "title": title, "text": text, "url": f"https://news.test/{aid}"}
            if day:
                rec["published"] = day
            fh.write(json.dumps(rec) + "\n")
    return folder


def test_compare_and_corpus_mode_form_the_same_stories(tmp_path: Path) -> None:
    rows = [
        *[(a, None, t, x) for a, t, x in QUAKE_2025 + QUAKE_2026],
        *FOLLOW_UPS,
        (OTHER[0], None, OTHER[1], OTHER[2]),
    ]
    folder = _records(rows, tmp_path / "in")
    # compare: read, prepare and group as `build_report` does
    corpus = prepare_all(walk_inputs([folder]))
    assert len(corpus.articles) == len(rows)
    by_url = {a.id: a.url for a in corpus.articles}
    compare = sorted(
        sorted(by_url[i] or "" for i in story)
        for story in cluster_stories(corpus.articles, default_embedder())
    )
    # corpus mode: the ingest job into a store, in one batch
    store = open_store(tmp_path / "c.db", create=True)
    try:
        ingest([folder], store, default_embedder(), IngestOptions(analysis="fast"))
        stream = sorted(
            sorted(r.url or "" for r in store.articles(s["articles"])) for s in list_stories(store)
        )
    finally:
        store.close()
    assert compare == stream
    assert len(compare) == 4  # two quakes, the fire and its follow-ups, the chess open


def _cand(
    aid: str, vec: list[float], anchors: tuple[str, ...], day: int | None = None
) -> Candidate:
    v = np.zeros(8, dtype=np.float32)
    v[: len(vec)] = vec
    return Candidate(aid, v / np.linalg.norm(v), frozenset(anchors), day, aid, "en")


def test_years_that_disagree_cost_the_year_penalty() -> None:
    params = StoryParams(anchor_weight=0.0, word_weight=0.0, story_side=0.0, year_penalty=0.3)
    index = StoryIndex(params, dim=8)
    index.assign([_cand("a1", [1.0], ("2025", "dravenna"))])
    row: StoryRow = index.open["s1"]
    side = story_side(row, index.keys, params)
    same = prepare(_cand("a2", [1.0], ("2025",)), index.keys)
    other = prepare(_cand("a3", [1.0], ("2026",)), index.keys)
    none = prepare(_cand("a4", [1.0], ()), index.keys)
    assert score(same, row, params, side) == pytest.approx(1.0)
    assert score(other, row, params, side) == pytest.approx(0.7)
    assert score(none, row, params, side) == pytest.approx(1.0)  # no year named: no evidence


def test_scorer_counts_the_story_side_of_the_names() -> None:
    """An article that carries none of a story's core names scores lower with story_side."""
    one_sided = StoryParams(word_weight=0.0, year_penalty=0.0, story_side=0.0, anchor_base=0.3)
    both = StoryParams(word_weight=0.0, year_penalty=0.0, story_side=0.5, anchor_base=0.3)
    index = StoryIndex(both, dim=8)
    core = ("velmora", "pelisar", "kostrin")
    index.assign([_cand(f"a{n}", [1.0, 0.1 * n], core) for n in range(3)])
    row = index.open["s0"]
    index.keys.add(("mirant",), "en")
    full = prepare(_cand("x1", [1.0], core), index.keys)
    part = prepare(_cand("x2", [1.0], ("velmora",)), index.keys)
    side = story_side(row, index.keys, both)
    assert side.core_names > 0
    assert score(full, row, both, side) > score(part, row, both, side)
    # x2's one name is in the story, but most of the story's names are not in x2
    assert score(part, row, both, side) < score(part, row, one_sided, side)
    assert score(full, row, both, side) == pytest.approx(score(full, row, one_sided, side))


def test_a_story_spans_at_most_max_span_days() -> None:
    """Daily reports of one subject chain through the window, but not beyond the span cap."""
    params = StoryParams(max_span_days=14, window_days=7, fragment_size=0)
    index = StoryIndex(params, dim=8)
    placed = []
    for day in range(20):
        placed += index.assign([_cand(f"a{day:02d}", [1.0], ("talvik",), day=1000 + day)])
    stories = [sid for sid, _ in placed]
    assert stories[:15] == ["s00"] * 15  # days 0..14: one story
    assert stories[15:] == ["s15"] * 5  # day 15 would make it span 15 days: a new story
    unlimited = StoryIndex(StoryParams(max_span_days=0, fragment_size=0), dim=8)
    chained = [
        unlimited.assign([_cand(f"b{d}", [1.0], ("talvik",), day=1000 + d)]) for d in range(20)
    ]
    assert {p[0][0] for p in chained} == {"s0"}


def test_event_words_do_not_count_across_languages() -> None:
    """A report in another language shares no event words with the story; that is no
    evidence against it (the embedding carries what happened across languages)."""
    params = StoryParams(word_weight=0.5, word_base=0.3, year_penalty=0.0, min_df=1)
    index = StoryIndex(params, dim=8)
    index.assign(
        [_cand(f"a{n}", [1.0, 0.1 * n], ("lormont", "~crash", "~injure")) for n in range(2)]
    )
    row = index.open["s0"]
    side = story_side(row, index.keys, params)
    german = Candidate(
        "x1", _cand("x1", [1.0], ()).vector, frozenset({"lormont", "~unglüc"}), None, "x1", "de"
    )
    english = Candidate("x2", german.vector, frozenset({"lormont", "~tourist"}), None, "x2", "en")
    no_words = StoryParams(word_weight=0.0, year_penalty=0.0, min_df=1)
    de, en = prepare(german, index.keys, params), prepare(english, index.keys, params)
    assert score(de, row, params, side) == pytest.approx(score(de, row, no_words, side))
    assert score(en, row, params, side) < score(en, row, no_words, side)
