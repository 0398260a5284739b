"""Provenance in the reports: SVG graph (nodes, edges, styles, escaping, well-formed XML),
plain-text list, machine-made badges, terminal and Markdown summaries, JSON round trip."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from corroborator.model import Article, Derivation, Report, Story
from corroborator.report import from_json, to_html, to_json, to_markdown, to_text
from corroborator.report.graph import MAX_WIDTH, NODE_W, layout, provenance_svg, shorten
from corroborator.report.view import article_index, edge_line, machine_note, provenance_edges

HOSTILE = '<script>alert("x")</script> & Co \x07'


def art(
    aid: str,
    lang: str = "en",
    der: Derivation | None = None,
    title: str | None = None,
    outlet: str | None = None,
    machine: float | None = None,
    evidence: list[str] | None = None,
) -> Article:
    a = Article(
        aid,
        f"{aid}.txt",
        title if title is not None else f"Bridge story {aid}",
        lang,
        None,
        "Body text of a fictional bridge report.",
        outlet=outlet if outlet is not None else f"Outlet {aid.upper()}",
        derived_from=der,
    )
    if machine is not None:
        a.machine_score = machine
        a.machine_evidence = list(evidence or [])
    return a


def provenance_report() -> Report:
    """A fictional story with every relation, an unknown direction, a chain of translations,
    a derivative of an original absent from the report and a hostile title."""
    articles = [
        art("p1"),
        art("p2", der=Derivation("p1", "copy", 0.99, "same body, truncated")),
        art("p3", der=Derivation("p1", "syndication", 1.0, "same body", "unknown")),
        art(
            "p4",
            der=Derivation("p1", "rewrite", 0.84, "sentences align in order"),
            machine=0.82,
            evidence=["spinner vocabulary (5): individuals, commenced", "repeated words: the the"],
        ),
        art("p5", "de", Derivation("p1", "translation", 0.91, "aligned across languages")),
        art("p6", "pl", Derivation("p5", "translation", 0.88, "aligned across languages")),
        art("p7", title=HOSTILE, outlet="A&B <News>", machine=0.1, evidence=["repeated: a a"]),
        art("p8", "fr", Derivation("p7", "partial", 0.35, "a run of 3 sentences", "unknown")),
        art("p9", der=Derivation("ghost1", "copy", 0.97, "same body")),
    ]
    ids = [a.id for a in articles]
    groups = [["p1", "p2", "p3", "p4", "p5", "p6"], ["p7", "p8"], ["p9"]]
    story = Story("s1", "Bridge & <tunnel>", ids, groups)
    return Report(articles, [story], [], "0")


def svg_of(page: str) -> ET.Element:
    m = re.search(r"<svg class=\"pg\".*?</svg>", page, re.S)
    assert m is not None
    return ET.fromstring(m.group(0))


def test_graph_has_one_node_per_article_and_one_edge_per_derivation() -> None:
    report = provenance_report()
    root = svg_of(to_html(report))
    nodes = root.findall(".//a[@class='pg-node']")
    assert sorted(n.get("href") or "" for n in nodes) == [f"#article-p{i}" for i in range(1, 10)]
    ghosts = root.findall(".//g[@class='pg-node pg-ghost']")
    assert len(ghosts) == 1 and "ghost1" in "".join(ghosts[0].itertext())
    edges = root.findall(".//g[@class]")
    by_class: dict[str, list[ET.Element]] = {}
    for g in edges:
        cls = g.get("class") or ""
        if cls.startswith("pg-edge"):
            by_class.setdefault(cls.split()[1], []).append(g)
    assert {k: len(v) for k, v in by_class.items()} == {
        "pg-copy": 2,
        "pg-syndication": 1,
        "pg-rewrite": 1,
        "pg-translation": 2,
        "pg-partial": 1,
    }
    dashes = {
        k: {p.get("stroke-dasharray") for g in v for p in g.iter("path") if not p.get("class")}
        for k, v in by_class.items()
    }
    assert dashes["pg-copy"] == {None} and dashes["pg-syndication"] == {None}
    assert dashes["pg-rewrite"] == {"7 4"} and dashes["pg-translation"] == {"2 3"}
    assert dashes["pg-partial"] == {"9 3 2 3"}
    # Unknown direction: no arrowhead; known direction: an arrow at the derivative's end.
    (synd,) = by_class["pg-syndication"]
    assert synd.find("path[@class='pg-arrow']") is None
    assert "direction unknown" in (synd.findtext("title") or "")
    assert "syndication 1.00 ?" in "".join(synd.itertext())
    assert all(g.find("path[@class='pg-arrow']") is not None for g in by_class["pg-copy"])
    titles = [g.findtext("title") or "" for g in by_class["pg-translation"]]
    assert any(
        t.startswith("Outlet P5 ← Outlet P1: translation, score 0.91 (de ← en)") for t in titles
    )
    assert any(
        t.startswith("Outlet P6 ← Outlet P5: translation, score 0.88 (pl ← de)") for t in titles
    )


def test_layout_is_a_left_to_right_tree_per_group() -> None:
    report = provenance_report()
    lay = layout(report.stories[0], article_index(report))
    n = lay.nodes
    # Derivatives sit one column right of their original; the chain p1 -> p5 -> p6 goes on.
    assert n["p2"].x == n["p3"].x == n["p4"].x == n["p5"].x > n["p1"].x
    assert n["p6"].x > n["p5"].x
    assert n["p8"].x > n["p7"].x and n["ghost1"].x < n["p9"].x
    assert len({n[a].block for a in ("p1", "p2", "p6")}) == 1
    assert n["p7"].block != n["p1"].block
    # No two nodes overlap; everything fits in the drawing.
    boxes = sorted((v.x, v.y) for v in n.values())
    assert len(set(boxes)) == len(boxes)
    assert all(v.x + NODE_W <= lay.width and v.y < lay.height for v in n.values())


def test_thirty_articles_wrap_into_shelves() -> None:
    articles = [art(f"x{i:02d}") for i in range(30)]
    story = Story("big", "Big", [a.id for a in articles], [[a.id] for a in articles])
    lay = layout(story, article_index(Report(articles, [story], [], "0")))
    assert lay.width <= MAX_WIDTH and len({v.y for v in lay.nodes.values()}) >= 7
    svg = provenance_svg(story, {a.id: a for a in articles})
    ET.fromstring(svg)


def test_svg_is_well_formed_escaped_and_offline() -> None:
    page = to_html(provenance_report())
    svg = re.search(r"<svg class=\"pg\".*?</svg>", page, re.S)
    assert svg is not None
    root = ET.fromstring(svg.group(0))  # raises on any unescaped "<", "&" or control char
    text = " ".join(root.itertext())
    assert "<script>" in text or "<script" in text  # the title reads literally …
    assert "<script" not in svg.group(0)  # … because it is escaped in the markup
    assert "&amp;" in svg.group(0) and "\x07" not in svg.group(0)
    assert root.findtext("title") == "Provenance graph: Bridge & <tunnel>"
    assert root.get("aria-labelledby") == "pg-s1-t pg-s1-d"
    desc = root.findtext("desc") or ""
    assert "Outlet P5 from Outlet P1: translation 0.91 (de ← en)" in desc
    assert "<script" not in page.lower()
    assert not re.search(r"href\s*=\s*\"(?!#)", page)
    assert "http://" not in page and "https://" not in page and "url(" not in page
    assert not re.search(r"\b(src|srcset)\s*=", page) and "@import" not in page


def test_plain_list_repeats_the_links_and_machine_badges() -> None:
    page = to_html(provenance_report())
    listing = page[page.index('<div class="pg-list">') :]
    listing = listing[: listing.index("</div>")]
    for aid in ("p2", "p3", "p4", "p5", "p6", "p8", "p9"):  # named by outlet, linked by id
        assert f'<a href="#article-{aid}">Outlet {aid.upper()}</a>' in listing
    assert '<a href="#article-p7">A&amp;B &lt;News&gt;</a>' in listing
    assert "ghost1 (not in report)" in listing
    assert "syndication, score 1.00, direction unknown" in listing
    assert "translation, score 0.88, pl ← de" in listing
    assert "reads machine-paraphrased 0.82" in listing
    groups = page[page.index('<ol class="groups">') : page.index("</ol>")]
    assert groups.count("reads machine-paraphrased 0.82") == 1
    assert "spinner vocabulary (5): individuals, commenced" in groups
    assert "0.10" not in groups  # below the threshold: not flagged in the listing
    header = page[page.index('id="article-p4"') :]
    header = header[: header.index("</dl>")]
    assert '<details class="machine-details" open>' in header
    low = page[page.index('id="article-p7"') :]
    assert "machine-made score 0.10 (no clear sign)" in low[: low.index("</dl>")]
    assert page.count('class="pg-legend"') == 1 and "translation (dotted)" in page


def test_terminal_summarises_provenance() -> None:
    out = to_text(provenance_report(), width=120)
    block = out[out.index("Provenance:") :]
    assert "Outlet P3 ← Outlet P1 syndication 1.00 (direction unknown)" in block
    assert "Outlet P5 ← Outlet P1 translation 0.91 (de ← en)" in block
    assert "Outlet P2 ← Outlet P1 copy 0.99\n" in block
    assert "Outlet P8 ← A&B <News> partial 0.35 (fr ← en, direction unknown)" in block
    assert "Outlet P9 ← ghost1 copy 0.97" in block  # an original not in the report: its id
    assert "Outlet P4 reads machine-paraphrased 0.82: spinner vocabulary (5)" in block
    assert "A&B <News> reads" not in block
    assert out.index("Independent sources: 3") < out.index("Provenance:")


def test_markdown_provenance_table() -> None:
    md = to_markdown(provenance_report())
    assert "### Provenance" in md
    assert "| Derivative | Original | Relation | Score | Direction | Evidence |" in md
    assert "| Outlet P3 | Outlet P1 | syndication | 1.00 | unknown | same body |" in md
    assert (
        "| Outlet P5 | Outlet P1 | translation | 0.91 | Outlet P1 is the original \\(de ← en\\) |"
        in md
    )
    assert "| Outlet P4 | reads machine-paraphrased 0.82 | spinner vocabulary \\(5\\): " in md
    assert md.index("**Independent sources: 3**") < md.index("### Provenance")


def test_no_provenance_section_without_derivations_or_signals() -> None:
    a = [art("q1"), art("q2")]
    report = Report(a, [Story("s", "S", ["q1", "q2"], [["q1"], ["q2"]])], [], "0")
    assert "Provenance:" not in to_text(report)
    assert "### Provenance" not in to_markdown(report)
    page = to_html(report)
    assert "No derivations found" in page and page.count('class="pg-node"') == 2


def test_machine_fields_are_optional_and_round_trip() -> None:
    plain = art("r1")
    del plain.__dict__["machine_score"]  # a record from before the machine signal existed
    assert machine_note(plain) is None
    report = provenance_report()
    back = from_json(to_json(report))
    p4 = article_index(back)["p4"]
    assert p4.machine_score == 0.82 and p4.machine_evidence[1] == "repeated words: the the"
    assert to_json(back) == to_json(report)
    edges = provenance_edges(back.stories[0], article_index(back))
    assert [edge_line(e) for e in edges][:2] == [
        "p2 ← p1 copy 0.99",
        "p3 ← p1 syndication 1.00 (direction unknown)",
    ]


def test_deterministic_and_shorten() -> None:
    assert to_html(provenance_report()) == to_html(provenance_report())
    assert shorten("フェリーの運航は4月2日に再開された", 10) == "フェリー…"
    assert shorten("a\x00b  c") == "ab c"


def test_bad_derivations_never_break_the_graph() -> None:
    """A cycle (c1 <- c2 <- c1), an edge across groups, a self-derivation, an original from
    another story: the layout terminates, every node is drawn once, the SVG stays valid."""
    articles = [
        art("c1", der=Derivation("c2", "copy", 0.9, "")),
        art("c2", der=Derivation("c1", "rewrite", 0.9, "")),
        art("c3", der=Derivation("c3", "copy", 1.0, "")),
        art("c4", der=Derivation("c1", "strange-relation", 0.5, "")),  # type: ignore[arg-type]
        art("c5", der=Derivation("o1", "copy", 0.9, "")),
        art("o1"),
    ]
    story = Story("s<&>", "Odd", ["c1", "c2", "c3", "c4", "c5"], [["c1", "c2"], ["c3"], ["c4"]])
    other = Story("s2", "Other", ["o1"], [["o1"]])
    report = Report(articles, [story, other], [], "0")
    lay = layout(story, article_index(report))
    assert sorted(lay.nodes) == ["c1", "c2", "c3", "c4", "c5", "o1"]
    assert not lay.nodes["o1"].ghost  # in the report, only in another story: still linked
    assert [e.derivative for e in lay.edges] == ["c1", "c2", "c4", "c5"]  # self-link dropped
    page = to_html(report)
    root = svg_of(page)
    assert root.get("id") == "pg-s_3c__26__3e_"
    assert len(root.findall(".//g[@class='pg-edge pg-other']")) == 1
    assert page.count('<svg class="pg"') == 2
    assert "c3 ←" not in to_text(report)


def test_demo_report_graph_matches_its_stories(demo_report: Report) -> None:
    """On the pipeline's own output: one linked node per story article, one edge per
    derivation inside the story, and the same derivations in the terminal summary."""
    page = to_html(demo_report)
    text = to_text(demo_report, width=200)
    arts = article_index(demo_report)
    graphs = re.findall(r"<svg class=\"pg\".*?</svg>", page, re.S)
    assert len(graphs) == len(demo_report.stories)
    for story, svg in zip(demo_report.stories, graphs, strict=True):
        root = ET.fromstring(svg)
        hrefs = sorted(a.get("href") or "" for a in root.findall(".//a[@class='pg-node']"))
        assert hrefs == sorted(f"#article-{aid}" for aid in story.articles)
        edges = provenance_edges(story, arts)
        assert len([g for g in root.iter("g") if "pg-edge" in (g.get("class") or "")]) == len(edges)
        for edge in edges:
            assert edge_line(edge, arts) in text
