"""Figures: the same counted thing given two values (a contradiction), or the same value (an
agreement), read from the quantities of both sides (:mod:`veracity.verify.reading`).

Used by the number check (:mod:`veracity.verify.contradiction`) and the support rules
(:mod:`veracity.verify.judge`, :mod:`veracity.verify.agreement`).
"""

from __future__ import annotations

import re

from ..claims.quantities import SCALES, WORD_VALUES
from ..records import Check, Quantity, Span
from .checks import _STOP as _STOPWORDS
from .counted import RATE, _per_time
from .measured import different_quantities, separate
from .periods import extensions
from .reading import Reading, read

# Reading of qualifiers as ranges around the stated value v. "over 10,000" in news copy means
# 10,000 to about 15,000: a report of 30,000 is another figure, not a consistent one.
# "about 470 zloty" against "512 zloty" (9% apart) is another figure; "about 10,000" against
# "9,800" is the same one rounded.
OVER_STRETCH = 1.5
# ... but a figure that *agrees* with "over X" is X to a fifth more: "more than 1.2 billion rand"
# is not given by a report of "1.6 billion rand", though it does not conflict with it either.
OVER_AGREES = 1.2
ABOUT_TOLERANCE = 0.05
# ... for a round figure ("about 10,000", "about 1.8 million": two significant digits or fewer).
# A figure given to three or more digits ("about 248 dollars a ton") is rounded at its last
# digit, so "about" stretches it less: 248 against 262 (5.6% apart) is another price.
ABOUT_PRECISE_TOLERANCE = 0.02
EXACT_TOLERANCE = 0.005  # (0.01 until session 15: "27.5%" and "28 per cent" overlapped at 27.7-27.8)
# Two reports of one figure rarely differ by more than this factor (the suites' conflicts: 2x to
# 13x: "about 120,000 bottles" / "about 9,000"). Further apart they count different things:
# "serves about 51,000 students" / "class sizes from 20 to 22 students" (a total and a figure
# per class), which the per-item rule cannot see when nothing says "per".
MAX_CONFLICT_RATIO = 20.0
# A figure written in digits or in words ("six children", "half a million doses", "a dozen"):
# the cheap test before a parse that reads the figures.
FIGURE = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                    r"thousand|million|billion|trillion|dozen|dozens|half)\b", re.IGNORECASE)


_NEXT_WORD = re.compile(r"\s*([A-Za-z][A-Za-z-]+)")
# A group noun whose size a figure after "of" gives: "a crew of more than 310", "a staff of 40".
_GROUP_OF = re.compile(r"\b(crew|staff|workforce)\s+of\s+$", re.IGNORECASE)


