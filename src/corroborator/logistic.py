"""Logistic-regression weights: one scorer and one JSON codec for the models that ship as JSON.

The matcher's two heads (`compare.matcher`) and the sentence-pair and document translation
models (`provenance.crossmatch`) are each a logistic regression over standardised features:
P = sigmoid(((x - mean) / scale) @ coef + intercept), the argument clipped to +-50. `Logistic`
holds those four numbers, scores feature rows and reads and writes them as the objects of the
shipped weight files: ``mean``, ``scale``, ``coef`` and ``intercept``, after the ``features``
they were trained on when the object lists them (loading then refuses weights trained on
another feature set, with a one-line ValueError). Fitting is `provenance.paraphrase.
fit_logistic`, run by bench/train_matcher.py and bench/train_crossmatch.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Self

import numpy as np

#: The score's argument is clipped to +-CLIP before the sigmoid (no overflow in exp).
CLIP = 50.0


def check_features(data: Mapping[str, Any], names: Sequence[str], what: str) -> None:
    """ValueError unless `data` lists exactly `names` under ``features``, in that order."""
    listed = data.get("features")
    if not isinstance(listed, list | tuple) or list(listed) != list(names):
        raise ValueError(f"{what} were trained on another feature set")


def _vector(data: Mapping[str, Any], key: str, size: int, what: str) -> np.ndarray:
    values = data.get(key)
    try:
        vector = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        vector = np.zeros(0)
    if vector.shape != (size,):
        raise ValueError(f"{what}: '{key}' must list {size} numbers")
    return vector


def number(data: Mapping[str, Any], key: str, what: str, default: float | None = None) -> float:
    """`data[key]` as a float (`default` when absent and given); ValueError naming `what`."""
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what}: '{key}' must be a number")
    return float(value)


@dataclass(frozen=True)
class Logistic:
    """One logistic regression over standardised features (see the module docstring)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P of each row of a (n, k) feature matrix; of one (k,) row, a 0-d array."""
        z = (features - self.mean) / self.scale @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -CLIP, CLIP))))

    def contributions(self, features: np.ndarray) -> np.ndarray:
        """Each feature's term of the score (standardised value times its weight)."""
        return np.asarray((features - self.mean) / self.scale * self.coef)

    def encode(
        self, features: Sequence[str] | None = None, digits: int | None = None
    ) -> dict[str, Any]:
        """The weights as a JSON object: ``features`` first when given, numbers rounded to
        `digits` decimals when given (else written in full)."""

        def num(x: float) -> float:
            return float(x) if digits is None else round(float(x), digits)

        out: dict[str, Any] = {} if features is None else {"features": list(features)}
        out["mean"] = [num(v) for v in self.mean]
        out["scale"] = [num(v) for v in self.scale]
        out["coef"] = [num(v) for v in self.coef]
        out["intercept"] = num(self.intercept)
        return out

    @classmethod
    def decode(
        cls,
        data: Mapping[str, Any],
        names: Sequence[str],
        what: str,
        *,
        listed: bool = True,
        **extra: Any,
    ) -> Self:
        """Weights over the features `names` from a JSON object; `listed`: the object lists
        them under ``features`` (checked). `extra` goes to a subclass's own fields. A
        ValueError naming `what` says what does not fit."""
        if listed:
            check_features(data, names, what)
        n = len(names)
        return cls(
            _vector(data, "mean", n, what),
            _vector(data, "scale", n, what),
            _vector(data, "coef", n, what),
            number(data, "intercept", what),
            **extra,
        )
