"""Places: GPE/LOC/NORP entities normalised to ISO 3166-1 alpha-2 codes.

Order of lookup for a name (first hit wins): organisations (never places) -> regions table
-> news aliases ("Britain", "the U.S.") -> cities table -> pycountry countries -> pycountry
subdivisions (names unique worldwide, or shared but held by one of SUBDIVISION_PRIORITY) ->
the GeoNames towns of :mod:`veracity.claims.gazetteer` (kind "city") -> kept with no codes
(kind "unknown"). NORP entities ("Ukrainian forces", "Russian aggression") map through the
demonym table to their country or region with kind "demonym"; peoples that are not
nations ("Muslim", "Democrats") give no place. A direction word right before a place
("eastern Ukraine") becomes the qualifier and is part of the span.

Kinds: country | region | city | subdivision | demonym | unknown.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata

from ..records import Place, Span
from . import gazetteer as G
from . import regions as R

PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_LEADING = ("the ", "The ")
_POSSESSIVE = ("’s", "'s", "’", "'")


@functools.lru_cache(maxsize=None)
def _country_name(code: str) -> str:
    if code == "XK":
        return "Kosovo"
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


# When a subdivision name exists in several countries ("Florida": US state, Uruguayan
# department), English-language news almost always means the one in these countries, in
# this order; names shared only among other countries stay unresolved.
SUBDIVISION_PRIORITY = ("US", "GB", "CA", "AU", "IN", "IE", "NZ", "ZA")


# Subdivision names held in several countries -> those countries ("punjab" -> IN, PK).
_SHARED_NAMES: dict[str, frozenset[str]] = {}


@functools.lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, str]:
    """Subdivision name -> country code (unique names, or the priority country)."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(sub.name.lower(), set()).add(sub.country_code)
        # News drops diacritics: "Rajasthan" for pycountry's "Rājasthān".
        seen.setdefault(_ascii(sub.name.lower()), set()).add(sub.country_code)
    _SHARED_NAMES.update({name: frozenset(codes) for name, codes in seen.items() if len(codes) > 1})
    out = {}
    for name, codes in seen.items():
        if len(codes) == 1:
            out[name] = next(iter(codes))
        else:
            preferred = next((c for c in SUBDIVISION_PRIORITY if c in codes), None)
            if preferred:
                out[name] = preferred
    return out


@functools.lru_cache(maxsize=1)
def _district_names() -> frozenset[str]:
    """Names of second-level subdivisions (districts, unitary authorities: they have a parent)."""
    import pycountry

    names = {sub.name.lower() for sub in pycountry.subdivisions if getattr(sub, "parent_code", None)}
    return frozenset(names | {_ascii(n) for n in names})


# Letters Unicode does not decompose into a base letter and an accent ("Đồng Nai" -> "Dong Nai").
_NOT_DECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae",
                                 "ß": "ss", "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h"})


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s.translate(_NOT_DECOMPOSED)).encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=4096)
def resolve_name(name: str, gazetteer: bool = False) -> tuple[str, tuple[str, ...], str] | None:
    """(canonical name, codes, kind) for a place name; None for organisations. With
    ``gazetteer`` a name no table knows is looked up among the world's towns (kind "city").

    The gazetteer is asked for only where a name is read as a place: an entity the tagger
    called one (:func:`place_for_entity`), or a name after a preposition of place that passed
    the checks of :func:`missed_towns`. Callers that try any name ("is this organisation a
    place?") get the tables only: the world has a town called Orange, Kennedy and Toyota."""
    key = " ".join(name.lower().split())
    if key.startswith("the "):
        key = key[4:]
    if key in R.ORGANISATIONS:
        return None
    if key in R.REGIONS:
        return name, R.REGIONS[key], "region"
    if key in R.COUNTRY_ALIASES:
        code = R.COUNTRY_ALIASES[key]
        if key in R.SUBNATIONAL:
            return name, (code,), "subdivision"
        return _country_name(code), (code,), "country"
    if key in R.CITIES:
        return name, (R.CITIES[key],), "city"
    import pycountry

    try:
        c = pycountry.countries.lookup(key)
        return _country_name(c.alpha_2), (c.alpha_2,), "country"
    except LookupError:
        pass
    code = _subdivision_index().get(key) or _subdivision_index().get(_ascii(key))
    if code:
        # A district named after its town (CZ "Jihlava", GB "Reading"): news means the town.
        if gazetteer and (key in _district_names() or _ascii(key) in _district_names()) \
                and _gazetteer_may_know(name, key) and code in ((G.city(key) or ((),))[0]):
            return name, (code,), "city"
        return name, (code,), "subdivision"
    if gazetteer and _gazetteer_may_know(name, key):
        hit = G.city(key)
        # A twin town the gazetteer knows by its first name ("Joal-Fadiouth": Joal); not a route
        # between two towns ("the Hanoi-Vinh stretch") nor a direction ("North-South").
        parts = key.split("-")
        if hit is None and len(parts) == 2 and " " not in key and len(parts[0]) > 3 and parts[0] not in R.DIRECTIONS \
                and parts[1] not in R.DIRECTIONS and G.city(parts[1]) is None:
            hit = G.city(parts[0])
        if hit is not None:
            return name, hit[0], "city"
    return name, (), "unknown"


