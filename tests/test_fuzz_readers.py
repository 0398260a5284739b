"""Fuzz properties (hypothesis) of every reader and of `prepare`: whatever the bytes, JSON
values, XML or file names, a reader yields records (never raises), every skip has a one-line
reason, every string can be written as UTF-8, and a good article beside the junk is kept.

Deterministic (`derandomize=True`, no example database) and sized for CI; the long run is
`python -m bench.fuzz`.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborator.ingest import read
from corroborator.ingest.feeds import entries_from_bytes
from corroborator.ingest.files import MAX_FIELD_CHARS, MAX_REASON_CHARS, MAX_SOURCE_CHARS
from corroborator.ingest.readers import read_bytes, read_jsonl_lines
from corroborator.model import Article, RawDocument, Skip
from corroborator.pipeline import prepare

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # capfd: read after every example
    ],
)

GOOD = (
    "Storm closes the port of Valmere\n\nThe port of Valmere was closed for six hours on "
    "Monday, the harbour master Ana Quell said.\n"
)

SUFFIXES = [
    ".txt",
    ".html",
    ".json",
    ".jsonl",
    ".rss",
    ".xml",
    ".warc",
    ".txt.gz",
    ".jsonl.gz",
    ".json.gz",
    ".html.gz",
    ".atom.gz",
    ".warc.gz",
    "",
    ".csv",
]


def check(records: Iterable[RawDocument | Skip]) -> list[RawDocument | Skip]:
    """The properties every record of every reader has."""
    out = list(records)
    for rec in out:
        assert isinstance(rec, RawDocument | Skip)
        rec.source.encode("utf-8")
        assert len(rec.source) <= MAX_SOURCE_CHARS
        if isinstance(rec, Skip):
            assert rec.reason and "\n" not in rec.reason and len(rec.reason) <= MAX_REASON_CHARS
            rec.reason.encode("utf-8")
            continue
        assert (rec.text is None) != (rec.html is None)
        for field in ("text", "html", "title", "url", "published", "outlet", "language"):
            value = getattr(rec, field)
            if value is not None:
                value.encode("utf-8")
                assert len(value) <= MAX_FIELD_CHARS.get(field, len(value))
    return out


def read_folder(files: dict[str, bytes]) -> list[RawDocument | Skip]:
    """`read` over a folder holding `files` and one good article: the good one is kept."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            Path(tmp, name).write_bytes(data)
        Path(tmp, "zz-good.txt").write_text(GOOD, encoding="utf-8")
        records = check(read([tmp]))
    good = [r for r in records if isinstance(r, RawDocument) and r.source.endswith("zz-good.txt")]
    assert len(good) == 1 and good[0].text == GOOD
    return records


def pack(data: bytes, suffix: str) -> bytes:
    return gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data


# -- bytes ----------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_in_any_file_type(data: bytes, suffix: str) -> None:
    read_folder({f"input{suffix}": pack(data, suffix)})
    check(read_bytes(pack(data, suffix), f"upload{suffix}"))


@FUZZ
@given(data=st.binary(max_size=3000), cut=st.integers(min_value=0, max_value=200))
def test_damaged_gzip(data: bytes, cut: int, capfd: pytest.CaptureFixture[str]) -> None:
    packed = gzip.compress(data, mtime=0)
    damaged = packed[: max(0, len(packed) - cut)]
    read_folder({"a.jsonl.gz": damaged, "b.txt.gz": damaged, "c.warc.gz": damaged})
    assert capfd.readouterr() == ("", "")


# -- JSON -----------------------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
)
JSON_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["text", "html", "title", "url", "published", "outlet", "language", "x"]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=20,
)
# Raw JSON text pieces that `json.dumps` never writes: huge numbers, deep nesting, escapes.
_PIECES = st.sampled_from(
    [
        "9" * 5000,
        "[" * 3000,
        "]" * 3000,
        '"\\ud800"',
        '"\\udce9"',
        "1e999999",
        "-",
        '{"text": ',
        '{"html": "<p>',
        "\x00",
        "\ufeff",
        "\n",
        "NaN",
        '"',
    ]
)


@FUZZ
@given(value=JSON_VALUES)
def test_json_values(value: object) -> None:
    text = json.dumps(value)
    read_folder({"a.json": text.encode(), "b.jsonl": (text + "\n" + text).encode()})
    check(read_jsonl_lines([text], "line"))


@FUZZ
@given(parts=st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=12))
def test_json_text_that_dumps_never_writes(parts: list[str]) -> None:
    text = "".join(parts)
    data = text.encode("utf-8", "surrogatepass")
    read_folder({"a.json": data, "b.jsonl": data, "c.jsonl.gz": gzip.compress(data, mtime=0)})
    check(read_bytes(data, "upload.json"))


