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
