"""One self-contained HTML file: inline CSS, no script, no external URL of any kind.

Articles are named by outlet and title (`view.ArticleIndex`), never by id; ids stay in the
anchors and in each article's metadata. Claims can be filtered by verdict and by kind with
radio buttons (`filter_bar`) that work by CSS alone (`:has()`), so the page and the web app
keep their promise of carrying no script; single-source claims are folded in a `<details>`.

Safety: every string that comes from an article, a source name or a claim goes through
`html.escape` (quotes included), so a `<script>` in an article is shown as text. Article
URLs are printed as text, never turned into links, so the page makes no request when opened.

Highlights: each article's clean text is cut at every span boundary; every piece covered by
one or more claim spans becomes one `<mark>`, so overlapping or nested spans never produce
badly nested tags. Conflict cards link to the span's anchor in the article text below.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import get_args

from corroborator.model import Article, Claim, ClaimKind, Mention, Report, Story
from corroborator.report.graph import DASHES, provenance_svg
from corroborator.report.view import (
    CONFLICT_VERDICTS,
    RELATION_STYLES,
    VERDICT_ORDER,
    VERDICT_TITLES,
    ArticleIndex,
    MachineNote,
    article_index,
    claim_label,
    claims_by_verdict,
    conflict_sides,
    counts_line,
    derivation_note,
    direction_note,
    flagged_machine_notes,
    index_of,
    locate_in_sentence,
    machine_note,
    provenance_edges,
    slug,
    value_summary,
)

# Which highlight colour wins where spans of different verdicts overlap: a conflict is what
# the reader must not miss.
_VERDICT_RANK = {
    "conflicting": 0,
    "possible_conflict": 1,
    "single_source": 2,
    "corroborated": 3,
}
_LANG_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def _verdict_class(verdict: str) -> str:
    """CSS class of a verdict's highlight colour; unknown verdicts get a neutral class."""
    return f"v-{verdict}" if verdict in _VERDICT_RANK else "v-other"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _lang_attr(language: str | None) -> str:
    """` lang="xx"` for a well-formed tag; nothing for "und" or junk."""
    if language and language != "und" and _LANG_TAG.match(language):
        return f' lang="{_e(language)}"'
    return ""


def _article_anchor(article_id: str) -> str:
    return f"article-{slug(article_id)}"


def _span_anchor(article_id: str, start: int, end: int) -> str:
    return f"t-{slug(article_id)}-{start}-{end}"


def _claim_anchor(story: Story, claim_id: str) -> str:
    return f"claim-{slug(story.id)}-{slug(claim_id)}"


@cache
def _css() -> str:
    return (
        resources.files("corroborator.report")
        .joinpath("templates/report.css")
        .read_text("utf-8")
        .strip()
    )


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    verdict: str
    label: str  # "c1 meeting duration (conflicting)"


def _valid_span(m: Mention, article: Article | None) -> bool:
    return article is not None and 0 <= m.start < m.end <= len(article.text)


def _mention_link(m: Mention, article: Article | None, content: str) -> str:
    target = (
        _span_anchor(m.article, m.start, m.end)
        if _valid_span(m, article)
        else _article_anchor(m.article)
    )
    return f'<a href="#{target}">{content}</a>'


def _sentence_html(m: Mention, article: Article | None) -> str:
    """The mention's sentence with its span in `<mark>`; the span alone if no sentence."""
    lang = _lang_attr(article.language if article else None)
    bounds = locate_in_sentence(m, article)
    if bounds is None:
        body = _e(m.sentence) if m.sentence else ""
        span = f'<mark class="v-conflicting">{_e(m.text)}</mark>'
        return f'<p class="sentence"{lang} dir="auto">{body} <span class="note">span:</span> {span}</p>'
    s, e = bounds
    st = m.sentence
    return (
        f'<p class="sentence"{lang} dir="auto">{_e(st[:s])}<mark class="v-conflicting">{_e(st[s:e])}</mark>'
        f"{_e(st[e:])}</p>"
    )


