"""English test articles from made-up text: the `Article` that the claim and alignment tests
build from an id and a text (the id doubles as source and title), split into sentences as the
pipeline splits English."""

from __future__ import annotations

from corroborator.model import Article
from corroborator.text.sentences import split_sentences


def english_article(aid: str, text: str, published: str = "2026-05-02") -> Article:
    return Article(aid, aid, aid, "en", published, text, sentences=split_sentences(text, "en"))
