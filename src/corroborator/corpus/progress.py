"""Progress of an `ingest` run: count, total (when known), rate and ETA.

`count_articles(paths)` is the total when it can be known without parsing: one article per
text or HTML file, one per non-blank line of a JSON Lines file; None as soon as an input
holds an unknown number of articles (a .json array, a feed, a WARC, a gzip, standard
input). Only regular files are opened: a FIFO or a device is never read here.

`IngestProgress` counts the total in the background (`count_total`) and shows the counters
after each batch: a rich progress bar on a terminal, one JSON object per line for machines
(``--log-json``), nothing otherwise.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from corroborator.corpus.job import IngestSummary

Mode = Literal["bar", "json", "quiet"]


def _files(root: Path) -> Iterator[Path]:
    """As `ingest` walks a folder: sorted, hidden entries left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _articles_in(path: Path) -> int | None:
    try:
        info = os.stat(path)
    except OSError:
        return 0  # ingest records a skip, not an article
    if not stat.S_ISREG(info.st_mode):
        return 0
    from corroborator.ingest.files import kind_of  # the readers' one table of file types

    kind, gz = kind_of(path)
    if kind is None:
        return 0  # an unsupported type: skipped with the reason
    if gz:
        return None
    if kind in ("text", "html"):
        return 1 if info.st_size else 0
    if kind == "jsonl":
        try:
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        except OSError:
            return 0
    return None


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles `ingest(paths)` will read, or None when that is not known upfront."""
    total = 0
    for given in paths:
        if str(given) == "-":
            return None
        p = Path(given)
        for f in _files(p) if p.is_dir() else [p]:
            n = _articles_in(f)
            if n is None:
                return None
            total += n
    return total


def _duration(seconds: float) -> str:
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


def progress_fields(summary: IngestSummary, total: int | None) -> dict[str, Any]:
    """Counters of one tick: read, total, rate (articles/s) and ETA (seconds, or None)."""
    rate = summary.read / summary.seconds if summary.seconds > 0 else 0.0
    eta = None
    if total is not None and rate > 0:
        eta = round(max(total - summary.read, 0) / rate, 1)
    return {
        "read": summary.read,
        "total": total,
        "added": summary.added,
        "duplicates": summary.duplicates,
        "skipped": summary.skipped,
        "stories_touched": len(summary.stories_touched),
        "analysed": summary.analysed,
        "seconds": round(summary.seconds, 3),
        "rate": round(rate, 2),
        "eta_s": eta,
    }


def progress_line(fields: dict[str, Any]) -> str:
    """'read 512/2,000  37.1/s  ETA 40s  added 498  skipped 2  stories 61 (58 analysed)'
    (articles read of the total, articles per second, time left; fits 80 columns with the
    bar for a crawl of up to a million articles).

    Stories are analysed as batches are written, and the stale ones once more after the last
    batch, so `analysed` keeps moving when `read` has reached the total."""
    count = f"{fields['read']:,}"
    if fields["total"] is not None:
        count += f"/{fields['total']:,}"
    eta = f"  ETA {_duration(fields['eta_s'])}" if fields["eta_s"] is not None else ""
    return (
        f"read {count}  {fields['rate']:.1f}/s{eta}  added {fields['added']:,}  "
        f"skipped {fields['skipped']:,}  stories {fields['stories_touched']:,} "
        f"({fields['analysed']:,} analysed)"
    )


class _ProgressLine:
    """A rich bar on a terminal (mode "bar"), one JSON object per line (mode "json"), or
    nothing: what `IngestProgress` and `CountProgress` share."""

    def __init__(self, mode: Mode, total: int | None, stream: IO[str] | None = None) -> None:
        self.mode = mode
        self.total = total
        self.stream = stream or sys.stderr
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        if mode == "bar":
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn

            self._bar = Progress(
                BarColumn(bar_width=10),
                TextColumn("{task.description}"),
                console=Console(file=self.stream),
                transient=True,
            )
            self._task = self._bar.add_task("starting", total=total)
            self._bar.start()

    def _stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _json(self, obj: dict[str, Any]) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.stream.flush()


class IngestProgress(_ProgressLine):
    """The `progress` callback of `corpus.ingest` for the CLI (see the module docstring)."""

    def count_total(self, paths: Iterable[str | Path], wait: float = 2.0) -> None:
        """Count the articles of `paths` (`count_articles`) in a background thread, waiting
        at most `wait` seconds: a small crawl starts with its total, a large one starts at
        once and gets its total (and an ETA) when the count is done."""

        def count() -> None:
            try:
                total = count_articles(paths)
            except (OSError, ValueError):  # the ingest itself reports unreadable inputs
                return
            self.total = total
            if self._bar is not None and self._task is not None:
                self._bar.update(self._task, total=total)

        worker = threading.Thread(target=count, name="count-articles", daemon=True)
        worker.start()
        worker.join(wait)

    def __call__(self, summary: IngestSummary) -> None:
        fields = progress_fields(summary, self.total)
        if self.mode == "json":
            self._json({"event": "progress", **fields})
        elif self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=summary.read, description=progress_line(fields))

    def warning(self, message: str) -> None:
        if self.mode == "json":
            self._json({"event": "warning", "message": message})
        else:
            self.stream.write(f"warning: {message}\n")

    def close(self, summary: IngestSummary | None = None) -> None:
        """Stop the bar; with JSON logs, end with one summary line."""
        self._stop()
        if summary is not None and self.mode == "json":
            self._json({"event": "summary", "total": self.total, **summary.to_dict()})


def reanalyse_fields(done: int, total: int, seconds: float, failed: int) -> dict[str, Any]:
    """Counters of one `reanalyse` tick: stories done of the total, rate (stories/s), ETA."""
    rate = done / seconds if seconds > 0 else 0.0
    eta = round(max(total - done, 0) / rate, 1) if rate > 0 else None
    return {
        "stories": done,
        "total": total,
        "failed": failed,
        "seconds": round(seconds, 3),
        "rate": round(rate, 2),
        "eta_s": eta,
    }


def reanalyse_line(fields: dict[str, Any]) -> str:
    """'stories 128/2,000  3.1/s  ETA 10m04s  failed 0'."""
    eta = f"  ETA {_duration(fields['eta_s'])}" if fields["eta_s"] is not None else ""
    return (
        f"stories {fields['stories']:,}/{fields['total']:,}  {fields['rate']:.1f}/s{eta}  "
        f"failed {fields['failed']:,}"
    )


class CountProgress(_ProgressLine):
    """A progress line of `done` of `total` things (`reanalyse`): a rich bar on a terminal,
    one JSON object per line (``--log-json``), or nothing, as `IngestProgress`."""

    def __init__(self, mode: Mode, total: int, stream: IO[str] | None = None) -> None:
        super().__init__(mode, total, stream)
        self.total: int = total

    def update(self, done: int, seconds: float, failed: int = 0) -> None:
        fields = reanalyse_fields(done, self.total, seconds, failed)
        if self.mode == "json":
            self._json({"event": "progress", **fields})
        elif self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=done, description=reanalyse_line(fields))

    def close(self, summary: dict[str, Any] | None = None) -> None:
        self._stop()
        if summary is not None and self.mode == "json":
            self._json({"event": "summary", **summary})
