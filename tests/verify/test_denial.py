"""Denials (veracity.verify.denial): a denial refutes a claim that asserts what is denied, not one
that only presupposes it; a claim that reports a denial is confirmed by that denial."""


from veracity.verify.contradiction import contradictions
from veracity.verify.denial import asserts_denied, by_party, of_main
from veracity.verify.reported_denial import same_denial
from veracity.verify.reading import read

NO_PLANS = "\"There are no plans to close the A&E at St Anne's,\" a ministry spokeswoman said."
DENIED = ("The health ministry on Wednesday denied reports that it was preparing to close the accident and emergency unit "
          "at St Anne's Hospital in Bradford.")
COUNCIL = "Helsingborg city council has denied that it plans to sell the municipal ferry company Sundlinjen"
LEADER = "Helsingborg's council leader, Per Ek, said on Monday that the city had no plans to sell Sundlinjen."


def kinds(claim, evidence, cos=0.6):
    return sorted({c.kind for c in contradictions(claim, evidence, cos)})


def test_a_denial_refutes_a_claim_that_asserts_the_denied_action():
    claim = "The ministry is preparing to close the accident and emergency unit at St Anne's Hospital in Bradford"
    assert kinds(claim, DENIED) == ["denial"]
    assert kinds(claim, NO_PLANS) == ["denial"]
    # The denied thing as what the main verb brings about ("drawn up a plan") is asserted too.
    assert kinds("The ministry has drawn up a plan to close the A&E unit at St Anne's Hospital", NO_PLANS) == ["denial"]


def test_a_denial_does_not_refute_a_claim_that_only_presupposes_what_is_denied():
    # The claim asserts that unions oppose the plan; "no plans" denies the plan, not the opposition.
    plan = "However, the relocation plan has faced opposition from student unions, many of which fear longer journeys."
    assert kinds(plan, "\"There are no plans to relocate the faculty,\" university spokesman Marc Girard said.") == []
    # ... nor a claim that names the closure in a side clause and asserts something else.
    assert kinds("St Anne's Hospital, which the ministry is preparing to close, treated 40,000 patients last year",
                 NO_PLANS) == []
    assert not asserts_denied(read(plan), ["plans", "relocate", "faculty"])
    assert asserts_denied(read("The university plans to relocate the faculty to Villeurbanne"), ["plans", "relocate", "faculty"])


def test_a_comma_inside_a_figure_starts_no_speaker():
    [c] = contradictions("European defence chiefs have unveiled a plan to deploy 10,000 troops to the Baltic states",
                         "There is no plan to deploy 10,000 troops to the Baltic states, a NATO spokesman said.", 0.6)
    assert c.kind == "denial" and "whom the claim is about" not in c.detail  # NATO is not a party the claim names


def test_a_claim_reporting_a_denial_is_confirmed_by_that_denial():
    why = same_denial(read(COUNCIL), read(LEADER))
    assert why is not None and "'denied' ~ 'had no plans'" in why and "'sell'" in why and "Helsingborg" in why
    # Never refuted by it: the claim reports the same denial.
    assert kinds(COUNCIL, LEADER) == []


def test_another_denial_is_not_the_same_denial():
    # Another action, another party's words, or no denial at all.
    assert same_denial(read(COUNCIL), read(LEADER.replace("sell", "close"))) is None
    assert same_denial(read(COUNCIL), read("The ferry workers' union said there were no plans to sell Sundlinjen.")) is None
    assert same_denial(read(COUNCIL), read("Helsingborg plans to sell Sundlinjen, the council leader said.")) is None
    assert same_denial(read("Helsingborg city council plans to sell the ferry company Sundlinjen"), read(LEADER)) is None


from stub_model import FixedModel as _Model  # noqa: E402


def test_the_judge_supports_the_same_denial_though_the_model_reads_it_as_refuting():
    from veracity.verify.judge import SAME_DENIAL_CONFIDENCE, judge

    [j] = judge(_Model([0.05, 0.95, 0.0]), COUNCIL, [LEADER], [0.7])  # the model's reading of this very pair
    assert j.stance == "supports" and j.confidence == SAME_DENIAL_CONFIDENCE and "same denial" in j.why
    [plain] = judge(_Model([0.05, 0.95, 0.0]), "Helsingborg city council plans to sell the ferry company Sundlinjen", [LEADER], [0.7])
    assert plain.stance == "refutes" and plain.checks[0].kind == "denial"


