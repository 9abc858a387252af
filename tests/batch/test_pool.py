"""The one worker pool (veracity.batch.pool) the batch runner, `attribute --processes` and
`checkworthy --processes` share: a state loaded once per worker, answers in input order, one bad
item recorded when asked, and no worker left behind however the pool is left."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from veracity.batch.pool import WorkerPool


@pytest.fixture
def helpers(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).parent))  # spawned workers get the parent's sys.path
    import pool_helpers

    return pool_helpers


def _gone(pids, timeout=10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                os.kill(pid, 0)
                alive.append(pid)
            except ProcessLookupError:
                pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


def test_answers_come_in_input_order_from_each_workers_state(helpers):
    with WorkerPool(2, helpers.load, (3,)) as pool:
        out = list(pool.imap(helpers.times, range(40), chunksize=3))
        assert [v for v, _ in pool.map(helpers.times, [5, 1])] == [15, 3]
        calls = pool.map(helpers.count, range(20))
    assert max(n for n, _ in calls) > 1  # the state is kept between calls: loaded once per worker
    assert [v for v, _ in out] == [3 * x for x in range(40)]
    pids = {pid for _, pid in out}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert _gone(pids)  # closed: the workers exited


def test_one_bad_item_is_recorded_and_the_run_goes_on(helpers):
    with WorkerPool(2, helpers.load, (2,)) as pool:
        out = [v for v, _ in pool.imap(helpers.times, [1, -1, 3], on_error=helpers.recorded)]
    assert out == [2, "ValueError: negative: -1", 6]


def test_without_on_error_the_failure_reaches_the_parent_and_the_workers_end(helpers):
    pool = WorkerPool(2, helpers.load, (1,))
    pids = {pid for _, pid in pool.map(helpers.times, [1, 2, 3, 4])}
    with pytest.raises(ValueError, match="negative: -1"):
        with pool:
            list(pool.imap(helpers.times, [1, -1, 3]))
    assert _gone(pids)


def test_a_generator_closed_early_ends_its_workers_at_once(helpers):
    """A consumer that stops reading (or a KeyboardInterrupt at the yield) terminates the pool:
    the long tasks still queued are not waited for."""
    def run():
        with WorkerPool(2, helpers.load, (1,), start="fork" if hasattr(os, "fork") else "spawn") as pool:
            yield from pool.imap(helpers.sleep, [0.0] + [30.0] * 4)

    gen = run()
    pid = next(gen)
    t0 = time.monotonic()
    gen.close()
    assert time.monotonic() - t0 < 10 and _gone([pid])


def test_a_keyboard_interrupt_terminates(helpers):
    pool = WorkerPool(1, helpers.load, (1,))
    (pid,) = pool.map(helpers.sleep, [0.0])
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with pool:
            pool.imap(helpers.sleep, [30.0])
            raise KeyboardInterrupt
    assert time.monotonic() - t0 < 10 and _gone([pid])
    with pytest.raises(ValueError, match="closed"):
        pool.imap(helpers.sleep, [0.0])


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_fork_workers_are_children_too(helpers):
    with WorkerPool(2, helpers.load, (5,), start="fork") as pool:
        assert [v for v, _ in pool.map(helpers.times, [1, 2])] == [5, 10]
