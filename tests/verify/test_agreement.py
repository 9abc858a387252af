"""Frame-level agreement (veracity.verify.agreement) and the judge's use of it: a report that
states the claim's event in other words supports it, with the matched words named; one that
shares the words but negates, denies, opposes, reverses or omits the claim's figure does not."""

import pytest

from veracity.verify import lexicon
from veracity.verify.agreement import agreement

pytestmark = pytest.mark.skipif(not lexicon.available(), reason="WordNet data files (wordnet-base) not installed")

BANK = "Harcourt Bank plans to close about 40 branches across northern England by the end of next year"
MP = ("Sarah Lowe, the MP for Penrith and Solway, said Harcourt Bank had written to her office confirming that around 40 "
      "of its branches in the north of England would shut before the end of next year.")


def test_wordnet_relations_name_how_two_words_relate():
    assert lexicon.related("close", "v", "shut", "v") == "synonym"
    assert lexicon.related("merge", "v", "combine", "v") == "synonym"
    assert lexicon.related("talks", "n", "negotiate", "v") == "derived"
    assert lexicon.related("evacuate", "v", "move", "v") == "broader"
    assert lexicon.related("move", "v", "evacuate", "v") == "narrower"
    assert lexicon.related("close", "v", "sell", "v") is None
    assert "lose" in lexicon.antonyms_of("win", "v")


def test_a_step_up_the_hierarchy_is_taken_from_a_words_first_senses_only():
    # "repair" as "resort, go to a place" (its third sense) is a kind of "move"; repairs to a
    # building do not state that a faculty moves.
    assert lexicon.related("move", "v", "repair", "v") is None
    assert lexicon.related("evacuate", "v", "move", "v") == "broader"
    assert agreement("The University of Lyon is preparing to move its medical faculty from the city centre to a new campus",
                     "The University of Lyon's estates director said repairs to the medical faculty's buildings would cost "
                     "about 28 million euros.") is None


def test_a_synonym_with_the_same_party_and_figure_agrees_and_says_which_words():
    a = agreement(BANK, MP)
    assert a is not None and a.figures and "Harcourt Bank" in a.parties
    assert "'close' ~ 'shut' (synonym)" in a.detail and "'about 40 branches' ~ 'around 40 of its branches'" in a.detail


def test_an_event_noun_stands_for_its_verb():
    a = agreement("Kestrel is also in talks to supply chips to Japanese carmaker Tanaka Motors",
                  "Tanaka Motors confirmed on Thursday that it was negotiating a multi-year agreement with Kestrel Semiconductors "
                  "for power chips used in its electric models.")
    assert a is not None and "negotiat" in a.detail and "Tanaka Motors" in a.parties


def test_the_main_predicate_must_match_not_a_clause_that_adds_a_detail():
    # "putting 250 jobs at risk" is a consequence; "close" is what is claimed and is matched.
    assert agreement("The airline also plans to close its cabin crew base at the airport, putting about 250 jobs at risk",
                     "The union said the airline had told it the Manchester cabin crew base would close in January, with about "
                     "250 staff facing redundancy.") is not None
    # Another action on the same things is not the claim's event.
    assert agreement("Budget airline SkyLark Airways will cut 14 routes from Manchester Airport this winter",
                     "SkyLark Airways will launch 14 routes from Manchester Airport this winter.") is None


@pytest.mark.parametrize("evidence", [
    "Harcourt Bank said it would not shut around 40 of its branches in the north of England before the end of next year.",
    "Harcourt Bank denied that around 40 of its branches in the north of England would shut before the end of next year.",
    "Councils oppose plans by Harcourt Bank to shut around 40 of its branches in the north of England next year.",
    "Harcourt Bank will open around 40 branches in the north of England before the end of next year.",
])
def test_negation_denial_stance_or_antonym_on_one_side_blocks_agreement(evidence):
    assert agreement(BANK, evidence) is None


def test_a_report_of_the_event_without_the_claims_figure_does_not_confirm_the_figure():
    assert agreement("The core was drilled to a depth of 2,800 metres at a site called Concordia Ridge",
                     "Italy's National Research Council, which leads the drilling project, said dating of the Concordia Ridge "
                     "core showed ice more than 1.5 million years old.") is None


def test_every_named_party_must_be_named_in_the_evidence():
    assert agreement(BANK, MP.replace("Harcourt Bank", "Caldwell Group")) is None


def test_a_stance_about_the_event_does_not_report_it():
    assert agreement("Harwick University and St Aldric College are in talks to merge by September 2026",
                     "The Welsh Government said it supports a merger between Harwick University and St Aldric College.") is None


from stub_model import FixedModel as _Model  # noqa: E402


def test_the_judge_supports_a_paraphrase_with_a_figure_even_when_the_model_leans_to_refutes():
    from veracity.verify.judge import FRAME_FIGURE_MAX_REFUTES, judge

    [j] = judge(_Model([0.16, 0.83, 0.01]), BANK, [MP], [0.85])
    assert j.stance == "supports" and "shut" in j.why
    [sure] = judge(_Model([0.02, FRAME_FIGURE_MAX_REFUTES + 0.05, 0.03]), BANK, [MP], [0.85])
    assert sure.stance == "nei"


def test_the_judge_needs_a_moderate_support_without_a_figure():
    from veracity.verify.judge import FRAME_MIN_SUPPORTS, judge

    claim = "Harwick University and St Aldric College are in talks to merge by September 2026"
    ev = ("St Aldric College principal Nia Howells confirmed that the college's governors had opened formal discussions with "
          "Harwick University about combining the two institutions.")
    [j] = judge(_Model([0.37, 0.11, 0.52]), claim, [ev], [0.66])
    assert j.stance == "supports" and "combine" in j.why
    [low] = judge(_Model([FRAME_MIN_SUPPORTS - 0.1, 0.11, 0.8]), claim, [ev], [0.66])
    assert low.stance == "nei"


