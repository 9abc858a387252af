"""Fact-checking scenarios: share of expectations that hold, per field and per scenario.

Each scenario (tests/verify/scenarios*/NAME/) is an article, 5-8 evidence reports indexed
beside it, and what a careful fact-checker concludes (expect.toml): each claim's verdict, the
reports it cites as supporting and refuting, the echoes of its own origin, the checks that
fire, and the independent lines behind it.

usage: python benchmarks/verify_scenarios.py [--holdout | --root DIR] [--verbose] [--judge NAME=VALUE ...]

``--root`` runs the scenarios under another folder (e.g. tests/verify/scenarios_unseen, written
before a tuning session and never tuned on).

``--judge`` sets one of veracity.verify.judge's named thresholds for this run (an experiment:
e.g. ``--judge MODEL_ONLY_REFUTES=0.8``); the figures recorded are of the shipped values.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "verify"))

import scenario_runner as R  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--holdout", action="store_true", help="the three scenarios kept apart from tuning")
    ap.add_argument("--root", type=Path, help="a folder of scenarios (same layout as tests/verify/scenarios)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--judge", action="append", default=[], metavar="NAME=VALUE", help="override a judge threshold for this run")
    ap.add_argument("--all-unseen", action="store_true", help="every tests/verify/scenarios_unseen* set: a line each, then the totals")
    ap.add_argument("--jobs", type=int, default=2, help="processes for --all-unseen")
    args = ap.parse_args()
    if args.all_unseen:
        return all_unseen(args.jobs)
    import json

    from veracity.verify import judge

    for kv in args.judge:
        name, _, value = kv.partition("=")
        if not hasattr(judge, name):
            ap.error(f"veracity.verify.judge has no {name}")
        setattr(judge, name, json.loads(value))
        print(f"judge.{name} = {getattr(judge, name)!r}")
    root = args.root.resolve() if args.root else R.HOLDOUT if args.holdout else R.SCENARIOS
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        outs = R.run_all(root, Path(tmp))
    by_field: Counter = Counter()
    ok_field: Counter = Counter()
    for o in outs:
        by_field[o.field] += 1
        ok_field[o.field] += o.ok
        if args.verbose and not o.ok:
            print(f"  miss {o.scenario}: {o.claim!r} {o.field}: want {o.expected} got {o.got}")
    n_ok = sum(o.ok for o in outs)
    verdicts = [o for o in outs if o.field == "verdict"]
    print(f"scenarios: {len({o.scenario for o in outs})} ({root.name}), claims: {len(verdicts)}, {time.perf_counter() - t0:.0f}s")
    for f in by_field:
        print(f"  {f:18s} {ok_field[f]:3d}/{by_field[f]:3d}")
    print(f"expectations holding: {n_ok}/{len(outs)} = {n_ok / len(outs):.3f}")
    wrong_side = [o for o in verdicts if {o.expected, o.got} == {"SUPPORTED", "REFUTED"}]
    print(f"confidently wrong (SUPPORTED where REFUTED is expected, or the reverse): {len(wrong_side)}")
    two = R.two_claim_sentences(outs)
    print(f"  of which in a sentence holding a true and a false claim (one verdict cannot fit both): "
          f"{sum((o.scenario, o.sentence) in two for o in wrong_side)}")
    # Claims nothing speaks to (background sentences of the sets that cover every checkable
    # sentence, and claims only echoed): a verdict either way is a check or a model reading
    # another event as this one.
    quiet = [o for o in verdicts if o.expected == "NOT_ENOUGH_INFO"]
    loud = [o for o in quiet if o.got in ("SUPPORTED", "REFUTED", "DISPUTED")]
    print(f"claims expected NOT ENOUGH INFO given a verdict anyway: {len(loud)}/{len(quiet)}")
    counted = [o for o in outs if o.field == "contradicting" and not o.ok]
    print(f"refuting reports counted as corroboration: {len(counted)}")


def _one_set(root: str) -> tuple[str, list]:
    with tempfile.TemporaryDirectory() as tmp:
        return Path(root).name, R.run_all(Path(root), Path(tmp))


def _tally(outs: list) -> tuple[int, int, int, int, int, int, int]:
    """(holding, expectations, wrong-side outside two-claim sentences, inside them, counted, loud,
    echoes of the claim's own origin cited as independent support)."""
    verdicts = [o for o in outs if o.field == "verdict"]
    two = R.two_claim_sentences(outs)
    flips = [o for o in verdicts if {o.expected, o.got} == {"SUPPORTED", "REFUTED"}]
    inside = sum((o.scenario, o.sentence) in two for o in flips)
    counted = sum(1 for o in outs if o.field == "contradicting" and not o.ok)
    loud = sum(1 for o in verdicts if o.expected == "NOT_ENOUGH_INFO" and o.got in ("SUPPORTED", "REFUTED", "DISPUTED"))
    echoed = sum(1 for o in outs if o.field == "same_origin" and not o.ok)
    return sum(o.ok for o in outs), len(outs), len(flips) - inside, inside, counted, loud, echoed


def all_unseen(jobs: int) -> None:
    """Every blind set (the figure the CI gate in tests/verify/test_scenarios.py holds)."""
    from multiprocessing import Pool

    base = R.SCENARIOS.parent
    roots = sorted(base.glob("scenarios_unseen*"), key=lambda p: int(p.name[len("scenarios_unseen"):] or 1))
    t0 = time.perf_counter()
    with Pool(max(1, jobs)) as pool:
        results = pool.map(_one_set, [str(r) for r in roots], chunksize=1)
    total = [0] * 7
    for name, outs in results:
        t = _tally(outs)
        total = [a + b for a, b in zip(total, t)]
        print(f"{name} {t[0]}/{t[1]} wrong-side {t[2]} two-claim {t[3]} counted {t[4]} loud {t[5]} echo {t[6]}")
    ok, n, wrong, two, counted, loud, echoed = total
    print(f"all {len(roots)} blind sets: {ok}/{n} = {ok / n:.4f}; wrong-side {wrong} (and {two} in sentences of two claims); "
          f"refuting reports counted {counted}; echoes of the claim's own origin counted as independent {echoed}; "
          f"claims expected NOT ENOUGH INFO given a verdict {loud}; {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
