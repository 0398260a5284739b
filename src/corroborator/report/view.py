"""What every renderer shows, and in which order, so terminal, Markdown and HTML agree.

The renderers differ only in markup. This module decides the content: conflicts first
(they are why a reader opens the report), then corroborated claims, then single-source
claims, then omissions; the sides of a conflict; the consensus value of a corroborated claim;
and safe lookups of articles by id (a report may reference an id it does not contain, and a
renderer must still produce output rather than a traceback).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from corroborator.model import Article, Claim, Mention, Report, Story
from corroborator.provenance.machine import FLAG_THRESHOLD
from corroborator.report.units import format_mention, format_value

# Section order of a story: conflicts before agreement, agreement before lone assertions.
VERDICT_ORDER = ("conflicting", "possible_conflict", "corroborated", "single_source")
#: Verdicts shown as conflict cards (each side's value with its articles and spans).
CONFLICT_VERDICTS = frozenset({"conflicting", "possible_conflict"})
VERDICT_TITLES = {
    "conflicting": "Conflicts",
    "possible_conflict": "Possible conflicts (lower confidence that the values are one fact)",
    "corroborated": "Corroborated",
    "single_source": "Single source",
}


@dataclass
class Side:
    """One value asserted in a conflicting claim, with the articles and mentions behind it."""

    label: str  # human reading of the value, e.g. "~45 min"
    value: float | str | None
    unit: str | None
    articles: list[str]
    mentions: list[Mention] = field(default_factory=list)
    text: str = ""  # exact span representing the side (first mention when not given)
    sources: int = 0  # independent groups backing the value (see `conflict_sides`)

    @property
    def sources_label(self) -> str:
        """ "1 independent source", "3 independent sources"."""
        return _plural(self.sources, "independent source", "independent sources")


_SAFE_ID = re.compile(r"[A-Za-z0-9-]")


def slug(value: str) -> str:
    """An HTML id fragment for any id: letters, digits and "-" kept, anything else "_hex_".

    Injective (distinct ids stay distinct), so anchors never collide.
    """
    return "".join(ch if _SAFE_ID.match(ch) else f"_{ord(ch):x}_" for ch in value) or "_"


def claims_by_verdict(story: Story) -> list[tuple[str, list[Claim]]]:
    """Claims grouped by verdict in `VERDICT_ORDER`; claim order within a group is kept.

    Claims with a verdict outside the contract (bad input) are appended as their own group so
    they are still visible rather than silently dropped.
    """
    groups: dict[str, list[Claim]] = {v: [] for v in VERDICT_ORDER}
    for claim in story.claims:
        groups.setdefault(str(claim.verdict), []).append(claim)
    ordered = [(v, groups[v]) for v in VERDICT_ORDER]
    ordered += [(v, cs) for v, cs in groups.items() if v not in VERDICT_ORDER]
    return ordered


def _as_str_list(obj: Any) -> list[str]:
    if not isinstance(obj, list):
        return []
    out: list[str] = []
    for item in obj:
        if isinstance(item, list):
            out.extend(str(x) for x in item)
        else:
            out.append(str(item))
    return out


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _same_value(mention: Mention, value: Any, unit: Any) -> bool:
    return mention.value == value and (unit is None or mention.unit == unit)


def _count(obj: Any) -> int | None:
    return obj if isinstance(obj, int) and not isinstance(obj, bool) and obj >= 0 else None


def by_group(articles: Iterable[str], story: Story | None) -> list[list[str]]:
    """The articles partitioned by the story's independent groups, in order of first
    appearance; an article in no group (or any article when the story is unknown) is a group
    of its own."""
    group_of: dict[str, int] = {}
    if story is not None:
        for i, group in enumerate(story.independent_groups):
            for aid in group:
                group_of.setdefault(aid, i)
    parts: dict[tuple[int, str], list[str]] = {}
    for aid in _unique(list(articles)):
        key = (group_of[aid], "") if aid in group_of else (-1, aid)
        parts.setdefault(key, []).append(aid)
    return list(parts.values())


def count_groups(articles: Iterable[str], story: Story | None) -> int:
    """How many independent groups of `story` the articles belong to (see `by_group`)."""
    return len(by_group(articles, story))


def conflict_sides(claim: Claim, story: Story | None = None) -> list[Side]:
    """The distinct values of a claim, one `Side` each, with the mentions that assert it.

    Uses `claim.sides` when the compare step filled it (see schema.json: each side has
    `value`, `unit`, `articles`, `text`, optionally `groups` and `mentions` indexes); the
    mentions of a side are, in order of preference, those indexed by `mentions`, those from
    the side's articles carrying the side's value, or all mentions from the side's articles.
    Without `sides`, mentions are grouped by (value, unit) in order of first appearance.

    `Side.sources`, the independent groups backing a value, is the side's `support` when
    given, else the number of its `groups`, else counted from the story's independence groups
    (`count_groups`; without the story, each article counts as one source).
    """
    sides: list[Side] = []
    for raw in claim.sides:
        if not isinstance(raw, dict):
            continue
        value = raw.get("value")
        unit = raw.get("unit")
        if not isinstance(value, int | float | str) or isinstance(value, bool):
            value = None
        unit = unit if isinstance(unit, str) else None
        articles = _unique(_as_str_list(raw.get("articles")) + _as_str_list(raw.get("groups")))
        indexes = raw.get("mentions")
        mentions: list[Mention] = []
        if isinstance(indexes, list):
            mentions = [
                claim.mentions[i]
                for i in indexes
                if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(claim.mentions)
            ]
        if not mentions:
            in_side = [m for m in claim.mentions if m.article in articles]
            mentions = [m for m in in_side if _same_value(m, value, unit)] or in_side
        if not articles:
            articles = _unique([m.article for m in mentions])
        text = raw.get("text")
        if not isinstance(text, str):
            text = mentions[0].text if mentions else ""
        approximate = bool(mentions) and all(m.approximate for m in mentions)
        label = format_value(value, unit, kind=claim.kind, approximate=approximate)
        if value is None and mentions:
            label = format_mention(mentions[0], claim.kind)
        published = raw.get("published")
        if isinstance(published, str) and published:
            label += f" (as of {published.replace('T', ' ')[:16]})"
        sources = _count(raw.get("support"))
        if sources is None and isinstance(raw.get("groups"), list) and raw["groups"]:
            sources = len(raw["groups"])
        if sources is None:
            sources = count_groups(articles, story)
        sides.append(Side(label, value, unit, articles, mentions, text, sources))
    if sides:
        return sides
    by_value: dict[tuple[str, str], Side] = {}
    for m in claim.mentions:
        # repr keeps 300 and "300" apart while giving a hashable, deterministic key.
        key = (repr(m.value) if m.value is not None else repr((m.low, m.high)), repr(m.unit))
        side = by_value.get(key)
        if side is None:
            side = Side(format_mention(m, claim.kind), m.value, m.unit, [], [], m.text)
            by_value[key] = side
        side.mentions.append(m)
        if m.article not in side.articles:
            side.articles.append(m.article)
    for side in by_value.values():
        side.sources = count_groups(side.articles, story)
    return list(by_value.values())


def claim_label(claim: Claim) -> str:
    """What a reader sees as the claim's name: its label, else its key."""
    return claim.label or claim.key


