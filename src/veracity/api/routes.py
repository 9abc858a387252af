"""The workspace API: jobs, articles, search, reviews, ClaimReview, evidence, stories, sources.

Everything the web UI does goes through these endpoints (or the same calls). Ids are checked
against their shape before the store is asked; unknown ones are 404 in the one error shape.
"""

from __future__ import annotations

from typing import Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..corroborate import stories as st
from ..errors import InputError
from ..records import Dossier, dossier_to_dict
from ..report.claimreview import claimreviews_from_reviews
from ..store.workspace import SORTS
from . import inputs
from .context import ARTICLE_ID_PATTERN, CLAIM_ID_PATTERN, ApiContext
from .errors import ApiError
from .schemas import (ERRORS, ArticleDetail, ArticleList, EvidenceStats, IndexResult, JobOut, RatingOption, ReviewIn, ReviewOut,
                      ReviewScale, SearchResults, SourcesOverview, Stories)
from .settings import REVIEW_STATUSES

# Articles one job may analyse (a corpus or feed upload holds many). At 1-3 s an article this
# is well under an hour of one worker; larger corpora belong to `veracity batch`.
MAX_JOB_ARTICLES = 500
# Largest page of any list: one request must not serialise the whole store.
MAX_PAGE = 500
# Stories shown at most, largest first.
MAX_STORIES = 200

# The multipart form both analysis endpoints accept besides JSON (declared for the OpenAPI document).
_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": ".txt, .html, .jsonl, .csv, RSS/Atom files (anything `veracity analyze` reads)"},
        **{k: {"type": "string"} for k in ("text", "html", "title", "outlet", "url")},
        "published": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
        "allow_non_english": {"type": "boolean"},
    },
}
ANALYSIS_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/AnalyzeRequest"}},
    "multipart/form-data": {"schema": _FORM_SCHEMA},
}}}
UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"], "properties": {"files": _FORM_SCHEMA["properties"]["files"]}}}}}}


def _article_id(ident: str) -> str:
    import re

    if not re.fullmatch(ARTICLE_ID_PATTERN, ident):
        raise ApiError(404, "not_found", f"no stored article with id {ident[:40]!r}")
    return ident


def load_dossier(ctx: ApiContext, ident: str) -> Dossier:
    """A stored dossier by id or unique prefix: 404 unknown, 409 ambiguous."""
    s = ctx.need_store()
    _article_id(ident)
    try:
        return s.get_dossier(ident)
    except InputError as exc:
        if "ambiguous" in exc.message:
            raise ApiError(409, "ambiguous", f"id prefix {ident!r} matches several dossiers; give more of it") from None
        raise ApiError(404, "not_found", f"no stored dossier with id {ident!r}") from None


def prepare_articles(ctx: ApiContext, req: inputs.AnalyzeRequest, files: list[tuple[str, bytes]]) -> list:
    """The articles (or input errors) a request carries, in order."""
    if files:
        return inputs.uploaded_articles(files, req, ctx.options)
    try:
        return [inputs.pasted_article(req, ctx.options)]
    except InputError as exc:
        exc.source = exc.source or inputs.TEXT_SOURCE
        return [exc]


def result_of(ctx: ApiContext, item, keep: bool) -> tuple[dict, Dossier | None]:
    """One item's outcome as a results entry, and its dossier when it was analysed."""
    if isinstance(item, InputError):
        return {"ok": False, "source": item.source, "error": ctx.error_dict(item, item.source)}, None
    try:
        d = ctx.analyse_and_keep(item, keep)
    except Exception as exc:  # noqa: BLE001 - one article's failure is its entry's error
        return {"ok": False, "source": item.source_path, "error": ctx.error_dict(exc, item.source_path)}, None
    return {"ok": True, "source": d.article.source_path, "article_id": d.article.id, "title": d.article.title,
            "claims": len(d.claims)}, d


