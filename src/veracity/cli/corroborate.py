"""CLI commands for the corroborate area (filled in by the corroborate work)."""

from __future__ import annotations


def register(app, train_app, eval_app) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
