"""Direct quotes with their speaker, and reported speech without quote marks (attributions).

Two ways to the speaker of a quote:

* From the dependency parse (languages with a spaCy pipeline installed, see `corroborator.nlp`;
  in practice English), for the quotes whose speaker the rules below leave open: the rules
  are tried first, and a name they are sure of ("…," said Anna Novak.  /  "…," Novak said.  /
  Novak said: "…"  /  “…” ― Anna Novak; see `_rule_speaker`) is kept without a parse (on
  PolNeAR dev the parse agreed with all 158 of them, on train with 1,423 of 1,439). Only
  candidate sentences within `_PARSE_WINDOW` characters of an open quote are parsed: those with a quote mark, a speech
  verb or "according to", their neighbours in the paragraph, and sentences inside a quote;
  an article without an open quote loads no parser (`parse_all=True`: every candidate
  sentence of the article, the parse preferred for every quote, as before).
  A cue is a speech verb (by lemma: say, tell, add, ...) or "according to X"; its source is the
  verb's subject outside any quote (climbing xcomp/conj/pcomp: "was quoted as saying"; the noun
  a participle hangs on: "footage of Trump saying"; the agent of a passive). The quote takes
  the cue that governs it (the quote lies in the verb's complement), else the nearest cue in a
  sentence it touches or right next to it. "he"/"she" is resolved in context
  (`_antecedents`): the sentences before it are parsed with named entities and the subject of
  the main clause, walking back, is the speaker (other-gender subjects passed over, the same
  pronoun continuing the chain); two candidates or none leave the speaker unknown rather
  than the latest person quoted. "the president", "the congressman" -> the name the article
  introduced with that role (`_role_names`). it -> the latest organisation, they/we -> the
  latest organisation or name speaking; "who" resolves to the noun its clause hangs on.
  A quote the parse gives no speaker falls back to the rules below. Short quotes (1-3 words)
  that do not end like an utterance ("…,", "…?") are dropped as scare quotes, and so are
  fragments of any speaker (`_fragment`: one word, a short quote inside a running sentence,
  names and titles in Title Case).
* By rules (every other language, without the `nlp` extra, or with the environment variable
  CORROBORATOR_QUOTE_PARSER=off), capitalised-name patterns
  around the speech verb, no model:
    after the quote:  "…," said Anna Novak, the fire chief.  /  "…," Novak said.  /  "…," she said.
    before the quote: Novak said: "…"  /  Novak told reporters: "…"
    signed:           “…” ― Anna Novak
  A pronoun speaker resolves to the most recent person-like speaker named earlier in the
  article (a capitalised name with no organisation word); otherwise the pronoun is kept.
  A quoted span of 1-3 words with no speaking verb beside it is a scare quote, not a quote.
Either way a quote with no speaker shortly after a quote of the same paragraph continues it.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from corroborator.claims.lexicon import Lexicon
from corroborator.config import settings
from corroborator.nlp.base import Doc, Parser
from corroborator.nlp.batch import ParseRequest, Parsing, run_parses
from corroborator.text.calendar import MONTHS, WEEKDAYS

log = logging.getLogger(__name__)

# Opening mark -> closing marks. Straight quotes pair with themselves.
QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "‘": "’", "‚": "‘’"}
_MAX_QUOTE = 1500
SCARE_MAX_WORDS = 3
# Characters a speaker cue may sit away from the quote.
_CUE_WINDOW = 120
# Characters around a quote whose speaker the rules leave open within which sentences are
# parsed (`candidate_chunks`): its cue sits in the quote's sentence or right next to it.
_PARSE_WINDOW = 120
_UTTERANCE_END = re.compile(r"[.,!?…]\s*$")
# A quote signed with a dash: “…” ― Anna Novak
_DASH_BYLINE = re.compile(
    r"\s*[―—–]\s*(?P<src>[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w'’.-]*(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w'’.-]*){0,4})"
    r"[ \t]*(?:[.,]?[ \t]*(?:\n|$))"
)


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
    return None if _no_holder(s, lex) else s


def _no_holder(speaker: str, lex: Lexicon) -> bool:
    """A speaker that is a day ('"…," said Monday': when it was said, not who). A bare
    number ('"…," one said') stays: PolNeAR test quote+speaker F1 fell 86.6 -> 86.3 without
    it, where it stands for one of a group named before."""
    words = speaker.split()
    return bool(words) and all(_calendar_word(w, lex) for w in words)


def _calendar_word(word: str, lex: Lexicon) -> bool:
    w = word.lower().rstrip(".")
    return w in lex.weekdays or w in lex.months or w in lex.relative_days


def _is_person(speaker: str, lex: Lexicon) -> bool:
    words = speaker.split()
    if not words or not words[0][:1].isupper() or words[0].lower() in lex.determiners:
        return False
    return not any(w.lower() in lex.org_words for w in words)


def find_quotes(
    text: str,
    lex: Lexicon | None,
    parser: Parser | None = None,
    use_parser: bool = True,
    parse_all: bool = False,
) -> list[QuoteMention]:
    """All direct quotes in `text` with speakers resolved as described in the module doc.

    For English with the `nlp` extra installed the speaker comes from the dependency parse;
    `parser` overrides that parser (any language), `use_parser=False` forces the rule path.
    Only quotes whose speaker the rules leave open (or are not sure of) are parsed, and only
    the candidate sentences near them; with none the parser is not even loaded.
    `parse_all=True` parses every candidate sentence and prefers the parse for every quote
    (the behaviour before; `bench.quotes_eval --parse-all`).
    A parse that fails falls back to the rules (logged), so this never raises on odd text.
    """
    return run_parses(find_quotes_steps(text, lex, parser, use_parser, parse_all))


def find_quotes_steps(
    text: str,
    lex: Lexicon | None,
    parser: Parser | None = None,
    use_parser: bool = True,
    parse_all: bool = False,
) -> Parsing[list[QuoteMention]]:
    """`find_quotes` as a generator that yields its parse requests (`corroborator.nlp.batch`):
    `run_parses_many` answers those of several articles with one parser call."""
    spans = _quote_spans(text)
    cues: list[_Cue] | None = None
    ruled: dict[int, str] = {}  # quote start -> the speaker the rules are sure of
    read: dict[int, str | None] = {}  # quote start -> the rules' speaker (read once)
    if spans and lex is not None and use_parser:
        p = parser if parser is not None else speaker_parser(lex.code)
        if p is not None:
            hard: list[tuple[int, int]] = []
            for s, e in spans:
                if len(text[s + 1 : e - 1].split()) <= SCARE_MAX_WORDS:
                    continue
                sp, sure = _rule_speaker(text, s, e, lex)
                read[s] = sp
                if parse_all or not sure or sp is None or sp.lower() in lex.pronouns:
                    hard.append((s, e))
                else:
                    ruled[s] = sp
            try:
                if hard or parse_all:
                    cues = yield from _parse_cues(text, spans, lex, p, None if parse_all else hard)
                elif p.name != "neutral":
                    cues = []  # nothing to parse, and the parser would give a parse
            except Exception:  # a parser bug must not lose the article's claims
                log.exception("quote speakers: parse failed, using the rules")
    # The speaker each quote's cue names, before pronouns are resolved; "he"/"she" with the
    # offset of the pronoun, resolved in context when there is a parse (`_antecedents`).
    named: dict[int, str | None] = {}
    pending: list[tuple[int, int, str]] = []  # (quote start, pronoun offset, pronoun)
    for s, e in spans:
        words = len(text[s + 1 : e - 1].split())
        speaker: str | None = None
        at: int | None = None
        if lex is not None:
            if s in ruled:
                speaker = ruled[s]
            elif cues is not None and words > SCARE_MAX_WORDS:
                cue = _cue_for(cues, s, e, text)
                if cue is not None:
                    speaker, at = cue.speaker, cue.pronoun
            if speaker is None:
                speaker = read[s] if s in read else _speaker_for(text, s, e, lex)
                at = None
        if cues is not None and speaker is not None and lex is not None:
            if speaker.lower() in _PERSONAL:
                at = at if at is not None else _pronoun_at(text, s, e, speaker)
                pending.append((s, at, speaker))
            elif roles := _role_names(text, s, speaker, lex):
                if len({speaker_key(n, lex) for n in roles}) == 1:
                    speaker = roles[-1]
                else:  # "the president": Trump or Moon? the sentences before say
                    pending.append((s, _pronoun_at(text, s, e, speaker), speaker))
        named[s] = speaker
    resolved: dict[int, str | None] = {}
    if pending and lex is not None:
        try:
            resolved = yield from _antecedents(
                text, pending, spans, lex, filter(None, named.values())
            )
        except Exception:  # a parser bug must not lose the article's claims
            log.exception("quote speakers: pronoun resolution failed")
    out: list[QuoteMention] = []
    last_person: str | None = None
    prev: QuoteMention | None = None
    for s, e in spans:
        content = text[s + 1 : e - 1]
        words = len(content.split())
        speaker = named[s]
        open_pronoun = False
        if s in resolved and speaker is not None and speaker.lower() in _PERSONAL:
            speaker = resolved[s]
            open_pronoun = speaker is None  # a pronoun cue with no antecedent we are sure of
        elif s in resolved:
            speaker = resolved[s] or speaker  # a role: the name if the context says which
        elif speaker is not None and lex is not None and speaker.lower() in lex.pronouns:
            speaker = last_person or speaker
        if speaker is None and not open_pronoun and prev is not None and s - prev.end < 200:
            between = text[prev.end : s]
            # Same paragraph, or quote paragraphs back to back ("“…” ⏎ ⏎ “…”").
            if "\n\n" not in between or not between.strip():
                speaker = prev.speaker
        if speaker is None and words <= SCARE_MAX_WORDS:
            continue
        if cues is not None and words <= SCARE_MAX_WORDS and not _UTTERANCE_END.search(content):
            continue  # 'the plan was "on track"': a short quote that is no sentence
        if text[s] == "‘" and (speaker is None or words < 4):
            continue  # single curly quotes are often titles or scare quotes
        if _fragment(text, s, content, words):
            continue
        if speaker is not None and lex is not None and _no_holder(speaker, lex):
            speaker = None
        if speaker is not None and lex is not None and _is_person(speaker, lex):
            last_person = speaker
        key = speaker_key(speaker, lex) if speaker else None
        q = QuoteMention(s, e, content, speaker, key)
        out.append(q)
        prev = q
    return out


# Small words a title keeps in lower case ("The Art of the Deal", "Pride and Prejudice").
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "as",
        "de",
        "la",
        "le",
        "del",
        "des",
        "du",
        "der",
        "die",
        "das",
        "von",
        "van",
    ]
)


def _fragment(text: str, s: int, content: str, words: int) -> bool:
    """A quoted fragment that is no statement, whoever it is attributed to:
    * one word ('called the talks “positive,”');
    * up to `SCARE_MAX_WORDS` words inside a running sentence ('he said he favoured
      “transparency.”'; '“It's too much,” Hale said' starts its sentence and stays);
    * a name or title in Title Case of up to eight words: nicknames ('dubbed him “Little
      Rocket Man,”'), titles of works ('his book “A Higher Loyalty”', '“Special Report.”').
    """
    if words <= 1:
        return True
    before = text[max(0, s - 2) : s].rstrip(" \t")
    if words <= SCARE_MAX_WORDS and before[-1:].isalnum():
        return True
    if words > 8 or content.rstrip()[-1:] in "?!":
        return False
    tokens = [w.strip(".,;:!?()") for w in content.split()]
    tokens = [w for w in tokens if w[:1].isalpha()]
    caps = [w for w in tokens if w[:1].isupper()]
    if len(caps) < 2 or any(w.isupper() and len(w) > 1 for w in caps):
        return False  # "NO COLLUSION and NO OBSTRUCTION": shouting, not a title
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in tokens)


def _cut_at_abbreviation(raw: str) -> bool:
    """Whether a name the rules read ends at a title or an initial ("Rep.", "John D.", "G.K."):
    their window stops at a period, so the name may go on ("Rep. Jim Carrow")."""
    words = raw.rstrip().split()
    if not words or not words[-1].endswith("."):
        return False
    w = words[-1][:-1]
    return len(w) <= 2 or "." in w or w.lower() in _ABBREV


def _speaker_for(text: str, s: int, e: int, lex: Lexicon) -> str | None:
    return _rule_speaker(text, s, e, lex)[0]


def _rule_speaker(text: str, s: int, e: int, lex: Lexicon) -> tuple[str | None, bool]:
    """The speaker the rules read for the quote text[s:e], and whether they are sure of it.

    Sure (the parse agreed on 158 of 158 such PolNeAR dev quotes, 1,423 of 1,439 on train): a
    name of capitalised words in "…," said Anna Novak(, / . / end)  /  "…," Novak said  /  Novak said: "…"  /
    “…” ― Anna Novak. Not sure: a name cut at a title or an initial, a lower-case role or
    phrase ("the 41-year-old father of two replied"), more words after the name ("said
    TV host Chris Marden"), a name after a quote that ends a sentence ("…." Russia
    insisted), a cue with words between it and the quote, "according to"."""
    p = _patterns(lex)
    window = text[e : e + _CUE_WINDOW]
    for pat in (p.after_verb_name, p.after_name_verb):
        # '"…," Mr. Comey said': a title before the name ends no sentence. After the verb
        # ('said Rep. Anna Novak') the name stays cut at the title and the parse reads it.
        after = _clause_after(window) if pat is p.after_name_verb else _CLAUSE_STOP.split(window)[0]
        m = pat.match(after)
        if m:
            sp = _clean_speaker(m.group("src"), lex)
            if sp:
                sure = not _cut_at_abbreviation(m.group("src")) and _capitalised(sp)
                if pat is p.after_verb_name:  # nothing but punctuation after the name
                    sure = sure and _NAME_END.match(after, m.end("src")) is not None
                else:  # the quote reads as the start of the sentence
                    sure = sure and (text[e - 2] in ",?!" or after[:1] == ",")
                return sp, sure
    m = _DASH_BYLINE.match(text, e, min(len(text), e + _CUE_WINDOW))
    if m:
        return m.group("src"), True
    before = text[max(0, s - _CUE_WINDOW) : s]
    before = re.split(r"[.!?]\s|\n|[\"”“»«]", before)[-1]
    m = p.before.search(before)
    if m:
        sp = _clean_speaker(m.group("src"), lex)
        return sp, sp is not None and _capitalised(sp) and _CUE_END.search(before) is not None
    m = p.according.search(before)
    if m:
        return _clean_speaker(m.group("src"), lex), False
    return None, False


_CLAUSE_STOP = re.compile(r"(?<=[.!?])\s|[\"“„«»]|\n")


def _clause_after(after: str) -> str:
    """The text after a quote up to its sentence end, a quote mark or a line break; a title or
    an initial ("Mr. Comey said", "said Rep. Dana E. Whitlock") ends no sentence."""
    for m in _CLAUSE_STOP.finditer(after):
        if m.group().isspace() and m.group() != "\n" and _cut_at_abbreviation(after[: m.start()]):
            continue
        return after[: m.start()]
    return after


_NAME_END = re.compile(r"\s*(?:[,;:.!?]|$)")
_CUE_END = re.compile(r"[:,]\s*$")


def _capitalised(speaker: str) -> bool:
    return all(w[:1].isupper() for w in speaker.split())


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
            if c == '"' and ch == '"' and text[i + 1 : j].rstrip().endswith(":"):
                # 'he told reporters: "' opens a quote: the mark at i was a stray one, and
                # pairing it would take the narration between for a quote
                break
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


# --- Speakers from the dependency parse ------------------------------------------------------

# Lemmas of verbs that introduce speech or writing; the parse gives the lemma, so one entry
# covers "said", "says", "saying".
SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "ask",
        "explain",
        "claim",
        "argue",
        "note",
        "insist",
        "continue",
        "declare",
        "state",
        "announce",
        "reply",
        "respond",
        "warn",
        "tweet",
        "acknowledge",
        "admit",
        "recall",
        "suggest",
        "report",
        "predict",
        "estimate",
        "confirm",
        "quip",
        "joke",
        "remark",
        "conclude",
        "observe",
        "testify",
        "complain",
        "deny",
        "describe",
        "post",
        "exclaim",
        "shout",
        "yell",
        "reiterate",
        "concede",
        "contend",
        "assert",
        "maintain",
        "mention",
        "urge",
        "boast",
        "brag",
        "vow",
        "promise",
        "pledge",
        "proclaim",
        "retort",
        "counter",
        "caution",
        "stress",
        "emphasize",
        "emphasise",
        "lament",
        "recount",
        "wonder",
        "muse",
        "chime",
        "interject",
        "charge",
        "allege",
        "scoff",
        "speculate",
        "tout",
        "demand",
        "plead",
        "admonish",
        "recommend",
        "advise",
        "inform",
        "remind",
        "answer",
        "opine",
        "reason",
        "surmise",
        "summarize",
        "summarise",
        "read",
        "scold",
        "call",
        "brand",
        "dub",
        "label",
        "retaliate",
        "grouse",
        "gripe",
        "echo",
        "boom",
    ]
)
# Irregular forms of the speech verbs; regular ones are generated by `_forms`.
_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "read": ("read",),
    "shout": (),
}
_BACK_VERBS = frozenset(["shot", "shoots", "shoot", "fired", "fires", "fire", "hit", "hits"])
# A statement-like noun a participle hangs on ("issued a statement describing …"): the speaker
# is whoever issued it.
_DOC_NOUNS = frozenset(
    ["statement", "letter", "email", "e-mail", "release", "post", "tweet", "message", "memo"]
)
# Languages whose quotes take speakers from the parse (the cue words are English).
PARSE_LANGUAGES = frozenset(["en"])
# CORROBORATOR_QUOTE_PARSER=off keeps every language on the rule path (no spaCy import and
# model load, about 1 s per process on 2 cores).
PARSER_ENV = "CORROBORATOR_QUOTE_PARSER"


def _forms(lemma: str) -> set[str]:
    """'admit' -> admit, admits, admitted, admitting (over-generation is harmless)."""
    out = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
        return out
    out.add(lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"))
    if lemma.endswith("e"):
        out |= {lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing"}
    else:
        out |= {lemma + "ed", lemma + "ing"}
    cvc = len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou"
    if cvc and (lemma[-3] not in "aeiou" or lemma[-4:-2] == "qu"):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


_PRONOUN_KIND = {
    "he": "person",
    "she": "person",
    "i": "person",
    "it": "org",
    "they": "group",
    "we": "group",
}
_SPEECH_FORMS = frozenset(f for lemma in SPEECH_LEMMAS for f in _forms(lemma))
_RELATIVE = frozenset(["who", "which", "that"])
_SUBJ_DEPS = frozenset(("nsubj", "nsubjpass", "csubj"))
# Children left out of a speaker phrase: "Ashby, a former aide who runs X," -> "Ashby".
_CUT_DEPS = frozenset(("relcl", "appos", "acl", "punct", "parataxis", "advcl", "cc", "conj"))
_SENT_SPLIT = re.compile(r"(?<=[.!?])(?P<close>[\"”’)])?[ \t]+(?=[\"“‘(]?[A-Z0-9])|(?P<nl>\n+)")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "rep",
        "sen",
        "gov",
        "lt",
        "gen",
        "col",
        "sgt",
        "capt",
        "del",
        "prof",
        "rev",
        "gop",
        "u.s",
        "no",
        "vs",
        "inc",
        "co",
        "corp",
        "jan",
        "feb",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "ft",
        "mt",
        "atty",
        "supt",
        "cmdr",
        "adm",
    ]
)


@dataclass(frozen=True)
class _Cue:
    """A speech verb or 'according to' in the parse, with its resolved source."""

    pos: int  # character offset of the cue word in the article
    sent: tuple[int, int]  # character span of its sentence
    governs: tuple[tuple[int, int], ...]  # character spans of the cue's complements
    speaker: str | None
    pronoun: int | None = None  # offset of a "he"/"she" subject, resolved by `_antecedents`


def speaker_parser(lang: str, entities: bool = False) -> Parser | None:
    """The parser for speakers: English only (the cue words below are English), and only
    with the spaCy pipeline installed. Speakers need the dependency parse and the tags, so
    named-entity recognition and the lemmatizer are skipped (cues match word forms);
    `entities=True` keeps NER (pronoun antecedents need PERSON entities)."""
    if lang not in PARSE_LANGUAGES or not settings().claims.quote_parser:
        return None
    from corroborator.nlp.registry import get_parser, spacy_available

    return get_parser(lang, entities=entities, lemmas=False) if spacy_available(lang) else None


@lru_cache(maxsize=16)
def _candidate_re(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(sorted(lex.speech_verbs, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{words}|saying|according\s+to)\b|[\"“”„«»]")


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (no model): split after . ! ? (and a closing quote) before a
    capital, except after a title or an initial ("Rep. Joseph Kellner", "Elias R. Monk")."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_SPLIT.finditer(text):
        end = m.start() + len(m.group("close") or "")
        if m.group("close") is not None or m.group("nl") is None:
            word = text[max(pos, m.start() - 6) : m.start()].split()
            if not m.group("close") and word and word[-1].rstrip(".").lower() in _ABBREV:
                continue
            if not m.group("close") and word and len(word[-1]) == 2 and word[-1][0].isupper():
                continue  # an initial
        if end > pos:
            bounds.append((pos, end))
        pos = m.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    return bounds


def candidate_chunks(
    text: str,
    spans: list[tuple[int, int]],
    lex: Lexicon,
    around: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Character spans to parse: sentences with a quote mark, a speech verb or 'according to',
    inside a quote, or next to a sentence with a quote mark in the same paragraph ("“…?”
    Hale demanded."); consecutive candidates of one paragraph are merged into one chunk.
    With `around` (quote spans), only candidates within `_PARSE_WINDOW` characters of one."""
    cand = _candidate_re(lex)
    bounds = _sentence_bounds(text)
    marks = [any(c in text[s:e] for c in QUOTE_PAIRS) for s, e in bounds]
    chunks: list[tuple[int, int]] = []
    for n, (s, e) in enumerate(bounds):
        near = any(
            0 <= k < len(bounds)
            and marks[k]
            and "\n" not in text[min(s, bounds[k][0]) : max(e, bounds[k][1])]
            for k in (n - 1, n + 1)
        )
        if not (
            marks[n]
            or near
            or cand.search(text, s, e) is not None
            or any(qs < e and s < qe for qs, qe in spans)
        ):
            continue
        if around is not None and not any(
            s < qe + _PARSE_WINDOW and qs - _PARSE_WINDOW < e for qs, qe in around
        ):
            continue
        if chunks and "\n" not in text[chunks[-1][1] : s]:
            chunks[-1] = (chunks[-1][0], e)
        else:
            chunks.append((s, e))
    return chunks


def _parse_cues(
    text: str,
    spans: list[tuple[int, int]],
    lex: Lexicon,
    parser: Parser,
    around: list[tuple[int, int]] | None = None,
) -> Parsing[list[_Cue] | None]:
    """Speech cues of the candidate sentences (near the quote spans `around` when given), in
    text order, pronouns resolved; None when the parser gives no dependency parse (neutral
    backend)."""
    chunks = candidate_chunks(text, spans, lex, around)
    docs = yield ParseRequest(parser, [text[s:e] for s, e in chunks])
    if docs and not any(d.has_parse for d in docs):
        return None
    inside = _inside_quotes(spans)
    cues: list[_Cue] = []
    last: dict[str, str] = {}  # "person" / "org" / "any" -> the latest named speaker
    for (base, _), doc in zip(chunks, docs, strict=True):

        def quoted(k: int, _doc: Doc = doc, _base: int = base) -> bool:
            return inside(_base + _doc.tokens[k].start)

        for sent_lo, sent_hi in doc.sentences or ((0, len(doc.tokens)),):
            for i in range(sent_lo, sent_hi):
                tok = doc.tokens[i]
                if inside(base + tok.start):
                    continue
                cue = _cue_at(doc, i, quoted)
                if cue is None:
                    continue
                subj, head_i = cue
                speaker: str | None = None
                pronoun: int | None = None
                if subj is not None and inside(base + doc.tokens[subj].start):
                    subj = None  # the parse took (part of) a quote for the subject
                if subj is not None:
                    subj = _prefer_name(doc, subj)
                    speaker = _phrase(doc, subj)
                    low = doc.tokens[subj].text.lower()
                    named_at: int | None = subj
                    if low in _PERSONAL and doc.tokens[subj].pos == "PRON":
                        pronoun = base + doc.tokens[subj].start  # resolved later, in context
                        named_at = None
                    elif low in _PRONOUN_KIND and doc.tokens[subj].pos == "PRON":
                        speaker = _resolve(low, last) or speaker
                        named_at = None
                    elif low in _RELATIVE:
                        named_at = _antecedent(doc, subj)
                        speaker = _phrase(doc, named_at) if named_at is not None else None
                    kind = _named_kind(doc, named_at, lex) if named_at is not None else None
                    if speaker is not None and kind is not None:
                        last[kind] = speaker
                        last["any"] = speaker
                sl = doc.tokens[sent_lo].start + base
                sh = doc.tokens[sent_hi - 1].end + base
                cues.append(
                    _Cue(
                        base + tok.start,
                        (sl, sh),
                        _governed(doc, head_i, subj, base),
                        speaker,
                        pronoun,
                    )
                )
    return cues


def _cue_at(doc: Doc, i: int, quoted: Callable[[int], bool]) -> tuple[int | None, int] | None:
    """(subject token, governing token) when token i is a speech cue, else None."""
    tok = doc.tokens[i]
    low = tok.text.lower()
    if low == ":" and i + 1 < len(doc.tokens) and doc.tokens[i + 1].text in QUOTE_PAIRS:
        # 'Nadia Perrin: “…”', 'Trump leaned in and boomed: “…”': the clause before the colon.
        head = tok.head
        if head == i:
            return None
        if doc.tokens[head].pos == "PROPN" and not quoted(head):
            return head, head
        if doc.tokens[head].pos in ("VERB", "AUX"):
            return _subject(doc, head, quoted), head
        return None
    if low == "according":
        for j in doc.children(i):
            if doc.tokens[j].text.lower() == "to":
                objs = [k for k in doc.children(j) if doc.tokens[k].dep == "pobj"]
                if objs:
                    head = tok.head if tok.head != i else i
                    return objs[0], head
        return None
    if tok.pos not in ("VERB", "AUX"):
        return None
    if low not in _SPEECH_FORMS and tok.lemma.lower() not in SPEECH_LEMMAS:
        # "Trump shot back", "she fired back"
        back = any(doc.tokens[k].text.lower() == "back" for k in doc.children(i))
        if not (back and low in _BACK_VERBS):
            return None
    return _subject(doc, i, quoted), i


def _subject(doc: Doc, i: int, quoted: Callable[[int], bool]) -> int | None:
    """The subject of verb i, climbing through xcomp/conj/pcomp/prep heads ('was quoted as
    saying', 'paused and said')."""
    cur = i
    for _ in range(4):
        kids = doc.children(cur)
        subj = [k for k in kids if doc.tokens[k].dep in _SUBJ_DEPS]
        if subj:
            # The parse may take (part of) the quote for a subject: keep one outside quotes.
            outside = [k for k in subj if not quoted(k)]
            return outside[-1] if outside else None
        agent = [k for k in kids if doc.tokens[k].dep == "agent"]
        if agent:
            objs = [k for k in doc.children(agent[0]) if doc.tokens[k].dep == "pobj"]
            if objs:
                return objs[0]
        t = doc.tokens[cur]
        if t.dep == "acl" and t.head != cur:
            noun = doc.tokens[t.head]
            if noun.text.lower() in _DOC_NOUNS and noun.head != t.head:
                cur = noun.head  # "Dvorak and Tallis issued a statement describing …"
                continue
            return t.head  # "footage of Trump saying ...": the noun the participle hangs on
        if t.head == cur or t.dep not in ("xcomp", "conj", "pcomp", "prep", "advcl"):
            return None
        cur = t.head
    return None


def _prefer_name(doc: Doc, i: int) -> int:
    """'Rep. Joseph Kellner', 'the chairman, John Smith': a proper-noun appositive of a
    common-noun (or title) subject names the speaker better."""
    if doc.tokens[i].pos == "PROPN" and not doc.tokens[i].text.endswith("."):
        return i
    for k in doc.children(i):
        if doc.tokens[k].dep in ("appos", "compound") and doc.tokens[k].pos == "PROPN" and k > i:
            return k
    return i


def _antecedent(doc: Doc, rel: int) -> int | None:
    """'Trump, who said ...': the noun the relative clause hangs on."""
    verb = doc.tokens[rel].head
    t = doc.tokens[verb]
    if t.dep == "relcl" and t.head != verb:
        return t.head
    return None


def _phrase(doc: Doc, i: int) -> str:
    """The speaker phrase headed by token i, without appositives and relative clauses."""
    idx = doc.subtree(i, _CUT_DEPS)
    # Word-internal punctuation ("43-year-old", "right-hand") is kept.
    idx = sorted({*idx, *(k + 1 for k in idx if k + 2 in idx and _glued(doc, k + 1))})
    lo = hi = idx.index(i)
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    first, last = idx[lo], idx[hi]
    if doc.tokens[i].pos == "PROPN":
        # "fire chief Marta Kovacs of Dunmore" -> "Marta Kovacs": the name alone.
        first = last = i
        while first > idx[lo] and _name_part(doc, first - 1, first):
            first -= 1
        while last < idx[hi] and _name_part(doc, last + 1, last):
            last += 1
    a, b = doc.tokens[first], doc.tokens[last]
    return doc.text[a.start : b.end].strip(" ,\"“”'‘’")


def _glued(doc: Doc, k: int) -> bool:
    """Token k is punctuation with no space on either side."""
    t = doc.tokens[k]
    if not 0 < k < len(doc.tokens) - 1 or t.text.isalnum():
        return False
    if t.text in ("’", "'") and doc.tokens[k - 1].end == t.start:
        return True  # a possessive: "Sanders’ email"
    return doc.tokens[k - 1].end == t.start and t.end == doc.tokens[k + 1].start


def _name_part(doc: Doc, k: int, nxt: int) -> bool:
    """Whether token k continues the proper name at token nxt ("Park Geun - hye")."""
    t, n = doc.tokens[k], doc.tokens[nxt]
    joined = t.end == n.start if k < nxt else n.end == t.start
    return t.pos == "PROPN" or (joined and t.text in "-–'’")


def _named_kind(doc: Doc, i: int, lex: Lexicon) -> str | None:
    """'person' or 'org' when token i heads a name (entity or proper noun), else None."""
    tok = doc.tokens[i]
    for e in doc.entities:
        if e.start <= tok.start < e.end:
            if e.label in ("PERSON", "PER"):
                return "person"
            if e.label in ("ORG", "NORP", "GPE"):
                return "org"
    if tok.pos != "PROPN":
        # "the ministry", "officials": a known source noun stands for an organisation.
        low = tok.text.lower()
        return "org" if low in lex.source_nouns or low in lex.org_words else None
    words = _phrase(doc, i).lower().split()
    return "org" if any(w in lex.org_words for w in words) else "person"


def _resolve(pronoun: str, last: dict[str, str]) -> str | None:
    """A pronoun speaker: he/she/I -> the latest person, it -> the latest organisation,
    they/we -> the latest organisation or, failing that, the latest name."""
    kind = _PRONOUN_KIND[pronoun]
    if kind == "person":
        return last.get("person")
    if kind == "org":
        return last.get("org")
    return last.get("org") or last.get("any")


def _governed(doc: Doc, head: int, subj: int | None, base: int) -> tuple[tuple[int, int], ...]:
    """Character spans of the cue's dependents other than its subject (its complements)."""
    out: list[tuple[int, int]] = []
    for k in doc.children(head):
        if k == subj or doc.tokens[k].dep in _SUBJ_DEPS or doc.tokens[k].dep == "punct":
            continue
        idx = doc.subtree(k)
        out.append((base + doc.tokens[idx[0]].start, base + doc.tokens[idx[-1]].end))
    return tuple(out)


def _inside_quotes(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    starts = [s for s, _ in spans]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and spans[k][0] < pos < spans[k][1] - 1

    return inside


def _cue_speaker(cues: list[_Cue], s: int, e: int, text: str) -> str | None:
    cue = _cue_for(cues, s, e, text)
    return cue.speaker if cue is not None else None


def _cue_for(cues: list[_Cue], s: int, e: int, text: str) -> _Cue | None:
    """The cue that governs the quote, else the nearest cue with a speaker in a sentence the
    quote touches or right next to it (no line break, quote or sentence end between)."""
    best: tuple[int, int, _Cue] | None = None
    for c in cues:
        if c.speaker is None:
            continue
        governs = any(lo < e and s < hi for lo, hi in c.governs)
        touches = c.sent[0] < e and s < c.sent[1]
        dist = 0 if governs else (c.pos - e if c.pos >= e else s - c.pos)
        if not governs and not touches:
            if c.pos >= e:
                if dist > 80 or _ADJ_BREAK.search(text, e, c.pos):
                    continue
            # 'Okafor said. "The other question ..."': the cue's sentence ends right before.
            elif not (0 <= s - c.sent[1] <= 3 and s - c.pos <= 60) and (
                dist > 80 or _ADJ_BREAK.search(text, c.pos, s)
            ):
                continue
        if dist > _CUE_WINDOW * 2:
            continue
        rank = (dist, 0 if c.pos >= e else 1)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], c)
    return best[2] if best is not None else None