# -- XML (feeds) ----------------------------------------------------------------------------

_XML_PIECES = st.sampled_from(
    [
        '<?xml version="1.0"?>',
        '<rss version="2.0">',
        "<channel>",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<description>",
        "</description>",
        "<content:encoded><![CDATA[<p>",
        "]]></content:encoded>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<entry>",
        "<link>https://x.example/a</link>",
        "<pubDate>Mon, 04 May 2026 08:30:00 GMT</pubDate>",
        '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
        "&b;",
        "&#0;",
        "&#xD800;",
        "<![CDATA[",
        "<!--",
        "<" * 50,
        "<a>" * 200,
        "The port was closed for six hours.",
    ]
)


@FUZZ
@given(
    parts=st.lists(
        st.one_of(_XML_PIECES, st.text(alphabet="<>/&;!?[]=\"' abc#x", max_size=30)), max_size=25
    )
)
def test_feed_xml(parts: list[str]) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass")
    check(entries_from_bytes(data, "feed"))
    read_folder({"a.rss": data, "b.atom.gz": gzip.compress(data, mtime=0)})


# -- WARC -----------------------------------------------------------------------------------

_WARC_PIECES = st.sampled_from(
    [
        "WARC/1.0\r\n",
        "WARC-Type: response\r\n",
        "WARC-Type: request\r\n",
        "WARC-Target-URI: https://x.example/a\r\n",
        "WARC-Target-URI: https://x.example/" + "a b" * 2000 + "\r\n",
        "WARC-Date: 2026-05-04T08:30:00Z\r\n",
        "Content-Type: application/http; msgtype=response\r\n",
        "Content-Length: 60\r\n",
        "Content-Length: 99999999999\r\n",
        "Content-Length: -5\r\n",
        "\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
        "<html><body><p>The port was closed.</p></body></html>",
        "\r\n\r\n",
    ]
)


@FUZZ
@given(parts=st.lists(st.one_of(_WARC_PIECES, st.text(max_size=10)), max_size=20))
def test_warc_records(parts: list[str], capfd: pytest.CaptureFixture[str]) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass")
    packed = gzip.compress(data, mtime=0)
    damaged = packed[:-9] + bytes(4) + packed[-5:]  # a wrong CRC
    read_folder({"a.warc": data, "b.warc.gz": packed, "c.warc.gz": damaged})
    check(read_bytes(data, "upload.warc"))
    assert capfd.readouterr() == ("", "")  # warcio's warnings are notes, not stderr


# -- file names -----------------------------------------------------------------------------


@FUZZ
@given(
    name=st.binary(min_size=1, max_size=60).filter(
        lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
    ),
    suffix=st.sampled_from([".txt", ".jsonl", ".gz", ""]),
)
def test_file_names(name: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.fsencode(tmp) + b"/" + name + suffix.encode()
        try:
            with open(path, "wb") as fh:
                fh.write(pack(GOOD.encode(), suffix))
        except OSError:  # a name the file system refuses (too long, not UTF-8 on macOS)
            return
        records = check(read([tmp]))
        check(read([os.fsdecode(path)]))
    hidden = name.startswith(b".")
    if not hidden and suffix != ".jsonl":
        assert [type(r).__name__ for r in records] == ["RawDocument"]


# -- prepare --------------------------------------------------------------------------------

_TEXT_PIECES = st.sampled_from(
    [
        "The port of Valmere was closed for six hours on Monday, Ana Quell said.",
        " 12,5 % ",
        "€3.2bn",
        "\u200b",
        "\x00",
        "\ufffd",
        "\n\n",
        "<p>",
        "© 2026 Ledger. All rights reserved.",
        "“",
        "said",
        "-" * 80,
        "9" * 40,
        "1/2",
        "Mr.",
    ]
)


@settings(FUZZ, max_examples=40)
@given(
    parts=st.lists(st.one_of(_TEXT_PIECES, st.text(max_size=30)), max_size=20),
    as_html=st.booleans(),
    title=st.none() | st.text(max_size=50),
    published=st.none() | st.text(max_size=20),
    language=st.none() | st.sampled_from(["en", "de", "fr", "xx", ""]),
)
def test_prepare(
    parts: list[str], as_html: bool, title: str | None, published: str | None, language: str | None
) -> None:
    body = "".join(parts)
    records = check(
        read_jsonl_lines(
            [
                json.dumps(
                    {
                        "html" if as_html else "text": body,
                        "title": title,
                        "published": published,
                        "language": language,
                    }
                )
            ],
            "doc",
        )
    )
    for rec in records:
        if isinstance(rec, RawDocument):
            art = prepare(rec, "a1")
            assert isinstance(art, Article | Skip)
            if isinstance(art, Skip):
                assert art.reason and "\n" not in art.reason
