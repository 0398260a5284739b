"""Server-rendered pages of the web app: story list, story, article, compare, errors.

Claims, conflict cards, the provenance graph and highlighted article texts come from the
report renderers (`corroborator.report.html` and `report.graph`), so the web app and the
HTML report never disagree; this module adds the app around them: navigation, the list
with its filters, article pages with links between derivatives, and the compare form.

Safety: every value that comes from an article or a request goes through `_e`
(`html.escape` with quotes); ids in URLs are percent-encoded. Pages carry no script at all,
and the app sends a Content-Security-Policy without `script-src`, so even a renderer bug
could not run a script.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from corroborator import __version__
from corroborator.model import Article, Claim, Report, Story

# The report's building blocks are module-private there; they are reused, not copied, so the
# claim rendering exists once (see the module docstring).
from corroborator.report.html import (
    FILTER_CSS,
    _article_html,
    _claim_anchor,
    _lang_attr,
    _provenance_html,
    filter_bar,
    highlight,
    verdict_section,
)
from corroborator.report.view import (
    ArticleIndex,
    article_index,
    claim_label,
    claims_by_verdict,
    derivation_note,
)
from corroborator.report.view import slug as _slug
from corroborator.server.compare import MAX_ARTICLES, MIN_ARTICLES
from corroborator.server.data import SORTS, ListQuery, Page, derivatives_of

SORT_LABELS = {
    "recency": "Most recent",
    "sources": "Most independent sources",
    "conflicts": "Most conflicts",
}


# Ids repeat many times on a story page (omission lists name the same articles per claim).
slug = cache(_slug)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def layout(title: str, body: str, *, active: str = "", style: str = "") -> str:
    """The page shell: skip link, top navigation, main landmark, footer; `style` is extra
    CSS for this page's `<head>` (the claim filters' rules)."""

    def nav(href: str, label: str, key: str) -> str:
        current = ' aria-current="page"' if key == active else ""
        return f'<a href="{href}"{current}>{label}</a>'

    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)} · corroborator</title>",
            '<link rel="stylesheet" href="/static/app.css">',
            *([f"<style>\n{style}\n</style>"] if style else []),
            "</head>",
            "<body>",
            '<a class="skip" href="#main">Skip to content</a>',
            '<header class="top"><nav aria-label="Site">',
            '<a class="brand" href="/">corroborator</a>',
            nav("/", "Stories", "stories"),
            nav("/compare", "Compare", "compare"),
            nav("/docs", "API", "api"),
            "</nav></header>",
            f'<main id="main" tabindex="-1">{body}</main>',
            f'<footer class="foot"><p class="note">corroborator {_e(__version__)} · '
            "served locally; no page loads anything from the network.</p></footer>",
            "</body>",
            "</html>",
        ]
    )


def error_page(status: int, message: str) -> str:
    body = (
        f"<h1>{status}: {_e(_STATUS_TITLES.get(status, 'Error'))}</h1>"
        f'<p class="error" role="alert">{_e(message)}</p>'
        '<p><a href="/">Back to the stories</a></p>'
    )
    return layout(f"{status}", body)


_STATUS_TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Request too large",
    422: "Cannot use this input",
    500: "Internal error",
}


# -- story list ------------------------------------------------------------------------------


def _query_params(q: ListQuery, **changes: object) -> str:
    params: dict[str, object] = {
        "q": q.q,
        "since": q.since.isoformat() if q.since else "",
        "until": q.until.isoformat() if q.until else "",
        "language": q.language or "",
        "min_sources": q.min_sources if q.min_sources > 1 else "",
        "conflicts": "1" if q.conflicts_only else "",
        "sort": q.sort if q.sort != "recency" else "",
        "page": q.page if q.page > 1 else "",
        "per_page": q.per_page if q.per_page != 25 else "",
    }
    params.update(changes)
    return urlencode({k: v for k, v in params.items() if v not in ("", None)})


def _filters_form(q: ListQuery, languages: list[str]) -> str:
    lang_opts = ['<option value="">Any</option>'] + [
        f'<option value="{_e(lang)}"{" selected" if lang == q.language else ""}>{_e(lang)}</option>'
        for lang in languages
    ]
    sort_opts = [
        f'<option value="{s}"{" selected" if s == q.sort else ""}>{_e(SORT_LABELS[s])}</option>'
        for s in SORTS
    ]
    checked = " checked" if q.conflicts_only else ""
    since = q.since.isoformat() if q.since else ""
    until = q.until.isoformat() if q.until else ""
    return f"""
