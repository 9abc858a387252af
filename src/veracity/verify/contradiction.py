"""Frame-level contradiction between what a claim asserts and one evidence sentence.

Each check compares the structured readings of both sides (:mod:`veracity.verify.reading`)
and, when it fires, names the words that fired on each side (:class:`~veracity.records.Check`,
spans into the two texts given):

- ``denial``: the evidence denies, rejects, dismisses, retracts or corrects what the claim
  asserts ("There is no plan to ...", "not aware of", "false"), not what it only presupposes
  (:mod:`veracity.verify.denial`); ``detail`` says when the denier is a party the claim is
  about (a party denying a report about itself weighs as refutation);
- ``negation``: the same action negated on one side only;
- ``number``: quantities on the same head noun (modifiers skipped: "over 10,000 multinational
  troops" counts troops) whose ranges, read with their qualifiers, do not overlap, for the same
  place and a topic shared with what the evidence reports (not with whom it was told to);
- ``place``: the same event placed elsewhere (ISO codes, region groups, eastern vs western);
- ``date``: the same event dated differently;
- ``role``: a title held formerly on one side and presently on the other, modifiers allowed
  ("former Ukrainian President X" vs "President X"; "ex-", "then-");
- ``polarity``: the same party for on one side and against on the other (support / oppose,
  back / reject, approve / veto; curated, negation-aware), the party being who holds the
  stance in the parse (its subject, or a "from" phrase), not any name nearby.

Nothing fires unless the two sides are about the same thing (``MIN_TOPIC_OVERLAP`` of the
claim's content words recur in the evidence): two unrelated sentences with different numbers
do not contradict each other. Nor do the checks of an event's details (number, place, date,
negation, direction) compare two parties' events: "the health ministry will hire 2,000 nurses"
and "the Scottish government ... would recruit 500 nurses" (:mod:`veracity.verify.parties`).
"""

from __future__ import annotations

import re

from ..records import Check, Span
from .checks import _STOP as _STOPWORDS
from ..claims.gazetteer import capital_of, city
from ..claims.places import is_place_name, resolve_name
from . import lexicon
from .checks import content_words, numbers, topic_overlap
from .owners import OUTSIDE_STORY, elsewhere, other_companies, other_countries, other_months, other_periods, other_years, outside_story, part_and_whole, titled_elsewhere
from .figures import FIGURE, _agree, _head, agreeing_numbers, check_numbers  # noqa: F401  (agreeing_numbers: re-exported)
from .counted import is_money
from .terms import check_terms
from .negation import _opposite_words, check_negation  # noqa: F401  (check_negation: in CHECKS)
from .reading import Reading, read
from .roles import TITLES, check_roles  # noqa: F401  (TITLES: re-exported)
from .roles import could_fire as roles_could_fire
from .when import FIRST, _event_date, check_dates, counted_before, event_years, first_since, not_yet
from .quarters import in_denied_report, names_a_part, other_routes
from .ruled_out import MAX_GROUP_CODES
from .where import check_places
from .weekdays import ANY_WEEKDAY, ON_WEEKDAY, weekdays_apart
from .stance_objects import PLAN_NOUNS, _other_object, _same_object, composed  # noqa: F401  (PLAN_NOUNS: re-exported)
from .direction import DIRECTION, check_direction, moves_of_other_days
from .denial import _DENIAL, BY_PARTY, by_party, check_denial, of_main  # noqa: F401  (re-exported)
from .parties import GENERIC, NOT_EVENTS, different_parties, different_patients, reported_content, same_names  # noqa: F401  (GENERIC: re-exported)
from .parties import children
from .parties import names as _names

