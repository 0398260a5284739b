"""Dates, absolute and relative, resolved against the article's publication date.

News convention: a bare weekday refers back ("the fire started on Tuesday" = the most recent
Tuesday on or before publication) unless the sentence is in the future tense ("will meet on
Tuesday" = the next Tuesday after publication). Week/month/year granularity gives the ISO start
of the period with `approximate=True`. Without a publication date relative dates are skipped:
they cannot be resolved, and an unresolved value would align with nothing.

Language-neutral: ISO dates ("2025-03-03") are read for every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from corroborator.claims.lexicon import Lexicon

_ISO = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str
    approximate: bool
    # "LIMA, March 3 (Reuters) -": the filing date of a dateline, not a claim (still masked).
    dateline: bool = False


def parse_published(published: str | None) -> date | None:
    """'2025-04-02' or a full ISO datetime -> date; anything else -> None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True)
class _DatePatterns:
    dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    my: re.Pattern[str]
    weekday: re.Pattern[str]
    relday: re.Pattern[str]
    period: re.Pattern[str]
    rel_month: re.Pattern[str]
    year: re.Pattern[str]
    ago: re.Pattern[str]


@lru_cache(maxsize=16)
def _patterns(lex: Lexicon) -> _DatePatterns:
    i = re.IGNORECASE
    full = [m for m in lex.months if len(m) > 4]
    abbr = [m for m in lex.months if len(m) <= 4]
    # Only abbreviations take a dot ("Sept. 11"); a full name's dot ends the sentence.
    mon = rf"(?P<mon>(?:{_alt(full)})|(?:{_alt(abbr)})\.?)"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?"
    year = r"(?P<y>(?:1[89]|20)\d{2})"
    wd = rf"(?P<wd>{_alt(lex.weekdays)})"
    if lex.weekday_suffix_re:
        wd += rf"(?:{lex.weekday_suffix_re})?"
    past = _alt(lex.past_words)
    nxt = _alt(lex.next_words)
    this = _alt(lex.this_words)
    units = {"y": lex.year_word_re, "m": lex.month_word_re, "w": lex.week_word_re}
    dur_units = _alt(lex.duration_units)
    of = rf"(?:(?:{_alt(lex.date_of_words)})\s+)?" if lex.date_of_words else ""
    ago_suffix = lex.ago_re.lstrip(chr(92) + "s+")
    ago_num = rf"(?P<n>\d+|{lex.number_words_re})\s+(?P<u>{dur_units})"
    ago = rf"\b{ago_num}\s*(?:{ago_suffix})"
    if lex.ago_prefix_re:
        # "il y a deux jours", "hace dos días", "vor zwei Tagen"; phrases ("vor einer Woche")
        # read as one unit.
        dets = _alt(lex.determiners)
        ago_pre = (
            rf"(?:{lex.ago_prefix_re})\s+(?:(?P<n2>\d+|{lex.number_words_re})\s+|(?:{dets})\s+)?"
        )
        ago_pre += rf"(?P<u2>{dur_units})\b"
        ago = rf"(?:{ago}|(?<!\w){ago_pre})"
    return _DatePatterns(
        dmy=re.compile(rf"\b{day}\s+{of}{mon}(?:,?\s+{of}{year})?\b", i),
        mdy=re.compile(rf"\b{mon}\s+{day}(?:,?\s+{year})?\b", i),
        my=re.compile(rf"\b{mon},?\s+{of}{year}\b", i),
        weekday=re.compile(rf"\b(?:(?P<rel>{past}|{nxt}|{this})\s+)?{wd}\b", i),
        relday=re.compile(rf"(?<!\w)(?P<rd>{_alt(lex.relative_days)})(?!\w)", i),
        period=re.compile(
            rf"\b(?P<rel>{past}|{nxt}|{this})\s+(?:(?P<w>{units['w']})|(?P<m>{units['m']})|(?P<y>{units['y']}))\b",
            i,
        ),
        rel_month=re.compile(rf"\b(?:(?P<rel>{past}|{nxt}|{this}|in)\s+){mon}(?!\s*\d)", i),
        year=re.compile(rf"\b(?P<prep>{_alt(lex.year_prepositions)})\s+{year}\b(?![-/.]\d)", i),
        ago=re.compile(ago, i),
    )


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _is_future(sentence: str, lex: Lexicon) -> bool:
    low = f" {sentence.lower()} "
    return any(
        f" {w} " in low or (f"{w} " in low and w.startswith("'")) for w in lex.future_markers
    )


