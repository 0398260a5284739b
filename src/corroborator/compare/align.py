"""Align claims across the independent groups of one story and give each a verdict.

Alignment is by *what a value is about*, never by the value alone:

1. Two mentions can only fill the same slot when they are of the same kind and unit family
   (money in different currencies is never compared).
2. Values (counts, durations, money, percentages, dates, times) are grouped by a learned
   pairwise matcher over claim frames and text (`compare.matcher`), clustered twice: agreeing
   values into sides, then sides of disagreeing values into one fact when the link between
   them is strong enough; frames that differ (another counted thing, year or day) never make
   one fact (see `_cluster_values`).
3. Quotes are one claim when they have the same speaker key and overlapping words; they
   corroborate and never conflict (outlets quote different sentences).

Values are intervals: exact values are points, hedged values carry a tolerance band
(`approximate`), one-sided hedges ("more than 300") are half-open. Two mentions agree when
their intervals overlap (with a 0.5 % relative epsilon for rounding), so "about 90 minutes"
and "an hour and a half" agree, "45 minutes" and "three quarters of an hour" agree, and
"two days" against "about 30 hours" is a conflict.

Support counts independence groups (an original and its copies are one group), so a copy
agreeing with its original never makes a corroboration.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from corroborator.claims.dates import YEARLESS, in_unknown_week
from corroborator.claims.extract import stamp_date
from corroborator.claims.frames import EVENT_CLASSES, GENERIC_HEADS, fold, weekday_named
from corroborator.claims.lang import get_lexicon, words_of_every_language
from corroborator.claims.quantities import EDITION, TIME_LEFT, generic_place
from corroborator.claims.scores import RESULT_SLOT
from corroborator.compare.labels import LABEL_LANGUAGES, parsed_label, when_anchor
from corroborator.compare.matcher import (
    WORD,
    MatcherModel,
    MatchItem,
    adjacent_words,
    context_words,
    default_model,
    head_class,
    pair_feature_matrix,
    unit_family,
    value_codes,
    verb_of,
)
from corroborator.compare.owners import owner_aliases, parsed_owners, parsed_scope_attached
from corroborator.compare.values import date_interval
from corroborator.config import AlignSettings, settings
from corroborator.embed import Embedder
from corroborator.model import (
    Article,
    Claim,
    Extraction,
    Mention,
    Omission,
    is_number,
    is_vague_band,
)
from corroborator.units import PHYSICAL_UNITS, SHOWN_SYMBOL

NUMERIC_KINDS = frozenset({"duration", "quantity", "percentage", "money"})
#: Default relative tolerance for an `approximate` value when the extractor gave no bounds.
APPROX_TOLERANCE = {"duration": 0.15, "quantity": 0.10, "percentage": 0.10, "money": 0.10}
#: Relative slack for rounding in exact values ("1.2 million" vs "1,215,000" is a conflict,
#: "33.3%" vs "33.33%" is not).
EPSILON = 0.005
#: Token overlap above which two quotes (or two attributed statements) are the same claim.
QUOTE_OVERLAP = 0.5
#: Kinds for which "the others do not mention it" is informative. Dates are left out: the
#: event a date belongs to is too often unnamed or misnamed, which made false omissions.
OMISSION_KINDS = frozenset({"duration", "quantity", "percentage", "money"})
KIND_ORDER = {"conflicting": 0, "possible_conflict": 1, "corroborated": 2, "single_source": 3}

_TOKEN = re.compile(r"\w+", re.UNICODE)


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
        tol = _hedge_tolerance(e, v)
        return (v - tol, v + tol)
    return (v, v)


def _hedge_tolerance(e: Extraction, v: float) -> float:
    """How far either side of `v` a hedge ("about", "around") lets `e`'s kind of value lie."""
    return abs(v) * APPROX_TOLERANCE.get(e.kind, 0.1)


def _rounded(e: Extraction) -> bool:
    """An approximation with a band on both sides ("about 600 metres"), not a bound."""
    return (
        bool(e.approximate)
        and isinstance(e.value, int | float)
        and not isinstance(e.value, bool)
        and e.low is not None
        and e.high is not None
        and math.isfinite(e.low)
        and math.isfinite(e.high)
        # "nearly $20 million" is a bound (its band ends at the value), not a rounding
        and e.low < float(e.value) < e.high
        # "20 to 30 firefighters" is a range: any value inside it agrees
        and _hedge_band(e)
    )


def _hedge_band(e: Extraction) -> bool:
    """Whether an approximate value's band is its hedge's tolerance ("about 40": 36-44), not a
    range written out ("35 to 40", "30 to 40")."""
    v = float(e.value)  # type: ignore[arg-type]
    tol = _hedge_tolerance(e, v)
    eps = max(abs(v), 1.0) * 1e-9
    return abs(float(e.low) - (v - tol)) <= eps and abs(float(e.high) - (v + tol)) <= eps  # type: ignore[arg-type]


def significant_digits(value: float) -> int:
    """Digits a figure states: 141 000 000 -> 3, 43 350 -> 4, 10 000 -> 1, 5.9 -> 2."""
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return len(text.replace(".", "").lstrip("0"))
    return len(text.lstrip("0").rstrip("0"))


#: The alignment settings in force (`config.AlignSettings`): `align_story` sets them from the
#: Settings tree once per story; outside it the defaults apply.
_DEFAULT_PARAMS = AlignSettings()  # frozen
PARAMS: ContextVar[AlignSettings] = ContextVar("align_params", default=_DEFAULT_PARAMS)
#: whether `scope_of` may check a scope phrase against the parse (`[claims] parse_owners`,
#: read once per story by `align_story`; off outside it)
_PARSE_SCOPES: ContextVar[bool] = ContextVar("parse_scopes", default=False)


def parse_scopes() -> bool:
    return _PARSE_SCOPES.get()


def _rounding_of(a: Extraction, b: Extraction) -> bool:
    """A round figure and a precise one that rounds to it, within `rounding_share` of it
    ("$36,000" / "$36,280", "$61,000 ring" / "$61,450"): the round figure is the same number
    written coarser. Small counts are left out (`rounding_min`: "10 dead" / "12 dead" differ)."""
    va, vb = a.value, b.value
    if not all(is_number(v) for v in (va, vb)) or not (_written_as_is(a) and _written_as_is(b)):
        return False
    fa, fb = float(va), float(vb)  # type: ignore[arg-type]
    par = PARAMS.get()
    if min(abs(fa), abs(fb)) < par.rounding_min or fa == fb or (fa > 0) != (fb > 0):
        return False
    da, db = significant_digits(fa), significant_digits(fb)
    if da == db:
        return False
    coarse, fine = (fa, fb) if da < db else (fb, fa)
    unit = 10.0 ** (math.floor(math.log10(abs(coarse))) - min(da, db) + 1)
    return abs(coarse - fine) <= unit / 2 and abs(coarse - fine) <= par.rounding_share * abs(coarse)


def _written_as_is(e: Extraction) -> bool:
    """Whether `e`'s value has the digits the article wrote: a sum of money or a bare count. A
    measure is kept in its family's base unit ("36 miles" as 57,936.384 m), whose digits say
    nothing of how precisely the article put it, so `_rounding_of` leaves measures out."""
    return e.kind == "money" or e.unit is None


def numbers_agree(a: Extraction, b: Extraction) -> bool:
    """Whether the two wordings allow one value. Two approximations agree when each one's
    value lies within the other's band ("about 600 m" / "some 700 m" do not, although their
    bands overlap: two rounded figures 15 % apart are two different figures)."""
    if _rounded(a) and _rounded(b):
        va, vb = float(a.value), float(b.value)  # type: ignore[arg-type]
        la, ha = interval(a)
        lb, hb = interval(b)
        eps = max(abs(va), abs(vb)) * EPSILON
        return lb - eps <= va <= hb + eps and la - eps <= vb <= ha + eps
    if _rounding_of(a, b):
        return True
    la, ha = interval(a)
    lb, hb = interval(b)
    if math.isnan(la) or math.isnan(lb):
        return False
    scale = (
        max(abs(x) for x in (la, ha, lb, hb) if math.isfinite(x))
        if any(math.isfinite(x) for x in (la, ha, lb, hb))
        else 0.0
    )
    eps = 0.0 if _game_clock(a) and _game_clock(b) else scale * EPSILON
    return la <= hb + eps and lb <= ha + eps


def dates_agree(a: Extraction, b: Extraction) -> bool:
    """Dates agree when the periods they name overlap ("2026-03" and "2026-03-14"; "2026-Q1"
    and "2026-02"; "199X" and "1995": `date_interval`); approximate dates (a week, a month)
    agree within 7 days. Values we cannot read as a period agree only by prefix."""
    va, vb = str(a.value or ""), str(b.value or "")
    if not va or not vb:
        return False
    if va.startswith(vb) or vb.startswith(va):
        return True
    if in_unknown_week(va) or in_unknown_week(vb):
        return va == vb  # a weekday of an unknown week agrees with the same weekday only
    if va.startswith(YEARLESS) or vb.startswith(YEARLESS):
        # "July 13" with no year known beside "July 13, 2009": the same day of some year
        return len(va) >= 10 and len(vb) >= 10 and va[4:10] == vb[4:10]
    ia, ib = date_interval(va), date_interval(vb)
    if ia is not None and ib is not None:
        slack = 7 if (a.approximate or b.approximate) else 0
        return ia[0] <= ib[1] + slack and ib[0] <= ia[1] + slack
    if (a.approximate or b.approximate) and len(va) >= 10 and len(vb) >= 10:
        try:
            da, db = date.fromisoformat(va[:10]), date.fromisoformat(vb[:10])
        except ValueError:
            return False
        return abs((da - db).days) <= 7
    return False


@lru_cache(maxsize=16384)
def _token_set(text: str) -> frozenset[str]:
    """Content words of a quote: words of four or more letters and numbers, not stop words.
    Function words ("an", "the", "about", "will", "und") say nothing about whether two quotes
    are one ("But we will look at it again" is not "It is about building something")."""
    stop = words_of_every_language("stopwords")
    return frozenset(
        t for t in _TOKEN.findall(text.lower()) if (len(t) >= 4 or t.isdigit()) and t not in stop
    )


#: content words two quotes must share to be one statement when neither stands whole in the
#: other: two ("Philadelphia", "think") are the topic of one speaker's different remarks
QUOTE_SHARED_WORDS = 3


def texts_overlap(a: str, b: str) -> float:
    """Share of the shorter quote's content words found in the other. A quote inside the other
    (a fragment) overlaps wholly; otherwise they must share `QUOTE_SHARED_WORDS` content words
    (one speaker's remarks on one event share a word or two: "anger", "the city")."""
    ta, tb = _token_set(a), _token_set(b)
    if not ta or not tb:
        return 0.0
    if _inner_run(a, b):
        return 1.0
    shared = len(ta & tb)
    if shared < QUOTE_SHARED_WORDS:
        return 0.0
    return shared / min(len(ta), len(tb))


def _minutes(value: object) -> int | None:
    text = str(value or "")
    if len(text) < 5 or text[2] != ":" or not (text[:2] + text[3:5]).isdigit():
        return None
    return int(text[:2]) * 60 + int(text[3:5])


