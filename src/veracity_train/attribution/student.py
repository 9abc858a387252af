"""Distil the attribution tagger into a shallow student (``veracity train attribution --student``).
Training extra: torch==2.13.0, onnx (never at run time).

Why (issue 21): the shipped tagger is all six MiniLM layers read through two tilings, plus a
six-layer cue pass per cue; one six-layer pass alone costs ~53 ms of CPU per BBC article next to
bare spaCy's ~70 ms (``benchmarks/attribution_budget.py``), so no default built on it can run
near spaCy's speed. The student keeps the bottom ``LAYERS`` layers of all-MiniLM-L6-v2 (dropping
the top layers keeps more than dropping alternate ones: Sajjad et al., "On the effect of dropping
layers of pre-trained transformer models", 2023) and the tagger's 9-way head, and learns from:

- PolNeAR train, gold BIO labels per role (``tagger.piece_labels``), weighted ``GOLD_WEIGHT``;
- the shipped tagger's per-piece probabilities (its two tilings averaged, read with the int8
  ONNX file that ships) on the same windows and on every BBC news article (no labels there:
  the teacher's soft targets only). BBC is never an attribution evaluation set.

Dev (PolNeAR dev, gold) picks the epoch by piece F1; decoders are chosen on dev afterwards by
the tagger's own search (``tagger_report.choose_decode``). PolNeAR test is never read.

Deterministic: fixed data order, seeded batch order / dropout / head, one thread.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from veracity.attribution.tagger import (N_TAGS, ROLES, TAGGER_META, TILING_SHIFTS, WINDOW, Tagger, encode, tokenizer,
                                         window_ids, windows)

from .. import manifest, minilm
from ..paths import shared_dir
from . import tagger as teacher_training

CACHE_DIR = teacher_training.CACHE_DIR.parent / "student"
SEED = 20261206
LAYERS = 2  # bottom layers of all-MiniLM-L6-v2 kept (a 2-layer pass is ~17 ms per BBC article)
BATCH = 16  # windows per step
EPOCHS = 3
LR_TOP, LR_HEAD = 2e-4, 1e-3  # a shallow network moves further from its start than the tagger did
WARMUP = 0.06
# The gold labels and the teacher's soft targets share the loss on PolNeAR windows; BBC windows
# have only the teacher's. Gold keeps the student honest where the teacher is wrong.
GOLD_WEIGHT = 0.5
CLASS_WEIGHTS = (1.0, 3.0, 2.0)  # as the tagger's: B and I pieces are rare
# BBC articles longer than this many word pieces are skipped (a few listings; the teacher's
# windows would dominate the pool).
MAX_BBC_PIECES = 4000

Log = Callable[[str], None]


def _log_default(m: str) -> None:
    print(m, flush=True)


def student_network():
    """all-MiniLM-L6-v2's embeddings and bottom ``LAYERS`` layers with a 9-way piece head."""
    m = teacher_training.base_tagger()
    del m.layers[LAYERS:]
    return m


