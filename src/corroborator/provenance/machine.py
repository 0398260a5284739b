"""A per-article signal for text that reads as machine-paraphrased or machine-translated.

What it looks for (each hit is listed in the evidence with the words found):

- **Spinner vocabulary** (English only): article spinners replace common words with
  thesaurus entries a news writer would rarely choose ("individuals" for people,
  "commenced" for started, "inhabitants" for residents) and produce stock phrases such as
  "be that as it may" for *however* or "in light of the fact that" for *because*. The list
  below is ours, written from how spinners behave; each entry is one hit.
- **Untranslated fragments**: in a non-English article, runs of two or more English function
  words that the article's own language does not use ("of the", "and the"), the typical
  leftover of a machine translation that failed on a clause. Function-word lists come from
  the jusText stoplists that ship with trafilatura (most frequent words per language).
- **Stutters**: the same word twice in a row ("the the"), a decoding artefact of neural
  machine translation and of careless spinning.

Score: hits per 100 words minus an allowance of 1 (a human text may use one odd word),
mapped to [0, 1] with 1 − exp(−x / 3): 3 extra hits per 100 words give 0.63, 6 give 0.86.

What it cannot do: fluent modern machine translation and LLM paraphrases have none of
these artefacts and score near 0; the spinner list only covers English; a human writer
fond of formal words can score above 0. Treat the score as a hint shown with its evidence,
and as a tie-breaker for direction (the more machine-like of two aligned texts is more
likely the derivative), never as proof.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import lru_cache

SPINNER_TERMS: tuple[str, ...] = (
    # stock phrases of synonym spinners
    "be that as it may",
    "in light of the fact that",
    "on the grounds that",
    "in the interim",
    "by and by",
    "at long last",
    "all things considered",
    "as per",
    "for the most part",
    "in spite of the fact that",
    "regardless of whether",
    "with respect to",
    # rare thesaurus swaps for common news words
    "individuals",
    "folks",
    "inhabitants",
    "occupants",
    "commenced",
    "uttered",
    "expressed that",
    "edifice",
    "abode",
    "dwelling",
    "colossal",
    "gigantic",
    "exceptionally",
    "amazingly",
    "hastily",
    "speedily",
    "fire warriors",
    "firemen",
    "law implementation",
    "cops",
    "hrs",
    "mins",
    "township",
    "locale",
    "youngsters",
    "vehicles were stuck",
    "emptied",
    "nonetheless",
    "furthermore",
    "moreover",
    "subsequently",
    "prior to",
    "roughly",
)
ALLOWANCE = 1.0  # hits per 100 words a human text may have
SCALE = 3.0

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_JUSTEXT_NAMES = {
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hu": "Hungarian",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
}


@dataclass(frozen=True)
class MachineSignal:
    score: float  # in [0, 1]; 0 = no sign of machine-made text
    evidence: tuple[str, ...]


@lru_cache(maxsize=32)
def _stoplist(language: str) -> frozenset[str]:
    name = "English" if language == "en" else _JUSTEXT_NAMES.get(language)
    if name is None:
        return frozenset()
    try:
        import justext

        return frozenset(w.lower() for w in justext.get_stoplist(name))
    except (ImportError, ValueError, OSError):
        return frozenset()


@lru_cache(maxsize=1)
def _spinner_pattern() -> re.Pattern[str]:
    terms = sorted(SPINNER_TERMS, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)


def _english_leftovers(words: list[str], language: str) -> list[str]:
    """Runs of ≥ 2 English function words that are not function words of `language`."""
    own = _stoplist(language)
    foreign = {w for w in _stoplist("en") if len(w) >= 2} - own
    runs: list[str] = []
    cur: list[str] = []
    for w in [*words, ""]:
        if w and w.lower() in foreign:
            cur.append(w)
            continue
        if len(cur) >= 2:
            runs.append(" ".join(cur))
        cur = []
    return runs


@lru_cache(maxsize=1024)  # corpus mode re-scores a story's members at each re-analysis
def machine_signal(text: str, language: str) -> MachineSignal:
    """Score how much `text` (in `language`) reads as machine-made; see the module docstring."""
    words = _WORD.findall(text)
    if len(words) < 20:
        return MachineSignal(0.0, ())
    evidence: list[str] = []
    hits = 0
    if language == "en":
        matches = [m.group(0).lower() for m in _spinner_pattern().finditer(text)]
        found = sorted(set(matches))
        count = len(matches)
        if count:
            hits += count
            evidence.append(f"spinner vocabulary ({count}): {', '.join(found[:8])}")
    else:
        runs = _english_leftovers(words, language)
        if runs:
            hits += 2 * len(runs)
            evidence.append(f"untranslated English fragments ({len(runs)}): {'; '.join(runs[:5])}")
    stutters = sorted(
        {f"{a} {b}" for a, b in itertools.pairwise(words) if a.lower() == b.lower() and len(a) > 1}
    )
    if stutters:
        hits += len(stutters)
        evidence.append(f"repeated words: {', '.join(stutters[:5])}")
    density = 100.0 * hits / len(words)
    score = 1.0 - math.exp(-max(0.0, density - ALLOWANCE) / SCALE)
    return MachineSignal(round(score, 4), tuple(evidence))
