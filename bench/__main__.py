"""`make bench`: run every benchmark in turn; each prints its table and updates RESULTS.md.

A benchmark whose data is absent prints why and is counted as skipped, not failed.
"""

from __future__ import annotations

import importlib
import sys
import time

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
]


def main(argv: list[str]) -> int:
    wanted = [b for b in BENCHES if not argv or any(a in b for a in argv)]
    failed = []
    for name in wanted:
        print(f"\n=== {name}", flush=True)
        start = time.perf_counter()
        try:
            module = importlib.import_module(name)
            code = module.main() if hasattr(module, "main") else 0
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
