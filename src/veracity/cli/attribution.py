"""CLI for the attribution area: `veracity attribute`, `veracity train attribution`,
`veracity eval attribution`."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ConfigError, InputError
from ..options import ATTRIBUTION_STAGES
from ..profiles import load as load_profile
from .common import console, err_console, profile_option
from .training import training

# The extractors by method name: the three attribution stages' and "tagger-fast", the tagger
# without its cue-conditioned second pass (about half the CPU; reached only by `--method`).
METHODS = ("learned", "rules", "tagger", "tagger-fast")
# The method of each attribution stage (options.ATTRIBUTION_STAGES read backwards).
STAGE_METHODS = {stage: method for method, stage in ATTRIBUTION_STAGES.items()}
# `veracity attribute` and `veracity eval attribution` answer "who says what" as well as we can,
# so they start from the interactive profile's attribution stage, the MiniLM tagger and its cue
# pass: it beats the CRFs on PolNeAR dev content overlap, content exact and full relation F1
# (docs/BENCHMARKS.md). The corpus profile keeps the CRFs (`--method learned`, ~15x cheaper).
PROFILE = "interactive"


def profile_method(name: str) -> str:
    """The method of profile ``name``'s attribution stage; ConfigError when it has none."""
    profile = load_profile(name)
    stage = next((s for s in profile.stages if s in STAGE_METHODS), None)
    if stage is None:
        raise ConfigError(f"profile {name} has no attribution stage; choose a --method")
    return STAGE_METHODS[stage]


DEFAULT_METHOD = profile_method(PROFILE)


