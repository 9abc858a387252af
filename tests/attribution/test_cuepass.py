"""The cue-conditioned second pass: window marking, span rewriting, and the shipped network."""

from __future__ import annotations

import numpy as np

from veracity.attribution.cuepass import BODY, CueDecode, cue_pieces, inputs, pad, refine, window
from veracity.attribution.tagger import TokenProbs

TWO = "The senator said the bill will pass easily, but the governor said it would fail."


def test_window_is_centred_on_the_cue_and_stays_inside_the_article():
    assert window(50, [10, 11]) == (0, 50)  # short article: all of it
    s, e = window(1000, [500])
    assert e - s == BODY and s < 500 < e and abs((s + e) / 2 - 500) <= 1
    assert window(1000, [3]) == (0, BODY)
    assert window(1000, [998, 999]) == (1000 - BODY, 1000)


def test_only_the_cue_pieces_get_token_type_one():
    ids = np.arange(1000, 1300)
    s, e = window(len(ids), [150, 151])
    x, typ = inputs(ids, s, e, [150, 151])
    assert x[0] == 101 and x[-1] == 102 and len(x) == e - s + 2
    assert list(np.nonzero(typ)[0]) == [1 + 150 - s, 1 + 151 - s]
    assert x[1 + 150 - s] == ids[150]
    feeds = pad([(x, typ), (x[:5], typ[:5])])
    assert feeds["input_ids"].shape == (2, len(x))
    assert feeds["attention_mask"][1].sum() == 5 and feeds["token_type_ids"][1].sum() == 0


def test_cue_pieces_cover_the_characters_of_the_cue():
    from veracity.attribution.tagger import encode, tokenizer

    ids, offs = encode(tokenizer(), TWO)
    a = TWO.index("said")
    pieces = cue_pieces(offs, [(a, a + 4)])
    assert [TWO[offs[p][0]:offs[p][1]] for p in pieces] == ["said"]


def _pass(doc, spans):
    """A pass's token probabilities with role -> [(first, end)] token ranges inside."""
    n = len(doc)
    b = np.zeros((n, 3), np.float32)
    i = np.zeros((n, 3), np.float32)
    for role, ranges in spans.items():
        for lo, hi in ranges:
            b[lo, role] = 0.95
            i[lo + 1:hi, role] = 0.95
    return TokenProbs(b, i)


def _tokens(doc, words):
    for k in range(len(doc)):
        if [t.text for t in doc[k:k + len(words)]] == words:
            return list(range(k, k + len(words)))
    raise AssertionError(words)


def test_refine_gives_each_relation_its_own_pass_content_and_source(parse):
    from veracity.attribution.core import RawRelation, run_span

    doc = parse(TWO)
    said1, said2 = [t.i for t in doc if t.text == "said"]
    sen, gov = _tokens(doc, ["The", "senator"]), _tokens(doc, ["the", "governor"])
    # The tagger's decoder ran both contents together under the first cue.
    merged = list(range(said1 + 1, len(doc) - 1))
    rels = [RawRelation(source=(run_span(doc, sen),), cue=(run_span(doc, [said1]),), content=(run_span(doc, merged),),
                        cue_tokens=(said1,), source_tokens=tuple(sen)),
            RawRelation(source=(), cue=(run_span(doc, [said2]),), content=(run_span(doc, [said2 + 1]),),
                        cue_tokens=(said2,), source_tokens=())]
    first = _tokens(doc, ["the", "bill", "will", "pass", "easily"])
    second = _tokens(doc, ["it", "would", "fail"])
    passes = [_pass(doc, {1: [(sen[0], sen[-1] + 1)], 2: [(first[0], first[-1] + 1)]}),
              _pass(doc, {1: [(gov[0], gov[-1] + 1)], 2: [(second[0], second[-1] + 1)]})]
    out = refine(doc, rels, passes, CueDecode(content=0.5, source=0.5), trim_punct=False, trim_sources=True)
    text = lambda spans: " ".join(TWO[s:e] for s, e in spans)  # noqa: E731
    assert text(out[0].content) == "the bill will pass easily"
    assert text(out[0].source) == "The senator"
    assert text(out[1].content) == "it would fail"
    assert text(out[1].source) == "the governor"
    assert out[1].cue == rels[1].cue  # cues are the decoder's


