"""corroborator: what several news reports of one event actually agree on.

The Python API mirrors the CLI (see `corroborator.api`)::

    import corroborator

    report = corroborator.compare(["a.txt", "b.html"])   # corroborator compare a.txt b.html
    report.to_json(); report.to_html(); report.stories; report.claims

    corpus = corroborator.Corpus("news.db")
    corpus.ingest(["crawl/"])                            # corroborator ingest crawl/
    corpus.stories(conflicts_only=True)                  # corroborator stories --conflicts-only
    corpus.report("s1").to_markdown()                    # corroborator report s1 -f md
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The subpackage `corroborator.compare` (alignment and verdicts) is loaded first, so that the
# name `corroborator.compare` is the API function below and stays so: Python binds a
# subpackage to its parent's attribute when the subpackage is first imported.
import corroborator.compare as _compare_step  # noqa: F401  (empty __init__, cheap)
from corroborator.api import Corpus, Report, compare
from corroborator.model import RawDocument, Skip

if TYPE_CHECKING:
    from corroborator.pipeline import NoUsableInput

__all__ = ["Corpus", "NoUsableInput", "RawDocument", "Report", "Skip", "__version__", "compare"]


def __getattr__(name: str) -> Any:
    # The pipeline pulls in numpy, the NLP and the embedding model's code: imported on use.
    if name == "NoUsableInput":
        from corroborator.pipeline import NoUsableInput

        return NoUsableInput
    raise AttributeError(f"module 'corroborator' has no attribute {name!r}")
