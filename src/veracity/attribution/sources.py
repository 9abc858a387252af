"""A relation's source: its type, the entity it resolves to, and the chain of reporters (``describe``).

Works on the spaCy parse of the whole article (``dossier.doc``) and the source and cue tokens an
extractor found. A chain lists who passed the claim on, outermost reporter first: "a senior
European diplomat quoted by The Wall Street Journal" is [outlet WSJ, anonymous diplomat]. The
relation's own ``source_type`` is that of the innermost link — the original source, the one a
fact-checker has to weigh — so an outlet relaying an unnamed official counts as anonymous.

Each link is typed by ``source_types.classify`` (which reads ``source_names`` and
``source_words``); ``classify``, ``resolve_pronoun`` and ``relative_antecedent`` are still
importable from here, where they used to live.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from .core import subtree_tokens
from .source_names import span_head
from .source_types import classify, relative_antecedent, resolve_pronoun
from .source_words import DOCUMENT_NOUNS

__all__ = ["CITE_VERBS", "RELAY_VERBS", "SAYING", "Link", "SourceInfo", "cited_object", "classify", "describe",
           "relative_antecedent", "resolve_pronoun"]


@dataclass(frozen=True)
class Link:
    start: int  # char offsets into the article
    end: int
    source_type: str
    entity: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    source_type: str
    entity: str | None
    chain: tuple[Link, ...]


# Hops that pass a claim on: "X quoted by Y", "X cited by Y", "Y, citing X", "X told Y".
RELAY_VERBS = {"quote", "cite", "tell", "interview", "report", "speak"}
CITE_VERBS = {"cite", "quote"}
SAYING = {"say", "tell", "write", "add", "state", "claim", "warn"}


def _link(doc: Any, toks: Sequence[int]) -> Link:
    # "Zelenskyy's | verdict": the possessive ending is not part of the name.
    toks = [i for i in toks if not doc[i].is_punct and doc[i].dep_ != "case"] or list(toks)
    # A chain names who passed the claim on: "who" tells a reader nothing, its noun does; and
    # "Officials, who spoke on condition of anonymity" is named by "Officials".
    toks = relative_antecedent(doc, toks) or toks
    head = doc[span_head(doc, toks)]
    clauses = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    toks = [i for i in toks if i not in clauses] or toks
    ty, ent = classify(doc, toks)
    return Link(doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]].text), ty, ent)


def _relay_by(doc: Any, h: int) -> tuple[list[int], list[int]] | None:
    """'X quoted/cited by Y' under the source head: (tokens of X without the relay, tokens of Y)."""
    head = doc[h]
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in RELAY_VERBS:
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [p for p in a.children if p.dep_ == "pobj"]
                    if objs:
                        inner = [i for i in subtree_tokens(head) if i < c.left_edge.i]
                        return inner, subtree_tokens(objs[0])
    return None


def cited_object(tok: Any) -> list[int] | None:
    """Tokens of whom an active 'citing X' / 'quoting X' / 'which cited X' names (None when the
    clause is passive: "quoted by" is ``_relay_by``'s)."""
    if tok.lemma_.lower() not in CITE_VERBS or any(a.dep_ in ("agent", "auxpass") for a in tok.children):
        return None
    objs = [o for o in tok.children if o.dep_ in ("dobj", "obj")]
    return subtree_tokens(objs[0]) if objs else None


def _citing(doc: Any, cue_head: int) -> list[int] | None:
    """'Y reports, citing X' / 'Y said, citing X': tokens of X. With "according to" the clause
    hangs off the reported verb: "According to a report by AP, citing two people, the state will pay"."""
    cue = doc[cue_head]
    heads = [cue, cue.head] if cue.lower_ == "according" and cue.head.i != cue.i else [cue]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp", "conj", "acl"):
                cited = cited_object(c)
                if cited:
                    return cited
            # the parser hangs "citing X" on the reported clause it precedes:
            # "reports, citing X, that Z" (citing <- is <- reports)
            if c.dep_ == "ccomp":
                opener = min((g.i for g in c.children if g.dep_ in ("mark", "nsubj", "nsubjpass")), default=c.i)
                for g in c.children:
                    if g.dep_ in ("advcl", "xcomp", "conj") and g.i < opener:
                        cited = cited_object(g)
                        if cited:
                            return cited
    return None


def _cites_within(doc: Any, toks: list[int]) -> tuple[list[int], list[int] | None]:
    """A source that itself cites someone: "Reuters, quoting unnamed officials", "The Wall Street
    Journal, which cited a senior European diplomat", "a Reuters report that cited three officials".
    Returns the source without the citing clause, and whom it cites (or None)."""
    head = doc[span_head(doc, toks)]
    for c in head.children:
        if c.dep_ in ("acl", "relcl"):
            cited = cited_object(c)
            if cited:
                kept = [i for i in toks if i < c.left_edge.i and not doc[i].is_punct]
                return kept or toks, cited
    return toks, None


def _author(doc: Any, toks: list[int]) -> list[int] | None:
    """Who is behind a document source: "a report by the Associated Press", "a Reuters report",
    "the Journal's analysis". A fact-checker weighs the outlet or person, not the word "report"."""
    head = doc[span_head(doc, toks)]
    if head.pos_ != "NOUN" or head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            # "a report by the Associated Press", "lending figures from the Bank of England"
            cands = [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("compound", "poss") and c.i < head.i:
            cands = [c]
        elif c.dep_ == "amod" and c.i < head.i and c.ent_type_ == "ORG":
            cands = [c]  # "The Envisional reports": the tagger reads the firm's name as an adjective
        else:
            continue
        for p in cands:
            sub = [i for i in subtree_tokens(p) if doc[i].dep_ != "case" and not doc[i].is_punct]
            if sub and classify(doc, sub)[0] in ("outlet", "organisation", "person", "official"):
                return sub
    return None


def _quoted_as(doc: Any, cue_head: int) -> list[int] | None:
    """'AP quoted prosecutor Russell McGuire as saying': whom the reporter quotes, the claim's
    original source, relayed by the cue's subject."""
    cue = doc[cue_head]
    if cue.lemma_.lower() not in CITE_VERBS or any(a.dep_ in ("agent", "auxpass") for a in cue.children):
        return None
    objs = [o for o in cue.children if o.dep_ in ("dobj", "obj")]
    as_saying = any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.lemma_.lower() in SAYING for g in c.children) for c in cue.children)
    return subtree_tokens(objs[0]) if objs and as_saying else None


