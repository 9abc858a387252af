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

from .. import metrics
from ..metrics import macro_f1
from . import datasets as ds
from .embcache import cache_dir, cached_encode
from .features import LEXICAL_NAMES, N_LEXICAL, lexical, pair_features
from .stance_model import MODEL_DIR, STANCES, VERDICTS, StanceModel, aggregate_features, gate_logits, softmax

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
    return metrics.expected_calibration_error(conf, correct, ECE_BINS)


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
    return cross_validate_extra(make, Xcf, ycf, fold, extra)[0]


def cross_validate_extra(make, Xcf, ycf, fold, extra: list[tuple]) -> tuple[np.ndarray, list[np.ndarray | None]]:
    """As cross_validate, plus out-of-fold raw logits of every fold-carrying extra set's rows."""
    oof = np.zeros((len(ycf), 3), np.float32)
    extra_oof: list[np.ndarray | None] = [np.zeros((len(e[1]), 3), np.float32) if len(e) == 3 else None for e in extra]
    for k in range(FOLDS):
        tr = fold != k
        xs, ys = [Xcf[tr]], [ycf[tr]]
        for e in extra:
            keep = e[2] != k if len(e) == 3 else slice(None)
            xs.append(e[0][keep])
            ys.append(e[1][keep])
        model = make(np.vstack(xs), np.concatenate(ys))
        oof[fold == k] = model.logits(Xcf[fold == k])
        for e, eo in zip(extra, extra_oof):
            if eo is not None:
                eo[e[2] == k] = model.logits(e[0][e[2] == k])
    return oof, extra_oof


# Random off-topic pairs per claim. Climate-FEVER's evidence is always on the claim's topic, so
# without these the model never learns that an unrelated sentence (most retrieval candidates)
# says nothing about a claim; it then "supports" claims with off-topic sentences.
NEGATIVES_PER_CLAIM = 2


def negative_groups(cf: PairSet) -> list[str]:
    """The claim of each negatives() row, in row order."""
    return [g for g in dict.fromkeys(cf.groups) for _ in range(NEGATIVES_PER_CLAIM)]


def negative_pairs(cf: PairSet, fold: np.ndarray) -> list[tuple[int, int]]:
    """(claim row, evidence row) of each random negative: another claim's evidence, same fold."""
    rng = np.random.default_rng(SEED)
    groups = np.array(cf.groups)
    first: dict[str, int] = {}
    for i, g in enumerate(cf.groups):
        first.setdefault(g, i)
    out = []
    for g, i in first.items():
        pool = np.nonzero((fold == fold[i]) & (groups != g))[0]
        out += [(i, int(j)) for j in rng.choice(pool, size=NEGATIVES_PER_CLAIM, replace=False)]
    return out


