"""Check-worthiness scoring on several CPU cores: worker processes, each holding its own model.

Why processes and not onnxruntime threads: the networks score one sentence per call (so that a
score never depends on its batch neighbours, see ``TRANSFORMER_BATCH``), and matrices that small
do not split well over threads: the 2-layer student scores ~1,100 sentences/s on one thread and
~1,475/s on two, while two processes scale almost linearly. The processes are the shared
:class:`~veracity.batch.pool.WorkerPool`'s, started with ``spawn``: onnxruntime sessions are not
safe to inherit through ``fork``.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..batch.pool import WorkerPool
from .checkworthy import load_model

# Below this many sentences a second process costs more to feed than it saves.
MIN_PER_PROCESS = 256


def _init(variant: str) -> Any:
    """A worker's model (the pool's state in that worker), loaded and warmed up."""
    model = load_model(variant)
    model.score(["warm-up"])
    return model


def _score(model: Any, texts: list[str]) -> np.ndarray:
    return model.score(texts)


class ModelPool:
    """``score`` splits the texts into one contiguous chunk per worker and keeps their order.

    Use as a context manager (or call ``close``); the workers load the model once, at start."""

    def __init__(self, variant: str, processes: int):
        self.variant, self.processes = variant, max(1, int(processes))
        self.model = load_model(variant)  # validates the name and artefact here, with a clear error
        self.threshold = self.model.threshold
        self._pool: WorkerPool | None = None
        if self.processes > 1:
            self._pool = WorkerPool(self.processes, _init, (variant,))

    def score(self, texts: Sequence[str]) -> np.ndarray:
        n = len(texts)
        if self._pool is None or n < 2 * MIN_PER_PROCESS:
            return self.model.score(texts)
        bounds = np.linspace(0, n, self.processes + 1).astype(int)
        parts = self._pool.map(_score, [list(texts[a:b]) for a, b in zip(bounds, bounds[1:])])
        return np.concatenate(parts)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> "ModelPool":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.__exit__(*exc)  # closed, or on an error or a KeyboardInterrupt ended at once
            self._pool = None
