"""Preparing one article: clean, title, date, language, sentences (`prepare`), the first
step of both jobs (`corroborator.jobs.compare`, and `corpus.work.prepare_one` in ingest).

    RawDocument -> prepare -> Article (clean body, `removed`, title, published, language,
                                       sentences, url, outlet)   or Skip(reason)

`prepare_all` runs it over a stream of records and turns an exception met on odd text into a
Skip that names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from corroborator.ingest.files import MAX_FIELD_CHARS
from corroborator.model import Article, RawDocument, Skip
from corroborator.text.clean import clean_lines, clean_text
from corroborator.text.html import extract_html
from corroborator.text.language import detect_language
from corroborator.text.sentences import MAX_SENTENCE_CHARS, split_sentences

_COPYRIGHT_OUTLET = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:[-–]\s*\d{4}\s*)?(?P<name>[^.|,]{2,60}?)(?:\s*(?:\.|,|\||All rights|Alle Rechte|Tous droits|$))",
    re.IGNORECASE,
)


#: Longest article body analysed, in characters: about 50 long news articles. Beyond it a
#: "document" is a dump, not a report; the rest is cut (and the cut listed in `removed`) so
#: that no single input can hold a run for minutes.
MAX_ARTICLE_CHARS = 250_000
#: Longest title kept (the readers' bound for metadata, also applied to titles found in HTML).
MAX_TITLE_CHARS = MAX_FIELD_CHARS["title"]


# "Subscribe to The Metro Bulletin for €1 a week": capitalised words after "subscribe to".
_SUBSCRIBE_OUTLET = re.compile(
    r"^(?i:subscribe(?:\s+now)?\s+to)\s+(?P<name>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})"
)
_NOT_OUTLET = frozenset(
    {"our", "your", "my", "this", "newsletter", "newsletters", "updates", "alerts", "podcast"}
)


_YEAR_IN = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")


def normalise_published(value: str | None) -> str | None:
    """ISO 8601 with the precision given: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS' (UTC-naive)."""
    if not value:
        return None
    text = value.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        # Free-form dates ("Tue, 03 Mar 2026 10:00:00 GMT", "3 mars 2026") must name their
        # year: dateparser fills what is missing from today and reads relative phrases ("2
        # days ago", even "-1") against the clock, which would make reports depend on the day
        # they are run.
        if not _YEAR_IN.search(text):
            return None
        import dateparser  # slow first call; only reached for free-form date strings

        parsed = dateparser.parse(
            text[:64],
            settings={
                "PREFER_DAY_OF_MONTH": "first",
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["month", "year"],
            },
        )
        return parsed.date().isoformat() if parsed else None
    if len(text) <= 10:
        return dt.date().isoformat()
    if dt.tzinfo is not None:
        from datetime import UTC

        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.replace(microsecond=0).isoformat()


def outlet_from_removed(removed: Sequence[str]) -> str | None:
    """The outlet named by the site furniture cleaning removed: a copyright footer ("© 2026
    Northshore Ledger. All rights reserved."), else a subscription line ("Subscribe to The
    Metro Bulletin for €1 a week"); None when neither names one."""
    for line in removed:
        m = _COPYRIGHT_OUTLET.match(line.strip())
        if m:
            name = m.group("name").strip(" -–")
            if name and not name.lower().startswith(("all rights", "alle rechte")):
                return name
    for line in removed:
        m = _SUBSCRIBE_OUTLET.match(line.strip())
        if m:
            name = m.group("name").rstrip(".")
            words = name.lower().split()
            if words != ["the"] and not _NOT_OUTLET.intersection(words):
                return name
    return None


def prepare(raw: RawDocument, article_id: str) -> Article | Skip:
    """Clean one raw document into an Article, or say why it cannot be used."""
    title = raw.title
    published = normalise_published(raw.published)
    language_hint = raw.language
    url, outlet = raw.url, raw.outlet
    removed: list[str] = []
    if raw.html is not None:
        page = extract_html(raw.html, raw.source)
        if page is None:
            return Skip(raw.source, "no article text found in the HTML")
        kept, dropped = clean_lines(page.text.split("\n"), page.language)
        removed = list(page.removed) + dropped
        body = "\n\n".join(line for line in kept if line.strip())
        title = title or page.title
        published = published or normalise_published(page.published)
        language_hint = language_hint or page.language
        url, outlet = url or page.url, outlet or page.outlet
    else:
        cleaned = clean_text(raw.text or "", language_hint, title_hint=title)
        # A brief whose only line is its headline: that line is the article, not furniture.
        body = cleaned.text if cleaned.text.strip() else (cleaned.title or "")
        removed = list(cleaned.removed)
        title = title or cleaned.title
        published = published or cleaned.published
    body = body.strip()
    if not body:
        return Skip(raw.source, "no article text left after removing boilerplate")
    if len(body) > MAX_ARTICLE_CHARS:
        cut = body.rfind(" ", 0, MAX_ARTICLE_CHARS) + 1 or MAX_ARTICLE_CHARS
        removed.append(
            f"[cut: {len(body) - cut:,} characters after the first {cut:,} were not analysed]"
        )
        body = body[:cut].rstrip()
    language = detect_language(body if not title else f"{title}\n{body}", hint=language_hint)
    cuts: list[int] = []
    sentences = split_sentences(body, language, cuts)
    if cuts:
        removed.append(
            f"[cut: {len(cuts)} run-on stretch(es) without sentence breaks were split every "
            f"{MAX_SENTENCE_CHARS:,} characters or less]"
        )
    if not title:
        title = sentences[0].text[:120] if sentences else body[:120]
    elif len(title) > MAX_TITLE_CHARS:  # a page's <title> is not bounded by the readers
        removed.append(f"[cut: title of {len(title):,} characters cut to {MAX_TITLE_CHARS:,}]")
        title = title[:MAX_TITLE_CHARS]
    return Article(
        id=article_id,
        source=raw.source,
        title=title.strip(),
        language=language,
        published=published,
        text=body,
        removed=removed,
        sentences=sentences,
        url=url,
        outlet=outlet or outlet_from_removed(removed),
    )


@dataclass
class PreparedCorpus:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


def prepare_all(records: Iterable[RawDocument | Skip]) -> PreparedCorpus:
    """Prepared articles and skips; a document that `prepare` fails on is a Skip that names
    the error, and the others are kept (a bug met on odd text must not stop a run)."""
    out = PreparedCorpus()
    for rec in records:
        if isinstance(rec, Skip):
            out.skipped.append(rec)
            continue
        try:
            art = prepare(rec, f"a{len(out.articles) + 1}")
        except Exception as exc:
            reason = " ".join(f"could not prepare the article: {type(exc).__name__}: {exc}".split())
            art = Skip(rec.source, reason[:300])
        if isinstance(art, Skip):
            out.skipped.append(art)
        else:
            out.articles.append(art)
    return out
