"""Tests for plain-text cleaning (corroborator.text.clean)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from corroborator.text import furniture_lexicon as lex
from corroborator.text.clean import CleanedText, clean_lines, clean_text, looks_like_sentence
from corroborator.text.furniture_dates import find_date

ROOT = Path(__file__).resolve().parents[1]

BODY = [
    "Officials said on Monday that 1,200 residents had been evacuated from the east bank.",
    "The river peaked at 6.8 metres at 2 a.m., nearly half a metre above the 2011 record.",
    '"We had barriers rated for seven metres," said Mayor Tomas Reiner on Monday evening.',
]


def _doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _label_of(result: CleanedText, line: str) -> str:
    return next(label for text, label in result.line_labels if text == line)


def _removed_as(line: str) -> str:
    """Label of `line` when it sits between body paragraphs of an article with a title."""
    result = clean_text(
        _doc("Flood barriers fail in Valdora as river rises", BODY[0], line, *BODY[1:])
    )
    return _label_of(result, line)


# --- one test per furniture category, several languages each ------------------------------

FURNITURE = [
    ("caption", "Photo: Reuters"),
    ("caption", "Foto: dpa/Max Muster"),
    ("caption", "Fot. PAP/Darek Nowak"),
    ("caption", "Rescue workers near the old bridge on Sunday. Photo: Reuters"),
    ("caption", "Zerstörte Äpfel in einer Plantage bei Lindenau. (Foto: Martin Keller)"),
    ("caption", "Спасатели на улице Заречья. Фото: ТАСС"),
    ("caption", "Lucas Berthier franchit la ligne en vainqueur. AFP"),
    ("caption", "Image caption, Researchers drilling on the glacier in July"),
    ("share", "Share this article"),
    ("share", "Facebook Twitter LinkedIn Email"),
    ("share", "Partager sur Facebook"),
    ("share", "Udostępnij"),
    ("follow", "Follow us on Facebook, on X @ScienceDesk, or on Instagram."),
    ("follow", "Folgen Sie uns auf Instagram und WhatsApp"),
    ("follow", "Síguenos en X, Facebook e Instagram"),
    ("follow", "Подписывайтесь на наш канал в Telegram"),
    ("newsletter", "Sign up for our Morning Markets newsletter and get the news in your inbox."),
    ("newsletter", "Abonnez-vous à notre newsletter"),
    ("newsletter", "Suscríbete a nuestro boletín y recibe las noticias cada mañana."),
    ("newsletter", "Cet article est réservé aux abonnés. Déjà abonné ? Se connecter"),
    ("comments", "Leave a Reply"),
    ("comments", "Your email address will not be published. Required fields are marked *"),
    ("comments", "Ihre E-Mail-Adresse wird nicht veröffentlicht."),
    ("comments", "Komentarze (12)"),
    ("related", "Read more: Valdora mayor under pressure after second flood"),
    ("related", "Lesen Sie auch: Pendler stehen täglich im Stau"),
    ("related", "À lire aussi : Carburants, les prix repartent à la hausse"),
    ("related", "Czytaj też: Rząd zapowiada pomoc dla powodzian"),
    ("related", "Читайте также: Синоптики предупредили о новых осадках"),
    ("related", "Te puede interesar: El Gobierno aprueba un fondo de emergencia"),
    ("copyright", "© 2025 The Ledger Media Group. All rights reserved."),
    ("copyright", "Copyright © 2025 Nordkurier Online. Alle Rechte vorbehalten."),
    ("copyright", "Wszelkie prawa zastrzeżone © 2025"),
    ("credit", "Reporting by Jane Harlow; Editing by Mark Peters"),
    ("credit", "(Additional reporting by Sam Whitford)"),
    ("credit", "(dpa)"),
    ("credit", "Avec AFP"),
    ("credit", "Con información de EFE y Europa Press"),
    ("byline", "By Jane Harlow"),
    ("byline", "Von Katharina Lindner"),
    ("byline", "Par Claire Moreau"),
    ("byline", "Autor: Katarzyna Wójcik"),
    ("byline", "Von unserer Redakteurin Jana Oswald"),
    ("dateline", "Published 3 March 2025"),
    ("dateline", "12.03.2025, 14:05 Uhr"),
    ("dateline", "Publié le 3 mars 2025 à 10h15"),
    ("dateline", "Published 2 hours ago"),
    ("ads", "Advertisement"),
    ("ads", "Anzeige"),
    ("ads", "La suite après cette publicité"),
    ("ads", "Dalsza część artykułu pod reklamą"),
    ("cookies", "Diese Seite verwendet Cookies. Mit der weiteren Nutzung stimmen Sie zu."),
    ("cookies", "We use cookies to improve your experience on our site."),
    ("nav", "Home > News > Science"),
    ("nav", "World | Europe | Politics"),
    ("tags", "Tags: Brennock, city council, four-day week"),
    ("tags", "Etiquetas: terremoto, Almira, sismología"),
    ("reading_time", "5 min read"),
    ("reading_time", "Lesezeit: 3 Min."),
    ("media", "Listen to this article"),
    ("media", "Watch: Aerial footage shows overturned carriages"),
    ("app", "Nachrichten direkt aufs Handy: Laden Sie unsere App herunter."),
    ("url", "https://example.org/news/flood"),
    ("url", "@ScienceDesk"),
    ("label", "LIVE UPDATES NOW"),
]


@pytest.mark.parametrize(("category", "line"), FURNITURE)
def test_furniture_category(category: str, line: str) -> None:
    assert _removed_as(line) == f"furniture:{category}"


# --- body text that looks like furniture must stay ----------------------------------------

KEEP = [
    "The company's share price fell 4% on Monday.",
    "Shares in regional insurer Halvora fell 3.2% in early trading.",
    "Subscribers to the union's newsletter were told of the result on Tuesday evening.",
    "By Monday, 300 people had left their homes in the valley.",
    "Von den 300 Bewohnern konnten bis zum Abend alle in Sicherheit gebracht werden.",
    "Par ailleurs, le maire a demandé une réunion d'urgence avec le ministre.",
    "The dam broke on 3 March 2025, two days after the first warning.",
    "Readers can follow the work of the inquiry on a public website, the mayor said.",
    "Teilen Sie Ihre Erfahrungen mit Zulieferern, hieß es in einem Aufruf der Gewerkschaft.",
    "Para compartir información útil, el ayuntamiento habilitó un teléfono de atención.",
    "The union said it would share the ballot results with members before going public.",
    "Photographers were not allowed near the site, police said on Tuesday.",
]


@pytest.mark.parametrize("line", KEEP)
def test_body_sentences_that_look_like_furniture_are_kept(line: str) -> None:
    assert _removed_as(line) == "body"
    assert looks_like_sentence(line)


def test_subheading_in_body_is_kept() -> None:
    raw = _doc(
        "Council approves four-day week trial", BODY[0], "What the trial will measure", *BODY[1:]
    )
    result = clean_text(raw)
    assert "What the trial will measure" in result.text


# --- title, section label, byline, dateline -----------------------------------------------


def test_title_after_section_label_and_before_byline() -> None:
    raw = _doc(
        "World",
        "Flood barriers fail in Valdora as river reaches record level",
        "By Jane Harlow",
        "Published 3 March 2025, updated 4 March 2025",
        "",
        *BODY,
    )
    result = clean_text(raw)
    assert result.title == "Flood barriers fail in Valdora as river reaches record level"
    assert result.published == "2025-03-03"
    assert result.removed == [
        "World",
        "By Jane Harlow",
        "Published 3 March 2025, updated 4 March 2025",
    ]
    assert result.title not in result.text
    assert result.text == "\n".join(BODY)
    assert _label_of(result, "World") == "furniture:section"


def test_no_title_when_text_starts_with_body() -> None:
    result = clean_text(_doc(*BODY))
    assert result.title is None
    assert result.text == "\n\n".join(BODY)


def test_question_headline_is_a_title() -> None:
    result = clean_text(_doc("Is the river town safe from the next flood?", *BODY))
    assert result.title == "Is the river town safe from the next flood?"


def test_bare_author_name_after_title_is_byline_and_standfirst_stays() -> None:
    raw = _doc(
        "Glacier lost a fifth of its ice in one summer",
        "Maria Chen",
        "Researchers say the loss is twice the average of the past decade",
        *BODY,
    )
    result = clean_text(raw)
    assert _label_of(result, "Maria Chen") == "furniture:byline"
    assert "Researchers say the loss" in result.text


def test_title_hint_takes_the_matching_line() -> None:
    raw = _doc(
        "Politik", "Landtag beschließt Paket für Brücken", "Kurzer Vorspann ohne Punkt", *BODY
    )
    result = clean_text(raw, title_hint="  landtag beschließt paket für brücken ")
    assert result.title == "Landtag beschließt Paket für Brücken"
    assert "Landtag beschließt" not in result.text
    assert "Politik" in result.removed


def test_title_hint_absent_from_text_falls_back_to_detection() -> None:
    raw = _doc("Flood barriers fail in Valdora", *BODY)
    assert clean_text(raw, title_hint="Another headline").title == "Flood barriers fail in Valdora"


@pytest.mark.parametrize(
    ("text", "language", "iso"),
    [
        ("Published 3 March 2025", None, "2025-03-03"),
        ("12.03.2025 14:05", "de", "2025-03-12"),
        ("March 3, 2025 at 9:41 a.m. EDT", "en", "2025-03-03"),
        ("3 mars 2025", "fr", "2025-03-03"),
        ("1er avril 2025 à 10h15", "fr", "2025-04-01"),
        ("3 marca 2025 r.", "pl", "2025-03-03"),
        ("3 марта 2025, 10:15", "ru", "2025-03-03"),
        ("Santa Clara, 3 de marzo de 2025 | 10:15", "es", "2025-03-03"),
        ("27 oct 2025 - 23:10 CET", "es", "2025-10-27"),
        ("2025-06-02T10:00:00Z", None, "2025-06-02"),
        ("04/03/2025", "en", "2025-04-03"),
        ("04/03/2025", "fr", "2025-03-04"),
        ("31/12/2025", "en", "2025-12-31"),
        ("3 March", None, None),
        ("31.02.2025", "de", None),
    ],
)
def test_find_date(text: str, language: str | None, iso: str | None) -> None:
    assert find_date(text, language) == iso


def test_published_prefers_publication_stamp_over_update() -> None:
    raw = _doc(
        "Headline about the river and the town",
        "Updated 4 March 2025",
        "Published 3 March 2025",
        *BODY,
    )
    assert clean_text(raw).published == "2025-03-03"


def test_dates_in_body_do_not_set_published() -> None:
    assert clean_text(_doc("Dam report published", KEEP[6], *BODY)).published is None


# --- repetition, other languages, odd input -----------------------------------------------


def test_repeated_body_line_keeps_first_occurrence() -> None:
    raw = _doc("Headline about the flood in Valdora", *BODY, BODY[2], "Reporting by Jane Doe")
    result = clean_text(raw)
    assert result.text.count(BODY[2]) == 1
    assert result.removed == [BODY[2], "Reporting by Jane Doe"]
    assert result.line_labels[-2] == (BODY[2], "furniture:repeat")


def test_repeated_short_chrome_is_removed_everywhere() -> None:
    raw = _doc(
        "Headline about the flood in Valdora", BODY[0], "Trending", BODY[1], "Trending", BODY[2]
    )
    result = clean_text(raw)
    assert result.removed == ["Trending", "Trending"]


def test_repeated_title_is_removed_later() -> None:
    title = "Flood barriers fail in Valdora"
    result = clean_text(_doc(title, *BODY, title))
    assert result.title == title
    assert result.removed == [title]


def test_caption_in_other_language_than_article() -> None:
    raw = _doc(
        "Incendie dans les Corbières : un village évacué",
        "Un incendie a parcouru environ 1 200 hectares de garrigue dans la nuit de dimanche.",
        "Des pompiers luttent contre les flammes près de Saint-Alban. Foto: dpa",
        "Près de 500 pompiers et six avions bombardiers d'eau étaient mobilisés lundi matin.",
        "Spasatele na miejscu. Photo: Reuters",
    )
    result = clean_text(raw, language="fr")
    assert result.removed == [
        "Des pompiers luttent contre les flammes près de Saint-Alban. Foto: dpa",
        "Spasatele na miejscu. Photo: Reuters",
    ]


def test_related_block_takes_teasers_until_body_resumes() -> None:
    raw = _doc(
        "Headline about the flood in Valdora",
        BODY[0],
        "Read also:",
        "Dam operator faces questions after second breach",
        "Mayor promises compensation within 30 days…",
        BODY[1],
    )
    result = clean_text(raw)
    assert result.removed == [
        "Read also:",
        "Dam operator faces questions after second breach",
        "Mayor promises compensation within 30 days…",
    ]
    assert BODY[1] in result.text


def test_footer_links_go_but_a_closing_fact_list_stays() -> None:
    raw = _doc(
        "Headline about the flood in Valdora",
        *BODY,
        "What we know so far:",
        "- 1,200 residents evacuated",
        "- Two bridges closed",
        "Europe",
        "Climate crisis",
    )
    result = clean_text(raw)
    assert "What we know so far:" in result.text
    assert "- 1,200 residents evacuated" in result.text
    assert "- Two bridges closed" in result.text
    assert _label_of(result, "Europe") == "furniture:footer"
    assert _label_of(result, "Climate crisis") == "furniture:footer"


def test_title_case_headline_ending_in_acronym_is_a_title() -> None:
    result = clean_text(_doc("Ferry Fares Get Approval From the D.O.T.", *BODY))
    assert result.title == "Ferry Fares Get Approval From the D.O.T."
    first = "Officials moved the records of 300 families to the U.S."
    assert clean_text(_doc(first, *BODY)).title is None


def test_empty_and_blank_input() -> None:
    for raw in ("", "\n\n  \n\t\n"):
        result = clean_text(raw)
        assert result == CleanedText(
            title=None, text="", removed=[], published=None, line_labels=[]
        )


def test_non_string_input_does_not_raise() -> None:
    assert clean_text(None).text == ""  # type: ignore[arg-type]


def test_only_furniture() -> None:
    lines = ["Advertisement", "Share this article", "Leave a Reply", "© 2025 Example News"]
    result = clean_text(_doc(*lines))
    assert result.text == ""
    assert result.title is None
    assert result.removed == lines


def test_windows_line_endings_and_no_break_spaces() -> None:
    raw = (
        "World\r\nFlood barriers fail in Valdora\r\n\r\n"
        + "\r\n".join(BODY)
        + "\r\nPhoto:\u00a0Reuters\r\n"
    )
    result = clean_text(raw)
    assert result.title == "Flood barriers fail in Valdora"
    assert result.text == "\n".join(BODY)
    assert "\r" not in result.text
    assert result.removed == ["World", "Photo: Reuters"]


def test_paragraphs_follow_blank_lines() -> None:
    raw = _doc(
        "Headline about the flood in Valdora", "", BODY[0], BODY[1], "Advertisement", "", BODY[2]
    )
    assert clean_text(raw).text == f"{BODY[0]}\n{BODY[1]}\n\n{BODY[2]}"


def test_line_labels_cover_every_non_empty_line() -> None:
    raw = _doc("World", "Flood barriers fail in Valdora", "", *BODY, "", "Advertisement")
    result = clean_text(raw)
    assert [line for line, _ in result.line_labels] == [
        "World",
        "Flood barriers fail in Valdora",
        *BODY,
        "Advertisement",
    ]
    assert {label for _, label in result.line_labels} == {
        "furniture:section",
        "title",
        "body",
        "furniture:ads",
    }


def test_clean_lines_applies_furniture_rules_without_title_detection() -> None:
    lines = [
        "Flood barriers fail in Valdora",
        BODY[0],
        "",
        "Photo: Reuters",
        BODY[1],
        "Advertisement",
    ]
    kept, removed = clean_lines(lines, language="en")
    assert kept == ["Flood barriers fail in Valdora", BODY[0], BODY[1]]
    assert removed == ["Photo: Reuters", "Advertisement"]


def test_output_is_deterministic() -> None:
    raw = _doc("World", "Flood barriers fail in Valdora", *BODY, "Photo: Reuters", BODY[0])
    assert clean_text(raw) == clean_text(raw)


# --- lexicon hygiene ------------------------------------------------------------------------


def test_lexicon_patterns_survive_lower_casing() -> None:
    """Patterns are lower-cased before compiling; upper-case escapes would change meaning."""
    for table in (lex.STRICT, lex.WEAK):
        for category, by_lang in table.items():
            for lang, patterns in by_lang.items():
                for pattern in patterns:
                    assert not re.search(r"\\[SWDBAZ]", pattern), (category, lang, pattern)
                    re.compile(pattern.lower())


def test_lexicon_covers_required_languages() -> None:
    languages = {lang for by_lang in lex.STRICT.values() for lang in by_lang}
    assert {"en", "de", "fr", "es", "pl", "ru"} <= languages


# --- regression guard on the dev split ------------------------------------------------------


def _load_bench() -> ModuleType:
    path = ROOT / "bench" / "clean_eval.py"
    spec = importlib.util.spec_from_file_location("clean_eval_for_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_dev_split_regression_guard() -> None:
    """Measured on dev (2026-11-23): body recall 1.000, furniture precision 1.000, recall
    1.000, titles 24/24. Thresholds sit a little below so a real regression fails."""
    bench = _load_bench()
    docs = bench.load_split("dev")
    assert len(docs) >= 24
    assert len({doc.language for doc in docs}) >= 5
    total, _ = bench.evaluate(docs)
    assert total.body_recall >= 0.99, total.errors
    assert total.precision >= 0.95, total.errors
    assert total.recall >= 0.90, total.errors
    assert total.title_ok >= 22, total.errors


def test_labelled_files_parse_and_test_split_is_separate() -> None:
    bench = _load_bench()
    dev = {doc.name for doc in bench.load_split("dev")}
    test = bench.load_split("test")
    assert len(test) >= 12
    assert not dev & {doc.name for doc in test}
    for doc in test:
        assert doc.labels.count("title") <= 1
        assert "body" in doc.labels and "furniture" in doc.labels


def test_syndication_credit_lines_are_furniture_but_from_sentences_are_kept() -> None:
    raw = (
        "Title of the report here\n\nFrom our partners at the Northshore Ledger\n\n"
        "A fire burned for about 30 hours, officials said.\n\n"
        "From the start, crews from three towns worked together on the blaze.\n\n"
        "Republished with permission from Valley Times."
    )
    result = clean_text(raw)
    assert "From our partners at the Northshore Ledger" in result.removed
    assert "Republished with permission from Valley Times." in result.removed
    assert "From the start, crews from three towns" in result.text


@pytest.mark.parametrize(
    ("raw", "title", "body_start"),
    [
        (
            "国际\n仓库火灾持续三十小时\n\n一家纺织仓库的大火持续燃烧了约三十个小时，消防部门周五表示。"
            "当局疏散了三百名居民。",
            "仓库火灾持续三十小时",
            "一家纺织仓库",
        ),
        (
            "社会\n倉庫火災、30時間燃え続ける\n\n繊維倉庫の火災は約30時間燃え続け、消防当局が金曜日に"
            "発表した。住民300人が避難した。",
            "倉庫火災、30時間燃え続ける",
            "繊維倉庫の火災",
        ),
        ("火災は三十時間続いた。住民三百人が避難した。", None, "火災は三十時間"),
    ],
)
def test_text_without_spaces_is_not_taken_for_labels(
    raw: str, title: str | None, body_start: str
) -> None:
    """Han and kana have no capitals and no spaces: they are neither ALL-CAPS labels nor
    one-word lines (a Japanese article used to lose its whole body as 'furniture:label')."""
    result = clean_text(raw)
    assert result.title == title
    assert result.text.startswith(body_start)


def test_brief_that_is_only_its_headline_is_kept_as_the_body() -> None:
    from corroborator.model import Article, RawDocument
    from corroborator.pipeline import prepare

    line = "Harbour crane collapses in Port Velmar, two dock workers slightly injured."
    art = prepare(RawDocument(source="brief.txt", text=line, title=line), "a1")
    assert isinstance(art, Article)
    assert art.text == line
    assert art.title == line
    furniture_only = prepare(
        RawDocument(source="f.txt", text="Share this article\nAdvertisement"), "a2"
    )
    assert not isinstance(furniture_only, Article)


LONG_BODY = [
    "Firefighters from three districts fought a blaze at the Orlen timber yard in Velmar "
    "through Tuesday night.",
    "The fire started in a drying shed shortly after nine in the evening, a spokesman for the "
    "regional fire service said.",
    "Residents of twelve houses on the eastern edge of the town were asked to keep their "
    "windows closed because of the smoke.",
    "Nobody was hurt, and the cause of the fire is not yet known, the police said on "
    "Wednesday morning.",
]


def test_caption_label_in_a_third_language_is_removed_by_its_language() -> None:
    raw = _doc(
        "Timber yard fire in Velmar burns through the night",
        "zdroj fotografie",
        *LONG_BODY[:2],
        "Hasiči u skladu dřeva",
        *LONG_BODY[2:],
    )
    result = clean_text(raw, language="en")
    assert result.title == "Timber yard fire in Velmar burns through the night"
    assert result.removed == ["zdroj fotografie", "Hasiči u skladu dřeva"]


def test_names_and_body_language_subheadings_are_not_foreign() -> None:
    raw = _doc(
        "Timber yard fire in Velmar burns through the night",
        *LONG_BODY[:2],
        "Port Velmar",
        "Smoke over the eastern houses",
        *LONG_BODY[2:],
    )
    result = clean_text(raw, language="en")
    assert result.removed == []


def test_credit_lines_are_removed() -> None:
    lines = [
        "Reporting contributed by Ana Velez from Port Velmar and Tom Birk from Oslund.",
        "Ana Velez contributed reporting from Port Velmar.",
    ]
    for credit in lines:
        result = clean_text(_doc("Timber yard fire in Velmar", *LONG_BODY, credit))
        assert result.removed == [credit]
        assert credit not in result.text


def test_photo_credit_tail_without_a_credit_word_marks_a_caption() -> None:
    captions = [
        "Smoke rises over the timber yard on Tuesday. (Ana Velez / Velmar Courier)",
        "Un camión cisterna junto al almacén de madera / Bomberos de Velmar",
    ]
    for caption in captions:
        result = clean_text(
            _doc("Timber yard fire in Velmar", LONG_BODY[0], caption, *LONG_BODY[1:])
        )
        assert result.removed == [caption]
    # A sentence that ends with a slash between names is body text.
    body = "The brigade's new ladder truck came from the twin town of Oslund / Norby."
    result = clean_text(_doc("Timber yard fire in Velmar", LONG_BODY[0], body, *LONG_BODY[1:]))
    assert result.removed == []


def test_a_label_that_recurs_with_other_values_is_chrome() -> None:
    raw = _doc(
        "Timber yard fire in Velmar",
        LONG_BODY[0],
        "Bildnachweis: Ana Velez",
        *LONG_BODY[1:3],
        "Bildnachweis: Velmar Courier",
        LONG_BODY[3],
        "Smith: We will rebuild.",
    )
    result = clean_text(raw, language="en")
    assert result.removed == ["Bildnachweis: Ana Velez", "Bildnachweis: Velmar Courier"]