def times_agree(a: Extraction, b: Extraction) -> bool:
    """Times of day ("HH:MM") agree within `approx_time_minutes` when either is hedged, else when
    equal. Two different stated zones ("local" against "GMT") cannot be compared without the
    place's offset: they do not agree, and `_pair_relations` keeps them from conflicting (an
    article giving "4:30 a.m. local time, 21:30 GMT" states two values, not one)."""
    ma, mb = _minutes(a.value), _minutes(b.value)
    if ma is None or mb is None:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False  # not comparable: `_pair_relations` keeps them from conflicting too
    gap = min(abs(ma - mb), 1440 - abs(ma - mb))
    # one minute either way is a convention, not a disagreement ("expires at midnight" /
    # "at 12:01 a.m.")
    slack = PARAMS.get().approx_time_minutes if (a.approximate or b.approximate) else 1
    return gap <= slack


def values_agree(a: Extraction, b: Extraction) -> bool:
    if a.kind in NUMERIC_KINDS:
        return numbers_agree(a, b)
    if a.kind == "date":
        return dates_agree(a, b)
    if a.kind == "time":
        return times_agree(a, b)
    return texts_overlap(str(a.value or ""), str(b.value or "")) >= QUOTE_OVERLAP


@dataclass
class _Item:
    article: str
    group: int
    ext: Extraction
    ref_day: str = ""  # the article's publication day: relative dates were resolved against it


def _is_relative(e: Extraction) -> bool:
    return not any(ch.isdigit() for ch in e.text)


def items_agree(x: _Item, y: _Item) -> bool:
    """values_agree, plus the relative-date rule: relative dates ("on Thursday", "last week")
    resolved against two different publication days may name the same day differently (a
    rewrite published a day later keeps "Thursday"), so between such mentions only a gap beyond
    `relative_date_slack_days` is a disagreement."""
    if values_agree(x.ext, y.ext):
        return True
    if (
        x.ext.kind == "date"
        and x.ref_day != y.ref_day
        and (_is_relative(x.ext) or _is_relative(y.ext))
    ):
        try:
            dx = date.fromisoformat(str(x.ext.value)[:10])
            dy = date.fromisoformat(str(y.ext.value)[:10])
        except ValueError:
            return False
        wx, wy = weekday_named(x.ext.text), weekday_named(y.ext.text)
        if wx and wy and dx.weekday() != dy.weekday():
            return False  # "on Thursday" / "on Friday": two days, whatever the week
        if wx != wy and dx.weekday() != dy.weekday():
            # a weekday's name against a day that does not move with the publication day
            # ("Thanksgiving", "Nov. 27"; unlike "yesterday", which a rewrite published a day
            # later keeps): "Monday" is never a Thursday
            other, day = (y, dy) if wx else (x, dx)
            try:
                moves = abs((day - date.fromisoformat(other.ref_day[:10])).days) <= 1
            except ValueError:
                moves = True
            if not moves:
                return False
        return abs((dx - dy).days) <= PARAMS.get().relative_date_slack_days
    return False


@dataclass
class _Slot:
    items: list[_Item] = field(default_factory=list)
    possible: bool = False  # a conflict whose sides are linked with less confidence

    @property
    def first(self) -> Extraction:
        return self.items[0].ext


#: the key of a quote whose speaker was not resolved with confidence
UNKNOWN_SPEAKER_KEY = "quote: unknown"


def _group_quotes(items: list[_Item]) -> list[_Slot]:
    """Quotes (and attributions) into slots: a mention joins the earliest slot of its speaker
    key all of whose mentions it agrees with (overlapping quoted words), else opens one. A
    quote whose speaker is unknown may join any speaker's slot, and a known speaker's quote
    a slot of unknown speakers: the words, not a guess at the speaker, make them one."""
    slots: list[_Slot] = []
    by_key: dict[tuple[str, str], list[int]] = {}
    for it in items:
        key = (unit_family(it.ext), it.ext.key.lower())
        candidates = by_key.get(key, [])
        if key[1].startswith("quote:"):
            candidates = sorted(
                i
                for k, ids in by_key.items()
                if k[0] == key[0] and k[1].startswith("quote:")
                for i in ids
            )
        for idx in candidates:
            if all(
                values_agree(o.ext, it.ext) and _same_words_or_voice(o.ext, it.ext)
                for o in slots[idx].items
            ):
                slots[idx].items.append(it)
                break
        else:
            by_key.setdefault(key, []).append(len(slots))
            slots.append(_Slot([it]))
    return slots


def _same_words_or_voice(a: Extraction, b: Extraction) -> bool:
    """Quotes of two different speaker keys, one of them unknown, are one statement only when
    they share two content words or more, or one is a fragment of the other: one shared word
    ("relationship", "disgraceful") is said by many people about one event. Two different
    known speakers' quotes are one statement only when they are the same words
    (`_same_statement`): a title in one report and the name in another ("the secretary" /
    "Okafor"), or words one outlet gives to the wrong person."""
    ka, kb = a.key.lower(), b.key.lower()
    if a.kind != "quote" or ka == kb:
        return True
    va, vb = str(a.value or ""), str(b.value or "")
    if UNKNOWN_SPEAKER_KEY not in (ka, kb):
        return _same_statement(va, vb)
    if len(_token_set(va) & _token_set(vb)) >= 2:
        return True
    # ... or one is a fragment of two words or more of the other ("talk about a lasting
    # truce"); a one-word quote ("reckless") is everyone's word
    return " " in _inner_run(va, vb)


#: words of a quote found whole in another that make them one statement whoever is named as
#: saying them; a stock phrase of five ("the denuclearisation of the peninsula") is not enough
SAME_STATEMENT_WORDS = 6
SAME_STATEMENT_CONTENT = 4


def _same_statement(a: str, b: str) -> bool:
    """One quote is the other, or a run of it, of at least `SAME_STATEMENT_WORDS` words or
    `SAME_STATEMENT_CONTENT` content words."""
    run = _inner_run(a, b)
    return bool(run) and (
        run.count(" ") + 1 >= SAME_STATEMENT_WORDS or len(_token_set(run)) >= SAME_STATEMENT_CONTENT
    )


def _inner_run(a: str, b: str) -> str:
    """The shorter quote's words (lower case, single spaces) when they stand whole in the
    longer one's, else ""."""
    short, long = sorted((_plain_words(a), _plain_words(b)), key=len)
    return short if f" {short} " in f" {long} " else ""


def _plain_words(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


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


def _display_value(e: Extraction, shown: tuple[str, float] | None = None) -> Any:
    if shown is not None and isinstance(e.value, int | float):
        return _in_unit(e.value, shown[1])
    if isinstance(e.value, float) and e.value.is_integer():
        return int(e.value)
    return e.value


def _in_unit(value: float | None, factor: float) -> Any:
    """A base-unit value in the written unit (`factor` base units per unit), to 12 significant
    digits (what the conversion there and back leaves of float noise: 238 yards, not
    238.00000000000003), an int when whole."""
    if value is None:
        return None
    out = float(f"{value / factor:.12g}")
    return int(out) if out.is_integer() else out


def _shown_unit(items: Sequence[_Item]) -> tuple[str, float] | None:
    """(symbol, base units per unit) when every mention of a claim wrote the same physical
    unit ("238 yards" / "238 yds"): the report shows the claim in it, as its sources wrote
    it, instead of the base unit it was compared in (217.627 m); None when they wrote
    different units ("12 miles" / "19 km") or none."""
    names = {it.ext.stated_unit or "" for it in items}
    if not all(n in SHOWN_SYMBOL and n in PHYSICAL_UNITS for n in names):
        return None
    # one unit written under two names ("ton" / "tonne", "foot" / "feet") is one unit
    written = {(SHOWN_SYMBOL[n], PHYSICAL_UNITS[n][:2]) for n in names}
    if len(written) != 1:
        return None
    ((symbol, (base, factor)),) = written
    if any(it.ext.unit != base for it in items):
        return None
    return symbol, factor


def _mention(
    item: _Item, articles: Mapping[str, Article], shown: tuple[str, float] | None = None
) -> Mention:
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
        value=_display_value(e, shown),
        unit=e.unit if shown is None else shown[0],
        approximate=e.approximate,
        low=e.low if shown is None else _in_unit(e.low, shown[1]),
        high=e.high if shown is None else _in_unit(e.high, shown[1]),
    )


def align_story(
    groups: Sequence[Sequence[str]],
    extractions: Mapping[str, Sequence[Extraction]],
    articles: Mapping[str, Article],
    embedder: Embedder | None,
    model: MatcherModel | None = None,
) -> list[Claim]:
    """Claims for one story, conflicts first (without ids: the caller numbers them).

    `groups` are the independence groups in story order; `extractions` maps article id to
    its extractions in text order. Quotes are grouped by speaker and wording (the rules
    below); every value kind is grouped by the learned matcher (`compare.matcher`) in two
    average-linkage passes (see `_cluster_values`).
    """
    items: list[_Item] = []
    for g, members in enumerate(groups):
        for aid in members:
            art = articles.get(aid)
            ref = _reference_day(art) if art is not None else ""
            items.extend(_Item(aid, g, e, ref) for e in extractions.get(aid, ()))
    quotes = [it for it in items if it.ext.kind in ("quote", "attribution")]
    values = [it for it in items if it.ext.kind not in ("quote", "attribution")]

    explained = [(slot, _quote_explanation(slot)) for slot in _group_quotes(quotes)]
    now = settings()
    if now.claims.parse_anchors:
        values = _anchored(values, articles)
    if model is None:
        model = default_model("full" if embedder is not None else "plain")
    aliases = _OWNER_ALIASES.set(_story_owner_aliases(values, groups, articles))
    token = PARAMS.set(now.align)  # read once per story; numbers_agree & co. see it
    scopes = _PARSE_SCOPES.set(now.claims.parse_owners)
    try:
        explained.extend(_fold_restated_counts(_cluster_values(values, articles, embedder, model)))
        if now.claims.parse_owners:
            explained = _split_by_owner(explained, articles)
        explained = _fold_same_day(explained)
        # a weekday of an unknown week that no other report shares says nothing checkable
        explained = [(slot, why) for slot, why in explained if not _lone_weekday(slot)]
        claims = _claims_in_order(explained, groups, articles, now.claims.parse_labels)
    finally:
        PARAMS.reset(token)
        _PARSE_SCOPES.reset(scopes)
        _OWNER_ALIASES.reset(aliases)
    return claims


#: owner keys of the story being aligned that name one owner (`owner_aliases`), to one key
_OWNER_ALIASES: ContextVar[Mapping[str, str] | None] = ContextVar("owner_aliases", default=None)


def owner_key(owner: str) -> str:
    """What an owner is compared by: its first letters (`OWNER_PREFIX`: "Varga" / "Vargha"),
    or one key for the words that name one owner in the story ("Marta" / "Quill",
    "Harlow" / "Otters"), matched on the whole (folded) word and kept apart from every
    prefix, so that "Marta Quill" joins neither to "Martinez"."""
    word = fold(owner)
    aliases = _OWNER_ALIASES.get()
    if aliases and word in aliases:
        return "=" + aliases[word]
    return word[:OWNER_PREFIX]


