"""Negation: the same action, or the same state, negated on one side only.

Part of the contradiction checks (:mod:`veracity.verify.contradiction`): an action in the same
verb or a synonym ("recalled" / "had not withdrawn"), a state held through a preposition ("are on
strike" / "are not on strike"), or opposite states of one thing ("remained open" / "was still
shut"). Each check names the words that fired on both sides.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..claims.places import is_place_name
from ..records import Check, Span
from . import lexicon
from .checks import content_words
from .reported_denial import denied_actions
from .parties import NOT_EVENTS, children
from .existence import check_existence
from .reading import Reading



def _same_action(a: str, b: str) -> bool:
    """One action in the same or a synonymous verb ("recalled" / "had not withdrawn", "cut" /
    "did not reduce"): WordNet synonyms of the verbs' first senses, never a broader word ("halt"
    / "stop" would make any stopping the halt); never for a light verb, whose synonyms are
    other uses ("would not take the matter to court" is not "carries out an assessment")."""
    return a == b or (a not in NOT_EVENTS and b not in NOT_EVENTS and lexicon.synonym_verbs(a, b))


def _same_thing(cf, ef) -> bool:
    """Both frames act on a thing of the same noun: a light verb or a transfer names no event of
    its own ("has no plan to send fighter aircraft" negates no "has about 1,600 personnel";
    "had made no recommendation" no "making it the first state"; "paying for a new school campus"
    is no converse of "received no request"), but "refused to take part" / "will take part" is."""
    if cf.patient is None or ef.patient is None:
        return False
    def words(text: str) -> set[str]:  # the thing itself and what it is "of", not where it goes
        head = _PREP.split(text.lower(), maxsplit=1)[0]
        return {w for w in re.findall(r"[a-z]+", head) if len(w) > 2} - _STOPWORDS
    return any(lexicon.same_stem(x, y) for x in words(cf.patient.text) for y in words(ef.patient.text))


# Verbs of committing to something: what is agreed is the thing, so "had not agreed to cut the
# transfer" is no negation of "the new water terms agreed with Portugal" (another thing agreed).
COMMITTING = frozenset("agree decide promise pledge consent commit".split())


def _committed_to(r: Reading, f) -> set[str]:
    """What a verb of committing commits to: its complement's verb ("agreed to *cut*"), the object
    of its "to" ("agreed to the water *terms*") or its object, and the noun it describes ("the
    water *terms* agreed with Portugal")."""
    kids = children(r)
    at = f.action.start
    out = {k[1] for k in kids.get(at, []) if k[3] in ("xcomp", "dobj", "nsubjpass")}
    out |= {o[1] for k in kids.get(at, []) if k[3] == "prep" and k[1] in ("to", "on") for o in kids.get(k[0], []) if o[3] == "pobj"}
    tok = next((t for t in r.tree if t[0] == at), None)
    if tok is not None and tok[3] in ("acl", "relcl"):
        out |= {t[1] for t in r.tree if t[0] == tok[4]}
    return out


def _committed_alike(claim: Reading, cf, evidence: Reading, ef) -> bool:
    a, b = _committed_to(claim, cf), _committed_to(evidence, ef)
    # ("agreed to move part of its operations" / "had not agreed to relocate any of its operations")
    return any(lexicon.same_stem(x, y) or lexicon.curated(x, y) or (lexicon.available() and lexicon.related(x, "v", y, "v") is not None)
               for x in a for y in b)


_PREP = re.compile(r"\s(?:in|to|for|from|at|on|with|into|by|under)\s")


_STOPWORDS = frozenset("the its their his her any all from for with and this that".split())


# How news copy keeps a source anonymous: "an airline executive it did not name", "who asked not
# to be identified". The negated "name" describes the source, not the event reported.
_ANONYMOUS = re.compile(r"\b(?:asked|declined|requested|wished|refused|spoke on condition)\s+(?:not\s+)?to\s+be\s+(?:named|identified)\b"
                        r"|\b(?:it|they|he|she|the \w+)\s+(?:did not|didn't|would not|wouldn't|declined to|refused to)\s+(?:name|identify)\b",
                        re.IGNORECASE)


def _anonymity(r: Reading) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ANONYMOUS.finditer(r.text)]


# Giving (or withholding) details is no event of the story: "declining to give a date or
# location", "but gave no details". ("give" is also WordNet's "hold" of a party or an exercise.)
TELLING_VERBS = frozenset("give provide disclose reveal specify offer release elaborate".split())
DETAIL_NOUNS = frozenset("date dates detail details location locations figure figures timetable timeline number numbers "
                         "name names comment specifics information breakdown reason reasons".split())


# Words that put an action forward without doing it: "the operators had jointly proposed halving
# their fleets" states a proposal, which the claim's "rejected an offer ... to halve" does not
# contradict.
PROPOSING = frozenset("propose offer suggest request proposal suggestion".split())


