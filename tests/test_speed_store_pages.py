"""Sentence vectors kept by `ingest` behind the setting `ingest.store_vectors`, read back by
`reanalyse`, with 16 KB pages for new store files: the same store either way; a file made
with 4 KB pages keeps them and still works. Corpus: tests/equivalence_corpus (our texts)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from corroborator.cli import app
from corroborator.corpus.reanalyse import reanalyse
from corroborator.embed import CachedEmbedder, Embedder, default_embedder
from corroborator.store import SQLiteStore, open_store
from equivalence_corpus import canonical_export, write_corpus


def _page_size(db: Path) -> int:
    raw = sqlite3.connect(db)
    try:
        return int(raw.execute("PRAGMA page_size").fetchone()[0])
    finally:
        raw.close()


def test_new_stores_get_16k_pages_with_the_setting_and_keep_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain.db"
    SQLiteStore(plain).close()
    assert _page_size(plain) == 4096  # SQLite's default: the setting is off
    monkeypatch.setenv("CORROBORATOR_INGEST_STORE_VECTORS", "1")
    big = tmp_path / "big.db"
    SQLiteStore(big).close()
    assert _page_size(big) == 16384
    store = SQLiteStore(plain)  # a file made before keeps its pages, and still works
    assert store.integrity_check() == "ok" and not store.holds_text_vectors()
    store.text_vectors()  # the table is made on request
    assert store.holds_text_vectors()
    store.close()
    monkeypatch.delenv("CORROBORATOR_INGEST_STORE_VECTORS")
    assert _page_size(plain) == 4096
    store = SQLiteStore(big)
    assert store.integrity_check() == "ok"
    store.close()
    assert _page_size(big) == 16384


def _ingest(corpus: Path, db: Path) -> None:
    args = ["ingest", str(corpus), "--db", str(db), "--workers", "0", "--batch-size", "3"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output


def _vectors(db: Path) -> int:
    store = SQLiteStore(db, create=False)
    try:
        return len(store.text_vectors()) if store.holds_text_vectors() else 0
    finally:
        store.close()


def test_stored_vectors_change_no_result_and_reanalyse_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "in")
    plain, kept = tmp_path / "plain.db", tmp_path / "kept.db"
    _ingest(corpus, plain)
    assert _vectors(plain) == 0  # off by default: no table
    monkeypatch.setenv("CORROBORATOR_INGEST_STORE_VECTORS", "1")
    _ingest(corpus, kept)
    monkeypatch.delenv("CORROBORATOR_INGEST_STORE_VECTORS")
    stored = _vectors(kept)
    assert stored > 0
    expected = canonical_export(plain, tmp_path / "plain")
    assert canonical_export(kept, tmp_path / "kept") == expected
    # the setting is off now: reanalyse reads the vectors of a store that has them, and
    # leaves a store without them as it is; the same store either way
    asked = {}
    for db in (plain, kept):
        model = _Counting(default_embedder())
        store = open_store(db)
        try:
            reanalyse(store, "full", embedder=CachedEmbedder(model))
        finally:
            store.close()
        asked[db] = len(model.encoded)
        assert canonical_export(db, tmp_path / f"again-{db.stem}") == expected
    assert _vectors(plain) == 0 and _vectors(kept) == stored
    assert asked[plain] > 0 and asked[kept] == 0


class _Counting:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return self.inner.encode(texts)
