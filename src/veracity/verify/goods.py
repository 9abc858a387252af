"""What a figure is of: the goods a price is for ("Diesel now costs 118 taka"), the goods a
weight or volume measures ("6.2 million tonnes of maize"), which of a series a sum is ("the
second Arctic package"), and a sum a thing costs a party ("could cost local firms up to 50
million crowns"). Asked by :func:`veracity.verify.measured.different_quantities`."""

from __future__ import annotations

import re

from ..records import Quantity
from . import lexicon
from .counted import _head_token, _unrelated, _verb_of, is_money
from .parties import children
from .reading import Reading
from .ruled_out import named_countries


# Words for what a price is, not for what is priced.
PRICE_WORDS = frozenset("price cost fare tariff rate charge fee".split())
# Verbs whose object is the thing priced: "to sell diesel at 118 taka per litre".
TRADE_VERBS = frozenset("sell buy retail trade".split())
# Verbs whose subject is the thing priced: "Diesel now costs 118 taka".
COST_VERBS = frozenset("cost rise fall climb jump increase decrease go reach stand".split())


def priced(r: Reading, q: Quantity) -> set[str]:
    """What a sum of money is the price of: the subject of its verb ("Diesel now costs 118 taka"),
    what a price word's "of" names ("The prices of octane and petrol rose ... to 131 taka"), or a
    trading verb's object ("to sell diesel at 118 taka per litre"), with the nouns joined to it."""
    v = _verb_of(r, q)
    if v is None or not is_money(q):
        return set()
    kids = children(r)
    deps = ("dobj",) if v[1] in TRADE_VERBS else ("nsubj", "nsubjpass")
    heads = [k for k in kids.get(v[0], []) if k[3] in deps and k[2] in ("NOUN", "PROPN")]
    out: set[str] = set()
    for h in heads:
        if h[1] in PRICE_WORDS:
            named = [g for p in kids.get(h[0], []) if p[3] == "prep" and p[1] == "of" for g in kids.get(p[0], []) if g[3] == "pobj"]
            named += [k for k in kids.get(h[0], []) if k[3] == "compound"]
        elif v[1] in COST_VERBS or v[1] in TRADE_VERBS:  # not who pays: "The agency paid ... 248 dollars a ton"
            named = [h]
        else:
            continue
        for n in named:
            out |= {n[1]} | {k[1] for k in kids.get(n[0], []) if k[3] == "conj" and k[2] in ("NOUN", "PROPN")}
    return out - PRICE_WORDS


