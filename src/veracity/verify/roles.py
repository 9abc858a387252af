"""Titles and roles: the same person given a title on one side that the other shows they no
longer (or already) hold ("former Ukrainian President X" / "President X"; "NAME, who left her
post as ORG's head of ..." / "ORG's chief ... NAME"; "NAME was moved from the finance ministry" /
"Finance Minister NAME"; "OTHER taking over the health portfolio", "succeeding NAME", "NAME
assumed office as TITLE"). Part of the contradiction checks (:mod:`veracity.verify.contradiction`).
"""

from __future__ import annotations

import re

from ..claims.places import is_place_name, resolve_demonym
from ..records import Check, Span
from .reading import Reading

TITLES = (r"president|prime minister|minister|undersecretary|under-secretary|secretary|chancellor|governor|mayor|ceo|chief executive|chairman|chairwoman|chair|"
          r"leader|king|queen|pope|director|head|commissioner|ambassador|general|coach|manager|captain|speaker|senator|officer|commander|"
          r"ombudsman")
_TITLE_WORD = re.compile(rf"\b(?i:{TITLES})\b")
_NAME = r"((?:[A-Z][\w'\u2019-]+\s+(?:(?:de|van|von|der|den|da|di|du|la|le|dos|das)\s+)?){0,3}[A-Z][\w'\u2019-]+)"
# Up to three modifiers between "former" and the title ("former Ukrainian President", "Former
# Harcourt group chief executive"), and an optional comma before the name ("Harcourt's chief
# executive, Miriam Osei").
_OF = r"(?:\s+(?:of|to|for|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)?"  # "Secretary to the Treasury"
FORMER = "former|ex-|ex|then-|then|late|outgoing|ousted|one-time"  # words that make a title past
_FORMER_ROLE = re.compile(rf"\b(?i:({FORMER}))\s*((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES})){_OF},?\s+{_NAME}")
_FORMER_APPOS = re.compile(rf"{_NAME},\s+(?:a|the|an)\s+(?i:(former|ex-|one-time|then-))\s*((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")
# "De Groot, who left her post as Zuiderbank's head of information security in April": she
# no longer holds it, whatever the title is called on the other side ("Zuiderbank's chief
# information security officer, Femke de Groot"): the same organisation's title suffices.
_LEFT_ROLE = re.compile(rf"{_NAME},?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:(?:left|quit|vacated|gave up|stepped down from|resigned from)"
                        rf"\s+(?:her|his|their|the)\s+(?:post|job|role|position|seat)|stepped down|stood down|stepped aside|stood aside|resigned|quit|retired)\s+as\s+"
                        rf"((?:[\w'\u2019-]+\s+){{0,4}}?)(?i:({TITLES}))\b")
# "National Security Adviser Ramon Villareal, who was defence secretary until his move to
# Malacañang in July": he no longer holds the post.
_WAS_UNTIL = re.compile(rf"{_NAME},?\s+who\s+(?:was|had been|served as)\s+((?:[\w'\u2019-]+\s+){{0,4}}?)(?i:({TITLES}))\b"
                        rf"[^.;,]{{0,40}}?\s+until\b")
# "Ekinci took over the agency in June after six years as chief executive of Kartal Aerospace".
_AFTER_YEARS_AS = re.compile(rf"{_NAME}\b[^.;]{{0,80}}?\bafter\s+(?:[\w-]+\s+){{1,2}}(?:years?|months?|decades?)\s+as\s+"
                             rf"((?:[\w'\u2019-]+\s+){{0,4}}?)(?i:({TITLES}))\b")
# "Kwame Asante-Darko was moved from the finance ministry to the trade and industry ministry",
# "Carlo Benedetti left the defence ministry on Wednesday to become foreign minister": he is no
# longer that ministry's minister ("Finance Minister Kwame Asante-Darko").
_LEFT_MINISTRY = re.compile(rf"{_NAME},?\s+(?:who\s+)?(?:was\s+|has\s+been\s+|had\s+been\s+|has\s+|had\s+)?"
                            rf"(?:moved|left|quit|removed|dismissed|sacked|fired|ousted|shifted|switched)\s+(?:from\s+)?"
                            rf"(?:the\s+|his\s+|her\s+)((?i:[a-z]+(?:\s+and\s+[a-z]+)?))\s+(?i:ministry|department|portfolio)\b")