def _proposed(r: Reading, f) -> bool:
    by_start = {t[0]: t for t in r.tree}
    t = by_start.get(f.action.start)
    head = by_start.get(t[4]) if t is not None else None
    return not f.negated and head is not None and head[0] != t[0] and head[1] in PROPOSING


_PRONOUNS = frozenset("it they he she".split())


def _names(r: Reading, f) -> set[str]:
    """The capitalised words of a frame's agent; for a pronoun, of the speaker it stands for
    ("German airline Luftreise said ... *it* had not agreed" -> Luftreise)."""
    if f.agent is None:
        return set()
    sp = f.agent
    if sp.text.lower() in _PRONOUNS:
        sp = next((g.agent for g in r.frames if g.lemma in SAYING and g.agent is not None and g.agent.start < f.agent.start
                   and g.agent.text.lower() not in _PRONOUNS), None)
        if sp is None:
            return set()
    return {r.text[t[0]:t[0] + len(r.text[t[0]:].split()[0])].rstrip(",.;:'") for t in r.tree
            if sp.start <= t[0] < sp.end and t[2] == "PROPN"}


SAYING = frozenset("say tell state announce add insist confirm".split())


def _other_actor(claim: Reading, cf, evidence: Reading, ef) -> bool:
    """The negated action is another party's: "German airline Luftreise ... had not agreed to buy
    any carbon credits from Guyana" / "Guyana has agreed to sell 12 million ... credits"; both name
    their actor, and neither actor is named on the other side."""
    a, b = _names(claim, cf), _names(evidence, ef)
    if not (a and b) or a & b or {w.lower() for w in b} & {w.lower() for w in re.findall(r"[\w'-]+", claim.text)}:
        return False
    # A place acts through its officials: "Nuevo León has not asked Mexico City ..." may be the
    # claim's "Governor Mariana Elizondo has asked ...".
    return not is_place_name(" ".join(sorted(b, key=evidence.text.find)))


def _details(f) -> bool:
    return f.lemma in TELLING_VERBS and f.patient is not None and bool(DETAIL_NOUNS & set(re.findall(r"[a-z]+", f.patient.text.lower())))


# A plan the claim tells as given up: "The festival, which *was due to* open on October 1, will
# now run from October 15" is not contradicted by "would not open on October 1".
_SUPERSEDED = re.compile(r"\b(?:was|were|had been)\s+(?:originally\s+)?(?:due|scheduled|set|expected|supposed|meant|planned)\s+to\s+$",
                         re.IGNORECASE)


# A time bound in the rest of a negated clause: "not ... before September 2028", "not until 2027".
_TIME_BOUND = re.compile(r"[^.;,]{0,60}?\b(?:before|until|till|prior\s+to)\s+(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+)?"
                         r"(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|(?:19|20)\d\d|next)\b")


# An action told only as what others predicted, feared or claimed ("disproved predictions that the
# 2025 labour reform would destroy jobs"): no one asserts it, so it negates nothing.
_UNASSERTED = re.compile(r"\b(?:predictions?|prophecies|warnings?|fears?|forecasts?|claims?|suggestions?|allegations?|"
                         r"speculation|rumou?rs?|assertions?)\s+that\s+[^.;:]{0,90}$", re.IGNORECASE)


def _unasserted(r: Reading, f) -> bool:
    return bool(_UNASSERTED.search(r.text, max(0, f.action.start - 120), f.action.start))


# Idioms for one action: "will take part in the task group" joins it ("declined an invitation to join").
_IDIOMS = {("take", "part"): "join"}


def _idioms(frames) -> list:
    return [replace(f, lemma=_IDIOMS[(f.lemma, f.patient.text.lower())]) if f.patient is not None
            and (f.lemma, f.patient.text.lower()) in _IDIOMS else f for f in frames]


