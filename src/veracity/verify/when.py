"""When: the dates a sentence gives its events, and the date check (:func:`check_dates`): the
same action dated differently on the two sides. Dates of saying, bounds ("after 30 June"),
comparisons ("down from ... in 2025") and dates in a clause describing a party ("Finland, which
joined NATO in April 2023, ...") are not the claim's event's date."""

from __future__ import annotations

import re

from ..records import Check, Span
from . import lexicon
from .counted import _subtree, move
from .gathering import gathered_at, other_attendees
from .periods import month_spans, until_years
from .parties import _key_words, acting_parties, children, phrasal
from .reading import Reading
from .where import _WN_POS, _describes, _same_verb, _verb_above


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)


def _explicit(d) -> bool:
    """A date whose year is written ("March 2024") or that is relative to its report
    ("yesterday"); not a bare "March 12", whose year is guessed from the publication date and
    comes out differently against different anchors."""
    return bool(_YEAR.search(d.span.text)) or (d.relative and not _MONTH.search(d.span.text))


# Verbs of saying: "reported on Tuesday", "told the Assembly on Wednesday" date the saying, not the event.
SAID_VERBS = frozenset("say tell report add state announce confirm write insist note explain warn claim quote cite".split())
_START_OF = re.compile(r"(?:the\s+(?:start|beginning)\s+of\s+)?", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:after|before|since\s+the\s+(?:start|beginning)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
# A figure's point of comparison ("down from 330,000 tonnes in 2025", "than in 2023"), not the event's date.
_COMPARED = re.compile(r"\b(?:(?:down|up|rising|falling|fell|rose|increase|decrease|drop|rise)\s+from|compared\s+(?:with|to)|"
                       r"than)\b(?:[^.;:]|\.(?=\d)){0,40}$", re.IGNORECASE)  # "down from 3.3 percent in April"


def _event_date(r: Reading, d) -> bool:
    """Not the date of an act of saying, nor a bound ("after 30 June 2027": from July)."""
    # (and where a count begins: "the third fatal crash ... since the start of 2024", the date's
    # own span starting at "the start of")
    if _BOUND.search(r.text[max(0, d.span.start - 30):d.span.start] + _START_OF.match(d.span.text).group()):
        return False
    if _COMPARED.search(r.text[max(0, d.span.start - 60):d.span.start]):
        return False
    t = _verb_above(r, d.span, ("VERB", "AUX"), 4)
    return t is None or t[1] not in SAID_VERBS

def _date_verb(r: Reading, d) -> tuple | None:
    return _verb_above(r, d.span, ("VERB", "AUX"), 4)


def _describing(r: Reading, d) -> bool:
    return _describes(r, _date_verb(r, d))


def _described(r: Reading, v: tuple | None) -> set[str]:
    """The words naming what a describing clause describes: "Nuri Market, *founded* in 2012" ->
    {nuri, market}."""
    if v is None:
        return set()
    return {t[1] for t in r.tree if t[0] == v[4] or (t[4] == v[4] and t[3] == "compound")}


def _same_described(claim: Reading, d, evidence: Reading, e) -> bool:
    """A date in a clause describing a party is compared with the same action only, of the same
    party when both describe one: "Nuri Market, founded in 2012" / "Haneul Shop, founded in 2009
    and Nuri Market's largest rival" are two companies' foundings."""
    v, w = _date_verb(claim, d), _date_verb(evidence, e)
    if not _same_verb(v, w):
        return False
    if _describing(claim, d) and _describing(evidence, e):
        a, b = _described(claim, v), _described(evidence, w)
        return not (a and b) or bool(a & b)
    return True


_IN_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)
# ... or the year of an event named after it: "with 31 seats in the *2022* election".
_EVENT_AFTER = re.compile(r"\s+(?:general\s+|presidential\s+|parliamentary\s+|local\s+)?(?:elections?|vote|poll|referendum|census|"
                          r"season|budget|campaign|crisis|war|floods?|earthquake|outbreak|strike|tournament|final|fiscal year)\b",
                          re.IGNORECASE)


