"""Divergence between two claims' structured parts: real sentences, hand-built model fields."""

from __future__ import annotations

from veracity.corroborate import divergence as dv
from veracity.records import Attribution, Claim, DateRef, Entity, Modality, Place, Quantity, Span

A = "The US plans to send 10,000 troops to eastern Ukraine by March 2025, Defence Secretary Lloyd Austin said."
B = "The US plans to send 30,000 troops to western Ukraine by April 2025, officials said."


def sp(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), part)


def claim(text: str, **kw) -> Claim:
    return Claim(id="c", sentence_index=0, span=Span(0, len(text), text), **kw)


def test_quantity_value_divergence_reports_both_spans():
    a = claim(A, quantities=(Quantity(sp(A, "10,000 troops"), 10000, "troops"),))
    b = claim(B, quantities=(Quantity(sp(B, "30,000 troops"), 30000, "troops"),))
    (d,) = dv.compare(a, b)
    assert d.kind == "quantity"
    assert d.here[0].text == "10,000 troops" and d.there[0].text == "30,000 troops"
    assert "10000" in d.detail and "30000" in d.detail


def test_same_quantity_rounded_or_other_unit_is_not_divergence():
    a = claim(A, quantities=(Quantity(sp(A, "10,000 troops"), 10000, "troops"),))
    same = claim(B, quantities=(Quantity(sp(B, "30,000 troops"), 10001, "troop"),))
    other_unit = claim(B, quantities=(Quantity(sp(B, "30,000 troops"), 30000, "percent"),))
    assert dv.compare(a, same) == ()
    assert dv.compare(a, other_unit) == ()


def test_qualifier_divergence():
    a = claim(A, quantities=(Quantity(sp(A, "10,000 troops"), 10000, "troops", ">"),))
    b = claim(A, quantities=(Quantity(sp(A, "10,000 troops"), 10000, "troops", "="),))
    (d,) = dv.compare(a, b)
    assert d.kind == "quantity" and "qualifier" in d.detail


def test_place_qualifier_and_swap():
    a = claim(A, places=(Place(sp(A, "eastern Ukraine"), "Ukraine", ("UA",), "east"),))
    b = claim(B, places=(Place(sp(B, "western Ukraine"), "Ukraine", ("UA",), "west"),))
    (d,) = dv.compare(a, b)
    assert d.kind == "place" and d.here[0].text == "eastern Ukraine" and d.there[0].text == "western Ukraine"
    c = claim(B, places=(Place(sp(B, "Ukraine"), "Poland", ("PL",)),))
    (d2,) = dv.compare(a, c)
    assert d2.kind == "place" and "Poland" in d2.detail
    # A place on one side only is extra detail, not a disagreement.
    assert dv.compare(a, claim(B)) == ()


def test_dates_compare_on_coarser_granularity():
    a = claim(A, dates=(DateRef(sp(A, "March 2025"), "2025-03", "month"),))
    b_same = claim(B, dates=(DateRef(sp(B, "April 2025"), "2025-03-14", "day"),))
    b_diff = claim(B, dates=(DateRef(sp(B, "April 2025"), "2025-04", "month"),))
    assert dv.compare(a, b_same) == ()
    (d,) = dv.compare(a, b_diff)
    assert d.kind == "date" and d.here[0].text == "March 2025" and d.there[0].text == "April 2025"


def test_actor_modality_and_source_type():
    a = claim(A, entities=(Entity(sp(A, "Lloyd Austin"), "PERSON"),), modality=Modality("planned"))
    b = claim(B, entities=(Entity(sp(B, "officials"), "PERSON"),), modality=Modality("reported"))
    kinds = {d.kind for d in dv.compare(a, b)}
    assert kinds == {"actor", "modality"}
    # 'Mr Austin' is the same actor as 'Lloyd Austin'.
    c = claim("Mr Austin said so.", entities=(Entity(Span(0, 9, "Mr Austin"), "PERSON"),))
    assert dv.actors(a, c) == []
    named = Attribution("a1", (sp(A, "Defence Secretary Lloyd Austin"),), (), (), "person", "Lloyd Austin")
    anon = Attribution("a2", (sp(B, "officials"),), (), (), "anonymous")
    (d,) = dv.source_types([named], [anon])
    assert d.kind == "source_type" and d.here[0].text.endswith("Lloyd Austin") and d.there[0].text == "officials"


def test_lone_figure_that_lost_its_unit_still_diverges():
    t1, t2 = "More than 20 followed suit.", "More than 60 followed suit."
    a = claim(t1, quantities=(Quantity(Span(0, 26, t1[:26]), 20, "suit", ">"),))
    b = claim(t2, quantities=(Quantity(Span(0, 12, t2[:12]), 60, None, ">"),))
    (d,) = dv.compare(a, b)
    assert d.kind == "quantity" and d.here[0].text.startswith("More than 20") and d.there[0].text == "More than 60"
    # Two unmatched figures on a side: ambiguous, so no pairing is guessed.
    c = claim(t2, quantities=(Quantity(Span(0, 12, t2[:12]), 60, None), Quantity(Span(0, 4, "More"), 7, None)))
    assert dv.compare(a, c) == ()


def test_shared_day_does_not_absorb_a_changed_year():
    t1 = "Expectations of strong corporate earnings in 2005 drove the Jakarta exchange to a record high on Wednesday."
    t2 = t1.replace("2005", "2003")
    a = claim(t1, dates=(DateRef(sp(t1, "2005"), "2005", "year"), DateRef(sp(t1, "Wednesday"), "2005-01-12", "day", True)))
    b = claim(t2, dates=(DateRef(sp(t2, "2003"), "2003", "year"), DateRef(sp(t2, "Wednesday"), "2005-01-12", "day", True)))
    (d,) = dv.compare(a, b)
    assert d.kind == "date" and [s.text for s in d.here] == ["2005"] and [s.text for s in d.there] == ["2003"]


def test_pronoun_source_is_not_an_unnamed_source():
    he = Attribution("a3", (sp(B, "officials"),), (), (), "pronoun")
    named = Attribution("a1", (sp(A, "Defence Secretary Lloyd Austin"),), (), (), "person", "Lloyd Austin")
    anon = Attribution("a2", (sp(B, "officials"),), (), (), "anonymous")
    assert dv.source_types([he], [named]) == []
    assert dv.source_types([he], [anon]) == []
    assert len(dv.source_types([anon], [named])) == 1
