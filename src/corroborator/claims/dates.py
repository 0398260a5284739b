"""Dates, absolute and relative, resolved against the article's publication date.

News convention: a bare weekday refers back ("the fire started on Tuesday" = the most recent
Tuesday on or before publication) unless the sentence is in the future tense ("will meet on
Tuesday" = the next Tuesday after publication). Week/month/year granularity gives the ISO start
of the period with `approximate=True`. Without a publication date relative dates are skipped:
they cannot be resolved, and an unresolved value would align with nothing.

Language-neutral: ISO dates ("2025-03-03") are read for every language.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

from corroborator.claims.lexicon import Lexicon
from corroborator.text.calendar import ORDINALS

_ISO = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str
    approximate: bool
    # "LIMA, March 3 (Reuters) -": the filing date of a dateline, not a claim (still masked).
    dateline: bool = False
    # "this week", "this year": the period the article is written in, no checkable date (still
    # masked; TimeML annotates it, claims leave it out).
    current: bool = False


#: the year of a day written without one when no publication date says which ("XXXX-07-13",
#: TimeML's form); `compare.align.dates_agree` compares such a day by month and day
YEARLESS = "XXXX"
#: a weekday whose week is not known ("on Tuesday" with no publication date: "XXXX-WXX-2")
UNKNOWN_WEEK = f"{YEARLESS}-WXX-"


def in_unknown_week(value: object) -> bool:
    """Whether a date value is a weekday of an unknown week."""
    return str(value).startswith(UNKNOWN_WEEK)


def parse_published(published: str | None) -> date | None:
    """'2025-04-02', a full ISO datetime or an RFC 2822 stamp as feeds and mail headers write
    it ('Wed, 02 Apr 2025 10:00:00 GMT') -> the date as written (the publisher's local day,
    whatever its offset); anything else -> None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        try:
            return parsedate_to_datetime(published.strip()).date()
        except (TypeError, ValueError, IndexError):
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
    month_rel_year: re.Pattern[str]
    weekday: re.Pattern[str]
    relday: re.Pattern[str]
    period: re.Pattern[str]
    rel_month: re.Pattern[str]
    year: re.Pattern[str]
    ago: re.Pattern[str]
    bare_year: re.Pattern[str] | None
    prep_month: re.Pattern[str] | None
    period_ord: re.Pattern[str] | None
    period_latest: re.Pattern[str] | None
    quarter_context: re.Pattern[str] | None
    year_ago: re.Pattern[str] | None
    decade: re.Pattern[str] | None
    season: re.Pattern[str] | None
    weekend: re.Pattern[str] | None
    week_after: re.Pattern[str]


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
    if lex.earlier_re:
        # "a year earlier", not the comparative "a month earlier than usual".
        earlier = lex.earlier_re.lstrip(chr(92) + "s+")
        than = rf"(?!\s+(?:{_alt(lex.than_words)})\b)" if lex.than_words else ""
        ago_suffix += f"|{earlier}{than}"
    one = rf"|(?P<one>{_alt(lex.one_words)})" if lex.one_words else ""
    ago_num = rf"(?:(?P<n>\d+|{lex.number_words_re}){one})\s+(?P<u>{dur_units})"
    # "half a century ago" is no "a century ago" (English; the half is not read)
    ago = rf"(?<!half\s)(?<!Half\s)\b{ago_num}\s*(?:{ago_suffix})"
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
        week_after=re.compile(rf"\s+(?P<rel>{past}|{nxt}|{this})\s+(?:{units['w']})\b", i),
        dmy=re.compile(rf"\b{day}\s+{of}{mon}(?:,?\s+{of}{year})?\b", i),
        mdy=re.compile(rf"\b{mon}\s+{day}(?:,?\s+{year})?\b", i),
        my=re.compile(rf"\b{mon},?\s+{of}{year}\b", i),
        month_rel_year=re.compile(
            rf"\b{mon}\s+(?P<rel>{past}|{nxt}|{this})\s+(?:{units['y']})\b(?!-)", i
        ),
        # "last Wednesday", and after the day "mercredi dernier", "el miércoles pasado" (not
        # "Friday last week": that "last" belongs to the week).
        weekday=re.compile(
            rf"\b(?:(?P<rel>{past}|{nxt}|{this})\s+)?{wd}\b"
            rf"(?:\s+(?P<rel2>{past}|{nxt})(?![\w-])(?!\s+(?:{units['w']}|{units['m']}|{units['y']})))?",
            i,
        ),
        relday=re.compile(rf"(?<!\w)(?P<rd>{_alt(lex.relative_days)})(?!\w)", i),
        period=re.compile(
            rf"\b(?P<rel>{past}|{nxt}|{this})\s+(?:(?P<w>{units['w']})|(?P<m>{units['m']})|(?P<y>{units['y']}))\b",
            i,
        ),
        rel_month=re.compile(rf"\b(?:(?P<rel>{past}|{nxt}|{this}|in)\s+){mon}(?!\s*\d)(?!\w)", i),
        # "in 1990", "in both 1990 and 1991" (the second by `_bare_year`'s joined years)
        year=re.compile(
            rf"\b(?P<prep>{_alt(lex.year_prepositions)})\s+(?:(?-i:both|either)\s+)?{year}\b"
            rf"(?![-/.]\d)",
            i,
        ),
        ago=re.compile(ago, i),
        bare_year=(
            re.compile(rf"(?<![\w$€£¥.,:/]){year}(?![\w%'’]|[.,:/-]\d)")
            if lex.year_modifiers
            else None
        ),
        prep_month=(
            re.compile(
                rf"(?<![\w-])(?P<prep>{_alt(lex.month_prepositions)})(?:\s+|(?<=-)){mon}"
                rf"(?!\s*\d)(?![\w-])",
                i,
            )
            if lex.month_prepositions
            else None
        ),
        period_ord=_period_ord(lex, year),
        period_latest=_period_latest(lex),
        quarter_context=re.compile(lex.quarter_context_re) if lex.quarter_context_re else None,
        year_ago=(
            re.compile(rf"(?<![\w-])(?:{_alt(lex.year_ago_words)})(?![\w-])", i)
            if lex.year_ago_words
            else None
        ),
        decade=(
            # "the 1990s", "the mid-1990s" (not "1980-1990s")
            re.compile(
                rf"(?:(?<=\b(?i:mid)-)|(?<![\w$€£¥.,'’-]))(?P<dec>(?:1[89]|20)\d)0"
                rf"{lex.decade_suffix_re}(?!\w)"
            )
            if lex.decade_suffix_re
            else None
        ),
        season=(
            re.compile(
                rf"\b(?:(?P<rel>{past}|{nxt}|{this})\s+)?(?P<se>{_alt(lex.seasons)})"
                rf"(?:\s+(?:{_alt(lex.date_of_words) or '(?!)'})\s+{year})?(?!\w)",
                i,
            )
            if lex.seasons
            else None
        ),
        weekend=(
            re.compile(
                rf"\b(?:(?P<rel>{past}|{nxt}|{this})|{_alt(lex.period_determiners)})\s+"
                rf"(?:{lex.weekend_re})(?![\w-])",
                i,
            )
            if lex.weekend_re and lex.period_determiners
            else None
        ),
    )