def event_years(r: Reading, dated_only: bool = False) -> set[str]:
    """The years of the dates a sentence gives its events (not of its statements, bounds or
    comparisons), whatever their granularity; ``dated_only``: only a year an event is said to
    happen in ("In 2018, another company lost ...", "31 seats in the 2022 election"), not one
    naming a thing ("the 1944 water treaty"); "won 58 seats at the 2022 election" is dated. "last year" is no such year: the latest full year's
    figure is the current one ("11 per cent of households did not pay last year")."""
    return {d.value[:4] for d in r.dates if d.value and _YEAR.match(d.value[:4]) and _explicit(d) and _event_date(r, d)
            and (not dated_only or _IN_BEFORE.search(r.text[max(0, d.span.start - 8):d.span.start])
                 or (re.search(r"\b(?:in|during|at)\s+the\s+$", r.text[max(0, d.span.start - 12):d.span.start], re.IGNORECASE)
                     and _EVENT_AFTER.match(r.text, d.span.end)))}


# Two dates conflict only as one action's: "was founded in 2009" / "handed over 20 buses ... on Friday".
DATE_SAME_ACTION = True


_NOUN_BEFORE = re.compile(r"\b([a-z]+)\s+(?:in|on)\s+(?:early\s+|late\s+|mid-)?$")


def _event_noun(r: Reading, d) -> str | None:
    """The verb of an event noun written right before the date ("the *hijacking* in January"
    -> hijack), whatever the parse hangs the date on."""
    m = _NOUN_BEFORE.search(r.text, max(0, d.span.start - 30), d.span.start)
    tok = next((t for t in r.tree if m and t[0] == m.start(1)), None)
    if tok is None or tok[2] != "NOUN" or not lexicon.available():
        return None
    return next((w for w, how in lexicon.neighbours(tok[1], "n").items() if how == "derived" and lexicon.known(w, "v")), None)


# Verbs of a phase of something else's event: the date of "construction is due to start" is
# the construction's, not the passenger services' of "services ... are scheduled to begin".
PHASE_VERBS = frozenset("start begin end finish complete resume commence".split())


def _phase_subject(r: Reading, v: tuple) -> str | None:
    """The common noun whose event a phase verb dates, climbing "is due to" / "are scheduled to";
    a transitive phase verb's object ("The ministry began an oral cholera vaccination *campaign*")."""
    kids, by_start, cur = children(r), {t[0]: t for t in r.tree}, v
    obj = [k for k in kids.get(v[0], []) if k[3] == "dobj"]
    if obj:
        return obj[0][1] if obj[0][2] == "NOUN" else None
    for _ in range(3):
        subj = [k for k in kids.get(cur[0], []) if k[3] in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0][1] if subj[0][2] == "NOUN" else None
        if cur[3] not in ("xcomp", "acomp") or cur[4] not in by_start:
            return None
        cur = by_start[cur[4]]
    return None


def _phases_of_other_things(claim: Reading, v: tuple | None, evidence: Reading, w: tuple | None) -> bool:
    if v is None or w is None or v[1] not in PHASE_VERBS or w[1] not in PHASE_VERBS:
        return False
    a, b = _phase_subject(claim, v), _phase_subject(evidence, w)
    return bool(a and b) and not lexicon.same_stem(a, b) and not (lexicon.available() and lexicon.related(a, "n", b, "n"))


def _date_actions_meet(claim: Reading, d, evidence: Reading, e) -> bool:
    v, w = phrasal(claim, _date_verb(claim, d)), phrasal(evidence, _date_verb(evidence, e))
    if _phases_of_other_things(claim, v, evidence, w):
        return False
    # "the hijacking in January" / "boarded by armed men on December 28": the noun's own action.
    nv, nw = _event_noun(claim, d), _event_noun(evidence, e)
    if (nv and w is not None and lexicon.synonym_verbs(nv, w[1])) or (nw and v is not None and lexicon.synonym_verbs(v[1], nw)):
        return True
    # Light verbs name no action: "the draft would go to public consultation in October" is no
    # date of "the schools it runs by March 2028", whatever WordNet's "go" and "run" share.
    if v is not None and w is not None and v[1] != w[1] and {v[1], w[1]} & lexicon.LIGHT_VERBS:
        return bool(gathered_at(claim, v) & gathered_at(evidence, w)) and not other_attendees(claim, evidence)
    if v is None or w is None or _same_verb(v, w) or _related_action(v, w):
        return True
    # "will begin sharing ... from September" / "would begin in January 2027": the verb a dated
    # action is the complement of ("begin", "start") is the action dated too.
    if any(_same_verb(a, b) for a in _with_governor(claim, v) for b in _with_governor(evidence, w)):
        return True
    # "approve ... at a meeting" / "hold a meeting": one gathering, unless one was held before
    # the evidence was written and the other is still to come.
    return bool(gathered_at(claim, v) & gathered_at(evidence, w)) and not _held_and_to_come(claim, d, evidence, e, v, w) \
        and not other_attendees(claim, evidence)


