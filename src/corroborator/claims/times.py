"""Times of day: "at 10:20 a.m. local time", "um 6.10 Uhr", "at 3 pm", "(0100 GMT)".

`find_times` returns `TimeMention`s with a 24-hour "HH:MM" value, the zone when the text states
one (unit: "local", "GMT", "UTC", "EST", ...) and `approximate` for "around", "shortly after",
"gegen" and the like. A clock time is never a count: `claims.quantities` masks these spans.

What counts as a time (a bare "10" or "2:15" is not one):
  - H:MM / HH:MM / HH.MM / H am|pm / H Uhr with a clock marker after it: am/pm in any spelling
    ("a.m.", "a. m.", "AM", "pm"), the language's clock words ("Uhr", "h", "hours"), a zone;
  - HH:MM after a time preposition ("at 17:06", "um 18:30", "until 09:15");
  - four-digit military times "0100 GMT", "1630 hrs", and "at 1353" (not a year);
  - bad-HTML spacing is read through: "4: 30 a. m.", "06: 00 BST", "4. 30am";
  - "noon" and "midnight" (12:00, 00:00) after a time preposition or hedge ("at noon", "um
    Mitternacht", "shortly after midnight") or before a weekday ("noon Thursday"), in the
    languages of `_NOON`; not right after a speech verb ("he said shortly before noon" times
    the statement, not the event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborator.claims.lexicon import Lexicon
from corroborator.text.calendar import ZONES


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    value: str  # "HH:MM", 24-hour clock
    zone: str | None  # "local", "GMT", ...; None when not stated
    approximate: bool
    #: The end of a span of two times it names ("from 9 a.m. until 5 p.m.": "from" and
    #: "until"): each is its own value, the start and the end of one period; None otherwise.
    span_role: str | None = None


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in items)


@dataclass(frozen=True)
class _TimePatterns:
    number: re.Pattern[str]
    marker: re.Pattern[str]
    zone: re.Pattern[str]
    hedge: re.Pattern[str] | None
    prep: re.Pattern[str] | None


# The number part; the marker and the zone after it are matched separately.
_NUMBER = re.compile(
    r"(?<![\d:.,])(?:"
    r"(?P<h1>[0-2]?\d)\s?:\s?(?P<m1>[0-5]\d)(?![\d:])"  # 10:20, 4: 30
    r"|(?P<h2>[0-2]?\d)\.\s?(?P<m2>[0-5]\d)(?![\d.,]?\d)"  # 8.49, 6.10, 4. 30
    r"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?![\d:.,]?\d)"  # 0100, 1353
    r"|(?P<h5>[0-2]?\d)\s?h\s?(?P<m5>[0-5]\d)(?![\d:.,]?\d)"  # 6h10, 18 h 30 (see _H_FORM)
    r"|(?P<h3>[0-2]?\d)(?![\d:.,]?\d)"  # 3 (pm), 18 (Uhr)
    r")"
)
#: Words for 12:00 and 00:00 by language (lower case). Only read after a time preposition or
#: hedge of the language's lexicon, or right before a weekday.
_NOON: dict[str, dict[str, int]] = {
    "en": {"noon": 12, "midday": 12, "midnight": 0},
    "de": {"mittag": 12, "mitternacht": 0},
}
#: Languages that write a clock time "6h10" / "18 h 30" (French, Spanish, Italian, Portuguese,
#: Polish usage); in English "2h10" is a race time. Not after a word of `_SPAN_BEFORE` ("en
#: 2h10", "in 2h10": how long something took).
_H_FORM = frozenset({"fr", "es", "it", "pt", "pl", "de"})
_SPAN_BEFORE = frozenset({"en", "in", "pendant", "durante", "während", "w", "per"})
#: Clock words after which a bare hour is a duration rather than a time ("6 hours", "6 h").
_DURATION_WORDS = frozenset({"h", "hours", "hrs", "horas", "heures", "stunden"})
#: Languages whose word for hours also names the hour of the day: "à 14 heures", "a las 14
#: horas" is 2 pm. Read as a time only right after a time preposition or hedge that points at
#: a moment; "depuis 14 heures" (for 14 hours, or since 2 pm) and "environ 14 heures" (about
#: 14 hours) stay durations.
_HOUR_WORD_CLOCK = frozenset({"fr", "es", "pt", "it"})
_NOT_A_MOMENT = frozenset({"depuis", "desde las", "environ"})


@lru_cache(maxsize=16)
def _patterns(lex: Lexicon | None) -> _TimePatterns:
    i = re.IGNORECASE
    markers = []
    if lex is not None and lex.ampm:
        markers.append(r"(?P<ap>[ap])\.?\s?m\b\.?")
    if lex is not None and lex.clock_words:
        markers.append(rf"(?P<cw>{_alt(lex.clock_words)})(?!\w)")
    marker = re.compile(rf"\s?(?:{'|'.join(markers)})" if markers else r"(?!x)x", i)
    local = lex.local_time_re if lex is not None and lex.local_time_re else r"(?!x)x"
    zone = re.compile(rf"\s?(?:(?P<z>{'|'.join(ZONES)})\b|(?P<loc>{local}))")
    hedge = (
        re.compile(rf"(?:^|(?<=\W))(?P<hd>{_alt(lex.time_hedges)})\s+$", i)
        if lex is not None and lex.time_hedges
        else None
    )
    prep = (
        re.compile(rf"(?:^|(?<=\W))(?:{_alt(lex.time_prepositions)})\s+$", i)
        if lex is not None and lex.time_prepositions
        else None
    )
    return _TimePatterns(_NUMBER, marker, zone, hedge, prep)


# After "M:SS": the time a bout, a game or a race had run, not a clock time ("at 2:15 of the
# sixth round", "1:45 into the third", "at the 2:15 mark").
_ELAPSED_AFTER = re.compile(
    r"\s+(?:mark\b|(?:into|of)\s+(?:the\s+)?(?:\w+\s+)?(?:round|period|quarter|half|inning|"
    r"set|game|fight|bout|match|race|overtime)\b|(?:into|of)\s+round\s+\w+"
    # the clock of a game: "with 10:03 to play", "6:00 remaining in the third quarter"
    r"|(?:to\s+(?:play|go|spare)|left|remaining|on\s+the\s+clock)\b)",
    re.IGNORECASE,
)


def find_times(
    text: str,
    start: int,
    end: int,
    lex: Lexicon | None,
    masks: list[tuple[int, int]] | None = None,
) -> list[TimeMention]:
    """All clock times in text[start:end] (one sentence), not overlapping `masks`.

    Without a lexicon only "HH:MM" followed by a zone ("13:36 GMT") is read.
    """
    p = _patterns(lex)
    spans = masks or []
    out: list[TimeMention] = []
    for m in p.number.finditer(text, start, end):
        if any(m.start() < e and s < m.end() for s, e in spans):
            continue
        pos = m.end()
        ap = word = None
        mk = p.marker.match(text, pos, end)
        if mk:
            ap, word = mk.group("ap") if "ap" in mk.groupdict() else None, mk.groupdict().get("cw")
            pos = mk.end()
        zone: str | None = None
        zm = p.zone.match(text, pos, end)
        if zm:
            zone = "local" if zm.group("loc") else zm.group("z")
            pos = zm.end()
        left = text[max(start, m.start() - 30) : m.start()]
        hm = p.hedge.search(left) if p.hedge is not None else None
        after_prep = hm is not None or (p.prep is not None and bool(p.prep.search(left)))
        form = next(k for k in ("1", "2", "3", "4", "5") if m.group("h" + k) is not None)
        h = int(m.group("h" + form))
        mi = 0 if form == "3" else int(m.group("m" + form))
        if lex is None and not (form == "1" and zone):
            continue
        if form == "1" and not (ap or word or zone or after_prep):
            continue  # "2:15" alone: a score, a lap, a duration
        if form == "1" and not (ap or word or zone) and _ELAPSED_AFTER.match(text, pos, end):
            continue  # "at 2:15 of the sixth round", "1:45 into the third": time elapsed
        if form == "2" and not (ap or word or zone):
            continue  # "2.45" alone: a decimal
        if (
            form == "3"
            and not (ap or zone)
            and ((not word and after_prep) or (word or "").lower() in ("o'clock", "o’clock"))
            and lex is not None
            and lex.code == "en"
            and 1 <= h <= 12
            and (pd := _PART_OF_DAY.match(text, pos, end)) is not None
        ):
            # "at 4 in the morning", "around 11 at night", "until 3 in the afternoon"
            part = (pd.group("pd") or pd.group("pn")).lower()
            h %= 12
            if part in ("afternoon", "evening") or (part == "night" and h >= 6):
                h += 12
            pos = pd.end()
            out.append(_moment(m.start(), pos, h, mi, hm, left))
            continue
        if form == "3" and not (
            ap
            or (word and word.lower() not in _DURATION_WORDS)
            or (word and _hour_of_day(left, lex, p, hm))
        ):
            continue  # "10 hours" is a duration
        if form == "5" and (
            lex is None
            or lex.code not in _H_FORM
            or (left.split() or [""])[-1].lower() in _SPAN_BEFORE
        ):
            continue
        if form == "4" and not (zone or (word and not ap)):
            # "at 1353 (1023 GMT)": after a time preposition, not a year, no noun after it.
            nxt = text[pos:end].lstrip()[:1]
            if not after_prep or 1800 <= h * 100 + mi <= 2100 or nxt.isalpha():
                continue
        if ap:
            if ap.lower() == "p" and h < 12:
                h += 12  # "17:06 pm" is already a 24-hour time
            elif ap.lower() == "a" and h == 12:
                h = 0
            if h == 0 and ap.lower() == "p":
                continue
        if h > 23 or mi > 59:
            continue
        s = m.start()
        if hm is not None:
            s = m.start() - len(left) + hm.start("hd")
        out.append(TimeMention(s, pos, f"{h:02d}:{mi:02d}", zone, hm is not None))
    if lex is not None and lex.code in _NOON:
        out.extend(_noon(text, start, end, lex, p, spans + [(t.start, t.end) for t in out]))
        out.sort(key=lambda t: t.start)
    if lex is not None and lex.ampm and out:
        out = _bare_first_hours(text, start, out, spans)
    if len(out) > 1:
        out = _spans_of_two(text, out)
    return out


# An hour and its part of the day in words (English): "4 in the morning", "11 at night".
_PART_OF_DAY = re.compile(
    r"\s+(?:o['’]clock\s+)?(?:in\s+the\s+(?P<pd>morning|afternoon|evening)|at\s+(?P<pn>night))\b",
    re.IGNORECASE,
)


def _moment(
    start: int, end: int, h: int, mi: int, hm: re.Match[str] | None, left: str
) -> TimeMention:
    s = start - len(left) + hm.start("hd") if hm is not None else start
    return TimeMention(s, end, f"{h:02d}:{mi:02d}", None, hm is not None)


# "between 2 and 4 p.m.", "from 9 to 11:30 a.m.": the first hour of a span takes the
# half of the day of the second.
_BARE_FIRST = re.compile(
    r"(?:^|(?<=\W))(?:between|from)\s+(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*"
    r"(?:and|to|until|till|-|–)\s*$",
    re.IGNORECASE,
)
_AMPM = re.compile(r"\b(?P<ap>[ap])\.?\s?m\b", re.IGNORECASE)


def _bare_first_hours(
    text: str, start: int, times: list[TimeMention], spans: list[tuple[int, int]]
) -> list[TimeMention]:
    out = list(times)
    for t in times:
        am = _AMPM.search(text, t.start, t.end)
        m = _BARE_FIRST.search(text, max(start, t.start - 25), t.start) if am else None
        if am is None or m is None:
            continue
        s, e = m.start("h"), m.end("m") if m.group("m") else m.end("h")
        if any(s < b and a < e for a, b in spans) or any(s < x.end and x.start < e for x in out):
            continue
        h1, mi = int(m.group("h")), int(m.group("m") or 0)
        h2 = int(t.value[:2]) % 12
        if not 1 <= h1 <= 12:
            continue
        h1 %= 12
        pm = am.group("ap").lower() == "p"
        if h1 > h2:
            pm = not pm  # "from 11 to 2 p.m.": 11 a.m.
        hour = h1 + (12 if pm else 0)
        out.append(TimeMention(s, e, f"{hour:02d}:{mi:02d}", t.zone, t.approximate))
    return sorted(out, key=lambda x: x.start)


# "from 9 a.m. until 5 p.m.", "between 7 a.m. and 8 p.m.", "9 a.m. to 5 p.m.", "von 9 bis 17
# Uhr": two times that bound one period.
_SPAN_LINK = re.compile(
    r"\s*(?:-|–|—|to|until|till|til|through|and|bis|à|a|hasta|jusqu'à|fino\s+alle|tot)\s*$",
    re.IGNORECASE,
)
_SPAN_OPEN = re.compile(
    r"(?:^|(?<=\W))(?:from|between|von|zwischen|de|desde|entre|dalle|van)\s+$", re.IGNORECASE
)


def _spans_of_two(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """Mark the two ends of a span of times (`TimeMention.span_role`)."""
    out = list(times)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        if len(gap) > 12 or not _SPAN_LINK.fullmatch(gap):
            continue
        link = gap.strip().lower()
        if link == "and" and not _SPAN_OPEN.search(text, max(0, a.start - 10), a.start):
            continue  # "at 9 a.m. and 5 p.m.": two moments
        out[i] = TimeMention(a.start, a.end, a.value, a.zone, a.approximate, "from")
        out[i + 1] = TimeMention(b.start, b.end, b.value, b.zone, b.approximate, "until")
    return out


def _hour_of_day(
    left: str, lex: Lexicon | None, p: _TimePatterns, hm: re.Match[str] | None
) -> bool:
    """'à 14 heures', 'vers 9 heures', 'a las 14 horas': the hour word after a preposition or
    hedge that points at a moment names the hour of the day (see `_HOUR_WORD_CLOCK`)."""
    if lex is None or lex.code not in _HOUR_WORD_CLOCK:
        return False
    if hm is not None:
        return hm.group("hd").lower() not in _NOT_A_MOMENT
    pm = p.prep.search(left) if p.prep is not None else None
    return pm is not None and pm.group(0).strip().lower() not in _NOT_A_MOMENT


@lru_cache(maxsize=8)
def _noon_pattern(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = re.compile(rf"(?<![\w-])(?P<w>{_alt(_NOON[lex.code])})(?![\w-])", re.IGNORECASE)
    weekday = re.compile(rf"[ \t]+(?:{_alt(lex.weekdays)})\b", re.IGNORECASE)
    return words, weekday


def _noon(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    p: _TimePatterns,
    spans: list[tuple[int, int]],
) -> list[TimeMention]:
    """'at noon', 'um Mitternacht', 'shortly after midnight', 'noon Thursday'."""
    words, weekday = _noon_pattern(lex)
    out: list[TimeMention] = []
    for m in words.finditer(text, start, end):
        if any(m.start() < e and s < m.end() for s, e in spans):
            continue
        left = text[max(start, m.start() - 30) : m.start()]
        hm = p.hedge.search(left) if p.hedge is not None else None
        if not (
            hm is not None
            or (p.prep is not None and p.prep.search(left))
            or weekday.match(text, m.end(), end)
        ):
            continue  # "the midday sun", "Mittag" as a meal
        s = m.start() - len(left) + hm.start("hd") if hm is not None else m.start()
        before = [w.strip(",") for w in text[max(start, s - 30) : s].lower().split()]
        while before and before[-1] in lex.time_prepositions:
            before.pop()
        if before and before[-1] in lex.speech_verbs:
            continue  # "he said shortly before noon": when it was said, not when it happened
        zm = p.zone.match(text, m.end(), end)
        zone = None if zm is None else "local" if zm.group("loc") else zm.group("z")
        h = _NOON[lex.code][m.group("w").lower()]
        e = m.end() if zm is None else zm.end()
        out.append(TimeMention(s, e, f"{h:02d}:00", zone, hm is not None))
    return out
