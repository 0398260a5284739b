"""Web app latency and throughput on a store of >= 20,000 articles (loopback only).

The store is built at run time, never saved in the repo:

1. `--base N` (default 600) articles are assembled from ../shared/data by the corpus
   benchmark's builder (`bench.corpus_throughput.base_articles` / `write_corpus`) and
   ingested with `corroborator.corpus.ingest` (`--analysis fast`), so stories, groups,
   claims and verdicts are real ingest output.
2. The analysed stories are replicated through the public `Store.write_batch` until the store
   holds `--articles` (default 20,000) articles: replica r renames every article and story id
   (suffix `-rN`, consistently inside the claim payloads), appends " (replica N)" to titles and
   shifts dates by 3*r days. Ingesting 20,000 articles for real takes tens of minutes on two
   cores (see corpus_throughput); what the server's latency depends on (rows, payload sizes,
   story sizes, dates) is the same in the replicas.

Then `corroborator serve` runs in a child process on a free 127.0.0.1 port and this process
measures, after a warm-up that also times the first (cold) story-list request:

* latency: `--requests` (default 200) sequential GETs per endpoint kind (story list with a
  seeded mix of filters, sorts and pages; story page; article page; story JSON), p50/p95;
* throughput: `--load` (default 2,000) GETs of the same mix from `--clients` (default 8)
  concurrent clients, requests/s and errors;
* responsiveness (issue 16): p50/p95 of `--requests` small requests (the four kinds above,
  `/api/health` and `/api/stories`, one seeded sequence) alone, then the same sequence while a
  maximum-size compare runs: `POST /api/compare` with 20 articles filling the body limit
  (about 7.5 MiB of news text from ../shared/data, each article a run of whole corpus texts).
  `--rounds` (default 3) interleaved alone/during rounds; each compare is analysed in a worker
  process until the server's budget (`--compare-timeout`, default 30 s) stops it with 504, and
  the next round starts once the replacement worker is ready. Finally SIGTERM is sent while one
  more such compare runs, and the time the server takes to exit is reported.

Targets: p95 < 200 ms for pages (issue 6); small-request p50/p95 during a maximum-size
compare at most twice those alone (issue 16). Command:
`.venv/bin/python -m bench.server_latency [--articles 20000] [--requests 200] [--load 2000]`;
bench/RESULTS.md is rewritten only with `--write`. Skips cleanly (exit 0) when
../shared/data (or $CORROBORATOR_DATA) is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.results import update_section

DATE = date.today().isoformat()


def _rename(payload: Any, ids: dict[str, str]) -> Any:
    """A story payload with every article id (and the story id) mapped through `ids`."""
    if isinstance(payload, str):
        return ids.get(payload, payload)
    if isinstance(payload, list):
        return [_rename(x, ids) for x in payload]
    if isinstance(payload, dict):
        out = {}
        for k, v in payload.items():
            # Id-bearing keys, and the containers whose items hold such keys.
            if k in (
                "article",
                "articles",
                "independent_groups",
                "groups",
                "id",
                "claims",
                "mentions",
                "sides",
                "omissions",
            ):
                out[k] = _rename(v, ids)
            else:
                out[k] = v
        return out
    return payload


def _shift(published: str | None, days: int) -> str | None:
    if not published:
        return published
    try:
        d = date.fromisoformat(published[:10]) + timedelta(days=days)
    except ValueError:
        return published
    return d.isoformat() + published[10:]


def build_store(db: Path, base_n: int, target: int) -> dict[str, float]:
    from bench.corpus_throughput import base_articles, write_corpus
    from corroborator.corpus import IngestOptions, ingest
    from corroborator.store import BatchWrite, open_store

    base = base_articles()
    if not base:
        raise FileNotFoundError("no shared corpora")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, base, base_n)
        store = open_store(db)
        try:
            ingest([folder], store, options=IngestOptions(analysis="fast"))
        finally:
            store.close()
    ingest_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    store = open_store(db)
    try:
        from corroborator.store import StoryFilter

        stories = store.stories(StoryFilter())
        members = {s.id: store.story_articles(s.id) for s in stories}
        have = sum(len(m) for m in members.values())
        r = 0
        while have < target:
            r += 1
            batch = BatchWrite()
            for s in stories:
                rows = members[s.id]
                ids = {s.id: f"{s.id}-r{r}", **{a.id: f"{a.id}-r{r}" for a in rows}}
                for a in rows:
                    copy = type(a)(**{**a.__dict__})
                    copy.id = ids[a.id]
                    copy.story_id = ids[s.id]
                    copy.title = f"{a.title} (replica {r})"
                    copy.published = _shift(a.published, 3 * r)
                    copy.derived_from = _rename(a.derived_from, ids)
                    batch.new_articles.append(copy)
                    batch.article_updates[copy.id] = (
                        copy.story_id,
                        copy.derived_from,
                        copy.machine_score,
                        copy.machine_evidence,
                        copy.extractions,
                    )
                    have += 1
                srow = type(s)(**{**s.__dict__})
                srow.id = ids[s.id]
                srow.title = f"{s.title} (replica {r})"
                srow.first_day = s.first_day + 3 * r if s.first_day is not None else None
                srow.last_day = s.last_day + 3 * r if s.last_day is not None else None
                srow.payload = _rename(s.payload, ids) if s.payload else None
                if srow.payload:
                    srow.payload["title"] = srow.title
                batch.stories.append(srow)
                if have >= target:
                    break
            store.write_batch(batch)
        counts = store.counts()
    finally:
        store.close()
    return {
        "base_ingest_s": ingest_s,
        "replicate_s": time.perf_counter() - t1,
        "articles": counts["articles"],
        "stories": counts["stories"],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _urls(client: Any, rng: random.Random, n: int) -> dict[str, list[str]]:
    """`n` URLs per kind, drawn with a seeded generator from what the store holds."""
    listing = client.get("/api/stories", params={"per_page": 100}).json()
    pages = listing["pages"]
    ids: list[str] = []
    for p in sorted(rng.sample(range(1, pages + 1), min(pages, 20))):
        ids += [
            s["id"] for s in client.get(f"/api/stories?per_page=100&page={p}").json()["stories"]
        ]
    stories = [client.get(f"/api/stories/{i}").json() for i in rng.sample(ids, min(len(ids), 50))]
    articles = [a["id"] for s in stories for a in s["articles"]]
    languages = sorted({lang for s in stories for a in s["articles"] for lang in [a["language"]]})
    lists = []
    for _ in range(n):
        params = [f"page={rng.randint(1, max(1, min(pages * 4, 400)))}"]
        if rng.random() < 0.3:
            params.append(f"sort={rng.choice(['sources', 'conflicts'])}")
        if rng.random() < 0.2:
            params.append("conflicts=1")
        if rng.random() < 0.2:
            params.append(f"language={rng.choice(languages)}")
        if rng.random() < 0.2:
            params.append(f"q={rng.choice(['fire', 'police', 'election', 'court', 'storm'])}")
        if rng.random() < 0.1:
            params.append("min_sources=2")
        lists.append("/?" + "&".join(params))
    return {
        "story list page": lists,
        "story page": [f"/stories/{rng.choice(ids)}" for _ in range(n)],
        "article page": [f"/articles/{rng.choice(articles)}" for _ in range(n)],
        "story JSON (API)": [f"/api/stories/{rng.choice(ids)}" for _ in range(n)],
    }


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# The body limit of `corroborator serve` (8 MiB) less room for the JSON around the texts.
MAX_COMPARE_BYTES = 7_500_000
MAX_COMPARE_ARTICLES = 20


def max_compare_body() -> dict[str, Any]:
    """A maximum-size compare: 20 articles, each a run of whole corpus texts, together about
    `MAX_COMPARE_BYTES` of UTF-8 (built at run time from ../shared/data, never saved)."""
    from bench.corpus_throughput import base_articles

    texts = [a["text"] for a in base_articles() if a["text"].strip()]
    if not texts:
        raise FileNotFoundError("no shared corpora")
    share = MAX_COMPARE_BYTES // MAX_COMPARE_ARTICLES
    articles = []
    k = 0
    for i in range(MAX_COMPARE_ARTICLES):
        parts: list[str] = []
        size = 0
        while True:
            text = texts[k % len(texts)]
            if parts and size + len(text.encode()) > share:
                break
            parts.append(text)
            size += len(text.encode()) + 2
            k += 1
        articles.append({"title": f"Long article {i + 1}", "text": "\n\n".join(parts)})
    return {"articles": articles, "format": "json"}


def _timed(client: Any, urls: list[str]) -> list[float]:
    times = []
    for u in urls:
        t = time.perf_counter()
        r = client.get(u)
        times.append(time.perf_counter() - t)
        if r.status_code != 200:
            raise RuntimeError(f"{u}: HTTP {r.status_code}")
    return times


def _summary(times: list[float]) -> dict[str, float]:
    return {
        "p50": statistics.median(times) * 1000,
        "p95": _pct(times, 0.95) * 1000,
        "n": len(times),
    }


def _wait_workers(client: Any, limit: float = 180) -> None:
    """Until every analysis worker of the server is up and idle (model loaded)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        analysis = client.get("/api/health").json().get("analysis") or {}
        if analysis.get("workers") and analysis.get("idle") == analysis.get("workers"):
            return
        time.sleep(0.25)
    raise RuntimeError("the analysis workers did not become idle")


