"""Human unit formatting shared by every renderer."""

from __future__ import annotations

import pytest

from corroborator.model import Mention
from corroborator.report.units import (
    currency_code,
    format_date,
    format_duration,
    format_mention,
    format_money,
    format_number,
    format_value,
)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (5400, "1 h 30 min"),
        (2700, "45 min"),
        (7200, "2 h"),
        (45, "45 s"),
        (108000, "30 h"),
        (172800, "2 d"),
        (3 * 86400 + 3661, "3 d 1 h 1 min 1 s"),
        (0.25, "0.25 s"),
        (3 * 365 * 86400, "3 y"),
        (-60, "-1 min"),
    ],
)
def test_durations(seconds: float, expected: str) -> None:
    assert format_duration(seconds) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (1_200_000, "USD", "USD 1.2M"),
        (1_250_000_000, "EUR", "EUR 1.25B"),
        (950, "$", "USD 950"),
        (12_500, "£", "GBP 12,500"),
        (12.5, "PLN", "PLN 12.50"),
        (3_000_000_000_000, "JPY", "JPY 3T"),
        (100, None, "100"),
    ],
)
def test_money(amount: float, unit: str | None, expected: str) -> None:
    assert format_money(amount, unit) == expected


def test_currency_code_variants() -> None:
    assert currency_code("money:EUR") == "EUR"
    assert currency_code("€") == "EUR"
    assert currency_code("zł") == "PLN"
    assert currency_code("credits") == "credits"
    assert currency_code(None) is None


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2025-04-02", "2 Apr 2025"),
        ("2025-04", "Apr 2025"),
        ("2025", "2025"),
        ("2025-04-02T14:30:00+00:00", "2 Apr 2025 14:30 UTC"),
        ("2025-04-02T14:30:00+02:00", "2 Apr 2025 14:30 UTC+02:00"),
        ("next Tuesday", "next Tuesday"),
        ("2025-13", "2025-13"),
    ],
)
def test_dates(iso: str, expected: str) -> None:
    assert format_date(iso) == expected


def test_numbers() -> None:
    assert format_number(300.0) == "300"
    assert format_number(1234567) == "1,234,567"
    assert format_number(12500.5) == "12,500.5"
    assert format_number(0.1 + 0.2) == "0.3"


def test_format_value_by_kind() -> None:
    assert format_value(5400, "s", kind="duration", approximate=True) == "~1 h 30 min"
    assert format_value(90, "min", kind="duration") == "1 h 30 min"
    assert format_value(12.5, "%", kind="percentage") == "12.5%"
    assert format_value(300, None, kind="quantity") == "300"
    assert format_value(120, "mm", kind="quantity") == "120 mm"
    assert format_value(21, "°C") == "21°C"
    assert format_value("2025-04-02", None, kind="date") == "2 Apr 2025"
    assert format_value(None, None, kind="quantity", low=300) == "≥ 300"
    assert format_value(None, None, kind="quantity", high=50) == "≤ 50"
    assert format_value(None, "s", kind="duration", low=3600, high=7200) == "1 h–2 h"
    # "hundreds of thousands of dollars": its band, not "~" its floor
    vague = format_value(200000, "USD", kind="money", approximate=True, low=200000, high=999999)
    assert vague == format_value(None, "USD", kind="money", low=200000, high=999999)
    assert "–" in vague and not vague.startswith("~")
    assert format_value(40, None, kind="quantity", approximate=True, low=36, high=44) == "~40"
    assert format_value(None, None) == "—"
    long_quote = "word " * 60
    shown = format_value(long_quote, None, kind="quote")
    assert shown.startswith("“word") and shown.endswith("…”") and len(shown) <= 122


def test_format_mention_uses_its_flags() -> None:
    m = Mention("a1", "about 45 minutes", "s", 0, 16, 2700, "s", True)
    assert format_mention(m, "duration") == "~45 min"
