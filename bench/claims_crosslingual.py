"""Cross-language claim alignment on MEANTIME: do the values that an English article and its
translation both state land in one slot (one claim)?

Data: ../shared/data/cdcr/meantime/meantime_docs.jsonl (override the data folder with
CORROBORATOR_DATA); skips cleanly when absent. MEANTIME holds Wikinews articles in English
with sentence-aligned human translations into Spanish, Italian and Dutch (equal `article_id`);
topic "stock" is reserved and not staged, so 90 articles x 3 translations = 270 pairs.

For every (English article, translation) pair the real `compare` pipeline runs on the two
documents (`build_report`, title + body, a url, the publication date and the language as a
hint). From the report's claims we read every mention of kind quantity, percentage, money,
duration, date or time, and pair an English mention with a translated one when both state the
same normalised value of the same kind:
  - numbers (quantity, percentage, money, duration): equal within 0.5 %, same unit;
  - dates: equal ISO strings after dropping any time part (so "2008-03" never equals
    "2008-03-01": a month and a day are different statements);
  - times: equal value and zone.
A translation's "3" and the original's "3" can be different facts, so only UNAMBIGUOUS values
count: the value occurs exactly once in the English article and exactly once in the
translation (once = one mention span matching it under the rules above; quotes, attributions
and events are not compared). These pairs are the "both-stated" values.

Slot recall = share of both-stated values whose two mentions sit in one claim (same claim id).
When the pipeline splits the pair into two stories the two mentions cannot share a claim: that
counts as a miss and is also reported on its own. Values stated in both articles but extracted
with different kinds ("US$ 40 billion" as money on one side and a plain quantity on the other)
are not both-stated by the rule above; they are counted separately as kind mismatches.

Usage:  python -m bench.claims_crosslingual [es] [it] [nl] [--limit N] [-v]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

LANGS = ("es", "it", "nl")
KINDS = ("quantity", "percentage", "money", "duration", "date", "time")
NUMERIC = {"quantity", "percentage", "money", "duration"}
URL = "https://meantime.example/doc/"
REL_TOL = 0.005
#: Keys an extractor gives when it found no head (a language without a lexicon).
GENERIC_KEYS = frozenset({"percentage", "amount", "count", "date", "time", "duration", "money"})


def data_dir() -> Path:
    env = os.environ.get("CORROBORATOR_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


def load_docs() -> dict[str, dict[str, Any]] | None:
    path = data_dir() / "cdcr" / "meantime" / "meantime_docs.jsonl"
    if not path.exists():
        return None
    docs: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["id"]] = d
    return docs


def raw_document(doc: dict[str, Any]) -> Any:
    """One MEANTIME document as `compare` would read it: title apart, body (dateline on)."""
    from corroborator.model import RawDocument

    text = doc["text"]
    title = doc.get("title") or None
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]
    return RawDocument(
        source=f"{doc['id']}.jsonl:1",
        text=text,
        title=title,
        url=URL + doc["id"],
        published=doc.get("date_publish") or None,
        outlet=f"wikinews-{doc['language']}",
        language=doc["language"],
    )


# ------------------------------------------------------------------ values


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    return None


def same_value(kind: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two mentions (of the same claim kind) state the same normalised value."""
    if kind in NUMERIC:
        x, y = _number(a["value"]), _number(b["value"])
        if x is None or y is None or (a.get("unit") or None) != (b.get("unit") or None):
            return False
        return abs(x - y) <= REL_TOL * max(abs(x), abs(y))
    if a["value"] is None or b["value"] is None:
        return False
    if kind == "date":
        return str(a["value"]).split("T")[0] == str(b["value"]).split("T")[0]
    return str(a["value"]) == str(b["value"]) and a.get("unit") == b.get("unit")


