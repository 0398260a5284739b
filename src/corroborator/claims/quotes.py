"""Direct quotes with their speaker, and reported speech without quote marks (attributions).

Speakers are found with capitalised-name rules around the speech verb, no NER model:
  after the quote:  "…," said Anna Novak, the fire chief.  /  "…," Novak said.  /  "…," she said.
  before the quote: Novak said: "…"  /  Novak told reporters: "…"
A pronoun speaker resolves to the most recent person-like speaker named earlier in the article
(a capitalised name with no organisation word); otherwise the pronoun itself is kept.
A quoted span of 1-3 words with no speaking verb beside it is a scare quote, not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborator.claims.lexicon import Lexicon

# Opening mark -> closing marks. Straight quotes pair with themselves.
QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "‘": "’", "‚": "‘’"}
_MAX_QUOTE = 1500
SCARE_MAX_WORDS = 3
# Characters a speaker cue may sit away from the quote.
_CUE_WINDOW = 120


@dataclass(frozen=True)
class QuoteMention:
    start: int
    end: int
    content: str
    speaker: str | None
    speaker_key: str | None


@dataclass(frozen=True)
class AttributionMention:
    start: int
    end: int
    content: str
    source: str
    source_key: str


@dataclass(frozen=True)
class _QPatterns:
    after_verb_name: re.Pattern[str]
    after_name_verb: re.Pattern[str]
    before: re.Pattern[str]
    attr_lead: re.Pattern[str]
    attr_trail: re.Pattern[str]
    attr_trail_inv: re.Pattern[str]
    according: re.Pattern[str]


# Lower-case letters of the supported scripts (Latin with diacritics, Cyrillic).
_LOWER = "a-zß-öø-ÿąćęłńśźżа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
_NAME = rf"(?:[{_UPPER}][\w'’.-]*(?:\s+(?:(?:de|van|von|da|der|al|bin|la|le)\s+)?[{_UPPER}][\w'’.-]*){{0,3}})"


@lru_cache(maxsize=16)
def _patterns(lex: Lexicon) -> _QPatterns:
    verbs = "|".join(sorted(lex.speech_verbs, key=len, reverse=True))
    nouns = "|".join(sorted(lex.source_nouns, key=len, reverse=True))
    dets = "|".join(sorted(lex.determiners, key=len, reverse=True))
    pron = "|".join(sorted(lex.pronouns, key=len, reverse=True))
    # A determiner phrase of up to five words ("the ad's narrator", "a spokesman for the
    # ministry") is accepted as a source because the speech verb right after it anchors it;
    # a bare noun must be a known source noun ("police", "officials").
    np_ = rf"(?:(?:{dets})\s+(?:[\w'’.-]+\s+){{0,4}}?[\w'’-]+|(?:{nouns})\b)"
    preps = "|".join(sorted(lex.prepositions, key=len, reverse=True))
    # A lower-case role before a name is not the speaker: "said fire chief Marta Kovacs",
    # "said the mayor, Ilse Brandt", "according to fire chief Marta Kovacs" -> the name.
    # Inside the role a preposition may join two lower-case words ("la cheffe des pompiers
    # Marta Kovacs"), never sit right before the name ("said police on Tuesday").
    word = rf"(?!(?i:{preps}|{verbs})\b)[{_LOWER}][\w'’-]*"
    role = (
        rf"(?:(?:(?i:{dets})\s+)?{word}"
        rf"(?:\s+(?:(?i:{preps})\s+(?:(?i:{dets})\s+)?)?{word}){{0,3}}?,?\s+(?={_NAME}))?"
    )
    # An appositive between a name and its verb: "Kovacs, the fire chief, said".
    appos = rf"(?:,\s+(?i:{dets})\s+[^,\"“”„«»]{{1,40}}?,)?"
    src = rf"{role}(?P<src>{_NAME}|{np_}|(?:{pron})\b)"
    src_i = rf"{role}(?P<src>{_NAME}|(?i:{np_}|(?:{pron})\b))"
    return _QPatterns(
        after_verb_name=re.compile(rf"(?:\s*[,:–—])*\s*(?i:{verbs})\s+{src}"),
        after_name_verb=re.compile(
            rf"(?:\s*[,:–—])*\s*{src_i}{appos}\s+(?:(?i:has|had|have)\s+)?(?i:{verbs})\b"
        ),
        before=re.compile(
            rf"{src_i}{appos}\s+(?:(?i:has|had|have)\s+)?(?i:{verbs})\b[^\"“„«»]{{0,40}}?[:,]?\s*$"
        ),
        attr_lead=re.compile(
            rf"^\s*{src_i}\s+(?:(?i:has|had|have)\s+)?(?P<verb>(?i:{verbs}))\b(?:\s+(?i:reporters|journalists|the\s+press|the\s+media))?\s*(?:(?i:{lex.that_word})\b\s*)?,?\s*(?P<content>.+)$",
            re.S,
        ),
        attr_trail=re.compile(
            rf"^(?P<content>.+?),\s+{src_i}\s+(?:(?i:has|had|have)\s+)?(?P<verb>(?i:{verbs}))\b[^,]*$",
            re.S,
        ),
        attr_trail_inv=re.compile(
            rf"^(?P<content>.+?),\s+(?P<verb>(?i:{verbs}))\s+{src_i}[^,]*?(?:,[^,]*)?$", re.S
        ),
        according=re.compile(rf"(?i:{lex.according_to_re}){src_i}"),
    )


def speaker_key(speaker: str, lex: Lexicon | None) -> str:
    """Normalised speaker: last capitalised token, lower case ('Anna Novak' -> 'novak')."""
    words = re.findall(r"[\w'’-]+", speaker)
    caps = [w for w in words if w[:1].isupper()]
    if lex is not None:
        caps = [w for w in caps if w.lower() not in lex.name_stopwords]
    pick = caps[-1] if caps else (words[-1] if words else speaker)
    pick = re.sub(r"['’]s$", "", pick)
    return pick.lower()


def _clean_speaker(raw: str, lex: Lexicon) -> str | None:
    s = raw.strip().rstrip(".,:;")
    words = s.split()
    while (
        words and words[0].lower() in lex.name_stopwords and words[0].lower() not in lex.determiners
    ):
        words = words[1:]
    s = " ".join(words)
    if not s:
        return None
    first = s.split()[0].lower()
    if first in lex.speech_verbs:
        return None
    return s


def _is_person(speaker: str, lex: Lexicon) -> bool:
    words = speaker.split()
    if not words or not words[0][:1].isupper() or words[0].lower() in lex.determiners:
        return False
    return not any(w.lower() in lex.org_words for w in words)


def find_quotes(text: str, lex: Lexicon | None) -> list[QuoteMention]:
    """All direct quotes in `text` with speakers resolved as described in the module doc."""
    spans = _quote_spans(text)
    out: list[QuoteMention] = []
    last_person: str | None = None
    prev: QuoteMention | None = None
    for s, e in spans:
        content = text[s + 1 : e - 1]
        words = len(content.split())
        speaker: str | None = None
        if lex is not None:
            speaker = _speaker_for(text, s, e, lex)
            if speaker is not None and speaker.lower() in lex.pronouns:
                speaker = last_person or speaker
        if speaker is None and prev is not None and s - prev.end < 200:
            between = text[prev.end : s]
            if "\n\n" not in between:
                speaker = prev.speaker
        if speaker is None and words <= SCARE_MAX_WORDS:
            continue
        if text[s] == "‘" and (speaker is None or words < 4):
            continue  # single curly quotes are often titles or scare quotes
        if speaker is not None and lex is not None and _is_person(speaker, lex):
            last_person = speaker
        key = speaker_key(speaker, lex) if speaker else None
        q = QuoteMention(s, e, content, speaker, key)
        out.append(q)
        prev = q
    return out


def _speaker_for(text: str, s: int, e: int, lex: Lexicon) -> str | None:
    p = _patterns(lex)
    after = text[e : e + _CUE_WINDOW]
    after = re.split(r"(?<=[.!?])\s|[\"“„«»]|\n", after, maxsplit=1)[0]
    for pat in (p.after_verb_name, p.after_name_verb):
        m = pat.match(after)
        if m:
            sp = _clean_speaker(m.group("src"), lex)
            if sp:
                return sp
    before = text[max(0, s - _CUE_WINDOW) : s]
    before = re.split(r"[.!?]\s|\n|[\"”“»«]", before)[-1]
    m = p.before.search(before)
    if m:
        return _clean_speaker(m.group("src"), lex)
    m = p.according.search(before)
    if m:
        return _clean_speaker(m.group("src"), lex)
    return None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Balanced quote spans [start, end) including the marks, left to right, no nesting."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        closers = QUOTE_PAIRS.get(ch)
        if closers is None or (ch in "‘‚" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        if ch == "»" and "«" not in text[i + 1 : i + _MAX_QUOTE]:
            i += 1
            continue
        j = i + 1
        end = -1
        while j < n and j - i < _MAX_QUOTE:
            c = text[j]
            if c in closers:
                # An apostrophe inside a word ("don’t") is not a closing single quote.
                if c == "’" and j + 1 < n and text[j + 1].isalpha():
                    j += 1
                    continue
                end = j + 1
                break
            if ch == '"' and c == "\n" and text[j : j + 2] == "\n\n":
                break
            j += 1
        if end == -1 or end - i <= 2:
            i += 1
            continue
        spans.append((i, end))
        i = end
    return spans


def find_attribution(
    text: str, start: int, end: int, lex: Lexicon, quote_spans: list[tuple[int, int]]
) -> AttributionMention | None:
    """At most one reported-speech attribution in the sentence text[start:end]."""
    if any(start < qe and qs < end for qs, qe in quote_spans):
        return None
    p = _patterns(lex)
    sent = text[start:end]
    stripped = sent.rstrip()
    while stripped and stripped[-1] in ".!?":
        stripped = stripped[:-1]
    span_end = start + len(stripped)
    m = p.according.search(stripped)
    if m:
        src = _clean_speaker(m.group("src"), lex)
        if src:
            content = (stripped[: m.start()] + stripped[m.end() :]).strip(" ,")
            if content:
                return _attr(start, span_end, content, src, lex)
    for pat in (p.attr_trail, p.attr_trail_inv, p.attr_lead):
        m = pat.match(stripped)
        if not m:
            continue
        src = _clean_speaker(m.group("src"), lex)
        content = m.group("content").strip(" ,")
        if not src or len(content.split()) < 3:
            continue
        if pat is p.attr_lead and src.lower() in lex.pronouns:
            continue
        return _attr(start, span_end, content, src, lex)
    return None


def _attr(start: int, end: int, content: str, src: str, lex: Lexicon) -> AttributionMention:
    """Source key: a generic source noun is lemmatised ("Officials" -> "official"), a name is
    reduced to its surname ("Anna Novak" -> "novak")."""
    words = src.split()
    last = words[-1] if words else src
    if last.lower() in lex.source_nouns or not last[:1].isupper():
        key = lex.lemmatize(last)
    else:
        key = speaker_key(src, lex)
    return AttributionMention(start, end, content, src, key)