# Share of the claim's content words that must recur in the evidence before a mismatch counts
# as a contradiction rather than two sentences about different things. Denials restate the
# claim in few words ("There is no plan to send troops to Ukraine"), so they need less.
MIN_TOPIC_OVERLAP = 0.3
MIN_DENIAL_OVERLAP = 0.2
# ... and a denial of the claim's own main action (:func:`veracity.verify.denial.of_main`) still
# less: "No decision has been taken on sending air-defence systems to Romania" shares 2 of the
# 16 content words of "Italy will deploy two medium-range air-defence batteries to Romania early
# next year to help protect the country's Black Sea coast" (0.125, cosine 0.35); the denied
# action standing as the claim's main verb is the topic test.
MIN_MAIN_DENIAL_OVERLAP = 0.1
# "none", "nobody", "nothing", "nowhere": a negated quantity ("14 villages in Siddapur taluk, and
# none in neighbouring Sirsi taluk") is a negation a paraphrase must not carry on one side only.
_REFUSED = re.compile(r"\b(?:refus|declin)(?:e|es|ed|ing)\s+to\b", re.IGNORECASE)
# Other forms of an action not done, which the frames read (claims.frames._refused): "ruled out
# buying", "was against withdrawing", "turned down a request to send". Only a gate before the
# parse: "asking trustees to rule out school closures" negates no action.
_RULED_OUT = re.compile(r"\brul(?:e|es|ed|ing)\s+out\b|\bturn(?:s|ed|ing)?\s+down\b|\bagainst\s+\w+ing\b"
                        r"|\b(?:reject|dismiss)(?:s|es|ed|ing)?\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:request|call|proposal|demand|offer)s?\b"
                        r"|\bdeclin(?:e|es|ed|ing)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:invitation|request|call|offer)s?\s+to\b",
                        re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|neither|nor|cannot|none|nobody|nothing|nowhere)\b|n't\b", re.IGNORECASE)

# Stance words: True = for, False = against (lemmas).
POLARITY = {
    **{w: True for w in "support back endorse approve welcome favour favor accept embrace champion praise ratify agree".split()},
    **{w: True for w in "supportive".split()},
    # Trust in a party, as a stance: "he had full confidence in the central bank's staff" /
    # "his trust in the central bank's staff had been shaken" (reading.UNDOING_VERBS).
    **{w: True for w in "confidence trust faith".split()},
    **{w: False for w in "oppose opposition opposed reject veto block resist refuse condemn criticise criticize object oppose "
       "resistance hesitant reluctant boycott ban scrap abandon withdraw halt suspend deny disagree".split()},
}


def _span(text: str, a: int, b: int) -> Span:
    return Span.of(text, a, b)


# ------------------------------------------------------------------------ time orientation
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?\s+(?:to|for)\b|planned|planning|intends?|intended|expected to|set to|due to|is to|are to|"
                     r"going to|aims? to|proposed|proposes?|next (?:year|month|week)|by the end of|could|may|might)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:already|since|ago|last (?:year|month|week)|previously|so far|has been|have been|had)\b", re.IGNORECASE)


def orientation(text: str) -> str:
    """future | past | unknown: two figures for one thing, one done and one planned, are two
    different things ("has already shut 25 branches" vs "plans to close 40")."""
    fut, past = bool(_FUTURE.search(text)), bool(_PAST.search(text))
    if fut and not past:
        return "future"
    if past and not fut:
        return "past"
    return "unknown"


def _done_before(r: Reading, other: Reading) -> bool:
    """The sentence dates its event in a year before the other side was published ("signed a
    broader security agreement in 2022"): done, whatever its verbs say."""
    years = event_years(r, dated_only=True)
    pub = other.published or r.published
    return bool(years and pub and max(years) < pub[:4])


def same_time(claim: Reading, evidence: Reading) -> bool:
    a, b = orientation(claim.text), orientation(evidence.text)
    # An event done in a past year and one still to come are two ("signed ... in 2022, but never
    # ratified" / "are set to sign a maritime security pact next week").
    if (b == "future" and _done_before(claim, evidence)) or (a == "future" and _done_before(evidence, claim)):
        return False
    return "unknown" in (a, b) or a == b


# ------------------------------------------------------------------------ polarity
# Clause breaks that separate two parties' stances ("some back it, while others oppose it");
# dashes are left alone: they mostly set off a parenthesis ("others\u2014in Scandinavia\u2014oppose").
_CLAUSE_BREAK = re.compile(r";|,\s*(?=(?:while|whereas|but|others|although)\b)|\bwhile\b|\bwhereas\b", re.IGNORECASE)


_SENTENCE_ADVERBS = frozenset("however meanwhile moreover nevertheless still yet instead also".split())
_CAP_WORDS = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


# A stance word whose object is what others said ("rejecting reports that ...", "dismissed
# claims of ..."): the party denies an account, it takes no side on the claim's plan.
_ON_REPORTS = re.compile(r"\s+(?:the\s+|these\s+|those\s+|such\s+|any\s+|media\s+|press\s+|news\s+|earlier\s+|recent\s+)*"
                         r"(?:reports?|claims?|suggestions?|allegations?|speculation|rumou?rs?|accounts?|assertions?|talk)\b",
                         re.IGNORECASE)


