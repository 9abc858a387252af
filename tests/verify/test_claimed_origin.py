"""What is claimed (content without its attribution) and same-origin evidence, on real analyses."""

import re

import pytest

from veracity import analysis
from veracity.verify.claimed import from_sentence, what_is_claimed
from veracity.verify.origin import claim_origins, shared_origin


@pytest.fixture(scope="module")
def demo(shared):
    text = (shared / "examples" / "troops-report.txt").read_text(encoding="utf-8")
    return analysis.analyze_text(text, published="2025-02-14")


def test_the_attribution_is_not_part_of_what_is_claimed(demo):
    c = demo.claims[0]
    got = what_is_claimed(demo.article.text, c, demo.attributions)
    assert "according to" not in got.text and "Wall Street Journal" not in got.text
    assert "European defense chiefs have unveiled" in got.text and got.text.endswith("to the war-torn nation")
    for p in got.pieces:  # exact article offsets
        assert demo.article.text[p.start:p.end] == p.text
    a, b = got.text.index("10,000"), got.text.index("10,000") + 6
    [span] = got.to_article(a, b)
    assert demo.article.text[span.start:span.end] == "10,000"


def test_a_stance_sentence_is_claimed_whole():
    from veracity.records import Span

    text = "Councils in Cumbria and Northumberland oppose the closures, officials said."
    got = from_sentence(text, Span(0, len(text), text))
    assert got.text == "Councils in Cumbria and Northumberland oppose the closures"


def test_origins_follow_the_chain_and_evidence_crediting_them_is_same_origin(demo):
    c = demo.claims[0]
    attrs = [a for i in c.attribution_ids if (a := demo.attribution(i))]
    origins = claim_origins(attrs, "Daily Planet")
    keys = {o.key for o in origins}
    assert "outlet:wall street journal" in keys and "outlet:daily planet" in keys
    echo = "The Wall Street Journal reported on Monday, citing a senior diplomat, that a plan to send 10,000 troops is ready."
    assert shared_origin(origins, "Morning Wire", echo).key == "outlet:wall street journal"
    assert shared_origin(origins, "The Wall Street Journal", "A plan to send troops is ready.") is not None
    independent = "Germany's defence ministry confirmed on Monday that a plan to send troops had been drawn up."
    assert shared_origin(origins, "Berlin Daily", independent) is None