def value_summary(claim: Claim) -> str:
    """The value(s) a claim's mentions state, distinct human readings joined by " / "."""
    labels = _unique([format_mention(m, claim.kind) for m in claim.mentions])
    return " / ".join(labels) if labels else "—"


def claim_articles(claim: Claim) -> list[str]:
    """Article ids that mention the claim, in mention order, without repeats."""
    return _unique([m.article for m in claim.mentions])


# --- readable article names ----------------------------------------------------------------

#: Longest outlet part of a name, and the title part added when two articles share an outlet.
MAX_OUTLET = 40
NAME_TITLE = 32


def _flat(text: object) -> str:
    return " ".join(str(text).split()) if text else ""


def _cut(text: str, limit: int) -> str:
    flat = _flat(text)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _host(url: str | None) -> str:
    """ "dunmore-post.example" for "https://www.dunmore-post.example/news/x"; "" when none."""
    if not url or "://" not in url:
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def source_outlet(article: Article) -> str:
    """Who published the article, for people: its outlet (metadata or copyright line), else
    the host of its URL, else the host of a URL source, else the file name of its source
    ("04-abendzeitung-de.txt", "feed.jsonl:3", "pasted article 2"), else its id."""
    for candidate in (article.outlet, _host(article.url)):
        if _flat(candidate):
            return _cut(str(candidate), MAX_OUTLET)
    source = _flat(article.source)
    host = _host(source.split("#", 1)[-1] if "#" in source else source)
    if host:
        return _cut(host, MAX_OUTLET)
    parts = [p for p in re.split(r"[/\\]", source) if p]
    return _cut(parts[-1], MAX_OUTLET) if parts else article.id