def _with_governor(r: Reading, v: tuple) -> list[tuple]:
    up = next((t for t in r.tree if t[0] == v[4]), None) if v[3] == "xcomp" else None
    return [v] + ([up] if up is not None and up[2] == "VERB" else [])


def _to_come(r: Reading, v: tuple) -> bool:
    return bool(_TO_COME_BEFORE.search(r.text[max(0, v[0] - 30):v[0]]))


def _held_and_to_come(claim: Reading, d, evidence: Reading, e, v: tuple, w: tuple) -> bool:
    """Two gatherings, not one dated twice: the claim's, dated before the evidence was published
    and told as done ("discussed an outline ... at a closed meeting in Cairo on February 24"), and
    the evidence's, still to come after it ("would review the proposal at a meeting in Cairo on
    March 28", published March 5). Meetings recur; one that is held does not stop the next."""
    pub = evidence.published
    if not (pub and d.value and e.value):
        return False
    return d.value[:10] < pub[:10] < e.value[:10] and _to_come(evidence, w) and not _to_come(claim, v)


def _related_action(v: tuple, w: tuple) -> bool:
    """A verb and its derived noun or a broader verb for it ("open" / "opening", "deliver" / "supply")."""
    return lexicon.available() and lexicon.related(v[1], _WN_POS.get(v[2], "v"), w[1], _WN_POS.get(w[2], "v")) is not None


# Two reports published this close guess a bare "2 April" into the same year: their days compare.
BARE_DAYS_WITHIN = 45
# A day this close after a report's date may be the day it tells, misdated ("took over ... on
# Wednesday night", the 6th / a report of the 5th: "occupied ... in the early hours of Monday").
SAME_EVENT_DAYS = 7


def _days(a: str | None, b: str | None) -> int | None:
    """Days from ISO date ``b`` to ``a``; None unless both are days."""
    import datetime as dt
    try:
        return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days if len(a) >= 10 else None
    except (TypeError, ValueError):
        return None


def _published_near(claim: Reading, evidence: Reading) -> bool:
    return (d := _days(claim.published, evidence.published)) is not None and abs(d) <= BARE_DAYS_WITHIN


def _bare_day(d) -> bool:
    """A day and month, or a month, without a year ("on 2 April", "in September")."""
    return bool(d.value) and d.granularity in ("day", "month") and bool(_MONTH.search(d.span.text)) and not _YEAR.search(d.span.text)


def _bare_days(claim: Reading, evidence: Reading) -> list[Check]:
    """Days and months written without a year on both sides of two reports published close
    together, compared by month and day only (each side's year is a guess from its tense): "at a
    meeting on 2 April" / "on 19 March, not on 2 April as reported"; "to start work on 1 June" /
    "would begin work in September"."""
    if not _published_near(claim, evidence):
        return []
    # A deadline is no day the event falls on: "wants approved by November 15" against last
    # year's budget "approved on December 2".
    a = [d for d in claim.dates if _bare_day(d) and _event_date(claim, d) and not _deadline(claim, d)]
    # (against a bare date or one with its year: "from September" / "would begin in January 2027")
    b = [d for d in evidence.dates if (_bare_day(d) or (d.granularity in ("day", "month") and _MONTH.search(d.span.text)))
         and _event_date(evidence, d) and not _CORRECTED.search(evidence.text, max(0, d.span.start - 12), d.span.start)]
    # (nor a date in a clause describing a party: "its new plant, which ... opened in March")
    # (unless the other side dates the same action of the same thing: "The final order, signed on
    # September 29" / the docket's "signed ... on October 6")
    def kept(r: Reading, x, other: Reading, pairs) -> bool:  # ... of a thing the other side names
        return not _describing(r, x) or (any(pairs) and bool(_described(r, _date_verb(r, x)) & {t[1] for t in other.tree}))
    a, b = ([d for d in a if kept(claim, d, evidence, (_same_described(claim, d, evidence, e) for e in b))],
            [e for e in b if kept(evidence, e, claim, (_same_described(claim, d, evidence, e) for d in a))])
    pairs = [(d, e) for d in a for e in b if _date_actions_meet(claim, d, evidence, e)]
    if not pairs or any(_same_bare(d, e) for d, e in pairs):
        return []
    d, e = pairs[0]
    return [Check("date", f"{d.span.text} vs {e.span.text}", (d.span,), (e.span,))]


