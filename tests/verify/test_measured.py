"""What makes two figures of one counted noun two quantities (veracity.verify.measured)."""

from veracity.verify.measured import described, level_of, position, threshold
from veracity.verify.reading import read


def _q(r, text):
    return next(q for q in r.quantities if q.span.text == text)


def test_a_threshold_a_position_a_description_and_a_level():
    r = read("The fund's coverage ratio fell to 98 percent, below the level of about 104 percent that Dutch rules require.")
    assert threshold(r, _q(r, "about 104 percent")) and not threshold(r, _q(r, "98 percent"))
    assert level_of(r, _q(r, "98 percent")) == "coverage ratio"
    r = read("Surveyors marked out the first section about 50 km north of Aranyaprathet.")
    assert position(r, _q(r, "about 50 km"))
    r = read("The vaccine will replace the 13-valent version given to infants.")
    assert described(r, _q(r, "13-valent")) == "version"


def test_a_kind_of_a_headline_measure_is_another_measure():
    from veracity.verify.contradiction import contradictions

    r = read("Food inflation climbed to 10.2 percent.")
    assert level_of(r, r.quantities[0]) == "food inflation"  # the level a rise reaches is a level
    r = read("Annual inflation stood at 9.1 percent in June")
    assert level_of(r, r.quantities[0]) == "inflation"  # "annual" says which reading, not which thing
    assert contradictions("Annual inflation stood at 9.1 percent in June", "Food inflation climbed to 10.2 percent.", 0.7) == ()
    [c] = contradictions("Annual inflation stood at 9.1 percent in June", "Inflation climbed to 10.2 percent in June.", 0.7)
    assert c.kind == "number"


def test_prices_of_two_goods_and_a_company_against_its_country_are_two_figures():
    from veracity.verify.contradiction import contradictions
    from veracity.verify.goods import priced

    c = "The prices of octane and petrol rose by 6 taka each, to 131 taka and 127 taka a litre."
    assert priced(read(c), read(c).quantities[1]) == {"octane", "petrol"}
    assert contradictions(c, "Diesel now costs 118 taka a litre after a 9-taka increase, Meridian Wire reported.", 0.7) == ()
    [k] = contradictions(c, "Petrol now costs 125 taka a litre.", 0.7)
    assert k.kind == "number"
    # Who pays is not what is priced: "The agency paid ... 248 dollars a ton" / "Egypt paid ... 262".
    assert priced(read("The agency paid an average of about 248 dollars a ton."), read("The agency paid an average of about 248 dollars a ton.").quantities[0]) == set()
    assert contradictions("The company produced about 96,000 tonnes of copper last year.",
                          "Zambia produced about 820,000 tonnes of copper in 2025, the chamber of mines said.", 0.7,
                          "2026-01-27", "2026-01-28") == ()


def test_units_of_two_kinds_an_added_unit_and_a_part_of_a_partys_own_are_other_figures():
    from veracity.verify.contradiction import contradictions

    battalion = ("Bangladesh plans to send an additional infantry battalion of about 850 soldiers to the United Nations "
                 "peacekeeping mission in the Central African Republic")
    assert contradictions(battalion, "The Bangladesh Army is preparing an engineering company of some 250 personnel for "
                                     "deployment to the Central African Republic, the army said on Thursday.", 0.7) == ()
    assert contradictions("Bangladesh has more than 5,000 troops and police serving abroad in UN missions",
                          "The UN spokesperson said Bangladesh had offered a further infantry battalion of roughly 850 "
                          "peacekeepers to MINUSCA.", 0.7) == ()
    assert contradictions("Peru's air force commander told Congress in February that only six of its fighters were in flying condition.",
                          "Peru's air force operates about 20 fighters acquired in the 1980s and 1990s.", 0.7) == ()
    # ... while one unit's two strengths still conflict.
    [c] = contradictions(battalion, "Bangladesh will send an additional infantry battalion of about 400 soldiers to the Central African "
                                    "Republic, the army said.", 0.7)
    assert c.kind == "number"


