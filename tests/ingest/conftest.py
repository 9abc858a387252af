"""Ingest test helpers: the fixture directory and default options."""

from __future__ import annotations

from pathlib import Path

import pytest

from veracity.options import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture()
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture()
def options() -> Options:
    return Options()
