"""The bounded spaCy tokenizer (issue 18 #4): linear on hostile runs, spaCy's own tokens on prose."""

from __future__ import annotations

import re
import time

import pytest

from veracity.text import nlp as nlp_mod

HOSTILE = [
    'Wait.....', "x" + "." * 40, "x" + "." * 17 + '"', '"' + "." * 33 + '"', "US$5 and 5km/h, A$3", "hello's 'quoted' \"yes\"",
    "(" * 50 + "a" + ")" * 50, '".' * 50, '"' + "." * 20 + '"' * 20, "'s" * 400, "http://example.com/" + "a/" * 300 + "...",
    "=" * 80 + "\n\n" + "-" * 100 + " Prices rose.", '"' * 100 + " said  the  minister",
]


@pytest.fixture(scope="module")
def tokenizers():
    import spacy

    from veracity.assets import SPACY_MODEL, verified_path

    return nlp_mod.load().tokenizer, spacy.load(verified_path(SPACY_MODEL)).tokenizer


def _tokens(doc):
    return [(t.text, t.idx, t.whitespace_, t.norm_) for t in doc]


def test_same_tokens_as_spacy_on_prose_and_short_runs(tokenizers, example_text, shared):
    bounded, spacys = tokenizers
    texts = [example_text, *HOSTILE]
    texts += [p.read_text(encoding="latin-1") for p in sorted((shared / "data" / "corpus" / "bbc-news").glob("*/*.txt"))[::40]]
    for text in texts:
        assert _tokens(bounded(text)) == _tokens(spacys(text)), text[:80]


def test_suffix_window_covers_every_bounded_suffix_rule(tokenizers):
    """Only a rule that can match more than SUFFIX_WINDOW characters may reach past the window;
    the window doubles for those (a run of dots), so the windowed search equals spaCy's."""
    import re._parser as sre_parse

    pattern = tokenizers[1].suffix_search.__self__.pattern
    (branch,) = sre_parse.parse(pattern).data
    widths = [sub.getwidth()[1] for sub in branch[1][1]]
    assert max(w for w in widths if w < 1000) < nlp_mod.SUFFIX_WINDOW
    assert nlp_mod.window_suffix_search(re.compile(r"\.\.+$").search)("x" + "." * 500).span() == (1, 501)


@pytest.mark.parametrize("unit", ['"', "'", "!?", "\u201c", "'s", "a\u2019"])
def test_long_runs_are_linear_and_offsets_exact(tokenizers, unit):
    """8,000 '"' took 5 s and 16,000 took 20 s in spaCy's tokenizer (quadratic); 120,000 now well under a second."""
    bounded, _ = tokenizers
    text = "Officials said 300 people were evacuated. " + unit * (120_000 // len(unit)) + " The end."
    t0 = time.perf_counter()
    doc = bounded(text)
    assert time.perf_counter() - t0 < 3.0
    assert doc.text == text and all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    assert [t.text for t in doc[:6]] == ["Officials", "said", "300", "people", "were", "evacuated"]
    assert [t.text for t in doc[-3:]] == ["The", "end", "."]


def test_punctuation_runs_become_tokens_of_the_named_limit(tokenizers):
    bounded, _ = tokenizers
    n = nlp_mod.MAX_PUNCT_RUN
    text = 'He said ' + '"' * (2 * n + 5) + " and left"
    doc = bounded(text)
    assert [len(t) for t in doc if t.text.startswith('"')] == [n, n, 5]
    assert doc[-3].whitespace_ == " " and [t.text for t in doc[-2:]] == ["and", "left"]
