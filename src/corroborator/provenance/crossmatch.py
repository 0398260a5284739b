"""Is one sentence a translation of another? Sentence-pair evidence beyond the sentence model.

The multilingual sentence model (USE, 16 languages) puts a sentence and its translation at
cosine 0.7-0.9 in the languages it was trained on, but at 0.3-0.5 in Czech, Icelandic, Hausa
or Ukrainian, where unrelated sentences about the same topic reach the same values. A fixed
cosine threshold therefore misses translations from those languages, and a low one links
same-topic reports. This module scores each sentence pair of two articles with evidence that
does not depend on how well the model knows the languages:

- **Relative similarity.** How far the pair's cosine stands above the best competitor in its
  row and column (a translation is its sentence's clear best match even when the absolute
  cosine is low), and above the row and column means.
- **Anchors.** Tokens that survive translation: numbers (digit runs, after NFKC so that
  full-width digits count; "2-0" and "2:0", "1,200" and "1 200" agree), names and other
  capitalised or Latin-script tokens (accents folded, Cyrillic transliterated, the first five
  letters kept so that inflected names such as "Leicesterem" still meet "Leicester"), URLs,
  e-mail addresses and hashtags. Shared anchors count for the pair; numbers on both sides with
  none in common count against it.
- **Length.** The pair's length ratio against the two articles' overall ratio (a translation's
  sentences keep their proportions whatever the language pair).

Position is left to the alignment (`align`: an order-preserving chain): as a pair feature
it made any two same-topic articles' sentences at the same place look alike, which fakes
runs of "partly translated" paragraphs.
- **Coverage of the model.** Whether USE was trained on both languages, with its product with
  the cosine, so that one model serves covered and uncovered pairs.

A logistic regression over these features (weights in `crossmatch_weights.json`, learned by
`bench/train_crossmatch.py` on the WMT21 dev documents, whose segments are aligned one to
one) gives P(translation) for every sentence pair.

The document decision (`doc_features`, `DocModel`, weights in `crossmatch_doc_weights.json`)
reads that matrix as sentence-level evidence over both texts: the order-preserving chain of
matched sentences over the longer text, coverage of both texts at a strict and a loose P,
soft coverage, shared anchors and the sentence-count ratio. A second logistic regression,
trained on WMT21 dev and on MEANTIME `airbus` (the only same-topic non-translations in the
training data), gives P(translation) of the whole; for languages the sentence model covers,
the chain and the soft coverage must also pass floors, because there two same-topic articles
match topic sentences one by one but never most of both texts in order.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from corroborator.logistic import Logistic, number

#: Languages the multilingual sentence model (USE v3) was trained on.
MODEL_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)

FEATURE_NAMES: tuple[str, ...] = (
    "cosine",
    "row_gap",
    "col_gap",
    "row_centred",
    "col_centred",
    "shared_names",
    "shared_numbers",
    "anchor_dice",
    "number_conflict",
    "no_anchors",
    "length_dev",
    "covered",
    "cosine_x_covered",
    "gap_x_covered",
)

_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|[#@]\w{2,}", re.IGNORECASE)
# ISO 9-like Cyrillic to Latin, so that "Путин" meets "Putin" (first five letters compared).
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "i",
    "є": "ye",
    "ґ": "g",
    "ў": "u",
}
_PREFIX = 5
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _fold(token: str) -> str:
    """Lower-case, accents dropped, Cyrillic transliterated, first five letters."""
    low = token.casefold()
    if any("\u0400" <= ch <= "\u04ff" for ch in low):
        low = "".join(_CYRILLIC.get(ch, ch) for ch in low)
    if not low.isascii():
        low = "".join(
            ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch)
        )
    return low[:_PREFIX]


@dataclass(frozen=True)
class Anchors:
    """Tokens of one sentence that survive translation (see the module docstring)."""

    names: frozenset[str]
    numbers: frozenset[str]


@lru_cache(maxsize=16384)
def anchors(sentence: str) -> Anchors:
    """Names (capitalised, all-caps or Latin-script tokens in a non-Latin text), URLs and
    numbers of one sentence."""
    text = unicodedata.normalize("NFKC", sentence)
    numbers = frozenset(d.lstrip("0") or "0" for d in _DIGITS.findall(text))
    latin_share = len(_ASCII_LETTER.findall(text)) / max(1, len(_LETTER.findall(text)))
    names: set[str] = set()
    for m in _URL.finditer(text):
        names.add(m.group(0).casefold())
    for token in _TOKEN.findall(_URL.sub(" ", text)):
        core = token.strip("'’.-")
        if len(core) < 2:
            continue
        latin_in_other_script = latin_share < 0.5 and core.isascii()
        if core[:1].isupper() or latin_in_other_script:
            names.add(_fold(core))
    return Anchors(frozenset(names), numbers)


def _gaps(sim: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's cosine minus the best other cell of its row, and of its column."""
    n, m = sim.shape
    if m > 1:
        top2 = np.sort(sim, axis=1)[:, -2:]
        best_other_row = np.where(sim >= top2[:, 1:2], top2[:, 0:1], top2[:, 1:2])
    else:
        best_other_row = np.zeros_like(sim)
    if n > 1:
        top2c = np.sort(sim, axis=0)[-2:, :]
        best_other_col = np.where(sim >= top2c[1:2, :], top2c[0:1, :], top2c[1:2, :])
    else:
        best_other_col = np.zeros_like(sim)
    return sim - best_other_row, sim - best_other_col