def _opening_name(words: str) -> bool:
    """Capitalised words opening a sentence that are a name: two or more, the first no function
    word or sentence adverb ("Aegis Bulk Carriers", not "The Green" or "However")."""
    first = words.split()[0].lower()
    return len(words.split()) >= 2 and first not in _STOPWORDS and first not in _SENTENCE_ADVERBS


def _stances(r: Reading) -> list[tuple[bool, Span, set[str], set[str]]]:
    """Per stance word with a holder the parse names: (for?, the word, the holder's place codes,
    the holder's names). A stance with no identified holder cannot be set against another."""
    out = []
    names = _names(r)
    for s, e, lem, neg, a, b in r.stances:
        if _ON_REPORTS.match(r.text, e):  # "rejecting reports that Bangkok would stay out": a denial, not a stance on the plan
            continue
        if in_denied_report(r.text, s):  # "rejected ... reports that Spain had accepted a reduction": the stance denied
            continue
        if a < 0:  # the clause before the stance word: "..., others in Scandinavia have voiced opposition"
            a, b = max([0] + [m.end() for m in _CLAUSE_BREAK.finditer(r.text, 0, s)]), s
        pol = POLARITY[lem] != neg
        codes = {c for p in r.places if a <= p.span.start < b and p.kind in ("country", "region", "demonym")
                 and len(p.codes) <= MAX_GROUP_CODES for c in p.codes}
        nm = {k for k, sp in names.items() if a <= sp.start < b}
        # A capital that takes a side is its government ("Kinshasa welcomed ..."): its country.
        codes |= {c for k in nm if (c := capital_of(k))}
        # The holder's capitalised words name it too ("The Green and Liberal Democrat groups"),
        # but not a sentence's first word ("However, ...", "Officials"), unless a place's ("Nigeria
        # has backed the plan"), nor a function word.
        # A name of several words opens a sentence as well ("Aegis Bulk Carriers said ... it rejected").
        nm |= {m.group().lower() for m in _CAP_WORDS.finditer(r.text, a, b)
               if (m.start() > 0 or is_place_name(m.group()) or _opening_name(m.group())) and m.group().lower() not in _STOPWORDS
               and m.group().lower() not in _SENTENCE_ADVERBS}
        if codes or nm:
            out.append((pol, _span(r.text, s, e), codes, nm))
    return out


def _country(name: str) -> bool:
    hit = resolve_name(name)
    return hit is not None and hit[2] == "country"


def check_polarity(claim: Reading, evidence: Reading) -> list[Check]:
    for cp, cw, cc, cn in _stances(claim):
        for ep, ew, ec, en in _stances(evidence):
            names = same_names(cn, en)
            same_party = bool(cc & ec) or bool(names)
            # (a party known by its country alone takes no side against one on another thing:
            # "Voters in Ecuador's Azuay province have backed a ban on ... mining" / "Ecuador's
            # Constitutional Court ... cleared a referendum in Imbabura ..., rejecting a challenge")
            if same_party and cp != ep and not _other_object(claim, cw, evidence, ew, acting=not all(map(_country, names))) \
                    and not composed(claim, cw, evidence, ew):
                who = ", ".join(sorted(names)) or ", ".join(sorted(cc & ec))
                # (which side is for: "'agreed' vs 'agreed'" reads as nothing when one is negated)
                side = ("for", "against")
                return [Check("polarity", f"'{cw.text}' vs '{ew.text}' for the same party ({who}): {side[not cp]} in the claim, "
                                          f"{side[not ep]} in the evidence", (cw,), (ew,))]
    return []


