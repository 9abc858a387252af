"""`veracity batch`: analyse a corpus of any size into JSON Lines (and the store), locally or on Ray."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, List, Optional

import typer

from .. import SCHEMA_VERSION
from .common import err_console, options_from, profile_option

if TYPE_CHECKING:
    from ..store.protocol import DossierStore


def batch(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., help="Files, directories, corpora (.jsonl/.csv), feeds."),
    output: str = typer.Option(..., "--output", "-o", help="JSON Lines: one dossier or error record per input."),
    runner: str = typer.Option("local", "--runner", help="local (processes on this machine) or ray."),
    workers: int = typer.Option(2, "--workers", "-w", help="Processes (local) or actors (ray)."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: start Ray locally)."),
    db: Optional[str] = typer.Option(None, "--db", help="Also store dossiers here."),
    resume: bool = typer.Option(False, "--resume", help="Continue a stopped run: inputs that already have a line "
                                "in --output are skipped, the others appended."),
    attribution: Optional[str] = typer.Option(None, "--attribution", help="Attribution extractor: learned (CRFs, "
                                              "default for corpora), tagger (most accurate, ~3x the CPU) or rules."),
    profile: Optional[str] = profile_option(None, "corpus; whatever the profile, the attribution stage is --attribution's "
                                            "(or the batch_attribution option's, learned by default)"),
) -> None:
    """Analyse many articles; one bad article is recorded and the run goes on."""
    from ..batch.resume import done_sources, skip_done
    from ..errors import ConfigError
    from ..ingest import iter_articles
    from ..report import render

    if runner not in ("local", "ray"):
        raise ConfigError("--runner must be local or ray")
    flags = dict(db_path=db, n_process=workers, batch_attribution=attribution)
    options = options_from(ctx.obj, profile or "corpus", **flags)
    if profile is None and not options.batch_attribution:  # "": the stage list `analyze` has, as before profiles
        options = options_from(ctx.obj, "interactive", **flags)
    options = options.for_batch()
    store: DossierStore | None = None
    if db:
        from ..store import open_store

        store = open_store(db)
    # The output is the run's journal (batch/resume.py): resuming skips the inputs it has a
    # line for, keyed by source, so two inputs with the same text are never taken for one.
    done = done_sources(output) if resume else None
    skipped = [0]
    items = iter_articles(paths, options)
    if done:
        items = skip_done(items, done, skipped)
    if runner == "ray":
        from ..batch.ray_runner import run_ray

        results = run_ray(items, options, actors=workers, address=address)
    else:
        from ..batch.local import run_parallel

        results = (r for r, _, _ in run_parallel(items, options, workers))
    n = ok = 0
    t0 = time.perf_counter()
    with open(output, "a" if resume else "w", encoding="utf-8") as out:
        for r in results:
            n += 1
            if r.ok:
                ok += 1
                if store is not None:  # committed before its line is written: a line means stored
                    store.save_dossier(r.dossier)
                out.write(render([r.dossier], "jsonl") + "\n")
            else:
                out.write(json.dumps({"schema_version": SCHEMA_VERSION, "source": r.source, "error": r.error.to_dict()}, ensure_ascii=False) + "\n")
            if n % 100 == 0:
                err_console.print(f"{n} done, {n - ok} failed, {n / (time.perf_counter() - t0):.1f} articles/s", markup=False)
    err_console.print(f"{n} inputs: {ok} analysed, {n - ok} failed; {skipped[0]} skipped as already in {output}", markup=False)
    if n and not ok:
        raise typer.Exit(2)
    if ok < n:
        raise typer.Exit(1)


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
    app.command("batch")(batch)