def test_a_petition_against_closures_does_not_report_the_closures():
    from veracity.verify.agreement import agreement

    c = "The district will also close four elementary schools in Georgetown at the end of the school year"
    e = ("Parents from four Georgetown elementary schools handed a petition with about 3,200 signatures to the Brazos Ridge "
         "ISD administration building on Friday, asking trustees to rule out school closures.")
    assert agreement(c, e) is None


def test_the_same_event_told_from_the_other_side_agrees_only_between_different_agents():
    a = agreement("Romania will buy 500,000 additional doses of measles vaccine",
                  "Belgian vaccine maker Veltra Biologics said on Tuesday it had signed a contract to supply half a million doses "
                  "of its measles, mumps and rubella vaccine to the Romanian Health Ministry.")
    assert a is not None and "converse" in a.actions[0] and a.figures
    a = agreement("A fire at a garment factory killed 11 workers late on Tuesday",
                  "The provincial People's Committee said on Wednesday that eleven employees died and 23 were injured in the blaze.")
    assert a is not None and "'kill' ~ 'die' (converse)" in a.actions
    # The same agent buying and selling is the opposite deal, not the same one.
    assert agreement("Maison Verlaine has agreed to buy the Ardbhan distillery for 180 million pounds",
                     "Maison Verlaine intends to sell the Ardbhan distillery for 180 million pounds.") is None


def test_curated_news_paraphrases_and_the_patients_head_noun():
    a = agreement("The Karnataka High Court has suspended work on the Kalkeri dam on the Aghanashini river",
                  "A division bench of the Karnataka High Court on Tuesday stayed all construction on the Kalkeri dam project.")
    assert a is not None and "paraphrase" in a.actions[0]
    # What is acted on must be the same thing: the opening of a factory is not jobs at the plant.
    assert agreement("Kestrel Semiconductors has postponed the opening of its new chip factory in eastern Germany by two years",
                     "Saxony's economy minister said that around 600 planned jobs at the Kestrel plant would be delayed.") is None


def test_refusing_to_do_is_a_negation_on_one_side():
    assert agreement("Norway has refused to take part in the Nordic contribution",
                     "Norway will take part in the Nordic contribution to the EU force in Bosnia.") is None


def test_a_confirmation_carries_the_claims_first_figure_not_every_side_figure():
    claim = ("Kenya's electoral commission registered about 2.4 million new voters in its month-long mass registration drive, "
             "well short of its target of 6 million")
    a = agreement(claim, "The electoral commission said on Thursday that 2,412,566 new voters had been enrolled during the "
                         "30-day registration exercise that ended on 10 November.")
    assert a is not None and a.figures
    # Without the claim's own figure, a report of the event does not confirm it.
    assert agreement(claim, "The electoral commission said on Thursday that new voters had been enrolled during the "
                            "registration exercise, short of its target of 6 million.") is None


def test_agreeing_to_act_reports_the_decision_and_is_no_stance():
    a = agreement("Peru and Chile will run a joint patrol of about 12 vessels along their maritime border",
                  "Peru's defence minister said the two governments had agreed to run a joint patrol of around 12 vessels "
                  "along the maritime border.")
    assert a is not None and a.figures
    # A stance on the patrol is still no report of it.
    assert agreement("Peru and Chile will run a joint patrol of about 12 vessels along their maritime border",
                     "Peru's defence minister said the government supports a joint patrol of around 12 vessels along "
                     "the maritime border.") is None


def test_the_evidences_verb_of_saying_is_no_paraphrase_of_the_claims_action():
    assert agreement("The plan was presented to head teachers by Ramon Ortiz",
                     "Ortiz stays with the agency as its head of planning, the agency said in a statement.") is None


def test_a_light_verb_matches_only_itself():
    assert agreement("The first section of the fence would run north from the Ban Khlong Luek crossing",
                     "The Ban Khlong Luek crossing would stay unfenced to keep trade flowing, he said.") is None


def test_a_sentence_naming_no_party_is_about_the_one_its_title_names():
    claim = "Harbourline will invest about 480 million dollars over seven years to deepen the berths at Mombasa"
    ev = "The Dubai-based operator said it would spend close to 480 million dollars over seven years deepening the berths at Mombasa."
    assert agreement(claim, ev) is None
    assert agreement(claim, ev, title="Harbourline wins Mombasa terminal concession") is not None
    # A sentence naming another party of its own is that party's, whatever the title says.
    other = "Kestrel Ports said it would spend close to 480 million dollars over seven years deepening the berths at Mombasa."
    assert agreement(claim, other, title="Harbourline wins Mombasa terminal concession") is None


def test_the_same_stance_in_other_words_by_a_countrys_body():
    a = agreement("Iceland's government has backed the plan",
                  "Iceland's foreign ministry said on Wednesday that the government supported the proposal by Norway and "
                  "Canada to keep fighter aircraft at Keflavik year-round.")
    assert a is not None and a.parties == ("Iceland",) and "'back' ~ 'support'" in a.actions[0]
    # the opposite stance is no agreement
    assert agreement("Iceland's government has backed the plan",
                     "Iceland's foreign ministry said on Wednesday that the government opposed the proposal.") is None


def test_a_party_is_found_by_its_initials():
    a = agreement("The European Union plans to double its civilian monitoring mission in Georgia to about 400 observers",
                  "A spokesman for the EU's External Action Service confirmed on Wednesday that member states had agreed to "
                  "roughly double the monitoring mission in Georgia, from about 200 to about 400 monitors.")
    assert a is not None and a.parties == ("The European Union",)
