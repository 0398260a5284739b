"""CLI conventions (issue 16): --version, listed and validated choices, -f everywhere,
ingest progress (count, total, rate, ETA; quiet off a terminal; --log-json), bench --help."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator import __version__
from corroborator.cli import app
from corroborator.corpus.job import IngestSummary
from corroborator.corpus.progress import (
    IngestProgress,
    count_articles,
    progress_fields,
    progress_line,
)

runner = CliRunner()


def test_version_flag_and_subcommand() -> None:
    for args in (["--version"], ["-V"], ["version"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == f"corroborator {__version__}"


def test_python_dash_m_runs_the_same_command_line() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "corroborator", "version"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"corroborator {__version__}"


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (["compare", "x.txt", "-f", "pdf"], "'text', 'json', 'md', 'html'"),
        (["report", "s1", "--format", "pdf"], "'text', 'json', 'md', 'html'"),
        (["stories", "-f", "md"], "'text', 'json'"),
        (["skipped", "-f", "xml"], "'text', 'json'"),
        (["ingest", "x.txt", "-f", "html"], "'text', 'json'"),
        (["ingest", "x.txt", "--analysis", "slow"], "'full', 'fast'"),
    ],
)
def test_choices_are_validated_and_listed(args: list[str], choices: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    message = " ".join(re.sub("[│╭╮╰╯─]", " ", result.stderr).split())  # rich's error box
    assert "is not one of" in message and choices in message


def test_choices_are_listed_in_help() -> None:
    result = runner.invoke(app, ["compare", "--help"])
    assert "text|json|md|html" in result.stdout
    result = runner.invoke(app, ["ingest", "--help"])
    assert "full|fast" in result.stdout and "--log-json" in result.stdout
    assert "--json " not in result.stdout  # the deprecated alias is hidden


def test_format_is_case_insensitive(demo_paths: list[Path]) -> None:
    result = runner.invoke(app, ["compare", str(demo_paths[4]), "-f", "JSON"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema_version"]


def test_ingest_format_json_log_json_and_deprecated_alias(
    demo_paths: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    args = ["ingest", str(demo_paths[0].parent), "--db", str(db), "--workers", "0"]
    result = runner.invoke(app, [*args, "-f", "json", "--log-json", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["added"]) == (5, 5)
    events = [json.loads(line) for line in result.stderr.splitlines()]
    ticks = [e for e in events if e["event"] == "progress"]
    assert len(ticks) >= 2  # per batch of 2 (pipelined: one batch ahead), then the analysis
    reads = [t["read"] for t in ticks]
    assert reads == sorted(reads) and reads[0] < 5 and reads[-1] == 5
    assert all(t["total"] == 5 and t["rate"] >= 0 for t in ticks)
    assert ticks[-1]["eta_s"] == 0.0
    assert events[-1]["event"] == "summary" and events[-1]["added"] == 5
    # --json still works (hidden, deprecated): same summary on stdout, a warning on stderr
    again = runner.invoke(app, [*args, "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["duplicates"] == 5
    assert "deprecated" in again.stderr


def test_ingest_is_quiet_when_stderr_is_not_a_terminal(
    demo_paths: list[Path], tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["ingest", str(demo_paths[4]), "--db", str(tmp_path / "q.db"), "--workers", "0"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith("read 1, added 1")


def test_count_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Another.</p>", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("not read", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "many.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    (sub / "scan.pdf").write_bytes(b"%PDF-1.4")  # not read: skipped, not an article
    assert count_articles([tmp_path]) == 5
    assert count_articles([tmp_path, tmp_path / "missing.txt"]) == 5
    (sub / "feed.rss").write_text("<rss/>", encoding="utf-8")
    assert count_articles([tmp_path]) is None  # a feed holds an unknown number
    assert count_articles(["-"]) is None


def test_total_is_counted_before_the_first_tick(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Article {i}.", encoding="utf-8")
    out = io.StringIO()
    progress = IngestProgress("json", None, stream=out)
    progress.count_total([tmp_path])
    progress(IngestSummary(read=1, seconds=1.0))
    assert json.loads(out.getvalue())["total"] == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_count_articles_never_opens_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")  # opening it would block for ever
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    assert count_articles([tmp_path]) == 1


def test_progress_fields_rate_and_eta() -> None:
    s = IngestSummary(read=300, added=290, skipped=4, seconds=10.0)
    s.stories_touched = {"s1", "s2"}
    fields = progress_fields(s, 1200)
    assert (fields["rate"], fields["eta_s"], fields["total"]) == (30.0, 30.0, 1200)
    assert progress_line(fields) == (
        "read 300/1,200  30.0/s  ETA 30s  added 290  skipped 4  stories 2 (0 analysed)"
    )
    unknown = progress_fields(s, None)
    assert unknown["eta_s"] is None and "ETA" not in progress_line(unknown)
    s.seconds = 0.0
    assert progress_fields(s, 1200)["eta_s"] is None
    assert "ETA 1h00m" in progress_line({**fields, "eta_s": 3600.0})


def test_json_progress_lines() -> None:
    out = io.StringIO()
    progress = IngestProgress("json", 10, stream=out)
    s = IngestSummary(read=5, added=5, seconds=2.0)
    progress(s)
    progress.warning("worker pool broke")
    progress.close(s)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [e["event"] for e in lines] == ["progress", "warning", "summary"]
    assert lines[0]["eta_s"] == 2.0 and lines[2]["total"] == 10
    quiet = io.StringIO()
    IngestProgress("quiet", None, stream=quiet)(s)
    assert quiet.getvalue() == ""


BENCH_MODULES = [
    "bench.ann_recall",
    "bench.claims_coverage",
    "bench.claims_crosslingual",
    "bench.clean_eval",
    "bench.corpus_throughput",
    "bench.crosslingual_eval",
    "bench.embed_choice",
    "bench.mt_detect",
    "bench.neardup_compare",
    "bench.provenance_eval",
    "bench.quantities_eval",
    "bench.quotes_eval",
    "bench.speed",
    "bench.tempeval_eval",
    "bench.train_paraphrase",
]


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bench_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))


@pytest.mark.usefixtures("bench_importable")
@pytest.mark.parametrize("name", BENCH_MODULES)
def test_bench_help_runs_nothing(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    import bench.results

    before = bench.results.RESULTS.read_bytes()
    module = importlib.import_module(name)
    with pytest.raises(SystemExit) as stop:
        module.main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m " + name) and "--write" in out
    assert bench.results.RESULTS.read_bytes() == before


def test_corpus_throughput_help_in_a_fresh_process() -> None:
    """The issue's case: `--help` started the whole benchmark and rewrote RESULTS.md."""
    before = (ROOT / "bench" / "RESULTS.md").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "bench.corpus_throughput", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "--sizes" in done.stdout and "--write" in done.stdout
    assert (ROOT / "bench" / "RESULTS.md").read_bytes() == before


