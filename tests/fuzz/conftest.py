"""tests/fuzz: property tests (hypothesis) and the replay of the fuzzer's seed corpus.

The suite runs with --import-mode=importlib, which does not put test folders on sys.path; the
tests here share fuzz_strategies.py (a unique module name) and fuzz/targets.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
for p in (HERE, HERE.parents[1] / "fuzz"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