def test_figures_of_two_goods_two_places_and_two_things_a_percentage_moves():
    from veracity.verify.measured import different_quantities, percent_moved, percent_of

    def why(a, qa, b, qb):
        ra, rb = read(a), read(b)
        return different_quantities(ra, _q(ra, qa), rb, _q(rb, qb))

    sunflower = "The sunflower crop is expected at about 2.1 million tonnes, the ministry said."
    assert why(sunflower, "about 2.1 million tonnes", "Its forecast for this year's maize crop stood at 12.6 million tonnes.",
               "12.6 million tonnes") == "figures of two kinds of goods"
    assert why(sunflower, "about 2.1 million tonnes", "The sunflower harvest came to 1.7 million tonnes.", "1.7 million tonnes") is None
    assert why("Reservoirs in the Alentejo were at 31 percent of capacity.", "31 percent",
               "Reservoirs in the Algarve held 24 percent.", "24 percent") == "figures of two places"
    r = read("Nova Scotia will cut operating grants to its universities by 4 percent.")
    assert percent_moved(r, _q(r, "4 percent")) == {"grant", "operating"}
    assert why(r.text, "4 percent", "The papers cap tuition increases for students at 3 per cent.", "3 per cent").startswith("percentages of two things")
    # A level is not a move: "the jobless rate" may be "unemployment".
    r = read("The jobless rate stood at 7.5 percent in September.")
    assert percent_moved(r, _q(r, "7.5 percent")) == set()
    r = read("Civic Union finished second in the election with 22 percent of the vote.")
    assert percent_of(r, _q(r, "22 percent")) == "vote"
    r = read("The vote left no party with a majority, and turnout fell to a record low of 34 percent.")
    assert percent_of(r, _q(r, "34 percent")) == "turnout"


def test_sums_of_two_kinds_a_series_a_loss_and_a_countrys_figure_against_a_sites():
    from veracity.verify.measured import different_quantities

    def why(c, e):
        cr, er = read(c), read(e)
        return {different_quantities(cr, x, er, y) for x in cr.quantities for y in er.quantities if x.unit == y.unit}

    assert why("The company says it spent about 310 million US dollars repairing lines damaged by Hurricane Melissa.",
               "The government has estimated damage to public infrastructure from Hurricane Melissa at more than 2 billion "
               "US dollars.") == {"a sum by spend vs a sum of damage"}
    assert why("Denmark announced an Arctic defence package worth about 14.6 billion kroner in January 2025.",
               "He also pointed to the second Arctic package of about 27 billion kroner.") == {"two of a series of packages"}
    assert why("Denmark announced an Arctic defence package worth about 14.6 billion kroner.",
               "Denmark's Arctic package of about 17 billion kroner was agreed by parliament.") == {None}
    assert why("The closure could cost local firms up to 50 million crowns in lost trade.",
               "Repairs to the Vejle Fjord Bridge are budgeted at more than 260 million crowns.") == {"a loss to a party vs another sum"}
    assert why("The move would clear the way for the release of a 1.3 billion dollar tranche of Egypt's IMF loan.",
               "Egypt's finance ministry sold 1.5 billion dollars of five-year sukuk.") == {"a sum of tranche vs a sum by sell"}
    assert why("Mozambique has roughly 2,900 megawatts of installed generating capacity.",
               "The gas plant would have an installed capacity of 250 megawatts.") == {"figures of two subjects (an organisation vs a country)"}
    assert why("About 35,000 US troops are stationed in Germany.", "The United States kept its roughly 80,000 troops in "
               "Europe under review.") == {"a place's figure vs the figure of a region holding it"}


