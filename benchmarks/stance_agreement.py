"""How far apart Climate-FEVER's own annotators are, scored like a system (a ceiling for #5).

    .venv/bin/python benchmarks/stance_agreement.py

Every Climate-FEVER dev evidence sentence carries the votes of the annotators who labelled it
(``votes``; at least two each), and its ``evidence_label`` is their aggregate. Here the first
vote of every evidence is one "annotator A", the second one "annotator B" (the same person
need not be behind every pair; the dataset does not say), and each claim's verdict follows from
its evidence labels by the rule every dev claim obeys: SUPPORTS when some evidence supports and
none refutes, REFUTES the other way round, DISPUTED when both occur, NOT_ENOUGH_INFO otherwise.
Scored with the shared scorer (``../shared/eval/score_stance.py``):

1. A against B: what one careful human scores against another on the issue's figures;
2. A against the official labels, which A's own vote helped make (so an upper bound).

Reads ``../shared`` only; prints the scorer's output for both.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "verification" / "climate-fever" / "climate-fever-dev.jsonl"
SCORER = SHARED / "eval" / "score_stance.py"
STANCES = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")


def verdict(labels: list[str]) -> str:
    s, r = "SUPPORTS" in labels, "REFUTES" in labels
    return "DISPUTED" if s and r else "SUPPORTS" if s else "REFUTES" if r else "NOT_ENOUGH_INFO"


def annotator(claims: list[dict], k: int) -> list[dict]:
    """Claims relabelled with each evidence's k-th valid vote (None when it has fewer)."""
    out = []
    for c in claims:
        evs = []
        for e in c["evidences"]:
            votes = [v for v in e.get("votes") or [] if v in STANCES]
            evs.append({**e, "evidence_label": votes[k] if len(votes) > k else None})
        out.append({**c, "evidences": evs, "claim_label": verdict([e["evidence_label"] for e in evs])})
    return out


def as_predictions(claims: list[dict]) -> list[dict]:
    return [{"claim_id": c["claim_id"], "label": c["claim_label"],
             "evidences": [{"evidence_id": e["evidence_id"], "label": e["evidence_label"]} for e in c["evidences"]]}
            for c in claims]


def score(gold: list[dict], pred: list[dict]) -> str:
    with tempfile.TemporaryDirectory() as d:
        g, p = Path(d) / "gold.jsonl", Path(d) / "pred.jsonl"
        g.write_text("".join(json.dumps(x) + "\n" for x in gold), encoding="utf-8")
        p.write_text("".join(json.dumps(x) + "\n" for x in pred), encoding="utf-8")
        return subprocess.run([sys.executable, str(SCORER), str(g), str(p)], capture_output=True, text=True, check=True).stdout


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    claims = [json.loads(line) for line in DEV.open(encoding="utf-8") if line.strip()]
    a, b = annotator(claims, 0), annotator(claims, 1)
    missing = sum(1 for c in b for e in c["evidences"] if e["evidence_label"] is None)
    print(f"Climate-FEVER dev: {len(claims)} claims, {sum(len(c['evidences']) for c in claims)} evidence sentences; "
          f"{missing} have fewer than two valid votes")
    print("\n== annotator A (first vote) scored against annotator B (second vote)")
    print(score(b, as_predictions(a)), end="")
    print("\n== annotator A scored against the official labels (A's vote is part of them)")
    print(score(claims, as_predictions(a)), end="")


if __name__ == "__main__":
    main()
