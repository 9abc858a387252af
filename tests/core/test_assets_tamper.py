"""Supply chain: the pinned model packages are hash-checked at start-up, and a tampered copy
stops `veracity doctor` (and any command that loads it) with one clear line, exit code 3."""

from __future__ import annotations

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
