"""The `compare` job: records in, one Report out, all in this process.

    per article (in input order):  prepare (`text.prepare`: clean, title, date, language,
                                   sentences) -> claim extractions (`claims`)
    sequential, over all articles: story grouping (`stories.cluster.cluster_stories`: the
                                   corpus-mode assignment rule run over one batch)
    per story:                     `analysis.analyse_story` (provenance, independence groups,
                                   aligned claims, verdicts, omissions), claims numbered
                                   across stories
    -> Report

The sentence model loads in a thread while articles are prepared. The settings
(`corroborator.config`: `[stories]`, `[provenance]`) are read once, at the start.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from corroborator import __version__
from corroborator.analysis import analyse_story
from corroborator.claims import extract_claims
from corroborator.config import settings
from corroborator.embed import Embedder, default_embedder
from corroborator.model import Extraction, RawDocument, Report, Skip, Story
from corroborator.nlp.worker import prestart, retain
from corroborator.stories.cluster import cluster_stories
from corroborator.stories.score import from_settings
from corroborator.text.prepare import prepare_all


class NoUsableInput(Exception):
    """Nothing usable remains after skipping bad inputs; `skipped` says why for each."""

    def __init__(self, skipped: Sequence[Skip]):
        self.skipped = list(skipped)
        if not skipped:
            msg = "no input given"
        else:
            reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:3])
            more = f" (and {len(skipped) - 3} more)" if len(skipped) > 3 else ""
            msg = f"no usable article in {len(skipped)} input(s): {reasons}{more}"
        super().__init__(msg)


def build_report(records: Iterable[RawDocument | Skip], embedder: Embedder | None = None) -> Report:
    """The whole `compare` job. Raises NoUsableInput when every input was skipped."""
    cfg = settings()
    embedder = embedder or default_embedder()
    # Loading the model and its first encode (~0.6 s, mostly zlib and BLAS, which release the
    # GIL) overlap with reading, cleaning and claim extraction.
    warm_up = threading.Thread(target=embedder.encode, args=(["warm-up"],), daemon=True)
    warm_up.start()
    # spaCy's pipeline (quote speakers, labels of dates and times, owners of figures) loads in
    # a child process on the other core while this one reads, extracts, embeds and groups:
    # English's from the start, another language's once the articles are read (`nlp.worker`)
    prestart({"en"})
    corpus = prepare_all(records)
    languages = {a.language for a in corpus.articles}
    prestart(languages)
    retain(languages)
    if not corpus.articles:
        # let the model finish loading: a thread still inside its C++ code when the
        # interpreter exits can abort the process (exit 134 instead of the one-line error)
        warm_up.join()
        raise NoUsableInput(corpus.skipped)
    articles = corpus.articles
    by_id = {a.id: a for a in articles}
    extractions: dict[str, list[Extraction]] = {
        a.id: extract_claims(a.text, a.sentences, a.language, a.published) for a in articles
    }
    warm_up.join()
    stories: list[Story] = []
    claim_no = 0
    grouped = cluster_stories(articles, embedder, params=from_settings(cfg.stories))
    for s_no, member_ids in enumerate(grouped, start=1):
        members = [by_id[i] for i in member_ids]
        story = analyse_story(
            f"s{s_no}", members, extractions, embedder, claim_no + 1, provenance=cfg.provenance
        )
        claim_no += len(story.claims)
        stories.append(story)
    return Report(
        articles=articles, stories=stories, skipped=corpus.skipped, generator_version=__version__
    )
