"""`extract_claims`: every claim in one article's clean body, as `Extraction` records.

Keys (the slot a value fills; always English canonical words so values align across
languages):
  duration    "<head> duration"      head: what lasted ("fire", "meeting", "road closure")
  quantity    "<noun>[ <event>]"      "resident evacuated", "firefighter injured", "age"
  percentage  "<head> percentage"    "unemployment percentage", "price increase percentage"
  money       "<head> amount"        "damage amount", "fine amount"
  date        "<head> date"          "fire start date", "event date"
  quote       "quote: <surname>"     surname = last capitalised token of the speaker, lower case
  attribution "attribution: <source>"  source lemma ("police", "official", "ministry")
`slot` is a short phrase in the article's own language (the head/verb words as written, or the
content words around the number) for cross-lingual matching by embeddings.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from corroborator.claims.dates import (
    LABELLED_STAMP,
    LABELLED_STAMP_WINDOW,
    STAMP_CUE,
    STAMP_WINDOW,
    find_dates,
    parse_published,
)
from corroborator.claims.frames import add_frames
from corroborator.claims.lang import get_lexicon
from corroborator.claims.lexicon import Lexicon
from corroborator.claims.quantities import (
    CLOCK_HEAD,
    TIME_LEFT,
    NumberMention,
    duration_head,
    find_numbers,
    neutral_masks,
)
from corroborator.claims.quotes import find_attribution, find_quotes_steps
from corroborator.claims.records import RECORD_SLOT, find_records
from corroborator.claims.scores import find_results, result_extractions
from corroborator.claims.times import find_times
from corroborator.claims.tokens import (
    Token,
    split_number_context,
    subject_and_verb,
    subject_head,
    tokenize,
    tokens_after,
    tokens_before,
    window_slot,
)
from corroborator.claims.votes import find_tallies, tally_extractions
from corroborator.model import Extraction, Sentence
from corroborator.nlp.batch import Parsing, run_parses


def extract_claims(
    text: str,
    sentences: list[Sentence],
    language: str,
    published: str | None,
    parse_quotes: bool = True,
) -> list[Extraction]:
    """All claims found in one article's clean body, sorted by (start, end, kind).

    `sentences` are offsets into `text`. An unknown language gets only language-neutral
    extraction (digits with %, currency symbols, ISO dates). Never raises on odd input: bad
    offsets are clipped and an empty text gives an empty list. `parse_quotes=False` finds
    quote speakers by rules only (no dependency parse: corpus mode's fast analysis).
    """
    return run_parses(extract_claims_steps(text, sentences, language, published, parse_quotes))


def extract_claims_steps(
    text: str,
    sentences: list[Sentence],
    language: str,
    published: str | None,
    parse_quotes: bool = True,
) -> Parsing[list[Extraction]]:
    """`extract_claims` as a generator that yields the parse requests of its quote speakers
    (`corroborator.nlp.batch`; `corpus.work` answers those of a chunk of articles at once)."""
    if not text or not isinstance(text, str):
        return []
    lex = get_lexicon(language)
    if not published and lex is not None:
        published = stamp_date(text, lex)
    pub = parse_published(published)
    sents = _usable_sentences(text, sentences)
    starts = [s.start for s in sents]
    out: list[Extraction] = []
    quotes = (
        (yield from find_quotes_steps(text, lex, use_parser=parse_quotes))
        if lex is not None
        else []
    )
    quote_spans = [(q.start, q.end) for q in quotes]
    for q in quotes:
        idx = _sentence_index(starts, q.start)
        speaker = q.speaker or "unknown"
        out.append(
            Extraction(
                kind="quote",
                key=f"quote: {q.speaker_key or 'unknown'}",
                start=q.start,
                end=q.end,
                text=text[q.start : q.end],
                value=q.content,
                speaker=speaker,
                head=q.speaker_key,
                slot=speaker,
                sentence_index=idx,
            )
        )
    for idx, sent in enumerate(sents):
        out.extend(_sentence_claims(text, idx, sent, lex, pub, quote_spans))
    out.sort(key=lambda x: (x.start, x.end, x.kind))
    return add_frames(text, sents, out, language, published, lex)


def stamp_date(text: str, lex: Lexicon) -> str | None:
    """The page's own publication stamp near the top of the text ("Published: April 10,
    2007", "3 May 2025 Last updated at 09:42 GMT"), as an ISO day: the article's date when
    its metadata gives none, so that weekdays and background years resolve against it."""
    window = min(len(text), LABELLED_STAMP_WINDOW + 40)
    for d in find_dates(text, 0, window, lex, None):
        if d.dateline and len(d.value) == 10 and d.value[4] == "-":
            return d.value
    return None


def _usable_sentences(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Clip offsets to the text; fall back to one sentence spanning the text if none given."""
    n = len(text)
    good = [
        Sentence(max(0, s.start), min(n, s.end), s.text)
        for s in sentences
        if isinstance(s.start, int) and isinstance(s.end, int) and s.start < s.end
    ]
    return good or [Sentence(0, n, text)]


def _sentence_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _sentence_claims(
    text: str,
    idx: int,
    sent: Sentence,
    lex: Lexicon | None,
    pub: object,
    quote_spans: list[tuple[int, int]],
) -> list[Extraction]:
    from datetime import date

    published = pub if isinstance(pub, date) else None
    out: list[Extraction] = []
    tokens = tokenize(text, sent.start, sent.end)
    dates = find_dates(text, sent.start, sent.end, lex, published)
    masks = [(d.start, d.end) for d in dates]
    # A number the sentence splitter cut in two ("a 6. | 1-magnitude quake"): this sentence's
    # leading digits belong to the previous one, which reads on past its end.
    mask_end, read_end = split_number_context(text, sent.start, sent.end)
    if mask_end > sent.start:
        masks.append((sent.start, mask_end))
    stamps = [(d.start, d.end) for d in dates if d.dateline]
    for d in dates:
        if d.dateline or any(0 <= s - d.end <= 3 for s, _ in stamps):
            continue  # "LIMA, March 3 (Reuters) -", "Saturday, 3 May 2025": the filing date
        if d.current:
            continue  # "this week", "this year": when the article is written, no claim
        if (
            lex is not None
            and text[d.start : d.end].lower() in lex.relative_days
            and any(qs <= d.start < qe for qs, qe in quote_spans)
        ):
            continue  # '"Tonight was a peaceful vigil"': the speaker's day, told in a quote
        out.append(
            _when("date", text, idx, d.start, d.end, d.value, "date", d.approximate, tokens, lex)
        )
    times = [t for t in find_times(text, sent.start, read_end, lex, masks) if t.start < sent.end]
    masks += [(t.start, t.end) for t in times] + neutral_masks(text, sent.start, read_end)
    span_head = ""
    for t in times:
        if _in_stamp(text, t.start, t.end, stamps):
            continue  # "May 3, 2025, 1:05 pm BST", "Last updated at 09:42 GMT": the page's time
        if (
            lex is not None
            and lex.code == "en"
            and _AS_OF.search(text, max(0, t.start - 8), t.start)
        ):
            continue  # "2.4 million had voted as of 4 p.m.": when a running count was read
        ext = _when("time", text, idx, t.start, t.end, t.value, t.zone, t.approximate, tokens, lex)
        if t.span_role is not None:
            # "open from 9 a.m. until 5 p.m.": one period's start and end, keyed by what the
            # first one times ("store start time", "store end time"), never set against each other
            if t.span_role == "from" or not span_head:
                span_head = ext.head or "event"
            end_word = "start" if t.span_role == "from" else "end"
            ext = replace(ext, key=f"{span_head} {end_word} time", head=span_head)
        out.append(ext)
    if lex is not None and lex.code == "en":
        for tally in find_tallies(text, sent.start, sent.end, masks):
            masks.append(tally.span)
            out.extend(tally_extractions(tally, text, idx))
    for r in find_records(text, sent.start, sent.end, masks):
        masks.append((r.start, r.end))
        out.append(
            Extraction(
                kind="quantity",
                key="win",
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                value=float(r.wins),
                head="win",
                slot=RECORD_SLOT,
                sentence_index=idx,
                owner=r.owner or None,
            )
        )
    if lex is not None and lex.code == "en":
        for res in find_results(text, sent.start, sent.end, masks):
            out.extend(result_extractions(res, text, idx))
    read_tokens = tokens if read_end == sent.end else tokenize(text, sent.start, read_end)
    for nm in find_numbers(text, sent.start, read_end, lex, masks):
        if nm.start < sent.end:
            out.append(_number_extraction(text, idx, nm, lex, read_tokens))
    if lex is not None:
        att = find_attribution(text, sent.start, sent.end, lex, quote_spans)
        if att is not None:
            out.append(
                Extraction(
                    kind="attribution",
                    key=f"attribution: {att.source_key}",
                    start=att.start,
                    end=att.end,
                    text=text[att.start : att.end],
                    value=att.content,
                    speaker=att.source,
                    head=att.source_key,
                    slot=att.source,
                    sentence_index=idx,
                )
            )
    return out


#: a time a running figure was read at ("as of 4 p.m.", "as at 16:00"), right before the time
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+$", re.IGNORECASE)


def _in_stamp(text: str, start: int, end: int, stamps: list[tuple[int, int]]) -> bool:
    """A clock time that belongs to a publication stamp: next to a stamp's date, or after a
    stamp word ("Last updated at", "POSTED:") near the top of the article."""
    if any(s - 30 <= end and start <= e + 30 for s, e in stamps):
        return True
    if start <= STAMP_WINDOW and STAMP_CUE.search(text, max(0, start - 25), start):
        return True
    # "PUBLISHED: 04: 17 GMT, 9 May 2025": a labelled stamp further down, under a deck
    return start <= LABELLED_STAMP_WINDOW and bool(
        LABELLED_STAMP.search(text, max(0, start - 25), start)
    )


def _when(
    kind: str,
    text: str,
    idx: int,
    start: int,
    end: int,
    value: str,
    unit: str | None,
    approximate: bool,
    tokens: list[Token],
    lex: Lexicon | None,
) -> Extraction:
    """A date or time-of-day claim, keyed by what it dates ("fire start date", "quake time")."""
    head = _date_head(tokens, start, end, lex) if lex else "event"
    return Extraction(
        kind=kind,  # type: ignore[arg-type]
        key=f"{head} {kind}",
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit,
        approximate=approximate,
        head=head,
        slot=window_slot(tokens, start, end, lex) if lex else "",
        sentence_index=idx,
    )


def _number_extraction(
    text: str, idx: int, nm: NumberMention, lex: Lexicon | None, tokens: list[Token]
) -> Extraction:
    if nm.kind == "duration" and lex is not None:
        head = duration_head(nm, lex, tokens)
        key = TIME_LEFT if head == CLOCK_HEAD else f"{head} duration"
    elif nm.kind == "percentage":
        head = nm.head or "event"
        key = f"{head} percentage"
    elif nm.kind == "money" and nm.per:
        # a sum per one thing is measured by what it is per: "values Crestline at $42 a share"
        # (head "value") and "Harbor is paying $44 per share" (head "harbor") are one offer
        # price, whatever verb or subject stands near each; the key keeps that word for the
        # label ("pass amount per month")
        head = nm.per
        key = f"{nm.head or 'event'} amount"
    elif nm.kind == "money":
        head = nm.head or "event"
        key = f"{head} amount"
    else:
        head = nm.head or "event"
        key = f"{head} {nm.verb}" if nm.verb else head
    if nm.per and f" per {nm.per}" not in key:
        key = f"{key} per {nm.per}"
    if nm.slot_tokens:
        slot = " ".join(t.text for t in nm.slot_tokens)
    elif lex is not None:
        slot = window_slot(tokens, nm.start, nm.end, lex)
    else:
        slot = ""
    b = nm.bounds
    return Extraction(
        kind=nm.kind,  # type: ignore[arg-type]
        key=key,
        start=nm.start,
        end=nm.end,
        text=text[nm.start : nm.end],
        value=b.value,
        unit=nm.unit,
        approximate=b.approximate,
        low=b.low,
        high=b.high,
        head=head,
        slot=slot,
        sentence_index=idx,
        per=nm.per,
    )


def _date_head(tokens: list[Token], start: int, end: int, lex: Lexicon) -> str:
    """'the fire started on Tuesday' -> 'fire start'; nothing found -> 'event'."""
    left = tokens_before(tokens, start)
    # "closed for three hours on Thursday": the date belongs to the clause, not to the
    # duration in front of it.
    while left and (
        left[-1].lower in lex.prepositions
        or left[-1].lower in lex.past_words
        or left[-1].lower in lex.duration_units
        or not left[-1].is_word
        or re.fullmatch(lex.number_words_re, left[-1].lower, re.IGNORECASE)
    ):
        left.pop()
    subj, verb = (None, None)
    if left:
        subj, verb = subject_and_verb(tokens, left[-1].end + 1, lex)
    if subj is None:
        # Verb-final or verb-first clauses ("Die Straße wurde vor zwei Tagen gesperrt",
        # "Drogę zamknięto dwa dni temu"): the clause subject, and an event participle right
        # after the date.
        subj = subject_head(tokens, start, lex)
        if subj is None or _ordinal_suffix(subj):
            return "event"
        right = tokens_after(tokens, end, 3)
        around = [*right, *[t for t in left if t.start > subj.end][-2:]]
        verb = next((t for t in around if t.lower in lex.verb_nouns), None)
    if _ordinal_suffix(subj):
        return "event"  # "the city's 31st mayor on Monday": the "st" of "31st" is no subject
    base = lex.noun_heads.get(subj.lower) or lex.lemmatize(subj.text)
    noun = lex.verb_nouns.get(verb.lower) if verb is not None else None
    return f"{base} {noun}" if noun else base


def _ordinal_suffix(t: Token) -> bool:
    """The letters of a digit ordinal, split from it by the tokenizer ("31" + "st")."""
    return t.lower in ("st", "nd", "rd", "th")