class ArticleIndex(dict[str, Article]):
    """Articles by id (report order; on duplicate ids the first wins) with readable names.

    `name(id)` is unique within the index and deterministic (it depends only on the articles
    and their order): the article's outlet (`source_outlet`) when no other article shares it,
    else "Outlet · short title", and " (2)", " (3)" … when that still repeats. Reports show
    names where a person reads; ids stay in the JSON and in the anchors.
    """

    def __init__(self, articles: Iterable[Article] = ()):
        super().__init__()
        for article in articles:
            self.setdefault(article.id, article)
        outlets = {aid: source_outlet(a) for aid, a in self.items()}
        shared = Counter(outlets.values())
        self._names: dict[str, str] = {}
        self._short: dict[str, str] = {}
        self._titled: set[str] = set()
        used: set[str] = set()
        for aid, article in self.items():
            name = outlets[aid]
            if shared[name] > 1 and _flat(article.title):
                name = f"{name} · {_cut(article.title, NAME_TITLE)}"
                self._titled.add(aid)
            suffix = ""
            if name in used:
                k = 2
                while f"{name} ({k})" in used:
                    k += 1
                suffix = f" ({k})"
            used.add(name + suffix)
            self._names[aid] = name + suffix
            self._short[aid] = outlets[aid] + suffix

    def name(self, article_id: str) -> str:
        """The article's readable unique name; an id not in the index is returned as it is."""
        return self._names.get(article_id, article_id)

    def short(self, article_id: str) -> str:
        """The name without its title part ("Harbour Times", "Harbour Times (2)"), for places
        that show the title beside it (graph nodes)."""
        return self._short.get(article_id, article_id)

    def names(self, article_ids: Iterable[str]) -> list[str]:
        return [self.name(a) for a in article_ids]

    def outlet(self, article_id: str) -> str:
        article = self.get(article_id)
        return source_outlet(article) if article is not None else article_id

    def label(self, article_id: str, *, max_title: int = 60) -> str:
        """ "Outlet · Title" (the title cut to `max_title`); "a9 (not in report)" when the id
        is unknown."""
        article = self.get(article_id)
        if article is None:
            return f"{article_id} (not in report)"
        name = self._names[article_id]
        title = _cut(article.title, max_title)
        if article_id in self._titled or not title:
            return name
        return f"{name} · {title}"


def article_index(report: Report) -> ArticleIndex:
    """Articles by id with their readable names (`ArticleIndex`)."""
    return ArticleIndex(report.articles)


def index_of(articles: dict[str, Article]) -> ArticleIndex:
    """`articles` as an `ArticleIndex` (itself when it already is one)."""
    return articles if isinstance(articles, ArticleIndex) else ArticleIndex(articles.values())


def article_label(article: Article | None, article_id: str, *, max_title: int = 60) -> str:
    """ "Outlet · Title" for one article on its own (no other article to tell it from); an
    unknown id is shown as "a9 (not in report)". Prefer `ArticleIndex.label` in a report."""
    if article is None:
        return f"{article_id} (not in report)"
    return ArticleIndex([article]).label(article_id, max_title=max_title)


