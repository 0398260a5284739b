"""Candidate search for story assignment: HNSW (usearch) against exact search, at scale.

What is measured, for N open stories (the stories of the time window) and batches of 256
new articles, as `corpus.assign` uses it (top_k = 8 candidates per article):

* recall@8: the share of the exact top-8 stories (cosine to the centroid) that the HNSW
  shortlist also holds;
* best found: the share of articles whose exact best story is in the HNSW shortlist (the
  one that decides an assignment: the shortlist is re-scored exactly);
* ms per batch: exact search (one matrix product over every open centroid) against HNSW
  search, plus the HNSW upkeep of a batch (256 centroids moved: removed and re-added).

Vectors: USE title+lead embeddings of real articles (ECB+, NewsWCL50, MEANTIME, BASIL from
../shared/data; nothing saved), which are the queries; story centroids are those vectors
and, to reach N, normalised means of three random ones plus a little noise (real stories'
centroids are means of their members' vectors). Single thread on both sides.

Command: `.venv/bin/python -m bench.ann_recall [--sizes 5000,20000,100000]`.
"""

from __future__ import annotations

import sys
import time
from datetime import date

import numpy as np

from bench.corpus_throughput import base_articles
from bench.results import parse_args, parser, update_section
from corroborator.corpus.ann import ExactSearch, HnswSearch
from corroborator.corpus.work import embed_leads
from corroborator.store.base import StoryRow

BATCH = 256
TOP_K = 8
QUERIES = 1024


def _rows(vectors: np.ndarray) -> dict[str, StoryRow]:
    return {
        f"s{i:07d}": StoryRow(
            id=f"s{i:07d}",
            title="",
            size=1,
            first_day=100,
            last_day=100,
            vector_sum=v,
            anchors={},
        )
        for i, v in enumerate(vectors)
    }


def _leads(limit: int) -> np.ndarray:
    base = base_articles()[:limit]
    leads = [f"{a['title']}. {a['text'][:600]}" for a in base]
    return embed_leads(leads)


def main(argv: list[str] | None = None) -> int:
    ap = parser(__doc__, "python -m bench.ann_recall")
    ap.add_argument(
        "--sizes", default="5000,20000,100000", help="open stories per row, comma-separated"
    )
    sizes = [int(x) for x in parse_args(ap, argv).sizes.split(",")]
    try:
        import usearch.index  # noqa: F401
    except ImportError:
        print("skipped: usearch is not installed")
        return 0
    if not base_articles():
        print("skipped: no corpora found for real lead vectors")
        return 0
    t = time.perf_counter()
    real = _leads(QUERIES)
    print(f"{len(real)} real lead vectors in {time.perf_counter() - t:.0f} s")
    rng = np.random.default_rng(0)
    queries = real[:QUERIES]
    rows_out = []
    for n in sizes:
        extra = max(0, n - len(real))
        picks = rng.integers(0, len(real), size=(extra, 3))
        mixed = real[picks].mean(axis=1) + 0.02 * rng.standard_normal((extra, real.shape[1]))
        cents = np.vstack([real, mixed])[:n].astype(np.float32)
        cents /= np.linalg.norm(cents, axis=1, keepdims=True)
        stories = _rows(cents)
        hnsw = HnswSearch(cents.shape[1])
        t = time.perf_counter()
        hnsw.sync(stories)
        build = time.perf_counter() - t
        exact = ExactSearch()
        days = [100] * BATCH
        hit = best = total = 0
        t_exact = t_hnsw = 0.0
        batches = 0
        for start in range(0, len(queries), BATCH):
            q = queries[start : start + BATCH]
            d = days[: len(q)]
            t = time.perf_counter()
            want = exact.shortlist(stories, q, d, TOP_K, 7)
            t_exact += time.perf_counter() - t
            t = time.perf_counter()
            got = hnsw.shortlist(stories, q, d, TOP_K, 7)
            t_hnsw += time.perf_counter() - t
            sims = q @ cents.T
            for i, (g, w) in enumerate(zip(got, want, strict=True)):
                hit += len(set(g) & set(w))
                total += len(w)
                best += f"s{int(np.argmax(sims[i])):07d}" in g
            batches += 1
        # Upkeep: a batch moves 256 centroids (members joined); the next search re-adds them.
        moved = rng.choice(n, size=BATCH, replace=False)
        for i in moved:
            sid = f"s{int(i):07d}"
            stories[sid].vector_sum = stories[sid].vector_sum + 0.1 * cents[(int(i) + 1) % n]
            hnsw.changed(sid)
        t = time.perf_counter()
        hnsw.sync(stories)
        upkeep = time.perf_counter() - t
        row = (
            f"| {date.today().isoformat()} | {n} | {hit / total:.4f} | "
            f"{best / len(queries):.4f} | {1000 * t_exact / batches:.1f} | "
            f"{1000 * t_hnsw / batches:.1f} | {1000 * upkeep:.1f} | {build:.1f} |"
        )
        print(row, flush=True)
        rows_out.append(row)
    body = (
        __doc__.split("\n\n", 1)[1].split("Command:")[0].strip()
        + "\n\nCommand: `.venv/bin/python -m bench.ann_recall`. HNSW parameters: connectivity "
        "16, expansion add/search 128, 4x oversampling (see `corroborator.corpus.ann`).\n\n"
        "| date | open stories | recall@8 | best found | exact ms/batch | HNSW ms/batch | "
        "HNSW upkeep ms/batch | HNSW build s |\n|---|---|---|---|---|---|---|---|\n"
        + "\n".join(rows_out)
    )
    update_section("ann_recall (bench/ann_recall.py)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
