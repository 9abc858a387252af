"""Verdicts on the claims no scenario expectation covers: a count of confident calls on
background sentences, which the scenario benchmark never scores.

Each blind scenario's expect.toml holds expectations for five claims of its article; the other
claims (background: "The smelter employs about 4,800 people ...") also get verdicts. Evidence
written for the five rarely confirms or contradicts them, so a REFUTED or SUPPORTED there is
most often a check firing on another event's figure, place or date. This prints each such
verdict with its reason, and the counts, for a person to read.

usage: python benchmarks/verify_background.py [ROOT ...]   (default: every tests/verify/scenarios_unseen*)
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
    roots = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "tests" / "verify").glob("scenarios_unseen*"))
    counts: Counter = Counter()
    for root, d, run, exp in R.analysed(roots):
        for c in run.dossier.claims:
            if c.verdict is None or R.expectation_of(run, exp, c) is not None:
                continue
            counts[c.verdict.label] += 1
            if c.verdict.label != "NOT_ENOUGH_INFO":
                print(f"{root.name}/{d.name} | {c.verdict.label} {c.verdict.confidence} | {c.span.text[:150]}\n"
                      f"    {c.verdict.reason[:300]}")
    total = sum(counts.values())
    print(f"background claims: {total}; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
