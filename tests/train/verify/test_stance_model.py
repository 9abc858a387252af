import numpy as np
import pytest

from veracity.errors import ModelError
from veracity_train.verify.features import N_LEXICAL, lexical, pair_features
from veracity_train.verify.stance_model import N_PAIR, RELEVANCE_GATE, STANCES, StanceModel, load


def test_artefact_loads_safely_and_matches_feature_layout():
    model = load()
    assert model.meta["n_lexical"] == N_LEXICAL
    width = {"none": N_PAIR, "full": N_PAIR + 3, "lowdim": 3 + 3 + N_LEXICAL}[model.stack]
    assert model.layers[0][0].shape[0] == width
    assert model.agg_w.shape[1] == 4
    if model.uses_cross:
        # the re-ranking bi-encoder model ships beside the stack and reads the plain pair features
        assert model.base is not None and model.base.layers[0][0].shape[0] == N_PAIR


def _off_topic():
    u = np.zeros(384, np.float32)
    u[0] = 1.0
    v = np.zeros(384, np.float32)
    v[1] = 1.0  # cosine 0, far under the gate
    return pair_features(u, v, lexical("Sea ice is increasing.", "The orchestra played in Vienna."))


def test_off_topic_pairs_take_no_side():
    model = load()
    x = _off_topic()
    # Even a cross-encoder sure of "supports" cannot overrule the relevance gate.
    ce = np.array([[9.0, -9.0, -9.0]], np.float32) if model.uses_cross else None
    for p in (model.predict_features(x, ce)[0], model.base_probs(x)[0]):
        assert STANCES[int(p.argmax())] == "NOT_ENOUGH_INFO" and p[2] > 0.99
    assert RELEVANCE_GATE > 0.0


def test_stacked_model_needs_cross_encoder_logits():
    model = load()
    if not model.uses_cross:
        pytest.skip("the committed model does not stack a cross-encoder")
    with pytest.raises(ModelError):
        model.predict_features(_off_topic())


def test_no_evidence_verdict_is_not_enough_info():
    label, conf, probs = load().verdict(np.zeros((0, 3), np.float32))
    assert label == "NOT_ENOUGH_INFO" and 0.25 < conf <= 1.0 and abs(float(probs.sum()) - 1.0) < 1e-5


def test_round_trip_is_byte_identical(tmp_path):
    model = load()
    model.save(tmp_path / "a.npz")
    StanceModel.load(tmp_path / "a.npz").save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()


def test_verdict_reading_both_models_needs_the_bi_encoder_probabilities():
    model = load()
    probs = np.array([[0.7, 0.1, 0.2], [0.2, 0.6, 0.2]], np.float32)
    if not model.verdict_reads_base:
        pytest.skip("the committed aggregator reads the final probabilities only")
    with pytest.raises(ModelError):
        model.verdict(probs)
    label, conf, p = model.verdict(probs, probs)
    assert label in {"SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED"} and abs(float(p.sum()) - 1.0) < 1e-5
