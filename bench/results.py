"""Keep bench/RESULTS.md up to date: each benchmark owns one section."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nFigures written by `make bench` (see each bench/*.py). Dates are run dates.\n"


def update_section(name: str, body: str) -> None:
    """Replace (or append) the section `## name` with `body`."""
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
