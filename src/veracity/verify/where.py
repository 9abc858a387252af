"""Where: the same event placed elsewhere (the place check), and the same event dated
differently (the date check), read from the places and dates of both sides
(:mod:`veracity.verify.reading`). Used by :mod:`veracity.verify.contradiction`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..claims.places import SPEECH, part_of_country, resolve_name
from ..records import Check, Place, Span
from . import lexicon
from .gathering import at_gathering, order, other_attendees
from .quarters import in_denied_report, named_in, part_checks, route_end
from .parties import REPORTING, of_existing
from .placed import is_province, other_things
from .reading import Reading
from .ruled_out import excluded, facility_checks



def _codes(places: Iterable[Place]) -> set[str]:
    return {c for p in places for c in p.codes}


_LOCATIVE = re.compile(r"\b(in|at|near|across|throughout|around|outside|inside|off|into|to|from|on|within|between|along|over|of|"
                       r"covering|serving|spanning)\s+"
                       r"(?:the\s+|(?<!of\s)(?:its|their)\s+)?(?-i:(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?:'s|\u2019s)\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-east|north-west|"
                       r"south-east|south-west|north-eastern|north-western|south-eastern|south-western|coastal|rural)\w*\s+)?"
                       r"(?:(?:parts?|county|region|province|state|city|town|district|area|port city|village|island|municipality) of\s+"
                       r"|(?:capital|city|town|port|village),\s+)?$",  # "in the capital, Yerevan"
                       re.IGNORECASE)


@dataclass(frozen=True)
class _Loc:
    name: str
    codes: tuple[str, ...]
    coarse: bool  # a country or a group of them (with ISO codes); else a town, county, site
    qualifier: str | None
    span: Span
    origin: bool = False  # "from X": where something comes from, not where it happens
    # A province, state or county (pycountry's subdivisions): compared by name only with other
    # subdivisions, never with a town, which may lie inside it ("Dong Nai" / "Trang Bom").
    sub: bool = False


_BASED = re.compile(r"-(?:based|headquartered|born|registered|listed|owned)\b", re.IGNORECASE)


_PEOPLE_OF = re.compile(r"\b(?:nationals|citizens|natives|passport\s+holders|subjects)\s+of$", re.IGNORECASE)


def _locations(r: Reading) -> list[_Loc]:
    """Where things happen: places after a locative preposition ("in eastern Ukraine", "across
    Scandinavia"), and place names the resolver could not code ("in Gdansk"). Demonyms and
    owners ("Italy's research council", "Ukrainian officials") say whose, not where. A name
    the tagger took for an organisation or a person is a place when the place tables know it
    ("agreed in Vilnius") or when its sentence says it is one ("The worst-hit town is Slavonski
    Brod", "The worst-hit area is around Sisak")."""
    by_start = {t[0]: t for t in r.tree}

    def prep(sp: Span) -> str | None:
        lo = max(0, sp.start - 40)
        m = _LOCATIVE.search(r.text[lo:sp.start])
        if not m:
            return None
        word = m.group(1).lower()
        # "nationals of India, Ghana and the Philippines": whose people, not where
        if word == "of" and _PEOPLE_OF.search(r.text, lo, lo + m.start(1) + 2):
            return None
        if word == "of" and r.text[max(0, lo + m.start(1) - 4):lo + m.start(1)].lower() == "out ":
            return "from"  # "smuggling uncut stones out of Kono District": where they come from
        if word in ("to", "from"):  # "protested to Tokyo", "a letter from Lincoln": whom, not where
            tok = by_start.get(lo + m.start(1))
            head = by_start.get(tok[4]) if tok is not None else None
            if head is not None and head[1] in SPEECH:
                return None
        return word

    out = []
    for p in r.places:
        if p.kind == "demonym" or not (pr := prep(p.span)):
            continue
        if _BASED.match(r.text, p.span.end):  # "to Boston-based Harborline": whose home, not where
            continue
        codes, kind, name = p.codes, p.kind, p.name
        if not codes and (part := part_of_country(p.name)):
            codes, kind = (part,), "country"
        out.append(_Loc(name.lower().removeprefix("the "), codes, kind in ("country", "region") and bool(codes), p.qualifier,
                        p.span, pr == "from" or _under_from(r, p.span), kind == "subdivision"))
    for e in r.entities:
        if any(l.span.overlaps(e.span) for l in out) or any(p.span.overlaps(e.span) for p in r.places):
            continue
        name = e.span.text.lower().removeprefix("the ")
        pr = prep(e.span)
        if pr and e.label in NAME_LABELS and (kind := _place_kind(r.text, e.span)):
            # A name with the kind of place it is ("in Sirsi taluk", "in the Wheatbelt region",
            # "at the Lány chateau", "stationed at Kisumu International Airport"), whatever the
            # tagger took the name for: named by the name alone, coded when the tables know it.
            bare = name[: len(name) - len(kind)].strip() if name.endswith(kind) else name
            known = resolve_name(bare) if bare else None
            codes = known[1] if known is not None and known[2] != "unknown" else ()
            sub = known is not None and known[2] == "subdivision"
            out.append(_Loc(bare or name, codes, known is not None and known[2] in ("country", "region"), None, e.span,
                            pr == "from" or _under_from(r, e.span), sub))
        elif e.label in ("GPE", "LOC", "FAC") and pr:
            out.append(_Loc(name, (), False, None, e.span, pr == "from"))
        elif e.label in ("ORG", "PERSON") and (_DIRECTION_OF.search(r.text[max(0, e.span.start - 25):e.span.start])
                                              or (pr and (_KIND_OF.search(r.text[max(0, e.span.start - 30):e.span.start])
                                                          or _PLACE_PREFIX.match(e.span.text)))):
            known = resolve_name(e.span.text, gazetteer=True)
            codes = known[1] if known is not None and known[2] != "unknown" else ()
            out.append(_Loc(name, codes, False, None, e.span, _under_from(r, e.span)))
        elif e.label in ("ORG", "PERSON"):
            known = resolve_name(e.span.text)
            if pr and known is not None and known[2] not in ("unknown", "subdivision"):
                out.append(_Loc(name, known[1], known[2] in ("country", "region"), None, e.span, pr == "from"))
            elif _said_to_be_a_place(r, e.span):
                out.append(_Loc(name, (), False, None, e.span))
    # A road is a way between places, not a place of its own ("told to drive south on Highway 6"
    # says nothing against "residents of Creighton ... told to leave"); an organisation a place
    # owns is whose, not where ("sell the factory to India's Kaveri Sugar Industries", "to
    # Thailand's Siam Latex Group", "to Bratislava's public transport operator").
    return [x for x in out if not _ROUTE.search(x.span.text) and not _owned_organisation(r, x.span, bool(x.codes))
            and not _spoken_at(r, x.span) and not _MEASURED_FROM.search(r.text, 0, x.span.start)
            and not (not x.codes and _on_the(r.text, x.span) and _place_kind(r.text, x.span) is None)]


# An uncoded name "on the" is a vessel, a river or a road ("a damaged tank on the Marina
# Thalassa", "on the Danube"): along it lie places it is never set against.
_ON_THE = re.compile(r"\bon\s+the\s+$", re.IGNORECASE)


def _on_the(text: str, sp: Span) -> bool:
    before = text[max(0, sp.start - 8):sp.start]
    return bool(_ON_THE.search(before) or (sp.text.lower().startswith("the ") and re.search(r"\bon\s+$", before)))


# A place distances are measured from: "Kragujevac, about 140 kilometres south of Belgrade".
_MEASURED_FROM = re.compile(r"\b(?:km|kilomet\w+|miles?|met(?:re|er)s?)\s+(?:\w+\s+)?(?:north|south|east|west)\S*\s+of\s+(?:the\s+)?$", re.I)


def _spoken_at(r: Reading, sp: Span) -> bool:
    """Where someone spoke, not where the event happened: "told a conference in Medellin on
    Thursday that the failure started ...", "told reporters in Bangkok"."""
    for t in _heads(r, sp, 5):
        if t[3] in ("nsubj", "nsubjpass", "ccomp", "xcomp", "relcl", "acl"):
            return False  # who was told, or what was said: "residents of Creighton ... were told to leave"
        if t[2] in ("VERB", "AUX"):
            return t[1] in REPORTING
    return False


_POSSESSIVE = re.compile(r"(?:'s|\u2019s)\s+")
# Head nouns of an organisation after a place's possessive ("Bratislava's public transport operator").
ORGANISATION_HEADS = frozenset("company group operator industries corporation firm bank ministry government council agency "
                               "authority regulator airline carrier utility producer maker manufacturer investor investors "
                               "fund holding holdings conglomerate union association".split())


def _owned_organisation(r: Reading, sp: Span, coded: bool = True) -> bool:
    """Whose, not where: a place's possessive on an organisation ("to India's Kaveri Sugar
    Industries"), or an unknown name's possessive on anything but a place word ("Permata's
    gloves", "Permata's factories in Klang": a company)."""
    m = _POSSESSIVE.match(r.text, sp.end)
    if not m:
        return False
    if any(e.label == "ORG" and e.span.start == m.end() for e in r.entities):
        return True
    words = re.findall(r"[A-Za-z-]+", r.text[m.end():m.end() + 60])
    if not coded:
        return not any(w.lower() in PLACE_WORDS for w in words[:4])
    # the possessed phrase up to its head: a few modifiers, then the first word of ORGANISATION_HEADS
    return any(w.lower() in ORGANISATION_HEADS for w in words[:5]) and not any(w.lower() in PLACE_WORDS for w in words[:5])


PLACE_WORDS = frozenset("park region province coast border capital city town port district island airport state "
                        "county village suburb suburbs outskirts north south east west centre center".split())


_ROUTE = re.compile(r"^(?:the\s+)?(?:highway|route|road|interstate|motorway|autobahn|expressway|freeway|trunk road)\b"
                    r"|\b(?:highway|road|street|avenue|motorway|expressway|freeway)$", re.IGNORECASE)


def _under_from(r: Reading, sp: Span) -> bool:
    """Is the place inside a "from" phrase ("lifted off from its pad on the Mahia Peninsula",
    "from the company's Kaitorete Spit launch complex"): where something comes from."""
    for t in _heads(r, sp, 5):
        if t[2] in ("VERB", "AUX"):
            return False
        if t[1] == "from" and t[3] == "prep":
            return True
    return False


# Labels the tagger gives a place name it does not know ("Sirsi" PRODUCT, "Wheatbelt" NORP).
NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"})
# Words that say a name is a kind of place, after it ("Sirsi taluk", "Kisumu International
# Airport", "the Maasvlakte 2 extension", "Prague Castle").
PLACE_KINDS = ("international airport", "airport", "taluk", "district", "county", "region", "province", "prefecture",
               "oblast", "canton", "municipality", "borough", "parish", "valley", "extension", "chateau", "château",
               "castle", "palace", "peninsula", "shoal", "basin", "delta", "industrial park", "industrial estate",
               "terminal", "air base", "naval base", "harbour", "harbor", "spit", "launch complex", "launch site", "spaceport",
               "cosmodrome")
# "on the island of Nosy Be", "in the town of Kulsary": the name is the place the noun says.
_KIND_OF = re.compile(r"\b(?:island|town|city|village|port|province|region|district|county|state|municipality|oblast|"
                      r"prefecture|department|governorate|atoll|archipelago)\s+of\s+$", re.IGNORECASE)
# Names that say they are places ("Ile Sainte-Marie", "Mount Barker", "Lake Kivu").
_PLACE_PREFIX = re.compile(r"(?:the\s+)?(?:ile|île|isla|isola|ilha|isle|pulau|nosy|mount|mt\.?|lake|cape|gunung|bahia|baie)\s+\S",
                           re.IGNORECASE)
# "south of Christchurch": a name after a direction and "of" is a place, whatever the tagger says.
_DIRECTION_OF = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?$",
                           re.IGNORECASE)
_KIND_AFTER = re.compile(r"\s*(" + "|".join(PLACE_KINDS) + r")\b", re.IGNORECASE)


def _place_kind(text: str, sp: Span) -> str | None:
    """The kind-of-place word that ends the name or follows it, lower case, or None."""
    low = sp.text.lower()
    for k in PLACE_KINDS:
        if low.endswith(" " + k):
            return k
    m = _KIND_AFTER.match(text, sp.end)
    return m.group(1).lower() if m else None


# Nouns that make what they are said to be a place: "The worst-hit town is X".
PLACE_NOUNS = frozenset("town city village area region district county site port capital epicentre epicenter "
                        "location municipality province suburb island".split())


def _said_to_be_a_place(r: Reading, sp: Span) -> bool:
    """The name is what a place noun is ("The worst-hit town is Slavonski Brod") or where it is
    ("The worst-hit area is around Sisak"): the complement of "be" whose subject is a place noun."""
    by_start = {t[0]: t for t in r.tree}
    inside = [t for t in r.tree if sp.start <= t[0] < sp.end]
    head = next((t for t in inside if not (sp.start <= t[4] < sp.end) or t[4] == t[0]), None)
    if head is None:
        return False
    up = by_start.get(head[4])
    if head[3] == "pobj" and up is not None and up[1] in ("in", "at", "around", "near", "outside"):
        up = by_start.get(up[4])
    elif head[3] != "attr":
        return False
    if up is None or up[1] != "be":
        return False
    return any(t[3] == "nsubj" and t[4] == up[0] and t[1] in PLACE_NOUNS for t in r.tree)


# Characters before and after a place read as what happened there.
PLACE_WINDOW = (60, 30)
_NOT_EVENT = frozenset("say said tell told add report according be have do make city town county region country area part "
                       "north south east west northern southern eastern western central".split())


def _near_words(r: Reading, loc: _Loc) -> dict[str, str]:
    """Lemma -> part of speech of the words read as what happened at ``loc``: those around it,
    and the verb its phrase hangs on with that verb's subject and object ("*Evacuees* are being
    housed at an arena and two school gyms in Prince Albert")."""
    a, b = loc.span.start - PLACE_WINDOW[0], loc.span.end + PLACE_WINDOW[1]
    out = {lem: pos for s, e, lem, pos in r.lemmas if a <= s < b and not (loc.span.start <= s < loc.span.end)
           and pos in ("NOUN", "VERB", "ADJ", "PROPN") and lem not in _NOT_EVENT and len(lem) > 2}
    t = _verb_above(r, loc.span, ("VERB",), 6)
    if t is not None:
        for k in [t] + [k for k in r.tree if k[4] == t[0] and k[3] in ("nsubj", "nsubjpass", "dobj") and k[2] in ("NOUN", "PROPN")]:
            if k[1] not in _NOT_EVENT and len(k[1]) > 2:
                out.setdefault(k[1], k[2])
    return out


def _heads(r: Reading, sp: Span, steps: int):
    """The tokens up the parse from the span's first token (its head, that head's head, ...), at
    most ``steps`` of them, ending at the root."""
    by_start = {t[0]: t for t in r.tree}
    t = next((t for t in r.tree if sp.start <= t[0] < sp.end), None)
    for _ in range(steps):
        if t is None or t[4] == t[0]:
            return
        t = by_start.get(t[4])
        if t is None:
            return
        yield t


def _verb_above(r: Reading, sp: Span, kinds: tuple[str, ...], steps: int) -> tuple | None:
    """The first token of one of these parts of speech up the parse from the span's first token."""
    return next((t for t in _heads(r, sp, steps) if t[2] in kinds), None)


_WN_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a"}


def _share(a: dict[str, str], b: dict[str, str]) -> bool:
    """Do two places' surroundings name the same happening: a word in common, or a synonym
    (WordNet's first senses, or the curated news paraphrases: "based" / "stationed")."""
    if a.keys() & b.keys():
        return True
    if not lexicon.available():
        return False
    return any(lexicon.curated(x, y) or (_WN_POS.get(xp) and _WN_POS.get(xp) == _WN_POS.get(yp)
                                         and lexicon.related(x, _WN_POS[xp], y, _WN_POS[yp]) == "synonym")
               for x, xp in a.items() for y, yp in b.items())


def _within(fine: _Loc, coarse: _Loc) -> bool | None:
    """Is a town inside a country? None when the town could not be coded. A town that is a
    province itself lies in no other province (placed.is_province)."""
    if fine.codes and coarse.sub and not coarse.coarse and is_province(fine.name, fine.codes):
        return fine.name == coarse.name
    return bool(set(fine.codes) & set(coarse.codes)) if fine.codes else None


# Verbs that lay a line over places ("The line runs from Albrook station ... across the Panama
# Canal to Ciudad del Futuro"): the places are points of a route, not where something happens
# ("The Line 3 operations control centre has been built at the Albrook terminal in Panama City").
EXTENT_VERBS = frozenset("run stretch extend link connect span cross traverse".split())


def _on_route(r: Reading, x: _Loc) -> bool:
    t = _verb_above(r, x.span, ("VERB",), 8)
    if t is None or t[1] not in EXTENT_VERBS:
        return False
    # "runs from A to B" lays a line; "trains will run on the lines around Jihlava" is a service.
    return t[1] != "run" or {"from", "to"} <= {k[1] for k in r.tree if k[4] == t[0]}


def check_places(claim: Reading, evidence: Reading) -> list[Check]:
    """The same event placed elsewhere: towns compared with towns by name, countries with
    countries by code (a group holds its members: Scandinavia ~ Norway), a coded town with a
    country by code; and the same place with another qualifier (eastern vs western). Where a
    thing comes from ("textiles coming back from Sweden") is compared only with where a thing
    comes from, never with where something happens ("a gallery in Ica")."""
    la, lb = _locations(claim), [y for y in _locations(evidence) if not in_denied_report(evidence.text, y.span.start)]
    # A place in a clause describing a party ("Vahostroj, based in Zilina, ...") is compared only
    # with a place of the same action ("headquartered", "located") on the other side.
    va, vb = [_place_verb(claim, x) for x in la], [_place_verb(evidence, y) for y in lb]
    verb = {id(x): v for x, v in zip(la, va)} | {id(y): w for y, w in zip(lb, vb)}
    # So is a place in a clause of another moment ("..., after Shahed drones were used in attacks on
    # Kyiv"): it places the earlier or later event, not the claim's.
    # Unless the other side names what the place is of ("after three yarn mills in Surat closed" /
    # "The three yarn mills ... were in Bhiwandi").
    # So is one of a thing a party the other side never names owns ("a NATO logistics site planned
    # near Plovdiv" / "the planned logistics hub in North Macedonia").
    la = [x for x, v in zip(la, va) if not (_describes(claim, v) or _owned(claim, v, evidence) or ((_timed(claim, v) or _of_another_time(claim, x))
                                                                   and not _owner_named(claim, x, evidence))) or any(_same_verb(v, w) for w in vb)]
    lb = [y for y, w in zip(lb, vb) if not (_describes(evidence, w) or _owned(evidence, w, claim) or ((_timed(evidence, w) or _of_another_time(evidence, y))
                                                                      and not _owner_named(evidence, y, claim))) or any(_same_verb(v, w) for v in va)]
    # A place in an apposition describing someone ("Colonel Javier Otamendi Ruiz, a veteran of the
    # Spanish contingent in the UN force in Lebanon, ...") is where they were, not the event's.
    la, lb = [x for x in la if not _in_apposition(claim, x)], [y for y in lb if not _in_apposition(evidence, y)]
    # A place under a negated verb places nothing ("had not rejected Vuela Pacifico's request to
    # fly between Quito and San Cristobal"); what the evidence rules out is read below (excluded).
    la, lb = [x for x in la if not _under_negation(claim, x)], [y for y in lb if not _under_negation(evidence, y)]
    # A place its action has "also" ("Bayu Marin, which also runs bulk terminals in Penang") is
    # one more place, besides the other side's.
    la, lb = [x for x in la if not _also(claim, verb[id(x)])], [y for y in lb if not _also(evidence, verb[id(y)])]
    # ... nor one of a thing set apart as already there ("its existing plant in Chandler" / "will build a plant in Penang").
    ea, eb = [of_existing(claim, x.span.start) for x in la], [of_existing(evidence, y.span.start) for y in lb]
    if any(ea) != any(eb):
        la, lb = [x for x, e in zip(la, ea) if not e], [y for y, e in zip(lb, eb) if not e]
    ra, rb = [_on_route(claim, x) or route_end(claim.text, x.span.start) for x in la], \
        [_on_route(evidence, y) or route_end(evidence.text, y.span.start) for y in lb]
    if any(ra) != any(rb):  # the points a line runs through are no place of an event on the other side
        la, lb = [x for x, r in zip(la, ra) if not r], [y for y, r in zip(lb, rb) if not r]
    out: list[Check] = []
    leaves = False
    for a, b in _by_gathering(claim, evidence, la, lb):
        found, left = _by_origin(claim, evidence, a, b)
        out, leaves = out + found, leaves or left
    return out if out or leaves else (part_checks(claim, evidence) or excluded(claim, evidence, la)
                                      or facility_checks(claim, evidence))


def _by_gathering(claim: Reading, evidence: Reading, la: list[_Loc], lb: list[_Loc]) -> list[tuple[list[_Loc], list[_Loc]]]:
    """The place of a gathering ("a special meeting in Manila") is compared with the place of a
    gathering on the other side, not with where another thing happens ("a mission in Myanmar"),
    unless the two places hang on one action ("approved ... at a meeting in Oslo" / "approved
    ... in Stockholm")."""
    ga, gb = [at_gathering(claim, x.span) for x in la], [at_gathering(evidence, y.span) for y in lb]
    if not any(ga) and not any(gb):
        return [(la, lb)]
    # Two gatherings of a series told apart ("the next summit" / "next week's summit") meet nowhere.
    same = [] if other_attendees(claim, evidence) else [(x, y) for x, g in zip(la, ga) if g for y, h in zip(lb, gb) if h and order(g) == order(h)]
    va = [_verb_above(claim, x.span, ("VERB",), 6) for x in la]
    vb = [_verb_above(evidence, y.span, ("VERB",), 6) for y in lb]
    other_a = [x for x, g, v in zip(la, ga, va) if not g or any(_same_verb(v, w) for w, h in zip(vb, gb) if not h)]
    other_b = [y for y, g, w in zip(lb, gb, vb) if not g or any(_same_verb(v, w) for v, h in zip(va, ga) if not h)]
    xs, ys = {id(x): x for x, _ in same}, {id(y): y for _, y in same}
    return [(list(xs.values()), list(ys.values())), (other_a, other_b)]


def _by_origin(claim: Reading, evidence: Reading, la: list[_Loc], lb: list[_Loc]) -> tuple[list[Check], bool]:
    """The checks, and whether something leaves the claim's place."""
    out: list[Check] = []
    # Something that leaves the claim's own place ("Evacuation flights from Thompson are landing
    # in Brandon" against "9,000 residents of Thompson ... ordered to leave"): the evidence's
    # other places are where it goes, not where the claim's event happened.
    leaves = any(_same_place(x, y) for x in la if not x.origin for y in lb if y.origin)
    for origin in (False, True):
        if leaves and not origin:
            continue
        out += _place_checks(claim, evidence, [x for x in la if x.origin is origin], [y for y in lb if y.origin is origin])
    return out, leaves


# Natural features named as places: a river or a valley runs past many towns, so it is compared
# only with another feature ("over the Godavari River" is no other place than "near Kovvur").
# ("bay" is not among them: "Subic Bay", "Montego Bay" are towns and ports.)
FEATURE_WORDS = frozenset("river lake sea valley mountains mountain range strait delta basin canal ocean".split())


def _level(x: _Loc) -> str:
    if x.name.rsplit(" ", 1)[-1] in FEATURE_WORDS and not x.codes:  # "Athi River" is a town the gazetteer knows
        return "feature"
    return "coarse" if x.coarse else "sub" if x.sub else "town"


def _same_place(x: _Loc, y: _Loc) -> bool:
    """The same place at the same level: countries and regions by code, towns by name."""
    if x.coarse != y.coarse:
        return False
    if x.coarse:
        return bool(set(x.codes) & set(y.codes)) or x.name == y.name
    return x.name == y.name or x.name in y.name or y.name in x.name


def _place_checks(claim: Reading, evidence: Reading, a: list[_Loc], b: list[_Loc]) -> list[Check]:
    # Only places of the same happening: a place whose surrounding words share no word with
    # any place's surroundings on the other side ("made his fortune ... in Boston" vs "demand
    # for running shoes in Asia") is where something else happened.
    names_a, names_b = {x.name for x in a}, {y.name for y in b}
    # A place the other side names as a place too, whatever it says there, is not placed
    # elsewhere by the other side's other places ("a radar station on the island of Nosy Be" /
    # "engineers spent two weeks on Nosy Be ... surveying a hilltop site near Hell-Ville"): only
    # the claim's own action placed elsewhere says so (_placed_by_action).
    # Only for a place the tables do not know, whose parts are unknown too (Hell-Ville lies on Nosy
    # Be): "across northern England" / "mostly in Scotland and Wales, with only a handful in
    # England" still conflict.
    named_too = {id(x) for x in a if not x.codes and any(_same_place(x, y) for y in b)}
    # ... nor two places of two different things ("a court in Brussels" / "a feud in Freetown").
    def one(x: _Loc, y: _Loc) -> bool:
        return _share(_near_words(claim, x), _near_words(evidence, y)) and not other_things(claim, x.span, evidence, y.span)
    a = [x for x in a if any(one(x, y) for y in b)]
    b = [y for y in b if any(one(x, y) for x in a)]
    out: list[Check] = []
    for x in a:
        for y in b:
            if x.name == y.name and x.qualifier and y.qualifier and x.qualifier != y.qualifier:
                out.append(Check("place", f"{x.span.text} vs {y.span.text}: {x.qualifier} vs {y.qualifier}", (x.span,), (y.span,)))
    # A place the other side names too, but not as a place ("its Santa Rosa zinc mine in the
    # Pasco region" against "the tailings release at the Santa Rosa mine"), is the name of the
    # same thing, not another place. Named as a place on both sides ("mostly in Scotland and
    # Wales, with only a handful in England"), it stays.
    a = [x for x in a if x.name in names_b or not named_in(x.name, evidence.text)]
    b = [y for y in b if y.name in names_a or not named_in(y.name, claim.text)]
    left: list[_Loc] = []
    right: set[int] = set()
    for level in ("town", "sub", "coarse", "feature"):
        xa = [x for x in a if _level(x) == level and id(x) not in named_too]
        yb = [y for y in b if _level(y) == level]
        if not xa or not yb:
            continue
        # ... and it still places the claim where the other side does ("the Guiana Space Centre in Kourou").
        if not any(_same_place(x, y) for x in a if _level(x) == level for y in yb):
            left += xa
            right |= {id(y) for y in yb}
    # A coded town against a country (or a province of another country: "in Tashkent" vs "in
    # Almaty, Kazakhstan") on the other side ("in Gdansk" vs "in Germany"), unless either is named
    # on the other side too: "arrived in the UK ... at the awards in Rome" names two places of two events.
    for x in a:
        for y in b:
            if id(x) in named_too:
                continue
            if (x.coarse != y.coarse or {_level(x), _level(y)} == {"town", "sub"}) and not any(_same_place(x, v) for v in b) \
                    and not any(_same_place(u, y) for u in a):
                fine, coarse = (x, y) if y.coarse or (_level(y) == "sub" and not x.coarse) else (y, x)
                if _within(fine, coarse) is False and not any(_within(fine, c) for c in (b if coarse is y else a) if c.coarse):
                    if x not in left:
                        left.append(x)
                    right.add(id(y))
    if left and right:
        ys = [y for y in b if id(y) in right]
        out.append(Check("place", f"{', '.join(x.span.text for x in left)} vs {', '.join(y.span.text for y in ys)}",
                         tuple(x.span for x in left), tuple(y.span for y in ys)))
    return out or _placed_by_action(claim, evidence, a, b)


def _placed_by_action(claim: Reading, evidence: Reading, a: list[_Loc], b: list[_Loc]) -> list[Check]:
    """The claim's own action placed elsewhere, while the claim's place appears on the other side
    only for something else: "convert about 60 of Rede Cerrado's stores in Goias" / "the roughly 60
    Rede Cerrado stores to be converted ... were in Minas Gerais and Espirito Santo, and ... the
    chain's stores in Goias would keep the Cerrado banner"."""
    for x in a:
        v = _verb_above(claim, x.span, ("VERB",), 6)
        if v is None or v[1] in _NOT_EVENT:
            continue
        acting = [y for y in b if _level(y) == _level(x) and v[1] in _near_words(evidence, y)]
        if acting and not any(_same_place(x, y) for y in acting) and any(_same_place(x, y) for y in b):
            return [Check("place", f"{x.span.text} vs {', '.join(y.span.text for y in acting)} (where the claim's '{v[1]}' is placed)",
                          (x.span,), tuple(y.span for y in acting))]
    return []


# Clauses set off by commas that describe a party the sentence names, not its event: "Finland,
# which joined NATO in April 2023, shares a border ...", "Savanna Air, founded in 2011, ...",
# "Vahostroj, based in Zilina, ...". Their dates and places are compared only with a date or
# place of the same action on the other side. ("officers attached to the traffic division in
# Nausori" is where the officers are: no comma.)
DESCRIBING = frozenset({"relcl", "acl"})
SEATED = frozenset({"headquarter", "headquartered", "base", "based", "register", "registered"})


def _same_verb(a: tuple | None, b: tuple | None) -> bool:
    return a is not None and b is not None and lexicon.synonym_verbs(a[1], b[1])


def _describes(r: Reading, v: tuple | None) -> bool:
    # ("its new plant, which cost 45 million dollars and *opened* in March": a describing clause's
    # second verb describes too)
    if v is not None and v[3] == "conj":
        up = next((t for t in r.tree if t[0] == v[4]), None)
        v = up if up is not None and up[3] in DESCRIBING else v
    if v is None or v[3] not in DESCRIBING:
        return False
    head = next((t for t in r.tree if t[0] == v[4]), None)
    # A NUM head is a date a clause describes: "since 2020, when the collapse of the San Rafael
    # waterfall accelerated ...".
    # A clause on an appositive describes its party however it is punctuated: "Isabel Montañez, a
    # former Spanish deputy foreign minister who has held separate meetings ... since January".
    # ... and so does a participle of where a party sits: "The zonal railway headquartered in
    # Secunderabad said ...".
    return head is not None and head[2] in ("PROPN", "NOUN", "NUM") and head[0] < v[0] \
        and ("," in r.text[head[0]:v[0]] or head[3] == "appos" or (v[3] == "acl" and v[1] in SEATED))


# Words that open a clause of another moment than the sentence's event.
TIME_MARKS = frozenset({"after", "before", "since", "until", "till"})


def _owned(r: Reading, v: tuple | None, other: Reading) -> bool:
    return v is not None and v[3] == "acl" and any(t[4] == v[4] and t[3] == "compound" and t[2] == "PROPN" and t[1] not in
                                                   {u[1] for u in other.tree} for t in r.tree)


def _timed(r: Reading, v: tuple | None) -> bool:
    """``v`` heads a clause of another moment: "after Shahed drones were used in attacks on Kyiv"."""
    return v is not None and v[3] == "advcl" and any(t[4] == v[0] and t[3] == "mark" and t[1] in TIME_MARKS for t in r.tree)


# Prepositions of another moment: "its third plant closure of the year, *following* actions in
# Medellin and Barranquilla" places earlier actions, not the claim's.
TIME_PREPS = frozenset({"after", "before", "follow", "since", "precede"})  # (lemmas: "following" -> follow)


def _of_another_time(r: Reading, x: _Loc) -> bool:
    return any(t[3] == "prep" and t[1] in TIME_PREPS for t in _heads(r, x.span, 4))


def _owner_named(r: Reading, x: _Loc, other: Reading) -> bool:
    """The word a place hangs on ("mills" of "three yarn mills in Surat", "attacks" of "attacks on
    Kyiv") is among the other side's words."""
    by_start = {t[0]: t for t in r.tree}
    t = next((t for t in r.tree if x.span.start <= t[0] < x.span.end and not (x.span.start <= t[4] < x.span.end)), None)
    up = by_start.get(t[4]) if t is not None else None
    if up is not None and up[2] == "ADP":
        up = by_start.get(up[4])
    return up is not None and up[1] in {u[1] for u in other.tree}


def _in_apposition(r: Reading, x: _Loc) -> bool:
    by_start = {t[0]: t for t in r.tree}
    for t in _heads(r, x.span, 6):
        if t[2] in ("VERB", "AUX"):
            return False
        if t[3] == "appos" and t[2] == "NOUN" and (h := by_start.get(t[4])) is not None and h[2] == "PROPN" \
                and not any(p.span.start <= h[0] < p.span.end for p in r.places):
            return True
    return False


def _also(r: Reading, v: tuple | None) -> bool:
    """A describing clause's action with "also" ("Bayu Marin, which also runs ..."); not a main
    clause's ("The team also found a layer of volcanic ash ...": what else it found, not where)."""
    return v is not None and v[3] in DESCRIBING and any(t[4] == v[0] and t[1] in ("also", "too") and t[3] == "advmod" for t in r.tree)


def _under_negation(r: Reading, x: _Loc) -> bool:
    negated = {t[4] for t in r.tree if t[3] == "neg"}
    return any(t[0] in negated for t in _heads(r, x.span, 6) if t[2] in ("VERB", "AUX"))


def _place_verb(r: Reading, x: _Loc) -> tuple | None:
    return _verb_above(r, x.span, ("VERB", "AUX"), 6)
