"""The language-neutral backend: regex tokens, `simplemma` lemmas, cheap POS only.

No dependency parse and no entities: `dep` is "" and every token is its own head. POS is
"PUNCT", "NUM" or "" (unknown). Lemmas come from `simplemma` when it is installed and knows the
language (its first call per language loads a dictionary, about 1-2 s); otherwise the lower-cased
token is the lemma.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from corroborator.nlp.base import Doc, Token

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
# The languages simplemma 2.0 ships dictionaries for (its SUPPORTED_LANGUAGES).
_SIMPLEMMA_LANGS = frozenset(
    [
        "ar",
        "ast",
        "bg",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "el",
        "en",
        "enm",
        "eo",
        "es",
        "et",
        "fa",
        "fi",
        "fr",
        "ga",
        "gd",
        "gl",
        "grc",
        "gv",
        "hbs",
        "he",
        "hi",
        "hu",
        "hy",
        "id",
        "is",
        "it",
        "ka",
        "la",
        "lb",
        "lt",
        "lv",
        "mk",
        "ml",
        "ms",
        "nb",
        "nl",
        "nn",
        "pl",
        "pt",
        "ro",
        "ru",
        "se",
        "sk",
        "sl",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "uk",
    ]
)


@lru_cache(maxsize=64)
def _lemmatizer(lang: str) -> Callable[[str], str] | None:
    if lang not in _SIMPLEMMA_LANGS:
        return None
    try:
        simplemma = importlib.import_module("simplemma")
    except ImportError:
        return None

    def lemma(word: str) -> str:
        return str(simplemma.lemmatize(word, lang=lang))

    return lemma


class NeutralParser:
    """Tokens by regex for any language; see the module doc."""

    name = "neutral"

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def parse(self, text: str) -> Doc:
        lemma = _lemmatizer(self.lang)
        tokens: list[Token] = []
        for m in _TOKEN.finditer(text):
            w = m.group()
            if w[0].isalnum() or w[0] == "_":
                pos = "NUM" if w.replace(".", "").replace(",", "").isdigit() else ""
                lem = w.lower() if lemma is None or pos == "NUM" else lemma(w).lower()
            else:
                pos, lem = "PUNCT", w
            i = len(tokens)
            tokens.append(Token(w, m.start(), m.end(), lem, pos, "", i))
        return Doc(text, self.lang, self.name, tuple(tokens), (), _sentences(tokens))

    def pipe(self, texts: Iterable[str]) -> list[Doc]:
        return [self.parse(t) for t in texts]


def _sentences(tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    first = 0
    for i, t in enumerate(tokens):
        if t.text in {".", "!", "?"} and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
            out.append((first, i + 1))
            first = i + 1
    if first < len(tokens):
        out.append((first, len(tokens)))
    return tuple(out)
