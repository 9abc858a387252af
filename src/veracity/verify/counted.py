"""What a figure stands for in its sentence, beyond its counted noun: two figures of the same noun
are two different quantities when one is demanded and the other done, or when two sums of money
go different ways or to different ends.

- A demand is not a decision: "The union wants the hospital to hire 250 more nurses" is not
  contradicted by "Busan city council approved funding for 300 additional nurses", nor a pay
  claim of 10% by an offer of 4%. A figure under a verb of demanding ("demand", "urge", "call
  for") or under "want" with another party to act ("wants the hospital to hire") is compared
  only with a figure demanded.
- Money received is not money paid: "Morocco has paid 2.1 billion dirhams in reconstruction
  aid" and "The special fund ... has received 6.4 billion dirhams in contributions" are two
  sums. The first verb above a sum says which way it goes; the noun of "in ..." right after it
  says what it is for ("in aid", "in contributions", "in fines").
"""

from __future__ import annotations

import functools
import re

from ..claims.quantities import CURRENCY_SYMBOLS, CURRENCY_WORDS
from ..records import Quantity
from . import lexicon
from .parties import children, main_predicates
from .reading import Reading

# Verbs that ask another party for something: a figure under them is a demand.
# ("seek": "The union is seeking a 7% pay rise" is its claim, not what it got or was offered.)
DEMAND_VERBS = frozenset("demand urge ask request call press lobby petition seek".split())
# Verbs of wanting: a demand only when another party is to act ("wants the hospital to hire").
WANT_VERBS = frozenset("want wish".split())
# Which way a sum goes, from the first verb above it.
INFLOW = frozenset("receive raise collect earn attract gather accept".split())
OUTFLOW = frozenset("pay spend give transfer disburse invest allocate award lend grant provide donate pledge "
                    "distribute".split())
# Dependencies that join a clause of its own to the verb above, not a complement of it.
CLAUSE_JOINS = frozenset({"advcl", "conj", "parataxis", "relcl"})
# Steps walked up the parse from a figure (the bound only guards against a malformed parse).
MAX_STEPS = 6
_IN_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?in\s+")


@functools.lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    import pycountry

    out = {w.lower() for w in (*CURRENCY_WORDS, *CURRENCY_WORDS.values(), *CURRENCY_SYMBOLS.values())}
    for c in pycountry.currencies:
        last = c.name.lower().split()[-1]
        out |= {last, last + "s", c.alpha_3.lower()}
    out |= {"soles", "reais", "pesos", "naira", "won", "dong", "zloty", "zlotys", "kroner", "kronor", "krona", "krone"}
    return frozenset(out)


def is_money(q: Quantity) -> bool:
    return bool(q.unit) and q.unit.lower().split()[-1] in _currency_words()


def _head_token(r: Reading, q: Quantity) -> tuple | None:
    toks = [t for t in r.tree if q.span.start <= t[0] < q.span.end and t[2] in ("NOUN", "PROPN", "NUM")]
    if not toks:
        return None
    inside = [t for t in toks if not (q.span.start <= t[4] < q.span.end) or t[4] == t[0]]
    return inside[0] if inside else toks[-1]


def _chain(r: Reading, q: Quantity) -> list[tuple[tuple, tuple]]:
    """(verb, child on the way up) for each verb above the figure, nearest first."""
    by_start = {t[0]: t for t in r.tree}
    t = _head_token(r, q)
    out = []
    for _ in range(MAX_STEPS):
        if t is None or t[4] == t[0]:
            break
        up = by_start.get(t[4])
        if up is None:
            break
        if up[2] in ("VERB", "AUX"):
            out.append((up, t))
        t = up
    return out


