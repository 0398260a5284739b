"""Value forms of real news that were missed (issue 13, session 16), every sentence made up:
"killing two and wounding a third" (one more person), the edition of a named event ("the 41st
Harbour Jazz Festival"), a larger sum "to" a smaller one (two sums), a capitalised ordinal
before a name ("the Fifth Amendment protection": no place in a series)."""

from __future__ import annotations

import pytest

from corroborator.claims.extract import extract_claims
from corroborator.text.sentences import split_sentences
from english_articles import english_story


def _counts(text: str) -> list[tuple[str, float, str]]:
    return [
        (e.text, float(e.value), e.key)  # type: ignore[arg-type]
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "quantity"
    ]


def _one_more_span(span: str) -> bool:
    return span.lower().startswith(("a ", "another"))


@pytest.mark.parametrize(
    ("text", "span", "key"),
    [
        (
            "The gunman killed two guards and critically wounded a third.",
            "a third",
            "guard injured",  # what the number before it counted
        ),
        ("Masked men shot dead two and wounded a third.", "a third", "person injured"),
        (
            "He is accused of killing two cashiers and seriously injuring a third cashier.",
            "a third cashier",
            "cashier injured",
        ),
        (
            "The blast left two miners dead and a third miner injured.",
            "a third miner injured",
            "miner injured",
        ),
        ("Officers arrested two men, and a third man was detained later.", None, "man arrested"),
        ("Two hikers died and another was badly hurt.", None, "hiker injured"),
        ("One climber was killed and another hurt when a ledge gave way.", None, "climber injured"),
        ("Two of his brothers were killed and another was wounded.", None, "brother injured"),
        ("Police say three people were killed and a fourth injured.", None, "person injured"),
    ],
)
def test_one_more_person_after_a_count_is_a_count_of_one(
    text: str, span: str | None, key: str
) -> None:
    ones = [(t, k) for t, v, k in _counts(text) if v == 1.0 and _one_more_span(t)]
    assert len(ones) == 1
    assert ones[0][1] == key
    if span is not None:
        assert ones[0][0] == span


@pytest.mark.parametrize(
    "text",
    [
        "The club won two titles and claimed a third in May.",  # no harm done to anyone
        "They lost two games and won a third.",
        "He was hit twice and shot a third time.",
        "Police wounded a third suspect.",  # no count before it: which third?
        "Two were injured and a third of the homes were damaged.",  # a share, not a person
        "The striker scored two goals and another was disallowed.",
        # a share of a large total, not one more
        "Two thousand marchers crossed the bridge, and a third were arrested.",
        "Some 2,000 fans fell ill and a third were hospitalised.",
        # a time, not a person
        "A clerk was arrested in 2019 and arrested a second time in 2023.",
        # "another" that does something to others
        "One bomb exploded at the market and another killed five soldiers.",
        "One suspect fled, and another shot two officers.",
    ],
)
def test_an_ordinal_that_counts_on_from_nothing_harmful_is_no_count(text: str) -> None:
    assert [t for t, v, _ in _counts(text) if v == 1.0 and _one_more_span(t)] == []


@pytest.mark.parametrize(
    ("text", "edition"),
    [
        ("She will host the 41st Harbour Jazz Festival in June.", 41.0),
        ("Nominations for the 12th annual Lantern Awards were announced.", 12.0),
        ("The 50th Super Bowl was played in February.", 50.0),
        ("Delegates met for the twentieth Party Congress.", 20.0),
    ],
)
def test_the_edition_of_a_named_event_is_read(text: str, edition: float) -> None:
    assert [(v, k) for _, v, k in _counts(text)] == [(edition, "edition number")]


