"""Fixtures for the attribution tests: one spaCy pipeline (the text stage's) per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from veracity.options import Options
    from veracity.text.stage import SpacyText

    return SpacyText(Options()).nlp


@pytest.fixture(scope="session")
def parse(nlp):
    return lambda text: nlp(text)
