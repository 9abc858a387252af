"""CI gate: the committed stance model on a fixed sample of Climate-FEVER claims it never saw.

`veracity train stance` leaves every claim whose id is divisible by 10 out of the shipped
model (veracity_train/verify/stance.py GATE_MOD); the first GATE_CLAIMS of them are scored here with the
shared scorer's metric. The floors sit a little under the measured figures on this sample
(docs/benchmarks/verify.md), so a regression fails the build and noise does not.
"""

import json

from veracity_train.verify.stance import is_gate_claim
from veracity_train.verify.evaluate import predict_rows
from veracity_train.verify.stance_model import STANCES, load

GATE_CLAIMS = 80
# Measured on this sample with the committed model (bi-encoder + fine-tuned cross-encoder,
# stacked): evidence macro-F1 0.491, claim accuracy 0.562 (80 claims: one claim is 0.0125).
EVIDENCE_MACRO_F1_FLOOR = 0.47
CLAIM_ACCURACY_FLOOR = 0.52


def macro_f1(pairs):
    f1s = []
    for c in STANCES:
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def test_stance_model_stays_above_floor(shared):
    path = shared / "data" / "verification" / "climate-fever" / "climate-fever-dev.jsonl"
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    sample = [r for r in rows if is_gate_claim(str(r["claim_id"]))][:GATE_CLAIMS]
    assert len(sample) == GATE_CLAIMS
    preds = {p["claim_id"]: p for p in predict_rows(sample, load())}
    pairs, claims_ok = [], 0
    for r in sample:
        p = preds[r["claim_id"]]
        by_id = {e["evidence_id"]: e["label"] for e in p["evidences"]}
        pairs += [(e["evidence_label"], by_id[e["evidence_id"]]) for e in r["evidences"]]
        claims_ok += p["label"] == r["claim_label"]
    f1 = macro_f1(pairs)
    acc = claims_ok / len(sample)
    assert f1 >= EVIDENCE_MACRO_F1_FLOOR, f"evidence macro-F1 {f1:.3f} fell below {EVIDENCE_MACRO_F1_FLOOR}"
    assert acc >= CLAIM_ACCURACY_FLOOR, f"claim accuracy {acc:.3f} fell below {CLAIM_ACCURACY_FLOOR}"
