"""The plain-text summary (`--format summary`)."""

from __future__ import annotations

import dataclasses

from veracity.records import Evidence, Span, Verdict
from veracity.report import render


def _with_verdict(dossier, verdict):
    claims = list(dossier.claims)
    top = max(range(len(claims)), key=lambda k: claims[k].checkworthiness)
    claims[top] = dataclasses.replace(claims[top], verdict=verdict)
    return dossier.with_(claims=tuple(claims))


def test_verdict_line_says_how_many_retrieved_sentences_take_a_side(example_dossier):
    off_topic = Evidence("d1", Span(0, 31, "Budgets rose again this spring."), "nei", 0.40, 1.0)
    siding = Evidence("d2", Span(0, 36, "Ten thousand troops will be deployed."), "supports", 0.81, 0.7)
    text = render([_with_verdict(example_dossier, Verdict("NOT_ENOUGH_INFO", 0.82, (off_topic, off_topic)))], "summary")
    assert "2 evidence sentence(s) retrieved, none taking a side" in text
    text = render([_with_verdict(example_dossier, Verdict("SUPPORTED", 0.7, (siding, off_topic)))], "summary")
    assert "2 evidence sentence(s) retrieved, 1 taking a side" in text
