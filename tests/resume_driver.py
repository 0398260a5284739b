"""Run by tests/test_resume.py in a fresh process: `ingest` of a corpus that kills its own
process with SIGKILL (as `kill -9`: no cleanup, no exit handler) when the progress callback
is called for the Nth time, that is right after the Nth committed transaction (a batch of
articles, or a batch of stale stories analysed at the end). With N past the end it prints
the run's summary as JSON.

Usage: python tests/resume_driver.py CORPUS DB BATCH_SIZE N WORKERS ANALYSE_NOW_MAX FINISH_BATCH
"""

from __future__ import annotations

import json
import os
import signal
import sys

from corroborator.corpus import IngestOptions, IngestSummary, ingest
from corroborator.store import open_store


def main() -> None:
    corpus, db = sys.argv[1:3]
    size, n, workers, now_max, finish = (int(a) for a in sys.argv[3:8])
    calls = 0

    def progress(summary: IngestSummary) -> None:
        nonlocal calls
        calls += 1
        if calls == n:
            os.kill(os.getpid(), signal.SIGKILL)

    options = IngestOptions(
        batch_size=size, workers=workers, analyse_now_max=now_max, finish_batch=finish
    )
    store = open_store(db)
    summary = ingest([corpus], store, options=options, progress=progress)
    store.close()
    print(json.dumps(summary.to_dict()))


if __name__ == "__main__":  # worker processes are started with spawn
    main()
