"""schema.org ClaimReview JSON-LD for claims that have a verdict.

Only claims with evidence-backed verdicts get a review: a ClaimReview without a rating
would be a claim listing, not a review, and search engines reject it.
"""

from __future__ import annotations

from typing import Sequence

from ..model import Dossier

# schema.org Rating: 1 (false) .. 5 (true); DISPUTED sits in the middle.
RATINGS = {"REFUTED": (1, "False"), "DISPUTED": (3, "Disputed"), "SUPPORTED": (5, "True")}


def claimreviews(dossiers: Sequence[Dossier], author: str = "veracity") -> list[dict]:
    out = []
    for d in dossiers:
        for c in d.claims:
            v = c.verdict
            if v is None or v.label not in RATINGS:
                continue
            value, name = RATINGS[v.label]
            item = {"@type": "CreativeWork", "text": c.span.text}
            if d.article.url:
                item["url"] = d.article.url
            if d.article.published:
                item["datePublished"] = d.article.published
            out.append({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": c.span.text,
                "itemReviewed": {"@type": "Claim", "appearance": item},
                "author": {"@type": "Organization", "name": author},
                "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                                 "alternateName": name},
                "citation": [{"@type": "CreativeWork", "identifier": e.document_id, "text": e.span.text} for e in v.evidence],
            })
    return out
