"""provenance.machine beyond the basics: sentence-bound stutters, garbled phrases, the fluency
model's place in the score, and the measuring helpers of bench/mt_detect.py."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/ is not installed

from bench.mt_detect import (
    Doc,
    _operating_point,
    auc,
    balanced_precision,
    paired_auc,
    wilson_upper,
)
from bench.spin import OPS, TEXTS, spin

from corroborator.provenance.machine import (
    FEATURE_NAMES,
    FluencyModel,
    _fluency_score,
    fluency,
    fluency_features,
    fluency_models,
    garbles,
    machine_signal,
    spinner_terms,
    stutters,
    word_count,
)

# A human report whose paragraphs end and start with the same word (the case of issue 14).
HUMAN = (
    "Dock workers at the port of Melsund ended their strike on Friday after the union and the "
    "port authority agreed on a new contract, the union said. The deal raises wages by six "
    "percent over three years and limits night shifts for older workers at the port.\n\n"
    "Port officials said the first ships would unload on Monday. The backlog should clear "
    "within two weeks, they added, and the port will hire more staff for the night.\n\n"
    "Night shifts were the main point of the dispute, which began in the spring."
)
# The same report through a spinner and a word-by-word round trip.
SPUN = (
    "Dock labourers at port of Melsund finished their the two -month strike on Friday after "
    "union and port authority concurred on a novel contract , the union expressed that. The "
    "arrangement lifts wages by six percent over three years and limits shifts night for older "
    "labourers at the port. A stopped of the work was commenced in the spring , inhabitants "
    "said, and the first ships would unload the Monday ."
)


def test_repeats_across_paragraphs_and_sentences_are_not_stutters() -> None:
    assert stutters(HUMAN, "en") == []
    assert stutters("They met at the port. Port officials agreed.", "en") == []
    assert stutters("They met at the the port today.", "en") == ["the the"]


def test_grammatical_doubled_function_words_are_not_stutters() -> None:
    assert stutters("What he had had for lunch was unclear to them.", "en") == []
    assert stutters("Es sind die, die die Arbeit machen.", "de") == []
    assert stutters("Die Hafenarbeiter Hafenarbeiter streikten.", "de") == [
        "Hafenarbeiter Hafenarbeiter"
    ]


def test_garbled_phrases_are_found_and_plain_punctuation_is_not() -> None:
    found = garbles(SPUN)
    assert "A stopped of the" in found
    assert "two -month" in found
    assert "contract ," in found
    assert garbles(HUMAN) == []
    assert garbles("The two-month strike - the longest in years - ended. Talks went on.") == []
    # a suspended compound after a conjunction, a spaced name, a CJK dateline: all human
    assert garbles("Die Forschungs- und -förderung wuchs, sagte Osei -Mensah am Montag.") == []
    assert garbles("白金海被开除党籍 -中新网") == []


def test_spun_report_is_flagged_and_human_one_is_not() -> None:
    human, spun = machine_signal(HUMAN, "en"), machine_signal(SPUN, "en")
    assert human.score == 0.0
    assert not any("repeated" in e for e in human.evidence)
    assert spun.score >= 0.5
    assert any("garbled phrases" in e and "two -month" in e for e in spun.evidence)


def test_cjk_words_count_per_two_characters() -> None:
    assert word_count("港口工人周五结束罢工", ["港口工人周五结束罢工"]) == 5
    assert word_count("Dock workers", ["Dock", "workers"]) == 2


def test_fluency_features_are_finite_rates() -> None:
    feats = fluency_features(HUMAN, "en")
    assert feats is not None and feats.shape == (len(FEATURE_NAMES),)
    assert np.all(np.isfinite(feats))
    assert feats[FEATURE_NAMES.index("piece_logprob")] < 0  # log-probabilities


def test_fluency_model_round_trip_and_threshold_maps_to_flag() -> None:
    model = FluencyModel(np.zeros(2), np.ones(2), np.array([1.0, -1.0]), 0.0, 0.8, True, 0.9, 0.5)
    again = FluencyModel.from_dict(model.to_dict())
    assert again.probability(np.array([1.0, 1.0])) == pytest.approx(0.5)
    assert again.probability(np.array([3.0, 0.0])) > 0.9
    assert _fluency_score(0.8, again) == pytest.approx(0.5)
    assert _fluency_score(0.4, again) < 0.5 < _fluency_score(0.9, again) <= 1.0


def test_only_shown_languages_enter_the_score() -> None:
    models = fluency_models()
    assert models, "machine_weights.json is shipped with the package"
    for lang, model in models.items():
        assert (model.precision or 0.0) >= 0.9 or not model.shown, lang
    hidden = sorted(lang for lang, m in models.items() if not m.shown)
    assert "en" in hidden
    signal = machine_signal(HUMAN, "en")
    assert signal.fluency is None  # a hidden model is not even computed
    assert not any("machine-translated" in e for e in signal.evidence)
    p, en_model = fluency(HUMAN, "en")  # but the benchmark can still ask for it
    assert p is not None and 0.0 <= p <= 1.0 and en_model is models["en"]


def test_spin_is_deterministic_and_rejects_unknown_operations() -> None:
    assert spin(TEXTS[2], OPS, seed=1) == spin(TEXTS[2], OPS, seed=1)
    assert "stopped of the fire" in spin(TEXTS[2], ("pivot",), seed=0)
    assert "ceasefire" not in spin(TEXTS[2], ("pivot",), seed=0)
    with pytest.raises(ValueError, match="unknown spin operation"):
        spin(TEXTS[0], ("shuffle",), seed=0)
    for text in TEXTS:
        assert machine_signal(text, "en").score < 0.5


def test_measuring_helpers() -> None:
    assert auc([0.9, 0.8], [0.1, 0.8]) == pytest.approx(0.875)
    docs = [Doc("a", "en", "mt", ""), Doc("a", "en", "ref", ""), Doc("b", "en", "mt", "")]
    docs.append(Doc("b", "en", "ref", ""))
    # doc a: machine above human; doc b: below; pairs never cross documents
    assert paired_auc(docs, [0.9, 0.1, 0.2, 0.95]) == pytest.approx(0.5)
    assert balanced_precision(0.5, 0.05) == pytest.approx(0.5 / 0.55)
    assert wilson_upper(0, 10) == pytest.approx(0.2775, abs=1e-4)  # the textbook value
    assert wilson_upper(5, 10) == pytest.approx(0.7634, abs=1e-4)
    threshold, tpr, fpr = _operating_point(np.array([0.9, 0.8, 0.3]), np.array([0.1, 0.35]))
    assert (threshold, tpr, fpr) == (0.8, pytest.approx(2 / 3), 0.0)


# A fictional report of ours in Chinese, long enough for the fluency model (>= 60 words).
CHINESE = (
    "周一晚上，北部小镇瓦尔伦的一座木材仓库起火，消防队员连夜奋战控制火势。"
    "由于浓烟在山谷中蔓延，约三百名居民被要求离开家园。官员表示无人受伤，"
    "但仓库附近的两栋房屋严重受损。消防人员警告说，强风可能使火势再次蔓延。"
    "镇长表示，镇政府将为无法回家的家庭支付酒店费用。警方已对起火原因展开调查，"
    "目前原因尚未查明。当地商店周二照常营业，学校则停课一天。"
)


def test_a_shown_language_scores_with_its_fluency_model() -> None:
    models = fluency_models()
    assert models["zh"].shown, "README and RESULTS name zh as shown; retrain changed that"
    signal = machine_signal(CHINESE, "zh")
    assert signal.fluency is not None and 0.0 <= signal.fluency <= 1.0
    flagged = any("machine-translated" in e for e in signal.evidence)
    assert flagged == (signal.score >= 0.5)
    # the score follows the fluency probability through the threshold mapping
    assert signal.score >= _fluency_score(signal.fluency, models["zh"]) - 1e-3


def test_spinner_terms_match_whole_words_only() -> None:
    text = "Individuals, folks and the folksy inhabitants commenced; be that as it may."
    assert sorted(spinner_terms(text)) == [
        "be that as it may",
        "commenced",
        "folks",
        "individuals",
        "inhabitants",
    ]


def test_a_machine_flagged_headline_never_titles_a_story() -> None:
    from corroborator.model import Article
    from corroborator.pipeline import story_title

    spun = Article("a1", "a1", "Ferry the stopped of service after a two -month", "en", None, "x")
    spun.machine_score = 0.9
    human = Article("a2", "a2", "Harbour ferry service halted for two months", "en", None, "y")
    assert story_title([spun, human]) == "Harbour ferry service halted for two months"
    assert story_title([spun]) == spun.title
    human.machine_score = 0.1
    assert story_title([human, spun]) == human.title
