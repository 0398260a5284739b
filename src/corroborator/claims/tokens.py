"""Word tokens with offsets, and the small left/right context helpers every extractor uses."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from corroborator.claims.lexicon import Lexicon

# French/Italian elision ("l'incendie", "d'euros", "qu'il") splits off the article so the noun
# is its own token; English contractions ("don't", "O'Brien") have longer or capital-O prefixes
# and stay whole.
_TOKEN_RE = re.compile(
    r"(?:\b(?:[ldjmnstcLDJMNSTC]|[Qq]u)['’](?=[^\W\d_]))"
    r"|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]"
)


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


# The last call's tokens: a sentence's extractors ask for the same span one after the other
# (extract_claims, then find_numbers), so it is tokenised once (the text object itself, not an
# equal one, is the key).
_last: tuple[str, int, int, tuple[Token, ...]] | None = None


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into `text` (a new list on every call)."""
    global _last
    stop = len(text) if end is None else end
    last = _last
    if last is not None and last[0] is text and last[1] == start and last[2] == stop:
        return list(last[3])
    found = tuple(
        Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, stop)
    )
    _last = (text, start, stop, found)
    return list(found)


def _start(t: Token) -> int:
    return t.start


def _end(t: Token) -> int:
    return t.end


def tokens_before(tokens: list[Token], pos: int) -> list[Token]:
    """The tokens that end at or before offset `pos` (tokens are in text order, so a binary
    search finds the cut: extraction stays linear in long sentences)."""
    return tokens[: bisect_right(tokens, pos, key=_end)]


def tokens_after(tokens: list[Token], pos: int, n: int | None = None) -> list[Token]:
    """The first `n` tokens (all when None) that start at or after offset `pos`."""
    k = bisect_left(tokens, pos, key=_start)
    return tokens[k:] if n is None else tokens[k : k + n]


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
    left = tokens_before(tokens, before)
    i = len(left) - 1
    # "rose to | 5%", Spanish "alcanzó el | 12 %": prepositions and articles before the value.
    while i >= 0 and (left[i].lower in lex.prepositions or left[i].lower in lex.determiners):
        i -= 1
    if i < 0 or not left[i].is_word or left[i].lower in lex.stopwords:
        return None, None
    if lex.nouns_capitalised and left[i].is_capitalised:
        return None, None
    if left[i].lower in lex.verb_completions and i >= 1 and left[i - 1].is_word:
        i -= 1  # "broke out at | 9pm": the verb is "broke"
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
    left = tokens_before(tokens, before)
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


_CLAUSE_PUNCT = frozenset([",", ";", ":", "(", ")", "—", "–"])


def clause_start(tokens: list[Token], before: int, lex: Lexicon) -> int:
    """Index of the first token of the clause that ends at offset `before`."""
    k = 0
    for i, t in enumerate(tokens):
        if t.end > before:
            break
        if t.text in _CLAUSE_PUNCT or t.lower in lex.clause_words:
            k = i + 1
    return k


