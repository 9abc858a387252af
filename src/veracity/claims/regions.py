"""Small hand-kept tables for place normalisation: regions, aliases, demonyms, cities.

pycountry knows official country names and ISO codes; news copy says "Britain", "the
U.S.", "Scandinavia", "Ukrainian" and "Kyiv". These tables cover that gap. Codes are ISO
3166-1 alpha-2, with one documented exception: Kosovo is ``XK`` (user-assigned, used by
the EU, IMF and most data providers; ISO has not assigned it a code).

Region definitions (the choice matters, so it is written down):
- Scandinavia: the narrow, linguistic-historical sense, DK NO SE. The broader group is
  "the Nordic countries" (adds FI, IS).
- The Balkans: states wholly or mostly on the Balkan peninsula: AL BA BG GR HR ME MK RS XK.
  Slovenia, Romania and Turkey (only partly on the peninsula) are left out.
- Europe and its parts: UN M49 geoscheme; "Europe" adds Cyprus (an EU member M49 puts in
  Western Asia).
- Middle East: the common news usage (Gulf, Levant, Iran, Iraq, Egypt, Turkey, Yemen).
- Too broad or political to list ("the West", "Asia", "Africa"): a region with no codes.

Organisations (EU, NATO, UN, ...) are actors, not places: "an EU official" is not located
in 27 countries, so they are never turned into places (see ORGANISATIONS).
"""

from __future__ import annotations


def _codes(s: str) -> tuple[str, ...]:
    return tuple(s.split())


EUROPE_EAST = _codes("BG BY CZ HU MD PL RO RU SK UA")
EUROPE_WEST = _codes("AT BE CH DE FR LI LU MC NL")
EUROPE_NORTH = _codes("DK EE FI GB IE IS LT LV NO SE")
EUROPE_SOUTH = _codes("AD AL BA ES GR HR IT ME MK MT PT RS SI SM VA XK")
EUROPE = tuple(sorted(set(EUROPE_EAST + EUROPE_WEST + EUROPE_NORTH + EUROPE_SOUTH + ("CY",))))