_ADJ_BREAK = re.compile(r"\n|[\"“”„«»]|[.!?]\s")


# --- Pronoun speakers and titles, resolved in context -----------------------------------------

# Pronoun speakers resolved from the sentences before them (`_antecedents`).
_PERSONAL = frozenset(["he", "she"])
# How far back an antecedent is looked for: sentences before the pronoun's own, and characters.
_BACK_SENTENCES = 4
_BACK_CHARS = 1000
_HONORIFIC = re.compile(
    r"\b(?P<h>Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w'’-]*\.?\s+){0,2}?(?P<n>[A-Z][\w'’-]+)"
)
_GENDER_OF = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
# Role nouns that say who is meant ("the congresswoman said"); the rest say nothing.
_ROLE_GENDER = {
    **dict.fromkeys(
        [
            "woman",
            "spokeswoman",
            "congresswoman",
            "chairwoman",
            "businesswoman",
            "mother",
            "wife",
            "daughter",
            "sister",
            "grandmother",
            "aunt",
            "girl",
            "actress",
            "widow",
            "queen",
            "princess",
        ],
        "she",
    ),
    **dict.fromkeys(
        [
            "man",
            "spokesman",
            "congressman",
            "businessman",
            "father",
            "husband",
            "son",
            "brother",
            "grandfather",
            "uncle",
            "boy",
            "actor",
            "widower",
            "king",
            "prince",
        ],
        "he",
    ),
}
# Abbreviated titles before a name and the role nouns that refer back to them.
_TITLE_ROLES = {
    "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "sen": ("senator", "lawmaker"),
    "gov": ("governor",),
    "gen": ("general",),
    "lt": ("lieutenant",),
    "col": ("colonel",),
    "sgt": ("sergeant",),
    "capt": ("captain",),
    "prof": ("professor",),
    "dr": ("doctor",),
}


