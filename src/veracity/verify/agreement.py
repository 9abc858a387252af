"""Frame-level agreement: an evidence sentence that states the claim's event in other words.

Independent confirmations are paraphrases: "Harcourt Bank plans to close about 40 branches
across northern England" is confirmed by an MP quoting the bank's letter, "around 40 of its
branches in the north of England would shut". The news stance model, trained to tell
near-copies apart, scores such pairs anywhere from P(SUPPORTS) 0.02 to 0.6 (and sometimes
reads them as REFUTES). A fact-checker reads them as confirming because the evidence names
the same event: the same action, done to the same thing, by the same named parties, with the
same figures, and nothing in it says otherwise. :func:`agreement` checks exactly that, on the
parse of both sides (:mod:`veracity.verify.reading`), and names the words that matched:

- action: every main predicate of the claim (a content verb not governed by another content
  verb; planning and reporting verbs are read through: "plans to close" -> close) is named in
  the evidence by the same lemma, a WordNet synonym ("close" / "shut"), a derivation
  ("merge" / "merger", "negotiate" / "talks") or one step up or down the hierarchy
  ("evacuate" / "move"); a verb hanging on an event noun ("in talks to supply") may be
  matched through the noun;
- patient: what the main predicate acts on shares a noun with the evidence;
- parties: every person and organisation the claim names is named in the evidence;
- an anchor, something two unrelated reports would not share by chance: a figure given by
  both (same counted noun, overlapping ranges), a named party, or a patient of two or more
  words matched;
- nothing against: no negation or denial wording on one side only, no stance word against
  ("refuse", "oppose") on one side only, no WordNet antonym of a claim word in the evidence.

Agreement is evidence for support, not a verdict: the judge still requires that no
contradiction check fires, and weighs it with the model (:mod:`veracity.verify.judge`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .checks import _STOP
from .contradiction import _NEGATION, _REFUSED, POLARITY
from .denial import denial_words
from .parties import GENERIC, NOT_EVENTS, SPEAKING  # noqa: F401  (NOT_EVENTS: re-exported)
from ..claims.places import is_place_name
from .parties import acting_parties, children
from .parties import main_predicates as _main_predicates
from .parties import surface as _surface
from .figures import _overlap, _range, agreeing_numbers
from .reading import Reading, read

# Verbs that carry no event of their own (parties.NOT_EVENTS: reporting, planning, light verbs)
# are read through: "plans to close" -> close.
# Nouns that say nothing about which thing is meant ("two of its six" -> no patient noun).
NOT_PATIENT = frozenset("part number lot kind sort type way thing one some half".split())
# Modifiers of a noun: a noun that only modifies another names no event of the sentence.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Words after a name that make it a place, not a party ("the Sava river").
GEO_NOUNS = frozenset("river valley sea lake mountains mountain coast island islands region county province basin bay "
                      "gulf strait delta peninsula".split())
_WORD = re.compile(r"[a-z][a-z'-]+")
NOT_REPORTING = frozenset("petition rumour rumor urge speculation speculate".split())
# Stance words that, with a verb after them, report a decision to act ("agreed to lead").
DECIDING = frozenset({"agree"})
_RULE_OUT = re.compile(r"\brul(?:e|es|ed|ing) out\b", re.IGNORECASE)


@dataclass(frozen=True)
class Agreement:
    """Why an evidence sentence reads as stating the claim: the words matched, for a person."""

    actions: tuple[str, ...]  # "'close' ~ 'shut' (synonym)"
    patients: tuple[str, ...]
    parties: tuple[str, ...]
    figures: tuple[str, ...]  # "'about 40 branches' ~ 'around 40 of its branches'"

    @property
    def detail(self) -> str:
        parts = [f"the same action ({', '.join(self.actions)})"]
        if self.patients:
            parts.append(f"on {', '.join(self.patients)}")
        if self.parties:
            parts.append(f"by or about {', '.join(self.parties)}")
        if self.figures:
            parts.append(f"with the same figure ({', '.join(self.figures)})")
        return "it states the claim in other words: " + "; ".join(parts)


def _pos(p: str) -> str | None:
    return {"VERB": "v", "NOUN": "n", "PROPN": "n"}.get(p)


def _evidence_words(r: Reading, heads_only: bool = True, names: bool = True) -> list[tuple[str, str, str]]:
    """(lemma, WordNet pos, surface) of the evidence's verbs and nouns, with noun-noun pairs
    as one word ("prison term") and plural surfaces ("talks") kept. A noun that only modifies
    another ("the drilling project") names no event of the sentence and is left out."""
    out = []
    tree = r.tree
    # A word of a name is no event (``names`` False, for actions): "the Belgrade Stock *Exchange*"
    # exchanges nothing.
    named = [e.span for e in r.entities if e.label in ("ORG", "FAC", "GPE", "LOC", "PERSON", "WORK_OF_ART")]
    for k, (start, lem, pos, dep, _h) in enumerate(tree):
        wp = _pos(pos)
        if wp is None or not lem.isalpha() or (not names and pos == "PROPN" and any(sp.start <= start < sp.end for sp in named)):
            continue
        if k + 1 < len(tree) and wp == "n" and _pos(tree[k + 1][2]) == "n":
            out.append((f"{lem} {tree[k + 1][1]}", "n", ""))
        if not heads_only or dep not in MODIFIER_DEPS:
            out.append((lem, wp, _surface(r, start)))
    return out


def _match(lemma: str, pos: str, words: list[tuple[str, str, str]], converse: bool = False) -> tuple[str, str] | None:
    """(evidence word, how) for the first evidence word related to ``lemma``: by WordNet, then
    by the curated news paraphrases, then (when ``converse``) as the same event told from the
    other side (:data:`veracity.verify.lexicon.CONVERSE`)."""
    hows = ("same",) if pos == "v" and lemma in lexicon.LIGHT_VERBS else ("same", "synonym", "derived", "broader", "narrower")
    for how_wanted in hows:
        for lem, wp, surface in words:
            for form in {lem, surface} - {""}:
                how = lexicon.related(lemma, pos, form, wp)
                if how == how_wanted:
                    return form, how
    for lem, _wp, surface in words:
        if lexicon.curated(lemma, lem):
            return lem, "paraphrase"
    if converse:
        for lem, wp, _surface in words:
            if wp == "v" and lem in lexicon.CONVERSE.get(lemma, ()):
                return lem, "converse"
    return None


def _lemma_at(r: Reading, start: int) -> str:
    return next((lem for s, lem, *_ in r.tree if s == start), "")


def _patient_nouns(r: Reading, verb_start: int) -> tuple[list[str], str | None]:
    """The patient's nouns and its head noun ("the opening of its new chip factory" -> opening)."""
    for f in r.frames:
        if f.action.start == verb_start and f.patient is not None:
            p = f.patient
            toks = [t for t in r.tree if p.start <= t[0] < p.end]
            head = next((t[1] for t in toks if not (p.start <= t[4] < p.end) and t[2] in ("NOUN", "PROPN")), None)
            nouns = [lem for s, lem, pos, _d, _h in toks if pos in ("NOUN", "PROPN") and lem.isalpha() and lem not in NOT_PATIENT]
            return nouns, (head if head in nouns else None)
    return [], None


