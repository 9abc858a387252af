"""Distil the fine-tuned transformer into the fast n-gram model (``veracity train checkworthy --distil``).

Why: the transformer meets the quality targets at ~300 sentences per CPU-second, the n-gram LR
runs at ~10,000/s but ranks worse. The LR is trained on the crowdsourced labels *plus* the
transformer's probabilities on an unlabelled pool (soft targets), so it can learn which n-grams
the transformer relies on from many more sentences than the 22k labelled ones.

Pool (never an evaluation file; every pool sentence whose folded text occurs in groundtruth /
CT24 dev / dev-test / crowdsourced is dropped): CheckThat! 2019 transcript lines (labels unused)
and the sentences of the BBC news corpus (pysbd). The shipped transformer never trained on them,
so its scores there are honest out-of-sample teacher signals. Crowdsourced sentences keep their
human labels (the transformer's scores on them are in-sample).

Selection: fold 0 of the GroupKFold(5)-by-debate split (as in checkworthy_transformer.py); the
student is fitted on the fit folds + pool and judged by AP/F1 on the held-out fold's human labels,
then re-fitted on all folds + pool with the chosen settings.

Teacher scores are cached under /tmp/veracity-cache/checkworthy-distil/ (keyed by the text list).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Callable

import numpy as np

from ..paths import cache_root, shared_dir
from .ngrams import data_dir, norm, read_gold

DISTIL_CACHE = cache_root() / "checkworthy-distil"
# Pool sentences outside this length range are headlines/fragments or run-ons the splitter missed.
MIN_CHARS, MAX_POOL_CHARS = 25, 400


def _log_default(m: str) -> None:
    print(m, flush=True)


def bbc_sentences() -> list[str]:
    """Sentences of every BBC article body (title line dropped), in sorted file order."""
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    root = shared_dir() / "data" / "corpus" / "bbc-news"
    out: list[str] = []
    for path in sorted(root.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        for para in lines[1:]:
            para = para.strip()
            if para:
                out.extend(s.strip() for s in seg.segment(para))
    return out


def pool_texts(log: Callable[[str], None] = _log_default) -> list[str]:
    d = data_dir()
    held = set()
    for p in (d / "claimbuster" / "groundtruth.csv", d / "checkthat2024" / "CT24_checkworthy_english_dev.tsv",
              d / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv", d / "claimbuster" / "crowdsourced.csv"):
        held |= {norm(t) for t in read_gold(p).texts}
    ct19 = read_gold(d / "checkthat2019" / "CT19-T1-Training.csv").texts
    bbc = bbc_sentences()
    seen: set[str] = set()
    out: list[str] = []
    for t in ct19 + bbc:
        k = norm(t)
        if MIN_CHARS <= len(k) <= MAX_POOL_CHARS and k not in held and k not in seen:
            seen.add(k)
            out.append(" ".join(t.split()))
    log(f"pool: {len(ct19)} CT19 lines + {len(bbc)} BBC sentences -> {len(out)} unique, not in any labelled file")
    return out


def _key(texts: list[str]) -> str:
    return hashlib.sha256(chr(31).join(texts).encode("utf-8")).hexdigest()[:16]


# The selection network of `train checkworthy --transformer` (fit folds only; it never saw fold 0),
# left in its cache by that command. Its pool scores are the teacher while choosing on fold 0, so
# the held-out fold's labels cannot reach the student through the teacher.
SELECTION_ONNX = cache_root() / "checkworthy" / "selection" / "model.onnx"


def teacher_scores(texts: list[str], shard: int = 0, shards: int = 1, log: Callable[[str], None] = _log_default,
                   selection: bool = False) -> np.ndarray:
    """Transformer probabilities for ``texts[shard::shards]``, cached per shard."""
    from veracity.claims.checkworthy import TransformerModel, MODEL_DIR

    DISTIL_CACHE.mkdir(parents=True, exist_ok=True)
    path = DISTIL_CACHE / f"teacher{'-sel' if selection else ''}-{_key(texts)}-{shard}of{shards}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    model = (TransformerModel(SELECTION_ONNX, threshold=0.5, sha256=None) if selection
             else TransformerModel.load(MODEL_DIR / "transformer"))
    mine = texts[shard::shards]
    parts, t0 = [], time.perf_counter()
    for i in range(0, len(mine), 2000):
        parts.append(model.score(mine[i:i + 2000]))
        log(f"  shard {shard}: {min(i + 2000, len(mine))}/{len(mine)} scored ({time.perf_counter() - t0:.0f}s)")
    out = np.concatenate(parts) if parts else np.zeros(0)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, out)
    tmp.replace(path)
    return out


def all_teacher_scores(texts: list[str], shards: int, selection: bool = False) -> np.ndarray | None:
    out = np.zeros(len(texts))
    for s in range(shards):
        path = DISTIL_CACHE / f"teacher{'-sel' if selection else ''}-{_key(texts)}-{s}of{shards}.npy"
        if not path.exists():
            return None
        out[s::shards] = np.load(path, allow_pickle=False)
    return out


# Student settings tried on the held-out fold: (pool weight, C). Pool weight 0 is the fast
# model's recipe (labelled data only), the baseline the student has to beat.
GRID = ((0.0, 1.0), (0.5, 1.0), (1.0, 1.0), (1.0, 4.0), (2.0, 4.0))
SHARDS = 2


def _design(tr_texts: list[str], pool: list[str]):
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    from veracity.claims.checkworthy import ANALYZERS
    from .ngrams import MIN_DF

    vecs, mats = {}, []
    for name in ("word", "char"):
        # Vocabulary/idf from labelled + pool text (unsupervised, as the fast recipe does on its rows).
        v = TfidfVectorizer(analyzer=ANALYZERS[name], sublinear_tf=True, min_df=MIN_DF, dtype=np.float64)
        mats.append(v.fit_transform(tr_texts + pool))
        vecs[name] = v
    return vecs, sparse.hstack(mats).tocsr()


def _fit(X, n_lab: int, lab_idx: np.ndarray, y: np.ndarray, pt: np.ndarray, w_pool: float, C: float):
    """LR on hard labels (class-balanced) + the pool with soft targets: each pool sentence appears
    once as positive (weight w*p) and once as negative (weight w*(1-p)), which is the
    cross-entropy against the teacher's probability."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from .ngrams import SEED

    yl = y[lab_idx]
    wl = np.where(yl, len(yl) / (2.0 * yl.sum()), len(yl) / (2.0 * (~yl).sum()))
    rows, labels, weights = [X[lab_idx]], [yl], [wl]
    if w_pool > 0:
        Xp = X[n_lab:]
        rows += [Xp, Xp]
        labels += [np.ones(len(pt), bool), np.zeros(len(pt), bool)]
        weights += [w_pool * pt, w_pool * (1.0 - pt)]
    est = LogisticRegression(C=C, solver="liblinear", random_state=SEED)
    return est.fit(sparse.vstack(rows).tocsr(), np.concatenate(labels), sample_weight=np.concatenate(weights))


