"""Old import path of the tagger's decoder, kept for ``veracity_train`` (which imports
``tagged.Decode`` and ``tagged.relations``). New code imports ``tagger_decode`` (the decoder)
and ``extractors`` (``relations`` and ``TaggerExtractor``, the decoder composed with the cue
pass, the CRFs and the rules); ``tagger`` is the network."""

from __future__ import annotations

from .extractors import Refine, TaggerExtractor, relations
from .tagger_decode import CONTENT, CUE, SOURCE, Decode, content_runs, direct_relations, fill_relations, role_runs

__all__ = ["CONTENT", "CUE", "SOURCE", "Decode", "Refine", "TaggerExtractor", "content_runs", "direct_relations",
           "fill_relations", "relations", "role_runs"]
