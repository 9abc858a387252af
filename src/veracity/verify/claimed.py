"""What a claim asserts, without who says so: the text that verification compares.

"European defense chiefs have unveiled a covert plan ..., according to a senior European
diplomat quoted by The Wall Street Journal" claims the plan; the attribution says who claims
it. Compared whole, the attribution dilutes topic overlap with the evidence and can decide its
stance ("quoted by" reads like an echo). So the verifier compares the *content* of the
attributions inside the claim's sentence (the attribution stage's spans), and, where no
attribution was found, the sentence with a trailing or leading attribution phrase cut off
("..., officials said.", "According to X, ...").

The result is a :class:`Claimed`: the text compared and the pieces of the article it comes
from, so that any offset into the text maps back to an exact article offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..records import Attribution, Claim, Span
from .checks import content_words
from .origin import _DATELINE

# An attribution content shorter than this many characters is a fragment ("he said it"), not
# what the sentence claims; the whole sentence is compared instead.
MIN_CONTENT_CHARS = 25
# A content covering less than this share of its sentence is usually a quoted phrase inside a
# longer claim ("tasked with 'preparing for ...'"): the sentence itself is the claim.
MIN_CONTENT_SHARE = 0.5

_TRAILING = re.compile(
    r"(?:(?<!\d),|\s[-\u2013\u2014])\s*(?:according to|as reported by|(?:as )?(?:reported|quoted|cited) (?:by|in)|citing|"
    r"(?:[\w'\u2019.-]+\s){0,8}?(?:said|says|reported|reports|told|added|claimed|claims|stated|confirmed|announced|wrote|"
    r"decided|ruled|concluded|found|warned|noted|insisted|argued|admitted|estimated|explained|acknowledged))\b"
    # ... not a verb of saying with its content after it (", who asked not to be named, told the
    # Deccan Standard newspaper that hairline cracks had been found ..."): that is the claim.
    r"(?![^,;]*?\bthat\s)[^,;]*[.!?\"'\u2019\u201d]*\s*$",
    re.IGNORECASE)
_LEADING = re.compile(r"^\s*(?:according to [^,]{3,120},|(?:[\w'\u2019.-]+\s){1,8}?(?:said|says|reported|reports|told \w+|claimed|claims)(?: on \w+)?(?: (?:in|at) [^,.;:]{1,40}? that| that)?\s)",
                      re.IGNORECASE)

# "The government has denied reports that ...": the denial is what is claimed, not the reports.
_DENIED_REPORTS = re.compile(r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|disput(?:e|es|ed)|refut(?:e|es|ed))\s+(?:\w+\s+)?reports\b",
                             re.IGNORECASE)


# A claim with fewer content words than this ("He said so.") cannot be checked against anything.
MIN_CLAIM_WORDS = 4
# ... but one that names who does it is checkable in three ("Nigeria has backed the plan").
MIN_NAMED_CLAIM_WORDS = 3
_SAID_WHERE = re.compile(r"(?:in|at|on|during|after|before)\s+[^,.;:\n]{1,60}?\s+that\s+")


def verifiable(claim: Claim, scored: bool) -> bool:
    """Claims verification and corroboration look at: the check-worthy ones, and any other
    sentence anchored to a checkable fact (a named party, a figure, a place, a date): the
    check-worthiness model is trained on debates and misses plain news statements such as
    "Councils in Cumbria and Northumberland oppose the closures". Without scores, every claim."""
    # (a name of a list with what it gets, "Rwanda 100" reading "Rwanda would provide 100", is
    # checkable however short)
    words = len(content_words(claim.span.text))
    # (who acts named: an entity, or a capitalised subject the tagger left untagged, "Nigeria has backed the plan")
    named = any(e.label in ("PERSON", "ORG", "GPE", "NORP") for e in claim.entities) or \
        any(f.agent is not None and f.agent.text[:1].isupper() for f in claim.frames)
    if not claim.reading and words < MIN_CLAIM_WORDS and not (named and words >= MIN_NAMED_CLAIM_WORDS):
        return False
    if claim.checkworthy or not scored:
        return True
    return bool(claim.quantities or claim.places or claim.dates or any(e.label in ("PERSON", "ORG", "GPE", "NORP") for e in claim.entities))


def checked(claims: Sequence[Claim]) -> list[int]:
    """Indices of the claims verification and corroboration look at: the verifiable ones, and
    every other statement of a sentence one of whose statements is (a sentence cut in two keeps
    the anchor that made it worth checking: "Industry Minister Claire Beaudoin said the auction
    had drawn 11 qualified bidders and that ...")."""
    scored = any(c.checkworthy or c.checkworthiness > 0 for c in claims)
    anchored = {c.sentence_index for c in claims if verifiable(c, scored)}
    return [i for i, c in enumerate(claims) if verifiable(c, scored) or (c.sentence_index in anchored and verifiable(c, False))]


# Cues that state a party's own stance or plan rather than report speech: "Councils oppose
# the closures" claims the opposition itself, so the whole sentence is what is claimed.
STANCE_CUES = frozenset("oppose support back reject deny refuse expect want hope plan intend fear welcome criticise criticize "
                        "condemn approve veto favour favor resist block urge demand seek aim".split())


def reports_speech(a: Attribution, claim: Claim | None = None) -> bool:
    if not a.source or not any(s.text.strip() for s in a.source):
        return False  # no one says it: a passive or a plan ("is expected to"), not a report
    words = [w.lower().strip(".,") for c in a.cue for w in c.text.split()]
    stems = {w[:-1] if w.endswith("s") else w for w in words} | {w[:-2] if w.endswith("ed") else w for w in words} | \
            {w[:-1] if w.endswith("d") else w for w in words}
    # The parse's lemmas of the cue's verbs too: "has sought" is "seek".
    if claim is not None:
        stems |= {f.lemma for f in claim.frames for c in a.cue if c.start <= f.action.start < c.end}
    return not (stems & STANCE_CUES)


_INFINITIVE = re.compile(r"(?:not\s+)?to\s+[a-z]+", re.IGNORECASE)

CITING_CUES = frozenset("citing quoting cited quoted".split())


def _cites(a: Attribution) -> bool:
    return bool(a.cue) and all(c.text.strip().lower() in CITING_CUES for c in a.cue)


@dataclass(frozen=True)
class Claimed:
    text: str
    # article spans in reading order (the article's, except a listed name's shared verb, which
    # comes before it: Claim.reading); ``text`` is their texts joined by one space
    pieces: tuple[Span, ...]

    def to_article(self, start: int, end: int) -> tuple[Span, ...]:
        """Article spans covering ``text[start:end]`` (one per piece it touches)."""
        out, pos = [], 0
        for p in self.pieces:
            a, b = max(start, pos), min(end, pos + len(p.text))
            if a < b:
                s = p.start + (a - pos)
                out.append(Span(s, s + (b - a), p.text[a - pos:b - pos]))
            pos += len(p.text) + 1
        return tuple(out)

    @property
    def spans(self) -> tuple[Span, ...]:
        return self.pieces


def _trim(article: str, span: Span) -> Span:
    a, b = span.start, span.end
    while a < b and article[a] in " \t\n\"'\u2018\u2019\u201c\u201d,;:-\u2014\u2013":
        a += 1
    while b > a and article[b - 1] in " \t\n\"'\u2018\u2019\u201c\u201d,;:-\u2014\u2013":
        b -= 1
    return Span(a, b, article[a:b])


def from_sentence(article: str, span: Span) -> Claimed:
    """The sentence with an attribution phrase at its start or end cut off (if any is left)."""
    text = span.text
    a, b = 0, len(text)
    d = _DATELINE.match(text)  # "OSLO, March 5 - ": where the report was filed, not what it claims
    if d and len(text) - d.end() > MIN_CONTENT_CHARS:
        a = d.end()
    m = _TRAILING.search(text)
    if m and m.start() > MIN_CONTENT_CHARS:
        b = m.start()
    m = _LEADING.match(text[a:b])
    if m and b - a - m.end() > MIN_CONTENT_CHARS and not _DENIED_REPORTS.search(m.group()):
        a += m.end()
    piece = _trim(article, Span(span.start + a, span.start + b, article[span.start + a:span.start + b]))
    return Claimed(piece.text, (piece,))


# A sentence that is one report, who said what ("Former Prime Minister X, now a European
# Commissioner, said the EU would pay for part of the reconstruction"), claims its content
# however long the speaker's description: source, cue and content cover this share of it.
REPORT_COVER = 0.85


def _is_the_report(claim: Claim, attrs: Sequence[Attribution], content_chars: int) -> bool:
    inside = lambda s: claim.span.start <= s.start and s.end <= claim.span.end  # noqa: E731
    said = sum(len(s.text) for a in attrs for s in (*a.source, *a.cue) if inside(s))
    if content_chars + said >= REPORT_COVER * len(claim.span.text.strip()):
        return True
    # ... or who said it, to whom, then what, to the sentence's end: "A senior engineer ..., who
    # asked not to be named, told the Deccan Standard newspaper that hairline cracks had been
    # found in two bearings last month."
    end = claim.span.start + len(claim.span.text.rstrip(" .\"'\u201d"))
    return any(a.source and a.cue and a.content and a.source[0].start <= claim.span.start + 2
               and a.source[-1].end <= a.cue[0].start and a.cue[-1].end <= a.content[0].start and a.content[-1].end >= end - 1
               for a in attrs if all(inside(s) for s in (*a.source, *a.cue, *a.content)))


def what_is_claimed(article: str, claim: Claim, attributions: Sequence[Attribution] = ()) -> Claimed:
    """The claim's content: its attributions' content spans inside the sentence, else the
    sentence without its attribution phrase."""
    if claim.reading:  # "Greece four F-16s" of a list: "Greece would send four F-16s"
        return Claimed(" ".join(p.text for p in claim.reading), claim.reading)
    by_id = {a.id: a for a in attributions}
    pieces: list[Span] = []
    attrs = [by_id[i] for i in claim.attribution_ids if i in by_id]
    if any(not reports_speech(a, claim) for a in attrs):
        return from_sentence(article, claim.span)  # the sentence states a stance: all of it is claimed
    # "..., the Madrid daily reported, citing an airline executive it did not name": the
    # tagger reads "citing" as a cue whose content is the cited source; that names who said
    # it, not what is claimed, when another attribution of the sentence gives the content.
    said_by = attrs
    if any(not _cites(a) for a in attrs):
        attrs = [a for a in attrs if not _cites(a)]
    cited = [c for a in said_by if a not in attrs for c in a.content]  # who was cited: part of the report
    for a in attrs:
        for c in a.content:
            lo, hi = max(c.start, claim.span.start), min(c.end, claim.span.end)
            # "told reporters [in Bangkok that] inspectors would visit ...": where or when it was
            # said is no part of what was said.
            if (m := _SAID_WHERE.match(article, lo, hi)) is not None:
                lo = m.end()
            if hi > lo:
                pieces.append(_trim(article, Span(lo, hi, article[lo:hi])))
    pieces = sorted({(p.start, p.end): p for p in pieces if p.text}.values(), key=lambda p: p.start)
    # An infinitive is no statement of its own: "The central bank declined to comment on internal
    # procedures" claims the refusal, and "to comment on ..." alone would read as commenting.
    if pieces and all(_INFINITIVE.match(p.text) for p in pieces):
        return from_sentence(article, claim.span)
    total = sum(len(p.text) for p in pieces)
    if total < MIN_CONTENT_CHARS or (total < MIN_CONTENT_SHARE * len(claim.span.text)
                                     and not _is_the_report(claim, said_by, total + sum(len(c.text) for c in cited))):
        return from_sentence(article, claim.span)
    # A content with no verb is a piece the tagger cut off its clause ("about 2.4 million new
    # voters ..." of "Kenya's electoral commission registered about 2.4 million new voters ...,
    # according to an internal report"): it states nothing to verify; the sentence does.
    # The claim's frames (one per verb of its sentence, from the article's own parse) say where
    # its verbs are.
    if claim.frames and not any(p.start <= f.action.start and f.action.end <= p.end for f in claim.frames for p in pieces):
        return from_sentence(article, claim.span)
    # Words the attributions give to no one between two pieces are the content's own: the tagger
    # left "at Desaguadero on Tuesday" out of "Peru and Bolivia reopened the border crossing [at
    # Desaguadero on Tuesday], ending a closure ..., customs officials ... said".
    spoken = [sp for a in said_by for sp in (*a.source, *a.cue)]
    # ... but a one-word piece beside longer ones is the tagger's stray token ("the" of "..., the
    # Ljubljana daily Dnevni Obzornik reported"), not content.
    if len(pieces) > 1:
        pieces = [p for p in pieces if len(p.text.split()) > 1] or pieces
    merged: list[Span] = []
    for p in pieces:  # overlapping contents (two relations on one clause) become one piece
        gap_free = merged and not any(sp.start < p.start and sp.end > merged[-1].end for sp in spoken) \
            and not _SENTENCE_BREAK.search(article, merged[-1].end, p.start)
        if merged and (p.start <= merged[-1].end or gap_free):
            q = merged[-1]
            end = max(q.end, p.end)
            merged[-1] = Span(q.start, end, article[q.start:end])
        else:
            merged.append(p)
    return Claimed(" ".join(p.text for p in merged), tuple(merged))


_SENTENCE_BREAK = re.compile(r"[.!?;:\u2014\u2013\"\u201c\u201d]")


# Two reported clauses joined as two things said ("..., and that no customer funds had been
# lost"; "...; ..."): each is a statement of its own.
_CLAUSE_JOIN = re.compile(r",?\s+and\s+that\s+|;\s+")
MIN_CLAUSE_WORDS = 4


def clauses(text: str) -> list[str]:
    """The content's clauses when it reports two statements, each of at least MIN_CLAUSE_WORDS
    words; else [] (one statement)."""
    parts = [p.strip(" ,;.") for p in _CLAUSE_JOIN.split(text)]
    return parts if len(parts) > 1 and all(len(p.split()) >= MIN_CLAUSE_WORDS for p in parts) else []
