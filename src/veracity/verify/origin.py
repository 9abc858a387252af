"""Same origin: evidence that repeats the claim's own source adds no independent support.

A claim resting on "a senior European diplomat quoted by The Wall Street Journal" is not
confirmed by a second outlet writing "The Wall Street Journal reported, citing a diplomat,
that ...", nor by the Journal itself, nor by another report of the same named speaker. The
claim's origins are the named links of its attribution chain (outlets, organisations, people)
and the article's own outlet; evidence shares an origin when its document comes from one of
those outlets, or when it credits one of them with a reporting word nearby ("reported",
"according to", "citing", "quoted by", "said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..records import Attribution

# How far (characters) a reporting word may stand from the name it credits.
CUE_WINDOW = 60
# Source types whose name identifies one origin; an anonymous source ("a senior diplomat")
# is identified only through the outlet that quotes it.
NAMED = frozenset({"outlet", "organisation", "person", "official", "document"})
_CUE = re.compile(r"\b(?:reported|reports|reporting|report|according to|citing|cited|cites|quoting|quoted|said|says|told|"
                  r"wrote|writes|interview|statement|first revealed|broke the story)\b", re.IGNORECASE)
_TRIM = re.compile(r"^(?:the|a|an|mr|mrs|ms|dr)\s+|(?:'s|\u2019s)$", re.IGNORECASE)


def norm(name: str) -> str:
    s = re.sub(r"\s+", " ", name.strip().lower())
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
            window = text[max(0, m.start() - CUE_WINDOW):m.end() + CUE_WINDOW]
            if _CUE.search(window):
                return True
        return False


def _origin(kind: str, name: str) -> Origin | None:
    n = norm(name)
    if len(n) < 3:
        return None
    # A person is found by surname ("Ruiz said"), anything else by its whole name.
    needle = n.split()[-1] if kind == "person" else n
    return Origin(f"{kind}:{n}", name.strip(), re.compile(r"\b" + re.escape(needle) + r"\b", re.IGNORECASE))


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
                o = _origin("outlet", m.group(1))
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
