"""TimeML readings that are not claims: TIMEX3 values the TempEval benchmark scores but a reader
cannot check against another report.

`find_timex` returns, for one sentence, what `extract_claims` deliberately leaves out:

  PRESENT_REF / PAST_REF / FUTURE_REF  "now", "currently", "recently", "the past", "the future"
  vague durations                      "years" -> PXY, "several months" -> PXM, "a few days"
  sets (recurring times)               "daily" -> P1D, "every week" -> P1W, "each Thursday"
                                       -> XXXX-WXX-4, "twice a year" -> P1Y ("annually"
                                       is left out: on the train splits it was mostly not
                                       annotated, as in "sales rose 8% annually")
  centuries                            "the 20th century" -> "19"
  parts of the day                     "Wednesday night" -> "<that day>TNI", "this morning"
                                       -> "<publication day>TMO" (the day itself is a claim;
                                       the part refines its TIMEX3 value)

None of these becomes a claim: a claim must be checkable, and "now", "for years" or "every
week" can neither conflict with nor corroborate another report. `bench/tempeval_eval.py` adds
them to the claims' dates, times and durations; the product never calls this module.

The words are English only (TempEval-3 is English); another language plugs in by adding its
entry to `_WORDS`. Parts of the day are read after any day that `find_dates` resolves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from corroborator.claims.dates import DateMention, _alt, find_dates
from corroborator.claims.lexicon import Lexicon
from corroborator.text.calendar import ORDINALS


@dataclass(frozen=True)
class TimexReading:
    start: int
    end: int
    type: str  # TIMEX3 type: DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: "PRESENT_REF", "PXY", "P1W", "XXXX-WXX-4", "19", "2025-04-02TNI"
    # True when the reading refines a date `find_dates` found at the same place (a part of the
    # day after "Wednesday"): the reading replaces that date rather than adding a mention.
    refines: bool = False


@dataclass(frozen=True, eq=False)
class _Words:
    present: tuple[str, ...]
    past: tuple[str, ...]
    future: tuple[str, ...]
    # Unit words (singular and plural) -> TIMEX3 duration letter ("Y", "M", "W", "D", "TH", "DE").
    units: dict[str, str]
    vague: tuple[str, ...]  # "several", "a few": a count left open
    # Units read as vague durations ("for years"); on the train splits "minutes", "decades"
    # and "centuries" were more often left unannotated or given another unit than read right.
    vague_units: frozenset[str]
    couple: str  # "a couple of years": two
    recent: str  # "recent years": the open span up to now
    sets: dict[str, str]  # "daily" -> "P1D"
    every: tuple[str, ...]  # "every", "each"
    per: tuple[str, ...]  # "once a week", "twice a year", "per month": words before "a <unit>"
    century: str
    # "the year", "the fiscal year": the publication's year; "the year ended June 30" a
    # year-long period; "the year two thousand" the year spelled out.
    the_year: str
    year_ending: str
    ordinals: dict[str, int]
    parts: dict[str, str]  # "night" -> "NI"
    last_night: tuple[str, ...]  # "last night": the evening before publication
    # "from now", "by now": not PRESENT_REF on their own ("for now" and "until now" are: on the
    # train splits 4 of 6 were annotated)
    not_before_now: tuple[str, ...]
    # "the recent collapse": an adjective of an event (3 of 9 annotated on train), unlike a
    # bare "recent talks" (15 of 20)
    not_after_the: tuple[str, ...]
    not_before_daily: tuple[str, ...]  # "average daily volume": an adjective of a figure


_EN = _Words(
    present=("now", "currently", "current", "these days", "nowadays", "at present", "right now"),
    past=("recently", "recent", "the past", "lately"),
    future=("the future", "the near future", "the distant future", "the foreseeable future"),
    units={
        "year": "Y",
        "years": "Y",
        "month": "M",
        "months": "M",
        "week": "W",
        "weeks": "W",
        "day": "D",
        "days": "D",
        "hour": "TH",
        "hours": "TH",
        "minute": "TM",
        "minutes": "TM",
        "decade": "DE",
        "decades": "DE",
        "century": "CE",
        "centuries": "CE",
        "quarter": "Q",
    },
    vague=("several", "a few", "few", "many", "some", "a couple of", "recent"),
    vague_units=frozenset({"Y", "M", "W", "D", "TH"}),
    couple="a couple of",
    recent="recent",
    sets={
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "hourly": "PT1H",
        "nightly": "P1D",
    },
    every=("every", "each"),
    per=("once", "twice", "times", "per"),
    century="century",
    the_year=r"the\s+(?:(?:full|fiscal|whole|entire|current)\s+)?year",
    year_ending=r"end(?:ed|ing)|to\s+date",
    ordinals=ORDINALS,
    parts={"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"},
    last_night=("last night",),
    not_before_now=("from", "till", "by"),
    not_after_the=("recent",),
    not_before_daily=("average", "party"),
)

_WORDS: dict[str, _Words] = {"en": _EN}


@dataclass(frozen=True)
class _Patterns:
    ref: re.Pattern[str]
    vague: re.Pattern[str]
    sets: re.Pattern[str]
    every: re.Pattern[str]
    per: re.Pattern[str]
    century: re.Pattern[str]
    part_after: re.Pattern[str]
    the_year: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(w: _Words, lex: Lexicon) -> _Patterns:
    i = re.IGNORECASE
    plural = [u for u in w.units if u.endswith("s") and w.units[u] in w.vague_units]
    units = _alt(w.units)
    weekdays = _alt(lex.weekdays)
    months = _alt([m for m in lex.months if len(m) > 3])
    return _Patterns(
        ref=re.compile(
            rf"(?<![\w-])(?:(?P<fu>{_alt(w.future)})|(?P<pr>{_alt(w.present)})|(?P<pa>{_alt(w.past)}))"
            r"(?![\w-])",
            i,
        ),
        vague=re.compile(
            rf"(?<![\w-])(?:(?P<q>{_alt(w.vague)})\s+)?(?P<u>{_alt(plural)})(?![\w-])", i
        ),
        sets=re.compile(rf"(?<![\w-])(?P<s>{_alt(w.sets)})(?![\w-])", i),
        every=re.compile(
            rf"(?<![\w-])(?:{_alt(w.every)})\s+(?:(?P<u>{units})|(?P<wd>{weekdays})|(?P<mon>{months}))"
            r"(?![\w-])",
            i,
        ),
        per=re.compile(
            rf"(?<![\w-])(?:{_alt(w.per)})\s+(?:a|an|each|per)?\s*(?P<u>{units})(?![\w-])", i
        ),
        century=re.compile(
            rf"(?<![\w-])(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<o>{_alt(w.ordinals)}))"
            rf"[\s-]+{w.century}(?![\w-])",
            i,
        ),
        part_after=re.compile(rf"[ \t]+(?P<p>{_alt(w.parts)})(?![\w-])", i),
        the_year=re.compile(
            rf"(?<![\w-]){w.the_year}(?![\w-])(?:\s+(?:(?P<end>{w.year_ending})\b|"
            rf"(?P<n>(?:{lex.number_words_re})(?:[\s-]+(?:{lex.number_words_re}))*)))?",
            i,
        ),
    )


def _preceded_by_number(text: str, start: int, lo: int, lex: Lexicon) -> bool:
    """'five years', '20 days', 'the past two months': a counted duration, read by the
    claims' quantities, not a vague one."""
    before = text[lo:start].rstrip()
    if re.search(r"\d\s*$", before):
        return True
    words = before.split()
    if not words:
        return False
    last = words[-1].lower().strip(",")
    tail = " ".join(words[-3:]).lower()
    return bool(
        last in lex.one_words
        or re.search(rf"(?:{lex.number_words_re})\s*$", tail, re.IGNORECASE)
        or last == "these"  # "these days": PRESENT_REF
    )


