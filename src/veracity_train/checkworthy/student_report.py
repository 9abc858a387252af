"""``veracity train checkworthy --student``: distil, export, choose the band, write STUDENT_REPORT.md.

Imports torch (a training extra) at module level on purpose: the CLI turns the ImportError into
a message naming the extra.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import onnx  # noqa: F401  (needed by onnxruntime.quantization; fail early with a clear message)
import torch  # noqa: F401

from ..metrics import reliability
from ..share_embeddings import stored_note
from .transformer_report import _row, eval_sets
from .student import train_student

REPORT = "STUDENT_REPORT.md"


def _bins(name: str, ece: float, bins) -> str:
    return f"- {name}: ECE {ece:.4f}; bins (range n mean-p pos-rate): " + "; ".join(f"{r} {n} {c:.2f} {a:.2f}" for r, n, c, a in bins)


def train_and_report(out: Path, log: Callable[[str], None] = print) -> dict:
    from veracity.claims.checkworthy import CascadeModel, CheckworthyModel, TransformerModel

    t0 = time.perf_counter()
    meta = train_student(out, log)
    st = TransformerModel.load(out / "student")
    tx = TransformerModel.load(out / "transformer")
    front = CheckworthyModel.load(out / meta["front"])
    band = meta["cascade"]
    cas = CascadeModel(front, st, band["lo"], band["hi"], band["mix"], band["mix_threshold"])
    evals = eval_sets()
    rows, shares, rel = [], [], []
    for name, g in evals.items():
        for label, m in (("student", st), ("student-cascade", cas)):
            ece, bins = reliability(m.score(g.texts), g.labels.astype(float))
            rel.append(_bins(f"{label} / {name}", ece, bins))
        pf = front.score(g.texts)
        rows.append(_row(f"{meta['front']} / {name}", g.labels, pf, front.threshold))
        rows.append(_row(f"transformer (teacher) / {name}", g.labels, tx.score(g.texts), tx.threshold))
        rows.append(_row(f"student / {name}", g.labels, st.score(g.texts), st.threshold))
        rows.append(_row(f"student-cascade / {name}", g.labels, cas.score(g.texts), cas.threshold))
        shares.append(f"{name}: {cas.band(pf).mean():.1%}")
    cps = "\n".join(f"| {c['step']} | {c['fraction']:.2f} | {c['held_ap']:.4f} | {c['held_f1']:.4f} | {c['threshold']:.2f} |"
                    for c in meta["checkpoints"])
    r = meta["refit"]
    q = meta["quantisation_check"]
    text = f"""# Check-worthiness student (2-layer MiniLM distilled from the transformer): training report

Written by `veracity train checkworthy --student` (training extra: `pip install torch==2.13.0 onnx==1.23.2`;
deterministic: file order, seed {meta['seed']}, one thread, `torch.use_deterministic_algorithms(True)`). The two
training runs are cached under `/tmp/veracity-cache/cw-student/` keyed by their inputs; to use both cores, fill the
cache first with `python -m veracity_train.checkworthy.student selection` and `... refit` in parallel. It reads what
`veracity train checkworthy --transformer` and `--distil` leave behind (the teacher's selection network and the pool's
teacher scores, cached under `/tmp/veracity-cache/`), so on a new machine run those first. This invocation
took {meta['seconds'] + round(time.perf_counter() - t0)} s; the refit run itself took {r['seconds']} s on one thread.

## Why a student

The fine-tuned 6-layer transformer (`TRANSFORMER_REPORT.md`) meets the quality targets at ~320 sentences per
CPU-second; the issue wants 2,000 sentences/s. Cutting MiniLM to 2 layers makes it ~3x cheaper (~990 sentences per
CPU-second, int8, batch 1); behind the distilled n-gram model on at most {meta['max_band_share']:.0%} of sentences, that fits the budget.

## Data and targets

Selection run: the fit folds of ClaimBuster crowdsourced (GroupKFold(5) by debate, fold 0 held out, as for the
teacher) plus an unlabelled pool of {meta['selection']['rows']} sentences in all (CheckThat! 2019 transcript lines and BBC
news sentences, every sentence that occurs in a labelled file removed; see `checkworthy_distil.py`). Targets are soft:
{meta['label_weight']} x human label + {1 - meta['label_weight']} x teacher probability on labelled sentences, the teacher probability on the
pool. The selection run's teacher is the transformer's selection network, which never saw fold 0. The refit run
uses every fold ({r['rows']} sentences with the pool) and the shipped teacher.

## Model

{meta['base']}, mean pooling, linear head, max {meta['max_tokens']} word pieces; the word-piece table frozen.
AdamW (body lr {meta['lr_body']}, head lr {meta['lr_head']}, weight decay 0.01), 6% warm-up then linear decay, batch
{meta['batch']}, {meta['epochs']} epochs over length-bucketed batches in seeded order, binary cross-entropy on the soft targets.
Export: {meta['quantisation']}; {stored_note(meta)}. |p(int8) - p(fp32)| on
every 9th held-out sentence: per-tensor mean {q['tensor']['mean_abs_diff']}, per-channel mean {q['channel']['mean_abs_diff']}.

Held-out checkpoints of the selection run (fp32):

| step | share of schedule | held-out AP | held-out best F1 | at threshold |
|---|---|---|---|---|
{cps}

Kept: the checkpoint at {meta['chosen_fraction']:.2f} of the schedule (best held-out AP); int8 on the held-out fold: AP
{meta['held_ap']:.4f}, F1 {meta['held_f1']:.4f} (the {meta['front']} n-gram recipe on the same folds: AP {meta['front_held_ap']:.4f}).
The refit network stops at the same share ({r['steps']} of {r['of_total']} steps). Its threshold, {meta['threshold']:.2f}, is carried
over by decision rate: on {r['match_sentences']} unlabelled CheckThat! 2019 sentences the selection network calls
{r['match_rate']:.1%} check-worthy at {r['threshold_selection']:.2f}; the refit network the same share at {meta['threshold']:.2f}.

## Cascade (`student-cascade`)

The {meta['front']} n-gram model (`TRAINING_REPORT.md` of `distilled/`; held-out probabilities from its recipe refitted on
the fit folds) scores every sentence; those with its score in [{band['lo']:.2f}, {band['hi']:.2f}] are re-scored by the
student, blended as (1 - w) * student + w * n-gram with w = {band['mix']} (held-out best F1 by w: {band['mix_table']}),
threshold {band['mix_threshold']:.2f} mapped onto the n-gram threshold {meta['front_threshold']:.2f}. Band: the best held-out F1 among
bands re-scoring at most {meta['max_band_share']:.0%} of sentences (the student is cheap enough that the whole budget goes to quality):
{band['share']:.1%} of held-out sentences, cascade F1 {band['f1']:.4f} (the blend on every sentence: {band['mix_f1']:.4f}; the
n-gram model alone {band['fast_f1']:.4f}). Share on the evaluation files: {'; '.join(shares)}.

## Reliability of the probabilities

10 equal-width bins; ECE = expected calibration error. The student's score is a distilled copy of the
teacher's, which was trained with class-balanced weights, so it is a ranking score with a chosen
threshold, not a calibrated probability: expect it to over-state the chance of a positive.

{_bins("held-out fold 0, selection network (int8)", meta["held_reliability"]["ece"], meta["held_reliability"]["bins"])}
{chr(10).join(rel)}

## Evaluation files (measured, not tuned)

| model / set | rows | positives | precision | recall | F1 | AP |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}
"""
    (out / REPORT).write_text(text, encoding="utf-8")
    log(f"wrote {out / REPORT}")
    return meta
