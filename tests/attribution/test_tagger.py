"""The MiniLM tagger's windowing, label alignment and decoding (fast: no training, one small ONNX run)."""

from __future__ import annotations

import numpy as np
import pytest

from veracity.attribution.tagger import BODY, STRIDE, TILING_SHIFTS, TokenProbs, owner, piece_to_tokens, windows

SENT = 'The senator said the bill "will pass next week," according to his aides.'


def test_windows_cover_every_piece_with_overlap():
    for n in (0, 5, BODY, BODY + 1, 3 * BODY + 17, 4554):
        wins = windows(n)
        covered = np.zeros(n, dtype=bool)
        for s, e in wins:
            assert 0 <= s < max(e, 1) and e - s <= BODY
            covered[s:e] = True
        assert covered.all()
        if n > BODY:
            assert wins[-1][1] == n
            assert all(b[0] - a[0] <= STRIDE for a, b in zip(wins, wins[1:]))


def test_every_tiling_covers_every_piece():
    for shift in TILING_SHIFTS:
        for n in (BODY + 1, BODY + shift + 3, 3 * BODY + 17, 4554):
            wins = windows(n, shift)
            covered = np.zeros(n, dtype=bool)
            for s, e in wins:
                assert 0 <= s < e <= n and e - s <= BODY
                covered[s:e] = True
            assert covered.all() and wins[-1][1] == n
    # the second tiling's windows start half a stride after the first's
    assert [s for s, _e in windows(3 * BODY, TILING_SHIFTS[1])][1] == STRIDE // 2


def test_a_long_article_is_the_mean_of_its_tilings():
    from veracity.attribution.tagger import Tagger, encode

    tagger = Tagger()
    text = " ".join([SENT] * 40)  # ~800 word pieces: several windows in each tiling
    ids, _offs = encode(tagger.tok, text)
    assert len(ids) > BODY
    reads = [tagger._read(ids, windows(len(ids), shift)) for shift in TILING_SHIFTS]
    _offs, probs = tagger.pieces(text)
    np.testing.assert_allclose(probs, sum(reads) / len(reads), rtol=0, atol=1e-6)
    assert not np.allclose(reads[0], reads[1])  # the tilings really read differently


def test_each_piece_is_read_from_the_window_where_it_has_most_context():
    n = BODY + 100
    wins = windows(n)
    own = owner(n, wins)
    assert own[0] == 0 and own[-1] == len(wins) - 1
    # a piece in the overlap near the first window's end belongs to the second window
    assert own[BODY - 3] == 1


def test_piece_labels_follow_gold_character_spans():
    from veracity.attribution.tagger import encode, tokenizer
    from veracity_train.attribution.tagger import piece_labels

    text = "Officials said the plan failed."
    ids, offs = encode(tokenizer(), text)
    rel = {"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 30)]}
    y = piece_labels(offs, [rel])
    words = [text[s:e] for s, e in offs]
    assert y[words.index("said"), 0] == 1  # cue B
    assert y[words.index("officials" if "officials" in words else "Officials"), 1] == 1  # source B
    assert y[words.index("the"), 2] == 1 and y[words.index("failed"), 2] == 2  # content B then I
    assert y[words.index("."), 2] == 0  # the full stop is outside the gold content


def _probs(doc, spans: dict[int, list[tuple[int, int]]]) -> TokenProbs:
    """Synthetic probabilities: role k is certain on the given token ranges [a, b)."""
    b = np.zeros((len(doc), 3), dtype=np.float32)
    i = np.zeros((len(doc), 3), dtype=np.float32)
    for k, ranges in spans.items():
        for a, z in ranges:
            b[a, k] = 0.9
            i[a + 1:z, k] = 0.9
    return TokenProbs(b, i)


def test_direct_decoding_joins_content_cue_and_source(parse):
    from veracity.attribution.features import doc_info
    from veracity.attribution.tagger_decode import Decode, direct_relations

    doc = parse(SENT)
    # cue "said" (2), source "The senator" (0-1), content "the bill ... week" (3-11)
    probs = _probs(doc, {0: [(2, 3)], 1: [(0, 2)], 2: [(3, 12)]})
    rels = direct_relations(doc, doc_info(doc), probs, Decode(combine_rules=False))
    assert len(rels) == 1
    r = rels[0]
    assert SENT[r.cue[0][0]:r.cue[0][1]] == "said"
    assert SENT[r.source[0][0]:r.source[0][1]] == "The senator"
    assert SENT[r.content[0][0]:r.content[0][1]].startswith("the bill")
    # the same content with no cue within reach is dropped
    far = direct_relations(doc, doc_info(doc), _probs(doc, {2: [(3, 12)]}), Decode(combine_rules=False))
    assert far == []


def test_piece_probabilities_map_to_spacy_tokens(parse):
    from veracity.attribution.tagger import encode, tokenizer

    doc = parse(SENT)
    ids, offs = encode(tokenizer(), SENT)
    p = np.zeros((len(ids), 3, 3), dtype=np.float32)
    p[:, :, 0] = 1.0
    said = next(k for k, (s, e) in enumerate(offs) if SENT[s:e] == "said")
    p[said, 0] = (0.0, 1.0, 0.0)
    tp = piece_to_tokens(doc, offs, p)
    assert tp.inside()[2, 0] == pytest.approx(1.0)
    assert tp.inside()[:, 0].sum() == pytest.approx(1.0)


def _reference_piece_to_tokens(doc, offs, probs, tokens=None):
    """The per-token loop that ``piece_to_tokens`` replaced with array arithmetic."""
    b = np.zeros((len(doc), 3), dtype=np.float32)
    i = np.zeros((len(doc), 3), dtype=np.float32)
    for t in (doc if tokens is None else tokens):
        if t.is_space:
            continue
        lo = int(np.searchsorted(offs[:, 0], t.idx, side="left"))
        hi = int(np.searchsorted(offs[:, 0], t.idx + len(t.text), side="left"))
        if hi <= lo:
            lo, hi = max(0, lo - 1), max(1, lo)
        q = probs[lo:hi]
        b[t.i] = q[0, :, 1]
        i[t.i] = np.clip((q[:, :, 1] + q[:, :, 2]).mean(0) - q[0, :, 1], 0.0, 1.0)
    return b, i


def test_piece_to_tokens_matches_the_per_token_reference(parse):
    from veracity.attribution.tagger import encode, tokenizer

    # multi-piece words, a zero-width character the tokenizer drops, double spaces, a curly quote
    text = "Unprecedentedly,  Zelenskyy\u200b’s spokeswoman said:  \u201cNo.\u201d\n\nIt was  antidisestablishmentarian."
    doc = parse(text)
    ids, offs = encode(tokenizer(), text)
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(3), size=(len(ids), 3)).astype(np.float32)
    for tokens in (None, doc[3:9]):
        got = piece_to_tokens(doc, offs, probs, tokens)
        want_b, want_i = _reference_piece_to_tokens(doc, offs, probs, tokens)
        assert np.array_equal(got.b, want_b)
        assert np.allclose(got.i, want_i, atol=1e-6)
        assert (got.b.sum(1) > 0).sum() == sum(not t.is_space for t in (doc if tokens is None else tokens))


