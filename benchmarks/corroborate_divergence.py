"""Perturbation benchmark for divergences: real BBC articles, copies with a number, a place and
a date changed, both analysed by the full dossier pipeline, claims linked, divergences scored.

usage: python benchmarks/corroborate_divergence.py [N_ARTICLES=60] [--verbose]
Articles: every k-th file of ../shared/data/corpus/bbc-news in sorted order (deterministic).
Prints precision and recall of divergences (a found divergence is right when it sits on the
perturbed sentence pair, is of the perturbed kind and its spans cover the old and new words).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from veracity.analysis import analyze_text
from veracity.options import Options
OPTS = Options(stages=("text.spacy.v1", "claims.extract.v1", "attribution.rules.v1"))
from veracity_train.corroborate.perturb import run
from veracity.text.embed import encode

# The BBC files carry no date; both copies get the same one so relative dates ("last July")
# resolve alike. Any day in 2005 would do: the corpus is from 2004-2005.
PUBLISHED = "2005-01-15"
# Only the stages divergence reads (check-worthiness plays no part in it).
OPTIONS = Options(stages=("text.spacy.v1", "claims.extract.v1", "attribution.rules.v1"))
BBC = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus" / "bbc-news"


def sample(n: int) -> list[tuple[str, str]]:
    files = sorted(BBC.glob("*/*.txt"))
    step = max(1, len(files) // n)
    out = []
    for f in files[::step][:n]:
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        out.append((f"{f.parent.name}/{f.name}", text))
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 60
    verbose = "--verbose" in sys.argv
    t0 = time.perf_counter()
    res = run(sample(n), lambda t: analyze_text(t, OPTIONS, published=PUBLISHED), encode, log=(print if verbose else None))
    for line in res["errors"]:
        print(line)
    for kind, (tp, fp, exp) in sorted(res["by_kind"].items()):
        print(f"{kind:<12} perturbed {exp:>3}  found {tp:>3}  false {fp:>3}")
    print(f"articles {n}  perturbations {res['perturbations']}  found {res['tp']}  false {res['fp']}  ({time.perf_counter() - t0:.0f}s)")
    print(f"divergence precision {res['precision']:.4f}  recall {res['recall']:.4f}")


if __name__ == "__main__":
    main()
