"""Quarters and parts of places (veracity.verify.quarters)."""

from veracity.verify.quarters import names_a_part, part_checks
from veracity.verify.reading import read


def test_unnamed_quarters_of_the_storys_city():
    claim = read("The city will build the stadium on a former barracks site north of the city centre.")
    assert [c.kind for c in part_checks(claim, read("The stadium will be built on railway land in the city's southern district."))] == ["place"]
    assert part_checks(claim, read("The stadium will be built on the barracks site north of the city centre.")) == []
    assert names_a_part("in the city's southern district") and not names_a_part("in the city centre")


def test_a_named_places_quarters():
    claim = read("Ambulance handover times in Adelaide's northern suburbs averaged 94 minutes in July.")
    assert [c.kind for c in part_checks(claim, read("Handover times in Adelaide's southern suburbs averaged 94 minutes."))] == ["place"]


def test_the_opposite_side_of_a_thing_does_not_confirm_the_claims_side():
    from veracity.verify.quarters import other_side

    claim = "Pedestrians will cross on a temporary walkway fixed to the northern side of the bridge"
    assert other_side(claim, "The footbridge would be hung from the southern, downstream side of the bridge, leaving the "
                             "northern side free for the cranes.")
    assert not other_side(claim, "The footbridge would be hung from the northern side of the bridge.")
    assert not other_side(claim, "The walkway will be 3.5 metres wide.")


def test_a_place_named_only_as_what_is_denied_is_not_where_the_evidence_places_it():
    from veracity.verify.quarters import in_denied_report

    ev = "The mission will be based in Honiara, the spokesman said, dismissing reports that it would be run from Gizo."
    assert in_denied_report(ev, ev.index("Gizo")) and not in_denied_report(ev, ev.index("Honiara"))
