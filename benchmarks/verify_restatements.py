"""The news stance model on restatements: does it read a sentence restated as supporting it?

300 seeded BBC sentences (10-40 words), each against itself, itself followed by the article's
next sentence (evidence is read in passages of two), and itself with ", officials said." added.
Printed per form: the share the model reads as REFUTES (P >= 0.5) and as SUPPORTS (P >= 0.6),
then the share the shipped judge (model, contradiction checks and support rules,
:func:`veracity.verify.judge.judge`, at cosine 1.0) calls refutes / supports: a check or a
support rule must never turn a restatement into REFUTES.
The model shipped before the contrast rows read 0.95 of the identical sentences as REFUTES.

    python benchmarks/verify_restatements.py [META_JSON]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veracity_train.verify import synth as ss  # noqa: E402
from veracity.verify.judge import NewsStance, judge  # noqa: E402

SEED, N = 99, 300


def main() -> None:
    model = NewsStance.load(Path(sys.argv[1])) if len(sys.argv) > 1 else NewsStance.load()
    arts = ss.bbc_sentences()
    pool = [(g, i, s) for g, sx in arts for i, s in enumerate(sx) if 10 <= len(s.split()) <= 40]
    pick = [pool[int(k)] for k in np.random.default_rng(SEED).choice(len(pool), N, replace=False)]
    sents = dict(arts)
    forms = {
        "identical": lambda g, i, s: s,
        "with next sentence": lambda g, i, s: s + " " + (sents[g][i + 1] if i + 1 < len(sents[g]) else ""),
        "attribution added": lambda g, i, s: s.rstrip(".") + ", officials said.",
    }
    print(f"{N} BBC sentences (seed {SEED}), model {model.meta['sha256'][:12]}")
    for name, form in forms.items():
        p = model.probs([s for _, _, s in pick], [form(g, i, s) for g, i, s in pick])
        js = [judge(model, s, [form(g, i, s)], [1.0])[0] for g, i, s in pick]
        ref = [j for j in js if j.stance == "refutes"]
        print(f"  {name:20s} read as REFUTES {np.mean(p[:, 1] >= 0.5):.3f}   as SUPPORTS {np.mean(p[:, 0] >= 0.6):.3f}"
              f"   judged refutes {len(ref) / N:.3f}   supports {np.mean([j.stance == 'supports' for j in js]):.3f}")
        for j in ref[:3]:
            print(f"      refuted by: {', '.join(c.kind + ': ' + c.detail for c in j.checks)}")


if __name__ == "__main__":
    main()
