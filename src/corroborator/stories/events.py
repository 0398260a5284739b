"""Event keys beyond names: the words that say what happened (trigger / event type).

Names, places, numbers and years (`corroborator.stories.cluster.anchor_terms`) say who,
where and when; what happened is said by the lead's content words ("arrested", "quake",
"fired", "takeover"). Two reports of one event share them, two events of one kind share
the kind's words but rarely the rest. Each lower-case word of at least `MIN_LETTERS`
letters in the title and the first sentences becomes a key "~" + its first `WORD_PREFIX`
letters (accents folded), so inflections meet ("arrested" / "arrests"); the scorer weighs
them by rarity (IDF), so words every article uses ("said", "after") weigh next to nothing.
They are scored apart from the names (`StoryParams.word_weight`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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