# "the foreign affairs portfolio went to Joost Verhoeven": another person holds it.
_WENT_TO = re.compile(rf"\bthe\s+((?i:[a-z]+(?:\s+(?:and\s+)?[a-z]+)?))\s+(?i:portfolio|ministry)\s+(?:went|passed|was given|was handed)\s+"
                      rf"to\s+(?:(?:[a-z-]+\s+){{0,3}}?)?{_NAME}")
_MINISTER = frozenset({"minister", "secretary"})
# "Marc Theurillat was sworn in ... as head of the canton's environment department, succeeding
# Claire Voisard": she no longer holds the post ("The cantonal environment minister, Claire Voisard").
_SUCCEEDING = re.compile(rf"\b(?:succeeding|replacing|succeeds|replaces|succeeded|replaced|"
                         rf"(?:took|takes|taking|has taken|had taken) over (?:the\s+)?(?:[a-z]+\s+)?(?:portfolio|post|job|role|ministry|department)"
                         rf" from|(?:took|takes|taking|has taken|had taken) over as [^,.;]{{1,60}}? from)"
                         # (a word for the one replaced before the name: "replacing founder Tran Quoc Bao")
                         rf"\s+(?:(?:founder|co-founder|veteran|longtime|long-time|incumbent)\s+)?{_NAME}")
# "Hassan Ouazzani, who had run Azilal province since 2022, moves to Tiznit and is replaced in
# Azilal by Karim El Fassi": the named person is the one who leaves.
_REPLACED = re.compile(rf"{_NAME}\b[^.;]{{0,80}}?\b(?:is|was|has been|will be|to be)\s+(?:replaced|succeeded)\b")
# "Kunle Adeyinka assumed office on Monday as Deputy Governor": he holds the title now, so
# "Kunle Adeyinka, a former deputy governor of the bank" is out of date the other way.
_ASSUMED = re.compile(rf"{_NAME}\s+(?:assumed office|took office|was sworn in|took up (?:his|her|the) post|was appointed|was confirmed)"
                      rf"\b[^.;]{{0,40}}?\bas\s+((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")
# "VoltRoll's supervisory board has appointed Lea Hartmann as chief executive on a permanent
# basis": the same groups as _ASSUMED (name, modifiers, title).
_APPOINTED = re.compile(rf"\b(?:appointed|named|confirmed)\s+{_NAME}\s+as\s+(?:(?:the|its|their)\s+)?((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")
# "Colonel Yerlan Dzhaksybekov was appointed commander of Kazakhstan's peacekeeping brigade": the
# title straight after the verb, with no "as" (name, modifiers, title, as _ASSUMED).
_APPOINTED_TITLE = re.compile(rf"{_NAME}\s+(?:was|has\s+been|had\s+been)\s+(?:appointed|named|made|promoted\s+to)\s+(?:the\s+)?"
                              rf"((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")
_GENERIC_MODIFIERS = frozenset("the a an new former cantonal state federal regional national deputy acting interim".split())
# "Daniel Okafor will become Treasurer ..., with Anna Kowal taking over the health and wellbeing
# portfolio": the portfolio's minister is now another person, so a "Health Minister Daniel
# Okafor" the evidence names is out of date.
_TAKES_OVER = re.compile(rf"{_NAME}\s+(?:is\s+|was\s+|will\s+)?(?:taking over|takes over|took over|take over|to take over|"
                         rf"taking charge of|takes charge of|took charge of)\s+(?:the\s+)?((?i:[a-z]+(?:\s+and\s+[a-z]+)?))\s+"
                         rf"(?i:portfolio|ministry|department)\b")
_CURRENT_ROLE = re.compile(rf"\b((?:[\w'\u2019-]+\s+){{0,2}}?)(?i:({TITLES})){_OF},?\s+{_NAME}")


def _span(text: str, a: int, b: int) -> Span:
    return Span.of(text, a, b)


# ------------------------------------------------------------------------ roles
def _surname(name: str) -> str:
    return re.sub(r"['\u2019]s?$", "", name.strip().split()[-1].lower())


def _former_roles(text: str):
    """(match, title, name) for "former [mods] TITLE NAME" and "NAME, a former [mods] TITLE"."""
    for m in _FORMER_ROLE.finditer(text):
        yield m, m.group(3).lower(), m.group(4)
    for m in _FORMER_APPOS.finditer(text):
        yield m, m.group(4).lower(), m.group(1)


# Words that put a title in the past ("Former Morobe governor"); "outgoing" still holds it.
_PAST_TITLE = re.compile(r"\b(?:former|ex-|ex|late|one-time|then-|then|ousted)\b", re.IGNORECASE)
_FORMER_BEFORE = re.compile(rf"\b(?:{FORMER})\b", re.IGNORECASE)
_ORG_WORD = re.compile(r"\b([A-Z][\w-]+)(?:'s|\u2019s)?")


