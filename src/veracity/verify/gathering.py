"""Gatherings: a meeting, summit or hearing is a happening of its own, with its own place and
date. "approve the plan at a special meeting in Manila on October 20" places and dates the
*meeting*; a mission "in Myanmar" on the other side is where something else happens, while
"will hold a special meeting in Manila on November 3" dates the same meeting otherwise. Used by
the place check (:mod:`veracity.verify.where`) and the date check (:mod:`veracity.verify.when`)."""

from __future__ import annotations

from ..records import Span
from .parties import children
from .reading import Reading

# Nouns naming a gathering that has a place and a date of its own.
GATHERING_NOUNS = frozenset("meeting summit conference talks session congress convention forum assembly gathering "
                            "ceremony hearing rally retreat plenary exercise drill drills manoeuvres maneuvers".split())
# Words for one gathering of negotiators: "join an enlarged round in July" / "invited to an
# enlarged meeting ... in September".
SAME_GATHERING = {"round": "meeting", "talks": "meeting", "session": "meeting"}
GATHERING_NOUNS = GATHERING_NOUNS | SAME_GATHERING.keys()
# Verbs whose place is where people gather ("will meet in Hanoi", "will host Ochoa in Austin").
GATHERING_VERBS = frozenset("meet convene gather assemble host".split())
# Words that tell one gathering of a series from another: "the next summit" is not "next week's
# summit", nor "last year's" (a possessive's own "next" is the week's, not the summit's).
ORDER_WORDS = frozenset("next following previous last first second third final inaugural annual".split())
# How far up the parse a place may hang below its gathering ("at the ministry's headquarters in
# Austin" below "host": four steps); the first verb ends the climb.
GATHERING_STEPS = 5


def _key(r: Reading, t: tuple, kids: dict) -> str:
    """A gathering noun with the word that says which of a series it is: "next summit"."""
    order = next((k[1] for k in kids.get(t[0], []) if k[3] == "amod" and k[1] in ORDER_WORDS), None)
    noun = SAME_GATHERING.get(t[1], t[1])
    return f"{order} {noun}" if order else noun


def at_gathering(r: Reading, sp: Span) -> str | None:
    """The gathering a place (or date) hangs on before any other verb: "a special meeting in
    *Manila*" -> "meeting", "ministers will meet in *Hanoi*" -> "meet", "the next summit would
    be held in *Bishkek*" -> "next summit"; None for "a mission in *Myanmar*"."""
    by_start = {t[0]: t for t in r.tree}
    kids = children(r)
    t = next((t for t in r.tree if sp.start <= t[0] < sp.end), None)
    for _ in range(GATHERING_STEPS):
        if t is None or t[4] == t[0]:
            return None
        t = by_start.get(t[4])
        if t is None:
            return None
        if t[2] == "NOUN" and t[1] in GATHERING_NOUNS:
            return _key(r, t, kids)
        if t[2] in ("VERB", "AUX"):
            if t[1] in GATHERING_VERBS:
                return t[1]
            return next(iter(sorted(gathered_at(r, t))), None)
    return None


def order(key: str | None) -> str:
    """Which of a series a gathering is ("next summit" -> "next"), "" when unsaid."""
    return key.split()[0] if key and " " in key else ""


# Verbs of a happening's start or end, which date the happening of the verb they hang on.
ASPECT_VERBS = frozenset("start begin end finish run last open close".split())
# A gathering verb is its gathering: "when they meet in Luxembourg on April 21" dates the
# ministers' meeting.
VERB_GATHERING = {"meet": "meeting", "convene": "meeting"}


def gathered_at(r: Reading, v: tuple | None) -> set[str]:
    """The gatherings a verb's subject, object or prepositional object names: "approve the plan
    *at a special meeting*", "will hold *a special meeting*" -> {"meeting"}; "when they *meet*"
    -> {"meeting"}."""
    if v is None:
        return set()
    kids = children(r)
    out = {VERB_GATHERING[v[1]]} if v[1] in VERB_GATHERING else set()
    # "will hold a ... naval exercise ..., starting on July 12": the start is the exercise's.
    if v[1] in ASPECT_VERBS and v[3] in ("advcl", "xcomp", "acl") and v[4] != v[0]:
        head = next((t for t in r.tree if t[0] == v[4]), None)
        if head is not None and head[2] == "VERB":
            out |= gathered_at(r, head)
    for k in kids.get(v[0], []):
        if k[3] in ("dobj", "nsubj", "nsubjpass") and k[1] in GATHERING_NOUNS:
            out.add(_key(r, k, kids))
        elif k[3] == "prep":
            out |= {_key(r, g, kids) for g in kids.get(k[0], []) if g[3] == "pobj" and g[1] in GATHERING_NOUNS}
    return out


# Those who gather, told apart by their portfolio: "EU *foreign* ministers" and "EU *defence*
# ministers" meet as two councils, on their own days and in their own cities.
ATTENDEE_NOUNS = frozenset("minister chief leader envoy ambassador official governor".split())
NOT_PORTFOLIO = frozenset("senior top other several many some two three four five six former".split())


def attendees(r: Reading) -> set[str]:
    """The portfolios of the people a sentence has gather: "EU foreign ministers" -> {foreign}."""
    kids = children(r)
    return {k[1] for t in r.tree if t[2] == "NOUN" and t[1] in ATTENDEE_NOUNS
            for k in kids.get(t[0], []) if k[3] in ("amod", "compound") and k[2] in ("NOUN", "ADJ") and k[1] not in NOT_PORTFOLIO}


def other_attendees(claim: Reading, evidence: Reading) -> bool:
    a, b = attendees(claim), attendees(evidence)
    return bool(a and b) and not a & b