def test_a_report_sentence_claims_its_content_however_long_the_speakers_description():
    text = ("Former Croatian Prime Minister Sanja Horvat, now a European Commissioner, said the European Union would pay "
            "for part of the reconstruction.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    got = what_is_claimed(d.article.text, c, d.attributions)
    assert got.text == "the European Union would pay for part of the reconstruction"


def test_a_content_with_no_verb_is_a_fragment_and_the_sentence_is_claimed():
    import dataclasses

    text = ("Kenya's electoral commission registered about 2.4 million new voters in its month-long mass registration drive, "
            "well short of its target of 6 million, according to an internal report seen by the Nairobi Courier.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    start = text.index("about 2.4 million")
    cut = text.index(", according to")
    [a] = d.attributions  # here the tagger takes the whole clause; in the scenario it cut it at the figure
    fragment = dataclasses.replace(a, content=(Span(start, cut, text[start:cut]),))
    got = what_is_claimed(text, dataclasses.replace(c, attribution_ids=(a.id,)), [fragment])
    assert got.text.startswith("Kenya's electoral commission registered about 2.4 million new voters")
    assert "according to" not in got.text


# ---------------------------------------------------------------- the origin confirming first-hand
from veracity.records import Evidence, Span  # noqa: E402
from veracity.verify.origin import Origin, first_hand, strip_dateline  # noqa: E402

REPORT = Origin("document:its annual report", "its annual report", __import__("re").compile(r"\bits annual report\b", 2))
LEDGER = Origin("outlet:daily ledger", "Daily Ledger", __import__("re").compile(r"\bdaily ledger\b", 2))
FILING = "In 2024 Sundlinjen carried 1.2 million passengers between Helsingborg and Helsingør, its annual report shows."


def test_the_party_the_claim_is_about_publishing_for_itself_is_first_hand():
    assert first_hand(REPORT, ("Sundlinjen",), "Sundlinjen AB", FILING) == "Sundlinjen"
    assert first_hand(REPORT, ("Harcourt Bank",), "Harcourt Bank plc", "Harcourt Bank closed 25 branches, its annual report shows.")


def test_an_echo_or_a_relay_is_not_first_hand():
    # Another outlet repeating the origin.
    assert first_hand(REPORT, ("Sundlinjen",), "Morning Wire", FILING) is None
    # The party's own site relaying someone else's report.
    assert first_hand(REPORT, ("Sundlinjen",), "Sundlinjen AB",
                      "Sundlinjen carried 1.2 million passengers last year, the Daily Ledger reported.") is None
    # An outlet's own article quoting an anonymous source: the claim is about the ministry, not the outlet.
    assert first_hand(LEDGER, ("The ministry",), "Daily Ledger",
                      "The ministry is preparing to close the A&E unit, a senior official said.") is None


def test_the_reason_says_the_claims_own_source_confirms_it():
    from veracity.verify.engine import verdict_of

    ev = Evidence("d1", Span(0, len(FILING), FILING), "supports", 0.8, 0.65, "Sundlinjen AB", "2025-03-28",
                  origin="document:its annual report")
    label, _conf, reason = verdict_of([ev])
    assert label == "SUPPORTED" and "claim's own source confirming it first-hand" in reason
    echo = Evidence("d2", Span(0, 10, "x" * 10), "supports", 0.8, 0.65, "Morning Wire", same_origin=True, origin="outlet:local wire")
    assert verdict_of([echo])[0] == "NOT_ENOUGH_INFO"


def test_the_verifier_marks_a_first_hand_confirmation_as_support_and_an_echo_as_same_origin(tmp_path):
    from veracity.records import Article
    from veracity.retrieval.index import EvidenceIndex
    from veracity.verify.engine import ClaimQuery, Verifier
    from veracity.verify.origin import _origin

    ix = EvidenceIndex(tmp_path / "ev.db")
    ix.add([Article.create(FILING, outlet="Sundlinjen AB", published="2025-03-28", title="Annual report 2024"),
            Article.create("Sundlinjen carried 1.2 million passengers across the Öresund last year, the Local Wire reported, "
                           "citing its annual report.", outlet="Morning Wire", published="2025-05-13", title="Ferry figures")])
    claim = "Sundlinjen carried 1.2 million passengers across the Öresund last year"
    origins = (_origin("document", "its annual report"), _origin("outlet", "Local Wire"))
    [v] = Verifier(ix, k=3).verify([ClaimQuery(claim, origins=origins, parties=("Sundlinjen",), published="2025-05-12")])
    own = [e for e in v.evidence if e.outlet == "Sundlinjen AB" and e.stance == "supports"]
    assert own and not own[0].same_origin and own[0].origin == "document:its annual report"
    assert all(e.same_origin for e in v.evidence if e.outlet == "Morning Wire" and e.stance == "supports")
    assert v.label == "SUPPORTED" and "first-hand" in v.reason


# ---------------------------------------------------------------- datelines
def test_a_dateline_is_not_a_source():
    assert strip_dateline("OSLO, March 5 - Denmark") == "Denmark"
    assert strip_dateline("OSLO (Reuters) - Norway") == "Norway"
    assert strip_dateline("OSLO") == ""  # a city in capitals, as datelines write it
    assert strip_dateline("NATO") == "NATO" and strip_dateline("USA") == "USA"
    d = analysis.analyze_text("OSLO - Denmark, Norway and Sweden said on Wednesday they would set up a joint office to "
                              "protect undersea cables in the Baltic Sea.", outlet="Nordic Wire")
    keys = {o.key for o in claim_origins(d.attributions, "Nordic Wire")}
    assert not any("oslo" in k for k in keys)
    got = from_sentence("OSLO, March 5 - Denmark, Norway and Sweden said they would set up a joint office.",
                        Span(0, 83, "OSLO, March 5 - Denmark, Norway and Sweden said they would set up a joint office."))
    assert got.text.startswith("Denmark, Norway and Sweden")


def test_the_source_a_report_cites_is_not_what_it_claims():
    text = ("Solara plans to bring in crew and aircraft from a Portuguese charter operator to cover some routes, the Madrid "
            "daily El Observador Económico reported, citing an airline executive it did not name.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    got = what_is_claimed(d.article.text, c, d.attributions)
    assert got.text == "Solara plans to bring in crew and aircraft from a Portuguese charter operator to cover some routes"
    # The cited source still counts as part of the report when deciding the content is the claim.
    text = ("At least 143 people have died of heatstroke in the Indian state of Odisha since the start of May, the "
            "Bhubaneswar newspaper Kalinga Times reported on Sunday, citing state health department data.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    assert what_is_claimed(d.article.text, c, d.attributions).text == (
        "At least 143 people have died of heatstroke in the Indian state of Odisha since the start of May")


def test_the_quoted_organisations_own_release_confirms_first_hand_but_an_outlets_own_copy_does_not():
    stats = Origin("organisation:national bureau of statistics", "the National Bureau of Statistics", re.compile("x"))
    release = "Headline consumer price inflation eased to 18.2 per cent in September, the bureau's monthly CPI report shows."
    assert first_hand(stats, (), "National Bureau of Statistics", release) == "National Bureau of Statistics"
    paper = Origin("outlet:lagos ledger", "the Lagos Ledger", re.compile("x"))
    assert first_hand(paper, (), "Lagos Ledger", "The naira would be allowed to float, the Lagos Ledger reported.") is None


def test_an_infinitive_after_a_refusal_is_no_statement_and_the_sentence_is_claimed():
    text = "The central bank declined to comment on internal procedures."
    d = analysis.analyze_text(text)
    [c] = d.claims
    assert what_is_claimed(d.article.text, c, d.attributions).text == text


def test_a_stance_cue_is_read_by_its_lemma_so_an_irregular_form_is_claimed_whole():
    text = ("The government has sought a larger share of lithium revenue since announcing a national lithium strategy "
            "in 2023 that gives the state control of new projects.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    assert what_is_claimed(d.article.text, c, d.attributions).text == text


def test_a_wire_dateline_names_the_articles_own_outlet():
    from veracity.verify.origin import dateline_outlet

    assert dateline_outlet("KUALA LUMPUR, March 18 (Straits Economic Wire) - US Customs and Border Protection has barred") == "Straits Economic Wire"
    assert dateline_outlet("OSLO, March 5 - Norway will close the crossing") is None
    assert dateline_outlet("The council said on Monday (local time) that") is None


def test_a_trailing_decision_or_finding_is_who_decided_not_what_is_claimed():
    text = ("The North Denmark Region will stop births at Hjorring Regional Hospital from March 1, moving about 1,400 "
            "deliveries a year to Aalborg, the region's health committee decided on Tuesday.")
    got = from_sentence(text, Span.of(text, 0, len(text)))
    assert got.text == ("The North Denmark Region will stop births at Hjorring Regional Hospital from March 1, moving about 1,400 "
                        "deliveries a year to Aalborg")
    inquiry = "Corroded suspension cables caused the bridge to fail, the inquiry found."
    assert from_sentence(inquiry, Span.of(inquiry, 0, len(inquiry))).text == "Corroded suspension cables caused the bridge to fail"


def test_a_comma_inside_a_figure_starts_no_trailing_attribution():
    text = "Rhenavia, founded in 1998, employs about 3,100 people and reported sales of 1.9 billion francs last year."
    assert from_sentence(text, Span.of(text, 0, len(text))).text == text
    said = "The company employs about 3,100 people, a spokesman said."
    assert from_sentence(said, Span.of(said, 0, len(said))).text == "The company employs about 3,100 people"


def test_where_it_was_said_is_no_part_of_what_was_said():
    from veracity.records import Span

    text = "Labour Minister Prasert Chaiyasit told reporters in Bangkok that inspectors would visit the factory this week."
    assert from_sentence(text, Span(0, len(text), text)).text == "inspectors would visit the factory this week."


def test_who_told_whom_then_what_claims_the_content_and_a_told_with_content_is_no_trailing_phrase():
    text = ("A senior engineer involved in load tests, who asked not to be named, told the Deccan Standard newspaper that "
            "hairline cracks had been found in two bearings last month.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    assert what_is_claimed(d.article.text, c, d.attributions).text.endswith("hairline cracks had been found in two bearings last month")
    # Without attributions, the sentence is not cut before its content.
    assert from_sentence(text, Span(0, len(text), text)).text == text


def test_a_denial_of_reports_is_claimed_whole():
    from veracity.records import Span

    text = "The government has denied reports that it intends to devalue the somoni as part of the IMF deal."
    assert from_sentence(text, Span(0, len(text), text)).text.startswith("The government has denied reports that")
    text = "The Financial Times reported that the government intends to devalue the somoni as part of the IMF deal."
    assert from_sentence(text, Span(0, len(text), text)).text.startswith("the government intends")