def _data_attrs(claim: Claim) -> str:
    """What the claim filters (`filter_bar`) select on."""
    return f' data-verdict="{_e(claim.verdict)}" data-kind="{_e(claim.kind)}"'


def _conflict_card(story: Story, claim: Claim, articles: dict[str, Article]) -> str:
    """One conflict card: each side's value, how many independent sources back it, and every
    mention by article name with its sentence (the span highlighted, linked to the text)."""
    names = index_of(articles)
    sides = conflict_sides(claim, story)
    out = [
        f'<article class="card" id="{_claim_anchor(story, claim.id)}"{_data_attrs(claim)}>',
        f'<h4>{_e(claim_label(claim))} <span class="kind">{_e(claim.kind)}</span> '
        f'<span class="cid">{_e(claim.id)} · {len(sides)} values</span></h4>',
        '<div class="sides">',
    ]
    for side in sides:
        out.append('<div class="side">')
        out.append(f'<p class="value">{_e(side.label)}</p>')
        out.append(f'<p class="sources">{_e(side.sources_label)}</p>')
        out.append("<ul>")
        if not side.mentions:
            who = ", ".join(
                f'<a href="#{_article_anchor(a)}">{_e(names.name(a))}</a>' for a in side.articles
            )
            out.append(f'<li>{who}: <mark class="v-conflicting">{_e(side.text)}</mark></li>')
        for m in side.mentions:
            article = names.get(m.article)
            who = _e(names.name(m.article))
            out.append(f"<li>{_mention_link(m, article, who)}{_sentence_html(m, article)}</li>")
        out.append("</ul></div>")
    out.append("</div>")
    if claim.explanation:
        out.append(f'<p class="note">Why grouped: {_e(claim.explanation)}</p>')
    out.append("</article>")
    return "\n".join(out)


def _claims_table(story: Story, verdict: str, claims: list[Claim], arts: dict[str, Article]) -> str:
    names = index_of(arts)
    support = verdict == "corroborated"
    head = "<th>Claim</th><th>Kind</th><th>Value</th>"
    head += '<th class="num">Independent sources</th>' if support else ""
    head += "<th>Mentions</th>"
    rows = []
    for c in claims:
        mentions = "<br>".join(
            _mention_link(m, names.get(m.article), _e(names.name(m.article))) + f" “{_e(m.text)}”"
            for m in c.mentions
        )
        cells = [
            f'<td id="{_claim_anchor(story, c.id)}">{_e(claim_label(c))} <span class="cid">{_e(c.id)}</span></td>',
            f"<td>{_e(c.kind)}</td>",
            f"<td>{_e(value_summary(c))}</td>",
        ]
        if support:
            cells.append(f'<td class="num">{c.support}</td>')
        cells.append(f"<td>{mentions}</td>")
        rows.append(f'<tr class="claim"{_data_attrs(c)}>' + "".join(cells) + "</tr>")
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def verdict_section(
    story: Story, verdict: str, claims: list[Claim], arts: dict[str, Article], *, level: int = 3
) -> str:
    """The claims of one verdict under a heading "Conflicts (2)": conflict cards, or a table;
    single-source claims folded in a `<details>` (open it to read them). The wrapper carries
    the verdict and the kinds inside, so the filters hide it when nothing in it is shown."""
    kinds = " ".join(dict.fromkeys(_e(c.kind) for c in claims))
    title = f"{_e(VERDICT_TITLES.get(verdict, verdict))} ({len(claims)})"
    hid = f' id="{_e(verdict)}-{slug(story.id)}"'
    heading = f"<h{level}{hid}>{title}</h{level}>"
    if verdict in CONFLICT_VERDICTS:
        body = "\n".join(_conflict_card(story, c, arts) for c in claims)
    else:
        body = _claims_table(story, verdict, claims, arts)
    if verdict == "single_source":
        inner = f'<details class="fold"><summary>{heading}</summary>\n{body}\n</details>'
    else:
        inner = f"{heading}\n{body}"
    return (
        f'<section class="verdict" data-verdict="{_e(verdict)}" data-kinds="{kinds}">'
        f"\n{inner}\n</section>"
    )


