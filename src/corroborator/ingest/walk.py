"""Walk corpus inputs: folders (recursively), gzip files, feeds and WARC archives.

`walk_inputs(paths)` yields `RawDocument` or `Skip` records one at a time, so a crawl of any
size streams through with memory bounded by the largest single article:

- folders are walked recursively in sorted order (same files -> same order -> same ids and
  stories); hidden files and folders (".git", ".DS_Store") are passed over;
- `.txt`, `.html`, `.json`, `.jsonl` (and `.ndjson`, `.htm`, `.text`, `.md`), each optionally
  `.gz`, go through the `compare` readers; `.jsonl.gz` is decompressed as a stream;
- `.rss`, `.atom`, `.xml` (optionally `.gz`) are feeds (`corroborator.ingest.feeds`);
- `.warc`, `.warc.gz`, `.arc.gz` are web archives (`corroborator.ingest.warc`);
- anything else is skipped with the reason.

A corrupt gzip stream, an unreadable file or an oversized document becomes a `Skip` and the
walk goes on.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborator.ingest.decode import looks_binary
from corroborator.ingest.readers import (
    HTML_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    Record,
    _too_large,
    read_bytes,
    read_jsonl_lines,
    read_path,
)
from corroborator.model import Skip

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}

_GZIP_ERRORS = (OSError, EOFError, zlib.error)


def kind_of(path: Path) -> tuple[str | None, bool]:
    """(kind, gzipped) from the file name; kind is None for a type we do not read."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    inner = suffixes[-2] if gz and len(suffixes) >= 2 else (suffixes[-1] if suffixes else "")
    if (
        gz
        and inner
        not in (TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES)
        | HTML_SUFFIXES
    ):
        inner = ""  # "story.gz": sniffed like a suffix-less text file
    if inner in WARC_SUFFIXES:
        return "warc", gz
    if inner in FEED_SUFFIXES:
        return "feed", gz
    if inner in JSONL_SUFFIXES:
        return "jsonl", gz
    if inner in JSON_SUFFIXES:
        return "json", gz
    if inner in HTML_SUFFIXES:
        return "html", gz
    if inner in TEXT_SUFFIXES or inner == "":
        return "text", gz
    return None, gz


def _read_gzip_bounded(path: Path, name: str) -> bytes | Skip:
    """The decompressed bytes, or a Skip when corrupt or over the one-article limit."""
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except _GZIP_ERRORS as exc:
        return Skip(name, f"corrupt gzip: {exc}")
    if len(data) > MAX_DOCUMENT_BYTES:
        return Skip(name, _too_large(len(data)) + " (decompressed)")
    return data


def _gzip_lines(path: Path, name: str, skips: list[Skip]) -> Iterator[bytes]:
    """Lines of a gzip file; a corrupt stream ends the file with a Skip (lines read so far
    have already been yielded, nothing is lost)."""
    try:
        with gzip.open(path, "rb") as fh:
            yield from fh
    except _GZIP_ERRORS as exc:
        skips.append(Skip(name, f"corrupt gzip (stopped reading here): {exc}"))


def read_corpus_file(path: Path) -> Iterator[Record]:
    """Records from one file of a corpus (see the module docstring for the types)."""
    name = str(path)
    kind, gz = kind_of(path)
    if kind is None:
        yield Skip(name, f"unsupported file type {''.join(path.suffixes) or path.name!r}")
        return
    if kind == "warc":
        from corroborator.ingest.warc import read_warc

        yield from read_warc(path)
        return
    if kind == "feed":
        from corroborator.ingest.feeds import read_feed

        yield from read_feed(path)
        return
    if not gz:
        yield from read_path(path)
        return
    if kind == "jsonl":
        skips: list[Skip] = []
        try:
            with gzip.open(path, "rb") as fh:
                head = fh.read(8192)
        except _GZIP_ERRORS as exc:
            yield Skip(name, f"corrupt gzip: {exc}")
            return
        if not head.strip():
            yield Skip(name, "empty input")
            return
        if looks_binary(head):
            yield Skip(name, "binary content (not text)")
            return
        yield from read_jsonl_lines(_gzip_lines(path, name, skips), name)
        yield from skips
        return
    data = _read_gzip_bounded(path, name)
    if isinstance(data, Skip):
        yield data
        return
    fmt = {"json": "jsonl", "html": "html", "text": None}[kind]
    yield from read_bytes(data, name, fmt)


def iter_files(root: Path) -> Iterator[Path]:
    """Files under `root` in sorted order, hidden entries left out, symlinked dirs not followed."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in sorted(filenames):
            if not fname.startswith("."):
                yield Path(dirpath) / fname


def walk_inputs(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Records from every path given: files, folders (recursive), '-' for stdin."""
    for path in paths:
        if str(path) == "-":
            yield from read_path("-")
            continue
        p = Path(path)
        if not p.exists():
            yield Skip(str(path), "no such file or folder")
        elif p.is_dir():
            for f in iter_files(p):
                yield from read_corpus_file(f)
        else:
            yield from read_corpus_file(p)
