"""Provenance does only new work: a one-article story embeds nothing, and a story analysed
again after gaining members decides only its new pairs, with the links a fresh analysis
gives (issue 15, "one analysis at crawl speed")."""

from __future__ import annotations

import pytest

from corroborator.model import Article
from corroborator.provenance import derive
from corroborator.provenance.derive import detect_derivations, fingerprint
from provenance_data import OneByOne, load


@pytest.fixture(scope="module")
def embedder() -> OneByOne:
    return OneByOne()


@pytest.fixture(autouse=True)
def empty_memo() -> None:
    derive._pair_memo.clear()


def test_a_story_of_one_article_embeds_nothing(embedder: OneByOne) -> None:
    embedder.texts.clear()
    assert detect_derivations(load()[:1], embedder) == []
    assert embedder.texts == []


def test_growing_story_gives_the_links_of_a_fresh_analysis(embedder: OneByOne) -> None:
    articles = load()
    assert len(articles) >= 7
    fresh = detect_derivations(articles, embedder)
    assert fresh, "the fixture has derivations"
    derive._pair_memo.clear()
    for n in (2, 4, len(articles) - 1):
        detect_derivations(articles[:n], embedder)
    grown = detect_derivations(articles, embedder)
    assert grown == fresh
    assert [k.metrics for k in grown] == [k.metrics for k in fresh]


def test_only_new_pairs_are_decided(embedder: OneByOne) -> None:
    articles = load()
    n = len(articles)
    detect_derivations(articles[: n - 2], embedder)
    assert len(derive._pair_memo) == (n - 2) * (n - 3) // 2
    detect_derivations(articles, embedder)
    assert len(derive._pair_memo) == n * (n - 1) // 2


def test_an_edited_article_is_decided_again(embedder: OneByOne) -> None:
    articles = load()
    detect_derivations(articles[:3], embedder)
    edited = Article(**{**articles[2].__dict__, "text": articles[2].text + " A late update."})
    assert fingerprint(edited) != fingerprint(articles[2])
    after = detect_derivations([articles[0], articles[1], edited], embedder)
    assert len(derive._pair_memo) == 5  # three pairs, then the two with the edited article
    derive._pair_memo.clear()
    assert after == detect_derivations([articles[0], articles[1], edited], embedder)
