"""The cross-encoder's intermediate NLI stage: the pairs it reads, its cache keys, its initialisation."""

import numpy as np
import pytest

from veracity_train.verify import crossencoder as ce
from veracity_train.verify.datasets import STANCES

# SNLI test+validation 9,824 + 9,842, SICK 9,840, MNLI matched/mismatched subsets 1,000 + 1,000 (RTE left out).
N_NLI = 31_506


@pytest.fixture(scope="module")
def pairs(shared):
    return ce.nli_pairs()


def test_labels_map_to_stances():
    assert STANCES[ce.NLI_LABELS["entailment"]] == "SUPPORTS"
    assert STANCES[ce.NLI_LABELS["contradiction"]] == "REFUTES"
    assert STANCES[ce.NLI_LABELS["neutral"]] == "NOT_ENOUGH_INFO"


def test_reads_snli_sick_mnli_with_hypothesis_as_claim(pairs):
    h, p, y = pairs
    assert len(h) == len(p) == len(y) == N_NLI
    assert np.bincount(y, minlength=3).tolist() == [10_237, 8_590, 12_679]
    # SNLI test.tsv's first two rows share a premise: neutral, then entailment.
    premise = "This church choir sings to the masses as they sing joyous songs from the book at a church."
    assert (h[0], p[0], STANCES[y[0]]) == ("The church has cracks in the ceiling.", premise, "NOT_ENOUGH_INFO")
    assert (h[1], p[1], STANCES[y[1]]) == ("The church is filled with song.", premise, "SUPPORTS")
    # The last pair is MNLI mismatched (tokenised text), a contradiction.
    assert STANCES[y[-1]] == "REFUTES" and h[-1].startswith("They said they do not know the man")


def test_subsample_is_seeded_and_keeps_file_order(pairs, monkeypatch):
    monkeypatch.setattr(ce, "NLI_MAX_PAIRS", 300)
    a, b = ce.nli_pairs(), ce.nli_pairs()
    assert a[0] == b[0] and a[1] == b[1] and len(a[0]) == 300
    full = iter(zip(pairs[0], pairs[1]))
    assert all(any(pair == q for q in full) for pair in zip(a[0], a[1]))  # a subsequence: file order kept
    assert (np.bincount(a[2], minlength=3) > 50).all()


def test_cache_keys_carry_the_nli_stage(shared, monkeypatch):
    monkeypatch.setattr(ce, "NLI_PRETRAIN", False)
    assert ce._init_parts() == ()  # keys of runs without the stage are unchanged
    assert ce.nli_weights(print) is None
    monkeypatch.setattr(ce, "NLI_PRETRAIN", True)
    on = ce._init_parts()
    assert len(on) == 1 and len(on[0]) == 20
    monkeypatch.setattr(ce, "NLI_EPOCHS", ce.NLI_EPOCHS + 1)
    assert ce._init_parts() != on


def test_fit_starts_from_the_given_weights_head_included(tmp_path):
    torch = pytest.importorskip("torch")
    m = ce.base_model()
    with torch.no_grad():
        m.head.weight.fill_(0.25)
        m.head.bias.copy_(torch.tensor([1.0, -2.0, 3.0]))
    init = tmp_path / "init.npz"
    np.savez(init, **{k: v.detach().numpy() for k, v in m.state_dict().items()})
    states = [np.zeros((5, m.head.in_features), np.float16)] * 2
    w, cps = ce.fit(states, np.array([0, 1]), np.arange(2), [], 0, print, "test", epochs=0, init=init)
    assert np.allclose(w["head.weight"], 0.25) and w["head.bias"].tolist() == [1.0, -2.0, 3.0]
    assert cps == []
    fresh, _ = ce.fit(states, np.array([0, 1]), np.arange(2), [], 0, print, "test", epochs=0)
    assert not np.allclose(fresh["head.weight"], 0.25)
