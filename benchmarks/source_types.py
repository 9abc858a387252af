"""Source typing on a hand-labelled sample of BBC attributions (issue 21).

The sample (``benchmarks/data/source_types.jsonl``, guideline in ``benchmarks/data/README.md``)
gives, for the sources the dossier pipeline found in 60 seeded BBC articles (12 per topic), the
type a reader gives them: person, official, organisation, outlet, anonymous, document, pronoun
(with its antecedent) or none (not a speaker). A seeded 30% of the articles is held out.

    python benchmarks/source_types.py [--split dev|heldout|all] [--errors]
    python benchmarks/source_types.py --candidates OUT.jsonl   # the blind rows to label (no system types)

Each gold source is matched to the attribution whose source span is the same (or overlaps it
most); the pipeline's ``source_type`` (the innermost link of the chain) is compared with the
gold type. Printed: accuracy overall and per gold type, precision/recall per type, the
confusion pairs, pronoun antecedents right, and gold sources the pipeline no longer finds.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "corpus" / "bbc-news"
DATA = ROOT / "benchmarks" / "data" / "source_types.jsonl"
TOPICS = ("business", "entertainment", "politics", "sport", "tech")
SEED, PER_TOPIC = 21, 12
HOLDOUT_SEED, HOLDOUT_SHARE = 2112, 0.3
TYPES = ("person", "official", "organisation", "outlet", "anonymous", "document", "pronoun", "none")


def sample_articles() -> list[str]:
    """The sample's articles, as paths relative to the BBC corpus folder."""
    rng = random.Random(SEED)
    out = []
    for topic in TOPICS:
        files = sorted(p.name for p in (CORPUS / topic).glob("*.txt"))
        out += [f"{topic}/{f}" for f in sorted(rng.sample(files, PER_TOPIC))]
    return out


def heldout_articles() -> set[str]:
    arts = sample_articles()
    return set(random.Random(HOLDOUT_SEED).sample(arts, round(HOLDOUT_SHARE * len(arts))))


def dossiers(paths: list[str]):
    """(path, dossier) for each article, analysed as `veracity analyze` does (default stages)."""
    from veracity.analysis import iter_results
    from veracity.options import Options

    options = Options()
    for rel, result in zip(paths, iter_results([str(CORPUS / p) for p in paths], options)):
        if not result.ok:
            raise RuntimeError(f"{rel}: {result.error}")
        yield rel, result.dossier


def _extent(spans) -> tuple[int, int]:
    return min(s.start for s in spans), max(s.end for s in spans)


def _sentence(d, start: int):
    for s in d.sentences:
        if s.span.start <= start < s.span.end:
            return s.span
    return None


def candidates(out: Path) -> None:
    held = heldout_articles()
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for rel, d in dossiers(sample_articles()):
            for a in d.attributions:
                if not a.source:
                    continue
                s, e = _extent(a.source)
                sent = _sentence(d, s)
                row = {"path": rel, "split": "heldout" if rel in held else "dev",
                       "sentence": {"start": sent.start, "end": sent.end, "text": sent.text} if sent else None,
                       "source": {"start": s, "end": e, "text": d.article.text[s:e]},
                       "cue": " ".join(c.text for c in a.cue)}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} candidate sources from {len(sample_articles())} articles -> {out}")


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def _match(d, gold: dict):
    """The attribution whose source is the gold span, else the one overlapping it most."""
    gs, ge = gold["source"]["start"], gold["source"]["end"]
    same = [a for a in d.attributions if a.source and _extent(a.source) == (gs, ge)]
    if same:
        # several relations may share a source ("AP quoted X" / "AP ... was also found"): the cue decides
        return next((a for a in same if " ".join(c.text for c in a.cue) == gold.get("cue")), same[0])
    best, best_overlap = None, 0
    for a in d.attributions:
        if not a.source:
            continue
        s, e = _extent(a.source)
        overlap = min(e, ge) - max(s, gs)
        if overlap > best_overlap:
            best, best_overlap = a, overlap
    return best


