"""A frame-level reading of one short text (a claim's content, or an evidence sentence).

The contradiction checks compare structured parts, not strings: quantities with their head
noun and qualifier, places with ISO codes and qualifiers, resolved dates, named entities and
the frames (who does what to whom). Both sides are read by the same extractors the claims
stage uses (:mod:`veracity.claims`), on a spaCy parse of the text alone, so a claim and its
evidence are read the same way. Offsets in a reading index the text it was made from.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from ..claims.dates import find_dates, parse_anchor, speaks_of_future
from ..claims.frames import find_frames
from ..claims.places import find_places
from ..claims.quantities import find_quantities
from ..claims.tokview import view
from ..records import DateRef, Entity, Frame, Place, Quantity, Span

# Texts longer than this are cut before parsing: an evidence sentence is at most a few
# hundred characters, and hostile input must not cost unbounded time.
MAX_CHARS = 2000
# Readings memoised per process: a claim is compared with ~5 evidence sentences and the same
# evidence sentence recurs across claims.
MEMO = 4096


@dataclass(frozen=True)
class Reading:
    text: str
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    frames: tuple[Frame, ...] = ()
    lemmas: tuple[tuple[int, int, str, str], ...] = ()  # (start, end, lemma, pos) of every word
    times: tuple[str, ...] = ()  # per quantity: future | past | unknown, from the verb that governs it
    # Stance words with who holds the stance: (start, end, lemma, negated, holder start, holder end);
    # the holder is the subject of the stance verb ("Councils ... oppose"), of the verb whose
    # object the stance noun is ("others ... voiced opposition"), or a "from" phrase
    # ("resistance from several nations"); a pronoun holder is replaced by the subject of the
    # reporting verb above it ("Sweden said that they back ...").
    stances: tuple[tuple[int, int, str, bool, int, int], ...] = ()
    # Every token of the parse: (start, lemma, pos, dependency label, start of its head token).
    tree: tuple[tuple[int, str, str, str, int], ...] = ()
    published: str | None = None  # the date relative dates were resolved against


@functools.lru_cache(maxsize=1)
def _nlp():
    from ..text.nlp import load

    return load()


def _as_percent(q: Quantity) -> Quantity:
    """A share written as a fraction ("half of the costs", "two-thirds of voters") is compared as
    the percentage it is ("50 percent of the first-year costs")."""
    if q.unit != "fraction":
        return q
    vmax = None if q.value_max is None else q.value_max * 100
    return dataclasses.replace(q, value=round(q.value * 100, 4), unit="percent", value_max=vmax)


@functools.lru_cache(maxsize=MEMO)
def read(text: str, published: str | None = None) -> Reading:
    """Parse ``text`` and extract its parts; relative dates resolve against ``published``."""
    text = text[:MAX_CHARS]
    if not text.strip():
        return Reading(text)
    doc = _nlp()(text)
    toks = view(doc)
    ents = list(doc.ents)
    quantities = tuple(_as_percent(q) for q in find_quantities(toks, text, 0, len(doc)))
    places = find_places(toks, text, ents, 0, len(toks))
    future = speaks_of_future(toks)
    dates = find_dates(text, ents, parse_anchor(published), future)
    frames = find_frames(toks, toks, text, quantities, places)
    entities = tuple(Entity(Span.of(text, e.start_char, e.end_char), e.label_) for e in ents)
    lemmas = tuple((t.idx, t.idx + len(t.text), t.lemma_.lower(), t.pos_) for t in toks if t.is_alpha)
    times = tuple(_time_of(doc, q.span.start) for q in quantities)
    tree = tuple((t.idx, t.lemma_.lower(), t.pos_, t.dep_, t.head.idx) for t in toks)
    return Reading(text, entities, quantities, places, dates, frames, lemmas, times, _stances(doc), tree, published)


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _holder(tok):
    """The token heading who holds the stance of ``tok`` (None if the parse does not say)."""
    h = None
    if tok.pos_ in ("VERB", "AUX"):
        h = _subject(tok)
        if h is None and tok.dep_ in ("xcomp", "conj") and tok.head.pos_ in ("VERB", "AUX"):
            h = _subject(tok.head)  # "refused to back", "said and backed"
    else:
        frm = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        if frm is not None:
            h = next((c for c in frm.children if c.dep_ == "pobj"), None)
        elif tok.dep_ in ("dobj", "attr", "pobj", "acomp") and tok.head.pos_ in ("VERB", "AUX"):  # acomp: "is opposed to"
            h = _subject(tok.head)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        h = h or poss
    if h is not None and h.pos_ == "PRON":
        verb = h.head
        steps = 0
        while verb is not None and steps < 4:
            if verb.dep_ in ("ccomp", "xcomp", "advcl") and verb.head is not verb:
                sub = _subject(verb.head)
                if sub is not None and sub.pos_ != "PRON":
                    return sub
            verb, steps = (verb.head if verb.head is not verb else None), steps + 1
    return h


# A stance noun is a stance when someone voices it ("voiced strong opposition", "signaled
# cautious support") or meets it ("faced resistance"); "provide support to forces" is aid.
# Stance words that are something else as nouns ("a parking permit", "a ban", "the back").
VERB_ONLY = frozenset("ban back block halt accept".split())
# Verbs that undo a stance held as a noun: trust shaken, confidence lost or eroded.
UNDOING_VERBS = frozenset("shake lose erode undermine damage dent shatter break destroy".split())
EXPRESS_VERBS = frozenset("voice signal express declare announce register show state reiterate restate pledge face meet "
                          "draw receive win lose have give".split())


# "refused to comment", "agreed to speak": a stance on answering, not on the matter.
SPEECH_XCOMP = frozenset("comment confirm say discuss disclose elaborate answer name speak respond reveal specify identify "
                         "give provide".split())


def _holder_span(h) -> tuple[int, int]:
    """The holder's phrase without a clause that describes it: "Carla Ferreyra, who stepped down as
    Ribera's youth director, said she opposed the deal" is Ferreyra's stance, not Ribera's."""
    end = h.right_edge.idx + len(h.right_edge.text)
    for c in h.children:
        if c.dep_ in ("relcl", "acl") and c.i > h.i:
            cut = c.left_edge.i
            while cut > h.i and h.doc[cut - 1].is_punct:
                cut -= 1
            end = min(end, h.doc[cut - 1].idx + len(h.doc[cut - 1].text))
    return h.left_edge.idx, end


