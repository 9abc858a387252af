"""The fact-checking scenarios (tests/verify/scenarios/), judged as a gate.

Each scenario indexes its evidence reports, analyses its article against them with verify and
corroborate, and compares each listed claim's verdict, cited evidence, same-origin marks, fired
checks and independent lines with what a careful fact-checker expects (expect.toml).

Not every expectation holds yet (docs/benchmarks/verify.md lists the misses, measured with
`benchmarks/verify_scenarios.py`): 493 of 511 on the suite. The gate holds what must never
break: no verdict on the wrong side (SUPPORTED where a fact-checker says REFUTED, or the
reverse), no echo of the claim's own origin counted as independent support, and the share of
expectations met no lower than measured.
"""

import json

import pytest

from scenario_runner import HERE, SCENARIOS, analyse, judge, scenario_dirs, two_claim_sentences

DIRS = scenario_dirs(SCENARIOS)
# The scenarios written blind by people who had not read the judge (scenarios_unseen*/): each set
# was first run once as written, then tuned on (docs/BENCHMARKS.md, #17), except the seventh,
# kept for measurement only (its README). The same never-break
# rules hold on them, and their share of expectations met stays at its measured level.
UNSEEN = [d for root in sorted(HERE.glob("scenarios_unseen*")) for d in scenario_dirs(root)]
# Measured 6141/7471 = 0.822 on the 156 (7 Dec 00:05, session 20; unseen28-31, first runs 247/308,
# 237/315, 282/371 and 227/287, 264, 254, 296 and 241 after the session's rules; the older 136 went
# 5088 -> 5086: +1 Rakhine, -3 An Giang, whose check had fired for a wrong reason). Before: 5088/6190 = 0.822 on the 136 (6 Dec 20:55, session 19; unseen23-27, written that
# session, first runs 244/301, 253/315, 251/315, 251/322 and 279/343, then 254, 261, 262, 262 and
# 290 after the session's rules; the older 111 went 3749 -> 3759). Before: 3749/4594 = 0.816 on the 111 (6 Dec 18:25, session 18; unseen19-22, written that
# session, cover every sentence too: first runs 262/315, 254/322, 295/357 and 222/287, then
# 273, 274, 305 and 231 after the session's rules; the older 91 went 2656 -> 2666). Before: 2656/3313 = 0.802 on the 91 (6 Dec 15:25, session 17; unseen17-18 cover every
# checkable sentence, background included, so their share is higher: first runs 311/343 and
# 263/322). Before: 2058/2648 = 0.777 on the 81 (6 Dec 12:00, session 16, after unseen13-16's first runs
# of 119, 127, 124 of 169 and 115; the older 61 went 1503 -> 1551). Before: 1503/1954 = 0.769
# on the 61 (6 Dec 10:35, session 15, after unseen9-12's first runs of
# 127, 118, 123 and 120 of 175; 1382/1779 = 0.777 on 56 and 1114/1429 = 0.780 on 41 earlier
# that session; 952/1254 = 0.759 on 36 on 6 Dec 07:10; 415/554 = 0.749 on the first 16); each new
# set's first run is 0.67-0.73, so the share drifts down as sets are added; the floor leaves room
# for about twenty expectations.
# 7707/9349 = 0.824 on the 186 (7 Dec 02:00, session 21, after unseen32-37's first runs of 253,
# 256, 254, 230, 246 and 279; the older 156 went 6141 -> 6154).
# 8210/10000 = 0.821 on the 196 (7 Dec 02:35, session 21, after unseen38-39's first runs of 260/336
# and 235/315, 260 and 243 after the rules; the older 186 stayed at 7707).
# 10035/12142 = 0.826 on the 211 (7 Dec 05:05, session 22, after unseen40-46's first runs of
# 246/294, 275/329, 221/280, 256/301, 289/343, 246/301 and 250/294; the older 196 went 8210 -> 8217).
# 10588/12828 = 0.825 on the 221 (7 Dec 05:48, session 22, after unseen47-48's first runs of
# 267/343 and 278/343, 271 and 281 after the rules; the older 211 went 10035 -> 10036).
# 12603/15272 = 0.825 on the 229 (7 Dec 08:05, session 23, after unseen49-52's first runs of 266/343,
# 227/287, 221/294 and 249/295 and unseen53-56's (after the rules for 49-52) of 243/294, 244/301,
# 263/322 and 260/308; the older 221 went 10588 -> 10603).
# 13615/16483 = 0.826 on the 233 (7 Dec 08:23, session 23, after unseen57-60's first runs of 243/294,
# 242/294, 254/301 and 270/322 on 384aa63; 247, 242, 254 and 270 after the rules; the older 229 went
# 12603 -> 12602, unseen44's "The first 300 officers could deploy" losing a refutation that rested on
# the mission's total).
# 14712/17726 = 0.830 on the 237 (7 Dec 11:15, session 24, claims cut into statements: after
# unseen61-64's first runs of 246/301, 259/322, 237/301 and 252/301 on fdf3ebf, 253, 260, 240 and 254
# after the session's changes; the older 233 went 13615/16483 -> 13705/16501 (more claims verified:
# a statement cut from its sentence keeps its expectations' fields)). Raised to 0.825: room for
# about 80 expectations.
# 15796/19008 = 0.831 on the 241 (7 Dec 15:01, session 25, b016927, after unseen65-68's first runs of
# 254/329, 248/316, 261/322 and 262/315 on 21314c1, 268, 261, 275 and 269 after the session's rules;
# the older 237 went 14712 -> 14723/17726). Raised to 0.828: room for about 55 expectations.
# 16836/20275 = 0.830 on the 245 (7 Dec 17:09, session 26, after unseen69-72's first runs of 266/322,
# 239/315, 255/322 and 242/308 on ee4111a, 272, 248, 264 and 253 after the session's rules; the
# older 241 went 15796 -> 15799/19008). Kept at 0.828: room for about 50 expectations.
# 17830/21542 = 0.8277 on the 249 (7 Dec 20:29, session 27, after unseen73-76's first runs of 242/315,
# 256/322, 223/308 and 255/322 on 9ca3ab7, 250, 264, 226 and 255 after the session's rules; the
# older 245 went 16836 -> 16835/20275, the four they lost all REFUTED before for a wrong reason: a
# place under a negated verb, a river, another route's airport). Lowered to 0.827 by the new sets.
# 0.8291 of all 80 sets, 396 scenarios (8 Dec 00:07, session 28, da0b015): unseen77-80 1036/1253 on
# their first runs (08b1207), 1065 after the session's rules; the older 76 sets 17830 -> 17835/21542.
# 0.8290 of all 84 sets, 419 scenarios (8 Dec 03:47, session 29, 37a9bca): unseen81-84 1068/1316 on
# their first runs (7130e19), 1080 after the session's rules; the older 80 sets 18900 -> 18907/22795.
# 19985/24111 = 0.8289 on fef74c7 (rule relations kept only when they hold the learned one whole).
MIN_SHARE_UNSEEN = 0.828
# Claims a fact-checker leaves at NOT ENOUGH INFO (background sentences nothing speaks to, claims
# only echoed) that get a verdict anyway: 4 of the 91 scenarios' (6 Dec 14:30, session 17: another
# company's contract, an existing plant's output, another contingent's troops, another figure of
# passengers); 4 of the 46 background sentences of unseen17-18 on their first runs, 0 after;
# 5 of the 101 (6 Dec 17:15, session 18): the four and unseen20's 2014 card-company breach,
# REFUTED by a rival's 2024 breach (two breaches of one kind, told apart only by their victims);
# unseen19-20 had 4 and 6 on their first runs. 9 of the 111 (6 Dec 18:25): unseen21-22 had
# 10 and 3 on their first runs and keep 4 and 1 (another drug's sales estimate, another city's
# tax take, another case's dumping margins, a tariff level against an echo's rise, a ministry's
# release read as support of a claim it does not speak to); of the older four, the desalination
# plant's output is now NOT ENOUGH INFO (docs/benchmarks/verify.md, "Session 18").
# 24 of the 136 (6 Dec 20:55, session 19): the older 111's 9, and 15 of the 104 background
# sentences of unseen23-27 (25 on their first runs: another year's or another party's figure, a
# poll's date against the decision's, a threshold read as a value; docs/benchmarks/verify.md,
# "Session 19").
# 30 of the 156 (6 Dec 23:47, session 20): the older 136's 24 and 6 of the 74 background
# sentences of unseen28-31 (14 on their first runs).
# 43 of the 186 (7 Dec 02:00, session 21): the older 156's 30 and 13 of the 117 background
# sentences of unseen32-37 (21 on their first runs: another season's, another kind's or another
# place's figure, a percentage of another thing, a stance read as a place ruled out).
# 48 of the 196 (7 Dec 02:35): the 186's 43 and 5 of unseen38-39's 33 background sentences (5 on
# their first runs too).
# 56 of the 211 (7 Dec 05:05, session 22): the older 196's 46 (two fewer) and 10 of the 126
# background sentences of unseen40-46 (28 on their first runs); 37 of the 56 share their sentence
# with another expectation.
# 65 of the 221 (7 Dec 05:48): the 211's 55 and 10 of unseen47-48's 40 background sentences (9 on
# their first runs).
# 78 of the 229 (7 Dec 08:05, session 23): the older 221's 60 (five fewer: a count told last year,
# one country's things against a region's, two returns of two things, a figure of years gone by)
# and 18 of the 153 quiet claims of unseen49-56 (25 on their first runs).
# 88 of the 233 (7 Dec 08:23): the 229's 78 and 10 of the 77 quiet claims of unseen57-60
# (10 on their first runs too).
# 93 of the 237 (7 Dec 11:15, session 24): the older 233's 85 (three fewer: claims cut into
# statements) and 8 of the 77 quiet claims of unseen61-64 (11 on their first runs).
# 103 of the 241 (7 Dec 15:01, session 25, b016927): the older 237's 94 (one more: unseen33's "wants
# approved by November 15" against last year's budget "approved on December 2", a deadline compared as
# a bare day) and 9 of the 63 quiet claims of unseen65-68 (12 on their first runs: another mission's
# monitors, another city's budget, another regulator's fine).
# 110 of the 245 (7 Dec 17:09, session 26): the older 241's 99 (four fewer: unseen33's deadline, and
# claims whose wrong check the session's rules removed) and 11 of the 59 quiet claims of unseen69-72
# (18 on their first runs: another port's cocoa, another month's crude output, another institute's
# largest penalty, another province's supply share).
# 112 of the 249 (7 Dec 20:29, session 27): the older 245's 108 (two fewer: another ship's spill,
# another port's cocoa season) and 4 of the 67 quiet claims of unseen73-76 (13 on their first runs).
# 115 of all 80 sets (session 28): the older 76 sets' 112, as at the session's start, and 3 of the 65
# quiet claims of unseen77-80 (8 on their first runs).
# 124 of all 84 sets (session 29): the older 80 sets' 110 (five fewer: another exporter's loadings
# against a crop, ...) and 14 of the 73 quiet claims of unseen81-84 (15 on their first runs).
MAX_LOUD_QUIET = 124
# Verdicts on the wrong side outside sentences of two claims: none on the 245 blind scenarios up to
# unseen72; 3 left of the 11 on unseen73-76's first runs (session 27), each open in issue 17:
# unseen73's "The force would be headquartered in the Romanian port of Constanta" (the report
# placing it at Golcuk shares no word with it and is never judged); unseen74's
# "near Jomsom" against "crashed in Mustang district" (the district holds the town; no table says so);
# unseen76's reopened Desaguadero crossing (its sentence's truck count is refuted, the reopening's
# confirmations are paraphrases the judge does not read). No more may appear.
# (Session 28: unseen77-80 add none after the session's rules; they had 6 on their first runs.)
# (Session 29: unseen81-84 add none after the session's rules; they had 5 on their first runs. The
# Jomsom verdict was put right by setting an unknown district apart from towns, at a cost of 12
# expectations and a counted report: reverted, docs/benchmarks/verify.md "Session 29".)
MAX_WRONG_SIDE = 3
# Refuting reports counted as a corroborating line: none up to unseen72; 1 on unseen75 (session 27,
# as on its first run): the statistics office's technical note placing the weighting error elsewhere
# is read as the same story by corroboration while verification finds no check.
# Session 28: none (a sentence the verifier judged NOT ENOUGH INFO is no corroborating line; a
# report called premature is denied): none may appear.
# Session 29: 1 on unseen83, as on its first run: the Blantyre Water Board's own "piped water ...
# remained cut off" is read by the model as support of "piped supplies ... had been restored" (P 0.78;
# no check sets "restored" against "remained cut off"). It is same-origin, so the verdict does not
# count it, but corroboration lists it as corroborating. Open in issue 17; no more may appear.
MAX_COUNTED = 1
# An echo of the claim's own origin cited as independent support: none up to unseen76; 2 on unseen78
# (session 28, on its first run too, found by the fresh clone's gate after the session's runs):
# Lanka Daybreak's report of Labour Minister Ruwan Jayasekara's own announcement ("... Labour
# Minister Ruwan Jayasekara told reporters in Colombo on Monday") supports the article's two
# sentences that rest on the same announcement. Open in issue 17; no more may appear.
# Session 29: none. The minister's trailing "..., Labour Minister Ruwan Jayasekara announced on Monday"
# is kept beside the tagger's "companies have agreed" (attribution.core.combine), and the sentence
# after the lead rests on the lead's announcing speaker (verify.stage). None may appear.
MAX_ECHO_COUNTED = 0
# Sentences of two claims with opposite expected verdicts, one of which is necessarily on the
# wrong side (see scenario_runner.two_claim_sentences): measured 2 on the 156 (session 20); 5 on
# the 186 (session 21: unseen33's "Deputy Defence Minister Julio Arteaga, a retired army general
# who commanded ..." and "The contract, awarded in June to Lakeshore Petroleum, ..., was worth about
# 38 million dollars"; unseen37's "France would contribute around 2,500 soldiers and Germany up to 1,500").
# 6 on the 196: unseen38's "Most of the deaths were in Santiago Jamiltepec, ..., Oaxaca Governor
# Ricardo Salinas Mora told reporters" (a confirmed content, told by a governor no longer in office).
# 7 on the 211: unseen43's "The bank will also raise reserve requirements on foreign-currency
# deposits from January 1, a measure that Kenzhebayev said would absorb about 400 billion tenge".
# 8 on the 221: unseen47's "The UAE would send two medium-range missile batteries and about 700
# personnel, Qatar 400 and Bahrain about 100" (the UAE denies; Qatar's 400 is confirmed).
# 11 on the 229 (session 23): unseen49's "Italy would contribute two frigates, Spain a frigate and
# a supply ship, and France a minehunter" (Italy's figure is denied, Spain's confirmed) and "France
# would send six Rafale jets, Greece four F-16s and Italy two Eurofighters" (Greece's is corrected,
# France's confirmed); unseen50's "Mozambique's health ministry has confirmed a cholera outbreak in
# ... Nampula, where about 1,240 suspected cases and 19 deaths have been recorded" (the outbreak is
# confirmed, the counts are not).
# 6 on the 237 (session 24): the claims stage now cuts a sentence into its statements
# (claims.clauses), so unseen37's "Germany up to 1,500", unseen47's "Qatar 400" and unseen49's
# lists of countries sharing one verb are claims of their own, with their own verdicts. Left: the
# five of session 21-22 above whose second claim is a relative clause, an apposition or a phrase
# ("a retired army general who commanded ...", "Oaxaca Governor ... told reporters", "alongside a
# revised timetable ...", "a measure that ... would absorb ..."), and unseen50's Nampula outbreak.
# 7 on the 241 (session 25): unseen30's "The final order, signed on September 29, allows up to seven
# round-trip flights a week" now has its date refuted (a bare "September 29" against the docket's
# "October 6", compared by month and day), which the one verdict of the sentence carries to the
# true second statement (a participle phrase, not cut). Session 25 tried cutting trailing relative
# and appositive clauses into claims of their own; it fixed none of the six and was dropped
# (docs/benchmarks/verify.md, "Session 25").
# 8 on the 245 (session 26): unseen70's "The ship was refloated by four tugs on Wednesday morning and
# towed to a lay-by berth at the Vridi container terminal, where it is being held pending an
# inquiry" (refloated: confirmed; where it is held: placed elsewhere by the harbour master, told by
# a place the tagger does not read, so the sentence is SUPPORTED as a whole).
# Session 28 added one (unseen80): "Bolivia has nationalised the Cerro Rojo ... mine, Mining Minister
# Ramiro Choque announced" (the nationalisation confirmed; the speaker's title refuted: he heads the
# state mining corporation).
MAX_TWO_CLAIM_FLIPS = 9
# Measured 490/511 = 0.959 on 15 scenarios (6 Dec, 02:00: another party's or place's figure is not a
# conflicting one, the claim's own source confirming first-hand, a denial confirming a claim
# that reports it and not refuting one that presupposes it; 396/420 = 0.943 on the 12 before);
# rounded down, the floor leaves room for four expectations, no more.
MIN_SHARE = 0.95
# (493/511 = 0.965 on 6 Dec 04:00, after the blind scenarios' rules.)


