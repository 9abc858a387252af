"""The GeoNames city gazetteer and the towns spaCy's small model does not tag as places."""

from __future__ import annotations

import pytest

from veracity.claims import gazetteer as G
from veracity.claims.places import resolve_name


def _towns(claims_run, text: str) -> dict[str, object]:
    """Places of kind "city" over every claim of ``text``, by name; every span exact."""
    d = claims_run(text)
    out = {}
    for c in d.claims:
        for p in c.places:
            assert d.article.text[p.span.start:p.span.end] == p.span.text
            if p.kind == "city":
                out[p.span.text] = p
    return out


def _all_place_texts(claims_run, text: str) -> list[str]:
    return [p.span.text for c in claims_run(text).claims for p in c.places]


# --- The gazetteer itself -------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [
    ("Ostrava", "CZ"), ("Jihlava", "CZ"), ("Sisak", "HR"), ("Valladolid", "ES"),
    ("Kraków", "PL"), ("Krakow", "PL"), ("Cracow", "PL"), ("Pilsen", "CZ"),
])
def test_city_codes(name, code):
    codes, population = G.city(name)
    assert codes[0] == code and population >= G.MIN_POPULATION


def test_a_name_in_several_countries_keeps_those_close_in_size():
    assert G.city("Paris")[0] == ("FR",)  # Paris, Texas is too small to count
    assert {"GB", "US"} <= set(G.city("Cambridge")[0])


def test_translations_and_codes_are_not_names():
    # GeoNames lists "White House" among Casablanca's names and "OSR" among Ostrava's.
    assert G.city("White House") is None and G.city("OSR") is None and G.city("Vysocina") is None


def test_ordinary_words():
    assert G.ordinary_word("Bath") and G.ordinary_word("Reading")
    assert G.ordinary_word("Ostrava") is False


# --- resolve_name ---------------------------------------------------------------------------

def test_resolve_name_falls_back_to_the_gazetteer_when_asked():
    assert resolve_name("Ostrava", gazetteer=True) == ("Ostrava", ("CZ",), "city")
    # Callers that try any name (is this organisation a place?) get the tables only.
    assert resolve_name("Ostrava") == ("Ostrava", (), "unknown")
    assert resolve_name("Orange") == ("Orange", (), "unknown")
    # A district named after its town is the town.
    assert resolve_name("Jihlava", gazetteer=True) == ("Jihlava", ("CZ",), "city")
    assert resolve_name("Jihlava") == ("Jihlava", ("CZ",), "subdivision")


def test_resolve_name_tables_come_first():
    assert resolve_name("NATO") is None
    assert resolve_name("Georgia")[2] == "country" and resolve_name("Texas")[2] == "subdivision"


def test_acronyms_and_directions_are_not_towns():
    # SANA (Syria's news agency) is also a spelling of Sanaa; an all-capitals word is no town.
    assert resolve_name("SANA", gazetteer=True)[2] != "city" and resolve_name("IRNA", gazetteer=True)[2] != "city"
    assert resolve_name("the North", gazetteer=True)[2] != "city"


# --- Towns found in sentences ---------------------------------------------------------------

def test_ostrava_tagged_as_organisation_is_a_czech_town(claims_run):
    towns = _towns(claims_run, "The first trains are due to enter service in December 2027 on lines around "
                               "Ostrava, the person said.")
    assert towns["Ostrava"].codes == ("CZ",)


def test_jihlava(claims_run):
    towns = _towns(claims_run, "The first hydrogen trains bought by Moravian Rail will run on the lines around "
                               "Jihlava in the Vysocina region from December 2027, the regional transport "
                               "authority said on Friday.")
    assert towns["Jihlava"].codes == ("CZ",)


def test_sisak(claims_run):
    assert _towns(claims_run, "The worst flooding was in Sisak, officials said.")["Sisak"].codes == ("HR",)


def test_paris(claims_run):
    assert _towns(claims_run, "The summit will be held in Paris next week, the ministry said.")["Paris"].codes == ("FR",)


def test_towns_tagged_as_people_after_to(claims_run):
    towns = _towns(claims_run, "Leos Janacek Airport in Ostrava will add weekly summer flights to Malaga and "
                               "Alicante from June, the airport operator said on Monday.")
    assert towns["Ostrava"].codes == ("CZ",)
    assert towns["Malaga"].codes == ("ES",) and towns["Alicante"].codes == ("ES",)