def test_bio_viterbi_keeps_a_wavering_quote_whole_but_splits_two_spans(parse):
    from veracity.attribution.tagger_decode import CONTENT, role_runs

    doc = parse("He said the plan would fail because nobody wanted it at all.")
    probs = _probs(doc, {2: [(2, 13)]})
    probs.i[6, CONTENT] = 0.3  # "because": the tagger wavers mid-quote (a threshold would cut here)
    assert role_runs(doc, probs, CONTENT, 0.5, 0.0) == [list(range(2, 13))]
    assert role_runs(doc, probs, CONTENT, 0.5, 3.0) == [list(range(2, 13))]
    # a B after a clear stretch of O starts a second span
    two = _probs(doc, {2: [(2, 5), (8, 13)]})
    assert role_runs(doc, two, CONTENT, 0.5, 0.0) == [[2, 3, 4], list(range(8, 13))]


def test_shipped_tagger_finds_cue_source_and_content(parse):
    from veracity.attribution.tagger import Tagger

    doc = parse(SENT)
    tp = Tagger().token_probs(doc)
    inside = tp.inside()
    said = [t.i for t in doc if t.text == "said"][0]
    assert inside[said, 0] > 0.5  # cue
    assert inside[1, 1] > 0.5  # "senator": source
    bill = [t.i for t in doc if t.text == "bill"][0]
    assert inside[bill, 2] > 0.5  # content


def test_gap_filling_adds_only_long_confident_uncovered_contents_next_to_a_cue(parse):
    from veracity.attribution.features import doc_info
    from veracity.attribution.core import RawRelation
    from veracity.attribution.tagger_decode import Decode, fill_relations

    doc = parse(SENT)
    info = doc_info(doc)
    d = Decode(fill_min_tokens=5, fill_min_prob=0.8, fill_max_gap=3)
    probs = _probs(doc, {0: [(2, 3)], 1: [(0, 2)], 2: [(3, 12)]})
    rels = fill_relations(doc, info, probs, [], d)
    assert len(rels) == 1
    assert SENT[rels[0].cue[0][0]:rels[0].cue[0][1]] == "said"
    assert SENT[rels[0].source[0][0]:rels[0].source[0][1]] == "The senator"
    # content some kept relation already covers is left alone
    kept = RawRelation(source=(), cue=(), content=(rels[0].content[0],), cue_tokens=(), source_tokens=())
    assert fill_relations(doc, info, probs, [kept], d) == []
    # a short run (fragment) is not added, nor one with no cue within reach
    assert fill_relations(doc, info, _probs(doc, {0: [(2, 3)], 2: [(3, 6)]}), [], d) == []
    assert fill_relations(doc, info, _probs(doc, {2: [(3, 12)]}), [], d) == []


