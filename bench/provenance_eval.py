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
- **msrp**: the sentence-level paraphrase classifier the rewrite detector uses, as shipped
  (see bench/train_paraphrase.py, which trains it on MSRP train), next to the cosine-only
  baseline; accuracy/F1 on test.
- **synthetic**: pairs generated at run time from ECB+ articles (never saved): verbatim copy,
  syndication (new title, byline and furniture), truncation, light sentence edits, a spin,
  partial reuse (a run of 3-4 sentences pasted into another article). Scored negatives are
  really independent: articles about two different events of one kind (sibling ECB+
  subtopics) and, for test, NewsWCL50's five outlets' own reports of each event. Two ECB+
  articles of one subtopic are NOT scored as negatives: many are one wire text on several
  sites (5-gram containment up to 0.99); how many we link is reported apart. ECB+ train topics
  are the dev split, dev topics the test split.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
import zlib
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bench.datasets import dataset
from bench.results import parse_args, parser, update_section
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
    """Score the shipped paraphrase classifier (and the cosine baseline) on MSRP."""
    from bench.train_paraphrase import main as train_main

    train_main(["--eval-only"])


# ---------------------------------------------------------------- synthetic

FURNITURE = [
    "By Staff Reporter",
    "Share this story",
    "Follow us for more news",
    "© Syndicated Wire",
]
WHOLE = {"copy", "syndication", "rewrite"}
KINDS = ("copy", "syndication", "truncation", "edits", "spin", "partial")


def _edit(sentence: str, k: int) -> str:
    """A light, deterministic edit: a reporting verb, an article or a word order swap."""
    for old, new in ((" said", " told reporters"), (" the ", " this "), (" a ", " one ")):
        if old in sentence and k % 2 == 0:
            return sentence.replace(old, new, 1)
    words = sentence.split()
    if len(words) > 6:
        words[2], words[3] = words[3], words[2]
    return " ".join(words)


# A spinner's thesaurus (our own word list): each word is swapped wherever it occurs.
SPIN_SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "people": "individuals",
    "about": "roughly",
    "after": "following",
    "also": "additionally",
    "began": "started",
    "large": "big",
    "help": "assist",
    "bought": "purchased",
    "many": "numerous",
    "home": "residence",
    "died": "passed away",
    "car": "vehicle",
    "city": "town",
    "near": "close to",
    "announced": "revealed",
    "arrested": "detained",
    "reported": "stated",
    "police": "officers",
    "man": "male",
    "woman": "female",
    "children": "kids",
    "area": "region",
    "killed": "slain",
    "team": "squad",
    "won": "secured",
    "game": "match",
    "company": "firm",
}
_SPIN_WORD = re.compile(r"\b(" + "|".join(SPIN_SYNONYMS) + r")\b")


def _spin(sentences: Sequence[str]) -> str:
    """A deterministic spin: synonyms swapped, clauses around a comma swapped every other
    sentence, and every fourth sentence merged with the next one."""
    out: list[str] = []
    for k, sent in enumerate(sentences):
        text = _SPIN_WORD.sub(lambda m: SPIN_SYNONYMS[m.group(1)], sent)
        head, sep, tail = text.rstrip(".").partition(", ")
        if sep and k % 2 == 1 and len(tail.split()) >= 3 and len(head.split()) >= 3:
            text = tail[:1].upper() + tail[1:] + ", " + head[:1].lower() + head[1:] + "."
        if out and k % 4 == 1:
            out[-1] = out[-1].rstrip(".") + ", and " + text[:1].lower() + text[1:]
        else:
            out.append(text)
    return " ".join(out)


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
            ("spin", _spin(sents), title, []),
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
    # Same-event pairs are NOT scored: ECB+ holds real wire copies among them (one AP text on
    # several sites, 5-gram containment up to 0.99), so they are reported apart ("same_event").
    for members in by_sub.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                cases.append((members[x], members[y], "same_event"))
    # Scored negatives: two different events of one kind (the two subtopics of an ECB+ topic),
    # each article against two articles of the sibling event, chosen by CRC32.
    subs_by_topic: dict[str, list[str]] = {}
    for sub in sorted(by_sub):
        subs_by_topic.setdefault(re.sub(r"ecb(plus)?$", "", sub), []).append(sub)
    for subs in subs_by_topic.values():
        for sub in subs:
            others = [m for s in subs if s != sub for m in by_sub[s]]
            if not others:
                continue
            for i in by_sub[sub]:
                if sub.endswith("ecbplus"):
                    continue  # each unordered pair of subtopics once: ecb side picks
                picks = {
                    others[zlib.crc32(f"{arts[i].id}/{k}".encode()) % len(others)] for k in (0, 1)
                }
                cases += [(i, j, "none") for j in sorted(picks)]
    return arts, cases


def _newswcl_cases(folder: object) -> tuple[list[Article], list[tuple[int, int, str]]]:
    """NewsWCL50: the five outlets' reports of each event, every pair a scored negative.

    Five US outlets (left to right) wrote their own articles about each of ten events; they
    share quotes, names and numbers (5-gram containment at most about 0.2) but no body.
    """
    from pathlib import Path

    path = Path(str(folder)) / "newswcl50" / "newswcl50_docs.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    arts = [_article(d["id"], d["text"], "en", d.get("title") or "") for d in docs]
    by_event: dict[str, list[int]] = {}
    for n, d in enumerate(docs):
        by_event.setdefault(str(d["event_id"]), []).append(n)
    cases = [
        (members[x], members[y], "none")
        for _, members in sorted(by_event.items())
        for x in range(len(members))
        for y in range(x + 1, len(members))
    ]
    return arts, cases


