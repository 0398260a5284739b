"""Direct-quote extraction on PolNeAR: quote-span and speaker precision/recall.

Data: ../shared/data/polnear (override with CORROBORATOR_DATA); skips cleanly if absent.
Split rule (dataset README): tune on dev, report test. Usage:
    python -m bench.quotes_eval            # test split (headline)
    python -m bench.quotes_eval dev        # dev split (tuning)

Gold direct quotes: every quote-marked segment (“…” or "…", at least 4 words, so scare quotes
are excluded) lying inside the content span of an annotated attribution; its speaker is that
attribution's source text. Quote-marked text outside any attribution (titles, scare quotes) is
not gold, so extracting it costs precision.
Matching: a predicted quote matches a gold one when their spans overlap by IoU >= 0.5 (one to
one, greedy in text order). Speaker: a match counts for the speaker metric when the normalised
keys agree (last capitalised token, lower case: "Hillary Clinton" ~ "Clinton"). Gold sources
that are pronouns ("he", relative "who") are left out of the speaker metric (we resolve pronouns
to names, the gold does not) — their count is printed.

Two speaker rows:
  quote+speaker         a gold source's key is taken from its head phrase, before an appositive
                        or relative clause ("Tom Ashby, a former aide who runs Northgate
                        Advisors" -> "ashby", "Gov. Ada Morrow of Eastland" ->
                        "morrow"; the full span's key "advisors" also counts), and
                        a prediction on a quote whose gold source is left out (pronoun) is left
                        out of precision as well.
  quote+speaker (v1)    the first version of this bench (up to 2026-12-06): full-span gold key,
                        only personal pronouns left out, and predictions on left-out quotes count
                        as false positives. Kept for comparison with older figures.
Usage: python -m bench.quotes_eval [split] [--rules | --parse-all]
  --rules      no parser, the rule path only
  --parse-all  parse every candidate sentence and prefer the parse for every quote (the
               behaviour before 2026-12-06 session 4; the default parses only the sentences
               near quotes whose speaker the rules leave open, see claims/quotes.py)
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from corroborator.claims.lang import get_lexicon
from corroborator.claims.quotes import find_quotes, speaker_key, speaker_parser
from corroborator.nlp import Doc, spacy_backend

_SEG = re.compile(r"“[^”]{1,1500}”|\"[^\"\n]{1,1500}\"")
MIN_WORDS = 4


def data_dir() -> Path:
    env = os.environ.get("CORROBORATOR_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return base / "polnear"


def gold_quotes(doc: dict) -> list[tuple[int, int, str | None]]:
    text = doc["text"]
    out: dict[tuple[int, int], str | None] = {}
    for a in doc["attributions"]:
        if not a.get("content"):
            continue
        src = a["source"]["text"] if a.get("source") else None
        for cs, ce in a["content"]["spans"]:
            # Widen by one char each side: the content span may stop inside the marks.
            lo, hi = max(0, cs - 1), min(len(text), ce + 1)
            for m in _SEG.finditer(text, lo, hi):
                if len(m.group()[1:-1].split()) >= MIN_WORDS:
                    out.setdefault((m.start(), m.end()), src)
    return sorted((s, e, src) for (s, e), src in out.items())


_RELATIVE_SOURCES = frozenset(["who", "which", "that", "whom", "you", "his", "her", "its", "their"])
_HEAD_CUT = re.compile(r",|\s\(|\s(?:who|which|whose|that|of)\s")


def gold_keys(src: str, lex: object) -> set[str]:
    """Keys a predicted speaker may match: the full span's key and its head phrase's key."""
    head = _HEAD_CUT.split(src, maxsplit=1)[0]
    return {speaker_key(src, lex), speaker_key(head, lex)}  # type: ignore[arg-type]


class _TimedParser:
    """The parser `find_quotes` uses for speakers, timing `pipe` apart from the model load."""

    name = "timed"

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.inner = speaker_parser(lang)
        if self.inner is not None:
            self.inner.parse("Warm up.")  # import + load now, timed in LOAD_SECONDS
        self.seconds = 0.0
        self.cpu = 0.0
        self.chars = 0

    def parse(self, text: str) -> Doc:
        return self.pipe([text])[0]

    def pipe(self, texts: Iterable[str]) -> list[Doc]:
        batch = list(texts)
        if self.inner is None:
            return [Doc(t, self.lang, "none", ()) for t in batch]
        t0, c0 = time.perf_counter(), time.process_time()
        out = self.inner.pipe(batch)
        self.seconds += time.perf_counter() - t0
        self.cpu += time.process_time() - c0
        self.chars += sum(len(t) for t in batch)
        return out


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def main(argv: list[str] | None = None) -> int:
    from bench.results import parse_args
    from bench.results import parser as arg_parser

    ap = arg_parser(__doc__, "python -m bench.quotes_eval")
    ap.add_argument("split", nargs="?", default="test", help="dataset split (default: test)")
    ap.add_argument("--rules", action="store_true", help="no parser: the rule path only")
    ap.add_argument(
        "--parse-all", action="store_true", help="parse every candidate sentence (as before)"
    )
    args = parse_args(ap, argv)
    use_parser = not args.rules
    split = args.split
    path = data_dir() / f"polnear_{split}.jsonl"
    if not path.exists():
        print(f"polnear data not found at {path}; skipping")
        return 0
    lex = get_lexicon("en")
    pronouns = lex.pronouns if lex else frozenset()
    left_out = pronouns | _RELATIVE_SOURCES
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    n_gold = n_pred = tp = 0
    # v2 (current) and v1 (first version) speaker counts.
    sp_gold = sp_pred = sp_tp = sp_pron = 0
    v1_gold = v1_pred = v1_tp = v1_pron = 0
    parser = _TimedParser(lex.code) if use_parser and lex is not None else None
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        gold = gold_quotes(d)
        if parser is not None:
            preds = find_quotes(d["text"], lex, parser=parser, parse_all=args.parse_all)
        else:
            preds = find_quotes(d["text"], lex, use_parser=False)
        n_gold += len(gold)
        n_pred += len(preds)
        with_speaker = sum(1 for p in preds if p.speaker_key)
        sp_pred += with_speaker
        v1_pred += with_speaker
        used: set[int] = set()
        for gs, ge, src in gold:
            src_low = (src or "").strip().lower()
            v1_has = bool(src) and src_low not in pronouns
            has = bool(src) and src_low not in left_out
            v1_pron += bool(src) and not v1_has
            sp_pron += bool(src) and not has
            v1_gold += v1_has
            sp_gold += has
            for i, p in enumerate(preds):
                if i in used or iou((gs, ge), (p.start, p.end)) < 0.5:
                    continue
                used.add(i)
                tp += 1
                if src and not has and p.speaker_key:
                    sp_pred -= 1  # a left-out gold source: no verdict on this prediction
                if v1_has and p.speaker and speaker_key(src or "", lex) == p.speaker_key:
                    v1_tp += 1
                if has and p.speaker and p.speaker_key in gold_keys(src or "", lex):
                    sp_tp += 1
                break
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0

    def prf(t: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = t / npred if npred else 0.0
        r = t / ngold if ngold else 0.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)

    mode = ("parse all" if args.parse_all else "parser") if use_parser else "rules only"
    print(f"PolNeAR {split}: {len(docs)} articles, {n_gold} gold direct quotes, {n_pred} predicted")
    print(f"{'metric (' + mode + ')':<24}{'P':>7}{'R':>7}{'F1':>7}")
    for name, row in (
        ("quote span", prf(tp, n_pred, n_gold)),
        ("quote+speaker", prf(sp_tp, sp_pred, sp_gold)),
        ("quote+speaker (v1)", prf(v1_tp, v1_pred, v1_gold)),
    ):
        print(f"{name:<24}{row[0]:7.1f}{row[1]:7.1f}{row[2]:7.1f}")
    print(
        f"(speaker metric excludes {sp_pron} gold quotes whose source is a pronoun; "
        f"v1 excludes {v1_pron})"
    )
    n_docs = max(1, len(docs))
    print(
        f"time: {secs:.2f} s ({1000 * secs / n_docs:.0f} ms/article; "
        f"CPU {1000 * cpu / n_docs:.0f} ms/article)"
    )
    if parser is not None and parser.inner is not None:
        n = max(1, len(docs))
        total = sum(len(d["text"]) for d in docs)
        load = sum(spacy_backend.LOAD_SECONDS.values())
        print(
            f"parse ({parser.inner.name}): {1000 * parser.seconds / n:.0f} ms/article "
            f"(CPU {1000 * parser.cpu / n:.0f}) for the "
            f"candidate sentences ({100 * parser.chars / max(1, total):.0f}% of the text, "
            f"{parser.chars / n:.0f} of {total / n:.0f} chars/article); "
            f"import + model load {load:.2f} s (not in the per-article figure)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
