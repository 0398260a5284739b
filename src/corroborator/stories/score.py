"""THE story scorer: how well one article fits one story, in `compare` and corpus mode alike.

Both modes group articles with one rule (`corroborator.stories.incremental.StoryIndex`): the
articles of a batch are taken in date order and each joins the open story it scores best
against, if that score reaches `StoryParams.threshold`, or starts a new story. `compare`
runs that rule over its one batch (`corroborator.stories.cluster.cluster_stories`), corpus
mode over each batch of the stream (`corroborator.corpus.job`), so the same articles give
the same stories in both modes. This module is the score.

A story is kept as aggregates that a stream can update and a store can persist
(`StoryRow`): the sum of its members' unit title+lead embeddings, how many members carry
each *event key* (names, places, numbers and years, see `corroborator.stories.events`), its
first and last day and its languages. An article brings its embedding, its event keys, its
day and its language (`Candidate`). The score of article x against story S is

    score = cos + anchor_weight * (overlap - anchor_base) - year_penalty * [years disagree]

- `cos` is the *average* cosine between x and S's members (x . sum / size: average linkage,
  so a story that drifted over many loosely related members does not pull in more);
- `overlap` is the share of x's event-key weight that some member of S carries. Each key
  weighs its rarity among the articles seen so far (smoothed IDF, log(1 + n / df)): a name
  every article shares ("Airbus" in a pile of Airbus news) says little, one that two
  articles share and nobody else does says a lot. German capitalises every noun, so a single
  capitalised German word weighs `GERMAN_NOUN_WEIGHT` unless the key was also seen in an
  article of another language. Between scripts (Moscow / Москва) a lack of shared keys is no
  evidence against a pair: there only a positive overlap term counts;
- the years an article names (four-digit 19xx/20xx keys) are the event's dates, not the
  dateline's: when both sides name years and share none, the two are different events of
  the same kind (two quakes a year apart) and the score loses `year_penalty`;
- the publication dates bound the candidates: an article only joins a story whose first to
  last day, widened by `window_days` on both sides, contains its day (so one event's
  follow-ups over several days chain into one story), undated articles and stories are
  never excluded this way.

Languages outside USE's 16: within one such language any two texts look alike (unrelated
cs-cs leads: median cosine 0.61), across languages translations look unrelated (en-cs: 0.31),
so the cosine is replaced by `uncovered_same_language_cosine` within an uncovered language
and divided by `uncovered_cosine_scale` across languages (tuned on WMT21 en-cs, checked on
en-is, bench/crosslingual_eval.py).

Calibration (a split costs more than a merge): the values of articles in different stories
are never compared, while claim alignment keeps values of different events apart inside a
story, so a wrong split loses facts and a wrong merge mostly costs time. The threshold, the
anchor weights and the attach stage (see `corroborator.stories.incremental`) were chosen on
ECB+ train, MEANTIME airbus and the claims-dev subtopics of ECB+ train topics by the B³ F-score
with recall weighted twice precision (F2), both modes pooled; held-out figures are in
bench/RESULTS.md (bench/stories_eval.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from corroborator.embed import USE_LANGUAGES
from corroborator.store.base import StoryRow
from corroborator.stories.events import is_word_key

GERMAN_NOUN_WEIGHT = 0.3
NOUN_CAPITALISING = frozenset({"de", "lb"})
NON_LATIN = frozenset(
    {"ru", "uk", "bg", "sr", "mk", "be", "kk", "el", "ar", "fa", "he", "hi", "ja", "ko", "th", "zh"}
)


@dataclass(frozen=True)
class StoryParams:
    """The knobs of story grouping, one set for both modes (see the module docstring).

    threshold: the score an article needs to join a story. anchor_weight / anchor_base: an
    article whose event keys all occur in the story gains weight * (1 - base), one sharing
    none loses weight * base. year_penalty: both name years, none shared. window_days: how
    far (days) beyond a story's first/last day an article may join it, and how long a story
    stays open in corpus mode. attach_threshold / fragment_size: the attach stage of a batch
    (`incremental`). max_open / top_k / search: corpus-mode bounds (`stories.candidates`).
    """

    threshold: float = 0.6
    anchor_weight: float = 1.0
    anchor_base: float = 0.2
    year_penalty: float = 0.4
    word_weight: float = 0.5
    word_base: float = 0.3
    refine_passes: int = 2
    story_side: float = 0.3  # weight of the story-side share (its core keys x carries)
    core_share: float = 0.5  # a story's core keys: carried by at least this share of members
    window_days: int = 7
    attach_threshold: float = 0.4
    fragment_size: int = 3
    uncovered_cosine_scale: float = 0.35
    uncovered_same_language_cosine: float = 0.2
    max_open: int = 20_000
    top_k: int = 8
    search: str = "auto"  # candidate search: exact, hnsw or auto (see stories.candidates)


DEFAULT_PARAMS = StoryParams()


@dataclass
class Candidate:
    """One article as the scorer sees it (vector: unit title+lead embedding)."""

    id: str
    vector: np.ndarray
    anchors: frozenset[str]
    day: int | None
    title: str
    language: str


def _lang(code: str) -> str:
    return code.split("-")[0].lower()


def is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in ("19", "20")


def _single_word(key: str) -> bool:
    return " " not in key and not key[0].isdigit()


class KeyWeights:
    """Document frequencies of event keys over the articles seen so far (the stream's IDF)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.other_language: set[str] = set()  # keys seen in a non-noun-capitalising language

    def add(self, anchors: Iterable[str], language: str, count: int = 1) -> None:
        keys = list(anchors)
        self.docs += count
        for t in keys:
            self.df[t] += count
        if _lang(language) not in NOUN_CAPITALISING:
            self.other_language.update(keys)

    def weights(self, cand: Candidate) -> dict[str, float]:
        """Each of the article's keys -> its weight (IDF, German single nouns discounted)."""
        n = max(self.docs, 1)
        german = _lang(cand.language) in NOUN_CAPITALISING
        out = {}
        for t in cand.anchors:
            w = math.log(1.0 + n / max(self.df[t], 1))
            if german and _single_word(t) and t not in self.other_language:
                w *= GERMAN_NOUN_WEIGHT
            out[t] = w
        return out


@dataclass
class Scored:
    """An article's precomputed side of the score (weights, years, language)."""

    cand: Candidate
    weights: dict[str, float]
    total: float
    years: frozenset[str]
    language: str
    covered: bool
    non_latin: bool


def prepare(cand: Candidate, weights: KeyWeights) -> Scored:
    w = weights.weights(cand)
    lang = _lang(cand.language)
    return Scored(
        cand,
        w,
        sum(w.values()),
        frozenset(t for t in cand.anchors if is_year(t)),
        lang,
        lang in USE_LANGUAGES,
        lang in NON_LATIN,
    )


def in_window(day: int | None, row: StoryRow, window_days: int) -> bool:
    """Whether an article of `day` may join `row` (undated sides are never excluded)."""
    if day is None or row.last_day is None or row.first_day is None:
        return True
    return row.first_day - window_days <= day <= row.last_day + window_days


def average_cosine(vector: np.ndarray, row: StoryRow) -> float:
    return float(vector @ row.vector_sum) / max(row.size, 1)


def core_weight(row: StoryRow, keys: KeyWeights, share: float) -> tuple[float, float]:
    """Total IDF weight of the story's core names and core words (see StoryParams)."""
    n = max(keys.docs, 1)
    need = share * row.size
    names = words = 0.0
    for t, c in row.anchors.items():
        if c >= need:
            w = math.log(1.0 + n / max(keys.df[t], 1))
            if is_word_key(t):
                words += w
            else:
                names += w
    return names, words


def score(
    x: Scored,
    row: StoryRow,
    params: StoryParams,
    core: tuple[float, float] | None = None,
) -> float:
    """The score of article `x` against story `row` (formula in the module docstring)."""
    p = params
    cos = average_cosine(x.cand.vector, row)
    langs = {_lang(code) for code in row.languages}
    if not x.covered or any(code not in USE_LANGUAGES for code in langs):
        if langs == {x.language}:
            cos = p.uncovered_same_language_cosine
        elif x.language not in langs:
            cos = min(1.0, cos / p.uncovered_cosine_scale)
    if x.total > 0 and row.anchors:
        keys = row.anchors
        size = max(row.size, 1)
        shared = total = 0.0
        word_shared = word_total = 0.0
        in_core = in_core_words = 0.0
        need = p.core_share * size
        for t, w in x.weights.items():
            c = keys.get(t, 0)
            if is_word_key(t):
                word_shared += w if c else 0.0
                word_total += w
                if c >= need:
                    in_core_words += w
            else:
                shared += w if c else 0.0
                total += w
                if c >= need:
                    in_core += w
        a = p.story_side if core is not None else 0.0
        ov = shared / total if total else 0.0
        if a and core is not None and core[0] > 0:
            ov = (1 - a) * ov + a * min(1.0, in_core / core[0])
        bonus = p.anchor_weight * (ov - p.anchor_base) if total else 0.0
        if word_total and p.word_weight:
            wov = word_shared / word_total
            if a and core is not None and core[1] > 0:
                wov = (1 - a) * wov + a * min(1.0, in_core_words / core[1])
            cos += p.word_weight * (wov - p.word_base)
        if bonus < 0 and any((c in NON_LATIN) != x.non_latin for c in langs):
            bonus = 0.0
        cos += bonus
    if x.years and p.year_penalty:
        story_years = [t for t in row.anchors if is_year(t)]
        if story_years and not any(t in x.years for t in story_years):
            cos -= p.year_penalty
    return cos
