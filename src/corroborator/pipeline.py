"""Old import path of the `compare` job and its pieces (kept so that callers keep working).

The job is `corroborator.jobs.compare`; preparing one article is `corroborator.text.prepare`;
the analysis of one story (both modes) is `corroborator.analysis`.
"""

from corroborator.analysis import analyse_story, story_title
from corroborator.jobs.compare import NoUsableInput, build_report
from corroborator.text.prepare import (
    MAX_ARTICLE_CHARS,
    MAX_TITLE_CHARS,
    PreparedCorpus,
    normalise_published,
    outlet_from_removed,
    prepare,
    prepare_all,
)

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_TITLE_CHARS",
    "NoUsableInput",
    "PreparedCorpus",
    "analyse_story",
    "build_report",
    "normalise_published",
    "outlet_from_removed",
    "prepare",
    "prepare_all",
    "story_title",
]
