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
