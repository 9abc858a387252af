"""Shared fixtures: paths to ../shared, the demo article, and one analysed dossier per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "troops-report.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"../shared not found at {SHARED}: tests read the shared data there")
    return SHARED


@pytest.fixture(scope="session")
def example_text(shared) -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_options():
    from veracity.options import Options

    return Options()


@pytest.fixture(scope="session")
def example_dossier(example_text, default_options):
    from veracity import analysis
    from veracity.model import Article

    article = Article.create(example_text, source_path=str(EXAMPLE), published="2025-02-14")
    return analysis.analyze_article(article, default_options)
