"""WARC / WARC.gz web archives (warcio): the HTML responses, with target URL and WARC-Date.

Records are streamed one at a time. Only `response` records whose HTTP Content-Type is HTML
are articles; requests, metadata and non-HTML responses (images, scripts) are not, and are
counted in one skip note per archive. A truncated or corrupt archive ends with a skip that
says how many records were read: every page before the damage is kept.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from corroborator.ingest.decode import DecodeError, decode_bytes
from corroborator.ingest.files import (
    MAX_DECOMPRESSED_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_FIELD_CHARS,
    MAX_RECORDS_PER_FILE,
    display_name,
    one_line,
    read_regular,
    stream_size,
    too_large,
)
from corroborator.ingest.readers import Record
from corroborator.model import RawDocument, Skip

MAX_URI_CHARS = MAX_FIELD_CHARS["url"]
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(path: Path) -> Iterator[Record]:
    """Records from one WARC file (see the module docstring)."""
    name = display_name(path)
    yield from read_regular(path, name, lambda fh: read_warc_stream(fh, name))


# warcio logs a warning with the whole URI for each URI holding spaces; a damaged archive
# is reported here as one skip note instead.
logging.getLogger("warcio").setLevel(logging.ERROR)


@contextlib.contextmanager
def _stderr_to(messages: list[str]) -> Iterator[None]:
    """warcio writes decompression errors to sys.stderr: keep them as notes instead. Only
    around calls into warcio, never across a `yield`."""
    saved, buffer = sys.stderr, io.StringIO()
    sys.stderr = buffer
    try:
        yield
    finally:
        sys.stderr = saved
        messages.extend(line for line in buffer.getvalue().splitlines() if line.strip())


def _declared_length(record: object) -> int:
    try:
        return max(0, int(getattr(record, "length", 0) or 0))
    except (TypeError, ValueError):
        return 0


def read_warc_stream(fh: BinaryIO, name: str) -> Iterator[Record]:
    """Records from one WARC archive open for reading (a file, or bytes in memory).

    At most `MAX_RECORDS_PER_FILE` WARC records are read, and records whose declared
    lengths add up to more than `MAX_DECOMPRESSED_BYTES` end the archive with a note.
    """
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        # warcio writes this warning (with the raw bytes) to stderr; it is counted instead.
        INC_RECORD = ""

    read = other = 0
    declared = 0
    size = stream_size(fh)
    messages: list[str] = []
    try:
        archive = QuietIterator(fh)
        records = iter(archive)
        while True:
            with _stderr_to(messages):
                record = next(records, None)
            if record is None:
                break
            read += 1
            declared += _declared_length(record)
            if read > MAX_RECORDS_PER_FILE or declared > MAX_DECOMPRESSED_BYTES:
                limit = (
                    f"{MAX_RECORDS_PER_FILE:,} records"
                    if read > MAX_RECORDS_PER_FILE
                    else f"{MAX_DECOMPRESSED_BYTES // 1048576:,} MB of records"
                )
                yield Skip(
                    name,
                    f"stopped at record {read}: over {limit}, the limit for one archive; "
                    "the rest is not read",
                )
                return
            if record.rec_type != "response":
                continue
            ctype = ""
            if record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                other += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            source = f"{name}#{uri if uri and len(uri) <= MAX_URI_CHARS else read}"
            with _stderr_to(messages):
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                yield Skip(source, too_large(len(data)))
                continue
            m = _CHARSET.search(ctype)
            try:
                decoded = decode_bytes(data, m.group(1) if m else None)
            except DecodeError as exc:
                yield Skip(source, str(exc))
                continue
            yield RawDocument(
                source=source,
                html=decoded.text,
                url=uri or None,
                published=record.rec_headers.get_header("WARC-Date") or None,
            )
    except Exception as exc:  # warcio raises many types on damaged input
        kind = type(exc).__name__
        yield Skip(
            name, one_line(f"truncated or corrupt WARC after {read} records ({kind}: {exc})")
        )
        return
    if messages:
        more = f" ({len(messages)} messages)" if len(messages) > 1 else ""
        yield Skip(name, one_line(f"damaged WARC after record {read}: {messages[0]}{more}"))
    # warcio stops quietly at a record cut short; what it could not parse is left over.
    if size is not None and archive.offset < size:
        yield Skip(
            name,
            f"truncated or corrupt WARC: {size - archive.offset} bytes after record "
            f"{read} could not be read",
        )
        return
    if archive.err_count:
        yield Skip(
            name, f"{archive.err_count} records not followed by a blank line (a wrong length?)"
        )
    if read == 0:
        yield Skip(name, "not a WARC archive (no records)")
    elif other:
        yield Skip(name, f"{other} non-HTML responses ignored (corpus mode reads HTML pages)")


# -- writing (tests and benchmarks) -----------------------------------------------------------


def write_warc(
    out: BinaryIO,
    pages: Iterable[tuple[str, str | bytes]],
    *,
    gzip: bool = False,
    content_type: str = "text/html; charset=utf-8",
    date: str = "2026-05-04T08:30:00Z",
    first_id: int = 1,
) -> None:
    """Write `pages`, (target URL, body) pairs, to `out` as WARC `response` records with an
    HTTP 200 header of `content_type` (each record its own gzip member with `gzip`).

    A utility for tests and benchmarks that need an archive to read (corroborator itself
    only reads WARC). The headers are fixed, so the same pages give the same bytes: every
    record has WARC-Date `date` and record ids numbered from `first_id`
    (``<urn:uuid:00000000-0000-4000-8000-000000000001>``, ...). Calls may follow one
    another on one stream (pages of other content types, say): records simply concatenate.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=gzip)
    for n, (url, body) in enumerate(pages, start=first_id):
        payload = body.encode("utf-8") if isinstance(body, str) else body
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={
                    "WARC-Date": date,
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>",
                },
            )
        )
