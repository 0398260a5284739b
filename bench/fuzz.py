"""Fuzz: generated bad inputs through the readers, `prepare`, `compare` and `ingest`.

Every input is a file (or a FIFO, socket, device link, folder) generated from small seeds
written here (text, HTML, JSON, JSON Lines, RSS, Atom, WARC) by mutations: flipped bytes,
cuts, repeats, random bytes, gzip (whole or damaged), names that are not UTF-8, and the
offenders of issue 16 (5,000-digit integers, 5,000-deep nesting, entity bombs, a million
empty JSON lines in a small gzip, 100 kB titles, gzip bombs, lines without end).

Phase 1 (in this process): each input sits in a folder beside one good article, and
`corroborator.ingest.read` + `text.prepare.prepare_all` run over the folder. Counted: exceptions
that escaped (tracebacks), runs stalled past the time limit (aborted), good articles lost,
the most CPU seconds one input took and the largest RSS growth one input caused.

Phase 2 (a sample, as subprocesses): `corroborator compare good1 good2 BAD -f json` and
`corroborator ingest --db D --workers 0 --analysis fast FOLDER` with the two good articles
beside the bad input. Counted: tracebacks on stderr, non-zero exits or timeouts (aborted),
reports or stores missing a good article; max CPU seconds and max RSS of one run (wait4).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

GOOD = (
    "Storm closes the port of Valmere\n\nThe port of Valmere was closed for six hours on "
    "Monday, the harbour master Ana Quell said. Twelve ships waited outside the breakwater "
    "until the wind dropped.\n"
)
GOOD2 = (
    "Valmere harbour shut by storm\n\nValmere's port stayed closed for seven hours on Monday, "
    "said Ana Quell, the harbour master. Nine ships waited at anchor.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Port closed</title><meta name='author' content='A'>"
    "</head><body><article><h1>Port closed</h1><p>The port of Valmere was closed for six "
    "hours on Monday, the harbour master said.</p><p>Twelve ships waited.</p></article>"
    "</body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title><item>'
    "<title>Port closed</title><link>https://ledger.example/1</link><description>"
    "The port of Valmere was closed for six hours.</description><pubDate>Mon, 04 May 2026 "
    "08:30:00 GMT</pubDate></item></channel></rss>"
)
ATOM = (
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
    "<entry><title>Port closed</title><id>w1</id><content type='html'>&lt;p&gt;The port "
    "was closed for six hours.&lt;/p&gt;</content></entry></feed>"
)

PIECES = [
    b"9" * 5000,
    b"[" * 5000,
    b"{" * 5000,
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b'"\\ud800"',
    b"\r\n",
    b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>&c;',
    b"<a>" * 10000,
    b"Content-Length: 99999999999\r\n",
    b"WARC/1.0\r\n",
    b"1e999999",
    b"<title>" + b"Port " * 20000 + b"</title>",
    b'{"text": "x", "title": "' + b"T" * 100_000 + b'"}\n',
]
SUFFIXES = [
    ".txt",
    ".html",
    ".json",
    ".jsonl",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".txt.gz",
    ".jsonl.gz",
    ".json.gz",
    ".html.gz",
    ".rss.gz",
    ".warc.gz",
    "",
    ".md",
]


def _warc(gz: bool) -> bytes:
    from corroborator.ingest.warc import write_warc

    out = io.BytesIO()
    # record id ...016 as the seeds had before the writer moved to ingest.warc: same bytes
    write_warc(out, [("https://news.example/port", PAGE)], gzip=gz, first_id=16)
    return out.getvalue()


def seeds() -> dict[str, bytes]:
    line = json.dumps({"text": GOOD, "title": "Port closed", "published": "2026-05-04"})
    return {
        ".txt": GOOD.encode(),
        ".html": PAGE.encode(),
        ".json": json.dumps([json.loads(line), {"html": PAGE}]).encode(),
        ".jsonl": "\n".join(
            [line, json.dumps({"html": PAGE, "url": "https://x.example"})]
        ).encode(),
        ".rss": RSS.encode(),
        ".atom": ATOM.encode(),
        ".xml": RSS.encode(),
        ".warc": _warc(False),
        ".warc.gz": _warc(True),
    }


@dataclass
class Input:
    name: bytes  # file name (may hold bytes that are not UTF-8)
    data: bytes = b""
    special: str | None = None  # fifo, zero, socket, folder, broken


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(6)
        if op == 0 and buf:  # flip bytes
            for _ in range(rng.randint(1, 20)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1 and buf:  # cut
            del buf[rng.randrange(len(buf)) :]
        elif op == 2:  # insert an offender
            at = rng.randrange(len(buf) + 1)
            buf[at:at] = rng.choice(PIECES)
        elif op == 3 and buf:  # repeat a slice
            a = rng.randrange(len(buf))
            piece = bytes(buf[a : a + rng.randint(1, 200)])
            at = rng.randrange(len(buf) + 1)
            buf[at:at] = piece * rng.randint(2, max(2, 50_000 // max(1, len(piece))))
        elif op == 4:  # random bytes
            at = rng.randrange(len(buf) + 1)
            buf[at:at] = rng.randbytes(rng.randint(1, 2000))
        elif op == 5 and buf:  # swap halves
            a = rng.randrange(len(buf))
            buf = buf[a:] + buf[:a]
    return bytes(buf)


def _fixed_offenders() -> list[Input]:
    empty = gzip.compress(b"{}\n" * 1_100_000, mtime=0)
    return [
        Input(b"bigint.json", b'{"text": "x", "n": ' + b"9" * 5000 + b"}"),
        Input(b"deep.json", b"[" * 5000 + b"]" * 5000),
        Input(b"deep.jsonl", b'{"text": "a", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}\n"),
        Input(b"empty-lines.jsonl.gz", empty),
        Input(b"title.jsonl", json.dumps({"text": GOOD, "title": "Port " * 20000}).encode()),
        Input(b"bomb.txt.gz", gzip.compress(b"x" * (64 * 1024 * 1024), mtime=0)),
        Input(b"bomb.jsonl.gz", gzip.compress(b"y" * (64 * 1024 * 1024), mtime=0)),
        Input(b"endless.jsonl", b"a" * (12 * 1024 * 1024)),
        Input(b"caf\xe9.txt", GOOD.encode()),
        Input(b"pipe.txt", special="fifo"),
        Input(b"zero.txt", special="zero"),
        Input(b"zero.jsonl", special="zero"),
        Input(b"s.txt", special="socket"),
        Input(b"folder.txt", special="folder"),
        Input(b"gone.txt", special="broken"),
    ]


def generate(count: int, seed: int = 16) -> Iterator[Input]:
    """`count` bad inputs: the fixed offenders first, then mutations of the seeds."""
    rng = random.Random(seed)
    base = seeds()
    fixed = _fixed_offenders()
    yield from fixed[:count]
    for n in range(max(0, count - len(fixed))):
        roll = rng.random()
        if roll < 0.02:
            yield Input(f"special{n}.txt".encode(), special=rng.choice(["fifo", "zero", "broken"]))
            continue
        suffix = rng.choice(SUFFIXES)
        plain = suffix.removesuffix(".gz") if suffix != ".warc.gz" else suffix
        data = base.get(plain) or base[".txt"]
        data = rng.randbytes(rng.randint(0, 5000)) if roll < 0.1 else _mutate(rng, data)
        if suffix.endswith(".gz") and suffix != ".warc.gz":
            data = gzip.compress(data, mtime=0)
            if rng.random() < 0.3:
                data = _mutate(rng, data)
        stem = f"in{n}".encode()
        if rng.random() < 0.05:
            stem += bytes([rng.randrange(0x80, 0x100)])
        yield Input(stem + suffix.encode(), data)


@contextlib.contextmanager
def placed(inp: Input, folder: Path) -> Iterator[Path]:
    """The input written into `folder` (a FIFO's writer is released afterwards)."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + inp.name))
    sock: socket.socket | None = None
    if inp.special == "fifo":
        os.mkfifo(path)
    elif inp.special == "zero":
        path.symlink_to("/dev/zero")
    elif inp.special == "broken":
        path.symlink_to(folder / "nowhere")
    elif inp.special == "folder":
        path.mkdir()
        (path / "inner.txt").write_bytes(b"\x00\x01")
    elif inp.special == "socket":
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(os.fsencode(path))
        except OSError:
            sock.close()
            sock = None
            path.write_bytes(b"")
    else:
        with open(os.fsencode(path), "wb") as fh:
            fh.write(inp.data)
    try:
        yield path
    finally:
        if sock is not None:
            sock.close()
        if inp.special == "fifo":  # a reader that opened it would have blocked here
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))


