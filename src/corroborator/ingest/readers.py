"""Readers of one document's bytes: plain text, HTML and JSON / JSON Lines.

Readers never raise on bad input: every unusable file or line becomes a `Skip` with a
one-line reason, so nothing is dropped silently. JSON Lines is streamed line by line, so
memory stays bounded by the largest single article.

The entry point for paths is `corroborator.ingest.read(paths)` (in `walk.py`): it picks the
reader by file name (this module, `feeds`, `warc`), applies the bounds of `files.py` and
catches what a reader may still raise. `read_bytes` is the entry point for bytes held in
memory (an uploaded file): the same readers, picked by the name given.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from corroborator.ingest.decode import DecodeError, decode_bytes, looks_binary
from corroborator.ingest.files import (
    HTML_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    kind_of,
    one_line,
    too_large,
)
from corroborator.model import RawDocument, Skip

__all__ = [
    "HTML_SUFFIXES",
    "MAX_DOCUMENT_BYTES",
    "Record",
    "read_bytes",
    "read_inputs",
    "read_jsonl_lines",
    "read_path",
    "sniff_format",
]

Record = RawDocument | Skip

_META = ("title", "url", "published", "outlet", "language")


def _too_large(size: int) -> str:
    return too_large(size)


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


def valid_text(value: str) -> str:
    """`value` with lone surrogates (a JSON '\\udcff' escape) replaced by U+FFFD, so that the
    text can be written as UTF-8 anywhere; valid surrogate pairs become their character."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _from_json_object(obj: Any, source: str) -> Record:
    if not isinstance(obj, dict):
        return Skip(source, f"JSON value is a {type(obj).__name__}, expected an object")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str | None) or not isinstance(html, str | None):
        return Skip(source, "'text'/'html' must be strings")
    if not (text and text.strip()) and not (html and html.strip()):
        return Skip(source, "no 'text' or 'html' field with content")
    meta: dict[str, str | None] = {}
    for name in _META:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            value = str(value)
        meta[name] = valid_text(value.strip()) if isinstance(value, str) and value.strip() else None
    return RawDocument(
        source=source,
        text=valid_text(text) if text and text.strip() else None,
        html=None if text and text.strip() else valid_text(html or ""),
        **meta,
    )


def _json_error(exc: Exception) -> str:
    """One line for what `json.loads` raised on one document."""
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON: {exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "unreadable JSON: nested too deeply"
    return one_line(f"unreadable JSON: {exc}")


def read_jsonl_lines(lines: Iterable[bytes | str | int], name: str) -> Iterator[Record]:
    """One article per line; blank lines are ignored, every other bad line is a Skip.

    An int in `lines` stands for a line too long to be kept (its length in bytes).
    """
    for number, line in enumerate(lines, start=1):
        source = f"{name}:{number}"
        if isinstance(line, int):
            yield Skip(source, too_large(line))
            continue
        if isinstance(line, bytes):
            if len(line) > MAX_DOCUMENT_BYTES:
                yield Skip(source, too_large(len(line)))
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
        except (ValueError, RecursionError) as exc:
            yield Skip(source, _json_error(exc))
            continue
        yield _from_json_object(obj, source)


def _read_json_document(text: str, name: str) -> Iterator[Record]:
    """A .json file: one object, an array of objects, or (often) JSON Lines misnamed."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl_lines(text.splitlines(), name)
        return
    except (ValueError, RecursionError) as exc:
        yield Skip(name, _json_error(exc))
        return
    if isinstance(obj, list):
        if not obj:
            yield Skip(name, "empty JSON array")
        for i, item in enumerate(obj, start=1):
            yield _from_json_object(item, f"{name}[{i}]")
    else:
        yield _from_json_object(obj, name)


def read_document(data: bytes, name: str, fmt: str | None = None) -> Iterator[Record]:
    """The bytes of one text, HTML or JSON document; `fmt` None sniffs the content."""
    if len(data) > MAX_DOCUMENT_BYTES:
        yield Skip(name, too_large(len(data)))
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


def jsonl_head_problem(head: bytes) -> str | None:
    """Why a JSON Lines stream starting with `head` is not read at all, or None."""
    if not head.strip():
        return "empty input"
    if looks_binary(head):
        return "binary content (not text)"
    return None


def read_bytes(data: bytes, name: str, fmt: str | None = None) -> Iterator[Record]:
    """Records from bytes held in memory (standard input, an uploaded file).

    With `fmt` given ('text', 'html' or 'jsonl') the bytes are one document of that format.
    Otherwise the name picks the reader as for files (`.warc`, `.rss`/`.atom`/`.xml`, `.gz`
    of any kind), and text, HTML and JSON are told apart by their content.
    """
    from corroborator.ingest.walk import guarded, read_stream

    kind, gz = kind_of(name)
    if fmt is not None or (not gz and kind not in ("warc", "feed")):
        yield from guarded(read_document(data, name, fmt), name)
        return
    yield from guarded(read_stream(io.BytesIO(data), name, kind, gz, trust_suffix=False), name)


def read_path(path: str | Path) -> Iterator[Record]:
    """Records from one file ('-' is standard input); a folder is a Skip (see `read`)."""
    from corroborator.ingest.walk import read

    yield from read([path], folders=False)


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Records from files ('-' is standard input); a folder is a Skip (see `read`)."""
    from corroborator.ingest.walk import read

    yield from read(paths, folders=False)
