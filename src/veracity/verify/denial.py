"""Denials: evidence that denies, rejects, dismisses, retracts or corrects what a claim asserts.

A denial ("There is no plan to ...", "denied reports that ...", "not aware of", "false") refutes
a claim when

- what it denies restates the claim (shared words, and the first words after the denial word
  name something the claim names: "no *plan*", "no plans to *close*");
- the claim *asserts* what is denied: its main predicate is the denied action ("The ministry is
  preparing to *close* the unit" / "no plans to close"), or the denied thing is what the main
  predicate brings about or reports ("have unveiled a *plan*"). A claim whose main predicate
  is about something else, and that names the denied thing only as its subject or in a side
  clause, presupposes it without asserting it: "the plan has faced resistance from several
  nations" says the nations resist, which a denial that any plan exists does not contradict;
- the claim does not itself report a denial: "The council has denied that it plans to sell the
  ferry company" is *confirmed* by the council saying it has no plans to sell it (negative and
  negative agree, :func:`veracity.verify.reported_denial.same_denial`).

The check says which words fired, and whether the denier is a party the claim is about (a
party denying a report about itself weighs as refutation).
"""

from __future__ import annotations

import re

from ..records import Check, Span
from . import lexicon
from .checks import content_words, topic_overlap
from .denier import _SPEAKER_TAIL, _another_countrys, _party_concerned
from .parties import NOT_EVENTS, children, main_predicates
from .reading import Reading

# What a denial denies must restate the claim: this share of content words shared between the
# denied clause and the claim ("denied that its analysis would be published" does not deny
# "the core was drilled to 2,800 metres" though both name the consortium).
DENIED_OVERLAP = 0.2
# ... or this share when the denied thing is the claim's main action (:func:`_denies_main`):
# "No decision has been taken on sending air-defence systems to Romania" restates 2 of the 15
# content words of "Italy will deploy two medium-range air-defence batteries to Romania ...".
DENIED_MAIN_OVERLAP = 0.1

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|rebut(?:s|ted)?)\b"
    r"|\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing))\b(?:\s+\S+){0,5}?\s+(?:reports?|claims?|allegations?|suggestions?|"
    r"speculation|rumou?rs?|accounts?|stor(?:y|ies)|the idea|as (?:false|untrue|baseless|nonsense|speculation|fake))\b"
    r"|\b(?:described|calls?|called|branded|labell?ed|termed|characteri[sz]ed)\s+(?:the\s+)?(?:reports?|claims?|suggestions?|stor(?:y|ies)|"
    r"rumou?rs?|allegations?)\b(?:\s+\S+){0,8}?\s+as\s+(?:mere\s+|pure\s+|baseless\s+|unfounded\s+)?"
    r"(?:speculation|speculative|false|untrue|baseless|unfounded|nonsense|fake|fabricated|rumou?rs?|fiction)\b"
    r"|\bno (?:such|truth|basis|plans?|intention|decision|agreement|deal|evidence|troops|talks)\b"
    r"|\b(?:has|have|had) no plans?\b|\bthere (?:is|are|was|were) no\b"
    r"|\b(?:made|makes|make|gave|given|received|reached|signed|had|has|have) no\b"
    r"|\bno (?:\w+ )?(?:pledge|commitment|offer|request|bid|order|contract|approval|permission|application|talks|move|"
    r"agreement|deal|decision|plan)s?\b"
    r"|\b(?:(?:is|are|was|were|am)\s+not|isn't|aren't|wasn't|weren't)\s+(?:considering|planning|contemplating|preparing)\b"
    r"|\b(?:(?:is|are|was|were|am)\s+not|isn't|aren't|wasn't|weren't)\s+(?:(?:currently|now|in fact)\s+)?(?:in|holding|having|engaged in)\s+"
    r"(?:any\s+)?(?:talks|negotiations|discussions)\b|\b(?:(?:is|are|was|were)\s+(?:not|no longer)|isn't|aren't|wasn't|weren't)\s+on the table\b"
    r"|\b(?:does|do|did)\s+not\s+(?:intend|plan)\b|\b(?:doesn't|don't|didn't)\s+(?:intend|plan)\b"
    r"|\bnot aware of\b|\bnever (?:been )?(?:discussed|planned|agreed|considered)\b|\bat no (?:point|time|stage)\b"
    r"|\b(?:false|untrue|baseless|unfounded|fabricated|fake news|incorrect|inaccurate|a hoax|nonsense|not true)\b"
    r"|\b(?:is|are|was|were)\s+premature\b"
    r"|\b(?:retract(?:s|ed|ion)?|withdr[ae]w (?:its|the) (?:report|story|claim))\b"
    r"|\bcorrect(?:ed|ing|s|ion)\b(?:\s+\S+){0,6}?\s+(?:report|story|article|claim)",
    re.IGNORECASE)