def _story_owner_aliases(
    values: Sequence[_Item], groups: Sequence[Sequence[str]], articles: Mapping[str, Article]
) -> dict[str, str]:
    keys = {fold(it.ext.owner) for it in values if it.ext.owner}
    if len(keys) < 2:
        return {}
    sentences = (
        s.text
        for members in groups
        for aid in members
        if (art := articles.get(aid)) is not None
        for s in art.sentences
    )
    return owner_aliases(sentences, keys, fold)


def _reference_day(art: Article) -> str:
    """The day an article's relative dates were resolved against: its publication day, else
    the page's own stamp near the top of its text (as `claims.extract` resolves them), else
    "" (unknown)."""
    if art.published:
        return art.published[:10]
    lex = get_lexicon(art.language)
    return (stamp_date(art.text, lex) or "")[:10] if lex is not None else ""


#: kinds whose measured thing is the event the parse ties them to (`_anchored`)
ANCHORED_KINDS = frozenset({"date", "duration"})


def _anchored(items: list[_Item], articles: Mapping[str, Article]) -> list[_Item]:
    """`items` with each date and duration of a parsed language measured by the event the
    parse ties it to (`compare.labels.when_anchor`): its head becomes that lemma and its key
    "<lemma> <kind>" ("deliberated for 14 hours" / "deliberated for 11 hours": "deliberate
    duration"; "Voters approved the bond in 2009": "approve date"). The rules' head of such a
    value is a nearby word ("nichol duration", "palmer date"), which says little about which
    event is meant. Values the parse ties to nothing, to a statement or to a state keep the
    rules' head. Times of day keep it too: with the parse's event, two moments of one night
    ("the fire broke out at 8.40pm", "the alarm was raised at 8.49pm") merged on the tuning
    half. One parse per sentence, batched per language (session 12: half A-D unchanged, the
    events E and F +4 corroborated facts and 1 conflict; bench/RESULTS.md claims_dev)."""
    from corroborator.nlp.registry import get_parser, spacy_available

    todo: dict[str, list[tuple[int, str, int, int]]] = {}
    for k, it in enumerate(items):
        art = articles.get(it.article)
        s = it.ext.sentence_index
        if it.ext.kind not in ANCHORED_KINDS or art is None or not 0 <= s < len(art.sentences):
            continue
        if art.language not in LABEL_LANGUAGES:
            continue
        sent = art.sentences[s]
        todo.setdefault(art.language, []).append(
            (k, sent.text, it.ext.start - sent.start, it.ext.end - sent.start)
        )
    out = list(items)
    for language, rows in sorted(todo.items()):
        if not spacy_available(language):
            continue
        texts = list(dict.fromkeys(text for _, text, _, _ in rows))
        docs = dict(zip(texts, get_parser(language, False, True).pipe(texts), strict=True))
        for k, text, start, end in rows:
            if anchor := when_anchor(docs[text], start, end):
                e = items[k].ext
                # a game clock keeps saying what it measures: "score time left"
                what = TIME_LEFT if _game_clock(e) else e.kind
                out[k] = replace(items[k], ext=replace(e, head=anchor, key=f"{anchor} {what}"))
    return out


def _fold_restated_counts(explained: list[tuple[_Slot, str]]) -> list[tuple[_Slot, str]]:
    """A bare count of people ("three people", "the three men") that only articles stating
    the same count with what happened to them ("three people were killed") give is the same
    toll said again: its mentions join that claim instead of making a row of their own. Only
    when both state one and the same figure, and exactly one such claim covers every article
    of the bare one (a count "injured" and one "killed" of equal value leave it alone; "1,000
    people" is no restatement of "more than 400 arrested", though the two agree)."""
    verbed: list[int] = []
    bare: list[int] = []
    for k, (slot, _) in enumerate(explained):
        if slot.possible or slot.first.kind != "quantity" or len(_values_of(slot)) != 1:
            continue
        classes = {EVENT_CLASSES.get(verb_of(it.ext), "") for it in slot.items}
        if "" not in classes and len(classes) == 1:
            verbed.append(k)
        elif (
            classes == {""}
            and {count_head("quantity", it.ext.head) for it in slot.items} <= _ANYONE
        ):
            bare.append(k)
    into: dict[int, int] = {}
    for b in bare:
        bslot = explained[b][0]
        arts = {it.article for it in bslot.items}
        hosts = [
            v
            for v in verbed
            if arts <= {it.article for it in explained[v][0].items}
            and _values_of(bslot) == _values_of(explained[v][0])
        ]
        if len(hosts) == 1:
            into[b] = hosts[0]
    return _join_claims(
        explained,
        into,
        lambda extra, _: (
            f"; the bare count {extra[0].ext.text!r} in the same articles is this figure again"
        ),
    )


def _join_claims(
    explained: list[tuple[_Slot, str]],
    into: Mapping[int, int],
    note: Callable[[list[_Item], int], str],
) -> list[tuple[_Slot, str]]:
    """`explained` with each claim k of `into` joined into claim into[k]; the host's
    explanation gains `note(joined mentions, number of claims joined)`."""
    if not into:
        return explained
    out: list[tuple[_Slot, str]] = []
    for k, (slot, why) in enumerate(explained):
        if k in into:
            continue
        folded = [b for b, v in into.items() if v == k]
        if folded:
            extra = [it for b in folded for it in explained[b][0].items]
            slot = _Slot(slot.items + extra, slot.possible)
            why += note(extra, len(folded))
        out.append((slot, why))
    return out


#: a date value that names one day of a known year ("2026-05-02")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _fold_same_day(explained: list[tuple[_Slot, str]]) -> list[tuple[_Slot, str]]:
    """Date claims that each state one and the same day ("June 17, 2019" in one report,
    "Monday" resolved to that day in another) are one fact said by different reports, even
    when their verbs differ ("killed" / "shot", "sentenced" / "will be sentenced") and the
    matcher links them weakly: a day is seldom the date of two facts of one story in reports
    that never name both. They join into one claim unless some article appears in two of them:
    an article that gives that day to two events tells them apart, and it is then unclear
    which the others mean, so all stay as they are. Only agreeing, non-approximate day values
    join (a bare year or month, "2019" / "June 2019", is the date of many facts). Of the
    agreeing date sides that the matcher leaves apart on the dev halves A and C-G, those of
    one and the same day are one fact in all 9 pairs the gold labels (agreeing date sides in
    general: 47 of 68); most are joined by then through other mentions, and this joins the
    rest (2 pairs on halves A-G; bench/RESULTS.md claims_dev)."""
    by_day: dict[str, list[int]] = {}
    for k, (slot, _) in enumerate(explained):
        if slot.possible or slot.first.kind != "date":
            continue
        values = {str(it.ext.value) for it in slot.items}
        if len(values) != 1 or any(it.ext.approximate for it in slot.items):
            continue
        (day,) = values
        if _ISO_DAY.fullmatch(day):
            by_day.setdefault(day, []).append(k)
    into: dict[int, int] = {}
    for ks in by_day.values():
        if len(ks) < 2:
            continue
        arts = [{it.article for it in explained[k][0].items} for k in ks]
        if any(a & b for a, b in itertools.combinations(arts, 2)):
            continue
        for k in ks[1:]:
            into[k] = ks[0]
    return _join_claims(
        explained,
        into,
        lambda extra, n: (
            f"; {n} other claim{'s' if n > 1 else ''} of other reports state the "
            f"same day ({extra[0].ext.value}), and no report gives that day to two events"
        ),
    )


#: kinds whose disagreeing sides may be two people's figures
_OWNED_KINDS = frozenset({"quantity", "money", "duration", "percentage"})


def _split_by_owner(
    explained: list[tuple[_Slot, str]], articles: Mapping[str, Article]
) -> list[tuple[_Slot, str]]:
    """A conflict whose every side belongs to named people, no person on two sides ("Carter
    rushed for 120 yards" / "Mason ran for 80 yards"), is two people's figures: each side
    becomes a fact of its own. A mention's person is the owner the rules read ("Roth, 33,"),
    else the one the parse gives (`compare.owners`). Mentions with no owner keep the claim as
    it is, so one owner per side is needed."""
    out: list[tuple[_Slot, str]] = []
    for slot, why in explained:
        sides = _sides(slot.items) if slot.first.kind in _OWNED_KINDS else []
        if len(sides) < 2:
            out.append((slot, why))
            continue
        owners = [{o for it in side if (o := _owner_of(it, articles))} for side in sides]
        keys = [{owner_key(o) for o in side} for side in owners]
        if all(keys) and not any(a & b for a, b in itertools.combinations(keys, 2)):
            names = " / ".join(", ".join(sorted(o.title() for o in side)) for side in owners)
            why = f"figures of different people, read from the parse ({names})"
            out.extend((_Slot(side), why) for side in sides)
        elif (
            not slot.possible
            and all(_body_measure(it.ext) for it in slot.items)
            and not (all(keys) and set.intersection(*keys))
        ):
            # a height or weight is one person's: with no one person named on every side it
            # may be two players' ("the 6-foot-9 centre" / "the 6-foot-8 forward")
            note = "no one person named on every side"
            why = f"{why[:-1]}; {note})" if why.endswith(")") else f"{why} ({note})"
            out.append((_Slot(slot.items, True), why))
        else:
            out.append((slot, why))
    return out


def _body_measure(e: Extraction) -> bool:
    """A person's height (feet and inches, `claims.frames`) or weight."""
    return e.kind == "quantity" and head_class(e.head) in ("height", "weight", "pound-mass")


def _owner_of(it: _Item, articles: Mapping[str, Article]) -> str:
    """The person a mention's figure belongs to: the rules' owner, else the parse's, or ""."""
    if it.ext.owner:
        return it.ext.owner.lower()
    art = articles.get(it.article)
    k = it.ext.sentence_index
    if art is None or not 0 <= k < len(art.sentences):
        return ""
    sent = art.sentences[k]
    before = art.sentences[k - 1].text if k > 0 else ""
    (owner,) = parsed_owners(
        [(art.language, sent.text, it.ext.start - sent.start, it.ext.end - sent.start, before)]
    )
    return owner


def _values_of(slot: _Slot) -> set[tuple[object, str | None]]:
    return {(it.ext.value, it.ext.unit) for it in slot.items}


def _lone_weekday(slot: _Slot) -> bool:
    return (
        len({it.group for it in slot.items}) == 1
        and slot.first.kind == "date"
        and all(in_unknown_week(it.ext.value) for it in slot.items)
    )


def _claims_in_order(
    explained: list[tuple[_Slot, str]],
    groups: Sequence[Sequence[str]],
    articles: Mapping[str, Article],
    parse_labels: bool,
) -> list[Claim]:
    """Claims of the slots, conflicts first, then in story order; `parse_labels`: labels of
    when-claims read from a parse (`compare.labels`); claims that would share a label are told
    apart by whose figures they are (`_owned_labels`)."""
    rank = _article_order(groups)
    made: list[tuple[_Slot, Claim]] = []
    for slot, explanation in explained:
        slot.items.sort(key=lambda it: (it.group, rank(it.article), it.ext.start))
        made.append((slot, _claim_of(slot, rank, articles, explanation, parse_labels)))
    _owned_labels(made, articles)
    claims: list[tuple[tuple[int, int, int], Claim]] = []
    for slot, claim in made:
        first = min((rank(it.article), it.ext.start) for it in slot.items)
        claims.append(((KIND_ORDER[claim.verdict], *first), claim))
    claims.sort(key=lambda t: t[0])  # stable: ties keep the order the slots were made in
    return [claim for _, claim in claims]