def _pronoun_at(text: str, s: int, e: int, pronoun: str) -> int:
    """Offset of the rules' pronoun speaker: in the clause after the quote, else before it."""
    m = re.compile(rf"\b{re.escape(pronoun)}\b", re.I).search(text, e, e + _CUE_WINDOW)
    if m is not None:
        return m.start()
    before = max(0, s - _CUE_WINDOW)
    found = [m.start() for m in re.finditer(rf"\b{re.escape(pronoun)}\b", text[before:s], re.I)]
    return before + found[-1] if found else s


def _genders(
    text: str, spans: list[tuple[int, int]], known: set[str], bounds: list[tuple[int, int]]
) -> dict[str, str]:
    """Surname key -> "he"/"she" where the article says so. An honorific ("Mrs. Pelosi")
    decides; otherwise the pronouns outside quotes vote: a sentence that names one known
    person and then uses pronouns of one gender only ("Ryan told reporters he ...") is one
    vote. A name needs two votes and three times as many as the other gender."""
    fixed: dict[str, set[str]] = {}
    for m in _HONORIFIC.finditer(text):
        fixed.setdefault(m.group("n").lower(), set()).add(_GENDER_OF[m.group("h").lower()])
    for m in _SAID_PRONOUN.finditer(text):
        fixed.setdefault(m.group("n").lower(), set()).add(m.group("h").lower())
    chars = list(text)
    for qs, qe in spans:
        chars[qs:qe] = " " * (qe - qs)
    masked = "".join(chars)
    votes: dict[str, dict[str, int]] = {}
    for a, b in bounds:
        sent = masked[a:b]
        names = [
            (m.start(), k)
            for m in _CAP_WORD.finditer(sent)
            if (k := re.sub(r"['’]s$", "", m.group()).lower()) in known and k not in _NOT_NAMES
        ]
        if len({k for _, k in names}) != 1:
            continue
        first = names[0][0]
        found = {
            "she" if m.group().lower() in _FEMININE else "he"
            for m in _GENDERED.finditer(sent)
            if m.start() > first
        }
        if len(found) == 1:
            v = votes.setdefault(names[0][1], {"he": 0, "she": 0})
            v[found.pop()] += 1
    out = {k: next(iter(v)) for k, v in fixed.items() if len(v) == 1 and k not in _NOT_NAMES}
    for k, v in votes.items():
        if k in out:
            continue
        for g, other in (("he", "she"), ("she", "he")):
            if v[g] >= 2 and v[g] >= 3 * v[other]:
                out[k] = g
    return out


