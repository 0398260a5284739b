"""Shared fixtures: the demo corpus report is built once per test session (model load ~1 s)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
DEMO = sorted((ROOT / "examples" / "fire").iterdir())


@pytest.fixture(scope="session")
def demo_paths() -> list[Path]:
    return DEMO


@pytest.fixture(scope="session")
def demo_report():  # type: ignore[no-untyped-def]
    from corroborator.ingest.readers import read_inputs
    from corroborator.pipeline import build_report

    return build_report(read_inputs(DEMO))
