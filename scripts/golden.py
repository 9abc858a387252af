"""The golden inputs and their dossiers: the example article and 20 BBC articles of all five topics.

    python scripts/golden.py              # print each input's sha256 and whether it matches
    python scripts/golden.py --write      # record the hashes in tests/core/golden/hashes.json
    python scripts/golden.py --dump DIR   # also write each dossier's JSON to DIR (not in the project)

The texts are research-only: they are read from ``../shared`` (or ``VERACITY_SHARED``) at run
time, and only the sha256 of each dossier's JSON (``dossier_to_json``, default stages, no
evidence index) is committed. ``tests/core/test_golden.py`` recomputes and compares, so a
refactor that changes any byte of any dossier fails. Record new hashes only for a change of
behaviour that is meant (the dossier's ``generator`` names the package version, so a version
bump is one).

Each dossier's ``article.source_path`` is the input's path relative to the shared folder, so the
hashes do not depend on where the checkout or the shared data sit.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
HASHES = ROOT / "tests" / "core" / "golden" / "hashes.json"

# (path relative to the shared folder, publication date given as `--published`, or None)
EXAMPLE = ("examples/troops-report.txt", "2025-02-14")
BBC = tuple(f"data/corpus/bbc-news/{p}" for p in (
    "business/001.txt", "business/102.txt", "business/233.txt", "business/404.txt",
    "entertainment/001.txt", "entertainment/097.txt", "entertainment/205.txt", "entertainment/350.txt",
    "politics/001.txt", "politics/120.txt", "politics/256.txt", "politics/399.txt",
    "sport/001.txt", "sport/199.txt", "sport/300.txt", "sport/487.txt",  # sport/199 is the Latin-1 one
    "tech/001.txt", "tech/111.txt", "tech/222.txt", "tech/333.txt",
))
INPUTS: tuple[tuple[str, str | None], ...] = (EXAMPLE,) + tuple((p, None) for p in BBC)


def dossier_jsons(shared: Path = SHARED) -> dict[str, str]:
    """Each input's dossier as ``dossier_to_json`` writes it, by path relative to ``shared``."""
    from veracity.analysis import iter_results
    from veracity.records import dossier_to_json
    from veracity.options import Options

    out: dict[str, str] = {}
    for rel, published in INPUTS:
        path = shared / rel
        if not path.is_file():
            raise FileNotFoundError(f"golden input missing: {path}")
        options = Options(reference_date=published)  # default stages, no store, no evidence index
        (result,) = list(iter_results([str(path)], options))
        if not result.ok:
            raise RuntimeError(f"{rel}: {result.error}")
        d = result.dossier
        d = d.with_(article=dataclasses.replace(d.article, source_path=rel))
        out[rel] = dossier_to_json(d)
    return out


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compute(shared: Path = SHARED) -> dict[str, str]:
    return {rel: sha256(text) for rel, text in dossier_jsons(shared).items()}


def recorded() -> dict[str, str]:
    return json.loads(HASHES.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"record the hashes in {HASHES.relative_to(ROOT)}")
    ap.add_argument("--dump", metavar="DIR", help="write each dossier's JSON to DIR (keep it outside the project)")
    args = ap.parse_args(argv)
    texts = dossier_jsons()
    if args.dump:
        d = Path(args.dump)
        d.mkdir(parents=True, exist_ok=True)
        for rel, text in texts.items():
            (d / (rel.replace("/", "__").removesuffix(".txt") + ".json")).write_text(text, encoding="utf-8")
    hashes = {rel: sha256(t) for rel, t in texts.items()}
    old = recorded() if HASHES.exists() else {}
    for rel, h in hashes.items():
        print(f"{h}  {rel}  {'same' if old.get(rel) == h else 'DIFFERS' if rel in old else 'new'}")
    if args.write:
        HASHES.parent.mkdir(parents=True, exist_ok=True)
        HASHES.write_text(json.dumps(hashes, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {HASHES}")
        return 0
    return 0 if old == hashes else 1


if __name__ == "__main__":
    sys.exit(main())
