"""Readers: one per input format, each yielding RawDocument or Skip records.

Readers never raise on bad input: every unusable file or line becomes a `Skip` with a
one-line reason, so nothing is dropped silently. Files are read one at a time and JSONL is
streamed line by line, so memory stays bounded by the largest single article.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from corroborator.ingest.decode import DecodeError, decode_bytes, looks_binary
from corroborator.model import RawDocument, Skip

#: One article larger than this is not a news article (a dump, a log, a book); refuse it.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}  # .json is read whole: object or array

_JSONL_FIELDS = ("text", "html", "title", "url", "published", "outlet", "language")

Record = RawDocument | Skip


def sniff_format(text: str) -> str:
    """Guess 'html', 'jsonl' or 'text' from the content itself (for stdin and odd names)."""
    head = text.lstrip()[:2048].lower()
    if head.startswith("{") or head.startswith("["):
        return "jsonl"
    if head.startswith("<") and any(
        t in head for t in ("<html", "<body", "<!doctype", "<article", "<p", "<div", "<head")
    ):
        return "html"
    return "text"


def _format_for(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in {".txt", ".text", ".md", ""}:
        return "text"
    return None


def _too_large(size: int) -> str:
    return (
        f"too large: {size / 1048576:.1f} MB, over the {MAX_DOCUMENT_BYTES // 1048576} MB "
        "limit for one article"
    )


def _from_json_object(obj: Any, source: str) -> Record:
    if not isinstance(obj, dict):
        return Skip(source, f"JSON value is a {type(obj).__name__}, expected an object")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str | None) or not isinstance(html, str | None):
        return Skip(source, "'text'/'html' must be strings")
    if not (text and text.strip()) and not (html and html.strip()):
        return Skip(source, "no 'text' or 'html' field with content")
    meta: dict[str, str | None] = {}
    for name in ("title", "url", "published", "outlet", "language"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            value = str(value)
        meta[name] = value.strip() if isinstance(value, str) and value.strip() else None
    return RawDocument(
        source=source,
        text=text if text and text.strip() else None,
        html=None if text and text.strip() else html,
        **meta,
    )


def read_jsonl_lines(lines: Iterable[bytes | str], name: str) -> Iterator[Record]:
    """One article per line; blank lines are ignored, every other bad line is a Skip."""
    for number, line in enumerate(lines, start=1):
        source = f"{name}:{number}"
        if isinstance(line, bytes):
            if len(line) > MAX_DOCUMENT_BYTES:
                yield Skip(source, _too_large(len(line)))
                continue
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Skip(source, "line is not valid UTF-8 (JSON Lines must be UTF-8)")
                continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(source, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _from_json_object(obj, source)


def _read_json_document(text: str, name: str) -> Iterator[Record]:
    """A .json file: one object, an array of objects, or (often) JSON Lines misnamed."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl_lines(text.splitlines(), name)
        return
    if isinstance(obj, list):
        if not obj:
            yield Skip(name, "empty JSON array")
        for i, item in enumerate(obj, start=1):
            yield _from_json_object(item, f"{name}[{i}]")
    else:
        yield _from_json_object(obj, name)


def read_bytes(data: bytes, name: str, fmt: str | None = None) -> Iterator[Record]:
    """Turn the bytes of one input (a file or stdin) into records."""
    if len(data) > MAX_DOCUMENT_BYTES and fmt != "jsonl":
        yield Skip(name, _too_large(len(data)))
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield Skip(name, str(exc))
        return
    text = decoded.text
    fmt = fmt or sniff_format(text)
    if fmt == "jsonl":
        yield from _read_json_document(text, name)
    elif fmt == "html":
        yield RawDocument(source=name, html=text)
    else:
        yield RawDocument(source=name, text=text)


def _read_jsonl_file(path: Path, name: str) -> Iterator[Record]:
    with path.open("rb") as fh:
        head = fh.read(8192)
        if not head.strip():
            yield Skip(name, "empty input")
            return
        if looks_binary(head):
            yield Skip(name, "binary content (not text)")
            return
        fh.seek(0)
        yield from read_jsonl_lines(_stream_lines(fh), name)


def _stream_lines(fh: BinaryIO) -> Iterator[bytes]:
    yield from fh


def read_path(path: str | Path) -> Iterator[Record]:
    """Records from one path given on the command line ('-' is standard input)."""
    if str(path) == "-":
        yield from read_bytes(sys.stdin.buffer.read(), "<stdin>")
        return
    p = Path(path)
    name = str(path)
    if not p.exists():
        yield Skip(name, "no such file")
        return
    if p.is_dir():
        yield Skip(name, "is a directory (compare takes files; use `ingest` for folders)")
        return
    fmt = _format_for(p)
    try:
        if fmt == "jsonl" and p.suffix.lower() != ".json":
            yield from _read_jsonl_file(p, name)
            return
        size = p.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield Skip(name, _too_large(size))
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Skip(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, name, fmt)


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Record]:
    for path in paths:
        yield from read_path(path)
