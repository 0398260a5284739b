"""Event keys beyond names: the words that say what happened (trigger / event type).

Names, places, numbers and years (`corroborator.stories.cluster.anchor_terms`) say who,
where and when; what happened is said by the lead's content words ("arrested", "quake",
"fired", "takeover"). Two reports of one event share them, two events of one kind share
the kind's words but rarely the rest. Each lower-case word of at least `MIN_LETTERS`
letters in the title and the first sentences becomes a key "~" + its first `WORD_PREFIX`
letters (accents folded), so inflections meet ("arrested" / "arrests"); the scorer weighs
them by rarity (IDF), so words every article uses ("said", "after") weigh next to nothing.
They are scored apart from the names (`StoryParams.word_weight`).

When: `event_dates` reads the months the text dates things to ("on 3 March", "Dec. 11,
2008", "il 16 dicembre 2008") into keys "@MM" or "@YYYY-MM". They are the event's dates,
not the dateline's (the publication date is the `Candidate`'s day): a report published in
2013 about a quake "on 14 April" is dated by its text. Month names and abbreviations come
from dateparser's locale data (the article's language and English), and a month word counts
only next to a day of the month or a year, so "may" the verb and "march" the verb do not.
The scorer reads months that disagree as two events (`StoryParams.month_penalty`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from corroborator.text.calendar import MONTHS

WORD_PREFIX = 6
MIN_LETTERS = 4
WORD_MARK = "~"
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-Z][^\W\d_]*")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def event_words(lines: Iterable[str]) -> set[str]:
    """The word keys of some lines of text (lower-case words only: names are anchors)."""
    out: set[str] = set()
    for line in lines:
        for m in _WORD.finditer(line):
            w = m.group(0)
            if len(w) >= MIN_LETTERS and w[0].islower():
                out.add(WORD_MARK + _fold(w)[:WORD_PREFIX])
    return out


def is_word_key(key: str) -> bool:
    return key.startswith(WORD_MARK)


# ---------------------------------------------------------------- event dates

DATE_MARK = "@"
_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+")


@lru_cache(maxsize=64)
def _month_words(language: str) -> dict[str, int]:
    """Month names and abbreviations (lower-case, accents folded) -> month number, from
    dateparser's locale data for the language and English."""
    from dateparser.languages import default_loader

    out: dict[str, int] = {}
    for code in dict.fromkeys(["en", language.split("-")[0].lower()]):
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):
            continue
        for n, month in enumerate(MONTHS, start=1):
            for form in info.get(month, []):
                out.setdefault(form.lower(), n)
                out.setdefault(_fold(form), n)
    return out


def _day_or_year(token: str) -> tuple[bool, str | None]:
    """(is a day of the month, the year) of a number token."""
    if not token.isdigit():
        return False, None
    if len(token) <= 2:
        return 1 <= int(token) <= 31, None
    if len(token) == 4 and token[:2] in ("19", "20"):
        return False, token
    return False, None


def event_dates(lines: Iterable[str], language: str = "en") -> set[str]:
    """The months an article's text dates things to: "@MM", or "@YYYY-MM" when a year goes
    with the month ("on 3 March", "Dec. 11, 2008", "dicembre 2008"). A month word counts only
    next to a day of the month or a year, so "may" the verb and "March" the verb do not."""
    months = _month_words(language)
    out: set[str] = set()
    for line in lines:
        toks = [m.group(0) for m in _TOKEN.finditer(line)]
        for i, tok in enumerate(toks):
            if len(tok) <= 2 or tok[0].isdigit():
                continue
            word = tok.rstrip(".").lower()
            month = months.get(word)
            if month is None and not word.isascii():
                month = months.get(_fold(word))
            if month is None:
                continue
            before = _day_or_year(toks[i - 1]) if i else (False, None)
            after = [_day_or_year(t) for t in toks[i + 1 : i + 3]]
            day = before[0] or bool(after and after[0][0])
            year = next((y for _, y in after if y), None)
            if year is None and not day:
                continue
            out.add(f"{DATE_MARK}{year}-{month:02d}" if year else f"{DATE_MARK}{month:02d}")
    return out


def is_date_key(key: str) -> bool:
    return key.startswith(DATE_MARK)


def month_of(key: str) -> int:
    """The month (1-12) of a date key."""
    return int(key[-2:])
