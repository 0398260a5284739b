"""WARC / WARC.gz web archives (warcio): the HTML responses, with target URL and WARC-Date.

Records are streamed one at a time. Only `response` records whose HTTP Content-Type is HTML
are articles; requests, metadata and non-HTML responses (images, scripts) are not, and are
counted in one skip note per archive. A truncated or corrupt archive ends with a skip that
says how many records were read: every page before the damage is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from corroborator.ingest.decode import DecodeError, decode_bytes
from corroborator.ingest.readers import MAX_DOCUMENT_BYTES, Record, _too_large
from corroborator.model import RawDocument, Skip

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(path: Path) -> Iterator[Record]:
    """Records from one WARC file (see the module docstring)."""
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    read = other = 0
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Skip(name, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        try:
            size = path.stat().st_size
            archive = ArchiveIterator(fh)
            for record in archive:
                read += 1
                if record.rec_type != "response":
                    continue
                ctype = ""
                if record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    other += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                source = f"{name}#{uri or read}"
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                if len(data) > MAX_DOCUMENT_BYTES:
                    yield Skip(source, _too_large(len(data)))
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
                name, f"truncated or corrupt WARC after {read} records ({kind}: {exc})".strip()
            )
            return
        # warcio stops quietly at a record cut short; what it could not parse is left over.
        if archive.offset < size:
            yield Skip(
                name,
                f"truncated or corrupt WARC: {size - archive.offset} bytes after record "
                f"{read} could not be read",
            )
            return
    if read == 0:
        yield Skip(name, "not a WARC archive (no records)")
    elif other:
        yield Skip(name, f"{other} non-HTML responses ignored (corpus mode reads HTML pages)")