_CAP_WORD = re.compile(r"\b[A-Z][\w'’-]+")
_GENDERED = re.compile(r"\b(?i:he|him|his|himself|she|her|hers|herself)\b")
_FEMININE = frozenset(["she", "her", "hers", "herself"])
_NOT_NAMES = frozenset(["he", "she", "it", "they", "we", "i", "you", "the", "but", "and", "this"])
# "Ferrer said she ...": a person, and of that gender.
_SAID_PRONOUN = re.compile(
    r"\b(?P<n>[A-Z][\w'’-]+)\s+(?:also\s+|later\s+)?(?:said|says|told\s+\w+|added|wrote|explained)"
    r"\s+(?:that\s+)?(?P<h>he|she)\b"
)


@dataclass(frozen=True)
class _Person:
    pos: int  # character offset in the article
    sent: int  # sentence number (increasing in text order)
    name: str
    key: str
    gender: str | None
    subject: bool
    main: bool = False  # the subject of the sentence's main verb


def _antecedents(
    text: str,
    pending: list[tuple[int, int, str]],
    spans: list[tuple[int, int]],
    lex: Lexicon,
    speakers: Iterable[str] = (),
) -> Parsing[dict[int, str | None]]:
    """Quote start -> the person a "he"/"she" speaker refers to, or None when no antecedent is
    sure. Empty when there is no parse with entities (the callers then keep their fallback).

    The sentences before the pronoun (its own, then up to `_BACK_SENTENCES` earlier ones within
    `_BACK_CHARS`) are parsed with named entities. Walking back sentence by sentence, the
    antecedent is the person who is the subject of a clause there: a PERSON entity, or "the
    <role>" linked to a name by `_role_name` ("The president pledged ... “…,” he said"). A
    subject of the other gender (an honorific, a role noun, or "Ferrer said she" elsewhere in
    the article) is passed over, a sentence whose subject is the same pronoun continues the
    chain, and two different people as subjects of one sentence leave the speaker unknown.
    Names inside quotes never count. With no subject found, a single person named in the
    window is taken; otherwise the speaker is unknown, not the latest person quoted."""
    parser = speaker_parser(lex.code, entities=True)
    if parser is None:
        return {}
    bounds = _sentence_bounds(text)
    if not bounds:
        return {}
    starts = [b[0] for b in bounds]
    windows: list[tuple[int, int]] = []
    for _, at, _ in pending:
        k = max(0, bisect.bisect_right(starts, at) - 1)
        lo = k
        while lo > 0 and k - lo < _BACK_SENTENCES and at - bounds[lo - 1][0] <= _BACK_CHARS:
            lo -= 1
        windows.append((bounds[lo][0], at))
    chunks: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if chunks and lo <= chunks[-1][1]:
            chunks[-1] = (chunks[-1][0], max(chunks[-1][1], hi))
        else:
            chunks.append((lo, hi))
    docs = yield ParseRequest(parser, [text[a:b] for a, b in chunks])
    if not any(d.has_parse for d in docs):
        return {}
    inside = _inside_quotes(spans)
    # Names known to be people: PERSON entities of the windows, people quoted in the article
    # and names with an honorific; a proper-noun subject among them is a person even where
    # the tagger missed it ("The 71-year-old Marlow, ..., vowed").
    known = {speaker_key(p, lex) for p in speakers if _is_person(p, lex)}
    known |= {m.group("n").lower() for m in _HONORIFIC.finditer(text)}
    known |= {m.group("n").lower() for m in _SAID_PRONOUN.finditer(text)}
    for doc in docs:
        known |= {speaker_key(e.text, lex) for e in doc.entities if e.label in ("PERSON", "PER")}
    known -= _NOT_NAMES
    genders = _genders(text, spans, known, bounds)
    people: list[_Person] = []
    chains: list[tuple[int, int, str]] = []  # (offset, sentence, pronoun) of he/she subjects
    n_sent = 0
    for (base, _), doc in zip(chunks, docs, strict=True):
        for lo, hi in doc.sentences or ((0, len(doc.tokens)),):
            n_sent += 1
            found = _people_in(text, doc, base, lo, hi, n_sent, inside, genders, known, lex, bounds)
            # sentences are ours (a line break ends one), not the parse's
            people.extend(replace(p, sent=bisect.bisect_right(starts, p.pos)) for p in found)
            for i in range(lo, hi):
                t = doc.tokens[i]
                if (
                    t.dep in _SUBJ_DEPS
                    and t.text.lower() in _PERSONAL
                    and not inside(base + t.start)
                ):
                    at_ = base + t.start
                    chains.append((at_, bisect.bisect_right(starts, at_), t.text.lower()))
    out: dict[int, str | None] = {}
    for (s, at, pronoun), (w_lo, _) in zip(pending, windows, strict=True):
        allowed = None
        if pronoun.lower() not in _PERSONAL:  # a role: one of the people it introduced
            allowed = {speaker_key(n, lex) for n in _role_names(text, s, pronoun, lex)}
        out[s] = _pick(people, chains, w_lo, at, pronoun.lower(), allowed)
    return out


