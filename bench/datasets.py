"""Where the third-party evaluation data lives (never copied into this repo)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """../shared/data beside the repository, or $CORROBORATOR_DATA."""
    env = os.environ.get("CORROBORATOR_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "data"


def dataset(name: str) -> Path | None:
    """The folder of one dataset, or None (and a printed reason) when it is absent."""
    path = data_dir() / name
    if not path.is_dir():
        print(f"skipped: dataset {name!r} not found at {path} (set CORROBORATOR_DATA)")
        return None
    return path