def under_compare(base: str, small: list[str], body: dict[str, Any], rounds: int) -> dict[str, Any]:
    """Small-request latency alone, then while `body` is being compared, `rounds` times
    (interleaved, so a drift in the machine's load falls on both sides alike)."""
    import httpx

    payload = json.dumps(body, ensure_ascii=False).encode()
    alone: list[float] = []
    during: list[float] = []
    outcomes: list[dict[str, Any]] = []
    in_flight = True
    with httpx.Client(base_url=base, timeout=60) as client:
        # One warm-up pass over the whole sequence: the measured passes then read pages the
        # store's cache already holds (a first pass over a 20,000-article store is slower).
        _timed(client, small)
        for _ in range(rounds):
            _wait_workers(client)
            alone += _timed(client, small)
            outcome: dict[str, Any] = {}

            def post(outcome: dict[str, Any] = outcome) -> None:
                t = time.perf_counter()
                try:
                    with httpx.Client(base_url=base, timeout=900) as c:
                        r = c.post(
                            "/api/compare",
                            content=payload,
                            headers={"content-type": "application/json"},
                        )
                    outcome["status"] = r.status_code
                except httpx.HTTPError as exc:
                    outcome["status"] = type(exc).__name__
                outcome["seconds"] = time.perf_counter() - t

            sender = threading.Thread(target=post, daemon=True)
            sender.start()
            time.sleep(2.0)  # the body is sent, parsed and handed to a worker
            if not sender.is_alive():
                raise RuntimeError(f"the maximum-size compare ended too soon: {outcome}")
            during += _timed(client, small)
            in_flight = in_flight and sender.is_alive()
            sender.join()  # over budget: 504, and the worker is replaced
            outcomes.append(outcome)
    return {
        "alone": _summary(alone),
        "during": _summary(during),
        "in_flight": in_flight,
        "compare_bytes": len(payload),
        "compares": outcomes,
    }


