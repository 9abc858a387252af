"""Every evidence sentence the verifier cites as refuting, on every blind scenario set, sorted by
what the expectations say of it: an expected refuter ("ref"), a report expected to support
("sup", a confirmation read as against), another report on a claim with expectations ("other"),
or any report on a claim no expectation covers ("bg", a background sentence). A verdict can hold
while a wrong citation sits in the dossier; this counts them.

usage: python benchmarks/verify_citations.py [--rows] [ROOT ...]   (default: every tests/verify/scenarios_unseen*)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "verify"))

import scenario_runner as R  # noqa: E402


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--rows"]
    rows = "--rows" in sys.argv[1:]
    roots = [Path(a) for a in args] or sorted((ROOT / "tests" / "verify").glob("scenarios_unseen*"))
    counts: Counter = Counter()
    for root, d, run, exp in R.analysed(roots):
        for c in run.dossier.claims:
            if c.verdict is None:
                continue
            x = R.expectation_of(run, exp, c)
            for e in c.verdict.evidence:
                if e.stance != "refutes":
                    continue
                eid = run.ids.get(e.document_id, e.document_id)
                st = "bg" if x is None else "ref" if eid in x.get("refuting", []) else "sup" if eid in x.get("supporting", []) else "other"
                counts[st] += 1
                if rows and st != "ref":
                    kinds = ",".join(sorted({k.kind for k in e.checks}))
                    print(f"{st}\t{kinds}\t{root.name}/{d.name}\t{c.span.text[:90]}\t{e.span.text[:90]}")
    print("refuting citations: " + ", ".join(f"{k} {counts[k]}" for k in ("ref", "sup", "other", "bg")))


if __name__ == "__main__":
    main()