# Verbs whose clausal complement states what its subject denies ("denied that it had agreed").
DENYING_HEADS = frozenset({"deny"})


def _stances(doc) -> tuple[tuple[int, int, str, bool, int, int], ...]:
    from .contradiction import POLARITY

    out = []
    for t in doc:
        lem = t.lemma_.lower()
        if lem not in POLARITY or not t.is_alpha or (lem in VERB_ONLY and t.pos_ != "VERB"):
            continue
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_XCOMP for c in t.children):
            continue
        # A stance noun as the subject of a deed names a group ("Ribera's opposition has collected
        # the signatures"), not a stance ("Opposition to the deal has grown" keeps its "to").
        if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() not in UNDOING_VERBS \
                and not any(c.dep_ == "prep" and c.lower_ in ("to", "for", "from", "among", "within") for c in t.children):
            continue
        if t.pos_ not in ("VERB", "AUX", "ADJ") and t.dep_ in ("dobj", "attr") and t.head.lemma_.lower() not in EXPRESS_VERBS \
                and not any(c.dep_ in ("poss",) or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in t.children):
            continue
        h = _holder(t)
        neg = any(c.dep_ == "neg" for c in t.children) or (t.pos_ != "VERB" and any(c.dep_ == "neg" for c in t.head.children))
        # "his trust in the bank's staff had been shaken", "lost confidence in": trust undone.
        undone = t.pos_ == "NOUN" and t.dep_ in ("nsubjpass", "nsubj", "dobj") and t.head.lemma_.lower() in UNDOING_VERBS
        neg = neg != undone
        # "denied on Tuesday that it had agreed to any foreign naval presence": a stance its holder
        # denies holding is the opposite stance.
        if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in DENYING_HEADS:
            neg = not neg
        # No holder in the parse (it often fails around dashes): -1, and the reader falls back
        # on the words before the stance word in its clause.
        a, b = _holder_span(h) if h is not None else (-1, -1)
        # The stance word's span runs to the verb that undoes it, so the reason reads "trust in
        # the central bank's staff had been shaken", not "trust".
        lo, hi = (min(t.idx, t.head.idx), max(t.idx + len(t.text), t.head.idx + len(t.head.text))) if undone else (t.idx, t.idx + len(t.text))
        out.append((lo, hi, lem, neg, a, b))
    return tuple(out)


# The end of a period a figure covers: "in the nine months to March", "the fiscal year ended
# March 2026" (also read by verify.owners for the figure's year).
PERIOD_END = r"\b(?:year|months|quarter|half|weeks)\s+(?:to|ended|ending|through)\s+"
_PERIOD = re.compile(PERIOD_END + r"[a-z]+")
FUTURE_AUX = frozenset({"will", "would", "shall", "could", "may", "might", "'ll"})
PLAN_LEMMAS = frozenset({"plan", "intend", "expect", "aim", "propose", "set", "due", "schedule", "hope", "want", "seek", "prepare"})
# ("last": "exported a record 930,000 tonnes of beef last year" is counted and done, not what "the
# suspension would freeze".)
PAST_WORDS = frozenset({"already", "since", "ago", "previously", "so far", "earlier", "last"})


def _time_of(doc, char: int) -> str:
    """future | past | unknown for the clause of the token at ``char``: the first verb above it,
    its auxiliaries, and a planning verb above that ("plans to close", "is expected to")."""
    tok = next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)
    steps = 0
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and steps < 8:
        tok, steps = tok.head, steps + 1
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return "unknown"
    kids = [c.lower_ for c in tok.children]
    # "set" plans only with what is set to happen ("is set to close"): "the second season was set
    # at 1.6 million tonnes" is a decision made.
    plan = lambda t: t.lemma_ in PLAN_LEMMAS and (t.lemma_ != "set" or any(c.dep_ == "xcomp" for c in t.children))  # noqa: E731
    # A plan noun plans only what it takes as an infinitive ("the plan to close 40 branches"),
    # not a verb the parse hangs on it ("A similar plan in Concepcion led to the closure ...").
    planned = plan(tok.head) and (tok.head.pos_ != "NOUN" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
    if any(k in FUTURE_AUX for k in kids) or planned or plan(tok):
        return "future"
    # Past only when the clause says it is done and counted ("has already shut 25 branches
    # since 2022"): a past tense alone ("had approved 15 million euros ... to be paid this
    # week") still reports the same moment as a plan.
    if any(t.lower_ in PAST_WORDS for t in tok.subtree):
        return "past"
    # A change over a stated period is counted and done: "its revenue fell 7 percent in the nine
    # months to March".
    if _PERIOD.search(" ".join(t.lower_ for t in tok.subtree)):
        return "past"
    return "unknown"
