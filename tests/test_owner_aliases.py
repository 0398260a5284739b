"""Two words that name one owner in a story ("Harlow" / "Otters", "Marta" / "Quill") are one
owner (`compare.owners.owner_aliases`); fictional names."""

from __future__ import annotations

from corroborator.claims import extract_claims
from corroborator.compare.align import align_story
from corroborator.compare.owners import owner_aliases
from corroborator.model import Article
from corroborator.text.sentences import split_sentences


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
    assert aliases == {"quil": "mart", "otte": "harl"}
    # seen once, a name may be a headline glued to a sentence: not enough
    assert owner_aliases(sentences[:2], keys, _key) == {}


def test_a_word_shared_by_two_names_does_not_join_them() -> None:
    # "North" is part of "North Harlow" and of "North Falls": Harlow and Falls stay apart
    sentences = ["North Harlow won.", "North Harlow won.", "North Falls lost.", "North Falls lost."]
    aliases = owner_aliases(sentences, {"nort", "harl", "fall"}, _key)
    # "North" goes with the first name (in key order) only; Harlow is never joined to Falls
    assert aliases == {"nort": "fall"}


def test_names_in_a_list_or_a_title_case_headline_stay_apart() -> None:
    sentences = [
        "Otters Top Falcons In Overtime",  # headlines: two teams
        "Otters Top Falcons In Overtime",
        "OTTERS TOP FALCONS",
        "OTTERS TOP FALCONS",
        "Injured Otters RB Falcons Lee",  # an abbreviation ends a name
        "Injured Otters RB Falcons Lee",
        "Sam Otters. Falcons Lee won.",  # a full stop ends a name
        "Sam Otters. Falcons Lee won.",
        "Quill, Vance and Ortiz were charged.",  # a list: three people
        "The Otters beat the Falcons.",  # lower-case words between
    ]
    keys = {"quil", "vanc", "orti", "otte", "falc"}
    assert owner_aliases(sentences, keys, _key) == {}
    assert owner_aliases(["Marta Quill"], {"quil"}, _key) == {}


def _article(aid: str, text: str) -> Article:
    return Article(
        id=aid,
        source=aid,
        title=aid,
        language="en",
        published="2026-04-27",
        text=text,
        sentences=split_sentences(text, "en"),
    )


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
