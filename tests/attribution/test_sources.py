"""Source typing and chains (``attribution.sources``) on real-style sentences."""

from __future__ import annotations

from veracity.attribution.sources import describe


def _toks(doc, text):
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    return [t.i for t in span]


def test_relative_pronoun_source_is_shown_as_its_noun(parse):
    doc = parse("The plan drew fire from several senior senators, who said it would cost far too much.")
    info = describe(doc, _toks(doc, "who"), _toks(doc, "said"))
    assert info.source_type == "anonymous"
    assert [doc.text[l.start:l.end] for l in info.chain] == ["several senior senators"]


def test_relative_pronoun_for_a_named_person_takes_the_name(parse):
    doc = parse("The bill was drafted by Senator Elizabeth Warren, who said on Tuesday that banks must pay.")
    info = describe(doc, _toks(doc, "who"), _toks(doc, "said"))
    assert info.source_type == "person"
    assert info.entity == "Elizabeth Warren"
    assert doc.text[info.chain[0].start:info.chain[0].end].endswith("Elizabeth Warren")


def test_countries_are_an_organisation_source_named_by_their_members(parse):
    doc = parse("Some countries, including Germany and Poland, have signaled cautious support for the plan.")
    info = describe(doc, _toks(doc, "Some countries, including Germany and Poland"), _toks(doc, "have signaled"))
    assert (info.source_type, info.entity) == ("organisation", "Germany, Poland")
    doc = parse("Several countries said they would not send troops.")
    info = describe(doc, _toks(doc, "Several countries"), _toks(doc, "said"))
    assert (info.source_type, info.entity) == ("organisation", None)