def _incidence(
    sets_a: Sequence[frozenset[str] | set[str]], sets_b: Sequence[frozenset[str] | set[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """0/1 matrices (sentences x tokens) of both sides over their joint vocabulary."""
    vocab: dict[str, int] = {}
    for group in (sets_a, sets_b):
        for tokens in group:
            for t in tokens:
                vocab.setdefault(t, len(vocab))
    out = []
    for group in (sets_a, sets_b):
        mat = np.zeros((len(group), max(1, len(vocab))))
        for k, tokens in enumerate(group):
            for t in tokens:
                mat[k, vocab[t]] = 1.0
        out.append(mat)
    return out[0], out[1]


def pair_features(
    sim: np.ndarray,
    sentences_a: Sequence[str],
    sentences_b: Sequence[str],
    lengths_a: Sequence[int],
    lengths_b: Sequence[int],
    covered: bool,
) -> np.ndarray:
    """(n, m, len(FEATURE_NAMES)) features of every sentence pair of two articles."""
    n, m = sim.shape
    row_gap, col_gap = _gaps(sim)
    row_c = sim - sim.mean(axis=1, keepdims=True)
    col_c = sim - sim.mean(axis=0, keepdims=True)
    aa = [anchors(s) for s in sentences_a]
    ab = [anchors(s) for s in sentences_b]
    names_a, names_b = _incidence([x.names for x in aa], [y.names for y in ab])
    nums_a, nums_b = _incidence([x.numbers for x in aa], [y.numbers for y in ab])
    long_a, long_b = _incidence(
        [{d for d in x.numbers if len(d) >= 2} for x in aa],
        [{d for d in y.numbers if len(d) >= 2} for y in ab],
    )
    sn = names_a @ names_b.T
    sd = nums_a @ nums_b.T
    size = (names_a.sum(1) + nums_a.sum(1))[:, None] + (names_b.sum(1) + nums_b.sum(1))[None, :]
    dice = np.where(size > 0, 2 * (sn + sd) / np.maximum(size, 1), 0.0)
    none = (size == 0).astype(np.float64)
    has_long = (long_a.sum(1) > 0)[:, None] & (long_b.sum(1) > 0)[None, :]
    conflict = (has_long & ((long_a @ long_b.T) == 0)).astype(np.float64)
    shared_names = np.minimum(sn, 3.0)
    shared_numbers = np.minimum(sd, 3.0)
    la = np.asarray(lengths_a, dtype=np.float64).clip(min=1)
    lb = np.asarray(lengths_b, dtype=np.float64).clip(min=1)
    expected = np.log(lb.sum() / la.sum())
    length_dev = np.abs(np.log(lb[None, :] / la[:, None]) - expected)
    cov = np.full((n, m), float(covered))
    return np.stack(
        [
            sim,
            row_gap,
            col_gap,
            row_c,
            col_c,
            shared_names,
            shared_numbers,
            dice,
            conflict,
            none,
            np.minimum(length_dev, 3.0),
            cov,
            sim * cov,
            np.minimum(row_gap, col_gap) * cov,
        ],
        axis=-1,
    )


class CrossModel(Logistic):
    """Logistic regression over standardised `pair_features` (`corroborator.logistic`; see
    `bench/train_crossmatch.py`)."""

    def matrix(
        self,
        sim: np.ndarray,
        sentences_a: Sequence[str],
        sentences_b: Sequence[str],
        lengths_a: Sequence[int],
        lengths_b: Sequence[int],
        covered: bool,
    ) -> np.ndarray:
        """P(translation) of every sentence pair, (n, m)."""
        if sim.size == 0:
            return np.zeros(sim.shape)
        feats = pair_features(sim, sentences_a, sentences_b, lengths_a, lengths_b, covered)
        return self.probabilities(feats)

    def to_dict(self) -> dict[str, object]:
        return self.encode(FEATURE_NAMES)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> CrossModel:
        return cls.decode(data, FEATURE_NAMES, "crossmatch weights")


WEIGHTS_FILE = "crossmatch_weights.json"


@lru_cache(maxsize=1)
def default_model() -> CrossModel:
    """The shipped model (weights in the package, trained on WMT21 dev documents)."""
    text = resources.files("corroborator.provenance").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return CrossModel.from_dict(json.loads(text))


def covered(lang_a: str, lang_b: str) -> bool:
    """Both languages are among the sentence model's training languages."""
    return lang_a.lower() in MODEL_LANGUAGES and lang_b.lower() in MODEL_LANGUAGES


# ---------------------------------------------------------------- document level

DOC_FEATURE_NAMES: tuple[str, ...] = (
    "cov_short_strict",
    "cov_long_strict",
    "chain_strict",
    "cov_short_loose",
    "cov_long_loose",
    "chain_loose",
    "soft_min",
    "soft_max",
    "anchor_dice",
    "sentence_ratio",
    "covered",
    "cov_short_loose_x_covered",
    "cov_long_loose_x_covered",
    "chain_loose_x_covered",
    "soft_min_x_covered",
)
#: P(translation) of a sentence pair from which it is matched: strictly and loosely.
STRICT_P = 0.5
LOOSE_P = 0.2


@dataclass(frozen=True)
class DocEvidence:
    """What the document decision looks at (see `doc_features`)."""

    features: np.ndarray
    loose_pairs: tuple[tuple[int, int], ...]  # the order-preserving chain at LOOSE_P
    chain_loose: float
    soft_min: float


def doc_features(
    prob: np.ndarray,
    sentences_a: Sequence[str],
    sentences_b: Sequence[str],
    lengths_a: Sequence[int],
    lengths_b: Sequence[int],
    covered_pair: bool,
) -> DocEvidence:
    """Document-level evidence from the sentence-pair P(translation) matrix.

    Coverage of the shorter and the longer text (share of characters in sentences matched
    anywhere) and the order-preserving chain's length over the longer text's sentence count,
    at a strict and a loose P; soft coverage (each sentence's best P, weighted by length) of
    both texts; anchors shared by the whole texts; the sentence-count ratio; and coverage of
    the languages by the sentence model, alone and with the loose coverages and the chain.
    """
    from corroborator.provenance.align import align_matrix

    la = np.asarray(lengths_a, dtype=np.float64).clip(min=1)
    lb = np.asarray(lengths_b, dtype=np.float64).clip(min=1)
    a_short = la.sum() <= lb.sum()
    longest = max(len(la), len(lb))
    values: list[float] = []
    loose_pairs: tuple[tuple[int, int], ...] = ()
    for t in (STRICT_P, LOOSE_P):
        al = align_matrix(prob, lengths_a, lengths_b, t)
        short, long_ = (al.coverage_a, al.coverage_b) if a_short else (al.coverage_b, al.coverage_a)
        values += [short, long_, len(al.pairs) / longest]
        loose_pairs = al.pairs
    soft_a = float((prob.max(axis=1) * la).sum() / la.sum())
    soft_b = float((prob.max(axis=0) * lb).sum() / lb.sum())
    values += [min(soft_a, soft_b), max(soft_a, soft_b)]
    tokens_a: set[str] = set()
    tokens_b: set[str] = set()
    for s in sentences_a:
        an = anchors(s)
        tokens_a |= an.names | an.numbers
    for s in sentences_b:
        an = anchors(s)
        tokens_b |= an.names | an.numbers
    sizes = len(tokens_a) + len(tokens_b)
    values.append(2 * len(tokens_a & tokens_b) / sizes if sizes else 0.0)
    values.append(abs(float(np.log(len(la) / len(lb)))))
    cov = float(covered_pair)
    values.append(cov)
    values += [values[3] * cov, values[4] * cov, values[5] * cov, values[6] * cov]
    return DocEvidence(np.asarray(values), loose_pairs, values[5], values[6])


@dataclass(frozen=True)
class DocModel(Logistic):
    """Logistic regression over standardised `doc_features` (`corroborator.logistic`), and
    the floors a pair of languages the sentence model covers must also pass (see
    `bench/train_crossmatch.py`)."""

    threshold: float
    covered_chain: float  # covered languages: chain_loose at least this
    covered_soft: float  # covered languages: soft_min at least this
    other_chain: float = 0.0  # other languages: chain_loose at least this
    other_soft: float = 0.0  # other languages: soft_min at least this

    def probability(self, evidence: DocEvidence) -> float:
        return float(self.probabilities(evidence.features))

    def is_translation(self, evidence: DocEvidence, covered_pair: bool) -> bool:
        chain, soft = (
            (self.covered_chain, self.covered_soft)
            if covered_pair
            else (self.other_chain, self.other_soft)
        )
        if evidence.chain_loose < chain or evidence.soft_min < soft:
            return False
        return self.probability(evidence) >= self.threshold

    def to_dict(self) -> dict[str, object]:
        return {
            **self.encode(DOC_FEATURE_NAMES),
            "threshold": self.threshold,
            "covered_chain": self.covered_chain,
            "covered_soft": self.covered_soft,
            "other_chain": self.other_chain,
            "other_soft": self.other_soft,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> DocModel:
        what = "crossmatch document weights"
        return cls.decode(
            data,
            DOC_FEATURE_NAMES,
            what,
            threshold=number(data, "threshold", what),
            covered_chain=number(data, "covered_chain", what),
            covered_soft=number(data, "covered_soft", what),
            other_chain=number(data, "other_chain", what, 0.0),
            other_soft=number(data, "other_soft", what, 0.0),
        )


DOC_WEIGHTS_FILE = "crossmatch_doc_weights.json"


@lru_cache(maxsize=1)
def default_doc_model() -> DocModel:
    """The shipped document model (trained on WMT21 dev and MEANTIME airbus)."""
    text = resources.files("corroborator.provenance").joinpath(DOC_WEIGHTS_FILE).read_text("utf-8")
    return DocModel.from_dict(json.loads(text))
