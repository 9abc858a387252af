"""CLI commands for the verify area: index, verify, train stance, eval stance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .common import console, db_path as common_db_path, err_console, existing_index, options_from
from .training import training

STANCE_SCORER = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "score_stance.py"


def _print_verdicts(dossier) -> None:
    claims = [c for c in dossier.claims if c.verdict is not None]
    if not claims:
        console.print("no claims were verified")
        return
    colour = {"SUPPORTED": "green", "REFUTED": "red", "DISPUTED": "yellow", "NOT_ENOUGH_INFO": "dim"}
    for c in claims:
        v = c.verdict
        console.print(f"\n[bold]claim[/bold] {c.span.text.strip()}", markup=True, highlight=False)
        console.print(f"  [{colour.get(v.label, 'white')}]{v.label}[/] (confidence {v.confidence:.2f})")
        if v.reason:
            console.print(f"  why: {v.reason}", markup=False, highlight=False)
        for e in v.evidence:
            where = f"{e.outlet or '?'} {e.published or 'undated'} [{e.title or e.document_id}] chars {e.span.start}-{e.span.end}"
            origin = f" [same origin: {e.origin.split(':', 1)[-1] if e.origin else '?'}]" if e.same_origin else ""
            console.print(f"  - {e.stance}{origin} ({e.stance_confidence:.2f}, relevance {e.score:.2f}) {where}", markup=False)
            console.print(f"    \"{e.span.text.strip()}\"", markup=False)
            for ch in e.checks:
                console.print(f"    check {ch.kind}: {ch.detail}", markup=False)


def index(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., help="Files, directories or corpora (anything `veracity analyze` reads)."),
    db: Optional[str] = typer.Option(None, "--db", help="The SQLite store to add the evidence index to."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Add documents to the evidence index (BM25 + MiniLM); already indexed texts are skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..errors import InputError
    from ..ingest import expand, iter_articles
    from ..retrieval.index import EvidenceIndex

    db_path = common_db_path(db)
    options = options_from(ctx.obj)
    files = list(expand(paths))
    errors: list[InputError] = []

    ix = EvidenceIndex(db_path)
    with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeElapsedColumn(),
                  console=err_console, disable=quiet) as bar:
        task = bar.add_task("index", total=len(files))

        def articles():
            # One file may hold many articles (JSONL, CSV, feeds): the bar counts files.
            for f in files:
                for item in iter_articles([f], options):
                    if isinstance(item, InputError):
                        errors.append(item)
                    else:
                        yield item
                bar.advance(task)

        counts = ix.add(articles())
    for e in errors:
        err_console.print(f"veracity: {e}", markup=False)
    stats = ix.stats()
    ix.close()
    console.print(f"added {counts.added} documents ({counts.sentences} sentences), skipped {counts.skipped} already indexed; "
                  f"index now {stats['documents']} documents, {stats['sentences']} sentences in {db_path}")
    # As `analyze`: 0 when every input went in, 1 when some failed, 2 when none went in.
    if errors:
        raise typer.Exit(1 if counts.added or counts.skipped else 2)


def verify(
    ctx: typer.Context,
    article: str = typer.Argument(..., help="An article file (.txt, .html, ...) or - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help="The store holding the evidence index (veracity index ... --db DB)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json (the whole dossier)"),
    k: Optional[int] = typer.Option(None, "--k", help="Evidence sentences kept per claim (default 5)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) when the input has none."),
) -> None:
    """Per claim: a verdict (SUPPORTED / REFUTED / DISPUTED / NOT_ENOUGH_INFO), its confidence and the cited evidence."""
    from ..errors import InputError
    from ..ingest import read_path
    from ..records import dossier_to_json
    from ..pipeline import Pipeline
    from ..profiles import load

    db_path = existing_index(db)
    # The verify profile's stages, given as the command's own: a config file's stage list never drops verify.v1.
    options = options_from(ctx.obj, "verify", evidence_db=db_path, reference_date=published, top_k_evidence=k,
                           stages=load("verify").stages)
    arts = read_path(article, options, sys.stdin.buffer)
    if not arts:
        raise InputError("no article found", source=article)
    pipe = Pipeline(options)
    for a in arts:
        d = pipe.analyze(a)
        if fmt == "json":
            sys.stdout.write(dossier_to_json(d) + "\n")
        else:
            _print_verdicts(d)


def train_stance(
    quick: bool = typer.Option(False, "--quick", help="Climate-FEVER + WiCE only (skips FNC-1); for trying things."),
    no_cross: bool = typer.Option(False, "--no-cross-encoder", help="Bi-encoder models only (no torch needed); for trying things."),
) -> None:
    """Train the stance model + verdict aggregator (Climate-FEVER dev, WiCE, FNC-1; grouped CV) into models/stance/.

    The cross-encoder stage needs the training extra (torch); its fold logits and weights are
    cached under /tmp/veracity-cache/verify/ce/ (~45 min on one thread when cold)."""
    report = training("verify.stance").train(log=lambda m: err_console.print(m, markup=False), quick=quick, cross=not no_cross)
    console.print(f"chosen: {report['chosen']}; CV evidence macro-F1 {report['evidence_macro_f1']:.4f}, "
                  f"claim accuracy {report['claim_accuracy']:.4f}")


def eval_stance(
    input: str = typer.Option(..., "--input", help="A Climate-FEVER style JSONL (claim + evidences)."),
    output: str = typer.Option(..., "--output", help="Where to write predictions (score_stance.py format)."),
    model: Optional[str] = typer.Option(None, "--model", help="With --system stack: a stance.npz other than the committed one."),
    system: str = typer.Option("news", "--system", help="news: the verifier's judge (news cross-encoder + checks); stack: the Climate-FEVER stack."),
    cv_folds: Optional[str] = typer.Option(None, "--cv-folds", help="news-folds.json from `python -m veracity_train.verify.news --export-folds`: judge each FNC-1 headline with the fold model that never saw it."),
    no_checks: bool = typer.Option(False, "--no-checks", help="With --system news: the model alone, without the frame-level checks."),
) -> None:
    """Label each given evidence (sentence or whole document) and each claim; write score_stance.py's format and print its output."""
    ev = training("verify.evaluate")
    predict_file, predict_file_news = ev.predict_file, ev.predict_file_news

    if system == "stack":
        n = predict_file(Path(input), Path(output), model)
    elif system == "news":
        n = predict_file_news(Path(input), Path(output), cv_folds, checks=not no_checks,
                              log=lambda m: err_console.print(m, markup=False))
    else:
        raise typer.BadParameter("--system is news or stack")
    err_console.print(f"wrote {n} claim predictions to {output}", markup=False)
    if STANCE_SCORER.exists():
        res = subprocess.run([sys.executable, str(STANCE_SCORER), input, output], capture_output=True, text=True)
        sys.stdout.write(res.stdout)
        if res.returncode:
            err_console.print(res.stderr, markup=False)
            raise typer.Exit(res.returncode)
    else:
        err_console.print(f"scorer not found at {STANCE_SCORER}; predictions written only", markup=False)


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
    app.command("index")(index)
    app.command("verify")(verify)
    train_app.command("stance")(train_stance)
    eval_app.command("stance")(eval_stance)
