"""Speed of `corroborator compare`: cold start and wall time on 2, 10 and 50 articles.

Inputs are generated from our own demo corpus (examples/fire) by renaming the town, the
company, the people, the outlets, the year and a count, so that 50 articles form 10
distinct events (a fire and a council vote per town) told by several outlets each.
Each figure is the median of REPEAT runs of the installed CLI in a fresh process.
Targets (issue 3): cold start < 3 s; 10 articles < 1.5 s after start.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import merge_table

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "fire"
CLI = [sys.executable, "-m", "corroborator.cli"]
REPEAT = 3
TOWNS = [
    "Dunmore",
    "Kelsby",
    "Arnhold",
    "Brevik",
    "Tollan",
    "Marrow",
    "Ostica",
    "Pellin",
    "Quarry Bay",
    "Sandvik",
]
CHIEFS = [
    "Marta Kovacs",
    "Ilse Brandt",
    "Jonas Weller",
    "Ana Ruiz",
    "Piotr Malek",
    "Lena Hart",
    "Omar Said",
    "Kate Moss",
    "Ivo Rask",
    "Nora Lind",
]
OUTLETS = ["Northshore Ledger", "Coastal Daily", "Dunmore Post", "Metro Bulletin"]
COMPANIES = [
    "Hartwell",
    "Ashgrove",
    "Beltane",
    "Corwin",
    "Dalby",
    "Elmstead",
    "Farrow",
    "Glenmoor",
    "Holbeck",
    "Ivers",
]


def make_corpus(directory: Path, n: int) -> list[Path]:
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    paths: list[Path] = []
    i = 0
    while len(paths) < n:
        story, src = divmod(i, len(sources))
        town, company = TOWNS[story % len(TOWNS)], COMPANIES[story % len(COMPANIES)]
        text = src_text = sources[src].read_text(encoding="utf-8")
        text = src_text.replace("Dunmore", town).replace("Hartwell", company)
        text = text.replace("Marta Kovacs", CHIEFS[story % len(CHIEFS)])
        text = text.replace("Kovacs", CHIEFS[story % len(CHIEFS)].split()[-1])
        for outlet in OUTLETS:
            text = text.replace(outlet, f"{outlet} {town}")
        text = text.replace("300", str(300 + 17 * story)).replace("2026", str(2016 + story % 10))
        out = directory / f"{story:02d}-{sources[src].name}"
        out.write_text(text, encoding="utf-8")
        paths.append(out)
        i += 1
    return paths


def _time(cmd: list[str]) -> float:
    runs = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _first_output(cmd: list[str]) -> float:
    """Seconds from process start to its first byte on stdout."""
    runs = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
            assert proc.stdout is not None
            proc.stdout.read(1)
            runs.append(time.perf_counter() - start)
            proc.stdout.read()
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args, parser

    parse_args(parser(__doc__, "python -m bench.speed"), argv)
    rows: list[tuple[str, str, float]] = []
    startup = _time([*CLI, "version"])
    rows.append(("process start to exit (`corroborator version`)", "corroborator version", startup))
    with tempfile.TemporaryDirectory() as tmp:
        for n in (2, 10, 50):
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            paths = make_corpus(folder, n)
            cmd = [*CLI, "compare", *map(str, paths), "--format", "json"]
            if n == 2:
                first = _first_output([*CLI, "compare", *map(str, paths)])
                rows.append(
                    (
                        "cold start: process start to first output, 2 articles",
                        "corroborator compare (2 files)",
                        first,
                    )
                )
            wall = _time(cmd)
            rows.append(
                (f"compare {n} articles, wall", f"corroborator compare ({n} files) -f json", wall)
            )
            rows.append(
                (
                    f"compare {n} articles, after start (wall - startup)",
                    f"corroborator compare ({n} files) -f json",
                    wall - startup,
                )
            )
    today = dt.date.today().isoformat()
    header = "| date | measure | command | seconds |\n|---|---|---|---|"
    table = [f"| {today} | {m} | `{c}` | {s:.2f} |" for m, c, s in rows]
    print(header + "\n" + "\n".join(table))
    # earlier rows and the notes written under the table stay (several sessions share a date,
    # so only an identical row is replaced)
    merge_table(
        "speed (bench/speed.py)",
        f"Median of {REPEAT} runs, 2 cores, fresh process each run. Targets: cold start < 3 s, "
        "10 articles < 1.5 s after start.",
        header,
        table,
        key_columns=4,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