def judged(dirs, tmp):
    return [o for d in dirs for o in judge(d, analyse(d, tmp / f"{d.parent.name}-{d.name}.db"))]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    return judged(DIRS, tmp_path_factory.mktemp("scenarios"))


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    return judged(UNSEEN, tmp_path_factory.mktemp("unseen"))


def test_blind_scenarios_no_wrong_side_no_echo_counted_and_their_share(unseen):
    assert len(UNSEEN) >= 16
    flips = [o for o in unseen if o.field == "verdict" and {o.expected, o.got} == {"SUPPORTED", "REFUTED"}]
    two = two_claim_sentences(unseen)
    outside = [o for o in flips if (o.scenario, o.sentence) not in two]
    assert len(outside) <= MAX_WRONG_SIDE, "\n".join(f"{o.scenario}: {o.claim!r}: expected {o.expected}, got {o.got}" for o in outside)
    # A sentence holding a true and a false claim gets one verdict: one expectation is on the
    # wrong side whatever it is. Measured: 2, both in unseen30: the Tokai Sakura fares "on April 1,
    # alongside" a timetable placed on the wrong line (REFUTED by the timetable notice; the
    # company's release does not confirm the first clause for the model), and VoltRoll's court
    # petition in the sentence that calls Lea Hartmann its "interim chief executive" (REFUTED by
    # her permanent appointment). Session 21's sets added three (MAX_TWO_CLAIM_FLIPS). No more may appear.
    assert len([o for o in flips if (o.scenario, o.sentence) in two]) <= MAX_TWO_CLAIM_FLIPS
    echoed = [o for o in unseen if o.field == "same_origin" and not o.ok]
    assert len(echoed) <= MAX_ECHO_COUNTED, "\n".join(f"{o.scenario}: {o.claim!r}: {o.expected}" for o in echoed)
    # A report expected to refute is never counted as a corroborating line (unseen5's "trust ...
    # shaken" and unseen8's 262-dollar price and "no origin had been barred" were, until session 15).
    counted = [o for o in unseen if o.field == "contradicting" and not o.ok]
    assert len(counted) <= MAX_COUNTED, "\n".join(f"{o.scenario}: {o.claim!r}: {o.got}" for o in counted)
    ok = sum(o.ok for o in unseen)
    assert ok / len(unseen) >= MIN_SHARE_UNSEEN, f"{ok}/{len(unseen)}"
    loud = [o for o in unseen if o.field == "verdict" and o.expected == "NOT_ENOUGH_INFO" and o.got in ("SUPPORTED", "REFUTED", "DISPUTED")]
    assert len(loud) <= MAX_LOUD_QUIET, "\n".join(f"{o.scenario}: {o.claim!r}: {o.got}" for o in loud)


