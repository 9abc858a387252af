"""Frame-level contradiction between what a claim asserts and one evidence sentence.

Each check compares the structured readings of both sides (:mod:`veracity.verify.reading`)
and, when it fires, names the words that fired on each side (:class:`~veracity.records.Check`,
spans into the two texts given):

- ``denial``: the evidence denies, rejects, dismisses, retracts or corrects the claim ("There
  is no plan to ...", "not aware of", "false"); ``detail`` says when the denier is a party the
  claim is about (a party denying a report about itself weighs as refutation);
- ``negation``: the same action negated on one side only;
- ``number``: quantities on the same head noun (modifiers skipped: "over 10,000 multinational
  troops" counts troops) whose ranges, read with their qualifiers, do not overlap;
- ``place``: the same event placed elsewhere (ISO codes, region groups, eastern vs western);
- ``date``: the same event dated differently;
- ``role``: a title held formerly on one side and presently on the other, modifiers allowed
  ("former Ukrainian President X" vs "President X"; "ex-", "then-");
- ``polarity``: the same party for on one side and against on the other (support / oppose,
  back / reject, approve / veto; curated, negation-aware), the party being who holds the
  stance in the parse (its subject, or a "from" phrase), not any name nearby.

Nothing fires unless the two sides are about the same thing (``MIN_TOPIC_OVERLAP`` of the
claim's content words recur in the evidence): two unrelated sentences with different numbers
do not contradict each other.
"""

from __future__ import annotations

import re

from ..records import Check, Span
from .checks import _STOP as _STOPWORDS
from .checks import content_words, topic_overlap
from .figures import agreeing_numbers, check_numbers  # noqa: F401  (agreeing_numbers: re-exported)
from .reading import Reading, read
from .where import MAX_GROUP_CODES, check_dates, check_places

# Share of the claim's content words that must recur in the evidence before a mismatch counts
# as a contradiction rather than two sentences about different things. Denials restate the
# claim in few words ("There is no plan to send troops to Ukraine"), so they need less.
MIN_TOPIC_OVERLAP = 0.3
MIN_DENIAL_OVERLAP = 0.2
# What a denial denies must restate the claim: this share of content words shared between the
# denied clause and the claim ("denied that its analysis would be published" does not deny
# "the core was drilled to 2,800 metres" though both name the consortium).
DENIED_OVERLAP = 0.2

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|rebut(?:s|ted)?)\b"
    r"|\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing))\b(?:\s+\S+){0,5}?\s+(?:reports?|claims?|allegations?|suggestions?|"
    r"speculation|rumou?rs?|accounts?|stor(?:y|ies)|the idea|as (?:false|untrue|baseless|nonsense|speculation|fake))\b"
    r"|\bno (?:such|truth|basis|plans?|intention|decision|agreement|deal|evidence|troops|talks)\b"
    r"|\b(?:has|have|had) no plans?\b|\bthere (?:is|are|was|were) no\b"
    r"|\b(?:made|makes|make|gave|given|received|reached|signed|had|has|have) no\b"
    r"|\bno (?:\w+ )?(?:pledge|commitment|offer|request|bid|order|contract|approval|permission|application|talks|move)s?\b"
    r"|\bnot aware of\b|\bnever (?:been )?(?:discussed|planned|agreed|considered)\b"
    r"|\b(?:false|untrue|baseless|unfounded|fabricated|fake news|incorrect|inaccurate|a hoax|nonsense|not true)\b"
    r"|\b(?:retract(?:s|ed|ion)?|withdr[ae]w (?:its|the) (?:report|story|claim))\b"
    r"|\bcorrect(?:ed|ion)\b(?:\s+\S+){0,6}?\s+(?:report|story|article|claim)",
    re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|neither|nor|cannot)\b|n't\b", re.IGNORECASE)