def demanded(r: Reading, q: Quantity) -> bool:
    """The figure is asked of someone, not done (see the module docstring). A clause joined
    to the demand by "while", "and" or "but" is another party's ("SITCA is demanding a 12
    percent pay rise, while the company has offered 4 percent": the 4 percent is offered)."""
    for verb, child in _chain(r, q):
        if child[2] in ("VERB", "AUX") and child[3] in CLAUSE_JOINS:
            return False
        if verb[1] in DEMAND_VERBS:
            return True
        # "applied for an average increase of 15 percent" (not "the rate applies to Hualun").
        if verb[1] == "apply" and any(t[4] == verb[0] and t[1] == "for" for t in r.tree):
            return True
        if verb[1] in WANT_VERBS and any(t[4] == child[0] and t[3] == "nsubj" for t in r.tree):
            return True
    return False


def _asked(r: Reading, start: int) -> bool:
    """The verb at ``start`` is what a demand verb asks for ("calling on the state government to
    *open* more beds")."""
    by_start = {t[0]: t for t in r.tree}
    t = by_start.get(start)
    for _ in range(MAX_STEPS):
        if t is None or t[4] == t[0]:
            return False
        t = by_start.get(t[4])
        if t is not None and t[2] == "VERB":
            return t[1] in DEMAND_VERBS
    return False


def only_asked(claim: Reading, evidence: Reading) -> bool:
    """The evidence's verbs that are the claim's main actions are all asked for, while the claim
    states them: "the Victorian paramedics' union said, calling on the state government to open
    more beds" does not confirm that "the government would open 48 new beds"."""
    mains = {lem for s, lem, _n, _ns in main_predicates(claim) if not _asked(claim, s)}
    hits = [s for s, lem, pos, _d, _h in evidence.tree if pos == "VERB" and lem in mains]
    return bool(hits) and all(_asked(evidence, s) for s in hits)


# Nouns that say what a sum is ("a budget gap of £21.6 million", "a loan of 1.1 billion dollars"):
# a sum of one kind is not a sum of another, nor what a verb does with money ("would save about
# £3.1 million a year" is no budget gap).
SUM_KINDS = frozenset("gap deficit shortfall surplus debt loan fine penalty budget bill loss profit revenue "
                      "saving savings subsidy grant bonus compensation ransom bribe write-down writedown impairment fee royalty "
                      "levy dividend cost tranche damage fund".split())
# Verbs by which a sum totals its subject ("the final cost ... came to US$3.2bn").
TOTALLING = frozenset("come amount total climb rise reach".split())
_NOUN_AFTER = re.compile(r"\s*([A-Za-z][\w]*(?:-[A-Za-z]+)*)")


def kind_of_sum(r: Reading, q: Quantity) -> tuple[str, str] | None:
    """(lemma, "of" | "by") for what a sum is: the noun of "N of <sum>", else the verb whose
    object it is; None when the parse says neither."""
    by_start = {t[0]: t for t in r.tree}
    h = _head_token(r, q)
    up = by_start.get(h[4]) if h else None
    if h is None or up is None:
        return None
    if h[3] == "pobj" and up[1] == "of" and (noun := by_start.get(up[4])) is not None and noun[2] == "NOUN":
        return noun[1], "of"
    # "the final cost of the works ... came to US$3.2bn": the subject of a verb of totalling.
    # ("... had reached almost 3.9 billion dollars": the figure is the verb's object.)
    verb = by_start.get(up[4]) if h[3] == "pobj" and up[1] == "to" else up if h[3] == "dobj" else None
    if verb is not None and verb[1] in TOTALLING:
        subj = next((t for t in r.tree if t[4] == verb[0] and t[3] == "nsubj" and t[2] == "NOUN"), None)
        if subj is not None:
            return subj[1], "of"
    # "a 900 million euro write-down": the noun the figure stands before.
    if h[3] in ("nummod", "compound") and up[2] in ("NOUN", "PROPN") and up[0] >= q.span.end and (m := _NOUN_AFTER.match(r.text, q.span.end)):
        # ... the head of a name it stands before: "the 300 million dollar National Adaptation Research *Fund*"
        return (up[1] if m.group(1)[:1].isupper() else m.group(1).lower()), "of"
    if h[3] == "dobj" and up[2] == "VERB":
        return up[1], "by"
    # "agreed to buy rival Rede Cerrado for 4.2 billion reais": the price of what the verb does.
    if h[3] == "pobj" and up[1] == "for" and (verb := by_start.get(up[4])) is not None and verb[2] == "VERB":
        return verb[1], "by"
    # "an Arctic defence package worth about 14.6 billion kroner": the noun it is the worth of.
    if up[1] == "worth" and (noun := by_start.get(up[4])) is not None and noun[2] == "NOUN":
        return noun[1], "of"
    # "puts the resulting loss ... at about 45 million euros", "valued the deal at": the verb's object.
    if h[3] == "pobj" and up[1] == "at" and (verb := by_start.get(up[4])) is not None and verb[2] == "VERB":
        obj = next((t for t in r.tree if t[4] == verb[0] and t[3] == "dobj" and t[2] in ("NOUN", "PRON")), None)
        # "the cost, which the diplomat put at about 35 million euros": what "which" stands for.
        if obj is not None and obj[2] == "PRON" and verb[3] == "relcl":
            obj = by_start.get(verb[4])
        if obj is not None and obj[2] == "NOUN":
            return obj[1], "of"
    # "The mission's budget for the current year, about 24 million euros, ...": what it stands beside.
    if h[3] == "appos" and up[2] == "NOUN":
        return up[1], "of"
    return None


