"""Quarters and parts of places: "in Adelaide's northern suburbs" / "in Adelaide's southern
suburbs", "in the eastern part of the country" / "in western Bosnia", "north of the city centre"
/ "in the city's southern district". Part of the place check (:mod:`veracity.verify.where`)."""

from __future__ import annotations

import re

from ..records import Check, Span
from .reading import Reading


def named_in(name: str, text: str) -> bool:
    """``text`` names the place ``name``, also without "City" ("Davao City" in "its Davao accounts")."""
    n = name.lower().removeprefix("the ").strip()
    n = n.removesuffix(" city") if len(n) > 8 else n
    return len(n) >= 3 and re.search(r"\b" + re.escape(n) + r"\b", text.lower()) is not None


# A part of a place the sentence does not name ("in the eastern part of the country", "in the
# east of the city": the place is the story's) against a named place on the other side with
# the opposite quarter ("in western Bosnia", "at Invergowrie, west of Dundee").
_UNNAMED_PART = re.compile(r"\b(?:in|to|across|at)\s+the\s+(?:(north|south|east|west)(?:ern)?\s+(?:part\s+)?of|"
                           r"(north|south|east|west)ern\s+part\s+of)\s+the\s+(?:country|city|province|state|region|island|capital)\b",
                           re.IGNORECASE)
