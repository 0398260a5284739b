"""A game's final result as two claims, the winner's and the loser's score (`claims.scores`)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.scores import find_results
from corroborator.compare.align import align_story
from corroborator.text.sentences import split_sentences
from english_articles import english_article as _article


def _results(sentence: str) -> list[tuple[int, int]]:
    return [(r.winner, r.loser) for r in find_results(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The Hawks beat the Owls 20-13 on Sunday.", [(20, 13)]),
        ("Norland held on for a 27-24 win over Eastport.", [(27, 24)]),
        ("The Owls lost 20-16 to the Hawks in overtime.", [(20, 16)]),
        ("It was the Owls' 13-20 defeat that ended the run.", [(20, 13)]),
        # a lead, a record, a vote, a draw or a three-figure record is no result
        ("The Hawks led 13-3 at halftime.", []),
        ("The Owls went 8-1 in one-score games.", []),
        ("The council approved it in a 5-4 vote.", []),
        ("The sides tied 1-1 after extra time.", []),
        ("Varga improved to 22-6-1 with the win.", []),
    ],
)
def test_results_are_read_from_their_cue(sentence: str, want: list[tuple[int, int]]) -> None:
    assert _results(sentence) == want


def test_scores_are_claims_of_the_winner_and_the_loser() -> None:
    text = "The Hawks beat the Owls 20-13 on Sunday."
    scores = [
        e
        for e in extract_claims(text, split_sentences(text, "en"), "en", None)
        if e.head == "score"
    ]
    assert [(e.value, e.owner, e.text, e.label) for e in scores] == [
        (20.0, "winner", "20", "winner's final score"),
        (13.0, "loser", "13", "loser's final score"),
    ]


def test_results_corroborate_and_conflict_and_stay_apart_from_counts() -> None:
    arts = {
        "a1": _article("a1", "The Hawks beat the Owls 20-13 on Sunday after a 13-play drive."),
        "a2": _article("a2", "The Hawks won 20-16 against the Owls on Sunday."),
        "a3": _article("a3", "The Hawks defeated the Owls 20-13 on Sunday."),
    }
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([["a1"], ["a2"], ["a3"]], ext, arts, None)
    scores = {c.label: c for c in claims if c.key == "final score"}
    assert scores["winner's final score"].verdict == "corroborated"
    assert scores["winner's final score"].support == 3
    loser = scores["loser's final score"]
    assert loser.verdict in ("conflicting", "possible_conflict")
    assert sorted((s["value"], tuple(s["articles"])) for s in loser.sides) == [
        (13, ("a1", "a3")),
        (16, ("a2",)),
    ]
    # the drive's 13 plays are no part of the result
    assert all(m.text != "13-play" for c in scores.values() for m in c.mentions)


def test_results_of_two_games_in_one_roundup_never_conflict() -> None:
    arts = {
        "a1": _article("a1", "The Hawks beat the Owls 24-21 on Sunday."),
        "a2": _article("a2", "Eastport edged Norland 14-10 on Sunday."),
    }
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    scores = [c for c in claims if c.key == "final score"]
    assert scores and all(c.verdict == "single_source" for c in scores)
