"""Translation evidence beyond the sentence model: anchors, the sentence-pair model, and
translation links that need sentence-level evidence (fictional fixtures written for the
project: tests/data/provenance/bridge.json)."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.embed import default_embedder
from corroborator.model import Article
from corroborator.provenance import detect_derivations
from corroborator.provenance.crossmatch import (
    FEATURE_NAMES,
    anchors,
    covered,
    default_model,
    pair_features,
)
from provenance_data import load as load_story


def load(name: str = "bridge.json") -> list[Article]:
    return load_story(name, published=False)


def test_anchors_survive_inflection_number_formats_and_scripts() -> None:
    en = anchors("Ivo Marsh scored as Dunmore won 2-0 at Harlow on 12,500 tickets.")
    cs = anchors("Dunmore zvítězil 2:0 nad Harlowem díky gólu Iva Marshe (12 500).")
    assert {"harlo", "dunmo"} <= en.names & cs.names
    assert {"2", "0", "12", "500"} <= en.numbers & cs.numbers
    ru = anchors("Путин встретился с Зеленским в 2021 году.")
    assert {"putin", "zelen"} <= ru.names and "2021" in ru.numbers
    ja = anchors("東京で「iPhone 13」を２０２１年に発売した。")
    assert "iphon" in ja.names and {"13", "2021"} <= ja.numbers
    assert anchors("the river rose overnight.").names == frozenset()


def test_pair_features_rank_the_clear_best_match_above_its_row() -> None:
    sim = np.array([[0.45, 0.20, 0.18], [0.22, 0.40, 0.25]])
    sents_a = ["Oslund closed the bridge in 1971.", "Mara Lindqvist spoke on Monday."]
    sents_b = ["Oslund zavřel most v roce 1971.", "Lindqvistová mluvila v pondělí.", "Jiná věta."]
    feats = pair_features(sim, sents_a, sents_b, [33, 31], [31, 31, 10], covered("en", "cs"))
    assert feats.shape == (2, 3, len(FEATURE_NAMES))
    gap = feats[..., FEATURE_NAMES.index("row_gap")]
    assert gap[0, 0] == pytest.approx(0.25) and gap[0, 1] < 0
    probs = default_model().probabilities(feats)
    assert probs[0, 0] > probs[0, 1] and probs[1, 1] > probs[1, 0]
    assert not covered("en", "cs") and covered("en", "es")


@pytest.fixture(scope="module")
def bridge_links() -> list:
    return detect_derivations(load(), default_embedder())


def _between(links: list, x: str, y: str) -> list:
    return [k for k in links if {k.original, k.derivative} == {x, y}]


def test_translations_are_found_in_a_language_the_model_covers_badly(bridge_links: list) -> None:
    for x, y in (("en", "es"), ("en", "cs"), ("es", "cs")):
        found = _between(bridge_links, x, y)
        assert [k.relation for k in found] == ["translation"], (x, y, found)


def test_same_topic_reports_that_are_not_translations_are_never_linked(
    bridge_links: list,
) -> None:
    # Own reports of the same event (same names and figures, facts partly in the same order)
    # in languages the sentence model covers: no link with the article or its translation.
    for own, other in (("es-own", "en"), ("es-own", "es"), ("en-own", "en"), ("es-own", "en-own")):
        assert _between(bridge_links, own, other) == [], (own, other)


@pytest.mark.xfail(
    strict=True,
    reason="known limit: an own report that gives half the facts in the original's order "
    "against a translation in a language USE covers badly (Czech), or a short one at the "
    "covered-language chain floor (4 of 8 sentences), reaches the evidence of a loose "
    "translation; the floors were chosen on dev (bench/train_crossmatch.py)",
)
def test_same_topic_reports_at_the_limit(bridge_links: list) -> None:
    assert _between(bridge_links, "es-own", "cs") == []
    assert _between(bridge_links, "en-own", "cs") == []
    assert _between(bridge_links, "en-own", "es") == []