# name (lower case, without a leading "the") -> member codes
REGIONS: dict[str, tuple[str, ...]] = {
    "scandinavia": _codes("DK NO SE"),
    "nordic countries": _codes("DK FI IS NO SE"),
    "nordics": _codes("DK FI IS NO SE"),
    "balkans": _codes("AL BA BG GR HR ME MK RS XK"),
    "western balkans": _codes("AL BA ME MK RS XK"),
    "baltics": _codes("EE LV LT"),
    "baltic states": _codes("EE LV LT"),
    "baltic": _codes("EE LV LT"),
    "benelux": _codes("BE LU NL"),
    "iberia": _codes("ES PT"),
    "iberian peninsula": _codes("ES PT"),
    "caucasus": _codes("AM AZ GE"),
    "south caucasus": _codes("AM AZ GE"),
    "central asia": _codes("KZ KG TJ TM UZ"),
    "europe": EUROPE,
    "continental europe": EUROPE,
    "eastern europe": EUROPE_EAST,
    "western europe": EUROPE_WEST,
    "northern europe": EUROPE_NORTH,
    "southern europe": EUROPE_SOUTH,
    "central europe": _codes("AT CH CZ DE HU LI PL SK SI"),
    "middle east": _codes("AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    "gulf": _codes("AE BH KW OM QA SA"),
    "persian gulf": _codes("AE BH IR IQ KW OM QA SA"),
    "levant": _codes("IL JO LB PS SY"),
    "maghreb": _codes("DZ LY MA MR TN"),
    "north africa": _codes("DZ EG LY MA SD TN"),
    "horn of africa": _codes("DJ ER ET SO"),
    "sahel": _codes("BF ML MR NE TD"),
    "southeast asia": _codes("BN KH ID LA MY MM PH SG TH TL VN"),
    "south-east asia": _codes("BN KH ID LA MY MM PH SG TH TL VN"),
    "korean peninsula": _codes("KP KR"),
    "scandinavian countries": _codes("DK NO SE"),
    "british isles": _codes("GB IE"),
    "north america": _codes("CA MX US"),
    # Too broad or political to list members honestly.
    "west": (),
    "east": (),
    "asia": (),
    "africa": (),
    "latin america": (),
    "south america": (),
    "americas": (),
    "oceania": (),
    "arctic": (),
    "atlantic": (),
    "pacific": (),
    "mediterranean": (),
    "northern hemisphere": (),
    "southern hemisphere": (),
    "asia-pacific": (),
    "far east": (),
    "antarctica": ("AQ",),
}

# Common news names pycountry does not resolve (lower case, without a leading "the").
COUNTRY_ALIASES: dict[str, str] = {
    "u.s.": "US", "us": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "united states of america": "US", "states": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "russia": "RU", "turkey": "TR", "türkiye": "TR", "ivory coast": "CI", "kosovo": "XK",
    "palestine": "PS", "palestinian territories": "PS", "gaza": "PS", "gaza strip": "PS",
    "west bank": "PS", "macedonia": "MK", "holland": "NL", "czechia": "CZ", "burma": "MM",
    "north korea": "KP", "south korea": "KR", "korea": "KR", "iran": "IR", "syria": "SY",
    "vatican": "VA", "vatican city": "VA", "dr congo": "CD", "drc": "CD",
    "democratic republic of congo": "CD", "democratic republic of the congo": "CD",
    "congo-brazzaville": "CG", "uae": "AE", "emirates": "AE", "east timor": "TL",
    "cape verde": "CV", "swaziland": "SZ", "moldova": "MD", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "laos": "LA", "vietnam": "VN", "taiwan": "TW", "brunei": "BN",
    "england": "GB", "wales": "GB", "northern ireland": "GB", "ulster": "GB",
    "crimea": "UA", "donbas": "UA", "donbass": "UA", "tibet": "CN", "hong kong": "HK",
    "kurdistan": "IQ", "chechnya": "RU", "siberia": "RU", "kashmir": "IN",
}

# Places inside a country that news calls by name (kind "subdivision" rather than "country").
SUBNATIONAL = frozenset({
    "england", "wales", "scotland", "northern ireland", "ulster", "crimea", "donbas", "donbass",
    "tibet", "kurdistan", "chechnya", "siberia", "kashmir", "gaza", "gaza strip", "west bank",
})

# Adjectives and nouns for peoples (spaCy NORP) -> a country code, or "region:<name>".
_DEMONYMS = """
afghan AF|albanian AL|algerian DZ|american US|americans US|angolan AO|argentine AR|argentinian AR
armenian AM|australian AU|austrian AT|azerbaijani AZ|azeri AZ|bahraini BH|bangladeshi BD
belarusian BY|belarussian BY|belgian BE|bolivian BO|bosnian BA|brazilian BR|british GB|briton GB
britons GB|bulgarian BG|burmese MM|cambodian KH|cameroonian CM|canadian CA|chilean CL|chinese CN
colombian CO|congolese CD|croatian HR|cuban CU|cypriot CY|czech CZ|danish DK|dane DK|danes DK
dutch NL|ecuadorian EC|egyptian EG|emirati AE|english GB|eritrean ER|estonian EE|ethiopian ET
filipino PH|philippine PH|finnish FI|finn FI|finns FI|french FR|georgian GE|german DE|germans DE|ghanaian GH
greek GR|greeks GR|haitian HT|hungarian HU|icelandic IS|indian IN|indians IN|indonesian ID
iranian IR|iraqi IQ|irish IE|israeli IL|israelis IL|italian IT|italians IT|jamaican JM
japanese JP|jordanian JO|kazakh KZ|kenyan KE|korean KR|kosovan XK|kosovar XK|kurdish IQ
kuwaiti KW|kyrgyz KG|latvian LV|lebanese LB|libyan LY|lithuanian LT|luxembourgish LU
macedonian MK|malaysian MY|maltese MT|mexican MX|moldovan MD|mongolian MN|montenegrin ME
moroccan MA|nepalese NP|nigerian NG|norwegian NO|norwegians NO|pakistani PK|palestinian PS
palestinians PS|peruvian PE|polish PL|pole PL|poles PL|portuguese PT|qatari QA|romanian RO
russian RU|russians RU|rwandan RW|saudi SA|saudis SA|scottish GB|scot GB|scots GB|senegalese SN
serb RS|serbs RS|serbian RS|singaporean SG|slovak SK|slovakian SK|slovenian SI|slovene SI
somali SO|south african ZA|south korean KR|north korean KP|spanish ES|spaniard ES|spaniards ES
sri lankan LK|sudanese SD|swedish SE|swede SE|swedes SE|swiss CH|syrian SY|taiwanese TW
tajik TJ|thai TH|tunisian TN|turkish TR|turk TR|turks TR|turkmen TM|ugandan UG|ukrainian UA
ukrainians UA|uzbek UZ|venezuelan VE|vietnamese VN|welsh GB|yemeni YE|zimbabwean ZW
zambian ZM|croat HR|croats HR|sudanese SD|chechen RU|crimean UA|tibetan CN|catalan ES
european region:europe|europeans region:europe|scandinavian region:scandinavia
nordic region:nordic countries|baltic region:baltics|balkan region:balkans
middle eastern region:middle east|african region:africa|asian region:asia
latin american region:latin america|arab region:middle east|arabs region:middle east
southeast asian region:southeast asia|south-east asian region:south-east asia|central asian region:central asia
north african region:north africa
"""
DEMONYMS: dict[str, str] = {}
for _line in _DEMONYMS.strip().splitlines():
    for _pair in _line.split("|"):
        if " region:" in _pair:  # region names can have spaces: "nordic region:nordic countries"
            _word, _region = _pair.split(" region:", 1)
            DEMONYMS[_word] = "region:" + _region
        else:
            _word, _code = _pair.rsplit(" ", 1)
            DEMONYMS[_word] = _code

# Capitals and cities often in the news -> country.
_CITIES = """
kyiv UA|kiev UA|kharkiv UA|odesa UA|odessa UA|lviv UA|mariupol UA|donetsk UA|luhansk UA|kherson UA
moscow RU|st petersburg RU|london GB|manchester GB|birmingham GB|liverpool GB|glasgow GB
edinburgh GB|cardiff GB|belfast GB|leeds GB|washington US|new york US|los angeles US|chicago US
boston US|san francisco US|houston US|miami US|detroit US|seattle US|atlanta US|las vegas US
paris FR|marseille FR|lyon FR|berlin DE|munich DE|hamburg DE|frankfurt DE|cologne DE|bonn DE
brussels BE|amsterdam NL|the hague NL|rotterdam NL|madrid ES|barcelona ES|lisbon PT|rome IT
milan IT|turin IT|naples IT|vienna AT|geneva CH|zurich CH|bern CH|warsaw PL|krakow PL
prague CZ|budapest HU|bucharest RO|sofia BG|athens GR|belgrade RS|zagreb HR|sarajevo BA
pristina XK|tirana AL|skopje MK|podgorica ME|ljubljana SI|bratislava SK|vilnius LT|riga LV
tallinn EE|helsinki FI|stockholm SE|oslo NO|copenhagen DK|reykjavik IS|dublin IE|minsk BY
chisinau MD|tbilisi GE|yerevan AM|baku AZ|ankara TR|istanbul TR|beijing CN|shanghai CN
hong kong HK|tokyo JP|osaka JP|seoul KR|pyongyang KP|taipei TW|delhi IN|new delhi IN
mumbai IN|bombay IN|kolkata IN|calcutta IN|bangalore IN|karachi PK|islamabad PK|lahore PK
kabul AF|tehran IR|baghdad IQ|basra IQ|mosul IQ|damascus SY|aleppo SY|beirut LB|amman JO
jerusalem IL|tel aviv IL|cairo EG|riyadh SA|dubai AE|abu dhabi AE|doha QA|sanaa YE
tripoli LY|tunis TN|algiers DZ|rabat MA|khartoum SD|addis ababa ET|nairobi KE|lagos NG
abuja NG|johannesburg ZA|cape town ZA|pretoria ZA|harare ZW|kinshasa CD|ottawa CA
toronto CA|montreal CA|vancouver CA|mexico city MX|havana CU|caracas VE|bogota CO|lima PE
santiago CL|buenos aires AR|brasilia BR|rio de janeiro BR|sao paulo BR|canberra AU
sydney AU|melbourne AU|wellington NZ|auckland NZ|jakarta ID|manila PH|bangkok TH|hanoi VN
kuala lumpur MY|singapore SG|dhaka BD|colombo LK|kathmandu NP|yangon MM|rangoon MM
newcastle GB|swansea GB|cambridge GB|oxford GB|bristol GB|sheffield GB|nottingham GB|leicester GB
southampton GB|aberdeen GB|dundee GB|brighton GB|hollywood US|silicon valley US
"""
CITIES: dict[str, str] = {}
for _line in _CITIES.strip().splitlines():
    for _pair in _line.split("|"):
        _word, _code = _pair.rsplit(" ", 1)
        CITIES[_word] = _code

# Organisations and blocs: never places (see module docstring).
ORGANISATIONS = frozenset({
    "eu", "european union", "nato", "un", "united nations", "g7", "g8", "g20", "opec", "imf",
    "world bank", "who", "wto", "osce", "asean", "african union", "au", "arab league",
    "european commission", "european parliament", "council of europe", "commonwealth",
})

# Direction words that qualify a place ("eastern Ukraine", "the north of England" is not parsed).
DIRECTIONS: dict[str, str] = {
    "eastern": "east", "western": "west", "northern": "north", "southern": "south",
    "central": "central", "north-eastern": "northeast", "northeastern": "northeast",
    "north-western": "northwest", "northwestern": "northwest", "south-eastern": "southeast",
    "southeastern": "southeast", "south-western": "southwest", "southwestern": "southwest",
    "east": "east", "west": "west", "north": "north", "south": "south",
    "north-east": "northeast", "north-west": "northwest", "south-east": "southeast",
    "south-west": "southwest", "mid": "central", "inner": "central", "coastal": "coast",
}