def _head(q: Quantity, text: str = "", tree: tuple = (), measure: bool = False) -> str:
    """The counted noun: the unit's last word, or (when the extractor found no unit) the noun
    the figure counts in the parse ("three Guardian-class patrol *boats*", "two new ... *boats*"),
    or the word right after the figure ("about 470 zloty"); ``measure``: a figure describing a
    noun by its unit ("a 12 million *dirham* penalty"), when agreement is sought: as a
    conflict, "a 420 million ringgit expansion" is no figure of "50 million ringgit in aid"."""
    if q.span.text.lower().endswith(BARRELS_A_DAY):  # "175,000-185,000 b/d": the unit the parse split
        return "barrel"
    words = (q.unit or "").lower().split()
    u = words[-1] if words else ""
    if measure and text and (m := _attributive_measure(q, text)):
        u = m
    if len(words) > 1 and words[0] in AREA_WORDS:  # "380 square kilometres" is an area, "380 kilometres" a distance
        u = f"{AREA_WORDS[words[0]]} {u}"
    if not u and tree:
        inside = {t[0] for t in tree if q.span.start <= t[0] < q.span.end}
        by_start = {t[0]: t for t in tree}
        for t in tree:
            if t[0] in inside and t[3] in ("nummod", "npadvmod") and t[4] not in inside:
                h = by_start.get(t[4])
                # "About 140,000 farmed Atlantic salmon": the parse hangs the figure on the
                # participle before the noun it counts.
                if h is not None and h[3] == "amod" and h[2] in ("VERB", "ADJ"):
                    h = by_start.get(h[4])
                # A number after its noun is a label, not a count ("level 4", "line 3").
                if h is not None and h[2] in ("NOUN", "PROPN") and h[0] > t[0] and (t[3] == "nummod" or h[3] != "ROOT"):
                    u = h[1].lower()
                break
    if not u and tree:
        u = _changed_subject(q, tree) or _compared_with(q, text, tree)
    if not u and text and (m := _GROUP_OF.search(text, max(0, q.span.start - 30), q.span.start)):
        u = m.group(1).lower()  # "with a crew of more than 310": the crew is counted
    if not u and text:
        m = _NEXT_WORD.match(text, q.span.end)
        u = m.group(1).lower() if m and m.group(1).lower() not in _STOPWORDS else ""
    u = u[:-1] if u.endswith("s") and len(u) > 3 else u
    if text and u in COUNTED_DEAD and (_DIED_AFTER.match(text, q.span.end) or _KILLED_BEFORE.search(text[max(0, q.span.start - 30):q.span.start])):
        return "death"  # "143 people have died" / "143 deaths" / "claimed 143 lives"
    return COUNTED_AS.get(u, u)


# Verbs whose subject a figure after "to" or "from" (or as their object) counts: "Attacks on
# ships ... rose to 31 last year from 22", "Arrivals reached 1.2 million".
CHANGE_VERBS = frozenset("rise fall climb drop increase decrease grow jump surge slip sink decline edge soar plunge "
                         "reach total hit".split())


def _changed_subject(q: Quantity, tree: tuple) -> str:
    """The noun a change verb's subject names, when the figure is where the change went or came
    from ("Attacks ... rose *to 31* ... *from 22*"); "" otherwise."""
    by_start = {t[0]: t for t in tree}
    t = next((t for t in tree if q.span.start <= t[0] < q.span.end and t[3] in ("pobj", "dobj")), None)
    if t is None:
        return ""
    verb = by_start.get(t[4])
    if verb is not None and t[3] == "pobj" and verb[1] in ("to", "from"):
        verb = by_start.get(verb[4])
    elif t[3] == "pobj":
        return ""
    if verb is None or verb[2] != "VERB" or verb[1] not in CHANGE_VERBS:
        return ""
    subj = next((x for x in tree if x[4] == verb[0] and x[3] in ("nsubj", "nsubjpass") and x[2] == "NOUN"), None)
    return subj[1].lower() if subj is not None else ""


_UP_FROM = re.compile(r"\b(?:(?:up|down|rising|falling|compared)\s+(?:from|with|to)|against|versus|vs\.?)\s+(?:about\s+|some\s+|around\s+)?$",
                      re.IGNORECASE)


def _compared_with(q: Quantity, text: str, tree: tuple) -> str:
    """A figure a change starts from counts what the figure before it counts: "recorded 31
    attacks ..., up from *22* the year before"."""
    if not text or not _UP_FROM.search(text, max(0, q.span.start - 25), q.span.start):
        return ""
    by_start = {t[0]: t for t in tree}
    prev = [t for t in tree if t[0] < q.span.start and t[3] == "nummod"]
    h = by_start.get(prev[-1][4]) if prev else None
    return h[1].lower() if h is not None and h[2] == "NOUN" else ""


def _number_word(w: str) -> bool:
    """A word of a written number ("twelve", "twenty-five", "million"), as the figure reader knows them."""
    return w in WORD_VALUES or w in SCALES or w in ("a", "an", "and", "mln") or all(p in WORD_VALUES for p in w.split("-"))


