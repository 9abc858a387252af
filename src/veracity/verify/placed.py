"""What a place is the place of, when its phrase hangs on a noun: "a political *feud* in
Freetown" places the feud, "a *court* in Brussels" the court. A place of a matter of its own
and one of another thing are no conflict of places: "A court in Brussels has approved the
extradition" is not set against "the extradition request was the product of a political feud
in Freetown" (:mod:`veracity.verify.where` compares only the places of one happening). Also:
a town that is a province of its own (is_province)."""

from __future__ import annotations

import functools

from ..claims.places import _ascii
from ..records import Span
from . import lexicon
from .reading import Reading


def thing_placed(r: Reading, sp: Span) -> str | None:
    """The lemma of the noun the place's phrase hangs on ("feud in Freetown"), or None when it
    hangs on a verb ("ruled in Antwerp") or on nothing the parse shows."""
    by_start = {t[0]: t for t in r.tree}
    t = next((t for t in r.tree if sp.start <= t[0] < sp.end), None)
    for _ in range(6):  # up out of the name ("Kono District"), then the preposition, then its head
        if t is None or t[4] == t[0]:
            return None
        h = by_start.get(t[4])
        if h is None:
            return None
        if not (sp.start <= h[0] < sp.end):
            if t[3] != "pobj" or h[2] != "ADP":
                return None
            g = by_start.get(h[4])
            return g[1] if g is not None and g[0] != h[0] and g[2] == "NOUN" else None
        t = h
    return None


def _named(r: Reading, lemma: str) -> bool:
    return any(lem == lemma or (lexicon.available() and lexicon.related(lemma, "n", lem, "n") == "synonym")
               for _s, _e, lem, pos in r.lemmas if pos == "NOUN")


# Matters a place can be the place of without being where anything the other side tells
# happened: "the extradition request was the product of a political feud in Freetown". (Not
# sites or gatherings: "the naval base at Antsiranana" / "a naval presence at Antsiranana", "a
# plant in Moncton" / "modular units made at a factory in Dartmouth" are one place compared.)
OTHER_MATTERS = frozenset("feud dispute row quarrel rivalry controversy scandal crisis".split())


def other_things(claim: Reading, cs: Span, evidence: Reading, es: Span) -> bool:
    """The two places are of two different things, one of them a matter of its own
    (OTHER_MATTERS), each named on one side only: "A *court* in Brussels" / "a political *feud*
    in Freetown"."""
    a, b = thing_placed(claim, cs), thing_placed(evidence, es)
    return bool(a and b and a != b and {a, b} & OTHER_MATTERS and not _named(evidence, a) and not _named(claim, b))


@functools.lru_cache(maxsize=4096)
def is_province(name: str, codes: tuple[str, ...]) -> bool:
    """A town that is a province of its own country too (pycountry's subdivisions): "Harare"
    (ZW-HA) is a city and a province, so it lies in no other province ("at State House in
    Harare" / "at State House in Bulawayo" are two places)."""
    import pycountry

    key = _ascii(name).lower().strip()
    for code in codes:
        try:
            subs = pycountry.subdivisions.get(country_code=code) or ()
        except (KeyError, LookupError):
            continue
        if any(_ascii(s.name).lower().strip() == key for s in subs):
            return True
    return False
