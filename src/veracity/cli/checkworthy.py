"""CLI for check-worthiness: `veracity checkworthy`, `veracity train checkworthy`, `veracity eval checkworthy`.

`veracity checkworthy` must start fast: it imports only the model module (numpy), never spaCy.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Optional, TextIO

import typer

from ..errors import InputError
from .common import err_console, options_from, profile_option
from .training import training

SCORER = Path("eval") / "score_checkworthy.py"
# Sentences scored per model call: large enough to amortise the per-call overhead, small
# enough that `veracity checkworthy -` streams its output for long inputs.
CHUNK = 4096


def _shared(option: Optional[str]) -> Path:
    if option:
        return Path(option)
    return training("paths").shared_dir()


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_sentences(path: str, options, stdin: BinaryIO | None = None) -> list[str]:
    """The lines of a file or of stdin (``-``), read as ingest reads any input: at most
    ``max_input_bytes`` (``veracity checkworthy - < /dev/zero`` once grew to 8 GB), UTF-8 or a
    legacy encoding it plausibly is (with a warning), else one line naming the input and why."""
    from ..ingest import read_bytes
    from ..ingest.text import decode

    source = "<stdin>" if path == "-" else path
    data = read_bytes(path, options, stdin)
    if not data.strip():  # nothing, or blank lines only: blank lines in, blank lines out
        text = data.decode("ascii")
    else:
        text, warnings = decode(data, source)
        for w in warnings:
            err_console.print(f"veracity: {source}: warning: {w}", markup=False)
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines[-1] == "" else lines


# The check-worthiness stage, whose model the commands run on each line.
STAGE = "claims.checkworthy.v1"
# The profile of `veracity checkworthy` and `eval checkworthy`: the transformer (profiles/checkworthy.toml says why).
PROFILE = "checkworthy"
# `eval checkworthy --model`'s help: the variants (claims.checkworthy.ALL_VARIANTS, not imported
# here: every `veracity` command loads this module, only scoring needs the model's) and the default.
MODELS = ("transformer | student | student-cascade | fast | cascade | full | distilled | distilled-cascade "
          "(default: the profile's claims.checkworthy.v1 model; the checkworthy profile's is transformer)")


def profile_model(options) -> str:
    """The check-worthiness model ``options`` give the stage: its profile's, a config file's or
    the environment's setting, else the stage's default (stages.py)."""
    from ..stages import REGISTRY

    return REGISTRY.configs(options.stage_config)[STAGE]["model"]


def _chunks(lines: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(lines), CHUNK):
        yield lines[i:i + CHUNK]


def write_predictions(texts_chunks: Iterable[list[str]], out: TextIO, threshold: float | None, variant: str,
                      processes: int = 1) -> int:
    from ..claims.checkworthy_pool import ModelPool

    n = 0
    with ModelPool(variant, processes) as model:
        th = model.threshold if threshold is None else threshold
        for texts in texts_chunks:
            for text, s in zip(texts, model.score(texts)):
                out.write(json.dumps({"text": text, "score": round(float(s), 6), "checkworthy": bool(s >= th)}, ensure_ascii=False) + "\n")
            n += len(texts)
    return n


def checkworthy(
    ctx: typer.Context,
    path: str = typer.Argument("-", help="A text file with one sentence per line, or - for stdin."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Decision threshold (default: the model's own)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write JSON Lines here instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", help="transformer (fine-tuned MiniLM, most accurate, default; ~320 sentences per CPU-second) | student (2-layer MiniLM distilled from it: as accurate on the dev files, ~1,100/s a core) | student-cascade (distilled n-grams, student on their uncertain band; ~3,600/s; what the dossier uses) | fast (n-grams, ~10,000/s) | cascade | full | distilled | distilled-cascade. Default: the profile's model."),
    processes: int = typer.Option(1, "--processes", "-p", min=1, help="Worker processes for large inputs (each loads the model; 2 on a 2-core machine doubles the network variants' throughput)."),
    profile: str = profile_option(PROFILE, f"{PROFILE} (the transformer); only its {STAGE} model is used"),
) -> None:
    """Score sentences for check-worthiness: JSON Lines {"text", "score", "checkworthy"}, in input order."""
    options = options_from(ctx.obj, profile, checkworthy_threshold=threshold)
    model = model or profile_model(options)
    th = options.checkworthy_threshold
    if th is not None and not 0.0 <= th <= 1.0:
        raise InputError(f"--threshold must be in [0, 1], got {th}")
    lines = read_sentences(path, options)
    out = open(output, "w", encoding="utf-8") if output and output != "-" else sys.stdout
    try:
        write_predictions(_chunks(lines), out, th, model, processes)
    finally:
        if out is not sys.stdout:
            out.close()


def train_checkworthy(
    out_dir: Optional[str] = typer.Option(None, "--out", help="Artefact directory (default: the package's models/checkworthy)."),
    shared: Optional[str] = typer.Option(None, "--shared", help="The shared data root (default: ../shared or $VERACITY_SHARED)."),
    transformer: bool = typer.Option(False, "--transformer", help="Instead: fine-tune MiniLM (needs the train extra: torch==2.13.0, onnx==1.23.2), export int8 ONNX, choose the cascade band."),
    distil: bool = typer.Option(False, "--distil", help="Instead: fit the n-gram LR on crowdsourced labels + the transformer's scores on CT19/BBC sentences (writes <out>/distilled)."),
    student: bool = typer.Option(False, "--student", help="Instead: distil the transformer into a 2-layer MiniLM student (training extra as --transformer; writes <out>/student and STUDENT_REPORT.md)."),
) -> None:
    """Train the check-worthiness model on ClaimBuster (deterministic) and write its report."""
    if shared:
        os.environ["VERACITY_SHARED"] = shared
    from ..claims.checkworthy import MODEL_DIR

    out = Path(out_dir) if out_dir else MODEL_DIR
    log = lambda m: err_console.print(m, markup=False, highlight=False)  # noqa: E731
    if distil:
        training("checkworthy.distil").train_distil(out / "distilled", log=log)
        return
    if student or transformer:
        module = "checkworthy.student_report" if student else "checkworthy.transformer_report"
        training(module).train_and_report(out, log=log)
        return
    training("checkworthy.ngrams").train(out, log=log)


def eval_checkworthy(
    ctx: typer.Context,
    gold: str = typer.Option(..., "--gold", help="Gold file: ClaimBuster CSV, CheckThat! 2024 TSV or CheckThat! 2019 CSV."),
    shared: Optional[str] = typer.Option(None, "--shared", help="The shared root holding eval/score_checkworthy.py (default: ../shared or $VERACITY_SHARED)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Decision threshold (default: the model's own)."),
    keep: Optional[str] = typer.Option(None, "--predictions", help="Also keep the predictions JSONL here."),
    model: Optional[str] = typer.Option(None, "--model", help=MODELS),
    profile: str = profile_option(PROFILE, f"{PROFILE} (the transformer); only its {STAGE} model is used"),
) -> None:
    """Run the model on a gold file and print the shared scorer's output."""
    read_gold = training("checkworthy.ngrams").read_gold
    options = options_from(ctx.obj, profile, checkworthy_threshold=threshold)
    model = model or profile_model(options)
    scorer = _shared(shared) / SCORER
    if not scorer.is_file():
        raise InputError(f"scorer not found: {scorer} (pass --shared or set VERACITY_SHARED)")
    texts = read_gold(Path(gold)).texts
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(keep) if keep else Path(tmp) / "predictions.jsonl"
        with pred.open("w", encoding="utf-8") as f:
            write_predictions([texts], f, options.checkworthy_threshold, model)
        res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
    sys.stdout.write(res.stdout)
    if res.returncode:
        sys.stderr.write(res.stderr)
        raise typer.Exit(res.returncode)


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
    app.command("checkworthy")(checkworthy)
    train_app.command("checkworthy")(train_checkworthy)
    eval_app.command("checkworthy")(eval_checkworthy)