def _attributive_measure(q: Quantity, text: str) -> str:
    """The measure of a figure that describes a noun: "a 12 million *dirham* penalty" measures
    dirhams, as "12 million dirhams" does (not penalties)."""
    if not re.search(r"\b(?:a|an)\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", text[max(0, q.span.start - 12):q.span.start], re.IGNORECASE):
        return ""
    rest = [w for w in q.span.text.lower().split() if not any(ch.isdigit() for ch in w) and not _number_word(w)]
    # (a percentage is counted by what it is of, not as "percent")
    # (nor a group word: "a trio of Guardian-class patrol boats" counts boats)
    return rest[0] if len(rest) >= 2 and rest[0].isalpha() and rest[0] not in ("percent", "per", "%") and "of" not in rest else ""


AREA_WORDS = {"square": "square", "sq": "square", "cubic": "cubic"}

# The oil trade's abbreviations of "barrels per day".
BARRELS_A_DAY = ("b/d", "bpd", "bbl/d", "barrels/day")


# A death toll is counted in people, workers, deaths or lives: "At least 143 people have died of
# heatstroke" / "143 deaths ... confirmed as caused by heatstroke" / "Sunstroke has claimed 143
# lives"; "killed 11 workers" / "eleven employees died". Only when the sentence says they died.
COUNTED_DEAD = frozenset("people person worker employee staff resident civilian child adult patient passenger "
                         "miner soldier troop skier climber tourist victim".split())
_DIED_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:(?:have|has|had|were|was)\s+)?(?:been\s+)?(?:died|killed|dead|perished)\b",
                         re.IGNORECASE)
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|kills|kill|claimed|claiming|claims)\s+(?:at least\s+|about\s+|some\s+|more than\s+|nearly\s+)?$",
                            re.IGNORECASE)


# Counted nouns news copy uses for one another ("about 900 troops" / "roughly 900 soldiers" /
# "around 900 personnel"; "450 jobs" / "some 450 positions"): one head for figures. WordNet's
# first senses do not link them.
COUNTED_AS = {**{w: "troop" for w in ("soldier", "personnel", "servicemen", "servicemember", "peacekeeper")},
              **{w: "job" for w in ("position", "post", "role")},
              **{w: "worker" for w in ("employee", "staff", "staffer")},
              **{w: "people" for w in ("person", "resident", "inhabitant")},
              **{w: "death" for w in ("live", "life", "fatality", "fatalitie")},
              **{w: "sailor" for w in ("crew", "seaman", "seamen", "crewmember")},
              "monitor": "observer",  # "about 400 observers" / "around 400 civilian monitors"
              "home": "household",  # "enough for 18,000 households" / "roughly 18,000 homes"
              "tonne": "ton", "t": "ton"}  # "7.5 million tonnes" / "7.5 million metric tons"


def _range(q: Quantity, stretch: float = OVER_STRETCH) -> tuple[float, float]:
    v = q.value
    if q.value_max is not None:
        return (min(v, q.value_max), max(v, q.value_max))
    if q.qualifier in (">", ">="):
        return (v, v * stretch)
    if q.qualifier in ("<", "<="):
        # ... and a figure that agrees with "up to X" is X to a fifth less ("up to 95,000 litres"
        # does not give "about 40,000 litres"), read when the stretch is the agreeing one.
        return (v / stretch if stretch <= OVER_AGREES else 0.0, v)
    if q.qualifier == "~":
        tol = ABOUT_TOLERANCE if _significant_digits(v) <= 2 else ABOUT_PRECISE_TOLERANCE
        return (v * (1 - tol), v * (1 + tol))
    return (v * (1 - EXACT_TOLERANCE), v * (1 + EXACT_TOLERANCE))


def _agree(c: Quantity, ctext: str, e: Quantity, etext: str, stretch: float = OVER_STRETCH) -> bool:
    """Two figures that can be one: overlapping ranges (not two different ceilings), or one the
    other rounded."""
    return (_overlap(*_ranges(c, ctext, e, etext, stretch)) and not _bounds_apart(c, e)) or rounds_to(c, e)


