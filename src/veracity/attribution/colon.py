"""Colon and dash attributions whose cue is a noun: "The council's position was blunt: the
project should be cancelled", "The ministry's verdict — the strike was lawful — came late".

The tagger learned PolNeAR's colon cues, which are nearly all "said:" or a headline's
"Name: claim", and finds none of these (session 9's notes in docs/benchmarks/attribution.md).
Here the parse does it: a noun of saying or concluding, subject of its clause, with an owner ("the council's", "her", "from the Kremlin") stands
before a colon or dash, and a clause follows it. PolNeAR's own noun cues follow the same
shape: the owner is the source, the noun the cue ("Sanders's | argument | that ...").
"""

from __future__ import annotations

from typing import Any

from .core import RawRelation, spans_of

MARKS = {":", "\u2014", "\u2013", "--"}
# Nouns that name what someone said or concluded. A closed list: WordNet's communication and
# cognition classes also hold "calendar", "story", "plan" and "example", and on PolNeAR dev they
# added 22 relations, nearly all wrong (content overlap F1 0.793 -> 0.790).
MESSAGE_NOUNS = {"response", "answer", "reply", "reaction", "verdict", "message", "position", "stance",
                 "conclusion", "warning", "promise", "pledge", "demand", "advice", "assessment", "diagnosis",
                 "view", "argument", "point", "claim", "explanation", "retort", "rebuttal", "prediction",
                 "recommendation", "finding", "judgment", "judgement", "ruling", "statement", "comment"}
# A content shorter than this (in words) is a label, not a claim ("His answer: no").
MIN_CONTENT_WORDS = 3
# Words allowed between the noun's phrase and the mark: a copula and an adjective ("was blunt"),
# maybe an adverb ("was, as ever, blunt" is past it). Further away, the noun is not what the
# colon introduces ("the most basic question: how much ...").
MAX_GAP = 3
SUBJECT_DEPS = ("nsubj", "nsubjpass", "ROOT")


def _message_noun(tok: Any, mark: int) -> bool:
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in MESSAGE_NOUNS or tok.dep_ not in SUBJECT_DEPS:
        return False
    return mark - tok.right_edge.i - 1 <= MAX_GAP


def _owner(noun: Any) -> list[int] | None:
    """Tokens of whoever owns the message: "the council's" (without "'s"), "her", "from the Kremlin"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return [t.i for t in c.subtree if t.dep_ != "case"]
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "by"):
            objs = [o for o in c.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN", "PRON")]
            if objs:
                return [t.i for t in objs[0].subtree]
    return None


def colon_relations(doc: Any, sent: Any) -> list[RawRelation]:
    out = []
    marks = [t.i for t in sent if t.text in MARKS]
    for k, p in enumerate(marks):
        if p in (sent.start, sent.end - 1):
            continue
        # "X's verdict — Z — came late": paired dashes close the content; a colon runs to the end.
        end = marks[k + 1] if doc[p].text != ":" and k + 1 < len(marks) else sent.end
        content = [i for i in range(p + 1, end) if not doc[i].is_space]
        while content and doc[content[-1]].is_punct and doc[content[-1]].text not in "\"\u201d'\u2019":
            content = content[:-1]
        words = [i for i in content if not doc[i].is_punct]
        if len(words) < MIN_CONTENT_WORDS or not any(doc[i].pos_ in ("VERB", "AUX") for i in content):
            continue
        owned = [(t, src) for t in doc[sent.start:p] if _message_noun(t, p) and (src := _owner(t))]
        if not owned:
            continue
        noun, source = owned[-1]
        cue = [i for i in range(noun.i, p + 1) if i not in source and not doc[i].is_space]
        out.append(RawRelation(source=spans_of(doc, source), cue=spans_of(doc, cue), content=spans_of(doc, content),
                               cue_tokens=tuple(cue), source_tokens=tuple(source)))
        break  # one such relation per sentence
    return out
