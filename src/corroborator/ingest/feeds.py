"""RSS and Atom feed files (feedparser): one article per entry.

The entry's full content (`content:encoded`, Atom `<content>`) is used when present, else its
summary. A feed whose XML is broken and from which nothing can be recovered is skipped with
the parser's reason; when feedparser's lenient mode recovers entries from malformed XML, the
entries are used and the malformation is recorded as a skip note so it is not silent.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corroborator.ingest.readers import MAX_DOCUMENT_BYTES, Record, _too_large
from corroborator.ingest.walk import _read_gzip_bounded
from corroborator.model import RawDocument, Skip


def _iso(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%S", struct)
    except (TypeError, ValueError):
        return None


def _looks_html(value: str, mime: str) -> bool:
    return "html" in mime or ("<" in value and ">" in value)


def entries_from_bytes(data: bytes, name: str) -> Iterator[Record]:
    """Records from the bytes of one feed document."""
    import feedparser

    if not data.strip():
        yield Skip(name, "empty input")
        return
    feed = feedparser.parse(data)
    entries = list(feed.get("entries", []))
    problem = feed.get("bozo_exception") if feed.get("bozo") else None
    if not entries:
        if problem is not None:
            yield Skip(name, f"broken feed XML: {problem}")
        elif not feed.get("version"):
            yield Skip(name, "not an RSS or Atom feed")
        else:
            yield Skip(name, "feed has no entries")
        return
    if problem is not None:
        yield Skip(
            name, f"malformed feed XML ({problem}); {len(entries)} entries recovered and read"
        )
    outlet = feed.get("feed", {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        ident = entry.get("id") or entry.get("link") or str(number)
        source = f"{name}#{ident}"
        body, mime = "", ""
        contents = entry.get("content") or []
        if contents:
            body = "\n".join(str(c.get("value", "")) for c in contents)
            mime = str(contents[0].get("type", ""))
        if not body.strip():
            body = str(entry.get("summary", "") or "")
            mime = str(entry.get("summary_detail", {}).get("type", ""))
        if not body.strip():
            yield Skip(source, "feed entry has no content or summary")
            continue
        if len(body.encode("utf-8")) > MAX_DOCUMENT_BYTES:
            yield Skip(source, _too_large(len(body.encode("utf-8"))))
            continue
        html = _looks_html(body, mime)
        yield RawDocument(
            source=source,
            text=None if html else body,
            html=f"<html><body><article>{body}</article></body></html>" if html else None,
            title=(entry.get("title") or "").strip() or None,
            url=entry.get("link") or None,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            language=(entry.get("language") or feed.get("feed", {}).get("language") or None),
        )


def read_feed(path: Path) -> Iterator[Record]:
    """Records from one feed file (`.rss`, `.atom`, `.xml`, optionally `.gz`)."""
    name = str(path)
    if path.suffix.lower() == ".gz":
        data = _read_gzip_bounded(path, name)
        if isinstance(data, Skip):
            yield data
            return
    else:
        try:
            size = path.stat().st_size
            if size > 8 * MAX_DOCUMENT_BYTES:  # a feed holds many articles; still bounded
                yield Skip(name, _too_large(size) + " (feed)")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield Skip(name, f"cannot read: {exc.strerror or exc}")
            return
    yield from entries_from_bytes(data, name)