def _span(text: str, a: int, b: int) -> Span:
    return Span.of(text, a, b)


# "Reports that the electoral commission's chief executive had quit are simply not true": the
# denied report is the subject, before the verdict word.
# ("reports his client would go to the Court of Cassation were premature": "that" left out)
_REPORT_THAT = re.compile(r"\b(?:reports?|claims?|suggestions?|allegations?|stor(?:y|ies)|rumou?rs?|speculation)\s+"
                          r"(?:that\b|(?=(?:his|her|its|their|the)\s+\w+\s+(?:would|will|had|has|was|were|is|are)\b))",
                          re.IGNORECASE)
_VERDICT_WORD = re.compile(r"false|untrue|not true|baseless|unfounded|fabricated|incorrect|inaccurate|nonsense|wrong|a hoax|"
                           r"(?:is|are|was|were)\s+premature",
                           re.IGNORECASE)


_DESCRIBED = re.compile(r"^\w+\s+(?:the\s+)?(?:reports?|claims?|suggestions?|stor(?:y|ies)|rumou?rs?|allegations?)\s+(?:of|about|that)\s+(.+?)\s+as\s+\S+",
                        re.IGNORECASE)


def _report_before(evidence: str, m: re.Match) -> str | None:
    """The report a verdict word ("... are simply not true") judges, when it is the subject; the
    thing said to be off the table ("Selling the ferry company is not on the table"), always its
    subject; the report a speaker called false ("described reports of a possible troop reduction
    as speculation"), what it reported."""
    if (d := _DESCRIBED.match(m.group())) is not None:
        return d.group(1)
    if m.group().lower().endswith("on the table"):
        return evidence[:m.start()]
    if not _VERDICT_WORD.fullmatch(m.group()):
        return None
    reports = list(_REPORT_THAT.finditer(evidence, 0, m.start()))
    return evidence[reports[-1].end():m.start()] if reports else None


def _denied(claim: str, evidence: str, m: re.Match) -> float:
    """How much the denied clause (from the denial word to the end of the sentence, or the
    sentence when the denial comes last: "..., which is false", or the report the verdict word
    judges: "Reports that ... are not true") restates the claim: the larger share of either
    side's content words found in the other."""
    clause = evidence[m.start():] if len(evidence) - m.start() > 40 else evidence
    if (before := _report_before(evidence, m)) is not None:
        clause = before
    # Who said it is not what is denied: '"The government is not considering closing
    # Storskog," state secretary Lars Hovland ... said on Monday' denies "closing Storskog".
    tail = _SPEAKER_TAIL.search(evidence)
    if tail and tail.start() > m.end() and clause is not before:
        clause = evidence[m.start():tail.start()]
    # A report the denial names ("reports of a possible troop reduction") is short: its own words
    # found in the claim by stem ("troop" / "troops", "reduction" / "reducing") count too.
    named = _stem_overlap(clause, claim) if clause is before else 0.0
    return max(topic_overlap(claim, clause), topic_overlap(clause, claim), _stem_overlap(claim, clause), named)


