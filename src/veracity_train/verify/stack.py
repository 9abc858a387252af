"""Stacking the fine-tuned cross-encoder with the bi-encoder stance model (``veracity train stance``).

The cross-encoder's out-of-fold logits (:mod:`veracity_train.verify.crossencoder`, same folds
as veracity_train/verify/stance.py) become features of a final model, in two layouts tried on the folds:

- "full": the bi-encoder pair features (u, v, |u-v|, u*v, lexical) plus the three logits, one
  logistic regression (a fold's model sees other folds' out-of-fold logits: plain stacking);
- "lowdim": the bi-encoder model's own out-of-fold logits, the cross-encoder's logits and the 20
  lexical/contradiction features (26 inputs): logistic regression or a small MLP.

Every figure is nested as in veracity_train/verify/stance.py: the stacker of fold k is trained on the other
folds, logit offsets for fold k are chosen on the other folds' out-of-fold predictions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from .stance_model import N_PAIR, Head, StanceModel, gate_logits

Log = Callable[[str], None]
BIENC = 4 * 384  # where pair_features puts the lexical block


@dataclass(frozen=True)
class Spec:
    name: str
    stack: str  # "full" | "lowdim"
    kind: str  # "logreg" | "mlp"
    C: float = 1.0
    hidden: int = 0


# "full" keeps the bi-encoder's strong L2 (C=0.003 won there) or relaxes it so the three
# cross-encoder columns are not shrunk with the 1,556 others; "lowdim" has 26 inputs and
# needs little regularisation.
SPECS = (
    Spec("stacked logreg C=0.003 balanced, CF+negatives, bi-encoder features + cross-encoder logits", "full", "logreg", 0.003),
    Spec("stacked logreg C=0.03 balanced, CF+negatives, bi-encoder features + cross-encoder logits", "full", "logreg", 0.03),
    Spec("stacked logreg C=1 balanced, CF+negatives, bi-encoder logits + cross-encoder logits + lexical", "lowdim", "logreg", 1.0),
    Spec("stacked logreg C=0.1 balanced, CF+negatives, bi-encoder logits + cross-encoder logits + lexical", "lowdim", "logreg", 0.1),
    Spec("stacked mlp 16, CF+negatives, bi-encoder logits + cross-encoder logits + lexical", "lowdim", "mlp", 1.0, 16),
)


def stack_inputs(spec: Spec, X: np.ndarray, ce: np.ndarray, base_raw: np.ndarray) -> np.ndarray:
    """The final model's input, laid out as StanceModel.final_input lays it out at run time."""
    if spec.stack == "full":
        return np.hstack([X, ce]).astype(np.float32)
    return np.hstack([base_raw, ce, X[:, BIENC:]]).astype(np.float32)


def maker(spec: Spec):
    from .stance import fit_logistic, fit_mlp

    if spec.kind == "mlp":
        return lambda X, y: fit_mlp(X, y, spec.hidden, spec.C)
    return lambda X, y: fit_logistic(X, y, spec.C, True)


def candidates(Xcf: np.ndarray, ycf: np.ndarray, fold: np.ndarray, neg: tuple[np.ndarray, np.ndarray, np.ndarray],
               ce_cf: np.ndarray, ce_neg: np.ndarray, base_cf: np.ndarray, base_neg: np.ndarray, log: Log
               ) -> tuple[dict[str, dict], dict[str, tuple[float, np.ndarray]]]:
    from .stance import cross_validate, macro_f1, nested_offsets

    tried: dict[str, dict] = {}
    results: dict[str, tuple[float, np.ndarray]] = {}
    Xneg, yneg, fneg = neg
    for spec in SPECS:
        t1 = time.perf_counter()
        Xs = stack_inputs(spec, Xcf, ce_cf, base_cf)
        Xn = stack_inputs(spec, Xneg, ce_neg, base_neg)
        oof = gate_logits(cross_validate(maker(spec), Xs, ycf, fold, [(Xn, yneg, fneg)]), Xcf)
        plain = macro_f1(ycf, oof.argmax(1), 3)
        nested = macro_f1(ycf, nested_offsets(oof, ycf, fold), 3)
        tried[spec.name] = {"macro_f1": round(plain[0], 4), "macro_f1_offsets": round(nested[0], 4),
                            "per_class_offsets": [round(x, 3) for x in nested[1]], "seconds": round(time.perf_counter() - t1)}
        log(f"{spec.name}: evidence macro-F1 {plain[0]:.4f}, with nested offsets {nested[0]:.4f} {[round(x, 3) for x in nested[1]]}")
        results[spec.name] = (nested[0], oof)
    return tried, results


def spec_named(name: str) -> Spec | None:
    return next((s for s in SPECS if s.name == name), None)


def ship(spec: Spec, Xcf: np.ndarray, ycf: np.ndarray, keep_cf: np.ndarray, neg: tuple[np.ndarray, np.ndarray, np.ndarray],
         keep_neg: np.ndarray, ce_cf: np.ndarray, ce_neg: np.ndarray, base_cf: np.ndarray, base_neg: np.ndarray,
         base_model: StanceModel) -> StanceModel:
    """The final stacker on the non-gate rows (out-of-fold cross-encoder / bi-encoder logits as inputs)."""
    Xs = stack_inputs(spec, Xcf, ce_cf, base_cf)[keep_cf]
    Xn = stack_inputs(spec, neg[0], ce_neg, base_neg)[keep_neg]
    model = maker(spec)(np.vstack([Xs, Xn]), np.concatenate([ycf[keep_cf], neg[1][keep_neg]]))
    model.base = Head(base_model.mean, base_model.std, base_model.layers, base_model.offsets)
    assert model.layers[0][0].shape[0] == (N_PAIR + 3 if spec.stack == "full" else 26)
    return model


def export(weights: Path, out_dir: Path, sample: list[tuple[str, str]], log: Log) -> dict:
    """int8 ONNX of the final cross-encoder into ``out_dir``; its meta entry (file, sha256, quantisation)."""
    from veracity.assets import file_sha256
    from . import crossencoder as ce

    dst, quant = ce.export_onnx(weights, out_dir / "crossencoder.onnx", sample, log)
    return {"file": dst.name, "sha256": file_sha256(dst), "bytes": dst.stat().st_size,
            "quantisation": f"onnxruntime dynamic int8 (MatMul, Gather), {'per-channel' if quant['per_channel'] else 'per-tensor'}",
            "int8_vs_fp32": {k: v for k, v in quant.items() if k != "per_channel"}, **ce.describe()}
