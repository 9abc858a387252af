"""Supply chain: the pinned model packages and veracity's own models (models/SHA256SUMS) are
hash-checked at load, and a tampered copy stops `veracity doctor` (and any command that loads
it) with one clear line, exit code 3."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from veracity import assets
from veracity.assets import MINILM_TOKENIZER, Asset, verified_path
from veracity.errors import ModelError


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


def test_a_changed_shared_embedding_table_is_refused(models_copy):
    from veracity.claims.checkworthy import TransformerModel

    _flip(models_copy / "shared" / "minilm_word_embeddings.npy")
    with pytest.raises(ModelError) as info:
        TransformerModel.load(models_copy / "checkworthy" / "student")
    msg = str(info.value)
    assert msg.startswith("shared MiniLM embedding table: hash mismatch") and "\n" not in msg
    assert "python -m veracity_train.share_embeddings" in msg


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
