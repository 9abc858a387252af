"""Two figures of one counted noun that are two quantities: an increment and a total, a separate
thing's figure, a part's and the whole's, a difference, a running total, a threshold and the value
measured against it, a distance that places something and a length, figures describing two
things, levels of two things; and, with the readings of :mod:`veracity.verify.counted` (a demand,
a standing size, a move, a sum's kind), :func:`different_quantities`, which the number check
(:mod:`veracity.verify.figures`) asks before it compares two figures."""

from __future__ import annotations

import re

from ..records import Quantity
from . import lexicon
from .counted import (HEADLINE_MEASURES, SUM_KINDS, TRANSACT_VERBS, _chain, _head_token, _other_movers, _other_periods, _per_time,
                      _same_kind, _same_mover, _unrelated, _verb_of, change_or_level, counts_the_group, demanded, figure_places,
                      flow, held_or_moved, is_money, kind_of_sum, move, mover, part_and_whole_year, part_of, purpose)
from .gathering import GATHERING_NOUNS
from .goods import (grown_and_shipped, two_measures, _in_series, _lost_by, _other_goods, _other_kinds, one_country_kind, one_group, rest_of, two_compound_kinds, two_tranches,
                    whole_of_part)
from .owners import two_holders
from .whose_figure import corrected_against_first, held_by_other, of_total, withdrawn_figure
from .percents import PERCENT, percent_moved
from .parties import agent, children, of_existing, other_agent_nouns, party_words
from .reading import Reading
from .where import _same_verb


# Words that make a count an increment on a total ("2,000 additional troops", "2,412,566 new
# voters", "a further 12 guns"): against a count without one ("bring the deployment to about
# 6,000 troops", "22.1 million voters were registered") they count two things.
_ADDED = re.compile(r"^\s*(?:[\w-]+\s+)?(?:additional|new|more|extra|further|fresh)\b", re.IGNORECASE)
_ADDED_BEFORE = re.compile(r"\b(?:a further|an additional|another|an extra)\s+$", re.IGNORECASE)
# ... and a unit added, whatever its figure counts: "a further infantry battalion of roughly 850
# peacekeepers".
_ADDED_UNIT = re.compile(r"\b(?:a further|an additional|another|an extra|additional|further|extra)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:battalion|company|contingent|unit|brigade|detachment|team|squadron|regiment)\s+of\s+(?:\w+\s+){0,2}?$",
                         re.IGNORECASE)
_ADDED_INSIDE = re.compile(r"\b(?:additional|new|extra|further)\b|\bmore\b(?!\s+than)", re.IGNORECASE)  # not "more than"


def added(r: Reading, q: Quantity) -> bool:
    return bool(_ADDED.match(r.text, q.span.end) or _ADDED_BEFORE.search(r.text[max(0, q.span.start - 16):q.span.start])
                or _ADDED_INSIDE.search(q.span.text) or _ADDED_UNIT.search(r.text[max(0, q.span.start - 60):q.span.start]))


# A unit a figure gives the strength of: "an infantry battalion of about 850 soldiers" is not "an
# engineering company of some 250 personnel".
_UNIT_OF = re.compile(r"\b(battalion|company|contingent|brigade|detachment|squadron|regiment|platoon|division)\s+of\s+"
                      r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|more\s+than\s+|up\s+to\s+)?$", re.IGNORECASE)


def unit_of(r: Reading, q: Quantity) -> str | None:
    m = _UNIT_OF.search(r.text, max(0, q.span.start - 40), q.span.start)
    return m.group(1).lower() if m else None


# A figure the sentence itself marks as another thing's ("gave final approval to a separate
# 400-unit project in Bedford").
_SEPARATE_BEFORE = re.compile(r"\b(?:separate|different|unrelated|distinct)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


# ... or what the figure's clause goes on to: "about 2,500 conscripts would take part in a
# separate Jaeger Brigade exercise in Sodankylä in May".
_SEPARATE_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:in|at|for|on|during)\s+(?:a|an)\s+(?:separate|different|unrelated|distinct)\b",
                             re.IGNORECASE)


def separate(r: Reading, q: Quantity) -> bool:
    """... or the whole sentence does ("Separately, the regulator approved a quarterly adjustment of
    1.15 rupees per unit for customers of Karachi's private distributor")."""
    return bool(_SEPARATE_BEFORE.search(r.text[max(0, q.span.start - 30):q.span.start])) or r.text.lstrip().startswith("Separately") \
        or bool(_SEPARATE_AFTER.match(r.text, q.span.end))


