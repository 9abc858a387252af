"""FNC-1 train as `veracity eval stance` input: each headline a claim, its bodies the evidence.

Conversion (issue 17): agree -> SUPPORTS, disagree -> REFUTES, discuss and unrelated ->
NOT_ENOUGH_INFO; the evidence is the whole body. The claim label is not used by the scorer's
evidence figures. Writes JSONL in Climate-FEVER's layout.

usage: python benchmarks/fnc1_stance_jsonl.py OUT.jsonl
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity_train.verify.datasets import verification_dir  # noqa: E402

TO_STANCE = {"agree": "SUPPORTS", "disagree": "REFUTES", "discuss": "NOT_ENOUGH_INFO", "unrelated": "NOT_ENOUGH_INFO"}


def main(out: str) -> None:
    d = verification_dir() / "fnc1"
    with open(d / "train_bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    claims: dict[str, dict] = {}
    with open(d / "train_stances.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            h = r["Headline"]
            cid = hashlib.sha256(h.encode()).hexdigest()[:12]
            c = claims.setdefault(h, {"claim_id": cid, "claim": h, "claim_label": "NOT_ENOUGH_INFO", "evidences": []})
            c["evidences"].append({"evidence_id": f"{cid}:{r['Body ID']}", "evidence": bodies[r["Body ID"]],
                                   "evidence_label": TO_STANCE[r["Stance"]]})
    with open(out, "w", encoding="utf-8") as f:
        for c in claims.values():
            labels = {e["evidence_label"] for e in c["evidences"]} - {"NOT_ENOUGH_INFO"}
            c["claim_label"] = labels.pop() if len(labels) == 1 else ("DISPUTED" if labels else "NOT_ENOUGH_INFO")
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(claims)} headlines, {sum(len(c['evidences']) for c in claims.values())} pairs to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
