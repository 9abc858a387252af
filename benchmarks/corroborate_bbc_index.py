"""Build (or extend) an evidence index of the BBC corpus for the corroboration benchmarks.

usage: python benchmarks/corroborate_bbc_index.py DB [LIMIT] [--no-embed] [--sections=politics,business]
--no-embed stores text and BM25 only (seconds); `EvidenceIndex(DB).embed_missing()` adds the
vectors later (what this script does when re-run without the flag).
Articles get the headline (first line) as title and "BBC News" as outlet; the BBC files carry
no publication date. Uses the shared EvidenceIndex (incremental: re-running skips what is in).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from veracity.records import Article
from veracity.retrieval.index import EvidenceIndex

BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus" / "bbc-news"


def bbc_articles(limit: int | None = None, sections: list[str] | None = None):
    files = [f for f in sorted(BBC.glob("*/*.txt")) if not sections or f.parent.name in sections][:limit]
    for f in files:
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title = text.strip().split("\n", 1)[0].strip()
        yield Article.create(text, title=title, outlet="BBC News", source_path=str(f.relative_to(BBC.resolve()) if f.is_relative_to(BBC.resolve()) else f))


def main() -> None:
    db = sys.argv[1]
    args = [a for a in sys.argv[2:] if not a.startswith("--")]
    limit = int(args[0]) if args else None
    embed = "--no-embed" not in sys.argv
    sections = next((a.split("=", 1)[1].split(",") for a in sys.argv if a.startswith("--sections=")), None)
    t0 = time.perf_counter()
    idx = EvidenceIndex(db)
    counts = idx.add(bbc_articles(limit, sections), embed=embed)
    if embed:
        print(f"embedded {idx.embed_missing()} sentences that had no vector", flush=True)
    print(f"added {counts.added} skipped {counts.skipped} sentences {counts.sentences} in {time.perf_counter() - t0:.1f}s; index {idx.stats()}")


if __name__ == "__main__":
    main()