def _people_in(
    text: str,
    doc: Doc,
    base: int,
    lo: int,
    hi: int,
    sent: int,
    inside: Callable[[int], bool],
    genders: dict[str, str],
    known: set[str],
    lex: Lexicon,
    bounds: list[tuple[int, int]],
) -> list[_Person]:
    """The people a sentence names outside quotes: PERSON entities and "the <role>" subjects
    that `_role_name` links to a name."""
    out: list[_Person] = []
    starts = [b[0] for b in bounds]

    def span_of(pos: int) -> tuple[int, int]:
        """Our sentence around text offset `pos`, in the doc's offsets."""
        a, b = bounds[max(0, bisect.bisect_right(starts, pos) - 1)]
        return a - base, b - base

    s_lo = doc.tokens[lo].start if lo < len(doc.tokens) else 0
    s_hi = doc.tokens[hi - 1].end if hi > lo else 0
    for ent in doc.entities:
        if ent.label not in ("PERSON", "PER") or not s_lo <= ent.start < s_hi:
            continue
        if inside(base + ent.start):
            continue
        idx = [k for k in range(lo, hi) if ent.start <= doc.tokens[k].start < ent.end]
        if not idx:
            continue
        root = next((k for k in idx if not idx[0] <= doc.tokens[k].head <= idx[-1]), idx[-1])
        subject = _is_subject(doc, root)
        main = _is_main(doc, root, span_of(base + ent.start))
        # "Peter Hale-director of ..." (a dash lost its spaces), "Pelosi’s"
        name = re.sub(r"-[a-z].*$|\s+(?:of|from)\s.*$|['’]s?$", "", ent.text).strip()
        key = speaker_key(name, lex)
        if key in lex.pronouns or key in lex.name_stopwords or not name:
            continue
        if re.match(r"[A-Z]{3,}\b", name) or re.search(r"['’]s\s", name):
            continue  # "INS Aldric", "Varga's Planning Department": not a person's name
        before = text[max(0, base + ent.start - 5) : base + ent.start]
        hon = re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s*$", before)
        # a role noun it hangs on or that hangs on it: "her son Jonah Prell"
        near = [doc.tokens[root].head, *doc.children(root)]
        role = next(
            (_ROLE_GENDER[w] for k in near if (w := doc.tokens[k].text.lower()) in _ROLE_GENDER),
            None,
        )
        gender = _GENDER_OF[hon.group(1).lower()] if hon else role or genders.get(key)
        out.append(_Person(base + ent.start, sent, name, key, gender, subject, main))
    covered = [(e.start, e.end) for e in doc.entities if e.label in ("PERSON", "PER")]
    for k in range(lo, hi):
        t = doc.tokens[k]
        if t.dep not in _SUBJ_DEPS or inside(base + t.start):
            continue
        if t.pos == "PROPN" and not any(a <= t.start < b for a, b in covered):
            # a name the tagger missed, known as a person elsewhere ("Okonjo said she ...")
            key = speaker_key(t.text, lex)
            if key in known and key not in lex.pronouns:
                person = _Person(base + t.start, sent, t.text, key, genders.get(key), True)
                out.append(replace(person, main=_is_main(doc, k, span_of(base + t.start))))
            continue
        if t.pos != "NOUN":
            continue
        if not any(doc.tokens[c].text.lower() == "the" for c in doc.children(k)):
            continue
        linked = _role_name(text, base + t.start, f"the {t.text}", lex)
        if linked:
            key = speaker_key(linked, lex)
            gender = _ROLE_GENDER.get(t.text.lower()) or genders.get(key)
            main = _is_main(doc, k, span_of(base + t.start))
            out.append(_Person(base + t.start, sent, linked, key, gender, True, main))
    return out