def _bounds_apart(a: Quantity, b: Quantity) -> bool:
    """Two ceilings of one thing that differ ("households using up to 200 units" / "only households
    using up to 100 units"): each range holds the other's lower part, but a ceiling is its value."""
    if a.qualifier not in ("<", "<=") or b.qualifier not in ("<", "<=") or min(a.value, b.value) <= 0:
        return False
    return max(a.value, b.value) / min(a.value, b.value) > 1 + ABOUT_TOLERANCE


def _significant_digits(v: float) -> int:
    """248 -> 3, 10,000 -> 1, 1.8 million -> 2, 0.25 -> 2."""
    return len(f"{abs(v):.6f}".rstrip("0").rstrip(".").replace(".", "").strip("0"))


_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounds_to(a: Quantity, b: Quantity) -> bool:
    """One figure is the other rounded: "6%" / "6.1%", "248" / "248.40" (written with fewer
    decimals, and the more precise one rounds to it without a tie: "28 per cent" is not "27.5%")."""
    ma, mb = _DIGITS.search(a.span.text), _DIGITS.search(b.span.text)
    if not ma or not mb or a.value_max is not None or b.value_max is not None:
        return False
    da, db = len(ma.group(1) or ""), len(mb.group(1) or "")
    if da == db:
        return False
    (fine, mf, df), (coarse, mc, dc) = sorted([(a, ma, da), (b, mb, db)], key=lambda t: -t[2])
    x, y = float(mf.group().replace(",", "")), float(mc.group().replace(",", ""))
    if not x or not y or abs(fine.value / x - coarse.value / y) > 1e-9 * max(1.0, coarse.value / y):
        return False  # another scale word ("1.8 million" / "2 billion")
    shifted = x * 10 ** dc
    return abs(shifted - int(shifted) - 0.5) > 1e-9 and round(shifted) == round(y * 10 ** dc)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _comparable(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Within MAX_CONFLICT_RATIO of each other (see there): the same kind of figure."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return lo <= hi or (hi > 0 and lo / hi <= MAX_CONFLICT_RATIO)


# A part of a whole the other side counts: "seven of the nine primary schools earmarked for
# closure" is no other count of "nine rural primary schools".
# ("22 of its sailings" is a count of its own: no whole figure follows "of").
_PARTITIVE = re.compile(r"^\S+(?:\s+\S+)?\s+of\s+(?:the|its|their|these|those)\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|"
                        r"ten|eleven|twelve|dozen|hundred|thousand)\b)", re.IGNORECASE)
# A figure given only to be corrected: "about 800 additional nurses ..., not 2,000".
_CORRECTED = re.compile(r"\b(?:not|than|instead of|rather than|of)\s*$", re.IGNORECASE)
_CORRECTED_ONLY = re.compile(r"\b(?:not|than|instead of|rather than)\s*$", re.IGNORECASE)
# ... or named as what is corrected ("correcting a figure of more than 14 million tonnes").
_CORRECTING = re.compile(r"\b(?:correct\w*|revis\w*|inaccurate|wrong|mistaken\w*|erroneous\w*|denie\w*|deny\w*)\b[^.;]*$",
                         re.IGNORECASE)
# Words before a figure that make it a share of a larger whole ("the largest contingent, about 400
# soldiers", "a joint contribution of around 900 personnel to EUFOR Althea"): compared only with
# other shares, never with a total ("The EU force ... has about 1,100 soldiers").
_SHARE = re.compile(r"\b(?:contribution|contributions|contingent|contingents|share|portion|"
                    r"reinforcements?)\b[^.;]{0,40}$", re.IGNORECASE)


# ... and words after it that send it to reinforce a whole the other side counts ("deploy roughly
# 900 soldiers ... to bolster the EU's EUFOR Althea mission" is not the strength of "The EU force,
# known as EUFOR Althea, has about 1,100 soldiers"): the reinforced thing is named on the other side.
_TO_REINFORCE = re.compile(r"^[^.;]{0,80}?\bto (?:bolster|reinforce|strengthen|boost|augment|supplement|join)\b([^.;,]{0,60})",
                           re.IGNORECASE)
_NAME_WORD = re.compile(r"\b[A-Z][\w-]{2,}")


def _share(text: str, q: Quantity, other: str) -> bool:
    if _SHARE.search(text[max(0, q.span.start - 45):q.span.start]):
        return True
    m = _TO_REINFORCE.search(text[q.span.end:])
    return bool(m) and any(re.search(rf"\b{re.escape(w)}\b", other) for w in _NAME_WORD.findall(m.group(1)) if w != "The")


_WHERE_PREPS = frozenset("in at on inside aboard within".split())


def _present(r: Reading, q: Quantity) -> bool:
    """The figure counts who or what was somewhere ("About 180 workers were in the building"),
    the subject of "be" with a place: a head count, never the count of an event ("killed 11
    workers"). Only head counts are compared with head counts."""
    toks = [t for t in r.tree if q.span.start <= t[0] < q.span.end and t[2] in ("NOUN", "PROPN", "NUM")]
    if not toks:
        return False
    head = toks[-1]
    by_start = {t[0]: t for t in r.tree}
    verb = by_start.get(head[4])
    if verb is None or head[3] not in ("nsubj", "nsubjpass") or verb[1] != "be":
        return False
    return any(t[4] == verb[0] and t[3] == "prep" and t[1] in _WHERE_PREPS for t in r.tree)


def _compatible_time(a: str, b: str) -> bool:
    """Two figures can disagree only about the same moment: one done and one planned ("has
    already shut 25 branches" vs "40 branches would shut") are two different figures."""
    return "unknown" in (a, b) or a == b


# "470 zloty per megawatt-hour", "up to 2,000 euros each": an amount for each item, not a total.
# The unit word may come between ("zloty per ..."); "a year" is a time rate, which news copy
# drops freely ("4 million pounds a year" / "4 million pounds"), so it is not an item.
_PER_ITEM = re.compile(r"\s*(?:([A-Za-z][\w-]*)\s+)?(?:(?:per|a|an)\s+([A-Za-z][\w-]*)|(each|apiece))\b", re.IGNORECASE)
# Prepositions the stop list lacks: "12 million euros towards a new library" is a total.
PREPOSITIONS = frozenset("towards toward across against among amongst via within without through behind beyond".split())
TIME_UNITS = frozenset("year month week day hour annum quarter decade season".split())


def per_item(q: Quantity, text: str) -> str | None:
    """The item a figure is an amount for ("megawatt-hour", "each"), None for a total."""
    m = _PER_ITEM.match(text, q.span.end)
    if not m or (m.group(1) and m.group(1).lower() in _STOPWORDS | PREPOSITIONS):  # "20 million pounds on a new ground"
        return None
    item = (m.group(2) or m.group(3)).lower()
    if item in TIME_UNITS or item.rstrip("s") in TIME_UNITS:
        return None
    return SAME_ITEM.get(item, item)


# Items written two ways: "248 dollars a ton" / "262 dollars per tonne".
SAME_ITEM = {"tonne": "ton", "tonnes": "ton", "tons": "ton", "metric": "ton"}


# A sum for a stretch of time: "about 7 billion yen a month" and "roughly 84 billion yen a year"
# are one figure. Compared per year when both sides give a rate in different units; one side
# alone giving "a year" is read as the same total (news copy drops it freely).
_RATE = RATE
PER_YEAR = {"year": 1, "annum": 1, "month": 12, "week": 52, "day": 365}


def _rate(q: Quantity, text: str) -> int | None:
    m = _RATE.match(text, q.span.end)
    return PER_YEAR[m.group(1).lower()] if m else None


def _ranges(c: Quantity, ctext: str, e: Quantity, etext: str,
            stretch: float = OVER_STRETCH) -> tuple[tuple[float, float], tuple[float, float]]:
    rc, re_ = _range(c, stretch), _range(e, stretch)
    fc, fe = _rate(c, ctext), _rate(e, etext)
    if fc and fe and fc != fe:
        rc, re_ = (rc[0] * fc, rc[1] * fc), (re_[0] * fe, re_[1] * fe)
    return rc, re_


# A count that owns something ("the three countries' defence ministers") names parties already
# counted; it is no figure a report gives.
_POSSESSOR = re.compile(r"(?:'s?|\u2019s?)\s")


# A lower bound nothing reached: "left no party with more than 27 percent" says every party had
# at most that, which no single party's lower figure contradicts.
_DENIED_BOUND = re.compile(r"\b(?:no|none of the|not one)\s+(?:[\w-]+\s+){0,3}?(?:with|above|over|of|had|won|got)\s+$", re.IGNORECASE)


def _possessor(text: str, q: Quantity) -> bool:
    return bool(_POSSESSOR.match(text, q.span.end))


_PREVIOUS = re.compile(r"(?:\b(?:up|down)\s+from|\b(?:rose|rising|risen|fell|falling|fallen|increased|decreased|raised|cut|reduced|"
                       r"lifted|lowered)\s+(?:[\w-]+\s+){0,4}?from"
                       # ... or the estimate a revision replaced: "revising up its July forecast of 11.5
                       # million tonnes", "correcting a figure of more than 14 million tonnes".
                       r"|\b(?:revis|correct|replac|overturn)\w*\s+(?:(?:up|upwards?|down|downwards?)\s+)?(?:its|their|the|an?|his|her)\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:forecasts?|estimates?|figures?|projections?|outlook|count|tally)\s+of)"
                       r"\s+(?:about\s+|around\s+|some\s+|roughly\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)


def _previous(text: str, q: Quantity) -> bool:
    """The figure is the value before a change: "up from 109 taka", "raised the rate from 2 percent",
    "revising up its July forecast of 11.5 million tonnes"."""
    return bool(_PREVIOUS.search(text, max(0, q.span.start - 60), q.span.start))


def _names_inside(q: Quantity) -> set[str]:
    """The names inside a figure's span, as _head spells a counted noun: capitalised words or
    model names ("two *F-16* Viper jets", "six *Rafale* jets"), not its number or scale."""
    words = [w.strip(",.") for w in q.span.text.split()]
    words = [w.lower() for w in words if w[:1].isupper() or (any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w))]
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


def _heads_meet(h: str, c: Quantity, eh: str, e: Quantity) -> bool:
    """Two figures count one thing: the same counted noun, or one side's noun names the other's
    ("four F-16s" / "two F-16 Viper jets"; "six Rafale jets" / "six Rafales")."""
    return h == eh or (bool(h) and bool(eh) and (h in _names_inside(e) or eh in _names_inside(c)))


def check_numbers(claim: Reading, evidence: Reading) -> list[Check]:
    """The same counted noun given ranges that do not overlap, at the same moment, both totals
    or both amounts for the same item ("3 billion zloty" on connections is not "470 zloty per
    megawatt-hour" for a bid)."""
    out = []
    heads = [_head(e, evidence.text, evidence.tree) for e in evidence.quantities]
    # The evidence's figures not given only to be corrected ("..., not 2,000").
    given = [e for e in evidence.quantities if not _CORRECTED.search(evidence.text[max(0, e.span.start - 20):e.span.start])]
    # ... and those it states at all, "of" a whole included ("300 officers ... as part of a regional
    # contingent of some 1,100 police" gives the claim's 1,100).
    stated = [e for e in evidence.quantities if not _CORRECTED_ONLY.search(evidence.text[max(0, e.span.start - 20):e.span.start])
              and not _CORRECTING.search(evidence.text, max(0, e.span.start - 50), e.span.start)]
    for c in claim.quantities:
        h = _head(c, claim.text, claim.tree)
        if not h or _possessor(claim.text, c) or _DENIED_BOUND.search(claim.text[max(0, c.span.start - 40):c.span.start]):
            continue
        oc = claim.times[claim.quantities.index(c)] if claim.times else "unknown"
        item = per_item(c, claim.text)
        same = [e for k, e in enumerate(evidence.quantities) if _heads_meet(h, c, heads[k], e)
                and not _PARTITIVE.match(e.span.text)
                and not _possessor(evidence.text, e)
                and _compatible_time(oc, evidence.times[k] if evidence.times else "unknown")
                and per_item(e, evidence.text) == item and _comparable(*_ranges(c, claim.text, e, evidence.text))
                and _present(claim, c) == _present(evidence, e) and _share(claim.text, c, evidence.text) == _share(evidence.text, e, claim.text)
                and different_quantities(claim, c, evidence, e) is None
                # ... the old value is compared with the old ("up from 109 taka" / "to 131 taka").
                and _previous(claim.text, c) == _previous(evidence.text, e)
                # ... nor one the claim gives too, for another of its things ("212 passengers, well
                # above its licensed capacity of 150" / "a certified capacity of one hundred and
                # fifty passengers").
                and not any(o is not c and o.value == e.value for o in claim.quantities)]
        # The evidence giving the claim's own figure too ("Apart from the two who died, four
        # skiers were fully buried") counts something else with the other one.
        # So does the claim's exact figure under another noun ("212 passengers" / "had 212 people aboard").
        if same and not any(_agree(c, claim.text, e, evidence.text) for e in same) \
                and not any(_overlap(_range(c), _range(e)) for e in given if not e.unit) \
                and not any(e.value == c.value and significant_digits(c.value) >= 2 for e in stated):
            out.append(Check("number", f"'{c.span.text}' vs '{', '.join(e.span.text for e in same)}' ({h}: ranges do not overlap)",
                             (c.span,), tuple(e.span for e in same)))
    return out or check_tallies(claim.text, evidence.text) or extensions(claim, evidence)


_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                      "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_N = r"(\d{1,3}|" + "|".join(_SMALL) + r")"
# A vote's tally: "voted 9 to 4 for the plan", "by 11 votes to 2", "by a vote of eleven to five",
# "a 9-4 vote". A score ("beat a Santa Fe side 3-1") is none: a vote word must be next to it.
_TALLY = re.compile(r"\b(?:vot\w*|ballot\w*)\s+(?:of\s+)?" + _N + r"\s*(?:-|\u2013|to)\s*" + _N + r"\b"
                    r"|\bby\s+" + _N + r"\s+votes?\s+to\s+" + _N + r"\b"
                    r"|\b" + _N + r"\s*(?:-|\u2013)\s*" + _N + r"\s+(?:vote|ballot)\b", re.IGNORECASE)


def _tallies(text: str) -> list[tuple[tuple[int, int], re.Match]]:
    out = []
    for m in _TALLY.finditer(text):
        a, b = [g for g in m.groups() if g is not None][:2]
        num = lambda w: int(w) if w.isdigit() else _SMALL[w.lower()]  # noqa: E731
        out.append(((num(a), num(b)), m))
    return out


def check_tallies(claim: str, evidence: str) -> list[Check]:
    """One vote with two tallies ("voted 9 to 4 for the plan" / "backed the closure ... by 11
    votes to 2"); the same tally in words or figures agrees ("by nine votes to four")."""
    ct, et = _tallies(claim), _tallies(evidence)
    if not ct or not et or any(a == b for a, _ in ct for b, _ in et):
        return []
    (a, m), (b, n) = ct[0], et[0]
    return [Check("number", f"'{m.group()}' vs '{n.group()}' (a vote's tally)", (Span.of(claim, m.start(), m.end()),),
                  (Span.of(evidence, n.start(), n.end()),))]


def significant_digits(value: float) -> int:
    """Digits that carry information: 3.4 -> 2, 620 million -> 2, 2,300 -> 2, 900 -> 1."""
    digits = f"{abs(value):.6g}".replace(".", "").lstrip("0").split("e")[0]
    return len(digits.rstrip("0")) or 1


_VAGUE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions|tens|several|few|couple|handful)\b", re.IGNORECASE)


