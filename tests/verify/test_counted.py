"""What a figure stands for: a demand is not a decision, money received is not money paid, a sum
for one end is not a sum for another. Each pair is from a blind scenario where the number check
had put a confirmation on the wrong side."""

from veracity.verify.contradiction import contradictions
from veracity.verify.counted import demanded, flow, held_or_moved, is_money, kind_of_sum, owner_names, purpose
from veracity.verify.measured import difference, running_total
from veracity.verify.reading import read


def kinds(claim, evidence, cos=0.6):
    return sorted({c.kind for c in contradictions(claim, evidence, cos)})


def test_a_figure_demanded_of_another_party_is_not_compared_with_a_decision():
    claim = "The union wants the hospital to hire 250 more nurses and to cap night shifts at seven a month"
    ev = "Busan city council approved funding for 300 additional nurses at the city's three public medical centres from next year."
    r = read(claim)
    assert demanded(r, r.quantities[0])
    assert "number" not in kinds(claim, ev)
    # Two demands still compare, and so do two decisions.
    assert "number" in kinds("The union is demanding 250 more nurses.", "The union demanded 300 more nurses.")
    assert not demanded(read("The hospital will hire 250 more nurses."), read("The hospital will hire 250 more nurses.").quantities[0])


def test_money_received_and_money_paid_are_two_sums():
    claim = "Morocco has paid 2.1 billion dirhams in reconstruction aid to families whose homes were damaged"
    ev = "The special fund set up after the disaster has received 6.4 billion dirhams in contributions."
    c, e = read(claim), read(ev)
    assert is_money(c.quantities[0]) and is_money(e.quantities[0])
    assert (flow(c, c.quantities[0]), flow(e, e.quantities[0])) == ("out", "in")
    assert (purpose(c, c.quantities[0]), purpose(e, e.quantities[0])) == ("aid", "contribution")
    assert "number" not in kinds(claim, ev)
    # The same way and the same end: a conflicting figure.
    assert "number" in kinds(claim, "Morocco has paid 900 million dirhams in reconstruction aid to families whose homes were damaged.")


def test_a_count_of_people_is_not_money():
    assert not is_money(read("About 250 nurses walked out.").quantities[0])


def test_a_death_toll_is_one_count_in_people_deaths_or_lives():
    from veracity.verify.figures import agreeing_numbers

    claim = "At least 143 people have died of heatstroke in the Indian state of Odisha since the start of May"
    assert agreeing_numbers(claim, "Sunstroke has claimed 143 lives in Odisha since 1 May, the disaster authority said.")
    assert agreeing_numbers(claim, "The minister said 143 deaths since 1 May had been confirmed as caused by heatstroke.")
    # A head count is not a toll, and people who did not die are not deaths.
    assert not agreeing_numbers(claim, "At least 143 people have been treated for heatstroke in Odisha since May.")


def test_two_deliveries_to_two_places_by_one_party_are_two_events():
    claim = "Turkish defence company Kartal Aerospace has agreed to sell 24 armed drones to Indonesia in a deal worth about $800 million"
    ev = "Kartal Aerospace will deliver 12 reconnaissance drones to Azerbaijan under a contract signed last year, the company said."
    assert kinds(claim, ev, 0.7) == []


def test_a_filing_to_an_exchange_names_whom_not_where():
    assert "place" not in kinds("The contract was signed in Ankara last week and deliveries are due to start in 2028",
                                "Kartal Aerospace said in a filing to Borsa Istanbul on Wednesday that it had signed a contract "
                                "with Indonesia's defence ministry for 24 drones.", 0.6)


def test_a_sum_a_month_and_a_sum_a_year_compare_per_year():
    from veracity.verify.figures import agreeing_numbers

    claim = "Restarting the reactor will cut Kinkai's fuel costs by about 7 billion yen a month"
    ev = "An analyst estimated that running the reactor would lower Kinkai's fuel bill by roughly 84 billion yen a year."
    assert "number" not in kinds(claim, ev) and agreeing_numbers(claim, ev)
    assert "number" in kinds(claim, "It would lower Kinkai's fuel bill by roughly 30 billion yen a year, the analyst said.")


