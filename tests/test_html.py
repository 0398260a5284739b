"""HTML article extraction: main text, metadata, the audit of removed lines, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.text.html import MAX_REMOVED_LINES, HtmlArticle, extract_html, visible_lines

DATA = Path(__file__).parent / "data" / "html"


def load(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def extract(name: str) -> HtmlArticle:
    article = extract_html(load(name), name)
    assert article is not None
    return article


def test_english_page_text_and_metadata() -> None:
    a = extract("en_full.html")
    assert a.title == "Warehouse fire in Eastport forces 300 residents from their homes"
    assert a.published == "2026-03-14"
    assert a.language == "en"
    assert a.url == "https://harbourcourier.example/news/eastport-warehouse-fire"
    assert a.outlet == "Harbour Courier"
    paragraphs = a.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("A fire at a disused grain warehouse in Eastport")
    assert paragraphs[-1].endswith("at 45,000 euros.")
    assert "\n" not in a.text.replace("\n\n", "")


def test_english_page_furniture_is_removed_and_listed() -> None:
    a = extract("en_full.html")
    furniture = [
        "We use cookies to improve your experience. Accept all cookies",
        "News",
        "Sport",
        "Share on Facebook Share on X Email this article",
        "Smoke rising over the Eastport docks on Saturday morning. "
        "Photo: Leo Brandt / Harbour Courier",
        "Related stories",
        "Council approves new fire station budget",
        "Leave a comment",
        "Post comment",
        "© 2026 Harbour Courier. All rights reserved.",
        "Privacy policy | Terms of use | Contact us",
    ]
    for line in furniture:
        assert line not in a.text
        assert line in a.removed
    # Page order is kept: the cookie banner comes first, the footer last.
    assert a.removed[0].startswith("We use cookies")
    assert a.removed[-1] == "Privacy policy | Terms of use | Contact us"
    # Nothing from scripts, styles or JSON-LD is shown as removed text.
    assert not any(
        "analytics" in line or "@context" in line or "font-family" in line for line in a.removed
    )
    # Article paragraphs and the headline are not listed as removed.
    assert not any(line.startswith("A fire at a disused") for line in a.removed)
    assert a.title not in a.removed
    assert len(a.removed) == len(set(a.removed))


def test_german_page_json_ld_date_and_content_language() -> None:
    a = extract("de_jsonld.html")
    assert a.published == "2026-05-02"  # datePublished, not dateModified
    assert a.language == "de"  # from <meta http-equiv="content-language" content="de-AT">
    assert a.outlet == "Alpenbote"
    assert a.url is None
    assert a.title == "Großbrand in Seefeld: 120 Menschen evakuiert"
    assert not a.text.startswith(a.title)  # the in-article <h1> is the title, not body text
    assert "rund drei Stunden gedauert" in a.text
    assert "„Wir hatten das Feuer gegen 5 Uhr unter Kontrolle“" in a.text
    for line in ["Teilen", "Drucken", "Mehr zum Thema", "© Alpenbote 2026", "Einverstanden"]:
        assert line in a.removed
    assert "Die Feuerwehr war mit 80 Kräften im Einsatz. Foto: Alpenbote/Huber" in a.removed


def test_escaped_markup_stays_literal_text() -> None:
    a = extract("de_jsonld.html")
    assert "die Zeichenkette <script>alert(1)</script> gefunden" in a.text


def test_french_page_meta_published_time_and_og_url() -> None:
    a = extract("fr_meta_only.html")
    assert a.published == "2026-02-11"
    assert a.language == "fr"
    assert a.url == "https://lecho-de-valmont.example/inondations"
    assert len(a.text.split("\n\n")) == 3
    assert "Mentions légales · Plan du site" in a.removed


def test_index_page_without_article_returns_none() -> None:
    assert extract_html(load("index_page.html"), "index_page.html") is None


def test_fragment_uses_its_paragraphs() -> None:
    a = extract("fragment.html")
    assert a.text == (
        "The ferry between Northport and Kell Island was cancelled on Tuesday after a storm "
        "damaged the pier.\n\nAbout 60 passengers were stranded overnight."
    )
    assert a.removed == []
    assert a.published is None and a.outlet is None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Some text</p>", "Some text"),
        ("<div><p>Unclosed <b>bold <i>mess</div></p>", "Unclosed bold mess"),
        ("<?xml version='1.0' encoding='utf-8'?><p>Short note.</p>", "Short note."),
    ],
)
def test_small_and_malformed_fragments(html: str, expected: str) -> None:
    a = extract_html(html)
    assert a is not None
    assert a.text == expected


@pytest.mark.parametrize(
    "html",
    ["", "   \n", "<html></html>", "<html><body></body></html>", "\x00\x01\x02\xff\xfe", "<<<>>>"],
)
def test_no_text_returns_none(html: str) -> None:
    assert extract_html(html) is None


def test_non_string_input_returns_none() -> None:
    assert extract_html(b"<p>bytes are not accepted</p>") is None  # type: ignore[arg-type]


def test_plain_text_given_as_html() -> None:
    a = extract_html("A storm damaged the pier in Northport on Tuesday, officials said.")
    assert a is not None
    assert a.text == "A storm damaged the pier in Northport on Tuesday, officials said."


def test_deeply_nested_page_does_not_raise() -> None:
    deep = "<div>" * 1000 + "<p>Deep text is here with enough words to count.</p>" + "</div>" * 1000
    a = extract_html(deep)
    assert a is not None and a.text == "Deep text is here with enough words to count."
    assert extract_html("<div>" * 5000 + "<p>Too deep.</p>") is None


def test_removed_lines_are_capped() -> None:
    page = load("en_full.html")
    menu = "".join(f'<li><a href="/t/{i}">Topic number {i}</a></li>' for i in range(450))
    page = page.replace(
        '<nav class="nav main-menu">', f'<nav class="nav main-menu"><ul>{menu}</ul>'
    )
    a = extract_html(page)
    assert a is not None
    assert len(a.removed) == MAX_REMOVED_LINES + 1
    assert a.removed[0].startswith("We use cookies")
    total = 450 + 19  # the menu plus the page's own furniture lines
    assert a.removed[-1] == f"… {total - MAX_REMOVED_LINES} more lines"


def test_large_page_is_handled() -> None:
    page = load("en_full.html")
    filler = "".join(
        f"<p>Paragraph {i} describes the harbour, the weather and the ferries in some detail.</p>"
        for i in range(1500)
    )
    a = extract_html(
        page.replace('<div class="article-body">', f'<div class="article-body">{filler}')
    )
    assert a is not None
    assert "Paragraph 1499 describes the harbour" in a.text
    assert "A fire at a disused grain warehouse" in a.text


def test_visible_lines_skips_invisible_content_and_keeps_tails() -> None:
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(
        "<html><head><title>T</title></head><body><div>one <b>two</b><script>x()</script> "
        "three<!-- note --> four</div><p hidden>secret</p><template><p>t</p></template>"
        "<noscript>n</noscript><ul><li>a</li><li>b<br>c</li></ul></body></html>"
    )
    assert visible_lines(root) == ["one two three four", "a", "b", "c"]
