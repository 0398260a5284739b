"""The texts an ingest sends to the workers before a full analysis (`CorpusIngest._prime`)
are the texts that analysis embeds: after them, the analysis of a story asks the model for
nothing new (issue 15, "one analysis at crawl speed")."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from corroborator.corpus import IngestOptions, ingest
from corroborator.corpus.analyse import analyse_rows
from corroborator.corpus.job import claim_texts
from corroborator.embed import CachedEmbedder, USEEmbedder
from corroborator.provenance import derive
from corroborator.provenance.derive import sentence_texts
from corroborator.store import open_store
from equivalence_corpus import write_corpus


class Recording:
    """The model, with a record of every text it is asked to embed."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self) -> None:
        self.inner = USEEmbedder(threads=1)
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.encode(texts)


def test_primed_texts_cover_what_the_full_analysis_embeds(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    store = open_store(tmp_path / "c.db")
    try:
        ingest([corpus], store, options=IngestOptions(workers=0))
        stories = [s for s in store.active_stories(None, 100)]
        assert any(s.size > 1 for s in stories), "the corpus has a story of several articles"
        for story in stories:
            rows = store.story_articles(story.id)
            wanted: list[str] = []
            for row in rows:
                article = row.to_article()
                wanted += claim_texts(row, article)
                if len(rows) > 1:
                    wanted += sentence_texts(article)
            model = Recording()
            derive._pair_memo.clear()  # decide every pair again
            cached = CachedEmbedder(model)
            cached.add(wanted, model.inner.encode(wanted) if wanted else np.zeros((0, 512)))
            model.texts.clear()
            analyse_rows(story, rows, cached)
            assert model.texts == [], f"story {story.id} embedded {model.texts[:3]}"
    finally:
        store.close()


def test_a_story_of_one_article_needs_no_sentence(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    store = open_store(tmp_path / "c.db")
    try:
        ingest([corpus], store, options=IngestOptions(workers=0))
        singles = [s for s in store.active_stories(None, 100) if s.size == 1]
        assert singles
        for story in singles:
            rows = store.story_articles(story.id)
            model = Recording()
            derive._pair_memo.clear()
            analyse_rows(story, rows, CachedEmbedder(model))
            assert set(model.texts) <= set(claim_texts(rows[0], rows[0].to_article()))
    finally:
        store.close()
