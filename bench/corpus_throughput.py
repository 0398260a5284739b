"""End-to-end corpus-mode throughput: `corroborator ingest` on 1k, 5k and 20k articles.

The corpus is assembled at run time from ../shared/data (never saved in the repo): ECB+
(train+dev), NewsWCL50, MEANTIME, BASIL and PolNeAR articles, about 2,500 distinct texts.
To reach 20,000 they are repeated with light, deterministic edits: repeat r > 0 drops one
sentence (the r-th, cyclically), appends " (update r)" to the title and dates the copy 3*r
days after the original (originals keep their own ISO publication date; ECB+ has none and is
dated 2026-01-01), so every copy is a new article (new content hash) that MinHash finds as a
near-duplicate of its original. Real dates matter: with one shared date, years of US
politics coverage (BASIL, PolNeAR) fall into one time window and centroid drift grows
stories of hundreds of articles (first attempt; see RESULTS.md). The
articles are written as JSON Lines files (1,000 per file) in a temporary folder, then
`corroborator ingest FOLDER --db NEW.db --analysis MODE -f json` runs in a fresh process:
read, clean, embed, cluster, provenance, claims and store are all inside the timing.
Peak RSS is the peak of the summed resident sets of the ingest process and its worker
processes (sampled from /proc every 0.25 s); each run also prints the CPU seconds (user +
system) of the ingest process and its workers, the figure to compare on a shared machine. The machine's cores are all the
process gets (2 on CI-sized machines; the table records `os.cpu_count()`).

Rows: `distinct` ingests each base text once (about 2,500 articles, almost none a
near-duplicate, so every article is embedded: the worst case per article); 1000/5000/20000
add the repeats, which are near-duplicates and reuse their original's vector (the common
case on a real crawl, full of syndicated copies, though rarely 87 % of it as at 20k here).

Floors (`--floors`): a fresh process embeds, with the same model, worker count and chunks
as `ingest`'s title+lead step, (1) the title+lead of every article and (2) every sentence of
every article; articles/s is the row's article count over that wall time (start-up
included). They bound what any analysis that embeds leads (1) or all text (2) can reach.

Command: `.venv/bin/python -m bench.corpus_throughput [--sizes distinct,1000,5000,20000]
[--workers N] [--analysis full,fast | --full] [--floors]` (default analysis: full, the
`ingest` default).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from bench.datasets import dataset
from bench.results import merge_table, parse_args, parser

DATE = date.today().isoformat()
#: Key of a base article naming its family of planted translations (not written to the corpus).
FAMILY = "_family"
_SENT = re.compile(r"(?<=[.!?])\s+")


def base_articles() -> list[dict[str, str]]:
    """Distinct source texts (title, text) from the shared corpora that are present."""
    out: list[dict[str, str]] = []

    def jsonl(path: Path) -> Iterator[dict]:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)

    def one(x: dict, date_field: str | None) -> dict[str, str]:
        day = str(x.get(date_field) or "") if date_field else ""
        ok = re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) is not None
        return {
            "title": x.get("title") or "",
            "text": x["text"],
            "published": day if ok else "2026-01-01",
        }

    if (d := dataset("ecbplus")) is not None:
        out += [one(x, None) for x in jsonl(d / "ecbplus_docs.jsonl")]
    if (d := dataset("cdcr")) is not None:
        for sub in ("newswcl50", "meantime"):
            for x in jsonl(d / sub / f"{sub}_docs.jsonl"):
                out.append(one(x, "date_publish"))
                if sub == "meantime":  # a Wikinews article and its translations: one family
                    out[-1][FAMILY] = f"meantime:{x['article_id']}"
    if (d := dataset("basil")) is not None:
        out += [one(x, "date") for x in jsonl(d / "basil.jsonl")]
    if (d := dataset("polnear")) is not None:
        for split in ("train", "dev", "test"):
            p = d / f"polnear_{split}.jsonl"
            if p.exists():
                out += [one(x, "date") for x in jsonl(p)]
    # A crawl arrives in time order: each pass over the base goes oldest first.
    return sorted((a for a in out if a["text"].strip()), key=lambda a: a["published"])


def edited(article: dict[str, str], r: int) -> dict[str, str]:
    """Repeat `r` of an article (see the module docstring); r = 0 is the original."""
    day = (date.fromisoformat(article["published"]) + timedelta(days=3 * r)).isoformat()
    if r == 0:
        return {k: v for k, v in article.items() if k != FAMILY}
    sents = _SENT.split(article["text"])
    if len(sents) > 2:
        del sents[r % len(sents)]
    return {
        "title": f"{article['title']} (update {r})",
        "text": " ".join(sents),
        "published": day,
    }


def write_corpus(folder: Path, base: list[dict[str, str]], n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fh = None
    for i in range(n):
        if i % 1000 == 0:
            if fh:
                fh.close()
            fh = (folder / f"part-{i // 1000:04d}.jsonl").open("w", encoding="utf-8")
        r, k = divmod(i, len(base))
        assert fh is not None
        fh.write(json.dumps(edited(base[k], r), ensure_ascii=False) + "\n")
    if fh:
        fh.close()


def planted_recall(db: Path, base: list[dict[str, str]]) -> dict[str, float]:
    """Provenance found in a store against the pairs the corpus planted: each repeat (r > 0,
    an edited copy) must be derived from an article of its own base text (`copies`: share of
    repeats that are); each MEANTIME article and its translations present must end in one
    independence group, the components of the derived_from links (`translations`: share of
    such families joined whole). `cross_links`: derived_from links between articles of two
    different base texts (not all wrong: ECB+ holds wire copies under several sites)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT id, source, derived_from FROM articles").fetchall()
    finally:
        con.close()
    where: dict[str, tuple[int, int]] = {}  # article id -> (base index, repeat)
    derived: dict[str, str] = {}
    for aid, source, der in rows:
        m = re.search(r"part-(\d+)\.jsonl:(\d+)$", str(source))
        if m is None:
            continue
        n = int(m.group(1)) * 1000 + int(m.group(2)) - 1
        r, k = divmod(n, len(base))
        where[aid] = (k, r)
        if der:
            derived[aid] = json.loads(der)["article"]
    parent = {a: a for a in where}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in derived.items():
        if a in parent and b in parent:
            parent[root(a)] = root(b)

    def family(a: str) -> str:
        k = where[a][0]
        return base[k].get(FAMILY) or str(k)

    repeats = [a for a, (_, r) in where.items() if r > 0]
    copies = sum(
        1
        for a in repeats
        if a in derived and derived[a] in where and where[derived[a]][0] == where[a][0]
    )
    fams: dict[str, list[str]] = {}
    for a in where:
        if base[where[a][0]].get(FAMILY):
            fams.setdefault(family(a), []).append(a)
    joined = [f for f, members in fams.items() if len({where[m][0] for m in members}) > 1]
    whole = sum(1 for f in joined if len({root(m) for m in fams[f]}) == 1)
    cross = sum(1 for a, b in derived.items() if b in where and family(a) != family(b))
    return {
        "repeats": len(repeats),
        "copies": copies / len(repeats) if repeats else float("nan"),
        "families": len(joined),
        "translations": whole / len(joined) if joined else float("nan"),
        "cross_links": cross,
    }


