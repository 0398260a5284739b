"""Typed records that cross pipeline steps.

Offsets (`start`, `end`) are always character offsets into `Article.text`, the cleaned body,
so that every verdict can point at the exact span a reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ClaimKind = Literal[
    "duration",
    "quantity",
    "percentage",
    "money",
    "date",
    "time",
    "quote",
    "attribution",
    "event",
]
Verdict = Literal["corroborated", "conflicting", "possible_conflict", "single_source"]
#: Version of the report contract (report/schema.json). "2": every claim carries `label` and
#: `explanation` (required), verdicts include `possible_conflict`, kinds include `time`;
#: `report.json.migrate` upgrades version-1 documents and stored payloads.
REPORT_SCHEMA_VERSION = "2"
Relation = Literal["copy", "syndication", "rewrite", "translation", "partial"]


def is_number(value: object) -> bool:
    """Whether a claim value is a real number (a bool is not one)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_vague_band(value: object, low: float | None, high: float | None, approximate: bool) -> bool:
    """A vague plural or scale ("dozens", "hundreds of", "tens of millions"): an approximate
    number that is the floor of a band spanning a factor of two or more ("dozens": 24-119)."""
    if not approximate or not all(is_number(x) for x in (value, low, high)):
        return False
    return low == value and high >= 2 * low > 0  # type: ignore[operator]


@dataclass(frozen=True)
class Skip:
    """An input we could not use, with the reason, so nothing is dropped silently."""

    source: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason}


@dataclass
class RawDocument:
    """What a reader yields: one article as found, before cleaning.

    Exactly one of `text` (plain text) or `html` is set.
    """

    source: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Derivation:
    """`article` is the original this article was derived from."""

    article: str
    relation: Relation
    score: float
    evidence: str
    direction: str = "derived"  # "derived" (this one is the derivative) or "unknown"
    # Aligned sentences as [index in the original, index in this article] pairs.
    alignment: list[list[int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "relation": self.relation,
            "score": round(self.score, 4),
            "evidence": self.evidence,
            "direction": self.direction,
            "alignment": [list(p) for p in self.alignment],
        }


@dataclass
class Article:
    id: str
    source: str
    title: str
    language: str
    published: str | None  # ISO date "YYYY-MM-DD" (or full ISO datetime when known)
    text: str
    removed: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None
    derived_from: Derivation | None = None
    machine_score: float | None = None  # provenance.machine: reads as machine-made, in [0, 1]
    machine_evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "language": self.language,
            "published": self.published,
            "url": self.url,
            "outlet": self.outlet,
            "text": self.text,
            "removed": list(self.removed),
            "derived_from": self.derived_from.to_dict() if self.derived_from else None,
            "machine_score": self.machine_score,
            "machine_evidence": list(self.machine_evidence),
        }


@dataclass
class Extraction:
    """One claim mention found in one article by an extractor.

    `key` is the normalised slot the value fills ("people evacuated", "fire duration",
    "quote: Anna Novak"). Alignment across articles compares `kind`, `unit`, `head` and
    `slot` (a short phrase naming what is measured, used for cross-lingual matching),
    never the value alone.

    Numeric values: `value` is the point value in the normalised unit; `low`/`high` the
    interval the wording allows ("about 90 minutes" -> 5400 with a tolerance band; "more than
    300" -> low=300, high=None). Dates: `value` is an ISO 8601 string. Quotes: `value` is the
    quoted text and `speaker` who said it.
    """

    kind: ClaimKind
    key: str
    start: int
    end: int
    text: str
    value: float | str | None
    unit: str | None = None
    approximate: bool = False
    low: float | None = None
    high: float | None = None
    head: str | None = None  # counted/measured noun, lemmatised and canonical ("people")
    slot: str = ""  # phrase describing what the value is about, for matching
    speaker: str | None = None
    sentence_index: int = -1
    # --- the claim frame (claims.frames fills these after extraction) ---
    #: who the sentence attributes the claim to ("police", "the ministry"), lower-cased head.
    holder: str | None = None
    #: names (capitalised words/runs) in the clause around the value: whose number it is.
    participants: tuple[str, ...] = ()
    #: a year stated in the sentence when it is not the publication year ("a quake in 2005"):
    #: the value belongs to another (background) event.
    event_year: int | None = None
    #: the day a dated clause puts the value on ("Monday's quake injured five"): the ISO date
    #: of a date stated with a day in the same sentence, and whether it was written with digits
    #: or a month (explicit) rather than a weekday resolved against the publication date.
    event_date: str | None = None
    event_date_explicit: bool = False
    #: whether that date was written with a weekday's name ("Saturday's quake"): two different
    #: weekday names are two days, whatever week each was resolved to.
    event_weekday: bool = False
    #: "negated" ("no one was hurt"), "hedged" ("could", "may", "proposed") or "" (asserted).
    modality: str = ""
    #: a readable label for a journalist ("people killed", "quake magnitude").
    label: str = ""
    #: whose figure it is when the text ties it to one named person ("Varga (41-2, 30 KOs)",
    #: "Roth, 33,"): folded surname, or None. Two figures of different owners are never
    #: one fact.
    owner: str | None = None
    #: a rate's denominator ("$14.95 a month" -> "month", "300 tests per day" -> "day"):
    #: two rates of different periods are never one fact.
    per: str | None = None
    #: the physical unit the text wrote ("yard" in "238 yards"), canonical, when `value` was
    #: converted to its base unit (`units.PHYSICAL_UNITS`); reports show a claim whose
    #: mentions all wrote one unit in that unit.
    stated_unit: str | None = None


@dataclass
class Mention:
    article: str
    text: str
    sentence: str
    start: int
    end: int
    value: float | str | None
    unit: str | None
    approximate: bool
    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "text": self.text,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "approximate": self.approximate,
            "low": self.low,
            "high": self.high,
        }


@dataclass
class Claim:
    id: str
    kind: ClaimKind
    key: str
    verdict: Verdict
    support: int
    mentions: list[Mention]
    # For conflicting claims: the distinct values, one entry per side, each naming its groups.
    sides: list[dict[str, Any]] = field(default_factory=list)
    label: str = ""  # readable name of the fact ("people killed")
    explanation: str = ""  # one line: why these mentions were put together

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "key": self.key,
            "label": self.label or self.key,
            "verdict": self.verdict,
            "support": self.support,
            "explanation": self.explanation,
            "sides": self.sides,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class Omission:
    claim: str
    articles: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "articles": list(self.articles)}


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]
    independent_groups: list[list[str]]
    claims: list[Claim] = field(default_factory=list)
    omissions: list[Omission] = field(default_factory=list)

    @property
    def independent_sources(self) -> int:
        return len(self.independent_groups)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "independent_groups": [list(g) for g in self.independent_groups],
            "independent_sources": self.independent_sources,
            "claims": [c.to_dict() for c in self.claims],
            "omissions": [o.to_dict() for o in self.omissions],
        }


@dataclass
class Report:
    articles: list[Article]
    stories: list[Story]
    skipped: list[Skip]
    generator_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": REPORT_SCHEMA_VERSION,
            "generator": {"name": "corroborator", "version": self.generator_version},
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
            "skipped": [s.to_dict() for s in self.skipped],
        }
