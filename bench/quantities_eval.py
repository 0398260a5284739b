"""NewsQuant quantity extraction: value F1 and value+unit F1, scored like CQE's evaluator.

Data: ../shared/data/newsquant (override with CORROBORATOR_DATA); skips cleanly if absent.
NewsQuant has only a test set; the extractor was tuned on our own fixtures (tests/), never on it.

Scoring (replicates CQE_Evaluation/evaluate_models.py as closely as our output allows): per
sentence, each gold quantity is matched to a not-yet-used prediction whose value is numpy-close
(rtol 1e-5; ranges compared as (low, high) pairs); value TP counts such matches, value+unit TP
those whose unit also matches. P = TP / predictions, R = TP / gold, micro over all sentences.
Our values are normalised (durations in seconds), so for this benchmark we score the value *as
written* (`NumberMention.raw_value`: "90 minutes" -> 90, unit "minute"). Units: our unit name
(money -> "dollar"/"euro"/..., percentages -> "percentage", durations -> "hour"..., counts -> the
counted noun's lemma) is compared with the gold `normalized_unit`, loosely: equal after
lower-casing and singularising, or the gold unit's last word equals ours ("year of age" vs
"age" excepted: we map ages to "year of age"). Gold "-" (no unit) matches a count with any noun.
Units of measure come from `corroborator.units` under NewsQuant's (quantulum3's) names
("kilometre", "mile per hour", "gigabyte"); a rate's denominator is appended ("dollar per
share", "percentage per year": `NumberMention.per`). The row "v+u exact" scores units by CQE's
own rule, exact equality of the lower-cased names, with nothing loosened: it is the row to
set against CQE's published 85.6; the loose row also credits lemma and last-word matches of
counted nouns ("people" vs "person", "Kia Hyundai vehicle" vs "vehicle"). A count's unit is its
noun phrase (`NumberMention.phrase`: modifiers as written, head canonical: "different product",
"Liverpool fan"), else its head; the bare head "person" is named "people", NewsQuant's (and
quantulum3's) name of that unit, as currency codes are named by `CURRENCY_NAMES`. The loose row
credits a match on the phrase or on the head alone. `--errors` prints the error classes (counts of
misses, false positives and exact-rule unit mismatches by kind), never the sentences.
Vague plurals ("dozens of", "tens of thousands of") are scored by their raw value, the
order-of-magnitude range NewsQuant writes ((12, 120), (10000, 100000)); clock times are not
quantities (NewsQuant annotates none) and `find_numbers` leaves them out.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from corroborator.claims.lang import get_lexicon
from corroborator.claims.lang.en import lemmatize
from corroborator.claims.quantities import NumberMention, find_numbers, neutral_masks
from corroborator.units import UNIT_NAMES, canonical_unit

CURRENCY_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "NZD": "new zealand dollar",
    "INR": "indian rupee",
    "CHF": "swiss franc",
    "PLN": "polish zloty",
    "RUB": "russian ruble",
    "SGD": "singapore dollar",
    "MYR": "malaysian ringgit",
    "ILS": "shekel",
    "BRL": "brazilian real",
    "DKK": "danish krone",
    "SEK": "swedish krona",
    "NOK": "norwegian krone",
}


def data_dir() -> Path:
    env = os.environ.get("CORROBORATOR_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return base / "newsquant"


def unit_name(m: NumberMention) -> str:
    name = _base_unit_name(m)
    return f"{name} per {m.per}" if m.per and name != "-" else name


def _base_unit_name(m: NumberMention) -> str:
    if m.kind == "money" and m.raw_unit == "cent":
        return "cent"  # "45 cents": the unit written, as NewsQuant names it
    if m.kind == "money":
        return CURRENCY_NAMES.get(m.unit or "", (m.unit or "").lower())
    if m.kind == "percentage":
        return "percentage" if m.unit == "%" else "percentage point"
    if m.head == "age":
        return m.raw_unit if m.raw_unit and m.raw_unit.endswith(" of age") else "year of age"
    if m.kind == "duration":
        return m.raw_unit or ""
    if m.head == "person" and not m.phrase:
        return "people"  # NewsQuant's (quantulum3's) name of the unit; our lemma is "person"
    return m.phrase or m.head or "-"


def loose_match(gold: str, m: NumberMention) -> bool:
    """The loose rule, on the count's noun phrase or on its head alone."""
    if units_match(gold, unit_name(m), m.kind):
        return True
    return bool(m.phrase) and units_match(gold, unit_name(replace(m, phrase=None)), m.kind)


def units_match(gold: str, ours: str, kind: str) -> bool:
    g, o = gold.lower().strip(), ours.lower().strip()
    if g == o:
        return True
    if g == "-":
        return kind == "quantity"
    gl = " ".join(lemmatize(w) for w in g.split())
    ol = " ".join(lemmatize(w) for w in o.split())
    return gl == ol or gl.split()[-1] == ol or (g == "count" and kind == "quantity")


_CURRENCY_WORDS = ("dollar", "euro", "pound sterling", "yen", "yuan", "shekel", "ringgit", "krone")


