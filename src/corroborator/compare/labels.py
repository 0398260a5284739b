"""Readable labels for when-claims (dates, times of day, durations) and unnamed lengths from
a dependency parse.

A date's label named the word the rules took for its subject ("southern date" for "an
earthquake struck southern Iran on Sunday"). Where a parser is installed (spaCy: English),
the label is read from the parse of one mention's sentence instead: the event noun the value
qualifies ("the May 19 hearing", "Sunday's earthquake", "the attack on Sunday" -> "hearing
date", "earthquake date", "attack date"), else the clause it dates ("when an earthquake
struck", "what time the fire broke out", "how long the talks lasted"); a length that names
no measured thing is read the same way ("how far the climber fell", "run distance"). One
parse per claim that more than one article states, read through the parse cache the quote
reader shares; `claims.parse_labels` off keeps the rule labels."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corroborator.nlp.base import Doc, Token
from corroborator.text.calendar import PARTS_OF_DAY

#: languages whose labels are read from a parse (the question words below are English)
LABEL_LANGUAGES = frozenset({"en"})
#: the most words of a subject written into a label ("the Harrow Valley Bible Church")
SUBJECT_WORDS = 5
#: ... and of its object ("released the patch", "opened fire")
OBJECT_WORDS = 4
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
#: dependency labels that tie a value to the noun it qualifies ("Sunday's quake")
_OF_NOUN = frozenset({"compound", "nmod", "poss", "amod", "nummod", "appos"})
#: ... and to the word a prepositional phrase hangs from ("the attack on Sunday")
_UP = frozenset({"pobj", "prep", "npadvmod", "tmod", "obl", "nmod:tmod", "advmod", "conj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_VERB_PARTS = frozenset({"aux", "auxpass", "neg", "prt"})
#: a statement's date is not the event's: "police said on Friday"
_SAY = frozenset({"say", "said", "says", "tell", "told", "announce", "announced", "report",
                  "reported", "confirm", "confirmed", "state", "stated", "indicate",
                  "indicated", "add", "added", "note", "noted"})  # fmt: skip
#: nouns that only say which part of a day or period ("Saturday night", "that afternoon")
_PART_OF_DAY = PARTS_OF_DAY | frozenset({"day", "time", "hours", "week", "weekend", "month",
                                        "year", "date", "moment", "period", "a.m.", "p.m.",
                                        "am", "pm", "a.m", "p.m", "gmt", "utc", "local"})  # fmt: skip
#: words that open a phrase in lower case even when a tagger takes them for a name ("A")
_LOWER = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "their",
                    "its", "our", "some"})  # fmt: skip
_COMMON = frozenset({"DET", "NUM", "NOUN", "PRON", "ADJ"})
#: verbs that link a subject to a state ("he was sure on Saturday", "she became ...")
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being", "am", "become", "became",
                 "becomes", "remain", "remained", "remains", "seem", "seemed",
                 "has", "have", "had", "having"})  # fmt: skip
#: words that make the core of a noun phrase: "an emergency patch", "Greta Olm"
_CORE = frozenset({"det", "compound", "poss", "nummod"})
_QUESTION = {
    "date": "when",
    "time": "what time",
    "duration": "how long",
    "distance": "how far",
    "clock": "time left when",  # a game clock: "with 8:17 to go"
}


def _span_head(doc: Doc, start: int, end: int) -> int | None:
    inside = [j for j, t in enumerate(doc.tokens) if t.start < end and t.end > start]
    for j in inside:
        h = doc.tokens[j].head
        if h == j or h not in inside:
            return j
    return None


def _words(doc: Doc, idx: list[int]) -> str:
    """The text of a run of tokens as written (one line), its first word in lower case when
    it is a common word ("The fire" -> "the fire", "Roads" -> "roads"; "Amir Salko" stays)."""
    lo, hi = min(idx), max(idx)
    first = doc.tokens[lo]
    text = " ".join(doc.text[first.start : doc.tokens[hi].end].split())
    if first.text.lower() in _LOWER or (first.pos in _COMMON and first.text.istitle()):
        text = text[:1].lower() + text[1:]
    return text


def _holds(doc: Doc, idx: list[int], value: tuple[int, int]) -> bool:
    """Whether any of the tokens `idx` starts inside the value's span."""
    return any(value[0] <= doc.tokens[j].start < value[1] for j in idx)


