"""The attribution core: a relation as character spans, and the token helpers every extractor shares.

Every extractor (``rules``, ``colon``, ``citing``, the CRFs in ``crf``, the MiniLM tagger's
decoder in ``tagger_decode`` and its ``cuepass``) works on the spaCy parse of the whole article
and returns :class:`RawRelation` records; ``extractors`` composes them and ``stage`` turns the
relations into the dossier's records. The components import this module (and the shared
helpers ``features`` and ``sources``), never each other, so each can be read on its own.

Nothing here knows about any model: runs of token indices, their character spans, the tokens
under character spans, quotation state, sentence bounds, and merging two lists of relations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

# A content run made only of punctuation or a single function word is noise from the tagger,
# not a quotation; gold contents on PolNeAR train are never this short.
MIN_CONTENT_CHARS = 3
# Characters that open a direct quotation (a content starting with one is quoted speech).
QUOTE_OPENERS = "\u201c\u201d\u2018\"'"

OPEN_DOUBLE = "\u201c\u201e\u201f\u00ab"
CLOSE_DOUBLE = "\u201d\u00bb"
OPEN_SINGLE = "\u2018"
CLOSE_SINGLE = "\u2019"


@dataclass(frozen=True)
class RawRelation:
    """Character spans of one relation, before typing and chains."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    cue_tokens: tuple[int, ...] = ()
    source_tokens: tuple[int, ...] = ()


# --------------------------------------------------------------------------- tokens and spans

def token_runs(tokens: Iterable[int]) -> list[list[int]]:
    """The contiguous runs of token indices, in order."""
    runs: list[list[int]] = []
    for i in sorted(tokens):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def run_span(doc: Any, run: list[int]) -> tuple[int, int]:
    """[start, end) characters of a run of tokens."""
    a, b = doc[run[0]], doc[run[-1]]
    return a.idx, b.idx + len(b.text)


