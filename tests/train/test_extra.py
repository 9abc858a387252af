"""The train extra (torch, onnx) is optional: without it a training command says what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

# Run the CLI with torch and onnx made unimportable (None in sys.modules), as in a `make setup` venv.
NO_EXTRA = ("import sys; sys.modules['torch'] = None; sys.modules['onnx'] = None; sys.argv[0] = 'veracity'; "
            "from veracity.cli import main; main()")


def test_a_trainer_without_the_extra_is_one_clear_error(tmp_path):
    res = subprocess.run([sys.executable, "-c", NO_EXTRA, "train", "checkworthy", "--transformer", "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert res.returncode == 2, res.stderr
    assert "needs the train extra (" in res.stderr and "pip install 'veracity[train]'" in res.stderr
    assert "Traceback" not in res.stderr
    assert not any(tmp_path.iterdir())


def test_help_needs_neither_the_extra_nor_the_training_package():
    code = NO_EXTRA.replace("from veracity.cli", "sys.modules['veracity_train'] = None; from veracity.cli")
    for args in (["train", "--help"], ["eval", "--help"], ["train", "stance", "--help"]):
        res = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                             env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
        assert res.returncode == 0, res.stderr
        assert "Usage: veracity" in res.stdout


def test_missing_modules_are_told_apart():
    from veracity.cli.training import extra_missing

    assert "train extra (onnx" in str(extra_missing(ModuleNotFoundError("x", name="onnx.helper")))
    assert "training package veracity_train" in str(extra_missing(ModuleNotFoundError("x", name="veracity_train")))
    assert extra_missing(ModuleNotFoundError("x", name="sklearn")) is None
