"""Check-worthiness speed: model load time and batch throughput (sentences/s).

    .venv/bin/python benchmarks/checkworthy.py                 # fast model, 5,000 sentences
    .venv/bin/python benchmarks/checkworthy.py --model full --n 1000
    .venv/bin/python benchmarks/checkworthy.py --cli           # also: cold start of `veracity checkworthy`
    .venv/bin/python benchmarks/checkworthy.py --model cascade --n 20000   # prints the re-scored share too
    .venv/bin/python benchmarks/checkworthy.py --model transformer --n 1000

Sentences: the first N of ClaimBuster crowdsourced (../shared, read at run time), scored in one
batch. The machine is shared, so wall time depends on the load: CPU time (process time) is
printed beside it, and sentences per CPU-second is the load-independent figure. Load is timed
in a fresh interpreter (import + reading the artefact + scoring one sentence, which for
`full` also starts the MiniLM session), which is what a CLI run pays before its first line.
Quality is not measured here: `veracity eval checkworthy --gold FILE` prints it.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT / ".." / "shared"))


def sentences(n: int) -> list[str]:
    path = SHARED / "data" / "checkworthiness" / "claimbuster" / "crowdsourced.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [r["Text"] for _, r in zip(range(n), csv.DictReader(f))]


def load_seconds(model: str) -> float:
    code = (
        "import time; t=time.perf_counter(); "
        "from veracity.claims.checkworthy import load_model; m=load_model(%r); "
        "m.score(['warm-up']); print(time.perf_counter()-t)" % model
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fast", choices=("fast", "full", "transformer", "cascade"))
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--cli", action="store_true", help="also time `veracity checkworthy` on the same lines")
    args = ap.parse_args()
    from veracity.claims.checkworthy import load_model

    texts = sentences(args.n)
    loads = sorted(load_seconds(args.model) for _ in range(3))
    print(f"model {args.model}: load (fresh interpreter, import + artefact + first sentence) median {loads[1]:.3f} s, min {loads[0]:.3f} s")
    model = load_model(args.model)
    model.score(texts[:50])  # warm: the embedder session (full) is created on first use
    w0, c0 = time.perf_counter(), time.process_time()
    model.score(texts)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"scored {len(texts)} sentences: wall {wall:.3f} s = {len(texts) / wall:.0f} sentences/s; "
          f"cpu {cpu:.3f} s = {len(texts) / cpu:.0f} sentences/cpu-s")
    if args.model == "cascade":
        share = float(model.band(model.fast.score(texts)).mean())
        print(f"cascade: {share:.1%} of the sentences fall in the band [{model.lo}, {model.hi}] and are re-scored by the transformer")
    if args.cli:
        data = "\n".join(texts) + "\n"
        exe = str(Path(sys.executable).with_name("veracity"))
        w0 = time.perf_counter()
        res = subprocess.run([exe, "checkworthy", "-", "--model", args.model], input=data, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - w0
        print(f"`veracity checkworthy -` on {len(texts)} lines: {wall:.2f} s wall incl. start-up ({len(res.stdout.splitlines())} lines out)")
    try:
        print(f"load average (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    except OSError:
        pass


if __name__ == "__main__":
    main()
