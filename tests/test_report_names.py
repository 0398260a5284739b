"""Readable identities: articles named by outlet (metadata, copyright or subscription line,
URL host, file name), unique names within a report, sources behind each conflict side, and
the claim filters of the HTML report and the web app."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from corroborator.model import Article, Claim, Derivation, Mention, Omission, Report, Story
from corroborator.pipeline import outlet_from_removed
from corroborator.report import from_json, load_schema, to_html, to_json, to_markdown, to_text
from corroborator.report.graph import provenance_svg
from corroborator.report.view import article_index, conflict_sides, source_outlet


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["© 2026 Northshore Ledger. All rights reserved."], "Northshore Ledger"),
        (
            ["Share this story", "Subscribe to The Metro Bulletin for €1 a week"],
            "The Metro Bulletin",
        ),
        (["Subscribe now to Harbour Times."], "Harbour Times"),
        (["Subscribe to our newsletter"], None),
        (["Subscribe to Our Newsletter"], None),
        (["Subscribe to The Newsletter"], None),
        (["Sign up for our morning newsletter"], None),
        (["Subscribe to The Bay Herald", "© Coast Wire"], "Coast Wire"),  # copyright first
    ],
)
def test_outlet_from_removed_furniture(lines: list[str], outlet: str | None) -> None:
    assert outlet_from_removed(lines) == outlet


# -- names in every renderer ------------------------------------------------------------------

# Store-mode ids: "a" + 16 hex digits, as corpus mode makes them (content hashes).
H1, H2, H3, H4, H5 = (f"a{n:x}3f9c0e1b2d4a5f6"[:17] for n in range(10, 15))
TEXT = (
    "The ferry Marit Lund ran aground off Kessel Island on Tuesday with 212 people on board. "
    "Tugs freed it after six hours."
)
OTHER = "The ferry ran aground on Tuesday with 210 people on board, the coast guard said."


def _m(aid: str, text: str, span: str, value: float | str, unit: str | None = None) -> Mention:
    start = text.index(span)
    return Mention(aid, span, text, start, start + len(span), value, unit, False)


def store_report() -> Report:
    """A fictional store-mode story: hash ids, two articles of one outlet, one outlet known
    only by its URL, one only by its file name, a syndicated copy with the original's title."""
    articles = [
        Article(
            H1,
            "crawl/ferry.html",
            "Ferry runs aground off Kessel Island",
            "en",
            None,
            TEXT,
            outlet="Harbour Times",
        ),
        Article(
            H2,
            "feed.xml#3",
            "Ferry aground, 212 aboard",
            "en",
            None,
            TEXT,
            url="https://www.island-mirror.example/news/ferry",
        ),
        Article(H3, "/data/in/04-inselbote.txt", "Ferry stuck on a sandbank", "en", None, OTHER),
        Article(
            H4,
            "crawl/ferry2.html",
            "Ferry passengers describe the morning",
            "en",
            None,
            TEXT,
            outlet="Harbour Times",
        ),
        Article(
            H5,
            "crawl/ferry3.html",
            "Ferry runs aground off Kessel Island",
            "en",
            None,
            TEXT,
            outlet="Harbour Times",
            derived_from=Derivation(H1, "copy", 0.99, "same body"),
        ),
    ]
    passengers = Claim(
        "c1",
        "quantity",
        "people on board",
        "conflicting",
        2,
        [
            _m(H1, TEXT, "212 people", 212),
            _m(H5, TEXT, "212 people", 212),
            _m(H2, TEXT, "212 people", 212),
            _m(H3, OTHER, "210 people", 210),
        ],
        # sides without `support` or `groups`: the renderers count the story's groups
        sides=[
            {"value": 212, "unit": None, "articles": [H1, H5, H2], "text": "212 people"},
            {"value": 210, "unit": None, "articles": [H3], "text": "210 people"},
        ],
        label="people on board",
    )
    day = Claim(
        "c2",
        "date",
        "grounding date",
        "corroborated",
        2,
        [_m(H1, TEXT, "Tuesday", "2026-03-03"), _m(H3, OTHER, "Tuesday", "2026-03-03")],
    )
    hours = Claim(
        "c3",
        "duration",
        "tow duration",
        "single_source",
        1,
        [_m(H4, TEXT, "six hours", 21600, "s")],
    )
    story = Story(
        "s1",
        "Ferry aground",
        [H1, H2, H3, H4, H5],
        [[H1, H5], [H2], [H3], [H4]],
        [passengers, day, hours],
        [Omission("c3", [H1, H2, H3, H5])],
    )
    return Report(articles, [story], [], "0")


