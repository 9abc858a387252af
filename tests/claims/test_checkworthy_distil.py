"""The distilled n-gram check-worthiness model and the cascade over it: artefact, ranking of real
sentences, pool hygiene (no evaluation sentence in the distillation pool)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from veracity.claims.checkworthy import MODEL_DIR, CascadeModel, CheckworthyModel, load_model
from veracity_train.checkworthy.ngrams import norm, read_gold
from claims_helpers import NOT_WORTHY, WORTHY

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
ART = MODEL_DIR / "distilled"


def test_artefact_is_small_safe_and_described() -> None:
    size = sum(p.stat().st_size for p in ART.iterdir())
    assert size < 25_000_000
    with np.load(ART / "model.npz", allow_pickle=False) as z:  # no pickled objects inside
        assert {"word_coef", "char_coef", "word_vocab", "char_vocab"} <= set(z.files)
    meta = json.loads((ART / "model.json").read_text())
    assert 0.0 < meta["threshold"] < 1.0 and meta["pool_rows"] > 10_000
    assert meta["cascade"]["lo"] <= meta["threshold"] <= meta["cascade"]["hi"]
    assert (ART / "TRAINING_REPORT.md").is_file()


def test_distilled_ranks_real_sentences() -> None:
    m = load_model("distilled")
    assert isinstance(m, CheckworthyModel)
    s = m.score(WORTHY + NOT_WORTHY)
    assert min(s[:3]) > max(s[3:])
    assert all(s[:3] >= m.threshold) and not any(s[3:] >= m.threshold)
    # Deterministic, order-independent per sentence (numpy scorer, no batch effects).
    assert np.allclose(m.score(list(reversed(WORTHY))), s[:3][::-1])


def test_distilled_cascade_scores_probabilities() -> None:
    pytest.importorskip("onnxruntime")
    m = load_model("distilled-cascade")
    assert isinstance(m, CascadeModel)
    s = m.score(WORTHY + NOT_WORTHY + [""])
    assert s.shape == (7,) and np.all((s >= 0) & (s <= 1))
    assert min(s[:3]) > max(s[3:6])


def test_pool_excludes_every_evaluation_sentence() -> None:
    pytest.importorskip("pysbd")
    from veracity_train.checkworthy.distil import pool_texts

    d = SHARED / "data" / "checkworthiness"
    if not d.is_dir():
        pytest.skip("shared data not present")
    pool = {norm(t) for t in pool_texts(log=lambda m: None)}
    for p in (d / "claimbuster" / "groundtruth.csv", d / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv"):
        assert not pool & {norm(t) for t in read_gold(p).texts}
    assert len(pool) > 10_000