def _org_words(text: str, at: int) -> set[str]:
    return {w.lower() for w in _ORG_WORD.findall(text[max(0, at - 40):at])} - {"the", "former"}


def _left_roles(a: str, b: str):
    """(span in a, span in b) for "NAME, who left her post as ORG's TITLE" in ``a`` and the
    same person given a title of the same organisation (or the same title) in ``b``."""
    for m in [*_LEFT_ROLE.finditer(a), *_AFTER_YEARS_AS.finditer(a), *_WAS_UNTIL.finditer(a)]:
        org = {w.lower().removesuffix("'s").removesuffix("\u2019s")
               for w in re.findall(r"[A-Z][\w'\u2019-]+", a[m.start(2):m.end() + 30])} - {w.lower() for w in m.group(1).split()}
        for n in _CURRENT_ROLE.finditer(b):
            if _surname(n.group(3)) != _surname(m.group(1)) or _FORMER_BEFORE.search(b[max(0, n.start() - 30):n.start() + len(n.group(1))]):
                continue
            if n.group(2).lower() == m.group(3).lower() or (org & (_org_words(b, n.start()) | {w.lower() for w in n.group(1).split()})):
                yield _span(a, m.start(), m.end()), _span(b, n.start(), n.end())


def _left_ministries(a: str, b: str):
    """(span in a, span in b) for "NAME was moved from the finance ministry" in ``a`` and the
    same person called that ministry's minister in ``b`` ("Finance Minister NAME"); or for
    "OTHER taking over the health portfolio" in ``a``, which names NAME too, and "Health
    Minister NAME" in ``b``."""
    found = [(m, m.group(1), m.group(2), m.re is _TAKES_OVER) for m in [*_LEFT_MINISTRY.finditer(a), *_TAKES_OVER.finditer(a)]]
    found += [(m, m.group(2), m.group(1), True) for m in _WENT_TO.finditer(a)]
    for m, who, portfolio, took in found:
        if not who[:1].isupper():
            continue
        domain = set(portfolio.lower().split()) - {"and"}
        for n in _CURRENT_ROLE.finditer(b):
            if n.group(2).lower() not in _MINISTER:
                continue
            if took:  # another person took the portfolio; the claim's minister is named as leaving it
                if _surname(n.group(3)) == _surname(who) or not re.search(rf"\b{re.escape(n.group(3).split()[-1])}\b", a):
                    continue
            elif _surname(n.group(3)) != _surname(who):
                continue
            if _FORMER_BEFORE.search(b[max(0, n.start() - 30):n.start() + len(n.group(1))]):
                continue
            if domain & {w.lower() for w in re.findall(r"[\w-]+", b[n.start():n.start(3)])}:
                yield _span(a, m.start(), m.end()), _span(b, n.start(), n.end())


_OUSTED_BEFORE = re.compile(r"\b(?:replac|succeed|oust|dismiss|sack|fir|remov|unseat|depos)(?:e|es|ed|ing|s)?\s+"
                            r"(?:(?:its|their|his|her|the)\s+)?$", re.IGNORECASE)


def _succeeded(a: str, b: str):
    """(span in a, span in b) for "OTHER ..., succeeding NAME" in ``a`` and "TITLE, NAME" in
    ``b`` when the post is the same: the title, or a word of its description ("environment")."""
    for m in [*_SUCCEEDING.finditer(a), *_REPLACED.finditer(a)]:
        words = {w.lower() for w in re.findall(r"[\w-]+", a[:m.start()] if m.re is _SUCCEEDING else a)}
        # A sentence that names no post at all ("She succeeds Park Jae-hyun, who is returning to
        # teaching"; "Restrepo replaced Andrés Villamizar, who resigned in May") cannot be about
        # another post than the claim's.
        untitled = not _TITLE_WORD.search(a)
        for n, modifiers, title, name in _current_roles(b):
            if _surname(name) != _surname(m.group(1)) or _FORMER_BEFORE.search(b[max(0, n.start() - 30):n.start()] + " " + modifiers):
                continue
            # ... nor one the other side says is being replaced ("has replaced its chief executive,
            # Anjali Menon, with ..." / "He succeeds Anjali Menon").
            if _OUSTED_BEFORE.search(b[max(0, n.start() - 40):n.start()] + modifiers):
                continue
            mods = {re.sub(r"['\u2019]s$", "", w.lower()) for w in modifiers.split()} - _GENERIC_MODIFIERS
            if untitled or title.lower() in words or mods & words:
                yield _span(a, m.start(), m.end()), _span(b, n.start(), n.end())


