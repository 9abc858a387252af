"""The judge's own rules, given the model's reading of a pair (a fixed stand-in for the
cross-encoder: the rules decide what a given reading leads to)."""


from veracity.verify.figures import significant_digits
from veracity.verify.judge import AGREEING_FIGURE_CONFIDENCE, judge


from stub_model import FixedModel as _Model  # noqa: E402


def test_significant_digits():
    assert [significant_digits(v) for v in (3.4, 620e6, 2300, 900, 14, 2)] == [2, 2, 2, 1, 2, 1]


def test_a_specific_figure_on_the_claims_topic_supports_it_in_other_words():
    claim = "Estonia spent 3.4% of its gross domestic product on defence in 2025, according to government figures."
    ev = ("Defence outlays in 2025 amounted to 3.4 per cent of GDP, the highest share on record, the finance ministry's "
          "annual report shows.")
    unsure = _Model([0.04, 0.33, 0.63])  # the cross-encoder's reading of this paraphrase
    [j] = judge(unsure, claim, [ev], [0.61])
    assert j.stance == "supports" and j.confidence == AGREEING_FIGURE_CONFIDENCE and "3.4 per cent" in j.why
    # Off the topic (cosine under the gate), a model leaning to REFUTES, or another figure: no side.
    assert judge(unsure, claim, [ev], [0.45])[0].stance == "nei"
    assert judge(_Model([0.04, 0.6, 0.36]), claim, [ev], [0.61])[0].stance == "nei"
    assert judge(unsure, claim, [ev.replace("3.4 per cent", "2.9 per cent")], [0.61])[0].stance != "supports"
    # A round figure ("about 900") is not specific enough on its own.
    troops = "Nordic governments are preparing to send about 900 troops to Bosnia"
    assert judge(unsure, troops, ["Officials said roughly 900 soldiers could go to the mission next year."], [0.6])[0].stance == "nei"


def test_a_claim_whose_content_names_no_actor_is_compared_by_its_sentences_actor():
    from veracity.verify.parties import acting_names, different_parties
    from veracity.verify.reading import read

    content = "will raise fares on its routes from Piraeus to the Cyclades by 18% from April 1"
    sentence = ("Greek ferry operator Aegean Blue Lines will raise fares on its routes from Piraeus to the Cyclades by 18% "
                "from April 1, according to a senior company executive quoted by the newspaper Limani.")
    other = read("Kriti Lines will raise fares on its routes from Piraeus to the Cyclades from April 1.")
    assert acting_names(read(content)) == ()
    assert not different_parties(read(content), other) and different_parties(read(sentence), other)
    got = judge(_Model((0.7, 0.1, 0.2)), content, [other.text], [0.8], sentence=sentence)[0]
    assert got.stance == "nei"
    assert judge(_Model((0.7, 0.1, 0.2)), content, [other.text], [0.8])[0].stance == "supports"


def test_the_models_support_needs_the_claims_figure_or_its_event():
    claim = "Siam Skyways plans to hire about 600 pilots and cabin crew to operate the new jets"
    other = ("Merlion Aero Leasing said on Thursday it had signed agreements to place 32 new single-aisle jets with "
             "Siam Skyways, making the Thai carrier its largest customer in Southeast Asia.")
    keen = _Model((0.75, 0.06, 0.19))  # the cross-encoder's reading of this pair
    assert judge(keen, claim, [other], [0.59])[0].stance == "nei"
    # A sentence naming the hiring, or close enough to need no parse, still supports.
    assert judge(keen, claim, ["Siam Skyways will hire about 600 pilots and cabin crew for the new aircraft."], [0.6])[0].stance == "supports"
    assert judge(keen, claim, [other], [0.75])[0].stance == "supports"


def test_a_figure_given_for_another_country_supports_nothing():
    claim = "Austria is preparing to send about 250 more soldiers to the NATO-led peacekeeping force in Kosovo"
    bosnia = ("The Austrian cabinet on Wednesday extended the country's participation in the EU force in Bosnia and "
              "Herzegovina, EUFOR Althea, for another year with up to 300 soldiers.")
    unsure = _Model((0.04, 0.24, 0.72))
    assert judge(unsure, claim, [bosnia], [0.58])[0].stance == "nei"
    assert judge(unsure, claim, [bosnia.replace("Bosnia and Herzegovina", "Kosovo")], [0.58])[0].stance == "supports"


def test_a_moderate_support_yields_to_a_not_on_one_side():
    claim = "The company's chief executive said its new silo terminal at the port would open in November."
    ev = ("Portmar Agri's new silo terminal in Constanta will not be ready this year and is now expected to start "
          "operating in April 2027, the company said.")
    assert judge(_Model((0.62, 0.1, 0.28)), claim, [ev], [0.7], "2026-09-22", ["2026-09-25"])[0].stance == "nei"
    # A strong support stands, when it gives the claim's month; one giving only another month
    # does not confirm the claim's (when.other_time).
    assert judge(_Model((0.9, 0.05, 0.05)), claim, [ev.replace("April 2027", "November")], [0.7], "2026-09-22",
                 ["2026-09-25"])[0].stance == "supports"
    assert judge(_Model((0.9, 0.05, 0.05)), claim, [ev], [0.7], "2026-09-22", ["2026-09-25"])[0].stance == "nei"


def test_a_support_placed_in_a_town_the_claim_never_names_is_none():
    from veracity.verify.judge import _placed_elsewhere
    from veracity.verify.reading import read

    claim = read("The government would also suspend the permits of two fishmeal plants in Saint-Louis", "2026-06-10")
    ev = read("The two fishmeal factories whose permits the ministry is suspending are both in Joal-Fadiouth.", "2026-06-11")
    assert _placed_elsewhere(claim, ev)
    ev = read("The ministry is suspending the permits of two fishmeal factories in Saint-Louis.", "2026-06-11")
    assert not _placed_elsewhere(claim, ev)
