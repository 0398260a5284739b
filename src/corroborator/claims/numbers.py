"""Language-neutral number parsing and the hedge-to-interval rule.

Digit groups follow each language's separators: English "1,200.5", German "1.200,5", and thin or
no-break spaces ("1 200") everywhere. A string that fits neither grouping is read as plain
digits with the language's decimal separator. With `loose` (English), the stray space that bad
HTML-to-text conversion leaves after a separator is read through: "30, 000" -> 30000 (only
before exactly three digits), "6. 1" -> 6.1 (only after at most three digits).

Tolerances (why): news numbers are rounded, so an "about" value should still match a nearby
exact value from another outlet, but not a value twice as large.
  - counts, money, percentages: approximate -> value +- 10 %
  - durations: approximate -> value +- 15 % (durations are rounded more coarsely: "about two
    hours" is often 1 h 45)
  - "nearly N" / "almost N" / "close to N" -> [0.85 N, N]
  - "more than / over / at least N" -> low = N, high open; "fewer / less than / up to / at most N"
    -> high = N, low open
  - exact values -> low = high = value; ranges "between A and B" -> [A, B], value the midpoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborator.claims.lexicon import APPROX, LOWER, NEARLY, UPPER

TOLERANCE = {"duration": 0.15, "quantity": 0.10, "money": 0.10, "percentage": 0.10}
NEARLY_FACTOR = 0.85

_SPACES = ("\u00a0", "\u202f", "\u2009")


@lru_cache(maxsize=32)
def digit_pattern(thousands: tuple[str, ...], decimal: str, loose: bool = False) -> str:
    """Regex for a digit number with the given thousands separators and decimal mark.

    `loose`: a space may follow a thousands separator before a group of exactly three digits
    ("30, 000") and follow the decimal mark after at most three digits ("6. 1"), but not in a
    figure paired with the one before ("6-2, 220").
    """
    seps = "".join(re.escape(s) for s in (*thousands, *_SPACES))
    dec = re.escape(decimal)
    if not loose:
        return rf"(?:\d{{1,3}}(?:[{seps}]\d{{3}})+|\d+)(?:{dec}\d+)?"
    tight_seps = "".join(re.escape(s) for s in thousands)
    group = rf"(?:[{seps}]|[{tight_seps}] )\d{{3}}(?!\d)"
    # a figure paired with the one before ("6-2, 220-pound": a height, then a weight) is no
    # spaced thousands
    return (
        rf"(?:(?<!\d[-\u2013])\d{{1,3}}(?:{group})+(?:{dec}\d+)?"
        rf"|\d{{1,3}}(?:[{seps}]\d{{3}}(?!\d))+(?:{dec}\d+)?"
        rf"|\d{{1,3}}{dec} \d{{1,2}}(?!\d)"
        rf"|\d+(?:{dec}\d+)?)"
    )


def parse_digits(raw: str, thousands: tuple[str, ...], decimal: str) -> float | None:
    """Parse a digit string written with the language's separators; None if it is not one."""
    s = raw.replace(" ", "")
    for sep in (*thousands, *_SPACES):
        if sep != decimal:
            s = s.replace(sep, "")
    if decimal != ".":
        s = s.replace(decimal, ".")
    try:
        return float(s)
    except ValueError:
        return None


@dataclass(frozen=True)
class Bounds:
    value: float
    low: float | None
    high: float | None
    approximate: bool


def apply_hedge(value: float, hedge: str | None, kind: str) -> Bounds:
    """Turn a hedge class (see `claims.lexicon`) into the interval the wording allows."""
    tol = TOLERANCE.get(kind, 0.10)
    if hedge == APPROX:
        return Bounds(value, value * (1 - tol), value * (1 + tol), True)
    if hedge == NEARLY:
        return Bounds(value, value * NEARLY_FACTOR, value, True)
    if hedge == LOWER:
        return Bounds(value, value, None, False)
    if hedge == UPPER:
        return Bounds(value, None, value, False)
    return Bounds(value, value, value, False)


def range_bounds(low: float, high: float) -> Bounds:
    """'between 200 and 300' -> midpoint value, explicit bounds, approximate."""
    lo, hi = min(low, high), max(low, high)
    return Bounds((lo + hi) / 2, lo, hi, True)


def words_to_number(
    tokens: list[str],
    units: dict[str, float],
    scales: dict[str, float],
    multipliers: dict[str, float],
) -> float | None:
    """Classic left-to-right spelled-number parser: 'two hundred and five thousand' -> 205000.

    `units` hold 0..99 words, `multipliers` "hundred"/"dozen" (multiply the current group),
    `scales` thousand and up (close the current group). Returns None on an unknown token.
    """
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        if tok in ("and", "und", "-"):
            continue
        if tok in units:
            current += units[tok]
        elif tok in multipliers:
            current = (current or 1.0) * multipliers[tok]
        elif tok in scales:
            total += (current or 1.0) * scales[tok]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None