def test_another_companys_own_figure_is_not_compared():
    claim = "Bringing the 1,180-megawatt unit back online will cut Kinkai's fuel costs by about 7 billion yen a month"
    ev = ("Setouchi Electric Power said on Thursday its restarted Hamada reactor was saving it about 3 billion yen a month "
          "in fuel costs.")
    assert "number" not in kinds(claim, ev, 0.7)


def test_traffic_through_a_named_crossing_is_that_crossings():
    claim = "Traffic through Storskog has fallen to about 9,000 crossings a month, from more than 20,000 before the pandemic"
    ev = "Estonia's Narva crossing into Russia handled about 55,000 crossings a month this year, Estonian border police said."
    assert kinds(claim, ev, 0.6) == []


def test_a_change_by_a_figure_is_not_a_level_to_a_figure():
    cut = "The outage has cut exports by about 180,000 barrels per day"
    assert kinds(cut, "The Atyrau refinery has completed an upgrade that raises its capacity to 120,000 barrels per day.") == []
    assert kinds(cut, "The suspension has reduced crude export volumes by around 65,000 barrels per day, the ministry said.") == ["number"]
    # "b/d" is barrels a day: the same figure agrees, another one conflicts.
    assert kinds(cut, "Kazakh crude exports have dropped by 60,000-70,000 b/d since the line stopped.") == ["number"]
    assert kinds(cut, "Kazakh crude exports have dropped by 175,000-185,000 b/d since the line stopped.") == []


def test_an_offer_joined_to_a_demand_by_while_is_not_demanded():
    r = read("SITCA is demanding a 12 percent pay rise over two years, while the company has offered 4 percent")
    assert [demanded(r, q) for q in r.quantities] == [True, False]
    assert kinds("SITCA is demanding a 12 percent pay rise over two years, while the company has offered 4 percent",
                 "Solara said its latest proposal to cabin crew was a 7% rise in basic pay spread over two years.") == ["number"]


def test_a_figure_rounded_is_the_same_figure_but_a_rate_half_a_point_off_is_not():
    assert kinds("Shares of the company rose 6% in Santiago trading", "The company's stock closed 6.1% higher in Santiago trading.") == []
    assert kinds("Shares of the company rose 6% in Santiago trading", "The company's stock closed 6.6% higher in Santiago trading.") == ["number"]
    assert kinds("The committee raised its benchmark interest rate to 27.5% in September",
                 "The committee voted to lift the benchmark interest rate to 28 per cent in September.") == ["number"]


def test_a_sentence_that_only_asks_for_the_action_does_not_confirm_it():
    from veracity.verify.counted import only_asked

    claim = read("The government would open 48 new beds at the Elizabeth hospital by December")
    assert only_asked(claim, read("The union said, calling on the state government to open more beds."))
    assert not only_asked(claim, read("The health department will open 48 new beds at the Elizabeth hospital in December."))


def test_a_part_of_a_whole_the_claim_counts_is_no_other_count():
    claim = "Dumfries and Galloway Council plans to close nine rural primary schools by August 2028"
    assert kinds(claim, "Parent councils at seven of the nine primary schools earmarked for closure oppose the plans.") == []
    # ... but "22 of its sailings" is a count of its own.
    assert kinds("The walkout will halt all of the company's departures, with about 60 sailings cancelled",
                 "Aegean Link said 22 of its sailings would be cancelled during the crews' walkout.") == ["number"]


def test_a_saving_is_not_a_budget_gap_but_a_fine_is_a_fine():
    assert kinds("The closures would save the council about £3.1 million a year",
                 "Dumfries and Galloway Council must close a budget gap of £21.6 million in 2027/28, officers said.") == []
    assert kinds("The company was ordered to pay a fine of 2 million euros", "The regulator fined the company 3 million euros.") == ["number"]
    # A loan against a financing facility the parse does not name as a kind is still compared.
    assert kinds("The board has also secured a syndicated loan of 1.1 billion dollars to fund bean purchases",
                 "The Ghana Cocoa Board has signed an 800 million US dollar syndicated pre-export financing facility "
                 "with a group of banks to fund the purchase of cocoa beans.") == ["number"]