# "Jorge Fuentes, the service's executive director": a title after the name.
_CURRENT_APPOS = re.compile(rf"{_NAME},\s+(?:the|its|their|(?:the\s+)?[\w-]+(?:'s|\u2019s))\s+((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b"
                            # ... or with no article, when "of" names the body: "Lucia Endara, president of the ... Association"
                            rf"|{_NAME},\s+((?:[a-z][\w'\u2019-]*\s+){{0,2}}?)(?i:({TITLES}))(?=\s+of\b)")


def _current_roles(text: str):
    """(match, modifiers, title, name) for "[mods] TITLE NAME" and "NAME, the ORG's [mods] TITLE";
    not a title made past by its modifiers ("Hendra Wibisono, the former head of the port
    authority", "former Tanjung Perak port authority head Hendra Wibisono")."""
    def past(n: re.Match, mods: str) -> bool:
        return bool(_PAST_TITLE.search(mods) or _FORMER_LEAD.search(text, max(0, n.start() - 50), n.start()))

    for n in _CURRENT_ROLE.finditer(text):
        if not past(n, n.group(1)):
            yield n, n.group(1), n.group(2), n.group(3)
    for n in _CURRENT_APPOS.finditer(text):
        mods = n.group(0)[len(n.group(1)):n.start(3) - n.start()] if n.group(1) else n.group(5)
        if _PAST_TITLE.search(mods):
            continue
        if n.group(1):
            yield n, mods, n.group(3), n.group(1)
        else:
            yield n, mods, n.group(6), n.group(4)


# "former" a few words before a title's modifiers ("former Tanjung Perak port authority head").
_FORMER_LEAD = re.compile(rf"\b(?i:{FORMER})\s+(?:[\w'\u2019-]+\s+){{0,4}}$")


def _assumed(a: str, b: str):
    """(span in a, span in b) for "NAME assumed office as TITLE" in ``a`` and "NAME, a former
    TITLE" in ``b``; or "NAME was sworn in as Poland's industry minister" and "Deputy Industry
    Minister NAME" (a deputy on one side only: the post is another)."""
    for m in [*_ASSUMED.finditer(a), *_APPOINTED.finditer(a), *_APPOINTED_TITLE.finditer(a)]:
        for f, title, name in _former_roles(b):
            if title == m.group(3).lower() and _surname(name) == _surname(m.group(1)):
                yield _span(a, m.start(), m.end()), _span(b, f.start(), f.end())
        # ... or "Lucia Ferrandi was confirmed on Tuesday as president" and "Lucia Ferrandi, the
        # authority's acting president".
        for n, mods, title, name in _current_roles(b):
            if title.lower() != m.group(3).lower() or _surname(name) != _surname(m.group(1)):
                continue
            if bool(_DEPUTY.search(m.group(2))) != bool(_DEPUTY.search(mods)):
                yield _span(a, m.start(), m.end()), _span(b, n.start(), n.end())


_DEPUTY = re.compile(r"\b(?:deputy|vice|junior|assistant|acting|interim)\b", re.IGNORECASE)
# "Andrei Vlasceanu, Romania's defence minister since 2025, was sworn in as foreign minister": a
# minister holds one portfolio, so "Romanian Defence Minister Andrei Vlasceanu" is out of date.
_NEW_PORTFOLIO = re.compile(rf"{_NAME},?\s+(?:[^,.;]{{3,60}},\s+)?(?:was|has been|had been)\s+(?:sworn in|appointed|named|made)\b"
                            rf"[^.;]{{0,30}}?\bas\s+(?:(?:the|its|their)\s+)?((?:[\w'\u2019-]+\s+){{1,3}}?)(?i:(minister|secretary))\b")
# "relieved Farrukh Nazarov of his duties as finance minister": he no longer holds the post.
_RELIEVED = re.compile(rf"\b(?:relieved|dismissed|removed|sacked|fired|ousted)\s+{_NAME}\s+(?:of\s+(?:his|her|their)\s+"
                       rf"(?:duties|post|position|functions)\s+)?(?:as|from(?:\s+the\s+post\s+of)?)\s+(?:(?:the|its)\s+)?"
                       rf"((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")


