"""The claims.extract.v1 stage: contract, offsets exactness, real-corpus robustness."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims_helpers import iter_spans
from veracity.errors import PipelineError
from veracity.records import Article, Dossier
from veracity.options import Options

BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "corpus" / "bbc-news"


def _assert_exact(dossier):
    text = dossier.article.text
    n = 0
    for s in iter_spans(dossier.claims):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        n += 1
    return n


def test_demo_offsets_exact(claims_demo):
    assert _assert_exact(claims_demo) > 300


def test_one_claim_per_statement_with_all_fields(claims_demo):
    # One claim per sentence, except the sentence of two statements ("While some countries ...
    # have signaled cautious support, others ... have voiced strong opposition").
    assert len(claims_demo.claims) == len(claims_demo.sentences) + 1
    assert {c.sentence_index for c in claims_demo.claims} == {s.index for s in claims_demo.sentences}
    assert all(c.modality is not None for c in claims_demo.claims)
    assert sum(len(c.frames) for c in claims_demo.claims) >= 40
    assert len({c.id for c in claims_demo.claims}) == len(claims_demo.claims)


@pytest.mark.slow
def test_bbc_sample_offsets_exact_and_no_crash(claims_run):
    files = sorted(BBC.glob("*/*.txt"))[::150]  # 15 articles across all five topics
    assert len(files) >= 10
    total = 0
    for p in files:
        raw = p.read_bytes()
        text = raw.decode("utf-8") if p.name != "199.txt" else raw.decode("latin-1")
        d = claims_run(text, published="2005-03-01")
        total += _assert_exact(d)
    assert total > 1000


def test_needs_the_parse():
    from veracity.claims.extract import ClaimExtractor

    d = Dossier(article=Article.create("Nothing parsed."))
    with pytest.raises(PipelineError, match="needs the spaCy parse"):
        ClaimExtractor(Options())(d)


def test_registered_stage_runs_in_pipeline(example_text):
    from veracity.pipeline import Pipeline

    p = Pipeline(Options(stages=("text.spacy.v1", "claims.extract.v1")))
    d = p.analyze(Article.create(example_text, published="2025-03-12"))
    assert d.stages == ("text.spacy.v1", "claims.extract.v1")
    assert any(q.unit == "troops" for c in d.claims for q in c.quantities)
    assert d.doc is None  # the runtime parse is not kept


def test_hostile_and_odd_text(claims_run):
    text = "<script>alert(1)</script> ‘’ — 10,000?\n\n\n$ £ € 5-\nOn .\n"
    d = claims_run(text)
    _assert_exact(d)
