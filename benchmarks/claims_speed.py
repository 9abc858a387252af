"""Cost of the claims.extract.v1 stage next to the spaCy parse it reads.

Parses N BBC articles (a fixed, sorted sample: every k-th file) with the text stage, then
times ClaimExtractor alone on the parsed dossiers (warm: a first pass loads pycountry and
fills caches; the timed pass is the second). Prints per-article ms for both and the ratio.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/claims_speed.py --n 200
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT / ".." / "shared" / "data" / "corpus" / "bbc-news"


def sample(n: int) -> list[str]:
    files = sorted(p for p in BBC.glob("*/*.txt"))
    step = max(1, len(files) // n)
    out = []
    for p in files[::step][:n]:
        raw = p.read_bytes()
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("latin-1"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()

    from veracity.claims.extract import ClaimExtractor
    from veracity.records import Article, Dossier
    from veracity.options import Options
    from veracity.text.stage import SpacyText

    texts = sample(args.n)
    opts = Options(reference_date="2005-03-01")
    text_stage = SpacyText(opts)
    # CPU time as well as wall time: the machine is shared, and CPU time is what another
    # process's load distorts least.
    t0, c0 = time.perf_counter(), time.process_time()
    dossiers = list(text_stage.pipe(Dossier(article=Article.create(t)) for t in texts))
    t_parse, c_parse = time.perf_counter() - t0, time.process_time() - c0

    stage = ClaimExtractor(opts)
    t0 = time.perf_counter()
    first = [stage(d) for d in dossiers]
    t_cold = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    out = [stage(d) for d in dossiers]
    t_claims, c_claims = time.perf_counter() - t0, time.process_time() - c0

    n = len(dossiers)
    claims = sum(len(d.claims) for d in out)
    counts = {k: sum(len(getattr(c, k)) for d in out for c in d.claims) for k in ("quantities", "dates", "places", "frames")}
    assert [len(d.claims) for d in first] == [len(d.claims) for d in out]
    print(f"articles: {n}  sentences/claims: {claims}  " + "  ".join(f"{k}: {v}" for k, v in counts.items()))
    print(f"spaCy parse (nlp.pipe, 1 process): {1000 * t_parse / n:.1f} ms/article wall, {1000 * c_parse / n:.1f} ms CPU")
    print(f"claims.extract.v1 cold (first pass, caches empty): {1000 * t_cold / n:.1f} ms/article wall")
    print(f"claims.extract.v1 warm: {1000 * t_claims / n:.1f} ms/article wall, {1000 * c_claims / n:.1f} ms CPU")
    print(f"claims / parse ratio (warm): {t_claims / t_parse:.3f} wall, {c_claims / c_parse:.3f} CPU")


if __name__ == "__main__":
    main()