# -- filters ---------------------------------------------------------------------------------

#: Claim kinds of the report contract (schema.json), each with a filter rule.
KINDS: tuple[str, ...] = get_args(ClaimKind)


def _filter_rules() -> str:
    """One CSS rule per verdict and per kind: while a filter's radio button is checked,
    claims (cards, table rows) of any other verdict or kind are hidden, and so is a verdict
    section holding no claim of the chosen kind; choosing single-source claims unfolds them.
    Pure CSS (`:has()`), so it runs where no script may."""
    rules = []
    for v in VERDICT_ORDER:
        on = f'body:has(.claim-filters input[name="fv"][value="{v}"]:checked)'
        rules.append(f'{on} [data-verdict]:not([data-verdict="{v}"]) {{ display: none; }}')
    for k in KINDS:
        on = f'body:has(.claim-filters input[name="fk"][value="{k}"]:checked)'
        rules.append(f'{on} [data-kind]:not([data-kind="{k}"]) {{ display: none; }}')
        rules.append(f'{on} [data-kinds]:not([data-kinds~="{k}"]) {{ display: none; }}')
    # Asking for single-source claims unfolds them (browsers without ::details-content
    # ignore the rule; the reader then opens the fold).
    on = 'body:has(.claim-filters input[name="fv"][value="single_source"]:checked)'
    rules.append(f"{on} details.fold::details-content {{ content-visibility: visible; }}")
    return "\n".join(rules)


FILTER_CSS = _filter_rules()


def _radio(name: str, value: str, label: str, checked: bool) -> str:
    rid = f"f{name}-{slug(value)}"
    mark = " checked" if checked else ""
    return (
        f'<span class="choice"><input type="radio" id="{rid}" name="f{name}" value="{_e(value)}"'
        f'{mark}><label for="{rid}">{_e(label)}</label></span>'
    )


def filter_bar(claims: Iterable[Claim]) -> str:
    """Radio buttons that show the claims of one verdict or one kind (see `FILTER_CSS`), with
    the number of claims of each; "" when there are no claims. One bar per page."""
    claims = list(claims)
    if not claims:
        return ""
    verdicts = Counter(str(c.verdict) for c in claims)
    kinds = Counter(str(c.kind) for c in claims)
    v_opts = [_radio("v", "all", f"All ({len(claims)})", True)] + [
        _radio("v", v, f"{VERDICT_TITLES[v].split(' (')[0]} ({verdicts[v]})", False)
        for v in VERDICT_ORDER
        if verdicts[v]
    ]
    k_opts = [_radio("k", "all", "All kinds", True)] + [
        _radio("k", k, f"{k} ({kinds[k]})", False) for k in KINDS if kinds[k]
    ]
    return (
        '<div class="claim-filters" role="group" aria-label="Filter claims">'
        f"<fieldset><legend>Verdict</legend>{''.join(v_opts)}</fieldset>"
        f"<fieldset><legend>Kind</legend>{''.join(k_opts)}</fieldset>"
        "</div>"
    )


def _machine_badge(note: MachineNote, *, open_details: bool = False) -> str:
    """A badge "reads machine-translated 0.82" with the evidence in a `<details>`.

    Below `MACHINE_FLAG_THRESHOLD` the score is shown plainly (no badge colour), so a reader
    auditing the article sees it was checked.
    """
    cls = "badge machine" if note.flagged else "badge machine low"
    label = note.label if note.flagged else f"machine-made score {note.score:.2f} (no clear sign)"
    if not note.evidence:
        return f'<span class="{cls}">{_e(label)}</span>'
    items = "".join(f"<li>{_e(e)}</li>" for e in note.evidence)
    attr = " open" if open_details else ""
    return (
        f'<details class="machine-details"{attr}><summary><span class="{cls}">{_e(label)}</span>'
        f'</summary><ul class="note">{items}</ul></details>'
    )


