"""The runtime's one door to the training package (``veracity_train``).

``veracity train ...`` and ``veracity eval ...`` keep their flags and help here in the CLI, which
need no training code; each command loads its implementation by name when it runs, through
:func:`training`. Nothing in ``veracity`` imports ``veracity_train`` otherwise
(``tests/core/test_imports.py``), so ``import veracity``, ``veracity analyze`` and the API never
load it, and the trainers' own dependencies (the ``train`` extra: torch, onnx) stay optional.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import InputError

PACKAGE = "veracity_train"
# What the `train` extra adds (pyproject.toml [project.optional-dependencies]).
EXTRA = ("torch", "onnx")
INSTALL = "pip install 'veracity[train]'"


def extra_missing(exc: ModuleNotFoundError) -> InputError | None:
    """The error to show when ``exc`` is the training extra (or package) not being installed."""
    top = (exc.name or "").split(".")[0]
    if top in EXTRA:
        return InputError(f"this command needs the train extra ({top} is not installed): {INSTALL}")
    if top == PACKAGE:
        return InputError(f"this command needs the training package {PACKAGE}, which is not installed "
                          "(it ships beside veracity in the source tree and its wheel)")
    return None


def training(module: str) -> ModuleType:
    """``veracity_train.<module>``, imported now; a missing extra becomes one clear error."""
    try:
        return importlib.import_module(f"{PACKAGE}.{module}")
    except ModuleNotFoundError as exc:
        err = extra_missing(exc)
        if err is None:
            raise
        raise err from None
