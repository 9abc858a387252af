"""CLI commands for the attribution area (filled in by the attribution work)."""

from __future__ import annotations


def register(app, train_app, eval_app) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
