"""Local executor: this process (0 workers) or a pool of `workers` processes.

Workers are started with the `spawn` method: the main process may hold a loaded model and
BLAS threads, which `fork` would copy in an unknown state. `spawn` re-imports the caller's
main module: a script that runs work with workers must guard its entry point with
`if __name__ == "__main__":`. Each worker watches its parent and exits when it is gone (killed
with -9, say), so no orphaned worker is left holding a model in memory. A worker that dies
breaks the pool (`BrokenProcessPool`): see `corroborator.exec.base` for what follows.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import TypeVar

from corroborator.exec.base import Executor, Wait

T = TypeVar("T")
R = TypeVar("R")


def watch_parent(parent: int) -> None:
    """Worker initializer: exit when the parent process is gone."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class LocalExecutor(Executor):
    kind = "local"

    def __init__(self, workers: int = 0):
        super().__init__(max(0, workers))
        self.pool: ProcessPoolExecutor | None = None
        if self.workers > 0:
            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("spawn"),
                initializer=watch_parent,
                initargs=(os.getpid(),),
            )

    def _launch(self, fn: Callable[[list[T]], R], chunks: list[list[T]]) -> list[Wait | None]:
        if self.pool is None:
            return [None] * len(chunks)  # computed in order by `results`
        return [self.pool.submit(fn, c).result for c in chunks]

    def _lost(self, exc: BaseException) -> bool:
        return isinstance(exc, BrokenProcessPool)

    def failure(self, exc: BaseException) -> str:
        return f"worker pool broke ({exc}); went on in the main process"

    def _shutdown(self, now: bool) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=not now, cancel_futures=True)
            self.pool = None

    def describe(self) -> str:
        return "local, in this process" if self.pool is None else f"local, {self.workers} processes"
