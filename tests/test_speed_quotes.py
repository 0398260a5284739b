"""Quote speakers parse only what the rules leave open (claims/quotes.py). Texts are our own."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable

import pytest

from corroborator.claims.lang import get_lexicon
from corroborator.claims.lexicon import Lexicon
from corroborator.claims.quotes import _rule_speaker, _speaker_for, find_quotes, speaker_parser
from corroborator.nlp import spacy_available
from corroborator.nlp.base import Doc, Parser

needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")

_EN = get_lexicon("en")
assert _EN is not None
EN: Lexicon = _EN

# Every quote's speaker is one the rules are sure of.
EASY = (
    '"The water rose faster than anyone expected," said Marta Kovacs.\n\n'
    "The council met on Tuesday to discuss the flood barriers along the river.\n\n"
    'Ilse Brandt told reporters: "We will rebuild the lower bridge before the winter."\n\n'
    '"Nobody in the valley has seen a spring like this one," Weller said.'
)

# The first quote's speaker hides behind a title ("said Rep." stops the rules' window); a
# speech-verb sentence far from it is a candidate the parse of everything would read too.
HARD = (
    "Officials said the vote was delayed twice because of the storm that closed the roads "
    "into the capital for most of the week.\n\n"
    "The committee heard from farmers, engineers and two former ministers over three long "
    "days of hearings in the old town hall.\n\n"
    '"We cannot ask families to wait another year for a dry cellar," said Rep. Dana '
    "Whitlock of the budget committee.\n\n"
    '"The money is there and the plans are ready," Weller said.'
)


class Spy:
    """The real parser, recording the texts it is given."""

    name = "spacy"

    def __init__(self, inner: Parser) -> None:
        self.inner = inner
        self.lang = inner.lang
        self.texts: list[str] = []

    def parse(self, text: str) -> Doc:
        return self.pipe([text])[0]

    def pipe(self, texts: Iterable[str]) -> list[Doc]:
        batch = list(texts)
        self.texts.extend(batch)
        return self.inner.pipe(batch)


def _spy() -> Spy:
    inner = speaker_parser("en")
    assert inner is not None
    return Spy(inner)


def keys(text: str, **kw: object) -> list[str | None]:
    return [q.speaker_key for q in find_quotes(text, EN, **kw)]  # type: ignore[arg-type]


@needs_en
def test_quotes_the_rules_are_sure_of_are_not_parsed() -> None:
    spy = _spy()
    assert keys(EASY, parser=spy) == ["kovacs", "brandt", "weller"]
    assert spy.texts == []
    # Parsing everything gives the same speakers.
    assert keys(EASY, parser=_spy(), parse_all=True) == ["kovacs", "brandt", "weller"]


@needs_en
def test_only_sentences_near_an_open_quote_are_parsed() -> None:
    spy = _spy()
    assert keys(HARD, parser=spy) == ["whitlock", "weller"]
    parsed = " ".join(spy.texts)
    assert "Whitlock" in parsed
    assert "Officials said" not in parsed  # a candidate, but far from the open quote
    everything = _spy()
    assert keys(HARD, parser=everything, parse_all=True) == ["whitlock", "weller"]
    assert "Officials said" in " ".join(everything.texts)


@pytest.mark.parametrize(
    ("text", "speaker", "sure"),
    [
        ('"We will open the dam at noon," said Anna Novak.', "Anna Novak", True),
        ('"We will open the dam at noon," Novak said.', "Novak", True),
        ('Novak said: "We will open the dam at noon."', "Novak", True),
        ("“We will open the dam at noon.” ― Anna Novak\n", "Anna Novak", True),
        # cut at a title: the name goes on after the period
        ('"We will open the dam at noon," said Rep. Anna Novak.', "Rep", False),
        # more words after what the rules read as the name
        ('"We will open the dam at noon," said RTV host Anna Novak.', "RTV", False),
        # a quote that ends a sentence, then a new sentence's subject
        ('Dams are "a danger to the valley." Novak said the dam would open.', "Novak", False),
        # a lower-case phrase, not a name
        ('"We will open the dam at noon," the engineer said.', "the engineer", False),
    ],
)
def test_which_rule_speakers_are_sure(text: str, speaker: str, sure: bool) -> None:
    s = text.index(next(c for c in text if c in '"“'))
    e = next(i for i in range(s + 1, len(text)) if text[i] in '"”') + 1
    assert _rule_speaker(text, s, e, EN) == (speaker, sure)
    assert _speaker_for(text, s, e, EN) == speaker


@needs_en
def test_no_open_quote_loads_no_parser() -> None:
    """`compare` of articles whose quotes the rules settle pays no spaCy import."""
    code = (
        "import sys\n"
        "from corroborator.claims.lang import get_lexicon\n"
        "from corroborator.claims.quotes import find_quotes\n"
        f"qs = find_quotes({EASY!r}, get_lexicon('en'))\n"
        "print(len(qs), 'spacy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["3", "False"]
