"""Same input, same store: batch size, worker count and chunking change where and when the
per-article work runs, never what is stored (the canonical export: every story's `report`
JSON, the exported tables with rows sorted, the skips)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.corpus import IngestOptions, ingest
from corroborator.store import open_store
from equivalence_corpus import canonical_export, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("equivalence") / "in")


def _run(corpus: Path, work: Path, **options: int) -> str:
    db = work / "c.db"
    store = open_store(db)
    try:
        summary = ingest([corpus], store, options=IngestOptions(**options))
    finally:
        store.close()
    assert summary.added == 7 and summary.skipped == 2 and not summary.warnings
    return canonical_export(db, work / "export")


@pytest.fixture(scope="module")
def baseline(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _run(corpus, tmp_path_factory.mktemp("baseline"), batch_size=256, workers=0)


def test_the_baseline_holds_every_kind_of_result(baseline: str) -> None:
    # Not vacuous: the corpus gives a syndicated copy, a rewrite, a translation, claims
    # corroborated by several sources, three stories and both skips.
    for relation in ("syndication", "rewrite", "translation"):
        assert f'"relation": "{relation}"' in baseline
    assert '"verdict": "corroborated"' in baseline
    assert baseline.count('"schema_version": ') == 3  # one report per story
    assert "empty input" in baseline and "crawl.jsonl:7" in baseline


@pytest.mark.parametrize(
    ("batch_size", "workers", "chunk"),
    [(1, 0, 16), (3, 0, 1), (3, 2, 1), (256, 2, 3)],
    ids=["batch1", "batch3-chunk1", "batch3-workers2-chunk1", "batch256-workers2-chunk3"],
)
def test_batch_size_workers_and_chunking_give_the_same_store(
    corpus: Path, baseline: str, tmp_path: Path, batch_size: int, workers: int, chunk: int
) -> None:
    got = _run(corpus, tmp_path, batch_size=batch_size, workers=workers, chunk=chunk)
    assert got == baseline