def _same_bare(d, e) -> bool:
    """The same month, and the same day when both give one."""
    x, y = d.value[5:], e.value[5:]
    return x[:2] == y[:2] and (len(x) < 5 or len(y) < 5 or x == y)


# "by November 15", "by the end of March": a deadline, not the day the event falls on. ("until"
# is no deadline: "postponed until June 26" dates the event, "close until 20 June" its end.)
_DEADLINE = re.compile(r"\bby\s+(?:the\s+)?(?:(?:end|middle|start)\s+of\s+)?$", re.IGNORECASE)


def _deadline(r: Reading, d) -> bool:
    return bool(_DEADLINE.search(r.text, max(0, d.span.start - 20), d.span.start))


_CORRECTED = re.compile(r"\bnot\s+(?:on|in|at|until|before|after)?\s*(?:the\s+)?$", re.IGNORECASE)


def check_dates(claim: Reading, evidence: Reading) -> list[Check]:
    from ..corroborate.divergence import dates

    a = [d for d in claim.dates if _explicit(d) and _event_date(claim, d)]
    # A date set right ("on 19 March, *not on 2 April* as reported") is no date the evidence gives.
    b = [d for d in evidence.dates if _explicit(d) and _event_date(evidence, d)
         and not _CORRECTED.search(evidence.text, max(0, d.span.start - 12), d.span.start)]
    if DATE_SAME_ACTION:
        a = [d for d in a if any(_date_actions_meet(claim, d, evidence, e) for e in b)]
        b = [e for e in b if any(_date_actions_meet(claim, d, evidence, e) for d in a)]
    # A report can tell no done event dated after it was published: "fined the city's water
    # utility 95,000 zloty" on Friday (a report of February 2020) is no date of a fine "in 2023".
    pub = evidence.published
    if pub and a and all(d.value and d.value > pub[:len(d.value)] for d in a):
        near = all((n := _days(d.value, pub)) is not None and n <= SAME_EVENT_DAYS for d in a)
        b = [e for e in b if not (e.value and e.value <= pub[:len(e.value)]) or (near and len(e.value) == 10)]
    # A year that names a thing ("candidacy for the 2031 European Athletics Championships") is no
    # date of an event told with a plain date on the other side ("last staged ... in 2009").
    na, nb = [_naming(claim, d) for d in a], [_naming(evidence, e) for e in b]
    a, b = [d for d, n in zip(a, na) if not n or any(nb)], [e for e, n in zip(b, nb) if not n or any(na)]
    if any(_describing(claim, d) for d in a) or any(_describing(evidence, d) for d in b):
        a = [d for d in a if not _describing(claim, d) or any(_same_described(claim, d, evidence, e) for e in b)]
        b = [e for e in b if not _describing(evidence, e) or any(_same_described(claim, d, evidence, e) for d in a)]
    return ([Check("date", d.detail, d.here, d.there) for d in dates(a, b)] or _other_spans(a, b) or _other_months(claim, evidence)
            or not_yet(claim, evidence) or first_since(claim, evidence) or rescheduled(claim, evidence)
            or (_bare_days(claim, evidence) if not a else []) or until_years(claim, evidence) or month_spans(claim, evidence))


# Done on one side, still to come on the other, told later: "The satellite, which *was shipped*
# to Andoya by sea in April, ..." / "... would be shipped to Andoya two weeks before launch". The
# same verb, a place or thing it acts on in common, and nothing saying it happens again.
_DONE_BEFORE = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been|has|have|had)\s+(?:already\s+|\w+ly\s+)?$", re.IGNORECASE)
_TO_COME_BEFORE = re.compile(r"\b(?:will|would|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to|(?:is|are)\s+to)\s+(?:be\s+)?"
                             r"(?:\w+ly\s+)?$", re.IGNORECASE)
_AGAIN = re.compile(r"\b(?:again|more|another|further|additional|second|new|next|remaining|rest)\b", re.IGNORECASE)
_AFTER_PREP = re.compile(r"[a-z]+\s+(?:the\s+|a\s+|an\s+)?([A-Za-z][\w-]+)")
NOT_ARGUMENTS = frozenset("week weeks month months year years day days time launch".split())


