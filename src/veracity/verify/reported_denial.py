"""A claim that reports a denial ("The council has denied that it plans to sell the ferry
company", "said it would not sell"), confirmed by that denial (:func:`same_denial`: a negative
and a negative agree), and the actions a denial denies (:func:`denied_actions`, negated for the
negation check though no "not" governs them)."""

from __future__ import annotations

from . import lexicon
from .denial import _DENIAL, _SAYING_NOUNS, _negated_actions, negations
from .denier import _named_in, _party_concerned
from .figures import agreeing_numbers
from .parties import NOT_EVENTS
from .reading import Reading


def _action_after(r: Reading, start: int) -> tuple[str, int] | None:
    """(lemma, start) of the first content verb after ``start``: what a denial denies ("denied
    that it plans to *sell*", "no plans to *sell*"); planning and reporting verbs are read
    through."""
    return next(((lem, s) for s, lem, pos, _d, _h in r.tree
                 if s >= start and pos == "VERB" and lem.isalpha() and lem not in NOT_EVENTS), None)


def _event_noun_after(r: Reading, start: int) -> list[tuple[str, int]]:
    """(verb, start) for the verbs of the first event noun after ``start`` in its clause: "rejected
    media reports that it was planning a one-off *devaluation*" -> devalue, devaluate, ..."""
    if not lexicon.available():
        return []
    for s, lem, pos, _d, _h in r.tree:
        if s < start or pos != "NOUN" or lem in _SAYING_NOUNS or lem in NOT_EVENTS:
            continue
        if r.text[start:s].count(",") or r.text[start:s].count("."):
            return []
        verbs = [(w, s) for w, how in lexicon.neighbours(lem, "n").items() if how == "derived" and lexicon.known(w, "v")]
        if verbs:
            return verbs
    return []


def _claim_denial(claim: Reading) -> tuple[str, int, tuple[str, int]] | None:
    """(the words that deny, where what is denied starts, the denied action) when the claim
    reports a denial: a denial word ("has denied that it plans to sell") or a negated action
    ("said it would not sell")."""
    cm = _DENIAL.search(claim.text)
    ca = _action_after(claim, cm.end()) if cm else None
    if cm and ca:
        return cm.group(), cm.end(), ca
    # ("Madrid had not agreed to cut the transfer, denying reports in the Portuguese press": the
    # denial word denies no action of its own; the negated one is what is denied.)
    negated = _negated_actions(claim) or _negated_through(claim)
    if negated:
        lem, start, word = negated[0]
        return word, start, (lem, start)
    return None


def _negated_through(r: Reading) -> list[tuple[str, int, str]]:
    """A negated verb of agreeing or planning read through to its action: "had *not agreed* to
    *cut* the transfer" -> cut."""
    neg = negations(r)
    return [(lem, s, neg[h]) for s, lem, pos, d, h in r.tree
            if pos == "VERB" and d == "xcomp" and h in neg and lem not in NOT_EVENTS]


def same_denial(claim: Reading, evidence: Reading) -> str | None:
    """When the claim reports a denial and the evidence is that denial: both deny the same
    action ("has denied that it plans to sell the ferry company Sundlinjen" / "had no plans to
    sell Sundlinjen"; "said it would not sell Sundlinjen" / the same), every party the claim's
    denied clause names is named in the evidence, any figure it gives is given too, and the
    evidence's denier is a party the claim names. A negative and a negative agree; the words
    that matched, else None."""
    found = _claim_denial(claim)
    if found is None:
        return None
    words, after, ca = found
    named = [e.span.text for e in claim.entities if e.label in ("PERSON", "ORG", "GPE") and e.span.start >= after]
    figures = any(ch.isdigit() for ch in claim.text[after:])
    for m in _DENIAL.finditer(evidence.text):
        ea = next((a for a in (_action_after(evidence, m.end()), *_event_noun_after(evidence, m.end()))
                   if a is not None and (a[0] == ca[0] or lexicon.related(ca[0], "v", a[0], "v") in ("synonym", "derived"))), None)
        if ea is None:
            continue
        if not all(_named_in(n, evidence.text[m.start():]) for n in named):
            continue
        if figures and not agreeing_numbers(claim.text[after:], evidence.text[m.end():]):
            continue
        party = _party_concerned(claim, evidence, m.start(), by_noun=True)
        if party is None:
            continue
        how = "" if ea[0] == ca[0] else f" ~ '{ea[0]}'"
        return (f"it reports the same denial: '{words}' ~ '{m.group()}', of '{ca[0]}'{how}"
                + (f" ({', '.join(dict.fromkeys(named))})" if named else "") + f", by {party}")
    return None


def denied_actions(r: Reading) -> frozenset[int]:
    """Starts of the actions a denial in ``r`` denies (the first content verb after each denial
    word: "denied it plans to *sell*", "no plans to *close*"): negated for the negation check,
    though no "not" governs them."""
    out = set()
    for m in _DENIAL.finditer(r.text):
        a = _action_after(r, m.end())
        if a is not None:
            out.add(a[1])
            # ... and the verbs of planning read through on the way ("denied reports that the city
            # is *considering* selling")
            out |= {st for st, _lem, pos, _d, _h in r.tree if m.end() <= st < a[1] and pos == "VERB"}
    return frozenset(out)
