"""Markdown report: order, tables, escaping of untrusted article text."""

from __future__ import annotations

from pathlib import Path

from corroborator.model import Article, Claim, Mention, Report, Story
from corroborator.report import from_json, to_markdown
from corroborator.report.markdown import escape_inline

SAMPLE = Path(__file__).parent / "data" / "report" / "sample_report.json"


def sample() -> Report:
    return from_json(SAMPLE.read_text(encoding="utf-8"))


def test_sections_in_order() -> None:
    md = to_markdown(sample())
    order = [
        "# Corroboration report",
        "## s1: Flood forces evacuation in Riverton",
        "**Independent sources: 3**",
        "### Conflicts (1)",
        "### Corroborated (2)",
        "### Single source (4)",
        "### Omissions (2)",
        "## s2: Ferry service resumes",
        "## Articles",
        "## Skipped inputs (2)",
    ]
    positions = [md.index(h) for h in order]
    assert positions == sorted(positions)
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_conflict_table_shows_human_values_and_bold_spans() -> None:
    md = to_markdown(sample())
    assert "| Value | Independent sources | Article | Span | Sentence |" in md
    assert (
        "| **\\~45 min** | 1 | Riverton Gazette | “about 45 minutes” | The emergency council "
        "meeting lasted **about 45 minutes**. |"
    ) in md
    assert "| **2 h** | 2 | Северные вести | “два часа” | Совещание длилось **два часа**. |" in md
    assert "| damage | money | USD 1.2M | 2 | Riverton Gazette, Valley Post |" in md
    assert "| ferry service resumed | date | 2 Apr 2025 | 2 | 湾岸新聞, Harbour Times |" in md
    assert "| Wire Copy | Flood forces evacuation in Riverton | en |" in md  # name → id table
    assert "unsupported format: image/jpeg" in md


def test_escape_inline() -> None:
    assert escape_inline("a | b") == "a \\| b"
    assert escape_inline("<script>alert(1)</script>") == "\\<script\\>alert\\(1\\)\\</script\\>"
    assert escape_inline("*x* _y_ [l](u) #h `c` ~s~ &amp;") == (
        "\\*x\\* \\_y\\_ \\[l\\]\\(u\\) \\#h \\`c\\` \\~s\\~ \\&amp;"
    )
    assert escape_inline("- item") == "\\- item"
    assert escape_inline("1. first") == "1\\. first"
    assert escape_inline("two-hour on 2025-04-01") == "two-hour on 2025-04-01"
    assert escape_inline("see https://x.example") == "see https\\://x.example"
    assert escape_inline("line one\nline two") == "line one line two"


def _hostile_report() -> Report:
    text = 'He said | "cut *all* <script>alert(1)</script>" in 3 | 4 hours.\n# Not a heading'
    start = text.index("3 | 4 hours")
    art = Article("a1", "in|put.txt", "Title | with [link](x)", "en", None, text)
    m = Mention("a1", "3 | 4 hours", text.split("\n")[0], start, start + 11, 12600, "s", True)
    claim = Claim("c1", "duration", "cut | duration", "single_source", 1, [m])
    return Report([art], [Story("s1", "T|S", ["a1"], [["a1"]], [claim])], [], "0")


def test_hostile_text_cannot_break_tables() -> None:
    md = to_markdown(_hostile_report())
    assert "<script>" not in md
    tables: list[list[str]] = [[]]
    for line in md.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    tables = [t for t in tables if t]
    assert len(tables) == 2  # single-source claims, articles
    for table in tables:
        # every row has exactly as many unescaped pipes as the header row
        counts = {line.replace("\\|", "").count("|") for line in table}
        assert len(counts) == 1, table
    row = next(line for line in md.splitlines() if line.startswith("| cut"))
    assert "~3 h 30 min" in row.replace("\\~", "~")
    assert "\\[link\\]\\(x\\)" in md