def _arguments(r: Reading, v: tuple) -> set[str]:
    """Nouns a verb acts on or towards: its objects and prepositional objects, and the noun a
    describing clause hangs on ("The satellite, which was shipped to Andoya" -> satellite, andoya)."""
    kids = children(r)
    out = {k[1] for k in kids.get(v[0], []) if k[3] in ("dobj", "nsubjpass") and k[2] in ("NOUN", "PROPN")}
    # the word after each preposition, whatever the tagger made of it ("to Paranal", tagged ADJ)
    out |= {m.group(1) for k in kids.get(v[0], []) if k[3] == "prep" and (m := _AFTER_PREP.match(r.text, k[0]))}
    if v[3] == "relcl":
        out |= {t[1] for t in r.tree if t[0] == v[4] and t[2] in ("NOUN", "PROPN")}
    return {w.lower() for w in out} - NOT_ARGUMENTS


_HYPOTHETICAL = re.compile(r"\b(?:would|will|could|may|might|if|first time)\b", re.IGNORECASE)


def not_yet(claim: Reading, evidence: Reading) -> list[Check]:
    if not (claim.published and evidence.published and evidence.published >= claim.published):
        return []
    for v in claim.tree:
        if v[2] != "VERB" or not _DONE_BEFORE.search(claim.text[max(0, v[0] - 24):v[0]]):
            continue
        if _HYPOTHETICAL.search(claim.text, 0, v[0]):  # "It would be the first time a warship has joined ..."
            continue
        for w in evidence.tree:
            if w[2] != "VERB" or w[1] != v[1] or not _TO_COME_BEFORE.search(evidence.text[max(0, w[0] - 30):w[0]]):
                continue
            if _AGAIN.search(evidence.text[max(0, w[0] - 40):w[0] + 40]) or not (_arguments(claim, v) & _arguments(evidence, w)):
                continue
            cs = Span.of(claim.text, v[0], v[0] + len(claim.text[v[0]:].split()[0].rstrip(",.;")))
            es = Span.of(evidence.text, w[0], w[0] + len(evidence.text[w[0]:].split()[0].rstrip(",.;")))
            return [Check("date", f"'{cs.text}' vs '{es.text}': done on one side, still to come on the other", (cs,), (es,))]
    return []


_NAMING_BEFORE = re.compile(r"\b(?:the|its|their|his|her|this|next|last|a)\s+$", re.IGNORECASE)
_NAMING_AFTER = re.compile(r"\s+[A-Za-z]")


def _naming(r: Reading, d) -> bool:
    """A bare year before the name of a thing: "the 2031 European Athletics Championships"."""
    return bool(re.fullmatch(r"\d{4}", d.span.text) and _NAMING_BEFORE.search(r.text[max(0, d.span.start - 8):d.span.start])
                and _NAMING_AFTER.match(r.text, d.span.end))


_DAY = re.compile(r"\d")


def _bare(d) -> bool:
    """A month or day named without its year ("in October", "on November 20"): the year is
    guessed from the publication date, so only the month (and day) can be compared."""
    return d.granularity in ("month", "day") and bool(d.value) and not _YEAR.search(d.span.text) \
        and bool(_MONTH.search(d.span.text)) and (d.granularity == "day" or not _DAY.search(d.span.text))


def _meets(claim: Reading, d, evidence: Reading, e) -> bool:
    """Both dates are of one action: the claim's verb, and the evidence's verb or, when the parse
    finds none above its date, an event noun of that verb in the evidence ("will be sentenced on
    November 20" / "lists sentencing ... for 27 November")."""
    v, w = _date_verb(claim, d), _date_verb(evidence, e)
    if v is None:
        return False
    if w is not None:
        return _date_actions_meet(claim, d, evidence, e)
    return any(t[2] in ("NOUN", "VERB") and lexicon.same_stem(t[1], v[1]) for t in evidence.tree if t[0] != e.span.start)


def _changes(r: Reading) -> bool:
    return any(move(r, q) in ("rise", "fall") for q in r.quantities)


_EFFECTIVE = re.compile(r"\b(?:from|starting|effective|as of|beginning)\s+(?:on\s+)?$", re.IGNORECASE)


def _takes_effect(r: Reading, d) -> bool:
    return bool(_EFFECTIVE.search(r.text[max(0, d.span.start - 16):d.span.start]))


def _weekday(d) -> bool:
    return d.granularity == "day" and not _MONTH.search(d.span.text) and not _DAY.search(d.span.text)