def _portfolio(mods: str) -> set[str]:
    """The words of a minister's title that name the portfolio: not the country ("Romanian
    Defence" -> defence; "Romania's" names whose)."""
    words = {re.sub(r"['\u2019]s$", "", w.lower()) for w in mods.split()} - _GENERIC_MODIFIERS
    return {w for w in words if resolve_demonym(w) is None and not is_place_name(w.title())}


def _left_posts(a: str, b: str):
    """(span in a, span in b) for a person ``a`` moves to another ministry or relieves of a post,
    and ``b`` still gives that post: "Defence Minister NAME" / "NAME ... sworn in as foreign
    minister"; "Finance Minister NAME" / "relieved NAME of his duties as finance minister"."""
    for m in _NEW_PORTFOLIO.finditer(a):
        new = _portfolio(m.group(2))
        for n, mods, title, name in _current_roles(b):
            old = _portfolio(mods)
            if _surname(name) == _surname(m.group(1)) and title.lower() in _MINISTER and new and old and not new & old \
                    and not _DEPUTY.search(mods) and not _FORMER_BEFORE.search(b[max(0, n.start() - 30):n.start()] + " " + mods):
                yield _span(a, m.start(), m.end()), _span(b, n.start(), n.end())
    for m in _RELIEVED.finditer(a):
        gone = _portfolio(m.group(2))
        for n, mods, title, name in _current_roles(b):
            if _surname(name) == _surname(m.group(1)) and title.lower() == m.group(3).lower() and (not gone or gone & _portfolio(mods)) \
                    and not _FORMER_BEFORE.search(b[max(0, n.start() - 30):n.start()] + " " + mods):
                yield _span(a, m.start(), m.end()), _span(b, n.start(), n.end())


def check_roles(claim: Reading, evidence: Reading) -> list[Check]:
    out = []
    for es, cs in [*_left_roles(evidence.text, claim.text), *_left_ministries(evidence.text, claim.text),
                   *_succeeded(evidence.text, claim.text), *_assumed(evidence.text, claim.text),
                   *_left_posts(evidence.text, claim.text)]:
        return [Check("role", f"'{cs.text}' vs '{es.text}'", (cs,), (es,))]
    for a, b in ((claim.text, evidence.text), (evidence.text, claim.text)):
        for m, title, name in _former_roles(a):
            for n in _CURRENT_ROLE.finditer(b):
                pre = b[max(0, n.start() - 12):n.start()].lower()
                # ... "Former Morobe governor Joseph Kalang": the modifiers may hold the "former" too.
                if re.search(rf"({FORMER})\s*$", pre) or _PAST_TITLE.search(n.group(1)) or _FORMER_LEAD.search(b, max(0, n.start() - 50), n.start()):
                    continue
                if n.group(2).lower() == title and _surname(n.group(3)) == _surname(name):
                    pa, pb = _span(a, m.start(), m.end()), _span(b, n.start(), n.end())
                    cs, es = (pa, pb) if a is claim.text else (pb, pa)
                    out.append(Check("role", f"'{cs.text}' vs '{es.text}'", (cs,), (es,)))
                    return out
    return _ranks(claim.text, evidence.text) or _another_title(claim.text, evidence.text) \
        or _headed_by_another(claim.text, evidence.text) or _post_taken(claim.text, evidence.text) \
        or _promoted(claim.text, evidence.text) or _previously_headed(claim.text, evidence.text) \
        or _headed_until(claim.text, evidence.text) or _never_held(claim.text, evidence.text)


# "Chen Wei-lun was a section manager ... and had never held a deputy director post": no title
# of that name, past or present, is his ("Chen Wei-lun, a former deputy director of process
# integration"). The title and its words before it ("deputy director") must match.
_NEVER_HELD = re.compile(rf"{_NAME}\b[^.;]{{0,120}}?\b((?:had|has|have)\s+never\s+(?:held|been|served\s+as|occupied)\s+"
                         rf"(?:a|an|the|any)?\s*((?:[\w'\u2019-]+\s+){{0,2}}?)(?i:({TITLES})))\b")


def _never_held(claim: str, evidence: str) -> list[Check]:
    for m in _NEVER_HELD.finditer(evidence):
        mods = {w.lower() for w in m.group(3).split()} - _GENERIC_MODIFIERS
        for n, title, name in [*_former_roles(claim), *((n, t.lower(), nm) for n, _mods, t, nm in _current_roles(claim))]:
            # the same title, its words before it found in the claim's, a deputy's on both sides or neither
            if _surname(name) == _surname(m.group(1)) and title == m.group(4).lower() \
                    and all(w in n.group(0).lower().split() for w in mods) \
                    and bool(_DEPUTY.search(n.group(0))) == bool(_DEPUTY.search(m.group(3))):
                cs, es = _span(claim, n.start(), n.end()), _span(evidence, m.start(2), m.end(2))
                return [Check("role", f"'{cs.text}' vs '{m.group(1)} ... {es.text}'", (cs,), (es,))]
    return []


