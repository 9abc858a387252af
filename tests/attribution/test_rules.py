"""The rule extractor and the source typing on real news-style sentences."""

from veracity.attribution.extractors import rule_relations
from veracity.attribution.stage import build


def _atts(parse, text):
    doc = parse(text)
    return build(text, doc, rule_relations(doc), "rules")


def test_said_with_that_clause_gives_person_source(parse):
    text = "Senator Elizabeth Warren said that the bank had misled its customers."
    (a,) = _atts(parse, text)
    assert [s.text for s in a.source] == ["Senator Elizabeth Warren"]
    assert [s.text for s in a.cue] == ["said"]
    assert a.content[0].text == "that the bank had misled its customers"
    assert a.source_type == "person" and a.source_entity == "Elizabeth Warren"


def test_according_to_an_anonymous_source_quoted_by_an_outlet_is_a_chain(parse):
    text = ("Officials plan to send 300 more advisers to Iraq, according to a senior defense official "
            "quoted by The Washington Post.")
    (a,) = _atts(parse, text)
    assert [s.text for s in a.cue] == ["according to"]
    assert a.content[0].text.startswith("Officials plan to send 300")
    assert [(l.source_type, l.span.text) for l in a.chain] == [
        ("outlet", "The Washington Post"), ("anonymous", "a senior defense official")]
    assert a.source_type == "anonymous"


def test_inverted_quote_with_unnamed_official(parse):
    text = "“We are not there yet,” said one unnamed EU official."
    (a,) = _atts(parse, text)
    assert a.content[0].text == "“We are not there yet,”"
    assert a.source[0].text == "one unnamed EU official"
    assert a.source_type == "anonymous"


def test_pronoun_source_resolves_to_named_antecedent(parse):
    text = ("Prime Minister Theresa May met the unions on Monday. "
            "“We will find a deal,” she said.")
    atts = _atts(parse, text)
    a = next(x for x in atts if x.source and x.source[0].text == "she")
    assert a.source_type == "pronoun"
    assert a.source_entity == "Theresa May"


def test_outlet_reports_and_run_on_quote(parse):
    text = ("The Guardian reports that the talks have stalled.\n"
            "“The offer is final,” the minister said. “There will be no other.”")
    atts = _atts(parse, text)
    outlet = next(a for a in atts if a.cue[0].text == "reports")
    assert outlet.source_type == "outlet" and outlet.source_entity == "The Guardian"
    minister = next(a for a in atts if a.cue[0].text == "said")
    # The next whole quoted sentence is the same speaker's.
    assert [c.text for c in minister.content] == ["“The offer is final,”", "“There will be no other.”"]
    assert minister.source_type == "anonymous"


def test_spans_index_the_text(parse):
    text = "Critics, who asked not to be named, argued that the plan was illegal. Moscow denied it."
    for a in _atts(parse, text):
        for s in a.source + a.cue + a.content:
            assert text[s.start:s.end] == s.text


def test_dash_attributions_match_the_regex_in_linear_time():
    """Issue 18 #4: DASH_ATTRIBUTION.finditer retried its lazy quotation from every quote mark
    to the end of the line (16,000 '"' took 5 s). dash_attributions finds the same matches."""
    import random
    import time

    from veracity.attribution.rules import DASH_ATTRIBUTION, dash_attributions

    rng = random.Random(7)
    alphabet = ["\u201c", "\u201d", '"', " ", "\t", "\u2014", "\u2015", "\u2013", "-", "\n", ".", "a", "B", "ob", "\u00a0"]
    texts = ["\u201cWe will rebuild,\u201d \u2014 Jane Doe\nNext line.", '"Fine." -- Bob', '"a" \u2014 x" \u2014 Yo']
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20_000)]
    matched = 0
    for text in texts:
        expected = [(m.span("q"), m.span("dash"), m.span("name")) for m in DASH_ATTRIBUTION.finditer(text)]
        assert list(dash_attributions(text)) == expected, text
        matched += bool(expected)
    assert matched > 1000
    t0 = time.perf_counter()
    assert list(dash_attributions('"' * 120_000 + " \u2014 " + "x" * 80)) == []
    assert time.perf_counter() - t0 < 0.5
