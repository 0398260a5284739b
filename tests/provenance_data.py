"""Shared test data for provenance tests: the fictional stories in tests/data/provenance and a
sentence encoder whose vectors do not depend on the batch they come in."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from corroborator.embed import USEEmbedder
from corroborator.model import Article

DATA = Path(__file__).resolve().parent / "data" / "provenance"


def load(name: str = "ferry.json", published: bool = True) -> list[Article]:
    """The articles of one story file (`published=False`: without their dates; a file may
    give neither dates nor removed furniture)."""
    rows = json.loads((DATA / name).read_text(encoding="utf-8"))
    return [
        Article(
            id=r["id"],
            source=r["id"],
            title=r["title"],
            language=r["language"],
            published=r.get("published") if published else None,
            text=r["text"],
            removed=r.get("removed", []),
        )
        for r in rows
    ]


class OneByOne:
    """USE with every text encoded alone, so a vector does not depend on the batch it came
    in (the model's flat micro-batches change the last bits), and a record of the texts."""

    name = "use-one-by-one"
    dim = 512

    def __init__(self) -> None:
        self.inner = USEEmbedder(threads=1)
        self.texts: list[str] = []
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        for t in texts:
            if t not in self._cache:
                self._cache[t] = self.inner.encode([t])[0]
        return np.vstack([self._cache[t] for t in texts]).astype(np.float32)
