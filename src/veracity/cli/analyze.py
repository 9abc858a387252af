"""Core commands: analyze, extract, list, show, doctor."""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import List, Optional

import typer

from .. import SCHEMA_VERSION
from ..report.registry import formats
from .common import console, err_console, options_from, profile_option

# The output formats, from the one registry (report/registry.py).
FORMATS = formats()


def _write(text: str, output: Optional[str]) -> None:
    if output and output != "-":
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _error_record(r) -> dict:
    return {"schema_version": SCHEMA_VERSION, "source": r.source, "error": r.error.to_dict()}


def _results_document(results) -> dict:
    """Several inputs in one JSON document: a status per input, in input order."""
    from ..records import dossier_to_dict

    items = [{"source": r.source, "ok": True, "dossier": dossier_to_dict(r.dossier)} if r.ok
             else {"source": r.source, "ok": False, "error": r.error.to_dict()} for r in results]
    return {"schema_version": SCHEMA_VERSION, "results": items}


def analyze(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., help="Files, directories, corpora (.jsonl/.csv), feeds, or - for stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help=" | ".join(FORMATS)),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    db: Optional[str] = typer.Option(None, "--db", help="Store dossiers in this SQLite database."),
    no_store: bool = typer.Option(False, "--no-store", help="Do not store dossiers (default: store in the user data dir)."),
    stages: Optional[str] = typer.Option(None, "--stages", help="Comma-separated stage names to run instead of the defaults."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) when the input has none."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="The outlet that published the article when the input names none: "
                                         "reports repeating it count as the claim's own origin."),
    allow_non_english: bool = typer.Option(False, "--allow-non-english", help="Analyse non-English text anyway."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or per-input status on stderr."),
    processes: Optional[int] = typer.Option(None, "--processes", "-p", help="Worker processes for many inputs (default 1)."),
    evidence_db: Optional[str] = typer.Option(None, "--evidence-db", "-e", help="An index built by `veracity index`: adds verdicts and corroboration."),
    attribution: Optional[str] = typer.Option(None, "--attribution", help="Attribution extractor: tagger (MiniLM + cue pass, default, "
                                              "most accurate), learned (CRFs, ~15x cheaper; `veracity batch`'s default) or rules."),
    profile: Optional[str] = profile_option(None, "interactive, or evidence with --evidence-db"),
) -> None:
    """Analyse articles into dossiers: claims, numbers, places, dates, modality, frames and sources."""
    from ..analysis import iter_results
    from ..options import default_db_path, with_attribution, with_evidence_stages
    from ..report import render

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    db_path = None if no_store else (db or default_db_path())
    options = options_from(ctx.obj, profile or ("evidence" if evidence_db else "interactive"), db_path=db_path, stages=stages,
                           reference_date=published, reference_outlet=outlet, allow_non_english=allow_non_english or None,
                           n_process=processes,
                           evidence_db=evidence_db)
    if evidence_db and not stages:  # also over a config file's stage list, or another profile's
        options = options.replace(stages=with_evidence_stages(options.stages))
    if attribution:
        try:
            options = options.replace(stages=with_attribution(options.stages, attribution))
        except ValueError as exc:
            raise typer.BadParameter(f"--attribution: {exc}") from None
    # JSON Lines streams, so a corpus of any size never sits in memory; other formats collect.
    # Every input gets a status: failures are reported on stderr, as error records in
    # jsonl, and in the "results" list of json when several inputs were given.
    stream = open(output, "w", encoding="utf-8") if fmt == "jsonl" and output and output != "-" else sys.stdout
    results, n_ok, n_total = [], 0, 0
    try:
        for r in iter_results(paths, options):
            n_total += 1
            if not r.ok and not quiet:
                if options.verbose and r.error.__traceback__ is not None:
                    traceback.print_exception(r.error, file=sys.stderr)
                err_console.print(f"veracity: {r.error}", markup=False)
            elif r.ok and not quiet and options.verbose:
                err_console.print(f"ok {r.source} ({r.seconds:.2f}s)", markup=False)
            n_ok += r.ok
            if fmt == "jsonl":
                stream.write((render([r.dossier], "jsonl") if r.ok else json.dumps(_error_record(r), ensure_ascii=False)) + "\n")
            else:
                results.append(r)
    finally:
        if stream is not sys.stdout:
            stream.close()
    good = [r.dossier for r in results if r.ok]
    if fmt == "json" and len(results) > 1:
        _write(json.dumps(_results_document(results), ensure_ascii=False, indent=2), output)
    elif good:
        _write(render(good, fmt), output)
    if not n_ok:
        raise typer.Exit(2)
    if n_ok < n_total:
        raise typer.Exit(1)


def list_(ctx: typer.Context, db: Optional[str] = typer.Option(None, "--db"), limit: int = typer.Option(50, "--limit")) -> None:
    """List stored dossiers, newest first."""
    from ..options import default_db_path
    from ..store import open_store

    store = open_store(db or default_db_path())
    rows = store.list_articles(limit=limit)
    for row in rows:
        console.print(f"{row['id']}  {row['analysed_at'][:19]}  {row['claims']:>3} claims  {row['title'] or row['source_path'] or ''}", markup=False)
    if not rows:
        err_console.print("no stored dossiers")