@pytest.mark.parametrize(
    "text",
    [
        "He served in the 82nd Airborne Division.",  # a unit's name
        "Officers of the 104th Precinct responded.",
        "It was the third Lantern Awards she had hosted.",  # her count, not the edition
        "The first Harbour Jazz Festival was held in 1988.",  # a first is no claim
        "Vance, competing at her fourth Olympics, won gold.",  # her count
        "Kessler won the third Super Bowl ring of his career.",
        "Mara Quill won the 73rd Assembly District seat.",  # names
        "Crowds filled the 14th Street Festival.",
        "Delegates cited the Fourth Geneva Convention.",
    ],
)
def test_ordinals_of_names_that_are_no_edition_read_nothing(text: str) -> None:
    assert [k for _, _, k in _counts(text) if k == "edition number"] == []


def test_two_editions_of_one_event_are_two_facts_not_a_conflict() -> None:
    texts = {
        "a1": "Mira Sole will host the 41st Harbour Jazz Festival, the organisers said.",
        "a2": "The organisers said Mira Sole, who hosted the 40th Harbour Jazz Festival, returns.",
        "a3": "Mira Sole will host the 41st Harbour Jazz Festival in June.",
    }
    claims = [c for c in english_story(texts) if c.kind == "quantity"]
    assert {c.verdict for c in claims} <= {"corroborated", "single_source"}
    by_value = {tuple(sorted({m.value for m in c.mentions})): c.verdict for c in claims}
    assert by_value[(41.0,)] == "corroborated"


def test_a_larger_sum_to_a_smaller_one_is_no_range() -> None:
    # a comparison of two sides ("outraised her $3.1 million to $140,000"), not a range: the
    # subject's sum is read, the other side's (whose is not read) goes with it
    text = "Mr. Orrin outraised his rival $3.1 million to $140,000 before the primary."
    money = [
        (e.value, e.low, e.high)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "money"
    ]
    assert money == [(3_100_000.0, 3_100_000.0, 3_100_000.0)]
    # ... while a range upwards stays one value, and counts are left as they were
    text = "The repairs will cost $2 to $3 million."
    money = [
        (e.low, e.high)
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "money"
    ]
    assert money == [(2_000_000.0, 3_000_000.0)]


@pytest.mark.parametrize(
    "text",
    [
        "The witness may cite the Fifth Amendment right to stay silent.",
        "She moved into the bank's Second Avenue office.",
    ],
)
def test_a_capitalised_ordinal_before_a_name_is_part_of_the_name(text: str) -> None:
    assert [k for _, _, k in _counts(text) if k.endswith("number")] == []


def test_an_ordinal_in_digits_before_a_name_still_counts_a_series() -> None:
    assert [(v, k) for _, v, k in _counts("It was her 12th Grand Slam title.")] == [
        (12.0, "title number")
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Commandos detained 14 Ruritanian and 6 Kenyan sailors on the dhow.", "14 Ruritanian"),
        ("The ship carried 9 Somali and 3 Sudanese nationals.", "9 Somali"),
    ],
)
def test_the_first_of_two_nationalities_counts_the_noun_after_the_second(
    text: str, first: str
) -> None:
    counts = _counts(text)
    assert len(counts) == 2
    assert counts[0][0] == first
    assert counts[0][2].split()[0] == counts[1][2].split()[0]  # one counted noun


def test_the_count_of_the_first_nationality_keeps_its_verb() -> None:
    counts = _counts("The crash killed 12 Finnish and 4 Swedish tourists.")
    assert counts[0] == ("12 Finnish", 12.0, "tourist killed")


def test_a_group_with_a_nationality_ending_counts_nothing_after_it() -> None:
    counts = _counts("Clashes killed 4 Taliban and 2 Ruritanian soldiers.")
    assert [v for _, v, k in counts if k.startswith("soldier")] == [2.0]


def test_two_nationalities_without_a_noun_after_them_count_nothing_more() -> None:
    # no plural noun after the second: what the first counts is not told here
    assert [t for t, _, _ in _counts("He beat 12 Danish and 11 Polish.")] == []