# Stance words: True = for, False = against (lemmas).
POLARITY = {
    **{w: True for w in "support back endorse approve welcome favour favor accept embrace champion praise ratify agree".split()},
    **{w: False for w in "oppose opposition reject veto block resist refuse condemn criticise criticize object oppose "
       "resistance hesitant reluctant boycott ban scrap abandon withdraw halt suspend deny disagree".split()},
}
TITLES = (r"president|prime minister|minister|secretary|chancellor|governor|mayor|ceo|chief executive|chairman|chairwoman|chair|"
          r"leader|king|queen|pope|director|head|commissioner|ambassador|general|coach|manager|captain|speaker|senator")
_TITLE_WORD = re.compile(rf"\b(?i:{TITLES})\b")
_NAME = r"((?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)"
# Up to three modifiers between "former" and the title ("former Ukrainian President", "Former
# Harcourt group chief executive"), and an optional comma before the name ("Harcourt's chief
# executive, Miriam Osei").
_OF = r"(?:\s+(?:of|to|for|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)?"  # "Secretary to the Treasury"
_FORMER_ROLE = re.compile(rf"\b(?i:(former|ex-|ex|then-|then|late|outgoing|ousted|one-time))\s*((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES})){_OF},?\s+{_NAME}")
_FORMER_APPOS = re.compile(rf"{_NAME},\s+(?:a|the|an)\s+(?i:(former|ex-|one-time|then-))\s*((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")
_CURRENT_ROLE = re.compile(rf"\b((?:[\w'\u2019-]+\s+){{0,2}}?)(?i:({TITLES})){_OF},?\s+{_NAME}")


def _span(text: str, a: int, b: int) -> Span:
    return Span.of(text, a, b)


# ------------------------------------------------------------------------ denial and negation
def _denied(claim: str, evidence: str, m: re.Match) -> float:
    """How much the denied clause (from the denial word to the end of the sentence, or the
    sentence when the denial comes last: "..., which is false") restates the claim: the larger
    share of either side's content words found in the other."""
    clause = evidence[m.start():] if len(evidence) - m.start() > 40 else evidence
    return max(topic_overlap(claim, clause), topic_overlap(clause, claim))


# Words read right after a denial word as what it denies ("no plan to send", "denied reports
# that it had agreed to buy Harcourt's insurance arm").
DENIED_OBJECT_WORDS = 4
_FILLER = frozenset("reports report claims claim suggestions that it its they there had has have was were been any such "
                    "the a an of to on about saying said would will be".split())


def _same_stem(a: str, b: str) -> bool:
    return a[:5] == b[:5] if min(len(a), len(b)) >= 5 else (len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a)))


def _denies_this(claim: str, evidence: str, m: re.Match) -> bool:
    """What the denial is about must be in the claim: one of the first content words after the
    denial word shares a stem with a claim word. "There is no plan to send troops" does not deny
    "there is a fear that sending troops could provoke Moscow" (no "plan" there)."""
    after = [w for w in content_words(evidence[m.end():]) if w not in _FILLER][:DENIED_OBJECT_WORDS]
    if m.end() >= len(evidence.rstrip(" .")) - 2:  # "..., which is false": the denial ends the sentence
        return True
    no = re.search(r"\bno(?:\s+such)?(?:\s+(\w+))?$", m.group(), re.IGNORECASE)
    if no:  # "no plan", "there is no ...", "made no pledge": the noun after "no" is what is denied
        noun = no.group(1).lower() if no.group(1) else (after[:1] or [""])[0]
        after = [noun] if noun and noun not in ("such",) else after[:1]
    cw = content_words(claim)
    if any(_same_stem(a, c) for a in after for c in cw):
        return True
    # "There is no plan to merge X with Y" denies "X and Y are in talks to merge": the plan's
    # action is what is denied, when the claim states that action as intended ("to merge",
    # "will merge"), not when it only names it ("a fear that sending troops could ...").
    if no and after and after[0] in PLAN_NOUNS:
        verb = re.search(rf"\b{re.escape(after[0])}\s+(?:to|of)\s+(\w+)", evidence[m.start():], re.IGNORECASE)
        if verb:
            intended = re.findall(r"\b(?:to|will|would|shall)\s+(\w+)", claim, re.IGNORECASE)
            return any(_same_stem(verb.group(1).lower(), w.lower()) for w in intended)
    return False


