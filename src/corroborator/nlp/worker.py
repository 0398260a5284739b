"""A spaCy pipeline loaded in a child process, beside the work that comes before the first parse.

Loading spaCy and its English pipeline takes about a second of one core (importing spaCy and
thinc, then the model), and `compare` needs it only late: for the labels of the dates, times
and durations two sources state, for the owner of a disagreeing figure, or for a quote's
speaker. Loading it in a thread of the same process was tried and was slower (both need the
GIL). A child process loads it on the other core while this one reads, cleans, extracts,
embeds and groups the articles; the parses are then made there and sent back as `Doc`s
(`nlp.base`, plain tuples: pickled in a few hundred microseconds).

`prestart(languages)` starts one child per language that has a pipeline installed: `compare`
starts English's before it reads its inputs (the language of most news it is given, and the
only one whose labels and owners are parsed), the others once the articles' languages are
known, and `retain` then stops a child no article needs. `SpacyParser` asks `parse_remote` first: the
child's parse, or None when there is no child or it failed, in which case the parser loads
the pipeline in its own process as before. A parse depends on its text, the pipeline and the
skipped components only, and both sides run the same code (`spacy_backend.parse_with`), so
the output is the same wherever the parse was made (tests/test_nlp_worker.py).

Protocol: pickled frames with a 4-byte length, over the child's stdin and stdout. The child
exits on end of input, so it never outlives its parent (even one killed with SIGKILL).
Off with `[claims] parse_worker = false` or `CORROBORATOR_PARSE_WORKER=off`, and nothing is
started when every parse-based feature is off (`quote_parser`, `parse_labels`,
`parse_owners`).
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
from typing import IO, Any

from corroborator.nlp.base import Doc

log = logging.getLogger(__name__)

ENV = "CORROBORATOR_PARSE_WORKER"
_HEADER = struct.Struct("!I")


def enabled() -> bool:
    """Whether `compare` should start children: `parse_worker` on and some parse used."""
    from corroborator.config import settings

    claims = settings().claims
    return claims.parse_worker and (
        claims.quote_parser or claims.parse_labels or claims.parse_owners
    )


def _write(stream: IO[bytes], obj: Any) -> None:
    blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(blob)) + blob)
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError("parse worker closed its output")
    (size,) = _HEADER.unpack(head)
    blob = stream.read(size)
    if len(blob) < size:
        raise EOFError("parse worker closed its output")
    return pickle.loads(blob)


class _Worker:
    """One child process serving one spaCy package."""

    def __init__(self, lang: str, package: str) -> None:
        self.lang = lang
        self.package = package
        self.used = False  # asked for a parse at least once
        self.lock = threading.Lock()
        self.proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "corroborator.nlp.worker", lang, package],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def pipe(self, texts: list[str], disable: list[str], batch_size: int) -> list[Doc] | None:
        with self.lock:
            proc = self.proc
            if proc is None or proc.stdin is None or proc.stdout is None:
                return None
            self.used = True
            try:
                _write(proc.stdin, (texts, disable, batch_size))
                reply = _read(proc.stdout)
            except (OSError, EOFError, pickle.UnpicklingError, ValueError) as exc:
                log.info("parse worker for %s failed (%s); parsing in process", self.package, exc)
                self._stop()
                return None
            if isinstance(reply, str):  # the child could not load or run the pipeline
                log.info("parse worker for %s: %s; parsing in process", self.package, reply)
                self._stop()
                return None
            docs: list[Doc] = reply
            return docs

    def _stop(self) -> None:
        """End the child: it only computes, so one still loading (nothing asked of it yet) is
        killed rather than waited for; one at rest exits on the end of its input."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=0.2)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            if proc.stdout is not None:
                proc.stdout.close()

    def stop(self) -> None:
        with self.lock:
            self._stop()


_LOCK = threading.Lock()
_WORKERS: dict[str, _Worker] = {}


def prestart(languages: set[str] | frozenset[str]) -> list[str]:
    """Start a loading child for each of `languages` with a spaCy pipeline installed and none
    started yet (nothing when turned off, or when the pipeline is already loaded here).
    Returns the packages started."""
    from corroborator.nlp.registry import SPACY_PACKAGES, spacy_available
    from corroborator.nlp.spacy_backend import is_loaded

    started: list[str] = []
    if not enabled():
        return started
    with _LOCK:
        for lang in sorted(languages):
            package = SPACY_PACKAGES.get(lang)
            if package is None or package in _WORKERS or is_loaded(package):
                continue
            if not spacy_available(lang):
                continue
            try:
                _WORKERS[package] = _Worker(lang, package)
            except OSError as exc:
                log.info("parse worker for %s not started (%s)", package, exc)
                continue
            started.append(package)
    return started


def retain(languages: set[str] | frozenset[str]) -> None:
    """Stop the children that no language of `languages` uses and that never served a parse
    (a child started for English before the articles were read, when none of them is
    English); one that has served stays for the process's later calls (a server's next
    request)."""
    from corroborator.nlp.registry import SPACY_PACKAGES

    keep = {SPACY_PACKAGES.get(lang) for lang in languages}
    with _LOCK:
        gone = [p for p, w in _WORKERS.items() if p not in keep and not w.used]
        workers = [_WORKERS.pop(p) for p in gone]
    for w in workers:
        w.stop()


def parse_remote(
    package: str, texts: list[str], disable: list[str], batch_size: int
) -> list[Doc] | None:
    """The child's parses of `texts` (components in `disable` skipped), or None when no child
    serves `package` or it failed (the caller then parses in process)."""
    worker = _WORKERS.get(package)
    if worker is None:
        return None
    return worker.pipe(texts, disable, batch_size)


def running() -> list[str]:
    """The packages whose child is alive."""
    return sorted(p for p, w in _WORKERS.items() if w.proc is not None and w.proc.poll() is None)


def shutdown() -> None:
    """Stop every child (at exit, and in tests)."""
    with _LOCK:
        workers = list(_WORKERS.values())
        _WORKERS.clear()
    for w in workers:
        w.stop()


atexit.register(shutdown)


def _serve(lang: str, package: str, stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The child: load `package`, then answer (texts, disable, batch size) frames with the
    converted `Doc`s (or an error line) until the input ends."""
    from corroborator.nlp.spacy_backend import _load, import_spacy_lean, parse_with

    try:
        import_spacy_lean()
        nlp = _load(package)
        error = ""
    except Exception as exc:  # reported to the parent, which then loads in process
        nlp, error = None, f"{type(exc).__name__}: {exc}"
    while True:
        try:
            texts, disable, batch_size = _read(stdin)
        except EOFError:
            return
        if nlp is None:
            _write(stdout, error or "pipeline not loaded")
            continue
        try:
            docs = parse_with(nlp, lang, package, texts, disable, batch_size)
        except Exception as exc:  # never leave the parent waiting
            _write(stdout, f"{type(exc).__name__}: {exc}")
            continue
        _write(stdout, docs)


def main() -> None:  # pragma: no cover - run as the child process
    # the frames go to a copy of stdout; anything a library prints goes to stderr instead
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _serve(sys.argv[1], sys.argv[2], sys.stdin.buffer, out)


if __name__ == "__main__":  # pragma: no cover
    main()
