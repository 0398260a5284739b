"""The shipped paraphrase classifier: weights load, features behave, hand-written pairs
(our own sentences about fictional events) are classified sensibly."""

from __future__ import annotations

import json

import numpy as np
import pytest

from corroborator.embed import default_embedder
from corroborator.provenance.paraphrase import (
    FEATURE_NAMES,
    ParaphraseModel,
    default_model,
    fit_logistic,
    pair_features,
)

PARAPHRASES = [
    (
        "The ferry Aurora ran aground near Kettle Point on Tuesday with 212 passengers aboard.",
        "With 212 passengers aboard, the ferry Aurora ran aground near Kettle Point on Tuesday.",
    ),
    (
        "Mayor Lina Ostrova said the bridge would reopen to traffic by the end of March.",
        "The bridge will reopen to traffic by the end of March, Mayor Lina Ostrova said.",
    ),
    (
        "Firefighters battled the warehouse blaze in Dunmore for nearly six hours.",
        "Firefighters fought the Dunmore warehouse blaze for almost six hours.",
    ),
]
NOT_PARAPHRASES = [
    (
        "The ferry Aurora ran aground near Kettle Point on Tuesday with 212 passengers aboard.",
        "The coast guard said it had sent two boats and a helicopter to the area.",
    ),
    (
        "Firefighters battled the warehouse blaze in Dunmore for nearly six hours.",
        "Dunmore's council will vote next week on a new budget for the fire service.",
    ),
]


@pytest.fixture(scope="module")
def probs() -> tuple[list[float], list[float]]:
    model = default_model()
    emb = default_embedder()

    def score(pairs: list[tuple[str, str]]) -> list[float]:
        va = emb.encode([a for a, _ in pairs])
        vb = emb.encode([b for _, b in pairs])
        return [model.probability(a, b, float(va[k] @ vb[k])) for k, (a, b) in enumerate(pairs)]

    return score(PARAPHRASES), score(NOT_PARAPHRASES)


def test_shipped_weights_load_and_are_numbers_only() -> None:
    model = default_model()
    assert 0.0 < model.threshold < 1.0
    assert np.all(np.isfinite(model.coef)) and np.all(model.scale > 0)
    data = model.to_dict()
    assert ParaphraseModel.from_dict(json.loads(json.dumps(data))).threshold == model.threshold
    for key, value in data.items():
        if key not in ("features", "expansion"):
            assert isinstance(value, float | list)


def test_hand_written_pairs(probs: tuple[list[float], list[float]]) -> None:
    pos, neg = probs
    t = default_model().threshold
    assert all(p >= t for p in pos), pos
    assert all(p < t for p in neg), neg
    assert min(pos) > max(neg)


def test_polarity_flip_scores_below_the_true_paraphrase() -> None:
    """Known gap: MSRP has few negated near-copies, so a flipped statement that keeps the
    wording still scores above the threshold; it must at least score below the paraphrase."""
    model = default_model()
    emb = default_embedder()
    base, para = PARAPHRASES[1]
    flip = "Mayor Lina Ostrova said the bridge would not reopen before the end of 2027."
    v = emb.encode([base, para, flip])
    assert model.probability(base, flip, float(v[0] @ v[2])) < model.probability(
        base, para, float(v[0] @ v[1])
    )


def test_features_reflect_wording_numbers_and_negation() -> None:
    same = pair_features("Five people were hurt.", "Five people were hurt.", 1.0)
    names = list(FEATURE_NAMES)
    assert same[names.index("word_jaccard")] == 1.0
    assert same[names.index("edit_distance")] == 0.0
    nums = pair_features("It cost 40 euros.", "It cost 45 euros.", 0.9)
    assert nums[names.index("num_differ")] == 1.0
    neg = pair_features("The road is open.", "The road is not open.", 0.9)
    assert neg[names.index("negation_mismatch")] == 1.0


def test_mismatched_weights_are_refused() -> None:
    data = default_model().to_dict()
    data["features"] = ["cosine"]
    with pytest.raises(ValueError, match="regenerate"):
        ParaphraseModel.from_dict(data)
    data = default_model().to_dict()
    data["coef"] = [1.0]
    with pytest.raises(ValueError, match="coef"):
        ParaphraseModel.from_dict(data)


def test_fit_logistic_separates_a_toy_problem() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] - x[:, 1] > 0).astype(float)
    mean, scale, coef, intercept = fit_logistic(x, y, l2=1e-3)
    pred = (((x - mean) / scale) @ coef + intercept) > 0
    assert np.mean(pred == (y == 1)) > 0.95
    assert coef[0] > 0 > coef[1]


def test_pair_matrix_scores_only_candidates() -> None:
    model = default_model()
    a = ["The ferry ran aground on Tuesday.", "Nobody was hurt."]
    b = ["On Tuesday the ferry ran aground.", "The weather was calm."]
    cos = np.array([[0.9, 0.1], [0.2, 0.3]])
    mat = model.pair_matrix(a, b, cos, floor=0.5)
    assert mat[0, 0] > 0.5
    assert mat[0, 1] == mat[1, 0] == mat[1, 1] == 0.0