# Nouns of intention whose action a denial denies ("no plan to ...", "no intention of ...").
PLAN_NOUNS = frozenset("plan plans intention intentions decision proposal proposals talks move".split())


BY_PARTY = ", whom the claim is about"


def by_party(check: Check) -> bool:
    """A denial by a party the claim is about (see :func:`check_denial`'s detail)."""
    return check.kind == "denial" and check.detail.endswith(BY_PARTY)


def check_denial(claim: Reading, evidence: Reading) -> list[Check]:
    ev = [m for m in _DENIAL.finditer(evidence.text)
          if _denied(claim.text, evidence.text, m) >= DENIED_OVERLAP and _denies_this(claim.text, evidence.text, m)]
    if not ev or _DENIAL.search(claim.text):
        return []
    party = _party_concerned(claim, evidence, ev[0].start())
    words = ", ".join(f"'{m.group()}'" for m in ev[:3])
    detail = f"the evidence denies it ({words})" + (f"; the denial comes from {party}{BY_PARTY}" if party else "")
    return [Check("denial", detail, (), tuple(_span(evidence.text, m.start(), m.end()) for m in ev[:3]))]


def _names(r: Reading) -> dict[str, Span]:
    """Named parties (people, organisations, places). Nationalities ("European", "Ukrainian")
    name no one in particular; countries are matched by code instead."""
    out: dict[str, Span] = {}
    for e in r.entities:
        if e.label in ("PERSON", "ORG", "GPE"):
            key = e.span.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("\u2019s").strip()
            out.setdefault(key, e.span)
    return out


# The speaker of a trailing attribution, with an appositive name: "..., a Harwick spokeswoman,
# Rhian Morgan, said on Tuesday."
_SPEAKER_TAIL = re.compile(r",\s*([^,]{2,80}?(?:,\s*[^,]{2,40}?)?),?\s+(?:said|says|told|added|stated)\b[^,]*$")


def _denier_region(evidence: Reading, first: int) -> list[tuple[int, int]]:
    """Where the denier is named: before the first denial word (its subject), and the speaker
    of a trailing "..., the ministry said"."""
    out = [(0, first)]
    m = _SPEAKER_TAIL.search(evidence.text)
    if m:
        out.append((m.start(1), m.end(1)))
    return out


def _party_concerned(claim: Reading, evidence: Reading, first: int) -> str | None:
    """A party the claim is about (a named actor or a small group of countries) that the
    evidence names as the denier."""
    regions = _denier_region(evidence, first)
    inside = lambda sp: any(a <= sp.start and sp.end <= b for a, b in regions)  # noqa: E731
    cn = {k: v for k, v in _names(claim).items()}
    for e in evidence.entities:
        if e.label not in ("PERSON", "ORG", "GPE") or not inside(e.span):
            continue
        k = e.span.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("\u2019s").strip()
        if any(k == c or k.split()[-1] == c.split()[-1] for c in cn) or _same_names({k}, set(cn)):
            return e.span.text
    codes = {c for p in claim.places if len(p.codes) <= MAX_GROUP_CODES for c in p.codes}
    for p in evidence.places:
        if set(p.codes) & codes and inside(p.span) and p.kind == "country":
            return p.span.text
    return None


