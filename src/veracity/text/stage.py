"""The text stage: paragraphs, sentences and entities from one spaCy parse.

Sentences never cross a line break: in news copy a newline ends a paragraph, and the parser
alone sometimes runs a headline into the first sentence.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from ..records import Dossier, Entity, Paragraph, Sentence, Span
from ..options import Options
from . import nlp as nlp_mod

PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    out, pos = [], 0
    for m in list(PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            out.append(Paragraph(len(out), Span.of(text, pos + lead, pos + trail)))
        if m:
            pos = m.end()
    return tuple(out)


def _newline_boundaries(doc):
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


def _register_component() -> None:
    from spacy.language import Language

    if not Language.has_factory("veracity_newline_sents"):
        Language.component("veracity_newline_sents")(_newline_boundaries)


class SpacyText:
    """Parses the article once; later stages read ``dossier.doc``."""

    def __init__(self, options: Options):
        self.options = options
        self.nlp = nlp_mod.load()
        _register_component()
        if "veracity_newline_sents" not in self.nlp.pipe_names:
            self.nlp.add_pipe("veracity_newline_sents", before="parser")

    def _fill(self, dossier: Dossier, doc) -> Dossier:
        text = dossier.article.text
        paras = paragraphs(text)
        starts = [p.span.start for p in paras]
        sents = []
        for s in doc.sents:
            a, b = s.start_char, s.end_char
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            para = max(0, bisect.bisect_right(starts, a) - 1)  # the last paragraph starting at or before a
            sents.append(Sentence(len(sents), para, Span.of(text, a, b)))
        ents = tuple(Entity(Span.of(text, e.start_char, e.end_char), e.label_) for e in doc.ents)
        return dossier.with_(paragraphs=paras, sentences=tuple(sents), entities=ents, doc=doc)

    def __call__(self, dossier: Dossier) -> Dossier:
        return self._fill(dossier, nlp_mod.parse(self.nlp, dossier.article.text))

    def pipe(self, dossiers: Iterable[Dossier]) -> Iterator[Dossier]:
        stream = ((d.article.text, d) for d in dossiers)
        for doc, d in nlp_mod.pipe(self.nlp, stream, as_tuples=True, batch_size=self.options.batch_size):
            yield self._fill(d, doc)