def _is_place(r: Reading, end: int) -> bool:
    m = _WORD.match(r.text.lower(), end + 1) if end < len(r.text) else None
    return bool(m and m.group() in GEO_NOUNS)


def _party_found(name: str, evidence_lower: str, evidence_words: set[str]) -> bool:
    n = name.lower().removeprefix("the ").strip()
    if n and n in evidence_lower:
        return True
    # ... by its initials: "The European Union" / "the EU's External Action Service".
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", name) if w.lower() not in ("the", "of", "and"))
    if len(initials) >= 2 and {initials.lower(), initials.lower() + "'s", initials.lower() + "\u2019s"} & evidence_words:
        return True
    distinctive = [w for w in _WORD.findall(n) if w not in GENERIC and w not in _STOP and len(w) >= 4]
    return bool(distinctive) and any(w in evidence_words for w in distinctive)


def negated_on_one_side(claim: Reading, evidence: Reading) -> str | None:
    """A negation ("not", "none") or denial wording on one side only."""
    cn = len(_NEGATION.findall(claim.text)) + len(_REFUSED.findall(claim.text))
    en = len(_NEGATION.findall(evidence.text)) + len(_REFUSED.findall(evidence.text))
    if cn != en:
        return "negation on one side only"
    if denial_words(evidence) and not denial_words(claim):
        return "denial wording"
    return None