def test_the_same_kind_of_event_elsewhere_with_its_own_figures_is_no_confirmation():
    from veracity.verify.contradiction import another_event

    claim = read("Ambulances in South Australia spent 3,412 hours ramped outside hospital emergency departments in July")
    assert another_event(claim, read("Ambulance crews in Victoria lost more than 4,100 hours outside Melbourne emergency "
                                     "departments in July, the union said."))
    assert not another_event(claim, read("Ambulance crews in South Australia lost a combined 3,412 hours in July."))


def test_an_increment_and_a_total_are_two_counts():
    from veracity.verify.contradiction import contradictions

    total = "The reinforcements would bring Rwanda's deployment in the province to about 6,000 troops"
    assert contradictions(total, "Rwanda is preparing to deploy around 2,000 additional troops to Cabo Delgado.", 0.6) == ()
    assert contradictions("About 22.1 million voters were registered for the 2022 election.",
                          "The commission said 2,412,566 new voters had been enrolled during the exercise.", 0.6) == ()
    # Two increments, or two totals, are still compared.
    more = "Rwanda plans to send about 2,000 more soldiers to northern Mozambique"
    [c] = contradictions(more, "Rwanda will send 1,000 additional soldiers to Mozambique, the army said.", 0.6)
    assert c.kind == "number"
    [c] = contradictions(more.replace(" more", ""), "Rwanda will send 1,000 soldiers to Mozambique, the army said.", 0.6)
    assert c.kind == "number"


def test_a_difference_between_two_bids_is_no_contract_value():
    claim = "Flanders Marine Works, which is based in Ghent, had bid about 40 million euros less than Maasdelta."
    ev = "Flanders Marine Works has won a 95 million euro contract to replenish beaches on the Belgian coast."
    assert difference(read(claim), read(claim).quantities[0])
    assert "number" not in kinds(claim, ev, 0.8)
    # Two differences still compare.
    assert "number" in kinds(claim, "Flanders Marine Works had bid about 15 million euros less than Maasdelta.", 0.8)


def test_a_running_total_since_a_year_is_not_one_events_figure():
    claim = "Kovač said the state had already put 180 million euros into the company since 2022."
    ev = "The Croatian government on Thursday approved a 40 million euro state loan to the company."
    r = read(claim)
    assert running_total(r, r.quantities[0])
    assert "number" not in kinds(claim, ev, 0.8)
    assert "number" not in kinds("Accidents at smelters in the region have killed dozens of workers since 2022.",
                                 "Nine workers died in Sunday's explosion at the smelter in the region.", 0.8)
    assert "number" in kinds(claim, "The state has put 90 million euros into the company since 2022.", 0.8)


def test_a_pay_claim_sought_is_not_an_offer():
    claim = "The union is seeking a 7% pay rise, Salinas said."
    ev = '"The proposal on the table is a 3.5% wage increase, nothing more," the company said.'
    assert demanded(read(claim), read(claim).quantities[0])
    assert "number" not in kinds(claim, ev, 0.8)


def test_a_standing_size_is_not_a_transaction():
    fleet = "Savanna Air carried 1.6 million passengers last year on a fleet of 14 turboprops and two leased jets."
    order = "Kenyan carrier Savanna Air has ordered 12 regional jets from Brazil."
    f, o = read(fleet), read(order)
    assert held_or_moved(f, f.quantities[-1]) == "held" and held_or_moved(o, o.quantities[0]) == "moved"
    assert "number" not in kinds(fleet, order, 0.8)
    assert "number" not in kinds("The EU force, known as EUFOR Althea, has about 1,100 soldiers from more than 20 countries.",
                                 "The EU will send about 300 soldiers to the EUFOR Althea force next year.", 0.8)
    # Two orders of one carrier still compare.
    assert "number" in kinds("Savanna Air has ordered 20 regional jets from Brazil.", order, 0.8)
    # The size of what is to be sent is what is sent.
    assert held_or_moved(read("The joint force under discussion numbered about 450 troops."),
                         read("The joint force under discussion numbered about 450 troops.").quantities[0]) is None