def check_negation(claim: Reading, evidence: Reading) -> list[Check]:
    """The same action (lemma) negated on one side only."""
    out = []
    for cf in claim.frames:
        # The same action negated and not, on the same side ("have not reached a finals ... and
        # reaching Germany looks impossible"): which one the other side's frame is cannot be
        # told, so it contradicts nothing.
        if any(ef.lemma == cf.lemma and ef.negated == cf.negated for ef in evidence.frames) or \
                any(of.lemma == cf.lemma and of.negated != cf.negated for of in claim.frames):
            continue
        for ef in evidence.frames:
            if cf.lemma == ef.lemma and cf.negated != ef.negated:
                side = cf if cf.negated else ef
                out.append(Check("negation", f"'{cf.lemma}' is negated on {'the claim' if side is cf else 'the evidence'} side only",
                                 (cf.action,), (ef.action,)))
                break
    return out[:1]


# ------------------------------------------------------------------------ time orientation
_FUTURE = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|intends?|intended|expected to|set to|due to|is to|are to|"
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


def same_time(claim: Reading, evidence: Reading) -> bool:
    a, b = orientation(claim.text), orientation(evidence.text)
    return "unknown" in (a, b) or a == b


# ------------------------------------------------------------------------ roles
def _surname(name: str) -> str:
    return re.sub(r"['\u2019]s?$", "", name.strip().split()[-1].lower())


def _former_roles(text: str):
    """(match, title, name) for "former [mods] TITLE NAME" and "NAME, a former [mods] TITLE"."""
    for m in _FORMER_ROLE.finditer(text):
        yield m, m.group(3).lower(), m.group(4)
    for m in _FORMER_APPOS.finditer(text):
        yield m, m.group(4).lower(), m.group(1)


def check_roles(claim: Reading, evidence: Reading) -> list[Check]:
    out = []
    for a, b in ((claim.text, evidence.text), (evidence.text, claim.text)):
        for m, title, name in _former_roles(a):
            for n in _CURRENT_ROLE.finditer(b):
                pre = b[max(0, n.start() - 12):n.start()].lower()
                if re.search(r"(former|ex-|ex|then-|then|late|outgoing|ousted|one-time)\s*$", pre):
                    continue
                if n.group(2).lower() == title and _surname(n.group(3)) == _surname(name):
                    pa, pb = _span(a, m.start(), m.end()), _span(b, n.start(), n.end())
                    cs, es = (pa, pb) if a is claim.text else (pb, pa)
                    out.append(Check("role", f"'{cs.text}' vs '{es.text}'", (cs,), (es,)))
                    return out
    return out


# ------------------------------------------------------------------------ polarity
# Clause breaks that separate two parties' stances ("some back it, while others oppose it");
# dashes are left alone: they mostly set off a parenthesis ("others\u2014in Scandinavia\u2014oppose").
_CLAUSE_BREAK = re.compile(r";|,\s*(?=(?:while|whereas|but|others|although)\b)|\bwhile\b|\bwhereas\b", re.IGNORECASE)


_SENTENCE_ADVERBS = frozenset("however meanwhile moreover nevertheless still yet instead also".split())
_CAP_WORDS = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def _stances(r: Reading) -> list[tuple[bool, Span, set[str], set[str]]]:
    """Per stance word with a holder the parse names: (for?, the word, the holder's place codes,
    the holder's names). A stance with no identified holder cannot be set against another."""
    out = []
    names = _names(r)
    for s, e, lem, neg, a, b in r.stances:
        if a < 0:  # the clause before the stance word: "..., others in Scandinavia have voiced opposition"
            a, b = max([0] + [m.end() for m in _CLAUSE_BREAK.finditer(r.text, 0, s)]), s
        pol = POLARITY[lem] != neg
        codes = {c for p in r.places if a <= p.span.start < b and p.kind in ("country", "region", "demonym")
                 and len(p.codes) <= MAX_GROUP_CODES for c in p.codes}
        nm = {k for k, sp in names.items() if a <= sp.start < b}
        # The holder's capitalised words name it too ("The Green and Liberal Democrat groups"),
        # but not a sentence's first word ("However, ...") nor a function word.
        nm |= {m.group().lower() for m in _CAP_WORDS.finditer(r.text, a, b)
               if m.start() > 0 and m.group().lower() not in _STOPWORDS and m.group().lower() not in _SENTENCE_ADVERBS}
        if codes or nm:
            out.append((pol, _span(r.text, s, e), codes, nm))
    return out


