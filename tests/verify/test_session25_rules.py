"""Rules added for the blind sets 65-68 (session 25), each on the sentence shape that needed it:
a denial by the owner of the claim's subject, an intention denied by the party, a verdict word
that describes a thing, opposite quarters of a compound direction, a corrected date, two bodies
of two kinds, those living somewhere against those moved, a count before a relative date."""

from veracity.verify import judge as J
from veracity.verify.contradiction import contradictions
from veracity.verify.denial import check_denial, denial_words
from veracity.verify.reported_denial import same_denial
from veracity.verify.figures import agreeing_numbers, unconfirmed_figure
from veracity.verify.reading import read

PUB = "2026-06-12"


def kinds(claim, evidence, cos=0.6, cp=None, ep=None):
    return sorted({c.kind for c in contradictions(claim, evidence, cos, cp, ep)})


def test_the_owner_of_the_claims_subject_is_the_party_concerned_by_its_own_denial():
    claim = read("Okafor's office has denied reports that the city is considering selling its water utility to close future budget gaps.")
    ev = read('"There is no plan to sell or lease the city\'s water utility, and the mayor has never considered it," '
              "Mayor Daniel Okafor's spokesman, Luis Ferreira, said on Monday, responding to reports that consultants had studied a sale.")
    assert "Okafor" in (same_denial(claim, ev) or "")
    # the planning verb read through to the denied action is part of what the claim reports denied
    assert "negation" not in kinds(claim.text, ev.text, 0.66)
    other = read('"There is no plan to sell or lease the city\'s water utility," a spokesman for the state governor said on Monday.')
    assert same_denial(claim, other) is None


def test_a_party_not_considering_what_the_claim_says_it_considers_denies_its_main_action():
    claim = "Denmark, which sent a frigate to the Gulf of Guinea in 2021, is also considering joining"
    ev = "Denmark is not considering joining the planned European escort mission in the Gulf of Guinea, the Danish defence ministry said on Friday."
    (check,) = [c for c in check_denial(read(claim), read(ev))]
    assert "claim's own action" in check.detail and "Denmark" in check.detail


def test_a_verdict_word_describing_a_thing_is_no_denial():
    ev = read("The insurance supervisor imposed a 12 million dirham penalty on Oudaya Assurances for late settlement "
              "of motor claims and inaccurate solvency statements.")
    assert denial_words(ev) == []
    assert denial_words(read("The ministry called the report inaccurate.")) != []


def test_a_figure_describing_a_noun_measures_in_its_unit():
    claim = "Morocco's insurance regulator has fined Oudaya Assurances 12 million dirhams for delays in settling motor claims"
    ev = "The insurance supervisor published a decision on Tuesday imposing a 12 million dirham penalty on Oudaya Assurances."
    assert agreeing_numbers(claim, ev)


def test_another_kind_of_body_fining_another_firm_is_another_fine():
    claim = "Morocco's insurance regulator has fined Oudaya Assurances 12 million dirhams for delays in settling motor claims"
    ev = "Morocco's capital market authority fined two Casablanca brokerage firms a combined 5 million dirhams for failing to report suspicious orders."
    assert "number" not in kinds(claim, ev)


def test_opposite_sides_of_the_story_city_by_compound_direction():
    claim = "Two fire stations on the city's south side will close in March, Fire Chief Marcus Bell told the council."
    ev = "The two fire stations slated to close in March are both on Milwaukee's far northwest side, Fire Department spokeswoman Carla Denton said."
    assert "place" in kinds(claim, ev)
    same_side = "The two fire stations slated to close in March are both on Milwaukee's far south side, a spokeswoman said."
    assert "place" not in kinds(claim, same_side)
    adjacent = "The two fire stations slated to close in March are both on Milwaukee's southwest side, a spokeswoman said."
    assert "place" not in kinds(claim, adjacent)


def test_none_of_them_negates_each_verb_they_share():
    claim = "The yacht belongs to a Queensland charter company whose directors have been questioned by Australian police"
    ev = ("Coral Meridian Charters said the vessel had been chartered to a private client in March and that none of its "
          "directors had been contacted or questioned by police.")
    assert "negation" in kinds(claim, ev)
    assert [f.negated for f in read("The police had not contacted or questioned its directors.").frames] == [True, True]
    assert [f.negated for f in read("Nobody was hurt and the road reopened.").frames] == [True, False]


def test_a_date_set_right_is_not_given_and_bare_days_compare_between_close_reports():
    claim = "Tonga's cabinet approved the request for outside help at a meeting on 2 April"
    ev = "Cabinet approved Tonga's request for regional police assistance on 19 March, not on 2 April as reported by Matangi Pacific News."
    assert "date" in kinds(claim, ev, 0.78, "2026-04-14", "2026-04-14")
    # a year apart, a bare "2 April" is guessed into two years: not compared
    assert "date" not in kinds(claim, ev, 0.78, "2026-04-14", "2025-03-01")


def test_a_count_before_a_relative_date_is_a_count_and_rises_count_the_subject():
    claim = "Attacks on ships in the Gulf of Guinea rose to 31 last year from 22 in 2024"
    r = read(claim, PUB)
    assert [q.value for q in r.quantities] == [31.0, 22.0]
    assert [d.span.text for d in r.dates] == ["last year", "2024"]
    ev = ("The Maritime Incident Reporting Centre in Accra recorded 31 attacks on ships in the Gulf of Guinea in 2025, "
          "up from 22 the year before, according to its annual report.")
    assert len(agreeing_numbers(claim, ev, PUB, "2026-06-08")) == 2
    assert unconfirmed_figure(r, read(ev, "2026-06-08")) is None