def _owned_labels(made: list[tuple[_Slot, Claim]], articles: Mapping[str, Article]) -> None:
    """Claims of one story that share a label ("age", "points") but not a person are told
    apart by whose figure each is: "Dvorak's age", "Tallis's age". A claim's person is
    the one most of its mentions give the figure to by the rules ("Roth, 33,", "Varga
    (41-2, 30 KOs)"), written as its sentence writes the name; claims with no person, or all
    of one person, keep their label. The parse's owners are not used here: they name the
    subject of a clause, which for a count of people ("Gray's people arrested") is no owner."""
    by_label: dict[tuple[str, str], list[int]] = {}
    for k, (slot, claim) in enumerate(made):
        if slot.first.kind in _OWNED_KINDS:
            by_label.setdefault((claim.kind, claim.label), []).append(k)
    for ks in by_label.values():
        if len(ks) < 2:
            continue
        names = [_slot_owner(made[k][0], articles) for k in ks]
        owners = [n.lower() for n in names]
        if not any(owners) or (all(owners) and len(set(owners)) == 1):
            continue
        for k, name in zip(ks, names, strict=True):
            if name:
                claim = made[k][1]
                claim.label = f"{name}'s {claim.label}"


def _slot_owner(slot: _Slot, articles: Mapping[str, Article]) -> str:
    """The person most of a slot's mentions give their figure to (ties: the first named), as
    a mention's sentence writes the name ("McAllister", not "mcallister"), or "" (no owner, or
    no sentence writes it as a name)."""
    owners = [it.ext.owner.lower() for it in slot.items if it.ext.owner]
    if not owners:
        return ""
    best = max(dict.fromkeys(owners), key=owners.count)
    for it in slot.items:
        art = articles.get(it.article)
        k = it.ext.sentence_index
        if (it.ext.owner or "").lower() != best or art is None or not 0 <= k < len(art.sentences):
            continue
        for word in WORD.findall(art.sentences[k].text):
            word = word.removesuffix("'s").removesuffix("’s")
            if word[:1].isupper() and word.lower() == best:
                return word
    return ""


def _quote_explanation(slot: _Slot) -> str:
    speaker = slot.first.speaker or "unknown"
    if len(slot.items) == 1:
        return f"one quote attributed to {speaker}"
    named = list(
        dict.fromkeys(
            it.ext.speaker
            for it in slot.items
            if it.ext.speaker and it.ext.key.lower() != UNKNOWN_SPEAKER_KEY
        )
    )
    if len(named) > 1:
        who = ", ".join(named[:-1]) + f" and {named[-1]}"
        return f"the same quoted words, attributed to {who} by different reports"
    return f"the same speaker ({speaker}) and overlapping quoted words"


def _claim_of(
    slot: _Slot,
    rank: Callable[[str], int],
    articles: Mapping[str, Article],
    explanation: str,
    parse_labels: bool,
) -> Claim:
    groups_in = {it.group for it in slot.items}
    is_quote = slot.first.kind in ("quote", "attribution")
    sides = _sides(slot.items) if not is_quote else [slot.items]
    shown = _shown_unit(slot.items) if not is_quote else None
    mentions = [_mention(it, articles, shown) for it in slot.items]
    side_dicts: list[dict[str, Any]] = []
    if len(sides) > 1:
        verdict = "possible_conflict" if slot.possible else "conflicting"
        support = max(len({it.group for it in side}) for side in sides)
        for side in sides:
            side_dicts.append(
                {
                    "value": _display_value(side[0].ext, shown),
                    "unit": side[0].ext.unit if shown is None else shown[0],
                    "support": len({it.group for it in side}),
                    "articles": sorted({it.article for it in side}, key=rank),
                    "text": side[0].ext.text,
                }
            )
        if _evolving(sides, articles):
            for side, d in zip(sides, side_dicts, strict=True):
                d["published"] = min(str(articles[it.article].published) for it in side)
            side_dicts.sort(key=lambda d: d["published"])
            explanation += "; the value changes with publication time: an update, not a dispute"
    else:
        # a vague amount ("dozens", "tens of millions") is compatible with a figure but does
        # not confirm it: only the groups that state a figure count for it
        firm = {
            it.group
            for it in slot.items
            if not is_vague_band(it.ext.value, it.ext.low, it.ext.high, it.ext.approximate)
        }
        counted = firm if firm else groups_in
        verdict = "corroborated" if len(counted) > 1 else "single_source"
        support = len(counted)
        if len(counted) < len(groups_in):
            n = len(groups_in) - len(counted)
            explanation += (
                f"; {n} other independent source{'s' if n > 1 else ''} "
                "give only a vague amount, which does not confirm the figure"
            )
    label = _slot_label(slot)
    if parse_labels and verdict != "single_source" and (frame := _parsed_frame(slot.first)):
        label = parsed_label(_sentences_of(slot, articles), frame) or label
    return Claim(
        id="",
        kind=slot.first.kind,
        key=_slot_key(slot),
        verdict=verdict,  # type: ignore[arg-type]
        support=support,
        mentions=mentions,
        sides=side_dicts,
        label=label,
        explanation=explanation,
    )


#: kinds whose label is read from a parse of a mention's sentence (`compare.labels`)
WHEN_KINDS = frozenset({"date", "time", "duration"})


def _game_clock(e: Extraction) -> bool:
    """The time left in a game ("with 8:17 to go", `claims.quantities._game_clocks`), before
    or after `_anchored` gave it its event ("score time left")."""
    return e.kind == "duration" and e.key.endswith(TIME_LEFT)


def _parsed_frame(e: Extraction) -> str:
    """What a parse labels a claim as: a date, time or duration, or a length that names no
    measured thing ("an 84-yard run", "fell 150 metres"); "" for any other claim."""
    if _game_clock(e):
        return "clock"
    if e.kind in WHEN_KINDS:
        return e.kind
    return "distance" if e.kind == "quantity" and head_class(e.head) == "distance" else ""


def _sentences_of(
    slot: _Slot, articles: Mapping[str, Article]
) -> Iterator[tuple[str, str, int, int, str]]:
    """(language, sentence, start, end in the sentence, article text) of each mention, in
    slot order."""
    for it in slot.items:
        art = articles.get(it.article)
        if art is not None and 0 <= it.ext.sentence_index < len(art.sentences):
            sent = art.sentences[it.ext.sentence_index]
            yield (
                art.language,
                sent.text,
                it.ext.start - sent.start,
                it.ext.end - sent.start,
                art.text,
            )


def _evolving(sides: list[list[_Item]], articles: Mapping[str, Article]) -> bool:
    """A running count reported at different times (a toll rising from 4 in the morning to 12
    in the evening, or from one day to the next): counts whose sides, ordered by publication
    time, never overlap in time and only grow. Publication times order reports of one day;
    when some report has a date only, the sides must lie on different days. A person's age
    grows by at most one year more than the years between the reports (27 in a 2005 report,
    29 in a 2007 one; not 27 and 29 a day apart). A page with no publication date is dated by
    its own stamp (`_reference_day`)."""
    if sides[0][0].ext.kind != "quantity":
        return False
    stamps = [
        [str(articles[it.article].published or it.ref_day) for it in side if it.article in articles]
        for side in sides
    ]
    if any(not t or any(len(x) < 10 for x in t) for t in stamps):
        return False
    if any(len(x) < 16 for t in stamps for x in t):
        stamps = [[x[:10] for x in t] for t in stamps]  # by day
    spans = []
    for side, times in zip(sides, stamps, strict=True):
        value = side[0].ext.value
        if not isinstance(value, int | float):
            return False
        spans.append((min(times), max(times), float(value)))
    spans.sort()
    if not all(a[1] < b[0] and a[2] < b[2] for a, b in itertools.pairwise(spans)):
        return False
    if head_class(sides[0][0].ext.head) != "age":
        return True
    for a, b in itertools.pairwise(spans):
        years = (date.fromisoformat(b[0][:10]) - date.fromisoformat(a[1][:10])).days / 365.25
        if b[2] - a[2] > math.floor(years) + 1:
            return False
    return True


def _slot_key(slot: _Slot) -> str:
    """The most common key among the slot's mentions (ties: the first mention's)."""
    keys = [it.ext.key for it in slot.items]
    return max(dict.fromkeys(keys), key=keys.count)


def _slot_label(slot: _Slot) -> str:
    """The commonest of the mentions' labels, preferring one that names something (no
    bracketed context words, no fragment for a first word: "m. date", "p.m. date", "40am
    date"); when none does, the label without that fragment ("date")."""
    labels = [it.ext.label or it.ext.key for it in slot.items]
    plain = [lb for lb in labels if "(" not in lb]
    named = [lb for lb in plain if _word_first(lb)]
    if not named:
        named = [_drop_fragment(lb) for lb in plain or labels]
    return max(dict.fromkeys(named), key=named.count)


def _word_first(label: str) -> bool:
    """Whether a label opens with a word of three letters or more (hyphens and apostrophes
    allowed), not an abbreviation's fragment or a token with digits."""
    words = label.split()
    first = words[0] if words else ""
    return len(first) > 2 and first.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _drop_fragment(label: str) -> str:
    """The label without a first word that is a piece of a time or an abbreviation ("40am",
    "p.m.", "m."); a short word ("AK", "Mr") stays."""
    words = label.split()
    junk = len(words) > 1 and (any(c.isdigit() for c in words[0]) or "." in words[0])
    return " ".join(words[1:]) if junk else label


_REASONS = {
    "head_equal": "the same measured thing",
    "verb_equal": "the same event verb",
    "key_equal": "the same key",
    "slot_cos": "similar wording of what is measured",
    "sent_cos": "similar sentences",
    "context_overlap": "shared words around the value",
    "near_name_equal": "the same name next to the value",
    "names_overlap": "the same names in the clause",
    "holder_equal": "the same source",
    "values_agree": "compatible values",
    "log_ratio": "close values",
    "adjacent_overlap": "the same words next to the value",
    "both_first_of_head": "the first such figure in both articles",
    "specific_agree": "the same precise value",
    "both_lead": "both in the lead",
}