class Stalled(Exception):
    pass


def _alarm(_sig: int, _frame: Any) -> None:
    raise Stalled


@dataclass
class Tally:
    inputs: int = 0
    tracebacks: int = 0
    aborted: int = 0
    lost: int = 0
    max_cpu: float = 0.0
    max_cpu_input: str = ""
    max_rss_mb: float = 0.0
    max_rss_input: str = ""
    skips: int = 0
    articles: int = 0
    examples: list[str] = field(default_factory=list)

    def note(self, what: str) -> None:
        if len(self.examples) < 10:
            self.examples.append(what)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_in_process(inputs: list[Input], limit_s: int) -> Tally:
    from corroborator.ingest import read
    from corroborator.text.prepare import prepare_all

    t = Tally()
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory(prefix="fz") as tmp:
        for n, inp in enumerate(inputs):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            (folder / "good.txt").write_text(GOOD, encoding="utf-8")
            label = os.fsdecode(inp.name).encode("utf-8", "backslashreplace").decode()
            t.inputs += 1
            rss0, cpu0 = _rss_mb(), time.process_time()
            try:
                with placed(inp, folder):
                    signal.alarm(limit_s)
                    try:
                        corpus = prepare_all(read([folder]))
                    finally:
                        signal.alarm(0)
                kept = [a for a in corpus.articles if a.source.endswith("good.txt")]
                if len(kept) != 1:
                    t.lost += 1
                    t.note(f"good article lost beside {label}")
                t.skips += len(corpus.skipped)
                t.articles += len(corpus.articles)
            except Stalled:
                t.aborted += 1
                t.note(f"stalled over {limit_s} s: {label}")
            except Exception:
                t.tracebacks += 1
                t.note(f"{label}: {traceback.format_exc(limit=3).splitlines()[-1]}")
            cpu = time.process_time() - cpu0
            if cpu > t.max_cpu:
                t.max_cpu, t.max_cpu_input = cpu, label
            grew = _rss_mb() - rss0
            if grew > t.max_rss_mb:
                t.max_rss_mb, t.max_rss_input = grew, label
            shutil.rmtree(folder, ignore_errors=True)
    return t


