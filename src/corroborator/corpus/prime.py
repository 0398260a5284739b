"""What the full analysis of some stories will embed, embedded beforehand on the executor.

The full analysis (`analysis.analyse_story`) embeds every sentence of the members of a story
that are in a pair passing provenance's candidate gate (`provenance.derive.sentence_members`;
a story of one article has no pair) and
the slot phrase and sentence of each value claim (claim alignment compares them,
`claim_texts`). `prime` sends the texts that have no vector yet to the executor (one task per
`SENTENCE_CHUNK` articles, one model call per article) and puts the vectors into this
process's cache, where the analysis finds them. Only with the default model (the workers hold
the same one); `ingest` and `reanalyse` call it before analysing.
"""

from __future__ import annotations

from collections.abc import Iterable

from corroborator.compare.align import count_head
from corroborator.corpus.work import Preparer
from corroborator.embed import CachedEmbedder, Embedder
from corroborator.model import Article
from corroborator.provenance.derive import sentence_members, sentence_texts
from corroborator.store.base import ArticleRow


def claim_texts(row: ArticleRow, article: Article) -> list[str]:
    """The texts claim alignment embeds for `row`'s value claims (as
    `compare.align._attach_vectors`): each one's slot phrase (else its key), then each
    one's sentence (else its own text), then the head words of its counts. Empty when the
    extractions are not computed yet."""
    phrases: list[str] = []
    sentences: list[str] = []
    heads: set[str] = set()
    for d in row.extractions or ():
        if d.get("kind") in ("quote", "attribution"):
            continue
        phrases.append(str(d.get("slot") or d.get("key") or ""))
        idx = d.get("sentence_index", -1)
        ok = isinstance(idx, int) and 0 <= idx < len(article.sentences)
        sentences.append(article.sentences[idx].text if ok else str(d.get("text", "")))
        if word := count_head(str(d.get("kind") or ""), d.get("head")):
            heads.add(word)
    return phrases + sentences + sorted(heads)


def prime(preparer: Preparer, embedder: Embedder, stories: Iterable[list[ArticleRow]]) -> None:
    """Embed on `preparer`'s executor what the full analysis of `stories` (each a list of
    member rows) will embed and `embedder` (a CachedEmbedder) has no vector for yet."""
    if not isinstance(embedder, CachedEmbedder):
        return
    todo: list[list[str]] = []
    scheduled: set[str] = set()
    for members in stories:
        articles = [row.to_article() for row in members]
        # provenance embeds the sentences of members in a pair that passes its candidate gate
        need = sentence_members(articles, [row.vector for row in members], embedder)
        for k, (row, article) in enumerate(zip(members, articles, strict=True)):
            wanted = claim_texts(row, article)
            if k in need:
                wanted = sentence_texts(article) + wanted
            texts = [t for t in embedder.missing(wanted) if t not in scheduled]
            if texts:
                scheduled.update(texts)
                todo.append(texts)
    if todo:
        vectors = preparer.sentence_vectors(todo)
        for texts, vecs in zip(todo, vectors, strict=True):
            embedder.add(texts, vecs)
