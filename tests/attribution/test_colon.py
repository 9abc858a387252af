"""Colon and dash attributions with a noun cue (``attribution.colon``), on real-style sentences."""

from __future__ import annotations

import pytest

from veracity.attribution.colon import colon_relations


def _one(parse, text):
    doc = parse(text)
    rels = [r for s in doc.sents for r in colon_relations(doc, s)]
    words = lambda spans: [doc.text[a:b] for a, b in spans]  # noqa: E731
    return [(words(r.source), words(r.cue), words(r.content)) for r in rels]


@pytest.mark.parametrize("text, source, content", [
    ("The council's position was blunt: the project should be cancelled.", ["The council"], ["the project should be cancelled"]),
    ("The ministry's verdict — the strike was lawful — came late on Friday.", ["The ministry"], ["the strike was lawful"]),
    ("The message from the Kremlin was clear — Russia will not back down.", ["the Kremlin"], ["Russia will not back down"]),
    ("The conclusion of the inquiry: the fire was started deliberately.", ["the inquiry"], ["the fire was started deliberately"]),
])
def test_a_message_noun_with_an_owner_before_a_colon_or_dash(parse, text, source, content):
    ((src, cue, con),) = _one(parse, text)
    assert (src, con) == (source, content)
    assert cue and cue[-1][-1] in ":\u2014"


@pytest.mark.parametrize("text", [
    # not a message noun: PolNeAR dev has many such colons, and none is an attribution
    "Their plan faced some steep challenges including this one: there was no natural market for coal.",
    # a message noun, but far from the colon
    "The answer came after weeks of talks between the two sides and their lawyers: nobody would pay.",
    # no clause after the mark
    "Her answer: no.",
])
def test_other_colons_are_not_attributions(parse, text):
    assert _one(parse, text) == []
