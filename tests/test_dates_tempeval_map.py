"""bench/tempeval_eval.py: claims and TimeML-only readings mapped to TIMEX3 (fictional text)."""

from __future__ import annotations

import importlib
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def te(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT))
    return importlib.import_module("bench.tempeval_eval")


DOC = {
    "dct": "2025-04-02",
    "text": (
        "The ferry now sails daily. It sank on Monday night after a two-week storm, "
        "and the port has been closed for years."
    ),
}


def values(preds: list) -> dict[str, tuple[str, str]]:
    return {DOC["text"][p.start : p.end]: (p.type, p.value) for p in preds}


def test_timeml_readings_join_the_claims(te: ModuleType) -> None:
    got = values(te.our_predictions(DOC))
    assert got["now"] == ("DATE", "PRESENT_REF")
    assert got["daily"] == ("SET", "P1D")
    assert got["Monday night"] == ("TIME", "2025-03-31TNI")  # refines the claim "Monday"
    assert got["years"] == ("DURATION", "PXY")
    assert ("DURATION", "P2W") in got.values()


def test_claims_only_leaves_them_out(te: ModuleType) -> None:
    got = values(te.claims_only(DOC))
    assert got.get("Monday") == ("DATE", "2025-03-31")
    assert not {"now", "daily", "years", "Monday night"} & set(got)


def test_recognizers_values(te: ModuleType) -> None:
    ref = datetime(2026, 3, 4)
    wed = [
        {"timex": "XXXX-WXX-3TNI", "type": "datetimerange", "start": "2026-02-25 20:00:00"},
        {"timex": "XXXX-WXX-3TNI", "type": "datetimerange", "start": "2026-03-11 20:00:00"},
    ]
    assert te._rec_value(wed, ref) == ("TIME", "2026-02-25TNI")  # the past reading
    assert te._rec_value([{"timex": "P2W", "type": "duration"}], ref) == ("DURATION", "P2W")
    now = [{"timex": "PRESENT_REF", "type": "datetime", "value": "2026-03-04 00:00:00"}]
    assert te._rec_value(now, ref) == ("DATE", "PRESENT_REF")
    dec = [{"timex": "XXXX-12", "type": "daterange", "start": "2025-12-01"}]
    assert te._rec_value(dec, ref) == ("DATE", "2025-12")
    assert te._rec_value([], ref) is None


@pytest.mark.parametrize(
    ("seconds", "span", "value"),
    [
        (9000.0, "two and a half hours", "PT2H30M"),
        (47304000.0, "a year and a half", "P1Y6M"),
        (90.0, "a minute and a half", "PT1M30S"),
        (129600.0, "a day and a half", "P1DT12H"),
        (7200.0, "two hours", "PT2H"),
        (1209600.0, "two weeks", "P2W"),
    ],
)
def test_fractional_durations_split_into_units(
    te: ModuleType, seconds: float, span: str, value: str
) -> None:
    assert te.duration_value(seconds, span) == value
