"""The data model: Article -> Dossier(sentences, claims, attributions, ...).

Every located thing carries a :class:`Span` whose offsets index ``Article.text``, the exact
text analysed, so ``article.text[s.start:s.end] == s.text`` holds everywhere (tests check it).
Records are frozen dataclasses; stages add to a dossier with :func:`dataclasses.replace`
and never edit what an earlier stage produced. ``to_json``/``from_json`` give the one JSON
shape used by the CLI, the API, the store and batch runs.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from . import SCHEMA_VERSION


def content_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    """A stable id from content: the same inputs always give the same id.

    Never raises on a lone surrogate ("a\\ud800."): ``surrogatepass`` hashes its code point, so
    an id is defined for every Python string (ingest replaces them, but ids are made elsewhere too).
    """
    h = hashlib.sha256()
    for p in parts:
        h.update(json.dumps(p, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return prefix + h.hexdigest()[:length]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Article:
    """One input document. ``text`` is kept exactly as analysed; ``id`` hashes it with metadata."""

    id: str
    text: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given by the source
    language: str | None = None
    source_path: str | None = None
    kind: str = "text"  # text | html | jsonl | csv | feed | stdin
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, text: str, **kw: Any) -> "Article":
        ident = content_id(text, kw.get("title"), kw.get("outlet"), kw.get("url"), kw.get("published"), prefix="a_")
        return cls(id=ident, text=text, **kw)


@dataclass(frozen=True)
class Paragraph:
    index: int
    span: Span


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    span: Span


@dataclass(frozen=True)
class Entity:
    span: Span
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, DATE, CARDINAL, ...


@dataclass(frozen=True)
class Quantity:
    span: Span
    value: float
    unit: str | None = None  # "troops", "percent", "USD", ...
    qualifier: str = "="  # "=", ">", ">=", "<", "<=", "~"
    value_max: float | None = None  # for ranges: "between 5,000 and 7,000"


@dataclass(frozen=True)
class DateRef:
    span: Span
    value: str | None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY) when it could be resolved
    granularity: str = "day"  # day | week | month | year | unknown
    relative: bool = False  # "yesterday", "last week": resolved against Article.published
    anchor: str | None = None  # the date it was resolved against


@dataclass(frozen=True)
class Place:
    span: Span
    name: str
    codes: tuple[str, ...] = ()  # ISO 3166-1 alpha-2; several for regions ("Scandinavia")
    qualifier: str | None = None  # east | west | north | south | central | ...
    kind: str = "country"  # country | region | city | subdivision | unknown


@dataclass(frozen=True)
class Modality:
    label: str  # asserted | reported | planned | predicted | hedged | opinion | question
    cues: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Frame:
    """Who does what to whom, where, when, how many — from the dependency parse."""

    action: Span
    lemma: str
    agent: Span | None = None
    patient: Span | None = None
    quantity: Span | None = None
    location: Span | None = None
    time: Span | None = None
    negated: bool = False
    extra: tuple[tuple[str, Span], ...] = ()  # other roles: ("purpose", span), ("instrument", span)


@dataclass(frozen=True)
class ChainLink:
    """One hop in a chain of attribution, outermost reporter first."""

    span: Span
    source_type: str
    entity: str | None = None


@dataclass(frozen=True)
class Attribution:
    id: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    source_type: str  # person | official | organisation | outlet | anonymous | document | pronoun | none
    source_entity: str | None = None
    chain: tuple[ChainLink, ...] = ()
    method: str = "rules"  # which extractor produced it


@dataclass(frozen=True)
class Check:
    """A precise contradiction check between claim and evidence, with the words that fired it."""

    kind: str  # denial | negation | number | place | date | role | polarity | antonym
    detail: str
    claim: tuple[Span, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Evidence:
    document_id: str
    span: Span  # offsets into the evidence document's text
    stance: str  # supports | refutes | nei
    score: float  # retrieval/re-ranking relevance
    stance_confidence: float = 0.0
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    checks: tuple[Check, ...] = ()
    # The evidence rests on the claim's own origin (the same outlet, or the source the claim's
    # chain cites): it repeats the claim and adds no independent support.
    same_origin: bool = False
    origin: str | None = None  # the origin that evidence and claim share, e.g. "outlet:the wall street journal"


@dataclass(frozen=True)
class Verdict:
    label: str  # SUPPORTED | REFUTED | DISPUTED | NOT_ENOUGH_INFO
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""  # one line a person reads: why this label, from which evidence
    claimed: tuple[Span, ...] = ()  # what was verified: the claim's content, without its attribution


@dataclass(frozen=True)
class Divergence:
    kind: str  # quantity | place | date | actor | modality | source_type
    here: tuple[Span, ...]
    there: tuple[Span, ...]
    detail: str


@dataclass(frozen=True)
class Corroboration:
    document_id: str
    span: Span  # the matching sentence, offsets into that document
    similarity: float
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    origin: str | None = None  # the original source this report rests on, if known
    divergences: tuple[Divergence, ...] = ()
    stance: str = "corroborates"  # corroborates | contradicts | related (same story, takes no side)


@dataclass(frozen=True)
class CorroborationSummary:
    reports: tuple[Corroboration, ...] = ()
    earliest: str | None = None  # document id of the first report
    independent_lines: int = 0  # independent lines among the corroborating reports only
    contradicting: int = 0  # reports that contradict the claim (never counted as lines)


@dataclass(frozen=True)
class Claim:
    id: str
    sentence_index: int
    span: Span
    checkworthiness: float = 0.0
    checkworthy: bool = False
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    modality: Modality | None = None
    frames: tuple[Frame, ...] = ()
    attribution_ids: tuple[str, ...] = ()
    verdict: Verdict | None = None
    corroboration: CorroborationSummary | None = None
    # How the claim reads when its span leaves out words its sentence shares among several claims:
    # "Greece four F-16s" of "France would send six Rafale jets, Greece four F-16s and ..." reads
    # "Greece" + "would send" + "four F-16s". Empty: the span reads as it is.
    reading: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Summary:
    claims: int = 0
    checkworthy: int = 0
    by_modality: dict[str, int] = field(default_factory=dict)
    sources_by_type: dict[str, int] = field(default_factory=dict)
    unnamed_share: float = 0.0  # share of claims with no named source (anonymous, none, unresolved pronoun)
    longest_chain: int = 0


@dataclass(frozen=True)
class Dossier:
    """An article as far as the pipeline has taken it. ``stages`` lists what has run."""

    article: Article
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    summary: Summary | None = None
    stages: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # Runtime-only: the spaCy Doc shared by stages; never serialised or compared.
    doc: Any = field(default=None, compare=False, repr=False)

    def with_(self, **changes: Any) -> "Dossier":
        return dataclasses.replace(self, **changes)

    def attribution(self, ident: str) -> Attribution | None:
        return self._attributions_by_id.get(ident)

    @functools.cached_property
    def _attributions_by_id(self) -> dict[str, Attribution]:
        """The first attribution of each id, made once per dossier: looking each claim's ids up
        in the whole list took time quadratic in the article's length (issue 18)."""
        out: dict[str, Attribution] = {}
        for a in self.attributions:
            out.setdefault(a.id, a)
        return out


