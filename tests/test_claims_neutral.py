"""The language-neutral path: what is read in a language without a lexicon (fictional texts)."""

from __future__ import annotations

from corroborator.claims import extract_claims
from corroborator.model import RawDocument, Sentence


def _claims(text: str, lang: str = "it") -> list[tuple[str, object, str | None]]:
    found = extract_claims(text, [Sentence(0, len(text), text)], lang, "2026-05-02")
    return [(e.kind, e.value, e.unit) for e in found if e.kind != "date"]


def test_a_digit_number_before_a_word_is_a_count_of_that_word() -> None:
    got = _claims("Il crollo ha ferito 12 persone e 300 abitanti sono stati evacuati.")
    assert got == [("quantity", 12.0, None), ("quantity", 300.0, None)]
    found = extract_claims("Er zijn 40 bewoners geëvacueerd.", [], "nl", None)
    assert [(e.value, e.head) for e in found] == [(40.0, "bewoners")]


def test_years_scaled_amounts_and_capitalised_words_are_no_counts() -> None:
    assert _claims("Nel 2019 persone diverse lo hanno visto.") == []
    assert _claims("I danni superano 4,5 milioni.") == []
    assert _claims("Il volo 447 Parigi era in ritardo.") == []


def test_shares_and_currencies_are_read_by_their_words() -> None:
    assert _claims("Le vendite sono salite del 3 per cento.") == [("percentage", 3.0, "%")]
    assert _claims("I prezzi sono saliti del 12%.") == [("percentage", 12.0, "%")]
    assert _claims("Il viaggio dura 30 heures.") == []  # a unit of time: no count
    assert _claims("De prijs steeg met 7 procent.", "nl") == [("percentage", 7.0, "%")]
    assert _claims("Il biglietto costa 40 dollari.") == [("money", 40.0, "USD")]
    assert _claims("Il biglietto costa 40 euro.") == [("money", 40.0, "EUR")]


def test_a_count_aligns_with_its_translation() -> None:
    from corroborator.pipeline import build_report

    docs = [
        RawDocument(
            source="en.txt",
            title="Bridge collapse in Varenna",
            text="A footbridge collapsed in Varenna on Monday. Twelve people were injured "
            "and 300 residents were evacuated from nearby houses.",
        ),
        RawDocument(
            source="it.txt",
            title="Crollo di un ponte a Varenna",
            text="Una passerella è crollata a Varenna lunedì. Dodici persone sono rimaste "
            "ferite e 300 residenti sono stati evacuati dalle case vicine.",
        ),
    ]
    report = build_report(docs)
    (story,) = report.stories
    evacuated = [c for c in story.claims if 300 in {m.value for m in c.mentions}]
    assert len(evacuated) == 1
    assert {m.article for m in evacuated[0].mentions} == {a.id for a in report.articles}
