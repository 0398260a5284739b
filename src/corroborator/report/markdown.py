"""Markdown report: the terminal content and order, with tables for claims.

Article-derived text is untrusted: it may contain "|", "*", "#", "<script>" or "[x](y)".
`escape_inline` backslash-escapes every CommonMark character that could start markup, so the
text renders literally in any CommonMark/GFM renderer (raw HTML included: "<" is escaped).
"""

from __future__ import annotations

import re

from corroborator.model import Claim, Report, Story
from corroborator.report.view import (
    CONFLICT_VERDICTS,
    VERDICT_TITLES,
    ArticleIndex,
    article_index,
    claim_articles,
    claim_label,
    claims_by_verdict,
    conflict_sides,
    counts_line,
    derivation_note,
    flagged_machine_notes,
    language_note,
    locate_in_sentence,
    provenance_edges,
    value_summary,
)

# ASCII punctuation that can open inline markup, raw HTML, entities, math or a GFM table
# cell. "-", "+", "=" and "." matter only at the start of a line (lists, setext headings) and
# are handled there, so figures like "2025-04-01" or "two-hour" stay readable.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#!|~&$])")
# At the start of the text: list bullets, setext underlines, ordered list markers.
_BLOCK_START = re.compile(r"^([-+=]|\d+(?=[.)]))")
# "scheme://" would become an autolink in GFM; escaping the colon keeps it plain text.
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)")


def escape_inline(text: str) -> str:
    """Escape `text` for use inline (table cell, list item, heading); newlines become spaces.

    Backslash escapes are valid for any ASCII punctuation in CommonMark, so over-escaping is
    harmless; under-escaping would let an article inject links, images, HTML or break a table.
    """
    flat = " ".join(text.split())
    flat = _INLINE_SPECIALS.sub(r"\\\1", flat)
    flat = _AUTOLINK.sub(r"\\:", flat)
    match = _BLOCK_START.match(flat)
    if match and match.group(1).isdigit():
        flat = flat[: match.end()] + "\\" + flat[match.end() :]  # "1\. " is not a list
    elif match:
        flat = "\\" + flat
    return flat


def _span(text: str) -> str:
    return "“" + escape_inline(text) + "”"


def _escape_keep_edges(text: str) -> str:
    """`escape_inline`, but one space survives at each edge that had whitespace."""
    core = escape_inline(text)
    if not core:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + core + trail


def _sentence_with_span(sentence: str, bounds: tuple[int, int] | None) -> str:
    """The sentence, escaped, with the claim span in bold."""
    if bounds is None:
        return escape_inline(sentence)
    s, e = bounds
    mid = sentence[s:e]
    core = mid.strip()
    if not core:
        return escape_inline(sentence)
    # Whitespace just inside ** would stop it from being emphasis; move it outside.
    lead = mid[: len(mid) - len(mid.lstrip())]
    trail = mid[len(mid.rstrip()) :]
    before = _escape_keep_edges(sentence[:s] + lead).lstrip()
    after = _escape_keep_edges(trail + sentence[e:]).rstrip()
    return f"{before}**{escape_inline(core)}**{after}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _conflict(claim: Claim, story: Story, articles: ArticleIndex) -> list[str]:
    lines = [
        f"#### {escape_inline(claim_label(claim))} ({claim.kind}, {escape_inline(claim.id)})",
        "",
    ]
    rows: list[list[str]] = []
    for side in conflict_sides(claim, story):
        mentions = side.mentions
        sources = str(side.sources)
        if not mentions:
            names = ", ".join(articles.names(side.articles))
            rows.append([escape_inline(side.label), sources, escape_inline(names), "", ""])
            continue
        for m in mentions:
            bounds = locate_in_sentence(m, articles.get(m.article))
            rows.append(
                [
                    f"**{escape_inline(side.label)}**",
                    sources,
                    escape_inline(articles.name(m.article)),
                    _span(m.text),
                    _sentence_with_span(m.sentence, bounds),
                ]
            )
    why = [f"Why grouped: {escape_inline(claim.explanation)}", ""] if claim.explanation else []
    header = ["Value", "Independent sources", "Article", "Span", "Sentence"]
    return lines + _table(header, rows) + why