# "Mahmood, who was promoted from air vice marshal, previously headed Southern Air Command in
# Karachi": he no longer heads it ("Tariq Mahmood, the head of the air force's Southern Air Command").
# So has one who "handed over command of Norway's Joint Headquarters in Bodo to Major General
# Kari Berg" ("Anders Vik, the head of Norway's Joint Headquarters in Bodo").
_PREVIOUSLY_HEADED = re.compile(rf"{_NAME},?\s+(?:who\s+[^.;]{{0,60}}?)?\b(?:previously\s+(?:headed|led|ran|commanded|chaired)|"
                                rf"(?:has\s+|had\s+)?(?:handed|passed)\s+over\s+(?:command|control|leadership|charge|the\s+leadership)\s+of)\s+"
                                rf"(?:the\s+)?((?:[A-Z][\w'\u2019-]+\s*){{1,5}})")
HEAD_TITLES = frozenset("head chief commander director chairman chairwoman chair leader".split())


# "Brigadier General Khaled Al-Masri, who headed Jordan's air defence command until last month":
# he heads it no more ("Jordan's air defence commander, Brigadier General Khaled Al-Masri").
_HEADED_UNTIL = re.compile(rf"{_NAME},?\s+who\s+(?:headed|led|ran|commanded|chaired)\s+(?:the\s+)?([^,.;]{{3,60}}?)\s+until\b")


def _headed_until(claim: str, evidence: str) -> list[Check]:
    for m in _HEADED_UNTIL.finditer(evidence):
        body = _domain(m.group(2))
        for n, mods, title, name in _current_roles(claim):
            if _surname(name) == _surname(m.group(1)) and title.lower() in HEAD_TITLES | {"commander"} \
                    and len(body & (_domain(mods) | _domain(claim[max(0, n.start() - 40):n.start()]))) >= 2:
                cs, es = _span(claim, n.start(), n.end()), _span(evidence, m.start(), m.end())
                return [Check("role", f"'{cs.text}' vs '{es.text}'", (cs,), (es,))]
    return []


def _previously_headed(claim: str, evidence: str) -> list[Check]:
    for m in _PREVIOUSLY_HEADED.finditer(evidence):
        org = {w.lower() for w in m.group(2).split()}
        for n, _mods, title, name in _current_roles(claim):
            if _surname(name) == _surname(m.group(1)) and title.lower() in HEAD_TITLES \
                    and len(org & {w.lower().removesuffix("'s") for w in re.findall(r"[A-Z][\w'\u2019-]+", claim[n.end():n.end() + 60])}) >= 2:
                cs, es = _span(claim, n.start(), n.end()), _span(evidence, m.start(), m.start() + len(m.group(0).rstrip()))
                return [Check("role", f"'{cs.text}' vs '{es.text}'", (cs,), (es,))]
    return []


# "Aibek Toktosunov, who heads the government's emergency commission" / "a government commission
# ..., chaired by Deputy Chairman of the Cabinet of Ministers Nurlan Abdykadyrov": a body has one
# head at a time.
_BODIES = r"(commission|committee|council|board|agency|task force|panel|inquiry|delegation|taskforce)"
_WHO_HEADS = re.compile(rf"{_NAME},?\s+who\s+(?:heads|leads|chairs|runs)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?{_BODIES}\b")
_HEADED_BY = re.compile(rf"\b{_BODIES}\b[^.;]{{0,90}}?\b(?:chaired|headed|led)\s+by\s+((?:[\w'\u2019-]+\s+){{0,8}}?[A-Z][\w'\u2019-]+\s+[A-Z][\w'\u2019-]+)\b(?=\s*[,.;]|\s*$)")


def _headed_by_another(claim: str, evidence: str) -> list[Check]:
    for m in _WHO_HEADS.finditer(claim):
        for n in _HEADED_BY.finditer(evidence):
            if n.group(1).lower() == m.group(2).lower() and _surname(n.group(2)) != _surname(m.group(1)):
                cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
                return [Check("role", f"'{cs.text}' vs '{es.text}': another head", (cs,), (es,))]
    return []


