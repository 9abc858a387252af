"""torch -> ONNX -> int8 for the fine-tuned MiniLM networks (training only: torch, onnx).

The check-worthiness transformer (and its student), the stance cross-encoder and the
attribution tagger all ship the same way: the TorchScript exporter writes an fp32 graph with
``input_ids`` / ``attention_mask`` inputs of dynamic batch and length, and onnxruntime's dynamic
quantisation turns its MatMul and Gather weights (the encoder and the embedding tables, ~all of
the bytes) into int8. Each caller keeps its own fp32-vs-int8 check and per-channel choice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

OPSET = 17
INPUTS = ("input_ids", "attention_mask")
_DYNAMIC = {0: "batch", 1: "tokens"}
# The weights that matter: every dense layer is a MatMul, the embedding tables are Gathers.
QUANTISED_OPS = ("MatMul", "Gather")


def load_weights(model: Any, weights: str | Path) -> Any:
    """``model`` with the fine-tuned state dict saved at ``weights`` (.npz), in eval mode."""
    import numpy as np
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
    import numpy as np

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
