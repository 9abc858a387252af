"""Places (veracity.verify.where): what a report rules out, and whose part it is."""

from veracity.verify.contradiction import contradictions

PLAN = "A group of European countries plans to send about 1,500 counter-drone specialists to Ukraine"


def test_a_demonym_in_what_is_ruled_out_scopes_it_to_that_countrys_part():
    ev = "The Ministry of Defence said on Monday there were no plans to deploy British personnel to Ukraine for counter-drone work."
    assert not [k for k in contradictions(PLAN, ev, 0.7) if k.kind == "place"]
    # Unscoped, the same words rule the place out.
    ev = "The ministry said on Monday there were no plans to deploy personnel to Ukraine for counter-drone work."
    assert [k.kind for k in contradictions(PLAN, ev, 0.7) if k.kind == "place"] == ["place"]


def test_a_place_named_on_both_sides_places_the_claim_whatever_else_it_names():
    claim = "The satellite was placed in orbit after lifting off from the Guiana Space Centre in Kourou, French Guiana."
    ev = "An Aurora-6 rocket lifted off from the Guiana Space Centre at 22:14 local time on Thursday, Lanceurs Atlantique said."
    assert not [k for k in contradictions(claim, ev, 0.7) if k.kind == "place"]


def test_a_place_of_a_thing_set_apart_as_already_there_is_not_the_claims():
    claim = "US chipmaker Norvik Microsystems will build a 2.4 billion dollar advanced packaging plant in Penang, Malaysia."
    assert not [k for k in contradictions(claim, "Norvik's existing packaging plant in Chandler, Arizona, employs 6,200 people.", 0.7)
                if k.kind == "place"]
    [k] = [k for k in contradictions(claim, "Norvik will build the new packaging plant in Chandler, Arizona.", 0.7) if k.kind == "place"]
    assert "Penang" in k.detail


def test_a_town_against_a_province_of_another_country_and_a_place_after_its():
    from veracity.verify.contradiction import contradictions

    claim = "The weightlifter returned the positive sample at the Asian Championships in Tashkent last April"
    ev = "Her positive sample was collected in competition at the Asian Championships in Almaty, Kazakhstan, on 14 April 2025."
    assert [k.kind for k in contradictions(claim, ev, 0.6, "2026-03-19", "2026-03-20")] == ["place"]
    claim = "Bluecrest will consolidate some of its other Davao accounts at its centre in Cebu City"
    ev = "Bluecrest Contact Solutions will transfer several client accounts from Davao to its Iloilo City centre, its COO said."
    assert [k.kind for k in contradictions(claim, ev, 0.75)] == ["place"]
    # ... and "Davao City" is the claim's "Davao": not a place elsewhere
    ev = "Bluecrest Contact Solutions plans to lay off around 1,900 call-centre agents in Davao City by September."
    assert "place" not in [k.kind for k in contradictions(claim, ev, 0.75)]
