"""Provenance: who copied, syndicated, rewrote, translated or partly reused whom.

Entry point for the pipeline: `detect_derivations(articles, embedder) -> list[Link]`, then
`apply_derivations(articles, links)` and `independence_groups(ids, links)`.
"""

from corroborator.provenance.derive import detect_derivations, score_machine_text
from corroborator.provenance.links import Link, apply_derivations, independence_groups
from corroborator.provenance.machine import MachineSignal, machine_signal

__all__ = [
    "Link",
    "MachineSignal",
    "apply_derivations",
    "detect_derivations",
    "independence_groups",
    "machine_signal",
    "score_machine_text",
]