def _is_subject(doc: Doc, k: int) -> bool:
    """Token k heads a clause's subject, or a name in apposition to one / compounded into it."""
    return _subject_head(doc, k) is not None


def _subject_head(doc: Doc, k: int) -> int | None:
    """The subject token that token k is (or is in apposition to / compounded into)."""
    t = doc.tokens[k]
    if t.dep in _SUBJ_DEPS:
        return k
    if t.dep in ("appos", "compound", "conj") and doc.tokens[t.head].dep in _SUBJ_DEPS:
        return t.head  # "Hale and Lindqvist toured": both are subjects
    return None


def _is_main(doc: Doc, k: int, span: tuple[int, int]) -> bool:
    """Token k is the subject of the sentence's main verb, or of a verb joined to it ("Ryan
    told reporters ... and added"), not of a clause inside another clause with its own subject
    ("the bid to replace Marlow was no defeat"). `span`: the sentence, in doc offsets."""
    subj = _subject_head(doc, k)
    if subj is None:
        return False
    v = doc.tokens[subj].head
    for _ in range(12):
        t = doc.tokens[v]
        if t.head == v or not span[0] <= doc.tokens[t.head].start < span[1]:
            return True
        if t.dep != "conj" and any(doc.tokens[c].dep in _SUBJ_DEPS for c in doc.children(t.head)):
            return False
        v = t.head
    return True


