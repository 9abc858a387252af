"""How often each contradiction check fires on Climate-FEVER dev pairs, by gold stance.

A check "fires" on a pair whose MiniLM cosine is at least --min-cosine (the pairs where the
two sentences are close paraphrases). Prints, per check kind, the gold label counts: the
share that is REFUTES is the check's precision as a refutation signal on this data.

usage: python benchmarks/verify_checks.py [--min-cosine 0.75]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity_train.verify.stance import climate_fever_set, features  # noqa: E402
from veracity.verify import checks  # noqa: E402
from veracity_train.verify.stance_model import COSINE_COLUMN, STANCES  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-cosine", type=float, default=0.75)
    args = ap.parse_args()
    cf, _ = climate_fever_set()
    cos = features(cf, "climate-fever", lambda m: print(m, file=sys.stderr))[:, COSINE_COLUMN]
    by_kind: dict[str, Counter] = {}
    close = 0
    for i, (c, e) in enumerate(zip(cf.claims, cf.evidence)):
        if cos[i] < args.min_cosine:
            continue
        close += 1
        for kind in {k.kind for k in checks.run_checks(c, e)}:
            by_kind.setdefault(kind, Counter())[STANCES[cf.labels[i]]] += 1
    print(f"Climate-FEVER dev: {close} of {len(cos)} pairs with cosine >= {args.min_cosine}")
    for kind, cnt in sorted(by_kind.items()):
        n = sum(cnt.values())
        print(f"{kind:9s} fires on {n:3d}: " + "  ".join(f"{s} {cnt[s]}" for s in STANCES) + f"  (REFUTES share {cnt['REFUTES'] / n:.2f})")


if __name__ == "__main__":
    main()