def _gazetteer_may_know(name: str, key: str) -> bool:
    """Not a name the gazetteer would answer by chance: an all-capitals word is an acronym
    ("SANA", "IRNA" are news agencies and also spellings of towns) or a dateline, and a
    direction ("the North") is no town."""
    return not name.strip().isupper() and key not in R.DIRECTIONS


@functools.lru_cache(maxsize=4096)
def resolve_demonym(word: str) -> tuple[str, tuple[str, ...]] | None:
    key = " ".join(word.lower().split())
    target = R.DEMONYMS.get(key)
    if target is None:
        return _formed_demonym(key)
    if target.startswith("region:"):
        region = target[len("region:"):]
        return region.title(), R.REGIONS.get(region, ())
    return _country_name(target), (target,)


# How English forms a people's word from a country's name, for the countries the table above
# leaves out: Tonga -> Tongan, Fiji -> Fijian, Gabon -> Gabonese, Oman -> Omani.
_DEMONYM_ENDINGS = ("n", "an", "ese", "i")


@functools.lru_cache(maxsize=1024)
def _formed_demonym(key: str) -> tuple[str, tuple[str, ...]] | None:
    if " " in key or len(key) < 5:
        return None
    for end in _DEMONYM_ENDINGS:
        if key.endswith(end) and len(key) - len(end) >= 3:
            hit = resolve_name(key[: -len(end)].title())
            if hit is not None and hit[2] == "country" and len(hit[1]) == 1:
                return hit[0], hit[1]
    return None


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim a leading "the" and a trailing possessive from text[a:b]."""
    chunk = text[a:b]
    for lead in _LEADING:
        if chunk.startswith(lead):
            a += len(lead)
            break
    chunk = text[a:b]
    for pos in _POSSESSIVE:
        if chunk.endswith(pos) and len(chunk) > len(pos):
            b -= len(pos)
            break
    return a, b


def place_for_entity(doc, ent, text: str) -> Place | None:
    """A Place for one spaCy entity (GPE/LOC/NORP), or None."""
    a, b = _strip(text, ent.start_char, ent.end_char)
    if a >= b:
        return None
    name = text[a:b]
    if ent.label_ == "NORP":
        hit = resolve_demonym(name)
        if hit is None:
            return None
        canonical, codes = hit
        return Place(Span.of(text, a, b), canonical, codes, None, "demonym")
    qualifier = None
    if not _whole_name(doc, ent.end):
        # The tagger cut a name short ("Trang" of "Trang Bom", a town in Vietnam; alone, a
        # province of Thailand): the whole name is the place, or no place the tables know.
        j = ent.end
        while j < len(doc) and doc[j].pos_ == "PROPN" and _capitalised(doc[j]):
            j += 1
        e = doc[j - 1].idx + len(doc[j - 1].text)
        whole = resolve_name(text[a:e], gazetteer=True)
        if whole is not None and whole[2] in ("city", "subdivision", "country", "region"):  # "Andhra" of "Andhra Pradesh"
            return Place(Span.of(text, a, e), whole[0], whole[1], None, whole[2])
    # The gazetteer only for a name that is no English word ("Jupiter", the planet, is also a
    # town in Florida).
    resolved = resolve_name(name, gazetteer=_whole_name(doc, ent.end) and G.ordinary_word(name) is False)
    if resolved is None:
        return None
    canonical, codes, kind = resolved
    # A town's name that is the surname of a person the article names in full ("Mining Minister
    # Ramiro Choque announced ..." ... "Choque told reporters", tagged a place): that person.
    if kind == "city" and " " not in name and name in _people_of(doc):
        return None
    if kind == "unknown" and (people := resolve_demonym(name)) is not None:
        return Place(Span.of(text, a, b), people[0], people[1], None, "demonym")  # "Tongan", tagged a place
    first, _, rest = name.partition(" ")
    if kind == "unknown" and first.lower() in R.DIRECTIONS and rest:
        # "Eastern Ukraine" tagged as one entity: strip the direction, keep it as qualifier.
        inner = resolve_name(rest, gazetteer=G.ordinary_word(rest) is False)
        if inner is not None and inner[2] != "unknown":
            canonical, codes, kind = inner
            qualifier = R.DIRECTIONS[first.lower()]
    if qualifier is None and ent.start > 0:
        prev = doc[ent.start - 1]
        if prev.lower_ in R.DIRECTIONS and prev.head.i >= ent.start and prev.head.i < ent.end \
                and prev.pos_ in ("ADJ", "PROPN", "NOUN"):
            qualifier = R.DIRECTIONS[prev.lower_]
            a = prev.idx
    return Place(Span.of(text, a, b), canonical, codes, qualifier, kind)


def _country_named(name: str) -> bool:
    """An entity the tagger called an organisation that is a country's name, and nothing else:
    "EU trade with Belarus fell" (spaCy: Belarus ORG)."""
    hit = resolve_name(name)
    return hit is not None and hit[2] == "country"


def find_places(doc, text: str, ents, start: int | None = None, end: int | None = None) -> tuple[Place, ...]:
    """Places for the entities of one sentence (``ents``: spaCy entity spans), and the towns
    the tagger missed (:func:`missed_towns`) in tokens ``start``..``end`` of ``doc`` (by
    default the sentences that hold ``ents``)."""
    out = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS or (ent.label_ == "ORG" and _country_named(ent.text)):
            p = place_for_entity(doc, ent, text)
            if p is not None:
                out.append(p)
    if start is None or end is None:
        lo, hi = _sentences_of(doc, ents)
        start, end = (lo if start is None else start), (hi if end is None else end)
    more = missed_towns(doc, text, ents, out, start, end)
    return _by_neighbours(tuple(sorted(out + more, key=lambda p: (p.span.start, p.span.end))), text)


# Between a town and the country that places it: "San Pedro in western Ivory Coast",
# "Cordoba, Spain" (the country's own qualifier belongs to its span).
_PLACED_IN = re.compile(r"\s*(?:,|in|in\s+the)\s*$", re.IGNORECASE)


def _by_neighbours(places: tuple[Place, ...], text: str = "") -> tuple[Place, ...]:
    """A subdivision name several countries hold, read as the one of the country the sentence's
    other places are in: "Hospitals in Punjab, Sindh, Balochistan and Khyber Pakhtunkhwa" is
    Pakistan's Punjab, not India's (which the priority order would pick alone). And a name the
    next words place in a country that has a town of that name: "The port of San Pedro in
    western Ivory Coast" is the Ivorian port, not Paraguay's department."""
    places = _placed_by_country(places, text)
    _subdivision_index()
    shared = [p for p in places if p.kind == "subdivision" and len(p.codes) == 1 and p.name.lower() in _SHARED_NAMES]
    if not shared:
        return places

    out = []
    for p in places:
        if p in shared:
            around = {c for q in places if q is not p and len(q.codes) == 1 for c in q.codes}
            held = _SHARED_NAMES[p.name.lower()] & around
            if p.codes[0] not in around and len(held) == 1:
                p = dataclasses.replace(p, codes=tuple(held))
        out.append(p)
    return tuple(out)


