"""CLI commands for the corroborate area: corroborate, stories, eval related, train related."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from .common import console, err_console, existing_index, options_from
from .training import training

SCORER = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "score_related.py"


def _print_corroboration(dossier, show_all: bool) -> None:
    claims = [c for c in dossier.claims if c.corroboration is not None]
    if not claims:
        console.print("no claims were checked (none long or check-worthy enough)")
        return
    shown = 0
    for c in claims:
        s = c.corroboration
        if not s.reports and not show_all:
            continue
        shown += 1
        console.print(f"\n[bold]claim[/bold] {c.span.text.strip()}")
        if not s.reports:
            console.print("  no corroborating report found in the index")
            continue
        for r in s.reports:
            mark = " (earliest)" if r.document_id == s.earliest else ""
            console.print(f"  - {r.outlet or '?'} {r.published or 'undated'} sim {r.similarity:.2f}{mark}  [{r.title or r.document_id}]", markup=False)
            console.print(f"    \"{r.span.text.strip()}\"", markup=False)
            console.print(f"    origin: {r.origin}", markup=False)
            for d in r.divergences:
                here = " / ".join(x.text for x in d.here)
                there = " / ".join(x.text for x in d.there)
                console.print(f"    [yellow]diverges[/yellow] ({d.kind}): here '{here}' vs there '{there}' — {d.detail}")
        lines = s.independent_lines
        verdict = "no independent corroboration found" if lines == 0 else f"{lines} independent line{'s' if lines != 1 else ''} of evidence"
        console.print(f"  {verdict}; {len(s.reports)} report{'s' if len(s.reports) != 1 else ''}")
    if not shown:
        console.print(f"no independent corroboration found: none of {len(claims)} checked claims is carried by another indexed report")


def corroborate(
    ctx: typer.Context,
    article: str = typer.Argument(..., help="An article file (.txt, .html, ...) or - for stdin."),
    db: Optional[str] = typer.Option(None, "--db", help="The store holding the evidence index (veracity index ... --db DB)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json | html | md (json/html/md: the whole dossier)"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write json/html/md here instead of stdout."),
    show_all: bool = typer.Option(False, "--all", help="Also list claims with no corroborating report."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) when the input has none."),
    stages: Optional[str] = typer.Option(None, "--stages", help="Comma-separated analysis stages to run before corroborate.v1 (default: the corroborate profile's)."),
) -> None:
    """Per claim: the reports in the index that carry it, the earliest, divergences and independent lines."""
    from ..analysis import analyze_article
    from ..errors import InputError
    from ..ingest import read_path
    from ..records import dossier_to_json
    from ..profiles import load

    db_path = existing_index(db)
    # The corroborate profile's stages, or --stages then corroborate.v1, given as the command's
    # own: a config file's stage list never drops corroborate.v1.
    before = stages.split(",") if stages else list(load("corroborate").stages)
    options = options_from(ctx.obj, "corroborate", evidence_db=db_path, reference_date=published,
                           stages=[s.strip() for s in before if s.strip() and not s.strip().startswith("corroborate")] + ["corroborate.v1"])
    arts = read_path(article, options, sys.stdin.buffer)
    if not arts:
        raise InputError("no article found", source=article)
    t0 = time.perf_counter()
    dossier = analyze_article(arts[0], options)
    took = time.perf_counter() - t0
    if fmt in ("json", "html", "md"):
        from ..report import render

        text = dossier_to_json(dossier) if fmt == "json" else render([dossier], fmt)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    elif fmt != "text":
        raise typer.BadParameter("--format must be text, json, html or md")
    else:
        _print_corroboration(dossier, show_all)
        if options.verbose:
            err_console.print(f"{took:.2f}s")


def stories(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help="The store holding the evidence index."),
    min_size: int = typer.Option(2, "--min-size", help="Only stories with at least this many articles."),
    limit: int = typer.Option(20, "--limit", help="Show this many stories (largest first); 0 for all."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json"),
) -> None:
    """Cluster indexed articles into stories (incrementally) and print each story's timeline."""
    from ..corroborate import stories as st
    from ..retrieval.index import EvidenceIndex

    db_path = existing_index(db)
    t0 = time.perf_counter()
    index = EvidenceIndex(db_path)
    new, total = st.update(index)
    found = st.stories(index, min_size=min_size)
    took = time.perf_counter() - t0
    shown = found[:limit] if limit else found
    if fmt == "json":
        sys.stdout.write(json.dumps([{"story_id": s.id, "documents": [d.__dict__ for d in s.timeline()]} for s in shown], ensure_ascii=False, indent=2) + "\n")
    else:
        for s in shown:
            tl = s.timeline()
            console.print(f"\n[bold]story[/bold] {s.id[:14]} — {len(tl)} articles")
            for k, d in enumerate(tl):
                role = "first report" if k == 0 and d.date else ("follow-up" if d.date else "undated")
                when = f"{d.date} ({'published' if d.date_source == 'published' else 'from text'})" if d.date else "undated"
                console.print(f"  {when:<26} {role:<12} {d.outlet or '?'}: {d.title or d.document_id}", markup=False)
    err_console.print(f"{new} new article(s) placed; {total} stories, {len(found)} with ≥{min_size} articles ({took:.1f}s)")


def eval_related(
    input: str = typer.Option(..., "--input", help="Stance-style JSONL: claim + candidate articles as evidences."),
    output: str = typer.Option(..., "--output", help="Write predictions here (the format score_related.py reads)."),
    score: bool = typer.Option(True, "--score/--no-score", help="Run ../shared/eval/score_related.py when the input has gold 'related'."),
) -> None:
    """Same-story decisions for each (claim, evidence) pair; prints the shared scorer's output."""
    ev = training("corroborate.evaluate")
    predict, read_jsonl = ev.predict, ev.read_jsonl

    rows = read_jsonl(input)
    t0 = time.perf_counter()
    with open(output, "w", encoding="utf-8") as f:
        for p in predict(rows, log=lambda m: err_console.print(m, markup=False)):
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    err_console.print(f"wrote {output} ({time.perf_counter() - t0:.1f}s)", markup=False)
    has_gold = rows and all("related" in e for e in rows[0]["evidences"])
    if score and has_gold and SCORER.exists():
        out = subprocess.run([sys.executable, str(SCORER), input, output], capture_output=True, text=True, check=False)
        sys.stdout.write(out.stdout)
        if out.returncode:
            err_console.print(out.stderr, markup=False)


def train_related(
    fnc1: Optional[str] = typer.Option(None, "--fnc1", help="FNC-1 folder (default ../shared/data/verification/fnc1)."),
    out: Optional[str] = typer.Option(None, "--out", help="Write the artefact here (default: the package's models/related/)."),
) -> None:
    """Train the same-story model on FNC-1 (cross-validated by headline) and write its JSON artefact."""
    tr = training("corroborate.related")

    tr.train(Path(fnc1) if fnc1 else tr.DEFAULT_FNC1, Path(out) if out else None, log=lambda m: err_console.print(m, markup=False))


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
    app.command("corroborate")(corroborate)
    app.command("stories")(stories)
    eval_app.command("related")(eval_related)
    train_app.command("related")(train_related)