def _child(cmd: list[str], limit_s: int) -> tuple[int | None, str, str, float, float]:
    """(exit code or None on timeout, stdout, stderr, CPU seconds, max RSS MB) of one run.

    The command runs under GNU time where there is one: the max RSS the kernel reports for
    a child forked straight from this process includes this process's own peak (Linux keeps
    the high-water mark across exec), so it is only a fallback.
    """
    gnu_time = shutil.which("time") or (
        "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
    )
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".time") as times,
    ):
        full = [gnu_time, "-o", times.name, "-f", "%U %S %M", *cmd] if gnu_time else cmd
        proc = subprocess.Popen(
            full, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True
        )
        try:
            code: int | None = proc.wait(limit_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # GNU time and the command under it
            proc.wait()
            code = None
        out.seek(0)
        err.seek(0)
        cpu, rss = 0.0, 0.0
        fields = times.read().split() if gnu_time else []
        if len(fields) >= 3:
            with contextlib.suppress(ValueError):
                cpu, rss = float(fields[-3]) + float(fields[-2]), float(fields[-1]) / 1024
        return (
            code,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            cpu,
            rss,
        )


def run_commands(inputs: list[Input], limit_s: int) -> dict[str, Tally]:
    cli = [sys.executable, "-m", "corroborator.cli"]
    tallies = {"compare": Tally(), "ingest": Tally()}
    with tempfile.TemporaryDirectory(prefix="fz") as tmp:
        for n, inp in enumerate(inputs):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            (folder / "good1.txt").write_text(GOOD, encoding="utf-8")
            (folder / "good2.txt").write_text(GOOD2, encoding="utf-8")
            label = os.fsdecode(inp.name).encode("utf-8", "backslashreplace").decode()
            with placed(inp, folder) as bad:
                goods = [str(folder / "good1.txt"), str(folder / "good2.txt")]
                runs = {
                    "compare": [*cli, "compare", *goods, str(bad), "-f", "json"],
                    "ingest": [
                        *cli,
                        "ingest",
                        "--db",
                        str(Path(tmp) / f"{n}.db"),
                        "--workers",
                        "0",
                        "--analysis",
                        "fast",
                        str(folder),
                    ],
                }
                for what, cmd in runs.items():
                    t = tallies[what]
                    t.inputs += 1
                    code, stdout, stderr, cpu, rss = _child(cmd, limit_s)
                    if cpu > t.max_cpu:
                        t.max_cpu, t.max_cpu_input = cpu, label
                    if rss > t.max_rss_mb:
                        t.max_rss_mb, t.max_rss_input = rss, label
                    if "Traceback" in stderr:
                        t.tracebacks += 1
                        t.note(f"{what} {label}: {stderr.strip().splitlines()[-1][:200]}")
                    if code != 0:
                        t.aborted += 1
                        t.note(f"{what} {label}: exit {code}: {stderr.strip()[-200:]}")
                        continue
                    t.lost += _lost(what, stdout, Path(tmp) / f"{n}.db")
    return tallies


def _lost(what: str, stdout: str, db: Path) -> int:
    """Good articles missing from the report (compare) or the store (ingest)."""
    if what == "compare":
        try:
            report = json.loads(stdout)
        except ValueError:
            return 2
        names = {Path(a.get("source", "")).name for a in report.get("articles", [])}
        return 2 - len(names & {"good1.txt", "good2.txt"})
    from corroborator.jobs.ingest import content_id
    from corroborator.model import RawDocument
    from corroborator.store import open_store

    ids = [content_id(RawDocument(source="", text=text)) for text in (GOOD, GOOD2)]
    store = open_store(db, create=False)
    try:
        return 2 - len(store.known_articles(ids))
    finally:
        store.close()


def _row(name: str, t: Tally) -> str:
    return (
        f"| {name} | {t.inputs:,} | {t.tracebacks} | {t.aborted} | {t.lost} | "
        f"{t.max_cpu:.2f} (`{t.max_cpu_input}`) | {t.max_rss_mb:.0f} (`{t.max_rss_input}`) |"
    )


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args, parser, update_section

    ap = parser(__doc__, "python -m bench.fuzz")
    ap.add_argument("--count", type=int, default=10_000, help="bad inputs generated (10,000)")
    ap.add_argument(
        "--sample", type=int, default=20, help="inputs also run through compare and ingest (20)"
    )
    ap.add_argument("--seed", type=int, default=16, help="random seed (16)")
    ap.add_argument("--limit", type=int, default=60, help="seconds before an input is stalled")
    args = parse_args(ap, argv)
    inputs = list(generate(args.count, args.seed))
    start = time.perf_counter()
    inproc = run_in_process(inputs, args.limit)
    phase1 = time.perf_counter() - start
    step = max(1, len(inputs) // max(1, args.sample))
    sample = inputs[:15][: args.sample]
    sample += inputs[15::step][: max(0, args.sample - len(sample))]
    start = time.perf_counter()
    commands = run_commands(sample, max(args.limit, 120)) if args.sample else {}
    phase2 = time.perf_counter() - start
    lines = [
        f"{date.today().isoformat()}, `python -m bench.fuzz --count {args.count} --sample "
        f"{args.sample} --seed {args.seed}`: {len(inputs):,} generated bad inputs (the 15 "
        "offenders of issue 16, then mutations of text, HTML, JSON, JSONL, RSS, Atom and WARC "
        "seeds, gzipped or not, names that are not UTF-8, FIFOs and device links), each beside "
        "good articles. Phase 1 runs `ingest.read` + `prepare_all` in one process "
        f"({phase1:.0f} s); phase 2 runs a sample as `corroborator compare` and "
        f"`corroborator ingest --workers 0 --analysis fast` subprocesses ({phase2:.0f} s).",
        "",
        "| run | inputs | tracebacks | aborted | good articles lost | max CPU s of one input "
        "| max RSS MB (phase 1: growth by one input) |",
        "|---|---:|---:|---:|---:|---|---|",
        _row("readers + prepare", inproc),
    ]
    lines += [_row(f"`corroborator {what}`", t) for what, t in commands.items()]
    lines += [
        "",
        f"Phase 1 kept {inproc.articles:,} articles and recorded {inproc.skips:,} skips; the "
        f"process peaked at {_rss_mb():.0f} MB RSS.",
    ]
    problems = inproc.examples + [e for t in commands.values() for e in t.examples]
    if problems:
        lines += ["", "Problems:", *[f"- {p}" for p in problems]]
    body = "\n".join(lines)
    print(body)
    update_section("fuzz", body)
    bad = inproc.tracebacks + inproc.aborted + inproc.lost
    bad += sum(t.tracebacks + t.aborted + t.lost for t in commands.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
