"""Near-duplicate stage vs datatrove's MinHash deduplication: same docs, same run, one process.

Input: the corpus of bench/corpus_throughput.py (`base_articles()`, about 2,500 distinct
texts from ../shared/data, repeated with `edited()`: repeat r > 0 drops one sentence), the
first N docs of that stream, N from `--sizes`. Only the body text is compared.

Ours (timed in memory, in this process): what `corpus.neardup.find_near_duplicates` does
for `jobs.ingest` (the MinHash joins of an ingest batch), with the store replaced by a dict —
`minhash.signature(text)` for every doc (word 5-gram shingles, datasketch, 63 permutations),
`band_keys(sig)` (21 bands of 3 rows, blake2b of each band), then per doc and band the lookup
of earlier docs with the same band key and a `jaccard` check of each candidate against
NEAR_DUPLICATE_JACCARD = 0.5, keeping the best. A candidate sharing several bands is checked
once per band here, as the ingest did when these figures were taken; `find_near_duplicates`
now checks it once, so the lookup time here is an upper bound. Store I/O (band keys and
signatures in SQLite) is NOT timed, nor is reading the input: the docs are already in memory
(the seconds to parse the same JSONL with `json.loads` are printed as context). A doc is
flagged when it has a verified earlier match (a near-duplicate counted by
`find_near_duplicates`).

datatrove (PyPI `datatrove` 0.10.x, installed on demand into bench/out/datatrove-venv with
the modules its MinHash path imports but does not declare: spacy (the English word
tokenizer is `spacy.blank("en")`), regex, xxhash<4 (pinned by datatrove's own "processing"
extra: xxhash 4 refuses the str shingles datatrove passes it), orjson (JsonlReader) and
tokenizers (the dedup package imports its exact-substring step)): the same docs written as
one JSONL file, then its four stages, each a `LocalPipelineExecutor(workers=1)` in one
driver process: MinhashDedupSignature (JsonlReader, tasks=1), MinhashDedupBuckets
(tasks=num_buckets, run one after another: the stage asserts tasks % num_buckets == 0),
MinhashDedupCluster (tasks=1) and MinhashDedupFilter (JsonlReader -> filter -> JsonlWriter,
tasks=1). Each stage is timed with its disk I/O (reading the JSONL twice, the intermediate
files: that is how datatrove works); the spaCy tokenizer is loaded before the clock starts,
as datasketch is for ours. A doc is flagged when stage 3 lists it in `.remove` (every member
of a cluster but one).

MinhashConfig(n_grams=5, num_buckets=21, hashes_per_bucket=3, seed=1) matches our shingle
size and band layout (63 hashes). What still differs: datatrove hashes shingles with 64-bit
xxhash and keeps 64-bit minima (ours: 32-bit SHA-1, datasketch); its text normalisation
also folds digits to 0 and strips diacritics before spaCy tokenisation (ours: lower-case
`\\w+` words); and it has NO verification step: any identical band makes a pair, so its
effective threshold is the LSH S-curve's ((1/21)^(1/3) ≈ 0.36, P(pair | J=0.3) ≈ 0.44)
where ours confirms J >= 0.5. Clusters: datatrove unions all pairs (transitive); ours links
each flagged doc to its best earlier match (`NearDuplicates.follow`), taken here as union-find
too.

Agreement: docs flagged by both; co-clustered pairs (pairs of docs in one cluster) under
each method and under both; and the construction pairs (copies of one base text) each
recovers. Base texts that are themselves near-copies make "outside construction" pairs that
are not necessarily wrong.

Command: `.venv/bin/python -m bench.neardup_compare [--sizes 5000,20000] [--no-datatrove]`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from importlib.metadata import version
from pathlib import Path

from bench.corpus_throughput import base_articles, edited
from bench.results import parse_args, parser, update_section
from corroborator.corpus.minhash import (
    BANDS,
    NEAR_DUPLICATE_JACCARD,
    NUM_PERM,
    ROWS,
    band_keys,
    jaccard,
    signature,
)

SECTION = "neardup_compare (bench/neardup_compare.py)"
COMMAND = ".venv/bin/python -m bench.neardup_compare --sizes 5000,20000"
VENV = Path(__file__).resolve().parent / "out" / "datatrove-venv"
PACKAGES = ["datatrove>=0.10,<0.11", "spacy", "regex", "xxhash<4", "orjson", "tokenizers"]
CHECK = (
    "import importlib.metadata as m, datatrove.executor, datatrove.pipeline.dedup.minhash, "
    "datatrove.pipeline.readers, datatrove.pipeline.writers.jsonl, spacy, xxhash, orjson; "
    "print(m.version('datatrove'), 'with spaCy', m.version('spacy'))"
)

# Run with the datatrove venv's python: docs folder, work folder, result JSON, n-grams,
# buckets, hashes per bucket, seed. Prints nothing useful; the JSON holds the figures.
DRIVER = """
import glob, gzip, json, struct, sys, time

