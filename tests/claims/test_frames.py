"""Frames: the plan in the demo article, and each general rule on real sentences."""

from __future__ import annotations

from claims_helpers import claim_containing, extra, frame


def _t(span):
    return span.text if span is not None else None


def test_demo_deployment(claims_demo):
    f = frame(claim_containing(claims_demo, "plan to deploy"), "deploy")
    assert _t(f.agent) == "European defense chiefs"  # inherited: "X unveiled a plan to deploy"
    assert _t(f.patient) == "over 10,000 multinational troops"
    assert _t(f.quantity) == "over 10,000 multinational troops"
    assert _t(f.location) == "to the war-torn nation"
    assert extra(f, "location_ref") == ["Ukraine"]  # the one country named earlier in the sentence


def test_demo_first_contingent_passive_with_purpose(claims_demo):
    c = claim_containing(claims_demo, "The first contingent")
    f = frame(c, "station")
    assert _t(f.patient) == "The first contingent"  # passive subject; comma-set participle trimmed
    assert f.agent is None
    assert _t(f.location) == "in eastern Ukraine"
    assert extra(f, "purpose") == ["to provide direct support to Ukrainian forces"]
    g = frame(c, "provide")  # purpose clause inherits the surface subject
    assert (_t(g.agent), _t(g.patient)) == ("The first contingent", "direct support")
    assert extra(g, "recipient") == ["to Ukrainian forces"]


def test_demo_second_group(claims_demo):
    c = claim_containing(claims_demo, "The second group")
    f = frame(c, "position")
    assert (_t(f.patient), _t(f.location)) == ("The second group", "in strategic locations across Europe")
    g = frame(c, "prepare")
    assert _t(g.agent) == "The second group"
    assert extra(g, "for") == ["for a possible future Russian invasion"]


def test_demo_air_patrol_nominal_frame(claims_demo):
    c = claim_containing(claims_demo, "rotating air patrol")
    f = frame(c, "establishment")
    assert _t(f.patient) == "a rotating air patrol system"
    assert _t(f.agent).startswith("Ukrainian forces")
    g = frame(c, "operate")
    assert _t(g.agent) == "Ukrainian forces"
    assert extra(g, "from") == ["from bases in neighboring countries"]


def test_demo_support_and_opposition(claims_demo):
    c = claim_containing(claims_demo, "signaled cautious support")
    s = frame(c, "signal")
    assert (_t(s.agent), _t(s.patient)) == ("some countries, including Germany and Poland", "cautious support")
    c = claim_containing(claims_demo, "voiced strong opposition")  # the sentence's second claim
    v = frame(c, "voice")  # subject repaired from the parser's mis-attached conjunct
    assert (_t(v.agent), _t(v.patient)) == ("others—particularly in Scandinavia and the Balkans", "strong opposition")


def test_passive_by_agent_and_relative_clause(claims_demo):
    c = claim_containing(claims_demo, "This sentiment has been echoed")
    e = frame(c, "echo")
    assert (_t(e.agent), _t(e.patient)) == ("defense analysts", "This sentiment")
    w = frame(c, "warn")  # "analysts, who warn": the relative pronoun resolves to its noun
    assert _t(w.agent) == "defense analysts"
    t = frame(c, "trigger")
    assert _t(t.agent) == "any large-scale Western military presence in Ukraine"


def test_negation_conjunction_and_xcomp(claims_demo):
    c = claim_containing(claims_demo, "cannot afford to rely")
    a = frame(c, "afford")
    assert a.negated and _t(a.agent) == "Ukraine"
    assert extra(a, "complement") == ["to rely solely on military aid"]
    s = frame(c, "secure")  # conjunct inherits the subject
    assert (_t(s.agent), _t(s.patient)) == ("Ukraine", "‘binding commitments’")
    assert not s.negated


def test_apposition_kept_in_agent(claims_demo):
    f = frame(claim_containing(claims_demo, "has reiterated his vision"), "reiterate")
    assert _t(f.agent) == "former Ukrainian President Volodymyr Zelenskyy’s chief of staff, Andriy Yermak"


def test_time_and_amount_from_bbc(claims_run):
    d = claims_run("Time Warner said on Friday that it now owns 8% of search-engine Google.", published="2005-01-19")
    f = frame(d.claims[0], "say")
    assert _t(f.time) == "on Friday"
    d = claims_run("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) "
                   "for the three months to December.")
    j = frame(d.claims[0], "jump")
    assert _t(j.quantity) == "76%" and extra(j, "amount") == ["76%"]
    assert _t(j.agent) == "Quarterly profits at US media giant TimeWarner"
    assert extra(j, "to") == ["to $1.13bn (£600m)"]  # the closing bracket is kept with its pair


def test_phrases_are_trimmed(claims_demo):
    for c in claims_demo.claims:
        for f in c.frames:
            for s in (f.agent, f.patient, f.location, f.time, *[s for _, s in f.extra]):
                if s is not None:
                    assert s.text == s.text.strip() and s.text[-1] not in ",;:—", s.text


def test_an_action_ruled_out_opposed_or_turned_down_is_not_done():
    from veracity.verify.reading import read

    def negated(text, lemma):
        return next(f.negated for f in read(text).frames if f.lemma == lemma)

    assert negated("Latvia has ruled out buying South Korean howitzers, the minister said.", "buy")
    assert negated("The regent said she was against withdrawing the company's operating licence.", "withdraw")
    assert negated("Norway and Denmark have turned down a request to send combat troops.", "send")
    assert negated("Norway has refused to take part.", "take")
    # ... unless the refusal is itself negated, and a request that is granted stays done.
    assert not negated("Latvia has not ruled out buying more guns.", "buy")
    assert not negated("Denmark has granted a request to send combat troops.", "send")