def _pick(
    people: list[_Person],
    chains: list[tuple[int, int, str]],
    lo: int,
    at: int,
    pronoun: str,
    allowed: set[str] | None = None,
) -> str | None:
    """The antecedent of the pronoun (or, with `allowed` keys, of a role such as "the
    president") at offset `at` among the people named in [lo, at).

    Walking back sentence by sentence: the subject of the main clause decides (two different
    ones leave it open); a sentence whose subject is the same pronoun ("He said Obama was
    ...") continues the chain further back; otherwise the subject of an inner clause."""
    if allowed is not None:
        near = [p for p in people if lo <= p.pos < at and p.key in allowed]
    else:
        near = [p for p in people if lo <= p.pos < at and p.gender in (None, pronoun)]
    if not near:
        return None
    sents = sorted({p.sent for p in people if lo <= p.pos < at}, reverse=True)
    chain_sents = {n for pos, n, pr in chains if lo <= pos < at and pr == pronoun}
    for n in sents:
        subj = [p for p in near if p.sent == n and p.subject]
        main = [p for p in subj if p.main]
        for group in (main, None if n in chain_sents else subj):
            if group is None:
                break  # "He added …": the same person, named further back
            keys = {p.key for p in group}
            if len(keys) == 1:
                return group[-1].name
            if len(keys) > 1:
                return None  # "Varga and Weller met …": which one is not sure
    keys = {p.key for p in near}
    if len(keys) == 1 and len({p.key for p in people if lo <= p.pos < at}) == 1:
        return near[-1].name
    return None