import numpy as np
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (
    MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter,
    MinhashDedupSignature,
)
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers.jsonl import JsonlWriter
from datatrove.utils.hashing import HashConfig
from datatrove.utils.typeshelper import Languages
from datatrove.utils.word_tokenizers import load_word_tokenizer

docs, work, result = sys.argv[1:4]
n_grams, buckets, rows, seed = (int(x) for x in sys.argv[4:8])
cfg = MinhashConfig(
    n_grams=n_grams, num_buckets=buckets, hashes_per_bucket=rows, seed=seed,
    hash_config=HashConfig(precision=64, hash_fc="xxhash"),
)
# the step's tokenizer is this cached instance: load spaCy before the clock starts
load_word_tokenizer(Languages.english).word_tokenize("warm up the tokenizer")
sigs, dups, remove, out = (f"{work}/{x}" for x in ("sigs", "dups", "remove", "out"))
stages = [
    ("signature", [JsonlReader(docs), MinhashDedupSignature(sigs, config=cfg)], 1),
    ("buckets", [MinhashDedupBuckets(sigs, dups, config=cfg)], cfg.num_buckets),
    ("cluster", [MinhashDedupCluster(dups, remove, config=cfg)], 1),
    ("filter", [JsonlReader(docs), MinhashDedupFilter(remove), JsonlWriter(out)], 1),
]
times, cpus = {}, {}
for name, pipeline, tasks in stages:
    ex = LocalPipelineExecutor(
        pipeline=pipeline, tasks=tasks, workers=1, logging_dir=f"{work}/logs/{name}"
    )
    start, cpu = time.perf_counter(), time.process_time()
    ex.run()
    times[name] = time.perf_counter() - start
    cpus[name] = time.process_time() - cpu
removed = []
for path in glob.glob(f"{remove}/*.remove"):
    removed += np.fromfile(path, dtype="<u4").tolist()
pairs = []
for path in sorted(glob.glob(f"{dups}/*.dups")):
    for f1, d1, f2, d2 in struct.iter_unpack("<4I", open(path, "rb").read()):
        pairs.append([d1, d2])
