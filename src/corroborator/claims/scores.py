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
from collections.abc import Sequence
from dataclasses import dataclass

from corroborator.claims.quantities import _SCORE_END, _SCORE_FIG
from corroborator.model import Extraction

#: verbs that report a finished game with the score after them (not "led", "trailed")
_RESULT_VERBS = (
    r"beat|beats|won|wins|lost|loses|defeated|defeats|edged|edges|routed|routs|thrashed|"
    r"downed|blanked|crushed|stunned|upset|whipped|topped|outlasted|outscored|held\s+on|"
    r"hung\s+on|fell|falls"
)
_AFTER_VERB = re.compile(
    r"\b(?:" + _RESULT_VERBS + r")\s+(?:[\w'’.-]+\s+){0,5}?" + _SCORE_FIG + _SCORE_END,
    re.IGNORECASE,
)
#: nouns of a finished game's result after the score ("a 20-13 win", "their 3-1 defeat")
_BEFORE_NOUN = re.compile(
    _SCORE_FIG + r"(?=\s+(?:[a-z][\w-]*\s+){0,1}?(?:wins?|victor(?:y|ies)|loss(?:es)?|defeats?|"
    r"triumph|rout|drubbing|thrashing|shutout|upset)\b)",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\d\s?[-–]\s?\d")
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
    if not _PAIR.search(text, start, end):
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
    return [
        Extraction(
            kind="quantity",
            key="final score",
            start=s,
            end=e,
            text=text[s:e],
            value=float(v),
            head="score",
            slot=RESULT_SLOT,
            sentence_index=sentence_index,
            owner=owner,
        )
        for owner, v, (s, e) in (
            ("winner", r.winner, r.winner_span),
            ("loser", r.loser, r.loser_span),
        )
    ]