# --------------------------------------------------------------------------- JSON

def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for f in dataclasses.fields(obj):
            if f.name == "doc":
                continue
            out[f.name] = to_jsonable(getattr(obj, f.name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


def dossier_to_dict(d: Dossier) -> dict:
    from . import __version__

    body = to_jsonable(d)
    return {"schema_version": SCHEMA_VERSION, "generator": f"veracity {__version__}", **body}


def dossier_to_json(d: Dossier, indent: int | None = 2) -> str:
    return json.dumps(dossier_to_dict(d), ensure_ascii=False, indent=indent)


def _build(tp: Any, value: Any, ns: dict) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _build(inner[0], value, ns) if len(inner) == 1 else value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v, ns) for v in value)
        return tuple(_build(a, v, ns) for a, v in zip(args, value))
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp, ns)
        kwargs = {f.name: _build(hints[f.name], value[f.name], ns) for f in dataclasses.fields(tp) if f.name in value}
        return tp(**kwargs)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type, ns: dict) -> dict[str, Any]:
    """A record class's resolved field types, once per class: resolving them was ~830 calls and
    ~40 ms per dossier read (the workspace's dossier page and /v1/dossiers/{id})."""
    if tp not in _HINTS:
        _HINTS[tp] = typing.get_type_hints(tp, ns)
    return _HINTS[tp]


def dossier_from_dict(data: dict) -> Dossier:
    from .errors import InputError

    if data.get("schema_version", "").split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise InputError(f"unsupported schema_version {data.get('schema_version')!r}")
    body = {k: v for k, v in data.items() if k not in ("schema_version", "generator")}
    return _build(Dossier, body, globals())
