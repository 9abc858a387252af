"""veracity: what a news report claims, who says so, and what stands behind it.

    >>> import veracity
    >>> dossier = veracity.analyze(text, title="...", published="2025-02-14")
    >>> pipe = veracity.Pipeline(attribution="learned")       # models load once, here
    >>> dossiers = [pipe.analyze(t) for t in texts]

In spaCy: ``nlp.add_pipe("veracity")`` sets ``doc._.claims`` and ``doc._.attributions``
(:mod:`veracity.spacy_component`). The guide is docs/python.md; the dossier's fields are in
docs/schema.md.

``import veracity`` is cheap: the names below are loaded on first use (PEP 562), so importing
the package loads neither spaCy nor onnxruntime; models load when a pipeline is built.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The JSON shape of a dossier; bump on any incompatible change and say so in docs/schema.md.
SCHEMA_VERSION = "1.2"

# Public name -> the module that defines it, imported when the name is first used.
_LAZY = {
    "analyze": "veracity.analysis",
    "Pipeline": "veracity.pipeline",
    "Options": "veracity.options",
    "Article": "veracity.records",
    "Dossier": "veracity.records",
    "Claim": "veracity.records",
    "Attribution": "veracity.records",
    "Span": "veracity.records",
    "VeracityError": "veracity.errors",
    "InputError": "veracity.errors",
    "UnsupportedLanguageError": "veracity.errors",
    "ConfigError": "veracity.errors",
    "ModelError": "veracity.errors",
    "PipelineError": "veracity.errors",
}

__all__ = ["__version__", "SCHEMA_VERSION", *_LAZY]

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ loads these
    from .analysis import analyze
    from .errors import ConfigError, InputError, ModelError, PipelineError, UnsupportedLanguageError, VeracityError
    from .records import Article, Attribution, Claim, Dossier, Span
    from .options import Options
    from .pipeline import Pipeline


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'veracity' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    """The public names, and the package's submodules imported so far (``veracity.analysis``...)."""
    loaded = {k for k, v in globals().items() if getattr(v, "__name__", "").startswith("veracity.")
              and type(v).__name__ == "module"}
    return sorted(set(__all__) | loaded)
