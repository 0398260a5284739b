"""Keep bench/RESULTS.md up to date: each benchmark owns one section.

A benchmark writes its section only when asked: `python -m bench.X --write`, or `make bench`
(`python -m bench`, which asks every benchmark). Run without `--write` it prints its figures
and leaves RESULTS.md as it is; `--help` says what it measures and runs nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nFigures written by `make bench` (see each bench/*.py). Dates are run dates.\n"


# Whether update_section writes: None until a benchmark parses its arguments with
# `parse_args` (a benchmark that never does keeps writing, as before `--write` existed).
_write: bool | None = None
# Set by `python -m bench` (make bench): every benchmark it runs writes its section.
_write_all = False


def write_all() -> None:
    """Every benchmark run from now on in this process writes its section (`make bench`)."""
    global _write_all, _write
    _write_all = True
    _write = True


def parser(doc: str | None, prog: str) -> argparse.ArgumentParser:
    """An argument parser for one benchmark: its module docstring as help, and `--write`."""
    text = (doc or "").strip()
    first, _, rest = text.partition("\n\n")
    ap = argparse.ArgumentParser(
        prog=prog,
        description=first,
        epilog=rest or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--write",
        action="store_true",
        help="update this benchmark's section of bench/RESULTS.md (default: print only)",
    )
    return ap


def parse_args(ap: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse `argv` (the command line when None) and decide whether RESULTS.md is written."""
    global _write
    args = ap.parse_args(list(sys.argv[1:] if argv is None else argv))
    _write = bool(args.write) or _write_all
    return args


def _may_write(name: str) -> bool:
    if _write is None or _write:
        return True
    print(f"(bench/RESULTS.md not updated for '{name}': pass --write to record it)")
    return False


def update_section(name: str, body: str) -> None:
    """Replace (or append) the section `## name` with `body` (only when writing, see above)."""
    if not _may_write(name):
        return
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    section = f"## {name}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(name)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def merge_table(name: str, intro: str, header: str, rows: list[str], key_columns: int) -> None:
    """Rewrite section `name` as `intro` + one table, keeping its earlier rows and any text
    after the table (notes written by hand).

    `header` is the header line plus its |---| line. A new row replaces an earlier one whose
    first `key_columns` cells are the same (a rerun on the same date); other earlier rows stay
    as history. Earlier rows with a different number of cells are kept under the new header
    with blank cells appended, so nothing measured is lost.
    """
    if not _may_write(name):
        return
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    pattern = re.compile(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", re.S | re.M)
    m = pattern.search(text)
    old_rows: list[str] = []
    after = ""
    if m:
        lines = m.group(1).strip("\n").split("\n")
        table = [i for i, line in enumerate(lines) if line.startswith("|")]
        if table:
            body = lines[table[0] : table[-1] + 1]
            old_rows = [line for line in body[2:] if line.startswith("|")]
            after = "\n".join(lines[table[-1] + 1 :]).strip("\n")
    width = header.split("\n")[0].count("|") - 1

    def cells(row: str) -> list[str]:
        return [c.strip() for c in row.strip().strip("|").split("|")]

    new_keys = {tuple(cells(r)[:key_columns]) for r in rows}
    kept = []
    for row in old_rows:
        c = cells(row)
        if len(c) == width and tuple(c[:key_columns]) in new_keys:
            continue
        if len(c) < width:
            row = row.rstrip() + " |" * (width - len(c))
        kept.append(row)
    body_text = f"{intro.strip()}\n\n{header}\n" + "\n".join([*kept, *rows])
    if after:
        body_text += "\n\n" + after
    update_section(name, body_text)
