"""Fixtures for the claims tests: one spaCy text stage per session, and a helper that runs
text + claims.extract on a real sentence or article."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import pytest

# The suite runs with --import-mode=importlib, which does not put test folders on sys.path;
# the claims tests share a few plain helpers in claims_helpers.py (a unique module name).
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def claims_text_stage():
    from veracity.options import Options
    from veracity.text.stage import SpacyText

    return SpacyText(Options())


@pytest.fixture(scope="session")
def claims_run(claims_text_stage) -> Callable[..., Any]:
    """``claims_run(text, published=None)`` -> the dossier after text + claims.extract."""
    from veracity.claims.extract import ClaimExtractor
    from veracity.records import Article, Dossier
    from veracity.options import Options

    extractor = ClaimExtractor(Options())

    def run(text: str, published: str | None = None, options: Options | None = None):
        d = claims_text_stage(Dossier(article=Article.create(text, published=published)))
        return (ClaimExtractor(options) if options else extractor)(d)

    return run


@pytest.fixture(scope="session")
def claims_demo(claims_run, example_text):
    """The demo article, published 2025-03-12 (a Wednesday)."""
    return claims_run(example_text, published="2025-03-12")
