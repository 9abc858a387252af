"""Rules added for the blind sets 73-76 (session 27), each on the sentence shape that needed it:
an action a negated verb of inclusion takes, a place the claim's own negated action names, a
figure describing a named party, a handover of command, places under a negated verb, two
stances on two things, a town named in its country, a withdrawn
release's figure, a part of a total, a vessel "on the" name, a town the article never names."""

from veracity.claims.places import _by_neighbours
from veracity.records import Place, Span
from veracity.verify.contradiction import check_polarity
from veracity.verify.figures import check_numbers
from veracity.verify.reading import read
from veracity.verify.roles import check_roles
from veracity.verify.where import _locations, check_places

PUB = "2026-07-10"


def test_an_action_a_negated_verb_of_inclusion_takes_is_negated():
    r = read("She said the accord would not involve basing any foreign soldiers in North Kivu or South Kivu.", PUB)
    assert ("base", True) in [(f.lemma, f.negated) for f in r.frames]
    assert ("base", False) in [(f.lemma, f.negated) for f in read("The accord involves basing foreign soldiers in Goma.", PUB).frames]


def test_a_place_the_claims_own_negated_action_names_is_not_ruled_out_against_it():
    claim = read("The presidency said no foreign troops would be stationed in North Kivu or South Kivu.", PUB)
    ev = read("She said the accord would not involve basing any foreign soldiers in North Kivu or South Kivu.", PUB)
    assert check_places(claim, ev) == []
    # ... a claim placing its troops there is still ruled out
    placed = read("The presidency said foreign troops would be stationed in North Kivu.", PUB)
    assert [c.kind for c in check_places(placed, ev)] == ["place"]


def test_a_figure_describing_a_named_party_is_not_the_whole_forces():
    claim = read("Italy, which has about 1,000 soldiers in the current mission, would provide the force commander.", PUB)
    ev = read("The European force planned for southern Lebanon would number about 2,500 soldiers, officials said.", PUB)
    assert check_numbers(claim, ev) == []
    # ... against the party's own figure it is compared
    own = read("Italy has about 1,600 soldiers in the current mission, the defence ministry said.", PUB)
    assert [c.kind for c in check_numbers(claim, own)] == ["number"]


def test_one_who_handed_over_command_heads_it_no_more():
    claim = read("The plan is being drawn up by Lieutenant General Anders Vik, the head of Norway's Joint Headquarters in Bodo.", PUB)
    ev = read("Lieutenant General Anders Vik handed over command of Norway's Joint Headquarters in Bodo to Major General "
              "Kari Berg on Tuesday and retired.", PUB)
    (check,) = check_roles(claim, ev)
    assert "handed over command" in check.detail
    other = read("Lieutenant General Anders Vik handed over command of the Northern Brigade to Colonel Kari Berg on Tuesday.", PUB)
    assert check_roles(claim, other) == []


def test_a_place_under_a_negated_verb_places_nothing():
    claim = read("The council has approved a request by Vuela Pacifico to fly between Guayaquil and the Galapagos Islands.", PUB)
    ev = read("The council said on Wednesday it had not rejected Vuela Pacifico's request to fly between Quito and San Cristobal island.", PUB)
    assert check_places(claim, ev) == []
    flown = read("The council approved Vuela Pacifico's request to fly between Quito and San Cristobal island.", PUB)
    assert [c.kind for c in check_places(claim, flown)] == ["place"]


def test_two_stances_on_two_things_are_no_contradiction():
    claim = read("Two incumbent carriers, Aerocosta and Linea Andina, had opposed the licence.", PUB)
    ev = read("Linea Andina has agreed to lease three narrowbody jets from an Irish lessor, the airline said.", PUB)
    assert check_polarity(claim, ev) == []
    backed = read("Linea Andina has backed the licence, the airline said on Thursday.", PUB)
    assert [c.kind for c in check_polarity(claim, backed)] == ["polarity"]


def test_a_town_named_in_its_country_is_that_countrys():
    text = "The port of San Pedro in western Ivory Coast shipped a record."
    p = Place(Span(12, 21, "San Pedro"), "San Pedro", ("PY",), None, "subdivision")
    q = Place(Span(25, 44, "western Ivory Coast"), "Côte d'Ivoire", ("CI",), "west", "country")
    (a, _) = _by_neighbours((p, q), text)
    assert a.codes == ("CI",) and a.kind == "city"
    # a town the gazetteer does not hold in that country keeps its codes
    far = Place(Span(12, 21, "San Pedro"), "San Pedro", ("PY",), None, "subdivision")
    norway = Place(Span(25, 44, "western Norway"), "Norway", ("NO",), "west", "country")
    assert _by_neighbours((far, norway), "The port of San Pedro in western Norway shipped.")[0].codes == ("PY",)


def test_a_withdrawn_releases_figure_is_what_was_published():
    claim = read("The statistics office has withdrawn its labour force survey, a week after publishing an unemployment rate of "
                 "4.6 percent.", PUB)
    ev = read("Corrected second-quarter labour figures due on August 20 will put unemployment at about 5.3 percent.", PUB)
    assert check_numbers(claim, ev) == []
    plain = read("The statistics office put the unemployment rate at 4.6 percent.", PUB)
    assert [c.kind for c in check_numbers(plain, ev)] == ["number"]


