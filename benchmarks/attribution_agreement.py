"""How far apart PolNeAR's own annotators are, scored like a system (a ceiling for the #4 targets).

    .venv/bin/python benchmarks/attribution_agreement.py [--splits train dev]

18 PolNeAR articles (16 in train, 2 in dev) were annotated by five or six people. The shared
scorer's gold for such an article is the first annotator by sorted file name; here every other
annotator's relations are scored as a system against that gold, with the shared scorer
(``../shared/eval/attribution/score.py``), pooled over all (article, other annotator) pairs.
The result is what a second careful human scores on the issue's figures: a system cannot be
expected to agree with the gold annotator much more often than another annotator does.

Caveat, printed with the figures: these articles are PolNeAR's "annotator-training"
compartment, annotated while the annotators were being trained, so the agreement may be lower
than between the annotators of the rest of the corpus (each of which has one annotator only).
Reads ``../shared`` only; never looks at the test split.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

FIGURES = ("content_overlap", "content_exact", "source_overlap", "cue_exact", "full_overlap")


def multi_annotated(pn, split: str) -> list[tuple[dict, list[tuple[str, list[dict]]]]]:
    """(gold article as the scorer loads it, [(annotator, relations)] of every other annotator)."""
    split_dir = os.path.join(pn.DEFAULT_ROOT, split)
    files: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for fn in sorted(os.listdir(os.path.join(split_dir, "attributions"))):
        m = pn._ANN_RE.match(fn)
        if m:
            files[m.group("art")].append((m.group("ann"), os.path.join(split_dir, "attributions", fn)))
    gold = {a["id"]: a for a in pn.load_split(split) if len(files.get(a["id"], ())) > 1}
    out = []
    for art_id, art in sorted(gold.items()):
        others = [(ann, pn.relations_from_ann(pn.read_text(path), text=art["text"]))
                  for ann, path in files[art_id] if ann != art["annotator"]]
        out.append((art, others))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["train", "dev"], choices=["train", "dev"])
    args = ap.parse_args(argv)

    from veracity_train.attribution import polnear

    pn, sc = polnear.polnear_module(), polnear.scorer_module()
    gold_arts, system = [], {}
    for split in args.splits:
        for art, others in multi_annotated(pn, split):
            for ann, rels in others:
                # One pseudo-article per (article, other annotator): the scorer pools counts.
                key = f"{art['id']}#{ann}"
                gold_arts.append({**art, "id": key})
                system[key] = [{k: [tuple(x) for x in r[k]] for k in ("source", "cue", "content")} for r in rels]
    if not gold_arts:
        print("no multi-annotated articles found")
        return 1
    res = sc.score(gold_arts, system)
    n_art = len({g["id"].split("#")[0] for g in gold_arts})
    print(f"PolNeAR {'+'.join(args.splits)}: {n_art} articles with several annotators, "
          f"{len(gold_arts)} (article, other annotator) pairs scored against the first annotator")
    print("caveat: PolNeAR's annotator-training compartment (annotated while annotators were trained)")
    for f in FIGURES:
        r = res[f]
        print(f"  {f:16s} F1 {r['f1']:.3f}  (P {r['p']:.3f}, R {r['r']:.3f})")
    print()
    print(sc.format_report(res, "other annotators vs the first"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
