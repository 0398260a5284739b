"""Command-line interface: a thin layer over library functions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from corroborator import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="corroborator: what several news reports of one event actually agree on.",
    pretty_exceptions_enable=False,
)

FORMATS = ("text", "json", "md", "html")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def compare(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt, .html, .jsonl/.json) or '-' for stdin."),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format: text, json, md or html.")
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour in the terminal summary.")
    ] = None,
) -> None:
    """Compare articles: stories, independent sources, agreements and conflicts."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    from corroborator.ingest.readers import read_inputs
    from corroborator.pipeline import NoUsableInput, build_report
    from corroborator.report import render

    try:
        report = build_report(read_inputs(paths))
    except NoUsableInput as exc:
        _fail(str(exc))
        return
    for skip in report.skipped:
        typer.echo(f"skipped {skip.source}: {skip.reason}", err=True)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    rendered = render(report, fmt, color=bool(use_color) and fmt == "text")
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
