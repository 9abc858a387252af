"""Issue 2 speed benchmark: the whole dossier pipeline over the BBC corpus vs bare spaCy.

    .venv/bin/python benchmarks/pipeline.py [--limit N] [--processes 2] [--batch-attribution learned|tagger|rules]

The throughput run is a corpus run as `veracity batch` makes it (``Options.for_batch``: the
CRF attributor unless told otherwise); start-up and the one-at-a-time latency are those of the
interactive default (`veracity analyze`, the API), whose attributor is the MiniLM tagger.

Prints articles/s, p50/p95 per-article latency, peak memory (all processes), start-up time
(import + model load, in a fresh interpreter), and the throughput of bare ``nlp.pipe`` with
the same spaCy model over the same texts, as a ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "corpus" / "bbc-news"

BARE = """
import sys, time, json
from veracity.text import nlp as nlp_mod
texts = json.load(sys.stdin)
nlp = nlp_mod.load()
t0 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=64):
    pass
print(time.perf_counter() - t0)
"""

STARTUP = "import time; t=time.perf_counter(); from veracity.pipeline import Pipeline; from veracity.options import Options; Pipeline(Options()); print(time.perf_counter()-t)"


def startup_seconds() -> float:
    out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


SAMPLE_S = 0.5
# Articles timed one by one for latency: enough for a stable p95, a minute at most.
LATENCY_SAMPLE = 200


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", encoding="ascii") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return out


class PssSampler(threading.Thread):
    """Peak of the summed proportional set size of this process and its children: memory as
    the machine pays for it, with pages shared after fork counted once."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0.0
        self._halt = threading.Event()

    def run(self):
        me = os.getpid()
        while not self._halt.wait(SAMPLE_S):
            self.peak = max(self.peak, sum(_pss_mb(p) for p in [me] + _children(me)))

    def stop(self):
        self._halt.set()
        self.join()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--batch-attribution", default=None, help="the corpus run's attributor (default: Options')")
    args = ap.parse_args()

    from veracity.batch.local import peak_rss_mb, run_parallel
    from veracity.errors import InputError
    from veracity.ingest import iter_articles
    from veracity.options import Options, attribution_stage

    items = list(iter_articles([str(CORPUS)], Options()))
    if args.limit:
        items = items[: args.limit]
    articles = [a for a in items if not isinstance(a, InputError)]
    print(f"corpus: {len(items)} inputs, {len(articles)} readable, {sum(len(a.text) for a in articles):,} characters")

    s = startup_seconds()
    print(f"start-up (import + all default models, fresh interpreter): {s:.2f} s")

    texts = [a.text for a in articles]
    # The baseline runs in its own interpreter so that its memory is not counted as ours.
    out = subprocess.run([sys.executable, "-c", BARE], input=json.dumps(texts), capture_output=True, text=True, check=True)
    bare = float(out.stdout.strip().splitlines()[-1])
    bare_rate = len(texts) / bare
    print(f"bare spaCy nlp.pipe (1 process, batch 64): {bare_rate:.1f} articles/s ({bare:.1f} s)")

    sampler = PssSampler()
    sampler.start()
    t0 = time.perf_counter()
    lat, peaks, failed = [], {}, 0
    batch_options = Options(batch_attribution=args.batch_attribution or Options.batch_attribution).for_batch()
    attributor = attribution_stage(batch_options.stages)
    for result, pid, rss in run_parallel(items, batch_options, args.processes):
        if result.ok:
            lat.append(result.seconds)
        else:
            failed += 1
        if pid:
            peaks[pid] = max(peaks.get(pid, 0.0), rss)
    wall = time.perf_counter() - t0
    sampler.stop()
    rate = len(lat) / wall
    peak_total = peak_rss_mb() + sum(peaks.values())
    print(f"veracity ({args.processes} processes, {attributor}): {rate:.1f} articles/s ({wall:.1f} s), {failed} failed")
    print(f"per-article cost in the batch run (share of its chunk): p50 {1000 * statistics.median(lat):.0f} ms, p95 {1000 * pct(lat, 0.95):.0f} ms")
    # Latency as a user meets it: one article at a time through a warm pipeline.
    from veracity.pipeline import Pipeline

    pipe = Pipeline(Options())
    interactive = attribution_stage(Options().stages)
    sample = articles[:: max(1, len(articles) // LATENCY_SAMPLE)][:LATENCY_SAMPLE]
    pipe.analyze(sample[0])
    single = [pipe.run(a).seconds for a in sample]
    print(f"per-article latency, one at a time, warm ({len(single)} articles, {interactive}): p50 {1000 * statistics.median(single):.0f} ms, p95 {1000 * pct(single, 0.95):.0f} ms")
    print(f"peak memory, all processes: {sampler.peak:.0f} MB PSS sampled every {SAMPLE_S}s "
          f"(sum of each process's peak RSS, which counts shared pages twice: {peak_total:.0f} MB)")
    print(f"throughput ratio veracity / bare spaCy: {rate / bare_rate:.2f}")


if __name__ == "__main__":
    main()