def _stem_overlap(claim: str, clause: str) -> float:
    """The share of the claim's content words with a word of the same stem in ``clause``
    ("crew" / "crews", "operator" / "operators")."""
    cw, ew = set(content_words(claim)), set(content_words(clause))
    return sum(any(_same_stem(c, e) for e in ew) for c in cw) / len(cw) if cw else 0.0


# Words read right after a denial word as what it denies ("no plan to send", "denied reports
# that it had agreed to buy Harcourt's insurance arm").
DENIED_OBJECT_WORDS = 4
_FILLER = frozenset("reports report claims claim suggestions that it its they there had has have was were been any such "
                    "the a an of to on about saying said would will be".split())


_same_stem = lexicon.same_stem


def _denies_this(claim: str, evidence: str, m: re.Match) -> bool:
    """What the denial is about must be in the claim: one of the first content words after the
    denial word shares a stem with a claim word. "There is no plan to send troops" does not deny
    "there is a fear that sending troops could provoke Moscow" (no "plan" there)."""
    if (before := _report_before(evidence, m)) is not None:
        return any(_same_stem(a, c) for a in content_words(before) for c in content_words(claim))
    after = [w for w in content_words(evidence[m.end():]) if w not in _FILLER][:DENIED_OBJECT_WORDS]
    if m.end() >= len(evidence.rstrip(" .")) - 2:  # "..., which is false": the denial ends the sentence
        return True
    no = _no_form(m)
    if no:  # "no plan", "there is no ...", "made no pledge", "no coalition agreement": the noun after "no" is what is denied
        noun = _no_noun(no, evidence, m)
        after = [noun] if noun and noun not in ("such",) else after[:1]
    cw = content_words(claim)
    if any(_same_stem(a, c) for a in after for c in cw):
        return True
    # "There is no plan to merge X with Y" denies "X and Y are in talks to merge": the plan's
    # action is what is denied, when the claim states that action as intended ("to merge",
    # "will merge"), not when it only names it ("a fear that sending troops could ...").
    if no and after and after[0] in PLAN_NOUNS:
        verb = _plan_action(after[0], evidence[m.start():])
        if verb:  # "no plan to send", "no decision has been taken on sending"
            intended = re.findall(r"\b(?:to|will|would|shall)\s+(?:(?:also|now|soon|then|still|eventually|further|"
                                  r"instead|probably|likely|gradually|partly|temporarily|be|been|have|have been)\s+)*(\w+)", claim, re.IGNORECASE)
            action = _base(verb.group(1).lower())
            if any(_same_stem(action, w.lower()) or (lexicon.available() and lexicon.curated(action, w.lower()))
                   or {action, w.lower()} <= SENDING for w in intended):
                return True
            if _enlarges(action, claim):
                return True
            # ... or another verb for the same things, when the claim states an intention: "no
            # intention of hiring crews or leasing aircraft from other operators" / "plans to
            # bring in crew and aircraft from a Portuguese charter operator".
            things = [w for w in content_words(evidence[m.start() + verb.end():]) if w not in _FILLER][:DENIED_OBJECT_WORDS]
            return bool(_INTENDS.search(claim)) and sum(any(_same_stem(t, c) for c in cw) for t in set(things)) >= DENIED_THINGS
    return False


# Making a force bigger is sending more to it: "no plans at present to enlarge its contingent in
# Kosovo" denies "is preparing to send about 250 more soldiers to the ... force in Kosovo".
ENLARGING = frozenset("enlarge expand increase reinforce strengthen boost bolster augment".split())
_MORE_TROOPS = re.compile(r"\b(?:more|additional|extra|further|new)\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|personnel|forces|"
                          r"peacekeepers|sailors|marines|police officers|officers|staff)\b|\breinforcements?\b", re.IGNORECASE)


def _enlarges(action: str, claim: str) -> bool:
    return action in ENLARGING and bool(_MORE_TROOPS.search(claim)) and bool(_INTENDS.search(claim) or re.search(r"\bprepar", claim, re.IGNORECASE))


