"""Same origin: evidence that repeats the claim's own source adds no independent support.

A claim resting on "a senior European diplomat quoted by The Wall Street Journal" is not
confirmed by a second outlet writing "The Wall Street Journal reported, citing a diplomat,
that ...", nor by the Journal itself, nor by another report of the same named speaker. The
claim's origins are the named links of its attribution chain (outlets, organisations, people)
and the article's own outlet; evidence shares an origin when its document comes from one of
those outlets, or when it credits one of them with a reporting word nearby ("reported",
"according to", "citing", "quoted by", "said").

One exception: the origin speaking first-hand about itself. "Sundlinjen carried 1.2 million
passengers, according to its annual report" is confirmed by the annual report Sundlinjen AB
published ("In 2024 Sundlinjen carried 1.2 million passengers ..., its annual report shows"):
the report is the claim's own source, but it is also the party the claim is about, on the
record, about its own figures, as a denial by the party concerned weighs as refutation.
:func:`first_hand` tells that apart from an echo: the evidence is published by a party the claim
is about (who acts in it, :func:`veracity.verify.parties.acting_names`), and it relays no one
("the Daily Ledger reported, citing ..." stays an echo). An outlet's own article quoting an
anonymous source is not first-hand about what that source says of others: the claim is not
about the outlet.

A dateline ("OSLO, March 5 -") opens a report; it names where the report was filed, not who
said it, and is never an origin (:func:`strip_dateline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..claims.places import is_place_name, resolve_name
from ..records import Attribution

# How far (characters) a reporting word may stand from the name it credits.
CUE_WINDOW = 60
# Source types whose name identifies one origin; an anonymous source ("a senior diplomat")
# is identified only through the outlet that quotes it.
NAMED = frozenset({"outlet", "organisation", "person", "official", "document"})
_CUE = re.compile(r"\b(?:reported|reports|reporting|report|according to|citing|cited|cites|quoting|quoted|said|says|told|"
                  r"wrote|writes|interview|statement|first revealed|broke the story)\b", re.IGNORECASE)
_OTHER_SIDE = re.compile(r"\b(?:with|against|between|versus)\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[\"\u201c]?[A-Z])")
_TRIM = re.compile(r"^(?:the|a|an|mr|mrs|ms|dr)\s+|(?:'s|\u2019s)$", re.IGNORECASE)


# A dateline at the start of a name the attribution stage passed on: an all-capitals place,
# optionally a date and the wire's name in brackets, then a dash ("OSLO, March 5 -", "OSLO
# (Reuters) -", "March 5 -").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DATELINE = re.compile(rf"^\s*(?:(?:[A-Z][A-Z'.\u2019-]+(?:\s+[A-Z][A-Z'.\u2019-]+){{0,2}})(?:,\s*{_MONTH})?|{_MONTH})"
                       r"(?:\s*\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s*")


def dateline_outlet(text: str) -> str | None:
    """The outlet a wire dateline names ("KUALA LUMPUR, March 18 (Straits Economic Wire) - "): the
    article's own origin when the user gave no outlet, so that another outlet repeating that wire
    is read as an echo, not as independent support."""
    m = _DATELINE.match(text)
    inner = re.search(r"\(([^)]{1,40})\)", m.group()) if m else None
    return inner.group(1).strip() if inner and inner.group(1)[:1].isupper() else None


def strip_dateline(name: str) -> str:
    """``name`` without a leading dateline; "" when the name is only a dateline or a place
    written in capitals as datelines are ("OSLO")."""
    s = _DATELINE.sub("", name, count=1)
    bare = s.strip(" ,")
    if len(bare) >= 3 and bare.isupper() and bare.replace(" ", "").isalpha():
        known = resolve_name(bare)
        if known is not None and known[2] == "city":  # "USA said" is a source; "OSLO" a dateline
            return ""
    return s


def norm(name: str) -> str:
    s = re.sub(r"\s+", " ", strip_dateline(name).strip().lower())
    prev = None
    while prev != s:
        prev, s = s, _TRIM.sub("", s).strip()
    return s


@dataclass(frozen=True)
class Origin:
    key: str  # "outlet:the wall street journal"
    name: str  # as written, for the reason shown to a person
    pattern: re.Pattern  # how the name is found in evidence text

    def credited_in(self, text: str) -> bool:
        for m in self.pattern.finditer(text):
            # A party named as the other side of talks or a dispute is not speaking: "the council
            # said it had broken off talks with the Saint Lawrence Longshore Workers' Union".
            if _OTHER_SIDE.search(text, max(0, m.start() - 16), m.start()):
                continue
            # Within the name's own sentence: "... to the Romanian Health Ministry. Chief commercial
            # officer Marc Dewulf said ..." credits the ministry with nothing.
            lo, hi = max(0, m.start() - CUE_WINDOW), m.end() + CUE_WINDOW
            lo = max([lo] + [e.end() for e in _SENTENCE_END.finditer(text, lo, m.start())])
            end = _SENTENCE_END.search(text, m.end(), hi)
            if _CUE.search(text, lo, end.start() + 1 if end else hi):
                return True
        return False


_BASED_PREFIX = re.compile(r"^(?:the\s+)?[\w'.-]+(?:\s+[\w'.-]+)?-based\s+")
_OUTLET_TAIL = re.compile(r"\s+(?:daily\s+)?(?:newspaper|paper|news website|website|broadcaster|news agency|magazine)$")


def _origin(kind: str, name: str) -> Origin | None:
    if kind == "outlet":  # "Danube Public Broadcasting, foreign desk": the desk is no part of the name
        name = re.split(r",|\s+[-\u2013\u2014|]\s+", name, maxsplit=1)[0]
    n = norm(name)
    if kind == "outlet":  # "the Mumbai-based Economic Standard newspaper" is "Economic Standard"
        n = _OUTLET_TAIL.sub("", _BASED_PREFIX.sub("", n)).strip()
    if len(n) < 3:
        return None
    # A person is found by surname ("Ruiz said"), anything else by its whole name; an outlet also
    # without a trailing generic word of its name ("Osh Teleradio News" / "Osh Teleradio reported").
    needle = re.escape(n.split()[-1] if kind == "person" else n)
    words = n.split()
    if kind == "outlet" and len(words) >= 3 and words[-1] in OUTLET_SUFFIXES:
        needle = re.escape(" ".join(words[:-1])) + r"(?:\s+" + re.escape(words[-1]) + r")?"
    # "the Department of Health" is also written "the health department".
    if kind == "organisation" and (m := re.fullmatch(r"(department|ministry|office|bureau) of (?:the )?([a-z]+(?: [a-z]+)?)", n)):
        needle = rf"(?:{needle}|{re.escape(m.group(2))}\s+{m.group(1)})"
    # A body described, not named ("the organising committee"), by its head noun after "the", as
    # the subject of a verb of saying: "The committee behind Geneva's rent-cap initiative said ..."
    # is the same body speaking; "Under the order the carrier may operate ..." is no one speaking.
    if kind == "organisation" and not any(ch.isupper() for ch in name):
        needle = (r"the\s+(?:[\w'\u2019-]+\s+){0,3}?" + re.escape(words[-1])
                  + r"(?=(?:\s+[\w'\u2019-]+){0,5}?\s+(?:said|says|told|announced|stated)\b)")
    return Origin(f"{kind}:{n}", name.strip(), re.compile(r"\b" + needle + r"\b", re.IGNORECASE))


# Words an outlet's name may end with that its own copy and others' often leave out.
OUTLET_SUFFIXES = frozenset("news online daily digital tv radio service network".split())


# A name the source description credits ("a draft budget paper seen by the Avon Observer",
# "an executive who told The Daily Ledger"): several capitalised words after such a word.
_CREDITED = re.compile(r"\b(?:by|in|to|told|from|for|with)\s+((?:[Tt]he\s+)?[A-Z][\w'\u2019&-]+(?:\s+(?:of\s+)?[A-Z][\w'\u2019&-]+)+)")


def claim_origins(attributions: Sequence[Attribution], article_outlet: str | None = None) -> tuple[Origin, ...]:
    """The named origins a claim rests on: every named link of its attributions' chains, and
    names the source description credits ("seen by the Avon Observer")."""
    out: dict[str, Origin] = {}
    for a in attributions:
        for sp in a.source:
            for m in _CREDITED.finditer(sp.text):
                # "two diplomats at UN headquarters in New York": a place credits no one.
                o = None if is_place_name(m.group(1)) else _origin("outlet", m.group(1))
                if o:
                    out.setdefault(o.key, o)
        links = [(l.source_type, l.entity or l.span.text) for l in a.chain] or [(a.source_type, a.source_entity or " ".join(s.text for s in a.source))]
        for kind, name in links:
            if kind in NAMED and name:
                o = _origin(kind, name)
                if o:
                    out.setdefault(o.key, o)
    if article_outlet:
        o = _origin("outlet", article_outlet)
        if o:
            out.setdefault(o.key, o)
    return tuple(out.values())


# Press relays the attribution stage does not carry as a source (PolNeAR's source is the speaker,
# not the audience): "a nurse at the hospital told the Winnipeg Standard", "a person familiar
# with the talks told the newspaper El Minero", "according to two officials at the regulator
# quoted by the Daily Mombasa", "the Daily Mombasa reported". The outlet is where the claim came
# from, and another outlet repeating that outlet is an echo of it. Read from the article text:
# after a relaying word, a capitalised name; "according to" and "X reported" only when the name
# is an outlet's (a press word in it, or a press noun before it), since they credit speakers too.
# Capitals of Latin scripts ("Diário do Índico", "Łódź Express"), not only A-Z.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100\u0102\u0104\u0106\u010c\u010e\u0110\u0118\u011a\u0141\u0143\u0147\u0150\u0158\u015a\u015e\u0160\u0162\u0164\u016e\u0170\u0179\u017b\u017d"
_NAME = (rf"((?:[Tt]he[ \t]+)?[{_UP}][\w'\u2019&-]*(?:\.[{_UP}][\w-]*)*(?:[ \t]+(?:(?:of|de|del|do|da|di|du|des|der|van|von|la|le)[ \t]+)?"
         rf"[{_UP}][\w'\u2019&-]*(?:\.[{_UP}][\w-]*)*){{0,4}})")
_PRESS_NOUN = r"(?:(?:the\s+)?(?:[A-Za-z]+\s+)?(?:newspaper|daily|weekly|paper|broadcaster|magazine|tabloid|news agency|agency|radio|radio station|channel|website|outlet)\s+)"
_RELAY_ANY = re.compile(r"\b(?:told|quoted by|reported by|cited by|seen by|obtained by|interview with|speaking to|spoke to)\s+"
                        + _PRESS_NOUN + "?" + _NAME)
_RELAY_PRESS = re.compile(r"\b(?:according to|citing|reported in|report in|told)\s+" + _PRESS_NOUN + _NAME)
_RELAY_REPORTED = re.compile(_NAME + r"\s+(?:newspaper\s+|daily\s+)?(?:reported|first reported|has reported|revealed|said in a report)\b")
# "Jornal da Esplanada reported on Tuesday, citing two people at the bank": whoever reports
# what unnamed people told it is a news outlet, whatever its name says.
_RELAY_CITING = re.compile(_NAME + r"\s+(?:newspaper\s+|daily\s+)?(?:reported|said|wrote)\b[^.;:\n]{0,80}?\bciting\s+"
                           r"(?:a|an|one|two|three|four|several|unnamed|anonymous|people|sources?|officials?|person)\b")
PRESS_WORDS = frozenset("times journal post news wire herald standard tribune gazette observer guardian telegraph courier "
                         "ledger mail express monitor review press radio tv television agency reuters bloomberg afp ap dpa "
                         "daily weekly chronicle record star sun mirror independent inquirer dispatch bulletin report "
                         "today minero".split())


def relayed_outlets(text: str) -> list[str]:
    """Outlets the text says a claim reached it through (see above), as written."""
    out: dict[str, None] = {}
    for m in _RELAY_ANY.finditer(text):
        out.setdefault(m.group(1).strip(" .,'\u2019"), None)
    for m in _RELAY_PRESS.finditer(text):
        out.setdefault(m.group(1).strip(" .,'\u2019"), None)
    for m in _RELAY_REPORTED.finditer(text):
        name = m.group(1).strip(" .,'\u2019")
        if set(re.findall(r"[a-z]+", name.lower())) & PRESS_WORDS:
            out.setdefault(name, None)
    for m in _RELAY_CITING.finditer(text):
        out.setdefault(m.group(1).strip(" .,'\u2019"), None)
    # "told Ukraine's leaders": a possessive names whose audience, not an outlet; "told Lima's
    # Diario del Pacífico": a place's possessive before an outlet's name is not part of it.
    names = [re.sub(r"^[A-Z][\w-]*['\u2019]s\s+(?=[A-Z])", lambda m: "" if is_place_name(m.group()[:-3].strip()) else m.group(), n)
             for n in out]
    return list(dict.fromkeys(n for n in names if len(norm(n)) >= 4 and not n.endswith(("'s", "\u2019s")) and not is_place_name(n)))


def article_relays(text: str) -> tuple[Origin, ...]:
    """The outlets an article credits anywhere as a relay, as origins of its claims."""
    return tuple(o for n in relayed_outlets(text) if (o := _origin("outlet", n)) is not None)


# Company forms a publisher's name carries and its party's name drops ("Sundlinjen AB").
_COMPANY_FORM = re.compile(r"[\s,]+(?:ab|as|a/s|asa|ag|se|gmbh|ltd|limited|plc|inc|llc|sa|spa|s\.p\.a|nv|bv|oy|oyj|co|corp|"
                           r"corporation|group|holdings?)\.?$", re.IGNORECASE)
# Words by which a sentence relays someone else's report rather than speaking for itself.
_RELAYED = re.compile(r"\b(?:reported|reports|reporting|according to|citing|cited|quoting|quoted|told)\b", re.IGNORECASE)


def party_key(name: str) -> str:
    n = norm(name)
    prev = None
    while prev != n:
        prev, n = n, _COMPANY_FORM.sub("", n).strip()
    return n


def first_hand(origin: Origin, parties: Sequence[str], outlet: str | None, sentence: str) -> str | None:
    """The party the claim is about that published this evidence itself and speaks in it for
    itself (see the module docstring), when it rests on the claim's ``origin``; else None."""
    if not outlet:
        return None
    o = party_key(outlet)
    party = next((p for p in parties if party_key(p) == o and o), None)
    # ... or the organisation the claim quotes, publishing the primary document itself ("the
    # National Bureau of Statistics said" / the bureau's own CPI report): checking a quoted
    # figure against its source's own release is the check a fact-checker makes first. Never
    # an outlet: a newspaper's own copy of its report is the report, not a confirmation.
    if party is None and o and origin.key.startswith("organisation:") and party_key(origin.key.split(":", 1)[1]) == o:
        party = outlet
    if party is None:
        return None
    if origin.key.startswith("outlet:") and party_key(origin.key.split(":", 1)[1]) != o:
        return None  # it relays another outlet
    if _RELAYED.search(sentence):
        return None
    return party


def shared_origin(origins: Sequence[Origin], outlet: str | None, sentence: str, document: str = "") -> Origin | None:
    """The origin the evidence shares with the claim, if any: its document's outlet is one of
    them, or the sentence (else its document) credits one of them."""
    if outlet:
        n = norm(outlet)
        for o in origins:
            if o.key.startswith(("outlet:", "organisation:")) and o.key.split(":", 1)[1] == n:
                return o
    for text in (sentence, document):
        for o in origins:
            if text and o.credited_in(text):
                return o
    return None