@pytest.mark.parametrize(
    ("text", "yes", "no"),
    [
        ("The jurors deadlocked with ten in favor of a life term and two against.", 10.0, 2.0),
        ("The board split, with 7 members in favour and 5 opposed.", 7.0, 5.0),
        ("Eight justices were in favor and one was against.", 8.0, 1.0),
    ],
)
def test_a_tally_written_out_is_votes_for_and_against(text: str, yes: float, no: float) -> None:
    votes = {k: v for _, v, k in _counts(text) if k.startswith("votes")}
    assert votes == {"votes in favour": yes, "votes against": no}


def test_shares_for_and_against_are_no_tally() -> None:
    counts = _counts("The poll found 60 percent in favor and 30 percent against.")
    assert [k for _, _, k in counts if k.startswith("votes")] == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ostrava's 31st mayor took office on Monday.", "mayor number"),
        ("Her 12th season began in March.", "season number"),
    ],
)
def test_an_irregular_verb_ends_the_phrase_of_a_place_in_a_series(text: str, key: str) -> None:
    assert [k for _, _, k in _counts(text) if k.endswith("number")] == [key]


def _story(texts: dict[str, str]) -> list[tuple[str, list[tuple[str, object]]]]:
    return [
        (c.verdict, [(m.article, m.value) for m in c.mentions])
        for c in english_story(texts)
        if c.kind == "quantity"
    ]


def test_one_more_of_the_things_counted_is_no_total_of_people() -> None:
    claims = _story(
        {
            "a1": "Gunmen stormed the Velmora depot, killing two guards and wounding a third.",
            "a2": "Gunmen stormed the Velmora depot on Sunday and wounded four people.",
        }
    )
    assert "conflicting" not in {verdict for verdict, _ in claims}


def test_one_edition_number_of_two_events_is_no_corroboration() -> None:
    claims = _story(
        {
            "a1": "Mara Quill will host the 12th Lantern Awards, organisers said on Monday.",
            "a2": "Mara Quill chairs the 12th Velmora Film Festival, organisers said on Monday.",
        }
    )
    assert {verdict for verdict, _ in claims} == {"single_source"}


def test_the_letters_of_a_digit_ordinal_are_no_head_of_a_date() -> None:
    text = "She became the city's 31st mayor on Monday."
    dates = [
        e.key
        for e in extract_claims(text, split_sentences(text, "en"), "en", "2026-05-02")
        if e.kind == "date"
    ]
    assert dates and not any(k.split()[0] in ("st", "nd", "rd", "th") for k in dates)


@pytest.mark.parametrize(
    ("text", "factor", "key"),
    [
        ("Her blood-alcohol level was more than four times the legal limit.", 4.0, "legal limit"),
        ("Ozone readings reached twice the safe level on Monday.", 2.0, "safe level"),
        ("The hall held 3.5 times its capacity.", 3.5, "capacity"),
    ],
)
def test_a_multiple_of_a_measure_is_its_factor(text: str, factor: float, key: str) -> None:
    assert [(v, k) for _, v, k in _counts(text)] == [(factor, f"times the {key}")]


@pytest.mark.parametrize(
    "text",
    ["He scored five times the last season.", "He was stopped three times the same night."],
)
def test_times_before_no_measure_is_no_multiple(text: str) -> None:
    assert [k for _, _, k in _counts(text) if k.startswith("times the")] == []


def test_two_multiples_of_one_limit_conflict() -> None:
    claims = _story(
        {
            "a1": "Police said the driver's blood-alcohol level was six times the legal limit.",
            "a2": "The driver's blood-alcohol level was three times the legal limit, police said.",
        }
    )
    assert ("conflicting", [("a1", 6.0), ("a2", 3.0)]) in claims


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Police detained 30 marchers, and 12 of them were later charged.", "marcher charged"),
        ("Police detained 30 marchers, and 12 of them were injured.", "marcher injured"),
        ("Police detained 30 marchers, and 12 of them fled.", "marcher"),
    ],
)
def test_a_part_of_a_count_keeps_what_happened_to_the_part(text: str, key: str) -> None:
    counts = _counts(text)
    assert counts[0][2] == "marcher arrested"
    assert counts[1][:2] == ("12 of them", 12.0) and counts[1][2] == key
