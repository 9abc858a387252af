"""`veracity attribute` over many files: one article's failure stays its own, and several
cores are used by worker processes that each parse *and* extract.

Why not ``nlp.pipe(n_process=N)`` followed by extraction in the parent: with the MiniLM tagger
the extraction costs more CPU than the parse (about 0.2 s of parse, 0.2 s of tagger and 0.5 s of
cue pass per PolNeAR article), so a parent extracting on one core while the workers parse leaves
the other core mostly idle. Each worker here holds its own spaCy pipeline and extractor and runs
onnxruntime on one thread; the parent only hands out texts and collects relations, in order.
The processes are the shared :class:`~veracity.batch.pool.WorkerPool`'s, started with ``spawn``:
onnxruntime sessions are not safe to inherit through ``fork``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Sequence

from ..batch.pool import WorkerPool
from ..text.nlp import parse
from .stage import build

# Texts per task: small enough that two workers finish together on a short list, large enough
# that pickling does not dominate (an article's relations are a few kB).
CHUNK = 2

Loaded = tuple[Any, Callable[[Any], list], str]  # (nlp, extract, method tag)
Loader = Callable[[str], Loaded]


def extract_safely(text: str, doc: Any, extract: Callable[[Any], list], tag: str) -> tuple[tuple, dict | None]:
    """(attributions, None), or ((), error) when extraction fails on this article: a bug met on
    one article must not end a run over many (the error has the shape of ``VeracityError.to_dict``)."""
    try:
        return build(text, doc, extract(doc), tag), None
    except Exception as exc:  # noqa: BLE001
        return (), {"code": "internal", "message": f"attribution failed: {type(exc).__name__}: {exc}", "source": None}


def _work(loaded: Loaded, text: str) -> tuple[tuple, dict | None]:
    nlp, extract, tag = loaded
    return extract_safely(text, parse(nlp, text), extract, tag)


def attribute_parallel(texts: Sequence[str], method: str, processes: int, loader: Loader) -> Iterator[tuple[str, tuple, dict | None]]:
    """(text, attributions, error) per text, in input order, from ``processes`` workers; ``loader``
    (a module-level function, so that it pickles) returns (nlp, extract, method tag)."""
    with WorkerPool(processes, loader, (method,)) as pool:
        for text, (atts, error) in zip(texts, pool.imap(_work, texts, chunksize=CHUNK)):
            yield text, atts, error
