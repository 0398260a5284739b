"""The Python API mirrors the CLI: same reports byte for byte, inputs as paths or records."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import corroborator
from corroborator.cli import app

runner = CliRunner()


def test_module_examples_run() -> None:
    import corroborator.api

    result = doctest.testmod(corroborator.api, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


def test_top_level_names() -> None:
    assert {"compare", "Corpus", "Report", "RawDocument", "NoUsableInput"} <= set(
        corroborator.__all__
    )
    assert corroborator.compare is corroborator.api.compare
    with pytest.raises(AttributeError):
        _ = corroborator.no_such_name  # type: ignore[attr-defined]


def test_api_and_cli_give_byte_identical_json(demo_paths: list[Path]) -> None:
    cli = runner.invoke(app, ["compare", *map(str, demo_paths), "-f", "json"])
    assert cli.exit_code == 0, cli.output
    report = corroborator.compare(demo_paths)
    assert report.to_json() == cli.stdout
    # str paths and Path objects name the sources alike
    assert corroborator.compare([str(p) for p in demo_paths]).to_json() == cli.stdout


def test_every_format_matches_the_cli(demo_paths: list[Path], tmp_path: Path) -> None:
    report = corroborator.compare(demo_paths)
    for fmt, rendered in (("md", report.to_markdown()), ("html", report.to_html())):
        out = tmp_path / f"r.{fmt}"
        cli = runner.invoke(app, ["compare", *map(str, demo_paths), "-f", fmt, "-o", str(out)])
        assert cli.exit_code == 0, cli.output
        assert out.read_text(encoding="utf-8") == rendered
    assert report.claims == [c for s in report.stories for c in s.claims]
    assert len(report.stories) == 2 and report.article("a4").language == "de"


def test_records_strings_and_missing_paths(tmp_path: Path) -> None:
    text = (
        "Pier 9 fire: twelve firefighters fought the warehouse blaze for three hours on "
        "Monday, the harbour authority said."
    )
    raw = corroborator.RawDocument(source="wire", text=text.replace("twelve", "eight"))
    report = corroborator.compare(
        [
            {"text": text, "outlet": "Harbour Post", "source": "post-1"},
            text.replace("twelve", "nine"),
            raw,
            str(tmp_path / "missing.txt"),
            {"title": "no body"},
        ]
    )
    assert [a.source for a in report.articles] == ["post-1", "<input 2>", "wire"]
    assert report.articles[0].outlet == "Harbour Post"
    assert [(s.source, s.reason) for s in report.skipped] == [
        (str(tmp_path / "missing.txt"), "no such file or folder"),
        ("<input 5>", "no 'text' or 'html' field with content"),
    ]


def test_nothing_usable_raises_with_the_reasons() -> None:
    with pytest.raises(corroborator.NoUsableInput, match="no 'text' or 'html'"):
        corroborator.compare([{"title": "only a title"}])


def test_corpus_mirrors_ingest_stories_report(demo_paths: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "api.db"
    corpus = corroborator.Corpus(db)
    summary = corpus.ingest(demo_paths)
    assert (summary.read, summary.added) == (5, 5)
    cli_db = tmp_path / "cli.db"
    cli = runner.invoke(
        app, ["ingest", *map(str, demo_paths), "--db", str(cli_db), "--workers", "0"]
    )
    assert cli.exit_code == 0, cli.output
    listed = runner.invoke(app, ["stories", "--db", str(cli_db), "-f", "json"])
    assert json.loads(listed.stdout)["stories"] == corpus.stories()
    fire = next(s for s in corpus.stories() if s["size"] == 4)
    assert corpus.stories(min_sources=3) == [fire]
    assert corpus.stories(since="2099-01-01") == []
    shown = runner.invoke(app, ["report", fire["id"], "--db", str(cli_db), "-f", "json"])
    assert shown.exit_code == 0, shown.output
    assert corpus.report(fire["id"]).to_json() == shown.stdout
    assert corpus.skipped() == []


def test_corpus_errors_are_clear(tmp_path: Path) -> None:
    from corroborator.store import StoreError

    with pytest.raises(StoreError):
        corroborator.Corpus(tmp_path / "absent.db").stories()
    with pytest.raises(ValueError, match="date like"):
        corroborator.Corpus(tmp_path / "absent.db").stories(since="yesterday")


def test_feeds_and_folders_are_read_like_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    items = "".join(
        f"<item><title>Pier {n} fire</title><link>https://harbour.example/{n}</link>"
        f"<description>{n * 3} firefighters fought a warehouse fire on Pier {n} for "
        f"{n} hours on Monday, the harbour authority said.</description></item>"
        for n in (4, 9)
    )
    (folder / "feed.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>'
        f"{items}</channel></rss>",
        encoding="utf-8",
    )
    (folder / "note.txt").write_text(
        "The city council approved the tram budget of 40 million euros on Tuesday.",
        encoding="utf-8",
    )
    cli = runner.invoke(app, ["compare", str(folder), "-f", "json"])
    assert cli.exit_code == 0, cli.output
    assert corroborator.compare(folder).to_json() == cli.stdout
    assert corroborator.compare(str(folder / "feed.rss")).to_json() == (
        runner.invoke(app, ["compare", str(folder / "feed.rss"), "-f", "json"]).stdout
    )
    assert len(json.loads(cli.stdout)["articles"]) == 3
