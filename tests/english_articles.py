"""English test articles from made-up text: the `Article` that the claim and alignment tests
build from an id and a text (the id doubles as source and title), split into sentences as the
pipeline splits English, and the claims of one story of such articles."""

from __future__ import annotations

from corroborator.claims import extract_claims
from corroborator.compare.align import align_story
from corroborator.embed import Embedder
from corroborator.model import Article, Claim
from corroborator.text.sentences import split_sentences


def english_article(aid: str, text: str, published: str | None = "2026-05-02") -> Article:
    return Article(aid, aid, aid, "en", published, text, sentences=split_sentences(text, "en"))


def english_story(
    texts: dict[str, str], published: str | None = "2026-05-02", embedder: Embedder | None = None
) -> list[Claim]:
    """`align_story` over `texts` (article id -> text), one independence group each, with the
    claims `extract_claims` reads from each."""
    arts = {aid: english_article(aid, text, published) for aid, text in texts.items()}
    ext = {aid: extract_claims(a.text, a.sentences, "en", a.published) for aid, a in arts.items()}
    return align_story([[aid] for aid in arts], ext, arts, embedder)
