"""Loading the pinned spaCy model once per process, with what a run needs enabled."""

from __future__ import annotations

import functools

from ..assets import SPACY_MODEL, verified_path
from ..errors import ModelError

# spaCy's own default; long articles are cut by our own limit first (options.MAX_ARTICLE_CHARS).
SPACY_MAX_LENGTH = 2_000_000


@functools.lru_cache(maxsize=4)
def load(disable: tuple[str, ...] = ()) :
    """The pinned en_core_web_sm 3.8.0, hash-checked; components in ``disable`` are off."""
    path = verified_path(SPACY_MODEL)
    try:
        import spacy

        nlp = spacy.load(path, disable=list(disable))
    except Exception as exc:  # a broken install surfaces here, not as a bare traceback
        raise ModelError(f"cannot load spaCy model from {path}: {exc}") from exc
    nlp.max_length = SPACY_MAX_LENGTH
    return nlp
