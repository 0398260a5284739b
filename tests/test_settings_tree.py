"""The Settings tree's sections (stories, provenance, ingest, exec): the defaults are the
modules' values, a config file changes what runs, the environment beats the file and flags
beat the environment; bad values are one line and left out."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path
from typing import cast

import pytest
from typer.testing import CliRunner

from corroborator.analysis import analyse_story, thresholds
from corroborator.cli import app
from corroborator.config import (
    ExecSettings,
    IngestSettings,
    ProvenanceSettings,
    StoriesSettings,
    load,
)
from corroborator.corpus.minhash import NEAR_DUPLICATE_JACCARD
from corroborator.corpus.reanalyse import stored_settings
from corroborator.corpus.work import CHUNK
from corroborator.embed import Embedder
from corroborator.jobs.compare import build_report
from corroborator.jobs.ingest import IngestOptions
from corroborator.model import Article, RawDocument
from corroborator.provenance.copies import COPY_CONTAINMENT
from corroborator.provenance.derive import DEFAULT_THRESHOLDS
from corroborator.store import open_store
from corroborator.stories.incremental import MAX_STORY_SIZE
from corroborator.stories.score import DEFAULT_PARAMS, from_settings
from corroborator.text.prepare import prepare

# A fictional event reported twice in other words, and an unrelated story.
DAM_A = (
    "Engineers opened the spillway of the Korvanen dam on Tuesday after three days of heavy "
    "rain raised the reservoir to a record level. About 1,200 residents of the valley below "
    "were told to leave their homes, the regional rescue service said. The Korvanen "
    "reservoir rose by four metres in 48 hours, according to the dam operator."
)
DAM_B = (
    "The operator of the Korvanen dam released water through its spillway on Tuesday as the "
    "reservoir reached its highest level on record after days of rain. Some 1,200 people "
    "living downstream in the valley were evacuated, rescue officials said, and the Korvanen "
    "reservoir had climbed four metres in two days."
)
CHESS = (
    "The town of Ostrel opened its first public chess hall on Saturday, with forty tables "
    "and a library of old tournament books donated by a retired teacher. The hall will be "
    "open every evening, the mayor said, and lessons for children start next month."
)


def _records() -> list[RawDocument]:
    return [
        RawDocument(source="dam-a.txt", text=DAM_A, title="Korvanen dam opens spillway"),
        RawDocument(source="dam-b.txt", text=DAM_B, title="Water released at Korvanen dam"),
        RawDocument(source="chess.txt", text=CHESS, title="Ostrel opens a chess hall"),
    ]


def _grouping() -> list[list[str]]:
    return [s.articles for s in build_report(_records()).stories]


def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("CORROBORATOR_CONFIG", "CORROBORATOR_STORIES_THRESHOLD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-user-config"))
    monkeypatch.chdir(tmp_path)


def test_the_defaults_are_the_values_the_modules_use() -> None:
    assert from_settings(StoriesSettings()) == DEFAULT_PARAMS
    assert StoriesSettings().max_size == MAX_STORY_SIZE == DEFAULT_PARAMS.max_size
    p = ProvenanceSettings()
    assert thresholds(p) == DEFAULT_THRESHOLDS
    assert p.copy_containment == COPY_CONTAINMENT
    assert p.near_duplicate == NEAR_DUPLICATE_JACCARD
    assert ExecSettings().chunk == CHUNK
    defaults = load({"XDG_CONFIG_HOME": "/nonexistent"}, cwd=Path("/nonexistent"))
    assert IngestOptions.from_settings(defaults) == IngestOptions()
    assert asdict(defaults.ingest) == asdict(IngestSettings())


def test_a_story_threshold_in_the_config_file_changes_the_grouping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_user_config(monkeypatch, tmp_path)
    assert _grouping() == [["a1", "a2"], ["a3"]]
    config = tmp_path / "strict.toml"
    config.write_text("[stories]\nthreshold = 5.0\n", encoding="utf-8")
    monkeypatch.setenv("CORROBORATOR_CONFIG", str(config))
    assert _grouping() == [["a1"], ["a2"], ["a3"]]
    # the environment beats the file
    monkeypatch.setenv("CORROBORATOR_STORIES_THRESHOLD", "0.8")
    assert _grouping() == [["a1", "a2"], ["a3"]]


def test_the_environment_beats_the_file_and_flags_beat_the_environment(tmp_path: Path) -> None:
    (tmp_path / "corroborator.toml").write_text(
        "[ingest]\nbatch_size = 32\nanalysis = 'fast'\n[exec]\nworkers = 3\nchunk = 4\n"
        "[provenance]\ncoverage = 0.7\n",
        encoding="utf-8",
    )
    from_file = load({}, cwd=tmp_path)
    assert from_file.ingest.batch_size == 32 and from_file.exec.workers == 3
    assert thresholds(from_file.provenance).coverage == 0.7
    env = {"CORROBORATOR_INGEST_BATCH_SIZE": "8", "CORROBORATOR_EXEC_WORKERS": "1"}
    cfg = load(env, cwd=tmp_path)
    options = IngestOptions.from_settings(cfg)
    assert (options.batch_size, options.analysis, options.workers, options.chunk) == (
        8,
        "fast",
        1,
        4,
    )
    flagged = IngestOptions.from_settings(cfg, batch_size=3, analysis="full", workers=0)
    assert (flagged.batch_size, flagged.analysis, flagged.workers) == (3, "full", 0)
    # no workers anywhere: the library runs in-process, the CLI one per core
    plain = load({}, cwd=tmp_path / "none")
    assert IngestOptions.from_settings(plain).workers == 0
    assert IngestOptions.from_settings(plain, per_core=True).workers >= 1


def test_bad_values_are_one_line_each_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "corroborator.toml").write_text(
        "[stories]\nthreshold = 'high'\nmax_size = 0\ncolour = 'blue'\n[exec]\nexecutor = 'gpu'\n",
        encoding="utf-8",
    )
    cfg = load({"CORROBORATOR_INGEST_BATCH_SIZE": "1.5"}, cwd=tmp_path)
    assert cfg.stories == StoriesSettings() and cfg.exec == ExecSettings()
    assert cfg.ingest.batch_size == IngestSettings().batch_size
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 5 and all("left out" in line for line in err)
    assert any("stories.threshold" in line and "not a number" in line for line in err)
    assert any("exec.executor" in line and "local, ray, spark" in line for line in err)
    assert any("CORROBORATOR_INGEST_BATCH_SIZE" in line for line in err)


def test_max_size_from_settings_closes_stories() -> None:
    params = from_settings(replace(StoriesSettings(), max_size=3))
    assert params.max_size == 3 and params.threshold == DEFAULT_PARAMS.threshold


def _write(folder: Path) -> Path:
    folder.mkdir()
    for rec in _records():
        (folder / rec.source).write_text(f"{rec.title}\n\n{rec.text}\n", encoding="utf-8")
    return folder


def _ingest(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["ingest", *args, "--workers", "0", "-f", "json"], env=env)
    assert res.exit_code == 0, res.output
    store = open_store(Path(args[args.index("--db") + 1]))
    try:
        return store.counts().get("stories", 0), stored_settings(store)["analysis"]
    finally:
        store.close()


def test_ingest_reads_the_file_and_the_environment_and_its_flags_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_user_config(monkeypatch, tmp_path)
    inputs = _write(tmp_path / "in")
    config = tmp_path / "strict.toml"
    config.write_text("[stories]\nthreshold = 5.0\n[ingest]\nanalysis = 'fast'\n", "utf-8")
    base = ["--db"]
    assert _ingest([str(inputs), *base, str(tmp_path / "plain.db")], {}) == (2, "full")
    file_env = {"CORROBORATOR_CONFIG": str(config)}
    assert _ingest([str(inputs), *base, str(tmp_path / "file.db")], file_env) == (3, "fast")
    env = {**file_env, "CORROBORATOR_STORIES_THRESHOLD": "0.8"}
    assert _ingest([str(inputs), *base, str(tmp_path / "env.db")], env) == (2, "fast")
    flags = [str(inputs), *base, str(tmp_path / "flag.db"), "--analysis", "full"]
    assert _ingest(flags, env) == (2, "full")


def _syndicated_pair() -> list[Article]:
    text = DAM_A + " " + DAM_B
    arts = [
        prepare(RawDocument(source=f"{n}.txt", text=text, title=title), f"a{n}")
        for n, title in ((1, "Korvanen dam opens spillway"), (2, "Spillway opened at Korvanen"))
    ]
    assert all(isinstance(a, Article) for a in arts)
    return [a for a in arts if isinstance(a, Article)]


def test_the_copy_containment_setting_decides_syndication(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_user_config(monkeypatch, tmp_path)
    monkeypatch.delenv("CORROBORATOR_PROVENANCE_COPY_CONTAINMENT", raising=False)
    embedder = cast("Embedder", None)  # the fast analysis embeds nothing
    story = analyse_story("s1", _syndicated_pair(), {}, embedder, fast=True)
    assert story.independent_groups == [["a1", "a2"]]
    strict = replace(ProvenanceSettings(), copy_containment=1.01)
    story = analyse_story("s1", _syndicated_pair(), {}, embedder, fast=True, provenance=strict)
    assert story.independent_groups == [["a1"], ["a2"]]
    monkeypatch.setenv("CORROBORATOR_PROVENANCE_COPY_CONTAINMENT", "1.01")
    story = analyse_story("s1", _syndicated_pair(), {}, embedder, fast=True)
    assert story.independent_groups == [["a1"], ["a2"]]