def _other_months(claim: Reading, evidence: Reading) -> list[Check]:
    """One action dated on two days or in two months of the year, a month or day named without
    its year on one side at least ("will be signed in New Delhi later this month", published in
    March / "would be signed in October"; "will be sentenced on November 20" / "lists sentencing
    ... for 27 November"). Whichever year the bare date is read in, they differ; two readings of
    one month or day ("in March" / "March 2027") are left to the guessed year, so never compared."""
    a = [d for d in claim.dates if d.value and d.granularity in ("month", "day") and _event_date(claim, d)
         and (_explicit(d) or _bare(d)) and not _describing(claim, d) and not (_bare(d) and _deadline(claim, d))]
    # ... a clause describing the claim's event noun's thing tells that event ("the hijacking in
    # January of the Bora Star" / "its tanker Bora Star, boarded by armed men on December 28").
    nouns = {n for d in a if (n := _event_noun(claim, d))}
    b = [e for e in evidence.dates if e.value and e.granularity in ("month", "day") and _event_date(evidence, e)
         and (_explicit(e) or _bare(e)) and (not _describing(evidence, e)
                                            or any(lexicon.synonym_verbs(n, _date_verb(evidence, e)[1]) for n in nouns))]
    # "rose 4.1 percent in May" / "rose 3.2 percent in April": two periods' figures; not a change
    # taking effect on a day ("raise the price ... by 50 percent from February 1" / "would rise
    # by 50 percent from March 1").
    if _changes(claim) and _changes(evidence) and not (any(_takes_effect(claim, d) for d in a) and any(_takes_effect(evidence, e) for e in b)):
        return []
    # One of the claim's dates is the evidence's ("sparked by lightning last Thursday, had burned
    # ... by Monday evening" / "ignited by a lightning strike on July 9"): the days agree.
    if any(d.value and d.value[:10] == e.value[:10] for d in claim.dates for e in b if d.granularity == e.granularity == "day"):
        return []
    for d in a:
        for e in b:
            if not (_bare(d) or _bare(e)) or not _meets(claim, d, evidence, e):
                continue
            # A weekday is compared with a day only ("began ... on Monday" / "would begin on February
            # 25"), not with a month it may fall in or not ("on Friday" / "rose 14 percent in September").
            if (_weekday(d) or _weekday(e)) and not d.granularity == e.granularity == "day":
                continue
            upto = 10 if d.granularity == e.granularity == "day" else 7
            if d.value[5:upto] != e.value[5:upto]:
                return [Check("date", f"'{d.span.text}' vs '{e.span.text}': another {'day' if upto == 10 else 'month'}",
                              (d.span,), (e.span,))]
    return []


_SPAN_OF_YEARS = re.compile(r"\b(?:between|from)\s+(\d{4})\s+(?:and|to|until)\s+(\d{4})\b", re.IGNORECASE)


def _other_spans(a: list, b: list) -> list[Check]:
    """Two spans of years of one action that end alike but start apart ("between 2016 and 2019" /
    "between 2013 and 2019"): the dates read only their last year."""
    for d in a:
        for e in b:
            x, y = _SPAN_OF_YEARS.search(d.span.text), _SPAN_OF_YEARS.search(e.span.text)
            if x and y and x.groups() != y.groups():
                return [Check("date", f"{x.group(1)}-{x.group(2)} vs {y.group(1)}-{y.group(2)}", (d.span,), (e.span,))]
    return []


# "its first reduction in more than a year", "the first strike since 2019": no such event of the
# same party in that window before. A report of one inside it ("The Central Bank of Sri Lanka
# reduced its overnight policy rate ... on Wednesday", eight months earlier) says otherwise.
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORDS.update({"a": 1, "an": 1})
FIRST = re.compile(r"\bfirst\s+([a-z]+)(?:\s+[a-z]+)?\s+(?:in\s+(?:more\s+than\s+|over\s+|almost\s+|nearly\s+)?"
                   r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(year|month|decade)s?"
                   r"|since\s+((?:19|20)\d\d))\b", re.IGNORECASE)


