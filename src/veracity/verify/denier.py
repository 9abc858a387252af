"""Who denies: the party a denial comes from, when the claim is about it (a named actor, the office
of a head of state or government, a country, or a body the claim names by its common noun). A
party denying a report about itself weighs as refutation (:mod:`.denial`). And whose own part a
denial is: a country the claim never names, in what is denied or as the denier
(:func:`_another_countrys`)."""

from __future__ import annotations

import re

from ..claims.places import resolve_demonym, resolve_name
from ..records import Span
from . import lexicon
from .parties import GENERIC, agent, names, same_names
from .reading import Reading
from .ruled_out import MAX_GROUP_CODES, named_countries


# The speaker of a trailing attribution, with an appositive name: "..., a Harwick spokeswoman,
# Rhian Morgan, said on Tuesday." A comma inside a figure ("10,000 troops to Ukraine, a NATO
# spokesman said") starts no speaker.
# (and a participle after it: "..., Luis Ferreira, said on Monday, responding to reports that ...")
_SPEAKER_TAIL = re.compile(r"(?<!\d),(?!\d)\s*([^,]{2,80}?(?:,\s*[^,]{2,40}?)?),?\s+(?:said|says|told|added|stated)\b[^,]*"
                           r"(?:,\s*(?:responding|replying|reacting|referring|adding|speaking)\b[^,]*)?$")


def _denier_region(evidence: Reading, first: int) -> list[tuple[int, int]]:
    """Where the denier is named: before the first denial word (its subject), and the speaker
    of a trailing "..., the ministry said"."""
    out = [(0, first)]
    m = _SPEAKER_TAIL.search(evidence.text)
    if m:
        out.append((m.start(1), m.end(1)))
    return out


_OFFICES = ((re.compile(r"\b(?:the )?(?:presidency|president's office|presidential (?:office|palace|administration))\b", re.IGNORECASE),
             re.compile(r"\bPresident [A-Z]")),
            (re.compile(r"\b(?:the )?prime minister's office\b", re.IGNORECASE), re.compile(r"\bPrime Minister [A-Z]")))


# Bodies a claim may name by their common noun, its article having said whose they are ("The
# government has denied reports ...").
INSTITUTIONS = frozenset("government ministry cabinet company bank army police council presidency parliament".split())


def _party_concerned(claim: Reading, evidence: Reading, first: int, by_noun: bool = False) -> str | None:
    """A party the claim is about (a named actor or a small group of countries) that the
    evidence names as the denier; ``by_noun``: or the body the claim's subject names by its
    common noun, when the denier is one ("The government has denied ..." / "Tajikistan's
    government ... rejected ...")."""
    regions = _denier_region(evidence, first)
    inside = lambda sp: any(a <= sp.start and sp.end <= b for a, b in regions)  # noqa: E731
    cn = {k: v for k, v in names(claim).items()}
    # A subject the tagger did not take for a name ("Solara plans to bring in crew ...").
    cn.update({lem: None for st, lem, pos, dep, _h in claim.tree if dep in ("nsubj", "nsubjpass") and len(lem) >= 4
               and claim.text[st:st + 1].isupper() and (pos == "PROPN" or (pos == "NOUN" and lexicon.available() and not lexicon.known(lem, "n")))})
    # The owner of the subject the tagger did not take for a name: "*Okafor's* office has denied".
    subjects = {st for st, _l, _p, dep, _h in claim.tree if dep in ("nsubj", "nsubjpass")}
    cn.update({lem.lower(): None for st, lem, pos, dep, h in claim.tree if dep == "poss" and h in subjects and pos == "PROPN"
               and len(lem) >= 4 and claim.text[st:st + 1].isupper()})
    for e in evidence.entities:
        if e.label not in ("PERSON", "ORG", "GPE") or not inside(e.span):
            continue
        k = e.span.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("\u2019s").strip()
        if any(k == c or k.split()[-1] == c.split()[-1] for c in cn) or same_names({k}, set(cn)):
            return e.span.text
    # A head of state or government speaks through an office: "The presidency ... rejected
    # reports" denies for "President Andrés Valdivieso".
    for office, title in _OFFICES:
        for mo in office.finditer(evidence.text):
            if inside(Span(mo.start(), mo.end(), mo.group())) and title.search(claim.text):
                return mo.group()
    codes = {c for p in claim.places if len(p.codes) <= MAX_GROUP_CODES for c in p.codes}
    for p in evidence.places:
        if set(p.codes) & codes and inside(p.span) and p.kind == "country":
            return p.span.text
    if by_noun:
        subj = {lem for _s, lem, pos, dep, _h in claim.tree if dep in ("nsubj", "nsubjpass") and pos == "NOUN" and lem in INSTITUTIONS}
        hit = next((t for t in evidence.tree if t[1] in subj and t[2] == "NOUN" and inside(Span(t[0], t[0] + len(t[1]), t[1]))), None)
        if hit is not None:  # with its owner: "Tajikistan's government"
            start = min([t[0] for t in evidence.tree if t[4] == hit[0] and t[3] in ("poss", "compound")] + [hit[0]])
            return evidence.text[start:hit[0] + len(evidence.text[hit[0]:].split()[0])].rstrip(",.;")
    return None


