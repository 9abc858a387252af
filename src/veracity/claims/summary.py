"""The article summary: how its claims are made and sourced, in a few numbers."""

from __future__ import annotations

from collections import Counter

from ..model import Dossier, Summary

# Source types that name who is speaking; everything else leaves the reader unable to check.
NAMED_TYPES = frozenset({"person", "organisation", "outlet", "document"})


def summarise(dossier: Dossier) -> Dossier:
    claims = dossier.claims
    by_modality = Counter(c.modality.label for c in claims if c.modality)
    sources = Counter(a.source_type for a in dossier.attributions)
    unnamed = 0
    for c in claims:
        atts = [dossier.attribution(i) for i in c.attribution_ids]
        types = {a.source_type for a in atts if a}
        # The origin of a chain is what matters: an outlet quoting an anonymous diplomat is anonymous.
        origins = {a.chain[-1].source_type for a in atts if a and a.chain}
        if not (types | origins) & NAMED_TYPES or (origins and not origins & NAMED_TYPES):
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
