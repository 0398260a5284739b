"""Owners of conflicting figures from the parse (`compare.owners`)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.compare.align import align_story
from corroborator.compare.owners import parsed_owners
from corroborator.model import Article
from corroborator.nlp import spacy_available
from english_articles import english_article


def _article(aid: str, text: str) -> Article:
    return english_article(aid, text, "2026-04-27")


needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")


def _owner(sentence: str, value: str) -> str:
    start = sentence.index(value)
    (owner,) = parsed_owners([("en", sentence, start, start + len(value), "")])
    return owner


@needs_en
def test_the_subject_or_possessor_named_as_a_person_owns_the_figure() -> None:
    assert _owner("Dale Carter rushed for 120 yards on Sunday.", "120 yards") == "carter"
    assert _owner("Carter's 120 yards led the Hawks.", "120 yards") == "carter"
    # a source is no owner, nor is a thing
    assert _owner("Coroner Ann Lee put the toll at 12.", "12") == ""
    assert _owner("The storm destroyed 40 homes in Harlow.", "40 homes") == ""


def test_a_language_without_a_parser_gives_no_owner() -> None:
    text = "Dale Carter a couru 120 mètres."
    assert parsed_owners([("xx", text, 15, 18, "")]) == [""]


@needs_en
def test_two_peoples_figures_are_no_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {
        "a1": "Dale Carter rushed for 120 yards as the Hawks won on Sunday.",
        "a2": "Ben Mason rushed for 80 yards as the Hawks won on Sunday.",
        "a3": "Carter ran for 120 yards in the Hawks win.",
    }
    arts = {aid: _article(aid, text) for aid, text in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}

    def lengths() -> list[tuple[str, list[str]]]:
        claims = align_story([[aid] for aid in texts], ext, arts, None)
        return sorted(
            (c.verdict, sorted(m.article for m in c.mentions))
            for c in claims
            if c.kind == "quantity"
        )

    assert lengths() == [("corroborated", ["a1", "a3"]), ("single_source", ["a2"])]
    monkeypatch.setenv("CORROBORATOR_PARSE_OWNERS", "off")
    assert lengths() == [("conflicting", ["a1", "a2", "a3"])]


@needs_en
def test_one_persons_two_figures_stay_a_conflict() -> None:
    texts = {
        "a1": "Dale Carter rushed for 120 yards as the Hawks won on Sunday.",
        "a2": "Dale Carter rushed for 80 yards as the Hawks won on Sunday.",
    }
    arts = {aid: _article(aid, text) for aid, text in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    (length,) = [c for c in claims if c.kind == "quantity"]
    assert length.verdict in ("conflicting", "possible_conflict")
    assert "different people" not in length.explanation


@needs_en
def test_an_age_standing_for_the_person_named_before_is_that_persons() -> None:
    before = "Who is Dale Carter, and why did he win?"
    sentence = "The 52-year-old lectures at a college."
    start = sentence.index("52")
    assert parsed_owners([("en", sentence, start, start + 2, before)]) == ["carter"]


@needs_en
def test_ages_of_two_people_are_no_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    # one side's person from the rules ("Ben Mason, 51,"), the other's from the sentence
    # before ("The 52-year-old" after a question naming Carter)
    texts = {
        "a1": "Who is Dale Carter? The 52-year-old won the Harlow seat on Tuesday.",
        "a2": "Ben Mason, 51, lost the Harlow seat on Tuesday.",
    }
    arts = {aid: _article(aid, text) for aid, text in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}

    def ages() -> list[str]:
        claims = align_story([["a1"], ["a2"]], ext, arts, None)
        return [c.verdict for c in claims if c.kind == "quantity" and c.key == "age"]

    assert ages() == ["single_source", "single_source"]
    monkeypatch.setenv("CORROBORATOR_PARSE_OWNERS", "off")
    assert ages() == ["conflicting"]