def _cluster_values(
    items: list[_Item],
    articles: Mapping[str, Article],
    embedder: Embedder | None,
    model: MatcherModel,
) -> list[tuple[_Slot, str]]:
    """Slots of value mentions, each with a one-line explanation.

    Per unit family (the only mentions that can be compared at all):
    1. **Sides.** Average-linkage clustering over the matcher's probability where values
       agree (a pair whose values are incompatible can never share a side); clusters merge
       while their average link is >= `model.join`.
    2. **Facts.** Sides whose values disagree merge into one fact while the average link
       between them, over pairs from different independence groups, is >= `model.possible`; the fact is a
       `conflicting` claim when every merge was >= `model.conflict`, else a
       `possible_conflict`. Two sides whose values all agree never merge here: a
       low-confidence agreement would be a false corroboration. Nor do two sides that would
       put two different values of one article into one fact (an article that gives 3 dead
       in one town and 12 in another is stating two facts), nor values whose frames differ
       (`_pair_relations`: counts of different things, different years or days).
    """
    if not items:
        return []
    mitems = match_items(items, articles)
    if embedder is not None:
        _attach_vectors(mitems, articles, embedder)
    by_family: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        by_family.setdefault(unit_family(it.ext), []).append(i)
    out: list[tuple[_Slot, str]] = []
    for family in sorted(by_family):
        idx = by_family[family]
        for sub in _blocks(idx, items):
            out.extend(_cluster_block(sub, items, mitems, model, articles))
    return out


#: Owners compare on their first letters: one surname spelled two ways ("Varga",
#: "Vargha") is one person.
OWNER_PREFIX = 4

#: A unit family with more mentions than this is split by measured thing before clustering,
#: so that alignment stays near-linear in large corpus-mode stories.
MAX_BLOCK = 400


def _blocks(idx: list[int], items: list[_Item]) -> list[list[int]]:
    if len(idx) <= MAX_BLOCK:
        return [idx]
    by_head: dict[str, list[int]] = {}
    for i in idx:
        by_head.setdefault(head_class(items[i].ext.head), []).append(i)
    out: list[list[int]] = []
    for head in sorted(by_head):
        block = by_head[head]
        out.extend(block[k : k + MAX_BLOCK] for k in range(0, len(block), MAX_BLOCK))
    return out


def _match_item(it: _Item, articles: Mapping[str, Article]) -> MatchItem:
    art = articles.get(it.article)
    language = art.language if art is not None else ""
    context: frozenset[str] = frozenset()
    adjacent: frozenset[str] = frozenset()
    if art is not None and 0 <= it.ext.sentence_index < len(art.sentences):
        sent = art.sentences[it.ext.sentence_index]
        lex = get_lexicon(language)
        stop = lex.stopwords if lex is not None else frozenset()
        start, end = it.ext.start - sent.start, it.ext.end - sent.start
        context = context_words(sent.text, start, end, stop)
        adjacent = adjacent_words(sent.text, start, end)
    return MatchItem(it.article, it.group, it.ext, language, it.ref_day, context, adjacent=adjacent)


def match_items(items: Sequence[_Item], articles: Mapping[str, Article]) -> list[MatchItem]:
    """The matcher's view of a story's value mentions, with the per-article features (rank
    of each mention among its article's mentions of the same measured thing, and how many
    values the article gives for it)."""
    out = [_match_item(it, articles) for it in items]
    by_head: dict[tuple[str, str, str], list[MatchItem]] = {}
    for m in out:
        by_head.setdefault((m.article, unit_family(m.ext), head_class(m.ext.head)), []).append(m)
    for group in by_head.values():
        group.sort(key=lambda m: (m.ext.start, m.ext.end))
        values = {repr(m.ext.value) for m in group}
        for rank, m in enumerate(group):
            m.head_rank = rank
            m.head_values = len(values)
    return out


def _attach_vectors(
    items: list[MatchItem], articles: Mapping[str, Article], embedder: Embedder
) -> None:
    phrases = [m.ext.slot or m.ext.key for m in items]
    sentences = []
    for m in items:
        art = articles.get(m.article)
        idx = m.ext.sentence_index
        ok = art is not None and 0 <= idx < len(art.sentences)
        sentences.append(art.sentences[idx].text if ok and art is not None else m.ext.text)
    heads = sorted({h for m in items if (h := _count_head(m))})
    vecs = embedder.encode(phrases + sentences + heads)
    head_vec = dict(zip(heads, vecs[2 * len(items) :], strict=True))
    for k, m in enumerate(items):
        m.vec = vecs[k]
        m.svec = vecs[len(items) + k]
        m.hvec = head_vec.get(_count_head(m))


def count_head(kind: str, head: str | None) -> str:
    """The head word of a count whose head says what is counted ("" for other kinds): what
    `_unlike_heads` embeds (and corpus mode primes)."""
    word = head_class(head) if kind == "quantity" else ""
    return "" if word in GENERIC_HEADS else word


def _count_head(m: MatchItem) -> str:
    return count_head(m.ext.kind, m.ext.head)


def _unlike_heads(mitems: list[MatchItem], differ: np.ndarray, cos: np.ndarray) -> np.ndarray:
    """Counts of two different things (`differ`: `_heads_differ`) whose head words embed
    further apart than `head_likeness` (0.35): never one fact, even when their values agree
    ("three campuses" / "three life sentences", "two police" / "two bomb threats"). Near words
    stay the matcher's to weigh ("two guards" / "two officers" 0.56, "six engines" / "four
    appliances" 0.46). The bar lies between the closest unrelated pair and the furthest related
    pair in a list of head pairs written for this purpose (bench/RESULTS.md claims_dev,
    session 4).

    Small counts (at most `small_count`, 4) need heads closer than `small_head_likeness`
    (0.6): "two" is said of many things in one story, so an equal small value is little
    evidence, and single head words embed too alike to tell related things from one thing
    ("rifles" / "grenades" 0.46, "hits" / "sacks" 0.55, "guns" / "rifles" 0.72, "boats" /
    "vessels" 0.71). "two guards" / "two officers" (0.56) then stay apart: a split fact, the
    cheaper error. Heads that name people of any kind ("men", "people") keep the wide bar
    ("four men" / "four robbers"). Chosen on the earlier probes' events (equal small counts
    of related things were their commonest wrong corroboration) and checked on the dev gold
    (unchanged); bench/RESULTS.md claims_dev, session 6. `cos`: `_head_cosines`."""
    par = PARAMS.get()
    small = np.array([_small_count(m.ext) and _count_head(m) not in _ANYONE for m in mitems])
    bar = np.where(small[:, None] & small[None, :], par.small_head_likeness, par.head_likeness)
    with np.errstate(invalid="ignore"):
        return np.asarray((cos < bar) & differ)


def _alike_heads(cos: np.ndarray, bar: float) -> np.ndarray:
    """Counts whose head words are one word or embed at least `bar` alike ("workers" /
    "employees"); False where either has no head. `cos`: `_head_cosines`."""
    with np.errstate(invalid="ignore"):
        return np.asarray(cos >= bar)


def _head_cosines(mitems: list[MatchItem]) -> np.ndarray:
    """Cosine of the head-word vectors of every pair of counts (NaN where either has none)."""
    n = len(mitems)
    out = np.full((n, n), np.nan)
    has = [k for k, m in enumerate(mitems) if m.hvec is not None]
    if has:
        mat = np.stack([mitems[k].hvec for k in has])  # type: ignore[misc]
        mat = mat / np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
        sel = np.array(has)
        out[np.ix_(sel, sel)] = mat @ mat.T
    return out


#: heads that name people of any kind ("four men" / "four robbers")
_ANYONE = frozenset({"person", "man", "woman"})


def _small_count(e: Extraction) -> bool:
    """A count of at most `small_count` things ("two boats")."""
    return (
        e.kind == "quantity" and is_number(e.value) and 0 <= e.value <= PARAMS.get().small_count  # type: ignore[operator]
    )


#: a record or a score written as a pair of figures ("10-5", "20-13"): specific, not common
_PAIR_WRITTEN = re.compile(r"\d\s*[-–]\s*\d")


def _exact_figure(e: Extraction) -> float | None:
    """An unhedged whole count above `common_count` that is no round figure ("23 pirates";
    not "300 residents", a figure said of many things), or None."""
    v = e.value
    if e.kind != "quantity" or e.unit is not None or e.approximate or not is_number(v):
        return None
    f = float(v)  # type: ignore[arg-type]
    return f if f == int(f) and f > PARAMS.get().common_count and int(f) % 10 else None


def _common_value(e: Extraction) -> bool:
    """A value said of many things in one story, so that two mentions of it are little
    evidence of one fact: a whole count of at most `common_count` things (no unit: not a
    magnitude, a distance or a weight), or a vague amount ("dozens", "scores": a band whose
    top is twice its bottom or more, which agrees with most others)."""
    v = e.value
    if e.kind != "quantity" or e.unit is not None or not is_number(v):
        return False
    if e.approximate and e.low and e.high and e.high >= 2 * e.low:
        return True
    return (
        not _PAIR_WRITTEN.search(e.text)
        and float(v) == int(v)  # type: ignore[arg-type]
        and 0 <= v <= PARAMS.get().common_count  # type: ignore[operator]
    )


def _aligned_pairs(items: list[_Item], articles: Mapping[str, Article]) -> set[tuple[int, int]]:
    """(i, j), i < j: mentions in sentences that provenance aligned between a derivative and
    its original (`Derivation.alignment`)."""
    out: set[tuple[int, int]] = set()
    where: dict[tuple[str, int], list[int]] = {}
    for k, it in enumerate(items):
        where.setdefault((it.article, it.ext.sentence_index), []).append(k)
    for k, it in enumerate(items):
        art = articles.get(it.article)
        d = art.derived_from if art is not None else None
        if d is None or not d.alignment:
            continue
        for orig_idx, this_idx in d.alignment:
            if this_idx != it.ext.sentence_index:
                continue
            for other in where.get((d.article, orig_idx), []):
                out.add((min(k, other), max(k, other)))
    return out


def _agreement(items: list[_Item]) -> np.ndarray:
    """`items_agree` for every pair, as a boolean matrix (diagonal True). Numbers (one unit
    family) are compared with numpy by the rules of `numbers_agree`: intervals that overlap,
    except two rounded figures, which must each lie in the other's band; plus a round figure
    and the precise one it rounds (`_rounding_of`, checked pair by pair where it can apply)."""
    n = len(items)
    if n and items[0].ext.kind in NUMERIC_KINDS:
        exts = [it.ext for it in items]
        bounds = np.array([interval(e) for e in exts], dtype=np.float64)
        lo, hi = bounds[:, 0], bounds[:, 1]
        finite = np.where(np.isfinite(bounds), np.abs(bounds), 0.0).max(axis=1)
        eps = np.maximum.outer(finite, finite) * EPSILON
        # two game clocks are exact to the second ("8:17" / "8:18" differ)
        clocks = np.array([_game_clock(e) for e in exts])
        eps = np.where(clocks[:, None] & clocks[None, :], 0.0, eps)
        with np.errstate(invalid="ignore"):
            out = (lo[:, None] <= hi[None, :] + eps) & (lo[None, :] <= hi[:, None] + eps)
            rounded = np.array([_rounded(e) for e in exts])
            if rounded.sum() > 1:
                # a rounded figure's band is its hedge's, centred on the value
                val = np.where(rounded, (lo + hi) / 2, np.nan)
                size = np.where(np.isnan(val), 0.0, np.abs(val))
                veps = np.maximum.outer(size, size) * EPSILON
                # value b inside band a, and value a inside band b
                b_in_a = (lo[:, None] - veps <= val[None, :]) & (val[None, :] <= hi[:, None] + veps)
                both = rounded[:, None] & rounded[None, :]
                out = np.where(both, b_in_a & b_in_a.T, out)
        out &= ~np.isnan(lo)[:, None] & ~np.isnan(lo)[None, :]
        # a round figure and a precise one (`_rounding_of` needs both at least `rounding_min`)
        floor = PARAMS.get().rounding_min
        big = [
            k
            for k, e in enumerate(exts)
            if is_number(e.value) and abs(float(e.value)) >= floor and _written_as_is(e)  # type: ignore[arg-type]
        ]
        for x, a in enumerate(big):
            for b in big[x + 1 :]:
                if not out[a, b] and _rounding_of(exts[a], exts[b]):
                    out[a, b] = out[b, a] = True
        np.fill_diagonal(out, True)
        return np.asarray(out)
    out = np.eye(n, dtype=bool)
    for a in range(n):
        for b in range(a + 1, n):
            out[a, b] = out[b, a] = items_agree(items[a], items[b])
    return out


