"""The shipped news judge on a seeded sample of FNC-1 headlines, with and without one of its
support rules switched off: what that rule adds (SUPPORTS right / wrong, SUPPORTS<->REFUTES).

The shipped model saw FNC-1 in training, so the absolute figures are optimistic; only the
difference between the two runs means anything (the cross-validated figure needs the fold
models: docs/BENCHMARKS.md, #17). About 8 minutes for 200 headlines on two loaded cores.

usage: python benchmarks/fnc1_stance_jsonl.py F.jsonl
       python benchmarks/verify_fnc1_judge.py F.jsonl [HEADLINES=200] [RULE=FRAME_AGREEMENT_SUPPORTS]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity.verify import judge as J  # noqa: E402
from veracity_train.verify.evaluate import predict_rows_news, read_rows  # noqa: E402

LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
SEED = 17


def f1s(pairs: list[tuple[str, str]]) -> dict[str, float]:
    out = {}
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        out[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def main() -> None:
    rows = read_rows(Path(sys.argv[1]))
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rule = sys.argv[3] if len(sys.argv) > 3 else "FRAME_AGREEMENT_SUPPORTS"
    random.Random(SEED).shuffle(rows)
    rows = rows[:n]
    model = J.load()
    shipped = getattr(J, rule)
    for on in (False, True):
        setattr(J, rule, shipped if on else False)
        t = time.time()
        preds = predict_rows_news(rows, lambda r: model, True)
        pairs = [(e["evidence_label"], p["label"]) for r, pr in zip(rows, preds) for e, p in zip(r["evidences"], pr["evidences"])]
        f = f1s(pairs)
        s_pred = sum(p == "SUPPORTS" for _, p in pairs)
        s_ok = sum(g == p == "SUPPORTS" for g, p in pairs)
        flips = sum({g, p} == {"SUPPORTS", "REFUTES"} for g, p in pairs)
        print(f"{rule}={'shipped' if on else 'off'}: {len(rows)} headlines, {len(pairs)} pairs, macro-F1 {sum(f.values()) / 3:.3f} "
              f"(S {f['SUPPORTS']:.3f} R {f['REFUTES']:.3f} NEI {f['NOT_ENOUGH_INFO']:.3f}); SUPPORTS given {s_pred}, right {s_ok}; "
              f"SUPPORTS<->REFUTES {flips}; {time.time() - t:.0f}s", flush=True)
    setattr(J, rule, shipped)


if __name__ == "__main__":
    main()