def _window_start(m: re.Match, published: str) -> str | None:
    if m.group(4):
        return f"{int(m.group(4)) + 1}-01-01"
    n = _NUMBER_WORDS.get(m.group(2).lower()) if not m.group(2).isdigit() else int(m.group(2))
    if n is None or len(published) < 10:
        return None
    months = {"year": 12, "month": 1, "decade": 120}[m.group(3).lower()] * n
    y, mo = int(published[:4]), int(published[5:7]) - months
    while mo < 1:
        y, mo = y - 1, mo + 12
    return f"{y:04d}-{mo:02d}{published[7:10]}"


def first_since(claim: Reading, evidence: Reading) -> list[Check]:
    m = FIRST.search(claim.text)
    if m is None or not claim.published or not lexicon.available():
        return []
    start = _window_start(m, claim.published)
    if start is None:
        return []
    noun = m.group(1).lower()
    verbs = {w for w, how in lexicon.neighbours(noun, "n").items() if how == "derived"} | {noun}
    party = acting_parties(claim)
    if not party or not party & _key_words(evidence.text):
        return []
    # The claim's own event's day ("cut ... on Wednesday"): one told for that day is the same one.
    event = min([d.value[:10] for d in claim.dates if d.granularity == "day" and d.value] or [claim.published[:10]])
    for w in evidence.tree:
        if w[2] != "VERB" or not any(lexicon.synonym_verbs(v, w[1]) or lexicon.same_stem(v, w[1]) for v in verbs):
            continue
        if _TO_COME_BEFORE.search(evidence.text[max(0, w[0] - 30):w[0]]) or evidence.text[max(0, w[0] - 3):w[0]].lower() == "to ":
            continue  # one still to come, or expected ("analysts expect the bank to lower ..."), is none done
        days = [e.value[:10] for e in evidence.dates if e.granularity == "day" and e.value and _date_verb(evidence, e) == w]
        when = days[0] if days else (evidence.published or "")[:10]
        if when and start <= when < event:
            cs = Span.of(claim.text, m.start(), m.end())
            es = Span.of(evidence.text, w[0], w[0] + len(evidence.text[w[0]:].split()[0]))
            return [Check("date", f"'{cs.text}' vs '{es.text}' on {when}: one inside the window", (cs,), (es,))]
    return []


# A date the evidence gives as the thing's new schedule: "commercial operation is now expected in
# June 2027", "has been pushed back to March". Against the claim's date for the same thing ("a
# new 350-megawatt combined-cycle plant at Aboadze ... would be commissioned in December"), the
# schedule has moved, whichever verbs the two sides use for starting it.
_NEW_SCHEDULE = re.compile(r"(?:\bnow\s+(?:expected|scheduled|due|set|slated|planned)(?:\s+to\s+\w+)?"
                           r"|\b(?:has|have|had)\s+been\s+(?:pushed back|postponed|delayed|put back|moved back|rescheduled)"
                           r"|\b(?:slipped|slips|pushed back|postponed|delayed|put back|moved back|rescheduled))\s+"
                           r"(?:\w+\s+){0,3}?(?:in|for|by|on|to|until|till)\s+$", re.IGNORECASE)


def rescheduled(claim: Reading, evidence: Reading) -> list[Check]:
    """The claim's date for a thing, against the new date the evidence says it has moved to,
    the thing named on both sides by a name or a figure of the claim's date verb's subject or
    object ("350-megawatt", "Aboadze")."""
    new = [e for e in evidence.dates if e.value and e.granularity in ("month", "day", "year")
           and _NEW_SCHEDULE.search(evidence.text[max(0, e.span.start - 60):e.span.start])]
    if not new:
        return []
    kids = children(claim)
    ev_words = {w.lower() for w in re.findall(r"[\w-]+", evidence.text)}
    for d in claim.dates:
        v = _date_verb(claim, d)
        if not d.value or v is None or v[1] in SAID_VERBS or not _event_date(claim, d) or _describing(claim, d):
            continue
        # Only a date still to come moves: "gave her consent last week" is done.
        if not _TO_COME_BEFORE.search(claim.text[max(0, v[0] - 40):v[0]]):
            continue
        things = [k for k in kids.get(v[0], []) if k[3] in ("nsubj", "nsubjpass", "dobj")]
        below = set().union(*(_subtree(claim, k) for k in things))
        # The names and figures of what the date is for ("350-megawatt", "Aboadze").
        words = {start: _word_at(claim, start) for start in below}
        marks = {words[start].lower() for start, _lem, pos, _dep, _h in claim.tree
                 if start in below and (pos in ("PROPN", "NUM") or "-" in words[start])}
        if marks & ev_words:
            for e in new:
                if _moved(d, e):
                    return [Check("date", f"'{d.span.text}' vs '{e.span.text}': the schedule has moved", (d.span,), (e.span,))]
    return []