def test_between_and(claims_run):
    towns = _towns(claims_run, "The company said trains would run between Brno and Ostrava from next year.")
    assert {"Brno", "Ostrava"} <= set(towns) and towns["Ostrava"].codes == ("CZ",)


def test_a_bath_is_no_town(claims_run):
    text = "Officials in Bern said the minister relaxed in a hot bath after the talks in Geneva."
    assert "bath" not in " ".join(_all_place_texts(claims_run, text)).lower()


def test_reading_at_the_start_of_a_sentence_is_no_town(claims_run):
    text = "Reading the report, the mayor of Ostrava said the lines around Ostrava would stay open."
    places = _all_place_texts(claims_run, text)
    assert "Reading" not in places and "Ostrava" in places


def test_a_person_is_no_town(claims_run):
    # Jackson (Mississippi) is a town; here, tagged PERSON after "to", it is the man named in full.
    text = ("Tom Jackson, the company's chief executive, said the plant would close. According to Jackson, "
            "the decision was final. The union sent its complaint to Jackson on Monday.")
    assert "Jackson" not in _all_place_texts(claims_run, text)


def test_a_surname_tagged_as_a_place_is_the_person_named_in_full(claims_run):
    # Choque is a town in Mozambique; spaCy tags the speaker "Choque" of the second sentence GPE.
    text = ("Bolivia has nationalised the mine, Mining Minister Ramiro Choque announced on Thursday. Altiplano has "
            "accepted the offer, Choque told reporters in La Paz.")
    places = _all_place_texts(claims_run, text)
    assert "Choque" not in places and "La Paz" in places


def test_months_and_days_are_no_towns(claims_run):
    text = "The new timetable starts in March, and the first train to Ostrava leaves on Friday, the operator said."
    places = _all_place_texts(claims_run, text)
    assert "March" not in places and "Friday" not in places


def test_without_wordnet_no_untagged_town_is_taken(claims_run, monkeypatch):
    monkeypatch.setattr(G, "ordinary_word", lambda name: None)
    towns = _towns(claims_run, "The first trains are due to enter service in December 2027 on lines around "
                               "Ostrava, the person said.")
    assert "Ostrava" not in towns


def test_evidence_reading_places_the_claim_and_the_evidence():
    from veracity.verify.reading import read

    claim = read("The first trains are due to enter service in December 2027 on lines around Ostrava.")
    ev = read("The first hydrogen trains bought by Moravian Rail will run on the lines around Jihlava in the "
              "Vysocina region from December 2027, the regional transport authority said on Friday.")
    assert [(p.span.text, p.codes, p.kind) for p in claim.places] == [("Ostrava", ("CZ",), "city")]
    assert ("Jihlava", ("CZ",), "city") in [(p.span.text, p.codes, p.kind) for p in ev.places]


def test_part_of_a_longer_name_is_no_town(claims_run):
    # "Cerro" is a district of Havana; "Cerro Plomo" is a copper mine (spaCy tags "Cerro" alone).
    text = "Mine output at Cerro Plomo reached 310,000 tonnes of fine copper in 2025, the company said."
    assert not any(p.span.text.startswith("Cerro") for c in claims_run(text).claims for p in c.places)


def test_a_name_the_tagger_cut_short_is_read_whole():
    from veracity.verify.reading import read

    r = read("The factory lies in the Bau Xeo industrial park in Trang Bom, about 20 kilometres east of Bien Hoa.")
    towns = [(p.span.text, p.codes) for p in r.places if p.kind == "city"]
    assert ("Trang Bom", ("VN",)) in towns  # "Trang" alone is a province of Thailand
    # ... and a state: spaCy tags "Andhra" alone.
    r = read("At least 61 people have died of heatstroke in Andhra Pradesh since May.")
    assert [(p.span.text, p.codes, p.kind) for p in r.places] == [("Andhra Pradesh", ("IN",), "subdivision")]


def test_the_port_city_of_a_municipality_and_a_province_with_a_letter_unicode_keeps():
    from veracity.verify.reading import read

    r = read("Three workers were killed in a fire in the northern port city of Hai Phong on Wednesday.")
    assert [(p.span.text, p.codes) for p in r.places] == [("Hai Phong", ("VN",))]
    r = read("A fire at a garment factory in Dong Nai province killed 11 workers.")
    assert ("Dong Nai", ("VN",)) in [(p.span.text, p.codes) for p in r.places]


def test_capitals_stand_for_their_country():
    from veracity.claims.gazetteer import capital_of

    assert capital_of("Kinshasa") == "CD" and capital_of("Moscow") == "RU"
    assert capital_of("Lyon") is None
