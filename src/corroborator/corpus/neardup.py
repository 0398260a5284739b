"""Near-duplicates of an ingest batch: which articles are copies of a stored article or of
an earlier one in the same batch (MinHash + LSH, `corpus.minhash`).

A near-duplicate joins its original's story whatever its own vector says and takes its
original's vector, so it is not embedded: on a crawl full of syndicated copies that is most
of the embedding work (`jobs.ingest`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from corroborator.corpus.minhash import NEAR_DUPLICATE_JACCARD, band_keys, from_bytes, jaccard
from corroborator.model import Article
from corroborator.store.base import Store


@dataclass
class NearDuplicates:
    """What `find_near_duplicates` found for the articles of one batch (by position)."""

    bands: list[list[tuple[int, int]]] = field(default_factory=list)  # LSH keys per article
    forced: dict[str, str] = field(default_factory=dict)  # near-dup -> its original's story
    follow: dict[str, str] = field(default_factory=dict)  # near-dup -> original in this batch
    original: dict[int, str | int] = field(default_factory=dict)  # -> stored id / batch index
    count: int = 0


def find_near_duplicates(
    store: Store,
    articles: Sequence[Article],
    sigs: Sequence[np.ndarray],
    threshold: float = NEAR_DUPLICATE_JACCARD,
) -> NearDuplicates:
    """Each article's best original (highest estimated Jaccard at or above `threshold`,
    setting `provenance.near_duplicate`) among the stored articles sharing an LSH band and
    the earlier articles of this batch."""
    out = NearDuplicates(bands=[band_keys(sig) for sig in sigs])
    stored = store.lsh_lookup([k for b in out.bands for k in b])
    stored_sigs = store.signatures(sorted({i for ids in stored.values() for i in ids}))
    local: dict[tuple[int, int], list[int]] = {}
    for n, (art, sig) in enumerate(zip(articles, sigs, strict=True)):
        best: tuple[float, str, str | None, int] | None = None  # (J, id, story, index)
        seen_stored: set[str] = set()  # a candidate sharing several bands is scored once
        seen_local: set[int] = set()
        for key in out.bands[n]:
            for other in stored.get(key, []):
                if other in seen_stored:
                    continue
                seen_stored.add(other)
                j = jaccard(sig, from_bytes(stored_sigs[other][0]))
                if j >= threshold and (best is None or (j, other) > best[:2]):
                    best = (j, other, stored_sigs[other][1], -1)
            for m in local.get(key, []):
                if m in seen_local:
                    continue
                seen_local.add(m)
                j = jaccard(sig, sigs[m])
                if j >= threshold and (best is None or j > best[0]):
                    best = (j, articles[m].id, None, m)
            local.setdefault(key, []).append(n)
        if best is not None:
            out.count += 1
            if best[2] is None:
                out.follow[art.id] = best[1]
                out.original[n] = best[3]
            else:
                out.forced[art.id] = best[2]
                out.original[n] = best[1]
    return out
