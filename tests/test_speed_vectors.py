"""Sentence vectors kept in the corpus store (`text_vectors`): a later run reads them instead
of embedding again; a store without the table gets it when asked, and keeps its schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from corroborator.embed import CachedEmbedder, text_key, with_vectors
from corroborator.store import SCHEMA_VERSION, SQLiteStore


class LetterCounts:
    """A small real embedder (normalised letter counts) that counts the texts it encodes."""

    name = "letters"
    dim = 26

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
            out[i] /= max(1e-9, float(np.linalg.norm(out[i])))
        return out


TEXTS = [
    "The ferry to Kelsby was cancelled after the storm.",
    "Forty passengers waited at the harbour overnight.",
    "The ferry to Kelsby was cancelled after the storm.",  # a repeat: embedded once
]


def test_vectors_written_by_one_run_are_read_by_the_next(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = LetterCounts()
    store = SQLiteStore(db)
    emb = with_vectors(CachedEmbedder(first), store.text_vectors())
    vecs = emb.encode(TEXTS)
    assert first.encoded == TEXTS[:2]
    assert len(store.text_vectors()) == 2
    store.close()

    again = LetterCounts()
    store = SQLiteStore(db)
    emb2 = with_vectors(CachedEmbedder(again), store.text_vectors())
    assert isinstance(emb2, CachedEmbedder)
    assert emb2.missing(TEXTS) == []
    assert np.array_equal(emb2.encode(TEXTS), vecs)  # the same bytes, not recomputed
    assert again.encoded == []
    # Another model's vectors are not this one's.
    other = store.text_vectors().get_many("other-model", 26, [text_key(TEXTS[0])])
    assert other == {}
    store.close()


def test_with_vectors_leaves_a_disk_cache_or_a_plain_embedder_alone(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    plain = LetterCounts()
    assert with_vectors(plain, store.text_vectors()) is plain
    cached = CachedEmbedder(LetterCounts(), disk=store.text_vectors())
    assert with_vectors(cached, store.text_vectors()) is cached
    store.close()


def test_a_store_without_the_table_gets_it_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    SQLiteStore(db).close()
    tables = "SELECT name FROM sqlite_master WHERE type='table'"
    raw = sqlite3.connect(db)
    assert "text_vectors" not in {r[0] for r in raw.execute(tables)}  # opening adds nothing
    raw.close()
    store = SQLiteStore(db)
    assert store.schema_version() == SCHEMA_VERSION
    store.text_vectors().put_many("letters", {b"k" * 20: np.ones(26, dtype=np.float32)})
    got = store.text_vectors().get_many("letters", 26, [b"k" * 20, b"j" * 20])
    assert list(got) == [b"k" * 20]
    assert np.array_equal(got[b"k" * 20], np.ones(26, dtype=np.float32))
    assert store.text_vectors().get_many("letters", 25, [b"k" * 20]) == {}  # wrong size
    store.close()
