"""The news stance cross-encoder (training only: torch): FNC-1 passages + NLI + generated edits.

``veracity train stance-news`` fine-tunes all-MiniLM-L6-v2 (bottom ``FROZEN`` layers frozen,
as :mod:`veracity_train.verify.crossencoder`, whose states cache, loop and export it reuses) to
read "[CLS] claim [SEP] evidence [SEP]" and say SUPPORTS / REFUTES / NOT_ENOUGH_INFO, on:

- FNC-1 train (agree -> SUPPORTS, disagree -> REFUTES, discuss and unrelated -> NOT_ENOUGH_INFO),
  the headline against passages of its body (``PASSAGE_SENTENCES`` sentences each): the lead
  passage and the passages closest to the headline (MiniLM cosine), more of them for the rare
  classes; a seeded sample of unrelated pairs;
- NLI pairs (SNLI, SICK, MNLI subsets; entailment/contradiction/neutral), a seeded sample;
- generated edits of real BBC sentences (:mod:`veracity_train.verify.synth`): negation,
  denial, number, place, role and antonym changes as REFUTES, confirmations as SUPPORTS, and
  contrast rows: each edited claim against a restatement of itself (SUPPORTS), some edits
  inside their article's context (REFUTES).

Cross-validation: ``FOLDS`` GroupKFold folds by headline over FNC-1; NLI and generated pairs
only ever join the training side. Each FNC-1 pair is then judged as the product judges a
document: pairs whose best passage is under ``RELATED_GATE`` cosine take no side; for the
others the lead and the ``SCORE_PASSAGES`` closest passages are scored, and the pair is
REFUTES if some passage's P(REFUTES) reaches ``t_r``, else SUPPORTS if some P(SUPPORTS)
reaches ``t_s``, else NOT_ENOUGH_INFO. The two thresholds are chosen on the other folds
(nested), and once more on all folds for the shipped artefact.

Deterministic: fixed data order, seeded sampling, one torch thread, cached by a hash of inputs.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Callable

import numpy as np

from veracity.retrieval.sentences import split
from veracity.verify.judge import META_FILE

from ..metrics import per_class_f1
from .datasets import FNC_LABELS, verification_dir
from .embcache import cached_encode
from .. import manifest, share_embeddings
from . import crossencoder as ce
from . import synth as stance_synth

Log = Callable[[str], None]
MODEL_META = META_FILE  # the runtime package's models/stance/news_crossencoder.json
SEED = 23
# Three folds and one epoch: on this shared 2-core machine one training step of the top three
# layers runs ~33 pairs/s on one thread, so five folds of two epochs over every row took ~3 h
# (measured: 34 min a fold). Folds run in parallel processes (``--fold K``).
FOLDS = 3
# Two sentences a passage: a stance ("officials denied the report") and what it is about fit
# in one window with the headline (p95 ~100 word pieces of 128).
PASSAGE_SENTENCES = 2
# Passages a pair trains on, closest to the headline first (plus the lead): more for the rare
# classes, one for the large "discuss" class (8,909 pairs) to bound training time.
TRAIN_PASSAGES = {"agree": 2, "disagree": 3, "discuss": 1, "unrelated": 1}
# Passages scored per pair at evaluation (plus the lead).
SCORE_PASSAGES = 3
UNRELATED_TRAIN = 3000
NLI_TRAIN = 6000
# Rows actually trained on, per kind (a seeded sample of the rows built above, so the cached
# token states stay valid): the large classes are cut to bound training time.
TRAIN_CAPS = {"discuss": 4000, "unrelated": 1500, "nli": 4000}
# Under this cosine between the headline and its closest passage a pair is about something
# else and takes no side, as the verifier's same-claim gate does (set from the data: the
# value keeping 99% of related pairs; see the training report).
RELATED_KEEP = 0.99
EPOCHS = 1
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.3, 0.96, 0.05))
STANCES = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
FNC_TO_INDEX = {"agree": 0, "disagree": 1, "discuss": 2, "unrelated": 2}


def passages(body: str) -> list[str]:
    ss = [s.strip() for s in split(body) if s.strip()]
    return [" ".join(ss[i:i + PASSAGE_SENTENCES]) for i in range(0, len(ss), PASSAGE_SENTENCES)] or [body[:600]]


def fnc_data() -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    d = verification_dir() / "fnc1"
    with open(d / "train_bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: passages(r["articleBody"]) for r in csv.DictReader(f)}
    with open(d / "train_stances.csv", encoding="utf-8", newline="") as f:
        rows = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(f)]
    return rows, bodies


def folds_by_group(groups: list[str]) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    fold = np.zeros(len(groups), dtype=int)
    for k, (_, test) in enumerate(GroupKFold(n_splits=FOLDS).split(np.zeros(len(groups)), groups=groups)):
        fold[test] = k
    return fold


class Rows:
    """The (claim, evidence) rows trained on and scored, deduplicated, with their labels and folds."""

    def __init__(self) -> None:
        self.claims: list[str] = []
        self.evidence: list[str] = []
        self.labels: list[int] = []
        self.fold: list[int] = []
        self.train: list[bool] = []
        self.kind: list[str] = []
        self.stance: list[str] = []  # FNC-1 stance (or "nli" / "synth")
        self._at: dict[tuple[str, str], int] = {}
        self.base = 0  # rows before the contrast rows (their states are cached apart)

    def add(self, claim: str, evidence: str, label: int, fold: int, train: bool, kind: str, stance: str = "") -> int:
        key = (claim, evidence)
        if key in self._at:
            j = self._at[key]
            self.train[j] = self.train[j] or train
            return j
        self._at[key] = len(self.claims)
        self.claims.append(claim)
        self.evidence.append(evidence)
        self.labels.append(label)
        self.fold.append(fold)
        self.train.append(train)
        self.kind.append(kind)
        self.stance.append(stance or kind)
        return len(self.claims) - 1

    def capped_train_mask(self) -> np.ndarray:
        """The rows trained on: every trainable row, the kinds in TRAIN_CAPS cut to a seeded sample."""
        mask = np.array(self.train, bool)
        rng = np.random.default_rng(SEED + 1)
        for kind, cap in TRAIN_CAPS.items():
            idx = np.nonzero(mask & (np.array(self.stance) == kind))[0]
            if len(idx) > cap:
                mask[np.setdiff1d(idx, rng.choice(idx, cap, replace=False))] = False
        return mask


def build(log: Log) -> tuple[Rows, list[dict], float]:
    """All rows, and per FNC-1 pair: its gold label, fold, best cosine and scored row indices."""
    rows, bodies = fnc_data()
    heads = sorted({h for h, _, _ in rows})
    psg = sorted({p for ps in bodies.values() for p in ps})
    vecs = cached_encode(heads + psg, "fnc1-news-passages", log)
    hv = {t: vecs[i] for i, t in enumerate(heads)}
    pv = {t: vecs[len(heads) + i] for i, t in enumerate(psg)}
    fold = folds_by_group([h for h, _, _ in rows])
    ranked = []
    for h, b, _ in rows:
        ps = bodies[b]
        cos = np.array([float(pv[p] @ hv[h]) for p in ps])
        ranked.append((ps, cos, np.argsort(-cos, kind="stable")))
    related_best = np.array([r[1].max() for r, (_, _, s) in zip(ranked, rows) if s != "unrelated"])
    gate = float(np.quantile(related_best, 1.0 - RELATED_KEEP))
    log(f"FNC-1: {len(rows)} pairs, {len(bodies)} bodies, {len(psg)} passages; related gate cosine {gate:.3f}")
    rng = np.random.default_rng(SEED)
    unrel = [i for i, (_, _, s) in enumerate(rows) if s == "unrelated"]
    unrel_train = set(rng.choice(unrel, UNRELATED_TRAIN, replace=False).tolist())
    R = Rows()
    pairs = []
    for i, ((h, b, s), (ps, cos, order)) in enumerate(zip(rows, ranked)):
        y = FNC_TO_INDEX[s]
        if s != "unrelated" or i in unrel_train:
            for j in dict.fromkeys([0] + order[:TRAIN_PASSAGES[s]].tolist()):
                R.add(h, ps[j], y, int(fold[i]), True, "fnc1", s)
        scored = []
        if cos.max() >= gate:
            for j in dict.fromkeys([0] + order[:SCORE_PASSAGES].tolist()):
                scored.append(R.add(h, ps[j], y, int(fold[i]), False, "fnc1", s))
        pairs.append({"label": s, "fold": int(fold[i]), "best": float(cos.max()), "rows": scored})
    h_, p_, y_ = ce.nli_pairs()
    keep = np.sort(rng.choice(len(y_), min(NLI_TRAIN, len(y_)), replace=False))
    for k in keep:
        R.add(h_[k], p_[k], int(y_[k]), -1, True, "nli", "nli")
    synth = stance_synth.pairs()
    for sp in synth:
        R.add(sp.claim, sp.evidence, sp.label, -1, True, "synth:" + sp.kind)
    R.base = len(R.claims)
    for sp in stance_synth.contrasts(synth):
        R.add(sp.claim, sp.evidence, sp.label, -1, True, "synth:" + sp.kind)
    return R, pairs, gate


def states_of(R: Rows, log: Log):
    """Token states of every row: the rows up to ``R.base`` and the contrast rows added after
    them cached apart, so adding contrast rows reuses the (hour-long) states of the others."""
    return (ce.pair_states(R.claims[:R.base], R.evidence[:R.base], log)
            + ce.pair_states(R.claims[R.base:], R.evidence[R.base:], log))


def fit_folds(states, y: np.ndarray, fold: np.ndarray, train: np.ndarray, log: Log, only: int | None = None) -> np.ndarray:
    """(EPOCHS, n, 3) out-of-fold logits for rows with fold >= 0 (cached per fold); ``only``:
    train that one fold and stop (for running folds in parallel processes)."""
    key = ce._key("news", y.tolist(), fold.tolist(), train.tolist(), ce.FROZEN, ce.MAX_TOKENS, ce.BATCH, EPOCHS, ce.LR_TOP, ce.LR_HEAD, SEED)
    out = np.zeros((EPOCHS, len(y), 3), np.float32)
    for k in (range(FOLDS) if only is None else [only]):
        path = ce.ce_dir() / f"news-oof-{key}-fold{k}.npy"
        held = np.nonzero(fold == k)[0].tolist()
        if not path.exists():
            t0 = time.perf_counter()
            tr = np.nonzero((fold != k) & train)[0]
            w, cps = ce.fit(states, y, tr, held, SEED + k, log, f"news fold {k}", epochs=EPOCHS)
            np.save(path, np.stack(cps))
            np.savez(path.with_suffix(".weights.npz"), **w)
            secs = time.perf_counter() - t0
            path.with_suffix(".json").write_text(json.dumps({"seconds": round(secs), "trained": len(tr), "scored": len(held)}))
            log(f"news fold {k}: trained on {len(tr)} rows, scored {len(held)} ({secs:.0f}s)")
        out[:, held] = np.load(path, allow_pickle=False)
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(-1, keepdims=True)


def pair_scores(probs: np.ndarray, pairs: list[dict]) -> np.ndarray:
    """(n_pairs, 2): max P(SUPPORTS), max P(REFUTES) over a pair's scored passages (0 if gated)."""
    out = np.zeros((len(pairs), 2), np.float32)
    for i, p in enumerate(pairs):
        if p["rows"]:
            out[i] = probs[p["rows"]][:, :2].max(0)
    return out


