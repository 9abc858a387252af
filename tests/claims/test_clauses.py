"""A claim per statement: a sentence is cut where its parse shows a second statement with a
subject of its own (claims.clauses), and nowhere else."""

from __future__ import annotations

import pytest
from claims_helpers import claim_containing

from veracity.options import Options


def _texts(d) -> list[str]:
    return [c.span.text for c in d.claims]


def test_contrast_after_the_main_clause(claims_run):
    d = claims_run("Germany would provide the largest contingent, some 800 soldiers, the newspaper said, "
                   "while Poland would send 400 engineers.")
    assert _texts(d) == ["Germany would provide the largest contingent, some 800 soldiers, the newspaper said",
                         "Poland would send 400 engineers."]
    assert [q.span.text for q in d.claims[1].quantities] == ["400 engineers"]
    assert {c.sentence_index for c in d.claims} == {0}


def test_contrast_before_the_main_clause_with_the_misattached_subject(claims_run, claims_demo):
    a = claim_containing(claims_demo, "signaled cautious support")
    b = claim_containing(claims_demo, "voiced strong opposition")
    assert a.span.text == "some countries, including Germany and Poland, have signaled cautious support"
    assert b.span.text.startswith("others\u2014particularly in Scandinavia")
    assert a.sentence_index == b.sentence_index and a.id != b.id


def test_coordinated_clause_with_its_own_subject(claims_run):
    d = claims_run("South Sudan's government has accepted the proposal, the diplomat said, "
                   "and the first 50 observers could arrive within a month.")
    assert _texts(d) == ["South Sudan's government has accepted the proposal, the diplomat said",
                         "the first 50 observers could arrive within a month."]


@pytest.mark.parametrize("text", [
    "The company cut 300 jobs and closed its plant near Lyon last year.",  # one subject, two verbs
    "The ministry will send 200 doctors to the province if the outbreak spreads to the capital.",  # a condition
    "Italy backs the plan, while Spain does not.",  # a piece too short to stand alone
    "The firm, which employs 4,000 people and whose shares rose 5 percent, said it would expand.",  # relative clauses
])
def test_one_statement_is_one_claim(claims_run, text):
    d = claims_run(text)
    assert _texts(d) == [text]


def test_setting_off_keeps_a_claim_per_sentence():
    from veracity.pipeline import Pipeline

    text = "Germany would send 800 soldiers, the newspaper said, while Poland would send 400 engineers."
    stages = ("text.spacy.v1", "claims.extract.v1")
    on = Pipeline(Options(stages=stages))
    off = Pipeline(Options(stages=stages), stage_config={"claims.extract.v1": {"clauses": False}})
    assert on.config["claims.extract.v1"] == {"clauses": True}  # the default_config
    assert len(on.analyze(text).claims) == 2
    assert [c.span.text for c in off.analyze(text).claims] == [text]


def test_spans_are_exact(claims_run):
    text = ("Qatar has endorsed the regional air defence plan, while Syria's foreign ministry has condemned it as an "
            "escalation, the newspaper said.")
    d = claims_run(text)
    assert len(d.claims) == 2
    for c in d.claims:
        assert text[c.span.start:c.span.end] == c.span.text


def test_a_list_of_countries_sharing_a_verb_is_a_claim_each(claims_run):
    d = claims_run("Italy would contribute two frigates, Spain a frigate and a supply ship, and France a minehunter, "
                   "the newspaper said.")
    assert _texts(d) == ["Italy would contribute two frigates", "Spain a frigate and a supply ship",
                         "France a minehunter, the newspaper said."]
    assert [[r.text for r in c.reading] for c in d.claims] == [
        [], ["Spain", "would contribute", "a frigate and a supply ship"], ["France", "would contribute", "a minehunter"]]
    d = claims_run("Turkey would contribute roughly 900 of the instructors, Jordan about 600 and Saudi Arabia the rest, "
                   "the diplomat said.")
    assert [" ".join(r.text for r in c.reading) for c in d.claims[1:]] == ["Jordan would contribute about 600",
                                                                          "Saudi Arabia would contribute the rest"]


def test_no_list_without_a_name_and_what_it_gets(claims_run):
    text = ("The commission found that the company had made the profiles visible between July 2023 and March 2025, "
            "a commissioner told reporters.")
    assert _texts(claims_run(text)) == [text]


def test_a_clause_about_a_party_named_before_stays_with_it(claims_run):
    text = ("Kwabena Ansah Mining's licence had expired in June and the company was operating without a valid permit, "
            "an official at the Minerals Commission said.")
    assert _texts(claims_run(text)) == [text]
    text = ("Four West African countries plan to send about 2,400 troops to Guinea-Bissau, the Lagos-based West Africa "
            "Chronicle reported on Wednesday, citing a senior regional diplomat.")
    assert _texts(claims_run(text)) == [text]  # a trailing report of who said it is no second claim


def test_while_without_a_comma_is_a_time(claims_run):
    text = "The licence will stay suspended for up to six months while the company prepares a new environmental plan."
    assert _texts(claims_run(text)) == [text]


def test_a_list_cut_short_at_the_end_of_the_text(claims_run):
    # (the fuzz corpus found the scan past a trailing separator reading beyond the last token)
    for text in ("France would send six jets, and", "France would send six jets,"):
        d = claims_run(text)
        assert [c.span.text for c in d.claims] and all(text[c.span.start:c.span.end] == c.span.text for c in d.claims)



def test_a_name_the_parser_joined_to_the_object_before_is_the_next_verbs_subject(claims_run):
    d = claims_run("Its headquarters would be at Naqoura, where the UN peacekeepers are based, and Italy, which has "
                   "about 1,000 soldiers in the current mission, would provide the force commander, the diplomat said.")
    texts = _texts(d)
    assert len(texts) == 2 and texts[1].startswith("Italy, which has about 1,000 soldiers")
    # ... a name ending a list before a verb with its own "and" is no subject
    d = claims_run("The ship sailed from Gdansk and Rotterdam, and would arrive in Lagos on Friday, the operator said.")
    assert len(d.claims) == 1
