"""The Climate-FEVER stack stance model: numpy only, loaded from a committed .npz (allow_pickle=False).

Read by ``veracity eval stance --system stack``, the stance gate and ``veracity train stance``;
the verifier itself judges with the news cross-encoder (:mod:`veracity.verify.judge`), so the
runtime package neither imports this module nor ships its artefacts (``stance.npz`` and
``crossencoder.onnx`` stay in the source tree's ``models/stance/``, outside the wheel).

Evidence level: standardised pair features (:mod:`veracity_train.verify.features`) -> an optional
hidden layer (ReLU) -> softmax over SUPPORTS / REFUTES / NOT_ENOUGH_INFO, plus per-class
logit offsets chosen on held-out folds (they trade NEI recall for REFUTES recall).
Claim level: a second softmax over aggregated evidence probabilities (max, mean, share of
each predicted label) gives SUPPORTS / REFUTES / NOT_ENOUGH_INFO / DISPUTED with a
probability that serves as the verdict's confidence. ``veracity train stance`` writes it.

Stacked form (when the artefact's meta names a cross-encoder): a fine-tuned MiniLM
cross-encoder (:mod:`veracity.verify.crossencoder`, int8 ONNX) reads claim and evidence
together; its three logits join the features of the final model (``meta["stack"]``: "full" =
bi-encoder + lexical features + cross-encoder logits; "lowdim" = the bi-encoder model's logits
+ cross-encoder logits + lexical features). The bi-encoder model (``base``) stays in the
artefact: the verifier uses it to re-rank all retrieval candidates cheaply and runs the
cross-encoder on the top k only.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from veracity.errors import ModelError
from veracity.verify.judge import MODEL_DIR as NEWS_MODEL_DIR

from .features import N_LEXICAL, lexical, pair_features

# The artefact stays in the runtime package's models/stance/ (beside the news model the verifier loads).
MODEL_DIR = NEWS_MODEL_DIR
MODEL_FILE = MODEL_DIR / "stance.npz"
STANCES = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
# A sentence whose MiniLM cosine to the claim is below this takes no side (NOT_ENOUGH_INFO),
# whatever the model says: off-topic retrieval candidates otherwise get confident "supports".
# 90% of Climate-FEVER's SUPPORTS/REFUTES evidence lies above it, 93% of random same-domain
# pairs below; on the folds it cost nothing (evidence macro-F1 0.4996 with it, 0.4967 without).
RELEVANCE_GATE = 0.40
COSINE_COLUMN = 4 * 384  # where pair_features puts the cosine
VERDICTS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED")


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def aggregate_features(probs: np.ndarray) -> np.ndarray:
    """A fixed-length summary of one claim's evidence probabilities (rows: evidence, cols: STANCES)."""
    if len(probs) == 0:
        probs = np.array([[0.0, 0.0, 1.0]], dtype=np.float32)
    pred = probs.argmax(1)
    share = np.bincount(pred, minlength=3) / len(pred)
    both = min(probs[:, 0].max(), probs[:, 1].max())  # evidence pulling both ways: DISPUTED
    return np.concatenate([probs.max(0), probs.mean(0), share, [both, 1.0]]).astype(np.float32)


