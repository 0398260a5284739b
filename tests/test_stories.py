"""Story grouping: across languages, apart for different events, deterministic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corroborator.embed import default_embedder
from corroborator.model import Article
from corroborator.stories.cluster import (
    DEFAULT_PARAMS,
    PairFeatures,
    StoryParams,
    anchor_overlap,
    anchor_terms,
    average_linkage,
    cluster_stories,
    combine,
    similarity_matrix,
)
from corroborator.text.sentences import split_sentences

DATA = Path(__file__).resolve().parent / "data" / "stories"


def article(
    name: str, language: str, article_id: str | None = None, published: str | None = None
) -> Article:
    title, body = (DATA / name).read_text(encoding="utf-8").split("\n", 1)
    return Article(
        id=article_id or name.split(".")[0],
        source=name,
        title=title,
        language=language,
        published=published,
        text=body.strip(),
        sentences=split_sentences(body.strip(), language),
    )


def plain(article_id: str, title: str, text: str, language: str = "en") -> Article:
    return Article(
        id=article_id,
        source=article_id,
        title=title,
        language=language,
        published=None,
        text=text,
        sentences=split_sentences(text, language),
    )


@pytest.fixture(scope="module")
def mixed() -> list[Article]:
    return [
        article("fire_harbour_en.txt", "en", published="2026-03-04"),
        article("fire_bakery_en.txt", "en", published="2026-03-07"),
        article("fire_harbour_pl.txt", "pl", published="2026-03-04"),
        article("flood_en.txt", "en", published="2026-03-02"),
        article("fire_harbour_de.txt", "de", published="2026-03-05"),
    ]


def test_one_event_in_three_languages_is_one_story(mixed: list[Article]) -> None:
    stories = cluster_stories(mixed, default_embedder())
    assert ["fire_harbour_en", "fire_harbour_pl", "fire_harbour_de"] in stories


def test_two_fires_in_two_towns_stay_apart(mixed: list[Article]) -> None:
    stories = cluster_stories(mixed, default_embedder())
    assert ["fire_bakery_en"] in stories
    assert ["flood_en"] in stories
    assert len(stories) == 3


def test_two_fires_apart_without_dates() -> None:
    arts = [article("fire_harbour_en.txt", "en"), article("fire_bakery_en.txt", "en")]
    assert cluster_stories(arts, default_embedder()) == [["fire_harbour_en"], ["fire_bakery_en"]]


def test_single_and_empty_inputs() -> None:
    one = article("flood_en.txt", "en")
    assert cluster_stories([one], default_embedder()) == [["flood_en"]]
    assert cluster_stories([], default_embedder()) == []


def test_same_input_same_clusters(mixed: list[Article]) -> None:
    first = cluster_stories(mixed, default_embedder())
    second = cluster_stories(list(mixed), default_embedder())
    assert first == second
    # stories ordered by their first article, members in input order
    order = {a.id: i for i, a in enumerate(mixed)}
    assert [order[s[0]] for s in first] == sorted(order[s[0]] for s in first)
    for s in first:
        assert [order[i] for i in s] == sorted(order[i] for i in s)


def test_average_linkage_breaks_ties_on_lowest_index() -> None:
    # 0-1, 1-2 and 0-2 tie; after 0+1 merge, 2 joins on the average (0.8 >= 0.75)
    sim = np.array([[1.0, 0.8, 0.8, 0.0], [0.8, 1.0, 0.8, 0.0], [0.8, 0.8, 1.0, 0.0], [0, 0, 0, 1]])
    assert average_linkage(sim, 0.75) == [[0, 1, 2], [3]]
    # pairs (0,1) and (2,3) tie; both merge, never across
    sim = np.array([[1, 0.9, 0.1, 0.1], [0.9, 1, 0.1, 0.1], [0.1, 0.1, 1, 0.9], [0.1, 0.1, 0.9, 1]])
    assert average_linkage(sim, 0.5) == [[0, 1], [2, 3]]


def test_average_linkage_uses_the_average_not_the_best_link() -> None:
    # 0-1 close, 2 close to 1 only: average(0.9, 0.2) = 0.55 < 0.6, so 2 stays alone
    sim = np.array([[1.0, 0.95, 0.2], [0.95, 1.0, 0.9], [0.2, 0.9, 1.0]])
    assert average_linkage(sim, 0.6) == [[0, 1], [2]]
    assert average_linkage(np.zeros((0, 0)), 0.5) == []


def test_anchors_names_multiword_names_numbers() -> None:
    a = plain(
        "x",
        "Fire in the port",
        "A fire broke out at the Odra Timber yard. Chief Tomasz Zielinski said 120 firemen "
        "came. Zielinski praised them.",
    )
    terms = anchor_terms(a)
    assert "tomasz zielinski" in terms and terms["tomasz zielinski"] is False
    assert "odra timber" in terms
    assert "120" in terms
    # "Zielinski" at a sentence start counts: it was seen capitalised mid-sentence
    assert "zielin" in terms
    # sentence-initial ordinary words are not names
    assert "fire" not in terms and "chief" not in terms


def test_anchor_keys_fold_accents_inflection_and_cyrillic() -> None:
    pl = plain("pl", "Pożar", "Strażacy z miasta Kraków gasili ogień w Krakowie.", "pl")
    en = plain("en", "Fire", "Firefighters in Krakow fought the blaze.")
    ru = plain("ru", "Пожар", "Об этом сообщил губернатор Путин.", "ru")
    assert "krakow" in anchor_terms(pl) and "krakow" in anchor_terms(en)
    assert "putin" in anchor_terms(ru)


def test_rare_shared_names_weigh_more_than_common_ones() -> None:
    texts = [
        "Talks at the Airbus plant in Hamburg ended, said Jan Berger.",
        "Talks at the Airbus plant in Toulouse ended, said Marie Leclerc.",
        "Talks at the Airbus plant in Toulouse ended, said Marie Leclerc again.",
        "Talks at the Airbus plant in Seville ended, said Luis Ortega.",
    ]
    arts = [plain(f"a{i}", "Talks", t) for i, t in enumerate(texts)]
    ov = anchor_overlap(arts)
    # a1-a2 share rare names; a0-a3 share only "Airbus", which every article has
    assert ov[1, 2] > 0.9
    assert ov[0, 3] < 0.2


def test_german_nouns_count_less_than_names() -> None:
    texts = [
        "Die Feuerwehr löschte den Brand in der Halle schnell, sagte Anna Weber.",
        "Die Feuerwehr löschte den Brand in der Scheune schnell, sagte Paul Richter.",
    ]
    arts = [plain(f"d{i}", "Brand", t, "de") for i, t in enumerate(texts)]
    ov = anchor_overlap(arts)
    # they share only common nouns (Feuerwehr, Brand), which German capitalises
    assert ov[0, 1] < 0.35


def features(cos: float, overlap: float, days: float = -1, **kw: bool) -> PairFeatures:
    def pair(v: float | bool, dtype: type) -> np.ndarray:
        m = np.full((2, 2), v, dtype=dtype)
        return m

    return PairFeatures(
        cosine=np.array([[1.0, cos], [cos, 1.0]]),
        overlap=np.array([[-1.0, overlap], [overlap, -1.0]]),
        days_apart=pair(days, float),
        uncovered=pair(kw.get("uncovered", False), bool),
        cross_script=pair(kw.get("cross_script", False), bool),
        same_language=pair(kw.get("same_language", True), bool),
    )


def test_date_window_penalises_far_apart_reports() -> None:
    near = combine(features(0.8, 0.5, days=1))[0, 1]
    far = combine(features(0.8, 0.5, days=30))[0, 1]
    unknown = combine(features(0.8, 0.5))[0, 1]
    assert near == unknown
    assert far == pytest.approx(near - DEFAULT_PARAMS.date_penalty)


def test_uncovered_languages_lean_on_anchors() -> None:
    # Czech vs English translation: USE cosine ~0.3, rescaled to the usual scale
    cross = combine(features(0.3, 0.5, uncovered=True, same_language=False))[0, 1]
    assert cross >= DEFAULT_PARAMS.threshold
    # two unrelated Czech texts: USE says 0.7 (unknown languages collapse), anchors say no
    same = combine(features(0.7, 0.0, uncovered=True, same_language=True))[0, 1]
    assert same < DEFAULT_PARAMS.threshold
    # the same pair in covered languages keeps its cosine
    covered = combine(features(0.3, 0.5, same_language=False))[0, 1]
    assert covered < DEFAULT_PARAMS.threshold


def test_no_penalty_for_missing_anchors_across_scripts() -> None:
    latin = combine(features(0.8, 0.0))[0, 1]
    cross = combine(features(0.8, 0.0, cross_script=True, same_language=False))[0, 1]
    assert cross == pytest.approx(0.8)
    assert latin < cross


def test_threshold_argument_is_respected(mixed: list[Article]) -> None:
    everything = cluster_stories(mixed, default_embedder(), threshold=-10.0)
    assert everything == [[a.id for a in mixed]]
    params = StoryParams(threshold=0.5)
    assert params.anchor_weight == DEFAULT_PARAMS.anchor_weight


# Six reports of one fictional event, each from its own angle and with its own names (a
# spokeswoman, a shop owner, commuters, the storm round-up), next to an unrelated story.
LANDSLIDE = [
    (
        "slide1",
        "Landslide cuts Brenmoor rail line",
        "A landslide buried the Hallstrand Railway track near Brenmoor early on Tuesday, "
        "halting all trains between Brenmoor and Oster Vale. Railway spokeswoman Ilse Markova "
        "said crews would need at least four days to clear the debris. Nobody was hurt.",
    ),
    (
        "slide2",
        "Trains stopped after mudslide in the hills",
        "Heavy rain loosened a slope above the Hallstrand line on Tuesday morning and sent mud "
        "and rocks across the tracks at Brenmoor. Passengers for Oster Vale are being taken by "
        "bus. The operator expects the route to reopen at the weekend.",
    ),
    (
        "slide3",
        "Brenmoor residents watch hillside give way",
        "People in Brenmoor heard a roar before dawn as part of the hillside slid onto the "
        "Hallstrand railway. 'It sounded like thunder that did not stop,' said shop owner "
        "Tomas Reidel. Replacement buses now run to Oster Vale.",
    ),
    (
        "slide4",
        "Rail operator: four days to clear debris",
        "Hallstrand Railway said on Tuesday that about 3,000 tonnes of earth and rock cover a "
        "200-metre stretch of its line at Brenmoor. Ilse Markova, speaking for the company, "
        "said engineers were checking the slope before excavators could move in. Trains to "
        "Oster Vale are replaced by buses.",
    ),
    (
        "slide5",
        "Commuters face long detours",
        "Commuters from Pellworth and Kiran Bay faced two-hour detours on Tuesday as buses "
        "replaced trains. Student Jonas Ferreira said his trip to the Northgate campus now "
        "starts at 5 a.m. The Hallstrand line stays shut at Brenmoor.",
    ),
    (
        "slide6",
        "Storm damage across the Vell valley",
        "The storm that swept the Vell valley overnight flooded roads in Lindau and Rostmark, "
        "cut power to 4,500 homes and on Tuesday brought down a slope onto the Hallstrand "
        "railway at Brenmoor, the regional transport office under director Hanna Solberg said.",
    ),
]
CHESS = (
    "chess",
    "Teenager wins Kalvik chess open",
    "Sixteen-year-old Mara Lindqvist won the Kalvik Chess Open on Sunday, beating three "
    "grandmasters on her way to the title. She takes home 5,000 crowns.",
)


def test_one_event_told_six_ways_is_one_story() -> None:
    arts = [plain(*r) for r in LANDSLIDE] + [plain(*CHESS)]
    stories = cluster_stories(arts, default_embedder())
    assert stories == [[a for a, _, _ in LANDSLIDE], ["chess"]]
    # the first stage alone leaves the side-angle reports on their own (the reason for the
    # attach stage): the core reports group, the commuters and the storm round-up do not
    sim = similarity_matrix(arts, default_embedder())
    first_stage = average_linkage(sim, DEFAULT_PARAMS.threshold)
    assert len(first_stage) > 2
    assert [6] in first_stage


def test_attach_stage_fragments_join_stories_never_each_other() -> None:
    n = 11
    sim = np.zeros((n, n))
    story_a, story_b = [0, 1, 2, 3], [7, 8, 9, 10]
    for block in (story_a, story_b):
        sim[np.ix_(block, block)] = 0.9
    sim[np.ix_(story_a, story_b)] = sim[np.ix_(story_b, story_a)] = 0.6  # two stories, close
    sim[4, story_a] = sim[story_a, 4] = 0.5  # a lone report near story A
    sim[4, story_b] = sim[story_b, 4] = 0.3
    sim[5, 6] = sim[6, 5] = 0.6  # two lone reports close to each other, far from any story
    np.fill_diagonal(sim, 1.0)
    first = average_linkage(sim, 0.7)
    assert first == [story_a, [4], [5], [6], story_b]
    both = average_linkage(sim, 0.7, attach_threshold=0.45, fragment_size=3)
    assert both == [[0, 1, 2, 3, 4], [5], [6], story_b]
    # the bar is a bar: at 0.55 the lone report stays alone
    assert average_linkage(sim, 0.7, attach_threshold=0.55, fragment_size=3) == first
    # a pair is a fragment too (fragment_size >= 2), and joins as a whole
    near_a = [*story_a, 4]
    sim[5, near_a] = sim[near_a, 5] = sim[6, near_a] = sim[near_a, 6] = 0.5
    sim[5, 6] = sim[6, 5] = 0.8
    assert average_linkage(sim, 0.7, attach_threshold=0.45, fragment_size=3) == [
        [0, 1, 2, 3, 4, 5, 6],
        story_b,
    ]


def test_attach_stage_is_below_the_first_stage() -> None:
    assert 0 < DEFAULT_PARAMS.attach_threshold < DEFAULT_PARAMS.threshold
    assert DEFAULT_PARAMS.fragment_size >= 1