# A standing size ("has about 1,100 soldiers", "a fleet of 14 turboprops and two leased jets",
# "employs 4,800 people") is not a transaction adding to it or taken from it ("will send about
# 300 troops", "has ordered 12 regional jets"): two quantities, whatever their noun.
# (Not "number" nor "a force of": "the joint force under discussion numbered about 450 troops" is
# the size of what is to be sent.)
HOLD_VERBS = frozenset("have own operate employ possess hold keep retain".split())
# Verbs that give a size of their subject ("Bolivia's remaining holdings stood at about 13 tonnes"):
# a standing size when the subject is a stock.
LEVEL_VERBS = frozenset("stand total be amount".split())
# Verbs of an event that befalls a count of things ("a leak that exposed the data of about 300,000
# customers", "the floods displaced 12,000 people"): a count affected, not a standing size ("The
# bank has about 4 million retail customers").
AFFECT_VERBS = frozenset("affect expose hit impact strand evacuate displace infect kill injure leak".split())
STOCK_NOUNS = frozenset("fleet workforce stock portfolio network garrison arsenal holding reserve stockpile inventory".split())
TRANSACT_VERBS = frozenset("order buy purchase acquire lease sell send deploy hire recruit add deliver dispatch "
                           "withdraw cut shed sack lay convert close shut open rebrand refurbish".split())


_TRANSACTION_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:order|purchase|acquisition|delivery|deployment)s?\b")


# A sum or count for a stretch of time ("builds about 250 buses a year", "7 billion yen a month").
RATE = re.compile(r"\s*(?:[A-Za-z]+\s+)?(?:a|an|per|each)\s+(year|annum|month|week|day)\b", re.IGNORECASE)
TRANSACT_NOUNS = frozenset("order purchase acquisition delivery deployment sale".split())


def _per_time(r: Reading, q: Quantity) -> bool:
    return bool(RATE.match(r.text, q.span.end)) or q.span.text.lower().endswith(("b/d", "bpd", "bbl/d", "barrels/day"))