_CHILD = r"""
import json, resource, subprocess, sys, time
from pathlib import Path

def tree(pid):
    out = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for k in kids:
            out += tree(int(k))
    return out

def rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0

t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
peak_sum = 0
while p.poll() is None:
    peak_sum = max(peak_sum, sum(rss_kb(q) for q in tree(p.pid)))
    time.sleep(0.25)
stdout, stderr = p.communicate()
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
largest = usage.ru_maxrss
print(p.returncode, wall, max(peak_sum, largest), largest, usage.ru_utime + usage.ru_stime)
print(stdout.strip().splitlines()[-1] if stdout.strip() else stderr[-2000:])
"""


def run_one(folder: Path, db: Path, mode: str, workers: int | None) -> dict[str, float]:
    exe = Path(sys.executable).parent / "corroborator"
    cmd = [str(exe), "ingest", str(folder), "--db", str(db), "--analysis", mode, "-f", "json"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *cmd], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    code, wall, rss, largest, cpu = out[0].split()
    if int(code) != 0:
        raise RuntimeError(out[1] if len(out) > 1 else "ingest failed")
    summary = json.loads(out[1])
    return {
        **summary,
        "wall": float(wall),
        "rss_mb": int(rss) / 1024,
        "largest_mb": int(largest) / 1024,
        "cpu": float(cpu),
    }


_FLOOR = r"""
import json, sys, time
t = time.perf_counter()
from corroborator.corpus.work import Preparer
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
with Preparer(int(sys.argv[2])) as p:
    vectors = p.embeddings(p.submit_embed(texts), 512)
assert len(vectors) == len(texts)
print(time.perf_counter() - t)
"""


def floor_texts(folder: Path) -> tuple[list[str], list[str]]:
    """The title+lead of every readable article of `folder` (what `ingest` embeds per
    article) and every sentence (what a full analysis of one-story-for-all would embed)."""
    from corroborator.ingest.walk import walk_inputs
    from corroborator.model import Skip
    from corroborator.pipeline import prepare
    from corroborator.stories.cluster import lead_text

    leads: list[str] = []
    sentences: list[str] = []
    for n, raw in enumerate(walk_inputs([folder])):
        if isinstance(raw, Skip):
            continue
        art = prepare(raw, f"a{n}")
        if isinstance(art, Skip):
            continue
        leads.append(lead_text(art))
        sentences.extend(s.text.strip() for s in art.sentences if s.text.strip())
    return leads, sentences


