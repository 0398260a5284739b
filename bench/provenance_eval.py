"""Provenance benchmarks: translation on WMT21, paraphrase on MSRP, copies on generated pairs.

Run: `python -m bench.provenance_eval [wmt21] [msrp] [synthetic]` (all three by default).
Each part skips cleanly when its dataset is absent and writes its own RESULTS.md section.

- **wmt21**: every document's source text vs its human references and every MT system's
  output must be linked as `translation`; a source vs the translations of *other* documents
  of the same test set must not be linked (all of them, with the first reference and one
  system output per other document; hard negatives come from the same publisher). Documents
  are split by a CRC32 of their id: even -> dev (thresholds chosen there, over the language
  pairs USE covers), odd -> test (the figure). cs, is and ha are outside USE's 16 languages:
  reported, never tuned for.
- **msrp**: the sentence-level paraphrase decision the rewrite detector uses (USE cosine ≥
  a threshold); threshold chosen on train, accuracy/F1 on test.
- **synthetic**: pairs generated at run time from ECB+ articles (never saved): verbatim copy,
  syndication (new title, byline and furniture), truncation, light sentence edits, partial
  reuse (a run of 3-4 sentences pasted into another article); negatives are two different
  articles about the same event (ECB+ subtopic), i.e. independent reports. ECB+ train topics
  are the dev split, dev topics the test split.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
import zlib
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bench.datasets import dataset
from bench.results import update_section
from corroborator.embed import default_embedder
from corroborator.model import Article
from corroborator.provenance.derive import DEFAULT_THRESHOLDS, Thresholds, derive_pair, prepare
from corroborator.text.sentences import split_sentences

USE_LANGS = {
    "ar",
    "de",
    "en",
    "es",
    "fr",
    "it",
    "ja",
    "ko",
    "nl",
    "pl",
    "pt",
    "ru",
    "th",
    "tr",
    "zh",
}
DATE = "2026-11-23"


def _article(
    aid: str, text: str, lang: str, title: str = "", removed: Sequence[str] = ()
) -> Article:
    return Article(
        id=aid,
        source=aid,
        title=title,
        language=lang,
        published=None,
        text=text,
        removed=list(removed),
        sentences=split_sentences(text, lang),
    )


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _is_dev(key: str) -> bool:
    return zlib.crc32(key.encode()) % 2 == 0


# ---------------------------------------------------------------- wmt21


def _wmt_pairs(folder: object) -> list[str]:
    from pathlib import Path

    root = Path(str(folder))
    return sorted(p.name.split(".")[1] for p in root.glob("newstest2021.*.docs.jsonl.gz"))


def _wmt_cases(folder: object, pair: str) -> tuple[list[Article], list[tuple[int, int, int, bool]]]:
    """Articles and (src index, other index, label, is_dev) cases for one language pair."""
    from pathlib import Path

    path = Path(str(folder)) / f"newstest2021.{pair}.docs.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    arts: list[Article] = []
    src_idx: dict[str, int] = {}
    trans_idx: dict[str, list[int]] = {}
    for d in docs:
        did = d["doc_id"]
        src_idx[did] = len(arts)
        arts.append(_article(f"{did}|src", "\n".join(d["src"]), d["src_lang"]))
        outs = [("ref-" + k, v) for k, v in sorted(d["refs"].items())]
        outs += sorted(d["systems"].items())
        trans_idx[did] = []
        for name, segs in outs:
            if not any(s.strip() for s in segs):
                continue
            trans_idx[did].append(len(arts))
            arts.append(_article(f"{did}|{name}", "\n".join(segs), d["tgt_lang"]))
    cases: list[tuple[int, int, int, bool]] = []
    ids = sorted(src_idx)
    for did in ids:
        dev = _is_dev(did)
        cases += [(src_idx[did], t, 1, dev) for t in trans_idx[did]]
        for other in ids:
            if other == did or _is_dev(other) != dev or not trans_idx[other]:
                continue
            outs = trans_idx[other]
            chosen = {outs[0], outs[zlib.crc32(f"{did}/{other}".encode()) % len(outs)]}
            if did.rsplit(".", 1)[0] == other.rsplit(".", 1)[0]:
                chosen = set(outs)  # same publisher: hard negatives, all of them
            cases += [(src_idx[did], t, 0, dev) for t in sorted(chosen)]
    return arts, cases


def _counts(prepared: list, cases: list, th: Thresholds, dev: bool) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for i, j, label, is_dev in cases:
        if is_dev != dev:
            continue
        link = derive_pair(prepared[i], prepared[j], th)
        pred = link is not None and link.relation == "translation"
        tp += pred and label == 1
        fp += (link is not None) and label == 0
        fn += (not pred) and label == 1
    return tp, fp, fn


GRID = [
    replace(DEFAULT_THRESHOLDS, cross_language_t=t, coverage=c)
    for t in (0.5, 0.55, 0.6, 0.65, 0.7)
    for c in (0.5, 0.6, 0.7, 0.8)
]


def run_wmt21(max_pairs: int | None = None) -> None:
    folder = dataset("wmt21")
    if folder is None:
        return
    emb = default_embedder()
    per_pair: dict[str, tuple[list, list]] = {}
    for pair in _wmt_pairs(folder)[:max_pairs]:
        start = time.perf_counter()
        arts, cases = _wmt_cases(folder, pair)
        per_pair[pair] = (prepare(arts, emb), cases)
        print(
            f"{pair}: {len(arts)} texts, {len(cases)} cases, {time.perf_counter() - start:.0f} s",
            flush=True,
        )
    covered = [p for p in per_pair if set(p.split("-")) <= USE_LANGS]
    best: tuple[float, Thresholds] | None = None
    for th in GRID:
        tot = np.zeros(3, dtype=int)
        for pair in covered:
            tot += _counts(*per_pair[pair], th, dev=True)
        p, r, f = _prf(*tot)
        print(
            f"dev t={th.cross_language_t:.2f} cov={th.coverage:.1f}: P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )
        key = f if p >= 0.98 else f - 1.0
        if best is None or key > best[0]:
            best = (key, th)
    assert best is not None
    chosen = best[1]
    lines = [
        "WMT21 newstest2021 documents: source vs each human reference and each system output "
        "(positives, must be `translation`); source vs translations of other documents of the "
        "same test set (negatives, any link is a false positive; all outputs of same-publisher "
        "documents as hard negatives). Documents split by CRC32 of doc id: dev (tuning) / test "
        "(reported). Command: `python -m bench.provenance_eval wmt21`.",
        "",
        f"Chosen on dev (USE-covered pairs, best F1 with P ≥ 0.98): cross_language_t = "
        f"{chosen.cross_language_t}, coverage = {chosen.coverage} (shipped default: "
        f"{DEFAULT_THRESHOLDS.cross_language_t}, {DEFAULT_THRESHOLDS.coverage}).",
        "",
        "| date | split | pair | USE covers | positives | negatives | P | R | F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for split, th in (("test", chosen),):
        tot = np.zeros(3, dtype=int)
        for pair, (prepared, cases) in per_pair.items():
            tp, fp, fn = _counts(prepared, cases, th, dev=False)
            npos = sum(1 for c in cases if not c[3] and c[2] == 1)
            nneg = sum(1 for c in cases if not c[3] and c[2] == 0)
            p, r, f = _prf(tp, fp, fn)
            cov = pair in covered
            if cov:
                tot += (tp, fp, fn)
            lines.append(
                f"| {DATE} | {split} | {pair} | {'yes' if cov else 'no'} | {npos} | {nneg} "
                f"| {p:.3f} | {r:.3f} | {f:.3f} |"
            )
        p, r, f = _prf(*tot)
        lines.append(
            f"| {DATE} | {split} | all USE-covered | yes | | | {p:.3f} | {r:.3f} | {f:.3f} |"
        )
    print("\n".join(lines))
    update_section("provenance_wmt21 (bench/provenance_eval.py)", "\n".join(lines))


# ---------------------------------------------------------------- msrp


def run_msrp() -> None:
    folder = dataset("msrp")
    if folder is None:
        return
    rows = [json.loads(line) for line in (folder / "msrp.jsonl").open(encoding="utf-8")]
    emb = default_embedder()
    va = emb.encode([r["s1"] for r in rows])
    vb = emb.encode([r["s2"] for r in rows])
    cos = np.sum(va * vb, axis=1)
    labels = np.array([r["label"] for r in rows])
    train = np.array([r["split"] == "train" for r in rows])

    def scores(mask: np.ndarray, t: float) -> tuple[float, float]:
        pred = cos[mask] >= t
        gold = labels[mask] == 1
        acc = float(np.mean(pred == gold))
        _, _, f = _prf(
            int(np.sum(pred & gold)), int(np.sum(pred & ~gold)), int(np.sum(~pred & gold))
        )
        return acc, f

    grid = [round(0.5 + 0.01 * k, 2) for k in range(46)]
    best_t = max(grid, key=lambda t: (scores(train, t)[0], -t))
    shipped = DEFAULT_THRESHOLDS.same_language_t
    lines = [
        "MSRP sentence pairs: paraphrase decision = USE multilingual v3 cosine ≥ t (the "
        "sentence test inside rewrite detection). t chosen on train (4,076 pairs), reported "
        "on test (1,725). Majority baseline: acc 0.665, F1 0.799. Published (README, "
        "unverified): TF-KLD+SVM acc 0.804 / F1 0.859; BERT-large acc 0.854 / F1 0.893; "
        "RoBERTa/T5 about 0.90 / 0.92. Command: `python -m bench.provenance_eval msrp`.",
        "",
        "| date | split | t | accuracy | F1 |",
        "|---|---|---|---|---|",
    ]
    for split, mask in (("train", train), ("test", ~train)):
        for t, why in ((best_t, "best on train"), (shipped, "shipped same_language_t")):
            acc, f = scores(mask, t)
            lines.append(f"| {DATE} | {split} | {t:.2f} ({why}) | {acc:.3f} | {f:.3f} |")
    print("\n".join(lines))
    update_section("provenance_msrp (bench/provenance_eval.py)", "\n".join(lines))


# ---------------------------------------------------------------- synthetic

FURNITURE = [
    "By Staff Reporter",
    "Share this story",
    "Follow us for more news",
    "© Syndicated Wire",
]
WHOLE = {"copy", "syndication", "rewrite"}


def _edit(sentence: str, k: int) -> str:
    """A light, deterministic edit: a reporting verb, an article or a word order swap."""
    for old, new in ((" said", " told reporters"), (" the ", " this "), (" a ", " one ")):
        if old in sentence and k % 2 == 0:
            return sentence.replace(old, new, 1)
    words = sentence.split()
    if len(words) > 6:
        words[2], words[3] = words[3], words[2]
    return " ".join(words)


def _synthetic_cases(docs: list[dict]) -> tuple[list[Article], list[tuple[int, int, str]]]:
    """Articles and (i, j, expected) cases; expected is a kind or 'none'."""
    arts: list[Article] = []
    cases: list[tuple[int, int, str]] = []
    split = {d["id"]: [s.text for s in split_sentences(d["text"], "en")] for d in docs}
    usable = [d for d in docs if len(split[d["id"]]) >= 6]
    by_sub: dict[str, list[int]] = {}
    for n, d in enumerate(usable):
        sents = split[d["id"]]
        title = d["title"] or sents[0][:80]
        base = len(arts)
        arts.append(_article(d["id"], " ".join(sents), "en", title))
        by_sub.setdefault(d["subtopic"], []).append(base)
        variants: list[tuple[str, str, str, list[str]]] = [
            ("copy", " ".join(sents), title, []),
            ("syndication", "WIRE — " + " ".join(sents), "Wire: " + title, FURNITURE),
            ("truncation", " ".join(sents[: max(3, int(len(sents) * 0.6))]), title, []),
            (
                "edits",
                " ".join(
                    _edit(s, k) if k % 3 == 0 else s
                    for k, s in enumerate(sents)
                    if k != len(sents) // 2
                ),
                title,
                [],
            ),
        ]
        host = usable[(n + 7) % len(usable)]
        if host["topic"] != d["topic"]:
            hs = split[host["id"]]
            at = zlib.crc32(d["id"].encode()) % max(1, len(sents) - 4)
            run = sents[at : at + 3 + (at % 2)]
            mixed = hs[:3] + run + hs[3:]
            variants.append(("partial", " ".join(mixed), host["title"] or hs[0][:80], []))
        for kind, text, t, removed in variants:
            cases.append((base, len(arts), kind))
            arts.append(_article(f"{d['id']}|{kind}", text, "en", t, removed))
    for members in by_sub.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                cases.append((members[x], members[y], "none"))
    return arts, cases


def run_synthetic() -> None:
    folder = dataset("ecbplus")
    if folder is None:
        return
    emb = default_embedder()
    docs = [json.loads(line) for line in (folder / "ecbplus_docs.jsonl").open(encoding="utf-8")]
    lines = [
        "Pairs generated at run time from ECB+ articles (nothing saved): copy, syndication "
        "(title, dateline, furniture), truncation to 60 %, light edits (a third of the "
        "sentences edited, one dropped), partial reuse (3-4 consecutive sentences pasted into an "
        "article of another topic); negatives: two different articles of the same ECB+ "
        "subtopic (independent reports of one event). A positive counts when the pair is "
        "linked with a whole-body relation (copy/syndication/rewrite), or `partial` for partial "
        "reuse. Train topics = dev, dev topics = test; shipped thresholds, nothing tuned here. "
        "Command: `python -m bench.provenance_eval synthetic`.",
        "",
        "| date | split | positives | negatives | P | R | F1 | recall copy / synd / trunc / edits / partial | negatives linked |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for split, name in (("train", "dev (ECB+ train)"), ("dev", "test (ECB+ dev)")):
        arts, cases = _synthetic_cases([d for d in docs if d["split"] == split])
        prepared = prepare(arts, emb)
        tp = fp = fn = 0
        hit: dict[str, list[int]] = {}
        for i, j, kind in cases:
            link = derive_pair(prepared[i], prepared[j])
            if kind == "none":
                fp += link is not None
                continue
            ok = link is not None and (
                link.relation == "partial" if kind == "partial" else link.relation in WHOLE
            )
            tp += ok
            fn += not ok
            fp += link is not None and not ok
            hit.setdefault(kind, []).append(int(ok))
        p, r, f = _prf(tp, fp, fn)
        per = " / ".join(
            f"{np.mean(hit.get(k, [0])):.2f}"
            for k in ("copy", "syndication", "truncation", "edits", "partial")
        )
        npos = sum(1 for c in cases if c[2] != "none")
        nneg = len(cases) - npos
        neg_fp = sum(
            1 for i, j, k in cases if k == "none" and derive_pair(prepared[i], prepared[j])
        )
        lines.append(
            f"| {DATE} | {name} | {npos} | {nneg} | {p:.3f} | {r:.3f} | {f:.3f} | {per} | {neg_fp} |"
        )
    print("\n".join(lines))
    update_section("provenance_synthetic (bench/provenance_eval.py)", "\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    known = ("msrp", "synthetic", "wmt21")
    args = list(argv if argv is not None else sys.argv[1:])
    parts = [a for a in args if a in known] or list(known)
    start = time.perf_counter()
    if "msrp" in parts:
        run_msrp()
    if "synthetic" in parts:
        run_synthetic()
    if "wmt21" in parts:
        run_wmt21()
    print(f"provenance_eval: {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