def test_a_sum_put_at_a_figure_is_of_the_verbs_object():
    ev = "The regulator puts the resulting loss to public service broadcasters at about 45 million euros a year."
    e = read(ev)
    assert kind_of_sum(e, e.quantities[0]) == ("loss", "of")
    assert "number" not in kinds("The national broadcaster would receive about 240 million euros a year under the plan.", ev, 0.8)


def test_a_transaction_is_read_off_the_verb_before_the_figure_or_the_noun_after_it():
    # The parse of this sentence makes "jets" the subject of "reported".
    ev = ("Kenyan carrier Savanna Air has ordered 12 regional jets from Brazil's Alvorada Aeronautica, the East Africa "
          "Business Daily reported on Tuesday, quoting chief executive Daniel Mwangi.")
    e = read(ev)
    assert held_or_moved(e, e.quantities[0]) == "moved"
    n = read("Savanna Air put the value of its 12-jet Alvorada order at 455 million dollars.")
    assert held_or_moved(n, n.quantities[0]) == "moved"


def test_a_total_so_far_is_compared_with_another_total_so_far():
    claim = "Permata has paid 31 million ringgit to current and former migrant workers since 2024 to reimburse recruitment fees"
    ev = "Ministry secretary-general Azman Rashid said on Thursday that Permata Glove had so far repaid 12.4 million ringgit in recruitment fees."
    assert running_total(read(ev), read(ev).quantities[0])
    assert "number" in kinds(claim, ev, 0.8)
    assert "number" in kinds("The corporation has already spent about 300 crore rupees on access roads and a site camp",
                             "The Karnataka Water Infrastructure Corporation has so far spent about 45 crore rupees on the Kalkeri project.", 0.8)


def test_a_yearly_output_is_not_one_purchase():
    claim = "Vahostroj, based in Zilina, was founded in 2009 and builds about 250 buses a year."
    ev = ("The resolution adopted by Brno city council on Tuesday authorises the purchase of 36 battery-electric buses "
          "from Vahostroj.")
    e = read(ev)
    assert held_or_moved(e, e.quantities[0]) == "moved"
    assert "number" not in kinds(claim, ev, 0.8)


def test_a_figure_the_parse_hangs_on_a_participle_counts_the_noun_after_it():
    from veracity.verify.figures import _head

    r = read("About 140,000 farmed Atlantic salmon escaped from pens operated by Acuicola Reloncavi")
    assert _head(r.quantities[0], r.text, r.tree) == "salmon"
    assert "number" in kinds(r.text, "The watchdog said that about 310,000 salmon escaped from the Reloncavi farm.", 0.8)


def test_a_count_that_owns_something_is_no_figure():
    claim = "The EU force, known as EUFOR Althea, has about 1,100 soldiers from more than 20 countries."
    ev = ("Estonia, Latvia and Lithuania will together send about 300 troops to the NATO-led KFOR mission in northern Kosovo "
          "next year, the three countries' defence ministers said on Monday.")
    assert "number" not in kinds(claim, ev, 0.8)
    assert "number" in kinds(claim, "The EU force has soldiers from 12 countries.", 0.8)