def negatives(cf: PairSet, Xcf: np.ndarray, fold: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Claim vs evidence of another claim in the same fold, labelled NOT_ENOUGH_INFO."""
    pairs = negative_pairs(cf, fold)
    u = np.stack([Xcf[i, :384] for i, _ in pairs])
    v = np.stack([Xcf[j, 384:768] for _, j in pairs])
    lex = np.stack([lexical(cf.claims[i], cf.evidence[j]) for i, j in pairs])
    X = pair_features(u, v, lex)
    return X, np.full(len(X), STANCES.index("NOT_ENOUGH_INFO")), np.array([fold[i] for i, _ in pairs])


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


def nested_probs(oof: np.ndarray, ycf: np.ndarray, fold: np.ndarray) -> np.ndarray:
    """Evidence probabilities with each fold's logit offsets chosen on the other folds."""
    probs = np.zeros_like(oof)
    for k in range(FOLDS):
        off = best_offsets(oof[fold != k], ycf[fold != k])
        probs[fold == k] = softmax(oof[fold == k] + off)
    return probs


def claim_verdicts(rows: list[dict], oof: np.ndarray, ycf: np.ndarray, fold: np.ndarray, base_oof: np.ndarray | None = None) -> dict:
    """Claim-level figures from out-of-fold evidence logits: offsets and aggregator nested by fold.

    DISPUTED (evidence pulling both ways) is rare (~10% of claims), so an unweighted aggregator
    never predicts it; a DISPUTED logit offset is chosen on the other folds (claim macro-F1,
    accuracy allowed to fall by at most DISPUTED_ACC_SLACK) and applied to the held-out fold.
    """
    agg, yclaim, ids = claim_level(rows, nested_probs(oof, ycf, fold))
    if base_oof is not None:  # the aggregator also reads the bi-encoder model's probabilities
        agg = np.hstack([agg, claim_level(rows, nested_probs(base_oof, ycf, fold))[0]])
    cfold = folds_of(ids)
    cprob = np.zeros((len(yclaim), 4))
    for k in range(FOLDS):
        aw, ab = fit_aggregator(agg[cfold != k], yclaim[cfold != k])
        cprob[cfold == k] = softmax(agg[cfold == k] @ aw + ab)
    logp = np.log(np.clip(cprob, 1e-9, 1.0))
    plain = cprob.argmax(1)
    dpred = np.zeros(len(yclaim), int)
    dconf = np.zeros(len(yclaim))
    for k in range(FOLDS):
        d = disputed_offset(logp[cfold != k], yclaim[cfold != k])
        p = softmax(logp[cfold == k] + np.array([0, 0, 0, d]))
        dpred[cfold == k] = p.argmax(1)
        dconf[cfold == k] = p.max(1)
    out = {}
    for name, pred, conf in (("plain", plain, cprob.max(1)), ("disputed_offset", dpred, dconf)):
        f1 = macro_f1(yclaim, pred, 4)
        out[name] = {"accuracy": float((pred == yclaim).mean()), "macro_f1": f1[0], "per_class": f1[1],
                     "ece": expected_calibration_error(conf, pred == yclaim), "disputed_predicted": int((pred == 3).sum())}
    out["agg"], out["yclaim"], out["ids"], out["logp"] = agg, yclaim, ids, logp
    return out


# Claim accuracy a DISPUTED offset may cost: DISPUTED is the verdict a reader most needs to
# see, and one or two points of accuracy are within fold noise on 1,225 claims.
DISPUTED_ACC_SLACK = 0.01
DISPUTED_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def disputed_offset(logp: np.ndarray, y: np.ndarray) -> float:
    base = float((logp.argmax(1) == y).mean())
    best, best_f = 0.0, macro_f1(y, logp.argmax(1), 4)[0]
    for d in DISPUTED_GRID[1:]:
        pred = (logp + np.array([0, 0, 0, d])).argmax(1)
        f = macro_f1(y, pred, 4)[0]
        if f > best_f + 1e-9 and (pred == y).mean() >= base - DISPUTED_ACC_SLACK:
            best, best_f = d, f
    return best


# Candidates in order of preference: simpler first. A later one must beat every earlier one by
# more than TIE_MARGIN (evidence macro-F1, nested) to be chosen.
def choose_ordered(results: dict[str, tuple[float, np.ndarray]], eligible: list[str]) -> str:
    best = eligible[0]
    for name in eligible[1:]:
        if results[name][0] > results[best][0] + TIE_MARGIN:
            best = name
    return best


def train(out_dir: Path = MODEL_DIR, log: Log = print, quick: bool = False, cross: bool = True) -> dict:
    t0 = time.perf_counter()
    cf, rows = climate_fever_set()
    Xcf = features(cf, "climate-fever", log)
    ycf = cf.labels
    extras: dict[str, tuple] = {}
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
    base_name = choose(results)
    base_make, base_extra_names = candidates[base_name]

    # The bi-encoder model as shipped (re-ranker; in a stack, also an input): all but the gate claims.
    train_mask = np.array([not is_gate_claim(g) for g in cf.groups])
    neg_keep = ~np.array([is_gate_claim(g) for g in negative_groups(cf)])
    xs, ys = [Xcf[train_mask]], [ycf[train_mask]]
    for e in base_extra_names:
        ex = extras[e]
        # Extra rows built from Climate-FEVER texts (negatives) carry their claim's fold; those of
        # gate claims are dropped too, so no gate claim text reaches the shipped model.
        keep = neg_keep if e == "negatives" else np.ones(len(ex[1]), bool)
        xs.append(ex[0][keep])
        ys.append(ex[1][keep])
    base_model = base_make(np.vstack(xs), np.concatenate(ys))
    base_model.offsets = best_offsets(results[base_name][1], ycf)

    eligible = [n for n in candidates if n in results and "negatives" in n] or list(results)
    ce_info: dict = {}
    stack_state = None
    if cross:
        from . import crossencoder as ce
        from . import stack as sk

        t1 = time.perf_counter()
        neg = negative_pairs(cf, fold)
        ce_oof, _ = ce.crossval(cf.claims, cf.evidence, ycf, fold, neg, log)
        n = len(ycf)
        for ep in range(ce_oof.shape[0]):
            name = f"cross-encoder alone, {ep + 1} epoch{'s' if ep else ''} (CF only; reported, not shippable alone)"
            oof = gate_logits(ce_oof[ep, :n], Xcf)
            plain = macro_f1(ycf, oof.argmax(1), 3)
            nested = macro_f1(ycf, nested_offsets(oof, ycf, fold), 3)
            tried[name] = {"macro_f1": round(plain[0], 4), "macro_f1_offsets": round(nested[0], 4),
                           "per_class_offsets": [round(x, 3) for x in nested[1]], "seconds": None}
            log(f"{name}: evidence macro-F1 {plain[0]:.4f}, with nested offsets {nested[0]:.4f} {[round(x, 3) for x in nested[1]]}")
            results[name] = (nested[0], oof)
        # The epoch count is chosen on the folds (the cross-encoder alone, nested offsets).
        epochs = 1 + max(range(ce_oof.shape[0]), key=lambda ep: macro_f1(ycf, nested_offsets(gate_logits(ce_oof[ep, :n], Xcf), ycf, fold), 3)[0])
        ce_cf, ce_neg = ce_oof[epochs - 1, :n], ce_oof[epochs - 1, n:]
        # The bi-encoder model's raw out-of-fold logits, for the "lowdim" stack (negatives included).
        base_cf, base_extra = cross_validate_extra(base_make, Xcf, ycf, fold, [extras[e] for e in base_extra_names])
        base_neg = base_extra[base_extra_names.index("negatives")]
        st_tried, st_results = sk.candidates(Xcf, ycf, fold, extras["negatives"], ce_cf, ce_neg, base_cf, base_neg, log)
        tried.update(st_tried)
        results.update(st_results)
        eligible += list(st_results)
        ce_info = {"epochs": epochs, "cv_training_seconds": ce.cv_seconds(ycf, fold, neg), "stack_seconds": round(time.perf_counter() - t1)}
        stack_state = (ce, sk, neg, ce_cf, ce_neg, base_cf, base_neg, epochs)
    best_name = choose_ordered(results, eligible)
    best_f, best_oof = results[best_name]

    cl = claim_verdicts(rows, best_oof, ycf, fold)
    agg_inputs, cl_final = "final", cl
    if stack_state and stack_state[1].spec_named(best_name) is not None:
        # A stacked model's verdict may also read the bi-encoder's probabilities (both are at
        # hand at run time); kept only if claim accuracy gains more than TIE_MARGIN on the folds.
        cl_both = claim_verdicts(rows, best_oof, ycf, fold, base_oof=results[base_name][1])
        log(f"verdict from final + bi-encoder probabilities: claim accuracy {cl_both['plain']['accuracy']:.4f} "
            f"(final only {cl['plain']['accuracy']:.4f})")
        if cl_both["plain"]["accuracy"] > cl["plain"]["accuracy"] + TIE_MARGIN:
            agg_inputs, cl = "final+base", cl_both
    # Shipped only if the nested claim macro-F1 gain is more than noise (TIE_MARGIN): a wrong
    # DISPUTED verdict misleads a reader more than a missed one.
    use_disputed = cl["disputed_offset"]["macro_f1"] > cl["plain"]["macro_f1"] + TIE_MARGIN and \
        cl["disputed_offset"]["accuracy"] >= cl["plain"]["accuracy"] - DISPUTED_ACC_SLACK
    claim = cl["disputed_offset" if use_disputed else "plain"]
    log(f"chosen {best_name}: claim accuracy {claim['accuracy']:.4f}, claim macro-F1 {claim['macro_f1']:.4f}, confidence ECE {claim['ece']:.4f}"
        f" (DISPUTED offset {'used' if use_disputed else 'not used'}; without: {cl['plain']['accuracy']:.4f} / {cl['plain']['macro_f1']:.4f})")

    spec = stack_state[1].spec_named(best_name) if stack_state else None
    if spec is not None:
        ce, sk, neg, ce_cf, ce_neg, base_cf, base_neg, epochs = stack_state
        model = sk.ship(spec, Xcf, ycf, train_mask, extras["negatives"], neg_keep, ce_cf, ce_neg, base_cf, base_neg, base_model)
        weights = ce.final(cf.claims, cf.evidence, ycf, fold, neg, train_mask, epochs, log)
        gate_idx = np.nonzero(~train_mask)[0][::3]  # never trained on: a fair int8-vs-fp32 sample
        ce_meta = sk.export(weights, out_dir, [(cf.claims[i], cf.evidence[i]) for i in gate_idx], log)
        ce_meta["final_training_seconds"] = ce.final_seconds(weights)
        stack = spec.stack
    else:
        model = base_model
        ce_meta, stack = {}, "none"
        stale = out_dir / "crossencoder.onnx"
        if stale.exists():
            stale.unlink()
    model.offsets = best_offsets(best_oof, ycf)
    claim_mask = np.array([not is_gate_claim(i) for i in cl["ids"]])
    model.agg_w, model.agg_b = fit_aggregator(cl["agg"][claim_mask], cl["yclaim"][claim_mask])
    d = disputed_offset(cl["logp"], cl["yclaim"]) if use_disputed else 0.0
    model.agg_offsets = np.array([0.0, 0.0, 0.0, d], np.float32)
    model.meta = {
        "n_lexical": N_LEXICAL, "lexical_names": list(LEXICAL_NAMES), "chosen": best_name, "stances": list(STANCES),
        "verdicts": list(VERDICTS), "gate_mod": GATE_MOD, "seed": SEED, "stack": stack, "agg_inputs": agg_inputs,
        "cv": {"evidence_macro_f1": round(best_f, 4), "claim_accuracy": round(claim["accuracy"], 4), "claim_macro_f1": round(claim["macro_f1"], 4),
               "claim_confidence_ece": round(claim["ece"], 4)},
    }
    if ce_meta:
        model.meta["cross_encoder"] = {k: v for k, v in ce_meta.items() if k in ("file", "sha256", "max_tokens", "frozen_layers", "epochs_max")} | {"epochs": ce_info["epochs"]}
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / "stance.npz")
    report = {"tried": tried, "chosen": best_name, "base": base_name, "offsets": model.offsets.tolist(), "evidence_macro_f1": best_f,
              "evidence_per_class": tried[best_name]["per_class_offsets"], "claim_accuracy": claim["accuracy"],
              "claim_macro_f1": claim["macro_f1"], "claim_per_class": claim["per_class"], "claim_confidence_ece": claim["ece"],
              "claim_plain": {k: v for k, v in cl["plain"].items()}, "claim_disputed": {k: v for k, v in cl["disputed_offset"].items()},
              "disputed_offset": d, "stack": stack, "agg_inputs": agg_inputs,
              "claim_final_only": {k: v for k, v in cl_final["plain"].items()}, "cross_encoder": ce_meta | ce_info if ce_meta or ce_info else {},
              "sizes": {"climate-fever": int(len(ycf)), **{k: int(len(v[1])) for k, v in extras.items()}},
              "seconds": round(time.perf_counter() - t0)}
    (out_dir / "cv.json").write_text(json.dumps(report, indent=2, sort_keys=True, default=_jsonable) + "\n", encoding="utf-8")
    from .report import write_report

    write_report(report, out_dir)
    log(f"wrote {out_dir / 'stance.npz'} ({(out_dir / 'stance.npz').stat().st_size / 1e6:.2f} MB) and TRAINING_REPORT.md")
    return report


def _jsonable(o):
    if isinstance(o, (np.integer, np.floating)):
        return o.item()
    if isinstance(o, np.ndarray):
        return o.tolist()
    if isinstance(o, Path):
        return str(o)
    raise TypeError(type(o))
