"""The corroborate area's commands, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from veracity.cli import app

BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "corpus" / "bbc-news"
runner = CliRunner()


def test_eval_related_writes_the_scorer_format(tmp_path):
    yukos = (BBC / "business" / "164.txt").read_text(encoding="utf-8")
    ink = (BBC / "tech" / "001.txt").read_text(encoding="utf-8")
    gold = [
        {"claim_id": "c1", "claim": "Yukos sues four firms for $20bn over Yuganskneftegas auction",
         "evidences": [{"evidence_id": "yukos", "evidence": yukos, "related": True},
                       {"evidence_id": "ink", "evidence": ink, "related": False}]},
        {"claim_id": "c2", "claim": "Indelible ink used to stop people voting twice in Asian elections",
         "evidences": [{"evidence_id": "ink", "evidence": ink, "related": True},
                       {"evidence_id": "yukos", "evidence": yukos, "related": False}]},
    ]
    inp, out = tmp_path / "in.jsonl", tmp_path / "pred.jsonl"
    inp.write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", "related", "--input", str(inp), "--output", str(out)])
    assert res.exit_code == 0, res.output
    preds = {p["claim_id"]: p for p in map(json.loads, out.read_text().splitlines())}
    assert set(preds) == {"c1", "c2"}
    for g in gold:
        got = {e["evidence_id"]: e for e in preds[g["claim_id"]]["evidences"]}
        for e in g["evidences"]:
            assert got[e["evidence_id"]]["related"] is e["related"]
            assert 0.0 <= got[e["evidence_id"]]["score"] <= 1.0
    assert "related f1 1.0000" in res.output  # the shared scorer ran on it


def test_eval_related_rejects_bad_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim": "no id"}\n', encoding="utf-8")
    res = runner.invoke(app, ["eval", "related", "--input", str(bad), "--output", str(tmp_path / "o.jsonl")])
    assert res.exit_code != 0


def test_stories_command_on_missing_db_fails_cleanly(tmp_path):
    res = runner.invoke(app, ["stories", "--db", str(tmp_path / "nope.db")])
    assert res.exit_code != 0
