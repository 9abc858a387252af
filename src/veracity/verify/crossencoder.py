"""The claim–evidence cross-encoder at run time: int8 ONNX + ``tokenizers``, no torch.

``veracity train stance`` fine-tunes all-MiniLM-L6-v2 on Climate-FEVER pairs
(:mod:`veracity_train.verify.crossencoder`), exports it to ONNX and records the file's sha256
in the stance model's metadata; the hash is checked before the session is created. Input is
"[CLS] claim [SEP] evidence [SEP]", at most ``MAX_TOKENS`` word pieces; output: three logits
(SUPPORTS, REFUTES, NOT_ENOUGH_INFO) that the stacked stance model takes as features.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelError

# The training cap (veracity_train/verify/crossencoder.py MAX_TOKENS): Climate-FEVER pairs p90 94 pieces.
MAX_TOKENS = 128
# Characters kept per side before tokenising: hostile input must not cost unbounded time; 128
# word pieces never need more than ~1,000 characters.
MAX_CHARS = 1000
# One onnxruntime thread: the verifier scores ~5 short pairs a claim, where threads cost more
# than they save, and the machine is shared.
THREADS = 1
# Pairs per session call. One: dynamic int8 quantisation scales activations per tensor, so
# in a padded batch a pair's logits depend on its neighbours (measured: up to 0.2 apart);
# one pair a call gives every pair the same score wherever it is scored, at little cost for
# the ~5 short pairs a claim needs.
BATCH = 1


class CrossEncoder:
    def __init__(self, path: str | Path, sha256: str | None, threads: int = THREADS):
        from tokenizers import Tokenizer

        from ..assets import MINILM_TOKENIZER, verified_model_file, verified_path
        from ..onnxrun import checked_session

        meta = Path(path).with_suffix(".json")
        if sha256 is not None and meta.is_file():
            # The metadata beside a shipped network (news_crossencoder.json, read by verify/judge.py
            # for its thresholds) against models/SHA256SUMS: checked here, before any score exists.
            verified_model_file(meta)
        self.session = checked_session(Path(path), sha256, "stance cross-encoder", "veracity train stance", threads)
        self.tokenizer = Tokenizer.from_file(str(verified_path(MINILM_TOKENIZER)))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def logits(self, claims: Sequence[str], evidence: Sequence[str]) -> np.ndarray:
        """Rows: pairs; columns: SUPPORTS, REFUTES, NOT_ENOUGH_INFO logits."""
        from ..onnxrun import run_by_length

        out = np.zeros((len(claims), 3), dtype=np.float32)
        if not len(claims):
            return out
        enc = self.tokenizer.encode_batch([(c[:MAX_CHARS], e[:MAX_CHARS]) for c, e in zip(claims, evidence)])
        for i, row in enumerate(run_by_length(self.session, enc, BATCH)):
            out[i] = row
        return out
