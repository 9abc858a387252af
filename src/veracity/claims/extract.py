"""Sentence -> Claim records (one per statement: :mod:`.clauses`) with entities, quantities, dates, places, modality and frames.

Reads the one spaCy parse in ``dossier.doc`` (never re-parses). Dates are resolved against
``Article.published``, else ``Options.reference_date``; without either, relative dates keep
``value=None``. See the sibling modules for each field's rules.
"""

from __future__ import annotations

import bisect
import datetime as dt

from ..errors import PipelineError
from ..records import Claim, Dossier, Span, content_id
from ..options import Options
from .clauses import pieces
from .dates import find_dates, parse_anchor, speaks_of_future
from .frames import find_frames
from .modality import classify
from .places import find_places
from .quantities import find_quantities
from .tokview import view


def _ents_in(ents: list, starts: list[int], span: Span) -> list:
    """The spaCy entities inside ``span`` (``starts``: their start offsets, sorted)."""
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end, lo)
    return [e for e in ents[lo:hi] if e.end_char <= span.end]


def _span_of(text: str, tokens: list, a: int, b: int) -> Span:
    """The article span of tokens [a, b)."""
    return Span.of(text, tokens[a].idx, tokens[b - 1].idx + len(tokens[b - 1].text))


class ClaimExtractor:
    def __init__(self, options: Options, clauses: bool = True):
        self.options = options
        self.clauses = clauses

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
            # Quantities, places and frames are read on the whole sentence (a frame's subject may
            # be repaired from another clause), then given to the claim whose span holds them.
            sent_quantities = find_quantities(tokens, text, sent.start, sent.end)
            sent_places = find_places(tokens, text, _ents_in(ents, ent_starts, s.span), sent.start, sent.end)
            sent_frames = find_frames(tokens, tokens[sent.start:sent.end], text, sent_quantities, sent_places)
            parts = pieces(tokens, sent.start, sent.end) if self.clauses else [(sent.start, sent.end, ())]
            for a, b, reads in parts:
                if len(parts) == 1:
                    span, quantities, places, frames = s.span, sent_quantities, sent_places, sent_frames
                else:
                    span = _span_of(text, tokens, a, b)
                    quantities = tuple(q for q in sent_quantities if span.contains(q.span))
                    places = tuple(p for p in sent_places if span.contains(p.span))
                    frames = tuple(f for f in sent_frames if span.start <= f.action.start < span.end)
                sent_ents = _ents_in(ents, ent_starts, span)
                elo = bisect.bisect_left(entity_starts, span.start)
                ehi = bisect.bisect_left(entity_starts, span.end, elo)
                entities = tuple(e for e in dossier_entities[elo:ehi] if span.contains(e.span))
                toks = tokens[a:b]
                claims.append(Claim(
                    id=content_id(dossier.article.id, span.start, span.end, prefix="c_"),
                    sentence_index=s.index,
                    span=span,
                    entities=entities,
                    quantities=quantities,
                    dates=find_dates(text, sent_ents, anchor, speaks_of_future(toks)),
                    places=places,
                    modality=classify(toks, text),
                    frames=frames,
                    reading=tuple(_span_of(text, tokens, x, y) for x, y in reads),
                ))
        return dossier.with_(claims=tuple(claims))
