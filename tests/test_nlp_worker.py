"""The spaCy pipeline in a child process (`nlp.worker`): the same parses as in process, a clean
fallback when the child cannot serve, and no child left behind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from corroborator.nlp import worker
from corroborator.nlp.registry import SPACY_PACKAGES, spacy_available
from corroborator.nlp.spacy_backend import PARSES, SpacyParser

pytestmark = pytest.mark.skipif(not spacy_available("en"), reason="English spaCy pipeline absent")

PACKAGE = SPACY_PACKAGES["en"]
SENTENCES = [
    "Fire chief Ana Ruiz said 40 firefighters were sent to the warehouse on Friday.",
    '"We will rebuild," Mayor Piet Arlen told reporters in Dunmore.',
    "The blaze started at about 9pm and burned for two days.",
]


@pytest.fixture(autouse=True)
def _no_children(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(worker.ENV, raising=False)
    # another test may have loaded the pipeline in this process, which stops `prestart`
    monkeypatch.setattr("corroborator.nlp.spacy_backend.is_loaded", lambda package: False)
    worker.shutdown()
    PARSES.clear()
    yield
    worker.shutdown()
    PARSES.clear()


@pytest.mark.parametrize(("entities", "lemmas"), [(True, True), (False, False), (True, False)])
def test_a_parse_made_in_the_child_is_the_parse_made_here(entities: bool, lemmas: bool) -> None:
    assert worker.prestart({"en"}) == [PACKAGE]
    parser = SpacyParser("en", PACKAGE, entities=entities, lemmas=lemmas)
    remote = worker.parse_remote(PACKAGE, SENTENCES, parser._disable, parser.batch_size)
    assert remote is not None and worker.running() == [PACKAGE]
    worker.shutdown()
    PARSES.clear()
    here = parser.pipe(SENTENCES)  # no child: the pipeline loaded in this process
    assert remote == here
    assert any(t.dep for t in here[0].tokens)
    assert bool(here[0].entities) == entities


def test_the_parser_uses_the_child_and_caches_its_parses() -> None:
    worker.prestart({"en"})
    parser = SpacyParser("en", PACKAGE)
    first = parser.pipe(SENTENCES)
    misses = PARSES.misses
    assert parser.pipe(SENTENCES) == first and PARSES.misses == misses
    assert worker.running() == [PACKAGE]


def test_a_child_that_dies_leaves_the_parse_to_this_process() -> None:
    worker.prestart({"en"})
    child = worker._WORKERS[PACKAGE]
    assert child.proc is not None
    child.proc.kill()
    child.proc.wait()
    parser = SpacyParser("en", PACKAGE)
    docs = parser.pipe(SENTENCES[:1])  # the child fails: parsed here instead
    assert docs and docs[0].tokens
    assert worker.running() == []
    assert worker.parse_remote(PACKAGE, SENTENCES, [], 8) is None


def test_a_child_that_cannot_load_its_pipeline_says_so() -> None:
    child = worker._Worker("en", "no_such_spacy_package")
    try:
        assert child.pipe(["A sentence."], [], 8) is None
        assert child.proc is None  # stopped after its error line
    finally:
        child.stop()


def test_children_start_only_when_on_and_only_for_languages_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert worker.prestart({"de", "xx"}) == []  # no pipeline for these
    monkeypatch.setenv(worker.ENV, "off")
    assert worker.prestart({"en"}) == []
    monkeypatch.delenv(worker.ENV)
    assert worker.prestart({"en"}) == [PACKAGE]
    assert worker.prestart({"en"}) == []  # one child per package
    worker.retain({"de"})  # no English article after all: its child is stopped
    assert worker.running() == []
    assert worker._WORKERS == {}
    # a child that has served parses stays for later calls of a long-lived process
    worker.prestart({"en"})
    assert worker.parse_remote(PACKAGE, SENTENCES[:1], [], 8) is not None
    worker.retain({"de"})
    assert worker.running() == [PACKAGE]


def test_a_child_never_outlives_its_parent() -> None:
    # the parent ends without its exit handlers (as when killed): the child reads the end of
    # its input and exits on its own
    import os
    import subprocess
    import sys
    import time

    code = (
        "import os, sys\n"
        "from corroborator.nlp import worker\n"
        "import corroborator.nlp.spacy_backend as b\n"
        "b.is_loaded = lambda package: False\n"
        "worker.prestart({'en'})\n"
        "print(next(iter(worker._WORKERS.values())).proc.pid, flush=True)\n"
        "os._exit(0)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    pid = int(out.stdout.strip())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        # an exited child of a dead parent is reaped by init; a zombie counts as gone
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                if f.read().split(") ", 1)[1].startswith("Z"):
                    return
        except FileNotFoundError:
            return
        time.sleep(0.1)
    pytest.fail("the parse worker outlived its parent")


_LEAN_PROBE = """
import json, sys
from corroborator.nlp.spacy_backend import import_spacy_lean, parse_with, _load
lean = sys.argv[1] == "lean"
if lean:
    import_spacy_lean()
nlp = _load(sys.argv[2])
cli_loaded = any(m == "typer" or m.startswith(("typer.", "weasel")) for m in sys.modules)
doc = parse_with(nlp, "en", sys.argv[2], ["The mayor said 12 people died on Friday."], [], 8)[0]
import spacy
stand_in = "spacy.cli" in sys.modules or hasattr(spacy, "cli")
info = spacy.info(markdown=False)  # the real function, loaded on first call
import spacy.cli
from spacy.cli._util import app
commands = len(app.registered_commands)
spacy.info(markdown=False)  # a second call loads nothing again
stable = len(app.registered_commands) == commands and sys.modules["spacy.cli"] is spacy.cli
print(json.dumps({"cli_loaded": cli_loaded, "stand_in_left": stand_in,
                  "info": sorted(info)[:3], "download": callable(spacy.cli.download),
                  "stable": stable, "doc": repr(doc)}))
"""


def test_spacy_imported_without_its_cli_parses_alike_and_keeps_its_cli_importable() -> None:
    import json
    import subprocess
    import sys

    package = SPACY_PACKAGES["en"]

    def probe(mode: str) -> dict[str, object]:
        out = subprocess.run(
            [sys.executable, "-c", _LEAN_PROBE, mode, package],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return dict(json.loads(out.strip().splitlines()[-1]))

    lean, full = probe("lean"), probe("full")
    assert lean["cli_loaded"] is False and full["cli_loaded"] is True
    assert lean["stand_in_left"] is False
    assert lean["doc"] == full["doc"]
    assert lean["info"] == full["info"] and lean["download"] is True
    assert lean["stable"] is True
