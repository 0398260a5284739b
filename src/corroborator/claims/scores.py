"""Final results of a game as claims: "the Hawks beat the Owls 20-13" states that the winner
scored 20 and the loser 13.

`claims.quantities.find_scores` keeps every score and record of play from being read as a
count; here the scores that give a game's result (a verb of winning or losing before them, or
a noun of the result after them: "a 20-13 win") become two quantity claims, the winner's and
the loser's score, owned by "winner" and "loser" so that the two are never one fact. Team
names are not the owner: outlets name one team differently ("the Colts", "Indianapolis").
A lead, a record, a vote or a draw is no result (English only, like `find_scores`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corroborator.claims.quantities import (
    SCORE_ANY,
    SCORE_END,
    SCORE_FIGURES,
    SCORE_RESULT_NOUNS,
    SCORE_RESULT_VERBS,
)
from corroborator.model import Extraction

#: the score after a verb of a finished game (not "led", "trailed"), or of a record falling
#: with a result ("fell 20-13 to the Hawks"); a comma may close a team's name ("beat the
#: visiting Owls, 88-70"; not a boxer's, whose record follows it: "beat Brandt, 35-6, on points")
_AFTER_VERB = re.compile(
    r"\b(?:"
    + SCORE_RESULT_VERBS
    + r"|fell|falls)\s+(?:(?:[\w'’.-]+\s+){0,5}?|"
    # a team (an article or "visiting" before its name) closed by a comma
    + r"(?:the|visiting|host|hosts)\s+(?:[\w'’.-]+\s+){0,2}?[A-Z][\w'’.-]*,\s+)"
    + SCORE_FIGURES
    + SCORE_END,
    re.IGNORECASE,
)
#: the score before a noun of a finished game's result ("a 20-13 win", "their 3-1 defeat")
_BEFORE_NOUN = re.compile(
    SCORE_FIGURES + r"(?=\s+(?:[a-z][\w-]*\s+){0,1}?(?:" + SCORE_RESULT_NOUNS + r")\b)",
    re.IGNORECASE,
)
#: the slot phrase of both claims (what the sentence model embeds)
RESULT_SLOT = "final score"


@dataclass(frozen=True)
class Result:
    """A game's result as written: the winner's and the loser's score and their spans."""

    winner: int
    loser: int
    winner_span: tuple[int, int]
    loser_span: tuple[int, int]


def find_results(
    text: str,
    start: int,
    end: int,
    masks: Sequence[tuple[int, int]] = (),
) -> list[Result]:
    """Results in text[start:end] (one English sentence) outside `masks`; not draws and not
    three-figure records ("22-6-1")."""
    if not SCORE_ANY.search(text, start, end):
        return []
    found: dict[int, Result] = {}
    for pat in (_AFTER_VERB, _BEFORE_NOUN):
        for m in pat.finditer(text, start, end):
            if m.group("c") or m.start("a") in found:
                continue
            if any(s < m.end("b") and m.start("a") < e for s, e in masks):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if a == b:
                continue
            sa, sb = m.span("a"), m.span("b")
            found[sa[0]] = Result(a, b, sa, sb) if a > b else Result(b, a, sb, sa)
    return [found[k] for k in sorted(found)]


def result_extractions(r: Result, text: str, sentence_index: int) -> list[Extraction]:
    """The winner's and the loser's score of one result."""
    return sided_extractions(
        text,
        sentence_index,
        "score",
        RESULT_SLOT,
        (
            ("winner", "final score", r.winner, r.winner_span, ""),
            ("loser", "final score", r.loser, r.loser_span, ""),
        ),
    )


def sided_extractions(
    text: str,
    sentence_index: int,
    head: str,
    slot: str,
    sides: Iterable[tuple[str, str, int, tuple[int, int], str]],
) -> list[Extraction]:
    """One count claim per side of a figure written as a pair (a game's result "20-13", a
    vote "97-1"): each side is (owner, key, value, span, label; "" leaves the label to the
    frames)."""
    return [
        Extraction(
            kind="quantity",
            key=key,
            start=s,
            end=e,
            text=text[s:e],
            value=float(v),
            head=head,
            slot=slot,
            sentence_index=sentence_index,
            owner=owner,
            label=label,
        )
        for owner, key, v, (s, e), label in sides
    ]
