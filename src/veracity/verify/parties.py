"""Who does what: a sentence's main predicates, who acts in them, and whether two sentences
are about different parties.

Two figures, places or dates conflict only when they describe one event. "The health ministry
will hire 2,000 additional nurses ... in the north of England" and "The Scottish government
said it would recruit 500 nurses ... in Glasgow and Edinburgh" count nurses for two
employers; "Sundlinjen carried 1.2 million passengers" and "Västtrafik's ferries in Gothenburg
carried 3 million passengers" count two operators' passengers. A fact-checker reads who does
the counted thing (the agent of the verb: "the ministry will hire", "the Scottish government
... would recruit") or whose it is (the possessor: "Västtrafik's ferries") before comparing
the figures. :func:`different_parties` does that on the parse of both sides
(:mod:`veracity.verify.reading`): each side names its acting party, and neither side's party
is named anywhere on the other side.

A party is named by the proper names in the agent's phrase (people, organisations, places,
nationalities) and, for an organisation named by a common noun, by the words that tell it
apart ("the *health* ministry", "the *Scottish* government"). A party only a generic word
names ("the ministry", "the company", "it") could be anyone, and never makes two sides
different.
"""

from __future__ import annotations

import re

from ..claims.gazetteer import city
from ..records import Span
from ..claims.places import resolve_demonym, resolve_name
from . import lexicon
from .checks import _STOP
from .reading import Reading

# Verbs whose subject speaks about an event rather than acting in it.
SPEAKING = frozenset("""say tell report add claim state announce confirm write quote cite accord insist note explain
describe reveal suggest show indicate argue warn believe think know see hear learn understand appear seem""".split())
# Verbs that carry no event of their own: reporting, planning, aspect and light verbs. A
# claim's predicate is read through them ("plans to close" -> close, "has offered to pay" ->
# pay), and they are never what two reports must share.
NOT_EVENTS = SPEAKING | frozenset("""plan intend expect aim hope want wish seek propose offer set prepare schedule try attempt continue keep
be have do go get make take become remain need begin start decide agree promise pledge threaten consider
help allow let cause use include involve""".split())
# Event nouns a verb may hang on ("in talks to supply", "a plan to close", "a deal to buy"):
# the noun may stand for the event when the evidence names it instead of the verb.
EVENT_DEPS = frozenset({"acl"})
# Clauses that add a consequence or a detail to the main event ("..., putting 250 jobs at
# risk", "bribes linked to land rezoning", "nations, many of which remain hesitant"): not the
# sentence's main predicate.
SECONDARY_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp", "amod", "npadvmod", "csubj", "compound"})
# Steps walked up the parse from a verb towards the root (a news sentence's tree is rarely
# deeper; the bound only guards against a malformed parse).
MAX_DEPTH = 12
# Words that do not tell one party from another ("Cumbria County Council" and "Cumbria" are
# one party by "cumbria", not by "council").
GENERIC = frozenset("council county city state government ministry department group bank company party union "
                    "committee board authority agency office association federation club university the of and for "
                    # corporate suffixes: "Kriti Lines" and "Aegean Blue Lines" are two operators
                    "lines airlines airways shipping holdings industries corporation international limited inc ltd plc "
                    # a body's own members: "member states had agreed to ..." is the EU acting
                    "member members".split())
# Common nouns that head an organisation: their modifiers name which one ("the health ministry",
# "the Scottish government", "the transport workers' union").
ORG_HEADS = GENERIC | frozenset("operator airline firm trust court police army navy regulator watchdog commission "
                                "parliament assembly administration cabinet institute service services executive".split())
# Entity labels that name a party (NORP: "the Scottish government", "Swedish officials").
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Dependencies that leave the agent's own phrase: where or when it acts, what it does.
_OUTSIDE_PHRASE = frozenset({"prep", "relcl", "acl", "advcl", "punct", "cc", "det", "case"})
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]+")


