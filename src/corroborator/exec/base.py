"""The executor contract: where chunks of records are processed.

An executor gets a picklable function of one chunk (a module-level function, or a
`functools.partial` of one) and the items to process; it cuts them into chunks of `size`
(the same cut on every executor, so the results never depend on where they ran), starts
them at once and hands back a `Submitted`; `results(submitted)` yields each chunk's result
in input order, waiting for it.

A backend that loses a chunk (a worker process killed, a Ray node gone, a failed Spark job)
does not stop the run: that chunk and every later one are computed in this process, so the
run goes on, slower, and no item is lost or returned twice (results are taken per chunk, in
order, once). `broken` then says what happened.

This package imports nothing from corroborator's domain modules.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: One chunk's result, when it is ready (raises the backend's error when it was lost).
Wait = Callable[[], Any]

KINDS = ("local", "ray", "spark")


class ExecutorError(Exception):
    """An executor that cannot start (its extra is not installed, a cluster unreachable)."""


@dataclass
class Submitted(Generic[T, R]):
    """Chunks sent to an executor, each with its wait (None: compute it in this process)."""

    fn: Callable[[list[T]], R]
    chunks: list[list[T]]
    waits: list[Wait | None]


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    size = max(1, size)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class Executor(ABC):
    """Runs chunks somewhere: subclasses implement `_launch` (and `_shutdown`)."""

    kind: ClassVar[str] = "base"

    def __init__(self, workers: int):
        self.workers = workers
        self.broken: str | None = None

    # -- what subclasses provide -------------------------------------------------------
    @abstractmethod
    def _launch(self, fn: Callable[[list[T]], R], chunks: list[list[T]]) -> list[Wait | None]:
        """Start every chunk; one wait per chunk (None: compute it in this process)."""

    def _lost(self, exc: BaseException) -> bool:
        """Whether `exc` (raised by a wait) means the backend lost the chunk."""
        return False

    def _shutdown(self, now: bool) -> None:  # noqa: B027 - nothing to release by default
        """Release the backend (`now`: do not wait for running work)."""

    def describe(self) -> str:
        """One line for logs and the docs: kind, workers, where."""
        return f"{self.kind} ({self.workers} workers)"

    # -- the contract --------------------------------------------------------------------
    def submit(self, fn: Callable[[list[T]], R], items: Sequence[T], size: int) -> Submitted[T, R]:
        chunks = chunked(items, size)
        waits: list[Wait | None] = [None] * len(chunks)
        if chunks and self.broken is None:
            try:
                waits = self._launch(fn, chunks)
            except Exception as exc:
                if not self._lost(exc):
                    raise
                self._broke(exc)
        return Submitted(fn, chunks, waits)

    def results(self, submitted: Submitted[T, R]) -> Iterator[R]:
        """Each chunk's result, in input order: the backend's, or computed here when it has
        none or lost it."""
        for chunk, wait in zip(submitted.chunks, submitted.waits, strict=True):
            if wait is not None and self.broken is None:
                try:
                    yield wait()
                    continue
                except Exception as exc:
                    if not self._lost(exc):
                        raise
                    self._broke(exc)
            yield submitted.fn(chunk)

    def map(self, fn: Callable[[list[T]], R], items: Sequence[T], size: int) -> list[R]:
        return list(self.results(self.submit(fn, items, size)))

    def failure(self, exc: BaseException) -> str:
        return f"{self.kind} executor failed ({exc}); went on in the main process"

    def _broke(self, exc: BaseException) -> None:
        self.broken = self.failure(exc)
        self._shutdown(now=True)

    def close(self) -> None:
        self._shutdown(now=False)

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def preload(kind: str) -> None:
    """Import the backend's library now, if installed. Ray must be imported before a library
    that brings its own C++ runtime is loaded (usearch: `ray.init` then aborts the process
    with "std::regex_error"), so a job calls this before it builds anything else."""
    if kind == "ray":
        with suppress(ImportError):  # `make_executor` says how to install it
            import ray  # noqa: F401


def make_executor(kind: str, workers: int, address: str | None = None) -> Executor:
    """The executor `kind` (local, ray, spark) with `workers` processes (local: 0 runs in
    this process; ray and spark: at least one) and, for ray and spark, the cluster
    `address` (Ray address / Spark master; none: a local cluster of `workers` CPUs)."""
    if kind == "local":
        if address:
            raise ExecutorError("the local executor takes no cluster address")
        from corroborator.exec.local import LocalExecutor

        return LocalExecutor(workers)
    if kind == "ray":
        from corroborator.exec.ray import RayExecutor

        return RayExecutor(max(1, workers), address)
    if kind == "spark":
        from corroborator.exec.spark import SparkExecutor

        return SparkExecutor(max(1, workers), address)
    raise ExecutorError(f"unknown executor {kind!r}: choose one of {', '.join(KINDS)}")
