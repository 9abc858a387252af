"""Sentence -> Claim records. (Baseline: claims with entities; enrichment in progress.)"""

from __future__ import annotations

from ..model import Claim, Dossier, content_id
from ..options import Options


class ClaimExtractor:
    def __init__(self, options: Options):
        self.options = options

    def __call__(self, dossier: Dossier) -> Dossier:
        claims = []
        for s in dossier.sentences:
            ents = tuple(e for e in dossier.entities if s.span.contains(e.span))
            cid = content_id(dossier.article.id, s.span.start, s.span.end, prefix="c_")
            claims.append(Claim(id=cid, sentence_index=s.index, span=s.span, entities=ents))
        return dossier.with_(claims=tuple(claims))
