"""`veracity train stance`: the evidence stance model and the claim verdict aggregator.

Deterministic: fixed data order, fixed folds (GroupKFold by claim), fixed seeds. Data (read
from ../shared at run time): Climate-FEVER dev pairs (in-domain), WiCE oracle chunks and
FNC-1 headline/lead-sentence pairs (news; "disagree" gives REFUTES examples). MiniLM vectors
of every training text are cached under /tmp/veracity-cache/verify/.

Honesty: every Climate-FEVER figure is out-of-fold, folds grouped by claim; the extra sets
only ever join the training side. Logit offsets (the REFUTES/SUPPORTS bias) are chosen on
the other folds' out-of-fold predictions and applied to the held-out fold (nested). A fixed
slice of Climate-FEVER claims (GATE_MOD) is left out of the final model entirely: the CI
gate test scores the committed artefact on it.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..verify import datasets as ds
from ..verify.embcache import cache_dir, cached_encode
from ..verify.features import LEXICAL_NAMES, N_LEXICAL, lexical, pair_features
from ..verify.stance import MODEL_DIR, STANCES, VERDICTS, StanceModel, aggregate_features, gate_logits, softmax

SEED = 13
FOLDS = 5
# Claims whose numeric id is divisible by GATE_MOD (1 in 10) never train the shipped model:
# they are the CI gate's unseen sample.
GATE_MOD = 10
# FNC-1 "unrelated" pairs are 73% of the set; a sample keeps them from drowning the 3-way task.
FNC_UNRELATED_SAMPLE = 2000
OFFSET_GRID = (-0.5, 0.0, 0.5, 1.0, 1.5, 2.0)

Log = Callable[[str], None]


@dataclass
class PairSet:
    claims: list[str]
    evidence: list[str]
    labels: np.ndarray  # index into STANCES
    groups: list[str]
    source: str


def is_gate_claim(claim_id: str) -> bool:
    return claim_id.isdigit() and int(claim_id) % GATE_MOD == 0


def _lexical_cached(name: str, claims: list[str], evidence: list[str], log: Log) -> np.ndarray:
    import hashlib

    digest = hashlib.sha1(("\x1f".join(claims) + "\x1e" + "\x1f".join(evidence) + str(LEXICAL_NAMES)).encode()).hexdigest()[:16]
    path = cache_dir() / f"lex-{name}-{digest}.npy"
    if path.exists():
        return np.load(path, allow_pickle=False)
    t0 = time.perf_counter()
    out = np.stack([lexical(c, e) for c, e in zip(claims, evidence)]) if claims else np.zeros((0, N_LEXICAL), np.float32)
    np.save(path, out)
    log(f"{name}: lexical features for {len(claims)} pairs ({time.perf_counter() - t0:.0f}s)")
    return out


def features(ps: PairSet, cache_name: str, log: Log) -> np.ndarray:
    texts = sorted(set(ps.claims) | set(ps.evidence))
    vecs = cached_encode(texts, cache_name, log)
    pos = {t: i for i, t in enumerate(texts)}
    u = vecs[[pos[c] for c in ps.claims]]
    v = vecs[[pos[e] for e in ps.evidence]]
    return pair_features(u, v, _lexical_cached(cache_name, ps.claims, ps.evidence, log))


def climate_fever_set() -> tuple[PairSet, list[dict]]:
    rows = ds.climate_fever()
    pairs = ds.climate_fever_pairs(rows)
    return PairSet([p.claim for p in pairs], [p.evidence for p in pairs], np.array([STANCES.index(p.label) for p in pairs]),
                   [p.group for p in pairs], "climate-fever"), rows


def wice_set() -> PairSet:
    pairs = ds.wice_oracle_pairs()
    return PairSet([p.claim for p in pairs], [p.evidence for p in pairs], np.array([STANCES.index(p.label) for p in pairs]),
                   [p.group for p in pairs], "wice")


FNC_TO_STANCE = {"agree": "SUPPORTS", "disagree": "REFUTES", "discuss": "NOT_ENOUGH_INFO", "unrelated": "NOT_ENOUGH_INFO"}


def fnc1_set(log: Log) -> PairSet:
    """Headline vs the body sentence closest to it (by MiniLM cosine): the sentence carrying the stance."""
    bodies = ds.fnc1_bodies()
    rows = ds.fnc1_stances()
    rng = np.random.default_rng(SEED)
    unrelated = [i for i, r in enumerate(rows) if r[2] == "unrelated"]
    keep_unrel = set(rng.choice(unrelated, size=min(FNC_UNRELATED_SAMPLE, len(unrelated)), replace=False).tolist())
    chosen = [r for i, r in enumerate(rows) if r[2] != "unrelated" or i in keep_unrel]
    heads = sorted({h for h, _, _ in chosen})
    sents = sorted({s for b in {b for _, b, _ in chosen} for s in bodies[b]})
    hv = cached_encode(heads, "fnc1", log)
    sv = cached_encode(sents, "fnc1", log)
    hpos = {t: i for i, t in enumerate(heads)}
    spos = {t: i for i, t in enumerate(sents)}
    claims, evidence, labels, groups = [], [], [], []
    for h, b, stance in chosen:
        body = bodies[b]
        if not body:
            continue
        sims = sv[[spos[s] for s in body]] @ hv[hpos[h]]
        claims.append(h)
        evidence.append(body[int(sims.argmax())])
        labels.append(STANCES.index(FNC_TO_STANCE[stance]))
        groups.append("fnc1:" + h)
    return PairSet(claims, evidence, np.array(labels), groups, "fnc1")


# ---------------------------------------------------------------------------- models

# Fold differences below this are noise (one fold's claims swing macro-F1 by more); within it
# the logistic regression is preferred: fewer parameters, calmer on off-topic input.
TIE_MARGIN = 0.005


def choose(results: dict[str, tuple[float, np.ndarray]]) -> str:
    """Best nested macro-F1 among models trained with the random negatives (the others are
    reported but not shipped: without negatives the model takes sides on off-topic sentences)."""
    eligible = {n: f for n, (f, _) in results.items() if "negatives" in n} or {n: f for n, (f, _) in results.items()}
    best = max(eligible, key=lambda n: eligible[n])
    simple = [n for n in eligible if n.startswith("logreg") and eligible[n] >= eligible[best] - TIE_MARGIN]
    return max(simple, key=lambda n: eligible[n]) if simple else best


def fit_logistic(X: np.ndarray, y: np.ndarray, C: float, balanced: bool) -> StanceModel:
    from sklearn.linear_model import LogisticRegression

    mean, std = X.mean(0), X.std(0) + 1e-6
    clf = LogisticRegression(C=C, max_iter=300, class_weight="balanced" if balanced else None, random_state=SEED)
    clf.fit((X - mean) / std, y)
    return StanceModel(mean.astype(np.float32), std.astype(np.float32), [(clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32))],
                       np.zeros(3, np.float32), np.zeros((11, 4), np.float32), np.zeros(4, np.float32), {})


def fit_mlp(X: np.ndarray, y: np.ndarray, hidden: int, alpha: float) -> StanceModel:
    from sklearn.neural_network import MLPClassifier

    mean, std = X.mean(0), X.std(0) + 1e-6
    clf = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=60, early_stopping=True, random_state=SEED)
    clf.fit((X - mean) / std, y)
    layers = [(w.astype(np.float32), b.astype(np.float32)) for w, b in zip(clf.coefs_, clf.intercepts_)]
    return StanceModel(mean.astype(np.float32), std.astype(np.float32), layers, np.zeros(3, np.float32),
                       np.zeros((11, 4), np.float32), np.zeros(4, np.float32), {})


def macro_f1(y: np.ndarray, p: np.ndarray, n: int) -> tuple[float, list[float]]:
    f1s = []
    for c in range(n):
        tp = float(((y == c) & (p == c)).sum())
        fp = float(((y != c) & (p == c)).sum())
        fn = float(((y == c) & (p != c)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s)), f1s


def best_offsets(logits: np.ndarray, y: np.ndarray) -> np.ndarray:
    """SUPPORTS/REFUTES logit offsets (NEI fixed at 0) maximising evidence macro-F1."""
    best, best_f = np.zeros(3, np.float32), -1.0
    for s, r in itertools.product(OFFSET_GRID, OFFSET_GRID):
        off = np.array([s, r, 0.0], np.float32)
        f = macro_f1(y, (logits + off).argmax(1), 3)[0]
        if f > best_f + 1e-9:
            best, best_f = off, f
    return best


def fit_aggregator(agg: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    # Unweighted on purpose: on the folds it gave claim accuracy 0.507 against 0.456 balanced
    # (macro-F1 0.37 vs 0.40), and an unweighted softmax keeps the verdict confidence calibrated
    # to the real label mix. Adding the claim's own vector gained < 0.01 and was left out.
    clf = LogisticRegression(C=1.0, max_iter=500, random_state=SEED)
    clf.fit(agg, y)
    # Classes absent from a fold would shift columns; all four occur in every Climate-FEVER fold.
    return clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32)


# Ten equal-width confidence bins: the usual ECE; 1,225 claims give ~100 per occupied bin.
ECE_BINS = 10


def expected_calibration_error(conf: np.ndarray, correct: np.ndarray) -> float:
    """Mean |accuracy - confidence| over confidence bins, weighted by bin size."""
    bins = np.minimum((conf * ECE_BINS).astype(int), ECE_BINS - 1)
    return float(sum(abs(correct[bins == b].mean() - conf[bins == b].mean()) * (bins == b).mean() for b in range(ECE_BINS) if (bins == b).any()))


def folds_of(groups: list[str]) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    fold = np.zeros(len(groups), dtype=int)
    for k, (_, test) in enumerate(GroupKFold(n_splits=FOLDS).split(np.zeros(len(groups)), groups=groups)):
        fold[test] = k
    return fold


def cross_validate(make, Xcf, ycf, fold, extra: list[tuple]) -> np.ndarray:
    """Out-of-fold logits for the Climate-FEVER pairs; extra sets always train, never test.

    An extra set given as (X, y, folds) is built from Climate-FEVER texts (the random
    negatives): its rows of fold k are left out when fold k is the test fold.
    """
    oof = np.zeros((len(ycf), 3), np.float32)
    for k in range(FOLDS):
        tr = fold != k
        xs, ys = [Xcf[tr]], [ycf[tr]]
        for e in extra:
            keep = e[2] != k if len(e) == 3 else slice(None)
            xs.append(e[0][keep])
            ys.append(e[1][keep])
        oof[fold == k] = make(np.vstack(xs), np.concatenate(ys)).logits(Xcf[fold == k])
    return oof


# Random off-topic pairs per claim. Climate-FEVER's evidence is always on the claim's topic, so
# without these the model never learns that an unrelated sentence (most retrieval candidates)
# says nothing about a claim; it then "supports" claims with off-topic sentences.
NEGATIVES_PER_CLAIM = 2


def negative_groups(cf: PairSet) -> list[str]:
    """The claim of each negatives() row, in row order."""
    return [g for g in dict.fromkeys(cf.groups) for _ in range(NEGATIVES_PER_CLAIM)]


def negatives(cf: PairSet, Xcf: np.ndarray, fold: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Claim vs evidence of another claim in the same fold, labelled NOT_ENOUGH_INFO."""
    rng = np.random.default_rng(SEED)
    groups = np.array(cf.groups)
    rows_u, rows_v, lex, folds = [], [], [], []
    first = {}
    for i, g in enumerate(cf.groups):
        first.setdefault(g, i)
    for g, i in first.items():
        pool = np.nonzero((fold == fold[i]) & (groups != g))[0]
        for j in rng.choice(pool, size=NEGATIVES_PER_CLAIM, replace=False):
            rows_u.append(Xcf[i, :384])
            rows_v.append(Xcf[j, 384:768])
            lex.append(lexical(cf.claims[i], cf.evidence[j]))
            folds.append(fold[i])
    X = pair_features(np.stack(rows_u), np.stack(rows_v), np.stack(lex))
    return X, np.full(len(X), STANCES.index("NOT_ENOUGH_INFO")), np.array(folds)


