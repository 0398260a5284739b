"""Copy/syndication detection, direction and independence groups."""

from __future__ import annotations

from corroborator.model import Article
from corroborator.provenance import apply_derivations, independence_groups
from corroborator.provenance.copies import find_copies

BODY = (
    "A landslide blocked the mountain road between Orvik and Telma on Sunday night. "
    "Rescue teams cleared one lane after nine hours of work, the regional road agency said. "
    "Forty cars were stuck on the pass overnight and their passengers were taken to a school "
    "in Telma. 'We had never seen so much mud come down at once,' said the mayor of Orvik. "
    "Geologists will inspect the slope on Tuesday before the road fully reopens."
)
INDEPENDENT = (
    "Heavy rain triggered a landslide on the Orvik-Telma pass late on Sunday, stranding drivers. "
    "Crews needed about ten hours to open a single lane, according to the road agency. "
    "Around forty vehicles spent the night on the pass. 'We had never seen so much mud come "
    "down at once,' said the mayor of Orvik. Experts are due to examine the hillside."
)


def _art(
    aid: str,
    text: str,
    title: str = "Landslide",
    published: str | None = None,
    removed: list[str] | None = None,
) -> Article:
    return Article(
        id=aid,
        source=aid,
        title=title,
        language="en",
        published=published,
        text=text,
        removed=removed or [],
    )


def test_verbatim_copy_and_syndication_are_linked() -> None:
    original = _art("a1", BODY, published="2026-02-01", removed=["Share on X"])
    copy = _art("a2", BODY, published="2026-02-02", removed=["Share on X"])
    syndicated = _art(
        "a3",
        BODY,
        title="Mud closes pass",
        published="2026-02-02",
        removed=["Follow us", "© Valley Post"],
    )
    links = find_copies([original, copy, syndicated])
    pairs = {(link.original, link.derivative, link.relation) for link in links}
    assert ("a1", "a2", "copy") in pairs
    assert ("a1", "a3", "syndication") in pairs
    assert all(link.direction == "derived" for link in links if link.original == "a1")


def test_truncated_and_lightly_edited_copy_is_linked_to_the_longer_original() -> None:
    truncated = BODY.rsplit(". ", 2)[0] + "."
    edited = truncated.replace("Sunday night", "Sunday evening").replace("nine", "9")
    links = find_copies([_art("a1", BODY), _art("a2", edited)])
    assert len(links) == 1
    assert (links[0].original, links[0].derivative) == ("a1", "a2")
    assert "subset" in links[0].evidence


def test_independent_reports_sharing_a_quote_are_not_linked() -> None:
    assert find_copies([_art("a1", BODY), _art("a2", INDEPENDENT)]) == []


def test_groups_and_derived_from() -> None:
    arts = [
        _art("a1", BODY, published="2026-02-01"),
        _art("a2", INDEPENDENT),
        _art("a3", BODY, published="2026-02-03"),
    ]
    links = find_copies(arts)
    assert independence_groups(["a1", "a2", "a3"], links) == [["a1", "a3"], ["a2"]]
    apply_derivations(arts, links)
    assert arts[0].derived_from is None and arts[1].derived_from is None
    d = arts[2].derived_from
    assert d is not None and d.article == "a1" and d.relation == "copy" and d.score > 0.99


def test_same_date_same_length_direction_is_unknown() -> None:
    links = find_copies(
        [_art("a1", BODY, published="2026-02-01"), _art("a2", BODY, published="2026-02-01")]
    )
    assert links[0].direction == "unknown"


def test_date_only_cannot_order_two_copies_of_the_same_day() -> None:
    links = find_copies(
        [
            _art("a1", BODY, published="2026-02-01"),
            _art("a2", BODY, published="2026-02-01T09:30:00"),
        ]
    )
    assert links[0].direction == "unknown"
    links = find_copies(
        [
            _art("a1", BODY, published="2026-02-01T10:00:00"),
            _art("a2", BODY, published="2026-02-01T09:30:00"),
        ]
    )
    assert (links[0].original, links[0].direction) == ("a2", "derived")
