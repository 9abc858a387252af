"""FNC-1 stance (agree / disagree / discuss / unrelated), 5-fold cross-validated grouped by headline.

Features per (headline, body): the stance features of :mod:`veracity_train.verify.features` for the
headline against its best-matching body sentence (MiniLM cosine over the first
FNC_BODY_SENTENCES sentences), plus body-level similarity (max, mean, top-3 cosine, cosine to
the mean body vector) and body-level cue counts (refuting / hedging vocabulary, negations).
Model: multinomial logistic regression (balanced) — the same family as the shipped stance
model. Prints the official FNC score relative to the maximum and the 4-class macro-F1.
Vectors come from the training cache (/tmp/veracity-cache/verify/fnc1.npz).

usage: python benchmarks/verify_fnc1.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity_train.verify.stance import SEED, folds_of, macro_f1  # noqa: E402
from veracity_train.verify import datasets as ds  # noqa: E402
from veracity_train.verify.embcache import cached_encode  # noqa: E402
from veracity_train.verify.features import HEDGE_CUES, REFUTE_CUES, lexical, pair_features  # noqa: E402

LABELS = ds.FNC_LABELS
REPORTING = frozenset("reportedly reported claims claimed alleged allegedly according purportedly rumour rumor unconfirmed apparently".split())


def fnc_score(y: np.ndarray, p: np.ndarray) -> float:
    """Official FNC-1 scoring, relative to the best possible score."""
    unrel = LABELS.index("unrelated")
    score = best = 0.0
    for g, t in zip(y, p):
        best += 0.25 if g == unrel else 1.0
        if g == t:
            score += 0.25
            if g != unrel:
                score += 0.5
        if g != unrel and t != unrel:
            score += 0.25
    return score / best


def main() -> None:
    log = lambda m: print(time.strftime("%H:%M:%S"), m, file=sys.stderr, flush=True)
    bodies = ds.fnc1_bodies()
    rows = ds.fnc1_stances()
    heads = sorted({h for h, _, _ in rows})
    sents = sorted({s for b in bodies.values() for s in b})
    vecs = cached_encode(heads + sents, "fnc1", log)
    hv = {t: vecs[i] for i, t in enumerate(heads)}
    sv = {t: vecs[len(heads) + i] for i, t in enumerate(sents)}
    body_cues = {}
    for b, ss in bodies.items():
        words = re.findall(r"[a-z']+", " ".join(ss).lower())
        n = max(len(words), 1)
        body_cues[b] = [sum(w in REFUTE_CUES for w in words) / n * 100, sum(w in HEDGE_CUES for w in words) / n * 100,
                        sum(w in REPORTING for w in words) / n * 100, sum(w in ("not", "no", "never", "denied", "deny") for w in words) / n * 100]
    X, y, groups = [], [], []
    t0 = time.perf_counter()
    for h, b, stance in rows:
        ss = bodies[b] or [""]
        m = np.stack([sv.get(s, np.zeros(384, np.float32)) for s in ss])
        u = hv[h]
        cos = m @ u
        best = int(cos.argmax())
        mean_v = m.mean(0)
        extra = [cos.max(), cos.mean(), np.sort(cos)[::-1][:3].mean(), float(mean_v @ u) / (np.linalg.norm(mean_v) + 1e-9)]
        feats = pair_features(u, m[best], lexical(h, ss[best]))[0]
        X.append(np.concatenate([feats, extra, body_cues[b]]))
        y.append(LABELS.index(stance))
        groups.append(h)
    X = np.array(X, np.float32)
    y = np.array(y)
    log(f"features for {len(y)} pairs ({time.perf_counter() - t0:.0f}s)")
    from sklearn.linear_model import LogisticRegression

    fold = folds_of(groups)
    pred = np.zeros(len(y), int)
    for k in range(5):
        tr, te = fold != k, fold == k
        mean, std = X[tr].mean(0), X[tr].std(0) + 1e-6
        clf = LogisticRegression(C=0.01, max_iter=400, class_weight="balanced", random_state=SEED)
        clf.fit((X[tr] - mean) / std, y[tr])
        pred[te] = clf.predict((X[te] - mean) / std)
    f1, each = macro_f1(y, pred, 4)
    print(f"FNC-1 train, 5-fold CV grouped by headline, {len(y)} pairs")
    print(f"relative FNC score {fnc_score(y, pred):.4f}  macro-F1 {f1:.4f}  " + "  ".join(f"{l} {v:.3f}" for l, v in zip(LABELS, each)))


if __name__ == "__main__":
    main()