# A party of at most this many countries is confirmed by any one of them taking its side ("some
# countries, including Germany and Poland, have signaled cautious support" / "Germany backs the
# plan"); a larger group (a region) only by all of them.
SAME_SIDE_MEMBERS = 3
def same_stance(claim: Reading, evidence: Reading) -> str | None:
    """The same party taking the same side on the same thing on both sides ("The Congolese
    government has welcomed the proposal" / "Kinshasa welcomed a new deployment by southern
    African states"), as the reason a support gives; None if none. Not a side taken on another
    thing ("criticised the plan" / "criticised France for delivering self-propelled howitzers")."""
    for cp, cw, cc, cn in _stances(claim):
        for ep, ew, ec, en in _stances(evidence):
            names = same_names(cn, en)
            # (two members of a region's eight are not the region: "Denmark and Norway said they
            # backed ..." confirms nothing of "foreign ministers of eight Nordic and Baltic states agreed")
            if cp == ep and (names or (cc & ec and (ec >= cc or len(cc) <= SAME_SIDE_MEMBERS))) \
                    and _same_object(claim, cw, evidence, ew):
                who = ", ".join(sorted(names)) or ", ".join(sorted(cc & ec))
                return f"the same side taken by the same party ('{cw.text}' ~ '{ew.text}'; {who})"
    return None


# Which checks need how much evidence that the two sides are about the same thing: shared
# content words (share of the claim's), or the MiniLM cosine the verifier computed. A role
# check needs only the same person (a title is a fact about them, whatever the event); a
# polarity check needs the same party, so less topic.
TOPIC_NEEDED = {  # check -> (min topic overlap, min cosine); either suffices
    "denial": (MIN_DENIAL_OVERLAP, 0.50),
    "negation": (MIN_TOPIC_OVERLAP, 0.55),
    # Two figures on one head noun are one figure only when the sentences share a topic: two of
    # thirteen words alone do not make it ("spend 20 million pounds on a training ground" / "the
    # club is being sold for about 18 million pounds", cosine 0.31); a little of both does.
    "number": (MIN_TOPIC_OVERLAP, 0.45),
    "place": (MIN_TOPIC_OVERLAP, 0.55),
    "date": (MIN_TOPIC_OVERLAP, 0.55),
    "role": (0.0, 0.0),
    "polarity": (0.15, 0.25),  # a party for and against, often with no word in common: the party is the link
    "direction": (MIN_TOPIC_OVERLAP, 0.45),  # as for numbers: the changing thing is named on both sides
}
# Checks that compare two statements of one moment: a figure, place or date planned on one
# side and done on the other is two different things.
TIME_BOUND = frozenset({"place", "date"})  # numbers compare the orientation of each figure's own clause
# ... or both a little of each: a place or figure check also runs when the two share some words
# and some meaning ("The outbreak is centred on ... Iasi" vs "Most cases in Romania's measles
# outbreak ... in Timis": overlap 0.20, cosine 0.46).
BOTH_OVERLAP, BOTH_COSINE = 0.15, 0.42
_CAPITALISED_AFTER_PREP = re.compile(r"\b(?:in|at|near|across|throughout|around|off|into|to|from|on|within|of)\s+(?:the\s+)?(?:\S+\s+){0,3}?[A-Z]"
                                     r"|\b(?:is|was)\s+[A-Z]")  # "The worst-hit town is Slavonski Brod"
_POLARITY_WORD = re.compile(r"\b(?:" + "|".join(sorted(POLARITY)) + r")\w*", re.IGNORECASE)
_DIRECTION_WORD = re.compile(r"\b(?:" + "|".join(sorted(DIRECTION)) + r"|rose|risen|grew|grown|fell|fallen|cut|slashed|lowered)\w*",
                             re.IGNORECASE)
_DATEISH = re.compile(r"\b(?:1[5-9]\d\d|20\d\d|yesterday|today|tomorrow|last|next|ago|this (?:week|month))\b", re.IGNORECASE)
# ... and the claim's weekday against a date of the evidence ("began ... on Monday" / "would begin
# on February 25"); a statement's own day ("said on Thursday") is left out by the check itself.
_MONTH_NAME = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")


def _dated(c: str, e: str) -> bool:
    return bool((_DATEISH.search(c) or _MONTH_NAME.search(c) or ON_WEEKDAY.search(c)) and (_DATEISH.search(e) or _MONTH_NAME.search(e)))


def _check_dates(cr: Reading, er: Reading) -> list[Check]:
    """The dates compared when both sides give one (two weekdays only when both reports are
    dated: ``weekdays``); else only done vs still to come."""
    if _dated(cr.text, er.text):
        return check_dates(cr, er)
    return weekdays_apart(cr, er) or not_yet(cr, er) or first_since(cr, er)


