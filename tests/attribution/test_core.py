"""core.combine: how the rules' relations join a learned extractor's."""

from __future__ import annotations

from veracity.attribution.core import RawRelation, combine

TEXT = ("Sri Lanka's plantation companies have agreed to raise the daily wage to 1,750 rupees, "
        "Labour Minister Ruwan Jayasekara announced on Monday.")


def _span(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def _rel(source: str, cue: str, content: str) -> RawRelation:
    return RawRelation((_span(source),), (_span(cue),), (_span(content),))


LEARNED = _rel("Sri Lanka's plantation companies", "have agreed", "to raise the daily wage to 1,750 rupees")
RULE = _rel("Labour Minister Ruwan Jayasekara", "announced",
            "Sri Lanka's plantation companies have agreed to raise the daily wage to 1,750 rupees")


def test_a_rule_relation_reporting_a_learned_one_whole_is_kept():
    # The minister's announcement holds the companies' agreement: both relations stand.
    assert combine([LEARNED], [RULE], TEXT) == [LEARNED, RULE]


def test_a_rule_relation_over_learned_content_is_dropped_when_it_does_not_hold_the_source():
    # Same content, but the learned relation's source is outside it: the learned reading wins.
    partial = _rel("Labour Minister Ruwan Jayasekara", "announced", "to raise the daily wage to 1,750 rupees")
    assert combine([LEARNED], [partial], TEXT) == [LEARNED]


def test_a_rule_relation_with_a_learned_cue_is_not_added_twice():
    same_cue = RawRelation(LEARNED.source, LEARNED.cue, RULE.content)
    assert combine([LEARNED], [same_cue], TEXT) == [LEARNED]