def teacher_probs(texts: list[str], selection: bool, log: Callable[[str], None]) -> np.ndarray:
    """The transformer's (or its selection network's) probabilities for ``texts``, from the cache,
    scoring the missing shards first (one sentence per call, so the sharding cannot change a score)."""
    pt = all_teacher_scores(texts, SHARDS, selection)
    if pt is None:
        for s in range(SHARDS):
            teacher_scores(texts, s, SHARDS, log, selection)
        pt = all_teacher_scores(texts, SHARDS, selection)
    assert pt is not None
    return pt


def _band(tr, held_idx: np.ndarray, best: dict, log: Callable[[str], None]) -> dict:
    """Cascade band over the student, chosen like the fast cascade's (same rule and 10% cap), from the
    student's held-out probabilities and the selection network's held-out scores."""
    from veracity.claims.checkworthy import MODEL_DIR, TransformerModel
    from .transformer import choose_band

    held = [tr.texts[i] for i in held_idx]
    pt = TransformerModel(SELECTION_ONNX, threshold=0.5, sha256=None).score(held)
    band = choose_band(best["p"], pt, tr.labels.astype(bool)[held_idx], best["th"])
    if band["mix"] == 0.0:  # the shipped network decides at its own (carried-over) threshold
        band["mix_threshold"] = json.loads((MODEL_DIR / "transformer" / "model.json").read_text())["threshold"]
    log(f"cascade band over the student: {band}")
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in band.items()}


def distilled_heldout(tr, fit_idx: np.ndarray, held_idx: np.ndarray, meta: dict, log: Callable[[str], None] = _log_default) -> np.ndarray:
    """The shipped distilled recipe (its chosen pool weight and C) fitted on the fit folds with the
    selection teacher's pool scores: honest held-out probabilities, calibrated as the shipped model was."""
    from .ngrams import _sigmoid

    chosen = max(meta["grid"], key=lambda r: r["ap"])
    pool = pool_texts(log)
    _vecs, X = _design(tr.texts, pool)
    y = tr.labels.astype(bool)
    est = _fit(X, len(y), fit_idx, y, teacher_probs(pool, True, log), chosen["w"], chosen["C"])
    return _sigmoid(chosen["a"] * est.decision_function(X[held_idx]) + chosen["b"])