def _claims_table(verdict: str, claims: list[Claim], articles: ArticleIndex) -> list[str]:
    header = ["Claim", "Kind", "Value"]
    if verdict == "corroborated":
        header.append("Support")
    header += ["Articles", "Spans"]
    rows = []
    for c in claims:
        row = [escape_inline(claim_label(c)), c.kind, escape_inline(value_summary(c))]
        if verdict == "corroborated":
            row.append(str(c.support))
        spans = "; ".join(dict.fromkeys(_span(m.text) for m in c.mentions))
        row += [escape_inline(", ".join(articles.names(claim_articles(c)))), spans]
        rows.append(row)
    return _table(header, rows)


def _provenance(story: Story, articles: ArticleIndex) -> list[str]:
    """A "Provenance" table (one row per derivation) and the articles flagged as machine-made;
    nothing when the story has neither."""
    edges = provenance_edges(story, articles)
    notes = flagged_machine_notes(story, articles)
    if not edges and not notes:
        return []
    lines = ["### Provenance", ""]
    if edges:
        rows = []
        for e in edges:
            original = articles.name(e.original)
            direction = f"{original} is the original" if e.known_direction else "unknown"
            if language_note(e):
                direction += f" ({language_note(e)})"
            rows.append(
                [
                    escape_inline(articles.name(e.derivative)),
                    escape_inline(original),
                    escape_inline(e.relation),
                    f"{e.score:.2f}",
                    escape_inline(direction),
                    escape_inline(e.evidence),
                ]
            )
        lines += _table(
            ["Derivative", "Original", "Relation", "Score", "Direction", "Evidence"], rows
        )
    if notes:
        rows = [
            [
                escape_inline(articles.name(n.article)),
                escape_inline(n.label),
                escape_inline("; ".join(n.evidence)),
            ]
            for n in notes
        ]
        lines += _table(["Article", "Machine-made text", "Evidence"], rows)
    return lines


def _story(story: Story, articles: ArticleIndex) -> list[str]:
    lines = [f"## {escape_inline(story.id)}: {escape_inline(story.title)}", ""]
    lines += [f"**Independent sources: {story.independent_sources}**", ""]
    for i, group in enumerate(story.independent_groups, 1):
        members = []
        for aid in group:
            article = articles.get(aid)
            note = derivation_note(article, articles)
            label = escape_inline(articles.label(aid))
            members.append(f"{label} ({escape_inline(note)})" if note else label)
        lines.append(f"{i}. " + "; ".join(members))
    lines.append("")
    lines += _provenance(story, articles)
    if not story.claims:
        lines += ["No claims extracted.", ""]
    for verdict, claims in claims_by_verdict(story):
        if not claims:
            continue
        title = VERDICT_TITLES.get(verdict, escape_inline(verdict))
        lines += [f"### {title} ({len(claims)})", ""]
        if verdict in CONFLICT_VERDICTS:
            for claim in claims:
                lines += _conflict(claim, story, articles)
        else:
            lines += _claims_table(verdict, claims, articles)
    if story.omissions:
        keys = {c.id: claim_label(c) for c in story.claims}
        lines += [f"### Omissions ({len(story.omissions)})", ""]
        rows = [
            [
                escape_inline(keys.get(o.claim, o.claim)),
                escape_inline(o.claim),
                escape_inline(", ".join(articles.names(o.articles))),
            ]
            for o in story.omissions
        ]
        lines += _table(["Claim", "Id", "Not mentioned in"], rows)
    return lines


def to_markdown(report: Report) -> str:
    """The report as Markdown: summary, stories (conflicts first), articles, skipped inputs.

    Articles are named by outlet (`view.ArticleIndex`); the "Articles" table at the end maps
    each name to its id (the key of the JSON report), title and source."""
    articles = article_index(report)
    lines = ["# Corroboration report", "", counts_line(report), ""]
    if not report.stories:
        lines += ["No stories.", ""]
    for story in report.stories:
        lines += _story(story, articles)
    if report.articles:
        lines += ["## Articles", ""]
        rows = []
        for a in report.articles:
            rows.append(
                [
                    escape_inline(articles.name(a.id)),
                    escape_inline(a.title),
                    escape_inline(a.language),
                    escape_inline(a.published or ""),
                    escape_inline(derivation_note(a, articles)),
                    escape_inline(a.source),
                    escape_inline(a.id),
                ]
            )
        lines += _table(
            ["Name", "Title", "Language", "Published", "Derived from", "Source", "Id"], rows
        )
    if report.skipped:
        lines += [f"## Skipped inputs ({len(report.skipped)})", ""]
        lines += _table(
            ["Source", "Reason"],
            [[escape_inline(s.source), escape_inline(s.reason)] for s in report.skipped],
        )
    return "\n".join(lines).rstrip("\n") + "\n"