def subject_head(tokens: list[Token], before: int, lex: Lexicon) -> Token | None:
    """Head noun of what a measure (a duration) is about, found left of offset `before`.

    1. Relative clause: "a debate that lasted | two hours" -> "debate" (the antecedent).
    2. Otherwise the first noun phrase of the clause that is not inside a prepositional phrase:
       "A fire at the Hartwell warehouse in Dunmore burned for | 30 hours" -> "fire";
       German "In der Hafenstadt hat ein Feuer ... | 30 Stunden lang gebrannt" -> "Feuer".
       The head is the last word of a short noun run (English "the coastal road" -> "road") or,
       where nouns are capitalised, the first capitalised word after the determiner.
    Returns None when the clause has no such phrase (pronoun subjects: "He served for ...").
    """
    left = tokens_before(tokens, before)
    # 1. Relative clause: skip prepositions, the verb, auxiliaries/adverbs, then "that".
    i = len(left) - 1
    while i >= 0 and left[i].lower in lex.prepositions:
        i -= 1
    for _ in range(4):
        i -= 1
        if i >= 1 and left[i].lower in lex.relative_pronouns:
            ante = left[i - 1]
            if left[i - 1].text == "," and i >= 2:
                ante = left[i - 2]
            if is_content_word(ante, lex) and ante.lower not in lex.pronouns:
                return ante
            break
        if i < 0 or not (left[i].lower in lex.auxiliaries or left[i].lower.endswith("ly")):
            break
    # 2. First noun phrase of the clause outside a prepositional phrase, before the verb when
    # the verb is known (English: the word before the preposition that introduces the number).
    _subj, verb = subject_and_verb(tokens, before, lex)
    if verb is not None:
        left = [t for t in left if t.end <= verb.start]
    k = clause_start(left, before, lex)
    n = len(left)
    while k < n:
        t = left[k]
        if t.lower in lex.prepositions:
            k += 1
            while k < n and left[k].lower in lex.determiners:
                k += 1
            while k < n and is_content_word(left[k], lex) and left[k].lower not in lex.prepositions:
                k += 1
            continue
        if t.lower in lex.determiners or (
            is_content_word(t, lex)
            and t.lower not in lex.auxiliaries
            and t.lower not in lex.pronouns
            and (not lex.nouns_capitalised or t.is_capitalised)
        ):
            j = k + 1 if t.lower in lex.determiners else k
            run: list[Token] = []
            while (
                j < n
                and is_content_word(left[j], lex)
                and left[j].lower not in lex.prepositions
                and left[j].lower not in lex.relative_pronouns
            ):
                run.append(left[j])
                j += 1
                if lex.nouns_capitalised and run[-1].is_capitalised:
                    break
                if run[-1].lower in lex.noun_heads:
                    break
            if not run:
                k = j if j > k else k + 1
                continue
            if lex.nouns_capitalised:
                caps = [r for r in run if r.is_capitalised]
                return caps[0] if caps else None
            # An English run ends at its noun; a following lower-case verb is not part of it.
            while len(run) > 1 and (
                run[-1].lower in lex.verb_nouns or run[-1].lower in lex.event_verbs
            ):
                run = run[:-1]
            return run[-1] if len(run) <= 4 else None
        k += 1
    return None


_SPLIT_TAIL = re.compile(r"(?<![\w.,])\d{1,3}\.\s*$")
_SPLIT_HEAD = re.compile(r"(?<![\w.,])\d{1,3}\.\s+$")
_LEADING_DIGITS = re.compile(r"\d{1,2}(?!\d)")
#: How far a sentence is read on when it ends inside a number (see `split_number_context`).
SPLIT_CONTEXT = 80


def split_number_context(text: str, start: int, end: int) -> tuple[int, int]:
    """Repair a sentence split inside a number: "a 6. | 1-magnitude quake", "$2. | 6 million".

    Bad HTML-to-text conversion leaves a space after a decimal point, and the sentence splitter
    then ends a sentence at "6.". Returns (mask_end, read_end): the sentence's leading digits
    up to `mask_end` are the tail of the previous sentence's number (mask them); a sentence that
    ends inside a number is read on to `read_end` (keep only values that start before `end`).
    Both equal their inputs when nothing was split.
    """
    mask_end = start
    if start > 0 and _SPLIT_HEAD.search(text, max(0, start - 8), start):
        m = _LEADING_DIGITS.match(text, start, end)
        if m:
            mask_end = m.end()
    read_end = end
    if _SPLIT_TAIL.search(text, start, end) and re.match(r"\s+\d{1,2}(?!\d)", text[end : end + 4]):
        stop = text.find("\n", end)
        read_end = min(len(text), end + SPLIT_CONTEXT, stop if stop >= 0 else len(text))
    return mask_end, read_end
