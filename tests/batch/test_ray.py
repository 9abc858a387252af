import json

import pytest
from typer.testing import CliRunner

from veracity.cli import app
from veracity.errors import InputError
from veracity.records import Article
from veracity.options import Options

ray = pytest.importorskip("ray", reason="Ray is installed by make test (requirements/dev.in)")

OPTS = Options(stages=("text.spacy.v1", "claims.extract.v1"))


def test_ray_runner_analyses_and_records_failures():
    from veracity.batch.ray_runner import run_ray

    items = [Article.create(f"Officials said {n} homes were flooded on Monday.", source_path=f"a{n}") for n in range(5)]
    items.insert(2, InputError("empty input", source="bad"))
    results = list(run_ray(items, OPTS, actors=2, chunk=2))
    assert sorted(r.source for r in results) == sorted(["a0", "a1", "a2", "a3", "a4", "bad"])
    ok = {r.source: r for r in results if r.ok}
    assert len(ok) == 5 and ok["a3"].dossier.claims[0].span.text.startswith("Officials said 3")
    assert [r.error.code for r in results if not r.ok] == ["input"]


def test_batch_cli_local_resume(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": str(i), "text": f"The council said {i} roads were closed on Friday."} for i in range(3)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    out, db = tmp_path / "out.jsonl", tmp_path / "v.db"
    runner = CliRunner()
    r = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "--db", str(db), "-w", "1"])
    assert r.exit_code == 1, r.output  # the malformed row fails, the rest are analysed
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert sum("claims" in x for x in lines) == 3 and sum("error" in x for x in lines) == 1
    # a corpus run attributes with the CRFs (Options.batch_attribution), not the interactive tagger
    methods = {a["method"] for x in lines if "claims" in x for a in x["attributions"]}
    assert methods == {"crf"}
    r = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "--db", str(db), "-w", "1", "--resume"])
    assert "4 skipped" in r.stderr and len(out.read_text().splitlines()) == 4  # every input already has its line


def test_batch_cli_attribution_flag(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "1", "text": "The council said 40 roads were closed on Friday."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "-w", "1", "--attribution", "tagger"])
    assert r.exit_code == 0, r.output
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert {a["method"] for a in line["attributions"]} == {"tagger"}