def test_refine_keeps_the_decoder_relation_when_the_pass_finds_no_content(parse):
    from veracity.attribution.core import RawRelation, run_span

    doc = parse(TWO)
    said1 = [t.i for t in doc if t.text == "said"][0]
    sen = _tokens(doc, ["The", "senator"])
    r = RawRelation(source=(run_span(doc, sen),), cue=(run_span(doc, [said1]),), content=(run_span(doc, [said1 + 2]),),
                    cue_tokens=(said1,), source_tokens=tuple(sen))
    empty = _pass(doc, {})
    assert refine(doc, [r], [empty], CueDecode(), False, True) == [r]
    assert refine(doc, [r], [None], CueDecode(), False, True) == [r]
    # a content but no source from the pass: the decoder's source survives only with keep_source
    content_only = _pass(doc, {2: [(said1 + 1, said1 + 6)]})
    assert refine(doc, [r], [content_only], CueDecode(keep_source=True), False, True)[0].source == r.source
    assert refine(doc, [r], [content_only], CueDecode(keep_source=False), False, True)[0].source == ()


def test_shipped_pass_separates_two_side_by_side_relations(parse):
    from veracity.attribution.cuepass import CuePass

    doc = parse(TWO)
    said1, said2 = [t.i for t in doc if t.text == "said"]
    p1, p2 = CuePass().token_probs(doc, [[said1], [said2]])
    bill, fail = _tokens(doc, ["bill"])[0], _tokens(doc, ["fail"])[0]
    senator, governor = _tokens(doc, ["senator"])[0], _tokens(doc, ["governor"])[0]
    assert p1.inside()[bill, 2] > 0.5 and p1.inside()[fail, 2] < 0.5
    assert p2.inside()[fail, 2] > 0.5 and p2.inside()[bill, 2] < 0.5
    assert p1.inside()[senator, 1] > 0.5 and p1.inside()[governor, 1] < 0.5
    assert p2.inside()[governor, 1] > 0.5 and p2.inside()[senator, 1] < 0.5


def test_tagger_extractor_uses_the_pass_unless_told_not_to():
    from veracity.attribution.extractors import TaggerExtractor

    assert TaggerExtractor.load().cuepass is not None
    assert TaggerExtractor.load(cue_pass=False).cuepass is None


def test_an_orphan_cue_gets_a_relation_only_when_its_pass_is_confident(parse):
    from veracity.attribution.cuepass import refine_all

    doc = parse("Critics praised the new budget on Monday.")
    praised = [t.i for t in doc if t.text == "praised"][0]
    budget = _tokens(doc, ["the", "new", "budget"])
    tagger = _pass(doc, {0: [(praised, praised + 1)]})  # a confident cue, no content run near it
    confident = _pass(doc, {1: [(0, 1)], 2: [(budget[0], budget[-1] + 1)]})
    calls = []

    def pass_probs(cues):
        calls.append(cues)
        return [confident for _c in cues]

    off = refine_all(doc, tagger, [], pass_probs, CueDecode(), False, True)
    assert off == [] and calls == [[]]  # orphans off: no pass run for them
    on = refine_all(doc, tagger, [], pass_probs, CueDecode(content=0.5, orphan_min=0.8, orphan_cue=0.7), False, True)
    assert len(on) == 1
    r = on[0]
    assert doc.text[r.cue[0][0]:r.cue[0][1]] == "praised"
    assert doc.text[r.content[0][0]:r.content[0][1]] == "the new budget"
    assert doc.text[r.source[0][0]:r.source[0][1]] == "Critics"
    # a pass that is not sure enough adds nothing
    unsure = _pass(doc, {2: [(budget[0], budget[-1] + 1)]})
    unsure.i[budget[1:], 2] = 0.6
    assert refine_all(doc, tagger, [], lambda cues: [unsure for _c in cues], CueDecode(content=0.5, orphan_min=0.9), False, True) == []


def _old_token_probs(cp, doc, cues):
    """The pass before issue 18's fix: every cue's probabilities as article-long arrays, all held."""
    from veracity.attribution.cuepass import BATCH
    from veracity.attribution.tagger import N_TAGS, ROLES, encode, piece_to_tokens

    out = [None] * len(cues)
    ids, offs = encode(cp.tok, doc.text)
    todo = []
    for k, cue in enumerate(cues):
        last = doc[cue[-1]]
        pieces = cue_pieces(offs, [(doc[cue[0]].idx, last.idx + len(last.text))])
        if pieces:
            s, e = window(len(ids), pieces)
            todo.append((k, s, e, inputs(ids, s, e, pieces)))
    for b in range(0, len(todo), BATCH):
        group = todo[b:b + BATCH]
        probs = cp.session.run(None, pad([g[3] for g in group]))[0]
        for r, (k, s, e, _x) in enumerate(group):
            full = np.zeros((len(ids), len(ROLES), N_TAGS), np.float32)
            full[..., 0] = 1.0
            full[s:e] = probs[r, 1:1 + e - s]
            span = doc.char_span(int(offs[s, 0]), int(offs[e - 1, 1]), alignment_mode="expand")
            out[k] = piece_to_tokens(doc, offs, full, span)
    return out