def nested_offsets(oof: np.ndarray, y: np.ndarray, fold: np.ndarray) -> np.ndarray:
    pred = np.zeros(len(y), int)
    for k in range(FOLDS):
        off = best_offsets(oof[fold != k], y[fold != k])
        pred[fold == k] = (oof[fold == k] + off).argmax(1)
    return pred


def claim_level(rows: list[dict], probs: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    aggs, ys, ids, i = [], [], [], 0
    for r in rows:
        n = len(r["evidences"])
        aggs.append(aggregate_features(probs[i:i + n]))
        ys.append(VERDICTS.index(r["claim_label"]))
        ids.append(str(r["claim_id"]))
        i += n
    return np.stack(aggs), np.array(ys), ids


def train(out_dir: Path = MODEL_DIR, log: Log = print, quick: bool = False) -> dict:
    t0 = time.perf_counter()
    cf, rows = climate_fever_set()
    Xcf = features(cf, "climate-fever", log)
    ycf = cf.labels
    extras: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    w = wice_set()
    extras["wice"] = (features(w, "wice-oracle", log), w.labels)
    if not quick:
        f = fnc1_set(log)
        extras["fnc1"] = (features(f, "fnc1", log), f.labels)
    fold = folds_of(cf.groups)
    extras["negatives"] = negatives(cf, Xcf, fold)
    log(f"features ready ({time.perf_counter() - t0:.0f}s): climate-fever {len(ycf)}, " + ", ".join(f"{k} {len(v[1])}" for k, v in extras.items()))

    # Strong L2 (small C) wins on the folds: 1,556 features against ~5k training pairs per fold.
    candidates: dict[str, tuple[Callable, list[str]]] = {
        "logreg C=0.01 balanced, CF only": (lambda X, y: fit_logistic(X, y, 0.01, True), []),
        "logreg C=0.003 balanced, CF only": (lambda X, y: fit_logistic(X, y, 0.003, True), []),
        "logreg C=0.003 balanced, CF+WiCE": (lambda X, y: fit_logistic(X, y, 0.003, True), ["wice"]),
        "logreg C=0.003 balanced, CF+WiCE+FNC1": (lambda X, y: fit_logistic(X, y, 0.003, True), ["wice", "fnc1"]),
        "logreg C=0.003 balanced, CF+negatives": (lambda X, y: fit_logistic(X, y, 0.003, True), ["negatives"]),
        "logreg C=0.003 balanced, CF+negatives+WiCE+FNC1": (lambda X, y: fit_logistic(X, y, 0.003, True), ["negatives", "wice", "fnc1"]),
        "mlp 64 (offsets rebalance), CF+negatives+WiCE": (lambda X, y: fit_mlp(X, y, 64, 1.0), ["negatives", "wice"]),
    }
    tried: dict[str, dict] = {}
    results: dict[str, tuple[float, np.ndarray]] = {}
    for name, (make, extra_names) in candidates.items():
        if any(e not in extras for e in extra_names):
            continue
        t1 = time.perf_counter()
        oof = gate_logits(cross_validate(make, Xcf, ycf, fold, [extras[e] for e in extra_names]), Xcf)
        plain = macro_f1(ycf, oof.argmax(1), 3)
        nested = macro_f1(ycf, nested_offsets(oof, ycf, fold), 3)
        tried[name] = {"macro_f1": round(plain[0], 4), "macro_f1_offsets": round(nested[0], 4),
                       "per_class_offsets": [round(x, 3) for x in nested[1]], "seconds": round(time.perf_counter() - t1)}
        log(f"{name}: evidence macro-F1 {plain[0]:.4f}, with nested offsets {nested[0]:.4f} {[round(x, 3) for x in nested[1]]}")
        results[name] = (nested[0], oof)
    best_name = choose(results)
    best_f, best_oof = results[best_name]
    make, extra_names = candidates[best_name]

    # Claim level, honestly: offsets and aggregator fitted on other folds only.
    probs = np.zeros_like(best_oof)
    for k in range(FOLDS):
        off = best_offsets(best_oof[fold != k], ycf[fold != k])
        probs[fold == k] = softmax(best_oof[fold == k] + off)
    agg, yclaim, ids = claim_level(rows, probs)
    cfold = folds_of(ids)
    cpred = np.zeros(len(yclaim), int)
    cconf = np.zeros(len(yclaim))
    for k in range(FOLDS):
        aw, ab = fit_aggregator(agg[cfold != k], yclaim[cfold != k])
        cp = softmax(agg[cfold == k] @ aw + ab)
        cpred[cfold == k] = cp.argmax(1)
        cconf[cfold == k] = cp.max(1)
    claim_acc = float((cpred == yclaim).mean())
    claim_ece = expected_calibration_error(cconf, cpred == yclaim)
    claim_f1 = macro_f1(yclaim, cpred, 4)
    log(f"chosen {best_name}: claim accuracy {claim_acc:.4f}, claim macro-F1 {claim_f1[0]:.4f}, confidence ECE {claim_ece:.4f}")

    # The shipped model: everything except the gate claims.
    train_mask = np.array([not is_gate_claim(g) for g in cf.groups])
    # Extra rows built from Climate-FEVER texts (negatives) carry their claim's fold; those of
    # gate claims are dropped too, so no gate claim text reaches the shipped model.
    xs, ys = [Xcf[train_mask]], [ycf[train_mask]]
    for e in extra_names:
        ex = extras[e]
        keep = np.ones(len(ex[1]), bool)
        if e == "negatives":
            keep = ~np.array([is_gate_claim(g) for g in negative_groups(cf)])
        xs.append(ex[0][keep])
        ys.append(ex[1][keep])
    X, y = np.vstack(xs), np.concatenate(ys)
    model = make(X, y)
    model.offsets = best_offsets(best_oof, ycf)
    claim_mask = np.array([not is_gate_claim(i) for i in ids])
    model.agg_w, model.agg_b = fit_aggregator(agg[claim_mask], yclaim[claim_mask])
    model.meta = {
        "n_lexical": N_LEXICAL, "lexical_names": list(LEXICAL_NAMES), "chosen": best_name, "stances": list(STANCES),
        "verdicts": list(VERDICTS), "gate_mod": GATE_MOD, "seed": SEED,
        "cv": {"evidence_macro_f1": round(best_f, 4), "claim_accuracy": round(claim_acc, 4), "claim_macro_f1": round(claim_f1[0], 4),
               "claim_confidence_ece": round(claim_ece, 4)},
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / "stance.npz")
    report = {"tried": tried, "chosen": best_name, "offsets": model.offsets.tolist(), "evidence_macro_f1": best_f,
              "evidence_per_class": tried[best_name]["per_class_offsets"], "claim_accuracy": claim_acc,
              "claim_macro_f1": claim_f1[0], "claim_per_class": claim_f1[1], "claim_confidence_ece": claim_ece,
              "sizes": {"climate-fever": int(len(ycf)), **{k: int(len(v[1])) for k, v in extras.items()}},
              "seconds": round(time.perf_counter() - t0)}
    (out_dir / "cv.json").write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    write_report(report, out_dir)
    log(f"wrote {out_dir / 'stance.npz'} ({(out_dir / 'stance.npz').stat().st_size / 1e6:.2f} MB) and TRAINING_REPORT.md")
    return report


def write_report(report: dict, out_dir: Path = MODEL_DIR) -> Path:
    """TRAINING_REPORT.md from the figures ``train`` measured (nothing here is typed in by hand)."""
    lines = [
        "# Stance model: training report",
        "",
        "Written by `veracity train stance` (src/veracity/train/stance.py); every figure below is out-of-fold.",
        "",
        "## Data (read from ../shared at run time)",
        "",
        f"- Climate-FEVER dev: {report['sizes']['climate-fever']} claim–evidence pairs (1,225 claims), labels SUPPORTS / REFUTES / NOT_ENOUGH_INFO;"
        " the in-domain set, and the only one evaluated. Folds: 5-fold GroupKFold by claim.",
        f"- WiCE oracle chunks (dev): {report['sizes'].get('wice', 0)} claim–chunk pairs; supported and partially supported -> SUPPORTS,"
        " not supported -> NOT_ENOUGH_INFO. Training side only.",
    ]
    lines.append(f"- Random negatives: {report['sizes'].get('negatives', 0)} pairs of a Climate-FEVER claim with another claim's evidence"
                 " from the same fold, labelled NOT_ENOUGH_INFO (Climate-FEVER evidence is always on topic; retrieval candidates"
                 " mostly are not). Training side only, never crossing folds.")
    if "fnc1" in report["sizes"]:
        lines.append(f"- FNC-1 train: {report['sizes']['fnc1']} headline–sentence pairs (headline vs the body sentence closest by cosine;"
                     f" agree -> SUPPORTS, disagree -> REFUTES, discuss/unrelated -> NOT_ENOUGH_INFO; {FNC_UNRELATED_SAMPLE} unrelated sampled)."
                     " Training side only.")
    else:
        lines.append("- FNC-1: not used in this run (`--quick`).")
    lines += [
        f"- Claims with id divisible by {GATE_MOD} are left out of the shipped model: the CI gate (tests/verify/test_stance_gate.py) scores them.",
        "",
        "## Features (src/veracity/verify/features.py)",
        "",
        "MiniLM (all-MiniLM-L6-v2 int8 ONNX) vectors u (claim), v (evidence): u, v, |u-v|, u*v (1,536), plus "
        f"{N_LEXICAL} lexical/contradiction features: {', '.join(LEXICAL_NAMES)}. The contradiction counts come from "
        "src/veracity/verify/checks.py (numbers/units, years, negation, WordNet antonyms, former/current titles).",
        "",
        "## Models tried (evidence macro-F1 on Climate-FEVER, 5-fold grouped by claim)",
        "",
        "| model | macro-F1 | with REFUTES/SUPPORTS logit offsets (nested) | per class S / R / NEI | seconds |",
        "|---|---|---|---|---|",
    ]
    for name, t in report["tried"].items():
        pc = " / ".join(f"{x:.3f}" for x in t["per_class_offsets"])
        lines.append(f"| {name} | {t['macro_f1']:.4f} | {t['macro_f1_offsets']:.4f} | {pc} | {t['seconds']} |")
    lines += [
        "",
        f"**Chosen:** {report['chosen']} (best nested figure among the models trained with negatives; see below). Logit offsets (S, R, NEI) = "
        f"{', '.join(f'{x:+.1f}' for x in report['offsets'])}, chosen on out-of-fold predictions (grid {OFFSET_GRID});"
        " in the figures above each fold's offsets come from the other folds only. A relevance gate (verify/stance.py"
        " RELEVANCE_GATE: cosine < 0.40 -> NOT_ENOUGH_INFO) is applied in every figure, as at run time. Only models trained"
        f" with the random negatives are eligible to ship; within {TIE_MARGIN} of the best, logistic regression is preferred.",
        "",
        "## Claim verdicts",
        "",
        "A 4-way logistic regression (unweighted, so its probability is the verdict confidence) over the claim's evidence"
        " probabilities (max, mean, share of each predicted label, min(max S, max R)); trained and scored on"
        " out-of-fold evidence probabilities, 5-fold grouped by claim.",
        "",
        f"- claim accuracy **{report['claim_accuracy']:.4f}**, claim macro-F1 {report['claim_macro_f1']:.4f} "
        f"(S / R / NEI / DISPUTED: {' / '.join(f'{x:.3f}' for x in report['claim_per_class'])})",
        f"- verdict confidence calibration: expected calibration error {report['claim_confidence_ece']:.4f} ({ECE_BINS} bins, out-of-fold)",
        f"- evidence macro-F1 **{report['evidence_macro_f1']:.4f}** (S / R / NEI: {' / '.join(f'{x:.3f}' for x in report['evidence_per_class'])})",
        "",
        "Targets were 0.70 evidence macro-F1 and 0.60 claim accuracy: not reached. Separately computed sentence vectors"
        " barely see contradiction (REFUTES stays near 0.30); the way up is a cross-encoder fine-tuned in-domain, which this"
        " shared two-core machine could not afford in the time available.",
        "",
        f"Artefact: stance.npz ({(out_dir / 'stance.npz').stat().st_size / 1e3:.0f} kB; numpy, allow_pickle=False). Run time {report['seconds']} s"
        " with the vector cache warm. Full figures: cv.json.",
    ]
    path = out_dir / "TRAINING_REPORT.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
