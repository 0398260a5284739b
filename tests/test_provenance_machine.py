"""The machine-produced text signal: spinner vocabulary, untranslated fragments, stutters."""

from __future__ import annotations

from corroborator.provenance import machine_signal

HUMAN = (
    "The passenger ferry ran aground off the island early on Tuesday with 212 people on "
    "board, the coast guard said. Nobody was seriously hurt, but four passengers were treated "
    "for minor injuries. Tugboats pulled the vessel free after a three-hour operation."
)
SPUN = (
    "The traveler ferry went aground close to the island early on Tuesday with 212 "
    "individuals on board, the coast guard expressed that. No one was genuinely harmed, be "
    "that as it may four travelers were treated for minor wounds. Tugs pulled the vessel loose "
    "after a three-hour activity that commenced at high tide, as per the inhabitants."
)
GERMAN_WITH_LEFTOVER = (
    "Die Fähre ist am Dienstag vor der Insel auf Grund gelaufen, wie die Küstenwache "
    "mitteilte. Niemand wurde schwer verletzt, but four of the passengers were treated in "
    "der Klinik. Schlepper zogen das Schiff nach einem dreistündigen Einsatz frei."
)
GERMAN_CLEAN = (
    "Die Fähre ist am Dienstag vor der Insel auf Grund gelaufen, wie die Küstenwache "
    "mitteilte. Niemand wurde schwer verletzt, vier Passagiere wurden aber in der Klinik "
    "behandelt. Schlepper zogen das Schiff nach einem dreistündigen Einsatz frei."
)


def test_plain_news_scores_zero() -> None:
    assert machine_signal(HUMAN, "en").score == 0.0
    assert machine_signal(GERMAN_CLEAN, "de").score == 0.0


def test_spun_text_scores_high_with_evidence() -> None:
    signal = machine_signal(SPUN, "en")
    assert signal.score > 0.8
    assert any("individuals" in e and "be that as it may" in e for e in signal.evidence)


def test_untranslated_english_in_german_is_evidence() -> None:
    signal = machine_signal(GERMAN_WITH_LEFTOVER, "de")
    assert signal.score > 0.3
    assert any("untranslated" in e for e in signal.evidence)


def test_stutter_and_short_text() -> None:
    assert machine_signal("Too short to judge.", "en").score == 0.0
    stutter = HUMAN.replace("the coast guard", "the the coast guard")
    assert machine_signal(stutter, "en").score > 0.0
