"""Builders shared by the lexicons: spelled-number grammars and calendar names.

Spelled numbers in French, Spanish, Polish and Russian follow one additive grammar: unit words
(0-999 as single words, including inflected forms such as Polish "dwóch"/"dwustu" or Russian
"двух"/"трёхсот"), an optional "hundred" multiplier (French "cent"), scale words that close a
group ("mille", "mil", "tysiące", "тысяч", "millions") and joiners to skip ("et", "y").
`number_grammar` turns such tables into the (regex, parser) pair a `Lexicon` needs.

Month and weekday names come from dateparser's per-language tables (its data modules only:
importing them costs ~0.1 s once, when a lexicon is first used, never at CLI start), with
inflected forms the tables lack added by each lexicon.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping

from corroborator.claims.numbers import words_to_number
from corroborator.text.calendar import MONTHS, WEEKDAYS

#: Duration units shared by every language: (canonical name, seconds). Months are 30 days
#: and years 365 days (see claims/quantities.py).
UNIT_SECONDS: dict[str, tuple[str, float]] = {
    "second": ("second", 1.0),
    "minute": ("minute", 60.0),
    "hour": ("hour", 3600.0),
    "day": ("day", 86400.0),
    "week": ("week", 7 * 86400.0),
    "month": ("month", 30 * 86400.0),
    "year": ("year", 365 * 86400.0),
    "decade": ("decade", 3650 * 86400.0),
}

_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS


def number_grammar(
    units: Mapping[str, float],
    multipliers: Mapping[str, float],
    scales: Mapping[str, float],
    joiners: tuple[str, ...] = (),
    lead_re: str = "",
) -> tuple[str, Callable[[str], float | None]]:
    """Regex for one spelled number phrase, and its parser.

    `lead_re` is an optional word allowed only before a multiplier or scale ("un millón",
    "a hundred"): it is never a number on its own because it is also the indefinite article.
    """
    words = sorted({*units, *multipliers, *scales}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    big = "|".join(re.escape(w) for w in sorted({*multipliers, *scales}, key=len, reverse=True))
    join = "|".join(re.escape(j) for j in joiners)
    sep = rf"(?:\s+(?:{join})\s+|[\s-]+)" if joiners else r"[\s-]+"
    lead = rf"(?:{lead_re}\s+(?=(?:{big})\b))?" if lead_re and big else ""
    regex = rf"{lead}(?<![\w-])(?:{alt})(?:{sep}(?:{alt}))*(?![\w-])"
    low_units = {k.lower(): float(v) for k, v in units.items()}
    low_mult = {k.lower(): float(v) for k, v in multipliers.items()}
    low_scales = {k.lower(): float(v) for k, v in scales.items()}
    skip = {j.lower() for j in joiners}
    lead_pat = re.compile(rf"^(?:{lead_re})\s+", re.IGNORECASE) if lead_re else None

    def parse(phrase: str) -> float | None:
        text = phrase.lower().strip()
        if lead_pat is not None:
            text = lead_pat.sub("", text)
        toks: list[str] = []
        for raw in text.split():
            if raw in low_units or raw in low_mult or raw in low_scales:
                toks.append(raw)
            else:
                toks.extend(_hyphen_units(raw, low_units))
        toks = [t for t in toks if t not in skip]
        return words_to_number(toks, low_units, low_scales, low_mult)

    return regex, parse


def _hyphen_units(raw: str, units: Mapping[str, float]) -> list[str]:
    """The parts of a hyphenated number word, a hyphenated unit kept whole, longest first:
    "quatre-vingt-dix-neuf" -> ["quatre-vingt", "dix-neuf"] (80 + 19), not four parts."""
    parts = [t for t in raw.split("-") if t]
    out: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i + 1, -1):
            joined = "-".join(parts[i:j])
            if joined in units:
                out.append(joined)
                i = j
                break
        else:
            out.append(parts[i])
            i += 1
    return out


def calendar_names(code: str) -> tuple[dict[str, int], dict[str, int]]:
    """(months, weekdays) from dateparser's tables for `code`: lower-case surface -> number
    (months 1-12, weekdays 0-6). Abbreviations are left out — forms of three letters or fewer,
    and forms that start a longer name of the same month (French "sept" is also "seven",
    Spanish "mar" is "sea"); inflections one or two letters longer ("март"/"марта") stay."""
    info: Mapping[str, object] = importlib.import_module(
        f"dateparser.data.date_translation_data.{code}"
    ).info
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for table, names, base in ((months, _MONTHS, 1), (weekdays, _WEEKDAYS, 0)):
        for k, name in enumerate(names):
            forms = info.get(name, [])
            assert isinstance(forms, list)
            lows = {str(f).lower() for f in forms}
            for low in sorted(lows):
                abbreviation = any(o.startswith(low) and len(o) - len(low) >= 3 for o in lows)
                if len(low) > 3 and not low.endswith(".") and not abbreviation:
                    table[low] = k + base
    return months, weekdays
