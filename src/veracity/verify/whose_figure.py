"""Whose a figure is, and of what: a figure describing a named party ("Italy, which has about
1,000 soldiers in the current mission"), one a withdrawn release gave, one taken out of a
total. Reasons two figures of one counted noun are two quantities (:mod:`veracity.verify.measured`)."""

from __future__ import annotations

import re

from ..records import Quantity
from .counted import _chain, _subtree, _verb_of
from .parties import agent
from .reading import Reading


# Verbs of what a party has: "Italy, which *has* about 1,000 soldiers", "which *employs* 3,000".
HOLDING = frozenset("have hold keep employ field station deploy operate run own count contribute".split())


def described_party(r: Reading, q: Quantity) -> str | None:
    """The named party a relative clause holding the figure describes: "Italy, *which has about
    1,000 soldiers in the current mission*, would provide the force commander" (Italy's)."""
    chain = _chain(r, q)
    if not chain or chain[0][0][3] != "relcl" or chain[0][0][1] not in HOLDING:
        return None
    head = chain[0][0][4]
    return next((e.span.text for e in r.entities if e.span.start <= head < e.span.end
                 and e.label in ("GPE", "ORG", "NORP", "PERSON")), None)


def held_by_other(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """One side's figure describes a named party, and the other's belongs to no one of that name
    ("Italy, which has about 1,000 soldiers in the current mission" / "The European force ...
    would number about 2,500 soldiers"): a background figure of a party, not the other's."""
    for one, q, other, w in ((cr, c, er, e), (er, e, cr, c)):
        name = described_party(one, q)
        if not name or described_party(other, w) == name:
            continue
        # (whose the other figure is: the subject of its verb, "Italian" for "Italy")
        v = _verb_of(other, w)
        who = agent(other, v[0]) if v is not None else None
        held = _subtree(other, who) if who is not None else set()
        words = " ".join(t[1] for t in other.tree if t[0] in held)
        stem = name.lower()[:max(4, len(name) - 2)]
        if stem not in words:
            return True
    return False


# A figure of a release withdrawn or found wrong ("has withdrawn its labour force survey, a week
# after publishing an unemployment rate of 4.6 percent") is what was published, not the value the
# corrected release gives ("Corrected ... figures ... will put unemployment at about 5.3 percent").
_WITHDRAWN = re.compile(r"\b(?:withdr[ae]wn?|withdrawing|retract\w*|scrapp\w*|erroneous|flawed|in\s+error|mistaken)\b", re.IGNORECASE)
PUBLISHING = frozenset("publish put show report give release announce estimate record".split())


def withdrawn_figure(r: Reading, q: Quantity) -> bool:
    return bool(_WITHDRAWN.search(r.text)) and any(v[1] in PUBLISHING for v, _ in _chain(r, q)[:2])


# A figure a corrected release is to give ("A corrected release ... is expected to show
# unemployment closer to 5.3 percent") against a figure of no correction ("record-low
# unemployment of 4.6 percent"): the first release's, not the correction's. The other way round,
# a correction may well refute the claim's figure.
_CORRECTED = re.compile(r"\b(?:corrected|revised|amended|restated)\b", re.IGNORECASE)


def corrected_against_first(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    def corrected(r: Reading, q: Quantity) -> bool:
        return bool(_CORRECTED.search(r.text, 0, q.span.start)) and any(v[1] in PUBLISHING for v, _ in _chain(r, q)[:2])
    return corrected(cr, c) and not corrected(er, e) and not _CORRECTED.search(er.text)


# A figure taken out of a total: "3,000 tonnes of the total would be held back" / "The new limit
# of 51,000 tonnes".
_OF_TOTAL = re.compile(r"^\S+(?:\s+\S+)?\s+of\s+(?:the|that|this|its|their)\s+(?:total|overall|sum|quota|limit|amount|allocation)\b",
                       re.IGNORECASE)


def of_total(r: Reading, q: Quantity) -> bool:
    return bool(_OF_TOTAL.match(r.text[q.span.start:q.span.end + 30]))
