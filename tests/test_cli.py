"""The CLI as a user meets it: formats, files, stdin, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from corroborator.cli import app

runner = CliRunner()


def test_text_summary_to_terminal(demo_paths: list[Path]) -> None:
    result = runner.invoke(app, ["compare", *map(str, demo_paths)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Independent sources: 3" in out
    assert out.index("CONFLICTS") < out.index("CORROBORATED")


def test_each_format_to_file(tmp_path: Path, demo_paths: list[Path]) -> None:
    for fmt, marker in (
        ("json", '"schema_version": "2"'),
        ("md", "# "),
        ("html", "<!DOCTYPE html>"),
    ):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(app, ["compare", *map(str, demo_paths), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert marker in out.read_text(encoding="utf-8")


def test_bad_inputs_are_skipped_and_reported(tmp_path: Path, demo_paths: list[Path]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(
        app, ["compare", str(demo_paths[0]), str(empty), str(junk), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["source"] for s in data["skipped"]] == [str(empty), str(junk)]
    assert "skipped" in result.stderr and "empty input" in result.stderr


def test_nothing_usable_is_a_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(empty), str(bad)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("error: no usable article in 2 input(s)")
    assert "Traceback" not in result.output


def test_unknown_format_and_unwritable_output(tmp_path: Path, demo_paths: list[Path]) -> None:
    result = runner.invoke(app, ["compare", str(demo_paths[0]), "-f", "pdf"])
    assert result.exit_code == 2 and "'pdf' is not one of" in result.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["compare", str(demo_paths[0]), "-o", str(blocker / "r.json")])
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_stdin_dash(demo_paths: list[Path]) -> None:
    text = demo_paths[0].read_text(encoding="utf-8")
    result = runner.invoke(app, ["compare", "-", "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"][0]["source"] == "<stdin>"


def test_json_is_byte_identical_across_processes(tmp_path: Path, demo_paths: list[Path]) -> None:
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / f"r{seed}.json"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "corroborator.cli",
                "compare",
                *map(str, demo_paths),
                "-f",
                "json",
                "-o",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
