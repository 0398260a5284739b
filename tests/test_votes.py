"""Vote tallies as two claims, the votes in favour and the votes against (`claims.votes`)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.votes import find_tallies
from corroborator.compare.align import align_story
from corroborator.model import Article
from corroborator.text.sentences import split_sentences
from english_articles import english_article


def _article(aid: str, text: str) -> Article:
    return english_article(aid, text, "2026-04-15")


def _tallies(sentence: str) -> list[tuple[int, int]]:
    return [(t.yes, t.no) for t in find_tallies(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The council approved the plan in a 5-4 vote.", [(5, 4)]),
        ("The Assembly voted 61-12 on Thursday to ban the sale.", [(61, 12)]),
        ("The levy passed by a vote of 231 to 187, with ten members absent.", [(231, 187)]),
        ("She won the leadership by a 141-to-58 vote.", [(141, 58)]),
        ("The judge was confirmed 88-9 in 2019.", [(88, 9)]),
        ("The board rejected the offer 3-6.", [(3, 6)]),  # as written: 3 for, 6 against
        ("The court struck the law down in a 6-3 ruling.", [(6, 3)]),
        ("The final tally was 40-2.", [(40, 2)]),
        ("The Senate approved the bill late on Friday, voting 52-47 to send it on.", [(52, 47)]),
        # no cue of voting: a score, a lead, a record, a range, a share
        ("The Hawks beat the Owls 20-13 on Sunday.", []),
        ("The Hawks led 17-6 at halftime.", []),
        ("Temperatures reached 20 to 25 degrees.", []),
        ("The party passed 20 to 30 bills a year.", []),
        ("He took 51-49 percent of the vote.", []),
    ],
)
def test_tallies_are_read_from_their_cue(sentence: str, want: list[tuple[int, int]]) -> None:
    assert _tallies(sentence) == want


def test_a_tally_is_two_claims_and_no_count() -> None:
    text = "The Senate voted 97-1 on Tuesday to confirm Dana Marlow."
    got = [
        (e.value, e.owner, e.text, e.label)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-04-15")
        if e.kind == "quantity"
    ]
    assert got == [
        (97.0, "for", "97", "votes in favour"),
        (1.0, "against", "1", "votes against"),
    ]


def test_tallies_corroborate_and_conflict_side_by_side() -> None:
    arts = {
        "a1": _article("a1", "The Senate voted 97-1 on Tuesday to confirm Dana Marlow."),
        "a2": _article("a2", "Dana Marlow was confirmed by the Senate on Tuesday in a 96-2 vote."),
        "a3": _article("a3", "Senators confirmed Dana Marlow 97-1 on Tuesday."),
    }
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([["a1"], ["a2"], ["a3"]], ext, arts, None)
    votes = {c.label: c for c in claims if c.label.startswith("votes")}
    assert set(votes) == {"votes in favour", "votes against"}
    for label, (mine, theirs) in {"votes in favour": (97, 96), "votes against": (1, 2)}.items():
        claim = votes[label]
        assert claim.verdict in ("conflicting", "possible_conflict"), label
        assert sorted((s["value"], tuple(s["articles"])) for s in claim.sides) == sorted(
            [(mine, ("a1", "a3")), (theirs, ("a2",))]
        )
