"""Numbers with what they measure: durations, counts, percentages and money.

`find_numbers` scans one sentence and returns `NumberMention`s with the raw value as written
and the normalised value (seconds, ISO currency, %). `claims.extract` turns them into
`Extraction`s; the NewsQuant benchmark reads the raw values directly.

Lexicon=None means an unsupported language: only language-neutral forms are read — digits with
"%", digits with a currency symbol — because without a lexicon we cannot tell a count from a
street number.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from corroborator.claims.frames import EVENT_CLASSES
from corroborator.claims.lexicon import APPROX, Lexicon
from corroborator.claims.numbers import (
    Bounds,
    apply_hedge,
    digit_pattern,
    parse_digits,
    range_bounds,
)
from corroborator.claims.records import PLAYER_BIO
from corroborator.claims.times import find_times
from corroborator.claims.tokens import (
    Token,
    nearest_determined_noun,
    subject_and_verb,
    subject_head,
    tokenize,
    tokens_after,
    tokens_before,
)
from corroborator.text.calendar import MONTHS, ORDINALS, WEEKDAYS, ZONES
from corroborator.units import UNIT_NAMES, UNIT_SYMBOLS, canonical_unit

# ISO 4217 codes of the currencies in use (CLDR territory currencies, tender, 2026, as Babel
# 2.19 lists them), written before or after an amount ("ILS 280 million", "SEK 5bn", "1,000
# ZAR"); upper case only. Left out: codes that are English words or other upper-case names in
# headlines (ALL, BAM, BOB, CUP, CVE, ERN, GEL, MAD, MOP, PEN, PHP, RON, SOS, TOP, TRY).
_ISO_CODES_IN_USE = (
    "AED AFN AMD AOA ARS AWG AZN BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BZD CDF "
    "CLP CNY COP CRC CZK DJF DKK DOP DZD EGP ETB FJD FKP GHS GIP GMD GNF GTQ GYD HNL HTG "
    "HUF IDR ILS IQD IRR ISK JMD JOD KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD "
    "LSL LYD MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR OMR PAB "
    "PGK PKR PYG QAR RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SRD SSP STN SYP SZL THB "
    "TJS TMT TND TTD TWD TZS UAH UGX UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR "
    "ZMW ZWG"
)

# Currency symbols: language-neutral. "$" is USD unless a prefix says otherwise.
CURRENCY_SYMBOLS = {
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$US": "USD",
    "$A": "AUD",
    "RM": "MYR",
    "Rs.": "INR",
    "Rs": "INR",
    "NIS": "ILS",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "zł": "PLN",
    "CHF": "CHF",
    "Fr.": "CHF",
    "EUR": "EUR",
    "euro": "EUR",  # wire style: "a euro110 billion loan"
    "USD": "USD",
    "GBP": "GBP",
    "PLN": "PLN",
    "JPY": "JPY",
    "AUD": "AUD",
    "CAD": "CAD",
    "INR": "INR",
    "HKD": "HKD",
    "NZD": "NZD",
    # Text that folds non-ASCII characters away: "PS1.9m" (£; see `_FOLDED_POUND`) and the
    # wire services' "Y=21,460" (¥).
    "PS": "GBP",
    "Y=": "JPY",
    **{c: c for c in _ISO_CODES_IN_USE.split()},
}
# "PS" is a folded "£" only before an amount written as one ("PS2.7m", "PS21,700", "PS6m"),
# never before a bare digit ("PS5" is a games console).
_FOLDED_POUND = "PS"
# "HK $216,925", "C $6", "US $2.24": a dollar's country letters spaced from the sign.
_SPACED_DOLLAR = re.compile(r"(?:^|(?<=[\s(\[]))(?P<c>US|CA|C|AU|NZ|HK|S)\s$")
# A currency code or symbol ending in a letter, glued to the number it prices ("EUR50m",
# "RM79", "$US113"); the number pattern lets a number start right after one.
_GLUED_CUR = "|".join(
    re.escape(c) for c in sorted(CURRENCY_SYMBOLS, key=len) if c[-1].isalpha() and len(c) > 1
)
#: a figure glued to a letter right before a scale word ("e40 million", "X7 billion")
_GLUED_DIGITS_BEFORE = re.compile(r"[^\W\d_]\d[\d.,]*\s+$")
#: the hyphen of a compound adjective left hanging before a range word ("18- to 22-foot")
_SUSPENDED_HYPHEN = re.compile(r"-[ \t]+(?=to[ \t]+\d)")
#: the gap between two parts of one duration written with no joining word
_DURATION_JOIN = re.compile(r"[ \t]+")
# "-1.3%", "(-5 yards)": a minus sign after a space or a bracket.
_MINUS = "-−"
_SYM_ALT = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_PREFIX_CUR = re.compile(rf"(?:(?<=[\s(\[\"'“„«-])|^)(?P<cur>{_SYM_ALT})\s?$")
# A sign or an ISO code of the table after the number: "40 zł", "12 €", "1,000 JPY".
_SUFFIX_SYM = re.compile(
    r"\s?(?P<cur>€|zł|£|\$|"
    + "|".join(sorted(c for c in CURRENCY_SYMBOLS if re.fullmatch(r"[A-Z]{3}", c)))
    + r")(?!\w)"
)
_NEUTRAL_PERCENT = re.compile(r"\s?%")
_DOT_THOUSANDS = r"\d{1,3}(?:\.\d{3})+"
_COMMA_DECIMAL = r"\d+,\d{1,2}"
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d+\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}")
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}[.)]\s")
_SHORT_SCALES = frozenset({"m", "k", "bn", "mn", "tn"})
# Glued scales no lexicon lists: "$4.2b", "S$1mil", "RM3.06mil".
# "$90MM" (upper case, after a currency: the finance and sports pages' million).
_GLUED_SCALES = {"b": 1e9, "mil": 1e6, "mm": 1e6}
# "720p", "1080p": a video's lines, not pence.
_VIDEO_LINES = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
# "rose by 3% to 5%": the amount of a change ("by"), then the level it ends at, no range.
_CHANGE_BY = re.compile(r"\bby\s+(?:\S{1,4}\s?)?$", re.IGNORECASE)
# A unit of measure after a number (`corroborator.units`): any symbol glued ("256GB", "45g"),
# a symbol of two or more characters after one space ("30 mph", "5 kWh"), or an English name
# ("296 horsepower", "3 square feet"); then an optional denominator ("per day", "/h").
_SYM_RE = "|".join(re.escape(u) for u in sorted(UNIT_SYMBOLS, key=len, reverse=True))
_SYM_MULTI = "|".join(
    re.escape(u) for u in sorted(UNIT_SYMBOLS, key=len, reverse=True) if len(u) > 1
)
_NAME_RE = "|".join(re.escape(u) for u in sorted(UNIT_NAMES, key=len, reverse=True))
_UNIT_AFTER = re.compile(
    rf"(?:(?P<glued>{_SYM_RE})|[ \u00a0](?P<sym>{_SYM_MULTI})|\s+(?P<name>(?i:{_NAME_RE})))"
    r"(?![\w])"
)
_PER = re.compile(
    r"(?:\s*/\s*|\s+per\s+(?:(?:common|ordinary)\s+)?|\s+(?P<a>an?)\s+|-an?-)"
    r"(?P<den>square\s+(?:foot|feet|metre|meter)|sq\.?\s?(?:m|ft)|mmbtu|"
    r"hour|h|day|week|month|year|decade|century|second|s|minute|min|gallon|share|barrel|ounce|"
    r"gram|kilogram|kg|tonne|ton|night|person|head|game|centimet(?:re|er)|cm|met(?:re|er)|"
    r"kilomet(?:re|er)|km|mile|lit(?:re|er))(?![\w])(?!\s+(?:ago|earlier|before|later|after|from)\b)",
    re.IGNORECASE,
)
_MATERIAL_BEFORE = re.compile(r"\s+of\s+[a-z]{3,}\s+$")
# "3 million tonnes of coal a year", "40,000 barrels of oil per day": the material between
# the unit and its denominator.
_OF_MATERIAL = re.compile(r"\s+of\s+[a-z]{3,}(?=\s+(?:an?|per)\s)")
_PER_NAMES = {
    "h": "hour",
    "s": "second",
    "min": "minute",
    "kg": "kilogram",
    "head": "person",
    "cm": "centimetre",
    "km": "kilometre",
}
# "24pc", "1.38pc": British newspapers' percent, glued to the number.
_PC = re.compile(r"pc(?![\w])")
# English adjectives between a number and its noun that are never what is counted ("one
# particular demand", "eight straight World Cups", "two new Boeing jets").
_PRE_ADJECTIVES = frozenset(
    {
        "new", "previous", "straight", "consecutive", "particular", "separate", "different",
        "distinct", "former", "major", "minor", "small", "large", "big", "key", "young",
        "individual", "specific", "successive", "similar", "identical",
    }
)  # fmt: skip
# Event verbs whose object is a thing, never implied people: "sold 63,000 Model 3 sedans",
# "built 12", "5 were destroyed" (the counted noun is missing or a name, not "person").
_THING_VERBS = frozenset({"sold", "built", "damaged", "destroyed"})
_COUNT_MODIFIERS = frozenset({"more", "other", "additional", "further", "weitere", "andere"})
# English words that end a number's noun phrase without naming what is counted: "63 last
# year", "16,369 up 58 points", "13,176 while", "1,000 came from Asia", "$5 apiece".
_NON_HEADS = frozenset(
    [
        "last",
        "next",
        "up",
        "down",
        "while",
        "whereas",
        "apiece",
        "each",
        "respectively",
        "earlier",
        "later",
        "overall",
        "ago",
        "alone",
        "off",
        "then",
        "now",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "here",
        "there",
        "come",
        "came",
        "year-on-year",
        "year-over-year",
        "month-on-month",
        "quarter-on-quarter",
        "week-on-week",
        "annualised",
        "annualized",
        "including",  # "87 million Americans including ...": the list after it is no head
        "excluding",
    ]
)


@dataclass
class NumberMention:
    """One number with its unit/head, before it becomes an `Extraction`.

    `raw_value`/`raw_unit` are as written ("90", "minute"); `bounds` are in the normalised unit.
    """

    kind: str
    start: int
    end: int
    raw_value: float | tuple[float, float]
    raw_unit: str | None
    unit: str | None
    bounds: Bounds
    head: str | None = None
    verb: str | None = None
    slot_tokens: list[Token] = field(default_factory=list)
    #: Denominator of a rate, canonical English noun: "$14.95 a month" -> "month" (English;
    #: units of the table carry theirs in `head`: "barrel per day").
    per: str | None = None
    #: A count's noun phrase, modifiers as written and the head canonical: "50 different
    #: products" -> "different product", "96 Liverpool fans" -> "Liverpool fan" (the head alone
    #: is what claims align on; the phrase is what was counted, for labels and NewsQuant).
    phrase: str | None = None
    #: A place in a series, not a count: "an 11th-round stoppage" (round number 11), "for the
    #: fifth time". Claims keep it under its own key ("round number"); it counts nothing.
    ordinal: bool = False


@dataclass(frozen=True)
class _Patterns:
    number: re.Pattern[str]
    hedge_left: re.Pattern[str] | None
    post_hedge: re.Pattern[str] | None
    scale: re.Pattern[str] | None
    half: re.Pattern[str] | None
    percent: re.Pattern[str]
    points: re.Pattern[str] | None
    cur_word: re.Pattern[str] | None
    unit: re.Pattern[str] | None
    age: re.Pattern[str] | None
    range_conn: re.Pattern[str] | None
    between: re.Pattern[str] | None
    phrases: tuple[tuple[re.Pattern[str], float], ...]
    ago: re.Pattern[str] | None
    time_marker: re.Pattern[str] | None
    timeframe_prep: re.Pattern[str] | None = None
    timeframe_marker: re.Pattern[str] | None = None
    and_word: re.Pattern[str] | None = None
    unit_half: re.Pattern[str] | None = None
    ago_prefix: re.Pattern[str] | None = None
    vague: tuple[tuple[re.Pattern[str], float], ...] = ()
    vague_any: re.Pattern[str] | None = None
    number_tail: re.Pattern[str] | None = None
    partitive: re.Pattern[str] | None = None
    zero_subject: re.Pattern[str] | None = None
    measure: re.Pattern[str] | None = None
    glued: re.Pattern[str] | None = None
    measure_after: tuple[tuple[re.Pattern[str], str], ...] = ()
    age_prefix: re.Pattern[str] | None = None
    number_free: re.Pattern[str] | None = None


def _glued_cur_behind() -> str:
    """Look-behinds for `_GLUED_CUR` (one per length: look-behinds have a fixed width)."""
    by_len: dict[int, list[str]] = {}
    for c in _GLUED_CUR.split("|"):
        by_len.setdefault(len(c.replace("\\", "")), []).append(c)
    return "|".join(f"(?<={'|'.join(cs)})" for _n, cs in sorted(by_len.items()))


_YEAR_SECONDS = 365.25 * 86400.0
#: after a duration unit: the unit gives an age ("6-month-old", "two weeks old")
_AGE_AFTER = re.compile(r"[\s-]+old\b|-alt\b|\s+alte[rn]?\b", re.IGNORECASE)


def _alt(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in items)


# Scale abbreviations of wire copy in any language ("$2.8 bln", "40 mln euros", "1.2 trn yen")
# and the Indian numbering words of English-language news ("Rs 500 crore", "2 lakh people"),
# beside the lexicon's own scale words.
_WIRE_SCALES = {
    "bln": 1e9,
    "mln": 1e6,
    "trn": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
}


@lru_cache(maxsize=16)
def _scales(lex: Lexicon) -> dict[str, float]:
    """The lexicon's scale words and the wire abbreviations it does not define."""
    return {**_WIRE_SCALES, **lex.scales}


