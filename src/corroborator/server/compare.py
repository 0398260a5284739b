"""`POST /api/compare` and the compare page: 2 to 20 articles in, the report contract out.

No store is involved: the articles go through `corroborator.jobs.compare.build_report`,
the same job as `corroborator compare`. Input arrives three ways (JSON body, pasted text,
uploaded files); each becomes `RawDocument` records, and any problem becomes a
`CompareInputError` whose message is shown as is (HTTP 400 / 422), never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from corroborator.ingest.readers import read_bytes
from corroborator.jobs.compare import NoUsableInput, build_report
from corroborator.model import RawDocument, Report, Skip

# A comparison needs two articles; twenty keeps one request to a few seconds of analysis.
MIN_ARTICLES = 2
MAX_ARTICLES = 20

CompareFormat = Literal["json", "html", "md"]

# Pasted text: articles separated by a line holding only three or more dashes.
_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.M)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class CompareInputError(ValueError):
    """The compare input cannot be used; the message says what to change."""


class ArticleIn(BaseModel):
    """One article of a compare request: exactly one of `text` and `html`."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=1000)
    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=64)
    outlet: str | None = Field(default=None, max_length=300)
    language: str | None = Field(default=None, max_length=16)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        has_text = bool(self.text and self.text.strip())
        has_html = bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self


class CompareRequest(BaseModel):
    """Body of `POST /api/compare`."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=MIN_ARTICLES, max_length=MAX_ARTICLES)
    format: CompareFormat = "json"


def documents_from_request(req: CompareRequest) -> list[RawDocument]:
    """The request's articles as records; `source` is the URL when given, else "article N"."""
    return [
        RawDocument(
            source=a.url or f"article {i}",
            text=a.text if a.text and a.text.strip() else None,
            html=a.html if a.text is None or not a.text.strip() else None,
            title=a.title,
            url=a.url,
            published=a.published,
            outlet=a.outlet,
            language=a.language,
        )
        for i, a in enumerate(req.articles, start=1)
    ]


def split_pasted(text: str) -> list[RawDocument]:
    """Pasted articles, separated by `---` lines; the first non-empty line of each is its
    title (the cleaner would take it anyway; saying so on the form avoids surprises)."""
    docs = []
    for i, chunk in enumerate(_SEPARATOR.split(text.replace("\r\n", "\n")), start=1):
        body = chunk.strip()
        if body:
            docs.append(RawDocument(source=f"pasted article {i}", text=body))
    return docs


def safe_upload_name(name: str | None, n: int) -> str:
    """An uploaded file's name reduced to its last path part and safe characters.

    The name is only a label in the report (uploads are read from memory, never written to
    disk), but a label like "../../etc/passwd" would still mislead a reader.
    """
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).strip("._") or f"upload-{n}"
    return base[:100]


def documents_from_uploads(files: Iterable[tuple[str | None, bytes]]) -> list[RawDocument | Skip]:
    """Records from uploaded files (.txt, .html, .json, .jsonl), read like CLI inputs."""
    out: list[RawDocument | Skip] = []
    for n, (name, data) in enumerate(files, start=1):
        if not data:
            continue
        out.extend(read_bytes(data, safe_upload_name(name, n)))
    return out


def run_compare(records: list[RawDocument | Skip]) -> Report:
    """The report for 2-20 usable records; raises CompareInputError with the reason."""
    docs = [r for r in records if isinstance(r, RawDocument)]
    skips = [r for r in records if isinstance(r, Skip)]
    if len(docs) < MIN_ARTICLES:
        reasons = "".join(f"; skipped {s.source}: {s.reason}" for s in skips[:3])
        raise CompareInputError(
            f"give at least {MIN_ARTICLES} articles to compare (got {len(docs)}){reasons}"
        )
    if len(docs) > MAX_ARTICLES:
        raise CompareInputError(
            f"at most {MAX_ARTICLES} articles per comparison (got {len(docs)}); "
            "use `corroborator ingest` for larger sets"
        )
    try:
        return build_report(records)
    except NoUsableInput as exc:
        raise CompareInputError(str(exc)) from None


# -- jobs run in the analysis workers (`corroborator.server.workers`) -------------------------


def compare_job(records: list[RawDocument | Skip], fmt: CompareFormat) -> tuple[str, bytes]:
    """`POST /api/compare` in a worker: (media type, body) of the rendered report.

    Rendering happens here too, so the server process only passes bytes along."""
    from corroborator.report import render, to_json

    report = run_compare(records)
    if fmt == "json":
        return "application/json", to_json(report).encode()
    if fmt == "html":
        return "text/html; charset=utf-8", render(report, "html").encode()
    return "text/markdown; charset=utf-8", render(report, "md").encode()


def compare_page_job(pasted: str, uploads: list[tuple[str | None, bytes]]) -> str:
    """`POST /compare` (the form) in a worker: the result page. Uploads are read here, as
    reading is part of the work an odd input can make slow."""
    from corroborator.server import pages

    records = [*split_pasted(pasted), *documents_from_uploads(uploads)]
    return pages.compare_result(run_compare(records))