# "Meera Joshi would take over as managing director from October 1, with Arvind Kulkarni becoming
# non-executive chairman": the post is another person's now, so "its managing director, Arvind
# Kulkarni" is out of date, when the evidence names him too.
_TAKES_POST = re.compile(rf"{_NAME}\s+(?:would\s+|will\s+|is\s+to\s+|is\s+set\s+to\s+|to\s+)?(?:take over as|takes over as|took over as|"
                         rf"taking over as|has taken over as|step(?:s|ped)? in as|was named|has been named|was appointed|has been appointed)"
                         rf"\s+(?:the\s+)?(?:new\s+)?(?:company's\s+|group's\s+|its\s+)?((?:[\w'\u2019-]+\s+){{0,3}}?)(?i:({TITLES}))\b")


def _post_taken(claim: str, evidence: str) -> list[Check]:
    for n in _TAKES_POST.finditer(evidence):
        for m, mods, title, name in _current_roles(claim):
            if _post(title) != _post(n.group(3)) or _same_person(name, n.group(1)) or _domain(mods) != _domain(n.group(2)):
                continue
            if _FORMER_BEFORE.search(claim[max(0, m.start() - 30):m.start()] + " " + mods) or _DEPUTY.search(mods + " " + n.group(2)):
                continue
            if not re.search(rf"\b{re.escape(_surname(name))}\b", evidence, re.IGNORECASE):
                continue
            cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
            return [Check("role", f"'{cs.text}' vs '{es.text}': the post is another's", (cs,), (es,))]
    return []


# Words of a title that say which body's post it is ("Deputy *Foreign* Minister", "the *foreign
# ministry's* director-general"), not its rank or a generic word.
_NOT_DOMAIN = frozenset("the a an its their his her whose our new former acting interim deputy vice junior assistant under senior chief "
                        "ministry ministry's department department's office office's state federal national".split())


def _domain(words: str) -> set[str]:
    return {re.sub(r"['\u2019]s$", "", w) for w in re.findall(r"[\w'\u2019-]+", words.lower())} - _NOT_DOMAIN


# Names of one post: a party's "chairman" is its "leader"; a company's "CEO" its "chief executive".
_SAME_POST = {"chairwoman": "chairman", "chair": "chairman", "leader": "chairman", "head": "chairman", "president": "chairman",
              "chief executive": "ceo", "under-secretary": "undersecretary"}


def _post(title: str) -> str:
    t = title.lower()
    return _SAME_POST.get(t, t)


def _same_person(a: str, b: str) -> bool:
    x, y = a.split(), b.split()
    return _surname(a) == _surname(b) and (len(x) < 2 or len(y) < 2 or x[0].lower() == y[0].lower())


_OF_PHRASE = re.compile(r"\s+of\s+([^,.;]{0,60})")


def _of_phrase(text: str, at: int) -> str:
    """The body a title is "of": "Jana Novotna, chair *of the Chamber of Deputies' health committee*"."""
    m = _OF_PHRASE.match(text, at)
    return m.group(1) if m else ""


def _another_title(claim: str, evidence: str) -> list[Check]:
    """The same person with another title of the same body: "Deputy Foreign Minister Sari
    Wulandari" / "Sari Wulandari, the foreign ministry's director-general of protocol". A person
    holds one post in a ministry at a time; posts of two bodies ("Prime Minister X" / "X, the
    party's leader") share no word and are not compared."""
    for m, mods, title, name in _current_roles(claim):
        dom = _domain(mods)
        if not dom or _FORMER_BEFORE.search(claim[max(0, m.start() - 30):m.start()] + " " + mods):
            continue
        for n, nmods, ntitle, nname in _current_roles(evidence):
            if not _same_person(name, nname) or _post(ntitle) == _post(title):
                continue
            if _FORMER_BEFORE.search(evidence[max(0, n.start() - 30):n.start()] + " " + nmods) \
                    or not dom & (_domain(nmods) | _domain(_of_phrase(evidence, n.end()))):
                continue
            cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
            return [Check("role", f"'{cs.text}' vs '{es.text}': another post", (cs,), (es,))]
    return []


# A rank below the title: "Deputy Environment Minister Lucia Paredes" is not the environment
# minister ("Environment Minister Lucia Paredes"). "acting" and "interim" hold the post.
_BELOW = re.compile(r"\b(?:deputy|vice|junior|assistant|under)\b(?![^\w\s])", re.IGNORECASE)


# Military ranks written before "General", "Admiral", "Colonel": two of them for one person are
# two ranks, one out of date.
RANK_WORDS = frozenset("brigadier major lieutenant rear vice full".split())


def _rank_word(modifiers: str) -> str | None:
    words = modifiers.lower().split()
    return words[-1] if words and words[-1] in RANK_WORDS else None


