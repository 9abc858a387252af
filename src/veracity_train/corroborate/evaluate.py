"""`veracity eval related`: same-story decisions on a stance-style JSONL file, and the FNC-1 converter.

Input (as ``../shared/eval/score_stance.py`` reads, plus ``related`` per evidence for
scoring): one claim a line, ``{"claim_id", "claim", "evidences": [{"evidence_id",
"evidence", ...}]}``; an evidence is a whole article (FNC-1 bodies). Output, one line per
claim: ``{"claim_id", "evidences": [{"evidence_id", "related", "score"}]}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from veracity.errors import InputError
from veracity.corroborate import related as rel
from veracity.corroborate import textfeat as tf

FNC_TO_STANCE = {"agree": "SUPPORTS", "disagree": "REFUTES", "discuss": "NOT_ENOUGH_INFO", "unrelated": "NOT_ENOUGH_INFO"}


def read_jsonl(path: str | Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {n}: not JSON ({exc.msg})", source=str(path)) from None
            if not isinstance(row, dict) or "claim_id" not in row or "claim" not in row or not isinstance(row.get("evidences"), list):
                raise InputError(f"line {n}: needs claim_id, claim and an evidences list", source=str(path))
            out.append(row)
    return out


def predict(rows: list[dict], model: rel.RelatedModel | None = None, encode: Callable | None = None,
            log: Callable[[str], None] | None = None) -> Iterator[dict]:
    """Score every (claim, evidence) pair; evidences with the same text are embedded once."""
    from veracity.text.embed import encode as default_encode

    enc = encode or default_encode
    model = model or rel.load_model()
    texts: dict[str, int] = {}
    for r in rows:
        for e in r["evidences"]:
            texts.setdefault(str(e.get("evidence", "")), len(texts))
    ordered = sorted(texts, key=texts.get)  # type: ignore[arg-type]
    sents = [tf.sentences(t, rel.BODY_SENTENCES) or [t[:1000] or " "] for t in ordered]
    flat = [s for ss in sents for s in ss]
    if log:
        log(f"{len(rows)} claims, {len(ordered)} distinct evidence texts, {len(flat)} sentences to embed")
    vecs = enc(flat) if flat else np.zeros((0, 384), dtype=np.float32)
    views, k = [], 0
    for ss in sents:
        views.append(rel.DocView.build(ss, vecs[k:k + len(ss)]))
        k += len(ss)
    claim_vecs = enc([str(r["claim"]) for r in rows]) if rows else np.zeros((0, 384))
    for r, cv in zip(rows, claim_vecs):
        evs = []
        for e in r["evidences"]:
            x = model.features_for(str(r["claim"]), cv, views[texts[str(e.get("evidence", ""))]])
            s = float(model.score(x)[0])
            evs.append({"evidence_id": e["evidence_id"], "related": s >= model.threshold, "score": round(s, 4)})
        yield {"claim_id": r["claim_id"], "evidences": evs}


def fnc1_to_jsonl(fnc1_dir: str | Path, out: str | Path) -> tuple[int, int]:
    """Write FNC-1 train as stance-style JSONL (claim = headline, evidences = whole bodies).

    ``evidence_label`` maps agree/disagree/discuss/unrelated to SUPPORTS/REFUTES/NEI/NEI and
    ``related`` is true unless the stance is 'unrelated'. The output is data: keep it out of the repo.
    """
    from .related import load_fnc1

    data = load_fnc1(Path(fnc1_dir))
    per: dict[int, list] = {}
    for h, b, related, stance in data.pairs:
        per.setdefault(h, []).append({"evidence_id": b, "evidence": data.bodies[b], "evidence_label": FNC_TO_STANCE[stance],
                                      "stance": stance, "related": related})
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for h in sorted(per):
            labels = {e["evidence_label"] for e in per[h]}
            claim_label = "DISPUTED" if {"SUPPORTS", "REFUTES"} <= labels else ("SUPPORTS" if "SUPPORTS" in labels else "REFUTES" if "REFUTES" in labels else "NOT_ENOUGH_INFO")
            f.write(json.dumps({"claim_id": str(h), "claim": data.headlines[h], "claim_label": claim_label, "evidences": per[h]}, ensure_ascii=False) + "\n")
            n += len(per[h])
    return len(per), n
