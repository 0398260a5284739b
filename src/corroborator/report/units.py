"""Human-readable values: the one place that turns normalised claim values into words.

Claims carry values in normalised units (durations in seconds, money as an amount with a
currency code in `unit`, dates as ISO 8601 strings, percentages with unit "%"). Readers want
"1 h 30 min", "USD 1.2M" and "2 Apr 2025". Every renderer (terminal, Markdown, HTML) calls
`format_value` so the same claim reads the same everywhere.

Formatting never raises: a value we do not understand is shown as given.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from corroborator.model import Mention, is_number, is_vague_band
from corroborator.text.calendar import WEEKDAYS

_MINUTE = 60.0
_HOUR = 3600.0
_DAY = 86400.0
# A Julian year: extractors may map "three years" to 3 * 365 or 3 * 365.25 days; both round
# to "3 y" at one decimal, which is all a reader needs for durations that long.
_YEAR = 365.25 * _DAY

# Seconds per duration unit, for extractors that leave a duration in a non-second unit.
_DURATION_UNITS = {
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "min": _MINUTE,
    "minute": _MINUTE,
    "minutes": _MINUTE,
    "h": _HOUR,
    "hour": _HOUR,
    "hours": _HOUR,
    "d": _DAY,
    "day": _DAY,
    "days": _DAY,
}

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "zł": "PLN",
    "Kč": "CZK",
    "₴": "UAH",
    "₺": "TRY",
}
_CURRENCY_CODE = re.compile(r"\b([A-Z]{3})\b")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Quotes and attributions carry whole clauses as values; terminal and table cells show at
# most this many characters of them (the full text is always in the mention span).
QUOTE_PREVIEW_CHARS = 120


def format_number(x: float) -> str:
    """Format a count: thousands separators, integral floats as integers, no float noise.

    Values of 1000 and more keep at most two decimals ("12,500.5"); smaller values keep up to
    six significant digits ("0.333333") so a score or a small ratio stays readable.
    """
    if not math.isfinite(x):
        return str(x)
    if float(x).is_integer():
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:.6g}"


def format_duration(seconds: float) -> str:
    """Seconds -> "1 h 30 min", "45 min", "30 h", "2 d", "4 d 12 h", "3 y".

    Below a year every non-zero component (d, h, min, s) is shown, so nothing the source said
    is hidden; from one year on the value is shown in years with one decimal, because a
    component split like "3 y 18 h" only reflects how the extractor counted a year.
    """
    if not math.isfinite(seconds):
        return str(seconds)
    sign = "-" if seconds < 0 else ""
    rest = abs(seconds)
    if rest >= _YEAR * 0.995:
        return f"{sign}{format_number(round(rest / _YEAR, 1))} y"
    if rest < 1:
        return f"{sign}{format_number(round(rest, 3))} s"
    total = round(rest)
    # Days only when they read better than hours: whole days ("2 d") or three days and more
    # ("4 d 12 h"); "about 30 hours" stays "30 h" as a reader would say it.
    use_days = total % int(_DAY) == 0 or total >= 3 * int(_DAY)
    sizes = ((int(_DAY), "d"),) if use_days else ()
    parts: list[str] = []
    for size, label in (*sizes, (int(_HOUR), "h"), (int(_MINUTE), "min"), (1, "s")):
        n, total = divmod(total, size)
        if n:
            parts.append(f"{n} {label}")
    return sign + " ".join(parts)


def currency_code(unit: str | None) -> str | None:
    """The ISO 4217 code in a money unit ("USD", "$", "money:EUR"), or the unit as given."""
    if not unit:
        return None
    unit = unit.strip()
    if unit in _CURRENCY_SYMBOLS:
        return _CURRENCY_SYMBOLS[unit]
    match = _CURRENCY_CODE.search(unit)
    return match.group(1) if match else unit


def format_money(amount: float, unit: str | None) -> str:
    """Amount + currency -> "USD 1.2M", "EUR 950", "GBP 12,500", "JPY 3.5B".

    From a million on, amounts use M/B/T with up to three decimals (trailing zeros dropped):
    news figures are rounded already, and "USD 1.25M" is what a reader compares.
    """
    code = currency_code(unit)
    prefix = f"{code} " if code else ""
    if not math.isfinite(amount):
        return f"{prefix}{amount}"
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if a >= size:
            scaled = f"{a / size:.3f}".rstrip("0").rstrip(".")
            return f"{prefix}{sign}{scaled}{suffix}"
    if float(a).is_integer():
        return f"{prefix}{sign}{int(a):,}"
    return f"{prefix}{sign}{a:,.2f}"


def format_date(value: str) -> str:
    """ISO 8601 -> "2 Apr 2025" (day), "Apr 2025" (month), "2025" (year), with time if given.

    Anything that is not ISO 8601 is returned unchanged, so nothing is hidden.
    """
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return text
    weekday = re.fullmatch(r"XXXX-WXX-([1-7])", text)  # a weekday whose week is not known
    if weekday:
        return WEEKDAYS[int(weekday.group(1)) - 1][:3].title()
    yearless = re.fullmatch(r"XXXX-(\d{2})-(\d{2})", text)  # a day whose year is not known
    if yearless and 1 <= int(yearless.group(1)) <= 12:
        return f"{int(yearless.group(2))} {_MONTHS[int(yearless.group(1)) - 1]}"
    month_only = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if month_only:
        month = int(month_only.group(2))
        if 1 <= month <= 12:
            return f"{_MONTHS[month - 1]} {month_only.group(1)}"
        return text
    try:
        if len(text) == 10:
            d = date.fromisoformat(text)
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        dt = datetime.fromisoformat(text)
    except ValueError:
        return text
    day = f"{dt.day} {_MONTHS[dt.month - 1]} {dt.year}"
    clock = f"{dt.hour:02d}:{dt.minute:02d}"
    zone = dt.strftime("%z")
    if zone:
        zone = " UTC" if zone == "+0000" else f" UTC{zone[:3]}:{zone[3:]}"
    return f"{day} {clock}{zone}"


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= QUOTE_PREVIEW_CHARS:
        return flat
    return flat[: QUOTE_PREVIEW_CHARS - 1].rstrip() + "…"


def _format_scalar(value: float, unit: str | None, kind: str | None) -> str:
    """One number in its unit, chosen by claim kind first and by unit second."""
    u = (unit or "").strip()
    if kind == "duration" or (kind is None and u in _DURATION_UNITS):
        return format_duration(value * _DURATION_UNITS.get(u, 1.0))
    if kind == "money" or (kind is None and u in _CURRENCY_SYMBOLS):
        return format_money(value, unit)
    if u == "%" or kind == "percentage":
        return f"{format_number(value)}%" if u in ("%", "") else f"{format_number(value)} {u}"
    if not u or u in ("count", "1"):
        return format_number(value)
    if u in ("°C", "°F", "°"):
        return f"{format_number(value)}{u}"
    if u == "m" and abs(value) >= 1000:  # distances in base metres (corroborator.units)
        return f"{format_number(round(value / 1000, 1))} km"
    if u in ("m", "kg", "km/h", "l", "m2"):  # converted values: a reader wants 3 digits
        return f"{format_number(float(f'{value:.3g}'))} {u}"
    return f"{format_number(value)} {u}"


def format_value(
    value: float | str | None,
    unit: str | None = None,
    *,
    kind: str | None = None,
    approximate: bool = False,
    low: float | None = None,
    high: float | None = None,
) -> str:
    """The human reading of one claim value, e.g. "~45 min", "USD 1.2M", "≥ 300", "2 Apr 2025".

    `approximate` adds "~"; an open bound ("more than 300": low=300, value None) reads
    "≥ 300"; a closed interval with no point value reads "300–500", and so does a vague plural
    whose band starts at its value and spans a factor of two or more ("dozens": 24–119). Quotes and attributions
    are shown quoted and shortened to `QUOTE_PREVIEW_CHARS`.
    """
    if isinstance(value, str):
        if kind == "date" or (kind is None and re.fullmatch(r"\d{4}(-\d{2}){0,2}(T.*)?", value)):
            text = format_date(value)
        elif kind in ("quote", "attribution"):
            text = f"“{_preview(value)}”"
        else:
            text = _preview(value)
        return f"~{text}" if approximate else text
    lo = float(low) if is_number(low) and low is not None else None
    hi = float(high) if is_number(high) and high is not None else None
    if is_number(value):
        assert value is not None
        if lo is not None and hi is not None and is_vague_band(value, lo, hi, approximate):
            # a vague plural ("hundreds of thousands", "dozens"): its band, not "~" its floor
            return f"{_format_scalar(lo, unit, kind)}–{_format_scalar(hi, unit, kind)}"
        text = _format_scalar(float(value), unit, kind)
        return f"~{text}" if approximate else text
    if lo is not None and hi is not None:
        return f"{_format_scalar(lo, unit, kind)}–{_format_scalar(hi, unit, kind)}"
    if lo is not None:
        return f"≥ {_format_scalar(lo, unit, kind)}"
    if hi is not None:
        return f"≤ {_format_scalar(hi, unit, kind)}"
    return "—"


def format_mention(mention: Mention, kind: str | None = None) -> str:
    """`format_value` applied to a mention's own value, unit, bounds and approximation flag."""
    return format_value(
        mention.value,
        mention.unit,
        kind=kind,
        approximate=mention.approximate,
        low=mention.low,
        high=mention.high,
    )
