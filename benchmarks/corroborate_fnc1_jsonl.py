"""Convert FNC-1 train to the stance-style JSONL that `veracity eval related` reads.

usage: python benchmarks/corroborate_fnc1_jsonl.py OUT.jsonl [FNC1_DIR]
One line per headline (claim), its bodies as evidences with "related" (stance != unrelated)
and "evidence_label". The output is research data: write it outside the repository.
"""
from __future__ import annotations

import sys
from pathlib import Path

from veracity_train.corroborate.evaluate import fnc1_to_jsonl
from veracity_train.corroborate.related import DEFAULT_FNC1

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    claims, pairs = fnc1_to_jsonl(Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_FNC1, sys.argv[1])
    print(f"wrote {sys.argv[1]}: {claims} claims, {pairs} pairs")
