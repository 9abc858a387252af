"""Run an extractor over a PolNeAR split and score it with the shared scorer (same code path
for `veracity eval attribution`, the training report, the benchmark and the CI gate)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any, Callable, Sequence

from . import polnear

Extract = Callable[[Any, str], list[dict[str, Any]]]


def rows_for(arts: Sequence[dict[str, Any]], docs: Sequence[Any], extract: Extract) -> list[dict[str, Any]]:
    """One scorer row per article: {"id", "attributions": [{"source","cue","content"}]}."""
    return [{"id": a["id"], "attributions": extract(d, a["text"])} for a, d in zip(arts, docs)]


def raw_row(art_id: str, rels: Sequence[Any]) -> dict[str, Any]:
    """The scorer row of extracted relations (``core.RawRelation``), before source typing:
    what the training commands' decoder searches score."""
    return {"id": art_id, "attributions": [{"source": list(r.source), "cue": list(r.cue), "content": list(r.content)}
                                           for r in rels]}


def score_rows(arts: Sequence[dict[str, Any]], rows: Sequence[dict[str, Any]], name: str = "veracity") -> tuple[dict[str, Any], str]:
    """Scores from ``../shared/eval/attribution/score.py`` and its printed report."""
    sc = polnear.scorer_module()
    sysd = {r["id"]: [{k: [tuple(x) for x in (att.get(k) or [])] for k in ("source", "cue", "content")}
                      for att in r["attributions"]] for r in rows}
    res = sc.score(list(arts), sysd)
    return res, sc.format_report(res, name)


def write_jsonl(rows: Sequence[dict[str, Any]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_scorer_cli(path: str, split: str) -> str:
    """The scorer's own command line over a predictions file, exactly as a reviewer runs it."""
    sc = polnear.scorer_module()
    buf = io.StringIO()
    with redirect_stdout(buf):
        sc.main(["--system", path, "--split", split])
    return buf.getvalue()


def headline(res: dict[str, Any]) -> dict[str, float]:
    """The figures the issue sets targets for."""
    return {
        "content_overlap_f1": res["content_overlap"]["f1"],
        "content_exact_f1": res["content_exact"]["f1"],
        "source_overlap_f1": res["source_overlap"]["f1"],
        "cue_exact_f1": res["cue_exact"]["f1"],
        "full_overlap_f1": res["full_overlap"]["f1"],
    }