def apart_elsewhere(
    items: Sequence[_Item], agree: np.ndarray, one_voice: np.ndarray, frames_differ: np.ndarray
) -> np.ndarray:
    """For every pair of `items` (one unit family), whether some article states both values
    as two facts: it gives, in one voice (`_pair_relations`), a value that agrees with the
    first and a different value that agrees with the second, both of one measured thing (head
    class) that is the first's or the second's, each in a frame that may be the same fact as
    the value it agrees with (not `frames_differ`: "18 injured and 12 arrested" says nothing
    about "12 injured" / "18 injured"). "Knocked down in the sixth round and stopped
    in the seventh" in one report makes another report's "sixth round" and a third's "seventh
    round" two facts, not a disagreement; "5.9, the centre said; the survey put it at 6.1" is
    two voices and does not. `agree` is `_agreement` (diagonal True), so an article that
    states both values itself counts. On the development gold, of the disagreeing pairs of
    different reports with one head that it marks, 0 of 350 (half A) and 18 of 746 (half B)
    are one fact, of the others 24 % and 26 % (a matcher feature, `matcher.FEATURE_NAMES`)."""
    n = len(items)
    out = np.zeros((n, n), dtype=bool)
    if n < 2:
        return out
    heads = value_codes([head_class(it.ext.head) for it in items])
    two_facts = one_voice & ~agree & (heads[:, None] == heads[None, :])
    np.fill_diagonal(two_facts, False)
    if not two_facts.any():
        return out
    agree = (agree & ~frames_differ) | np.eye(n, dtype=bool)
    for head in np.unique(heads[two_facts.any(axis=1)]):
        of_head = heads == head
        # only this head's mentions can be u and v: the products run over them alone (a
        # corpus-mode block of 400 mentions has many heads, each with a few)
        told = two_facts[np.ix_(of_head, of_head)].astype(np.float32)  # (u, v)
        like = agree[:, of_head].astype(np.float32)  # (i, u): i agrees with u
        out |= ((like @ told @ like.T) > 0) & (of_head[:, None] | of_head[None, :])
    return out


def _candidate(a: MatchItem, b: MatchItem) -> bool:
    """Whether a pair is worth scoring. Counts of different things (different heads) that share
    no verb, key or word around the value are never one fact (the matcher gives them ~0): they
    are left at probability 0 without computing features, which keeps alignment of large
    corpus-mode stories cheap."""
    ea, eb = a.ext, b.ext
    # across languages a head may be a word as written ("persone"): the matcher weighs the
    # slot phrases' embeddings
    if ea.kind != "quantity" or a.language != b.language:
        return True
    ha, hb = head_class(ea.head), head_class(eb.head)
    if ha == hb and ha not in GENERIC_HEADS:
        return True
    va, vb = verb_of(ea), verb_of(eb)
    if (va and va == vb) or ea.key.lower() == eb.key.lower():
        return True
    return bool(a.context & b.context) or bool(a.adjacent & b.adjacent)


def _cluster_block(
    idx: list[int],
    items: list[_Item],
    mitems: list[MatchItem],
    model: MatcherModel,
    articles: Mapping[str, Article],
) -> list[tuple[_Slot, str]]:
    n = len(idx)
    agree = _agreement([items[i] for i in idx])
    # A derivative's sentence aligned to its original's (provenance: a translation or rewrite)
    # stating an agreeing value states the same fact, whatever the words around it.
    aligned = _aligned_pairs([items[i] for i in idx], articles)
    block = [items[i] for i in idx]
    block_m = [mitems[i] for i in idx]
    cos = _head_cosines(block_m)
    # counted things that embed nearly alike ("homes" / "households", "workers" / "employees")
    # are one measured thing: their values may be set against each other as one fact's (they
    # are scored when the matcher's candidates take them: scoring every such pair merged
    # "two boats" with "two merchant vessels")
    par = PARAMS.get()
    synonyms = _alike_heads(cos, par.common_head_likeness)
    pairs = [
        (a, b)
        for a in range(n)
        for b in range(a + 1, n)
        if (a, b) in aligned or _candidate(mitems[idx[a]], mitems[idx[b]])
    ]
    ia = np.array([a for a, _ in pairs], dtype=np.int64)
    ib = np.array([b for _, b in pairs], dtype=np.int64)
    same_group, one_voice, frames_differ, other_event = _pair_relations(block, synonyms)
    told_apart = apart_elsewhere(block, agree, one_voice, frames_differ)
    feats = pair_feature_matrix([mitems[i] for i in idx], ia, ib, agree[ia, ib], told_apart[ia, ib])
    probs = model.probabilities(feats)
    p = np.zeros((n, n))
    feat_of: dict[tuple[int, int], np.ndarray] = {}
    for (a, b), prob, f in zip(pairs, probs, feats, strict=True):
        p[a, b] = p[b, a] = 1.0 if (a, b) in aligned and agree[a, b] else prob
        feat_of[(a, b)] = f
    differ = _heads_differ(block_m) & ~synonyms
    frames_differ |= _other_measure(block_m, differ) | _other_scope(block, block_m, articles)
    # counts of unrelated things (far-apart heads) never share a side, equal or not
    other_event = other_event | _unlike_heads(block_m, differ, cos)
    # 1. sides: only agreeing pairs link, and a disagreeing pair keeps two sides apart, as do
    #    counts of things that had different things happen to them (12 injured, 12 arrested)
    off_diagonal = ~np.eye(n, dtype=bool)
    # an equal common value ("two", "five points") is weak evidence of one fact: unless
    # their heads are near synonyms, such mentions share a side only above a higher bar
    # (`common_join`); the bar for facts (conflicts) is unchanged
    common = np.array([_common_value(it.ext) for it in block])
    weak = common[:, None] & common[None, :] & ~synonyms
    p_join = np.where(weak, p - max(par.common_join - model.join, 0.0), p)
    sides, _ = _linkage(
        [[x] for x in range(n)], p_join, off_diagonal, ~agree | other_event, model.join
    )
    # 2. facts: disagreeing sides from different independence groups
    # ... or two named sources quoted by one article ("5.2, state TV said; the survey
    # measured 5.4"): the article reports their disagreement
    arts = value_codes([it.article for it in block])
    quoted_apart = (arts[:, None] == arts[None, :]) & ~one_voice
    counted = ~agree & (~same_group | quoted_apart)
    facts, weakest = _linkage(
        sides,
        p,
        counted,
        ~agree & (one_voice | frames_differ),
        model.possible,
        needed=~agree,
    )
    out: list[tuple[_Slot, str]] = []
    for fact, low in zip(facts, weakest, strict=True):
        members = sorted(fact)
        slot = _Slot([items[idx[k]] for k in members])
        near = low < model.conflict and math.isfinite(low) and _near_miss(slot)
        slot.possible = low < model.conflict and not near
        note = f"values within {PARAMS.get().near_miss - 1:.0%} of each other" if near else ""
        if math.isfinite(low) and not slot.possible and (doubt := _doubt(slot)):
            slot.possible, note = True, doubt
        apart = ""
        if slot.possible and low < PARAMS.get().possible_floor:
            # linked too weakly to be shown as one fact: each side is a fact of its own
            apart = "values linked too weakly to be set against each other"
        elif slot.possible and len({it.article for it in slot.items}) == 1:
            # a weak link between two values of one article: an article seldom contradicts
            # itself, so these are two facts ("his 44-year-old mother" / "Vidal, 34")
            apart = "one article's values, not set against each other"
        elif math.isfinite(low) and _stat_sheet([block_m[k] for k in members]):
            apart = "one of several unnamed figures in each article"
        if apart:
            out.extend((_Slot(side), apart) for side in _sides(slot.items))
            continue
        out.append((slot, _explain(members, p, feat_of, model, low, note)))
    return out


#: An article giving this many different values of one unnamed measure is a stat sheet.
STAT_SHEET_VALUES = 3


def _stat_sheet(mitems: list[MatchItem]) -> bool:
    """Mentions of an unnamed measure (a length with no measured noun, "for 12 yards"; a
    duration of no named thing) whose every article states three different values of it or
    more: the yards of a game's plays, not one fact, so their disagreement is no conflict (a
    figure's owner, the player or the team, is not read)."""
    return all(
        head_class(m.ext.head) in ("distance", "event", "") and m.head_values >= STAT_SHEET_VALUES
        for m in mitems
    )


def _doubt(slot: _Slot) -> str:
    """Why a conflict the matcher is sure of is only possible, or "": it rests on one voice,
    a weekday may have been read in another week, or it is a disagreement of dates."""
    if not _clean(slot):
        return "the disagreement rests on one voice"
    if _weeks_apart(slot):
        return "a weekday may have been read in another week"
    if slot.first.kind == "date":
        # the event a date is matched by is a verb or noun of the parse (`_anchored`), which
        # may name two events of one story ("signed" a bill in January and an order in March),
        # and relative days resolve against days a page may not state: on the session 12
        # harness every confident date conflict the parse's events added was of that kind
        return "two dates of one named event may be two events"
    if generic_place(slot.first.head):
        # "the second defender" / "the fifth Gulls defender" (placed on injured
        # reserve this season): places in two series of one thing
        return "two places in a series may belong to two series"
    return ""


def _clean(slot: _Slot) -> bool:
    """Whether a conflict stands on two voices that each take one side. A voice is an article,
    or a named source it quotes ("5.2, state TV said; the survey measured 5.4" are two). A
    voice on both sides ("31.55 %" over four years beside "30 %" for one, in one article) or a
    disagreement inside one voice is a `possible_conflict` at most."""
    sides = _sides(slot.items)
    side_of: dict[tuple[str, str], set[int]] = {}
    for k, side in enumerate(sides):
        for it in side:
            side_of.setdefault(_voice(it), set()).add(k)
    firm = [{_voice(it) for it in side if len(side_of[_voice(it)]) == 1} for side in sides]
    return sum(1 for f in firm if f) >= 2


