"""Golden dossiers: the example and 20 BBC articles of all topics give byte-identical JSON.

The inputs and the way each dossier is made are in ``scripts/golden.py``; only the sha256 of
each dossier's JSON is committed (``tests/core/golden/hashes.json``), since the texts are
research-only. A refactor must leave every hash as it is. For a change of behaviour that is
meant, look at the dossiers (``python scripts/golden.py --dump /tmp/golden``) and record new
hashes with ``python scripts/golden.py --write``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _golden():
    spec = importlib.util.spec_from_file_location("veracity_golden", ROOT / "scripts" / "golden.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_golden_inputs_cover_all_topics():
    g = _golden()
    recorded = json.loads(g.HASHES.read_text(encoding="utf-8"))
    assert list(recorded) == [rel for rel, _ in g.INPUTS]
    assert len(g.BBC) == 20
    assert {p.split("/")[-2] for p in g.BBC} == {"business", "entertainment", "politics", "sport", "tech"}


def test_dossiers_are_byte_identical(shared):
    g = _golden()
    got = g.compute(shared)
    want = g.recorded()
    changed = [rel for rel in want if got.get(rel) != want[rel]]
    assert not changed, (f"dossiers changed for {len(changed)} of {len(want)} golden inputs: {', '.join(changed)}; "
                         "see `python scripts/golden.py --dump DIR`")
