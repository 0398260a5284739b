"""Terminal summary: order, human units, literal rendering of article text."""

from __future__ import annotations

from pathlib import Path

from corroborator.model import Article, Claim, Mention, Report, Skip, Story
from corroborator.report import from_json, to_text

SAMPLE = Path(__file__).parent / "data" / "report" / "sample_report.json"


def sample() -> Report:
    return from_json(SAMPLE.read_text(encoding="utf-8"))


def test_header_and_section_order() -> None:
    out = to_text(sample())
    first = out.splitlines()[0]
    assert "6 articles" in first and "2 stories" in first and "2 skipped inputs" in first
    order = [
        "s1: Flood",
        "Independent sources: 3",
        "CONFLICTS (1)",
        "CORROBORATED (2)",
        "SINGLE SOURCE (4)",
        "OMISSIONS (2)",
        "s2: Ferry",
        "Skipped inputs (2)",
    ]
    positions = [out.index(h) for h in order]
    assert positions == sorted(positions)
    assert "inputs/photo.jpg — unsupported format: image/jpeg" in out
    assert "\x1b[" not in out


def test_conflict_values_in_human_units_with_spans() -> None:
    out = to_text(sample())
    conflict = out[out.index("CONFLICTS") : out.index("CORROBORATED")]
    # each side: its value, the independent sources behind it, the articles by outlet
    # ("+" joins one group's articles, ";" separates groups)
    assert "~45 min  — 1 independent source: Riverton Gazette + Wire Copy" in conflict
    assert "2 h  — 2 independent sources: Valley Post; Северные вести" in conflict
    assert "“about 45 minutes”" in conflict and "“два часа”" in conflict
    assert "USD 1.2M" in out
    assert "2 Apr 2025" in out
    assert "syndication of Riverton Gazette, score 0.98" in out
    assert "group 3: Северные вести · Наводнение в Ривертоне" in out


def test_width_and_color() -> None:
    narrow = to_text(sample(), width=60)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    colored = to_text(sample(), color=True)
    assert "\x1b[" in colored


def test_rich_markup_in_articles_is_literal() -> None:
    text = "Crowd of [bold red]40[/] people [link=x]here[/link]."
    art = Article("a1", "[b]src[/b]", "[red]T[/red]", "en", None, text)
    m = Mention("a1", "[bold red]40[/]", text, 9, 24, 40, None, False)
    claim = Claim("c1", "quantity", "crowd [size]", "single_source", 1, [m])
    report = Report(
        [art],
        [Story("s1", "[i]x[/i]", ["a1"], [["a1"]], [claim])],
        [Skip("[x]", "bad [reason]")],
        "0",
    )
    out = to_text(report, width=200)
    assert "[bold red]40[/]" in out
    assert "crowd [size]" in out and "[i]x[/i]" in out and "bad [reason]" in out


def test_empty_report() -> None:
    out = to_text(Report([], [], [], "0"))
    assert "0 articles" in out and "No stories." in out