def show_value(kind: str, m: dict[str, Any]) -> str:
    v = m["value"]
    if kind in NUMERIC and isinstance(v, int | float):
        v = f"{v:g}"
    return f"{v}{' ' + m['unit'] if m.get('unit') and m['unit'] != 'date' else ''}"


def mentions_by_article(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each article's value mentions (deduplicated spans), each with its claim, kind, story."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[str, int, int, str]] = set()
    for story in report["stories"]:
        for claim in story["claims"]:
            if claim["kind"] not in KINDS:
                continue
            for m in claim["mentions"]:
                span = (m["article"], m["start"], m["end"], claim["kind"])
                if span in seen:
                    continue
                seen.add(span)
                out[m["article"]].append(
                    {
                        **m,
                        "kind": claim["kind"],
                        "claim": claim["id"],
                        "story": story["id"],
                        "label": claim.get("label") or claim["key"],
                        "key": claim["key"],
                    }
                )
    return out


Pair = tuple[dict[str, Any], dict[str, Any]]


def both_stated(
    en: list[dict[str, Any]], xx: list[dict[str, Any]]
) -> tuple[list[Pair], list[Pair]]:
    """(English mention, translated mention) pairs of unambiguous equal values, and the
    unambiguous equal numbers that were extracted with different kinds on the two sides."""
    pairs = []
    for m in en:
        kind = m["kind"]
        if sum(1 for o in en if o["kind"] == kind and same_value(kind, m, o)) != 1:
            continue
        hits = [o for o in xx if o["kind"] == kind and same_value(kind, m, o)]
        if len(hits) != 1:
            continue
        h = hits[0]
        if sum(1 for o in xx if o["kind"] == kind and same_value(kind, h, o)) != 1:
            continue
        pairs.append((m, h))
    mismatched: list[Pair] = []
    for m in en:
        if m["kind"] not in NUMERIC:
            continue
        eq_en = [o for o in en if o["kind"] in NUMERIC and _loose(m, o)]
        eq_xx = [o for o in xx if o["kind"] in NUMERIC and _loose(m, o)]
        if len(eq_en) == 1 and len(eq_xx) == 1 and eq_xx[0]["kind"] != m["kind"]:
            mismatched.append((m, eq_xx[0]))
    return pairs, mismatched


def _generic(key: str) -> bool:
    """A key without a measured thing ("percentage", "event amount", "count (units)")."""
    k = key.lower()
    return k in GENERIC_KEYS or k.startswith(("event ", "count", "money", "date", "duration"))


def _loose(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = _number(a["value"]), _number(b["value"])
    return x is not None and y is not None and abs(x - y) <= REL_TOL * max(abs(x), abs(y))


# ------------------------------------------------------------------ run


def run(
    docs: dict[str, dict[str, Any]], langs: tuple[str, ...], limit: int | None, verbose: bool
) -> dict[str, Any]:
    from corroborator.embed import default_embedder
    from corroborator.pipeline import build_report

    embedder = default_embedder()
    embedder.encode(["warm-up"])
    english = sorted(d for d in docs if docs[d]["language"] == "en")
    if limit:
        english = english[:limit]
    hit: Counter[tuple[str, str]] = Counter()  # (lang, kind) -> in one claim
    total: Counter[tuple[str, str]] = Counter()
    split_pairs: Counter[str] = Counter()  # lang -> article pairs in two stories
    split_misses: Counter[str] = Counter()  # lang -> both-stated values lost to a split
    pairs_run: Counter[str] = Counter()
    mismatched: Counter[str] = Counter()
    mismatch_kinds: Counter[tuple[str, str]] = Counter()
    causes: Counter[str] = Counter()
    en_unique_unmatched: Counter[str] = Counter()
    en_unique: Counter[str] = Counter()
    failures: Counter[tuple[str, str, str, str]] = Counter()
    failure_value: dict[tuple[str, str, str, str], str] = {}
    ms: list[float] = []
    for en_id in english:
        aid = docs[en_id]["article_id"]
        for lang in langs:
            xx_id = f"{lang}_{aid}"
            if xx_id not in docs:
                continue
            start = time.perf_counter()
            report = build_report([raw_document(docs[en_id]), raw_document(docs[xx_id])], embedder)
            ms.append((time.perf_counter() - start) * 1000)
            rep = report.to_dict()
            pairs_run[lang] += 1
            ids = {a["source"].split(".jsonl")[0]: a["id"] for a in rep["articles"]}
            a_en, a_xx = ids.get(en_id), ids.get(xx_id)
            if a_en is None or a_xx is None:
                continue
            story_of = {a: s["id"] for s in rep["stories"] for a in s["articles"]}
            split = story_of.get(a_en) != story_of.get(a_xx)
            split_pairs[lang] += split
            by_article = mentions_by_article(rep)
            en_m, xx_m = by_article.get(a_en, []), by_article.get(a_xx, [])
            pairs, kind_mismatch = both_stated(en_m, xx_m)
            mismatched[lang] += len(kind_mismatch)
            for m, h in kind_mismatch:
                mismatch_kinds[m["kind"], h["kind"]] += 1
                if verbose:
                    print(
                        f"  {lang} {aid} KIND {show_value(m['kind'], m)} {m['kind']} "
                        f"{m['label']!r} | {show_value(h['kind'], h)} {h['kind']} {h['label']!r}"
                    )
            for m in en_m:  # coverage: unambiguous English values with no equal on the other side
                if m["kind"] in NUMERIC and sum(_loose(m, o) for o in en_m) == 1:
                    en_unique[lang] += 1
                    en_unique_unmatched[lang] += not any(_loose(m, o) for o in xx_m)
            for m, h in pairs:
                kind = m["kind"]
                total[lang, kind] += 1
                if m["claim"] == h["claim"]:
                    hit[lang, kind] += 1
                    continue
                if split:
                    split_misses[lang] += 1
                    causes["split stories"] += 1
                elif m["key"].lower() == h["key"].lower():
                    causes["same key, two claims"] += 1
                elif _generic(h["key"]) or _generic(m["key"]):
                    causes["a key without its measured thing (generic head)"] += 1
                else:
                    causes["keys differ (head not the same word)"] += 1
                why = (kind, m["label"], h["label"], "split stories" if split else "two claims")
                failures[why] += 1
                failure_value.setdefault(why, show_value(kind, m))
                if verbose:
                    print(
                        f"  {lang} {aid} MISS {kind} {show_value(kind, m)}: "
                        f"{m['claim']} {m['label']!r} | {h['claim']} {h['label']!r}"
                        f"{' (split)' if split else ''}"
                    )
    return {
        "hit": hit,
        "total": total,
        "split_pairs": split_pairs,
        "split_misses": split_misses,
        "pairs_run": pairs_run,
        "mismatched": mismatched,
        "mismatch_kinds": mismatch_kinds,
        "causes": causes,
        "en_unique": en_unique,
        "en_unique_unmatched": en_unique_unmatched,
        "failures": failures,
        "failure_value": failure_value,
        "ms": ms,
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "- (0/0)"


def tables(r: dict[str, Any], langs: tuple[str, ...]) -> list[str]:
    hit, total = r["hit"], r["total"]
    all_hit, all_total = sum(hit.values()), sum(total.values())
    out = [
        "| language | pairs | both-stated | slot recall | split pairs | lost to splits "
        "| kind mismatches | EN numbers with no equal |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for lang in langs:
        h = sum(v for (la, _), v in hit.items() if la == lang)
        t = sum(v for (la, _), v in total.items() if la == lang)
        out.append(
            f"| {lang} | {r['pairs_run'][lang]} | {t} | {_ratio(h, t)} | "
            f"{r['split_pairs'][lang]} | {r['split_misses'][lang]} | {r['mismatched'][lang]} | "
            f"{_ratio(r['en_unique_unmatched'][lang], r['en_unique'][lang])} |"
        )
    out.append(
        f"| all | {sum(r['pairs_run'].values())} | {all_total} | {_ratio(all_hit, all_total)} | "
        f"{sum(r['split_pairs'].values())} | {sum(r['split_misses'].values())} | "
        f"{sum(r['mismatched'].values())} | "
        f"{_ratio(sum(r['en_unique_unmatched'].values()), sum(r['en_unique'].values()))} |"
    )
    out += ["", "| kind | " + " | ".join(langs) + " | all |", "|---" * (len(langs) + 2) + "|"]
    for kind in KINDS:
        cells = [_ratio(hit[lang, kind], total[lang, kind]) for lang in langs]
        h = sum(hit[lang, kind] for lang in langs)
        t = sum(total[lang, kind] for lang in langs)
        out.append(f"| {kind} | " + " | ".join(cells) + f" | {_ratio(h, t)} |")
    return out


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args, parser

    ap = parser(__doc__, "python -m bench.claims_crosslingual")
    ap.add_argument("langs", nargs="*", help=f"translations: {' '.join(LANGS)} (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="at most N articles per language")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parse_args(ap, argv)
    verbose = args.verbose
    limit = args.limit
    if set(args.langs) - set(LANGS):
        ap.error(f"unknown language(s) {sorted(set(args.langs) - set(LANGS))}; choose from {LANGS}")
    langs = tuple(args.langs) or LANGS
    docs = load_docs()
    if docs is None:
        print("skipped: ../shared/data/cdcr/meantime/meantime_docs.jsonl not found")
        return 0
    start = time.perf_counter()
    r = run(docs, langs, limit, verbose)
    rows = tables(r, langs)
    ms = r["ms"]
    timing = (
        f"ms per article pair (build_report, model loaded): mean {statistics.fmean(ms):.0f}, "
        f"median {statistics.median(ms):.0f}, max {max(ms):.0f}"
        if ms
        else "no pairs run"
    )
    print("\n".join(rows))
    print(timing)
    print("\nmost common failures (kind, example value, EN claim label | translation label):")
    for why, n in r["failures"].most_common(10):
        kind, en_label, xx_label, cause = why
        print(f"  {n:3d}  {kind} {r['failure_value'][why]}: {en_label!r} | {xx_label!r} [{cause}]")
    causes = ", ".join(f"{k} {n}" for k, n in r["causes"].most_common())
    kinds = ", ".join(f"{a}->{b} {n}" for (a, b), n in r["mismatch_kinds"].most_common())
    print(f"misses by cause: {causes or 'none'}")
    print(f"kind mismatches (English kind -> translation kind): {kinds or 'none'}")
    print(f"({time.perf_counter() - start:.0f} s)")
    if limit is None and langs == LANGS:
        from bench.results import update_section

        update_section(
            "claims_crosslingual",
            f"`python -m bench.claims_crosslingual` ({date.today().isoformat()}): MEANTIME "
            "English Wikinews articles and their human translations (airbus, apple, gm topics; "
            "stock is reserved), each (en, xx) pair run through `build_report` on its own. "
            "Both-stated = an English and a translated value mention with the same kind and "
            "normalised value (numbers within 0.5 % and same unit, dates equal ISO strings, "
            "times equal), each occurring once in its article. Slot recall = share of these in "
            "one claim; a pair split into two stories loses all its values (counted as misses, "
            "and in 'lost to splits'). Kind mismatches = unambiguous equal numbers extracted "
            "with different kinds on the two sides (not in recall). Last column: unambiguous "
            "English numbers with no equal number anywhere in the translation (extraction "
            "coverage, an upper bound: a translation may round or drop a figure).\n\n"
            + "\n".join(rows)
            + f"\n\n{timing}.\n\nMisses by cause: {causes or 'none'}. Kind mismatches "
            f"(English kind -> translation kind): {kinds or 'none'}.",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