def test_a_figure_of_a_party_the_article_never_names_is_another_storys():
    from veracity.verify.counted import owner_names

    article = ("Workers at the Cerro Plomo copper mine in northern Chile walked off the job on Monday after wage talks with "
               "the mine's owner, Andes Cobre, broke down. About 2,300 workers joined the strike, according to union "
               "president Hector Salinas.")
    claim = "About 2,300 workers joined the strike"
    other = ("About 800 workers at the smaller Loma Roja mine stopped work for four hours on Wednesday in solidarity with "
             "the Cerro Plomo strikers, their union said.")
    e = read(other)
    assert owner_names(e, e.quantities[0]) == ["Loma Roja"]
    assert "number" not in {c.kind for c in contradictions(claim, other, 0.8, article=article)}
    # Without the article nothing says whose story the figure is; the story's own party's figure still conflicts.
    assert "number" in kinds(claim, other, 0.8)
    same = "Andes Cobre said on Wednesday that 1,400 of Cerro Plomo's workers were taking part in the strike."
    assert "number" in {c.kind for c in contradictions(claim, same, 0.8, article=article)}


def test_a_figure_in_a_country_the_article_never_names_is_another_storys():
    article = ("European governments are preparing a force of about 3,000 troops for Moldova. Austria, which is not a NATO "
               "member, has agreed to send a company of about 150 soldiers under a European Union mandate, the diplomat said.")
    claim = "Austria, which is not a NATO member, has agreed to send a company of about 150 soldiers under a European Union mandate"
    kfor = ("Austria's parliament on Thursday approved extending the deployment of about 280 Austrian soldiers with the "
            "NATO-led KFOR force in Kosovo for another year.")
    assert "number" not in {c.kind for c in contradictions(claim, kfor, 0.8, article=article)}
    same = "Austria will send about 280 soldiers to the European force in Moldova, the defence ministry said."
    assert "number" in {c.kind for c in contradictions(claim, same, 0.8, article=article)}


def test_a_part_of_a_group_is_no_total_unless_it_is_the_larger():
    claim = "The magnitude 6.1 quake killed 186 people and damaged or destroyed some 47,000 homes in the High Atlas."
    part = ("Fewer than 22,000 of the households whose homes were damaged in the August earthquake had received any "
            "reconstruction payment by late October, the Mediator of the Kingdom said.")
    assert "number" not in kinds(claim, part)
    assert "number" in kinds(claim, "Some 31,000 homes were damaged or destroyed in the High Atlas, the interior ministry said.")
    assert "number" in kinds("Some 12,000 homes were damaged or destroyed in the High Atlas.",
                             "More than 20,000 of the homes damaged or destroyed in the High Atlas were in Al Haouz.")


def test_a_rise_a_fall_and_a_share_of_a_group_are_three_figures():
    claim = "Biofarma Tropical will make the drug at its plant in Campinas, and its shares rose 14 percent in Sao Paulo trading."
    trial = ("In the phase 3 DENVI-3 study, 6.2% of patients given the Biofarma Tropical pill were admitted to hospital "
             "against 10.0% of those on placebo, a relative reduction of 38%, investigators reported.")
    assert "number" not in kinds(claim, trial, 0.5)
    assert "number" in kinds("Biofarma Tropical shares rose 14 percent in Sao Paulo trading.",
                             "Biofarma Tropical shares rose 6 percent in Sao Paulo trading.", 0.9)


def test_a_count_an_event_befalls_is_no_standing_size():
    claim = "The bank has about 4 million retail customers in the Netherlands."
    ev = ("The Dutch Data Protection Authority fined the bank 3 million euros on Wednesday over a 2025 leak that exposed "
          "the data of about 300,000 customers in the Netherlands.")
    r = read(ev)
    assert held_or_moved(r, [q for q in r.quantities if "customers" in q.span.text][0]) == "affected"
    assert "number" not in kinds(claim, ev)
    assert "number" in kinds(claim, "The bank has about 2 million retail customers in the Netherlands.", 0.9)


def test_a_place_a_clause_describes_owns_its_figure_and_a_separate_things_figure_is_its_own():
    claim = "Halifax's rental vacancy rate was 1.4 percent last year, among the lowest of any large Canadian city."
    ev = "Moncton, where the rental vacancy rate stood at 2.9 percent last year, has attracted several modular builders."
    r = read(ev)
    assert owner_names(r, r.quantities[0]) == ["Moncton"]
    article = "Halifax council approved the plan. " + claim
    assert "number" not in {c.kind for c in contradictions(claim, ev, 0.6, article=article)}
    dev = ("Halifax regional council voted 11 to 5 on Tuesday to approve a 1,200-unit housing development on a former rail "
           "yard in the city's north end.")
    assert "number" not in kinds(dev, "Council also gave final approval to a separate 400-unit project in Bedford.")
    assert "number" in kinds(dev, "Council gave final approval to a 400-unit housing development on the former rail yard.")