def _score(prepared: list, cases: list[tuple[int, int, str]], th: Thresholds) -> dict[str, object]:
    tp = fp = fn = 0
    hit: dict[str, list[int]] = {}
    same_event: list[tuple[int, int]] = []
    for i, j, kind in cases:
        link = derive_pair(prepared[i], prepared[j], th)
        if kind == "same_event":
            if link is not None:
                same_event.append((i, j))
            continue
        if kind == "none":
            fp += link is not None
            hit.setdefault("none", []).append(int(link is not None))
            continue
        ok = link is not None and (
            link.relation == "partial" if kind == "partial" else link.relation in WHOLE
        )
        tp += ok
        fn += not ok
        fp += link is not None and not ok
        hit.setdefault(kind, []).append(int(ok))
    return {"tp": tp, "fp": fp, "fn": fn, "hit": hit, "same_event": same_event}


def _verbatim(a: Article, b: Article) -> bool:
    """Half of the shorter body's word 5-grams occur in the other: a verbatim copy."""
    from corroborator.provenance.copies import shingles

    sa, sb = shingles(a.text), shingles(b.text)
    return len(sa & sb) / max(1, min(len(sa), len(sb))) >= 0.5


def run_synthetic(th: Thresholds = DEFAULT_THRESHOLDS) -> None:
    folder = dataset("ecbplus")
    if folder is None:
        return
    cdcr = dataset("cdcr")
    emb = default_embedder()
    docs = [json.loads(line) for line in (folder / "ecbplus_docs.jsonl").open(encoding="utf-8")]
    lines = [
        "Positives generated at run time from ECB+ articles (nothing saved): copy, syndication "
        "(title, dateline, furniture), truncation to 60 %, light edits (a third of the "
        "sentences edited, one dropped), partial reuse (3-4 consecutive sentences pasted into an "
        "article of another topic), a spin (synonyms from a small thesaurus, clauses swapped "
        "around a comma every other sentence, every fourth sentence merged with the next). "
        "A positive counts when the pair is linked with a whole-body "
        "relation (copy/syndication/rewrite), or `partial` for partial reuse. Scored negatives "
        "(any link is a false positive) are really independent: two different events of one "
        "kind (each article of an ECB+ `ecb` subtopic against two articles of its `ecbplus` "
        "sibling) and, in the test row, all same-event pairs of NewsWCL50's five outlets (own "
        "reports of one event sharing quotes and numbers). Same-subtopic ECB+ pairs are NOT "
        "scored: they hold real wire copies (one AP text on several sites, 5-gram containment up "
        "to 0.99); the last column gives how many of them we link, of how many, and in brackets "
        "how many of the linked / of all are verbatim (5-gram containment ≥ 0.5). Train topics = dev, dev "
        "topics = test; shipped thresholds (sentence match = USE cosine ≥ 0.80), nothing tuned on test; "
        "`[classifier lift p ≥ 0.9]` rows also match a same-language sentence pair the MSRP "
        "paraphrase classifier accepts with p ≥ 0.9 (off by default: no recall gain on dev). "
        "Command: `python -m bench.provenance_eval synthetic`.",
        "",
        "| date | split | positives | negatives | P | R | F1 | recall copy / synd / trunc / edits / spin / partial | negatives linked | same-event ECB+ pairs linked (verbatim) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split, name in (("train", "dev (ECB+ train)"), ("dev", "test (ECB+ dev + NewsWCL50)")):
        arts, cases = _synthetic_cases([d for d in docs if d["split"] == split])
        if split == "dev" and cdcr is not None:
            extra, extra_cases = _newswcl_cases(cdcr)
            offset = len(arts)
            arts += extra
            cases += [(i + offset, j + offset, k) for i, j, k in extra_cases]
        prepared = prepare(arts, emb)
        configs = (("", th), (" [classifier lift p ≥ 0.9]", replace(th, paraphrase_p=0.9)))
        for label, config in configs:
            res = _score(prepared, cases, config)
            tp, fp, fn = int(res["tp"]), int(res["fp"]), int(res["fn"])  # type: ignore[call-overload]
            hit: dict[str, list[int]] = res["hit"]  # type: ignore[assignment]
            same_event: list[tuple[int, int]] = res["same_event"]  # type: ignore[assignment]

            linked_verbatim = sum(_verbatim(arts[i], arts[j]) for i, j in same_event)
            all_verbatim = sum(
                _verbatim(arts[i], arts[j]) for i, j, k in cases if k == "same_event"
            )
            p, r, f = _prf(tp, fp, fn)
            per = " / ".join(f"{np.mean(hit.get(k, [0])):.2f}" for k in KINDS)
            npos = sum(1 for c in cases if c[2] not in ("none", "same_event"))
            nneg = sum(1 for c in cases if c[2] == "none")
            n_same = sum(1 for c in cases if c[2] == "same_event")
            lines.append(
                f"| {DATE} | {name}{label} | {npos} | {nneg} | {p:.3f} | {r:.3f} | {f:.3f} | {per} "
                f"| {sum(hit.get('none', []))} | {len(same_event)} of {n_same} "
                f"({linked_verbatim} / {all_verbatim}) |"
            )
            print(lines[-1], flush=True)
    print("\n".join(lines))
    update_section("provenance_synthetic (bench/provenance_eval.py)", "\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    known = ("msrp", "synthetic", "wmt21")
    ap = parser(__doc__, "python -m bench.provenance_eval")
    ap.add_argument("parts", nargs="*", help=f"parts to run: {', '.join(known)} (default: all)")
    parts = parse_args(ap, argv).parts or list(known)
    if set(parts) - set(known):
        ap.error(f"unknown part(s) {sorted(set(parts) - set(known))}; choose from {known}")
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
