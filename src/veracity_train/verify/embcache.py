"""A disk cache of MiniLM sentence vectors for training texts (never used at run time).

Keyed by the SHA-1 of each text, stored as one .npz per named set under
``$VERACITY_CACHE/verify`` (default /tmp/veracity-cache/verify), so re-running training
or cross-validation does not re-embed 60k sentences on a shared two-core machine.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from ..paths import cache_root


def cache_dir() -> Path:
    root = cache_root() / "verify"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cached_encode(texts: Sequence[str], name: str, log=None) -> np.ndarray:
    """Vectors for ``texts`` (rows in input order), embedding only what the cache lacks."""
    from veracity.text.embed import DIM, encode

    path = cache_dir() / f"{name}.npz"
    known: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as z:
            known = dict(zip(z["keys"].tolist(), z["vecs"]))
    keys = [_key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts) if k not in known}.items())
    if missing:
        chunk = 2048
        for i in range(0, len(missing), chunk):
            part = missing[i:i + chunk]
            vecs = encode([t for _, t in part])
            known.update({k: v for (k, _), v in zip(part, vecs)})
            if log:
                log(f"{name}: embedded {min(i + chunk, len(missing))}/{len(missing)}")
            # Save as we go: a killed job keeps what it already paid for.
            ks = sorted(known)
            tmp = path.with_suffix(".tmp.npz")
            np.savez(tmp, keys=np.array(ks), vecs=np.stack([known[k] for k in ks]).astype(np.float32))
            os.replace(tmp, path)
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, k in enumerate(keys):
        out[i] = known[k]
    return out