def test_a_short_sentence_about_another_sum_shares_no_topic_with_the_claims_sum():
    claim = "The federal housing department will contribute 95 million dollars to the project's first phase"
    assert "number" not in kinds(claim, "The work is expected to cost 60 million dollars.")
    assert "number" in kinds(claim, "The federal housing department will contribute 60 million dollars.")


def test_more_than_a_figure_is_not_given_by_a_much_larger_one():
    from veracity.verify.figures import agreeing_numbers

    claim = "The city spent more than 1.2 billion rand on emergency water supplies"
    assert not agreeing_numbers(claim, "The city spent 1.6 billion rand on emergency water supplies.")
    assert agreeing_numbers(claim, "The city spent 1.25 billion rand on emergency water supplies.")


def test_a_figure_the_claim_gives_for_another_of_its_things_is_no_conflict():
    claim = "The vessel, the MV Mwamba, was carrying 212 passengers, well above its licensed capacity of 150"
    ev = ("The maritime regulator said the MV Mwamba had 212 people aboard when it left Kigoma, against a certified capacity "
          "of one hundred and fifty passengers.")
    assert "number" not in kinds(claim, ev, 0.7)
    assert "number" in kinds("The vessel, the MV Mwamba, was carrying 212 passengers",
                             "The maritime regulator said the MV Mwamba had 180 passengers aboard.", 0.8)
    # A bound the claim gives ("up to A$15,000 each") is not a figure of the evidence's farms.
    assert "number" in kinds("About 1,200 farms that use the herbicide would receive transition payments of up to A$15,000 each",
                             "The money would assist about 3,000 farms, with individual payments capped at A$15,000.", 0.7)


def test_a_places_government_and_a_body_named_for_the_place_are_two_parties():
    from veracity.verify.parties import same_names

    assert not same_names({"bergen city council"}, {"bergen hotel association"})
    assert same_names({"bergen city council"}, {"bergen"})
    assert same_names({"alvorada aeronautica"}, {"alvorada"})
    claim = "Bergen city council on Wednesday approved a 2027 budget that cuts the property tax on homes"
    assert "polarity" not in kinds(claim, "The Bergen Hotel Association said on Friday it opposed the city's new 3 percent "
                                          "levy on overnight stays.", 0.6)


def test_changes_over_two_periods_a_change_against_a_level_and_two_ceilings():
    may = "Consumer prices rose 4.1 percent in May from a year earlier"
    dated = lambda ev, cos: sorted({c.kind for c in contradictions(may, ev, cos, "2026-06-18", "2026-06-19")})  # noqa: E731
    assert dated("Separately, the statistics bureau said consumer prices rose 3.2 percent in April from a year earlier.", 0.8) == []
    assert "number" in dated("The statistics bureau said consumer prices rose 3.2 percent in May from a year earlier.", 0.9)
    assert "number" not in kinds(may, "The gas regulator on Friday raised consumer gas prices by 8 percent from July 1.", 0.6)
    assert "number" not in kinds("The increase lifts the average base tariff to 38.20 rupees per unit from 34.75 rupees.",
                                 "The regulator has approved a 3.45 rupee per unit rise in the base tariff from July 1.", 0.6)
    exempt = "Households using up to 200 units a month will be exempt from the increase"
    assert "number" in kinds(exempt, "Only households using up to 100 units of electricity a month will be fully exempt "
                                     "from the new base tariff, the regulator said.", 0.7)
    assert "number" not in kinds(exempt, "Households using up to 200 units a month will be exempt, the regulator said.", 0.9)