def held_or_moved(r: Reading, q: Quantity) -> str | None:
    """"held" for a standing size, "moved" for a figure a transaction adds or takes away, else None.
    The verb right before the figure decides first ("has ordered 12 regional jets", whatever the
    parse makes of a long sentence), then the parse."""
    if _TRANSACTION_AFTER.match(r.text, q.span.end):  # "its 12-jet Alvorada order"
        return "moved"
    before = [t for t in r.tree if t[0] < q.span.start]
    if before and before[-1][2] == "VERB" and before[-1][1] in HOLD_VERBS | TRANSACT_VERBS:
        return "held" if before[-1][1] in HOLD_VERBS else "moved"
    by_start = {t[0]: t for t in r.tree}
    t = _head_token(r, q)
    for _ in range(MAX_STEPS):
        if t is None or t[4] == t[0]:
            return None
        up = by_start.get(t[4])
        if up is None:
            return None
        if up[2] == "NOUN" and t[1] == "of" and up[1] in STOCK_NOUNS | TRANSACT_NOUNS:
            return "held" if up[1] in STOCK_NOUNS else "moved"  # "a fleet of 14", "the purchase of 36 buses"
        if up[2] in ("VERB", "AUX"):
            if up[1] in LEVEL_VERBS and any(k[4] == up[0] and k[3] in ("nsubj", "nsubjpass") and k[1] in STOCK_NOUNS
                                            for k in r.tree):
                return "held"
            # ("About 140 trucks ... were held at the border post": detained, not owned)
            passive = any(k[4] == up[0] and k[3] == "auxpass" for k in r.tree)
            return ("held" if up[1] in HOLD_VERBS and not passive else "moved" if up[1] in TRANSACT_VERBS
                    else "affected" if up[1] in AFFECT_VERBS else None)
        t = up
    return None


def _same_kind(a: tuple[str, str], b: tuple[str, str]) -> bool:
    x, y = a[0], b[0]
    if x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x))):
        return True  # "a fine of" / "fined" (the tagger's lemma: "fin")
    pa, pb = ("n" if a[1] == "of" else "v"), ("n" if b[1] == "of" else "v")
    return lexicon.related(a[0], pa, b[0], pb) is not None


def flow(r: Reading, q: Quantity) -> str | None:
    """"in" for a sum received, "out" for a sum paid, None when the nearest verb says neither."""
    chain = _chain(r, q)
    if not chain:
        return None
    lem = chain[0][0][1]
    return "in" if lem in INFLOW else "out" if lem in OUTFLOW else None


def purpose(r: Reading, q: Quantity) -> str | None:
    """The noun of "in ..." right after a sum ("2.1 billion dirhams in reconstruction aid" -> aid)."""
    m = _IN_AFTER.match(r.text, q.span.end)
    if not m:
        return None
    prep = next((t for t in r.tree if t[0] == m.end() - 3 and t[1] == "in"), None)
    if prep is None:
        return None
    obj = next((t for t in r.tree if t[4] == prep[0] and t[3] == "pobj" and t[2] == "NOUN"), None)
    return obj[1] if obj is not None else None


# "cut exports by about 180,000 barrels per day" is a change; "raises its capacity to 120,000
# barrels per day" a level: two different quantities whatever their noun. Read from the word
# right before the figure and its qualifier ("by about", "to around"); "up to" is a bound.
_BY_OR_TO = re.compile(r"(?<!\bup )\b(by|to)\s+(?:about|around|roughly|some|nearly|almost|more than|over|at least|"
                       r"approximately|an estimated|just over|just under)?\s*$", re.IGNORECASE)


def change_or_level(r: Reading, q: Quantity) -> str | None:
    """"change" for a figure after "by", "level" for one after "to", else None."""
    m = _BY_OR_TO.search(r.text, max(0, q.span.start - 30), q.span.start)
    if m is None:
        return "change" if _CHANGE_AFTER.match(r.text, q.span.end) else None  # "a 3.45 rupee per unit rise"
    return {"by": "change", "to": "level"}[m.group(1).lower()]


_CHANGE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:rise|increase|hike|cut|reduction|fall|drop|decline)\b(?!\s+to\b)",
                           re.IGNORECASE)


