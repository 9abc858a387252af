"""schema.org ClaimReview JSON-LD for claims that have a verdict.

Only claims with evidence-backed verdicts get a review: a ClaimReview without a rating
would be a claim listing, not a review, and search engines reject it.
"""

from __future__ import annotations

from typing import Sequence

from ..records import Dossier

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


# The default rating scale of a person's review, worst to best where it is a scale: each name
# with its schema.org ratingValue on 1 (false) .. 5 (true), or None for a rating that is not a
# point on the truth scale ("Unverifiable": published with its name only, no value).
REVIEW_RATINGS: tuple[tuple[str, int | None], ...] = (
    ("True", 5), ("Mostly true", 4), ("Misleading", 2), ("False", 1), ("Unverifiable", None))
BEST_RATING, WORST_RATING = 5, 1


def claimreviews_from_reviews(d: Dossier, reviews: dict[str, dict], *, scale=REVIEW_RATINGS,
                              organisation: str = "veracity", author: str | None = None,
                              url: str | None = None) -> list[dict]:
    """ClaimReview JSON-LD from people's reviews, never from machine verdicts.

    ``reviews`` maps a claim id to its current review (``status``, ``rating``, ``note``,
    ``reviewer``, ``created_at``). Only claims a person marked *checked* with a rating are
    published. ``url`` is where the review is published (``#claim-<id>`` is appended per claim);
    ``author`` names the person credited, else the review's own reviewer."""
    values = dict(scale)
    out = []
    a = d.article
    for c in d.claims:
        r = reviews.get(c.id)
        if not r or r.get("status") != "checked" or not r.get("rating") or r["rating"] not in values:
            continue
        appearance: dict = {"@type": "CreativeWork"}
        if a.url:
            appearance["url"] = a.url
        if a.title:
            appearance["headline"] = a.title
        if a.published:
            appearance["datePublished"] = a.published
        if a.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": a.outlet}
        rating: dict = {"@type": "Rating", "alternateName": r["rating"]}
        if values[r["rating"]] is not None:
            rating.update(ratingValue=values[r["rating"]], bestRating=BEST_RATING, worstRating=WORST_RATING)
        org: dict = {"@type": "Organization", "name": organisation}
        if url:
            org["url"] = url
        item = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": c.span.text,
            "itemReviewed": {"@type": "Claim", "appearance": appearance},
            "author": org,
            "reviewRating": rating,
            "datePublished": (r.get("created_at") or "")[:10] or None,
        }
        if url:
            item["url"] = f"{url.rstrip('#')}#claim-{c.id}"
        person = author or r.get("reviewer")
        if person:
            item["creator"] = {"@type": "Person", "name": person}
        if r.get("note"):
            item["reviewBody"] = r["note"]
        out.append({k: v for k, v in item.items() if v is not None})
    return out
