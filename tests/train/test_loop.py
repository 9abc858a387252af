"""The shared fine-tuning loop (``minilm.fit``) against the loops the trainers had before it.

Runs without torch: a stand-in optimiser records each step's rates and a stand-in LambdaLR
follows torch's documented rule (each group's rate is its initial rate times ``lr_lambda`` of
the step count, set at construction and after every ``step()``). The reference loops below are
the trainers' own loops as they were, reduced to what decides the computation: which batch
each step sees, at which rates, and when the checkpoints and epoch scores ran.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from veracity_train import minilm


class Opt:
    def __init__(self, groups, weight_decay):
        self.param_groups = [dict(g) for g in groups]
        self.weight_decay = weight_decay
        self.rates: list[list[float]] = []

    def zero_grad(self):
        pass

    def step(self):
        self.rates.append([g["lr"] for g in self.param_groups])


class LambdaLR:
    def __init__(self, opt, lr_lambda):
        self.opt, self.f, self.last = opt, lr_lambda, 0
        self.base = [g["lr"] for g in opt.param_groups]
        self._set()

    def _set(self):
        for g, b in zip(self.opt.param_groups, self.base):
            g["lr"] = b * self.f(self.last)

    def step(self):
        self.last += 1
        self._set()


class Loss:
    def __init__(self, batch):
        self.batch = batch

    def backward(self):
        pass

    def __float__(self):
        return 0.5


@pytest.fixture
def fake(monkeypatch):
    made: list[Opt] = []

    def adamw(groups, weight_decay):
        made.append(Opt(groups, weight_decay))
        return made[-1]

    t = SimpleNamespace(optim=SimpleNamespace(AdamW=adamw, lr_scheduler=SimpleNamespace(LambdaLR=LambdaLR)))
    monkeypatch.setattr(minilm, "torch", t)
    monkeypatch.setattr(minilm, "require_torch", lambda: t)
    return made


def run(loop, batches, groups=(([], 1e-4), ([], 1e-3)), **kw):
    seen: list = []
    events: list = []

    def loss(b):
        seen.append([int(i) for i in b])
        return Loss(b)

    steps = minilm.fit(loop, list(groups), batches, loss, lambda _m: None,
                       on_step=kw.pop("on_step", lambda s: events.append(("step", s))),
                       on_epoch=lambda e, s: events.append(("epoch", e, s)), **kw)
    return steps, seen, events


def old_warmup(total, warmup):
    warm = max(1, int(warmup * total))
    return lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm)))


def test_length_buckets_in_a_seeded_order_as_the_checkworthy_trainers_had(fake):
    lengths = np.random.default_rng(0).integers(3, 60, 203)
    rows = list(range(0, 203, 2))
    # before: by_len = sorted(rows, key=(len, j)); batches of 32; each epoch rng.permutation(len(batches))
    by_len = sorted(rows, key=lambda j: (lengths[j], j))
    buckets = [by_len[b:b + 32] for b in range(0, len(by_len), 32)]
    rng = np.random.default_rng(99)
    want = [buckets[int(bi)] for _ in range(3) for bi in rng.permutation(len(buckets))]
    batches = minilm.shuffled_buckets(minilm.length_buckets(rows, lambda j: lengths[j], 32))
    steps, seen, events = run(minilm.Loop(3, 99, 0.06), batches)
    assert seen == want and steps == 3 * len(buckets)
    total = steps
    f = old_warmup(total, 0.06)
    assert fake[0].rates == [[1e-4 * f(s), 1e-3 * f(s)] for s in range(total)]
    assert fake[0].weight_decay == 0.01
    assert [e for e in events if e[0] == "epoch"] == [("epoch", 1, 4), ("epoch", 2, 8), ("epoch", 3, 12)]


def test_a_stop_ends_the_run_where_the_refit_did(fake):
    """The transformer's refit: stop after ``stop`` steps, no batch drawn after it."""
    batches = minilm.shuffled_buckets([[i] for i in range(10)])
    rng = np.random.default_rng(5)
    first = [[int(i)] for i in rng.permutation(10)]
    second = [[int(i)] for i in rng.permutation(10)]
    steps, seen, events = run(minilm.Loop(2, 5, 0.06), batches, stop=13)
    assert steps == 13 and seen == first + second[:3]
    assert [e for e in events if e[0] == "step"][-1] == ("step", 13)
    assert ("epoch", 1, 10) in events and not any(e[0] == "epoch" and e[1] == 2 for e in events)


def test_shuffled_rows_as_the_tagger_and_the_cue_pass_had(fake):
    n, size = 37, 8
    for sort in (True, False):
        rng = np.random.default_rng(20261125)
        want = []
        for _ in range(2):
            perm = rng.permutation(n)
            for b in range((n + size - 1) // size):
                cut = perm[b * size:(b + 1) * size]
                want.append([int(i) for i in (np.sort(cut) if sort else cut)])
        steps, seen, _ = run(minilm.Loop(2, 20261125, 0.06), minilm.shuffled_rows(n, size, sort=sort))
        assert seen == want and steps == 2 * 5


def test_the_cross_encoders_own_schedule_gives_the_same_rates(fake):
    """crossencoder.fit set its rates by hand before each step; the shared loop's LambdaLR gives the same floats."""
    for n_rows, epochs in ((4_900, 2), (31_506, 1), (17, 1), (16, 1)):
        count = -(-n_rows // 16)
        batches = minilm.Batches(count, lambda rng, count=count: [[k] for k in range(count)])
        run(minilm.Loop(epochs, 13, 0.06, weight_decay=0.01), batches, groups=(([], 8e-5), ([], 1e-3)))
        total = count * epochs
        warm = max(1, int(0.06 * total))
        want = []
        for step in range(total):
            scale = (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
            want.append([8e-5 * scale, 1e-3 * scale])
        assert fake[-1].rates == want


def test_keep_best_keeps_the_first_of_equal_scores(monkeypatch):
    monkeypatch.setattr(minilm, "state_arrays", lambda m: {"w": np.array(m)})
    best = minilm.KeepBest()
    assert best.offer(0.5, 1, {"epoch": 1})
    assert not best.offer(0.5, 2, {"epoch": 2})
    assert best.offer(0.6, 3, {"epoch": 3}) and best.info == {"epoch": 3} and int(best.weights["w"]) == 3
    best.keep(4, {"step": 9})
    assert best.info == {"step": 9} and best.score is None
