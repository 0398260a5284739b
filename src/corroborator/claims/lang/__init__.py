"""Language registry: one `Lexicon` per ISO 639-1 code.

To add a language, write `claims/lang/<code>.py` exposing `LEXICON` and add it to `_MODULES`.
Modules are imported lazily so an unused language costs nothing.
"""

from __future__ import annotations

import importlib
from functools import cache

from corroborator.claims.lexicon import Lexicon

_MODULES = {
    code: f"corroborator.claims.lang.{code}" for code in ("de", "en", "es", "fr", "pl", "ru")
}


def supported_languages() -> list[str]:
    """Codes with a full lexicon; other languages get language-neutral extraction only."""
    return sorted(_MODULES)


@cache
def get_lexicon(language: str | None) -> Lexicon | None:
    """The lexicon for a language code ('en', 'en-GB', 'EN'), or None if unsupported."""
    if not language:
        return None
    code = language.strip().lower().replace("_", "-").split("-")[0]
    module = _MODULES.get(code)
    if module is None:
        return None
    lex: Lexicon = importlib.import_module(module).LEXICON
    return lex


@cache
def words_of_every_language(field: str) -> frozenset[str]:
    """The lower-cased words of one lexicon table (`Lexicon.<field>`: a set, or a mapping's
    keys) over every supported language: "stopwords", "duration_units", ..."""
    out: set[str] = set()
    for code in supported_languages():
        lex = get_lexicon(code)
        if lex is not None:
            out.update(w.lower() for w in getattr(lex, field))
    return frozenset(out)