def _moved(d, e) -> bool:
    """Two dates of one schedule that differ: by month when a year is guessed (a bare month on
    either side), else to the coarser of the two."""
    if _bare(d) or _bare(e):
        return "year" not in (d.granularity, e.granularity) and d.value[5:7] != e.value[5:7]
    upto = 4 if d.granularity == e.granularity == "year" else 7
    return d.value[:upto] != e.value[:upto]


def _word_at(r: Reading, start: int) -> str:
    """The word at ``start``, digits and hyphens included ("350-megawatt")."""
    m = re.match(r"[\w-]+", r.text[start:])
    return m.group() if m else ""


# Words of a figure still to come: a plan's figure has no period of its own to compare.
_TO_COME = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|intends?|expects?|expected|forecasts?|projects?|set to|due to|next)\b",
                      re.IGNORECASE)


# ... and a figure told as still to come ("are to train", "will take part").
_TO_COME_NOW = re.compile(r"\b(?:will|would|shall|(?:is|are)\s+(?:to|due\s+to|set\s+to|expected\s+to)|plans?\s+to)\b", re.IGNORECASE)


def counted_before(cr: Reading, er: Reading) -> bool:
    """One side's figure is dated only in years before the year the other dates its event in:
    two periods' figures, when both are done ("The army said last year it had shot down more than
    200 drones" / "... had intercepted 36 drones ... in September", this year) or the earlier is
    done and the later a future year's ("Public hospitals owed suppliers 1.2 billion euros at the
    end of August" / "will increase health service spending ... to around 17.4 billion euros in
    2027"). A year the other side merely says something in is no period of its figure."""

    def years(r: Reading, events: bool) -> set[int]:
        return {int(d.value[:4]) for d in r.dates if d.value and _YEAR.match(d.value[:4]) and (not events or _event_date(r, d))}

    for a, b in ((cr, er), (er, cr)):
        ya, yb = years(a, False), years(b, True)
        # A figure of years gone by against an undated one still to come ("advised Philippine troops
        # ... from 2002 to 2015 under a programme that at its peak involved around 600 personnel" /
        # "Some 2,500 soldiers ... are to train alongside the Philippine army").
        if ya and not yb and a.published and max(ya) < int(a.published[:4]) and not _TO_COME.search(a.text) \
                and _TO_COME_NOW.search(b.text):
            return True
        if not (ya and yb and max(ya) < min(yb) and a.published and b.published) or _TO_COME.search(a.text):
            continue
        # ... the later a year gone by or under way, not an end still to come ("until 2045") ...
        if max(yb) <= int(b.published[:4]) and not _TO_COME.search(b.text):
            return True
        # ... or a future year's plan ("in 2027", not "until 2045") against a figure already done
        # at a date of its own (not only said on one).
        plan, done = {int(y) for y in event_years(b, dated_only=True)}, years(a, True)
        if plan and done and min(plan) > int(b.published[:4]) and max(done) < min(plan) and max(done) <= int(a.published[:4]):
            return True
    return False


# Seasons as months (the northern hemisphere's: a southern "summer" in January then reads as
# another time, and the support is left undecided, never turned).
SEASONS = {"spring": {3, 4, 5}, "summer": {6, 7, 8}, "autumn": {9, 10, 11}, "winter": {12, 1, 2}}
_SEASON = re.compile(r"\b(?:the|this|next|last|in|over|during|through)\s+(?:early\s+|late\s+)?(spring|summer|autumn|winter)\b", re.IGNORECASE)


def _event_months(r: Reading) -> set[int]:
    return {int(d.value[5:7]) for d in r.dates if d.value and len(d.value) >= 7 and d.granularity in ("month", "day") and _event_date(r, d)}


def other_time(claim: Reading, evidence: Reading) -> bool:
    """The claim dates its event to a month or day, and the evidence gives only other months or
    seasons: it does not confirm the claim's time ("Its first ships would sail through the Turkish
    Straits in mid-May" / "Crews will spend the summer on joint training ... before requesting
    passage through the Turkish Straits"), though the two need not conflict."""
    a = _event_months(claim)
    b = _event_months(evidence) | {m for s in _SEASON.findall(evidence.text) for m in SEASONS[s.lower()]}
    return bool(a and b) and not a & b
