"""MinHash signatures and LSH band keys for near-duplicate candidates (datasketch MinHash).

A body is the set of its word 5-gram shingles (`corroborator.provenance.copies.shingles`).
Two bodies' MinHash signatures agree in each of the NUM_PERM positions with probability equal
to their Jaccard similarity J. The signature is cut into BANDS bands of ROWS rows; two bodies
become candidates when any band is identical, with probability 1 - (1 - J^ROWS)^BANDS:

    J = 0.7 -> 1.00, 0.5 -> 0.94, 0.4 -> 0.75, 0.2 -> 0.16, 0.05 -> 0.003

so copies and lightly edited syndication (J >= 0.5) are nearly always found, while unrelated
articles rarely even become candidates. Candidates are then confirmed when the estimated J
(share of equal signature positions) is at least NEAR_DUPLICATE_JACCARD. Band keys are stored
in the corpus store, so lookups cost one indexed query per band: nothing is quadratic.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from corroborator.provenance.copies import shingles

NUM_PERM = 63
BANDS = 21
ROWS = 3
NEAR_DUPLICATE_JACCARD = 0.5
SEED = 1


@lru_cache(maxsize=1)
def _template() -> object:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def signature(text: str) -> np.ndarray:
    """MinHash signature (NUM_PERM uint32 values) of the body's 5-gram shingle set."""
    from datasketch import MinHash

    template = _template()
    mh = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        permutations=template.permutations,  # type: ignore[attr-defined]
        scheme=template.scheme,  # type: ignore[attr-defined]
    )
    grams = sorted(shingles(text))
    if grams:
        mh.update_batch([g.encode("utf-8") for g in grams])
    return np.asarray(mh.hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, key) pairs: key is a signed 63-bit hash of the band's rows (fits SQLite INTEGER)."""
    raw = np.asarray(sig, dtype="<u4")
    out = []
    for band in range(BANDS):
        chunk = raw[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal positions)."""
    if a.shape != b.shape or a.size == 0:
        return 0.0
    return float(np.mean(a == b))
