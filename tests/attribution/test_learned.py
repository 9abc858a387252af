"""Source-span trimming shared by the CRF and tagger decoders (``core.trim_source``)."""

from __future__ import annotations

from veracity.attribution.core import trim_source


def _run(doc, text: str) -> list[int]:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    return [t.i for t in span]


def _text(doc, run: list[int]) -> str:
    return doc[run[0]:run[-1] + 1].text


def test_closing_bracket_opened_inside_the_source_is_kept(parse):
    doc = parse("Republican vice-presidential nominee Gov. Mike Pence (R-IN) said the debate went well.")
    run = _run(doc, "Gov. Mike Pence (R-IN)")
    assert _text(doc, trim_source(doc, run)).endswith("(R-IN)")


def test_comma_closing_an_appositive_is_kept_but_a_lone_trailing_comma_is_not(parse):
    doc = parse("The state's campaign chairman, Phil Lovas, said the rally would go ahead.")
    assert _text(doc, trim_source(doc, _run(doc, "The state's campaign chairman, Phil Lovas,"))) == \
        "The state's campaign chairman, Phil Lovas,"
    doc = parse("Mr. Trump, in a statement on Friday, said the report was false.")
    assert _text(doc, trim_source(doc, _run(doc, "Mr. Trump,"))) == "Mr. Trump"


def test_report_phrase_hanging_from_the_verb_is_cut(parse):
    doc = parse("The New York Times, in a separate report published yesterday, highlighted the divisions.")
    run = _run(doc, "The New York Times, in a separate report published yesterday,")
    assert _text(doc, trim_source(doc, run)) == "The New York Times"
