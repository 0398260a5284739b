"""Heads and keys compared by their Snowball stems in the matcher's features
(`compare.matcher.stemmed`); fictional sentences."""

from __future__ import annotations

import numpy as np

from corroborator.compare.matcher import FEATURE_NAMES, MatchItem, pair_feature_matrix, stemmed
from corroborator.model import Extraction


def test_a_verb_and_its_noun_share_a_stem() -> None:
    assert stemmed("deliberate duration", "en") == stemmed("deliberation duration", "en")
    assert stemmed("resign date", "en") == stemmed("resignation date", "en")
    assert stemmed("murder date", "en") != stemmed("kill date", "en")
    assert stemmed("blessé", "fr") == stemmed("blessés", "fr")
    # a language without a Snowball stemmer compares words as written
    assert stemmed("deliberation", "xx") == "deliberation"


def _item(e: Extraction, article: str) -> MatchItem:
    return MatchItem(article=article, group=int(article[1:]), ext=e, language="en")


def test_the_matcher_sees_one_head_in_a_verb_and_its_noun() -> None:
    a = Extraction(kind="duration", key="deliberate duration", value=50400.0, text="14 hours",
                   head="deliberate", unit="s", start=0, end=8)  # fmt: skip
    b = Extraction(kind="duration", key="deliberation duration", value=39600.0,
                   text="11 hours", head="deliberation", unit="s", start=0, end=8)  # fmt: skip
    row = pair_feature_matrix(
        [_item(a, "a1"), _item(b, "a2")], np.array([0]), np.array([1]), np.array([False])
    )[0]
    assert row[FEATURE_NAMES.index("head_equal")] == 1.0
    assert row[FEATURE_NAMES.index("key_equal")] == 1.0
