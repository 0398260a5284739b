"""Value forms of real news that were missed (issue 13, session 14), every sentence made up."""

from __future__ import annotations

import pytest

from corroborator.claims.extract import extract_claims
from corroborator.text.sentences import split_sentences


def _counts(text: str) -> list[tuple[float, str | None]]:
    return [
        (float(e.value), e.head)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "quantity"
    ]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Marsh's 14 rebounds led the Gulls.", [(14.0, "rebound")]),
        ("Dvorak’s 9 assists were a career best.", [(9.0, "assist")]),
        # a capitalised word glued to the number is still a name's number
        ("The crew of Flight 370 was never found.", []),
    ],
)
def test_a_possessive_before_a_count_owns_it(
    text: str, counts: list[tuple[float, str | None]]
) -> None:
    assert _counts(text) == counts


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Baron Dies at 81 Published: May 3, 2025",
        "Harbour baron dies in a prison hospital at 81 Tuesday, May 3.",
    ],
)
def test_an_age_at_death_before_a_capitalised_word(text: str) -> None:
    assert (81.0, "age") in _counts(text)


def test_a_number_after_died_at_before_a_street_is_no_age() -> None:
    assert _counts("He died at 12 Alder Street on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The jury deadlocked at 8-4 on the sentence.",
        "The jurors reported their 8-4 deadlock to the judge.",
        "The jury split 8-4.",
    ],
)
def test_a_jury_split_is_a_tally(text: str) -> None:
    assert _counts(text) == [(8.0, "vote"), (4.0, "vote")]


def test_one_charge_is_named_by_the_word_before_it() -> None:
    text = "He was arraigned on two arson charges and one kidnapping charge."
    assert _counts(text) == [(2.0, "arson charge"), (1.0, "kidnapping charge")]
