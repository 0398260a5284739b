"""Sentence-pair paraphrase classifier: is one sentence a rewording of the other?

Used by rewrite detection (`derive`) to decide which sentences of two same-language articles
say the same thing in other words. The USE cosine alone puts "a reworded sentence" and "another
outlet's sentence about the same fact" in overlapping ranges (MSRP: 0.70 accuracy at its best
threshold); surface overlap tells them apart much better, because a spinner or a light
rewrite keeps most words, names and numbers, while independent writers share the facts but not
the wording.

Features (all cheap: the embeddings are already computed for the alignment; the rest is set
arithmetic on a few dozen tokens), see `pair_features` for the exact list:

- USE cosine (number-denoised vectors, as the rest of the pipeline uses) and its square;
- word and stem (first five letters) overlap: Jaccard and containment in both directions
  (min and max), so "one is a subset of the other" differs from "both share half";
- character 3-gram Jaccard and 4-gram containment (robust to inflection and tokenisation);
- BLEU-like modified n-gram precision (n = 1..4, geometric mean) in both directions;
- numbers: does either side have numbers, the share of distinct numbers not shared, and
  whether the sets differ at all (a paraphrase keeps the figures);
- capitalised tokens (names) not at sentence start: Jaccard and the share unmatched;
- long content words (≥ 4 letters) present on one side only, per side (normalised);
- length: ratio of word counts and absolute log ratio;
- negation mismatch (a negation word on one side only, several languages);
- interactions: cosine × word Jaccard, cosine × BLEU.

Model: logistic regression over the degree-2 expansion of the standardised features, weights learned on the MSRP training
split by `bench/train_paraphrase.py` (regularisation and decision threshold chosen by 5-fold
cross-validation on train only) and shipped as `paraphrase_weights.json` (numbers only).
`ParaphraseModel.probability` gives P(paraphrase); `is_paraphrase` compares it with the
threshold stored alongside the weights.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d(?:[\d.,:\u00a0\u202f]*\d)?")
# Negation words of the languages the claim extractors cover; a paraphrase keeps polarity.
_NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "nor",
        "none",
        "nobody",
        "nothing",
        "neither",
        "t",  # the tail of "n't" after tokenisation (didn't -> didn, t)
        "nicht",
        "kein",
        "keine",
        "keinen",
        "nie",
        "niemals",
        "ne",
        "pas",
        "jamais",
        "aucun",
        "aucune",
        "nunca",
        "ningún",
        "ninguna",
        "nada",
        "nigdy",
        "żaden",
        "не",
        "нет",
        "никогда",
        "ни",
    }
)

FEATURE_NAMES: tuple[str, ...] = (
    "cosine",
    "cosine_sq",
    "word_jaccard",
    "word_cont_min",
    "word_cont_max",
    "stem_jaccard",
    "stem_cont_min",
    "stem_cont_max",
    "char3_jaccard",
    "char4_cont_min",
    "char4_cont_max",
    "bleu_min",
    "bleu_max",
    "bigram_prec_min",
    "num_any",
    "num_unshared",
    "num_differ",
    "caps_jaccard",
    "caps_unmatched",
    "content_only_min",
    "content_only_max",
    "len_ratio",
    "len_logdiff",
    "negation_mismatch",
    "cos_x_jaccard",
    "cos_x_bleu",
    "lcs_min",
    "lcs_max",
    "edit_distance",
    "weighted_overlap",
    "content_unmatched_min",
    "content_unmatched_max",
    "caps_unmatched_count",
    "content_jaccard",
)


@dataclass(frozen=True)
class _Side:
    words: tuple[str, ...]
    stems: frozenset[str]
    char3: frozenset[str]
    char4: frozenset[str]
    ngrams: tuple[Counter[tuple[str, ...]], ...]  # n = 1..4
    numbers: frozenset[str]
    caps: frozenset[str]
    content: frozenset[str]
    negated: bool
    caps_all: frozenset[str]


@lru_cache(maxsize=8192)
def _side(text: str) -> _Side:
    """Token sets of one sentence; cached because each sentence meets every other article."""
    tokens = _WORD.findall(text)
    words = tuple(t.lower() for t in tokens)
    squashed = " ".join(words)
    caps = frozenset(
        t.lower() for k, t in enumerate(tokens) if k > 0 and t[:1].isupper() and not t.isdigit()
    )
    return _Side(
        words=words,
        stems=frozenset(w[:5] for w in words),
        char3=frozenset(squashed[i : i + 3] for i in range(max(0, len(squashed) - 2))),
        char4=frozenset(squashed[i : i + 4] for i in range(max(0, len(squashed) - 3))),
        ngrams=tuple(
            Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
            for n in (1, 2, 3, 4)
        ),
        numbers=frozenset(re.sub(r"\D", "", m.group(0)) for m in _NUMBER.finditer(text)),
        caps=caps,
        content=frozenset(w for w in words if len(w) >= 4 and not w.isdigit()),
        negated=any(w in _NEGATIONS for w in words),
        caps_all=frozenset(t.lower() for k, t in enumerate(tokens) if k > 0 and t[:1].isupper()),
    )


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def _containments(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    inter = len(a & b)
    ca = inter / len(a) if a else 1.0
    cb = inter / len(b) if b else 1.0
    return min(ca, cb), max(ca, cb)


def _precisions(hyp: _Side, ref: _Side) -> list[float]:
    out = []
    for h, r in zip(hyp.ngrams, ref.ngrams, strict=True):
        total = sum(h.values())
        if total == 0:
            out.append(0.0)
            continue
        clipped = sum(min(c, r[g]) for g, c in h.items())
        out.append(clipped / total)
    return out


def _bleu(hyp: _Side, ref: _Side) -> tuple[float, float]:
    """(BLEU-like geometric mean of 1..4-gram precisions with +1 smoothing, bigram precision)."""
    precs = _precisions(hyp, ref)
    logs = []
    for n, p in enumerate(precs, start=1):
        total = max(0, len(hyp.words) - n + 1)
        logs.append(math.log((p * total + 1) / (total + 1)))
    return math.exp(sum(logs) / len(logs)), precs[1]


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two word lists (word order kept)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Word-level Levenshtein distance (a cheap stand-in for TER)."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        cur = [i]
        for j, y in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def pair_features(text_a: str, text_b: str, cosine: float) -> np.ndarray:
    """The feature vector of one sentence pair, in `FEATURE_NAMES` order (see module doc)."""
    a, b = _side(text_a), _side(text_b)
    return _features(a, b, cosine)


def _features(a: _Side, b: _Side, cosine: float) -> np.ndarray:
    wa, wb = frozenset(a.words), frozenset(b.words)
    word_j = _jaccard(wa, wb)
    word_cmin, word_cmax = _containments(wa, wb)
    stem_cmin, stem_cmax = _containments(a.stems, b.stems)
    c4min, c4max = _containments(a.char4, b.char4)
    bleu_ab, bi_ab = _bleu(a, b)
    bleu_ba, bi_ba = _bleu(b, a)
    nums = a.numbers | b.numbers
    num_unshared = len(a.numbers ^ b.numbers) / len(nums) if nums else 0.0
    caps = a.caps | b.caps
    caps_unmatched = len(a.caps ^ b.caps) / len(caps) if caps else 0.0
    only_a = len(a.content - b.content) / max(1, len(a.content))
    only_b = len(b.content - a.content) / max(1, len(b.content))
    na, nb = max(1, len(a.words)), max(1, len(b.words))
    lcs = _lcs(a.words, b.words)
    # Shared characters over all characters of the distinct words: long (rare) words weigh more.
    shared_chars = sum(len(w) for w in wa & wb)
    all_chars = max(1, sum(len(w) for w in wa | wb))
    unmatched_a, unmatched_b = len(a.content - b.content), len(b.content - a.content)
    return np.array(
        [
            cosine,
            cosine * cosine,
            word_j,
            word_cmin,
            word_cmax,
            _jaccard(a.stems, b.stems),
            stem_cmin,
            stem_cmax,
            _jaccard(a.char3, b.char3),
            c4min,
            c4max,
            min(bleu_ab, bleu_ba),
            max(bleu_ab, bleu_ba),
            min(bi_ab, bi_ba),
            1.0 if nums else 0.0,
            num_unshared,
            1.0 if a.numbers != b.numbers else 0.0,
            _jaccard(a.caps, b.caps) if caps else 1.0,
            caps_unmatched,
            min(only_a, only_b),
            max(only_a, only_b),
            min(na, nb) / max(na, nb),
            abs(math.log(na / nb)),
            1.0 if a.negated != b.negated else 0.0,
            cosine * word_j,
            cosine * max(bleu_ab, bleu_ba),
            lcs / min(na, nb),
            lcs / max(na, nb),
            _edit_distance(a.words, b.words) / max(na, nb),
            shared_chars / all_chars,
            float(min(unmatched_a, unmatched_b)),
            float(max(unmatched_a, unmatched_b)),
            float(len(a.caps_all ^ b.caps_all)),
            _jaccard(a.content, b.content),
        ],
        dtype=np.float64,
    )


def expand(z: np.ndarray) -> np.ndarray:
    """Degree-2 expansion of standardised features: [z, z², z_i·z_j for i < j].

    A linear model over single features cannot say "high cosine matters only when the
    wording differs"; the pairwise products let it (5-fold CV on MSRP train: 0.765 linear,
    0.775 with the expansion).
    """
    n = z.shape[1]
    iu, ju = np.triu_indices(n, k=1)
    return np.hstack([z, z * z, z[:, iu] * z[:, ju]])


@dataclass(frozen=True)
class ParaphraseModel:
    """Logistic regression over the degree-2 expansion of `FEATURE_NAMES` (see `expand`).

    Raw features are standardised with (`base_mean`, `base_scale`), expanded, standardised
    again with (`mean`, `scale`) and scored with (`coef`, `intercept`). `threshold` is the
    probability above which a pair counts as a paraphrase; it was chosen by cross-validated
    accuracy on MSRP train, so it reflects MSRP's notion of "semantically equivalent" (news
    sentences from different outlets, two thirds of them positive).
    """

    base_mean: np.ndarray
    base_scale: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(paraphrase) for each row of a (n, len(FEATURE_NAMES)) feature matrix."""
        x = expand((features - self.base_mean) / self.base_scale)
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    def probability(self, text_a: str, text_b: str, cosine: float) -> float:
        """P(paraphrase) of one sentence pair whose embedding cosine is `cosine`."""
        return float(self.probabilities(pair_features(text_a, text_b, cosine)[None, :])[0])

    def is_paraphrase(self, text_a: str, text_b: str, cosine: float) -> bool:
        return self.probability(text_a, text_b, cosine) >= self.threshold

    def pair_matrix(
        self,
        sents_a: Sequence[str],
        sents_b: Sequence[str],
        cosines: np.ndarray,
        floor: float,
    ) -> np.ndarray:
        """P(paraphrase) for every sentence pair whose cosine is ≥ `floor`, 0 elsewhere.

        `floor` keeps the cost down: only candidate pairs are featurised (a reworded sentence
        keeps a USE cosine well above 0.5; see `derive` for the floor used there).
        """
        out = np.zeros(cosines.shape, dtype=np.float64)
        idx = np.argwhere(cosines >= floor)
        if len(idx) == 0:
            return out
        sides_a = {i: _side(sents_a[i]) for i in sorted({int(i) for i, _ in idx})}
        sides_b = {j: _side(sents_b[j]) for j in sorted({int(j) for _, j in idx})}
        feats = np.stack(
            [_features(sides_a[int(i)], sides_b[int(j)], float(cosines[i, j])) for i, j in idx]
        )
        out[idx[:, 0], idx[:, 1]] = self.probabilities(feats)
        return out

    def to_dict(self) -> dict[str, object]:
        def nums(v: np.ndarray) -> list[float]:
            return [round(float(x), 8) for x in v]

        return {
            "features": list(FEATURE_NAMES),
            "expansion": "degree2",
            "base_mean": nums(self.base_mean),
            "base_scale": nums(self.base_scale),
            "mean": nums(self.mean),
            "scale": nums(self.scale),
            "coef": nums(self.coef),
            "intercept": round(float(self.intercept), 8),
            "threshold": round(float(self.threshold), 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ParaphraseModel:
        """Load weights; raises ValueError when they do not fit this version's features."""
        if data.get("features") != list(FEATURE_NAMES) or data.get("expansion") != "degree2":
            raise ValueError(
                "paraphrase weights do not match this version's features; "
                "regenerate them with `python -m bench.train_paraphrase`"
            )
        n = len(FEATURE_NAMES)
        n_expanded = 2 * n + n * (n - 1) // 2

        def vec(key: str, size: int) -> np.ndarray:
            values = data.get(key)
            if not isinstance(values, list) or len(values) != size:
                raise ValueError(f"paraphrase weights: '{key}' must list {size} numbers")
            return np.asarray(values, dtype=np.float64)

        intercept, threshold = data.get("intercept"), data.get("threshold")
        if not isinstance(intercept, int | float) or not isinstance(threshold, int | float):
            raise ValueError("paraphrase weights: 'intercept' and 'threshold' must be numbers")
        return cls(
            vec("base_mean", n),
            vec("base_scale", n),
            vec("mean", n_expanded),
            vec("scale", n_expanded),
            vec("coef", n_expanded),
            float(intercept),
            float(threshold),
        )

    @classmethod
    def fit(
        cls, features: np.ndarray, labels: np.ndarray, l2: float, threshold: float
    ) -> ParaphraseModel:
        """Train on a (n, len(FEATURE_NAMES)) matrix and 0/1 labels (see `fit_logistic`)."""
        base_mean, base_scale = _standardiser(features)
        x = expand((features - base_mean) / base_scale)
        mean, scale, coef, intercept = fit_logistic(x, labels, l2)
        return cls(base_mean, base_scale, mean, scale, coef, intercept, threshold)


WEIGHTS_FILE = "paraphrase_weights.json"


@lru_cache(maxsize=1)
def default_model() -> ParaphraseModel:
    """The shipped model (weights in the package, trained on MSRP train)."""
    text = resources.files("corroborator.provenance").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return ParaphraseModel.from_dict(json.loads(text))


# ---------------------------------------------------------------- training (numpy only)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(mean, scale, coef, intercept) of an L2-regularised logistic regression.

    Newton's method on standardised features (a few dozen columns: the Hessian is tiny);
    `l2` is the penalty on the coefficients (not the intercept) per training example, so
    the same value means the same strength whatever the training-set size.
    """
    mean, scale = _standardiser(x)
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2 * len(x))
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -50, 50)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return mean, scale, w[1:], float(w[0])


def _standardiser(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a constant column stays as it is
    return mean, scale