def _quarter_named(
    text: str,
    start: int,
    end: int,
    m: re.Match[str],
    p: _DatePatterns,
    lex: Lexicon,
    published: date | None,
    future: bool,
    context: bool,
) -> str | None:
    """The quarter a report is about ("1989-Q3"): the last one named before `m`, else the
    first one after it in its sentence; None when none is named."""
    if p.period_ord is None:
        return None
    seen = [
        (q.start() > m.start(), v)
        for q in p.period_ord.finditer(text, max(0, m.start() - 3000), end)
        if q.group("q") and (v := _period_value(q, lex, published, future, context))
    ]
    before = [v for later, v in seen if not later]
    return before[-1] if before else next((v for _, v in seen), None)


def _period_ord(lex: Lexicon, year: str) -> re.Pattern[str] | None:
    """'the third quarter', 'third-quarter', 'the 1994 third quarter', 'the year-ago fourth
    quarter', 'the first half of 1990'."""
    if not lex.period_ordinals or not lex.quarter_word_re:
        return None
    dets = _alt(lex.period_determiners)
    yago = _alt(lex.year_ago_words) if lex.year_ago_words else "(?!)"
    half = lex.half_word_re or "(?!)"
    of = _alt(lex.date_of_words) if lex.date_of_words else "(?!)"
    this = _alt(lex.this_words)
    past = _alt(lex.past_words)
    nxt = _alt(lex.next_words)
    yw = lex.year_word_re
    return re.compile(
        rf"(?<![\w-])(?:(?:{dets})\s+){{0,2}}(?:(?P<ya>{yago})\s+|{year.replace('<y>', '<py>')}\s+)?"
        rf"(?:(?:{dets})\s+)?(?P<ord>{_alt(lex.period_ordinals)})[\s-]+"
        rf"(?:(?P<q>{lex.quarter_word_re})|(?P<h>{half}))(?![\w-])"
        rf"(?:\s+(?:{of})\s+(?:{year.replace('<y>', '<oy>')}\b|(?:(?:{dets})\s+)?(?P<rel>{this}|{past}|{nxt})?\s*(?P<yw>{yw})\b))?",
        re.IGNORECASE,
    )


def _period_latest(lex: Lexicon) -> re.Pattern[str] | None:
    """'the latest quarter', 'the quarter', 'the current quarter', 'the year-ago period'."""
    if not lex.latest_words or not lex.quarter_word_re:
        return None
    dets = _alt(lex.period_determiners)
    yago = _alt(lex.year_ago_words) if lex.year_ago_words else "(?!)"
    period = lex.period_word_re or "(?!)"
    cur = _alt(lex.current_words) if lex.current_words else "(?!)"
    return re.compile(
        rf"(?<![\w-])(?:(?P<det>{dets})\s+)?(?:(?:(?P<ya>{yago})|(?P<lat>{_alt(lex.latest_words)}))"
        rf"\s+(?:{lex.quarter_word_re}|{period})|(?P<det2>{dets})\s+(?:(?P<cur>{cur})\s+)?"
        rf"{lex.quarter_word_re})(?![\w-])",
        re.IGNORECASE,
    )


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _is_future(sentence: str, lex: Lexicon) -> bool:
    low = f" {sentence.lower()} "
    if any(f" {w} " in low or (f"{w} " in low and w.startswith("'")) for w in lex.future_markers):
        return True
    return bool(lex.future_suffixes) and any(
        len(w) >= 5 and w.islower() and w.endswith(lex.future_suffixes)
        for w in _WORDS.findall(sentence)
    )


_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def _positions(text: str, pattern: re.Pattern[str]) -> tuple[int, ...]:
    """Start offsets of `pattern` in `text`, found once per article (every sentence asks)."""
    return tuple(m.start() for m in pattern.finditer(text))