def against(claim: Reading, evidence: Reading) -> str | None:
    """Why the evidence cannot be read as agreeing, whatever it shares: a negation, denial,
    opposite stance or antonym on one side only."""
    if why := negated_on_one_side(claim, evidence):
        return why
    cl = {lem for _s, lem, _p, _d, _h in claim.tree}
    el = {lem for _s, lem, _p, _d, _h in evidence.tree}
    # Asking for the event not to happen, or hearing of it as a rumour, does not report it:
    # "parents ... handed a petition asking trustees to rule out school closures".
    if (NOT_REPORTING & (el - cl)) or (_RULE_OUT.search(evidence.text) and not _RULE_OUT.search(claim.text)):
        return "a request or rumour, not a report"
    # A stance about the event ("the Welsh Government supports a merger") does not report it.
    # "had agreed to jointly lead" is the decision to act, reported: no stance.
    kids = children(evidence)
    acting = {t[1] for t in evidence.tree if t[1] in DECIDING and any(k[3] == "xcomp" for k in kids.get(t[0], []))}
    # ... unless the claim holds the same stance in another word ("has backed the plan" / "the
    # government supported the proposal").
    held = {POLARITY[w] for w in cl if w in POLARITY}
    if {w for w in el - cl - acting if w in POLARITY and POLARITY[w] not in held}:
        return "a stance word on one side only"
    for _s, lem, pos, _d, _h in claim.tree:
        wp = _pos(pos) or ("a" if pos == "ADJ" else None)
        if wp and lem.isalpha() and lem not in _STOP:
            if set(lexicon.antonyms_of(lem, wp)) & (el - cl):
                return f"an antonym of '{lem}'"
    return None


# A figure that counts who told the story, not what it tells: "..., *two officials* in the ruling
# Progressive Alliance said on Thursday".
_SOURCE_COUNT = re.compile(r"(?:[\w-]+\s+){1,4}?(?:officials?|sources?|people|persons|members|diplomats?|insiders?|aides?|"
                           r"lawmakers?|executives?|ministers?)\b[^.;]{0,80}?\b(?:said|told|say|says|according)\b", re.IGNORECASE)


def figures_carried(claim: Reading, evidence: Reading) -> bool:
    """Every figure the claim gives is given by the evidence too (overlapping ranges, whatever
    noun each counts: "about 250 jobs" / "about 250 staff"): a report that names the event but
    not its figure ("the drilling project" for "drilled to 2,800 metres") does not confirm the
    claim's most checkable part. Its first figure is the one the claim is about; a figure of a
    side clause ("..., well short of its target of 6 million", "to cover a budget shortfall of
    48 million dollars") is a detail a confirmation may leave out (a conflicting one is still the
    number check's to find)."""
    first = sorted((q for q in claim.quantities if not _SOURCE_COUNT.match(claim.text[q.span.start:])), key=lambda q: q.span.start)[:1]
    return all(any(_overlap(_range(c), _range(e)) for e in evidence.quantities) for c in first)


def names_carried(claim: Reading, evidence: Reading) -> bool:
    """Every person and organisation the claim names (not a place: "the Sava river") is named in
    the evidence."""
    ev_lower = evidence.text.lower()
    ev_words = set(_WORD.findall(ev_lower))
    named = [e.span.text for e in claim.entities if e.label in ("PERSON", "ORG") and not _is_place(claim, e.span.end)]
    return all(_party_found(n, ev_lower, ev_words) for n in named)


def shared_patient(claim: Reading, evidence: Reading) -> str | None:
    """A noun of what the claim's main predicate acts on that the evidence names too, or one it
    is related to ("factory" / "plant"), as "'factory' ~ 'plant'"."""
    nouns_all = _evidence_words(evidence, heads_only=False)
    for start, *_rest in _main_predicates(claim):
        for n in _patient_nouns(claim, start)[0]:
            if (m := _match(n, "n", nouns_all)) is not None:
                return f"'{n}' ~ '{m[0]}'"
    return None


def carries_event(claim: Reading, evidence: Reading) -> bool:
    """The evidence names the claim's main event at all: one main predicate's action (or its
    noun, or a converse) or a noun of what it acts on. "Merlion ... signed agreements to place 32
    new single-aisle jets with Siam Skyways" names neither hiring nor pilots, so it cannot state
    "Siam Skyways plans to hire about 600 pilots and cabin crew to operate the new jets", however
    many of its names it shares. A claim with no main predicate the parse finds is not held to it."""
    preds = _main_predicates(claim)
    if not preds or not lexicon.available():
        return True
    words, nouns_all = _evidence_words(evidence, names=False), _evidence_words(evidence, heads_only=False)
    for start, lem, noun_start, noun in preds:
        if _match(lem, "v", words, converse=True) or (noun is not None and (_match(noun, "n", words) or _match(_lemma_at(claim, noun_start), "n", words))):
            return True
        if any(_match(n, "n", nouns_all) for n in _patient_nouns(claim, start)[0]):
            return True
        # ... or its subject or what it goes through, when a common noun ("Annual *inflation* stood
        # at 9.1 percent", "The blast tore through a *furnace*").
        kids = children(claim)
        near = [t for t in kids.get(start, []) if t[3] in ("nsubj", "nsubjpass")]
        near += [g for p in kids.get(start, []) if p[3] == "prep" for g in kids.get(p[0], []) if g[3] == "pobj"]
        if any(_match(t[1], "n", nouns_all) for t in near if t[2] == "NOUN"):
            return True
    return False


