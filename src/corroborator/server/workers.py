"""Analysis in worker processes, each request under a time budget (`AnalysisPool`).

Why processes: an analysis is CPU-bound Python (cleaning, claim extraction, embeddings,
alignment). Run in the server's own threads it holds the GIL, so pages and small API calls
wait behind it, and a runaway one (an input the analysis is slow on) cannot be stopped: a
thread cannot be killed. A worker process can. The pool therefore

* runs each job (`compare_job`, `compare_page_job`, `story_job`) in one of `workers`
  processes started with the `spawn` method (the server may hold threads and a loaded model,
  which `fork` would copy in an unknown state), each warmed up (model loaded) before it takes
  a job and running at a lower CPU priority than the server, so pages keep their latency;
* gives a request at most `budget` seconds to find a free worker (else `Busy`, HTTP 503) and
  its job at most `budget` seconds to run (else `OverBudget`, HTTP 504): the worker running
  an over-budget job is killed and replaced, so the work is cancelled and the pool goes on;
* refuses at once (`Busy`) a request that finds every worker busy and `max_waiting` others
  already waiting;
* kills every worker on `close()` (server shutdown), so an in-flight job never delays exit.

A worker exits by itself when the server process is gone (killed with -9, say).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from corroborator.exec.local import watch_parent

log = logging.getLogger("corroborator.server")

#: Seconds a request's job may run (and a request may wait for a free worker) by default.
DEFAULT_BUDGET = 60.0
#: Worker processes by default: one runaway compare then leaves one worker to the others,
#: and two warmed-up workers cost about 0.5 GB of memory.
DEFAULT_WORKERS = 2
#: Requests that may wait for a free worker at one time; more are refused with 503 at once.
DEFAULT_MAX_WAITING = 8
#: Seconds a new worker may take to start and load the model.
START_TIMEOUT = 120.0
#: Lower CPU priority of the workers (`os.nice` increment), so the server answers first.
WORKER_NICE = 10


class PoolError(Exception):
    """An analysis could not be run or finished; the message is safe to show to users."""

    status = 503


class Busy(PoolError):
    """No worker became free within the budget, too many requests wait, or the server stops."""

    status = 503


class OverBudget(PoolError):
    """The job ran past its budget; its worker was killed and is being replaced."""

    status = 504


class WorkerDied(PoolError):
    """The worker process ended while running the job (out of memory, say)."""

    status = 503


class JobFailed(Exception):
    """A job raised an exception that could not be sent back as it is (logged, HTTP 500)."""


# -- worker side ------------------------------------------------------------------------------


def _worker_main(conn: Connection, parent: int, nice: int) -> None:
    """A worker: warm up, say "ready", then run `(fn, args)` jobs until told to stop."""
    watch_parent(parent)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(nice)
    try:
        from corroborator.embed import default_embedder

        default_embedder().encode(["warm-up"])
    except Exception:  # the first job will report the same problem with its reason
        pass
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except Exception as exc:  # MemoryError and RecursionError included
            reply = ("error", (exc, traceback.format_exc()))
        try:
            conn.send(reply)
        except Exception as exc:  # the result or the exception cannot be pickled
            text = f"{type(exc).__name__}: {exc}"
            conn.send(("error", (JobFailed(text), traceback.format_exc())))


# -- server side ------------------------------------------------------------------------------


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection):
        self.process = process
        self.conn = conn

    def kill(self, close_pipe: bool = True) -> None:
        """Kill the process; and close the pipe, unless a job's thread may still be waiting on
        it (closing a descriptor another thread polls can leave that thread waiting on a
        reused number: it sees the process's end as EOF and closes the pipe itself)."""
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(timeout=5)
        if close_pipe:
            with contextlib.suppress(Exception):
                self.conn.close()


class AnalysisPool:
    """Worker processes for analyses, each job under a time budget (see module docstring).

    Thread-safe: `run` is called from the server's threads. Workers start on `start()` or on
    the first `run`, whichever comes first. `budget` may be changed at any time.
    """

    def __init__(
        self,
        workers: int = DEFAULT_WORKERS,
        budget: float = DEFAULT_BUDGET,
        max_waiting: int = DEFAULT_MAX_WAITING,
    ):
        if workers < 1:
            raise ValueError("an analysis pool needs at least one worker")
        if budget <= 0:
            raise ValueError("the analysis budget must be a positive number of seconds")
        self.workers = workers
        self.budget = budget
        self.max_waiting = max_waiting
        self._ctx = get_context("spawn")
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._live: set[_Worker] = set()
        self._booting: set[_Worker] = set()  # started, not ready yet
        self._starting = 0
        self._waiting = 0
        self._closed = False

    # -- workers ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start workers (in the background) until `workers` are running or starting."""
        with self._cond:
            self._fill()

    def _fill(self) -> None:  # with self._cond held
        while not self._closed and len(self._live) + self._starting < self.workers:
            self._starting += 1
            threading.Thread(target=self._start_one, name="analysis-start", daemon=True).start()

    def _start_one(self) -> None:
        worker: _Worker | None = None
        try:
            parent_conn, child_conn = self._ctx.Pipe()
            process = self._ctx.Process(
                target=_worker_main,
                args=(child_conn, os.getpid(), WORKER_NICE),
                name="corroborator-analysis",
                daemon=True,
            )
            process.start()
            child_conn.close()
            worker = _Worker(process, parent_conn)
            with self._cond:
                self._booting.add(worker)
            if not parent_conn.poll(START_TIMEOUT):
                raise TimeoutError(f"no answer within {START_TIMEOUT:.0f} s")
            kind, _ = parent_conn.recv()
            if kind != "ready":
                raise RuntimeError(f"unexpected first message {kind!r}")
        except Exception as exc:
            if worker is not None:
                worker.kill()
            with self._cond:
                self._starting -= 1
                if worker is not None:
                    self._booting.discard(worker)
                self._cond.notify_all()
                if not self._closed:
                    log.error("an analysis worker failed to start: %r", exc)
            return
        with self._cond:
            self._starting -= 1
            self._booting.discard(worker)
            if self._closed:
                worker.kill()
                return
            self._live.add(worker)
            self._idle.append(worker)
            self._cond.notify_all()

    def _discard(self, worker: _Worker) -> None:
        """Kill `worker` and start its replacement."""
        worker.kill()
        with self._cond:
            self._live.discard(worker)
            if worker in self._idle:
                self._idle.remove(worker)
            self._fill()
            self._cond.notify_all()

    def close(self) -> None:
        """Kill every worker (a job in flight ends with `Busy`); later `run`s are refused."""
        with self._cond:
            self._closed = True
            idle = list(self._idle)
            # a job's thread, or a starting worker's, may be waiting on these pipes
            busy = [*(w for w in self._live if w not in self._idle), *self._booting]
            self._live.clear()
            self._booting.clear()
            self._idle.clear()
            self._cond.notify_all()
        for w in idle:
            w.kill()
        for w in busy:
            w.kill(close_pipe=False)  # the waiting thread sees EOF and closes the pipe

    @property
    def running(self) -> int:
        """Workers running now (idle or busy), not counting those still starting."""
        with self._cond:
            return len(self._live)

    def pids(self) -> list[int]:
        """Process ids of the workers running now (idle or busy; not those still starting)."""
        with self._cond:
            return sorted(w.process.pid for w in self._live if w.process.pid is not None)

    @property
    def idle(self) -> int:
        """Workers ready for a job now."""
        with self._cond:
            return len(self._idle)

    # -- jobs ---------------------------------------------------------------------------------

    def _acquire(self, budget: float) -> _Worker:
        deadline = time.monotonic() + budget
        with self._cond:
            if self._closed:
                raise Busy("the server is shutting down")
            self._fill()
            if not self._idle and not self._starting and self._waiting >= self.max_waiting:
                raise Busy(
                    f"the server is busy ({len(self._live)} analyses running, "
                    f"{self._waiting} waiting); try again later"
                )
            self._waiting += 1
            try:
                while not self._idle:
                    remaining = deadline - time.monotonic()
                    if self._closed:
                        raise Busy("the server is shutting down")
                    if remaining <= 0:
                        raise Busy(
                            f"no analysis worker became free within {budget:g} s; try again later"
                        )
                    self._cond.wait(remaining)
                return self._idle.pop()
            finally:
                self._waiting -= 1

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` in a worker, within the budget; `fn` must be a module-level function.

        Returns its result or re-raises its exception; raises `Busy`, `OverBudget` or
        `WorkerDied` (PoolError, with `status` 503/504) when the pool could not finish it.
        """
        budget = self.budget
        worker = self._acquire(budget)
        try:
            worker.conn.send((fn, args))
            if not worker.conn.poll(budget):
                raise OverBudget(
                    f"the analysis took longer than this server's budget of {budget:g} s and "
                    "was stopped; compare fewer or shorter articles, or start the server with "
                    "a larger --compare-timeout"
                )
            kind, value = worker.conn.recv()
        except OverBudget:
            log.warning("analysis over its %g s budget: worker killed and replaced", budget)
            self._discard(worker)
            raise
        except (EOFError, OSError) as exc:
            self._discard(worker)
            with self._cond:
                closed = self._closed
            if closed:
                raise Busy("the server is shutting down") from None
            log.error("an analysis worker died: %r", exc)
            raise WorkerDied(
                "the analysis process ended unexpectedly (out of memory?); try smaller input"
            ) from None
        except BaseException:
            self._discard(worker)  # a half-sent job leaves the pipe in an unknown state
            raise
        with self._cond:
            if self._closed:
                worker.kill()
            else:
                self._idle.append(worker)
                self._cond.notify_all()
        if kind == "ok":
            return value
        error, text = value
        if isinstance(error, JobFailed) or not isinstance(error, Exception):
            raise JobFailed(text)
        error.add_note(text)  # the worker's traceback, for the server log
        raise error


__all__ = [
    "DEFAULT_BUDGET",
    "DEFAULT_WORKERS",
    "AnalysisPool",
    "Busy",
    "JobFailed",
    "OverBudget",
    "PoolError",
    "WorkerDied",
]
