"""Who acts (veracity.verify.parties), and the checks and supports that depend on it: a figure,
place or date of another party's event, or of another place, is not a conflicting one."""

import pytest

from veracity.verify.contradiction import contradictions
from veracity.verify.parties import acting_names, acting_parties, different_parties, reported_content
from veracity.verify.reading import read

NURSES = "The health ministry will hire 2,000 additional nurses by March to ease pressure on hospitals in the north of England"
SCOTLAND = "The Scottish government said it would recruit 500 nurses from overseas for hospitals in Glasgow and Edinburgh."
UNION = ("The Nurses' Union said on Wednesday that the ministry would hire only about 800 additional nurses for northern "
         "hospitals, not 2,000, because most of the posts had already been announced last year.")
FERRY = "Sundlinjen carried 1.2 million passengers across the Öresund last year"
RIVAL = "Västtrafik's ferries in Gothenburg carried 3 million passengers last year, a record, the operator said."


def kinds(claim, evidence, cos=0.6):
    return sorted({c.kind for c in contradictions(claim, evidence, cos)})


def test_the_acting_party_is_the_agent_or_possessor_with_pronouns_resolved():
    assert acting_parties(read(NURSES)) == {"health"}
    assert acting_parties(read(SCOTLAND)) == {"scottish"}  # "it would recruit": the government said so
    assert acting_parties(read(RIVAL)) == {"västtrafik"}  # "Västtrafik's ferries in Gothenburg": not Gothenburg
    assert acting_parties(read(UNION)) == set()  # "the ministry": a generic word names no one in particular
    assert acting_names(read(FERRY)) == ("Sundlinjen",)


def test_two_parties_neither_naming_the_other_are_different_but_a_shared_or_unnamed_one_is_not():
    assert different_parties(read(NURSES), read(SCOTLAND)) == "health vs scottish"
    assert different_parties(read(FERRY), read(RIVAL)) == "sundlinjen vs västtrafik"
    assert different_parties(read(NURSES), read(UNION)) is None
    assert different_parties(read(FERRY), read("In 2024 Sundlinjen carried 1.2 million passengers, its annual report shows.")) is None
    # A party named on the other side, as the seller's customer or by nationality, is the same event.
    assert different_parties(read("Romania will buy 500,000 additional doses of measles vaccine"),
                             read("Veltra Pharma said it would supply 300,000 doses of measles vaccine to Romania.")) is None
    assert different_parties(read("Swedish officials will send two coast guard vessels"),
                             read("Sweden's navy will send four vessels to the Baltic.")) is None


def test_another_partys_figure_is_not_a_conflicting_figure():
    assert kinds(NURSES, SCOTLAND) == []  # no number, no place: another government's programme
    assert kinds(FERRY, RIVAL) == []
    # The same employer's figure, by a third party, still conflicts.
    assert kinds(NURSES, UNION) == ["number"]
    # A claim that does not say whose passengers is compared with the operator's own figure.
    assert "number" in kinds("Passenger numbers fell by 5% in the first half of the year",
                             "Sundlinjen's passenger numbers rose by 2% in the first half of the year, the company said.")


def test_figures_of_two_places_are_two_figures():
    claim = "Harcourt Bank will close 40 branches in northern England next year"
    ev = "Harcourt Bank will close 12 branches in Scotland next year, the bank said."
    assert "number" not in kinds(claim, ev)
    assert "number" in kinds(claim, "Harcourt Bank will close 25 branches in northern England next year, the bank said.")


def test_who_a_figure_was_reported_to_is_not_what_it_counts():
    ev = ("The University of Lyon's estates director, Paul Morel, told the regional council on Monday that repairs to the "
          "medical faculty's buildings on Rue Laennec would cost about 28 million euros.")
    assert reported_content(read(ev)).startswith("that repairs to the medical faculty")
    assert "number" not in kinds("The regional council approved 12 million euros last year for a new library on the "
                                 "Villeurbanne campus.", ev, 0.40)
    assert "number" in kinds("the faculty's buildings on Rue Laennec needed repairs costing 45 million euros", ev, 0.80)


from stub_model import FixedModel as _Model  # noqa: E402


def test_another_partys_event_supports_nothing_either():
    from veracity.verify.judge import judge

    same_figure = "Västtrafik's ferries carried 1.2 million passengers across the Öresund last year, the operator said."
    [j] = judge(_Model([0.9, 0.05, 0.05]), FERRY, [same_figure], [0.8])
    assert j.stance == "nei"
    [own] = judge(_Model([0.9, 0.05, 0.05]), FERRY, ["Sundlinjen carried 1.2 million passengers across the Öresund last year."], [0.9])
    assert own.stance == "supports"


@pytest.mark.parametrize("p", [[0.19, 0.58, 0.23]])
def test_a_sentence_with_the_claims_figure_and_most_of_its_words_supports_though_the_model_leans_to_refutes(p):
    from veracity.verify.judge import FRAME_FIGURE_MAX_REFUTES, judge

    claim = "The regional council approved 12 million euros last year for a new library on the Villeurbanne campus."
    ev = ("The Auvergne-Rhône-Alpes regional council voted in 2024 to give 12 million euros towards a new library on the "
          "University of Lyon's Villeurbanne campus, council minutes show.")
    [j] = judge(_Model(p), claim, [ev], [0.8], "2025-06-10", ["2025-02-14"])
    assert j.stance == "supports" and "'12 million euros' ~ '12 million euros'" in j.why
    [sure] = judge(_Model([0.02, FRAME_FIGURE_MAX_REFUTES + 0.05, 0.03]), claim, [ev], [0.8], "2025-06-10", ["2025-02-14"])
    assert sure.stance == "nei"
    other = ev.replace("12 million", "20 million")
    [fig] = judge(_Model(p), claim, [other], [0.8], "2025-06-10", ["2025-02-14"])
    assert fig.stance == "refutes" and fig.checks[0].kind == "number"


def test_the_same_action_done_to_two_named_parties_is_two_events():
    from veracity.verify.contradiction import contradictions
    from veracity.verify.parties import different_patients

    claim = "Peru's environmental regulator OEFA has fined Toronto-based Northcrest Minerals 14.6 million soles"
    ev = "OEFA fined Lima-based Minera Cordillera Azul 3.2 million soles for dust emissions in the Junin region."
    assert different_patients(read(claim), read(ev))
    assert not contradictions(claim, ev, 0.7)
    # The same parties in converse roles are one deal, not two.
    assert different_patients(read("Maison Verlaine has agreed to buy the Ardbhan distillery from Kinloch Spirits"),
                              read("Kinloch Spirits will sell Ardbhan to Maison Verlaine")) is None


def test_a_party_named_only_by_its_home_names_no_other_party():
    from veracity.verify.parties import different_parties
    from veracity.verify.reading import read

    claim = read("Harbourline will invest about 480 million dollars over the first seven years.")
    assert different_parties(claim, read("The Dubai-based operator said it would spend close to 480 million dollars.")) is None
    assert different_parties(claim, read("Kestrel Ports, the Dubai-based operator, said it would spend 480 million dollars."))


def test_a_bodys_member_states_are_no_other_party():
    from veracity.verify.parties import different_parties

    claim = read("The European Union plans to double its civilian monitoring mission in Georgia to about 400 observers")
    ev = read("A spokesman for the EU's External Action Service confirmed on Wednesday that member states had agreed to "
              "roughly double the monitoring mission in Georgia, from about 200 to about 400 monitors.")
    assert different_parties(claim, ev) is None
