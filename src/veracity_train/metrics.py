"""The scores the trainers, their reports and the evaluation harnesses share (numpy only).

Each function is the one definition its callers used before they were gathered here, so the
numbers in the committed reports and the choices made from them are unchanged.
"""

from __future__ import annotations

import numpy as np

# Ten equal-width probability bins for the calibration tables.
BINS = 10


def precision_recall_f1(y: np.ndarray, guess: np.ndarray) -> tuple[float, float, float]:
    """Binary precision, recall and F1 of boolean predictions ``guess`` against boolean ``y``."""
    tp = float(np.sum(guess & y))
    p = tp / max(1.0, float(guess.sum()))
    r = tp / max(1.0, float(y.sum()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def per_class_f1(y: np.ndarray, p: np.ndarray, n: int) -> list[float]:
    """F1 of each class ``0..n-1`` (labels as integers): 2 tp / (2 tp + fp + fn), 0 without a hit."""
    out = []
    for c in range(n):
        tp = float(((y == c) & (p == c)).sum())
        fp = float(((y != c) & (p == c)).sum())
        fn = float(((y == c) & (p != c)).sum())
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out


def macro_f1(y: np.ndarray, p: np.ndarray, n: int) -> tuple[float, list[float]]:
    """The mean of :func:`per_class_f1` and the per-class figures."""
    f1s = per_class_f1(y, p, n)
    return float(np.mean(f1s)), f1s


def average_precision(scores: np.ndarray, y: np.ndarray) -> float:
    """The shared scorer's definition (ties broken by input order)."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(y[order])
    prec = hits / np.arange(1, len(y) + 1)
    return float(np.sum(prec * y[order]) / max(1, y.sum()))


def reliability(p: np.ndarray, y: np.ndarray) -> tuple[float, list[tuple[str, int, float, float]]]:
    """Expected calibration error of binary probabilities and the per-bin table (range, n, mean
    prob, positive rate); a probability on a bin edge goes to the upper bin."""
    edges = np.linspace(0, 1, BINS + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, BINS - 1)
    rows, ece = [], 0.0
    for b in range(BINS):
        m = idx == b
        if not m.any():
            continue
        conf, acc = float(p[m].mean()), float(y[m].mean())
        ece += m.sum() / len(p) * abs(conf - acc)
        rows.append((f"{edges[b]:.1f}-{edges[b + 1]:.1f}", int(m.sum()), conf, acc))
    return ece, rows


def expected_calibration_error(conf: np.ndarray, correct: np.ndarray, bins: int = BINS) -> float:
    """Mean |accuracy - confidence| of a classifier's top-class confidences over ``bins``
    equal-width bins (bin = floor(conf * bins)), weighted by bin size."""
    b_of = np.minimum((conf * bins).astype(int), bins - 1)
    return float(sum(abs(correct[b_of == b].mean() - conf[b_of == b].mean()) * (b_of == b).mean()
                     for b in range(bins) if (b_of == b).any()))
