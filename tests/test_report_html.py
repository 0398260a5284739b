"""Self-contained HTML: escaping, no external references, highlights at the right offsets."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from corroborator.model import Article, Claim, Mention, Report, Story
from corroborator.report import from_json, to_html
from corroborator.report.html import highlight, slug

SAMPLE = Path(__file__).parent / "data" / "report" / "sample_report.json"
VOID = {"meta", "br", "link", "img", "hr", "input"}


def sample() -> Report:
    return from_json(SAMPLE.read_text(encoding="utf-8"))


class ArticleText(HTMLParser):
    """Collects, per article text block, the plain text, span anchors' offsets and checks
    that every tag is closed in order (no broken nesting from overlapping highlights)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.current: str | None = None
        self.depth_at_text = 0
        self.texts: dict[str, str] = {}
        self.anchors: dict[str, int] = {}
        self.langs: dict[str, str | None] = {}
        self.article: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article" and (a.get("id") or "").startswith("article-"):
            self.article = a["id"]
        if tag == "div" and a.get("class") == "text" and self.article:
            self.current = self.article
            self.depth_at_text = len(self.stack)
            self.texts[self.current] = ""
            self.langs[self.current] = a.get("lang")
        if tag == "span" and self.current and (a.get("id") or "").startswith("t-"):
            self.anchors[a["id"] or ""] = len(self.texts[self.current])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with stack {self.stack[-3:]}")
            return
        self.stack.pop()
        if self.current and tag == "div" and len(self.stack) == self.depth_at_text:
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current:
            self.texts[self.current] += data


def parse(page: str) -> ArticleText:
    parser = ArticleText()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_self_contained_and_safe() -> None:
    page = to_html(sample())
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"\b(src|srcset)\s*=", page)
    assert "@import" not in page and "url(" not in page
    assert not re.search(r"href\s*=\s*\"(?!#)", page)  # only in-page anchors
    # URLs may appear only as escaped text from articles (text body, url field).
    report = sample()
    stripped = page
    for art in report.articles:
        for s in (art.text, art.url or "", art.source):
            for piece in re.split(r"(https?://\S+)", s):
                if piece.startswith("http"):
                    stripped = stripped.replace(piece.rstrip("."), "")
    assert "http://" not in stripped and "https://" not in stripped


def test_html_is_deterministic_and_well_nested() -> None:
    a, b = to_html(sample()), to_html(sample())
    assert a == b
    parser = parse(a)
    assert parser.errors == []
    assert parser.stack == []


def test_article_text_survives_and_spans_are_at_their_offsets() -> None:
    report = sample()
    parser = parse(to_html(report))
    for art in report.articles:
        assert parser.texts[f"article-{slug(art.id)}"] == art.text
    checked = 0
    for story in report.stories:
        for claim in story.claims:
            for m in claim.mentions:
                anchor = f"t-{slug(m.article)}-{m.start}-{m.end}"
                assert parser.anchors[anchor] == m.start
                text = parser.texts[f"article-{slug(m.article)}"]
                assert text[m.start : m.end] == m.text
                checked += 1
    assert checked >= 10


def test_lang_attributes_and_details() -> None:
    report = sample()
    page = to_html(report)
    parser = parse(page)
    assert parser.langs["article-a4"] == "ru"
    assert parser.langs["article-a5"] == "ja"
    assert '<html lang="en">' in page
    assert "<details><summary>Removed during cleaning (3)</summary>" in page
    assert "&lt;b&gt;Ad&lt;/b&gt;" in page
    assert '<meta name="viewport"' in page and "@media" in page


def test_conflict_card_links_to_highlighted_spans() -> None:
    page = to_html(sample())
    card = page[
        page.index('id="claim-s1-c1"') : page.index("</article>", page.index("claim-s1-c1"))
    ]
    assert "~45 min" in card and "2 h" in card
    assert card.index("~45 min") < card.index("2 h")
    assert '<a href="#t-a1-112-128">' in card
    assert '<mark class="v-conflicting">about 45 minutes</mark>' in card
    main = page[page.index("<main>") :]  # the filter bar in the header names verdicts too
    assert main.index("Conflicts (1)") < main.index("Corroborated (2)")
    assert main.index("Corroborated (2)") < main.index("Single source (4)")
    assert main.index("Single source (4)") < main.index("Omissions (2)")


def test_overlapping_spans_split_cleanly() -> None:
    text = "<b>abcdefghij</b>"
    spans = [(3, 9, "corroborated", "c1 x"), (6, 12, "conflicting", "c2 y"), (20, 25, "x", "bad")]
    out = highlight(text, spans, "a1")
    parser = ArticleText()
    parser.feed(f'<article id="article-a1"><div class="text">{out}</div></article>')
    assert parser.errors == [] and parser.stack == []
    assert parser.texts["article-a1"] == text
    assert parser.anchors == {"t-a1-3-9": 3, "t-a1-6-12": 6}
    assert '<mark class="v-conflicting overlap" title="c1 x; c2 y">def</mark>' in out
    assert out.startswith("&lt;b&gt;")


def test_hostile_ids_and_bad_offsets_do_not_break_the_page() -> None:
    text = "Crowd of 40 <i>people</i> gathered [x](y)."
    art = Article('a"1 <x>', "src", '<img src="x">', "xx_BAD lang", None, text)
    ok = Mention('a"1 <x>', "40", text, 9, 11, 40, None, False)
    bad = Mention('a"1 <x>', "40", text, 30, 400, 40, None, False)
    ghost = Mention("missing", "12", "12 in a ghost.", 0, 2, 12, None, False)
    claim = Claim("c<1>", "quantity", "crowd <size>", "conflicting", 2, [ok, bad, ghost])
    story = Story("s 1", "<h1>T</h1>", ['a"1 <x>'], [['a"1 <x>'], ["missing"]], [claim])
    page = to_html(Report([art], [story], [], "0"))
    parser = parse(page)
    assert parser.errors == [] and parser.stack == []
    assert "<img" not in page and "&lt;img src=&quot;x&quot;&gt;" in page
    assert ' lang="xx_BAD lang"' not in page
    assert "missing (not in report)" in page or "(not in report)" in page
    assert parser.texts[f"article-{slug(art.id)}"] == text


def test_the_server_story_page_shows_possible_conflicts_as_cards() -> None:
    from corroborator.model import Article, Claim, Mention, Report, Story
    from corroborator.server.pages import story_body

    text = "Nine people were injured. No one was hurt."
    arts = [Article(a, a, a, "en", None, text) for a in ("a1", "a2")]
    mentions = [
        Mention("a1", "Nine people", text, 0, 11, 9, None, False),
        Mention("a2", "No one was hurt", text, 26, 41, 0, None, False),
    ]
    sides = [
        {"value": 9, "unit": None, "articles": ["a1"], "text": "Nine people"},
        {"value": 0, "unit": None, "articles": ["a2"], "text": "No one was hurt"},
    ]
    claim = Claim("c1", "quantity", "person injured", "possible_conflict", 1, mentions, sides)
    story = Story("s1", "t", ["a1", "a2"], [["a1"], ["a2"]], [claim])
    html = story_body(story, Report(arts, [story], [], "0"), pages=False)
    assert 'id="possible_conflict-s1"' in html
    assert "1 possible</mark>" in html
    assert html.count('class="side"') == 2  # a conflict card with both sides, not a table row
