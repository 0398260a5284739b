"""Old import path of the `ingest` job (kept so that callers keep working).

The job is `corroborator.jobs.ingest`; its domain pieces are `corpus.work` (the per-article
steps), `corpus.neardup` (near-duplicates), `corpus.prime` (what the analysis will embed),
`corpus.assign` (stories) and `corpus.analyse` (one stored story's analysis).
"""

from corroborator.corpus.prime import claim_texts
from corroborator.jobs.ingest import (
    MAX_LISTED,
    CorpusIngest,
    IngestOptions,
    IngestSummary,
    content_id,
    ingest,
)

__all__ = [
    "MAX_LISTED",
    "CorpusIngest",
    "IngestOptions",
    "IngestSummary",
    "claim_texts",
    "content_id",
    "ingest",
]
