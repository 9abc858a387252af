import os

import pytest

from veracity.batch.local import peak_rss_mb, run_parallel
from veracity.errors import InputError
from veracity.records import Article
from veracity.options import Options
from veracity.pipeline import Pipeline


def test_parallel_run_keeps_order_and_survives_bad_items():
    opts = Options(stages=("text.spacy.v1", "claims.extract.v1"))
    items = [
        Article.create("The mayor said 40 homes were flooded.", source_path="a"),
        InputError("empty input", source="b"),
        Article.create("Prices rose 3% in March, the ONS said.", source_path="c"),
        InputError("binary data", source="d"),
    ]
    out = list(run_parallel(items, opts, 2))
    assert [r.source for r, _, _ in out] == ["a", "b", "c", "d"]
    assert [r.ok for r, _, _ in out] == [True, False, True, False]
    assert out[2][0].dossier.claims[0].span.text.startswith("Prices rose")
    assert all(pid > 0 for (r, pid, _) in out if r.ok)


def test_peak_rss_is_measured():
    assert peak_rss_mb() > 10


def test_an_article_that_fails_in_a_worker_costs_only_itself(monkeypatch):
    """A chunk whose batch fails is analysed again article by article (the pool's on_error, in
    the worker): the failing article is recorded, its chunk-mates are analysed."""
    if not hasattr(os, "fork"):
        pytest.skip("the patches reach the workers through fork")
    real = Pipeline.analyze

    def analyze(self, article, **kw):
        if "boom" in article.text:
            raise RuntimeError("boom")
        return real(self, article, **kw)

    def pipe(self, articles):
        raise RuntimeError("the batch failed")

    monkeypatch.setattr(Pipeline, "analyze", analyze)
    monkeypatch.setattr(Pipeline, "pipe", pipe)
    opts = Options(stages=("text.spacy.v1", "claims.extract.v1"))
    items = [Article.create(t, source_path=s) for s, t in
             [("a", "The mayor said 40 homes were flooded."), ("b", "boom, said nobody."), ("c", "Prices rose 3% in March.")]]
    out = [r for r, _, _ in run_parallel(items, opts, 2)]
    assert [r.source for r in out] == ["a", "b", "c"] and [r.ok for r in out] == [True, False, True]
    assert (out[1].error.code, out[1].error.message) == ("internal", "RuntimeError: boom")
