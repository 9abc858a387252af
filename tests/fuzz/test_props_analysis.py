"""Property tests on text, claims and attribution through ``analysis.analyze_text`` (with the
cheap rule attribution, so that many examples fit in CI):

- nothing but the project's own errors (``VeracityError``), each with a one-line message;
- every span of the dossier satisfies ``text[start:end] == span.text`` (``schema.check_offsets``),
  the article text is the input (lone surrogates replaced one for one), the JSON encodes;
- the same input gives the same dossier.
"""

from __future__ import annotations

from fuzz_strategies import budget, news_text, published, targets
from hypothesis import given
from hypothesis import strategies as st

from veracity import analysis
from veracity.errors import VeracityError
from veracity.records import dossier_to_dict


def _analyze(text, allow_non_english=True, **meta):
    try:
        return analysis.analyze_text(text, targets.analyze_options(allow_non_english), **meta)
    except VeracityError as exc:
        assert exc.message and "\n" not in exc.message, repr(exc.message)
        return None


@budget(50)
@given(text=news_text(surrogates=True), date=published, allow=st.booleans())
def test_analysis_raises_only_own_errors_and_every_span_is_exact(text, date, allow):
    dossier = _analyze(text, allow, published=date)
    if dossier is not None:
        targets.check_dossier(dossier, text)


@budget(15)
@given(text=st.text(min_size=1, max_size=400), date=published)
def test_arbitrary_unicode(text, date):
    dossier = _analyze(text, published=date)
    if dossier is not None:
        targets.check_dossier(dossier, text)


@budget(10)
@given(text=news_text(max_pieces=30))
def test_same_input_same_dossier(text):
    a, b = _analyze(text), _analyze(text)
    if a is None:
        assert b is None
        return
    da, db = dossier_to_dict(a), dossier_to_dict(b)
    for d in (da, db):
        d.pop("timings", None)
        d.pop("analysed_at", None)
    assert da == db


@budget(8)
@given(char=st.sampled_from(['"', "!", ".", "-", "“", "?", "*", "'"]), n=st.integers(100, 3000), words=news_text(max_pieces=8))
def test_long_punctuation_runs_are_analysed_with_exact_spans(char, n, words):
    text = f"{words} {char * n} {words}"
    dossier = _analyze(text)
    if dossier is not None:
        targets.check_dossier(dossier, text)


@budget(6)
@given(sentence=st.sampled_from(["a.", "A b.", "Yes!", "1.", "He said so.", "x"]), n=st.integers(1, 400),
       sep=st.sampled_from([" ", "\n", ""]))
def test_many_tiny_sentences(sentence, n, sep):
    text = sep.join([sentence] * n)
    dossier = _analyze(text)
    if dossier is not None:
        targets.check_dossier(dossier, text)


def test_the_issue_18_smallest_inputs():
    """The reproductions the issue lists for the analysis (one character, a lone surrogate,
    Tomorrow on 9999-12-31), replayed through the fuzz target's checks."""
    for text, date in (("a", None), ("a\ud800.", None), ("Tomorrow.", "9999-12-31"), ("Yesterday.", "0001-01-01"),
                       ('"' * 8000, None)):
        dossier = _analyze(text, published=date)
        if dossier is not None:
            targets.check_dossier(dossier, text)
