"""Parse requests of several texts answered by one parser call.

Code that needs a parse in the middle of its work (the quote speakers of an article: first
the speech-cue sentences, then, from what they say, the sentences before a "he said") is
written as a generator: it yields a `ParseRequest` and receives the parsed `Doc`s, in order.
`run_parses` answers one such generator at once (one article, as before); `run_parses_many`
advances several in lockstep and answers the requests they make at the same point with one
`Parser.pipe` call per parser (the 16 articles of a preparation chunk: one spaCy call per
phase instead of one per article, which saves spaCy's fixed cost per call and fills its
batches).

Both give the same results: a parse depends on its text alone (spaCy's output for a text does
not depend on the other texts of its batch; checked on 2,000 real articles and in
tests/test_speed_batch.py), every generator sees the same answers in the same order, and a
failing batch call is retried text by text, so a parser error reaches only the generator
whose text caused it, thrown at its request as a direct call would raise it.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from corroborator.nlp.base import Doc, Parser

T = TypeVar("T")


@dataclass(frozen=True)
class ParseRequest:
    """Parse `texts` with `parser`; the generator receives their `Doc`s in order."""

    parser: Parser
    texts: list[str]


#: Work that asks for parses along the way and returns a T.
Parsing = Generator[ParseRequest, list[Doc], T]


def run_parses(work: Parsing[T]) -> T:
    """Run `work`, answering each of its parse requests with one `pipe` call."""
    try:
        request = next(work)
        while True:
            try:
                docs = request.parser.pipe(request.texts)
            except Exception as exc:  # raised where the request was made
                request = work.throw(exc)
            else:
                request = work.send(docs)
    except StopIteration as stop:
        return stop.value


def run_parses_many(works: Sequence[Parsing[T]]) -> list[T]:
    """Run every generator of `works` to its end and return their results in order.

    At each round, the requests made to the same parser (the same object) are parsed in one
    `pipe` call, in the order of `works`. Exceptions other than a parse error propagate as
    from `run_parses` (the callers' generators catch their own)."""
    results: list[T | None] = [None] * len(works)
    waiting: dict[int, ParseRequest] = {}

    def advance(i: int, step: Generator[ParseRequest, list[Doc], T], docs: object) -> None:
        """Send `docs` (None: start; an exception: throw it) and note the next request."""
        try:
            if docs is None:
                request = next(step)
            elif isinstance(docs, Exception):
                request = step.throw(docs)
            else:
                request = step.send(docs)  # type: ignore[arg-type]
        except StopIteration as stop:
            results[i] = stop.value
            waiting.pop(i, None)
        else:
            waiting[i] = request

    for i, work in enumerate(works):
        advance(i, work, None)
    while waiting:
        groups: dict[int, list[int]] = {}
        for i in sorted(waiting):
            groups.setdefault(id(waiting[i].parser), []).append(i)
        for members in groups.values():
            parser = waiting[members[0]].parser
            texts = [t for i in members for t in waiting[i].texts]
            answers: list[object]
            try:
                docs = parser.pipe(texts)
                if len(docs) != len(texts):
                    raise ValueError(f"{len(docs)} docs for {len(texts)} texts")
            except Exception:  # one text's error must reach its own generator only
                answers = [_parse_alone(waiting[i]) for i in members]
            else:
                answers, at = [], 0
                for i in members:
                    n = len(waiting[i].texts)
                    answers.append(docs[at : at + n])
                    at += n
            for i, answer in zip(members, answers, strict=True):
                advance(i, works[i], answer)
    return results  # type: ignore[return-value]


def _parse_alone(request: ParseRequest) -> list[Doc] | Exception:
    try:
        return request.parser.pipe(request.texts)
    except Exception as exc:
        return exc