def _word_before(text: str, at: int) -> str:
    w = re.search(r"([\w-]+)\s*$", text[max(0, at - 20):at])
    return w.group(1) + " " if w else ""


# "the promotion of Brigadier General Tanvir Alam to the rank of major general": the rank the
# claim gives him ("commanded by Brigadier General Tanvir Alam") is out of date.
_PROMOTED = re.compile(rf"\bpromot(?:ion|ed)\s+(?:of\s+)?((?i:{'|'.join(sorted(RANK_WORDS))}))\s+(?i:general|admiral)\s+{_NAME}"
                       rf"\s+to\s+(?:the\s+rank\s+of\s+)?((?i:{'|'.join(sorted(RANK_WORDS))}))\s+(?i:general|admiral)\b")


# "Marlon Thwaites was promoted from assistant commissioner to deputy commissioner": the title
# before the promotion is his no more ("Assistant Commissioner Marlon Thwaites").
_PROMOTED_FROM = re.compile(rf"{_NAME}\s+(?:was|has\s+been|had\s+been)\s+promoted\s+from\s+((?:[\w'\u2019-]+\s+){{0,2}}?)(?i:({TITLES}))"
                            rf"\s+to\s+((?:[\w'\u2019-]+\s+){{0,2}}?)(?i:({TITLES}))\b")


def _promoted(claim: str, evidence: str) -> list[Check]:
    for n in _PROMOTED.finditer(evidence):
        old, new = n.group(1).lower(), n.group(3).lower()
        for m in _CURRENT_ROLE.finditer(claim):
            if old != new and _rank_word(m.group(1)) == old and _surname(m.group(3)) == _surname(n.group(2)):
                cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
                return [Check("role", f"'{cs.text}' vs '{es.text}': promoted since", (cs,), (es,))]
    for n in _PROMOTED_FROM.finditer(evidence):
        before, after = f"{n.group(2)}{n.group(3)}".lower().split(), f"{n.group(4)}{n.group(5)}".lower().split()
        if before == after:
            continue
        for m, mods, title, name in _current_roles(claim):
            if _surname(name) == _surname(n.group(1)) and (mods + title).lower().split()[-len(before):] == before:
                cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
                return [Check("role", f"'{cs.text}' vs '{es.text}': promoted since", (cs,), (es,))]
    return []


def _ranks(claim: str, evidence: str) -> list[Check]:
    """The same person with the same title on both sides, one of them a rank below it; not the
    rank a promotion gave ("Major General Tanvir Alam" / "the promotion of Brigadier General Tanvir
    Alam to the rank of major general")."""
    promoted = {(_surname(n.group(2)), n.group(3).lower()) for n in _PROMOTED.finditer(evidence)}
    for m in _CURRENT_ROLE.finditer(claim):
        if (_surname(m.group(3)), _rank_word(m.group(1))) in promoted:
            continue
        for n in _CURRENT_ROLE.finditer(evidence):
            if m.group(2).lower() != n.group(2).lower() or _surname(m.group(3)) != _surname(n.group(3)):
                continue
            ra, rb = _rank_word(m.group(1)), _rank_word(n.group(1))
            if ra and rb and ra != rb:  # "Major General Fortune Adjovi" / "Brigadier General Fortune Adjovi"
                cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
                return [Check("role", f"'{cs.text}' vs '{es.text}': another rank", (cs,), (es,))]
            ma = bool(_BELOW.search(_word_before(claim, m.start()) + m.group(1)))
            na = bool(_BELOW.search(_word_before(evidence, n.start()) + n.group(1)))
            if ma != na:
                cs, es = _span(claim, m.start(), m.end()), _span(evidence, n.start(), n.end())
                return [Check("role", f"'{cs.text}' vs '{es.text}': a rank below the title on one side", (cs,), (es,))]
    return []


def could_fire(claim: str, evidence: str) -> bool:
    """The cheap text test before a parse: a title on the claim's side, and a title or a change
    of post on the other."""
    return bool(_TITLE_WORD.search(claim) and (_TITLE_WORD.search(evidence) or _LEFT_MINISTRY.search(evidence)
                                                or _TAKES_OVER.search(evidence) or _SUCCEEDING.search(evidence)
                                                or _REPLACED.search(evidence) or _TAKES_POST.search(evidence)
                                                or _WENT_TO.search(evidence) or _APPOINTED.search(evidence)
                                                or _PROMOTED.search(evidence) or _PREVIOUSLY_HEADED.search(evidence)))
