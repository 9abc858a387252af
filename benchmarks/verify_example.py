"""The example article analysed against an evidence index, warm: the whole dossier (parse,
claims, attribution, verification, corroboration), as `veracity analyze --evidence-db` makes it.

The first run loads the models and lets the corroborator analyse and store the dossiers of the
reports it links (kept in STORE); the next runs are timed.

usage: python benchmarks/verify_example.py INDEX_DB [--store STORE_DB] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veracity import analysis  # noqa: E402
from veracity.options import Options, with_evidence_stages  # noqa: E402
from veracity.retrieval.index import EvidenceIndex  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--store", default=None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    store = args.store or str(Path(tempfile.mkdtemp()) / "store.db")
    text = (ROOT.parent / "shared" / "examples" / "troops-report.txt").read_text(encoding="utf-8")
    opts = Options(evidence_db=args.db, db_path=store)
    opts = opts.replace(stages=with_evidence_stages(opts.stages))
    t0 = time.perf_counter()
    d = analysis.analyze_text(text, opts, published="2025-02-14")
    first = time.perf_counter() - t0
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        d = analysis.analyze_text(text, opts, published="2025-02-14")
        times.append(time.perf_counter() - t0)
    n = EvidenceIndex(args.db).stats()["sentences"]
    verified = sum(c.verdict is not None for c in d.claims)
    print(f"example against {n} sentences: first run {first:.2f} s (models loaded, linked reports analysed); "
          f"warm median {statistics.median(times):.2f} s over {args.runs} runs; {verified} claims verified; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