def test_a_negative_claim_and_a_denial_agree():
    said_not = "Helsingborg city council said it would not sell the municipal ferry company Sundlinjen"
    assert kinds(said_not, LEADER) == []  # no denial, no negation: both say it will not be sold
    assert "'not' ~ 'had no plans'" in same_denial(read(said_not), read(LEADER))
    assert kinds("The council did not approve the sale of Sundlinjen", "Helsingborg council denied it would sell Sundlinjen.") == []
    # A claim that reports a denial is not refuted by a report of the act either: it asserts the denial.
    assert kinds(COUNCIL, "Helsingborg city council will sell the ferry company Sundlinjen to a Danish operator, documents show.") == []
    # The positive claim is still refuted by the denial.
    assert kinds("Helsingborg city council will sell the ferry company Sundlinjen", "Helsingborg city council denied that it plans "
                 "to sell Sundlinjen.") == ["denial"]


def test_a_verdict_word_judging_the_report_before_it_denies_that_report():
    from veracity.verify.contradiction import contradictions

    claim = "The commission's chief executive, Peter Kimani, has resigned over the shortfall"
    ev = ("Reports that the electoral commission's chief executive had quit are simply not true, "
          "commission spokeswoman Mercy Otieno said on Wednesday.")
    assert [c.kind for c in contradictions(claim, ev, 0.43)] == ["denial"]
    # The report judged is another one: no denial of this claim.
    other = "Reports that the commission had run out of registration kits are simply not true, the spokeswoman said."
    assert not [c for c in contradictions(claim, other, 0.43) if c.kind == "denial"]


def test_a_no_noun_denial_of_the_claims_own_action_refutes_with_few_shared_words():
    # "No coalition agreement has been concluded": the denied noun is the claim's main verb's own.
    claim = ("The Civic Union has agreed with two smaller parties to form a coalition government that would command 104 "
             "of the 200 seats in the lower house")
    denial = "No coalition agreement has been concluded, Civic Union spokeswoman Klára Nováková said on Thursday."
    [c] = [c for c in contradictions(claim, denial, 0.44) if c.kind == "denial"]
    assert of_main(c)
    # "No decision has been taken on sending X": the plan's action is the claim's main verb
    # (send ~ deploy), though the pair shares 2 of 15 words and a cosine of 0.36.
    italy = ("Italy will deploy two medium-range air-defence batteries to Romania early next year to help protect the "
             "country's Black Sea coast")
    nodecision = ("No decision has been taken on sending air-defence systems to Romania, the Ministry of Defence said on "
                  "Tuesday, describing a newspaper report on the subject as premature.")
    [c] = contradictions(italy, nodecision, 0.36)
    assert c.kind == "denial" and of_main(c)
    # A decision not taken on something else denies nothing of the claim.
    assert kinds(italy, "No decision has been taken on the budget for next year, the Ministry of Finance said.", 0.36) == []


def test_a_denied_plan_in_other_verbs_for_the_same_things_denies_an_intention_only():
    claim = "Solara plans to bring in crew and aircraft from a Portuguese charter operator to cover some routes"
    denial = ("Aerolínea Solara has no intention of hiring crews or leasing aircraft from other operators to replace striking "
              "staff, the airline said on Wednesday, calling a newspaper report to that effect \"completely unfounded\".")
    [c] = contradictions(claim, denial, 0.58)
    assert c.kind == "denial" and by_party(c)  # the subject the tagger missed as a name still counts as the party
    # A fear about the same things states no intention: the denial of a plan does not touch it.
    fear = "There is a genuine fear that sending troops to Ukraine could be seen as a direct provocation by Moscow"
    assert kinds(fear, "NATO said on Friday there is no plan to send 10,000 European troops to Ukraine.", 0.6) == []


def test_at_no_point_negates_the_action_after_it():
    claim = "Germany's Transport Ministry has asked Poland to reconsider the tunnel and run trains around the city centre"
    denial = "Germany's federal transport ministry said on Thursday it had at no point asked Poland to drop or redesign the Szczecin tunnel."
    assert kinds(claim, denial, 0.68) == ["denial"]
    assert kinds("Poland asked Germany to pay for the tunnel", "At no point did the talks stall, a spokesman said.", 0.3) == []


def test_not_considering_denies_the_action_and_a_denied_part_leaves_a_part_with_its_own_figure():
    pmo = "\"The government is not considering closing Storskog,\" state secretary Lars Hovland at the Prime Minister's Office said on Monday."
    assert kinds("Norway plans to close the Storskog border crossing with Russia by the end of January", pmo, 0.6) == ["denial"]
    # The sentence also claims a deployment with its own figure, which the denial leaves standing.
    both = ("Norway plans to close the Storskog border crossing with Russia by the end of January and to deploy about 200 "
            "extra soldiers to Finnmark county")
    assert kinds(both, pmo, 0.6) == []