def _same_counted(a: str, b: str) -> bool:
    """One counted thing under two nouns, for agreement only: the same noun, or WordNet's next
    word up or down from its first senses ("1,200 lorries" / "1,200 trucks", "vessels" /
    "ships"). A figure that agrees on a neighbouring noun is the same count told in other words;
    a conflict is never read across nouns this way."""
    if a == b:
        return True
    if not (a and b) or " " in a or " " in b:
        return False
    from .lexicon import available, known, related

    if not available():
        return False

    def noun(w: str) -> str:  # the counted noun's dictionary form ("lorrie" -> "lorry")
        forms = [w] + ([w[:-2] + "y"] if w.endswith("ie") else []) + ([w[:-1]] if w.endswith("e") else [])
        return next((f for f in forms if known(f, "n")), w)

    return related(noun(a), "n", noun(b), "n") in ("synonym", "broader", "narrower")


def agreeing_numbers(claim: str, evidence: str, claim_published: str | None = None,
                     evidence_published: str | None = None, min_digits: int = 0) -> tuple[str, ...]:
    """The claim's figures the evidence gives too: the same head noun, a compatible time and
    overlapping ranges ("More than 12,000 people have been evacuated" / "about 12,500 people
    had been evacuated"), each as "'claim words' ~ 'evidence words'". A figure is the most
    specific thing two independent reports can share; the judge takes it as support only with
    the topic shared and no check firing."""
    if not (FIGURE.search(claim) and FIGURE.search(evidence)):
        return ()
    cr, er = read(claim, claim_published), read(evidence, evidence_published)
    out = []
    heads = [_head(e, er.text, er.tree, measure=True) for e in er.quantities]
    for k, c in enumerate(cr.quantities):
        h = _head(c, cr.text, cr.tree, measure=True)
        # A vague figure ("dozens of soldiers", "several thousand people") agrees with too much to
        # confirm anything: "more than 50 soldiers" killed in Burkina Faso is no support.
        if not h or significant_digits(c.value) < min_digits or _VAGUE.search(c.span.text):
            continue
        oc = cr.times[k] if cr.times else "unknown"
        for j, e in enumerate(er.quantities):
            if separate(er, e):  # "take part in a separate exercise": another thing's figure
                continue
            if (_same_counted(heads[j], h) and _compatible_time(oc, er.times[j] if er.times else "unknown")
                    and _agree(c, cr.text, e, er.text, OVER_AGREES)):
                out.append(f"'{c.span.text}' ~ '{e.span.text}'")
                break
    return tuple(out)