def names(r: Reading) -> dict[str, object]:
    """Named parties (people, organisations, places) by lower-case name, with their spans.
    Nationalities ("European", "Ukrainian") name no one in particular; countries are matched
    by code instead."""
    out: dict[str, object] = {}
    for e in r.entities:
        if e.label in ("PERSON", "ORG", "GPE"):
            key = e.span.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("\u2019s").strip()
            out.setdefault(key, e.span)
    return out


def same_names(a: set[str], b: set[str]) -> set[str]:
    """Names of ``a`` that share a distinctive (non-generic) word with a name of ``b``; not a
    place's government and another body named for the place (:func:`_place_body_and_other`).
    A place and its government share it whole ("bergen" / "bergen city council")."""
    out = set()
    for x in a:
        xs = set(x.split()) - GENERIC
        for y in b:
            ys = set(y.split()) - GENERIC
            shared = xs & ys
            if shared and not _place_body_and_other(set(x.split()), set(y.split()), xs - shared, ys - shared, shared):
                out.add(x)
    return out


# Words that make a name the place's own government ("Bergen city council", "the Kigoma regional
# administration").
GOVERNMENT_WORDS = frozenset("city council municipality municipal government county region regional state provincial "
                             "province administration mayor".split())


def _place_body_and_other(x: set[str], y: set[str], x_rest: set[str], y_rest: set[str], shared: set[str]) -> bool:
    """One name is the place's government, the other a body of its own named for the place:
    they share only the place's name ("bergen city council" / "bergen hotel association").
    A company's short name stays its name ("alvorada" / "alvorada aeronautica")."""
    if not all(_place_word(w) for w in shared):
        return False
    return bool((x & GOVERNMENT_WORDS and y_rest) or (y & GOVERNMENT_WORDS and x_rest))


def _place_word(word: str) -> bool:
    """A country, region or city name (the tables, then the city gazetteer)."""
    known = resolve_name(word.capitalize())
    return (known is not None and known[2] != "unknown") or city(word.capitalize()) is not None


# ------------------------------------------------------------------------ the parse
def children(r: Reading) -> dict[int, list[tuple]]:
    """Each token's dependents in the parse, by the head's start (the root is no child of itself)."""
    kids: dict[int, list[tuple]] = {}
    for t in r.tree:
        if t[4] != t[0]:
            kids.setdefault(t[4], []).append(t)
    return kids


def surface(r: Reading, start: int) -> str:
    m = _WORD.match(r.text.lower(), start)
    return m.group() if m else ""


def to_infinitive(r: Reading, verb_start: int) -> bool:
    return any(lem == "to" and dep == "aux" and h == verb_start for _s, lem, _p, dep, h in r.tree)


def main_predicates(r: Reading) -> list[tuple[int, str, int | None, str | None]]:
    """(start, lemma, event noun start, event noun surface) of the sentence's main predicates:
    content verbs reached from the root through verbs that carry no event ("plans to close")
    and event nouns ("in talks to merge"), not through a clause that adds a detail."""
    by_start = {t[0]: t for t in r.tree}
    out = []
    for start, lem, pos, dep, head in r.tree:
        if pos != "VERB" or lem in NOT_EVENTS or not lem.isalpha():
            continue
        noun = by_start.get(head) if dep in EVENT_DEPS and to_infinitive(r, start) else None
        if noun is not None and noun[2] != "NOUN":
            noun = None
        main, cur, steps = True, start, 0
        while steps < MAX_DEPTH:
            _, _, _, d, h = by_start[cur]
            if h == cur or h not in by_start:
                break
            if d in SECONDARY_DEPS and not (noun is not None and cur == start):
                main = False
                break
            hl, hp = by_start[h][1], by_start[h][2]
            if hp == "VERB" and hl not in NOT_EVENTS:
                main = False
                break
            cur, steps = h, steps + 1
        if main:
            out.append((start, lem, noun[0], surface(r, noun[0])) if noun else (start, lem, None, None))
    return out


RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# How far up a pronoun's clause the reporting verb is looked for: "Kaiyo Logistics said ... it had
# agreed to contribute ... to Bach Dang International, the ... operator ... in which it holds 49
# percent" climbs through an apposition, a preposition and two verbs.
PRONOUN_STEPS = 6
# Heads an agent is looked for through: "plans to close" (xcomp), "hire and train" (conj), "in
# talks to merge" (acl, pobj, prep), "unveiled a plan to deploy" (acl, dobj).
_UP_TO_SUBJECT = frozenset({"xcomp", "conj", "acl", "pobj", "prep", "dobj", "attr"})


def agent(r: Reading, start: int) -> tuple | None:
    """The token heading who does the predicate at ``start``: its subject, found through the
    verbs and event nouns it hangs on; the "by" phrase of a passive (whose subject is what is
    done to); a pronoun replaced by the subject of the reporting verb above it ("The Scottish
    government said it would recruit ...")."""
    by_start = {t[0]: t for t in r.tree}
    kids = children(r)
    cur, found = by_start.get(start), None
    for _ in range(MAX_DEPTH):
        if cur is None:
            return None
        ks = kids.get(cur[0], [])
        subj = next((k for k in ks if k[3] == "nsubj"), None)
        if subj is not None:
            found = subj
            break
        if any(k[3] == "nsubjpass" for k in ks):
            by = next((k for k in ks if k[3] == "agent"), None)
            found = next((k for k in kids.get(by[0], []) if k[3] == "pobj"), None) if by else None
            break
        if cur[3] not in _UP_TO_SUBJECT or cur[4] == cur[0]:
            return None
        cur = by_start.get(cur[4])
    if found is None or found[2] != "PRON":
        return found
    verb = by_start.get(found[4])  # a pronoun: the subject of the reporting verb above
    # ... a relative pronoun: the noun its clause describes ("Song Hong Port Corporation, which holds 51 percent")
    if found[1] in RELATIVE_PRONOUNS and verb is not None and verb[3] == "relcl":
        return by_start.get(verb[4])
    for _ in range(PRONOUN_STEPS):
        if verb is None or verb[4] == verb[0]:
            return None
        if verb[3] in ("ccomp", "xcomp", "advcl"):
            sub = next((k for k in kids.get(verb[4], []) if k[3] in ("nsubj", "nsubjpass")), None)
            if sub is not None and sub[2] != "PRON":
                return sub
        verb = by_start.get(verb[4])
    return None


def _phrase(r: Reading, head: tuple) -> list[tuple]:
    """The agent's own phrase: its head with its possessor, modifiers, conjuncts and
    appositions, not where or when it acts ("Västtrafik's ferries *in Gothenburg*")."""
    kids = children(r)
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [k for k in kids.get(t[0], []) if k[3] not in _OUTSIDE_PHRASE]
    return out


def _key_words(text: str) -> set[str]:
    """The words that tell a party: not the common noun heading it ("Greek ferry *operator* Aegean
    Blue Lines" is not "the Crete-based operator")."""
    out = set()
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"['\u2019]s?$", "", w)
        if len(w) > 2 and w not in ORG_HEADS and w not in _STOP:
            out.add(w)
    return out


# Prepositions after a common noun that say whose it is ("Traffic through Storskog", "output at
# Cerro Plomo", "sales of Volvo"), when the noun itself names no one; never "in" (where).
WHOSE_PREPS = frozenset({"through", "of", "at"})


def party_words(r: Reading, head: tuple) -> set[str]:
    """Words that name the party headed at ``head``: the names in its phrase, and the
    modifiers of an organisation named by a common noun. Empty for "it", "the ministry"."""
    out = _party_words(r, head)
    if not out and head[2] == "NOUN":
        kids = children(r)
        for k in kids.get(head[0], []):
            if k[3] == "prep" and k[1] in WHOSE_PREPS:
                for obj in kids.get(k[0], []):
                    if obj[3] == "pobj" and obj[2] == "PROPN":
                        out |= _party_words(r, obj)
    return out


