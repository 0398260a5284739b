"""Reading claim values: the period a date value names (shared by alignment and the matcher)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@lru_cache(maxsize=4096)
def date_interval(value: str) -> tuple[int, int] | None:
    """The days (proleptic ordinals, inclusive) an ISO-like date value covers: "2026", "2026-03",
    "2026-03-14", quarters "2026-Q3", halves "2026-H1", seasons "2026-SU" (winter runs into
    the next year), ISO weeks "2026-W11", decades "199X", centuries "19XX"; None otherwise."""

    def span(y0: int, m0: int, y1: int, m1: int) -> tuple[int, int]:
        y1, m1 = y1 + (m1 - 1) // 12, (m1 - 1) % 12 + 1
        end = date(y1 + (m1 == 12), m1 % 12 + 1, 1).toordinal() - 1
        return date(y0, m0, 1).toordinal(), end

    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v[:10]) and len(v) >= 10:
            d = date.fromisoformat(v[:10]).toordinal()
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", v):
            y, month = int(v[:4]), int(v[5:])
            return span(y, month, y, month)
        if re.fullmatch(r"\d{4}", v):
            return span(int(v), 1, int(v), 12)
        if mt := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(mt.group(1)), int(mt.group(2))
            return span(y, 3 * q - 2, y, 3 * q)
        if mt := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(mt.group(1)), int(mt.group(2))
            return span(y, 6 * h - 5, y, 6 * h)
        if mt := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, (m0, m1) = int(mt.group(1)), _SEASON_MONTHS[mt.group(2)]
            return span(y, m0, y, m1)
        if mt := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            start = date.fromisocalendar(int(mt.group(1)), int(mt.group(2)), 1).toordinal()
            return start, start + 6
        if mt := re.fullmatch(r"(\d{3})X", v):
            y = int(mt.group(1)) * 10
            return span(y, 1, y + 9, 12)
        if mt := re.fullmatch(r"(\d{2})XX", v):
            y = int(mt.group(1)) * 100
            return span(max(1, y), 1, y + 99, 12)
    except ValueError:
        return None
    return None