def _legend() -> str:
    """The graph's key: one short line sample per relation, and what a missing arrow means."""
    items = []
    for rel, style in RELATION_STYLES.items():
        dash = f' stroke-dasharray="{DASHES[style]}"' if DASHES[style] else ""
        items.append(
            f'<li><svg class="pg-key pg-{rel}" width="36" height="10" aria-hidden="true">'
            f'<path d="M2,5 L34,5"{dash}/></svg> {_e(rel)} ({_e(style)})</li>'
        )
    items.append("<li>arrow: original → derivative; no arrowhead, “?”: direction unknown</li>")
    return f'<ul class="pg-legend" aria-label="Graph legend">{"".join(items)}</ul>'


def _provenance_html(story: Story, arts: dict[str, Article]) -> str:
    """The provenance graph (inline SVG) with its legend, and beside it the same links as a
    plain list, for screen readers and for readers whose browser does not draw SVG."""
    names = index_of(arts)
    svg = provenance_svg(story, names)
    if not svg:
        return ""
    edges = provenance_edges(story, names)

    def link(aid: str) -> str:
        if aid not in names:
            return f"{_e(aid)} (not in report)"
        return f'<a href="#{_article_anchor(aid)}">{_e(names.name(aid))}</a>'

    items = []
    for e in edges:
        note = direction_note(e)
        note_html = f", {_e(note)}" if note else ""
        evidence = f'<br><span class="note">{_e(e.evidence)}</span>' if e.evidence else ""
        items.append(
            f"<li>{link(e.derivative)} ← {link(e.original)}: {_e(e.relation)}, "
            f"score {e.score:.2f}{note_html}{evidence}</li>"
        )
    derived = {e.derivative for e in edges}
    originals = [aid for group in story.independent_groups for aid in group if aid not in derived]
    if originals:
        items.append(
            "<li>Originals and independent reports: "
            + ", ".join(link(a) for a in dict.fromkeys(originals))
            + "</li>"
        )
    for n in flagged_machine_notes(story, arts):
        items.append(f"<li>{link(n.article)}: {_e(n.label)}</li>")
    heading = "Derivations" if edges else "No derivations found"
    sid = slug(story.id)
    return (
        f'<h3 id="prov-{sid}">Provenance</h3>'
        '<div class="provenance">'
        f'<figure class="pg-figure"><div class="pg-scroll">{svg}</div>'
        f"<figcaption>{_legend()}</figcaption></figure>"
        f'<div class="pg-list"><h4>{heading}</h4><ul>{"".join(items)}</ul></div>'
        "</div>"
    )