def spans_of(doc: Any, toks: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Character spans of the contiguous runs of ``toks``."""
    return tuple(run_span(doc, r) for r in token_runs(toks))


def span_tokens(doc: Any, spans: Iterable[tuple[int, int]]) -> list[int]:
    """The non-space tokens that character spans cover (partly covered tokens included)."""
    out = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        out.extend(t.i for t in sp or () if not t.is_space)
    return out


def subtree_tokens(tok: Any) -> list[int]:
    """Indices of the tokens under ``tok`` in the parse, itself included."""
    return [t.i for t in tok.subtree]


def token_at(doc: Any, char: int) -> int | None:
    """The token covering (or first after) character ``char``, without walking the doc."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0].i
    return None


def chars(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The character offsets that spans cover."""
    return {i for s, e in spans for i in range(s, e)}


def nearest_run(runs: list[list[int]], cue: list[int]) -> list[int] | None:
    """PolNeAR sources are single spans; when an extractor marks several, the one nearest the cue wins."""
    if not runs:
        return None
    c0, c1 = min(cue), max(cue)
    return min(runs, key=lambda r: (c0 - r[-1]) if r[-1] < c0 else (r[0] - c1))


def trim_source(doc: Any, run: list[int]) -> list[int]:
    """Keep the part of a source run that hangs from its head: "The New York Times, in a
    separate report published yesterday," -> "The New York Times" (the report phrase is the
    verb's, not the source's)."""
    rs = set(run)
    head = next((i for i in run if doc[i].head.i not in rs or doc[i].head.i == i), run[0])
    sub = {t.i for t in doc[head].subtree}
    kept = [i for i in run if i in sub]
    runs = token_runs(kept)
    best = next((r for r in runs if head in r), kept)
    while best and doc[best[-1]].is_punct and not _closes(doc, best):
        best = best[:-1]
    return best or run


def _closes(doc: Any, run: list[int]) -> bool:
    """Whether the run's final punctuation belongs to it: a bracket closing one opened inside
    ("Mike Pence (R-IN)", not "(R-IN"), or the comma closing an appositive ("The state's
    campaign chairman, Phil Lovas, said" -- PolNeAR's sources keep that comma: on dev, keeping
    it raised the tagger's source exact F1 from 0.820 to 0.861, overlap unchanged)."""
    last = doc[run[-1]].text
    inner = [doc[i].text for i in run[:-1]]
    if last in ")]":
        return ("(" if last == ")" else "[") in inner
    nxt = run[-1] + 1
    return last == "," and "," in inner and nxt < len(doc) and not doc[nxt].is_punct


# --------------------------------------------------------------------------- per-document facts

def doc_text(doc: Any) -> str:
    """doc.text joins every token on each access; keep it once per doc."""
    cached = doc.user_data.get("veracity_text")
    if cached is None:
        cached = doc.user_data["veracity_text"] = doc.text
    return cached


def sentence_bounds(doc: Any) -> list[tuple[int, int]]:
    """(start, end) token indices of the sentences, computed once per doc (doc.sents and
    Token.sent rebuild them on every access)."""
    cached = doc.user_data.get("veracity_sents")
    if cached is None:
        cached = doc.user_data["veracity_sents"] = [(s.start, s.end) for s in doc.sents]
    return cached


def quote_state(doc: Any) -> list[int]:
    """Per token: 1 inside (or on) a quotation, else 0. Tolerates unmatched and curly quotes.

    A straight double quote toggles; curly ones open/close; a single curly quote opens on
    U+2018 and closes on U+2019 only when not an apostrophe (a letter follows). A paragraph
    break ends an unclosed quote: news style re-opens a quote that runs on in the next paragraph.
    """
    out = [0] * len(doc)
    dq = sq = False
    text = doc.text
    for tok in doc:
        t = tok.text
        if "\n" in t:
            dq = sq = False
            continue
        mark = False
        if t == '"' or t == "''" or t == "``":
            if dq:
                out[tok.i] = 1
                dq = False
                continue
            dq = mark = True
        elif t and t[0] in OPEN_DOUBLE:
            dq = mark = True
        elif t and t[-1] in CLOSE_DOUBLE:
            out[tok.i] = 1
            dq = False
            continue
        elif t == OPEN_SINGLE:
            sq = mark = True
        elif t == CLOSE_SINGLE and sq:
            nxt = tok.idx + len(t)
            if nxt >= len(text) or not text[nxt].isalpha():
                out[tok.i] = 1
                sq = False
                continue
        out[tok.i] = 1 if (dq or sq or mark) else 0
        if tok.whitespace_ and "\n" in tok.whitespace_:
            dq = sq = False
    return out


# --------------------------------------------------------------------------- merging relations

def combine(learned: list[RawRelation], rules: list[RawRelation], text: str = "", quotes: bool = True) -> list[RawRelation]:
    """Learned relations, plus rule relations whose content no learned relation touches: the
    rules' reporting-verb lexicon catches cues the CRF missed. Where both find the same cue
    and the rule's content is a direct quotation (marks and all), the rule's content wins:
    quotation marks delimit a quote better than the tagger's guess of its boundaries."""
    out = list(learned)
    if quotes and text:
        by_cue = {r.cue_tokens: r for r in rules if r.content and text[r.content[0][0]] in QUOTE_OPENERS}
        for k, r in enumerate(out):
            rr = by_cue.get(r.cue_tokens)
            if rr is not None:
                out[k] = RawRelation(r.source, r.cue, rr.content, r.cue_tokens, r.source_tokens)
    taken = chars(x for r in out for x in r.content)
    extra = [r for r in rules if not (chars(r.content) & taken) or _nests(r, out)]
    return out + extra


def _nests(rule: RawRelation, learned: list[RawRelation]) -> bool:
    """The rule's relation holds a learned one whole, source, cue and content in its content ("The
    companies have agreed to raise wages, the minister announced"): a relation reported by
    another, whose cue no learned relation has. The rule's speaker is where the claim comes from."""
    own = chars(rule.content)
    cue = chars(rule.cue)
    return (not any(chars(r.cue) & cue for r in learned)
            and any(r.source and r.cue and chars(r.source + r.cue + r.content) <= own for r in learned))