def derivation_note(article: Article | None, names: ArticleIndex | None = None) -> str:
    """ "copy of Coastal Daily, score 0.97" for a derivative (the original by its name in
    `names`, else by id), "" for an original or unknown article."""
    if article is None or article.derived_from is None:
        return ""
    d = article.derived_from
    original = names.name(d.article) if names is not None else d.article
    direction = "" if d.direction == "derived" else f", direction {d.direction}"
    return f"{d.relation} of {original}, score {d.score:.2f}{direction}"


def summary_counts(report: Report) -> dict[str, int]:
    """Header counts shared by every format."""
    claims = [c for s in report.stories for c in s.claims]
    return {
        "articles": len(report.articles),
        "stories": len(report.stories),
        "skipped": len(report.skipped),
        "claims": len(claims),
        "conflicts": sum(1 for c in claims if c.verdict == "conflicting"),
        "possible_conflicts": sum(1 for c in claims if c.verdict == "possible_conflict"),
        "corroborated": sum(1 for c in claims if c.verdict == "corroborated"),
        "single_source": sum(1 for c in claims if c.verdict == "single_source"),
    }


def locate_in_sentence(mention: Mention, article: Article | None) -> tuple[int, int] | None:
    """Where the mention span sits inside `mention.sentence`, as (start, end), or None.

    Prefers the article offsets (the sentence found in the article text around `start`), so a
    value that occurs twice in a sentence highlights the right occurrence; falls back to the
    first occurrence of the span text in the sentence.
    """
    sentence, span = mention.sentence, mention.text
    if not sentence or not span:
        return None
    if article is not None and 0 <= mention.start <= mention.end <= len(article.text):
        lo = max(0, mention.end - len(sentence))
        pos = article.text.find(sentence, lo)
        if 0 <= pos <= mention.start and mention.end <= pos + len(sentence):
            rel = mention.start - pos
            if sentence[rel : rel + len(span)] == span:
                return rel, rel + len(span)
    pos = sentence.find(span)
    return (pos, pos + len(span)) if pos >= 0 else None


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def counts_line(report: Report) -> str:
    """ "6 articles · 2 stories · 1 skipped input · 1 conflict · …", the header of every format."""
    n = summary_counts(report)
    return " · ".join(
        [
            _plural(n["articles"], "article", "articles"),
            _plural(n["stories"], "story", "stories"),
            _plural(n["skipped"], "skipped input", "skipped inputs"),
            _plural(n["conflicts"], "conflict", "conflicts"),
            *(
                [_plural(n["possible_conflicts"], "possible conflict", "possible conflicts")]
                if n["possible_conflicts"]
                else []
            ),
            f"{n['corroborated']} corroborated",
            f"{n['single_source']} single-source",
        ]
    )


# --- provenance ----------------------------------------------------------------------------

# An article's machine-made score (see `provenance.machine`) is worth a reader's attention from
# 0.5 up: about 2.4 artefact hits per 100 words (spinner words, untranslated fragments,
# stutters within a sentence, garbled phrases), or the language's own fluency model past its
# threshold where its precision was measured (cs, zh; see provenance/machine.py and
# bench/RESULTS.md mt_detect). Lower scores are still shown in the HTML article header (for
# audit) but not flagged.
MACHINE_FLAG_THRESHOLD = FLAG_THRESHOLD

# Line style of each relation in the provenance graph and its legend: the bytes are the same
# for a copy and a syndicated copy (solid), a rewrite keeps facts and structure (dashed), a
# translation changes the language (dotted); anything else (partial reuse) is dash-dot.
RELATION_STYLES: dict[str, str] = {
    "copy": "solid",
    "syndication": "solid",
    "rewrite": "dashed",
    "translation": "dotted",
    "partial": "dashdot",
}


@dataclass(frozen=True)
class ProvenanceEdge:
    """One `derived_from` link of a story: `derivative` was made from `original`.

    `direction` is "derived" when the evidence says which came first and "unknown" when it
    does not (then `original`/`derivative` are only the order the detector chose).
    """

    derivative: str
    original: str
    relation: str
    score: float
    direction: str
    evidence: str
    derivative_language: str | None = None
    original_language: str | None = None

    @property
    def known_direction(self) -> bool:
        return self.direction == "derived"

    @property
    def style(self) -> str:
        return RELATION_STYLES.get(self.relation, "dashdot")


