"""Index a folder on the server into the evidence index, from the UI or the API.

``veracity serve --evidence-root DIR`` names the one folder whose files the server may read
for the index. A client names a folder *under* it by a relative path; nothing outside the root
is ever read: the path is resolved (symlinks included) and must stay inside, files reached
through a symlink that leaves the root are skipped, and no absolute server path appears in any
answer. Without ``--evidence-root`` only uploads add evidence.

The files are indexed as a job (``GET /v1/jobs/{id}``), one result per file, so a large folder
neither blocks the request nor loses its progress; one unreadable file is recorded and the job
goes on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..errors import InputError
from ..ingest import iter_articles
from .context import ApiContext
from .errors import ApiError
from .schemas import ERRORS, JobOut

# The file types `veracity index` reads (text, pages, corpora, feeds, gzip of those).
SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".csv", ".tsv",
            ".rss", ".atom", ".xml", ".gz")
# Files one folder job may index. A newsroom's evidence folder is hundreds to a few thousand
# reports; past this the CLI (`veracity index DIR`, with a progress bar) is the tool.
MAX_FOLDER_FILES = 5_000
# Subfolders listed for the UI's picker (breadth first, this deep): enough to find a folder,
# bounded so a huge tree cannot make the evidence page slow.
MAX_LISTED_FOLDERS = 200
LISTED_DEPTH = 3


class FolderRequest(BaseModel):
    path: str = Field("", max_length=1000, description="A folder under the server's evidence root, relative to it ('' for the root).")


def resolve_folder(root: str, relative: str) -> Path:
    """The folder ``relative`` names under ``root``, or ApiError 404/422 (never naming server paths)."""
    base = Path(root).resolve()
    raw = (relative or "").strip()
    if "\x00" in raw or os.path.isabs(raw):
        raise ApiError(422, "validation", "the folder must be a path relative to the evidence root",
                       [{"loc": ["body", "path"], "msg": "not a relative path", "type": "value_error"}])
    rel = raw.strip("/")
    target = (base / rel).resolve()
    if not target.is_relative_to(base):
        raise ApiError(422, "validation", "the folder must be inside the evidence root",
                       [{"loc": ["body", "path"], "msg": "outside the evidence root", "type": "value_error"}])
    if not target.is_dir():
        raise ApiError(404, "not_found", f"no folder {rel[:200]!r} under the evidence root")
    return target


def folder_files(folder: Path, root: str) -> list[Path]:
    """Readable evidence files under ``folder`` (sorted, so a job's order is reproducible), each
    inside the root once resolved."""
    base = Path(root).resolve()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            path = Path(dirpath) / name
            real = path.resolve()
            if not real.is_relative_to(base) or not real.is_file():
                continue
            found.append(path)
            if len(found) > MAX_FOLDER_FILES:
                raise ApiError(422, "input", f"more than {MAX_FOLDER_FILES:,} files in that folder; index it with "
                               "`veracity index DIR --db DB`, or pick a smaller folder")
    return found


def subfolders(root: str) -> list[str]:
    """Folders under the root as relative paths ('' first), for the UI to offer."""
    base = Path(root).resolve()
    out, frontier = [""], [(base, 0)]
    while frontier and len(out) < MAX_LISTED_FOLDERS:
        folder, depth = frontier.pop(0)
        if depth >= LISTED_DEPTH:
            continue
        try:
            children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".") and not p.is_symlink())
        except OSError:
            continue
        for child in children:
            if len(out) >= MAX_LISTED_FOLDERS:
                break
            out.append(child.relative_to(base).as_posix())
            frontier.append((child, depth + 1))
    return out


def install(app: FastAPI, ctx: ApiContext) -> None:
    @app.post("/v1/evidence/folder", summary="Index a folder under the server's evidence root, as a job", status_code=202,
              response_model=JobOut, responses=ERRORS, tags=["evidence"])
    def index_folder(body: FolderRequest) -> JSONResponse:
        """Needs `serve --evidence-root DIR` and `--evidence-db`. Answers at once with a job whose
        results say, per file, how many documents were added or skipped (already indexed)."""
        root = ctx.settings.evidence_root
        if not ctx.evidence_db:
            raise ApiError(404, "not_found", "this server has no evidence index (start it with --evidence-db DB)")
        if not root:
            raise ApiError(404, "not_found", "this server has no evidence folder (start it with --evidence-root DIR); upload files instead")
        folder = resolve_folder(root, body.path)
        files = folder_files(folder, root)
        base = Path(root).resolve()

        def work(path: Path) -> dict[str, Any]:
            name = path.relative_to(base).as_posix()
            good, errors = [], []
            for item in iter_articles([str(path)], ctx.options):
                (errors if isinstance(item, InputError) else good).append(item)
            counts = ctx.add_evidence(good)
            # Errors name the file by its path under the root, never by the server's path.
            error = {"code": errors[0].code, "message": errors[0].message.replace(str(base), ""),
                     "count": len(errors)} if errors else None
            return {"ok": not errors or bool(good), "source": name, "added": counts.added, "skipped": counts.skipped,
                    "sentences": counts.sentences, "error": error}

        job = ctx.jobs.start("index", files, work)
        return JSONResponse(job.to_dict(), status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})
