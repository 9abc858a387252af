"""Independent lines of evidence from attribution chains."""

from __future__ import annotations

from veracity.corroborate import independence as ind
from veracity.records import Attribution, ChainLink, Span


def attr(source: str, stype: str, entity: str | None = None, chain: tuple = ()) -> Attribution:
    return Attribution("a", (Span(0, len(source), source),), (), (Span(0, 10, "x" * 10),), stype, entity, chain)


def link(text: str, stype: str, entity: str | None = None) -> ChainLink:
    return ChainLink(Span(0, len(text), text), stype, entity)


def test_same_anonymous_official_is_one_line():
    wsj = ind.Report("d1", "Wall Street Journal", (attr("a senior European diplomat", "anonymous"),))
    nyt = ind.Report("d2", "New York Times", (attr("diplomats", "anonymous"),))
    n, origins = ind.independent_lines(None, [wsj, nyt])
    assert n == 1 and origins[0] == origins[1] == "anonymous:diplomat"


def test_outlet_citing_another_outlet_joins_it():
    reuters = ind.Report("d1", "Reuters", (attr("Defence Minister Jan Kowalski", "person", "Jan Kowalski"),))
    daily = ind.Report("d2", "Daily Example", (attr("Reuters", "outlet", "Reuters"),))
    other = ind.Report("d3", "The Times", (attr("the Polish army", "organisation", "Polish army"),))
    n, _ = ind.independent_lines(None, [reuters, daily, other])
    assert n == 2


def test_chain_innermost_source_is_the_origin():
    # "The Guardian, citing Reuters, citing two officials" rests on the officials.
    chained = ind.Report("d1", "The Guardian", (attr("Reuters", "outlet", "Reuters", (link("Reuters", "outlet", "Reuters"), link("two officials", "anonymous"))),))
    assert ind.origin(chained) == "anonymous:official"


def test_own_article_line_is_not_counted_and_unattributed_outlets_are_separate():
    own = ind.Report("d0", "Paper A", (attr("officials", "anonymous"),))
    same_origin = ind.Report("d1", "Paper B", (attr("an official", "anonymous"),))
    own_reporting = ind.Report("d2", "Paper C", ())
    own_reporting2 = ind.Report("d3", "Paper D", ())
    same_outlet = ind.Report("d4", "Paper C", ())
    n, origins = ind.independent_lines(own, [same_origin, own_reporting, own_reporting2, same_outlet])
    assert n == 2  # Paper C (twice, one line) and Paper D; Paper B shares the claim's own source
    assert origins[1] == origins[3] == "outlet:paper c"


def test_a_dateline_is_not_an_origin():
    # "OSLO, March 5 - Denmark, Norway and Sweden said ...": the attribution stage may pass the
    # dateline on as (part of) a source name; it says where the report was filed.
    assert ind.norm("OSLO, March 5 - Denmark") == "denmark"
    dated = ind.Report("d1", "Nordic Wire", (attr("OSLO", "organisation", "OSLO"),))
    assert ind.origin(dated) == "outlet:nordic wire"
    named = ind.Report("d2", "Nordic Wire", (attr("OSLO - Denmark", "organisation", "OSLO - Denmark"),))
    assert ind.origin(named) == "organisation:denmark"
