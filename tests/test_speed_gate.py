"""Provenance's candidate gate: pairs are compared sentence by sentence only when cheap
signals (shared words, title+lead vectors) say they may be copies, rewrites or translations,
and only the articles of such pairs have their sentences embedded (issue 15, "one analysis
at crawl speed")."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from corroborator.model import Article
from corroborator.provenance import derive
from corroborator.provenance.derive import (
    DEFAULT_THRESHOLDS,
    candidate_pairs,
    copy_without_vectors,
    detect_derivations,
    lead_vectors,
    lexical_matches,
    sentence_members,
    sentence_texts,
)
from corroborator.stories.cluster import lead_text
from provenance_data import OneByOne, load

NO_GATE = replace(DEFAULT_THRESHOLDS, gate=False)


@pytest.fixture(scope="module")
def embedder() -> OneByOne:
    return OneByOne()


@pytest.fixture(autouse=True)
def empty_memo() -> None:
    derive._pair_memo.clear()


def _leads(articles: list[Article], embedder: OneByOne) -> dict[str, np.ndarray]:
    vecs = embedder.encode([lead_text(a) for a in articles])
    return {a.id: v for a, v in zip(articles, vecs, strict=True)}


def test_lexical_matches_count_sentences_that_keep_their_words() -> None:
    a = load()[0]
    assert lexical_matches(a, a, 0.6) == len(sentence_texts(a))
    reworded = replace(
        a,
        id="r",
        text=(
            "A passenger ferry ran aground off Kessel Island early on Tuesday morning. "
            "Unrelated words about gardening follow here. "
        )
        * 1,
    )
    other = replace(a, id="x", text="Tomatoes ripen slowly in northern greenhouses this year.")
    assert lexical_matches(a, other, 0.6) == 0
    assert lexical_matches(a, reworded, 0.6) <= 1


def test_the_gate_keeps_every_link_of_the_fixture(embedder: OneByOne) -> None:
    articles = load()
    full = detect_derivations(articles, embedder, NO_GATE)
    assert {k.relation for k in full} >= {"translation"}, "the fixture has translations"
    derive._pair_memo.clear()
    with lead_vectors(_leads(articles, embedder)):
        gated = detect_derivations(articles, embedder)
    assert gated == full
    assert [k.metrics for k in gated] == [k.metrics for k in full]


def test_only_members_of_candidate_pairs_are_embedded(embedder: OneByOne) -> None:
    articles = load()
    # An article on another matter in the same story: no pair of it is a candidate.
    stray = Article(
        id="z1",
        source="z1",
        title="Harbour museum opens a new wing for old maps",
        language="en",
        published="2026-03-06",
        text=(
            "The harbour museum opened a new wing on Friday. It shows maps drawn by local "
            "fishermen over two centuries. Curators spent three years restoring the paper. "
            "Admission stays free for children under twelve."
        ),
    )
    # English only: across languages the title+lead bar is low (0.3), so an unrelated
    # English article can pass it with a German one.
    story = [*(a for a in articles if a.language == "en"), stray]
    leads = _leads(story, embedder)
    need = sentence_members(story, [leads[a.id] for a in story], embedder)
    assert len(story) - 1 not in need
    assert need, "the fixture's rewrites and partial reuse are candidates"
    embedder.texts.clear()
    with lead_vectors(leads):
        detect_derivations(story, embedder)
    embedded = set(embedder.texts)
    assert embedded == {t for k in need for t in sentence_texts(story[k])}
    assert not embedded & set(sentence_texts(stray))


def test_a_failed_gate_is_no_link_and_is_remembered(embedder: OneByOne) -> None:
    articles = load()
    pairs = [(i, j) for i in range(len(articles)) for j in range(i + 1, len(articles))]
    with lead_vectors(_leads(articles, embedder)):
        passed = candidate_pairs(articles, pairs, embedder)
        assert not all(passed), "the gate rejects some pair of independent reports"
        links = detect_derivations(articles, embedder)
    linked = {(k.original, k.derivative) for k in links} | {
        (k.derivative, k.original) for k in links
    }
    for (i, j), ok in zip(pairs, passed, strict=True):
        if not ok:
            assert (articles[i].id, articles[j].id) not in linked
    assert len(derive._pair_memo) == len(pairs)  # rejected pairs are decided too
    assert sentence_members(articles, None, embedder) == set()  # nothing left to embed


def test_without_lead_vectors_the_embedder_gives_them(embedder: OneByOne) -> None:
    articles = load()[4:6]  # German and English: only the lead vectors can pass them
    embedder.texts.clear()
    candidate_pairs(articles, [(0, 1)], embedder)
    assert embedder.texts == [lead_text(a) for a in articles]
    embedder.texts.clear()
    with lead_vectors(_leads(articles, OneByOne())):
        candidate_pairs(articles, [(0, 1)], embedder)
    assert embedder.texts == []


def test_switched_off_every_pair_is_a_candidate() -> None:
    articles = load()
    assert candidate_pairs(articles, [(0, 7), (2, 8)], None, NO_GATE) == [True, True]


def test_a_copy_is_decided_without_sentence_vectors(embedder: OneByOne) -> None:
    articles = load()[:3]  # a wire text, its copy and a syndicated version
    full = detect_derivations(articles, embedder, NO_GATE)
    assert {k.relation for k in full} == {"copy", "syndication"}
    derive._pair_memo.clear()
    embedder.texts.clear()
    with lead_vectors(_leads(articles, OneByOne())):
        gated = detect_derivations(articles, embedder)
        assert sentence_members(articles, None, embedder) == set()
    assert embedder.texts == []  # nothing embedded
    # Same links; here the cosine alignment pairs exactly the identical sentences too.
    assert gated == full
    assert copy_without_vectors(articles[0], load()[4]) is None  # another language


def test_a_language_the_model_does_not_cover_is_always_a_candidate() -> None:
    en, de = load()[0], load()[4]
    icelandic = replace(de, id="is1", language="is")
    far = {en.id: np.eye(512, dtype=np.float32)[0], icelandic.id: np.eye(512, dtype=np.float32)[1]}
    with lead_vectors(far):
        assert candidate_pairs([en, icelandic], [(0, 1)], None) == [True]
        far_de = {en.id: far[en.id], de.id: far[icelandic.id]}
    with lead_vectors(far_de):
        assert candidate_pairs([en, de], [(0, 1)], None) == [False]