def test_the_suite_covers_every_kind():
    kinds = {json.loads(line)["kind"] for d in DIRS for line in (d / "evidence.jsonl").read_text().splitlines() if line.strip()}
    assert len(DIRS) >= 12
    assert kinds == {"denial", "echo", "number", "place", "contrary", "role", "unrelated", "confirmation"}


def test_no_verdict_is_on_the_wrong_side(outcomes):
    flips = [o for o in outcomes if o.field == "verdict" and {o.expected, o.got} == {"SUPPORTED", "REFUTED"}]
    assert not flips, "\n".join(f"{o.scenario}: {o.claim!r}: expected {o.expected}, got {o.got}" for o in flips)


def test_an_echo_of_the_claims_origin_is_never_independent_support(outcomes):
    bad = [o for o in outcomes if o.field == "same_origin" and not o.ok]
    assert not bad, "\n".join(f"{o.scenario}: {o.claim!r}: {o.got}" for o in bad)


def test_a_denial_is_never_cited_as_support(outcomes):
    by_claim = {}
    for o in outcomes:
        by_claim.setdefault((o.scenario, o.claim), {})[o.field] = o
    bad = [k for k, f in by_claim.items() if "refuting" in f and "supporting" in f
           and set(f["refuting"].expected) & set(f["supporting"].got)]
    assert not bad, bad


def test_a_contradicting_report_is_never_a_corroborating_line(outcomes):
    bad = [o for o in outcomes if o.field == "contradicting" and not o.ok]
    assert not bad, "\n".join(f"{o.scenario}: {o.claim!r}: {o.got}" for o in bad)


def test_share_of_expectations_met(outcomes):
    ok = sum(o.ok for o in outcomes)
    misses = "\n".join(f"  {o.scenario}: {o.claim!r} {o.field}: expected {o.expected}, got {o.got}" for o in outcomes if not o.ok)
    assert ok / len(outcomes) >= MIN_SHARE, f"{ok}/{len(outcomes)} expectations hold; misses:\n{misses}"