<form class="filters" method="get" action="/" role="search" aria-label="Filter stories">
  <div class="field wide"><label for="f-q">Search titles</label>
    <input id="f-q" name="q" type="search" value="{_e(q.q)}" placeholder="e.g. warehouse fire"></div>
  <div class="field"><label for="f-since">From</label>
    <input id="f-since" name="since" type="date" value="{since}"></div>
  <div class="field"><label for="f-until">To</label>
    <input id="f-until" name="until" type="date" value="{until}"></div>
  <div class="field"><label for="f-lang">Language</label>
    <select id="f-lang" name="language">{"".join(lang_opts)}</select></div>
  <div class="field"><label for="f-min">Min. independent sources</label>
    <input id="f-min" name="min_sources" type="number" min="1" max="99" value="{q.min_sources}"></div>
  <div class="field"><label for="f-sort">Sort by</label>
    <select id="f-sort" name="sort">{"".join(sort_opts)}</select></div>
  <div class="field check"><input id="f-conf" name="conflicts" type="checkbox" value="1"{checked}>
    <label for="f-conf">Only stories with conflicts</label></div>
  <div class="actions"><button type="submit">Apply</button> <a href="/">Reset</a></div>
</form>"""


def _dates(s: dict[str, object]) -> str:
    first, last = s.get("first_published"), s.get("last_published")
    if not first:
        return "undated"
    return f"{first} – {last}" if last and last != first else str(first)


def _story_item(s: dict[str, object]) -> str:
    conflicts = int(s.get("conflicts") or 0)  # type: ignore[call-overload]
    badge = (
        f'<span class="badge conflict">{conflicts} conflict{"s" if conflicts != 1 else ""}</span>'
        if conflicts
        else '<span class="badge calm">no conflicts</span>'
    )
    langs = ", ".join(str(x) for x in s.get("languages") or [])  # type: ignore[attr-defined]
    stale = "" if s.get("analysed") else ' <span class="note">(verdicts pending)</span>'
    return (
        '<li class="story-item">'
        f'<h2><a href="{story_url(str(s["id"]))}">{_e(s["title"])}</a></h2>'
        f'<p class="meta">{badge} <span>{_e(s["independent_sources"])} independent of '
        f"{_e(s['size'])} articles</span> · <span>{_e(_dates(s))}</span> · "
        f"<span>languages: {_e(langs or 'unknown')}</span>{stale}</p>"
        "</li>"
    )


def _pager(page: Page, q: ListQuery) -> str:
    if page.pages <= 1:
        return ""
    parts = ['<nav class="pager" aria-label="Pages">']
    if page.page > 1:
        parts.append(
            f'<a rel="prev" href="/?{_e(_query_params(q, page=page.page - 1))}">← Previous</a>'
        )
    parts.append(f'<span aria-current="page">Page {page.page} of {page.pages}</span>')
    if page.page < page.pages:
        parts.append(
            f'<a rel="next" href="/?{_e(_query_params(q, page=page.page + 1))}">Next →</a>'
        )
    parts.append("</nav>")
    return " ".join(parts)


def list_page(page: Page, q: ListQuery, languages: list[str], store_name: str) -> str:
    shown = (
        f"{page.total} stor{'y' if page.total == 1 else 'ies'}"
        + (f", page {page.page} of {page.pages}" if page.pages > 1 else "")
        + f" · store {store_name}"
    )
    api = f"/api/stories?{_query_params(q)}"
    items = "".join(_story_item(s) for s in page.stories)
    if not items:
        items = '<li class="note">No story matches these filters.</li>'
    body = (
        "<h1>Stories</h1>"
        + _filters_form(q, languages)
        + f'<p class="summary" role="status">{_e(shown)} · <a href="{_e(api)}">as JSON</a></p>'
        + f'<ol class="stories">{items}</ol>'
        + _pager(page, q)
    )
    return layout("Stories", body, active="stories")


# -- story page ------------------------------------------------------------------------------


def _groups_html(story: Story, arts: ArticleIndex, *, pages: bool) -> str:
    """Articles grouped by independence group: title, name (the outlet, or the URL host or
    file name when no outlet is known), language, date, derivation."""
    out = [f"<h2>Sources: {story.independent_sources} independent</h2>", '<ol class="groups">']
    for n, group in enumerate(story.independent_groups, start=1):
        rows = []
        for aid in group:
            a = arts.get(aid)
            href = article_url(aid) if pages else f"#article-{slug(aid)}"
            title = _e(a.title or aid) if a else f"{_e(aid)} (not in report)"
            note = derivation_note(a, arts)
            lang = _lang_attr(a.language if a else None)
            rows.append(
                "<tr>"
                f'<td data-label="Article"><a href="{href}"{lang} dir="auto">{title}</a></td>'
                f'<td data-label="Outlet" dir="auto">{_e(arts.name(aid)) if a else "—"}</td>'
                f'<td data-label="Language">{_e(a.language) if a else "—"}</td>'
                f'<td data-label="Published">{_e(a.published or "undated") if a else "—"}</td>'
                f'<td data-label="Derived">{_e(note) if note else "original"}</td>'
                "</tr>"
            )
        out.append(
            f'<li><h3 class="group-h">Group {n} <span class="note">'
            f"({len(group)} article{'s' if len(group) != 1 else ''})</span></h3>"
            '<div class="table-wrap"><table class="group"><thead><tr><th>Article</th>'
            "<th>Outlet</th><th>Language</th><th>Published</th><th>Derived</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div></li>"
        )
    out.append("</ol>")
    return "\n".join(out)


def _omissions_html(story: Story, arts: ArticleIndex) -> str:
    if not story.omissions:
        return ""
    keys = {c.id: claim_label(c) for c in story.claims}
    rows = []
    for o in story.omissions:
        missing = ", ".join(
            f'<a href="#article-{slug(a)}">{_e(arts.name(a))}</a>' for a in o.articles
        )
        claim = f'<a href="#{_claim_anchor(story, o.claim)}">{_e(o.claim)}</a>'
        rows.append(f"<tr><td>{_e(keys.get(o.claim, o.claim))} {claim}</td><td>{missing}</td></tr>")
    return (
        f"<h2>Omissions ({len(story.omissions)})</h2>"
        '<p class="note">Claims some independent sources make and these articles leave out.</p>'
        '<div class="table-wrap"><table><thead><tr><th>Claim</th><th>Not mentioned in</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _claims_html(story: Story, arts: ArticleIndex) -> str:
    out = []
    if not story.claims:
        out.append('<p class="note">No claims extracted.</p>')
    for verdict, claims in claims_by_verdict(story):
        if claims:
            out.append(verdict_section(story, verdict, claims, arts, level=2))
    return "\n".join(out)


def claim_filters(stories: list[Story]) -> str:
    """The verdict and kind filters of a page (one per page); their CSS rules (`FILTER_CSS`)
    go in the page's head: the app's Content-Security-Policy allows inline styles and no
    script at all."""
    return filter_bar(c for s in stories for c in s.claims)


def _counts(story: Story) -> dict[str, int]:
    out = {"conflicting": 0, "corroborated": 0, "single_source": 0}
    for c in story.claims:
        out[c.verdict] = out.get(c.verdict, 0) + 1
    return out


def story_body(story: Story, report: Report, *, pages: bool) -> str:
    """One story: summary, groups, provenance graph, claims (conflicts first), omissions,
    then the article texts with highlights (the targets of the claim links)."""
    arts = article_index(report)
    n = _counts(story)
    sid = slug(story.id)
    langs = sorted({arts[a].language for a in story.articles if a in arts})
    dates = sorted(p for a in story.articles if a in arts and (p := arts[a].published))
    when = f"{dates[0][:10]} – {dates[-1][:10]}" if dates else "undated"
    summary = (
        f'<p class="summary">{len(story.articles)} articles · '
        f"{story.independent_sources} independent sources · languages {_e(', '.join(langs))} · "
        f"{_e(when)}</p>"
        '<ul class="tally">'
        f'<li><a href="#conflicting-{sid}"><mark class="v-conflicting">{n["conflicting"]} '
        "conflicting</mark></a></li>"
        + (
            f'<li><a href="#possible_conflict-{sid}"><mark class="v-conflicting">'
            f"{n['possible_conflict']} possible</mark></a></li>"
            if n.get("possible_conflict")
            else ""
        )
        + f'<li><a href="#corroborated-{sid}"><mark class="v-corroborated">{n["corroborated"]} '
        "corroborated</mark></a></li>"
        f'<li><a href="#single_source-{sid}"><mark class="v-single_source">'
        f"{n['single_source']} single-source</mark></a></li></ul>"
    )
    texts = "".join(_article_html(a, report, arts) for a in report.articles)
    return "\n".join(
        [
            f'<section class="story" id="story-{sid}">',
            f'<h1 dir="auto">{_e(story.title)}</h1>',
            summary,
            _groups_html(story, arts, pages=pages),
            _provenance_html(story, arts).replace("<h3", "<h2", 1).replace("</h3>", "</h2>", 1),
            _claims_html(story, arts),
            _omissions_html(story, arts),
            f'<h2 id="texts-{sid}">Article texts</h2>',
            '<p class="legend">Highlights: <mark class="v-conflicting">conflicting</mark> '
            '<mark class="v-corroborated">corroborated</mark> '
            '<mark class="v-single_source">single source</mark></p>',
            f'<div class="texts">{texts}</div>',
            "</section>",
        ]
    )


def story_page(report: Report) -> str:
    story = report.stories[0]
    api = f"/api/stories/{quote(story.id, safe='')}"
    crumbs = (
        '<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Stories</a> › '
        f'<span dir="auto">{_e(story.title)}</span> · <a href="{api}">as JSON</a></nav>'
    )
    body = crumbs + claim_filters([story]) + story_body(story, report, pages=True)
    return layout(story.title, body, active="stories", style=FILTER_CSS)


# -- article page ----------------------------------------------------------------------------


def _article_claims(article: Article, story: Story | None) -> list[tuple[Claim, list[int]]]:
    if story is None:
        return []
    out = []
    for c in story.claims:
        idx = [i for i, m in enumerate(c.mentions) if m.article == article.id]
        if idx:
            out.append((c, idx))
    return out


def article_page(article: Article, report: Report) -> str:
    story = report.stories[0] if report.stories else None
    arts = article_index(report)
    lang = _lang_attr(article.language)
    meta: list[tuple[str, str]] = [("Id", _e(article.id))]
    if article.outlet:
        meta.append(("Outlet", _e(article.outlet)))
    meta.append(("Language", _e(article.language)))
    meta.append(("Published", _e(article.published or "unknown")))
    meta.append(("Source", _e(article.source)))
    if article.url:
        meta.append(("URL", _e(article.url)))  # as text: the app never links out
    d = article.derived_from
    if d is not None:
        original = arts.get(d.article)
        name = _e(original.title) if original else _e(d.article)
        direction = "" if d.direction == "derived" else ", direction unknown"
        meta.append(
            (
                "Derived from",
                f'{_e(d.relation)} of <a href="{article_url(d.article)}">{name}</a> '
                f"(score {d.score:.2f}{direction})"
                + (f'<br><span class="note">{_e(d.evidence)}</span>' if d.evidence else ""),
            )
        )
    else:
        meta.append(("Derived from", "nothing found: an original or independent report"))
    derived = derivatives_of(article.id, report)
    if derived:
        links = "".join(
            f'<li><a href="{article_url(a.id)}">{_e(a.title or a.id)}</a> '
            f'<span class="note">{_e(a.derived_from.relation if a.derived_from else "")}'
            f"{' · ' + _e(a.outlet) if a.outlet else ''}</span></li>"
            for a in derived
        )
        meta.append(("Derivatives", f"<ul>{links}</ul>"))
    else:
        meta.append(("Derivatives", "none found"))
    if story is not None:
        meta.append(("Story", f'<a href="{story_url(story.id)}">{_e(story.title)}</a>'))

    found = _article_claims(article, story)
    spans: list[tuple[int, int, str, str]] = [
        (
            c.mentions[i].start,
            c.mentions[i].end,
            c.verdict,
            f"{c.id} {claim_label(c)} ({c.verdict})",
        )
        for c, idx in found
        for i in idx
    ]
    rows = []
    for c, idx in found:
        link = (
            f'<a href="{story_url(story.id)}#{_claim_anchor(story, c.id)}">{_e(claim_label(c))}</a>'
            if story
            else _e(claim_label(c))
        )
        spans_html = "<br>".join(
            f'<a href="#t-{slug(article.id)}-{c.mentions[i].start}-{c.mentions[i].end}">'
            f"“{_e(c.mentions[i].text)}”</a>"
            for i in idx
        )
        rows.append(
            f'<tr><td>{link}</td><td><mark class="v-{_e(c.verdict)}">{_e(c.verdict)}</mark></td>'
            f"<td>{spans_html}</td></tr>"
        )
    claims_html = (
        '<div class="table-wrap"><table><thead><tr><th>Claim</th><th>Verdict</th>'
        f"<th>Here</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        if rows
        else '<p class="note">No claims found in this article.</p>'
    )
    removed = (
        "<details><summary>Removed during cleaning "
        f'({len(article.removed)} lines)</summary><ul{lang} dir="auto">'
        + "".join(f"<li>{_e(r)}</li>" for r in article.removed)
        + "</ul></details>"
        if article.removed
        else '<p class="note">Nothing was removed during cleaning.</p>'
    )
    crumbs = '<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Stories</a> › '
    if story is not None:
        crumbs += f'<a href="{story_url(story.id)}">{_e(story.title)}</a> › '
    crumbs += (
        f'<span dir="auto">{_e(arts.name(article.id))}</span> · <a href="/api/articles/'
        f'{quote(article.id, safe="")}">as JSON</a></nav>'
    )
    body = "\n".join(
        [
            crumbs,
            f'<article class="article" id="article-{slug(article.id)}">',
            f'<h1{lang} dir="auto">{_e(article.title or article.id)}</h1>',
            "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>",
            f"<h2>Claims in this article ({len(found)})</h2>",
            claims_html,
            "<h2>Clean text</h2>",
            '<p class="legend">Highlights: <mark class="v-conflicting">conflicting</mark> '
            '<mark class="v-corroborated">corroborated</mark> '
            '<mark class="v-single_source">single source</mark></p>',
            f'<div class="text"{lang} dir="auto">{highlight(article.text, spans, article.id)}</div>',
            "<h2>Removed furniture</h2>",
            removed,
            "</article>",
        ]
    )
    return layout(article.title or article.id, body, active="stories")


# -- compare ---------------------------------------------------------------------------------


def compare_form(error: str | None = None, pasted: str = "") -> str:
    alert = f'<p class="error" role="alert" id="compare-error">{_e(error)}</p>' if error else ""
    body = f"""