def _named_in(name: str, text: str) -> bool:
    n = name.lower().removeprefix("the ").removesuffix("'s").removesuffix("\u2019s").strip()
    words = {w for w in re.findall(r"[^\W\d_][\w'\u2019-]+", n) if w not in GENERIC and len(w) >= 4}
    low = text.lower()
    return n in low or bool(words and any(re.search(rf"\b{re.escape(w)}", low) for w in words))


def _another_countrys(claim: Reading, evidence: Reading, m: re.Match) -> bool:
    """The denial is of a country's own part the claim never names: "no plan for *Polish* field
    hospitals on Ukrainian territory" / "Denmark and Finland have backed the plan" (for field
    hospitals run by eleven countries)."""
    end = evidence.text.find(".", m.end())
    end = len(evidence.text) if end < 0 else end
    named = named_countries(claim)
    if any(p.kind == "demonym" and len(p.codes) == 1 and p.codes[0] not in named
           and m.end() <= p.span.start < end and re.match(r"\s+[a-z]", evidence.text[p.span.end:]) is not None
           and not _WHERE_NOUN.match(evidence.text, p.span.end)  # "Slovenian airspace" says where, not whose part
           for p in evidence.places):
        return True
    # ... or the denier is another country's, when the claim names who acts: "The Philippine Coast
    # Guard has no plan to send vessels" / "India, Japan and Australia will send up to 12 warships".
    if not named:
        return False
    # Who does the verb the denial hangs on, with the words before it in its phrase.
    verb = next((t for t in evidence.tree if m.start() <= t[0] < end and t[2] in ("VERB", "AUX")), None) or \
        next((t for t in reversed(evidence.tree) if t[0] < m.start() and t[2] in ("VERB", "AUX")), None)  # "described ... as inaccurate"
    subj = agent(evidence, verb[0]) if verb is not None else None
    if subj is None or subj[0] > m.start():
        return False
    lo = min([subj[0]] + [t[0] for t in evidence.tree if t[4] == subj[0] and t[0] < subj[0]])
    if subj[1] in ("it", "they", "we"):  # "The UAE Ministry of Defence said on Wednesday *it* had no plans": who said so
        lo = evidence.text.rfind(".", 0, subj[0]) + 1
    words = evidence.text[lo:subj[0] + len(evidence.text[subj[0]:].split()[0])]
    # (a demonym the recogniser may have taken into an organisation's name: "The *Philippine* Coast Guard")
    return any((d := resolve_demonym(w) or _country(w)) is not None and len(d[1]) == 1 and d[1][0] not in named
               for w in re.findall(r"\b(?:[A-Z][a-z]+|[A-Z]{3,}|UK|US)\b", words))  # not "PT" (of "PT Dirgantara Nusa")


_WHERE_NOUN = re.compile(r"\s+(?:airspace|territory|territorial|waters|soil|borders?|coast|coastline|land|ports?|skies)\b")


def _country(word: str) -> tuple[str, tuple[str, ...]] | None:
    r = resolve_name(word)
    return (r[0], r[1]) if r is not None and r[2] == "country" else None
