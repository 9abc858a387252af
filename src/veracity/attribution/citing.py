"""'Y reports, citing X, that Z': the reporter's relation and the citing one, kept apart.

PolNeAR annotates "citing X" as a relation of its own (source Y, cue "citing", content X), and
the extractors learned that. Where the citing clause sits between a reporting verb and its
clause, though, they fuse the two: "The Wall Street Journal reports, citing a senior European
diplomat, that the plan is ready" came out as source "The Wall Street Journal reports", cue
"citing", content "a senior European diplomat | that the plan is ready", so the claim had no
reporter and its source chain was lost. This is the issue's own example of a chain (outlet ->
anonymous), so the parse repairs it: the citing relation keeps only whom it cites, the reporting
verb (or "according to") gets its own relation on the reported clause, and no other content keeps
the citing clause in it. ``sources.describe`` then builds the chain from the citing clause.
"""

from __future__ import annotations

from typing import Any, Sequence

from .core import RawRelation, run_span, span_tokens, spans_of, subtree_tokens as _subtree, token_runs
from .sources import CITE_VERBS, cited_object

# The citing clause's attachments to the reporting verb in spaCy's English parses.
CITING_DEPS = ("advcl", "xcomp", "conj")


def _clean(doc: Any, toks: Sequence[int]) -> list[int]:
    """``toks`` sorted, without punctuation or spaces at either end."""
    out = sorted(toks)
    while out and (doc[out[0]].is_punct or doc[out[0]].is_space):
        out = out[1:]
    while out and (doc[out[-1]].is_punct or doc[out[-1]].is_space):
        out = out[:-1]
    return out


def _according(verb: Any) -> tuple[Any, list[int]] | None:
    """("according" token, tokens of whom) when ``verb`` carries "according to X"."""
    for c in verb.children:
        if c.lower_ == "according" and c.dep_ == "prep":
            to = [t for t in c.children if t.lower_ == "to"]
            objs = [o for t in to for o in t.children if o.dep_ == "pobj"]
            if to and objs:
                return c, _clean(verb.doc, _subtree(objs[0]))
    return None


def _citing_verb(doc: Any, r: RawRelation) -> Any | None:
    """The head of ``r``'s cue when it is an active "citing X" / "quoting X" / "which cited X"."""
    if not r.cue_tokens:
        return None
    cues = set(r.cue_tokens)
    heads = [i for i in r.cue_tokens if doc[i].head.i not in cues or doc[i].head.i == i]
    cue = doc[heads[0]] if heads else doc[r.cue_tokens[0]]
    # "quoted by X" is a relay (``sources._relay_by``), not a citation
    return cue if cue.head.i != cue.i and cited_object(cue) else None


def _reporting_verb(cue: Any) -> Any | None:
    """The verb a "citing X" participle belongs to. The parser often hangs it on the reported
    clause ("reports, citing X, that Z": citing <- is), so climb out of a clause it precedes."""
    if cue.tag_ != "VBG" or cue.dep_ not in CITING_DEPS:
        return None
    verb = cue.head
    while verb.dep_ == "ccomp" and verb.head.i != verb.i and cue.i < min(
            (c.i for c in verb.children if c.dep_ in ("mark", "nsubj", "nsubjpass")), default=verb.i):
        verb = verb.head
    return verb


def split_citing(doc: Any, rels: Sequence[RawRelation]) -> list[RawRelation]:
    out = list(rels)
    if not any(t.lemma_.lower() in CITE_VERBS for t in doc):
        return out  # every repair below starts from a "cite" or "quote"
    cue_tokens = {i for r in rels for i in r.cue_tokens}
    drop: set[int] = set()  # tokens of citing clauses, which no reported content keeps
    for k, r in enumerate(rels):
        cue = _citing_verb(doc, r)
        verb = _reporting_verb(cue) if cue is not None else None
        if verb is None:
            continue  # only a participle beside a reporting verb: "who cited her record" is left as found
        clause = set(_subtree(cue))
        content = span_tokens(doc, r.content)
        if (set(content) - clause) & set(_subtree(verb)):
            cited = _clean(doc, [i for i in content if i in clause and i not in cue_tokens]) or _clean(doc, cited_object(cue))
            drop |= clause
        else:
            cited = content  # "The report cited an investigation as identifying Beijing": already its own
        acc = _according(verb)
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        src = list(r.source_tokens)
        # Who cites: "according to X, citing Y" -> X; "X reports, citing Y" -> X.
        if acc is not None:
            src = acc[1]
        elif subj and (not src or verb.i in src):
            src = _clean(doc, _subtree(subj[0]))
        if cited != content or tuple(src) != tuple(r.source_tokens):
            out[k] = RawRelation(source=spans_of(doc, src) if src else r.source, cue=r.cue,
                                 content=spans_of(doc, cited) if cited != content else r.content,
                                 cue_tokens=r.cue_tokens, source_tokens=tuple(src) or r.source_tokens)
        reported = _reported(doc, verb, acc, subj, clause, cue_tokens)
        if reported is not None and src:
            cue_run, said = reported
            out.append(RawRelation(source=spans_of(doc, src), cue=spans_of(doc, cue_run), content=spans_of(doc, said),
                                   cue_tokens=tuple(cue_run), source_tokens=tuple(src)))
            cue_tokens |= set(cue_run)
    return [r if set(r.cue_tokens) & drop else _without(doc, r, drop) for r in out]


def _own_citing(doc: Any, r: RawRelation, toks: Sequence[int]) -> set[int]:
    """Tokens of citing clauses inside ``r``'s content (``toks``) that belong to ``r``'s own cue:
    "According to a report by AP, | citing two people, the state will pay half" (the rules' content)."""
    cues = set(r.cue_tokens)
    out: set[int] = set()
    for i in toks:
        tok = doc[i]
        if tok.lemma_.lower() not in CITE_VERBS or i in cues:
            continue
        verb = _reporting_verb(tok)
        if verb is None:
            continue
        acc = _according(verb)
        if verb.i in cues or (acc is not None and acc[0].i in cues):
            out |= set(_subtree(tok))
    return out


def _reported(doc: Any, verb: Any, acc: tuple[Any, list[int]] | None, subj: list[Any], clause: set[int],
              cue_tokens: set[int]) -> tuple[list[int], list[int]] | None:
    """(cue, content) of the reporter's own relation, when no relation has that cue yet."""
    if acc is not None:
        word = acc[0]
        if word.i in cue_tokens:
            return None
        skip = clause | set(_subtree(word))
        said = _clean(doc, [i for i in _subtree(verb) if i not in skip])
        return (sorted([word.i] + [t.i for t in word.children if t.lower_ == "to"]), said) if said else None
    ccomp = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.i in cue_tokens or not ccomp or not subj or verb.pos_ != "VERB":
        return None
    said = _clean(doc, [i for i in _subtree(ccomp[0]) if i not in clause])
    return ([verb.i], said) if said else None


def _without(doc: Any, r: RawRelation, drop: set[int]) -> RawRelation:
    """``r`` with the tokens of citing clauses (``drop``, and its own: ``_own_citing``) and the
    commas around them cut from its content."""
    toks = span_tokens(doc, r.content)
    drop = drop | _own_citing(doc, r, toks)
    if not set(toks) & drop:
        return r
    kept = [i for i in toks if i not in drop]
    runs = [_clean(doc, run) for run in token_runs(kept)]
    runs = [run for run in runs if run]
    if not runs:
        return r
    return RawRelation(source=r.source, cue=r.cue, content=tuple(run_span(doc, run) for run in runs),
                       cue_tokens=r.cue_tokens, source_tokens=r.source_tokens)
