"""The pairwise matcher: how likely two value mentions state the same fact.

Alignment (`compare.align`) groups a story's mentions into slots by clustering on this
probability. Two mentions can only be compared when they are of the same kind and unit family
(durations with durations, money in one currency); within that, the matcher scores them from
the claim frames (`claims.frames`) and the text around them:

- what is measured: the same head (counted noun / measured property, lemmatised and made
  English by the extractors), the same event verb, the same key;
- what the value is about in other words: cosine of the slot phrases and of the sentences
  (multilingual USE, so this works across languages), overlap of the folded words around the
  value;
- whose number: the nearest name to the value and the names of its clause (participants);
- which event: a year in the sentence that is not the article's (a background event);
- who says so (holder) and how (negated, hedged);
- whether the values agree, and how far apart they are (log ratio);
- where the value sits in its article: both the first mention of the measured thing (main
  facts come first, background later), and how many different values each article gives for
  it (the more, the less a shared head says);
- what the rest of the story says: whether some article states both values, in one voice,
  for the same measured thing (`apart_elsewhere`: "knocked down in the sixth round, stopped in
  the seventh" makes "sixth" and "seventh" two facts wherever else they are told).

The weights are an L2-regularised logistic regression (numpy, `provenance.paraphrase.
fit_logistic`) trained by `bench/train_matcher.py` on pairs of mentions from the tuning half
of the development gold (mentions mapped to gold facts by span; a pair is positive when both
state the same gold fact), shipped as JSON in the package. Two weight sets ship: `full`
(with embeddings, `compare` and full analysis) and `plain` (no embeddings: corpus mode's fast
analysis), so a missing vector is never read as "dissimilar".
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from corroborator.claims.frames import GENERIC_HEADS, fold
from corroborator.compare.values import date_interval
from corroborator.logistic import Logistic, check_features
from corroborator.model import Extraction

FEATURE_NAMES: tuple[str, ...] = (
    "same_article",
    "same_group",
    "head_equal",
    "head_generic",
    "verb_equal",
    "verb_differ",
    "key_equal",
    "slot_cos",
    "sent_cos",
    "context_overlap",
    "near_name_equal",
    "near_name_differ",
    "names_overlap",
    "year_mismatch",
    "holder_equal",
    "holder_differ",
    "modality_differ",
    "values_agree",
    "log_ratio",
    "disagree_x_head",
    "disagree_x_sent",
    "disagree_x_context",
    "disagree_x_near_name",
    "same_language",
    "both_lead",
    "both_first_of_head",
    "head_ambiguity",
    "adjacent_overlap",
    "specific_agree",
    "apart_elsewhere",
)
#: Heads that name people in general: "300 residents were evacuated" and "300 people were
#: evacuated" fill the same slot. Specific roles (firefighter, soldier) stay distinct.
PERSON_HEADS = frozenset(
    {
        "person",
        "people",
        "resident",
        "inhabitant",
        "villager",
        "local",
        "citizen",
        "civilian",
        "individual",
        "passenger",
        "traveller",
        "traveler",
    }
)
CONTEXT_WIDTH = 6
ADJACENT_WIDTH = 3
LEAD_SENTENCES = 3
#: a word: a letter, then letters, digits, apostrophes or hyphens ("McAllister", "O'Dwyer")
WORD = re.compile(r"[^\W\d_][\w'’-]*")


#: Snowball stemmers by language code (`snowballstemmer`); other languages compare words as is
_SNOWBALL = {"en": "english", "fr": "french", "de": "german", "es": "spanish", "it": "italian",
             "nl": "dutch", "pt": "portuguese", "ru": "russian", "pl": "polish", "sv": "swedish",
             "da": "danish", "no": "norwegian", "fi": "finnish", "ro": "romanian",
             "hu": "hungarian", "tr": "turkish", "ca": "catalan", "el": "greek"}  # fmt: skip


@lru_cache(maxsize=32)
def _stemmer(language: str) -> Any:
    name = _SNOWBALL.get(language)
    if name is None:
        return None
    import snowballstemmer

    try:
        return snowballstemmer.stemmer(name)
    except KeyError:  # a language this version of the package lacks
        return None


@lru_cache(maxsize=65536)
def stemmed(words: str, language: str) -> str:
    """`words` (a head or a key, lower case) with each word replaced by its Snowball stem in
    `language`: the key words of one event told with a verb and with its noun ("deliberated for
    14 hours" / "after 11 hours of deliberation": "deliberate" / "deliberation") compare
    equal. On the claims harness this found one conflict more on half C and changed nothing
    else (bench/RESULTS.md, session 15)."""
    stemmer = _stemmer(language)
    if stemmer is None or not words:
        return words
    return " ".join(stemmer.stemWords(words.split(" ")))


def head_class(head: str | None) -> str:
    h = (head or "").strip().lower()
    return "person" if h in PERSON_HEADS else h


def verb_of(e: Extraction) -> str:
    """What the key says beside the head ("killed" in "person killed", "amount" in "fine
    amount"). A sum per one thing has the denominator for head and keeps the nearby word in its
    key ("pass amount per month", head "month"): its word is "amount per month", so that a rate
    and a plain sum still differ here as they did when the nearby word was the head."""
    head = (e.head or "").lower()
    key = e.key.lower()
    if head and key.startswith(head):
        return key[len(head) :].strip()
    if e.kind == "money" and e.per and key.endswith(f" per {e.per.lower()}") and " amount" in key:
        return key[key.rfind(" amount") + 1 :]
    return ""


def context_words(sentence: str, start: int, end: int, stopwords: frozenset[str]) -> frozenset[str]:
    """Folded content words within CONTEXT_WIDTH words each side of [start, end) (offsets in
    `sentence`)."""
    return _window(sentence, start, end, stopwords, CONTEXT_WIDTH)


def adjacent_words(sentence: str, start: int, end: int) -> frozenset[str]:
    """Folded words (stopwords kept: "of", "in" tell a role) within ADJACENT_WIDTH words each
    side of [start, end)."""
    return _window(sentence, start, end, frozenset(), ADJACENT_WIDTH)


def _window(
    sentence: str, start: int, end: int, stopwords: frozenset[str], width: int
) -> frozenset[str]:
    left = [w for w in WORD.findall(sentence[:start]) if w.lower() not in stopwords]
    right = [w for w in WORD.findall(sentence[end:]) if w.lower() not in stopwords]
    words = left[-width:] + right[:width]
    return frozenset(fold(w) for w in words if len(w) > 1)


@dataclass
class MatchItem:
    """One mention as the matcher sees it."""

    article: str
    group: int
    ext: Extraction
    language: str = ""
    ref_day: str = ""
    context: frozenset[str] = frozenset()
    vec: np.ndarray | None = None  # slot phrase
    svec: np.ndarray | None = None  # sentence
    hvec: np.ndarray | None = None  # the head word of a count ("cable", "campus")
    adjacent: frozenset[str] = frozenset()
    #: 0 when this is its article's first mention of the measured thing (head class and unit
    #: family), 1 for the second, ...: a story's main facts come first, background later.
    head_rank: int = 0
    #: how many different values its article gives for the same measured thing: the more,
    #: the less a match on the head alone says.
    head_values: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


def unit_family(e: Extraction) -> str:
    """Mentions of one unit family can be compared: durations (seconds), money in one currency,
    percentages or percentage points, counts, or one physical dimension (metres, km/h, ...:
    `corroborator.units`)."""
    if e.kind in ("money", "percentage", "duration") or (e.kind == "quantity" and e.unit):
        return f"{e.kind}:{e.unit or ''}"
    return e.kind


def comparable(a: Extraction, b: Extraction) -> bool:
    return a.kind == b.kind and unit_family(a) == unit_family(b)


def _numeric(v: object) -> float | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    return float(v)


def log_ratio(a: Extraction, b: Extraction) -> float:
    """How far apart two values are: |log(a/b)| for numbers, log(1 + days) for dates and
    log(1 + hours) for times; capped at 5. Hours, not minutes: "9pm" / "10.30pm" are 0.9 apart,
    as "40" / "100" firefighters, where minutes (4.5) put them as far apart as "1" / "90";
    a time of day told 90 minutes apart is a common real disagreement."""
    va, vb = _numeric(a.value), _numeric(b.value)
    if va is not None and vb is not None:
        if va == vb:
            return 0.0
        if va < 0 or vb < 0:
            return 5.0
        if va == 0 or vb == 0:  # "no one was hurt" against "nine injured": as 1 against 10
            return min(5.0, math.log1p(max(va, vb)))
        return min(5.0, abs(math.log(va / vb)))
    sa, sb = str(a.value or ""), str(b.value or "")
    if a.kind == "date":
        ia, ib = date_interval(sa), date_interval(sb)
        if ia is None or ib is None:
            return 0.0 if sa == sb else 5.0
        days = abs((ia[0] + ia[1]) - (ib[0] + ib[1])) / 2  # between the periods' middles
        return min(5.0, math.log1p(days))
    if a.kind == "time" and ":" in sa and ":" in sb:
        try:
            ma = int(sa[:2]) * 60 + int(sa[3:5])
            mb = int(sb[:2]) * 60 + int(sb[3:5])
        except ValueError:
            return 5.0
        return min(5.0, math.log1p(abs(ma - mb) / 60.0))
    return 0.0 if sa == sb else 5.0


def _log_ratios(ext: Sequence[Extraction], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """`log_ratio` of every pair (ia[k], ib[k]): vectorised where both values are numbers
    (most pairs), `log_ratio` itself for dates, times and text."""
    nums = np.array([_numeric(e.value) for e in ext], dtype=np.float64)  # None -> nan
    va, vb = nums[ia], nums[ib]
    both = ~np.isnan(va) & ~np.isnan(vb)
    out = np.empty(len(ia), dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        zero = (va == 0) | (vb == 0)
        by_ratio = np.minimum(5.0, np.abs(np.log(va / vb)))
        by_zero = np.minimum(5.0, np.log1p(np.maximum(va, vb)))
        numeric = np.where(
            va == vb, 0.0, np.where((va < 0) | (vb < 0), 5.0, np.where(zero, by_zero, by_ratio))
        )
    out[both] = numeric[both]
    for k in np.flatnonzero(~both):
        out[k] = log_ratio(ext[int(ia[k])], ext[int(ib[k])])
    return out


def specificity(e: Extraction) -> float:
    """How telling it is that two mentions give this very value, 1 (a round, common value)
    to 4: significant digits of a number (6.1 -> 2, 120,000 -> 2, 1,215 -> 4), a clock time's
    digits without trailing zeros (13:53 -> 4, 10:00 -> 2), a date's precision (day 3)."""
    v = e.value
    if isinstance(v, bool):
        return 1.0
    if isinstance(v, int | float):
        digits = f"{abs(float(v)):.6g}".replace(".", "").lstrip("0").rstrip("0")
        if "e" in digits:
            digits = digits.split("e")[0]
        return float(min(4, max(1, len(digits))))
    text = str(v or "")
    if e.kind == "time" and len(text) >= 5:
        return float(min(4, max(1, len((text[:2] + text[3:5]).lstrip("0").rstrip("0")))))
    if e.kind == "date":
        return {4: 1.0, 7: 2.0, 10: 3.0}.get(len(text), 1.0)
    return 1.0


def _cos(x: np.ndarray | None, y: np.ndarray | None) -> float:
    if x is None or y is None:
        return 0.0
    return float(x @ y)


def pair_features(
    a: MatchItem, b: MatchItem, agree: bool, apart_elsewhere: bool = False
) -> np.ndarray:
    """The FEATURE_NAMES vector of one pair (`agree`: their values are compatible;
    `apart_elsewhere`: see `pair_feature_matrix`): one row of `pair_feature_matrix`, the single
    definition of every feature."""
    row = pair_feature_matrix(
        [a, b], np.array([0]), np.array([1]), np.array([agree]), np.array([apart_elsewhere])
    )
    return np.asarray(row[0])


def value_codes(values: Sequence[object]) -> np.ndarray:
    """Integer codes of hashable values (equal values, equal codes), in first-seen order."""
    table: dict[object, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def _set_overlap(sets: Sequence[frozenset[str]], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """|A & B| / min(|A|, |B|) for each pair (0 when either is empty), as `_overlap`."""
    vocab: dict[str, int] = {}
    rows = [[vocab.setdefault(w, len(vocab)) for w in s] for s in sets]
    m = np.zeros((len(sets), max(1, len(vocab))), dtype=np.float32)
    for r, cols in enumerate(rows):
        m[r, cols] = 1.0
    sizes = m.sum(axis=1)
    inter = (m @ m.T)[ia, ib]  # items x items, never pairs x vocabulary
    small = np.minimum(sizes[ia], sizes[ib])
    return np.where(small > 0, inter / np.where(small > 0, small, 1), 0.0)


def _cosines(vecs: Sequence[np.ndarray | None], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    if not vecs or any(v is None for v in vecs):
        return np.array(
            [_cos(vecs[a], vecs[b]) for a, b in zip(ia, ib, strict=True)], dtype=np.float64
        )
    m = np.vstack([np.asarray(v, dtype=np.float64) for v in vecs])
    return np.asarray((m @ m.T)[ia, ib])


def pair_feature_matrix(
    items: Sequence[MatchItem],
    ia: np.ndarray,
    ib: np.ndarray,
    agree: np.ndarray,
    apart_elsewhere: np.ndarray | None = None,
) -> np.ndarray:
    """The FEATURE_NAMES vectors of many pairs (items[ia[k]], items[ib[k]]) at once,
    vectorised over the pairs; `agree[k]`: the pair's values are compatible;
    `apart_elsewhere[k]`: some article of the story states both values as two facts
    (`compare.align.apart_elsewhere`, a property of the story, not of the pair: False when not
    given). Otherwise a row does not depend on the other pairs or items of the batch
    (`pair_features` is a batch of one)."""
    n_pairs = len(ia)
    if n_pairs == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    ext = [m.ext for m in items]
    heads = [head_class(e.head) for e in ext]
    langs = [m.language for m in items]
    # compared by their stems: "deliberate" / "deliberation", "resign" / "resignation"
    head = value_codes([stemmed(h, lang) for h, lang in zip(heads, langs, strict=True)])
    generic_item = np.array([h in GENERIC_HEADS for h in heads])
    verbs = [verb_of(e) for e in ext]
    verb = value_codes(verbs)
    has_verb = np.array([bool(v) for v in verbs])
    key = value_codes([stemmed(e.key.lower(), lang) for e, lang in zip(ext, langs, strict=True)])
    article = value_codes([m.article for m in items])
    group = np.array([m.group for m in items])
    language = value_codes([m.language for m in items])
    year = value_codes([e.event_year for e in ext])
    holders = [e.holder for e in ext]
    holder = value_codes(holders)
    has_holder = np.array([bool(h) for h in holders])
    modality = value_codes([e.modality for e in ext])
    sentence = np.array([e.sentence_index for e in ext])
    rank = np.array([m.head_rank for m in items])
    spec = np.array([specificity(e) for e in ext])
    nvalues = np.array([m.head_values for m in items])
    parts = [tuple(e.participants) for e in ext]
    has_parts = np.array([bool(p) for p in parts])
    near = value_codes([p[0] if p else None for p in parts])
    near_in_other = np.array(
        [bool(parts[a]) and parts[a][0] in parts[b] for a, b in zip(ia, ib, strict=True)]
    )
    a_, b_ = ia, ib
    generic = generic_item[a_] | generic_item[b_]
    head_equal = (head[a_] == head[b_]) & ~generic
    both_parts = has_parts[a_] & has_parts[b_]
    near_equal = both_parts & (near[a_] == near[b_])
    near_differ = both_parts & (near[a_] != near[b_]) & ~near_in_other
    sent = _cosines([m.svec for m in items], a_, b_)
    ctx = _set_overlap([m.context for m in items], a_, b_)
    dis = (~agree).astype(np.float64)
    lead = (
        (sentence[a_] >= 0)
        & (sentence[a_] < LEAD_SENTENCES)
        & (sentence[b_] >= 0)
        & (sentence[b_] < LEAD_SENTENCES)
    )
    ratio = _log_ratios(ext, ia, ib)
    cols = [
        article[a_] == article[b_],
        group[a_] == group[b_],
        head_equal,
        generic,
        has_verb[a_] & (verb[a_] == verb[b_]),
        has_verb[a_] & has_verb[b_] & (verb[a_] != verb[b_]),
        key[a_] == key[b_],
        _cosines([m.vec for m in items], a_, b_),
        sent,
        ctx,
        near_equal,
        near_differ,
        _set_overlap([frozenset(p) for p in parts], a_, b_),
        year[a_] != year[b_],
        has_holder[a_] & (holder[a_] == holder[b_]),
        has_holder[a_] & has_holder[b_] & (holder[a_] != holder[b_]),
        modality[a_] != modality[b_],
        agree,
        ratio,
        dis * head_equal,
        dis * sent,
        dis * ctx,
        dis * near_equal,
        language[a_] == language[b_],
        lead,
        (rank[a_] == 0) & (rank[b_] == 0),
        np.minimum(3, np.maximum(nvalues[a_], nvalues[b_]) - 1),
        _set_overlap([m.adjacent for m in items], a_, b_),
        agree * np.minimum(spec[a_], spec[b_]),
        np.zeros(n_pairs) if apart_elsewhere is None else apart_elsewhere,
    ]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in cols])


class LogisticHead(Logistic):
    """One logistic regression over standardised FEATURE_NAMES (`corroborator.logistic`);
    its weights are written rounded to 6 decimals, without the feature names (the model
    lists them once)."""

    def to_dict(self) -> dict[str, Any]:
        return self.encode(digits=6)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogisticHead:
        return cls.decode(data, FEATURE_NAMES, "matcher weights", listed=False)


@dataclass(frozen=True)
class MatcherModel:
    """Two logistic heads, one for pairs whose values agree and one for pairs whose values
    disagree (the evidence that two different numbers are about one fact is not the evidence
    that two equal ones are: on the tuning half only 3 % of disagreeing pairs are one fact),
    and the alignment thresholds chosen on the tuning half (see `compare.align`)."""

    agree: LogisticHead
    disagree: LogisticHead
    join: float  # link probability above which agreeing mentions share a slot
    conflict: float  # ... above which disagreeing ones are one fact (a conflict)
    possible: float  # ... above which they are shown as a possible conflict
    trained_on: str = ""

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        if len(features) == 0:
            return np.zeros(0)
        agree = features[:, FEATURE_NAMES.index("values_agree")] > 0.5
        return np.where(
            agree, self.agree.probabilities(features), self.disagree.probabilities(features)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(FEATURE_NAMES),
            "agree": self.agree.to_dict(),
            "disagree": self.disagree.to_dict(),
            "join": self.join,
            "conflict": self.conflict,
            "possible": self.possible,
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MatcherModel:
        check_features(data, FEATURE_NAMES, "matcher weights")
        return cls(
            LogisticHead.from_dict(data["agree"]),
            LogisticHead.from_dict(data["disagree"]),
            float(data["join"]),
            float(data["conflict"]),
            float(data["possible"]),
            str(data.get("trained_on", "")),
        )

    def explain(self, features: np.ndarray, top: int = 3) -> list[str]:
        """The features that pushed this pair's score up the most, for a claim's one-line
        explanation."""
        head = self.agree if features[FEATURE_NAMES.index("values_agree")] > 0.5 else self.disagree
        contrib = head.contributions(features)
        order = np.argsort(-contrib, kind="stable")
        return [FEATURE_NAMES[i] for i in order[:top] if contrib[i] > 0 and features[i] != 0]


WEIGHTS_FILE = "matcher_weights.json"


@lru_cache(maxsize=2)
def default_model(variant: str = "full") -> MatcherModel:
    """The shipped weights: `full` (with embeddings) or `plain` (without)."""
    text = resources.files("corroborator.compare").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return MatcherModel.from_dict(json.loads(text)[variant])


def score_pairs(
    model: MatcherModel, pairs: Sequence[tuple[MatchItem, MatchItem, bool]]
) -> np.ndarray:
    if not pairs:
        return np.zeros(0)
    x = np.vstack([pair_features(a, b, agree) for a, b, agree in pairs])
    return model.probabilities(x)
