"""The step contract: records in; records or `Skip(reason)` out; counters.

A step is a small, picklable object (a dataclass of its settings, no loaded model: a model
is loaded once per process, on first use, by the function the step calls). Executors
(`corroborator.exec`) decide where a step runs: they ship `run_chunk` and a chunk of records
to a worker and bring back the outputs, in input order, with the chunk's counters.

    step.process(record)        -> output or Skip        (one record; the default unit)
    step.process_batch(records) -> [output or Skip, ...]  (override for batched models)
    run_chunk(step, records)    -> ([outputs...], Counters)

`requires` names what a step needs from the records it reads (documentation for job
definitions; nothing checks it at run time).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import ClassVar, Generic, TypeVar

from corroborator.model import Skip

In = TypeVar("In")  # records in
Out = TypeVar("Out")  # records out


@dataclass
class Counters:
    """What one step did: records in, records out, records skipped, seconds spent in it
    (summed over workers: seconds of work, not of the wall clock)."""

    records_in: int = 0
    records_out: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def add(self, other: Counters) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def to_dict(self) -> dict[str, float | int]:
        return {
            "in": self.records_in,
            "out": self.records_out,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
        }


class Step(Generic[In, Out]):
    """One unit of work over records (subclasses are dataclasses of their settings)."""

    name: ClassVar[str] = "step"
    requires: ClassVar[tuple[str, ...]] = ()

    def process(self, record: In) -> Out | Skip:
        raise NotImplementedError

    def process_batch(self, records: Sequence[In]) -> list[Out | Skip]:
        return [self.process(r) for r in records]

    def skipped(self, output: Out | Skip) -> bool:
        """Whether an output counts as skipped (a Skip; steps wrapping one say so here)."""
        return isinstance(output, Skip)


def run_chunk(step: Step[In, Out], records: Sequence[In]) -> tuple[list[Out | Skip], Counters]:
    """Run `step` over one chunk of records: what executors ship to their workers."""
    start = time.perf_counter()
    out = step.process_batch(records)
    if len(out) != len(records):
        raise RuntimeError(f"step {step.name} returned {len(out)} outputs for {len(records)}")
    skipped = sum(step.skipped(o) for o in out)
    counters = Counters(
        records_in=len(records),
        records_out=len(out) - skipped,
        skipped=skipped,
        seconds=time.perf_counter() - start,
    )
    return out, counters