def install(app: FastAPI, ctx: ApiContext) -> None:
    # ------------------------------------------------------------------ jobs
    @app.post("/v1/jobs", summary="Start analysing text, a pasted page or uploaded files as a job", status_code=202,
              response_model=JobOut, responses=ERRORS, openapi_extra=ANALYSIS_BODY, tags=["analysis"])
    async def start_job(request: Request) -> JSONResponse:
        """Same body as `POST /v1/analyze` (JSON or multipart). Answers at once with the job;
        poll `GET /v1/jobs/{id}` for its progress and each article's outcome."""
        req, files = await inputs.read_request(request)

        def items() -> list:
            found = prepare_articles(ctx, req, files)
            if len(found) > MAX_JOB_ARTICLES:
                raise ApiError(422, "input", f"{len(found)} articles in one job, over the limit of {MAX_JOB_ARTICLES}; "
                               "use `veracity batch` for corpora")
            return found

        found = await run_in_threadpool(items)  # parsing a page or a corpus is CPU work: off the event loop
        job = ctx.jobs.start("analyze", found, lambda item: result_of(ctx, item, req.store)[0])
        return JSONResponse(job.to_dict(), status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})

    @app.get("/v1/jobs/{job_id}", summary="A job's progress and results", response_model=JobOut, responses=ERRORS,
             tags=["analysis"])
    def get_job(job_id: str = Path(..., max_length=64)) -> dict:
        job = ctx.jobs.get(job_id)
        if job is None:
            raise ApiError(404, "not_found", f"no job with id {job_id[:40]!r} (jobs are kept in memory, the latest {ctx.jobs.max_jobs})")
        return job.to_dict()

    # ------------------------------------------------------------------ articles
    @app.get("/v1/articles", summary="Stored articles: title, outlet, date, claims, unnamed sources, verdicts",
             response_model=ArticleList, responses=ERRORS, tags=["articles"])
    def articles(sort: Literal[tuple(SORTS)] = Query("analysed", description="Column to sort by."),  # type: ignore[valid-type]
                 order: Literal["asc", "desc"] = "desc", outlet: str | None = Query(None, max_length=500),
                 limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict:
        ws = ctx.need_workspace()
        items, total = ws.articles(sort=sort, descending=order == "desc", outlet=outlet or None, limit=limit, offset=offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset, "outlets": ws.outlets()}

    @app.get("/v1/articles/{ident}", summary="One stored article: its row, dossier and current reviews",
             response_model=ArticleDetail, responses={**ERRORS, 409: ERRORS[404]}, tags=["articles"])
    def article(ident: str) -> dict:
        ws = ctx.need_workspace()
        d = load_dossier(ctx, ident)
        row = ws.article(d.article.id)
        return {"article": row, "dossier": dossier_to_dict(d), "reviews": ws.current_reviews(d.article.id)}

    @app.get("/v1/articles/{ident}/claimreview", summary="schema.org ClaimReview from people's reviews",
             responses={200: {"description": "A JSON-LD list of ClaimReview objects"}, **ERRORS}, tags=["reviews"])
    def claimreview(ident: str) -> JSONResponse:
        """Only claims a person reviewed with status *checked* and a rating are published;
        machine verdicts never are."""
        ws = ctx.need_workspace()
        d = load_dossier(ctx, ident)
        s = ctx.settings
        out = claimreviews_from_reviews(d, ws.current_reviews(d.article.id), scale=s.review_ratings,
                                        organisation=s.claimreview_organisation, author=s.claimreview_author, url=s.claimreview_url)
        return JSONResponse(out, media_type="application/ld+json")

    # ------------------------------------------------------------------ search and reviews
    @app.get("/v1/claims", summary="Full-text search across stored claims and their sources",
             response_model=SearchResults, responses=ERRORS, tags=["articles"])
    def search(q: str = Query(..., min_length=1, max_length=500, description="Words to find (all of them, as prefixes)."),
               limit: int = Query(20, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict:
        items, total = ctx.need_workspace().search(q, limit=limit, offset=offset)
        return {"q": q, "items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/v1/reviews/scale", summary="The rating scale and statuses a review may use", response_model=ReviewScale,
             tags=["reviews"])
    def review_scale() -> dict:
        return {"ratings": [RatingOption(name=n, value=v) for n, v in ctx.settings.review_ratings],
                "statuses": list(REVIEW_STATUSES)}

    def _claim(claim_id: str) -> str:
        import re

        if not re.fullmatch(CLAIM_ID_PATTERN, claim_id):
            raise ApiError(404, "not_found", f"no stored claim with id {claim_id[:40]!r}")
        return claim_id

    @app.put("/v1/claims/{claim_id}/review", summary="Record a person's review of a claim (history is kept)",
             response_model=ReviewOut, responses=ERRORS, tags=["reviews"])
    def put_review(claim_id: str, review: ReviewIn) -> dict:
        ws = ctx.need_workspace()
        _claim(claim_id)
        ratings = [n for n, _ in ctx.settings.review_ratings]
        rating = review.rating.strip() if review.rating and review.rating.strip() else None
        if rating is not None and rating not in ratings:
            raise ApiError(422, "validation", f"rating must be one of: {', '.join(ratings)}",
                           [{"loc": ["body", "rating"], "msg": "not on the rating scale", "type": "enum"}])
        saved = ws.add_review(claim_id, status=review.status, rating=rating, note=(review.note or "").strip() or None,
                              reviewer=(review.reviewer or "").strip() or None)
        if saved is None:
            raise ApiError(404, "not_found", f"no stored claim with id {claim_id!r}")
        return {"claim_id": claim_id, "current": saved, "history": ws.reviews(claim_id)}

    @app.get("/v1/claims/{claim_id}/reviews", summary="A claim's reviews, newest first", response_model=ReviewOut,
             responses=ERRORS, tags=["reviews"])
    def get_reviews(claim_id: str) -> dict:
        ws = ctx.need_workspace()
        history = ws.reviews(_claim(claim_id))
        if not history:
            raise ApiError(404, "not_found", f"no review of a claim with id {claim_id!r}")
        return {"claim_id": claim_id, "current": history[0], "history": history}

    # ------------------------------------------------------------------ evidence, stories, sources
    def _stats() -> dict:
        ix = ctx.evidence_index()
        stats = ix.stats() if ix is not None else {"documents": 0, "sentences": 0}
        return {"configured": bool(ctx.evidence_db), **stats}

    @app.get("/v1/evidence", summary="The evidence index's size", response_model=EvidenceStats, tags=["evidence"])
    def evidence() -> dict:
        return _stats()

    @app.post("/v1/evidence", summary="Upload files to add to the evidence index", response_model=IndexResult,
              responses=ERRORS, openapi_extra=UPLOAD_BODY, tags=["evidence"])
    async def add_evidence(request: Request) -> dict:
        """Texts already indexed are skipped. Verification and corroboration use the new
        evidence from the next analysis on."""
        if not ctx.evidence_db:
            raise ApiError(404, "not_found", "this server has no evidence index (start it with --evidence-db DB)")
        req, files = await inputs.read_request(request)
        if not files:
            raise ApiError(422, "validation", "upload one or more files to index",
                           [{"loc": ["body", "files"], "msg": "no files", "type": "missing"}])

        def index() -> dict:
            found = inputs.uploaded_articles(files, req, ctx.options)
            good = [a for a in found if not isinstance(a, InputError)]
            counts = ctx.add_evidence(good)
            return {**_stats(), "added": counts.added, "skipped": counts.skipped, "added_sentences": counts.sentences,
                    "errors": [ctx.error_dict(e, e.source) for e in found if isinstance(e, InputError)]}

        return await ctx.pool.run(index)

    @app.get("/v1/stories", summary="Stories across the evidence index, each a timeline of its reports",
             response_model=Stories, tags=["evidence"])
    def stories(min_size: int = Query(2, ge=1, le=1000), limit: int = Query(50, ge=1, le=MAX_STORIES)) -> dict:
        ix = ctx.evidence_index()
        if ix is None:
            return {"configured": bool(ctx.evidence_db), "items": [], "total": 0}
        with ctx.evidence_lock:
            st.update(ix)
            found = st.stories(ix, min_size=min_size)
        items = [{"id": s.id, "size": len(s.docs), "documents": [d.__dict__ for d in s.timeline()]} for s in found[:limit]]
        return {"configured": True, "items": items, "total": len(found)}

    @app.get("/v1/sources", summary="Sourcing across stored articles: anonymous share by outlet, most-cited sources, chains",
             response_model=SourcesOverview, responses=ERRORS, tags=["articles"])
    def sources(limit: int = Query(20, ge=1, le=MAX_PAGE)) -> dict:
        return ctx.need_workspace().sources_overview(limit=limit)