def test_a_change_since_a_start_and_an_average_are_other_figures():
    from veracity.verify.measured import different_quantities

    c = read("The tenge strengthened by about 1.3 percent to 509 per dollar on the Kazakhstan Stock Exchange after the announcement.")
    for e, want in (("Since the start of the year the tenge has depreciated by about 6 percent against the U.S. dollar.",
                     "changes over two periods"),
                    ("The tenge averaged 521 per dollar during the month.", "an average vs one value"),
                    ("The tenge strengthened by about 2.5 percent to 498 per dollar after the announcement.", None)):
        er = read(e)
        assert {different_quantities(c, x, er, y) for x in c.quantities for y in er.quantities if x.unit == y.unit} == {want}


def test_a_gatherings_count_is_not_a_standing_one():
    from veracity.verify.measured import different_quantities

    def why(c, e):
        cr, er = read(c), read(e)
        return {different_quantities(cr, cr.quantities[0], er, er.quantities[0])}

    exercise = "Some 6,000 soldiers from 14 NATO countries began a three-week exercise at the Grafenwoehr training area."
    assert why("About 35,000 US troops are stationed in Germany.", exercise) == {"a gathering's count vs a standing or sent one"}
    assert why("About 6,000 troops will take part in the exercise, the army said.", exercise) == {None}


def test_a_sum_named_by_a_relative_pronoun_or_an_apposition_has_its_kind():
    from veracity.verify.counted import kind_of_sum

    c = read("Slovakia and Hungary have expressed reservations about the cost, which the diplomat put at about 35 million euros a year.")
    e = read("The mission's budget for the current year, about 24 million euros, was agreed last December.")
    assert kind_of_sum(c, c.quantities[0]) == ("cost", "of") and kind_of_sum(e, e.quantities[0]) == ("budget", "of")


def test_an_exercises_count_is_not_a_count_sent():
    from veracity.verify.measured import different_quantities

    c = read("Seven European countries are planning to send about 2,500 air-defence troops to northern Norway.")
    e = read("About 20,000 troops from 14 countries took part in the Cold Response exercise in northern Norway that ended on Friday.")
    assert {different_quantities(c, x, e, y) for x in c.quantities for y in e.quantities} == {"a gathering's count vs a standing or sent one"}


def test_a_change_named_after_its_figure_and_a_fund_named_by_its_size():
    from veracity.verify.counted import kind_of_sum, move, mover
    from veracity.verify.measured import different_quantities

    e = read("Ubuntu Health Holdings reported a 12 percent rise in half-year profit on Thursday.")
    assert move(e, e.quantities[0]) == "rise" and mover(e, e.quantities[0]).endswith("profit")
    c = read("The Reef Futures Program received 62 million dollars over four years under its current funding agreement.")
    f = read("Savings would go to the 300 million dollar National Adaptation Research Fund unveiled in the May budget.")
    assert kind_of_sum(f, f.quantities[0]) == ("fund", "of")
    assert different_quantities(c, c.quantities[0], f, f.quantities[0]) == "a sum by receive vs a sum of fund"


def test_two_parties_deeds_and_a_currencys_change_are_other_figures():
    from veracity.verify.measured import different_quantities

    def why(c, e):
        cr, er = read(c), read(e)
        return {different_quantities(cr, x, er, y) for x in cr.quantities for y in er.quantities}

    assert why("Guyana has agreed to sell 12 million forest carbon credits to the Northsea Climate Alliance",
               "Verdant Registry on Wednesday issued 14.2 million jurisdictional forest credits to Guyana.") == {"two parties' deeds"}
    assert why("Kenya Airways ordered six jets from Embraer.", "Embraer said it had sold eight jets to Kenya Airways.") == {None}
    assert why("The tenge strengthened by about 1.3 percent after the announcement.",
               "Dollar trading on the Kazakhstan Stock Exchange rose 14 percent in September.") == {"changes of two things"}


