"""Check-worthiness speed: model load time and batch throughput (sentences/s).

    .venv/bin/python benchmarks/checkworthy.py                 # fast model, 5,000 sentences
    .venv/bin/python benchmarks/checkworthy.py --model full --n 1000
    .venv/bin/python benchmarks/checkworthy.py --cli           # also: cold start of `veracity checkworthy`
    .venv/bin/python benchmarks/checkworthy.py --model cascade --n 20000   # prints the re-scored share too
    .venv/bin/python benchmarks/checkworthy.py --model transformer --n 1000
    .venv/bin/python benchmarks/checkworthy.py --model student --n 20000 --processes 2   # both cores

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
sys.path.insert(0, str(ROOT / "src"))
from veracity.claims.checkworthy import ALL_VARIANTS  # noqa: E402
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


def bands() -> None:
    """Post-hoc sensitivity of the cascade to its band-selection tolerance (not used to choose anything).

    For each tolerance, the band is chosen on the held-out training fold exactly as the training
    command does; the dev files' F1 is then printed next to it."""
    import json

    import numpy as np

    from veracity.claims.checkworthy import MODEL_DIR, align_threshold, load_model
    from veracity_train.checkworthy import transformer as T
    from veracity_train.checkworthy.ngrams import _f1, data_dir, read_gold

    tr, _, fit_idx, held_idx = T.split(lambda m: None)
    y = tr.labels.astype(bool)[held_idx]
    fast, tx = load_model("fast"), load_model("transformer")
    pt = tx.score([tr.texts[i] for i in held_idx])
    pf = T.fast_heldout(tr, fit_idx, held_idx, json.loads((MODEL_DIR / "fast" / "model.json").read_text())["calibration"])
    d = data_dir()
    gold = {"groundtruth": read_gold(d / "claimbuster" / "groundtruth.csv"),
            "dev-test": read_gold(d / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv")}
    dev = {k: (fast.score(g.texts), tx.score(g.texts), g.labels) for k, g in gold.items()}
    print("tolerance  mix  band          held-out share  held-out F1 | dev F1 (share re-scored) per file")
    for tol in (0.0, 0.005, 0.01, 0.02, 0.03):
        T.BAND_TOLERANCE = tol
        b = T.choose_band(pf, pt, y, fast.threshold)
        cells = []
        for k, (f, t, lab) in dev.items():
            band = (f >= b["lo"]) & (f <= b["hi"])
            p = f.copy()
            p[band] = align_threshold((1 - b["mix"]) * t[band] + b["mix"] * f[band], b["mix_threshold"], fast.threshold)
            cells.append(f"{k} {_f1(lab, p >= fast.threshold)[2]:.4f} ({band.mean():.1%})")
        print(f"{tol:9.3f}  {b['mix']:.2f} [{b['lo']:.2f}, {b['hi']:.2f}]  {b['share']:14.1%}  {b['f1']:11.4f} | " + "; ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fast", choices=ALL_VARIANTS)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--processes", type=int, default=1, help="score with this many worker processes (claims/checkworthy_pool.py)")
    ap.add_argument("--cli", action="store_true", help="also time `veracity checkworthy` on the same lines")
    ap.add_argument("--bands", action="store_true", help="cascade band sensitivity (post-hoc; needs scikit-learn) and exit")
    args = ap.parse_args()
    if args.bands:
        bands()
        return
    from veracity.claims.checkworthy import load_model

    texts = sentences(args.n)
    loads = sorted(load_seconds(args.model) for _ in range(3))
    print(f"model {args.model}: load (fresh interpreter, import + artefact + first sentence) median {loads[1]:.3f} s, min {loads[0]:.3f} s")
    model = load_model(args.model)
    model.score(texts[:50])  # warm: the embedder session (full) is created on first use
    if args.processes > 1:
        from veracity.claims.checkworthy_pool import ModelPool

        with ModelPool(args.model, args.processes) as pool:
            pool.score(texts[:2000])  # warm: every worker has loaded its model and scored
            w0 = time.perf_counter()
            pool.score(texts)
            wall = time.perf_counter() - w0
        print(f"scored {len(texts)} sentences with {args.processes} worker processes (warm pool): wall {wall:.3f} s = "
              f"{len(texts) / wall:.0f} sentences/s")
    else:
        w0, c0 = time.perf_counter(), time.process_time()
        model.score(texts)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        print(f"scored {len(texts)} sentences: wall {wall:.3f} s = {len(texts) / wall:.0f} sentences/s; "
              f"cpu {cpu:.3f} s = {len(texts) / cpu:.0f} sentences/cpu-s")
    if args.model.endswith("cascade"):
        share = float(model.band(model.fast.score(texts)).mean())
        print(f"cascade: {share:.1%} of the sentences fall in the band [{model.lo}, {model.hi}] and are re-scored by the network")
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