def test_a_sentence_that_starts_separately_gives_another_things_figures():
    claim = "Pakistan's power regulator on Tuesday approved an increase of 3.45 rupees per unit in the base tariff"
    assert "number" not in kinds(claim, "Separately, the regulator approved a quarterly adjustment of 1.15 rupees per unit "
                                        "for customers of Karachi's private distributor.", 0.7)
    assert "number" in kinds(claim, "The regulator approved an increase of 1.15 rupees per unit in the base tariff.", 0.9)


def test_a_parts_figure_and_a_forecast_against_a_past_periods_move():
    claim = "Rhenavia, founded in 1998, employs about 3,100 people and reported sales of 1.9 billion francs last year."
    unit = ("Rhenavia Pharma agreed on Thursday to sell its generics unit, which employs about 1,200 people and had sales of "
            "640 million francs in 2025, to Rotterdam-based Maasbridge Pharma.")
    assert "number" not in kinds(claim, unit, 0.6)
    assert "number" in kinds(claim, "Rhenavia Pharma employs about 1,200 people, its annual report shows.", 0.8)
    forecast = "Ravi Electric said in a filing that the new tariff would raise its revenue by about 18 percent"
    past = "Ravi Electric said on Tuesday its revenue fell 7 percent in the nine months to March as industrial demand weakened."
    assert kinds(forecast, past, 0.7) == []
    assert "polarity" in kinds("The company's revenue will rise by about 18 percent next year",
                               "The company's revenue will fall by 7 percent next year, analysts said.", 0.8)


def test_a_kind_of_thing_the_article_never_names_and_figures_describing_two_things():
    article = ("Chile's health ministry has signed a contract to buy 1.8 million doses of a 15-valent pneumococcal vaccine. "
               "The first 400,000 doses are due to arrive at the port of Valparaiso in August.")
    claim = "The first 400,000 doses are due to arrive at the port of Valparaiso in August."
    flu = "A shipment of 300,000 doses of seasonal influenza vaccine arrived at the port of Valparaiso on Monday."
    assert "number" not in {c.kind for c in contradictions(claim, flu, 0.8, article=article)}
    same = "A shipment of 300,000 doses of pneumococcal vaccine is due at the port of Valparaiso in August."
    assert "number" in {c.kind for c in contradictions(claim, same, 0.8, article=article)}
    # "the 13-valent version" (what is replaced) and "its 15-valent ... vaccine" are two things.
    assert "number" not in {c.kind for c in contradictions(
        "The vaccine will replace the 13-valent version given to infants since 2015.",
        "The maker will supply 1.8 million doses of its 15-valent pneumococcal conjugate vaccine.", 0.8)}
    assert "number" in {c.kind for c in contradictions("The city will build a 32,000-seat stadium.",
                                                       "The city will build a 25,000-seat arena, the mayor said.", 0.8)}


def test_an_investment_is_no_fee():
    assert "number" not in {c.kind for c in contradictions(
        "Gulfbridge will invest about 480 million dollars over the first seven years to deepen the berths.",
        "Gulfbridge Ports will pay Tanzania an upfront fee of 95 million dollars for the right to operate the terminal.", 0.8)}


def test_values_at_two_dates_and_the_second_figure_of_from_to_are_other_things_levels():
    assert "number" not in {c.kind for c in contradictions(
        "Ghana's gross official reserves stood at 6.8 billion dollars at the end of June, the bank said.",
        "The cedi closed at 15.2 per dollar on Monday, and gross official reserves were 6.1 billion dollars at the end of March.", 0.8)}
    assert "number" in {c.kind for c in contradictions(
        "Ghana's gross official reserves stood at 6.8 billion dollars at the end of June, the bank said.",
        "Gross official reserves were 6.1 billion dollars at the end of June, the central bank said.", 0.8)}
    assert "number" not in {c.kind for c in contradictions(
        "The cedi weakened 0.4 percent against the dollar after the announcement.",
        "The Board also decided to lower the reserve ratio of commercial banks from 2.00 per cent to 1.00 per cent.", 0.8)}


