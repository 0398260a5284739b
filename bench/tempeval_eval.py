"""TempEval-3 Task A (TIMEX3): date, time and duration extraction and normalisation.

Data: ../shared/data/tempeval3 (override with CORROBORATOR_DATA); skips cleanly if absent.
Splits (dataset README): te3-platinum (20 docs) is the test split and is what we report; the
TBAQ-cleaned training gold (TimeBank, AQUAINT) is shown for reference and is the only split the
error patterns below are drawn from (no dev split exists; never tune on platinum).

What runs: `extract_claims(text, split_sentences(text, "en"), "en", published=DCT)` on each
document's <TEXT>, keeping kinds date, time and duration. Our values are mapped to TIMEX3 value
strings:
  date      ISO prefix as is ("2012-04-08", "2012-04", "2007"); a day-precision value marked
            approximate is a week ("last week", "two weeks ago" -> the week's Monday), written as
            the ISO week "2012-W14".
  duration  seconds -> "P3D" / "P2W" / "PT2H" in the unit written in the span ("two-week" ->
            P2W, "14 days" -> P14D); "decade(s)" -> "P1DE"; no unit word -> the largest unit
            that divides the value.
  time      "HH:MM" -> "<date>THH:MM" when a day-precision date is extracted in the same
            sentence (the nearest one); a time right next to its day ("11 p.m. Thursday",
            "Nov. 6 at 5 p.m.") is merged with it into one TIME span, as TimeML writes it.
            Without a day in the sentence only the clock part is compared with the gold value's
            part after "T" (lenient: the day is not checked).
  datelines "PARIS, March 3 (AFP) --": extract_claims skips these by design (a filing date is
            not a claim) but TimeML annotates them, so they are taken from find_dates.
TIMEX3 type: date -> DATE, duration -> DURATION, time -> TIME.
  TimeML-only readings ("now" PRESENT_REF, "for years" PXY, "daily" P1D SET, "the 19th
            century", "Wednesday night" -> "<day>TNI") come from claims/timex.py: they are
            not claims (not checkable), so extract_claims never returns them; they fill
            spans where no claim was read, and a part of the day refines its day. The row
            "claims only" leaves them out.

Scoring (as the official TE3 entity scorer, TE3-evaluation.py / evaluate_entities.py, counts
it, on character offsets instead of its tokeniser): a gold TIMEX3 is found (relaxed) when any
prediction overlaps it, strictly when one has exactly its span; a prediction is correct
(relaxed) when it overlaps any gold TIMEX3. P = correct predictions / predictions, R = found
gold / gold. Value accuracy = found gold whose best-overlapping prediction has the gold value
string exactly / found gold; value F1 = value accuracy x relaxed F1 (the official "value" F1).
Per-type rows: R and value accuracy over gold of that type, P over predictions mapped to that
type. The DCT itself (t0) is not scored, as in the official scorer.

Baseline: dateparser.search.search_dates on the same texts, RELATIVE_BASE = DCT, each hit's
period (day/week/month/year/time, from DateDataParser) giving the value's precision; scored the
same way (dateparser finds no durations). A second baseline row gives dateparser.parse on the
gold DATE/TIME spans themselves (normalisation only, no extraction: value accuracy over the
spans it returns a date for, and over all gold DATE/TIME).

Third baseline: Microsoft Recognizers-Text (recognizers-text-date-time, DateTimeV2 model,
its TIMEX values), when importable (it pins emoji<1: install it in a separate environment and
put that on PYTHONPATH); about 1.5 s per document.

Usage: python -m bench.tempeval_eval [--no-dateparser] [--no-recognizers] [--errors N]
       [--train-only]  (tuning: the train splits only, nothing written)
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from corroborator.claims import extract_claims
from corroborator.claims.dates import find_dates, parse_published
from corroborator.claims.lang import get_lexicon
from corroborator.claims.timex import find_timex
from corroborator.text.sentences import split_sentences

SPLITS = (
    ("test (platinum)", "te3_platinum_test.jsonl"),
    ("train: TimeBank", "tbaq_timebank.jsonl"),
    ("train: AQUAINT", "tbaq_aquaint.jsonl"),
)
TYPES = ("DATE", "DURATION", "TIME", "SET")
KIND_TYPE = {"date": "DATE", "duration": "DURATION", "time": "TIME"}
SECTION = "tempeval3"

# Duration unit words as written -> (TIMEX3 letter, seconds as our extractor counts them).
_UNITS = (
    ("decade", "DE", 315360000.0),
    ("year", "Y", 31536000.0),
    ("yr", "Y", 31536000.0),
    ("month", "M", 2592000.0),
    ("week", "W", 604800.0),
    ("day", "D", 86400.0),
    ("hour", "TH", 3600.0),
    ("hr", "TH", 3600.0),
    ("minute", "TM", 60.0),
    ("min", "TM", 60.0),
    ("second", "TS", 1.0),
    ("sec", "TS", 1.0),
)
_UNIT_RE = re.compile(r"(?i)(?<![a-z])(" + "|".join(u for u, _, _ in _UNITS) + r")s?(?![a-z])")
_CLOCK = re.compile(r"^\d\d:\d\d$")


@dataclass
class Pred:
    start: int
    end: int
    type: str
    value: str
    sentence: int = -1


@dataclass
class Counts:
    gold: Counter = field(default_factory=Counter)  # by gold type
    found: Counter = field(default_factory=Counter)  # relaxed, by gold type
    strict: Counter = field(default_factory=Counter)  # by gold type
    value_ok: Counter = field(default_factory=Counter)  # by gold type
    pred: Counter = field(default_factory=Counter)  # by predicted type
    pred_ok: Counter = field(default_factory=Counter)  # relaxed, by predicted type
    strict_pred_ok: int = 0
    seconds: float = 0.0

    def row(self, t: str | None) -> dict[str, float]:
        keys = [t] if t else list(self.gold | self.pred)
        g = sum(self.gold[k] for k in keys)
        f = sum(self.found[k] for k in keys)
        s = sum(self.strict[k] for k in keys)
        v = sum(self.value_ok[k] for k in keys)
        p = sum(self.pred[k] for k in keys)
        po = sum(self.pred_ok[k] for k in keys)
        prec = po / p if p else 0.0
        rec = f / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        sp = self.strict_pred_ok / p if p and t is None else 0.0
        sr = s / g if g else 0.0
        sf1 = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        acc = v / f if f else 0.0
        return {
            "gold": g,
            "pred": p,
            "P": 100 * prec,
            "R": 100 * rec,
            "F1": 100 * f1,
            "strict_F1": 100 * sf1,
            "value_acc": 100 * acc,
            "value_F1": 100 * acc * f1,
        }


def data_dir() -> Path:
    env = os.environ.get("CORROBORATOR_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return base / "tempeval3"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


# --- our extractor -> TIMEX3 values ---------------------------------------------------------


def duration_value(seconds: float, span: str) -> str:
    """7200 s, "two-hour" -> "PT2H"; 1209600 s, "two weeks" -> "P2W"."""
    units = [m.group(1).lower() for m in _UNIT_RE.finditer(span)]
    choice = next((u for u in _UNITS if units and u[0] == units[-1]), None)
    if choice is None:
        choice = next((u for u in _UNITS if seconds >= u[2] and _whole(seconds / u[2])), None)
    if choice is None:
        return f"PT{_num(seconds)}S"
    _, letter, secs = choice
    whole = seconds / secs
    if letter in _SPLIT and not _whole(whole) and whole > 1:
        # "two and a half hours" -> PT2H30M, "a year and a half" -> P1Y6M (as TimeML writes it)
        small, per = _SPLIT[letter]
        rest = (whole - int(whole)) * per
        if _whole(rest):
            return _period_str(str(int(whole)), letter) + _period_str(_num(rest), small, True)
    if letter == "DE":
        return f"P{_num(whole)}DE"
    return _period_str(_num(whole), letter)


# A unit -> (the next smaller unit, how many of it make one): splits "2.5 years" into P2Y6M.
_SPLIT = {"Y": ("M", 12), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def _period_str(n: str, letter: str, cont: bool = False) -> str:
    """("2", "Y") -> "P2Y"; ("30", "TM") -> "PT30M"; cont: the tail after a first unit
    ("P2Y" + "6M", "PT1M" + "30S", "P1D" + "T12H")."""
    if not letter.startswith("T"):
        return f"{n}{letter}" if cont else f"P{n}{letter}"
    if cont:  # hours follow a day after "T"; minutes and seconds follow a time unit
        return f"T{n}H" if letter == "TH" else f"{n}{letter[1]}"
    return f"PT{n}{letter[1]}"


def _whole(x: float) -> bool:
    return abs(x - round(x)) < 1e-6


def _num(x: float) -> str:
    return str(round(x)) if _whole(x) else f"{x:.2f}".rstrip("0").rstrip(".")


def date_value(value: str, approximate: bool) -> str:
    if approximate and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        y, w, _ = date.fromisoformat(value).isocalendar()
        return f"{y:04d}-W{w:02d}"
    return value


def our_predictions(doc: dict, timeml: bool = True) -> list[Pred]:
    text = doc["text"]
    sents = split_sentences(text, "en")
    out: list[Pred] = []
    for x in extract_claims(text, sents, "en", doc["dct"]):
        if x.kind not in KIND_TYPE or x.value is None:
            continue
        if x.kind == "date":
            value = date_value(str(x.value), x.approximate)
        elif x.kind == "duration":
            value = duration_value(float(x.value), x.text)
        else:
            value = str(x.value)
        out.append(Pred(x.start, x.end, KIND_TYPE[x.kind], value, x.sentence_index))
    # Datelines ("PARIS, March 3 (AFP) --") are TIMEX3 in TimeML; extract_claims reads them
    # but does not emit them (a filing date is not a claim), so take them from find_dates.
    lex = get_lexicon("en")
    pub = parse_published(doc["dct"])
    extras: list[Pred] = []
    refine: list[Pred] = []
    for idx, s in enumerate(sents):
        found = find_dates(text, s.start, s.end, lex, pub)
        for d in found:
            if d.dateline:
                out.append(Pred(d.start, d.end, "DATE", date_value(d.value, d.approximate), idx))
        if not timeml:
            continue
        # "this week", "this year": the period of writing, a TIMEX3 but no claim
        for d in found:
            if d.current:
                extras.append(Pred(d.start, d.end, "DATE", date_value(d.value, d.approximate), idx))
        # TimeML readings that are not claims (PRESENT_REF, vague durations, sets, centuries,
        # parts of the day): see claims/timex.py.
        for t in find_timex(text, s.start, s.end, lex, pub, found):
            (refine if t.refines else extras).append(Pred(t.start, t.end, t.type, t.value, idx))
    for r in refine:  # "Wednesday night": the day's claim becomes "<day>TNI"
        out = [p for p in out if not (p.type == "DATE" and r.start <= p.start < p.end <= r.end)]
        if not any(_overlap(p.start, p.end, r.start, r.end) for p in out):
            out.append(r)
    for r in extras:  # only where no claim was read
        if not any(_overlap(p.start, p.end, r.start, r.end) for p in out):
            out.append(r)
    out.sort(key=lambda p: p.start)
    return _merge_times(text, out)


_JOIN = re.compile(r"[\s,]*(?:(?:local time|[A-Z]{2,4})[\s,]+)?(?:(?:on|of|at)\s+)?")


def _merge_times(text: str, preds: list[Pred]) -> list[Pred]:
    """A clock time next to a day ("11 p.m. Thursday", "Nov. 6 at 5 p.m.") is one TIMEX3
    "<day>THH:MM"; a clock time elsewhere in a sentence with a day takes that day. (Adjacency
    is checked across sentences: the splitter ends a sentence at "p.m." before a weekday.)"""
    day = re.compile(r"\d{4}-\d\d-\d\d")
    days = [q for q in preds if q.type == "DATE" and day.fullmatch(q.value)]
    dropped: set[int] = set()
    for p in preds:
        if p.type != "TIME" or not _CLOCK.match(p.value):
            continue  # a part of the day ("<day>TNI") already has its day
        for q in days:
            gap = text[p.end : q.start] if p.end <= q.start else text[q.end : p.start]
            if id(q) not in dropped and _JOIN.fullmatch(gap):
                p.value = f"{q.value}T{p.value}"
                p.start, p.end = min(p.start, q.start), max(p.end, q.end)
                dropped.add(id(q))
                break
        else:
            same = [q for q in days if q.sentence == p.sentence]
            if same:
                q = min(same, key=lambda q: max(q.start - p.end, p.start - q.end))
                p.value = f"{q.value}T{p.value}"
    return [p for p in preds if id(p) not in dropped]


def claims_only(doc: dict) -> list[Pred]:
    """What the product's claims read, without the TimeML-only readings of claims/timex.py."""
    return our_predictions(doc, timeml=False)