def _phrase(doc: Doc, head: int, most: int, value: tuple[int, int]) -> list[int]:
    """The tokens of the phrase `head` heads, if it is short (at most `most` words), in one
    run and without a comma; else the head with its determiner and compound words ("Greta
    Olm, 43," -> "Greta Olm"); [] when it holds the value itself."""
    words = doc.subtree(head)
    if _holds(doc, words, value):
        return []
    if (
        len(words) > most
        or not _contiguous(words)
        or any(doc.tokens[j].text in ",;(" for j in words)
    ):
        words = [head, *[k for k in doc.children(head) if doc.tokens[k].dep in _CORE]]
    return words if _contiguous(words) else [head]


def _subject(doc: Doc, verb: int, value: tuple[int, int]) -> str:
    """The verb's subject as written (at most `SUBJECT_WORDS` words), or "". A verb joined to
    another ("broke out at 9pm and burned for three hours") shares its subject."""
    if doc.tokens[verb].dep == "conj" and not any(
        doc.tokens[c].dep in _SUBJECTS for c in doc.children(verb)
    ):
        verb = doc.tokens[verb].head
    for c in doc.children(verb):
        t = doc.tokens[c]
        if t.dep in _SUBJECTS:
            if t.pos == "PRON":
                return t.text.lower() if t.text.lower() in ("he", "she", "they", "it") else ""
            words = _phrase(doc, c, SUBJECT_WORDS, value)
            if not words or any(any(ch.isdigit() for ch in doc.tokens[j].text) for j in words):
                return ""  # a dateline taken for a subject ("Sat Nov 12 2011 foiled ...")
            return _words(doc, words)
    return ""


def _contiguous(idx: list[int]) -> bool:
    s = sorted(idx)
    return s == list(range(s[0], s[-1] + 1)) if s else False


def _verb_phrase(doc: Doc, verb: int, value: tuple[int, int]) -> str:
    """The verb with its auxiliaries, negation and particle ("was not arrested", "broke out"),
    and a short object ("took place", "opened fire", "issued an emergency patch")."""
    parts = [verb, *[c for c in doc.children(verb) if doc.tokens[c].dep in _VERB_PARTS]]
    for c in doc.children(verb):
        if doc.tokens[c].dep == "dobj":
            obj = _phrase(doc, c, OBJECT_WORDS, value)
            if any(doc.tokens[j].pos == "NUM" for j in obj):
                continue  # another figure is no part of what the value dates or measures
            if _contiguous(parts + obj):
                parts += obj
    # ... and a short phrase that completes it ("brought the fire under control")
    for c in doc.children(verb):
        tail = doc.subtree(c)
        if (
            doc.tokens[c].dep == "prep"
            and c > max(parts)
            and len(tail) <= 3
            and _contiguous(parts + tail)
            and not _holds(doc, tail, value)
            and doc.tokens[max(tail)].pos == "NOUN"
        ):
            parts += tail
            break
    return _words(doc, parts) if _contiguous(parts) else doc.tokens[verb].text


def _dated_word(doc: Doc, start: int, end: int) -> int | None:
    """The token the value at [start, end) of a parsed sentence belongs to: the noun it
    qualifies ("Sunday's quake", "the attack on Sunday") or the verb it dates or measures,
    reached through the value's own words, parts of a day ("on Saturday night": the night is
    the value's, not the event) and prepositional links; None when the parse ties it to
    nothing. `when_label` and `when_anchor` read the same word."""
    cur = _span_head(doc, start, end)
    for _ in range(6):
        if cur is None:
            return None
        tok: Token = doc.tokens[cur]
        par = tok.head
        if par == cur:
            return None
        up = doc.tokens[par]
        if up.text.lower() in _PART_OF_DAY or start <= up.start < end:
            cur = par
            continue
        if up.pos in _NOUNS and tok.dep in _OF_NOUN | {"prep"}:
            return par
        if up.pos in _VERBS and tok.dep != "pobj":
            return par
        if tok.dep not in _UP:
            return None
        cur = par
    return None


