"""Gatherings (veracity.verify.gathering): the place and date of a meeting are the meeting's."""

from veracity.verify.gathering import at_gathering, gathered_at, order
from veracity.verify.reading import read


def _span_of(r, word):
    from veracity.records import Span

    i = r.text.index(word)
    return Span(i, i + len(word), word)


def test_a_place_hanging_on_a_gathering_is_the_gatherings():
    r = read("ASEAN ministers are expected to approve the plan at a special meeting in Manila on October 20.")
    assert at_gathering(r, _span_of(r, "Manila")) == "meeting"
    r = read("Indonesia and Malaysia will lead a civilian mission of about 400 observers in Myanmar.")
    assert at_gathering(r, _span_of(r, "Myanmar")) is None
    r = read("Agriculture officials will host the governor at the department's headquarters in Austin on December 4.")
    assert at_gathering(r, _span_of(r, "Austin")) == "host"


def test_a_verbs_gatherings_and_which_of_a_series():
    r = read("ASEAN foreign ministers will hold a special meeting in Manila on November 3.")
    hold = next(t for t in r.tree if t[1] == "hold")
    assert gathered_at(r, hold) == {"meeting"}
    r = read("The next summit would be held in Bishkek in 2028.")
    held = next(t for t in r.tree if t[1] == "hold")
    assert gathered_at(r, held) == {"next summit"} and order("next summit") == "next" and order("summit") == ""


def test_a_round_of_talks_is_the_meeting_its_invitation_names():
    from veracity.verify.contradiction import contradictions

    [c] = contradictions("The guarantor powers, Greece, Turkey and Britain, have been invited to join an enlarged round in July",
                         "Britain has been invited to an enlarged meeting on Cyprus with Greece and Turkey in September and will "
                         "attend, Minister for Europe Harriet Coles told the House of Commons on Friday.", 0.7, "2027-05-13", "2027-05-14")
    assert (c.kind, c.detail) == ("date", "'July' vs 'September': another month")


def test_a_gathering_verb_dates_its_meeting():
    from veracity.verify.contradiction import contradictions

    [c] = contradictions("Foreign ministers are expected to formally adopt the sanctions at their meeting in Luxembourg on April 14",
                         "The EU's foreign policy service said on Thursday the Iran sanctions package would be put to foreign "
                         "ministers for formal adoption when they meet in Luxembourg on April 21.", 0.65, "2027-03-10", "2027-03-11")
    assert (c.kind, c.detail) == ("date", "'April 14' vs 'April 21': another day")


def test_a_meeting_held_is_not_the_next_one_to_come():
    from veracity.verify.contradiction import contradictions

    claim = "The Arab League's permanent council discussed an outline of the mission at a closed meeting in Cairo on February 24"
    later = ("Arab League Assistant Secretary-General Nabil Rashed said on Friday that no contingents would be sent before "
             "October. Rashed said Arab foreign ministers would review the proposal at a meeting in Cairo on March 28.")
    assert [c for c in contradictions(claim, later, 0.7, "2027-03-03", "2027-03-05") if c.kind == "date"] == []
    # ... but a meeting still to come on both sides, dated twice, is one meeting.
    [c] = contradictions("Arab foreign ministers will discuss the outline at a meeting in Cairo on March 21", later, 0.7,
                         "2027-03-03", "2027-03-05")
    assert (c.kind, c.detail) == ("date", "'March 21' vs 'March 28': another day")


def test_ministers_of_two_portfolios_meet_as_two_gatherings():
    from veracity.verify.contradiction import contradictions
    from veracity.verify.gathering import attendees

    claim = "The plan is expected to be discussed by EU foreign ministers, who are due to meet in Brussels on March 22."
    defence = ("EU defence ministers are expected to take up the proposal at an informal meeting in Warsaw on March 18, one "
               "of the officials said.")
    assert attendees(read(claim)) == {"foreign"} and attendees(read(defence)) == {"defence"}
    assert [c.kind for c in contradictions(claim, defence, 0.7, "2027-03-09", "2027-03-10")] == []
    foreign = defence.replace("defence", "foreign")
    assert {c.kind for c in contradictions(claim, foreign, 0.7, "2027-03-09", "2027-03-10")} == {"place", "date"}