# A sum spread over a span of time: "600 million euros over three years".
_OVER_SPAN = re.compile(r"\s+(?:over|across|spread\s+over)\s+(?:the\s+next\s+|the\s+coming\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                        r"several|a\s+few)\s+(?:years|months)\b", re.IGNORECASE)


def rate_and_total(claim: Reading, evidence: Reading) -> bool:
    """The same sum a year on one side and over several years on the other: "would cost about 600
    million euros a year" / "approved 600 million euros over three years" are two sums."""
    def kind(r: Reading, q) -> str | None:
        return "rate" if _per_time(r, q) else "span" if _OVER_SPAN.match(r.text, q.span.end) else None

    a = {kind(claim, c) for c in claim.quantities} - {None}
    b = {kind(evidence, e) for e in evidence.quantities} - {None}
    return a == {"rate"} and b == {"span"} or a == {"span"} and b == {"rate"}


def unconfirmed_figure(claim: Reading, evidence: Reading) -> str | None:
    """A claim figure whose counted thing the evidence gives only other figures of, none agreeing
    ("about 40,000 litres" / "up to 95,000 litres"): the evidence does not give the claim's figure,
    though the two need not conflict. Returns the claim figure's text."""
    heads = [_head(e, evidence.text, evidence.tree) for e in evidence.quantities]
    for c in claim.quantities:
        h = _head(c, claim.text, claim.tree)
        same = [e for k, e in enumerate(evidence.quantities) if h and heads[k] == h]
        if same and not any(_agree(c, claim.text, e, evidence.text, OVER_AGREES) for e in same):
            return c.span.text
    return None