def find_timex(
    text: str,
    start: int,
    end: int,
    lex: Lexicon | None,
    published: date | None,
    dates: list[DateMention] | None = None,
) -> list[TimexReading]:
    """TimeML readings in text[start:end] (one sentence) that are not claims (see above).
    `dates` are `find_dates` on the same sentence when the caller has them."""
    if lex is None or lex.code not in _WORDS:
        return []
    w = _WORDS[lex.code]
    p = _patterns(w, lex)
    out: list[TimexReading] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, typ: str, value: str, refines: bool = False) -> None:
        if not any(s < b and a < e for a, b in taken):
            out.append(TimexReading(s, e, typ, value, refines))
            taken.append((s, e))

    if dates is None:
        dates = find_dates(text, start, end, lex, published)
    for d in dates:
        if len(d.value) != 10 or d.value[4] != "-" or d.approximate:
            continue  # a day: "Wednesday", "yesterday", "this morning", "March 3"
        span = text[d.start : d.end].lower()
        part = next((c for word, c in w.parts.items() if word in span.split()), None)
        e = d.end
        if part is None:
            m = p.part_after.match(text, d.end, end)
            if m is None:
                continue
            part, e = w.parts[m.group("p").lower()], m.end()
        add(d.start, e, "TIME", f"{d.value}T{part}", True)
    if published is not None:
        for phrase in w.last_night:
            for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text[start:end], re.I):
                day = (published - timedelta(days=1)).isoformat()
                add(start + m.start(), start + m.end(), "TIME", f"{day}TNI")
    for m in p.the_year.finditer(text, start, end):
        if m.group("end"):
            add(m.start(), m.start("end") - 1, "DURATION", "P1Y")
        elif m.group("n"):
            y = lex.parse_number_words(m.group("n"))
            if y is not None and 1000 <= y <= 2100 and float(y).is_integer():
                add(m.start(), m.end(), "DATE", f"{int(y):04d}")
        elif published is not None:
            add(m.start(), m.end(), "DATE", f"{published.year:04d}")
    for m in p.century.finditer(text, start, end):
        n = int(m.group("n")) if m.group("n") else w.ordinals[m.group("o").lower()]
        if 1 <= n <= 30:
            add(m.start(), m.end(), "DATE", f"{n - 1:02d}")
    for m in p.every.finditer(text, start, end):
        if m.group("u"):
            add(m.start(), m.end(), "SET", _period(1, w.units[m.group("u").lower()]))
        elif m.group("wd"):
            add(m.start(), m.end(), "SET", f"XXXX-WXX-{lex.weekdays[m.group('wd').lower()] + 1}")
        else:
            add(m.start(), m.end(), "SET", f"XXXX-{lex.months[m.group('mon').lower()]:02d}")
    for m in p.per.finditer(text, start, end):
        # "twice a year": TimeML marks "a year" as the set
        s = (
            m.start("u") - 2
            if text[m.start("u") - 2 : m.start("u")].lower() == "a "
            else m.start("u")
        )
        add(s, m.end(), "SET", _period(1, w.units[m.group("u").lower()]))
    for m in p.sets.finditer(text, start, end):
        before = text[max(start, m.start() - 20) : m.start()].lower().split()
        if before and before[-1] in w.not_before_daily:
            continue
        add(m.start(), m.end(), "SET", w.sets[m.group("s").lower()])
    for m in p.vague.finditer(text, start, end):
        q = (m.group("q") or "").lower()
        letter = w.units[m.group("u").lower()]
        if not q and _preceded_by_number(text, m.start(), max(start, m.start() - 40), lex):
            continue
        after = text[m.end() : end].lstrip().lower()
        if re.match(r"(?:old|of age|ago)\b", after) or (
            not q and re.match(r"(?:later|earlier|before|after)\b", after)
        ):
            # "years old", "years ago": an age or a date; a bare "days later" neither. With
            # its quantifier, "a few days later" / "several months before" is the span
            # between two events: TimeML's vague duration (PXD, PXM).
            continue
        if q == w.recent and letter == "Y":
            add(m.start(), m.end(), "DATE", "PAST_REF")
        elif q == w.couple:
            add(m.start(), m.end(), "DURATION", _period(2, letter))
        else:
            add(m.start(), m.end(), "DURATION", _period(None, letter))
    for m in p.ref.finditer(text, start, end):
        if m.group("pr"):
            word = m.group("pr").lower()
            before = text[max(start, m.start() - 12) : m.start()].lower().split()
            if word == "now" and (
                (not text[start : m.start()].strip() and text[m.end() : m.end() + 1] in ",:")
                or (before and before[-1] in w.not_before_now)
            ):
                # a sentence-initial "Now, ..." (discourse; "Now officials are ..." is the
                # present: 4 of 5 annotated on train, "Now," 0 of 3), "from now"
                continue
            add(m.start(), m.end(), "DATE", "PRESENT_REF")
        elif m.group("pa"):
            before = text[max(start, m.start() - 5) : m.start()].lower().split()
            if before == ["the"] and m.group("pa").lower() in w.not_after_the:
                continue
            after = text[m.end() : end].lstrip().lower()
            if re.match(rf"(?:\d+|{lex.number_words_re}|{_alt(w.units)})\b", after, re.I):
                continue  # "the past two months", "the past year": a duration or a date
            add(m.start(), m.end(), "DATE", "PAST_REF")
        else:
            add(m.start(), m.end(), "DATE", "FUTURE_REF")
    return sorted(out, key=lambda r: (r.start, r.end))


def _period(n: int | None, letter: str) -> str:
    """(None, "Y") -> "PXY"; (1, "TH") -> "PT1H"; (1, "DE") -> "P1DE"."""
    count = "X" if n is None else str(n)
    if letter.startswith("T"):
        return f"PT{count}{letter[1:]}"
    return f"P{count}{letter}"
