"""The parse contract every backend fills: `Doc` of `Token`s and `Entity`s, and `Parser`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Token:
    """One token. `start`/`end` are character offsets into `Doc.text` (end exclusive).

    `head` is the index (into `Doc.tokens`) of the syntactic head; a root, or any token of a
    backend without a parser, is its own head. `pos` is a Universal POS tag ("" if unknown),
    `dep` a dependency label in the backend's scheme ("" without a parser).
    """

    text: str
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: character offsets into `Doc.text` and the backend's label."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Doc:
    """A parsed text. `sentences` are (first token, last token + 1) index pairs."""

    text: str
    lang: str
    backend: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    # Each token's children, built once (quote speakers walk subtrees: a scan of every token
    # per step made that quadratic in the sentence length).
    _children: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for j, t in enumerate(self.tokens):
            if t.head != j and 0 <= t.head < len(kids):
                kids[t.head].append(j)
        object.__setattr__(self, "_children", tuple(tuple(k) for k in kids))

    @property
    def has_parse(self) -> bool:
        return any(t.dep for t in self.tokens)

    def children(self, i: int) -> list[int]:
        """Indices of the tokens whose head is token `i` (never `i` itself), in order."""
        return list(self._children[i]) if 0 <= i < len(self._children) else []

    def subtree(self, i: int, cut: frozenset[str] = frozenset()) -> list[int]:
        """Indices of token `i` and every token below it, in text order, leaving out the
        branches whose dependency label is in `cut` (and all below them)."""
        out = [i]
        stack = [i]
        while stack:
            for k in self.children(stack.pop()):
                if self.tokens[k].dep not in cut:
                    out.append(k)
                    stack.append(k)
        return sorted(out)

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering character `offset`, or None."""
        for j, t in enumerate(self.tokens):
            if t.start <= offset < t.end:
                return j
        return None


@runtime_checkable
class Parser(Protocol):
    """What the rest of the engine needs from a parse backend."""

    name: str
    lang: str

    def parse(self, text: str) -> Doc: ...

    def pipe(self, texts: Iterable[str]) -> list[Doc]: ...
