"""Quote speakers in context: pronouns, titles, abbreviations, and fragments that are no quotes.

Every sentence here is made up (fictional people and places).
"""

from __future__ import annotations

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quotes import find_quotes
from corroborator.nlp import spacy_available

needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")

EN = get_lexicon("en")


def keys(text: str, **kw: object) -> list[str | None]:
    return [q.speaker_key for q in find_quotes(text, EN, **kw)]  # type: ignore[arg-type]


@needs_en
def test_pronoun_goes_to_the_subject_before_it_not_the_last_person_quoted() -> None:
    text = (
        '"The van was parked here for weeks," said Tomas Lindqvist, a shop owner.\n\n'
        "Speaking at the town hall on Friday, Peter Hale praised the firefighters.\n\n"
        '"These fires have no place in our town," he said.'
    )
    assert keys(text) == ["lindqvist", "hale"]


@needs_en
def test_pronoun_skips_a_subject_of_the_other_gender() -> None:
    text = (
        '"We will rebuild the school," said Mr. Oduya.\n\n'
        "Hanna Brandt, a nurse from Dunmore, drove to the shelter with blankets.\n\n"
        '"For us, this is about who we are as a town," she said.'
    )
    assert keys(text) == ["oduya", "brandt"]


@needs_en
def test_pronoun_after_two_people_of_one_gender_is_unknown() -> None:
    text = (
        "Peter Hale and Tomas Lindqvist toured the flooded mill on Monday.\n\n"
        '"We have never seen damage like this in the valley," he said.'
    )
    assert keys(text) == [None]


@needs_en
def test_pronoun_chain_reaches_back_to_the_name() -> None:
    text = (
        "Jonas Weller said the dam had held through the night. "
        "He added that the river had already peaked.\n\n"
        '"We were lucky this time, and we know it," he said.'
    )
    assert keys(text) == ["weller"]


@needs_en
def test_main_clause_subject_wins_over_an_embedded_one() -> None:
    text = (
        '"The pumps failed twice," said Oskar Lind.\n\n'
        "Councillor Ruth Calloway, who backed the plan, said the effort to remove Lind "
        "was not a failure.\n\n"
        '"We got what we wanted from this vote," she said.'
    )
    assert keys(text)[-1] == "calloway"


@needs_en
def test_a_role_is_linked_to_the_name_it_introduced() -> None:
    text = (
        "President Ilse Varga visited the harbour on Monday.\n\n"
        '"Trade will resume on Monday and the port will stay open," the president said.'
    )
    assert keys(text) == ["varga"]


@needs_en
def test_a_title_abbreviation_is_linked_to_its_role() -> None:
    text = (
        "Rep. Ann Lee of Dunmore opposed the bill.\n\n"
        '"This bill will not pass in its present form," the congresswoman said.'
    )
    assert keys(text) == ["lee"]


def test_honorific_after_a_quote_is_no_sentence_end() -> None:
    text = '"The budget is balanced at last," Mr. Okafor said.'
    assert keys(text, use_parser=False) == ["okafor"]


def test_one_word_quote_is_no_claim() -> None:
    text = 'A spokeswoman for the port authority called the talks "positive," and left.'
    assert find_quotes(text, EN) == []


def test_short_quote_inside_a_running_sentence_is_a_fragment() -> None:
    text = "Asked about the inquiry, Mayor Hale said he favoured “total transparency.”"
    assert find_quotes(text, EN) == []
    # the same words starting their own sentence are an utterance
    text = "“Total transparency, always,” Mayor Hale said."
    assert keys(text) == ["hale"]


def test_nickname_in_quotes_is_no_claim() -> None:
    text = 'The senator dubbed his rival "Little Captain Chaos," to laughter from the crowd.'
    assert find_quotes(text, EN) == []


def test_title_of_a_work_is_no_claim() -> None:
    text = (
        'In her memoir "The Long Road Home to Dunmore" the former mayor describes the '
        "flood of 1998."
    )
    assert find_quotes(text, EN) == []


def test_capitalised_shouting_is_still_a_quote() -> None:
    text = 'Mr. Hale posted online that there had been "NO FLOOD and NO DAMAGE," again.'
    assert [q.content for q in find_quotes(text, EN)] == ["NO FLOOD and NO DAMAGE,"]


@needs_en
def test_an_inner_clause_subject_does_not_break_a_pronoun_chain() -> None:
    text = (
        "Rep. Tomas Lindqvist, who opposes the dam, spoke on Monday. "
        "He said Varga was plainly picking a side in the dispute.\n\n"
        '"Everyone agrees the valley needs water. The question is how," he told reporters.'
    )
    assert keys(text) == ["lindqvist"]


@needs_en
def test_a_role_held_by_two_people_is_read_from_the_sentence_before() -> None:
    text = (
        "President Ilse Varga met President Jonas Weller of Nordland on Monday.\n\n"
        "Later, Weller welcomed the agreement on the river.\n\n"
        '"This is very good news for both of our countries," the president said.'
    )
    assert keys(text) == ["weller"]


def test_a_vice_president_is_not_the_president() -> None:
    from corroborator.claims.quotes import _role_names

    text = "President Ilse Varga and Vice President Jonas Weller spoke. The president said"
    assert _role_names(text, len(text), "the president", EN) == ["Ilse Varga"]


def test_a_stray_straight_quote_mark_does_not_pair_across_the_narration() -> None:
    """A straight double quote left open (bad markup) must not pair with one a paragraph
    away and turn the narration between into a quote; a long real quote still pairs."""
    narration = " ".join(
        f"Marchers filled square number {k} and the police counted them as the day went on."
        for k in range(12)
    )  # about 1,000 characters
    stray = f'The union leader spoke at noon. " {narration} The deputy told reporters: "We will strike again."'
    spans = [q.content for q in find_quotes(stray, EN, use_parser=False)]
    assert all("Marchers" not in s for s in spans)
    long_quote = " ".join(f"We will march on day {k} and every day after it." for k in range(12))
    real = f'The union leader said: "{long_quote}" The crowd cheered.'
    assert [len(q.content) > 500 for q in find_quotes(real, EN, use_parser=False)] == [True]


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the wall before winter," said Monday at a briefing.',
        '"We will rebuild the wall before winter," said Tuesday.',
    ],
)
def test_a_day_is_no_speaker(text: str) -> None:
    """ "said Monday" says when, not who: no holder."""
    assert keys(text) == [None]


def test_a_name_that_starts_with_a_month_is_a_speaker() -> None:
    assert keys('"We will rebuild the wall before winter," said May Ortiz.') == ["ortiz"]