@pytest.mark.usefixtures("bench_importable")
def test_bench_results_written_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bench.results as results

    target = tmp_path / "RESULTS.md"
    monkeypatch.setattr(results, "RESULTS", target)
    monkeypatch.setattr(results, "_write", None)
    monkeypatch.setattr(results, "_write_all", False)
    ap = results.parser("A benchmark.\n\nDetails.", "python -m bench.x")
    results.parse_args(ap, [])
    results.update_section("x", "figures")
    results.merge_table("y", "intro", "| a |\n|---|", ["| 1 |"], 1)
    assert not target.exists()
    results.parse_args(ap, ["--write"])
    results.update_section("x", "figures")
    assert "## x\n\nfigures" in target.read_text(encoding="utf-8")
    results.write_all()  # make bench: every benchmark writes, flag or not
    results.parse_args(ap, [])
    results.update_section("z", "more")
    assert "## z" in target.read_text(encoding="utf-8")


@pytest.mark.usefixtures("bench_importable")
def test_make_bench_asks_every_benchmark_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bench.__main__ as runner_module
    import bench.results as results

    target = tmp_path / "RESULTS.md"
    monkeypatch.setattr(results, "RESULTS", target)
    monkeypatch.setattr(results, "_write", None)
    monkeypatch.setattr(results, "_write_all", False)
    (tmp_path / "flagged_bench.py").write_text(
        '"""A benchmark with --write."""\n'
        "from bench.results import parse_args, parser, update_section\n\n"
        "def main(argv=None):\n"
        '    args = parse_args(parser(__doc__, "flagged"), argv)\n'
        '    update_section("flagged", f"write={args.write}")\n'
        "    return 0\n",
        encoding="utf-8",
    )
    (tmp_path / "plain_bench.py").write_text(
        "from bench.results import update_section\n\n"
        "def main():\n"
        '    update_section("plain", "written")\n',
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(runner_module, "BENCHES", ["flagged_bench", "plain_bench"])
    assert runner_module.main([]) == 0
    text = target.read_text(encoding="utf-8")
    assert "## flagged\n\nwrite=True" in text and "## plain\n\nwritten" in text