# --- Microsoft Recognizers-Text baseline ------------------------------------------------------

_REC_MODEL: list = []
_REC_TYPES = {
    "duration": "DURATION",
    "set": "SET",
    "time": "TIME",
    "timerange": "TIME",
    "datetime": "TIME",
    "datetimerange": "TIME",
}


def _rec_value(values: list[dict], ref: datetime) -> tuple[str, str] | None:
    """One Recognizers resolution -> (TIMEX3 type, value). Of two readings (a past and a coming
    "Wednesday") the past one, as news reports mean; an unresolved timex ("XXXX-WXX-3TNI") is
    written with the resolved day."""
    if not values:
        return None

    def when(v: dict) -> str:
        return str(v.get("value") or v.get("start") or "")

    past = [v for v in values if when(v) and when(v)[:10] <= ref.date().isoformat()]
    v = past[-1] if past else values[0]
    timex, typ = str(v.get("timex", "")), str(v.get("type", ""))
    kind = _REC_TYPES.get(typ, "DATE")
    if timex.endswith("_REF"):
        return "DATE", timex
    if typ in ("duration", "set") or "X" not in timex:
        if typ == "time" and re.fullmatch(r"T\d\d(?::\d\d)?", timex):
            return kind, f"{timex[1:3]}:{timex[4:6] or '00'}"  # a clock time without its day
        return kind, timex.strip("()").split(",")[0] if timex.startswith("(") else timex
    day = when(v)[:10]
    if timex.startswith("XXXX") and "X" not in timex[4:] and re.match(r"\d{4}", day):
        return kind, day[:4] + timex[4:]  # "XXXX-12" ("early December") -> "2012-12"
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return kind, timex
    part = timex.split("T", 1)[1] if "T" in timex else ""
    if typ == "datetime" and re.match(r"\d\d:\d\d", when(v)[11:16]):
        part = when(v)[11:16]
    return kind, f"{day}T{part}" if part else day


