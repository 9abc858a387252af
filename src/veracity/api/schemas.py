"""Response and request models of the workspace API, for validation and the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from .settings import REVIEW_STATUSES


class ErrorBody(BaseModel):
    code: str = Field(..., description="Short and stable: clients branch on it.")
    message: str = Field(..., description="For a person; never a server path or a traceback.")
    details: Any = Field(None, description="Null, or structured data (validation: a list of {loc, msg, type}).")


class ErrorResponse(BaseModel):
    """Every error the server sends, validation included."""

    error: ErrorBody


# The statuses an error response documents on every route (the shape is the same everywhere).
ERRORS = {code: {"model": ErrorResponse} for code in (400, 401, 404, 413, 422, 503)}


class VerdictCounts(BaseModel):
    SUPPORTED: int = 0
    REFUTED: int = 0
    DISPUTED: int = 0
    NOT_ENOUGH_INFO: int = 0


class ArticleRow(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None = Field(None, description="Metadata only: never fetched.")
    source: str | None = Field(None, description="Where the text came from: a file name, 'pasted text'.")
    analysed_at: str
    claims: int
    checkworthy: int
    unnamed_share: float = Field(..., description="Share of claims with no named source (0..1).")
    verdicts: VerdictCounts
    reviewed_claims: int = Field(..., description="Claims with at least one review by a person.")


class ArticleList(BaseModel):
    items: list[ArticleRow]
    total: int
    limit: int
    offset: int
    outlets: list[str] = Field(..., description="Every outlet in the store, for a filter.")


class Review(BaseModel):
    id: int
    claim_id: str
    article_id: str
    status: str
    rating: str | None
    note: str | None
    reviewer: str | None
    created_at: str


class ArticleDetail(BaseModel):
    article: ArticleRow
    dossier: dict = Field(..., description="The dossier in the versioned JSON schema (docs/schema.md).")
    reviews: dict[str, Review] = Field(..., description="Each reviewed claim's current review, by claim id.")


class SnippetPart(BaseModel):
    text: str
    match: bool


class SearchHit(BaseModel):
    kind: Literal["claim", "source"]
    article_id: str
    claim_id: str
    text: str
    snippet: list[SnippetPart] = Field(..., description="The text around the match, matched words flagged.")
    article_title: str | None
    outlet: str | None
    published: str | None


class SearchResults(BaseModel):
    q: str
    items: list[SearchHit]
    total: int
    limit: int
    offset: int


class ReviewIn(BaseModel):
    """A person's review of one claim; every PUT adds to the claim's history."""

    status: Literal[REVIEW_STATUSES] = Field("checked", description="unchecked | in progress | checked")  # type: ignore[valid-type]
    rating: str | None = Field(None, max_length=100, description="One of the server's rating scale (GET /v1/reviews/scale).")
    note: str | None = Field(None, max_length=10_000)
    reviewer: str | None = Field(None, max_length=200)


class ReviewOut(BaseModel):
    claim_id: str
    current: Review
    history: list[Review] = Field(..., description="Every review of the claim, newest first.")


class RatingOption(BaseModel):
    name: str
    value: int | None = Field(..., description="schema.org ratingValue (1 false .. 5 true); null: not on the scale.")


class ReviewScale(BaseModel):
    ratings: list[RatingOption]
    statuses: list[str]


class JobResult(BaseModel):
    ok: bool
    source: str | None = None
    article_id: str | None = None
    title: str | None = None
    claims: int | None = None
    error: dict | None = None
    # Index jobs (POST /v1/evidence/folder): per file, documents added, skipped (already indexed) and sentences added.
    added: int | None = None
    skipped: int | None = None
    sentences: int | None = None


class JobOut(BaseModel):
    id: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    total: int
    done: int
    succeeded: int
    failed: int
    progress: float = Field(..., description="done / total, 0..1")
    results: list[JobResult]
    error: dict | None
    created_at: str
    finished_at: str | None


class EvidenceStats(BaseModel):
    configured: bool = Field(..., description="Whether the server has an evidence index (serve --evidence-db).")
    documents: int
    sentences: int


class IndexResult(EvidenceStats):
    added: int
    skipped: int = Field(..., description="Already indexed (same text).")
    added_sentences: int
    errors: list[dict]


class StoryDocOut(BaseModel):
    document_id: str
    title: str | None
    outlet: str | None
    date: str | None
    date_source: str | None
    similarity: float | None


class StoryOut(BaseModel):
    id: str
    size: int
    documents: list[StoryDocOut] = Field(..., description="First report first.")


class Stories(BaseModel):
    configured: bool
    items: list[StoryOut]
    total: int


class OutletSourcing(BaseModel):
    outlet: str | None
    articles: int
    attributions: int
    anonymous: int
    anonymous_share: float


class CitedSource(BaseModel):
    source: str
    source_type: str
    articles: int
    claims: int


class ChainCount(BaseModel):
    chain: str
    count: int


class SourcesOverview(BaseModel):
    by_outlet: list[OutletSourcing]
    most_cited: list[CitedSource]
    chains: list[ChainCount]