def _party_words(r: Reading, head: tuple) -> set[str]:
    phrase = _phrase(r, head)
    starts = {t[0] for t in phrase}
    out: set[str] = set()
    for e in r.entities:
        if e.label in PARTY_LABELS and any(e.span.start <= s < e.span.end for s in starts):
            out |= _key_words(e.span.text)
    for s, lem, pos, dep, h in phrase:
        if pos == "PROPN":
            out |= _key_words(surface(r, s))
        elif dep in ("compound", "amod") and any(t[0] == h and t[1] in ORG_HEADS for t in phrase):
            out |= _key_words(surface(r, s))
    return out


def acting_parties(r: Reading) -> set[str]:
    """Words naming who acts in the sentence's main predicates (see :func:`party_words`)."""
    out: set[str] = set()
    starts = [start for start, *_ in main_predicates(r)]
    if not starts:
        # Only a light verb carries the sentence ("Chile's fisheries authority *set* the 2026
        # anchovy quota at 780,000 tonnes"): its subject still acts, unless it only speaks.
        starts = [s for s, lem, pos, _d, h in r.tree if s == h and pos == "VERB" and lem not in SPEAKING]
    for start in starts:
        a = agent(r, start)
        if a is not None:
            out |= party_words(r, a)
    return out



def _countries(words: set[str]) -> set[str]:
    """A nationality names its country too ("Swedish" ~ "Sweden"); a region's ("European") no
    one country."""
    out = set(words)
    for w in words:
        d = resolve_demonym(w)
        if d is not None and len(d[1]) == 1:
            out |= _key_words(d[0])
    return out


def _mentions(r: Reading) -> set[str]:
    words = _key_words(r.text)
    # ... and the parts of a hyphenated word ("Guardian-class patrol boats" names "Guardian").
    return _countries(words | {p for w in words if "-" in w for p in w.split("-") if len(p) > 2})


# Kinds of place that can themselves be a party: a country ("Norway said") or a group of
# countries ("others, particularly in Scandinavia, have voiced opposition"). A city or a
# region inside a country is where a party acts, not the party (the Scottish government is not
# the UK health ministry because both act in the UK).
PARTY_PLACE_KINDS = ("country", "region")


def _party_countries(words: set[str]) -> set[str]:
    """ISO codes of the countries a party's words name, a group of countries by its members
    ("scandinavia" -> DK NO SE)."""
    out: set[str] = set()
    for w in words:
        got = resolve_name(w)
        if got is not None and got[2] in PARTY_PLACE_KINDS:
            out |= set(got[1])
    return out


def _named_beyond_home(words: set[str]) -> set[str]:
    """A party named only by where it is based ("The Dubai-based operator") is named by no name
    of its own: its words are dropped."""
    if any(w.endswith("-based") for w in words):
        home = {w.removesuffix("-based") for w in words if w.endswith("-based")}
        rest = words - home - {w for w in words if w.endswith("-based")} - {"based"}
        return rest
    return words


def different_parties(claim: Reading, evidence: Reading) -> str | None:
    """"'health' vs 'scottish'" when each side names who acts and neither side's party is
    named anywhere on the other side (two employers, two operators: two events); None when
    the parties are the same, overlap, or either side names none. Countries and the groups
    they belong to are one party ("Scandinavia" and "Denmark, Norway and Sweden")."""
    a, b = _named_beyond_home(acting_parties(claim)), _named_beyond_home(acting_parties(evidence))
    if not a or not b or _countries(a) & _mentions(evidence) or _countries(b) & _mentions(claim):
        return None
    if _party_countries(a) & _party_countries(b):
        return None
    return f"{', '.join(sorted(a))} vs {', '.join(sorted(b))}"