def test_trim_punct_drops_a_closing_full_stop_but_not_from_a_quotation(parse):
    from veracity.attribution.tagger_decode import Decode, content_runs

    doc = parse("The minister said the talks had failed.")
    probs = _probs(doc, {2: [(3, 8)]})  # "the talks had failed ."
    assert [doc[i].text for i in content_runs(doc, probs, Decode())[0]][-1] == "."
    assert [doc[i].text for i in content_runs(doc, probs, Decode(trim_punct=True))[0]][-1] == "failed"
    quoted = parse("The minister said: \u201cThe talks have failed.\u201d")
    n = len(quoted)
    q = _probs(quoted, {2: [(4, n - 1)]})  # from the opening mark to the full stop inside it
    run = content_runs(quoted, q, Decode(trim_punct=True))[0]
    assert quoted[run[0]].text == "\u201c" and quoted[run[-1]].text == "."


def test_decoder_search_breaks_near_ties_on_the_next_figure():
    from veracity_train.attribution.tagger_report import better

    # content overlap within 0.001 and full relation within 0.001: content exact decides
    assert better((0.7155, 0.5562, 0.480), (0.7158, 0.5565, 0.458))
    assert not better((0.7158, 0.5565, 0.458), (0.7155, 0.5562, 0.480))
    # a real gain in content overlap wins whatever the rest says
    assert better((0.720, 0.50, 0.40), (0.715, 0.60, 0.50))
    assert not better((0.715, 0.60, 0.50), (0.720, 0.50, 0.40))


def test_a_content_loses_the_next_paragraphs_opening_quotation_mark():
    from veracity.attribution.core import RawRelation
    from veracity.attribution.tagger_decode import without_dangling_opener

    text = 'He said the talks had failed.\n\n"We will try again," she said.'
    end = text.index('"') + 1
    r = RawRelation(source=(), cue=(), content=((8, end),))
    assert text[slice(*without_dangling_opener(text, r).content[0])] == "the talks had failed."
    # a mark that closes the content's own quotation stays
    text2 = '"We will try again."\n\nShe left.'
    r2 = RawRelation(source=(), cue=(), content=((0, text2.index("\n")),))
    assert without_dangling_opener(text2, r2) == r2


def test_a_cue_of_auxiliaries_alone_is_no_attribution(parse):
    from veracity.attribution.core import RawRelation
    from veracity.attribution.tagger_decode import bare_auxiliary

    doc = parse("These personnel will focus on improving combat tactics. Graham: the party is lost.")
    will = next(t.i for t in doc if t.text == "will")
    colon = next(t.i for t in doc if t.text == ":")
    said = parse("Officials said the plan failed.")
    assert bare_auxiliary(doc, RawRelation(source=(), cue=(), content=(), cue_tokens=(will,)))
    assert not bare_auxiliary(doc, RawRelation(source=(), cue=(), content=(), cue_tokens=(colon,)))
    assert not bare_auxiliary(said, RawRelation(source=(), cue=(), content=(), cue_tokens=(1,)))


def test_long_punctuation_runs_are_not_read_piece_by_piece():
    """Issue 18 #4: MiniLM makes each quote mark a word piece, so 120,000 '"' were 120,000 pieces
    through the network (~70 s). Pieces past MAX_PUNCT_RUN of a run are dropped; others all kept."""
    from veracity.attribution.tagger import bounded_pieces, encode, tokenizer

    tok = tokenizer()
    text = 'He said "' + '"' * 10 + " hi!!!" + "." * 8 + " x, y."
    ids, offs = encode(tok, text)
    keep = bounded_pieces(text, offs, 3)
    assert [text[a:b] for a, b in offs[keep]] == ["He", "said", '"', '"', '"', "hi", "!", "!", "!", "x", ",", "y", "."]
    assert bounded_pieces(SENT, encode(tok, SENT)[1], 3).all()


def test_a_window_of_probabilities_maps_as_the_article_long_array_did(parse):
    """``first_piece``: a cue pass's window alone gives its tokens what an article-long array with O
    outside the window gave them, bit for bit (issue 18: the arrays of ~1,000 cues were gigabytes)."""
    from veracity.attribution.tagger import N_TAGS, encode, tokenizer

    text = "Unprecedentedly,  Zelenskyy\u200b’s spokeswoman said:  \u201cNo.\u201d\n\nIt was  antidisestablishmentarian. " * 6
    doc = parse(text)
    ids, offs = encode(tokenizer(), text)
    rng = np.random.default_rng(1)
    for s, e in ((0, 20), (7, 41), (len(ids) - 25, len(ids)), (3, 4)):
        probs = rng.dirichlet(np.ones(N_TAGS), size=(e - s, 3)).astype(np.float32)
        full = np.zeros((len(ids), 3, N_TAGS), np.float32)
        full[..., 0] = 1.0
        full[s:e] = probs
        span = doc.char_span(int(offs[s, 0]), int(offs[e - 1, 1]), alignment_mode="expand")
        want = piece_to_tokens(doc, offs, full, span)
        got = piece_to_tokens(doc, offs, probs, span, first_piece=s)
        assert np.array_equal(got.b, want.b) and np.array_equal(got.i, want.i)
        assert got.rows == (span.start, span.end)