def story_article_ids(story: Story) -> list[str]:
    """Every article id a story names (its `articles`, then group members), without repeats."""
    return _unique([*story.articles, *(aid for g in story.independent_groups for aid in g)])


def provenance_edges(story: Story, articles: dict[str, Article]) -> list[ProvenanceEdge]:
    """The derivation links of the story's articles, in the story's article order.

    An article whose `derived_from` names itself is ignored (bad input, not a link).
    """
    edges: list[ProvenanceEdge] = []
    for aid in story_article_ids(story):
        article = articles.get(aid)
        if article is None or article.derived_from is None:
            continue
        d = article.derived_from
        if d.article == aid:
            continue
        original = articles.get(d.article)
        edges.append(
            ProvenanceEdge(
                derivative=aid,
                original=str(d.article),
                relation=str(d.relation),
                score=float(d.score),
                direction=str(d.direction),
                evidence=str(d.evidence),
                derivative_language=article.language,
                original_language=original.language if original else None,
            )
        )
    return edges


def language_note(edge: ProvenanceEdge) -> str:
    """ "de ← en" (derivative ← original) when the two languages differ and are known, else ""."""
    a, b = edge.derivative_language, edge.original_language
    return f"{a} ← {b}" if a and b and a != b else ""


def direction_note(edge: ProvenanceEdge) -> str:
    """What a reader needs to know about direction: "de ← en", "direction unknown", both, or ""."""
    parts = [language_note(edge)] if language_note(edge) else []
    if not edge.known_direction:
        parts.append("direction unknown")
    return ", ".join(parts)


def edge_line(edge: ProvenanceEdge, names: ArticleIndex | None = None) -> str:
    """ "Dunmore Post ← Northshore Ledger syndication 1.00 (direction unknown)" (ids when no
    `names` are given: "a6 ← a2 translation 0.91 (de ← en)")."""
    note = direction_note(edge)
    der, orig = edge.derivative, edge.original
    if names is not None:
        der, orig = names.name(der), names.name(orig)
    base = f"{der} ← {orig} {edge.relation} {edge.score:.2f}"
    return f"{base} ({note})" if note else base


@dataclass(frozen=True)
class MachineNote:
    """An article's machine-made-text score with its evidence, and whether it is flagged."""

    article: str
    score: float
    evidence: tuple[str, ...]
    flagged: bool
    label: str  # "reads machine-translated 0.82"


def machine_note(article: Article | None) -> MachineNote | None:
    """The machine-made signal of an article, or None when the pipeline did not score it.

    Read with `getattr` so reports built before the signal existed still render. The wording
    follows the article's own derivation: a translation "reads machine-translated", a rewrite
    "reads machine-paraphrased", anything else "reads machine-made".
    """
    if article is None:
        return None
    score = getattr(article, "machine_score", None)
    if not isinstance(score, int | float) or isinstance(score, bool) or score != score:
        return None
    raw = getattr(article, "machine_evidence", None) or []
    evidence = tuple(str(e) for e in raw) if isinstance(raw, list | tuple) else (str(raw),)
    relation = article.derived_from.relation if article.derived_from else None
    kind = {"translation": "machine-translated", "rewrite": "machine-paraphrased"}.get(
        str(relation), "machine-made"
    )
    score = float(score)
    return MachineNote(
        article.id, score, evidence, score >= MACHINE_FLAG_THRESHOLD, f"reads {kind} {score:.2f}"
    )


def flagged_machine_notes(story: Story, articles: dict[str, Article]) -> list[MachineNote]:
    """Machine-made notes at or above `MACHINE_FLAG_THRESHOLD` for the story's articles."""
    notes = [machine_note(articles.get(aid)) for aid in story_article_ids(story)]
    return [n for n in notes if n is not None and n.flagged]
