"""The fact-checking scenarios (tests/verify/scenarios/): every expectation must hold.

Each scenario indexes its evidence reports, analyses its article against them with verify and
corroborate, and compares each listed claim's verdict, cited evidence, same-origin marks,
fired checks and independent lines with what a careful fact-checker expects.
"""

import pytest

from scenario_runner import SCENARIOS, analyse, judge, scenario_dirs

DIRS = scenario_dirs(SCENARIOS)


def test_the_suite_covers_every_kind():
    import json

    kinds = {json.loads(line)["kind"] for d in DIRS for line in (d / "evidence.jsonl").read_text().splitlines() if line.strip()}
    assert len(DIRS) >= 12
    assert kinds == {"denial", "echo", "number", "place", "contrary", "role", "unrelated", "confirmation"}


@pytest.mark.parametrize("d", DIRS, ids=[d.name for d in DIRS])
def test_scenario(d, tmp_path):
    run = analyse(d, tmp_path / "evidence.db")
    misses = [f"{o.claim!r} {o.field}: expected {o.expected}, got {o.got}" for o in judge(d, run) if not o.ok]
    assert not misses, "\n".join(misses)