def when_label(doc: Doc, start: int, end: int, kind: str) -> str:
    """The label of a date, time, duration or unnamed length (`kind` "distance") at
    [start, end) of a parsed sentence, or ""."""
    if kind not in _QUESTION or not doc.has_parse:
        return ""
    par = _dated_word(doc, start, end)
    if par is None:
        return ""
    up = doc.tokens[par]
    if up.pos in _NOUNS:
        if kind == "clock":
            return ""
        return f"{up.text.lower() if up.pos == 'NOUN' else up.text} {kind}"
    if up.text.lower() in _SAY or up.lemma in _SAY or up.text.lower() in _BE:
        return ""  # a statement's date, or a state ("he was sure on Saturday")
    subject = _subject(doc, par, (start, end))
    if not subject:
        return ""
    return f"{_QUESTION[kind]} {subject} {_verb_phrase(doc, par, (start, end))}"


def when_anchor(doc: Doc, start: int, end: int) -> str:
    """The event a date, time or duration at [start, end) of a parsed sentence belongs to, as
    a lemma: the event noun it qualifies ("Sunday's earthquake", "the hearing on May 17":
    "earthquake", "hearing") or the verb it dates or measures ("deliberated for 14 hours":
    "deliberate"); "" when the parse ties it to nothing, to a statement ("police said on
    Friday") or to a state ("he was sure on Saturday"). The word is `when_label`'s
    (`_dated_word`), so that two mentions with one anchor would be labelled alike."""
    if not doc.has_parse:
        return ""
    cur = _span_head(doc, start, end)
    if cur is not None:
        # "22 hours of deliberation": the event is the noun the span is of
        for c in doc.children(cur):
            if doc.tokens[c].dep == "prep" and doc.tokens[c].text.lower() == "of":
                for g in doc.children(c):
                    if doc.tokens[g].dep == "pobj" and doc.tokens[g].pos == "NOUN":
                        return (doc.tokens[g].lemma or doc.tokens[g].text).lower()
    par = _dated_word(doc, start, end)
    if par is None:
        return ""
    up = doc.tokens[par]
    lemma = (up.lemma or up.text).lower()
    if up.pos in _NOUNS:
        # a name ("Iran") is no event; "Smith's 2004 conviction" reads "conviction"
        return lemma if up.pos == "NOUN" else ""
    if up.text.lower() in _SAY or lemma in _SAY or up.text.lower() in _BE or lemma in _BE:
        return ""
    return lemma


def _restore_names(label: str, article: str) -> str:
    """Words the label wrote in lower case that the article writes only as a name, with a
    capital inside its sentences ("marsh threw" -> "Marsh threw" where "Ivo Marsh" appears
    and "marsh" never does)."""
    out = []
    for word in label.split(" "):
        name = word[:1].upper() + word[1:]
        if (
            word.isalpha()
            and word.islower()
            and re.search(rf"[a-z,;] {re.escape(name)}\b", article)
            and not re.search(rf"\b{re.escape(word)}\b", article)
        ):
            word = name
        out.append(word)
    return " ".join(out)


def parsed_label(
    mentions: Iterable[tuple[str, str, int, int, str]], kind: str, parse_at_most: int = 5
) -> str:
    """The label read from the first of `mentions` (language, sentence text, start, end in
    the sentence, the article's text) whose parse gives one, trying at most `parse_at_most`;
    "" when none does or no parser is installed for their language. The caller checks
    `claims.parse_labels` (`compare.align` reads it once per story)."""
    from corroborator.nlp.registry import get_parser, spacy_available

    tried = 0
    for language, sentence, start, end, article in mentions:
        if language not in LABEL_LANGUAGES or not spacy_available(language):
            continue
        tried += 1
        # lemmas on, as `when_anchor`'s parses: one cached parse serves both
        doc = get_parser(language, entities=False, lemmas=True).parse(sentence)
        if label := when_label(doc, start, end, kind):
            return _restore_names(label, article)
        if tried >= parse_at_most:
            break
    return ""
