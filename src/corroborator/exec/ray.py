"""Ray executor: each chunk is one Ray task (`pip install 'corroborator[ray]'`).

With no address a local cluster of `workers` CPUs starts in this process's session (no
dashboard, workers' logs kept out of the terminal) and stops on `close`; `address` (a
`ray://` or `host:port` address, or "auto") joins a running cluster, which the user started
and stops. When Ray is already initialised in this process (a notebook, a test session) that
session is used and left running.

Ray reuses its worker processes, so a model a step loads on first use (cached per process)
is loaded once per worker, not once per task. A task whose worker dies is retried by Ray
(`max_retries`); a chunk still lost after that is computed in this process (see
`corroborator.exec.base`). An error raised by the step itself is raised here, as Ray's
`RayTaskError`.

Every process of the cluster must be able to import corroborator (the same version): Ray
ships the step by reference, not its code.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from corroborator.exec.base import Executor, ExecutorError, Wait

T = TypeVar("T")
R = TypeVar("R")

#: Object store of a local cluster: chunks and results only (the machine is shared).
LOCAL_OBJECT_STORE = 256 * 1024 * 1024
MAX_RETRIES = 3


def _apply(fn: Callable[[list[T]], R], chunk: list[T]) -> R:
    return fn(chunk)


def _check_import_order() -> None:
    """`ray.init` aborts the process ("std::regex_error") when usearch's C++ runtime was
    loaded before Ray's: say so instead."""
    loaded = {name: n for n, name in enumerate(sys.modules)}
    usearch, raylet = loaded.get("usearch.compiled"), loaded.get("ray._raylet")
    if usearch is not None and raylet is not None and usearch < raylet:
        raise ExecutorError(
            "Ray was imported after usearch in this process, and ray.init would abort it "
            "(a C++ runtime clash): import ray first (see corroborator.exec.base.preload)"
        )


class RayExecutor(Executor):
    kind = "ray"

    def __init__(self, workers: int = 2, address: str | None = None):
        super().__init__(max(1, workers))
        try:
            import ray
        except ImportError as exc:
            raise ExecutorError(
                "the ray executor needs Ray: pip install 'corroborator[ray]'"
            ) from exc
        self._ray: Any = ray
        self.address = address
        self._owned = False
        if not ray.is_initialized():
            _check_import_order()
            try:
                if address:
                    ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
                else:
                    ray.init(
                        num_cpus=self.workers,
                        include_dashboard=False,
                        log_to_driver=False,
                        logging_level=logging.WARNING,
                        object_store_memory=LOCAL_OBJECT_STORE,
                    )
            except Exception as exc:
                where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
                raise ExecutorError(f"could not start or join {where}: {exc}") from exc
            self._owned = True
        self._task: Any = ray.remote(num_cpus=1, max_retries=MAX_RETRIES)(_apply)

    def _launch(self, fn: Callable[[list[T]], R], chunks: list[list[T]]) -> list[Wait | None]:
        refs = [self._task.remote(fn, c) for c in chunks]
        return [partial(self._ray.get, ref) for ref in refs]

    def _lost(self, exc: BaseException) -> bool:
        errors = self._ray.exceptions
        return isinstance(exc, errors.RayError) and not isinstance(exc, errors.RayTaskError)

    def _shutdown(self, now: bool) -> None:
        if self._owned and self._ray.is_initialized():
            self._ray.shutdown()
        self._owned = False

    def describe(self) -> str:
        where = self.address or f"local cluster of {self.workers} CPUs"
        return f"ray, tasks on {where}"
