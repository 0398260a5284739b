"""The Python API: the CLI's commands as functions and objects.

`compare` is `corroborator compare`; `Corpus` is the corpus-mode commands (`ingest`,
`stories`, `report`, `skipped`, `export`) over one database. Both return the same report
contract as the CLI: ``compare(paths).to_json()`` is byte for byte what
``corroborator compare PATHS -f json`` prints.

Articles can be files or in-memory records:

>>> import corroborator
>>> report = corroborator.compare([
...     {"text": "Twelve firefighters fought a warehouse blaze on Pier 9 for three hours on "
...      "Monday, the harbour authority said.", "outlet": "Harbour Post",
...      "published": "2026-03-02"},
...     {"text": "A fire broke out at a Pier 9 warehouse on Monday. Eight firefighters needed "
...      "three hours to put it out, according to the harbour authority.",
...      "outlet": "Bay Courier", "published": "2026-03-02"},
... ])
>>> report
<Report: 2 articles, 1 stories, 3 claims, 0 skipped>
>>> [a.outlet for a in report.articles], report.stories[0].independent_sources
(['Harbour Post', 'Bay Courier'], 2)
>>> conflict = next(c for c in report.claims if c.verdict == "conflicting")
>>> conflict.label, [(side["value"], side["articles"]) for side in conflict.sides]
('firefighters', [(12, ['a1']), (8, ['a2'])])
>>> report.to_json().startswith('{')
True

A corpus database is built and queried the same way as with the CLI:

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "one.txt").write_text("Pier 9 fire: twelve firefighters fought the blaze.")
>>> corpus = corroborator.Corpus(folder / "news.db")
>>> summary = corpus.ingest([folder / "one.txt"])
>>> summary.added, summary.skipped
(1, 0)
>>> [s["size"] for s in corpus.stories()]
[1]
>>> corpus.report(corpus.stories()[0]["id"]).articles[0].source.endswith("one.txt")
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corroborator import model
from corroborator.model import RawDocument, Skip

if TYPE_CHECKING:
    from corroborator.corpus.reanalyse import ReanalyseSummary
    from corroborator.embed import Embedder
    from corroborator.jobs.ingest import IngestOptions, IngestSummary
    from corroborator.store import Store

#: One input of `compare`: a file path, a '-' for standard input, an article as a mapping
#: (the keys of a JSON Lines record: ``text`` or ``html``, and optionally ``title``, ``url``,
#: ``published``, ``outlet``, ``language``, ``source``), a `RawDocument`, or a string (see
#: `compare` for how a string is told apart from a path).
Input = str | os.PathLike[str] | Mapping[str, Any] | RawDocument


class Report:
    """One `compare` (or stored story's) report: the JSON contract as Python objects.

    `stories`, `articles`, `skipped` and `claims` (every story's claims, in report order) are
    the records of `corroborator.model`; `to_json`, `to_markdown`, `to_html` and `to_text`
    render exactly what the CLI's ``--format json|md|html|text`` prints. `data` is the
    underlying `corroborator.model.Report`.
    """

    def __init__(self, data: model.Report) -> None:
        self.data = data

    @property
    def stories(self) -> list[model.Story]:
        return self.data.stories

    @property
    def articles(self) -> list[model.Article]:
        return self.data.articles

    @property
    def skipped(self) -> list[Skip]:
        return self.data.skipped

    @property
    def claims(self) -> list[model.Claim]:
        return [c for s in self.data.stories for c in s.claims]

    def article(self, article_id: str) -> model.Article:
        """The article with this id ("a1"); KeyError when there is none."""
        for a in self.data.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        """The report as the JSON contract's object (report/schema.json)."""
        return self.data.to_dict()

    def to_json(self) -> str:
        """The JSON report, as `corroborator compare -f json` prints it."""
        return self.render("json")

    def to_markdown(self) -> str:
        return self.render("md")

    def to_html(self) -> str:
        """One self-contained HTML page (no network), as `-f html` writes it."""
        return self.render("html")

    def to_text(self, *, color: bool = False, width: int = 100) -> str:
        """The terminal summary (`-f text`), with ANSI colour only when `color`."""
        from corroborator.report import render

        return render(self.data, "text", color=color, width=width)

    def render(self, fmt: Literal["json", "md", "html", "text"]) -> str:
        from corroborator.report import render

        return render(self.data, fmt)

    def __repr__(self) -> str:
        return (
            f"<Report: {len(self.articles)} articles, {len(self.stories)} stories, "
            f"{len(self.claims)} claims, {len(self.skipped)} skipped>"
        )


def _looks_like_path(text: str) -> bool:
    if text == "-":
        return True
    if "\n" in text or len(text) > 4096:
        return False
    from corroborator.ingest import files

    known = (
        files.TEXT_SUFFIXES
        | files.HTML_SUFFIXES
        | files.JSON_SUFFIXES
        | files.JSONL_SUFFIXES
        | files.FEED_SUFFIXES
        | files.WARC_SUFFIXES
        | {".gz"}
    )
    return os.path.exists(text) or Path(text).suffix.lower() in known


def _raw_from_mapping(obj: Mapping[str, Any], source: str) -> RawDocument | Skip:
    from corroborator.ingest.readers import _from_json_object

    given = obj.get("source")
    name = given if isinstance(given, str) and given.strip() else source
    return _from_json_object(dict(obj), name)


def records(inputs: Input | Iterable[Input]) -> Iterator[RawDocument | Skip]:
    """The records `compare` reads from `inputs`, in order (a bad input is a `Skip`).

    Paths go through the reader entry point of the CLI (`corroborator.ingest.read`: files of
    every supported type, folders walked); mappings through the JSON Lines reader
    (``<input N>`` names an input without a ``source``); a `RawDocument` as it is.
    """
    from corroborator.ingest import read

    items: Iterable[Input]
    items = [inputs] if isinstance(inputs, str | os.PathLike | Mapping | RawDocument) else inputs
    for number, item in enumerate(items, start=1):
        name = f"<input {number}>"
        if isinstance(item, RawDocument):
            yield item
        elif isinstance(item, Mapping):
            yield _raw_from_mapping(item, name)
        elif isinstance(item, os.PathLike):
            yield from read([os.fspath(item)])
        elif isinstance(item, str):
            if _looks_like_path(item):
                yield from read([item])
            elif item.strip():
                yield RawDocument(source=name, text=item)
            else:
                yield Skip(name, "empty input")
        else:
            yield Skip(name, f"cannot read a {type(item).__name__} (give a path, str or dict)")


def compare(inputs: Input | Iterable[Input], *, embedder: Embedder | None = None) -> Report:
    """Compare articles: stories, independent sources, agreements and conflicts.

    `inputs` is one input or a list of them: paths (`str` or `pathlib.Path`, read as the CLI
    reads them: .txt, .html, .json/.jsonl, feeds, WARC, gzip, folders), mappings with a
    ``text`` or ``html`` key (and the optional JSON Lines metadata keys), `RawDocument`s, or
    article texts. A `str` is a path when it names an existing file, is '-' or is one line
    ending in a known suffix (".txt", ".html", ".jsonl", ...); otherwise it is an article's
    text. Article ids are
    "a1", "a2", ... in input order, as in the CLI.

    Inputs that cannot be used are listed in `Report.skipped` with the reason; raises
    `corroborator.NoUsableInput` when none can. `embedder` replaces the default sentence
    embedding model (see `corroborator.embed`).
    """
    from corroborator.jobs.compare import build_report

    return Report(build_report(records(inputs), embedder))


@dataclass
class Corpus:
    """A corpus database: the `ingest`, `stories`, `report`, `skipped` and `export` commands.

    Each call opens the SQLite store, does its work and closes it, as the CLI does, so a
    `Corpus` can be kept around while other processes (a server, a cron ingest) use the same
    file. Reading methods raise `corroborator.store.StoreError` when the database is missing.
    """

    db: str | os.PathLike[str]

    @property
    def path(self) -> Path:
        return Path(self.db)

    def _open(self, create: bool) -> Store:
        from corroborator.store import open_store

        return open_store(self.path, create=create)

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        analysis: Literal["full", "fast"] | None = None,
        batch_size: int | None = None,
        workers: int | None = None,
        executor: Literal["local", "ray", "spark"] | None = None,
        address: str | None = None,
        progress: Callable[[IngestSummary], None] | None = None,
        embedder: Embedder | None = None,
    ) -> IngestSummary:
        """Add files and folders (walked recursively) to the database, as `ingest` does.

        Each argument left at None takes the settings in force (`corroborator.config`: the
        config file, then the environment; built-in defaults: analysis "full", batch size
        256, executor "local"); an argument given wins over them. `workers` > 0 runs
        per-article work in that many processes (started with `spawn`: a script must guard
        its entry point with ``if __name__ == "__main__":``); the library's default is 0 (all
        in this process) unless ``exec.workers`` sets one. `executor` "ray" or "spark" runs
        it there (`address`: the Ray address or Spark master; None: a local one); the store
        is the same on every executor. `progress` is called with the running counters after
        each batch. Returns the run's counters.
        """
        from corroborator.corpus.reanalyse import record_settings, stored_settings
        from corroborator.jobs.ingest import ingest as run_ingest

        options = _options(analysis, batch_size, workers, executor, address)
        store = self._open(create=True)
        try:
            recorded = stored_settings(store).get("analysis")
            summary = run_ingest(
                [os.fspath(p) for p in paths], store, embedder, options=options, progress=progress
            )
            if recorded is None:  # as the CLI: a store records the analysis of its first run
                record_settings(store, options.analysis)
            return summary
        finally:
            store.close()

    def reanalyse(
        self,
        *,
        analysis: Literal["full", "fast"] | None = None,
        batch: int | None = None,
        workers: int | None = None,
        executor: Literal["local", "ray", "spark"] | None = None,
        address: str | None = None,
        progress: Callable[[ReanalyseSummary], None] | None = None,
        embedder: Embedder | None = None,
    ) -> ReanalyseSummary:
        """Analyse every story again (`corroborator reanalyse`): after an upgrade, or with
        another `analysis` (None: the one the store records). `batch` stories per
        transaction (None: ``ingest.finish_batch``, 64); `workers`, `executor` and `address`
        as in `ingest` (with an `embedder` everything runs in this process). Returns the
        run's counters."""
        from corroborator.corpus.reanalyse import reanalyse

        if analysis is not None:
            _check_analysis(analysis)
        options = _options(None, None, workers, executor, address)
        if batch is not None and batch < 1:
            raise ValueError(f"batch must be at least 1, not {batch}")
        store = self._open(create=False)
        try:
            return reanalyse(
                store,
                analysis,
                embedder,
                batch=batch or options.finish_batch,
                progress=progress,
                workers=options.workers,
                executor=options.executor,
                address=options.address,
            )
        finally:
            store.close()

    def stories(
        self,
        *,
        since: str | date | None = None,
        until: str | date | None = None,
        language: str | None = None,
        min_sources: int = 1,
        conflicts_only: bool = False,
        limit: int | None = None,
        claims: bool = False,
    ) -> list[dict[str, Any]]:
        """Stories, most recent first: the objects `stories -f json` lists (claims only
        with `claims`). Dates are ISO strings ("2026-03-14") or `datetime.date`."""
        from corroborator.corpus import list_stories
        from corroborator.store import StoryFilter

        filters = StoryFilter(
            since=_day(since, "since"),
            until=_day(until, "until"),
            language=language,
            min_sources=min_sources,
            conflicts_only=conflicts_only,
            limit=limit,
        )
        store = self._open(create=False)
        try:
            return list_stories(store, filters, with_claims=claims)
        finally:
            store.close()

    def report(self, story_id: str, *, embedder: Embedder | None = None) -> Report:
        """The full report of one stored story (`corroborator report STORY`); raises
        `corroborator.corpus.queries.UnknownStory` for an unknown id."""
        from corroborator.corpus import story_report

        store = self._open(create=False)
        try:
            return Report(story_report(store, story_id, embedder))
        finally:
            store.close()

    def skipped(self) -> list[Skip]:
        """What ingest skipped, and why."""
        store = self._open(create=False)
        try:
            return store.skips()
        finally:
            store.close()

    def export(
        self,
        what: Literal["claims", "articles", "stories", "links"],
        fmt: Literal["csv", "jsonl", "parquet"],
        output: str | os.PathLike[str],
    ) -> int:
        """Write one table (see `corroborator.export`) to `output`; returns the row count."""
        from corroborator.export import export_table

        store = self._open(create=False)
        try:
            return export_table(store, what, fmt, Path(output))
        finally:
            store.close()


def _check_analysis(analysis: str) -> None:
    if analysis not in ("full", "fast"):
        raise ValueError(f"unknown analysis {analysis!r}; choose 'full' or 'fast'")


def _options(
    analysis: str | None,
    batch_size: int | None,
    workers: int | None,
    executor: str | None,
    address: str | None,
) -> IngestOptions:
    """The settings in force with the arguments given (None: the setting's); a bad argument
    is a one-line ValueError."""
    from corroborator.jobs.ingest import IngestOptions

    if analysis is not None:
        _check_analysis(analysis)
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be 0 or more, not {workers}")
    if executor is not None and executor not in ("local", "ray", "spark"):
        raise ValueError(f"unknown executor {executor!r}; choose 'local', 'ray' or 'spark'")
    options = IngestOptions.from_settings(
        batch_size=batch_size,
        analysis=analysis,
        workers=workers,
        executor=executor,
        address=address,
    )
    if address and options.executor == "local":
        raise ValueError("address needs executor 'ray' or 'spark'")
    return options


def _day(value: str | date | None, name: str) -> int | None:
    from corroborator.store.base import day_of

    if value is None:
        return None
    if isinstance(value, date):
        return value.toordinal()
    day = day_of(value)
    if day is None:
        raise ValueError(f"{name} must be a date like 2026-03-14, not {value!r}")
    return day