# Done on one side, still to come on the other (when.not_yet).
_DONE = re.compile(r"\b(?:was|were|has|have|had)\s+(?:been\s+)?(?:already\s+)?\w+(?:ed|en|t)\b", re.IGNORECASE)
_TO_COME = re.compile(r"\b(?:will|would|shall|to)\s+(?:be\s+)?\w+", re.IGNORECASE)
# Text-level conditions without which a check cannot fire: most evidence sentences meet none,
# and are never parsed (the parse is most of a check's cost).
PRE_GATES = {
    "denial": lambda c, e: bool(_DENIAL.search(e)),
    "negation": lambda c, e: bool(_NEGATION.search(c) or _NEGATION.search(e) or _REFUSED.search(c) or _REFUSED.search(e)
                                  or _RULED_OUT.search(c) or _RULED_OUT.search(e)
                                  or _opposite_words(c, e)),
    "number": lambda c, e: bool(FIGURE.search(c) and FIGURE.search(e)),
    "place": lambda c, e: bool((_CAPITALISED_AFTER_PREP.search(c) or names_a_part(c))
                               and (_CAPITALISED_AFTER_PREP.search(e) or names_a_part(e))),
    "date": lambda c, e: _dated(c, e) or bool(ANY_WEEKDAY.search(c) and ANY_WEEKDAY.search(e)) or bool(_DONE.search(c) and _TO_COME.search(e))
    or bool(FIRST.search(c)),
    "role": roles_could_fire,
    "polarity": lambda c, e: bool(_POLARITY_WORD.search(c) and _POLARITY_WORD.search(e)),
    "direction": lambda c, e: bool(_DIRECTION_WORD.search(c) and _DIRECTION_WORD.search(e)),
}
def _check_numbers(cr: Reading, er: Reading) -> list[Check]:
    """Figures of one counted thing, then terms served (terms.check_terms: no figure for the tagger)."""
    return check_numbers(cr, er) or check_terms(cr, er)


CHECKS = {"denial": check_denial, "negation": check_negation, "number": _check_numbers, "place": check_places,
          "date": _check_dates, "role": check_roles, "polarity": check_polarity, "direction": check_direction}


# Checks that compare details of one event (how many, where, when, done or not, up or down):
# they fire only when both sides could be that event. When each side names who acts and
# neither names the other's party (:func:`veracity.verify.parties.different_parties`: "the
# health ministry will hire 2,000 nurses" / "the Scottish government ... would recruit 500
# nurses"), they are two events and none of these compares them. Denial, role and polarity
# checks find their own party.
EVENT_CHECKS = frozenset({"number", "place", "date", "negation", "direction"})


# Checks read on the claim's whole sentence, not only its content: a title belongs to whoever
# the sentence names, the speaker included ("Former Minister X said ..."), and a stance to
# whoever holds it, often the source of the attribution ("others, particularly in Scandinavia,
# have voiced strong opposition": the content alone, "opposition", names no one). Their claim
# spans index the sentence.
SENTENCE_CHECKS = frozenset({"role", "polarity"})


_SCALE_WORDS = frozenset("million millions billion billions trillion thousand thousands hundred hundreds percent per cent".split())


def _words_beyond_figures(r: Reading) -> set[str]:
    """Content words of a sentence other than its figures' own (digits, scales, units)."""
    units = {w.lower() for q in r.quantities for w in q.span.text.split()} | {(q.unit or "").lower() for q in r.quantities}
    return {w for w in content_words(r.text) if w not in units and w not in _SCALE_WORDS and not any(ch.isdigit() for ch in w)}


def _figures_share_topic(cr: Reading, er: Reading, cos: float) -> bool:
    """Two figures count the same thing only when the claim shares its topic with what the
    evidence reports, not with who reported it to whom: "The University's estates director told
    the regional council on Monday that repairs ... would cost about 28 million euros" shares
    "regional council" with "The regional council approved 12 million euros ... for a new
    library" only through its audience."""
    need_overlap, need_cos = TOPIC_NEEDED["number"]
    if cos >= need_cos:
        # ... and, for sums of money, some word beyond the figures themselves: a short sentence
        # about another thing ("The work is expected to cost 60 million dollars.") sits close to
        # any sum in meaning. A count's noun carries its topic ("900 troops" / "450 soldiers").
        if er.quantities and all(is_money(q) for q in er.quantities):
            return bool(_words_beyond_figures(cr) & _words_beyond_figures(er))
        return True
    o = topic_overlap(cr.text, reported_content(er))
    return o >= need_overlap or (o >= BOTH_OVERLAP and cos >= BOTH_COSINE)