# Verbs of sending people or forces: "no plans to deploy British personnel" denies "Britain would
# contribute around 500 personnel" (not a general synonym: "contribute" money is no deployment).
SENDING = frozenset("deploy send dispatch station contribute commit".split())
# Things a denied plan and an intended action of the claim must share when their verbs differ.
DENIED_THINGS = 2
# ... and the claim must state an intention ("plans to bring in crew"), not a fear or a view of
# the action ("a fear that sending troops to Ukraine could be seen as a provocation").
_INTENDS = re.compile(r"\b(?:plans?|planning|planned|intends?|intended|intending|prepar(?:es|ing)|aims?|will|is to|are to|"
                      r"set to|going to)\b", re.IGNORECASE)
# Nouns of intention whose action a denial denies ("no plan to ...", "no intention of ...").
PLAN_NOUNS = frozenset("plan plans intention intentions decision proposal proposals talks move".split())


BY_PARTY = ", whom the claim is about"
OF_MAIN = "; it denies the claim's own action"


def by_party(check: Check) -> bool:
    """A denial by a party the claim is about (see :func:`check_denial`'s detail)."""
    return check.kind == "denial" and check.detail.endswith(BY_PARTY)


def of_main(check: Check) -> bool:
    """A denial that the claim's main action exists (see :func:`_denies_main`)."""
    return check.kind == "denial" and OF_MAIN in check.detail


def _denies_main(claim: Reading, evidence: str, m: re.Match) -> bool:
    """A "no ..." denial whose denied thing is the claim's main action: the noun is the main
    verb's own ("No coalition *agreement* has been concluded" / "has *agreed* to form a
    coalition"), or a plan whose action is the main verb ("No decision has been taken on
    *sending* air-defence systems" / "Italy will *deploy* two batteries"). A denial that only
    names the claim's topic ("no plan to send troops" / "a fear that sending troops could
    provoke Moscow") is not one."""
    root = [lem for s, lem, _p, _d, h in claim.tree if s == h]
    mains = [lem for _s, lem, _n, _ns in main_predicates(claim)] + root
    # "Reports that the strike has been called off are not true" / "The union has called off a
    # strike": the judged report's own verb is the claim's main action.
    if (before := _report_before(evidence, m)) is not None:
        return any(_same_stem(w, lem) for w in content_words(before) for lem in mains if len(lem) >= 4 and lem not in NOT_EVENTS)
    # "Denmark is not considering joining" / "Denmark ... is also considering joining": the
    # intention negated is the claim's own main verb, or what it intends is.
    if (neg := _NOT_INTENDING.search(m.group())) is not None:
        after = re.match(r"\s+(\w+)", evidence[m.end():])
        words = [_base((neg.group(1) or neg.group(2)).lower())] + ([_base(after.group(1).lower())] if after else [])
        return any(_related_action(lem, words) for lem in mains if len(lem) >= 4)
    no = _no_form(m)
    if not no:
        return False
    noun = _no_noun(no, evidence, m)  # "there were no plans ...": the first word after the match
    if not noun:
        return False
    if any(_same_stem(noun, lem) for lem in mains if len(lem) >= 4):
        return True
    if noun not in PLAN_NOUNS:
        return False
    action = _plan_action(noun, evidence[m.start():])
    return bool(action) and (any(_related_action(lem, [_base(action.group(1).lower())]) for lem in mains)
                             or _enlarges(_base(action.group(1).lower()), claim.text))


_REPORTS_END = re.compile(r"\b(?:reports?|claims?|suggestions?|allegations?|stor(?:y|ies)|rumou?rs?|speculation)$", re.IGNORECASE)