def run_floor(texts: list[str], tmp: Path, workers: int | None) -> float:
    """Wall seconds of a fresh process that embeds `texts` the way `ingest` embeds leads
    (the same model, one BLAS thread per worker, chunks of 32), start-up included."""
    path = tmp / "floor-texts.json"
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    n = workers if workers is not None else os.cpu_count() or 1
    out = subprocess.run(
        [sys.executable, "-c", _FLOOR, str(path), str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    path.unlink()
    return float(out.stdout.split()[-1])


HEADER = (
    "| date | articles | analysis | added | exact dups | near-dups | skipped | stories | "
    "wall s | articles/s | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|"
)


def _record(rows: list[str], distinct: int) -> None:
    intro = (
        f"`corroborator ingest` end to end in a fresh process (model load and worker start "
        f"included), {os.cpu_count()} cores, corpus assembled at run time from ../shared/data "
        f"({distinct} distinct texts from ECB+, NewsWCL50, MEANTIME, BASIL, PolNeAR; larger "
        "sizes repeat them with light edits: one sentence dropped, title suffix, dated 3*r days "
        "later; see the module docstring). `distinct` rows ingest each text once (almost no "
        "near-duplicates: every article is embedded), the other rows are mostly "
        "near-duplicates (repeats), which reuse their original's vector. The `articles` cell "
        "names the worker processes (`--workers`). Targets: >= 100 articles/s, peak RSS "
        "< 2 GB, near-linear growth. Peak RSS is the peak of the summed resident sets of the "
        "main process and its workers (sampled every 0.25 s from /proc). Command: `.venv/bin/python -m bench.corpus_throughput "
        "[--sizes distinct,1000,5000,20000] [--workers N] [--analysis full,fast] [--floors]`; rows of earlier runs are "
        "kept as history."
    )
    merge_table("corpus_throughput (bench/corpus_throughput.py)", intro, HEADER, rows, 3)


def main(argv: list[str] | None = None) -> int:
    ap = parser(__doc__, "python -m bench.corpus_throughput")
    ap.add_argument(
        "--sizes", default="distinct,1000,5000,20000", help="rows to run, comma-separated"
    )
    ap.add_argument("--workers", type=int, default=None, help="ingest --workers (default: cores)")
    ap.add_argument(
        "--analysis",
        default="full",
        help="ingest --analysis modes to run, comma-separated (default: full, the default)",
    )
    ap.add_argument("--full", action="store_true", help="run both fast and full")
    ap.add_argument(
        "--floors",
        action="store_true",
        help="also time embedding the titles+leads alone and every sentence (same model)",
    )
    ap.add_argument("--keep", default=None, help="keep each store in this folder")
    args = parse_args(ap, argv)
    sizes: list[str] = args.sizes.split(",")
    workers = args.workers
    modes = ["fast", "full"] if args.full else args.analysis.split(",")
    base = base_articles()
    if not base:
        print("skipped: no corpora found to assemble a throughput corpus")
        return 0
    print(f"{len(base)} distinct base articles; cores: {os.cpu_count()}")
    shown_workers = workers if workers is not None else os.cpu_count()
    rows = []
    with tempfile.TemporaryDirectory(prefix="corroborator-bench-") as tmp:
        for size in sizes:
            n = len(base) if size == "distinct" else int(size)
            label = f"{n} distinct" if size == "distinct" else str(n)
            label += f" (workers {shown_workers})"
            folder = Path(tmp) / f"in-{size}"
            write_corpus(folder, base, n)
            for mode in modes:
                db = Path(tmp) / f"{mode}-{size}.db"
                start = time.perf_counter()
                r = run_one(folder, db, mode, workers)
                rate = r["read"] / r["wall"]
                row = (
                    f"| {DATE} | {label} | {mode} | {r['added']} | {r['duplicates']} | "
                    f"{r['near_duplicates']} | {r['skipped']} | {r['stories_touched']} | "
                    f"{r['wall']:.1f} | {rate:.1f} | {r['rss_mb']:.0f} |"
                )
                print(
                    row,
                    f"({time.perf_counter() - start:.0f} s; largest process "
                    f"{r['largest_mb']:.0f} MB; CPU of the process tree {r['cpu']:.1f} s; "
                    f"load average {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
                rows.append(row)
                found = planted_recall(db, base)
                print(
                    f"planted pairs ({mode}): repeats derived from their own base text "
                    f"{found['copies']:.3f} of {found['repeats']}; translation families "
                    f"joined whole {found['translations']:.3f} of {found['families']}; links "
                    f"between different base texts {found['cross_links']}",
                    flush=True,
                )
                if args.keep:
                    Path(args.keep).mkdir(parents=True, exist_ok=True)
                    shutil.move(str(db), Path(args.keep) / db.name)
                db.unlink(missing_ok=True)
                _record(rows, len(base))  # after every row: a long run stopped early keeps them
            if args.floors:
                leads, sentences = floor_texts(folder)
                for what, texts in (
                    ("floor: titles+leads", leads),
                    ("floor: sentences", sentences),
                ):
                    wall = run_floor(texts, Path(tmp), workers)
                    row = (
                        f"| {DATE} | {label} | {what} ({len(texts)} texts) | | | | | | "
                        f"{wall:.1f} | {n / wall:.1f} | |"
                    )
                    print(row, flush=True)
                    rows.append(row)
                    _record(rows, len(base))
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
