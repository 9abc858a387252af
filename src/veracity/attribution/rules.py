"""Rule-based attribution over the dependency parse: reporting verbs and line patterns.

Patterns: a reporting verb with its subject as source and its clausal complement (or the
adjacent quotation, or its object for "highlighted the divisions") as content — which covers
"X said ...", "... , said X", "X reports that ..."; "according to X" (content = the clause
it qualifies); passive "... was reported by X"; "“...” ― Name" and headline-style "Name: claim"
lines; and quotations that run on over the next sentences.

A component over ``core`` alone. The rule extractor of ``attribution.rules.v1`` (and the
learned extractors' backstop) is ``extractors.rule_relations``: these rules plus the noun cues
before a colon or dash (``colon``), with citing clauses kept apart (``citing``).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .core import RawRelation, doc_text, run_span, sentence_bounds, span_tokens, subtree_tokens as _span_toks, token_at, token_runs

# Verbs that report speech, writing or belief. Lemmas; kept to verbs whose complement is
# nearly always what the subject asserts (PolNeAR's commonest cues plus news staples).
REPORTING_VERBS = {
    "say", "tell", "report", "claim", "state", "add", "note", "argue", "insist", "warn", "emphasize",
    "emphasise", "stress", "explain", "announce", "acknowledge", "admit", "deny", "confirm", "suggest",
    "write", "highlight", "reiterate", "believe", "think", "assert", "allege", "predict", "declare",
    "contend", "maintain", "recall", "remark", "reply", "respond", "tweet", "testify", "concede",
    "caution", "indicate", "reveal", "disclose", "estimate", "conclude", "point", "observe", "ask",
    "charge", "accuse", "promise", "vow", "pledge", "urge", "complain", "joke", "quip", "continue",
    "show", "find", "signal", "underline", "underscore", "describe", "call", "hope", "expect", "fear",
}
# Verbs that only count with a clausal complement: "find", "show", "call" otherwise mislead.
NEED_CLAUSE = {"find", "show", "call", "hope", "expect", "fear", "continue", "point", "describe", "signal", "ask"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "parataxis")
OBJECT_DEPS = ("dobj", "obj")


def _trim(doc: Any, toks: list[int]) -> list[int]:
    """Drop leading/trailing commas, dashes and sentence-final stops (quotes stay: gold keeps them)."""
    toks = sorted(toks)
    while toks and doc[toks[0]].is_punct and doc[toks[0]].text in {",", "-", "\u2014", "\u2013", ":", ";"}:
        toks = toks[1:]
    while toks and doc[toks[-1]].is_punct and doc[toks[-1]].text in {",", "-", "\u2014", "\u2013", ":", ";", "."}:
        toks = toks[:-1]
    return toks


def _quoted_runs(doc: Any, quote: list[int], lo: int, hi: int, exclude: set[int]) -> list[int]:
    return [i for i in range(lo, hi) if quote[i] and i not in exclude]


def _relation(doc: Any, src: list[int], cue: list[int], con: list[int]) -> RawRelation | None:
    con = _trim(doc, [i for i in con if i not in set(cue) and i not in set(src) and not doc[i].is_space])
    if not con or all(doc[i].is_punct for i in con):
        return None
    src = [i for i in sorted(src) if not (doc[i].is_punct and doc[i].text in {",", "\u2014", "-"})]
    return RawRelation(
        source=tuple(run_span(doc, r) for r in token_runs(src))[:1],
        cue=tuple(run_span(doc, r) for r in token_runs(cue)),
        content=tuple(run_span(doc, r) for r in token_runs(con)),
        cue_tokens=tuple(cue),
        source_tokens=tuple(token_runs(src)[0]) if src else (),
    )


# "“...” ― Name" (social-media and vox-pop style): a quotation, a dash, a name ending the line.
DASH_ATTRIBUTION = re.compile(
    r"(?P<q>[\u201c\u201d\"][^\n]*?[\u201d\"])[ \t\u00a0]*(?P<dash>\u2015|\u2014|\u2013|--)[ \t\u00a0]*"
    r"(?P<name>[^\n\u201c\"]{2,60}?)[ \t\u00a0.]*(?=\n|$)")
# "Graham: Trump's rhetoric is destroying the party" (headline style): a short capitalised
# name, a colon, the claim to the end of the line.
COLON_ATTRIBUTION = re.compile(
    r"(?m)^(?P<name>(?:[A-Z][\w.\u2019'&-]*\s){0,4}[A-Z][\w.\u2019'&-]*)(?P<colon>:)[ \t]+(?P<content>[^\n]{8,}?)[ \t.]*$")


# DASH_ATTRIBUTION read by finditer retries its lazy quotation from every quote mark of a line to
# the line's end: quadratic in a line of quote marks (16,000 '"' took 5 s). The same matches in
# linear time: a line's first quote mark opens; the first closing quote followed by the dash and
# a name to the end of the line closes (what the lazy quantifier finds); else no match on that line.
_OPEN_QUOTE = re.compile(r"[\u201c\u201d\"]")
_DASH_TAIL = re.compile(r"[\u201d\"][ \t\u00a0]*(?P<dash>\u2015|\u2014|\u2013|--)[ \t\u00a0]*"
                        r"(?P<name>[^\n\u201c\"]{2,60}?)[ \t\u00a0.]*(?=\n|$)")  # DASH_ATTRIBUTION after its quotation's opening


def dash_attributions(text: str):
    """What ``DASH_ATTRIBUTION.finditer(text)`` yields, as (quote, dash, name) spans, in linear time."""
    pos = 0
    while (q := _OPEN_QUOTE.search(text, pos)) is not None:
        line_end = text.find("\n", q.start())
        line_end = len(text) if line_end < 0 else line_end
        tail = _DASH_TAIL.search(text, q.end(), line_end)  # `$` and the lookahead see line_end as the end
        if tail is None:
            pos = line_end + 1
            continue
        yield (q.start(), tail.start() + 1), tail.span("dash"), tail.span("name")
        pos = max(tail.end(), tail.start() + 1)


def _toks(doc: Any, start: int, end: int) -> list[int]:
    return span_tokens(doc, ((start, end),))


def pattern_relations(doc: Any) -> list[RawRelation]:
    """The line patterns: "“...” ― Name" and "Name: claim"."""
    text = doc_text(doc)
    out = []
    for q, dash, name in dash_attributions(text):
        src = _toks(doc, *name)
        cue = _toks(doc, *dash)
        if not src or not cue:
            continue
        out.append(RawRelation((name,), (dash,), (q,), tuple(cue), tuple(src)))
    for m in COLON_ATTRIBUTION.finditer(text):
        src = _toks(doc, *m.span("name"))
        if not src or not any(doc[i].pos_ == "PROPN" for i in src):
            continue
        out.append(RawRelation((m.span("name"),), (m.span("colon"),), (m.span("content"),),
                               tuple(_toks(doc, *m.span("colon"))), tuple(src)))
    return out


def verb_relations(doc: Any, sent: Any, quote: list[int]) -> list[RawRelation]:
    """Relations of one sentence (a span of ``doc``) on reporting verbs and "according to";
    ``quote`` is ``core.quote_state(doc)``."""
    out: list[RawRelation] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        # "according to X": the clause it modifies is the content.
        if lemma == "accord" and tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None:
                continue
            src = _span_toks(obj)
            cue = [tok.i, to.i]
            clause = tok.head if tok.head.i != tok.i else None
            if clause is None:
                continue
            drop = set(_span_toks(tok))
            con = [i for i in _span_toks(clause) if i not in drop and sent.start <= i < sent.end]
            rel = _relation(doc, src, cue, con)
            if rel:
                out.append(rel)
            continue
        if tok.pos_ not in ("VERB", "AUX") or lemma not in REPORTING_VERBS:
            continue
        if quote[tok.i] and not any(c.dep_ in SUBJECT_DEPS and not quote[c.i] for c in tok.children):
            continue  # a verb inside someone's quotation is theirs, not a new attribution
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        src: list[int] = []
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            src = _span_toks(pobj) if pobj is not None else []
        elif subj is not None and subj.dep_ != "csubj":
            src = _span_toks(subj)
        comp = next((c for c in tok.children if c.dep_ in CONTENT_DEPS), None)
        if subj is not None and subj.dep_ == "csubj":
            comp = subj
        cue = [tok.i] + [c.i for c in tok.children if c.dep_ in ("neg", "prt") or (c.dep_ == "aux" and c.lower_ in {"has", "have", "had", "will"})]
        cue = sorted(set(cue))
        con: list[int] = []
        if comp is not None:
            con = _span_toks(comp)
            # "‘...,’ said X": the quotation spans the whole complement, marks included.
            if quote[comp.i]:
                con = [i for i in range(sent.start, tok.i) if quote[i]] or con
        elif lemma not in NEED_CLAUSE:
            q = _quoted_runs(doc, quote, sent.start, sent.end, set(src) | {tok.i})
            if q:
                con = q
            else:
                obj = next((c for c in tok.children if c.dep_ in OBJECT_DEPS), None)
                if obj is not None and lemma in {"highlight", "report", "reveal", "deny", "confirm", "acknowledge", "admit", "predict", "stress", "emphasize", "underline", "underscore"}:
                    con = _span_toks(obj)
        if not con:
            continue
        rel = _relation(doc, src, cue, con)
        if rel:
            out.append(rel)
    return out


def run_on(doc: Any, quote: list[int], rel: RawRelation) -> RawRelation:
    """A quotation that runs on: whole quoted sentences right after a quoted content, in the
    same paragraph and with no attribution of their own, are the same speaker's words."""
    if not rel.content:
        return rel
    end_tok = token_at(doc, rel.content[-1][1] - 1)
    if end_tok is None or not quote[end_tok]:
        return rel
    content = list(rel.content)
    bounds = sentence_bounds(doc)
    k = bisect.bisect_right([a for a, _ in bounds], end_tok) - 1
    while k + 1 < len(bounds):
        (_a, b), (na, nb) = bounds[k], bounds[k + 1]
        if "\n" in doc_text(doc)[doc[b - 1].idx:doc[na].idx]:
            break
        words = [t for t in doc[na:nb] if not t.is_space]
        if not words or not all(quote[t.i] for t in words):
            break
        content.append((words[0].idx, words[-1].idx + len(words[-1].text)))
        k += 1
    return rel if len(content) == len(rel.content) else RawRelation(
        rel.source, rel.cue, tuple(content), rel.cue_tokens, rel.source_tokens)

