"""Old import path of the CRF extractor, kept for ``veracity_train`` (which imports
``learned.CrfExtractor`` and the model file names). New code imports ``crf`` (the CRFs),
``extractors`` (the CRFs with the rules) and ``core`` (relations and token helpers)."""

from __future__ import annotations

from .core import MIN_CONTENT_CHARS, QUOTE_OPENERS, RawRelation, combine, run_span, span_tokens, spans_of, token_runs, trim_source
from .crf import CUE_MODEL, DEFAULT_THRESHOLD, META, MODEL_DIR, ROLE_MODEL, cue_runs
from .extractors import CrfExtractor

__all__ = ["CUE_MODEL", "DEFAULT_THRESHOLD", "META", "MIN_CONTENT_CHARS", "MODEL_DIR", "QUOTE_OPENERS", "ROLE_MODEL",
           "CrfExtractor", "RawRelation", "combine", "cue_runs", "run_span", "span_tokens", "spans_of", "token_runs",
           "trim_source"]