def other_agent_nouns(claim: Reading, v: tuple, evidence: Reading, w: tuple, own: tuple[Span, Span] | None = None) -> str | None:
    """"'region' vs 'clinic'" when the two verbs are done by parties named only by a common noun,
    two nouns WordNet does not relate, neither named on the other side: "the region would also
    hire 300 anaesthetists" / "the clinics would staff the sessions with ... about 90
    anaesthetists" are two employers' figures."""
    x, y = agent(claim, v[0]), agent(evidence, w[0])
    # The counted things doing it themselves ("about 2,000 allied troops were taking part") are
    # no other party.
    if own and ((x is not None and own[0].start <= x[0] < own[0].end) or (y is not None and own[1].start <= y[0] < own[1].end)):
        return None
    if x is None or y is None or x[2] != "NOUN" or y[2] != "NOUN":
        return None
    if (kinds := _other_kinds(claim, x, evidence, y)) is not None:
        return kinds
    if x[1] == y[1] or {x[1], y[1]} & GENERIC:
        return None
    if not lexicon.available() or x[1] in {t[1] for t in evidence.tree} or y[1] in {t[1] for t in claim.tree}:
        return None
    if not (lexicon.is_party_noun(x[1]) or lexicon.is_party_noun(y[1])):  # "the outage" / "the suspension": causes
        return None
    return None if lexicon.related(x[1], "n", y[1], "n") else f"{x[1]} vs {y[1]}"


def _kind_words(r: Reading, head: tuple) -> set[str]:
    """The words that say which body a noun is: its compound and adjective modifiers ("*insurance*
    regulator", "*capital market* authority"), not its owner ("Morocco's") nor a name."""
    out = set()
    for t in r.tree:
        if t[4] == head[0] and t[3] in ("compound", "amod") and t[2] in ("NOUN", "ADJ") and t[1].isalpha():
            out |= {t[1]} | {u[1] for u in r.tree if u[4] == t[0] and u[3] == "compound" and u[2] == "NOUN"}
    return out


def _other_kinds(claim: Reading, x: tuple, evidence: Reading, y: tuple) -> str | None:
    """Two bodies of two kinds, each named by what it oversees, neither kind named on the other
    side: "Morocco's *insurance* regulator" / "Morocco's *capital market* authority" (not
    "insurance regulator" / "insurance supervisor": one body)."""
    a, b = _kind_words(claim, x), _kind_words(evidence, y)
    if not a or not b or a & b or not (lexicon.available() and lexicon.is_party_noun(x[1]) and lexicon.is_party_noun(y[1])):
        return None
    low_c, low_e = claim.text.lower(), evidence.text.lower()
    if any(re.search(rf"\b{w}", low_e) for w in a) or any(re.search(rf"\b{w}", low_c) for w in b):
        return None
    return f"{' '.join(sorted(a))} {x[1]} vs {' '.join(sorted(b))} {y[1]}"


# Entity labels that name whom an action is done to, as a party ("fined Northcrest Minerals").
PATIENT_LABELS = frozenset({"PERSON", "ORG"})


def _patient_parties(r: Reading) -> set[str]:
    mains = {start for start, *_ in main_predicates(r)}
    out: set[str] = set()
    for f in r.frames:
        if f.patient is None or f.action.start not in mains:
            continue
        for e in r.entities:
            if e.label in PATIENT_LABELS and f.patient.start <= e.span.start and e.span.end <= f.patient.end:
                out |= _key_words(e.span.text)
    return out


def different_patients(claim: Reading, evidence: Reading) -> str | None:
    """"'northcrest' vs 'cordillera'" when the main action is done to a named party on each side
    and neither names the other's: "OEFA has fined Northcrest Minerals 14.6 million soles" and
    "OEFA fined Minera Cordillera Azul 3.2 million soles" are two fines, whatever they share."""
    a, b = _patient_parties(claim), _patient_parties(evidence)
    if not a or not b or a & _mentions(evidence) or b & _mentions(claim):
        return None
    return f"{', '.join(sorted(a))} vs {', '.join(sorted(b))}"