def _denies_reported_main(claim: Reading, evidence: Reading, m: re.Match) -> bool:
    """A denial of reports whose reported action is the claim's main action: "rejected reports
    that Interior Minister Rosa Cárdenas was about to be *dismissed*" / "will *replace* Interior
    Minister Rosa Cárdenas" (the first content verb after "that")."""
    if not _REPORTS_END.search(m.group()) or not re.match(r"\s+that\b", evidence.text[m.end():]):
        return False
    end = min([i for i in (evidence.text.find(",", m.end()), evidence.text.find(".", m.end())) if i >= 0] or [len(evidence.text)])
    verbs = [lem for st, lem, pos, _d, _h in evidence.tree if m.end() <= st < end and pos == "VERB" and lem.isalpha()
             and lem not in NOT_EVENTS][:1]
    return bool(verbs) and any(_related_action(lem, verbs) for _s, lem, _n, _ns in main_predicates(claim))


# "had at no point asked Poland to drop the tunnel": an adverb that negates the verb after it,
# like "never"; what it denies is that action, not a "point".
_AT_NO = re.compile(r"at no (?:point|time|stage)$", re.IGNORECASE)


def _no_noun(no: re.Match, evidence: str, m: re.Match) -> str:
    """The noun a "no ..." denial denies: the one its match names, else the first content word after it."""
    if no.group(1):
        return no.group(1).lower()
    return next((w for w in content_words(evidence[m.end():]) if w not in _FILLER), "")


_NOT_INTENDING = re.compile(r"\bnot\s+(considering|planning|contemplating|preparing)$|n't\s+(considering|planning|contemplating|preparing)$",
                            re.IGNORECASE)


def _no_form(m: re.Match) -> re.Match | None:
    """A denial of the "no ..." form ("no plan", "no coalition agreement", "there is no", "made
    no"), its group 1 the denied noun when the match names one; None for other denials and for
    "at no point"."""
    if _AT_NO.match(m.group()):
        return None
    return re.search(r"\bno(?:\s+such)?(?:\s+\w+)*?(?:\s+(\w+))?$", m.group(), re.IGNORECASE)


def _plan_action(noun: str, text: str) -> re.Match | None:
    """The action a plan noun names, group 1: "plan *to send*", "intention *of hiring*", "decision
    has been taken *on sending*"."""
    return re.search(rf"\b{re.escape(noun)}\s+(?:(?:at present|currently|now|yet|so far|for now|at this stage|at the moment)\s+)?"
                     rf"(?:(?:to|of)|(?:(?:has|have|had|was|were)\s+)?(?:been\s+)?"
                     rf"(?:taken|made|reached)\s+(?:on|about|over))\s+(\w+)", text, re.IGNORECASE)


def _base(word: str) -> str:
    """A verb's base from its -ing form, the way the plan's action is written after "on"
    ("no decision has been taken on *sending*" names "send")."""
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" else stem
    return word


def _denied_words(evidence: str, m: re.Match) -> list[str]:
    """Content words of what the denial denies: from the denial word to the end of the
    sentence, or the whole sentence when the denial ends it ("..., which is false"). The
    nouns a "no ..." denial names are denied too: "No coalition *agreement* has been concluded"."""
    clause = evidence[m.end():] if len(evidence.rstrip(" .")) - m.end() > 2 else evidence
    if (before := _report_before(evidence, m)) is not None:  # "Reports that ... are not true"
        clause = before
    named = re.match(r"no\s+(?:such\s+)?(.+)$", m.group(), re.IGNORECASE) if _no_form(m) else None
    return [w for w in content_words((named.group(1) + " " if named else "") + clause) if w not in _FILLER]


# Dependencies that make a word something the claim presupposes rather than asserts: the
# subject of a main predicate about something else ("*the plan* has faced resistance"), or a
# word in a clause that adds a detail ("nations, many of which remain hesitant to commit
# *troops*"). A patient ("*1,200 children* have been infected") and an object ("unveiled a
# *plan*") are asserted.
PRESUPPOSING_DEPS = frozenset({"nsubj", "csubj", "relcl", "advcl", "npadvmod", "appos"})


