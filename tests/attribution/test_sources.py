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


def test_a_thing_is_not_an_anonymous_source(parse):
    # PolNeAR-style relations give intentions and effects a "source"; none of them is an
    # unnamed person, and counting them as anonymous would inflate the figure readers check first.
    doc = parse("This initiative, which has been discussed in secret meetings, aims to create a continuous "
                "aerial presence over Ukrainian airspace.")
    info = describe(doc, _toks(doc, "This initiative"), _toks(doc, "aims"))
    assert (info.source_type, info.entity) == ("none", None)
    doc = parse("The euro crisis showed that the union was a burden, not a boon.")
    assert describe(doc, _toks(doc, "The euro crisis"), _toks(doc, "showed")).source_type == "none"


def test_texts_and_recordings_are_document_sources(parse):
    doc = parse("The recording shows the officer drawing his weapon before the man turned around.")
    assert describe(doc, _toks(doc, "The recording"), _toks(doc, "shows")).source_type == "document"
    doc = parse("The research drew direct links between fossil fuel emissions and extreme weather.")
    assert describe(doc, _toks(doc, "The research"), _toks(doc, "drew")).source_type == "document"


def test_unnamed_people_stay_anonymous(parse):
    # "source" is first a place and a text in WordNet, but also an informant; "percent" and
    # "majority" count people.
    for text, source, cue in (
        ("Sources close to the operation say the initiative has been fast-tracked.", "Sources close to the operation", "say"),
        ("Sixty-three percent said Clinton was justified in keeping the diagnosis private.", "Sixty-three percent", "said"),
        ("A majority of voters said the economy was their main concern.", "A majority of voters", "said"),
        ("Defense analysts warn that any large-scale presence could trigger a response.", "Defense analysts", "warn"),
    ):
        doc = parse(text)
        assert describe(doc, _toks(doc, source), _toks(doc, cue)).source_type == "anonymous", text


def test_a_journal_is_an_outlet(parse):
    doc = parse("The top British medical journal reported that the drug had failed two trials.")
    assert describe(doc, _toks(doc, "The top British medical journal"), _toks(doc, "reported")).source_type == "outlet"


def test_a_surname_found_in_full_earlier_is_that_person_without_its_possessive(parse):
    # The entity recogniser misses the bare surname in the second sentence; the first names him.
    doc = parse("Ukrainian President Volodymyr Zelenskyy met European leaders in Kyiv on Monday. "
                "Zelenskyy's verdict on the talks: \"Nothing has changed.\"")
    info = describe(doc, _toks(doc, "Zelenskyy's"), _toks(doc, "verdict"))
    assert (info.source_type, info.entity) == ("person", "Volodymyr Zelenskyy")
    assert doc.text[info.chain[0].start:info.chain[0].end] == "Zelenskyy"


def test_a_chain_link_is_named_without_the_sources_relative_clause(parse):
    doc = parse("Officials, who spoke on condition of anonymity because they were not authorized to discuss the "
                "plan, said it would cost $2 billion.")
    info = describe(doc, _toks(doc, "Officials, who"), _toks(doc, "said"))
    assert info.source_type == "anonymous"
    assert [doc.text[l.start:l.end] for l in info.chain] == ["Officials"]