def _told(doc: Any, cue_head: int) -> list[int] | None:
    """'X told The Wall Street Journal': the outlet told, which relays X."""
    tok = doc[cue_head]
    if tok.lemma_.lower() != "tell":
        return None
    for c in tok.children:
        if c.dep_ in ("dative", "dobj", "iobj"):
            ty, _ = classify(doc, subtree_tokens(c))
            if ty == "outlet":
                return subtree_tokens(c)
    return None


def describe(doc: Any, source_toks: Sequence[int], cue_toks: Sequence[int]) -> SourceInfo:
    """Type, resolved entity and chain of one relation's source."""
    if not source_toks:
        return SourceInfo("none", None, ())
    toks = sorted(source_toks)
    h = span_head(doc, toks)
    links: list[Link] = []
    relay = _relay_by(doc, h)
    if relay is not None:
        inner, outer = relay
        links.append(_link(doc, outer))
        toks = [i for i in inner if i in set(toks)] or inner
    cue_head = span_head(doc, sorted(cue_toks)) if cue_toks else None
    cited = None
    if cue_head is not None and relay is None:
        cited = _citing(doc, cue_head)
        told = _told(doc, cue_head)
        if told and not cited:
            links.append(_link(doc, told))
    toks, own_cited = _cites_within(doc, toks)
    author = _author(doc, toks)
    # Outermost reporter first: the document's author stands for the document, then whom the
    # source cites, however the sentence attached the citing clause.
    links.append(_link(doc, author or toks))
    quoted_as = _quoted_as(doc, cue_head) if cue_head is not None and relay is None else None
    for hop in (own_cited, cited, quoted_as):
        if hop:
            links.append(_link(doc, hop))
    chain: list[Link] = []
    for link in links:
        if all((link.start, link.end) != (c.start, c.end) for c in chain):
            chain.append(link)
    last = chain[-1]
    return SourceInfo(last.source_type, last.entity, tuple(chain))
