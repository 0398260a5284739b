"""Align claims across the independent groups of one story and give each a verdict.

Alignment is by *what a value is about*, never by the value alone:

1. Two mentions can only fill the same slot when they are of the same kind and unit family
   (money in different currencies is never compared).
2. A **strong** match: the same normalised key ("person evacuated", "fire duration",
   "quote: kovacs"), or, for counts, the same head class and the same event verb. Strongly
   matched mentions whose values are incompatible are a *conflict*.
3. A **weak** match: the key is partly unknown (a generic head such as "event", a count
   without its verb) but the slot phrases embed close together (cross-lingual USE). A weak
   match may only *corroborate*: it joins a slot only when its value agrees with a value
   already there and adds no new side, so an uncertain match never creates a false conflict.

Values are intervals: exact values are points, hedged values carry a tolerance band
(`approximate`), one-sided hedges ("more than 300") are half-open. Two mentions agree when
their intervals overlap (with a 0.5 % relative epsilon for rounding), so "about 90 minutes"
and "an hour and a half" agree, "45 minutes" and "three quarters of an hour" agree, and
"two days" against "about 30 hours" is a conflict.

Support counts independence groups (an original and its copies are one group), so a copy
agreeing with its original never makes a corroboration.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from corroborator.embed import Embedder
from corroborator.model import Article, Claim, Extraction, Mention, Omission

NUMERIC_KINDS = frozenset({"duration", "quantity", "percentage", "money"})
#: Default relative tolerance for an `approximate` value when the extractor gave no bounds.
APPROX_TOLERANCE = {"duration": 0.15, "quantity": 0.10, "percentage": 0.10, "money": 0.10}
#: Relative slack for rounding in exact values ("1.2 million" vs "1,215,000" is a conflict,
#: "33.3%" vs "33.33%" is not).
EPSILON = 0.005
#: Cosine between slot phrases above which two mentions are taken to be about the same thing
#: in a weak match (USE: paraphrases/translations of a short phrase ~0.6-0.9; unrelated <0.3).
SLOT_SIMILARITY = 0.6
#: Token overlap above which two quotes (or two attributed statements) are the same claim.
QUOTE_OVERLAP = 0.5
GENERIC_HEADS = frozenset({"", "event", "thing", "item", "unit"})
#: Heads that name people in general: "300 residents were evacuated" and "300 people were
#: evacuated" fill the same slot. Specific roles (firefighter, soldier) stay distinct.
PERSON_HEADS = frozenset(
    {
        "person",
        "people",
        "resident",
        "inhabitant",
        "villager",
        "local",
        "citizen",
        "civilian",
        "individual",
        "passenger",
        "traveller",
        "traveler",
    }
)
EMBEDDED_KINDS = frozenset({"duration", "percentage", "money", "date"})
#: Kinds for which "the others do not mention it" is informative. Dates are left out: the
#: event a date belongs to is too often unnamed or misnamed, which made false omissions.
OMISSION_KINDS = frozenset({"duration", "quantity", "percentage", "money"})
KIND_ORDER = {"conflicting": 0, "corroborated": 1, "single_source": 2}

_TOKEN = re.compile(r"\w+", re.UNICODE)


def head_class(head: str | None) -> str:
    h = (head or "").strip().lower()
    return "person" if h in PERSON_HEADS else h


def interval(e: Extraction) -> tuple[float, float]:
    """The range of values the wording allows."""
    if not isinstance(e.value, int | float) or isinstance(e.value, bool):
        return (math.nan, math.nan)
    v = float(e.value)
    if e.low is not None or e.high is not None:
        low = e.low if e.low is not None else -math.inf
        high = e.high if e.high is not None else math.inf
        return (float(low), float(high))
    if e.approximate:
        tol = abs(v) * APPROX_TOLERANCE.get(e.kind, 0.1)
        return (v - tol, v + tol)
    return (v, v)


def numbers_agree(a: Extraction, b: Extraction) -> bool:
    la, ha = interval(a)
    lb, hb = interval(b)
    if math.isnan(la) or math.isnan(lb):
        return False
    scale = (
        max(abs(x) for x in (la, ha, lb, hb) if math.isfinite(x))
        if any(math.isfinite(x) for x in (la, ha, lb, hb))
        else 0.0
    )
    eps = scale * EPSILON
    return la <= hb + eps and lb <= ha + eps


def dates_agree(a: Extraction, b: Extraction) -> bool:
    """ISO dates of any precision agree when one is a prefix of the other ("2026-03" and
    "2026-03-14"); approximate dates (a week, a month) agree within 7 days."""
    va, vb = str(a.value or ""), str(b.value or "")
    if not va or not vb:
        return False
    if va.startswith(vb) or vb.startswith(va):
        return True
    if (a.approximate or b.approximate) and len(va) >= 10 and len(vb) >= 10:
        from datetime import date

        try:
            da, db = date.fromisoformat(va[:10]), date.fromisoformat(vb[:10])
        except ValueError:
            return False
        return abs((da - db).days) <= 7
    return False


@lru_cache(maxsize=16384)
def _token_set(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.lower()))


def texts_overlap(a: str, b: str) -> float:
    ta, tb = _token_set(a), _token_set(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def values_agree(a: Extraction, b: Extraction) -> bool:
    if a.kind in NUMERIC_KINDS:
        return numbers_agree(a, b)
    if a.kind == "date":
        return dates_agree(a, b)
    return texts_overlap(str(a.value or ""), str(b.value or "")) >= QUOTE_OVERLAP


def _verb(e: Extraction) -> str:
    head = (e.head or "").lower()
    key = e.key.lower()
    return key[len(head) :].strip() if head and key.startswith(head) else ""


def _unit_family(e: Extraction) -> str:
    return f"{e.kind}:{e.unit or ''}" if e.kind in ("money", "percentage", "duration") else e.kind


@dataclass
class _Item:
    article: str
    group: int
    ext: Extraction
    ref_day: str = ""  # the article's publication day: relative dates were resolved against it
    vec: np.ndarray | None = None


#: Relative dates ("on Thursday", "last week") resolved against two different publication
#: days may name the same day differently (a rewrite published a day later keeps "Thursday");
#: between such mentions only a gap beyond this many days is a conflict.
RELATIVE_DATE_SLACK_DAYS = 7


def _is_relative(e: Extraction) -> bool:
    return not any(ch.isdigit() for ch in e.text)


def items_agree(x: _Item, y: _Item) -> bool:
    """values_agree, plus the relative-date rule (RELATIVE_DATE_SLACK_DAYS)."""
    if values_agree(x.ext, y.ext):
        return True
    if (
        x.ext.kind == "date"
        and x.ref_day != y.ref_day
        and (_is_relative(x.ext) or _is_relative(y.ext))
    ):
        from datetime import date

        try:
            dx = date.fromisoformat(str(x.ext.value)[:10])
            dy = date.fromisoformat(str(y.ext.value)[:10])
        except ValueError:
            return False
        return abs((dx - dy).days) <= RELATIVE_DATE_SLACK_DAYS
    return False


@dataclass
class _Slot:
    items: list[_Item] = field(default_factory=list)

    @property
    def first(self) -> Extraction:
        return self.items[0].ext


def match_strength(a: _Item, b: _Item) -> str | None:
    """'strong', 'weak' or None: can `b` fill the same slot as `a`? (see module docstring)"""
    ea, eb = a.ext, b.ext
    if ea.kind != eb.kind or _unit_family(ea) != _unit_family(eb):
        return None
    if ea.kind in ("quote", "attribution"):
        if ea.key.lower() != eb.key.lower():
            return None
        return "strong" if values_agree(ea, eb) else None
    if ea.kind == "quantity":
        ha, hb = head_class(ea.head), head_class(eb.head)
        if ha != hb or ha in GENERIC_HEADS:
            return None
        va, vb = _verb(ea), _verb(eb)
        if va and vb:
            return "strong" if va == vb else None
        return "weak"
    if ea.key.lower() == eb.key.lower() and head_class(ea.head) not in GENERIC_HEADS:
        return "strong"
    if a.vec is not None and b.vec is not None and float(a.vec @ b.vec) >= SLOT_SIMILARITY:
        return "weak"
    return None


def _joins_without_new_side(slot: _Slot, item: _Item) -> bool:
    """A weak match may add support to a value already in the slot, never a new value."""
    return any(items_agree(o, item) for o in slot.items) and len(
        _sides([*slot.items, item])
    ) == len(_sides(slot.items))


def _join_key(item: _Item) -> tuple[str, ...] | None:
    """The bucket of slots `item` may join (None: it can join none).

    A necessary condition of `match_strength(first, item)` against a slot's first item, so
    looking only at that bucket gives the same result as trying every slot (the check is
    linear in the story's claims instead of quadratic).
    """
    e = item.ext
    family = _unit_family(e)
    if e.kind in ("quote", "attribution"):
        return ("key", family, e.key.lower())
    if e.kind == "quantity":
        head = head_class(e.head)
        return None if head in GENERIC_HEADS else ("head", family, head)
    if item.vec is None:  # without a vector only the same key can match
        return ("key", family, e.key.lower())
    return ("family", family)


def _slot_keys(first: _Item) -> list[tuple[str, ...]]:
    """The buckets a slot founded by `first` is listed under (see `_join_key`)."""
    e = first.ext
    family = _unit_family(e)
    if e.kind in ("quote", "attribution"):
        return [("key", family, e.key.lower())]
    if e.kind == "quantity":
        head = head_class(e.head)
        return [] if head in GENERIC_HEADS else [("head", family, head)]
    return [("key", family, e.key.lower()), ("family", family)]


def _assign(slots: list[_Slot], item: _Item, buckets: dict[tuple[str, ...], list[int]]) -> None:
    best: tuple[int, int] | None = None  # (rank, index): strong before weak, earliest slot
    key = _join_key(item)
    for idx in buckets.get(key, []) if key is not None else []:
        slot = slots[idx]
        strengths = [match_strength(other, item) for other in slot.items]
        if any(s is None for s in strengths):
            continue
        if "weak" in strengths and not _joins_without_new_side(slot, item):
            continue
        rank = 0 if all(s == "strong" for s in strengths) else 1
        if best is None or (rank, idx) < best:
            best = (rank, idx)
    if best is None:
        slots.append(_Slot([item]))
        for k in _slot_keys(item):
            buckets.setdefault(k, []).append(len(slots) - 1)
    else:
        slots[best[1]].items.append(item)


def _sides(items: list[_Item]) -> list[list[_Item]]:
    """Partition mentions into sides of mutually agreeing values (first-come, deterministic)."""
    sides: list[list[_Item]] = []
    for it in items:
        for side in sides:
            if all(items_agree(o, it) for o in side):
                side.append(it)
                break
        else:
            sides.append([it])
    return sides


def _display_value(e: Extraction) -> Any:
    if isinstance(e.value, float) and e.value.is_integer():
        return int(e.value)
    return e.value


def _mention(item: _Item, articles: Mapping[str, Article]) -> Mention:
    e = item.ext
    art = articles[item.article]
    if 0 <= e.sentence_index < len(art.sentences):
        sentence = art.sentences[e.sentence_index].text
    else:
        sentence = next((s.text for s in art.sentences if s.start <= e.start < s.end), e.text)
    return Mention(
        article=item.article,
        text=e.text,
        sentence=sentence,
        start=e.start,
        end=e.end,
        value=_display_value(e),
        unit=e.unit,
        approximate=e.approximate,
        low=e.low,
        high=e.high,
    )


def align_story(
    groups: Sequence[Sequence[str]],
    extractions: Mapping[str, Sequence[Extraction]],
    articles: Mapping[str, Article],
    embedder: Embedder | None,
) -> list[Claim]:
    """Claims for one story, conflicts first (without ids: the caller numbers them).

    `groups` are the independence groups in story order; `extractions` maps article id to
    its extractions in text order.
    """
    items: list[_Item] = []
    for g, members in enumerate(groups):
        for aid in members:
            ref = (articles[aid].published or "")[:10] if aid in articles else ""
            items.extend(_Item(aid, g, e, ref) for e in extractions.get(aid, ()))
    # Only kinds that can weak-match by slot phrase need a vector (counts match on head and
    # verb, quotes and attributions on key and words): embedding the rest is wasted time.
    needs_vec = [it for it in items if it.ext.kind in EMBEDDED_KINDS]
    if embedder is not None and needs_vec:
        vecs = embedder.encode([it.ext.slot or it.ext.key for it in needs_vec])
        for it, v in zip(needs_vec, vecs, strict=True):
            it.vec = v
    slots: list[_Slot] = []
    buckets: dict[tuple[str, ...], list[int]] = {}
    for it in items:
        _assign(slots, it, buckets)

    claims: list[tuple[tuple[int, int], Claim]] = []
    for order, slot in enumerate(slots):
        groups_in = {it.group for it in slot.items}
        sides = (
            _sides(slot.items) if slot.first.kind not in ("quote", "attribution") else [slot.items]
        )
        mentions = [_mention(it, articles) for it in slot.items]
        if len(sides) > 1:
            verdict = "conflicting"
            support = max(len({it.group for it in side}) for side in sides)
        else:
            verdict = "corroborated" if len(groups_in) > 1 else "single_source"
            support = len(groups_in)
        side_dicts = []
        if verdict == "conflicting":
            for side in sides:
                side_dicts.append(
                    {
                        "value": _display_value(side[0].ext),
                        "unit": side[0].ext.unit,
                        "support": len({it.group for it in side}),
                        "articles": sorted({it.article for it in side}, key=_article_order(groups)),
                        "text": side[0].ext.text,
                    }
                )
        claim = Claim(
            id="",
            kind=slot.first.kind,
            key=slot.first.key,
            verdict=verdict,  # type: ignore[arg-type]
            support=support,
            mentions=mentions,
            sides=side_dicts,
        )
        claims.append(((KIND_ORDER[verdict], order), claim))
    claims.sort(key=lambda t: t[0])
    return [claim for _, claim in claims]


def omissions_for(claims: Sequence[Claim], groups: Sequence[Sequence[str]]) -> list[Omission]:
    """For every checkable, named claim, the articles of independent groups that do not
    mention it (quotes and attributions are not "omitted": outlets choose different ones)."""
    out: list[Omission] = []
    if len(groups) < 2:
        return out
    group_of = {aid: g for g, members in enumerate(groups) for aid in members}
    for claim in claims:
        if claim.kind not in OMISSION_KINDS or _generic_key(claim.key):
            continue
        present = {group_of[m.article] for m in claim.mentions if m.article in group_of}
        missing = [aid for g, members in enumerate(groups) if g not in present for aid in members]
        if missing:
            out.append(Omission(claim.id, missing))
    return out


def _generic_key(key: str) -> bool:
    """ "event date": nobody can be said to omit a slot we could not name."""
    return key.split(" ", 1)[0] in GENERIC_HEADS


def _article_order(groups: Sequence[Sequence[str]]) -> Any:
    order = {aid: i for i, aid in enumerate(a for g in groups for a in g)}
    return lambda aid: order.get(aid, len(order))
