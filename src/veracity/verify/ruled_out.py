"""Ruled out: the claim's place ruled out by the evidence ("none in neighbouring Sirsi taluk",
"no plans to move any part of our operation to Suvarnabhumi"), and the claim's site named for
another place ("its Venado Tuerto plant" / "its plant in Rosario"). Used by the place check
(:mod:`veracity.verify.where`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Check, Span
from .quarters import named_in
from .reading import Reading

if TYPE_CHECKING:  # (the place check's own record; no import at run time)
    from .where import _Loc

# A region compared with named countries: only small groups (Scandinavia, the Baltics) name a
# party; "European nations" (45 codes) says nothing about which ones.
MAX_GROUP_CODES = 12


def named_countries(r: Reading) -> set[str]:
    """The codes of the countries a sentence names, alone or in a small group (not "European")."""
    return {c for p in r.places if len(p.codes) <= MAX_GROUP_CODES for c in p.codes}


# A site named by its place, which the gazetteer may not know: "the 800 employees of its *Venado
# Tuerto* plant" / "800 workers on leave at its plant in *Rosario*".
_FACILITIES = r"(plant|factory|mill|site|mine|terminal|refinery|works|yard|warehouse|depot|facility|smelter|campus)"
_NAMED_SITE = re.compile(r"\b(?:its|their|our)\s+((?:[A-Z][\w'-]+\s+){1,3})" + _FACILITIES + r"\b")
_SITE_IN = re.compile(r"\b" + _FACILITIES + r"\s+(?:in|at|near)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def facility_checks(claim: Reading, evidence: Reading) -> list[Check]:
    """The claim's site placed in a town, the evidence's same kind of site named for another
    place the claim never names (and the claim's town not named in the evidence)."""
    for m in _SITE_IN.finditer(claim.text):
        for n in _NAMED_SITE.finditer(evidence.text):
            name = n.group(1).strip()
            if n.group(2) != m.group(1) or named_in(m.group(2), evidence.text):
                continue
            if any(w.lower() in claim.text.lower() for w in name.split() if len(w) >= 3):
                continue
            return [Check("place", f"{m.group(2)} vs {name}", (Span.of(claim.text, m.start(2), m.end(2)),),
                          (Span.of(evidence.text, n.start(1), n.start(1) + len(name)),))]
    return []


# The evidence rules the claim's place out: "none in neighbouring Sirsi taluk", "not to
# broadacre cropping in the Wheatbelt", "no plans to move any part of our operation to
# Suvarnabhumi", "its Maasvlakte 2 site ... is not part of the plan". No comma in between: "will
# not be lifted, officials in the Wheatbelt said" rules nothing out.
_RULED_OUT_BEFORE = (r"\b(?:none|not(?!\s+only\b|\s+just\b|\s+merely\b)|no\s+(?:plans?|intention)|nothing|never|rather\s+than|"
                     r"instead\s+of)\b[^.;:,]{0,60}?\b(?:in|at|to|into|on|near|within)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?%s\b")
_RULED_OUT_BARE = r"\b(?:not|rather\s+than|instead\s+of)\s+(?:in\s+|at\s+|to\s+)?(?:the\s+)?%s\b"
_RULED_OUT_AFTER = (r"\b%s\b[^.;:,]{0,60}?\b(?:is|are|was|were|will\s+be|would\s+be)\s+not\s+"
                    r"(?:part|included|among|covered|affected|involved)\b")


def _ruled_out(text: str, name: str) -> re.Match | None:
    n = re.escape(name)
    for pat in (_RULED_OUT_BEFORE, _RULED_OUT_BARE, _RULED_OUT_AFTER):
        if m := re.search(pat % n, text, re.IGNORECASE):
            return m
    return None


# Being told of a thing is not the thing: "has not been consulted ... about any sanctions on
# Nicaragua" rules out no sanctions on Nicaragua.
_TOLD = re.compile(r"\b(?:consulted|informed|told|notified|briefed|asked|aware)\b", re.IGNORECASE)


# A stance withheld rules out no place: "Italy did not support sending European troops to Ukraine".
_STANCE_NEGATED = re.compile(r"(?:not|never)\s+(?:\w+\s+)?(?:support|back|endorse|favou?r|want|welcome|agree|approve)", re.IGNORECASE)


def _own_part(claim: Reading, evidence: Reading, at: int, end: int) -> bool:
    """A country the claim never names rules out its own part ("The Netherlands has not committed any personnel to
    a cyber-defence team in Albania"); so does its demonym in what is ruled out ("no plans to deploy *British* personnel")."""
    named = named_countries(claim)
    return any(len(p.codes) == 1 and p.codes[0] not in named
               and ((p.kind == "country" and p.span.start < at) or (p.kind == "demonym" and at <= p.span.start < end))
               for p in evidence.places)


def _negated_there(r: Reading, sp: Span) -> bool:
    """The claim's own action at the place is negated: "no foreign troops would be stationed in
    North Kivu" is not contradicted by "would not involve basing any foreign soldiers in North Kivu"."""
    return any(f.negated and f.location is not None and f.location.start <= sp.start < f.location.end for f in r.frames)


def excluded(claim: Reading, evidence: Reading, places: list[_Loc]) -> list[Check]:
    """The claim's place, which the claim itself does not rule out, ruled out by the evidence."""
    for x in places:
        name = x.span.text.removeprefix("the ").removeprefix("The ")
        if x.origin or len(name) < 3 or _ruled_out(claim.text, name) or _negated_there(claim, x.span):
            continue
        if (m := _ruled_out(evidence.text, name)) and not _TOLD.search(m.group()) and not _STANCE_NEGATED.match(m.group()) \
                and not _own_part(claim, evidence, m.start(), m.end()):
            es = Span.of(evidence.text, m.start(), m.end())
            return [Check("place", f"{x.span.text} vs '{es.text}': the evidence rules it out", (x.span,), (es,))]
    return []
