"""Candidate story search for corpus mode: moved to `corroborator.stories.candidates`.

Kept as the corpus-side name of the same classes (bench/ann_recall.py and older imports).
"""

from corroborator.stories.candidates import (
    ANN_MIN_OPEN,
    CONNECTIVITY,
    EXPANSION_ADD,
    EXPANSION_SEARCH,
    OVERSAMPLE,
    AutoSearch,
    CandidateSearch,
    ExactSearch,
    HnswSearch,
    make_search,
    unit,
)

__all__ = [
    "ANN_MIN_OPEN",
    "CONNECTIVITY",
    "EXPANSION_ADD",
    "EXPANSION_SEARCH",
    "OVERSAMPLE",
    "AutoSearch",
    "CandidateSearch",
    "ExactSearch",
    "HnswSearch",
    "make_search",
    "unit",
]
