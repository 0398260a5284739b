"""Inputs that stopped or stalled a run (issue 16), generated here in tmp dirs: each is a
recorded skip with a one-line reason, and the good articles beside it are kept."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import socket
import sqlite3
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from corroborator.ingest import read
from corroborator.ingest.files import MAX_FIELD_CHARS, MAX_SKIPS_PER_FILE
from corroborator.ingest.readers import read_bytes, read_inputs
from corroborator.ingest.warc import write_warc
from corroborator.model import RawDocument, Skip
from corroborator.store import open_store
from corroborator.store.base import BatchWrite

GOOD = (
    "Storm closes the port of Valmere\n\nThe port of Valmere was closed for six hours on "
    "Monday, the harbour master Ana Quell said. Twelve ships waited outside the breakwater.\n"
)


def split(records: object) -> tuple[list[RawDocument], list[Skip]]:
    docs: list[RawDocument] = []
    skips: list[Skip] = []
    for rec in records:  # type: ignore[attr-defined]
        (skips if isinstance(rec, Skip) else docs).append(rec)
    return docs, skips


def reason_of(skips: list[Skip], name: str) -> str:
    found = [s.reason for s in skips if Path(s.source.split(":")[0]).name == name]
    assert found, f"no skip for {name}: {skips}"
    assert all("\n" not in r for r in found)
    return found[0]


def write_offenders(folder: Path) -> None:
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bigint.json").write_text('{"text": "x", "n": ' + "9" * 5000 + "}")
    (folder / "bigint.jsonl").write_text(
        json.dumps({"text": GOOD}) + "\n" + '{"text": "y", "n": ' + "7" * 5000 + "}\n"
    )
    (folder / "deep.json").write_text("[" * 5000 + "]" * 5000)
    (folder / "deep.jsonl").write_text('{"text": "a", "x": ' + "[" * 5000 + "]" * 5000 + "}\n")
    (folder / "z-good.jsonl").write_text(json.dumps({"text": GOOD, "title": "Port closed"}))


def test_json_that_raises_is_a_skip_and_the_rest_is_kept(tmp_path: Path) -> None:
    write_offenders(tmp_path)
    docs, skips = split(read([tmp_path]))
    assert [Path(d.source.split(":")[0]).name for d in docs] == [
        "a-good.txt",
        "bigint.jsonl",
        "z-good.jsonl",
    ]
    assert "unreadable JSON" in reason_of(skips, "bigint.json")
    assert "4300 digits" in reason_of(skips, "bigint.json")
    assert "unreadable JSON" in reason_of(skips, "bigint.jsonl")
    assert reason_of(skips, "deep.json") == "unreadable JSON: nested too deeply"
    assert reason_of(skips, "deep.jsonl") == "unreadable JSON: nested too deeply"
    # compare's path (files named one by one) reads the same
    files = sorted(str(p) for p in tmp_path.iterdir())
    assert split(read_inputs(files)) == (docs, skips)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_skipped_without_being_opened(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    # A writer that waits for a reader: if the reader opened the FIFO it would read this
    # text and the test would fail instead of hanging.
    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(GOOD)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        docs, skips = split(read([tmp_path]))
    finally:
        # release the writer: open the read end without blocking, then drain it
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        writer.join(5)
        os.close(fd)
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert [s.reason for s in skips] == [
        "not a regular file (a FIFO (named pipe)); only regular files are read"
    ]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_symlink_to_a_device_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, skips = split(read([tmp_path]))
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert [s.reason for s in skips] == [
        "not a regular file (a character device); only regular files are read"
    ] * 2
    _, direct = split(read_inputs([tmp_path / "zero.txt"]))
    assert "character device" in direct[0].reason


def test_socket_and_broken_symlink_are_skipped() -> None:
    with tempfile.TemporaryDirectory(prefix="cs") as short:  # AF_UNIX paths are short
        folder = Path(short)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(str(folder / "s.txt"))
            (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
            docs, skips = split(read([folder]))
        finally:
            sock.close()
    assert docs == []
    reasons = {Path(s.source).name: s.reason for s in skips}
    assert "socket" in reasons["s.txt"]
    assert "broken symlink" in reasons["gone.txt"]


def test_a_million_empty_records_write_a_bounded_number_of_skips(tmp_path: Path) -> None:
    lines = [json.dumps({"text": GOOD})] + ["{}"] * 20_000
    (tmp_path / "empty.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    docs, skips = split(read([tmp_path]))
    assert len(docs) == 1
    assert len(skips) == MAX_SKIPS_PER_FILE + 1
    summary = skips[-1].reason
    assert summary.startswith("19,900 more skipped records not listed")
    assert "no 'text' or 'html' field with content (19,900)" in summary


def test_record_cap_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborator.ingest import walk

    monkeypatch.setattr(walk, "MAX_RECORDS_PER_FILE", 5)
    lines = [json.dumps({"text": f"Article {i}. {GOOD}"}) for i in range(9)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines))
    docs, skips = split(read([tmp_path]))
    assert len(docs) == 5
    assert [s.reason for s in skips] == [
        "stopped after 5 records, the limit for one file; the rest is not read"
    ]


def test_gzip_bomb_is_cut_at_the_decompressed_limit(tmp_path: Path) -> None:
    packed = gzip.compress(b"x" * (11 * 1024 * 1024))
    assert len(packed) < 100_000
    (tmp_path / "bomb.txt.gz").write_bytes(packed)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, skips = split(read([tmp_path]))
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert skips[0].reason == ("too large: over the 10 MB limit for one article (decompressed)")


def test_long_title_is_cut_and_the_cut_recorded(tmp_path: Path) -> None:
    title = "Port " * 20_000
    (tmp_path / "t.jsonl").write_text(
        json.dumps({"text": GOOD, "title": title, "published": "2026-05-04" * 100})
    )
    docs, skips = split(read([tmp_path]))
    assert len(docs) == 1
    limit = MAX_FIELD_CHARS["title"]
    assert docs[0].title == title[:limit].rstrip() and docs[0].published is None
    assert [s.reason for s in skips] == [
        f"title cut from {len(title.strip()):,} to {limit:,} characters; the article is kept",
        "published of 1,000 characters ignored (over 64); the article is kept",
    ]


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text(
        '{"text": "Caf\\udce9 owner \\ud83d\\ude00 said.", "title": "\\ud800"}'
    )
    docs, _ = split(read([tmp_path]))
    assert docs[0].text == "Caf\ufffd owner \U0001f600 said." and docs[0].title == "\ufffd"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_file_names_that_are_not_utf8_are_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(GOOD.encode())
    with open(os.fsencode(tmp_path) + b"/caf\xe9.bin", "wb") as fh:
        fh.write(b"\x00")
    docs, skips = split(read([tmp_path]))
    assert docs[0].source == str(tmp_path) + "/caf\\xe9.txt"
    assert skips[0].source == str(tmp_path) + "/caf\\xe9.bin"
    # reversible: the escapes give back the bytes of the name (tmp_path is ASCII)
    assert docs[0].source.encode("ascii").decode("unicode_escape").encode("latin-1") == raw


def test_store_escapes_names_that_are_not_utf8(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    name = os.fsdecode(b"/news/caf\xe9.txt")
    store.write_batch(BatchWrite(skips=[Skip(name, "empty input")]))
    assert store.skips() == [Skip("/news/caf\\xe9.txt", "empty input")]


def write_page(path: Path) -> None:
    """One HTML page about GOOD as a WARC archive (.warc or .warc.gz by its suffix)."""
    html = f"<html><body><article><h1>Port closed</h1><p>{GOOD}</p></article></body></html>"
    with path.open("wb") as fh:
        write_warc(fh, [("https://news.example/port", html)], gzip=path.suffix == ".gz")


@pytest.mark.parametrize("gz", [False, True])
def test_written_warc_reads_back_and_is_deterministic(tmp_path: Path, gz: bool) -> None:
    pages: list[tuple[str, str | bytes]] = [
        ("https://news.example/1", f"<html><body><p>{GOOD}</p></body></html>"),
        ("https://news.example/2", f"<html><body><p>{GOOD.upper()}</p></body></html>".encode()),
    ]
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    with path.open("wb") as fh:
        write_warc(fh, pages, gzip=gz, date="2026-05-05T06:00:00Z")
        png = [("https://news.example/logo.png", b"\x89PNG")]
        write_warc(fh, png, gzip=gz, content_type="image/png", first_id=3)
    again = io.BytesIO()
    write_warc(again, pages, gzip=gz, date="2026-05-05T06:00:00Z")
    assert path.read_bytes().startswith(again.getvalue())
    raw = path.read_bytes() if not gz else gzip.decompress(path.read_bytes())
    ids = re.findall(rb"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-(\d{12})>", raw)
    assert [int(n) for n in ids] == [1, 2, 3]
    docs, skips = split(read([path]))
    assert [(d.url, d.published) for d in docs] == [
        ("https://news.example/1", "2026-05-05T06:00:00Z"),
        ("https://news.example/2", "2026-05-05T06:00:00Z"),
    ]
    assert docs[1].html is not None and "VALMERE" in docs[1].html
    assert [s.reason for s in skips] == [
        "1 non-HTML responses ignored (corpus mode reads HTML pages)"
    ]


def test_compare_paths_and_uploads_read_warc_and_feeds(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_page(warc)
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item>'
        f"<title>Port closed</title><link>https://ledger.example/1</link><description>{GOOD}"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    docs, skips = split(read_inputs([warc, feed]))
    assert skips == []
    assert [d.url for d in docs] == ["https://news.example/port", "https://ledger.example/1"]
    assert docs[0].html is not None and "WARC/1" not in docs[0].html
    assert docs[1].outlet == "Ledger"
    uploaded = [list(read_bytes(p.read_bytes(), p.name)) for p in (warc, feed)]
    assert [[getattr(r, "url", None) for r in recs] for recs in uploaded] == [[d.url] for d in docs]


def test_compare_keeps_the_report_of_the_good_articles(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from corroborator.cli import app

    write_offenders(tmp_path)
    files = sorted(str(p) for p in tmp_path.iterdir())
    result = CliRunner().invoke(app, ["compare", *files, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 3
    assert {Path(s["source"]).name for s in report["skipped"]} == {
        "bigint.json",
        "bigint.jsonl:2",
        "deep.json",
        "deep.jsonl:1",
    }


def test_warc_with_a_wrong_length_is_quiet_and_noted(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "a.warc"
    write_page(good)
    data = re.sub(rb"Content-Length: \d+", b"Content-Length: 150", good.read_bytes(), count=1)
    bad = tmp_path / "b.warc"
    bad.write_bytes(data)
    _docs, skips = split(read([bad]))
    out, err = capfd.readouterr()
    assert err == "" and out == ""
    assert skips and all(s.source == str(bad) for s in skips)


def test_damaged_gzip_warc_member_is_a_note_not_stderr(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import random

    rng = random.Random(1)
    words = ["port", "storm", "ship", "harbour", "closed", "hours", "wind", "quay"]
    path = tmp_path / "big.warc.gz"
    out = io.BytesIO()
    pages = []
    for i in range(2):  # members large enough to be read in several blocks
        body = " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(20000))
        pages.append((f"https://news.example/{i}", f"<html><body><p>{body}</p></body></html>"))
    write_warc(out, pages, gzip=True, content_type="text/html")
    data = bytearray(out.getvalue())
    data[-60000] ^= 0xFF  # inside the second member
    path.write_bytes(bytes(data))
    docs, skips = split(read([path]))
    assert capfd.readouterr() == ("", "")
    assert len(docs) == 2
    assert [s.reason for s in skips] == [
        "damaged WARC after record 2: Error -3 while decompressing data: incorrect data check"
    ]


def test_uploads_get_the_same_bounds() -> None:
    data = json.dumps({"text": GOOD, "title": "Port " * 1000}).encode()
    records = list(read_bytes(data, "upload.json"))
    assert isinstance(records[0], RawDocument)
    assert records[0].title is not None and len(records[0].title) <= MAX_FIELD_CHARS["title"]
    assert isinstance(records[1], Skip) and "title cut from 4,999" in records[1].reason
    deep = list(read_bytes(b"[" * 5000 + b"]" * 5000, "upload.json"))
    assert deep == [Skip("upload.json", "unreadable JSON: nested too deeply")]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_ingest_keeps_the_good_articles_and_records_every_offender(tmp_path: Path) -> None:
    from corroborator.corpus import IngestOptions, ingest

    folder = tmp_path / "in"
    folder.mkdir()
    write_offenders(folder)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD.replace("six", "five").replace("Twelve", "Ten").encode())
    (folder / "empty.jsonl.gz").write_bytes(gzip.compress(b"{}\n" * 5000))
    store = open_store(tmp_path / "c.db")
    try:
        summary = ingest([folder], store, options=IngestOptions(workers=0, analysis="fast"))
        skips = store.skips()
        counts = store.counts()
    finally:
        store.close()
    # a-good.txt and the first line of bigint.jsonl hold the same text: one exact duplicate
    assert (counts["articles"], summary.read, summary.duplicates) == (3, 4, 1)
    # the duplicate is listed: which source, and the id of the article it repeats
    ((dup_source, dup_of),) = summary.duplicate_of
    assert Path(dup_source.split(":")[0]).name in {"a-good.txt", "bigint.jsonl"}
    assert summary.to_dict()["duplicate_of"] == [{"source": dup_source, "article": dup_of}]
    names = {Path(s.source.split(":")[0]).name for s in skips}
    assert {"bigint.json", "bigint.jsonl", "deep.json", "deep.jsonl"} <= names
    assert len([s for s in skips if "empty.jsonl.gz" in s.source]) == MAX_SKIPS_PER_FILE + 1
    with sqlite3.connect(tmp_path / "c.db") as db:
        sources = {Path(row[0]).name for row in db.execute("SELECT source FROM articles")}
    assert "caf\\xe9.txt" in sources
