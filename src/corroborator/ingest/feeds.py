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

from corroborator.ingest.files import MAX_DOCUMENT_BYTES, one_line, too_large
from corroborator.ingest.readers import Record
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
    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # the parser's own failure on odd XML
        yield Skip(name, one_line(f"broken feed XML: {type(exc).__name__}: {exc}"))
        return
    entries = list(feed.get("entries", []))
    problem = feed.get("bozo_exception") if feed.get("bozo") else None
    if not entries:
        if problem is not None:
            yield Skip(name, one_line(f"broken feed XML: {problem}"))
        elif not feed.get("version"):
            yield Skip(name, "not an RSS or Atom feed")
        else:
            yield Skip(name, "feed has no entries")
        return
    if problem is not None:
        yield Skip(
            name,
            one_line(f"malformed feed XML ({problem}); {len(entries)} entries recovered and read"),
        )
    outlet = feed.get("feed", {}).get("title") or None
    language = feed.get("feed", {}).get("language") or None
    for number, entry in enumerate(entries, start=1):
        ident = entry.get("id") or entry.get("link") or str(number)
        source = f"{name}#{ident}"
        try:
            yield _entry_record(entry, source, outlet, language)
        except Exception as exc:  # one odd entry must not end the feed
            yield Skip(source, one_line(f"unreadable feed entry: {type(exc).__name__}: {exc}"))


def _entry_record(entry: Any, source: str, outlet: Any, language: Any) -> Record:
    body, mime = "", ""
    contents = entry.get("content") or []
    if contents:
        body = "\n".join(str(c.get("value", "")) for c in contents)
        mime = str(contents[0].get("type", ""))
    if not body.strip():
        body = str(entry.get("summary", "") or "")
        mime = str(entry.get("summary_detail", {}).get("type", ""))
    if not body.strip():
        return Skip(source, "feed entry has no content or summary")
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        return Skip(source, too_large(size))
    html = _looks_html(body, mime)
    return RawDocument(
        source=source,
        text=None if html else body,
        html=f"<html><body><article>{body}</article></body></html>" if html else None,
        title=str(entry.get("title") or "").strip() or None,
        url=str(entry.get("link") or "") or None,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=str(outlet) if outlet else None,
        language=str(entry.get("language") or language or "") or None,
    )


def read_feed(path: Path) -> Iterator[Record]:
    """Records from one feed file (`.rss`, `.atom`, `.xml`, optionally `.gz`)."""
    from corroborator.ingest.files import display_name, kind_of, read_regular
    from corroborator.ingest.walk import guarded, read_stream

    name = display_name(path)
    gz = kind_of(path)[1]
    yield from read_regular(path, name, lambda fh: guarded(read_stream(fh, name, "feed", gz), name))
