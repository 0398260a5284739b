"""Claim-extraction coverage per language on our own parallel fixtures.

`tests/data/claims/<lang>_orlen.txt` tell one fictional event (the Orlen depot fire) in en, de,
fr, es, pl and ru; `<lang>_orlen.gold.json` lists every planted value (kind, value, unit, key).
Each text also holds distractors that must not be read as claims (a time-frame idiom, a rate).

Per language:
  recall     planted (kind, value, unit) found / planted
  precision  extracted numeric or date claims that are planted / extracted
  key        found claims whose key equals the gold (English canonical) key
  key=en     found claims whose key equals the key extracted from the English text for the
             same planted fact (what cross-lingual alignment needs)
  ms         extraction time per article (after a warm-up run that loads the lexicon)

Run: `.venv/bin/python -m bench.claims_coverage`. The fixtures were written by the engineer who
wrote the lexicons: the figures measure coverage of the phrasings we support, not accuracy on
unseen news text (see bench/quantities_eval.py for that, English only).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from corroborator.claims import extract_claims
from corroborator.model import Extraction
from corroborator.text.sentences import split_sentences

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims"
LANGS = ("en", "de", "fr", "es", "pl", "ru")
KINDS = frozenset({"duration", "quantity", "percentage", "money", "date"})


def _same(e: Extraction, g: dict[str, Any]) -> bool:
    if e.kind != g["kind"] or (e.unit or None) != g["unit"]:
        return False
    if g["kind"] == "date":
        return e.value == g["value"]
    if not isinstance(e.value, int | float):
        return False
    return abs(float(e.value) - float(g["value"])) <= 0.005 * max(1.0, abs(float(g["value"])))


def evaluate(lang: str) -> dict[str, Any]:
    text = (DATA / f"{lang}_orlen.txt").read_text(encoding="utf-8").strip()
    gold = json.loads((DATA / f"{lang}_orlen.gold.json").read_text(encoding="utf-8"))
    sents = split_sentences(text, lang)
    extract_claims(text, sents, lang, gold["published"])  # warm-up: lexicon and regexes
    t0 = time.perf_counter()
    runs = 20
    for _ in range(runs):
        found = extract_claims(text, sents, lang, gold["published"])
    ms = (time.perf_counter() - t0) / runs * 1000
    numeric = [e for e in found if e.kind in KINDS]
    matched: dict[str, Extraction] = {}
    used: set[int] = set()
    for g in gold["claims"]:
        for k, e in enumerate(numeric):
            if k not in used and _same(e, g):
                matched[g["id"]] = e
                used.add(k)
                break
    missed = [g["id"] for g in gold["claims"] if g["id"] not in matched]
    extra = [f"{e.kind}:{e.text}" for k, e in enumerate(numeric) if k not in used]
    keys_ok = sum(
        1 for g in gold["claims"] if g["id"] in matched and matched[g["id"]].key == g["key"]
    )
    return {
        "lang": lang,
        "planted": len(gold["claims"]),
        "found": len(matched),
        "extracted": len(numeric),
        "keys_ok": keys_ok,
        "keys": {i: e.key for i, e in matched.items()},
        "missed": missed,
        "extra": extra,
        "ms": ms,
        "sentences": len(sents),
    }


def main(argv: list[str] | None = None) -> None:
    from bench.results import parse_args, parser

    parse_args(parser(__doc__, "python -m bench.claims_coverage"), argv)
    rows = [evaluate(lang) for lang in LANGS]
    en_keys = rows[0]["keys"]
    lines = [
        "| lang | planted | recall | precision | key = gold | key = en | ms/article |",
        "|---|---|---|---|---|---|---|",
    ]
    notes = []
    for r in rows:
        shared = [i for i in r["keys"] if i in en_keys]
        agree = sum(1 for i in shared if r["keys"][i] == en_keys[i])
        recall = r["found"] / r["planted"]
        precision = r["found"] / r["extracted"] if r["extracted"] else 0.0
        key_gold = r["keys_ok"] / r["found"] if r["found"] else 0.0
        key_en = agree / len(shared) if shared else 0.0
        lines.append(
            f"| {r['lang']} | {r['planted']} | {recall:.2f} | {precision:.2f} | "
            f"{key_gold:.2f} | {key_en:.2f} | {r['ms']:.1f} |"
        )
        if r["missed"] or r["extra"]:
            notes.append(f"- {r['lang']}: missed {r['missed'] or '-'}; extra {r['extra'] or '-'}")
        wrong = [f"{i}={k!r}" for i, k in sorted(r["keys"].items()) if k != en_keys.get(i, k)]
        if wrong:
            notes.append(f"- {r['lang']} keys differing from en: {', '.join(wrong)}")
    table = "\n".join(lines)
    print(table)
    print("\n".join(notes))
    from bench.results import update_section

    body = (
        "Date 2026-11-23. Command: `.venv/bin/python -m bench.claims_coverage`.\n"
        "Fixtures: tests/data/claims/<lang>_orlen.txt + .gold.json (our own parallel texts of one "
        "fictional event, 9 planted values each: 2 durations, 3 counts, money, percentage, "
        "2 dates; plus a time-frame idiom and a rate that must not be extracted). Written "
        "alongside the lexicons, so this is coverage of supported phrasings, not held-out "
        "accuracy.\n\n" + table + ("\n\n" + "\n".join(notes) if notes else "")
    )
    update_section("claims_coverage", body)


if __name__ == "__main__":
    main()