def find_dates(
    text: str, start: int, end: int, lex: Lexicon | None, published: date | None
) -> list[DateMention]:
    """All dates in text[start:end] (one sentence), most specific pattern first."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, value: str, approx: bool) -> None:
        if not _overlaps(s, e, taken):
            out.append(DateMention(s, e, value, approx, is_dateline(text, s, e)))
            taken.append((s, e))

    for m in _ISO.finditer(text, start, end):
        if _valid(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
            add(m.start(), m.end(), m.group(), False)
    if lex is None:
        return out
    p = _patterns(lex)
    sentence = text[start:end]
    future = _is_future(sentence, lex)
    for pat in (p.dmy, p.mdy):
        for m in pat.finditer(text, start, end):
            mon = lex.months[m.group("mon").lower().rstrip(".")]
            d = int(m.group("d"))
            if m.group("y"):
                y = int(m.group("y"))
            elif published is not None:
                y = published.year
                if _valid(y, mon, d) and date(y, mon, d) > published and not future:
                    y -= 1
            else:
                continue
            if _valid(y, mon, d):
                add(m.start(), m.end(), f"{y:04d}-{mon:02d}-{d:02d}", False)
    for m in p.my.finditer(text, start, end):
        add(
            m.start(),
            m.end(),
            f"{int(m.group('y')):04d}-{lex.months[m.group('mon').lower().rstrip('.')]:02d}",
            True,
        )
    for m in p.year.finditer(text, start, end):
        add(m.start("y"), m.end("y"), m.group("y"), True)
    if published is None:
        return sorted(out, key=lambda x: (x.start, x.end))
    for m in p.ago.finditer(text, start, end):
        groups = m.groupdict()
        raw = groups.get("n") or groups.get("n2")
        unit_word = groups.get("u") or groups.get("u2") or ""
        if raw is None:
            n: float | None = 1.0  # "vor einer Woche" / "hace una semana": the article is the 1
        else:
            n = float(raw) if raw.isdigit() else lex.parse_number_words(raw)
        if n is None or unit_word.lower() not in lex.duration_units:
            continue
        unit, secs = lex.duration_units[unit_word.lower()]
        when = published - timedelta(seconds=n * secs)
        if unit in ("year", "decade"):
            add(m.start(), m.end(), f"{when.year:04d}", True)
        elif unit == "month":
            add(m.start(), m.end(), f"{when.year:04d}-{when.month:02d}", True)
        else:
            add(m.start(), m.end(), when.isoformat(), unit == "week")
    for m in p.period.finditer(text, start, end):
        rel = m.group("rel").lower()
        step = -1 if rel in lex.past_words else 1 if rel in lex.next_words else 0
        if m.group("w"):
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            add(m.start(), m.end(), monday.isoformat(), True)
        elif m.group("m"):
            y, mo = divmod(published.year * 12 + published.month - 1 + step, 12)
            add(m.start(), m.end(), f"{y:04d}-{mo + 1:02d}", True)
        else:
            add(m.start(), m.end(), f"{published.year + step:04d}", True)
    for m in p.rel_month.finditer(text, start, end):
        rel = (m.group("rel") or "").lower()
        mon = lex.months[m.group("mon").lower().rstrip(".")]
        # "may" and "mar" are also verbs: only the capitalised form is a month.
        if m.group("mon").lower().rstrip(".") in ("may", "mar") and not m.group("mon")[0].isupper():
            continue
        y = published.year
        if rel in lex.next_words or (rel not in lex.past_words and future):
            if mon <= published.month:
                y += 1
        elif (rel in lex.past_words or rel == "in") and (
            mon > published.month or (rel in lex.past_words and mon == published.month)
        ):
            y -= 1
        add(m.start("mon") if rel == "in" else m.start(), m.end(), f"{y:04d}-{mon:02d}", True)
    for m in p.weekday.finditer(text, start, end):
        rel = (m.group("rel") or "").lower()
        wd = lex.weekdays[m.group("wd").lower()]
        before = text[max(start, m.start() - 12) : m.start()].lower().split()
        forward = bool(before) and before[-1] in lex.forward_preps
        ahead = (
            future
            and not _told_on(text, start, end, m.start(), m.end(), lex)
            and _is_future(_clause(text, start, end, m.start(), m.end(), lex), lex)
        )
        if rel in lex.next_words or forward or (ahead and rel not in lex.past_words):
            delta = (wd - published.weekday()) % 7 or 7
            when = published + timedelta(days=delta)
        else:
            delta = (published.weekday() - wd) % 7
            if rel in lex.past_words and delta == 0:
                delta = 7
            when = published - timedelta(days=delta)
        add(m.start(), m.end(), when.isoformat(), False)
    for m in p.relday.finditer(text, start, end):
        when = published + timedelta(days=lex.relative_days[m.group("rd").lower()])
        add(m.start(), m.end(), when.isoformat(), False)
    return sorted(out, key=lambda x: (x.start, x.end))


# "LIMA, March 3 (Reuters) -", "BERLIN, 3. März (dpa) -", "March 3 (AP) —": an agency tag in
# brackets then a dash, or an upper-case place at the start of a line before the date and a dash
# after it.
_AGENCY_AFTER = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*[-–—:]")
_DASH_AFTER = re.compile(r"[ \t]*[-–—]")
_PLACE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ .'/-]{1,40}(?:\s*\([^()\n]{1,40}\))?,[ \t]*$"
)


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] the filing date of a dateline?"""
    if _AGENCY_AFTER.match(text, end):
        return True
    return bool(
        _DASH_AFTER.match(text, end) and _PLACE_BEFORE.search(text, max(0, start - 60), start)
    )


def _told_on(text: str, start: int, end: int, s: int, e: int, lex: Lexicon) -> bool:
    """'said on Wednesday', 'teilte am Mittwoch mit', 'officials on Wednesday said': the weekday
    dates the statement, which lies in the past whatever the tense of what was said."""
    before = [w.strip(",") for w in text[max(start, s - 40) : s].lower().split()]
    while before and before[-1] in lex.prepositions:
        before.pop()
    after = text[e : min(end, e + 20)].lower().split()[:1]
    return bool(
        (before and before[-1] in lex.speech_verbs) or (after and after[0] in lex.speech_verbs)
    )


def _clause(text: str, start: int, end: int, s: int, e: int, lex: Lexicon) -> str:
    """The clause around text[s:e]: from the last ',', ';' or 'that' before it to the next after it
    (so "said on Wednesday that he would resign" reads the weekday in "said on Wednesday")."""
    stop = re.compile(rf"[,;]|\b{re.escape(lex.that_word)}\b", re.IGNORECASE)
    left = start
    for m in stop.finditer(text, start, s):
        left = m.end()
    m2 = stop.search(text, e, end)
    return text[left : m2.start() if m2 else end]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True