def measure(
    db: Path, requests: int, load: int, clients: int, compare_timeout: float, rounds: int
) -> dict[str, Any]:
    import httpx

    port = _free_port()
    exe = Path(sys.executable).parent / "corroborator"
    server = subprocess.Popen(
        [
            str(exe),
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--compare-timeout",
            str(compare_timeout),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                try:
                    t = time.perf_counter()
                    client.get("/api/health")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError("server did not start") from None
                    time.sleep(0.2)
            t = time.perf_counter()
            client.get("/")
            cold = time.perf_counter() - t
            rng = random.Random(6)
            urls = _urls(client, rng, requests)
            for kind in urls:  # warm-up: a few of each
                for u in urls[kind][:5]:
                    client.get(u)
            latency: dict[str, dict[str, float]] = {}
            for kind, batch in urls.items():
                times = []
                for u in batch:
                    t = time.perf_counter()
                    r = client.get(u)
                    times.append(time.perf_counter() - t)
                    if r.status_code != 200:
                        raise RuntimeError(f"{u}: HTTP {r.status_code}")
                latency[kind] = {
                    "p50": statistics.median(times) * 1000,
                    "p95": _pct(times, 0.95) * 1000,
                    "n": len(times),
                }
        mix = [u for batch in urls.values() for u in batch]
        work = [mix[i % len(mix)] for i in range(load)]
        random.Random(7).shuffle(work)
        errors = 0
        lock = threading.Lock()
        local = threading.local()

        def one(u: str) -> None:
            nonlocal errors
            c = getattr(local, "client", None)
            if c is None:
                c = local.client = httpx.Client(base_url=base, timeout=30)
            if c.get(u).status_code != 200:
                with lock:
                    errors += 1

        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            list(pool.map(one, work))
        wall = time.perf_counter() - t
        small = [u for batch in urls.values() for u in batch[: max(1, requests // 4)]]
        small += ["/api/health"] * max(1, requests // 8)
        small += [f"/api/stories?page={i % 20 + 1}" for i in range(max(1, requests // 8))]
        random.Random(16).shuffle(small)
        small = small[:requests]
        responsive = under_compare(base, small, max_compare_body(), rounds)
        threading.Thread(  # one more, to stop the server while it is being analysed
            target=lambda: httpx.post(f"{base}/api/compare", json=max_compare_body(), timeout=900),
            daemon=True,
        ).start()
        time.sleep(3.0)
        t = time.perf_counter()
        server.terminate()  # SIGTERM while the compare is still being analysed
        try:
            server.wait(timeout=30)
            stop_s: float | None = time.perf_counter() - t
        except subprocess.TimeoutExpired:
            stop_s = None
        responsive["sigterm_exit_s"] = stop_s
        return {
            "cold_list_s": cold,
            "latency": latency,
            "load": {"requests": load, "clients": clients, "rps": load / wall, "errors": errors},
            "responsive": responsive,
        }
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


def write_results(
    args: argparse.Namespace,
    argv: list[str] | None,
    counts: dict[str, int],
    built: dict[str, float],
    result: dict[str, Any],
) -> None:
    load = result["load"]
    rows = "\n".join(
        f"| {DATE} | {kind} | {v['n']} | {v['p50']:.1f} | {v['p95']:.1f} |"
        for kind, v in result["latency"].items()
    )
    given = [a for a in (sys.argv[1:] if argv is None else argv) if a != "--write"]
    cmd = " ".join(["python -m bench.server_latency", *given, "--write"])
    resp = result["responsive"]
    alone, during = resp["alone"], resp["during"]
    stop = resp["sigterm_exit_s"]
    body = (
        f"`corroborator serve` in a child process on 127.0.0.1, {os.cpu_count()} cores; store of "
        f"{counts['articles']} articles / {counts['stories']} stories built at run time "
        f"({args.base} articles from ../shared/data ingested with --analysis fast, then "
        "replicated with renamed ids and shifted dates; see the module docstring). "
        f"Target: p95 < 200 ms for pages. Command: `.venv/bin/{cmd.strip()}`.\n\n"
        "| date | endpoint | requests | p50 ms | p95 ms |\n|---|---|---|---|---|\n"
        f"{rows}\n\n"
        f"First story-list request after start (builds the in-memory index): "
        f"{result['cold_list_s'] * 1000:.0f} ms. Load test: {load['requests']} GETs (same mix) "
        f"from {load['clients']} concurrent clients: **{load['rps']:.0f} requests/s**, "
        f"{load['errors']} errors.\n\n"
        "Responsiveness (issue 16): the same sequence of small requests (pages, story and "
        "article JSON, /api/health, /api/stories), alone and while a maximum-size compare "
        f"({MAX_COMPARE_ARTICLES} articles, {resp['compare_bytes'] / 2**20:.1f} MiB body, "
        "analysed in a worker process) runs, in "
        f"{len(resp['compares'])} interleaved rounds; each compare ran until the server's "
        f"budget (--compare-timeout {args.compare_timeout:g}) stopped it (HTTP "
        f"{', '.join(str(o.get('status')) for o in resp['compares'])}). "
        "Target: ratio <= 2.\n\n"
        "| date | small requests | requests | p50 ms | p95 ms |\n|---|---|---|---|---|\n"
        f"| {DATE} | alone | {alone['n']} | {alone['p50']:.1f} | {alone['p95']:.1f} |\n"
        f"| {DATE} | during a maximum-size compare | {during['n']} | {during['p50']:.1f} | "
        f"{during['p95']:.1f} |\n\n"
        f"Ratio during/alone: **p50 {during['p50'] / alone['p50']:.2f}, p95 "
        f"{during['p95'] / alone['p95']:.2f}** (the compare was still being analysed when the "
        f"sequence ended: {'yes' if resp['in_flight'] else 'no'}). SIGTERM then stopped the "
        "server "
        + (f"in {stop:.1f} s" if stop is not None else "not within 30 s")
        + " with the compare in flight."
    )
    update_section("server_latency (bench/server_latency.py)", body)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--base", type=int, default=600)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--load", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--db", type=Path, help="reuse this store instead of building one")
    ap.add_argument(
        "--compare-timeout",
        type=float,
        default=30.0,
        help="the server's analysis budget (each maximum-size compare runs until it)",
    )
    ap.add_argument("--rounds", type=int, default=3, help="alone/during rounds")
    ap.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)

    from bench.datasets import data_dir

    if args.db is None and not data_dir().exists():
        print(f"skipped: shared data not found at {data_dir()} (set CORROBORATOR_DATA)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "server-bench.db"
        built: dict[str, float] = {}
        if args.db is None:
            try:
                built = build_store(db, args.base, args.articles)
            except FileNotFoundError as exc:
                print(f"skipped: {exc}")
                return 0
        result = measure(
            db, args.requests, args.load, args.clients, args.compare_timeout, args.rounds
        )
        from corroborator.store import open_store

        st = open_store(db, create=False)
        counts = st.counts()
        st.close()
    print(
        f"store: {counts['articles']} articles, {counts['stories']} stories"
        + (
            f" (base ingest {built['base_ingest_s']:.0f} s, replication "
            f"{built['replicate_s']:.0f} s)"
            if built
            else ""
        )
    )
    print(f"first story-list request (cold index): {result['cold_list_s'] * 1000:.0f} ms")
    print(f"{'endpoint':<20} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, v in result["latency"].items():
        print(f"{kind:<20} {v['n']:>5} {v['p50']:>8.1f} {v['p95']:>8.1f}")
    load = result["load"]
    print(
        f"load: {load['requests']} requests, {load['clients']} clients: "
        f"{load['rps']:.0f} requests/s, {load['errors']} errors"
    )
    resp = result["responsive"]
    alone, during = resp["alone"], resp["during"]
    ratio50, ratio95 = during["p50"] / alone["p50"], during["p95"] / alone["p95"]
    stop = resp["sigterm_exit_s"]
    stop_text = f"{stop:.1f} s" if stop is not None else "not within 30 s"
    print(
        f"small requests alone: p50 {alone['p50']:.1f} ms, p95 {alone['p95']:.1f} ms; "
        f"during a {resp['compare_bytes'] / 2**20:.1f} MiB compare: p50 {during['p50']:.1f} ms, "
        f"p95 {during['p95']:.1f} ms (ratio {ratio50:.2f} / {ratio95:.2f}; compare still "
        f"running at the end: {resp['in_flight']}; compares: "
        f"{[o.get('status') for o in resp['compares']]}); SIGTERM exit {stop_text}"
    )
    if args.write:
        write_results(args, argv, counts, built, result)
    print(json.dumps({"articles": counts["articles"], **result["load"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
