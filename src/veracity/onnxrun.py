"""onnxruntime plumbing shared by the fine-tuned models (check-worthiness, stance cross-encoder,
attribution tagger): hash-checked sessions and length-sorted batches of word pieces."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .errors import ModelError


def checked_session(path: Path, sha256: str | None, what: str, retrain: str, threads: int = 1) -> Any:
    """A CPU session for the ONNX file at ``path`` after checking its sha256 (None: no check).

    ``what`` names the model and ``retrain`` the command that rebuilds it, for the error message.
    One inter-op thread: these graphs are a single chain, and callers parallelise over processes."""
    import onnxruntime as ort

    from .assets import file_sha256

    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{what}: {path} is missing; run `{retrain}`")
    if sha256 is not None:
        got = file_sha256(path)
        if got != sha256:
            raise ModelError(f"{what}: hash mismatch at {path} (got {got[:12]}…, expected {str(sha256)[:12]}…); run `{retrain}`")
    opts = ort.SessionOptions()
    if threads:
        opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def run_by_length(session: Any, encodings: Sequence[Any], batch: int) -> list[np.ndarray]:
    """Run ``session`` on tokenised inputs (``.ids``) in batches of similar length, zero-padded,
    with an attention mask; returns the first output's row for each input, in input order."""
    out: list[np.ndarray | None] = [None] * len(encodings)
    order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
    for b in range(0, len(order), batch):
        idx = order[b:b + batch]
        width = max(len(encodings[i].ids) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for r, i in enumerate(idx):
            ids[r, :len(encodings[i].ids)] = encodings[i].ids
            mask[r, :len(encodings[i].ids)] = 1
        res = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        for r, i in enumerate(idx):
            out[i] = res[r]
    return out  # type: ignore[return-value]
