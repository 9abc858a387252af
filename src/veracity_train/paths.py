"""Where training reads its data and keeps its caches.

- the shared data root: ``$VERACITY_SHARED``, else ``../shared`` beside the repository (read
  in place, never copied);
- the cache root: ``$VERACITY_CACHE``, else ``/tmp/veracity-cache`` (never in the repository);
  each trainer keeps its own folder under it, keyed by the content it caches.
"""

from __future__ import annotations

import os
from pathlib import Path

# src/veracity_train/paths.py -> the repository
REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """``../shared`` beside the repository, or $VERACITY_SHARED."""
    env = os.environ.get("VERACITY_SHARED")
    return Path(env) if env else (REPO_ROOT / ".." / "shared").resolve()


def cache_root() -> Path:
    return Path(os.environ.get("VERACITY_CACHE", "/tmp/veracity-cache"))