def test_a_part_of_the_total_is_no_other_total():
    claim = read("The new limit of 51,000 tonnes will be split equally between the two countries' fleets.", PUB)
    ev = read("The ministry said 3,000 tonnes of the total would be held back for research surveys.", PUB)
    assert check_numbers(claim, ev) == []


def test_a_name_on_the_is_a_vessel_or_a_river_not_a_place():
    r = read("About 3 cubic metres of fuel oil leaked from a damaged tank on the Marina Thalassa.", PUB)
    assert _locations(r) == []
    # a town the tagger calls a language is still a town after "into"
    (loc,) = _locations(read("About 3 cubic metres of marine gas oil leaked into Aarhus harbour on Thursday.", PUB))
    assert loc.codes == ("DK",)


def test_two_things_of_a_series_told_apart_by_their_ordinals():
    from veracity.verify.contradiction import contradictions
    claim = "The first system is expected to be operational around Kharkiv by March 2027"
    assert contradictions(claim, "A second German-funded battery is due to be ready near Zaporizhzhia by March 2027.", 0.6) == ()
    same = contradictions(claim, "The first system is expected to be operational around Sumy by March 2027.", 0.7)
    assert [c.kind for c in same] == ["place"]


def test_a_sum_a_year_and_the_same_sum_over_years_are_two_sums():
    from veracity.verify.figures import rate_and_total
    claim = read("The mission would cost about 600 million euros a year, paid largely by the European Union.", PUB)
    ev = read("The European Union approved 600 million euros over three years for the Lebanese army.", PUB)
    assert rate_and_total(claim, ev)
    assert not rate_and_total(claim, read("The mission will cost 600 million euros a year, the EU said.", PUB))


def test_two_routes_fares_are_two_figures():
    claim = read("Return fares on the Guayaquil-Baltra route currently average about 480 dollars.", PUB)
    other = read("Linea Andina said its average return fare between Quito and Baltra was 520 dollars.", PUB)
    from veracity.verify.contradiction import contradictions
    assert "number" not in {c.kind for c in contradictions(claim.text, other.text, 0.7)}
    same = "Linea Andina said the average return fare between Guayaquil and Baltra was 520 dollars."
    assert "number" in {c.kind for c in contradictions(claim.text, same, 0.7)}


def test_the_places_a_route_goes_to_are_not_where_the_story_is():
    claim = read("Air Teranga plans to use the new jets to open routes to Abidjan, Lagos and Casablanca.", PUB)
    ev = read("The contract for eight Arcadia jets was signed on Friday at the presidential palace in Dakar.", PUB)
    assert check_places(claim, ev) == []
    other = read("Air Teranga plans to use the new jets to open routes to Accra and Casablanca.", PUB)
    assert [c.kind for c in check_places(claim, other)] == ["place"]


def test_a_count_since_the_start_of_a_year_is_no_event_date():
    from veracity.verify.when import check_dates
    claim = read("The accident was the third fatal crash involving a Nepali domestic airline since the start of 2024.", "2026-04-10")
    ev = read("The newspaper linked the instruction to last month's fatal Dhaulagiri Air crash near Jomsom.", "2026-04-08")
    assert check_dates(claim, ev) == []


def test_a_country_named_only_as_a_neighbour_is_not_the_figures():
    from veracity.verify.owners import other_countries
    claim = read("The Far North region, which borders Nigeria and Chad, remained the most populous region, with 4.9 million people.", PUB)
    ev = read("Chad's national statistics agency said on Friday that its 2025 census had counted 19.3 million residents.", PUB)
    assert other_countries(claim, ev)
    assert not other_countries(read("Chad's population reached 18 million people, the census showed.", PUB), ev)


def test_a_corrected_releases_figure_is_not_refuted_by_the_first():
    claim = read("A corrected release, due on August 20, is expected to show unemployment closer to 5.3 percent.", PUB)
    first = read("The deputy minister said record-low unemployment of 4.6 percent showed the programme was working.", PUB)
    assert check_numbers(claim, first) == []
    # ... while a correction refutes a plain figure
    plain = read("Unemployment was 4.6 percent in the second quarter.", PUB)
    fixed = read("Unemployment was 5.3 percent in the second quarter, the corrected release showed.", PUB)
    assert [c.kind for c in check_numbers(plain, fixed)] == ["number"]


def test_a_town_the_article_never_names_voids_support_only_when_the_story_is_in_another_town():
    from veracity.verify.judge import _story_elsewhere
    claim = read("About 3 cubic metres of fuel oil leaked from a damaged tank, and a Danish vessel was sent to contain the spill.", PUB)
    ev = read("About 3 cubic metres of marine gas oil leaked into Aarhus harbour on Thursday.", PUB)
    article = "The ferry collided with a bulk carrier off Frederikshavn. " + claim.text
    assert _story_elsewhere(claim, ev, article)
    assert not _story_elsewhere(claim, ev, "The ferry collided with a bulk carrier in the Kattegat. " + claim.text)


def test_opposite_directions_from_the_same_thing_are_two_places():
    claim = read("The aircraft came down in a rice field about two kilometres east of the runway.", PUB)
    ev = read("The wreckage of the freighter lies in cattle pasture about two kilometres west of the runway, officials said.", PUB)
    (check,) = check_places(claim, ev)
    assert check.detail == "east of the runway vs west of the runway"
    assert check_places(claim, read("The wreckage lies about two kilometres west of the river, officials said.", PUB)) == []
