"""`make bench`: run every benchmark in turn; each prints its table and updates RESULTS.md.

A benchmark whose data is absent prints why and is counted as skipped, not failed. Run alone
(`python -m bench.speed`), a benchmark only prints; `--write` updates its RESULTS.md section,
which `make bench` asks of every benchmark. Arguments here pick benchmarks by name
(`python -m bench speed claims`).
"""

from __future__ import annotations

import importlib
import inspect
import sys
import time

from bench.results import write_all

BENCHES = [
    "bench.speed",
    "bench.clean_eval",
    "bench.quantities_eval",
    "bench.quotes_eval",
    "bench.stories_eval",
    "bench.corpus_stories",
    "bench.corpus_throughput",
    "bench.ann_recall",
    "bench.neardup_compare",
    "bench.server_latency",
    "bench.crosslingual_eval",
    "bench.embed_choice",
    "bench.claims_coverage",
    "bench.claims_crosslingual",
    "bench.claims_dev",
    "bench.provenance_eval",
    "bench.tempeval_eval",
    "bench.mt_detect",
    "bench.fuzz",
]


def _run(module: object) -> int:
    """The module's main, asked to write its section (`--write` where it takes arguments)."""
    main = getattr(module, "main", None)
    if main is None:
        return 0
    takes_argv = bool(inspect.signature(main).parameters)
    # Benchmarks that parse `--write` get it; older ones write when run from here (write_all).
    source = inspect.getsource(module)
    if takes_argv and ("parse_args(" in source or '"--write"' in source):
        return int(main(["--write"]) or 0)
    return int(main() or 0)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        print("benchmarks:", ", ".join(b.removeprefix("bench.") for b in BENCHES))
        return 0
    write_all()
    wanted = [b for b in BENCHES if not argv or any(a in b for a in argv)]
    failed = []
    for name in wanted:
        print(f"\n=== {name}", flush=True)
        start = time.perf_counter()
        try:
            module = importlib.import_module(name)
            code = _run(module)
        except ModuleNotFoundError as exc:
            print(f"skipped: {exc}")
            continue
        if code:
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - start:.1f} s", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