# Words that do not tell one party from another ("Cumbria County Council" and "Cumbria" are
# one party by "cumbria", not by "council").
GENERIC = frozenset("council county city state government ministry department group bank company party union "
                    "committee board authority agency office association federation club university the of and for".split())


def _same_names(a: set[str], b: set[str]) -> set[str]:
    out = set()
    for x in a:
        xs = set(x.split()) - GENERIC
        for y in b:
            if xs & (set(y.split()) - GENERIC):
                out.add(x)
    return out


def check_polarity(claim: Reading, evidence: Reading) -> list[Check]:
    for cp, cw, cc, cn in _stances(claim):
        for ep, ew, ec, en in _stances(evidence):
            names = _same_names(cn, en)
            same_party = bool(cc & ec) or bool(names)
            if same_party and cp != ep:
                who = ", ".join(sorted(names)) or ", ".join(sorted(cc & ec))
                return [Check("polarity", f"'{cw.text}' vs '{ew.text}' for the same party ({who})", (cw,), (ew,))]
    return []


# Words of change and their direction: "a 35 percent rise in landing charges" against "its
# landing charges fell 5 percent" says the same thing moved the other way.
DIRECTION = {**{w: True for w in "rise increase grow climb jump gain soar surge raise expand boost".split()},
             **{w: False for w in "fall decrease drop decline shrink slump plunge lower reduce cut slash".split()}}


def _moves(r: Reading) -> list[tuple[bool, Span, set[str]]]:
    """(up?, the change word, the nouns of what changes): a change verb's subject (or object,
    for "raise", "cut") or a change noun's "in"/"of" phrase."""
    kids: dict[int, list[tuple]] = {}
    for t in r.tree:
        if t[4] != t[0]:
            kids.setdefault(t[4], []).append(t)
    def nouns(t) -> set[str]:
        sub, todo = set(), [t]
        while todo:
            x = todo.pop()
            if x[2] in ("NOUN", "PROPN"):
                sub.add(x[1])
            todo += [k for k in kids.get(x[0], []) if k[3] in ("compound", "amod", "poss", "nmod")]
        return sub
    out = []
    for t in r.tree:
        if t[1] not in DIRECTION or t[2] not in ("VERB", "NOUN"):
            continue
        if t[2] == "VERB":
            what = [k for k in kids.get(t[0], []) if k[3] in ("nsubj", "nsubjpass", "dobj")]
        else:
            preps = [k for k in kids.get(t[0], []) if k[3] == "prep" and k[1] in ("in", "of")]
            what = [k for p in preps for k in kids.get(p[0], []) if k[3] == "pobj"]
        thing = set().union(*(nouns(k) for k in what)) if what else set()
        if thing:
            out.append((DIRECTION[t[1]], _span(r.text, t[0], t[0] + len(r.text[t[0]:].split()[0].rstrip(".,;:"))), thing))
    return out


def check_direction(claim: Reading, evidence: Reading) -> list[Check]:
    """The same thing said to move one way on one side and the other way on the other (reported
    as a polarity: the two say opposite things), unless a side says both."""
    ev = _moves(evidence)
    for up, word, thing in _moves(claim):
        same = [(u, w) for u, w, t in ev if t & thing]
        if same and all(u != up for u, _ in same):
            return [Check("polarity", f"'{word.text}' vs '{same[0][1].text}': opposite directions for the same thing ({', '.join(sorted(thing))})",
                          (word,), tuple(w for _, w in same))]
    return []


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
_DIGIT = re.compile(r"\d")
_CAPITALISED_AFTER_PREP = re.compile(r"\b(?:in|at|near|across|throughout|around|off|into|to|from|on|within|of)\s+(?:the\s+)?(?:\S+\s+){0,3}?[A-Z]"
                                     r"|\b(?:is|was)\s+[A-Z]")  # "The worst-hit town is Slavonski Brod"