def _two_events(cr: Reading, er: Reading, numbers: list[Check], places: list[Check]) -> bool:
    """Another place (or date) *and* another figure of the same counted thing, with no party named on
    both sides: two events, not one event placed elsewhere ("About 9,000 residents of Thompson
    in northern Manitoba have been ordered to leave" / "About 2,400 residents of Creighton and
    Denare Beach in northern Saskatchewan were told ... to leave as a separate fire moved")."""
    if not places or not (numbers or _other_counts(cr.text, er.text)):
        return False
    return not _party_on_both_sides(cr, er)


# Words of a purpose that say nothing of which one it is.
_PURPOSE_FILLER = frozenset("help helping assist support ensure allow enable make provide take work local".split())


def _purposes(r: Reading) -> dict[str, set[str]]:
    """Per action, the content words of its purpose clause ("send police officers to Tonga *to
    help curb methamphetamine trafficking*")."""
    out: dict[str, set[str]] = {}
    for f in r.frames:
        for k, sp in f.extra:
            if k == "purpose":
                out.setdefault(f.lemma, set()).update(w for w in content_words(sp.text) if w not in _PURPOSE_FILLER)
    return out


def _other_purposes(cr: Reading, er: Reading) -> bool:
    """The same action done for two purposes that share no word: two missions, wherever each goes
    ("send police officers to Tonga to help curb methamphetamine trafficking" / "send 30 officers
    ... to Solomon Islands to help local police investigate a series of armed robberies")."""
    a, b = _purposes(cr), _purposes(er)
    return any(a[v] and b[v] and not any(lexicon.same_stem(x, y) for x in a[v] for y in b[v]) for v in a.keys() & b.keys())


def purposes_apart(cr: Reading, er: Reading) -> bool:
    """Both sides say what their action is for, whatever the verbs, and the purposes share no
    word: a sum "to host the exercise" is not one "to buy four fast boats"."""
    a, b = set().union(*_purposes(cr).values()), set().union(*_purposes(er).values())
    return bool(a and b) and not any(lexicon.same_stem(x, y) for x in a for y in b)


ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def _ordinal_subject(r: Reading) -> str | None:
    """The ordinal of the main subject: "The *first* system is expected ...", "A *second*
    German-funded battery is due ..."."""
    kids = children(r)
    for root in (t for t in r.tree if t[4] == t[0]):
        for s in kids.get(root[0], []):
            if s[3] in ("nsubj", "nsubjpass"):
                return next((k[1] for k in kids.get(s[0], []) if k[3] == "amod" and k[1] in ORDINALS), None)
    return None


def _other_ordinals(cr: Reading, er: Reading) -> bool:
    """Two things of a series told apart by their ordinals: "The first system is expected to be
    operational around Kharkiv by March 2027" / "A second German-funded battery is due to be ready
    near Zaporizhzhia by March 2027"."""
    a, b = _ordinal_subject(cr), _ordinal_subject(er)
    return bool(a and b) and a != b


def _other_days(cr: Reading, er: Reading) -> bool:
    """Both sides date their event to a day, never the same one: by month and day, since the year
    of a bare "April 1" is guessed from each report's date and its tense."""
    a = {d.value[5:] for d in cr.dates if d.value and d.granularity == "day"}
    b = {d.value[5:] for d in er.dates if d.value and d.granularity == "day"}
    return bool(a and b) and not a & b


def _party_on_both_sides(cr: Reading, er: Reading) -> bool:
    """A name both sides give that is no place's (the tables, then the city gazetteer)."""
    a = {n for n, sp in _names(cr).items() if not is_place_name(n) and not city(n.title())}
    b = {n for n, sp in _names(er).items() if not is_place_name(n) and not city(n.title())}
    return bool(same_names(a, b))


def _counts_other_things(cr: Reading, er: Reading) -> bool:
    """Both sides count things, never the same ones ("two bronze drums" / "two sandstone heads")."""
    a = {h for q in cr.quantities if (h := _head(q, cr.text, cr.tree))}
    b = {h for q in er.quantities if (h := _head(q, er.text, er.tree))}
    return bool(a and b) and not a & b