def decide(scores: np.ndarray, t_s: float, t_r: float) -> np.ndarray:
    pred = np.full(len(scores), 2)
    pred[scores[:, 0] >= t_s] = 0
    pred[scores[:, 1] >= t_r] = 1
    return pred


def f1s(y: np.ndarray, p: np.ndarray) -> list[float]:
    return per_class_f1(y, p, 3)


def best_thresholds(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best, arg = -1.0, (0.5, 0.5)
    for t_s in THRESHOLDS:
        for t_r in THRESHOLDS:
            m = float(np.mean(f1s(y, decide(scores, t_s, t_r))))
            if m > best + 1e-9:
                best, arg = m, (t_s, t_r)
    return arg


def nested(scores: np.ndarray, y: np.ndarray, fold: np.ndarray) -> np.ndarray:
    pred = np.zeros(len(y), int)
    for k in range(FOLDS):
        t = best_thresholds(scores[fold != k], y[fold != k])
        pred[fold == k] = decide(scores[fold == k], *t)
    return pred


def export_folds(log: Log = print) -> Path:
    """Each fold's network as int8 ONNX with its nested thresholds (chosen on the other folds),
    and which headline belongs to which fold: what `veracity eval stance --cv-folds` reads to
    judge every FNC-1 headline with a model that never saw it."""
    import hashlib

    R, pairs, gate = build(log)
    y = np.array(R.labels, np.int64)
    fold = np.array(R.fold, np.int64)
    train_mask = R.capped_train_mask()
    states = states_of(R, log)
    oof = fit_folds(states, y, fold, train_mask, log)
    meta = json.loads((MODEL_META).read_text()) if MODEL_META.exists() else {"epochs": EPOCHS}
    e = int(meta.get("epochs", EPOCHS))
    gold = np.array([FNC_TO_INDEX[p["label"]] for p in pairs])
    pfold = np.array([p["fold"] for p in pairs])
    sc = pair_scores(softmax(oof[e - 1]), pairs)
    rows, _ = fnc_data()
    key = ce._key("news", y.tolist(), fold.tolist(), train_mask.tolist(), ce.FROZEN, ce.MAX_TOKENS, ce.BATCH, EPOCHS, ce.LR_TOP, ce.LR_HEAD, SEED)
    models = []
    sample = [(R.claims[j], R.evidence[j]) for j in np.random.default_rng(SEED).choice(len(y), 200, replace=False)]
    for k in range(FOLDS):
        t_s, t_r = best_thresholds(sc[pfold != k], gold[pfold != k])
        w = ce.ce_dir() / f"news-oof-{key}-fold{k}.weights.npz"
        if e != EPOCHS:
            log(f"fold {k}: the cached weights are after {EPOCHS} epochs; the shipped model uses {e}")
        out = ce.ce_dir() / f"news-fold{k}.onnx"
        if not out.exists():
            ce.export_onnx(w, out, sample, log)
        models.append({"file": str(out), "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
                       "thresholds": {"supports": t_s, "refutes": t_r}, "related_gate": round(gate, 4)})
    folds = {h: int(fold_) for (h, _, _), fold_ in zip(rows, folds_by_group([h for h, _, _ in rows]))}
    path = ce.ce_dir() / "news-folds.json"
    path.write_text(json.dumps({"models": models, "folds": folds}))
    log(f"wrote {path}")
    return path


def train(out_dir: Path, log: Log = print) -> dict:
    t0 = time.perf_counter()
    R, pairs, gate = build(log)
    y = np.array(R.labels, np.int64)
    fold = np.array(R.fold, np.int64)
    train_mask = R.capped_train_mask()
    kinds = {k: R.kind.count(k) for k in sorted(set(R.kind))}
    log(f"rows: {len(y)} ({int(train_mask.sum())} trained on): {kinds}")
    states = states_of(R, log)
    oof = fit_folds(states, y, fold, train_mask, log)
    gold = np.array([FNC_TO_INDEX[p["label"]] for p in pairs])
    pfold = np.array([p["fold"] for p in pairs])
    results = {}
    for e in range(EPOCHS):
        sc = pair_scores(softmax(oof[e]), pairs)
        pred = nested(sc, gold, pfold)
        f = f1s(gold, pred)
        results[e + 1] = {"macro_f1": round(float(np.mean(f)), 4), "f1": [round(x, 4) for x in f]}
        log(f"FNC-1 out-of-fold, {e + 1} epoch(s), nested thresholds: macro-F1 {np.mean(f):.4f} (S/R/NEI {f[0]:.3f}/{f[1]:.3f}/{f[2]:.3f})")
    epochs = max(results, key=lambda e: (results[e]["macro_f1"], -e))
    sc = pair_scores(softmax(oof[epochs - 1]), pairs)
    t_s, t_r = best_thresholds(sc, gold)
    weights = ce.final_weights(states, y, train_mask, epochs, log, "news-final")
    sample = [(R.claims[j], R.evidence[j]) for j in np.random.default_rng(SEED).choice(len(y), 300, replace=False)]
    onnx_path, quant = ce.export_onnx(weights, out_dir / "news_crossencoder.onnx", sample, log)
    stored = share_embeddings.split(onnx_path, log)  # without the shared word table: sha256, bytes of the split file
    meta = {"file": onnx_path.name, **stored, "labels": list(STANCES),
            "thresholds": {"supports": t_s, "refutes": t_r}, "epochs": epochs, "related_gate": round(gate, 4),
            "cv": results, "rows": kinds, "quantisation": quant, "seconds": round(time.perf_counter() - t0),
            "recipe": {"frozen": ce.FROZEN, "max_tokens": ce.MAX_TOKENS, "batch": ce.BATCH, "lr_top": ce.LR_TOP, "lr_head": ce.LR_HEAD,
                       "seed": SEED, "folds": FOLDS, "passage_sentences": PASSAGE_SENTENCES, "train_passages": TRAIN_PASSAGES,
                       "score_passages": SCORE_PASSAGES, "unrelated_train": UNRELATED_TRAIN, "nli_train": NLI_TRAIN,
                       "synth_per_kind": stance_synth.PER_KIND}}
    (out_dir / "news_crossencoder.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    manifest.refresh(out_dir)
    (out_dir / "NEWS_REPORT.md").write_text(report(meta, int(train_mask.sum())))
    log(f"chosen: {epochs} epoch(s), thresholds S {t_s} R {t_r}; wrote {onnx_path}")
    return meta


def report(meta: dict, trained: int) -> str:
    """The training report committed beside the artefact (written by the command)."""
    cv = meta["cv"][str(meta["epochs"])] if str(meta["epochs"]) in meta["cv"] else meta["cv"][meta["epochs"]]
    f = cv["f1"]
    rows = "\n".join(f"| {k} | {v} |" for k, v in sorted(meta["rows"].items()))
    q = meta["quantisation"]
    return f"""# News stance cross-encoder: training report

Written by `python -m veracity_train.verify.news` (`src/veracity_train/verify/news.py`; module
docstring for the recipe). Artefact: `news_crossencoder.onnx` (int8, {share_embeddings.stored_note(meta)}),
decision thresholds and metadata in `news_crossencoder.json`.

## Data (rows built; {trained} trained on after the caps {TRAIN_CAPS})

| kind | rows |
|---|---|
{rows}

FNC-1 rows are (headline, passage of {PASSAGE_SENTENCES} sentences) pairs: agree -> SUPPORTS, disagree -> REFUTES,
discuss and unrelated -> NOT_ENOUGH_INFO. NLI: SNLI test+validation, SICK, MNLI subsets. Generated
rows: edits of BBC sentences (`stance_synth.py`).

## Cross-validation (FNC-1, {FOLDS} folds grouped by headline; NLI and generated rows train only)

Each headline/body pair judged as the verifier judges a document (lead + {SCORE_PASSAGES} closest passages;
under the related-gate cosine {meta['related_gate']} no side), thresholds nested (chosen on the other folds):

| epochs | evidence macro-F1 | SUPPORTS F1 | REFUTES F1 | NEI F1 |
|---|---|---|---|---|
| {meta['epochs']} | **{cv['macro_f1']:.4f}** | {f[0]:.3f} | {f[1]:.3f} | {f[2]:.3f} |

Shipped thresholds (chosen on all folds): P(SUPPORTS) >= {meta['thresholds']['supports']}, P(REFUTES) >= {meta['thresholds']['refutes']}.

## Recipe and export

{json.dumps(meta['recipe'], sort_keys=True)}

int8 export: {json.dumps(q, sort_keys=True)}

Total time of this command (cached parts count as their cache read): {meta['seconds']} s.
"""


def part(which: str, log: Log) -> None:
    """One fold ("0", "1", ...) or the final fit ("final") alone, into the cache."""
    R, _pairs, _gate = build(log)
    y = np.array(R.labels, np.int64)
    fold = np.array(R.fold, np.int64)
    train_mask = R.capped_train_mask()
    states = states_of(R, log)
    if which == "final":
        ce.final_weights(states, y, train_mask, EPOCHS, log, "news-final")
    else:
        fit_folds(states, y, fold, train_mask, log, only=int(which))


def main() -> None:  # python -m veracity_train.verify.news [--export-folds | --part K|final]
    import sys

    log = lambda m: print(time.strftime("%H:%M:%S"), m, flush=True)  # noqa: E731
    if "--export-folds" in sys.argv:
        export_folds(log)
    elif "--part" in sys.argv:
        for which in sys.argv[sys.argv.index("--part") + 1].split(","):
            part(which, log)
    else:
        train(MODEL_META.parent, log)


if __name__ == "__main__":
    main()
