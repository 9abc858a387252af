"""models/SHA256SUMS lists exactly the model files the wheel ships, with their current hashes,
and the five MiniLM networks ship without their shared word-embedding table, each one the exact
split of its training export (so the manifest and the split cannot go stale silently); the table
itself does not ship: it is derived from the pinned MiniLM package to its pinned hash."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import json
import os
import tomllib
from pathlib import Path

import numpy as np
import pytest

from veracity import assets
from veracity.onnxrun import SHARED_META, SHARED_TABLE, is_split
from veracity_train.share_embeddings import NETWORKS  # the shipped networks, one list for the trainer and this test

ROOT = Path(__file__).resolve().parents[2]
MODELS = assets.MODELS_DIR


def wheel_model_files() -> set[str]:
    """What setuptools puts in the wheel from models/: pyproject's package-data globs (recursive,
    no hidden files) minus its exclude-package-data fnmatch patterns, the manifest aside."""
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    pkg = str(MODELS.parent)
    files = {f for pat in cfg["package-data"]["veracity"] for f in glob.glob(os.path.join(pkg, pat), recursive=True)
             if os.path.isfile(f)}
    files -= {f for pat in cfg["exclude-package-data"]["veracity"] for f in fnmatch.filter(files, os.path.join(pkg, pat))}
    rels = {Path(f).relative_to(MODELS).as_posix() for f in files if Path(f).is_relative_to(MODELS)}
    return rels - {assets.MANIFEST}


def test_the_manifest_lists_exactly_the_shipped_model_files():
    listed = assets.model_manifest()
    assert set(listed) == wheel_model_files()
    assert list(listed) == sorted(listed)
    assert any(r.endswith(".crfsuite") for r in listed) and any(r.endswith(".npz") for r in listed)


def test_every_listed_file_has_its_hash():
    listed = assets.model_manifest()
    stale = [rel for rel, sha in listed.items() if assets.file_sha256(MODELS / rel) != sha]
    assert not stale, f"models/SHA256SUMS is stale for {stale}: run `python -m veracity_train.manifest`"


def test_the_manifest_writer_agrees():
    manifest = pytest.importorskip("veracity_train.manifest")
    assert manifest.shipped() == sorted(wheel_model_files())
    assert manifest.render() == (MODELS / assets.MANIFEST).read_text(encoding="utf-8")


def test_the_shared_table_is_not_shipped_but_derived_to_its_pinned_hash():
    """Only its recipe and hash ship (models/shared/*.json); no table file of any kind."""
    meta = json.loads((MODELS / SHARED_META).read_text(encoding="utf-8"))
    assert meta["name"] == SHARED_TABLE and meta["shape"] == [30522, 384] and meta["dtype"] == "uint8"
    assert [r for r in wheel_model_files() if r.startswith("shared/")] == [SHARED_META]
    table = assets.shared_word_table()
    assert table.dtype == np.uint8 and table.shape == (30522, 384) and not table.flags.writeable
    assert hashlib.sha256(table).hexdigest() == meta["sha256"]
    assert assets.shared_word_table() is table  # one buffer per process


def test_the_derivation_is_onnxruntimes_quantiser():
    """The runtime's arithmetic equals onnxruntime's own quantize_nparray on the same floats,
    ties (x.5, rounded to even) and both clip ends included."""
    quant = pytest.importorskip("onnxruntime.quantization.quant_utils")
    from onnx import TensorProto

    spec = assets.shared_table_spec()
    floats = np.array([[0.0, spec.scale * 0.5, spec.scale * 1.5, -spec.scale * 2.5, 1e3, -1e3, 0.0061, -0.5073242, 1.0494]],
                      dtype=np.float32)
    ours = np.empty(floats.shape, dtype=np.uint8)
    assets.quantize_uint8(floats.copy(), spec.scale, spec.zero_point, ours)
    theirs = quant.quantize_nparray(TensorProto.UINT8, floats, np.array(spec.scale, dtype=np.float32),
                                    np.array(spec.zero_point, dtype=np.uint8))
    assert ours.tobytes() == theirs.tobytes() and {0, 255} <= set(ours.ravel().tolist())


@pytest.mark.parametrize("onnx_rel,meta_rel", NETWORKS)
def test_each_network_ships_split_and_is_its_exports_exact_split(onnx_rel, meta_rel):
    """The stored file is small, records its own sha256 and bytes, and joined with the shared
    table gives back the training export byte for byte (``full_sha256``); splitting that again
    gives the stored bytes (the split is deterministic)."""
    share = pytest.importorskip("veracity_train.share_embeddings")
    pytest.importorskip("onnx")
    path, meta = MODELS / onnx_rel, json.loads((MODELS / meta_rel).read_text(encoding="utf-8"))
    assert is_split(path) and meta["shared_table"] == SHARED_META
    assert assets.file_sha256(path) == meta["sha256"] and path.stat().st_size == meta["bytes"] < 12_000_000
    full = share.join(path)
    assert hashlib.sha256(full).hexdigest() == meta["full_sha256"]


def test_splitting_a_full_export_is_deterministic_and_lossless(tmp_path):
    share = pytest.importorskip("veracity_train.share_embeddings")
    pytest.importorskip("onnx")
    path = MODELS / "checkworthy/student/model.onnx"
    full = tmp_path / "model.onnx"
    full.write_bytes(share.join(path))
    stored = share.split(full, log=lambda _m: None)
    assert full.read_bytes() == path.read_bytes() and stored["sha256"] == assets.file_sha256(path)
    assert share.split(full, log=lambda _m: None)["sha256"] == stored["sha256"]  # a split file stays as it is