def _years_apart(cr: Reading, er: Reading) -> bool:
    """Both sides date something, never in the same year (the date of a statement, "said on
    Tuesday", or a bound, "by 2027", dates nothing done)."""
    a = {d.value[:4] for d in cr.dates if d.value and _event_date(cr, d)}
    b = {d.value[:4] for d in er.dates if d.value and _event_date(er, d)}
    return bool(a and b) and not a & b


def _other_figures(cr: Reading, er: Reading) -> bool:
    """A figure of one counted noun on both sides, and the two do not agree ("seven schools" /
    "four schools"), whoever's they are."""
    return any(_head(q, cr.text, cr.tree) == _head(p, er.text, er.tree) and not _agree(q, cr.text, p, er.text)
               for q in cr.quantities for p in er.quantities if _head(q, cr.text, cr.tree))


# Two counts of one unit this far apart are two counts (the figure reader leaves durations out:
# "spent 3,412 hours" / "lost more than 4,100 hours" in another state).
OTHER_COUNT_RATIO = 1.1


def _other_counts(a: str, b: str) -> bool:
    na, nb = numbers(a), numbers(b)
    return any(x.unit and x.unit == y.unit and max(x.value, y.value) > OTHER_COUNT_RATIO * min(x.value, y.value) > 0
               for x in na for y in nb)


def another_event(cr: Reading, er: Reading) -> bool:
    """The evidence tells the same kind of event somewhere else, with its own figures (see
    :func:`_two_events`): it neither contradicts nor confirms the claim ("Ambulance crews in
    Victoria lost more than 4,100 hours" is no confirmation of "Ambulances in South Australia
    spent 3,412 hours")."""
    places = check_places(cr, er)
    if not places:
        return False
    figures = check_numbers(cr, er)
    return _two_events(cr, er, figures, places) or _two_recipients(cr, er, figures, places)


_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)


def _two_recipients(cr: Reading, er: Reading, numbers: list[Check], places: list[Check]) -> bool:
    """Another count going to another place, both places reached by "to": two deliveries, even
    by one party ("Kartal ... has agreed to sell 24 armed drones to Indonesia" / "Kartal Aerospace
    will deliver 12 reconnaissance drones to Azerbaijan"), not one placed elsewhere."""
    if not numbers or not places:
        return False
    to = lambda r, sp: bool(_TO_BEFORE.search(r.text[max(0, sp.start - 12):sp.start]))  # noqa: E731
    return all(to(cr, sp) for c in places for sp in c.claim) and all(to(er, sp) for c in places for sp in c.evidence)


