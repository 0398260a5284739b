"""Reports: the JSON contract (with its shipped JSON Schema), terminal, Markdown and HTML.

All four formats show the same content in the same order (see `view`): per story its
independent groups, conflicts first, then corroborated, single-source and omitted claims,
then skipped inputs. Values are humanised in one place (`units.format_value`).
"""

from __future__ import annotations

from corroborator.model import Report
from corroborator.report.html import to_html
from corroborator.report.json import (
    ReportFormatError,
    from_dict,
    from_json,
    load_schema,
    to_json,
    validate,
    validation_errors,
)
from corroborator.report.markdown import to_markdown
from corroborator.report.terminal import to_text

FORMATS = ("json", "md", "html", "text")

__all__ = [
    "FORMATS",
    "ReportFormatError",
    "from_dict",
    "from_json",
    "load_schema",
    "render",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "validate",
    "validation_errors",
]


def render(report: Report, fmt: str, *, color: bool = False, width: int = 100) -> str:
    """Render `report` in one of `FORMATS`; `color` and `width` apply to "text" only.

    Raises ValueError naming the accepted formats when `fmt` is unknown.
    """
    if fmt == "json":
        return to_json(report)
    if fmt == "md":
        return to_markdown(report)
    if fmt == "html":
        return to_html(report)
    if fmt == "text":
        return to_text(report, color=color, width=width)
    raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