def _near(positions: tuple[int, ...], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(positions, max(0, lo))
    return k < len(positions) and positions[k] < hi


def find_dates(
    text: str, start: int, end: int, lex: Lexicon | None, published: date | None
) -> list[DateMention]:
    """All dates in text[start:end] (one sentence), most specific pattern first."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, value: str, approx: bool, current: bool = False) -> None:
        if not _overlaps(s, e, taken):
            out.append(DateMention(s, e, value, approx, is_dateline(text, s, e), current))
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
            relative = (
                _YEAR_AFTER_DAY.match(text, m.end(), end)
                if lex.code == "en" and not m.group("y") and published is not None
                else None
            )
            if m.group("y"):
                y = int(m.group("y"))
            elif relative is not None and published is not None:
                # "March 3 last year": the year the words name, not the nearest March 3
                y = published.year + _YEAR_SHIFT[relative.group(1).lower()]
                if _valid(y, mon, d):
                    add(m.start(), relative.end(), f"{y:04d}-{mon:02d}-{d:02d}", False)
                continue
            elif published is not None:
                y = _day_year(mon, d, published, future, _past_clause(text, start, end, m, lex))
            else:
                # no year and no publication date to take it from ("July 13" in a pasted
                # text): the day and month still say when, and other reports can agree
                if _valid(2000, mon, d):  # a leap year: "29 February" is a day
                    add(m.start(), m.end(), f"{YEARLESS}-{mon:02d}-{d:02d}", False)
                continue
            if _valid(y, mon, d):
                add(m.start(), m.end(), f"{y:04d}-{mon:02d}-{d:02d}", False)
    if lex.code == "en" and " of " in text[start:end]:
        for m in _SPELLED_DAY.finditer(text, start, end):
            d = _spelled_ordinal(m.group("o").lower())
            mon_word = m.group("mon").lower().rstrip(".")
            if mon_word not in lex.months or published is None:
                continue
            mon = lex.months[mon_word]
            y = _day_year(mon, d, published, future, _past_clause(text, start, end, m, lex))
            if _valid(y, mon, d):
                add(m.start("o"), m.end(), f"{y:04d}-{mon:02d}-{d:02d}", False)
    if lex.code == "en" and _HOLIDAY_QUICK.search(text, start, end):
        for m in _HOLIDAY.finditer(text, start, end):
            got = _holiday_value(m, published, future, _past_clause(text, start, end, m, lex))
            if got is not None:
                add(m.start(), got[1], got[0], False)
    if published is not None:
        for a, b, day in _dateline_abbreviated(text, start, end, lex, published):
            add(a, b, day, False)
    for s, e, y, mon_word in _spelled_years(text, start, end, lex):
        if mon_word is not None:  # "January nineteen ninety-seven"
            add(s, e, f"{y:04d}-{lex.months[mon_word.lower().rstrip('.')]:02d}", True)
        else:
            add(s, e, f"{y:04d}", True)
    for m in p.my.finditer(text, start, end):
        add(
            m.start(),
            m.end(),
            f"{int(m.group('y')):04d}-{lex.months[m.group('mon').lower().rstrip('.')]:02d}",
            True,
        )
    context = bool(
        p.quarter_context and _near(_positions(text, p.quarter_context), start - 3000, end + 3000)
    )
    if p.period_ord is not None:
        for m in p.period_ord.finditer(text, start, end):
            value = _period_value(m, lex, published, future, context)
            if value:
                add(m.start(), m.end(), value, True)
    if published is not None:
        for m in p.month_rel_year.finditer(text, start, end):
            if not m.group("mon")[0].isupper():
                continue
            rel = m.group("rel").lower()
            y = published.year + (-1 if rel in lex.past_words else rel in lex.next_words)
            mon = lex.months[m.group("mon").lower().rstrip(".")]
            add(m.start(), m.end(), f"{y:04d}-{mon:02d}", True)
    if p.decade is not None:
        for m in p.decade.finditer(text, start, end):
            add(m.start(), m.end(), f"{m.group('dec')}X", True)
    if p.season is not None:
        for m in p.season.finditer(text, start, end):
            value = _season_value(m, lex, published)
            if value:
                add(m.start(), m.end(), value, True)
    for m in p.year.finditer(text, start, end):
        add(m.start("y"), m.end("y"), m.group("y"), True)
    if p.bare_year is not None:
        for m in p.bare_year.finditer(text, start, end):
            if _bare_year(text, start, end, m, lex, published):
                value = m.group("y")
                if (
                    lex.code == "en"
                    and published is not None
                    and _YEAR_PERIOD.match(text, m.end(), end)
                    and text[max(start, m.start() - 4) : m.start()].lower() == "the "
                ):
                    # "in the 1988 quarter", "the 1989 period": the quarter reported on, of
                    # that year (earnings reports set it against the latest quarter)
                    value = f"{value}-Q{_last_quarter(published)[1]}"
                add(m.start(), m.end(), value, True)
    if published is None:
        # "on Tuesday" with no publication date to count from: the weekday alone, which two
        # reports can share ("XXXX-WXX-2", TimeML's form); "last"/"next" need the day
        for m in p.weekday.finditer(text, start, end):
            if m.group("rel") or m.group("rel2") or _joins_its_day(text, m, out, taken):
                continue
            if _named_weekday(text, start, m, lex) or _recurring_weekday(text, start, end, m):
                continue
            add(
                m.start(),
                m.end(),
                f"{UNKNOWN_WEEK}{lex.weekdays[m.group('wd').lower()] + 1}",
                False,
            )
        return sorted(out, key=lambda x: (x.start, x.end))
    if p.period_latest is not None and context:
        for m in p.period_latest.finditer(text, start, end):
            if (m.group("det2") or "").lower() in lex.one_words:
                continue  # "a quarter of the votes"
            if re.match(rf"\s+(?:{_alt(lex.date_of_words)})\b", text[m.end() : end], re.I):
                continue  # "the quarter of voters who", "the latest quarter of a century"
            y, q = _last_quarter(published)
            this = (m.group("det2") or "").lower() in lex.this_words
            if m.group("cur") or (this and future):
                y, q = published.year, _quarter(published)
            if m.group("ya"):
                y -= 1
            add(m.start(), m.end(), f"{y:04d}-Q{q}", True)
    if p.year_ago is not None and context:
        # "compared with year-earlier profit": the quarter reported, a year before.
        for m in p.year_ago.finditer(text, start, end):
            prior = _quarter_named(text, start, end, m, p, lex, published, future, context)
            if prior:
                add(m.start(), m.end(), f"{int(prior[:4]) - 1:04d}{prior[4:]}", True)
            else:
                add(m.start(), m.end(), f"{published.year - 1:04d}", True)
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
        if unit == "year" and n == 1 and context and p.period_ord is not None:
            # "profit rose 19% from a year ago" in a quarterly report: that quarter a year before.
            prior = _quarter_named(text, start, end, m, p, lex, published, future, context)
            if prior:
                add(m.start(), m.end(), f"{int(prior[:4]) - 1:04d}{prior[4:]}", True)
                continue
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
            add(m.start(), m.end(), monday.isoformat(), True, step == 0)
        elif m.group("m"):
            y, mo = divmod(published.year * 12 + published.month - 1 + step, 12)
            add(m.start(), m.end(), f"{y:04d}-{mo + 1:02d}", True, step == 0)
        else:
            add(m.start(), m.end(), f"{published.year + step:04d}", True, step == 0)
    if p.prep_month is not None:
        for m in p.prep_month.finditer(text, start, end):
            if not m.group("mon")[0].isupper():
                continue  # "by march", "until may": only the capitalised form is a month here
            mon = lex.months[m.group("mon").lower().rstrip(".")]
            prep = m.group("prep").lower()
            back = prep in lex.past_prepositions
            past = back or _past_clause(text, start, end, m, lex)
            # "through June", "by August": forward like "until Thursday", unless past.
            ahead = (_future_clause(text, start, end, m, lex, future) and not back) or (
                prep in lex.forward_preps and not past
            )
            if back:  # "since December": the last one
                y = published.year - (1 if mon > published.month else 0)
            else:
                y = _month_year(mon, published, "", lex, ahead, past)
            add(m.start("mon"), m.end(), f"{y:04d}-{mon:02d}", True)
    for m in p.rel_month.finditer(text, start, end):
        rel = (m.group("rel") or "").lower()
        mon = lex.months[m.group("mon").lower().rstrip(".")]
        # "may" and "mar" are also verbs: only the capitalised form is a month.
        if m.group("mon").lower().rstrip(".") in ("may", "mar") and not m.group("mon")[0].isupper():
            continue
        y = _month_year(
            mon,
            published,
            rel,
            lex,
            _future_clause(text, start, end, m, lex, future),
            _past_clause(text, start, end, m, lex),
        )
        add(m.start("mon") if rel == "in" else m.start(), m.end(), f"{y:04d}-{mon:02d}", True)
    for m in p.weekday.finditer(text, start, end):
        if _joins_its_day(text, m, out, taken):
            continue  # "Saturday, April 25": one date, the day's
        if _named_weekday(text, start, m, lex):
            continue  # "on Patch Tuesday": a name
        if _recurring_weekday(text, start, end, m):
            continue  # "every Tuesday", "the second Tuesday of each month": a rule, no day
        if _nth_weekday_of_month(text, start, end, m, lex, out, taken):
            continue  # "the first Monday in March": that day
        if _NTH_PLAIN.search(text, max(start, m.start("wd") - 10), m.start("wd")):
            continue  # "the first Sunday after the vote": not the last Sunday
        rel = (m.group("rel") or m.group("rel2") or "").lower()
        wd = lex.weekdays[m.group("wd").lower()]
        before = text[max(start, m.start() - 12) : m.start()].lower().split()
        # "until Thursday", "by Monday": forward, unless the clause is past ("had filed
        # reports by Wednesday"); on the day itself it is that day.
        if lex.code == "en" and (
            cm := _CLOCK_BEFORE_DAY.search(text, max(start, m.start() - 40), m.start())
        ):
            before = [cm.group(1).lower()]  # "until 8 a.m. CST Thursday", "by noon Friday"
        forward = (
            bool(before)
            and before[-1] in lex.forward_preps
            and not _past_clause(text, start, end, m, lex)
            and not _past_after_fronted(text, end, m, lex)
        )
        ahead = (
            future
            and not _told_on(text, start, end, m.start(), m.end(), lex)
            and _is_future(_clause(text, start, end, m.start(), m.end(), lex), lex)
            and not _past_before(text, start, end, m, lex)
        )
        week = p.week_after.match(text, m.end(), end)
        if week is not None:  # "Monday next week", "Friday last week": that week's day
            wrel = week.group("rel").lower()
            step = -1 if wrel in lex.past_words else 1 if wrel in lex.next_words else 0
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            when = monday + timedelta(days=wd)
        elif rel in lex.next_words or forward or (ahead and rel not in lex.past_words):
            delta = (wd - published.weekday()) % 7
            if delta == 0 and rel in lex.next_words:
                delta = 7  # "next Wednesday" on a Wednesday; "will meet Wednesday" is today
            when = published + timedelta(days=delta)
        else:
            delta = (published.weekday() - wd) % 7
            if rel in lex.past_words and delta == 0:
                delta = 7
            when = published - timedelta(days=delta)
        add(m.start(), m.end(), when.isoformat(), False)
    if p.weekend is not None:
        for m in p.weekend.finditer(text, start, end):
            # The last weekend on or before publication; the coming one when said so ("next
            # weekend") or in a future sentence.
            if m.group().split()[0].lower() in lex.one_words:
                continue  # "a weekend job"
            rel = (m.group("rel") or "").lower()
            saturday = published + timedelta(days=5 - published.weekday())
            if saturday > published and not (rel in lex.next_words or future):
                saturday -= timedelta(weeks=1)
            if rel in lex.past_words and saturday == published:
                saturday -= timedelta(weeks=1)
            y, w, _ = saturday.isocalendar()
            add(m.start(), m.end(), f"{y:04d}-W{w:02d}-WE", True)
    for m in p.relday.finditer(text, start, end):
        if lex.code == "en" and _GENERIC_TODAY.match(text, m.end(), end):
            continue  # "today's world", "today's youth": the present age, no day
        if _in_title(text, start, end, m):
            continue  # "USA Today", "World News Tonight", "CBS This Morning": a name
        when = published + timedelta(days=lex.relative_days[m.group("rd").lower()])
        add(m.start(), m.end(), when.isoformat(), False)
    return sorted(out, key=lambda x: (x.start, x.end))


# A preposition and a clock time right before a weekday: "until 8 a.m. CST Thursday", "by noon
# Friday", "until midnight Friday" (the preposition governs the day too).
_CLOCK_BEFORE_DAY = re.compile(
    r"\b(\w+)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\b\.?)?|noon|midnight)"
    r"(?:\s+\(?[A-Z]{2,4}\)?)?,?\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _in_title(text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """A capitalised relative day right after a capitalised word ("USA Today reported", "on
    World News Tonight", "CBS This Morning"): the name of a paper or a show. Not in a
    capitalised headline ("Council Votes Today On Budget"), where the next word is capitalised
    too."""
    if not m.group()[:1].isupper() or m.start() == start:
        return False
    word = re.search(r"(\w+)\s+$", text[max(start, m.start() - 40) : m.start()])
    after = re.match(r"[^\w.!?]*(\w+)", text[m.end() : min(end, m.end() + 40)])
    return bool(
        word is not None
        and word.group(1)[:1].isupper()
        and not (after is not None and after.group(1)[:1].isupper())
    )


# "today's" before a noun of the age, not of the day ("today's world", "today's youth",
# "today's personal computers"): the present in general (train: 0 of 4 annotated as the day).
_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:world|youth|society|generation|children|kids|young|teenagers|"
    r"economy|culture|computers|technology|standards|politics|families|students|consumers)\b",
    re.IGNORECASE,
)


# "LIMA, March 3 (Reuters) -", "BERLIN, 3. März (dpa) -", "March 3 (AP) —": an agency tag in
# brackets then a dash, or an upper-case place at the start of a line before the date and a dash
# after it.
_AGENCY_AFTER = re.compile(r"[ \t]*\([^()\n]{1,40}\)\.?[ \t]*[-–—:]")
_DASH_AFTER = re.compile(r"[ \t]*[-–—]")
_PLACE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ .'/-]{1,40}(?:\s*\([^()\n]{1,40}\)[ \t]*,?|,)[ \t]*$"
)


#: A page's publication stamp: "Published: April 10, 2007", "Updated 5/14/2025 3:27 PM",
#: "3 May 2025 Last updated at 09:42 GMT", "8:17 AM, TUE 6 MAY 2025", "POSTED: 0915 GMT,
#: April 10, 2007". Words of the stamp in several languages; a clock time right next to the date.
STAMP_CUE = re.compile(
    r"(?i:\b(?:published|updated|posted|last\s+updated|first\s+published|modified|"
    r"aktualisiert|veröffentlicht|stand|publié|mis\s+à\s+jour|actualizado|publicado|"
    r"pubblicato|aggiornato|opublikowano|zaktualizowano)(?:\s+(?:on|at|am|le|el|il))?"
    r"\s*[:：]?[^\w\n]{0,3})"
)
_STAMP_BEFORE = re.compile(STAMP_CUE.pattern + r"[^a-z\n]{0,30}$")
#: the label of a stamp, before its clock time ("UPDATED: 18: 02 GMT, 9 May 2025")
LABELLED_STAMP = re.compile(
    r"\b(?:PUBLISHED|UPDATED|POSTED|Published|Updated|Posted|Last\s+updated|Last\s+Updated)"
    r"\s*[:：]"
)
#: a labelled stamp ("PUBLISHED: 04: 17 GMT, 9 May 2025 | UPDATED: ..."): the label with its
#: colon (or the bar between two stamps) says what the date is wherever the page's headline and
#: deck put it
_LABELLED_STAMP_BEFORE = re.compile(rf"(?:{LABELLED_STAMP.pattern}|\|)[^a-z\n|]{{0,30}}$")
#: how far into an article a labelled stamp is looked for (a headline, a deck and bullet
#: points may come before it)
LABELLED_STAMP_WINDOW = 1500
# A date standing between a headline and the lead ("… in Halden Saturday, 3 May 2025 A FIRE
# has …"): with its year, after a capitalised word and before a capitalised one.
_HEADLINE_BEFORE = re.compile(
    r"(?:^|(?!(?i:on|in|since|by|until|from|at|am|im|seit|le|depuis|el|desde|il|dal|dnia)\b)"
    r"[A-Z][\w'’.-]*,?\s+)$"
)
_LEAD_AFTER = re.compile(r",?\s+[\"“]?[A-Z]")
_CLOCK = r"\d{1,2}\s?[:.]\s?\d{2}(?:\s?[ap]\.?\s?m\b\.?)?"
_CLOCK_AFTER = re.compile(rf"[ \t,–—-]{{0,4}}(?:at\s+)?{_CLOCK}|\s+(?i:last\s+)?(?i:updated)\b")
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}(?:\s*[A-Z]{{2,4}})?[ \t,]{{0,3}}(?:[A-Za-z]{{3}}\.?,?\s+)?$")
#: How far into an article a publication stamp may sit (title, byline and stamp come first).
STAMP_WINDOW = 300


#: a year named relative to the report right after a day and month ("March 3 last year")
_YEAR_AFTER_DAY = re.compile(r",?\s+(last|next|this)\s+year\b", re.IGNORECASE)
_YEAR_SHIFT = {"last": -1, "next": 1, "this": 0}


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] the filing date of a dateline, or the page's publication
    stamp near the top of the article (a date the page was published or updated, not a claim
    about the event)?"""
    if _AGENCY_AFTER.match(text, end):
        return True
    if _DASH_AFTER.match(text, end) and _PLACE_BEFORE.search(text, max(0, start - 60), start):
        return True
    if not re.search(r"\d", text[start:end]):
        return False  # a stamp is a calendar day written with digits
    if start <= LABELLED_STAMP_WINDOW and _LABELLED_STAMP_BEFORE.search(
        text, max(0, start - 60), start
    ):
        return True
    if start > STAMP_WINDOW:
        return False  # an unlabelled stamp stands near the top
    return bool(
        _STAMP_BEFORE.search(text, max(0, start - 60), start)
        or _CLOCK_AFTER.match(text, end)
        or _CLOCK_BEFORE.search(text, max(0, start - 30), start)
        or (
            re.search(r"\b\d{4}$", text[start:end]) is not None
            # a year alone is no stamp: "to host the 2014 Oscars" in a headline
            and not re.fullmatch(r"\d{4}", text[start:end])
            and (
                _HEADLINE_BEFORE.search(text, max(0, start - 40), start) is not None
                or _in_headline(text, start)
            )
            and _LEAD_AFTER.match(text, end) is not None
        )
    )


#: a word before a date that makes the date part of a sentence ("signed on", "born")
_DATE_GOVERNOR = re.compile(
    r"(?i:\b(?:on|in|since|by|until|from|at|of|before|after|born|dated|through)\s+)$"
)


def _in_headline(text: str, start: int) -> bool:
    """A date that ends a sentence-case headline ("... to keep his belts May
    04, 2025 Oleg Varga stopped ..."): no sentence has ended before it, and no word
    that governs a date stands right before it."""
    head = text[:start]
    return (
        not re.search(r"[.!?][\"”']?\s+[A-Z]", head) and _DATE_GOVERNOR.search(head[-20:]) is None
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


# A date without a year up to this many days after publication is upcoming, not last year's.
NEAR_FUTURE_DAYS = 61
FUTURE_DAYS = 183


# Holidays that name one day (English): fixed days, and the movable ones a rule gives.
_FIXED_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "fourth of july": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17),
    "bastille day": (7, 14),
    "armistice day": (11, 11),
    "veterans day": (11, 11),
    "anzac day": (4, 25),
    "canada day": (7, 1),
}
_MOVABLE_HOLIDAYS = (
    "thanksgiving day",
    "thanksgiving",
    "easter sunday",
    "easter monday",
    "good friday",
    "easter",
)
_HOLIDAY = re.compile(
    r"(?<![\w-])(?P<h>"
    + "|".join(
        re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+")
        for h in sorted([*_FIXED_HOLIDAYS, *_MOVABLE_HOLIDAYS], key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)
_HOLIDAY_QUICK = re.compile(
    r"Christmas|Boxing|New\s+Year|Fourth|Halloween|Valentine|Patrick|Bastille|Armistice|"
    r"Veterans|Anzac|Canada|Thanksgiving|Easter|Good\s+Friday"
)


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_HOLIDAY_YEAR = re.compile(r"\s+(last|next|this)\s+year\b", re.IGNORECASE)


def _holiday_day(name: str, year: int) -> date | None:
    """The day of a holiday in one year (US Thanksgiving: the fourth Thursday of November;
    Easter by the Gregorian computus of `dateutil`)."""
    if name in _FIXED_HOLIDAYS:
        mon, d = _FIXED_HOLIDAYS[name]
        return date(year, mon, d)
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    from dateutil.easter import easter  # a dependency of dateparser

    sunday = easter(year)
    return sunday + timedelta(days={"good friday": -2, "easter monday": 1}.get(name, 0))


def _holiday_value(
    m: re.Match[str], published: date | None, future: bool, past: bool
) -> tuple[str, int] | None:
    """'on Christmas Day', 'over Thanksgiving': the holiday's day in the year the clause points
    at (as a day written without its year, `_day_year`); a fixed holiday without a publication
    date is that day of an unknown year; a capitalised name only ("easter" is no day)."""
    word = m.group("h")
    if not word[:1].isupper() or _NAME_AFTER.match(m.string, m.end()):
        return None  # "easter", "the Good Friday Agreement", "Easter Island"
    name = " ".join(word.lower().replace("’", "'").split())
    if published is None:
        if name in _FIXED_HOLIDAYS:
            mon, d = _FIXED_HOLIDAYS[name]
            return f"{YEARLESS}-{mon:02d}-{d:02d}", m.end()
        return None
    if rel := _HOLIDAY_YEAR.match(m.string, m.end()):  # "on Good Friday last year"
        step = {"last": -1, "next": 1}.get(rel.group(1).lower(), 0)
        day = _holiday_day(name, published.year + step)
        return (day.isoformat(), rel.end()) if day is not None else None
    this = _holiday_day(name, published.year)
    if this is None:
        return None
    day = _holiday_day(name, _day_year(this.month, this.day, published, future, past))
    return (day.isoformat(), m.end()) if day is not None else None


def _day_year(mon: int, d: int, published: date, future: bool, past: bool) -> int:
    """The year of "March 3" without one: the last one on or before publication, unless it is
    at most NEAR_FUTURE_DAYS ahead ("payable Jan. 2" in early November is next year's; "was
    extended to Nov. 16" late in October is this year's) or, in a future sentence not in the
    past tense, at most FUTURE_DAYS ahead ("will succeed him Feb. 1")."""
    y = published.year
    if not _valid(y, mon, d):
        return y
    gap = (date(y, mon, d) - published).days
    if gap > 0:
        return y if future or gap <= NEAR_FUTURE_DAYS else y - 1
    if gap < 0 and not past and _valid(y + 1, mon, d):
        ahead = (date(y + 1, mon, d) - published).days
        if ahead <= (FUTURE_DAYS if future else NEAR_FUTURE_DAYS):
            return y + 1
    return y


def _month_year(mon: int, published: date, rel: str, lex: Lexicon, future: bool, past: bool) -> int:
    """The year of a month named without one: "next/last/this February" as said; otherwise the
    coming one when it is one or two months ahead ("the summit in April" in early February) or
    the sentence is in the future tense and the clause not in the past; else the last one."""
    y = published.year
    if rel in lex.next_words:
        return y + (1 if mon <= published.month else 0)
    if rel in lex.past_words:
        return y - (1 if mon >= published.month else 0)
    if rel in lex.this_words:
        return y
    ahead = (mon - published.month) % 12
    if ahead == 0:
        return y
    if ahead <= 2 or (future and not past):
        return y + (1 if mon < published.month else 0)
    return y - (1 if mon > published.month else 0)


def _season_value(m: re.Match[str], lex: Lexicon, published: date | None) -> str | None:
    """'last fall' -> '1997-FA', 'this summer' -> '1998-SU', 'the summer of 1996' ->
    '1996-SU'; a season without a year or a relative word ("in the spring") is not read."""
    code, mid = lex.seasons[m.group("se").lower()]
    if m.group("y"):
        return f"{m.group('y')}-{code}"
    rel = (m.group("rel") or "").lower()
    if not rel or published is None:
        return None
    y = published.year
    if rel in lex.past_words:
        y -= 0 if mid < published.month - 1 else 1
    elif rel in lex.next_words:
        y += 0 if mid > published.month + 1 else 1
    return f"{y:04d}-{code}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


_YEAR_PERIOD = re.compile(r"\s+(?:quarter|period)\b", re.IGNORECASE)


def _last_quarter(published: date) -> tuple[int, int]:
    """The last quarter reported on: the one before the publication's quarter."""
    q = _quarter(published) - 1
    return (published.year, q) if q else (published.year - 1, 4)


def _period_value(
    m: re.Match[str], lex: Lexicon, published: date | None, future: bool, context: bool
) -> str | None:
    """'1998-Q3' / '1998-H1' for a `_period_ord` match, or None when it cannot be read (no
    year and no publication date; no business context and no year: "the fourth quarter" of a
    basketball game, "the first half" of a match)."""
    n = lex.period_ordinals[m.group("ord").lower()]
    quarter = bool(m.group("q"))
    if not quarter and n > 2:
        return None
    letter = "Q" if quarter else "H"
    explicit = m.group("py") or m.group("oy")
    if explicit:
        y = int(explicit)
    else:
        if published is None or not (context or m.group("yw")):
            return None
        y = published.year
        rel = (m.group("rel") or "").lower()
        if m.group("yw"):
            y += -1 if rel in lex.past_words else 1 if rel in lex.next_words else 0
        else:
            current = _quarter(published) if quarter else (published.month - 1) // 6 + 1
            if n > current + (1 if quarter else 0) and not future:
                y -= 1
    if m.group("ya"):
        y -= 1
    return f"{y:04d}-{letter}{n}"


# "Madrid, 3 mar (EFE).-", "ROME, Mar 3 (Wire) -": a day and a month cut short before an agency
# tag. The tables leave abbreviations out ("sept" is also a number in French); here the dateline
# itself says it is a date.
_DL_DMY = re.compile(r"(?<![\w.,])(?P<d>[0-3]?\d)\.?\s+(?P<ab>[^\W\d_]{3,4})\.?(?=[ \t]*\()")
_DL_MDY = re.compile(r"(?<![\w.])(?P<ab>[^\W\d_]{3,4})\.?\s+(?P<d>[0-3]?\d)(?=[ \t]*\()")


def _dateline_abbreviated(
    text: str, start: int, end: int, lex: Lexicon, published: date
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for pat in (_DL_DMY, _DL_MDY):
        for m in pat.finditer(text, start, end):
            ab = m.group("ab").lower()
            months = {n for word, n in lex.months.items() if word.startswith(ab)}
            if len(months) != 1 or not is_dateline(text, m.start(), m.end()):
                continue
            mon, d = months.pop(), int(m.group("d"))
            y = _day_year(mon, d, published, False, True)
            if _valid(y, mon, d):
                out.append((m.start(), m.end(), f"{y:04d}-{mon:02d}-{d:02d}"))
    return out


_WEEKDAY_GAP = re.compile(r",?[ \t]+(?:(?:the|le|el|il|den|der)[ \t]+)?")


# The word before a weekday's name in a compound name ("on Patch Tuesday", "before Black
# Friday", "next Super Tuesday"): a determiner, a preposition or a relative word.
_NAME_LEAD = frozenset(
    [
        "on",
        "the",
        "a",
        "an",
        "this",
        "next",
        "last",
        "each",
        "every",
        "before",
        "after",
        "since",
        "until",
        "by",
        "of",
        "for",
        "from",
        "till",
        "ahead",
        "monthly",
        "its",
        "their",
        "his",
        "her",
    ]
)


# A weekday that recurs is a rule, not a day to resolve: "every Tuesday", "jeden Dienstag",
# "the second Tuesday of each month", "the last Friday of the month".
#: "the fourth of July", "the twenty-first of June" (English; digits: the dmy pattern)
_SPELLED_DAY = re.compile(
    r"\b[Tt]he\s+(?P<o>(?:twenty|thirty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth)\s+of\s+(?P<mon>[A-Z][a-z]+)\b",
)


def _spelled_ordinal(word: str) -> int:
    """'fourth' -> 4, 'twenty-second' -> 22, 'thirtieth' -> 30, 'thirty-first' -> 31."""
    if word in ORDINALS:
        return ORDINALS[word]
    if word == "thirtieth":
        return 30
    tens, _, unit = word.partition("-")
    return (30 if tens == "thirty" else 20) + ORDINALS[unit]


_EVERY_BEFORE = re.compile(
    r"(?<![\w-])(?:every(?:\s+other)?|alternate|each|jeden|jede|jeder|chaque|tous\s+les|toutes\s+les|cada|todos\s+los|"
    r"todas\s+las|ogni|tutti\s+i|elke|iedere|każdy|każdą|każdego)\s+$",
    re.IGNORECASE,
)
_NTH_BEFORE = re.compile(
    r"(?<![\w-])(?P<n>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s+$",
    re.IGNORECASE,
)
_NTH_PLAIN = re.compile(
    r"(?<![\w-])(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+$", re.IGNORECASE
)
_NTH_VALUE = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2}
_NTH_VALUE.update({"3rd": 3, "4th": 4, "5th": 5, "last": -1, "final": -1})
_OF_EVERY_MONTH = re.compile(
    r"s?\s+(?:of\s+|in\s+)?(?:each|every|the|a)\s+(?:calendar\s+)?month\b", re.IGNORECASE
)
_OF_MONTH = re.compile(r"\s+(?:of|in)\s+", re.IGNORECASE)


def _recurring_weekday(text: str, start: int, end: int, m: re.Match[str]) -> bool:
    if _EVERY_BEFORE.search(text, max(start, m.start() - 16), m.start()):
        return True
    nth = _NTH_BEFORE.search(text, max(start, m.start("wd") - 10), m.start("wd"))
    return nth is not None and _OF_EVERY_MONTH.match(text, m.end(), end) is not None


def _nth_weekday_of_month(
    text: str,
    start: int,
    end: int,
    m: re.Match[str],
    lex: Lexicon,
    out: list[DateMention],
    taken: list[tuple[int, int]],
) -> bool:
    """'the first Monday in March', 'the last Friday of June 2024': the month's mention (read
    before the weekdays) becomes that day, over the whole phrase."""
    nth = _NTH_BEFORE.search(text, max(start, m.start("wd") - 10), m.start("wd"))
    gap = _OF_MONTH.match(text, m.end(), end) if nth is not None else None
    if nth is None or gap is None:
        return False
    for i, d in enumerate(out):
        if d.start != gap.end() or len(d.value) != 7 or d.value[4] != "-":
            continue
        y, mon = int(d.value[:4]), int(d.value[5:7])
        wd = lex.weekdays[m.group("wd").lower()]
        n = _NTH_VALUE[nth.group("n").lower()]
        first = date(y, mon, 1)
        if n > 0:
            day = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = date(y + mon // 12, mon % 12 + 1, 1) - timedelta(days=1)
            day = last - timedelta(days=(last.weekday() - wd) % 7)
        if day.month != mon:
            return False
        s = nth.start()
        out[i] = DateMention(s, d.end, day.isoformat(), False, d.dateline)
        taken[taken.index((d.start, d.end))] = (s, d.end)
        return True
    return False


def _named_weekday(text: str, start: int, m: re.Match[str], lex: Lexicon) -> bool:
    """'Patch Tuesday', 'Black Friday', 'Super Tuesday': a weekday that ends a capitalised name
    (English: a capitalised word right before it, after a determiner or a preposition) is a
    recurring name, not a day to resolve."""
    if lex.nouns_capitalised or m.group("rel"):
        return False
    words = text[max(start, m.start() - 40) : m.start()].split()
    if len(words) < 2 or not text[m.start() - 1 : m.start()].isspace():
        return False
    name, lead = words[-1], words[-2].lower()
    return (
        name[:1].isupper()
        and name.isalpha()
        and name.lower() not in lex.months
        and name.lower() not in lex.weekdays
        and name.lower() not in lex.prepositions
        and lead in _NAME_LEAD
    )


def _joins_its_day(
    text: str, m: re.Match[str], out: list[DateMention], taken: list[tuple[int, int]]
) -> bool:
    """A weekday written right before a calendar day ("Saturday, April 25", "Sonntag, 19.
    April") names that day: the day's mention is widened over the weekday (in place) and the
    weekday is not resolved on its own (which could give another date)."""
    gap = _WEEKDAY_GAP.match(text, m.end())
    if gap is None:
        return False
    for i, d in enumerate(out):
        if d.start == gap.end() and len(d.value) == 10 and not d.approximate:
            if d.dateline:
                # a page stamp "Thursday 8 May 2025 04:12 BST" keeps its span: what ends
                # right before it (a headline's "at the weekend") is not part of the stamp
                return True
            out[i] = DateMention(m.start(), d.end, d.value, False, d.dateline)
            taken[taken.index((d.start, d.end))] = (m.start(), d.end)
            return True
    return False


def _spelled_years(
    text: str, start: int, end: int, lex: Lexicon
) -> list[tuple[int, int, int, str | None]]:
    """Years read out in two halves, as broadcast transcripts write them: "nineteen ninety-six"
    (1996), "nineteen eighty", "January nineteen ninety-seven" (then with its month word); a
    first half of 11-20 and a second of 10-99 is never a count. Returns (start, end, year,
    month word or None)."""
    out: list[tuple[int, int, int, str | None]] = []
    p = _spelled_patterns(lex)
    for m in p[0].finditer(text, start, end):
        head, *rest = re.split(r"[\s-]+", m.group().strip())
        first = lex.parse_number_words(head)
        second = lex.parse_number_words(" ".join(rest)) if rest else None
        if first is None or second is None or not (11 <= first <= 20 and 10 <= second <= 99):
            continue
        if not (first.is_integer() and second.is_integer()):
            continue
        s = m.start()
        mon = p[1].search(text, max(start, s - 20), s)
        if mon is not None and not mon.group("mon")[0].isupper():
            mon = None
        month_word = mon.group("mon") if mon else None
        out.append((mon.start() if mon else s, m.end(), int(first * 100 + second), month_word))
    return out


@lru_cache(maxsize=16)
def _spelled_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    of = rf"(?:(?:{_alt(lex.date_of_words)})\s+)?" if lex.date_of_words else ""
    return (
        re.compile(rf"(?<![\w-])(?:{lex.number_words_re})(?![\w-])", re.IGNORECASE),
        # a month name (any case but a capital first letter: "may" is a verb), "of" optional
        re.compile(rf"(?<![\w-])(?P<mon>(?i:{_alt(lex.months)})\.?),?\s+{of}$"),
    )


def _bare_year(
    text: str, start: int, end: int, m: re.Match[str], lex: Lexicon, published: date | None
) -> bool:
    """Is a year without a preposition a date? "the 1996 campaign", "mid-1996", "fiscal 1989",
    "between 1985 and 1987", "Cambodia's 1993 election" are; "1996 people", "the 2000
    soldiers", a sentence-initial "1996" and a year far after publication are not."""
    y = int(m.group("y"))
    if published is not None and y > published.year + 30:
        return False
    after = re.match(r"\s*([\w'’-]+)", text[m.end() : end])
    word = after.group(1).lower() if after else ""
    if word in lex.year_count_nouns or word in lex.duration_units or word in lex.scales:
        return False
    before = text[max(start, m.start() - 40) : m.start()]
    if before.endswith("-"):
        w = re.search(r"([\w'’]+)-$", before)
        return w is not None and w.group(1).lower() + "-" in lex.year_modifiers
    words = before.lower().split()
    if not words:
        return False
    last = words[-1].strip('("“')
    if last.endswith(("'s", "’s")):
        return True
    if last in lex.year_modifiers:
        return True
    if (
        len(words) > 1
        and (words[-2].endswith(("'s", "’s")) or words[-2] in lex.year_modifiers)
        and last.isalpha()
        and last.islower()
        and after is not None
        and (after.group(1)[:1].isupper() or not word.endswith("s"))
    ):
        # an adjective between: "his failed 1988 bid", "Brandt's savaged 2013 stint" (a
        # plural after it is more often a count: "the remaining 1999 seats")
        return True
    if last in lex.year_join_words:
        rest = before.rstrip()[: -len(last)]
        return bool(re.search(r"(?:1[89]|20)\d\d\W*$", rest))
    return False


def _future_clause(
    text: str, start: int, end: int, m: re.Match[str], lex: Lexicon, future: bool
) -> bool:
    """Is the clause around the match in the future tense? ("In May, it unveiled plans
    to buy ..." is a past May although "plans to" is in the sentence.) `future` is the
    sentence's reading, which spares the clause scan when the sentence has no future marker."""
    return future and _is_future(_clause(text, start, end, m.start(), m.end(), lex), lex)


#: A verb in the past tense (English): a regular past form, or one of the common irregular
#: ones news uses before a day ("issued a statement Friday", "met Monday")
_PAST_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|said|met|told|left|made|took|gave|held|won|lost|came|went|began|"
    r"sent|found|saw|put|set|led|hit|shot|struck|fell|rose|broke|spoke|wrote|brought|bought)\b"
)


def _past_before(text: str, start: int, end: int, m: re.Match[str], lex: Lexicon) -> bool:
    """English: the part of the weekday's clause before it is in the past and has no future
    marker of its own ("issued a joint statement Friday saying the talks will resume": the
    statement's Friday is the last one, whatever follows)."""
    if lex.code != "en":
        return False
    left = _clause(text, start, m.start(), m.start(), m.start(), lex)  # its clause, up to the day
    return bool(_PAST_VERB.search(left)) and not _is_future(left, lex)


def _past_after_fronted(text: str, end: int, m: re.Match[str], lex: Lexicon) -> bool:
    """A fronted "Until Thursday," whose main clause after the comma is in the past ("Until
    Thursday, they had not called him"): the day is the last one."""
    after = text[m.end() : end]
    if not after.startswith(",") or not lex.past_auxiliaries:
        return False
    main = re.split(r"[,;.]", after[1:], maxsplit=1)[0]
    return any(w in lex.past_auxiliaries for w in main.lower().split())


def _past_clause(text: str, start: int, end: int, m: re.Match[str], lex: Lexicon) -> bool:
    """Does the clause around the match have a past auxiliary ("had", "was")?"""
    if not lex.past_auxiliaries:
        return False
    words = set(_clause(text, start, end, m.start(), m.end(), lex).lower().split())
    return any(w in words for w in lex.past_auxiliaries)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True