def contradictions(claim: str, evidence: str, cosine: float | None = None, claim_published: str | None = None,
                   evidence_published: str | None = None, sentence: str | None = None,
                   article: str | None = None, title: str | None = None) -> tuple[Check, ...]:
    """Every check that fires between the claim's content and one evidence sentence (``title``:
    its report's title, which names whom "the company" is; role
    checks: the claim's whole ``sentence``, if given; ``article``: the claim's article, whose
    parties and places say whose figures are the story's)."""
    if not content_words(claim) or not content_words(evidence):
        return ()
    overlap = topic_overlap(claim, evidence)
    cos = -1.0 if cosine is None else cosine
    kinds = [k for k, (need_overlap, need_cos) in TOPIC_NEEDED.items()
             if overlap >= need_overlap or cos >= need_cos or (k in TIME_BOUND | {"number"} and overlap >= BOTH_OVERLAP and cos >= BOTH_COSINE)]
    main_denial_only = "denial" not in kinds and overlap >= MIN_MAIN_DENIAL_OVERLAP
    if main_denial_only:
        kinds.append("denial")
    whole = sentence or claim
    kinds = [k for k in kinds if PRE_GATES[k](whole if k in SENTENCE_CHECKS else claim, evidence)]
    if not kinds:
        return ()  # no check could fire on these words: spare the parse
    cr, er = read(claim, claim_published), read(evidence, evidence_published)
    if set(kinds) & EVENT_CHECKS and (different_parties(cr, er) or different_patients(cr, er) or _other_purposes(cr, er)
                                      or _other_ordinals(cr, er)):
        kinds = [k for k in kinds if k not in EVENT_CHECKS]  # two parties' events: nothing to compare
    fired: dict[str, list[Check]] = {}

    def run(kind: str) -> list[Check]:  # each check once per pair, however many rules ask
        if kind not in fired:
            fired[kind] = CHECKS[kind](cr, er)
        return fired[kind]

    # ... or another place on another day ("Student unions plan to protest outside Province House in
    # Halifax on March 5" / "would still rally outside the legislature in Fredericton on March 12").
    if "place" in kinds and (_two_events(cr, er, run("number"), run("place")) or _two_recipients(cr, er, run("number"), run("place"))
                             or (_other_days(cr, er) and run("place") and not _party_on_both_sides(cr, er))):
        kinds.remove("place")
        if "number" in kinds:
            kinds.remove("number")  # two events' figures: nothing to compare either
    # ... or another place, another date and other things counted ("has already returned two bronze
    # drums to Laos, in a ceremony in Vientiane last year" / "A museum in Lyon returned two
    # sandstone heads to Cambodia on Monday").
    if "place" in kinds and _counts_other_things(cr, er) and _years_apart(cr, er) and run("place") and not _party_on_both_sides(cr, er):
        kinds = [k for k in kinds if k not in ("place", "date", "number")]
    # ... or on another date with another figure ("led to the closure of seven schools in 2022" /
    # "Talcahuano's education service closed four schools in 2023").
    if "date" in kinds and run("date") and _other_figures(cr, er) and not _party_on_both_sides(cr, er):
        kinds = [k for k in kinds if k not in ("date", "number")]
    if "number" in kinds and (part_and_whole(cr, er) or other_companies(cr, er) or other_routes(cr.text, er.text)):
        kinds.remove("number")
    if {"number", "direction"} & set(kinds) and moves_of_other_days(cr, er):
        kinds = [k for k in kinds if k not in ("number", "direction")]
    # A forecast and a past period's move are two moves ("would raise its revenue by about 18
    # percent" / "its revenue fell 7 percent in the nine months to March").
    if "direction" in kinds and {frozenset(cr.times), frozenset(er.times)} == {frozenset({"future"}), frozenset({"past"})}:
        kinds.remove("direction")
    if "number" in kinds and (run("place") or not _figures_share_topic(cr, er, cos) or other_years(cr, er) or other_months(cr, er)
                              or other_countries(cr, er)
                              or elsewhere(cr, er) or elsewhere(er, cr)
                              or counted_before(read(sentence, claim_published) if sentence else cr, er)):
        kinds.remove("number")  # figures of two places, of two things or of two periods are two figures
    # Two years' figures ("99.2 billion dollars in the fiscal year to March 2025" / "106.4 billion
    # dollars in the fiscal year ended March 2026") are dated apart by what they are.
    # So are figures each side gives for its own year ("exported 245 million kilograms ..., earning about
    # 1.4 billion dollars" last year / "Export earnings for the whole of 2024 were 1.43 billion dollars"),
    # unless the evidence gives every one of the claim's figures to the digit: then the claim dates it.
    # (of one counted thing: "founded in 2009 and builds about 250 buses" / "founded in 2011 by two
    # engineers" dates the founding)
    same = all(any(q.value == e.value for e in er.quantities) for q in cr.quantities)
    paired = any(_head(q, cr.text, cr.tree) == _head(e, er.text, er.tree) for q in cr.quantities for e in er.quantities)
    if "date" in kinds and cr.quantities and er.quantities and (other_periods(cr, er) or (other_years(cr, er) and paired and not same)):
        kinds.remove("date")
    out: list[Check] = []
    timely = same_time(cr, er)
    # A stance or act the claim dates in a past year is not undone by one now ("The United States
    # withdrew from its drone base at Agadez in 2024" / "Benin and the United States have agreed
    # to expand the exchange of intelligence").
    earlier = _done_before(cr, er) and not _done_before(er, cr)
    for kind in kinds:
        if kind in TIME_BOUND and not timely:
            continue
        if kind in ("polarity", "negation") and earlier:
            continue
        if kind in SENTENCE_CHECKS and sentence is not None:
            out.extend(CHECKS[kind](read(sentence, claim_published), er))
        elif kind == "denial" and main_denial_only:
            out.extend(c for c in run(kind) if of_main(c))
        elif kind == "number" and article and OUTSIDE_STORY:
            story = article.lower()
            if title and run(kind) and titled_elsewhere(read(sentence, claim_published) if sentence else cr, er, title):
                continue
            out.extend(c for c in run(kind) if not outside_story(c, er, story))
        else:
            out.extend(run(kind))
    return tuple(out)
