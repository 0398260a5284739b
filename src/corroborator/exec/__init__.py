"""Executors: where steps run (this process, a process pool, Ray, Spark).

Nothing here imports corroborator's domain modules: an executor gets a picklable function of
one chunk and the items, and returns each chunk's result in input order (`exec.base`).
"""

from corroborator.exec.base import KINDS, Executor, ExecutorError, Submitted, make_executor

__all__ = ["KINDS", "Executor", "ExecutorError", "Submitted", "make_executor"]
