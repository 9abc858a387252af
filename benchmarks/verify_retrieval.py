"""WiCE dev: recall of a gold supporting sentence among the top-k retrieved, within the cited page.

Each WiCE claim comes with the full web page it cites, as a list of sentences. The page is
indexed as one document (sentences joined by newlines, so our splitter's offsets map back to
WiCE's sentence indices); the claim is the query, restricted to that document; a claim counts
as recalled when any retrieved sentence overlaps a gold supporting sentence. Claims without
supporting sentences are skipped. MiniLM vectors come from the training cache
(/tmp/veracity-cache/verify/wice-dev.npz), so a rerun does not re-embed.

usage: python benchmarks/verify_retrieval.py [--limit N] [--k 5] [--modes bm25,dense,hybrid]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity.records import Article  # noqa: E402
from veracity.retrieval.index import EvidenceIndex  # noqa: E402
from veracity_train.verify import datasets as ds  # noqa: E402
from veracity_train.verify.embcache import cached_encode  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N claims (0: all 349)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--modes", default="bm25,dense,hybrid")
    args = ap.parse_args()
    rows = [r for r in ds.wice_dev() if any(r["supporting_sentences"])]
    if args.limit:
        rows = rows[: args.limit]
    modes = args.modes.split(",")
    needs_vectors = any(m != "bm25" for m in modes)
    encoder = (lambda texts: cached_encode(list(texts), "wice-dev", log=lambda m: print(m, file=sys.stderr))) if needs_vectors else (lambda t: None)
    with tempfile.TemporaryDirectory() as tmp:
        ix = EvidenceIndex(Path(tmp) / "wice.db", encoder=encoder)
        docs, gold_ranges = [], []
        for r in rows:
            text, ranges, pos = [], [], 0
            for s in r["evidence"]:
                text.append(s)
                ranges.append((pos, pos + len(s)))
                pos += len(s) + 1
            gold = {i for group in r["supporting_sentences"] for i in group}
            art = Article.create("\n".join(text), title=r["claim"][:60])
            docs.append(art)
            gold_ranges.append([ranges[i] for i in sorted(gold) if i < len(ranges)])
        t0 = time.perf_counter()
        ix.add(docs, embed=needs_vectors)
        print(f"indexed {len(docs)} pages in {time.perf_counter() - t0:.1f}s: {ix.stats()}")
        for mode in modes:
            hit = 0
            t1 = time.perf_counter()
            for r, art, gold in zip(rows, docs, gold_ranges):
                hits = ix.search(r["claim"], k=args.k, documents=[art.id], mode=mode)
                if any(h.start < b and a < h.end for h in hits for a, b in gold):
                    hit += 1
            took = (time.perf_counter() - t1) / len(rows) * 1000
            print(f"WiCE dev claims {len(rows)}  mode {mode:6s}  recall@{args.k} {hit / len(rows):.4f}  ({took:.1f} ms/query)")


if __name__ == "__main__":
    main()