def _placed_by_country(places: tuple[Place, ...], text: str) -> tuple[Place, ...]:
    out = list(places)
    for i, (p, q) in enumerate(zip(places, places[1:])):
        if p.kind not in ("city", "subdivision", "unknown") or q.kind != "country" or len(q.codes) != 1 \
                or q.codes[0] in p.codes or q.span.start - p.span.end > 8:
            continue
        if not _PLACED_IN.fullmatch(text[p.span.end:q.span.start]):
            continue
        hit = G.city(" ".join(p.name.lower().split()))
        if hit is not None and q.codes[0] in hit[0]:
            out[i] = dataclasses.replace(p, codes=q.codes, kind="city")
    return tuple(out)


# --- Towns the tagger missed -------------------------------------------------------------
# spaCy's small model knows the towns it saw in training; "lines around Ostrava" comes out as
# an organisation, "flights to Malaga and Alicante" as people, and many towns as no entity at
# all. A capitalised proper-noun run that follows a locative preposition (or continues a list
# of places after one: "between Brno and Ostrava") and that the gazetteer knows as a town is
# taken as one, unless it reads as something else (see _town).

# Prepositions after which a name says where: "lines around Ostrava", "flights to Malaga".
LOCATIVE = frozenset("in at near around outside from to across between inside into throughout within "
                     "towards toward via".split())
