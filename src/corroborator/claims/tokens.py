"""Word tokens with offsets, and the small left/right context helpers every extractor uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborator.claims.lexicon import Lexicon

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into `text`."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, stop)]


def is_content_word(tok: Token, lex: Lexicon) -> bool:
    return tok.is_word and tok.lower not in lex.stopwords and len(tok.text) > 1


def window_slot(tokens: list[Token], start: int, end: int, lex: Lexicon, width: int = 2) -> str:
    """Fallback slot: up to `width` content words each side of [start, end), in text order.

    Used when no head/verb was found: it still names what the value is about in the article's
    own language, which the compare step embeds for cross-lingual matching.
    """
    left = [t for t in tokens if t.end <= start and is_content_word(t, lex)][-width:]
    right = [t for t in tokens if t.start >= end and is_content_word(t, lex)][:width]
    return " ".join(t.text for t in [*left, *right])


def subject_and_verb(
    tokens: list[Token], before: int, lex: Lexicon
) -> tuple[Token | None, Token | None]:
    """Find '<subject> [aux] <verb> [prep]' ending just before offset `before`.

    "the fire burned for | two days" -> (fire, burned); "the road was closed for | 3 hours"
    -> (road, closed); "unemployment rose to | 5%" -> (unemployment, rose). A comma-enclosed
    relative clause between subject and verb is skipped ("The fire, which ..., burned").
    """
    left = [t for t in tokens if t.end <= before]
    i = len(left) - 1
    while i >= 0 and left[i].lower in lex.prepositions:
        i -= 1
    if i < 0 or not left[i].is_word or left[i].lower in lex.stopwords:
        return None, None
    if lex.nouns_capitalised and left[i].is_capitalised:
        return None, None
    verb = left[i]
    i -= 1
    while i >= 0:
        t = left[i]
        if t.lower in lex.auxiliaries or (t.lower.endswith("ly") and t.is_word):
            i -= 1
        elif t.text == ",":
            j = i - 1
            while j >= 0 and left[j].text != ",":
                j -= 1
            if j < 0:
                return None, verb
            i = j - 1
        else:
            break
    if i < 0:
        return None, verb
    subj = left[i]
    if not subj.is_word or subj.lower in lex.stopwords or subj.lower in lex.pronouns:
        return None, verb
    return subj, verb


def nearest_determined_noun(tokens: list[Token], before: int, lex: Lexicon) -> Token | None:
    """Fallback head: the nearest 'the/a/its <noun>' to the left of `before`."""
    left = [t for t in tokens if t.end <= before]
    # Stay inside the clause: a noun before a comma belongs to another claim.
    for k in range(len(left) - 1, -1, -1):
        if left[k].text in ",;:":
            left = left[k + 1 :]
            break
    for i in range(len(left) - 2, -1, -1):
        if left[i].lower in lex.determiners:
            j = i + 1
            # Take the last word of a short noun phrase: "the city council" -> "council".
            while (
                j + 1 < len(left)
                and is_content_word(left[j + 1], lex)
                and not left[j].lower.endswith("s")
            ):
                j += 1
            if is_content_word(left[j], lex) and left[j].lower not in lex.duration_units:
                return left[j]
    return None
