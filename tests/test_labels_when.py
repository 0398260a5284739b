"""Labels of dates, times and durations read from a dependency parse (`compare.labels`)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.compare import labels
from corroborator.compare.align import align_story
from corroborator.compare.labels import when_anchor, when_label
from corroborator.model import Article, Extraction
from corroborator.nlp.base import Doc
from corroborator.nlp.registry import get_parser, spacy_available
from english_articles import english_article as _article

needs_parser = pytest.mark.skipif(
    not spacy_available("en"), reason="the English spaCy pipeline is not installed (extra nlp)"
)


def _parsed(sentence: str, value: str) -> tuple[Doc, int, int]:
    """The sentence parsed as `compare.align` parses it (lemmas on: labels and anchors share
    one cached parse), and the value's span in it."""
    doc = get_parser("en", entities=False, lemmas=True).parse(sentence)
    start = sentence.index(value)
    return doc, start, start + len(value)


def _label(sentence: str, value: str, kind: str = "date") -> str:
    return when_label(*_parsed(sentence, value), kind)


@needs_parser
@pytest.mark.parametrize(
    ("sentence", "value", "kind", "label"),
    [
        # the clause the value dates, with its subject (not "southern date")
        ("A storm struck northern Norland on Sunday, cutting power.", "Sunday", "date",
         "when a storm struck northern Norland"),
        ("The warehouse fire broke out at 9pm on Friday.", "9pm", "time",
         "what time the warehouse fire broke out"),
        # a second verb shares the first one's subject
        ("The fire broke out at 9pm and burned for three hours.", "three hours", "duration",
         "how long the fire burned"),
        ("Two guards were hurt on Monday when the van was rammed.", "Monday", "date",
         "when two guards were hurt"),
        # the noun the value qualifies
        ("Sunday's landslide blocked the coast road.", "Sunday", "date", "landslide date"),
        ("A May 19 hearing was set by the court.", "May 19", "date", "hearing date"),
        # a part of the day is the value's, not the event
        ("The ferry sank on Saturday night near the harbour.", "Saturday", "date",
         "when the ferry sank"),
        # a short phrase that completes the verb
        (
            "Crews brought the blaze under control on Friday.",
            "Friday",
            "date",
            "when crews brought the blaze under control",
        ),
        # a length that names no measured thing
        ("Lindqvist fell about 150 metres on Friday.", "150 metres", "distance", "how far Lindqvist fell"),
        ("Okoro broke loose for an 84-yard run.", "84-yard", "distance", "run distance"),
        # a common word opening the sentence in lower case; another figure is no part of it
        (
            "Violent clashes broke out for two hours on Sunday.",
            "two hours",
            "duration",
            "how long violent clashes broke out",
        ),
        ("Okoro ran for 120 yards and scored two goals on Sunday.", "Sunday", "date", "when Okoro scored"),
        # a possession, a statement's date or a state: no label from the parse
        ("Okoro has 317 rushing yards this season.", "317 rushing yards", "distance", ""),
        ("Police said on Friday that a man had been arrested.", "Friday", "date", ""),
        ("He was sure on Saturday that the deal was done.", "Saturday", "date", ""),
    ],
)  # fmt: skip
def test_when_labels_from_the_parse(sentence: str, value: str, kind: str, label: str) -> None:
    assert _label(sentence, value, kind) == label


def _story() -> tuple[dict[str, Article], dict[str, list[Extraction]]]:
    arts = {
        "a1": _article("a1", "A fire broke out at the Dunmore depot on Thursday, officials said."),
        "a2": _article(
            "a2", "Firefighters said a fire broke out at the Dunmore depot on Thursday."
        ),
    }
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    return arts, ext


@needs_parser
def test_a_corroborated_date_is_labelled_by_its_clause() -> None:
    arts, ext = _story()
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    (day,) = [c for c in claims if c.kind == "date"]
    assert day.verdict == "corroborated"
    assert day.label == "when a fire broke out"


@pytest.mark.parametrize("how", ["language", "setting"])
def test_without_a_parse_the_rule_label_stays(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    # a language without a parser, or `claims.parse_labels` off (no spaCy is loaded for it)
    if how == "language":
        monkeypatch.setattr(labels, "LABEL_LANGUAGES", frozenset())
    else:
        monkeypatch.setenv("CORROBORATOR_PARSE_LABELS", "off")
    arts, ext = _story()
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    (day,) = [c for c in claims if c.kind == "date"]
    assert day.label == next(e for e in ext["a1"] if e.kind == "date").label


def test_a_name_the_tagger_took_for_a_noun_keeps_its_capital() -> None:
    from corroborator.compare.labels import _restore_names

    article = "Marsh threw for 238 yards. Coach Tallis praised Ivo Marsh on Monday."
    assert _restore_names("how far marsh threw", article) == "how far Marsh threw"
    # a common noun the article also writes in lower case stays as it is
    article = "Roads were closed at noon. Police reopened the roads on Sunday; Main Roads Ltd said."
    assert _restore_names("when roads were closed", article) == "when roads were closed"


def _anchor(sentence: str, value: str) -> str:
    return when_anchor(*_parsed(sentence, value))


@needs_parser
@pytest.mark.parametrize(
    ("sentence", "value", "anchor"),
    [
        # the verb a date or duration belongs to, as a lemma
        ("The jury deliberated for 14 hours before the verdict.", "14 hours", "deliberate"),
        ("Voters approved the bond in 2009.", "2009", "approve"),
        # the noun it qualifies, or the noun the span is "of"
        ("Sunday's earthquake killed ten people.", "Sunday", "earthquake"),
        ("After 22 hours of deliberation, the jury was deadlocked.", "22 hours", "deliberation"),
        # a statement's date, or a state's, names no event
        ("Police said on Friday that the road was closed.", "Friday", ""),
        ("He was sure on Saturday.", "Saturday", ""),
    ],
)
def test_the_event_a_date_or_duration_belongs_to(sentence: str, value: str, anchor: str) -> None:
    assert _anchor(sentence, value) == anchor


@needs_parser
def test_durations_of_one_event_are_matched_by_it_not_by_a_nearby_word() -> None:
    """Two outlets give the jury's deliberation different lengths; the rules' heads were the
    words before the value ("Harrow", "jury"), the parse's event is one ("deliberate")."""
    texts = {
        "a1": "The jury in the Harrow trial deliberated for 36 hours before it gave up.",
        "a2": "Jurors in the courthouse case deliberated for 22 hours before the judge stepped in.",
    }
    arts = {aid: _article(aid, t) for aid, t in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    claims = align_story([["a1"], ["a2"]], ext, arts, None)
    (duration,) = [c for c in claims if c.kind == "duration"]
    assert duration.key == "deliberate duration"
    assert duration.verdict == "conflicting"
