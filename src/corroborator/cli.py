"""Command-line interface: a thin layer over library functions."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from corroborator import __version__

if TYPE_CHECKING:
    from corroborator.corpus import IngestOptions, IngestSummary
    from corroborator.corpus.progress import IngestProgress
    from corroborator.store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="corroborator: what several news reports of one event actually agree on.",
    pretty_exceptions_enable=False,
)

FORMATS = ("text", "json", "md", "html")


class ReportFormat(StrEnum):
    """Formats of a report (`compare`, `report`): the same content in each."""

    text = "text"
    json = "json"
    md = "md"
    html = "html"


class ListFormat(StrEnum):
    """Formats of a listing or summary (`ingest`, `stories`, `skipped`)."""

    text = "text"
    json = "json"


class Analysis(StrEnum):
    full = "full"
    fast = "fast"


class DatasetFormat(StrEnum):
    auto = "auto"
    parquet = "parquet"
    jsonl = "jsonl"


class ExecutorKind(StrEnum):
    local = "local"
    ray = "ray"
    spark = "spark"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"corroborator {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """corroborator: what several news reports of one event actually agree on."""


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _emit(rendered: str, output: Path | None, fmt: str) -> None:
    """Write a rendered report to stdout, or to `output` with a one-line error on failure."""
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(rendered, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    typer.echo(f"wrote {output} ({fmt})", err=True)


@app.command()
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files or folders (.txt, .html, .json/.jsonl, RSS/Atom, .warc, and .gz of each) or '-' for stdin."
        ),
    ],
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
    ] = ReportFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour in the terminal summary.")
    ] = None,
) -> None:
    """Compare articles: stories, independent sources, agreements and conflicts."""
    from corroborator.nlp.worker import prestart

    # English's parse child starts before the pipeline's imports (~0.3 s), so that its spaCy
    # load (~0.9 s on the other core) is done when the first story is aligned.
    prestart({"en"})
    from corroborator.ingest import read
    from corroborator.pipeline import NoUsableInput, build_report
    from corroborator.report import render

    try:
        report = build_report(read(paths))
    except NoUsableInput as exc:
        _fail(str(exc))
        return
    for skip in report.skipped:
        typer.echo(f"skipped {skip.source}: {skip.reason}", err=True)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    _emit(render(report, fmt, color=bool(use_color) and fmt == "text"), output, fmt)


# -- corpus mode --------------------------------------------------------------------------

DbOption = Annotated[Path, typer.Option("--db", help="Corpus database (SQLite) to write or read.")]


def _open(db: Path, create: bool) -> Store:
    from corroborator.store import StoreError, open_store

    try:
        return open_store(db, create=create)
    except StoreError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None


def _day_option(value: str | None, name: str) -> int | None:
    from corroborator.store.base import day_of

    if value is None:
        return None
    day = day_of(value)
    if day is None:
        _fail(f"{name} must be a date like 2026-03-14, not {value!r}", 2)
    return day


WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=0,
        help="Worker processes (per-article work, embeddings, fast analysis); 0 runs all in "
        "the main process. Default: exec.workers, else one per core. The store is the same "
        "either way.",
    ),
]
ExecutorOption = Annotated[
    ExecutorKind | None,
    typer.Option(
        case_sensitive=False,
        help="Where per-article work runs: 'local' (processes on this machine), 'ray' "
        "(pip install 'corroborator\\[ray]') or 'spark' (pip install "
        "'corroborator\\[spark]'). "
        "Ray and Spark start a local cluster of --workers CPUs unless given an address. "
        "The store is the same on every executor. Default: exec.executor (local).",
    ),
]
RayAddressOption = Annotated[
    str | None,
    typer.Option("--ray-address", help="Join this Ray cluster (with --executor ray)."),
]
SparkMasterOption = Annotated[
    str | None,
    typer.Option(
        "--spark-master",
        help="Spark master URL (with --executor spark; default local[WORKERS]).",
    ),
]


def _run_options(
    workers: int | None,
    executor: ExecutorKind | None,
    ray_address: str | None,
    spark_master: str | None,
    **flags: str | int | None,
) -> IngestOptions:
    """The settings in force (`corroborator.config`) with the flags given; a flag that
    needs another executor is a usage error."""
    from corroborator.corpus import IngestOptions

    options = IngestOptions.from_settings(
        per_core=True,
        workers=workers,
        executor=executor.value if executor else None,
        address=ray_address or spark_master,
        **flags,  # type: ignore[arg-type]
    )
    if ray_address and options.executor != "ray":
        _fail("--ray-address needs --executor ray", 2)
    if spark_master and options.executor != "spark":
        _fail("--spark-master needs --executor spark", 2)
    return options


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files and folders (walked recursively): .txt, .html, .json, .jsonl "
            "(each optionally .gz), RSS/Atom feeds, WARC files."
        ),
    ] = None,
    db: DbOption = Path("corpus.db"),
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles per transaction. Default: ingest.batch_size (256).",
        ),
    ] = None,
    analysis: Annotated[
        Analysis | None,
        typer.Option(
            case_sensitive=False,
            help="Per-story verdicts: 'full' (as `compare`: rewrites and translations found "
            "by sentence alignment) or 'fast' (copies and syndication only; no sentence "
            "embeddings, for large crawls). Default: ingest.analysis (full).",
        ),
    ] = None,
    workers: WorkersOption = None,
    executor: ExecutorOption = None,
    ray_address: RayAddressOption = None,
    spark_master: SparkMasterOption = None,
    dataset: Annotated[
        list[str] | None,
        typer.Option(
            "--dataset",
            help="A Parquet or JSON Lines dataset (file or folder; any path Spark reads: "
            "hdfs://, s3a://) that Spark reads itself (with --executor spark; repeat for "
            "several). Parquet columns: text or html, and title, url, published, outlet, "
            "language.",
        ),
    ] = None,
    dataset_format: Annotated[
        DatasetFormat,
        typer.Option(
            "--dataset-format",
            case_sensitive=False,
            help="Format of --dataset: 'auto' (parquet for a .parquet path or a local folder "
            "holding .parquet files, else jsonl), 'parquet' or 'jsonl'.",
        ),
    ] = DatasetFormat.auto,
    parquet_out: Annotated[
        Path | None,
        typer.Option(
            "--parquet-out",
            help="After the ingest, write the store's tables to this folder as Parquet "
            "(articles, stories, links, claims .parquet; the columns of `export`).",
        ),
    ] = None,
    fmt: Annotated[
        ListFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="Summary format (json: one object)."
        ),
    ] = ListFormat.text,
    json_summary: Annotated[
        bool, typer.Option("--json", hidden=True, help="Deprecated: use -f json.")
    ] = False,
    log_json: Annotated[
        bool,
        typer.Option(
            "--log-json",
            help="Progress for machines: one JSON object per line on stderr after each batch "
            '("event": "progress", with read, total, rate, eta_s), then the summary.',
        ),
    ] = False,
) -> None:
    """Add a crawl to a corpus database: stories are created and updated incrementally.

    Progress on a terminal: articles read (of the total when known), rate and time left.
    """
    import json

    from corroborator.corpus import ingest as run_ingest
    from corroborator.corpus.progress import IngestProgress, Mode
    from corroborator.corpus.resume import ResumeCounter
    from corroborator.exec import ExecutorError
    from corroborator.store import StoreError

    if json_summary:
        typer.echo("warning: --json is deprecated; use -f json", err=True)
        fmt = ListFormat.json
    options = _run_options(
        workers,
        executor,
        ray_address,
        spark_master,
        batch_size=batch_size,
        analysis=analysis.value if analysis else None,
    )
    if dataset and options.executor != "spark":
        _fail("--dataset needs --executor spark (Spark reads the dataset)", 2)
    if not paths and not dataset:
        _fail("give files or folders to ingest (or --dataset with --executor spark)", 2)
    paths = paths or []
    datasets = dataset or []
    from corroborator.corpus.reanalyse import (
        ReanalyseError,
        record_settings,
        settings_warning,
        stored_settings,
    )

    store = _open(db, create=True)
    # A store records the analysis of its first ingest (or last reanalyse); adding articles
    # with another one leaves the record as it is, with a warning.
    recorded = stored_settings(store).get("analysis")
    mismatch = settings_warning(recorded, options.analysis, str(db))
    mode: Mode = "json" if log_json else ("bar" if sys.stderr.isatty() else "quiet")
    progress = IngestProgress(mode, None)
    if mode != "quiet" and not datasets:  # a dataset's size is not known upfront
        progress.count_total(paths)
    if mismatch:
        progress.warning(mismatch)
    counter = ResumeCounter(store)
    summary: IngestSummary | None = None
    written: list[str] = []
    try:
        if datasets:
            summary = _ingest_datasets(
                paths, datasets, dataset_format.value, cast("Store", counter), options, progress
            )
        else:
            summary = run_ingest(paths, cast("Store", counter), options=options, progress=progress)
        if recorded is None:
            record_settings(store, options.analysis)
        if parquet_out is not None:
            written = _parquet_tables(store, parquet_out)
    except (StoreError, ExecutorError, ReanalyseError) as exc:
        _fail(str(exc))
        return
    finally:
        progress.close(summary)
        store.close()
    for line in written:
        typer.echo(line, err=True)
    # A re-run of an interrupted ingest says how much of it was already done.
    resumed = counter.already_stored
    if fmt == "json":
        typer.echo(json.dumps({**summary.to_dict(), "already_in_store": resumed}))
    else:
        typer.echo(summary.line() + (f", {resumed} already in store" if resumed else ""))
    for warning in summary.warnings:
        progress.warning(warning)


def _ingest_datasets(
    paths: list[str],
    datasets: list[str],
    fmt: str,
    store: Store,
    options: IngestOptions,
    progress: IngestProgress,
) -> IngestSummary:
    """`ingest` of files (read here) then datasets (read by Spark), on the Spark executor."""
    from itertools import chain

    from corroborator.corpus.datasets import dataset_records, ingest_records
    from corroborator.exec.spark import SparkExecutor, dataset_format
    from corroborator.ingest.walk import walk_inputs
    from corroborator.jobs.ingest import CorpusIngest

    # The session the per-article steps then run on too (an executor uses the active one).
    reader = SparkExecutor(max(1, options.workers), options.address)
    try:
        job = CorpusIngest(store, options=options)
        records = chain(
            walk_inputs(paths),
            *(
                dataset_records(reader, d, dataset_format(d) if fmt == "auto" else fmt)
                for d in datasets
            ),
        )
        return ingest_records(job, records, progress)
    finally:
        reader.close()


def _parquet_tables(store: Store, folder: Path) -> list[str]:
    """`export -f parquet` of every table into `folder`; one line per table written."""
    from corroborator.export import WHATS, ExportError, export_table

    lines = []
    for what in WHATS:
        path = folder / f"{what}.parquet"
        try:
            n = export_table(store, what, "parquet", path)
        except ExportError as exc:
            _fail(str(exc))
        lines.append(f"wrote {n} {what} rows to {path} (parquet)")
    return lines


@app.command()
def reanalyse(
    db: DbOption = Path("corpus.db"),
    analysis: Annotated[
        Analysis | None,
        typer.Option(
            case_sensitive=False,
            help="'full' or 'fast' (as `ingest --analysis`). Default: the analysis the store "
            "was last analysed with (full for a store that has none recorded).",
        ),
    ] = None,
    batch: Annotated[
        int | None,
        typer.Option(
            "--batch", min=1, help="Stories per transaction. Default: ingest.finish_batch (64)."
        ),
    ] = None,
    workers: WorkersOption = None,
    executor: ExecutorOption = None,
    ray_address: RayAddressOption = None,
    spark_master: SparkMasterOption = None,
    fmt: Annotated[
        ListFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="Summary format (json: one object)."
        ),
    ] = ListFormat.text,
    log_json: Annotated[
        bool,
        typer.Option(
            "--log-json",
            help="Progress for machines: one JSON object per line on stderr after each batch "
            '("event": "progress", with stories, total, rate, eta_s), then the summary.',
        ),
    ] = False,
) -> None:
    """Analyse every story of a corpus database again (after an upgrade, a settings change,
    or to switch between --analysis full and fast): the same verdicts as a fresh ingest.

    Story membership does not change; claims, provenance and verdicts are computed again.
    The work runs on --executor with --workers as in `ingest`; the store is the same either way.
    """
    import json

    from corroborator.corpus.progress import CountProgress, Mode
    from corroborator.corpus.reanalyse import ReanalyseError, ReanalyseSummary
    from corroborator.corpus.reanalyse import reanalyse as run_reanalyse
    from corroborator.exec import ExecutorError
    from corroborator.store import StoreError

    options = _run_options(workers, executor, ray_address, spark_master)
    store = _open(db, create=False)
    mode: Mode = "json" if log_json else ("bar" if sys.stderr.isatty() else "quiet")
    progress = CountProgress(mode, store.counts().get("stories", 0))
    summary: ReanalyseSummary | None = None

    def tick(s: ReanalyseSummary) -> None:
        progress.update(s.done, s.seconds, s.failed)

    try:
        summary = run_reanalyse(
            store,
            analysis.value if analysis else None,
            batch=batch or options.finish_batch,
            progress=tick,
            workers=options.workers,
            executor=options.executor,
            address=options.address,
        )
    except (StoreError, ReanalyseError, ExecutorError) as exc:
        _fail(str(exc))
        return
    finally:
        progress.close(summary.to_dict() if summary else None)
        store.close()
    if fmt == "json":
        typer.echo(json.dumps(summary.to_dict()))
    else:
        typer.echo(summary.line())
    for failure in summary.failures[:20]:
        typer.echo(f"warning: {failure}", err=True)
    for warning in summary.warnings:
        typer.echo(f"warning: {warning}", err=True)


@app.command()
def stories(
    db: DbOption = Path("corpus.db"),
    since: Annotated[str | None, typer.Option(help="Stories with an article on/after.")] = None,
    until: Annotated[str | None, typer.Option(help="Stories with an article on/before.")] = None,
    language: Annotated[str | None, typer.Option(help="Stories with an article in xx.")] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="At least N independent sources.")
    ] = 1,
    conflicts_only: Annotated[
        bool, typer.Option("--conflicts-only", help="Only stories with conflicting claims.")
    ] = False,
    claims: Annotated[bool, typer.Option("--claims", help="Include claims (JSON).")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N stories.")] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
    ] = ListFormat.text,
) -> None:
    """List the stories of a corpus database, most recent first."""
    import json

    from corroborator.corpus import list_stories
    from corroborator.store import StoryFilter

    filters = StoryFilter(
        since=_day_option(since, "--since"),
        until=_day_option(until, "--until"),
        language=language,
        min_sources=min_sources,
        conflicts_only=conflicts_only,
        limit=limit,
    )
    store = _open(db, create=False)
    try:
        found = list_stories(store, filters, with_claims=claims)
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps({"stories": found}, ensure_ascii=False, indent=1))
        return
    for s in found:
        dates = s["first_published"] or "undated"
        if s["last_published"] and s["last_published"] != s["first_published"]:
            dates += f"..{s['last_published']}"
        flag = f"  {s['conflicts']} conflicting" if s["conflicts"] else ""
        size = f"{s['size']} article{'s' if s['size'] != 1 else ''}"
        typer.echo(
            f"{s['id']}  {dates}  {size}, {s['independent_sources']} "
            f"independent  [{','.join(s['languages'])}]{flag}  {s['title']}"
        )
    typer.echo(f"{len(found)} stor{'ies' if len(found) != 1 else 'y'}", err=True)


@app.command()
def report(
    story_id: Annotated[str, typer.Argument(help="A story id from `corroborator stories`.")],
    db: DbOption = Path("corpus.db"),
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
    ] = ReportFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
) -> None:
    """The full report of one stored story (the same contract as `compare`)."""
    from corroborator.corpus import story_report
    from corroborator.corpus.queries import UnknownStory
    from corroborator.report import render

    store = _open(db, create=False)
    try:
        rep = story_report(store, story_id)
    except UnknownStory as exc:
        _fail(str(exc))
        return
    finally:
        store.close()
    color = output is None and sys.stdout.isatty() and fmt == "text"
    _emit(render(rep, fmt, color=color), output, fmt)


@app.command()
def skipped(
    db: DbOption = Path("corpus.db"),
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")
    ] = ListFormat.text,
) -> None:
    """What ingest skipped, and why."""
    import json

    store = _open(db, create=False)
    try:
        found = store.skips()
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps({"skipped": [s.to_dict() for s in found]}, ensure_ascii=False))
        return
    for s in found:
        typer.echo(f"{s.source}: {s.reason}")
    typer.echo(f"{len(found)} skipped", err=True)


class ExportWhat(StrEnum):
    claims = "claims"
    articles = "articles"
    stories = "stories"
    links = "links"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def export(
    what: Annotated[
        ExportWhat,
        typer.Option(
            "--what",
            case_sensitive=False,
            help="Table: claims (one row per mention), articles, stories or links (provenance).",
        ),
    ],
    db: DbOption = Path("corpus.db"),
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="File format.")
    ] = ExportFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (stdout for csv and jsonl)."),
    ] = None,
) -> None:
    """Export a table of a corpus database for pandas, Polars or Spark (columns in the README)."""
    from corroborator.export import ExportError, export_table

    store = _open(db, create=False)
    try:
        n = export_table(store, what.value, fmt.value, output)
    except ExportError as exc:
        _fail(str(exc))
        return
    finally:
        store.close()
    where = output if output is not None else "stdout"
    typer.echo(f"wrote {n} {what.value} rows to {where} ({fmt.value})", err=True)


@app.command()
def serve(
    db: Annotated[
        Path, typer.Option("--db", help="Corpus database built by `corroborator ingest`.")
    ] = Path("corpus.db"),
    host: Annotated[
        str, typer.Option(help="Interface to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    allow_ingest: Annotated[
        bool,
        typer.Option(
            "--allow-ingest", help="Enable POST /api/ingest (the store is read-only otherwise)."
        ),
    ] = False,
    max_body_mb: Annotated[
        float, typer.Option("--max-body-mb", min=0.01, help="Largest request body accepted.")
    ] = 8.0,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            envvar="CORROBORATOR_ALLOWED_HOSTS",
            help="Host name requests may use besides localhost, 127.0.0.1, [::1] and --host "
            "(repeat, or list in the variable; '*' allows any; others get 400).",
        ),
    ] = None,
    compare_timeout: Annotated[
        float,
        typer.Option(
            "--compare-timeout",
            min=0.01,
            help="Seconds one analysis may run (504 past it, and it is stopped).",
        ),
    ] = 60.0,
    compare_workers: Annotated[
        int, typer.Option("--compare-workers", min=1, max=64, help="Analysis processes.")
    ] = 2,
) -> None:
    """Serve a corpus database as a local web app and HTTP API (docs at /docs)."""
    from corroborator.server import serve as run_server
    from corroborator.store import StoreError

    try:
        from corroborator.server.data import open_reader

        open_reader(db).close()  # a clear one-line error before uvicorn starts
    except StoreError as exc:
        _fail(str(exc))
        return
    typer.echo(f"serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    run_server(
        db,
        host,
        port,
        allow_ingest=allow_ingest,
        max_body_bytes=int(max_body_mb * 1024 * 1024),
        allowed_hosts=allowed_host or [],
        compare_timeout=compare_timeout,
        workers=compare_workers,
    )


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(f"corroborator {__version__}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