# The parts of a company or body a clause can describe: "its generics unit, which employs about
# 1,200 people" is the unit's workforce, not the company's ("Rhenavia ... employs about 3,100").
PART_NOUNS = frozenset("unit division subsidiary arm business branch plant factory mill site operation operations "
                       "affiliate".split())


def part_owned(r: Reading, q: Quantity) -> bool:
    chain = _chain(r, q)
    if not chain:
        return False
    verb = chain[0][0]
    by_start = {t[0]: t for t in r.tree}
    while verb[3] == "conj" and verb[4] in by_start and verb[4] != verb[0]:  # "which employs ... and had sales of ..."
        verb = by_start[verb[4]]
    head = by_start.get(verb[4])
    return verb[3] in ("relcl", "acl") and head is not None and head[1] in PART_NOUNS


# A figure that is the difference between two others ("had bid about 40 million euros less than
# Maasdelta", "12% more than last year") is no value of the things compared ("a 95 million euro
# contract").
_DIFFERENCE = re.compile(r"\s*(?:less|more|fewer|lower|higher|cheaper|dearer|smaller|larger|bigger|greater)\s+than\b", re.IGNORECASE)


def difference(r: Reading, q: Quantity) -> bool:
    return bool(_DIFFERENCE.match(r.text, q.span.end))


_SINCE_YEAR = re.compile(r"\s*(?:the\s+)?(?:start\s+of\s+|end\s+of\s+|beginning\s+of\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b"
                         # "since the start of the year", "since January"
                         r"|\s*(?:the\s+(?:start|beginning|turn|end)\s+of\s+)?(?:(?:the|this)\s+year\b|"
                         r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d))")


_SO_FAR = re.compile(r"\b(?:so far|to date|thus far|in total|altogether|already)\b(?![^.;,]{0,40}\d)|^\s*(?:\S+\s+){0,3}?(?:so far|to date|thus far|in total)\b",
                     re.IGNORECASE)


def running_total(r: Reading, q: Quantity) -> bool:
    """The figure is summed over years, "since <year>" on its verb ("the state had already put 180
    million euros into the company since 2022", "have killed dozens of workers since 2022"): a
    running total, not the sum or toll of one event ("approved a 40 million euro state loan",
    "Nine workers died in Sunday's explosion")."""
    if _SO_FAR.search(r.text[max(0, q.span.start - 40):q.span.start]) or _SO_FAR.match(r.text[q.span.end:]):
        return True  # "had so far repaid 12.4 million ringgit", "has already spent about 300 crore rupees"
    chain = _chain(r, q)
    if not chain:
        return False
    verb = chain[0][0][0]
    return any(t[1] == "since" and t[4] == verb and _SINCE_YEAR.match(r.text, t[0] + 5) for t in r.tree)


