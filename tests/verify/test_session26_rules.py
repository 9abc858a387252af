"""Rules added for the blind sets 69-72 (session 26), each on the sentence shape that needed it:
a title given straight after "was appointed", a name of several words opening a sentence as a
stance's holder, a place an action has "also", two holders' stakes, a stance inside a denied
report, a commitment to another thing, periods that end or span differently, places of earlier
actions, a share price's move, a limit set, a title "of" a body, an extension by another length."""

from veracity.verify.contradiction import contradictions
from veracity.verify.figures import check_numbers
from veracity.verify.negation import check_negation
from veracity.verify.reading import read
from veracity.verify.reported_denial import _claim_denial
from veracity.verify.roles import check_roles
from veracity.verify.when import check_dates
from veracity.verify.where import check_places

PUB = "2026-10-20"


def kinds(claim, evidence, cos=0.6, cp=None, ep=None):
    return sorted({c.kind for c in contradictions(claim, evidence, cos, cp, ep)})


def test_a_deadline_is_no_day_the_event_falls_on():
    claim = read("The changes come ahead of a vote on the 2027 budget, which the government wants approved by November 15.", PUB)
    ev = read("Lawmakers approved last year's budget on December 2, after a month of delays.", "2026-10-13")
    assert check_dates(claim, ev) == []
    # ... but a day an event is put off until is its day
    moved = read("The launch has been postponed until June 26.", "2026-06-01")
    assert [c.kind for c in check_dates(moved, read("The launch has been postponed until July 3.", "2026-06-02"))] == ["date"]


def test_a_title_given_straight_after_was_appointed_is_held_now():
    claim = read("It will be commanded by Colonel Yerlan Dzhaksybekov, the brigade's deputy commander, who served in Western Sahara.")
    ev = read("Colonel Yerlan Dzhaksybekov was appointed commander of Kazakhstan's peacekeeping brigade on Tuesday.")
    (check,) = check_roles(claim, ev)
    assert "deputy commander" in check.detail and "appointed commander" in check.detail


def test_a_name_of_several_words_opening_a_sentence_holds_the_stance_of_its_pronoun():
    claim = "The bulk carrier's Limassol-based owner, Aegis Bulk Carriers, has accepted responsibility for the collision"
    ev = ("Aegis Bulk Carriers said on Tuesday it rejected any liability for the collision in the Kattegat, saying the ferry "
          "had altered course in front of its vessel.")
    assert "polarity" in kinds(claim, ev)
    # a sentence's first word alone is still no holder's name
    assert "polarity" not in kinds(claim, "Officials said on Tuesday they rejected any liability for the collision in the Kattegat.")


def test_a_place_its_action_has_also_is_one_more_place():
    claim = read("Bayu Marin, which also runs bulk terminals in Penang and Kuantan, holds 60 percent of Selat Terminals.")
    ev = read("Selat Terminals, a company in which Bayu Marin owns a 60 percent stake, will develop and run a container terminal at Port Klang.")
    assert check_places(claim, ev) == []
    plain = read("Bayu Marin runs bulk terminals in Penang and Kuantan.")
    assert [c.kind for c in check_places(plain, read("Bayu Marin runs its bulk terminals at Port Klang."))] == ["place"]


def test_two_holders_stakes_are_two_figures():
    claim = read("Bach Dang International is a joint venture between state-owned Song Hong Port Corporation, which holds 51 percent, "
                 "and Japan's Kaiyo Logistics.")
    ev = read("Kaiyo Logistics said on Thursday it would contribute new capital to Bach Dang International, the terminal operator "
              "it owns jointly with Song Hong Port Corporation and in which it holds 49 percent.")
    assert check_numbers(claim, ev) == []
    same = read("Song Hong Port Corporation holds 49 percent of Bach Dang International, its filing shows.")
    assert [c.kind for c in check_numbers(claim, same)] == ["number"]


def test_a_stance_inside_a_denied_report_is_no_stance_and_a_commitment_is_to_its_thing():
    claim = "that Madrid had not agreed to cut the Tagus-Segura transfer, denying reports in the Portuguese press"
    denial = ("Agriculture Minister Tomas Rubio on Thursday rejected Portuguese newspaper reports that Spain had accepted a "
              "reduction in water transfers from the Tagus to Portugal.")
    assert "polarity" not in kinds(claim, denial)
    march = "Several thousand irrigators marched through Aranjuez on Wednesday against the new water terms agreed with Portugal."
    assert check_negation(read(claim), read(march)) == []
    assert check_negation(read("Madrid had not agreed to the water terms."), read("Madrid agreed to the water terms on Monday.")) != []
    # the denied action read through the negated verb of agreeing
    assert _claim_denial(read(claim))[2][0] == "cut"


