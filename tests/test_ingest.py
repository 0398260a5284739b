"""Readers: every kind of bad input becomes a Skip with a reason, never an exception."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from corroborator.ingest.decode import DecodeError, decode_bytes, looks_binary
from corroborator.ingest.readers import MAX_DOCUMENT_BYTES, read_inputs, read_path, sniff_format
from corroborator.model import RawDocument, Skip

ARTICLE = "World\nStorm closes the port of Valmere\n\nThe port of Valmere was closed for six hours on Monday.\n"


def _one(path: Path) -> RawDocument | Skip:
    records = list(read_path(path))
    assert len(records) == 1
    return records[0]


def test_plain_text_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    rec = _one(p)
    assert isinstance(rec, RawDocument)
    assert rec.text == ARTICLE and rec.html is None and rec.source == str(p)


def test_html_file_by_suffix_and_by_sniffing(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>Hello</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(page, encoding="utf-8")
    a, b = _one(tmp_path / "a.html"), _one(tmp_path / "b.txt")
    assert isinstance(a, RawDocument) and a.html == page
    # A .txt is trusted to be text even when it looks like markup: the user said so.
    assert isinstance(b, RawDocument) and b.text == page
    assert sniff_format(page) == "html"
    assert sniff_format('{"text": "x"}') == "jsonl"
    assert sniff_format("Plain words.") == "text"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\t\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content"),
        (bytes(range(1, 32)) * 50, "binary content"),
    ],
)
def test_unusable_files_are_skipped_with_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    rec = _one(p)
    assert isinstance(rec, Skip)
    assert reason in rec.reason


def test_legacy_encodings_are_detected(tmp_path: Path) -> None:
    text = "Économie\nLa réunion a duré deux heures à Genève, a déclaré le ministère.\n" * 3
    p = tmp_path / "fr.txt"
    p.write_bytes(text.encode("cp1252"))
    rec = _one(p)
    assert isinstance(rec, RawDocument) and rec.text is not None
    assert "réunion a duré deux heures à Genève" in rec.text
    p16 = tmp_path / "u16.txt"
    p16.write_bytes(text.encode("utf-16"))
    rec16 = _one(p16)
    assert isinstance(rec16, RawDocument) and rec16.text == text


def test_decode_rejects_binary_and_empty() -> None:
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"")
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"abc\x00def" * 10)
    assert looks_binary(b"\x00\x01\x02") and not looks_binary("zażółć".encode())
    assert decode_bytes("\ufeffhello".encode("utf-8")).text == "hello"


def test_jsonl_lines_good_and_bad(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "A body.", "title": "T", "outlet": "O", "published": "2026-01-02"}),
        "",
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"html": "<p>Body</p>", "url": "https://x.example/a", "language": "en"}),
        json.dumps({"text": 42}),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs = list(read_path(p))
    assert [type(r).__name__ for r in recs] == [
        "RawDocument",
        "Skip",
        "Skip",
        "Skip",
        "RawDocument",
        "Skip",
    ]
    first, bad_json, no_body, a_list, html_doc, wrong_type = recs
    assert isinstance(first, RawDocument) and first.title == "T" and first.outlet == "O"
    assert (
        isinstance(bad_json, Skip)
        and bad_json.source == f"{p}:3"
        and "malformed JSON" in bad_json.reason
    )
    assert isinstance(no_body, Skip) and "no 'text' or 'html'" in no_body.reason
    assert isinstance(a_list, Skip) and "expected an object" in a_list.reason
    assert isinstance(html_doc, RawDocument) and html_doc.html == "<p>Body</p>"
    assert isinstance(wrong_type, Skip) and "must be strings" in wrong_type.reason


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"text": "fine"}\n{"text": "caf\xe9"}\n')
    recs = list(read_path(p))
    assert isinstance(recs[0], RawDocument)
    assert isinstance(recs[1], Skip) and "UTF-8" in recs[1].reason


def test_json_array_and_object(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": "One."}, {"text": "Two."}]), encoding="utf-8")
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"text": "Only."}), encoding="utf-8")
    recs = list(read_inputs([arr, obj]))
    assert [r.source for r in recs] == [f"{arr}[1]", f"{arr}[2]", str(obj)]
    assert all(isinstance(r, RawDocument) for r in recs)


def test_missing_directory_and_huge_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: no real disk use
    recs = list(read_inputs([tmp_path / "nope.txt", tmp_path, big]))
    assert all(isinstance(r, Skip) for r in recs)
    reasons = [r.reason for r in recs if isinstance(r, Skip)]
    assert reasons[0] == "no such file"
    assert "is a directory" in reasons[1]
    assert "too large" in reasons[2] and "10 MB" in reasons[2]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    recs = list(read_path("-"))
    assert len(recs) == 1 and isinstance(recs[0], RawDocument)
    assert recs[0].source == "<stdin>" and recs[0].text == ARTICLE