def test_a_count_told_last_year_is_not_this_years_count():
    from veracity.verify.contradiction import contradictions

    ev = "The Jordanian army said it had intercepted 36 drones along the Syrian border in September."
    claim = "it had shot down more than 200 drones along the Syrian border"
    sentence = "The Jordanian army said last year " + claim + "."
    assert not [k for k in contradictions(claim, ev, 0.8, "2026-10-21", "2026-10-05", sentence) if k.kind == "number"]
    # ... but a count of this year's month against one told this year still compares.
    sentence = "The Jordanian army said on Tuesday " + claim + " in September."
    assert [k.kind for k in contradictions(claim + " in September", ev, 0.8, "2026-10-21", "2026-10-05", sentence)] == ["number"]


def test_one_countrys_things_against_all_of_them_are_two_figures():
    from veracity.verify.contradiction import contradictions

    ev = "The ministry said it has now identified some 70 Cambodian objects in European collections."
    claim = "the museum's Southeast Asian collection numbers about 1,200 objects"
    assert contradictions(claim, ev, 0.7) == ()
    # A claim naming the country compares its figure with the country's things.
    [k] = contradictions("The museum in Phnom Penh has now identified about 1,200 objects from Cambodia in European collections", ev, 0.7)
    assert k.kind == "number"
    # Without a region on the other side, both may count the same country's things; a sum's
    # demonym is its currency's.
    [k] = contradictions("About 300 Dutch soldiers would accompany the system",
                         "The letter said around 120 military personnel would accompany the system.", 0.7)
    assert k.kind == "number"
    [k] = contradictions("The work will cost about 180 million Danish crowns", "The repair would cost 240 million crowns.", 0.7)
    assert k.kind == "number"


def test_another_place_another_date_and_other_things_counted_are_two_events():
    from veracity.verify.contradiction import contradictions

    claim = "The Hamburg museum has already returned two bronze drums to Laos, in a ceremony in Vientiane last year."
    ev = "A museum in Lyon returned two sandstone heads to Cambodia on Monday."
    assert contradictions(claim, ev, 0.7, "2026-05-20", "2026-03-03") == ()
    # The same things counted: one return placed and dated apart.
    kinds = {k.kind for k in contradictions(claim, "A museum returned two bronze drums to Cambodia on Monday.", 0.7,
                                            "2026-05-20", "2026-03-03")}
    assert "place" in kinds


def test_the_whole_a_part_is_picked_from_is_compared_only_with_a_whole():
    from veracity.verify.contradiction import contradictions
    from veracity.verify.goods import whole_of_part

    claim = "The survey projects the party winning between 49 and 52 of the 109 seats"
    r = read(claim)
    assert whole_of_part(r, next(q for q in r.quantities if q.value == 109))
    assert not [k for k in contradictions(claim, "The party would take between 49 and 52 seats, the pollster said.", 0.8)
                if k.kind == "number"]


def test_an_existing_things_figure_and_a_part_of_a_years_are_other_figures():
    from veracity.verify.contradiction import contradictions

    claim = "It will provide high-speed internet to 14 countries in Latin America, according to the company."
    assert contradictions(claim, "Its current satellite serves nine South American countries.", 0.7) == ()
    assert [k.kind for k in contradictions(claim, "The satellite will serve nine countries in Latin America.", 0.7)] == ["number"]
    claim = "Celestia had revenue of 210 million euros last year."
    assert contradictions(claim, "The document shows first-quarter revenue of 57 million euros.", 0.7) == ()
    assert [k.kind for k in contradictions(claim, "Celestia's revenue last year was 150 million euros.", 0.7)] == ["number"]


def test_the_rest_of_a_group_is_not_the_group():
    from veracity.verify.contradiction import contradictions

    claim = "Australia would supply roughly 1,000 of the personnel, with the rest coming from the other three countries"
    assert not [k for k in contradictions(claim, "Four countries led by Australia are getting ready to deploy police.", 0.8)
                if k.kind == "number"]