def recognizers_predictions(doc: dict) -> list[Pred]:
    """Microsoft Recognizers-Text (recognizers-text-date-time, English DateTimeV2 model): its
    TIMEX value for each entity, reference time = DCT."""
    if not _REC_MODEL:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_text import Culture

        _REC_MODEL.append(DateTimeRecognizer(Culture.English).get_datetime_model())
    ref = _dct_datetime(doc["dct"])
    out: list[Pred] = []
    for r in _REC_MODEL[0].parse(doc["text"], ref):
        got = _rec_value((r.resolution or {}).get("values", []), ref)
        if got is not None:
            out.append(Pred(r.start, r.end + 1, got[0], got[1]))  # its end is inclusive
    return out


# --- dateparser baseline ----------------------------------------------------------------------


def _dp_value(d: datetime, period: str | None) -> str:
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.date().isocalendar()
        return f"{y:04d}-W{w:02d}"
    if period == "time":
        return f"{d.date().isoformat()}T{d.hour:02d}:{d.minute:02d}"
    return d.date().isoformat()


def _dct_datetime(dct: str) -> datetime:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?", dct)
    assert m, dct
    y, mo, d, h, mi = (int(g) if g else 0 for g in m.groups())
    return datetime(y, mo, d, h, mi)


def dateparser_predictions(doc: dict) -> list[Pred]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": _dct_datetime(doc["dct"])}
    text = doc["text"]
    parser = DateDataParser(languages=["en"], settings=settings)
    hits = search_dates(text, languages=["en"], settings=settings) or []
    out: list[Pred] = []
    cursor = 0
    for sub, when in hits:
        at = text.find(sub, cursor)
        if at < 0:
            continue
        cursor = at + len(sub)
        period = parser.get_date_data(sub).period
        kind = "TIME" if period == "time" else "DATE"
        out.append(Pred(at, at + len(sub), kind, _dp_value(when, period)))
    return out


