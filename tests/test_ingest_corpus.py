"""Corpus readers: folder walk, gzip, feeds, WARC, and bad input inside a corpus."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from corroborator.ingest import warc as ingest_warc
from corroborator.ingest.feeds import entries_from_bytes
from corroborator.ingest.walk import kind_of, walk_inputs
from corroborator.ingest.warc import read_warc
from corroborator.model import RawDocument, Skip

MIXED = Path(__file__).parent / "data" / "corpus" / "mixed"

PAGE = (
    "<html><head><title>Quarry collapse in Brenn</title></head><body><article>"
    "<h1>Quarry collapse in Brenn</h1><p>A wall of the Brenn quarry collapsed on Monday, "
    "the operator said. Nobody was hurt because the site had been closed for 2 days.</p>"
    "<p>Engineers will inspect the remaining walls this week, the mayor Ilse Brandt said.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, pages: list[tuple[str, str]], with_image: bool = True) -> None:
    """`pages` as HTML responses, then (with `with_image`) an image response to skip."""
    gz = path.suffix == ".gz"
    with path.open("wb") as fh:
        ingest_warc.write_warc(fh, pages, gzip=gz)
        if with_image:
            logo = [("https://news.example/logo.png", b"\x89PNG\r\n")]
            ingest_warc.write_warc(
                fh, logo, gzip=gz, content_type="image/png", first_id=len(pages) + 1
            )


def records(paths: list[Path | str]) -> tuple[list[RawDocument], list[Skip]]:
    docs: list[RawDocument] = []
    skips: list[Skip] = []
    for rec in walk_inputs(paths):
        (skips if isinstance(rec, Skip) else docs).append(rec)  # type: ignore[arg-type]
    return docs, skips


def test_kind_of_names() -> None:
    assert kind_of(Path("a.jsonl.gz")) == ("jsonl", True)
    assert kind_of(Path("x.warc.gz")) == ("warc", True)
    assert kind_of(Path("f.rss")) == ("feed", False)
    assert kind_of(Path("p.HTML")) == ("html", False)
    assert kind_of(Path("notes.pdf")) == (None, False)
    assert kind_of(Path("README")) == ("text", False)


def test_mixed_folder_walk_reads_good_and_explains_bad() -> None:
    docs, skips = records([MIXED])
    sources = sorted(Path(d.source.split("#")[0].split(":")[0]).name for d in docs)
    assert sources == [
        "bridge.jsonl",
        "bridge.jsonl",
        "feed.rss",
        "feed.rss",
        "fire-courier.html",
        "fire-ledger.txt",
    ]
    reasons = {Path(s.source.split(":")[0]).name: s.reason for s in skips}
    assert reasons["empty.txt"] == "empty input"
    assert "binary" in reasons["archive.txt"]
    assert "unsupported file type" in reasons["notes.pdf"]
    assert "broken feed XML" in reasons["broken.rss"] or "malformed" in reasons["broken.rss"]
    assert "malformed JSON" in reasons["bridge.jsonl"]


def test_feed_entries_keep_full_content_url_and_date() -> None:
    docs = [d for d in entries_from_bytes((MIXED / "feed.rss").read_bytes(), "feed.rss")]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert first.html is not None and "evacuation" in first.html
    assert first.url == "https://harbour.example/silo"
    assert first.published == "2026-05-02T20:00:00"
    assert first.outlet == "Harbour Weekly"
    second = docs[1]
    assert isinstance(second, RawDocument) and "40 minutes" in (second.text or second.html or "")


def test_not_a_feed() -> None:
    out = list(entries_from_bytes(b"<html><body>hello</body></html>", "page.xml"))
    assert len(out) == 1 and isinstance(out[0], Skip)


def test_warc_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://news.example/quarry", PAGE)])
    out = list(read_warc(path))
    docs = [r for r in out if isinstance(r, RawDocument)]
    notes = [r for r in out if isinstance(r, Skip)]
    assert len(docs) == 1
    assert docs[0].url == "https://news.example/quarry"
    assert docs[0].published == "2026-05-04T08:30:00Z"
    assert docs[0].html is not None and "Brenn" in docs[0].html
    assert len(notes) == 1 and "1 non-HTML" in notes[0].reason


def test_truncated_warc_keeps_pages_before_the_damage(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    write_warc(full, [(f"https://news.example/{i}", PAGE) for i in range(3)], with_image=False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    out = list(read_warc(cut))
    docs = [r for r in out if isinstance(r, RawDocument)]
    skips = [r for r in out if isinstance(r, Skip)]
    assert 1 <= len(docs) <= 3
    assert skips and "truncated or corrupt WARC" in skips[-1].reason


def test_corrupt_gzip_and_gz_jsonl(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl.gz"
    lines = [
        json.dumps({"title": f"T{i}", "text": f"Story number {i} about the Brenn quarry."})
        for i in range(3)
    ]
    good.write_bytes(gzip.compress("\n".join(lines).encode()))
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    cut = tmp_path / "cut.jsonl.gz"
    many = [json.dumps({"title": f"T{i}", "text": f"Quarry item {i * 7919}."}) for i in range(500)]
    packed = gzip.compress("\n".join(many).encode())
    cut.write_bytes(packed[: len(packed) // 2])
    docs, skips = records([tmp_path])
    names = [Path(d.source.split(":")[0]).name for d in docs]
    assert names.count("good.jsonl.gz") == 3
    reasons = {Path(s.source.split(":")[0]).name: s.reason for s in skips}
    assert "corrupt gzip" in reasons["bad.txt.gz"]
    assert "corrupt gzip" in reasons["cut.jsonl.gz"]


def test_oversized_text_is_skipped_and_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(b"word " * (2_200_000))
    shutil.copy(MIXED / "fire-ledger.txt", tmp_path / "z.txt")
    docs, skips = records([tmp_path])
    assert [Path(d.source).name for d in docs] == ["z.txt"]
    assert "too large" in skips[0].reason


def test_missing_path_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    shutil.copy(MIXED / "fire-ledger.txt", tmp_path / "a.txt")
    docs, skips = records([tmp_path, tmp_path / "nope"])
    assert len(docs) == 1
    assert [s.reason for s in skips] == ["no such file or folder"]