# A threshold ("below the level of about 104 percent that Dutch rules require", "a target of 6
# million", "the legal minimum of 30 days") is not the value measured against it ("stood at 98
# percent ..., down from 109 percent at the end of June").
# ... nor is a limit set ("raising the maximum fine for such exports to 50 million crowns" / "the
# penalty imposed ... was 12 million crowns").
_THRESHOLD_BEFORE = re.compile(r"\b(?:target|goal|threshold|requirement|required|mandatory|minimum|benchmark)\s+(?:level\s+)?(?:of\s+)?"
                               r"(?:about|around|roughly|some|at least|nearly|just over|just under)?\s*$"
                               r"|\b(?:maximum|minimum|ceiling|cap)\s+(?:[\w-]+\s+){0,4}?(?:to|at|of)\s+(?:about\s+|around\s+)?$"
                               # "The pledges fell short of the 4.2 billion dollars that aid agencies say Sudan will need"
                               r"|\bshort\s+of\s+(?:the\s+)?(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
_THRESHOLD_AFTER = re.compile(r"\s*(?:that|which)\s+(?:[\w-]+\s+){0,3}?(?:requires?|required|demands?|mandates?|prescribes?)\b"
                              r"|\s+(?:target|threshold|requirement)\b", re.IGNORECASE)


# A distance that places something ("about 50 km north of Aranyaprathet", "12 miles from the
# border") is a position, not a length ("a fence along about 40 kilometres of the border").
_POSITION_AFTER = re.compile(r"\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|northeast|northwest|southeast|southwest|"
                             r"upstream|downstream|inland|offshore)\s+(?:of|from)\b|\s+(?:away\s+)?from\b|\s+outside\b|\s+away\b",
                             re.IGNORECASE)


# A figure joined to its unit before a noun describes that noun ("the 13-valent *version*", "a
# 32,000-seat *stadium*"): two such figures describing two things are two figures.
_HYPHENED = re.compile(r"\d[\d,.]*-[a-z]+$", re.IGNORECASE)


def described(r: Reading, q: Quantity) -> str | None:
    if not _HYPHENED.search(q.span.text):
        return None
    by_start = {t[0]: t for t in r.tree}
    t = next((t for t in r.tree if q.span.start <= t[0] < q.span.end and not q.span.start <= t[4] < q.span.end), None)
    head = by_start.get(t[4]) if t is not None else None
    while head is not None and head[3] in ("compound", "amod") and head[4] > head[0]:  # "20-valent pneumococcal conjugate vaccine"
        head = by_start.get(head[4])
    return head[1] if head is not None and head[2] == "NOUN" and head[0] >= q.span.end else None


DISTANCE_UNITS = frozenset("km kilometre kilometer kilometres kilometers mile miles metre metres meter meters m yard yards "
                           "foot feet nautical".split())


def position(r: Reading, q: Quantity) -> bool:
    unit = (q.unit or "").lower().split()
    return bool(unit and unit[-1] in DISTANCE_UNITS and _POSITION_AFTER.match(r.text, q.span.end))


def threshold(r: Reading, q: Quantity) -> bool:
    return bool(_THRESHOLD_BEFORE.search(r.text[max(0, q.span.start - 40):q.span.start]) or _THRESHOLD_AFTER.match(r.text, q.span.end))


GENERIC_LEVELS = frozenset("rate level figure number share proportion percentage ratio index".split())
# Adjectives that say which reading of a level is meant, not which thing: "annual inflation" is
# the inflation; "core inflation" is another measure.
PLAIN_LEVEL_WORDS = frozenset("annual yearly overall headline national official current latest new average "
                              "year-on-year general total".split())


_FROM_TO = re.compile(r"\bfrom\s+[\d.,]+\s*(?:per\s*cent|percent|%)\s+to\s+$", re.IGNORECASE)


def level_of(r: Reading, q: Quantity) -> str | None:
    """What a percentage is the level of (see :func:`_level_of`); the second figure of "from 2.00
    per cent to 1.00 per cent" is the level of what the first is."""
    if _FROM_TO.search(r.text, max(0, q.span.start - 40), q.span.start):
        before = [p for p in r.quantities if p.span.end <= q.span.start]
        if before:
            return _level_of(r, before[-1])
    return _level_of(r, q)


def _level_of(r: Reading, q: Quantity) -> str | None:
    """What a percentage is the level of: the subject of the verb it hangs on ("the fund's
    coverage *ratio* fell to 98 percent", "PGD's *investments* returned minus 5.9 percent"); None
    when unsaid."""
    if (q.unit or "").lower() not in ("percent", "%", "per cent"):
        return None
    by_start = {t[0]: t for t in r.tree}
    h = _head_token(r, q)
    up = by_start.get(h[4]) if h else None
    # A change ("prices rose 5 percent") is no level; the level it reaches is ("Food inflation
    # climbed to 10.2 percent").
    reached = move(r, q) is not None
    if reached and not (up is not None and up[2] == "ADP" and up[1] == "to" and h[3] == "pobj"):
        return None
    moved = False
    if up is not None and up[2] == "ADP" and h[3] == "pobj" and up[1] in ("to", "at", "from"):
        moved = up[1] in ("to", "from")
        up = by_start.get(up[4])
    elif h is None or h[3] not in ("npadvmod", "dobj", "attr"):
        return None
    if up is None or up[2] not in ("VERB", "AUX"):
        return None
    # "lower the Statutory Reserve Ratio from 2.00 per cent to 1.00 per cent": what is moved is
    # the verb's object; else its subject ("the fund's coverage ratio fell to 98 percent").
    obj = next((t for t in r.tree if t[4] == up[0] and t[3] == "dobj" and t[2] in ("NOUN", "PROPN")), None) if moved else None
    subj = obj or next((t for t in r.tree if t[4] == up[0] and t[3] in ("nsubj", "nsubjpass") and t[2] in ("NOUN", "PROPN")), None)
    if subj is None:
        return None
    # ... only of a headline measure: a rate raised to a level is named many ways ("its benchmark
    # interest rate" / "the Monetary Policy Rate").
    if reached and subj[1] not in HEADLINE_MEASURES:
        return None
    mods = [t for t in r.tree if t[4] == subj[0] and t[0] < subj[0]]
    if subj[1] in GENERIC_LEVELS and not any(t[3] == "compound" for t in mods):  # "the jobless rate" may be "unemployment"
        return None
    kinds = [t[1].lower() for t in mods if t[3] == "compound" or (t[3] == "amod" and t[1].lower() not in PLAIN_LEVEL_WORDS)]
    return " ".join(kinds + [subj[1]])


_MONTHS = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b")


_PERIOD_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:last|this)\s+(?:year|month|week)\b|\s+(?:[\w-]+\s+){0,3}?in\s+(?:19|20)\d\d\b",
                           re.IGNORECASE)