<h1>Compare articles</h1>
<p>Paste or upload {MIN_ARTICLES} to {MAX_ARTICLES} articles about one event and get the
report: which claims independent sources corroborate, which conflict, which only one source
makes. Nothing is stored and nothing leaves this machine.</p>
{alert}
<form class="compare" method="post" action="/compare" enctype="multipart/form-data">
  <div class="field wide"><label for="c-text">Pasted articles</label>
    <p class="note" id="c-text-help">Separate articles with a line holding only
    <code>---</code>. The first line of each article is its title.</p>
    <textarea id="c-text" name="pasted" rows="14" aria-describedby="c-text-help">{_e(pasted)}</textarea></div>
  <div class="field wide"><label for="c-files">Or upload files</label>
    <p class="note" id="c-files-help">.txt, .html, .json or .jsonl; several at once.</p>
    <input id="c-files" name="files" type="file" multiple
      accept=".txt,.html,.htm,.json,.jsonl,text/plain,text/html,application/json"
      aria-describedby="c-files-help"></div>
  <div class="actions"><button type="submit">Compare</button></div>
</form>"""
    return layout("Compare", body, active="compare")


def compare_result(report: Report) -> str:
    """The compare report inside the app: every story with its in-page article texts."""
    parts = [
        '<nav class="crumbs" aria-label="Breadcrumb"><a href="/compare">Compare</a> › '
        "<span>result</span></nav>",
        f'<p class="summary" role="status">{len(report.articles)} articles · '
        f"{len(report.stories)} stor{'y' if len(report.stories) == 1 else 'ies'}</p>",
    ]
    if report.skipped:
        items = "".join(f"<li>{_e(s.source)}: {_e(s.reason)}</li>" for s in report.skipped)
        parts.append(f"<details open><summary>Skipped inputs</summary><ul>{items}</ul></details>")
    parts.append(claim_filters(report.stories))
    for story in report.stories:
        members = set(story.articles)
        sub = Report(
            articles=[a for a in report.articles if a.id in members],
            stories=[story],
            skipped=[],
            generator_version=report.generator_version,
        )
        parts.append(story_body(story, sub, pages=False))
    return layout("Compare result", "\n".join(parts), active="compare", style=FILTER_CSS)


# -- API docs --------------------------------------------------------------------------------


def api_docs(schema: dict[str, Any]) -> str:
    """The API reference rendered from the app's OpenAPI schema (no CDN, no script)."""
    rows = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, op in sorted(methods.items()):
            params = "".join(
                f"<li><code>{_e(p.get('name'))}</code> ({_e(p.get('in'))}): "
                f"{_e(p.get('description', ''))}</li>"
                for p in op.get("parameters", [])
            )
            body = ""
            ref = (
                op.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
                .get("$ref", "")
            )
            if ref:
                body = (
                    f"<p>JSON body: <code>{_e(ref.rsplit('/', 1)[-1])}</code> (see the schema)</p>"
                )
            rows.append(
                f'<section class="endpoint"><h2><code>{_e(method.upper())} {_e(path)}</code></h2>'
                f"<p>{_e(op.get('description') or op.get('summary', ''))}</p>{body}"
                + (f"<ul>{params}</ul>" if params else "")
                + "</section>"
            )
    info = schema.get("info", {})
    body = (
        f"<h1>API · {_e(info.get('title', ''))} {_e(info.get('version', ''))}</h1>"
        f"<p>{_e(info.get('description', ''))}</p>"
        '<p>Machine-readable: <a href="/openapi.json">OpenAPI schema (JSON)</a>. Errors answer '
        '<code>{"detail": "…"}</code> with a 4xx status.</p>' + "".join(rows)
    )
    return layout("API", body, active="api")