@lru_cache(maxsize=16)
def _patterns(lex: Lexicon | None) -> _Patterns:
    """All regexes for one language, compiled once."""
    if lex is None:
        digits = digit_pattern((",",), ".")
        # Also the continental forms of the languages without a lexicon: "3.000" (thousands:
        # groups of three after a dot), "4,5" (a decimal comma before one or two digits).
        num = re.compile(
            rf"(?<![\w.,])(?P<d>{_DOT_THOUSANDS}(?![.,]?\d)|{_COMMA_DECIMAL}(?!\d)|{digits})"
            rf"(?:(?P<att>bn|mn|m|k)(?![\w])|(?![\w])|(?=(?:{_SYM_RE})(?![\w])))"
        )
        return _Patterns(
            number=num,
            hedge_left=None,
            post_hedge=None,
            scale=None,
            half=None,
            percent=_NEUTRAL_PERCENT,
            points=None,
            cur_word=None,
            unit=None,
            age=None,
            range_conn=None,
            between=None,
            phrases=(),
            ago=None,
            time_marker=None,
        )
    i = re.IGNORECASE
    digits = digit_pattern(lex.thousands_seps, lex.decimal_sep, lex.loose_separators)
    glued = _alt(lex.glued_units) if lex.glued_units else r"(?!x)x"
    # A digit number ends at a non-word character or at a glued unit symbol ("256GB"); it
    # never stops before a decimal part ("1.38pc" is not 1).
    tail = rf"(?![\w])|(?=(?-i:{_SYM_RE}|pc|p|mins?|hrs?|secs?|[½¼¾⅓⅔⅛])(?![\w]))"
    # A number word ends at a word boundary ("ten" is not read in "tenants"), or before the
    # ordinal ending of "fourth", "seventh", "eighth": "the seventh round" states a 7.
    word_end = r"(?:(?![\w])|(?=(?:th|h)(?![\w])))"
    # ".500 record", ".001 per cent": a decimal without its leading zero, after a space.
    lead_dot = rf"(?<=\s){re.escape(lex.decimal_sep)}\d+"
    number = re.compile(
        # The digit check comes first: the look-behinds then run at digits only.
        rf"(?:(?=\d|{re.escape(lex.decimal_sep)}\d)"
        rf"(?:(?<![\w.,/-])|(?<=[\s(\[][{_MINUS}])|(?-i:{_glued_cur_behind()}))"
        rf"(?P<d>{digits}|{lead_dot})(?![.,]\d)"
        rf"(?:(?P<att>bn|mn|mil|(?-i:MM)|m|k|tn|b)(?![\w])|(?P<gu>{glued})(?![\w])|{tail})"
        rf"|(?<![\w.,/-])(?P<w>{lex.number_words_re}){word_end})",
        i,
    )
    units = "|".join(sorted((re.escape(u) for u in lex.duration_units), key=len, reverse=True))
    # "two full days", "three whole weeks": the adjective says nothing of the length
    filler = rf"(?:(?:{_alt(lex.length_fillers)})\s+)?" if lex.length_fillers else ""
    return _Patterns(
        number=number,
        hedge_left=re.compile(rf"(?:^|(?<=\W))(?P<h>{_alt(lex.hedges)})\s+$", i),
        post_hedge=re.compile(rf"(?P<h>{_alt(lex.post_hedges)})\b", i) if lex.post_hedges else None,
        # "$2.8 billion", "US $2.8-billion".
        scale=re.compile(rf"(?:\s*|\s?-\s?)(?P<sc>{_alt(_scales(lex))})(?!\w)", i),
        half=re.compile(lex.half_suffix_re, i),
        percent=re.compile(lex.percent_re, i),
        points=re.compile(lex.points_re, i),
        # "2m euros", "a two-million-euro haul", "a 110bn-euro package".
        cur_word=re.compile(rf"(?:\s+|-)(?P<cw>{_alt(lex.currency_words)})(?!\w)", i),
        # "40min", "2hrs": the abbreviations also glued to the number
        unit=re.compile(rf"(?:\s+{filler}|\s*-\s*|(?=(?:mins?|hrs?|secs?)\b))(?P<u>{units})\b", i),
        age=re.compile(lex.age_re, i),
        range_conn=re.compile(rf"\s*(?:{_alt(lex.range_words)})\s*", i),
        between=re.compile(rf"\b(?:{_alt(lex.between_words)})\s+$", i),
        phrases=tuple((re.compile(p, i), f) for p, f in lex.duration_phrases),
        ago=re.compile(lex.ago_re, i),
        time_marker=re.compile(rf"\s*(?:{_alt(lex.times_of_day)})(?!\w)", i),
        timeframe_prep=(
            re.compile(rf"(?:^|(?<=\W))(?:{_alt(lex.timeframe_preps)})\s+$", i)
            if lex.timeframe_preps
            else None
        ),
        # Case-sensitive on purpose: German superlatives are lower case, nouns are not.
        timeframe_marker=re.compile(lex.timeframe_marker_re) if lex.timeframe_marker_re else None,
        and_word=re.compile(rf"\s+(?:{_alt(lex.and_words)})\s+", i),
        unit_half=re.compile(lex.unit_half_re, i) if lex.unit_half_re else None,
        ago_prefix=re.compile(rf"(?:{lex.ago_prefix_re})\s+$", i) if lex.ago_prefix_re else None,
        vague=tuple((re.compile(p, i), u) for p, u in lex.vague_counts),
        vague_any=(
            re.compile("|".join(f"(?:{p})" for p, _u in lex.vague_counts), i)
            if lex.vague_counts
            else None
        ),
        number_tail=re.compile(rf"(?:\d|\b(?:{lex.number_words_re}))\s*$", i),
        partitive=(
            re.compile(rf"\s+(?:{_alt(lex.partitive_words)})\s+(?=\w)", i)
            if lex.partitive_words
            else None
        ),
        measure=(
            re.compile(
                rf"(?<!\w)(?P<mw>{_alt(lex.measure_nouns)})(?:-|\s+(?:of|at|was|is)\s+|\s+)$", i
            )
            if lex.measure_nouns
            else None
        ),
        glued=(
            re.compile(
                rf"(?<![\w-])(?P<pre>{_alt([*lex.measure_nouns, *lex.signed_prefixes])})-(?=\d)", i
            )
            if lex.measure_nouns or lex.signed_prefixes
            else None
        ),
        number_free=re.compile(
            rf"(?:(?P<d>{digits})(?![.,]\d)(?:(?P<att>bn|mn|m|k|tn)(?![\w])|{tail})"
            rf"|(?P<w>{lex.number_words_re}){word_end})",
            i,
        ),
        measure_after=tuple((re.compile(p, i), h) for p, h in lex.measure_suffixes),
        age_prefix=re.compile(rf"(?:{lex.age_prefix_re})", i) if lex.age_prefix_re else None,
        zero_subject=(
            re.compile(rf"(?<![\w-])(?P<z>{_alt(lex.zero_subjects)})(?![\w-])", i)
            if lex.zero_subjects
            else None
        ),
    )


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def neutral_masks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans whose digits are never counts: phone numbers, clock times, list numbering."""
    spans = [(m.start(), m.end()) for m in _PHONE.finditer(text, start, end)]
    clocks = (
        [(c.start, c.end) for c in _game_clocks(text, start, end)] if ":" in text[start:end] else []
    )
    spans += [
        (m.start(), m.end())
        for m in _TIME_OF_DAY.finditer(text, start, end)
        if not _overlaps(m.start(), m.end(), clocks)  # "with 8:17 to go": the time left
    ]
    m = _LIST_NUMBER.match(text, start, end)
    if m:
        spans.append((m.start(), m.end()))
    return spans


# Words that are zero in the lexicons' languages; any other number word read as 0 is a parse
# failure, not a value.
_ZERO_WORDS = frozenset(["zero", "null", "zéro", "cero", "nul", "nulla", "nil", "nought", "zera"])


class _NumberReader:
    """Reads one number at a position: value, scale, 'and a half', ranges."""

    def __init__(self, text: str, lex: Lexicon | None, pats: _Patterns) -> None:
        self.text = text
        self.lex = lex
        self.pats = pats

    def value_of(self, m: re.Match[str]) -> float | None:
        if self.lex is None and m.group("d"):
            raw = m.group("d")
            if re.fullmatch(_DOT_THOUSANDS, raw):
                return float(raw.replace(".", ""))
            if re.fullmatch(_COMMA_DECIMAL, raw):
                return float(raw.replace(",", "."))
        if m.group("d"):
            lex = self.lex
            seps = lex.thousands_seps if lex else (",",)
            dec = lex.decimal_sep if lex else "."
            return parse_digits(m.group("d"), seps, dec)
        if self.lex is not None and m.group("w"):
            v = self.lex.parse_number_words(m.group("w"))
            if v == 0 and m.group("w").lower() not in _ZERO_WORDS:
                return None  # a compound the lexicon cannot parse ("hunderttausend" -> 0)
            return v
        return None


#: After "a second": the ordinal, not a second of time ("a second-floor office", "a second
#: term"); "a second later", "for a second, ...", "a second or two" stay durations.
_ORDINAL_SECOND = re.compile(
    r"(?<=second)(?:-[a-z]|\s+(?!(?:later|earlier|ago|before|after|or|and|of|in|to|for|when"
    r"|while|as|too|longer|more)\b)[a-z])"
)


# Sports scores and records: one pair of figures ("beat the Owls 20-13", "a 10-3 lead", "went
# 8-1", "a 2-13 season"), never a count, a range or a duration. `find_scores` reads them where a
# cue says so; a bare "20-13" is left to the number reader (a range, a date part, a name).
SCORE_FIGURES = (
    r"(?<![\w.,$€£%/:-])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?:\s?[-–]\s?(?P<c>\d{1,3}))?"
    r"(?![\w%°]|[.,:]\d|\s?[-–]\s?\d)"
)
#: nouns a score or a record qualifies ("a 27-24 win", "a 9-0 run", "a 5-4 vote")
#: ... of which these name a finished game's result ("a 27-24 win"; `claims.scores`)
SCORE_RESULT_NOUNS = (
    r"wins?|victor(?:y|ies)|loss(?:es)?|defeats?|triumph|rout|drubbing|thrashing|shutout|upset"
)
_SCORE_NOUNS = (
    SCORE_RESULT_NOUNS
    + r"|leads?|deficits?|records?|seasons?|starts?|finish|margin|score(?:line)?|draws?|ties?|"
    r"decision|vote|ruling|verdict|majority|edge|advantage|half-?time|count|campaign|run|"
    r"stretch|skid|streak|mark|showing|comeback|setback|result|aggregate|series"
)
_SCORE_BEFORE_NOUN = re.compile(
    SCORE_FIGURES + r"(?=\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + _SCORE_NOUNS + r")\b)", re.IGNORECASE
)
#: what may follow a score that ends its clause ("led 17-14 at halftime", "won 27-24.")
SCORE_END = (
    r"(?=\s*(?:$|[,.;:)!?\"”']|[-–—]\s)|\s+(?:in|on|at|with|after|before|against|for|over|to|"
    r"this|last|next|since|and|but|as|when|behind|thanks|through|despite|during|into|under|"
    r"from|overall|away|at\s+home|on\s+the\s+road|all\s+time|so\s+far)\b)"
)
#: a verb of play with its object before the score ("beat the Owls 20-13", "led 17-14")
#: verbs of play that report a finished game's result before its score (`claims.scores`)
SCORE_RESULT_VERBS = (
    r"beat|beats|won|wins|lost|loses|defeated|defeats|edged|edges|routed|routs|thrashed|"
    r"downed|blanked|crushed|stunned|upset|whipped|topped|outlasted|outscored|held\s+on|"
    r"hung\s+on"
)
_SCORE_AFTER_PLAY = re.compile(
    r"\b(?:" + SCORE_RESULT_VERBS + r"|beating|winning|losing|defeating|led|leads|leading|"
    r"trailed|trails|trailing|outscores|outscoring|drew|draws|tied|ties|overcame|swept|"
    r"sweeps|voted|votes)\s+(?:[\w'’.-]+\s+){0,5}?" + SCORE_FIGURES + SCORE_END,
    re.IGNORECASE,
)
#: a state or a change of a record ("went 8-1", "are 6-2", "finished 2-13", "fell to 5-9")
_SCORE_AFTER_STATE = re.compile(
    r"\b(?:went|goes|go|going|finished|finishes|finish|are|is|was|were|stand|stands|stood|sit|"
    r"sits|sat|remains?|remained|now|improved|improves|improve|fell|falls|fall|dropped|drops|"
    r"moved|moves|climbed|evened|even|score\s+(?:of|was|is)|scoreline\s+(?:of|was|is))"
    r"\s+(?:(?:to|at)\s+)?" + SCORE_FIGURES + SCORE_END,
    re.IGNORECASE,
)


#: a rate of success written as a pair: "went 3-for-4", "shot 13-for-20 from the field"
_FOR_PAIR = re.compile(
    r"(?<![\w.,-])(?P<a>\d{1,3})\s?-\s?(?:for|of)\s?-\s?(?P<b>\d{1,3})(?P<c>)(?![\w.,-]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ScoreMention:
    """A score or a win-loss record as written: "20-13" -> (20, 13); "22-6-1" -> (22, 6, 1)."""

    start: int
    end: int
    figures: tuple[int, ...]


def find_scores(text: str, start: int, end: int) -> list[ScoreMention]:
    """Scores and records of play in text[start:end] (one English sentence), by their cue: a
    noun after them ("a 10-3 lead", "a 2-13 season", "a 5-4 vote"), a verb of play before them
    with its object ("beat the Owls 20-13 on Sunday") or a verb of state ("went 8-1 in", "are
    6-2 this season"). `find_numbers` reads no count, range or duration in them."""
    if not SCORE_ANY.search(text, start, end):
        return []
    found: dict[int, ScoreMention] = {}
    for pat in (_SCORE_BEFORE_NOUN, _SCORE_AFTER_PLAY, _SCORE_AFTER_STATE, _FOR_PAIR):
        for m in pat.finditer(text, start, end):
            s = m.start("a")
            e = m.end("c") if m.group("c") else m.end("b")
            figs = tuple(int(m.group(g)) for g in ("a", "b", "c") if m.group(g))
            if s not in found:
                found[s] = ScoreMention(s, e, figs)
    return [found[k] for k in sorted(found)]


SCORE_ANY = re.compile(r"\d\s?[-–]\s?(?:(?:for|of)\s?-\s?)?\d", re.IGNORECASE)

# Calibres and gauges of arms name a weapon, not a count or a length: ".357 Magnum", "a 9mm
# pistol", "a .22-calibre rifle", "a 12-gauge shotgun", "155mm shells".
_ARMS = (
    r"(?:(?:semi-?automatic|automatic|assault|hunting|sawn-off|sawed-off)\s+)?"
    r"(?:pistols?|handguns?|guns?|rifles?|revolvers?|shotguns?|carbines?|weapons?|firearms?|"
    r"rounds?|bullets?|ammunition|ammo|shells?|cartridges?|casings?|howitzers?|cannons?|"
    r"mortars?|artillery|Glocks?|Berettas?|Lugers?|Parabellum|Kalashnikovs?|"
    r"machine[\s-]guns?)\b"
)
_CAL_WORD = r"\s?-?\s?(?:calib(?:re|er)s?\b|cal\b\.?)"
_CALIBRE = re.compile(
    r"(?<![\w.,])(?:"
    # "a. 357 revolver": bad HTML splits the dot of ".357" off after a word
    r"(?<=[a-z]\.\s)\d{2,3}(?=\s+(?:Magnum|Special)\b|\s+" + _ARMS + r")|"
    # ".357 Magnum", ".22-calibre", ".45 caliber", ".38 revolver"
    r"\.\d{2,3}(?:" + _CAL_WORD + r"|(?=\s+(?:Magnum|Special|ACP|Auto|Remington|Winchester|"
    r"Long\s+Rifle|LR|S&W)\b|\s+" + _ARMS + r"))"
    # "a 9mm pistol", "155mm shells", "a 7.62-millimetre rifle"
    r"|\d{1,3}(?:\.\d{1,2})?\s?-?\s?(?:mm|millimet(?:re|er)s?)(?=\s+" + _ARMS + r")"
    # "a 9mm" with the weapon named later in the sentence
    r"|\d{1,3}(?:\.\d{1,2})?\s?-?\s?mm\b(?=\s*(?:[,.;)]|$|\s+(?:and|or|with|from|that|which)\b)"
    r"[^\n]{0,80}?\b" + _ARMS + r")"
    # "a 12-gauge shotgun", "a 40-calibre gun"
    r"|\d{1,2}\s?-?\s?(?:gauge|bore)\b(?=\s+" + _ARMS + r")"
    r"|\d{1,3}(?:\.\d{1,2})?" + _CAL_WORD + r")",
    re.IGNORECASE,
)
_CALIBRE_WORDS = frozenset(["mm", "caliber", "calibre", "gauge", "cal", "millimetre", "millimeter"])
_CALIBRE_WORD_HINTS = ("calib", "Calib", "CALIB", "gauge", "bore", "mm", "MM", "millimet")
_DOT_FIGURE = re.compile(r"\.\s?\d\d")

# The clock of a game: "with 10:03 to play", "6:00 remaining in the third quarter", "2:41 left"
# (the time left to play, no time of day and no count; `claims.times` reads none there).
_GAME_CLOCK = re.compile(
    r"(?<![\w:.])\d{1,2}:[0-5]\d(?:\.\d)?(?![\w:])(?=\s+(?:to\s+(?:play|go)|left|remaining|"
    r"on\s+the\s+clock|to\s+spare)\b)",
    re.IGNORECASE,
)


def _english_masks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of an English sentence whose figures are no counts: scores and records, a game's
    clock (calibres: `_calibres`)."""
    spans = [(s.start, s.end) for s in find_scores(text, start, end)]
    if ":" in text[start:end]:
        spans += [(m.start(), m.end()) for m in _GAME_CLOCK.finditer(text, start, end)]
    return spans


# A share of games won written as a batting average: "a .500 team", "above .500", "a .615
# winning percentage" (a standing: no count of teams, no percentage of anything named).
_WIN_SHARE = re.compile(
    r"(?<![\w.])\.\d{3}(?=\s+(?:team|club|squad|record|season|mark|winning|ball\s*club)\b)"
    r"|(?<=above\s)\.500\b|(?<=below\s)\.500\b|(?<=over\s)\.500\b|(?<=under\s)\.500\b",
    re.IGNORECASE,
)


# "a 3-pointer", "his fourth 3-pointer": a kind of basket, no count of 3 ("hit five 3-pointers"
# counts five of them).
_POINTER = re.compile(r"(?<![\w.,-])\d(?=-pointers?\b)")


def _calibres(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Calibres of arms and kinds of basket in an English sentence: no number starts in them,
    but a count may reach over one to its noun ("two 9mm pistols", "five 3-pointers")."""
    seg = text[start:end]
    pointers = (
        [(m.start(), m.end()) for m in _POINTER.finditer(text, start, end)]
        if "pointer" in seg
        else []
    )
    if not (
        any(w in seg for w in _CALIBRE_WORD_HINTS)
        or any(
            m.start() == 0 or not seg[m.start() - 1].isdigit() for m in _DOT_FIGURE.finditer(seg)
        )
    ):
        return pointers
    return pointers + [(m.start(), m.end()) for m in _CALIBRE.finditer(text, start, end)]


# The figure of a calibre or gauge inside a `_CALIBRE` match (".357 Magnum", "40-calibre",
# "12-gauge"); millimetres ("9mm") stay lengths of no claim.
_CALIBRE_FIGURE = re.compile(
    r"(?P<dot>\.)?(?P<d>\d{1,3})(?:\s?-?\s?(?P<g>gauge|bore)\b)?(?!\d|\s?-?\s?mm\b|\.\d|\s?-?\s?millimet)",
    re.IGNORECASE,
)


def _calibre_values(text: str, spans: list[tuple[int, int]]) -> list[NumberMention]:
    """Calibres and gauges of arms as claims of their own unit (English): ".38-caliber" and
    "38-caliber" (one figure: the dot is dropped or split off by bad HTML, "a. 38-caliber")
    -> 0.38 calibre; "a 12-gauge shotgun" -> 12 gauge. Reports of one shooting that name
    different calibres disagree about the weapon. `spans`: `_calibres` of the sentence (a
    kind of basket, "3-pointer", is one digit: no calibre)."""
    out: list[NumberMention] = []
    for span_start, span_end in spans:
        fm = _CALIBRE_FIGURE.match(text, span_start, span_end)
        if fm is None:
            continue
        digits = fm.group("d")
        if fm.group("g"):
            value, unit = float(digits), "gauge"
        elif fm.group("dot") or len(digits) >= 2:
            value, unit = float("0." + digits), "calibre"
        else:
            continue
        nm = NumberMention(
            "quantity", span_start, span_end, value, unit, unit, Bounds(value, value, value, False)
        )
        nm.head = unit
        out.append(nm)
    return out


def _player_bios(text: str, start: int, end: int) -> list[NumberMention]:
    """A player's height and weight in parentheses ("Quill (5-10, 230)", `records.PLAYER_BIO`):
    5 ft 10 in and 230 lb, as "5-foot-10, 230 pounds" reads (English sports pages)."""
    out: list[NumberMention] = []
    for m in PLAYER_BIO.finditer(text, start, end):
        feet = int(m.group("f")) + int(m.group("i")) / 12
        height = NumberMention(
            "quantity", m.start("f"), m.end("i"), feet, None, None, Bounds(feet, feet, feet, False)
        )
        height.head = "foot"
        pounds = float(m.group("w"))
        weight = NumberMention(
            "quantity",
            m.start("w"),
            m.end("w"),
            pounds,
            "pound-mass",
            None,
            Bounds(pounds, pounds, pounds, False),
        )
        weight.head = "pound-mass"
        out += [height, weight]
    return out


#: The head and the key of a game clock (`_game_clocks`); `compare.align` reads a claim as one
#: by its key, which keeps "time left" when the parse gives it its play ("score time left").
CLOCK_HEAD = "clock"
TIME_LEFT = "time left"
#: The game clock when something happened (English sports pages): "with 8:17 to go", "with
#: 5:00 minutes remaining in the second quarter", "with 0:52 left" (bad HTML may space the
#: colon: "5: 00"). The time left, a duration in seconds that two reports of one game may
#: state differently; a bare "8:17" is never read (a time of day, a ratio, a verse).
_GAME_CLOCK = re.compile(
    r"\bwith\s+(?:just\s+|only\s+)?(?P<m>\d{1,2}):\s?(?P<s>[0-5]\d)(?:\s+minutes?)?\s+"
    r"(?:left|to\s+go|to\s+play|remaining|on\s+the\s+clock)\b",
    re.IGNORECASE,
)


#: words that say a sentence tells a game ("with 1:05 left" in a marathon is an hour and five
#: minutes; "with 10:45 remaining on the count" is no game)
_GAME_WORDS = re.compile(
    r"\b(?:half|quarter|period|overtime|regulation|game|match|clock|to\s+play|basket|jumper|"
    r"layup|dunk|shot|goal|touchdown|field\s+goal|three-pointer|free\s+throws?|inning|"
    r"possession|drive|kick|penalty|score[ds]?|scoring|tied|lead|\d{1,3}-\d{1,3})\b",
    re.IGNORECASE,
)


def _game_clocks(text: str, start: int, end: int) -> list[NumberMention]:
    out: list[NumberMention] = []
    if not _GAME_WORDS.search(text, start, end):
        return out
    for m in _GAME_CLOCK.finditer(text, start, end):
        seconds = float(int(m.group("m")) * 60 + int(m.group("s")))
        nm = NumberMention(
            "duration",
            m.start("m"),
            m.end("s"),
            seconds,
            "second",
            "s",
            Bounds(seconds, seconds, seconds, False),
        )
        nm.head = CLOCK_HEAD
        out.append(nm)
    return out


def find_numbers(
    text: str, start: int, end: int, lex: Lexicon | None, masks: list[tuple[int, int]]
) -> list[NumberMention]:
    """All numeric mentions in text[start:end] (one sentence), not overlapping `masks`."""
    pats = _patterns(lex)
    reader = _NumberReader(text, lex, pats)
    tokens = tokenize(text, start, end)
    taken: list[tuple[int, int]] = list(masks)
    soft: list[tuple[int, int]] = []
    out: list[NumberMention] = []
    if lex is not None and lex.code == "en":
        if ":" in text[start:end]:  # before the clock-time masks: "with 8:17 to go"
            out += [
                c for c in _game_clocks(text, start, end) if not _overlaps(c.start, c.end, taken)
            ]
        taken += _english_masks(text, start, end)
        soft = _calibres(text, start, end)
        if "(" in text[start:end]:
            out += [
                b for b in _player_bios(text, start, end) if not _overlaps(b.start, b.end, taken)
            ]
        taken += [(nm.start, nm.end) for nm in out]
    if lex is not None:
        for pat, factor in pats.phrases:
            for m in pat.finditer(text, start, end):
                if _overlaps(m.start(), m.end(), taken):
                    continue
                if (
                    _is_rate(text, start, m.start(), lex)
                    or (pats.ago and pats.ago.match(text, m.end(), end))
                    or (
                        pats.ago_prefix
                        and pats.ago_prefix.search(text, max(start, m.start() - 12), m.start())
                    )
                    or (lex.code == "en" and _ORDINAL_SECOND.match(text, m.end(), end))
                    # "the seventy-one-year-old": the tail of a compound number word, an age
                    or (
                        m.start() > start + 1
                        and text[m.start() - 1] == "-"
                        and text[m.start() - 2].isalpha()
                    )
                ):
                    continue
                name, secs = lex.duration_units[m.group("u").lower()]
                mention = _finish(
                    text,
                    start,
                    end,
                    m.start(),
                    m.end(),
                    factor,
                    "duration",
                    name,
                    lex,
                    pats,
                    tokens,
                )
                mention.bounds = _scaled(mention.bounds, secs)
                mention.unit = "s"
                out.append(mention)
                taken.append((mention.start, mention.end))
    if lex is not None:
        # A clock time is never a count ("um 6.10 Uhr", "at 3 pm").
        taken += [(t.start, t.end) for t in find_times(text, start, end, lex, taken)]
        for found in [*_vague_counts(text, start, end, lex, pats, tokens, taken)]:
            out.append(found)
            taken.append((found.start, found.end))
        for found in _zero_counts(text, start, end, lex, pats, tokens, taken):
            out.append(found)
            taken.append((found.start, found.end))
        if lex.code == "en":
            for finder in (
                _few_scaled,
                _fractions,
                _one_more,  # before `_ordinals`, which takes "a fourth injured" as a word
                _multiples,
                _ordinals,
                _parents_of,
                _once_twice,
                _games_won_of,
                _crowd_sizes,
            ):
                for found in finder(text, start, end, lex, pats, tokens, taken):
                    if not _overlaps(found.start, found.end, taken):
                        out.append(found)
                        taken.append((found.start, found.end))
            for found in _glued_headline(text, start, end, lex, pats, taken, out):
                out.append(found)
                taken.append((found.start, found.end))
            for found in _clock_marks(text, start, end, taken):
                out.append(found)
                taken.append((found.start, found.end))
    if pats.glued is not None and pats.number_free is not None and lex is not None:
        # "magnitude-5.9", "minus-130 degrees": a number right after "word-" is otherwise a
        # name ("COVID-19", "last-32"), so only these words let it through.
        for g in pats.glued.finditer(text, start, end):
            gm = pats.number_free.match(text, g.end(), end)
            if gm is None or _overlaps(gm.start(), gm.end(), taken):
                continue
            got = _read_one(text, start, end, gm, lex, pats, reader, tokens)
            if got is None or _overlaps(got.start, got.end, taken):
                continue
            sign = lex.signed_prefixes.get(g.group("pre").lower(), 1.0)
            if sign < 0:
                got = _negated(got)
                got.start = min(got.start, g.start())
            out.append(got)
            taken.append((got.start, got.end))
    scan = start
    while (nmatch := pats.number.search(text, scan, end)) is not None:
        scan = nmatch.end()
        hit = [e for s, e in (*taken, *soft) if nmatch.start() < e and s < nmatch.end()]
        if hit:
            # Look again after the mask: "March 3, 300 people" (the date masks "3", not "300").
            scan = max(nmatch.start() + 1, min(hit))
            continue
        if (
            lex is not None
            and nmatch.group().strip().lower() in _scales(lex)
            and _GLUED_DIGITS_BEFORE.search(text, max(start, nmatch.start() - 16), nmatch.start())
        ):
            continue  # "e40 million": the figure is glued to a letter, not a bare million
        one = _read_one(text, start, end, nmatch, lex, pats, reader, tokens, out)
        if one is not None and not _overlaps(one.start, one.end, taken):
            out.append(one)
            taken.append((one.start, one.end))
    if soft:  # calibres: a count may reach over one ("two .40-caliber pistols"), so last
        out += [c for c in _calibre_values(text, soft) if not _overlaps(c.start, c.end, masks)]
    if lex is None or lex.code != "en":
        for nm in out:  # "26 centavos", "26 centesimi", "26 Cent" (English: `_cents`)
            if nm.kind == "quantity" and not nm.verb and (nm.head or "").lower() in _CENT_WORDS:
                _as_cents(text, start, end, nm)
    if lex is not None:
        if lex.code == "en":
            for nm in out:
                _spread_over(text, start, nm, out)
        out = [nm for nm in out if not _not_a_duration(text, start, nm, out, pats)]
        if lex.code == "en":
            out = [nm for nm in out if not _RACE_EVENT.match(text, nm.start, end)]
            out = _feet_and_inches(text, end, out)
            _changes_before_levels(text, start, out)
        if lex.code == "en":
            for nm in out:  # "$14.95 a month", "3% a year", "300 tests per day"
                if nm.kind != "duration" and " per " not in (nm.head or ""):
                    nm.per = den[0] if (den := _per(text, nm.end, end)) else None
    return sorted(out, key=lambda x: (x.start, x.end))


# English ordinals (words and digits): a place in a series, never a count.
_ORDINAL_WORDS = {k: v for k, v in ORDINALS.items() if v <= 20}
# Nouns of a series whose place a reader checks: a bout's round, a game's inning, a title
# defence, a run of wins ("his 10th straight win"). Ordinals before other nouns ("the second
# payment", "the fourth quarter") are no claim at all.
_SERIES_NOUNS = frozenset(
    [
        "round",
        "inning",
        "innings",
        "defense",
        "defence",
        "title",
        "bout",
        "fight",
        "win",
        "victory",
        "defeat",
        "loss",
        "knockout",
        "stoppage",
        "term",
        "attempt",
        "try",
    ]
)
#: the places in a series written as words, from the second on
_SECOND_ON = (
    "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)


def _place_pattern(words: str) -> str:
    """An ordinal in digits ("21st") or in `words` ("fifth", "twenty-first"): groups `d`,
    `w` and `o`, as `_ordinal_at` reads them."""
    return rf"(?:(?P<d>\d{{1,3}})(?:st|nd|rd|th)|(?P<w>(?:twenty|thirty)-)?(?P<o>{words}))"


_ORDINAL = re.compile(
    r"(?<![\w.,-])"
    + _place_pattern(f"first|{_SECOND_ON}")
    + r"(?:[-\s]+(?P<run>consecutive|straight|successive|successful)\s+|[-\s]+)"
    r"(?P<n>[a-z]+)(?![\w-])",
    re.IGNORECASE,
)
_ORDINAL_ANY = re.compile(r"(?<![\w.,-])" + _place_pattern(_SECOND_ON) + r"(?=\s+[a-z])", re.I)
#: the head of an edition's number (compare.align: two editions are two events, never one
#: fact's two values)
EDITION = "edition number"
# The edition of a recurring event, named, after "the": "the 41st Lantern Awards", "the 12th
# annual Harbour Jazz Festival", "the 50th Super Bowl" (English). Other ordinals before a name
# are names, not places in a series ("the 82nd Airborne Division", "the 14th Street Festival",
# "the Fourth Geneva Convention"), and after a possessive or before a noun it is someone's
# count ("her fourth Olympics", "the third Super Bowl ring").
# Case-sensitive: a capitalised word ordinal ("the Fourth Festival Hall") names something.
_EDITION = re.compile(
    r"(?<=[Tt]he )" + _place_pattern(_SECOND_ON) + r"\s+(?:annual\s+)?"
    r"(?P<name>(?:(?!(?:Street|Avenue|Road|District|Precinct|Division|Regiment|Amendment)\b)"
    r"[A-Z][\w'’.-]*\s+){0,3}(?P<e>Awards?|Oscars|Emmys|Grammys|Tonys|Games|Olympics|Festival|"
    r"Championships?|Summit|Congress|Conference|Marathon|Ceremony|Super\s+Bowl))(?![\w-])"
    # "the third Oscars she has hosted": her count of them, told by the clause after
    r"(?!\s+(?:she|he|they|we|I|you|that|which|who)\b)"
    r"(?!\s+(?:rings?|medals?|titles?|appearances?|seats?|wins?|victory|victories|trophy|"
    r"trophies|berths?|races?)\b)"
)
_ORDINAL_STEMS = (*_ORDINAL_WORDS, "tieth")
_DIGIT_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")
# "for the fifth time", "for a third time": how often it has happened, counted by the place.
_NTH_TIME = re.compile(
    r"(?<![\w-])for\s+(?:the|a)\s+(?!first\b)(?P<o>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:(?:straight|consecutive|successive)\s+)?time(?![\w-])",
    re.IGNORECASE,
)


# "It was the third time he chaired the panel", "marks the fifth time the Otters have won":
# how often it has happened, the event told in the clause after "time".
_NTH_TIME_CLAUSE = re.compile(
    r"(?<![\w-])the\s+(?!first\b)(?P<o>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:(?:straight|consecutive|successive)\s+)?(?P<t>time)\s+(?:that\s+)?"
    r"(?=(?:he|she|they|it|we|i|the|a|an|[A-Z][\w'’-]+)\b)",
    re.IGNORECASE,
)
#: words of the clause after "the Nth time" searched for its event verb
_NTH_TIME_REACH = 6


def _nth_value(m: re.Match[str]) -> int | None:
    """The place an `_NTH_TIME` / `_NTH_TIME_CLAUSE` match names ("fifth", "21st")."""
    word = m.group("o").lower()
    tens, _sep, unit = word.rpartition("-")
    return _ordinal_value(word[:-2] if word[:1].isdigit() else None, tens or None, unit or word)


def _times(start: int, end: int, value: int, verb: Token | None, lex: Lexicon) -> NumberMention:
    """How often it has happened ("for the fifth time"): an ordinal count of "time", with the
    verb that tells the event when there is one."""
    v = float(value)
    nm = NumberMention("quantity", start, end, v, "time", None, Bounds(v, v, v, False))
    nm.ordinal = True
    nm.head = "time"
    if verb is not None:
        nm.verb = lex.event_verbs.get(verb.lower, verb.lower)
        nm.slot_tokens = [verb]
    return nm


def _ordinal_value(d: str | None, tens: str | None, word: str | None) -> int | None:
    if d:
        return int(d)
    if word is None:
        return None
    if word.lower() == "thirtieth":
        return 30
    base = _ORDINAL_WORDS.get(word.lower())
    if base is None:
        return None
    return (
        base
        + (20 if (tens or "").lower().startswith("twenty") else 0)
        + (30 if (tens or "").lower().startswith("thirty") else 0)
    )


def _ordinal_at(m: re.Match[str]) -> tuple[int | None, int]:
    """The place an `_ORDINAL` / `_ORDINAL_ANY` match names, and where its ordinal ends."""
    value = _ordinal_value(m.group("d"), m.group("w"), m.group("o"))
    return value, m.end("d") + 2 if m.group("d") else m.end("o")


def _ordinals(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """Places in a series (English): "an 11th-round stoppage", "in the seventh round", "his
    sixth defence" -> `ordinal` mentions of the noun ("round number" 11); "retained the title
    for the fifth time" -> 5, how often it has happened, with the verb before it. Ordinals
    before other nouns are taken too, so that no count reads them ("the fourth quarter")."""
    out: list[NumberMention] = []
    low = text[start:end].lower()
    if not (any(w in low for w in _ORDINAL_STEMS) or _DIGIT_ORDINAL.search(low)):
        return out  # cheap checks for the usual sentence without any
    for m in _NTH_TIME.finditer(text, start, end):
        value = _nth_value(m)
        if value is None or _overlaps(m.start(), m.end(), taken):
            continue
        clause = [t for t in tokens_before(tokens, m.start()) if t.is_word][-6:]
        verbs = [t for t in clause if t.lower in lex.event_verbs or t.lower.endswith("ed")]
        out.append(_times(m.start("o"), m.end(), value, verbs[-1] if verbs else None, lex))
    for m in _NTH_TIME_CLAUSE.finditer(text, start, end):
        value = _nth_value(m)
        if value is None or _overlaps(m.start(), m.end(), taken):
            continue
        clause = [t for t in tokens if t.start >= m.end() and t.is_word][:_NTH_TIME_REACH]
        verb = next(
            (
                t
                for k, t in enumerate(clause)
                if t.lower in lex.event_verbs
                or t.lower.endswith("ed")
                or (
                    k > 0
                    and clause[k - 1].lower in lex.auxiliaries
                    and t.lower not in lex.stopwords
                )
            ),
            None,
        )
        if verb is None:
            continue  # "the second time around": no event told
        out.append(_times(m.start("o"), m.end("t"), value, verb, lex))
    for m in _EDITION.finditer(text, start, end):
        value, _ = _ordinal_at(m)
        if value is None or value < 2 or _overlaps(m.start(), m.end(), taken):
            continue
        nm = NumberMention(
            "quantity",
            m.start(),
            m.end(),
            float(value),
            EDITION,
            None,
            Bounds(float(value), float(value), float(value), False),
        )
        nm.ordinal = True
        nm.head = EDITION
        nm.phrase = f"{m.group('name')} edition"
        nm.slot_tokens = [t for t in tokens if m.start("e") <= t.start < m.end("e")]
        out.append(nm)
    for m in _ORDINAL.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), taken) or any(o.start <= m.start() < o.end for o in out):
            continue
        value, o_end = _ordinal_at(m)
        noun = m.group("n").lower()
        if value is None:
            continue
        if noun not in _SERIES_NOUNS and not (noun.endswith("s") and noun[:-1] in _SERIES_NOUNS):
            if place := _place_in_series(text, m.start(), o_end, value, tokens, lex):
                out.append(place)
                continue
            if m.group("d") or m.group("o").lower() in ("first", "second", "third", "fifth"):
                continue  # not read by the number pattern anyway; leave "a second payment"
            # "the fourth quarter", "the seventh person": a word ordinal the number pattern
            # would read as a count ("four" + "th"); taken, no claim.
            taken.append((m.start(), o_end))
            continue
        nm = NumberMention(
            "quantity",
            m.start(),
            m.end("n"),
            float(value),
            noun,
            None,
            Bounds(float(value), float(value), float(value), False),
        )
        nm.ordinal = True
        head = _canon(Token(m.group("n"), m.start("n"), m.end("n")), lex)
        # One head of two words, no verb: "round number" (a count's key is "round").
        nm.head = f"{'inning' if head == 'innings' else head} number"
        nm.slot_tokens = [t for t in tokens if m.start("n") <= t.start < m.end("n")]
        out.append(nm)
    # ordinals `_ORDINAL` does not take ("the sixth anti-smuggling patrol": a hyphenated word)
    for m in _ORDINAL_ANY.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), taken) or any(o.start <= m.start() < o.end for o in out):
            continue
        value, o_end = _ordinal_at(m)
        if value is not None and (
            place := _place_in_series(text, m.start(), o_end, value, tokens, lex)
        ):
            out.append(place)
    return out


