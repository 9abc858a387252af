"""Repairs to the pinned English pipeline's entities, as a spaCy component after its NER.

The small model often takes a count before a relative date into the date: "rose to *31 last
year*", "up from *22 the year before*". The count is then no quantity, and the date reads as a
day ("22 the year before" resolved to the year 2004). The component splits such a DATE into a
CARDINAL (the count) and the DATE after it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "veracity_count_before_date"
# Words that open a relative date after a bare count ("31 last year", "22 the year before",
# "12 earlier this month"); a month name after a number ("22 June") is a day and stays.
_RELATIVE_OPENERS = frozenset("last this next the a an earlier previous past coming".split())


def _count_first(ent) -> bool:
    first, second = ent[0], ent[1] if len(ent) > 1 else None
    return (second is not None and first.like_num and first.text[:1].isdigit() and not first.text[-2:].isalpha()
            and second.lower_ in _RELATIVE_OPENERS)


@Language.component(NAME)
def count_before_date(doc: Doc) -> Doc:
    if not any(e.label_ == "DATE" and _count_first(e) for e in doc.ents):
        return doc
    ents = []
    for e in doc.ents:
        if e.label_ == "DATE" and _count_first(e):
            ents += [Span(doc, e.start, e.start + 1, label="CARDINAL"), Span(doc, e.start + 1, e.end, label="DATE")]
        else:
            ents.append(e)
    doc.ents = ents
    return doc


def add_to(nlp) -> None:
    """Add the repairs after the pipeline's NER (no-op without one, or when already there)."""
    if "ner" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, after="ner")