# A part of a group, partitive ("Fewer than 22,000 of the households whose homes were damaged"):
# against the group's total ("damaged or destroyed some 47,000 homes") it is a subset, which
# conflicts only when it is the larger.
# The group is itself described ("of the households *whose homes were damaged*"): the part is
# picked out of it by another predicate. A part of a whole not described ("22 of its sailings
# would be cancelled") is a count of what its own verb says, compared as ever.
_PARTITIVE = re.compile(r"^(?:\s*[\w,.]+){0,3}?\s+of\s+(?:the|those|these)\s+(?:[\w-]+\s+){1,3}?(?:whose|who|that|which|where|"
                        r"[a-z]+ed)\b", re.IGNORECASE)


def part_of(r: Reading, q: Quantity) -> bool:
    return bool(_PARTITIVE.match(r.text[q.span.start:q.span.end + 60]))


def counts_the_group(pr: Reading, part: Quantity, wr: Reading, whole: Quantity) -> bool:
    """The other figure counts the group the part is picked from: its verb is the group's
    description ("damaged or destroyed some 47,000 homes" / "22,000 of the households whose homes
    were *damaged*"), not the part's own ("About 38,000 households have *received* a payment" /
    "22,000 of the households ... had *received* any payment": one count, read two ways)."""
    m = _PARTITIVE.match(pr.text[part.span.start:part.span.end + 60])
    groups = {t[0] for t in pr.tree if part.span.start <= t[0] < part.span.start + m.end() and t[3] == "pobj"}
    described = {t[1] for t in pr.tree if t[4] in groups and t[2] == "VERB"}
    verbs = {t[1] for t in wr.tree if whole.span.start - 40 <= t[0] < whole.span.start and t[2] == "VERB"}
    verbs |= {link[0][1] for link in _chain(wr, whole)[:1]}
    return bool(described & verbs)


