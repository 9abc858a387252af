"""'Y reports, citing X, that Z' (``attribution.citing`` and the chains in ``sources``): the
reporter's relation and the citing one apart, and the chain outlet -> whom it cites."""

from __future__ import annotations

import pytest

from veracity.attribution.citing import split_citing
from veracity.attribution.core import RawRelation
from veracity.attribution.sources import describe


def _toks(doc, text):
    start = doc.text.index(text)
    return [t.i for t in doc.char_span(start, start + len(text))]


def _rel(doc, source, cue, content):
    """A relation as the extractors emit it, from its words."""
    span = lambda words: (doc.char_span(doc.text.index(words), doc.text.index(words) + len(words)),)  # noqa: E731
    pairs = lambda words: tuple((s.start_char, s.end_char) for s in span(words)) if words else ()  # noqa: E731
    return RawRelation(source=pairs(source), cue=pairs(cue), content=tuple(p for w in content for p in pairs(w)),
                       cue_tokens=tuple(_toks(doc, cue)), source_tokens=tuple(_toks(doc, source)) if source else ())


def _text(doc, r):
    return [doc.text[s:e] for s, e in r.source], [doc.text[s:e] for s, e in r.cue], [doc.text[s:e] for s, e in r.content]


def test_fused_citing_relation_is_split_into_the_report_and_the_citation(parse):
    # The tagger's own output on this sentence before the repair.
    doc = parse("The Wall Street Journal reports, citing a senior European diplomat, that the plan is ready.")
    fused = _rel(doc, "The Wall Street Journal reports", "citing", ["a senior European diplomat", "that the plan is ready"])
    out = sorted((_text(doc, r) for r in split_citing(doc, [fused])), key=lambda x: x[1])
    assert out == [
        (["The Wall Street Journal"], ["citing"], ["a senior European diplomat"]),
        (["The Wall Street Journal"], ["reports"], ["that the plan is ready"]),
    ]
    report = next(r for r in split_citing(doc, [fused]) if _text(doc, r)[1] == ["reports"])
    info = describe(doc, report.source_tokens, report.cue_tokens)
    assert [(l.source_type, doc.text[l.start:l.end]) for l in info.chain] == [
        ("outlet", "The Wall Street Journal"), ("anonymous", "a senior European diplomat")]
    assert info.source_type == "anonymous"


def test_according_to_a_report_citing_people(parse):
    doc = parse("According to a report by the Associated Press, citing two people familiar with the talks, "
                "the state will pay half.")
    fused = _rel(doc, "", "citing", ["two people familiar with the talks, the state will pay half"])
    rels = {tuple(_text(doc, r)[1]): r for r in split_citing(doc, [fused])}
    assert _text(doc, rels[("citing",)]) == (["a report by the Associated Press"], ["citing"], ["two people familiar with the talks"])
    acc = rels[("According to",)]
    assert _text(doc, acc)[2] == ["the state will pay half"]
    info = describe(doc, acc.source_tokens, acc.cue_tokens)
    assert [(l.source_type, l.entity) for l in info.chain] == [("outlet", "the Associated Press"), ("anonymous", None)]


def test_a_content_that_starts_with_its_own_citing_clause_loses_it(parse):
    # The rules' output: the right cue, the citing clause inside the content.
    doc = parse("According to a report by the Associated Press, citing two people familiar with the talks, "
                "the state will pay half.")
    rel = _rel(doc, "a report by the Associated Press", "According to",
               ["citing two people familiar with the talks, the state will pay half"])
    (out,) = split_citing(doc, [rel])
    assert _text(doc, out)[2] == ["the state will pay half"]


def test_a_citation_with_its_own_content_is_left_alone(parse):
    # PolNeAR's own kind of citing relation: nothing to repair.
    doc = parse("Clinton cited derogatory comments Trump had made about her as examples of his disrespect for women.")
    rel = _rel(doc, "Clinton", "cited", ["derogatory comments Trump had made about her as examples of his disrespect for women"])
    assert split_citing(doc, [rel]) == [rel]


@pytest.mark.parametrize("text, source, cue, chain", [
    ("Reuters, quoting unnamed officials, said the plan was ready.", "Reuters", "said",
     [("outlet", "Reuters"), ("anonymous", "unnamed officials")]),
    ("According to The Wall Street Journal, which cited a senior European diplomat, the plan is ready.",
     "The Wall Street Journal", "According", [("outlet", "The Wall Street Journal"), ("anonymous", "a senior European diplomat")]),
    ("The plan is ready, according to a Reuters report that cited three officials.", "a Reuters report that cited three officials",
     "according", [("outlet", "Reuters"), ("anonymous", "three officials")]),
    ("The plan is ready, according to a report by the Associated Press.", "a report by the Associated Press",
     "according", [("outlet", "the Associated Press")]),
])
def test_chains_through_citing_clauses_and_document_authors(parse, text, source, cue, chain):
    doc = parse(text)
    info = describe(doc, _toks(doc, source), _toks(doc, cue))
    assert [(l.source_type, doc.text[l.start:l.end]) for l in info.chain] == chain
    assert info.source_type == chain[-1][0]


@pytest.mark.slow
@pytest.mark.parametrize("method", ["tagger", "tagger-fast", "learned", "rules"])
def test_every_extractor_gives_the_issue_example_its_chain(method):
    from veracity.cli.attribution import attribute_texts

    text = "The Wall Street Journal reports, citing a senior European diplomat, that the plan is ready.\n"
    ((_text, atts, error),) = list(attribute_texts([text], method))
    assert error is None
    report = [a for a in atts if [c.text for c in a.cue] == ["reports"]]
    assert report, atts
    assert [c.text for c in report[0].content] == ["that the plan is ready"]
    assert [(l.source_type, l.span.text) for l in report[0].chain] == [
        ("outlet", "The Wall Street Journal"), ("anonymous", "a senior European diplomat")]