def _owner_countries(r: Reading, preds) -> list[str]:
    """The place owning a main predicate's subject: "Iceland's government" -> Iceland."""
    kids = children(r)
    subjects = [k for start, *_ in preds for k in kids.get(start, []) if k[3] in ("nsubj", "nsubjpass") and k[2] == "NOUN"]
    owners = [k for sj in subjects for k in kids.get(sj[0], []) if k[3] == "poss" and k[2] == "PROPN"]
    return [w for k in owners if is_place_name(w := r.text[k[0]:k[0] + len(r.text[k[0]:].split()[0])].removesuffix("'s").removesuffix("\u2019s"))]


def agreement(claim: str, evidence: str, claim_published: str | None = None,
              evidence_published: str | None = None, title: str | None = None) -> Agreement | None:
    """The frames ``evidence`` shares with ``claim`` when it states the same event (see the
    module docstring), else None."""
    if not lexicon.available():
        return None
    cr, er = read(claim, claim_published), read(evidence, evidence_published)
    preds = _main_predicates(cr)
    if not preds or against(cr, er):
        return None
    words, nouns_all = _evidence_words(er, names=False), _evidence_words(er, heads_only=False)
    actions, patients = [], []
    # A converse ("buy" / "supply") tells the event from the other side: its agent is the other
    # party. The same agent on both sides ("Verlaine agreed to buy" / "Verlaine intends to
    # sell") is the opposite deal.
    converse_ok = not (acting_parties(cr) & acting_parties(er))
    for start, lem, noun_start, noun in preds:
        # The evidence's own verbs of saying name no action but the claim's own ("presented to
        # head teachers" is not "..., the service said" one step up the hierarchy).
        m = _match(lem, "v", [w for w in words if not (w[1] == "v" and w[0] in SPEAKING and w[0] != lem)], converse=converse_ok)
        if m is None and noun is not None:
            m = _match(noun, "n", words) or _match(_lemma_at(cr, noun_start), "n", words)
            lem = noun if m else lem
        if m is None:
            return None
        actions.append(f"'{lem}' ~ '{m[0]}'" + ("" if m[1] == "same" else f" ({m[1]})"))
        nouns, head = _patient_nouns(cr, start)
        if nouns:
            hits = [(n, _match(n, "n", nouns_all)) for n in nouns]
            hits = [(n, h) for n, h in hits if h is not None]
            # What is acted on must be the same thing: its head noun, or two of its nouns
            # ("the opening of its new chip factory" is not "600 planned jobs at the plant").
            if not hits or (head is not None and head not in {n for n, _ in hits} and len(hits) < 2):
                return None
            patients.append(" ".join(n for n, _ in hits))
    ev_lower = er.text.lower()
    ev_words = set(_WORD.findall(ev_lower))
    # ... not a country the tagger took for a person ("Malawi's Energy Minister").
    named = [e.span.text for e in cr.entities if e.label in ("PERSON", "ORG") and not _is_place(cr, e.span.end)
             and not is_place_name(e.span.text)]
    # A sentence that names no party of its own ("The Dubai-based operator said it would spend
    # ...") is about the one its report's title names ("Gulfbridge wins first East African
    # concession at Tanga").
    if not all(_party_found(n, ev_lower, ev_words) for n in named):
        unnamed = title and not any(e.label in ("PERSON", "ORG") for e in er.entities)
        tl = (title or "").lower()
        if not unnamed or not all(_party_found(n, ev_lower, ev_words) or _party_found(n, tl, set(_WORD.findall(tl))) for n in named):
            return None
    if not figures_carried(cr, er):
        return None
    # ... and a country whose body acts, named on both sides ("*Iceland's* government has backed
    # the plan" / "*Iceland's* foreign ministry said ... the government supported the proposal").
    named += [c for c in _owner_countries(cr, preds) if _party_found(c, ev_lower, ev_words)]
    figures = agreeing_numbers(claim, evidence, claim_published, evidence_published)
    if not (figures or named or any(len(p.split()) >= 2 for p in patients)):
        return None
    return Agreement(tuple(actions), tuple(patients), tuple(dict.fromkeys(named)), figures)