def acting_names(r: Reading) -> tuple[str, ...]:
    """Names of who acts in the main predicates, as written: the named entities of each agent's
    phrase and the phrase itself up to its head ("Sundlinjen", "Helsingborg city council",
    "Västtrafik"). What a claim is about, for telling its own source's first-hand word from an
    echo (:mod:`veracity.verify.origin`)."""
    out: dict[str, None] = {}
    for start, *_ in main_predicates(r):
        a = agent(r, start)
        if a is None or a[2] == "PRON":
            continue
        phrase = _phrase(r, a)
        starts = {t[0] for t in phrase}
        for e in r.entities:
            if e.label in ("PERSON", "ORG", "GPE") and any(e.span.start <= s < e.span.end for s in starts):
                out.setdefault(e.span.text, None)
        lo = min(t[0] for t in phrase if t[3] not in ("det",) or t is a)
        hi = a[0] + len(r.text[a[0]:].split()[0]) if r.text[a[0]:].split() else a[0]
        name = r.text[lo:hi].strip(" ,.;:'\u2019")
        bare = re.sub(r"^(?i:the)\s+", "", name)
        if len(bare) > 1 and any(c.isupper() for c in bare):  # a name, not "the ministry"
            out.setdefault(name, None)
    return tuple(out)


# Verbs that report speech: "X told Y that Z" reports Z.
REPORTING = frozenset("say tell report add state announce confirm write insist note explain warn claim".split())


def reported_content(r: Reading) -> str:
    """What a report sentence reports: the clause its root reporting verb governs ("... told the
    regional council on Monday that *repairs ... would cost about 28 million euros*"); the
    whole text when the root reports nothing."""
    root = next((t for t in r.tree if t[4] == t[0]), None)
    if root is None or root[1] not in REPORTING:
        return r.text
    kids = children(r)
    comp = next((k for k in kids.get(root[0], []) if k[3] == "ccomp"), None)
    if comp is None:
        return r.text
    starts, todo = [], [comp]
    while todo:
        t = todo.pop()
        starts.append(t[0])
        todo += kids.get(t[0], [])
    last = max(starts)
    end = last + len(r.text[last:].split()[0]) if r.text[last:].split() else last
    return r.text[min(starts):end]


# Words that set a thing apart as one already there, not the one an event is about: "Norvik's
# *existing* packaging plant in Chandler" is not the plant it "will build in Penang"; "Its
# *current* satellite serves nine South American countries" is not the one just launched.
EXISTING_WORDS = frozenset("existing current previous earlier".split())  # not "former": a title ("the former mayor")
# Steps climbed from a word to the noun or verb it hangs on (a guard against a malformed parse).
_CLIMB = 4


def of_existing(r: Reading, start: int) -> bool:
    """The word at ``start`` belongs to a thing set apart by an EXISTING_WORDS modifier: a noun
    above it in its phrase, or the subject of the verb it hangs on, has one."""
    by_start, kids = {t[0]: t for t in r.tree}, children(r)
    t = by_start.get(start)

    def marked(n: tuple) -> bool:
        return any(k[3] == "amod" and r.text[k[0]:].split()[0].lower() in EXISTING_WORDS for k in kids.get(n[0], []))

    for _ in range(_CLIMB):
        if t is None:
            return False
        if t[2] in ("NOUN", "PROPN") and marked(t):
            return True
        if t[2] in ("VERB", "AUX"):
            return any(k[3] in ("nsubj", "nsubjpass") and marked(k) for k in kids.get(t[0], []))
        if t[4] == t[0]:
            return False
        t = by_start.get(t[4])
    return False


def phrasal(r: Reading, v: tuple | None) -> tuple | None:
    """``v`` with a phrasal verb's one word as its lemma ("took over" -> seize; lexicon.PHRASAL)."""
    if v is None:
        return None
    one = next((lexicon.PHRASAL.get((v[1], k[1])) for k in children(r).get(v[0], []) if k[3] == "prt"), None)
    return (v[0], one, *v[2:]) if one else v
