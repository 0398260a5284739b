"""Provenance benchmarks: translation on WMT21 and MEANTIME, paraphrase on MSRP, copies on
generated pairs.

Run: `python -m bench.provenance_eval [wmt21] [meantime] [msrp] [synthetic] [--cache DIR]
[--write]` (all parts by default). Each part skips cleanly when its dataset is absent; with
`--write` each writes its own RESULTS.md section.

- **wmt21**: every document's source text vs its human references and up to three MT systems'
  outputs (`SYSTEMS`) must be linked as `translation`; a source vs the translations of
  *other* documents of the same test set must not be linked (the first output and one more
  per other document; all kept outputs of same-publisher documents as hard negatives).
  Documents are split by a CRC32 of their id: even -> dev (the crossmatch sentence model is
  trained there by bench/train_crossmatch.py, and thresholds chosen), odd -> test (the
  figure). Each test row gives the cosine rule (`before`) and the crossmatch model
  (`after`) on the same cases.
- **meantime**: each MEANTIME topic's 120 articles (30 English Wikinews articles and their
  es/it/nl translations, all about one company) as one story: pairwise precision and recall
  of the independence groups against gold (an article and its translations); `airbus` was
  used to check thresholds, `apple` and `gm` are reported.
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
from pathlib import Path

import numpy as np

from bench.datasets import dataset
from bench.results import parse_args, parser, update_section
from corroborator.embed import default_embedder
from corroborator.model import Article
from corroborator.provenance.crossmatch import default_doc_model
from corroborator.provenance.derive import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    candidate_pairs,
    derive_pair,
    lead_vectors,
    prepare,
)
from corroborator.stories.cluster import lead_text
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
DATE = "2026-12-06"


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


def _wmt_cases(
    folder: object, pair: str, max_systems: int | None = None
) -> tuple[list[Article], list[tuple[int, int, int, bool]]]:
    """Articles and (src index, other index, label, is_dev) cases for one language pair.

    `max_systems` keeps every human reference and at most that many system outputs per
    document (chosen by CRC32 of document and system name), to bound the embedding cost."""
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
        systems = sorted(d["systems"].items())
        if max_systems is not None:
            systems = sorted(systems, key=lambda kv: zlib.crc32(f"{did}/{kv[0]}".encode()))
            systems = sorted(systems[:max_systems])
        outs += systems
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
            targets = trans_idx[other]
            chosen = {targets[0], targets[zlib.crc32(f"{did}/{other}".encode()) % len(targets)]}
            if did.rsplit(".", 1)[0] == other.rsplit(".", 1)[0]:
                chosen = set(targets)  # same publisher: hard negatives, all of them
            cases += [(src_idx[did], t, 0, dev) for t in sorted(chosen)]
    return arts, cases


def gate_of(articles: Sequence[Article], pairs: Sequence[tuple[int, int]]) -> dict:
    """(i, j) -> whether the pair passes provenance's candidate gate (`candidate_pairs`,
    title+lead vectors from the default model, as `compare` and `ingest` have them)."""
    vecs = default_embedder().encode([lead_text(a) for a in articles])
    leads = {a.id: v for a, v in zip(articles, vecs, strict=True)}
    unique = sorted(set(pairs))
    with lead_vectors(leads):
        passed = candidate_pairs(articles, unique, None)
    return dict(zip(unique, passed, strict=True))


def _counts(
    prepared: list,
    cases: list,
    th: Thresholds,
    dev: bool,
    sims: dict | None = None,
    gate: dict | None = None,
) -> tuple[int, int, int]:
    """tp, fp, fn of `translation` links; `gate`: pairs that fail it are not linked."""
    tp = fp = fn = 0
    for i, j, label, is_dev in cases:
        if is_dev != dev:
            continue
        sim = sims.get((i, j)) if sims is not None else None
        if gate is not None and not gate[(i, j)]:
            link = None
        else:
            link = derive_pair(prepared[i], prepared[j], th, sim)
        pred = link is not None and link.relation == "translation"
        tp += pred and label == 1
        fp += (link is not None) and label == 0
        fn += (not pred) and label == 1
    return tp, fp, fn


#: Before: the cosine rule (USE cosine ≥ 0.6 for a sentence match, shorter text covered).
BASELINE = replace(DEFAULT_THRESHOLDS, cross_model=False)
#: Written under the table (figures of the 2026-12-06 run).
WMT_NOTES = (
    "Notes: `before` ja-en here already has the numbers fix (full-width digits read as "
    "digits; with it the cosine rule's ja-en recall went 0.230 -> 0.467, the 2026-11-23 run"
    " had 0.492 on all system outputs). Shortfalls against R ≥ 0.95: en-ha 0.929, en-is "
    "0.943, is-en 0.875 (languages USE was not trained on). Precision is measured against "
    "other documents only; same-topic non-translations exist in the data only in covered "
    "languages (MEANTIME, section provenance_meantime). Scored as if USE did not know "
    "es/it/nl, MEANTIME airbus same-topic pairs would be linked at precision 0.39 "
    "(bench/train_crossmatch.py), so in Czech, Icelandic or Hausa an own report giving the "
    "same facts in the same order can pass as a translation "
    "(tests/test_provenance_crossmatch.py keeps that as a strict xfail). Cost: a cross-"
    "language pair takes 4.75 ms against 1.05 ms before (MEANTIME gm, 900 pairs, busy "
    "2-core machine); same-language pairs are unchanged."
)
#: System outputs kept per document (every human reference is kept): embedding all of them
#: (up to 20 per document) took over an hour on two cores.
SYSTEMS = 3


class _DedupEmbedder:
    """Embeds each distinct sentence once (system outputs repeat one another), and reads
    the vectors from `known` when given (a cache of an earlier run)."""

    def __init__(self, known: dict[str, np.ndarray] | None = None) -> None:
        self.known = known
        self.dim = 512
        self.name = "use-dedup"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        uniq = sorted(set(texts))
        if self.known is not None and all(t in self.known for t in uniq):
            vecs = np.stack([self.known[t] for t in uniq]) if uniq else np.zeros((0, self.dim))
        else:
            vecs = default_embedder().encode(uniq)
        index = {t: k for k, t in enumerate(uniq)}
        return vecs[[index[t] for t in texts]].astype(np.float32)


def _wmt_prepared(folder: object, pair: str, cache: Path | None) -> tuple[list, list]:
    """Prepared articles and cases of one pair; vectors kept in `cache` (outside the repo)."""
    import pickle

    path = cache / f"wmt21-{pair}-{SYSTEMS}.pkl" if cache else None
    if path is not None and path.exists():
        with path.open("rb") as fh:
            arts, cases, known = pickle.load(fh)
        return prepare(arts, _DedupEmbedder(known)), cases
    arts, cases = _wmt_cases(folder, pair, SYSTEMS)
    prepared = prepare(arts, _DedupEmbedder())
    if path is not None:
        known = {s: v for p in prepared for s, v in zip(p.sentences, p.vectors, strict=True)}
        with path.open("wb") as fh:
            pickle.dump((arts, cases, known), fh)
    return prepared, cases


def run_wmt21(cache: Path | None = None) -> None:
    folder = dataset("wmt21")
    if folder is None:
        return
    per_pair: dict[str, tuple[list, list]] = {}
    for pair in _wmt_pairs(folder):
        start = time.perf_counter()
        per_pair[pair] = _wmt_prepared(folder, pair, cache)
        print(f"{pair}: {len(per_pair[pair][1])} cases, {time.perf_counter() - start:.0f} s")
    covered = [p for p in per_pair if set(p.split("-")) <= USE_LANGS]
    doc = default_doc_model()
    lines = [
        "WMT21 newstest2021 documents: source vs each human reference and up to "
        f"{SYSTEMS} system outputs per document (positives, must be `translation`); source vs "
        "translations of other documents of the same test set (negatives, any link is a false "
        "positive; all kept outputs of same-publisher documents as hard negatives). Documents "
        "split by CRC32 of doc id: dev (crossmatch model trained and thresholds chosen there, "
        "all pairs) / test (reported). `before` = the cosine rule (USE cosine ≥ 0.6 per "
        "sentence, coverage of the shorter text), `after` = the crossmatch sentence model "
        "(cosine, its margin over the row and column, shared numbers and names, length "
        "ratio; see provenance/crossmatch.py) with both texts covered. Command: "
        "`python -m bench.provenance_eval wmt21 --write`.",
        "",
        "Shipped document model (bench/train_crossmatch.py, chosen on WMT21 dev and MEANTIME "
        f"airbus): P(translation) ≥ {doc.threshold}; for languages USE covers also the "
        f"order-preserving chain over ≥ {doc.covered_chain} of the longer text's sentences and "
        f"soft coverage ≥ {doc.covered_soft} of both texts.",
        "",
        "`gated` = `after` behind the candidate gate of `detect_derivations` (a cross-language "
        "pair is compared sentence by sentence only when its title+lead vectors reach cosine "
        f"{DEFAULT_THRESHOLDS.gate_lead_cross}; a pair that fails is not linked; "
        "provenance/derive.py `candidate_pairs`), what `compare` and `ingest` now run.",
        "",
        "| date | split | pair | USE covers | positives | negatives | before P | before R "
        "| after P | after R | after F1 | gated P | gated R | gate passes |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    tot_b = np.zeros(3, dtype=int)
    tot_a = np.zeros(3, dtype=int)
    tot_g = np.zeros(3, dtype=int)
    for pair, (prepared, cases) in per_pair.items():
        gate = gate_of([p.article for p in prepared], [(i, j) for i, j, _, _ in cases])
        before = _counts(prepared, cases, BASELINE, dev=False)
        after = _counts(prepared, cases, DEFAULT_THRESHOLDS, dev=False)
        gated = _counts(prepared, cases, DEFAULT_THRESHOLDS, dev=False, gate=gate)
        tot_b += before
        tot_a += after
        tot_g += gated
        test = [(i, j) for i, j, _, dev in cases if not dev]
        npos = sum(1 for c in cases if not c[3] and c[2] == 1)
        nneg = sum(1 for c in cases if not c[3] and c[2] == 0)
        pb, rb, _ = _prf(*before)
        pa, ra, fa = _prf(*after)
        pg, rg, _ = _prf(*gated)
        share = sum(gate[c] for c in test) / max(1, len(test))
        lines.append(
            f"| {DATE} | test | {pair} | {'yes' if pair in covered else 'no'} | {npos} | {nneg} "
            f"| {pb:.3f} | {rb:.3f} | {pa:.3f} | {ra:.3f} | {fa:.3f} | {pg:.3f} | {rg:.3f} "
            f"| {share:.2f} |"
        )
        print(lines[-1], flush=True)
    pb, rb, _ = _prf(*tot_b)
    pa, ra, fa = _prf(*tot_a)
    pg, rg, _ = _prf(*tot_g)
    lines.append(
        f"| {DATE} | test | all | | | | {pb:.3f} | {rb:.3f} | {pa:.3f} | {ra:.3f} | {fa:.3f} "
        f"| {pg:.3f} | {rg:.3f} | |"
    )
    lines += ["", WMT_NOTES]
    print("\n".join(lines))
    update_section("provenance_wmt21 (bench/provenance_eval.py)", "\n".join(lines))


# ---------------------------------------------------------------- meantime


def _group_prf(ids: list[str], gold: list[str], links: list) -> tuple[float, float, int]:
    """Pairwise P/R of the independence groups against gold (same article id), and the
    number of links between different articles."""
    from corroborator.provenance.links import independence_groups

    group = {m: k for k, members in enumerate(independence_groups(ids, links)) for m in members}
    gold_of = dict(zip(ids, gold, strict=True))
    tp = fp = fn = 0
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            same = gold[x] == gold[y]
            pred = group[ids[x]] == group[ids[y]]
            tp += same and pred
            fp += pred and not same
            fn += same and not pred
    false_links = sum(1 for k in links if gold_of[k.original] != gold_of[k.derivative])
    p, r, _ = _prf(tp, fp, fn)
    return p, r, false_links


def meantime_topics() -> dict[str, tuple[list[Article], list[str]]]:
    """MEANTIME articles per topic (title line and dateline taken off) and their gold group
    (the English article id they translate)."""
    folder = dataset("cdcr/meantime")
    if folder is None:
        return {}
    topics: dict[str, tuple[list[Article], list[str]]] = {}
    for line in (folder / "meantime_docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        lines = d["text"].split("\n")  # line 1 = title, line 2 = dateline
        arts, gold = topics.setdefault(d["topic"], ([], []))
        arts.append(_article(d["id"], "\n".join(lines[2:]), d["language"], lines[0]))
        gold.append(str(d["article_id"]))
    return topics


def run_meantime() -> None:
    """Translation groups on MEANTIME: each topic's 120 articles (30 English Wikinews
    articles and their es/it/nl translations, all about one company) through
    `detect_derivations` at once; the independence groups must be the 30 articles."""
    topics = meantime_topics()
    if not topics:
        return
    emb = _DedupEmbedder()
    lines = [
        "MEANTIME translation groups: per topic, 30 English Wikinews articles and their "
        "Spanish, Italian and Dutch translations (120 articles about one company, many about "
        "the same events) go through `detect_derivations` as one story; the independence "
        "groups (connected components of all links) are scored pairwise against gold = one "
        "group per article and its translations. Topic `airbus` was used to check the "
        "thresholds (tune), `apple` and `gm` are reported. `before` = the cosine rule, "
        "`after` = the crossmatch model, `gated` = `after` behind the candidate gate (pairs "
        "whose cheap signals fail it are not linked: provenance/derive.py `candidate_pairs`; "
        "`gate passes` = share of pairs compared sentence by sentence). Command: "
        "`python -m bench.provenance_eval meantime --write`.",
        "",
        "| date | topic | role | articles | before P | before R | before false links "
        "| after P | after R | after false links | gated P | gated R | gated false links "
        "| gate passes |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for topic, (arts, gold) in sorted(topics.items()):
        prepared = prepare(arts, emb)
        ids = [a.id for a in arts]
        pairs = [(x, y) for x in range(len(arts)) for y in range(x + 1, len(arts))]
        gate = gate_of(arts, pairs)
        row = []
        for th, gated in (
            (BASELINE, False),
            (DEFAULT_THRESHOLDS, False),
            (DEFAULT_THRESHOLDS, True),
        ):
            links = [
                link
                for x, y in pairs
                if (not gated or gate[(x, y)])
                and (link := derive_pair(prepared[x], prepared[y], th)) is not None
            ]
            p, r, false_links = _group_prf(ids, gold, links)
            row += [f"{p:.3f}", f"{r:.3f}", str(false_links)]
        row.append(f"{sum(gate.values()) / len(pairs):.2f}")
        role = "tune" if topic == "airbus" else "report"
        lines.append(f"| {DATE} | {topic} | {role} | {len(arts)} | " + " | ".join(row) + " |")
        print(lines[-1], flush=True)
    print("\n".join(lines))
    update_section("provenance_meantime (bench/provenance_eval.py)", "\n".join(lines))


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


def _score(
    prepared: list, cases: list[tuple[int, int, str]], th: Thresholds, gate: dict | None = None
) -> dict[str, object]:
    tp = fp = fn = 0
    hit: dict[str, list[int]] = {}
    same_event: list[tuple[int, int]] = []
    for i, j, kind in cases:
        if gate is not None and not gate[(i, j)]:
            link = None
        else:
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
        "`[candidate gate]` rows decide only the pairs that pass provenance's candidate gate "
        "(provenance/derive.py `candidate_pairs`: lexical sentence matches in one language, "
        "title+lead cosine across languages); the others are not linked. "
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
        gate = gate_of(arts, [(i, j) for i, j, _ in cases])
        configs = (
            (" [no candidate gate]", th, None),
            (" [classifier lift p ≥ 0.9, no gate]", replace(th, paraphrase_p=0.9), None),
            (" [candidate gate: the default]", th, gate),
        )
        for label, config, gated in configs:
            res = _score(prepared, cases, config, gated)
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
    known = ("msrp", "synthetic", "wmt21", "meantime")
    ap = parser(__doc__, "python -m bench.provenance_eval")
    ap.add_argument("parts", nargs="*", help=f"parts to run: {', '.join(known)} (default: all)")
    ap.add_argument(
        "--cache", type=Path, help="folder (outside the repo) keeping WMT21 sentence vectors"
    )
    args = parse_args(ap, argv)
    parts = args.parts or list(known)
    if set(parts) - set(known):
        ap.error(f"unknown part(s) {sorted(set(parts) - set(known))}; choose from {known}")
    start = time.perf_counter()
    if "msrp" in parts:
        run_msrp()
    if "synthetic" in parts:
        run_synthetic()
    if "meantime" in parts:
        run_meantime()
    if "wmt21" in parts:
        run_wmt21(args.cache)
    print(f"provenance_eval: {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