def test_a_thing_lasting_to_another_year():
    claim = read("He said the volume of the transfer would remain at current levels until at least 2030.", "2026-03-20")
    ev = read("The ministry said that current volumes for the transfer are guaranteed only until the end of 2027.", "2026-03-19")
    (check,) = check_dates(claim, ev)
    assert "2030" in check.detail and "2027" in check.detail
    other = read("The ministry said that the old canal lease is guaranteed only until the end of 2027.", "2026-03-19")
    assert check_dates(claim, other) == []


def test_one_action_over_other_months():
    claim = read("Inspectors found that the company shipped about 240,000 packs of insulin to Germany between January and June.", PUB)
    ev = read("The company sent roughly 240,000 packs of insulin to buyers in Germany between July and December 2025.", PUB)
    assert [c.kind for c in check_dates(claim, ev)] == ["date"]
    assert check_dates(claim, read("The company sent 240,000 packs to Germany between January and June.", PUB)) == []


def test_places_of_earlier_actions_are_not_the_claims():
    claim = "Invima has ordered the temporary closure of a sterile injectables plant in Yumbo, near Cali."
    ev = ("A senior Invima official said it was the agency's third plant closure of the year, following actions in "
          "Medellin and Barranquilla.")
    assert "place" not in kinds(claim, ev)


def test_a_share_price_move_is_no_figure_of_another_change():
    claim = "its experimental tuberculosis vaccine cut the risk of pulmonary TB by 54 percent in a late-stage trial"
    assert "number" not in kinds(claim, "Sabarmati Biologics closed 14 percent higher on the National Stock Exchange on Tuesday.")
    shares = "Shares in Sabarmati Biologics rose 14 percent on the National Stock Exchange on Tuesday"
    assert "number" not in kinds(shares, "Sabarmati Biologics' tuberculosis vaccine reduced pulmonary TB by 54 percent in a study.")
    assert "number" in kinds(shares, "Shares in Sabarmati Biologics rose 4 percent on the National Stock Exchange on Tuesday.")


def test_a_limit_set_is_no_amount_imposed():
    claim = "the government would propose raising the maximum fine for such exports to 50 million crowns"
    ev = "The ministry said that the penalty imposed on Hanacka Farmacie for such exports was 12 million crowns."
    assert "number" not in kinds(claim, ev)


def test_a_title_of_a_body_is_another_post_in_its_domain():
    claim = read("Health Minister Jana Novotna said the government would propose raising the maximum fine.")
    ev = read("Jana Novotna, chair of the Chamber of Deputies' health committee, said on Tuesday she would propose raising the fine.")
    (check,) = check_roles(claim, ev)
    assert "another post" in check.detail
    assert check_roles(claim, read("Jana Novotna, chair of the party's finance council, spoke on Tuesday.")) == []


def test_an_extension_by_another_length_of_time():
    claim = read("the government would keep the Adre crossing open to aid convoys for another six months")
    ev = read("The commission said it had extended permission for aid convoys to use the Adre crossing by three months.")
    (check,) = check_numbers(claim, ev)
    assert "six months" in check.detail and "three months" in check.detail
    # two spells that extend nothing are not compared
    assert check_numbers(read("The crossing was closed for two weeks."), read("The port was shut for three weeks.")) == []


def test_two_companies_shares_and_two_things_of_one_word_move_apart():
    ravi = "Shares in Ravi Pharmaceuticals fell 9 percent on the Pakistan Stock Exchange on Tuesday"
    assert "polarity" not in kinds(ravi, "Shares in Karachi-based Indus Biotech rose 9 percent on the Pakistan Stock Exchange.")
    assert "polarity" in kinds(ravi, "Shares in Ravi Pharmaceuticals rose 4 percent on the Pakistan Stock Exchange on Tuesday.")
    costs = "Ethiopian officials said the agreement would cut the landlocked country's transit costs by about a fifth."
    assert "polarity" not in kinds(costs, "The port authority expects its transit revenue to rise by a fifth by 2028.")


def test_nationals_of_a_country_are_no_place():
    claim = ("Its 19 crew members, including nationals of India, Ghana and the Philippines, have been detained and will be "
             "handed to anti-corruption investigators")
    ev = "The Nigerian Navy on Tuesday handed 19 crew members of the tanker Kestrel Dawn, seized off Lagos in March, to investigators."
    assert "place" not in kinds(claim, ev)


def test_what_pledges_fell_short_of_is_no_pledged_sum():
    claim = "The pledges fell short of the 4.2 billion dollars that aid agencies say Sudan will need in 2027"
    assert "number" not in kinds(claim, "Kenya's foreign ministry said donors at the Rome conference on Sudan had committed 1.8 billion dollars.")


def test_a_date_in_a_clause_describing_a_plant_is_no_date_of_the_launch():
    claim = read("Parana Biotec expects to launch the drug in September at a price about 40 percent below the original.", "2026-07-10")
    ev = read("Its industrial director said the biosimilar would be manufactured at the company's new biologics plant in "
              "Venado Tuerto, which cost 45 million dollars and opened in March.", "2026-07-09")
    assert check_dates(claim, ev) == []
