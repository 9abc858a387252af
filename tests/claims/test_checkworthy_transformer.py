"""Check-worthiness transformer (int8 ONNX, onnxruntime) and the fast -> transformer cascade."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from veracity.claims.checkworthy import MODEL_DIR, CascadeModel, TransformerModel, align_threshold, load_model
from veracity.errors import ModelError
from claims_helpers import NOT_WORTHY, WORTHY


def test_transformer_artefact_is_small_and_records_its_hash() -> None:
    meta = json.loads((MODEL_DIR / "transformer" / "model.json").read_text())
    assert len(meta["sha256"]) == 64
    assert (MODEL_DIR / "transformer" / "model.onnx").stat().st_size < 25_000_000
    assert 0.0 < meta["threshold"] < 1.0
    assert 0.0 <= meta["cascade"]["lo"] <= meta["fast_threshold"] <= meta["cascade"]["hi"] <= 1.0


@pytest.mark.parametrize("network", ["transformer", "student"])
def test_network_scores_clear_cases_without_torch(network: str) -> None:
    code = (
        "import sys, json; from veracity.claims.checkworthy import load_model; "
        "m = load_model(sys.argv[2]); s = m.score(json.loads(sys.argv[1])); "
        "print(json.dumps([list(map(float, s)), 'torch' in sys.modules, 'transformers' in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code, json.dumps(WORTHY + NOT_WORTHY), network], capture_output=True, text=True, check=True)
    scores, torch_loaded, hf_loaded = json.loads(out.stdout)
    assert not torch_loaded and not hf_loaded
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert min(scores[:3]) > max(scores[3:])
    th = load_model(network).threshold
    assert all(s >= th for s in scores[:3]) and all(s < th for s in scores[3:])


def test_transformer_handles_empty_long_and_batch_order() -> None:
    m = load_model("transformer")
    assert m.score([]).shape == (0,)
    texts = ["", "x" * 200_000, WORTHY[0], NOT_WORTHY[0]]
    s = m.score(texts)
    assert s.shape == (4,) and np.all((s >= 0) & (s <= 1))
    # A sentence's score must not depend on the other sentences of the call (order or company).
    assert np.array_equal(m.score(texts[::-1])[::-1], s)
    assert m.score([WORTHY[0]])[0] == s[2] and m.score(NOT_WORTHY + [WORTHY[0]])[-1] == s[2]


def test_corrupted_transformer_copy_fails_hash_check(tmp_path: Path) -> None:
    dst = tmp_path / "transformer"
    shutil.copytree(MODEL_DIR / "transformer", dst)
    raw = bytearray((dst / "model.onnx").read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    (dst / "model.onnx").write_bytes(bytes(raw))
    with pytest.raises(ModelError, match="hash mismatch"):
        TransformerModel.load(dst)
    (dst / "model.onnx").unlink()
    with pytest.raises(ModelError, match="missing"):
        TransformerModel.load(dst)


def test_align_threshold_is_monotone_and_moves_the_threshold() -> None:
    p = np.linspace(0, 1, 101)
    q = align_threshold(p, 0.6, 0.33)
    assert q[0] == 0.0 and abs(q[-1] - 1.0) < 1e-12 and abs(q[60] - 0.33) < 1e-12
    assert np.all(np.diff(q) > 0)


def test_cascade_rescores_only_the_band() -> None:
    cas = load_model("cascade")
    assert isinstance(cas, CascadeModel)
    texts = WORTHY + NOT_WORTHY + ["The economy grew last year.", "Crime is up in our cities.", "We will fix it."]
    pf = cas.fast.score(texts)
    pc = cas.score(texts)
    band = cas.band(pf)
    assert np.array_equal(pc[~band], pf[~band])
    pt = cas.transformer.score([t for t, b in zip(texts, band) if b])
    pm = (1 - cas.mix) * pt + cas.mix * pf[band]
    assert np.allclose(pc[band], align_threshold(pm, cas.mix_threshold, cas.threshold))
    assert np.all((pc >= 0) & (pc <= 1))


def test_cli_cascade_and_transformer_keep_the_contract() -> None:
    exe = str(Path(sys.executable).with_name("veracity"))
    lines = WORTHY + NOT_WORTHY
    for model in ("transformer", "cascade"):
        res = subprocess.run([exe, "checkworthy", "-", "--model", model], input="\n".join(lines) + "\n",
                             capture_output=True, text=True, check=True)
        rows = [json.loads(r) for r in res.stdout.splitlines()]
        assert [r["text"] for r in rows] == lines
        th = load_model(model).threshold
        assert all(r["checkworthy"] == (r["score"] >= th) for r in rows)
        assert [r["checkworthy"] for r in rows] == [True] * 3 + [False] * 3
