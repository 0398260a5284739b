"""Story assignment in corpus mode: the one rule and scorer of `corroborator.stories`.

Corpus mode has no scorer of its own any more: it runs `stories.incremental.StoryIndex`
(the assignment rule, batch by batch, in the open time window) with `stories.score` (the
pair scorer), exactly what `compare` runs over its one batch, so the same articles form the
same stories in both modes. The names below are the ones the corpus job imports.
"""

from __future__ import annotations

from corroborator.stories.incremental import MAX_STORY_ANCHORS, MAX_STORY_SIZE, StoryIndex
from corroborator.stories.score import DEFAULT_PARAMS, Candidate, StoryParams

AssignParams = StoryParams
DEFAULT_ASSIGN = DEFAULT_PARAMS

__all__ = [
    "DEFAULT_ASSIGN",
    "MAX_STORY_ANCHORS",
    "MAX_STORY_SIZE",
    "AssignParams",
    "Candidate",
    "StoryIndex",
]