def train_distil(out: Path, log: Callable[[str], None] = _log_default) -> dict:
    from veracity.claims.checkworthy import CheckworthyModel
    from ..metrics import average_precision, precision_recall_f1 as _f1
    from .ngrams import THRESHOLDS, Candidate, Features, _export, _platt, _sigmoid
    from .transformer import split

    t0 = time.perf_counter()
    tr, dropped, fit_idx, held_idx = split(log)
    y = tr.labels.astype(bool)
    pool = pool_texts(log)
    pt, pt_sel = (teacher_probs(pool, sel, log) for sel in (False, True))
    vecs, X = _design(tr.texts, pool)
    log(f"features: {X.shape[1]}; pool teacher mean p {pt.mean():.3f} (selection network {pt_sel.mean():.3f})")
    rows = []
    for w, C in GRID:
        est = _fit(X, len(y), fit_idx, y, pt_sel, w, C)
        z = est.decision_function(X[held_idx])
        ap = average_precision(z, y[held_idx])
        a, b = _platt(z, y[held_idx])
        p = _sigmoid(a * z + b)
        f1, th = max((_f1(y[held_idx], p >= t)[2], float(t)) for t in THRESHOLDS)
        rows.append({"w": w, "C": C, "ap": ap, "f1": f1, "th": th, "a": a, "b": b, "p": p})
        log(f"  pool weight {w}, C {C}: held-out AP {ap:.4f}, F1 {f1:.4f} at {th:.2f} ({time.perf_counter() - t0:.0f}s)")
    best = max(rows, key=lambda r: r["ap"])
    band = _band(tr, held_idx, best, log)
    for r in rows:
        r.pop("p")
    est = _fit(X, len(y), np.arange(len(y)), y, pt, best["w"], best["C"])
    c = Candidate(f"distilled word+char LR (pool weight {best['w']}, C={best['C']})", ("word", "char"), best["C"])
    info = {"heldout_ap": best["ap"], "heldout_f1": best["f1"], "train_rows": len(y), "pool_rows": len(pool),
            "grid": rows, "cascade": band}
    _export(out, c, Features(["word", "char"], vecs, {}), est, best["a"], best["b"], best["th"], info)
    model = CheckworthyModel.load(out)
    check = _sigmoid(best["a"] * est.decision_function(X[:200]) + best["b"])
    drift = float(np.abs(model.score(tr.texts[:200]) - check).max())
    if drift > 1e-3:
        raise RuntimeError(f"exported model disagrees with sklearn by {drift}")
    _report(out, tr, dropped, len(pool), rows, best, band, time.perf_counter() - t0)
    log(f"distilled: {c.name}, threshold {best['th']:.2f} -> {out}")
    return best


def _report(out: Path, tr, dropped: int, n_pool: int, rows: list[dict], best: dict, band: dict, seconds: float) -> None:
    L = [
        "# Check-worthiness, distilled n-gram model: training report",
        "",
        f"Written by `veracity train checkworthy --distil` in {seconds:.0f} s (teacher scores cached). "
        "Deterministic: file order, GroupKFold(5) by debate fold 0, liblinear seed 13.",
        "",
        "## Data",
        "",
        f"- Labelled: ClaimBuster crowdsourced minus evaluation overlaps ({len(tr.texts)} sentences, {dropped} dropped), "
        "human labels, class-balanced weights.",
        f"- Unlabelled pool: {n_pool} sentences (CheckThat! 2019 transcript lines with their labels unused, and BBC news "
        "sentences split with pysbd), none of whose folded text occurs in any labelled or evaluation file. Target: "
        "the transformer's probability (it never trained on them), as soft labels: while choosing on fold 0, the "
        "*selection* network of `train checkworthy --transformer` (fit folds only, so fold 0's labels cannot reach the "
        "student through the teacher); for the final re-fit, the shipped network.",
        "- Features: the fast model's word 1-2 grams + char 2-5 grams, sublinear TF-IDF, vocabulary fitted on labelled + pool.",
        "",
        "## Choice (held-out fold 0, human labels; threshold and Platt scaling from the same fold)",
        "",
        "| pool weight | C | held-out AP | held-out F1 | threshold |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        L.append(f"| {r['w']} | {r['C']} | {r['ap']:.4f} | {r['f1']:.4f} | {r['th']:.2f} |")
    L += ["", f"Chosen by held-out AP: pool weight {best['w']}, C {best['C']}, threshold {best['th']:.2f}; "
          "re-fitted on every fold + the pool. Pool weight 0 is the fast recipe (baseline).", "",
          "## Cascade over the student (`distilled-cascade`)", "",
          f"The fast cascade's rule (veracity_train/checkworthy/transformer.py `choose_band`, band capped at 10% of held-out "
          f"sentences) on the student's held-out probabilities and the selection network's held-out scores: band "
          f"[{band['lo']:.2f}, {band['hi']:.2f}] ({band['share']:.1%} of held-out sentences), blend weight of the student "
          f"{band['mix']} decided at {band['mix_threshold']:.2f}; held-out F1 {band['f1']:.4f} (student alone "
          f"{band['fast_f1']:.4f}, blend on every sentence {band['mix_f1']:.4f}).", "",
          "Evaluation-file figures and speed: docs/benchmarks/checkworthy.md (measured, never tuned on).", ""]
    (out / "TRAINING_REPORT.md").write_text("\n".join(L), encoding="utf-8")


if __name__ == "__main__":  # python -m veracity_train.checkworthy.distil SHARD SHARDS
    import sys

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    teacher_scores(pool_texts(), int(sys.argv[1]), int(sys.argv[2]), selection=len(sys.argv) > 3)
