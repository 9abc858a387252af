"""The `veracity eval stance` contract: Climate-FEVER style JSONL in, score_stance.py's format out.

Input: one claim a line, {"claim_id", "claim", "evidences": [{"evidence_id", "evidence"}, ...]}
(labels, if present, are ignored). Output: one line a claim, {"claim_id", "label",
"evidences": [{"evidence_id", "label"}]} with stance labels SUPPORTS / REFUTES /
NOT_ENOUGH_INFO and claim labels adding DISPUTED.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..errors import InputError
from .stance import STANCES, StanceModel, load


def predict_rows(rows: list[dict], model: StanceModel) -> list[dict]:
    claims, evidence, owner = [], [], []
    for i, r in enumerate(rows):
        for e in r.get("evidences", []):
            claims.append(r["claim"])
            evidence.append(e["evidence"])
            owner.append(i)
    probs, base = model.predict_both(claims, evidence)
    owner_arr = np.array(owner, dtype=int)
    out = []
    for i, r in enumerate(rows):
        mine = owner_arr == i if len(owner) else np.zeros(0, bool)
        p = probs[mine] if len(owner) else np.zeros((0, 3), np.float32)
        label, _, _ = model.verdict(p, base[mine] if len(owner) else None)
        out.append({
            "claim_id": r["claim_id"], "label": label,
            "evidences": [{"evidence_id": e.get("evidence_id"), "label": STANCES[int(p[j].argmax())]} for j, e in enumerate(r.get("evidences", []))],
        })
    return out


def predict_file(src: Path, dst: Path, model_path: str | None = None) -> int:
    if not src.exists():
        raise InputError("no such file", source=str(src))
    rows = []
    with open(src, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                if "claim" not in r or "claim_id" not in r:
                    raise KeyError("claim / claim_id")
            except (json.JSONDecodeError, KeyError) as exc:
                raise InputError(f"line {n}: not a claim record ({exc})", source=str(src)) from None
            rows.append(r)
    model = load(model_path)
    preds = predict_rows(rows, model)
    dst.parent.mkdir(parents=True, exist_ok=True)
    with open(dst, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    return len(preds)