def read_text(path: str) -> str:
    """The file's text exactly as the PolNeAR scorer reads it (UTF-8, no newline translation)."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", source=path)
    from ..options import MAX_ARTICLE_CHARS

    try:
        with open(p, encoding="utf-8", newline="") as f:
            # One character over the limit is enough to refuse; a hostile multi-GB file is never read whole.
            text = f.read(MAX_ARTICLE_CHARS + 1)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", source=path) from None
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"over the {MAX_ARTICLE_CHARS:,}-character limit for one article (max_article_chars)", source=path)
    return text


def load(method: str):
    """The spaCy pipeline (the text stage's) and the extractor for ``method``, loaded once."""
    from ..attribution.extractors import rule_relations
    from ..attribution.stage import learned_relations
    from ..options import Options
    from ..text.stage import SpacyText

    if method not in METHODS:
        raise InputError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    nlp = SpacyText(Options()).nlp
    if method == "learned":
        from ..attribution.stage import _extractor

        _extractor()  # load the CRFs now, not inside a timed run
        return nlp, learned_relations, "crf"
    if method == "tagger":
        from ..attribution.stage import _tagger_extractor, tagger_relations

        _tagger_extractor()  # load the ONNX tagger and the CRFs now, not inside a timed run
        return nlp, tagger_relations, "tagger"
    if method == "tagger-fast":
        from ..attribution.stage import _tagger_extractor, tagger_fast_relations

        _tagger_extractor(False)
        return nlp, tagger_fast_relations, "tagger"
    return nlp, rule_relations, "rules"


def attribute_texts(texts: List[str], method: str = DEFAULT_METHOD, n_process: int = 1, batch_size: int = 16, loaded=None):
    """(text, attributions, error or None) per text, in order, parsing with the text stage's
    spaCy pipeline; with ``n_process`` > 1, worker processes parse and extract
    (``attribution.parallel``). An article whose extraction fails gets no attributions and an
    error; the others go on."""
    from ..attribution.parallel import attribute_parallel, extract_safely
    from ..text.nlp import pipe

    # Loaded in the parent even when workers do the work: a bad method or model fails here with
    # a clear error, where a failing Pool initializer would be restarted forever.
    nlp, extract, tag = loaded or load(method)
    if n_process > 1 and len(texts) > 1:
        yield from attribute_parallel(texts, method, min(n_process, len(texts)), load)
        return
    for text, doc in zip(texts, pipe(nlp, texts, batch_size)):
        yield (text, *extract_safely(text, doc, extract, tag))


FORMATS = ("jsonl", "table")
# Longest content shown in a table cell; the JSONL output always has the whole span.
TABLE_CONTENT_CHARS = 160


def _spans_text(text: str, spans: list[list[int]], limit: int = 0) -> str:
    out = " … ".join(text[s:e].strip() for s, e in spans)
    return out if not limit or len(out) <= limit else out[:limit - 1] + "…"


def attribution_table(ident: str, text: str, atts: list[dict]):
    """A rich table for a person: who (typed, with the chain), the cue, what is said.

    Article text goes into cells as ``Text`` objects, never as console markup (it is hostile
    input: "[bold]" in an article must print as written)."""
    from rich.table import Table
    from rich.text import Text

    t = Table(title=Text(f"{ident}: {len(atts)} attribution(s)"), show_lines=True)
    for col in ("source", "type", "chain", "cue", "content"):
        t.add_column(col, overflow="fold")
    for a in atts:
        src = _spans_text(text, a["source"]) or "—"
        # a single link is worth showing only when it names more than the span ("who" -> its antecedent)
        shown = len(a["chain"]) > 1 or any(c["text"] != src for c in a["chain"])
        chain = " ← ".join(f"{c['text']} ({c['source_type']})" for c in a["chain"]) if shown else ""
        if a.get("source_entity") and a["source_entity"] not in src:
            src += f" = {a['source_entity']}"
        t.add_row(Text(src), Text(a["source_type"]), Text(chain), Text(_spans_text(text, a["cue"])),
                  Text(_spans_text(text, a["content"], TABLE_CONTENT_CHARS)))
    return t


def attribute(
    files: List[str] = typer.Argument(..., help="Plain-text articles (UTF-8)."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one line per file, character offsets) or table "
                            "(for reading: source, type, chain, cue, content)."),
    method: Optional[str] = typer.Option(None, "--method", help="tagger (MiniLM tagger with its cue-conditioned "
                               "second pass, most accurate), tagger-fast (without the second pass), learned (CRFs, "
                               "fastest learned) or rules. Default: the profile's attribution stage (interactive: tagger)."),
    processes: int = typer.Option(1, "--processes", help="Worker processes for many files (each parses and extracts)."),
    output: str = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    profile: str = profile_option(PROFILE, f"{PROFILE} (the tagger and its cue pass); only its attribution stage is used"),
) -> None:
    """Who says what: source, cue and content spans (character offsets) per file."""
    from ..attribution.stage import attributions_json

    method = method or profile_method(profile)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    # Every input gets its line, in input order: a file that cannot be read, or whose
    # extraction fails, is reported on stderr and, in JSONL, as {"id", "attributions": [],
    # "error": {code, message, source}} (the error object of `analyze`'s records), so a
    # consumer counting lines loses nothing; the scorer reads such a line as "no predictions".
    order: list[tuple[str, dict | None]] = []  # (file, read error or None)
    texts: list[str] = []
    for f in files:
        try:
            texts.append(read_text(f))
            order.append((f, None))
        except InputError as exc:
            err_console.print(f"veracity: {exc}", markup=False)
            order.append((f, exc.to_dict()))
    failed = 0
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "table":
            from rich.console import Console

            table_console = Console(file=out, highlight=False, soft_wrap=False, width=160 if output else None)
        results = attribute_texts(texts, method, n_process=processes)
        for f, error in order:
            if error is None:  # read: its extraction's result, in the same order
                text, atts, error = next(results)
                if error is not None:
                    error = {**error, "source": f}
                    err_console.print(f"veracity: {f}: {error['message']}", markup=False)
            ident = Path(f).stem
            if error is not None:
                failed += 1
                if fmt == "jsonl":
                    out.write(json.dumps({"id": ident, "attributions": [], "error": error}, ensure_ascii=False) + "\n")
                continue
            rows = attributions_json(atts)
            if fmt == "table":
                table_console.print(attribution_table(ident, text, rows))
            else:
                out.write(json.dumps({"id": ident, "attributions": rows}, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        raise typer.Exit(2 if failed == len(order) else 1)


def train_attribution(
    out: str = typer.Option(None, "--out", help="Write the artefact here instead of src/veracity/models/attribution."),
    tagger: bool = typer.Option(False, "--tagger", help="Fine-tune the MiniLM tagger instead (needs torch==2.13.0, onnx; "
                                "writes models/attribution/tagger/)."),
    cue_pass: bool = typer.Option(False, "--cue-pass", help="Train the tagger's cue-conditioned second pass from the "
                                  "tagger's weights (needs torch; writes models/attribution/cuepass/)."),
    decoder_only: bool = typer.Option(False, "--decoder-only", help="With --tagger or --cue-pass: only choose the "
                                      "decoder again on dev for the shipped network and rewrite meta.json and the "
                                      "report (no torch needed)."),
) -> None:
    """Train the cue and role CRFs (or, with --tagger, the MiniLM tagger; with --cue-pass, its second pass) on
    PolNeAR train; score on dev; write the artefact and report."""
    log = lambda m: console.print(m, markup=False)  # noqa: E731
    if decoder_only and not (tagger or cue_pass):
        raise typer.BadParameter("--decoder-only goes with --tagger or --cue-pass")
    if cue_pass:
        from ..attribution.cuepass import CUEPASS_DIR
        cp = training("attribution.cuepass")
        (cp.redecode if decoder_only else cp.train_cuepass)(Path(out) if out else CUEPASS_DIR, log=log)
        return
    if tagger:
        from ..attribution.tagger import TAGGER_DIR
        finish = training("attribution.tagger_report").finish

        dst = Path(out) if out else TAGGER_DIR
        if not decoder_only:
            training("attribution.tagger").train_tagger(dst, log=log)
        finish(dst, log=log)
        return
    crf = training("attribution.crf")
    crf.train_and_report(Path(out) if out else crf.MODEL_DIR, log=log)


def eval_attribution(
    split: str = typer.Option("dev", "--split", help="PolNeAR split (train or dev; test is held out)."),
    method: str = typer.Option(DEFAULT_METHOD, "--method", help="tagger, tagger-fast, learned or rules "
                               "(default: the interactive profile's attribution stage)."),
    limit: int = typer.Option(0, "--limit", help="Only the first N articles (0 = all)."),
    processes: int = typer.Option(1, "--processes", help="Worker processes (each parses and extracts)."),
    output: str = typer.Option(None, "-o", "--output", help="Keep the predictions JSONL here."),
) -> None:
    """Run the extractor on a PolNeAR split and print ../shared/eval/attribution/score.py's report."""
    from ..attribution.stage import attributions_json

    evaluate, polnear = training("attribution.evaluate"), training("attribution.polnear")
    arts = polnear.load_split(split)
    if limit:
        arts = arts[:limit]
    loaded = load(method)
    t0 = time.perf_counter()
    rows = []
    for a, (_t, atts, error) in zip(arts, attribute_texts([a["text"] for a in arts], method, n_process=processes, loaded=loaded)):
        if error is not None:  # scored as "no predictions", and said
            err_console.print(f"veracity: {a['id']}: {error['message']}", markup=False)
        rows.append({"id": a["id"], "attributions": attributions_json(atts)})
    secs = time.perf_counter() - t0
    path = output or tempfile.mkstemp(prefix="veracity-attr-", suffix=".jsonl")[1]
    evaluate.write_jsonl(rows, path)
    if limit:
        _res, report = evaluate.score_rows(arts, rows, Path(path).name)
    else:
        report = evaluate.run_scorer_cli(path, split)
    console.print(report.rstrip(), markup=False)
    console.print(f"{len(arts)} articles in {secs:.1f}s ({len(arts) / secs:.2f} articles/s, parsing included)", markup=False)
    if not output:
        Path(path).unlink(missing_ok=True)


def register(app, train_app, eval_app) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
    app.command("attribute")(attribute)
    train_app.command("attribution")(train_attribution)
    eval_app.command("attribution")(eval_attribution)
