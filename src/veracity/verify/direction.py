"""Direction: the same thing said to move one way on one side and the other way on the other
("a 35 percent rise in landing charges" / "its landing charges fell 5 percent"), reported as a
polarity check; and moves of two days, which are two moves. Part of the contradiction checks
(:mod:`veracity.verify.contradiction`)."""

from __future__ import annotations

from ..records import Check, Span
from .parties import children
from .reading import Reading
from .when import _event_date


def _span(text: str, a: int, b: int) -> Span:
    return Span.of(text, a, b)


# Words of change and their direction: "a 35 percent rise in landing charges" against "its
# landing charges fell 5 percent" says the same thing moved the other way.
DIRECTION = {**{w: True for w in "rise increase grow climb jump gain soar surge raise expand boost".split()},
             **{w: False for w in "fall decrease drop decline shrink slump plunge lower reduce cut slash".split()}}


def _moves(r: Reading) -> list[tuple[bool, Span, set[str]]]:
    """(up?, the change word, the nouns of what changes): a change verb's subject (or object,
    for "raise", "cut") or a change noun's "in"/"of" phrase."""
    kids = children(r)
    def nouns(t) -> set[str]:
        sub, todo = set(), [t]
        while todo:
            x = todo.pop()
            if x[2] in ("NOUN", "PROPN"):
                sub.add(x[1])
            todo += [k for k in kids.get(x[0], []) if k[3] in ("compound", "amod", "poss", "nmod")]
        return sub
    out = []
    for t in r.tree:
        if t[1] not in DIRECTION or t[2] not in ("VERB", "NOUN"):
            continue
        if t[2] == "VERB":
            what = [k for k in kids.get(t[0], []) if k[3] in ("nsubj", "nsubjpass", "dobj")]
        else:
            preps = [k for k in kids.get(t[0], []) if k[3] == "prep" and k[1] in ("in", "of")]
            what = [k for p in preps for k in kids.get(p[0], []) if k[3] == "pobj"]
        thing = set().union(*(nouns(k) for k in what)) if what else set()
        if thing:
            out.append((DIRECTION[t[1]], _span(r.text, t[0], t[0] + len(r.text[t[0]:].split()[0].rstrip(".,;:"))), thing,
                        {k[1] for k in what if k[2] == "NOUN"}, _owners(r, what)))
    return out


def _owners(r: Reading, what: list[tuple]) -> set[str]:
    """The names whose thing moves: "Shares *in Ravi Pharmaceuticals*", "*Permata*'s shares"."""
    kids = children(r)
    out: set[str] = set()
    for k in what:
        tops = [k] + [o for p in kids.get(k[0], []) if p[3] == "prep" and p[1] in ("in", "of") for o in kids.get(p[0], []) if o[3] == "pobj"]
        todo = list(tops)  # each top with its compounds and possessors, all the way down ("Rhenavia Pharma shares")
        while todo:
            x = todo.pop()
            if x[2] == "PROPN":
                out.add(x[1])
            todo += [k for k in kids.get(x[0], []) if k[3] in ("compound", "poss")]
    return out


def _same_mover(a: tuple, b: tuple) -> bool:
    """Two moves of one thing: shared nouns, the same head when both have a common noun ("transit
    costs" / "transit revenue" are two), and no two owners named ("Shares in Ravi Pharmaceuticals"
    / "Shares in Karachi-based Indus Biotech")."""
    if not a[2] & b[2]:
        return False
    if a[3] and b[3] and not a[3] & b[3]:
        return False
    return not (a[4] and b[4] and not a[4] & b[4])


def _owner_elsewhere(a: tuple, ra: Reading, b: tuple, rb: Reading) -> bool:
    """One side names whose thing moves, the other does not but names other parties and never
    that owner: "the Basotho Renewal Congress's seats" fell, and "the Lesotho Workers' Front, the
    Sefate Democratic Alliance and the Mountain People's Movement, each of which gained one seat"."""
    if bool(a[4]) == bool(b[4]):
        return False
    owners, other = (a[4], rb) if a[4] else (b[4], ra)
    named = {t[1] for t in other.tree if t[2] == "PROPN"}
    # (most of the owner's words, not all: a country's name is in many names, "Lesotho's electoral
    # commission" / "the Lesotho Workers' Front")
    return bool(named) and 2 * len(owners & named) < len(owners)


def _event_days(r: Reading) -> set[str]:
    return {d.value[:10] for d in r.dates if d.value and d.granularity == "day" and _event_date(r, d)}


def moves_of_other_days(claim: Reading, evidence: Reading) -> bool:
    """A move on each side (a price, a share, a rate rising or falling), the evidence's dated to
    a day that is not the claim's (its own date, or its report's day when it gives no date at
    all): "Shares in Permata fell 9 percent in early trade" and "Shares in Permata Glove rose 4
    percent ... on Tuesday" four weeks before are two days' moves, not one. A move over a period
    ("fell by 5% in the first half of the year") is not a day's."""
    if not (_moves(claim) and _moves(evidence)):
        return False
    b = _event_days(evidence)
    # (A year the claim names is no day: "their biggest one-day gain since 2019".)
    dated = any(d.granularity in ("day", "week", "month") for d in claim.dates)
    a = _event_days(claim) or ({claim.published[:10]} if not dated and claim.published and len(claim.published) >= 10 else set())
    return bool(a and b) and not (a & b)


def check_direction(claim: Reading, evidence: Reading) -> list[Check]:
    """The same thing said to move one way on one side and the other way on the other (reported
    as a polarity: the two say opposite things), unless a side says both."""
    ev = _moves(evidence)
    for mine in _moves(claim):
        up, word, thing = mine[:3]
        same = [(o[0], o[1]) for o in ev if _same_mover(mine, o) and not _owner_elsewhere(mine, claim, o, evidence)]
        if same and all(u != up for u, _ in same):
            return [Check("polarity", f"'{word.text}' vs '{same[0][1].text}': opposite directions for the same thing ({', '.join(sorted(thing))})",
                          (word,), tuple(w for _, w in same))]
    return []