def test_a_report_judged_untrue_whose_verb_is_the_claims_action_denies_that_action():
    claim = "The Solidarity Metalworkers Union has called off a strike planned for next week at industrial estates in Bekasi"
    [c] = contradictions(claim, 'Reports that the strike has been called off are not true," union secretary general Agus '
                                'Prasetyo said, adding that the union was still demanding a higher wage.', 0.55)
    assert c.kind == "denial" and of_main(c)
    [c] = contradictions(claim, "Reports that the union had hired new lawyers for the strike are not true, its secretary "
                                "general said.", 0.55)
    assert not of_main(c)


def test_a_party_saying_it_is_not_in_talks_denies_the_talks():
    claim = "Permata is in talks to sell its Ipoh plant to Thai rival Siam Latex Group"
    denial = ("Permata Glove said on Thursday it was not in talks with Siam Latex Group or any other party about selling "
              "its Ipoh factory, describing the report as speculative.")
    [d] = [c for c in contradictions(claim, denial, 0.76) if c.kind == "denial"]
    assert "'was not in talks'" in d.detail and by_party(d)
    # A sale that is "not on the table" is denied too; a claim that itself reports the denial is not refuted by it.
    assert "denial" in kinds("The council plans to sell the ferry company to a Danish operator",
                             "Selling the ferry company to a Danish operator is not on the table, the council said.")
    assert "denial" not in kinds("Permata said it was not in talks to sell its Ipoh plant to Siam Latex Group", denial)


def test_a_claim_negating_a_verb_of_saying_agrees_with_the_denial_of_it():
    ev = ("Residents only learned of the spill from fishermen about 30 hours after it began and received no warning from the "
          "company, the federation said in a statement.")
    assert "denial" not in kinds("they had not been warned about the leak for more than a day", ev, 0.8)
    assert "denial" in kinds("they had been warned about the leak within hours", ev, 0.8)


def test_a_report_described_as_speculation_is_denied():
    claim = "Ankara had signalled it was ready to discuss reducing the roughly 35,000 Turkish troops stationed in the north of the island"
    said = "Ministry spokesman Oguz Demirel described reports of a possible troop reduction as speculation."
    [c] = contradictions(claim, said, 0.6, "2027-05-14", "2027-05-14")
    assert c.kind == "denial" and "described reports of a possible troop reduction as speculation" in c.detail
    # ... only of what the report is about.
    assert contradictions("Turkey plans to open a new consulate in Kyrenia", said, 0.6) == ()


def test_a_denial_of_reports_denies_a_claim_of_their_action_in_other_words():
    claim = "President Andrés Valdivieso will replace Interior Minister Rosa Cárdenas in a cabinet reshuffle expected as early as Friday"
    ev = "The presidency on Wednesday rejected reports that Interior Minister Rosa Cárdenas was about to be dismissed."
    [c] = [c for c in contradictions(claim, ev, 0.52) if c.kind == "denial"]
    assert of_main(c) and by_party(c)
    # ... but it does not deny the president's confidence in her.
    assert not [c for c in contradictions("the president had full confidence in Cárdenas", ev, 0.52) if c.kind == "denial"]


def test_no_plans_to_enlarge_a_contingent_denies_sending_more_soldiers():
    claim = "Austria is preparing to send about 250 more soldiers to the NATO-led peacekeeping force in Kosovo"
    ev = "Austria's defence ministry said on Wednesday there were no plans at present to enlarge its contingent in Kosovo."
    [c] = [c for c in contradictions(claim, ev, 0.5) if c.kind == "denial"]
    assert of_main(c) and by_party(c)
    assert not [c for c in contradictions("Austria has about 320 soldiers in Kosovo", ev, 0.5) if c.kind == "denial"]


def test_a_denied_intention_names_its_event_by_a_noun():
    # "was not preparing any arbitration claim" is about arbitration, not the licence's revocation
    claim = ("Guinea has revoked the mining licence of Sahel Bauxite Company, a joint venture controlled by Dubai-based "
             "Qamar Resources")
    ev = ("Qamar Resources said on Wednesday it had not launched, and was not preparing, any international arbitration "
          "claim against Guinea over its bauxite venture.")
    assert "denial" not in kinds(claim, ev)
    assert "denial" in kinds("Qamar Resources is preparing an international arbitration claim against Guinea", ev)


