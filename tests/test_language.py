"""Language identification with CLD2, hints and the undetermined cases."""

from __future__ import annotations

import pytest

from corroborator.text.language import (
    UNDETERMINED,
    detect_language,
    is_supported_language,
    normalize_language_code,
)

SAMPLES = {
    "en": "The fire at the old warehouse lasted two hours and three hundred residents were "
    "evacuated.",
    "de": "Der Brand in der alten Lagerhalle dauerte zwei Stunden, dreihundert Anwohner wurden "
    "evakuiert.",
    "fr": "L'incendie du vieil entrepôt a duré deux heures et trois cents habitants ont été "
    "évacués.",
    "es": "El incendio del viejo almacén duró dos horas y trescientos vecinos fueron evacuados.",
    "pl": "Pożar starego magazynu trwał dwie godziny, ewakuowano trzystu mieszkańców.",
    "ru": "Пожар на старом складе длился два часа, эвакуировали триста жителей.",
    "uk": "Пожежа на старому складі тривала дві години, евакуювали триста мешканців.",
    "it": "L'incendio del vecchio magazzino è durato due ore e trecento residenti sono stati "
    "evacuati.",
    "zh": "旧仓库的火灾持续了两个小时，三百名居民被疏散。",
    "ar": "استمر حريق المستودع القديم ساعتين وتم إجلاء ثلاثمائة من السكان.",
}


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_detects_news_sentences(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_reliable_detection_beats_a_wrong_hint(code: str, text: str) -> None:
    # Longer text makes CLD2 reliable; metadata that says otherwise must not win.
    wrong = "pl" if code != "pl" else "de"
    assert detect_language(" ".join([text] * 3), hint=wrong) == code


def test_traditional_chinese_and_hebrew_map_to_iso_639_1() -> None:
    assert detect_language("倉庫火災持續了兩個小時，三百名居民被疏散。") == "zh"
    assert detect_language("השריפה במחסן נמשכה שעתיים ושלוש מאות תושבים פונו.") == "he"


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "12345 678", "3.5 — 10:30 / 2024", "\x00\x01\x02\x03", "\ufffd" * 50 + "ab"],
)
def test_undetermined_inputs(text: str) -> None:
    assert detect_language(text) == UNDETERMINED
    # A hint cannot conjure a language out of text without letters.
    assert detect_language(text, hint="en") == UNDETERMINED


def test_binary_ish_text_is_undetermined() -> None:
    noise = "a1b2c3d4e5f6g7h8i9j0%$#@!&*" * 10
    assert detect_language(noise) == UNDETERMINED


def test_short_text_uses_hint_or_is_undetermined() -> None:
    assert detect_language("ok") == UNDETERMINED
    assert detect_language("ok", hint="en-GB") == "en"
    assert detect_language("Ciao a tutti", hint="it_IT") == "it"
    assert detect_language("ok", hint="not-a-language") == UNDETERMINED


def test_short_text_in_a_single_language_script() -> None:
    assert detect_language("안녕하세요") == "ko"
    assert detect_language("こんにちは世界") == "ja"
    assert detect_language("Γεια σου") == "el"


def test_invalid_unicode_does_not_raise() -> None:
    text = SAMPLES["en"] + "\ud800\x00\x7f\x85\uffff"
    assert detect_language(text) == "en"


def test_huge_text_is_handled() -> None:
    assert detect_language(SAMPLES["de"] * 5000) == "de"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en-GB", "en"),
        ("EN_us", "en"),
        ("zh-Hant-TW", "zh"),
        ("iw", "he"),
        ("jw", "jv"),
        ("eng", "en"),
        ("ger", "de"),
        (" de ", "de"),
        ("xx", None),
        ("", None),
        (None, None),
        ("english", None),
    ],
)
def test_normalize_language_code(tag: str | None, expected: str | None) -> None:
    assert normalize_language_code(tag) == expected


def test_is_supported_language() -> None:
    for code in ["en", "de", "fr", "es", "pl", "ru", "de-AT", "EN"]:
        assert is_supported_language(code)
    for code in ["it", "zh", "und", "", None]:
        assert not is_supported_language(code)