def _norm(name: str | None) -> str:
    words = (name or "").lower().replace("\u2019s", "").replace("'s", "").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def same_entity(got: str | None, want: str | None) -> bool:
    """Antecedents compared leniently: "Ben Emmerson QC" is "Ben Emmerson", "Lord Nicholls" is
    "Lord Nicholls of Birkenhead", "The University of California" is "University of California"."""
    a, b = set(_norm(got).split()), set(_norm(want).split())
    return a == b or bool(a and b and (a <= b or b <= a) and (len(a) > 1 or len(b) > 1))


def evaluate(splits: list[str], errors: bool) -> dict:
    """Score each split (and all of them together) with one pipeline run over their articles."""
    rows = load("all")
    paths = sorted({r["path"] for r in rows if r["split"] in splits})
    t0 = time.time()
    found = dict(dossiers(paths))
    out = {}
    for split in splits + (["all"] if len(splits) > 1 else []):
        part = [r for r in rows if split == "all" or r["split"] == split]
        out[split] = _score(split, part, found, errors and split == "dev")
        print()
    print(f"({len(paths)} articles analysed in {time.time() - t0:.0f} s)")
    return out


def _score(split: str, rows: list[dict], found: dict, errors: bool) -> dict:
    pairs, missing, pron = [], [], [0, 0]
    for g in rows:
        d = found[g["path"]]
        if d.article.text[g["source"]["start"]:g["source"]["end"]] != g["source"]["text"]:
            raise SystemExit(f"{g['path']}: the article text changed under the gold span {g['source']}")
        a = _match(d, g)
        if a is None:
            missing.append(g)
            continue
        pairs.append((g, a.source_type, a.source_entity))
        if g["type"] == "pronoun" and a.source_type == "pronoun":
            pron[0] += 1
            pron[1] += same_entity(a.source_entity, g.get("entity"))
    n = len(pairs)
    right = sum(g["type"] == t for g, t, _ in pairs)
    print(f"split {split}: {len(rows)} gold sources in {len({r['path'] for r in rows})} articles; matched {n}, "
          f"no longer found {len(missing)}")
    print(f"accuracy {right / n:.3f} ({right}/{n})")
    gold_n = collections.Counter(g["type"] for g, _, _ in pairs)
    pred_n = collections.Counter(t for _, t, _ in pairs)
    hit = collections.Counter(g["type"] for g, t, _ in pairs if g["type"] == t)
    print(f"{'type':14s} {'gold':>5s} {'acc/rec':>8s} {'prec':>6s}")
    for ty in TYPES:
        if gold_n[ty] or pred_n[ty]:
            rec = f"{hit[ty] / gold_n[ty]:.3f}" if gold_n[ty] else "-"
            prec = f"{hit[ty] / pred_n[ty]:.3f}" if pred_n[ty] else "-"
            print(f"{ty:14s} {gold_n[ty]:5d} {rec:>8s} {prec:>6s}")
    if pron[0]:
        print(f"pronoun antecedents right: {pron[1]}/{pron[0]} ({pron[1] / pron[0]:.3f}) of the pronouns typed pronoun")
    conf = collections.Counter((g["type"], t) for g, t, _ in pairs if g["type"] != t)
    print("confusions (gold -> system): " + (", ".join(f"{a}->{b} {k}" for (a, b), k in conf.most_common()) or "none"))
    if errors:
        for g, t, ent in pairs:
            bad_ant = g["type"] == "pronoun" == t and not same_entity(ent, g.get("entity"))
            if g["type"] != t or bad_ant:
                print(f"  {g['path']} [{g['source']['text']}] gold {g['type']} {g.get('entity') or ''} "
                      f"| system {t} {ent or ''}")
        for g in missing:
            print(f"  missing {g['path']} [{g['source']['text']}]")
    return {"n": n, "right": right, "missing": len(missing)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list the dev split's mistyped sources and wrong antecedents")
    ap.add_argument("--candidates", metavar="OUT", help="write the blind rows to label and stop")
    args = ap.parse_args(argv)
    if args.candidates:
        candidates(Path(args.candidates))
        return 0
    if args.errors and args.split != "dev":
        print("(errors are listed for the dev split only: the held-out part stays unseen)")
    evaluate(["dev", "heldout"] if args.split == "all" else [args.split], args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
