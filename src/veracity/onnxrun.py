"""onnxruntime plumbing shared by the fine-tuned models (check-worthiness, stance cross-encoder,
attribution tagger and cue pass): hash-checked sessions and length-sorted batches of word pieces.

The five fine-tuned MiniLM networks share one int8 word-embedding table (30,522 x 384, 11.7 MB:
the embeddings stay frozen in every fine-tuning, and the quantiser gives them the same bytes,
scale and zero point). The wheel ships it once, ``models/shared/minilm_word_embeddings.npy``;
each network is stored without it (``veracity_train.share_embeddings``): its Gather reads an
initializer named ``SHARED_TABLE`` held as external data at a location of the same name that
exists nowhere on disk, so the table can only come from here, handed to onnxruntime at session
creation (``SessionOptions.add_external_initializers``), one buffer per process for all of them
(``add_initializer``). Outputs are bit-identical to the full networks' (the same bytes reach the
same graph; ``tests/core/test_golden.py`` unchanged).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from . import assets
from .errors import ModelError

# The shared table's initializer name in every split network (and its external-data location).
SHARED_TABLE = "veracity.shared.minilm_word_embeddings_int8"
# Under the models folder: the table (numpy .npy, no pickle) and its metadata (sha256, shape).
SHARED_META = "shared/minilm_word_embeddings.json"
SHARE_CMD = "python -m veracity_train.share_embeddings"


@functools.lru_cache(maxsize=None)
def _shared_value(root: Path) -> Any:
    """The shared table as an OrtValue, read and hash-checked once per process (every session of
    the process uses this one buffer)."""
    import onnxruntime as ort

    fix = f"reinstall veracity (or rebuild it: `{SHARE_CMD}`)"
    meta_path = assets.verified_model_file(root / SHARED_META)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        path = meta_path.parent / meta["file"]
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"shared MiniLM embedding table: metadata not readable at {meta_path}: {exc}; {fix}") from None
    if not path.is_file():
        raise ModelError(f"shared MiniLM embedding table: {path} is missing; {fix}")
    got = assets.cached_sha256(path)
    if got != meta["sha256"]:
        raise ModelError(f"shared MiniLM embedding table: hash mismatch at {path} (got {got[:12]}…, expected "
                         f"{str(meta['sha256'])[:12]}…); {fix}")
    assets.verified_model_file(path)
    table = np.load(path, allow_pickle=False)
    if table.dtype != np.dtype(meta["dtype"]) or list(table.shape) != meta["shape"]:
        raise ModelError(f"shared MiniLM embedding table: {path} holds {table.dtype} {table.shape}, not "
                         f"{meta['dtype']} {meta['shape']}; {fix}")
    return ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(table))


@functools.lru_cache(maxsize=None)
def _is_split(version: tuple[str, int, int, int]) -> bool:
    return SHARED_TABLE.encode() in Path(version[0]).read_bytes()


def is_split(path: Path) -> bool:
    """Whether the ONNX file at ``path`` needs the shared table (it names its initializer); read
    once per process for each version of the file."""
    return _is_split(assets.file_version(Path(path).resolve()))


def checked_session(path: Path, sha256: str | None, what: str, retrain: str, threads: int = 1) -> Any:
    """A CPU session for the ONNX file at ``path`` after checking its sha256 (None: no check, as
    for the trainers' own exports), and, inside the shipped models folder, the manifest.

    ``what`` names the model and ``retrain`` the command that rebuilds it, for the error message.
    A network stored without the shared embedding table gets it here (see the module docstring).
    One inter-op thread: these graphs are a single chain, and callers parallelise over processes."""
    import onnxruntime as ort

    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{what}: {path} is missing; run `{retrain}`")
    if sha256 is not None:
        got = assets.cached_sha256(path)
        if got != sha256:
            raise ModelError(f"{what}: hash mismatch at {path} (got {got[:12]}…, expected {str(sha256)[:12]}…); run `{retrain}`")
        assets.verified_model_file(path)
    opts = ort.SessionOptions()
    if threads:
        opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    if is_split(path):
        table = _shared_value(assets.MODELS_DIR.resolve())
        # The first call resolves the placeholder; the second makes every session read this one
        # buffer instead of a copy of its own (measured, five sessions: 198 -> 153 MB of RSS).
        opts.add_external_initializers([SHARED_TABLE], [table])
        opts.add_initializer(SHARED_TABLE, table)
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