def _period_total(r: Reading, q: Quantity) -> bool:
    """A figure one period totalled ("handled about 85,000 containers last year")."""
    return bool(_PERIOD_AFTER.match(r.text, q.span.end))


def _other_months(cr: Reading, er: Reading) -> bool:
    """Both sides date their figures by a month ("at the end of June" / "at the end of March"),
    in no common month: two values, not one value given twice."""
    a, b = set(_MONTHS.findall(cr.text)), set(_MONTHS.findall(er.text))
    return bool(a and b and not a & b)


_CALENDAR = re.compile(r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE)


def _subject_places(r: Reading, q: Quantity) -> set[str]:
    """Names its verb's subject is placed in or named by: "*Reservoirs in the Alentejo* were at 31
    percent", "the *Mira* reservoir stood at 19 percent"."""
    v, kids = _verb_of(r, q, ("VERB", "AUX")), children(r)
    if v is None:
        return set()
    out = set()
    for sj in kids.get(v[0], []):
        if sj[3] not in ("nsubj", "nsubjpass") or sj[2] != "NOUN":
            continue
        out |= {k[1] for k in kids.get(sj[0], []) if k[3] == "compound" and k[2] == "PROPN" and not _CALENDAR.match(k[1])}
        out |= {g[1] for p in kids.get(sj[0], []) if p[3] == "prep" and p[1] == "in"
                for g in kids.get(p[0], []) if g[3] == "pobj" and g[2] == "PROPN" and not _CALENDAR.match(g[1])}
    return out


# A change counted from a start: "*Since the start of the year* the tenge has depreciated by about
# 6 percent" is not the day's "strengthened by about 1.3 percent".
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:start|beginning)\b|\bso far (?:this|in)\b|\byear[- ]to[- ]date\b|"
                    r"\b(?:this|the) year so far\b", re.IGNORECASE)
# A mean over a period: "The tenge *averaged* 521 per dollar during the month" / "to 509 per dollar".
_AVERAGED = re.compile(r"\baverag(?:ed|es|ing)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$|\ban average (?:of\s+)?(?:about\s+)?$",
                       re.IGNORECASE)


def _since(r: Reading, q: Quantity) -> bool:
    return bool(_SINCE.search(r.text))


def _averaged(r: Reading, q: Quantity) -> bool:
    return bool(_AVERAGED.search(r.text[max(0, q.span.start - 30):q.span.start]))


def _gathered(r: Reading, q: Quantity) -> bool:
    """A count of those taking part in a gathering: "Some 6,000 soldiers from 14 NATO countries
    *began a three-week exercise*", "joined the rally", "took part in the summit"."""
    v, kids = _verb_of(r, q), children(r)
    if v is None or q.span.start > v[0]:  # the figure is the verb's subject
        return False
    objs = [k for k in kids.get(v[0], []) if k[3] == "dobj"]
    objs += [g for k in kids.get(v[0], []) if k[3] == "prep" for g in kids.get(k[0], []) if g[3] == "pobj"]
    return any(o[2] == "NOUN" and o[1] in GATHERING_NOUNS for o in objs)


def _other_heads(a: str | None, b: str | None) -> bool:
    """Two measures by their head nouns ("base rate" / "dollar trading"), not by their modifiers
    ("benchmark interest rate" / "Monetary Policy Rate" may be one rate)."""
    if not (a and b):
        return False
    ha, hb = a.split()[-1].lower(), b.split()[-1].lower()
    if lexicon.available() and (lexicon.is_party_noun(ha) or lexicon.is_party_noun(hb)):
        return False  # "the company has offered 4 percent": who offers, not what is measured
    return ha != hb and lexicon.related(ha, "n", hb, "n") != "synonym"


