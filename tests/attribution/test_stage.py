"""The attribution stages in the dossier pipeline, on the demo article (a real-style report that
rests on anonymous and second-hand sources). Nothing in the code knows this article."""

from __future__ import annotations

import pytest

from veracity.records import Article
from veracity.options import Options
from veracity.pipeline import Pipeline

STAGES = ("text.spacy.v1", "claims.extract.v1")


@pytest.fixture(scope="module", params=["attribution.rules.v1", "attribution.learned.v1", "attribution.tagger.v1"])
def dossier(request, example_text):
    pipe = Pipeline(Options(stages=STAGES + (request.param,)))
    return pipe.analyze(Article.create(example_text))


def _by_source(d, text):
    return [a for a in d.attributions if a.source and a.source[0].text == text]


def test_spans_index_the_article_and_ids_are_stable(dossier):
    text = dossier.article.text
    assert dossier.attributions
    for a in dossier.attributions:
        for s in a.source + a.cue + a.content + tuple(l.span for l in a.chain):
            assert text[s.start:s.end] == s.text
        assert a.source_type in {"person", "official", "organisation", "outlet", "anonymous", "document", "pronoun", "none"}
    assert len({a.id for a in dossier.attributions}) == len(dossier.attributions)


def test_wsj_relaying_a_diplomat_is_a_two_link_chain(dossier):
    a = next(a for a in dossier.attributions if any(c.text == "according to" for c in a.cue))
    assert [(l.source_type, l.span.text) for l in a.chain] == [
        ("outlet", "The Wall Street Journal"), ("anonymous", "a senior European diplomat")]
    assert "10,000 multinational troops" in a.content[0].text


def test_anonymous_outlet_person_and_pronoun_sources(dossier):
    (sources,) = _by_source(dossier, "Sources close to the operation")
    assert sources.source_type == "anonymous"
    wsj = [a for a in _by_source(dossier, "The Wall Street Journal") if a.cue[0].text == "reports"]
    assert wsj and wsj[0].source_type == "outlet"
    nyt = _by_source(dossier, "The New York Times")
    assert nyt and nyt[0].source_type == "outlet" and nyt[0].cue[0].text == "highlighted"
    (official,) = _by_source(dossier, "one unnamed EU official")
    assert official.source_type == "anonymous"
    assert any("genuine fear" in c.text for c in official.content)
    yermak = _by_source(dossier, "Yermak")
    assert yermak and yermak[0].source_type == "person" and yermak[0].source_entity == "Andriy Yermak"
    he = _by_source(dossier, "he")
    assert he and he[0].source_type == "pronoun" and he[0].source_entity == "Andriy Yermak"


def test_claims_point_at_the_attributions_covering_them(dossier):
    ids = {a.id for a in dossier.attributions}
    linked = [c for c in dossier.claims if c.attribution_ids]
    assert linked
    for c in linked:
        assert set(c.attribution_ids) <= ids
        for i in c.attribution_ids:
            assert any(c.span.overlaps(s) for s in dossier.attribution(i).content)
    first = dossier.claims[0]
    assert first.attribution_ids  # "..., according to a senior European diplomat ..."


def test_claims_find_overlapping_attributions_as_comparing_every_pair_did():
    """``overlapping`` bisects sorted content spans (issue 18: claims x attributions was minutes
    for 300 KB of short sentences); the ids and their order are those of the pairwise test."""
    import random
    from types import SimpleNamespace

    from veracity.attribution.stage import overlapping
    from veracity.records import Span

    rng = random.Random(18)
    for _ in range(50):
        atts = []
        for k in range(rng.randint(0, 12)):
            spans = []
            for _s in range(rng.randint(1, 3)):
                a = rng.randint(0, 300)
                spans.append(Span(a, a + rng.choice([0, 1, 5, 40, 200]), ""))
            atts.append(SimpleNamespace(id=f"at_{k}", content=tuple(spans)))
        targets = [Span(a, a + rng.randint(0, 60), "") for a in (rng.randint(0, 320) for _t in range(20))]
        want = [tuple(a.id for a in atts if any(t.overlaps(s) for s in a.content)) for t in targets]
        assert overlapping(targets, atts) == want
