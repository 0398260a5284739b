"""Two words that name one owner in a story ("Harlow" / "Otters", "Marta" / "Quill") are one
owner (`compare.owners.owner_aliases`); fictional names."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.compare.align import align_story
from corroborator.compare.owners import owner_aliases
from corroborator.model import Article
from english_articles import english_article


def _article(aid: str, text: str) -> Article:
    return english_article(aid, text, "2026-04-27")


def _key(word: str) -> str:
    return word.lower()[:4]


def test_parts_of_one_name_are_one_owner() -> None:
    sentences = [
        "Marta Quill was found at her home on Sunday.",
        "The North Harlow Sea Otters beat the Falcons.",
        "Relatives of Marta Quill gathered on Monday.",
        "The North Harlow Sea Otters won again.",
    ]
    keys = {"mart", "quil", "harl", "otte", "falc"}
    aliases = owner_aliases(sentences, keys, _key)
    assert aliases == {"mart": "mart", "quil": "mart", "harl": "harl", "otte": "harl"}
    # seen once, a name may be a headline glued to a sentence: not enough
    assert owner_aliases(sentences[:2], keys, _key) == {}


def test_a_word_shared_by_two_names_does_not_join_them() -> None:
    # "North" is part of "North Harlow" and of "North Falls": Harlow and Falls stay apart
    sentences = [
        "The fans of North Harlow cheered loudly.",
        "The fans of North Harlow cheered loudly.",
        "The fans of North Falls cheered loudly.",
        "The fans of North Falls cheered loudly.",
    ]
    aliases = owner_aliases(sentences, {"nort", "harl", "fall"}, _key)
    # "North" goes with the first name (in key order) only; Harlow is never joined to Falls
    assert aliases == {"fall": "fall", "nort": "fall"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Otters Top Falcons in Overtime",  # a title-case headline names two teams
        "OTTERS TOP FALCONS AGAIN",  # so does one in capitals
        "Fans saw Otters RB Falcons Lee score twice.",  # an abbreviation ends a name
        "Fans cheered Sam Otters. Falcons Lee scored twice.",  # so does a full stop
        "The Harlow Otters-Denton Falcons game drew 9,000 fans.",  # and a hyphen
        "Fans cheered Otters' Falcons Lee after the game.",  # and a possessive
        "Quill, Vance and Ortiz were charged.",  # a list: three people
        "The Otters beat the Falcons.",  # lower-case words between
    ],
)
def test_names_that_only_stand_near_each_other_stay_apart(sentence: str) -> None:
    keys = {"quil", "vanc", "orti", "otte", "falc", "harl", "dent"}
    aliases = owner_aliases([sentence, sentence], keys, _key)

    def joined(a: str, b: str) -> bool:
        return a in aliases and aliases.get(a) == aliases.get(b)

    for a, b in (("otte", "falc"), ("harl", "falc"), ("otte", "dent"), ("quil", "vanc")):
        assert not joined(a, b)
    # a short sentence is no headline
    assert owner_aliases(["Marta Quill won.", "Marta Quill won."], {"mart", "quil"}, _key)


def _records(texts: dict[str, str]) -> list[tuple[str, list[str]]]:
    arts = {aid: _article(aid, text) for aid, text in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([[aid] for aid in texts], ext, arts, None)
    return sorted(
        (c.verdict, sorted(m.article for m in c.mentions)) for c in claims if c.key == "win"
    )


def test_a_team_named_by_its_city_and_by_its_nickname_has_one_record() -> None:
    texts = {
        "a1": "The Otters improved to 10-5 with the win over the Falcons on Sunday.",
        "a2": "Harlow improved to 10-5 with the win over the Falcons on Sunday. "
        "The Harlow Otters play again next week. Tickets for the Harlow Otters are sold out.",
    }
    assert _records(texts) == [("corroborated", ["a1", "a2"])]
    # without the full name, two words are two owners: two records
    texts["a2"] = "Harlow improved to 10-5 with the win over the Falcons on Sunday."
    assert _records(texts) == [("single_source", ["a1"]), ("single_source", ["a2"])]


def _verdicts(texts: dict[str, str], key: str) -> list[tuple[str, list[str]]]:
    arts = {aid: _article(aid, text) for aid, text in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([[aid] for aid in texts], ext, arts, None)
    return sorted(
        (c.verdict, sorted(m.article for m in c.mentions)) for c in claims if c.key == key
    )


@pytest.mark.parametrize(
    ("texts", "key"),
    [
        (  # two teams joined by a hyphen are two owners
            {
                "a1": "The Harlow Otters-Denton Falcons game drew 9,000 fans on Sunday. "
                "Harlow improved to 6-3 with the win over Denton.",
                "a2": "The Harlow Otters-Denton Falcons game was played on Sunday. "
                "The Falcons fell to 5-4 with the loss to Harlow.",
            },
            "win",
        ),
        (  # a team and its player named with a possessive are two owners
            {
                "a1": "Harlow improved to 6-3 with the win over the Falcons on Sunday. "
                "Harlow's Marta Quill struck out nine batters. The crowd cheered "
                "Harlow's Marta Quill after the final out.",
                "a2": "Quill improved to 5-2 with the win over the Falcons on Sunday.",
            },
            "win",
        ),
        (  # "Marta Quill" joins neither word to another owner that shares a prefix
            {
                "a1": "Marta Quill was arrested on Monday in Denton. Quill, 34, was charged "
                "with fraud. Police said Marta Quill ran the scheme.",
                "a2": "Police arrested two people on Monday in Denton. Martinez, 41, was "
                "charged with fraud.",
            },
            "age",
        ),
    ],
)
def test_figures_of_two_owners_are_never_set_against_each_other(
    texts: dict[str, str], key: str
) -> None:
    assert all(verdict == "single_source" for verdict, _ in _verdicts(texts, key))
