"""Dates (veracity.verify.when): which dates are of one action, and figures of two periods."""

from veracity.verify.contradiction import contradictions
from veracity.verify.reading import read
from veracity.verify.when import counted_before, event_years


def test_a_transitive_phase_verb_dates_its_object_and_a_weekday_is_a_date():
    claim = "The ministry began an oral cholera vaccination campaign on Monday targeting about 450,000 people"
    ev = ("The health ministry said on Thursday that the oral cholera vaccination campaign in Nampula would begin on "
          "February 25, once 450,000 doses from the international stockpile had reached the province.")
    [k] = contradictions(claim, ev, 0.75, "2026-02-18", "2026-02-19")
    assert k.kind == "date" and "'Monday' vs 'February 25'" in k.detail
    # Only the day the statement was made: nothing to compare.
    assert contradictions("The ministry said on Monday that the campaign had begun", "The ministry said on Thursday that the "
                          "campaign had begun in Nampula", 0.75, "2026-02-18", "2026-02-19") == ()


def test_an_election_named_after_at_the_dates_its_result():
    assert event_years(read("Andalusian Progress won 58 seats at the 2022 election."), dated_only=True) == {"2022"}
    ev = "Andalusian Progress would take between 49 and 52 seats in the regional parliament, according to the April barometer."
    assert contradictions("Andalusian Progress won 58 seats at the 2022 election.", ev, 0.7, "2026-04-19", "2026-04-19") == ()


def test_a_figure_done_before_a_future_years_plan_is_another_periods():
    claim = read("Public hospitals owed suppliers 1.2 billion euros at the end of August.", "2026-10-10")
    plan = read("Portugal will increase health service spending by 9 percent to around 17.4 billion euros in 2027.", "2026-10-12")
    assert counted_before(claim, plan)
    # An end still to come ("until 2045") is no period of the other figure.
    deal = read("The agreement extends the lease until 2045 and commits it to invest 1.8 billion dollars.", "2026-11-17")
    filing = read("The company said in a filing on Wednesday that its agreement obliges it to invest 1.3 billion dollars.", "2026-11-18")
    assert not counted_before(deal, filing)


def test_a_sentence_giving_only_another_season_does_not_confirm_the_claims_month():
    from veracity.verify.when import other_time

    claim = read("Its first ships would sail through the Turkish Straits in mid-May", "2026-04-21")
    ev = read("Crews will spend the summer on joint training in the Aegean before requesting passage through the Turkish Straits.",
              "2026-04-23")
    assert other_time(claim, ev)
    assert not other_time(claim, read("The first ships will pass the Bosporus in May.", "2026-04-23"))
    assert not other_time(claim, read("The ships will pass the Bosporus, the navy said on Thursday.", "2026-04-23"))


def test_a_figure_of_years_gone_by_is_not_one_still_to_come():
    past = read("US special forces advised Philippine troops from 2002 to 2015 under a programme that at its peak involved "
                "around 600 personnel.", "2027-05-17")
    plan = read("Some 2,500 soldiers from the United States, Australia and Japan are to train alongside the Philippine army.",
                "2027-05-18")
    assert counted_before(past, plan) and counted_before(plan, past)
    assert not counted_before(read("Around 600 personnel took part.", "2027-05-17"), plan)