def _weeks_apart(slot: _Slot) -> bool:
    """Dates a whole number of weeks apart where one is written without a number ("on
    Saturday", "this morning"): the weekday may have been resolved against another week (a
    page's later update stamp, a story read days after), so the gap is no firm conflict."""
    if slot.first.kind != "date":
        return False
    days = []
    for it in slot.items:
        try:
            days.append((date.fromisoformat(str(it.ext.value)[:10]), _is_relative(it.ext)))
        except ValueError:
            return False
    gaps = [
        abs((a - b).days)
        for (a, ra), (b, rb) in itertools.combinations(days, 2)
        if a != b and (ra or rb)
    ]
    return bool(gaps) and all(g % 7 == 0 for g in gaps)


def _voice(it: _Item) -> tuple[str, str]:
    return (it.article, it.ext.holder or "")


#: kinds whose head names the measured thing; a duration's head is the clause subject, which
#: two reports of one event name differently ("a three-hour phone call" / "the two leaders
#: spoke for about 45 minutes"), so durations are left to the matcher
_MEASURED_KINDS = frozenset({"quantity", "money", "percentage"})


def _same_language(mitems: list[MatchItem]) -> np.ndarray:
    langs = value_codes([m.language for m in mitems])
    return np.asarray(langs[:, None] == langs[None, :])


def _heads_differ(mitems: list[MatchItem]) -> np.ndarray:
    """Pairs of one language whose heads (`head_class`) differ. Across languages a head may be
    a word as written, so the matcher's phrase embeddings decide there."""
    heads = value_codes([head_class(m.ext.head) for m in mitems])
    return np.asarray(_same_language(mitems) & (heads[:, None] != heads[None, :]))


def _other_measure(mitems: list[MatchItem], differ: np.ndarray) -> np.ndarray:
    """Pairs of counts, money or shares whose measured things differ (`differ`): "exports
    worth $9bn" / "a retaliation list worth $4bn" are two facts, never a conflict, however
    alike their sentences read."""
    numeric = np.array([m.ext.kind in _MEASURED_KINDS for m in mitems])
    return np.asarray(numeric[:, None] & numeric[None, :] & differ)


#: A part of a match, a race or a season that a figure is limited to ("41 punches in the fifth
#: round", "three saves in the second half", "his 12th goal of the season"), per language; a
#: figure for the part and one for the whole are two facts.
_SCOPES = {
    "en": re.compile(
        r"\b(?:in|during|over|through|for|of)\s+(?:(?:the|this|that|his|her|their|its|a|an)\s+)?"
        r"(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
        r"|final|last|opening|previous|next|\d+(?:st|nd|rd|th))[\s-]+)?"
        r"(round|half|quarter|period|inning|innings|set|season|career|lap|stage|leg|heat|frame)\b",
        re.IGNORECASE,
    )
}
#: A count of things besides others ("two other rifles", "three more players"), per language:
#: a part of a total the sentence does not give, never set against the whole.
_ADDED = {
    "en": re.compile(
        r"[\w.,-]+\s+(?:other|more|additional|further|extra|remaining)\b", re.IGNORECASE
    )
}
#: "averaged 20 goals and 95 assists", "an average of 40 calls a day": a figure that is an
#: average is not the total of any one period ("112 assists last season")
_AVERAGED = {
    "en": re.compile(
        r"(?:\baverag(?:e|es|ed|ing)|\ban\s+average\s+of)\s+(?:(?:more|less|fewer)\s+than\s+|"
        r"about\s+|nearly\s+|almost\s+|over\s+|around\s+)?"
        r"(?:(?![a-z]+ed\b)[\w.,$€£%-]+\s+){0,5}?(?:and\s+)?$",
        re.IGNORECASE,
    )
}
#: "Pell, now 19," / "who is now 19": an age at the time of the report; "the then-18-year-
#: old", "then 15": at the time of the event. Neither is set against a plain age.
_AGE_WHEN = {"en": re.compile(r"\b(now|then)(?:\s*-\s*|\s+)(?:aged\s+)?$", re.IGNORECASE)}
#: characters either side of a value searched for its scope, inside its sentence
_SCOPE_REACH = 80
#: kinds whose scope phrase is checked against the parse (`scope_of`)
_PARSED_SCOPE_KINDS = frozenset({"money", "percentage"})


def scope_of(e: Extraction, art: Article | None) -> str:
    """The part of a whole a figure is limited to ("first half", "round", "season"), or ""."""
    pattern = _SCOPES.get(art.language) if art is not None else None
    if pattern is None or art is None or e.kind in ("date", "time", "quote", "attribution"):
        return ""
    if (
        e.kind == "quantity"
        and (add := _ADDED.get(art.language))
        and add.match(art.text, e.start, e.end)
    ):
        return "other"
    lo, hi = e.start - _SCOPE_REACH, e.end + _SCOPE_REACH
    sent = None
    if 0 <= e.sentence_index < len(art.sentences):
        sent = art.sentences[e.sentence_index]
        lo, hi = max(lo, sent.start), min(hi, sent.end)
    if (avg := _AVERAGED.get(art.language)) and avg.search(art.text, max(0, lo), e.start):
        return "average"
    if (
        e.head == "age"
        and (when := _AGE_WHEN.get(art.language))
        and (wm := when.search(art.text, max(0, lo), e.start))
    ):
        # "Pell, now 19," (at the report) / "then-18-year-old" (at the event)
        return wm.group(1).lower()
    for m in pattern.finditer(art.text, max(0, lo), max(0, hi)):
        # a sum or a share: with a parse, only a phrase that hangs above the value limits it
        # ("expected to close in the fourth quarter, values the company at $42 a share, a 28
        # percent premium": not a quarter's price or premium); without one, and for counts,
        # the first phrase in the window does. Counts keep the wider reach: on the ECB+ harness,
        # checking theirs against the parse set one game's rebounds, carries and final scores
        # against another's in sports round-ups (four false conflicts, none found)
        if (
            e.kind in _PARSED_SCOPE_KINDS
            and sent is not None
            and parse_scopes()
            and not parsed_scope_attached(
                art.language,
                sent.text,
                m.start() - sent.start,
                e.start - sent.start,
                e.end - sent.start,
            )
        ):
            continue
        part = m.group(2).lower()
        return f"{(m.group(1) or '').lower()} {part[:-1] if part.endswith('s') else part}".strip()
    return ""


def _other_scope(
    items: list[_Item], mitems: list[MatchItem], articles: Mapping[str, Article]
) -> np.ndarray:
    """Pairs of one language whose figures are limited to different parts of a whole, or one
    to a part and the other not ("41 punches in the fifth round" / "512 punches" over the
    fight): never one conflict."""
    scopes = [scope_of(it.ext, articles.get(it.article)) for it in items]
    if not any(scopes):
        return np.zeros((len(items), len(items)), dtype=bool)
    codes = value_codes(scopes)
    return np.asarray(_same_language(mitems) & (codes[:, None] != codes[None, :]))


def _near_miss(slot: _Slot) -> bool:
    """Values within `near_miss` (1.1) of each other, none of them hedged: sides of one fact
    this close are a conflict even when the matcher links them weakly (a `possible_conflict`
    otherwise). One figure reported with a small discrepancy ("38-4" / "39-4", "$141 billion"
    / "$144 billion") is the commonest real disagreement, and look-alike facts seldom sit that
    close. Chosen on the tuning half of the dev gold (1.1 and 1.25 tied there; the tighter one
    kept), see bench/RESULTS.md claims_dev. "about 58 km" already carries its own tolerance,
    and a near miss against it is no confident conflict: only the unhedged values count, and
    at least two sides must state one ("6.1" and "about 6.0" / "5.9": 6.1 against 5.9)."""
    values = [it.ext.value for it in slot.items]
    if not all(is_number(v) for v in values):
        return False
    plain = [
        [float(it.ext.value) for it in side if not it.ext.approximate]  # type: ignore[arg-type]
        for side in _sides(slot.items)
    ]
    nums = [v for side in plain for v in side]
    if sum(1 for side in plain if side) < 2 or min(nums) <= 0:
        return False
    # figures written to the same precision ("141" / "139 million"); a round figure beside a
    # precise one ("$10,000" / "$9,587.64") is an approximation, not a near miss
    if len({significant_digits(v) for v in nums}) > 1:
        return False
    return max(nums) <= min(nums) * PARAMS.get().near_miss


@lru_cache(maxsize=1)
def _known_heads() -> frozenset[str]:
    from corroborator.claims.lang import supported_languages

    out: set[str] = set()
    for lang in supported_languages():
        lex = get_lexicon(lang)
        if lex is not None:
            out.update(head_class(h) for h in lex.noun_heads.values())
            out.update(head_class(h) for h in lex.measure_nouns)
    return frozenset(out)