def check_negation(claim: Reading, evidence: Reading) -> list[Check]:
    """The same action (lemma) negated on one side only. An action a denial in the evidence
    denies ("had no plans to *sell*") agrees with the claim negating it ("would not sell"), but
    does not fire against a claim stating it: that is the denial check's to decide, with its own
    conditions. An action the claim reports as denied ("has denied that it plans to *sell*") is
    not compared: the claim asserts the denial, which no statement of the action contradicts."""
    denied_here, denied_there = denied_actions(claim), denied_actions(evidence)
    anon_c, anon_e = _anonymity(claim), _anonymity(evidence)
    claim_frames, evidence_frames = _idioms(claim.frames), _idioms(evidence.frames)
    frames = [cf for cf in claim_frames if cf.action.start not in denied_here and not _SUPERSEDED.search(claim.text, 0, cf.action.start)
              and not any(a <= cf.action.start < b for a, b in anon_c) and not _details(cf) and not _unasserted(claim, cf)]
    neg = lambda f: f.negated or f.action.start in denied_there  # noqa: E731
    out = []
    for cf in frames:
        # The same action negated and not, on the same side ("have not reached a finals ... and
        # reaching Germany looks impossible"): which one the other side's frame is cannot be
        # told, so it contradicts nothing.
        if any(_same_action(ef.lemma, cf.lemma) and neg(ef) == cf.negated for ef in evidence_frames) or \
                any(of.lemma == cf.lemma and of.negated != cf.negated for of in frames):
            continue
        for ef in evidence_frames:
            if any(a <= ef.action.start < b for a, b in anon_e) or _details(ef) or (cf.negated and _proposed(evidence, ef)) \
                    or _unasserted(evidence, ef):
                continue
            # The evidence's action is the claim's other action, with the same polarity ("signed
            # ..., but never ratified" / "to be signed"): it says nothing of the negated one.
            if any(of is not cf and of.lemma == ef.lemma and of.negated == neg(ef) for of in claim_frames):
                continue
            if _other_actor(claim, cf, evidence, ef):
                continue
            # "No foreign patrol aircraft can be based in Timor-Leste *before September 2028*" negates
            # a time, not the undated plan to base them.
            if ef.negated and not cf.negated and not claim.dates and _TIME_BOUND.match(evidence.text, ef.action.end):
                continue
            light = cf.lemma in lexicon.LIGHT_VERBS or (cf.lemma, ef.lemma) in lexicon.TRANSFERS
            if cf.lemma in COMMITTING and not _committed_alike(claim, cf, evidence, ef):
                continue
            if (_same_action(cf.lemma, ef.lemma) or (cf.lemma, ef.lemma) in lexicon.TRANSFERS) and \
                    cf.negated != ef.negated and cf.negated != neg(ef) and (not light or _same_thing(cf, ef)):
                side = cf if cf.negated else ef
                out.append(Check("negation", f"'{cf.lemma}' is negated on {'the claim' if side is cf else 'the evidence'} side only",
                                 (cf.action,), (ef.action,)))
                break
    return out[:1] or check_held(claim, evidence) or check_refused(claim, evidence) or check_states(claim, evidence) \
        or check_existence(claim, evidence)


def _held(r: Reading) -> list[tuple[int, int, tuple[str, str], bool]]:
    """(start, end, (preposition, noun), negated) for each state a copula holds through a
    preposition: "Permata *is in talks* to sell", "it *was not in talks* with Siam Latex", "the
    dockers *are not on strike*". No verb carries these, so the frames do not see them. A name
    after the preposition ("is not in Ipoh") is a place, the place check's to compare."""
    kids = children(r)
    out = []
    for s, lem, pos, dep, h in r.tree:
        if lem != "be" or pos != "AUX" or dep in ("aux", "auxpass"):
            continue
        negated = any(k[3] == "neg" for k in kids.get(s, []))
        for p in kids.get(s, []):
            if p[3] != "prep":
                continue
            for o in kids.get(p[0], []):
                if o[3] == "pobj" and o[2] == "NOUN" and o[1].isalpha():
                    out.append((s, o[0] + len(r.text[o[0]:].split()[0].rstrip(".,;:")), (p[1], o[1]), negated))
    return out


def check_held(claim: Reading, evidence: Reading) -> list[Check]:
    """The same state held through a preposition, negated on one side only ("is in talks" /
    "was not in talks"; "are on strike" / "are not on strike"). A side holding it both ways
    ("is not in talks with A but is in talks with B") says nothing either way."""
    ch, eh = _held(claim), _held(evidence)
    for cs, ce, ck, cn in ch:
        if any(k == ck and n != cn for _s, _e, k, n in ch):
            continue
        for es, ee, ek, en in eh:
            if ek == ck and en != cn and not any(k == ek and n == cn for _s, _e, k, n in eh):
                a, b = Span.of(claim.text, cs, ce), Span.of(evidence.text, es, ee)
                return [Check("negation", f"'{a.text}' vs '{b.text}': the same state, negated on "
                                          f"{'the claim' if cn else 'the evidence'} side only", (a,), (b,))]
    return []


# Verbs that hold a state their complement names ("remained open", "is closed", "stayed shut").
STATE_VERBS = frozenset("be remain stay keep become".split())


