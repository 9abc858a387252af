"""veracity_train.metrics: one definition of each score, equal to the ones the trainers had."""

from __future__ import annotations

import numpy as np

from veracity_train import metrics


def _old_news_f1s(y, p):  # verify/news.py before metrics.py
    out = []
    for c in range(3):
        tp = float(((p == c) & (y == c)).sum())
        den = float((p == c).sum() + (y == c).sum())
        out.append(2 * tp / den if den else 0.0)
    return out


def _old_related_f1(y, p):  # corroborate/related.py before metrics.py
    tp = int(((p == 1) & (y == 1)).sum())
    fp = int(((p == 1) & (y == 0)).sum())
    fn = int(((p == 0) & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_f1_forms_agree_bit_for_bit():
    rng = np.random.default_rng(7)
    for n in (0, 1, 5, 200):
        y3, p3 = rng.integers(0, 3, n), rng.integers(0, 3, n)
        assert metrics.per_class_f1(y3, p3, 3) == _old_news_f1s(y3, p3)
        y2, p2 = rng.integers(0, 2, n), rng.integers(0, 2, n)
        assert metrics.per_class_f1(y2, p2, 2)[1] == _old_related_f1(y2, p2)
    m, f = metrics.macro_f1(np.array([0, 1, 2, 2]), np.array([0, 1, 1, 2]), 3)
    assert f == [1.0, 2 / 3, 2 / 3] and m == np.mean(f)


def test_binary_scores():
    y = np.array([True, False, True, True, False])
    s = np.array([0.9, 0.8, 0.7, 0.1, 0.05])
    assert metrics.precision_recall_f1(y, s >= 0.5) == (2 / 3, 2 / 3, 2 / 3)
    assert metrics.average_precision(s, y) == (1 + 2 / 3 + 3 / 4) / 3
    ece, rows = metrics.reliability(s, y.astype(float))
    assert sum(r[1] for r in rows) == 5 and 0 <= ece <= 1
    assert abs(metrics.expected_calibration_error(np.array([0.95, 0.95]), np.array([1.0, 0.0])) - 0.45) < 1e-12
