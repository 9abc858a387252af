"""Property tests on the renderers (src/veracity/report): JSON, JSON Lines, HTML, Markdown,
ClaimReview and the summary render any dossier; the JSON ones parse, the dossier JSON is valid
against the schema with exact spans; and no markup from the input (text or metadata: title,
outlet, byline, URL) reaches the HTML or Markdown report unescaped: the HTML report has exactly
the template's own ``<script``/``<style``/``<meta`` tags, no foreign tag, no event handler and
no ``javascript:`` URL."""

from __future__ import annotations

import json

from fuzz_strategies import PAYLOADS, budget, news_text, published, targets
from hypothesis import given
from hypothesis import strategies as st

from veracity import analysis
from veracity.errors import VeracityError
from veracity.records import dossier_to_dict
from veracity.report import render
from veracity.schema import check_offsets, validate

META = st.one_of(st.none(), st.sampled_from(PAYLOADS), news_text(max_pieces=6, surrogates=True))
# The text always carries some payload, so the escaping is always under test.
TEXT = st.tuples(news_text(max_pieces=25), st.sampled_from(PAYLOADS), news_text(max_pieces=10)).map(
    lambda t: f"{t[0]} {t[1]} said the minister. {t[2]}")


def _dossier(text, **meta):
    try:
        return analysis.analyze_text(text, targets.analyze_options(), **meta)
    except VeracityError:
        return None


@budget(25)
@given(text=TEXT, title=META, outlet=META, byline=META, url=META, date=published)
def test_every_renderer_and_no_markup_from_the_input(text, title, outlet, byline, url, date):
    d = _dossier(text, title=title, outlet=outlet, byline=byline, url=url, published=date)
    if d is None:
        return
    data = json.loads(render([d], "json"))
    validate(data)
    assert check_offsets(data) == []
    assert json.loads(render([d], "jsonl")) == data == dossier_to_dict(d)
    assert isinstance(json.loads(render([d], "claimreview")), list)
    assert render([d], "summary")
    targets.check_reports(d)  # HTML and Markdown: no markup from the input


@budget(6)
@given(texts=st.lists(TEXT, min_size=2, max_size=3))
def test_several_dossiers_in_one_report(texts):
    ds = [d for t in texts if (d := _dossier(t)) is not None]
    if len(ds) < 2:
        return
    targets.check_html_escapes(render(ds, "html"), n_dossiers=len(ds))
    assert len(json.loads(render(ds, "json"))) == len(ds)
    assert len(render(ds, "jsonl").split("\n")) == len(ds)  # not splitlines(): U+2028 may stand raw in a string


def test_a_closing_script_tag_in_the_text_stays_inside_the_json_island():
    d = _dossier('The minister said "</script><script>alert(1)</script>" on Monday.')
    html = render([d], "html")
    targets.check_html_escapes(html)
    assert "</script><script>alert(1)" not in html
