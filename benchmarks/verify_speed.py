"""Speed of the evidence index and of verification.

1. index: `EvidenceIndex.add` over a corpus (default: the BBC corpus, 2,225 articles), timed.
2. claim: warm per-claim latency of retrieval + re-ranking + stance + checks (Verifier.verify
   on one claim at a time), p50/p90 over claims taken from Climate-FEVER.
Wall-clock figures depend on the machine's load (printed); the CPU time of this process
(time.process_time, all threads) is printed too, as the load-independent figure.

3. bm25: a synthetic index of N sentences (default 1,000,000; words drawn from the BBC
   corpus's vocabulary with its frequencies, no vectors) answering BM25 queries, p50/p90.

usage: python benchmarks/verify_speed.py [--db PATH] [--skip-index] [--claims 100]
                                         [--synthetic 1000000] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity.ingest import iter_articles  # noqa: E402
from veracity.records import Article  # noqa: E402
from veracity.options import Options  # noqa: E402
from veracity.retrieval.index import EvidenceIndex  # noqa: E402
from veracity_train.verify import datasets as ds  # noqa: E402

BBC = ds.shared_dir() / "data" / "corpus" / "bbc-news"


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def bench_index(db: Path, limit: int) -> None:
    if db.exists():
        print(f"index: {db} exists; delete it to time indexing from scratch")
        return
    files = sorted(str(p) for p in BBC.rglob("*.txt"))
    if limit:
        # Every k-th file, so all five topics are in a partial run.
        files = files[:: max(1, len(files) // limit)][:limit]
    arts = [a for a in iter_articles(files, Options()) if isinstance(a, Article)]
    t0 = time.perf_counter()
    counts = EvidenceIndex(db).add(arts)
    took = time.perf_counter() - t0
    print(f"index: {counts.added} BBC articles of {len(files)} files, {counts.sentences} sentences in {took:.1f}s "
          f"({counts.sentences / took:.0f} sentences/s; load average {os.getloadavg()[0]:.1f})")


def bench_claims(db: Path, n: int, force_cross: bool = False) -> None:
    from veracity.verify.engine import ClaimQuery, Verifier

    ix = EvidenceIndex(db)
    v = Verifier(ix)
    scored = [0]
    if force_cross:
        # Worst case: every candidate from the cosine floor up is read by the cross-encoder
        # (Climate-FEVER claims against BBC news are mostly off-topic and normally skip it).
        from veracity.verify import judge

        judge.MODEL_COSINE = -1.0
    session = v.model.session
    inner = session.logits

    def counting(claims, evidence):
        scored[0] += len(claims)
        return inner(claims, evidence)

    session.logits = counting
    claims = [r["claim"] for r in ds.climate_fever()[:n]]
    v.verify([ClaimQuery(claims[0])])  # warm: models loaded, vectors in memory
    times, cpu = [], []
    for c in claims:
        t0, c0 = time.perf_counter(), time.process_time()
        v.verify([ClaimQuery(c)])
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    print(f"claim: {len(times)} claims against {ix.stats()['sentences']} sentences: p50 {statistics.median(times):.1f} ms, "
          f"p90 {pct(times, 0.9):.1f} ms wall; CPU p50 {statistics.median(cpu):.1f} ms (retrieval + re-ranking + stance + checks, warm; load average {os.getloadavg()[0]:.1f})")
    print(f"claim: news cross-encoder pairs scored per claim: "
          f"{scored[0] / max(1, len(times) + 1):.2f} on average{' (forced onto every top-k candidate)' if force_cross else ''}")


def bench_synthetic(n: int, path: Path) -> None:
    import numpy as np

    words = Counter()
    texts = [a.text for a in iter_articles([str(BBC)], Options()) if isinstance(a, Article)]
    for t in texts:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", t))
    vocab = np.array(list(words))
    p = np.array(list(words.values()), dtype=float)
    p /= p.sum()
    rng = np.random.default_rng(0)
    if not path.exists():
        ix = EvidenceIndex(path)
        t0 = time.perf_counter()
        batch, per_doc = [], 100  # 100 sentences of ~20 words per synthetic document
        for d in range(n // per_doc):
            draws = vocab[rng.choice(len(vocab), size=(per_doc, 20), p=p)]
            sents = [" ".join(row).capitalize() + "." for row in draws]
            batch.append(Article.create("\n".join(sents), title=f"synthetic {d}"))
            if len(batch) == 200:
                ix.add(batch, embed=False)
                batch = []
        if batch:
            ix.add(batch, embed=False)
        print(f"bm25: built {ix.stats()['sentences']} synthetic sentences in {time.perf_counter() - t0:.0f}s")
    ix = EvidenceIndex(path)
    queries = [r["claim"] for r in ds.climate_fever()[:200]]
    ix.search(queries[0], k=10, mode="bm25")
    times, cpu = [], []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        ix.search(q, k=10, mode="bm25")
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    print(f"bm25: {len(times)} queries on {ix.stats()['sentences']} sentences: p50 {statistics.median(times):.1f} ms, p90 {pct(times, 0.9):.1f} ms wall;"
          f" CPU p50 {statistics.median(cpu):.1f} ms (load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="/tmp/veracity-cache/verify/bbc.db")
    ap.add_argument("--skip-index", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="index only N BBC files (0: all 2,225)")
    ap.add_argument("--claims", type=int, default=100)
    ap.add_argument("--force-cross", action="store_true", help="run the cross-encoder on every top-k candidate (worst case)")
    ap.add_argument("--synthetic", type=int, default=1_000_000)
    ap.add_argument("--synthetic-db", default="/tmp/veracity-cache/verify/synthetic.db")
    ap.add_argument("--skip-synthetic", action="store_true")
    args = ap.parse_args()
    db = Path(args.db)
    if not args.skip_index:
        bench_index(db, args.limit)
    if args.claims and db.exists():
        bench_claims(db, args.claims, args.force_cross)
    if not args.skip_synthetic:
        bench_synthetic(args.synthetic, Path(args.synthetic_db))


if __name__ == "__main__":
    main()