def test_names_come_from_outlet_url_host_or_file_name_and_are_unique() -> None:
    names = article_index(store_report())
    assert [names.name(a) for a in (H1, H2, H3, H4, H5)] == [
        "Harbour Times · Ferry runs aground off Kessel I…",
        "island-mirror.example",  # URL host, "www." dropped
        "04-inselbote.txt",  # plain-text input: its file name
        "Harbour Times · Ferry passengers describe the m…",
        "Harbour Times · Ferry runs aground off Kessel I… (2)",
    ]
    assert names.name("a-missing") == "a-missing"
    assert names.label(H2) == "island-mirror.example · Ferry aground, 212 aboard"
    assert names.label("a-missing") == "a-missing (not in report)"
    # deterministic: the same articles in the same order give the same names
    assert article_index(store_report())._names == names._names


def test_source_outlet_of_pasted_and_url_sources() -> None:
    pasted = Article("a1", "pasted article 2", "T", "en", None, "x")
    url_source = Article("a2", "https://news.example/x", "T", "en", None, "x")
    warc = Article("a3", "crawl.warc.gz#https://www.wire.example/a", "T", "en", None, "x")
    windows = Article("a4", "C:\\in\\story.txt", "T", "en", None, "x")
    assert [source_outlet(a) for a in (pasted, url_source, warc, windows)] == [
        "pasted article 2",
        "news.example",
        "wire.example",
        "story.txt",
    ]