def _related_action(lemma: str, words: list[str]) -> bool:
    """The main predicate is the denied action: the same stem ("close" / "no plans to close")
    or a WordNet synonym or derivation ("postpone" / "delay")."""
    if any(_same_stem(lemma, w) for w in words):
        return True
    return lexicon.available() and any(lexicon.related(lemma, "v", w, "v") in ("synonym", "derived") or lexicon.curated(lemma, w)
                                       for w in words)


def asserts_denied(claim: Reading, denied: list[str]) -> bool:
    """Does the claim assert what is denied (see the module docstring)? True when it has no
    content predicate of its own ("Sweden has pledged two vessels", "There is a plan to ..."),
    when a main predicate is the denied action, or when a denied word stands in the main
    predicate's assertion (its object or patient, the event noun it hangs on) rather than in
    its subject or a side clause."""
    preds = main_predicates(claim)
    if not preds:
        return True
    if any(_related_action(lem, denied) for _s, lem, _n, _ns in preds):
        return True
    by_start = {t[0]: t for t in claim.tree}
    mains = {p[0] for p in preds}
    for tok in claim.tree:
        if tok[2] not in ("NOUN", "PROPN", "VERB") or not any(_same_stem(tok[1], w) for w in denied):
            continue
        cur, asserted = tok, True
        for _ in range(16):  # up to a main predicate or the root
            if cur[0] in mains or cur[4] == cur[0] or cur[4] not in by_start:
                break
            if cur[3] in PRESUPPOSING_DEPS:
                asserted = False
                break
            cur = by_start[cur[4]]
        if asserted:
            return True
    return False


def _negates_denied(claim: Reading, denied: list[str]) -> bool:
    """The claim itself is negative: it negates the denied action ("The council said it would
    not sell Sundlinjen" / "denied it plans to sell Sundlinjen") or its main predicate ("The
    council did not approve the sale" / "denied it would sell"). A negative and a denial agree;
    the denial cannot refute it."""
    negated = _negated_actions(claim)
    mains = {p[0] for p in main_predicates(claim)}
    if any(_related_action(lem, denied) or s in mains for lem, s, _w in negated):
        return True
    # ... or a verb of saying it negates ("they had not been warned" / "received no warning").
    kids = children(claim)
    return any(any(k[3] == "neg" for k in kids.get(t[0], [])) and any(lexicon.same_stem(t[1], w) for w in denied)
               for t in claim.tree if t[2] == "VERB")


# Content verbs of a denied clause read as what it denies.
DENIED_VERBS = 2
# One transaction seen from either side: denying that it "agreed to buy" the insurance arm
# denies that the bank "intends to sell" it.
CONVERSE = lexicon.CONVERSE


# Verbs by which a report gives a figure, not an action of its own: "correcting a newspaper report
# that *put* the contribution at two" denies the figure of what the claim says is contributed. (Light
# verbs name no action either: "dismissing reports that it would be *run* from ... Gizo" denies
# where it is, whatever the claim's verb: "would be headquartered in Gizo".)
FIGURE_VERBS = frozenset("put estimate peg place".split())


def _same_denied_action(claim: Reading, evidence: Reading, m: re.Match) -> bool:
    """When the denial names an action ("rejected reports that it had *reopened* the run"), the
    claim must state that action (the same verb, a synonym or a derivation) among its main
    verbs or event nouns, in any WordNet relation: "An avalanche hit an open ski run ..., killing
    two skiers" shares "run" with that denial but not what it denies. A "no plan to ..." denial
    is left to :func:`_denies_this`. A claim with no content predicate of its own ("There is a plan
    to ...", "the president had full confidence in Cárdenas") must still name the denied action
    when the denial names one: "rejected reports that Cárdenas was about to be *dismissed*" is no
    denial of the president's confidence in her."""
    if re.search(r"\bno\b", m.group(), re.IGNORECASE):
        return True  # "There is no plan to send troops": the plan is what is denied (_denies_this)
    # The denied clause's first content verbs: "denied ... had *committed* to *pay*".
    end = min([i for i in (evidence.text.find(",", m.end()), evidence.text.find(".", m.end())) if i >= 0] or [len(evidence.text)])
    denied = [lem for s, lem, pos, _d, _h in evidence.tree if m.end() <= s < end and pos == "VERB" and lem.isalpha()
              and lem not in NOT_EVENTS and lem not in FIGURE_VERBS and lem not in lexicon.LIGHT_VERBS][:DENIED_VERBS]
    if not denied:
        return _same_denied_thing(claim, evidence, m)
    wanted = set(denied) | {w for d in denied for w in CONVERSE.get(d, frozenset())}
    verbs = {lem for _s, lem, pos, _d, _h in claim.tree if pos in ("VERB", "NOUN") and lem.isalpha()}
    return any(_related_action(v, list(wanted)) or any(lexicon.related(v, "v", w, "v") for w in wanted) for v in verbs)