_NAMED_PART = re.compile(r"(?<!from )\b(?:(north|south|east|west)(?:ern)?\s+(?:part\s+)?of\s+|(north|south|east|west)ern\s+)"
                         r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
_FROM_NAME = re.compile(r"\bfrom\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
OPPOSITE = {"east": "west", "west": "east", "north": "south", "south": "north"}
# A quarter, also a compound one and a far one ("the far northwest side", "south-eastern districts").
_DIR = r"(?:far\s+)?((?:north|south)-?(?:east|west)|north|south|east|west)"


def _opposed(a: str, b: str) -> bool:
    """Opposite quarters: "south" / "northwest" (north against south, nothing shared), not
    "northeast" / "northwest" (both north)."""
    pa, pb = _parts(a), _parts(b)
    return not (pa & pb) and any(OPPOSITE[x] in pb for x in pa)


def _parts(q: str) -> set[str]:
    q = q.replace("-", "")
    return {d for d in OPPOSITE if d in q}


# One named place's quarters on both sides: "in Adelaide's northern suburbs" / "in Adelaide's
# southern suburbs", "the western suburbs of Lyon" / "Lyon's eastern districts".
# Also a country's or region's own quarter: "Rakhine state in Myanmar's west" / "northern Shan
# state in eastern Myanmar".
_QUARTER_OF = re.compile(r"\b(?P<p1>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:'s|\u2019s)\s+(?:far\s+)?(?P<q1>(?:north|south)-?(?:east|west)|north|south|east|west)(?:ern)?"
                         r"(?:\s+(?:suburbs|outskirts|districts|neighbou?rhoods|side|areas?|part)\b|(?=\s*[,.;]|\s*$))"
                         r"|\b(?P<q2>north|south|east|west)(?:ern)?\s+(?:suburbs|outskirts|districts|neighbou?rhoods|side|areas?|part)\s+of\s+"
                         r"(?:the\s+)?(?P<p2>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
                         r"|\bin\s+(?P<q3>north|south|east|west)ern\s+(?P<p3>[A-Z][\w-]+)\b(?!\s+[A-Z])")


def _quarters(text: str) -> list[tuple[str, str, re.Match]]:
    """(place, quarter, match) for each named place's quarter in ``text``."""
    out = []
    for m in _QUARTER_OF.finditer(text):
        place = m.group("p1") or m.group("p2") or m.group("p3")
        out.append((place.lower(), (m.group("q1") or m.group("q2") or m.group("q3")).lower(), m))
    return out


def _opposite(claim: Reading, evidence: Reading, mine: list, theirs: list) -> list[Check]:
    """The first (place, quarter, match) of the claim whose place the evidence gives the opposite
    quarter of, and never the claim's own quarter."""
    for pa, qa, ma in mine:
        for pb, qb, mb in theirs:
            if pa == pb and _opposed(qa, qb) and not any(p == pa and q == qa for p, q, _m in theirs):
                cs, es = Span.of(claim.text, ma.start(), ma.end()), Span.of(evidence.text, mb.start(), mb.end())
                return [Check("place", f"{cs.text} vs {es.text}: {qa} vs {qb}", (cs,), (es,))]
    return []


def _quarter_checks(claim: Reading, evidence: Reading) -> list[Check]:
    return _opposite(claim, evidence, _quarters(claim.text), _quarters(evidence.text))


# A quarter of the story's own place on both sides, unnamed: "on the site of a former air base
# north of the city centre" / "on former brickworks land in the city's southern district".
_KINDS = r"(country|city|town|province|state|region|island|capital)"
_UNNAMED_QUARTER = re.compile(r"\b(north|south|east|west)(?:ern)?\s+(?:part\s+)?of\s+the\s+" + _KINDS + r"\b"
                              r"|\bthe\s+" + _KINDS + r"(?:'s|\u2019s)\s+" + _DIR + r"(?:ern)?\s+"
                              r"(?:district|districts|part|suburbs|outskirts|edge|side|quarter|neighbou?rhoods?)\b"
                              r"|\b(?:in|to|across|at)\s+the\s+(north|south|east|west)(?:ern)?\s+(?:part\s+|suburbs\s+|outskirts\s+)?of\s+the\s+"
                              + _KINDS + r"\b", re.IGNORECASE)
_QUARTER_WORDS = frozenset("north south east west northern southern eastern western part city town country province state "
                           "region island capital centre center district districts suburbs outskirts edge side quarter".split())


def _unnamed_quarters(text: str) -> list[tuple[str, str, re.Match]]:
    """(kind of place, quarter, match): "north of the city centre" -> ("city", "north")."""
    out = []
    for m in _UNNAMED_QUARTER.finditer(text):
        q, kind = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(3) else (m.group(5), m.group(6))
        out.append((kind.lower(), q.lower(), m))
    return out


def _nouns(r: Reading) -> set[str]:
    return {t[1] for t in r.tree if t[2] == "NOUN" and t[1] not in _QUARTER_WORDS}


def _unnamed_quarter_checks(claim: Reading, evidence: Reading) -> list[Check]:
    """Opposite quarters of the same kind of unnamed place, of a thing both sides name (the
    stadium), when the evidence does not name the claim's quarter too."""
    theirs = _unnamed_quarters(evidence.text)
    mine = _unnamed_quarters(claim.text)
    if mine and not claim.places:
        # The claim's unnamed city is the one the evidence names: "on the city's south side" /
        # "on Milwaukee's far northwest side" (a claim naming no place of its own).
        theirs += [(kind, q, m) for _p, q, m in _quarters(evidence.text) for kind in {k for k, _q, _m in mine}
                   if kind in ("city", "town", "capital")]
    if not theirs or not (_nouns(claim) & _nouns(evidence)):
        return []
    return _opposite(claim, evidence, mine, theirs)


# A direction from a thing both sides name in common words ("came down in a rice field about two
# kilometres east of the runway" / "lies in cattle pasture about two kilometres west of the runway").
_COMPASS_OF = re.compile(r"\b(north|south|east|west)\s+of\s+(?:the|its|a)\s+([a-z][a-z-]+)\b")


def _compass_checks(claim: Reading, evidence: Reading) -> list[Check]:
    for m in _COMPASS_OF.finditer(claim.text):
        for n in _COMPASS_OF.finditer(evidence.text):
            if m.group(2) == n.group(2) and OPPOSITE[m.group(1)] == n.group(1):
                cs, es = Span.of(claim.text, m.start(), m.end()), Span.of(evidence.text, n.start(), n.end())
                return [Check("place", f"{cs.text} vs {es.text}", (cs,), (es,))]
    return []


def part_checks(claim: Reading, evidence: Reading) -> list[Check]:
    if quarter := _quarter_checks(claim, evidence) or _unnamed_quarter_checks(claim, evidence) or _compass_checks(claim, evidence):
        return quarter
    for a, b, claim_side in ((claim, evidence, True), (evidence, claim, False)):
        # "Evacuation flights from Thompson are landing ... in the southern part of the province":
        # where people go from the other side's place, not where its event is.
        leaves = any(named_in(f.group(1), b.text) for f in _FROM_NAME.finditer(a.text))
        for m in _UNNAMED_PART.finditer(a.text):
            q = (m.group(1) or m.group(2)).lower()
            if leaves or _UNNAMED_PART.search(b.text):
                continue
            for n in _NAMED_PART.finditer(b.text):
                if (n.group(1) or n.group(2)).lower() == OPPOSITE[q] and not named_in(n.group(3), a.text):
                    x, y = Span.of(a.text, m.start(), m.end()), Span.of(b.text, n.start(), n.end())
                    cs, es = (x, y) if claim_side else (y, x)
                    return [Check("place", f"{cs.text} vs {es.text}: {q if claim_side else OPPOSITE[q]} vs "
                                           f"{OPPOSITE[q] if claim_side else q}", (cs,), (es,))]
    return []


def names_a_part(text: str) -> bool:
    """Does the text name an unnamed quarter of a place (a cheap test before the parse)?"""
    return bool(_UNNAMED_PART.search(text) or _UNNAMED_QUARTER.search(text) or _COMPASS_OF.search(text))


# A side of a thing ("the northern side of the bridge", "the southern, downstream side of the
# Belvárosi Bridge", "the west bank").
_SIDE = re.compile(r"\b(north|south|east|west)(?:ern)?(?:\s*,\s*[\w-]+\s*,?|\s+[\w-]+)?\s+(side|bank|end|shore|edge|wing|half)\b",
                   re.IGNORECASE)


def other_side(claim: str, evidence: str) -> bool:
    """The claim places something on one side of a thing, and the evidence names the opposite side
    of it: whatever else it names, it does not confirm the claim's side ("on a temporary walkway
    fixed to the northern side of the bridge" / "would be hung from the southern, downstream side
    of the Belvárosi Bridge, leaving the northern side free for the cranes")."""
    a = {(m.group(1).lower(), m.group(2).lower()) for m in _SIDE.finditer(claim)}
    b = {(m.group(1).lower(), m.group(2).lower()) for m in _SIDE.finditer(evidence)}
    return any((OPPOSITE[d], n) in b for d, n in a)


# A place named only as what the evidence denies ("dismissing reports that it would be run from the
# Western Province town of *Gizo*") is not where the evidence places the event.
# ("rejected Portuguese newspaper reports that Spain had accepted ...": up to three words before "reports")
_DENIED_REPORT = re.compile(r"\b(?:dismiss|den(?:y|ie|yi)|reject|refut|disput)\w*\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:reports?|claims?|suggestions?|speculation|rumou?rs?)\s+(?:that|of)\b[^.;]*$", re.IGNORECASE)


def in_denied_report(text: str, start: int) -> bool:
    return bool(_DENIED_REPORT.search(text, max(0, start - 160), start))


# A route by its two ends: "the Guayaquil-Baltra route", "between Quito and Baltra", "from
# Hai Phong to Seattle".
_NAME = r"[A-Z][\w\u00C0-\u017F'-]*(?:\s+[A-Z][\w\u00C0-\u017F'-]*){0,2}"
_ROUTES = (re.compile(rf"\b({_NAME})\s*[-\u2013]\s*({_NAME})\s+(?:route|flights?|service|line|link|corridor|connection)\b"),
           re.compile(rf"\bbetween\s+({_NAME})\s+and\s+({_NAME})"),
           re.compile(rf"\bfrom\s+({_NAME})\s+to\s+({_NAME})"))


def routes(text: str) -> list[frozenset[str]]:
    return [frozenset(m.group(i).lower() for i in (1, 2)) for pat in _ROUTES for m in pat.finditer(text)]


def other_routes(claim: str, evidence: str) -> bool:
    """Both sides name a route and none is the same: "Return fares on the Guayaquil-Baltra route
    currently average about 480 dollars" / "its average return fare between Quito and Baltra was
    520 dollars" are two routes' fares."""
    a, b = routes(claim), routes(evidence)
    return bool(a and b) and not set(a) & set(b)


# A place a route goes to: "to open routes to Abidjan, Lagos and Casablanca", "flights to
# Banjul": where a service ends, not where the story's event is.
_ROUTE_TO = re.compile(r"\b(?:routes?|flights?|services?|connections?|links?)\s+(?:to|from|between)\s+"
                       r"(?:[A-Z][\w\u00C0-\u017F'-]*(?:\s+[A-Z][\w\u00C0-\u017F'-]*)*,?\s+(?:and\s+)?)*$")


def route_end(text: str, start: int) -> bool:
    return bool(_ROUTE_TO.search(text, max(0, start - 80), start))
