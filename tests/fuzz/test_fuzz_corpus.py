"""The short fuzz run of `make test`: the committed seed corpus (fuzz/corpus, with the smallest
inputs of issue 18's defects) replayed through every fuzz target's checks, and a brief
coverage-guided run of the atheris harness to prove it works. `make harden` runs it at scale
(scripts/fuzz.py --runs 1000000)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzz_strategies import targets

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fuzz" / "corpus"


@pytest.mark.parametrize("name", sorted(targets.TARGETS))
def test_seed_corpus_passes_every_check(name):
    files = sorted((CORPUS / name).iterdir())
    assert files, f"no seeds for {name}"
    targets.warm_up(name)  # models load once, outside the timing
    slowest = 0.0
    for f in files:
        data = f.read_bytes()
        assert len(data) <= targets.MAX_LEN[name], f"{f} is over the target's -max_len"
        t0 = time.process_time()  # CPU: a busy CI machine must not turn into a hang
        try:
            targets.TARGETS[name](data)
        except targets.Finding as exc:
            pytest.fail(f"{f.relative_to(ROOT)}: {exc}")
        slowest = max(slowest, time.process_time() - t0)
    assert slowest < 10, f"a seed took {slowest:.1f} s of CPU (a hang is over 10 s)"


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed (requirements/dev.in)")
def test_a_short_coverage_guided_run(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz.py"), "--runs", "1000", "--targets", "text,corpus,analyze",
                           "--max-time", "20", "--seed", "1", "--out", str(tmp_path),
                           # Wall time: a loaded CI machine must not make a slow input a hang here;
                           # the 10 s hang criterion is `make harden`'s.
                           "--timeout", "60"],
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.startswith("fuzz: ") and " 0 findings " in summary, summary
    assert int(summary.split()[1].replace(",", "")) >= 300, summary