_POLARITY_WORD = re.compile(r"\b(?:" + "|".join(sorted(POLARITY)) + r")\w*", re.IGNORECASE)
_DIRECTION_WORD = re.compile(r"\b(?:" + "|".join(sorted(DIRECTION)) + r"|rose|risen|grew|grown|fell|fallen|cut|slashed|lowered)\w*",
                             re.IGNORECASE)
_DATEISH = re.compile(r"\b(?:1[5-9]\d\d|20\d\d|yesterday|today|tomorrow|last|next|ago)\b", re.IGNORECASE)
# Text-level conditions without which a check cannot fire: most evidence sentences meet none,
# and are never parsed (the parse is most of a check's cost).
PRE_GATES = {
    "denial": lambda c, e: bool(_DENIAL.search(e)),
    "negation": lambda c, e: bool(_NEGATION.search(c) or _NEGATION.search(e)),
    "number": lambda c, e: bool(_DIGIT.search(c) and _DIGIT.search(e)),
    "place": lambda c, e: bool(_CAPITALISED_AFTER_PREP.search(c) and _CAPITALISED_AFTER_PREP.search(e)),
    "date": lambda c, e: bool(_DATEISH.search(c) and _DATEISH.search(e)),
    "role": lambda c, e: bool(_TITLE_WORD.search(c) and _TITLE_WORD.search(e)),
    "polarity": lambda c, e: bool(_POLARITY_WORD.search(c) and _POLARITY_WORD.search(e)),
    "direction": lambda c, e: bool(_DIRECTION_WORD.search(c) and _DIRECTION_WORD.search(e)),
}
CHECKS = {"denial": check_denial, "negation": check_negation, "number": check_numbers, "place": check_places,
          "date": check_dates, "role": check_roles, "polarity": check_polarity, "direction": check_direction}


# Checks read on the claim's whole sentence, not only its content: a title belongs to whoever
# the sentence names, the speaker included ("Former Minister X said ..."). Their claim spans
# index the sentence.
SENTENCE_CHECKS = frozenset({"role"})


def contradictions(claim: str, evidence: str, cosine: float | None = None, claim_published: str | None = None,
                   evidence_published: str | None = None, sentence: str | None = None) -> tuple[Check, ...]:
    """Every check that fires between the claim's content and one evidence sentence (role
    checks: the claim's whole ``sentence``, if given)."""
    if not content_words(claim) or not content_words(evidence):
        return ()
    overlap = topic_overlap(claim, evidence)
    cos = -1.0 if cosine is None else cosine
    kinds = [k for k, (need_overlap, need_cos) in TOPIC_NEEDED.items()
             if overlap >= need_overlap or cos >= need_cos or (k in TIME_BOUND | {"number"} and overlap >= BOTH_OVERLAP and cos >= BOTH_COSINE)]
    whole = sentence or claim
    kinds = [k for k in kinds if PRE_GATES[k](whole if k in SENTENCE_CHECKS else claim, evidence)]
    if not kinds:
        return ()  # no check could fire on these words: spare the parse
    cr, er = read(claim, claim_published), read(evidence, evidence_published)
    out: list[Check] = []
    timely = same_time(cr, er)
    for kind in kinds:
        if kind in TIME_BOUND and not timely:
            continue
        if kind in SENTENCE_CHECKS and sentence is not None:
            out.extend(CHECKS[kind](read(sentence, claim_published), er))
        else:
            out.extend(CHECKS[kind](cr, er))
    return tuple(out)