def test_two_named_owners_a_rate_and_a_total_and_a_titled_report_of_another_party():
    tanga = "Tanga handled about 85,000 containers last year, a fraction of the volume at Dar es Salaam, the country's main port."
    assert "number" not in {c.kind for c in contradictions(
        tanga, "Dar es Salaam port handled a record 1.2 million containers last year, up 9 percent.", 0.8)}
    assert "number" not in {c.kind for c in contradictions(
        tanga, "The operator said it would lift capacity to about 1.1 million containers a year.", 0.8)}
    assert "number" in {c.kind for c in contradictions(
        "Tanga handled about 85,000 containers last year.", "The port of Tanga handled about 120,000 containers last year.", 0.8)}
    claim = "KiraPay has about 14 million active users, according to the company's annual report."
    article = claim + " Its rival Lakeside Mobile holds most of the rest of the market."
    ev = "The company has about 5 million active users in the country."
    assert "number" not in {c.kind for c in contradictions(claim, ev, 0.8, article=article,
                                                           title="Lakeside Mobile says weekend sign-ups surged")}
    assert "number" in {c.kind for c in contradictions(claim, ev, 0.8, article=article, title="KiraPay counts its users")}


def test_a_title_names_whose_figure_only_for_a_sentence_whose_subject_stands_for_a_party():
    claim = "Harbourline will invest about 480 million dollars, raising the terminal's annual capacity to 1.1 million containers."
    ev = "It added that the terminal's capacity would rise to about 700,000 containers a year once the upgrade is finished."
    assert "number" in {c.kind for c in contradictions(claim, ev, 0.5, "2026-03-10", "2026-03-11", claim, claim,
                                                       "Ports authority says it will not be a shareholder in the operator")}


def test_a_payment_is_no_total_cost():
    assert "number" not in {c.kind for c in contradictions(
        "The government has agreed to pay the consortium an additional 180 million dollars to settle claims over delays",
        "The consortium said on Friday that the final cost of the works, including 28 trains, came to US$3.2bn.", 0.8)}
    assert "number" in {c.kind for c in contradictions(
        "The final cost of the works came to 2.9 billion dollars.", "The consortium said the final cost of the works came to US$3.2bn.", 0.8)}


def test_the_outlets_country_in_the_reporting_tail_is_not_one_the_story_names():
    from veracity.verify.owners import part_and_whole

    member = read("Poland would run two of the hospitals with about 250 staff")
    group = read("Eleven European countries intend to establish six military field hospitals in Ukraine with roughly 800 "
                 "medical staff, Poland's Gazeta Wieczorna reported on Wednesday, quoting a senior European diplomat.")
    assert part_and_whole(member, group)


def test_a_group_acting_in_what_an_outlet_reports_is_the_groups_total():
    from veracity.verify.owners import part_and_whole

    member = read("France would contribute about 600 gendarmes, according to the newspaper")
    group = read("France's L'Horizon reported on Monday that European governments were planning to deploy around 1,500 "
                 "gendarmes and military police to northern Kosovo, citing a senior European diplomat.")
    assert part_and_whole(member, group)


def test_one_country_of_several_named_together_is_a_share_of_their_total():
    from veracity.verify.owners import part_and_whole

    member = read("Morocco would provide about 200 instructors, Rwanda 100 and Senegal 50, the diplomat told the weekly.")
    group = read("About 350 instructors from Morocco, Rwanda and Senegal will help train Togolese units in the north.")
    assert part_and_whole(member, group)
    assert not part_and_whole(member, read("Morocco will send about 120 instructors, the ministry said."))


def test_a_coalition_of_a_number_of_countries_is_a_group():
    from veracity.verify.owners import part_and_whole

    group = read("A coalition of eight European countries plans to send about 2,000 military engineers to Latvia")
    assert part_and_whole(group, read("Germany is prepared to send up to 350 engineers to Latvia."))
    assert part_and_whole(read("12 NATO allies would send about 5,000 troops"), read("Spain will send 600 troops."))