def dateparser_on_gold(docs: list[dict]) -> tuple[int, int, int]:
    """dateparser.parse on each gold DATE/TIME span: (spans, parsed, value correct)."""
    from dateparser.date import DateDataParser

    n = parsed = ok = 0
    for doc in docs:
        parser = DateDataParser(
            languages=["en"], settings={"RELATIVE_BASE": _dct_datetime(doc["dct"])}
        )
        for g in doc["timex"]:
            if g["type"] not in ("DATE", "TIME"):
                continue
            n += 1
            data = parser.get_date_data(g["text"])
            if data.date_obj is None:
                continue
            parsed += 1
            ok += _dp_value(data.date_obj, data.period) == g["value"]
    return n, parsed, ok


# --- scoring ----------------------------------------------------------------------------------


def value_correct(gold: str, ours: str) -> bool:
    if _CLOCK.match(ours):  # a clock time without its day: compare the time part
        return "T" in gold and gold.split("T", 1)[1][:5] == ours
    return gold == ours


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(
    docs: list[dict],
    predict: Callable[[dict], list[Pred]],
    counts: Counts,
    errors: Counter | None = None,
) -> list[tuple[str, str, str, str]]:
    """Accumulate into `counts`; returns (kind, gold text, gold value, our value) per error."""
    errs: list[tuple[str, str, str, str]] = []
    for doc in docs:
        t0 = time.perf_counter()
        preds = predict(doc)
        counts.seconds += time.perf_counter() - t0
        gold = doc["timex"]
        text = doc["text"]
        for p in preds:
            counts.pred[p.type] += 1
            hit = [g for g in gold if _overlap(p.start, p.end, g["start"], g["end"])]
            if hit:
                counts.pred_ok[p.type] += 1
            else:
                errs.append(("spurious", text[p.start : p.end], "", p.value))
            if any(g["start"] == p.start and g["end"] == p.end for g in gold):
                counts.strict_pred_ok += 1
        for g in gold:
            t = g["type"]
            counts.gold[t] += 1
            over = [(p, _overlap(p.start, p.end, g["start"], g["end"])) for p in preds]
            over = [(p, o) for p, o in over if o > 0]
            if not over:
                errs.append(("missed", g["text"], g["value"], ""))
                continue
            counts.found[t] += 1
            if any(p.start == g["start"] and p.end == g["end"] for p, _ in over):
                counts.strict[t] += 1
            best = max(over, key=lambda po: (po[1], -po[0].start))[0]
            if value_correct(g["value"], best.value):
                counts.value_ok[t] += 1
            else:
                errs.append(("wrong value", g["text"], g["value"], best.value))
    return errs


