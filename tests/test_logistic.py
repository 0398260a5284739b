"""One logistic codec (`corroborator.logistic`) behind the matcher heads and the crossmatch
sentence and document models: scores, JSON round trips, and clear errors on bad weights."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from corroborator.compare.matcher import FEATURE_NAMES, LogisticHead, MatcherModel
from corroborator.logistic import Logistic, check_features, number
from corroborator.provenance import crossmatch
from corroborator.provenance.crossmatch import DOC_FEATURE_NAMES, CrossModel, DocModel

NAMES = ("a", "b")


def small() -> Logistic:
    return Logistic(np.array([1.0, 0.0]), np.array([2.0, 1.0]), np.array([0.5, -1.0]), 0.25)


def test_probabilities_and_contributions_by_hand() -> None:
    model = small()
    x = np.array([[3.0, 1.0], [1.0, 0.0], [401.0, -100.0]])
    # rows: z = 1*0.5 - 1 + 0.25 = -0.25; z = 0.25; z = 200*0.5 + 100 + 0.25 clipped at 50
    expected = 1.0 / (1.0 + np.exp(-np.array([-0.25, 0.25, 50.0])))
    assert model.probabilities(x) == pytest.approx(expected)
    one = model.probabilities(x[0])
    assert one.shape == () and float(one) == pytest.approx(expected[0])
    assert model.contributions(x[0]) == pytest.approx([0.5, -1.0])


def test_encode_lists_features_first_and_rounds_on_request() -> None:
    model = Logistic(np.array([1 / 3, 0.0]), np.array([1.0, 2.0]), np.array([0.1234567, 2.0]), -1.0)
    full = model.encode(NAMES)
    assert list(full) == ["features", "mean", "scale", "coef", "intercept"]
    assert full["features"] == ["a", "b"] and full["mean"][0] == 1 / 3
    rounded = model.encode(digits=6)
    assert "features" not in rounded
    assert rounded["mean"][0] == 0.333333 and rounded["coef"][0] == 0.123457
    again = Logistic.decode(json.loads(json.dumps(full)), NAMES, "test weights")
    x = np.array([[0.5, 4.0]])
    assert again.probabilities(x) == pytest.approx(model.probabilities(x), abs=0)
    assert again.encode(NAMES) == full


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"features": ["b", "a"]}, "test weights were trained on another feature set"),
        ({"features": None}, "another feature set"),
        ({"mean": [1.0]}, "test weights: 'mean' must list 2 numbers"),
        ({"scale": ["x", 1.0]}, "'scale' must list 2 numbers"),
        ({"coef": [[1.0], [2.0]]}, "'coef' must list 2 numbers"),
        ({"coef": None}, "'coef' must list 2 numbers"),
        ({"intercept": "0.5"}, "test weights: 'intercept' must be a number"),
        ({"intercept": True}, "'intercept' must be a number"),
    ],
)
def test_bad_weights_are_one_line_value_errors(change: dict[str, object], message: str) -> None:
    data = {**small().encode(NAMES), **change}
    with pytest.raises(ValueError, match=message):
        Logistic.decode(data, NAMES, "test weights")


def test_unlisted_features_are_not_checked_but_sizes_are() -> None:
    data = small().encode()
    assert Logistic.decode(data, NAMES, "w", listed=False).intercept == 0.25
    with pytest.raises(ValueError, match="another feature set"):
        Logistic.decode(data, NAMES, "w")
    with pytest.raises(ValueError, match="'mean' must list 3 numbers"):
        Logistic.decode(data, (*NAMES, "c"), "w", listed=False)
    check_features({"features": ("a", "b")}, NAMES, "w")
    assert number({}, "floor", "w", 0.5) == 0.5
    with pytest.raises(ValueError, match="'floor' must be a number"):
        number({}, "floor", "w")


def _shipped(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text("utf-8")


def test_shipped_crossmatch_weights_round_trip_byte_for_byte() -> None:
    # bench/train_crossmatch.py writes the weights as json.dumps(model.to_dict(), indent=1)
    for name, model in (
        (crossmatch.WEIGHTS_FILE, crossmatch.default_model()),
        (crossmatch.DOC_WEIGHTS_FILE, crossmatch.default_doc_model()),
    ):
        text = _shipped("corroborator.provenance", name)
        assert json.dumps(model.to_dict(), indent=1) + "\n" == text
    assert isinstance(crossmatch.default_model(), CrossModel)
    assert isinstance(crossmatch.default_doc_model(), DocModel)


def test_shipped_matcher_weights_round_trip() -> None:
    shipped = json.loads(_shipped("corroborator.compare", "matcher_weights.json"))
    for variant, data in shipped.items():
        model = MatcherModel.from_dict(data)
        assert model.to_dict() == data, variant
        assert isinstance(model.agree, LogisticHead)
        assert list(model.agree.to_dict()) == ["mean", "scale", "coef", "intercept"]


def test_models_score_with_the_shared_formula() -> None:
    rng = np.random.default_rng(7)
    cross = crossmatch.default_model()
    x = rng.normal(size=(4, len(crossmatch.FEATURE_NAMES)))
    z = np.clip(((x - cross.mean) / cross.scale) @ cross.coef + cross.intercept, -50, 50)
    assert np.array_equal(cross.probabilities(x), 1.0 / (1.0 + np.exp(-z)))
    doc = crossmatch.default_doc_model()
    row = rng.normal(size=len(DOC_FEATURE_NAMES))
    evidence = crossmatch.DocEvidence(row, (), 0.0, 0.0)
    assert doc.probability(evidence) == float(Logistic.probabilities(doc, row))
    head = MatcherModel.from_dict(
        json.loads(_shipped("corroborator.compare", "matcher_weights.json"))["full"]
    ).agree
    y = rng.normal(size=(3, len(FEATURE_NAMES)))
    zz = np.clip(((y - head.mean) / head.scale) @ head.coef + head.intercept, -50, 50)
    assert np.array_equal(head.probabilities(y), 1.0 / (1.0 + np.exp(-zz)))


def test_document_model_floors_default_and_are_checked() -> None:
    data = crossmatch.default_doc_model().to_dict()
    del data["other_chain"], data["other_soft"]
    model = DocModel.from_dict(data)
    assert (model.other_chain, model.other_soft) == (0.0, 0.0)
    with pytest.raises(ValueError, match="crossmatch document weights: 'threshold'"):
        DocModel.from_dict({**data, "threshold": None})
    with pytest.raises(ValueError, match="crossmatch weights were trained on another"):
        CrossModel.from_dict({**crossmatch.default_model().to_dict(), "features": ["x"]})