def test_streamed_window_probabilities_equal_the_article_long_arrays(parse, example_text):
    """The pass now yields one cue at a time and maps only its window's pieces (issue 18: a 300 KB
    article's cues held 1.4 GB): the probabilities are the same, bit for bit."""
    from veracity.attribution.cuepass import BATCH, CuePass

    doc = parse(example_text + "\n\n" + TWO)
    cp = CuePass()
    cues = [[t.i] for t in doc if t.lemma_ in ("say", "tell", "accord")] + [[len(doc) - 1], [3, 4]]
    cues += [[k, k + 1] for k in range(0, len(doc) - 1, 19) if not doc[k].is_space]
    cues.insert(2, [next(t.i for t in doc if t.is_space)])  # a cue without a word piece: None
    assert len(cues) > 2 * BATCH and doc[cues[2][0]].is_space
    old, new = _old_token_probs(cp, doc, cues), list(cp.iter_token_probs(doc, cues))
    assert len(new) == len(cues)
    for a, b in zip(old, new):
        assert (a is None) == (b is None)
        if a is not None:
            assert np.array_equal(a.b, b.b) and np.array_equal(a.i, b.i)
            lo, hi = b.rows
            assert not a.b[:lo].any() and not a.b[hi:].any() and not a.i[:lo].any() and not a.i[hi:].any()


def test_the_pass_runs_at_most_max_runs_times_and_says_how_many_it_left_out(parse):
    from veracity.attribution.core import RawRelation, run_span
    from veracity.attribution.cuepass import SKIPPED_KEY, refine_all

    doc = parse(TWO + " Critics praised the new budget on Monday.")
    said1, said2 = [t.i for t in doc if t.text == "said"]
    praised = [t.i for t in doc if t.text == "praised"][0]
    budget = _tokens(doc, ["the", "new", "budget"])
    rels = [RawRelation(source=(), cue=(run_span(doc, [c]),), content=(run_span(doc, [c + 2]),), cue_tokens=(c,), source_tokens=())
            for c in (said1, said2)]
    tagger = _pass(doc, {0: [(praised, praised + 1)]})
    content = {said1: _pass(doc, {2: [(said1 + 1, said1 + 5)]}), said2: _pass(doc, {2: [(said2 + 1, said2 + 4)]}),
               praised: _pass(doc, {2: [(budget[0], budget[-1] + 1)]})}
    calls = []

    def pass_probs(cues):
        calls.append(list(cues))
        return (content[c[0]] for c in cues)  # the run-time pass is an iterator

    d = CueDecode(content=0.5, orphan_min=0.8, orphan_cue=0.7)
    # no limit: both relations and the orphan cue get a run
    assert len(refine_all(doc, tagger, rels, pass_probs, d, False, True)) == 3 and calls == [[[said1], [said2]], [[praised]]]
    assert SKIPPED_KEY not in doc.user_data
    calls.clear()
    out = refine_all(doc, tagger, rels, pass_probs, d, False, True, max_runs=1)
    assert calls == [[[said1]]]  # the second relation and the orphan cue: no run
    assert out[1] == rels[1] and out[0] != rels[0] and len(out) == 2
    assert doc.user_data[SKIPPED_KEY] == (2, 1)
    calls.clear()
    assert len(refine_all(doc, tagger, rels, pass_probs, d, False, True, max_runs=3)) == 3
    assert doc.user_data[SKIPPED_KEY] == (0, 3)


def test_a_dossier_says_when_the_cue_pass_limit_was_met(monkeypatch):
    from veracity.attribution import cuepass
    from veracity.attribution.stage import TaggerAttributor
    from veracity.records import Article
    from veracity.options import Options
    from veracity.pipeline import Pipeline

    text = ("The senator said the bill will pass easily. The governor said it would fail. "
            "Officials told reporters that 300 people were evacuated.")
    pipe = Pipeline(Options(stages=("text.spacy.v1", "claims.extract.v1", "attribution.tagger.v1")))
    full = pipe.analyze(Article.create(text))
    assert len(full.attributions) >= 2 and not full.warnings
    monkeypatch.setattr(cuepass, "MAX_RUNS", 1)
    capped = pipe.analyze(Article.create(text))
    (w,) = capped.warnings
    assert "cue pass ran on the first 1 cues only (attribution.cuepass.MAX_RUNS)" in w
    assert isinstance(pipe.stages[-1], TaggerAttributor)