# A figure that moves something up or down ("shares rose 14 percent", "a relative reduction of
# 38%"): a rise and a fall are two changes, not two values of one (the direction check compares
# their directions); a change is no share of a group ("6.2% of patients").
_MOVE_BEFORE = re.compile(
    r"\b(?P<up>rose|rises?|risen|rising|raise[sd]?|raising|hike[sd]?|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|increase[sd]?|"
    r"surge[sd]?|soar(?:s|ed)?|grew|strengthen(?:s|ed)?|appreciate[sd]?|"
    r"grows?|grown|rally|rallied|up)|(?P<down>fell|falls?|fallen|drop(?:s|ped)?|declined?|declines|decrease[sd]?|slid|slides?|"
    r"slump(?:s|ed)?|lost|loses?|down|reductions?|cuts?|plunge[sd]?|tumbled?|sank|weaken(?:s|ed)?|depreciate[sd]?)"
    r"\s+(?:of\s+|by\s+)?(?:about|around|roughly|some|nearly|almost|more than|over|at least|just over|just under|"
    r"an estimated|a further)?\s*$", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s*of\s+(?:all\s+|the\s+)?[a-z]", re.IGNORECASE)


# ... or the noun after it: "a 12 percent *rise* in half-year profit".
_MOVE_AFTER = re.compile(r"\s+(?:(?P<up>rise|increase|jump|gain|growth|hike)|(?P<down>fall|drop|decline|decrease|reduction|cut))\s+in\b",
                         re.IGNORECASE)


def move(r: Reading, q: Quantity) -> str | None:
    """"rise" or "fall" for a percentage change read off the word before it, "share" for a
    percentage of a group ("6.2% of patients"), else None."""
    if (q.unit or "").lower() not in ("percent", "%", "per cent"):
        return None  # "will cut about 700 dock jobs" is a transaction (held_or_moved), not a rate of change
    m = _MOVE_BEFORE.search(r.text, max(0, q.span.start - 40), q.span.start) or _MOVE_AFTER.match(r.text, q.span.end)
    if m:
        return "rise" if m.group("up") else "fall"
    return "share" if _SHARE_OF.match(r.text, q.span.end) else None


def mover(r: Reading, q: Quantity) -> str | None:
    """What a change moves: the subject of the verb before the figure ("*numbers* fell by 5%"),
    or what follows a change noun ("a cut in *fares* of 5%"); None when unsaid ("a relative
    reduction of 38%")."""
    m = _MOVE_BEFORE.search(r.text, max(0, q.span.start - 40), q.span.start)
    after = _MOVE_AFTER.match(r.text, q.span.end) if m is None else None
    at = m.start() if m else after.start(after.lastgroup) if after else -1
    tok = next((t for t in r.tree if t[0] == at), None)
    if tok is None:
        return None
    head = None
    for k in r.tree:
        if k[4] == tok[0] and k[0] != tok[0]:
            if tok[2] in ("VERB", "AUX") and k[3] == "dobj" and tok[1] in ("raise", "hike", "cut", "lower", "reduce", "increase"):
                head = k  # "The gas regulator raised consumer gas prices by 8 percent": the prices move
            elif tok[2] in ("VERB", "AUX") and k[3] in ("nsubj", "nsubjpass") and not any(
                    t[4] == tok[0] and t[3] == "dobj" and not q.span.start <= t[0] < q.span.end for t in r.tree):
                head = k
            elif tok[2] == "NOUN" and k[3] == "prep" and k[1] == "in":
                head = next((o for o in r.tree if o[4] == k[0] and o[3] == "pobj"), None)
            if head is not None:
                break
    if head is None:
        return None
    kinds = [t[1] for t in r.tree if t[4] == head[0] and t[3] in ("compound", "amod") and t[0] < head[0]]
    return " ".join(kinds + [head[1]])


def _other_periods(cr: Reading, er: Reading) -> bool:
    """Both sides date their change, in no common month ("Consumer prices rose 4.1 percent in May"
    / "... rose 3.2 percent in April"; "rose 9 percent on Monday" / "fell 12 percent in September")."""
    a = {d.value[:7] for d in cr.dates if d.value and d.granularity in ("day", "month", "week")}
    b = {d.value[:7] for d in er.dates if d.value and d.granularity in ("day", "month", "week")}
    return bool(a and b and not a & b)


# A part of a year ("first-quarter revenue of 57 million euros") against a whole year's figure
# ("had revenue of 210 million euros last year"): two periods' figures.
_PART_OF_YEAR = re.compile(r"\b(?:(?:first|second|third|fourth)[- ]quarter|q[1-4]|half[- ]year(?:ly)?|(?:first|second)[- ]half|quarterly|"
                           r"(?:three|six|nine)[- ]months?|monthly)\b", re.IGNORECASE)
_WHOLE_YEAR = re.compile(r"\b(?:last year|annual|annually|full[- ]year|a year|per year|(?:in|for) (?:19|20)\d\d)\b", re.IGNORECASE)


def part_and_whole_year(cr: Reading, er: Reading) -> bool:
    pa, pb = bool(_PART_OF_YEAR.search(cr.text)), bool(_PART_OF_YEAR.search(er.text))
    return (pa and not pb and bool(_WHOLE_YEAR.search(er.text))) or (pb and not pa and bool(_WHOLE_YEAR.search(cr.text)))


def _same_mover(a: str | None, b: str | None) -> bool:
    """Both sides say what moved, and it is one thing ("passenger numbers fell by 5%" /
    "passenger numbers rose by 2%": one figure, read two ways). A rise of shares and an unsaid
    reduction ("its shares rose 14 percent" / "a relative reduction of 38%") are two."""
    if not (a and b):
        return False
    ha, hb = a.split()[-1], b.split()[-1]
    return (ha == hb or lexicon.related(ha, "n", hb, "n") == "synonym") and not _other_movers(a, b)


# Measures whose bare name is the headline figure, so that one of a kind is another measure:
# "inflation" is all prices, "food inflation" a part of them; "unemployment" / "youth
# unemployment". ("prices" alone may be the story's beef prices: not in this list.)
HEADLINE_MEASURES = frozenset("inflation unemployment growth gdp".split())


def _other_movers(a: str | None, b: str | None) -> bool:
    """Two named things moved: other heads ("food and non-alcoholic beverages" / "prices"), or one
    head of two kinds ("beef prices" / "consumer prices"); "prices" alone may be either."""
    if not (a and b):
        return False
    (*ka, ha), (*kb, hb) = a.split(), b.split()
    if ha != hb and lexicon.related(ha, "n", hb, "n") != "synonym":
        return True
    if ha == hb and ha in HEADLINE_MEASURES and bool(ka) != bool(kb):  # "inflation" / "food inflation"
        return True
    return bool(ka and kb and set(ka) != set(kb))  # "consumer prices" / "consumer gas prices"


# ------------------------------------------------------------------------ whose figure
# Entity labels that can own a figure: a company, a body, a place, a person.
OWNER_LABELS = frozenset({"ORG", "GPE", "FAC", "PERSON", "LOC"})


def _subtree(r: Reading, top: tuple) -> set[int]:
    kids = children(r)
    out, todo = set(), [top]
    while todo:
        t = todo.pop()
        out.add(t[0])
        todo += kids.get(t[0], [])
    return out


def owner_names(r: Reading, q: Quantity) -> list[str]:
    """Who the figure belongs to, as named: names in its own phrase ("About 800 workers at the
    smaller Loma Roja mine") or in the subject of the verb above it ("Kriti Lines will raise fares
    ... by 7%", "Fires in Saskatchewan have burned more than 120,000 hectares")."""
    head = _head_token(r, q)
    if head is None:
        return []
    starts = _subtree(r, head)
    chain = _chain(r, q)
    if chain:
        verb = chain[0][0]
        for t in r.tree:
            if t[4] == verb[0] and t[3] in ("nsubj", "nsubjpass") and t[0] != verb[0]:
                starts |= _subtree(r, t)
        # A clause describing a place or party holds its figure: "Moncton, where the rental vacancy
        # rate stood at 2.9 percent last year".
        if verb[3] == "relcl":
            starts.add(verb[4])
    return [e.span.text for e in r.entities if e.label in OWNER_LABELS and any(e.span.start <= s < e.span.end for s in starts)]


def _verb_of(r: Reading, q: Quantity, kinds: tuple[str, ...] = ("VERB",)) -> tuple | None:
    """The first verb (or, with ``kinds``, copula) above a figure."""
    by_start = {t[0]: t for t in r.tree}
    t = _head_token(r, q)
    for _ in range(6):
        if t is None or t[4] == t[0]:
            return None
        t = by_start.get(t[4])
        if t is not None and t[2] in kinds:
            return t
    return None


def _unrelated(a, b) -> bool:
    """Two non-empty sets of nouns, none the same as or related in WordNet to one on the other side."""
    return bool(a and b) and not any(x == y or lexicon.related(x, "n", y, "n") is not None for x in a for y in b)


# How far up the parse a place may hang below its figure's noun or verb.
FIGURE_PLACE_STEPS = 5


def figure_places(r: Reading, q: Quantity) -> list:
    """The countries and regions a figure is "in": hanging on its counted noun or its verb
    ("troops *in Europe*", "are stationed *in Germany*")."""
    by_start = {t[0]: t for t in r.tree}
    anchors = {t[0] for t in (_head_token(r, q), _verb_of(r, q, ("VERB", "AUX"))) if t is not None}
    out = []
    for p in r.places:
        if p.kind not in ("country", "region") or not re.search(r"\bin\s+(?:the\s+)?$", r.text[max(0, p.span.start - 8):p.span.start]):
            continue
        t = next((t for t in r.tree if t[0] == p.span.start), None)
        for _ in range(FIGURE_PLACE_STEPS):  # up through nouns ("the deployment ... with the KFOR force in Kosovo")
            if t is None or t[4] == t[0]:
                break
            t = by_start.get(t[4])
            if t is not None and t[0] in anchors:
                out.append(p)
                break
            if t is not None and t[2] in ("VERB", "AUX"):
                break
    return out
