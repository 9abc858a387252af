"""The shipped claim–evidence cross-encoder: hash-checked ONNX, sensible logits on real pairs."""

import shutil

import numpy as np
import pytest

from veracity.errors import ModelError
from veracity_train.verify.stance_model import load

CLAIM = "Global warming is driving polar bears toward extinction."
SUPPORT = "Polar bears are listed as vulnerable, with climate change and the loss of sea ice the main threat to the species."
REFUTE = "Polar bear numbers have increased over recent decades and the population is not in decline."


@pytest.fixture(scope="module")
def model():
    m = load()
    if not m.uses_cross:
        pytest.skip("the committed stance model does not stack a cross-encoder")
    return m


def test_logits_shape_and_order_independence(model):
    ce = model.cross
    both = ce.logits([CLAIM, CLAIM], [SUPPORT, REFUTE])
    assert both.shape == (2, 3) and np.isfinite(both).all()
    # batching sorts by length: each row must still belong to its own pair
    alone = ce.logits([CLAIM], [REFUTE])
    assert np.allclose(both[1], alone[0], atol=1e-4)
    assert ce.logits([], []).shape == (0, 3)


def test_hash_mismatch_is_refused(model, tmp_path):
    from veracity.verify.crossencoder import CrossEncoder

    info = model.meta["cross_encoder"]
    copy = tmp_path / "ce.onnx"
    shutil.copy(model.directory / info["file"], copy)
    with open(copy, "ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="hash mismatch"):
        CrossEncoder(copy, info["sha256"])


def test_hostile_length_input_is_capped(model):
    out = model.cross.logits([CLAIM], ["word " * 50_000])
    assert out.shape == (1, 3) and np.isfinite(out).all()