def _other_goods(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """Prices of two goods: one of the figures is a price per item ("118 taka a litre"), not a
    total ("The project cost 3.2 billion dollars" / "the total cost of the Line 3 monorail")."""
    from .figures import per_item  # figures asks this module first: imported here, not at the top

    if not (per_item(c, cr.text) or per_item(e, er.text)):
        return False
    return _unrelated(priced(cr, c), priced(er, e))


# Units of a quantity of goods (not of a count, whose noun is the thing itself).
MEASURE_UNITS = frozenset("tonne tonnes ton tons litre litres liter liters barrel barrels gallon gallons kilogram kilograms "
                          "kg bushel bushels cubic bales bale".split())
# Nouns for a measure of goods, not for which goods: "the sunflower *crop*", "its *forecast* for".
MEASURE_NOUNS = frozenset("crop harvest output production forecast estimate export import shipment stock yield volume "
                          "figure total amount quantity sale capacity level supply demand consumption".split())


def _kind_words(r: Reading, q: Quantity) -> set[str]:
    """The goods a figure of weight or volume measures: what follows it with "of" ("6.2 million
    tonnes *of maize*"), or the nouns compounded with its verb's subject ("The *sunflower* crop is
    expected at about 2.1 million tonnes") or with what that subject is of or for ("its forecast
    for this year's *maize* crop stood at")."""
    if not MEASURE_UNITS & set((q.unit or "").lower().split()) and not MEASURE_UNITS & set(q.span.text.lower().split()):
        return set()
    kids = children(r)
    compounds = lambda t: {k[1] for k in kids.get(t[0], []) if k[3] == "compound" and k[2] == "NOUN"}  # noqa: E731
    out: set[str] = set()
    h = _head_token(r, q)
    if h is not None:
        for g in (g for p in kids.get(h[0], []) if p[3] == "prep" and p[1] == "of" for g in kids.get(p[0], []) if g[3] == "pobj"):
            if g[2] == "NOUN":
                out |= compounds(g) or ({g[1]} - MEASURE_NOUNS)
    v = _verb_of(r, q)
    if v is not None:
        subjects = [k for k in kids.get(v[0], []) if k[3] in ("nsubj", "nsubjpass") and k[2] == "NOUN"]
        subjects += [g for sj in subjects for p in kids.get(sj[0], []) if p[3] == "prep" and p[1] in ("of", "for")
                     for g in kids.get(p[0], []) if g[3] == "pobj" and g[2] == "NOUN"]
        out |= {w for t in subjects if t[1] in MEASURE_NOUNS for w in compounds(t)}
    return out


def _other_kinds(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """Figures of two kinds of goods, unrelated in WordNet: "the sunflower crop is expected at
    about 2.1 million tonnes" / "its forecast for this year's maize crop stood at 12.6 million
    tonnes", or "3 million tonnes of maize"."""
    return _unrelated(_kind_words(cr, c), _kind_words(er, e))


# Words telling one of a series from another: "the *second* Arctic package of about 27 billion
# kroner" is not "an Arctic defence package worth about 14.6 billion kroner".
SERIES_WORDS = frozenset("second third fourth fifth sixth new another next previous latest earlier".split())


def _in_series(r: Reading, q: Quantity) -> str | None:
    """The series word on the noun a sum is of or the worth of, if any."""
    by_start, kids = {t[0]: t for t in r.tree}, children(r)
    h = _head_token(r, q)
    up = by_start.get(h[4]) if h is not None else None
    noun = by_start.get(up[4]) if up is not None and up[1] in ("of", "worth") else None
    if noun is None or noun[2] != "NOUN":
        return None
    return next((k[1] for k in kids.get(noun[0], []) if k[3] in ("amod", "det") and k[1] in SERIES_WORDS), None)


_LOST_AFTER = re.compile(r"\s+(?:in|of)\s+(?:lost|forgone|missed)\b|\s+in\s+(?:losses|damage)\b", re.IGNORECASE)


def _lost_by(r: Reading, q: Quantity) -> bool:
    """A sum a thing costs a party in what it loses: "could cost *local firms* up to 50 million
    crowns in lost trade"; not what it pays ("Fuel subsidies cost the state about 45 billion taka")."""
    if not _LOST_AFTER.match(r.text, q.span.end):
        return False
    v = _verb_of(r, q)
    return v is not None and v[1] == "cost" and any(t[4] == v[0] and t[3] in ("dative", "dobj") and t[2] in ("NOUN", "PROPN", "PRON")
                                                    and v[0] < t[0] < q.span.start for t in r.tree)  # not "costs 118 taka a litre"


def _demonym_kind(r: Reading, q: Quantity) -> frozenset[str]:
    """The country a figure's own adjective makes its things of ("some 70 *Cambodian* objects")."""
    pos = {t[0]: t[2] for t in r.tree}
    return frozenset(c for p in r.places if q.span.start <= p.span.start and p.span.end <= q.span.end and len(p.codes) == 1
                     and pos.get(p.span.start) == "ADJ" for c in p.codes)


def one_country_kind(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """One figure counts one country's things, the other those of a region holding it, its
    sentence never naming that country: "the museum's Southeast Asian collection, which numbers
    about 1,200 objects" / "some 70 Cambodian objects in European collections". A sentence naming
    no region may count the same country's things ("About 300 Dutch soldiers would accompany the
    system" / "around 120 military personnel would accompany the system"); a sum of money's
    demonym is its currency's ("180 million Danish crowns")."""
    if is_money(c) or is_money(e):
        return False
    ka, kb = _demonym_kind(cr, c), _demonym_kind(er, e)
    if bool(ka) == bool(kb):
        return False
    kind, other = (ka, er) if ka else (kb, cr)
    regions = {code for p in other.places if len(p.codes) > 1 for code in p.codes}
    return kind <= regions and not kind & named_countries(other)


# A figure right after a part's "of": the whole it is picked from ("between 49 and 52 *of the
# 109 seats*"), compared only with another whole.
_WHOLE_BEFORE = re.compile(r"\b\d[\d,.]*\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)


def whole_of_part(r: Reading, q: Quantity) -> bool:
    return bool(_WHOLE_BEFORE.search(r.text, max(0, q.span.start - 30), q.span.start))


# ... and the rest of a whole ("with the rest coming from *the other three* countries").
_REST_BEFORE = re.compile(r"\b(?:the\s+)?(?:other|remaining)\s+$", re.IGNORECASE)


def rest_of(r: Reading, q: Quantity) -> bool:
    return bool(_REST_BEFORE.search(r.text, max(0, q.span.start - 16), q.span.start))


def _compound_kind(r: Reading, q: Quantity) -> str | None:
    """The counted noun with the word before it, when WordNet knows the two as one kind of thing
    ("23 rural *primary schools*" -> "primary school")."""
    toks = [t for t in r.tree if q.span.start <= t[0] < q.span.end]
    if len(toks) < 2 or toks[-1][2] != "NOUN" or toks[-2][2] not in ("ADJ", "NOUN"):
        return None
    kind = f"{r.text[toks[-2][0]:].split()[0].lower()} {toks[-1][1]}"
    return kind if lexicon.available() and lexicon.known(kind, "n") else None


def two_compound_kinds(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """Figures of two kinds of one thing, each named as a kind ("will close 23 rural primary
    schools" / "in 120 middle schools")."""
    a, b = _compound_kind(cr, c), _compound_kind(er, e)
    return bool(a and b) and a != b and lexicon.related(a.replace(" ", "_"), "n", b.replace(" ", "_"), "n") is None


# Words naming a group within those counted: "8,300 registered *youth* players" are some of
# "about 24,000 registered players".
# ("rural", "urban", "foreign", "local" describe where or whose: "about 900 foreign soldiers, not
# 2,500 as reported" is the same figure as "about 2,500 troops"; not here.)
SUBGROUP_WORDS = frozenset("youth junior senior female male women men girls boys child children adult elderly "
                           "professional amateur part-time full-time first-time permanent temporary seasonal".split())


def _group_words(r: Reading, q: Quantity) -> set[str]:
    return {w.strip(",.").lower() for w in q.span.text.split()} & SUBGROUP_WORDS


def one_group(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """One side counts a group within what the other counts, by a word naming it ("about 24,000
    registered players" / "8,300 registered youth players"), or two such groups ("1,200 women" /
    "900 men")."""
    return _group_words(cr, c) != _group_words(er, e)


# Which tranche a sum is: "an initial 50 million ringgit" / "A further 20 million ringgit".
_TRANCHE = re.compile(r"\b(the\s+|an?\s+)?(initial|first|further|additional|another|extra|second|third)\s+$", re.IGNORECASE)


def _tranche(r: Reading, q: Quantity) -> str | None:
    m = _TRANCHE.search(r.text, max(0, q.span.start - 24), q.span.start)
    if m is None:
        return None
    if m.group(2).lower() in ("initial", "first"):
        return "batch" if (m.group(1) or "").strip().lower() == "the" else "first"
    return "more"


def two_tranches(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """Two tranches ("an initial 50 million ringgit" / "A further 20 million ringgit"), or the first
    batch of a whole against the whole ("the first 300 officers would arrive in early May" / "will
    send 600 police officers")."""
    a, b = _tranche(cr, c), _tranche(er, e)
    if a == b:
        return False
    if a and b:
        return True
    # (a first batch larger than the other figure cannot be part of it: "The first 400,000 doses are
    # due ... in August" / "A shipment of 300,000 doses ... is due ... in August" still conflict)
    batch, other = (c, e) if a == "batch" else (e, c) if b == "batch" else (None, None)
    return batch is not None and batch.value <= (other.value_max or other.value)


# What a weight or volume of goods measures: what is grown or dug ("its forecast for this year's
# maize crop stood at 12.6 million tonnes") or what is shipped or sold ("expected to load 3
# million tonnes of maize for export"). A crop and one exporter's loadings are two quantities.
GROWN = frozenset("crop crops harvest harvests output production produce produced yield yields grow grown mine mined "
                  "pump pumped extract extracted".split())
SHIPPED = frozenset("export exports exported exporting import imports imported load loaded loading loadings ship shipped "
                    "shipping shipment shipments sell sold sale sales deliver delivered deliveries".split())
_WORD = re.compile(r"[a-z]+")
# Characters around a figure read for those words: its own phrase, not the sentence.
FLOW_BEFORE, FLOW_AFTER = 40, 30


def _flow(r: Reading, q: Quantity) -> str | None:
    words = set(_WORD.findall(r.text[max(0, q.span.start - FLOW_BEFORE):q.span.end + FLOW_AFTER].lower()))
    grown, shipped = bool(words & GROWN), bool(words & SHIPPED)
    return "grown" if grown and not shipped else "shipped" if shipped and not grown else None


def grown_and_shipped(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """One figure a crop or output, the other what is shipped or sold (see GROWN)."""
    if c.unit in (None, "percent") or is_money(c):
        return False
    a, b = _flow(cr, c), _flow(er, e)
    return bool(a and b and a != b)


# Words that make one measure of a thing another ("Gross official reserves fell to 410 million
# dollars" / "Usable reserves ... amounted to 90 million dollars"): two such words on the subjects
# of two figures' verbs, one on each side and not the same, are two measures.
MEASURES = frozenset("gross net usable core headline underlying nominal real total adjusted liquid".split())


def _measure_words(r: Reading, q: Quantity) -> set[str]:
    v = _verb_of(r, q, ("VERB", "AUX"))
    if v is None:
        return set()
    subjects = [t for t in r.tree if t[4] == v[0] and t[3] in ("nsubj", "nsubjpass") and t[0] != v[0]]
    return {t[1] for s in subjects for t in r.tree if t[4] == s[0] and t[3] in ("amod", "compound") and t[1] in MEASURES}


def two_measures(cr: Reading, c: Quantity, er: Reading, e: Quantity) -> bool:
    """The figures' subjects are two measures of one thing (see MEASURES)."""
    a, b = _measure_words(cr, c), _measure_words(er, e)
    return bool(a and b and not a & b)