def _story_html(story: Story, arts: ArticleIndex) -> str:
    sid = slug(story.id)
    out = [f'<section class="story" id="story-{sid}" aria-labelledby="story-{sid}-h">']
    out.append(
        f'<h2 id="story-{sid}-h">{_e(story.title)} <span class="cid">{_e(story.id)}</span></h2>'
    )
    out.append(f"<h3>Independent sources: {story.independent_sources}</h3>")
    out.append('<ol class="groups">')
    for group in story.independent_groups:
        members = []
        for aid in group:
            a = arts.get(aid)
            if a is None:
                members.append(f"{_e(aid)} (not in report)")
                continue
            label = _e(arts.label(aid))
            note = derivation_note(a, arts)
            note_html = f' <span class="note">({_e(note)})</span>' if note else ""
            machine = machine_note(a)
            badge = " " + _machine_badge(machine) if machine and machine.flagged else ""
            members.append(
                f'<a href="#{_article_anchor(aid)}" dir="auto">{label}</a>{note_html}{badge}'
            )
        out.append("<li>" + "; ".join(members) + "</li>")
    out.append("</ol>")
    out.append(_provenance_html(story, arts))
    if not story.claims:
        out.append('<p class="note">No claims extracted.</p>')
    for verdict, claims in claims_by_verdict(story):
        if claims:
            out.append(verdict_section(story, verdict, claims, arts))
    if story.omissions:
        keys = {c.id: claim_label(c) for c in story.claims}
        out.append(f"<h3>Omissions ({len(story.omissions)})</h3>")
        rows = []
        for o in story.omissions:
            missing = ", ".join(
                f'<a href="#{_article_anchor(a)}">{_e(arts.name(a))}</a>' for a in o.articles
            )
            claim_link = f'<a href="#{_claim_anchor(story, o.claim)}">{_e(o.claim)}</a>'
            rows.append(
                f"<tr><td>{_e(keys.get(o.claim, o.claim))} {claim_link}</td><td>{missing}</td></tr>"
            )
        out.append(
            '<div class="table-wrap"><table><thead><tr><th>Claim</th><th>Not mentioned in</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    out.append("</section>")
    return "\n".join(out)


def highlight(text: str, spans: list[tuple[int, int, str, str]], article_id: str) -> str:
    """Escape `text` and wrap every claim span in `<mark>`, safely for overlaps.

    `spans` are (start, end, verdict, label) with offsets into `text`; invalid ones (empty,
    reversed, out of range) are ignored. The text is cut at every span boundary; each piece
    covered by spans becomes one `<mark>` whose colour is the most severe verdict covering
    it and whose title lists every covering claim ("overlap" class when more than one). An
    empty anchor `t-<article>-<start>-<end>` precedes the first piece of each span.
    """
    valid = sorted(
        {_Span(s, e, v, label) for s, e, v, label in spans if 0 <= s < e <= len(text)},
        key=lambda sp: (sp.start, sp.end, _VERDICT_RANK.get(sp.verdict, 9), sp.label),
    )
    cuts = sorted({0, len(text)} | {sp.start for sp in valid} | {sp.end for sp in valid})
    starting: dict[int, list[_Span]] = {}
    for sp in valid:
        starting.setdefault(sp.start, []).append(sp)
    out: list[str] = []
    active: list[_Span] = []  # spans covering the current piece, in `valid` order
    for lo, hi in itertools.pairwise(cuts):
        active = [sp for sp in active if sp.end > lo]
        seen: set[int] = set()
        for sp in starting.get(lo, []):
            if sp.end not in seen:  # one anchor per (start, end), however many claims share it
                seen.add(sp.end)
                out.append(f'<span id="{_span_anchor(article_id, sp.start, sp.end)}"></span>')
            active.append(sp)
        piece = _e(text[lo:hi])
        if not active:
            out.append(piece)
            continue
        top = min(active, key=lambda sp: _VERDICT_RANK.get(sp.verdict, 9))
        labels = "; ".join(dict.fromkeys(sp.label for sp in active))
        cls = _verdict_class(top.verdict) + (" overlap" if len(active) > 1 else "")
        out.append(f'<mark class="{cls}" title="{_e(labels)}">{piece}</mark>')
    return "".join(out)


def _article_html(article: Article, report: Report, arts: dict[str, Article]) -> str:
    names = index_of(arts)
    spans: list[tuple[int, int, str, str]] = []
    for story in report.stories:
        for c in story.claims:
            for m in c.mentions:
                if m.article == article.id:
                    spans.append(
                        (m.start, m.end, c.verdict, f"{c.id} {claim_label(c)} ({c.verdict})")
                    )
    aid = _article_anchor(article.id)
    lang = _lang_attr(article.language)
    meta = [("Id", _e(article.id)), ("Source", _e(article.source))]
    if article.outlet:
        meta.append(("Outlet", _e(article.outlet)))
    if article.url:
        meta.append(("URL", _e(article.url)))
    meta.append(("Language", _e(article.language)))
    meta.append(("Published", _e(article.published or "unknown")))
    d = article.derived_from
    if d is not None:
        target = (
            f'<a href="#{_article_anchor(d.article)}">{_e(names.name(d.article))}</a>'
            if d.article in arts
            else _e(d.article)
        )
        direction = "" if d.direction == "derived" else f", direction {_e(d.direction)}"
        evidence = f" — {_e(d.evidence)}" if d.evidence else ""
        meta.append(
            (
                "Derived from",
                f"{_e(d.relation)} of {target} (score {d.score:.2f}{direction}){evidence}",
            )
        )
    else:
        meta.append(("Derived from", "none (original)"))
    machine = machine_note(article)
    if machine is not None:
        meta.append(("Machine-made text", _machine_badge(machine, open_details=machine.flagged)))
    out = [
        f'<article class="article" id="{aid}" aria-labelledby="{aid}-h">',
        f'<h3 id="{aid}-h"><span class="who" dir="auto">{_e(names.name(article.id))}</span> · '
        f'<span{lang} dir="auto">{_e(article.title)}</span></h3>',
        "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>",
        f'<div class="text"{lang} dir="auto">{highlight(article.text, spans, article.id)}</div>',
    ]
    if article.removed:
        items = "".join(f"<li>{_e(r)}</li>" for r in article.removed)
        out.append(
            f"<details><summary>Removed during cleaning ({len(article.removed)})</summary>"
            f'<ul{lang} dir="auto">{items}</ul></details>'
        )
    else:
        out.append('<p class="note">Nothing was removed during cleaning.</p>')
    out.append("</article>")
    return "\n".join(out)


def to_html(report: Report) -> str:
    """The report as one self-contained, deterministic HTML page (no timestamps, no scripts)."""
    arts = article_index(report)
    title = "Corroboration report"
    if report.stories:
        title += ": " + "; ".join(s.title for s in report.stories[:3])
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="corroborator {_e(report.generator_version)}">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{_css()}\n{FILTER_CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Corroboration report</h1>",
        f'<p class="summary">{_e(counts_line(report))}</p>',
        '<p class="legend">Highlights: <mark class="v-conflicting">conflicting</mark> '
        '<mark class="v-corroborated">corroborated</mark> '
        '<mark class="v-single_source">single source</mark></p>',
    ]
    if report.stories:
        out.append('<nav aria-label="Stories"><ul>')
        for s in report.stories:
            conflicts = sum(1 for c in s.claims if c.verdict == "conflicting")
            possible = sum(1 for c in s.claims if c.verdict == "possible_conflict")
            sources = s.independent_sources
            counts = f"{sources} independent source{'s' if sources != 1 else ''}, "
            counts += f"{conflicts} conflict{'s' if conflicts != 1 else ''}"
            if possible:
                counts += f", {possible} possible"
            out.append(
                f'<li><a href="#story-{slug(s.id)}">{_e(s.title)}</a> '
                f'<span class="note">{counts}</span></li>'
            )
        out.append("</ul></nav>")
    out.append(filter_bar(c for s in report.stories for c in s.claims))
    out += ["</header>", "<main>"]
    if not report.stories:
        out.append('<p class="note">No stories.</p>')
    out.extend(_story_html(s, arts) for s in report.stories)
    if report.articles:
        out.append('<section id="articles" aria-labelledby="articles-h">')
        out.append(f'<h2 id="articles-h">Articles ({len(report.articles)})</h2>')
        out.extend(_article_html(a, report, arts) for a in report.articles)
        out.append("</section>")
    if report.skipped:
        out.append('<section id="skipped" aria-labelledby="skipped-h">')
        out.append(f'<h2 id="skipped-h">Skipped inputs ({len(report.skipped)})</h2>')
        rows = "".join(
            f"<tr><td>{_e(s.source)}</td><td>{_e(s.reason)}</td></tr>" for s in report.skipped
        )
        out.append(
            '<div class="table-wrap"><table><thead><tr><th>Source</th><th>Reason</th></tr>'
            f"</thead><tbody>{rows}</tbody></table></div>"
        )
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
