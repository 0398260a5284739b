"""Sentence splitting: tricky cases per language plus structural properties."""

from __future__ import annotations

import random

import pytest

from corroborator.text.sentences import SUPPORTED_LANGUAGES, split_paragraphs, split_sentences


def texts(text: str, language: str) -> list[str]:
    return [s.text for s in split_sentences(text, language)]


CASES: list[tuple[str, str, list[str]]] = [
    # English: titles, initials, decimals, times, acronyms, quotes.
    (
        "en",
        "Mr. Smith met Dr. Jones at St. Mary's. They talked for 3.5 hours until 10.30 p.m. "
        "The meeting ended.",
        [
            "Mr. Smith met Dr. Jones at St. Mary's.",
            "They talked for 3.5 hours until 10.30 p.m.",
            "The meeting ended.",
        ],
    ),
    (
        "en",
        "The raid began at 9:30 p.m. ET on Friday. It ended at 5 a.m. Nobody was hurt.",
        ["The raid began at 9:30 p.m. ET on Friday.", "It ended at 5 a.m.", "Nobody was hurt."],
    ),
    (
        "en",
        "He lives in the U.S. The firm is based in the U.K. and Canada. "
        "U.S. President Ann Lee spoke.",
        [
            "He lives in the U.S.",
            "The firm is based in the U.K. and Canada.",
            "U.S. President Ann Lee spoke.",
        ],
    ),
    (
        "en",
        "John F. Kennedy and J. R. R. Tolkien never met. A. Nowak did.",
        ["John F. Kennedy and J. R. R. Tolkien never met.", "A. Nowak did."],
    ),
    (
        "en",
        '"It was late," he said. "We left." Next day it rained.',
        ['"It was late," he said.', '"We left."', "Next day it rained."],
    ),
    (
        "en",
        '"Stop!" she shouted. Then she left... The end? Yes! Wait... what happened?',
        ['"Stop!" she shouted.', "Then she left...", "The end?", "Yes!", "Wait... what happened?"],
    ),
    (
        "en",
        "Acme Inc. reported results. Sales rose e.g. in Asia, i.e. in Japan, etc. "
        "The CEO vs. the board. See No. 5 on Jan. 5. Done.",
        [
            "Acme Inc. reported results.",
            "Sales rose e.g. in Asia, i.e. in Japan, etc.",
            "The CEO vs. the board.",
            "See No. 5 on Jan. 5.",
            "Done.",
        ],
    ),
    (
        "en",
        "Gen. Ortiz, Sen. Park, Rep. Hale and Gov. Mills arrived. They left in 2024. "
        "Prices rose 3.5%.",
        [
            "Gen. Ortiz, Sen. Park, Rep. Hale and Gov. Mills arrived.",
            "They left in 2024.",
            "Prices rose 3.5%.",
        ],
    ),
    (
        "en",
        "He shouted “Run!” and ran. The roof fell (see photo.) Nobody was hurt.",
        ["He shouted “Run!” and ran.", "The roof fell (see photo.)", "Nobody was hurt."],
    ),
    # German: ordinals, abbreviations, „…“ quotes.
    (
        "de",
        "Am 3. März 2024 brannte es. Die Feuerwehr kam z.B. mit 30 Mann, u.a. aus der Nr. 5. "
        "Der 2. Weltkrieg endete 1945. Das war gut.",
        [
            "Am 3. März 2024 brannte es.",
            "Die Feuerwehr kam z.B. mit 30 Mann, u.a. aus der Nr. 5.",
            "Der 2. Weltkrieg endete 1945.",
            "Das war gut.",
        ],
    ),
    (
        "de",
        "Es gab ca. 300 Verletzte bzw. 5 Tote, d.h. viele. Die Kosten liegen bei 5 Mio. Euro "
        "und 2 Mrd. Dollar. Dr. Müller sagte: „Das ist schlimm.“ Dann ging er in die "
        "Hauptstr. 5 usw. Es regnete.",
        [
            "Es gab ca. 300 Verletzte bzw. 5 Tote, d.h. viele.",
            "Die Kosten liegen bei 5 Mio. Euro und 2 Mrd. Dollar.",
            "Dr. Müller sagte: „Das ist schlimm.“",
            "Dann ging er in die Hauptstr. 5 usw.",
            "Es regnete.",
        ],
    ),
    (
        "de",
        "„Halt!“, rief er. Ab dem 15. Oktober gilt die Regel. Sie kam am 1. Mai.",
        ["„Halt!“, rief er.", "Ab dem 15. Oktober gilt die Regel.", "Sie kam am 1. Mai."],
    ),
    # French: M., Mme, guillemets with spaces, p. ex., space before ?.
    (
        "fr",
        "M. Dupont et Mme Martin sont arrivés. « Arrêtez ! » a-t-il crié. « C'est fini. » "
        "Ensuite, p. ex. à Paris, il pleuvait. Vraiment ? Oui.",
        [
            "M. Dupont et Mme Martin sont arrivés.",
            "« Arrêtez ! » a-t-il crié.",
            "« C'est fini. »",
            "Ensuite, p. ex. à Paris, il pleuvait.",
            "Vraiment ?",
            "Oui.",
        ],
    ),
    (
        "fr",
        "Le feu a duré 2,5 heures, etc. Les pompiers sont partis. St Denis est calme.",
        ["Le feu a duré 2,5 heures, etc.", "Les pompiers sont partis.", "St Denis est calme."],
    ),
    # Spanish: Sr., Sra., Dña., EE.UU., inverted marks.
    (
        "es",
        "El Sr. García y la Sra. López viajaron a EE.UU. ayer. ¿Qué pasó? preguntó Dña. Ana. "
        "¡Alto! Nadie respondió. Viven en EE.UU. El viaje duró 3 horas.",
        [
            "El Sr. García y la Sra. López viajaron a EE.UU. ayer.",
            "¿Qué pasó? preguntó Dña. Ana.",
            "¡Alto!",
            "Nadie respondió.",
            "Viven en EE.UU.",
            "El viaje duró 3 horas.",
        ],
    ),
    # Polish: r., m.in., tzw., np., ul., godz., tys., mln, zł., prof., dr, initials.
    (
        "pl",
        "W 2024 r. doszło do pożaru. Ewakuowano m.in. 300 osób, tzw. mieszkańców ul. Długiej "
        "o godz. 10.30. Straty to 5 mln zł. Prof. A. Nowak i dr Kowalski przyjechali, np. "
        "Ewa. Koszt wyniósł 20 tys. zł.",
        [
            "W 2024 r. doszło do pożaru.",
            "Ewakuowano m.in. 300 osób, tzw. mieszkańców ul. Długiej o godz. 10.30.",
            "Straty to 5 mln zł.",
            "Prof. A. Nowak i dr Kowalski przyjechali, np. Ewa.",
            "Koszt wyniósł 20 tys. zł.",
        ],
    ),
    (
        "pl",
        "Stało się to w 2024 r. Policja prowadzi śledztwo.",
        ["Stało się to w 2024 r.", "Policja prowadzi śledztwo."],
    ),
    # Russian: г., т.е., т.д., ул., млн, initials, «…» with dash.
    (
        "ru",
        "В 2024 г. произошёл пожар. Эвакуировали всех, т.е. жителей ул. Ленина. Ущерб составил "
        "5 млн руб. и т.д. Потом приехал А. С. Пушкин. «Стоп!» — крикнул он. Всё.",
        [
            "В 2024 г. произошёл пожар.",
            "Эвакуировали всех, т.е. жителей ул. Ленина.",
            "Ущерб составил 5 млн руб. и т.д.",
            "Потом приехал А. С. Пушкин.",
            "«Стоп!» — крикнул он.",
            "Всё.",
        ],
    ),
    (
        "ru",
        "Это случилось в 2023 г. Пожарные приехали через 10 мин. после вызова.",
        ["Это случилось в 2023 г.", "Пожарные приехали через 10 мин. после вызова."],
    ),
    # Languages without dedicated rules.
    (
        "zh",
        "今天发生了火灾。三百人被疏散！消防员说：“火已经扑灭了。”然后离开了。",
        ["今天发生了火灾。", "三百人被疏散！", "消防员说：“火已经扑灭了。”", "然后离开了。"],
    ),
    (
        "ar",
        "اندلع حريق في المدينة. هل تم إجلاء السكان؟ نعم.",
        ["اندلع حريق في المدينة.", "هل تم إجلاء السكان؟", "نعم."],
    ),
    (
        "it",
        "Il Dr. Rossi è arrivato. L'incendio è durato 2 ore. Poi è finito.",
        ["Il Dr. Rossi è arrivato.", "L'incendio è durato 2 ore.", "Poi è finito."],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_tricky_cases(language: str, text: str, expected: list[str]) -> None:
    assert texts(text, language) == expected


def test_paragraph_break_always_ends_sentence() -> None:
    text = "A title without a full stop\n\nBody text starts here. It goes on\nover a line.\n"
    assert texts(text, "en") == [
        "A title without a full stop",
        "Body text starts here.",
        "It goes on\nover a line.",
    ]


def test_paragraph_break_with_crlf_and_spaces() -> None:
    text = "First para, lowercase next\r\n \r\nsecond para."
    assert texts(text, "en") == ["First para, lowercase next", "second para."]


def test_enumeration_is_not_a_sentence() -> None:
    assert texts("1. Introduction\n\n2. Results are in.", "en") == [
        "1. Introduction",
        "2. Results are in.",
    ]


def test_region_subtag_and_unknown_language() -> None:
    text = "Dr. Rossi arrived. It was late."
    assert texts(text, "en-GB") == texts(text, "en")
    assert texts(text, "xx") == ["Dr. Rossi arrived.", "It was late."]
    assert texts(text, "") == ["Dr. Rossi arrived.", "It was late."]


def test_greek_question_mark() -> None:
    assert texts("Τι έγινε; Κάηκε το σπίτι.", "el") == ["Τι έγινε;", "Κάηκε το σπίτι."]


def test_empty_and_whitespace() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n \t ", "en") == []
    assert split_paragraphs("") == []


def test_split_paragraphs_offsets() -> None:
    text = "  One.\n\n\nTwo\nlines.\n  \n Three "
    paras = split_paragraphs(text)
    assert [p.text for p in paras] == ["One.", "Two\nlines.", "Three"]
    assert all(text[p.start : p.end] == p.text for p in paras)


def check_properties(text: str, language: str) -> None:
    sentences = split_sentences(text, language)
    prev_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= prev_end
        # Only whitespace between consecutive sentences: all non-space text is covered.
        assert text[prev_end : s.start].strip() == ""
        prev_end = s.end
    assert text[prev_end:].strip() == ""


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_properties_on_cases(language: str, text: str, expected: list[str]) -> None:
    check_properties(text, language)


def test_properties_on_random_text() -> None:
    """Random soup of words, punctuation, quotes and whitespace must keep the invariants."""
    rng = random.Random(1234)
    pieces = [
        "Mr.", "Dr", "U.S.", "z.B.", "r.", "г.", "3.", "10.30", "etc.", "A.", "word", "Wort",
        "слово", "火灾。", "!", "?", "...", "…", "\"", "“", "”", "„", "«", "»", " » ", "(", ")",
        "¿", "¡", ".", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u202f", "x.y",
        "The", "the", "؟", "Ж.", "—",
    ]  # fmt: skip
    languages = [*sorted(SUPPORTED_LANGUAGES), "", "zh", "el", "xx"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        check_properties(text, rng.choice(languages))


def test_speed_is_linear_and_fast() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They talked for 3.5 hours. " * 2000
    sentences = split_sentences(text, "en")
    assert len(sentences) == 4000


def test_a_decimal_broken_by_a_space_does_not_end_a_sentence() -> None:
    # scraped pages write "5. 4" for 5.4; a year or a long count before a sentence that opens
    # with a number still ends one
    text = (
        "A 5. 4-magnitude tremor struck. Officials put it at magnitude-4. 9, not 5. 4. "
        "The haul was worth $2. 6 million. It was built in 1990. 25 people live there. "
        "They met on May 2. 1,200 people came."
    )
    got = [s.text for s in split_sentences(text, "en")]
    assert got == [
        "A 5. 4-magnitude tremor struck.",
        "Officials put it at magnitude-4. 9, not 5. 4.",
        "The haul was worth $2. 6 million.",
        "It was built in 1990.",
        "25 people live there.",
        "They met on May 2.",
        "1,200 people came.",
    ]
