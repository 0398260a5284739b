"""Vote tallies as claims: "the Senate voted 97-1 to confirm her", "passed in a 402-11 vote",
"by a vote of 231 to 187" state how many voted for and how many against.

A tally is two quantity claims, the votes in favour and the votes against, owned by "for" and
"against" so that the two are never one fact (as `claims.scores` does for a game's winner and
loser). The first figure is the votes in favour, as tallies are written ("rejected 45-55":
45 for, 55 against). A tally needs a cue, English only like the scores of play:
- a noun of voting after it: "a 5-4 vote", "a 97-to-1 tally", "a 6-3 ruling", "a 10-2
  verdict"; a split or a deadlock only after a body that votes ("the jurors' 8-4 deadlock");
- "vote/tally/margin of" before it: "by a vote of 231 to 187";
- a verb of voting or of a decision taken by vote a few words before it, the tally ending its
  clause: "voted 412-0 to publish", "was confirmed 98-0 in 2017", "approved the bill 218 to 214";
  after a body that votes, "the jury deadlocked at 8-4", "the panel split 4-3".
A bare "51-49" is left alone (a score, a range, a record).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corroborator.claims.quantities import SCORE_END
from corroborator.claims.scores import sided_extractions
from corroborator.model import Extraction

#: the two figures of a tally: "97-1", "97 - 1", "97-to-1", "231 to 187" (never part of a
#: longer run of figures, a decimal, a date or a sum)
_FIGURES = (
    r"(?<![\w.,$€£%/:-])(?P<a>\d{1,3})\s?(?:[-–]|-to-|\s(?:to|against)\s)\s?(?P<b>\d{1,3})"
    r"(?![\w%°]|[.,:]\d|\s?[-–]\s?\d)"
)
_NOUNS = r"votes?|tally|ballot|roll[\s-]call|ruling|decision|verdict"
_NOUN_AFTER = re.compile(
    _FIGURES + r"(?=\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + _NOUNS + r")\b)", re.IGNORECASE
)
_OF_BEFORE = re.compile(
    r"\b(?:vote|tally|margin|count)\s+(?:was\s+|of\s+)" + _FIGURES + SCORE_END, re.IGNORECASE
)
_VERBS = (
    r"voted|votes|vote|voting|passed|passes|approved|approves|confirmed|confirms|adopted|adopts|"
    r"ratified|ratifies|rejected|rejects|overrode|overrides|endorsed|backed|cleared"
)
_VERB_BEFORE = re.compile(
    r"\b(?:" + _VERBS + r")\s+(?:[\w'’.-]+\s+){0,4}?" + _FIGURES + SCORE_END, re.IGNORECASE
)
#: a split or a deadlock is a vote only when a body that votes comes before it in the sentence
#: ("the jury deadlocked at 8-4", "the panel split 4-3", "the jurors' 8-4 deadlock"; not "a
#: 70-30 split" of profits or a football match's "1-1 deadlock")
_BODY = re.compile(
    r"\b(?:jury|juries|jurors?|panel|court|justices|judges|council|board|committee|senate|"
    r"house|chamber|commission|commissioners|members|lawmakers|delegates|parliament|assembly)\b",
    re.IGNORECASE,
)
_SPLIT_AFTER = re.compile(_FIGURES + r"(?=\s+(?:deadlock|split)\b)", re.IGNORECASE)
_SPLIT_VERB = re.compile(
    r"\b(?:deadlocked|deadlocks|split|splits)\s+(?:at\s+)?" + _FIGURES + SCORE_END, re.IGNORECASE
)
#: a tally written out: "ten in favor of a life term and two against", "seven
#: jurors in favour and five opposed" (numbers in words or digits)
_NUMBER = (
    r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_WORDS = re.compile(
    rf"(?<![\w.,$-])(?P<a>{_NUMBER})\s+(?:(?:votes?|jurors?|members?|justices|judges)\s+)?"
    r"(?:(?:were|was|voted|voting)\s+)?in\s+favou?r\b(?:\s+of\s+[^,.;]{1,50}?)?,?\s+"
    rf"(?:and|with|while|to)\s+(?P<b>{_NUMBER})\s+(?:(?:votes?|jurors?|members?)\s+)?"
    r"(?:(?:were|was|voted|voting)\s+)?(?:against|opposed)\b",
    re.IGNORECASE,
)
_WORD_VALUES = {w: k for k, w in enumerate(_NUMBER.split("|")[1:], start=1)}
#: the slot phrase of both claims (what the sentence model embeds)
TALLY_SLOT = "vote tally"


@dataclass(frozen=True)
class Tally:
    """A vote as written: the votes in favour and against, and their spans."""

    yes: int
    no: int
    yes_span: tuple[int, int]
    no_span: tuple[int, int]

    @property
    def span(self) -> tuple[int, int]:
        return self.yes_span[0], self.no_span[1]


def find_tallies(
    text: str, start: int, end: int, masks: Sequence[tuple[int, int]] = ()
) -> list[Tally]:
    """Vote tallies in text[start:end] (one English sentence), none overlapping `masks`."""
    found: dict[int, Tally] = {}
    for pat in (_NOUN_AFTER, _OF_BEFORE, _VERB_BEFORE, _SPLIT_AFTER, _SPLIT_VERB, _WORDS):
        for m in pat.finditer(text, start, end):
            sa, sb = m.span("a"), m.span("b")
            if sa[0] in found or any(s < sb[1] and sa[0] < e for s, e in masks):
                continue
            if pat in (_SPLIT_AFTER, _SPLIT_VERB) and not _BODY.search(text, start, m.start()):
                continue
            found[sa[0]] = Tally(_figure(m.group("a")), _figure(m.group("b")), sa, sb)
    return [found[k] for k in sorted(found)]


def _figure(written: str) -> int:
    return int(written) if written.isdigit() else _WORD_VALUES[written.lower()]


def tally_extractions(t: Tally, text: str, sentence_index: int) -> list[Extraction]:
    """The votes in favour and the votes against of one tally."""
    return sided_extractions(
        text,
        sentence_index,
        "vote",
        TALLY_SLOT,
        (
            ("for", "votes in favour", t.yes, t.yes_span, "votes in favour"),
            ("against", "votes against", t.no, t.no_span, "votes against"),
        ),
    )