def _role_name(text: str, pos: int, speaker: str, lex: Lexicon) -> str | None:
    """The name a "the <role>" speaker stands for when the article introduces one person only
    with that role before `pos` ("President Donald Trump", "fire chief Marta Kovacs", "Rep.
    Ann Lee" for "the congresswoman", "Ann Lee, the ranking member of ..."). None for anything
    else, and when several people had that role (`_antecedents` picks among them)."""
    names = _role_names(text, pos, speaker, lex)
    return names[-1] if len({speaker_key(n, lex) for n in names}) == 1 else None


def _role_names(text: str, pos: int, speaker: str, lex: Lexicon) -> list[str]:
    """Every name introduced before `pos` with the role of a "the <role>" speaker, in text
    order ("Vice President Joe Biden" is no "president")."""
    words = speaker.split()
    # the head noun comes before a preposition: "the 41-year-old father of two" -> father
    cut = next((i for i, w in enumerate(words) if i and w.lower() in lex.prepositions), None)
    words = words[:cut]
    if len(words) < 2 or words[0].lower() not in ("the", "this") or not words[-1].isalpha():
        return []
    if any(w[:1].isupper() for w in words[1:]):
        return []  # a name already ("the Northshore Water Company")
    role = words[-1].lower()
    if role in lex.source_nouns or role in lex.org_words:
        return []  # officials, police, the ministry: a body, not one named person
    titles = [role] + [t for t, roles in _TITLE_ROLES.items() if role in roles]
    alt = "|".join(re.escape(t) for t in titles)
    name = r"(?P<n>(?:[A-Z]\.\s+|[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
    found: list[tuple[int, str]] = []
    for pat in (
        re.compile(rf"\b(?i:{alt})\.?\s+{name}"),
        re.compile(
            rf"{name}(?:\s*\([^)]{{1,40}}\))?,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?i:{alt})\b"
        ),
    ):
        for m in pat.finditer(text, 0, pos):
            if _SECOND.search(text, max(0, m.start() - 12), m.start()):
                continue
            n = m.group("n").split()
            while n and n[0].rstrip(".").lower() in _ABBREV | {"the"}:
                n = n[1:]
            if _full_name(n, lex):
                found.append((m.start(), " ".join(n)))
    return [n for _, n in sorted(found)]


# A title that makes the next one a different office: "Vice President", "Deputy Minister".
_SECOND = re.compile(r"\b(?i:vice|deputy|assistant|acting|associate|under)\s+$")


def _full_name(words: list[str], lex: Lexicon) -> bool:
    """Two capitalised words or more, none a function word, weekday or month ("Leah Marsh",
    "Elias R. Monk"; not "Friday", "In Washington")."""
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2 or len(caps) != len(words):
        return False
    if any(re.search(r"['’]s?$", w) for w in words):
        return False  # "Varga's Planning Department": a possessive, not a name
    low = {w.rstrip(".,").lower() for w in words}
    return not low & (lex.name_stopwords | lex.pronouns | lex.org_words | _CALENDAR_WORDS)


_CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)