_INTENTION_END = re.compile(r"(?:considering|planning|contemplating|preparing)$", re.IGNORECASE)


def _same_denied_thing(claim: Reading, evidence: Reading, m: re.Match) -> bool:
    """A denial of an intention with a noun for its object ("had not launched, and was not
    preparing, any international arbitration *claim*") denies that event: the claim must name it
    (a noun or verb of the same stem or in a WordNet relation), or it is about something else
    ("Guinea has revoked the mining licence of Sahel Bauxite ...")."""
    if not _INTENTION_END.search(m.group()):
        return True
    nouns = []
    for s, lem, pos, _d, _h in evidence.tree:
        if s < m.end():
            continue
        if pos in ("ADP", "VERB", "AUX") or evidence.text[m.end():s].count(",") > 1:
            break
        if pos == "NOUN" and lem.isalpha():
            nouns.append(lem)
    events = [n for n in nouns if lexicon.available() and any(how == "derived" and lexicon.known(w, "v")
                                                               for w, how in lexicon.neighbours(n, "n").items())]
    if not events:
        return True
    words = {lem for _s, lem, pos, _d, _h in claim.tree if pos in ("VERB", "NOUN") and lem.isalpha()}
    return any(_same_stem(e, w) or lexicon.related(e, "n", w, "n") or lexicon.related(e, "n", w, "v") for e in events for w in words)


def _actions(claim: Reading) -> list[tuple[int, str]]:
    """(start, lemma) of the content verbs a claim asserts side by side: its main predicates and
    the verbs coordinated with them ("plans to *close* the Storskog crossing ... and to *deploy*
    about 200 extra soldiers")."""
    out = [(s, lem) for s, lem, _n, _ns in main_predicates(claim)]
    out += [(s, lem) for s, lem, pos, dep, _h in claim.tree if pos == "VERB" and dep == "conj" and lem.isalpha()
            and lem not in NOT_EVENTS and all(lem != o for _, o in out)]
    return sorted(out)


def _denies_one_part(claim: Reading, denied: list[str]) -> bool:
    """The claim asserts two actions, the denial denies one, and the other carries a figure of
    its own: '"The government is not considering closing Storskog"' leaves "and to deploy about
    200 extra soldiers to Finnmark" standing, a claim of its own that may be confirmed, so the
    denial does not refute the sentence. (A second action without a figure, "closed the run
    ... but reopened it without carrying out controlled blasting", stays part of what is denied.)"""
    acts = _actions(claim)
    if len(acts) < 2:
        return False
    hit = [_related_action(lem, denied[:DENIED_OBJECT_WORDS]) for _s, lem in acts]
    if all(hit) or not any(hit):
        return False
    ends = [s for s, _ in acts[1:]] + [len(claim.text)]
    return any(not h and any(s < q.span.start < e for q in claim.quantities) for (s, _l), h, e in zip(acts, hit, ends))


_OWN_THING = re.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?([a-z]+)", re.IGNORECASE)


