"""Group articles into stories (one real-world event each), across languages.

Each article is represented by the multilingual embedding of its title and lead (the first
sentences, where news writing puts the who/what/where) and by its "anchors": capitalised
words and numbers, which survive translation (place and person names) and tell apart two
events of the same type (two different fires) that embeddings alone would confuse.

Clustering is average-linkage agglomerative: two clusters merge only while the *average*
similarity between their members stays above the threshold, so one bridging article cannot
chain two events together (single-linkage would). The thresholds mean:

- STORY_THRESHOLD: combined similarity above which two articles report the same event
  (chosen on ECB+ train topics, see bench/stories_eval.py and bench/RESULTS.md).
  USE puts translations of one text at ~0.8 cosine and unrelated news at ~0.1; separate
  reports of one event with different wording typically land at 0.45-0.75.
- ANCHOR_WEIGHT: how much shared names/numbers add to (or their absence subtracts from) the
  embedding cosine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from corroborator.embed import Embedder
from corroborator.model import Article

STORY_THRESHOLD = 0.7
ANCHOR_WEIGHT = 0.6
LEAD_SENTENCES = 3
LEAD_CHARS = 600

_ANCHOR = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’-]{2,}")


def lead_text(article: Article) -> str:
    """Title plus the first sentences: the part of a news text that names the event."""
    if article.sentences:
        lead = " ".join(s.text for s in article.sentences[:LEAD_SENTENCES])
    else:
        lead = article.text
    return f"{article.title}. {lead[:LEAD_CHARS]}".strip()


def anchors(article: Article) -> set[str]:
    """Capitalised tokens not at a sentence start (names survive translation) in title+lead."""
    found: set[str] = set()
    text = f"{article.title}\n" + " ".join(s.text for s in article.sentences[: LEAD_SENTENCES + 3])
    for m in _ANCHOR.finditer(text):
        start = m.start()
        before = text[max(0, start - 2) : start]
        if start == 0 or before.endswith(("\n", ". ", "! ", "? ", '" ', "„")):
            continue
        found.add(m.group(0).lower())
    return found


def similarity_matrix(articles: Sequence[Article], embedder: Embedder) -> np.ndarray:
    vectors = embedder.encode([lead_text(a) for a in articles])
    sim = vectors @ vectors.T
    anchor_sets = [anchors(a) for a in articles]
    n = len(articles)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = anchor_sets[i], anchor_sets[j]
            if a and b:
                overlap = len(a & b) / min(len(a), len(b))
                bonus = ANCHOR_WEIGHT * (overlap - 0.2)
                sim[i, j] += bonus
                sim[j, i] += bonus
    return np.asarray(sim, dtype=np.float64)


def average_linkage(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Clusters of row indexes; merges the closest pair of clusters while avg sim >= threshold.

    Ties break on the lowest indexes, so the result is deterministic. Cost is O(n^3) for n
    articles: fine for `compare` (tens of articles); corpus mode uses candidate retrieval.
    """
    clusters: list[list[int]] = [[i] for i in range(sim.shape[0])]
    while len(clusters) > 1:
        best = (-np.inf, 0, 0)
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                score = float(sim[np.ix_(clusters[x], clusters[y])].mean())
                if score > best[0] + 1e-12:
                    best = (score, x, y)
        score, x, y = best
        if score < threshold:
            break
        clusters[x] = sorted(clusters[x] + clusters[y])
        del clusters[y]
    return sorted(clusters, key=lambda c: c[0])


def cluster_stories(
    articles: Sequence[Article], embedder: Embedder, threshold: float = STORY_THRESHOLD
) -> list[list[str]]:
    """Article ids grouped by story, each list in input order, stories by first article."""
    if not articles:
        return []
    if len(articles) == 1:
        return [[articles[0].id]]
    sim = similarity_matrix(articles, embedder)
    return [[articles[i].id for i in c] for c in average_linkage(sim, threshold)]