# "killing two guards and critically wounding a third", "two hikers died and another was
# hurt": one more of the things counted just before (English). The ordinal counts on from the
# last number written before it in the sentence ("two guards ... a third": a guard), and
# "another" from "one" ("one man was killed and another injured"); it counts what that number
# counted, else people. Anything else is no count: "won a second title", "arrested a second
# time", "a third of the vote", "2,000 marched and a third were arrested" (a share), "another
# shot two officers" (the doer).
_ONE_MORE = re.compile(
    r"(?:\band|,)\s+(?:(?:critically|seriously|gravely|badly|fatally|mortally|severely|"
    r"slightly|also)\s+)?(?P<v>[a-z]+)\s+(?P<a>a|another)\s+(?P<o>second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth)(?:\s+(?P<n>[a-z][a-z-]+))?(?![\w-])",
    re.IGNORECASE,
)
_ONE_MORE_AFTER = re.compile(
    r"\band\s+(?P<a>a|another)\s+(?P<o>second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth)\s+(?:(?P<n>(?![a-z]+ed\b)[a-z][a-z-]+)\s+)?(?:was\s+)?(?:(?:critically|"
    r"seriously|gravely|badly|severely|slightly)\s+)?(?P<v>[a-z]+)\b",
    re.IGNORECASE,
)
_ANOTHER_HARMED = re.compile(
    r"\band\s+(?P<a>another)\s+(?:(?:was|has\s+been|had\s+been)\s+)?"
    r"(?:(?:critically|seriously|gravely|badly|severely|slightly)\s+)?(?P<v>[a-z]+)\b"
    # a participle with nothing after it that it acts on ("another killed five soldiers")
    r"(?!\s+(?:\d|a\b|an\b|the\b|his\b|her\b|their\b|its\b|one\b|two\b|three\b|four\b|"
    r"five\b|six\b|seven\b|eight\b|nine\b|ten\b|dozens\b|several\b))",
    re.IGNORECASE,
)
#: events that happen to people, counted on by "a third" / "another"
_ONE_MORE_EVENTS = frozenset({"death", "injury", "arrest", "rescue"})
#: nouns after "a second" that make a time or a part of something, not one more ("arrested a
#: second time", "hurt a second time in the fourth")
_ONE_MORE_NOT = frozenset(
    {"time", "times", "half", "quarter", "period", "round", "inning", "set", "game", "term"}
)
_NUMBER_WORD = re.compile(r"\d[\d,.]*|[A-Za-z]+")


