"""Text without sentence breaks, and bodies far longer than any report, stay cheap to read:
sentences are capped (the cut recorded), bodies are cut (the cut recorded), and token lookups
by offset agree with a plain scan."""

from __future__ import annotations

import random

from corroborator.claims import extract_claims
from corroborator.claims.tokens import tokenize, tokens_after, tokens_before
from corroborator.model import RawDocument
from corroborator.pipeline import MAX_ARTICLE_CHARS, prepare
from corroborator.text.sentences import MAX_SENTENCE_CHARS, split_sentences


def _run_on(n_chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    words = [
        "the",
        "harbour",
        "council",
        "said",
        "that",
        "crews",
        "counted",
        "boats",
        "and",
        "12",
        "nets",
        "near",
        "the",
        "pier",
    ]
    out, size = [], 0
    while size < n_chars:
        w = rng.choice(words) if rng.random() > 0.1 else str(rng.randint(2, 900))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def test_run_on_text_is_cut_into_capped_sentences_that_cover_it():
    text = _run_on(5 * MAX_SENTENCE_CHARS + 123)
    cuts: list[int] = []
    sents = split_sentences(text, "en", cuts)
    assert len(sents) >= 5
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sents)
    assert all(text[s.start : s.end] == s.text for s in sents)
    assert len(cuts) == len(sents) - 1
    # every non-space character is in exactly one sentence, in order
    assert "".join(s.text for s in sents).replace(" ", "") == text.replace(" ", "")
    # cut at spaces: no word is split
    assert all(text[c - 1] == " " or text[c] == " " for c in cuts)


def test_normal_sentences_are_not_cut():
    text = "The fire burned for two days. Crews from 12 towns helped. " * 40
    cuts: list[int] = []
    sents = split_sentences(text, "en", cuts)
    assert cuts == []
    assert len(sents) == 80


def test_text_without_spaces_gets_a_hard_cut():
    text = "x" * (2 * MAX_SENTENCE_CHARS + 10)
    sents = split_sentences(text, "en")
    assert [s.end - s.start for s in sents] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 10]


def test_prepare_records_sentence_cuts_and_reads_claims_in_every_piece():
    body = _run_on(3 * MAX_SENTENCE_CHARS)
    art = prepare(RawDocument(source="run-on.txt", text="Harbour count\n\n" + body), "a1")
    assert any(r.startswith("[cut:") and "split every" in r for r in art.removed)
    found = extract_claims(art.text, art.sentences, art.language, art.published, False)
    # values are read in every long piece, not only in the first
    assert len({e.sentence_index for e in found}) >= 3


def test_prepare_cuts_a_body_longer_than_the_cap_and_says_so():
    body = _run_on(MAX_ARTICLE_CHARS + 50_000)
    art = prepare(RawDocument(source="dump.txt", text="Dump\n\n" + body), "a1")
    assert len(art.text) <= MAX_ARTICLE_CHARS
    notes = [r for r in art.removed if "were not analysed" in r]
    assert len(notes) == 1
    assert body.startswith(art.text)


def test_token_lookups_by_offset_match_a_scan():
    rng = random.Random(3)
    text = _run_on(600, seed=5) + ", 4.5 km; (done)."
    tokens = tokenize(text)
    for pos in [0, len(text), *rng.sample(range(len(text)), 60)]:
        assert tokens_before(tokens, pos) == [t for t in tokens if t.end <= pos]
        assert tokens_after(tokens, pos) == [t for t in tokens if t.start >= pos]
        assert tokens_after(tokens, pos, 3) == [t for t in tokens if t.start >= pos][:3]


def test_an_html_title_longer_than_the_bound_is_cut_and_the_cut_listed():
    from corroborator.pipeline import MAX_TITLE_CHARS

    html = (
        "<html><head><title>" + "Harbour " * 5000 + "</title></head><body>"
        "<p>The fire burned for two days and crews from 12 towns fought it near the mill.</p>"
        "<p>Residents were evacuated from 40 homes on the north bank of the river.</p>"
        "</body></html>"
    )
    art = prepare(RawDocument(source="long-title.html", html=html), "a1")
    assert MAX_TITLE_CHARS - 1 <= len(art.title) <= MAX_TITLE_CHARS  # then stripped
    assert any("title of" in r for r in art.removed)


def test_free_form_publication_dates_never_depend_on_the_day_of_the_run():
    from corroborator.pipeline import normalise_published

    # relative or yearless strings would be read against today's date
    for junk in ["1e308", "-1", "2 days ago", "yesterday", "Sunday", "12 December"]:
        assert normalise_published(junk) is None, junk
    assert normalise_published("Tue, 03 Mar 2026 10:00:00 GMT") == "2026-03-03"
    assert normalise_published("3 mars 2026") == "2026-03-03"
    assert normalise_published("March 2024") == "2024-03-01"
