"""The article summary's share of claims without a named source (``claims.article_summary``)."""

from __future__ import annotations

from veracity.records import Article
from veracity.options import Options
from veracity.pipeline import Pipeline

STAGES = ("text.spacy.v1", "claims.extract.v1", "attribution.rules.v1", "summary.v1")


def _summary(text):
    return Pipeline(Options(stages=STAGES)).analyze(Article.create(text)).summary


def test_a_pronoun_the_article_resolves_is_a_named_source():
    text = ("Andriy Yermak said Ukraine needs binding security guarantees. "
            "\u201cWe need a clear promise,\u201d he said.")
    s = _summary(text)
    assert s.sources_by_type.get("pronoun") == 1
    assert s.unnamed_share == 0.0


def test_anonymous_and_unresolved_sources_are_unnamed():
    text = ("\u201cThe plan is ready,\u201d one unnamed EU official said. "
            "\u201cIt is not,\u201d they said.")
    assert _summary(text).unnamed_share == 1.0
