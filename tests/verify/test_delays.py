"""A delay given as a length against the old and the new date (veracity.verify.delays)."""

from __future__ import annotations

import pytest

from veracity.verify.delays import delay_of, same_delay, shift_of
from veracity.verify.reading import read

CLAIM = "Kestrel Semiconductors has postponed the opening of its new chip factory in eastern Germany by two years"
FILING = ("In a statement to the Frankfurt stock exchange on Tuesday, Kestrel Semiconductors said production at its "
          "planned plant in Dresden would begin in 2028 rather than 2026.")


@pytest.mark.parametrize("text, months", [
    (CLAIM, 24),
    ("The city has pushed back the bridge's opening by 18 months.", 18),
    ("The launch was delayed by a year.", 12),
    ("The company raised prices by two years' worth of inflation.", None),  # no delaying verb
    ("The opening was postponed.", None),  # no length
])
def test_delay_of(text, months):
    got = delay_of(read(text))
    assert (got[0] if got else None) == months


@pytest.mark.parametrize("text, months", [
    (FILING, 24),
    ("The bridge will now open in March 2027 instead of September 2025.", 18),
    ("Completion was moved from 2026 to 2029.", 36),
    ("The line's opening was pushed back to 2030 from 2027.", 36),
    ("The company made 2026 its best year since 2019.", None),
])
def test_shift_of(text, months):
    got = shift_of(text)
    assert (got[0] if got else None) == months


def test_the_same_delay_names_both_sides_and_another_length_is_none():
    assert same_delay(read(CLAIM), read(FILING)) == "'by two years' ~ '2028 rather than 2026'"
    assert same_delay(read(CLAIM), read(FILING.replace("2028", "2027"))) is None


def test_the_judge_takes_the_same_delay_as_support_only_with_the_same_party():
    from veracity.verify.judge import _same_delay

    assert _same_delay(CLAIM, FILING, "2025-06-10", "2025-06-10") == "'by two years' ~ '2028 rather than 2026', on 'factory' ~ 'plant'"
    other = FILING.replace("Kestrel Semiconductors", "Voltaic Systems")
    assert _same_delay(CLAIM, other, "2025-06-10", "2025-06-10") is None