def _visible_text(page: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return "\n".join(parser.parts)


def test_no_renderer_names_an_article_by_its_hash_id() -> None:
    report = store_report()
    ids = [a.id for a in report.articles]
    text = to_text(report, width=200)
    md = to_markdown(report)
    md_body, md_articles = md.split("## Articles")
    for aid in ids:
        assert aid not in text
        assert aid not in md_body
        assert md_articles.count(aid) == 1  # the Id column only
    page = to_html(report)
    shown = _visible_text(page)
    for aid in ids:
        # once: the "Id" line of the article's metadata; never in lists, cards, the graph
        assert shown.count(aid) == 1, aid
    assert "Harbour Times · Ferry passengers describe the m…" in text
    assert "copy of Harbour Times · Ferry runs aground off Kessel I…, score 0.99" in md_body


def test_graph_nodes_and_tooltips_use_names() -> None:
    report = store_report()
    svg = provenance_svg(report.stories[0], article_index(report))
    root = ET.fromstring(svg)
    drawn = "".join(root.itertext())  # labels, tooltips, description; ids only in links
    assert not any(aid in drawn for aid in (H1, H2, H3, H4, H5))
    firsts = [t.text for t in root.iter("text") if t.get("class") == "pg-id"]
    # first line: the outlet (the title is on the second); same outlet and title: "(2)"
    assert firsts == [
        "Harbour Times",
        "Harbour Times (2)",
        "island-mirror.example",
        "04-inselbote.txt",
        "Harbour Times",
    ]
    seconds = [t.text for t in root.iter("text") if t.get("class") is None and t.text]
    assert "en · Ferry passengers…" in seconds


def test_conflict_sides_show_their_independent_sources_everywhere() -> None:
    report = store_report()
    claim = report.stories[0].claims[0]
    sides = conflict_sides(claim, report.stories[0])
    assert [s.sources for s in sides] == [2, 1]  # H1 and its copy H5 are one source
    text = to_text(report, width=200)
    assert (
        "212  — 2 independent sources: Harbour Times · Ferry runs aground off Kessel I… + "
        "Harbour Times · Ferry runs aground off Kessel I… (2); island-mirror.example"
    ) in text
    assert "210  — 1 independent source: 04-inselbote.txt" in text
    md = to_markdown(report)
    assert "| **212** | 2 | island-mirror.example | “212 people” |" in md
    assert "| **210** | 1 | 04-inselbote.txt | “210 people” |" in md
    page = to_html(report)
    card = page[page.index('id="claim-s1-c1"') :]
    card = card[: card.index("</article>")]
    assert card.count('<p class="sources">') == 2
    assert '<p class="sources">2 independent sources</p>' in card
    assert '<p class="sources">1 independent source</p>' in card
    # without the story each article counts as a source; `support` wins when given
    assert [s.sources for s in conflict_sides(claim)] == [3, 1]
    claim.sides[0]["support"] = 5
    assert conflict_sides(claim)[0].sources == 5


def test_html_filters_mark_every_claim_and_fold_single_source() -> None:
    page = to_html(store_report())
    assert "<script" not in page.lower()
    bar = page[page.index('<div class="claim-filters"') :]
    bar = bar[: bar.index("</div>")]
    for value, label in (
        ("all", "All (3)"),
        ("conflicting", "Conflicts (1)"),
        ("corroborated", "Corroborated (1)"),
        ("single_source", "Single source (1)"),
    ):
        assert f'name="fv" value="{value}"' in bar and f">{label}</label>" in bar
    assert 'name="fv" value="possible_conflict"' not in bar  # none in this report
    for kind in ("quantity", "date", "duration"):
        assert f'name="fk" value="{kind}"' in bar
    assert (
        '<article class="card" id="claim-s1-c1" data-verdict="conflicting" data-kind="quantity">'
        in page
    )
    assert '<tr class="claim" data-verdict="corroborated" data-kind="date">' in page
    single = page[page.index('<section class="verdict" data-verdict="single_source"') :]
    assert single.split("\n")[1].startswith('<details class="fold"><summary><h3')
    for verdict in ("conflicting", "possible_conflict", "corroborated", "single_source"):
        assert (
            f'[value="{verdict}"]:checked) [data-verdict]:not([data-verdict="{verdict}"])' in page
        )
    assert '[data-kinds]:not([data-kinds~="quantity"])' in page


def test_json_keeps_ids_and_stays_byte_identical() -> None:
    report = store_report()
    first = to_json(report)
    assert first == to_json(store_report())
    data = json.loads(first)
    assert [a["id"] for a in data["articles"]] == [H1, H2, H3, H4, H5]
    assert set(data["articles"][0]) <= set(load_schema()["$defs"]["article"]["properties"])
    assert to_json(from_json(first)) == first


def test_web_app_pages_name_articles_by_outlet() -> None:
    from corroborator.server.pages import article_page, compare_result, story_page

    report = store_report()
    page = story_page(report)
    shown = _visible_text(page[page.index("<main") :])
    for aid in (H1, H2, H3, H4, H5):
        assert shown.count(aid) == 1, aid  # only in the article's "Id" line
    assert "04-inselbote.txt" in shown and "island-mirror.example" in shown
    assert '<div class="claim-filters"' in page and "<style>" in page[: page.index("</head>")]
    assert "<script" not in page.lower()
    art = article_page(report.articles[2], report)
    crumbs = art[art.index('<nav class="crumbs"') :]
    assert "04-inselbote.txt" in crumbs[: crumbs.index("</nav>")]
    result = compare_result(report)
    assert result.count('<div class="claim-filters"') == 1