def test_two_named_kinds_of_a_thing_and_two_tranches_are_two_figures():
    from veracity.verify.contradiction import contradictions

    claim = "Education authorities will close 23 rural primary schools because of falling enrolment"
    ev = "The office will introduce AI-based English textbooks in 120 middle schools from this semester."
    assert not [k for k in contradictions(claim, ev, 0.7) if k.kind == "number"]
    assert [k.kind for k in contradictions(claim, "Education authorities will close 40 primary schools.", 0.7)] == ["number"]
    claim = "The federal government has approved an initial 50 million ringgit in emergency aid for the state"
    assert contradictions(claim, "A further 20 million ringgit has been set aside for the state, the ministry said.", 0.7) == ()
    assert [k.kind for k in contradictions(claim, "The government approved 20 million ringgit in emergency aid.", 0.7)] == ["number"]


def test_a_first_batch_is_not_the_whole():
    from veracity.verify.contradiction import contradictions

    claim = "An official said the first 300 officers would arrive in early May."
    assert not [k for k in contradictions(claim, "The Bahamas will send 600 police officers to Haiti.", 0.7) if k.kind == "number"]
    assert [k.kind for k in contradictions(claim, "The first 450 officers would arrive in May.", 0.7) if k.kind == "number"] == ["number"]


def test_a_group_within_those_counted_is_another_figure():
    from veracity.verify.contradiction import contradictions

    claim = "The federation, which has about 24,000 registered players, ended last year with a deficit of 900,000 euros."
    ev = "The federation had 212 member clubs and 8,300 registered youth players at the end of the year."
    assert not [k for k in contradictions(claim, ev, 0.8) if k.kind == "number"]
    ev = "The federation had 212 member clubs and 18,300 registered players at the end of the year."
    assert [k.kind for k in contradictions(claim, ev, 0.8) if k.kind == "number"] == ["number"]


def test_the_evidence_giving_the_claims_figure_as_a_whole_counts_a_part_with_the_other():
    from veracity.verify.contradiction import contradictions

    claim = "Nigeria, Ghana and Senegal plan to send about 1,100 police officers to The Gambia ahead of its election"
    ev = ("The Nigeria Police Force will send 300 officers to The Gambia as part of a regional contingent of some "
          "1,100 police from Nigeria, Ghana and Senegal, a spokesman said on Thursday.")
    assert contradictions(claim, ev, 0.7) == ()
    ev = "The Nigeria Police Force said Nigeria, Ghana and Senegal will send 300 officers to The Gambia."
    assert [k.kind for k in contradictions(claim, ev, 0.7)] == ["number"]


def test_a_counted_noun_named_inside_the_other_figure_is_the_same_thing():
    from veracity.verify.contradiction import contradictions

    ev = "Greece will contribute two F-16 Viper jets to the allied air detachment in Cyprus, the defence ministry said."
    assert [k.kind for k in contradictions("Greece would send four F-16s to Cyprus", ev, 0.62)] == ["number"]
    assert contradictions("Greece would send two F-16s to Cyprus", ev, 0.62) == ()
    # an adjective after a figure is no counted noun ("45 billion cubic metres" of a range)
    ev = "The ministry put preliminary recoverable reserves at between 40 and 45 billion cubic metres."
    assert contradictions("The deposit holds estimated recoverable reserves of about 42 billion cubic metres", ev, 0.7) == ()


def test_a_countrys_contribution_is_not_the_size_of_the_whole_force():
    from veracity.verify.contradiction import contradictions

    ev = ("Mali's defence minister told state television on Thursday that the alliance's unified brigade would have "
          "about 4,000 soldiers at full strength.")
    assert contradictions("Burkina Faso would contribute about 2,500 troops", ev, 0.7, "2026-06-10", "2026-06-11") == ()
    ev = "Burkina Faso's defence minister said on Thursday that Burkina Faso would contribute about 1,200 troops."
    assert [k.kind for k in contradictions("Burkina Faso would contribute about 2,500 troops", ev, 0.7)] == ["number"]
    # ... but a country's own force is its share
    ev = "The Kenyan force will number 600 officers, the ministry said."
    assert [k.kind for k in contradictions("Kenya will send 1,000 police officers to Haiti", ev, 0.7)] == ["number"]
