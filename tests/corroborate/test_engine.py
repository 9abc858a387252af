"""End to end: a changed copy of a real BBC article corroborated against a tiny real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.analysis import analyze_article
from veracity.corroborate.engine import SAME_CLAIM_COSINE, Corroborator
from veracity.records import Article
from veracity.options import Options
from veracity.retrieval.index import EvidenceIndex

BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "corpus" / "bbc-news"
STAGES = ("text.spacy.v1", "claims.extract.v1", "attribution.rules.v1")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("corr") / "c.db")
    original = (BBC / "business" / "164.txt").read_text(encoding="utf-8")
    other = (BBC / "tech" / "001.txt").read_text(encoding="utf-8")
    with EvidenceIndex(db) as idx:
        idx.add([Article.create(original, title="Yukos sues four firms for $20bn", outlet="BBC News", published="2005-01-20"),
                 Article.create(other, title=other.split("\n", 1)[0], outlet="BBC News")])
    changed = original.replace("more than $20bn (£11bn)", "more than $60bn (£11bn)")
    assert changed != original
    opts = Options(stages=STAGES)
    d = analyze_article(Article.create(changed, outlet="Other Paper", published="2005-01-21"), opts)
    eng = Corroborator(db, opts, analyse=analyze_article)
    out = eng.corroborate(d)
    eng.close()
    return changed, out


def test_claims_are_linked_to_the_original_report(result):
    _, d = result
    with_reports = [c for c in d.claims if c.corroboration and c.corroboration.reports]
    assert len(with_reports) >= 3
    for c in with_reports:
        best = c.corroboration.reports[0]
        assert best.outlet == "BBC News" and best.similarity >= SAME_CLAIM_COSINE
        assert c.corroboration.earliest == best.document_id  # dated 2005-01-20


def test_changed_figure_is_reported_as_a_divergence_with_both_spans(result):
    changed, d = result
    claim = next(c for c in d.claims if "$60bn" in c.span.text)
    assert claim.corroboration and claim.corroboration.reports
    divs = [x for r in claim.corroboration.reports for x in r.divergences if x.kind == "quantity"]
    assert divs, "the $20bn -> $60bn change was not reported"
    assert any("$60bn" in s.text for s in divs[0].here) and any("$20bn" in s.text for s in divs[0].there)
    assert all(changed[s.start:s.end] == s.text for s in divs[0].here)


def test_independent_lines(result):
    # BBC's own reporting is one line apart from Other Paper's; a claim both attribute to the
    # same source (e.g. "Yukos is claiming ...") rests on that source: no independent line.
    _, d = result
    lines = {c.corroboration.independent_lines for c in d.claims if c.corroboration and c.corroboration.reports}
    assert 1 in lines and lines <= {0, 1}


def test_perturbation_of_a_few_real_articles_is_found_exactly():
    """The benchmark's method (benchmarks/corroborate_divergence.py) on three BBC articles."""
    from veracity.analysis import analyze_text
    from veracity_train.corroborate.perturb import run
    from veracity.text.embed import encode

    names = ["business/001.txt", "business/186.txt", "politics/030.txt"]
    texts = [(n, (BBC / n).read_text(encoding="utf-8")) for n in names]
    opts = Options(stages=STAGES)
    res = run(texts, lambda t: analyze_text(t, opts, published="2005-01-15"), encode)
    assert res["perturbations"] >= 6
    assert res["precision"] >= 0.95 and res["recall"] >= 0.95, res["errors"]
