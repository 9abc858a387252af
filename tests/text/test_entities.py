"""The entity repairs after the pinned pipeline's NER (veracity.text.entities)."""

from veracity.text.nlp import load


def ents(text):
    return [(e.text, e.label_) for e in load()(text).ents]


def test_a_count_before_a_relative_date_is_split_from_it():
    got = ents("Attacks on ships rose to 31 last year from 22 the year before.")
    assert ("31", "CARDINAL") in got and ("last year", "DATE") in got
    assert not any(t.startswith("31 ") or t.startswith("22 ") for t, _ in got)


def test_a_day_and_month_stays_one_date():
    assert ("22 June", "DATE") in ents("The talks resumed on 22 June in Geneva.")
