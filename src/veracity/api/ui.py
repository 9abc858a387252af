"""The workspace: server-rendered pages over the same calls as the API, with a little script.

Pages: Articles (``/``: the list with sort, outlet filter, pages and search across claims and
sources), Add (``/add``), a dossier (``/articles/{id}``), Evidence (``/evidence``) and Stories
and sources (``/stories``). Every page is rendered by Jinja2 with autoescaping, so article
text (hostile input) is always escaped; the one script and stylesheet are files under
``/static``, so the pages work offline under a Content-Security-Policy that allows no inline
code (:mod:`veracity.api.headers`). The script only enhances: it submits the forms that start
work (analysis jobs, uploads to the index, reviews) and opens a claim's details. With a
token, a browser signs in first (:mod:`veracity.api.login`) and every page offers "Sign out".
"""

from __future__ import annotations

import math
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..corroborate import stories as st
from ..corroborate.timeline import for_summary
from ..records import Dossier
from ..report.common import SOURCE_TYPE_LABELS, claim_rows, source_groups
from ..report.html import _chart, _segments
from ..store.workspace import SORTS
from .context import ApiContext
from .errors import ApiError
from .evidence_folder import subfolders
from .routes import load_dossier
from .settings import REVIEW_STATUSES

# Articles per page of the list: a screenful with room to scan.
PAGE_SIZE = 25
# Search hits shown above the list.
SEARCH_HITS = 20
# Bands of check-worthiness shading (class s0..s4): enough steps to tell a likely claim from a
# certain one at a glance, few enough that each step is visible.
SHADES = 5
# Columns of the list a person can sort by, with their headings.
COLUMNS = (("title", "Title"), ("outlet", "Outlet"), ("published", "Date"), ("claims", "Claims"),
           ("unnamed", "Claims without a named source"), ("refuted", "Verdicts"))

_TEMPLATES = resources.files("veracity.api").joinpath("templates")
_env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)
_env.filters["pct"] = lambda v: f"{100 * float(v or 0):.0f}%"


def render_page(template: str, **values: Any) -> str:
    return _env.get_template(template).render(labels=SOURCE_TYPE_LABELS, **values)


def shade(score: float) -> int:
    return min(SHADES - 1, max(0, int(float(score or 0) * SHADES)))


def dossier_view(d: Dossier, reviews: dict[str, dict]) -> dict:
    """What the dossier page shows: the report's parts plus, per claim, its id, shade and review."""
    rows = claim_rows(d)
    for r in rows:
        c = r["claim"]
        r["id"] = c.id
        r["shade"] = shade(c.checkworthiness)
        r["review"] = reviews.get(c.id)
        cor = c.corroboration
        r["timeline"] = Markup(for_summary(cor)) if cor is not None and cor.reports else None
    s = d.summary
    by_type = s.sources_by_type if s else {}
    return {"d": d, "paragraphs": _segments(d), "rows": rows, "by_index": {r["i"]: r for r in rows},
            "groups": source_groups(d), "chart": _chart(by_type), "modality_chart": _chart(s.by_modality) if s else [],
            "verified": any(c.verdict is not None for c in d.claims),
            "corroborated": any(c.corroboration is not None for c in d.claims)}


def install(app: FastAPI, ctx: ApiContext) -> None:
    static = resources.files("veracity.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    token_mode = ctx.settings.token is not None  # pages then offer "Sign out" (veracity.api.login)

    def page(template: str, **values: Any) -> HTMLResponse:
        return HTMLResponse(render_page(template, token_mode=token_mode, **values))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, sort: str = "analysed", order: str = "desc", outlet: str = Query("", max_length=500),
                      page_no: int = Query(1, alias="page", ge=1, le=100_000), q: str = Query("", max_length=500)) -> HTMLResponse:
        if ctx.store is None:
            return page("articles.html", active="articles", title="Articles", no_store=True)
        ws = ctx.need_workspace()
        sort = sort if sort in SORTS else "analysed"
        order = order if order in ("asc", "desc") else "desc"
        items, total = ws.articles(sort=sort, descending=order == "desc", outlet=outlet or None,
                                   limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        hits, hit_total = ws.search(q, limit=SEARCH_HITS) if q.strip() else ([], 0)

        def link(**changes: Any) -> str:
            params = {"sort": sort, "order": order, "outlet": outlet, "page": page_no, "q": q, **changes}
            return "/?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

        columns = [{"key": k, "label": label, "sorted": sort == k, "order": order,
                    "href": link(sort=k, order="asc" if sort == k and order == "desc" else "desc", page=1)} for k, label in COLUMNS]
        return page("articles.html", active="articles", title="Articles", items=items, total=total, page_no=page_no, pages=pages,
                    columns=columns, outlets=ws.outlets(), outlet=outlet, sort=sort, order=order, q=q, hits=hits, hit_total=hit_total,
                    prev=link(page=page_no - 1) if page_no > 1 else None, next=link(page=page_no + 1) if page_no < pages else None)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page() -> HTMLResponse:
        return page("add.html", active="add", title="Add articles", has_store=ctx.store is not None,
                    evidence=bool(ctx.evidence_db))

    @app.get("/articles/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def dossier_page(ident: str) -> HTMLResponse:
        try:
            d = load_dossier(ctx, ident)
        except ApiError as exc:  # a person gets a page, not JSON
            return HTMLResponse(render_page("error.html", title="Not found", message=exc.message, active="articles",
                                            token_mode=token_mode), status_code=exc.status_code)
        reviews = ctx.workspace.current_reviews(d.article.id) if ctx.workspace is not None else {}
        return page("dossier.html", active="articles", title=d.article.title or "Dossier", v=dossier_view(d, reviews),
                    ratings=[n for n, _ in ctx.settings.review_ratings], statuses=_statuses(),
                    reviews_enabled=ctx.workspace is not None)

    @app.get("/evidence", response_class=HTMLResponse, include_in_schema=False)
    def evidence_page() -> HTMLResponse:
        ix = ctx.evidence_index()
        stats = ix.stats() if ix is not None else {"documents": 0, "sentences": 0}
        root = ctx.settings.evidence_root
        folders = subfolders(root) if root and ctx.evidence_db else []
        return page("evidence.html", active="evidence", title="Evidence", configured=bool(ctx.evidence_db), stats=stats,
                    folders=folders)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(min_size: int = Query(2, ge=1, le=1000)) -> HTMLResponse:
        stories: list = []
        total = 0
        ix = ctx.evidence_index()
        if ix is not None:
            with ctx.evidence_lock:
                st.update(ix)
                found = st.stories(ix, min_size=min_size)
            total, stories = len(found), found[:50]
        overview = ctx.workspace.sources_overview() if ctx.workspace is not None else None
        return page("stories.html", active="stories", title="Stories and sources", stories=stories, story_total=total,
                    configured=bool(ctx.evidence_db), overview=overview, min_size=min_size)


def _statuses() -> tuple[str, ...]:
    return REVIEW_STATUSES