# --- error patterns ---------------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_NUMWORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    "|ninety|hundred|several|a few|few|many"
)


def shape(s: str) -> str:
    """'Aug. 15, 1990' -> '<month> N, YYYY'; 'two weeks' -> '<n> weeks'."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    s = re.sub(r"\b(?:1[89]|20)\d\d\b", "YYYY", s)
    s = re.sub(r"\d+", "N", s)
    s = re.sub(rf"\b(?:{_MONTHS})\b\.?", "<month>", s)
    s = re.sub(rf"\b(?:{_WEEKDAYS})\b", "<weekday>", s)
    s = re.sub(rf"\b(?:{_NUMWORDS})\b", "<n>", s)
    return s


def vshape(v: str) -> str:
    return re.sub(r"\d", "9", v) if v else "-"


def error_pattern(kind: str, text: str, gold: str, ours: str) -> str:
    if kind == "missed":
        return f"missed '{shape(text)}' (gold {vshape(gold)})"
    if kind == "spurious":
        return f"spurious '{shape(text)}' (ours {vshape(ours)})"
    return f"'{shape(text)}' {value_diff(gold, ours)}"


def value_diff(gold: str, ours: str) -> str:
    """How a wrong value is wrong: 'a year too early', '+7 days', 'gold 9999-Q9, ours 9999'."""
    day = re.compile(r"\d{4}-\d\d-\d\d")
    if day.fullmatch(gold) and day.fullmatch(ours):
        g, o = date.fromisoformat(gold), date.fromisoformat(ours)
        if (g.month, g.day) == (o.month, o.day):
            return f"year off by {o.year - g.year:+d}"
        return f"day off by {(o - g).days:+d}"
    if vshape(gold) == vshape(ours) and re.fullmatch(r"\d{4}(-\d\d|-W\d\d)?", gold):
        if gold[4:] == ours[4:]:
            return f"{vshape(gold)}: year off by {int(ours[:4]) - int(gold[:4]):+d}"
        return f"{vshape(gold)}: month/week off"
    if vshape(gold) == vshape(ours):
        return f"{vshape(gold)}: other number"
    return f"gold {vshape(gold)}, ours {vshape(ours)}"


#: What changed between runs (kept in RESULTS.md with each --write).
HISTORY = (
    "History. First run: test value F1 67.8 (relaxed P/R 97.7/63.0); train value F1 TimeBank "
    "59.9, AQUAINT 68.6. Second run 72.9 (95.9/68.1; TimeBank 75.1, AQUAINT 75.9): "
    "`claims/dates.py` read quarters and halves, bare years after a determiner or modifier, "
    "months after since/by/until, decades, seasons, weekends; 'until/by <weekday>' forward. "
    "Third run (test value F1 80.5, relaxed P/R 94.1/80.4; train TimeBank 80.9, AQUAINT "
    "77.2): the TimeML-only readings of `claims/timex.py` (row "
    "'corroborator'; the row 'claims only' is what the product's claims give); in "
    "`claims/dates.py` a month's year follows the tense of its clause, not of the sentence "
    "('In May, it unveiled plans to ...' is the past May), a weekday takes a "
    "relative word after it ('mercredi dernier', 'el miércoles pasado') and 'Monday next "
    "week' is that week's Monday. Tuned on the train splits only. Target not met: test "
    "value F1 80.5 against 82 (claims only 72.9; Recognizers-Text 64.6, dateparser 33.7); "
    "Recognizers-Text is not better on any type (test value F1 DATE 75.8 vs 86.9, DURATION "
    "45.3 vs 75.2, SET 0 vs 0) and takes 0.6-1.7 s per document. Also new: 'at noon', 'um "
    "Mitternacht' as times (12:00/00:00) with their zone. Left, on train: weekday errors of "
    "+-7 days (mostly documents whose DCT is a week after the events: not fixable from the "
    "text); 'the quarter'/'a year earlier' values in earnings reports; spelled-out years "
    "('nineteen ninety-six'); 'soon', 'previously', 'already', 'annually' left out (mostly "
    "not annotated on train); a part of the day where the gold marks only the day (about as "
    "often as it marks TNI/TMO: the TimeML guideline's form is kept). Fourth run (this "
    "table; all decided on train, test run once at the end): years read out in words "
    "('nineteen ninety-six', 'June nineteen ninety-seven': 7 of 7 annotated on train, "
    "they were missed or read as counts); a weekday before its day ('Saturday, April 25') "
    "is one date, the day's (it gave a second date a week off); 'a few days later' / "
    "'several months before' are vague durations (PXD, PXM); 'for now' / 'until now' "
    "PRESENT_REF (4 of 6 annotated), 'the recent <event>' no PAST_REF (3 of 9); fractional "
    "durations written as TimeML does (PT2H30M, P1Y6M, PT1M30S). Train value F1 TimeBank "
    "80.9 -> 81.6, AQUAINT 77.2 -> 77.3 (claims only 75.4 -> 75.9, 76.1 -> 76.0). Measured "
    "on train and left as they were: 'soon' (5 of 18 annotated), 'previously' (3 of 23), "
    "'already' (2 of 38), 'annually' (2 of 6), 'future' alone (6 of 19), a sentence-initial "
    "'Now' (5 of 11), a rate's 'a year' ('$2 million a year': 3 of 13 annotated as SET); a "
    "weekday's part of the day as the day alone (TimeBank 81.6 -> 81.3, AQUAINT 77.3 -> "
    "78.4: the two corpora disagree, the guideline's TNI/TMO is kept). For the product (not "
    "scored here): RFC 2822 publication stamps ('Wed, 04 Mar 2026 22:00:00 -0500') resolve "
    "relative days like ISO ones; a dateline's month cut short ('Madrid, 3 mar (EFE).-') is "
    "no count; '6h10' / '18 h 30' are clock times in fr/es/it/pt/pl/de. Test: unchanged at "
    "80.5 (the same 118 predictions; none of these forms occurs in its 20 documents): target "
    "82 not met. Left there by class (seen after the run, not tuned on): bare years without "
    "a preposition or modifier, a sentence-initial 'Now', anaphoric 'the day', seasons of a "
    "sport ('each season', 'this year' as XXXX-WI)."
    " Fifth run (2026-12-06 (f); no change to the date readers: the value forms of "
    "`claims/quantities.py` and the French/Spanish hours of `claims/times.py`): train value "
    "F1 TimeBank 81.6 -> 81.7, AQUAINT 77.3 -> 77.6 (from those value forms, not "
    "separated); test, run once at the end: 80.5, unchanged (the same 118 predictions): target "
    "82 not met. Measured on train and left: holidays ('Thanksgiving Day': 3 annotated), "
    "'last week' / 'this week' as a week number (gold writes WXX, W99 and the month about "
    "equally often)."
    " Sixth run (2026-12-06 (g); decided on train, test run once at the end): holidays "
    "that name one day ('Thanksgiving Day', 'Christmas Day', Good Friday; not 'the Good "
    "Friday Agreement'), a weekday that ends a capitalised name ('Patch Tuesday') no "
    "date, 'M:SS of the sixth round' no clock time. Train value F1 TimeBank 81.7 "
    "(unchanged), AQUAINT 77.6 -> 77.9; test 80.5, unchanged (the same 118 predictions): "
    "target 82 not met."
    " Seventh run (2026-12-06 (h); decided on train, test run once at the end): a weekday"
    " that recurs is no date ('every Tuesday', 'every other Saturday', 'the second "
    "Tuesday of each month', 'the last Friday of the month'); 'the first Monday in March'"
    " is that day; an ordinal weekday with no month ('the first Sunday after the vote') "
    "is no date; spelled ordinal days ('the fourth of July'); a dateline with the agency "
    "before the date; a game's clock ('with 10:03 to play') no time; the first hour of a "
    "span of times ('between 2 and 4 p.m.'). Train value F1 TimeBank 81.7 -> 81.8, "
    "AQUAINT 78.1 (78.1 with the files of 2213395 too: others' changes had moved it from "
    "77.9); test 80.5, unchanged (the same 118 predictions): target 82 not met."
    " Eighth run (2026-12-06 (i); decided on train, test run once at the end): a sentence-"
    "initial 'Now' without a comma is PRESENT_REF (train: 4 of 5 annotated; 'Now,' 0 of 3);"
    " 'today's' before a noun of the age ('today's world', 'today's youth') is no day (0 of"
    " 4 annotated as the day); 'in both 1993 and 1994' reads both years; 'the 1994 quarter'"
    " / 'in the 1994 period' is that year's quarter reported on; a deadline's clock time "
    "before its weekday looks forward ('until 8 a.m. CST Thursday'); 'at 5 in the morning', "
    "'11 at night', '6 o'clock in the evening' are clock times; 'the mid-1990s' is the "
    "decade; 'she could one day lead' is no duration. Train value F1 TimeBank 81.8 -> 82.2,"
    " AQUAINT 78.1 -> 78.2 (claims only 76.0 -> 76.2, 76.9 -> 77.2); test, run once at the "
    "end: 80.5 -> 81.2 (relaxed P/R unchanged at 94.1/80.4, value accuracy 92.8 -> 93.7; "
    "claims only 72.9 -> 73.7): target 82 not met. Measured on train and not kept: a decade"
    " after 'the' written '199' (TimeBank's spans include 'the' and write 199, AQUAINT's "
    "leave it out and write 199X: TimeBank +0.3, AQUAINT -0.5); any superlative before 'in "
    "a year' as a time frame ('the weakest rise in a year': train unchanged, NewsQuant "
    "value+unit -0.1). Before the test run a count of TIME value shapes that by mistake "
    "included the test file's 4 TIME values was printed; nothing was changed after it."
)


# --- main -------------------------------------------------------------------------------------


def _table(rows: list[tuple[str, str, str, dict[str, float]]]) -> str:
    head = (
        "| split | system | type | gold | pred | P | R | F1 (relaxed) | strict F1 "
        "| value acc | value F1 |\n|---|---|---|---|---|---|---|---|---|---|---|"
    )
    lines = [head]
    for split, system, typ, r in rows:
        strict = f"{r['strict_F1']:.1f}" if typ == "all" else ""
        lines.append(
            f"| {split} | {system} | {typ} | {r['gold']} | {r['pred']} | {r['P']:.1f} "
            f"| {r['R']:.1f} | {r['F1']:.1f} | {strict} | {r['value_acc']:.1f} "
            f"| {r['value_F1']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args, parser  # here, so tests can load this file by path

    ap = parser(__doc__, "python -m bench.tempeval_eval")
    ap.add_argument("--no-dateparser", action="store_true", help="no dateparser baseline")
    ap.add_argument("--no-recognizers", action="store_true", help="no Recognizers-Text baseline")
    ap.add_argument("--errors", type=int, default=15, help="errors to print per split")
    ap.add_argument(
        "--train-only", action="store_true", help="train splits only (for tuning; never writes)"
    )
    args = parse_args(ap, argv)
    use_dp = not args.no_dateparser
    use_rec = not args.no_recognizers
    n_err = args.errors
    base = data_dir()
    if not all((base / f).exists() for _, f in SPLITS):
        print(f"tempeval3 data not found at {base}; skipping")
        return 0
    if use_rec:
        try:
            import recognizers_date_time  # noqa: F401
        except (ModuleNotFoundError, ImportError) as e:
            print(f"recognizers-text-date-time not usable ({e}): baseline skipped")
            use_rec = False
    if use_dp:
        try:
            import dateparser  # noqa: F401
        except ModuleNotFoundError:
            print("dateparser not installed: baseline skipped")
            use_dp = False
    rows: list[tuple[str, str, str, dict[str, float]]] = []
    train_errors: Counter = Counter()
    test_errors: Counter = Counter()
    timing: list[str] = []
    dp_gold: list[str] = []
    # Load the lexicon, patterns and models once before any timing.
    our_predictions(load(base / SPLITS[0][1])[0])
    for split, fname in SPLITS:
        if args.train_only and split.startswith("test"):
            continue
        docs = load(base / fname)
        systems: list[tuple[str, Callable[[dict], list[Pred]]]] = [
            ("corroborator", our_predictions),
            ("corroborator, claims only", claims_only),
        ]
        if use_rec:
            systems.append(("Recognizers-Text", recognizers_predictions))
        if use_dp:
            systems.append(("dateparser search_dates", dateparser_predictions))
        for system, predict in systems:
            counts = Counts()
            errs = score(docs, predict, counts)
            if system == "corroborator":
                target = test_errors if split.startswith("test") else train_errors
                target.update(error_pattern(*e) for e in errs)
            rows.append((split, system, "all", counts.row(None)))
            for t in TYPES:
                rows.append((split, system, t, counts.row(t)))
            timing.append(
                f"{split} / {system}: {counts.seconds:.1f} s for {len(docs)} docs "
                f"({1000 * counts.seconds / len(docs):.0f} ms/doc)"
            )
        if use_dp:
            n, parsed, ok = dateparser_on_gold(docs)
            dp_gold.append(
                f"{split}: {n} gold DATE/TIME spans, parsed {parsed}, value correct {ok} "
                f"({100 * ok / max(parsed, 1):.1f}% of parsed, {100 * ok / max(n, 1):.1f}% of all)"
            )
    table = _table(rows)
    print(table)
    print("\n".join(timing))
    if dp_gold:
        print("dateparser.parse on gold DATE/TIME spans (normalisation only):")
        print("\n".join(dp_gold))
    print(f"\nTop error patterns, train (TimeBank + AQUAINT), {sum(train_errors.values())} errors:")
    for pat, n in train_errors.most_common(n_err):
        print(f"{n:5d}  {pat}")
    if args.train_only:
        return 0
    print(f"\nTop error patterns, test, {sum(test_errors.values())} errors (do not tune on these):")
    for pat, n in test_errors.most_common(10):
        print(f"{n:5d}  {pat}")

    from bench.results import update_section  # here, so tests can load this file by path

    test_all = next(r for s, sy, t, r in rows if s.startswith("test") and t == "all")
    body = (
        f"Run {date.today().isoformat()}. Command: `python -m bench.tempeval_eval --write` "
        "(Recognizers-Text rows only where `recognizers_date_time` imports: see below). "
        "TempEval-3 Task A TIMEX3 on te3-platinum (test, 20 docs, third-party copy: see the "
        "dataset README) and TBAQ-cleaned train (TimeBank, AQUAINT: the only splits tuned on). "
        "Systems: **corroborator, claims only** = `extract_claims` with the DCT as `published`, "
        "kinds date/time/duration mapped to TIMEX3 values (dates as is, approximate day = ISO "
        "week, durations P<n><unit as written>, clock times with the same-sentence date or, "
        "without one, their time part only), plus datelines from `find_dates` (annotated in "
        "TimeML, not claims); **corroborator** = the same plus the TimeML-only readings of "
        "`claims/timex.py` (PRESENT_REF/PAST_REF/FUTURE_REF words, vague durations 'years' -> "
        "PXY, sets 'daily'/'every week'/'each Thursday', centuries, 'the (fiscal) year', parts "
        "of the day 'Wednesday night' -> <day>TNI), which are never claims: a claim must be "
        "checkable and 'now', 'for years' or 'every week' can neither conflict nor corroborate. "
        "Scored like the official TE3 entity scorer on character offsets: relaxed = any "
        "overlap, value accuracy over found gold, value F1 = value accuracy x relaxed F1. "
        "Target: test value F1 >= 82 (HeidelTime 77.6, unverified). Baselines: "
        "`dateparser.search.search_dates` (RELATIVE_BASE = DCT, precision from its period); "
        "Microsoft Recognizers-Text (`recognizers-text-date-time` 1.0.2a2, English DateTimeV2 "
        "model, reference = DCT, its TIMEX value; of a past and a coming reading the past one; "
        "it needs `emoji<1`, so it was run from a separate virtualenv on PYTHONPATH, not a "
        "project dependency). Per-type rows: R and value accuracy over gold of that type (found "
        "by a prediction of any type), P over predictions of that type.\n\n"
        f"Test: relaxed P/R/F1 {test_all['P']:.1f}/{test_all['R']:.1f}/{test_all['F1']:.1f}, "
        f"value F1 {test_all['value_F1']:.1f}.\n\n"
        f"{table}\n\n" + "\n".join(f"- {t}" for t in timing)
    )
    if dp_gold:
        body += "\n\ndateparser.parse on the gold DATE/TIME spans (normalisation only):\n" + (
            "\n".join(f"- {t}" for t in dp_gold)
        )
    body += (
        "\n\n"
        + HISTORY
        + (
            "\n\nError patterns (train only) are printed by the command, not kept here: they quote "
            "the annotated phrases."
        )
    )
    update_section(SECTION, body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
