"""The one entry point of the readers: `read(paths)`, for `compare`, `ingest` and the API.

`read(paths)` yields `RawDocument` or `Skip` records one at a time, so a crawl of any size
streams through with memory bounded by the largest single article:

- folders are walked recursively in sorted order (same files -> same order -> same ids and
  stories); hidden files and folders (".git", ".DS_Store") are passed over, and a file of a
  type we do not read is skipped with the reason;
- `.txt`, `.html`, `.json`, `.jsonl` (and `.ndjson`, `.htm`, `.text`, `.md`), each optionally
  `.gz`, go through `corroborator.ingest.readers`; `.jsonl` (and `.jsonl.gz`) is streamed;
- `.rss`, `.atom`, `.xml` (optionally `.gz`) are feeds (`corroborator.ingest.feeds`);
- `.warc`, `.warc.gz`, `.arc.gz` are web archives (`corroborator.ingest.warc`);
- a file named on the command line with another suffix is read as text, its content sniffed;
- '-' is standard input (one document, its format sniffed).

Only regular files are opened, and every bound of `files.py` applies (size, decompressed
size, records and skip notes per file, metadata length). Whatever a reader still raises on
one file ends that file with a skip that names the error, and the run goes on.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from corroborator.ingest.files import (
    GZIP_ERRORS,
    MAX_DECOMPRESSED_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_FEED_BYTES,
    MAX_FIELD_CHARS,
    MAX_RECORDS_PER_FILE,
    MAX_SKIPS_PER_FILE,
    CappedReader,
    bounded_lines,
    display_name,
    gzip_stream,
    kind_of,
    one_line,
    read_regular,
    source_label,
    stream_size,
    too_large,
)
from corroborator.ingest.readers import (
    Record,
    jsonl_head_problem,
    read_document,
    read_jsonl_lines,
    valid_text,
)
from corroborator.model import RawDocument, Skip

__all__ = ["iter_files", "kind_of", "read", "read_corpus_file", "read_file", "walk_inputs"]

#: Metadata whose cut value would be wrong rather than short: dropped instead of cut.
_DROPPED_WHEN_LONG = ("url", "published", "language")


class _Prefixed(io.RawIOBase):
    """`head` (already read) followed by the rest of `inner`."""

    def __init__(self, head: bytes, inner: BinaryIO):
        self._head = head
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._inner.read(len(view))
        view[: len(data)] = data
        return len(data)


def _whole(fh: BinaryIO, name: str, limit: int, gz: bool, what: str) -> bytes | Skip:
    """All of `fh`, or a Skip when it holds more than `limit` bytes."""
    if not gz:
        size = stream_size(fh)
        if size is not None and size > limit:
            return Skip(name, too_large(size, limit, what))
    data = fh.read(limit + 1)
    if len(data) > limit:
        return Skip(
            name,
            f"too large: over the {limit // 1048576} MB limit for {what}"
            + (" (decompressed)" if gz else ""),
        )
    return data


def read_stream(
    fh: BinaryIO, name: str, kind: str | None, gz: bool, trust_suffix: bool = True
) -> Iterator[Record]:
    """Records from one open file or upload of `kind` (see `files.kind_of`).

    `trust_suffix=False` (uploads, whose names are only labels) tells text, HTML and JSON
    apart by content; a file's suffix is trusted (a `.txt` holding markup is text).
    """
    if kind == "warc":
        from corroborator.ingest.warc import read_warc_stream

        yield from read_warc_stream(fh, name)  # warcio reads gzip members itself
        return
    cap: CappedReader | None = None
    if gz:
        fh, cap = gzip_stream(fh)
    try:
        if kind == "jsonl" and trust_suffix:
            head = fh.read(8192)
            problem = jsonl_head_problem(head)
            if problem:
                yield Skip(name, problem)
                return
            stream = io.BufferedReader(_Prefixed(head, fh), 1 << 16)
            yield from read_jsonl_lines(bounded_lines(stream), name)
            if cap is not None and cap.capped:
                yield Skip(
                    name,
                    f"stopped after {MAX_DECOMPRESSED_BYTES // 1048576:,} MB decompressed, "
                    "the limit for one file; the rest is not read",
                )
            return
        if kind == "feed":
            data = _whole(fh, name, MAX_FEED_BYTES, gz, "a feed")
            if isinstance(data, Skip):
                yield data
                return
            from corroborator.ingest.feeds import entries_from_bytes

            yield from entries_from_bytes(data, name)
            return
        data = _whole(fh, name, MAX_DOCUMENT_BYTES, gz, "one article")
        if isinstance(data, Skip):
            yield data
            return
        fmt: str | None = None
        if trust_suffix:
            fmt = {"json": "jsonl", "html": "html", "text": None if gz else "text"}.get(kind or "")
        yield from read_document(data, name, fmt)
    except GZIP_ERRORS as exc:
        if gz:
            yield Skip(name, one_line(f"corrupt gzip (stopped reading here): {exc}"))
        else:
            yield Skip(name, one_line(f"cannot read: {getattr(exc, 'strerror', None) or exc}"))


def _bounded_fields(rec: RawDocument) -> Iterator[Record]:
    """`rec` with valid text and metadata within `MAX_FIELD_CHARS`; a note for each cut."""
    notes: list[Skip] = []
    changes: dict[str, str | None] = {}
    source = source_label(rec.source)
    if source != rec.source:
        changes["source"] = source
    for field in ("text", "html"):
        value = getattr(rec, field)
        if value is not None:
            fixed = valid_text(value)
            if fixed is not value:
                changes[field] = fixed
    for field, limit in MAX_FIELD_CHARS.items():
        value = getattr(rec, field)
        if value is None:
            continue
        value = valid_text(value)
        if len(value) > limit:
            if field in _DROPPED_WHEN_LONG:
                changes[field] = None
                notes.append(
                    Skip(
                        source,
                        f"{field} of {len(value):,} characters ignored "
                        f"(over {limit:,}); the article is kept",
                    )
                )
            else:
                changes[field] = value[:limit].rstrip()
                notes.append(
                    Skip(
                        source,
                        f"{field} cut from {len(value):,} to {limit:,} "
                        "characters; the article is kept",
                    )
                )
        elif value is not getattr(rec, field):
            changes[field] = value
    yield replace(rec, **changes) if changes else rec  # type: ignore[arg-type]
    yield from notes


def guarded(records: Iterator[Record], name: str) -> Iterator[Record]:
    """The records of one file within the per-file caps, and never an exception.

    At most `MAX_RECORDS_PER_FILE` records and `MAX_SKIPS_PER_FILE` skip notes (the others
    are counted in one note); whatever the reader raises ends the file with a skip.
    """
    count = skips = 0
    hidden: Counter[str] = Counter()
    try:
        for rec in records:
            count += 1
            if count > MAX_RECORDS_PER_FILE:
                yield Skip(
                    name,
                    f"stopped after {MAX_RECORDS_PER_FILE:,} records, the limit for one file; "
                    "the rest is not read",
                )
                break
            out = [rec] if isinstance(rec, Skip) else list(_bounded_fields(rec))
            for item in out:
                if isinstance(item, Skip):
                    item = Skip(source_label(item.source), one_line(item.reason))
                    skips += 1
                    if skips > MAX_SKIPS_PER_FILE:
                        hidden[item.reason.split(":")[0]] += 1
                        continue
                yield item
    except Exception as exc:  # a reader's bug on odd input must not stop the run
        yield Skip(
            name,
            one_line(f"could not read further after {count} records: {type(exc).__name__}: {exc}"),
        )
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
    if hidden:
        common = "; ".join(f"{reason} ({n:,})" for reason, n in hidden.most_common(3))
        yield Skip(
            name,
            one_line(
                f"{sum(hidden.values()):,} more skipped records not listed (the first "
                f"{MAX_SKIPS_PER_FILE} are): {common}"
            ),
        )


def read_file(path: Path, walked: bool = False) -> Iterator[Record]:
    """Records from one file; a file of an unknown type found by a walk is skipped, one
    named by the user is read as text."""
    name = display_name(path)
    kind, gz = kind_of(path)
    if kind is None and walked:
        suffix = display_name("".join(path.suffixes) or path.name)
        yield Skip(name, f"unsupported file type {suffix!r}")
        return
    yield from read_regular(path, name, lambda fh: guarded(read_stream(fh, name, kind, gz), name))


def read_corpus_file(path: Path) -> Iterator[Record]:
    """Records from one file found in a corpus folder (see `read_file`)."""
    yield from read_file(path, walked=True)


def iter_files(root: Path) -> Iterator[Path | Skip]:
    """Files under `root` in sorted order, hidden entries left out, symlinked folders not
    followed; a folder that cannot be listed is a Skip."""
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            exc = errors.pop(0)
            yield Skip(display_name(exc.filename or dirpath), f"cannot list: {exc.strerror}")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            if not fname.startswith("."):
                yield Path(dirpath) / fname
    for exc in errors:
        yield Skip(display_name(exc.filename or root), f"cannot list: {exc.strerror}")


def _read_stdin() -> Iterator[Record]:
    data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
    yield from read_document(data, "<stdin>")


def read(paths: Iterable[str | Path], folders: bool = True) -> Iterator[Record]:
    """Records from every path given: files, folders (recursively), '-' for stdin.

    `folders=False` skips a folder with the reason instead of walking it.
    """
    for path in paths:
        if str(path) == "-":
            yield from guarded(_read_stdin(), "<stdin>")
            continue
        p = Path(path)
        name = display_name(path)
        try:
            mode = os.stat(p).st_mode
        except FileNotFoundError:
            missing = "no such file or folder" if folders else "no such file"
            yield Skip(name, missing if not os.path.islink(p) else "broken symlink")
            continue
        except OSError as exc:
            yield Skip(name, one_line(f"cannot read: {exc.strerror or exc}"))
            continue
        if not stat.S_ISDIR(mode):
            yield from read_file(p)
        elif not folders:
            yield Skip(name, "is a directory (give its files, or read it with `ingest`)")
        else:
            for f in iter_files(p):
                if isinstance(f, Skip):
                    yield f
                else:
                    yield from read_file(f, walked=True)


def walk_inputs(paths: Iterable[str | Path]) -> Iterator[Record]:
    """`read(paths)`: the name `ingest` has used."""
    yield from read(paths)