def _pair_relations(
    items: list[_Item], synonyms: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Four boolean matrices over the pairs of `items`:

    - `same_group`: one independence group (an original and its copies). A conflict is a
      disagreement between independent sources, so such values never make its sides.
    - `one_voice`: one article, not explicitly given by two different sources. An article
      states one value for one fact: two of its values that disagree are two facts, unless it
      gives them from two sources ("6.0, Iran said; the USGS put it at 5.9"; one named
      source beside the article's own unattributed figure counts as two).
    - `frames_differ`: frames that say two values are different facts, whatever the text
      similarity: counts of different things ("12 firefighters" / "3 residents"; the head is
      the counted noun made English, so it holds across languages), values tied to different
      years (today's quake against one in 2005 mentioned for context), or to different days
      ("Sunday's quake injured two" / "Monday's aftershock injured five"; weekdays only when
      resolved against the same publication day, since two reports of different days name one
      day differently), or counts with verbs of different event classes.
    - `other_event`: counts whose verbs say different things happened to them ("12 people
      were injured" / "12 people were arrested", `claims.frames.EVENT_CLASSES`), or one with
      such a verb beside a bare count of the same thing from another article: not one fact
      even when the values agree.
    """
    ext = [it.ext for it in items]

    def eq(c: np.ndarray) -> np.ndarray:
        return np.asarray(c[:, None] == c[None, :])

    group = np.array([it.group for it in items])
    same_group = group[:, None] == group[None, :]
    has_holder = np.array([bool(e.holder) for e in ext])
    # "6.1, the survey said" beside the article's own 5.9: a named source is another voice
    two_sources = (has_holder[:, None] | has_holder[None, :]) & ~eq(
        value_codes([e.holder or "" for e in ext])
    )
    one_voice = eq(value_codes([it.article for it in items])) & ~two_sources
    has_date = np.array([bool(e.event_date) for e in ext])
    explicit = np.array([e.event_date_explicit for e in ext])
    has_ref = np.array([bool(it.ref_day) for it in items])
    other_day = (
        has_date[:, None] & has_date[None, :] & ~eq(value_codes([e.event_date for e in ext]))
    )
    comparable = (explicit[:, None] & explicit[None, :]) | (
        has_ref[:, None] & eq(value_codes([it.ref_day for it in items]))
    )
    heads = [head_class(e.head) for e in ext]
    quantity = np.array([e.kind == "quantity" for e in ext])
    generic = np.array([h in GENERIC_HEADS for h in heads])
    # Heads from the lexicons' noun tables are trusted; a head that is only a lemmatised
    # surface word ("kos", "ko's", "knockout") may name the same thing as another one, so
    # the matcher weighs those instead of a hard rule.
    known = np.array([h in _known_heads() for h in heads])
    trusted = known[:, None] | known[None, :]
    other_thing = quantity[:, None] & ((~eq(value_codes(heads)) & trusted) | generic[:, None])
    if synonyms is not None:  # `_alike_heads`: near synonyms count one thing
        other_thing &= ~synonyms
    # what happened to them: "12 people injured" / "12 people arrested"
    classes = [EVENT_CLASSES.get(verb_of(e), "") if e.kind == "quantity" else "" for e in ext]
    # "7 fans were injured" / "about 10 fans were led out of the stand": a count whose
    # verb names what happened to it is not the same fact as a bare count from another
    # article, however close the values ("about 10" would take 7 into its band)
    verbless = np.array([e.kind == "quantity" and not verb_of(e) for e in ext])
    result = np.array([e.slot == RESULT_SLOT for e in ext])
    # ... except a deployment: a bare count of firefighters or police ("40 firefighters were
    # at the scene", "40 firefighters were sent") is how many were deployed
    has_class = np.array([bool(c) and c != "deployment" for c in classes])
    one_bare = (has_class[:, None] & verbless[None, :]) | (verbless[:, None] & has_class[None, :])
    # ... unless both give one and the same uncommon figure ("23 armed pirates" / "23 pirates
    # arrested"): an exact match of a figure said of few things is the toll said again (a
    # round one, "300 residents" / "300 residents evacuated", stays apart)
    exact = np.array([_exact_figure(e) for e in ext], dtype=object)
    same_figure = (exact[:, None] == exact[None, :]) & np.array([x is not None for x in exact])[
        :, None
    ]
    one_bare &= ~same_figure
    # "the 40th Lantern Awards" / "the 41st Lantern Awards": two editions are two ceremonies;
    # and "the 12th Lantern Awards" / "the 12th Harbour Film Festival" two events
    edition = [e.kind == "quantity" and e.head == EDITION for e in ext]
    editions = [str(e.value) if ed else "" for e, ed in zip(ext, edition, strict=True)]
    events = [_edition_event(e.text) if ed else "" for e, ed in zip(ext, edition, strict=True)]
    other_event = (
        _both_differ(classes)
        | (one_bare & eq(value_codes(heads)) & ~eq(value_codes([it.article for it in items])))
        # whose figure: "Varga (41-2)" and "Roth (22-5-1)" are two records, even when equal
        | _both_differ([owner_key(e.owner) if e.owner else "" for e in ext])
        # a rate's period: "$14.95 a month" and "$180 a year" are two facts
        | _both_differ([e.per or "" for e in ext])
        # a game's result only ever meets another result ("won 20-13" / "a 13-play drive")
        | (result[:, None] ^ result[None, :])
        | _both_differ(events)
    )
    # a weekday whose week is unknown may be any day: it corroborates the same weekday only
    # and is set against nothing
    unknown_week = np.array([e.kind == "date" and in_unknown_week(e.value) for e in ext])
    # times of day in two stated zones ("4:30 a.m. local" / "11:30 p.m. ET") cannot be compared
    # without the place's offset: neither one value nor a disagreement
    zones = [(e.unit or "") if e.kind == "time" else "" for e in ext]
    # "Saturday's quake killed a dozen" / "Sunday's quake killed ten": two weekday names
    # are two days, whatever week each report resolved them to
    weekdays = [_weekday_of(e.event_date) if e.event_weekday else "" for e in ext]
    frames_differ = (
        _both_differ(zones)
        | _both_differ(editions)
        | _both_differ(weekdays)
        | (unknown_week[:, None] | unknown_week[None, :])
        | ~eq(value_codes([e.event_year for e in ext]))
        | (other_day & comparable)
        | other_thing
        | other_event
        | _other_game(ext, result)
    )
    return same_group, one_voice, frames_differ, other_event


def _edition_event(text: str) -> str:
    """The event an edition's number is of: "41st annual Lantern Awards" -> "lantern awards"."""
    return re.sub(r"^\S+\s+(?:annual\s+)?", "", text.strip()).lower()


def _other_game(ext: Sequence[Extraction], result: np.ndarray) -> np.ndarray:
    """Results of two games: scores whose sentences name teams and share none ("the Hawks
    beat the Owls 24-21" / "Eastport edged Norland 14-10" in one roundup) are never set
    against each other (one team named two ways, "the Colts" / "Indianapolis", is then a
    split fact, the cheaper error)."""
    n = len(ext)
    out = np.zeros((n, n), dtype=bool)
    named = [k for k in range(n) if result[k] and ext[k].participants]
    for a, b in itertools.combinations(named, 2):
        if not set(ext[a].participants) & set(ext[b].participants):
            out[a, b] = out[b, a] = True
    return out


def _weekday_of(day: str | None) -> str:
    try:
        return str(date.fromisoformat(str(day)[:10]).weekday())
    except ValueError:
        return ""


def _both_differ(labels: Sequence[str]) -> np.ndarray:
    """Pairs whose labels are both given ("" = none) and differ."""
    has = np.array([bool(x) for x in labels])
    codes = value_codes(labels)
    return np.asarray(has[:, None] & has[None, :] & (codes[:, None] != codes[None, :]))


def _linkage(
    clusters: list[list[int]],
    values: np.ndarray,
    counted: np.ndarray,
    blocked: np.ndarray,
    threshold: float,
    needed: np.ndarray | None = None,
) -> tuple[list[list[int]], list[float]]:
    """Average-linkage merging of `clusters` (lists of element indexes), deterministic.

    Between two clusters the score is the mean of `values` over the element pairs marked in
    `counted`; they may merge when the score is >= `threshold`, no pair between them is
    `blocked` and (with `needed`) at least one pair is `needed`. The best-scoring pair merges
    first (ties: the earliest pair). Cluster-level sums are kept and updated at each merge
    (Lance-Williams), so a merge costs O(clusters) and finding the best one a vectorised
    O(clusters^2). Returns the clusters and each one's weakest merge score (inf: no merge).
    """
    k = len(clusters)
    if k < 2:
        return [sorted(c) for c in clusters], [math.inf] * k
    n = values.shape[0]
    member = np.zeros((k, n))
    for i, c in enumerate(clusters):
        member[i, c] = 1.0

    def agg(m: np.ndarray) -> np.ndarray:
        return np.asarray(member @ m.astype(np.float64) @ member.T)

    total, count, block = agg(values * counted), agg(counted), agg(blocked)
    need = agg(needed) if needed is not None else None
    groups: list[list[int] | None] = [sorted(c) for c in clusters]
    weakest = [math.inf] * k
    alive = np.ones(k, dtype=bool)
    upper = np.triu(np.ones((k, k), dtype=bool), 1)

    def mergeable(rows: Any) -> np.ndarray:
        """Scores of the pairs at index `rows` that may merge (-inf where they may not)."""
        c, t = count[rows], total[rows]
        with np.errstate(invalid="ignore", divide="ignore"):
            sc = np.where(c > 0, t / np.where(c > 0, c, 1), -np.inf)
        ok = (c > 0) & (block[rows] == 0) & (sc >= threshold)
        if need is not None:
            ok &= need[rows] > 0
        return np.where(ok, sc, -np.inf)

    # Pair scores, kept up to date one row and column per merge (dead clusters at -inf).
    flat = np.where(upper, mergeable(slice(None)), -np.inf)
    while True:
        best_at = int(np.argmax(flat))
        i, j = divmod(best_at, k)
        best = float(flat[i, j])
        if best == -np.inf:
            break
        gi, gj = groups[i], groups[j]
        assert gi is not None and gj is not None
        groups[i], groups[j] = sorted(gi + gj), None
        weakest[i] = min(weakest[i], weakest[j], best)
        for mat in (total, count, block, *([need] if need is not None else [])):
            mat[i, :] += mat[j, :]
            mat[:, i] += mat[:, j]
        alive[j] = False
        flat[j, :] = flat[:, j] = -np.inf
        # the upper triangle holds pair (a, b), a < b, at [a, b]: row i right of the
        # diagonal, column i above it (read where they live, as the sums need not be
        # bit-for-bit symmetric)
        right, above = mergeable(np.s_[i, i + 1 :]), mergeable(np.s_[:i, i])
        flat[i, i + 1 :] = np.where(alive[i + 1 :], right, -np.inf)
        flat[:i, i] = np.where(alive[:i], above, -np.inf)
    order = [x for x in range(k) if alive[x]]
    return [groups[x] for x in order], [weakest[x] for x in order]  # type: ignore[misc]


def _explain(
    members: list[int],
    p: np.ndarray,
    feat_of: dict[tuple[int, int], np.ndarray],
    model: MatcherModel,
    weakest: float,
    note: str = "",
) -> str:
    """One line: the features that linked the mentions most, the mean link, the weakest
    merge between sides when values differ, and `note` (why a weak link still conflicts)."""
    if len(members) == 1:
        return "one mention: no other article states this fact"
    best = max(
        ((p[a, b], a, b) for k, a in enumerate(members) for b in members[k + 1 :]),
        key=lambda t: t[0],
    )
    _, a, b = best
    features = model.explain(feat_of[(min(a, b), max(a, b))], top=6)
    reasons = list(dict.fromkeys(_REASONS[f] for f in features if f in _REASONS))[:4]
    text = "grouped by " + (", ".join(reasons) if reasons else "the matcher")
    mean = float(np.mean([p[x, y] for k, x in enumerate(members) for y in members[k + 1 :]]))
    text += f" (mean link {mean:.2f}"
    if math.isfinite(weakest):
        text += f"; values differ, weakest link between sides {weakest:.2f}"
    if note:
        text += f"; {note}"
    return text + ")"


def omissions_for(claims: Sequence[Claim], groups: Sequence[Sequence[str]]) -> list[Omission]:
    """For every checkable, named claim, the articles of independent groups that do not
    mention it (quotes and attributions are not "omitted": outlets choose different ones), nor
    state the same fact with another value."""
    out: list[Omission] = []
    if len(groups) < 2:
        return out
    group_of = {aid: g for g, members in enumerate(groups) for aid in members}
    # An article that states the fact with another value (a claim of the same kind under the
    # same key or label that alignment kept apart) does not omit it.
    stating: dict[tuple[str, str], set[int]] = {}
    for claim in claims:
        gs = {group_of[m.article] for m in claim.mentions if m.article in group_of}
        for name in {claim.key, claim.label} - {""}:
            stating.setdefault((claim.kind, name), set()).update(gs)
    for claim in claims:
        if claim.kind not in OMISSION_KINDS or _generic_key(claim.key):
            continue
        present = {group_of[m.article] for m in claim.mentions if m.article in group_of}
        for name in {claim.key, claim.label} - {""}:
            present |= stating.get((claim.kind, name), set())
        missing = [aid for g, members in enumerate(groups) if g not in present for aid in members]
        if missing:
            out.append(Omission(claim.id, missing))
    return out


def _generic_key(key: str) -> bool:
    """ "event date": nobody can be said to omit a slot we could not name."""
    return key.split(" ", 1)[0] in GENERIC_HEADS


def _article_order(groups: Sequence[Sequence[str]]) -> Callable[[str], int]:
    order = {aid: i for i, aid in enumerate(a for g in groups for a in g)}
    return lambda aid: order.get(aid, len(order))
