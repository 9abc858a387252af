"""Token features for the two CRFs: one finds cues in a sentence, one (given a cue) labels
its source and content tokens in a window of sentences around it.

Features are plain strings (crfsuite's attribute names). Per-token facts that do not depend
on the cue are computed once per document; the cue-relative ones (where a token sits in the
parse relative to the cue: its subject, its clausal complement, the clause an "according to"
hangs from, inside the same quotation) are what let one model handle "X said", "said X",
"according to X", colon and dash attributions and quotes that run over several sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from .core import quote_state, sentence_bounds
from .wordnet import classes as wn_classes

# Sentences before/after the cue's sentence that the role tagger sees. On PolNeAR dev 97% of
# contents lie within one sentence before and two after the cue (longer quotes are split by
# the parser into several sentences); a wider window costs time and barely any recall.
WINDOW_BEFORE = 1
WINDOW_AFTER = 2


@dataclass
class DocInfo:
    """Per-document token facts, computed once."""

    doc: Any
    base: list[list[str]]
    quote: list[int]
    sent_of: list[int]
    sents: list[tuple[int, int]]  # token start/end per sentence
    lem: list[str]
    pos: list[str]
    dep: list[str]
    head: list[int]
    child_deps: list[frozenset[str]]
    space: list[bool]


def _shape(t: str) -> str:
    if not t:
        return "e"
    if t[0].isupper():
        return "X" if t.isupper() and len(t) > 1 else "Xx"
    if t[0].isdigit():
        return "d"
    if t[0].isalpha():
        return "x"
    return "p"


def doc_info(doc: Any) -> DocInfo:
    quote = quote_state(doc)
    sents = sentence_bounds(doc)
    sent_of = [0] * len(doc)
    for k, (a, b) in enumerate(sents):
        for i in range(a, b):
            sent_of[i] = k
    n = len(doc)
    # One pass over the tokens: creating spaCy Token objects is the expensive part.
    toks = list(doc)
    lem, pos, dep, head, low, tag, shape, ent = [], [], [], [], [], [], [], []
    space = [t.is_space for t in toks]
    for t in toks:
        lem.append(t.lemma_.lower()[:20])
        pos.append(t.pos_)
        dep.append(t.dep_)
        head.append(t.head.i)
        low.append(t.lower_[:20])
        tag.append(t.tag_)
        shape.append(_shape(t.text))
        ent.append(t.ent_type_ or "-")
    kids: list[set[str]] = [set() for _ in range(n)]
    for i, h in enumerate(head):
        if h != i:
            kids[h].add(dep[i])
    starts = {a for a, _ in sents}
    base: list[list[str]] = []
    for i in range(n):
        f = [
            "w=" + low[i],
            "l=" + lem[i],
            "p=" + pos[i],
            "t=" + tag[i],
            "d=" + dep[i],
            "s=" + shape[i],
            "hl=" + lem[head[i]],
            "hp=" + pos[head[i]],
            "q=%d" % quote[i],
            "e=" + ent[i],
        ]
        for c in wn_classes(lem[i], pos[i]):
            f.append("wn=" + c)
        if i in starts:
            f.append("sstart")
        if i + 1 in starts or i + 1 == n:
            f.append("send")
        base.append(f)
    return DocInfo(doc, base, quote, sent_of, sents, lem, pos, dep, head, [frozenset(k) for k in kids], space)


# ------------------------------------------------------------------------ cue tagger

_CUE_CHILD_DEPS = ("ccomp", "nsubj", "dobj", "xcomp", "advcl", "prep", "parataxis", "punct")

def cue_features(info: DocInfo, start: int, end: int) -> list[list[str]]:
    """Features for the tokens of one sentence [start, end) for the cue tagger."""
    lem, pos, dep, quote = info.lem, info.pos, info.dep, info.quote
    out = []
    for i in range(start, end):
        f = ["bias"] + info.base[i]
        deps = info.child_deps[i]
        for d in _CUE_CHILD_DEPS:
            if d in deps:
                f.append("ch=" + d)
        if "ccomp" in deps:
            f.append("ccomp|l=" + lem[i])
        for k in (-2, -1, 1, 2):
            j = i + k
            if start <= j < end:
                f.append("%d:l=%s" % (k, lem[j]))
                f.append("%d:p=%s" % (k, pos[j]))
                if k == -1 or k == 1:
                    f.append("%d:q=%d" % (k, quote[j]))
                    f.append("%d:d=%s" % (k, dep[j]))
            else:
                f.append("%d:edge" % k)
        for c in wn_classes(lem[i], pos[i]):
            f.append("wn|d=%s|%s" % (c, dep[i]))
            if "ccomp" in deps:
                f.append("wn|ccomp=" + c)
        f.append("lp=%s|%s" % (lem[i], pos[i]))
        f.append("ld=%s|%s" % (lem[i], dep[i]))
        out.append(f)
    return out


# ------------------------------------------------------------------------ role tagger

def _path_to_root(head: list[int], i: int) -> list[int]:
    path = [i]
    while head[path[-1]] != path[-1] and len(path) < 64:
        path.append(head[path[-1]])
    return path


def cue_head(head: list[int], cue: Sequence[int]) -> int:
    """The cue token whose head lies outside the cue (the cue's syntactic head)."""
    cs = set(cue)
    for i in cue:
        if head[i] not in cs or head[i] == i:
            return i
    return cue[0]


def _bucket(n: int) -> str:
    a = abs(n)
    b = a if a < 4 else 4 if a < 8 else 8 if a < 16 else 16
    return ("-" if n < 0 else "+") + str(b)


def role_window(info: DocInfo, cue: Sequence[int]) -> tuple[int, int]:
    k = info.sent_of[cue[0]]
    lo = info.sents[max(0, k - WINDOW_BEFORE)][0]
    hi = info.sents[min(len(info.sents) - 1, k + WINDOW_AFTER)][1]
    return lo, hi


def role_features(info: DocInfo, cue: Sequence[int]) -> tuple[int, int, list[list[str]]]:
    """Window [lo, hi) and per-token features for labelling the source/content of ``cue``."""
    lo, hi = role_window(info, cue)
    heads, lem, dep, pos, quote, sent_of = info.head, info.lem, info.dep, info.pos, info.quote, info.sent_of
    cset = set(cue)
    h = cue_head(heads, cue)
    hpath = _path_to_root(heads, h)
    hpos = {t: n for n, t in enumerate(hpath)}
    csent = sent_of[cue[0]]
    clem = lem[h]
    cq = quote[h]
    c0, c1 = min(cue), max(cue)
    # How the cue attaches to its clause ("according to" hangs from the verb it qualifies).
    cue_att = dep[hpath[1]] if len(hpath) > 1 else "ROOT"
    cwn = wn_classes(clem, info.pos[h])
    cue_feats = ["cl=" + clem, "catt=" + cue_att] + ["cwn=" + c for c in cwn]
    out = []
    for i in range(lo, hi):
        f = ["bias"] + info.base[i] + cue_feats
        if i in cset:
            f.append("iscue")
            rel = "C"
        else:
            rel = "B" if i < c0 else "A" if i > c1 else "I"
        so = sent_of[i] - csent
        f.append("rel=" + rel)
        f.append("so=%d" % so)
        f.append("dist=" + _bucket(i - (c0 if i < c0 else c1)))
        f.append("qrel=%s|%d|%d" % (rel, quote[i], cq))
        if quote[i] == 1 and cq == 1:
            f.append("sameq")
        f.append("cl|rel=%s|%s" % (clem, rel))
        for c in cwn:
            f.append("cwn|rel=%s|%s" % (c, rel))
        f.append("catt|rel=%s|%s" % (cue_att, rel))
        if so == 0:
            # Relation through the parse: the branch of the lowest common ancestor.
            path = _path_to_root(heads, i)
            # Under any token of a multi-word cue ("was able to tout", "spoke of"): which branch.
            hit = next((n for n, t in enumerate(path) if t in cset), None)
            if hit is not None and hit > 0:
                b1 = dep[path[hit - 1]]
                b2 = dep[path[hit - 2]] if hit > 1 else "-"
                f.append("ucue=" + b1)
                f.append("ucue2=%s>%s" % (b1, b2))
                f.append("ucue|rel=%s|%s" % (b1, rel))
            # The clause a token belongs to: the dependency of its nearest verb ancestor.
            v = next((t for t in path if pos[t] in ("VERB", "AUX")), None)
            if v is not None:
                f.append("vdep=%s|%s" % (dep[v], rel))
                f.append("vcue=%d" % int(v in cset or v == h))
            lca_n = next((n for n, t in enumerate(path) if t in hpos), None)
            if lca_n is None:
                f.append("nolca")
            else:
                lca = path[lca_n]
                hn = hpos[lca]
                if lca == h:
                    br = dep[path[lca_n - 1]] if lca_n > 0 else "self"
                    f.append("under=" + br)
                    f.append("under|cl=%s|%s" % (br, clem))
                    f.append("under|rel=%s|%s" % (br, rel))
                    f.append("depth=%d" % min(lca_n, 4))
                elif lca_n == 0:
                    f.append("anc=%d" % min(hn, 4))
                    f.append("anc|catt=%d|%s" % (min(hn, 4), cue_att))
                else:
                    tb = dep[path[lca_n - 1]]
                    cb = dep[hpath[hn - 1]]
                    f.append("sib=%s|%s" % (tb, cb))
                    f.append("sibt=" + tb)
                    f.append("lcad=%d" % min(hn, 4))
        for k in (-1, 1):
            j = i + k
            if lo <= j < hi:
                f.append("%d:l=%s" % (k, lem[j]))
                f.append("%d:iscue=%d" % (k, int(j in cset)))
                f.append("%d:q=%d" % (k, quote[j]))
            else:
                f.append("%d:edge" % k)
        out.append(f)
    return lo, hi, out