def test_a_reported_denial_is_confirmed_by_the_same_denial_of_an_event_noun_by_the_body_it_names():
    claim = read("The government has denied reports that it intends to devalue the somoni as part of the IMF deal.")
    ev = read("Tajikistan's government on Monday rejected media reports that it was planning a one-off devaluation of the "
              "somoni as part of its talks with the IMF.")
    why = same_denial(claim, ev)
    assert why is not None and "'devalue' ~ 'devaluate'" in why and why.endswith("by Tajikistan's government")
    other = read("Uzbekistan's central bank on Monday rejected media reports that it was planning a devaluation of the som.")
    assert same_denial(claim, other) is None


def test_a_denial_of_a_countrys_own_part_the_claim_never_names_is_no_denial_of_the_claim():
    polish = "\"There is no decision and no plan for Polish field hospitals on Ukrainian territory,\" spokesman Tomasz Wrona said."
    assert "denial" not in kinds("Denmark and Finland have backed the plan for European field hospitals in Ukraine", polish)
    assert "denial" in kinds("Denmark and Finland have backed the plan for European field hospitals in Ukraine",
                             "\"There is no plan for field hospitals on Ukrainian territory,\" spokesman Tomasz Wrona said.")


def test_a_city_named_in_a_denial_is_no_countrys_own_part():
    # "Washington" names the US government, not a part of a plan the denial scopes away
    denial = "Germany's defence ministry said on Wednesday it had received no information from Washington about moving US troops."
    assert "denial" in kinds("Germany's defence ministry has received information about the plan to move US troops", denial)


def test_the_denier_is_named_before_the_sentences_first_denial_word():
    uae = ("The UAE Ministry of Defence said on Wednesday it had no plans to send air defence systems or personnel to "
           "Jordan and described media reports of such a deployment as inaccurate.")
    [c] = contradictions("The deployment would be the first by Gulf air defence units on Jordanian soil", uae, 0.7)
    assert "Jordan" not in c.detail and not by_party(c)


def test_correcting_a_report_of_a_figure_denies_it():
    ev = ("Italy will commit a single frigate to the Black Sea patrol off Bulgaria, the defence ministry in Rome said on "
          "Wednesday, correcting a newspaper report that put the contribution at two.")
    [k] = contradictions("Italy would contribute two frigates", ev, 0.7, "2026-04-20", "2026-04-22")
    assert k.kind == "denial" and "correcting a newspaper report" in k.detail


def test_a_denial_by_a_country_the_claim_does_not_name_among_those_acting_is_that_countrys_own():
    claim = "India, Japan and Australia will send up to 12 warships and coast guard vessels to help Indonesia patrol the waters"
    ev = "The Philippine Coast Guard has no plan to send vessels to Indonesia's Natuna Islands, a spokesman said on Sunday."
    assert not [k for k in contradictions(claim, ev, 0.8) if k.kind == "denial"]
    ev = "The Japanese Coast Guard has no plan to send vessels to Indonesia's Natuna Islands, a spokesman said on Sunday."
    assert [k.kind for k in contradictions(claim, ev, 0.8) if k.kind == "denial"] == ["denial"]


def test_a_negation_bounded_by_a_date_negates_the_time_not_an_undated_plan():
    claim = "Japan, Australia and South Korea plan to base six maritime patrol aircraft in Timor-Leste"
    ev = "No foreign patrol aircraft can be based in Timor-Leste before September 2028, the secretary of state said."
    assert not [k for k in contradictions(claim, ev, 0.8) if k.kind == "negation"]
    ev = "No foreign patrol aircraft can be based in Timor-Leste, the secretary of state said."
    assert [k.kind for k in contradictions(claim, ev, 0.8) if k.kind == "negation"] == ["negation"]


def test_a_dismissed_report_whose_verb_is_light_denies_what_it_places():
    claim = "The contingent would be headquartered in Gizo, the capital of Western Province"
    ev = ("The mission will have its headquarters at the Rove police compound in Honiara, government spokesman George Tovua "
          "said on Thursday, dismissing reports that it would be run from the Western Province town of Gizo.")
    assert [k.kind for k in contradictions(claim, ev, 0.6) if k.kind == "denial"] == ["denial"]


def test_a_country_denying_its_own_part_said_through_a_pronoun_is_not_the_listed_others_denial():
    from veracity.verify.contradiction import contradictions

    ev = ("The UAE Ministry of Defence said on Wednesday it had no plans to send air defence systems or personnel to "
          "Jordan and described media reports of such a deployment as inaccurate.")
    # "Qatar 400" of "The UAE would send ..., Qatar 400 and Bahrain about 100" reads "Qatar would send 400"
    assert contradictions("Qatar would send 400", ev, 0.5, "2026-10-20", "2026-10-21") == ()
    got = contradictions("The UAE would send two missile batteries and about 700 personnel", ev, 0.5, "2026-10-20", "2026-10-21")
    assert [k.kind for k in got] == ["denial"]
