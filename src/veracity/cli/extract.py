"""`veracity extract`: print exactly the text the pipeline analyses, so extraction can be judged alone.

With one article the output is ``Article.text`` byte for byte (nothing added, not even a final
newline), so ``text[start:end]`` offsets from a dossier can be checked against it. With
several (a directory, a corpus, a feed) each text is preceded by a ``==> source <==`` header
line, as ``head`` does; ``--format jsonl`` gives one JSON object per article with its metadata.
Inputs that cannot be read get one line on stderr each; the exit code is 0 when all went
well, 1 when some inputs failed, 2 when nothing could be read.
"""

from __future__ import annotations

import json
import sys
import traceback
from typing import List

import typer

from ..errors import InputError
from ..records import Article
from .common import err_console, options_from

EXTRACT_FORMATS = ("text", "jsonl")


def _record(article: Article) -> dict:
    return {"source": article.source_path, "id": article.id, "kind": article.kind, "title": article.title,
            "byline": article.byline, "outlet": article.outlet, "url": article.url, "published": article.published,
            "language": article.language, "warnings": article.meta.get("warnings", []), "text": article.text}


def run_extract(paths: List[str], options, fmt: str = "text", out=None) -> int:
    from ..ingest import iter_articles

    out = out or sys.stdout
    ok = failed = 0
    pending: Article | None = None  # held back until we know whether a header is needed
    for item in iter_articles(paths, options):
        if isinstance(item, InputError):
            failed += 1
            if options.verbose and item.__traceback__ is not None:
                traceback.print_exception(item, file=sys.stderr)
            err_console.print(f"veracity: {item}", markup=False)
            continue
        for w in item.meta.get("warnings", []):
            err_console.print(f"veracity: {item.source_path}: warning: {w}", markup=False)
        ok += 1
        if fmt == "jsonl":
            out.write(json.dumps(_record(item), ensure_ascii=False) + "\n")
            continue
        if ok == 1:
            pending = item
            continue
        if pending is not None:
            _write_block(out, pending)
            pending = None
        _write_block(out, item)
    if pending is not None:
        out.write(pending.text)  # the only article: exactly its text
    out.flush()
    if ok == 0:
        return 2
    return 1 if failed else 0


def _write_block(out, article: Article) -> None:
    out.write(f"==> {article.source_path} <==\n")
    out.write(article.text if article.text.endswith("\n") else article.text + "\n")


def extract(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., help="Files, directories, corpora (.jsonl/.csv), feeds, or - for stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (the exact text) | jsonl (text with metadata)"),
    allow_non_english: bool = typer.Option(False, "--allow-non-english", hidden=True,
                                           help="Accepted for old scripts: extract reads every language."),
) -> None:
    """Print the exact text the pipeline analyses (for HTML: the extracted main text), in any language."""
    if fmt not in EXTRACT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXTRACT_FORMATS)}")
    # Extraction is language-independent: never refuse a language (analysis has its own
    # policy, ingest/language.py `policy`); the detected language is in --format jsonl.
    options = options_from(ctx.obj, check_language=False)
    code = run_extract(paths, options, fmt)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer, train_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this area's commands to the root, `train` and `eval` apps."""
    app.command("extract")(extract)