# Nouns after which "of" names a place: "the port city of Hai Phong", "the town of Sisak".
PLACE_OF = frozenset("city town village port capital municipality suburb island".split())
# "... south of Dakar": a compass point before "of" places what follows.
COMPASS = frozenset("north south east west northeast northwest southeast southwest north-east north-west "
                    "south-east south-west".split())
# A word right before "to"/"from" that makes what follows a person or a cause.
NOT_LOCATIVE_AFTER = frozenset("according due thanks owing compared contrary".split())
# Heads of a "to"/"from" phrase that name whom one speaks to or hears from ("told to Jackson",
# "a letter from Lincoln").
SPEECH = frozenset("say tell speak talk write reply respond explain complain apologise apologize listen "
                   "report answer appeal refer attribute credit thank statement letter message comment "
                   "call email response remark quote interview testimony word protest object submit signal "
                   "complaint representation note envoy ambassador filing disclosure notification submission notice".split())
# Entities the tagger gives to towns it does not know.
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LANGUAGE"})
# Words of a quarter between the preposition and the town: "in *eastern* Montevideo".
QUARTER_WORDS = frozenset("northern southern eastern western central north south east west".split())
MONTHS_AND_DAYS = frozenset("january february march april may june july august september october november "
                            "december monday tuesday wednesday thursday friday saturday sunday".split())


def _sentences_of(doc, ents) -> tuple[int, int]:
    """Token range from the start of the first entity's sentence to the end of the last's:
    a sentence is its root's subtree (the parser sets sentence boundaries)."""
    lo, hi = None, None
    for ent in ents:
        t = doc[ent.start]
        for _ in range(len(doc)):
            if t.head is t or t.head.i == t.i:
                break
            t = t.head
        lo = t.left_edge.i if lo is None else min(lo, t.left_edge.i)
        hi = t.right_edge.i + 1 if hi is None else max(hi, t.right_edge.i + 1)
    return (lo, hi) if lo is not None else (0, 0)


