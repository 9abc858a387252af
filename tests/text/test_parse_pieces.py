"""Long texts are parsed in pieces of at most MAX_PARSE_TOKENS tokens, and batches hold at most
that many (issue 18: spaCy's peak memory grows with the tokens it runs at once). The limit is
lowered here so that a real article is "long"."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, ORTH, POS, SENT_START, SPACY, TAG

from veracity.text import nlp as nlp_mod

ATTRS = [ORTH, SPACY, TAG, POS, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def nlp():
    from veracity.options import Options
    from veracity.text.stage import SpacyText

    return SpacyText(Options()).nlp


def test_pieces_end_after_a_line_break_else_a_sentence_end(nlp, example_text):
    doc = nlp.make_doc(example_text)
    bounds = nlp_mod.piece_bounds(doc, 120)
    assert bounds[0] == 0 and bounds[-1] == len(doc) and len(bounds) > 3
    assert all(0 < b - a <= 120 for a, b in zip(bounds, bounds[1:]))
    ends = ["\n" if "\n" in doc[b - 1].text else doc[b - 1].text for b in bounds[1:-1]]
    assert set(ends) <= {"\n", "."} and ends.count("\n") >= len(ends) - 1  # a line break in the piece's second half
    one_line = nlp.make_doc("He said so. It was. They left. She won. " * 20)
    cuts = nlp_mod.piece_bounds(one_line, 50)[1:-1]
    assert cuts and all(one_line[b - 1].text == "." for b in cuts)
    assert nlp_mod.piece_bounds(doc, len(doc)) == [0, len(doc)]


def test_a_long_text_parsed_in_pieces_is_one_doc_over_the_same_text(nlp, example_text, monkeypatch):
    whole = nlp(example_text)
    monkeypatch.setattr(nlp_mod, "MAX_PARSE_TOKENS", 150)
    doc = nlp_mod.parse(nlp, example_text)
    assert doc.text == example_text and len(doc) == len(whole)
    assert (doc.to_array([ORTH, SPACY]) == whole.to_array([ORTH, SPACY])).all()
    assert doc.tensor.shape == whole.tensor.shape
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG") and doc.has_annotation("ENT_IOB")
    # pieces end at line breaks, where sentences end anyway: the analyses are the whole text's
    # but for a few tokens whose context window crossed a cut
    differ = (doc.to_array(ATTRS) != whole.to_array(ATTRS)).any(axis=1).sum()
    assert differ <= len(doc) // 50
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]


def test_pipe_keeps_order_and_no_batch_holds_more_tokens_than_the_limit(nlp, example_text, monkeypatch):
    texts = ["The council said 40 homes were flooded on Monday.", example_text, "Prices rose 3% in May, the office said.",
             "Officials said 300 people were evacuated."] * 2
    sizes = [len(nlp.make_doc(t)) for t in texts]
    limit = max(s for s in sizes if s < 200) * 2
    assert max(sizes) > limit
    batches = []
    real_pipe = type(nlp).pipe

    def spy(self, items, **kw):
        if kw.get("as_tuples"):  # spaCy calls itself again on the bare Docs
            items = list(items)
            batches.append(sum(len(d) for d, _c in items))
        return real_pipe(self, items, **kw)

    monkeypatch.setattr(nlp_mod, "MAX_PARSE_TOKENS", limit)
    monkeypatch.setattr(type(nlp), "pipe", spy)
    out = list(nlp_mod.pipe(nlp, ((t, k) for k, t in enumerate(texts)), batch_size=64, as_tuples=True))
    monkeypatch.undo()
    assert [k for _d, k in out] == list(range(len(texts)))
    assert [d.text for d, _k in out] == texts
    assert batches and max(batches) <= limit
    for (doc, k) in out:
        if sizes[k] <= limit:  # in a batch: spaCy's analyses do not depend on the batch
            assert (doc.to_array(ATTRS) == nlp(texts[k]).to_array(ATTRS)).all()
