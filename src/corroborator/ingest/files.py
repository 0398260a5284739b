"""Files: which reader a name goes to, what may be opened, and every bound on reading.

All the caps of the readers are here, in one place, so a user can find why an input was
cut or skipped. Every cap that is reached is recorded as a `Skip` with the reason; nothing
is dropped silently:

- only regular files are read: a FIFO would block for ever, `/dev/zero` never ends, a
  socket or device is not a document. The check follows symlinks and is made twice: with
  `os.stat` before opening (a FIFO is never opened) and with `os.fstat` on the descriptor,
  opened non-blocking, so a file swapped between the two checks is refused too;
- one article is at most `MAX_DOCUMENT_BYTES`; a feed file `MAX_FEED_BYTES`;
- a compressed stream or a WARC archive gives at most `MAX_DECOMPRESSED_BYTES` (a gzip of a
  few kB can hold gigabytes);
- one file gives at most `MAX_RECORDS_PER_FILE` records, and at most `MAX_SKIPS_PER_FILE`
  skip notes: the rest are counted in one summary note;
- metadata fields are cut to `MAX_FIELD_CHARS` (a 100 kB title cost 58 s and 480 MB in story
  clustering).
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from corroborator.model import Skip

T = TypeVar("T")

#: One article larger than this is not a news article (a dump, a log, a book); refuse it.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
#: A feed file holds many articles; still bounded.
MAX_FEED_BYTES = 8 * MAX_DOCUMENT_BYTES
#: Bytes one gzip stream (`.jsonl.gz`) or one WARC archive may give once decompressed.
MAX_DECOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024
#: Records (articles and skips) read from one file; the rest of the file is left unread.
MAX_RECORDS_PER_FILE = 1_000_000
#: Skip notes kept for one file; further skips are summarised in one note.
MAX_SKIPS_PER_FILE = 100
#: Metadata cut to this many characters (the web API's limits for the same fields).
MAX_FIELD_CHARS = {"title": 1000, "url": 4000, "published": 64, "outlet": 300, "language": 16}
#: Characters of a reason kept (a reason is one line).
MAX_REASON_CHARS = 300
#: Characters of a record's source (a path, plus a line number, URI or feed entry id).
MAX_SOURCE_CHARS = 1000

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}
_KNOWN = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES

GZIP_ERRORS = (OSError, EOFError, zlib.error)


def kind_of(path: Path | str) -> tuple[str | None, bool]:
    """(kind, gzipped) from the file name; kind is None for a type we do not read.

    Kinds: 'text', 'html', 'json', 'jsonl', 'feed', 'warc'. A name without a suffix (or
    "story.gz") is 'text' and its content is sniffed.
    """
    suffixes = [s.lower() for s in Path(path).suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    inner = suffixes[-2] if gz and len(suffixes) >= 2 else (suffixes[-1] if suffixes else "")
    if gz and inner not in _KNOWN | HTML_SUFFIXES:
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


def display_name(path: str | Path) -> str:
    """The path as text that any encoder accepts: bytes that are not valid UTF-8 (kept by
    Python as lone surrogates) are shown as visible, reversible escapes such as '\\xff'."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def source_label(text: str) -> str:
    """A record's source as stored and shown: escaped (see `display_name`) and at most
    `MAX_SOURCE_CHARS` (a feed entry id or a URI can be of any length)."""
    text = display_name(text)
    return text if len(text) <= MAX_SOURCE_CHARS else text[: MAX_SOURCE_CHARS - 1] + "…"


def one_line(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """A reason on one line, at most `limit` characters."""
    flat = " ".join(display_name(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def too_large(size: int, limit: int = MAX_DOCUMENT_BYTES, what: str = "one article") -> str:
    return f"too large: {size / 1048576:.1f} MB, over the {limit // 1048576} MB limit for {what}"


_FILE_TYPES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _FILE_TYPES:
        if test(mode):
            return f"not a regular file ({name}); only regular files are read"
    return "not a regular file; only regular files are read"


class NotReadable(Exception):
    """A path that is not opened; the message is the one-line reason."""


def read_regular(
    path: Path, name: str, read: Callable[[BinaryIO], Iterator[T]]
) -> Iterator[T | Skip]:
    """`read`'s records from `path` opened by `open_regular`, or one Skip saying why the
    path is not read; the file is closed when the records end."""
    try:
        fh = open_regular(path)
    except NotReadable as exc:
        yield Skip(name, str(exc))
        return
    with fh:
        yield from read(fh)


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for binary reading, only when it is (or links to) a regular file.

    Raises NotReadable with the reason otherwise. A FIFO is never opened (the stat comes
    first), and the descriptor is opened non-blocking and checked again with fstat.
    """
    try:
        why = not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        raise NotReadable("no such file (or a broken symlink)") from None
    except OSError as exc:
        raise NotReadable(f"cannot read: {exc.strerror or exc}") from None
    if why:
        raise NotReadable(why)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise NotReadable(f"cannot read: {exc.strerror or exc}") from None
    try:
        why = not_regular(os.fstat(fd).st_mode)
        if why:
            raise NotReadable(why)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(fh: BinaryIO, limit: int) -> bytes:
    """At most `limit + 1` bytes (one more than allowed tells the caller it was over)."""
    return fh.read(limit + 1)


class CappedReader(io.RawIOBase):
    """A read-only stream over `inner` that ends after `limit` bytes and says so
    (`capped`): a bound on what a decompressor may produce."""

    def __init__(self, inner: BinaryIO, limit: int):
        self._inner = inner
        self._left = limit
        self.capped = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._left <= 0:
            if self._inner.read(1):
                self.capped = True
            return 0
        view = memoryview(buffer)[: self._left]
        data = self._inner.read(len(view))
        view[: len(data)] = data
        self._left -= len(data)
        return len(data)


def gzip_stream(fh: BinaryIO, limit: int = MAX_DECOMPRESSED_BYTES) -> tuple[BinaryIO, CappedReader]:
    """The decompressed content of `fh` (buffered), ending after `limit` bytes; the second
    value says whether the limit was reached (`capped`)."""
    capped = CappedReader(gzip.GzipFile(fileobj=fh, mode="rb"), limit)  # type: ignore[arg-type]
    return io.BufferedReader(capped, 1 << 16), capped


def bounded_lines(fh: BinaryIO, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes | int]:
    """Lines of `fh`; a line longer than `limit` is not kept in memory: its length (an int)
    is yielded instead, after reading through it in chunks."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            more = fh.readline(1 << 20)
            size += len(more)
            if not more or more.endswith(b"\n"):
                break
        yield size


def stream_size(fh: BinaryIO) -> int | None:
    """Bytes in a seekable stream (a file, bytes in memory), or None when not seekable."""
    try:
        if not fh.seekable():
            return None
        here = fh.tell()
        end = fh.seek(0, os.SEEK_END)
        fh.seek(here)
        return end
    except (OSError, ValueError):
        return None
