"""Settings: defaults < config file < environment (`corroborator.config`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corroborator.config import load


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    s = load({"XDG_CONFIG_HOME": str(tmp_path / "none")}, cwd=tmp_path)
    assert s.claims.quote_parser is True
    assert s.embed.cache == "" and s.source is None
    env = {"XDG_CACHE_HOME": "/xdg"}
    assert s.embed.cache_path(env) == Path("/xdg/corroborator/embeddings.sqlite")


def test_the_file_sets_and_the_environment_overrides(tmp_path: Path) -> None:
    (tmp_path / "corroborator.toml").write_text(
        '[claims]\nquote_parser = false\n[embed]\ncache = "1"\ncache_dir = "/from/file"\n',
        encoding="utf-8",
    )
    s = load({}, cwd=tmp_path)
    assert s.claims.quote_parser is False
    assert s.embed.cache == "1"
    assert s.embed.cache_path({}) == Path("/from/file/embeddings.sqlite")
    assert s.source == str(tmp_path / "corroborator.toml")
    env = {"CORROBORATOR_QUOTE_PARSER": "on", "CORROBORATOR_CACHE_DIR": "/from/env"}
    s = load(env, cwd=tmp_path)
    assert s.claims.quote_parser is True
    assert s.embed.cache_path(env) == Path("/from/env/embeddings.sqlite")
    assert load({"CORROBORATOR_QUOTE_PARSER": "rules"}, cwd=tmp_path).claims.quote_parser is False


def test_corroborator_config_names_the_file(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.toml"
    other.write_text('[embed]\ncache = "/tmp/vectors.sqlite"\n', encoding="utf-8")
    s = load({"CORROBORATOR_CONFIG": str(other)}, cwd=tmp_path)
    assert s.embed.cache == "/tmp/vectors.sqlite"


def test_a_bad_file_is_reported_on_one_line_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "corroborator.toml"
    bad.write_text("[claims\nquote_parser = ", encoding="utf-8")
    s = load({}, cwd=tmp_path)
    assert s.claims.quote_parser is True and s.source is None
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "left out" in err[0]
    load({}, cwd=tmp_path)
    assert capsys.readouterr().err == ""  # once


def test_no_home_folder_means_no_user_file_and_a_cache_in_the_temporary_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tempfile

    from corroborator import config as cfg

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cfg.Path, "home", staticmethod(no_home))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CORROBORATOR_"))}
    assert cfg._config_file(env, tmp_path) is None
    path = cfg.EmbedSettings().cache_path(env)
    assert path.parent == Path(tempfile.gettempdir()) / "corroborator-cache"
