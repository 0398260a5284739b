"""Train the sentence paraphrase classifier on MSRP train and evaluate it once on MSRP test.

Run: `python -m bench.train_paraphrase` (from the repository root). Skips cleanly when
../shared/data/msrp (or $CORROBORATOR_DATA/msrp) is absent.

1. Embed both sentences of every pair with the shipped embedder (USE, number-denoised: the
   same vectors `derive` already has) and compute `pair_features`.
2. On the 4,076 training pairs only: 5-fold cross-validation (fold = row index mod 5) over the
   L2 penalty and the probability threshold; the pair with the best mean CV accuracy wins.
3. Fit on all of train with that penalty and write the weights (numbers only, no text) to
   src/corroborator/provenance/paraphrase_weights.json.
4. Score the shipped weights on test (1,725 pairs), once, next to the cosine-only baseline
   (threshold chosen on train), and write the `provenance_msrp` section of bench/RESULTS.md.

`--eval-only` skips steps 2-3 and evaluates the weights already shipped.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.datasets import dataset
from bench.results import parse_args, parser, update_section
from corroborator.embed import default_embedder
from corroborator.provenance.paraphrase import (
    WEIGHTS_FILE,
    ParaphraseModel,
    default_model,
    pair_features,
)

DATE = "2026-11-23"
FOLDS = 5
L2_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
THRESHOLD_GRID = tuple(round(0.30 + 0.02 * k, 2) for k in range(21))
WEIGHTS_PATH = (
    Path(__file__).resolve().parents[1] / "src" / "corroborator" / "provenance" / WEIGHTS_FILE
)
SECTION = "provenance_msrp (bench/train_paraphrase.py)"


def _accuracy_f1(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    tp = int(np.sum(pred & gold))
    fp = int(np.sum(pred & ~gold))
    fn = int(np.sum(~pred & gold))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(pred == gold)), f1


def load(folder: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(features, cosines, labels as bool, is_train) for every MSRP pair."""
    rows = [json.loads(line) for line in (folder / "msrp.jsonl").open(encoding="utf-8")]
    emb = default_embedder()
    va = emb.encode([r["s1"] for r in rows])
    vb = emb.encode([r["s2"] for r in rows])
    cos = np.sum(va * vb, axis=1).astype(np.float64)
    feats = np.stack(
        [pair_features(r["s1"], r["s2"], float(c)) for r, c in zip(rows, cos, strict=True)]
    )
    labels = np.array([r["label"] == 1 for r in rows])
    train = np.array([r["split"] == "train" for r in rows])
    return feats, cos, labels, train


def cross_validate(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """(best mean CV accuracy, its L2 penalty, its threshold) on the training split."""
    folds = np.arange(len(x)) % FOLDS
    best: tuple[float, float, float] | None = None
    for l2 in L2_GRID:
        prob = np.zeros(len(x))
        for k in range(FOLDS):
            model = ParaphraseModel.fit(x[folds != k], y[folds != k].astype(float), l2, 0.5)
            prob[folds == k] = model.probabilities(x[folds == k])
        accs = [float(np.mean((prob >= t) == y)) for t in THRESHOLD_GRID]
        k_best = int(np.argmax(accs))  # first maximum: ties go to the lower threshold
        print(f"cv l2={l2:g}: best accuracy {accs[k_best]:.4f} at t={THRESHOLD_GRID[k_best]:.2f}")
        if best is None or accs[k_best] > best[0] + 1e-12:
            best = (accs[k_best], l2, THRESHOLD_GRID[k_best])
    assert best is not None
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = parser(__doc__, "python -m bench.train_paraphrase")
    ap.add_argument(
        "--eval-only", action="store_true", help="score the shipped weights, do not retrain"
    )
    args = parse_args(ap, argv)
    folder = dataset("msrp")
    if folder is None:
        return 0
    start = time.perf_counter()
    feats, cos, labels, train = load(folder)
    print(f"features for {len(feats)} pairs in {time.perf_counter() - start:.0f} s")
    cv_note = "weights as shipped (--eval-only)"
    if not args.eval_only:
        cv_acc, l2, t = cross_validate(feats[train], labels[train])
        print(f"chosen on train CV: l2={l2:g}, threshold={t:.2f}, CV accuracy {cv_acc:.4f}")
        model = ParaphraseModel.fit(feats[train], labels[train].astype(float), l2, t)
        WEIGHTS_PATH.write_text(json.dumps(model.to_dict()) + "\n", encoding="utf-8")
        default_model.cache_clear()
        cv_note = f"l2 = {l2:g}, threshold = {t:.2f} (5-fold CV accuracy on train {cv_acc:.3f})"
    model = default_model()

    grid = [round(0.5 + 0.01 * k, 2) for k in range(46)]
    best_cos = max(grid, key=lambda c: (float(np.mean((cos[train] >= c) == labels[train])), -c))
    lines = [
        "MSRP sentence pairs (train 4,076, test 1,725). Classifier = logistic regression over the "
        "degree-2 expansion of 34 cheap features (USE cosine on the number-denoised vectors "
        "`derive` already has, word/stem/char-n-gram overlap, BLEU-like precision, LCS, word "
        "edit distance, numbers, capitalised tokens, negation, length; see "
        "corroborator.provenance.paraphrase), numpy only; penalty and threshold by 5-fold CV "
        f"on train ({cv_note}); test scored once. Cosine-only baseline: threshold chosen on "
        "train. Majority baseline: acc 0.665, F1 0.799. Published (README, unverified): "
        "TF-KLD+SVM acc 0.804 / F1 0.859; BERT-large acc 0.854 / F1 0.893; RoBERTa/T5 about "
        "0.90 / 0.92. Command: `.venv/bin/python -m bench.train_paraphrase` (retrains and "
        "rewrites the shipped weights; `--eval-only` scores the shipped ones).",
        "",
        "| date | split | decision | accuracy | F1 |",
        "|---|---|---|---|---|",
    ]
    for split, mask in (("train", train), ("test", ~train)):
        acc, f1 = _accuracy_f1(cos[mask] >= best_cos, labels[mask])
        lines.append(f"| {DATE} | {split} | USE cosine ≥ {best_cos:.2f} | {acc:.3f} | {f1:.3f} |")
        pred = model.probabilities(feats[mask]) >= model.threshold
        acc, f1 = _accuracy_f1(pred, labels[mask])
        lines.append(
            f"| {DATE} | {split} | classifier P ≥ {model.threshold:.2f} | {acc:.3f} | {f1:.3f} |"
        )
    print("\n".join(lines))
    update_section(SECTION, "\n".join(lines))
    print(f"train_paraphrase: {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