def _one_more(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    out: list[NumberMention] = []
    low = text[start:end].lower()
    if " and " not in low and "," not in low:
        return out
    # (match, the number the ordinal counts on from; None: "another", after any number)
    hits: list[tuple[re.Match[str], int | None]] = [
        (m, ORDINALS.get(m.group("o").lower(), 0) - 1)
        for pat in (_ONE_MORE, _ONE_MORE_AFTER)
        for m in pat.finditer(text, start, end)
    ]
    hits += [(m, None) for m in _ANOTHER_HARMED.finditer(text, start, end)]
    for m, before in hits:
        verb = lex.event_verbs.get(m.group("v").lower())
        if before == 0 or verb is None or EVENT_CLASSES.get(verb) not in _ONE_MORE_EVENTS:
            continue
        counted = _counted_before(text, start, m.start(), before, lex, tokens)
        if counted is None:
            continue
        noun = m.group("n") if "n" in m.re.groupindex else None
        if noun is not None and noun.lower() in _ONE_MORE_NOT:
            continue
        span_start, span_end = m.start("a"), m.end()
        if noun is not None and (
            noun.lower() in lex.stopwords
            or noun.lower() in lex.event_verbs
            or noun.lower().endswith(("ed", "ing"))  # "a third appeared": a verb, no noun
        ):
            noun, span_end = None, m.end("o")
        if _overlaps(span_start, span_end, taken):
            continue
        nm = NumberMention(
            "quantity", span_start, span_end, 1.0, None, None, Bounds(1.0, 1.0, 1.0, False)
        )
        if noun:
            nm.head = _canon(Token(noun, m.start("n"), m.end("n")), lex)
        else:  # what the number before counted ("two guards"), else people
            nm.head = _canon(counted, lex) if counted.text else "person"
        nm.verb = verb
        out.append(nm)
    return out


def _counted_before(
    text: str, s_start: int, pos: int, value: int | None, lex: Lexicon, tokens: list[Token]
) -> Token | None:
    """When the last number written in the sentence before `pos` (digits or a word) is
    `value` (None: any): the noun right after it ("two guards", "one man"), or an empty token
    when it counts no noun ("killing two and wounding a third"); else None."""
    last: re.Match[str] | None = None
    figure: float | None = None
    for w in _NUMBER_WORD.finditer(text, s_start, pos):
        raw = w.group()
        if raw[0].isdigit():  # "2,000" is a number, though not a small one
            digits = raw.rstrip(".,")
            last, figure = w, (int(digits) if digits.isdigit() else None)
        elif (said := lex.parse_number_words(raw.lower())) is not None:
            last, figure = w, said
    if last is None or figure is None or (value is not None and figure != value):
        return None
    after = tokens_after(tokens, last.end(), 3)
    if len(after) == 3 and after[0].lower == "of" and after[1].lower in lex.determiners:
        after = after[2:]  # "two of the bills"
    if after and after[0].is_word and _plural_noun_at([after[0]], 0, lex):
        return after[0]
    if (
        after
        and after[0].is_word
        and figure == 1
        and after[0].lower not in lex.stopwords
        and after[0].lower not in lex.event_verbs
        and not after[0].is_capitalised
    ):
        return after[0]  # "one man was killed and another injured"
    return Token("", last.end(), last.end())


# A multiple of a named measure (English): "more than four times the legal limit", "twice the
# national average", "3.5 times its capacity". The value is the factor; what it multiplies is
# the measured thing ("times the legal limit"), so that "four times" and "five times the
# legal limit" conflict and no count of limits is read.
_MULTIPLE = re.compile(
    r"(?<![\w.,-])(?:(?P<d>\d+(?:\.\d+)?)\s+times|(?P<w>[a-z]+)\s+times|(?P<t>twice|thrice))"
    r"\s+(?:the|its|their|his|her|that)\s+"
    r"(?P<ref>(?:[a-z-]+\s+){0,2}?(?:limit|level|average|rate|amount|size|number|price|value|"
    r"speed|dose|concentration|standard|maximum|norm|total|population|capacity|budget|cost)s?)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _multiples(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    out: list[NumberMention] = []
    if "twice" not in text[start:end] and "times" not in text[start:end].lower():
        return out
    for m in _MULTIPLE.finditer(text, start, end):
        if m.group("d"):
            value: float | None = float(m.group("d"))
        elif m.group("w"):
            value = lex.parse_number_words(m.group("w").lower())
        else:
            value = _ONCE_VALUE[m.group("t").lower()]
        first = "d" if m.group("d") else ("w" if m.group("w") else "t")
        if value is None or value <= 1 or _overlaps(m.start(), m.end(), taken):
            continue
        nm = _finish(
            text, start, end, m.start(first), m.end(), value, "quantity", None, lex, pats, tokens
        )
        ref = " ".join(m.group("ref").lower().split())
        nm.head = f"times the {ref}"
        nm.slot_tokens = [t for t in tokens if m.start("ref") <= t.start < m.end("ref")]
        out.append(nm)
    return out


# "shot him once in the head", "married twice", "reached the playoffs twice": how often an
# event happened, a count of times like "fired 30 times" (English). Not "twice as many",
# "twice the limit" (a multiple), "once again", "once a week" (a rate) or a conjunction.
_ONCE = re.compile(
    r"(?<![\w-])(?P<w>once|twice|thrice)(?![\w-])"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|and|before|during|with|from|into|since|last|this|"
    r"that|after|while|when|but|for\s+(?!the\b|a\b)))",
)
_ONCE_VALUE = {"once": 1.0, "twice": 2.0, "thrice": 3.0}


def _once_twice(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """'married twice', 'shot Brandl once in the leg' -> 2 / 1 times, with the verb a few
    words before (`_frequency`); a word with no verb before it is left alone."""
    out: list[NumberMention] = []
    if not any(w in text[start:end] for w in _ONCE_VALUE):
        return out
    for m in _ONCE.finditer(text, start, end):
        left = [t for t in tokens_before(tokens, m.start()) if t.is_word][-4:]
        verbs = [
            k
            for k, t in enumerate(left)
            if t.lower in lex.event_verbs or (t.lower.endswith("ed") and len(t.lower) > 4)
        ]
        if not verbs or any(t.lower in lex.auxiliaries for t in left[verbs[-1] + 1 :]):
            continue
        value = _ONCE_VALUE[m.group("w")]
        nm = NumberMention(
            "quantity", m.start(), m.end(), value, None, None, Bounds(value, value, value, False)
        )
        nm = _frequency(nm, m.end(), lex, tokens[: tokens.index(left[verbs[-1]]) + 1])
        out.append(nm)
    return out


# "won 14 of its next 19 games", "losing seven of their last nine games": the games won or
# lost over a stretch (English); the stretch's length is no count of its own.
_N_OF_M_GAMES = re.compile(
    r"(?<![\w-])(?P<verb>won|wins?|winning|lost|lose|loses|losing|dropped|drops?|dropping)\s+"
    r"(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+of\s+(?:its|their|his|her|the|our)\s+"
    r"(?:(?:next|last|first|final|past|previous)\s+)?(?P<m>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<noun>games|matches|contests|starts|outings|fights|bouts|races)\b",
    re.IGNORECASE,
)


def _games_won_of(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """'won 14 of its next 19 games' -> 14 games won; the 19 is masked (a stretch)."""
    out: list[NumberMention] = []
    if " of " not in text[start:end]:
        return out
    for m in _N_OF_M_GAMES.finditer(text, start, end):
        raw, other = m.group("n"), m.group("m")
        value, stretch = _small_value(raw, lex), _small_value(other, lex)
        if value is None or stretch is None or value > stretch:
            continue
        nm = NumberMention(
            "quantity",
            m.start("n"),
            m.end("n"),
            value,
            None,
            None,
            Bounds(value, value, value, False),
        )
        verb = m.group("verb").lower()
        won = verb.startswith("w")
        nm.head, nm.verb = "game", "won" if won else "lost"
        nm.slot_tokens = [t for t in tokens if t.start == m.start("verb")][:1]
        out.append(nm)
        taken.append((m.start("m"), m.end("noun")))
    return out


# The size of a crowd (English): "a crowd of 6,000", "estimated the crowd at 90", "the crowd
# numbered about 300", "crowds estimated at 2,000" -> a count of the people gathered.
_CROWD = re.compile(
    r"(?<![\w-])(?:(?:estimated|put|placed|pegged)\s+(?:the|a)\s+crowds?\s+at|crowds?\s+"
    r"(?:of|(?:was|were|is|are)?\s*(?:estimated|put)\s+at|numbering|numbered|swelled\s+to|"
    r"grew\s+to))\s+(?:(?:about|some|around|nearly|roughly|approximately|almost|over|"
    r"more\s+than|at\s+least|an\s+estimated)\s+)?",
    re.IGNORECASE,
)


def _crowd_sizes(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """'estimated the crowd at 90', 'a crowd of 6,000 gathered' -> people gathered (90, 6000);
    a noun after the figure counts itself ('a crowd of 300 mourners')."""
    out: list[NumberMention] = []
    if pats.number_free is None or "crowd" not in text[start:end].lower():
        return out
    for c in _CROWD.finditer(text, start, end):
        m = pats.number_free.match(text, c.end(), end)
        if m is None or _overlaps(m.start(), m.end(), taken):
            continue
        value = _NumberReader(text, lex, pats).value_of(m)
        if value is None or value < 2:
            continue
        if _plural_noun_at(tokens, m.end(), lex):
            continue  # "a crowd of 300 mourners": the count reads its own noun
        nm = _finish(
            text, start, end, m.start(), m.end(), value, "quantity", None, lex, pats, tokens
        )
        nm.head, nm.verb = "person", "gathered"
        nm.slot_tokens = [t for t in tokens if c.start() <= t.start < c.end()][:1]
        out.append(nm)
    return out


# Counted nouns that name a charge by what follows "of" or what stands before them.
_CHARGE_HEADS = frozenset({"count", "charge"})
# "first degree murder", "second-degree assault": the degree is no part of the charge's name
_DEGREES = frozenset({"first", "second", "third", "fourth", "capital"})


def _charge_of(after: list[Token], lex: Lexicon) -> list[str]:
    """The words after "of" that name a charge ("of first-degree murder" -> ["murder"])."""
    if not after or after[0].lower != "of":
        return []
    words: list[str] = []
    for t in after[1:4]:
        if not t.is_word or t.lower in lex.stopwords or len(words) == 2:
            break
        if "degree" not in t.lower and t.lower not in _DEGREES:
            words.append(t.lower)
    return words


# Words that end the noun phrase after an ordinal ("the fifth operation conducted by ...").
_PHRASE_ENDS = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "since",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "and",
        "or",
        "but",
        "as",
        "after",
        "before",
        "than",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "into",
        "over",
        "under",
        "against",
        "during",
        "ever",
        "so",
        "far",
        "this",
        "last",
        "a",
        "row",
        "straight",
        "when",
        "where",
        "while",
        "if",
        "because",
        "not",
        "did",
        "does",
        "do",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "him",
        "her",
        "us",
        "them",
    ]
)
# Adverbs that end a noun phrase ("her second marriage also ended", "the third game too")
_ADVERBS = frozenset(
    [
        "also",
        "too",
        "again",
        "yet",
        "still",
        "only",
        "just",
        "alone",
        "already",
        "even",
        "here",
        "there",
        "then",
        "now",
        "later",
        "ago",
        "soon",
        "instead",
        "together",
        "away",
        "back",
    ]
)
# Irregular past forms that end a noun phrase as "-ed" verbs do ("the city's 31st mayor took
# office": the mayor's place, not the office's); forms that are also nouns ("his 500th career
# hit", "shot", "set") are left out
_IRREGULAR_PAST_WORDS = (
    "became began beat bought brought broke built came chose drew drove fell felt fought "
    "found flew gave got grew had held kept knew led made meant met paid ran said sat saw "
    "sent sold spent spoke stood stole struck swore took taught told thought threw won "
    "went wrote"
)
_IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_WORDS.split())
# Nouns whose place in a series is no fact of the story: parts of a game or of a period
# (scopes), days and years of a calendar, or a person pointed at ("the second man").
_NOT_SERIES = frozenset(
    [
        "time",
        "times",
        "quarter",
        "half",
        "period",
        "day",
        "week",
        "month",
        "year",
        "century",
        "decade",
        "minute",
        "hour",
        "second",
        "place",
        "one",
        "ones",
        "person",
        "people",
        "man",
        "men",
        "woman",
        "women",
        "suspect",
        "victim",
        "child",
        "boy",
        "girl",
        "thing",
        "way",
    ]
)
# What marks a place as the thing's own: "the fifth operation", "her 12th season",
# "Tallinn's 31st mayor" ("a third person" only points at one more).
_SERIES_OWNERS = frozenset(["the", "his", "her", "its", "their", "our", "my", "your"])


def generic_place(head: str | None) -> bool:
    """Whether `head` is a place in a series of a thing outside the series nouns of a fight or
    a game ("operation number" from "the fifth operation", not "round number"), read by
    `_place_in_series`: its series is not parsed ("this season", "in team history")."""
    if not head or not head.endswith(" number"):
        return False
    noun = head[: -len(" number")]
    return noun not in _SERIES_NOUNS


def _place_in_series(
    text: str, o_start: int, o_end: int, value: int, tokens: list[Token], lex: Lexicon
) -> NumberMention | None:
    """A place in a series of any thing (English), the ordinal owned by "the" or a possessive
    and the thing its noun phrase's last noun: "the sixth successful anti-smuggling patrol
    run by ..." -> patrol number 6; "Tallinn's 31st mayor" -> mayor number
    31; "in her 12th season" -> season number 12. First places are left out (too common to
    be a claim: "the first time"), as are parts of a game or a period and people."""
    if value < 2:
        return None
    before = tokens_before(tokens, o_start)
    if not before or not (
        before[-1].lower in _SERIES_OWNERS or before[-1].lower.endswith(("'s", "’s"))
    ):
        return None
    words: list[Token] = []
    for t in tokens_after(tokens, o_end, 7):
        low = t.lower
        if not words and low in ("st", "nd", "rd", "th"):
            continue
        if (
            not t.is_word
            or low in _PHRASE_ENDS
            or (
                words
                and (
                    low.endswith("ed")
                    or low in _ADVERBS
                    or low.endswith("ly")
                    or low in _IRREGULAR_PAST
                )
            )
        ):
            if low == "by" and len(words) > 1:
                words.pop()  # "the sixth patrol run by the cutter": a participle before "by"
            break
        words.append(t)
        if len(words) == 5:
            return None  # no noun phrase that ends: a clause
    if not words:
        return None
    if text[o_start].isupper() and words[0].is_capitalised:
        return None  # "the Fifth Amendment protection", "his Second Avenue office": a name
    head_tok = words[-1]
    if any(w.lower in _NOT_SERIES or _canon(w, lex) in _NOT_SERIES for w in words):
        return None  # "the fourth quarter run", "the third day's session"
    if head_tok.is_capitalised:
        return None  # a name: "the 104th Precinct", "the 82nd Airborne Division"
    if head_tok.lower in lex.determiners:
        return None
    head = _canon(head_tok, lex)
    nm = NumberMention(
        "quantity",
        o_start,
        head_tok.end,
        float(value),
        head,
        None,
        Bounds(float(value), float(value), float(value), False),
    )
    nm.ordinal = True
    nm.head = f"{head} number"
    nm.slot_tokens = [head_tok]
    return nm


# A verb or noun of weight before "N pounds": a mass, not sterling (English).
_WEIGH = re.compile(r"(?<!\w)(?:weigh(?:s|ed|ing)?|weight\s+of|tipped\s+the\s+scales\s+at)\b", re.I)
# A person's height right before ("6-foot-1, 180 pounds", "6 feet 2 inches tall and 200
# pounds"): the pounds are the person's weight.
_HEIGHT_BEFORE = re.compile(
    r"\b\d{1,2}(?:-|\s+)?(?:foot|feet|ft\.?|['’])(?:[-\s]*\d{1,2}(?:\s*(?:inch(?:es)?|in\.?|[\"”]))?)?"
    r"(?:\s+tall)?\s*(?:,|and|,\s*and)\s*$",
    re.I,
)
# A sum's noun after "N-pound" ("a 10-pound note", "a 500-pound fine"): sterling.
_SUM_AFTER = re.compile(
    r"\s+(?:note|coin|fine|fee|bill|deal|bonus|payment|contract|loan|grant|budget|prize|price"
    r"|salary|wage|ticket|investment|project|scheme|transfer|bid|offer|cheque|check|donation"
    r"|reward|penalty|charge|levy|tax|cost|bet|stake|fund|sum|debt|payout|package)s?\b",
    re.I,
)


def _pound_adjective(text: str, num_end: int, word_end: int) -> bool:
    """ "N-pound" written as one adjective before a noun that is no sum ("the 260-pound
    forward", "a 5-pound bag"): a weight. A sum is written with its sign ("a £500 fine") or
    names what it pays ("a 10-pound note")."""
    return (
        text[num_end : num_end + 1] in ("-", "\u2010", "\u2011")
        and text[word_end : word_end + 1] in (" ", ",")
        and text[word_end - 1 : word_end].lower() == "d"  # "pound", not "pounds"
        and not _SUM_AFTER.match(text, word_end)
    )


# Between a change and the level it ends at: "fell $1.20 to $8.10", "increased by $31.8bn to
# $287.4bn", "rose $2 to close at $40".
_TO_LEVEL = re.compile(r",?\s+to\s+(?:(?:close|end|finish|settle)\s+at\s+)?$", re.IGNORECASE)
# Verbs of a price or level moving (English).
_MOVES = (
    "rose|fell|gained|lost|dropped|climbed|jumped|slipped|added|shed|plunged|soared|declined"
    "|increased|decreased"
)
_CHANGE_BEFORE = re.compile(rf"(?<!\w)(?:by|{_MOVES}|up|down)\s+$", re.IGNORECASE)


_FROM_BEFORE = re.compile(r"(?<!\w)from\s+$", re.IGNORECASE)
_UP_FROM = re.compile(
    r",?\s+(?:up|down|rising|falling|increasing|decreasing)\s+from\s+(?:about\s+|some\s+)?",
    re.IGNORECASE,
)


def _changes_before_levels(text: str, start: int, out: list[NumberMention]) -> None:
    """A sum of change right before the level it ends at, with the same head (English): the
    change is keyed apart ("share change" against the level's "share"), and so is the old level
    of "from X to Y" read as two levels ("former salary"): two facts each."""
    for a, b in itertools.pairwise(out):
        if (
            a.kind == b.kind
            and a.kind in ("money", "percentage")
            and a.head
            and (b.head in (None, "event") or b.head == a.head)
            and not a.ordinal
            and _UP_FROM.fullmatch(text, a.end, b.start)
        ):
            # "62.3 per cent, up from 58 per cent": the earlier level of the same thing
            b.head = f"former {a.head}"
            b.verb = a.verb
            continue
        if not (a.kind == b.kind and a.head and a.head == b.head):
            continue
        if not _TO_LEVEL.fullmatch(text, a.end, b.start):
            continue
        if a.kind == "money" and _CHANGE_BEFORE.search(text, max(start, a.start - 12), a.start):
            a.head = f"{a.head} change"
        elif a.kind in ("money", "percentage") and _FROM_BEFORE.search(
            text, max(start, a.start - 8), a.start
        ):
            a.head = f"former {a.head}"  # "cut from $3.8 million to $150,000": the old level


# The inches after a height in feet: "a 6-foot-5 boxer", "6 feet 5 inches", "6ft 5in".
_INCHES_AFTER = re.compile(
    r"(?:-(?P<g>\d{1,2})(?:-inch(?:es)?\b|(?![\w-]|[.,]\d))"
    r"|\s+(?P<s>\d{1,2})\s?(?:inches|inch|in(?![\w'])))"
)


def _feet_and_inches(text: str, end: int, out: list[NumberMention]) -> list[NumberMention]:
    """A height in feet takes the inches written after it (English): 6 ft 5 in = 6.4167 ft;
    the inches read on their own are dropped."""
    for nm in list(out):
        b = nm.bounds
        if nm.kind != "quantity" or nm.head != "foot" or b.low != b.high or b.low is None:
            continue
        m = _INCHES_AFTER.match(text, nm.end, end)
        if m is None or not 0 < (inches := int(m.group("g") or m.group("s"))) < 12:
            continue
        value = b.value + inches / 12
        nm.raw_value, nm.bounds, nm.end = value, Bounds(value, value, value, False), m.end()
        out = [o for o in out if o is nm or not (o.start < m.end() and m.start() < o.end)]
    return out


# A headline count glued by a hyphen to the words before it, as pasted pages run a kicker into
# the headline: "BREAKING NEWS-3 DEAD", "Update-2 Dead, 3 Hurt", "News-Three People Shot".
_GLUED_HEADLINE = re.compile(
    r"(?<=[A-Za-z])-(?=(?:\d{1,3}|[A-Z][a-z]{2,5}|[A-Z]{3,5})\s+(?:(?:PEOPLE|People)\s+)?"
    r"(?:[A-Z][a-z]+|[A-Z]+)\b)"
)


def _glued_headline(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    taken: list[tuple[int, int]],
    found: list[NumberMention],
) -> list[NumberMention]:
    """Counts of people in a headline glued to its kicker by a hyphen (English), read as if
    the hyphen ended the kicker; only counts with an event ("3 DEAD", "Three People Shot")."""
    out: list[NumberMention] = []
    if "-" not in text[start:end]:
        return out
    for g in _GLUED_HEADLINE.finditer(text, start, end):
        spaced = text[: g.start()] + ";" + text[g.end() :]  # a break, as the kicker ends
        m = pats.number.match(spaced, g.end(), end)
        if m is None or _overlaps(m.start(), m.end(), taken):
            continue
        tokens = tokenize(spaced, start, end)
        one = _read_one(
            spaced, start, end, m, lex, pats, _NumberReader(spaced, lex, pats), tokens, found
        )
        if one is not None and one.kind == "quantity" and one.verb and one.head == "person":
            out.append(one)
    return out


# "at the 2:15 mark", "1:45 into the third round", "at 2:59 of round seven": the time a bout
# or a game had run, minutes and seconds, no clock time.
_CLOCK_MARK = re.compile(
    r"(?<![\w:.])(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?![\w:])"
    r"(?=\s+mark\b|\s+(?:into|of)\s+(?:the\s+)?(?:(?:\w+\s+)?(?:round|period|quarter|half|"
    r"inning|set|game|fight|bout|match|race|overtime)\b|round\s+\w+))",
    re.IGNORECASE,
)


def _clock_marks(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[NumberMention]:
    """Elapsed time in a round or a game ("at the 2:15 mark" -> 135 s): the digits are masked
    as a clock time by the caller (`neutral_masks`); that mask alone does not stop them
    (`claims.times` reads no clock time there)."""
    out: list[NumberMention] = []
    if ":" not in text[start:end]:
        return out
    for m in _CLOCK_MARK.finditer(text, start, end):
        if any(
            s < m.end() and m.start() < e and not (s == m.start() and e == m.end())
            for s, e in taken
        ):
            continue
        secs = int(m.group("m")) * 60 + int(m.group("s"))
        nm = NumberMention(
            "duration",
            m.start(),
            m.end(),
            float(secs),
            "second",
            "s",
            Bounds(float(secs), float(secs), float(secs), False),
        )
        out.append(nm)
    return out


# "a mother of 13", "a father-of-two", "the mother of three young children" (the last one is a
# count of its own noun): the children the parent has.
_PARENT_OF = re.compile(
    r"(?<![\w-])(?:(?:grand)?(?:mother|father|parent)s?|mum|mom|dad)[-\s]+of[-\s]+(?=\w)",
    re.IGNORECASE,
)


_PARENT_WORDS = ("mother", "father", "parent", "mum", "mom", "dad")


def _parents_of(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """'a mother of 13', 'the father-of-two' -> a count of children (nothing after it)."""
    out: list[NumberMention] = []
    low = text[start:end].lower()
    if pats.number_free is None or not any(w in low for w in _PARENT_WORDS):
        return out
    for p in _PARENT_OF.finditer(text, start, end):
        m = pats.number_free.match(text, p.end(), end)
        if m is None or _overlaps(m.start(), m.end(), taken):
            continue
        value = _NumberReader(text, lex, pats).value_of(m)
        if value is None or value != int(value) or not 1 <= value <= 40:
            continue
        nxt = tokens_after(tokens, m.end(), 1)
        if (
            nxt
            and nxt[0].is_word
            and nxt[0].lower not in lex.stopwords
            and not (lex.event_verbs.get(nxt[0].lower) or nxt[0].lower in lex.auxiliaries)
            # "Harbour Mother of 9 Lina Oster": a name after the count is no noun of it
            and not (
                nxt[0].is_capitalised
                and nxt[0].lower not in _IRREGULAR_PLURALS
                and not nxt[0].lower.endswith("s")
            )
        ):
            continue  # "a mother of three children": the count reads its own noun
        nm = NumberMention(
            "quantity", m.start(), m.end(), value, None, None, Bounds(value, value, value, False)
        )
        nm.head = "child"
        nm.slot_tokens = [t for t in tokens if p.start() <= t.start < p.end()][:1]
        out.append(nm)
    return out


def _plural_noun_at(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """A counted (plural) noun right after `pos`: "2m people", "12.3m tonnes"."""
    nxt = next((t for t in tokens if t.start >= pos), None)
    return (
        nxt is not None
        and nxt.is_word
        and nxt.lower not in lex.stopwords
        and (nxt.lower in lex.noun_heads or lex.lemmatize(nxt.text) != nxt.lower)
    )


def _glued_unit(
    text: str,
    s_start: int,
    s_end: int,
    n_start: int,
    n_end: int,
    value: float,
    unit: str,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
) -> NumberMention | None:
    """'200ft', '48km', '600m down a gully' -> a count of feet/kilometres/metres. A glued 'M'
    is left unread (the glued 'm' of millions before a counted noun is read as a scale)."""
    if unit == "m" and (text[n_end - 1 : n_end] == "M" or _plural_noun_at(tokens, n_end, lex)):
        return None
    nm = _finish(text, s_start, s_end, n_start, n_end, value, "quantity", None, lex, pats, tokens)
    head = lex.glued_units.get(unit)  # None: a non-ASCII letter matched case-insensitively
    if head is None:
        return None
    nm.head = head
    return nm


def _negated(nm: NumberMention) -> NumberMention:
    """'minus-130 degrees' -> -130 (bounds flipped)."""
    b = nm.bounds
    nm.bounds = Bounds(
        -b.value,
        None if b.high is None else -b.high,
        None if b.low is None else -b.low,
        b.approximate,
    )
    raw = nm.raw_value
    nm.raw_value = (-raw[1], -raw[0]) if isinstance(raw, tuple) else -raw
    return nm


def _vague_counts(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """'dozens of people', 'tens of thousands of dollars', 'Hunderte Menschen'.

    Bounds: at least two of the unit, fewer than ten ("dozens" = 24..119, "tens of thousands" =
    20000..99999), approximate; the value is the low bound. `raw_value` is the order-of-magnitude
    range as NewsQuant writes it ("dozens" = (12, 120)).
    """
    out: list[NumberMention] = []
    if pats.vague_any is None or not pats.vague_any.search(text, start, end):
        return out  # one scan for the usual sentence without any
    spans = list(taken)
    for pat, unit in pats.vague:
        for m in pat.finditer(text, start, end):
            if _overlaps(m.start(), m.end(), spans):
                continue
            if pats.number_tail is not None and pats.number_tail.search(
                text, max(start, m.start() - 30), m.start()
            ):
                continue  # "2 Millionen", "two millions": a scale, not a vague count
            low, high = 2 * unit, 10 * unit - 1
            nm = NumberMention(
                "quantity",
                m.start(),
                m.end(),
                (unit, 10 * unit),
                None,
                None,
                Bounds(low, low, high, True),
            )
            found = _vague_head(text, end, nm, lex, pats, tokens, low)
            if found is not None:
                out.append(found)
                spans.append((found.start, found.end))
    return out


def _vague_head(
    text: str,
    end: int,
    nm: NumberMention,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    low: float,
) -> NumberMention | None:
    """A vague amount ("tens of thousands", "several hundred") with what it counts: a
    currency word after it makes it money ("a few million euros"), else the counted noun."""
    cw = pats.cur_word.match(text, nm.end, end) if pats.cur_word else None
    if cw:
        nm.kind = "money"
        nm.unit = nm.raw_unit = lex.currency_words[cw.group("cw").lower()]
        nm.end = cw.end()
        return _money_head(text, end, nm, lex, tokens)
    return _count_head(nm, nm.end, lex, tokens, low)


# "several thousand people", "a few hundred protesters", "a couple of million dollars": a
# vague amount of the scale, an interval (it was read as exactly 1,000 / 100).
_FEW_SCALE = re.compile(
    r"(?<![\w-])(?P<q>several|a\s+few|few|a\s+couple(?:\s+of)?|some\s+few)\s+"
    r"(?P<sc>hundred|thousand|million|billion)(?![\w-])",
    re.IGNORECASE,
)
_FEW_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def _few_scaled(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    out: list[NumberMention] = []
    seg = text[start:end]
    if "undred" not in seg and "housand" not in seg and "illion" not in seg:
        return out
    for m in _FEW_SCALE.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), taken):
            continue
        unit = _FEW_SCALES[m.group("sc").lower()]
        couple = "couple" in m.group("q").lower()
        low, high = 2 * unit, (3 if couple else 10) * unit - 1
        nm = NumberMention(
            "quantity", m.start(), m.end(), (low, high), None, None, Bounds(low, low, high, True)
        )
        found = _vague_head(text, end, nm, lex, pats, tokens, low)
        if found is not None:
            out.append(found)
    return out


def _zero_counts(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """Zero as a value: 'no one was hurt', 'no injuries were reported', 'keine Verletzten',
    'niemand wurde verletzt' -> a count of 0 with the key a number would get ('person injured'),
    so that it can conflict with 'nine people were injured'. Only event counts: 'no reason'
    and 'nobody knows' are not claims.
    """
    out: list[NumberMention] = []
    spans = list(taken)
    events = set(lex.event_verbs.values())

    def zero(s: int, e: int, head: str, verb: str | None, slot: list[Token]) -> None:
        if _overlaps(s, e, spans):
            return
        nm = NumberMention("quantity", s, e, 0.0, None, None, Bounds(0.0, 0.0, 0.0, False))
        nm.head, nm.verb, nm.slot_tokens = head, verb, slot
        out.append(nm)
        spans.append((s, e))

    def fillers(k: int, step: int) -> int:
        n = 0
        while 0 <= k < len(tokens) and n < 6:
            low = tokens[k].lower
            if not (low in lex.auxiliaries or low in lex.zero_fillers or low.endswith("ly")):
                break
            k += step
            n += 1
        return k

    if pats.zero_subject is not None:
        for m in pats.zero_subject.finditer(text, start, end):
            after = next((k for k, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
            k = fillers(after, 1)
            if k < len(tokens) and tokens[k].lower in lex.event_verbs:
                verb = tokens[k]
                zero(m.start(), verb.end, "person", lex.event_verbs[verb.lower], [verb])
                continue
            # "None of the 40 passengers were injured": zero of the counted noun.
            j = after
            if j < len(tokens) and tokens[j].lower in lex.partitive_words:
                j += 1
                while j < len(tokens) and tokens[j].lower in lex.determiners:
                    j += 1
                if j < len(tokens) and pats.number.fullmatch(tokens[j].text):
                    j += 1
                if j < len(tokens):
                    nm = NumberMention(
                        "quantity", m.start(), m.end(), 0.0, None, None, Bounds(0, 0, 0, False)
                    )
                    got = _count_head(nm, tokens[j].start, lex, tokens, 0.0)
                    if got is not None and got.verb in events and got.head not in (None, "event"):
                        zero(got.start, got.end, got.head or "", got.verb, got.slot_tokens)
                        continue
            # Verb first: "Verletzt wurde niemand".
            before = next((k for k, t in enumerate(tokens) if t.start >= m.start()), 0) - 1
            k = fillers(before, -1)
            if 0 <= k < before and tokens[k].lower in lex.event_verbs:
                verb = tokens[k]
                zero(verb.start, m.end(), "person", lex.event_verbs[verb.lower], [verb])
    dets = set(lex.zero_determiners)
    for k, t in enumerate(tokens[:-1]):
        if t.lower not in dets:
            continue
        j = k + 1
        if lex.nouns_capitalised and not tokens[j].is_capitalised and j + 1 < len(tokens):
            j += 1  # an adjective: "keine schweren Verletzungen"
        noun = tokens[j]
        if not noun.is_word:
            continue
        low = noun.lower
        if (
            low in lex.zero_reports
            and j + 2 < len(tokens)
            and tokens[j + 1].lower == "of"
            and tokens[j + 2].lower in lex.nominal_events
        ):
            noun, low = tokens[j + 2], tokens[j + 2].lower  # "no reports of injuries"
        mapped = lex.noun_heads.get(low, "")
        if low in lex.nominal_events:  # "no injuries", "no deaths"
            zero(t.start, noun.end, "person", lex.nominal_events[low], [noun])
        elif " " in mapped:  # "keine Verletzten" -> "person injured"
            head_word, event = mapped.split(" ", 1)
            zero(t.start, noun.end, head_word, event, [noun])
        else:  # "no homes were destroyed"
            nm = NumberMention(
                "quantity", t.start, t.end, 0.0, None, None, Bounds(0.0, 0.0, 0.0, False)
            )
            got = _count_head(nm, t.end, lex, tokens, 0.0)
            if (
                got is not None
                and (got.verb in events or _no_family(tokens, k, lex))
                and got.head not in (None, "event")
                and not _overlaps(got.start, got.end, spans)
            ):
                out.append(got)
                spans.append((got.start, got.end))
    return out


#: Relatives whose number is a checkable fact of a life: "had no children" against "survived
#: by three children" (English; a zero of anything else needs an event: "no reason" is none)
_FAMILY = frozenset(
    {"children", "kids", "sons", "daughters", "siblings", "brothers", "sisters", "grandchildren"}
)


def _no_family(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """'had no children', 'has no siblings': tokens[k] is the "no" after a form of "have", and
    the relatives end the clause ("The couple had no children." / "had no children, and ...";
    not "had no children together", which is one couple's, nor "no children aboard")."""
    return (
        lex.code == "en"
        and k > 0
        and k + 1 < len(tokens)
        and tokens[k - 1].lower in ("had", "has", "have", "having")
        and tokens[k + 1].lower in _FAMILY
        and (k + 2 == len(tokens) or tokens[k + 2].text in (".", ",", ";", ")"))
    )


# Plural nouns without an -s that a headline capitalises before its verb ("Three People Shot").
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police"})
# The fraction of a mixed number after its whole part: "2 1/2", "3-1/2", "2½", "2 ½"; text
# extracted from HTML may space the slash ("3-1 / 2 months").
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_MIXED = re.compile(
    r"(?:[ \u00a0-](?P<n>[1-9])(?:/| / )(?P<dn>[2-9]|1[0-6])|[ \u00a0]?(?P<v>[½¼¾⅓⅔⅛]))"
    r"(?![\d/])"
)
# A race named by its distance ("the 400m hurdles", "200 metres freestyle", "the 4x100m
# relay"): the event's name, not a distance anybody covered.
_RACE_EVENT = re.compile(
    r"[\d,.]+\s?(?:m|metres?|meters?|-metres?|-meters?)\s+(?:individual\s+)?"
    r"(?:hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|steeplechase|"
    r"sprint|dash|final|heats?|semi-?finals?)(?![\w-])",
    re.IGNORECASE,
)


_SPREAD_OVER = re.compile(r"(?:over|across)\s+", re.IGNORECASE)


def _spread_over(text: str, s_start: int, nm: NumberMention, found: list[NumberMention]) -> None:
    """'$96 million over six years': right after a sum or a count, "over" spreads it across
    the period (a contract's length), it is no "more than"; the duration is exact."""
    if nm.kind != "duration" or not (om := _SPREAD_OVER.match(text, nm.start)):
        return
    gap = text[s_start : nm.start]
    prev_end = s_start + len(gap.rstrip())
    if prev_end == nm.start or not any(
        o.kind in ("money", "quantity") and o.end == prev_end for o in found
    ):
        return
    nm.start = om.end()
    v = nm.bounds.value
    nm.bounds = Bounds(v, v, v, False)


# A modal, "to" or a subject pronoun right before "one day": the day is some day to come.
_SOMEDAY = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|to|he|she|they|we|i|you)\s+$",
    re.IGNORECASE,
)


def _not_a_duration(
    text: str, s_start: int, nm: NumberMention, found: list[NumberMention], pats: _Patterns
) -> bool:
    """Durations that are really time frames or rates (see `Lexicon.timeframe_preps`).

    Time frame: "the most difficult blaze we have fought in a decade", "for the first time in
    20 years" — a duration after a time-frame preposition in a clause with a superlative,
    "first" or a negation. Rate: a phrase duration glued to a count or a sum ("18,000
    passengers a day", "€1 a week", "3% a year"): per period, nothing lasted a day.
    """
    if nm.kind != "duration":
        return False
    if _SOMEDAY.search(text, max(s_start, nm.start - 12), nm.start) and re.fullmatch(
        r"(?i:one)\s+(?i:day)", text[nm.start : nm.end]
    ):
        return True  # "she could one day lead the party", "to one day return": some day
    if pats.timeframe_prep is not None and pats.timeframe_marker is not None:
        pm = pats.timeframe_prep.search(text, max(s_start, nm.start - 20), nm.start)
        if pm and pats.timeframe_marker.search(text, s_start, pm.start()):
            return True
    gap = text[s_start : nm.start]
    cut = len(gap) - 1 if gap.endswith("-") else -1
    if cut < 0 and (om := _MATERIAL_BEFORE.search(gap)) is not None:
        cut = om.start()
    # "a £30,000-a-year job", "3 million tonnes of coal a year": the rate's period
    if (
        nm.raw_value == 1.0
        and cut >= 0
        and any(
            o is not nm
            and o.kind in ("quantity", "money", "percentage")
            and o.end in (s_start + cut, nm.end)
            for o in found
        )
    ):
        return True
    stripped = gap.rstrip()
    if len(stripped) < len(gap):
        prev_end = s_start + len(stripped)
        if any(
            o is not nm and o.kind in ("quantity", "money", "percentage") and o.end == prev_end
            for o in found
        ):
            return True
        if nm.raw_value == 1.0 and any(
            o is not nm and o.kind == "duration" and o.end == prev_end for o in found
        ):
            return True  # "35 to 45 hours a week": a duration per period, no week lasted
        if stripped[-1:].isdigit() and isinstance(nm.raw_value, float) and nm.raw_value == 1.0:
            return True
    return False


_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "quarter": 4,
    **{w: n for w, n in ORDINALS.items() if 3 <= n <= 10},  # "a third", "two-fifths"
}
_DEN_RE = "|".join(sorted({*_DENOMINATORS, *(d + "s" for d in _DENOMINATORS if d != "half")}))
_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty"
# A share written as a fraction (English): "a third of those screened", "two-thirds of the
# sales", "half the flats", "one out of three adults", "one in five voters".
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    rf"(?P<d>{_DEN_RE})(?=\s+of\s)"
    r"|(?P<half>half)(?=\s+(?:of\s+)?(?:the|its|their|his|her|our|all|which|them|those)\b)"
    rf"|(?P<a>{_SMALL})\s+(?:out\s+of|in)\s+(?:every\s+)?(?P<b>{_SMALL})(?=\s+[^\W\d]))"
    r"(?![\w-])"
)  # matched on lower-cased text


def _fractions(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    taken: list[tuple[int, int]],
) -> list[NumberMention]:
    """Shares written as fractions, as percentages (raw value the fraction: 1/3)."""
    out: list[NumberMention] = []
    # Lower-cased once, matched case-sensitively: cheaper than re.IGNORECASE in every sentence.
    low = text[start:end].lower()
    shift = start
    if len(low) != end - start:  # a letter whose lower case is longer ("İ")
        low, shift = text, 0
    for m in _FRACTION.finditer(low, start - shift, end - shift):
        if _overlaps((m.start() + shift), (m.end() + shift), taken):
            continue
        if m.group("half"):
            share = 0.5
        elif m.group("d"):
            n_word = m.group("n").lower()
            num = 1.0 if n_word in ("a", "an") else lex.parse_number_words(n_word)
            den_word = m.group("d").lower()
            den = _DENOMINATORS.get(den_word) or _DENOMINATORS.get(den_word[:-1])
            if num is None or not den or num >= den:
                continue
            share = num / den
        else:
            a, b = (_small_value(m.group(g), lex) for g in ("a", "b"))
            if a is None or b is None or not 0 < a < b:
                continue
            share = a / b
        left = tokens_before(tokens, (m.start() + shift))
        if m.group("half") and left and left[-1].lower in _NOT_A_SHARE:
            continue  # "the second half of the game"
        nm = _finish(
            text,
            start,
            end,
            (m.start() + shift),
            (m.end() + shift),
            share,
            "percentage",
            "%",
            lex,
            pats,
            tokens,
        )
        nm.bounds = _scaled(nm.bounds, 100.0)
        nm.unit = "%"
        # The group it is a share of: "of the 4.3M sales" -> sale; else as for any percentage.
        after = [
            t
            for t in tokens_after(tokens, (m.end() + shift), 6)
            if t.is_word or t.text[:1].isdigit()
        ]
        while after and (
            after[0].lower in ("of", "those", "these", "all")
            or after[0].lower in lex.determiners
            or after[0].lower in _scales(lex)
            or after[0].text[:1].isdigit()
        ):
            after.pop(0)
        if after and not _no_head(after[0], lex) and after[0].start - (m.end() + shift) < 24:
            _run, group, _verb = _head_run(tokens, after[0].start, lex, 2.0)
            group = group or after[0]  # "half of the entrance roof" -> roof
            nm.head = _canon(group, lex)
            nm.slot_tokens = [group]
            out.append(nm)
        elif _percent_head(text, end, nm, lex, tokens).head != "event":
            out.append(nm)  # a share of nothing named ("half of them") is left out
    return out


# Words before "half" that make it a part of something in time or space, not a share.
_NOT_A_SHARE = frozenset(
    ["the", "first", "second", "other", "this", "that", "latter", "former", "each", "a", "one"]
)


def _small_value(word: str, lex: Lexicon) -> float | None:
    return float(word) if word.isdigit() else lex.parse_number_words(word.lower())


def _is_rate(text: str, sent_start: int, pos: int, lex: Lexicon) -> bool:
    left = text[max(sent_start, pos - 12) : pos].lower().split()
    return bool(left) and left[-1] in lex.rate_words


def _scaled(b: Bounds, factor: float) -> Bounds:
    return Bounds(
        b.value * factor,
        None if b.low is None else b.low * factor,
        None if b.high is None else b.high * factor,
        b.approximate,
    )


def _finish(
    text: str,
    s_start: int,
    s_end: int,
    n_start: int,
    n_end: int,
    value: float,
    kind: str,
    raw_unit: str | None,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    range_pair: tuple[float, float] | None = None,
    forced_hedge: str | None = None,
) -> NumberMention:
    """Attach hedges on both sides and compute bounds in the raw unit."""
    span_start, span_end = n_start, n_end
    hedge: str | None = forced_hedge
    if pats.hedge_left is not None:
        hm = pats.hedge_left.search(text, max(s_start, n_start - 30), n_start)
        if hm:
            hedge = lex.hedges[hm.group("h").lower()]
            span_start = hm.start("h")
    if pats.post_hedge is not None:
        pm = pats.post_hedge.match(text, span_end, s_end)
        if pm:
            hedge = hedge or lex.post_hedges[pm.group("h").lower()]
            span_end = pm.end()
    if range_pair is not None:
        bounds = range_bounds(*range_pair)
    else:
        bounds = apply_hedge(value, hedge, kind)
    return NumberMention(
        kind=kind,
        start=span_start,
        end=span_end,
        raw_value=range_pair if range_pair else value,
        raw_unit=raw_unit,
        unit=None,
        bounds=bounds,
    )


#: A lower-case word right after a number, in a language without a lexicon: what is counted.
_NEUTRAL_NOUN = re.compile(r"[ \u00a0]([^\W\d_]{3,})(?!\w)")


#: Stems of the words for per cent and for millions/billions in the languages of Europe and
#: beyond ("percento", "procent", "pourcent", "porcentaje"; "milioni", "miljoen", "miliardi",
#: "miljard", "billones"): the neutral path must not read "12 miljoen" as a count of 12.
_NEUTRAL_PERCENT_WORD = re.compile(r"(?:per\s?cent|procent|prozent|pour\s?cent|porcent)\w*", re.I)
_NEUTRAL_CURRENCY = re.compile(r"(d[oó]llar)|(euro)|(sterlin|pound)|(yen\b)", re.I)
_NEUTRAL_SCALE = re.compile(
    r"(?:mil(?:l|j)?i?oe?n|miliard|miljard|milliard|bil(?:l|j)?i?on|tril)", re.I
)


def _finish_age(
    text: str,
    s_start: int,
    s_end: int,
    n_start: int,
    n_end: int,
    value: float,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    range_pair: tuple[float, float] | None,
) -> NumberMention:
    """`_finish` for an age in years ("a 33-year-old", "Roth, 33,", "aged 30 to 49")."""
    nm = _finish(
        text,
        s_start,
        s_end,
        n_start,
        n_end,
        value,
        "quantity",
        "year of age",
        lex,
        pats,
        tokens,
        range_pair,
    )
    nm.head = "age"
    return nm


@lru_cache(maxsize=1)
def _known_duration_words() -> frozenset[str]:
    """Every lexicon's words for units of time ("heures", "Stunden", "horas"): a number before
    one is a duration, which the neutral path cannot read, never a count."""
    from corroborator.claims.lang import words_of_every_language

    return words_of_every_language("duration_units")


# Scale words of many languages after a number: millions ("million", "milioni", "miljoen",
# "millones", "milhões", "миллиона", "mln", "млн") and billions ("billion" in English only,
# "miliardi", "miljard", "milliards", "bilhões", "млрд"). "billón", "Billion", "bilion" (10^12
# in Spanish, German and Polish) are left out, as are "tr..." words: the language is unknown.
_NEUTRAL_SCALE_WORD = re.compile(
    r"\s+(?:(?P<mn>mil(?:l|j|h)?i?(?:oe?n|õ|ón)\w*|mln\.?|млн\.?|миллион\w*)"
    r"|(?P<bn>billions?|mil(?:l|j)?iard\w*|bilh\w*|bln\.?|mld\.?|млрд\.?|миллиард\w*))(?!\w)",
    re.IGNORECASE,
)
_NEUTRAL_OF = re.compile(r"(?:\s+(?:di|de|van|of|d['’]))?(?=\s)|\s*d['’]", re.IGNORECASE)


def _neutral_read(
    text: str,
    s_end: int,
    m: re.Match[str],
    value: float,
    currency: str | None,
    num_start: int,
    pats: _Patterns,
) -> NumberMention | None:
    """One number in a language without a lexicon: a percentage, a sum (currency sign before
    or after it, or a currency word), or a count of the lower-case word after it; a glued or
    written scale multiplies ("$2.8bn", "4,5 milioni di euro", "12 miljoen inwoners")."""
    pos = m.end()
    att = (m.group("att") or "").lower()
    if att:
        if currency is None:
            return None  # "5k", "600m": a race or metres, without a language to tell
        value *= {"bn": 1e9, "k": 1e3}.get(att, 1e6)
    scaled = bool(att)
    if not att and (sw := _NEUTRAL_SCALE_WORD.match(text, pos, s_end)) is not None:
        value *= 1e6 if sw.group("mn") else 1e9
        pos, scaled = sw.end(), True
    if (
        currency is None
        and not scaled
        and 0 < value < 10.5
        and _MAGNITUDE_BEFORE.search(text, max(0, num_start - 24), num_start)
    ):
        # "di magnitudo 5,9", "met een kracht van 6,1": a quake's magnitude in any language
        b = apply_hedge(value, None, "quantity")
        return NumberMention("quantity", num_start, pos, value, None, None, b, head="magnitude")
    comma = re.fullmatch(_COMMA_DECIMAL, m.group("d")) is not None
    if comma and not scaled and currency is None and not _SUFFIX_SYM.match(text, pos, s_end):
        # "5,2": a decimal comma only before a scale or a currency ("4,5 milioni", "12,5 €");
        # elsewhere it may be a list ("1,2 and 3"), and the path stays as it was.
        return None
    pm = pats.percent.match(text, pos, s_end)
    if pm and not scaled:
        b = apply_hedge(value, None, "percentage")
        return NumberMention("percentage", m.start(), pm.end(), value, "%", "%", b)
    um = _UNIT_AFTER.match(text, pos, s_end) if not scaled and currency is None else None
    if um is not None and (um.group("glued") or um.group("sym") not in (None, "ha", "mi")):
        # A unit symbol is language-neutral ("256GB", "48 km", "30 °C"); unit names are not,
        # nor are spaced symbols that are words elsewhere ("il 12 ha detto", "12 mi ha").
        measured = _unit_of(text, pos, s_end, None)
        if measured is not None:
            b = apply_hedge(value, None, "quantity")
            name, unit_end = measured
            return NumberMention("quantity", num_start, unit_end, value, name, None, b, head=name)
    if currency is None and (sym := _SUFFIX_SYM.match(text, pos, s_end)) is not None:
        currency, pos = CURRENCY_SYMBOLS[sym.group("cur")], sym.end()  # "12 €", "40 zł"
    if currency is None and scaled:
        of = _NEUTRAL_OF.match(text, pos, s_end)
        wm = _NEUTRAL_NOUN.match(text, of.end() if of else pos, s_end)
        if wm is not None and (cm := _NEUTRAL_CURRENCY.match(wm.group(1))):
            currency = _neutral_currency_code(cm)  # "4,5 milioni di euro"
            pos = wm.end(1)
        elif wm is not None and wm.group(1).islower() and not _NEUTRAL_SCALE.match(wm.group(1)):
            b = apply_hedge(value, None, "quantity")  # "12 miljoen inwoners"
            word = wm.group(1)
            return NumberMention("quantity", num_start, wm.end(1), value, word, None, b, head=word)
        else:
            return None  # a scaled amount of nothing named
    if currency:
        b = apply_hedge(value, None, "money")
        return NumberMention("money", num_start, pos, value, currency, currency, b)
    return _neutral_count(text, num_start, pos, s_end, value, m)


def _neutral_currency_code(cm: re.Match[str]) -> str:
    return next(c for c, g in zip(("USD", "EUR", "GBP", "JPY"), cm.groups(), strict=True) if g)


def _neutral_count(
    text: str, start: int, pos: int, s_end: int, value: float, m: re.Match[str]
) -> NumberMention | None:
    """A count in a language without a lexicon: a digit number and the lower-case word after
    it ("12 persone", "300 bewoners"), never a year-like integer ("nel 2019 persone" is no
    count of 2019). The counted word is the head as written; alignment matches it across
    languages by the slot phrase's embedding."""
    wm = _NEUTRAL_NOUN.match(text, pos, s_end)
    if wm is None or not wm.group(1).islower():
        return None
    word = wm.group(1)
    if pm := _NEUTRAL_PERCENT_WORD.match(text, wm.start(1), s_end):  # "12 percento", "12 per cento"
        b = apply_hedge(value, None, "percentage")
        return NumberMention("percentage", start, pm.end(), value, "%", "%", b)
    if cm := _NEUTRAL_CURRENCY.match(word):  # "40 dollari", "40 euro"
        code = _neutral_currency_code(cm)
        b = apply_hedge(value, None, "money")
        return NumberMention("money", start, wm.end(1), value, code, code, b)
    if _NEUTRAL_SCALE.match(word) or word in _known_duration_words():
        return None  # "4,5 milioni": a scaled amount; "30 heures": a duration, not a count
    digits = m.group("d") or ""
    if value.is_integer() and 1000 <= value <= 2100 and digits.isdigit():
        return None
    b = apply_hedge(value, None, "quantity")
    return NumberMention("quantity", start, wm.end(1), value, word, None, b, head=word)


def _read_one(
    text: str,
    s_start: int,
    s_end: int,
    m: re.Match[str],
    lex: Lexicon | None,
    pats: _Patterns,
    reader: _NumberReader,
    tokens: list[Token],
    found: list[NumberMention] | None = None,
) -> NumberMention | None:
    """The mention of the number `m` matched, or None when it states no quantity; `found` are
    the sentence's mentions so far: a bare number after a connective takes the unit of the one
    before it ("68,400 people ... and 95,800 who")."""
    value = reader.value_of(m)
    if value is None:
        return None
    pos = m.end()
    left = text[max(s_start, m.start() - 8) : m.start()]
    cur_m = _PREFIX_CUR.search(text, max(s_start, m.start() - 5), m.start())
    if (
        cur_m is not None
        and cur_m.group("cur") == "euro"
        and cur_m.end("cur") < m.start()
        and not (m.group("att") or (pats.scale and pats.scale.match(text, m.end(), s_end)))
    ):
        cur_m = None  # "the euro 2 cents higher": spaced, the word prices only a scaled sum
    currency = CURRENCY_SYMBOLS[cur_m.group("cur")] if cur_m else None
    num_start = cur_m.start("cur") if cur_m else m.start()
    if (
        cur_m is not None
        and cur_m.group("cur") == _FOLDED_POUND
        and not (m.group("att") or re.search(r"\d[.,]\d", m.group("d") or ""))
    ):
        return None  # "PS5": a name, not pounds
    if currency == "USD" and cur_m is not None and cur_m.group("cur") == "$":
        sd = _SPACED_DOLLAR.search(text, max(s_start, num_start - 4), num_start)
        if sd is not None:
            currency = CURRENCY_SYMBOLS[sd.group("c") + "$"]
            num_start = sd.start("c")
    if (
        lex is not None
        and num_start > s_start + 1
        and text[num_start - 1] in _MINUS
        and text[num_start - 2] in " \t\n([\u00a0"
        and (
            # "COVID -19 tests" is a name; "FTSE -0.6%" is a fall.
            _suffix_end(text, m.end(), s_end, lex, pats) is not None
            or not any(t.end == num_start - 2 and t.is_capitalised for t in tokens)
        )
    ):
        value = -value  # "-1.3%", "fell to -$50.8bn"
        num_start -= 1
    elif lex is not None and lex.signed_prefixes:
        sm = _signed_word(lex).search(text, max(s_start, num_start - 12), num_start)
        if sm is not None and lex.signed_prefixes[sm.group("pre").lower()] < 0:
            value = -value  # "minus 387 degrees"
            num_start = sm.start("pre")
    if lex is None:
        return _neutral_read(text, s_end, m, value, currency, num_start, pats)
    if (
        lex.code == "en"
        and currency is None
        and (m.group("d") or "").startswith(".")
        and _BATTING_LEFT.search(text, max(s_start, num_start - 24), num_start)
    ):
        # "hit .311 with 17 homers", "is batting .312": a batting average.
        nm = _finish(
            text, s_start, s_end, num_start, m.end(), value, "quantity", None, lex, pats, tokens
        )
        nm.head = "batting average"
        return nm
    if (
        lex.code == "en"
        and currency is None
        and (m.group("d") or "").startswith(".")
        and _WIN_SHARE.match(text, num_start, s_end)
    ):
        nm = NumberMention(
            "quantity",
            num_start,
            num_start + 4,
            value,
            None,
            None,
            Bounds(value, value, value, False),
            head="winning percentage",
        )
        return nm
    att = (m.group("att") or "").lower()
    if att:
        if not currency:
            # "30bn euros", "2m euros": the currency follows the glued scale.
            cw = pats.cur_word.match(text, pos, s_end) if pats.cur_word else None
            sym = _SUFFIX_SYM.match(text, pos, s_end)
            if cw:
                currency = lex.currency_words[cw.group("cw").lower()]
                pos = cw.end()
            elif sym:
                currency = CURRENCY_SYMBOLS[sym.group("cur")]
                pos = sym.end()
            elif att == "m" and _plural_noun_at(tokens, pos, lex):
                pass  # "12.3m tonnes", "2m people": millions
            elif att in lex.glued_units:
                att = ""  # "600m down a gully": metres (below)
            elif att in ("m", "k", "b", "mil"):
                return None  # "5k" is a race
        value *= (_scales(lex).get(att) or _GLUED_SCALES.get(att, 1.0)) if att else 1.0
    is_digit = bool(m.group("d"))
    if is_digit and not att and (em := _TIMES_TEN.match(text, pos, s_end)):
        # "1.99×10−30 kilograms", "6.02 x 10^23": scientific notation
        value *= 10.0 ** int(em.group("e").replace("−", "-"))
        pos = em.end()
    scaled = bool(att)
    gu = (m.groupdict().get("gu") or "").lower() or (
        (m.group("att") or "").lower() if m.group("att") and not att else ""
    )
    pence = (
        lex.code == "en"
        and not currency
        and not att
        and is_digit
        and text.startswith("p", pos)
        and not text[pos + 1 : pos + 2].isalnum()
    )
    if pence:
        if m.group("d") in _VIDEO_LINES:
            return None  # "1080p": lines of a video picture
        currency, pos = "GBP", pos + 1  # "shares rose 4.2% to 131p": pence
    if gu and not currency:
        return _glued_unit(text, s_start, s_end, num_start, m.end(), value, gu, lex, pats, tokens)
    while pats.scale is not None and not att:  # "4 hundred million": scales multiply
        sm = pats.scale.match(text, pos, s_end)
        if (
            sm
            and (sm.group("sc").lower() not in _SHORT_SCALES or currency)
            and not (sm.group("sc").lower() in ("thousand", "hundred") and not is_digit)
        ):
            value *= _scales(lex)[sm.group("sc").lower()]
            pos = sm.end()
            scaled = True
        else:
            break
    if pats.half is not None:
        hm = pats.half.match(text, pos, s_end)
        if hm and value == int(value):
            value += 0.5
            pos = hm.end()
    if is_digit and not scaled and value == int(value) and (fm := _MIXED.match(text, pos, s_end)):
        # "2 1/2 years", "3-1/2 hours", "2½ miles": a whole number and a fraction.
        fr = _VULGAR.get(fm.group("v") or "") or int(fm.group("n") or 0) / int(fm.group("dn") or 1)
        if 0 < fr < 1:
            value = value + fr if value >= 0 else value - fr
            pos = fm.end()
    # Ranges: "between 200 and 300", "200 to 300", "200-300".
    range_pair: tuple[float, float] | None = None
    if pats.range_conn is not None:
        # a suspended hyphen before the range word: "an 18- to 22-foot boat", "10- to 15-minute"
        sus = _SUSPENDED_HYPHEN.match(text, pos, s_end) if lex.code == "en" else None
        rc = pats.range_conn.match(text, sus.end() if sus else pos, s_end)
        suffix: str | None = None
        if (
            rc is None
            and pats.range_conn.search(text, pos, min(s_end, pos + 24))
            and (se := _suffix_end(text, pos, s_end, lex, pats)) is not None
        ):
            # The unit written twice: "5% to 10%", "between 15kHz and 17kHz".
            rc = pats.range_conn.match(text, se, s_end)
            suffix = " ".join(text[pos:se].lower().split())
        if rc:
            conn = rc.group().strip().lower()
            opened = pats.between is not None and pats.between.search(
                text, max(s_start, num_start - 12), num_start
            )
            p1 = rc.end()
            if cur_m is not None and text.startswith(cur_m.group("cur"), p1):
                p1 += len(cur_m.group("cur"))  # "$62 and $68", "$650,000 to $1.1 million"
            # The second number follows "-" or "to": no look-behind ("$140-150 million").
            m2 = (pats.number_free or pats.number).match(text, p1, s_end)
            if conn == "to" and lex.code == "en" and _CHANGE_BY.search(left):
                m2 = None  # "increased by $31.8 billion to $287.4 billion": a change, a level

            if (
                m2
                and conn == "to"
                and lex.code == "en"
                and p1 > rc.end()
                and not m2.group("att")
                and not (pats.scale and pats.scale.match(text, m2.end(), s_end))
                and _PRICE_MOVE.search(text, max(s_start, num_start - 16), num_start)
            ):
                m2 = None  # "fell $1.20 to $8.10": the change, then the level ("$2 to $3
                # million" with one scale for both stays a range)
            if m2 and conn in ("-", "–") and m2.group("w") and m2.group("w")[:1].isupper():
                return None  # "the 7-Eleven store": a name
            if m2 and ((conn in ("-", "–", "to", "bis") and (is_digit or conn == "to")) or opened):
                v2 = reader.value_of(m2)
                if v2 is not None and m2.group("att"):
                    a2 = m2.group("att").lower()
                    v2 = (
                        v2 * _scales(lex).get(a2, 1.0) if currency or a2 not in ("m", "k") else None
                    )
                if v2 is not None and conn in ("-", "–") and not opened and v2 <= value:
                    v2 = None  # "38-4": a record or a score, not a range
                if v2 is not None and not is_digit and not opened and v2 <= value:
                    v2 = None  # "one to one": words make a range only upwards ("two to three")
                if v2 is not None and is_digit and _is_year(m.group("d"), value):
                    if not (m2.group("d") and _is_year(m2.group("d"), v2)):
                        if not value < v2 <= 1.5 * value:
                            v2 = None  # "from 2018 to 3.9 million": a year, then a number
                    else:
                        return None  # "between 2014 and 2017": a period, not a quantity
                if v2 is not None and suffix is not None:
                    se2 = _suffix_end(text, m2.end(), s_end, lex, pats)
                    if se2 is None or " ".join(text[m2.end() : se2].lower().split()) != suffix:
                        v2 = None
                if v2 is not None:
                    first = value
                    p2 = m2.end()
                    if pats.scale is not None:
                        sm2 = pats.scale.match(text, p2, s_end)
                        if sm2 and sm2.group("sc").lower() not in _SHORT_SCALES:
                            f = _scales(lex)[sm2.group("sc").lower()]
                            v2 *= f
                            p2 = sm2.end()
                            if value < 1000 and not scaled and v2 / f / 10 <= value <= v2 / f * 10:
                                # "2 to 3 million": the scale applies to both; also downwards
                                # ("de 2,1 à 1,8 milliard"), within a factor of ten
                                value *= f
                    if m2.group("w") and not m.group("att"):
                        last = m2.group("w").lower().split()[-1].split("-")[-1]
                        f = _scales(lex).get(last, 0.0)
                        if f > 1 and value < v2 / f * 1.0001 and value < 1000:
                            value *= f  # "four to five thousand"
                    if opened and _from_to_change(text, s_start, opened, value, v2, lex):
                        value = first  # "cut from $3.8 million to $150,000": two levels
                    elif (
                        not opened and conn == "to" and lex.code == "en" and currency and v2 < value
                    ):
                        # "outraised her $3.1 million to $140,000": two people's sums, no
                        # range; the second is taken with the first (it is not the subject's,
                        # and whose it is is not read)
                        value = first
                        pos = p2
                    else:
                        range_pair = (value, v2)
                        if opened:
                            num_start = opened.start()
                        pos = p2
    # Clock times, street numbers in names ("Flight 370"), years.
    if pats.time_marker is not None and pats.time_marker.match(text, pos, s_end):
        return None
    if re.search(r"(?:\bno\.|#|\bnumber)\s*$", left, re.IGNORECASE):
        return None
    if currency is None:
        for pattern, unit_name, unit in (
            (pats.points, "percentage point", "pp"),
            (pats.percent, "percentage", "%"),
            (_PC if lex.code == "en" else None, "percentage", "%"),
        ):
            pm = pattern.match(text, pos, s_end) if pattern is not None else None
            if pm:
                nm = _finish(
                    text,
                    s_start,
                    s_end,
                    num_start,
                    pm.end(),
                    value,
                    "percentage",
                    unit_name,
                    lex,
                    pats,
                    tokens,
                    range_pair,
                )
                nm.unit = unit
                return _percent_head(text, s_end, nm, lex, tokens)
        cw = pats.cur_word.match(text, pos, s_end) if pats.cur_word else None
        sym = _SUFFIX_SYM.match(text, pos, s_end)
        if (
            cw
            and lex.code == "en"
            and not scaled
            and cw.group("cw").lower() in ("pound", "pounds")
            and (
                _WEIGH.search(text, max(s_start, num_start - 40), num_start)
                or _HEIGHT_BEFORE.search(text, max(s_start, num_start - 40), num_start)
                or _pound_adjective(text, pos, cw.end())
            )
        ):
            # "weighed 245 pounds", "a weight of 90 pounds", "the 260-pound forward": a
            # mass, not sterling
            nm = _finish(
                text,
                s_start,
                s_end,
                num_start,
                cw.end(),
                value,
                "quantity",
                "pound-mass",
                lex,
                pats,
                tokens,
                range_pair,
            )
            nm.head = "pound-mass"
            nm.slot_tokens = [t for t in tokens if cw.start("cw") <= t.start < cw.end()]
            return nm
        if cw:
            currency = lex.currency_words[cw.group("cw").lower()]
            pos = cw.end()
        elif sym:
            currency = CURRENCY_SYMBOLS[sym.group("cur")]
            pos = sym.end()
    if currency is not None:
        currency = _dollar_is_other(text, s_start, s_end, currency) or currency
        nm = _finish(
            text,
            s_start,
            s_end,
            num_start,
            pos,
            value,
            "money",
            currency,
            lex,
            pats,
            tokens,
            range_pair,
        )
        nm.unit = currency
        if pence:
            nm.raw_unit = "p"
            nm.bounds = _scaled(nm.bounds, 0.01)
        if range_pair is None and (level := _level_of(text, s_start, nm, lex, pats, tokens)):
            nm.head = _canon(level, lex)  # "shares rose 4.2% to 131p": the shares' price
            nm.slot_tokens = [level]
            return nm
        return _money_head(text, s_end, nm, lex, tokens)
    if (measured := _unit_of(text, pos, s_end, range_pair)) is not None:
        name, unit_end = measured
        nm = _finish(
            text,
            s_start,
            s_end,
            num_start,
            unit_end,
            value,
            "quantity",
            name,
            lex,
            pats,
            tokens,
            range_pair,
        )
        nm.head = name
        nm.slot_tokens = [t for t in tokens if pos <= t.start < unit_end]
        return nm
    am = pats.age.match(text, pos, s_end) if pats.age else None
    if am:
        return _finish_age(
            text, s_start, s_end, num_start, am.end(), value, lex, pats, tokens, range_pair
        )
    # A post-hedge between number and unit ("30-odd minutes") stays in the span.
    post = pats.post_hedge.match(text, pos, s_end) if pats.post_hedge else None
    forced: str | None = None
    if post and pats.unit is not None and pats.unit.match(text, post.end(), s_end):
        forced = lex.post_hedges[post.group("h").lower()]
        pos = post.end()
    um = pats.unit.match(text, pos, s_end) if pats.unit else None
    if um and pats.unit is not None:
        if pats.ago is not None and pats.ago.match(text, um.end(), s_end):
            return None
        if pats.ago_prefix is not None and pats.ago_prefix.search(
            text, max(s_start, num_start - 12), num_start
        ):
            return None
        name, secs = lex.duration_units[um.group("u").lower()]
        unit_end = um.end()
        if value == 0 and ("-" in text[pos : um.start("u")] or not um.group("u").endswith("s")):
            return None  # "a zero-day flaw", "zero hour": names, nothing lasted
        if am := _AGE_AFTER.match(text, unit_end, s_end):
            # "a 6-month-old son", "ein 3 Monate alter": an age, not a duration
            if range_pair is not None or name == "year":
                return None
            nm = _finish_age(
                text, s_start, s_end, num_start, pos,
                round(value / 12 if name == "month" else value * secs / _YEAR_SECONDS, 3),
                lex, pats, tokens, None,
            )  # fmt: skip
            nm.raw_value, nm.raw_unit = value, f"{name} of age"
            nm.end = max(nm.end, am.end())
            return nm
        uh = pats.unit_half.match(text, unit_end, s_end) if pats.unit_half else None
        if uh and value == int(value) and range_pair is None:
            value += 0.5  # "deux heures et demie"
            unit_end = uh.end()
        nm = _finish(
            text,
            s_start,
            s_end,
            num_start,
            unit_end,
            value,
            "duration",
            name,
            lex,
            pats,
            tokens,
            range_pair,
            forced,
        )
        nm.bounds = _scaled(nm.bounds, secs)
        nm.unit = "s"
        # Compound durations: "two hours and 30 minutes"; with no joining word only a smaller
        # unit right after continues the amount ("2 hours 5 minutes 3 seconds", "10 years 3
        # months and 2 days"; a comma makes a list, "2 years, 5 months, 9 days and 7 hours",
        # whose parts are read one by one). After "and" the amount ends.
        last = secs
        while True:
            cm = pats.and_word.match(text, nm.end, s_end) if pats.and_word else None
            joined = cm is not None
            cm = cm or _DURATION_JOIN.match(text, nm.end, s_end)
            m2 = pats.number.match(text, cm.end(), s_end) if cm else None
            v2 = reader.value_of(m2) if m2 else None
            um2 = pats.unit.match(text, m2.end(), s_end) if m2 and v2 is not None else None
            secs2 = lex.duration_units[um2.group("u").lower()][1] if um2 else 0.0
            if um2 is None or v2 is None or not (secs2 < last or (joined and last == secs)):
                break
            extra = v2 * secs2
            b = nm.bounds
            nm.bounds = Bounds(
                b.value + extra,
                None if b.low is None else b.low + extra,
                None if b.high is None else b.high + extra,
                b.approximate,
            )
            nm.end = um2.end()
            last = secs2
            if joined:
                break
        return nm
    if is_digit and range_pair is None and _is_year(m.group("d"), value):
        return None
    if is_digit and range_pair is None and not currency and _is_age(text, s_start, s_end, m, pats):
        return _finish_age(text, s_start, s_end, num_start, pos, value, lex, pats, tokens, None)
    if _is_rate(text, s_start, num_start, lex):
        return None
    if lex.code == "en" and _LABEL_LEFT.search(text, max(s_start, num_start - 12), num_start):
        return None  # "a category 4 hurricane", "stage 3 of the plan": a class, not a count
    if lex.code == "en" and m.group("w") and text[m.end() : m.end() + 1].isalpha():
        nxt = tokens_after(tokens, m.end(), 1)
        if nxt and nxt[0].lower in _ORDINAL_PERIODS:
            return None  # "in the fourth quarter", "for the third time": no count
    if (
        range_pair is not None
        and pats.age_prefix is not None
        and pats.age_prefix.search(text, max(s_start, num_start - 12), num_start)
    ):
        # "men aged 30 to 49"
        return _finish_age(
            text, s_start, s_end, num_start, pos, value, lex, pats, tokens, range_pair
        )
    nm = _finish(
        text, s_start, s_end, num_start, pos, value, "quantity", None, lex, pats, tokens, range_pair
    )
    if (
        lex.code != "en"  # English: `Lexicon.measure_nouns` below
        and range_pair is None
        and 0 < value < 10.5
        and _MAGNITUDE_BEFORE.search(text, max(s_start, nm.start - 24), nm.start)
    ):
        nm.head = "magnitude"  # "de magnitude 5,9", "der Stärke 6,1" (not a name's number)
        return nm
    if (
        lex.code == "en"
        and range_pair is None
        and 0 < value < 10.5
        and value != int(value)
        and (qm := _QUAKE_AFTER.match(text, pos, s_end))
        and qm.group("q")[0].isupper()
    ):
        nm.head = "magnitude"  # "a 5.9 earthquake", "5.7 Quake Rocks ...": no count of quakes
        return nm
    if _named_number(tokens, m.start(), lex) and (is_digit or _named_word_number(tokens, m, lex)):
        return None  # "Flight 370", "BBC One", "Apple One's plan"
    if (
        not is_digit
        and lex.zero_determiners
        and re.search(rf"(?<!\w)(?:{_alt(lex.zero_determiners)})\s+$", left, re.I)
    ):
        return None  # "no one knows": not a count of one
    mw = pats.measure.search(text, max(s_start, nm.start - 16), nm.start) if pats.measure else None
    if mw and range_pair is None:  # "magnitude-5.9", "a population of more than 80,000"
        nm.start = min(nm.start, mw.start("mw"))
        nm.head = _canon(Token(mw.group("mw"), mw.start("mw"), mw.end("mw")), lex)
        return nm
    part_end = -1
    for pat, measure in pats.measure_after:  # "4.9 on the Richter scale", "5.9 magnitude"
        if (ma := pat.match(text, pos, s_end)) is not None:
            nm.end = max(nm.end, ma.end())
            nm.head = measure
            return nm
    if lex.code == "en" and _QUAKE_MEASURING.search(text, max(s_start, nm.start - 60), nm.start):
        nm.head = "magnitude"  # "an earthquake measuring 6.4 shook", "the tremor, registering 5.8,"
        return nm
    if scaled and pats.partitive is not None and (pm := pats.partitive.match(text, pos, s_end)):
        pos = pm.end()  # "1,5 millones de personas"
    elif lex.code == "en" and value >= 2 and (pm := _OF_THE.match(text, pos, s_end)):
        pos = pm.end()  # "two of the victims", "three of Novak's deputies"
        if any(ch.isdigit() for ch in pm.group()):
            part_end = nm.end  # "112 of 240 punches": the whole is read as a number of its own
    if lex.code == "en" and (fm := _FREQUENCY.match(text, pos, s_end)):
        return _frequency(nm, fm.end("t"), lex, tokens)
    if lex.code == "en" and (sm := _SUSPENDED.match(text, pos, s_end)):
        # "a 7- or 8-inch screen", "four-, five- and six-cylinder engines": the noun of the
        # last member is every member's.
        nm.head = _canon(Token(sm.group(1), sm.start(1), sm.end(1)), lex)
        if text.startswith("-old", sm.end(1)):
            nm.head, nm.raw_unit = "age", "year of age"  # "2- to 3-year-old children"
        return nm
    if lex.code == "en" and is_digit and _GROUP_NAME.match(text, pos, s_end):
        return None  # "8 Block gang members", "the 18th Street gang": a group's name
    counted = _count_head(nm, pos, lex, tokens, value)
    if counted is not None and counted.head in _NOT_COUNTED:
        return None  # "64-bit", "a 32 bit chip": a word size, no count
    if counted is not None and counted.head == "cent" and lex.code == "en" and not counted.verb:
        return _cents(text, s_start, s_end, counted, lex, pats, tokens)
    if counted is None and lex.code == "en":
        toll = _toll_of(text, s_start, nm, tokens)
        if toll is not None:
            return toll
    if counted is None and (toll_re := _TOLLS.get(lex.code)) is not None:
        tm = toll_re.search(text, max(s_start, nm.start - 90), nm.start)
        if tm is not None:
            # "la cifra de muertos subió a 45", "die Zahl der Toten stieg auf 45", "le bilan
            # s'est alourdi à 45": the level of a toll, with no noun after it
            what = (tm.group("what") or "").lower()
            nm.head, nm.verb = "person", _TOLL_WHAT.get(what, "killed")
            nm.slot_tokens = [t for t in tokens if tm.start() <= t.start < tm.end()][:3]
            return nm
    if counted is None and is_digit and range_pair is None:
        level_of = _level_of(text, s_start, nm, lex, pats, tokens)
        if level_of is not None:
            nm.head = _canon(level_of, lex)
            nm.slot_tokens = [level_of]
            return nm
    if counted is None and is_digit and found and lex.code == "en":
        before = [f for f in found if f.end <= nm.start]
        if before:
            prev = max(before, key=lambda f: f.end)
            return _elided(text, s_start, s_end, nm, prev, lex, pats, tokens, value, range_pair)
    if counted is not None and part_end >= 0:
        counted.end = part_end
    return counted


# The unit left out after a connective: "and 95,800 who", "compared with 48 last year",
# "6 million homes, including 1.2 million in the city",
# "up from 1.9 million", "while the lowest is 78.35", "but the Nasdaq fell by 1".
_ELIDED_GAP = re.compile(r"[^\d;:()\[\]\"“”]{0,60}")
_GAP_YEAR = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d(?!\w|[.,]\d)")
_ELIDED_CONN = re.compile(
    r"(?<!\w)(?:and|or|to|from|versus|vs\.?|against|compared\s+(?:with|to)|while|whereas|but|"
    r"including|of\s+(?:whom|which))"
    r"(?!\w)",
    re.IGNORECASE,
)


#: The rest of a score or record after its first number ("13-3", "2–13").
_SCORE_AFTER = re.compile(r"\s?[-–]\s?\d")


def _elided(
    text: str,
    s_start: int,
    s_end: int,
    nm: NumberMention,
    prev: NumberMention,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
    value: float,
    range_pair: tuple[float, float] | None,
) -> NumberMention | None:
    """A bare number (nothing counted after it) set against the mention before it by a
    connective, with no other number, bracket or clause break between them: the same kind,
    unit and measured thing ("310 cars were stolen this year compared with 48 last year" ->
    48 car stolen; "300 people were evacuated on Monday and 500 on Tuesday"). None when the
    mention before it names nothing (a bare level, a duration)."""
    if prev.kind == "duration" or (prev.kind == "quantity" and not prev.head):
        return None
    gap = _GAP_YEAR.sub("", text[prev.end : nm.start])  # "in 2021 and 3.4 last year"
    if not _ELIDED_GAP.fullmatch(gap) or not _ELIDED_CONN.search(gap):
        return None
    last = list(_ELIDED_CONN.finditer(gap))[-1]
    if last.group().lower() == "to" and len(gap) > 24:
        return None  # "12 towns on the coast, and the death toll rose to 10": another subject
    if prev.kind == "quantity" and len(gap[last.end() :].split()) > 4:
        return None  # "12 towns hit, and the death toll was put at 10": another count
    left = tokens_before(tokens, nm.start)
    if left and (
        left[-1].lower == "of"  # "a slugging percentage of .587": its own measure
        or (
            left[-1].is_word
            and left[-1].lower not in lex.stopwords
            and not _ELIDED_CONN.fullmatch(left[-1].text)
        )
    ):
        return None  # "and the S&P 500 is": a name's number
    after = tokens_after(tokens, nm.end, 1)
    if after and after[0].is_word and after[0].text[:1].isupper():
        return None  # "30 Hurt and 5 Farms Damaged", "27 homers and 94 RBI": a noun we skip
    if _SCORE_AFTER.match(text, nm.end, s_end):
        return None  # "a 41-yard field goal and a 10-3 lead": a score, not 10 yards
    out = _finish(
        text,
        s_start,
        s_end,
        nm.start,
        nm.end,
        value,
        prev.kind,
        prev.raw_unit,
        lex,
        pats,
        tokens,
        range_pair,
    )
    out.unit, out.head, out.verb, out.per = prev.unit, prev.head, prev.verb, prev.per
    out.phrase = prev.phrase
    out.slot_tokens = list(prev.slot_tokens)
    part = tokens_after(tokens, nm.end, 2)
    if len(part) == 2 and part[0].lower == "of" and part[1].lower in _PART_OF:
        # "detained 30 protesters, and 12 of them were charged": a part of the count before,
        # of the same thing, with what happened to the part (or nothing), not to the whole
        out.end = max(out.end, part[1].end)
        out.verb = _passive_verb(tokens_after(tokens, part[1].end, 4), lex)
    if prev.kind == "money" and prev.raw_unit == "cent":
        out.bounds = _scaled(out.bounds, 0.01)  # "91.20 cents, while the lowest is 78.35"
    return out


#: pronouns of a part of the count before: "12 of them", "two of those"
_PART_OF = frozenset({"them", "those", "these", "whom"})


def _passive_verb(after: list[Token], lex: Lexicon) -> str | None:
    """The event verb of a passive after a count ("were (later) charged"), else None."""
    k = 0
    while k < len(after) and (
        after[k].lower in lex.auxiliaries
        or after[k].lower.endswith("ly")
        or after[k].lower in _ADVERBS
    ):
        k += 1
    if k == 0 or k >= len(after):
        return None  # no auxiliary: "12 of them fled" is an active verb, read elsewhere
    return _verb_word(after[k].lower, lex)


def _verb_word(low: str, lex: Lexicon) -> str | None:
    """What a word says happened to a count: an event verb's class ("wounded" -> "injured"),
    or a past participle as written ("charged"; not in languages that capitalise nouns),
    else None."""
    if low in lex.event_verbs:
        return lex.event_verbs[low]
    if low.endswith("ed") and low not in lex.stopwords and not lex.nouns_capitalised:
        return low
    return None


_POINTS = re.compile(r"\d\s+(?:percentage\s+)?points?\b|\d\s+cents?\b", re.IGNORECASE)
_BY_AMOUNT = re.compile(r"\bby\s+(?:[^\s\d]{1,4}\s?)?\d", re.IGNORECASE)
_PRICE_MOVE = re.compile(rf"(?<!\w)(?:{_MOVES})\s+$", re.IGNORECASE)
_CHANGE_SUM = re.compile(
    rf"(?<!\w)(?:{_MOVES})\s+(?P<amt>(?:US|C|A|HK)?[$€£]\s?\d)",
    re.IGNORECASE,
)
_LEVEL_LEFT = re.compile(r"(?:^|\s)(?:to|at)\s+$", re.IGNORECASE)


# "two of the victims": a count of some of a group (English; "one of the best" is no count).
# "112 of 240 punches", "12 of the 40 protesters": a part of a counted whole; the part counts
# the whole's noun (the whole is read as a number of its own).
_OF_THE = re.compile(
    r"\s+of\s+(?:"
    r"(?:the|these|those|its|his|her|their|our|your|[A-Z][\w.&-]*['’]s?)\s+(?:\d[\d,]*\s+)?"
    r"|\d[\d,]*\s+"
    r")(?=[^\W\d])"
)
# "orbited the Earth 3,200 times", "fired 30 times at": how often in all, not a multiplier
# ("four times the number", "6.5 times earnings", "three times as many") nor a rate ("three
# times a day", see `Lexicon.rate_words`).
_FREQUENCY = re.compile(
    r"\s+(?P<t>times)(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|since|during|over|this|last|so|"
    r"before|after|on|at|against|between|within|while|and|but|to|from)\b)",
    re.IGNORECASE,
)


def _frequency(nm: NumberMention, end: int, lex: Lexicon, tokens: list[Token]) -> NumberMention:
    """A count of times, with the event verb before it ("fired 30 times" -> time fired)."""
    nm.end = max(nm.end, end)
    nm.head = "time"
    left = [t for t in tokens_before(tokens, nm.start) if t.is_word]
    if left and (left[-1].lower in lex.event_verbs or left[-1].lower.endswith("ed")):
        verb = left[-1]
        nm.verb = lex.event_verbs.get(verb.lower, verb.lower)
        nm.slot_tokens = [verb]
    return nm


# A toll and what it counts, then the words between it and its level: "the death toll from the
# quake rose to 10", "the number of injured has risen to 50", "a toll of 12" (English).
_TOLL = re.compile(
    r"(?<![\w-])(?:(?P<kind>death|casualty|injury|fatality)\s+)?(?P<toll>toll)"
    r"|(?<![\w-])(?P<toll2>number)\s+of\s+(?:people\s+)?(?P<what>dead|deaths|killed|"
    r"fatalities|victims|injured|injuries|wounded|hurt|casualties|missing)",
    re.IGNORECASE,
)
_TOLL_GAP = re.compile(
    r"(?:\s*,?\s+(?:from|in|of|after|caused\s+by)\s+[^,;:\d\"“”()]{1,40}?,?)?"
    r"(?:\s+(?:has|had|have|was|is|now|officially|already|then|later|had\s+been))*"
    r"(?:\s+(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|reached|reaches|hit|"
    r"hits|stood|stands|was|is|mounted|soared|grew|went\s+up|edged\s+up|put|set|raised)"
    r"(?:\s+(?:to|at))?|\s+(?:to|at|of)|\s*:)\s+$",
    re.IGNORECASE,
)
_TOLL_COUNTS = {
    "injury": "injured",
    "injured": "injured",
    "injuries": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "casualty": None,
    "casualties": None,
    "missing": "missing",
}


# The toll of other languages, up to the number of its level (no noun after the level).
_TOLLS = {
    "es": re.compile(
        r"(?:cifra|n[úu]mero|balance)\s+de\s+(?P<what>muertos|fallecidos|v[íi]ctimas|heridos)"
        r"(?:\s+\w+){0,3}?\s+(?:subi[óo]|ascendi[óo]|aument[óo]|lleg[óo]|asciende|sube|es|"
        r"era|alcanz[óo]|alcanza)\s+(?:a|hasta|los)\s+(?:al\s+menos\s+|m[áa]s\s+de\s+)?$",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"Zahl\s+der\s+(?P<what>Toten|Todesopfer|Opfer|Verletzten)(?:\s+\w+){0,3}?\s+"
        r"(?:stieg|steigt|lag|liegt|erh[öo]hte\s+sich|erh[öo]ht\s+sich|kletterte)\s+"
        r"(?:\w+\s+)?(?:auf|bei)\s+(?:mindestens\s+|mehr\s+als\s+)?$",
    ),
    "fr": re.compile(
        r"(?<!\w)bilan(?P<what>)(?!\s+(?:financier|comptable|annuel|[ée]conomique|commercial|"
        r"carbone|de\s+sant[ée]))(?:\s+\w+){0,3}?\s+(?:s['’]\s?élève|s['’]\s?est\s+alourdi|"
        r"est\s+pass[ée]|atteint|grimpe|s['’]\s?établit|est\s+de)\s+(?:\w+\s+)?(?:à|de)\s+"
        r"(?:au\s+moins\s+|plus\s+de\s+)?$",
        re.IGNORECASE,
    ),
}
_TOLL_WHAT = {"heridos": "injured", "verletzten": "injured"}


def _toll_of(
    text: str, s_start: int, nm: NumberMention, tokens: list[Token]
) -> NumberMention | None:
    """A level of a toll with no noun after it: "the death toll rose to 10" -> 10 people
    killed; "the number of injured reached 50" -> 50 people injured; None otherwise."""
    window = max(s_start, nm.start - 90)
    for tm in reversed(list(_TOLL.finditer(text, window, nm.start))):
        end = tm.end()
        if not _TOLL_GAP.fullmatch(text, end, nm.start):
            continue
        what = (tm.group("kind") or tm.group("what") or "death").lower()
        verb = _TOLL_COUNTS.get(what, "killed")
        word = tm.start("toll") if tm.group("toll") else tm.start("toll2")
        slot = [t for t in tokens if t.start >= word and t.end <= end]
        nm.head = "person" if verb else "casualty"
        nm.verb = verb
        nm.slot_tokens = slot[:3]
        return nm
    return None


def _level_of(
    text: str, s_start: int, nm: NumberMention, lex: Lexicon, pats: _Patterns, tokens: list[Token]
) -> Token | None:
    """What a change ends at, with no noun after the level: "the index rose 0.7% to
    6,327.80", "has lost 162 points, or 2.1%, to close at 7,425.81" -> the token "index" (the
    noun before the verb of the change); None when the number is no such level."""
    if lex.code != "en" or not _LEVEL_LEFT.search(text, max(s_start, nm.start - 6), nm.start):
        return None
    change = pats.percent.search(text, s_start, nm.start)
    pts = _POINTS.search(text, s_start, nm.start)
    by = _BY_AMOUNT.search(text, s_start, nm.start)  # "increased by $31.8bn to $287.4bn"
    first = min((c.start() for c in (change, pts, by) if c is not None), default=None)
    if (sum_change := _CHANGE_SUM.search(text, s_start, nm.start)) is not None:
        # "fell $1.20 to $8.10": the sum right after the verb is the change
        first = (
            min(first, sum_change.start("amt")) if first is not None else sum_change.start("amt")
        )
    if first is None:
        return None
    # The change's number starts where its digits start; look left of it for "<noun> <verb>".
    while first > s_start and (text[first - 1].isdigit() or text[first - 1] in ".,"):
        first -= 1
    left = [t for t in tokens_before(tokens, first) if t.is_word]
    while left and left[-1].lower in lex.hedges:
        left.pop()
    if len(left) < 2:
        return None
    left.pop()  # the verb: "rose", "lost"
    while left and left[-1].lower in lex.auxiliaries:
        left.pop()
    if not left or left[-1].lower in lex.stopwords:
        return None
    return left[-1]


def _suffix_end(text: str, pos: int, s_end: int, lex: Lexicon, pats: _Patterns) -> int | None:
    """End of a percent sign, unit or currency word right after a number, else None."""
    for pat in (pats.points, pats.percent, _PC, _UNIT_AFTER, pats.cur_word, _SUFFIX_SYM):
        if pat is not None and (sm := pat.match(text, pos, s_end)) is not None:
            return sm.end()
    return None


def _unit_of(
    text: str, pos: int, s_end: int, range_pair: tuple[float, float] | None
) -> tuple[str, int] | None:
    """The unit of measure right after a number (`corroborator.units`): (canonical name, end),
    with its denominator ("5 miles per day" -> "mile per day"); None when there is none."""
    um = _UNIT_AFTER.match(text, pos, s_end)
    if um is None:
        return None
    surface = um.group("glued") or um.group("sym")
    # .get: a non-ASCII letter can match case-insensitively yet lower-case to another key
    found = UNIT_SYMBOLS.get(surface) if surface else UNIT_NAMES.get(um.group("name").lower())
    if found is None:
        return None
    name = found
    end = um.end()
    if " per " not in name and (den := _per(text, end, s_end)) is not None:
        name = f"{name} per {den[0]}"
        end = den[1]
    return name, end


def _per(text: str, pos: int, s_end: int) -> tuple[str, int] | None:
    """The denominator of a rate after a unit or a sum ("per share", "/h", "a month"): the
    canonical noun and the end of the span it may take ("a month" stays out: it is read as a
    duration first, which `_not_a_duration` then drops as a rate)."""
    pm = _PER.match(text, pos, s_end)
    if pm is None and (om := _OF_MATERIAL.match(text, pos, s_end)) is not None:
        pm = _PER.match(text, om.end(), s_end)
        if pm is not None and pm.group("a"):
            return _den_name(pm), pos  # the duration "a year" is dropped as a rate
    if pm is None:
        return None
    return _den_name(pm), pos if pm.group("a") else pm.end()


def _den_name(pm: re.Match[str]) -> str:
    den = " ".join(pm.group("den").lower().replace(".", "").split())
    if den == "mmbtu":
        return "mega british thermal unit"
    return _PER_NAMES.get(den) or UNIT_NAMES.get(den) or den


# A number that names a class or a place in a series, not a count (English).
_LABEL_LEFT = re.compile(
    r"(?<!\w)(?:category|level|grade|class|stage|phase|tier|type|version|chapter|section|"
    r"article|route|highway|gate|platform|terminal|room|seat)\s+$",
    re.IGNORECASE,
)
_QUAKE_WORDS = r"earthquake|quake|temblor|tremor|aftershock"
# A quake right after a decimal number: the number is its magnitude ("a 5.9 earthquake").
_QUAKE_AFTER = re.compile(rf"[\s-]+(?P<q>(?i:{_QUAKE_WORDS}))s?\b")
#: a quake's magnitude given by a participle after the quake ("an earthquake measuring 6.4",
#: "the tremor, registering 5.8,", "a quake rated 6.1"), right before the number
_QUAKE_MEASURING = re.compile(
    rf"\b(?:{_QUAKE_WORDS})s?,?\s+(?:which\s+|that\s+)?"
    r"(?:measuring|registering|measured(?:\s+at)?|registered(?:\s+at)?|rated(?:\s+at)?)\s+"
    r"(?:(?:about|around|some|nearly|roughly|approximately|at\s+least|magnitude)\s+)*$",
    re.IGNORECASE,
)
# The word for a quake's magnitude right before the number, in the languages of Europe:
# "magnitude 5.9" (en, fr), "magnitud" (es), "magnitudo" (it), "Magnitude" / "Stärke" (de),
# "kracht van" / "sterkte van" (nl), "magnitudzie" (pl), "magnitude de" (pt).
_MAGNITUDE_BEFORE = re.compile(
    r"(?<!\w)(?:magnitude|magnitud|magnitudo|magnitudzie|magnitudy|Stärke|kracht\s+van|"
    r"sterkte\s+van)\s+(?:de\s+|di\s+|van\s+|von\s+)?(?:[a-z]{2,6}\s+)?$",
    re.IGNORECASE,
)
# "hit .311", "batting .312", "an average of .290": a batting average before the decimal.
_BATTING_LEFT = re.compile(
    r"(?<!\w)(?:hit|hits|hitting|batted|batting|bats|averaged|average\s+of)\s+$", re.IGNORECASE
)
#: an English nationality adjective by its ending ("Somali", "Kenyan", "Sudanese", "Danish":
#: -i, -an, -ian, -ese, -ish; others, "Filipino", stay unread)
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:i|an|ese|ish)")
# A capitalised word and a group noun after a number: "8 Block gang", "18th Street crew".
# A nationality before the noun is no name: "31 Sudanese crew", "14 Kenyan crew".
_GROUP_NAME = re.compile(
    rf"\s+(?!{_NATIONALITY.pattern}\s)[A-Z][\w'’]*\s+"
    r"(?:gang|crew|band|clique|cartel|mob|posse|faction|mafia)\b"
)
# Glued words that name a size, not what is counted ("64-bit", "a 32 bit processor").
_NOT_COUNTED = frozenset(["bit"])
# A verb of change before "from X to Y" makes two levels, not a range ("rose from 10 to 12").
_CHANGE_VERB = re.compile(
    r"(?<!\w)(?:rose|risen|rises|rising|increased|increases|grew|grown|jumped|climbed|soared|"
    r"fell|fallen|falls|dropped|declined|decreased|slipped|plunged|cut|raised|reduced|lowered|"
    r"slashed|boosted|up|down|went\s+up|went\s+down|changed|moved)\s+$",
    re.IGNORECASE,
)


def _cents(
    text: str,
    s_start: int,
    s_end: int,
    nm: NumberMention,
    lex: Lexicon,
    pats: _Patterns,
    tokens: list[Token],
) -> NumberMention:
    """'fell 45 cents to $8.10', 'down 3 cents': money, a hundredth of the sentence's dollar,
    with the head of a sum."""
    # A dollar's cent unless the sentence names another dollar ("euro cents" is read as euros
    # before this; "the euro was 2 cents higher" is quoted in US cents).
    cur = _dollar_is_other(text, s_start, s_end, "USD") or "USD"
    nm.kind, nm.unit, nm.raw_unit = "money", cur, "cent"
    nm.bounds = _scaled(nm.bounds, 0.01)
    nm.head, nm.slot_tokens, nm.phrase = None, [], None
    if level := _level_of(text, s_start, nm, lex, pats, tokens):
        nm.head, nm.slot_tokens = _canon(level, lex), [level]
        return nm
    return _clause_subject_head(nm, lex, tokens)


# A hundredth of a currency, in the languages of Europe (English: `_cents`).
_CENT_WORDS = frozenset(
    [
        "cent",
        "cents",
        "centavo",
        "centavos",
        "centesimo",
        "centesimi",
        "centime",
        "centimes",
        "céntimo",
        "céntimos",
        "grosz",
        "grosze",
        "groszy",
    ]
)
_DOLLAR_WORD = re.compile(r"\$|d[oó]llar|dollar[oi]", re.IGNORECASE)
_EURO_WORD = re.compile(r"€|\beuro", re.IGNORECASE)


def _as_cents(text: str, start: int, end: int, nm: NumberMention) -> None:
    """A count of cents is money (not English): a hundredth of the dollar or the euro the
    sentence names (the dollar when it names neither, as `_cents`; złoty for grosze)."""
    sent = text[start:end]
    head = (nm.head or "").lower()
    cur = (
        "PLN"
        if head.startswith("grosz")
        else "USD"
        if _DOLLAR_WORD.search(sent)
        else "EUR"
        if _EURO_WORD.search(sent)
        else "USD"
    )
    nm.kind, nm.unit, nm.raw_unit, nm.head, nm.phrase = "money", cur, "cent", None, None
    nm.bounds = _scaled(nm.bounds, 0.01)
    nm.slot_tokens = []


def _from_to_change(
    text: str, s_start: int, opened: re.Match[str], value: float, v2: float, lex: Lexicon
) -> bool:
    """'from X to Y' that runs downwards states a change ("cut from $3.8 million to
    $150,000", "est passé de 2,1 à 1,8 milliard"; a range never runs down): two levels, the
    old and the new, not one range. Upwards it stays a range, as NewsQuant writes it."""
    return v2 < value


# Ordinals before these nouns place something in time or in a ranking; they count nothing.
_ORDINAL_PERIODS = frozenset(
    ["quarter", "half", "time", "place", "century", "anniversary", "generation", "term"]
)
_AGE_OF = re.compile(r"\bage\s+of\s+$", re.IGNORECASE)
# "Anna Novak, 38, of Dunmore": an age in apposition to a name.
_AGE_NAME_LEFT = re.compile(
    r"(?<![\w'’])[A-Z](?:[^\W\d_]|['’-])*(?:\s+(?:[IVX]{1,4}|Jr\.?|Sr\.?))?,\s*"
    # "Kovac and Brandt, both 44,": one age said of the people named; "Pell, now 19,"
    r"(?:(?:both|each|all|now)\s+)?$"
)
# "IE6, 7, 8 and 9", "Vista, 7, 8": a number in a list of numbers is no age
_NUMBER_LIST_NEXT = re.compile(r",\s*\d")
_AGE_RIGHT = re.compile(
    r"\s*(?:[,;)]|\.(?:\s|$)|$|\s+(?:of|from|and|who|was|is|has|had|will|were)\b)"
)


# "her daughter, 11, and her son, 9,", "His daughters, 11 and 9,", "a woman, 34,": an age in
# apposition to a word for a person (never 11 daughters).
_AGE_PERSON_LEFT = re.compile(
    # "his two half-brothers, 16 and 23,", "her step-daughter, 9,"
    r"(?<![\w-])(?:(?:half|step)-)?(?:daughters?|sons?|child|children|kids?|grand(?:daughter|son|child)s?|"
    r"brothers?|sisters?|siblings?|wife|husband|mother|father|mom|mum|dad|stepson|"
    r"stepdaughter|nephews?|nieces?|cousins?|boy(?:friend)?s?|girl(?:friend)?s?|man|men|"
    r"woman|women|teens?|teenagers?|toddlers?|infant|baby|victims?|driver|passenger|suspect|"
    r"gunman|pilot|partner|fianc[ée]e?|widow(?:er)?|resident|student|worker)"
    r",\s*(?:\d{1,3}\s*(?:,\s*|and\s+|,\s*and\s+))?$",
    re.IGNORECASE,
)


def _is_age(text: str, s_start: int, s_end: int, m: re.Match[str], pats: _Patterns) -> bool:
    raw = m.group("d") or ""
    if not raw.isdigit() or len(raw) > 3 or not 1 <= int(raw) <= 119:
        return False
    left = text[max(s_start, m.start() - 40) : m.start()]
    if pats.age_prefix is not None and (pats.age_prefix.search(left) or _AGE_OF.search(left)):
        return True  # "aged 24", "over the age of 30"
    if _PERSON_WAS.search(left) and _PERSON_WAS_RIGHT.match(text, m.end(), s_end):
        return True  # an obituary's "She was 91.", "He was 19 and unarmed"
    if _DIED_AT.search(text, max(s_start, m.start() - 80), m.start()) and (
        _PERSON_WAS_RIGHT.match(text, m.end(), s_end)
        or _AFTER_DEATH_AGE.match(text, m.end(), s_end)
    ):
        # "died in hospital at 81,", "dies at 92.", a headline's "Dies at 77 Published: ..."
        # or "dies in prison at 77 Tuesday" (not an address: "died at 4 Elm Court")
        return True
    if _AGE_LIST_YEARS_OLD.match(text, m.end(), s_end):
        return True  # the first of "who were 57 and 39 years old", "68 and 48-years-old"
    if not _AGE_RIGHT.match(text, m.end(), s_end) or _NUMBER_LIST_NEXT.match(text, m.end(), s_end):
        return False
    return bool(_AGE_NAME_LEFT.search(left) or _AGE_PERSON_LEFT.search(left))


# "died on Sunday in hospital at 81", "Dies at 92": a bare number after "at" that closes the
# clause of a verb of dying is the age at death (English; "died at 3 p.m." is read as a time)
_DIED_AT = re.compile(
    r"(?<![\w-])(?:(?:die[ds]?|dying|passed\s+away)\b(?:\s+[\w'’,-]+){0,8}?|dead)\s+at\s+$",
    re.IGNORECASE,
)
#: what may follow an age at death besides the end of the clause: a day or a month ("dies in
#: prison at 77 Tuesday") or a page stamp after a headline ("Dies at 81 Published: ...")
_AFTER_DEATH_AGE = re.compile(
    r"\s+(?:Published|Updated|Posted|Last\s+updated|"
    + "|".join(w.title() for w in (*WEEKDAYS, *MONTHS))
    + r")\b"
)
# "who were 35 and 29 years old", "57 and 61-years-old": every number of the list is an age
_AGE_LIST_YEARS_OLD = re.compile(
    r"(?:\s*,\s*\d{1,3})*\s*(?:,\s*)?(?:and|or)\s+\d{1,3}(?:-|\s+)years?(?:-|\s+)old\b",
    re.IGNORECASE,
)
# "She was 91.", "he is 19 and unarmed", "who was 75 when he died": a bare number after a
# person pronoun and "was" / "is", closing the clause, is the person's age (English)
_PERSON_WAS = re.compile(r"(?<![\w'’])(?:he|she|who)\s+(?:was|is)\s+$", re.IGNORECASE)
_PERSON_WAS_RIGHT = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$|\s+(?:and|when|at\s+the\s+time)\b)")


def _is_year(raw: str, value: float) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _named_word_number(tokens: list[Token], m: re.Match[str], lex: Lexicon) -> bool:
    """A capitalised number word in a name ("BBC One", "Formula One"), not in a title-case
    headline, whose verb before it ends in -s ("Crash Leaves One Dead", "Fire Kills Three")."""
    if not m.group("w")[:1].isupper():
        return False
    left = tokens_before(tokens, m.start())
    if left and (left[-1].text in ZONES or left[-1].text[-1].isdigit()):
        return False  # a sentence run on after a page stamp: "8:40am BST Two people, ..."
    after = tokens_after(tokens, m.end(), 4)
    # "Three People Shot", "Ten people are killed", "THREE PEOPLE HAVE DIED": an event verb
    # within a plural noun and its auxiliaries after the number.
    k = (
        1
        if after
        and after[0].lower not in lex.event_verbs
        and after[0].lower.endswith(("s", "people"))
        else 0
    )
    while k < len(after) and after[k].lower in lex.auxiliaries:
        k += 1
    return not (
        (left and left[-1].lower.endswith("s"))
        or (k < len(after) and after[k].lower in lex.event_verbs)
    )


@lru_cache(maxsize=16)
def _signed_word(lex: Lexicon) -> re.Pattern[str]:
    """A sign word before a number, spaced: "minus 5"."""
    return re.compile(rf"(?<![\w-])(?P<pre>{_alt(lex.signed_prefixes)})\s+$", re.IGNORECASE)


def _named_number(tokens: list[Token], pos: int, lex: Lexicon) -> bool:
    """'Flight 370', 'Apollo 11', 'COVID 19': a capitalised word glued to the number."""
    left = tokens_before(tokens, pos)
    if left and left[-1].text in _MINUS and left[-1].end == pos:
        dash = left[-1].start
        left = left[:-1]  # "COVID-19", "F-16"
        if left and left[-1].end == dash - 1 and left[-1].text.isupper():
            pos -= 1  # "COVID -19": bad spacing in an upper-case name
    if not left or left[-1].end != pos - 1:
        return False
    word = left[-1]
    if word.text.endswith(("'s", "’s")):
        # a possessive owns the count: "Marsh's 14 rebounds"; before a capitalised word the
        # number is a name again ("Boeing's 737 Max jets", "Porsche's 911 Turbo")
        nxt = tokens_after(tokens, pos, 2)[1:]
        return bool(nxt) and not (nxt[0].is_word and nxt[0].text[:1].islower())
    return (
        (word.is_capitalised or any(c.isupper() for c in word.text[1:]))  # "iPhone 11"
        and word.is_word
        and word.lower not in lex.stopwords
        and (word.lower not in lex.hedges)
        and word.lower not in lex.event_verbs  # headlines: "Fire Kills Three"
        # German capitalises its nouns: "am Montag 12 Personen", "am 3. März 12 Personen"
        and not (lex.nouns_capitalised and (word.lower in lex.weekdays or word.lower in lex.months))
    )


def _dollar_is_other(text: str, s_start: int, s_end: int, currency: str) -> str | None:
    """'$' means USD unless the sentence says Canadian/Australian/... dollars."""
    if currency != "USD":
        return None
    sent = text[s_start:s_end].lower()
    for word, code in (
        ("canadian", "CAD"),
        ("australian", "AUD"),
        ("hong kong", "HKD"),
        ("new zealand", "NZD"),
        ("singapore", "SGD"),
    ):
        if word + " dollar" in sent:
            return code
    return None


def _head_run(
    tokens: list[Token], pos: int, lex: Lexicon, value: float
) -> tuple[list[Token], Token | None, Token | None]:
    """The noun phrase right after a number: (run, head token, pre-modifier event participle)."""
    after = tokens_after(tokens, pos, 5)
    run: list[Token] = []
    head: Token | None = None
    pre_verb: Token | None = None
    skip = -1
    calibre_end = -1
    adjective: Token | None = None
    for k, t in enumerate(after):
        low = t.lower
        if k == skip or k <= calibre_end:
            continue
        if not run and low in _COUNT_MODIFIERS:
            continue  # "eight more picks", "two other victims"
        if (
            lex.code == "en"
            and not run
            and adjective is None
            and k + 1 < len(after)
            and after[k + 1].is_word
            and after[k + 1].lower not in lex.stopwords
            and (
                low in _PRE_ADJECTIVES
                or (low.endswith("ly") and after[k + 1].lower.endswith("ed"))  # "decently sized"
            )
        ):
            # "one particular demand", "eight straight World Cups", "two new Boeing jets":
            # the adjective is no head; the noun after it is (the adjective if none is found)
            adjective = t
            if low.endswith("ly"):
                skip = k + 1
            continue
        if not run and not t.is_word and k == 0:
            # "two 9mm pistols", "two .40-caliber pistols": the calibre is a modifier
            j = k
            while j < len(after) - 1 and not after[j].is_word:
                j += 1
            if after[j].lower in _CALIBRE_WORDS and j + 1 < len(after):
                calibre_end = j
                continue
            if after[j].lower in ("pointer", "pointers") and j > k:
                calibre_end = j - 1  # "five 3-pointers": the noun is the kind of basket
                continue
        if not t.is_word or low in lex.stopwords or (lex.code == "en" and low in _NON_HEADS):
            break
        if low in lex.weekdays or low in lex.months:
            break  # "12 morts mercredi", "4 hurt Thu Jun 12": a date, not what is counted
        if lex.parse_number_words(low) is not None:
            break  # "15:14 Three people": another number
        nxt = after[k + 1] if k + 1 < len(after) else None
        nxt_ok = (
            nxt is not None
            and nxt.is_word
            and nxt.lower not in lex.stopwords
            and not (lex.code == "en" and nxt.lower in _NON_HEADS)
        )
        if lex.nouns_capitalised:
            run.append(t)
            if t.is_capitalised:
                head = t
                break
            if low in lex.event_verbs and not nxt_ok:
                head = t
                break
            continue
        if t.is_capitalised and not run and low in lex.event_verbs and lex.code == "en":
            break  # headlines: "3 DEAD due to ...", "1 Dead, 2 Injured": the people are implied
        if t.is_capitalised:
            # Capitalised plural right after the number ("12 Democrats") is a head; a
            # capitalised adjective before a common noun ("seven European countries") is a
            # modifier; any other capitalised word means a name ("12 Main Street"): no count.
            if (
                not run
                and t.text.isupper()
                and 2 <= len(t.text) <= 5
                and (nxt is None or not nxt_ok or (lex.code == "en" and nxt.lower in _NON_HEADS))
            ):
                head = t  # an initialism counted: "27 homers and 94 RBI last season."
                break
            if (
                not run
                and _s_plural(low)
                and nxt is not None
                and (
                    nxt.lower in lex.event_verbs
                    or nxt.lower in lex.auxiliaries
                    or (lex.code == "en" and nxt.lower.endswith("ed"))
                )
                # "Five Americans died": people killed, as any toll
                and lex.event_verbs.get(nxt.lower, "") not in EVENT_CLASSES
            ):
                head = t  # "three Democrats voted", "4 Republicans were": the plural is counted
                break
            if nxt_ok and nxt is not None and not nxt.is_capitalised:
                run.append(t)
                continue
            if (
                nxt is not None
                and nxt.lower in ("and", "or")
                and k + 3 < len(after)
                and after[k + 2].is_capitalised
                and after[k + 3].is_word
                and not after[k + 3].is_capitalised
                and after[k + 3].lower not in lex.stopwords
            ):
                run.append(t)  # "310 Tarrow and Velden vehicles": two names before one noun
                skip = k + 1
                continue
            if not run and low.endswith("s") and not (nxt and nxt.is_capitalised):
                head = t
            elif not run and low.endswith("s") and nxt and nxt.lower in lex.event_verbs:
                head = t  # headlines: "5 Farms Damaged", "12 Homes Destroyed"
            elif not run and low in _IRREGULAR_PLURALS:
                # Headlines: "Three People Shot", "THREE PEOPLE HAVE DIED".
                verb = next((a for a in after[k + 1 :] if a.lower not in lex.auxiliaries), None)
                if verb is not None and verb.lower in lex.event_verbs:
                    head = t
            break
        run.append(t)
        if low in lex.event_verbs and nxt_ok:
            pre_verb = t
            continue
        head = t
        if (
            value == 1
            and lex.code == "en"
            and nxt_ok
            and nxt is not None
            and nxt.lower in _CHARGE_HEADS
        ):
            continue  # "one kidnapping charge": the charge is counted, named by the word before
        if low.endswith("s") or value == 1 or not nxt_ok or (nxt and nxt.is_capitalised):
            break
        if (
            low in lex.noun_heads
            and nxt_ok
            and nxt is not None
            and nxt.lower.endswith("s")
            and nxt.lower not in lex.event_verbs
            and not nxt.lower.endswith("ss")
        ):
            continue  # "two fire engines", "three police officers": the compound's last noun
        if low in lex.noun_heads or (nxt is not None and nxt.lower.endswith("ed")):
            break
        if nxt is not None and nxt.lower in lex.event_verbs and not low.endswith("s"):
            break
    if head is None and pre_verb is not None and run == [pre_verb]:
        # "4 hurt Thu Jun 12", "12 injured Americans": nothing counted after the participle.
        return run, pre_verb, None
    if head is None and adjective is not None:
        return [adjective], adjective, None  # as before: no noun after the adjective
    if adjective is not None and head is not None:
        # the noun phrase keeps it: "new car", "decently sized power plant"
        first = run[0].start if run else head.start
        run = [t for t in after if adjective.start <= t.start < first] + run
    return run, head, pre_verb


_SUSPENDED = re.compile(
    r"-,?\s+(?:[\w.]+-,?\s+){0,3}(?:(?:or|and|to)\s+)?[\w.]+-([^\W\d_]+)", re.IGNORECASE
)
_TIMES_TEN = re.compile(r"\s?[×x]\s?10(?:\^|\*\*)?(?P<e>[−-]?\d{1,3})(?!\d)")
_GLUED_WORD = re.compile(r"-([^\W\d_]+)")


#: words with a nationality's ending that are groups, not adjectives
_NOT_NATIONALITY = frozenset({"taliban"})


def _noun_after_nationalities(tokens: list[Token], pos: int, lex: Lexicon) -> Token | None:
    """The plural noun of "N <nationality> and M <nationality> <noun>", read from the first
    number (English; None for any other run of words)."""
    after = tokens_after(tokens, pos, 5)
    if len(after) < 5 or after[1].lower not in ("and", "or"):
        return None
    nat1, _, number, nat2, noun = after
    if not (_NATIONALITY.fullmatch(nat1.text) and _NATIONALITY.fullmatch(nat2.text)):
        return None
    if nat1.lower in _NOT_NATIONALITY:
        return None  # "4 Taliban and 2 Afghan soldiers": a group, not four soldiers
    if not (number.text.replace(",", "").isdigit() or lex.parse_number_words(number.lower)):
        return None
    low = noun.lower
    if (
        not noun.is_word
        or noun.is_capitalised
        or not _s_plural(low)
        or low in lex.stopwords
        or low in lex.event_verbs
    ):
        return None
    return noun


def _s_plural(low: str) -> bool:
    """A lower-case word with the plural's -s ("guards"; not "press", "boss")."""
    return low.endswith("s") and not low.endswith("ss")


def _noun_after_name_or_measure(tokens: list[Token], pos: int, lex: Lexicon) -> Token | None:
    """The plural noun after a model name with its number or after a measure: "63,000 Model
    3 sedans", "2.9 million 9-litre cases" (English; None when the run holds anything else)."""
    after = tokens_after(tokens, pos, 5)
    if len(after) < 3 or not (after[0].is_capitalised or after[0].text[:1].isdigit()):
        return None
    seen_digit = False
    for t in after:
        low = t.lower
        if t.text[:1].isdigit():
            seen_digit = True
            continue
        if t.text == "-" or (t.is_capitalised and t.is_word) or canonical_unit(low):
            continue
        if (
            seen_digit
            and t.is_word
            and len(low) > 2
            and _s_plural(low)
            and low not in lex.stopwords
            and low not in _NON_HEADS
            and low not in lex.event_verbs
        ):
            return t
        return None
    return None


def _after_plus(
    nm: NumberMention, pos: int, lex: Lexicon, tokens: list[Token], value: float
) -> NumberMention | None:
    """The count of "N-plus" (a lower bound): of the plural noun right after it, else none."""
    after = tokens_after(tokens, pos, 1)
    if not after or not after[0].is_word or after[0].is_capitalised:
        return None
    low = after[0].lower
    if not (_s_plural(low) or low in _IRREGULAR_PLURALS):
        return None
    return _count_head(nm, pos, lex, tokens, value)


def _count_head(
    nm: NumberMention, pos: int, lex: Lexicon, tokens: list[Token], value: float
) -> NumberMention | None:
    """Counted noun and governing event verb; None when nothing is counted (no count)."""
    nxt = tokens_after(tokens, pos, 2)
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[0].start == pos and nxt[1].lower == "plus":
        # "40-plus victims": a bound of the plural after it ("the 65-plus age group", "a
        # 40-plus crowd": an age bracket, no count)
        return _after_plus(nm, nxt[1].end, lex, tokens, value)
    glued = next((t for t in tokens if t.start < pos < t.end), None)
    if glued is not None and glued.lower.endswith("-plus") and pos == glued.end - 5:
        return _after_plus(nm, glued.end, lex, tokens, value)  # "four-plus seasons"
    if (
        len(nxt) == 2
        and nxt[0].text == "-"
        and nxt[0].start == pos
        and nxt[1].start == pos + 1
        and nxt[1].is_word
        and nxt[1].lower not in lex.event_verbs
        and nxt[1].lower not in lex.stopwords
    ):
        # "a 6.1-magnitude quake", "a 30-mile pursuit": the glued word is the unit.
        nm.head = _canon(nxt[1], lex)
        nm.end = max(nm.end, nxt[1].end)
        nm.slot_tokens = [nxt[1]]
        return nm
    inner = next((t for t in tokens if t.start < pos < t.end), None)
    if inner is not None and (gm := _GLUED_WORD.fullmatch(inner.text, pos - inner.start)):
        # "a six-speed gearbox", "a three-bed flat": one token; the word after "-" is counted.
        word = Token(gm.group(1), inner.start + gm.start(1), inner.end)
        if word.lower not in lex.event_verbs and word.lower not in lex.stopwords:
            nm.head = _canon(word, lex)
            nm.end = max(nm.end, inner.end)
            nm.slot_tokens = [word]
            return nm
    run, head, pre_verb = _head_run(tokens, pos, lex, value)
    if (
        head is None
        and lex.code == "en"
        and (shared := _noun_after_nationalities(tokens, pos, lex))
    ):
        # "9 Somali and 3 Kenyan sailors": the noun after the second nationality is what the
        # first number counts too; its verb is read as for any count, its span ends at the
        # nationality ("9 Somali"), so that the second number keeps its own
        head, run, pre_verb = shared, [], None
        span_end = tokens_after(tokens, pos, 1)[0].end
    else:
        span_end = None
    if head is None and lex.code == "en":
        named = _noun_after_name_or_measure(tokens, pos, lex)
        if named is not None:
            # the span stays the number's: a measure inside ("9-litre") is read on its own
            nm.head = _canon(named, lex)
            words = [t.text for t in tokens_after(tokens, pos, 5) if t.start < named.start]
            nm.phrase = re.sub(r"\s*-\s*", "-", " ".join([*words, nm.head]))
            nm.slot_tokens = [named]
            return nm
    if head is None:
        # "50 were injured", "dozens were killed": the people are implied.
        after = tokens_after(tokens, pos, 4)
        k = 0
        while k < len(after) and (
            after[k].lower in lex.auxiliaries or after[k].lower.endswith("ly")
        ):
            k += 1
        if (
            k < len(after)
            and after[k].lower in lex.event_verbs
            and lex.event_verbs[after[k].lower] not in _THING_VERBS
            and (k > 0 or after[k].is_capitalised)
        ):
            # "50 were injured"; headlines "Three Killed", "30 Hurt".
            nm.head = "person"
            nm.verb = lex.event_verbs[after[k].lower]
            nm.end = max(nm.end, after[k].end)
            nm.slot_tokens = [after[k]]
            return nm
        # Nothing counted after the number, an event verb before it: "Gunman kills 2, wounds
        # 3", "killing 4 and injuring 30", "injured almost 50".
        left = tokens_before(tokens, nm.start)
        while left and left[-1].lower in _COUNT_MODIFIERS:
            left.pop()
        if (
            left
            and left[-1].lower in lex.event_verbs
            and lex.event_verbs[left[-1].lower] not in _THING_VERBS
            and not (
                after
                and after[0].is_word
                and after[0].lower not in lex.stopwords
                and not after[0].is_capitalised  # "kills 2, injures 4 POSTED: 0915 GMT"
            )
        ):
            nm.head = "person"
            nm.verb = lex.event_verbs[left[-1].lower]
            nm.slot_tokens = [left[-1]]
            return nm
        return None
    low = head.lower
    verb_tok: Token | None = pre_verb
    if (low in lex.event_verbs and not lex.nouns_capitalised) or (
        lex.nouns_capitalised and low in lex.event_verbs and not head.is_capitalised
    ):
        # "three dead", "12 injured": the people are implied.
        nm.head = "person"
        nm.end = max(nm.end, head.end)
        nm.verb = lex.event_verbs[low]
        nm.slot_tokens = [head]
        return nm
    # The span a reader sees for a count includes the counted noun: "300 residents".
    nm.end = max(nm.end, span_end or head.end)
    canonical = _canon(head, lex)
    if " " in canonical:  # lexicon maps straight to "person injured"
        nm.head, nm.verb = canonical.split(" ", 1)
        nm.slot_tokens = [head]
        return nm
    nm.head = canonical
    mods = [t.text for t in run if t.start < head.start and t is not pre_verb]
    nm.phrase = " ".join([*mods, canonical]) if mods else None
    if lex.code == "en" and canonical in _CHARGE_HEADS:
        # "two counts of first-degree murder", "one attempted murder charge": the charge is
        # what is counted ("murder count" and "kidnapping count" are two facts)
        what = _charge_of(tokens_after(tokens, head.end, 5), lex) or [
            m.lower() for m in mods if "degree" not in m.lower()
        ]
        if what:
            nm.head = f"{' '.join(what)} {canonical}"
    verb: str | None = lex.event_verbs.get(pre_verb.lower) if pre_verb else None
    after = tokens_after(tokens, head.end, 5)
    # Passive / reduced relative after the head: "residents were (safely) evacuated".
    k = 0
    while k < len(after) and (after[k].lower in lex.auxiliaries or after[k].lower.endswith("ly")):
        k += 1
    if verb is None and k < len(after):
        cand = after[k].lower
        suffered = _suffered(after[k + 1 :]) if lex.code == "en" and cand in _SUFFER else None
        if suffered:
            # "212 shops suffering heavy damage", "12 people suffered injuries": what
            # happened to them is the noun they suffered
            verb, verb_tok = suffered, after[k]
        elif said := _verb_word(cand, lex):
            verb, verb_tok = said, after[k]
    # Active verb or nominal event before the number: "evacuated 300", "evacuation of 300".
    left = tokens_before(tokens, nm.start)
    while left and left[-1].lower in lex.determiners:
        left.pop()
    if verb is None and left:
        cand = left[-1].lower
        if said := _verb_word(cand, lex):
            verb, verb_tok = said, left[-1]
        elif cand in lex.prepositions and len(left) >= 2:
            noun = left[-2].lower
            if noun in lex.nominal_events:
                verb, verb_tok = lex.nominal_events[noun], left[-2]
            elif noun in lex.event_verbs:  # Spanish "evacuaron a 450 vecinos"
                verb, verb_tok = lex.event_verbs[noun], left[-2]
    nm.verb = verb
    nm.slot_tokens = sorted([head, *([verb_tok] if verb_tok else [])], key=lambda t: t.start)
    return nm


#: English verbs of undergoing, and the event verb of the noun undergone after them
_SUFFER = frozenset({"suffer", "suffers", "suffered", "suffering", "sustain", "sustains",
                     "sustained", "sustaining"})  # fmt: skip
_SUFFERED = {"damage": "damaged", "injury": "injured", "injuries": "injured",
             "wounds": "injured", "burns": "injured"}  # fmt: skip


def _suffered(after: list[Token]) -> str | None:
    """The event verb of what a count suffered, within two words ("serious damage",
    "minor injuries"), or None."""
    for tok in after[:3]:
        if tok.lower in _SUFFERED:
            return _SUFFERED[tok.lower]
    return None


def _percent_head(
    text: str, s_end: int, nm: NumberMention, lex: Lexicon, tokens: list[Token]
) -> NumberMention:
    """'a 12 percent increase in prices' -> 'price increase'; 'unemployment rose to 5%'."""
    after = tokens_after(tokens, nm.end, 4)
    if after and after[0].is_word and not _no_head(after[0], lex):
        noun = after[0]
        if len(after) >= 3 and after[1].lower in lex.prepositions and after[2].is_word:
            obj = after[2]
            if not _no_head(obj, lex):
                nm.head = f"{_canon(obj, lex)} {_canon(noun, lex)}"
                nm.slot_tokens = [noun, obj]
                return nm
        nm.head = _canon(noun, lex)
        nm.slot_tokens = [noun]
        return nm
    # "a premium of 31 percent", "a turnout of about 60%": the noun the share is of
    before = tokens_before(tokens, nm.start)
    while before and before[-1].lower in lex.hedges:
        before.pop()
    if (
        lex.code == "en"
        and len(before) >= 2
        and before[-1].lower == "of"
        and before[-2].is_word
        and not _no_head(before[-2], lex)
        and not before[-2].is_capitalised
    ):
        nm.head = _canon(before[-2], lex)
        nm.slot_tokens = [before[-2]]
        return nm
    if len(after) >= 2 and after[0].lower in lex.prepositions and after[0].lower != "to":
        k = 1
        while k < len(after) and after[k].lower in lex.determiners:
            k += 1
        if k < len(after) and after[k].is_word and not _no_head(after[k], lex):
            nm.head = _canon(after[k], lex)
            nm.slot_tokens = [after[k]]
            return nm
    return _clause_subject_head(nm, lex, tokens)


def _no_head(tok: Token, lex: Lexicon) -> bool:
    """A word that names nothing measured: a stop word, a scale word ("billion"), a weekday or
    a month ("1.2% on Monday"), or an English word of `_NON_HEADS` ("last", "up")."""
    low = tok.lower
    return (
        low in lex.stopwords
        or low in lex.weekdays
        or low in lex.months
        or low in _scales(lex)
        or (lex.code == "en" and low in _NON_HEADS)
        or lex.parse_number_words(low) is not None  # "$96 million over six years"
    )


def _money_head(
    text: str, s_end: int, nm: NumberMention, lex: Lexicon, tokens: list[Token]
) -> NumberMention:
    """'$1.2 million in damage' / 'a fine of €40,000' / 'damage estimated at $1.2m'."""
    pm = _PER.match(text, nm.end, s_end) if lex.code == "en" else None
    # "$40 per square metre in rent": the rate's denominator names nothing the sum is of
    after = tokens_after(tokens, pm.end() if pm else nm.end, 4)
    if lex.code == "en" and after and after[0].lower == "worth":
        # "$2.5 million worth of jewels": the jewels; "$2.5 million worth" alone: the clause
        after = after[2:] if len(after) > 2 and after[1].lower == "of" else []
        while after and after[0].lower in lex.determiners:
            after = after[1:]
    if lex.code == "en" and after and after[0].lower.endswith("ly") and after[0].lower != "only":
        after = []  # "$2.6 million early Saturday": an adverb names nothing
    if (
        len(after) >= 2
        and after[0].lower in lex.prepositions
        and after[0].lower not in ("to", "on", "at", "by")
    ):
        k = 1
        while k < len(after) and after[k].lower in lex.determiners:
            k += 1
        if k < len(after) and after[k].is_word and not _no_head(after[k], lex):
            nm.head = _canon(after[k], lex)
            nm.slot_tokens = [after[k]]
            return nm
    if (
        after
        and after[0].is_word
        and not _no_head(after[0], lex)
        and (after[0].is_capitalised or not lex.nouns_capitalised)
    ):
        nm.head = _canon(after[0], lex)
        nm.slot_tokens = [after[0]]
        return nm
    left = tokens_before(tokens, nm.start)
    if (
        len(left) >= 2
        and left[-1].lower in lex.prepositions
        and left[-2].is_word
        and not _no_head(left[-2], lex)
    ):
        subj, _verb = subject_and_verb(tokens, nm.start, lex)
        if left[-1].lower == "of" or subj is None:
            nm.head = _canon(left[-2], lex)
            nm.slot_tokens = [left[-2]]
            return nm
    if lex.code == "en" and left and (sum_noun := _SUM_VERBS.get(left[-1].lower)):
        # "was fined $5,000" is the fine, as "a $7,500 fine" is (not the subject's amount)
        nm.head = sum_noun
        nm.slot_tokens = [left[-1]]
        return nm
    return _clause_subject_head(nm, lex, tokens)


#: verbs right before a sum that name what the sum is (English): "fined $5,000" -> fine
_SUM_VERBS = {
    "fined": "fine",
    "fines": "fine",
    "donated": "donation",
    "donates": "donation",
    "bequeathed": "bequest",
    "embezzled": "theft",
    "stole": "theft",
    "stolen": "theft",
    "ransomed": "ransom",
}


def _clause_subject_head(nm: NumberMention, lex: Lexicon, tokens: list[Token]) -> NumberMention:
    """Head from the clause's subject (and its verb); verb-final clauses ("Der Schaden wird
    auf 2,3 Millionen Euro geschätzt") fall back to the subject noun; else "event"."""
    subj, verb = subject_and_verb(tokens, nm.start, lex)
    if subj is not None:
        nm.head = _canon(subj, lex)
        nm.slot_tokens = [t for t in (subj, verb) if t is not None]
        return nm
    head_tok = subject_head(tokens, nm.start, lex)
    if head_tok is not None:
        nm.head = _canon(head_tok, lex)
        nm.slot_tokens = [head_tok]
        return nm
    nm.head = "event"
    return nm


_ACRONYM_PLURAL = re.compile(r"([A-Z]{2,})['’]?s")


def _canon(tok: Token, lex: Lexicon) -> str:
    if m := _ACRONYM_PLURAL.fullmatch(tok.text):  # "KOs", "KO's", "MPs" -> "ko", "mp"
        return m.group(1).lower()
    return (
        lex.noun_heads.get(tok.lower)
        or UNIT_NAMES.get(tok.lower)
        or (UNIT_SYMBOLS.get(tok.text) if len(tok.text) > 1 else None)
        or lex.lemmatize(tok.text)
    )


#: verbs whose "to / for N years" is a prison term (English): "was sentenced to seven years",
#: "sentenced him to 20 years", "jailed for ten years" measure the sentence, not the subject
_SENTENCING = frozenset({"sentenced", "jailed", "imprisoned", "sentencing"})


def duration_head(nm: NumberMention, lex: Lexicon, tokens: list[Token]) -> str:
    """What a duration measures (see module doc of `claims.extract`)."""
    if nm.head == CLOCK_HEAD:  # `_game_clocks`: the time left in a game
        return CLOCK_HEAD
    if lex.code == "en":
        # "was sentenced to", "jailed him for", "sentenced former mayor Piet Arlen to": the
        # verb and its object, within the clause
        left = tokens_before(tokens, nm.start)[-12:]
        k = len(left) - 1
        while k > 0 and left[k - 1].text not in (",", ";", ":", "(", ")"):
            k -= 1
        left = left[k:]
        if len(left) >= 2 and left[-1].lower in ("to", "for"):
            verb = next((t for t in left[:-1] if t.lower in _SENTENCING), None)
            if verb is not None:
                nm.slot_tokens = [verb]
                return "sentence"
    # Pre-modifier: "a two-hour meeting", "the 90-minute talks".
    inside = [t for t in tokens if nm.start <= t.start < nm.end]
    after = tokens_after(tokens, nm.end, 3)
    # English writes "a two hour meeting" with a singular unit after a plural number; other
    # languages' unit surfaces never equal the canonical (English) unit name.
    singular_unit = bool(inside) and inside[-1].lower == nm.raw_unit and _is_multi(nm)
    hyphen = "-" in _span_text(tokens, nm) or bool(
        lex.unit_adjective_re and inside and re.search(lex.unit_adjective_re, inside[-1].lower)
    )
    if (
        hyphen
        and len(after) > 1
        and after[0].text == ","
        and after[1].text in CURRENCY_SYMBOLS
        and lex.code == "en"
    ):
        # "a six-year, $97 million deal": the sum between, then the noun both qualify
        rest = tokens_after(tokens, nm.end, 8)[1:]
        k = 0
        while k < len(rest) and (
            not rest[k].is_word
            or rest[k].text[:1].isdigit()
            or rest[k].lower in _scales(lex)
            or rest[k].lower in lex.currency_words
        ):
            k += 1
        if 0 < k < len(rest) and rest[k].lower not in lex.stopwords:
            nm.slot_tokens = [rest[k]]
            return _canon(rest[k], lex)
    if after and (hyphen or singular_unit):
        for t in after:
            if not t.is_word or t.lower in lex.stopwords:
                break
            if lex.nouns_capitalised:
                if not t.is_capitalised:
                    continue  # an adjective: "zweistündigen hitzigen Debatte"
                nm.slot_tokens = [t]
                return _canon(t, lex)
            nxt = after[after.index(t) + 1] if after.index(t) + 1 < len(after) else None
            if (
                nxt is not None
                and nxt.is_word
                and nxt.lower not in lex.stopwords
                and not t.lower.endswith("s")
            ):
                continue
            nm.slot_tokens = [t]
            return _canon(t, lex)
    subj, verb = subject_and_verb(tokens, nm.start, lex)
    head_tok = subject_head(tokens, nm.start, lex) or subj
    if head_tok is not None:
        nm.slot_tokens = sorted(
            {head_tok, *([verb] if verb is not None else [])}, key=lambda t: t.start
        )
        noun = lex.verb_nouns.get(verb.lower) if verb is not None else None
        base = _canon(head_tok, lex)
        if noun and noun in ("closure", "delay", "suspension", "blockage"):
            return f"{base} {noun}"
        return base
    det = nearest_determined_noun(tokens, nm.start, lex)
    if det is not None:
        nm.slot_tokens = [det]
        return _canon(det, lex)
    return "event"


def _span_text(tokens: list[Token], nm: NumberMention) -> str:
    return " ".join(t.text for t in tokens if nm.start <= t.start < nm.end)


def _is_multi(nm: NumberMention) -> bool:
    raw = nm.raw_value
    return isinstance(raw, float) and raw != 1.0


APPROXIMATE = APPROX
