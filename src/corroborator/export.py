"""Tabular exports of a corpus store for data teams: `corroborator export`.

Four flat tables, each in CSV, JSON Lines or Parquet, with the same columns in every format
(`COLUMNS` names and describes them) so that pandas, Polars, DuckDB or Spark read the file
directly (`pd.read_csv`, `pd.read_json(lines=True)`, `pl.read_parquet`, `spark.read.csv`):

- ``stories``: one row per story;
- ``articles``: one row per article (cleaned text included);
- ``claims``: one row per mention of a claim (the claim's fields repeated on each of its
  mentions: group by ``story_id, claim_id`` for one row per claim);
- ``links``: one row per provenance link (an article copied, syndicated, rewritten or
  translated from another).

Streaming: the store is read one story at a time (its payload and its articles), rows are
written as they come, Parquet in row groups of `ROW_GROUP` rows; memory is bounded by the
largest story, not the store. Deterministic: stories in id order, a story's articles in
ingest order, claims and mentions in report order; the same store gives the same bytes.
Claims are the story's last analysis; ``stories.analysed`` is false when articles arrived
after it (an interrupted ingest: rerun it to refresh).

Empty values are empty cells in CSV and null in JSON Lines and Parquet; booleans are
``true``/``false`` in CSV; lists (a story's languages, a claim's articles) are joined with
``;``.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from corroborator.store.base import Store, StoryRow, iso_day

What = Literal["claims", "articles", "stories", "links"]
Format = Literal["csv", "jsonl", "parquet"]
WHATS: tuple[What, ...] = ("claims", "articles", "stories", "links")
FORMATS: tuple[Format, ...] = ("csv", "jsonl", "parquet")
#: Rows per Parquet row group (and per write).
ROW_GROUP = 4096
#: Story ids read per query.
_ID_PAGE = 1000


class ExportError(Exception):
    """The export cannot be written; the message is the one-line reason for users."""


@dataclass(frozen=True)
class Column:
    name: str
    type: Literal["string", "int", "float", "bool"]
    doc: str


def _c(name: str, type_: Literal["string", "int", "float", "bool"], doc: str) -> Column:
    return Column(name, type_, doc)


COLUMNS: dict[What, tuple[Column, ...]] = {
    "stories": (
        _c("story_id", "string", "story id (as in `corroborator stories`)"),
        _c("title", "string", "title of the story's first article"),
        _c("size", "int", "articles in the story"),
        _c("independent_sources", "int", "independent groups (copies and rewrites count once)"),
        _c("first_published", "string", "earliest publication day (ISO date)"),
        _c("last_published", "string", "latest publication day (ISO date)"),
        _c("languages", "string", "languages of its articles, ';'-joined"),
        _c("claims", "int", "claims of the last analysis"),
        _c("conflicts", "int", "conflicting claims of the last analysis"),
        _c("analysed", "bool", "the last analysis covers every article"),
    ),
    "articles": (
        _c("article_id", "string", "article id (content hash)"),
        _c("story_id", "string", "its story"),
        _c("source", "string", "file (and line or record) it was read from"),
        _c("url", "string", "URL, when known"),
        _c("outlet", "string", "outlet name, when known"),
        _c("title", "string", "title"),
        _c("language", "string", "language code (ISO 639-1)"),
        _c("published", "string", "publication date or date-time (ISO 8601)"),
        _c("derived_from", "string", "article it copies or rewrites (see links), if any"),
        _c("relation", "string", "copy, syndication, rewrite, translation or partial"),
        _c("machine_score", "float", "reads as machine-made, 0 to 1"),
        _c("chars", "int", "length of the cleaned text in characters"),
        _c("text", "string", "cleaned article text"),
    ),
    "claims": (
        _c("story_id", "string", "its story"),
        _c("claim_id", "string", "claim id, unique within the story (c1, c2, ...)"),
        _c("kind", "string", "quantity, duration, money, percentage, date, time, quote, ..."),
        _c("label", "string", "readable name of the fact ('people killed')"),
        _c("key", "string", "normalised slot the values fill"),
        _c("verdict", "string", "corroborated, conflicting, possible_conflict, single_source"),
        _c("support", "int", "independent groups stating the claim"),
        _c("article_id", "string", "article of this mention"),
        _c("value", "string", "value as stated, normalised (number, ISO date, quote text)"),
        _c("number", "float", "the value as a number when it is one"),
        _c("unit", "string", "unit of a number (normalised: seconds, people, EUR, ...)"),
        _c("low", "float", "lower bound the wording allows"),
        _c("high", "float", "upper bound the wording allows"),
        _c("approximate", "bool", "the wording is approximate ('about', 'nearly')"),
        _c("text", "string", "the mention's words in the article"),
        _c("start", "int", "character offset of the mention in the article's text"),
        _c("end", "int", "end offset of the mention"),
        _c("sentence", "string", "the sentence holding the mention"),
        _c("explanation", "string", "why these mentions were put together"),
    ),
    "links": (
        _c("story_id", "string", "story of both articles"),
        _c("article_id", "string", "the derived article"),
        _c("original_id", "string", "the article it derives from"),
        _c("relation", "string", "copy, syndication, rewrite, translation or partial"),
        _c("score", "float", "strength of the evidence, 0 to 1"),
        _c("direction", "string", "'derived' (article_id is the later one) or 'unknown'"),
        _c("evidence", "string", "what the link rests on"),
    ),
}


# -- rows -----------------------------------------------------------------------------------


def story_ids(store: Store) -> Iterator[str]:
    """Every story id in order, a page at a time (a read-only connection of its own; also
    used by `corpus.reanalyse`)."""
    path = getattr(store, "path", None)
    if path is None:
        raise ExportError("export reads SQLite stores only")
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    try:
        last = ""
        while True:
            page = [
                r[0]
                for r in con.execute(
                    "SELECT id FROM stories WHERE id > ? ORDER BY id LIMIT ?", (last, _ID_PAGE)
                )
            ]
            if not page:
                return
            yield from page
            last = page[-1]
    finally:
        con.close()


def _stories(store: Store) -> Iterator[StoryRow]:
    for sid in story_ids(store):
        row = store.story(sid)
        if row is not None:
            yield row


def _story_rows(store: Store) -> Iterator[dict[str, Any]]:
    for s in _stories(store):
        yield {
            "story_id": s.id,
            "title": s.title,
            "size": s.size,
            "independent_sources": s.independent_sources,
            "first_published": iso_day(s.first_day),
            "last_published": iso_day(s.last_day),
            "languages": ";".join(sorted(s.languages)),
            "claims": s.claims,
            "conflicts": s.conflicts,
            "analysed": s.analysed_size == s.size
            and bool(s.payload)
            and "error" not in (s.payload or {}),
        }


def _article_rows(store: Store) -> Iterator[dict[str, Any]]:
    for sid in story_ids(store):
        for a in store.story_articles(sid):
            d = a.derived_from or {}
            yield {
                "article_id": a.id,
                "story_id": a.story_id,
                "source": a.source,
                "url": a.url,
                "outlet": a.outlet,
                "title": a.title,
                "language": a.language,
                "published": a.published,
                "derived_from": d.get("article"),
                "relation": d.get("relation"),
                "machine_score": a.machine_score,
                "chars": len(a.text),
                "text": a.text,
            }


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _value_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    for s in _stories(store):
        payload = s.payload or {}
        for claim in payload.get("claims", []):
            for m in claim.get("mentions", []):
                yield {
                    "story_id": s.id,
                    "claim_id": claim.get("id"),
                    "kind": claim.get("kind"),
                    "label": claim.get("label") or claim.get("key"),
                    "key": claim.get("key"),
                    "verdict": claim.get("verdict"),
                    "support": claim.get("support"),
                    "article_id": m.get("article"),
                    "value": _value_text(m.get("value")),
                    "number": _number(m.get("value")),
                    "unit": m.get("unit"),
                    "low": _number(m.get("low")),
                    "high": _number(m.get("high")),
                    "approximate": bool(m.get("approximate")),
                    "text": m.get("text"),
                    "start": m.get("start"),
                    "end": m.get("end"),
                    "sentence": m.get("sentence"),
                    "explanation": claim.get("explanation"),
                }


def _link_rows(store: Store) -> Iterator[dict[str, Any]]:
    for sid in story_ids(store):
        for a in store.story_articles(sid):
            d = a.derived_from
            if not d:
                continue
            yield {
                "story_id": a.story_id,
                "article_id": a.id,
                "original_id": d.get("article"),
                "relation": d.get("relation"),
                "score": _number(d.get("score")),
                "direction": d.get("direction", "derived"),
                "evidence": d.get("evidence"),
            }


_ROWS = {
    "stories": _story_rows,
    "articles": _article_rows,
    "claims": _claim_rows,
    "links": _link_rows,
}


def rows(store: Store, what: What) -> Iterator[dict[str, Any]]:
    """The rows of one table, streamed in export order, with exactly `COLUMNS[what]` keys."""
    if what not in _ROWS:
        raise ExportError(f"unknown table {what!r}; choose one of {', '.join(WHATS)}")
    return _ROWS[what](store)


# -- writers --------------------------------------------------------------------------------


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(records: Iterator[dict[str, Any]], columns: tuple[Column, ...], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    names = [c.name for c in columns]
    writer.writerow(names)
    n = 0
    for rec in records:
        writer.writerow([_csv_cell(rec[k]) for k in names])
        n += 1
    return n


def write_jsonl(
    records: Iterator[dict[str, Any]], columns: tuple[Column, ...], out: IO[str]
) -> int:
    names = [c.name for c in columns]
    n = 0
    for rec in records:
        out.write(json.dumps({k: rec[k] for k in names}, ensure_ascii=False) + "\n")
        n += 1
    return n


def _arrow_schema(columns: tuple[Column, ...]) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.type]) for c in columns])


def write_parquet(
    records: Iterator[dict[str, Any]], columns: tuple[Column, ...], path: Path
) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            "parquet needs pyarrow: pip install 'corroborator[parquet]' (or use csv or jsonl)"
        ) from None
    schema = _arrow_schema(columns)
    names = [c.name for c in columns]
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            table = pa.Table.from_pydict({k: [r[k] for r in batch] for k in names}, schema=schema)
            writer.write_table(table, row_group_size=ROW_GROUP)
            batch.clear()

        for rec in records:
            batch.append(rec)
            n += 1
            if len(batch) >= ROW_GROUP:
                flush()
        if batch or n == 0:
            flush()  # an empty table still has its schema
    return n


def export_table(store: Store, what: What, fmt: Format, output: Path | None) -> int:
    """Write table `what` of `store` as `fmt` to `output` (stdout when None, text formats
    only); returns the number of rows. A file is written under a temporary name and moved
    into place when complete, so a failed export leaves no half file."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    records = rows(store, what)  # raises ExportError for an unknown table
    columns = COLUMNS[what]
    if output is None:
        if fmt == "parquet":
            raise ExportError("parquet is a binary file: give -o PATH")
        return (write_csv if fmt == "csv" else write_jsonl)(records, columns, sys.stdout)
    part = output.with_name(output.name + ".part")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            n = write_parquet(records, columns, part)
        else:
            with part.open("w", encoding="utf-8", newline="") as fh:
                n = (write_csv if fmt == "csv" else write_jsonl)(records, columns, fh)
        os.replace(part, output)
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        if part.exists():
            part.unlink()
    return n