def _states(r: Reading) -> list[tuple[int, int, str, set[str], bool]]:
    """(start, end, lemma, things, is a state) for each state or action the sentence asserts, un-negated:
    an adjective held by a state verb ("Highway 2 ... remained *open*") or a content verb
    ("The RCMP *closed* Highway 2"), with the head nouns it is about (subject, object,
    appositive)."""
    by_start = {t[0]: t for t in r.tree}
    kids = children(r)
    negated = {t[4] for t in r.tree if t[3] == "neg"}
    out = []
    for s, lem, pos, dep, h in r.tree:
        if pos == "ADJ" and dep in ("acomp", "oprd") and by_start.get(h, (0, ""))[1] in STATE_VERBS:
            pred = h
        elif pos == "VERB" and lem not in NOT_EVENTS and lem not in STATE_VERBS:
            pred = s
        else:
            continue
        if pred in negated or s in negated:
            continue
        args = [k for k in kids.get(pred, []) if k[3] in ("nsubj", "nsubjpass", "dobj") and k[2] in ("NOUN", "PROPN")]
        things = {a[1] for a in args} | {k[1] for a in args for k in kids.get(a[0], []) if k[3] == "appos"}
        if things:
            out.append((s, s + len(r.text[s:].split()[0].rstrip(".,;")), lem, things, pos == "ADJ"))
    return out


def _opposites(lemma: str) -> set[str]:
    words = set(lexicon.antonyms_of(lemma, "a")) | set(lexicon.antonyms_of(lemma, "v"))
    return words | {w[:-2] for w in words if w.endswith("ed")} | {w[:-1] for w in words if w.endswith("ed")}


def _opposite_words(claim: str, evidence: str) -> bool:
    """The cheap test before a parse: a word of the claim has a WordNet antonym among the
    evidence's words (any inflection: "open" / "closed")."""
    if not lexicon.available():
        return False
    ew = set(content_words(evidence))
    ew |= {w[:-2] for w in ew if w.endswith("ed")} | {w[:-1] for w in ew if w.endswith(("d", "s"))}
    return any(_opposites(w) & ew for w in set(content_words(claim)) if w.isalpha())


def check_states(claim: Reading, evidence: Reading) -> list[Check]:
    """Opposite states of the same thing, WordNet antonyms: "Highway 2 ... remained open to
    traffic" / "The RCMP closed Highway 2 ..., and the road was still shut"."""
    if not lexicon.available():
        return []
    for cs, ce, cl, ct, cadj in _states(claim):
        opp = _opposites(cl)
        for es, ee, el, et, eadj in _states(evidence):
            # A state on one side at least ("remained open"): two verbs that are antonyms are
            # often one event told from each side ("buy" / "sell", lexicon.CONVERSE).
            if el in opp and ct & et and (cadj or eadj):
                a, b = Span.of(claim.text, cs, ce), Span.of(evidence.text, es, ee)
                return [Check("negation", f"'{a.text}' vs '{b.text}': opposite states of the same {sorted(ct & et)[0]}", (a,), (b,))]
    return []


# Taking a thing and turning it down: "The Pensioners' League ... will take the health ministry" /
# "The Pensioners' League has turned down the health ministry".
TAKING = frozenset("take accept get receive win obtain secure assume head run lead".split())
REFUSING = frozenset("reject refuse decline rebuff spurn".split())
_PARTICLE_REFUSALS = {("turn", "down"), ("pass", "up")}


def _objects(r: Reading, verbs: frozenset[str], phrasal: set[tuple[str, str]]) -> list[tuple[Span, str, set[str]]]:
    """(verb span, object head, object modifiers) for each un-negated verb of the set with an object."""
    kids = children(r)
    out = []
    for s, lem, pos, _dep, _h in r.tree:
        ks = kids.get(s, [])
        if pos != "VERB" or any(k[3] == "neg" for k in ks):
            continue
        if lem not in verbs and not any((lem, k[1]) in phrasal for k in ks if k[3] == "prt"):
            continue
        for o in ks:
            if o[3] == "dobj" and o[2] == "NOUN":
                mods = {k[1] for k in kids.get(o[0], []) if k[3] in ("compound", "amod")}
                out.append((Span.of(r.text, s, s + len(r.text[s:].split()[0].rstrip(".,;:"))), o[1], mods))
    return out


def check_refused(claim: Reading, evidence: Reading) -> list[Check]:
    """One side takes a thing the other turns down: the same object's head, and the same kind
    when both name one ("the health ministry" / "the labour ministry" are two)."""
    for a, b, taken_here in ((claim, evidence, True), (evidence, claim, False)):
        for ts, obj, mods in _objects(a, TAKING, set()):
            for rs, obj2, mods2 in _objects(b, REFUSING, _PARTICLE_REFUSALS):
                if obj == obj2 and (not mods or not mods2 or mods & mods2):
                    cs, es = (ts, rs) if taken_here else (rs, ts)
                    return [Check("negation", f"'{cs.text} ... {obj}' vs '{es.text} ... {obj}': taken on one side, "
                                              "turned down on the other", (cs,), (es,))]
    return []
