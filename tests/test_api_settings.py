"""`corroborator.Corpus.ingest` / `.reanalyse` take the settings in force (config file,
environment) as the CLI does, and an argument given wins over them."""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import pytest

from corroborator import Corpus
from corroborator.corpus.reanalyse import stored_settings
from corroborator.store import open_store
from equivalence_corpus import canonical_export, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("api-settings") / "in")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file in force for the test (nothing from the environment on top)."""
    path = tmp_path / "corroborator.toml"
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("CORROBORATOR_CONFIG", str(path))
    for name in (
        "CORROBORATOR_INGEST_ANALYSIS",
        "CORROBORATOR_INGEST_BATCH_SIZE",
        "CORROBORATOR_INGEST_FINISH_BATCH",
        "CORROBORATOR_EXEC_WORKERS",
        "CORROBORATOR_EXEC_EXECUTOR",
    ):
        monkeypatch.delenv(name, raising=False)
    return path


def _analysis(db: Path) -> str | None:
    store = open_store(db)
    try:
        return stored_settings(store).get("analysis")
    finally:
        store.close()


class Watch:
    """Progress callback: the counter after each call, and whether worker processes ran."""

    def __init__(self, counter: str) -> None:
        self.counter = counter
        self.values: list[int] = []
        self.children = 0

    def __call__(self, summary: object) -> None:
        self.values.append(getattr(summary, self.counter))
        self.children = max(self.children, len(multiprocessing.active_children()))


def test_ingest_takes_the_config_file(corpus: Path, config: Path, tmp_path: Path) -> None:
    config.write_text('[ingest]\nanalysis = "fast"\nbatch_size = 3\n', encoding="utf-8")
    db = tmp_path / "configured.db"
    watch = Watch("added")
    summary = Corpus(db).ingest([corpus], progress=watch)
    assert summary.added == 7
    assert watch.values == [3, 6, 7]  # articles written, batch after batch
    assert _analysis(db) == "fast"
    assert watch.children == 0  # the library's default: no worker processes


def test_arguments_win_over_the_config_file_and_the_environment(
    corpus: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config.write_text('[ingest]\nanalysis = "fast"\nbatch_size = 3\n', encoding="utf-8")
    monkeypatch.setenv("CORROBORATOR_INGEST_BATCH_SIZE", "2")
    db = tmp_path / "given.db"
    watch = Watch("added")
    Corpus(db).ingest([corpus], analysis="full", batch_size=5, progress=watch)
    assert watch.values[:2] == [5, 7]
    assert _analysis(db) == "full"
    env_db = tmp_path / "env.db"
    watch = Watch("added")
    Corpus(env_db).ingest([corpus], progress=watch)
    assert watch.values == [2, 4, 6, 7]  # the environment over the file
    assert _analysis(env_db) == "fast"


def test_workers_from_settings_and_from_the_argument(
    corpus: Path, config: Path, tmp_path: Path
) -> None:
    config.write_text('[ingest]\nanalysis = "fast"\n\n[exec]\nworkers = 1\n', encoding="utf-8")
    db = tmp_path / "workers.db"
    watch = Watch("added")
    Corpus(db).ingest([corpus], progress=watch)
    assert watch.children == 1
    expected = canonical_export(db, tmp_path / "ingested")
    watch = Watch("done")
    summary = Corpus(db).reanalyse(workers=0, batch=2, progress=watch)
    assert (summary.analysis, summary.done, summary.failed) == ("fast", 3, 0)
    assert watch.values == [2, 3] and watch.children == 0
    assert canonical_export(db, tmp_path / "in-process") == expected
    config.write_text("[ingest]\nfinish_batch = 2\n\n[exec]\nworkers = 0\n", encoding="utf-8")
    watch = Watch("done")
    Corpus(db).reanalyse(workers=1, progress=watch)
    assert watch.values == [2, 3] and watch.children == 1
    assert canonical_export(db, tmp_path / "one-worker") == expected


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"analysis": "slow"}, "unknown analysis 'slow'; choose 'full' or 'fast'"),
        ({"batch_size": 0}, "batch_size must be at least 1, not 0"),
        ({"workers": -2}, "workers must be 0 or more, not -2"),
        ({"executor": "dask"}, "unknown executor 'dask'; choose 'local', 'ray' or 'spark'"),
        ({"address": "ray://head:10001"}, "address needs executor 'ray' or 'spark'"),
    ],
)
def test_bad_arguments_are_one_line_errors_before_any_work(
    arguments: dict[str, object], message: str, config: Path, tmp_path: Path
) -> None:
    db = tmp_path / "never.db"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        Corpus(db).ingest([tmp_path], **arguments)  # type: ignore[arg-type]
    assert not db.exists()
    if "batch_size" not in arguments:  # reanalyse's is `batch`
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            Corpus(db).reanalyse(**arguments)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^batch must be at least 1, not 0$"):
        Corpus(db).reanalyse(batch=0)