def show(
    ctx: typer.Context, ident: str = typer.Argument(..., help="A dossier id (or a unique prefix)."),
    db: Optional[str] = typer.Option(None, "--db"),
    fmt: str = typer.Option("json", "--format", "-f"),
) -> None:
    """Print a stored dossier."""
    from ..options import default_db_path
    from ..report import render
    from ..store import open_store

    store = open_store(db or default_db_path())
    _write(render([store.get_dossier(ident)], fmt), None)


def doctor(quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Check that the pinned models are installed and match their hashes; time start-up."""
    from ..assets import verify_all
    from ..text import nlp

    t0 = time.perf_counter()
    paths = verify_all()
    nlp.load()
    took = time.perf_counter() - t0
    if not quiet:
        for name, p in paths.items():
            console.print(f"ok  {name}: {p}", markup=False)
        console.print(f"hash check + spaCy load: {took:.2f}s")


def serve(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help="SQLite store (default: the user data dir)."),
    evidence_db: Optional[str] = typer.Option(None, "--evidence-db", "-e", help="An evidence index (`veracity index ... --db`): "
                                              "analyses then verify and corroborate their claims, and the UI can add to it."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default; any other "
                             "needs VERACITY_API_TOKEN)."),
    port: int = typer.Option(8000, "--port"),
    allowed_host: List[str] = typer.Option([], "--allowed-host", help="A Host header to accept besides localhost, "
                                           "127.0.0.1, ::1 and --host (repeatable; '*.example.org' for subdomains)."),
    cors_origin: List[str] = typer.Option([], "--cors-origin", help="An origin whose pages may call the API "
                                          "(repeatable). Default: none, CORS off."),
    analysis_workers: Optional[int] = typer.Option(None, "--analysis-workers", min=1, help="Analyses at once (default: 2, or 1 on one core)."),
    analysis_queue: Optional[int] = typer.Option(None, "--analysis-queue", min=0, help="Analyses waiting before 503 (default 16)."),
    analysis_timeout: Optional[float] = typer.Option(None, "--analysis-timeout", min=0.1, help="Seconds before 504 (default 60)."),
    claimreview_org: Optional[str] = typer.Option(None, "--claimreview-org", help="The organisation ClaimReview exports name as author (default: veracity)."),
    claimreview_url: Optional[str] = typer.Option(None, "--claimreview-url", help="Where the reviews are published (each ClaimReview's url)."),
    evidence_root: Optional[str] = typer.Option(None, "--evidence-root", help="A server folder whose files the UI may index "
                                                "as evidence (folders under it are picked by relative path; nothing outside it is read)."),
) -> None:
    """Serve the REST API and the web UI. With VERACITY_API_TOKEN set, every request but
    /healthz and /readyz needs 'Authorization: Bearer <token>'; a browser signs in at /login."""
    import uvicorn

    from ..api.app import create_app
    from ..api.security import allowed_hosts_for, check_bind
    from ..api.settings import LOOPBACK_HOSTS, ServerSettings
    from ..options import default_db_path

    limits = {k: v for k, v in (("analysis_workers", analysis_workers), ("analysis_queue", analysis_queue),
                                ("analysis_timeout_s", analysis_timeout), ("claimreview_organisation", claimreview_org),
                                ("claimreview_url", claimreview_url)) if v is not None}
    if evidence_root is not None:
        if not Path(evidence_root).is_dir():
            raise typer.BadParameter(f"--evidence-root {evidence_root}: not a folder")
        limits["evidence_root"] = str(Path(evidence_root).resolve())
    settings = ServerSettings.from_env(allowed_hosts=allowed_hosts_for(host, allowed_host, LOOPBACK_HOSTS),
                                       cors_origins=tuple(cors_origin), **limits)
    check_bind(host, settings.token)  # before anything opens or binds
    # --evidence-db, else `evidence_db` from the config file or VERACITY_EVIDENCE_DB: create_app
    # then adds the verify and corroborate stages, as `analyze --evidence-db` does.
    options = options_from(ctx.obj, db_path=db or default_db_path(), evidence_db=evidence_db)
    err_console.print(f"veracity: serving on {host}:{port}; Host names accepted: {', '.join(settings.allowed_hosts)}"
                      + ("; bearer token required" if settings.token else "")
                      + ("; verifying against the evidence index" if options.evidence_db else ""), markup=False, highlight=False)
    uvicorn.run(create_app(options, settings), host=host, port=port, log_level="warning", server_header=False)


def register_serve(app: typer.Typer) -> None:
    """Add `veracity serve` to ``app``."""
    app.command("serve")(serve)


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add the core commands to the root app (`serve` first, as the command list shows them)."""
    register_serve(app)
    app.command("analyze")(analyze)
    # `extract` lives in cli/extract.py (ingest area).
    app.command("list")(list_)
    app.command("show")(show)
    app.command("doctor")(doctor)
