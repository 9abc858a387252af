"""What a percentage moves: the nouns a change "by 4 percent" or a cap "at 3 per cent" is of
("will cut operating *grants* ... by 4 percent"), or a share price's move ("closed 14 percent
higher"). Two percentages moving unrelated things are two figures
(:func:`veracity.verify.measured.different_quantities`)."""

from __future__ import annotations

import re

from ..records import Quantity
from .counted import _verb_of
from .parties import children
from .reading import Reading

PERCENT = frozenset({"percent", "%", "per cent"})

_BY_PERCENT = re.compile(r"\bby\s+(?:up\s+to\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+)?$",
                         re.IGNORECASE)
CAP_VERBS = frozenset("cap limit restrict".split())
_MOVE_VERBS = frozenset("rise climb jump gain surge soar fall drop slide slump plunge decline tumble".split())
_SHARE_MOVE = re.compile(r"\s+(?:higher|lower|up|down)\b", re.IGNORECASE)
_SHARE_VERB = re.compile(r"\b(?:closed|ended|finished|opened|traded|were|was)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)


def percent_moved(r: Reading, q: Quantity) -> set[str]:
    """What a percentage changes or caps, as its nouns: the verb's object ("will cut operating
    *grants* ... by 4 percent", "cap *tuition increases* ... at 3 per cent"), else its subject,
    up through "allowed to" ("*Tuition* ... will be allowed to rise by up to 3 percent") or to the
    noun the verb describes ("operating *grants* to universities falling by 4 per cent")."""
    if (q.unit or "").lower() not in PERCENT:
        return set()
    # A share price's move: "closed 14 percent higher", "ended 3 percent down".
    if _SHARE_MOVE.match(r.text, q.span.end) and _SHARE_VERB.search(r.text, max(0, q.span.start - 30), q.span.start):
        return {"share"}
    by_start, kids = {t[0]: t for t in r.tree}, children(r)
    v = _verb_of(r, q)
    # Only a change ("by 4 percent") or a cap ("cap ... at 3 per cent"), not a level ("the jobless
    # rate stood at 7.5 percent" is "unemployment" in other words).
    # ... or a change written without "by" ("Shares in Sabarmati Biologics rose 14 percent").
    if not _BY_PERCENT.search(r.text[max(0, q.span.start - 30):q.span.start]) and (v is None or v[1] not in CAP_VERBS) \
            and not (v is not None and v[1] in _MOVE_VERBS and re.fullmatch(r"\w+\s+(?:about\s+|nearly\s+|almost\s+)?",
                                                                            r.text[v[0]:q.span.start])):
        return set()
    for _ in range(3):
        if v is None:
            return set()
        objs = [k for k in kids.get(v[0], []) if k[3] == "dobj" and k[2] == "NOUN"]
        objs = objs or [k for k in kids.get(v[0], []) if k[3] in ("nsubj", "nsubjpass") and k[2] == "NOUN"]
        if objs:
            return {w for o in objs for w in [o[1]] + [k[1] for k in kids.get(o[0], []) if k[3] == "compound" and k[2] == "NOUN"]}
        up = by_start.get(v[4])
        if v[3] == "acl" and up is not None and up[2] == "NOUN":
            return {up[1]} | {k[1] for k in kids.get(up[0], []) if k[3] == "compound" and k[2] == "NOUN"}
        v = up if v[3] in ("xcomp", "ccomp") and up is not None and up[0] != v[0] else None
    return set()
