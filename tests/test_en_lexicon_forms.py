"""English lexicon forms: heads of nouns in -uses, currencies named by word."""

from __future__ import annotations

from corroborator.claims import extract_claims
from corroborator.claims.lang.en import lemmatize
from corroborator.text.sentences import split_sentences


def _claims(text: str) -> list:
    return [e for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")]


def test_nouns_in_uses_lose_only_es() -> None:
    assert [lemmatize(w) for w in ("viruses", "statuses", "campuses", "bonuses")] == [
        "virus",
        "status",
        "campus",
        "bonus",
    ]
    (count,) = [e for e in _claims("Hackers spread three viruses.") if e.kind == "quantity"]
    assert count.head == "virus" and count.label == "viruses"


def test_crowns_and_shekels_are_money() -> None:
    got = {
        e.text: e.unit
        for e in _claims("The deal was worth 40 million Danish crowns and 12 million shekels.")
        if e.kind == "money"
    }
    assert got == {"40 million Danish crowns": "DKK", "12 million shekels": "ILS"}


def test_a_number_in_a_list_after_a_name_is_no_age() -> None:
    # "IE6, 7, 8 and 9" and "Vista, 7, 8" list versions; "Roth, 33, said" is an age
    text = "The patch covers Browser6, 7, 8 and 9 on Vista, 7, 8. Roth, 33, said it works."
    ages = [(e.value, e.owner) for e in _claims(text) if e.kind == "quantity" and e.head == "age"]
    assert ages == [(33, "Roth")]


def test_a_part_of_a_counted_whole_counts_the_wholes_noun() -> None:
    # "112 of 240 punches": 112 punches landed, and the whole is a figure of its own
    text = "Varga landed 112 of 240 punches. Police arrested 12 of the 40 protesters."
    got = [(e.text, e.value, e.head, e.key) for e in _claims(text) if e.kind == "quantity"]
    assert got == [
        ("112", 112, "punch", "punch landed"),
        ("240 punches", 240, "punch", "punch"),
        ("12", 12, "protester", "protester arrested"),
        ("40 protesters", 40, "protester", "protester"),
    ]


def test_a_height_before_a_comma_or_a_full_stop_keeps_its_inches() -> None:
    text = "Smith, who is 6-foot-2, scored twice. Jones is 6-foot-5. A 6-foot-2.5 wall."
    got = [round(float(e.value), 3) for e in _claims(text) if e.kind == "quantity" and e.unit]
    assert got[:2] == [1.88, 1.956] and 1.88 not in got[2:]
    # "scored twice" is a count of times, no height
    assert [(e.value, e.key) for e in _claims(text) if e.head == "time"] == [(2.0, "time scored")]
