"""Sentence -> Claim records with entities, quantities, dates, places, modality and frames.

Reads the one spaCy parse in ``dossier.doc`` (never re-parses). Dates are resolved against
``Article.published``, else ``Options.reference_date``; without either, relative dates keep
``value=None``. See the sibling modules for each field's rules.
"""

from __future__ import annotations

import bisect
import datetime as dt

from ..errors import PipelineError
from ..records import Claim, Dossier, content_id
from ..options import Options
from .dates import find_dates, parse_anchor, speaks_of_future
from .frames import find_frames
from .modality import classify
from .places import find_places
from .quantities import find_quantities
from .tokview import view


class ClaimExtractor:
    def __init__(self, options: Options):
        self.options = options

    def _anchor(self, dossier: Dossier) -> dt.date | None:
        return parse_anchor(dossier.article.published) or parse_anchor(self.options.reference_date)

    def __call__(self, dossier: Dossier) -> Dossier:
        doc = dossier.doc
        if doc is None:
            raise PipelineError("claims.extract.v1 needs the spaCy parse (run text.spacy.v1 first)",
                                source=dossier.article.source_path or dossier.article.id)
        text = dossier.article.text
        if doc.text != text:
            raise PipelineError("the spaCy parse does not match the article text; offsets would be wrong",
                                source=dossier.article.source_path or dossier.article.id)
        anchor = self._anchor(dossier)
        tokens = view(doc)  # plain-Python tokens: see tokview for why
        ents = list(doc.ents)
        ent_starts = [e.start_char for e in ents]
        # The text stage emits entities in document order; sorting keeps bisect honest anyway.
        dossier_entities = tuple(sorted(dossier.entities, key=lambda e: (e.span.start, e.span.end)))
        entity_starts = [e.span.start for e in dossier_entities]
        claims = []
        for s in dossier.sentences:
            sent = doc.char_span(s.span.start, s.span.end, alignment_mode="expand")
            if sent is None or len(sent) == 0:
                claims.append(Claim(id=content_id(dossier.article.id, s.span.start, s.span.end, prefix="c_"),
                                    sentence_index=s.index, span=s.span))
                continue
            lo = bisect.bisect_left(ent_starts, s.span.start)
            hi = bisect.bisect_left(ent_starts, s.span.end, lo)
            sent_ents = [e for e in ents[lo:hi] if e.end_char <= s.span.end]
            elo = bisect.bisect_left(entity_starts, s.span.start)
            ehi = bisect.bisect_left(entity_starts, s.span.end, elo)
            entities = tuple(e for e in dossier_entities[elo:ehi] if s.span.contains(e.span))
            quantities = find_quantities(tokens, text, sent.start, sent.end)
            toks = tokens[sent.start : sent.end]
            future = speaks_of_future(toks)
            places = find_places(tokens, text, sent_ents, sent.start, sent.end)
            claims.append(Claim(
                id=content_id(dossier.article.id, s.span.start, s.span.end, prefix="c_"),
                sentence_index=s.index,
                span=s.span,
                entities=entities,
                quantities=quantities,
                dates=find_dates(text, sent_ents, anchor, future),
                places=places,
                modality=classify(toks, text),
                frames=find_frames(tokens, toks, text, quantities, places),
            ))
        return dossier.with_(claims=tuple(claims))
