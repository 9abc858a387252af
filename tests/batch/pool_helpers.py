"""Worker functions for tests/batch/test_pool.py: module-level, in a module a spawned worker can
import by name (the test puts this folder on sys.path; pytest's importlib mode gives the test
module itself no importable name)."""

from __future__ import annotations

import os
import time


def load(scale: int) -> dict:
    """The worker's state: loaded once per process (its pid shows which)."""
    return {"scale": scale, "pid": os.getpid(), "calls": 0}


def times(state: dict, x: int) -> tuple[int, int]:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * state["scale"], state["pid"]


def count(state: dict, x: int) -> tuple[int, int]:
    state["calls"] += 1
    return state["calls"], state["pid"]


def recorded(state: dict, x: int, exc: Exception) -> tuple[str, int]:
    return f"{type(exc).__name__}: {exc}", state["pid"]


def sleep(state: dict, seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()
