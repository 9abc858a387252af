from veracity.attribution.core import quote_state
from veracity.attribution.features import cue_features, doc_info, role_features


def _quoted(doc):
    q = quote_state(doc)
    return "".join(t.text_with_ws for t in doc if q[t.i]).strip()


def test_curly_double_quotes_and_apostrophes(parse):
    doc = parse("“It’s over,” he said, and Clinton’s aide agreed.")
    assert _quoted(doc) == "“It’s over,”"


def test_single_curly_quotes_are_quotes_but_apostrophes_are_not(parse):
    doc = parse("‘There is a genuine fear,’ said one official. The West’s approach is changing.")
    assert _quoted(doc) == "‘There is a genuine fear,’"


def test_unmatched_quote_ends_at_paragraph_break(parse):
    doc = parse("He said: \"We will win the vote.\nThe count went on.")
    q = quote_state(doc)
    last = [t for t in doc if t.text == "count"][0]
    assert q[last.i] == 0
    assert any(q[t.i] for t in doc if t.text == "win")


def test_role_features_mark_subject_and_complement_branches(parse):
    doc = parse("The senator said that the bill would pass.")
    info = doc_info(doc)
    cue = [t.i for t in doc if t.text == "said"]
    lo, hi, feats = role_features(info, cue)
    by_tok = {doc[lo + k].text: f for k, f in enumerate(feats)}
    assert "under=nsubj" in by_tok["senator"]
    assert "under=ccomp" in by_tok["bill"]
    assert "iscue" in by_tok["said"]
    assert len(cue_features(info, 0, len(doc))) == len(doc)
