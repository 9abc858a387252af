"""The article summary: how its claims are made and sourced, in a few numbers."""

from __future__ import annotations

from collections import Counter

from ..records import Dossier, Summary

# Source types that name who is speaking; everything else leaves the reader unable to check,
# except "he" or "she" resolved to a person the article names ("..., he said" after "Andriy
# Yermak said"). "They" and "it" are resolved to the nearest organisation, too rough to count.
# An official is known by a unique office ("Germany's defence minister"): one person, checkable.
NAMED_TYPES = frozenset({"person", "official", "organisation", "outlet", "document"})
PERSON_PRONOUNS = frozenset({"he", "she"})


def _named(source_type: str, entity: str | None, text: str) -> bool:
    if source_type == "pronoun":
        return bool(entity) and text.strip().lower() in PERSON_PRONOUNS
    return source_type in NAMED_TYPES


def summarise(dossier: Dossier) -> Dossier:
    claims = dossier.claims
    by_modality = Counter(c.modality.label for c in claims if c.modality)
    sources = Counter(a.source_type for a in dossier.attributions)
    unnamed = 0
    for c in claims:
        atts = [a for a in (dossier.attribution(i) for i in c.attribution_ids) if a]
        named = any(_named(a.source_type, a.source_entity, a.source[0].text if a.source else "") for a in atts)
        # The origin of a chain is what matters: an outlet quoting an anonymous diplomat is anonymous.
        origins = [_named(a.chain[-1].source_type, a.chain[-1].entity, a.chain[-1].span.text) for a in atts if a.chain]
        if not any(origins) and (origins or not named):
            unnamed += 1
    longest = max((len(a.chain) for a in dossier.attributions), default=0)
    summary = Summary(
        claims=len(claims),
        checkworthy=sum(1 for c in claims if c.checkworthy),
        by_modality=dict(sorted(by_modality.items())),
        sources_by_type=dict(sorted(sources.items())),
        unnamed_share=round(unnamed / len(claims), 4) if claims else 0.0,
        longest_chain=longest,
    )
    return dossier.with_(summary=summary)