def miss_class(
    q: dict[str, object], gv: float | tuple[float, float], preds: list[NumberMention]
) -> str:
    """Why a gold quantity was not matched, as a class (no text)."""
    unit = str(q["normalized_unit"])
    if any(values_match(gv, p.raw_value) for p in preds):
        return "value read, matched to another gold of the sentence"
    if isinstance(gv, tuple):
        if any(isinstance(p.raw_value, float) and p.raw_value in gv for p in preds):
            return "gold range 'from X to Y' (we read X and Y apart)"
        return "gold range, not read"
    if unit.startswith("%") and gv < 1:
        return "fraction as a share, not read"
    if unit == "-":
        return "bare number, no unit (we read none: no noun)"
    if gv == 1:
        return "'one' ('one of the best ...'), not read"
    if any(w in unit for w in _CURRENCY_WORDS):
        return "money, not read"
    if canonical_unit(unit) or unit in UNIT_NAMES.values():
        return "unit of measure, not read"
    if unit in ("count", "times") or unit.startswith("count"):
        return "multiplier or times, not read"
    return "count of a noun, not read"


def fp_class(p: NumberMention, golds: list[dict[str, object]]) -> str:
    """What a prediction without a gold quantity is, as a class (no text)."""
    ends = {v for q in golds if isinstance(q["value_range"], list) for v in q["value_range"]}
    if isinstance(p.raw_value, float) and p.raw_value in ends:
        return f"{p.kind}: one end of a gold range ('from X to Y')"
    if p.kind == "quantity":
        if p.head == "age":
            return "quantity: age"
        if p.head and canonical_unit(p.head.split(" per ")[0]):
            return "quantity: unit of measure"
        return "quantity: count of a noun"
    return p.kind


def unit_class(gold: str, p: NumberMention) -> str:
    """How our unit differs from the gold's under the exact rule, as a class."""
    ours = unit_name(p).lower()
    g = gold.lower()
    if g == "-":
        return "gold has none, ours names one"
    if p.kind == "quantity" and p.head and g.split()[-1] in (p.head, lemmatize(p.head)):
        return "count: same head, other modifiers"
    if p.kind == "money" or any(w in g for w in _CURRENCY_WORDS):
        return "money: other currency or rate"
    if p.kind == "percentage" or g.startswith("%"):
        return "percentage: gold names the group"
    if canonical_unit(g) or g in UNIT_NAMES.values():
        return "unit of measure: other name or none"
    return "count: other noun" if p.kind == "quantity" and ours != "-" else f"{p.kind}: other"


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def values_match(gold: float | tuple[float, float], ours: float | tuple[float, float]) -> bool:
    if isinstance(gold, tuple) and isinstance(ours, tuple):
        return close(ours[0], gold[0]) and close(ours[1], gold[1])
    if isinstance(gold, tuple) or isinstance(ours, tuple):
        return False
    return close(ours, gold)


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args, parser

    ap = parser(__doc__, "python -m bench.quantities_eval")
    ap.add_argument(
        "--neutral",
        action="store_true",
        help="read with the language-neutral path (no lexicon: digits, %%, currency symbols, "
        "glued unit symbols), as an article in a language without a lexicon is read",
    )
    ap.add_argument(
        "--errors",
        action="store_true",
        help="also print the error classes (counts only: misses, false positives, unit "
        "mismatches under the exact rule), never the sentences",
    )
    args = parse_args(ap, argv)
    path = data_dir() / "newsquant.jsonl"
    if not path.exists():
        print(f"newsquant data not found at {path}; skipping")
        return 0
    lex = None if args.neutral else get_lexicon("en")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    n_gold = n_pred = tp_v = tp_vu = tp_exact = 0
    errors: Counter[str] = Counter()
    t0 = time.perf_counter()
    for r in rows:
        s = r["sentence"]
        # Ordinals ("the 11th round") are places in a series, which NewsQuant does not annotate.
        preds = [
            p for p in find_numbers(s, 0, len(s), lex, neutral_masks(s, 0, len(s))) if not p.ordinal
        ]
        golds = r["quantities"]
        n_gold += len(golds)
        n_pred += len(preds)
        used: set[int] = set()
        for q in golds:
            gv: float | tuple[float, float] = (
                q["value"] if q["value"] is not None else tuple(q["value_range"])
            )
            best: int | None = None
            for i, p in enumerate(preds):
                if i in used or not values_match(gv, p.raw_value):
                    continue
                if loose_match(q["normalized_unit"], p):
                    best = i
                    break
                if best is None:
                    best = i
            if best is None:
                errors["miss: " + miss_class(q, gv, preds)] += 1
                continue
            used.add(best)
            tp_v += 1
            if loose_match(q["normalized_unit"], preds[best]):
                tp_vu += 1
            if q["normalized_unit"].lower() == unit_name(preds[best]).lower():
                tp_exact += 1
            else:
                errors["unit: " + unit_class(q["normalized_unit"], preds[best])] += 1
        for i, p in enumerate(preds):
            if i not in used:
                errors["false positive: " + fp_class(p, golds)] += 1
    secs = time.perf_counter() - t0

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        rc = tp / n_gold if n_gold else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        return 100 * p, 100 * rc, 100 * f

    path_name = "language-neutral path" if args.neutral else "English lexicon"
    print(
        f"NewsQuant ({path_name}): {len(rows)} sentences, {n_gold} gold quantities, "
        f"{n_pred} predictions"
    )
    print(f"{'metric':<14}{'P':>7}{'R':>7}{'F1':>7}   (CQE published F1)")
    for name, tp, ref in (
        ("value", tp_v, 92.0),
        ("value+unit", tp_vu, 85.6),
        ("v+u exact", tp_exact, 85.6),
    ):
        pr, rc, f = prf(tp)
        print(f"{name:<14}{pr:7.1f}{rc:7.1f}{f:7.1f}   ({ref})")
    print(f"time: {secs * 1000:.0f} ms total, {secs * 1e6 / len(rows):.0f} us/sentence")
    if args.errors:
        print("error classes (count):")
        for name, n in sorted(errors.items()):
            print(f"  {n:4d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