def test_a_place_after_a_statement_date_and_a_bound_is_still_compared():
    claim = "the city would relocate 600 families from the most exposed slopes to new social housing in the Robledo district by 2027"
    ev = ("The 600 social housing units for families to be moved off Medellin's most exposed eastern slopes are being built in "
          "San Antonio de Prado, in the city's south-west, Hogar Medellin director Natalia Ospina said on Tuesday.")
    assert "place" in kinds(claim, ev, 0.6, "2026-07-14", "2026-07-08")


def test_a_place_named_after_an_owner_of_several_words():
    claim = "The committee also found about 900 million yen of improper sales booked at the company's office in Bangkok."
    ev = ("The independent committee's report on Genkai Shoji also identified about 900 million yen of improper sales at "
          "the trading house's Ho Chi Minh City office.")
    assert "place" in kinds(claim, ev, 0.74)


def test_support_from_an_event_in_a_country_the_story_never_names_is_void():
    article = ("Australia, New Zealand, Fiji and Samoa are preparing to send police officers to Tonga, a broadcaster reported. "
               "Australia would provide 30 officers and a forensic team.")
    claim = read("Australia would provide 30 officers and a forensic team")
    ev = read("The Australian Federal Police will send 30 officers and a forensic team to Solomon Islands to help local police.")
    assert J._story_elsewhere(claim, ev, article)
    assert not J._story_elsewhere(claim, read("Australia will send 30 officers and a forensic team to Tonga."), article)
    tongan = read("Tongan police seized a record 400 kilograms of methamphetamine in 2025.")
    fiji = read("The 400 kilograms of methamphetamine found near Lautoka last year was the largest drug seizure in Fiji in 2025.")
    assert J._story_elsewhere(tongan, fiji, None)


def test_a_country_s_airspace_is_where_not_another_countrys_part():
    claim = "Austria has agreed to share radar data with the three air forces"
    ev = ("Austria's defence ministry said on Thursday it had made no agreement to share radar data with the NATO air "
          "forces policing Slovenian airspace.")
    assert "denial" in kinds(claim, ev, 0.82)


def test_a_bare_month_against_the_month_and_year_the_evidence_sets_right():
    claim = "Croatia will begin sharing air policing duties over Slovenia with Italy and Hungary from September"
    ev = ("Slovenia's defence ministry said on Thursday that the first Croatian air policing rotation over the country "
          "would begin in January 2027, not in September as reported.")
    assert "date" in kinds(claim, ev, 0.71, "2026-07-15", "2026-07-16")
    same = "Slovenia's defence ministry said the first Croatian air policing rotation would begin in September 2026."
    assert "date" not in kinds(claim, same, 0.71, "2026-07-15", "2026-07-16")


def test_taking_part_is_joining():
    claim = "Norway declined an invitation to join the task group"
    ev = "Norway will take part in the new North Sea task group, Defence Minister Sverre Haugland said on Wednesday."
    assert "negation" in kinds(claim, ev, 0.7)


def test_a_person_replaced_or_an_ombudsman_replaced_no_longer_holds_the_title():
    from veracity.verify.roles import check_roles
    claim = read("Song Han Land's chief executive, Tran Quoc Bao, told investors at a meeting in Da Nang that sales had slowed")
    ev = read("Song Han Land appointed Le Minh Chau as chief executive on Monday, replacing founder Tran Quoc Bao, who becomes chairman.")
    assert check_roles(claim, ev)
    claim = read("The national ombudsman, Lidia Banegas, a former appeals court judge, said her staff had not been allowed to visit the site")
    ev = read("Congress elected Oscar Mejia Paz as national human rights commissioner, the country's ombudsman, replacing Lidia Banegas.")
    assert check_roles(claim, ev)


def test_a_bare_month_still_meets_another_month_told_as_a_day():
    claim = "The plan follows the hijacking in January of the Bora Star, a tanker operated by Busan-based Daeyang Marine"
    ev = "Daeyang Marine said on Thursday that its tanker Bora Star, boarded by armed men on December 28 about 45 nautical miles south of Brass, had been released."
    assert "date" in kinds(claim, ev, 0.75, "2027-01-08", "2027-01-07")


def test_ruling_out_taking_part_negates_it():
    from veracity.verify.reading import read as r
    frames = r("Petr Hajek ruled out taking part in any government that would put up taxes on motor fuel.").frames
    assert [(f.lemma, f.negated) for f in frames if f.lemma == "take"] == [("take", True)]


def test_a_count_since_the_start_of_the_year_is_a_running_total():
    claim = "Cambodia has arrested more than 9,000 people in similar raids since the start of the year"
    ev = "Preah Sihanouk provincial governor Kheang Sophal said on Wednesday that 1,140 people had been detained in Tuesday's raid."
    assert "number" not in kinds(claim, ev, 0.6)


def test_one_action_for_two_purposes_is_two_missions():
    claim = ("Australia, New Zealand, Fiji and Samoa are preparing to send police officers to Tonga to help curb "
             "methamphetamine trafficking through the port of Nuku'alofa")
    ev = ("The Australian Federal Police will send 30 officers and a forensic team to Solomon Islands to help local police "
          "investigate a series of armed robberies in Honiara, the AFP said on Thursday.")
    assert "place" not in kinds(claim, ev, 0.56)
    same = ("Australia, New Zealand, Fiji and Samoa will send police officers to Vanuatu to help curb methamphetamine "
            "trafficking through the port of Port Vila.")
    assert "place" in kinds(claim, same, 0.7)
