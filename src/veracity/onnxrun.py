"""onnxruntime plumbing shared by the fine-tuned models (check-worthiness, stance cross-encoder,
attribution tagger and cue pass): hash-checked sessions and length-sorted batches of word pieces.

The five fine-tuned MiniLM networks share one uint8 word-embedding table (30,522 x 384, 11.7 MB:
the embeddings stay frozen in every fine-tuning, and the quantiser gives them the same bytes,
scale and zero point). No copy of it ships: each network is stored without it
(``veracity_train.share_embeddings``), and the table is derived once per process from the pinned
MiniLM package's float weights and checked against its pinned sha256
(``assets.shared_word_table``, recipe and hash in ``models/shared/minilm_word_embeddings.json``).
A split network's Gather reads an initializer named ``SHARED_TABLE`` held as external data at a
location of the same name that exists nowhere on disk, so the table can only come from here,
handed to onnxruntime at session creation (``SessionOptions.add_external_initializers``), one
buffer per process for all of them (``add_initializer``). Outputs are bit-identical to the full
networks' (the same bytes reach the same graph; ``tests/core/test_golden.py`` unchanged).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from . import assets
from .errors import ModelError

# The shared table's initializer name in every split network (and its external-data location).
SHARED_TABLE = "veracity.shared.minilm_word_embeddings_int8"
# Under the models folder: the table's recipe (source tensor, scale, zero point) and pinned sha256.
SHARED_META = assets.SHARED_META
SHARE_CMD = assets.SHARE_CMD


# id of a derived table -> (the table, an OrtValue over its buffer): holding the table keeps its id its own.
_values: dict[int, tuple[np.ndarray, Any]] = {}


def _shared_value(root: Path) -> Any:
    """The shared table as an OrtValue: derived and hash-checked once per process, every session
    of the process reading this one buffer (the OrtValue wraps the array's memory, no copy)."""
    import onnxruntime as ort

    table = assets.shared_word_table(root)
    held = _values.get(id(table))
    if held is None:
        held = _values[id(table)] = (table, ort.OrtValue.ortvalue_from_numpy(table))
    return held[1]


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
