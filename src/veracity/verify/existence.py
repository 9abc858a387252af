"""Existence: a thing one side says there is none of, the other names as made. "Belgium and
Sierra Leone have no bilateral extradition treaty" / "the request had been processed under the
bilateral extradition agreement the two countries signed in 2019". Part of the negation check
(:mod:`veracity.verify.negation`): the verbs differ ("have" / "signed"), so no frame of one
action is negated on one side only, yet one side denies what the other names.

Only documents and permissions are read this way (a treaty, a licence, a contract), and only
with the same words before the noun on both sides ("bilateral extradition"): "has no licence
to export" is not contradicted by "its mining licence".
"""

from __future__ import annotations

import re

from ..records import Check, Span
from .reading import Reading

# Kinds of thing that exist once made, each with the nouns that name it.
_KINDS = {"treaty": "treaty", "treaties": "treaty", "agreement": "treaty", "agreements": "treaty", "accord": "treaty",
          "pact": "treaty", "convention": "treaty", "licence": "licence", "license": "licence", "permit": "licence",
          "contract": "contract"}
_NOUN = "|".join(_KINDS)
_NONE = re.compile(rf"\b(?:has|have|had|there\s+is|there\s+was)\s+no\s+((?:[a-z][\w-]*\s+){{0,3}}?)({_NOUN})\b", re.IGNORECASE)
_NAMED = re.compile(rf"\b(?:the|a|an|its|their)\s+((?:[a-z][\w-]*\s+){{0,3}}?)({_NOUN})\b", re.IGNORECASE)
_NEGATING = re.compile(r"\b(?:no|not|without|never|any)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_FILLER = frozenset("a an the its their such any formal new existing valid".split())


def _words(mods: str) -> set[str]:
    return {w.lower() for w in mods.split()} - _FILLER


def check_existence(claim: Reading, evidence: Reading) -> list[Check]:
    for one, other, claim_side in ((claim, evidence, True), (evidence, claim, False)):
        for m in _NONE.finditer(one.text):
            kind, mods = _KINDS[m.group(2).lower()], _words(m.group(1))
            if not mods:
                continue  # "has no contract": which one cannot be told
            for n in _NAMED.finditer(other.text):
                if _KINDS[n.group(2).lower()] != kind or _words(n.group(1)) != mods:
                    continue
                if _NEGATING.search(other.text, max(0, n.start() - 40), n.start()):
                    continue
                a = Span(m.start(), m.end(), m.group())
                b = Span(n.start(), n.end(), n.group())
                cs, es = (a, b) if claim_side else (b, a)
                side = "the claim" if claim_side else "the evidence"
                return [Check("negation", f"'{cs.text}' vs '{es.text}': none on {side}'s side, one named on the other", (cs,), (es,))]
    return []
