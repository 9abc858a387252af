"""Places: ISO codes, qualifiers, regions, demonyms, organisations left out."""

from __future__ import annotations

import pytest

from claims_helpers import claim_containing
from veracity.claims import regions as R
from veracity.claims.places import resolve_demonym, resolve_name


def _places(claim):
    return {p.span.text: p for p in claim.places}


def test_eastern_ukraine_has_code_and_qualifier(claims_demo):
    p = _places(claim_containing(claims_demo, "stationed in eastern Ukraine"))["eastern Ukraine"]
    assert (p.codes, p.qualifier, p.kind, p.name) == (("UA",), "east", "country", "Ukraine")


def test_scandinavia_and_balkans_expand_to_members(claims_demo):
    ps = _places(claim_containing(claims_demo, "Scandinavia and the Balkans"))
    assert ps["Scandinavia"].codes == ("DK", "NO", "SE") and ps["Scandinavia"].kind == "region"
    assert set(ps["Balkans"].codes) == {"AL", "BA", "BG", "GR", "HR", "ME", "MK", "RS", "XK"}
    ps = _places(claim_containing(claims_demo, "including Germany and Poland"))  # the sentence's first claim
    assert ps["Germany"].codes == ("DE",) and ps["Poland"].codes == ("PL",)


def test_demonyms_map_to_countries(claims_demo):
    c = claim_containing(claims_demo, "support to Ukrainian forces")
    p = _places(c)["Ukrainian"]
    assert (p.codes, p.kind) == (("UA",), "demonym")
    c = claim_containing(claims_demo, "deter further Russian aggression")
    assert _places(c)["Russian"].codes == ("RU",)


def test_organisations_are_not_places(claims_demo):
    c = claim_containing(claims_demo, "from NATO and the European Union")
    assert all("NATO" not in p.span.text and "Union" not in p.span.text for p in c.places)
    c = claim_containing(claims_demo, "said one unnamed EU official")
    assert [p.span.text for p in c.places] == ["Ukraine", "Moscow"]
    assert _places(c)["Moscow"].codes == ("RU",) and _places(c)["Moscow"].kind == "city"


def test_europe_is_a_region_with_members(claims_demo):
    p = _places(claim_containing(claims_demo, "strategic locations across Europe"))["Europe"]
    assert p.kind == "region" and {"DE", "FR", "PL", "UA"} <= set(p.codes)


@pytest.mark.parametrize("name, code, kind", [
    ("the U.S.", "US", "country"), ("Britain", "GB", "country"), ("Russia", "RU", "country"),
    ("Scotland", "GB", "subdivision"), ("Texas", "US", "subdivision"), ("Kyiv", "UA", "city"),
    ("South Korea", "KR", "country"), ("Germany", "DE", "country"),
])
def test_resolve_name(name, code, kind):
    _, codes, got_kind = resolve_name(name)
    assert (codes, got_kind) == ((code,), kind)


def test_resolve_name_edge_cases():
    assert resolve_name("NATO") is None and resolve_name("the EU") is None
    assert resolve_name("the West")[1:] == ((), "region")
    assert resolve_name("Narnia")[1:] == ((), "unknown")
    assert resolve_demonym("Scandinavian")[1] == ("DK", "NO", "SE")
    assert resolve_demonym("Muslim") is None


def test_direction_inside_entity(claims_run):
    d = claims_run("Fighting continued in Northern Iraq on Monday.")
    ps = [p for c in d.claims for p in c.places]
    assert any(p.codes == ("IQ",) and p.qualifier == "north" for p in ps), ps


def test_tables_use_valid_codes():
    import pycountry

    valid = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    codes = {c for members in R.REGIONS.values() for c in members}
    codes |= set(R.COUNTRY_ALIASES.values()) | set(R.CITIES.values())
    codes |= {v for v in R.DEMONYMS.values() if not v.startswith("region:")}
    assert codes <= valid, codes - valid
    assert all(v[len("region:"):] in R.REGIONS for v in R.DEMONYMS.values() if v.startswith("region:"))


def test_a_country_the_tagger_calls_an_organisation_is_a_place():
    from veracity.verify.reading import read

    r = read("EU trade with Belarus fell to about 3.2 billion euros last year, according to Eurostat figures.")
    assert [(p.span.text, p.codes) for p in r.places] == [("Belarus", ("BY",))]
    assert read("The EU and NATO met on Monday.").places == ()


def test_a_town_after_a_quarter_word_whatever_the_recogniser_called_it(claims_run):
    # spaCy tags this Montevideo a PRODUCT; "in eastern" still places it
    d = claims_run("The investment would be spent at the club's existing training ground in Carrasco, in eastern Montevideo.")
    places = {p.span.text: p for c in d.claims for p in c.places}
    assert "Montevideo" in places and places["Montevideo"].codes == ("UY",)


def test_a_twin_town_and_a_town_after_a_compass_point(claims_run):
    d = claims_run("The two factories are both in Joal-Fadiouth, on the coast south of Dakar, the ministry said.")
    ps = {p.name: p for c in d.claims for p in c.places}
    assert ps["Joal-Fadiouth"].codes == ("SN",) and ps["Joal-Fadiouth"].kind == "city"
    assert ps["Dakar"].codes == ("SN",)


def test_peoples_words_formed_from_country_names():
    assert resolve_demonym("Tongan") == ("Tonga", ("TO",))
    assert resolve_demonym("Fijian") == ("Fiji", ("FJ",))
    assert resolve_demonym("Omani") == ("Oman", ("OM",))
    assert resolve_demonym("Christian") is None


def test_a_province_name_two_countries_hold_is_read_by_its_neighbours(claims_run):
    d = claims_run("Hospitals in Punjab, Sindh, Balochistan and Khyber Pakhtunkhwa have been told to quarantine the stock, "
                   "the regulator said.")
    ps = {p.name: p for c in d.claims for p in c.places}
    assert ps["Punjab"].codes == ("PK",)
    d = claims_run("Farmers in Punjab and Haryana have blocked highways for a third day, the police said.")
    ps = {p.name: p for c in d.claims for p in c.places}
    assert ps["Punjab"].codes == ("IN",)
