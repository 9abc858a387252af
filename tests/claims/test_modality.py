"""Modality labels and the cue words that decided them, on real sentences."""

from __future__ import annotations

import pytest

from claims_helpers import claim_containing


def _mod(claims_run, sentence):
    (c,) = claims_run(sentence).claims
    return c.modality.label, [s.text for s in c.modality.cues]


@pytest.mark.parametrize("words, label, cue", [
    ("according to a senior European diplomat", "reported", "according to"),
    ("Sources close to the operation say", "reported", "say"),
    ("The Wall Street Journal reports that", "reported", "reports"),
    ("will be stationed in eastern Ukraine", "planned", "will be stationed"),
    ("aims to create a continuous aerial presence", "planned", "aims"),
    ("The deployment is divided into two distinct groups", "asserted", None),
    ("‘We are walking a tightrope", "reported", "‘"),
])
def test_demo_sentences(claims_demo, words, label, cue):
    m = claim_containing(claims_demo, words).modality
    assert m.label == label
    if cue is None:
        assert m.cues == ()
    else:
        assert cue in [s.text for s in m.cues]


@pytest.mark.parametrize("sentence, label, cue", [
    ("Any large-scale Western military presence in Ukraine could trigger a rapid response from Russia.",
     "predicted", "could"),
    ("The new law will control internet gambling for the first time.", "predicted", "will control"),
    ("The vote is expected to be close.", "predicted", "expected"),
    ("The talks may collapse before the summer.", "hedged", "may"),
    ("The minister reportedly offered to resign.", "hedged", "reportedly"),
    ("It is possible that the figures were revised.", "hedged", "possible"),
    ("I think the decision is wrong.", "opinion", "think"),
    ("The government should scrap the tax.", "opinion", "should"),
    ("The plan is reckless.", "opinion", "reckless"),
    ("Will the government scrap the tax?", "question", "?"),
    ("The government plans to scrap the tax next year.", "planned", "plans"),
    ("Labour won the election in 1997.", "asserted", None),
])
def test_each_label(claims_run, sentence, label, cue):
    got_label, cues = _mod(claims_run, sentence)
    assert got_label == label, (got_label, cues)
    assert (cue is None and cues == []) or cue in cues


def test_precedence_reported_over_predicted(claims_run):
    # "could" predicts, but someone else says so: reported wins (see modality docstring).
    label, cues = _mod(claims_run, "Analysts warn that the move could trigger a response from Russia.")
    assert label == "reported" and cues == ["warn"]


def test_precedence_question_over_reported(claims_run):
    label, _ = _mod(claims_run, "Did the minister say that taxes would rise?")
    assert label == "question"


def test_attributive_possible_does_not_hedge(claims_run):
    label, _ = _mod(claims_run, "Troops are preparing for a possible invasion.")
    assert label == "asserted"


def test_quoted_question_in_reported_speech_is_reported(claims_run):
    label, cues = _mod(claims_run, "He said 'can I take it please?'")
    assert label == "reported" and cues == ["said"]
    label, _ = _mod(claims_run, "‘Why do so many Scots turn on each other?’")
    assert label == "question"


def test_colon_introduces_reported_speech(claims_run):
    label, cues = _mod(claims_run, 'The Man Utd boss continued: "It is a job that needs a lot of experience."')
    assert label == "reported" and cues == ["continued"]


def test_will_with_nonvolitional_verb_predicts(claims_run):
    assert _mod(claims_run, "That means Novo will miss a further two games.")[0] == "predicted"
    assert _mod(claims_run, "The Rugby Football Union will investigate Robinson.")[0] == "planned"


def test_source_reporting_a_noun_phrase(claims_demo, claims_run):
    m = claim_containing(claims_demo, "highlighted the deep divisions").modality
    assert m.label == "reported" and [c.text for c in m.cues] == ["highlighted"]
    # Without a source as subject the same verb asserts.
    assert _mod(claims_run, "The crisis highlighted the deep divisions.")[0] == "asserted"