def gate_logits(logits: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Force NOT_ENOUGH_INFO where the pair's cosine is under RELEVANCE_GATE."""
    out = logits.copy()
    off = x[:, COSINE_COLUMN] < RELEVANCE_GATE
    out[off] = np.array([-10.0, -10.0, 10.0], dtype=out.dtype)
    return out


def _mlp(x: np.ndarray, mean: np.ndarray, std: np.ndarray, layers: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    h = (x - mean) / std
    for i, (w, b) in enumerate(layers):
        h = h @ w + b
        if i < len(layers) - 1:
            h = np.maximum(h, 0.0)
    return h


@dataclass
class Head:
    """A standardise -> (hidden ReLU) -> logits model plus per-class logit offsets."""

    mean: np.ndarray
    std: np.ndarray
    layers: list[tuple[np.ndarray, np.ndarray]]
    offsets: np.ndarray

    def raw(self, x: np.ndarray) -> np.ndarray:
        return _mlp(x, self.mean, self.std, self.layers)

    def logits(self, x: np.ndarray) -> np.ndarray:
        return self.raw(x) + self.offsets


STACKS = ("none", "full", "lowdim")
N_PAIR = 4 * 384 + N_LEXICAL  # width of pair_features


@dataclass
class StanceModel:
    mean: np.ndarray
    std: np.ndarray
    layers: list[tuple[np.ndarray, np.ndarray]]  # (W, b) per layer; ReLU between, softmax at the end
    offsets: np.ndarray  # added to the final logits (per STANCES)
    agg_w: np.ndarray
    agg_b: np.ndarray
    meta: dict
    base: Head | None = None  # the bi-encoder model (stacked artefacts only): re-ranking and "lowdim" input
    agg_offsets: np.ndarray = field(default_factory=lambda: np.zeros(4, np.float32))  # verdict logit offsets (DISPUTED)
    directory: Path = MODEL_DIR
    _cross: object = None

    @property
    def stack(self) -> str:
        return str(self.meta.get("stack", "none"))

    @property
    def uses_cross(self) -> bool:
        return self.stack != "none"

    @property
    def cross(self):
        """The cross-encoder session (loaded on first use; sha256 checked against the meta)."""
        if self._cross is None:
            from veracity.verify.crossencoder import CrossEncoder

            info = self.meta["cross_encoder"]
            self._cross = CrossEncoder(self.directory / info["file"], info["sha256"])
        return self._cross

    @classmethod
    def load(cls, path: Path | str = MODEL_FILE) -> "StanceModel":
        path = Path(path)
        if not path.exists():
            raise ModelError(f"stance model not found at {path}; run `veracity train stance`")
        try:
            with np.load(path, allow_pickle=False) as z:
                n = int(z["n_layers"])
                layers = [(z[f"W{i}"], z[f"b{i}"]) for i in range(n)]
                meta = json.loads(str(z["meta"]))
                base = None
                if "base_n_layers" in z.files:
                    nb = int(z["base_n_layers"])
                    base = Head(z["base_mean"], z["base_std"], [(z[f"base_W{i}"], z[f"base_b{i}"]) for i in range(nb)], z["base_offsets"])
                agg_off = z["agg_offsets"] if "agg_offsets" in z.files else np.zeros(4, np.float32)
                model = cls(z["mean"], z["std"], layers, z["offsets"], z["agg_w"], z["agg_b"], meta, base, agg_off, path.parent)
        except (KeyError, ValueError, OSError) as exc:
            raise ModelError(f"stance model {path} is unreadable ({exc}); run `veracity train stance`") from exc
        if meta.get("n_lexical") != N_LEXICAL or model.stack not in STACKS or (model.stack == "lowdim" and base is None):
            raise ModelError(f"stance model {path} was built for other features; run `veracity train stance`")
        return model

    def save(self, path: Path | str = MODEL_FILE) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {"mean": self.mean, "std": self.std, "offsets": self.offsets, "agg_w": self.agg_w, "agg_b": self.agg_b,
                  "n_layers": np.array(len(self.layers)), "meta": np.array(json.dumps(self.meta, sort_keys=True))}
        for i, (w, b) in enumerate(self.layers):
            arrays[f"W{i}"] = w.astype(np.float32)
            arrays[f"b{i}"] = b.astype(np.float32)
        if self.base is not None:
            arrays.update({"base_mean": self.base.mean, "base_std": self.base.std, "base_offsets": self.base.offsets,
                           "base_n_layers": np.array(len(self.base.layers))})
            for i, (w, b) in enumerate(self.base.layers):
                arrays[f"base_W{i}"] = w.astype(np.float32)
                arrays[f"base_b{i}"] = b.astype(np.float32)
        if np.any(self.agg_offsets):
            arrays["agg_offsets"] = self.agg_offsets.astype(np.float32)
        # Written entry by entry with a fixed timestamp, so retraining gives a byte-identical file.
        import io
        import zipfile

        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for k in sorted(arrays):
                v = arrays[k]
                buf = io.BytesIO()
                np.lib.format.write_array(buf, v.astype(np.float32) if v.dtype == np.float64 else v, allow_pickle=False)
                zf.writestr(zipfile.ZipInfo(k + ".npy", date_time=(1980, 1, 1, 0, 0, 0)), buf.getvalue(), compress_type=zipfile.ZIP_DEFLATED)

    def final_input(self, x: np.ndarray, ce: np.ndarray | None) -> np.ndarray:
        """The final model's input from pair features ``x`` and cross-encoder logits ``ce``."""
        if self.stack == "none":
            return x
        if ce is None:
            raise ModelError("this stance model stacks a cross-encoder: pass its logits (or use predict())")
        if self.stack == "full":
            return np.hstack([x, ce]).astype(np.float32)
        assert self.base is not None
        return np.hstack([self.base.raw(x), ce, x[:, 4 * 384:]]).astype(np.float32)

    def logits(self, x: np.ndarray, ce: np.ndarray | None = None) -> np.ndarray:
        return _mlp(self.final_input(x, ce), self.mean, self.std, self.layers) + self.offsets

    def predict_features(self, x: np.ndarray, ce: np.ndarray | None = None) -> np.ndarray:
        """Final stance probabilities from pair features (and cross-encoder logits, if stacked)."""
        return softmax(gate_logits(self.logits(x, ce), x))

    def base_probs(self, x: np.ndarray) -> np.ndarray:
        """The bi-encoder model's probabilities (no cross-encoder): cheap, for re-ranking."""
        if self.base is None:
            return self.predict_features(x)
        return softmax(gate_logits(self.base.logits(x), x))

    def predict(self, claims: Sequence[str], evidence: Sequence[str], u: np.ndarray | None = None, v: np.ndarray | None = None) -> np.ndarray:
        """Stance probabilities (rows: pairs; columns: STANCES). Vectors are computed if not given."""
        return self.predict_both(claims, evidence, u, v)[0]

    def predict_both(self, claims: Sequence[str], evidence: Sequence[str], u: np.ndarray | None = None,
                     v: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(final, bi-encoder) stance probabilities; the verdict may read both."""
        if not len(claims):
            return np.zeros((0, 3), dtype=np.float32), np.zeros((0, 3), dtype=np.float32)
        if u is None or v is None:
            from veracity.text.embed import encode

            vecs = encode(list(claims) + list(evidence))
            u, v = vecs[: len(claims)], vecs[len(claims):]
        lex = np.stack([lexical(c, e) for c, e in zip(claims, evidence)])
        x = pair_features(u, v, lex)
        ce = self.cross.logits(list(claims), list(evidence)) if self.uses_cross else None
        return self.predict_features(x, ce), self.base_probs(x)

    @property
    def verdict_reads_base(self) -> bool:
        """The aggregator reads the bi-encoder's evidence probabilities beside the final ones."""
        return self.meta.get("agg_inputs") == "final+base"

    def verdict(self, probs: np.ndarray, base: np.ndarray | None = None) -> tuple[str, float, np.ndarray]:
        """(label, confidence, all four probabilities) for one claim's evidence probabilities.

        ``base``: the same evidence's bi-encoder probabilities (needed when verdict_reads_base)."""
        feats = aggregate_features(probs)
        if self.verdict_reads_base:
            if base is None and len(probs):
                raise ModelError("this verdict aggregator reads the bi-encoder probabilities too: pass base=")
            feats = np.concatenate([feats, aggregate_features(probs if base is None else base)])
        p = softmax((feats @ self.agg_w + self.agg_b + self.agg_offsets)[None, :])[0]
        i = int(p.argmax())
        return VERDICTS[i], float(p[i]), p


@functools.lru_cache(maxsize=2)
def load(path: str | None = None) -> StanceModel:
    return StanceModel.load(path or MODEL_FILE)