def bbc_texts() -> list[tuple[str, str]]:
    root = shared_dir() / "data" / "corpus" / "bbc-news"
    return [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8", errors="replace")) for p in sorted(root.glob("*/*.txt"))]


def teacher_probs(ids: np.ndarray, teacher: Tagger) -> np.ndarray:
    """[n, 3, 3] fp16: the shipped tagger's per-piece probabilities, its tilings averaged (as at run time)."""
    n = len(ids)
    shifts = TILING_SHIFTS if n > WINDOW - 2 else TILING_SHIFTS[:1]
    return (sum(teacher._read(ids, windows(n, s)) for s in shifts) / len(shifts)).astype(np.float16)


def build(log: Log = _log_default) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train items, dev items): each has ids, windows, gold ``y`` (None for BBC) and teacher ``t``."""
    train, dev = teacher_training.dataset("train", log), teacher_training.dataset("dev", log)
    tok = tokenizer()
    bbc = []
    for name, text in bbc_texts():
        ids, _offs = encode(tok, text)
        if 0 < len(ids) <= MAX_BBC_PIECES:
            bbc.append({"id": f"bbc/{name}", "ids": ids, "y": None, "wins": windows(len(ids))})
    h = hashlib.sha256()
    for d in train + bbc:
        h.update(d["ids"].tobytes())
    cache = CACHE_DIR / f"teacher-{h.hexdigest()[:16]}.npz"
    items = train + bbc
    if cache.exists():
        saved = np.load(cache)
        for k, d in enumerate(items):
            d["t"] = saved[str(k)]
    else:
        t = Tagger()
        t0 = time.perf_counter()
        for k, d in enumerate(items):
            d["t"] = teacher_probs(d["ids"], t)
            if k % 200 == 0:
                log(f"  teacher: {k}/{len(items)} articles ({time.perf_counter() - t0:.0f}s)")
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        np.savez(cache, **{str(k): d["t"] for k, d in enumerate(items)})
    log(f"student data: {len(train)} PolNeAR train + {len(bbc)} BBC articles, "
        f"{sum(len(d['wins']) for d in items)} windows; dev {len(dev)} articles")
    return items, dev


def _rows(items):
    return [(k, s, e) for k, d in enumerate(items) for s, e in d["wins"]]


def _batch(items, rows):
    """ids, mask, gold labels (-100 where none) and teacher targets (0 rows where padding)."""
    import torch

    L = max(e - s for _k, s, e in rows) + 2
    x = np.zeros((len(rows), L), dtype=np.int64)
    mask = np.zeros((len(rows), L), dtype=np.int64)
    y = np.full((len(rows), L, len(ROLES)), -100, dtype=np.int64)
    t = np.zeros((len(rows), L, len(ROLES), N_TAGS), dtype=np.float32)
    for r, (k, s, e) in enumerate(rows):
        d = items[k]
        w = window_ids(d["ids"], s, e)
        x[r, :len(w)], mask[r, :len(w)] = w, 1
        if d["y"] is not None:
            y[r, 1:1 + e - s] = d["y"][s:e]
        if d.get("t") is not None:
            t[r, 1:1 + e - s] = d["t"][s:e]
    return torch.from_numpy(x), torch.from_numpy(mask), torch.from_numpy(y), torch.from_numpy(t)


def _logits(m, x, mask):
    h, bias = m.embed(x, mask)
    for layer in m.layers:
        h = layer(h, bias)
    z = m.head(m.drop(h))
    return z.view(z.shape[0], z.shape[1], len(ROLES), N_TAGS)


def dev_piece_f1(m, dev) -> dict[str, float]:
    """Piece-level F1 of "inside a span" per role on dev windows (one tiling), against gold."""
    import torch

    rows = _rows(dev)
    tp, fp, fn = (np.zeros(len(ROLES)) for _ in range(3))
    m.eval()
    with torch.inference_mode():
        for b in range(0, len(rows), 32):
            x, mask, y, _t = _batch(dev, rows[b:b + 32])
            teacher_training.count_pieces(_logits(m, x, mask).argmax(-1).numpy() > 0, y.numpy(), tp, fp, fn)
    m.train()
    return teacher_training.piece_f1(tp, fp, fn)


def finetune(log: Log = _log_default) -> dict[str, Any]:
    torch = minilm.deterministic(1, SEED)
    t0 = time.perf_counter()
    items, dev = build(log)
    key = hashlib.sha256(repr((LAYERS, BATCH, EPOCHS, LR_TOP, LR_HEAD, WARMUP, GOLD_WEIGHT, CLASS_WEIGHTS, SEED,
                               len(items), sum(len(d["ids"]) for d in items))).encode()).hexdigest()[:16]
    info_path, w_path = CACHE_DIR / f"student-{key}.json", CACHE_DIR / f"student-{key}.npz"
    if info_path.exists() and w_path.exists():
        log(f"student weights cached: {w_path}")
        return {**json.loads(info_path.read_text()), "weights": str(w_path)}
    torch.manual_seed(SEED)
    m = student_network()
    m.train()
    top, head = minilm.top_params(m, 0), list(m.head.parameters())
    minilm.train_only(m, top + head)
    rows = _rows(items)
    # Windows of similar length together (most are full 256-piece windows), batch order seeded.
    batches = minilm.shuffled_buckets(minilm.length_buckets(range(len(rows)), lambda j: rows[j][2] - rows[j][1], BATCH))
    loop = minilm.Loop(EPOCHS, SEED, WARMUP, label="student ")
    weight = torch.tensor(CLASS_WEIGHTS, dtype=torch.float32)
    history, best = [], minilm.KeepBest()

    def loss(idx):
        x, mask, y, t = _batch(items, [rows[i] for i in idx])
        z = _logits(m, x, mask)
        logp = torch.log_softmax(z, -1)
        valid = t.sum(-1) > 0  # [B, L, roles]: pieces with a teacher reading
        soft = -(t * logp).sum(-1)[valid].mean()
        if (y >= 0).any():
            gold = torch.nn.functional.nll_loss(logp.reshape(-1, N_TAGS), y.reshape(-1), weight=weight, ignore_index=-100)
            return GOLD_WEIGHT * gold + (1 - GOLD_WEIGHT) * soft
        return soft

    def end_of_epoch(epoch: int, step: int) -> None:
        f1 = dev_piece_f1(m, dev)
        log(f"  epoch {epoch}: dev piece F1 {f1} ({time.perf_counter() - t0:.0f}s)")
        history.append({"epoch": epoch, "step": step, "dev_piece_f1": f1})
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        np.savez(CACHE_DIR / f"student-{key}-e{epoch}.npz", **minilm.state_arrays(m))
        best.offer(sum(f1.values()), m, {"epoch": epoch, "dev_piece_f1": f1})

    minilm.fit(loop, [(top, LR_TOP), (head, LR_HEAD)], batches, loss, log, on_epoch=end_of_epoch, t0=t0)
    assert best.info is not None and best.weights is not None
    info = {**best.info, "history": history, "total_steps": loop.steps(batches), "train_windows": len(rows),
            "train_articles": len(items), "seconds": round(time.perf_counter() - t0)}
    np.savez(w_path, **best.weights)
    info_path.write_text(json.dumps(info))
    log(f"best epoch: {info}")
    return {**info, "weights": str(w_path)}


def train_student(out: Path, log: Log = _log_default) -> dict[str, Any]:
    """Distil, export (int8 ONNX, the tagger's graph with ``LAYERS`` layers), write meta.json
    (the decoder settings are chosen and added by the caller, as for the tagger)."""
    info = finetune(log)
    exp = teacher_training.export_onnx(out, info["weights"], log, build=student_network, name="student")
    meta = {"name": "attribution-student", "base": f"all-MiniLM-L6-v2, bottom {LAYERS} layers",
            "teacher": "attribution-tagger (two tilings, int8 ONNX as shipped)", "layers": LAYERS, "batch": BATCH,
            "epochs": EPOCHS, "lr_top": LR_TOP, "lr_head": LR_HEAD, "warmup": WARMUP, "gold_weight": GOLD_WEIGHT,
            "class_weights": list(CLASS_WEIGHTS), "seed": SEED, **exp,
            **{k: v for k, v in info.items() if k != "weights"}}
    (out / TAGGER_META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    manifest.refresh(out)
    return meta


if __name__ == "__main__":
    import sys

    train_student(Path(sys.argv[1]) if len(sys.argv) > 1 else CACHE_DIR / "model")
