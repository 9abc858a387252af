"""verify.v1 in the pipeline, and the index / verify / eval stance commands."""

import json

import pytest
from typer.testing import CliRunner

from veracity.cli import app
from veracity.records import Article
from veracity.options import Options
from veracity.pipeline import Pipeline

ARTICLE = (
    "Time Warner profits soar\n"
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn, the company said on Wednesday.\n"
    "TimeWarner said fourth quarter sales rose 9% to $11.1bn.\n"
)


@pytest.fixture(scope="module")
def bbc_db(tmp_path_factory, shared):
    db = tmp_path_factory.mktemp("cli") / "ev.db"
    src = shared / "data" / "corpus" / "bbc-news" / "business"
    res = CliRunner().invoke(app, ["index", str(src / "001.txt"), str(src / "002.txt"), "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    assert "added 2 documents" in res.output
    again = CliRunner().invoke(app, ["index", str(src / "001.txt"), "--db", str(db), "--quiet"])
    assert "added 0 documents" in again.output and "skipped 1" in again.output
    return db


def test_stage_fills_verdicts_without_citing_the_article_itself(bbc_db):
    options = Options(stages=("text.spacy.v1", "claims.extract.v1", "verify.v1"), evidence_db=str(bbc_db), top_k_evidence=3)
    article = Article.create(ARTICLE)
    d = Pipeline(options).analyze(article)
    verified = [c for c in d.claims if c.verdict is not None]
    assert verified, "every claim should be verified when no check-worthiness score exists"
    assert all(c.verdict.label in {"SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"} for c in verified)
    cited = [e for c in verified for e in c.verdict.evidence]
    assert cited and all(e.document_id != article.id for e in cited)
    assert "verify.v1" in d.stages


def test_stage_without_index_warns(tmp_path):
    options = Options(stages=("text.spacy.v1", "claims.extract.v1", "verify.v1"), evidence_db=str(tmp_path / "missing.db"))
    d = Pipeline(options).analyze(Article.create(ARTICLE))
    assert any("verify.v1" in w for w in d.warnings)
    assert all(c.verdict is None for c in d.claims)


def test_verify_command_json(bbc_db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(app, ["verify", str(path), "--db", str(bbc_db), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert any(c["verdict"] and c["verdict"]["evidence"] for c in data["claims"])


def test_eval_stance_contract(shared, tmp_path):
    rows = [json.loads(l) for l in open(shared / "data" / "verification" / "climate-fever" / "climate-fever-dev.jsonl", encoding="utf-8")][:3]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    res = CliRunner().invoke(app, ["eval", "stance", "--input", str(gold), "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "evidence macro_f1" in res.output and "claims 3  predicted 3" in res.output
    preds = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [p["claim_id"] for p in preds] == [r["claim_id"] for r in rows]
    assert all(len(p["evidences"]) == 5 for p in preds)
    assert {e["label"] for p in preds for e in p["evidences"]} <= {"SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"}


def test_stage_with_empty_index_warns(tmp_path):
    from veracity.retrieval.index import EvidenceIndex

    db = tmp_path / "empty.db"
    EvidenceIndex(db).close()
    options = Options(stages=("text.spacy.v1", "claims.extract.v1", "verify.v1"), evidence_db=str(db))
    d = Pipeline(options).analyze(Article.create(ARTICLE))
    assert any("empty" in w for w in d.warnings)
    assert all(c.verdict is None for c in d.claims)