def _capitalised(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not (len(tok.text) > 1 and tok.text.isupper())


def _whole_name(doc, j: int) -> bool:
    """A name ending before token ``j`` is all of a name: no capitalised proper noun follows
    ("Cerro Plomo", a mine, holds "Cerro", a district of Havana)."""
    return j >= len(doc) or not (doc[j].pos_ == "PROPN" and _capitalised(doc[j]))


def _locative(doc, i: int, lo: int) -> bool:
    """Is ``doc[i]`` a preposition of place ("around"; not "according to", "said to")?"""
    p = doc[i]
    if p.lower_ == "of" and i > lo and (doc[i - 1].lower_ in PLACE_OF or doc[i - 1].lower_ in COMPASS):
        return True  # "the northern port city of Hai Phong", "south of Dakar"
    if p.lower_ not in LOCATIVE or p.pos_ not in ("ADP", "SCONJ", "ADV"):
        return False
    if i > lo and doc[i - 1].lower_ in NOT_LOCATIVE_AFTER:
        return False
    return not (p.lower_ in ("to", "from") and p.head is not p and p.head.lemma_.lower() in SPEECH)


def _owners_after_locative(doc, i: int, lo: int) -> bool:
    """Is ``doc[i]`` the "'s" of an owner that follows a preposition of place ("at the trading
    house's Ho Chi Minh City office", "in the company's Bangkok plant")?"""
    if doc[i].text not in ("'s", "\u2019s") or doc[i].dep_ != "case":
        return False
    k = i - 1
    while k > lo and i - k <= 5 and doc[k].lower_ not in LOCATIVE:
        if doc[k].pos_ not in ("NOUN", "PROPN", "DET", "ADJ"):
            return False
        k -= 1
    return k >= lo and i - k <= 5 and _locative(doc, k, lo)


def _person_name_parts(doc, skip: tuple[int, int] = (0, 0)) -> frozenset[str]:
    """Words of the names of people written in full in ``doc`` ("Tom Jackson"): "Jackson"
    alone is then that person, not the town. Tokens inside ``skip`` (characters) are left out."""
    out, run = set(), []
    for t in list(doc) + [None]:
        if t is not None and t.ent_type_ == "PERSON" and t.is_alpha and not (skip[0] <= t.idx < skip[1]):
            run.append(t.text)
            continue
        if len(run) > 1:
            out.update(run)
        run = []
    return frozenset(out)


_people_cache: tuple = (None, frozenset())


def _people_of(doc) -> frozenset[str]:
    """:func:`_person_name_parts` of ``doc``, kept for the last document asked about (every
    sentence of one article asks)."""
    global _people_cache
    if _people_cache[0] is not doc:
        _people_cache = (doc, _person_name_parts(doc))
    return _people_cache[1]


def missed_towns(doc, text: str, ents, have, start: int, end: int) -> list[Place]:
    """Towns after a locative preposition in tokens ``start``..``end`` that ``have`` (the
    places of the entities) lacks: proper nouns in no entity, and entities the tagger called a
    person, organisation or group."""
    by_start = {e.start: e for e in ents}
    out: list[Place] = []
    people: list[frozenset[str]] = []  # computed once, when first needed
    last_place = -2  # the last token of the latest place named after a locative preposition
    i = start
    while i < end:
        t = doc[i]
        ent = by_start.get(i)
        if ent is not None:
            j = ent.end
        elif t.pos_ == "PROPN" and not t.ent_type_ and _capitalised(t):
            j = i + 1
            while j < end and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and _capitalised(doc[j]):
                j += 1
        else:
            i += 1
            continue
        prev = doc[i - 1] if i > start else None
        # ... or named beside a word for a place: "in the capital, Yerevan"
        if prev is not None and (_locative(doc, i - 1, start) or _owners_after_locative(doc, i - 1, start)
                                 or (prev.lower_ in QUARTER_WORDS and i - 2 >= start and _locative(doc, i - 2, start))
                                 or (prev.lower_ in ("and", "or", ",") and i - 2 == last_place)
                                 or (prev.lower_ == "," and i - 2 >= start and doc[i - 2].lower_ in PLACE_OF)):
            if ent is not None and ent.label_ in PLACE_LABELS - NAME_LABELS:
                last_place = j - 1
            elif ent is None or ent.label_ in NAME_LABELS:
                a, b = (_strip(text, ent.start_char, ent.end_char) if ent is not None
                        else (t.idx, doc[j - 1].idx + len(doc[j - 1].text)))
                if a < b and _whole_name(doc, j) and not any(a < p.span.end and p.span.start < b for p in have):
                    p = _town(doc, text, a, b, people)
                    if p is not None:
                        out.append(p)
                        last_place = j - 1
        i = j
    return out


def _town(doc, text: str, a: int, b: int, people: list) -> Place | None:
    """A Place of kind "city" for text[a:b] if the gazetteer knows it as a town and it reads as
    nothing else: no month or day ("Friday"), no word of English in lower case ("Bath",
    "Reading", "Orange"; without WordNet's files nothing is taken), not part of the full name
    of a person in the text."""
    name = text[a:b]
    words = name.lower().split()
    if any(w in MONTHS_AND_DAYS for w in words):
        return None
    hit = resolve_name(name, gazetteer=True)
    # A town, or a province or municipality the subdivision tables know ("Hai Phong"); a word of
    # English only when it is a country's capital after a locative preposition ("in Male").
    if hit is None or hit[2] not in ("city", "subdivision") or (G.ordinary_word(name) is not False
                                                               and G.capital_of(name) not in hit[1]):
        return None
    # A person written in full elsewhere ("Tom Jackson" ... "in Jackson"); the candidate's own
    # tokens do not count ("the port city of Hai Phong", tagged a person).
    if any(w in _person_name_parts(doc, (a, b)) for w in name.split()):
        return None
    return Place(Span.of(text, a, b), hit[0], hit[1], None, hit[2])


def is_place_name(name: str) -> bool:
    """Does the name resolve to a place the tables or the subdivisions know (any kind)?"""
    known = resolve_name(name)
    return known is not None and known[2] != "unknown"


@functools.lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, str], ...]:
    import pycountry

    out = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            n = getattr(c, attr, None)
            if n:
                out.append((n.lower(), c.alpha_2))
    return tuple(out)


@functools.lru_cache(maxsize=1024)
def part_of_country(name: str) -> str | None:
    """The code of the one country whose name holds ``name`` as words of its own ("South
    Sandwich Islands" in "South Georgia and the South Sandwich Islands"); one word is never
    enough ("Guinea", "Islands")."""
    n = " ".join(name.lower().removeprefix("the ").split())
    if len(n.split()) < 2:
        return None
    pat = re.compile(r"\b" + re.escape(n) + r"\b")
    codes = {code for full, code in _country_names() if pat.search(full)}
    return codes.pop() if len(codes) == 1 else None
