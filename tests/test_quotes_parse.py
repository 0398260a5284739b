"""Quote speakers from the dependency parse (English, `nlp` extra). Sentences are our own."""

from __future__ import annotations

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quotes import candidate_chunks, find_quotes
from corroborator.nlp import spacy_available
from corroborator.nlp.neutral import NeutralParser

needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")

EN = get_lexicon("en")


def speakers(text: str, **kw: object) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_key) for q in find_quotes(text, EN, **kw)]  # type: ignore[arg-type]


@needs_en
@pytest.mark.parametrize(
    ("text", "key"),
    [
        # speaker after the quote, inverted, with a role and an appositive
        (
            '"We expect the bridge to reopen next week," said Tomas Lindqvist, a spokesman '
            "for the city council.",
            "lindqvist",
        ),
        # speaker after the quote, with a relative clause between name and verb
        (
            "“I have never seen the river this high,” Calloway, who has farmed the valley "
            "for forty years, told a local radio station.",
            "calloway",
        ),
        # speaker before the quote
        (
            "Harriet Okafor, the head of the port authority, told reporters on Friday: "
            '"Nothing will leave the docks until the inspection is finished."',
            "okafor",
        ),
        # a title and an initial inside the name ("Rep." and "E." are no sentence ends)
        (
            '"This is a waste of everybody\'s time and money," said Rep. Dana E. Whitlock '
            "of the budget committee.",
            "whitlock",
        ),
        # "according to"
        (
            "According to Nadia Petrov, the lead investigator, "
            '"the wiring had been faulty for years before the fire started."',
            "petrov",
        ),
        # a question, then the speaker in the next sentence of the parse
        (
            "“Why did nobody check the pumps before the storm arrived?” Weller demanded.",
            "weller",
        ),
    ],
)
def test_speaker_from_parse(text: str, key: str) -> None:
    [(speaker, got)] = speakers(text)
    assert got == key, speaker


@needs_en
@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a clause with no speech verb introduces the quote with a colon
        (
            "Mayor Ruth Calloway leaned towards the microphones and raised her voice: "
            '"Nobody in this valley will be forgotten."',
            "calloway",
        ),
        # a name alone before the colon
        ('Ilse Brandt: "The numbers were wrong from the very first day."', "brandt"),
        # a participle on a statement: whoever issued the statement speaks
        (
            "The Dunmore Rowing Club issued a statement on Monday describing the regatta as "
            '"the safest event we have ever organised on this river."',
            "club",
        ),
        # "shot back"
        ('"That is simply not what the report says," Weller shot back.', "weller"),
    ],
)
def test_speaker_without_a_listed_verb(text: str, key: str) -> None:
    [(speaker, got)] = speakers(text)
    assert got == key, speaker


@needs_en
def test_quote_paragraphs_back_to_back_continue() -> None:
    text = (
        '"We lost the east wing in under an hour," said Jonas Weller.\n\n'
        '"The west wing we saved, and the archive with it."'
    )
    assert [k for _, k in speakers(text)] == ["weller", "weller"]


@needs_en
def test_pronoun_speaker_resolved_to_earlier_speaker() -> None:
    text = (
        "Ruth Calloway, the mayor of Dunmore, said the district would be rebuilt by spring. "
        "Engineers inspected the dam on Tuesday.\n\n"
        '"We will not leave anyone behind in this town," she added.'
    )
    assert speakers(text) == [("Ruth Calloway", "calloway")]


@needs_en
def test_pronoun_of_organisation() -> None:
    text = (
        "The Northshore Water Company said the supply was safe. "
        '"There is no sign of contamination in any of our wells," it said in a statement.'
    )
    [(speaker, key)] = speakers(text)
    assert key == "company" and speaker is not None and "Northshore" in speaker


@needs_en
def test_continuation_quote_keeps_speaker() -> None:
    text = (
        '"The fire spread through the roof within minutes," said fire chief Marta Kovacs. '
        '"Our crews could only protect the houses next door."'
    )
    assert [k for _, k in speakers(text)] == ["kovacs", "kovacs"]


@needs_en
def test_parser_beats_rules_on_relative_clause() -> None:
    text = (
        "“I have never seen the river this high,” Calloway, who has farmed the valley "
        "for forty years, told a local radio station."
    )
    assert speakers(text, use_parser=False) != [("Calloway", "calloway")]
    assert speakers(text) == [("Calloway", "calloway")]


@needs_en
def test_scare_quotes_are_not_quotes() -> None:
    text = 'Officials said the plan was "on track" and would be finished in May.'
    assert find_quotes(text, EN) == []


def test_a_parser_without_dependencies_means_rule_path() -> None:
    text = '"We did what we could," said Anna Novak.'
    assert speakers(text, parser=NeutralParser("en")) == speakers(text, use_parser=False)


def test_speech_verb_forms() -> None:
    from corroborator.claims.quotes import _forms

    assert {"said", "says", "saying"} <= _forms("say")
    assert {"admitted", "admits", "admitting"} <= _forms("admit")
    assert {"replied", "replies"} <= _forms("reply")
    assert {"agreed", "agreeing"} <= _forms("agree")
    assert {"quipped", "noted", "told", "wrote", "written"} <= (
        _forms("quip") | _forms("note") | _forms("tell") | _forms("write")
    )


@needs_en
def test_parser_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborator.claims.quotes import PARSER_ENV, speaker_parser

    assert speaker_parser("en") is not None
    monkeypatch.setenv(PARSER_ENV, "off")
    assert speaker_parser("en") is None
    text = (
        "“I have never seen the river this high,” Calloway, who has farmed the valley "
        "for forty years, told a local radio station."
    )
    assert speakers(text) == speakers(text, use_parser=False)


def test_a_failing_parser_falls_back_to_rules() -> None:
    class Broken:
        name = "broken"
        lang = "en"

        def parse(self, text: str) -> None:
            raise RuntimeError("boom")

        def pipe(self, texts: object) -> None:
            raise RuntimeError("boom")

    text = '"We did what we could," said Anna Novak.'
    assert speakers(text, parser=Broken()) == speakers(text, use_parser=False)


def test_other_languages_keep_the_rule_path() -> None:
    from corroborator.claims.quotes import speaker_parser

    assert speaker_parser("de") is None and speaker_parser("fr") is None
    de = get_lexicon("de")
    assert de is not None
    [q] = find_quotes("„Wir tun alles, was wir können“, sagte Anna Novak.", de)
    assert q.speaker_key == "novak"


def test_only_candidate_sentences_are_parsed() -> None:
    text = (
        "The storm reached the coast at noon. Roads were closed in three counties.\n\n"
        'Emergency crews worked through the night. "We are stretched thin," said Ilse Brandt.\n\n'
        "Schools will reopen on Monday."
    )
    chunks = [text[s:e] for s, e in candidate_chunks(text, [], EN)]
    # the quote's sentence and its neighbour in the paragraph; not the other paragraphs
    assert chunks == [
        'Emergency crews worked through the night. "We are stretched thin," said Ilse Brandt.'
    ]