kept = 0
for path in glob.glob(f"{out}/*.jsonl.gz"):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        kept += sum(1 for _ in fh)
out = {"times": times, "cpu": cpus, "removed": removed, "pairs": pairs, "kept": kept}
json.dump(out, open(result, "w"))
"""


def datatrove_python() -> tuple[Path | None, str]:
    """The venv's python and datatrove's version, installing on demand; (None, why) on failure."""
    py = VENV / "bin" / "python"

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(py), "-c", CHECK], capture_output=True, text=True)

    if py.exists() and (ok := check()).returncode == 0:
        return py, ok.stdout.strip()
    print(f"installing {' '.join(PACKAGES)} into {VENV} ...", flush=True)
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(VENV)],
        [str(py), "-m", "pip", "install", "--quiet", *PACKAGES],
    ]
    for cmd in steps:
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, repr(exc)
        if p.returncode != 0:
            lines = [x for x in p.stderr.splitlines() if x.strip() and "is ignored" not in x]
            return None, (lines[-1] if lines else f"exit status {p.returncode}")
    ok = check()
    if ok.returncode != 0:
        lines = ok.stderr.strip().splitlines()
        return None, lines[-1] if lines else "import failed"
    return py, ok.stdout.strip()


def corpus(base: list[dict[str, str]], n: int) -> list[str]:
    """Body texts of the first n docs of corpus_throughput's stream (doc i: base i % len)."""
    return [edited(base[i % len(base)], i // len(base))["text"] for i in range(n)]


def ours(texts: Sequence[str]) -> dict:
    """The in-memory equivalent of `find_near_duplicates`' MinHash joins; seconds per step,
    best match per doc."""
    signature("warm up datasketch")  # import and permutations outside the timing
    c0 = time.process_time()
    t0 = time.perf_counter()
    sigs = [signature(t) for t in texts]
    t1 = time.perf_counter()
    bands = [band_keys(s) for s in sigs]
    t2 = time.perf_counter()
    index: dict[tuple[int, int], list[int]] = {}
    best_of = [-1] * len(texts)
    checks = 0
    for n, sig in enumerate(sigs):
        best: tuple[float, int] | None = None
        for key in bands[n]:
            for m in index.get(key, []):
                checks += 1
                j = jaccard(sig, sigs[m])
                if j >= NEAR_DUPLICATE_JACCARD and (best is None or j > best[0]):
                    best = (j, m)
            index.setdefault(key, []).append(n)
        if best is not None:
            best_of[n] = best[1]
    t3 = time.perf_counter()
    c3 = time.process_time()
    return {
        "cpu": c3 - c0,
        "signature": t1 - t0,
        "bands": t2 - t1,
        "lookup": t3 - t2,
        "total": t3 - t0,
        "best_of": best_of,
        "checks": checks,
    }


def datatrove(py: Path, folder: Path, n: int) -> dict:
    driver = folder / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    result = folder / "result.json"
    cmd = [str(py), str(driver), str(folder / "docs"), str(folder / "work"), str(result)]
    cmd += [str(x) for x in (5, BANDS, ROWS, 1)]
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0 or not result.exists():
        raise RuntimeError(f"datatrove driver failed: {p.stderr[-3000:]}")
    out = json.loads(result.read_text(encoding="utf-8"))
    out["total"] = sum(out["times"].values())
    out["cpu_total"] = sum(out["cpu"].values())
    out["wall"] = wall
    if out["kept"] + len(out["removed"]) != n:
        print(f"note: datatrove kept {out['kept']} + removed {len(out['removed'])} != {n} docs")
    return out


def roots(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Connected component (smallest member) of each of n nodes."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(x) for x in range(n)]


def pairs(labels: Iterable[Hashable]) -> int:
    """Pairs of nodes sharing a label."""
    return sum(c * (c - 1) // 2 for c in Counter(labels).values())


def _speed_row(day: str, n: int, o: dict, d: dict | None) -> str:
    ours_rate = n / o["total"]
    cells = [
        day,
        str(n),
        f"{o['signature']:.1f} + {o['bands']:.2f} + {o['lookup']:.1f} = {o['total']:.1f}",
        f"{o['cpu']:.1f}",
        f"{ours_rate:.0f}",
    ]
    if d is None:
        cells += ["not run", "", "", "", ""]
    else:
        t = d["times"]
        parts = " + ".join(f"{t[k]:.1f}" for k in ("signature", "buckets", "cluster", "filter"))
        cells += [f"{parts} = {d['total']:.1f}", f"{d['cpu_total']:.1f}", f"{n / d['total']:.0f}"]
        cells += [f"{d['total'] / o['total']:.1f}", f"{d['cpu_total'] / o['cpu']:.1f}"]
    return "| " + " | ".join(cells) + " |"


def _detect_row(day: str, n: int, distinct: int, o: dict, d: dict | None) -> str:
    truth = [i % distinct for i in range(n)]
    o_root = roots(n, ((i, b) for i, b in enumerate(o["best_of"]) if b >= 0))
    o_flag = {i for i, b in enumerate(o["best_of"]) if b >= 0}
    true_pairs = pairs(truth)
    o_pairs, o_true = pairs(o_root), pairs(zip(o_root, truth, strict=True))
    cells = [day, str(n), str(n - min(n, distinct)), str(len(o_flag))]
    if d is None:
        cells += ["", "", f"{o_pairs}", "", "", f"{o_true}/{true_pairs}", ""]
    else:
        d_root = roots(n, (tuple(p) for p in d["pairs"]))
        d_flag = set(d["removed"])
        d_pairs, d_true = pairs(d_root), pairs(zip(d_root, truth, strict=True))
        both = pairs(zip(o_root, d_root, strict=True))
        cells += [
            str(len(d_flag)),
            str(len(o_flag & d_flag)),
            str(o_pairs),
            str(d_pairs),
            str(both),
            f"{o_true}/{true_pairs}",
            f"{d_true}/{true_pairs}",
        ]
    return "| " + " | ".join(cells) + " |"


def _record(speed: list[str], detect: list[str], distinct: int, dt_note: str) -> None:
    body = (
        f"Our near-duplicate stage (corpus/minhash.py as corpus/neardup.py uses it: "
        f"signature + band keys + band lookup + Jaccard check, in memory; store I/O and input "
        f"parsing not timed) against datatrove's 4-stage MinHash dedup ({dt_note}) on the same "
        f"docs in the same run, both single-process, {os.cpu_count()} cores. Docs: the first N "
        f"of bench/corpus_throughput.py's stream ({distinct} distinct texts, repeat r > 0 drops "
        f"one sentence). Ours: datasketch {version('datasketch')}, {NUM_PERM} permutations, "
        f"{BANDS} bands x {ROWS} rows, word 5-grams, confirmed at estimated J >= "
        f"{NEAR_DUPLICATE_JACCARD}. datatrove: MinhashConfig(n_grams=5, num_buckets={BANDS}, "
        f"hashes_per_bucket={ROWS}, seed=1), default 64-bit xxhash and text normalisation "
        "(digits -> 0, diacritics stripped), spaCy English tokenizer (loaded before timing), "
        "no verification: one equal band makes a pair (effective threshold about J 0.36), "
        "clusters by union-find; its times include reading the JSONL (stages 1 and 4) and "
        "its intermediate files. Ratio = our docs/s / datatrove docs/s, on wall time and on CPU "
        "time (process CPU seconds: the machine is shared, so wall time can include waiting "
        "for a core). Command: "
        f"`{COMMAND}`.\n\n"
        "| date | docs | ours wall s (signature + bands + lookup/verify = total) | ours CPU s | "
        "ours docs/s | datatrove wall s (signature + buckets + cluster + filter = total) | "
        "datatrove CPU s | datatrove docs/s | ratio (wall) | ratio (CPU) |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        + "\n".join(speed)
        + "\n\nFlagged = docs each would drop (ours: a verified earlier match; datatrove: "
        "`.remove`). Pairs = pairs of docs in one cluster; construction pairs = copies of one "
        "base text (base texts that are near-copies of each other add pairs outside it).\n\n"
        "| date | docs | repeats (r > 0) | flagged ours | flagged datatrove | flagged both | "
        "pairs ours | pairs datatrove | pairs both | construction pairs ours | "
        "construction pairs datatrove |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
        + "\n".join(detect)
    )
    update_section(SECTION, body)


def main(argv: list[str] | None = None) -> int:
    ap = parser(__doc__, "python -m bench.neardup_compare")
    ap.add_argument("--sizes", default="5000", help="documents per row, comma-separated")
    ap.add_argument("--no-datatrove", action="store_true", help="run our stage only")
    args = parse_args(ap, argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    base = base_articles()
    if not base:
        print("skipped: no corpora found to assemble a near-duplicate corpus")
        return 0
    py: Path | None = None
    if args.no_datatrove:
        dt_note = "not run: --no-datatrove"
    else:
        py, info = datatrove_python()
        if py is None:
            print(f"skipped: datatrove did not install: {info}")
            dt_note = f"skipped: datatrove did not install: {info}"
        else:
            dt_note = f"datatrove {info}"
    print(f"{len(base)} distinct base texts; cores: {os.cpu_count()}; {dt_note}", flush=True)
    day = dt.date.today().isoformat()
    speed: list[str] = []
    detect: list[str] = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="corroborator-neardup-") as tmp:
        for n in sizes:
            texts = corpus(base, n)
            folder = Path(tmp) / f"n{n}"
            (folder / "docs").mkdir(parents=True)
            jsonl = folder / "docs" / "docs.jsonl"
            with jsonl.open("w", encoding="utf-8") as fh:
                for i, text in enumerate(texts):
                    fh.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
            start = time.perf_counter()
            with jsonl.open(encoding="utf-8") as fh:
                parsed = [json.loads(line)["text"] for line in fh]
            parse_s = time.perf_counter() - start
            assert parsed == texts
            load = os.getloadavg()[0]
            o = ours(texts)
            print(
                f"{n} docs: ours {o['total']:.1f} s, CPU {o['cpu']:.1f} s "
                f"({n / o['total']:.0f} docs/s, "
                f"{o['checks']} Jaccard checks; JSONL parse, not timed: {parse_s:.2f} s; "
                f"load average before: {load:.2f})",
                flush=True,
            )
            d = None
            if py is not None:
                try:
                    d = datatrove(py, folder, n)
                except RuntimeError as exc:
                    print(exc, flush=True)
                    failed = True
            if d is not None:
                print(
                    f"{n} docs: datatrove {d['total']:.1f} s, CPU {d['cpu_total']:.1f} s "
                    f"({n / d['total']:.0f} docs/s; "
                    f"stages {', '.join(f'{k} {v:.1f}' for k, v in d['times'].items())}; "
                    f"driver wall {d['wall']:.1f} s)",
                    flush=True,
                )
            speed.append(_speed_row(day, n, o, d))
            detect.append(_detect_row(day, n, len(base), o, d))
            print(speed[-1], detect[-1], sep="\n", flush=True)
            _record(speed, detect, len(base), dt_note)  # after every size: a stop keeps them
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
