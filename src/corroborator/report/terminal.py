"""Terminal summary rendered with rich and captured to a string.

Every piece of article-derived text goes through `rich.text.Text` (never markup strings), so
an article containing "[bold]" or "[/]" is shown literally and cannot break rendering.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from corroborator.model import Claim, Report, Story
from corroborator.report.view import (
    CONFLICT_VERDICTS,
    VERDICT_TITLES,
    ArticleIndex,
    article_index,
    by_group,
    claim_articles,
    claim_label,
    claims_by_verdict,
    conflict_sides,
    counts_line,
    derivation_note,
    edge_line,
    flagged_machine_notes,
    provenance_edges,
    value_summary,
)

_STYLE = {
    "conflicting": "bold red",
    "possible_conflict": "red",
    "corroborated": "green",
    "single_source": "yellow",
}


def _quoted(span: str) -> str:
    return "“" + " ".join(span.split()) + "”"


def _header(report: Report) -> Text:
    text = Text("corroborator report", style="bold")
    text.append(f" — {counts_line(report)}")
    return text


def _groups(story: Story, articles: ArticleIndex) -> RenderableType:
    lines = Text()
    lines.append(f"Independent sources: {story.independent_sources}", style="bold")
    for i, group in enumerate(story.independent_groups, 1):
        lines.append(f"\n  group {i}: ")
        for j, aid in enumerate(group):
            if j:
                lines.append("; ")
            article = articles.get(aid)
            lines.append(articles.label(aid, max_title=40))
            note = derivation_note(article, articles)
            if note:
                lines.append(f" [{note}]", style="dim")
    return lines


def _provenance(story: Story, articles: ArticleIndex) -> RenderableType | None:
    """One line per derivation ("Dunmore Post ← Northshore Ledger syndication 1.00 (direction
    unknown)") and per article flagged as machine-made (score and its first piece of
    evidence); None when the story has neither."""
    edges = provenance_edges(story, articles)
    notes = flagged_machine_notes(story, articles)
    if not edges and not notes:
        return None
    out = Text("Provenance:", style="bold")
    for edge in edges:
        out.append("\n  " + edge_line(edge, articles))
    for note in notes:
        out.append(f"\n  {articles.name(note.article)} {note.label}", style="magenta")
        if note.evidence:
            out.append(f": {note.evidence[0]}", style="dim")
    return out


def _conflict(claim: Claim, story: Story, articles: ArticleIndex) -> RenderableType:
    out = Text()
    mark = "✗" if claim.verdict == "conflicting" else "?"
    sides = conflict_sides(claim, story)
    out.append(f"{mark} {claim_label(claim)}", style=_STYLE.get(claim.verdict, "bold red"))
    out.append(f"  ({claim.kind}, {claim.id}, {len(sides)} values)", style="dim")
    for side in sides:
        out.append("\n    ")
        out.append(side.label, style="bold")
        # articles of one independent group joined by "+", groups by ";"
        groups = "; ".join(" + ".join(articles.names(g)) for g in by_group(side.articles, story))
        out.append(f"  — {side.sources_label}: {groups}")
        spans = [m.text for m in side.mentions] or ([side.text] if side.text else [])
        seen: list[str] = []
        for span in spans:
            if span not in seen:
                seen.append(span)
        for span in seen:
            out.append("\n        ")
            out.append(_quoted(span), style="italic")
    if claim.explanation:
        out.append(f"\n    why: {claim.explanation}", style="dim")
    return out


def _claim_table(verdict: str, claims: list[Claim], articles: ArticleIndex) -> Table:
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, expand=False)
    table.add_column("claim", overflow="fold", max_width=18)
    table.add_column("kind")
    table.add_column("value", overflow="fold", max_width=16)
    if verdict == "corroborated":
        table.add_column("sources", justify="right")
    # One name a line; the column is as wide as the longest name (up to 24), so a file name
    # such as "04-abendzeitung-de.txt" is not folded mid-word.
    longest = max((len(articles.name(a)) for c in claims for a in claim_articles(c)), default=8)
    table.add_column("articles", overflow="fold", min_width=min(24, longest))
    table.add_column("span", overflow="fold", min_width=16)
    for claim in claims:
        spans = "\n".join(dict.fromkeys(_quoted(m.text) for m in claim.mentions))
        row = [Text(claim_label(claim)), Text(claim.kind), Text(value_summary(claim))]
        if verdict == "corroborated":
            row.append(Text(str(claim.support)))
        row += [Text("\n".join(articles.names(claim_articles(claim)))), Text(spans)]
        table.add_row(*row)
    return table


def _story(story: Story, articles: ArticleIndex) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(""),
        Rule(Text(f"{story.id}: {' '.join(story.title.split())}", style="bold"), align="left"),
        _groups(story, articles),
    ]
    provenance = _provenance(story, articles)
    if provenance is not None:
        parts.append(provenance)
    if not story.claims:
        parts.append(Text("No claims extracted.", style="dim"))
    for verdict, claims in claims_by_verdict(story):
        if not claims:
            continue
        title = VERDICT_TITLES.get(verdict, verdict).upper()
        parts.append(Text(f"\n{title} ({len(claims)})", style=_STYLE.get(verdict, "bold")))
        if verdict in CONFLICT_VERDICTS:
            parts.extend(_conflict(c, story, articles) for c in claims)
        else:
            parts.append(_claim_table(verdict, claims, articles))
    if story.omissions:
        keys = {c.id: claim_label(c) for c in story.claims}
        parts.append(Text(f"\nOMISSIONS ({len(story.omissions)})", style="bold"))
        for om in story.omissions:
            line = Text(f"  {keys.get(om.claim, om.claim)} ({om.claim}) — not in: ")
            line.append(", ".join(articles.names(om.articles)))
            parts.append(line)
    return parts


def to_text(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The report as a terminal summary; ANSI colours only when `color` is true.

    Order: header counts; per story its independent groups, conflicts (each side's value in
    human units with its number of independent sources, the articles by name and the exact
    spans), corroborated, single-source, omissions; then skipped inputs with reasons.
    Articles are named by outlet (`view.ArticleIndex`), never by id.
    """
    buffer = io.StringIO()
    console = Console(
        record=True,
        file=buffer,
        width=max(20, width),
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    console.print(_header(report))
    if not report.stories:
        console.print(Text("No stories.", style="dim"))
    articles = article_index(report)
    for story in report.stories:
        console.print(Group(*_story(story, articles)))
    if report.skipped:
        console.print()
        console.print(Rule(Text(f"Skipped inputs ({len(report.skipped)})"), align="left"))
        for skip in report.skipped:
            line = Text(f"  {skip.source}", style="bold")
            line.append(f" — {skip.reason}")
            console.print(line)
    return buffer.getvalue()
