"""Quantities on real sentences (the demo article and BBC business copy)."""

from __future__ import annotations

import pytest

from claims_helpers import claim_containing


def _q(claims_run, sentence):
    d = claims_run(sentence)
    return [(q.span.text, q.value, q.unit, q.qualifier, q.value_max) for c in d.claims for q in c.quantities]


def test_demo_troops_over_ten_thousand(claims_demo):
    c = claim_containing(claims_demo, "over 10,000 multinational troops")
    (q,) = c.quantities
    assert (q.value, q.qualifier, q.unit, q.span.text) == (10000, ">", "troops", "over 10,000 multinational troops")


def test_money_and_percent_from_bbc(claims_run):
    got = _q(claims_run, "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) "
                         "for the three months to December, from $639m year-earlier.")
    assert ("76%", 76, "percent", "=", None) in got
    assert ("$1.13bn", 1.13e9, "USD", "=", None) in got
    assert ("£600m", 600e6, "GBP", "=", None) in got
    assert ("$639m", 639e6, "USD", "=", None) in got
    # "three months" is a DATE entity: a duration, not a count.
    assert not any(v == 3 for _, v, *_ in got)


@pytest.mark.parametrize("sentence, expected", [
    ("More than 40 people died in the crash.", ("More than 40 people", 40, "people", ">", None)),
    ("At least a dozen were hurt.", ("At least a dozen", 12, None, ">=", None)),
    ("The scheme could cost up to 15 percent more.", ("up to 15 percent", 15, "percent", "<=", None)),
    ("It cost about €3.1bn.", ("about €3.1bn", 3.1e9, "EUR", "~", None)),
    ("Between 5,000 and 7,000 people marched.", ("Between 5,000 and 7,000 people", 5000, "people", "=", 7000)),
    ("Sales rose 3.5 per cent.", ("3.5 per cent", 3.5, "percent", "=", None)),
    ("Hundreds of fans queued outside.", ("Hundreds of fans", 100, "fans", ">", 1000)),
    ("The road is 20 miles long.", ("20 miles", 20, "mile", "=", None)),
    ("Nearly 1.2 million units were sold.", ("Nearly 1.2 million units", 1.2e6, "units", "~", None)),
])
def test_qualifiers_units_ranges(claims_run, sentence, expected):
    got = _q(claims_run, sentence)
    assert expected in got, got


def test_pronoun_one_and_years_are_not_quantities(claims_run):
    got = _q(claims_run, "‘It is a fear,’ said one unnamed EU official in 1999.")
    assert got == []


def test_word_numbers(claims_run):
    got = _q(claims_run, "The deployment is divided into two distinct groups.")
    assert got == [("two distinct groups", 2, "groups", "=", None)]


def test_scale_glued_to_full_stop(claims_run):
    assert _q(claims_run, "The deal was worth $100m.") == [("$100m", 100e6, "USD", "=", None)]


def test_scores_and_fractions(claims_run):
    got = _q(claims_run, "Chelsea sealed a 2-1 win, and two-thirds of voters backed the plan.")
    assert ("2-1", 2, "score", "=", 1) in got
    assert any(u == "fraction" and abs(v - 2 / 3) < 1e-9 for _, v, u, *_ in got)


def test_a_fraction_word_is_a_share_and_compares_as_a_percentage(claims_run):
    from veracity.verify.reading import read

    got = _q(claims_run, "Finland offered to pay half of the costs, and nearly a third of the staff will go.")
    assert [(t, round(v, 4), u, q) for t, v, u, q, _ in got] == [("half", 0.5, "fraction", "="), ("nearly a third", 0.3333, "fraction", "~")]
    assert [(q.span.text, q.value, q.unit) for q in read("More than half of all schools closed.").quantities] == [
        ("More than half", 50.0, "percent")]
    # ... but not a half that scales a number, a part of a period, or an ordinal.
    for text in ("half a million doses", "in the second half of the year", "He won a third term.", "The first quarter of 2024"):
        assert all(u != "fraction" for _, _, u, *_ in _q(claims_run, text)), text
    assert _q(claims_run, "a quarter of a million people")[0][1:3] == (250000.0, "people")


def test_vague_and_few_of_a_scale_are_ranges(claims_run):
    got = _q(claims_run, "Several thousand people gathered, as tens of thousands had in 2020 and a few hundred did on Monday.")
    assert [(t, v, vmax) for t, v, _, _, vmax in got] == [("Several thousand people", 3000, 9000),
                                                          ("tens of thousands", 10000, 100000), ("a few hundred", 200, 500)]


def test_names_with_number_words_are_not_counts(claims_run):
    assert _q(claims_run, "Wales won the Six Nations title.") == []
    assert _q(claims_run, "Ten people died.") == [("Ten people", 10, "people", "=", None)]


def test_a_currency_sign_glued_to_its_figure_is_read():
    from veracity.verify.reading import read

    got = [(q.span.text, q.value, q.unit) for t in ("the base tariff increase of Rs3.45 per kilowatt-hour",
                                                    "a fine of R186 million", "paid Sh5,000,000 each to families")
           for q in read(t).quantities]
    assert got == [("Rs3.45", 3.45, "INR"), ("R186 million", 186e6, "rand"), ("Sh5,000,000", 5e6, "shillings")]


def test_a_count_of_things_measured_in_figures_is_not_one_number(claims_run):
    # "four 30-seat aircraft": four aircraft of 30 seats each, not 34 seats
    got = _q(claims_run, "The airline has placed a firm order for four 30-seat hybrid-electric aircraft.")
    assert ("30-seat", 30, "seat", "=", None) in got and not any(v == 34 for _, v, *_ in got)
    assert _q(claims_run, "Thirty four people came.")[0][1] == 34
