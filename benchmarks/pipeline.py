"""Issue 2 speed benchmark: the whole dossier pipeline over the BBC corpus vs bare spaCy.

    .venv/bin/python benchmarks/pipeline.py [--limit N] [--processes 2]

Prints articles/s, p50/p95 per-article latency, peak memory (all processes), start-up time
(import + model load, in a fresh interpreter), and the throughput of bare ``nlp.pipe`` with
the same spaCy model over the same texts, as a ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "corpus" / "bbc-news"

STARTUP = "import time; t=time.perf_counter(); from veracity.pipeline import Pipeline; from veracity.options import Options; Pipeline(Options()); print(time.perf_counter()-t)"


def startup_seconds() -> float:
    out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()

    from veracity.batch.local import peak_rss_mb, run_parallel
    from veracity.errors import InputError
    from veracity.ingest import iter_articles
    from veracity.options import Options
    from veracity.text import nlp as nlp_mod

    items = list(iter_articles([str(CORPUS)], Options()))
    if args.limit:
        items = items[: args.limit]
    articles = [a for a in items if not isinstance(a, InputError)]
    print(f"corpus: {len(items)} inputs, {len(articles)} readable, {sum(len(a.text) for a in articles):,} characters")

    s = startup_seconds()
    print(f"start-up (import + all default models, fresh interpreter): {s:.2f} s")

    nlp = nlp_mod.load()
    texts = [a.text for a in articles]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    bare = time.perf_counter() - t0
    bare_rate = len(texts) / bare
    print(f"bare spaCy nlp.pipe (1 process, batch 64): {bare_rate:.1f} articles/s ({bare:.1f} s)")

    t0 = time.perf_counter()
    lat, peaks, failed = [], {}, 0
    for result, pid, rss in run_parallel(items, Options(), args.processes):
        if result.ok:
            lat.append(result.seconds)
        else:
            failed += 1
        if pid:
            peaks[pid] = max(peaks.get(pid, 0.0), rss)
    wall = time.perf_counter() - t0
    rate = len(lat) / wall
    peak_total = peak_rss_mb() + sum(peaks.values())
    print(f"veracity ({args.processes} processes): {rate:.1f} articles/s ({wall:.1f} s), {failed} failed")
    print(f"per-article latency: p50 {1000 * statistics.median(lat):.0f} ms, p95 {1000 * pct(lat, 0.95):.0f} ms")
    print(f"peak memory (main + workers): {peak_total:.0f} MB")
    print(f"throughput ratio veracity / bare spaCy: {rate / bare_rate:.2f}")


if __name__ == "__main__":
    main()