def _someone_elses(claim: Reading, evidence: Reading, m: re.Match) -> bool:
    """The denial is of the denier's own thing, the claim of another's: "denied that the Quillon
    fire had started on its property" / "the fire had begun on a neighbouring property"."""
    tail = evidence.text[m.end():]
    return any(re.search(rf"\b(?:neighbouring|neighboring|nearby|adjacent|another|other|a different)\s+(?:[\w-]+\s+)?{re.escape(o.group(1))}\b",
                         claim.text, re.IGNORECASE) for o in _OWN_THING.finditer(tail))


def _describes_thing(evidence: Reading, m: re.Match) -> bool:
    """A verdict word that describes a thing, not a report: "for late settlement of motor claims
    and *inaccurate* solvency statements", "*false* accounting" (an adjective on a noun other
    than a report or claim)."""
    if not _VERDICT_WORD.fullmatch(m.group()):
        return False
    by_start = {t[0]: t for t in evidence.tree}
    t = by_start.get(m.start())
    head = by_start.get(t[4]) if t is not None else None
    if t is None or t[3] != "amod" or head is None or head[0] < t[0] or evidence.text[t[0]:head[0]].count(" ") > 3:
        return False  # (the noun it describes follows it: not "dismissed the report ... as false")
    # a report judged ("a false report") denies; a kind of thing named with it does not
    # ("inaccurate *solvency* statements")
    return head[1] not in _SAYING_NOUNS or any(x[4] == head[0] and x[3] == "compound" and t[0] < x[0] < head[0] for x in evidence.tree)


def denial_words(r: Reading) -> list[re.Match]:
    """The denial wordings of ``r``, without verdict words that describe a thing (_describes_thing)."""
    return [m for m in _DENIAL.finditer(r.text) if not _describes_thing(r, m)]


def check_denial(claim: Reading, evidence: Reading) -> list[Check]:
    if _DENIAL.search(claim.text):
        return []
    ev = [m for m in _DENIAL.finditer(evidence.text)
          if not _describes_thing(evidence, m) and _denies_this(claim.text, evidence.text, m) and ((share := _denied(claim.text, evidence.text, m)) >= DENIED_OVERLAP or (
              share >= DENIED_MAIN_OVERLAP and _denies_main(claim, evidence.text, m)))]
    denied = {m.start(): _denied_words(evidence.text, m) for m in ev}
    ev = [m for m in ev if asserts_denied(claim, denied[m.start()]) and not _someone_elses(claim, evidence, m)
          and not _another_countrys(claim, evidence, m)
          and not _negates_denied(claim, denied[m.start()]) and _same_denied_action(claim, evidence, m)]
    if not ev or all(_denies_one_part(claim, denied[m.start()]) for m in ev):
        return []
    # The denier is named before the sentence's first denial word ("The UAE Ministry of Defence said
    # ... it had no plans to send ... to Jordan and described media reports ... as inaccurate").
    party = _party_concerned(claim, evidence, min(m.start() for m in _DENIAL.finditer(evidence.text)))
    words = ", ".join(f"'{m.group()}'" for m in ev[:3])
    main = OF_MAIN if any(_denies_main(claim, evidence.text, m) or _denies_reported_main(claim, evidence, m) for m in ev) else ""
    detail = f"the evidence denies it ({words})" + main + (f"; the denial comes from {party}{BY_PARTY}" if party else "")
    return [Check("denial", detail, (), tuple(_span(evidence.text, m.start(), m.end()) for m in ev[:3]))]


_SAYING_NOUNS = frozenset("report claim allegation suggestion story rumour rumor speculation account statement".split())


def _negated_actions(r: Reading) -> list[tuple[str, int, str]]:
    """(lemma, start, negation word) of the content verbs a negation governs ("would *not*
    sell")."""
    neg = negations(r)
    return [(lem, s, neg[s]) for s, lem, pos, _d, _h in r.tree if pos == "VERB" and s in neg and lem not in NOT_EVENTS]


def negations(r: Reading) -> dict[int, str]:
    """The start of each token a negation governs -> the negation's word ("not", "never")."""
    return {h: r.text[s:s + len(r.text[s:].split()[0])] for s, _l, _p, d, h in r.tree if d == "neg"}