def _agents(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> tuple:
    """(claim's verb, evidence's verb, their subjects) of two figures."""
    va, vb = _verb_of(cr, c), _verb_of(er, e)
    return va, vb, (agent(cr, va[0]) if va else None), (agent(er, vb[0]) if vb else None)


def _other_payers(cr: Reading, c: Quantity, er: Reading, e: Quantity, found: tuple | None = None) -> bool:
    """The two sums' verbs have two subjects, the claim's not named in the evidence."""
    _va, _vb, xa, xb = found or _agents(cr, c, er, e)
    if xa is None or xb is None or xa[1] == xb[1] or xa[2] == "PRON" or xb[2] == "PRON":
        return False
    # Parties, not things that bring money in ("The increase would bring in ..." / "higher ...
    # charges would raise ...").
    if not all(x[2] == "PROPN" or (lexicon.available() and lexicon.is_party_noun(x[1])) for x in (xa, xb)):
        return False
    if lexicon.related(xa[1], "n", xb[1], "n"):
        return False
    return xa[1] not in {t[1] for t in er.tree} or xb[1] not in {t[1] for t in cr.tree}


def _two_deeds(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """Two parties doing two unrelated things to a count: "Guyana has agreed to sell 12 million
    forest carbon credits" / "Verdant Registry on Wednesday issued 14.2 million ... credits to
    Guyana" (a sale is not an issuance); one deal told from both ends ("buy" / "deliver") is one."""
    found = _agents(cr, c, er, e)
    va, vb, xa, xb = found
    if va is None or vb is None or va[1] == vb[1] or {va[1], vb[1]} & lexicon.LIGHT_VERBS or not lexicon.available():
        return False
    if _same_verb(va, vb) or lexicon.related(va[1], "v", vb[1], "v") or vb[1] in lexicon.CONVERSE.get(va[1], ()) \
            or lexicon.curated(va[1], vb[1]):
        return False
    # Two named parties ("Guyana" / "Verdant Registry"), not a body's organs ("the board ... has
    # approved the return of 38 Paracas textiles" is the museum's own decision).
    return xa is not None and xb is not None and xa[2] == xb[2] == "PROPN" and _other_payers(cr, c, er, e, found)


# Verbs of a force kept somewhere: "About 35,000 US troops are *stationed* in Germany".
STANDING_VERBS = frozenset("station base garrison keep have own operate employ".split())


def _standing(r: Reading, q: Quantity) -> bool:
    v = _verb_of(r, q)
    return v is not None and v[1] in STANDING_VERBS


def _sent(r: Reading, q: Quantity) -> bool:
    """A count sent, or the senders of one: "will send about 2,500 troops", "Seven European
    countries are planning to send ..."."""
    if held_or_moved(r, q) == "moved":
        return True
    v = _verb_of(r, q)
    return v is not None and any(t[4] == v[0] and t[3] == "xcomp" and t[1] in TRANSACT_VERBS for t in r.tree)


def _figure_codes(r: Reading, q: Quantity) -> frozenset[str]:
    """The country codes of the places a figure is "in" (:func:`veracity.verify.counted.figure_places`)."""
    return frozenset(c for p in figure_places(r, q) for c in p.codes)


_PERCENT_OF_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|"
                                r"over\s+|under\s+|up\s+to\s+|just\s+)?$")
_PERCENT_OF_AFTER = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([a-z]+)")
# Words before "of 34 percent" that say how high, not what: "a record low of 34 percent".
HOW_HIGH = frozenset("record low high level total peak average rate figure increase rise fall drop cut reduction "
                     "growth decline".split())


# Wholes that say how a level is measured, not of what: "at 31 percent of capacity".
WHOLE_WORDS = frozenset("capacity total maximum normal".split())


def percent_of(r: Reading, q: Quantity) -> str | None:
    """What a percentage measures: the level it is of ("turnout fell to ... 34 percent"), the
    measure it is given for ("a dumping margin of 11.2 percent"), or what it is a share of ("22
    percent of the vote", "roughly 70 percent of them")."""
    if (q.unit or "").lower() not in PERCENT:
        return None
    if (lv := level_of(r, q)) is not None:
        return lv.split()[-1]
    m = _PERCENT_OF_BEFORE.search(r.text[max(0, q.span.start - 40):q.span.start].lower())
    if m and m.group(1) not in HOW_HIGH:
        return m.group(1)
    if m:  # "turnout fell to a record low of 34 percent": its verb's subject
        v = _verb_of(r, q)
        subj = next((t for t in r.tree if v is not None and t[4] == v[0] and t[3] in ("nsubj", "nsubjpass") and t[2] == "NOUN"), None)
        return subj[1] if subj is not None and subj[1] not in GENERIC_LEVELS else None
    m = _PERCENT_OF_AFTER.match(r.text[q.span.end:].lower())
    if m and m.group(1) not in WHOLE_WORDS:
        return m.group(1)
    # "raise its poultry self-sufficiency to 80 percent": the object a level is set for
    if re.search(r"\bto\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$", r.text[max(0, q.span.start - 20):q.span.start]):
        v = _verb_of(r, q)
        obj = next((t for t in r.tree if v is not None and t[4] == v[0] and t[3] == "dobj" and t[2] == "NOUN"), None)
        return obj[1] if obj is not None and obj[1] not in GENERIC_LEVELS else None
    return None


def _country_at(r: Reading, t: tuple) -> bool:
    return any(p.kind == "country" and p.span.start <= t[0] < p.span.end for p in r.places)


# Common nouns for a business: a state body ("the agency", "the ministry") may act for its
# country, a company does not.
COMPANY_NOUNS = frozenset("company firm corporation miner producer operator group business conglomerate carrier airline "
                          "manufacturer maker exporter importer".split())


# ... nor does one of its sites: "Mozambique has roughly 2,900 megawatts of installed
# generating capacity" / "the gas plant ... would have an installed capacity of 250 megawatts".
SITE_NOUNS = frozenset("plant factory mine dam refinery station field terminal port project smelter mill".split())


def _org_noun(t: tuple) -> bool:
    return t[2] == "NOUN" and t[1] in COMPANY_NOUNS | SITE_NOUNS


_OF_OWN = re.compile(r"^\S+(?:\s+\S+)?\s+of\s+(?:its|their|his|her|our)\s", re.IGNORECASE)


def _of_own(r: Reading, q: Quantity) -> bool:
    """A figure picked from a party's own whole: "six of its fighters"."""
    return bool(_OF_OWN.match(r.text[q.span.start:q.span.end + 30]))


# A figure of one part of a company: "Sales in the flat steel division fell 11 percent to 1.7
# billion euros" is no figure of "its sales fell 11 percent to 2.9 billion euros".
_OF_PART = re.compile(r"\b(?:in|at|of|from)\s+(?:the|its)\s+(?:[\w-]+\s+){0,3}(?:division|subsidiary|segment)\b", re.IGNORECASE)


def different_quantities(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> str | None:
    """Why two figures of the same counted noun are two quantities, or None."""
    if demanded(cr, c) != demanded(er, e):
        return "a demand vs a decision"
    ha, hb = held_or_moved(cr, c), held_or_moved(er, e)
    if ha and hb and ha != hb and "held" in (ha, hb):  # a count cut and a count affected may be one event's
        return "a standing size vs a transaction" if "moved" in (ha, hb) else "a standing size vs a count an event befell"
    if part_of(cr, c) != part_of(er, e):
        (pr, part), (wr, whole) = ((cr, c), (er, e)) if part_of(cr, c) else ((er, e), (cr, c))
        if part.value <= (whole.value_max or whole.value) and counts_the_group(pr, part, wr, whole):
            return "a part vs a whole"
    if withdrawn_figure(cr, c) != withdrawn_figure(er, e):
        return "a withdrawn release's figure vs another"
    if bool(_OF_PART.search(cr.text)) != bool(_OF_PART.search(er.text)):  # "Sales in the flat steel division fell ..."
        return "a division's figure vs the whole company's"
    if corrected_against_first(cr, c, er, e):
        return "a corrected release's figure vs the first"
    if of_total(cr, c) != of_total(er, e):
        part, whole = (c, e) if of_total(cr, c) else (e, c)
        if part.value < (whole.value_max or whole.value):
            return "a part vs the total"
    if whole_of_part(cr, c) != whole_of_part(er, e) or rest_of(cr, c) != rest_of(er, e):
        return "a whole vs a part of it"
    # "only six of its fighters were in flying condition" / "operates about 20 fighters"; not one
    # event's count ("22 of its sailings would be cancelled" / "about 60 sailings cancelled").
    if _of_own(cr, c) != _of_own(er, e) and not _same_verb(_verb_of(cr, c), _verb_of(er, e)):
        part, whole = (c, e) if _of_own(cr, c) else (e, c)
        if part.value <= (whole.value_max or whole.value):
            return "a part vs a whole"
    ma, mb = move(cr, c), move(er, e)
    if ma and mb and "share" not in (ma, mb) and _other_periods(cr, er):
        return "changes over two periods"
    if _since(cr, c) != _since(er, e) and all(m or change_or_level(r, q) == "change" for m, r, q in ((ma, cr, c), (mb, er, e))):
        return "changes over two periods"
    if _averaged(cr, c) != _averaged(er, e):
        return "an average vs one value"
    # ... nor one sent on a mission ("About 20,000 troops from 14 countries ... took part in the
    # Cold Response exercise" / "planning to send about 2,500 air-defence troops").
    if (_gathered(cr, c) and (_standing(er, e) or _sent(er, e))) or (_gathered(er, e) and (_standing(cr, c) or _sent(cr, c))):
        return "a gathering's count vs a standing or sent one"
    if ma and mb and ma != mb and ("share" in (ma, mb) or not _same_mover(mover(cr, c), mover(er, e))):
        return f"a {ma} vs a {mb}"
    if ma and mb and ma == mb != "share" and _other_movers(mover(cr, c), mover(er, e)):
        return "changes of two things"
    # "builds about 250 buses a year" / "authorises the purchase of 36 battery-electric buses"
    if "moved" in (ha, hb) and _per_time(cr, c) != _per_time(er, e):
        return "a rate vs one transaction"
    if separate(cr, c) or separate(er, e):
        return "a separate thing's figure"
    if of_existing(cr, c.span.start) != of_existing(er, e.span.start):  # "Its current satellite serves nine ... countries"
        return "an existing thing's figure vs another's"
    pa, pb = percent_of(cr, c), percent_of(er, e)
    if pa and pb and _unrelated({pa}, {pb}):
        return f"percentages of two things ({pa} vs {pb})"
    if _other_kinds(cr, c, er, e):
        return "figures of two kinds of goods"
    if grown_and_shipped(cr, c, er, e):
        return "a crop or output vs what is shipped"
    if two_measures(cr, c, er, e):
        return "two measures of one thing (gross, net, usable ...)"
    if one_country_kind(cr, c, er, e):
        return "one country's things vs all of them"
    if two_compound_kinds(cr, c, er, e) or two_tranches(cr, c, er, e) or one_group(cr, c, er, e):
        return "figures of two kinds, groups or tranches"
    # "will cut operating grants ... by 4 percent" / "cap tuition increases ... at 3 per cent"
    wa, wb = percent_moved(cr, c), percent_moved(er, e)
    if _unrelated(wa, wb):
        return f"percentages of two things ({'/'.join(sorted(wa))} vs {'/'.join(sorted(wb))})"
    pa, pb = _subject_places(cr, c), _subject_places(er, e)
    if pa and pb and not pa & pb:
        return "figures of two places"
    # "About 35,000 US troops are stationed in Germany" / "its roughly 80,000 troops in Europe"
    ca, cb = _figure_codes(cr, c), _figure_codes(er, e)
    if ca and cb and ca != cb and (ca < cb or cb < ca):
        return "a place's figure vs the figure of a region holding it"
    ua, ub = unit_of(cr, c), unit_of(er, e)
    if ua and ub and ua != ub:
        return f"a {ua}'s strength vs a {ub}'s"
    if part_owned(cr, c) != part_owned(er, e):
        return "a part's figure vs the whole's"
    if held_by_other(cr, c, er, e):
        return "a figure describing one party vs another's"
    if difference(cr, c) != difference(er, e):
        return "a difference vs an amount"
    if running_total(cr, c) != running_total(er, e):
        return "a running total vs one event's figure"
    da, db = described(cr, c), described(er, e)
    if da and db and da != db and lexicon.related(da, "n", db, "n") is None:
        return f"a {da} vs a {db}"
    # Two parties doing a thing to a count ("the region would also hire 300 anaesthetists" / "the
    # clinics would staff the sessions with ... about 90 anaesthetists"); not a level or a change
    # of something ("the jobless rate stood at 7.5 percent" / "unemployment stood at 8.1 percent").
    va, vb = _verb_of(cr, c), _verb_of(er, e)
    if {(c.unit or "").lower(), (e.unit or "").lower()} <= PERCENT and va is not None and vb is not None \
            and two_holders(cr, va, agent(cr, va[0]), er, vb, agent(er, vb[0])):
        return "two holders' stakes"
    if va is not None and vb is not None and not ({(c.unit or "").lower(), (e.unit or "").lower()} & PERCENT) \
            and not ({va[1], vb[1]} & lexicon.LIGHT_VERBS) and (who := other_agent_nouns(cr, va, er, vb, (c.span, e.span))):
        return f"two parties' figures ({who})"
    if _other_months(cr, er) or part_and_whole_year(cr, er):
        return "values at two dates"
    # "Tanga handled about 85,000 containers last year, a fraction of the volume at Dar es Salaam"
    # / "Dar es Salaam port handled a record 1.2 million containers last year".
    # The same verb done by two named subjects, the claim's never named on the other side
    # ("Australia will donate three ... patrol boats" / "The Vanuatu Police Maritime Wing will
    # receive two ... from Australia" is one transfer, told from both ends).
    va, vb = _verb_of(cr, c), _verb_of(er, e)
    if va is not None and vb is not None and va[1] == vb[1]:
        xa, xb = agent(cr, va[0]), agent(er, vb[0])
        wa = party_words(cr, xa) if xa is not None else set()
        wb = party_words(er, xb) if xb is not None else set()
        if wa and wb and not wa & wb and not wa & {w.lower().strip(".,") for w in er.text.split()}:
            return f"figures of two subjects ({', '.join(sorted(wa))} vs {', '.join(sorted(wb))})"
        # "The company produced about 96,000 tonnes of copper" / "Zambia produced about 820,000
        # tonnes of copper": a company is not its country.
        if xa is not None and xb is not None and ((_country_at(cr, xa) and _org_noun(xb)) or (_country_at(er, xb) and _org_noun(xa))):
            return "figures of two subjects (an organisation vs a country)"
    # "capacity to about 1.1 million containers a year" / "handled about 85,000 containers last year"
    if not (is_money(c) or is_money(e)) and ((_per_time(cr, c) and _period_total(er, e)) or (_per_time(er, e) and _period_total(cr, c))):
        return "a rate vs one period's total"
    if position(cr, c) != position(er, e):
        return "a distance from a place vs a length"
    if threshold(cr, c) != threshold(er, e):
        return "a threshold vs the value measured against it"
    la, lb = level_of(cr, c), level_of(er, e)
    if _other_movers(la, lb):
        return "levels of two things"
    # "raised its base rate ... to 17.75 percent" / "Dollar trading ... rose 14 percent"
    if (la and mb and _other_heads(la, mover(er, e))) or (lb and ma and _other_heads(lb, mover(cr, c))):
        return "a level of one thing vs a change of another"
    ka, kb = change_or_level(cr, c), change_or_level(er, e)
    if ka and kb and ka != kb:
        return f"a {ka} vs a {kb}"
    if not (is_money(c) or is_money(e)) and added(cr, c) != added(er, e):  # "an extra 4 million pounds" is still revenue
        return "an increment vs a total"
    if _lost_by(cr, c) != _lost_by(er, e):
        return "a loss to a party vs another sum"
    if not (is_money(c) or is_money(e)) and c.unit and (c.unit or "").lower() not in PERCENT and _two_deeds(cr, c, er, e):
        return "two parties' deeds"
    if is_money(c) and is_money(e):
        if _other_goods(cr, c, er, e):  # "The prices of octane and petrol rose ... to 131 taka" / "Diesel now costs 118 taka"
            return "prices of two things"
        fa, fb = flow(cr, c), flow(er, e)
        if fa and fb and fa != fb:
            return "money received vs money paid"
        pa, pb = purpose(cr, c), purpose(er, e)
        if pa and pb and pa != pb and not lexicon.related(pa, "n", pb, "n"):
            return f"a sum in {pa} vs a sum in {pb}"
        ka, kb = kind_of_sum(cr, c), kind_of_sum(er, e)
        if ka and kb and (ka[0] in SUM_KINDS or kb[0] in SUM_KINDS) and not _same_kind(ka, kb):
            return f"a sum {ka[1]} {ka[0]} vs a sum {kb[1]} {kb[0]}"
        if ka and kb and ka[1] == kb[1] == "of" and ka[0] == kb[0] and _in_series(cr, c) != _in_series(er, e):
            return f"two of a series of {ka[0]}s"
        # "after customers withdrew about 9 billion dinars" / "Serbia will put 18 billion dinars
        # into ... Dunavska Banka": two payments by two parties.
        if ka and kb and not _same_kind(ka, kb) and _other_payers(cr, c, er, e):
            return f"a sum {ka[1]} {ka[0]} vs a sum {kb[1]} {kb[0]}, by two parties"
    return None
